//! The reading's fast path: a stretch of plain pieces.
//!
//! Most pieces of a paragraph are a word of letters and digits that ASCII
//! or [`latin_letter_len`](crate::text::latin_letter_len) tells, maybe
//! followed by ASCII marks other than quotes (`said,`), and then an ASCII
//! white space character. Such a piece neither opens nor closes a
//! quotation, its word is what both persons' trims leave, and it is one run
//! of letters and digits: [`Reader::plain_pieces`] reads a stretch of them
//! in one loop, its counts kept in registers, and puts each word to the
//! tables' shapes (first byte and length) before anything else; the few
//! words a shape lets through go to the reading's own steps.

use super::interest::{FIRST, PERSONS, PHRASE, SECOND};
use super::{FIRST_PERSON_WORDS, Reader, is_second_person};
use crate::grammar::is_word_of;
use crate::text::latin_letter_len;

/// ASCII white space as `char::is_whitespace` has it (vertical tab
/// included).
#[inline(always)]
const fn ascii_space(b: u8) -> bool {
    (b == b' ') | (b.wrapping_sub(b'\t') < 5)
}

impl Reader<'_, '_> {
    /// Reads the plain pieces from byte `i` on (see the module's doc), and
    /// returns where the first piece it leaves to [`Reader::piece`] starts:
    /// one that is not plain, the text's last one, one where the words
    /// would be counted without reading them ([`Reader::skip_stretch`]),
    /// or the one after the pronouns' reading ended.
    #[inline(never)]
    pub(super) fn plain_pieces(&mut self, mut i: usize) -> usize {
        let bytes = self.text.as_bytes();
        let n = bytes.len();
        // Pronouns are read in the pieces outside quotes; inside them a
        // plain piece, which never closes a quotation, is only counted.
        let persons = self.persons_on && self.depth == 0;
        let mut wanted = PHRASE | self.persons_wanted(persons);
        let interest = self.interest;
        let mut unquoted = self.unquoted;
        let mut words = 0;
        let (skip_from, skip_to) = self.skip_stretch();
        while i < n {
            if i >= skip_from && i < skip_to {
                break;
            }
            // The word: ASCII letters and digits and the letters outside
            // ASCII that `latin_letter_len` tells.
            let (mut j, mut after) = letters_then(bytes, i);
            // The bytes of the letters outside ASCII past their first.
            let mut extra = 0;
            while after == WIDE {
                let latin = latin_letter_len(bytes, j);
                if latin == 0 {
                    after = STOP;
                    break;
                }
                (j, after) = letters_then(bytes, j + latin);
                extra += latin - 1;
            }
            let chars = j - i - extra;
            if after == STOP && j < n && bytes[j] >= 0x80 {
                // A dash alone, or words joined by an apostrophe.
                let read = self.joined_piece(i, j, chars, wanted, unquoted);
                let Some((m, ended)) = read else {
                    break;
                };
                words += 1;
                i = m + 1;
                if persons {
                    unquoted += 1;
                    wanted = PHRASE | self.persons_wanted(persons);
                    if ended || unquoted >= FIRST_PERSON_WORDS {
                        self.persons_on = false;
                        break;
                    }
                }
                continue;
            }
            // What follows the word: marks, then white space.
            let mut m = j;
            while after == MARK && j > i {
                m += 1;
                after = piece_end_class(bytes, m);
            }
            if after != SPACE {
                break;
            }
            let mut ended = false;
            if j > i {
                words += 1;
                let (b, len) = (bytes[i], j - i);
                let mut hit = interest.at(b, len);
                if chars != len {
                    hit = (hit & PERSONS) | (interest.at(b, chars) & PHRASE);
                }
                if hit & wanted != 0 {
                    ended = self.plain_word(i, j, chars, hit & wanted, unquoted);
                    wanted = PHRASE | self.persons_wanted(persons);
                }
            }
            i = m + 1;
            if persons {
                unquoted += 1;
                if ended || unquoted >= FIRST_PERSON_WORDS {
                    // The skip may start here now.
                    self.persons_on = false;
                    break;
                }
            }
        }
        self.found.words += words;
        self.unquoted = unquoted;
        i
    }

    /// Reads the word `i..j` (`chars` characters) of a plain piece whose
    /// shape may open a phrase or be a pronoun's, as `hit` tells
    /// ([`PHRASE`], [`PERSONS`]): for the phrases, and for the pronouns
    /// (outside quotes, `unquoted` pieces outside quotes read before it).
    /// Returns whether both pronouns are found.
    #[inline(never)]
    fn plain_word(&mut self, i: usize, j: usize, chars: usize, hit: u8, unquoted: usize) -> bool {
        if hit & PHRASE != 0 {
            self.run(i, j, chars);
        }
        hit & PERSONS != 0 && self.plain_word_pronouns(i, j, hit, unquoted)
    }

    /// Reads a piece that is not plain but as simple, which a character
    /// outside ASCII at `j` (no letter) follows the letters `i..j` of
    /// (`chars` of them): a dash alone (`—`, `–`; no word, no run), or two
    /// runs of letters joined by a curly apostrophe, the second of ASCII
    /// ones (`It’s`, `nation’s,`), maybe followed by marks, then white
    /// space. For the phrases its runs are read, and for the pronouns
    /// still `wanted` ([`Reader::persons_wanted`]; `unquoted` pieces
    /// outside quotes read before it) its word, which both trims leave
    /// whole. Returns where it ends and whether both pronouns are found;
    /// `None` for another piece, which is left to [`Reader::piece`].
    #[inline(never)]
    fn joined_piece(
        &mut self,
        i: usize,
        j: usize,
        chars: usize,
        wanted: u8,
        unquoted: usize,
    ) -> Option<(usize, bool)> {
        let bytes = self.text.as_bytes();
        let rest = &bytes[j..];
        if j == i {
            let dash = rest.starts_with(EM_DASH) || rest.starts_with(EN_DASH);
            let end = j + EM_DASH.len();
            return (dash && piece_end_class(bytes, end) == SPACE).then_some((end, false));
        }
        if !rest.starts_with(APOSTROPHE) {
            return None;
        }
        let k = j + APOSTROPHE.len();
        let (e, mut after) = letters_then(bytes, k);
        let mut m = e;
        while after == MARK {
            m += 1;
            after = piece_end_class(bytes, m);
        }
        if e == k || after != SPACE {
            return None;
        }
        let interest = self.interest;
        if interest.at(bytes[i], chars) & PHRASE != 0 {
            self.run(i, j, chars);
        }
        if interest.at(bytes[k], e - k) & PHRASE != 0 {
            self.run(k, e, e - k);
        }
        let hit = interest.at(bytes[i], e - i) & wanted & PERSONS;
        let ended = hit != 0 && self.plain_word_pronouns(i, e, hit, unquoted);
        Some((m, ended))
    }

    /// The pronouns a plain piece is still read for: none inside quotes
    /// (`persons` false), else [`FIRST`] and [`SECOND`] for each person
    /// not found yet.
    #[inline(always)]
    fn persons_wanted(&self, persons: bool) -> u8 {
        if !persons {
            return 0;
        }
        let first = if self.found.first_person { 0 } else { FIRST };
        let second = if self.found.addresses { 0 } else { SECOND };
        first | second
    }

    /// Tests the word `i..j` (not empty) of a plain piece outside quotes
    /// for the pronouns whose shapes it has and which are not found yet,
    /// as `hit` tells ([`FIRST`], [`SECOND`]), `unquoted` pieces outside
    /// quotes read before it; returns whether both are found. The shapes
    /// were tested already: what [`Reader::pronouns_in`] finds.
    #[inline(never)]
    fn plain_word_pronouns(&mut self, i: usize, j: usize, hit: u8, unquoted: usize) -> bool {
        self.unquoted = unquoted + 1;
        let w = &self.text[i..j];
        let (found, lex) = (&mut self.found, self.lex);
        if hit & FIRST != 0 && !found.first_person {
            found.first_person = match self.interest.ascii_first_person(w) {
                Some(found) => found,
                None => is_word_of(w, &lex.first_person),
            };
        }
        if hit & SECOND != 0 && !found.addresses {
            found.addresses = is_second_person(w, &lex.second_person);
        }
        let both = found.first_person && found.addresses;
        self.persons_on = !both && self.unquoted < FIRST_PERSON_WORDS;
        both
    }
}

/// The curly apostrophe that [`Reader::joined_piece`] reads inside a word.
const APOSTROPHE: &[u8] = "’".as_bytes();
/// The dashes it reads alone: an em dash...
const EM_DASH: &[u8] = "—".as_bytes();
/// ...and an en dash, as long.
const EN_DASH: &[u8] = "–".as_bytes();

/// What a byte is to a plain piece: an ASCII letter or digit...
const LETTER: u8 = 4;
/// ...a mark that may follow its word
/// ([`TRAILING_MARKS`](super::TRAILING_MARKS))...
const MARK: u8 = 1;
/// ...white space that ends it (ASCII's)...
const SPACE: u8 = 2;
/// ...a byte outside ASCII, maybe a letter's that
/// [`latin_letter_len`] tells...
const WIDE: u8 = 3;
/// ...or something else (the piece is not plain).
const STOP: u8 = 0;

/// The class of each byte to a plain piece.
static PIECE_END: [u8; 256] = {
    let mut t = [WIDE; 256];
    let mut b = 0;
    while b < 0x80 {
        let c = b as u8;
        t[b] = if ascii_space(c) {
            SPACE
        } else if c.is_ascii_alphanumeric() {
            LETTER
        } else if c != b'"' && c != b'\'' {
            MARK
        } else {
            STOP
        };
        b += 1;
    }
    t
};

/// The class of byte `i` of `bytes` to a plain piece; the text's end is
/// none of them (the last piece is read one by one).
#[inline(always)]
fn piece_end_class(bytes: &[u8], i: usize) -> u8 {
    bytes.get(i).map_or(STOP, |&b| PIECE_END[usize::from(b)])
}

/// Where the run of ASCII letters and digits from byte `i` of `bytes`
/// ends, and the class of the byte there ([`STOP`] at the text's end): one
/// look-up a byte.
#[inline(always)]
fn letters_then(bytes: &[u8], mut i: usize) -> (usize, u8) {
    while let Some(&b) = bytes.get(i) {
        let class = PIECE_END[usize::from(b)];
        if class != LETTER {
            return (i, class);
        }
        i += 1;
    }
    (i, STOP)
}
