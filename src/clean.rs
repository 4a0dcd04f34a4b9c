//! Cleaning a paragraph's raw text, with a map back to raw offsets.
//!
//! Cleaning folds every run of white space (line breaks, tabs, U+00A0 and the
//! other Unicode spaces) to one ASCII space, drops invisible characters
//! (U+FEFF BOM, U+200B zero-width space, U+2060 word joiner, U+00AD soft
//! hyphen, the directional marks), trims both ends, and composes the text to Unicode NFC. When the
//! raw text needs none of this, the cleaned text borrows it.
//!
//! Positions in the cleaned text map back to raw byte offsets through
//! [`Cleaned::raw`]: exact at every character boundary of the cleaned text
//! that is not inside a composed character.

mod plain_text;
mod stop_mask;

use crate::Span;
use crate::text::NextFind;
use plain_text::Plain;
use std::borrow::Cow;
use stop_mask::{StopMask, StopRule};
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// Characters that take no room and are dropped from cleaned text: the
/// BOM, the zero-width space, the word joiner, the soft hyphen, and the
/// directional marks a right-to-left page leaves before a line (U+200E,
/// U+200F, U+061C, the embeddings and overrides U+202A–U+202E, the
/// isolates U+2066–U+2069), so that `\u{200f}- Why?` opens a turn as
/// `- Why?` does.
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{feff}'
            | '\u{200b}'
            | '\u{2060}'
            | '\u{00ad}'
            | '\u{200e}'
            | '\u{200f}'
            | '\u{061c}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2066}'..='\u{2069}'
    )
}

/// White space or an invisible character.
pub(crate) fn is_blankish(c: char) -> bool {
    c.is_whitespace() || is_invisible(c)
}

/// Cleaned text and the way back to the raw input.
///
/// Offsets from `base` are kept in 32 bits: an input is at most
/// [`crate::MAX_INPUT_BYTES`] long (a document holds one of these a
/// paragraph).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Cleaned<'a> {
    pub text: Cow<'a, str>,
    /// Offset in the input of the raw text's first byte.
    base: usize,
    /// `(clean, raw - base)` pairs, ascending, each starting a stretch over
    /// which `raw - clean` is constant; empty when `text` borrows (then the
    /// stretch starts at `(0, lead)`).
    map: Box<[(u32, u32)]>,
    /// Bytes trimmed at the start, for the borrowed case.
    lead: u32,
    /// The length from `base` of the block the raw text stands in (a
    /// paragraph's lines with their terminators; see [`Cleaned::block`]),
    /// 0 until its holder sets it.
    block_len: u32,
}

/// An offset from a cleaned text's base, in 32 bits (see [`Cleaned`]).
fn narrow(offset: usize) -> u32 {
    debug_assert!(u32::try_from(offset).is_ok(), "{offset} past 4 GiB");
    offset as u32
}

impl<'a> Cleaned<'a> {
    /// The input offset of position `clean` in the cleaned text.
    pub fn raw(&self, clean: usize) -> usize {
        if self.map.is_empty() {
            return self.base + self.lead as usize + clean;
        }
        let i = self
            .map
            .partition_point(|&(c, _)| c as usize <= clean)
            .saturating_sub(1);
        let (c, r) = self.map[i];
        self.base + r as usize + (clean - c as usize)
    }

    /// The input offset where the cleaned text ends.
    pub fn raw_end(&self) -> usize {
        self.raw(self.text.len())
    }

    /// The block the raw text stands in, from its start to `len` bytes on
    /// (a paragraph's lines with their terminators).
    pub fn with_block(mut self, len: usize) -> Self {
        self.block_len = narrow(len);
        self
    }

    /// The span of the block set by [`Cleaned::with_block`].
    pub fn block(&self) -> Span {
        Span::new(self.base, self.base + self.block_len as usize)
    }

    /// A slice of the text, borrowing when the text does.
    pub fn sub(&self, r: std::ops::Range<usize>) -> Cow<'a, str> {
        match &self.text {
            Cow::Borrowed(s) => Cow::Borrowed(&s[r]),
            Cow::Owned(s) => Cow::Owned(s[r].to_string()),
        }
    }

    /// Takes range `r` of the cleaned text out, with no copy when the text
    /// was cleaned into a string of its own: the paragraph is left empty,
    /// for a caller that reads it no more.
    pub fn take(&mut self, r: std::ops::Range<usize>) -> Cow<'a, str> {
        self.map = Box::default();
        match std::mem::replace(&mut self.text, Cow::Borrowed("")) {
            Cow::Borrowed(s) => Cow::Borrowed(&s[r]),
            Cow::Owned(mut s) => {
                s.truncate(r.end);
                s.drain(..r.start);
                Cow::Owned(s)
            }
        }
    }
}

/// Cleans `raw`, which starts at offset `base` of the input.
///
/// `clean("  Xin\u{a0}chào\n  ông ", 10)` gives `Xin chào ông`, whose
/// position 0 maps back to input offset 12.
#[cfg(test)]
pub(crate) fn clean(raw: &str, base: usize) -> Cleaned<'_> {
    clean_with(raw, base, None)
}

/// HTML entities that leak into scraped text, and what they stand for.
const ENTITIES: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", '\u{a0}'),
    ("ndash", '–'),
    ("mdash", '—'),
    ("hellip", '…'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("laquo", '«'),
    ("raquo", '»'),
    ("copy", '©'),
    ("reg", '®'),
    ("shy", '\u{ad}'),
    ("eacute", 'é'),
    ("egrave", 'è'),
    ("agrave", 'à'),
    ("ccedil", 'ç'),
    ("uuml", 'ü'),
    ("ouml", 'ö'),
    ("auml", 'ä'),
    ("szlig", 'ß'),
];

/// An HTML entity at the start of `s` (`&amp;`, `&#8211;`, `&#x2014;`):
/// its character and length.
pub(crate) fn entity(s: &str) -> Option<(char, usize)> {
    let body = s.strip_prefix('&')?;
    let semi = body
        .bytes()
        .take(10)
        .position(|b| b == b';')
        .filter(|&i| (2..=8).contains(&i))?;
    let name = &body[..semi];
    let c = if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        char::from_u32(code).filter(|&c| c != '\0')?
    } else {
        ENTITIES.iter().find(|(n, _)| *n == name)?.1
    };
    Some((c, semi + 2))
}

/// Block-level HTML elements: their tags separate words.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "br",
    "div",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "td",
    "th",
    "table",
    "blockquote",
    "figure",
    "figcaption",
    "section",
    "article",
    "header",
    "footer",
    "hr",
];

/// What an HTML tag becomes in cleaned text.
enum Tag {
    /// Bold: `**`, so that bold labels and questions read as in Markdown.
    Bold,
    /// The end of bold: `**` glued to the text before it.
    BoldEnd,
    /// A word break.
    Break,
    /// Nothing.
    Drop,
}

/// An HTML tag at the start of `s` (not a comment: see [`clean_with`]):
/// what it becomes, and its length.
fn tag(s: &str) -> Option<(Tag, usize)> {
    let rest = s.strip_prefix('<')?;
    let rest_name = rest.strip_prefix('/').unwrap_or(rest);
    let name_len = rest_name
        .bytes()
        .take_while(u8::is_ascii_alphanumeric)
        .count();
    if name_len == 0 || !rest_name.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let end = s.bytes().take(400).position(|b| b == b'>')?;
    if s[1..end].contains(['<', '\n']) {
        return None;
    }
    let name = rest_name[..name_len].to_ascii_lowercase();
    let closing = rest.starts_with('/');
    let kind = match name.as_str() {
        "strong" | "b" if closing => Tag::BoldEnd,
        "strong" | "b" => Tag::Bold,
        n if BLOCK_TAGS.contains(&n) => Tag::Break,
        _ => Tag::Drop,
    };
    Some((kind, end + 1))
}

/// How a text is marked up: `None` for plain text or Markdown, or HTML
/// with the spans (in the whole input, ascending) of what a page does not
/// show: scripts, styles, navigation, comments, the doctype.
pub(crate) type Markup<'h> = Option<&'h [Span]>;

/// Elements whose content a reader does not see as the page's text.
pub(crate) const HIDDEN_ELEMENTS: &[&str] = &[
    "script", "style", "noscript", "template", "title", "nav", "svg", "iframe",
];

/// The spans of `input`, from `from` on, that a page does not show: the
/// elements of [`HIDDEN_ELEMENTS`] with their content, comments and
/// declarations (`<!DOCTYPE html>`). An element that is never closed hides
/// only its tag. One pass: each kind of closing is searched for at most
/// once past its last occurrence.
pub(crate) fn hidden_spans(input: &str, from: usize) -> Vec<Span> {
    let bytes = input.as_bytes();
    let mut out = Vec::new();
    // Kinds whose closing no longer occurs: comments, then each element.
    let mut unclosed = [false; HIDDEN_ELEMENTS.len() + 1];
    let mut i = from.min(input.len());
    while let Some(rel) = memchr::memchr(b'<', &bytes[i..]) {
        let at = i + rel;
        let rest = &bytes[at + 1..];
        i = at + 1;
        if rest.starts_with(b"!--") {
            let end = if unclosed[0] {
                None
            } else {
                memchr::memmem::find(&rest[3..], b"-->").map(|e| at + 4 + e + 3)
            };
            unclosed[0] |= end.is_none();
            let end = end.or_else(|| tag_end(bytes, at)).unwrap_or(input.len());
            out.push(Span::new(at, end));
            i = end;
            continue;
        }
        if rest.first() == Some(&b'!') && rest.get(1).is_some_and(u8::is_ascii_alphabetic) {
            let end = tag_end(bytes, at).unwrap_or(input.len());
            out.push(Span::new(at, end));
            i = end;
            continue;
        }
        let name_len = rest
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        let name = &rest[..name_len];
        let Some(k) = HIDDEN_ELEMENTS
            .iter()
            .position(|e| e.as_bytes().eq_ignore_ascii_case(name))
        else {
            continue;
        };
        let Some(open_end) = tag_end(bytes, at) else {
            break;
        };
        let close = if unclosed[k + 1] {
            None
        } else {
            closing(bytes, open_end, HIDDEN_ELEMENTS[k].as_bytes())
        };
        unclosed[k + 1] |= close.is_none();
        let end = close.unwrap_or(open_end);
        out.push(Span::new(at, end));
        i = end;
    }
    out
}

/// The value of the attribute `name` (lower case) in `tag`, one tag's
/// source (`<meta property="…" content="…">`), with its offset in `tag`.
pub(crate) fn attribute<'t>(tag: &'t str, name: &str) -> Option<(usize, &'t str)> {
    // ASCII lower-casing keeps every byte offset.
    let lower = tag.to_ascii_lowercase();
    let mut from = 0;
    while let Some(k) = lower[from..].find(name) {
        let at = from + k;
        from = at + name.len();
        if !lower.as_bytes()[..at]
            .last()
            .is_some_and(u8::is_ascii_whitespace)
        {
            continue;
        }
        let after = &tag[from..];
        let Some(value) = after.trim_start().strip_prefix('=') else {
            continue;
        };
        let value = value.trim_start();
        let start = tag.len() - value.len();
        return Some(match value.chars().next() {
            Some(q @ ('"' | '\'')) => {
                let body = &value[1..];
                (start + 1, &body[..body.find(q).unwrap_or(body.len())])
            }
            _ => {
                let end = value
                    .find(|c: char| c.is_ascii_whitespace() || c == '>')
                    .unwrap_or(value.len());
                (start, &value[..end])
            }
        });
    }
    None
}

/// The tags named `name` (lower case) in `html`, each with its offset:
/// from `<` to `>`, or to the end of the text when it is never closed. A
/// `<` inside a named tag (in a quoted value, or a tag never closed)
/// starts no tag of its own: the search goes on past the tag's end, so that
/// each byte is read once.
pub(crate) fn tags<'h>(html: &'h str, name: &'h str) -> impl Iterator<Item = (usize, &'h str)> {
    let bytes = html.as_bytes();
    let mut from = 0;
    std::iter::from_fn(move || {
        while let Some(rel) = memchr::memchr(b'<', bytes.get(from..)?) {
            let i = from + rel;
            // Only a tag with a name (whose text is attributes) is read to
            // its end; the `<`s of anything else may start tags.
            if !bytes.get(i + 1).is_some_and(u8::is_ascii_alphabetic) {
                from = i + 1;
                continue;
            }
            let end = tag_end(bytes, i).unwrap_or(html.len());
            from = end;
            let n = bytes.get(i + 1..i + 1 + name.len());
            let after = bytes.get(i + 1 + name.len()).copied();
            if n.is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()))
                && after.is_some_and(|b| b.is_ascii_whitespace() || b == b'>' || b == b'/')
            {
                return Some((i, &html[i..end]));
            }
        }
        None
    })
}

/// Whether `raw` holds a tag that marks its content as the author's name:
/// `rel="author"`, or a class naming a byline or an author. Each tag is
/// read once, from `<` to `>` (a `<` inside it starts no tag).
pub(crate) fn marks_author(raw: &str) -> bool {
    let bytes = raw.as_bytes();
    let mut from = 0;
    while let Some(rel) = memchr::memchr(b'<', &bytes[from..]) {
        let i = from + rel;
        let end = tag_end(bytes, i).unwrap_or(raw.len());
        from = end;
        let tag = &raw[i..end];
        let rel = attribute(tag, "rel").is_some_and(|(_, v)| {
            v.split_ascii_whitespace()
                .any(|w| w.eq_ignore_ascii_case("author"))
        });
        let class = attribute(tag, "class").is_some_and(|(_, v)| {
            v.split_ascii_whitespace().any(|w| {
                let w = w.to_ascii_lowercase();
                w == "byline" || w == "author" || w.ends_with("-byline") || w.ends_with("__author")
            })
        });
        if rel || class {
            return true;
        }
    }
    false
}

/// The `datetime` attribute of the first `<time>` tag of `raw`.
///
/// ```text
/// <time datetime="2023-10-05T08:30:00+01:00">5 October 2023</time>  →  2023-10-05T08:30:00+01:00
/// ```
pub(crate) fn time_datetime(raw: &str) -> Option<&str> {
    let (_, tag) = tags(raw, "time").next()?;
    if !tag.ends_with('>') {
        return None;
    }
    attribute(tag, "datetime").map(|(_, v)| v.trim())
}

/// Whether a page's paragraph is wholly in italics: past its block tags
/// (`<p>`, `<blockquote>`, `<div>`, `<li>`), it opens with `<em>` or `<i>`
/// and that element closes only at its end. Tags in any case.
pub(crate) fn all_in_italics(raw: &str) -> bool {
    let starts_ci = |t: &str, tag: &str| {
        t.as_bytes()
            .get(..tag.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(tag.as_bytes()))
    };
    // Where `tag` last stands in `hay`, in any case.
    let rfind_ci = |hay: &[u8], tag: &str| {
        hay.windows(tag.len())
            .rposition(|w| w.eq_ignore_ascii_case(tag.as_bytes()))
    };
    let mut t = raw.trim();
    // The block tags around it, at most a few of them; each one's close is
    // looked for in the last bytes only.
    for _ in 0..4 {
        let blocks = [
            ("<p>", "</p>"),
            ("<blockquote>", "</blockquote>"),
            ("<div>", "</div>"),
            ("<li>", "</li>"),
        ];
        let Some(&(open, close)) = blocks.iter().find(|(o, _)| starts_ci(t, o)) else {
            break;
        };
        t = t[open.len()..].trim_start();
        let from = t.len().saturating_sub(14);
        let from = if t.is_char_boundary(from) { from } else { 0 };
        if let Some(at) = rfind_ci(&t.as_bytes()[from..], close) {
            t = t[..from + at].trim_end();
        }
    }
    for (open, close) in [("<em>", "</em>"), ("<i>", "</i>")] {
        let ends = t.len() >= close.len()
            && t.as_bytes()[t.len() - close.len()..].eq_ignore_ascii_case(close.as_bytes());
        if starts_ci(t, open) && ends {
            let inner = &t[open.len()..t.len() - close.len()];
            return !inner.trim().is_empty() && rfind_ci(inner.as_bytes(), close).is_none();
        }
    }
    false
}

/// Past the first `>` from `at`: the end of the tag opening there.
fn tag_end(bytes: &[u8], at: usize) -> Option<usize> {
    memchr::memchr(b'>', &bytes[at..]).map(|e| at + e + 1)
}

/// The end of the first `</name …>` in `bytes` from `from`.
fn closing(bytes: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    let mut i = from;
    while let Some(rel) = memchr::memmem::find(&bytes[i..], b"</") {
        let at = i + rel + 2;
        let matches = bytes
            .get(at..at + name.len())
            .is_some_and(|n| n.eq_ignore_ascii_case(name))
            && !bytes
                .get(at + name.len())
                .is_some_and(u8::is_ascii_alphanumeric);
        if matches {
            return tag_end(bytes, at);
        }
        i = at;
    }
    None
}

/// Cleans `raw`, which starts at `base` in the input; with markup, HTML
/// tags are dropped too (`<strong>` and `<b>` read as `**`), and so is what
/// the page does not show.
pub(crate) fn clean_with<'r>(raw: &'r str, base: usize, markup: Markup<'_>) -> Cleaned<'r> {
    let trimmed = raw.trim_start_matches(is_blankish);
    let lead = raw.len() - trimmed.len();
    let trimmed = trimmed.trim_end_matches(is_blankish);
    let mut hidden = markup.unwrap_or(&[]);
    hidden = &hidden[hidden.partition_point(|h| h.end <= base + lead)..];
    let end = base + lead + trimmed.len();
    hidden = &hidden[..hidden.partition_point(|h| h.start < end)];
    let markup = markup.is_some();
    if hidden.is_empty() {
        match plain_text::clean_plain(trimmed, lead, markup) {
            Some(Plain::Unchanged) => return borrowed(trimmed, base, lead),
            Some(Plain::Cleaned(out, map)) => return owned(out, map, base, lead),
            None => {}
        }
    }
    clean_general(trimmed, base, lead, hidden, markup)
}

/// The cleaned text `trimmed` itself, `lead` bytes past `base`.
fn borrowed(trimmed: &str, base: usize, lead: usize) -> Cleaned<'_> {
    Cleaned {
        text: Cow::Borrowed(trimmed),
        base,
        map: Box::default(),
        lead: narrow(lead),
        block_len: 0,
    }
}

/// A cleaned text of its own, `out`, with its `map` (see [`Cleaned`]),
/// whose raw text starts `lead` bytes past `base`. The room `out` has
/// left over is given back: it would be held through every stage and in
/// the model.
fn owned<'r>(mut out: String, map: Vec<(u32, u32)>, base: usize, lead: usize) -> Cleaned<'r> {
    out.shrink_to_fit();
    Cleaned {
        text: Cow::Owned(out),
        base,
        map: if map.is_empty() {
            Box::new([(0, narrow(lead))])
        } else {
            map.into_boxed_slice()
        },
        lead: narrow(lead),
        block_len: 0,
    }
}

/// Cleans `trimmed` (a raw text trimmed of `lead` bytes, from `base` in
/// the input) a character at a time, dropping the `hidden` spans: what
/// [`plain_text::clean_plain`] leaves (entities, tags, invisible
/// characters, combining marks, text outside [`plain`]), and its oracle in
/// tests.
fn clean_general<'r>(
    trimmed: &'r str,
    base: usize,
    lead: usize,
    mut hidden: &[Span],
    markup: bool,
) -> Cleaned<'r> {
    if needs_no_cleaning(trimmed, markup) && hidden.is_empty() {
        return borrowed(trimmed, base, lead);
    }
    let mut b = Build {
        out: String::with_capacity(trimmed.len()),
        map: Vec::new(),
        space: None,
    };
    let mut segment = String::new();
    let mut stops = Stops::new(trimmed.as_bytes(), markup);
    let mut comment_end = NextFind::new(b"-->");
    let mut i = 0;
    let bytes = trimmed.as_bytes();
    while i < trimmed.len() {
        let at = lead + i;
        if let Some(h) = hidden.first() {
            if base + at >= h.end {
                hidden = &hidden[1..];
                continue;
            }
            if base + at >= h.start {
                b.space(at);
                i = (h.end - base - lead).min(trimmed.len());
                hidden = &hidden[1..];
                continue;
            }
        }
        // White space folds, read without decoding: ASCII, and the
        // no-break space (`C2 A0`) scraped pages are full of.
        let white = white_len(bytes, i);
        if white > 0 {
            b.space(at);
            i += white;
            continue;
        }
        // A run of plain characters (see [`run_end`]) is copied at once. It
        // stops short of a hidden span, and its last character is left to
        // the general case when a combining mark follows (they compose).
        if may_open_piece(bytes[i], markup) {
            let limit = hidden.first().map_or(trimmed.len(), |h| {
                (h.start - base - lead).min(trimmed.len())
            });
            let j = piece_end(trimmed, i, limit, &mut stops);
            if j > i {
                b.text(at, lead + j, &trimmed[i..j]);
                i = b.runs_after(trimmed, lead, j, limit, &mut stops);
                continue;
            }
        }
        let rest = &trimmed[i..];
        if bytes[i] == b'&' {
            if let Some((c, n)) = entity(rest) {
                if c.is_whitespace() {
                    b.space(at);
                } else if !is_invisible(c) {
                    b.text(at, lead + i + n, c.encode_utf8(&mut [0; 4]));
                }
                i += n;
                continue;
            }
        }
        if markup && bytes[i] == b'<' {
            // A comment ends at the next `-->`, searched for once for all
            // the comments that open before it (or after the last one).
            let found = if rest.starts_with("<!--") {
                comment_end
                    .at(bytes, i + 4)
                    .map(|e| (Tag::Break, e + 3 - i))
            } else {
                tag(rest)
            };
            if let Some((t, n)) = found {
                match t {
                    Tag::Bold => b.text(at, lead + i + n, "**"),
                    Tag::BoldEnd => b.glued(at, lead + i + n, "**"),
                    Tag::Break => b.space(at),
                    Tag::Drop => {}
                }
                i += n;
                continue;
            }
        }
        let c = rest.chars().next().expect("not at the end");
        if is_blankish(c) {
            if c.is_whitespace() {
                b.space(at);
            }
            i += c.len_utf8();
            continue;
        }
        // A starter and the combining marks after it compose together.
        let mut j = i + c.len_utf8();
        for d in trimmed[j..].chars() {
            if plain(d) || unicode_normalization::char::canonical_combining_class(d) == 0 {
                break;
            }
            j += d.len_utf8();
        }
        let piece = &trimmed[i..j];
        let orphan = !plain(c) && unicode_normalization::char::canonical_combining_class(c) != 0;
        if orphan && b.space.is_none() && !b.out.is_empty() {
            // Combining marks whose letter stood before an invisible
            // character that was dropped: they compose with that letter.
            b.compose(lead + j, piece);
        } else if j - i == c.len_utf8()
            && (plain(c) || is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes)
        {
            b.text(at, lead + j, piece);
        } else {
            segment.clear();
            segment.extend(piece.nfc());
            b.text(at, lead + j, &segment);
        }
        i = j;
    }
    // Cleaning shortens the text (folded white space, dropped tags).
    owned(b.out, b.map, base, lead)
}

/// The length of the white space character at `i` of `bytes` that
/// cleaning folds without decoding it, 0 if there is none there: ASCII,
/// and the no-break space (`C2 A0`) scraped pages are full of.
#[inline]
fn white_len(bytes: &[u8], i: usize) -> usize {
    match bytes[i] {
        b' ' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r' => 1,
        NBSP_FIRST_BYTE if bytes.get(i + 1) == Some(&NBSP_SECOND_BYTE) => 2,
        _ => 0,
    }
}

/// Whether a piece of plain text may open with byte `b`: a plain ASCII
/// byte, or the first byte of a character outside ASCII.
#[inline]
fn may_open_piece(b: u8, markup: bool) -> bool {
    plain_ascii(b, markup) || !b.is_ascii()
}

/// Where the piece of plain text [`clean_with`] copies from `i` of `text`
/// ends: its run (see [`run_end`]), but for its last character when a
/// combining mark follows (they compose, in the general case).
#[inline]
fn piece_end(text: &str, i: usize, limit: usize, stops: &mut Stops<'_>) -> usize {
    let bytes = text.as_bytes();
    let j = run_end(text, i, limit, stops);
    if j > i && j < bytes.len() && !bytes[j].is_ascii() && is_mark(&text[j..]) {
        j - 1
    } else {
        j
    }
}

/// Where the run of plain text starting at `i` of `text` ends (at `limit`
/// at the latest, a character boundary): printable ASCII but `&` (and `<`
/// in markup), and the characters [`plain`] vouches for that are neither
/// white space nor invisible and that no combining mark follows, with
/// single spaces between them. The general case of [`clean_with`] would
/// write each of them as it stands, the spaces as spaces, with no change
/// of offset: one piece is written for them all.
fn run_end(text: &str, i: usize, limit: usize, stops: &mut Stops<'_>) -> usize {
    let bytes = text.as_bytes();
    let mut j = i;
    loop {
        if j < limit && bytes[j].is_ascii() {
            j = stops.run_end(j, limit);
        }
        // A single space between the run and a plain character.
        let k = if j > i && j + 1 < limit && bytes[j] == b' ' {
            j + 1
        } else {
            j
        };
        if k >= limit || bytes[k].is_ascii() {
            return j;
        }
        let Some(c) = text[k..].chars().next() else {
            return j;
        };
        let after = k + c.len_utf8();
        if !plain_visible(c) || (after < text.len() && is_mark(&text[after..])) {
            return j;
        }
        j = after;
    }
}

/// Whether `rest` (not empty) opens with a combining mark: a character
/// that composes with the one before it, as the general case of
/// [`clean_with`] reads them.
fn is_mark(rest: &str) -> bool {
    rest.chars().next().is_some_and(|d| {
        !plain(d) && unicode_normalization::char::canonical_combining_class(d) != 0
    })
}

/// The UTF-8 bytes of U+00A0, the no-break space.
const NBSP_FIRST_BYTE: u8 = 0xC2;
const NBSP_SECOND_BYTE: u8 = 0xA0;

/// A byte copied as it stands: printable ASCII but `&` (and `<` in markup).
#[inline]
fn plain_ascii(b: u8, markup: bool) -> bool {
    (b'!'..=b'~').contains(&b) & (b != b'&') & !(markup & (b == b'<'))
}

/// How many bytes [`plain_run_end`] checks at once, in vector code (a
/// multiple of eight).
const RUN_BLOCK: usize = 32;

/// Where the run of plain ASCII starting at `i` ends (at `limit` at the
/// latest): at the first byte that is neither plain ([`plain_ascii`]) nor a
/// single space between plain bytes. Read a block of [`RUN_BLOCK`] bytes at
/// a time, in vector code: the block's stops are flagged a byte each, and
/// the first flag found a word of eight at a time. The last block is read
/// from a copy padded with NUL bytes, which stop a run.
fn plain_run_end(bytes: &[u8], i: usize, limit: usize, markup: bool) -> usize {
    let mut j = i;
    // A block needs the byte after it, and before `limit`.
    while j + RUN_BLOCK < limit {
        if let Some(k) = first_stop(&bytes[j..=j + RUN_BLOCK], markup) {
            return j + k;
        }
        j += RUN_BLOCK;
    }
    let mut padded = [0u8; RUN_BLOCK + 1];
    padded[..limit - j].copy_from_slice(&bytes[j..limit]);
    j + first_stop(&padded, markup).map_or(limit - j, |k| k.min(limit - j))
}

/// The first of the [`RUN_BLOCK`] bytes of `block` (which holds one more,
/// the byte after them) that a run of plain ASCII stops at, if any.
#[inline]
fn first_stop(block: &[u8], markup: bool) -> Option<usize> {
    let stops =
        |b: u8, next: u8| !plain_ascii(b, markup) & !((b == b' ') & plain_ascii(next, markup));
    let mut flags = [0u8; RUN_BLOCK];
    for (f, (&b, &next)) in flags.iter_mut().zip(block.iter().zip(&block[1..])) {
        *f = u8::from(stops(b, next));
    }
    flags.chunks_exact(8).enumerate().find_map(|(c, word)| {
        let word = u64::from_le_bytes(word.try_into().expect("eight bytes"));
        (word != 0).then(|| c * 8 + (word.trailing_zeros() / 8) as usize)
    })
}

/// What stops a run of plain ASCII ([`plain_run_end`]): a byte that is
/// not plain ([`plain_ascii`]), unless it is a space followed by a plain
/// one.
struct PlainRun;

impl StopRule for PlainRun {
    #[inline(always)]
    fn stops<const MARKUP: bool>(b: u8, next: u8) -> bool {
        !plain_ascii(b, MARKUP) & !((b == b' ') & plain_ascii(next, MARKUP))
    }
}

/// The stops of the runs of plain ASCII of one text.
struct Stops<'b>(StopMask<'b, PlainRun>);

impl<'b> Stops<'b> {
    fn new(bytes: &'b [u8], markup: bool) -> Self {
        Stops(StopMask::new(bytes, markup))
    }

    /// Where the run of plain ASCII starting at `i` ends, at `limit` at
    /// the latest: as [`plain_run_end`] finds it.
    fn run_end(&mut self, i: usize, limit: usize) -> usize {
        // Past `limit` a run reads NUL bytes, which stop it: so does a
        // space right before it, with no plain byte after it.
        match self.0.first(i, limit) {
            s if s < limit => s,
            _ if limit > i && self.0.bytes()[limit - 1] == b' ' => limit - 1,
            _ => limit,
        }
    }
}

/// Cleaned text under construction, with its map.
struct Build {
    out: String,
    /// `(clean, raw)` entries: each text piece's start and end.
    map: Vec<(u32, u32)>,
    /// A space waiting to be written before the next text, and where in the
    /// raw text it began.
    space: Option<usize>,
}

impl Build {
    fn space(&mut self, raw_at: usize) {
        if !self.out.is_empty() && self.space.is_none() {
            self.space = Some(raw_at);
        }
    }

    fn mark(&mut self, raw_at: usize) {
        let (c, raw_at) = (narrow(self.out.len()), narrow(raw_at));
        match self.map.last() {
            Some(&(lc, lr)) if raw_at.checked_sub(lr) == Some(c - lc) => {}
            Some(&(lc, _)) if lc == c => {
                self.map.pop();
                self.map.push((c, raw_at));
            }
            _ => self.map.push((c, raw_at)),
        }
    }

    /// Writes `s` right after the text before it, keeping a waiting space
    /// for after it.
    fn glued(&mut self, raw_at: usize, raw_end: usize, s: &str) {
        if self.out.is_empty() {
            return;
        }
        let space = self.space.take();
        self.mark(raw_at);
        self.out.push_str(s);
        self.mark(raw_end);
        if let Some(sp) = space {
            self.space = Some(sp.max(raw_end));
        }
    }

    /// After a piece of plain text written up to raw `j` of `text` (which
    /// starts at raw `lead`): the pieces that follow it, each past white
    /// space folded to one space, are written as [`clean_with`] would
    /// write them a byte at a time (the space waits, then goes before the
    /// next text, whose offset is marked), up to `limit`. Where it stopped:
    /// at white space that no piece follows, or at the end of a piece.
    fn runs_after(
        &mut self,
        text: &str,
        lead: usize,
        mut j: usize,
        limit: usize,
        stops: &mut Stops<'_>,
    ) -> usize {
        let bytes = text.as_bytes();
        loop {
            let mut k = j;
            while k < limit {
                match white_len(bytes, k) {
                    0 => break,
                    n => k += n,
                }
            }
            if k == j || k >= limit || !may_open_piece(bytes[k], stops.0.markup()) {
                return j;
            }
            let e = piece_end(text, k, limit, stops);
            if e == k {
                return j;
            }
            // A piece written after a piece is never the text's first, and
            // the space waiting before it stood at `j`, where the offset
            // was marked already: the space shifts it only when it folded
            // more than one byte.
            self.out.push(' ');
            if k - j != 1 {
                self.mark(lead + k);
            }
            self.out.push_str(&text[k..e]);
            j = e;
        }
    }

    /// Composes combining `marks` with the last character written; the
    /// result stands for the raw text up to `raw_end`.
    fn compose(&mut self, raw_end: usize, marks: &str) {
        let last = self.out.char_indices().next_back().map_or(0, |(i, _)| i);
        let base: String = self.out[last..].to_string();
        self.out.truncate(last);
        self.out.extend(base.chars().chain(marks.chars()).nfc());
        self.mark(raw_end);
    }

    /// Writes `s`, which stands for raw `raw_at..raw_end`.
    fn text(&mut self, raw_at: usize, raw_end: usize, s: &str) {
        if let Some(sp) = self.space.take() {
            self.mark(sp);
            self.out.push(' ');
        }
        self.mark(raw_at);
        self.out.push_str(s);
        // Text as long as what it stands for keeps the offset just marked.
        if raw_end - raw_at != s.len() {
            self.mark(raw_end);
        }
    }
}

/// Whether `s` (already trimmed) needs no cleaning at all: no white space
/// but single spaces, no invisible character, no `&` (nor `<` in markup),
/// and in NFC.
///
/// Printable ASCII with single spaces is found a block at a time; past the
/// first byte that stops it, each byte is read once, from [`CLEAN_CLASS`],
/// and only characters outside U+0000 to U+02FF, but for the Vietnamese
/// letters of U+1E00 to U+1EFF, are decoded. The text's NFC is checked
/// from its first character that is not [`plain`] (the ones before it leave
/// the check as it starts), when it has one.
fn needs_no_cleaning(s: &str, markup: bool) -> bool {
    let bytes = s.as_bytes();
    let mut i = plain_run_end(bytes, 0, bytes.len(), markup);
    // Where the first character that is not plain starts.
    let mut not_plain: Option<usize> = None;
    while i < bytes.len() {
        match CLEAN_CLASS[usize::from(bytes[i])] {
            CleanClass::Kept => i += 1,
            CleanClass::Space if i > 0 && bytes[i - 1] == b' ' => return false,
            CleanClass::Space => i += 1,
            CleanClass::Angle if markup => return false,
            CleanClass::Angle => i += 1,
            CleanClass::Changed => return false,
            CleanClass::Lead => {
                // U+1E00 to U+1EFF, plain and visible.
                if bytes[i] == VIETNAMESE_FIRST_BYTE
                    && bytes
                        .get(i + 1)
                        .is_some_and(|b| VIETNAMESE_SECOND_BYTES.contains(b))
                {
                    i += 3;
                    continue;
                }
                let Some(c) = s[i..].chars().next() else {
                    break;
                };
                if !plain_visible(c) {
                    if is_blankish(c) || c.is_whitespace() {
                        return false;
                    }
                    not_plain.get_or_insert(i);
                }
                i += c.len_utf8();
            }
        }
    }
    not_plain.is_none_or(|at| is_nfc_quick(s[at..].chars()) == IsNormalized::Yes)
}

/// How [`needs_no_cleaning`] reads a byte.
#[derive(Clone, Copy)]
enum CleanClass {
    /// Kept as it stands: ASCII but for the bytes below, a UTF-8
    /// continuation byte, or the lead byte of a character from U+00C0 to
    /// U+02FF (all [`plain`] and visible).
    Kept,
    /// A space: two in a row fold.
    Space,
    /// `<`, a tag's start in markup.
    Angle,
    /// White space but the space, or `&`: cleaning changes the text.
    Changed,
    /// The lead byte of another character, which is decoded.
    Lead,
}

/// The [`CleanClass`] of each byte.
static CLEAN_CLASS: [CleanClass; 256] = {
    let mut t = [CleanClass::Kept; 256];
    t[b' ' as usize] = CleanClass::Space;
    t[b'<' as usize] = CleanClass::Angle;
    t[b'&' as usize] = CleanClass::Changed;
    t[b'\t' as usize] = CleanClass::Changed;
    t[b'\n' as usize] = CleanClass::Changed;
    t[0x0C] = CleanClass::Changed;
    t[b'\r' as usize] = CleanClass::Changed;
    // U+0080 to U+00BF (with the no-break space and the soft hyphen),
    // and every character from U+0300 on.
    t[0xC2] = CleanClass::Lead;
    let mut b = 0xCC;
    while b <= 0xFF {
        t[b] = CleanClass::Lead;
        b += 1;
    }
    t
};

/// The UTF-8 lead byte of U+1000 to U+1FFF, and the second bytes of
/// U+1E00 to U+1EFF (Latin Extended Additional) after it.
const VIETNAMESE_FIRST_BYTE: u8 = 0xE1;
const VIETNAMESE_SECOND_BYTES: std::ops::RangeInclusive<u8> = 0xB8..=0xBB;

/// Whether non-ASCII `c` is [`plain`] and neither white space nor
/// invisible: all but U+0085 (next line), U+00A0 (no-break space) and
/// U+00AD (soft hyphen) are, of the non-ASCII characters `plain` vouches
/// for. No Unicode table is read.
#[inline]
fn plain_visible(c: char) -> bool {
    debug_assert!(!c.is_ascii());
    plain(c) && !matches!(c, '\u{85}' | '\u{a0}' | '\u{ad}')
}

/// A character no normalization changes and no mark combines with: Latin
/// below U+0300 (with Latin-1 and Extended-A and B), Latin Extended
/// Additional (Vietnamese), or the dashes, quotes and other marks of
/// General Punctuation ([`PUNCTUATION`]). Its combining class is 0 and it
/// is NFC alone.
pub(crate) fn plain(c: char) -> bool {
    c < '\u{300}'
        || ('\u{1E00}'..='\u{1EFF}').contains(&c)
        || PUNCTUATION.iter().any(|r| r.contains(&c))
}

/// The marks of General Punctuation that are neither spaces, separators
/// nor format characters: dashes, curly quotes, bullets, the ellipsis
/// (U+2010 to U+2027), per mille, primes, angle quotes and the rest up to
/// U+205E. Text pasted from pages is full of them.
const PUNCTUATION: [std::ops::RangeInclusive<char>; 2] =
    ['\u{2010}'..='\u{2027}', '\u{2030}'..='\u{205E}'];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_paragraph_wholly_in_italics() {
        assert!(all_in_italics("<p><em>Com'è cambiato il lavoro?</em></p>"));
        assert!(all_in_italics(
            "<blockquote><p><i>Why now?</i></p></blockquote>"
        ));
        assert!(all_in_italics("<EM>Pourquoi ?</EM>"));
        // Italics around part of it, or two italic runs, or none.
        assert!(!all_in_italics("<p><em>Why</em> now?</p>"));
        assert!(!all_in_italics("<p><em>Why</em> and <em>how</em></p>"));
        assert!(!all_in_italics("<p>Why now?</p>"));
        assert!(!all_in_italics("<p><em> </em></p>"));
    }

    #[test]
    fn plain_characters_are_normalized_and_combine_with_nothing() {
        // Every character `plain` vouches for, checked against the tables.
        let punctuation = PUNCTUATION.into_iter().flatten();
        for c in ('\0'..'\u{300}')
            .chain('\u{1E00}'..='\u{1EFF}')
            .chain(punctuation)
        {
            assert!(plain(c));
            assert_eq!(
                unicode_normalization::char::canonical_combining_class(c),
                0,
                "{c:?}"
            );
            assert_eq!(is_nfc_quick(std::iter::once(c)), IsNormalized::Yes, "{c:?}");
        }
        assert!(!plain('\u{301}') && !plain('\u{2000}') && !plain('\u{2028}'));
        // Of the non-ASCII ones, only three are blank.
        let punctuation = PUNCTUATION.into_iter().flatten();
        for c in ('\u{80}'..'\u{300}')
            .chain('\u{1E00}'..='\u{1EFF}')
            .chain(punctuation)
        {
            let blank = is_blankish(c) || c.is_whitespace();
            assert_eq!(plain_visible(c), !blank, "{c:?}");
        }
    }

    #[test]
    fn plain_runs_end_where_a_byte_at_a_time_they_end() {
        let naive = |bytes: &[u8], i: usize, limit: usize, markup: bool| {
            let mut j = i;
            while j < limit
                && (plain_ascii(bytes[j], markup)
                    || (bytes[j] == b' ' && j + 1 < limit && plain_ascii(bytes[j + 1], markup)))
            {
                j += 1;
            }
            j
        };
        let line = "When the President asked me to serve in this role, we talked about it";
        let mut texts = vec![line.repeat(3)];
        for stop in [
            "  ", "\n", "&amp;", "<b>", "’", "\u{a0} ", " ", "\0", "\u{7f}",
        ] {
            for at in [0, 5, 31, 32, 33, 64, 100, 150] {
                let mut t = line.repeat(3);
                t.insert_str(at, stop);
                texts.push(t);
            }
        }
        for t in &texts {
            let bytes = t.as_bytes();
            for markup in [false, true] {
                for limit in [bytes.len(), bytes.len() / 2, 40, 33, 1] {
                    for i in [0, 1, 7, 31, 32, 33, 39] {
                        if i < limit {
                            let want = naive(bytes, i, limit, markup);
                            assert_eq!(plain_run_end(bytes, i, limit, markup), want, "{t:?}");
                            assert_eq!(Stops::new(bytes, markup).run_end(i, limit), want);
                        }
                    }
                }
            }
        }
    }

    /// Whether `s` needs no cleaning, read as it was before
    /// [`needs_no_cleaning`]: a character at a time, then the NFC check
    /// over the whole text.
    fn needs_no_cleaning_naive(s: &str, markup: bool) -> bool {
        let mut prev_space = false;
        let mut all_plain = true;
        for c in s.chars() {
            if c.is_ascii() {
                if c == ' ' && prev_space {
                    return false;
                }
                if c != ' ' && c.is_ascii_whitespace() {
                    return false;
                }
                prev_space = c == ' ';
                continue;
            }
            prev_space = false;
            if plain_visible(c) {
                continue;
            }
            if is_blankish(c) || c.is_whitespace() {
                return false;
            }
            all_plain = false;
        }
        (all_plain || is_nfc_quick(s.chars()) == IsNormalized::Yes)
            && !s.contains('&')
            && !(markup && s.contains('<'))
    }

    #[test]
    fn what_needs_no_cleaning_is_found_as_a_character_at_a_time() {
        let line = "When the President asked me to serve in this role, we talked";
        let mut texts: Vec<String> = vec![
            String::new(),
            line.into(),
            "Xin cảm ơn ông đã dành thời gian trả lời phỏng vấn, Thứ Năm".into(),
            "Thu\u{31b}\u{301} Na\u{306}m".into(),
            "Привет, мир. 日本語のテキスト. Ελληνικά".into(),
            "\u{301}a".into(),
            "e\u{301}\u{31b}".into(),
            "Ω K Å ﬁ".into(),
        ];
        for stop in [
            "  ",
            "\n",
            "\t",
            "\r",
            "\x0b",
            "\x0c",
            "\0",
            "\u{7f}",
            "&amp;",
            "<b>",
            "’",
            "—",
            "“ok”",
            "\u{a0}",
            "\u{85}",
            "\u{ad}",
            "\u{200b}",
            "\u{2003}",
            "\u{3000}",
            "ẩ",
            "\u{1e00}",
            "\u{1eff}",
            "\u{1f00}",
            "ñ",
            "\u{2ff}",
            "\u{300}",
            "é",
            "e\u{301}",
            "\u{2028}",
            "\u{2060}",
            "\u{feff}",
            "\u{2030}",
            "\u{205f}",
            "Å",
            "\u{1F600}",
            " ’ ",
        ] {
            for at in [0, 1, 5, 31, 32, 33, 40] {
                let mut t = line.to_string();
                t.insert_str(at, stop);
                texts.push(t.clone());
                t.insert_str(at / 2, "Việt ");
                texts.push(t);
            }
        }
        // The bytes read without decoding stand for what the table says.
        for c in '\u{80}'..'\u{2000}' {
            let mut buf = [0; 4];
            let b = c.encode_utf8(&mut buf).as_bytes();
            let kept = matches!(CLEAN_CLASS[usize::from(b[0])], CleanClass::Kept);
            let vietnamese =
                b[0] == VIETNAMESE_FIRST_BYTE && VIETNAMESE_SECOND_BYTES.contains(&b[1]);
            assert_eq!(kept, ('\u{c0}'..'\u{300}').contains(&c), "{c:?}");
            assert_eq!(vietnamese, ('\u{1e00}'..='\u{1eff}').contains(&c), "{c:?}");
            if kept || vietnamese {
                assert!(plain_visible(c), "{c:?}");
            }
        }
        for t in &texts {
            for markup in [false, true] {
                assert_eq!(
                    needs_no_cleaning(t, markup),
                    needs_no_cleaning_naive(t, markup),
                    "{t:?}"
                );
            }
        }
    }

    #[test]
    fn a_cursor_over_the_stops_finds_every_run_end() {
        // One cursor, asked from every byte on in turn, as the cleaning of
        // a paragraph asks it, with a limit short of the end and none.
        let line = "A run, of plain words.  Then\nmore &amp; <b>bold</b> ’quoted’ \u{a0}x";
        let text = line.repeat(5);
        let bytes = text.as_bytes();
        let naive = |i: usize, limit: usize, markup: bool| {
            let plain = |b: u8| plain_ascii(b, markup);
            let mut j = i;
            while j < limit
                && (plain(bytes[j]) || (bytes[j] == b' ' && j + 1 < limit && plain(bytes[j + 1])))
            {
                j += 1;
            }
            j
        };
        for markup in [false, true] {
            for limit in [bytes.len(), 150, 129, 128, 64, 63] {
                let mut stops = Stops::new(bytes, markup);
                for i in 0..limit {
                    assert_eq!(
                        stops.run_end(i, limit),
                        naive(i, limit, markup),
                        "{i} {limit}"
                    );
                }
            }
        }
    }

    #[test]
    fn clean_text_is_borrowed() {
        let c = clean("  Xin chào ông  ", 100);
        assert!(matches!(c.text, Cow::Borrowed("Xin chào ông")));
        assert_eq!(c.raw(0), 102);
        assert_eq!(c.raw_end(), 102 + "Xin chào ông".len());
    }

    #[test]
    fn white_space_folds_to_one_space() {
        let raw = "a\u{a0}\u{a0}b\r\n c\td";
        let c = clean(raw, 0);
        assert_eq!(c.text, "a b c d");
        assert_eq!(c.raw(2), raw.find('b').unwrap());
        assert_eq!(c.raw(4), raw.find('c').unwrap());
        assert_eq!(c.raw_end(), raw.len());
    }

    #[test]
    fn every_character_maps_back_to_where_it_was_written() {
        // Runs of words with single spaces are copied whole; the spaces
        // folded around them, a no-break space (which makes the paragraph
        // need cleaning), a tab, a letter with a mark, must not shift them.
        let pieces = [
            "MS. JACQUET-ROUX:\u{a0} Thank you.",
            "a b  c\u{a0}d e\tf",
            "One two three.\u{a0}Four five é six",
            "x y\u{a0}\u{a0}z w\u{301} v u",
            "Q  Why? A\u{a0}Because it is.",
            // Plain non-ASCII characters inside runs, and at their edges.
            "It’s — “ok” … Thứ Năm ’ x ’y z’ é",
            "Ca\u{301}fe\u{301} ’\u{301} a ’\u{301}b ok\u{200b}’s",
            "“Thứ Năm,”\u{a0} 12/09 —\u{a0}\u{a0}ok’s",
            "’ leading and trailing ’",
            // Pieces after pieces: white space of one byte, of several,
            // no-break spaces, a mark after white space, a tab then an
            // entity.
            "One.  Two\nthree \n four\u{a0}five \u{a0} six\r\nseven\t\u{301}x y\t&amp; z",
            "a\nb\nc  d\u{a0}\u{a0}e\u{2003}f \u{3000} g ’h’\n’i’",
        ];
        for raw in pieces {
            let c = clean(raw, 7);
            let folded: Vec<&str> = raw.split_whitespace().collect();
            let text: &str = &c.text;
            if !raw.contains('\u{301}') {
                assert_eq!(text, folded.join(" "), "{raw:?}");
            }
            for (k, ch) in text.char_indices().filter(|&(_, ch)| ch != ' ') {
                let at = c.raw(k) - 7;
                let written = raw[at..].chars().next().unwrap();
                // A composed character maps to its base letter.
                assert!(
                    written == ch || std::iter::once(ch).nfd().next() == Some(written),
                    "{raw:?}: {ch:?} at {k} maps to {written:?}"
                );
            }
            assert_eq!(c.raw_end() - 7, raw.trim_end().len(), "{raw:?}");
        }
    }

    #[test]
    fn invisibles_are_dropped() {
        let raw = "\u{feff}Th\u{200b}ứ";
        let c = clean(raw, 0);
        assert_eq!(c.text, "Thứ");
        assert_eq!(c.raw(0), 3);
        assert_eq!(c.raw(2), raw.find('ứ').unwrap());
    }

    #[test]
    fn nfd_is_composed_and_maps_back() {
        let raw = "Thu\u{31b}\u{301} Na\u{306}m";
        let c = clean(raw, 5);
        assert_eq!(c.text, "Thứ Năm");
        let space = c.text.find(' ').unwrap();
        assert_eq!(c.raw(space), 5 + raw.find(' ').unwrap());
        assert_eq!(c.raw_end(), 5 + raw.len());
    }

    #[test]
    fn marks_after_a_dropped_invisible_compose_with_their_letter() {
        let raw = "ti\u{200b}\u{309}nh";
        let c = clean(raw, 0);
        assert_eq!(c.text, "tỉnh");
        assert_eq!(c.raw_end(), raw.len());
    }

    #[test]
    fn entities_are_decoded() {
        let raw = "R&amp;D &lt;laughter&gt; &#8211; ok&nbsp;now";
        let c = clean(raw, 0);
        assert_eq!(c.text, "R&D <laughter> – ok now");
        assert_eq!(c.raw(c.text.find("ok").unwrap()), raw.find("ok").unwrap());
        assert_eq!(c.raw_end(), raw.len());
        assert_eq!(
            clean("AT&T and &bogus; stay", 0).text,
            "AT&T and &bogus; stay"
        );
    }

    #[test]
    fn markup_drops_tags_and_keeps_bold() {
        let raw = "<p><strong>Why?<br/></strong><br/>Because.</p>";
        let c = clean_with(raw, 0, Some(&[]));
        assert_eq!(c.text, "**Why?** Because.");
        assert_eq!(c.raw(0), raw.find("<strong>").unwrap());
        assert_eq!(
            c.raw(c.text.find("Because").unwrap()),
            raw.find("Because").unwrap()
        );
        assert_eq!(c.raw_end(), raw.find("</p>").unwrap());
        assert_eq!(
            clean_with("a < b and c>d", 0, Some(&[])).text,
            "a < b and c>d"
        );
    }

    /// The text of each hidden span of `page`.
    fn hidden_texts(page: &str) -> Vec<&str> {
        hidden_spans(page, 0)
            .iter()
            .map(|s| s.slice(page))
            .collect()
    }

    #[test]
    fn hidden_spans_cover_what_a_page_does_not_show() {
        let page = "<!DOCTYPE html><title>T</title><p>A<!-- c --></p><SCRIPT>x = '</p>';</script ><nav>\n<a>Home</a>\n</nav><p>B</p>";
        assert_eq!(
            hidden_texts(page),
            [
                "<!DOCTYPE html>",
                "<title>T</title>",
                "<!-- c -->",
                "<SCRIPT>x = '</p>';</script >",
                "<nav>\n<a>Home</a>\n</nav>",
            ]
        );
    }

    #[test]
    fn an_element_never_closed_hides_only_its_tag() {
        let page = "<p>Q: <nav>What?</p><!-- open";
        assert_eq!(hidden_texts(page), ["<nav>", "<!-- open"]);
    }

    #[test]
    fn hidden_spans_are_dropped_from_cleaned_text() {
        let page = "<p>A <script>var x;</script>B</p>";
        let hidden = hidden_spans(page, 0);
        assert_eq!(clean_with(page, 0, Some(&hidden)).text, "A B");
        // A paragraph that starts inside a hidden span.
        let c = clean_with(&page[13..], 13, Some(&hidden));
        assert_eq!(c.text, "B");
    }

    #[test]
    fn the_datetime_of_a_time_tag() {
        let raw =
            r#"<p>Posted <TIME class="d" datetime='2023-10-05T08:30:00+01:00'>5 Oct</TIME></p>"#;
        assert_eq!(time_datetime(raw), Some("2023-10-05T08:30:00+01:00"));
        assert_eq!(
            time_datetime("<time datetime=2023-10-05>x</time>"),
            Some("2023-10-05")
        );
        assert_eq!(time_datetime("<timeline datetime=\"1\">"), None);
        assert_eq!(time_datetime("<time>5 Oct</time>"), None);
        assert_eq!(time_datetime("<time datetime="), None);
    }

    #[test]
    fn attributes_and_tags() {
        let tag = r#"<meta  property="article:published_time" content='2023-10-05' data-x=1>"#;
        assert_eq!(
            attribute(tag, "property"),
            Some((17, "article:published_time"))
        );
        assert_eq!(
            attribute(tag, "content").map(|(_, v)| v),
            Some("2023-10-05")
        );
        assert_eq!(attribute(tag, "data-x").map(|(_, v)| v), Some("1"));
        assert_eq!(attribute(tag, "time"), None);
        let html = "<p>a</p><META name=x><metadata><meta";
        let found: Vec<_> = tags(html, "meta").collect();
        assert_eq!(found, [(8, "<META name=x>")]);
    }

    #[test]
    fn author_marks() {
        assert!(marks_author(
            r#"<a rel="author" href="/s/ig">Iona Grant</a>"#
        ));
        assert!(marks_author(
            r#"<span class="meta article-byline">Iona Grant</span>"#
        ));
        assert!(marks_author(r#"<p class=author>Iona Grant</p>"#));
        assert!(!marks_author(r#"<p class="authority">The port</p>"#));
        assert!(!marks_author("<p>Iona Grant</p>"));
    }

    #[test]
    fn blank_input_cleans_to_nothing() {
        let c = clean("\u{a0} \u{200b}", 0);
        assert_eq!(c.text, "");
    }
}
