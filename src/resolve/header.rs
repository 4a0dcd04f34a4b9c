//! The people the header introduces as giving the interview, and the
//! interviewer a byline credits.

use super::people::person;
use crate::Span;
use crate::grammar::byline::is_generic_reporter;
use crate::grammar::speaker::{intro, mention, name_runs, quoted_headline};
use crate::grammar::{contains_any_ci, longest_of};
use crate::lang::Lexicon;
use crate::layout::{Layout, range_in};
use crate::model::{BylineRole, Participant, Role};
use crate::scan::{Doc, Para};
use crate::text::is_capitalised;
use std::borrow::Cow;
use std::ops::Range;

/// Every honorific-led name in a text: `ông Trương Văn Hậu`, `bà Lê Mai`.
fn mentions<'t>(text: &'t str, lex: &Lexicon) -> Vec<(&'t str, &'t str)> {
    let mut out: Vec<(&str, &str)> = Vec::new();
    let mut prev_alnum = false;
    for (i, c) in text.char_indices() {
        let boundary = !prev_alnum;
        prev_alnum = c.is_alphanumeric();
        if !boundary || longest_of(&text[i..], &lex.honorifics).is_none() {
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

/// The span and text of `s`, a slice of paragraph `p`'s cleaned text.
fn located<'a>(p: &Para<'a>, s: &str) -> (Span, Cow<'a, str>) {
    let at = s.as_ptr() as usize - p.text().as_ptr() as usize;
    let r = at..at + s.len();
    (
        Span::new(p.clean.raw(r.start), p.clean.raw(r.end)),
        p.clean.sub(r),
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
        aliases: Vec::new(),
        span,
    }
}

/// The people the header introduces as giving the interview, and the
/// outlet the introduction names (in a paragraph's cleaned text).
/// `questions` gives the question turns' texts, read only when the header
/// names nobody outright.
pub(super) fn interviewees<'a, 'q>(
    doc: &Doc<'a>,
    layout: &Layout,
    questions: impl FnOnce() -> Vec<&'q str>,
    lex: &Lexicon,
) -> (Vec<Participant<'a>>, Option<(usize, Range<usize>)>) {
    let header = &layout.header;
    let paras = &doc.paragraphs;
    let sources: Vec<usize> = header
        .captions
        .iter()
        .chain(&header.lede)
        .copied()
        .collect();
    // First: a line that says someone gives the interview.
    for &i in &sources {
        let p = &paras[i];
        let Some(m) = intro(p.text(), lex) else {
            continue;
        };
        if m.gives_interview {
            let outlet = m.outlet.map(|o| (i, range_in(p, o)));
            return (vec![person_in(p, m.honorific, m.name, m.title)], outlet);
        }
    }
    // Then: people named with an honorific where the line says they are
    // interviewed (`… trao đổi với ông X và ông Y …`).
    for &i in &sources {
        let p = &paras[i];
        let said = contains_any_ci(p.text(), &lex.interview_phrases);
        if said {
            let found = mentions(p.text(), lex);
            if !found.is_empty() {
                let people = found
                    .into_iter()
                    .map(|(h, n)| person_in(p, Some(h), n, None))
                    .collect();
                return (people, None);
            }
        }
    }
    (named(doc, layout, &sources, questions, lex), None)
}

/// The lead caption naming someone with an honorific, the headline quoting
/// someone, or the person the header speaks of most.
fn named<'a, 'q>(
    doc: &Doc<'a>,
    layout: &Layout,
    sources: &[usize],
    questions: impl FnOnce() -> Vec<&'q str>,
    lex: &Lexicon,
) -> Vec<Participant<'a>> {
    let header = &layout.header;
    let paras = &doc.paragraphs;
    if let Some(&first) = header.captions.first() {
        let p = &paras[first];
        if let Some(m) = intro(p.text(), lex).filter(|m| m.honorific.is_some()) {
            return vec![person_in(p, m.honorific, m.name, m.title)];
        }
    }
    if let Some(h) = header.headline.map(|i| &paras[i]) {
        if let Some((hon, name, _)) = quoted_headline(h.text(), lex) {
            return vec![person_in(h, hon, name, None)];
        }
    }
    let mut texts: Vec<&Para<'a>> = sources.iter().map(|&i| &paras[i]).collect();
    texts.extend(header.headline.map(|i| &paras[i]));
    let questions = questions();
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

/// The one person the byline credits, when it names one person and not
/// the word for "the reporter": they asked the questions.
pub(super) fn byline_interviewer<'a>(
    doc: &Doc<'_>,
    layout: &Layout,
    lex: &Lexicon,
) -> Option<Participant<'a>> {
    let b = layout.byline.as_ref()?;
    if b.role == BylineRole::Recorder {
        return None;
    }
    let people: Vec<&str> = b
        .names(doc)
        .into_iter()
        .filter(|n| !is_generic_reporter(n, lex) && is_capitalised(n))
        .collect();
    match people.as_slice() {
        [one] => Some(person(None, one, None, Role::Interviewer, b.span)),
        _ => None,
    }
}
