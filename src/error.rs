//! The errors [`parse`](crate::parse) returns for input that cannot be a
//! transcript at all. Anything recoverable is a
//! [`Diagnostic`](crate::Diagnostic) instead, and the transcript is still
//! returned.

/// Why an input could not be parsed into a transcript.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input is empty or holds only white space.
    #[error("the input is empty (or holds only white space): there is no transcript to parse")]
    Empty,

    /// The input is larger than [`Options::max_bytes`](crate::Options::max_bytes).
    #[error(
        "the input is {len} bytes, over the limit of {max} bytes set by Options::max_bytes; \
         raise the limit with Options::max_bytes or split the input"
    )]
    TooLarge {
        /// The input's size in bytes.
        len: usize,
        /// The limit in force.
        max: usize,
    },

    /// The bytes given to [`parse_bytes`](crate::parse_bytes) are not UTF-8.
    #[error(
        "the input is not valid UTF-8: byte {offset} (line {line}, column {column}) does not \
         begin or continue a UTF-8 character; decode the text to UTF-8 first (it may be \
         Windows-1252, Latin-1 or UTF-16)"
    )]
    InvalidUtf8 {
        /// The offset of the first invalid byte.
        offset: usize,
        /// Its line, counting from 1.
        line: usize,
        /// Its column in bytes, counting from 1.
        column: usize,
    },

    /// The input holds text but no question-and-answer turns.
    #[error(
        "found no question or answer turns in {paragraphs} paragraph(s) ({found}); a transcript needs turns marked by a dash (`- `), a label (`Q:`, `NAME:`) or a question in bold"
    )]
    NoTurns {
        /// How many paragraphs the input holds.
        paragraphs: usize,
        /// What was found instead, in words.
        found: String,
    },
}
