//! A cheap look at a text before [`label`](crate::grammar::label::label)
//! reads one at its start: most places where a label is looked for (after
//! every sentence's end in a long paragraph) open plain speech, and a label
//! needs a delimiter right after its name (`:`, `：`, `.`, a spaced dash),
//! which plain speech rarely has where a name could end.
//!
//! The gate is conservative: when it says no, `label` finds nothing; when
//! it says maybe, `label` decides. Its reasoning follows `label`'s ways to a
//! label:
//!
//! - a speaker in brackets (`[Ana] [00:01]`), a lead (`+ `, `- `, `#`) or
//!   an opening bold marker: the text's first byte shows them, and the text
//!   is left to `label`, as is a bare one-letter question label (`Q Why?`),
//!   which a space as the second byte shows;
//! - otherwise the name starts the text, is at most `MAX_LABEL` (120) bytes
//!   long, and its delimiter follows it, maybe after a note in brackets
//!   (`[AP]:`, `(00:01):`): within [`DELIMITER_REACH`] bytes, a `:` or `：`,
//!   a `.`, or a spaced dash before a capital stands where a name ends;
//! - a name is a question or answer word (`Q`, `Phóng viên`, `Frage 2
//!   Nachfrage`: at most [`LabelGate`]'s `qa_reach` bytes), a name in
//!   capitals (no letter in lower case), a mixed-case name (no word of it
//!   all in lower case but a particle such as `de`), or, before a colon
//!   only, a name after an honorific or a post, or a post after an article
//!   (`Ông Trần … – Giám đốc Sở …:`, `Le ministre :`), which open with a
//!   word of the language's tables.

use crate::grammar::{is_word_of, longest_of};
use crate::lang::{Lexicon, NAME_PARTICLES, Words};
use crate::text::is_capitalised;

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
/// question or answer label can be.
#[derive(Clone, Copy, Debug)]
pub(super) struct LabelGate {
    /// The most bytes of a question or answer label (its word, a number and
    /// a follow-up's word), in the text.
    qa_reach: usize,
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

impl LabelGate {
    /// The gate for `lex` (whose labels `label` reads with English's).
    pub(super) fn of(lex: &Lexicon) -> Self {
        let en = crate::lang::lexicon(crate::Language::En);
        let questions = [&lex.question_labels, &en.question_labels];
        let words = longest_match(&[
            &lex.question_labels,
            &en.question_labels,
            &lex.follow_ups,
            &lex.answer_labels,
            &en.answer_labels,
        ]);
        let numbered = longest_match(&questions)
            + NUMBER_BYTES
            + longest_match(&[&lex.follow_ups, &en.follow_ups]);
        LabelGate {
            qa_reach: words.max(numbered),
        }
    }

    /// Whether `label(text, lex)` may find a label: `false` only where it
    /// finds none.
    pub(super) fn may_open(&self, text: &str, lex: &Lexicon) -> bool {
        let b = text.as_bytes();
        let Some(&first) = b.first() else {
            return false;
        };
        // Brackets, a lead, a bold marker, a bare one-letter label.
        if matches!(first, b'[' | b'+' | b'-' | b'#' | b'*' | b'_' | 0xE2)
            || b.get(1) == Some(&b' ')
        {
            return true;
        }
        let head = &b[..b.len().min(DELIMITER_REACH)];
        let mut titled = None;
        memchr::memchr3_iter(b':', b'.', b'-', head)
            .chain(memchr::memchr2_iter(0xEF, 0xE2, head))
            // A delimiter follows a name of at least one byte.
            .filter(|&p| p > 0)
            .any(|p| match b[p] {
                b':' => self.colon_ends_name(text, p, lex, &mut titled),
                0xEF if b[p..].starts_with("：".as_bytes()) => {
                    self.colon_ends_name(text, p, lex, &mut titled)
                }
                b'.' => {
                    b[p - 1] == b']'
                        || p <= self.qa_reach
                        || (p <= MAX_NAME && !text[..p].chars().any(char::is_lowercase))
                }
                b'-' | 0xE2 => self.dash_ends_name(text, p),
                _ => false,
            })
    }

    /// Whether the colon at `p` may end a label: after a note or a time
    /// stamp in brackets, after a name, or where the text opens with an
    /// honorific, a post or an article (looked up once, in `titled`).
    fn colon_ends_name(
        &self,
        text: &str,
        p: usize,
        lex: &Lexicon,
        titled: &mut Option<bool>,
    ) -> bool {
        if matches!(text.as_bytes()[p - 1], b')' | b']') {
            return true;
        }
        // `Name :`, as French sets it.
        let name = text[..p].strip_suffix(' ').unwrap_or(&text[..p]);
        self.may_be_name(name) || *titled.get_or_insert_with(|| may_be_titled(text, lex))
    }

    /// Whether the dash at `p` is a spaced one before a capital or an
    /// opening mark (as `label`'s delimiter wants it) after what may be a
    /// name.
    fn dash_ends_name(&self, text: &str, p: usize) -> bool {
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
        opens && self.may_be_name(&text[..p - 1])
    }

    /// Whether `name` may be a label's name ending at a delimiter: short
    /// enough for a question or answer label, or no word of it in lower
    /// case but a name's particle.
    fn may_be_name(&self, name: &str) -> bool {
        name.len() <= self.qa_reach
            || (name.len() <= MAX_NAME
                && !name.split(' ').any(|w| {
                    !w.is_empty()
                        && w.chars().all(char::is_lowercase)
                        && !NAME_PARTICLES.contains(&w)
                }))
    }
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
    ];

    #[test]
    fn the_gate_never_turns_away_a_label() {
        let langs = [
            Language::En,
            Language::De,
            Language::Fr,
            Language::Es,
            Language::Pt,
            Language::It,
            Language::Vi,
        ];
        let mut turned_away = 0;
        for lang in langs {
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
