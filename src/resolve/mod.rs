//! The last pass: who speaks, what each turn is, and what looks wrong.
//!
//! - **Participants.** The interviewee is the person a header caption, the
//!   lede or the headline introduces (`Ông X - Giám đốc … trả lời phỏng vấn
//!   Báo Y`; `… trao đổi với ông X và ông Y`; `X: 'quote'`; `'…', afirma
//!   X`; `OpenBeat caught up with X`), the one person a front matter
//!   `speakers:` list names, or else the name the evidence favours (see
//!   `evidence`: a person's name, not a sentence start or an organisation;
//!   addressed in the questions, named in the headline or a caption,
//!   recurring); the interviewer is the one name of a byline that says who
//!   conducted the interview (`Thu Hà thực hiện`), unless it is the word
//!   for "the reporter" (`P.V`).
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

mod diagnostics;
mod evidence;
mod header;
mod kinds;
mod people;

use crate::keys::{ANSWER_KEY, ASK_KEY, AliasIndex, procedure_role};
use crate::lang::Lexicon;
use crate::layout::{LabelFacts, Layout, Side, TurnPlan};
use crate::model::*;
use crate::scan::Doc;
use crate::text::is_capitalised;
use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::ops::Range;
use std::rc::Rc;

/// A hash map keyed by short strings of our own, hashed with FNV.
type FnvMap<K, V> = HashMap<K, V, BuildHasherDefault<crate::fnv::Fnv>>;

/// What the resolver decides: each turn's kind and speaker, the
/// participants, the outlet an introduction names, and the diagnostics.
#[derive(Debug, Default)]
pub(crate) struct Resolution<'a> {
    /// Each turn's kind.
    pub kinds: Vec<TurnKind>,
    /// Each turn's speaker, an index into `participants`.
    pub speakers: Vec<Option<usize>>,
    pub participants: Vec<Participant<'a>>,
    /// The outlet the interviewee's introduction names, in a paragraph's
    /// cleaned text.
    pub outlet: Option<(usize, Range<usize>)>,
    pub diagnostics: Vec<Diagnostic>,
}

/// A speaker whose turns ask at least this often asks.
const ASKER_SHARE: f32 = 0.5;

/// The questions the speaker who opens a panel puts, at least, to be taken
/// for its moderator.
const PANEL_MIN_QUESTIONS: usize = 2;

/// The part a turn's speaker plays: their stance.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stance {
    Ask,
    Answer,
    /// Runs the event: a moderator, an operator.
    Procedure,
    /// A broadcast's host: narrates, sometimes asks.
    Host,
    /// Nothing says: the alternation decides.
    Free,
}

/// The turns one speaker label stands for, under all its forms.
struct Group {
    /// The longest key.
    key: String,
    /// The labels as written.
    labels: Vec<String>,
    turns: Vec<usize>,
    role: Option<Role>,
    /// The header introduces them in their role (see [`introduced_roles`]):
    /// they lead the conversation, asking the others.
    introduced: bool,
    part: Stance,
}

/// Whether a label key names someone: not the generic question or answer
/// label, and not a first-person pronoun (see [`is_pronoun_key`]).
fn is_person_key(k: &str, lex: &Lexicon) -> bool {
    k != ASK_KEY && k != ANSWER_KEY && !k.is_empty() && !is_pronoun_key(k, lex)
}

/// Whether a label key is a first-person pronoun: `Tôi: "…"`, `Ich: „…“`
/// quote the speaker's own words inside their answer, a turn of whoever
/// spoke before. A single letter (`I:`) is an abbreviation (`I:` / `R:`,
/// interviewer and respondent), not the pronoun.
fn is_pronoun_key(k: &str, lex: &Lexicon) -> bool {
    k.chars().count() > 1 && crate::grammar::is_word_of(k, &lex.first_person)
}

/// Groups the labelled turns by speaker, merging a label's other forms
/// (`RANSOME` into `KEITH RANSOME`, `CH` into `Christian Halden`).
fn groups(info: &[TurnPlan], lex: &Lexicon) -> (Vec<Group>, Vec<Option<usize>>) {
    // Each distinct label record read once: a briefing has thousands of
    // turns sharing the records of a few labels, and a few speakers.
    let (mut distinct, of_label) = distinct_labels(info, lex);
    let mut keys: Vec<&str> = distinct
        .iter()
        .filter(|d| d.person)
        .map(|d| d.key)
        .collect();
    keys.sort_unstable();
    keys.dedup();
    let index = AliasIndex::new(keys.iter().copied());
    let canonical = |k: &str| -> String {
        index
            .longer_forms(k)
            .max_by_key(|long| long.len())
            .map_or(k.to_string(), str::to_string)
    };
    let mut groups: Vec<Group> = Vec::new();
    // A key's group, and a canonical key's: each looked up once.
    let mut of_key: FnvMap<&str, usize> = FnvMap::default();
    let mut of_canonical: FnvMap<String, usize> = FnvMap::default();
    let mut of_turn = vec![None; info.len()];
    for (i, x) in info.iter().enumerate() {
        let Some(d) = of_label[i] else {
            continue;
        };
        let d = &mut distinct[d as usize];
        let before: Option<usize> = i.checked_sub(1).and_then(|p| of_turn[p]);
        if let Some(g) = before.filter(|_| d.pronoun) {
            groups[g].turns.push(i);
            of_turn[i] = Some(g);
            continue;
        }
        if !d.person {
            continue;
        }
        let g = match d.group {
            Some(g) => g,
            None => {
                let k = d.key;
                let g = match of_key.get(k) {
                    Some(&g) => g,
                    None => {
                        let c = canonical(k);
                        let g = match of_canonical.get(&c) {
                            Some(&g) => g,
                            None => {
                                groups.push(Group {
                                    key: c.clone(),
                                    labels: Vec::new(),
                                    turns: Vec::new(),
                                    role: None,
                                    introduced: false,
                                    part: Stance::Free,
                                });
                                of_canonical.insert(c, groups.len() - 1);
                                groups.len() - 1
                            }
                        };
                        of_key.insert(k, g);
                        g
                    }
                };
                // The record's label, read for a role the first time the
                // group has it (every turn sharing the record has it).
                if let Some(l) = x.label() {
                    if !groups[g].labels.iter().any(|have| have == l) {
                        groups[g].labels.push(l.to_string());
                        if groups[g].role.is_none() {
                            groups[g].role = procedure_role(l, lex);
                        }
                    }
                }
                d.group = Some(g);
                g
            }
        };
        groups[g].turns.push(i);
        of_turn[i] = Some(g);
    }
    (groups, of_turn)
}

/// A distinct label record of the turns, as [`groups`] reads it.
struct DistinctLabel<'k> {
    /// Its key; a possessive label (`Fed's Whitcombe`) stands for the name
    /// after it.
    key: &'k str,
    /// The key names someone ([`is_person_key`])...
    person: bool,
    /// ...or is a pronoun ([`is_pronoun_key`]).
    pronoun: bool,
    /// Its group, once a turn of it joined one.
    group: Option<usize>,
}

/// The turns' distinct label records with a key, and each turn's record
/// among them (`None` for a turn without a key).
fn distinct_labels<'k>(
    info: &'k [TurnPlan],
    lex: &Lexicon,
) -> (Vec<DistinctLabel<'k>>, Vec<Option<u32>>) {
    let mut seen: FnvMap<*const LabelFacts, u32> = FnvMap::default();
    // Whether a key is a person's and a pronoun, decided once a distinct
    // key (records of different labels may share one).
    let mut kinds: FnvMap<&str, (bool, bool)> = FnvMap::default();
    let mut distinct: Vec<DistinctLabel<'k>> = Vec::new();
    let of_label = info
        .iter()
        .map(|x| {
            let label = x.label.as_ref()?;
            let key = x.key()?;
            let d = *seen.entry(Rc::as_ptr(label)).or_insert_with(|| {
                let key = evidence::after_possessive(key);
                let (person, pronoun) = *kinds
                    .entry(key)
                    .or_insert_with(|| (is_person_key(key, lex), is_pronoun_key(key, lex)));
                distinct.push(DistinctLabel {
                    key,
                    person,
                    pronoun,
                    group: None,
                });
                // Fewer records than turns, whose plans count in 32 bits.
                (distinct.len() - 1) as u32
            });
            Some(d)
        })
        .collect();
    (distinct, of_label)
}

/// The participants the label `groups` stand for, pushed to
/// `participants`; each group's index there. `first_span` gives where a
/// turn's speaker first speaks.
fn labelled_people<'a>(
    doc: &Doc<'a>,
    layout: &Layout,
    groups: &[Group],
    participants: &mut Vec<Participant<'a>>,
    first_span: impl Fn(usize) -> crate::Span,
    lex: &Lexicon,
) -> Vec<usize> {
    let drafts: Vec<people::Draft> = groups.iter().map(|g| people::draft(g, lex)).collect();
    // Only a one-word label is ever completed into a full name, and only
    // where its labels give none: the context gathers no other word's (a
    // word it never finds, `operator`, would have it read every text).
    let one_word: Vec<&str> = groups
        .iter()
        .zip(&drafts)
        .filter(|(g, d)| d.may_look_up(g))
        .map(|(g, _)| g.key.as_str())
        .collect();
    let context = people::Context::new(doc, layout, &one_word, lex);
    let event = people::Event::of(groups, &layout.turns);
    let mut group_index = Vec::with_capacity(groups.len());
    for (g, draft) in groups.iter().zip(drafts) {
        group_index.push(participants.len());
        let span = first_span(g.turns[0]);
        participants.push(people::labelled_person(g, draft, &context, &event, span));
    }
    group_index
}

/// How many words before a speaker's name in the header a role word may
/// stand (`MC -- Nhà báo Lê Hải Bằng`, `animé par la journaliste Anne
/// Roux`).
const ROLE_REACH: usize = 4;
/// The most words of a role written before a name (`Người dẫn chương
/// trình`).
const ROLE_MAX_WORDS: usize = 4;

/// Gives a speaker the role the header introduces them in: a procedure
/// role's word (`MC`, `Moderator`, `Animatrice`) up to [`ROLE_REACH`]
/// words before their name (the label's key, two words or more) in the
/// lede or a header caption. A round table's moderator is labelled by
/// name like the guests; only the introduction tells them apart.
fn introduced_roles(doc: &Doc<'_>, layout: &Layout, groups: &mut [Group], lex: &Lexicon) {
    let header = &layout.header;
    let texts: Vec<&str> = header
        .lede
        .iter()
        .chain(&header.captions)
        .map(|&i| doc.paragraphs[i].text())
        .collect();
    for g in groups.iter_mut().filter(|g| g.role.is_none()) {
        if g.key.split(' ').count() < 2 {
            continue;
        }
        g.role = texts.iter().find_map(|t| role_before(t, &g.key, lex));
        g.introduced = g.role.is_some();
    }
}

/// The role a procedure role's word gives the person named `key` in
/// `text`, written up to [`ROLE_REACH`] words before the name.
fn role_before(text: &str, key: &str, lex: &Lexicon) -> Option<Role> {
    let mut from = 0;
    while let Some(rel) = crate::grammar::find_ci(&text[from..], key) {
        let at = from + rel;
        from = at + key.len();
        let words: Vec<&str> = text[..at]
            .split_whitespace()
            .rev()
            .take(ROLE_REACH + ROLE_MAX_WORDS)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let start = words.len().saturating_sub(ROLE_REACH + ROLE_MAX_WORDS);
        for j in start..words.len() {
            for k in 1..=ROLE_MAX_WORDS.min(words.len() - j) {
                if words.len() - j - k > ROLE_REACH {
                    continue;
                }
                let phrase = words[j..j + k].join(" ");
                let phrase = phrase.trim_matches(|c: char| !c.is_alphanumeric());
                // An elided article before the word (`l'animatrice`).
                let phrase = phrase
                    .split_once(['\'', '’'])
                    .filter(|(article, _)| article.chars().count() <= 2)
                    .map_or(phrase, |(_, word)| word);
                if let Some(role) = procedure_role(phrase, lex) {
                    return Some(role);
                }
            }
        }
    }
    None
}

/// How many unlabelled answers must go before a speaker first labelled
/// after every unlabelled turn for that speaker to be a box of their own.
const LATE_BOX_MIN_ANSWERS: usize = 2;

/// Decides the stance each labelled speaker takes, and each turn's.
fn stances(info: &[TurnPlan], groups: &mut [Group], of_turn: &[Option<usize>]) -> Vec<Stance> {
    let generic_ask = info
        .iter()
        .any(|x| x.key() == Some(ASK_KEY) || x.side == Side::Ask);
    // How many of a speaker's turns read as questions, and what share.
    let questions = |g: &Group| {
        g.turns
            .iter()
            .filter(|&&t| info[t].cues.reads_as_question())
            .count()
    };
    let asks = |g: &Group| questions(g) as f32 / g.turns.len().max(1) as f32;
    let speaking: Vec<usize> = (0..groups.len())
        .filter(|&g| groups[g].role.is_none())
        .collect();
    let decided: Vec<Stance> = (0..groups.len())
        .map(|g| match groups[g].role {
            // Introduced as the one who leads (`MC -- Nhà báo X`): asks.
            Some(Role::Host | Role::Moderator) if groups[g].introduced => Stance::Ask,
            Some(Role::Host) => Stance::Host,
            Some(_) => Stance::Procedure,
            None if groups[g].turns.iter().any(|&t| info[t].note().is_some()) => Stance::Ask,
            None if groups[g].turns.iter().all(|&t| info[t].side == Side::Ask) => Stance::Ask,
            None if generic_ask => Stance::Answer,
            None if speaking.len() == 2 => {
                let other = speaking
                    .iter()
                    .copied()
                    .find(|&o| o != g)
                    .expect("two speakers");
                if asks(&groups[g]) > asks(&groups[other]) {
                    Stance::Ask
                } else {
                    Stance::Answer
                }
            }
            None if asks(&groups[g]) >= ASKER_SHARE => Stance::Ask,
            None => Stance::Answer,
        })
        .collect();
    for (g, p) in groups.iter_mut().zip(decided) {
        g.part = p;
    }
    let operators: Vec<usize> = (0..groups.len())
        .filter(|&g| groups[g].role == Some(Role::Operator))
        .collect();
    // Whoever first speaks right after the operator hands over, and asks
    // anything at all, is an analyst on a call; unless half their turns
    // or more come right after an asker's turn (a `Q:`, a question's side):
    // the official the operator hands the call to at its start, who then
    // takes the questions.
    for (k, g) in groups.iter_mut().enumerate() {
        if g.role.is_some() {
            continue;
        }
        let first = g.turns[0];
        let after_operator =
            first > 0 && of_turn[first - 1].is_some_and(|p| operators.contains(&p));
        let asks_some = g.turns.iter().any(|&t| info[t].cues.reads_as_question());
        let after_askers = g
            .turns
            .iter()
            .filter(|&&t| {
                t > 0
                    && of_turn[t - 1] != Some(k)
                    && (info[t - 1].key() == Some(ASK_KEY) || info[t - 1].side == Side::Ask)
            })
            .count();
        if after_operator && asks_some && after_askers * 2 < g.turns.len() {
            g.part = Stance::Ask;
        }
    }
    // Someone who speaks as often as the host is a co-host, where the host
    // has more than one other to speak with: with only one, that one is
    // the guest the host interviews (`MC:` and the writer, in turn).
    let host_turns = groups
        .iter()
        .filter(|g| g.part == Stance::Host)
        .map(|g| g.turns.len())
        .max()
        .unwrap_or(0);
    if host_turns > 0 && speaking.len() > 1 {
        for g in groups.iter_mut().filter(|g| g.role.is_none()) {
            if g.turns.len() * 2 >= host_turns {
                g.part = Stance::Host;
                g.role = Some(Role::Host);
            }
        }
    }
    // A panel where nobody asks half the time: whoever opens it, and asks
    // at least twice, moderates it (everyone else answers); a moderator's
    // turn is a question when it reads as one, else a remark.
    let nobody_asks = !groups
        .iter()
        .any(|g| matches!(g.part, Stance::Ask | Stance::Host));
    if nobody_asks && !generic_ask && speaking.len() > 2 {
        let opener = speaking.iter().copied().min_by_key(|&g| groups[g].turns[0]);
        if let Some(m) = opener.filter(|&m| questions(&groups[m]) >= PANEL_MIN_QUESTIONS) {
            groups[m].part = Stance::Host;
            groups[m].role = Some(Role::Moderator);
        }
    }
    info.iter()
        .zip(of_turn)
        .map(|(x, g)| match (x.side, g) {
            (Side::Ask, _) => Stance::Ask,
            (Side::Answer, _) => Stance::Answer,
            (Side::Unknown, Some(g)) => groups[*g].part,
            (Side::Unknown, None) => Stance::Free,
        })
        .collect()
}

/// Resolves who speaks each turn, what each turn is, and what looks
/// wrong, reading the paragraphs and the layout.
pub(crate) fn resolve<'a>(doc: &Doc<'a>, layout: &Layout, lex: &Lexicon) -> Resolution<'a> {
    let info = &layout.turns;
    let paras = &doc.paragraphs;
    let (mut groups, of_turn) = groups(info, lex);
    introduced_roles(doc, layout, &mut groups, lex);
    let stances = stances(info, &mut groups, &of_turn);
    let calls_on = |t| {
        turn_texts(layout, paras, t)
            .next()
            .is_some_and(|s| evidence::calls_on(s, lex))
    };
    let asks_anywhere = |t| turn_texts(layout, paras, t).any(|s| s.contains('?'));
    let kinds = kinds::kinds(info, &stances, &of_turn, calls_on, asks_anywhere);
    let mut diagnostics = Vec::new();
    // Where a turn's speaker first speaks: its marker, or the turn.
    let first_span = |t: usize| {
        let plan = &info[t];
        plan.marker_span(paras).unwrap_or_else(|| plan.span(paras))
    };

    // Participants: the labelled speakers, then whoever the header
    // introduces when no label names the answering side.
    let mut participants: Vec<Participant<'a>> = Vec::new();
    let group_index = labelled_people(doc, layout, &groups, &mut participants, first_span, lex);
    // A speaker first labelled after the interviewer's closing thanks (after
    // an answer: thanks that open the event close nothing), or
    // after every unlabelled turn once two unlabelled answers went before,
    // speaks in a box of their own (`Phó Chủ tịch … X: …` under the
    // interview): not the interviewee the unlabelled answers are given to.
    let first_answer = (0..info.len())
        .find(|&t| kinds[t] == TurnKind::Answer)
        .unwrap_or(info.len());
    let closing = (first_answer..info.len())
        .find(|&t| info[t].cues.thanks && kinds[t] != TurnKind::Answer)
        .unwrap_or(info.len());
    let unlabelled_answers = (0..info.len())
        .filter(|&t| of_turn[t].is_none() && kinds[t] == TurnKind::Answer)
        .count();
    let last_unlabelled = (0..info.len()).rev().find(|&t| of_turn[t].is_none());
    let late = |g: &Group| {
        g.turns[0] >= closing
            || (unlabelled_answers >= LATE_BOX_MIN_ANSWERS
                && last_unlabelled.is_some_and(|u| g.turns[0] > u))
    };
    let answering = |g: &Group| g.part == Stance::Answer && !late(g);
    let named_answerers = groups.iter().filter(|g| answering(g)).count();
    let mut interviewee = None;
    let mut outlet = None;
    if named_answerers == 0 {
        let questions = || question_texts(layout, paras, &kinds);
        let (found, said) = header::interviewees(doc, layout, questions, lex);
        outlet = said;
        let n = found.len();
        let base = participants.len();
        participants.extend(found);
        interviewee = (n == 1).then_some(base);
        if n > 1 {
            diagnostics.push(diagnostics::unresolved_note(n));
        }
    } else if named_answerers == 1 {
        interviewee = groups.iter().position(answering).map(|g| group_index[g]);
    }
    let named_askers = groups.iter().filter(|g| g.part == Stance::Ask).count();
    let mut interviewer = None;
    if named_askers == 0 {
        if let Some(p) = header::byline_interviewer(doc, layout, &participants, lex) {
            interviewer = Some(participants.len());
            participants.push(p);
        }
    }
    let reporters = reporters(info, &of_turn, &mut participants, first_span);
    let speakers = kinds::speakers(
        info,
        &kinds,
        &stances,
        &kinds::Sides {
            of_turn: &of_turn,
            group_index: &group_index,
            reporters: &reporters,
            interviewee,
            interviewer,
        },
    );
    let answerers = if named_answerers > 0 {
        named_answerers
    } else {
        usize::from(interviewee.is_some())
    };
    diagnostics::diagnostics(
        &mut diagnostics,
        layout,
        paras,
        &kinds,
        &speakers,
        answerers,
    );
    Resolution {
        kinds,
        speakers,
        participants,
        outlet,
        diagnostics,
    }
}

/// The texts of the question turns, a paragraph at a time.
/// The texts of turn `t`'s paragraphs, its marker passed over.
fn turn_texts<'s>(
    layout: &'s Layout,
    paras: &'s [crate::scan::Para<'_>],
    t: usize,
) -> impl Iterator<Item = &'s str> {
    layout
        .turn_paragraphs(t, paras)
        .map(move |(i, from)| &paras[i].text()[from..])
}

fn question_texts<'s>(
    layout: &'s Layout,
    paras: &'s [crate::scan::Para<'_>],
    kinds: &[TurnKind],
) -> Vec<&'s str> {
    // The interviewer's closing thanks call the interviewee by name too
    // (`Thank you, Duncan.`).
    let asks = |t: usize| {
        kinds[t] == TurnKind::Question
            || (kinds[t] == TurnKind::Remark && layout.turns[t].side == Side::Ask)
    };
    (0..layout.turns.len())
        .filter(|&t| asks(t))
        .flat_map(|t| turn_texts(layout, paras, t))
        .collect()
}

/// Reporters named inside a question label that names nobody else: each
/// becomes a participant. `(turn, participant)`, ascending: few turns have
/// one.
fn reporters<'a>(
    info: &[TurnPlan],
    of_turn: &[Option<usize>],
    participants: &mut Vec<Participant<'a>>,
    first_span: impl Fn(usize) -> crate::Span,
) -> Vec<(usize, usize)> {
    let mut reporters = Vec::new();
    for (i, x) in info.iter().enumerate() {
        let (Some(note), None) = (x.note(), of_turn[i]) else {
            continue;
        };
        let name = note.split([',', '–', '—', '(']).next().unwrap_or("").trim();
        if name.split_whitespace().count() >= 2 && name.split_whitespace().all(is_capitalised) {
            reporters.push((i, participants.len()));
            let mut p = people::person(None, name, None, Role::Reporter, first_span(i));
            p.affiliation = note
                .split_once(['–', '—', ','])
                .map(|(_, a)| Cow::Owned(a.trim().to_string()));
            participants.push(p);
        }
    }
    reporters
}

#[cfg(test)]
mod tests;
