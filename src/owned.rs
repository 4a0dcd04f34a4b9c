//! Transcripts that own their text: [`Transcript::into_owned`], free of
//! the input's lifetime.

use crate::model::{
    Annotation, Byline, Caption, Dateline, Field, FrontMatter, Marker, Participant, Text,
    Transcript, Turn,
};
use std::borrow::Cow;

fn own(c: Cow<'_, str>) -> Cow<'static, str> {
    Cow::Owned(c.into_owned())
}

impl Transcript<'_> {
    /// A copy that owns all its text, free of the input's lifetime: to keep
    /// a transcript after the input is gone, or to send it to another
    /// thread.
    ///
    /// ```
    /// let owned = {
    ///     let input = String::from("- Hỏi gì?\n- Đáp vậy.\n");
    ///     press_transcript::parse(&input).unwrap().into_owned()
    /// };
    /// assert_eq!(owned.turns.len(), 2);
    /// ```
    pub fn into_owned(self) -> Transcript<'static> {
        Transcript {
            schema_version: self.schema_version,
            language: self.language,
            kicker: self.kicker.map(Text::into_owned),
            headline: self.headline.map(Text::into_owned),
            dateline: self.dateline.map(|d| Dateline {
                text: own(d.text),
                date: d.date,
                time: d.time,
                utc_offset: d.utc_offset,
                zone: d.zone.map(own),
                weekday: d.weekday,
                place: d.place.map(own),
                span: d.span,
            }),
            lede: self.lede.map(Text::into_owned),
            outlet: self.outlet.map(Text::into_owned),
            participants: self
                .participants
                .into_iter()
                .map(|p| Participant {
                    name: own(p.name),
                    honorific: p.honorific.map(own),
                    title: p.title.map(own),
                    affiliation: p.affiliation.map(own),
                    role: p.role,
                    aliases: p.aliases.into_iter().map(own).collect(),
                    span: p.span,
                })
                .collect(),
            turns: self
                .turns
                .into_iter()
                .map(|t| Turn {
                    kind: t.kind,
                    speaker: t.speaker,
                    marker: t.marker.map(|m| Marker {
                        kind: m.kind,
                        text: own(m.text),
                        span: m.span,
                    }),
                    paragraphs: t.paragraphs.into_iter().map(Text::into_owned).collect(),
                    span: t.span,
                })
                .collect(),
            captions: self
                .captions
                .into_iter()
                .map(|c| Caption {
                    text: own(c.text),
                    alt: c.alt.map(Text::into_owned),
                    credit: c.credit.map(Text::into_owned),
                    span: c.span,
                })
                .collect(),
            byline: self.byline.map(|b| Byline {
                text: own(b.text),
                names: b.names.into_iter().map(own).collect(),
                role: b.role,
                span: b.span,
            }),
            source: self.source.map(Text::into_owned),
            blocks: self.blocks,
            front_matter: self.front_matter.map(|f| FrontMatter {
                format: f.format,
                fields: f
                    .fields
                    .into_iter()
                    .map(|x| Field {
                        key: own(x.key),
                        value: own(x.value),
                        span: x.span,
                    })
                    .collect(),
                span: f.span,
            }),
            headings: self.headings.into_iter().map(Text::into_owned).collect(),
            annotations: self
                .annotations
                .into_iter()
                .map(|a| Annotation {
                    kind: a.kind,
                    text: own(a.text),
                    turn: a.turn,
                    span: a.span,
                })
                .collect(),
            diagnostics: self.diagnostics,
        }
    }
}
