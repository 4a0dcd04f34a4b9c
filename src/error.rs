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

    /// The input looks like UTF-16: most of its first bytes are NULs at
    /// every other offset (text in a Latin script, in UTF-16 without a byte
    /// order mark), or it opens with a UTF-16 byte order mark.
    #[error(
        "the input looks like UTF-16 ({endian}-endian) text, not UTF-8: {nuls} of its first \
         {pairs} byte pairs hold a NUL byte at the same place; decode it to UTF-8 first \
         (for instance `iconv -f UTF-16{tag} -t UTF-8`)",
        endian = if *little_endian { "little" } else { "big" },
        tag = if *little_endian { "LE" } else { "BE" }
    )]
    LooksLikeUtf16 {
        /// Whether the NULs stand second in each pair (little-endian).
        little_endian: bool,
        /// How many of the pairs looked at hold that NUL (with a byte order
        /// mark: the whole count).
        nuls: usize,
        /// How many byte pairs were looked at.
        pairs: usize,
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

/// How many bytes from the start are looked at for UTF-16's NULs.
const UTF16_WINDOW: usize = 4096;
/// The fewest byte pairs that can show UTF-16.
const UTF16_MIN_PAIRS: usize = 4;
/// UTF-16 when at least this share of the pairs hold a NUL on one side...
const UTF16_NUL_SHARE: f64 = 0.6;
/// ...and at most this share hold one on the other side.
const UTF16_OTHER_SHARE: f64 = 0.1;

/// [`Error::LooksLikeUtf16`] when `bytes` open with a UTF-16 byte order
/// mark, or when most of the byte pairs of their first
/// [`UTF16_WINDOW`] bytes hold a NUL on the same side and few on the other
/// (UTF-8 text holds a NUL rarely, never every other byte). Reads at most
/// that window: constant time on any input.
pub(crate) fn check_utf16(bytes: &[u8]) -> Result<(), Error> {
    if bytes.len() >= 2 && (bytes[..2] == [0xff, 0xfe] || bytes[..2] == [0xfe, 0xff]) {
        let pairs = bytes.len() / 2;
        return Err(Error::LooksLikeUtf16 {
            little_endian: bytes[0] == 0xff,
            nuls: pairs,
            pairs,
        });
    }
    let head = &bytes[..bytes.len().min(UTF16_WINDOW)];
    let pairs = head.len() / 2;
    if pairs < UTF16_MIN_PAIRS {
        return Ok(());
    }
    let (mut first, mut second) = (0, 0);
    for pair in head.chunks_exact(2) {
        first += usize::from(pair[0] == 0);
        second += usize::from(pair[1] == 0);
    }
    let share = |n: usize| n as f64 / pairs as f64;
    let (nuls, others, little_endian) = if second >= first {
        (second, first, true)
    } else {
        (first, second, false)
    };
    if share(nuls) >= UTF16_NUL_SHARE && share(others) <= UTF16_OTHER_SHARE {
        return Err(Error::LooksLikeUtf16 {
            little_endian,
            nuls,
            pairs,
        });
    }
    Ok(())
}
