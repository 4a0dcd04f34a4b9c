//! The shape of a paragraph as Markdown or as a page's layout draws it.
//!
//! ```text
//! rule     := ("-" | "=" | "*" | "_"){3,}                      -- also a setext underline
//! heading  := "#"{1,6} " " text | "**" short text "**" | SHORT UPPER-CASE LINE
//! bold     := "**" text "**"                                   -- a whole paragraph in bold
//! italic   := "*" text "*" | "_" text "_"                      -- a whole paragraph in italics
//! quote    := ">" text
//! image    := "!" "[" alt "]" ("(" url ")" | "[" ref "]")       -- alone, maybe inside a link
//! link     := "[" text "]" ("(" url ")" | "[" ref "]") | URL   -- alone
//! comment  := "<!--" text "-->"                                -- alone: `<!--more-->`
//! ```
//!
//! Language-neutral. A short upper-case line is a heading only when it has
//! two words or a long one (`TEAM REPRESENTATIVES`, `THE NATIONAL ECONOMY`),
//! no final period or colon.

use crate::text::{is_alnum, is_alpha};
use std::ops::Range;

/// What a paragraph looks like.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) enum Shape {
    /// Running text.
    #[default]
    Prose,
    /// A heading: Markdown, a short bold line, or a short upper-case line.
    Heading,
    /// A horizontal rule or a setext underline.
    Rule,
    /// The whole paragraph in bold (and more than a heading).
    Bold,
    /// The whole paragraph in italics (Markdown's single emphasis; on a
    /// page, `<em>` or `<i>` around all its text).
    Italic,
    /// A blockquote.
    Quote,
    /// An image alone, with its alt text (maybe empty).
    Image(Alt),
    /// A link or a URL alone.
    Link,
    /// An HTML comment alone (`<!--more-->`, `<!-- TEASER_END -->`): a
    /// site generator's mark, which a reader never sees.
    Comment,
}

/// Where an image's alt text stands in its paragraph's cleaned text, in
/// 32 bits (a document holds a shape a paragraph; see
/// `crate::MAX_INPUT_BYTES`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Alt {
    start: u32,
    end: u32,
}

impl Alt {
    fn of(r: Range<usize>) -> Alt {
        Alt {
            start: r.start as u32,
            end: r.end as u32,
        }
    }

    /// The range of the alt text.
    pub(crate) fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

impl Shape {
    /// Running text, upright or in italics: a paragraph in italics is
    /// text like any other (a lede, a caption, an answer), and only a
    /// document that sets its questions in italics reads it otherwise.
    pub(crate) fn is_text(&self) -> bool {
        matches!(self, Shape::Prose | Shape::Italic)
    }
}

/// The most words of a bold or upper-case heading.
const HEADING_MAX_WORDS: usize = 12;

fn is_rule(t: &str) -> bool {
    let c = match t.chars().next() {
        Some(c @ ('-' | '=' | '*' | '_' | '~')) => c,
        _ => return false,
    };
    // Most texts opening with the mark (a list's bullet, a dash) have a
    // letter soon after it: that ends the reading before the marks are
    // counted.
    t.bytes().all(|x| x == c as u8 || x == b' ') && t.bytes().filter(|&x| x == c as u8).count() >= 3
}

fn bold_inner(t: &str) -> Option<&str> {
    for b in ["**", "__"] {
        if let Some(inner) = t.strip_prefix(b).and_then(|r| r.strip_suffix(b)) {
            if !inner.is_empty() && !inner.starts_with(' ') {
                return Some(inner);
            }
        }
    }
    None
}

fn image(t: &str) -> Option<Range<usize>> {
    // `[![alt](src)](href)` or `![alt](src)` or `![alt][ref]`, alone.
    let (lead, rest) = match t.strip_prefix("[![") {
        Some(r) => (3, r),
        None => (2, t.strip_prefix("![")?),
    };
    let close = rest.find(']')?;
    let after = &rest[close + 1..];
    let target_end = match after.chars().next()? {
        '(' => after.find(')')? + 1,
        '[' => after.find(']')? + 1,
        _ => return None,
    };
    let tail = after[target_end..].trim();
    let tail_ok = tail.is_empty()
        || (lead == 3
            && (tail.starts_with("](") && tail.ends_with(')')
                || tail.starts_with("][") && tail.ends_with(']')));
    tail_ok.then_some(lead..lead + close)
}

fn link_only(t: &str) -> bool {
    if (t.starts_with("http://") || t.starts_with("https://")) && !t.contains(' ') {
        return true;
    }
    let Some(rest) = t.strip_prefix('[') else {
        return false;
    };
    let Some(close) = rest.find(']') else {
        return false;
    };
    let after = &rest[close + 1..];
    // A reference definition: `[1]: http://…`, `[#]: author: (…)`.
    if after.starts_with(": ") && close <= 40 && !rest[..close].contains(' ') {
        return true;
    }
    (after.starts_with('(') && after.ends_with(')') && !after[1..after.len() - 1].contains(' '))
        || (after.starts_with('[') && after.ends_with(']'))
}

fn upper_heading(t: &str) -> bool {
    // Most paragraphs fail at their first lower-case letter, read first. A
    // line ending in a dash is cut off or a wire date line (`PARIS —`).
    if t.chars().any(char::is_lowercase) || t.ends_with(['.', ':', ',', '-', '–', '—']) {
        return false;
    }
    let words = t.split_whitespace().take(HEADING_MAX_WORDS + 1).count();
    let letters = t.chars().filter(|&c| is_alpha(c)).count();
    words > 0
        && words <= HEADING_MAX_WORDS
        && letters >= 4
        && (words >= 2 || letters >= 6)
        && t.chars()
            .all(|c| is_alnum(c) || " ,'’&-–—/:;()!?\"".contains(c))
}

/// The shape of a cleaned paragraph.
/// One HTML comment and nothing else.
fn is_comment(t: &str) -> bool {
    t.strip_prefix("<!--")
        .and_then(|r| r.strip_suffix("-->"))
        .is_some_and(|inner| !inner.contains("-->"))
}

pub(crate) fn shape(text: &str) -> Shape {
    let t = text.trim();
    if is_rule(t) || !t.chars().any(is_alnum) {
        return Shape::Rule;
    }
    if t.starts_with('#') {
        let hashes = t.chars().take_while(|&c| c == '#').count();
        if hashes <= 6 && t[hashes..].starts_with(' ') {
            return Shape::Heading;
        }
    }
    if t.starts_with('>') {
        return Shape::Quote;
    }
    if is_comment(t) {
        return Shape::Comment;
    }
    if let Some(alt) = image(t) {
        return Shape::Image(Alt::of(alt));
    }
    if link_only(t) {
        return Shape::Link;
    }
    if let Some(inner) = bold_inner(t) {
        let words = inner.split_whitespace().count();
        let ends_question = inner.trim_end_matches(['*', '_', ' ']).ends_with('?');
        return if words <= HEADING_MAX_WORDS && !ends_question && !inner.ends_with(['.', ':']) {
            Shape::Heading
        } else {
            Shape::Bold
        };
    }
    if italic_inner(t).is_some() {
        return Shape::Italic;
    }
    if upper_heading(t) {
        return Shape::Heading;
    }
    Shape::Prose
}

/// The text of a paragraph wholly in single emphasis, `*…*` or `_…_`: no
/// other mark of the kind inside (`*a* and *b*` is two), no space just
/// inside the marks.
fn italic_inner(t: &str) -> Option<&str> {
    for m in ['*', '_'] {
        let Some(inner) = t.strip_prefix(m).and_then(|r| r.strip_suffix(m)) else {
            continue;
        };
        let spaced = inner.starts_with(char::is_whitespace) || inner.ends_with(char::is_whitespace);
        if !inner.is_empty() && !spaced && !inner.contains(m) {
            return Some(inner);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_paragraph_in_italics() {
        assert_eq!(shape("*What did the sea teach you?*"), Shape::Italic);
        assert_eq!(shape("_Qu'avez-vous appris ?_"), Shape::Italic);
        // Two emphasised words, or bold, or a mark with a space inside.
        assert_eq!(shape("*Yes* and *no*"), Shape::Prose);
        assert_eq!(shape("**What did the sea teach you?**"), Shape::Bold);
        assert_eq!(shape("* a list item *"), Shape::Prose);
    }

    #[test]
    fn a_comment_alone_is_a_comment() {
        assert_eq!(shape("<!--more-->"), Shape::Comment);
        assert_eq!(shape("<!-- TEASER_END -->"), Shape::Comment);
        // Text after it, or two comments with text between: not alone.
        assert_eq!(shape("<!--more-->As it turns out."), Shape::Prose);
        assert_eq!(shape("<!-- a --> seen <!-- b -->"), Shape::Prose);
    }

    #[test]
    fn markdown_shapes() {
        assert_eq!(shape("## La mémoire, enjeu central"), Shape::Heading);
        assert_eq!(shape("#hashtag"), Shape::Prose);
        assert_eq!(shape("================"), Shape::Rule);
        assert_eq!(shape("---"), Shape::Rule);
        assert_eq!(shape("**TEAM REPRESENTATIVES**"), Shape::Heading);
        assert_eq!(shape("**Why did the council say no?**"), Shape::Bold);
        assert_eq!(shape("> A pull quote"), Shape::Quote);
        assert_eq!(shape("![](http://x/a.jpg)"), Shape::Image(Alt::of(2..2)));
        assert_eq!(shape("[![][1]][2]"), Shape::Image(Alt::of(3..3)));
        assert_eq!(shape("![A man](a.jpg)"), Shape::Image(Alt::of(2..7)));
        assert_eq!(shape("[Accueil](https://x.fr)"), Shape::Link);
        assert_eq!(shape("https://www.example.org/transcripts/1"), Shape::Link);
        assert_eq!(shape("[#]: author: (Ann Lee https://x.com/a)"), Shape::Link);
        assert_eq!(shape("[a]: https://example.com/ruth"), Shape::Link);
        assert_eq!(shape("*"), Shape::Rule);
        assert_eq!(shape("."), Shape::Rule);
    }

    #[test]
    fn upper_case_headings() {
        assert_eq!(shape("THE NATIONAL ECONOMY"), Shape::Heading);
        assert_eq!(shape("OPENING STATEMENT"), Shape::Heading);
        assert_eq!(shape("END"), Shape::Prose);
        assert_eq!(shape("CURITIBA -"), Shape::Prose);
        assert_eq!(shape("RIO DE JANEIRO —"), Shape::Prose);
        assert_eq!(shape("Q"), Shape::Prose);
        assert_eq!(shape("MS. WHITFIELD: Good afternoon."), Shape::Prose);
        assert_eq!(shape("Running text, as usual."), Shape::Prose);
    }
}
