//! The document's turn convention, decided from all its candidates at once.
//!
//! A label the grammar accepts on one paragraph marks turns only when the
//! document uses it as a convention:
//!
//! - question and answer labels (`Q:`, `PV:`, `Hỏi:`) when the document has
//!   at least two labels in all;
//! - a speaker label when it recurs (under any of its forms: `KEITH RANSOME`,
//!   `RANSOME`; `Christian Halden`, `CH`), when it answers a question label
//!   right before it, when it names a role that runs events (`MODERATOR`), or
//!   when it is upper-case in a document with several upper-case labels;
//! - dashes when at least two paragraphs open with one, and labels do not
//!   outnumber them.
//!
//! It also decides the modes the assembler applies to unmarked paragraphs:
//! whether a dash marks only questions (French `— ` style, the answers
//! unmarked), whether whole bold paragraphs are questions, and whether
//! questions go on unmarked after the labels stop.

use crate::classify::Class;
use crate::grammar::label::LabelKind;
use crate::grammar::shape::Shape;
use crate::keys::{ANSWER_KEY, ASK_KEY, AliasIndex, label_key, procedure_role};
use crate::lang::Lexicon;
use crate::model::MarkerKind;
use crate::scan::Para;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::ops::Range;
use std::rc::Rc;

/// A hash map keyed by short strings of our own, hashed with FNV.
type FnvMap<K, V> = HashMap<K, V, BuildHasherDefault<crate::fnv::Fnv>>;

mod dashes;
mod numbered;
use dashes::dash_starts;
use numbered::numbered_question_starts;

/// Which side of the conversation a marker puts its turn on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Side {
    Ask,
    Answer,
    Unknown,
}

/// A paragraph that opens a turn, as it is found: see [`Start`], what it is
/// kept as.
struct StartParts {
    marker: MarkerKind,
    /// The marker in the cleaned text (empty when implicit); it starts the
    /// text.
    marker_range: Range<usize>,
    /// Where the speech starts in the cleaned text.
    text_at: usize,
    /// The label's name in the cleaned text.
    name: Option<Range<usize>>,
    /// The speaker's key: a label's normal form, `?q` / `?a` for question and
    /// answer labels.
    key: Option<Rc<str>>,
    /// A bracketed note in the label (a reporter's outlet or name).
    note: Option<Range<usize>>,
    side: Side,
    /// The label stands alone; the speech is in the next paragraph.
    label_only: bool,
    /// The speaker's label when it stands in another paragraph (a reader's
    /// `by user` line under the question's head).
    label_elsewhere: Option<String>,
}

impl StartParts {
    /// A start by `marker`, which ends at `marker_end` (0 for none), the
    /// speech from `text_at` on; no label.
    fn at(marker: MarkerKind, side: Side, marker_end: usize, text_at: usize) -> StartParts {
        StartParts {
            marker,
            marker_range: 0..marker_end,
            text_at,
            name: None,
            key: None,
            note: None,
            side,
            label_only: false,
            label_elsewhere: None,
        }
    }

    /// The start, kept small: offsets in 32 bits, strings boxed. `None` for
    /// a marker past 4 GiB into its paragraph, which no text holds (the
    /// marker is then not read).
    fn compact(self) -> Option<Start> {
        let at = |x: usize| u32::try_from(x).ok();
        let range = |r: Range<usize>| Some([at(r.start)?, at(r.end)?]);
        debug_assert_eq!(self.marker_range.start, 0);
        Some(Start {
            marker: self.marker,
            side: self.side,
            label_only: self.label_only,
            marker_end: at(self.marker_range.end)?,
            text_at: at(self.text_at)?,
            name: match self.name {
                Some(r) => Some(range(r)?),
                None => None,
            },
            note: match self.note {
                Some(r) => Some(range(r)?),
                None => None,
            },
            key: self.key,
            label_elsewhere: self.label_elsewhere.map(String::into_boxed_str),
        })
    }
}

/// A paragraph that opens a turn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Start {
    pub marker: MarkerKind,
    pub side: Side,
    /// The label stands alone; the speech is in the next paragraph.
    pub label_only: bool,
    marker_end: u32,
    text_at: u32,
    name: Option<[u32; 2]>,
    note: Option<[u32; 2]>,
    /// The speaker's key: a label's normal form, `?q` / `?a` for question and
    /// answer labels; one copy shared by every start of a label.
    pub key: Option<Rc<str>>,
    /// The speaker's label when it stands in another paragraph (a reader's
    /// `by user` line under the question's head).
    pub label_elsewhere: Option<Box<str>>,
}

impl Start {
    /// The marker in the cleaned text (empty when implicit).
    pub fn marker_range(&self) -> Range<usize> {
        0..self.marker_end as usize
    }

    /// Where the speech starts in the cleaned text.
    pub fn text_at(&self) -> usize {
        self.text_at as usize
    }

    /// The label's name in the cleaned text.
    pub fn name(&self) -> Option<Range<usize>> {
        self.name.map(|[a, b]| a as usize..b as usize)
    }

    /// A bracketed note in the label (a reporter's outlet or name).
    pub fn note(&self) -> Option<Range<usize>> {
        self.note.map(|[a, b]| a as usize..b as usize)
    }
}

/// The turn start of each paragraph: the starts in a table of their own, a
/// paragraph holding its start's place in four bytes (most paragraphs open
/// no turn; a box a start would cost an allocation each, and leave the
/// heap in pieces once freed). Indexing gives `&None` for a paragraph that
/// opens no turn.
#[derive(Debug, Clone, Default)]
pub(crate) struct Starts {
    /// Each paragraph's place in `list`, `NO_START` for none.
    at: Vec<u32>,
    list: Vec<Option<Start>>,
    /// Always `None`: what a paragraph opening no turn indexes to (a
    /// start, holding shared keys, cannot stand in a static).
    none: Option<Start>,
}

const NO_START: u32 = u32::MAX;

impl Starts {
    /// No starts, for `n` paragraphs.
    pub fn new(n: usize) -> Self {
        Starts {
            at: vec![NO_START; n],
            list: Vec::new(),
            none: None,
        }
    }

    /// Sets paragraph `i`'s start (`None` clears it).
    pub fn set(&mut self, i: usize, start: Option<Start>) {
        match (self.at[i], start) {
            (NO_START, None) => {}
            (NO_START, Some(s)) => {
                // Past four billion starts (no text holds them) a start is
                // not kept.
                if let Ok(k) = u32::try_from(self.list.len()) {
                    if k != NO_START {
                        self.at[i] = k;
                        self.list.push(Some(s));
                    }
                }
            }
            (k, s) => self.list[k as usize] = s,
        }
    }

    /// Takes paragraph `i`'s start out.
    pub fn take(&mut self, i: usize) -> Option<Start> {
        match self.at[i] {
            NO_START => None,
            k => self.list[k as usize].take(),
        }
    }

    /// Makes room for `n` more starts.
    fn reserve(&mut self, n: usize) {
        self.list.reserve_exact(n);
    }

    /// Gives back the room the list grew into: the starts are held while
    /// the turns' plans are made from them, at the layout's peak.
    fn shrink_to_fit(&mut self) {
        self.list.shrink_to_fit();
    }

    /// How many paragraphs open a turn.
    pub fn count(&self) -> usize {
        self.list.iter().flatten().count()
    }

    /// Each paragraph's start, in order.
    pub fn iter(&self) -> impl Iterator<Item = &Option<Start>> {
        (0..self.at.len()).map(|i| &self[i])
    }
}

impl std::ops::Index<usize> for Starts {
    type Output = Option<Start>;

    fn index(&self, i: usize) -> &Option<Start> {
        match self.at[i] {
            NO_START => &self.none,
            k => &self.list[k as usize],
        }
    }
}

/// The document's convention.
#[derive(Debug, Clone, Default)]
pub(crate) struct Style {
    /// The turn each paragraph opens, if any.
    pub starts: Starts,
    /// An unmarked paragraph after a question opens its answer.
    pub implicit_answers: bool,
    /// Unmarked paragraphs that read as questions open questions.
    pub bare_questions: bool,
    /// Blockquotes hold the answers (`Come è nato?` then `> È nato…`).
    pub quote_answers: bool,
}

/// A label is a convention when its key stands this often (under any of
/// its forms)...
const LABEL_MIN_COUNT: usize = 2;
/// ...or when it is upper-case among at least this many upper-case
/// labels.
const UPPER_LABELS_MIN: usize = 3;
/// Question and answer labels mark turns when the document has at least
/// this many labels; bold questions and readers' questions when it has at
/// least this many of them; lone dashes mark questions from this many on.
const MIN_MARKERS: usize = 2;

/// Decides the document's convention.
pub(crate) fn style(paras: &[Para<'_>], classes: &[Class<'_>], lex: &Lexicon) -> Style {
    let n = paras.len();
    let mut starts = Starts::new(n);
    let label_starts = label_starts(paras, classes, lex, &mut starts);
    // Which paragraphs read as unmarked questions, read once.
    let bare: Vec<bool> = (0..n)
        .map(|i| is_bare_question(paras[i].text(), &classes[i]))
        .collect();
    let bare_total = bare.iter().filter(|&&b| b).count();
    let dashes = dash_starts(paras, classes, label_starts, bare_total, &mut starts);
    reader_question_starts(paras, classes, &mut starts);
    let bold_mode = bold_question_starts(paras, classes, &mut starts);
    // Numbered questions, where nothing else marks the turns.
    if starts.iter().flatten().next().is_none() {
        numbered_question_starts(paras, classes, &mut starts);
    }

    // Which sides the explicit markers cover.
    let explicit: Vec<&Start> = starts.iter().flatten().collect();
    let only_ask = !explicit.is_empty() && explicit.iter().all(|s| s.side == Side::Ask);
    let implicit_answers = dashes.questions_only || bold_mode || only_ask;

    // Bare questions: unmarked paragraphs that ask, after the labels stop
    // (or in a document with no markers at all).
    let last_explicit = (0..n).rev().find(|&i| starts[i].is_some());
    let after = last_explicit.map_or(0, |l| l + 1);
    let bare_after = bare[after..].iter().filter(|&&b| b).count();
    let bare_questions = dashes.answers_only
        || !dashes.style
            && (explicit.len() <= BARE_MODE_MAX_MARKERS && bare_after >= BARE_MODE_MIN_QUESTIONS);

    // Answers set as blockquotes: where no marker opens a turn, at least
    // two blockquotes right after a paragraph that asks make every
    // blockquote an answer (a quote is otherwise a pull quote, or a
    // reader's question quoted under its head).
    let quote_answers = starts.iter().flatten().next().is_none()
        && (1..n)
            .filter(|&i| {
                classes[i].shape == Shape::Quote
                    && classes[i - 1].shape.is_text()
                    && classes[i - 1].cues.leans_question()
            })
            .count()
            >= MIN_MARKERS;
    starts.shrink_to_fit();
    Style {
        starts,
        implicit_answers: implicit_answers || bare_questions,
        bare_questions,
        quote_answers,
    }
}

/// A document with at most this many explicit markers may have its
/// unmarked questions read as turns...
const BARE_MODE_MAX_MARKERS: usize = 4;
/// ...when at least this many unmarked questions follow the last marker.
const BARE_MODE_MIN_QUESTIONS: usize = 2;

/// No label's key, in [`LabelCounts`]' paragraph table.
const NO_KEY: u32 = u32::MAX;

/// How labels are counted: each paragraph's key, how often each key
/// recurs under any of its forms, and the totals the rules weigh.
struct LabelCounts<'k> {
    /// The labelled paragraphs' keys, by paragraph, ascending (held only
    /// for the paragraphs with a label: most have none).
    keys: &'k [(usize, Rc<str>)],
    /// Each paragraph's place in `keys` ([`NO_KEY`] for none): asked for
    /// every label and its neighbours, no search.
    key_of: Vec<u32>,
    counts: FnvMap<&'k str, usize>,
    /// Each distinct key's count under any of its forms ([`Self::count_of`]),
    /// worked out once: a briefing labels thousands of paragraphs with a
    /// few keys.
    totals: FnvMap<&'k str, usize>,
    index: AliasIndex<'k>,
    /// Question and answer labels.
    qa_total: usize,
    /// Upper-case speaker labels.
    upper_total: usize,
    /// Labels of every kind.
    all: usize,
}

impl<'k> LabelCounts<'k> {
    fn new(keys: &'k [(usize, Rc<str>)], classes: &[Class<'_>]) -> Self {
        let mut counts: FnvMap<&str, usize> = FnvMap::default();
        for (_, k) in keys {
            *counts.entry(&**k).or_default() += 1;
        }
        let index = AliasIndex::new(counts.keys().copied());
        let totals = counts
            .keys()
            .map(|&k| (k, Self::count_in(&counts, &index, k)))
            .collect();
        let qa_total = counts.get(ASK_KEY).copied().unwrap_or(0)
            + counts.get(ANSWER_KEY).copied().unwrap_or(0);
        let upper_total = classes
            .iter()
            .filter(|c| {
                c.label
                    .as_ref()
                    .is_some_and(|l| l.kind == LabelKind::Speaker && l.upper)
            })
            .count();
        let all = counts.values().sum();
        let mut key_of = vec![NO_KEY; classes.len()];
        for (k, (i, _)) in keys.iter().enumerate() {
            // Past four billion labels (no text holds them) a key is not
            // found.
            if let (Some(at), Ok(k)) = (key_of.get_mut(*i), u32::try_from(k)) {
                *at = k;
            }
        }
        LabelCounts {
            keys,
            key_of,
            counts,
            totals,
            index,
            qa_total,
            upper_total,
            all,
        }
    }

    /// How often key `k` stands, under any of its forms.
    fn count_of(&self, k: &str) -> usize {
        match self.totals.get(k) {
            Some(&n) => n,
            None => Self::count_in(&self.counts, &self.index, k),
        }
    }

    /// How often key `k` stands in `counts`, under any of its forms.
    fn count_in(counts: &FnvMap<&str, usize>, index: &AliasIndex<'_>, k: &str) -> usize {
        let others: usize = index
            .longer_forms(k)
            .chain(index.shorter_forms(k))
            .map(|o| counts.get(o).copied().unwrap_or(0))
            .sum();
        counts.get(k).copied().unwrap_or(0) + others
    }

    /// Paragraph `i`'s place in `keys`.
    fn key_at(&self, i: usize) -> Option<usize> {
        match self.key_of.get(i).copied() {
            None | Some(NO_KEY) => None,
            Some(k) => Some(k as usize),
        }
    }

    fn key(&self, i: usize) -> Option<&'k str> {
        Some(&self.keys[self.key_at(i)?].1)
    }

    /// Paragraph `i`'s key, shared.
    fn shared_key(&self, i: usize) -> Option<Rc<str>> {
        Some(Rc::clone(&self.keys[self.key_at(i)?].1))
    }
}

/// Whether the speaker label of paragraph `i` marks a turn: it recurs,
/// answers a question, names a role that runs events, is one of several
/// upper-case labels, or stands alone among question and answer labels.
fn accepts_speaker(
    paras: &[Para<'_>],
    classes: &[Class<'_>],
    counts: &LabelCounts<'_>,
    i: usize,
    lex: &Lexicon,
) -> bool {
    let Some(l) = &classes[i].label else {
        return false;
    };
    let text = paras[i].text();
    let key = counts.key(i).unwrap_or_default();
    // A recurring label (most are) needs no other reason.
    if counts.count_of(key) >= LABEL_MIN_COUNT {
        return true;
    }
    // A label answering a question label, or (alone on its line, or after
    // a bullet) an unmarked question. The paragraph before, markup between them passed
    // over.
    let before = (0..i).rev().find(|&j| paras[j].has_words());
    let bold_question_before =
        before.is_some_and(|j| classes[j].shape == Shape::Bold && classes[j].cues.leans_question());
    let after_question = bold_question_before
        || (i > 0 && counts.key(i - 1) == Some(ASK_KEY))
        || (i > 1 && counts.key(i - 2) == Some(ASK_KEY) && counts.key(i - 1).is_none())
        || (i > 0
            && l.text_at >= text.len()
            && l.kind == LabelKind::Speaker
            && is_bare_question(paras[i - 1].text(), &classes[i - 1]))
        // A bulleted label under an unmarked question (`+ Bà X, Giám đốc
        // …: …`, `• Dr. Luis Ferreira: …`), as a press conference answers.
        || (classes[i].dash.is_some()
            && before.is_some_and(|j| is_bare_question(paras[j].text(), &classes[j])));
    after_question
        || procedure_role(l.name, lex).is_some()
        || (l.upper && counts.upper_total >= UPPER_LABELS_MIN)
        || (counts.qa_total >= MIN_MARKERS && l.text_at >= text.len())
}

/// Sets the starts of the labels the document uses as a convention; how
/// many there are.
fn label_starts(
    paras: &[Para<'_>],
    classes: &[Class<'_>],
    lex: &Lexicon,
    starts: &mut Starts,
) -> usize {
    // Each distinct label's key worked out once: a briefing repeats a few
    // labels thousands of times.
    let mut known: FnvMap<&str, Rc<str>> = FnvMap::default();
    let (ask, answer): (Rc<str>, Rc<str>) = (Rc::from(ASK_KEY), Rc::from(ANSWER_KEY));
    let keys: Vec<(usize, Rc<str>)> = classes
        .iter()
        .enumerate()
        .filter_map(|(i, c)| {
            let l = c.label.as_ref()?;
            let key = match l.kind {
                LabelKind::Speaker => known
                    .entry(l.name)
                    .or_insert_with(|| Rc::from(label_key(l, lex)))
                    .clone(),
                LabelKind::Question => Rc::clone(&ask),
                LabelKind::Answer => Rc::clone(&answer),
            };
            Some((i, key))
        })
        .collect();
    let counts = LabelCounts::new(&keys, classes);
    // At most a start a label: room for them at once, not grown by doubling.
    starts.reserve(keys.len());
    let title_repeat = (1..paras.len())
        .find(|&j| !paras[j].text().trim().is_empty())
        .filter(|&j| super::similarity::near_duplicate(paras[0].text(), paras[j].text()))
        .map(|j| (0, j));
    let mut label_starts = 0;
    for i in 0..paras.len() {
        let Some(l) = &classes[i].label else { continue };
        let text = paras[i].text();
        // The first paragraph quoting someone is a headline, not a turn;
        // so are the first and the next when they repeat each other (a
        // page's title, then its heading: `Thầy X: Thờ 'Thần Tài'…?`
        // twice).
        if i == 0
            && paras.len() > 1
            && text[l.text_at..].starts_with(['\'', '"', '‘', '“', '«', '„'])
            || Some(i) == title_repeat.map(|(a, _)| a)
            || Some(i) == title_repeat.map(|(_, b)| b)
        {
            continue;
        }
        let accepted = match l.kind {
            LabelKind::Question | LabelKind::Answer => counts.all >= MIN_MARKERS,
            LabelKind::Speaker => accepts_speaker(paras, classes, &counts, i, lex),
        };
        if !accepted {
            continue;
        }
        label_starts += 1;
        let (side, marker) = match l.kind {
            LabelKind::Question => (Side::Ask, MarkerKind::Question),
            LabelKind::Answer => (Side::Answer, MarkerKind::Answer),
            LabelKind::Speaker => (Side::Unknown, MarkerKind::Speaker),
        };
        let start = StartParts {
            name: Some(range_of(text, l.name)),
            key: counts.shared_key(i),
            note: l.note.map(|s| range_of(text, s)),
            label_only: l.text_at >= text.len(),
            ..StartParts::at(marker, side, text[..l.text_at].trim_end().len(), l.text_at)
        };
        starts.set(i, start.compact());
    }
    label_starts
}

/// The range of `part`, a slice of `text`.
fn range_of(text: &str, part: &str) -> Range<usize> {
    let at = part.as_ptr() as usize - text.as_ptr() as usize;
    at..at + part.len()
}

/// Sets the starts of readers' questions: a bold topic, `by` a user name
/// (on its line or the next), then the question quoted (`**Tooling**
/// by QuietKestrel` / `> Have you …`), when the document has two or more.
fn reader_question_starts(paras: &[Para<'_>], classes: &[Class<'_>], starts: &mut Starts) {
    let n = paras.len();
    let mut heads: Vec<(usize, usize, Range<usize>)> = Vec::new();
    for i in (0..n).filter(|&i| starts[i].is_none()) {
        let found = match reader_question(paras[i].text()) {
            Some(u) => Some((i, u)),
            None => paras
                .get(i + 1)
                .filter(|p| p.text().starts_with("by ") && paras[i].text().starts_with("**"))
                .and_then(|p| by_user(p.text()).map(|u| (i + 1, u))),
        };
        if let Some((at, user)) = found {
            if (at + 1..n.min(at + 4)).any(|j| classes[j].shape == Shape::Quote) {
                heads.push((i, at, user));
            }
        }
    }
    if heads.len() < MIN_MARKERS {
        return;
    }
    for (i, at, user) in heads {
        let name = paras[at].text()[user.clone()].to_string();
        let start = StartParts {
            name: (at == i).then_some(user),
            key: Some(Rc::from(name.to_lowercase())),
            label_elsewhere: (at != i).then_some(name),
            ..StartParts::at(MarkerKind::Bold, Side::Ask, 0, 0)
        };
        starts.set(i, start.compact());
    }
}

/// In a document whose questions are whole emphasised paragraphs, an
/// emphasised paragraph of at least this many words that does not ask is
/// the interviewer's remark (shorter ones are headings, names, mottos).
const EMPHASIS_REMARK_MIN_WORDS: usize = 12;

/// Sets the starts of whole bold paragraphs that ask, when the document
/// has two or more; whether it has.
fn bold_question_starts(paras: &[Para<'_>], classes: &[Class<'_>], starts: &mut Starts) -> bool {
    // The unmarked paragraphs of which `asks` holds.
    let unmarked = |asks: &dyn Fn(&Class<'_>) -> bool| -> Vec<usize> {
        (0..paras.len())
            .filter(|&i| starts[i].is_none() && asks(&classes[i]))
            .collect()
    };
    let mut bold_questions = unmarked(&|c| c.shape == Shape::Bold && c.cues.leans_question());
    // Speaker labels of one person only (the interviewee's) do not compete
    // with the questions: they mark the answers.
    let mut speakers: Vec<&str> = starts
        .iter()
        .flatten()
        .filter(|s| s.marker == MarkerKind::Speaker)
        .filter_map(|s| s.key.as_deref())
        .collect();
    speakers.sort_unstable();
    speakers.dedup();
    let others = starts
        .iter()
        .flatten()
        .filter(|s| s.marker != MarkerKind::Speaker || speakers.len() > 1)
        .count();
    // Questions set as headings (`### What project…?`, `## Pouvez-vous… ?`)
    // mark turns where no other marker does more: in a labelled or dashed
    // interview, a heading that asks is a crosshead. So do questions in
    // italics: a briefing that labels its speakers may set a caller's
    // lines in italics (`*Q Can you hear me?*`).
    let heading_questions = unmarked(&|c| {
        c.shape == Shape::Heading
            && c.cues.reads_as_question()
            && c.cues.words() >= HEADING_QUESTION_MIN_WORDS
    });
    let italic_questions = unmarked(&|c| c.shape == Shape::Italic && c.cues.leans_question());
    for questions in [heading_questions, italic_questions] {
        if questions.len() >= MIN_MARKERS && questions.len() > others {
            bold_questions.extend(questions);
            bold_questions.sort_unstable();
        }
    }
    if bold_questions.len() < MIN_MARKERS {
        return false;
    }
    // Where the questions are set apart in bold or italics, the interviewer
    // also remarks in them (`*I know, I remember the problem…*`): after the
    // first question, a whole emphasised paragraph of some length is the
    // interviewer's too, unless it credits a photo or is a note in
    // brackets (`[Editor's note: …]`). Before it, such a paragraph is a
    // standfirst.
    let asks = bold_questions.clone();
    bold_questions.extend((asks[0] + 1..paras.len()).filter(|&i| {
        let c = &classes[i];
        let bracketed = paras[i]
            .text()
            .trim_start_matches(['*', '_'])
            .starts_with(['[', '(']);
        starts[i].is_none()
            && !bracketed
            && matches!(c.shape, Shape::Bold | Shape::Italic)
            && c.cues.words() >= EMPHASIS_REMARK_MIN_WORDS
            && c.credit().is_none()
            && !asks.contains(&i)
    }));
    bold_questions.sort_unstable();
    for &i in &bold_questions {
        let text = paras[i].text();
        let hashes = text.bytes().take_while(|&b| b == b'#').count();
        if hashes > 0 {
            let text_at = text.len() - text[hashes..].trim_start().len();
            let start = StartParts {
                key: Some(Rc::from(ASK_KEY)),
                ..StartParts::at(MarkerKind::Heading, Side::Ask, hashes, text_at)
            };
            starts.set(i, start.compact());
            continue;
        }
        // A label inside the bold (`**WIRED: …?**`) is the asker's.
        let inner = classes[i].label.as_deref().filter(|l| l.bold_paragraph);
        let start = StartParts {
            name: inner.map(|l| range_of(text, l.name)),
            key: Some(Rc::from(ASK_KEY)),
            ..StartParts::at(
                if classes[i].shape == Shape::Italic {
                    MarkerKind::Italic
                } else {
                    MarkerKind::Bold
                },
                Side::Ask,
                inner.map_or(0, |l| text[..l.text_at].trim_end().len()),
                inner.map_or(0, |l| l.text_at),
            )
        };
        starts.set(i, start.compact());
    }
    true
}

/// A reader's question head: `**Topic** by user`. Returns the user name's
/// range.
fn reader_question(text: &str) -> Option<Range<usize>> {
    let inner = text.strip_prefix("**")?;
    let close = inner.find("**").filter(|&c| c > 0)?;
    let after = &inner[close + 2..];
    let user = by_user(after.trim_start())?;
    let shift = text.len() - after.trim_start().len();
    Some(user.start + shift..user.end + shift)
}

/// `by user` (maybe with a numeric id after: `by kestrel (48213)`): the
/// user name's range.
fn by_user(text: &str) -> Option<Range<usize>> {
    let rest = text.strip_prefix("by ")?;
    let user = rest.split(" (").next().unwrap_or(rest).trim();
    let ok = !user.is_empty() && user.len() <= 40 && user.split_whitespace().count() <= 3;
    ok.then(|| {
        let at = user.as_ptr() as usize - text.as_ptr() as usize;
        at..at + user.len()
    })
}

/// The fewest words of a heading taken for a question (`Why?` alone is a
/// crosshead).
const HEADING_QUESTION_MIN_WORDS: usize = 3;

/// The most words an unmarked question runs to.
const BARE_QUESTION_MAX_WORDS: usize = 90;
/// The fewest words an unmarked question runs to: a follow-up such as
/// `And the fog?` or `Et l'hiver ?` asks; `Why?` alone is a crosshead or
/// a turn of speech.
const BARE_QUESTION_MIN_WORDS: usize = 3;

/// Whether an unmarked paragraph reads as a question put to the interviewee.
///
/// A paragraph in the first person is an answer, unless it ends by asking
/// someone it addresses in the second person: reporters say "we" too
/// (`Chúng tôi được biết… ông nghĩ sao?`, `We hear… what do you say?`).
pub(crate) fn is_bare_question(text: &str, c: &Class<'_>) -> bool {
    // A request in the first person plural asks too (`Tell us about your
    // …`, `Erzählen Sie uns …`): the interviewer speaks for the readers.
    let put_to_someone =
        c.cues.addresses && (text.trim_end().ends_with('?') || c.cues.opens_asking);
    !c.labelled
        && c.dash.is_none()
        && c.shape.is_text()
        && c.cues.words() >= BARE_QUESTION_MIN_WORDS
        && c.cues.words() <= BARE_QUESTION_MAX_WORDS
        && (c.cues.surely_question() || (c.cues.leans_question() && text.contains('?')))
        && (!c.cues.first_person || put_to_someone)
        && !answers_itself(text)
}

/// The most words of a question a speaker puts to themselves before
/// answering it.
const SELF_QUESTION_MAX_WORDS: usize = 2;

/// Whether a paragraph opens with a short question its speaker answers
/// in the same breath and ends saying so (`Why? Because…`, `Pourquoi ?
/// Parce que…`, `Vì sao? Vì…`): a turn of speech inside an answer.
fn answers_itself(text: &str) -> bool {
    let t = text.trim_end();
    let Some(q) = t.find('?') else {
        return false;
    };
    let asked = t[..q].split_whitespace().count();
    (1..=SELF_QUESTION_MAX_WORDS).contains(&asked)
        && !t.ends_with(['?', '؟'])
        && t[q + 1..].split_whitespace().count() > SELF_QUESTION_MAX_WORDS
}

#[cfg(test)]
mod tests {
    use super::*;

    fn start(text_at: usize) -> Option<Start> {
        StartParts::at(MarkerKind::Dash, Side::Ask, 1, text_at).compact()
    }

    #[test]
    fn a_short_question_answered_in_the_same_paragraph_is_speech() {
        for said in [
            "Why? Because nobody else would do it.",
            "Pourquoi ? Parce que le métier est dur.",
            "Warum? Weil niemand sonst es tun wollte.",
            "Vì sao? Vì không ai khác chịu làm.",
        ] {
            assert!(answers_itself(said), "{said}");
        }
        for asked in [
            "And the fog?",
            "Why did you stay? Many left.",
            "Why? Why now, after ten years?",
            "Pourquoi une coopérative ?",
        ] {
            assert!(!answers_itself(asked), "{asked}");
        }
    }

    #[test]
    fn starts_are_set_replaced_cleared_and_taken() {
        let mut s = Starts::new(4);
        assert!(s.iter().all(Option::is_none));
        s.set(1, start(2));
        s.set(3, start(5));
        s.set(3, start(6));
        s.set(0, None);
        let at: Vec<Option<usize>> = s.iter().map(|x| x.as_ref().map(Start::text_at)).collect();
        assert_eq!(at, [None, Some(2), None, Some(6)]);
        assert_eq!(s.take(3).map(|x| x.text_at()), Some(6));
        assert!(s[3].is_none() && s.take(3).is_none());
        s.set(1, None);
        assert!(s[1].is_none());
    }
}
