//! The people the header introduces as giving the interview, and the
//! interviewer a byline credits.

use super::FnvMap;
use super::evidence;
use super::people::person;
use crate::Span;
use crate::grammar::byline::is_generic_reporter;
use crate::grammar::speaker::{Intro, intro, mention, name_runs, quoted_headline};
use crate::grammar::{find_ci, is_word_of, longest_of};
use crate::lang::Lexicon;
use crate::layout::sources::{TextSource, article_titles, front_fields};
use crate::layout::{Layout, Part as LayoutPart, range_in};
use crate::model::{BylineRole, Participant, Role};
use crate::scan::{Doc, Para};
use crate::text::is_alnum;
use crate::text::is_capitalised;
use std::borrow::Cow;
use std::ops::Range;

/// Every honorific-led name in a text: `ông Trương Văn Hậu`, `bà Lê Mai`.
fn mentions<'t>(text: &'t str, lex: &Lexicon) -> Vec<(&'t str, &'t str)> {
    let mut out: Vec<(&str, &str)> = Vec::new();
    let mut prev_alnum = false;
    for (i, c) in text.char_indices() {
        let boundary = !prev_alnum;
        prev_alnum = is_alnum(c);
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

/// What a name earns each time its last word recurs in the headline, the
/// header or the questions.
const RECUR: u32 = 1;
/// What a name earns for standing in the headline.
const IN_HEADLINE: u32 = 2;
/// What a name earns for standing in a header caption: it names who the
/// picture shows.
const CAPTIONED: u32 = 2;
/// What a name earns for a personal honorific before it (`ông`, `Dr.`).
const PERSONAL: u32 = 3;
/// What a name earns for opening with a family name of the language's
/// table (`Trần Văn Lộc`): a person's, where a place or a work's title
/// (`Bát Tràng`) is written the same way.
const FAMILY_NAME: u32 = 2;
/// What a name earns when the questions call its bearer by one of its
/// words (`Dana, what …`): questions are put to the interviewee.
const ADDRESSED: u32 = 6;

/// What a name earns when a speech verb follows it (`Joaquim Serrão fala
/// das perdas`, `Paolo Mancuso, spiega come …`): the standfirst says who
/// speaks in the interview.
const SPEAKS: u32 = 3;

/// Which header part a text is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Headline,
    Caption,
    Lede,
}

/// A name the header offers, and the evidence for it.
struct Candidate<'t> {
    name: &'t str,
    /// The other forms it is written in (`Florence d’Arvieu` beside
    /// `Florence d’Arvieu-Mas`).
    forms: Vec<&'t str>,
    /// Which text it was first read in.
    text: usize,
    personal: bool,
    in_headline: bool,
    captioned: bool,
    /// A speech verb follows it in a text ([`SPEAKS`]).
    speaks: bool,
}

/// Whether `name`, a slice of `text`, is followed by a speech verb of the
/// language (after a comma at most): `Name fala`, `Name, spiega`.
fn speaks(text: &str, name: &str, lex: &Lexicon) -> bool {
    let end = name.as_ptr() as usize - text.as_ptr() as usize + name.len();
    let after = text.get(end..).unwrap_or("");
    let after = after.strip_prefix(',').unwrap_or(after).trim_start();
    crate::grammar::longest_of(after, &lex.speech_verbs).is_some_and(|n| {
        after[n..]
            .chars()
            .next()
            .is_none_or(|c| !crate::text::is_alnum(c))
    })
}

/// How often each capitalised word of `texts` (a run of letters and
/// digits opening with an upper-case letter) stands in them, by its lower
/// case; only words whose lower case is as long as they are, in bytes.
fn capitalised_words<'t>(texts: impl Iterator<Item = &'t str>) -> FnvMap<String, usize> {
    let mut counts: FnvMap<String, usize> = FnvMap::default();
    // A text in capitals capitalises every word: none of them counts.
    for t in texts.filter(|t| t.chars().any(char::is_lowercase)) {
        for w in t.split(|ch: char| !is_alnum(ch)) {
            if !w.starts_with(char::is_uppercase) {
                continue;
            }
            let lower = w.to_lowercase();
            if lower.len() == w.len() {
                *counts.entry(lower).or_insert(0) += 1;
            }
        }
    }
    counts
}

/// The last word of a name, as the texts are split to count it: its last
/// run of letters and digits (`Mas` of `d’Arvieu-Mas`).
fn last_piece(name: &str) -> &str {
    name.rsplit(|c: char| !is_alnum(c))
        .find(|w| !w.is_empty())
        .unwrap_or(name)
}

/// Whether `b` names the same person as `a`, or `a` with words before it
/// (`lena voss` and `architect lena voss`), both lower-cased (a name is
/// lower-cased once, then compared with every other).
fn same_or_tail_lower(a: &str, b: &str) -> bool {
    a == b || a.len() > b.len() && a.ends_with(b) && a[..a.len() - b.len()].ends_with(' ')
}

/// Whether `long` is `short` with its family name written in full
/// (`Florence d’Arvieu-Mas` for `Florence d’Arvieu`).
fn completes(long: &str, short: &str) -> bool {
    long.len() > short.len()
        && long.is_char_boundary(short.len())
        && long[short.len()..].starts_with('-')
        && long[..short.len()].to_lowercase() == short.to_lowercase()
}

/// The names the texts offer that can be a person's, each once (in any
/// case; a name with words before it is the same name), with where they
/// stand. A name met once right after a place word (`xã Tân Hòa`) is a
/// place, and one met opening a quote (`“Chú Cuội”`) a title: neither is
/// offered. A text in capitals offers none.
fn candidates<'t>(texts: &[(&'t str, Part)], lex: &Lexicon) -> Vec<Candidate<'t>> {
    let mut cands: Vec<Candidate<'t>> = Vec::new();
    // Each candidate's name lower-cased, by candidate: a name is compared
    // with every candidate's.
    let mut lower: Vec<String> = Vec::new();
    let mut not_people: Vec<String> = Vec::new();
    for (i, &(t, part)) in texts.iter().enumerate() {
        // In a text set all in capitals (`TROIS QUESTIONS À LA GARDIENNE
        // DU PHARE DE KERBIHAN`) every word looks like a name: its case
        // tells nothing.
        if !t.chars().any(char::is_lowercase) {
            continue;
        }
        for (personal, name) in name_runs(t, lex) {
            // A name after a place word is a place; one opening a quote
            // is a title (a song, a film, a nickname).
            if evidence::after_place_word(t, name, lex) || evidence::opens_quote(t, name) {
                not_people.push(name.to_lowercase());
            }
            if !evidence::is_person_name(name, lex) {
                continue;
            }
            let (in_headline, captioned) = (part == Part::Headline, part == Part::Caption);
            let said = speaks(t, name, lex);
            let name_lower = name.to_lowercase();
            let found = cands.iter_mut().zip(&mut lower).find(|(c, l)| {
                same_or_tail_lower(l, &name_lower)
                    || same_or_tail_lower(&name_lower, l)
                    || completes(c.name, name)
                    || completes(name, c.name)
            });
            match found {
                Some((c, l)) => {
                    c.personal |= personal;
                    c.in_headline |= in_headline;
                    c.captioned |= captioned;
                    c.speaks |= said;
                    c.forms.push(name);
                    // The shorter form without the words before it; the
                    // form that writes the family name in full.
                    let shorter = name.len() < c.name.len() && !completes(c.name, name);
                    if shorter || completes(name, c.name) {
                        (c.name, c.text) = (name, i);
                        *l = name_lower;
                    }
                }
                None => {
                    lower.push(name_lower);
                    cands.push(Candidate {
                        name,
                        forms: vec![name],
                        text: i,
                        personal,
                        in_headline,
                        captioned,
                        speaks: said,
                    });
                }
            }
        }
    }
    let mut lower = lower.iter();
    cands.retain(|_| {
        let l = lower.next().map_or("", String::as_str);
        !not_people.iter().any(|p| same_or_tail_lower(p, l))
    });
    cands
}

/// The person the header speaks of most: runs of capitalised words in the
/// headline, lede and header captions that can be a person's name, scored
/// by how often their last word recurs there and in the questions, whether
/// the headline or a caption names them, a personal honorific, a speech
/// verb after them, and whether the questions address them. Taken when it stands out (named twice, with
/// an honorific, or addressed) or is the only one: `(text, name)`.
fn most_named<'t>(
    texts: &[(&'t str, Part)],
    questions: &[&str],
    lex: &Lexicon,
) -> Option<(usize, &'t str)> {
    let called = evidence::addressed(questions, lex);
    let cands = candidates(texts, lex);
    let only_one = cands.len() == 1;
    // Capitalised, in any case after that (`VanDeWeghe`, `Vandeweghe`);
    // the form that recurs most. The texts' words are counted once for
    // every candidate.
    let capitalised = if cands.is_empty() {
        FnvMap::default()
    } else {
        capitalised_words(texts.iter().map(|t| t.0).chain(questions.iter().copied()))
    };
    let scored = cands.into_iter().map(|c| {
        let recurs = |form: &str| -> usize {
            let last = last_piece(form).to_lowercase();
            capitalised.get(last.as_str()).copied().unwrap_or(0)
        };
        let count = c.forms.iter().map(|f| recurs(f)).max().unwrap_or(0);
        // The address names the given name: a run that starts before it
        // (a German noun, `Cutterin Lena Brandt`) starts at it.
        let call = c
            .name
            .split(' ')
            .position(|w| called.contains(&w.to_lowercase()));
        let name = call.map_or(c.name, |k| {
            let skip: usize = c.name.split(' ').take(k).map(|w| w.len() + 1).sum();
            &c.name[skip..]
        });
        let weigh = |yes: bool, w: u32| if yes { w } else { 0 };
        let family = name
            .split(' ')
            .next()
            .is_some_and(|w| is_word_of(w, &lex.family_names));
        let score = RECUR * count as u32
            + weigh(c.in_headline, IN_HEADLINE)
            + weigh(c.captioned, CAPTIONED)
            + weigh(c.personal, PERSONAL)
            + weigh(family, FAMILY_NAME)
            + weigh(call.is_some(), ADDRESSED)
            + weigh(c.speaks, SPEAKS);
        let stands_out = c.personal || family || c.speaks || count >= 2 || call.is_some();
        (name, c.text, score, stands_out)
    });
    let scored: Vec<(&str, usize, u32, bool)> = scored.collect();
    let best = scored
        .iter()
        .filter(|c| c.3)
        .max_by_key(|&&(n, _, score, _)| (score, std::cmp::Reverse(n.len())));
    if let Some(&(name, text, _, _)) = best {
        return Some((text, name));
    }
    // None stands out: the only name the lede and captions give, else the
    // only name at all.
    let in_body: Vec<_> = scored
        .iter()
        .filter(|c| texts[c.1].1 != Part::Headline)
        .collect();
    match (in_body.as_slice(), only_one) {
        ([one], _) => Some((one.1, one.0)),
        ([], true) => scored.first().map(|c| (c.1, c.0)),
        _ => None,
    }
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
    // Then: people named with an honorific after the words that say they
    // are interviewed (`… trao đổi với ông X và ông Y …`); not someone
    // named before them (`… chồng, nhạc sĩ X, … không trò chuyện với ai`).
    for &i in &sources {
        let p = &paras[i];
        let said = lex
            .interview_phrases
            .iter()
            .filter_map(|ph| find_ci(p.text(), ph))
            .min();
        if let Some(at) = said {
            let found = mentions(&p.text()[at..], lex);
            if !found.is_empty() {
                let people = found
                    .into_iter()
                    .map(|(h, n)| person_in(p, Some(h), n, None))
                    .collect();
                return (people, None);
            }
        }
    }
    if let Some(p) = credited_interviewee(doc, layout) {
        return (vec![p], None);
    }
    (named(doc, layout, &sources, questions, lex), None)
}

/// Of a byline crediting two people (`Ana Ruiz & Tom Field`: the
/// interviewer and the interviewee, in either order), the one the
/// interview's header talks about, from its heading (or the headline) to
/// the first turn: named in a heading, caption or lede where the other is
/// not. The byline's spelling of the name is kept.
fn credited_interviewee<'a>(doc: &Doc<'a>, layout: &Layout) -> Option<Participant<'a>> {
    let b = layout.byline.as_ref()?;
    let names = b.names(doc);
    let [one, other] = names[..] else {
        return None;
    };
    let first_turn = layout
        .parts
        .iter()
        .position(|p| matches!(p, LayoutPart::Turn(_)))
        .unwrap_or(layout.parts.len());
    // The interview's own header: from its heading (or the headline) on.
    let from = (0..first_turn)
        .rev()
        .find(|&i| matches!(layout.parts[i], LayoutPart::Headline | LayoutPart::Heading))
        .unwrap_or(0);
    let told = |name: &str| {
        (from..first_turn).any(|i| {
            matches!(
                layout.parts[i],
                LayoutPart::Headline
                    | LayoutPart::Heading
                    | LayoutPart::Lede
                    | LayoutPart::Caption(_)
            ) && find_ci(doc.paragraphs[i].text(), name).is_some()
        })
    };
    let name = match (told(one), told(other)) {
        (true, false) => one,
        (false, true) => other,
        _ => return None,
    };
    Some(match b.text {
        TextSource::Para(i) => person_in(&doc.paragraphs[i], None, name, None),
        _ => person(None, name, None, Role::Interviewee, b.span),
    })
}

/// Where a text of the header was read: a paragraph, or a front matter
/// field.
#[derive(Clone, Copy)]
enum Origin {
    Para(usize),
    Field(usize),
}

/// The interviewee `name` (a slice of the text read at `origin`) makes.
fn participant_at<'a>(
    doc: &Doc<'a>,
    origin: Origin,
    honorific: Option<&str>,
    name: &str,
) -> Participant<'a> {
    match origin {
        Origin::Para(i) => person_in(&doc.paragraphs[i], honorific, name, None),
        Origin::Field(k) => person(
            honorific,
            name,
            None,
            Role::Interviewee,
            front_fields(doc)[k].span,
        ),
    }
}

/// Front matter keys that list the people who speak.
const SPEAKER_KEYS: [&str; 5] = ["speakers", "speaker", "guests", "guest", "interviewee"];

/// The people the front matter lists as speaking, one a line, with the
/// field each is read from.
pub(super) fn listed_speakers<'d>(doc: &'d Doc<'_>) -> Vec<(usize, &'d str)> {
    front_fields(doc)
        .iter()
        .enumerate()
        .filter(|(_, f)| SPEAKER_KEYS.contains(&f.key.as_ref()))
        .flat_map(|(k, f)| {
            f.value
                .split('\n')
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .map(move |n| (k, n))
        })
        .collect()
}

/// The lead caption naming someone with an honorific; the person the
/// headline (or a front matter title) quotes; the one person the front
/// matter lists as speaking; the person the lede introduces; or the
/// person the header (the kicker with it) speaks of most.
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
    // The headline, then the front matter's titles.
    let mut titles: Vec<(&str, Origin)> = Vec::new();
    if let Some(i) = header.headline {
        titles.push((paras[i].text(), Origin::Para(i)));
    }
    if let Some(f) = &doc.front_matter {
        for x in article_titles(f) {
            let k = f
                .fields
                .iter()
                .position(|y| std::ptr::eq(x, y))
                .unwrap_or(0);
            titles.push((x.value.as_ref(), Origin::Field(k)));
        }
    }
    for &(t, origin) in &titles {
        if let Some((hon, name, _)) = quoted_headline(t, lex) {
            return vec![participant_at(doc, origin, hon, name)];
        }
        if let Some(name) = evidence::attributed(t, lex) {
            return vec![participant_at(doc, origin, None, name)];
        }
    }
    let listed = listed_speakers(doc);
    if let [(k, name)] = listed[..] {
        if evidence::is_person_name(name, lex) {
            return vec![participant_at(doc, Origin::Field(k), None, name)];
        }
    }
    for &i in sources {
        if let Some(name) = evidence::introduced(paras[i].text(), lex) {
            return vec![person_in(&paras[i], None, name, None)];
        }
    }
    // The one person the captions in the body show with a title or an
    // honorific (`Nguyên Bộ trưởng Hà Minh Dũng.` under a portrait between
    // the answers).
    let shown: Vec<(usize, Intro<'_>)> = layout
        .captions
        .iter()
        .filter(|c| c.text.is_none() && !header.captions.contains(&c.para))
        .filter_map(|c| {
            let m = intro(paras[c.para].text(), lex)?;
            (m.honorific.is_some() || m.title.is_some()).then_some((c.para, m))
        })
        .collect();
    if let Some((i, m)) = shown.first() {
        if shown.iter().all(|(_, o)| o.name == m.name) {
            return vec![person_in(&paras[*i], m.honorific, m.name, m.title)];
        }
    }
    let part = |i: &usize| {
        if header.captions.contains(i) {
            Part::Caption
        } else {
            Part::Lede
        }
    };
    let mut texts: Vec<(&str, Origin, Part)> = sources
        .iter()
        .map(|i| (paras[*i].text(), Origin::Para(*i), part(i)))
        .collect();
    texts.extend(titles.first().map(|&(t, o)| (t, o, Part::Headline)));
    // A kicker over the headline names the interview's subject as often
    // as the lede does (`ENTREVISTA | Lucía Garmendia, bióloga marina`).
    let kicker = (layout.parts.iter()).position(|&p| p == crate::layout::Part::Kicker);
    texts.extend(kicker.map(|i| (paras[i].text(), Origin::Para(i), Part::Lede)));
    let questions = questions();
    let parts: Vec<(&str, Part)> = texts.iter().map(|t| (t.0, t.2)).collect();
    let Some((at, name)) = most_named(&parts, &questions, lex) else {
        return Vec::new();
    };
    vec![participant_at(doc, texts[at].1, None, name)]
}

/// The one person the byline credits, when it names one person and not
/// the word for "the reporter", leaving aside the people already `known`
/// (a credit line naming the interviewer and the interviewee: `Ana Ruiz &
/// Tom Field`): they asked the questions.
pub(super) fn byline_interviewer<'a>(
    doc: &Doc<'_>,
    layout: &Layout,
    known: &[Participant<'_>],
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
        .filter(|n| !known.iter().any(|p| p.name.eq_ignore_ascii_case(n)))
        .collect();
    match people.as_slice() {
        [one] => Some(person(None, one, None, Role::Interviewer, b.span)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What [`same_or_tail_lower`] replaced: both names lower-cased at
    /// every comparison.
    fn same_or_tail_each_time(a: &str, b: &str) -> bool {
        let (a, b) = (a.to_lowercase(), b.to_lowercase());
        a == b || a.ends_with(&format!(" {b}"))
    }

    #[test]
    fn names_lowered_once_compare_as_names_lowered_each_time() {
        let names = [
            "Lena Voss",
            "Architect Lena Voss",
            "LENA VOSS",
            "Voss",
            "Ông Trần Quốc Bảo",
            "Trần Quốc Bảo",
            "TRẦN QUỐC BẢO",
            "Florence d’Arvieu-Mas",
            "d’Arvieu-Mas",
            "ΟΔΥΣΣΕΑΣ",
            "Οδυσσέας",
            "İSTANBUL Voss",
            "Straße",
            "STRASSE",
            " Voss",
            "",
        ];
        for a in names {
            for b in names {
                let lowered = same_or_tail_lower(&a.to_lowercase(), &b.to_lowercase());
                assert_eq!(lowered, same_or_tail_each_time(a, b), "{a} / {b}");
            }
        }
    }

    #[test]
    fn lower_casing_twice_is_lower_casing_once() {
        // The names left out as places are kept lower-cased, then compared
        // with lower-cased names: lower-casing again would change nothing.
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            for s in [c.to_string(), format!("a{c}"), format!("{c} b")] {
                let once = s.to_lowercase();
                assert_eq!(once.to_lowercase(), once, "{:X}", u32::from(c));
            }
        }
    }
}
