//! Byte spans into the caller's input.

use serde::{Deserialize, Deserializer, Serialize};
use std::fmt;
use std::ops::Range;

/// A half-open range of byte offsets, `start..end`, into the text the caller
/// passed to [`parse`](crate::parse).
///
/// Spans always point into the caller's own input, never into a cleaned or
/// normalised copy, and always fall on `char` boundaries, so slicing the input
/// with [`Span::slice`] never panics.
///
/// Its `Debug` form is compact (`12..40`) so that snapshots stay readable; it
/// serialises as `{"start": 12, "end": 40}`. Deserialising refuses a span
/// whose `start` is past its `end`.
///
/// # Example
/// ```
/// use press_transcript::Span;
/// let input = "- Hello?";
/// let span = Span::new(2, 8);
/// assert_eq!(span.slice(input), "Hello?");
/// assert_eq!(format!("{span:?}"), "2..8");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Span {
    /// Offset of the first byte.
    pub start: usize,
    /// Offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// The number of bytes covered (`0` for a span built with its start
    /// past its end).
    #[must_use]
    pub const fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// Whether the span covers no byte.
    #[must_use]
    pub const fn is_empty(&self) -> bool {
        self.start >= self.end
    }

    /// Whether `other` lies entirely inside this span.
    #[must_use]
    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The smallest span covering both.
    #[must_use]
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// The text this span covers in `input`, or `""` if it does not fit.
    pub fn slice<'a>(&self, input: &'a str) -> &'a str {
        input.get(self.start..self.end).unwrap_or("")
    }

    /// The span as a `Range`.
    #[must_use]
    pub const fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

impl<'de> Deserialize<'de> for Span {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        /// The fields as written, before they are checked.
        #[derive(Deserialize)]
        struct Raw {
            start: usize,
            end: usize,
        }
        let Raw { start, end } = Raw::deserialize(d)?;
        if start > end {
            return Err(serde::de::Error::custom(format_args!(
                "a span's start ({start}) is past its end ({end})"
            )));
        }
        Ok(Span { start, end })
    }
}

impl fmt::Debug for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Self {
        Span::new(r.start, r.end)
    }
}

impl From<Span> for Range<usize> {
    fn from(s: Span) -> Self {
        s.start..s.end
    }
}

/// A [`Span`] in eight bytes, for the records a document holds one of a
/// line or paragraph (inputs are shorter than 4 GiB: see
/// `crate::MAX_INPUT_BYTES`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Span32 {
    start: u32,
    end: u32,
}

impl Span32 {
    /// `span` in eight bytes.
    pub(crate) fn of(span: Span) -> Span32 {
        debug_assert!(u32::try_from(span.end).is_ok(), "{span:?} past 4 GiB");
        Span32 {
            start: span.start as u32,
            end: span.end as u32,
        }
    }

    /// The span.
    pub(crate) fn span(self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_is_compact() {
        assert_eq!(format!("{:?}", Span::new(3, 9)), "3..9");
    }

    #[test]
    fn slice_out_of_range_is_empty() {
        assert_eq!(Span::new(2, 50).slice("abc"), "");
    }

    #[test]
    fn a_span_read_from_json_never_ends_before_it_starts() {
        let ok: Span = serde_json::from_str(r#"{"start": 2, "end": 5}"#).unwrap();
        assert_eq!(ok, Span::new(2, 5));
        let err = serde_json::from_str::<Span>(r#"{"start": 5, "end": 2}"#).unwrap_err();
        assert!(
            err.to_string().contains("start (5) is past its end (2)"),
            "{err}"
        );
        assert_eq!(Span::new(5, 2).len(), 0);
        assert!(Span::new(5, 2).is_empty());
    }

    #[test]
    fn cover_takes_both_ends() {
        assert_eq!(Span::new(5, 8).cover(Span::new(2, 6)), Span::new(2, 8));
    }
}
