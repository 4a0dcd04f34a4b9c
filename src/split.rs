//! Flattened text: paragraphs a scraper ran together on one line.
//!
//! Two shapes are undone here, before paragraphs are classified:
//!
//! - **comma-joined paragraphs**: `…end of one.,Start of the next…`, where a
//!   comma glued to the next paragraph's capital stands for the paragraph
//!   break (and `HEADING,Text` for a heading's). A line is split at every
//!   such comma when it holds at least four of them.
//! - **labels inside a line**: `… der Märchen? Garrone: Nein, …`. A long
//!   paragraph is split before every speaker or question label that stands
//!   after the end of a sentence, when the same label occurs at least twice
//!   in the document (counting labels that open paragraphs).
//!
//! Splitting keeps the lossless cover: the pieces' blocks partition the
//! paragraph's block.

use crate::clean::Markup;
use crate::grammar::label::{Label, label};
use crate::keys::label_key;
use crate::lang::Lexicon;
use crate::scan::Para;
use std::collections::HashMap;

/// A paragraph must be at least this long to be searched for run-on
/// paragraphs or inline labels.
const LONG: usize = 300;
/// How many glued commas make a line comma-joined.
const MIN_GLUED: usize = 4;

/// Byte offsets (after the comma) where comma-joined paragraphs start.
fn glued_commas(text: &str) -> Vec<usize> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    for (i, _) in text.match_indices(',') {
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

/// Whether a sentence ends just before `at` (and a space).
fn after_sentence(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end();
    if at == 0
        || !text[..at].ends_with(' ')
        || !before.ends_with(['.', '?', '!', '…', '"', '”', '»', ')'])
    {
        return false;
    }
    // Not after an initial or an abbreviation: `Timothy D. Cook`, `MS. X`.
    let last_word = before.rsplit(' ').next().unwrap_or("");
    let letters = last_word.chars().filter(|c| c.is_alphabetic()).count();
    let abbreviation =
        last_word.ends_with('.') && letters <= 3 && last_word.starts_with(char::is_uppercase);
    !abbreviation
}

/// Candidate inline labels: positions after a sentence's end where a label
/// with speech after it begins.
fn inline_labels<'t>(text: &'t str, lex: &Lexicon) -> Vec<(usize, Label<'t>)> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    for i in memchr::memchr_iter(b' ', bytes) {
        let at = i + 1;
        // A sentence ends in one of a few marks, maybe past more spaces; a
        // byte that is neither (nor part of `…”»`) rules it out at once.
        let may_end = i > 0
            && matches!(
                bytes[i - 1],
                b'.' | b'?' | b'!' | b'"' | b')' | b' ' | 0x80..
            );
        if at >= text.len() || !may_end || !after_sentence(text, at) {
            continue;
        }
        if let Some(l) = label(&text[at..], lex) {
            let has_speech = l.text_at < text.len() - at;
            if has_speech && (!l.period || l.upper) {
                out.push((at, l));
            }
        }
    }
    out
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
                v.extend(cut_raw(input, p, &cuts, markup));
            }
        }
        v
    } else {
        paras
    };
    // Only long paragraphs are split: a document without one is left as it
    // is, and so is one where no long paragraph holds anything to split at.
    if paras.iter().all(|p| p.text().len() < LONG) {
        return paras;
    }
    // Comma-joined paragraphs first.
    let glued: Vec<(usize, Vec<usize>)> = paras
        .iter()
        .enumerate()
        .filter(|(_, p)| p.text().len() >= LONG)
        .map(|(i, p)| (i, glued_commas(p.text())))
        .filter(|(_, cuts)| cuts.len() >= MIN_GLUED)
        .collect();
    let paras = cut_at(input, paras, glued, markup);
    // Then labels inside long paragraphs.
    let inline: Vec<(usize, Vec<(usize, Label<'_>)>)> = paras
        .iter()
        .enumerate()
        .filter(|(_, p)| p.text().len() >= LONG)
        .map(|(i, p)| (i, inline_labels(p.text(), lex)))
        .filter(|(_, found)| !found.is_empty())
        .collect();
    if inline.is_empty() {
        return paras;
    }
    // A label inside a line counts when it occurs twice in the document.
    let mut counts: HashMap<String, usize> = HashMap::new();
    for p in &paras {
        if let Some(l) = label(p.text(), lex) {
            *counts.entry(label_key(&l, lex)).or_default() += 1;
        }
    }
    for (_, found) in &inline {
        for (_, l) in found {
            *counts.entry(label_key(l, lex)).or_default() += 1;
        }
    }
    let cuts: Vec<(usize, Vec<usize>)> = inline
        .into_iter()
        .map(|(i, found)| {
            let at = found
                .into_iter()
                .filter(|(_, l)| counts.get(&label_key(l, lex)).copied().unwrap_or(0) >= 2)
                .map(|(at, _)| at)
                .collect();
            (i, at)
        })
        .filter(|(_, at): &(usize, Vec<usize>)| !at.is_empty())
        .collect();
    cut_at(input, paras, cuts, markup)
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
    let mut cuts_of = cuts.into_iter().peekable();
    let mut out = Vec::with_capacity(paras.len());
    for (i, p) in paras.into_iter().enumerate() {
        match cuts_of.next_if(|(at, _)| *at == i) {
            Some((_, at)) => out.extend(cut(input, p, &at, markup)),
            None => out.push(p),
        }
    }
    out
}

/// Cuts a paragraph at ascending positions of its cleaned text.
fn cut<'a>(input: &'a str, p: Para<'a>, at: &[usize], markup: Markup<'_>) -> Vec<Para<'a>> {
    let raws: Vec<usize> = at
        .iter()
        .filter(|&&a| a > 0 && a < p.text().len())
        .map(|&a| p.clean.raw(a))
        .collect();
    cut_raw(input, p, &raws, markup)
}

/// Cuts a paragraph at ascending raw offsets inside its block.
fn cut_raw<'a>(input: &'a str, p: Para<'a>, raws: &[usize], markup: Markup<'_>) -> Vec<Para<'a>> {
    let mut pieces = Vec::with_capacity(raws.len() + 1);
    let mut start = p.block.start;
    let content_end = p.block.start.max(p.span.end);
    for &r in raws {
        if r <= start || r >= content_end {
            continue;
        }
        pieces.push(Para::new(input, crate::Span::new(start, r), r, markup));
        start = r;
    }
    pieces.push(Para::new(
        input,
        crate::Span::new(start, p.block.end),
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
    let raw = &input[p.block.start..p.span.end.max(p.block.start)];
    let lower = raw.to_ascii_lowercase();
    let mut cuts = Vec::new();
    for (i, _) in lower.match_indices('<') {
        let t = &lower[i..];
        let boundary = |s: &str| t.starts_with(s) && t[s.len()..].starts_with(['>', ' ', '/']);
        if OPENING.iter().any(|o| boundary(o)) {
            cuts.push(i);
        } else if let Some(c) = CLOSING.iter().find(|c| t.starts_with(**c)) {
            cuts.push(i + c.len());
        } else if t.starts_with("<br") {
            let Some(e) = t.find('>') else { continue };
            let mut end = i + e + 1;
            while let Some(c) = CLOSE_INLINE.iter().find(|c| lower[end..].starts_with(**c)) {
                end += c.len();
            }
            cuts.push(end);
        }
    }
    cuts.iter()
        .map(|c| p.block.start + c)
        .filter(|&c| input.is_char_boundary(c))
        .collect()
}

#[cfg(test)]
mod tests {
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
        let pieces = cut_raw(input, p, &cuts, Some(&[]));
        let texts: Vec<&str> = pieces.iter().map(|p| p.text()).collect();
        assert_eq!(texts, ["**Q: Why?**", "A: Because."], "cuts {cuts:?}");
    }
}
