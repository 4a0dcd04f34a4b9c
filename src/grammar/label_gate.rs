//! A cheap look at a text before [`label`](crate::grammar::label::label)
//! reads one at its start: most places where a label is looked for (every
//! paragraph, by classify; after every sentence's end in a long paragraph,
//! by split) open plain speech, and a label
//! needs a delimiter right after its name (`:`, `：`, `.`, a spaced dash),
//! which plain speech rarely has where a name could end.
//!
//! The gate is conservative: when it says no, `label` finds nothing; when
//! it says maybe, `label` decides. Its reasoning follows `label`'s ways to a
//! label:
//!
//! - a speaker in brackets (`[Ana] [00:01]`), a lead (`+ `, `- `, `•`,
//!   `#`) or an opening bold marker: the text's first character shows
//!   them, and the text is left to `label`, as is a bare one-letter
//!   question label (`Q Why?`): a question's letter, then a space;
//! - otherwise the name starts the text, is at most `MAX_LABEL` (120) bytes
//!   long, and its delimiter follows it, maybe after a note in brackets
//!   (`[AP]:`, `(00:01):`): within [`DELIMITER_REACH`] bytes, a `:` or `：`,
//!   a `.`, or a spaced dash before a capital stands where a name ends;
//! - a name is a question or answer word (`Q`, `Phóng viên`, `Frage 2
//!   Nachfrage`: the text opens with a word of the language's or
//!   English's lists, and the name is at most [`LabelGate`]'s `qa_reach`
//!   bytes long), a name in capitals (no letter in lower case), a
//!   mixed-case name (no word of it all in lower case but a particle such
//!   as `de`), or, before a colon only, a name after an honorific or a
//!   post, or a post after an article (`Ông Trần … – Giám đốc Sở …:`, `Le
//!   ministre :`), which open with a word of the language's tables.

use crate::grammar::{is_word_of, longest_of, prefix_ci};
use crate::lang::{Lexicon, NAME_PARTICLES, Words};
use crate::text::{is_alnum, is_capitalised};

/// The longest label name, in bytes (`label`'s `MAX_LABEL`).
const MAX_NAME: usize = 120;
/// How far into a text a label's delimiter may stand: a name of
/// [`MAX_NAME`] bytes, a space, a note in brackets closing within 60 bytes
/// of its opening (`label`'s `MAX_NOTE`), the delimiter, with room to
/// spare.
const DELIMITER_REACH: usize = MAX_NAME + 1 + 62 + 8;
/// The most bytes a character of a table's word matches in a text,
/// ignoring case: one for an ASCII letter (it matches only ASCII), four
/// for any other.
const MAX_CHAR_BYTES: usize = 4;
/// The most bytes a question's number adds to its word (a space and three
/// digits), and the space before a follow-up's word.
const NUMBER_BYTES: usize = 1 + 3 + 1;

/// What `label` can find in a language, measured once: how long a
/// question or answer label can be, and which letters make a question
/// label alone.
#[derive(Clone, Copy, Debug)]
pub(crate) struct LabelGate {
    /// The most bytes of a question or answer label (its word, a number and
    /// a follow-up's word), in the text.
    qa_reach: usize,
    /// The ASCII letters that are a question label by themselves (`Q`,
    /// `F`), a bit each: a bare question label (`Q Why?`) is one of them.
    bare_questions: u128,
    /// The ASCII bytes that a question or answer word may open with, in
    /// either case, a bit each: a text opening with another ASCII byte
    /// opens with none of them.
    qa_firsts: u128,
}

/// The most bytes a word of `lists` can match in a text, ignoring case.
fn longest_match(lists: &[&Words]) -> usize {
    lists
        .iter()
        .flat_map(|l| l.iter())
        .map(|w| {
            w.chars()
                .map(|c| if c.is_ascii() { 1 } else { MAX_CHAR_BYTES })
                .sum::<usize>()
        })
        .max()
        .unwrap_or(0)
}

/// The lists `label` reads question and answer words from (see its
/// `name`): the language's and English's.
struct QaLists<'l> {
    /// Words read alone (`Q`, `Antwort`, `Nachfrage`).
    words: [&'l Words; 5],
    /// Words read before a number (`Q1`, `Frage 2`).
    numbered: [&'l Words; 2],
}

impl<'l> QaLists<'l> {
    fn of(lex: &'l Lexicon) -> Self {
        let en = crate::lang::lexicon(crate::Language::En);
        QaLists {
            words: [
                &lex.question_labels,
                &en.question_labels,
                &lex.follow_ups,
                &lex.answer_labels,
                &en.answer_labels,
            ],
            numbered: [&lex.question_labels, &en.question_labels],
        }
    }

    /// The ASCII bytes the words open with, in either case, a bit each
    /// (every bit when a word is empty). A word opening outside ASCII
    /// matches no text opening with an ASCII byte (see `prefix_ci`).
    fn ascii_firsts(&self) -> u128 {
        let mut bits = 0u128;
        for w in self
            .words
            .iter()
            .chain(&self.numbered)
            .flat_map(|l| l.iter())
        {
            match w.as_bytes().first() {
                None => return u128::MAX,
                Some(&f) if f.is_ascii() => {
                    bits |= 1 << f.to_ascii_lowercase() | 1 << f.to_ascii_uppercase();
                }
                Some(_) => {}
            }
        }
        bits
    }

    /// Whether `text` opens with one of the words, as `label` reads them: a
    /// word alone (a one-letter word in its own case) before no letter or
    /// digit, or a question's word before its number.
    fn open(&self, text: &str) -> bool {
        let alone = |l: &&Words| {
            l.candidates(text).any(|w| {
                prefix_ci(text, w).is_some_and(|n| {
                    (w.chars().count() > 1 || text[..n] == *w)
                        && !text[n..].starts_with(|c: char| is_alnum(c))
                })
            })
        };
        let numbered = |l: &&Words| {
            l.candidates(text).any(|w| {
                prefix_ci(text, w).is_some_and(|n| {
                    let rest = &text[n..];
                    rest.strip_prefix(' ')
                        .unwrap_or(rest)
                        .starts_with(|c: char| c.is_ascii_digit())
                })
            })
        };
        self.words.iter().any(alone) || self.numbered.iter().any(numbered)
    }
}

/// What a text is, looked up once for all the delimiters read in it.
struct Opening<'t, 'l> {
    text: &'t str,
    lex: &'l Lexicon,
    /// Whether it opens with a question or answer word.
    qa: Option<bool>,
    /// Whether it opens with an honorific, a post or an article.
    titled: Option<bool>,
}

impl Opening<'_, '_> {
    fn qa(&mut self) -> bool {
        let (text, lex) = (self.text, self.lex);
        *self.qa.get_or_insert_with(|| QaLists::of(lex).open(text))
    }

    fn titled(&mut self) -> bool {
        let (text, lex) = (self.text, self.lex);
        *self.titled.get_or_insert_with(|| may_be_titled(text, lex))
    }
}

impl LabelGate {
    /// The gate for `lex` (whose labels `label` reads with English's).
    pub(crate) fn of(lex: &Lexicon) -> Self {
        let lists = QaLists::of(lex);
        let numbered = longest_match(&lists.numbered)
            + NUMBER_BYTES
            + longest_match(&[
                &lex.follow_ups,
                &crate::lang::lexicon(crate::Language::En).follow_ups,
            ]);
        // A bare label is a question's (or a follow-up's) word.
        let bare_questions = [lists.words[0], lists.words[1], lists.words[2]]
            .iter()
            .flat_map(|l| l.iter())
            .filter(|w| w.len() == 1 && w.is_ascii())
            .fold(0u128, |bits, w| bits | 1 << w.as_bytes()[0]);
        LabelGate {
            qa_reach: longest_match(&lists.words).max(numbered),
            bare_questions,
            qa_firsts: lists.ascii_firsts(),
        }
    }

    /// Whether `label(text, lex)` may find a label: `false` only where it
    /// finds none.
    pub(crate) fn may_open(&self, text: &str, lex: &Lexicon) -> bool {
        self.open_with(text, lex, far_delimiter)
    }

    /// [`may_open`](Self::may_open) of the window `text[at..end]` of a
    /// text whose places of `:`, `]` and `0xEF` are `far` (its
    /// [`far_marks_into`], in order): the far delimiters are looked up
    /// there, not searched for again in every window.
    pub(crate) fn may_open_within(
        &self,
        text: &str,
        at: usize,
        end: usize,
        far: &[usize],
        lex: &Lexicon,
    ) -> bool {
        self.open_with(&text[at..end], lex, |head, from, opening| {
            // From the byte before, for a bracket just before a period.
            let (start, stop) = (at + from - 1, at + head.len());
            let first = far.partition_point(|&p| p < start);
            far[first..]
                .iter()
                .take_while(|&&p| p < stop)
                .any(|&p| far_delimiter_at(head, p - at, from, opening))
        })
    }

    /// [`may_open`](Self::may_open), with `far` reading the delimiters
    /// past every name's end (as [`far_delimiter`] does).
    fn open_with<'t, 'l>(
        &self,
        text: &'t str,
        lex: &'l Lexicon,
        far: impl FnOnce(&[u8], usize, &mut Opening<'t, 'l>) -> bool,
    ) -> bool {
        let b = text.as_bytes();
        let Some(&first) = b.first() else {
            return false;
        };
        // Brackets, a lead, a bold marker.
        if matches!(first, b'[' | b'+' | b'-' | b'#' | b'*' | b'_')
            || text.starts_with(['•', '–', '—'])
        {
            return true;
        }
        // A bare one-letter question label.
        if b.get(1) == Some(&b' ') && first < 128 && self.bare_questions & (1 << first) != 0 {
            return true;
        }
        let head = &b[..b.len().min(DELIMITER_REACH)];
        let mut opening = Opening {
            text,
            lex,
            qa: None,
            titled: None,
        };
        // A text opening with an ASCII byte that opens no question or
        // answer word opens with none.
        if first.is_ascii() && self.qa_firsts & (1 << first) == 0 {
            opening.qa = Some(false);
        }
        let qa_end = match opening.qa {
            Some(false) => 0,
            _ => self.qa_reach + 2,
        };
        // Delimiters are read in full up to a word in lower case (a name
        // holding it is no label's, nor is an upper-case one) and a
        // question's reach; past both, only a delimiter after a bracket or
        // a title can end a label. One pass over the bytes finds both.
        let mut lower_end = None;
        let (mut word_start, mut low, mut wide) = (0, true, false);
        for (i, &c) in head.iter().enumerate() {
            match BYTE_CLASS[usize::from(c)] {
                LOWER => {}
                SPACE => {
                    let word = &head[word_start..i];
                    if low && !word.is_empty() && is_lowercase_word(word, wide) {
                        lower_end = Some(i + 1);
                        break;
                    }
                    (word_start, low, wide) = (i + 1, true, false);
                }
                DELIMITER => {
                    low = false;
                    if i > 0 && self.ends_name(i, &mut opening) {
                        return true;
                    }
                }
                WIDE_DELIMITER => {
                    wide = true;
                    if i > 0 && self.ends_name(i, &mut opening) {
                        return true;
                    }
                }
                WIDE => wide = true,
                _ => low = false,
            }
        }
        let Some(from) = lower_end else {
            return false;
        };
        // Past the word in lower case, only delimiters are read, in full
        // up to the question's reach, then far.
        let near_end = from.max(qa_end);
        if self.near_delimiter(head, from, near_end, &mut opening) {
            return true;
        }
        near_end < head.len() && far(head, near_end, &mut opening)
    }

    /// Whether a delimiter of `head` in `from..near_end` (`from` at least
    /// 1) may end a label's name, read in full (see [`Self::ends_name`]).
    fn near_delimiter(
        &self,
        head: &[u8],
        from: usize,
        near_end: usize,
        opening: &mut Opening<'_, '_>,
    ) -> bool {
        let to = near_end.min(head.len());
        (from..to).any(|i| {
            matches!(BYTE_CLASS[usize::from(head[i])], DELIMITER | WIDE_DELIMITER)
                && self.ends_name(i, opening)
        })
    }

    /// Whether the delimiter at `p` (`:`, `.`, `-`, or a byte that opens
    /// `：`, `–` or `—`) may end a label's name, read in full.
    fn ends_name(&self, p: usize, opening: &mut Opening<'_, '_>) -> bool {
        let text = opening.text;
        let b = text.as_bytes();
        match b[p] {
            b':' => self.colon_ends_name(p, opening),
            0xEF if b[p..].starts_with("：".as_bytes()) => self.colon_ends_name(p, opening),
            b'.' => {
                b[p - 1] == b']'
                    || (p <= MAX_NAME && !text[..p].chars().any(char::is_lowercase))
                    || (p <= self.qa_reach && opening.qa())
            }
            b'-' | 0xE2 => self.dash_ends_name(p, opening),
            _ => false,
        }
    }

    /// Whether the colon at `p` may end a label: after a note or a time
    /// stamp in brackets, after a name, or where the text opens with an
    /// honorific, a post or an article.
    fn colon_ends_name(&self, p: usize, opening: &mut Opening<'_, '_>) -> bool {
        let text = opening.text;
        if matches!(text.as_bytes()[p - 1], b')' | b']') {
            return true;
        }
        // `Name :`, as French sets it.
        let name = text[..p].strip_suffix(' ').unwrap_or(&text[..p]);
        self.may_be_name(name, opening) || opening.titled()
    }

    /// Whether the dash at `p` is a spaced one before a capital or an
    /// opening mark (as `label`'s delimiter wants it) after what may be a
    /// name.
    fn dash_ends_name(&self, p: usize, opening: &mut Opening<'_, '_>) -> bool {
        let text = opening.text;
        let b = text.as_bytes();
        let dash = match b[p] {
            b'-' => 1,
            _ if b[p..].starts_with("–".as_bytes()) || b[p..].starts_with("—".as_bytes()) => 3,
            _ => return false,
        };
        if b[p - 1] != b' ' || b.get(p + dash) != Some(&b' ') {
            return false;
        }
        let opens = text[p + dash + 1..]
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || "(¿¡\"“«".contains(c));
        opens && self.may_be_name(&text[..p - 1], opening)
    }

    /// Whether `name` (the start of the text) may be a label's name ending
    /// at a delimiter: no word of it in lower case but a name's particle,
    /// or a question or answer label.
    fn may_be_name(&self, name: &str, opening: &mut Opening<'_, '_>) -> bool {
        let mixed = name.len() <= MAX_NAME
            && !name.split(' ').any(|w| {
                !w.is_empty() && w.chars().all(char::is_lowercase) && !NAME_PARTICLES.contains(&w)
            });
        mixed || (name.len() <= self.qa_reach && opening.qa())
    }
}

/// Classes of the bytes [`LabelGate::may_open`] reads: ASCII letters in
/// lower case, the space, the delimiters' ASCII bytes (`:`, `.`, `-`),
/// the first bytes of `：` (0xEF) and of `–` and `—` (0xE2), other bytes
/// outside ASCII; anything else is 0.
const BYTE_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let c = i as u8;
        t[i] = match c {
            b'a'..=b'z' => LOWER,
            b' ' => SPACE,
            b':' | b'.' | b'-' => DELIMITER,
            0xEF | 0xE2 => WIDE_DELIMITER,
            0x80.. => WIDE,
            _ => 0,
        };
        i += 1;
    }
    t
};
/// An ASCII letter in lower case (see [`BYTE_CLASS`]).
const LOWER: u8 = 1;
/// The space.
const SPACE: u8 = 2;
/// A delimiter's ASCII byte.
const DELIMITER: u8 = 3;
/// A byte outside ASCII that opens a delimiter.
const WIDE_DELIMITER: u8 = 4;
/// Any other byte outside ASCII.
const WIDE: u8 = 5;

/// Whether `word` (its ASCII bytes lower-case letters; `wide` when it has
/// other bytes) is all in lower case and no name's particle.
fn is_lowercase_word(word: &[u8], wide: bool) -> bool {
    // Between spaces of a text, the word is whole characters.
    let low = !wide || std::str::from_utf8(word).is_ok_and(|w| w.chars().all(char::is_lowercase));
    low && !NAME_PARTICLES.iter().any(|p| p.as_bytes() == word)
}

/// Whether a delimiter in `head` from `from` on (at least 1), past every
/// name that may end at one (see [`LabelGate::may_open`]), ends a label: a colon after a
/// note in brackets or where the text opens with a title, a period after a
/// bracket.
fn far_delimiter(head: &[u8], from: usize, opening: &mut Opening<'_, '_>) -> bool {
    // From the byte before, for a bracket just before a period at `from`.
    let start = from - 1;
    memchr::memchr3_iter(b':', b']', 0xEF, &head[start..])
        .any(|p| far_delimiter_at(head, start + p, from, opening))
}

/// Whether the `:`, `]` or `0xEF` at `p` of `head` (from `from - 1` on)
/// ends a label, as [`far_delimiter`] reads it.
fn far_delimiter_at(head: &[u8], p: usize, from: usize, opening: &mut Opening<'_, '_>) -> bool {
    let b = opening.text.as_bytes();
    match b[p] {
        b']' => head.get(p + 1) == Some(&b'.'),
        b':' if p >= from => matches!(b[p - 1], b')' | b']') || opening.titled(),
        0xEF if p >= from && b[p..].starts_with("：".as_bytes()) => {
            matches!(b[p - 1], b')' | b']') || opening.titled()
        }
        _ => false,
    }
}

/// The places of `:`, `]` and `0xEF` in `text`, in order, into `out`
/// (cleared first): read once for every window of the text that
/// [`LabelGate::may_open_within`] reads.
pub(crate) fn far_marks_into(text: &str, out: &mut Vec<usize>) {
    out.clear();
    out.extend(memchr::memchr3_iter(b':', b']', 0xEF, text.as_bytes()));
}

/// Whether `text` opens with an honorific or a post (a name after one
/// ends at a colon, lower-case words and all), or with an article of the
/// language's before a post (`Le ministre :`).
fn may_be_titled(text: &str, lex: &Lexicon) -> bool {
    longest_of(text, &lex.honorifics).is_some()
        || longest_of(text, &lex.posts).is_some()
        || text
            .split_once(' ')
            .is_some_and(|(a, _)| is_capitalised(a) && is_word_of(a, &lex.name_stops))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Language;
    use crate::grammar::label::label;
    use crate::lang::lexicon;

    /// Texts of every kind: labels, speech, non-ASCII text, dashes, notes.
    const TEXTS: &[&str] = &[
        "BOTE: Warum? Huber: Darum.",
        "Huber: Darum, sagt sie.",
        "Frage 2 Nachfrage: Und dann?",
        "F: Warum?",
        "Q Why now?",
        "Q. Why now?",
        "Q1: Why?",
        "Question 3: Why now?",
        "THE PRESIDENT. Thank you all.",
        "MR. SMITH: Yes.",
        "VORS. DETJEN: Bitte.",
        "FRANK CORMIER [Associated Press]: Sir?",
        "Ben Carver (00:00:02): Hello.",
        "Ana Ruiz de la Fuente: Sí.",
        "Olivier Delmas : Oui.",
        "Le ministre : Oui, bien sûr.",
        "La alcaldesa: Claro.",
        "BBC Brasil - Como assim?",
        "Ông Trần Quốc Bảo – Giám đốc Sở Y tế tỉnh Bình Định: Chúng tôi đã làm.",
        "Ông Lê Quang Vinh: Có, cầu an toàn.",
        "PV: Còn TP.HCM thì sao?",
        "Phóng viên: Thưa ông?",
        "Hỏi: Vì sao?",
        "Câu hỏi 3: Vì sao?",
        "P.V: Vậy à?",
        "PREGUNTA.— ¿Qué?",
        "RESPUESTA.- Sí.",
        "Pregunta: ¿Qué pasa?",
        "Réponse : Oui.",
        "d’Arvieu-Mas: Oui.",
        "O'Brien: Yes.",
        "Speaker 2: Yes.",
        "Rohan: 00:00:07",
        "nicolas-delorme：",
        "ana-lee :",
        "Gardella: Nein, das nicht.",
        "Nguyễn Văn Điền：Xin chào.",
        "The U.S. Citizenship Act modernizes our immigration system.",
        "And one question about your role. You touched on this.",
        "We are — of course, we reserve the right to respond.",
        "It is an issue — A topic he discussed: with members.",
        "Als Laie denkt man: Wer sollte mich denn hacken?",
        "Apropos Webseite und Blog: Viele da draußen denken.",
        "Jemand sagte mir mal: Wenn du ein Blogthema suchst.",
        "Năm nay tỉnh đã đầu tư nhiều hơn cho hạ tầng: Giao thông.",
        "“Các cháu giỏi hơn chúng tôi” là điều tôi tin.",
        "ÉTAT — Non.",
        "Ça va. Oui.",
        "A: Yes.",
        "R - Cerca de dez.",
        "P – Quantos?",
        "Antwort: Ja.",
        "Interviewer: So?",
        "Follow-up: And?",
        "Nachfrage: Und?",
        "Relance : Et alors ?",
        "Domanda: Perché?",
        "Trả lời: Vâng.",
        "Đáp: Vâng.",
        "",
        ":",
        "x",
        "Xin cảm ơn bà./. Hoàng Yến/VOV.VN",
        "I work for him. So do you.",
        "A short time ago. Yes.",
        "q1: why? frage 2: warum? question: why?",
        "f Warum? F Warum? Q Why? q why? P ¿Qué? D Perché?",
        "Interviewer. Well. Answer. Yes. Antwort. Ja. Réponse. Oui.",
        "Q2. Why? Frage 12. Warum? Pergunta 3 - Porquê? P – Quantos?",
        "Q [AP]. Sure. Q (Reuters): Sure. Q (00:12): Sure.",
        "” No. It is. ” Is he?",
        "• Q: Why? – R: Sí. — Ana: Sí. — P. ¿Qué?",
        "Als Laie denkt man: Wer sollte mich hacken?",
        "Der Regisseur über Märchen. STANDARD: Wurden Ihnen?",
        "Phóng viên. Vâng. Câu hỏi 2: Vì sao? Trả lời. Vâng.",
        "follow-up. And? Follow up 2: And? Q1 Follow-up. And?",
    ];

    /// The gate as it read every delimiter of the head in full, before
    /// the reading stopped at a word in lower case.
    fn may_open_in_full(gate: &LabelGate, text: &str, lex: &Lexicon) -> bool {
        let b = text.as_bytes();
        let Some(&first) = b.first() else {
            return false;
        };
        if matches!(first, b'[' | b'+' | b'-' | b'#' | b'*' | b'_')
            || text.starts_with(['•', '–', '—'])
        {
            return true;
        }
        if b.get(1) == Some(&b' ') && first < 128 && gate.bare_questions & (1 << first) != 0 {
            return true;
        }
        let head = &b[..b.len().min(DELIMITER_REACH)];
        let mut opening = Opening {
            text,
            lex,
            qa: None,
            titled: None,
        };
        memchr::memchr3_iter(b':', b'.', b'-', head)
            .chain(memchr::memchr2_iter(0xEF, 0xE2, head))
            .filter(|&p| p > 0)
            .any(|p| gate.ends_name(p, &mut opening))
    }

    #[test]
    fn the_gate_reads_as_it_did_in_full() {
        let long = [
            "The President said that the talks went well, and we agree: Yes.",
            "We met him in the hall [AP]. He said so, and then we left: fine.",
            "Ông Trần Quốc Bảo – Giám đốc Sở Y tế tỉnh Bình Định và các cộng sự của ông ở đây: Vâng.",
            "MS. JEAN-PIERRE: Thank you so much, everyone, for being here today (laughs): okay.",
            "THE PRESIDENT. Thank you. Q Why now? Q. And then? PV: Vâng. Hỏi: Vì sao? SPIEGEL: Ja.",
            "Le ministre de la santé a dit que les hôpitaux sont pleins (00:12): Oui, bien sûr.",
            "Mr. Smith and the others were there — Yes — and the meeting went on and on for hours.",
            "He said “no” to them all, de facto, in the hall of the old house：Nothing more.",
            "Frau Dr. Anna Müller-Lüdenscheidt von der Universität in Köln sagte: Ja, bitte.",
            "Câu hỏi 3 của phóng viên báo Tuổi Trẻ gửi tới Bộ trưởng Bộ Y tế: Vì sao vậy?",
            "Pregunta de la periodista de la agencia EFE sobre el tema del día.— ¿Qué pasa?",
            "I don't know, honestly, what they were thinking back then] . and so on: x.",
            "this is all in lower case and goes on for a while with a note [Reuters]. Yes.",
            "Nguyễn\u{a0}Văn An nói rằng chúng tôi đã làm việc rất chăm chỉ cả năm qua (cười): Vâng.",
            "SPEAKER 2 and the crowd, all of them, said something about the [inaudible]: Yes.",
        ];
        let mut texts: Vec<String> = TEXTS.iter().map(|t| t.to_string()).collect();
        texts.extend(long.iter().map(|t| t.to_string()));
        for (i, a) in long.iter().enumerate() {
            for b in &long[i..] {
                texts.push(format!("{a} {b}"));
            }
        }
        let mut checked = 0;
        for lang in Language::ALL {
            let lex = lexicon(lang);
            let gate = LabelGate::of(lex);
            for t in &texts {
                for (s, _) in t.char_indices() {
                    let w = &t[s..];
                    assert_eq!(
                        gate.may_open(w, lex),
                        may_open_in_full(&gate, w, lex),
                        "{lang:?} {w:?}"
                    );
                    checked += 1;
                }
            }
        }
        assert!(checked > 10_000, "{checked}");
    }

    #[test]
    fn windows_read_as_texts() {
        let mut text = TEXTS.join(" ");
        text.push_str(" Ana [AP]. Yes. Bob (00:12)：Sure. x]. Le ministre : Oui. ]:");
        let mut far = Vec::new();
        far_marks_into(&text, &mut far);
        let ends: Vec<usize> = (0..=text.len())
            .filter(|&e| text.is_char_boundary(e))
            .collect();
        let mut checked = 0;
        for lang in Language::ALL {
            let lex = lexicon(lang);
            let gate = LabelGate::of(lex);
            for (at, _) in text.char_indices() {
                // The whole rest, and windows that cut names and notes.
                for &end in ends.iter().filter(|&&e| e >= at).step_by(7) {
                    let w = &text[at..end];
                    assert_eq!(
                        gate.may_open_within(&text, at, end, &far, lex),
                        gate.may_open(w, lex),
                        "{lang:?} {w:?}"
                    );
                    checked += 1;
                }
            }
        }
        assert!(checked > 10_000, "{checked}");
    }

    #[test]
    fn the_gate_never_turns_away_a_label() {
        let mut turned_away = 0;
        for lang in Language::ALL {
            let lex = lexicon(lang);
            let gate = LabelGate::of(lex);
            for t in TEXTS {
                // Each text, and the text after each of its spaces.
                let starts = std::iter::once(0).chain(t.match_indices(' ').map(|(i, _)| i + 1));
                for s in starts {
                    let w = &t[s..];
                    if !gate.may_open(w, lex) {
                        turned_away += 1;
                        assert!(label(w, lex).is_none(), "{lang:?} {w:?}");
                    }
                }
            }
        }
        assert!(turned_away > 100, "{turned_away}");
    }
}
