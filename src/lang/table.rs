//! Word lists with an index of their first letters.
//!
//! Most paragraphs start with no word of a given table, and most word starts
//! of a paragraph begin no phrase of it. A table therefore keeps the set of
//! its words' first letters (without case or diacritics), built once on
//! first use: one look at an input's first letter rules a table out, instead
//! of a comparison per word.

use std::sync::OnceLock;

use crate::text::fold_char;

/// The words of a table grouped by first letter (folded to ASCII without
/// case or diacritics; key 0 stands for every letter that folds to none).
struct Index {
    /// Word positions in the table, grouped by key.
    order: Vec<u16>,
    /// Where each key's group starts in `order` (and, at `key + 1`, ends).
    starts: [u16; 129],
    /// The most words (split at white space) of an entry.
    most_words: usize,
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
        }
    }

    /// The positions of the words that may start with `c` (none when no
    /// word starts with its key).
    fn candidates(&self, c: char) -> &[u16] {
        let k = key(c) as usize;
        &self.order[usize::from(self.starts[k])..usize::from(self.starts[k + 1])]
    }
}

/// The index bit of a first letter: its folded ASCII form, or 0.
fn key(c: char) -> u32 {
    if c.is_ascii() {
        return u32::from(c.to_ascii_lowercase() as u8);
    }
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

/// A list of one language's entries, indexed by their words' first letters
/// on first use.
pub(crate) struct List<E: 'static> {
    list: &'static [E],
    index: OnceLock<Index>,
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
        }
    }

    fn index(&self) -> &Index {
        self.index
            .get_or_init(|| Index::of(self.list.iter().map(|&e| e.word())))
    }

    /// The most words (split at white space) of an entry.
    pub(crate) fn most_words(&self) -> usize {
        self.index().most_words
    }

    /// The entries that may start `text`: those whose word's first letter is
    /// its first letter, ignoring case and diacritics.
    pub(crate) fn candidates(&self, text: &str) -> impl Iterator<Item = E> + '_ {
        let list = self.list;
        let found = text
            .chars()
            .next()
            .map_or(&[][..], |c| self.index().candidates(c));
        found.iter().map(move |&i| list[usize::from(i)])
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
    fn the_latin_table_folds_as_fold_char_does() {
        for c in ('\u{80}'..'\u{250}').chain('\u{1E00}'..'\u{1F00}') {
            assert_eq!(key(c), folded_key(c), "{c:?}");
        }
    }

    #[test]
    fn an_empty_table_opens_nothing() {
        static T: Table<u8> = Table::new(&[]);
        assert_eq!(T.candidates("anything").count(), 0);
        assert!(T.is_empty());
    }
}
