//! Hostile inputs that once took quadratic time (the eleven of issue 17,
//! and one found since): each repeats, to a given
//! size, a piece that made one search run to the end of the input at every
//! occurrence (issue 17). Shared by `tests/linear.rs` and
//! `benches/series.rs`, which includes this file by path.

/// How a generated input is parsed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reader {
    /// [`press_transcript::parse`], the format found from the text.
    Auto,
    /// `parse_html`, the spec-compliant tokenizer (the `html` feature).
    Html,
}

/// One generator: a name, the search it once repeated, how its input is
/// read, and the input of about `size` bytes.
pub struct Hostile {
    pub name: &'static str,
    pub search: &'static str,
    pub reader: Reader,
    pub make: fn(usize) -> String,
}

/// A small page around a body, as `looks_like_html` recognises one.
const PAGE_HEAD: &str = "<!DOCTYPE html><html><head><title>T</title></head><body>\n<p>Q: Why?</p>\n<p>A: Because.</p>\n";
const PAGE_TAIL: &str = "\n</body></html>\n";
const FRONT_MATTER: &str = "---\ntitle: x\n---\n- Why?\n- ";

/// `head`, then `unit` repeated until the whole is about `size` bytes,
/// then `tail`.
fn fill(head: &str, unit: &str, tail: &str, size: usize) -> String {
    let n = size.saturating_sub(head.len() + tail.len()) / unit.len();
    let mut s = String::with_capacity(head.len() + n * unit.len() + tail.len());
    s.push_str(head);
    for _ in 0..n {
        s.push_str(unit);
    }
    s.push_str(tail);
    s
}

/// Every generator.
pub const ALL: &[Hostile] = &[
    Hostile {
        name: "ampersands",
        search: "annotations: the next bracket, at every `&`",
        reader: Reader::Auto,
        make: |size| fill("- Why?\n- Because ", "&", "", size),
    },
    Hostile {
        name: "invalid entities",
        search: "annotations: the next bracket, at every `&` left by an entity that is not one",
        reader: Reader::Auto,
        make: |size| fill(PAGE_HEAD, "&#x110000;&#0;&#xD800;", PAGE_TAIL, size),
    },
    Hostile {
        name: "open brackets in Markdown",
        search: "strip_links: `]`, at every `[`",
        reader: Reader::Auto,
        make: |size| fill(FRONT_MATTER, "[", "", size),
    },
    Hostile {
        name: "links never closed",
        search: "strip_links: `)`, at every `[a](`",
        reader: Reader::Auto,
        make: |size| fill(FRONT_MATTER, "[a](", "", size),
    },
    Hostile {
        name: "emphasis never closed",
        search: "strip_emphasis: the stack of openers, at every `*` and `` ` ``",
        reader: Reader::Auto,
        make: |size| {
            let half = fill("---\ntitle: x\n---\n- Why?\n- Because", " *a", "", size / 2);
            let rest = fill("", " a`", "", size / 2);
            half + &rest
        },
    },
    Hostile {
        name: "meta tags never closed",
        search: "meta_dateline: each `<meta` tag to the end, lower-cased",
        reader: Reader::Auto,
        make: |size| fill(PAGE_HEAD, "<meta ", PAGE_TAIL, size),
    },
    Hostile {
        name: "tag starts in a byline comment",
        search: "marks_author: the tag's end, and a lower-cased copy, at every `<`",
        reader: Reader::Auto,
        make: |size| {
            let head = format!("{PAGE_HEAD}<p>John Smith<!--");
            fill(&head, "<", &format!("--></p>{PAGE_TAIL}"), size)
        },
    },
    Hostile {
        name: "line breaks never closed",
        search: "markup_cuts: `>`, at every `<br`",
        reader: Reader::Auto,
        make: |size| fill("- Why?\n- Because ", "<br", "", size),
    },
    Hostile {
        name: "comments in an unclosed tag",
        search: "clean::tag: `-->`, at every `<!--` after a hidden tag never closed",
        reader: Reader::Auto,
        make: |size| {
            fill(
                &format!("{PAGE_HEAD}- Because <nav"),
                "<!--",
                PAGE_TAIL,
                size,
            )
        },
    },
    Hostile {
        name: "comments in a script",
        search: "clean::tag: `-->`, at every `<!--` of a script, read by parse_html",
        reader: Reader::Html,
        make: |size| fill(&format!("{PAGE_HEAD}<script>"), "<!--", PAGE_TAIL, size),
    },
    Hostile {
        name: "honorifics in one answer",
        search: "inline_labels / honorific_name: `:`, at every `Mr`",
        reader: Reader::Auto,
        make: |size| fill("- Why?\n- Yes. ", "Mr Brown said no. ", "", size),
    },
    Hostile {
        name: "marks glued to words",
        search: "glued_sentence_end: the word before the mark, at every `?` glued to a capital",
        reader: Reader::Auto,
        make: |size| fill("- Why?\n- Yes. ", "Xa?", "", size),
    },
];
