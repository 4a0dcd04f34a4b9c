//! The first pass: the input's lines, grouped into paragraphs with spans.
//!
//! Lines end at `\n`, `\r\n` or a lone `\r`. A line is blank when it holds
//! only white space or invisible characters (NBSP, tabs, U+200B, a BOM).
//!
//! A front matter block (`---` or `+++` fences) at the top is set apart. The
//! rest is read in one of two layouts, decided per document:
//!
//! - **one paragraph per line**, as scrapers mostly hand text over, with or
//!   without blank lines between;
//! - **hard-wrapped**, where most lines that are followed by another line of
//!   the same block end near one width (60 to 100 columns): such a line joins
//!   the next one. A line ending in two spaces (a Markdown hard break) or
//!   much shorter than the width ends its paragraph.
//!
//! Each paragraph has two spans: `span`, its trimmed raw text, and `block`,
//! from the start of its first line to the end of its last line's
//! terminator. The blocks of the front matter, the paragraphs and the blank
//! runs cover the input exactly.

use crate::Span;
use crate::clean::{Cleaned, Markup, clean_with, hidden_spans, is_blankish, plain};
use crate::frontmatter::{Found, front_matter};
use crate::span::Span32;
use crate::text::lines;

/// A paragraph: a line, or the lines of a hard-wrapped paragraph. A
/// document holds one a paragraph through every stage: its spans are read
/// from its cleaned text's map rather than held.
#[derive(Debug, Clone)]
pub(crate) struct Para<'a> {
    /// The cleaned text, with the block it stands in.
    pub clean: Cleaned<'a>,
}

impl<'a> Para<'a> {
    /// The trimmed raw text.
    pub fn span(&self) -> Span {
        Span::new(self.clean.raw(0), self.clean.raw_end())
    }

    /// The whole lines, terminators included.
    pub fn block(&self) -> Span {
        self.clean.block()
    }

    pub fn text(&self) -> &str {
        &self.clean.text
    }

    /// Whether the paragraph shows a letter or a digit: not markup or
    /// white space alone between paragraphs.
    pub fn has_words(&self) -> bool {
        self.text().chars().any(crate::text::is_alnum)
    }

    /// A paragraph over `block` of `input`; with `markup`, its HTML tags
    /// and hidden elements are dropped from the cleaned text.
    pub fn new(input: &'a str, block: Span, content_end: usize, markup: Markup<'_>) -> Para<'a> {
        let clean = clean_with(&input[block.start..content_end], block.start, markup);
        Para {
            clean: clean.with_block(block.len()),
        }
    }
}

/// The scanned document.
pub(crate) struct Doc<'a> {
    pub front_matter: Option<Found<'a>>,
    pub paragraphs: Vec<Para<'a>>,
    /// Runs of blank lines, terminators included.
    pub blanks: Vec<Span32>,
    /// The text carries HTML markup (paragraph and line-break tags).
    pub markup: bool,
    /// With markup, the spans a page does not show (scripts, styles,
    /// navigation, comments), ascending.
    pub hidden: Vec<Span>,
    /// The width the text is hard-wrapped at, if it is.
    #[cfg_attr(not(test), allow(dead_code))]
    pub wrap: Option<usize>,
}

/// A line that is not blank, as the one pass over the lines reads it (a
/// blank line goes into its run at once). Offsets in 32 bits: an input is
/// shorter than 4 GiB (`crate::MAX_INPUT_BYTES`).
#[derive(Clone, Copy)]
struct Line {
    /// The content, terminator left out.
    start: u32,
    end: u32,
    /// Past the terminator: the next line's start.
    next: u32,
    /// Characters, trailing white space left out, at most [`WIDTH_CAP`]:
    /// measured only for a line followed by another that is not blank,
    /// with no hard break (the only lines whose width the wrap width and
    /// the joining of wrapped lines ask for); 0 for the others.
    width: u8,
    /// Ends in two spaces or a backslash: a Markdown hard break.
    hard_break: bool,
}

impl Line {
    /// The content in `input`.
    fn text(self, input: &str) -> &str {
        &input[self.start as usize..self.end as usize]
    }

    /// Whether `next` follows this line with no blank line between.
    fn touches(self, next: Line) -> bool {
        next.start == self.next
    }
}

/// A line's width in characters as a reader counts them: combining marks
/// add none, so NFC and NFD text measure the same.
fn width(line: &str) -> usize {
    // Every character counts...
    let bytes = line.as_bytes();
    let (chars, may_hold_marks) = count_and_marks(bytes);
    if chars == bytes.len() || !may_hold_marks {
        return chars;
    }
    // ...but for combining marks, which all stand at U+0300 or above: only
    // characters whose first byte is that high are decoded.
    let mut marks = 0;
    let mut i = 0;
    while let Some(rel) = bytes[i..].iter().position(|&b| b >= FIRST_BYTE_FROM_U0300) {
        let at = i + rel;
        let Some(c) = line[at..].chars().next() else {
            break;
        };
        if !plain(c) && unicode_normalization::char::canonical_combining_class(c) != 0 {
            marks += 1;
        }
        i = at + c.len_utf8();
    }
    chars - marks
}

/// How many bytes [`char_count`] counts at once, in vector code: at most
/// 255, so that a block's count fits a byte.
const COUNT_BLOCK: usize = 32;

/// Whether `b` starts a character in UTF-8: it is no continuation byte
/// (`0x80..0xC0`, `-128..-64` as a signed byte).
fn starts_char(b: u8) -> u8 {
    u8::from((b as i8) >= -0x40)
}

/// The characters of UTF-8 `bytes`, as `str::chars().count()` counts them,
/// a block of [`COUNT_BLOCK`] bytes at a time with byte counters (the
/// standard library's word-at-a-time count costs more on lines of a few
/// dozen bytes); the last block is padded with continuation bytes. The
/// oracle of [`count_and_marks`] in tests.
#[cfg(test)]
fn char_count(bytes: &[u8]) -> usize {
    let block = |b: &[u8]| usize::from(b.iter().fold(0u8, |n, &b| n + starts_char(b)));
    let mut chunks = bytes.chunks_exact(COUNT_BLOCK);
    let mut n = 0;
    for c in &mut chunks {
        n += block(c);
    }
    let rest = chunks.remainder();
    let mut padded = [0x80u8; COUNT_BLOCK];
    padded[..rest.len()].copy_from_slice(rest);
    n + block(&padded)
}

/// The characters of UTF-8 `bytes` (as [`char_count`] counts them) and
/// whether they may hold a combining mark (as [`may_hold_marks`] tells),
/// in one pass of vector code, a block of [`COUNT_BLOCK`] bytes (and the
/// byte after them) at a time; the last block is padded with continuation
/// bytes, which neither start a character nor a mark.
fn count_and_marks(bytes: &[u8]) -> (usize, bool) {
    let block = |b: &[u8]| {
        let mut n = 0u8;
        let mut marks = false;
        for (&b, &next) in b.iter().zip(&b[1..]) {
            n += starts_char(b);
            marks |= starts_mark(b, next);
        }
        (usize::from(n), marks)
    };
    let (mut n, mut marks) = (0, false);
    let mut at = 0;
    // A block needs the byte after it.
    while at + COUNT_BLOCK < bytes.len() {
        let (c, m) = block(&bytes[at..=at + COUNT_BLOCK]);
        n += c;
        marks |= m;
        at += COUNT_BLOCK;
    }
    let rest = &bytes[at..];
    let mut padded = [0x80u8; COUNT_BLOCK + 1];
    padded[..rest.len()].copy_from_slice(rest);
    let (c, m) = block(&padded);
    (n + c, marks | m)
}

/// Whether byte `b`, followed by `next`, may start a combining mark (see
/// [`may_hold_marks`]).
#[inline]
fn starts_mark(b: u8, next: u8) -> bool {
    (b >= FIRST_BYTE_FROM_U0300) & !((b == FIRST_BYTE_U2000) & (next < SECOND_BYTE_PAST_U207F))
}

/// The first byte of U+0300 in UTF-8: characters below it start lower.
const FIRST_BYTE_FROM_U0300: u8 = 0xCC;
/// The first byte of U+2000 to U+2FFF in UTF-8.
const FIRST_BYTE_U2000: u8 = 0xE2;
/// The second byte past U+2000 to U+207F (General Punctuation, the
/// super- and subscripts) after [`FIRST_BYTE_U2000`].
const SECOND_BYTE_PAST_U207F: u8 = 0x82;

/// Whether UTF-8 `bytes` may hold a combining mark: a character from
/// U+0300 on, but for U+2000 to U+207F (dashes, curly quotes, spaces,
/// super- and subscripts), none of which combines. One pass over every
/// byte pair, in vector code, so that a line of curly quotes and dashes
/// decodes none of them. The oracle of [`count_and_marks`] in tests.
#[cfg(test)]
fn may_hold_marks(bytes: &[u8]) -> bool {
    let next = bytes.get(1..).unwrap_or_default();
    bytes
        .iter()
        .zip(next)
        .fold(false, |acc, (&b, &n)| acc | starts_mark(b, n))
}

/// Lines shorter than the wrap width by more than this end a paragraph.
const WRAP_SLACK: usize = 25;
/// How many wrapped lines a document needs before it counts as hard-wrapped.
const WRAP_MIN_LINES: usize = 6;

/// Widths above this count as this one: they are over any width a
/// document is taken as wrapped at (and past `WRAP_MAX + 2`, so never near
/// it), so a line's width is held in a byte.
const WIDTH_CAP: usize = WRAP_MAX + 3;
const _: () = assert!(WIDTH_CAP <= u8::MAX as usize);
/// The narrowest and widest wrap widths.
const WRAP_MIN: usize = 55;
const WRAP_MAX: usize = 110;

/// The lines of a document that are not blank, its blank runs, and the
/// histogram of the widths measured, read in one pass over the lines.
struct Lines {
    lines: Vec<Line>,
    blanks: Vec<Span32>,
    /// How many measured lines are how wide (capped at [`WIDTH_CAP`]).
    counts: [usize; WIDTH_CAP + 1],
    /// How many lines were measured.
    total: usize,
}

/// Reads the lines of `input` from `body_start` once: blank lines into
/// runs, the others into records. A line followed by another that is not
/// blank, with no hard break, is measured (see [`Line::width`]) and counted
/// in the histogram [`wrap_from`] decides the wrap width from.
fn read_lines(input: &str, body_start: usize) -> Lines {
    let mut out = Lines {
        lines: Vec::new(),
        blanks: Vec::new(),
        counts: [0; WIDTH_CAP + 1],
        total: 0,
    };
    for (content, next) in lines(&input[body_start..]) {
        let (start, end) = (content.start + body_start, content.end + body_start);
        let next = next + body_start;
        let raw = &input[start..end];
        if raw.chars().all(is_blankish) {
            match out.blanks.last_mut() {
                Some(last) if last.span().end == start => {
                    *last = Span32::of(Span::new(last.span().start, next));
                }
                _ => out.blanks.push(Span32::of(Span::new(start, next))),
            }
            continue;
        }
        let line = Line {
            start: start as u32,
            end: end as u32,
            next: next as u32,
            width: 0,
            hard_break: raw.ends_with("  ") || raw.ends_with('\\'),
        };
        if let Some(prev) = out.lines.last_mut() {
            if prev.touches(line) && !prev.hard_break {
                let w = width(prev.text(input).trim_end()).min(WIDTH_CAP);
                prev.width = u8::try_from(w).unwrap_or(u8::MAX);
                out.counts[w] += 1;
                out.total += 1;
            }
        }
        out.lines.push(line);
    }
    out
}

/// The width a document is hard-wrapped at, from the histogram of `total`
/// line widths (see [`read_lines`]): most lines followed by a line of the
/// same block reach within `WRAP_SLACK` of a common maximum.
fn wrap_from(counts: &[usize; WIDTH_CAP + 1], total: usize) -> Option<usize> {
    if total < WRAP_MIN_LINES {
        return None;
    }
    // The width at nine tenths of the sorted widths.
    let rank = total * 9 / 10;
    let mut seen = 0;
    let w = counts.iter().position(|&c| {
        seen += c;
        seen > rank
    })?;
    if !(WRAP_MIN..=WRAP_MAX).contains(&w) {
        return None;
    }
    let near: usize = (w.saturating_sub(WRAP_SLACK)..=w + 2)
        .map(|x| counts[x])
        .sum();
    (near * 10 >= total * 7).then_some(w)
}

/// `text` with its leading white space trimmed, as `str::trim_start`
/// trims it; a text opening with a printable ASCII byte (a wrapped line
/// mostly does) is not read further.
#[inline]
fn trim_start(text: &str) -> &str {
    match text.as_bytes().first() {
        Some(&b) if b > b' ' && b.is_ascii() => text,
        _ => text.trim_start(),
    }
}

/// Whether a line opens something a wrapped line never joins onto: a list
/// item, a heading, a quote, a table row, a label-looking line.
fn opens_block(text: &str) -> bool {
    let t = trim_start(text);
    t.starts_with(['-', '*', '+', '#', '>', '|', '•', '–', '—']) || t.starts_with("![")
}

/// The most capitals of a short turn label opening a line (`Q.`, `A:`,
/// `JP:`).
const SHORT_LABEL_MAX: usize = 3;

/// Whether `next` opens a new turn after `line` ends a sentence: a short
/// label in capitals and its period or colon, then a space (`Q. How …`,
/// `A. My husband's …`, `JP: Well`), as plain-text transcripts set turns
/// on consecutive lines with no blank line between them. A wrapped
/// sentence does not go on that way.
fn opens_turn(line: &str, next: &str) -> bool {
    let t = trim_start(next);
    let caps = t.bytes().take_while(u8::is_ascii_uppercase).count();
    if !(1..=SHORT_LABEL_MAX).contains(&caps) {
        return false;
    }
    let ends = line
        .trim_end()
        .ends_with(['.', '!', '?', '…', '"', '”', '»', ')']);
    // French sets a space before the colon: `Q : Pourquoi …`.
    let delim = if t[caps..].starts_with(" :") {
        2
    } else if t[caps..].starts_with(['.', ':']) {
        1
    } else {
        return false;
    };
    ends && t[caps + delim..].starts_with(' ')
}

/// Whether `next` goes on with the sentence `line` leaves open: `line` is
/// a long paragraph that does not end like a sentence, and `next` opens in
/// lower case.
fn broken_after(line: &str, next: &str) -> bool {
    let ends = line
        .trim_end()
        .ends_with(['.', '!', '?', ':', '…', '"', '”', '»', ')', ';']);
    // The cheap tests first: a line is at least as long in bytes as wide.
    !ends
        && line.len() >= BROKEN_MIN_CHARS
        && trim_start(next)
            .chars()
            .next()
            .is_some_and(char::is_lowercase)
        && width(line) >= BROKEN_MIN_CHARS
}

/// The most lines joined onto a Markdown image left open (its alt text
/// wrapped over them).
const IMAGE_MAX_LINES: usize = 8;

/// Whether `text` opens a Markdown image it does not close: `![` with no
/// `](` after the last one.
fn unclosed_image(text: &str) -> bool {
    last_image(text.as_bytes()).is_some_and(|at| !text[at..].contains("]("))
}

/// Where the last `![` of `bytes` starts: the last `[` (searched for
/// backwards in vector code, a rare byte in prose) with a `!` before it.
fn last_image(bytes: &[u8]) -> Option<usize> {
    let mut end = bytes.len();
    while let Some(i) = memchr::memrchr(b'[', &bytes[..end]) {
        if i > 0 && bytes[i - 1] == b'!' {
            return Some(i - 1);
        }
        end = i;
    }
    None
}

/// A line shorter than this is a heading or a date, not a broken paragraph.
const BROKEN_MIN_CHARS: usize = 80;

/// Scans `input` into front matter, paragraphs and blank runs.
#[cfg(test)]
pub(crate) fn scan(input: &str, markup: Option<bool>) -> Doc<'_> {
    scan_with(input, markup, None)
}

/// Scans `input` into front matter, paragraphs and blank runs, with the hidden spans of a page found by another reader
/// (an HTML tokenizer) instead of the built-in scan.
pub(crate) fn scan_with(input: &str, markup: Option<bool>, hidden: Option<Vec<Span>>) -> Doc<'_> {
    let front_matter = front_matter(input);
    let body_start = front_matter.as_ref().map_or(0, |f| f.span.end);
    // The lines are read once; those that are not blank are held, a few
    // bytes each, for the paragraph pass after the wrap width is known.
    let Lines {
        lines,
        mut blanks,
        counts,
        total,
    } = read_lines(input, body_start);
    let wrap = wrap_from(&counts, total);
    let markup = markup.unwrap_or_else(|| has_markup(&input[body_start..]));
    let hidden = if markup {
        hidden.unwrap_or_else(|| hidden_spans(input, body_start))
    } else {
        Vec::new()
    };
    let mut paragraphs = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let first = lines[i];
        let end = paragraph_end(input, &lines, i, wrap);
        let last = lines[end - 1];
        i = end;
        paragraphs.push(Para::new(
            input,
            Span::new(first.start as usize, last.next as usize),
            last.end as usize,
            markup.then_some(&hidden[..]),
        ));
    }
    paragraphs.shrink_to_fit();
    blanks.shrink_to_fit();
    Doc {
        front_matter,
        paragraphs,
        blanks,
        markup,
        hidden,
        wrap,
    }
}

/// Where the paragraph opening at `lines[i]` ends: the index past its
/// last line. Lines join across no blank line: wrapped lines (with `wrap`),
/// the lines of a Markdown image left open, and lines a scraper broke.
fn paragraph_end(input: &str, lines: &[Line], i: usize, wrap: Option<usize>) -> usize {
    let first = lines[i];
    // The paragraph's last line so far, and the index past it.
    let mut last = first;
    let mut j = i + 1;
    // The line at `j`, if it follows `last` with no blank line between.
    let next = |j: usize, last: Line| lines.get(j).copied().filter(|&n| last.touches(n));
    if let Some(w) = wrap {
        while let Some(n) = next(j, last).filter(|&n| {
            !last.hard_break
                && usize::from(last.width) + WRAP_SLACK >= w
                && !opens_block(n.text(input))
                && !opens_turn(last.text(input), n.text(input))
        }) {
            last = n;
            j += 1;
        }
    }
    // A Markdown image whose alt text was wrapped: its lines join until it
    // closes (`![La alcaldesa … Programa` / `Municipal de` /
    // `Obras.](https://…)`).
    let mut open = unclosed_image(&input[first.start as usize..last.end as usize]);
    let mut joined = 0;
    while open && joined < IMAGE_MAX_LINES {
        let Some(n) = next(j, last) else {
            break;
        };
        open = !n.text(input).contains("](");
        last = n;
        j += 1;
        joined += 1;
    }
    // A line the scraper broke: the next one goes on in lower case.
    while let Some(n) = next(j, last).filter(|&n| broken_after(last.text(input), n.text(input))) {
        last = n;
        j += 1;
    }
    j
}

/// How many paragraph or line-break tags make a text HTML.
const MARKUP_MIN_TAGS: usize = 3;

/// Whether the text carries HTML paragraph structure (`<p>`, `<br/>`,
/// `<div>`), as scraped pages often do inside Markdown or text files.
fn has_markup(text: &str) -> bool {
    let mut n = 0;
    for (i, _) in text.match_indices('<') {
        let t = &text[i + 1..];
        let t = t.strip_prefix('/').unwrap_or(t);
        let name: String = t
            .chars()
            .take_while(char::is_ascii_alphabetic)
            .collect::<String>()
            .to_ascii_lowercase();
        if matches!(name.as_str(), "p" | "br" | "div") {
            n += 1;
            if n >= MARKUP_MIN_TAGS {
                return true;
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_is_as_wide_as_its_characters_without_combining_marks() {
        let naive = |line: &str| {
            line.chars()
                .filter(|&c| unicode_normalization::char::canonical_combining_class(c) == 0)
                .count()
        };
        for line in [
            "",
            "plain ASCII",
            "Thứ Năm, “12/09”",
            // NFD Vietnamese: the marks add nothing.
            "Thu\u{31b}\u{301} Na\u{306}m",
            "a\u{300}\u{20dd}日本語 — ok…",
            "\u{301}",
            // Punctuation skipped unread, marks after it and beside it.
            "It’s — “ok” …\u{a0}a\u{2003}b",
            "x’\u{301} —\u{20dd} \u{2070}\u{20d0}",
            "\u{5d0}\u{5b8} \u{627}\u{64e} \u{915}\u{94d} e\u{1dc0} \u{fe20}",
            "MS. PSAKI:\u{a0} Good evening, everyone.\u{a0} It’s an honor.",
            " \t\u{b}\u{c}\r\n\u{a0}\u{2003}\u{3000}\u{85}x",
            "\u{b}Q. Why?",
            "\u{2003}— a dash",
            "a\u{2000}\u{301}\u{2010}\u{20d0} \u{2070}\u{2080}\u{20a0}\u{300}",
        ] {
            assert_eq!(width(line), naive(line), "{line:?}");
            for cut in (0..=line.len()).filter(|&i| line.is_char_boundary(i)) {
                let part = &line[..cut].repeat(3);
                assert_eq!(char_count(part.as_bytes()), part.chars().count());
                assert_eq!(
                    count_and_marks(part.as_bytes()),
                    (part.chars().count(), may_hold_marks(part.as_bytes())),
                    "{part:?}"
                );
                let half = (0..=cut / 2)
                    .rev()
                    .find(|&i| part.is_char_boundary(i))
                    .unwrap_or(0);
                assert_eq!(trim_start(part), part.trim_start());
                assert_eq!(trim_start(&part[half..]), part[half..].trim_start());
            }
        }
        // Nothing from U+2000 to U+207F combines: such a line is not read
        // character by character.
        for c in '\u{2000}'..='\u{207f}' {
            assert_eq!(
                unicode_normalization::char::canonical_combining_class(c),
                0,
                "{c:?}"
            );
            assert!(!may_hold_marks(c.to_string().as_bytes()), "{c:?}");
        }
        assert!(may_hold_marks("a\u{301}".as_bytes()));
        assert!(may_hold_marks("\u{20d0}".as_bytes()));
        assert_eq!(width("Thu\u{31b}\u{301}"), width("Thứ"));
    }

    #[test]
    fn the_last_image_is_found_as_rfind_finds_it() {
        for t in [
            "",
            "!",
            "[",
            "![",
            "a ![b](c) d ![e",
            "x[![y",
            "![a] [b] !c [",
            "!![[",
            "Thứ ![ảnh [",
        ] {
            assert_eq!(last_image(t.as_bytes()), t.rfind("!["), "{t:?}");
        }
    }

    #[test]
    fn blank_lines_group_into_runs() {
        let input = "One\n\n\u{a0}\n \t\nTwo\n";
        let doc = scan(input, None);
        assert_eq!(doc.paragraphs.len(), 2);
        assert_eq!(doc.blanks, vec![Span32::of(Span::new(4, 11))]);
        assert_eq!(doc.paragraphs[1].block(), Span::new(11, 15));
    }

    #[test]
    fn paragraph_span_is_trimmed_raw_text() {
        let input = "\u{feff}  Hello  \n";
        let doc = scan(input, None);
        assert_eq!(doc.paragraphs[0].span().slice(input), "Hello");
        assert_eq!(doc.paragraphs[0].block(), Span::new(0, input.len()));
    }

    fn wrapped(paragraphs: &[&str]) -> String {
        // Hard-wraps each paragraph at 70 columns, blank lines between.
        let mut out = String::new();
        for p in paragraphs {
            let mut line = String::new();
            for w in p.split(' ') {
                if line.len() + w.len() + 1 > 70 && !line.is_empty() {
                    out.push_str(&line);
                    out.push('\n');
                    line.clear();
                }
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(w);
            }
            out.push_str(&line);
            out.push_str("\n\n");
        }
        out
    }

    #[test]
    fn hard_wrapped_lines_join_into_paragraphs() {
        let long = "word ".repeat(60);
        let input = wrapped(&[long.trim(), long.trim(), "Aboard the ship", long.trim()]);
        let doc = scan(&input, None);
        assert!(doc.wrap.is_some());
        assert_eq!(doc.paragraphs.len(), 4);
        assert_eq!(doc.paragraphs[0].text(), long.trim());
    }

    #[test]
    fn short_lines_and_hard_breaks_stay_apart() {
        let long = "word ".repeat(60);
        let mut input = wrapped(&[long.trim(), long.trim(), long.trim()]);
        input.push_str("Aboard Air Force One  \nEn Route Omaha, Nebraska\n");
        let doc = scan(&input, None);
        let n = doc.paragraphs.len();
        assert_eq!(doc.paragraphs[n - 2].text(), "Aboard Air Force One");
        assert_eq!(doc.paragraphs[n - 1].text(), "En Route Omaha, Nebraska");
    }

    #[test]
    fn one_paragraph_per_line_is_not_wrapped() {
        let line = format!("Word {}end.", "word ".repeat(40));
        let input = format!("{line}\n{line}\n{line}\n{line}\n{line}\n{line}\n{line}\n");
        let doc = scan(&input, None);
        assert_eq!(doc.wrap, None);
        assert_eq!(doc.paragraphs.len(), 7);
    }

    #[test]
    fn a_wrapped_image_holds_together() {
        let long = "The minister presented the final version of the national plan this morning, with the budget for each region. ";
        let input = format!(
            "{long}\n\n![The minister presents the plan at the palace, with the\nbudget\nfor each region.](https://example.org/a.jpg)\nThe minister presents the plan.\n\n{long}\n"
        );
        let doc = scan(&input, None);
        let texts: Vec<&str> = doc.paragraphs.iter().map(|p| p.text()).collect();
        assert_eq!(texts.len(), 4, "{texts:?}");
        assert!(texts[1].starts_with("![The minister") && texts[1].contains("](https://"));
        assert_eq!(texts[2], "The minister presents the plan.");
        // An image closed on its line takes no more lines than before.
        let closed = input.replace("the\nbudget\nfor", "the budget for");
        assert_eq!(scan(&closed, None).paragraphs.len(), 4);
    }

    #[test]
    fn turns_on_consecutive_lines_stay_apart() {
        let text = "Eleanor Voss has volunteered in our archive room every Tuesday since\n1998. Our editor sat down with her in March.\n\nQ. How did you first get involved with the society?\nA. My husband's aunt left us a trunk of letters from the 1880s, and I\n   wanted to know who the people in them were. Somebody told me the\n   society had the old town directories, so I came in one Tuesday and\n   never really left.\nQ. What is the strangest thing you have found in the archive?\nA. A wedding cake recipe written on the back of a tax receipt from\n   1911. Both of them are very interesting, in different ways.\nQ. What would you tell a new volunteer?\nA. Wear a sweater. The archive room is always cold.\n";
        let doc = scan(text, Some(false));
        let starts: Vec<&str> = doc
            .paragraphs
            .iter()
            .map(|p| p.text().split(' ').next().unwrap_or(""))
            .collect();
        assert_eq!(starts, ["Eleanor", "Q.", "A.", "Q.", "A.", "Q.", "A."]);
    }

    #[test]
    fn a_broken_line_joins_the_one_before() {
        let input = "Theo quan niệm dân gian, người ta đốt vàng mã vì tin rằng người chết ở thế giới bên kia cũng cần tiền để\n tiêu xài.\nDòng mới.\n";
        let doc = scan(input, None);
        assert_eq!(doc.paragraphs.len(), 2);
        assert!(
            doc.paragraphs[0]
                .text()
                .ends_with("cũng cần tiền để tiêu xài.")
        );
    }

    #[test]
    fn front_matter_is_set_apart() {
        let input = "---\ntitle: T\n---\nBody\n";
        let doc = scan(input, None);
        assert_eq!(doc.front_matter.as_ref().unwrap().span, Span::new(0, 17));
        assert_eq!(doc.paragraphs[0].block(), Span::new(17, 22));
    }
}
