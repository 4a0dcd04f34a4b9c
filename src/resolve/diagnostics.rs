//! What looks wrong: no turns, a weekday that contradicts its date, a
//! numeric date whose order only the language decided, two
//! questions or two answers in a row, answers with nobody to attribute
//! them to.

use crate::Span;
use crate::layout::Layout;
use crate::model::{Diagnostic, DiagnosticCode, TurnKind};
use crate::scan::Para;

/// How many diagnostics of one kind of pair are listed one by one.
const MAX_LISTED: usize = 100;

/// Adds to `out` what looks wrong in the turns of `layout`, of these
/// `kinds` and `speakers`, with `interviewees` people answering.
pub(super) fn diagnostics(
    out: &mut Vec<Diagnostic>,
    layout: &Layout,
    paras: &[Para<'_>],
    kinds: &[TurnKind],
    speakers: &[Option<usize>],
    interviewees: usize,
) {
    if kinds.is_empty() {
        out.push(Diagnostic {
            code: DiagnosticCode::NoTurns,
            message: "the document holds no question or answer turn (a statement?); its header, lede and furniture are returned".to_string(),
            // The start of the input, where the first block starts.
            span: Span::new(0, 0),
        });
    }
    if let Some(d) = &layout.dateline {
        if let (Some(date), Some(w)) = (d.date, d.weekday) {
            if date.weekday() != w {
                out.push(Diagnostic {
                    code: DiagnosticCode::WeekdayMismatch,
                    message: format!(
                        "the date line says {} but {date} was a {}; the date was kept and the weekday ignored",
                        w.name(),
                        date.weekday().name()
                    ),
                    span: d.span,
                });
            }
        }
    }
    if let Some(d) = &layout.dateline {
        if let (Some(date), Some(month_first)) = (d.date, d.order_guessed) {
            out.push(Diagnostic {
                code: DiagnosticCode::AmbiguousDate,
                message: crate::grammar::dateline::order_note(date, month_first),
                span: d.span,
            });
        }
    }
    // The two kinds of pair: their code, one of them, many of them.
    const PAIRS: [(DiagnosticCode, &str, &str); 2] = [
        (
            DiagnosticCode::ConsecutiveQuestions,
            "a question",
            "questions following questions",
        ),
        (
            DiagnosticCode::ConsecutiveAnswers,
            "an answer",
            "answers following answers",
        ),
    ];
    // Each pair is listed up to `MAX_LISTED`; one more note counts the rest.
    let mut listed = [0usize; 2];
    let mut unlisted: [Option<(usize, Span)>; 2] = [None, None];
    for (i, pair) in kinds.windows(2).enumerate() {
        let k = match (pair[0], pair[1]) {
            (TurnKind::Question, TurnKind::Question) => 0,
            (TurnKind::Answer, TurnKind::Answer) => 1,
            _ => continue,
        };
        // Read only for a pair that is noted: most pairs alternate.
        let span = layout.turns[i + 1].span(paras);
        if listed[k] == MAX_LISTED {
            let rest = unlisted[k].get_or_insert((0, span));
            rest.0 += 1;
            continue;
        }
        listed[k] += 1;
        let (code, what, _) = PAIRS[k];
        out.push(Diagnostic {
            code,
            message: format!(
                "{what} follows {what} with nothing between them; check the turn's marker"
            ),
            span,
        });
    }
    for (k, rest) in unlisted.into_iter().enumerate() {
        let Some((more, span)) = rest else { continue };
        let (code, _, what) = PAIRS[k];
        out.push(Diagnostic {
            code,
            message: format!(
                "{more} more {what}, not listed (the first is here): the document's markers may not be what the parser takes them for"
            ),
            span,
        });
    }
    let unresolved: Vec<usize> = (0..kinds.len())
        .filter(|&t| kinds[t] == TurnKind::Answer && speakers[t].is_none())
        .collect();
    if let (Some(&first), true) = (
        unresolved.first(),
        out.iter()
            .all(|d| d.code != DiagnosticCode::UnresolvedSpeaker),
    ) {
        let why = if interviewees > 1 {
            format!(
                "the text introduces {interviewees} interviewees and marks answers only with dashes"
            )
        } else {
            "no caption, lede or headline introduces the interviewee".to_string()
        };
        out.push(Diagnostic {
            code: DiagnosticCode::UnresolvedSpeaker,
            message: format!("{} answer(s) have no speaker: {why}", unresolved.len()),
            span: layout.turns[first].span(paras),
        });
    }
}

pub(super) fn unresolved_note(n: usize) -> Diagnostic {
    Diagnostic {
        code: DiagnosticCode::UnresolvedSpeaker,
        message: format!(
            "the text introduces {n} interviewees and marks answers only with dashes or not at all; answers have no speaker"
        ),
        span: Span::default(),
    }
}
