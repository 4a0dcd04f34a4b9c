//! The third pass: the document's parts, from the paragraphs' candidates and
//! the document's style.
//!
//! - The **body** runs from the first turn to the first byline, source line,
//!   notice or end time after it (or, failing one, to the end of the last
//!   turn's prose). A marked paragraph opens a turn. An unmarked one is, in
//!   order of precedence: the speech of a label that stood alone; furniture
//!   by its shape (a heading, a rule, an image, a link, a time, a notice, a
//!   stage direction); a caption (an alt text beside its near-duplicate
//!   caption, a credit, a short third-person line naming someone); an
//!   unmarked question or answer where the style says so; otherwise the
//!   continuation of the turn before it.
//! - The **header** before it holds the kicker (a line ending in `:` above
//!   the headline), the headline, the date line, location and time lines,
//!   the headline repeated as a photo's alt text, captions, a byline, and
//!   the lede.
//! - The **trailer** after it holds the byline, the source line, notices and
//!   page furniture.
//!
//! Every paragraph, every run of blank lines and the front matter become one
//! [`Block`] each, so the blocks cover the input exactly.

use crate::classify::{Class, Cues};
use crate::clean::Cleaned;
use crate::fnv::Fnv;
use crate::grammar::annotation::annotations;
use crate::grammar::byline::{bare_name, is_generic_reporter, looks_like_name};
use crate::grammar::caption::Credited;
use crate::grammar::is_alnum;
use crate::grammar::shape::Shape;
use crate::lang::Lexicon;
use crate::model::*;
use crate::resolve::HeaderParas;
use crate::scan::{Doc, Para};
use crate::style::{Side, Start, Style, is_bare_question};
use crate::{Error, Span};
use std::borrow::Cow;
use std::rc::Rc;

/// What the resolver needs to know of a turn beyond the model.
#[derive(Debug, Clone)]
pub(crate) struct TurnInfo {
    pub cues: Cues,
    pub side: Side,
    /// What the turn's label says, shared by every turn whose label says
    /// the same (a briefing has a few speakers and thousands of turns).
    labelled: Option<Rc<Labelled>>,
}

/// A label's facts.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Labelled {
    key: Option<Box<str>>,
    label: Option<Box<str>>,
    note: Option<Box<str>>,
}

/// Gives one shared copy of each distinct label's facts.
#[derive(Default)]
struct Labels(std::collections::HashSet<Rc<Labelled>>);

impl Labels {
    fn get(
        &mut self,
        key: Option<&str>,
        label: Option<&str>,
        note: Option<&str>,
    ) -> Option<Rc<Labelled>> {
        if key.is_none() && label.is_none() && note.is_none() {
            return None;
        }
        let facts = Labelled {
            key: key.map(Box::from),
            label: label.map(Box::from),
            note: note.map(Box::from),
        };
        if let Some(have) = self.0.get(&facts) {
            return Some(Rc::clone(have));
        }
        let new = Rc::new(facts);
        self.0.insert(Rc::clone(&new));
        Some(new)
    }
}

impl TurnInfo {
    /// The speaker's key, for labels.
    pub(crate) fn key(&self) -> Option<&str> {
        self.labelled.as_ref()?.key.as_deref()
    }

    /// The label as written.
    pub(crate) fn label(&self) -> Option<&str> {
        self.labelled.as_ref()?.label.as_deref()
    }

    /// A bracketed note of the label (a reporter named in it).
    pub(crate) fn note(&self) -> Option<&str> {
        self.labelled.as_ref()?.note.as_deref()
    }
}

/// The assembled document, before speakers and turn kinds are resolved.
pub(crate) struct Assembled<'a> {
    pub transcript: Transcript<'a>,
    pub info: Vec<TurnInfo>,
    /// Where the header speaks of people.
    pub header: HeaderParas,
    /// The byline's outlet (`VOV.VN`), when it gives one.
    pub byline_outlet: Option<Text<'a>>,
    /// The turns, decided but not yet made: [`make_turns`] makes them.
    pub pending: Pending,
}

/// Turns decided but not yet made, with what making them needs.
#[derive(Default)]
pub(crate) struct Pending {
    built: Vec<Building>,
    /// Each turn's marker and where its speech starts in its first paragraph.
    openings: Vec<Opening>,
    parts: Vec<Part>,
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
    Heading,
    Location,
    Time,
    Notice,
    Annotation,
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
/// A short line in the header, not ending like a sentence, is a caption
/// from this many words on (shorter ones are names or mastheads).
const HEADER_CAPTION_MIN_WORDS: usize = 4;
/// The most words of a crosshead that reads as a question.
const CROSSHEAD_MAX_WORDS: usize = 14;
/// The most words of a header field line (`**Quarter:** Q3 2025`).
const FIELD_MAX_WORDS: usize = 8;
/// A trailing paragraph needs this many words to be read as the lede.
const TRAILING_LEDE_MIN_WORDS: usize = 15;
/// How many paragraphs from the top a date line marks a statement.
const STATEMENT_HEADER: usize = 12;
/// The most words of a location line.
const LOCATION_MAX_WORDS: usize = 8;

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

/// Like [`sub_text`], but the text is taken out of the paragraph (no copy
/// of a cleaned string): the paragraph is read no more.
fn take_text<'a>(p: &mut Para<'a>, r: std::ops::Range<usize>) -> Text<'a> {
    let span = Span::new(p.clean.raw(r.start), p.clean.raw(r.end));
    Text {
        text: p.clean.take(r),
        span,
    }
}

/// An attribute value of a page's tag, cleaned, with its span; `at` is the
/// value's offset in the input.
fn attribute_text(value: &str, at: usize) -> Text<'_> {
    let clean = crate::clean::clean_with(value, at, None);
    Text {
        span: Span::new(clean.raw(0), clean.raw_end()),
        text: clean.text,
    }
}

/// The range of `s`, a slice of `p`'s cleaned text.
fn range_in(p: &Para<'_>, s: &str) -> std::ops::Range<usize> {
    let at = s.as_ptr() as usize - p.text().as_ptr() as usize;
    at..at + s.len()
}

/// The most words an alt text or a caption is taken to hold.
const MAX_CAPTION_WORDS: usize = 80;
// Word counts are cached in a byte, `u8::MAX` standing for "not yet".
const _: () = assert!(MAX_CAPTION_WORDS + 1 < u8::MAX as usize);

/// The words of `s` (runs of letters and digits) without case, each as a
/// hash, written to `out`; how many there were (no more than `out` holds).
fn word_hashes(s: &str, out: &mut [u64; MAX_CAPTION_WORDS + 1]) -> usize {
    use std::hash::Hasher;
    let mut n = 0;
    let mut h = Fnv::default();
    let mut in_word = false;
    for c in s.chars() {
        let alnum = is_alnum(c);
        if alnum {
            if c.is_ascii() {
                h.write_u32(u32::from(c.to_ascii_lowercase()));
            } else {
                c.to_lowercase().for_each(|l| h.write_u32(u32::from(l)));
            }
        }
        if !alnum && in_word {
            out[n] = h.finish();
            n += 1;
            h = Fnv::default();
            if n == out.len() {
                return n;
            }
        }
        in_word = alnum;
    }
    if in_word {
        out[n] = h.finish();
        n += 1;
    }
    n
}

/// How many words `word_hashes` would give, counting no further than one
/// past `MAX_CAPTION_WORDS`.
fn count_words(s: &str) -> usize {
    crate::grammar::count_runs(
        s,
        MAX_CAPTION_WORDS + 1,
        |b| b.is_ascii_alphanumeric(),
        is_alnum,
    )
}

/// Whether two paragraphs say nearly the same thing (an alt text and its
/// caption): most words of the shorter stand in the longer.
/// Both are short (alt texts and captions run to a few dozen words), and
/// counted before any word is folded, so that a pair of long answers costs
/// one cheap pass.
fn near_duplicate(a: &str, b: &str) -> bool {
    near_duplicate_counted((a, count_words(a)), (b, count_words(b)))
}

/// Whether texts of `na` and `nb` words may say the same thing: both hold
/// a few words, and neither holds much more than twice the other's.
fn comparable(na: usize, nb: usize) -> bool {
    let (short, long) = (na.min(nb), na.max(nb));
    short >= 3 && long <= MAX_CAPTION_WORDS && long <= short * 2 + 2
}

/// The set of `hashes` in 128 bits: bit `h % 128` of each (a caption's
/// forty words set about a quarter of them).
fn hash_bits(hashes: &[u64]) -> u128 {
    hashes.iter().fold(0, |bits, h| bits | 1 << (h % 128))
}

/// Whether texts of `na` and `nb` words, whose words' [`hash_bits`] are
/// `ba` and `bb`, may share seven words in ten of the shorter: a bit one
/// holds and the other lacks stands for a word at least that the other
/// lacks. Never false for a pair [`near_duplicate_counted`] accepts.
fn may_share(na: usize, ba: u128, nb: usize, bb: u128) -> bool {
    let only_a = (ba & !bb).count_ones() as usize;
    let only_b = (bb & !ba).count_ones() as usize;
    let most_common = na.saturating_sub(only_a).min(nb.saturating_sub(only_b));
    most_common * 10 >= na.min(nb) * 7
}

/// [`near_duplicate`] of two texts whose `count_words` is known.
fn near_duplicate_counted((a, na): (&str, usize), (b, nb): (&str, usize)) -> bool {
    if !comparable(na, nb) {
        return false;
    }
    let short = na.min(nb);
    let (mut ha, mut hb) = ([0u64; MAX_CAPTION_WORDS + 1], [0u64; MAX_CAPTION_WORDS + 1]);
    let (la, lb) = (word_hashes(a, &mut ha), word_hashes(b, &mut hb));
    let (wa, wb) = (&mut ha[..la], &mut hb[..lb]);
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

/// How many empty paragraphs (tags, white space) may stand between an image
/// and its caption.
const IMAGE_CAPTION_GAP: usize = 3;

/// A turn being built. Its paragraphs are those from `first` to `last`
/// whose part is this turn (captions and furniture may stand between), so
/// that a turn costs no allocation of its own.
struct Building {
    /// Its first paragraph; the style's start there, if any, opened it.
    first: usize,
    last: usize,
    side: Side,
    cues: Option<Cues>,
}

struct Builder<'a, 'd> {
    input: &'a str,
    paras: &'d [Para<'a>],
    classes: &'d [Class<'d>],
    parts: Vec<Part>,
    captions: Vec<Caption<'a>>,
    /// The paragraph holding each caption's text.
    caption_paras: Vec<usize>,
    turns: Vec<Building>,
    /// Each paragraph's `count_words`, counted when first asked
    /// (`u8::MAX`: not yet).
    words: Vec<std::cell::Cell<u8>>,
    /// The last two paragraphs' words as [`hash_bits`], with their
    /// paragraphs: pairs are compared in order, `(i, i + 1)` then
    /// `(i + 1, i + 2)`, so each paragraph is hashed once without a table
    /// of them all.
    word_bits: std::cell::Cell<[(usize, u128); 2]>,
}

impl<'a> Builder<'a, '_> {
    /// Whether paragraphs `i` and `j` say nearly the same thing. Each
    /// paragraph's words are hashed once into 128 bits, which rule out most
    /// pairs before their words are compared.
    fn near_duplicate(&self, i: usize, j: usize) -> bool {
        let (a, na) = self.counted(i);
        let (b, nb) = self.counted(j);
        comparable(na, nb)
            && may_share(na, self.word_bits(i), nb, self.word_bits(j))
            && near_duplicate_counted((a, na), (b, nb))
    }

    /// Paragraph `i`'s words as [`hash_bits`].
    fn word_bits(&self, i: usize) -> u128 {
        let [newer, older] = self.word_bits.get();
        if let Some(&(_, bits)) = [newer, older].iter().find(|&&(at, _)| at == i) {
            return bits;
        }
        let mut hashes = [0u64; MAX_CAPTION_WORDS + 1];
        let n = word_hashes(self.paras[i].text(), &mut hashes);
        debug_assert_eq!(n, self.counted(i).1);
        let bits = hash_bits(&hashes[..n]);
        self.word_bits.set([(i, bits), newer]);
        bits
    }

    /// Paragraph `i`'s text and word count.
    fn counted(&self, i: usize) -> (&str, usize) {
        let text = self.paras[i].text();
        let cell = &self.words[i];
        if cell.get() == u8::MAX {
            // count_words stops one past MAX_CAPTION_WORDS, below u8::MAX.
            cell.set(count_words(text) as u8);
        }
        (text, usize::from(cell.get()))
    }

    fn caption(&mut self, i: usize, alt: Option<usize>) -> usize {
        // On a page, the image just before a caption lends it its alt text.
        let img_alt = alt.is_none().then(|| self.image_alt(i)).flatten();
        let alt = alt.or(img_alt.as_ref().map(|&(a, _)| a));
        let img_alt = img_alt.map(|(_, t)| t);
        let p = &self.paras[i];
        let (text, credit) = match self.classes[i].credit() {
            Some(Credited { credit, .. }) => {
                (p.clean.text.clone(), credit.clone().map(|r| sub_text(p, r)))
            }
            None => match &self.classes[i].shape {
                Shape::Image(alt) => (sub(&p.clean, alt.clone()), None),
                _ => (p.clean.text.clone(), None),
            },
        };
        let alt_text = img_alt.or_else(|| {
            alt.map(|a| match &self.classes[a].shape {
                // A Markdown image's alt text, not its syntax.
                Shape::Image(r) => sub_text(&self.paras[a], r.clone()),
                _ => text_of(&self.paras[a]),
            })
        });
        let start = alt.map_or(p.span.start, |a| {
            let a = &self.paras[a];
            if a.text().is_empty() {
                a.block.start
            } else {
                a.span.start
            }
        });
        let idx = self.captions.len();
        self.caption_paras.push(i);
        self.captions.push(Caption {
            text,
            alt: alt_text,
            credit,
            span: Span::new(start, p.span.end),
        });
        if let Some(a) = alt {
            for k in a..i {
                self.parts[k] = Part::Caption(idx);
            }
        }
        self.parts[i] = Part::Caption(idx);
        idx
    }

    /// The alt text of a page's `<img>` just before caption `i`: in one of
    /// the few paragraphs before it that show no text of their own and are
    /// nothing but furniture. With the image's paragraph.
    fn image_alt(&self, i: usize) -> Option<(usize, Text<'a>)> {
        let mut a = i;
        for _ in 0..IMAGE_CAPTION_GAP {
            a = a.checked_sub(1)?;
            let p = &self.paras[a];
            if !p.text().is_empty() || self.parts[a] != Part::Furniture {
                return None;
            }
            let raw = p.block.slice(self.input);
            let Some((at, tag)) = crate::clean::tags(raw, "img").next() else {
                continue;
            };
            let (off, value) = crate::clean::attribute(tag, "alt")?;
            let text = attribute_text(value, p.block.start + at + off);
            return (!text.text.is_empty()).then_some((a, text));
        }
        None
    }

    /// A caption line (`Image caption …`), with the credit line just before
    /// it (`Image copyright …`) when there is one.
    fn caption_line(&mut self, i: usize) {
        let c = self.caption(i, None);
        if i == 0 || !self.credit_only(i - 1) || matches!(self.parts[i - 1], Part::Caption(_)) {
            return;
        }
        let p = &self.paras[i - 1];
        let credit = self.classes[i - 1].credit().and_then(|c| c.credit.clone());
        let cap = &mut self.captions[c];
        cap.credit = credit.map(|r| sub_text(p, r));
        cap.span = p.span.cover(cap.span);
        self.parts[i - 1] = Part::Caption(c);
    }

    fn credit_only(&self, i: usize) -> bool {
        matches!(self.classes[i].credit(), Some(c) if c.caption.is_empty())
    }

    /// Gives a credit-only line (`Ảnh: Ngọc Hà`) to the caption before it, or
    /// makes the paragraph before it a caption.
    fn credit_line(&mut self, i: usize) -> bool {
        let credit_only = matches!(self.classes[i].credit(), Some(c) if c.caption.is_empty());
        if !credit_only || i == 0 {
            return false;
        }
        let prev = i - 1;
        let c = match self.parts[prev] {
            Part::Caption(c) => c,
            Part::Turn(t) if self.turns[t].first < prev && self.turns[t].last == prev => {
                let turn = &mut self.turns[t];
                turn.last = (turn.first..prev)
                    .rev()
                    .find(|&j| self.parts[j] == Part::Turn(t))
                    .unwrap_or(turn.first);
                self.caption(prev, None)
            }
            Part::Lede => self.caption(prev, None),
            _ => return false,
        };
        let p = &self.paras[i];
        let credit = self.classes[i].credit().and_then(|c| c.credit.clone());
        let cap = &mut self.captions[c];
        cap.credit = credit.map(|r| sub_text(p, r));
        cap.span = cap.span.cover(p.span);
        self.parts[i] = Part::Caption(c);
        true
    }

    /// Opens a turn at paragraph `i`, by its marker (the style's start
    /// there) or without one.
    fn open_turn(&mut self, i: usize, marked: bool, side: Side) {
        let cues = marked.then(|| self.classes[i].cues);
        self.turns.push(Building {
            first: i,
            last: i,
            side,
            cues,
        });
        self.parts[i] = Part::Turn(self.turns.len() - 1);
    }

    fn continue_turn(&mut self, i: usize) -> bool {
        let Some(t) = self.turns.len().checked_sub(1) else {
            return false;
        };
        self.turns[t].last = i;
        if self.turns[t].cues.is_none() {
            self.turns[t].cues = Some(self.classes[i].cues);
        }
        self.parts[i] = Part::Turn(t);
        true
    }
}

/// Summarises what a document without turns holds, for the error message.
fn summary(paras: &[Para<'_>], classes: &[Class<'_>]) -> String {
    let datelines = classes.iter().filter(|c| c.dateline().is_some()).count();
    let bylines = classes.iter().filter(|c| c.byline().is_some()).count();
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

/// Whether a paragraph is furniture by its shape or content alone.
fn furniture_part(c: &Class<'_>) -> Option<Part> {
    match c.shape {
        Shape::Rule | Shape::Link => return Some(Part::Furniture),
        Shape::Image(ref alt) if alt.is_empty() => return Some(Part::Furniture),
        Shape::Heading => return Some(Part::Heading),
        _ => {}
    }
    if c.time.is_some() {
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

/// Assembles the document's parts.
pub(crate) fn assemble<'a>(
    input: &'a str,
    doc: &Doc<'a>,
    classes: Vec<Class<'_>>,
    style: Style,
    lex: &Lexicon,
) -> Result<Assembled<'a>, Error> {
    let paras = &doc.paragraphs;
    let n = paras.len();
    let starts = &style.starts;
    let first_bare = || {
        style
            .bare_questions
            .then(|| (1..n).find(|&i| is_bare_question(paras[i].text(), &classes[i])))
            .flatten()
    };
    let first_start = starts.iter().position(Option::is_some);
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
            found: summary(paras, &classes),
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
    let mut b = Builder {
        input,
        paras,
        classes: &classes,
        parts: vec![Part::Furniture; n],
        captions: Vec::new(),
        caption_paras: Vec::new(),
        turns: Vec::with_capacity(starts.iter().flatten().count()),
        words: vec![std::cell::Cell::new(u8::MAX); n],
        word_bits: std::cell::Cell::new([(usize::MAX, 0); 2]),
    };

    // The body ends at the first byline, source, notice or end time after
    // the first turn.
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
                || classes[i].time == Some(true))
    });
    let body_end = match trailer_mark {
        Some(t) => t,
        None if first_turn >= n => n,
        None => {
            let asks =
                |i: usize| style.bare_questions && is_bare_question(paras[i].text(), &classes[i]);
            let last = (first_turn..n)
                .rev()
                .find(|&i| starts[i].is_some() || asks(i))
                .unwrap_or(first_turn);
            let mut end = last + 1;
            if !classes[last].cues.thanks {
                let mut k = end;
                while k < n && starts[k].is_none() {
                    // Markup between paragraphs (a line break) is passed over.
                    if !paras[k].text().chars().any(char::is_alphanumeric) {
                        k += 1;
                        continue;
                    }
                    let goes_on = furniture_part(&classes[k])
                        .is_none_or(|p| p == Part::Annotation || p == Part::Heading)
                        && (classes[k].cues.words >= TAIL_PROSE_MIN_WORDS
                            && classes[k].cues.ends_sentence
                            || classes[k].annotation
                            || (k == last + 1
                                && starts[last].as_ref().is_some_and(|s| s.label_only)));
                    if !goes_on {
                        break;
                    }
                    k += 1;
                    end = k;
                }
            }
            // Trailing time lines (`3:03 P.M. EDT`) stay out of the body.
            end
        }
    };

    header(&mut b, doc, first_turn, lex);

    // Short third-person lines are taken for captions only in a document
    // that shows it carries photos: a credit, an alt text beside its
    // caption, an image, a caption in the header, or the dash-led news
    // interview shape.
    let caption_evidence = !b.captions.is_empty()
        || classes
            .iter()
            .any(|c| c.credit().is_some() || matches!(c.shape, Shape::Image(_)))
        || starts
            .iter()
            .flatten()
            .any(|s| s.marker == MarkerKind::Dash)
        || (first_turn..n.min(body_end)).any(|i| i + 1 < n && b.near_duplicate(i, i + 1));

    // Body.
    let mut pending_speech: Option<usize> = None;
    let mut i = first_turn;
    while i < body_end {
        let c = &classes[i];
        if let Some(st) = &starts[i] {
            let side = st.side;
            let label_only = st.label_only;
            b.open_turn(i, true, side);
            pending_speech = label_only.then(|| b.turns.len() - 1);
            i += 1;
            continue;
        }
        if let Some(t) = pending_speech.take() {
            if matches!(c.shape, Shape::Prose | Shape::Bold) && !c.annotation {
                b.turns[t].last = i;
                b.turns[t].cues = Some(c.cues);
                b.parts[i] = Part::Turn(t);
                i += 1;
                continue;
            }
        }
        if let Some(part) = furniture_part(c) {
            b.parts[i] = part;
            i += 1;
            continue;
        }
        if let Shape::Image(alt) = &c.shape {
            // The caption repeated after the image goes with its alt text.
            let alt_text = &paras[i].text()[alt.clone()];
            let repeated = i + 1 < body_end
                && starts[i + 1].is_none()
                && classes[i + 1].shape == Shape::Prose
                && near_duplicate(alt_text, paras[i + 1].text());
            if repeated {
                b.caption(i + 1, Some(i));
                i += 2;
            } else {
                b.caption(i, None);
                i += 1;
            }
            continue;
        }
        if c.shape == Shape::Quote {
            // A quote inside a question (a reader's question) belongs to it;
            // inside an answer it is a pull quote.
            let in_question = b.turns.last().is_some_and(|t| t.side == Side::Ask);
            if in_question {
                b.continue_turn(i);
            } else {
                b.parts[i] = Part::Furniture;
            }
            i += 1;
            continue;
        }
        let next_plain =
            i + 1 < body_end && starts[i + 1].is_none() && classes[i + 1].shape == Shape::Prose;
        if next_plain && b.near_duplicate(i, i + 1) {
            b.caption(i + 1, Some(i));
            i += 2;
            continue;
        }
        if c.caption_line {
            b.caption_line(i);
            i += 1;
            continue;
        }
        // A credit line before a caption line goes with it.
        if b.credit_only(i) && classes.get(i + 1).is_some_and(|n| n.caption_line) {
            i += 1;
            continue;
        }
        if b.credit_line(i) {
            i += 1;
            continue;
        }
        let last_side = b.turns.last().map(|t| t.side);
        // Closing thanks after an unmarked answer: the interviewer's turn.
        if (style.bare_questions || style.implicit_answers)
            && c.cues.thanks
            && last_side == Some(Side::Answer)
        {
            b.open_turn(i, false, Side::Ask);
            i += 1;
            continue;
        }
        if style.bare_questions
            && is_bare_question(paras[i].text(), c)
            && last_side != Some(Side::Ask)
        {
            // A short question right over another is a crosshead.
            let next_asks =
                i + 1 < body_end && is_bare_question(paras[i + 1].text(), &classes[i + 1]);
            if next_asks
                && c.cues.words <= CROSSHEAD_MAX_WORDS
                && !several_sentences(paras[i].text())
            {
                b.parts[i] = Part::Heading;
            } else {
                b.open_turn(i, false, Side::Ask);
            }
            i += 1;
            continue;
        }
        let prev_ends = i == 0 || classes[i - 1].cues.ends_sentence || starts[i - 1].is_some();
        let guess = caption_evidence
            && !style.implicit_answers
            && prev_ends
            && caption_shaped(paras[i].text(), &c.cues);
        if c.credit().is_some() || guess {
            b.caption(i, None);
            i += 1;
            continue;
        }
        // A pull quote between a question and its answer: a short line all
        // in quotation marks.
        if style.implicit_answers
            && last_side == Some(Side::Ask)
            && pull_quote(paras[i].text(), &c.cues)
        {
            b.parts[i] = Part::Furniture;
            i += 1;
            continue;
        }
        if style.implicit_answers && last_side == Some(Side::Ask) {
            let t = b.turns.last().expect("a turn before");
            let last_para = t.last;
            // The question's own unmarked paragraphs (a reader's question
            // quoted under its heading) are not answers.
            let question_goes_on = classes[last_para].shape == Shape::Quote;
            if !question_goes_on {
                b.open_turn(i, false, Side::Answer);
                i += 1;
                continue;
            }
        }
        if !b.continue_turn(i) {
            b.parts[i] = Part::Lede;
        }
        i += 1;
    }

    // Trailer: byline, source, notices, furniture.
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
        }
    }
    // A bare name on the first line after the last turn signs the piece.
    let mut bare_byline = None;
    if byline_at.is_none() {
        let first = (body_end..n).find(|&i| paras[i].text().chars().any(char::is_alphanumeric));
        if let Some(i) =
            first.filter(|&i| b.parts[i] == Part::Furniture && bare_name(paras[i].text(), lex))
        {
            b.parts[i] = Part::Byline;
            bare_byline = Some(i);
        }
    }
    // A lede the scraper moved after the body: the last paragraph of prose
    // in the trailer, when the header has none.
    if !b.parts[..first_turn].contains(&Part::Lede) {
        let last = (body_end..n)
            .rev()
            .find(|&i| paras[i].text().chars().any(char::is_alphanumeric));
        if let Some(i) = last.filter(|&i| {
            b.parts[i] == Part::Furniture
                && classes[i].shape == Shape::Prose
                && classes[i].cues.words >= TRAILING_LEDE_MIN_WORDS
                && classes[i].cues.ends_sentence
        }) {
            b.parts[i] = Part::Lede;
        }
    }

    let byline = bare_byline.map(|i| {
        let p = &paras[i];
        Byline {
            text: p.clean.text.clone(),
            names: vec![p.clean.text.clone()],
            role: BylineRole::Author,
            span: p.span,
        }
    });
    let byline = byline.or_else(|| {
        byline_at.and_then(|i| {
            let parts = classes[i].byline()?;
            let p = &paras[i];
            let names = parts
                .names
                .iter()
                .map(|nm| sub(&p.clean, range_in(p, nm)))
                .collect();
            Some(Byline {
                text: p.clean.text.clone(),
                names,
                role: parts.role,
                span: p.span,
            })
        })
    });
    // Failing one in the text, the front matter's author, unless it is a
    // placeholder (`Staff Writer`).
    let byline = byline.or_else(|| {
        let f = doc.front_matter.as_ref()?;
        let a = field(f, &AUTHOR_KEYS)?;
        let name = a.value.trim();
        // A person's name, not a site (`formula1.com`) or a placeholder.
        let ok = looks_like_name(name) && !is_generic_reporter(name, lex);
        ok.then(|| Byline {
            text: a.value.clone(),
            names: vec![a.value.clone()],
            role: BylineRole::Author,
            span: a.span,
        })
    });
    let byline_outlet = byline_at.and_then(|i| {
        let o = classes[i].byline()?.outlet?;
        let p = &paras[i];
        Some(sub_text(p, range_in(p, o)))
    });
    let source = source_at.and_then(|i| {
        let s = classes[i].source()?;
        let p = &paras[i];
        Some(sub_text(p, range_in(p, s)))
    });

    let find = |part: Part| b.parts.iter().position(|&p| p == part);
    let kicker = find(Part::Kicker).map(|i| heading_text(&paras[i]));
    let headline_para = find(Part::Headline);
    let headline = headline_para.map(|i| heading_text(&paras[i]));
    let dateline = find(Part::Dateline).and_then(|i| {
        let d = classes[i].dateline()?;
        let p = &paras[i];
        Some(Dateline {
            text: p.clean.text.clone(),
            date: d.date,
            time: d.time,
            utc_offset: d.utc_offset,
            zone: d.zone.map(|z| sub(&p.clean, range_in(p, z))),
            weekday: d.weekday,
            place: d.place.map(|pl| sub(&p.clean, range_in(p, pl))),
            span: p.span,
        })
    });
    let (headline, dateline) = match doc.front_matter.as_ref() {
        Some(f) => (
            headline.or_else(|| front_title(f)),
            dateline.or_else(|| front_dateline(f)),
        ),
        None => (headline, dateline),
    };
    // A date read from a page's meta tag, when the text shows none: the
    // paragraph holding the tag becomes the date line's block, so the tag
    // must stand whole in a paragraph of furniture (a tag the text reads as
    // words, cut by a line break inside it, gives no date).
    let mut meta_para = None;
    let dateline = dateline.or_else(|| {
        let d = doc.markup.then(|| meta_dateline(input)).flatten()?;
        let i = paras.partition_point(|p| p.block.end <= d.span.start);
        let holds = i < n
            && paras[i].block.start <= d.span.start
            && d.span.end <= paras[i].block.end
            && b.parts[i] == Part::Furniture;
        holds.then(|| {
            meta_para = Some(i);
            d
        })
    });
    // What follows reads the paragraphs and what the builder made of them:
    // the classes and the style go first, so that a long document's peak
    // memory holds two tables a paragraph fewer.
    let Builder {
        mut parts,
        captions,
        caption_paras,
        turns: mut built,
        ..
    } = b;
    for bt in &mut built {
        bt.cues = bt.cues.or(Some(classes[bt.first].cues));
    }
    drop(classes);
    let lede_paras: Vec<usize> = (0..n).filter(|&i| parts[i] == Part::Lede).collect();
    let lede = join(paras, &lede_paras);
    let headings = (0..n)
        .filter(|&i| parts[i] == Part::Heading)
        .map(|i| heading_text(&paras[i]))
        .collect();

    // What the turns' markers say, and where each marker and speech stand;
    // then the style goes too.
    let mut starts = style.starts;
    let mut info = Vec::with_capacity(built.len());
    let mut openings = Vec::with_capacity(built.len());
    let mut shared = Labels::default();
    for bt in &built {
        let first = bt.first;
        let start = starts.take(first);
        let text = paras[first].text();
        openings.push(Opening::of(start.as_ref()));
        let labelled = start.and_then(|s| {
            shared.get(
                s.key.as_deref(),
                s.name().map(|r| &text[r]).or(s.label_elsewhere.as_deref()),
                s.note().map(|r| &text[r]),
            )
        });
        info.push(TurnInfo {
            cues: bt.cues.unwrap_or_default(),
            side: bt.side,
            labelled,
        });
    }
    drop(starts);
    let mut notes = Vec::new();
    // Stage directions standing alone.
    for i in (0..n).filter(|&i| parts[i] == Part::Annotation) {
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
    notes.sort_by_key(|a| a.span.start);

    let front_matter = doc.front_matter.as_ref().map(|f| FrontMatter {
        format: f.format,
        fields: f.fields.clone(),
        span: f.span,
    });
    if let Some(i) = meta_para {
        parts[i] = Part::Dateline;
    }
    let blocks = blocks(input, doc, &parts);
    // The header's captions first, then the body's.
    let mut header_captions: Vec<usize> = caption_paras
        .iter()
        .copied()
        .filter(|&i| i < first_turn)
        .collect();
    header_captions.extend(caption_paras.iter().copied().filter(|&i| i >= first_turn));
    Ok(Assembled {
        transcript: Transcript {
            language: lex.language,
            kicker,
            headline,
            dateline,
            lede,
            outlet: None,
            participants: Vec::new(),
            turns: Vec::new(),
            captions,
            byline,
            source,
            blocks,
            front_matter,
            headings,
            annotations: notes,
            diagnostics: Vec::new(),
        },
        info,
        header: HeaderParas {
            captions: header_captions,
            lede: lede_paras,
            headline: headline_para,
        },
        byline_outlet,
        pending: Pending {
            built,
            openings,
            parts,
        },
    })
}

/// Front matter keys that hold the title, the publication time and the date.
const TITLE_KEYS: [&str; 3] = ["title", "post_title", "headline"];
const PUBLISHED_KEYS: [&str; 5] = [
    "published_time",
    "publishDate",
    "pubDate",
    "published",
    "date_published",
];
const DATE_KEYS: [&str; 3] = ["date", "post_date", "created"];
const AUTHOR_KEYS: [&str; 2] = ["author", "byline"];

fn field<'f, 'a>(f: &'f crate::frontmatter::Found<'a>, keys: &[&str]) -> Option<&'f Field<'a>> {
    keys.iter()
        .find_map(|k| f.fields.iter().find(|x| x.key == *k))
}

/// The front matter's title, white space folded.
fn front_title<'a>(f: &crate::frontmatter::Found<'a>) -> Option<Text<'a>> {
    let t = field(f, &TITLE_KEYS)?;
    let folded = t.value.split_whitespace().collect::<Vec<_>>().join(" ");
    (!folded.is_empty()).then(|| Text {
        text: if folded == t.value {
            t.value.clone()
        } else {
            Cow::Owned(folded)
        },
        span: t.span,
    })
}

/// The front matter's date: the date field's day, with the publication
/// time when it falls on that day.
fn front_dateline<'a>(f: &crate::frontmatter::Found<'a>) -> Option<Dateline<'a>> {
    use crate::grammar::dateline::iso_datetime;
    let published = field(f, &PUBLISHED_KEYS).and_then(|x| Some((x, iso_datetime(&x.value)?)));
    let dated = field(f, &DATE_KEYS).and_then(|x| Some((x, iso_datetime(&x.value)?)));
    let (src, (date, mut time, mut offset)) = dated.or(published)?;
    if let (Some((_, (pd, pt, po))), None) = (published, time) {
        if pd == date {
            time = pt;
            offset = po;
        }
    }
    Some(Dateline {
        text: src.value.clone(),
        date: Some(date),
        time,
        utc_offset: offset,
        zone: None,
        weekday: None,
        place: None,
        span: src.span,
    })
}

/// The names a page's `<meta>` tags give its publication date under.
const PUBLISHED_META: [&str; 9] = [
    "article:published_time",
    "og:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "dc.date.issued",
    "dc.date",
    "date",
    "parsely-pub-date",
];

/// A page's publication date from its `<meta>` tags, when the page shows
/// none: the first tag whose name is one of [`PUBLISHED_META`] and whose
/// content is an ISO date.
fn meta_dateline(input: &str) -> Option<Dateline<'_>> {
    use crate::clean::{attribute, tags};
    use crate::grammar::dateline::iso_datetime;
    tags(input, "meta").find_map(|(at, tag)| {
        let (_, name) = ["property", "name", "itemprop"]
            .iter()
            .find_map(|a| attribute(tag, a))?;
        if !PUBLISHED_META
            .iter()
            .any(|m| m.eq_ignore_ascii_case(name.trim()))
        {
            return None;
        }
        let (off, value) = attribute(tag, "content")?;
        let (date, time, utc_offset) = iso_datetime(value)?;
        let Text { text, span } = attribute_text(value, at + off);
        Some(Dateline {
            span,
            text,
            date: Some(date),
            time,
            utc_offset,
            zone: None,
            weekday: None,
            place: None,
        })
    })
}

/// A heading's text without its Markdown marks (`## `, `**`).
fn heading_text<'a>(p: &Para<'a>) -> Text<'a> {
    let t = p.text();
    let start = t.len() - t.trim_start_matches('#').trim_start().len();
    let mut r = start..t.len();
    let inner = &t[r.clone()];
    for m in ["**", "__"] {
        if inner.len() > 4 && inner.starts_with(m) && inner.ends_with(m) {
            r = r.start + 2..r.end - 2;
            break;
        }
    }
    let inner = &t[r.clone()];
    let trimmed = inner.trim_end_matches(['#', ' ']);
    r.end = r.start + trimmed.len();
    sub_text(p, r)
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

/// Where a turn's marker and speech stand in its first paragraph, kept in
/// a few bytes until the turn is made.
#[derive(Debug, Clone, Copy)]
struct Opening {
    /// The marker's kind, when the turn has a written marker (it ends at
    /// `marker_end`, starting the text).
    marker: Option<MarkerKind>,
    marker_end: u32,
    text_at: u32,
}

impl Opening {
    fn of(start: Option<&Start>) -> Opening {
        // A start's offsets are held in 32 bits already.
        let small = |x: usize| u32::try_from(x).unwrap_or(u32::MAX);
        match start {
            Some(st) => Opening {
                marker: (st.marker_range().end > 0).then_some(st.marker),
                marker_end: small(st.marker_range().end),
                text_at: small(st.text_at()),
            },
            None => Opening {
                marker: None,
                marker_end: 0,
                text_at: 0,
            },
        }
    }

    /// The marker, in the turn's first paragraph.
    fn marker<'a>(self, first: &Para<'a>) -> Option<Marker<'a>> {
        let kind = self.marker?;
        let Text { text, span } = sub_text(first, 0..self.marker_end as usize);
        Some(Marker { kind, text, span })
    }
}

/// Makes the turns [`assemble`] decided, once the classes that borrowed the
/// paragraphs are gone. Paragraphs from `keep` on are read no more after
/// this (the resolver reads the first `keep` and the header's): their
/// cleaned text moves into their turn instead of being copied.
pub(crate) fn make_turns<'a>(
    a: &mut Assembled<'a>,
    paras: &mut [Para<'a>],
    keep: usize,
    lex: &Lexicon,
) {
    let Pending {
        mut built,
        mut openings,
        parts,
    } = std::mem::take(&mut a.pending);
    // The turns are made from the last back, and the tables they are made
    // from shrink as they grow: the two never both hold a long document.
    let mut turns = Vec::with_capacity(built.len());
    let mut notes = Vec::new();
    while let (Some(bt), Some(open)) = (built.pop(), openings.pop()) {
        let ti = built.len();
        let (turn, anns) = make_turn(paras, &parts, &bt, open, ti, keep, lex);
        notes.extend(anns);
        turns.push(turn);
        if built.len() < built.capacity() / 2 {
            built.shrink_to_fit();
            openings.shrink_to_fit();
        }
    }
    turns.reverse();
    a.transcript.turns = turns;
    a.transcript.annotations.extend(notes);
    a.transcript.annotations.sort_by_key(|x| x.span.start);
}

fn make_turn<'a>(
    paras: &mut [Para<'a>],
    parts: &[Part],
    bt: &Building,
    open: Opening,
    index: usize,
    keep: usize,
    lex: &Lexicon,
) -> (Turn<'a>, Vec<Annotation<'a>>) {
    let span = Span::new(
        paras[bt.first].span.start,
        paras[bt.last].span.end.max(paras[bt.first].span.start),
    );
    let marker = open.marker(&paras[bt.first]);
    let text_at = open.text_at as usize;
    let mut paragraphs = Vec::with_capacity(1);
    let mut notes = Vec::new();
    let mine = (bt.first..=bt.last).filter(|&i| i == bt.first || parts[i] == Part::Turn(index));
    for (k, pi) in mine.enumerate() {
        let p = &mut paras[pi];
        let from = if k == 0 {
            text_at.min(p.text().len())
        } else {
            0
        };
        if from >= p.text().len() {
            continue;
        }
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
        paragraphs.push(if pi < keep {
            sub_text(p, r)
        } else {
            take_text(p, r)
        });
    }
    let text = match paragraphs.len() {
        0 => Cow::Borrowed(""),
        1 => paragraphs[0].text.clone(),
        _ => Cow::Owned(
            paragraphs
                .iter()
                .map(|p| p.text.as_ref())
                .collect::<Vec<_>>()
                .join("\n"),
        ),
    };
    (
        Turn {
            kind: TurnKind::Remark,
            speaker: None,
            marker,
            paragraphs,
            text,
            span,
        },
        notes,
    )
}

/// Folds text for comparing a repeated headline.
fn fold(s: &str) -> String {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Whether a header paragraph can be the headline (or the kicker).
fn title_like(c: &Class<'_>) -> bool {
    matches!(c.shape, Shape::Prose | Shape::Heading | Shape::Bold)
        && c.dateline().is_none()
        && c.byline().is_none()
        && c.time.is_none()
        && !c.notice
        && c.credit().is_none()
        && (1..=HEADLINE_MAX_WORDS).contains(&c.cues.words)
}

/// A short line naming a place: `Aboard Air Force One`, `Daytona, Florida`.
fn location_like(text: &str, c: &Class<'_>) -> bool {
    c.shape == Shape::Prose
        && (1..=LOCATION_MAX_WORDS).contains(&c.cues.words)
        && !c.cues.ends_sentence
        && !c.cues.ends_colon
        && text
            .split_whitespace()
            .next()
            .is_some_and(crate::grammar::is_capitalised)
}

/// Assigns the header's paragraphs.
fn header(b: &mut Builder<'_, '_>, doc: &Doc<'_>, end: usize, lex: &Lexicon) {
    let classes = b.classes;
    let paras = b.paras;
    // Furniture by shape first; time lines mark the lines around them as
    // locations.
    let mut open: Vec<usize> = Vec::new();
    for (i, c) in classes.iter().enumerate().take(end) {
        match furniture_part(c) {
            Some(Part::Heading) if c.cues.words <= HEADLINE_MAX_WORDS => open.push(i),
            Some(part) => b.parts[i] = part,
            None => open.push(i),
        }
    }
    let has_time = (0..end).any(|i| b.parts[i] == Part::Time);
    // The title: the front matter's, or the first title-like paragraph.
    let fm_title = doc
        .front_matter
        .as_ref()
        .and_then(|f| {
            f.fields
                .iter()
                .find(|x| matches!(x.key.as_ref(), "title" | "post_title"))
        })
        .map(|f| fold(&f.value));
    let mut k = 0;
    let mut headline_text: Option<String> = fm_title.clone();
    // Several Markdown headings over the lede (a site's title, its
    // masthead, the article's title): the article's is the last of them.
    let lede_at = open
        .iter()
        .copied()
        .find(|&i| classes[i].shape == Shape::Prose && classes[i].cues.words >= 12)
        .unwrap_or(end);
    let titles: Vec<usize> = open
        .iter()
        .copied()
        .filter(|&i| i < lede_at && classes[i].shape == Shape::Heading && title_like(&classes[i]))
        .filter(|&i| paras[i].text().starts_with('#') && !paras[i].text().contains("]("))
        .collect();
    if fm_title.is_none() && titles.len() >= 2 {
        let h = *titles.last().expect("two titles");
        b.parts[h] = Part::Headline;
        headline_text = Some(fold(heading_text(&paras[h]).text.as_ref()));
        open.retain(|&i| i != h);
    } else if fm_title.is_none() {
        let first = open.first().copied().filter(|&i| title_like(&classes[i]));
        let second = open.get(1).copied().filter(|&i| title_like(&classes[i]));
        match (first, second) {
            (Some(a), Some(h))
                if classes[a].cues.ends_colon
                    && !classes[h].cues.ends_colon
                    && classes[a].shape == Shape::Prose =>
            {
                b.parts[a] = Part::Kicker;
                b.parts[h] = Part::Headline;
                headline_text = Some(fold(paras[h].text()));
                k = 2;
            }
            (Some(h), _) if !classes[h].cues.ends_colon || classes[h].shape == Shape::Heading => {
                b.parts[h] = Part::Headline;
                headline_text = Some(fold(heading_text(&paras[h]).text.as_ref()));
                k = 1;
            }
            _ => {}
        }
    }
    let mut have_dateline = false;
    let mut have_byline = false;
    let mut pending_alt: Option<usize> = None;
    let rest: Vec<usize> = open[k..].to_vec();
    let mut skip_next = false;
    for (pos, &i) in rest.iter().enumerate() {
        if skip_next {
            skip_next = false;
            continue;
        }
        let c = &classes[i];
        let text = paras[i].text();
        let next = rest.get(pos + 1).copied();
        // An alt text pairs only with the paragraph right after it.
        if let Some(alt) = pending_alt.filter(|&a| a + 1 != i) {
            b.caption(alt, None);
            pending_alt = None;
        }
        if c.shape == Shape::Heading {
            b.parts[i] = Part::Heading;
        } else if !have_dateline && c.dateline().is_some() {
            b.parts[i] = Part::Dateline;
        } else if text.starts_with("**") && c.label.is_some() && c.cues.words <= FIELD_MAX_WORDS {
            // A field line of a page's header: `**Company:** AAPL`.
            b.parts[i] = Part::Furniture;
            have_dateline = true;
        } else if !have_byline && c.byline().is_some() {
            b.parts[i] = Part::Byline;
            have_byline = true;
        } else if headline_text.as_deref() == Some(fold(text).as_str()) && pending_alt.is_none() {
            pending_alt = Some(i);
        } else if let Some(alt) = pending_alt.take() {
            if c.cues.words <= CAPTION_MAX_WORDS && c.shape == Shape::Prose {
                b.caption(i, Some(alt));
            } else {
                b.caption(alt, None);
                b.parts[i] = Part::Lede;
            }
        } else if has_time && location_like(text, c) && !b.parts[..i].contains(&Part::Lede) {
            b.parts[i] = Part::Location;
        } else if let Shape::Image(alt) = &c.shape {
            let repeated = next.is_some_and(|j| {
                j == i + 1
                    && classes[j].shape == Shape::Prose
                    && near_duplicate(&text[alt.clone()], paras[j].text())
            });
            if alt.is_empty() {
                b.parts[i] = Part::Furniture;
            } else if repeated {
                b.caption(i + 1, Some(i));
                skip_next = true;
            } else {
                b.caption(i, None);
            }
        } else if matches!(c.shape, Shape::Link | Shape::Rule) {
            b.parts[i] = Part::Furniture;
        } else if next.is_some_and(|j| j == i + 1 && b.near_duplicate(i, j)) {
            b.caption(i + 1, Some(i));
            skip_next = true;
        } else if c.caption_line {
            b.caption_line(i);
        } else if b.credit_only(i) && classes.get(i + 1).is_some_and(|n| n.caption_line) {
            // Goes with the caption line after it.
        } else if b.credit_line(i) || c.credit().is_some() {
            if !matches!(b.parts[i], Part::Caption(_)) {
                b.caption(i, None);
            }
        } else if header_caption_shaped(text, c, lex) && !next_continues(paras, i) {
            b.caption(i, None);
        } else {
            b.parts[i] = Part::Lede;
        }
    }
    if let Some(alt) = pending_alt {
        b.caption(alt, None);
    }
}

/// The most words of a pull quote.
const PULL_QUOTE_MAX_WORDS: usize = 30;

/// A short paragraph that is all one quotation: `“A lamp that works again
/// is a small argument won.”`.
fn pull_quote(text: &str, cues: &Cues) -> bool {
    let t = text.trim();
    cues.words <= PULL_QUOTE_MAX_WORDS
        && t.starts_with(['“', '"', '«', '„'])
        && t.ends_with(['”', '"', '»', '“'])
        && t.chars()
            .filter(|c| matches!(c, '“' | '”' | '"' | '«' | '»' | '„'))
            .count()
            == 2
}

/// Whether the paragraph after `i` goes on with `i`'s sentence (a line the
/// scraper broke: it opens in lower case).
fn next_continues(paras: &[Para<'_>], i: usize) -> bool {
    paras
        .get(i + 1)
        .and_then(|p| p.text().chars().next())
        .is_some_and(char::is_lowercase)
}

/// In the header, a caption is a short line that does not end like a
/// sentence, or a line introducing someone who gives the interview.
fn header_caption_shaped(text: &str, c: &Class<'_>, lex: &Lexicon) -> bool {
    let cues = &c.cues;
    // `Find us: Twitter / Facebook` is a label and a list, not a caption.
    let early_colon = text.split_whitespace().take(3).any(|w| w.ends_with(':'));
    if c.shape != Shape::Prose
        || early_colon
        || text.ends_with([',', ';'])
        || !(2..=CAPTION_MAX_WORDS).contains(&cues.words)
        || text.len() > CAPTION_MAX_BYTES
        || cues.ends_colon
        || text.ends_with('?')
    {
        return false;
    }
    let intro = crate::grammar::speaker::intro(text, lex);
    !cues.ends_sentence
        && (cues.words >= HEADER_CAPTION_MIN_WORDS || names_someone(text) || intro.is_some())
}

/// The blocks: the front matter, every paragraph with its part, every blank
/// run, in order.
fn blocks(input: &str, doc: &Doc<'_>, parts: &[Part]) -> Vec<Block> {
    let mut out = Vec::with_capacity(doc.paragraphs.len() + doc.blanks.len() + 1);
    if let Some(f) = &doc.front_matter {
        // Blank lines before the fence belong to it.
        out.push(Block {
            kind: BlockKind::FrontMatter,
            span: Span::new(0, f.span.end),
            node: None,
        });
    }
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
            Part::Heading => (BlockKind::Heading, None),
            Part::Location => (BlockKind::Location, None),
            Part::Time => (BlockKind::Time, None),
            Part::Notice => (BlockKind::Notice, None),
            Part::Annotation => (BlockKind::Annotation, None),
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
    fn an_image_lends_its_alt_text_to_the_caption_after_it() {
        let page = "<h1>Harbour talk</h1>\n<figure>\n  <img src=\"a.jpg\" alt=\"The harbour at dawn\">\n  <figcaption>Boats leave before five. (Photo: Ana Ruiz)</figcaption>\n</figure>\n<p><strong>Q: How long have you fished here?</strong></p>\n<p>A: Forty years.</p>\n";
        let t = crate::parse(page).unwrap();
        assert_eq!(t.captions.len(), 1);
        let alt = t.captions[0].alt.as_ref().expect("the image's alt text");
        assert_eq!(alt.text, "The harbour at dawn");
        assert_eq!(alt.span.slice(page), "The harbour at dawn");
        assert!(t.captions[0].span.start <= alt.span.start);
        // An image with no alt text lends nothing.
        let bare = page.replace(" alt=\"The harbour at dawn\"", "");
        let t = crate::parse(&bare).unwrap();
        assert!(t.captions.iter().all(|c| c.alt.is_none()));
    }

    #[test]
    fn a_name_the_page_marks_as_its_author_is_the_byline() {
        let page = "<h1>Harbour talk</h1>\n<p class=\"byline\"><a rel=\"author\" href=\"/s/ar\">Ana Ruiz</a></p>\n<p><strong>Q: How long have you fished here?</strong></p>\n<p>A: Forty years.</p>\n";
        let t = crate::parse(page).unwrap();
        let b = t.byline.expect("the marked name");
        assert_eq!(b.names, ["Ana Ruiz"]);
        assert_eq!(b.span.slice(page), "Ana Ruiz");
        // The same name, unmarked, is only a name.
        let plain = page
            .replace(" class=\"byline\"><a rel=\"author\" href=\"/s/ar\">", ">")
            .replace("</a></p>", "</p>");
        assert!(crate::parse(&plain).unwrap().byline.is_none());
    }

    #[test]
    fn a_page_that_shows_no_date_is_dated_by_its_meta_tags() {
        let page = "<html><head>\n<meta name=\"viewport\" content=\"width=device-width\">\n<meta property=\"article:published_time\" content=\"2024-03-01T09:15:00-05:00\">\n</head><body>\n<h1>Harbour talk</h1>\n<p><strong>Q: How long have you fished here?</strong></p>\n<p>A: Forty years.</p>\n</body></html>\n";
        let t = crate::parse(page).unwrap();
        let d = t.dateline.expect("dated by its meta tag");
        assert_eq!(d.text, "2024-03-01T09:15:00-05:00");
        assert_eq!(d.span.slice(page), d.text);
        assert_eq!(d.time.map(|t| t.to_string()).as_deref(), Some("09:15:00"));
        // A date the page shows wins over its meta tags.
        let shown = page.replace(
            "<h1>Harbour talk</h1>",
            "<h1>Harbour talk</h1>\n<p>2024-02-28</p>",
        );
        let t = crate::parse(&shown).unwrap();
        assert_eq!(t.dateline.unwrap().text, "2024-02-28");
    }

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

    /// `may_share` on two texts, from their words.
    fn may_share_texts(a: &str, b: &str) -> bool {
        let bits = |s: &str| {
            let mut h = [0u64; MAX_CAPTION_WORDS + 1];
            let n = word_hashes(s, &mut h);
            (n, hash_bits(&h[..n]))
        };
        let ((na, ba), (nb, bb)) = (bits(a), bits(b));
        may_share(na, ba, nb, bb)
    }

    #[test]
    fn the_word_bits_keep_every_near_duplicate_and_rule_out_strangers() {
        // Pairs of every kind: near duplicates (a word or three changed,
        // added or dropped, case changed) and strangers.
        let base = "Ông Lương Văn Nam trao cờ cho các tổ chức cơ sở đảng tiêu biểu năm 2019";
        let words: Vec<&str> = base.split(' ').collect();
        let mut pairs: Vec<(String, String)> = Vec::new();
        for cut in 0..words.len() {
            for len in 1..=4 {
                let mut w = words.clone();
                let end = (cut + len).min(w.len());
                w.drain(cut..end);
                pairs.push((base.to_string(), w.join(" ")));
                pairs.push((base.to_uppercase(), w.join(" ")));
                let mut x = words.clone();
                x[cut] = "khác";
                pairs.push((w.join(" "), x.join(" ")));
            }
        }
        let mut accepted = 0;
        for (a, b) in &pairs {
            if near_duplicate(a, b) {
                accepted += 1;
                assert!(
                    may_share_texts(a, b),
                    "ruled out a near duplicate: {a:?} / {b:?}"
                );
            }
        }
        assert!(accepted > pairs.len() / 2);
        assert!(!may_share_texts(
            "The president met the press in the morning",
            "Questions about the budget went unanswered again"
        ));
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
