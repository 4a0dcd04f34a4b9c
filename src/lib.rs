//! # press-transcript
//!
//! Turns the plain text of a press interview or press conference, as a
//! scraper pulls it off a news page, into a typed, lossless [`Transcript`]:
//! kicker, headline, dateline, lede, captions, participants, question and
//! answer turns with their speakers, byline, and the page furniture around
//! them. Seven languages (Vietnamese, English, French, German, Spanish,
//! Portuguese, Italian); plain text, Markdown or HTML.
//!
//! ```
//! let text = "\
//! Phỏng vấn nhanh:
//!
//! Mùa vụ mới
//!
//! Thứ Năm, 12/09/2019, 23:06 [GMT+7]
//!
//! Ông Lê Văn Hùng, Giám đốc hợp tác xã, trả lời phỏng vấn.
//!
//! - Thưa ông, vụ mùa năm nay ra sao?
//! - Năm nay được mùa.
//! - Xin cảm ơn ông!
//!
//! P.V (Thực hiện)
//! ";
//! let t = press_transcript::parse(text)?;
//! assert_eq!(t.kicker.as_ref().unwrap().text, "Phỏng vấn nhanh:");
//! assert_eq!(t.dateline.as_ref().unwrap().date.unwrap().to_string(), "2019-09-12");
//! for pair in t.qa_pairs() {
//!     let who = pair.answers.first().and_then(|a| t.speaker(a));
//!     assert_eq!(who.map(|p| &*p.name), Some("Lê Văn Hùng"));
//!     println!("{} / {}", pair.question.text(), pair.answer_text());
//! }
//! assert_eq!(t.byline.unwrap().names, ["P.V"]);
//! # Ok::<(), press_transcript::Error>(())
//! ```
//!
//! ## Where to start
//!
//! - [`parse`] / [`parse_with`] for text, [`parse_bytes`] /
//!   [`parse_bytes_with`] for bytes not yet decoded (UTF-8 is checked
//!   first), `parse_html` / `parse_html_with` for whole saved pages
//!   (feature `html`); [`Options`] sets the language, the markup
//!   ([`Format`]) and a size limit.
//! - On the result: [`Transcript::qa_pairs`], [`Transcript::speaker`],
//!   [`Transcript::participant`], [`Transcript::turns_of`],
//!   [`Transcript::outline`], [`Transcript::into_owned`].
//! - [`Error`] when the input cannot be a transcript at all;
//!   [`Transcript::diagnostics`] for what was odd but recoverable.
//! - The serde form of [`Transcript`] is a JSON shape that only grows
//!   ([`Transcript::schema_version`]); the README documents every field.
//!
//! ## Features
//!
//! All off by default. `jiff`: conversions of [`Date`], [`Time`],
//! [`UtcOffset`] and [`Weekday`] to and from jiff's types, and
//! `Dateline::timestamp`. `html`: `parse_html`, on the html5gum tokenizer.
//! `schema`: `schemars::JsonSchema` for the model, so that a JSON Schema of
//! the output can be generated from the types. On docs.rs the functions
//! and conversions behind a feature carry its name (the derived
//! `JsonSchema` impls do not: they need the `schema` feature).
//!
//! ## How it works
//!
//! Data flows one way through five stages, each handing the next one typed
//! product; only the last makes the public model.
//!
//! 1. **scan** (`scan`, with `clean`, `frontmatter`, `split`): the input →
//!    paragraphs with byte spans and their cleaned text, the front matter,
//!    the language, and paragraphs holding several turns split;
//! 2. **classify** (`classify`): each paragraph → what it could be (a
//!    marker, a date line, a byline, a credit, its question cues), using
//!    the nom grammars (`grammar`) and the per-language tables (`lang`);
//! 3. **layout** (`layout`): the document's turn convention, then each
//!    paragraph's part (header, turn, caption, trailer), the turns' and
//!    captions' plans, and where the headline, date line and byline are
//!    read from;
//! 4. **resolve** (`resolve`): participants, turn kinds, speakers,
//!    diagnostics, from the paragraphs and the layout;
//! 5. **build** (`build`): the [`Transcript`], every byte in one [`Block`].
//!
//! ## Losslessness
//!
//! [`Transcript::blocks`] covers the input exactly: in order, with no gap and
//! no overlap, on `char` boundaries. Every node's [`Span`] points into the
//! caller's input, never into a cleaned copy, so `&input[span.range()]`
//! always gives the raw text a node came from.
#![warn(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

/// The README's examples, run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

mod build;
mod classify;
mod clean;
mod datetime;
mod error;
mod fnv;
mod frontmatter;
mod grammar;
#[cfg(feature = "html")]
mod html;
mod keys;
mod lang;
mod layout;
mod markdown;
mod model;
mod names;
mod outline;
mod owned;
mod query;
mod resolve;
mod scan;
#[cfg(feature = "schema")]
mod schema;
mod span;
mod split;
#[cfg(test)]
mod test_rng;
mod text;

pub use datetime::{Date, Time, UtcOffset, ValueError, Weekday};
pub use error::Error;
#[cfg(feature = "html")]
#[cfg_attr(docsrs, doc(cfg(feature = "html")))]
pub use html::{parse_html, parse_html_with};
pub use model::*;
pub use names::UnknownName;
pub use query::QaPair;
pub use span::Span;

/// The default for [`Options::max_bytes`]: 256 MiB.
pub const DEFAULT_MAX_BYTES: usize = 256 * 1024 * 1024;

/// The largest input parsed whatever [`Options::max_bytes`] says: the
/// stages keep offsets into the input in 32 bits (a paragraph's records
/// are held through every stage, and the peak heap of a parse is a few
/// times its input).
pub(crate) const MAX_INPUT_BYTES: usize = u32::MAX as usize;

/// How to parse.
///
/// # Example
/// ```
/// use press_transcript::{Language, Options};
/// let opts = Options::new().language(Language::Vi).max_bytes(1 << 20);
/// let t = press_transcript::parse_with("- Hỏi gì?\n- Đáp.\n", &opts).unwrap();
/// assert_eq!(t.language, Language::Vi);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Options {
    /// The language whose tables to use; `None` (the default) detects it,
    /// as does [`Language::Unknown`].
    pub language: Option<Language>,
    /// Inputs larger than this many bytes are refused with
    /// [`Error::TooLarge`] before any work is done; so are inputs of 4 GiB
    /// or more, whatever it says.
    pub max_bytes: usize,
    /// How the text is marked up; detected by default.
    pub format: Format,
}

/// How an input is marked up.
///
/// # `Format::Html` or `parse_html`?
///
/// Both read a page's tags, entities and emphasis out of the text, with
/// spans into the HTML source. `parse_html` (feature `html`) finds what a
/// reader does not see (scripts, styles, titles, navigation, comments, the
/// doctype) with a spec-compliant tokenizer: use it for whole pages as a
/// browser saves them. `Format::Html` (and `Format::Auto`, which picks it
/// for text holding paragraph or line-break tags) finds the same with a
/// built-in one-pass scan and needs no feature: use it for text that holds
/// some markup, such as a scraper's `innerHTML`, or where you want no extra
/// dependency. On well-formed pages both give the same transcript.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Format {
    /// Decide from the text: HTML when it holds paragraph or line-break
    /// tags, Markdown when it shows front matter, headings, emphasis, links
    /// or escapes, plain otherwise.
    #[default]
    Auto,
    /// Plain text: nothing is markup.
    Plain,
    /// Markdown: emphasis, escapes, link and image syntax are taken out of
    /// the text of every node.
    Markdown,
    /// HTML (or text that holds it): tags are taken out, block tags end
    /// paragraphs, entities are decoded.
    Html,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            language: None,
            max_bytes: DEFAULT_MAX_BYTES,
            format: Format::Auto,
        }
    }
}

impl Options {
    /// The defaults: language detected, [`DEFAULT_MAX_BYTES`].
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Use this language's tables instead of detecting the language.
    #[must_use]
    pub fn language(mut self, language: Language) -> Self {
        self.language = Some(language);
        self
    }

    /// Read the input as this format instead of detecting it.
    #[must_use]
    pub fn format(mut self, format: Format) -> Self {
        self.format = format;
        self
    }

    /// Refuse inputs larger than `max` bytes (and inputs of 4 GiB or more,
    /// whatever `max` is).
    #[must_use]
    pub fn max_bytes(mut self, max: usize) -> Self {
        self.max_bytes = max;
        self
    }

    /// The limit in force: [`Options::max_bytes`], at most
    /// [`MAX_INPUT_BYTES`].
    pub(crate) fn limit(&self) -> usize {
        self.max_bytes.min(MAX_INPUT_BYTES)
    }
}

/// Parses a transcript with the default [`Options`].
///
/// # Errors
/// See [`parse_with`].
pub fn parse(input: &str) -> Result<Transcript<'_>, Error> {
    parse_with(input, &Options::default())
}

/// Parses a transcript.
///
/// # Errors
/// [`Error::TooLarge`] for input over [`Options::max_bytes`] (checked before
/// any work), [`Error::LooksLikeUtf16`] for text whose first bytes are NULs
/// every other byte, [`Error::Empty`] for input with no visible text, and
/// [`Error::NoTurns`] for text in which no turn of speech could be found.
pub fn parse_with<'a>(input: &'a str, options: &Options) -> Result<Transcript<'a>, Error> {
    parse_inner(input, options, None)
}

/// [`parse_with`], with the hidden spans of a page given by an HTML reader.
fn parse_inner<'a>(
    input: &'a str,
    options: &Options,
    hidden: Option<Vec<Span>>,
) -> Result<Transcript<'a>, Error> {
    let mut scanned = scan_stage(input, options, hidden)?;
    let lex = lang::lexicon(scanned.language);
    let mut classes = classify::classify(input, &scanned.doc.paragraphs, lex, scanned.doc.markup);
    let laid = layout::layout(input, &scanned.doc, &mut classes, lex);
    drop(classes);
    // No turn found: a whole interview run into one paragraph is cut at
    // its questions and laid out again; the first reading stands if that
    // finds none either.
    let no_turns = match &laid {
        Err(Error::NoTurns { .. }) => true,
        Ok(l) => l.turns.is_empty(),
        Err(_) => false,
    };
    let layout = if no_turns {
        // The first reading is dropped while the second is made (a run-on
        // paragraph's cut copies take its place), and made again if needed.
        let refused = laid.err();
        match again_at_questions(input, &mut scanned, lex) {
            Some(again) => again,
            None => match refused {
                Some(e) => return Err(e),
                None => {
                    let mut classes =
                        classify::classify(input, &scanned.doc.paragraphs, lex, scanned.doc.markup);
                    layout::layout(input, &scanned.doc, &mut classes, lex)?
                }
            },
        }
    } else {
        laid?
    };
    let resolution = resolve::resolve(&scanned.doc, &layout, lex);
    Ok(build::build(
        build::Parts {
            input,
            doc: scanned.doc,
            layout,
            resolution,
            language: scanned.language,
            markdown: scanned.markdown,
        },
        lex,
    ))
}

/// Cuts the paragraphs of `scanned` at questions run into them (see
/// `split::split_questions`) and lays them out again: the layout, when it
/// finds turns; the paragraphs stay as they were otherwise.
fn again_at_questions<'a>(
    input: &'a str,
    scanned: &mut Scanned<'a>,
    lex: &'static lang::Lexicon,
) -> Option<layout::Layout> {
    let doc = &mut scanned.doc;
    let markup = doc.markup.then_some(&doc.hidden[..]);
    let cut = split::split_questions(input, &doc.paragraphs, lex, markup)?;
    let original = std::mem::replace(&mut doc.paragraphs, cut);
    let mut classes = classify::classify(input, &doc.paragraphs, lex, doc.markup);
    match layout::layout(input, doc, &mut classes, lex) {
        Ok(again) if !again.turns.is_empty() => Some(again),
        _ => {
            drop(classes);
            doc.paragraphs = original;
            None
        }
    }
}

/// What scanning hands the later stages.
pub(crate) struct Scanned<'a> {
    /// The paragraphs, split where a scraper glued turns together.
    pub doc: scan::Doc<'a>,
    pub language: Language,
    /// Markdown syntax is to be taken out of the texts.
    pub markdown: bool,
}

/// The first stage: the input checked, its paragraphs found, its language
/// detected, and paragraphs holding several turns split.
///
/// # Errors
/// [`Error::TooLarge`] and [`Error::Empty`], as [`parse_with`] says.
pub(crate) fn scan_stage<'a>(
    input: &'a str,
    options: &Options,
    hidden: Option<Vec<Span>>,
) -> Result<Scanned<'a>, Error> {
    if input.len() > options.limit() {
        return Err(Error::TooLarge {
            len: input.len(),
            max: options.limit(),
        });
    }
    error::check_utf16(input.as_bytes())?;
    let markup = match options.format {
        Format::Html => Some(true),
        Format::Plain | Format::Markdown => Some(false),
        Format::Auto => None,
    };
    let mut doc = scan::scan_with(input, markup, hidden);
    if doc.paragraphs.is_empty() {
        return Err(Error::Empty);
    }
    let markdown = match options.format {
        Format::Markdown | Format::Html => true,
        Format::Plain => false,
        Format::Auto => {
            doc.markup || markdown::looks_like_markdown(input, doc.front_matter.is_some())
        }
    };
    if doc.paragraphs.iter().all(|p| p.text().is_empty()) {
        return Err(Error::Empty);
    }
    let language = options
        .language
        .filter(|l| *l != Language::Unknown)
        .unwrap_or_else(|| lang::detect(doc.paragraphs.iter().map(|p| p.text())));
    doc.paragraphs = split::split(
        input,
        std::mem::take(&mut doc.paragraphs),
        lang::lexicon(language),
        doc.markup.then_some(&doc.hidden[..]),
    );
    Ok(Scanned {
        doc,
        language,
        markdown,
    })
}

/// Whether a text is an HTML page rather than text holding some tags: a
/// page to give to `parse_html`, or to parse with [`Format::Html`].
///
/// ```
/// assert!(press_transcript::looks_like_html("<!DOCTYPE html><html><body><p>Hi</p></body></html>"));
/// assert!(!press_transcript::looks_like_html("Q: Is <b> a tag?\nA: Yes."));
/// ```
#[must_use]
pub fn looks_like_html(text: &str) -> bool {
    let head: String = text
        .chars()
        .take(2048)
        .collect::<String>()
        .to_ascii_lowercase();
    let start = head.trim_start_matches('\u{feff}').trim_start();
    start.starts_with("<!doctype html")
        || start.starts_with("<html")
        || (head.contains("<body") && head.contains("</"))
}

/// Parses a transcript from bytes with the default [`Options`], checking
/// first that they are UTF-8.
///
/// # Errors
/// [`Error::InvalidUtf8`] with the offset, line and column of the first bad
/// byte; otherwise as [`parse`].
///
/// # Example
/// ```
/// let err = press_transcript::parse_bytes(b"- Hi?\n- \xff\n").unwrap_err();
/// assert!(matches!(err, press_transcript::Error::InvalidUtf8 { offset: 8, line: 2, column: 3 }));
/// ```
pub fn parse_bytes(input: &[u8]) -> Result<Transcript<'_>, Error> {
    parse_bytes_with(input, &Options::default())
}

/// Parses a transcript from bytes, checking first that they are UTF-8.
///
/// # Errors
/// [`Error::LooksLikeUtf16`] for UTF-16 (a byte order mark, or NULs every
/// other byte), [`Error::InvalidUtf8`] with the offset, line and column of
/// the first bad byte; otherwise as [`parse_with`].
///
/// # Example
/// ```
/// use press_transcript::{Options, Error};
/// let err = press_transcript::parse_bytes_with(b"- Hi?\n- Yes.\n", &Options::new().max_bytes(4));
/// assert!(matches!(err, Err(Error::TooLarge { len: 13, max: 4 })));
/// ```
pub fn parse_bytes_with<'a>(input: &'a [u8], options: &Options) -> Result<Transcript<'a>, Error> {
    if input.len() > options.limit() {
        return Err(Error::TooLarge {
            len: input.len(),
            max: options.limit(),
        });
    }
    error::check_utf16(input)?;
    match std::str::from_utf8(input) {
        Ok(s) => parse_with(s, options),
        Err(e) => {
            let offset = e.valid_up_to();
            let before = &input[..offset];
            let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
            let line_start = before
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |i| i + 1);
            Err(Error::InvalidUtf8 {
                offset,
                line,
                column: offset - line_start + 1,
            })
        }
    }
}
