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
/// [`PHRASE`]).
pub(super) struct Interest([[u8; LENGTHS]; 256]);

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
        Interest(rows)
    }

    /// The answers for a word opening with byte `first`, `len` long.
    #[inline(always)]
    pub(super) fn at(&self, first: u8, len: usize) -> u8 {
        self.0[usize::from(first)][len.min(LENGTHS - 1)]
    }

    /// The table of `lex`: made once for each language's lexicon; for
    /// another, one that lets every shape through (the reading's own
    /// steps then answer).
    pub(super) fn of_lexicon(lex: &Lexicon) -> &'static Interest {
        static KEPT: [OnceLock<Interest>; Language::ALL.len()] =
            [const { OnceLock::new() }; Language::ALL.len()];
        static EVERY_SHAPE: Interest = Interest([[FIRST | SECOND | PHRASE; LENGTHS]; 256]);
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
}
