//! What a word's shape may be to the reading, in one look-up.
//!
//! The reading puts each word to four sets of shapes (first byte and
//! length): the first-person pronouns', the second-person ones', and those
//! of the first words of the welcomes and of the question phrases. Most
//! words are in none of them. [`Interest`] holds the four answers for every
//! shape, so that such a word costs one look-up; it is made once per
//! language and kept.

use std::sync::OnceLock;

use crate::Language;
use crate::lang::{Lexicon, lexicon};
use crate::text::WordShapes;

/// The shape may be a first-person pronoun's (in any case, length in
/// bytes).
pub(super) const FIRST: u8 = 1;
/// The shape may be a second-person pronoun's (as written, length in
/// bytes).
pub(super) const SECOND: u8 = 2;
/// Either pronoun.
pub(super) const PERSONS: u8 = FIRST | SECOND;
/// The shape may be a welcome's or a question phrase's first word (length
/// in characters).
pub(super) const PHRASE: u8 = 4;

/// The longest length a row tells apart: [`WordShapes`] gives every
/// length from 31 on the same bit.
const LENGTHS: usize = 32;

/// The answers for every first byte and length ([`FIRST`], [`SECOND`],
/// [`PHRASE`]), and the first-person pronouns written in ASCII.
pub(super) struct Interest {
    rows: [[u8; LENGTHS]; 256],
    /// The first-person pronouns written in ASCII alone; `None` for a
    /// table that does not know them.
    first_ascii: Option<Vec<&'static str>>,
}

impl Interest {
    fn of(lex: &Lexicon) -> Self {
        let sets: [(&WordShapes, u8); 4] = [
            (lex.first_person.in_any_case(), FIRST),
            (lex.second_person.as_written(), SECOND),
            (lex.welcomes.first_word_shapes(), PHRASE),
            (lex.question_phrases.first_word_shapes(), PHRASE),
        ];
        let mut rows = [[0; LENGTHS]; 256];
        for (b, row) in rows.iter_mut().enumerate() {
            for (len, cell) in row.iter_mut().enumerate() {
                for &(shapes, bit) in &sets {
                    if shapes.holds(b as u8, len) {
                        *cell |= bit;
                    }
                }
            }
        }
        let first_ascii = lex.first_person.iter().copied();
        Interest {
            rows,
            first_ascii: Some(first_ascii.filter(|w| w.is_ascii()).collect()),
        }
    }

    /// The answers for a word opening with byte `first`, `len` long.
    #[inline(always)]
    pub(super) fn at(&self, first: u8, len: usize) -> u8 {
        self.rows[usize::from(first)][len.min(LENGTHS - 1)]
    }

    /// Whether the word `w` is a first-person pronoun in any case, when it
    /// is written in ASCII: one of the pronouns written in ASCII, ASCII
    /// letters compared ignoring case (no other character equals an ASCII
    /// one ignoring case, as [`is_word_of`](crate::grammar::is_word_of)
    /// compares them). `None` for another word, or a table that does not
    /// know the pronouns.
    #[inline(always)]
    pub(super) fn ascii_first_person(&self, w: &str) -> Option<bool> {
        let words = self.first_ascii.as_ref()?;
        let w = w.as_bytes();
        if !w.is_ascii() {
            return None;
        }
        Some(words.iter().any(|p| p.as_bytes().eq_ignore_ascii_case(w)))
    }

    /// The table of `lex`: made once for each language's lexicon; for
    /// another, one that lets every shape through (the reading's own
    /// steps then answer).
    pub(super) fn of_lexicon(lex: &Lexicon) -> &'static Interest {
        static KEPT: [OnceLock<Interest>; Language::ALL.len()] =
            [const { OnceLock::new() }; Language::ALL.len()];
        static EVERY_SHAPE: Interest = Interest {
            rows: [[FIRST | SECOND | PHRASE; LENGTHS]; 256],
            first_ascii: None,
        };
        let slot = Language::ALL
            .iter()
            .position(|&l| std::ptr::eq(lexicon(l), lex));
        match slot {
            Some(k) => KEPT[k].get_or_init(|| Interest::of(lex)),
            None => &EVERY_SHAPE,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_answers_as_the_shapes_do() {
        for language in Language::ALL {
            let lex = lexicon(language);
            let table = Interest::of_lexicon(lex);
            for b in 0..=255u8 {
                for len in [0, 1, 2, 3, 7, 30, 31, 32, 100] {
                    let persons = lex.first_person.in_any_case().holds(b, len)
                        || lex.second_person.as_written().holds(b, len);
                    let phrase = lex.welcomes.first_word_shapes().holds(b, len)
                        || lex.question_phrases.first_word_shapes().holds(b, len);
                    assert_eq!(table.at(b, len) & PERSONS != 0, persons);
                    assert_eq!(table.at(b, len) & PHRASE != 0, phrase);
                }
            }
        }
    }

    #[test]
    fn the_ascii_pronouns_answer_as_is_word_of() {
        let words = [
            "I", "i", "I'M", "i'm", "We", "WE", "wee", "we'", "my", "MY", "Me", "mE", "us", "Us",
            "our", "OUR", "ours", "ich", "ICH", "Wir", "uns", "Mich", "nous", "NOUS", "j'", "J'",
            "Moi", "yo", "YO", "Nos", "nosotros", "io", "Noi", "ci", "eu", "EU", "nos", "tôi",
            "TÔI", "toi", "Toi", "nós", "NÓS", "tớ", "chúng", "mình", "a", "", "x", "xyz", "mine",
        ];
        for language in Language::ALL {
            let lex = lexicon(language);
            let table = Interest::of_lexicon(lex);
            for w in words {
                let expected = crate::grammar::is_word_of(w, &lex.first_person);
                match table.ascii_first_person(w) {
                    Some(found) => assert_eq!(found, expected, "{w} in {language:?}"),
                    None => assert!(!w.is_ascii(), "{w}"),
                }
            }
        }
    }
}
