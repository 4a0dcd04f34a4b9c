//! Text helpers every stage uses: lines, letters, words, and searches that
//! stay linear inside scan loops. A leaf: it imports nothing of the crate
//! but [`Span`](crate::Span).

use crate::Span;

/// Whether `c` is a letter or a digit: `char::is_alphanumeric`, answered
/// without a table look-up for ASCII, Latin-1, Latin Extended-A and B and
/// Latin Extended Additional (Vietnamese), the letters most text is in.
#[inline]
pub(crate) fn is_alnum(c: char) -> bool {
    match u32::from(c) {
        0..=0x7F => c.is_ascii_alphanumeric(),
        // Latin-1 letters, but for × and ÷.
        0xC0..=0x24F => c != '×' && c != '÷',
        0x1E00..=0x1EFF => true,
        // General Punctuation: curly quotes, dashes, ellipsis, spaces.
        0x2000..=0x206F => false,
        _ => c.is_alphanumeric(),
    }
}

/// Whether `c` is a letter: `char::is_alphabetic`, answered without a
/// table look-up for the characters [`is_alnum`] knows.
#[inline]
pub(crate) fn is_alpha(c: char) -> bool {
    match u32::from(c) {
        0..=0x7F => c.is_ascii_alphabetic(),
        0xC0..=0x24F => c != '×' && c != '÷',
        0x1E00..=0x1EFF => true,
        0x2000..=0x206F => false,
        _ => c.is_alphabetic(),
    }
}

/// The next occurrence of a needle at or after a position, remembered so
/// that a scan loop asking at ever later positions searches each byte of
/// its haystack once: a search that found nothing is not repeated, and one
/// that found something further on answers every position up to it. A
/// position before the last one asked searches again (correct, just not
/// free), so loops that move forward get linear time.
pub(crate) struct NextFind<'n> {
    needle: &'n [u8],
    /// Where the remembered search started (`usize::MAX`: none yet).
    from: usize,
    /// What it found.
    found: Option<usize>,
}

impl<'n> NextFind<'n> {
    pub(crate) fn new(needle: &'n [u8]) -> Self {
        NextFind {
            needle,
            from: usize::MAX,
            found: None,
        }
    }

    /// The first occurrence of the needle in `hay` at or after `at`; `hay`
    /// is the same haystack at every call.
    pub(crate) fn at(&mut self, hay: &[u8], at: usize) -> Option<usize> {
        let known = self.from <= at && self.found.is_none_or(|f| f >= at);
        if !known {
            self.from = at;
            self.found = hay
                .get(at..)
                .and_then(|rest| memchr::memmem::find(rest, self.needle))
                .map(|r| at + r);
        }
        self.found
    }
}

/// The first `needle` byte in `hay` within its first `window + 1` bytes:
/// `hay.find(needle).filter(|&i| i <= window)` without reading past the
/// window.
pub(crate) fn find_within(hay: &[u8], needle: u8, window: usize) -> Option<usize> {
    memchr::memchr(needle, &hay[..hay.len().min(window.saturating_add(1))])
}

/// A letter without its case and diacritics: `Ứ` gives `u`, `đ` gives `d`.
pub(crate) fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let mut base = c;
    let mut first = true;
    unicode_normalization::char::decompose_canonical(c, |d| {
        if first {
            base = d;
            first = false;
        }
    });
    match base.to_lowercase().next().unwrap_or(base) {
        'đ' | 'ð' => 'd',
        'ø' => 'o',
        'ł' => 'l',
        other => other,
    }
}

/// Whether `c` is a lower-case letter that lower-cases to itself, answered
/// without a table look-up for ASCII, Latin-1 (`ß` to `ÿ`) and the
/// lower-case half of Latin Extended Additional's pairs (Vietnamese `ạ`,
/// `ữ`); `false` for the rest, which `char::to_lowercase` then answers.
#[inline]
pub(crate) fn lower_as_is(c: char) -> bool {
    match u32::from(c) {
        0x61..=0x7A => true,
        0xDF..=0xFF => c != '÷',
        n @ (0x1E01..=0x1E95 | 0x1EA1..=0x1EFF) => n % 2 == 1,
        _ => false,
    }
}

/// The FNV-1a offset basis and prime: [`case_hash`]'s start and step.
const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

/// A hash of `word` in lower case (each character's `to_lowercase`, UTF-8
/// bytes hashed with FNV-1a): words equal ignoring case, as the grammars
/// compare them character by character, hash alike. ASCII is lower-cased a
/// byte at a time, without decoding.
pub(crate) fn case_hash(word: &str) -> u64 {
    let mut h = CaseHash::new();
    let bytes = word.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii() {
            h.byte(b.to_ascii_lowercase());
            i += 1;
            continue;
        }
        let Some((c, len)) = char_at(word, i) else {
            break;
        };
        h.push(c);
        i += len;
    }
    h.finish()
}

/// [`case_hash`] computed a character at a time, as a scan reads a word.
#[derive(Clone, Copy)]
pub(crate) struct CaseHash(u64);

impl CaseHash {
    pub(crate) fn new() -> Self {
        CaseHash(FNV_OFFSET)
    }

    fn byte(&mut self, b: u8) {
        self.0 = (self.0 ^ u64::from(b)).wrapping_mul(FNV_PRIME);
    }

    /// Adds `c`, lower-cased.
    #[inline]
    pub(crate) fn push(&mut self, c: char) {
        if c.is_ascii() {
            self.byte(c.to_ascii_lowercase() as u8);
            return;
        }
        let mut buf = [0u8; 4];
        if lower_as_is(c) {
            for &b in c.encode_utf8(&mut buf).as_bytes() {
                self.byte(b);
            }
            return;
        }
        for l in c.to_lowercase() {
            for &b in l.encode_utf8(&mut buf).as_bytes() {
                self.byte(b);
            }
        }
    }

    pub(crate) fn finish(self) -> u64 {
        self.0
    }
}

/// A set of word shapes: a first byte and a length (in bytes or in
/// characters, as the set's maker chooses), a bit per length under each
/// byte (lengths of 31, `LAST_LEN`, and over share the last bit). A test
/// of one look-up that rules most words of a text out before they are
/// compared with a table's.
#[derive(Clone)]
pub(crate) struct WordShapes([Row; 256]);

/// A row of [`WordShapes`]: a bit per length.
pub(crate) type Row = u32;
/// The last bit of a row, which every length from it on shares.
const LAST_LEN: usize = Row::BITS as usize - 1;

impl WordShapes {
    /// The set of no shape.
    pub(crate) fn new() -> Self {
        WordShapes([0; 256])
    }

    /// Adds the shape of a word opening with `first`, `len` long.
    pub(crate) fn add(&mut self, first: u8, len: usize) {
        self.0[usize::from(first)] |= Self::bits(len);
    }

    /// Adds the shapes of words opening with every byte outside ASCII,
    /// the lengths of `len_bits` (a bit per length, as [`WordShapes::bits`]
    /// gives).
    pub(crate) fn add_wide(&mut self, len_bits: Row) {
        self.0[0x80..].iter_mut().for_each(|row| *row |= len_bits);
    }

    /// The bit of length `len`.
    pub(crate) fn bits(len: usize) -> Row {
        1 << len.min(LAST_LEN)
    }

    /// Whether the set holds the shape of a word opening with `first`, of
    /// any length.
    #[inline]
    pub(crate) fn opens(&self, first: u8) -> bool {
        self.0[usize::from(first)] != 0
    }

    /// Whether the set holds the shape of a word opening with `first`,
    /// `len` long.
    #[inline]
    pub(crate) fn holds(&self, first: u8, len: usize) -> bool {
        self.0[usize::from(first)] & Self::bits(len) != 0
    }

    /// Whether the set holds the shape of `word` (its length in bytes);
    /// an empty word has none.
    #[inline]
    pub(crate) fn holds_word(&self, word: &str) -> bool {
        word.as_bytes()
            .first()
            .is_some_and(|&b| self.holds(b, word.len()))
    }
}

/// The ASCII white space of `char::is_whitespace`, vertical tab included.
#[inline]
fn ascii_space(b: u8) -> bool {
    (b == b' ') | (b.wrapping_sub(b'\t') < 5)
}

/// How many bytes [`any_byte`] tests at once, in vector code.
const ANY_BLOCK: usize = 32;

/// Whether any byte of `bytes` passes `test`: `bytes.iter().any(test)`,
/// but a block of [`ANY_BLOCK`] bytes at a time without a branch a byte,
/// which the compiler turns into vector code.
pub(crate) fn any_byte(bytes: &[u8], test: impl Fn(u8) -> bool) -> bool {
    let mut blocks = bytes.chunks_exact(ANY_BLOCK);
    let hit = blocks
        .by_ref()
        .any(|block| block.iter().fold(false, |acc, &b| acc | test(b)));
    hit || blocks.remainder().iter().any(|&b| test(b))
}

/// Whether the character before byte `i` of `text` is a letter or digit
/// ([`is_alnum`]); an ASCII one is read without decoding. `i` is a char
/// boundary.
#[inline]
pub(crate) fn alnum_before(text: &str, i: usize) -> bool {
    match i.checked_sub(1).map(|j| text.as_bytes()[j]) {
        None => false,
        Some(b) if b.is_ascii() => b.is_ascii_alphanumeric(),
        Some(_) => text[..i].chars().next_back().is_some_and(is_alnum),
    }
}

/// The character at byte `i` of `text` and its length, ASCII read without
/// decoding; `None` at the end.
#[inline]
pub(crate) fn char_at(text: &str, i: usize) -> Option<(char, usize)> {
    let b = *text.as_bytes().get(i)?;
    if b.is_ascii() {
        return Some((char::from(b), 1));
    }
    let c = text[i..].chars().next()?;
    Some((c, c.len_utf8()))
}

/// Where the run without white space that goes on at byte `i` of `text`
/// ends: the next white space character, or the end.
pub(crate) fn word_end(text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii() {
            if ascii_space(b) {
                break;
            }
            i += 1;
            continue;
        }
        match text[i..].chars().next() {
            Some(c) if !c.is_whitespace() => i += c.len_utf8(),
            _ => break,
        }
    }
    i
}

/// `text.split(char::is_whitespace)`: the pieces between single white
/// space characters (empty ones too), ASCII read a byte at a time. The
/// cues' reading of a paragraph cuts its pieces so; its tests compare.
#[cfg(test)]
pub(crate) fn split_white(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let mut from = Some(0);
    std::iter::from_fn(move || {
        let start = from?;
        let mut i = start;
        while i < bytes.len() {
            let b = bytes[i];
            // A character's length is told by its first byte; white space
            // is read off its bytes (`white_at`), never decoded.
            if b.is_ascii() {
                if ascii_space(b) {
                    from = Some(i + 1);
                    return Some(&text[start..i]);
                }
                i += 1;
                continue;
            }
            let len = utf8_len(b);
            if white_at(bytes, i) {
                from = Some(i + len);
                return Some(&text[start..i]);
            }
            i += len;
        }
        from = None;
        Some(&text[start..])
    })
}

/// How many words (runs without white space) `text` holds: what
/// `split_whitespace().count()` gives, read a byte at a time. A word starts
/// at each character's first byte other than a space right after an ASCII
/// space, counted branch-free over pairs of bytes ([`count_pairs`]); then
/// each white space character outside ASCII ([`white_at`], found by its
/// first byte) corrects that count: it opens no word, and the character
/// after it does unless it is a space too.
pub(crate) fn word_count(text: &str) -> usize {
    let bytes = text.as_bytes();
    let Some(&first) = bytes.first() else {
        return 0;
    };
    let starts = |a: u8, b: u8| ascii_space(a) & (b & 0xC0 != 0x80) & !ascii_space(b);
    let mut n = usize::from(!ascii_space(first));
    let mut from = 0;
    while from + 1 < bytes.len() {
        let end = bytes.len().min(from + PAIRS_AT_ONCE + 1);
        n += count_pairs(&bytes[from..end], starts);
        from = end - 1;
    }
    let wide =
        memchr::memchr3_iter(0xC2, 0xE1, 0xE2, bytes).chain(memchr::memchr_iter(0xE3, bytes));
    for p in wide.filter(|&p| white_at(bytes, p)) {
        let next = p + utf8_len(bytes[p]);
        n += usize::from(next < bytes.len() && !white_at(bytes, next));
        n -= usize::from(p == 0 || ascii_space(bytes[p - 1]));
    }
    n
}

/// How many pairs of neighbours [`count_pairs`] counts at once: its sum
/// fits in a byte.
const PAIRS_AT_ONCE: usize = 255;

/// How many pairs of neighbours of `chunk` (at most [`PAIRS_AT_ONCE`]
/// pairs) pass `test`: summed in bytes, so that the compiler's vector code
/// takes 16 or 32 pairs at a time.
#[inline]
fn count_pairs(chunk: &[u8], test: impl Fn(u8, u8) -> bool) -> usize {
    debug_assert!(chunk.len() <= PAIRS_AT_ONCE + 1);
    let n = chunk
        .iter()
        .zip(&chunk[1..])
        .fold(0u8, |n, (&a, &b)| n + u8::from(test(a, b)));
    usize::from(n)
}

/// The length in bytes of the UTF-8 character whose first byte is `b`.
#[inline]
pub(crate) fn utf8_len(b: u8) -> usize {
    match b {
        0..0x80 => 1,
        0xC0..0xE0 => 2,
        0xE0..0xF0 => 3,
        _ => 4,
    }
}

/// Whether each byte is an ASCII letter or digit: one look-up, where
/// `is_ascii_alphanumeric` makes three comparisons.
static ASCII_ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 0x80 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// Where the run of ASCII letters and digits from byte `i` of `bytes`
/// ends (`i` itself at or past the end). A byte loop with one table
/// look-up a byte: words are short, and a test of eight bytes at once on a
/// `u64` cost more than it saved (measured: some 6M instructions over the
/// dev documents, in the cues' reading).
#[inline(always)]
pub(crate) fn ascii_alnum_end(bytes: &[u8], i: usize) -> usize {
    match bytes.get(i..) {
        Some(rest) => {
            i + rest
                .iter()
                .position(|&b| !ASCII_ALNUM[usize::from(b)])
                .unwrap_or(rest.len())
        }
        None => i,
    }
}

/// Where the run of letters and digits ([`is_alnum`]) going on at byte `i`
/// of `text` (a char boundary) ends, and how many characters it holds
/// from `i` on: ASCII read a byte at a time, the letters
/// [`latin_letter_len`] knows read off their first bytes, other
/// characters decoded.
#[inline(always)]
pub(crate) fn alnum_run(text: &str, mut i: usize) -> (usize, usize) {
    let bytes = text.as_bytes();
    let mut chars = 0;
    loop {
        let j = ascii_alnum_end(bytes, i);
        chars += j - i;
        i = j;
        let latin = latin_letter_len(bytes, i);
        if latin > 0 {
            i += latin;
            chars += 1;
            continue;
        }
        match bytes.get(i) {
            Some(&b) if !b.is_ascii() => match char_at(text, i) {
                Some((c, len)) if is_alnum(c) => {
                    i += len;
                    chars += 1;
                }
                _ => return (i, chars),
            },
            _ => return (i, chars),
        }
    }
}

/// The length of the character at byte `i` of UTF-8 `bytes` when it is a
/// letter outside ASCII that [`is_alnum`] knows without decoding, read off
/// its first bytes: Latin-1's letters (`C3 80` to `C3 BF` but for `×` and
/// `÷`), Latin Extended-A and most of B (`C4` to `C8`), and Latin Extended
/// Additional (`E1 B8` to `E1 BB`: Vietnamese); 0 for any other character
/// (maybe a letter all the same) and past the end.
#[inline(always)]
pub(crate) fn latin_letter_len(bytes: &[u8], i: usize) -> usize {
    let next = || bytes.get(i + 1).copied().unwrap_or(0);
    match bytes.get(i) {
        Some(0xC3) => {
            if matches!(next(), 0x97 | 0xB7) {
                0
            } else {
                2
            }
        }
        Some(0xC4..=0xC8) => 2,
        Some(0xE1) if matches!(next(), 0xB8..=0xBB) => 3,
        _ => 0,
    }
}

/// Whether the character whose first byte is at `i` of UTF-8 `bytes` is
/// white space as `char::is_whitespace` has it, read off its bytes: ASCII
/// space and controls, U+0085 and U+00A0 (`C2 85`, `C2 A0`), U+1680
/// (`E1 9A 80`), U+2000 to U+200A, U+2028, U+2029, U+202F (`E2 80 …`),
/// U+205F (`E2 81 9F`) and U+3000 (`E3 80 80`).
#[inline]
pub(crate) fn white_at(bytes: &[u8], i: usize) -> bool {
    let b = bytes[i];
    if b < 0x80 {
        return ascii_space(b);
    }
    let next = |k: usize| bytes.get(i + k).copied().unwrap_or(0);
    match b {
        0xC2 => matches!(next(1), 0x85 | 0xA0),
        0xE1 => next(1) == 0x9A && next(2) == 0x80,
        0xE2 => match next(1) {
            0x80 => matches!(next(2), 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF),
            0x81 => next(2) == 0x9F,
            _ => false,
        },
        0xE3 => next(1) == 0x80 && next(2) == 0x80,
        _ => false,
    }
}

/// How many runs of characters that `inside` accepts `text` holds,
/// counting no further than `most`; `ascii` answers for ASCII bytes as
/// `inside` would. Read 64 bytes at a time (so that a long text stops soon
/// after `most`): an ASCII chunk without a branch a byte, another with its
/// other characters decoded.
pub(crate) fn count_runs(
    text: &str,
    most: usize,
    ascii: impl Fn(u8) -> bool,
    inside: impl Fn(char) -> bool,
) -> usize {
    let bytes = text.as_bytes();
    let mut n = 0;
    let mut in_run = false;
    let mut i = 0;
    while i < bytes.len() && n < most {
        let end = bytes.len().min(i + 64);
        let chunk = &bytes[i..end];
        if chunk.is_ascii() {
            // A run starts at each byte inside one whose neighbour before
            // it (or, for the first, the end of the chunk before) is not:
            // counted over pairs of neighbours, a loop without branches
            // that the compiler turns into vector code.
            let first = ascii(chunk[0]) && !in_run;
            let later = count_pairs(chunk, |a, b| !ascii(a) & ascii(b));
            n += usize::from(first) + later;
            in_run = ascii(chunk[chunk.len() - 1]);
            i = end;
            continue;
        }
        while i < end {
            let (inner, len) = if bytes[i].is_ascii() {
                (ascii(bytes[i]), 1)
            } else {
                match text[i..].chars().next() {
                    Some(c) => (inside(c), c.len_utf8()),
                    None => break,
                }
            };
            n += usize::from(inner && !in_run);
            in_run = inner;
            i += len;
        }
    }
    n.min(most)
}

/// Whether a word starts with an upper-case letter (or a digit, as in
/// `Thứ 5`). Tested as "not lower-case" so that NFD text passes too.
pub(crate) fn is_capitalised(word: &str) -> bool {
    // An ASCII letter or digit first answers alone.
    if let Some(&b) = word
        .as_bytes()
        .first()
        .filter(|b| b.is_ascii_alphanumeric())
    {
        return !b.is_ascii_lowercase();
    }
    word.chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(|c| c.is_uppercase() || c.is_numeric())
        && word.chars().next().is_some_and(|c| !c.is_lowercase())
}

/// The words of `text` between single spaces, with their byte offsets
/// (two spaces in a row give an empty word between them).
pub(crate) fn split_at_spaces(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut pos = 0;
    text.split(' ').map(move |w| {
        let at = pos;
        pos += w.len() + 1;
        (at, w)
    })
}

/// The greatest char boundary of `s` at or before byte `i` (the end of
/// `s` when `i` is past it): where a window of `i` bytes may end.
pub(crate) fn floor_char_boundary(s: &str, i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    (0..=i).rev().find(|&k| s.is_char_boundary(k)).unwrap_or(0)
}

/// The least char boundary of `s` at or after byte `i` (the end of `s`
/// when `i` is past it): where a window of the last bytes may start.
pub(crate) fn ceil_char_boundary(s: &str, i: usize) -> usize {
    (i..s.len())
        .find(|&k| s.is_char_boundary(k))
        .unwrap_or(s.len())
}

/// Where the first `needle` stands in `text`, as `text.find(needle)`
/// tells, for a short needle (`"**"`, `"©"`, `", "`, `" | "`): std's `&str`
/// pattern sets up a two-way search at each call, dear on the short lines
/// a grammar reads. The needle's first byte other than a space is looked
/// for with `memchr` (a space, the commonest byte of a line, would stop
/// the search at every word), and each place it stands is checked whole,
/// left to right: the first that holds is the leftmost occurrence. A
/// needle of spaces alone is left to std.
pub(crate) fn find_short(text: &str, needle: &str) -> Option<usize> {
    let (hay, bytes) = (text.as_bytes(), needle.as_bytes());
    let Some(anchor) = bytes.iter().position(|&b| b != b' ') else {
        return text.find(needle);
    };
    let mut from = anchor;
    while from < hay.len() {
        let at = from + memchr::memchr(bytes[anchor], &hay[from..])?;
        let start = at - anchor;
        if hay[start..].starts_with(bytes) {
            return Some(start);
        }
        from = at + 1;
    }
    None
}

/// `text.split_once(sep)` for a short separator, found by [`find_short`].
pub(crate) fn split_once_sep<'t>(text: &'t str, sep: &str) -> Option<(&'t str, &'t str)> {
    let start = find_short(text, sep)?;
    Some((&text[..start], &text[start + sep.len()..]))
}

/// Splits `input` into lines: `(content, end)` where `end` is past the
/// terminator.
pub(crate) fn lines(input: &str) -> impl Iterator<Item = (Span, usize)> + '_ {
    let bytes = input.as_bytes();
    let mut pos = 0;
    std::iter::from_fn(move || {
        if pos >= bytes.len() {
            return None;
        }
        let start = pos;
        let rel = memchr::memchr2(b'\n', b'\r', &bytes[start..]);
        let (end, next) = match rel {
            None => (bytes.len(), bytes.len()),
            Some(i) => {
                let e = start + i;
                if bytes[e] == b'\r' && bytes.get(e + 1) == Some(&b'\n') {
                    (e, e + 2)
                } else {
                    (e, e + 1)
                }
            }
        };
        pos = next;
        Some((Span::new(start, end), next))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separators_split_as_split_once_does() {
        let texts = [
            "",
            " ",
            "a, b",
            ", ",
            "Madrid, 4 de junio de 2021, 10:00",
            "Gobierno de España | 3 de marzo de 2021",
            "a | b | c",
            "Palma - 03 AGO 2023 - 05:40 CEST",
            "Publié le 7 mai 2024 à 8h15 – mis à jour",
            "x – – y",
            "a · b; c",
            "  | ",
            "|| |",
            "-- - -",
            "Thứ Năm, 12/09/2019, 23:06 [GMT+7]",
            "\u{a0}- a",
            "trailing ",
            "a ,b , c",
            "**Date:** 2025",
            "* *a*",
            "Tous droits réservés é©",
            "ª© 2024",
            "Ảnh ©AFP",
            "\u{a0}«©»",
            "éééé",
            "a **",
            "*",
        ];
        let seps = [
            ", ", " | ", " - ", " – ", " — ", " · ", "; ", ",", " ", "", "**", "©",
        ];
        for t in texts {
            for sep in seps {
                assert_eq!(find_short(t, sep), t.find(sep), "{t:?} {sep:?}");
                assert_eq!(split_once_sep(t, sep), t.split_once(sep), "{t:?} {sep:?}");
            }
        }
    }

    #[test]
    fn runs_end_where_is_ascii_alphanumeric_ends_them() {
        let texts = [
            "",
            "a",
            "abcdefg",
            "abcdefghijklmnopq rst",
            "Zz09 ",
            "straße",
            "năm nay",
            "x\u{a0}y",
            "0123456789abcdefXYZ@[`{/:",
            "well-known, isn't it?",
        ];
        for t in texts {
            let bytes = t.as_bytes();
            for i in 0..=bytes.len() + 1 {
                let expected = i + bytes
                    .get(i..)
                    .unwrap_or_default()
                    .iter()
                    .take_while(|b| b.is_ascii_alphanumeric())
                    .count();
                assert_eq!(ascii_alnum_end(bytes, i), expected, "{t:?} {i}");
            }
        }
    }

    #[test]
    fn windows_end_and_start_at_char_boundaries() {
        let s = "aé b"; // `é` is bytes 1..3
        assert_eq!(floor_char_boundary(s, 2), 1);
        assert_eq!(floor_char_boundary(s, 3), 3);
        assert_eq!(floor_char_boundary(s, 99), s.len());
        assert_eq!(ceil_char_boundary(s, 2), 3);
        assert_eq!(ceil_char_boundary(s, 0), 0);
        assert_eq!(ceil_char_boundary(s, 99), s.len());
        let words: Vec<(usize, &str)> = split_at_spaces("a  bc").collect();
        assert_eq!(words, [(0, "a"), (2, ""), (3, "bc")]);
    }

    #[test]
    fn next_find_answers_as_a_fresh_search_does() {
        let hay = b"a-->b--> c <!-- d-->";
        let mut memo = NextFind::new(b"-->");
        // Forward, then back, then forward again: every answer is a search's.
        for at in (0..=hay.len())
            .chain((0..=hay.len()).rev())
            .chain([3, 2, 9, 20])
        {
            let fresh = memchr::memmem::find(&hay[at..], b"-->").map(|r| at + r);
            assert_eq!(memo.at(hay, at), fresh, "at {at}");
        }
    }

    #[test]
    fn find_within_reads_only_its_window() {
        assert_eq!(find_within(b"abc]", b']', 3), Some(3));
        assert_eq!(find_within(b"abcd]", b']', 3), None);
        assert_eq!(find_within(b"ab", b']', 3), None);
        assert_eq!(find_within(b"]", b']', usize::MAX), Some(0));
    }

    #[test]
    fn words_are_counted_as_split_whitespace_counts_them() {
        for t in [
            "",
            " ",
            "one",
            "  two  words ",
            "tab\tvt\u{b}ff\u{c}cr\r",
            "nbsp\u{a0}em\u{2003}ideographic\u{3000}end",
            "Thứ Năm, 12/09/2019",
            "\u{85}nel\u{85}",
            "\u{1680}ogham\u{2028}\u{2029}\u{202f}x\u{205f}y\u{200b}z",
            "« Bonjour », dit-il.\u{a0}— Très bien… ",
            "\u{3000}\u{a0}x  \u{2003}\u{2003}y\u{a0}",
            "\u{a0}",
            "a\u{a0} \u{a0}b",
            " \u{1680}ế",
        ] {
            assert_eq!(word_count(t), t.split_whitespace().count(), "{t:?}");
        }
        // Chunks of 64 bytes cut through words and characters.
        let pieces = [
            "ab ",
            "Thứ ",
            "Năm,",
            "\u{a0}",
            "  ",
            "x",
            "\u{3000}",
            "é",
            "—",
            "\u{2028}",
            "“ỹ”",
        ];
        let mut t = String::new();
        for k in 0..800 {
            t.push_str(pieces[(k * 7 + k / 3 + k / 11) % pieces.len()]);
            assert_eq!(word_count(&t), t.split_whitespace().count(), "{t:?}");
        }
    }

    #[test]
    fn white_space_is_read_off_its_bytes_for_every_character() {
        let mut buf = [0u8; 8];
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let len = c.encode_utf8(&mut buf).len();
            // Followed by a byte that could extend no pattern wrongly.
            buf[len] = b'x';
            assert_eq!(white_at(&buf[..=len], 0), c.is_whitespace(), "{c:?}");
            assert_eq!(white_at(&buf[..len], 0), c.is_whitespace(), "{c:?}");
        }
        // A lead byte cut short at the end is no space.
        assert!(!white_at(&[0xE2, 0x80], 0) && !white_at(&[0xC2], 0));
    }

    #[test]
    fn long_shapes_share_the_last_bit() {
        let mut shapes = WordShapes::new();
        shapes.add(b'a', 35);
        shapes.add_wide(WordShapes::bits(3));
        assert!(shapes.holds(b'a', 31) && shapes.holds(b'a', 80) && !shapes.holds(b'a', 30));
        assert!(shapes.holds(0x80, 3) && shapes.holds(0xFF, 3) && !shapes.holds(0x7F, 3));
        assert!(shapes.opens(b'a') && shapes.opens(0xC3) && !shapes.opens(b'b'));
    }

    #[test]
    fn case_hashes_read_ascii_bytes_as_characters() {
        for w in [
            "",
            "What",
            "WE'RE",
            "ÔNG",
            "Thứ Năm",
            "straße",
            "ẞ",
            "İstanbul",
            "a\u{301}",
            "日本",
            "Ǆ",
        ] {
            let mut h = CaseHash::new();
            w.chars().for_each(|c| h.push(c));
            assert_eq!(case_hash(w), h.finish(), "{w:?}");
        }
    }

    #[test]
    fn letters_lower_as_is_where_the_tables_say_so() {
        for c in ('\0'..'\u{300}').chain('\u{1E00}'..'\u{1F00}') {
            if lower_as_is(c) {
                assert!(c.to_lowercase().eq([c]), "{c:?}");
                assert!(c.is_lowercase(), "{c:?}");
            }
        }
        assert!(lower_as_is('ữ') && lower_as_is('ô') && lower_as_is('ß'));
        assert!(!lower_as_is('Ữ') && !lower_as_is('Ô') && !lower_as_is('÷'));
    }

    #[test]
    fn any_byte_finds_a_byte_in_a_block_or_after_the_last() {
        let text = "x".repeat(100);
        for at in [0, 31, 32, 63, 64, 95, 96, 99] {
            let mut t = text.clone().into_bytes();
            t[at] = b'*';
            assert!(any_byte(&t, |b| b == b'*'), "{at}");
            assert!(!any_byte(&t[..at], |b| b == b'*'), "{at}");
        }
        assert!(!any_byte(b"", |_| true));
    }

    #[test]
    fn white_space_splits_as_the_standard_library_splits() {
        for t in [
            "",
            " ",
            "one",
            "  two  words ",
            "tab\tvt\u{b}ff\u{c}cr\r\n",
            "nbsp\u{a0}em\u{2003}ideographic\u{3000}end",
            "“Thứ Năm,” 12/09/2019\u{85}",
        ] {
            let want: Vec<&str> = t.split(char::is_whitespace).collect();
            assert_eq!(split_white(t).collect::<Vec<_>>(), want, "{t:?}");
        }
    }

    #[test]
    fn runs_are_counted_across_chunks_and_up_to_the_limit() {
        // Texts longer than a chunk, with letters of two, three and four
        // bytes standing across the 64-byte boundaries.
        let pieces = [
            "word ",
            "Thứ\u{a0}",
            "ab",
            " 12/09 ",
            "日本",
            "𝔘x ",
            "é",
            "  ",
        ];
        let mut text = String::new();
        for i in 0..400 {
            text.push_str(pieces[i % pieces.len()]);
            let naive_runs = |most: usize| {
                let mut n = 0;
                let mut inside = false;
                for c in text.chars() {
                    n += usize::from(is_alnum(c) && !inside);
                    inside = is_alnum(c);
                }
                n.min(most)
            };
            assert_eq!(
                word_count(&text),
                text.split_whitespace().count(),
                "{text:?}"
            );
            for most in [1, 7, 81, usize::MAX] {
                let runs = count_runs(&text, most, |b| b.is_ascii_alphanumeric(), is_alnum);
                assert_eq!(runs, naive_runs(most), "{most} in {text:?}");
            }
        }
    }

    #[test]
    fn alnum_agrees_with_the_standard_library() {
        for c in ('\0'..'\u{300}')
            .chain('\u{1E00}'..'\u{1F00}')
            .chain('\u{2000}'..'\u{2100}')
        {
            assert_eq!(is_alnum(c), c.is_alphanumeric(), "{c:?}");
            assert_eq!(is_alpha(c), c.is_alphabetic(), "{c:?}");
        }
    }

    #[test]
    fn capitalised_words() {
        assert!(is_capitalised("Định"));
        assert!(is_capitalised("\"Bạn"));
        assert!(!is_capitalised("định"));
        assert!(is_capitalised("Đ\u{323}"));
    }

    #[test]
    fn all_terminators_end_lines() {
        let got: Vec<_> = lines("a\nb\r\nc\rd").collect();
        assert_eq!(
            got,
            vec![
                (Span::new(0, 1), 2),
                (Span::new(2, 3), 5),
                (Span::new(5, 6), 7),
                (Span::new(7, 8), 8)
            ]
        );
    }
}
