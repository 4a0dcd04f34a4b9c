//! Turn kinds and speakers: the alternation of questions and answers,
//! held to the sides the markers give, then who speaks each turn.

use super::Stance;
use crate::keys::ASK_KEY;
use crate::layout::TurnPlan;
use crate::model::TurnKind;

/// Cost of two questions or two answers in a row.
const REPEAT_COST: f32 = 5.0;

/// Cost of opening with an answer.
const OPEN_WITH_ANSWER_COST: f32 = 1.5;

/// Cost of going against a side the markers give.
const SIDE_COST: f32 = 20.0;

/// An answerer's turn this short, right after their own turn, or calling
/// on someone between another speaker's answer and the next question,
/// passes the floor rather than answers.
const FLOOR_WORDS: usize = 8;

/// Each turn's kind.
pub(super) fn kinds(
    info: &[TurnPlan],
    parts: &[Stance],
    of_turn: &[Option<usize>],
    calls_on: impl Fn(usize) -> bool,
    asks_anywhere: impl Fn(usize) -> bool,
) -> Vec<TurnKind> {
    let n = info.len();
    let mut kinds = vec![TurnKind::Remark; n];
    // Closing thanks.
    let mut end = n;
    while end > 0 && info[end - 1].cues.thanks {
        end -= 1;
    }
    // Alternation by dynamic programming over states [question, answer],
    // held to the sides the markers give.
    if end > 0 {
        let emit = |i: usize, q: bool| {
            let c = &info[i].cues;
            let cue = if q { -c.question } else { c.question };
            let side = match (parts[i], q) {
                (Stance::Ask, false) | (Stance::Answer, true) => SIDE_COST,
                _ => 0.0,
            };
            cue + side
        };
        let mut cost = [emit(0, true), emit(0, false) + OPEN_WITH_ANSWER_COST];
        // Where each state came from, a bit per state (bit `s` set: from
        // state 1).
        let mut back: Vec<u8> = Vec::with_capacity(end);
        back.push(0b10);
        for i in 1..end {
            let mut next = [0.0f32; 2];
            let mut from = [0usize; 2];
            // A free turn after a free one or a question or an answer that
            // its marker fixed: repeating its kind costs.
            let fixed_or_free = matches!(parts[i - 1], Stance::Free | Stance::Ask | Stance::Answer);
            let repeat = if parts[i] == Stance::Free && fixed_or_free {
                REPEAT_COST
            } else {
                0.0
            };
            for (s, slot) in next.iter_mut().enumerate() {
                let stay = cost[s] + repeat;
                let switch = cost[1 - s];
                let (best, prev) = if switch <= stay {
                    (switch, 1 - s)
                } else {
                    (stay, s)
                };
                *slot = best + emit(i, s == 0);
                from[s] = prev;
            }
            cost = next;
            back.push(from[0] as u8 | (from[1] as u8) << 1);
        }
        let mut s = if cost[0] <= cost[1] { 0 } else { 1 };
        for i in (0..end).rev() {
            kinds[i] = if s == 0 {
                TurnKind::Question
            } else {
                TurnKind::Answer
            };
            s = usize::from(back[i] >> s & 1);
        }
    }
    // Procedure, narration, opening statements, floor-passing.
    let mut asked = false;
    for i in 0..end {
        let kind = match parts[i] {
            Stance::Procedure => TurnKind::Remark,
            Stance::Host if info[i].cues.reads_as_question() => TurnKind::Question,
            Stance::Host => TurnKind::Remark,
            Stance::Ask if info[i].cues.thanks => TurnKind::Remark,
            // The asker's welcome before the first question, asking
            // nothing in any of its paragraphs (`Welcome back. Today I have
            // X with me, who…`).
            Stance::Ask
                if !asked
                    && info[i].cues.welcomes
                    && !info[i].cues.reads_as_question()
                    && !asks_anywhere(i) =>
            {
                TurnKind::Remark
            }
            Stance::Answer | Stance::Free if kinds[i] == TurnKind::Answer => {
                let same_speaker_before =
                    i > 0 && of_turn[i].is_some() && of_turn[i - 1] == of_turn[i];
                // Calling on someone between another speaker's answer and
                // a reporter's question (`Go ahead, Mary.` after a colleague
                // answered, before `Q:`; not `Yes.`, agreeing with them).
                let gives_floor = i > 0
                    && i + 1 < end
                    && of_turn[i].is_some()
                    && of_turn[i - 1] != of_turn[i]
                    && kinds[i - 1] == TurnKind::Answer
                    && kinds[i + 1] == TurnKind::Question
                    && (of_turn[i + 1].is_none() || info[i + 1].key() == Some(ASK_KEY))
                    && !info[i].cues.thanks
                    && calls_on(i);
                let short = info[i].cues.words() <= FLOOR_WORDS;
                if (!asked && parts[i] == Stance::Answer)
                    || (short && (same_speaker_before || gives_floor))
                {
                    TurnKind::Remark
                } else {
                    TurnKind::Answer
                }
            }
            _ => kinds[i],
        };
        if kind == TurnKind::Question {
            asked = true;
        }
        kinds[i] = kind;
    }
    kinds
}

#[allow(clippy::too_many_arguments)]
/// What decides who speaks a turn that no label names.
pub(super) struct Sides<'s> {
    /// Each turn's label group.
    pub of_turn: &'s [Option<usize>],
    /// Each group's participant.
    pub group_index: &'s [usize],
    /// `(turn, participant)` of the reporters a question label names,
    /// ascending.
    pub reporters: &'s [(usize, usize)],
    pub interviewee: Option<usize>,
    pub interviewer: Option<usize>,
}

/// Each turn's speaker: its label's participant, the reporter its label
/// names, or the side it speaks for (a closing remark for whichever side
/// speaks in turn).
pub(super) fn speakers(
    info: &[TurnPlan],
    kinds: &[TurnKind],
    parts: &[Stance],
    sides: &Sides<'_>,
) -> Vec<Option<usize>> {
    let mut out = Vec::with_capacity(kinds.len());
    let mut last_side: Option<TurnKind> = None;
    for (i, &kind) in kinds.iter().enumerate() {
        let side = match kind {
            TurnKind::Question => TurnKind::Question,
            TurnKind::Answer => TurnKind::Answer,
            TurnKind::Remark => match (parts[i], last_side) {
                (Stance::Ask, _) => TurnKind::Question,
                (Stance::Answer, _) => TurnKind::Answer,
                (_, Some(TurnKind::Answer) | None) => TurnKind::Question,
                _ => TurnKind::Answer,
            },
        };
        out.push(if let Some(g) = sides.of_turn[i] {
            Some(sides.group_index[g])
        } else if let Ok(k) = sides.reporters.binary_search_by_key(&i, |&(t, _)| t) {
            Some(sides.reporters[k].1)
        } else if info[i].key().is_some() && parts[i] == Stance::Procedure {
            None
        } else if side == TurnKind::Question {
            sides.interviewer
        } else {
            sides.interviewee
        });
        last_side = Some(side);
    }
    out
}
