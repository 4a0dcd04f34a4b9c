//! The last pass: who speaks, what each turn is, and what looks wrong.
//!
//! - **Participants.** The interviewee is the person a header caption, the
//!   lede or the headline introduces (`Ông X - Giám đốc … trả lời phỏng vấn
//!   Báo Y`; `… trao đổi với ông X và ông Y`; `X: 'quote'`); the interviewer
//!   is the one name of a byline that says who conducted the interview
//!   (`Thu Hà thực hiện`), unless it is the word for "the reporter" (`P.V`).
//! - **Kinds.** Thanks at the end are remarks. The rest alternate question
//!   and answer; a small dynamic programme picks the alternation that best
//!   fits each turn's cues (a trailing `?`, `Thưa ông`, first person, length),
//!   allowing two questions or two answers in a row only where the cues
//!   insist.
//! - **Speakers.** Answers go to the interviewee when there is one; questions
//!   to the interviewer when there is one; closing thanks to whichever side
//!   speaks in turn.
//! - **Diagnostics.** A weekday that contradicts its date, two questions or
//!   two answers in a row, answers with nobody to attribute them to.

use crate::assemble::{Assembled, sub};
use crate::classify::Cues;
use crate::grammar::byline::is_generic_reporter;
use crate::grammar::speaker::{intro, mention, name_runs, quoted_headline};
use crate::grammar::{contains_ci, is_capitalised, longest_of};
use crate::lang::Lexicon;
use crate::model::*;
use crate::scan::{Doc, Para};
use crate::{Language, Span};
use std::borrow::Cow;

/// Cost of two questions or two answers in a row.
const REPEAT_COST: f32 = 5.0;
/// Cost of opening with an answer.
const OPEN_WITH_ANSWER_COST: f32 = 1.5;

pub(crate) fn resolve<'a>(
    a: Assembled<'a>,
    doc: &Doc<'a>,
    language: Language,
    lex: &Lexicon,
) -> Transcript<'a> {
    let Assembled {
        mut transcript,
        cues,
        header,
        byline_outlet,
    } = a;
    let t = &mut transcript;
    t.language = language;
    kinds(t, &cues);
    let interviewees = interviewees(t, doc, &header, lex);
    let interviewer = interviewer(t, lex);
    let mut participants: Vec<Participant<'a>> = interviewees;
    let n_interviewees = participants.len();
    if let Some(p) = interviewer {
        participants.push(p);
    }
    let interviewee = (n_interviewees == 1).then_some(0);
    let interviewer = (participants.len() > n_interviewees && !multiple_interviewers(t, lex))
        .then_some(n_interviewees);
    t.participants = participants;
    if t.outlet.is_none() {
        t.outlet = byline_outlet;
    }
    speakers(t, interviewee, interviewer);
    diagnostics(t, n_interviewees);
    transcript
}

fn multiple_interviewers(t: &Transcript<'_>, _lex: &Lexicon) -> bool {
    t.byline.as_ref().is_some_and(|b| b.names.len() > 1)
}

/// Sets each turn's kind.
fn kinds(t: &mut Transcript<'_>, cues: &[Cues]) {
    let n = t.turns.len();
    // Closing thanks.
    let mut end = n;
    while end > 0 && cues[end - 1].thanks {
        end -= 1;
    }
    for turn in &mut t.turns[end..] {
        turn.kind = TurnKind::Remark;
    }
    // Alternation by dynamic programming over states [question, answer].
    if end == 0 {
        return;
    }
    let emit = |c: &Cues, q: bool| if q { -c.question } else { c.question };
    let mut cost = [
        emit(&cues[0], true),
        emit(&cues[0], false) + OPEN_WITH_ANSWER_COST,
    ];
    let mut back: Vec<[usize; 2]> = Vec::with_capacity(end);
    back.push([0, 1]);
    for c in &cues[1..end] {
        let mut next = [0.0f32; 2];
        let mut from = [0usize; 2];
        for (s, slot) in next.iter_mut().enumerate() {
            let stay = cost[s] + REPEAT_COST;
            let switch = cost[1 - s];
            let (best, prev) = if switch <= stay {
                (switch, 1 - s)
            } else {
                (stay, s)
            };
            *slot = best + emit(c, s == 0);
            from[s] = prev;
        }
        cost = next;
        back.push(from);
    }
    let mut s = if cost[0] <= cost[1] { 0 } else { 1 };
    for i in (0..end).rev() {
        t.turns[i].kind = if s == 0 {
            TurnKind::Question
        } else {
            TurnKind::Answer
        };
        s = back[i][s];
    }
}

fn person<'a>(
    honorific: Option<&str>,
    name: &str,
    title: Option<&str>,
    role: Role,
    span: Span,
) -> Participant<'a> {
    Participant {
        name: Cow::Owned(name.to_string()),
        honorific: honorific.map(|h| Cow::Owned(h.to_string())),
        title: title.map(|t| Cow::Owned(t.to_string())),
        affiliation: None,
        role,
        span,
    }
}

/// Every honorific-led name in a text: `ông Trương Văn Hậu`, `bà Lê Mai`.
fn mentions<'t>(text: &'t str, lex: &Lexicon) -> Vec<(&'t str, &'t str)> {
    let mut out: Vec<(&str, &str)> = Vec::new();
    let mut prev_alnum = false;
    for (i, c) in text.char_indices() {
        let boundary = !prev_alnum;
        prev_alnum = c.is_alphanumeric();
        if !boundary || longest_of(&text[i..], lex.honorifics).is_none() {
            continue;
        }
        if let Some((h, n)) = mention(&text[i..], lex) {
            if !out.iter().any(|(_, m)| *m == n) {
                out.push((h, n));
            }
        }
    }
    out
}

/// The person the header speaks of most: runs of capitalised names in the
/// headline, lede and header captions, scored by how often their last word
/// recurs there and in the questions. A name led by a personal honorific is
/// surely a person and beats any that is not. Taken when it stands out
/// (named twice, or with an honorific) or is the only one.
fn most_named<'t>(texts: &[&'t str], questions: &[&str], lex: &Lexicon) -> Option<&'t str> {
    let mut cands: Vec<(&str, bool)> = Vec::new();
    for t in texts {
        for (personal, name) in name_runs(t, lex) {
            match cands.iter_mut().find(|(n, _)| *n == name) {
                Some((_, p)) => *p |= personal,
                None => cands.push((name, personal)),
            }
        }
    }
    let only_one = cands.len() == 1;
    let scored = cands.into_iter().map(|(name, personal)| {
        let last = name.rsplit(' ').next().unwrap_or(name);
        let count: usize = texts
            .iter()
            .chain(questions)
            .map(|t| {
                t.split(|c: char| !c.is_alphanumeric())
                    .filter(|w| *w == last)
                    .count()
            })
            .sum();
        (name, personal, count)
    });
    let (name, personal, count) =
        scored.max_by_key(|&(n, p, c)| (p, c, std::cmp::Reverse(n.len())))?;
    (personal || count >= 2 || only_one).then_some(name)
}

/// Where the header speaks of people: its captions' and lede's paragraphs,
/// and the headline's.
pub(crate) struct HeaderParas {
    pub captions: Vec<usize>,
    pub lede: Vec<usize>,
    pub headline: Option<usize>,
}

/// The span and text of `s`, a slice of paragraph `p`'s cleaned text.
fn located<'a>(p: &Para<'a>, s: &str) -> (Span, Cow<'a, str>) {
    let at = s.as_ptr() as usize - p.text().as_ptr() as usize;
    let r = at..at + s.len();
    (
        Span::new(p.clean.raw(r.start), p.clean.raw(r.end)),
        sub(&p.clean, r),
    )
}

fn person_in<'a>(
    p: &Para<'a>,
    honorific: Option<&str>,
    name: &str,
    title: Option<&str>,
) -> Participant<'a> {
    let (span, name) = located(p, name);
    Participant {
        name,
        honorific: honorific.map(|h| located(p, h).1),
        title: title.map(|t| located(p, t).1),
        affiliation: None,
        role: Role::Interviewee,
        span,
    }
}

/// The people the header introduces as giving the interview.
fn interviewees<'a>(
    t: &mut Transcript<'a>,
    doc: &Doc<'a>,
    header: &HeaderParas,
    lex: &Lexicon,
) -> Vec<Participant<'a>> {
    let paras = &doc.paragraphs;
    let sources: Vec<&Para<'a>> = header
        .captions
        .iter()
        .chain(&header.lede)
        .map(|&i| &paras[i])
        .collect();
    // First: a line that says someone gives the interview.
    for p in &sources {
        let Some(m) = intro(p.text(), lex) else {
            continue;
        };
        if m.gives_interview {
            if let Some(o) = m.outlet {
                let (span, text) = located(p, o);
                t.outlet = Some(Text { text, span });
            }
            return vec![person_in(p, m.honorific, m.name, m.title)];
        }
    }
    // Then: people named with an honorific where the line says they are
    // interviewed (`… trao đổi với ông X và ông Y …`).
    for p in &sources {
        let said = lex
            .interview_phrases
            .iter()
            .any(|ph| contains_ci(p.text(), ph));
        if said {
            let found = mentions(p.text(), lex);
            if !found.is_empty() {
                return found
                    .into_iter()
                    .map(|(h, n)| person_in(p, Some(h), n, None))
                    .collect();
            }
        }
    }
    // Then: the lead caption naming someone with an honorific.
    if let Some(&first) = header.captions.first() {
        let p = &paras[first];
        if let Some(m) = intro(p.text(), lex).filter(|m| m.honorific.is_some()) {
            return vec![person_in(p, m.honorific, m.name, m.title)];
        }
    }
    // Then: the headline quoting someone.
    if let Some(h) = header.headline.map(|i| &paras[i]) {
        if let Some((hon, name, _)) = quoted_headline(h.text(), lex) {
            return vec![person_in(h, hon, name, None)];
        }
    }
    // Last: the person the header speaks of most.
    let mut texts: Vec<&Para<'a>> = sources.clone();
    texts.extend(header.headline.map(|i| &paras[i]));
    let questions: Vec<&str> = t
        .turns
        .iter()
        .filter(|x| x.kind == TurnKind::Question)
        .map(|x| x.text.as_ref())
        .collect();
    let strs: Vec<&str> = texts.iter().map(|p| p.text()).collect();
    let Some(name) = most_named(&strs, &questions, lex) else {
        return Vec::new();
    };
    let owner = texts.iter().find(|p| {
        let (a, b) = (p.text().as_ptr() as usize, name.as_ptr() as usize);
        b >= a && b < a + p.text().len()
    });
    owner
        .map(|p| vec![person_in(p, None, name, None)])
        .unwrap_or_default()
}

/// The one person the byline says conducted the interview.
fn interviewer<'a>(t: &Transcript<'a>, lex: &Lexicon) -> Option<Participant<'a>> {
    let b = t.byline.as_ref()?;
    if b.role != BylineRole::Interviewer {
        return None;
    }
    let mut people = b
        .names
        .iter()
        .filter(|n| !is_generic_reporter(n, lex) && is_capitalised(n));
    let first = people.next()?;
    Some(person(None, first, None, Role::Interviewer, b.span))
}

fn speakers(t: &mut Transcript<'_>, interviewee: Option<usize>, interviewer: Option<usize>) {
    let mut last_side: Option<TurnKind> = None;
    for turn in &mut t.turns {
        let side = match turn.kind {
            TurnKind::Question => TurnKind::Question,
            TurnKind::Answer => TurnKind::Answer,
            TurnKind::Remark => match last_side {
                Some(TurnKind::Answer) | None => TurnKind::Question,
                _ => TurnKind::Answer,
            },
        };
        turn.speaker = if side == TurnKind::Question {
            interviewer
        } else {
            interviewee
        };
        last_side = Some(side);
    }
}

fn diagnostics(t: &mut Transcript<'_>, interviewees: usize) {
    let mut out = Vec::new();
    if let Some(d) = &t.dateline {
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
    for pair in t.turns.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        let code = match (a.kind, b.kind) {
            (TurnKind::Question, TurnKind::Question) => DiagnosticCode::ConsecutiveQuestions,
            (TurnKind::Answer, TurnKind::Answer) => DiagnosticCode::ConsecutiveAnswers,
            _ => continue,
        };
        let what = if code == DiagnosticCode::ConsecutiveQuestions {
            "question"
        } else {
            "answer"
        };
        out.push(Diagnostic {
            code,
            message: format!(
                "a {what} follows a {what} with nothing between them; check the turn's marker"
            ),
            span: b.span,
        });
    }
    let unresolved: Vec<&Turn<'_>> = t
        .turns
        .iter()
        .filter(|x| x.kind == TurnKind::Answer && x.speaker.is_none())
        .collect();
    if let Some(first) = unresolved.first() {
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
            span: first.span,
        });
    }
    t.diagnostics = out;
}
