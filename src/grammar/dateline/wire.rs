//! Places and wires: a place before a date (`Madrid, 4 de junio de 2021`)
//! and wire date lines (`HANOI (Reuters) -`, `NEW YORK, March 3
//! /PRNewswire/ --`, `ĐÀ NẴNG - 3/3/2020`, a place alone before its dash:
//! `CURITIBA -`), whole or opening the lede (`CURITIBA - "Só o diálogo…",
//! disse…`). The grammar is the parent module's (`wire`).

use super::{DatelineParts, digits, fail, items, ordinal_suffix, vocabulary};
use crate::grammar::{is_word_of, longest, one_name};
use crate::lang::Lexicon;
use crate::text::is_alpha;
use crate::text::is_capitalised;
use nom::IResult;
use nom::Parser;
use nom::branch::alt;
use nom::character::complete::{one_of as one_char, space1};
use nom::combinator::opt;

/// A news agency's credit in a wire date line: `(Reuters)`, `(TTXVN)`,
/// `(dpa)`, `/PRNewswire/`: one to three words of letters.
pub(super) fn agency(i: &str) -> IResult<&str, &str> {
    let close = match i.chars().next() {
        Some('(') => ')',
        Some('/') => '/',
        _ => return Err(fail(i)),
    };
    let end = i[1..].find(close).ok_or_else(|| fail(i))? + 1;
    let inner = &i[1..end];
    let words: Vec<&str> = inner.split_whitespace().collect();
    let ok = !words.is_empty()
        && words.len() <= 3
        && words
            .iter()
            .all(|w| w.chars().all(|c| is_alpha(c) || "-.&".contains(c)));
    if ok {
        Ok((&i[end + 1..], &i[..end + 1]))
    } else {
        Err(fail(i))
    }
}

/// Whether a word is a particle inside a place's name (`Rio de Janeiro`).
fn particle(w: &str) -> bool {
    crate::lang::PLACE_PARTICLES.contains(&w)
}

/// The most words of a place's name.
const PLACE_WORDS: usize = 5;

/// A leading place name: up to [`PLACE_WORDS`] capitalised words before a
/// comma.
pub(super) fn place(input: &str) -> Option<(&str, &str)> {
    let (head, rest) = input.split_once(',')?;
    Some((place_name(head)?, rest))
}

/// `head`, trimmed, when it is a place's name: up to [`PLACE_WORDS`]
/// capitalised words (particles between them).
pub(super) fn place_name(head: &str) -> Option<&str> {
    let words: Vec<&str> = head.split_whitespace().collect();
    let ok = !words.is_empty()
        && words.len() <= PLACE_WORDS
        && is_capitalised(words[0])
        && words.iter().all(|w| is_capitalised(w) || particle(w));
    ok.then_some(head.trim())
}

/// `head`, trimmed, when it may be a venue named beside a city before a
/// date (`Centro sportivo Zingonia`, `Palacio Nacional`): up to
/// [`PLACE_WORDS`] words of letters, the first capitalised; the words
/// after it may be in lower case, as Romance languages write venues.
pub(super) fn venue_name(head: &str) -> Option<&str> {
    let words: Vec<&str> = head.split_whitespace().collect();
    let ok = !words.is_empty()
        && words.len() <= PLACE_WORDS
        && is_capitalised(words[0])
        && words
            .iter()
            .all(|w| w.chars().all(|c| is_alpha(c) || "-'’.".contains(c)));
    ok.then_some(head.trim())
}

/// A place in capitals, as a wire date line opens: `HANOI`, `ĐÀ NẴNG`,
/// `TP.HCM`, `RIO DE JANEIRO`.
fn upper_place(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= PLACE_WORDS
        && words.iter().all(|w| {
            let letters = w.chars().any(is_alpha)
                && w.chars()
                    .all(|c| (is_alpha(c) && !c.is_lowercase()) || ".-'’".contains(c));
            letters || particle(w)
        })
        && words[0].chars().next().is_some_and(char::is_uppercase)
}

/// The most words of a place standing alone before its dash, with no
/// date and no agency (`ĐÀ NẴNG -`, `RIO DE JANEIRO —`).
pub(super) const BARE_PLACE_WORDS: usize = 4;

/// The fewest letters of a place standing alone before its dash: one
/// capital is a stammer or a label (`I —`, `Q -`).
const BARE_PLACE_LETTERS: usize = 2;

/// Whether `name`, in capitals before a dash with nothing else on the line
/// (no date, no agency), is a place (`ĐÀ NẴNG`, `CURITIBA`, `SÃO PAULO`)
/// and not a speaker cut off or labelled in capitals (`ÔNG NAM -`, `THE
/// PRESIDENT —`, `MR. MERCER —`, `PV -`): one to [`BARE_PLACE_WORDS`] words
/// of [`BARE_PLACE_LETTERS`] letters or more, none of them, in any
/// language of the tables, an honorific, a post, a question or answer
/// label or a procedure's role (place particles aside). Function words
/// are left to places' own (`LOS ANGELES`, `THE HAGUE`).
fn bare_place(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    let letters = name.chars().filter(|&c| is_alpha(c)).count();
    let speakerly = |w: &str| {
        crate::lang::all().any(|l| {
            is_word_of(w, &l.honorifics)
                || is_word_of(w, &l.posts)
                || is_word_of(w, &l.question_labels)
                || is_word_of(w, &l.answer_labels)
                || longest(w, &l.procedure_roles).is_some_and(|(n, _)| n == w.len())
        })
    };
    (1..=BARE_PLACE_WORDS).contains(&words.len())
        && letters >= BARE_PLACE_LETTERS
        && upper_place(name)
        && !words.iter().any(|w| !particle(w) && speakerly(w))
}

/// A day and a month without the year, as wire date lines give them:
/// `March 3`, `3 mars`, `3/3`.
fn day_month(i: &str, lex: &Lexicon) -> bool {
    let i = i.trim();
    let i = match one_name(&lex.weekdays)(i) {
        Ok((r, _)) => r.trim_start_matches([',', ' ']),
        Err(_) => i,
    };
    let named = |i| {
        alt((
            (
                one_name(&lex.months),
                space1,
                digits(1, 2),
                opt(ordinal_suffix),
            )
                .map(|_| ()),
            (
                digits(1, 2),
                opt(ordinal_suffix),
                space1,
                one_name(&lex.months),
            )
                .map(|_| ()),
            (digits(1, 2), one_char("/.-"), digits(1, 2)).map(|_| ()),
        ))
        .parse(i)
    };
    matches!(named(i), Ok((r, ())) if r.trim().is_empty())
}

/// A wire date line: `HANOI (Reuters) -`, `HANOI, March 3 (Reuters) -`,
/// `NEW YORK, March 3 /PRNewswire/ --`, `ĐÀ NẴNG - 3/3/2020`, and a place
/// alone before its dash ([`bare_place`]: `ĐÀ NẴNG -`, `PARIS —`).
pub(super) fn wire<'a>(text: &'a str, lex: &Lexicon) -> Option<DatelineParts<'a>> {
    let dash = [" -", " –", " —"]
        .iter()
        .filter_map(|d| text.find(d))
        .min()?;
    let (head, tail) = (&text[..dash], text[dash + 1..].trim_start());
    let tail = tail.trim_start_matches(['-', '–', '—']).trim();
    let head = head.trim_end();
    let credit = head
        .strip_suffix(')')
        .map(|h| (h, '('))
        .or_else(|| head.strip_suffix('/').map(|h| (h, '/')));
    let (head, credited) = match credit {
        Some((h, opener)) => {
            let open = h.rfind(opener)?;
            agency(&head[open..]).ok()?;
            // A stage direction is no agency: `MR. MERCER: (Inaudible) —`.
            let inner = &h[open + 1..];
            if crate::lang::all().any(|l| longest(inner, &l.annotation_words).is_some()) {
                return None;
            }
            (h[..open].trim_end(), true)
        }
        None => (head.trim_end(), false),
    };
    let (name, date_part) = match head.split_once(',') {
        Some((n, d)) => (n.trim(), Some(d)),
        None => (head, None),
    };
    if !upper_place(name) {
        return None;
    }
    let mut parts = if tail.is_empty() {
        match date_part {
            // Without a year, only an agency's credit marks a wire date line
            // (as `may_hold_date` holds).
            Some(d) => items(d, lex)
                .or_else(|| (credited && day_month(d, lex)).then(DatelineParts::default))?,
            None if credited || bare_place(name) => DatelineParts::default(),
            None => return None,
        }
    } else if date_part.is_none() && !credited {
        items(tail, lex)?
    } else {
        return None;
    };
    parts.place = Some(name);
    Some(parts)
}

/// The most bytes of a wire date line opening a paragraph, its dash
/// included (`NEW YORK, March 3, 2020 /PRNewswire/ --` is 39).
const WIRE_HEAD_MAX: usize = 64;

/// The fewest words of the lede after a wire date line that opens it: a
/// headline or a kicker's line has fewer (`EXCLUSIVE - Interview with…`).
const WIRE_LEDE_MIN_WORDS: usize = 8;

/// Where the lede starts in a paragraph that a wire date line opens
/// (`CURITIBA - "Só o diálogo pode vencer…", disse…`, `HANOI (Reuters) -
/// Vietnam's…`, `WASHINGTON, March 4, 2021 — The…`): the byte after the
/// dash and the spaces, when before it stands what [`wire`] reads, in the
/// document's language or another whose date words it holds, and after it
/// stands prose: at least [`WIRE_LEDE_MIN_WORDS`] words, opening with a
/// capital or a quotation mark and ending as a sentence does (or with the
/// colon that introduces the interview). Whether the name before the dash
/// is a speaker's label (`BBC Brasil - Como…`) is for the caller, who sees
/// the whole document.
pub(crate) fn wire_opening(text: &str, lex: &Lexicon) -> Option<usize> {
    // The place may be set in bold (`**CURITIBA** - …`, a page's
    // `<strong>`).
    if !text
        .trim_start_matches(['*', '_'])
        .starts_with(|c: char| c.is_uppercase())
    {
        return None;
    }
    let end = crate::text::floor_char_boundary(text, WIRE_HEAD_MAX);
    let window = &text[..end];
    let dash = [" -", " –", " —"]
        .iter()
        .filter_map(|d| window.find(d))
        .min()?;
    let after = text[dash + 1..].trim_start_matches(['-', '–', '—']);
    let lede = after.trim_start();
    let opens = lede.starts_with(|c: char| c.is_uppercase() || "\"“«‘„'".contains(c));
    let ends = lede
        .trim_end_matches(['"', '”', '»', '’', '\'', ')', ' '])
        .ends_with(['.', '!', '?', '…', ':']);
    let words = lede
        .split_whitespace()
        .nth(WIRE_LEDE_MIN_WORDS - 1)
        .is_some();
    if after.len() == lede.len() || !opens || !ends || !words {
        return None;
    }
    let head = &text[..text.len() - after.len()];
    let plain = if head.contains(['*', '_']) {
        std::borrow::Cow::Owned(head.replace(['*', '_'], ""))
    } else {
        std::borrow::Cow::Borrowed(head)
    };
    let reads = wire(&plain, lex).is_some()
        || vocabulary::others(&plain, lex).any(|l| wire(&plain, l).is_some());
    reads.then_some(text.len() - lede.len())
}
