//! The grammars: small nom parsers over cleaned `&str`, one module per
//! construct. Each takes the language's [`Lexicon`](crate::lang::Lexicon)
//! where it needs words, or the tables of words met in every language
//! (name and place particles); none spells a word of a language itself.
//!
//! nom types stay inside this module tree: each grammar exposes a plain
//! function returning an `Option` of a typed value.

pub(crate) mod annotation;
pub(crate) mod byline;
pub(crate) mod byline_gate;
pub(crate) mod caption;
pub(crate) mod dateline;
pub(crate) mod label;
pub(crate) mod label_gate;
pub(crate) mod marker;
pub(crate) mod shape;
pub(crate) mod speaker;

use crate::lang::{Entry, List, Table, Words};
use crate::text::{alnum_before, alnum_run, char_at, fold_char, is_alnum, lower_as_is};
use nom::IResult;
use nom::error::{Error, ErrorKind};

/// The dashes, spaces around them, that part a name from what follows it
/// (`BBC Brasil - …`, `Ông X – Chủ tịch …`).
pub(crate) const SPACED_DASHES: [&str; 3] = [" - ", " – ", " — "];

/// Whether two characters are equal ignoring case.
fn eq_ci(a: char, b: char) -> bool {
    match (a.is_ascii(), b.is_ascii()) {
        (true, true) => return a.eq_ignore_ascii_case(&b),
        // No letter outside ASCII lower-cases to one inside it that the
        // tables spell (the Kelvin sign is left aside).
        (true, false) | (false, true) => return false,
        (false, false) => {}
    }
    if a == b {
        return true;
    }
    // Two letters each their own lower case, and different.
    if lower_as_is(a) && lower_as_is(b) {
        return false;
    }
    a.to_lowercase().eq(b.to_lowercase())
}

/// Whether `word` is one of `words`, whole, in any case (`We` for `we`).
pub(crate) fn is_word_of(word: &str, words: &crate::lang::Words) -> bool {
    // The first byte and length, then the first letter, rule most words
    // out before the word is hashed.
    words.in_any_case().holds_word(word)
        && words.candidates(word).next().is_some()
        && words
            .with_word(word)
            .any(|w| w.len() == word.len() && prefix_ci(word, w) == Some(word.len()))
}

/// The length in `input` of a case-insensitive match of `word` at its start.
pub(crate) fn prefix_ci(input: &str, word: &str) -> Option<usize> {
    // An ASCII character of the word matches only an ASCII one of the same
    // letter (`eq_ci` never pairs an ASCII character with another), so the
    // word's ASCII head matches byte by byte, and the first byte that
    // differs ends the search; from the first character outside ASCII on,
    // the rest is compared character by character.
    let (ib, wb) = (input.as_bytes(), word.as_bytes());
    for (k, &w) in wb.iter().enumerate() {
        if !w.is_ascii() {
            return prefix_ci_slow(&input[k..], &word[k..]).map(|n| k + n);
        }
        match ib.get(k) {
            Some(&c) if c.eq_ignore_ascii_case(&w) => {}
            _ => return None,
        }
    }
    Some(wb.len())
}

/// [`prefix_ci`] read a character at a time.
fn prefix_ci_slow(input: &str, word: &str) -> Option<usize> {
    let mut it = input.char_indices();
    for w in word.chars() {
        let (_, c) = it.next()?;
        if !eq_ci(c, w) {
            return None;
        }
    }
    Some(it.next().map_or(input.len(), |(i, _)| i))
}

/// Like [`prefix_ci`], but the match must end at a word boundary when the
/// word ends in a letter or digit.
pub(crate) fn word_ci(input: &str, word: &str) -> Option<usize> {
    let n = prefix_ci(input, word)?;
    let ends_alnum = alnum_before(word, word.len());
    let next_alnum = char_at(input, n).is_some_and(|(c, _)| is_alnum(c));
    (!(ends_alnum && next_alnum)).then_some(n)
}

/// Whether an entry of `list` may match at the start of `input` ignoring
/// case, at a word boundary ([`word_ci`]): false only where none does.
/// An entry opening with a letter or digit matches only where the run of
/// them opening `input` has as many characters as the entry's first word
/// (`eq_ci` pairs a letter or digit only with another, and the match
/// ends at a boundary), opening and closing with bytes that the first
/// word's shapes hold ([`List::first_word_shapes`],
/// [`List::first_word_end_shapes`]); an entry opening otherwise, only
/// where `input` opens otherwise too.
#[inline]
fn may_open<E: Entry>(input: &str, list: &List<E>) -> bool {
    let bytes = input.as_bytes();
    let Some(&first) = bytes.first() else {
        return false;
    };
    // A first byte no first word opens with: the text opens with no letter
    // or digit of theirs.
    if !list.first_word_shapes().opens(first) {
        return list.opens_otherwise();
    }
    let (end, chars) = alnum_run(input, 0);
    if chars == 0 {
        return list.opens_otherwise();
    }
    list.first_word_shapes().holds(first, chars)
        && list.first_word_end_shapes().holds(bytes[end - 1], chars)
}

/// The longest word of `table` that `input` starts with (ignoring case, at a
/// word boundary), with its value and length.
pub(crate) fn longest<T: Copy>(input: &str, table: &Table<T>) -> Option<(usize, T)> {
    if !may_open(input, table) {
        return None;
    }
    table
        .candidates(input)
        .filter_map(|(w, v)| word_ci(input, w).map(|n| (n, v)))
        .max_by_key(|&(n, _)| n)
}

/// The longest word of a plain list that `input` starts with.
pub(crate) fn longest_of(input: &str, words: &Words) -> Option<usize> {
    if !may_open(input, words) {
        return None;
    }
    words
        .candidates(input)
        .filter_map(|w| word_ci(input, w))
        .max()
}

/// The length in `input` of a match of `word` at its start, ignoring case
/// and diacritics (`Thu nam` matches `Thứ Năm`, `aout` matches `août`).
pub(crate) fn prefix_fold(input: &str, word: &str) -> Option<usize> {
    // A first letter that differs already, the common case, costs no fold.
    let (c, w) = (input.chars().next()?, word.chars().next()?);
    if c.is_ascii() && w.is_ascii() && !c.eq_ignore_ascii_case(&w) {
        return None;
    }
    let mut it = input.char_indices();
    for w in word.chars() {
        let (_, c) = it.next()?;
        if fold_char(c) != fold_char(w) {
            return None;
        }
    }
    Some(it.next().map_or(input.len(), |(i, _)| i))
}

/// A nom parser for one name of `table` (weekdays, months), longest first,
/// ignoring case and diacritics, with or without an abbreviation's period
/// (`Sep`, `Sep.`, `sáb.`, `sab`).
pub(crate) fn one_name<'t, T: Copy>(table: &'t Table<T>) -> impl Fn(&str) -> IResult<&str, T> + 't {
    move |i: &str| {
        let best = table
            .candidates(i)
            .filter_map(|(w, v)| {
                let core = w.trim_end_matches('.');
                let n = prefix_fold(i, core)?;
                let next = i[n..].chars().next();
                if next.is_some_and(is_alnum) {
                    return None;
                }
                let n = if i[n..].starts_with('.') { n + 1 } else { n };
                Some((n, v))
            })
            .max_by_key(|&(n, _)| n);
        match best {
            Some((n, v)) => Ok((&i[n..], v)),
            None => Err(nom::Err::Error(Error::new(i, ErrorKind::Tag))),
        }
    }
}

/// A nom parser for one word of a plain list, longest first, ignoring case.
pub(crate) fn any_word<'t>(words: &'t Words) -> impl Fn(&str) -> IResult<&str, &str> + 't {
    move |i: &str| match longest_of(i, words) {
        Some(n) => Ok((&i[n..], &i[..n])),
        None => Err(nom::Err::Error(Error::new(i, ErrorKind::Tag))),
    }
}

/// Whether any of `phrases` occurs in `text` ignoring case, at word
/// boundaries. One pass over `text`, whatever the number of phrases: the
/// search stops only at bytes that may open a phrase's first word
/// ([`List::opening_bytes`](crate::lang::List::opening_bytes)); a word
/// starting there whose first letter opens a phrase is hashed in lower case
/// as it is read, and only the phrases whose first word has that hash are
/// tried at its start. The cues read a paragraph's words once instead
/// ([`phrase_at`]); this search stays as their tests' oracle.
#[cfg(test)]
pub(crate) fn contains_any_ci(text: &str, phrases: &Words) -> bool {
    let stops = phrases.opening_bytes();
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(rel) = bytes[i..].iter().position(|&b| stops[usize::from(b)]) {
        let at = i + rel;
        let Some((c, len)) = char_at(text, at) else {
            break;
        };
        i = at + len;
        if !is_alnum(c) {
            continue;
        }
        let rest = &text[at..];
        // An ASCII stop is the first letter of a phrase's first word
        // already; another stops any character outside ASCII, whose
        // first letter the index tells.
        let opens = c.is_ascii() || phrases.candidates(rest).next().is_some();
        if alnum_before(text, at) || !opens {
            continue;
        }
        let mut hash = crate::text::CaseHash::new();
        hash.push(c);
        while let Some((c, len)) = char_at(text, i).filter(|&(c, _)| is_alnum(c)) {
            hash.push(c);
            i += len;
        }
        if phrases
            .opened_by_hash(hash.finish())
            .any(|p| word_ci(rest, p).is_some())
        {
            return true;
        }
    }
    false
}

/// Whether a phrase of `phrases` starts at byte `at` of `text` (a char
/// boundary), as [`contains_any_ci`] tries each position: a letter or digit
/// that may open a phrase's first word, with none before it, where a phrase
/// whose first word has `hash` matches ignoring case, at word boundaries.
/// `hash` is the [`case_hash`](crate::text::case_hash) of the run of
/// letters and digits at `at`, read by the caller.
pub(crate) fn phrase_at(text: &str, at: usize, hash: u64, phrases: &Words) -> bool {
    let Some((c, _)) = char_at(text, at) else {
        return false;
    };
    let stops = phrases.opening_bytes();
    if !stops[usize::from(text.as_bytes()[at])] || !is_alnum(c) || alnum_before(text, at) {
        return false;
    }
    let rest = &text[at..];
    let opens = c.is_ascii() || phrases.candidates(rest).next().is_some();
    opens
        && phrases
            .opened_by_hash(hash)
            .any(|p| word_ci(rest, p).is_some())
}

/// The byte offset of the first case-insensitive, word-bounded occurrence of
/// `phrase` in `text`.
pub(crate) fn find_ci(text: &str, phrase: &str) -> Option<usize> {
    let first = phrase.chars().next()?;
    // An ASCII first letter: jump between its two cases with memchr.
    if first.is_ascii_alphabetic() {
        let (lo, up) = (
            first.to_ascii_lowercase() as u8,
            first.to_ascii_uppercase() as u8,
        );
        let bytes = text.as_bytes();
        let mut from = 0;
        while let Some(rel) = memchr::memchr2(lo, up, &bytes[from..]) {
            let i = from + rel;
            let boundary = !alnum_before(text, i);
            if boundary && word_ci(&text[i..], phrase).is_some() {
                return Some(i);
            }
            from = i + 1;
        }
        return None;
    }
    let mut prev_alnum = false;
    for (i, c) in text.char_indices() {
        if !prev_alnum && eq_ci(c, first) && word_ci(&text[i..], phrase).is_some() {
            return Some(i);
        }
        prev_alnum = is_alnum(c);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefix_ignores_case_across_scripts() {
        assert_eq!(prefix_ci("THỨ NĂM, 12", "thứ năm"), Some("THỨ NĂM".len()));
        assert_eq!(prefix_ci("Thứ", "thứ năm"), None);
    }

    #[test]
    fn word_needs_a_boundary() {
        assert_eq!(word_ci("Mars 2021", "mar"), None);
        assert_eq!(word_ci("Mar 2021", "mar"), Some(3));
        assert_eq!(word_ci("Sept. 4", "Sept."), Some(5));
    }

    #[test]
    fn longest_word_wins() {
        static T: Table<i32> = Table::new(&[("Cảm ơn", 1), ("Cảm ơn nhiều", 2)]);
        assert_eq!(
            longest("cảm ơn nhiều nhé", &T),
            Some(("cảm ơn nhiều".len(), 2))
        );
    }

    #[test]
    fn find_is_word_bounded() {
        assert_eq!(find_ci("Vì sao vậy", "sao"), Some("Vì ".len()));
        assert_eq!(find_ci("saosao", "sao"), None);
        assert!(contains_any_ci(
            "Ông nghĩ SAO?",
            &Words::new(&["vì sao", "nghĩ sao"])
        ));
        assert!(!contains_any_ci(
            "Ông nghĩ saoo?",
            &Words::new(&["nghĩ sao"])
        ));
        assert!(!contains_any_ci("anghĩ sao", &Words::new(&["nghĩ sao"])));
        assert!(contains_any_ci(
            "(What do you think?",
            &Words::new(&["what do"])
        ));
        assert!(!contains_any_ci("", &Words::new(&["what"])));
    }

    #[test]
    fn phrases_are_found_anywhere_at_word_boundaries() {
        static Q: Words = Words::new(&["what do you", "nghĩ sao", "do you think", "Vì sao"]);
        // At the start and at the end of a paragraph, in any case.
        assert!(contains_any_ci("What do you make of it", &Q));
        assert!(contains_any_ci("So, WHAT DO YOU", &Q));
        assert!(contains_any_ci("Còn ông NGHĨ SAO", &Q));
        assert!(contains_any_ci("“vì sao?”", &Q));
        // A second phrase of the same first word, after a near miss.
        assert!(contains_any_ci("Do you see, do you think so?", &Q));
        // Near misses: a word cut short or run on, a phrase cut short,
        // diacritics dropped, a word glued to the one before.
        assert!(!contains_any_ci("what do yourself", &Q));
        assert!(!contains_any_ci("somewhat do you", &Q));
        assert!(!contains_any_ci("what do", &Q));
        assert!(!contains_any_ci("ông nghi sao", &Q));
        assert!(!contains_any_ci("nghĩsao", &Q));
    }

    #[test]
    fn characters_equal_ignoring_case_are_both_letters_or_digits_or_neither() {
        // The cues count the characters of a text's word against a phrase's
        // first word (`List::first_word_shapes`): `eq_ci` must never pair a
        // letter or digit with another character.
        let mut seen: std::collections::HashMap<String, bool> = Default::default();
        for c in (0x80..=0x10FFFF).filter_map(char::from_u32) {
            let lower: String = c.to_lowercase().collect();
            let alnum = *seen.entry(lower).or_insert(is_alnum(c));
            assert_eq!(alnum, is_alnum(c), "{c:?}");
        }
        assert!(eq_ci('Ô', 'ô') && !eq_ci('a', 'ạ'));
    }

    /// The strings a gate test puts to a table: each entry as written,
    /// in both cases, NFC and NFD, cut short, run on, followed by marks
    /// and words, and a few texts of every script.
    fn probes<'w>(words: impl Iterator<Item = &'w str>) -> Vec<String> {
        use unicode_normalization::UnicodeNormalization;
        let mut out: Vec<String> = [
            "",
            " ",
            "x",
            "(",
            "«\u{a0}Oui",
            "“Why",
            "¿Qué",
            "ẞ",
            "İstanbul",
            "Ǆemal",
            "日本",
            "a\u{301}",
            "Thứ Năm",
            "Ông",
            "ÔNG",
            "straße",
            "STRASSE",
            "what's",
            "Sept. 4",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        for w in words {
            let nfd: String = w.nfd().collect();
            for v in [w.to_string(), w.to_uppercase(), w.to_lowercase(), nfd] {
                let cut = v.char_indices().last().map_or(0, |(i, _)| i);
                out.extend([
                    format!("{v} x"),
                    format!("{v}x"),
                    format!("{v}, and"),
                    format!("{v}\u{a0}»"),
                    format!("{v}’s"),
                    v[..cut].to_string(),
                    format!("{} x", &v[..cut]),
                    v,
                ]);
            }
        }
        out
    }

    /// Checks that where [`may_open`] says no, the full reading finds no
    /// entry, over `list`'s probes and `extra`.
    fn gate_agrees<E: Entry>(list: &List<E>, extra: &[String]) {
        let words: Vec<&str> = list.iter().map(|&e| e.word()).collect();
        let all = probes(words.iter().copied());
        for t in all.iter().chain(extra) {
            let found = list
                .candidates(t)
                .filter_map(|e| word_ci(t, e.word()))
                .max();
            if found.is_some() {
                assert!(may_open(t, list), "{t:?} in {words:?}");
            }
        }
    }

    #[test]
    fn the_opening_run_is_the_first_word() {
        let words: Vec<&str> = crate::lang::all()
            .flat_map(|lex| lex.honorifics.iter().chain(lex.question_openers.iter()))
            .copied()
            .collect();
        for t in probes(words.into_iter()) {
            let w = crate::lang::first_word(&t);
            assert_eq!(alnum_run(&t, 0), (w.len(), w.chars().count()), "{t:?}");
        }
    }

    #[test]
    fn prefixes_read_as_characters_are_read_as_bytes() {
        let mut words: Vec<&str> = vec!["Sept.", "straße", "ẞ", "İ", "a\u{301}", "Ǆ", "日本"];
        for lex in crate::lang::all() {
            for list in [
                &lex.question_openers,
                &lex.thanks,
                &lex.honorifics,
                &lex.posts,
            ] {
                words.extend(list.iter().copied());
            }
        }
        let texts = probes(words.iter().copied());
        for w in &words {
            for t in &texts {
                assert_eq!(prefix_ci(t, w), prefix_ci_slow(t, w), "{t:?} {w:?}");
            }
        }
    }

    #[test]
    fn the_gate_turns_away_only_texts_no_entry_opens() {
        let mut extra = Vec::new();
        for lex in crate::lang::all() {
            extra.extend(probes(lex.question_openers.iter().copied()));
            extra.extend(probes(lex.honorifics.iter().copied()));
        }
        for lex in crate::lang::all() {
            macro_rules! check {
                ($($f:ident),*) => { $(gate_agrees(&lex.$f, &extra);)* };
            }
            check!(
                weekdays,
                months,
                month_words,
                year_words,
                date_connectors,
                date_prefixes,
                hour_words,
                minute_words,
                clock_words,
                day_parts,
                honorifics,
                posts,
                question_labels,
                answer_labels,
                procedure_roles,
                annotation_words,
                notices,
                feed_footers,
                follow_ups,
                question_openers,
                question_phrases,
                welcomes,
                thanks,
                first_person,
                second_person,
                byline_after,
                byline_before,
                generic_reporters,
                placeholder_authors,
                source_prefixes,
                caption_prefixes,
                credit_prefixes,
                widget_labels,
                related_prefixes,
                picture_phrases,
                courtesy_prefixes,
                interview_phrases,
                name_joiners,
                name_stops,
                organisation_words,
                place_words,
                family_names,
                introducers,
                speech_verbs,
                stopwords
            );
        }
        gate_agrees(&crate::lang::NEUTRAL_BYLINE_BEFORE, &extra);
    }

    #[test]
    fn whole_words_of_a_list() {
        static W: Words = Words::new(&["I'm", "we", "tôi", "chúng tôi"]);
        assert!(is_word_of("i'M", &W));
        assert!(is_word_of("We", &W));
        assert!(is_word_of("TÔI", &W));
        assert!(!is_word_of("toi", &W));
        assert!(!is_word_of("wee", &W));
        assert!(!is_word_of("chúng", &W));
    }
}
