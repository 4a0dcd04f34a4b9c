//! The third stage: what each paragraph is, decided for the whole document
//! at once, as a [`Layout`].
//!
//! - The **convention** ([`convention`]): which markers open turns (labels
//!   that recur, dashes, bold questions, readers' questions) and how
//!   unmarked paragraphs are read (answers after a question, questions
//!   without a marker).
//! - The **body** ([`body`]) runs from the first turn to the first byline,
//!   source line, notice or end time after it (or, failing one, to the end
//!   of the last turn's prose). A marked paragraph opens a turn; an unmarked
//!   one is furniture, a caption, an unmarked question or answer, or the
//!   continuation of the turn before it.
//! - The **header** ([`header`]) before it: kicker, headline, date line,
//!   locations, the headline repeated as a photo's alt text, captions, a
//!   byline, the lede.
//! - The **trailer** ([`trailer`]) after it: byline, source line, notices,
//!   page furniture, a lede the scraper moved to the end.
//! - **Captions** ([`captions`]) are one cascade for header and body; alt
//!   texts are paired with their captions by [`similarity`].
//! - **Sources** ([`sources`]): where the headline, date line, byline,
//!   source and outlet are read from (a paragraph, the front matter, a
//!   page's meta tag).
//!
//! Nothing here makes the model: the layout holds paragraph indexes and
//! ranges into their cleaned text, which `build` turns into nodes.

pub(crate) mod body;
pub(crate) mod captions;
pub(crate) mod convention;
pub(crate) mod header;
#[cfg(test)]
mod outline;
pub(crate) mod similarity;
pub(crate) mod sources;
pub(crate) mod trailer;

use crate::classify::{Class, Cues};
use crate::grammar::shape::Shape;
use crate::lang::Lexicon;
use crate::model::MarkerKind;
use crate::scan::{Doc, Para};
use crate::{Error, Span};
use captions::Builder;
pub(crate) use convention::Side;
pub(crate) use sources::{BylinePlan, DatelinePlan, HeadlinePlan, TextSource};
use std::ops::Range;
use std::rc::Rc;

/// What a paragraph is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    Kicker,
    Headline,
    Dateline,
    Lede,
    /// Part of caption `n`: its text, alt text or credit.
    Caption(usize),
    /// Part of turn `n`.
    Turn(usize),
    Byline,
    Source,
    Furniture,
    Heading,
    Location,
    Time,
    Notice,
    Annotation,
}

/// A label's facts, shared by every turn whose label says the same (a
/// briefing has a few speakers and thousands of turns).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct LabelFacts {
    /// The speaker's key (see [`crate::keys`]).
    pub key: Option<Box<str>>,
    /// The label as written.
    pub label: Option<Box<str>>,
    /// A bracketed note of the label (a reporter named in it).
    pub note: Option<Box<str>>,
}

/// A turn as the layout plans it: its paragraphs are those from `first`
/// to `last` whose part is this turn (captions and furniture may stand
/// between).
#[derive(Debug, Clone)]
///
/// Its paragraph indices and offsets are 32 bits (a briefing holds
/// thousands of plans; see `crate::MAX_INPUT_BYTES`): read them through
/// [`TurnPlan::first`], [`TurnPlan::last`] and the like.
pub(crate) struct TurnPlan {
    first: u32,
    last: u32,
    /// The side its marker puts it on.
    pub side: Side,
    /// The cues of its first paragraph that has any...
    pub cues: Cues,
    /// ...once read (a label standing alone has none: its speech's
    /// paragraph gives them).
    pub cued: bool,
    /// The written marker's kind, ending at `marker_end` in the first
    /// paragraph's cleaned text.
    pub marker: Option<MarkerKind>,
    marker_end: u32,
    /// Where the speech starts in the first paragraph's cleaned text.
    text_at: u32,
    pub label: Option<Rc<LabelFacts>>,
}

impl TurnPlan {
    /// A turn of paragraph `i` alone, on `side`, with `cues` if they were
    /// read, and no marker yet.
    pub(crate) fn new(i: usize, side: Side, cues: Option<Cues>) -> TurnPlan {
        TurnPlan {
            first: i as u32,
            last: i as u32,
            side,
            cues: cues.unwrap_or_default(),
            cued: cues.is_some(),
            marker: None,
            marker_end: 0,
            text_at: 0,
            label: None,
        }
    }

    /// Its first paragraph.
    pub(crate) fn first(&self) -> usize {
        self.first as usize
    }

    /// Its last paragraph.
    pub(crate) fn last(&self) -> usize {
        self.last as usize
    }

    /// Ends the turn at paragraph `i`.
    pub(crate) fn set_last(&mut self, i: usize) {
        self.last = i as u32;
    }

    /// Where the written marker ends in the first paragraph's cleaned text.
    pub(crate) fn marker_end(&self) -> usize {
        self.marker_end as usize
    }

    /// Where the speech starts in the first paragraph's cleaned text.
    pub(crate) fn text_at(&self) -> usize {
        self.text_at as usize
    }

    /// Sets the written marker, ending at `marker_end`, and where the
    /// speech starts.
    pub(crate) fn set_marker(
        &mut self,
        marker: Option<MarkerKind>,
        marker_end: usize,
        text_at: usize,
    ) {
        self.marker = marker;
        self.marker_end = marker_end as u32;
        self.text_at = text_at as u32;
    }

    /// The speaker's key, for labels.
    pub(crate) fn key(&self) -> Option<&str> {
        self.label.as_ref()?.key.as_deref()
    }

    /// The label as written.
    pub(crate) fn label(&self) -> Option<&str> {
        self.label.as_ref()?.label.as_deref()
    }

    /// A bracketed note of the label (a reporter named in it).
    pub(crate) fn note(&self) -> Option<&str> {
        self.label.as_ref()?.note.as_deref()
    }

    /// The turn's span: from its first paragraph to its last.
    pub(crate) fn span(&self, paras: &[Para<'_>]) -> Span {
        // The first paragraph's start and the last's end: each paragraph's
        // other end is not mapped back.
        let start = paras[self.first()].clean.raw(0);
        Span::new(start, paras[self.last()].clean.raw_end().max(start))
    }

    /// The written marker's span, when there is one.
    pub(crate) fn marker_span(&self, paras: &[Para<'_>]) -> Option<Span> {
        self.marker?;
        let clean = &paras[self.first()].clean;
        Some(Span::new(clean.raw(0), clean.raw(self.marker_end())))
    }
}

/// A caption as the layout plans it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CaptionPlan {
    /// The paragraph holding its text...
    pub para: usize,
    /// ...all of it, or this range (a Markdown image's alt text).
    pub text: Option<Range<usize>>,
    pub alt: Option<AltPlan>,
    /// The credit, in a paragraph's cleaned text.
    pub credit: Option<(usize, Range<usize>)>,
    pub span: Span,
}

/// Where a caption's alt text is read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum AltPlan {
    /// A paragraph's whole text.
    Para(usize),
    /// A range of a paragraph's cleaned text (a Markdown image's alt).
    Range(usize, Range<usize>),
    /// A page's `alt` attribute value at this span of the input.
    Attribute(Span),
}

/// Where the header speaks of people: its captions' and lede's paragraphs,
/// and the headline's.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct HeaderParas {
    /// The paragraphs holding the captions' texts, the header's first.
    pub captions: Vec<usize>,
    pub lede: Vec<usize>,
    pub headline: Option<usize>,
}

/// The document's layout: every paragraph's part, and the turns, captions
/// and sources of the header and trailer.
#[derive(Debug)]
pub(crate) struct Layout {
    /// Each paragraph's part.
    pub parts: Vec<Part>,
    pub turns: Vec<TurnPlan>,
    pub captions: Vec<CaptionPlan>,
    pub header: HeaderParas,
    pub headline: Option<HeadlinePlan>,
    pub dateline: Option<DatelinePlan>,
    pub byline: Option<BylinePlan>,
    /// The source line's name.
    pub source: Option<(usize, Range<usize>)>,
    /// The byline's outlet (`VOV.VN`), when it gives one.
    pub byline_outlet: Option<(usize, Range<usize>)>,
}

impl Layout {
    /// Turn `t`'s paragraphs, each with where its speech starts (after the
    /// marker in the first); paragraphs with no speech are passed over.
    pub(crate) fn turn_paragraphs<'s>(
        &'s self,
        t: usize,
        paras: &'s [Para<'_>],
    ) -> impl Iterator<Item = (usize, usize)> + 's {
        self.turn_paragraphs_of(&self.turns[t], t, paras)
    }

    /// [`Layout::turn_paragraphs`] of turn `t`, planned as `plan`.
    pub(crate) fn turn_paragraphs_of<'s>(
        &'s self,
        plan: &TurnPlan,
        t: usize,
        paras: &'s [Para<'_>],
    ) -> impl Iterator<Item = (usize, usize)> + 's {
        let (first, text_at) = (plan.first(), plan.text_at());
        // One step a paragraph (a briefing's thousands of turns hold one
        // or two each).
        (first..plan.last() + 1).filter_map(move |i| {
            if i != first && self.parts[i] != Part::Turn(t) {
                return None;
            }
            let text = paras[i].text();
            let from = if i == first {
                text_at.min(text.len())
            } else {
                0
            };
            // A blockquote's `>` is its syntax, not its speech.
            let from = match text[from..].strip_prefix('>') {
                Some(rest) => text.len() - rest.trim_start().len(),
                None => from,
            };
            (from < text.len()).then_some((i, from))
        })
    }

    /// The paragraphs of part `part`, in order.
    pub(crate) fn paras_of(&self, part: Part) -> impl Iterator<Item = usize> + '_ {
        (0..self.parts.len()).filter(move |&i| self.parts[i] == part)
    }
}

/// Lays the document out.
///
/// # Errors
/// [`Error::NoTurns`] when no paragraph opens a turn and nothing says the
/// document is a published statement.
pub(crate) fn layout(
    input: &str,
    doc: &Doc<'_>,
    classes: &mut [Class<'_>],
    lex: &Lexicon,
) -> Result<Layout, Error> {
    let paras = &doc.paragraphs;
    let n = paras.len();
    let mut style = convention::style(paras, classes, lex);
    // The labels were the convention's to read: their records go before
    // the turns are laid out (a briefing holds one a turn), the flag stays.
    for c in classes.iter_mut() {
        c.label = None;
    }
    let classes: &[Class<'_>] = classes;
    let first_turn = body::start(doc, classes, &style)?;
    let body_end = body::end(paras, classes, &style, first_turn, lex);
    let mut b = Builder::new(input, paras, classes, style.starts.count());
    header::header(&mut b, doc, first_turn, lex);
    body::body(&mut b, &style, first_turn..body_end, lex);
    let trailer = trailer::trailer(&mut b, first_turn, body_end, lex);
    let Builder {
        mut parts,
        captions,
        caption_paras,
        mut turns,
        ..
    } = b;
    let headline_para = parts.iter().position(|&p| p == Part::Headline);
    let sources = sources::sources(input, doc, classes, &mut parts, &trailer, lex);
    captions::turn_plans(&mut turns, &mut style.starts, paras, classes);
    drop(style);
    // The header's captions first, then the body's.
    let mut header_captions: Vec<usize> = caption_paras
        .iter()
        .copied()
        .filter(|&i| i < first_turn)
        .collect();
    header_captions.extend(caption_paras.iter().copied().filter(|&i| i >= first_turn));
    debug_assert_eq!(parts.len(), n);
    Ok(Layout {
        header: HeaderParas {
            captions: header_captions,
            lede: (0..n).filter(|&i| parts[i] == Part::Lede).collect(),
            headline: headline_para,
        },
        parts,
        turns,
        captions,
        headline: sources.headline,
        dateline: sources.dateline,
        byline: sources.byline,
        source: sources.source,
        byline_outlet: sources.byline_outlet,
    })
}

/// Whether a paragraph is furniture by its shape or content alone.
pub(crate) fn furniture_part(c: &Class<'_>) -> Option<Part> {
    match c.shape {
        Shape::Rule | Shape::Link | Shape::Comment => return Some(Part::Furniture),
        Shape::Image(alt) if alt.range().is_empty() => return Some(Part::Furniture),
        Shape::Heading => return Some(Part::Heading),
        _ => {}
    }
    if c.time().is_some() {
        return Some(Part::Time);
    }
    if c.annotation {
        return Some(Part::Annotation);
    }
    if c.notice {
        return Some(Part::Notice);
    }
    None
}

/// The range of `s`, a slice of `p`'s cleaned text.
pub(crate) fn range_in(p: &Para<'_>, s: &str) -> Range<usize> {
    let at = s.as_ptr() as usize - p.text().as_ptr() as usize;
    at..at + s.len()
}

#[cfg(test)]
mod tests;
