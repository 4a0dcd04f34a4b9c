//! The trailer: the paragraphs after the body. The first byline and the
//! first source line in it are kept (a byline in the header counts as the
//! first), a photo credit is a caption; the rest is furniture by its
//! shape. A bare name on the first line after the body (in capitals
//! too) signs the piece;
//! the last paragraph of prose is the lede the scraper moved to the end,
//! when the header has none; a date line first after the body (a byline or
//! a source line before it or not) is the date line the page printed at
//! the end, when the header has none.

use super::captions::{Builder, names_a_body};
use super::{Part, furniture_part};
use crate::grammar::byline::signing_names;
use crate::lang::Lexicon;

/// A trailing paragraph needs this many words to be read as the lede.
const TRAILING_LEDE_MIN_WORDS: usize = 15;

/// Where the trailer (or the header) signs the piece.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Trailer {
    /// The byline's paragraph: the header's, or the trailer's first.
    pub byline_at: Option<usize>,
    /// The trailer's first source line.
    pub source_at: Option<usize>,
    /// A bare name signing the piece, when no byline does.
    pub bare_byline: Option<usize>,
    /// A date line after the body, when the header has none.
    pub dateline_at: Option<usize>,
}

/// Lays out the trailer, the paragraphs from `body_end` on.
pub(crate) fn trailer(
    b: &mut Builder<'_, '_>,
    first_turn: usize,
    body_end: usize,
    lex: &Lexicon,
) -> Trailer {
    let (paras, classes) = (b.paras, b.classes);
    let n = paras.len();
    let mut byline_at = (0..first_turn).find(|&i| b.parts[i] == Part::Byline);
    let mut source_at = None;
    for (i, c) in classes.iter().enumerate().skip(body_end) {
        let named = (byline_at.is_none() && c.byline().is_some())
            || (source_at.is_none() && c.source().is_some());
        if let Some(part) = furniture_part(c).filter(|_| !named) {
            b.parts[i] = part;
            continue;
        }
        if byline_at.is_none() && c.byline().is_some() {
            byline_at = Some(i);
            b.parts[i] = Part::Byline;
        } else if source_at.is_none() && c.source().is_some() {
            source_at = Some(i);
            b.parts[i] = Part::Source;
        } else if c.credit().is_some() && c.shape.is_text() {
            // A photo credit after the last turn (`Photo courtesy of …`)
            // is a caption, as it is anywhere else.
            b.caption(i, None);
        }
    }
    // A bare name on the first line after the last turn signs the piece,
    // in capitals too (`NGỌC ÁNH`, which reads as a heading by its shape),
    // unless it names a body (`HARBOUR ROWING CLUB`).
    let mut bare_byline = None;
    if byline_at.is_none() {
        let first = (body_end..n).find(|&i| paras[i].has_words());
        // One name or two, in bold or italics too (`**Tom Whitaker**`,
        // `Claire Dubois - Marc Vasseur`).
        let signs = |i: usize| {
            let t = paras[i].text();
            match b.parts[i] {
                Part::Furniture => signing_names(t, lex).is_some(),
                Part::Heading => signing_names(t, lex).is_some() && !names_a_body(t, lex),
                _ => false,
            }
        };
        if let Some(i) = first.filter(|&i| signs(i)) {
            b.parts[i] = Part::Byline;
            bare_byline = Some(i);
        }
    }
    // A date line printed after the body: the first paragraph with words
    // there that is not a byline or a source line, when the header has
    // none (the front matter's and a meta tag's still come first: see
    // sources).
    let mut dateline_at = None;
    if !b.parts[..first_turn].contains(&Part::Dateline) {
        let first = (body_end..n)
            .find(|&i| paras[i].has_words() && !matches!(b.parts[i], Part::Byline | Part::Source));
        // It gives a date: a place alone (`PARIS —`) is no date line there.
        let dated = |i: usize| classes[i].dateline().is_some_and(|d| d.date.is_some());
        // Further down (past a sidebar, related links), only a full stamp
        // of the page: date, time and zone or weekday (`19/03/14 09:41
        // GMT+7`), which a reader's comment does not print.
        let stamped = |i: usize| {
            classes[i].dateline().is_some_and(|d| {
                d.date.is_some()
                    && d.time.is_some()
                    && (d.zone.is_some() || d.utc_offset.is_some() || d.weekday.is_some())
            })
        };
        let first = first
            .filter(|&i| b.parts[i] == Part::Furniture && dated(i))
            .or_else(|| (body_end..n).find(|&i| b.parts[i] == Part::Furniture && stamped(i)));
        if let Some(i) = first {
            b.parts[i] = Part::Dateline;
            dateline_at = Some(i);
        }
    }
    // A lede the scraper moved after the body: the last paragraph of prose
    // in the trailer, when the header has none.
    if !b.parts[..first_turn].contains(&Part::Lede) {
        let last = (body_end..n).rev().find(|&i| paras[i].has_words());
        if let Some(i) = last.filter(|&i| {
            b.parts[i] == Part::Furniture
                && classes[i].shape.is_text()
                && classes[i].cues.words() >= TRAILING_LEDE_MIN_WORDS
                && classes[i].cues.ends_sentence
        }) {
            b.parts[i] = Part::Lede;
        }
    }
    Trailer {
        byline_at,
        source_at,
        bare_byline,
        dateline_at,
    }
}
