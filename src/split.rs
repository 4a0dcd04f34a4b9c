//! Flattened text: paragraphs a scraper ran together on one line.
//!
//! Four shapes are undone here, before paragraphs are classified:
//!
//! - **a wire date line opening the lede** (`CURITIBA - "Só o diálogo…",
//!   disse…`, `HANOI (Reuters) - Vietnam's…`): the date line becomes a
//!   paragraph of its own, near the top, unless the name before the dash
//!   labels another paragraph (a speaker's label).
//! - **a byline glued to a paragraph's end** (`…Xin cảm ơn bà./. Hoàng
//!   Yến/VOV.VN`): see [`crate::grammar::byline::glued_byline`].
//! - **comma-joined paragraphs**: `…end of one.,Start of the next…`, where a
//!   comma glued to the next paragraph's capital stands for the paragraph
//!   break (and `HEADING,Text` for a heading's). A line is split at every
//!   such comma when it holds at least four of them.
//! - **labels inside a line**: `… der Märchen? Gardella: Nein, …`, or glued
//!   to the sentence where a line break was dropped (`…Kinh Bắc.PV: Điều
//!   gì`). A long paragraph is split before every speaker or question label
//!   that stands after the end of a sentence, when the same label occurs at
//!   least twice in the document (counting labels that open paragraphs).
//!
//! Splitting keeps the lossless cover: the pieces' blocks partition the
//! paragraph's block.

use crate::clean::Markup;
use crate::grammar::dateline;
use crate::grammar::label::{Label, LabelKind, label};
use crate::keys::label_key;
use crate::lang::Lexicon;
use crate::scan::Para;
use crate::text::NextFind;
use crate::text::{ceil_char_boundary, floor_char_boundary, is_alnum, is_alpha, split_at_spaces};
use std::collections::HashMap;

mod inline;
mod questions;
mod tails;

use crate::grammar::label_gate::{LabelGate, far_marks_into};
use inline::{inline_dashes, inline_labels};
use tails::glued_tails;

/// A paragraph must be at least this long to be searched for run-on
/// paragraphs or inline labels.
const LONG: usize = 300;
/// The most bytes of a line read for a label inside it: the longest label
/// (120 bytes), a note in brackets (60), a time stamp and a reporter's name
/// in brackets (80), with room to spare. Speech after the label shows in
/// the window (a label with nothing after it in the line is the line's end).
const INLINE_LABEL_WINDOW: usize = 512;
/// How many glued commas make a line comma-joined.
const MIN_GLUED: usize = 4;

/// Byte offsets (after the comma) where comma-joined paragraphs start.
fn glued_commas(text: &str) -> Vec<usize> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    for i in memchr::memchr_iter(b',', b) {
        // The next character opens with a capital letter (ASCII or not), a
        // quote or a bracket: any other ASCII byte rules it out at once.
        let x = b.get(i + 1).copied().unwrap_or(b' ');
        if !(x.is_ascii_uppercase() || x >= 0x80 || x == b'"' || x == b'(') {
            continue;
        }
        let prev = text[..i].chars().next_back();
        let next = text[i + 1..].chars().next();
        let prev_ok = prev.is_some_and(|c| !c.is_whitespace() && !c.is_ascii_digit() && c != ',');
        let next_ok = next.is_some_and(|c| c.is_uppercase() || "\"“‘(".contains(c));
        if prev_ok && next_ok && b.get(i + 1).is_some_and(|&x| x != b' ') {
            out.push(i + 1);
        }
    }
    out
}

/// Whether `before` (text up to a space, white space trimmed) ends a
/// sentence.
pub(super) fn sentence_ends(before: &str) -> bool {
    // Its mark: `.`, `?`, `!`, `"`, `)`, or `…`, `”`, `»` (which end in a
    // byte outside ASCII).
    let b = before.as_bytes();
    let mark = match b.last() {
        Some(b'.' | b'?' | b'!' | b'"' | b')') => true,
        Some(0x80..) => before.ends_with(['…', '”', '»']),
        _ => false,
    };
    if !mark {
        return false;
    }
    // Not after an initial or an abbreviation: `Theodore D. Crane`, `MS. X`
    // (a word ending in a period, opening with a capital, of few letters).
    if b.last() != Some(&b'.') {
        return true;
    }
    let last_word = &before[b.iter().rposition(|&c| c == b' ').map_or(0, |i| i + 1)..];
    let letters = || {
        last_word
            .chars()
            .filter(|&c| is_alpha(c))
            .take(ABBREVIATION_MAX_LETTERS + 1)
            .count()
    };
    let abbreviation =
        last_word.starts_with(char::is_uppercase) && letters() <= ABBREVIATION_MAX_LETTERS;
    !abbreviation
}

/// The most letters of an abbreviation or an initial before a period that
/// ends no sentence (`D.`, `MS.`, `Mrs.`).
const ABBREVIATION_MAX_LETTERS: usize = 3;

/// Whether a sentence ends just before `at` with no space after it, as
/// where a scraper dropped a line break: `…vùng Kinh Bắc.PV: Điều gì`,
/// `…trăm tỷ?Ông Trần Bá Quang: …`. The mark follows a word, and a period
/// does not end an abbreviation in capitals or an initial (`TP.HCM`,
/// `TS.Nguyễn`, `U.S.`).
fn glued_sentence_end(text: &str, at: usize) -> bool {
    let before = &text[..at];
    let Some(mark) = before.chars().next_back() else {
        return false;
    };
    let head = &before[..before.len() - mark.len_utf8()];
    // French sets a space before `?` and `!` (`… en ville ?Parce que…`).
    let head = match mark {
        '?' | '!' => head.trim_end_matches([' ', '\u{a0}', '\u{202f}']),
        _ => head,
    };
    // The word before the mark, read back no further than GLUED_WORD_MAX
    // characters: a run of marks glued to words (`Xa?Xa?…`) is not read
    // again at every mark.
    let word_start = head
        .char_indices()
        .rev()
        .take(GLUED_WORD_MAX)
        .take_while(|&(_, c)| !(c.is_whitespace() || c == '.'))
        .last()
        .map_or(head.len(), |(i, _)| i);
    let word = &head[word_start..];
    if !word
        .chars()
        .next_back()
        .is_some_and(|c| is_alnum(c) || "\"”»)".contains(c))
    {
        return false;
    }
    match mark {
        '?' | '!' | '…' => true,
        '.' => {
            let letters = word.chars().filter(|&c| is_alpha(c)).count();
            let capitals = word.chars().all(|c| !c.is_lowercase());
            letters > 1 && !(capitals && letters <= GLUED_ABBREVIATION_MAX)
        }
        _ => false,
    }
}

/// The most characters of the word before a glued mark that are read
/// (a longer word is read as its last this many).
const GLUED_WORD_MAX: usize = 64;

/// An all-capitals word this short before a glued period is taken for an
/// abbreviation (`TP.`, `GS.`, `U.S.`), not a sentence's end.
const GLUED_ABBREVIATION_MAX: usize = 4;

/// How many dashes after a sentence's end, inside long paragraphs of one
/// document, show turns whose lines were run together (`…với cầu. - Những
/// ngày qua, …?`). One such dash is prose.
const MIN_INLINE_DASHES: usize = 2;

/// How many glued sentence ends (see [`glued_ends`]) show that a long
/// line is paragraphs run together with no separator at all. One or two
/// are typing slips; a scraper that joined a page's paragraphs leaves one
/// at every paragraph's end.
const MIN_GLUED_ENDS: usize = 4;

/// Positions where a paragraph starts right after the end of the one
/// before, with nothing between them, as where a scraper joined a page's
/// paragraphs: `…lãng quên?Tôi lo…`, `…Vậy thôi!Chắc ông…`, `…to
/// ship.“We never…`, `…thế nào?+Hiện nay…`. The evidence: a sentence's
/// mark after a word ([`glued_sentence_end`], which leaves `TP.HCM`,
/// `U.S.` and initials alone), then a word opening with a capital, maybe
/// after an opening quote or a bullet (`+`, `•`). Not inside a web address
/// or an e-mail address (`www.Example.Org`, `SkyCount.Org`), nor before
/// an initial (`Ph.D`).
///
/// `marks` are the text's [`inline::mark_ends_into`]: those after `?`,
/// `!`, `.` and `…` are read.
fn glued_ends(text: &str, marks: &[usize]) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    for &at in marks {
        if at >= text.len() {
            continue;
        }
        let i = at - 1;
        // `…` ends in 0xA6, which ends no other mark.
        if !matches!(bytes[i], b'?' | b'!' | b'.' | 0xA6) {
            continue;
        }
        // A paragraph's opening word, bullet or quote opens with a capital
        // letter (ASCII or not), `+`, `"`, `(` or a character outside ASCII
        // (`•`, `“`, `‘`, `«`): any other ASCII byte rules it out at once.
        let x = bytes[at];
        if !(x.is_ascii_uppercase() || x >= 0x80 || matches!(x, b'+' | b'"' | b'(')) {
            continue;
        }
        let Some(word) = glued_opening(&text[at..]) else {
            continue;
        };
        // After a period, a word of one letter is an initial (`Ph.D`), and
        // a top-level domain ends a site's name (`SkyCount.Org`).
        let period = bytes[i] == b'.';
        if period && (word.chars().count() < 2 || is_domain_ending(word)) {
            continue;
        }
        if glued_sentence_end(text, at) && !in_address(text, at) {
            out.push(at);
        }
    }
    out.sort_unstable();
    out
}

/// The longest photo credit's name read for a paragraph glued to it.
const CREDIT_NAME_MAX: usize = 48;
/// The most letters of a name's particle glued to the rest of it (`Mac`
/// of `MacLeod`): a name's end glued to the next word is longer.
const NAME_PREFIX_MAX_CHARS: usize = 3;

/// Where a paragraph starts glued to the photo credit ending the caption
/// before it, in a line whose paragraphs were run together (`…tại lễ khánh
/// thành. Ảnh: HTNhà máy sẽ chạy…`, `…at the port. Photo: Ana
/// RuizWe never…`): after a credit word of the language and its colon,
/// in the first word of the name where a capital and a letter in lower
/// case follow initials or a name longer than a particle, the last such
/// place (`McLeanThe` is cut before `The`, `McLean` not at all). A credit that ends its sentence is left to [`glued_ends`].
fn glued_credits(text: &str, lex: &Lexicon) -> Vec<usize> {
    let mut out = Vec::new();
    for colon in memchr::memchr_iter(b':', text.as_bytes()) {
        let before = text[..colon].trim_end();
        let credited = lex.credit_prefixes.iter().any(|w| {
            before.len() >= w.len()
                && before.is_char_boundary(before.len() - w.len())
                && before[before.len() - w.len()..].eq_ignore_ascii_case(w)
                && before[..before.len() - w.len()].ends_with([' ', '('])
        });
        if !credited {
            continue;
        }
        let from = colon + 1;
        let window = &text[from..floor_char_boundary(text, from + CREDIT_NAME_MAX)];
        let mut found = None;
        for (w_at, word) in split_at_spaces(window) {
            if word.contains(['.', '?', '!']) {
                break;
            }
            let cut = word
                .char_indices()
                .zip(word.char_indices().skip(1))
                .zip(word.chars().skip(2))
                .filter(|(((_, a), (_, b)), c)| {
                    a.is_alphabetic() && b.is_uppercase() && c.is_lowercase()
                })
                .map(|((_, (j, _)), _)| j)
                .filter(|&j| {
                    // Initials (`NM`) or a name (`Reyes`) before it, not
                    // a name's particle (`Mc` of `McLean`, `Di`, `Le`).
                    let before = &word[..j];
                    before.chars().all(char::is_uppercase)
                        || before.chars().count() > NAME_PREFIX_MAX_CHARS
                })
                .last();
            if let Some(j) = cut {
                found = Some(from + w_at + j);
                break;
            }
        }
        out.extend(found);
    }
    out
}

/// The word that opens a paragraph glued to a sentence's end, when one
/// does: letters that open with a capital, maybe after an opening quote or
/// a bullet and its space.
fn glued_opening(rest: &str) -> Option<&str> {
    let rest = rest
        .strip_prefix(['+', '•'])
        .map_or(rest, |r| r.strip_prefix(' ').unwrap_or(r));
    let rest = rest.trim_start_matches(['"', '“', '‘', '«', '(']);
    // Its first letters are enough to tell an initial or a domain.
    let end: usize = rest
        .chars()
        .take(GLUED_OPENING_PEEK)
        .take_while(|c| c.is_alphabetic())
        .map(char::len_utf8)
        .sum();
    let word = &rest[..end];
    word.starts_with(char::is_uppercase).then_some(word)
}

/// How many characters of a glued paragraph's first word are read: more
/// than the longest of [`DOMAIN_ENDINGS`].
const GLUED_OPENING_PEEK: usize = 6;

/// Top-level domains that end a site's name written in capitals
/// (`Example.Org`, `TuoiTre.Vn`); none is a word that opens a sentence in
/// the languages read (`It`, `Es` and `De` are left out for that reason).
const DOMAIN_ENDINGS: [&str; 10] = [
    "com", "net", "org", "info", "gov", "edu", "vn", "fr", "uk", "io",
];

/// Whether `word` is one of [`DOMAIN_ENDINGS`], in any case.
fn is_domain_ending(word: &str) -> bool {
    DOMAIN_ENDINGS.iter().any(|d| word.eq_ignore_ascii_case(d))
}

/// The most bytes read on each side of a mark for the address around it:
/// longer than a web or e-mail address is written in an article, and it
/// keeps a line with no white space from being read again at every mark.
const ADDRESS_WINDOW: usize = 96;

/// Whether the run of text around `at` (up to white space on both sides,
/// within [`ADDRESS_WINDOW`]) is a web or e-mail address, whose dots end no
/// sentence.
fn in_address(text: &str, at: usize) -> bool {
    let from = ceil_char_boundary(text, at.saturating_sub(ADDRESS_WINDOW));
    let to = floor_char_boundary(text, at + ADDRESS_WINDOW);
    // After the white space character, whatever its length (a no-break
    // space is two bytes).
    let start = text[from..at]
        .char_indices()
        .rfind(|&(_, c)| c.is_whitespace())
        .map_or(from, |(s, c)| from + s + c.len_utf8());
    let end = text[at..to]
        .find(char::is_whitespace)
        .map_or(to, |e| at + e);
    let token = &text[start..end];
    token.contains("://") || token.contains('@') || token.to_ascii_lowercase().contains("www.")
}

/// How many paragraphs from the top a wire date line may open the lede
/// in: after a kicker, a headline, a standfirst, a byline, an image, its
/// caption and its credit.
const WIRE_LEDE_REACH: usize = 8;

/// The first of the top [`WIRE_LEDE_REACH`] paragraphs that a wire date
/// line opens (`CURITIBA - "Só o diálogo…", disse…`, `HANOI (Reuters) -
/// Vietnam's…`), with where its lede starts: cut there, the date line is
/// read as the header's. Not where the name before the dash labels
/// another paragraph too (`TEIXEIRA - …` in an interview whose answers all
/// open so): that is a speaker's label.
fn wire_lede(paras: &[Para<'_>], lex: &Lexicon) -> Option<(usize, Vec<usize>)> {
    let (i, at) = paras
        .iter()
        .take(WIRE_LEDE_REACH)
        .enumerate()
        .find_map(|(i, p)| Some((i, dateline::wire_opening(p.text(), lex)?)))?;
    if let Some(l) = label(paras[i].text(), lex) {
        let key = label_key(&l, lex);
        // The gate turns away only texts `label` finds nothing in.
        let gate = LabelGate::of(lex);
        let again = paras.iter().enumerate().any(|(j, p)| {
            j != i
                && gate.may_open(p.text(), lex)
                && label(p.text(), lex).is_some_and(|m| label_key(&m, lex) == key)
        });
        if again {
            return None;
        }
    }
    Some((i, vec![at]))
}

/// Splits run-on paragraphs.
pub(crate) fn split<'a>(
    input: &'a str,
    paras: Vec<Para<'a>>,
    lex: &Lexicon,
    markup: Markup<'_>,
) -> Vec<Para<'a>> {
    // A page's paragraphs inside one line first.
    let paras: Vec<Para<'a>> = if markup.is_some() {
        let mut v = Vec::with_capacity(paras.len());
        for p in paras {
            let cuts = markup_cuts(input, &p);
            if cuts.is_empty() {
                v.push(p);
            } else {
                // The pieces are cleaned anew: the whole line's cleaned
                // text goes first.
                let extent = extent(&p);
                drop(p);
                v.extend(cut_raw(input, extent, &cuts, markup));
            }
        }
        v.shrink_to_fit();
        v
    } else {
        paras
    };
    // A wire date line opening the lede is a paragraph of its own.
    let paras = match wire_lede(&paras, lex) {
        Some(cut) => cut_at(input, paras, vec![cut], markup),
        None => paras,
    };
    // Bylines glued to the end of long paragraphs, or of the last one.
    let tails = glued_tails(&paras, lex);
    let paras = cut_at(input, paras, tails, markup);
    // Only long paragraphs are split further: a document without one is
    // left as it is, and so is one where no long paragraph holds anything
    // to split at.
    if paras.iter().all(|p| p.text().len() < LONG) {
        return paras;
    }
    // Comma-joined paragraphs.
    let glued: Vec<(usize, Vec<usize>)> = paras
        .iter()
        .enumerate()
        .filter(|(_, p)| p.text().len() >= LONG)
        .map(|(i, p)| (i, glued_commas(p.text())))
        .filter(|(_, cuts)| cuts.len() >= MIN_GLUED)
        .collect();
    let paras = cut_at(input, paras, glued, markup);
    // Then paragraphs run together, labels and dashes inside lines.
    let Some(cuts) = line_cuts(&paras, lex) else {
        return paras;
    };
    let paras = cut_at(input, paras, cuts, markup);
    // Then questions run on at the end of bulleted answers.
    let trailing = trailing_questions(&paras, lex);
    cut_at(input, paras, trailing, markup)
}

/// Where long paragraphs are cut inside their lines: paragraphs run
/// together with nothing between them, labels that occur twice in the
/// document, and dashes that opened lines (from [`MIN_INLINE_DASHES`] on).
/// `None` when no long paragraph holds any of them.
fn line_cuts(paras: &[Para<'_>], lex: &Lexicon) -> Option<Vec<(usize, Vec<usize>)>> {
    let gate = LabelGate::of(lex);
    let mut run_on: Vec<(usize, Vec<usize>)> = Vec::new();
    let mut inline: Vec<(usize, Vec<(usize, Label<'_>)>)> = Vec::new();
    let mut dashes: Vec<(usize, Vec<usize>)> = Vec::new();
    // The marks of each long paragraph, read once for both readings
    // that start at them.
    let (mut marks, mut far) = (Vec::new(), Vec::new());
    for (i, p) in paras.iter().enumerate() {
        let text = p.text();
        if text.len() < LONG {
            continue;
        }
        inline::mark_ends_into(text, &mut marks);
        let mut ends = glued_ends(text, &marks);
        if ends.len() >= MIN_GLUED_ENDS {
            ends.extend(glued_credits(text, lex));
            run_on.push((i, ends));
        }
        far_marks_into(text, &mut far);
        let found = inline_labels(text, &marks, &far, lex, &gate);
        if !found.is_empty() {
            inline.push((i, found));
        }
        let at = inline_dashes(text);
        if !at.is_empty() {
            dashes.push((i, at));
        }
    }
    let dash_count: usize = dashes.iter().map(|(_, at)| at.len()).sum();
    if inline.is_empty() && dash_count < MIN_INLINE_DASHES && run_on.is_empty() {
        return None;
    }
    let mut cuts: std::collections::BTreeMap<usize, Vec<usize>> =
        labels_seen_twice(paras, inline, lex, &gate)
            .into_iter()
            .collect();
    if dash_count >= MIN_INLINE_DASHES {
        for (i, at) in dashes {
            cuts.entry(i).or_default().extend(at);
        }
    }
    for (i, at) in run_on {
        cuts.entry(i).or_default().extend(at);
    }
    Some(
        cuts.into_iter()
            .filter(|(_, at)| !at.is_empty())
            .map(|(i, mut at)| {
                at.sort_unstable();
                at.dedup();
                (i, at)
            })
            .collect(),
    )
}

/// The positions of the inline labels of `inline` (by paragraph) whose
/// label occurs at least twice in the document, counting the labels that
/// open paragraphs. Paragraphs are read only until every label found
/// inline is known to occur twice.
fn labels_seen_twice(
    paras: &[Para<'_>],
    inline: Vec<(usize, Vec<(usize, Label<'_>)>)>,
    lex: &Lexicon,
    gate: &LabelGate,
) -> Vec<(usize, Vec<usize>)> {
    // Each inline label's key, made once.
    let keyed: Vec<(usize, Vec<(usize, String)>)> = inline
        .into_iter()
        .map(|(i, found)| {
            let keys = found
                .into_iter()
                .map(|(at, l)| (at, label_key(&l, lex)))
                .collect();
            (i, keys)
        })
        .collect();
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for (_, found) in &keyed {
        for (_, key) in found {
            *counts.entry(key.as_str()).or_default() += 1;
        }
    }
    // How many keys are still seen once.
    let mut once = counts.values().filter(|&&n| n < 2).count();
    for p in paras {
        if once == 0 {
            break;
        }
        if !gate.may_open(p.text(), lex) {
            continue;
        }
        let Some(l) = label(p.text(), lex) else {
            continue;
        };
        if !may_have_key(&l, &counts) {
            continue;
        }
        if let Some(n) = counts.get_mut(label_key(&l, lex).as_str()) {
            *n += 1;
            if *n == 2 {
                once -= 1;
            }
        }
    }
    keyed
        .iter()
        .map(|(i, found)| {
            let at = found
                .iter()
                .filter(|(_, key)| counts[key.as_str()] >= 2)
                .map(|&(at, _)| at)
                .collect();
            (*i, at)
        })
        .collect()
}

/// Whether `l`'s key may be one of the keys of `counts` still seen once:
/// a speaker's key is a part of its name in lower case (see
/// [`label_key`]), so a name that holds none of them in lower case has
/// none of them. A key with a sigma is not looked for (its lower case
/// depends on the letters around it).
fn may_have_key(l: &Label<'_>, counts: &HashMap<&str, usize>) -> bool {
    if l.kind != LabelKind::Speaker {
        return true;
    }
    let name = l.name.to_lowercase();
    counts
        .iter()
        .any(|(key, &n)| n < 2 && (key.contains(['σ', 'ς']) || name.contains(key)))
}

/// The fewest bulleted answers ending in a run-on question for those
/// questions to be cut off.
const MIN_TRAILING_QUESTIONS: usize = 2;

/// Questions run on at the end of an answer set with a bullet, before the
/// next bullet's answer (`+ …sẽ sửa ngay. Có ý kiến cho rằng … Quan điểm
/// của Bộ thế nào?` then `+ Hiện nay…`), where the paragraphs of a press conference were run
/// together: each is cut off its answer, when at least
/// [`MIN_TRAILING_QUESTIONS`] are found. Where the question starts:
/// see [`questions::trailing_question`].
fn trailing_questions(paras: &[Para<'_>], lex: &Lexicon) -> Vec<(usize, Vec<usize>)> {
    let bullet = |i: usize| {
        paras[i]
            .text()
            .chars()
            .next()
            .filter(|c| matches!(c, '+' | '•'))
    };
    let shown = |j: usize| paras[j].has_words();
    let found: Vec<(usize, Vec<usize>)> = (0..paras.len())
        .filter(|&i| bullet(i).is_some())
        .filter(|&i| {
            let next = (i + 1..paras.len()).find(|&j| shown(j));
            next.is_some_and(|j| bullet(j) == bullet(i))
        })
        .filter_map(|i| Some((i, vec![questions::trailing_question(paras[i].text(), lex)?])))
        .collect();
    if found.len() < MIN_TRAILING_QUESTIONS {
        return Vec::new();
    }
    found
}

/// Cuts paragraphs of [`questions::RUN_ON_MIN`] bytes or more at the
/// questions run into them (see the `questions` module), for a document
/// in which no turn was found otherwise: `None` when none holds any.
pub(crate) fn split_questions<'a>(
    input: &'a str,
    paras: &[Para<'a>],
    lex: &Lexicon,
    markup: Markup<'_>,
) -> Option<Vec<Para<'a>>> {
    let cuts: Vec<(usize, Vec<usize>)> = paras
        .iter()
        .enumerate()
        .filter(|(_, p)| p.text().len() >= questions::RUN_ON_MIN)
        .map(|(i, p)| (i, questions::question_cuts(p.text(), lex)))
        .filter(|(_, at)| !at.is_empty())
        .collect();
    if cuts.is_empty() {
        return None;
    }
    // Built beside the paragraphs, which stay as they are: a paragraph
    // cut is read again from the input, the others are copied.
    let mut cuts_of = cuts.into_iter().peekable();
    let mut out = Vec::with_capacity(paras.len());
    for (i, p) in paras.iter().enumerate() {
        match cuts_of.next_if(|(at, _)| *at == i) {
            Some((_, at)) => out.extend(cut_raw(input, extent(p), &raw_cuts(p, &at), markup)),
            None => out.push(p.clone()),
        }
    }
    Some(out)
}

/// Cuts the paragraphs `cuts` names, `(paragraph, positions)` ascending by
/// paragraph, each at its positions of its cleaned text; the others stay.
fn cut_at<'a>(
    input: &'a str,
    paras: Vec<Para<'a>>,
    cuts: Vec<(usize, Vec<usize>)>,
    markup: Markup<'_>,
) -> Vec<Para<'a>> {
    if cuts.is_empty() {
        return paras;
    }
    // Room for every piece at once (each position cuts off one more at
    // most).
    let room = paras.len() + cuts.iter().map(|(_, at)| at.len()).sum::<usize>();
    let mut cuts_of = cuts.into_iter().peekable();
    let mut out = Vec::with_capacity(room);
    for (i, p) in paras.into_iter().enumerate() {
        match cuts_of.next_if(|(at, _)| *at == i) {
            Some((_, at)) => {
                // The pieces are cleaned anew: the paragraph's own cleaned
                // text goes first.
                let (raws, extent) = (raw_cuts(&p, &at), extent(&p));
                drop(p);
                out.extend(cut_raw(input, extent, &raws, markup));
            }
            None => out.push(p),
        }
    }
    out.shrink_to_fit();
    out
}

/// A paragraph's block, and where its content ends in it: what its pieces
/// are cut from.
fn extent(p: &Para<'_>) -> (crate::Span, usize) {
    let block = p.block();
    (block, block.start.max(p.span().end))
}

/// The raw offsets of ascending positions `at` of a paragraph's cleaned
/// text, inside it.
fn raw_cuts(p: &Para<'_>, at: &[usize]) -> Vec<usize> {
    at.iter()
        .filter(|&&a| a > 0 && a < p.text().len())
        .map(|&a| p.clean.raw(a))
        .collect()
}

/// Cuts a paragraph of `extent` (see [`extent`]) at ascending raw offsets
/// inside its block.
fn cut_raw<'a>(
    input: &'a str,
    (block, content_end): (crate::Span, usize),
    raws: &[usize],
    markup: Markup<'_>,
) -> Vec<Para<'a>> {
    let mut pieces = Vec::with_capacity(raws.len() + 1);
    let mut start = block.start;
    for &r in raws {
        if r <= start || r >= content_end {
            continue;
        }
        pieces.push(Para::new(input, crate::Span::new(start, r), r, markup));
        start = r;
    }
    pieces.push(Para::new(
        input,
        crate::Span::new(start, block.end),
        content_end.max(start),
        markup,
    ));
    pieces
}

/// Block-level tags that open a paragraph of a page.
const OPENING: &[&str] = &[
    "<p",
    "<div",
    "<li",
    "<h1",
    "<h2",
    "<h3",
    "<h4",
    "<h5",
    "<h6",
    "<blockquote",
    "<figure",
    "<figcaption",
    "<tr",
];
/// Block-level tags that close one.
const CLOSING: &[&str] = &[
    "</p>",
    "</div>",
    "</li>",
    "</h1>",
    "</h2>",
    "</h3>",
    "</h4>",
    "</h5>",
    "</h6>",
    "</blockquote>",
    "</figure>",
    "</figcaption>",
    "</tr>",
];
/// Inline closing tags that stay with the text before a line break.
const CLOSE_INLINE: &[&str] = &["</strong>", "</b>", "</em>", "</i>", "</span>", "</a>"];

/// Raw offsets where a page's paragraphs start inside one line: before an
/// opening block tag, after a closing one, after a line break (and the
/// inline tags it closes).
fn markup_cuts(input: &str, p: &Para<'_>) -> Vec<usize> {
    let raw = &input[p.block().start..p.span().end.max(p.block().start)];
    let lower = raw.to_ascii_lowercase();
    let mut cuts = Vec::new();
    // The next `>`, searched for once for all the `<br`s before it.
    let mut gt = NextFind::new(b">");
    for (i, _) in lower.match_indices('<') {
        let t = &lower[i..];
        let boundary = |s: &str| t.starts_with(s) && t[s.len()..].starts_with(['>', ' ', '/']);
        if OPENING.iter().any(|o| boundary(o)) {
            cuts.push(i);
        } else if let Some(c) = CLOSING.iter().find(|c| t.starts_with(**c)) {
            cuts.push(i + c.len());
        } else if t.starts_with("<br") {
            let Some(e) = gt.at(lower.as_bytes(), i) else {
                continue;
            };
            let mut end = e + 1;
            while let Some(c) = CLOSE_INLINE.iter().find(|c| lower[end..].starts_with(**c)) {
                end += c.len();
            }
            cuts.push(end);
        }
    }
    cuts.iter()
        .map(|c| p.block().start + c)
        .filter(|&c| input.is_char_boundary(c))
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn an_address_after_a_wide_space_is_read_whole() {
        // `in_address` starts the token after a no-break space (two bytes)
        // without cutting into it.
        let text = "see\u{a0}www.example.org/Page.Next here";
        let at = text.find(".Next").unwrap();
        assert!(super::in_address(text, at));
        let text = "said\u{3000}Yes.No more";
        assert!(!super::in_address(text, text.find(".No").unwrap()));
    }

    use super::*;
    use crate::Language;
    use crate::lang::lexicon;
    use crate::scan::scan;

    fn texts(input: &str) -> Vec<String> {
        let doc = scan(input, None);
        split(input, doc.paragraphs, lexicon(Language::De), None)
            .iter()
            .map(|p| p.text().to_string())
            .collect()
    }

    /// Texts with commas, marks and quotes in many scripts, for the byte
    /// scans to be compared with their reading by characters.
    fn samples() -> Vec<String> {
        let parts = [
            "Ein Satz.,Der nächste",
            "x,Éclair",
            "a,“Quote”",
            "b,‘q’",
            "c,(Bracket)",
            "d,\"Q\"",
            "e, Space",
            "f,lower",
            "1,Two",
            ",,Double",
            "g\u{a0},H",
            "Ông An.Ảnh: HT",
            "Really?Yes",
            "U.S.Army",
            "Ph.D",
            "www.Example.Org",
            "wait…Then",
            "done.+ Next",
            "done.• Next",
            "so!«Oui»",
            "it.(Then)",
            "Mr. Smith. ",
            "D. Crane",
            "MS. X",
            "ÉTAT. Non",
            "Mrs.",
            "über.",
            "Xyzw.",
            "Éa.",
            "end?”",
            "(laughs)",
            "Đà Nẵng.Đây",
            "x.\u{2019}y",
            "a.1b",
        ];
        let mut out = Vec::new();
        for (k, glue) in ["", " ", ",", ".", "?", "…", "\u{a0}"].iter().enumerate() {
            let n = parts.len();
            out.push(
                (0..n)
                    .map(|j| parts[(j * (k + 1)) % n])
                    .collect::<Vec<_>>()
                    .join(glue),
            );
        }
        out.extend(parts.iter().map(|p| (*p).to_string()));
        out
    }

    #[test]
    fn byte_scans_read_as_the_character_scans_did() {
        fn commas_by_chars(text: &str) -> Vec<usize> {
            let b = text.as_bytes();
            let mut out = Vec::new();
            for (i, _) in text.match_indices(',') {
                let prev = text[..i].chars().next_back();
                let next = text[i + 1..].chars().next();
                let prev_ok =
                    prev.is_some_and(|c| !c.is_whitespace() && !c.is_ascii_digit() && c != ',');
                let next_ok = next.is_some_and(|c| c.is_uppercase() || "\"“‘(".contains(c));
                if prev_ok && next_ok && b.get(i + 1).is_some_and(|&x| x != b' ') {
                    out.push(i + 1);
                }
            }
            out
        }
        fn ends_by_chars(before: &str) -> bool {
            if !before.ends_with(['.', '?', '!', '…', '"', '”', '»', ')']) {
                return false;
            }
            let last_word = before.rsplit(' ').next().unwrap_or("");
            let letters = last_word.chars().filter(|&c| is_alpha(c)).count();
            !(last_word.ends_with('.') && letters <= 3 && last_word.starts_with(char::is_uppercase))
        }
        fn glued_ends_by_chars(text: &str) -> Vec<usize> {
            let bytes = text.as_bytes();
            let mut out = Vec::new();
            for i in memchr::memchr3_iter(b'?', b'!', b'.', bytes)
                .chain(text.match_indices('…').map(|(i, m)| i + m.len() - 1))
            {
                let at = i + 1;
                if at >= text.len() {
                    continue;
                }
                let Some(word) = glued_opening(&text[at..]) else {
                    continue;
                };
                let period = bytes[i] == b'.';
                if period && (word.chars().count() < 2 || is_domain_ending(word)) {
                    continue;
                }
                if glued_sentence_end(text, at) && !in_address(text, at) {
                    out.push(at);
                }
            }
            out.sort_unstable();
            out
        }
        for t in samples() {
            assert_eq!(glued_commas(&t), commas_by_chars(&t), "{t:?}");
            // Cleaned text holds no white space but the space (which
            // `in_address` counts on).
            if !t.contains('\u{a0}') {
                let mut marks = Vec::new();
                inline::mark_ends_into(&t, &mut marks);
                assert_eq!(glued_ends(&t, &marks), glued_ends_by_chars(&t), "{t:?}");
            }
            for (i, _) in t.char_indices() {
                assert_eq!(
                    sentence_ends(&t[..i]),
                    ends_by_chars(&t[..i]),
                    "{:?}",
                    &t[..i]
                );
            }
        }
    }

    #[test]
    fn a_speakers_key_is_a_part_of_its_name_in_lower_case() {
        let texts = [
            (
                Language::Vi,
                "Ông Trần Quốc Bảo – Giám đốc Sở Y tế tỉnh Bình Định: Vâng.",
            ),
            (Language::Vi, "Bộ trưởng Nguyễn Văn An: Có."),
            (Language::Vi, "PGS.TS Lê Văn Hợp (trái): Đúng."),
            (Language::En, "MS. PSAKI: Thank you."),
            (Language::En, "NICK FALLOWES, HOST: Hello."),
            (Language::En, "Dr. Ana Ruiz de la Fuente: Yes."),
            (Language::En, "FRANK CORMIER [Associated Press]: Sir?"),
            (Language::De, "Bundeskanzler Olaf Scholz: Ja."),
            (Language::Fr, "Le ministre : Oui."),
            (Language::Fr, "Mme Élodie Öztürk-İnan : Oui."),
            (Language::Es, "La alcaldesa: Claro."),
            (Language::En, "ΣΩΚΡΑΤΗΣ: Yes."),
        ];
        for (lang, t) in texts {
            let lex = lexicon(lang);
            let l = label(t, lex).expect(t);
            let key = label_key(&l, lex);
            let counts = HashMap::from([(key.as_str(), 1)]);
            assert!(may_have_key(&l, &counts), "{t}: {key}");
        }
    }

    #[test]
    fn a_paragraph_glued_to_a_photo_credit_starts_after_the_name() {
        let at = |t: &'static str, lang| -> Vec<&'static str> {
            glued_credits(t, lexicon(lang))
                .into_iter()
                .map(|i| &t[i..])
                .collect()
        };
        assert_eq!(
            at("Ông An tại xưởng. Ảnh: HTChúng tôi làm lại.", Language::Vi),
            ["Chúng tôi làm lại."]
        );
        assert_eq!(
            at(
                "On the launch. Photo: Tom ReyesThe ships grew.",
                Language::En
            ),
            ["The ships grew."]
        );
        assert_eq!(
            at("At the mill. Photo: Ann McLeanWe met there.", Language::En),
            ["We met there."]
        );
        // A credit that ends its sentence, a name with an inner capital and
        // a colon after no credit word are left alone.
        assert!(
            at(
                "On the launch. Photo: Tom Reyes. The ships grew.",
                Language::En
            )
            .is_empty()
        );
        assert!(at("At the mill. Photo: Ann McLean, 2019", Language::En).is_empty());
        assert!(at("He said: NATO holds. We agree.", Language::En).is_empty());
    }

    #[test]
    fn labels_inside_a_line_split_it() {
        let filler = "Ein langer Satz über das Wetter und die Berge im Sommer. ".repeat(6);
        let input =
            format!("{filler}BOTE: Warum? Huber: Darum, sagt sie. BOTE: Wirklich? Huber: Ja.\n");
        let got = texts(&input);
        assert_eq!(got.len(), 5, "{got:?}");
        assert!(got[1].starts_with("BOTE: Warum?"));
        assert!(got[4].starts_with("Huber: Ja."));
    }

    #[test]
    fn labels_glued_to_the_sentence_before_split_it() {
        let vi = lexicon(Language::Vi);
        let filler =
            "Năm nay tỉnh đã đầu tư nhiều hơn cho hạ tầng giao thông nông thôn. ".repeat(5);
        let input = format!(
            "{filler}Cây cầu có an toàn không?Ông Lê Quang Vinh: Có, cầu an toàn.PV: Còn TP.HCM thì sao?Ông Lê Quang Vinh: Cũng vậy.PV: Cảm ơn ông!\n"
        );
        let doc = scan(&input, None);
        let got: Vec<String> = split(&input, doc.paragraphs, vi, None)
            .iter()
            .map(|p| p.text().to_string())
            .collect();
        assert_eq!(got.len(), 5, "{got:?}");
        assert!(got[1].starts_with("Ông Lê Quang Vinh: Có"), "{got:?}");
        assert!(got[2].starts_with("PV: Còn TP.HCM thì sao?"), "{got:?}");
        assert!(got[4].starts_with("PV: Cảm ơn"), "{got:?}");
        // English: a question label glued after a question mark, and `U.S.`
        // and `p.m.` left whole.
        let filler = "We spent the whole of last year on the new plant and its staff. ".repeat(5);
        let input = format!(
            "{filler}Q: Was the U.S. office involved?A: Yes, until 5 p.m. daily.Q: And now?A: Less so.\n"
        );
        let got = texts(&input);
        assert_eq!(got.len(), 5, "{got:?}");
        assert!(got[2].starts_with("A: Yes, until 5 p.m. daily."), "{got:?}");
    }

    #[test]
    fn paragraphs_run_together_with_nothing_between_split_at_every_end() {
        let vi = lexicon(Language::Vi);
        let input = "Năm nay ông còn viết nhạc cho phim không?Có, tôi vẫn viết. Tuần trước tôi ở TP.HCM với GS.TS Lê Văn An, xem VnExpress.net mỗi sáng.Ông có định về quê không?Chưa. Tôi còn nhiều việc lắm, thật đấy!Vậy ông nghĩ gì về giới trẻ hôm nay?“Các cháu giỏi hơn chúng tôi” là điều tôi tin.+ Về phần mình, tôi vẫn thế.\n";
        let doc = scan(input, None);
        let got: Vec<String> = split(input, doc.paragraphs, vi, None)
            .iter()
            .map(|p| p.text().to_string())
            .collect();
        assert_eq!(got.len(), 7, "{got:?}");
        assert!(
            got[1].starts_with("Có, tôi vẫn viết. Tuần trước tôi ở TP.HCM"),
            "{got:?}"
        );
        assert!(got[1].ends_with("mỗi sáng."), "{got:?}");
        assert!(got[5].starts_with("“Các cháu"), "{got:?}");
        assert!(got[6].starts_with("+ Về phần mình"), "{got:?}");
        // English: initials, `U.S.`, `Ph.D`, a decimal, a web address.
        let input = "Where did the idea come from?From a trip to the U.S. in 2019. I met a Ph.D student there, with 3.5 million followers at www.Example.Org today.Did that change your plans?Completely. We moved within a year, sold the flat and bought a boat that we still live on!What next?Nothing for now, honestly, because the boat needs a new engine first.\n";
        let got = texts(input);
        assert_eq!(got.len(), 6, "{got:?}");
        assert!(got[1].ends_with("www.Example.Org today."), "{got:?}");
        // Three glued ends are not enough: typing slips, not a page.
        let input = format!(
            "{}Really?Yes.Then what?Nothing more to say about it.\n",
            "A long sentence about the weather in the hills this summer. ".repeat(6)
        );
        assert_eq!(texts(&input).len(), 1);
    }

    #[test]
    fn a_label_seen_once_does_not_split() {
        let filler = "Ein langer Satz über das Wetter und die Berge im Sommer. ".repeat(6);
        let input = format!("{filler}Huber: Darum.\n");
        assert_eq!(texts(&input).len(), 1);
    }

    #[test]
    fn comma_joined_paragraphs_split() {
        let para = "This is one paragraph of the statement that runs on for a while";
        let input = format!("OPENING,{para}.,{para}.,{para}?,{para}.,{para}.\n");
        let got = texts(&input);
        assert_eq!(got.len(), 6, "{got:?}");
        assert_eq!(got[0], "OPENING,");
    }
}

#[cfg(test)]
mod markup_tests {
    use super::*;
    use crate::Span;

    #[test]
    fn a_line_break_inside_a_paragraph_cuts_it() {
        let input = "<p><strong>Q: Why?</strong><br/>A: Because.</p>";
        let p = Para::new(input, Span::new(0, input.len()), input.len(), Some(&[]));
        let cuts = markup_cuts(input, &p);
        let pieces = cut_raw(input, extent(&p), &cuts, Some(&[]));
        let texts: Vec<&str> = pieces.iter().map(|p| p.text()).collect();
        assert_eq!(texts, ["**Q: Why?**", "A: Because."], "cuts {cuts:?}");
    }
}
