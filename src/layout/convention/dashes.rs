//! Dash-led turns: which dashes mark turns, and whether they mark the
//! questions only (answers unmarked) or, glyph by glyph, questions and
//! lists.

use super::{MIN_MARKERS, Side, StartParts, Starts};
use crate::classify::Class;
use crate::model::MarkerKind;
use crate::scan::Para;

/// The least share of dash turns that read as questions for the dash to
/// mark questions only...
const DASH_QUESTION_SHARE: f32 = 0.75;
/// ...with unmarked prose of this many words (an answer, in one paragraph
/// or several short ones)...
const DASH_GAP_MIN_WORDS: usize = 12;
/// ...between at least this many tenths of the consecutive dashes.
const DASH_GAP_TENTHS: usize = 7;
/// What the dashes of a document mark.
pub(super) struct Dashes {
    /// Dashes mark the turns.
    pub(super) style: bool,
    /// Dashes mark questions only, the answers unmarked (French `— `).
    pub(super) questions_only: bool,
    /// Bullets mark answers only, the questions unmarked (a press
    /// conference's `+ Ông X: …` under each reporter's question).
    pub(super) answers_only: bool,
}

/// Sets the starts of dash-led turns, when dashes are the document's
/// convention: at least two paragraphs open with one and labels do not
/// outnumber them, or one does and neither labels nor unmarked questions
/// (`bare_questions` of them) stand beside it.
pub(super) fn dash_starts(
    paras: &[Para<'_>],
    classes: &[Class<'_>],
    label_starts: usize,
    bare_questions: usize,
    starts: &mut Starts,
) -> Dashes {
    let n = paras.len();
    let listed = listed(paras, classes);
    let dash_count = classes
        .iter()
        .zip(&listed)
        .filter(|(c, l)| c.dash.is_some() && !**l)
        .count();
    // One dash is a convention only where nothing else is: not beside
    // labels, nor beside unmarked questions (a stray bullet, `* Bài viết
    // thuộc ấn phẩm…`, under an interview whose questions are unmarked).
    let style = dash_count >= MIN_MARKERS && dash_count > label_starts
        || (dash_count == 1 && label_starts == 0 && bare_questions < MIN_MARKERS);
    if !style {
        labelled_answers(paras, classes, starts);
        return Dashes {
            style,
            questions_only: false,
            answers_only: false,
        };
    }
    // A dash alone on its line opens the turn written on the next line.
    let alone = |i: usize| {
        classes[i]
            .dash
            .is_some_and(|d| d.text_at() >= paras[i].text().len())
    };
    let before_prose =
        |i: usize| i + 1 < n && classes[i + 1].dash.is_none() && classes[i + 1].shape.is_text();
    // Lone dashes mark questions when at least two stand before one.
    let lone_questions = (0..n)
        .filter(|&i| alone(i) && before_prose(i) && classes[i + 1].cues.reads_as_question())
        .count();
    let dashes: Vec<usize> = (0..n)
        .filter(|&i| classes[i].dash.is_some() && starts[i].is_none() && !listed[i])
        .filter(|&i| {
            // Alone, a dash marks the question on the next line; an empty
            // bullet before other prose marks nothing.
            !alone(i)
                || (before_prose(i)
                    && (classes[i + 1].cues.reads_as_question() || lone_questions >= MIN_MARKERS))
        })
        .collect();
    let reads_as_question = |i: usize| {
        let c = if alone(i) {
            &classes[i + 1]
        } else {
            &classes[i]
        };
        c.cues.reads_as_question()
    };
    // Dashes that mark questions only: most read as questions, with
    // unmarked prose (answers) between them.
    let questions_only = |dashes: &[usize]| {
        let questions = dashes.iter().filter(|&&i| reads_as_question(i)).count();
        let gaps = dashes
            .windows(2)
            .filter(|w| {
                let prose: usize = (w[0] + 1..w[1])
                    .filter(|&j| classes[j].shape.is_text())
                    .map(|j| classes[j].cues.words())
                    .sum();
                prose >= DASH_GAP_MIN_WORDS
            })
            .count();
        dashes.len() >= MIN_MARKERS
            && questions as f32 >= DASH_QUESTION_SHARE * dashes.len() as f32
            && gaps * 10 >= (dashes.len() - 1) * DASH_GAP_TENTHS
    };
    let glyph = |i: usize| paras[i].text().chars().next();
    let set = |starts: &mut Starts, i: usize, side: Side| {
        let d = classes[i].dash.expect("a dash paragraph");
        let start = StartParts {
            label_only: alone(i),
            ..StartParts::at(MarkerKind::Dash, side, d.len(), d.text_at())
        };
        starts.set(i, start.compact());
    };
    if questions_only(&dashes) {
        for &i in &dashes {
            set(starts, i, Side::Ask);
        }
        return Dashes {
            style,
            questions_only: true,
            answers_only: false,
        };
    }
    if let Some(asking) = question_glyph(&dashes, glyph, questions_only) {
        for (i, side) in glyph_sides(paras, classes, &dashes, asking, alone) {
            set(starts, i, side);
        }
        return Dashes {
            style,
            questions_only: true,
            answers_only: false,
        };
    }
    let answers_only = answers_only(paras, classes);
    for &i in &dashes {
        let side = if answers_only {
            Side::Answer
        } else {
            Side::Unknown
        };
        set(starts, i, side);
    }
    Dashes {
        style,
        questions_only: false,
        answers_only,
    }
}

/// The fewest items of a list introduced by a line ending in a colon.
const MIN_LIST_ITEMS: usize = 3;
/// The most words of such a list's item.
const LIST_ITEM_MAX_WORDS: usize = 15;
/// The most tenths of a list's items that may read as questions.
const LIST_QUESTION_TENTHS: usize = 3;

/// The paragraphs that are items of a list a line ending in a colon
/// introduces before any dash-led turn (`In this issue:` then `-A talk
/// with …`, `-eBook news`, `-Who reads us?`, …): at least
/// [`MIN_LIST_ITEMS`] paragraphs in a row led by the same dash (markup and
/// blank lines between them passed over) of at most
/// [`LIST_ITEM_MAX_WORDS`] words, few asking. A table of contents, not
/// turns; a lede ending in a colon over dash-led questions and answers
/// (`…trao đổi với ông X:` then `- Thưa ông, …?`) is no such list, its
/// turns being longer or asking.
fn listed(paras: &[Para<'_>], classes: &[Class<'_>]) -> Vec<bool> {
    let n = paras.len();
    let mut out = vec![false; n];
    let shown = |j: usize| paras[j].has_words();
    let glyph = |j: usize| paras[j].text().chars().next();
    // Before the first dash paragraph only: a list inside an answer (`Three
    // things:` then `+ …`) is left to the glyphs (see `glyph_sides`).
    let first_dash = (0..n).find(|&j| classes[j].dash.is_some()).unwrap_or(n);
    let mut i = 0;
    while i < first_dash {
        let c = &classes[i];
        if !(c.cues.ends_colon && c.dash.is_none() && c.shape.is_text()) {
            i += 1;
            continue;
        }
        let mut items: Vec<usize> = Vec::new();
        let mut j = i + 1;
        while j < n {
            if !shown(j) {
                j += 1;
                continue;
            }
            let item = &classes[j];
            let same = items.first().is_none_or(|&f| glyph(f) == glyph(j));
            // The dash grammar wants a capital after a glued dash; an item
            // may open in lower case (`-eBook News`) after items it led.
            let glued_lower = !items.is_empty()
                && paras[j]
                    .text()
                    .chars()
                    .nth(1)
                    .is_some_and(char::is_lowercase);
            let led = item.dash.is_some() || (same && glued_lower);
            if !led || item.cues.words() > LIST_ITEM_MAX_WORDS || !same {
                break;
            }
            items.push(j);
            j += 1;
        }
        let asking = items
            .iter()
            .filter(|&&k| classes[k].cues.reads_as_question())
            .count();
        if items.len() >= MIN_LIST_ITEMS && asking * 10 <= items.len() * LIST_QUESTION_TENTHS {
            for k in items {
                out[k] = true;
            }
        }
        i = j.max(i + 1);
    }
    out
}

/// The most tenths of bullet paragraphs that may read as questions where
/// bullets mark answers only.
const ANSWER_BULLET_QUESTION_TENTHS: usize = 2;

/// Whether the bullets of a document mark answers only, the questions
/// being unmarked paragraphs (a press conference's reporters' questions,
/// each over `+ Ông X: …`, `• Director Obi: …`). The evidence: few bullet
/// paragraphs read as questions, and the unmarked paragraph right above
/// most runs of bullets (at least [`MIN_MARKERS`] of them) is a question
/// put to someone ([`is_bare_question`](super::is_bare_question)).
fn answers_only(paras: &[Para<'_>], classes: &[Class<'_>]) -> bool {
    let n = paras.len();
    let bullet = |i: usize| {
        classes[i]
            .dash
            .is_some_and(|d| d.text_at() < paras[i].text().len())
    };
    let bullets: Vec<usize> = (0..n).filter(|&i| bullet(i)).collect();
    let asking = bullets
        .iter()
        .filter(|&&i| classes[i].cues.reads_as_question())
        .count();
    if asking * 10 > bullets.len() * ANSWER_BULLET_QUESTION_TENTHS {
        return false;
    }
    let shown = |j: usize| paras[j].has_words();
    let (mut runs, mut asked) = (0, 0);
    for &i in &bullets {
        let Some(prev) = (0..i).rev().find(|&j| shown(j)) else {
            runs += 1;
            continue;
        };
        if bullet(prev) {
            continue;
        }
        runs += 1;
        if super::is_bare_question(paras[prev].text(), &classes[prev]) {
            asked += 1;
        }
    }
    asked >= MIN_MARKERS && asked * 10 >= runs * DASH_GAP_TENTHS
}

/// Questions set with a dash in an interview whose answers carry the
/// speakers' names (`- Những ngày qua …?` then `Ông X: …`): where every
/// label names a speaker (none says who asks) and at least
/// [`MIN_MARKERS`] dash paragraphs, nearly all of them, ask, those open
/// question turns, though the labels outnumber them.
fn labelled_answers(paras: &[Para<'_>], classes: &[Class<'_>], starts: &mut Starts) {
    let labels: Vec<&super::Start> = starts.iter().flatten().collect();
    let speakers_only = !labels.is_empty()
        && labels
            .iter()
            .all(|s| s.marker == MarkerKind::Speaker && s.side != Side::Ask);
    if !speakers_only {
        return;
    }
    let dashes: Vec<usize> = (0..paras.len())
        .filter(|&i| starts[i].is_none())
        .filter(|&i| {
            classes[i]
                .dash
                .is_some_and(|d| d.text_at() < paras[i].text().len())
        })
        .collect();
    let asking: Vec<usize> = dashes
        .iter()
        .copied()
        .filter(|&i| classes[i].cues.reads_as_question())
        .collect();
    let share_ok = asking.len() as f32 >= DASH_QUESTION_SHARE * dashes.len() as f32;
    if asking.len() < MIN_MARKERS || !share_ok {
        return;
    }
    for i in asking {
        let d = classes[i].dash.expect("a dash paragraph");
        let start = StartParts::at(MarkerKind::Dash, Side::Ask, d.len(), d.text_at());
        starts.set(i, start.compact());
    }
}

/// The glyph whose dashes alone mark questions only, in a document whose
/// dashes have more than one glyph.
fn question_glyph(
    dashes: &[usize],
    glyph: impl Fn(usize) -> Option<char>,
    questions_only: impl Fn(&[usize]) -> bool,
) -> Option<char> {
    let mut glyphs: Vec<char> = dashes.iter().filter_map(|&i| glyph(i)).collect();
    glyphs.sort_unstable();
    glyphs.dedup();
    if glyphs.len() < 2 {
        return None;
    }
    glyphs.into_iter().find(|&g| {
        let own: Vec<usize> = dashes
            .iter()
            .copied()
            .filter(|&i| glyph(i) == Some(g))
            .collect();
        questions_only(&own)
    })
}

/// Where one glyph leads the questions (`— Vos travaux… ?`), the side of
/// each dash that opens a turn: the questions' glyph asks; a run of dashes
/// of another glyph is a list (`* Un livre`, `* Un article`) and opens no
/// turn, unless it answers the question just before it (`* Thưa bà…?` then
/// `- Ngay khi…`, `- Xin cảm ơn bà.`); a single one opens a turn.
fn glyph_sides(
    paras: &[Para<'_>],
    classes: &[Class<'_>],
    dashes: &[usize],
    asking: char,
    alone: impl Fn(usize) -> bool,
) -> Vec<(usize, Side)> {
    let glyph = |i: usize| paras[i].text().chars().next();
    let shown = |j: usize| !paras[j].text().is_empty();
    let other = |j: usize| classes[j].dash.is_some() && glyph(j) != Some(asking);
    let asks = |j: usize| classes[j].dash.is_some() && glyph(j) == Some(asking);
    let mut sides = Vec::with_capacity(dashes.len());
    let mut answering = false;
    for &i in dashes {
        if asks(i) {
            sides.push((i, Side::Ask));
            continue;
        }
        let prev = (0..i).rev().find(|&j| shown(j));
        // The first of a run: does it follow a question?
        let first_of_run = !prev.is_some_and(other);
        if first_of_run {
            answering = prev.is_some_and(|p| asks(p) || (p > 0 && asks(p - 1) && alone(p - 1)));
        }
        let alone_item =
            first_of_run && !(i + 1..paras.len()).find(|&j| shown(j)).is_some_and(other);
        if answering || alone_item {
            sides.push((i, Side::Unknown));
        }
    }
    sides
}
