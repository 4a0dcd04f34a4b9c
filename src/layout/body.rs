//! The body: from the first turn to the trailer.
//!
//! It starts at the first paragraph the convention marks (or the first
//! unmarked question, where the convention reads those), and ends at the
//! first byline, source line, notice or end time after it that no label
//! follows; failing one, after the last turn's prose. A document with no
//! turn is refused, unless it says it is a published statement.

use super::captions::{
    Builder, caption_shaped, furniture_words, listing_form, pictured, pull_quote, under_image_cued,
    under_image_text,
};
use super::convention::{Side, Style, is_bare_question};
use super::similarity::{near_duplicate, several_sentences};
use super::{Part, furniture_part};
use crate::Error;
use crate::classify::Class;
use crate::grammar::byline::bare_name;
use crate::grammar::shape::Shape;
use crate::lang::Lexicon;
use crate::model::MarkerKind;
use crate::scan::{Doc, Para};

/// Continuation paragraphs after the last turn, with no byline to end the
/// body, need at least this many words.
const TAIL_PROSE_MIN_WORDS: usize = 6;

/// The most words of a crosshead that reads as a question.
const CROSSHEAD_MAX_WORDS: usize = 14;

/// How many paragraphs from the top a date line marks a statement.
const STATEMENT_HEADER: usize = 12;

/// Summarises what a document without turns holds, for the error message.
fn summary(paras: &[Para<'_>], classes: &[Class<'_>]) -> String {
    let datelines = classes.iter().filter(|c| c.dateline().is_some()).count();
    let bylines = classes.iter().filter(|c| c.byline().is_some()).count();
    let questions = classes.iter().filter(|c| c.cues.surely_question()).count();
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
/// Where the body starts: the first paragraph the convention marks, or
/// the first unmarked question where the convention reads those (an
/// unmarked question right before the first label opens it too); past
/// the last paragraph for a published statement without turns.
///
/// # Errors
/// [`Error::NoTurns`] when there is no turn and nothing (front matter, a
/// date line near the top) says the document is a published statement.
pub(crate) fn start(doc: &Doc<'_>, classes: &[Class<'_>], style: &Style) -> Result<usize, Error> {
    let paras = &doc.paragraphs;
    let n = paras.len();
    let first_bare = || {
        style
            .bare_questions
            .then(|| (1..n).find(|&i| is_bare_question(paras[i].text(), &classes[i])))
            .flatten()
    };
    let first_start = style.starts.iter().position(Option::is_some);
    // No turn at all: a published statement (front matter or a date line
    // says it is a press document) is still returned, every paragraph in
    // its header; anything else is no transcript.
    let published = doc.front_matter.is_some()
        || classes
            .iter()
            .take(STATEMENT_HEADER)
            .any(|c| c.dateline().is_some());
    let found = first_start.or_else(first_bare);
    if found.is_none() && !published {
        return Err(Error::NoTurns {
            paragraphs: n,
            found: summary(paras, classes),
        });
    }
    let mut first_turn = found.unwrap_or(n);
    // An unmarked question right before the first label opens the body.
    if style.bare_questions
        && first_turn > 0
        && is_bare_question(paras[first_turn - 1].text(), &classes[first_turn - 1])
    {
        first_turn -= 1;
    }
    Ok(first_turn)
}

/// Where the body ends: at the first byline, source line, notice or end
/// time after the first turn that no label follows; failing one, past the
/// last turn and the prose that goes on from it.
pub(crate) fn end(
    paras: &[Para<'_>],
    classes: &[Class<'_>],
    style: &Style,
    first_turn: usize,
    lex: &Lexicon,
) -> usize {
    let n = paras.len();
    let starts = &style.starts;
    // Labels after it mean the body goes on (a `by user` line under a
    // reader's question is no byline).
    let mut labels_after = vec![0usize; n + 1];
    for i in (0..n).rev() {
        let label = starts[i]
            .as_ref()
            .is_some_and(|s| s.marker != MarkerKind::Dash);
        labels_after[i] = labels_after[i + 1] + usize::from(label);
    }
    let trailer_mark = (first_turn + 1..n).find(|&i| {
        starts[i].is_none()
            && labels_after[i] == 0
            && (classes[i].byline().is_some()
                || classes[i].source().is_some()
                || classes[i].notice
                || classes[i].time() == Some(true))
    });
    match trailer_mark {
        Some(t) => signed_above(paras, classes, style, t, lex).unwrap_or(t),
        None if first_turn >= n => n,
        None => prose_end(paras, classes, style, first_turn),
    }
}

/// A name alone on its line right above the source line `t` that ends the
/// body (`Minh Khoa` over `(theo Báo Bắc Ninh)`) signs the piece, even
/// where the last answer runs on over unmarked paragraphs: the body ends
/// before it, and the trailer reads it as the byline.
fn signed_above(
    paras: &[Para<'_>],
    classes: &[Class<'_>],
    style: &Style,
    t: usize,
    lex: &Lexicon,
) -> Option<usize> {
    classes[t].source()?;
    let i = (0..t).rev().find(|&i| paras[i].has_words())?;
    (style.starts[i].is_none() && bare_name(paras[i].text(), lex)).then_some(i)
}

/// Past the last turn, and the paragraphs of prose that go on from it
/// (unless it is closing thanks), and the closing thanks after them where
/// questions are unmarked. Trailing time lines (`3:18 P.M. EDT`) stay out
/// of the body.
fn prose_end(paras: &[Para<'_>], classes: &[Class<'_>], style: &Style, first_turn: usize) -> usize {
    let n = paras.len();
    let starts = &style.starts;
    let asks = |i: usize| style.bare_questions && is_bare_question(paras[i].text(), &classes[i]);
    let last = (first_turn..n)
        .rev()
        .find(|&i| starts[i].is_some() || asks(i))
        .unwrap_or(first_turn);
    let mut end = last + 1;
    if classes[last].cues.thanks {
        return end;
    }
    let mut k = end;
    while k < n && starts[k].is_none() {
        // Markup between paragraphs (a line break) is passed over.
        if !paras[k].has_words() {
            k += 1;
            continue;
        }
        let goes_on = furniture_part(&classes[k])
            .is_none_or(|p| p == Part::Annotation || p == Part::Heading)
            && (classes[k].cues.words() >= TAIL_PROSE_MIN_WORDS && classes[k].cues.ends_sentence
                || classes[k].annotation
                || (style.quote_answers && classes[k].shape == Shape::Quote)
                || (k == last + 1 && starts[last].as_ref().is_some_and(|s| s.label_only)));
        if !goes_on {
            // Closing thanks after an unmarked answer: the interviewer's
            // last turn, and the body's end.
            let unmarked = style.bare_questions || style.implicit_answers;
            if unmarked && classes[k].cues.thanks && classes[k].shape.is_text() {
                end = k + 1;
            }
            break;
        }
        k += 1;
        end = k;
    }
    end
}

/// A caption guessed from its shape alone (no credit, image or alt text
/// beside it) runs to at most this many words: a line under a photo is
/// short, while an answer's paragraph that names someone in one long
/// sentence is not a caption.
const GUESSED_CAPTION_MAX_WORDS: usize = 25;

/// Lays out the body, the paragraphs of `range`.
pub(crate) fn body(
    b: &mut Builder<'_, '_>,
    style: &Style,
    range: std::ops::Range<usize>,
    lex: &Lexicon,
) {
    let mut pairs = AltPairs::new(range.clone());
    let caption_evidence = caption_evidence(b, style, range.clone(), &mut pairs);
    let mut body = Body {
        b,
        style,
        lex,
        end: range.end,
        caption_evidence,
        pending_speech: None,
        pairs,
    };
    let mut i = range.start;
    while i < range.end {
        i += body.paragraph(i);
    }
}

/// Whether short third-person lines may be taken for captions: the
/// document shows it carries photos (a credit, an alt text beside its
/// caption, an image, a caption in the header, or the dash-led news
/// interview shape).
fn caption_evidence(
    b: &Builder<'_, '_>,
    style: &Style,
    range: std::ops::Range<usize>,
    pairs: &mut AltPairs,
) -> bool {
    let n = b.paras.len();
    !b.captions.is_empty()
        || b.classes
            .iter()
            .any(|c| c.credit().is_some() || matches!(c.shape, Shape::Image(_)))
        || style
            .starts
            .iter()
            .flatten()
            .any(|s| s.marker == MarkerKind::Dash)
        || (range.start..n.min(range.end)).any(|i| i + 1 < n && pairs.alt_and_caption(b, style, i))
}

/// Not yet asked, in [`AltPairs`]' tables.
const UNASKED: u8 = 2;

/// [`alt_and_caption`] of each pair of the body's paragraphs, and whether
/// each paragraph is described (see there), each asked once: the search
/// for caption evidence and the layout of the body ask the same pairs,
/// and each paragraph stands in two pairs.
struct AltPairs {
    /// The body's first paragraph.
    start: usize,
    /// Pair `(start + k, start + k + 1)`'s answer, [`UNASKED`] before.
    pair: Vec<u8>,
    /// Paragraph `start + k`'s answer, [`UNASKED`] before.
    described: Vec<u8>,
}

impl AltPairs {
    /// Nothing asked yet, for the paragraphs of `range` (and the one
    /// after it).
    fn new(range: std::ops::Range<usize>) -> Self {
        let len = range.len() + 1;
        AltPairs {
            start: range.start,
            pair: vec![UNASKED; len],
            described: vec![UNASKED; len],
        }
    }

    /// [`alt_and_caption`] of paragraphs `i` and `i + 1`, `i` in the body.
    fn alt_and_caption(&mut self, b: &Builder<'_, '_>, style: &Style, i: usize) -> bool {
        let k = i - self.start;
        if self.pair[k] == UNASKED {
            let yes = self.described(b, style, i)
                && self.described(b, style, i + 1)
                && alt_and_caption(b, style, i);
            self.pair[k] = u8::from(yes);
        }
        self.pair[k] == 1
    }

    /// [`described`] of paragraph `i`, the body's or the one after it.
    fn described(&mut self, b: &Builder<'_, '_>, style: &Style, i: usize) -> bool {
        let k = i - self.start;
        if self.described[k] == UNASKED {
            self.described[k] = u8::from(described(b, style, i));
        }
        self.described[k] == 1
    }
}

/// Whether paragraph `k` may be an alt text or its caption: it opens no
/// turn, does not speak in the first person, and does not ask.
fn described(b: &Builder<'_, '_>, style: &Style, k: usize) -> bool {
    let cues = &b.classes[k].cues;
    style.starts[k].is_none() && !cues.first_person && !b.paras[k].text().contains('?')
}

/// Whether paragraphs `i` and `i + 1` read as an image's alt text and its
/// caption saying it again: neither opens a turn, neither is a list item,
/// field or link line ([`listing_form`]), neither speaks in the
/// first person nor asks (speakers echo each other: `Do we need to?` / `I
/// don't think we do.`), and the second repeats the first (two parallel
/// sentences of one speech are near duplicates, not repeats).
/// Both paragraphs are [`described`]: [`AltPairs`] asks that first, once
/// a paragraph.
fn alt_and_caption(b: &Builder<'_, '_>, style: &Style, i: usize) -> bool {
    debug_assert!(described(b, style, i) && described(b, style, i + 1));
    // The repeat, whose word counts are cached and rule most pairs out,
    // is asked before the form, which reads a whole paragraph several
    // times.
    let listed = |k: usize| listing_form(b.paras[k].text());
    b.repeats(i, i + 1) && !listed(i) && !listed(i + 1)
}

/// The body being laid out, a paragraph at a time.
struct Body<'b, 'a, 'd> {
    b: &'b mut Builder<'a, 'd>,
    style: &'b Style,
    lex: &'b Lexicon,
    end: usize,
    caption_evidence: bool,
    /// A turn whose label stood alone, waiting for its speech.
    pending_speech: Option<usize>,
    /// The alt text and caption pairs, each asked once.
    pairs: AltPairs,
}

impl Body<'_, '_, '_> {
    /// Lays out paragraph `i` (and the ones that go with it); how many
    /// paragraphs it took.
    fn paragraph(&mut self, i: usize) -> usize {
        let c = &self.b.classes[i];
        if let Some(st) = &self.style.starts[i] {
            self.b.open_turn(i, true, st.side);
            self.pending_speech = st.label_only.then(|| self.b.turns.len() - 1);
            return 1;
        }
        if let Some(t) = self.pending_speech.take() {
            if (c.shape.is_text() || c.shape == Shape::Bold) && !c.annotation {
                let b = &mut *self.b;
                b.turns[t].set_last(i);
                b.turns[t].cues = c.cues;
                b.turns[t].cued = true;
                b.parts[i] = Part::Turn(t);
                return 1;
            }
        }
        if let Some(part) = furniture_part(c) {
            self.b.parts[i] = part;
            return 1;
        }
        if let Some(taken) = self.image_or_quote(i) {
            return taken;
        }
        if let Some(taken) = self.caption(i) {
            return taken;
        }
        self.unmarked(i);
        1
    }

    /// Whether paragraph `i` opens no turn and is plain prose (or prose in
    /// italics, as Markdown often sets a caption).
    fn plain(&self, i: usize) -> bool {
        i < self.end && self.style.starts[i].is_none() && self.b.classes[i].shape.is_text()
    }

    /// An image (with the caption repeated after it) or a quote.
    fn image_or_quote(&mut self, i: usize) -> Option<usize> {
        let c = &self.b.classes[i];
        if let Shape::Image(alt) = &c.shape {
            // The caption repeated after the image goes with its alt text.
            let alt_text = &self.b.paras[i].text()[alt.range()];
            let repeated =
                self.plain(i + 1) && near_duplicate(alt_text, self.b.paras[i + 1].text());
            return Some(if repeated {
                self.b.caption(i + 1, Some(i));
                2
            } else {
                self.b.caption(i, None);
                1
            });
        }
        if c.shape == Shape::Quote && self.style.quote_answers {
            // Blockquotes hold the answers: the first after a question opens
            // one, the next go on with it.
            match self.b.turns.last().map(|t| t.side) {
                Some(Side::Ask) => self.b.open_turn(i, false, Side::Answer),
                Some(_) if self.b.continue_turn(i) => {}
                _ => self.b.parts[i] = Part::Furniture,
            }
            return Some(1);
        }
        if c.shape == Shape::Quote {
            // A quote inside a question (a reader's question) belongs to it;
            // inside an answer it is a pull quote.
            let in_question = self.b.turns.last().is_some_and(|t| t.side == Side::Ask);
            if in_question {
                self.b.continue_turn(i);
            } else {
                self.b.parts[i] = Part::Furniture;
            }
            return Some(1);
        }
        None
    }

    /// An alt text and its caption, a caption line, a line under an image,
    /// a credit line.
    fn caption(&mut self, i: usize) -> Option<usize> {
        let classes = self.b.classes;
        if self.plain(i + 1) && self.pairs.alt_and_caption(self.b, self.style, i) {
            self.b.caption(i + 1, Some(i));
            return Some(2);
        }
        if classes[i].caption_line {
            self.b.caption_line(i);
            return Some(1);
        }
        // A short line right under a page's image is its caption (what its
        // cues say asked first, then the markup, then its text).
        if self.plain(i)
            && under_image_cued(&classes[i])
            && self.b.under_image(i)
            && under_image_text(self.b.paras[i].text())
        {
            self.b.caption(i, None);
            return Some(1);
        }
        // A credit line before a caption line goes with it.
        if self.b.credit_only(i) && classes.get(i + 1).is_some_and(|n| n.caption_line) {
            return Some(1);
        }
        self.b.credit_line(i).then_some(1)
    }

    /// An unmarked paragraph: closing thanks, an unmarked question (or a
    /// crosshead), a caption, a pull quote, an unmarked answer, or the
    /// continuation of the turn before it.
    fn unmarked(&mut self, i: usize) {
        let (paras, classes, style) = (self.b.paras, self.b.classes, self.style);
        let c = &classes[i];
        // A widget's label or a link to another article: page furniture,
        // even between the paragraphs of a turn.
        if furniture_words(paras[i].text(), self.lex) {
            self.b.parts[i] = Part::Furniture;
            return;
        }
        let last_side = self.b.turns.last().map(|t| t.side);
        // Closing thanks after an unmarked answer: the interviewer's turn.
        if (style.bare_questions || style.implicit_answers)
            && c.cues.thanks
            && last_side == Some(Side::Answer)
        {
            return self.b.open_turn(i, false, Side::Ask);
        }
        if style.bare_questions
            && is_bare_question(paras[i].text(), c)
            && last_side != Some(Side::Ask)
        {
            // A short question right over another is a crosshead.
            let next_asks =
                i + 1 < self.end && is_bare_question(paras[i + 1].text(), &classes[i + 1]);
            if next_asks
                && c.cues.words() <= CROSSHEAD_MAX_WORDS
                && !several_sentences(paras[i].text())
            {
                self.b.parts[i] = Part::Heading;
            } else {
                self.b.open_turn(i, false, Side::Ask);
            }
            return;
        }
        // The line before ends a sentence, opens a turn, or is a caption
        // itself (two photos side by side, a caption under each).
        let prev_ends = i == 0
            || classes[i - 1].cues.ends_sentence
            || style.starts[i - 1].is_some()
            || matches!(self.b.parts[i - 1], Part::Caption(_));
        let guess = self.caption_evidence
            && !style.implicit_answers
            && prev_ends
            && caption_shaped(paras[i].text(), &c.cues)
            && c.cues.words() <= GUESSED_CAPTION_MAX_WORDS;
        // A line saying what a picture shows needs no other evidence.
        let depicts = prev_ends && pictured(paras[i].text(), c, self.lex);
        if c.credit().is_some() || guess || depicts {
            self.b.caption(i, None);
            return;
        }
        if style.implicit_answers && last_side == Some(Side::Ask) {
            // A pull quote between a question and its answer: a short line
            // all in quotation marks.
            if pull_quote(paras[i].text(), &c.cues) {
                self.b.parts[i] = Part::Furniture;
                return;
            }
            let t = self.b.turns.last().expect("a turn before");
            // A list item after the closing thanks (`* This interview is
            // part of our series …`) answers nothing.
            if classes[t.first()].cues.thanks && c.dash.is_some() {
                self.b.parts[i] = Part::Furniture;
                return;
            }
            // The question's own unmarked paragraphs (a reader's question
            // quoted under its heading) are not answers.
            if classes[t.last()].shape != Shape::Quote {
                return self.b.open_turn(i, false, Side::Answer);
            }
        }
        if !self.b.continue_turn(i) {
            self.b.parts[i] = Part::Lede;
        }
    }
}
