//! The last stage: the only place that makes the public model. It reads
//! the scanned paragraphs, the [`Layout`] and the [`Resolution`], and makes
//! every node: the blocks (every byte of the input in one), the header's
//! and trailer's texts, the captions, the turns with their paragraphs,
//! markers and annotations, then takes Markdown syntax out of the texts.
//!
//! The turns are made last, from the last back: each takes its
//! paragraphs' cleaned text instead of copying it, and the tables it is
//! made from shrink as the turns grow.

use crate::clean::clean_with;
use crate::grammar::annotation::annotations;
use crate::lang::Lexicon;
use crate::layout::sources::{folded_title, front_fields};
use crate::layout::{
    AltPlan, BylinePlan, CaptionPlan, DatelinePlan, HeadlinePlan, Layout, Part, TextSource,
    TurnPlan,
};
use crate::markdown::heading_range;
use crate::model::*;
use crate::resolve::Resolution;
use crate::scan::{Doc, Para};
use crate::span::Span32;
use crate::{Language, Span};
use std::borrow::Cow;
use std::ops::Range;

/// What the transcript is made from.
pub(crate) struct Parts<'a> {
    pub input: &'a str,
    pub doc: Doc<'a>,
    pub layout: Layout,
    pub resolution: Resolution<'a>,
    pub language: Language,
    /// Markdown syntax is taken out of every node's text.
    pub markdown: bool,
}

/// Makes the transcript.
pub(crate) fn build<'a>(parts: Parts<'a>, lex: &Lexicon) -> Transcript<'a> {
    let Parts {
        input,
        mut doc,
        mut layout,
        resolution,
        language,
        markdown,
    } = parts;
    let paras = &doc.paragraphs;
    let kicker = layout
        .paras_of(Part::Kicker)
        .next()
        .map(|i| heading_text(&paras[i]));
    let headline = layout.headline.map(|h| headline(h, &doc));
    let dateline = layout.dateline.as_ref().map(|d| dateline(d, input, &doc));
    let lede = join(paras, &layout.header.lede);
    let headings = layout
        .paras_of(Part::Heading)
        .map(|i| heading_text(&paras[i]))
        .collect();
    let captions = layout
        .captions
        .iter()
        .map(|c| caption(c, input, paras))
        .collect();
    let byline = layout.byline.as_ref().map(|b| byline(b, input, &doc));
    let in_para = |(i, r): (usize, Range<usize>)| sub_text(&paras[i], r);
    let source = layout.source.clone().map(in_para);
    let outlet = resolution
        .outlet
        .clone()
        .or_else(|| layout.byline_outlet.clone())
        .map(in_para);
    let mut notes = stage_directions(&layout, paras, lex);
    let front_span = doc.front_matter.as_ref().map(|f| f.span);
    let front_matter = doc.front_matter.take().map(|f| FrontMatter {
        format: f.format,
        fields: f.fields,
        span: f.span,
    });
    let Resolution {
        kinds,
        speakers,
        participants,
        diagnostics,
        ..
    } = resolution;
    let turns = turns(
        &mut layout,
        &mut doc.paragraphs,
        kinds,
        speakers,
        &mut notes,
        lex,
    );
    notes.sort_by_key(|a| a.span.start);
    // The blocks last: the turns' plans are gone by then, and the turns
    // hold the paragraphs' texts. The blocks read only each paragraph's
    // lines, kept in eight bytes, and its part: the paragraphs' records and
    // the rest of the layout go first.
    let lines: Vec<Span32> = doc
        .paragraphs
        .iter()
        .map(|p| Span32::of(p.block()))
        .collect();
    let (parts, blanks) = (
        std::mem::take(&mut layout.parts),
        std::mem::take(&mut doc.blanks),
    );
    drop((doc, layout));
    let blocks = blocks(input, front_span, &lines, &blanks, &parts);
    drop((lines, blanks, parts));
    let mut t = Transcript {
        schema_version: Transcript::SCHEMA_VERSION,
        language,
        kicker,
        headline,
        dateline,
        lede,
        outlet,
        participants,
        turns,
        captions,
        byline,
        source,
        blocks,
        front_matter,
        headings,
        annotations: notes,
        diagnostics,
    };
    if markdown {
        crate::markdown::strip_transcript(&mut t);
    }
    t
}

/// A paragraph's whole text, spanning it.
fn text_of<'a>(p: &Para<'a>) -> Text<'a> {
    Text {
        text: p.clean.text.clone(),
        span: p.span(),
    }
}

/// A range of a paragraph's cleaned text, spanning where it was written.
fn sub_text<'a>(p: &Para<'a>, r: Range<usize>) -> Text<'a> {
    let span = Span::new(p.clean.raw(r.start), p.clean.raw(r.end));
    Text {
        text: p.clean.sub(r),
        span,
    }
}

/// Like [`sub_text`], but the text is taken out of the paragraph (no copy
/// of a cleaned string): the paragraph is read no more.
fn take_text<'a>(p: &mut Para<'a>, r: Range<usize>) -> Text<'a> {
    let span = Span::new(p.clean.raw(r.start), p.clean.raw(r.end));
    Text {
        text: p.clean.take(r),
        span,
    }
}

/// An attribute value of a page's tag, at `at` of the input, cleaned.
fn attribute_text(input: &str, at: Span) -> Text<'_> {
    let clean = clean_with(at.slice(input), at.start, None);
    Text {
        span: Span::new(clean.raw(0), clean.raw_end()),
        text: clean.text,
    }
}

/// A heading's text without its Markdown marks (`## `, `**`).
fn heading_text<'a>(p: &Para<'a>) -> Text<'a> {
    sub_text(p, heading_range(p.text()))
}

/// Joins paragraphs' text with `\n`, spanning from the first to the last.
fn join<'a>(paras: &[Para<'a>], idx: &[usize]) -> Option<Text<'a>> {
    let (&first, &last) = (idx.first()?, idx.last()?);
    let text = if idx.len() == 1 {
        paras[first].clean.text.clone()
    } else {
        Cow::Owned(
            idx.iter()
                .map(|&i| paras[i].text())
                .collect::<Vec<_>>()
                .join("\n"),
        )
    };
    Some(Text {
        text,
        span: paras[first].span().cover(paras[last].span()),
    })
}

/// The text and span of a text source.
fn source_text<'a>(src: TextSource, input: &'a str, doc: &Doc<'a>) -> Text<'a> {
    match src {
        TextSource::Para(i) => text_of(&doc.paragraphs[i]),
        TextSource::Field(k) => {
            let f = &front_fields(doc)[k];
            Text {
                text: f.value.clone(),
                span: f.span,
            }
        }
        TextSource::Attribute(at) => attribute_text(input, at),
    }
}

fn headline<'a>(plan: HeadlinePlan, doc: &Doc<'a>) -> Text<'a> {
    match plan {
        HeadlinePlan::Para(i) => heading_text(&doc.paragraphs[i]),
        HeadlinePlan::Field(k) => {
            let f = &front_fields(doc)[k];
            let text = match folded_title(&f.value).expect("a title with words") {
                Cow::Borrowed(_) => f.value.clone(),
                Cow::Owned(folded) => Cow::Owned(folded),
            };
            Text { text, span: f.span }
        }
    }
}

fn dateline<'a>(plan: &DatelinePlan, input: &'a str, doc: &Doc<'a>) -> Dateline<'a> {
    let Text { text, span } = source_text(plan.text, input, doc);
    let in_para = |r: &Option<std::ops::Range<usize>>| match (plan.text, r) {
        (TextSource::Para(i), Some(r)) => Some(doc.paragraphs[i].clean.sub(r.clone())),
        _ => None,
    };
    let place = in_para(&plan.place);
    debug_assert_eq!(span, plan.span);
    Dateline {
        text,
        date: plan.date,
        time: plan.time,
        utc_offset: plan.utc_offset,
        zone: in_para(&plan.zone),
        weekday: plan.weekday,
        place,
        span,
    }
}

fn byline<'a>(plan: &BylinePlan, input: &'a str, doc: &Doc<'a>) -> Byline<'a> {
    let Text { text: whole, span } = source_text(plan.text, "", doc);
    // Part of a field's value: its own span when the value is the input's
    // text as written, the plan's otherwise.
    let (text, span) = match &plan.part {
        Some(r) => {
            let sub = sub_cow(&whole, r.clone());
            let at = match &sub {
                Cow::Borrowed(s) => input
                    .as_bytes()
                    .as_ptr_range()
                    .contains(&s.as_ptr())
                    .then(|| s.as_ptr() as usize - input.as_ptr() as usize),
                Cow::Owned(_) => None,
            };
            let span = at.map_or(plan.span, |at| Span::new(at, at + r.len()));
            (sub, span)
        }
        None => (whole.clone(), span),
    };
    let names = match (plan.text, &plan.names) {
        (TextSource::Para(i), Some(ranges)) => ranges
            .iter()
            .map(|r| doc.paragraphs[i].clean.sub(r.clone()))
            .collect(),
        (TextSource::Field(_), Some(ranges)) => {
            ranges.iter().map(|r| sub_cow(&whole, r.clone())).collect()
        }
        _ => vec![text.clone()],
    };
    Byline {
        text,
        names,
        role: plan.role,
        span,
    }
}

/// A range of a text that may borrow from the input.
fn sub_cow<'a>(text: &Cow<'a, str>, r: std::ops::Range<usize>) -> Cow<'a, str> {
    match text {
        Cow::Borrowed(s) => Cow::Borrowed(&s[r]),
        Cow::Owned(s) => Cow::Owned(s[r].to_string()),
    }
}

fn caption<'a>(plan: &CaptionPlan, input: &'a str, paras: &[Para<'a>]) -> Caption<'a> {
    let p = &paras[plan.para];
    let text = match &plan.text {
        Some(r) => p.clean.sub(r.clone()),
        None => p.clean.text.clone(),
    };
    let alt = plan.alt.as_ref().map(|a| match a {
        AltPlan::Para(i) => text_of(&paras[*i]),
        AltPlan::Range(i, r) => sub_text(&paras[*i], r.clone()),
        AltPlan::Attribute(at) => attribute_text(input, *at),
    });
    Caption {
        text,
        alt,
        credit: plan
            .credit
            .as_ref()
            .map(|(i, r)| sub_text(&paras[*i], r.clone())),
        span: plan.span,
    }
}

/// The stage directions standing alone as paragraphs.
fn stage_directions<'a>(layout: &Layout, paras: &[Para<'a>], lex: &Lexicon) -> Vec<Annotation<'a>> {
    let mut notes = Vec::new();
    for i in layout.paras_of(Part::Annotation) {
        let p = &paras[i];
        for (r, kind) in annotations(p.text(), lex) {
            let t = sub_text(p, r);
            notes.push(Annotation {
                kind,
                text: t.text,
                turn: None,
                span: t.span,
            });
        }
    }
    notes
}

/// The blocks: the front matter (at `front_matter`), every paragraph (over
/// its `lines`) with its part, every blank run, in order.
fn blocks(
    input: &str,
    front_matter: Option<Span>,
    lines: &[Span32],
    blanks: &[Span32],
    parts: &[Part],
) -> Vec<Block> {
    let front = usize::from(front_matter.is_some());
    let mut out = Vec::with_capacity(lines.len() + blanks.len() + front);
    if let Some(f) = front_matter {
        // Blank lines before the fence belong to it.
        out.push(Block {
            kind: BlockKind::FrontMatter,
            span: Span::new(0, f.end),
            node: None,
        });
    }
    let blank = |span: &Span32| Block {
        kind: BlockKind::Blank,
        span: span.span(),
        node: None,
    };
    let mut blanks = blanks.iter().peekable();
    for (line, part) in lines.iter().zip(parts) {
        let span = line.span();
        while let Some(bl) = blanks.next_if(|bl| bl.span().start < span.start) {
            out.push(blank(bl));
        }
        let (kind, node) = match *part {
            Part::Kicker => (BlockKind::Kicker, None),
            Part::Headline => (BlockKind::Headline, None),
            Part::Dateline => (BlockKind::Dateline, None),
            Part::Lede => (BlockKind::Lede, None),
            Part::Caption(c) => (BlockKind::Caption, Some(c)),
            Part::Turn(t) => (BlockKind::Turn, Some(t)),
            Part::Byline => (BlockKind::Byline, None),
            Part::Source => (BlockKind::Source, None),
            Part::Furniture => (BlockKind::Furniture, None),
            Part::Heading => (BlockKind::Heading, None),
            Part::Location => (BlockKind::Location, None),
            Part::Time => (BlockKind::Time, None),
            Part::Notice => (BlockKind::Notice, None),
            Part::Annotation => (BlockKind::Annotation, None),
        };
        out.push(Block { kind, span, node });
    }
    out.extend(blanks.map(blank));
    debug_assert_eq!(out.last().map_or(0, |b| b.span.end), input.len());
    out
}

/// Makes the turns, from the last back, each taking its paragraphs' text;
/// the annotations inside them go to `notes`.
fn turns<'a>(
    layout: &mut Layout,
    paras: &mut [Para<'a>],
    mut kinds: Vec<TurnKind>,
    mut speakers: Vec<Option<usize>>,
    notes: &mut Vec<Annotation<'a>>,
    lex: &Lexicon,
) -> Vec<Turn<'a>> {
    let mut plans = std::mem::take(&mut layout.turns);
    let mut turns = Vec::with_capacity(plans.len());
    // Each turn's paragraphs, in one buffer for every turn.
    let mut mine: Vec<(usize, usize)> = Vec::new();
    while let (Some(plan), Some(kind), Some(speaker)) = (plans.pop(), kinds.pop(), speakers.pop()) {
        let index = plans.len();
        mine.clear();
        mine.extend(layout.turn_paragraphs_of(&plan, index, paras));
        let mut turn = make_turn(paras, &plan, &mine, index, notes, lex);
        turn.kind = kind;
        turn.speaker = speaker;
        turns.push(turn);
        if plans.len() < plans.capacity() / 2 {
            plans.shrink_to_fit();
        }
    }
    turns.reverse();
    turns
}

/// Makes turn `index` of its `plan`, from its paragraphs `mine` (each with
/// where its speech starts).
fn make_turn<'a>(
    paras: &mut [Para<'a>],
    plan: &TurnPlan,
    mine: &[(usize, usize)],
    index: usize,
    notes: &mut Vec<Annotation<'a>>,
    lex: &Lexicon,
) -> Turn<'a> {
    let span = plan.span(paras);
    let marker = plan.marker.map(|kind| {
        let Text { text, span } = sub_text(&paras[plan.first()], 0..plan.marker_end());
        Marker { kind, text, span }
    });
    let mut paragraphs = Vec::with_capacity(mine.len());
    for &(pi, from) in mine {
        let p = &mut paras[pi];
        for (r, kind) in annotations(&p.text()[from..], lex) {
            let t = sub_text(p, from + r.start..from + r.end);
            notes.push(Annotation {
                kind,
                text: t.text,
                turn: Some(index),
                span: t.span,
            });
        }
        let r = from..p.text().len();
        paragraphs.push(take_text(p, r));
    }
    Turn {
        kind: TurnKind::Remark,
        speaker: None,
        marker,
        paragraphs,
        span,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Options, classify, lang, layout, resolve, scan_stage};

    /// Builds `text` as `parse` does.
    fn built(text: &str) -> Transcript<'_> {
        let scanned = scan_stage(text, &Options::default(), None).unwrap();
        let lex = lang::lexicon(scanned.language);
        let mut classes =
            classify::classify(text, &scanned.doc.paragraphs, lex, scanned.doc.markup);
        let layout = layout::layout(text, &scanned.doc, &mut classes, lex).unwrap();
        drop(classes);
        let resolution = resolve::resolve(&scanned.doc, &layout, lex);
        let parts = Parts {
            input: text,
            doc: scanned.doc,
            layout,
            resolution,
            language: scanned.language,
            markdown: scanned.markdown,
        };
        build(parts, lex)
    }

    #[test]
    fn the_blocks_cover_the_input_and_point_at_their_nodes() {
        let text = "Mùa vụ mới\n\n\n- Thưa ông, vụ mùa năm nay ra sao?\n- Năm nay được mùa.\n  \nÔng Nguyễn Văn Nam tại ruộng.\nẢnh: Ngọc Hà\n- Xin cảm ơn ông!\n";
        let t = built(text);
        let mut at = 0;
        for b in &t.blocks {
            assert_eq!(b.span.start, at, "{b:?}");
            at = b.span.end;
            match b.kind {
                BlockKind::Turn => assert!(b.node.unwrap() < t.turns.len()),
                BlockKind::Caption => assert!(b.node.unwrap() < t.captions.len()),
                _ => {}
            }
        }
        assert_eq!(at, text.len());
        assert_eq!(t.captions[0].credit.as_ref().unwrap().text, "Ngọc Hà");
    }

    #[test]
    fn a_turn_s_text_starts_after_its_marker_and_joins_its_paragraphs() {
        let text = "**Q:** Why *now*?\n\n**A:** Because the [port](https://x.y) reopened.\n\nIt took a year.\n\n**Q:** And now?\n\n**A:** Now it runs.\n";
        let t = built(text);
        let answer = &t.turns[1];
        assert_eq!(answer.marker.as_ref().unwrap().kind, MarkerKind::Answer);
        // Markdown is taken out of the texts, not of the spans.
        assert_eq!(answer.text(), "Because the port reopened.\nIt took a year.");
        assert_eq!(answer.paragraphs.len(), 2);
        assert_eq!(answer.paragraphs[1].span.slice(text), "It took a year.");
        assert_eq!(t.turns[0].text(), "Why now?");
    }
}
