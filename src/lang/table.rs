//! Word lists with an index of their first letters.
//!
//! Most paragraphs start with no word of a given table, and most word starts
//! of a paragraph begin no phrase of it. A table therefore keeps the set of
//! its words' first letters (without case or diacritics), built once on
//! first use: one look at an input's first letter rules a table out, instead
//! of a comparison per word.
//!
//! Where a text is searched word by word (a question phrase anywhere in a
//! paragraph, a pronoun among its words), a table also keeps its entries
//! keyed by the hash of a whole word in lower case ([`case_hash`]): each
//! word of the text is hashed once, as it is read, and only the entries
//! with its hash are compared.

use std::sync::OnceLock;

use crate::text::{Row, WordShapes, case_hash, fold_char, is_alnum};

/// The words of a table grouped by first letter (folded to ASCII without
/// case or diacritics; key 0 stands for every letter that folds to none).
struct Index {
    /// Word positions in the table, grouped by key.
    order: Vec<u16>,
    /// Where each key's group starts in `order` (and, at `key + 1`, ends).
    starts: [u16; 129],
    /// The most words (split at white space) of an entry.
    most_words: usize,
    /// The bytes a text may open with where an entry may start it
    /// ([`List::opening_table`]).
    first_bytes: [bool; 256],
}

impl Index {
    fn of<'w>(words: impl Iterator<Item = &'w str> + Clone) -> Self {
        let most_words = words
            .clone()
            .map(|w| w.split_whitespace().count())
            .max()
            .unwrap_or(0);
        let mut keyed: Vec<(u32, u16)> = words
            .enumerate()
            .filter_map(|(i, w)| Some((key(w.chars().next()?), u16::try_from(i).ok()?)))
            .collect();
        keyed.sort_unstable();
        // An ASCII byte whose key an entry's first letter has; any byte
        // outside ASCII, whose character may fold to such a key.
        let mut held = [false; 129];
        for &(k, _) in &keyed {
            held[k as usize] = true;
        }
        let mut first_bytes = [false; 256];
        for (b, slot) in first_bytes.iter_mut().enumerate() {
            *slot = match u8::try_from(b) {
                Ok(a) if a.is_ascii() => held[key(char::from(a)) as usize],
                _ => !keyed.is_empty(),
            };
        }
        let mut starts = [0u16; 129];
        for &(k, _) in &keyed {
            starts[k as usize + 1] += 1;
        }
        for k in 1..starts.len() {
            starts[k] += starts[k - 1];
        }
        Index {
            order: keyed.into_iter().map(|(_, i)| i).collect(),
            starts,
            most_words,
            first_bytes,
        }
    }

    /// The positions of the words that may start with `c` (none when no
    /// word starts with its key).
    #[inline]
    fn candidates(&self, c: char) -> &[u16] {
        let k = key(c) as usize;
        &self.order[usize::from(self.starts[k])..usize::from(self.starts[k + 1])]
    }
}

/// The index bit of a first letter: its folded ASCII form, or 0.
#[inline]
fn key(c: char) -> u32 {
    if c.is_ascii() {
        return u32::from(c.to_ascii_lowercase() as u8);
    }
    wide_key(c)
}

/// [`key`] of a character outside ASCII.
fn wide_key(c: char) -> u32 {
    // Latin letters, Vietnamese's included, from a table made once.
    static LATIN: OnceLock<[u8; LATIN_KEYS]> = OnceLock::new();
    let at = match u32::from(c) {
        n @ 0x80..0x250 => Some(n - 0x80),
        n @ 0x1E00..0x1F00 => Some(n - 0x1E00 + 0x1D0),
        _ => None,
    };
    if let Some(at) = at {
        let table = LATIN.get_or_init(|| {
            let mut t = [0u8; LATIN_KEYS];
            let chars = ('\u{80}'..'\u{250}').chain('\u{1E00}'..'\u{1F00}');
            for (slot, ch) in t.iter_mut().zip(chars) {
                *slot = folded_key(ch) as u8;
            }
            t
        });
        return u32::from(table[at as usize]);
    }
    folded_key(c)
}

/// How many Latin letters `key` reads from its table: U+0080 to U+024F, then
/// U+1E00 to U+1EFF.
const LATIN_KEYS: usize = 0x1D0 + 0x100;

/// The index bit of a non-ASCII letter, by folding it.
fn folded_key(c: char) -> u32 {
    let f = fold_char(c);
    if f.is_ascii() { u32::from(f as u8) } else { 0 }
}

/// An entry of a table: a word, or a word with a value.
pub(crate) trait Entry: Copy + 'static {
    /// The entry's word, written in its natural case.
    fn word(self) -> &'static str;
}

impl Entry for &'static str {
    fn word(self) -> &'static str {
        self
    }
}

impl<T: Copy + 'static> Entry for (&'static str, T) {
    fn word(self) -> &'static str {
        self.0
    }
}

/// Entry positions keyed by a hash of words in lower case ([`case_hash`]),
/// sorted by hash: every entry whose word could equal a given word ignoring
/// case sits under that word's hash (others may share it: a hash only
/// narrows the comparisons down).
struct ByHash {
    keyed: Vec<(u64, u16)>,
    /// A bit for each value of the low [`FILTER_BITS`] bits of the hashes
    /// held: most words of a text have none of them set, and are turned
    /// away without a search.
    filter: [u64; FILTER_WORDS],
}

/// How many low bits of a hash [`ByHash`]'s filter reads: a table of a
/// few dozen entries sets under a tenth of its bits.
const FILTER_BITS: u32 = 9;
/// The filter's size in 64-bit words.
const FILTER_WORDS: usize = (1 << FILTER_BITS) / 64;

impl ByHash {
    /// The positions of `words` under the hash of `key(word)`; a word whose
    /// key is empty is left out.
    fn of<'w>(words: impl Iterator<Item = &'w str>, key: impl Fn(&'w str) -> &'w str) -> Self {
        let mut keyed: Vec<(u64, u16)> = words
            .enumerate()
            .filter(|&(_, w)| !key(w).is_empty())
            .filter_map(|(i, w)| Some((case_hash(key(w)), u16::try_from(i).ok()?)))
            .collect();
        keyed.sort_unstable();
        let mut filter = [0u64; FILTER_WORDS];
        for &(h, _) in &keyed {
            let (word, bit) = Self::filter_bit(h);
            filter[word] |= bit;
        }
        ByHash { keyed, filter }
    }

    /// Where `hash` stands in the filter: a word of it and a bit.
    fn filter_bit(hash: u64) -> (usize, u64) {
        let low = (hash & ((1 << FILTER_BITS) - 1)) as usize;
        (low / 64, 1 << (low % 64))
    }

    /// Whether some position may be under `hash` (its filter bit is set).
    fn may_hold(&self, hash: u64) -> bool {
        let (word, bit) = Self::filter_bit(hash);
        self.filter[word] & bit != 0
    }

    /// The positions under `hash`.
    fn get(&self, hash: u64) -> impl Iterator<Item = u16> + '_ {
        let (word, bit) = Self::filter_bit(hash);
        let held = if self.filter[word] & bit == 0 {
            &[][..]
        } else {
            let from = self.keyed.partition_point(|&(h, _)| h < hash);
            &self.keyed[from..]
        };
        held.iter()
            .take_while(move |&&(h, _)| h == hash)
            .map(|&(_, i)| i)
    }
}

/// A word's first word: its leading run of letters and digits (empty when
/// it opens with another character).
pub(crate) fn first_word(word: &str) -> &str {
    let end = word
        .char_indices()
        .find(|&(_, c)| !is_alnum(c))
        .map_or(word.len(), |(i, _)| i);
    &word[..end]
}

/// The hashed indexes of a list, built together on first use.
struct Hashed {
    /// Every entry under the hash of its whole word.
    whole: ByHash,
    /// Every entry that opens with a letter or digit under the hash of its
    /// first word ([`first_word`]).
    first_words: ByHash,
    /// The bytes a text's word can open with where it may be one of those
    /// first words ([`List::opening_bytes`]).
    opening_bytes: [bool; 256],
}

/// The bytes that may open a word equal to one of `first_words` ignoring
/// case: an ASCII first letter in either case; any byte of a non-ASCII
/// character when one opens with such a letter (an ASCII letter matches
/// only ASCII, and a non-ASCII one only non-ASCII).
fn opening_bytes<'w>(first_words: impl Iterator<Item = &'w str>) -> [bool; 256] {
    let mut bytes = [false; 256];
    for c in first_words.filter_map(|w| w.chars().next()) {
        if c.is_ascii() {
            bytes[usize::from(c.to_ascii_lowercase() as u8)] = true;
            bytes[usize::from(c.to_ascii_uppercase() as u8)] = true;
        } else {
            bytes[0x80..].fill(true);
        }
    }
    bytes
}

/// The shapes of a list's words ([`WordShapes`]), quick tests of whether a
/// word of a text may be one of them.
struct Shapes {
    /// Each entry's first byte and length in bytes: the entries a word may
    /// be as written.
    as_written: WordShapes,
    /// The same under both cases of an ASCII first letter, and under every
    /// byte outside ASCII for an entry opening with a character outside it:
    /// the entries a word of the same length in bytes may be in another
    /// case (an ASCII letter equals only an ASCII one ignoring case, and a
    /// character outside ASCII only another outside it).
    in_any_case: WordShapes,
    /// The first words ([`first_word`]) of the entries, their first byte
    /// taken as for `in_any_case` and their length in characters: the runs
    /// of letters and digits of a text that may open an entry ignoring
    /// case, compared character by character.
    first_words: WordShapes,
    /// The same keyed by their last byte (taken as the first byte is).
    first_word_ends: WordShapes,
    /// Some entry opens with a character other than a letter or digit
    /// (and has no first word).
    opens_otherwise: bool,
}

/// Adds to `shapes` a word opening with `first`, `len` long, in any case:
/// under both cases of an ASCII letter, and, for a byte outside ASCII, to
/// `wide`, the lengths added under every such byte at the end
/// ([`WordShapes::add_wide`]).
fn add_in_any_case(shapes: &mut WordShapes, wide: &mut Row, first: u8, len: usize) {
    if first.is_ascii() {
        shapes.add(first.to_ascii_lowercase(), len);
        shapes.add(first.to_ascii_uppercase(), len);
    } else {
        *wide |= WordShapes::bits(len);
    }
}

impl Shapes {
    fn of<'w>(words: impl Iterator<Item = &'w str>) -> Self {
        let mut shapes = Shapes {
            as_written: WordShapes::new(),
            in_any_case: WordShapes::new(),
            first_words: WordShapes::new(),
            first_word_ends: WordShapes::new(),
            opens_otherwise: false,
        };
        // The lengths of the words opening outside ASCII in each set.
        let mut wide: [Row; 3] = [0; 3];
        for w in words {
            let Some(&first) = w.as_bytes().first() else {
                continue;
            };
            shapes.as_written.add(first, w.len());
            add_in_any_case(&mut shapes.in_any_case, &mut wide[0], first, w.len());
            let opening = first_word(w);
            if !opening.is_empty() {
                let chars = opening.chars().count();
                add_in_any_case(&mut shapes.first_words, &mut wide[1], first, chars);
                let last = opening.as_bytes()[opening.len() - 1];
                add_in_any_case(&mut shapes.first_word_ends, &mut wide[2], last, chars);
            } else {
                shapes.opens_otherwise = true;
            }
        }
        shapes.in_any_case.add_wide(wide[0]);
        shapes.first_words.add_wide(wide[1]);
        shapes.first_word_ends.add_wide(wide[2]);
        shapes
    }
}

/// A list of one language's entries, indexed by their words' first letters
/// and by hashes of their words, each index built on first use.
pub(crate) struct List<E: 'static> {
    list: &'static [E],
    index: OnceLock<Index>,
    hashed: OnceLock<Hashed>,
    shapes: OnceLock<Shapes>,
}

/// A list of words or phrases of one language.
pub(crate) type Words = List<&'static str>;

/// A list of words with a value each (a weekday's name and its day).
pub(crate) type Table<T> = List<(&'static str, T)>;

impl<E: Entry> List<E> {
    /// A list of `list`, its words written in their natural case.
    pub(crate) const fn new(list: &'static [E]) -> Self {
        List {
            list,
            index: OnceLock::new(),
            hashed: OnceLock::new(),
            shapes: OnceLock::new(),
        }
    }

    fn shapes(&self) -> &Shapes {
        self.shapes
            .get_or_init(|| Shapes::of(self.list.iter().map(|&e| e.word())))
    }

    /// The shapes of the entries as written: a word whose shape is not
    /// among them is none of them.
    pub(crate) fn as_written(&self) -> &WordShapes {
        &self.shapes().as_written
    }

    /// The shapes of the entries in any case, a word's length in bytes
    /// unchanged (as [`is_word_of`](crate::grammar::is_word_of) asks): a
    /// word whose shape is not among them is none of them.
    pub(crate) fn in_any_case(&self) -> &WordShapes {
        &self.shapes().in_any_case
    }

    /// The shapes of the entries' first words ([`first_word`]) in any case,
    /// their lengths in characters: a text's run of letters and digits
    /// whose shape is not among them opens no entry ignoring case.
    pub(crate) fn first_word_shapes(&self) -> &WordShapes {
        &self.shapes().first_words
    }

    /// The same shapes keyed by the first words' last byte (an ASCII
    /// letter in either case, every byte outside ASCII for a last
    /// character outside it, whose last byte is one).
    pub(crate) fn first_word_end_shapes(&self) -> &WordShapes {
        &self.shapes().first_word_ends
    }

    /// Whether an entry opens with a character other than a letter or
    /// digit: only such an entry may start a text that opens so.
    pub(crate) fn opens_otherwise(&self) -> bool {
        self.shapes().opens_otherwise
    }

    /// Whether an entry opens with a letter or digit: whether a search by
    /// first words ([`List::opened_by_hash`]) can find anything.
    pub(crate) fn opens_with_words(&self) -> bool {
        !self.hashed().first_words.keyed.is_empty()
    }

    fn hashed(&self) -> &Hashed {
        self.hashed.get_or_init(|| {
            let words = || self.list.iter().map(|&e| e.word());
            Hashed {
                whole: ByHash::of(words(), |w| w),
                first_words: ByHash::of(words(), first_word),
                opening_bytes: opening_bytes(words().map(first_word)),
            }
        })
    }

    fn index(&self) -> &Index {
        self.index
            .get_or_init(|| Index::of(self.list.iter().map(|&e| e.word())))
    }

    /// The most words (split at white space) of an entry.
    pub(crate) fn most_words(&self) -> usize {
        self.index().most_words
    }

    /// For each byte, whether an entry may start a text opening with it:
    /// false only where [`List::candidates`] of such a text is surely
    /// empty, a test of one byte for a scan to make before asking for the
    /// candidates.
    pub(crate) fn opening_table(&self) -> &[bool; 256] {
        &self.index().first_bytes
    }

    /// The entries that may start `text`: those whose word's first letter is
    /// its first letter, ignoring case and diacritics.
    pub(crate) fn candidates(&self, text: &str) -> impl Iterator<Item = E> + '_ {
        let list = self.list;
        // An ASCII first byte is the first character, read without decoding.
        let first = match text.as_bytes().first() {
            Some(&b) if b.is_ascii() => Some(char::from(b)),
            _ => text.chars().next(),
        };
        let found = first.map_or(&[][..], |c| self.index().candidates(c));
        found.iter().map(move |&i| list[usize::from(i)])
    }

    /// The entries whose word may equal `word` ignoring case: every one
    /// that does, and maybe a few others (compare before use). `hash` is
    /// `case_hash(word)`, computed by the caller as it reads the word.
    pub(crate) fn with_word_hash(&self, hash: u64) -> impl Iterator<Item = E> + '_ {
        let list = self.list;
        self.hashed()
            .whole
            .get(hash)
            .map(move |i| list[usize::from(i)])
    }

    /// The entries whose word may equal `word` ignoring case (see
    /// [`List::with_word_hash`]).
    pub(crate) fn with_word(&self, word: &str) -> impl Iterator<Item = E> + '_ {
        self.with_word_hash(case_hash(word))
    }

    /// The bytes a word of a text can open with where it may equal the
    /// first word ([`first_word`]) of an entry ignoring case: a search for
    /// the entries' phrases stops at these bytes only.
    pub(crate) fn opening_bytes(&self) -> &[bool; 256] {
        &self.hashed().opening_bytes
    }

    /// Whether an entry's first word ([`first_word`]) may have the hash
    /// `hash`: one test of a bit, false for most words of a text, before
    /// [`List::opened_by_hash`] is asked.
    pub(crate) fn may_be_opened_by_hash(&self, hash: u64) -> bool {
        self.hashed().first_words.may_hold(hash)
    }

    /// The entries whose first word ([`first_word`]) may equal the word
    /// hashed to `hash` ignoring case: every entry that a text opening with
    /// that word (and then a character other than a letter or digit) can
    /// start with, and maybe a few others. An entry opening with another
    /// character is never among them.
    pub(crate) fn opened_by_hash(&self, hash: u64) -> impl Iterator<Item = E> + '_ {
        let list = self.list;
        self.hashed()
            .first_words
            .get(hash)
            .map(move |i| list[usize::from(i)])
    }
}

impl<E> std::ops::Deref for List<E> {
    type Target = [E];
    fn deref(&self) -> &Self::Target {
        self.list
    }
}

impl<E: std::fmt::Debug> std::fmt::Debug for List<E> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.list).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_letters_ignore_case_and_diacritics() {
        static W: Words = Words::new(&["Ông", "thưa", "(Ảnh", "作者", "Ông bà"]);
        let found = |t| W.candidates(t).collect::<Vec<_>>();
        assert_eq!(found("ông Nam"), ["Ông", "Ông bà"]);
        assert_eq!(found("Ong"), ["Ông", "Ông bà"]);
        assert_eq!(found("THƯA"), ["thưa"]);
        assert_eq!(found("(ảnh"), ["(Ảnh"]);
        assert_eq!(found("作"), ["作者"]);
        assert!(found("Bà").is_empty());
        assert!(found("").is_empty());
        assert!(W.candidates("Ô").next().is_some() && W.candidates("b").next().is_none());
    }

    #[test]
    fn a_text_opening_with_a_byte_no_entry_may_start_has_no_candidates() {
        static W: Words = Words::new(&["Ông", "thưa", "(Ảnh", "Photo", "作者"]);
        for t in [
            "ông", "Ong", "ong", "THƯA", "(ảnh", "photo", "作", "Bà", "x", "(", "", "Á",
        ] {
            let first = t.as_bytes().first().copied();
            if W.candidates(t).next().is_some() {
                assert!(
                    first.is_some_and(|b| W.opening_table()[usize::from(b)]),
                    "{t:?}"
                );
            }
        }
        assert!(
            [b'b', b'B', b' ']
                .iter()
                .all(|&b| !W.opening_table()[usize::from(b)])
        );
        assert!(
            [b'o', b'P', 0xC3]
                .iter()
                .all(|&b| W.opening_table()[usize::from(b)])
        );
        static E: Words = Words::new(&[]);
        assert!(E.opening_table().iter().all(|&o| !o));
    }

    #[test]
    fn the_latin_table_folds_as_fold_char_does() {
        for c in ('\u{80}'..'\u{250}').chain('\u{1E00}'..'\u{1F00}') {
            assert_eq!(key(c), folded_key(c), "{c:?}");
        }
    }

    #[test]
    fn whole_words_are_found_by_their_hash_in_any_case() {
        static W: Words = Words::new(&["Ông", "thưa", "we're", "chúng tôi", "I"]);
        let found = |t| W.with_word(t).collect::<Vec<_>>();
        assert_eq!(found("ông"), ["Ông"]);
        assert_eq!(found("ÔNG"), ["Ông"]);
        assert_eq!(found("WE'RE"), ["we're"]);
        assert_eq!(found("Chúng Tôi"), ["chúng tôi"]);
        assert_eq!(found("i"), ["I"]);
        // Near misses: diacritics are not folded, nor is a word cut short.
        assert!(found("Ong").is_empty());
        assert!(found("thua").is_empty());
        assert!(found("we").is_empty());
        assert!(found("chúng").is_empty());
        assert!(found("").is_empty());
    }

    #[test]
    fn phrases_are_found_by_their_first_word() {
        static W: Words = Words::new(&[
            "what do you",
            "What",
            "nghĩ sao",
            "Xin ông cho biết",
            "(Ảnh",
            "Caption:",
        ]);
        let opened = |w| W.opened_by_hash(case_hash(w)).collect::<Vec<_>>();
        assert_eq!(opened("WHAT"), ["what do you", "What"]);
        assert_eq!(opened("Nghĩ"), ["nghĩ sao"]);
        assert_eq!(opened("xin"), ["Xin ông cho biết"]);
        assert_eq!(opened("caption"), ["Caption:"]);
        // A phrase opening with a mark has no first word.
        assert!(opened("Ảnh").is_empty());
        // Near misses: another word, diacritics dropped, a longer word.
        assert!(opened("nghi").is_empty());
        assert!(opened("whatever").is_empty());
        assert!(opened("do").is_empty());
        assert_eq!(first_word("Caption:"), "Caption");
        assert_eq!(first_word("(Ảnh"), "");
        assert_eq!(first_word("Thứ Năm"), "Thứ");
        let stops = W.opening_bytes();
        for b in [b'w', b'W', b'n', b'N', b'x', b'X', b'c', b'C'] {
            assert!(stops[usize::from(b)], "{b}");
        }
        // `(Ảnh` has no first word: neither `(` nor `a` stops a search; no
        // first word opens with a non-ASCII letter, which could match only
        // a non-ASCII one.
        for b in [b'(', b'a', b'A', b'y', b' ', b'?', 0x80, 0xC3, 0xFF] {
            assert!(!stops[usize::from(b)], "{b}");
        }
        static V: Words = Words::new(&["Ông", "thưa"]);
        let stops = V.opening_bytes();
        assert!(stops[0xC3] && stops[0x80] && stops[usize::from(b'T')]);
        assert!(!stops[usize::from(b'o')] && !stops[usize::from(b'O')]);
    }

    #[test]
    fn an_empty_table_opens_nothing() {
        static T: Table<u8> = Table::new(&[]);
        assert_eq!(T.candidates("anything").count(), 0);
        assert_eq!(T.with_word("anything").count(), 0);
        assert!(T.is_empty());
    }
}
