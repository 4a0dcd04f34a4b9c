//! The second stage: what each paragraph could be, read from the paragraph
//! alone.
//!
//! Every paragraph gets cheap features (its dash marker, a label, a photo
//! credit, question and thanks cues, person, length); short ones are also
//! tried as a date line, a byline and a source line. These are candidates:
//! the layout decides what each paragraph is in the light of where it
//! stands and what the rest of the document does.

use crate::clean::{all_in_italics, marks_author, time_datetime};

use crate::grammar::annotation::only_annotations;
use crate::grammar::byline::{BylineParts, byline, is_name, joint_credit, source};
use crate::grammar::caption::{Credited, agency_credit, credit};
use crate::grammar::dateline::{DatelineParts, iso_datetime, read as read_dateline, time_line};
use crate::grammar::label::{Label, label};
use crate::grammar::label_gate::LabelGate;
use crate::grammar::longest_of;
use crate::grammar::marker::{DashMarker, dash_marker, lone_dash};
use crate::grammar::shape::{Shape, shape};
use crate::lang::{self, Lexicon};
use crate::scan::Para;
use crate::text::find_short;
use memchr::memmem;

/// A dash-led turn's marker, kept in eight bytes (a document holds a class
/// a paragraph): the dash opens the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Dash {
    len: u16,
    text_at: std::num::NonZeroU32,
}

impl Dash {
    /// `None` for a marker no text has (a dash or the spaces after it
    /// running past 64 KiB or 4 GiB): it is then not read.
    fn of(d: DashMarker<'_>) -> Option<Dash> {
        Some(Dash {
            len: u16::try_from(d.dash.len()).ok()?,
            text_at: std::num::NonZeroU32::new(u32::try_from(d.text_at).ok()?)?,
        })
    }

    /// The dash's length in bytes.
    pub(crate) fn len(self) -> usize {
        usize::from(self.len)
    }

    /// Where the turn's text starts.
    pub(crate) fn text_at(self) -> usize {
        self.text_at.get() as usize
    }
}

/// What one paragraph could be.
#[derive(Debug, Clone, Default)]
pub(crate) struct Class<'a> {
    pub dash: Option<Dash>,
    /// Boxed: most paragraphs have none, and a document holds a class a
    /// paragraph. Read by the convention only: the layout drops it once
    /// the convention is decided ([`Class::labelled`] stays).
    pub label: Option<Box<Label<'a>>>,
    /// The paragraph opens with a label (whether or not `label` is still
    /// held).
    pub labelled: bool,
    pub shape: Shape,
    /// A copyright line or a transcript disclaimer.
    pub notice: bool,
    /// Opens with a caption word (`Image caption …`).
    pub caption_line: bool,
    /// Only stage directions (`(SOUNDBITE OF MUSIC)`).
    pub annotation: bool,
    /// The rare findings, boxed together: a paragraph's class stays small,
    /// and a document holds one a paragraph.
    rare: Option<Box<Rare<'a>>>,
    pub cues: Cues,
}

/// What few paragraphs are: a date line, a byline, a source line, a photo
/// credit.
#[derive(Debug, Clone, Default)]
struct Rare<'a> {
    /// A start or end time alone (`2:47 P.M. EST`, `END 1:01 P.M. EST`).
    time: Option<bool>,
    dateline: Option<DatelineParts<'a>>,
    byline: Option<BylineParts<'a>>,
    source: Option<&'a str>,
    credit: Option<Credited>,
}

impl<'a> Rare<'a> {
    fn boxed(self) -> Option<Box<Rare<'a>>> {
        let any = self.time.is_some()
            || self.dateline.is_some()
            || self.byline.is_some()
            || self.source.is_some()
            || self.credit.is_some();
        any.then(|| Box::new(self))
    }
}

impl<'a> Class<'a> {
    /// A start or end time alone (`2:47 P.M. EST`, `END 1:01 P.M. EST`):
    /// whether it ends the event.
    pub fn time(&self) -> Option<bool> {
        self.rare.as_ref()?.time
    }

    /// The paragraph read as a date line.
    pub fn dateline(&self) -> Option<&DatelineParts<'a>> {
        self.rare.as_ref()?.dateline.as_ref()
    }

    /// The paragraph read as a byline.
    pub fn byline(&self) -> Option<&BylineParts<'a>> {
        self.rare.as_ref()?.byline.as_ref()
    }

    /// The paragraph read as a source line: the source's name.
    pub fn source(&self) -> Option<&'a str> {
        self.rare.as_ref()?.source
    }

    /// A photo credit ending the paragraph.
    pub fn credit(&self) -> Option<&Credited> {
        self.rare.as_ref()?.credit.as_ref()
    }

    fn rare_mut(&mut self) -> &mut Rare<'a> {
        self.rare.get_or_insert_with(Box::default)
    }
}

/// The longest paragraph tried as a date line.
const DATELINE_MAX: usize = 160;
/// The longest paragraph read as a copyright line or disclaimer.
const NOTICE_MAX: usize = 400;

mod cues;

pub(crate) use cues::{Cues, cues};

/// Classifies every paragraph.
pub(crate) fn classify<'d>(
    input: &str,
    paras: &'d [Para<'_>],
    lex: &'static Lexicon,
    markup: bool,
) -> Vec<Class<'d>> {
    let readers = Readers::of(lex);
    let mut out: Vec<Class<'d>> = paras
        .iter()
        .map(|p| classify_text(p.text(), lex, &readers))
        .collect();
    // On a page, the tags say what the text does not.
    if markup {
        for (c, p) in out.iter_mut().zip(paras) {
            let raw = p.block().slice(input);
            // A paragraph whose text is all inside `<em>` or `<i>` is set in
            // italics, as `*…*` is in Markdown.
            if c.shape == Shape::Prose && all_in_italics(raw) {
                c.shape = Shape::Italic;
            }
            // A name the page marks as its author's (`rel="author"`, a
            // byline class) is a byline even without `By`.
            if c.byline().is_none() && c.dash.is_none() && is_name(p.text()) && marks_author(raw) {
                c.rare_mut().byline = Some(BylineParts {
                    names: vec![p.text()],
                    role: crate::BylineRole::Author,
                    outlet: None,
                });
            }
            // A page's `<time datetime="…">` says to the minute what its
            // text says to the day.
            let Some(d) = c.rare.as_mut().and_then(|r| r.dateline.as_mut()) else {
                continue;
            };
            let Some((date, time, offset)) = time_datetime(raw).and_then(iso_datetime) else {
                continue;
            };
            if d.date.is_none() || d.date == Some(date) {
                d.date = Some(date);
                d.time = d.time.or(time);
                d.utc_offset = d.utc_offset.or(offset);
            }
        }
    }
    // A setext underline makes the line above it a heading.
    for i in 1..out.len() {
        let underline = out[i].shape == Shape::Rule
            && paras[i].text().starts_with(['=', '-'])
            && paras[i - 1].block().end == paras[i].block().start;
        if underline && out[i - 1].shape.is_text() && out[i - 1].cues.words() <= 20 {
            out[i - 1].shape = Shape::Heading;
        }
    }
    out
}

/// What [`classify_text`] reads every paragraph with, made once a document
/// for its language rather than once a paragraph.
pub(crate) struct Readers {
    /// `lex`'s label gate, which turns most paragraphs away before their
    /// label is read.
    gate: LabelGate,
    /// A searcher for each feed footer phrase of the language and of
    /// English (see [`Readers::feed_footer`]).
    footers: Vec<memmem::Finder<'static>>,
    /// English, whose notices, caption words and feed footers are looked
    /// for on a page in any language (a site's software writes them), when
    /// the language is another.
    english: Option<&'static Lexicon>,
}

impl Readers {
    /// The readers of `lex`'s language.
    pub(crate) fn of(lex: &'static Lexicon) -> Readers {
        let en = lang::lexicon(crate::Language::En);
        let english = (!std::ptr::eq(lex, en)).then_some(en);
        Readers {
            gate: LabelGate::of(lex),
            footers: lex
                .feed_footers
                .iter()
                .chain(english.iter().flat_map(|en| en.feed_footers.iter()))
                .map(|p| memmem::Finder::new(*p))
                .collect(),
            english,
        }
    }

    /// Whether `text` holds the footer a blog's feed appends to a post, in
    /// the document's language or in English (a feed's software may not be
    /// set to the language its posts are written in).
    fn feed_footer(&self, text: &str) -> bool {
        self.footers
            .iter()
            .any(|f| f.find(text.as_bytes()).is_some())
    }
}

/// Classifies one cleaned paragraph of `lex`'s language, with
/// `readers` made for it.
pub(crate) fn classify_text<'a>(
    text: &'a str,
    lex: &'static Lexicon,
    readers: &Readers,
) -> Class<'a> {
    let marker = dash_marker(text);
    // A credit line led by a dash (`-Ana Ruiz & Tom Field`) is no turn.
    let credit_line = marker
        .as_ref()
        .and_then(|d| joint_credit(&text[d.text_at..], lex))
        .map(|names| BylineParts {
            names,
            role: crate::BylineRole::Author,
            outlet: None,
        });
    let dash = marker
        .filter(|_| credit_line.is_none())
        .or_else(|| lone_dash(text))
        .and_then(Dash::of);
    let label = if text.len() > 2 && readers.gate.may_open(text, lex) {
        label(text, lex)
    } else {
        None
    };
    let shape = shape(text);
    let short = text.len() <= DATELINE_MAX;
    let dateline = if short && dash.is_none() {
        read_dateline(text, lex).or_else(|| {
            // A date line in bold (`**Date:** 2025-03-14`, `**CURITIBA**
            // -`), read without the marks where the text itself shows four
            // digits in a row or ends in a dash.
            let dash_end = text.trim_end().ends_with(['-', '–', '—']);
            let bold = find_short(text, "**").is_some() && (has_digit_run(text, 4) || dash_end);
            let plain = bold.then(|| text.replace("**", ""))?;
            let d = read_dateline(&plain, lex)?;
            // The place and the zone as the paragraph writes them, where
            // they stand whole in it.
            let written = |s: Option<&str>| {
                let at = text.find(s?)?;
                Some(&text[at..at + s?.len()])
            };
            Some(DatelineParts {
                place: written(d.place),
                zone: written(d.zone),
                ..d
            })
        })
    } else {
        None
    };
    // A page's header field (`Fecha: 2024-06-18`, `URL: https://…`) is no
    // speaker's turn.
    // Nor is a feed's footer, whose post title may hold a colon.
    let footer = text.len() <= NOTICE_MAX && readers.feed_footer(text);
    let notice = text.len() <= NOTICE_MAX
        && (find_short(text, "©").is_some()
            || footer
            || longest_of(text, &lex.notices).is_some()
            || readers
                .english
                .is_some_and(|en| longest_of(text, &en.notices).is_some()));
    // Nor is a copyright line or a transcript's disclaimer, whose opening
    // words in capitals read as a label (`THIS IS A RUSH TRANSCRIPT.`).
    let label = label
        .filter(|l| dateline.is_none() && !footer && !notice && !is_address(&text[l.text_at..]));
    let body = match (dash, &label) {
        (Some(d), _) => &text[d.text_at()..],
        (None, Some(l)) => &text[l.text_at..],
        _ => text,
    };
    let (byline, source) = if text.len() <= crate::grammar::byline::LONGEST && dash.is_none() {
        (credit_line.or_else(|| byline(text, lex)), source(text, lex))
    } else {
        (None, None)
    };
    Class {
        dash,
        labelled: label.is_some(),
        label: label.map(Box::new),
        notice,
        caption_line: longest_of(text, &lex.caption_prefixes).is_some()
            || readers
                .english
                .is_some_and(|en| longest_of(text, &en.caption_prefixes).is_some()),
        annotation: short && only_annotations(text, lex),
        shape,
        rare: Rare {
            time: if short {
                time_line(text).map(|(end, _)| end)
            } else {
                None
            },
            dateline,
            byline,
            source,
            credit: credit(text, lex)
                .or_else(|| dash.is_none().then(|| agency_credit(text)).flatten()),
        }
        .boxed(),
        cues: cues(body, lex),
    }
}

/// Whether `text` is one web address and nothing else.
fn is_address(text: &str) -> bool {
    let t = text.trim();
    (t.starts_with("http://") || t.starts_with("https://")) && !t.contains(char::is_whitespace)
}

/// Whether `text` holds `n` ASCII digits in a row.
fn has_digit_run(text: &str, n: usize) -> bool {
    let mut run = 0;
    text.bytes().any(|b| {
        run = if b.is_ascii_digit() { run + 1 } else { 0 };
        run >= n
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Language;
    use crate::lang::lexicon;

    #[test]
    fn a_year_needs_four_digits_in_a_row() {
        assert!(has_digit_run("Thứ Năm, 12/09/2019", 4));
        assert!(!has_digit_run("SPEAKER 5: Line 123.", 4));
        assert!(!has_digit_run("", 4));
    }

    #[test]
    fn a_feed_footer_is_a_notice_and_no_label() {
        let de = lexicon(Language::De);
        let c = classify_text(
            "Der Beitrag Im Gespräch: Anna Roth erschien zuerst auf Heimatblatt.",
            de,
            &Readers::of(de),
        );
        assert!(c.notice && c.label.is_none());
        // An English footer on a page in another language.
        let fr = lexicon(Language::Fr);
        assert!(
            classify_text(
                "The post Marie Roy appeared first on Le Blog.",
                fr,
                &Readers::of(fr)
            )
            .notice
        );
        // Written as a sentence of a text, in other words: not a footer.
        let en = lexicon(Language::En);
        assert!(
            !classify_text("She first appeared on stage in 1990.", en, &Readers::of(en)).notice
        );
    }
}
