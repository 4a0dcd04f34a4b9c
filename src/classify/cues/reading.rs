//! One reading of a paragraph's words for its cues.
//!
//! The cues ask four questions of a text's words: whether one of its first
//! words outside quotes is a first-person pronoun, and whether one is a
//! second-person one; whether a question phrase stands in its last part,
//! and a welcome in its first. [`read`] walks the text once, piece by piece
//! (the runs between white space characters, which the word count and the
//! pronouns read) and, inside each piece, run by run of letters and digits
//! (where the phrases start). Each word is put to a table with a test of
//! one or two bytes first ([`Words::may_be_in_any_case`],
//! [`Words::opening_bytes`]) and, for a phrase, of one bit of its hash
//! ([`Words::may_be_opened_by_hash`]): the few words that pass are compared
//! as the tables always compare them.

use crate::grammar::{is_word_of, phrase_at};
use crate::lang::{Lexicon, Words};
use crate::text::{
    WordShapes, alnum_before, alnum_run, ascii_alnum_end, case_hash, ceil_char_boundary, char_at,
    floor_char_boundary, is_alnum, latin_letter_len, utf8_len, white_at, word_count,
};

use interest::Interest;

mod interest;
mod plain;

use super::{CUE_TAIL_BYTES, FIRST_PERSON_WORDS, WELCOME_HEAD_BYTES};

/// What a reading of a text's words found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Found {
    /// How many words (runs without white space) the text holds.
    pub words: usize,
    /// A first-person pronoun stands among its first words outside quotes.
    pub first_person: bool,
    /// A second-person pronoun, as written, stands among them.
    pub addresses: bool,
    /// A question phrase stands in its last [`CUE_TAIL_BYTES`].
    pub question_phrase: bool,
    /// A welcome stands in its first [`WELCOME_HEAD_BYTES`].
    pub welcomes: bool,
}

/// Reads `text`'s words once for the cues.
pub(super) fn read(text: &str, lex: &Lexicon) -> Found {
    let mut r = Reader::new(text, lex);
    r.found.welcomes = r.welcomes.at_cut_runs(text);
    r.found.question_phrase = r.questions.at_cut_runs(text);
    r.read_all();
    r.found
}

/// A phrase table searched in a window of the text.
struct Search<'l> {
    phrases: &'l Words,
    /// The shapes of its phrases' first words
    /// ([`Words::first_word_shapes`]).
    shapes: &'l WordShapes,
    /// The same keyed by their last byte
    /// ([`Words::first_word_end_shapes`]).
    end_shapes: &'l WordShapes,
    /// The window: `from..to` of the text, cut at char boundaries; empty
    /// (`usize::MAX..0`) once nothing is left to look for, because the
    /// table has no phrase opening with a word or one was found.
    from: usize,
    to: usize,
}

impl<'l> Search<'l> {
    fn new(phrases: &'l Words, from: usize, to: usize) -> Self {
        let mut search = Search {
            phrases,
            shapes: phrases.first_word_shapes(),
            end_shapes: phrases.first_word_end_shapes(),
            from,
            to,
        };
        if from >= to || !phrases.opens_with_words() {
            search.stop();
        }
        search
    }

    /// Whether the search goes on.
    fn on(&self) -> bool {
        self.from < self.to
    }

    fn stop(&mut self) {
        (self.from, self.to) = (usize::MAX, 0);
    }

    /// Whether a phrase may start at the run `at..end` of `text`, `chars`
    /// characters long: one inside the window whose shape opens a phrase.
    /// A run the window cuts is looked at once, before the reading
    /// ([`Search::at_cut_runs`]).
    #[inline(always)]
    fn may_start(&self, bytes: &[u8], at: usize, end: usize, chars: usize) -> bool {
        at >= self.from
            && end <= self.to
            && self.shapes.holds(bytes[at], chars)
            && self.end_shapes.holds(bytes[end - 1], chars)
    }

    /// Looks for a phrase at the runs of letters and digits that the
    /// window cuts, as a search of the window alone sees them: one going
    /// on across its start starts there, one across its end ends there.
    /// Returns whether one was found.
    fn at_cut_runs(&mut self, text: &str) -> bool {
        let bytes = text.as_bytes();
        let cut = |i: usize| i < bytes.len() && alnum_before(text, i) && alnum_at(text, i);
        if self.on() && cut(self.from) {
            let (end, _) = alnum_run(text, self.from);
            if self.at_run(text, self.from, end) {
                return true;
            }
        }
        if self.on() && cut(self.to) {
            // Where the run starts, or the window if before: ASCII read
            // back a byte at a time, other characters decoded.
            let to = self.to;
            let mut at = to;
            while at > self.from && bytes[at - 1].is_ascii_alphanumeric() {
                at -= 1;
            }
            while at > self.from && alnum_before(text, at) {
                at = floor_char_boundary(text, at - 1);
            }
            return self.at_run(text, at, to);
        }
        false
    }

    /// Looks for a phrase at the run of letters and digits `at..end` of
    /// `text`, as a search of the window alone sees it: a run cut by the
    /// window's start starts there, one cut by its end ends there. Returns
    /// whether one was found, and then stops.
    #[inline(never)]
    fn at_run(&mut self, text: &str, at: usize, end: usize) -> bool {
        let (at, end) = (at.max(self.from), end.min(self.to));
        if !self.phrases.opening_bytes()[usize::from(text.as_bytes()[at])] {
            return false;
        }
        let hash = case_hash(&text[at..end]);
        let found = self.phrases.may_be_opened_by_hash(hash)
            && phrase_at(
                &text[self.from..self.to],
                at - self.from,
                hash,
                self.phrases,
            );
        if found {
            self.stop();
        }
        found
    }
}

/// The state of a reading: where the pronouns stand, what was found.
struct Reader<'t, 'l> {
    text: &'t str,
    lex: &'l Lexicon,
    questions: Search<'l>,
    welcomes: Search<'l>,
    /// The shapes of the first-person pronouns in any case, and of the
    /// second-person ones as written.
    first_shapes: &'l WordShapes,
    second_shapes: &'l WordShapes,
    /// All four shape sets at once ([`Interest`]).
    interest: &'static Interest,
    /// Pronouns are still looked for.
    persons_on: bool,
    /// How deep in quotation marks the pieces read stand.
    depth: i32,
    /// How many pieces outside quotes were read for pronouns.
    unquoted: usize,
    found: Found,
}

/// What a piece's first character may be to open a quotation.
const QUOTE_OPENERS: [char; 5] = ['"', '“', '«', '‘', '„'];
/// What a piece's last character may be to close one, before the marks
/// of [`QUOTE_TRAILERS`].
const QUOTE_CLOSERS: [char; 4] = ['"', '”', '»', '’'];
/// Marks that may follow a closing quotation mark at a piece's end.
const QUOTE_TRAILERS: [u8; 6] = [b'.', b',', b'!', b'?', b';', b':'];

/// What a byte is to the reading ([`CLASSES`]): an ASCII character other
/// than a letter, digit or space...
const OTHER: u8 = 0;
/// ...an ASCII letter or digit...
const ALNUM: u8 = 1;
/// ...ASCII white space (`char::is_whitespace`'s, vertical tab included)...
const SPACE: u8 = 2;
/// ...or a byte of a character outside ASCII, which is decoded.
const WIDE: u8 = 3;

/// The class of each byte.
static CLASSES: [u8; 256] = classes();

/// The marks that may follow a plain piece's word: ASCII characters other
/// than letters, digits, spaces and quotes (`"`, `'`).
static TRAILING_MARKS: [bool; 256] = {
    let classes = classes();
    let mut t = [false; 256];
    let mut b = 0;
    while b < 0x80 {
        t[b] = classes[b] == OTHER && b != b'"' as usize && b != b'\'' as usize;
        b += 1;
    }
    t
};

const fn classes() -> [u8; 256] {
    let mut t = [WIDE; 256];
    let mut b = 0;
    while b < 0x80 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphanumeric() {
            ALNUM
        } else if c == b' ' || (c >= b'\t' && c <= b'\r') {
            SPACE
        } else {
            OTHER
        };
        b += 1;
    }
    t
}

/// The class of byte `i` of `bytes`, [`SPACE`] past the end.
#[inline(always)]
fn class_at(bytes: &[u8], i: usize) -> u8 {
    bytes.get(i).map_or(SPACE, |&b| CLASSES[usize::from(b)])
}

impl<'t, 'l> Reader<'t, 'l> {
    fn new(text: &'t str, lex: &'l Lexicon) -> Self {
        let tail = ceil_char_boundary(text, text.len().saturating_sub(CUE_TAIL_BYTES));
        let head = floor_char_boundary(text, WELCOME_HEAD_BYTES);
        Reader {
            text,
            lex,
            questions: Search::new(&lex.question_phrases, tail, text.len()),
            welcomes: Search::new(&lex.welcomes, 0, head),
            first_shapes: lex.first_person.in_any_case(),
            second_shapes: lex.second_person.as_written(),
            interest: Interest::of_lexicon(lex),
            persons_on: true,
            depth: 0,
            unquoted: 0,
            found: Found {
                words: 0,
                first_person: false,
                addresses: false,
                question_phrase: false,
                welcomes: false,
            },
        }
    }

    /// Reads every piece (the runs between single white space characters,
    /// empty ones too): a stretch of plain ones at once
    /// ([`Reader::plain_pieces`]), another one by one. Once the pronouns
    /// are read and the welcome's window is passed, the words up to the
    /// question phrases' window, or to the end, are only counted
    /// ([`word_count`]).
    fn read_all(&mut self) {
        let bytes = self.text.as_bytes();
        let mut i = 0;
        loop {
            // Whether the piece at `i` was counted with the words before.
            let mut counted = false;
            if !self.persons_on && i >= self.welcomes.to {
                if !self.questions.on() {
                    self.found.words += word_count(&self.text[i..]);
                    return;
                }
                let from = self.questions.from;
                if i < from {
                    self.found.words += word_count(&self.text[i..from]);
                    counted = !white_before(bytes, from);
                    i = from;
                }
            }
            if !counted {
                i = self.plain_pieces(i);
                let (from, to) = self.skip_stretch();
                if i >= from && i < to {
                    continue;
                }
            }
            let end = self.piece(i, counted);
            if end == bytes.len() {
                return;
            }
            i = end + utf8_len(bytes[end]);
        }
    }

    /// The stretch `from..to` of the text where [`Reader::read_all`] counts
    /// the words without reading them: from the end of the welcome's
    /// window to the start of the question phrases' once the pronouns are
    /// read, none before.
    fn skip_stretch(&self) -> (usize, usize) {
        if self.persons_on {
            return (usize::MAX, usize::MAX);
        }
        let to = if self.questions.on() {
            self.questions.from
        } else {
            usize::MAX
        };
        (self.welcomes.to, to)
    }

    /// Reads the piece at `i` (counted already or not) and returns where it
    /// ends, at white space or the text's end. Most pieces are a word of
    /// letters that ASCII or [`latin_letter_len`] tells, maybe followed by
    /// ASCII marks other than quotes (`said,`): one run, read at once, and
    /// the word both persons' trims leave.
    #[inline(always)]
    fn piece(&mut self, i: usize, counted: bool) -> usize {
        let bytes = self.text.as_bytes();
        let (j, chars) = letters_end(bytes, i);
        let mut m = j;
        if j > i {
            while bytes
                .get(m)
                .is_some_and(|&b| TRAILING_MARKS[usize::from(b)])
            {
                m += 1;
            }
        }
        let plain = class_at(bytes, m) == SPACE;
        let end = if plain {
            if j > i {
                self.run(i, j, chars);
            }
            m
        } else {
            self.mixed_piece(i, j, chars)
        };
        self.found.words += usize::from(end > i && !counted);
        if self.persons_on {
            if plain {
                self.plain_pronouns(i, j);
            } else {
                self.pronouns(i, end);
            }
        }
        end
    }

    /// Reads the rest of a piece at `i` that is more than a word and marks,
    /// its letters up to `j` (`chars` of them) read, and returns where it
    /// ends.
    #[inline(never)]
    fn mixed_piece(&mut self, i: usize, j: usize, chars: usize) -> usize {
        let (text, bytes) = (self.text, self.text.as_bytes());
        let mut k = j;
        if j > i {
            let (end, more) = alnum_run(text, j);
            self.run(i, end, chars + more);
            k = end;
        }
        loop {
            // What stands at `k`: a run of letters and digits, or a
            // character of that many bytes to pass over.
            let passed = match class_at(bytes, k) {
                ALNUM => 0,
                OTHER => 1,
                SPACE => return k,
                _ if latin_letter_len(bytes, k) > 0 => 0,
                _ if white_at(bytes, k) => return k,
                _ => match char_at(text, k) {
                    Some((c, _)) if is_alnum(c) => 0,
                    Some((_, len)) => len,
                    None => return k,
                },
            };
            if passed > 0 {
                k += passed;
                continue;
            }
            let (end, chars) = alnum_run(text, k);
            self.run(k, end, chars);
            k = end;
        }
    }

    /// Reads the run of letters and digits `at..end`, `chars` characters
    /// long (the character before it is none of them).
    #[inline(always)]
    fn run(&mut self, at: usize, end: usize, chars: usize) {
        let bytes = self.text.as_bytes();
        if self.welcomes.may_start(bytes, at, end, chars)
            && self.welcomes.at_run(self.text, at, end)
        {
            self.found.welcomes = true;
        }
        if self.questions.may_start(bytes, at, end, chars)
            && self.questions.at_run(self.text, at, end)
        {
            self.found.question_phrase = true;
        }
    }

    /// Reads a piece that is a word `from..to` and maybe ASCII marks other
    /// than quotes after it (or an empty one) for pronouns: it neither
    /// opens nor closes a quotation, and the word is what both trims
    /// leave.
    #[inline(always)]
    fn plain_pronouns(&mut self, from: usize, to: usize) {
        if self.depth > 0 {
            return;
        }
        self.unquoted += 1;
        let w = &self.text[from..to];
        self.pronouns_in(w, w);
    }

    /// Reads the piece `from..to` for pronouns: its quotation marks, and,
    /// outside quotes, its word.
    #[inline(never)]
    fn pronouns(&mut self, from: usize, to: usize) {
        let piece = &self.text[from..to];
        if opens_quote(piece) {
            self.depth += 1;
        }
        let inside = self.depth > 0;
        if closes_quote(piece) && self.depth > 0 {
            self.depth -= 1;
        }
        if inside {
            return;
        }
        self.unquoted += 1;
        let (first, second) = trim_for_persons(piece);
        self.pronouns_in(first, second);
    }

    /// Tests a word outside quotes, trimmed for each person, for pronouns
    /// (those found already stay found).
    #[inline(always)]
    fn pronouns_in(&mut self, first: &str, second: &str) {
        let found = &mut self.found;
        let lex = self.lex;
        if !found.first_person && self.first_shapes.holds_word(first) {
            found.first_person = is_word_of(first, &lex.first_person);
        }
        if !found.addresses && self.second_shapes.holds_word(second) {
            found.addresses = is_second_person(second, &lex.second_person);
        }
        let both = found.first_person && found.addresses;
        self.persons_on = !both && self.unquoted < FIRST_PERSON_WORDS;
    }
}

/// Whether `w` is one of `words` as written: a scan of the list, which
/// finds what a look-up by length, first letter and hash found (an equal
/// word has the same of each), for the short lists of pronouns.
fn is_second_person(w: &str, words: &Words) -> bool {
    !w.is_empty() && words.contains(&w)
}

/// Whether the character before byte `i` of UTF-8 `bytes` (`i > 0`, a
/// char boundary) is white space.
fn white_before(bytes: &[u8], i: usize) -> bool {
    let mut j = i - 1;
    while j > 0 && bytes[j] & 0xC0 == 0x80 {
        j -= 1;
    }
    white_at(bytes, j)
}

/// Where the letters that ASCII or [`latin_letter_len`] tells from byte
/// `i` of `bytes` end, and how many they are: ASCII ones a run at a time
/// ([`ascii_alnum_end`]).
#[inline(always)]
fn letters_end(bytes: &[u8], mut i: usize) -> (usize, usize) {
    let start = i;
    // The bytes of the letters outside ASCII past their first.
    let mut extra = 0;
    loop {
        i = ascii_alnum_end(bytes, i);
        let latin = latin_letter_len(bytes, i);
        if latin == 0 {
            return (i, i - start - extra);
        }
        i += latin;
        extra += latin - 1;
    }
}

/// Whether the character at byte `i` of `text` (a char boundary) is a
/// letter or digit ([`is_alnum`]).
fn alnum_at(text: &str, i: usize) -> bool {
    char_at(text, i).is_some_and(|(c, _)| is_alnum(c))
}

/// Whether a piece opens a quotation ([`QUOTE_OPENERS`]): only a piece
/// opening with `"` or the first byte of another (`C2`, `E2`) may.
fn opens_quote(piece: &str) -> bool {
    match piece.as_bytes().first() {
        Some(b'"') => true,
        Some(0xC2 | 0xE2) => piece.starts_with(QUOTE_OPENERS),
        _ => false,
    }
}

/// Whether a piece closes a quotation: it ends in one of
/// [`QUOTE_CLOSERS`], maybe followed by some of [`QUOTE_TRAILERS`].
fn closes_quote(piece: &str) -> bool {
    let bytes = piece.as_bytes();
    let mut end = bytes.len();
    while end > 0 && QUOTE_TRAILERS.contains(&bytes[end - 1]) {
        end -= 1;
    }
    // `”`, `»` and `’` end in `9D`, `BB` and `99`.
    match end.checked_sub(1).map(|j| bytes[j]) {
        Some(b'"') => true,
        Some(0x9D | 0xBB | 0x99) => piece[..end].ends_with(QUOTE_CLOSERS),
        _ => false,
    }
}

/// `piece` trimmed for each person ([`trim_to_word`] without and with
/// curly apostrophes kept): alike, and read off its bytes, when it opens
/// with a letter or digit and ends with one before ASCII marks (ASCII, or
/// a letter [`latin_letter_len`] knows).
#[inline(always)]
fn trim_for_persons(piece: &str) -> (&str, &str) {
    let bytes = piece.as_bytes();
    let mut to = bytes.len();
    while to > 0 && CLASSES[usize::from(bytes[to - 1])] == OTHER && bytes[to - 1] != b'\'' {
        to -= 1;
    }
    let letter_at =
        |i: usize| CLASSES[usize::from(bytes[i])] == ALNUM || latin_letter_len(bytes, i) > 0;
    // The last character's first byte.
    let mut last = to.saturating_sub(1);
    while last > 0 && bytes[last] & 0xC0 == 0x80 {
        last -= 1;
    }
    if to > 0 && letter_at(0) && letter_at(last) {
        let w = &piece[..to];
        return (w, w);
    }
    (trim_to_word(piece, false), trim_to_word(piece, true))
}

/// Whether `c` is kept at a word's ends: an apostrophe, and a curly one
/// when `curly`.
fn kept(c: char, curly: bool) -> bool {
    c == '\'' || (curly && c == '’')
}

/// `word` without the characters other than letters, digits and kept ones
/// ([`kept`]) at either end: `word.trim_matches(…)`, ASCII read without
/// decoding.
#[inline(never)]
fn trim_to_word(word: &str, curly: bool) -> &str {
    let bytes = word.as_bytes();
    let mut from = 0;
    while let Some((c, len)) = char_at(word, from) {
        if is_alnum(c) || kept(c, curly) {
            break;
        }
        from += len;
    }
    let mut to = word.len();
    while to > from {
        let c = match bytes[to - 1] {
            b if b.is_ascii() => char::from(b),
            _ => word[..to].chars().next_back().unwrap_or(' '),
        };
        if is_alnum(c) || kept(c, curly) {
            break;
        }
        to -= c.len_utf8();
    }
    &word[from..to]
}

#[cfg(test)]
mod tests;
