//! A compact, readable view of a [`Layout`]: a line a paragraph with its
//! part, then the turns' plans and the sources. Tests snapshot it for every
//! fixture, so that a change in the heuristics reads as a diff of roles.

use super::{AltPlan, HeadlinePlan, Layout, Part, TextSource};
use crate::scan::Doc;
use std::fmt::Write;

/// How many characters of a paragraph the outline shows.
const PREVIEW_CHARS: usize = 48;

fn preview(text: &str) -> String {
    let mut out: String = text.chars().take(PREVIEW_CHARS).collect();
    if text.chars().nth(PREVIEW_CHARS).is_some() {
        out.push('…');
    }
    out
}

fn source(s: TextSource) -> String {
    match s {
        TextSource::Para(i) => format!("p{i}"),
        TextSource::Field(k) => format!("field {k}"),
        TextSource::Attribute(at) => format!("attribute {at:?}"),
    }
}

impl Layout {
    /// The outline of the layout of `doc`.
    pub(crate) fn outline(&self, doc: &Doc<'_>) -> String {
        let mut out = String::new();
        for (i, (p, part)) in doc.paragraphs.iter().zip(&self.parts).enumerate() {
            let role = match part {
                Part::Caption(c) => format!("caption {c}"),
                Part::Turn(t) => format!("turn {t}"),
                other => format!("{other:?}").to_lowercase(),
            };
            let _ = writeln!(out, "p{i:<4} {role:<12} {}", preview(p.text()));
        }
        for (t, plan) in self.turns.iter().enumerate() {
            let marker = plan.marker.map_or("-".to_string(), |m| format!("{m:?}"));
            let _ = writeln!(
                out,
                "turn {t}: p{}..=p{} {:?} marker {marker} speech at {} key {:?} label {:?}",
                plan.first,
                plan.last,
                plan.side,
                plan.text_at,
                plan.key(),
                plan.label(),
            );
        }
        for (c, plan) in self.captions.iter().enumerate() {
            let alt = match &plan.alt {
                None => "-".to_string(),
                Some(AltPlan::Para(i)) => format!("p{i}"),
                Some(AltPlan::Range(i, r)) => format!("p{i} {r:?}"),
                Some(AltPlan::Attribute(at)) => format!("attribute {at:?}"),
            };
            let _ = writeln!(
                out,
                "caption {c}: p{} text {:?} alt {alt} credit {:?}",
                plan.para, plan.text, plan.credit
            );
        }
        let headline = self.headline.map(|h| match h {
            HeadlinePlan::Para(i) => format!("p{i}"),
            HeadlinePlan::Field(k) => format!("field {k}"),
        });
        let _ = writeln!(out, "headline: {}", headline.as_deref().unwrap_or("-"));
        match &self.dateline {
            Some(d) => {
                let _ = writeln!(
                    out,
                    "dateline: {} date {:?} time {:?} offset {:?}",
                    source(d.text),
                    d.date.map(|x| x.to_string()),
                    d.time.map(|x| x.to_string()),
                    d.utc_offset.map(|x| x.to_string()),
                );
            }
            None => out.push_str("dateline: -\n"),
        }
        match &self.byline {
            Some(b) => {
                let _ = writeln!(
                    out,
                    "byline: {} {:?} {:?}",
                    source(b.text),
                    b.role,
                    b.names(doc)
                );
            }
            None => out.push_str("byline: -\n"),
        }
        let _ = writeln!(out, "source: {:?}", self.source);
        let _ = writeln!(
            out,
            "header: captions {:?} lede {:?} headline {:?}",
            self.header.captions, self.header.lede, self.header.headline
        );
        out
    }
}
