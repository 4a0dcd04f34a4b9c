//! How a [`Turn`] is written to JSON and read back: with its paragraphs'
//! joined text as `"text"`, which the turn itself does not hold.

use super::{Marker, Span, Text, Turn, TurnKind};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

impl Serialize for Turn<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Turn", 6)?;
        st.serialize_field("kind", &self.kind)?;
        st.serialize_field("speaker", &self.speaker)?;
        st.serialize_field("marker", &self.marker)?;
        st.serialize_field("paragraphs", &self.paragraphs)?;
        st.serialize_field("text", &self.text())?;
        st.serialize_field("span", &self.span)?;
        st.end()
    }
}

/// A turn as its JSON spells it: with the joined `text`, which is read
/// back only when a JSON has no `paragraphs` (schema version 1 wrote none).
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "Turn"))]
pub(super) struct TurnFields<'a> {
    /// Question, answer or remark.
    kind: TurnKind,
    /// The speaker, as an index into `participants`, when known.
    speaker: Option<usize>,
    /// The dash or label that opened the turn, as written.
    marker: Option<Marker<'a>>,
    /// The turn's paragraphs, the first without its marker.
    #[serde(default)]
    paragraphs: Vec<Text<'a>>,
    /// The paragraphs' text joined by `\n`.
    text: Cow<'a, str>,
    /// From the marker to the end of the last paragraph (captions standing
    /// between paragraphs fall inside).
    span: Span,
}

impl<'a> From<TurnFields<'a>> for Turn<'a> {
    fn from(f: TurnFields<'a>) -> Self {
        let paragraphs = if f.paragraphs.is_empty() && !f.text.is_empty() {
            vec![Text {
                text: f.text,
                span: f.span,
            }]
        } else {
            f.paragraphs
        };
        Turn {
            kind: f.kind,
            speaker: f.speaker,
            marker: f.marker,
            paragraphs,
            span: f.span,
        }
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Turn<'_> {
    fn schema_name() -> Cow<'static, str> {
        TurnFields::schema_name()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        TurnFields::json_schema(generator)
    }
}
