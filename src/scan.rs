//! The first pass: the input's lines, grouped into paragraphs with spans.
//!
//! Lines end at `\n`, `\r\n` or a lone `\r`. A line is blank when it holds
//! only white space or invisible characters (NBSP, tabs, U+200B, a BOM). Every
//! other line is a paragraph of its own: scraped news text puts one paragraph
//! on a line, with or without blank lines between them.
//!
//! Each paragraph has two spans: `span`, its trimmed raw text, and `block`,
//! from the start of its line to the end of its line terminator. The blocks
//! of the paragraphs and of the blank runs between them cover the input
//! exactly.

use crate::Span;
use crate::clean::{Cleaned, clean, is_blankish};

/// A paragraph: one non-blank line.
#[derive(Debug, Clone)]
pub(crate) struct Para<'a> {
    /// The trimmed raw text.
    pub span: Span,
    /// The whole line, terminator included.
    pub block: Span,
    /// The cleaned text.
    pub clean: Cleaned<'a>,
}

impl Para<'_> {
    pub fn text(&self) -> &str {
        &self.clean.text
    }
}

/// The scanned document.
#[derive(Debug, Clone)]
pub(crate) struct Doc<'a> {
    pub paragraphs: Vec<Para<'a>>,
    /// Runs of blank lines, terminators included.
    pub blanks: Vec<Span>,
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
        let rel = bytes[start..]
            .iter()
            .position(|&b| b == b'\n' || b == b'\r');
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

/// Scans `input` into paragraphs and blank runs.
pub(crate) fn scan(input: &str) -> Doc<'_> {
    let mut paragraphs = Vec::new();
    let mut blanks: Vec<Span> = Vec::new();
    for (content, next) in lines(input) {
        let raw = content.slice(input);
        if raw.chars().all(is_blankish) {
            match blanks.last_mut() {
                Some(last) if last.end == content.start => last.end = next,
                _ => blanks.push(Span::new(content.start, next)),
            }
            continue;
        }
        let clean = clean(raw, content.start);
        let span = Span::new(clean.raw(0), clean.raw_end());
        paragraphs.push(Para {
            span,
            block: Span::new(content.start, next),
            clean,
        });
    }
    Doc { paragraphs, blanks }
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn blank_lines_group_into_runs() {
        let input = "One\n\n\u{a0}\n \t\nTwo\n";
        let doc = scan(input);
        assert_eq!(doc.paragraphs.len(), 2);
        assert_eq!(doc.blanks, vec![Span::new(4, 11)]);
        assert_eq!(doc.paragraphs[1].block, Span::new(11, 15));
    }

    #[test]
    fn paragraph_span_is_trimmed_raw_text() {
        let input = "\u{feff}  Hello  \n";
        let doc = scan(input);
        assert_eq!(doc.paragraphs[0].span.slice(input), "Hello");
        assert_eq!(doc.paragraphs[0].block, Span::new(0, input.len()));
    }
}
