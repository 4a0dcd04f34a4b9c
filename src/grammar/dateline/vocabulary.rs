//! Which languages' date words a line holds, so that a line the document's
//! language does not read is tried only in the languages that could read
//! it differently.
//!
//! A date line that one language reads and another does not holds a word
//! of the first's tables (a weekday or month name, a prefix, a connector, a
//! clock or day-part word): the rest of the grammar (digits, zones,
//! agencies, separators) is the same in every language. Every such word
//! matches the text ignoring case and diacritics, at word boundaries, so
//! each of its runs of letters, folded, is a run of letters of the text.
//! A language none of whose runs of letters the text holds would read the
//! line as the document's language does, so it need not be tried.

use crate::Language;
use crate::lang::{self, Entry, Lexicon, List};
use crate::text::fold_char;
use crate::text::is_alpha;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

/// Languages as bits, by their place in [`Language::ALL`].
type Languages = u32;

/// Runs of letters and the languages whose date words hold them (short
/// keys of our own: FNV).
type Vocabulary = HashMap<String, Languages, BuildHasherDefault<crate::fnv::Fnv>>;

const _: () = assert!(Language::ALL.len() <= Languages::BITS as usize);

fn bit(language: Language) -> Languages {
    let at = Language::ALL
        .iter()
        .position(|&l| l == language)
        .unwrap_or(0);
    1 << at
}

/// Calls `f` with each run of letters of `text`, folded (lower case, no
/// diacritics), in `buf`.
fn letter_runs(text: &str, buf: &mut String, mut f: impl FnMut(&str)) {
    buf.clear();
    for c in text.chars() {
        if is_alpha(c) {
            buf.push(fold_char(c));
        } else if !buf.is_empty() {
            f(buf);
            buf.clear();
        }
    }
    if !buf.is_empty() {
        f(buf);
        buf.clear();
    }
}

fn add<E: Entry>(map: &mut Vocabulary, list: &List<E>, language: Language) {
    let mut buf = String::new();
    for &e in list.iter() {
        letter_runs(e.word(), &mut buf, |run| {
            *map.entry(run.to_string()).or_default() |= bit(language);
        });
    }
}

/// Each folded run of letters of the date words, with the languages whose
/// tables hold it.
fn vocabulary() -> &'static Vocabulary {
    static VOCABULARY: OnceLock<Vocabulary> = OnceLock::new();
    VOCABULARY.get_or_init(|| {
        let mut map = Vocabulary::default();
        for l in lang::all() {
            let language = l.language;
            add(&mut map, &l.weekdays, language);
            add(&mut map, &l.months, language);
            add(&mut map, &l.month_words, language);
            add(&mut map, &l.year_words, language);
            add(&mut map, &l.date_connectors, language);
            add(&mut map, &l.date_prefixes, language);
            add(&mut map, &l.hour_words, language);
            add(&mut map, &l.minute_words, language);
            add(&mut map, &l.clock_words, language);
            add(&mut map, &l.day_parts, language);
        }
        map
    })
}

/// The languages whose date words share a run of letters with `text`.
fn worded(text: &str) -> Languages {
    let vocabulary = vocabulary();
    let mut found = 0;
    let mut buf = String::new();
    letter_runs(text, &mut buf, |run| {
        found |= vocabulary.get(run).copied().unwrap_or(0);
    });
    found
}

/// The other languages `text` should be tried in when `lex`'s language does
/// not read it: those whose date words it holds.
pub(super) fn others(text: &str, lex: &Lexicon) -> impl Iterator<Item = &'static Lexicon> {
    let worded = worded(text) & !bit(lex.language);
    lang::all().filter(move |l| worded & bit(l.language) != 0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::lexicon;

    fn tried(text: &str, first: Language) -> Vec<Language> {
        others(text, lexicon(first)).map(|l| l.language).collect()
    }

    #[test]
    fn only_languages_whose_words_stand_in_the_line_are_tried() {
        // German words: German is tried after English.
        assert!(tried("3. März 2020, 13:15 Uhr", Language::En).contains(&Language::De));
        // Folded: `Thu nam` holds the Vietnamese weekday `Thứ Năm`.
        assert!(tried("Thu nam, 12/09/2019", Language::En).contains(&Language::Vi));
        // Digits, zones and separators only: no other language reads it
        // differently.
        assert!(tried("12/09/2019 23:06 (GMT+7)", Language::Vi).is_empty());
        // A sentence with a year and no date word of any language.
        assert!(tried("MR. SMITH: In 2019 we had 45 games.", Language::En).is_empty());
        // The document's own language is never tried again.
        assert!(!tried("3 mars 2020", Language::Fr).contains(&Language::Fr));
    }
}
