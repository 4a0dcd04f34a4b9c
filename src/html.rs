//! HTML pages read by a spec-compliant tokenizer (behind the `html`
//! feature): what the page does not show (scripts, styles, titles,
//! navigation, comments, the doctype) is found from its tokens, with their
//! offsets in the source, and the page then goes through the same passes as
//! any text, in HTML mode.

use crate::clean::HIDDEN_ELEMENTS;
use crate::{Error, Format, Options, Span, Transcript};
use html5gum::{DefaultEmitter, Token, Tokenizer};

/// Parses an HTML page into a [`Transcript`], with spans into the HTML
/// source.
///
/// ```
/// let page = r#"<!DOCTYPE html><html><head><title>Site</title>
/// <script>var q = "<p>Q: not this</p>";</script></head><body>
/// <h1>The keeper speaks</h1>
/// <p><strong>Q: Was it lonely?</strong></p>
/// <p>A: Never. The sea talks all night.</p>
/// </body></html>"#;
/// let t = press_transcript::parse_html(page)?;
/// assert_eq!(t.headline.unwrap().text, "The keeper speaks");
/// assert_eq!(t.turns.len(), 2);
/// assert_eq!(t.turns[1].text(), "Never. The sea talks all night.");
/// # Ok::<(), press_transcript::Error>(())
/// ```
///
/// # Errors
/// As [`parse`](crate::parse).
#[cfg_attr(docsrs, doc(cfg(feature = "html")))]
pub fn parse_html(html: &str) -> Result<Transcript<'_>, Error> {
    parse_html_with(html, &Options::new())
}

/// [`parse_html`] with options; the format is always HTML.
///
/// # Errors
/// As [`parse_with`](crate::parse_with).
#[cfg_attr(docsrs, doc(cfg(feature = "html")))]
pub fn parse_html_with<'a>(html: &'a str, options: &Options) -> Result<Transcript<'a>, Error> {
    if html.len() > options.limit() {
        return Err(Error::TooLarge {
            len: html.len(),
            max: options.limit(),
        });
    }
    let options = options.clone().format(Format::Html);
    crate::parse_inner(html, &options, Some(hidden(html)))
}

/// The spans of the page that a reader does not see, ascending: hidden
/// elements from their start tag to their end tag (only the start tag when
/// it is never closed), comments and the doctype.
fn hidden(html: &str) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    // The hidden element open now: its name and where its tag starts.
    let mut open: Option<(Vec<u8>, usize)> = None;
    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    // Script, style and the like hold raw text, not tags.
    emitter.naively_switch_states(true);
    for token in Tokenizer::new_with_emitter(html, emitter) {
        let Ok(token) = token;
        match token {
            Token::StartTag(tag)
                if open.is_none()
                    && !tag.self_closing
                    && std::str::from_utf8(&tag.name)
                        .is_ok_and(|name| HIDDEN_ELEMENTS.contains(&name)) =>
            {
                open = Some((tag.name.0, tag.span.start));
            }
            Token::EndTag(tag) if open.as_ref().is_some_and(|(name, _)| *name == tag.name.0) => {
                if let Some((_, start)) = open.take() {
                    out.push(Span::new(start, tag.span.end));
                }
            }
            // `<!--` to `-->`, and `<!DOCTYPE …>`.
            Token::Comment(c) if open.is_none() => out.push(Span::new(c.span.start, c.span.end)),
            Token::Doctype(d) if open.is_none() => out.push(Span::new(d.span.start, d.span.end)),
            _ => {}
        }
    }
    if let Some((_, start)) = open {
        // Never closed: only its tag is hidden.
        let end = html[start..]
            .find('>')
            .map_or(html.len(), |e| start + e + 1);
        out.push(Span::new(start, end));
    }
    out.sort_by_key(|s| s.start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(page: &str) -> Vec<&str> {
        hidden(page).iter().map(|s| s.slice(page)).collect()
    }

    #[test]
    fn the_tokenizer_finds_what_a_page_does_not_show() {
        let page = "<!DOCTYPE html><title>T</title><p>A<!-- c --></p><script>x = '</p>';</script><nav>\n<a>Home</a>\n</nav><p>B</p>";
        assert_eq!(
            shown(page),
            [
                "<!DOCTYPE html>",
                "<title>T</title>",
                "<!-- c -->",
                "<script>x = '</p>';</script>",
                "<nav>\n<a>Home</a>\n</nav>",
            ]
        );
    }

    #[test]
    fn it_agrees_with_the_built_in_scan_on_a_written_page() {
        let page = include_str!("../tests/fixtures/html/en-page-lighthouse-keeper.html");
        assert_eq!(hidden(page), crate::clean::hidden_spans(page, 0));
        let a = parse_html(page).unwrap();
        let b = crate::parse(page).unwrap();
        assert_eq!(a.blocks, b.blocks);
        assert_eq!(a.turns, b.turns);
    }

    #[test]
    fn an_element_never_closed_hides_only_its_tag() {
        assert_eq!(shown("<p>Q: <nav>What?</p>"), ["<nav>"]);
    }
}
