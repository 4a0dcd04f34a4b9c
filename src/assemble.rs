//! The third pass: the document's parts, from the paragraphs' candidates.
//!
//! - The **body** runs from the first dash-led paragraph to the first byline
//!   or source line after it (or, failing one, to the end of the last turn's
//!   prose). Each dash opens a turn; an unmarked paragraph is a caption when
//!   it looks like one (a credit, an alt text beside its near-duplicate
//!   caption, a short third-person line naming someone) and otherwise
//!   continues the turn before it.
//! - The **header** before it holds the kicker (a line ending in `:` above
//!   the headline), the headline, the date line, the headline repeated as a
//!   photo's alt text, captions, a byline, and the lede.
//! - The **trailer** after it holds the byline, the source line and page
//!   furniture.
//!
//! Every paragraph and every run of blank lines becomes one [`Block`], so the
//! blocks cover the input exactly.

use crate::classify::{Class, Cues};
use crate::clean::Cleaned;
use crate::grammar::caption::Credited;
use crate::lang::Lexicon;
use crate::model::*;
use crate::resolve::HeaderParas;
use crate::scan::{Doc, Para};
use crate::{Error, Span};
use std::borrow::Cow;

/// The assembled document, before speakers and turn kinds are resolved.
pub(crate) struct Assembled<'a> {
    pub transcript: Transcript<'a>,
    /// The cues of each turn's first paragraph.
    pub cues: Vec<Cues>,
    /// Where the header speaks of people.
    pub header: HeaderParas,
    /// The byline's outlet (`VOV.VN`), when it gives one.
    pub byline_outlet: Option<Text<'a>>,
}

/// What a paragraph turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Kicker,
    Headline,
    Dateline,
    Lede,
    Caption(usize),
    Turn(usize),
    Byline,
    Source,
    Furniture,
}

/// The most words a headline or kicker runs to.
const HEADLINE_MAX_WORDS: usize = 40;
/// The most words a caption runs to.
const CAPTION_MAX_WORDS: usize = 45;
/// The longest caption, in bytes.
const CAPTION_MAX_BYTES: usize = 320;
/// Continuation paragraphs after the last turn, with no byline to end the
/// body, need at least this many words.
const TAIL_PROSE_MIN_WORDS: usize = 6;

/// A slice of a paragraph's cleaned text, borrowing when it can.
pub(crate) fn sub<'a>(c: &Cleaned<'a>, r: std::ops::Range<usize>) -> Cow<'a, str> {
    match &c.text {
        Cow::Borrowed(s) => Cow::Borrowed(&s[r]),
        Cow::Owned(s) => Cow::Owned(s[r].to_string()),
    }
}

fn text_of<'a>(p: &Para<'a>) -> Text<'a> {
    Text {
        text: p.clean.text.clone(),
        span: p.span,
    }
}

fn sub_text<'a>(p: &Para<'a>, r: std::ops::Range<usize>) -> Text<'a> {
    let span = Span::new(p.clean.raw(r.start), p.clean.raw(r.end));
    Text {
        text: sub(&p.clean, r),
        span,
    }
}

/// Lower-case words, for comparing near-duplicates.
fn folded_words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(80)
        .map(str::to_lowercase)
        .collect()
}

/// Whether two paragraphs say nearly the same thing (an alt text and its
/// caption): most words of the shorter stand in the longer.
fn near_duplicate(a: &str, b: &str) -> bool {
    let (mut wa, mut wb) = (folded_words(a), folded_words(b));
    let (short, long) = (wa.len().min(wb.len()), wa.len().max(wb.len()));
    if short < 3 || long > short * 2 + 2 {
        return false;
    }
    wa.sort_unstable();
    wb.sort_unstable();
    let (mut i, mut j, mut common) = (0, 0, 0);
    while i < wa.len() && j < wb.len() {
        match wa[i].cmp(&wb[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    common * 10 >= short * 7
}

/// Whether a paragraph names someone or something: a capitalised word that
/// does not open a sentence.
fn names_someone(text: &str) -> bool {
    let mut opens_sentence = true;
    text.split_whitespace().any(|w| {
        let named = !opens_sentence && w.chars().next().is_some_and(|c| c.is_uppercase());
        opens_sentence = w.ends_with(['.', '!', '?', ':']);
        named
    })
}

/// Whether a text holds more than one sentence.
fn several_sentences(text: &str) -> bool {
    let mut words = text.split_whitespace().peekable();
    while let Some(w) = words.next() {
        let next_capital = words
            .peek()
            .is_some_and(|n| n.chars().next().is_some_and(char::is_uppercase));
        if w.len() > 3 && w.ends_with(['.', '!', '?']) && next_capital {
            return true;
        }
    }
    false
}

/// A short third-person line that names someone: a caption, in the body.
fn caption_shaped(text: &str, cues: &Cues) -> bool {
    (3..=CAPTION_MAX_WORDS).contains(&cues.words)
        && text.len() <= CAPTION_MAX_BYTES
        && !cues.first_person
        && !cues.ends_colon
        && !text.trim_end().ends_with(['?', '!', ':'])
        && names_someone(text)
        && !several_sentences(text)
}

struct Builder<'a, 'd> {
    paras: &'d [Para<'a>],
    classes: &'d [Class<'d>],
    parts: Vec<Part>,
    captions: Vec<Caption<'a>>,
    /// The paragraph holding each caption's text.
    caption_paras: Vec<usize>,
    turns: Vec<(Vec<usize>, Cues)>,
}

impl<'a, 'd> Builder<'a, 'd> {
    fn caption(&mut self, i: usize, alt: Option<usize>) -> usize {
        let p = &self.paras[i];
        let (text, credit) = match &self.classes[i].credit {
            Some(Credited { caption, credit }) if !caption.is_empty() => (
                sub(&p.clean, caption.clone()),
                credit.clone().map(|r| sub_text(p, r)),
            ),
            Some(Credited { credit, .. }) => {
                (p.clean.text.clone(), credit.clone().map(|r| sub_text(p, r)))
            }
            None => (p.clean.text.clone(), None),
        };
        let alt_text = alt.map(|a| text_of(&self.paras[a]));
        let start = alt.map_or(p.span.start, |a| self.paras[a].span.start);
        let idx = self.captions.len();
        self.caption_paras.push(i);
        self.captions.push(Caption {
            text,
            alt: alt_text,
            credit,
            span: Span::new(start, p.span.end),
        });
        if let Some(a) = alt {
            self.parts[a] = Part::Caption(idx);
        }
        self.parts[i] = Part::Caption(idx);
        idx
    }

    /// Gives a credit-only line (`Ảnh: Ngọc Hà`) to the caption before it, or
    /// makes the paragraph before it a caption.
    fn credit_line(&mut self, i: usize) -> bool {
        let credit_only = matches!(&self.classes[i].credit, Some(c) if c.caption.is_empty());
        if !credit_only || i == 0 {
            return false;
        }
        let prev = i - 1;
        match self.parts[prev] {
            Part::Caption(c) => {
                let p = &self.paras[i];
                let credit = self.classes[i]
                    .credit
                    .as_ref()
                    .and_then(|c| c.credit.clone());
                let cap = &mut self.captions[c];
                cap.credit = credit.map(|r| sub_text(p, r));
                cap.span = cap.span.cover(p.span);
                self.parts[i] = Part::Caption(c);
                true
            }
            Part::Turn(t) if self.classes[prev].dash.is_none() => {
                let paras = &mut self.turns[t].0;
                if paras.last() == Some(&prev) {
                    paras.pop();
                }
                let c = self.caption(prev, None);
                let p = &self.paras[i];
                let credit = self.classes[i]
                    .credit
                    .as_ref()
                    .and_then(|c| c.credit.clone());
                let cap = &mut self.captions[c];
                cap.credit = credit.map(|r| sub_text(p, r));
                cap.span = cap.span.cover(p.span);
                self.parts[i] = Part::Caption(c);
                true
            }
            _ => false,
        }
    }
}

/// Summarises what a document without turns holds, for the error message.
fn summary(paras: &[Para<'_>], classes: &[Class<'_>]) -> String {
    let datelines = classes.iter().filter(|c| c.dateline.is_some()).count();
    let bylines = classes.iter().filter(|c| c.byline.is_some()).count();
    let questions = classes.iter().filter(|c| c.cues.question >= 2.0).count();
    let mut parts = vec![format!(
        "the first reads \"{}\"",
        first_words(paras[0].text(), 8)
    )];
    if datelines > 0 {
        parts.push(format!("{datelines} date line(s)"));
    }
    if bylines > 0 {
        parts.push(format!("{bylines} byline(s)"));
    }
    parts.push(format!(
        "{questions} paragraph(s) ending in a question mark, none of them marked as a turn"
    ));
    parts.join("; ")
}

fn first_words(s: &str, n: usize) -> String {
    let mut words: Vec<&str> = s.split_whitespace().take(n + 1).collect();
    let more = words.len() > n;
    words.truncate(n);
    let mut out = words.join(" ");
    if more {
        out.push('…');
    }
    out
}

/// Assembles the document's parts.
pub(crate) fn assemble<'a>(
    input: &'a str,
    doc: &Doc<'a>,
    classes: &[Class<'_>],
    lex: &Lexicon,
) -> Result<Assembled<'a>, Error> {
    let paras = &doc.paragraphs;
    let n = paras.len();
    let Some(first_turn) = classes.iter().position(|c| c.dash.is_some()) else {
        return Err(Error::NoTurns {
            paragraphs: n,
            found: summary(paras, classes),
        });
    };
    let mut b = Builder {
        paras,
        classes,
        parts: vec![Part::Furniture; n],
        captions: Vec::new(),
        caption_paras: Vec::new(),
        turns: Vec::new(),
    };

    // The body ends at the first byline or source line after the first turn.
    let trailer_mark = (first_turn + 1..n).find(|&i| {
        classes[i].dash.is_none() && (classes[i].byline.is_some() || classes[i].source.is_some())
    });
    let mut body_end = trailer_mark.unwrap_or(n);
    if trailer_mark.is_none() {
        // No byline: the body ends with the last turn's prose.
        let last_dash = (first_turn..n)
            .rev()
            .find(|&i| classes[i].dash.is_some())
            .unwrap_or(first_turn);
        let mut end = last_dash + 1;
        if !classes[last_dash].cues.thanks {
            while end < n
                && classes[end].dash.is_none()
                && classes[end].cues.words >= TAIL_PROSE_MIN_WORDS
                && classes[end].cues.ends_sentence
            {
                end += 1;
            }
        }
        body_end = end;
    }

    // Header.
    header(&mut b, first_turn, lex);

    // Body.
    let mut i = first_turn;
    while i < body_end {
        let c = &classes[i];
        if c.dash.is_some() {
            b.turns.push((vec![i], c.cues));
            b.parts[i] = Part::Turn(b.turns.len() - 1);
            i += 1;
            continue;
        }
        let next_plain = i + 1 < body_end && classes[i + 1].dash.is_none();
        if next_plain && near_duplicate(paras[i].text(), paras[i + 1].text()) {
            b.caption(i + 1, Some(i));
            i += 2;
            continue;
        }
        if b.credit_line(i) {
            i += 1;
            continue;
        }
        let prev_ends =
            i == 0 || classes[i - 1].cues.ends_sentence || classes[i - 1].dash.is_some();
        if c.credit.is_some() || (prev_ends && caption_shaped(paras[i].text(), &c.cues)) {
            b.caption(i, None);
        } else if let Some(t) = b.turns.len().checked_sub(1) {
            b.turns[t].0.push(i);
            b.parts[i] = Part::Turn(t);
        }
        i += 1;
    }

    // Trailer: byline, source, furniture.
    let mut byline_at = (0..first_turn).find(|&i| b.parts[i] == Part::Byline);
    let mut source_at = None;
    for (i, c) in classes.iter().enumerate().skip(body_end) {
        if c.dash.is_some() {
            continue;
        }
        if byline_at.is_none() && c.byline.is_some() {
            byline_at = Some(i);
            b.parts[i] = Part::Byline;
        } else if source_at.is_none() && c.source.is_some() {
            source_at = Some(i);
            b.parts[i] = Part::Source;
        }
    }

    let byline = byline_at.and_then(|i| {
        let parts = classes[i].byline.as_ref()?;
        let p = &paras[i];
        let base = p.text().as_ptr() as usize;
        let names = parts
            .names
            .iter()
            .map(|nm| {
                let at = nm.as_ptr() as usize - base;
                sub(&p.clean, at..at + nm.len())
            })
            .collect();
        Some(Byline {
            text: p.clean.text.clone(),
            names,
            role: parts.role,
            span: p.span,
        })
    });
    let byline_outlet = byline_at.and_then(|i| {
        let o = classes[i].byline.as_ref()?.outlet?;
        let p = &paras[i];
        let at = o.as_ptr() as usize - p.text().as_ptr() as usize;
        Some(sub_text(p, at..at + o.len()))
    });
    let source = source_at.and_then(|i| {
        let s = classes[i].source?;
        let p = &paras[i];
        let at = s.as_ptr() as usize - p.text().as_ptr() as usize;
        Some(sub_text(p, at..at + s.len()))
    });

    let find = |part: Part| b.parts.iter().position(|&p| p == part);
    let kicker = find(Part::Kicker).map(|i| text_of(&paras[i]));
    let headline = find(Part::Headline).map(|i| text_of(&paras[i]));
    let dateline = find(Part::Dateline).and_then(|i| {
        let d = classes[i].dateline?;
        let p = &paras[i];
        let place = d.place.map(|pl| {
            let at = pl.as_ptr() as usize - p.text().as_ptr() as usize;
            sub(&p.clean, at..at + pl.len())
        });
        Some(Dateline {
            text: p.clean.text.clone(),
            date: d.date,
            time: d.time,
            utc_offset: d.utc_offset,
            weekday: d.weekday,
            place,
            span: p.span,
        })
    });
    let lede_paras: Vec<usize> = (0..n).filter(|&i| b.parts[i] == Part::Lede).collect();
    let lede = join(paras, &lede_paras);

    let mut turns = Vec::with_capacity(b.turns.len());
    let mut cues = Vec::with_capacity(b.turns.len());
    for (ps, c) in &b.turns {
        turns.push(make_turn(paras, classes, ps));
        cues.push(*c);
    }

    let blocks = blocks(input, doc, &b.parts);
    let header_captions: Vec<usize> = b
        .caption_paras
        .iter()
        .copied()
        .filter(|&i| i < first_turn)
        .collect();
    let headline_para = find(Part::Headline);
    Ok(Assembled {
        transcript: Transcript {
            language: lex.language,
            kicker,
            headline,
            dateline,
            lede,
            outlet: None,
            participants: Vec::new(),
            turns,
            captions: b.captions,
            byline,
            source,
            blocks,
            diagnostics: Vec::new(),
        },
        cues,
        header: HeaderParas {
            captions: header_captions,
            lede: lede_paras,
            headline: headline_para,
        },
        byline_outlet,
    })
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
        span: paras[first].span.cover(paras[last].span),
    })
}

fn make_turn<'a>(paras: &[Para<'a>], classes: &[Class<'_>], idx: &[usize]) -> Turn<'a> {
    let first = &paras[idx[0]];
    let dash = classes[idx[0]].dash.expect("a turn opens with its marker");
    let marker = Marker {
        kind: MarkerKind::Dash,
        text: sub(&first.clean, 0..dash.dash.len()),
        span: Span::new(first.clean.raw(0), first.clean.raw(dash.dash.len())),
    };
    let mut paragraphs = Vec::with_capacity(idx.len());
    paragraphs.push(sub_text(first, dash.text_at..first.text().len()));
    for &i in &idx[1..] {
        paragraphs.push(text_of(&paras[i]));
    }
    let text = if paragraphs.len() == 1 {
        paragraphs[0].text.clone()
    } else {
        Cow::Owned(
            paragraphs
                .iter()
                .map(|p| p.text.as_ref())
                .collect::<Vec<_>>()
                .join("\n"),
        )
    };
    let last = &paras[*idx.last().expect("a turn has a paragraph")];
    Turn {
        kind: TurnKind::Remark,
        speaker: None,
        marker: Some(marker),
        paragraphs,
        text,
        span: Span::new(marker_start(first), last.span.end),
    }
}

fn marker_start(p: &Para<'_>) -> usize {
    p.span.start
}

/// Folds text for comparing a repeated headline.
fn fold(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Assigns the header's paragraphs; returns how many captions it holds.
fn header(b: &mut Builder<'_, '_>, end: usize, lex: &Lexicon) -> usize {
    let classes = b.classes;
    let paras = b.paras;
    let mut i = 0;
    let is_meta = |j: usize| classes[j].dateline.is_some() || classes[j].byline.is_some();
    // Kicker and headline.
    let headline_ok = |j: usize| {
        j < end
            && !is_meta(j)
            && classes[j].cues.words <= HEADLINE_MAX_WORDS
            && classes[j].credit.is_none()
    };
    let mut headline_text = None;
    if end >= 2
        && headline_ok(0)
        && classes[0].cues.ends_colon
        && headline_ok(1)
        && !classes[1].cues.ends_colon
    {
        b.parts[0] = Part::Kicker;
        b.parts[1] = Part::Headline;
        headline_text = Some(fold(paras[1].text()));
        i = 2;
    } else if headline_ok(0) && !classes[0].cues.ends_colon {
        b.parts[0] = Part::Headline;
        headline_text = Some(fold(paras[0].text()));
        i = 1;
    }
    let mut have_dateline = false;
    let mut have_byline = false;
    let mut pending_alt: Option<usize> = None;
    let before = b.captions.len();
    while i < end {
        let c = &classes[i];
        let text = paras[i].text();
        if !have_dateline && c.dateline.is_some() {
            b.parts[i] = Part::Dateline;
            have_dateline = true;
        } else if !have_byline && c.byline.is_some() {
            b.parts[i] = Part::Byline;
            have_byline = true;
        } else if headline_text.as_deref() == Some(fold(text).as_str()) && pending_alt.is_none() {
            pending_alt = Some(i);
        } else if let Some(alt) = pending_alt.take() {
            if c.cues.words <= CAPTION_MAX_WORDS {
                b.caption(i, Some(alt));
            } else {
                b.caption(alt, None);
                b.parts[i] = Part::Lede;
            }
        } else if i + 1 < end && near_duplicate(text, paras[i + 1].text()) {
            b.caption(i + 1, Some(i));
            i += 1;
        } else if b.credit_line(i) || c.credit.is_some() {
            if b.parts[i] != Part::Lede && !matches!(b.parts[i], Part::Caption(_)) {
                b.caption(i, None);
            }
        } else if header_caption_shaped(text, &c.cues, lex) {
            b.caption(i, None);
        } else {
            b.parts[i] = Part::Lede;
        }
        i += 1;
    }
    if let Some(alt) = pending_alt {
        b.caption(alt, None);
    }
    b.captions.len() - before
}

/// In the header, a caption is a short line that does not end like a
/// sentence, or a line introducing someone who gives the interview.
fn header_caption_shaped(text: &str, cues: &Cues, lex: &Lexicon) -> bool {
    if !(2..=CAPTION_MAX_WORDS).contains(&cues.words)
        || text.len() > CAPTION_MAX_BYTES
        || cues.ends_colon
    {
        return false;
    }
    if text.ends_with('?') {
        return false;
    }
    let intro = crate::grammar::speaker::intro(text, lex);
    !cues.ends_sentence && (names_someone(text) || intro.is_some())
}

/// The blocks: every paragraph with its part, every blank run, in order.
fn blocks(input: &str, doc: &Doc<'_>, parts: &[Part]) -> Vec<Block> {
    let mut out = Vec::with_capacity(doc.paragraphs.len() + doc.blanks.len());
    let mut blanks = doc.blanks.iter().peekable();
    for (p, part) in doc.paragraphs.iter().zip(parts) {
        while let Some(bl) = blanks.next_if(|bl| bl.start < p.block.start) {
            out.push(Block {
                kind: BlockKind::Blank,
                span: *bl,
                node: None,
            });
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
        };
        out.push(Block {
            kind,
            span: p.block,
            node,
        });
    }
    out.extend(blanks.map(|bl| Block {
        kind: BlockKind::Blank,
        span: *bl,
        node: None,
    }));
    debug_assert_eq!(out.last().map_or(0, |b| b.span.end), input.len());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alt_text_and_caption_are_near_duplicates() {
        assert!(near_duplicate(
            "Đồng chí Lương Văn Nam trao cờ cho các tổ chức cơ sở đảng",
            "Ông Lương Văn Nam trao cờ cho các tổ chức cơ sở đảng tiêu biểu"
        ));
        assert!(!near_duplicate(
            "Tôi nghĩ năm nay sẽ tốt hơn nhiều",
            "Ông Lương Văn Nam trao cờ cho các tổ chức"
        ));
        assert!(!near_duplicate("a b", "a b"));
    }

    #[test]
    fn captions_name_someone_in_the_third_person() {
        let lex = crate::lang::lexicon(Language::Vi);
        let c = |s: &str| caption_shaped(s, &crate::classify::cues(s, lex));
        assert!(c("Gia đình Hoàng Lan khi còn hạnh phúc."));
        assert!(!c("Tôi rất vui khi gặp lại Hà Nội."));
        assert!(!c("Đó là điều quan trọng nhất."));
    }
}
