//! A paragraph's cues: how strongly its text reads as a question, thanks
//! or a welcome, whether it speaks in the first person or addresses
//! someone, how many words it runs to, and how it ends.

use crate::grammar::longest_of;
use crate::lang::Lexicon;

mod reading;

/// Cues of a paragraph's text (after its marker).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Cues {
    /// How strongly the text reads as a question: positive asks, negative
    /// answers.
    pub question: f32,
    /// Opens with thanks and is short: a closing remark.
    pub thanks: bool,
    /// Speaks in the first person (outside quotes).
    pub first_person: bool,
    /// Addresses someone in the second person (outside quotes).
    pub addresses: bool,
    /// Opens as the language's questions and requests do (`Why`, `Tell
    /// us`, `Erzählen Sie`).
    pub opens_asking: bool,
    /// Welcomes listeners or a guest near its start (`Welcome back.`,
    /// `Herzlich willkommen zu …`), within [`WELCOME_HEAD_BYTES`].
    pub welcomes: bool,
    /// Word count (see [`Cues::words`]), kept in four bytes: the cues of
    /// every paragraph fit in sixteen.
    word_count: u32,
    /// Ends in a colon.
    pub ends_colon: bool,
    /// Ends like a sentence (`.`, `!`, `?`, `…`, closing quote).
    pub ends_sentence: bool,
}

/// The most words a closing thanks runs to.
const THANKS_MAX_WORDS: usize = 14;

/// The last character of `text` before its closers ([`CLOSERS`]). A last
/// byte that is ASCII and no closer is that character, read without a
/// search.
fn last_char(text: &str) -> Option<char> {
    match text.as_bytes().last() {
        Some(&b) if b.is_ascii() && !CLOSERS.contains(&char::from(b)) => Some(char::from(b)),
        _ => text.trim_end_matches(CLOSERS).chars().last(),
    }
}

/// `text` without its openers ([`OPENERS`]). A text whose first byte
/// opens none of them (an ASCII character other than an opener, or the
/// first byte of a character outside ASCII other than `C2` and `E2`, which
/// the openers outside ASCII begin with) is returned as it is.
fn without_openers(text: &str) -> &str {
    match text.as_bytes().first() {
        Some(&b) if b.is_ascii() && !OPENERS.contains(&char::from(b)) => text,
        Some(&b) if !b.is_ascii() && b != 0xC2 && b != 0xE2 => text,
        _ => text.trim_start_matches(OPENERS),
    }
}

/// What may close a sentence after its last mark: quotes of every
/// language's style (`"…"`, `“…”`, `„…“`, `«…»`, `»…«`, `‚…‘`, `‹…›`),
/// brackets, emphasis marks and spaces.
const CLOSERS: &[char] = &[
    '"', '”', '“', '»', '«', '’', '‘', '›', '‹', '\'', ')', ']', ' ', '*', '_',
];

/// What may open a sentence before its first word: quotes, brackets and
/// emphasis marks.
const OPENERS: &[char] = &[
    '"', '“', '„', '«', '»', '‚', '‘', '‹', '›', '\'', '(', '[', '*', '_',
];

/// The question score's weights: what each piece of evidence adds to how
/// strongly a text reads as a question (negative: as an answer).
mod weight {
    /// It ends in a question mark.
    pub const ENDS_WITH_QUESTION_MARK: f32 = 2.0;
    /// A question mark stands inside it (not at the end).
    pub const HOLDS_QUESTION_MARK: f32 = 0.5;
    /// It opens with `¿`.
    pub const OPENS_WITH_INVERTED_MARK: f32 = 2.0;
    /// It opens with a question opener of the language (`Thưa ông`).
    pub const QUESTION_OPENER: f32 = 1.5;
    /// A question phrase stands near its end (`nghĩ sao`, `what do`).
    pub const QUESTION_PHRASE: f32 = 0.5;
    /// It speaks in the first person (outside quotes).
    pub const FIRST_PERSON: f32 = -0.5;
    /// It addresses the person spoken to (`vous`, `Sie`, `you`), outside
    /// quotes: with a question mark inside, that reads as a question.
    pub const SECOND_PERSON: f32 = 1.0;
    /// It runs over [`super::LONG_TEXT_WORDS`] words.
    pub const LONG_TEXT: f32 = -1.0;
}

/// A text over this many words is long: questions rarely are.
const LONG_TEXT_WORDS: usize = 60;

/// Question scores from which a text leans towards a question (a cue
/// without a question mark at the end)...
pub(crate) const LEANS_QUESTION: f32 = 1.0;
/// ...reads as one (an opener, or a question mark with little against
/// it)...
pub(crate) const READS_AS_QUESTION: f32 = 1.5;
/// ...and surely is one (it ends in a question mark, nothing against it).
pub(crate) const SURELY_QUESTION: f32 = 2.0;

impl Cues {
    /// The text's word count.
    pub(crate) fn words(&self) -> usize {
        self.word_count as usize
    }

    /// The text leans towards a question ([`LEANS_QUESTION`]).
    pub(crate) fn leans_question(&self) -> bool {
        self.question >= LEANS_QUESTION
    }

    /// The text reads as a question ([`READS_AS_QUESTION`]).
    pub(crate) fn reads_as_question(&self) -> bool {
        self.question >= READS_AS_QUESTION
    }

    /// The text surely is a question ([`SURELY_QUESTION`]).
    pub(crate) fn surely_question(&self) -> bool {
        self.question >= SURELY_QUESTION
    }
}

/// How much of a text's start is searched for a welcome.
const WELCOME_HEAD_BYTES: usize = 80;

/// How much of a long text's end is searched for question phrases.
const CUE_TAIL_BYTES: usize = 400;
/// How many words are searched for a first-person pronoun.
const FIRST_PERSON_WORDS: usize = 80;

/// Computes the cues of a turn's text.
pub(crate) fn cues(text: &str, lex: &Lexicon) -> Cues {
    let found = reading::read(text, lex);
    let words = found.words;
    let last = last_char(text);
    let mut q = 0.0f32;
    if last == Some('?') {
        q += weight::ENDS_WITH_QUESTION_MARK;
    } else if crate::text::any_byte(text.as_bytes(), |b| b == b'?') {
        q += weight::HOLDS_QUESTION_MARK;
    }
    let opened = without_openers(text);
    if opened.starts_with('¿') {
        q += weight::OPENS_WITH_INVERTED_MARK;
    }
    let opens_asking = longest_of(opened, &lex.question_openers).is_some();
    if opens_asking {
        q += weight::QUESTION_OPENER;
    }
    // Question phrases stand near a question's end: a long text is looked
    // at in its last part only.
    if found.question_phrase {
        q += weight::QUESTION_PHRASE;
    }
    // The persons, from the first words outside quotes (the reading's): a
    // first-person pronoun in any case, a second-person one as written.
    if found.first_person {
        q += weight::FIRST_PERSON;
    }
    if found.addresses {
        q += weight::SECOND_PERSON;
    }
    if words > LONG_TEXT_WORDS {
        q += weight::LONG_TEXT;
    }
    let thanks =
        words <= THANKS_MAX_WORDS && last != Some('?') && longest_of(text, &lex.thanks).is_some();
    Cues {
        question: q,
        thanks,
        first_person: found.first_person,
        addresses: found.addresses,
        opens_asking,
        welcomes: found.welcomes,
        word_count: u32::try_from(words).unwrap_or(u32::MAX),
        ends_colon: last == Some(':'),
        ends_sentence: matches!(last, Some('.' | '!' | '?' | '…' | '。')),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Language;
    use crate::lang::lexicon;

    #[test]
    fn question_cues() {
        let vi = lexicon(Language::Vi);
        assert!(cues("Thưa ông, năm nay tỉnh làm gì?", vi).question >= 3.0);
        assert!(cues("Xin ông chia sẻ thêm về kế hoạch năm tới.", vi).question > 1.0);
        assert!(cues("Tôi nghĩ năm nay sẽ tốt hơn.", vi).question < 0.0);
    }

    #[test]
    fn quotes_of_every_style_around_a_question() {
        let de = lexicon(Language::De);
        let fr = lexicon(Language::Fr);
        for (text, lex) in [
            ("„Welche Rolle spielen die Gemeinden?“", de),
            ("»Und die Zentralbank?«", de),
            ("« Et la banque centrale ? »", fr),
        ] {
            assert!(cues(text, lex).reads_as_question(), "{text}");
        }
        assert!(cues("¿Cómo?", lexicon(Language::Es)).question >= 4.0);
        assert!(cues("«¿Cómo?»", lexicon(Language::Es)).question >= 4.0);
    }

    #[test]
    fn addressing_the_interviewee_leans_to_a_question() {
        let fr = lexicon(Language::Fr);
        let de = lexicon(Language::De);
        // A question mark mid-paragraph and `vous`: a hard-wrapped question.
        let q = "Vous avez observé ces métiers de près. Savez-vous combien ils sont ? Puis il y a la question du salaire";
        assert!(cues(q, fr).reads_as_question(), "{q}");
        // Without the address, the same mark is not enough.
        let a =
            "Ils sont nombreux. Combien ? Personne ne le sait vraiment, même pas les plateformes";
        assert!(!cues(a, fr).reads_as_question(), "{a}");
        // Case tells German `Sie` (you) from `sie` (she, they).
        assert!(cues("Haben Sie damit gerechnet? Das war knapp", de).reads_as_question());
        assert!(!cues("Hat sie damit gerechnet? Das war knapp", de).reads_as_question());
    }

    #[test]
    fn closers_and_openers_are_cut_as_trim_matches_cuts_them() {
        for t in [
            "", "a", "?", "Why?\"", "Why?”", "Why? »", "x)", "(x", "«x", "» x", "„x", "‚x", "‹x",
            "“x", "é", "ể?", "Ông", "\u{a0}x", "x\u{a0}", "*_x_*", "'x'", "—x", "…",
        ] {
            assert_eq!(
                last_char(t),
                t.trim_end_matches(CLOSERS).chars().last(),
                "{t:?}"
            );
            assert_eq!(without_openers(t), t.trim_start_matches(OPENERS), "{t:?}");
        }
        for c in OPENERS {
            assert!(!c.is_ascii() || c.len_utf8() == 1);
            let first = c.to_string().as_bytes()[0];
            assert!(c.is_ascii() || first == 0xC2 || first == 0xE2, "{c:?}");
        }
    }

    #[test]
    fn thanks_cues() {
        let vi = lexicon(Language::Vi);
        assert!(cues("Xin cảm ơn ông!", vi).thanks);
        assert!(!cues("Cảm ơn câu hỏi của anh, nhưng tôi nghĩ vấn đề này còn rất nhiều điều phải bàn kỹ hơn nữa trong thời gian tới.", vi).thanks);
    }

    #[test]
    fn first_person_inside_quotes_does_not_count() {
        let vi = lexicon(Language::Vi);
        assert!(!cues("Hải Yến và Minh Khôi trong phim \"Cô dâu tháng Chạp\".", vi).first_person);
        assert!(cues("Tôi rất vui.", vi).first_person);
    }
}
