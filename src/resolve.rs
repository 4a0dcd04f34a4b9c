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

use crate::assemble::{Assembled, TurnInfo, sub};
use crate::grammar::byline::is_generic_reporter;
use crate::grammar::find_ci;
use crate::grammar::speaker::{intro, mention, name_runs, quoted_headline};
use crate::grammar::{contains_any_ci, is_capitalised, longest_of};
use crate::lang::Lexicon;
use crate::model::*;
use crate::scan::{Doc, Para};
use crate::style::{ANSWER_KEY, ASK_KEY, AliasIndex, Side, procedure_role};
use crate::{Language, Span};
use std::borrow::Cow;
use std::collections::HashMap;

/// Cost of two questions or two answers in a row.
const REPEAT_COST: f32 = 5.0;
/// Cost of opening with an answer.
const OPEN_WITH_ANSWER_COST: f32 = 1.5;
/// Cost of going against a side the markers give.
const SIDE_COST: f32 = 20.0;
/// A speaker whose turns ask at least this often asks.
const ASKER_SHARE: f32 = 0.5;
/// An answerer's turn this short, right after their own turn, passes the
/// floor rather than answers.
const FLOOR_WORDS: usize = 8;

/// The part a turn's speaker plays.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
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
    part: Part,
}

fn is_person_key(k: &str) -> bool {
    k != ASK_KEY && k != ANSWER_KEY && !k.is_empty()
}

/// Groups the labelled turns by speaker, merging a label's other forms
/// (`ROMER` into `KEITH ROMER`, `CH` into `Christian Horner`).
fn groups(info: &[TurnInfo], lex: &Lexicon) -> (Vec<Group>, Vec<Option<usize>>) {
    // Each distinct key once: a briefing has thousands of turns and a few
    // speakers.
    let mut keys: Vec<&str> = info
        .iter()
        .filter_map(|x| x.key())
        .filter(|k| is_person_key(k))
        .collect::<std::collections::HashSet<&str>>()
        .into_iter()
        .collect();
    keys.sort_unstable();
    let index = AliasIndex::new(keys.iter().copied());
    let canonical = |k: &str| -> String {
        index
            .longer_forms(k)
            .max_by_key(|long| long.len())
            .map_or(k.to_string(), str::to_string)
    };
    let mut groups: Vec<Group> = Vec::new();
    // A key's group, and a canonical key's: each looked up once.
    let mut of_key: HashMap<&str, usize> = HashMap::new();
    let mut of_canonical: HashMap<String, usize> = HashMap::new();
    let mut of_turn = vec![None; info.len()];
    for (i, x) in info.iter().enumerate() {
        let Some(k) = x.key().filter(|k| is_person_key(k)) else {
            continue;
        };
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
                            part: Part::Free,
                        });
                        of_canonical.insert(c, groups.len() - 1);
                        groups.len() - 1
                    }
                };
                of_key.insert(k, g);
                g
            }
        };
        if let Some(l) = x.label() {
            if !groups[g].labels.iter().any(|have| have == l) {
                groups[g].labels.push(l.to_string());
            }
            if groups[g].role.is_none() {
                groups[g].role = procedure_role(l, lex);
            }
        }
        groups[g].turns.push(i);
        of_turn[i] = Some(g);
    }
    (groups, of_turn)
}

/// Decides the part each labelled speaker plays, and each turn's part.
fn parts(info: &[TurnInfo], groups: &mut [Group], of_turn: &[Option<usize>]) -> Vec<Part> {
    let generic_ask = info
        .iter()
        .any(|x| x.key() == Some(ASK_KEY) || x.side == Side::Ask);
    let asks = |g: &Group| {
        let strong = g
            .turns
            .iter()
            .filter(|&&t| info[t].cues.question >= 1.5)
            .count();
        strong as f32 / g.turns.len().max(1) as f32
    };
    let speaking: Vec<usize> = (0..groups.len())
        .filter(|&g| groups[g].role.is_none())
        .collect();
    let decided: Vec<Part> = (0..groups.len())
        .map(|g| match groups[g].role {
            Some(Role::Host) => Part::Host,
            Some(_) => Part::Procedure,
            None if groups[g].turns.iter().any(|&t| info[t].note().is_some()) => Part::Ask,
            None if groups[g].turns.iter().all(|&t| info[t].side == Side::Ask) => Part::Ask,
            None if generic_ask => Part::Answer,
            None if speaking.len() == 2 => {
                let other = speaking
                    .iter()
                    .copied()
                    .find(|&o| o != g)
                    .expect("two speakers");
                if asks(&groups[g]) > asks(&groups[other]) {
                    Part::Ask
                } else {
                    Part::Answer
                }
            }
            None if asks(&groups[g]) >= ASKER_SHARE => Part::Ask,
            None => Part::Answer,
        })
        .collect();
    for (g, p) in groups.iter_mut().zip(decided) {
        g.part = p;
    }
    let operators: Vec<usize> = (0..groups.len())
        .filter(|&g| groups[g].role == Some(Role::Operator))
        .collect();
    // Whoever first speaks right after the operator hands over, and asks
    // anything at all, is an analyst on a call.
    for g in groups.iter_mut().filter(|g| g.role.is_none()) {
        let first = g.turns[0];
        let after_operator =
            first > 0 && of_turn[first - 1].is_some_and(|p| operators.contains(&p));
        let asks_some = g.turns.iter().any(|&t| info[t].cues.question >= 1.5);
        if after_operator && asks_some {
            g.part = Part::Ask;
        }
    }
    // Someone who speaks as often as the host is a co-host.
    let host_turns = groups
        .iter()
        .filter(|g| g.part == Part::Host)
        .map(|g| g.turns.len())
        .max()
        .unwrap_or(0);
    if host_turns > 0 {
        for g in groups.iter_mut().filter(|g| g.role.is_none()) {
            if g.turns.len() * 2 >= host_turns {
                g.part = Part::Host;
                g.role = Some(Role::Host);
            }
        }
    }
    info.iter()
        .zip(of_turn)
        .map(|(x, g)| match (x.side, g) {
            (Side::Ask, _) => Part::Ask,
            (Side::Answer, _) => Part::Answer,
            (Side::Unknown, Some(g)) => groups[*g].part,
            (Side::Unknown, None) => Part::Free,
        })
        .collect()
}

pub(crate) fn resolve<'a>(
    a: Assembled<'a>,
    doc: &Doc<'a>,
    language: Language,
    lex: &Lexicon,
) -> Transcript<'a> {
    let Assembled {
        mut transcript,
        info,
        header,
        byline_outlet,
        ..
    } = a;
    let t = &mut transcript;
    t.language = language;
    let (mut groups, of_turn) = groups(&info, lex);
    let parts = parts(&info, &mut groups, &of_turn);
    kinds(t, &info, &parts, &of_turn);

    // Participants: the labelled speakers, then whoever the header
    // introduces when no label names the answering side.
    let mut participants: Vec<Participant<'a>> = Vec::new();
    // Only a one-word label is ever completed into a full name.
    let one_word: Vec<&str> = groups
        .iter()
        .map(|g| g.key.as_str())
        .filter(|k| !k.contains(' '))
        .collect();
    let context = Context::new(t, doc, &header, &one_word, lex);
    let event = Event::of(&groups, &info);
    let mut group_index = Vec::with_capacity(groups.len());
    for g in &groups {
        group_index.push(participants.len());
        let span = t.turns[g.turns[0]]
            .marker
            .as_ref()
            .map_or(t.turns[g.turns[0]].span, |m| m.span);
        participants.push(labelled_person(g, &context, &event, span, lex));
    }
    let named_answerers = groups.iter().filter(|g| g.part == Part::Answer).count();
    let mut interviewee = None;
    if named_answerers == 0 {
        let found = interviewees(t, doc, &header, lex);
        let n = found.len();
        let base = participants.len();
        participants.extend(found);
        interviewee = (n == 1).then_some(base);
        if n > 1 {
            t.diagnostics.push(unresolved_note(n));
        }
    } else if named_answerers == 1 {
        interviewee = groups
            .iter()
            .position(|g| g.part == Part::Answer)
            .map(|g| group_index[g]);
    }
    let named_askers = groups.iter().filter(|g| g.part == Part::Ask).count();
    let mut interviewer = None;
    if named_askers == 0 {
        if let Some(p) = byline_interviewer(t, lex) {
            interviewer = Some(participants.len());
            participants.push(p);
        }
    }
    // Reporters named inside a question label.
    // (turn, participant), ascending: few turns have one.
    let mut reporters: Vec<(usize, usize)> = Vec::new();
    for (i, x) in info.iter().enumerate() {
        let (Some(note), None) = (x.note(), of_turn[i]) else {
            continue;
        };
        let name = note.split([',', '–', '—', '(']).next().unwrap_or("").trim();
        if name.split_whitespace().count() >= 2 && name.split_whitespace().all(is_capitalised) {
            let span = t.turns[i]
                .marker
                .as_ref()
                .map_or(t.turns[i].span, |m| m.span);
            reporters.push((i, participants.len()));
            let mut p = person(None, name, None, Role::Reporter, span);
            p.affiliation = note
                .split_once(['–', '—', ','])
                .map(|(_, a)| Cow::Owned(a.trim().to_string()));
            participants.push(p);
        }
    }
    t.participants = participants;
    if t.outlet.is_none() {
        t.outlet = byline_outlet;
    }
    speakers(
        t,
        &info,
        &parts,
        &of_turn,
        &group_index,
        &reporters,
        interviewee,
        interviewer,
    );
    let answerers = if named_answerers > 0 {
        named_answerers
    } else {
        usize::from(interviewee.is_some())
    };
    diagnostics(t, answerers);
    transcript
}

fn unresolved_note(n: usize) -> Diagnostic {
    Diagnostic {
        code: DiagnosticCode::UnresolvedSpeaker,
        message: format!(
            "the text introduces {n} interviewees and marks answers only with dashes or not at all; answers have no speaker"
        ),
        span: Span::default(),
    }
}

/// Sets each turn's kind.
fn kinds(t: &mut Transcript<'_>, info: &[TurnInfo], parts: &[Part], of_turn: &[Option<usize>]) {
    let n = t.turns.len();
    // Closing thanks.
    let mut end = n;
    while end > 0 && info[end - 1].cues.thanks {
        end -= 1;
    }
    for turn in &mut t.turns[end..] {
        turn.kind = TurnKind::Remark;
    }
    // Alternation by dynamic programming over states [question, answer],
    // held to the sides the markers give.
    if end > 0 {
        let emit = |i: usize, q: bool| {
            let c = &info[i].cues;
            let cue = if q { -c.question } else { c.question };
            let side = match (parts[i], q) {
                (Part::Ask, false) | (Part::Answer, true) => SIDE_COST,
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
            let repeat = if parts[i] == Part::Free && parts[i - 1] == Part::Free {
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
            t.turns[i].kind = if s == 0 {
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
            Part::Procedure => TurnKind::Remark,
            Part::Host if info[i].cues.question >= 1.5 => TurnKind::Question,
            Part::Host => TurnKind::Remark,
            Part::Ask if info[i].cues.thanks => TurnKind::Remark,
            Part::Answer | Part::Free if t.turns[i].kind == TurnKind::Answer => {
                let same_speaker_before =
                    i > 0 && of_turn[i].is_some() && of_turn[i - 1] == of_turn[i];
                if (!asked && parts[i] == Part::Answer)
                    || (same_speaker_before && info[i].cues.words <= FLOOR_WORDS)
                {
                    TurnKind::Remark
                } else {
                    TurnKind::Answer
                }
            }
            _ => t.turns[i].kind,
        };
        if kind == TurnKind::Question {
            asked = true;
        }
        t.turns[i].kind = kind;
    }
}

/// What kind of event the speakers' parts make, and so the roles of those
/// who ask and those who answer.
struct Event {
    askers: Role,
    answerers: Role,
}

impl Event {
    fn of(groups: &[Group], info: &[TurnInfo]) -> Event {
        let has = |r: Role| groups.iter().any(|g| g.role == Some(r));
        let answerers = groups.iter().filter(|g| g.part == Part::Answer).count();
        let askers = groups.iter().filter(|g| g.part == Part::Ask).count();
        let anonymous_asks = info.iter().any(|x| x.key() == Some(ASK_KEY));
        let upper_answerers = groups
            .iter()
            .filter(|g| g.part == Part::Answer)
            .any(|g| g.labels.iter().all(|l| !l.chars().any(char::is_lowercase)));
        // A call with an operator: analysts ask officials. A broadcast with
        // a host: guests answer. Reporters asking officials: a briefing or a
        // press conference. Otherwise an interview.
        if has(Role::Operator) {
            Event {
                askers: Role::Analyst,
                answerers: Role::Official,
            }
        } else if has(Role::Host) {
            Event {
                askers: Role::Host,
                answerers: Role::Guest,
            }
        } else if (anonymous_asks || askers > 1)
            && (answerers > 1 || upper_answerers || has(Role::Moderator))
        {
            Event {
                askers: Role::Reporter,
                answerers: Role::Official,
            }
        } else {
            Event {
                askers: Role::Interviewer,
                answerers: Role::Interviewee,
            }
        }
    }
}

/// Texts to look a full name up in: the title, the header, then the rest;
/// and the full names they give, indexed once by each name word.
struct Context<'t> {
    texts: Vec<Cow<'t, str>>,
    /// A mixed-case name word, lower-cased, and the full name it stands in
    /// where the context first writes it next to another name word; read
    /// on the first look-up (most documents never look one up).
    names: std::cell::OnceCell<HashMap<String, String>>,
    /// The words a full name may be looked up for: the others are not
    /// gathered.
    wanted: &'t [&'t str],
    lex: &'t Lexicon,
}

/// How many paragraphs of the body a full name is looked up in (the
/// resolver reads no other paragraph of the body: those after it give their
/// text to their turns, see [`make_turns`](crate::assemble::make_turns)).
pub(crate) const CONTEXT_PARAGRAPHS: usize = 400;

impl<'t> Context<'t> {
    fn new(
        t: &'t Transcript<'_>,
        doc: &'t Doc<'_>,
        header: &HeaderParas,
        wanted: &'t [&'t str],
        lex: &'t Lexicon,
    ) -> Context<'t> {
        let mut texts: Vec<Cow<'t, str>> = Vec::new();
        if let Some(f) = &t.front_matter {
            texts.extend(
                f.fields
                    .iter()
                    .filter(|x| matches!(x.key.as_ref(), "title" | "post_title"))
                    .map(|x| Cow::Owned(x.value.replace('\u{a0}', " "))),
            );
        }
        texts.extend(t.headline.iter().map(|h| Cow::Borrowed(h.text.as_ref())));
        texts.extend(
            header
                .lede
                .iter()
                .chain(&header.captions)
                .map(|&i| Cow::Borrowed(doc.paragraphs[i].text())),
        );
        texts.extend(
            doc.paragraphs
                .iter()
                .take(CONTEXT_PARAGRAPHS)
                .map(|p| Cow::Borrowed(p.text())),
        );
        Context {
            texts,
            names: std::cell::OnceCell::new(),
            wanted,
            lex,
        }
    }

    /// The full name a one-word label stands for: where the context writes
    /// the word in mixed case next to another capitalised name word
    /// (`Karine Jean-Pierre` for `JEAN-PIERRE`, `Linus Torvalds` for
    /// `Linus`, `Timothy D. Cook` for `COOK`). `word` is one of the
    /// context's wanted words.
    fn full_name(&self, word: &str) -> Option<String> {
        debug_assert!(self.wanted.contains(&word));
        self.names
            .get_or_init(|| full_names(&self.texts, self.wanted, self.lex))
            .get(word)
            .cloned()
    }

    /// The name after a post in the title: `Trump` in `Interview of
    /// President Trump`, for `THE PRESIDENT`.
    fn after_post(&self, post: &str) -> Option<String> {
        for text in self.texts.iter().take(3) {
            let Some(at) = find_ci(text, post) else {
                continue;
            };
            let rest = text[at + post.len()..].trim_start();
            let words: Vec<&str> = rest
                .split(' ')
                .take_while(|w| {
                    w.chars().next().is_some_and(char::is_uppercase)
                        && w.chars().all(|c| c.is_alphabetic() || c == '.' || c == '-')
                })
                .take(3)
                .collect();
            if !words.is_empty() {
                return Some(words.join(" "));
            }
        }
        None
    }
}

/// Every mixed-case name word of the texts, with the full name it first
/// stands in: the first name (and an initial) before a surname, else the
/// surname after a first name. Only the `wanted` words (lower case) are
/// gathered: a word is lower-cased only when its first letter is one of
/// theirs.
fn full_names(texts: &[Cow<'_, str>], wanted: &[&str], lex: &Lexicon) -> HashMap<String, String> {
    let firsts: Vec<char> = wanted.iter().filter_map(|w| w.chars().next()).collect();
    let en = crate::lang::lexicon(Language::En);
    let is_title = |w: &str| {
        longest_of(w, &lex.honorifics).is_some_and(|n| n == w.len())
            || longest_of(w, &lex.posts).is_some_and(|n| n == w.len())
            || longest_of(w, &en.honorifics).is_some_and(|n| n == w.len())
            || longest_of(w, &en.posts).is_some_and(|n| n == w.len())
    };
    let name_word = |w: &str| {
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().any(char::is_lowercase)
            && w.chars().all(|c| c.is_alphabetic() || "-'’.".contains(c))
            && !is_title(w)
    };
    let mut names: HashMap<String, String> = HashMap::new();
    if firsts.is_empty() {
        return names;
    }
    let mut tokens: Vec<&str> = Vec::new();
    for text in texts {
        tokens.clear();
        tokens.extend(text.split_whitespace());
        for (k, tok) in tokens.iter().enumerate() {
            // The core's first letter, looked at first: most words open in
            // lower case, or with a letter no wanted word opens with.
            let opens_wanted = tok.chars().find(|c| c.is_alphanumeric()).is_some_and(|c| {
                c.is_uppercase() && c.to_lowercase().next().is_some_and(|l| firsts.contains(&l))
            });
            if !opens_wanted {
                continue;
            }
            let core = tok.trim_matches(|c: char| !c.is_alphanumeric());
            let mixed =
                core.starts_with(char::is_uppercase) && core.chars().any(char::is_lowercase);
            if !mixed || core != tok.trim_end_matches([',', '.', ':', ';', ')', ']']) {
                continue;
            }
            let key = core.to_lowercase();
            if !wanted.contains(&key.as_str()) || names.contains_key(&key) {
                continue;
            }
            let mut found = None;
            // A name runs on only across plain spaces: not past the end of
            // a sentence, a comma or a label's colon (`Peace: Well, …`).
            let prev = k.checked_sub(1).map(|j| tokens[j]);
            let initial = |w: &str| {
                w.len() == 2 && w.ends_with('.') && w.starts_with(|c: char| c.is_ascii_uppercase())
            };
            match prev {
                Some(p)
                    if initial(p)
                        && k > 1
                        && name_word(tokens[k - 2])
                        && !tokens[k - 2].ends_with('.') =>
                {
                    found = Some(format!("{} {p} {core}", tokens[k - 2]));
                }
                Some(p) if name_word(p) && !p.ends_with('.') => {
                    found = Some(format!("{p} {core}"));
                }
                _ => {}
            }
            if found.is_none() && core == *tok {
                if let Some(next) = tokens.get(k + 1) {
                    let next = next.trim_end_matches([',', '.', ':', ';', ')', ']']);
                    if name_word(next) && !next.ends_with('.') {
                        found = Some(format!("{core} {next}"));
                    }
                }
            }
            if let Some(f) = found {
                names.insert(key, f);
            }
        }
    }
    names
}

/// Title case for an upper-case label: `KEITH ROMER` gives `Keith Romer`.
fn title_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut start = true;
    for c in s.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start = !c.is_alphanumeric() && c != '\'' && c != '’';
    }
    out
}

/// The participant a label group stands for.
fn labelled_person<'a>(
    g: &Group,
    ctx: &Context,
    event: &Event,
    span: Span,
    lex: &Lexicon,
) -> Participant<'a> {
    // The label form that says most, without its honorific and post.
    let best = g
        .labels
        .iter()
        .max_by_key(|l| {
            (
                l.chars().any(char::is_lowercase),
                l.split(' ').count(),
                l.len(),
            )
        })
        .cloned()
        .unwrap_or_default();
    let (head, post) = match best
        .split_once(" – ")
        .or_else(|| best.split_once(" - "))
        .or_else(|| best.split_once(", "))
    {
        Some((h, p)) => (h.to_string(), Some(p.trim().to_string())),
        None => (best.clone(), None),
    };
    let en = crate::lang::lexicon(Language::En);
    let hon_len = longest_of(&head, &lex.honorifics)
        .max(longest_of(&head, &lex.posts))
        .max(longest_of(&head, &en.honorifics))
        .filter(|&n| head[n..].starts_with(' '));
    let (honorific, bare) = match hon_len {
        Some(n) => (Some(head[..n].to_string()), head[n..].trim().to_string()),
        None => (None, head.clone()),
    };
    let upper = !bare.chars().any(char::is_lowercase);
    let last = g.key.rsplit(' ').next().unwrap_or(&g.key).to_string();
    let mut name = if bare.split(' ').count() >= 2 && !upper {
        bare.clone()
    } else {
        String::new()
    };
    let mut title = post.filter(|p| procedure_role(p, lex).is_none());
    if name.is_empty() && g.role.is_none() {
        if g.key.starts_with("the ") {
            let post_word = title_case(g.key.trim_start_matches("the "));
            if let Some(n) = ctx.after_post(&post_word) {
                name = n;
                title.get_or_insert(post_word);
            }
        } else if let Some(full) = (!g.key.contains(' '))
            .then(|| ctx.full_name(&last))
            .flatten()
        {
            name = full;
        }
    }
    if name.is_empty() {
        name = if upper {
            title_case(&bare)
        } else {
            bare.clone()
        };
    }
    let role = g.role.unwrap_or(match g.part {
        Part::Ask => event.askers,
        Part::Host => Role::Host,
        _ => event.answerers,
    });
    Participant {
        name: Cow::Owned(name),
        honorific: honorific.map(Cow::Owned),
        title: title.map(Cow::Owned),
        affiliation: None,
        role,
        aliases: g.labels.iter().map(|l| Cow::Owned(l.clone())).collect(),
        span,
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
        aliases: Vec::new(),
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
        aliases: Vec::new(),
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
        let said = contains_any_ci(p.text(), &lex.interview_phrases);
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

/// The one person the byline credits, when it names one person and not
/// the word for "the reporter": they asked the questions.
fn byline_interviewer<'a>(t: &Transcript<'a>, lex: &Lexicon) -> Option<Participant<'a>> {
    let b = t.byline.as_ref()?;
    if b.role == BylineRole::Recorder {
        return None;
    }
    let people: Vec<&Cow<'a, str>> = b
        .names
        .iter()
        .filter(|n| !is_generic_reporter(n, lex) && is_capitalised(n))
        .collect();
    match people.as_slice() {
        [one] => Some(person(None, one, None, Role::Interviewer, b.span)),
        _ => None,
    }
}

#[allow(clippy::too_many_arguments)]
fn speakers(
    t: &mut Transcript<'_>,
    info: &[TurnInfo],
    parts: &[Part],
    of_turn: &[Option<usize>],
    group_index: &[usize],
    reporters: &[(usize, usize)],
    interviewee: Option<usize>,
    interviewer: Option<usize>,
) {
    let mut last_side: Option<TurnKind> = None;
    for (i, turn) in t.turns.iter_mut().enumerate() {
        let side = match turn.kind {
            TurnKind::Question => TurnKind::Question,
            TurnKind::Answer => TurnKind::Answer,
            TurnKind::Remark => match (parts[i], last_side) {
                (Part::Ask, _) => TurnKind::Question,
                (Part::Answer, _) => TurnKind::Answer,
                (_, Some(TurnKind::Answer) | None) => TurnKind::Question,
                _ => TurnKind::Answer,
            },
        };
        turn.speaker = if let Some(g) = of_turn[i] {
            Some(group_index[g])
        } else if let Ok(k) = reporters.binary_search_by_key(&i, |&(t, _)| t) {
            Some(reporters[k].1)
        } else if info[i].key().is_some() && parts[i] == Part::Procedure {
            None
        } else if side == TurnKind::Question {
            interviewer
        } else {
            interviewee
        };
        last_side = Some(side);
    }
}

/// How many diagnostics of one kind of pair are listed one by one.
const MAX_LISTED: usize = 100;

fn diagnostics(t: &mut Transcript<'_>, interviewees: usize) {
    let mut out = std::mem::take(&mut t.diagnostics);
    if t.turns.is_empty() {
        out.push(Diagnostic {
            code: DiagnosticCode::NoTurns,
            message: "the document holds no question or answer turn (a statement?); its header, lede and furniture are returned".to_string(),
            span: t.blocks.first().map_or(Span::default(), |b| Span::new(b.span.start, b.span.start)),
        });
    }
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
    if let Some(d) = &t.dateline {
        if let Some(message) = crate::grammar::dateline::order_note(d, t.language) {
            out.push(Diagnostic {
                code: DiagnosticCode::AmbiguousDate,
                message,
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
    for pair in t.turns.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        let k = match (a.kind, b.kind) {
            (TurnKind::Question, TurnKind::Question) => 0,
            (TurnKind::Answer, TurnKind::Answer) => 1,
            _ => continue,
        };
        if listed[k] == MAX_LISTED {
            let rest = unlisted[k].get_or_insert((0, b.span));
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
            span: b.span,
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
    let unresolved: Vec<&Turn<'_>> = t
        .turns
        .iter()
        .filter(|x| x.kind == TurnKind::Answer && x.speaker.is_none())
        .collect();
    if let (Some(first), true) = (
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
            span: first.span,
        });
    }
    t.diagnostics = out;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(texts: &[&str]) -> HashMap<String, String> {
        let texts: Vec<Cow<'_, str>> = texts.iter().map(|&s| Cow::Borrowed(s)).collect();
        // Every word of the texts is wanted.
        let words: Vec<String> = texts
            .iter()
            .flat_map(|t| t.split_whitespace())
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .collect();
        let wanted: Vec<&str> = words.iter().map(String::as_str).collect();
        full_names(&texts, &wanted, crate::lang::lexicon(Language::En))
    }

    #[test]
    fn a_name_is_completed_from_the_words_beside_it() {
        let n = names(&["We spoke to Maria Alvarez at her office."]);
        assert_eq!(n.get("alvarez").map(String::as_str), Some("Maria Alvarez"));
        assert_eq!(n.get("maria").map(String::as_str), Some("Maria Alvarez"));
        let n = names(&["An interview with Robert J. Hale."]);
        assert_eq!(n.get("hale").map(String::as_str), Some("Robert J. Hale"));
    }

    #[test]
    fn only_the_wanted_words_are_gathered() {
        let texts = [Cow::Borrowed(
            "We spoke to Maria Alvarez and Linus Torvalds.",
        )];
        let n = full_names(&texts, &["torvalds"], crate::lang::lexicon(Language::En));
        assert_eq!(n.len(), 1);
        assert_eq!(
            n.get("torvalds").map(String::as_str),
            Some("Linus Torvalds")
        );
        assert!(full_names(&texts, &[], crate::lang::lexicon(Language::En)).is_empty());
    }

    #[test]
    fn a_name_does_not_run_past_a_colon_a_comma_or_a_full_stop() {
        let n = names(&[
            "Peace: Well, all of it was hacked.",
            "It was late. Peace said no.",
        ]);
        assert_eq!(n.get("peace"), None);
        let n = names(&["Hale, Robert and Anna came."]);
        assert_eq!(n.get("hale"), None);
        let n = names(&["They met George Washington. Peace was made."]);
        assert_eq!(n.get("peace"), None);
    }
}
