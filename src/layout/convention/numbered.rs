//! Numbered questions: an interview that numbers its questions (`1. …`,
//! `2) …`) and leaves the answers unmarked.
//!
//! ```text
//! numbered := list_number word text      -- 1, 2, 3… in order
//! ```
//!
//! (`list_number` is [`crate::grammar::marker::list_number`].)

use super::{Side, StartParts, Starts};
use crate::classify::Class;
use crate::grammar::marker::list_number;
use crate::model::MarkerKind;
use crate::scan::Para;
use crate::text::is_alpha;

/// The fewest numbered paragraphs that mark questions: a list of two is
/// as often a list.
const MIN_NUMBERED: usize = 3;
/// The least share, in tenths, of the numbered paragraphs that lean to a
/// question (a list of points in an answer rarely asks).
const NUMBERED_ASK_TENTHS: usize = 6;

/// The number opening `text` before a word (`1. Sofia, …`, `3) How …`):
/// its value and where the text after it starts.
fn number_at(text: &str) -> Option<(u32, usize)> {
    let (value, at) = list_number(text)?;
    text[at..]
        .starts_with(|c: char| c.is_uppercase() || is_alpha(c))
        .then_some((value, at))
}

/// Sets the starts of numbered questions: unmarked paragraphs numbered 1,
/// 2, 3… in order through the document, at least [`MIN_NUMBERED`] of them,
/// most leaning to a question. Whether it set them.
pub(super) fn numbered_question_starts(
    paras: &[Para<'_>],
    classes: &[Class<'_>],
    starts: &mut Starts,
) -> bool {
    // The run counting up from 1 (a number out of order ends nothing: an
    // answer may hold its own list, which is skipped).
    let mut run: Vec<(usize, usize)> = Vec::new();
    for i in (0..paras.len()).filter(|&i| starts[i].is_none()) {
        let Some((value, text_at)) = number_at(paras[i].text()) else {
            continue;
        };
        if value as usize == run.len() + 1 {
            run.push((i, text_at));
        }
    }
    let asking = run
        .iter()
        .filter(|&&(i, _)| classes[i].cues.leans_question())
        .count();
    if run.len() < MIN_NUMBERED || asking * 10 < run.len() * NUMBERED_ASK_TENTHS {
        return false;
    }
    for (i, text_at) in run {
        let marker_end = paras[i].text()[..text_at].trim_end().len();
        let start = StartParts::at(MarkerKind::Question, Side::Ask, marker_end, text_at);
        starts.set(i, start.compact());
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_opens_the_text() {
        assert_eq!(number_at("1. Sofia, what do you do?"), Some((1, 3)));
        assert_eq!(number_at("12) Und dann?"), Some((12, 4)));
        // No space, three digits, a date, a decimal.
        assert_eq!(number_at("1.Sofia"), None);
        assert_eq!(number_at("123. Too many"), None);
        assert_eq!(number_at("12.05.2024 war es"), None);
        assert_eq!(number_at("3.5 percent"), None);
    }
}
