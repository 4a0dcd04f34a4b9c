//! Front matter: the YAML (`---`) or TOML (`+++`) block a static-site
//! generator or a notes app puts at the top of a Markdown file.
//!
//! ```text
//! front_matter := FENCE NL (line NL)* FENCE NL        -- FENCE is "---" (YAML) or "+++" (TOML)
//! yaml entry   := key ":" value                         -- value: plain, 'single', "double"
//!                                                        --   (escapes, folded lines), ">" or "|"
//!                                                        --   blocks, or a "- >" list's first item
//! toml entry   := key "=" value                         -- "basic", 'literal', bare (dates, numbers)
//! ```
//!
//! Only the top level is read: keys at column 0 with scalar values. This is
//! not a YAML or TOML parser; it reads what article front matter holds
//! (title, date, published_time, author) and keeps every byte in the block.

use crate::Span;
use crate::model::{Field, FrontMatterFormat};
use crate::text::is_alnum;
use crate::text::lines;
use std::borrow::Cow;

/// The most lines a front matter block may hold.
const MAX_LINES: usize = 400;

/// A front matter block found at the start of the input.
pub(crate) struct Found<'a> {
    pub format: FrontMatterFormat,
    pub fields: Vec<Field<'a>>,
    /// From the opening fence to the end of the closing fence's line.
    pub span: Span,
}

/// Finds front matter at the start of `input` (after a BOM and blank lines).
pub(crate) fn front_matter(input: &str) -> Option<Found<'_>> {
    let mut it = lines(input).peekable();
    let mut open = None;
    for (content, _) in it.by_ref() {
        let line = content
            .slice(input)
            .trim_start_matches('\u{feff}')
            .trim_end();
        if line.is_empty() {
            continue;
        }
        open = Some((line, content.start));
        break;
    }
    let (fence, start) = open?;
    let format = match fence {
        "---" => FrontMatterFormat::Yaml,
        "+++" => FrontMatterFormat::Toml,
        _ => return None,
    };
    let mut body: Vec<(Span, usize)> = Vec::new();
    for (content, next) in it.take(MAX_LINES) {
        let line = content.slice(input).trim_end();
        if line == fence || (format == FrontMatterFormat::Yaml && line == "...") {
            let fields = if format == FrontMatterFormat::Yaml {
                yaml_fields(input, &body)
            } else {
                toml_fields(input, &body)
            };
            return Some(Found {
                format,
                fields,
                span: Span::new(start, next),
            });
        }
        body.push((content, next));
    }
    None
}

/// A value in Unicode NFC, as all cleaned text is.
fn nfc(v: Cow<'_, str>) -> Cow<'_, str> {
    use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};
    if is_nfc_quick(v.chars()) == IsNormalized::Yes {
        v
    } else {
        Cow::Owned(v.nfc().collect())
    }
}

/// A key: letters (in any Unicode form), digits, `_`, `-` and `.`.
fn is_key(k: &str) -> bool {
    use unicode_normalization::char::is_combining_mark;
    let mut letters = 0;
    for c in k.chars() {
        if is_combining_mark(c) {
            continue;
        }
        if !(is_alnum(c) || matches!(c, '_' | '-' | '.')) {
            return false;
        }
        letters += 1;
    }
    (1..=64).contains(&letters)
}

fn yaml_fields<'a>(input: &'a str, body: &[(Span, usize)]) -> Vec<Field<'a>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < body.len() {
        let (content, _) = body[i];
        let line = content.slice(input);
        i += 1;
        if line.starts_with([' ', '\t', '#', '-']) {
            continue;
        }
        let Some((key, rest)) = line.split_once(':') else {
            continue;
        };
        if !is_key(key) {
            continue;
        }
        // The value's continuation lines: the indented ones that follow.
        let mut more = Vec::new();
        while i < body.len() {
            let l = body[i].0.slice(input);
            if l.starts_with([' ', '\t']) || l.trim().is_empty() {
                more.push(l);
                i += 1;
            } else {
                break;
            }
        }
        while more.last().is_some_and(|l| l.trim().is_empty()) {
            more.pop();
        }
        let end = if more.is_empty() {
            content.end
        } else {
            body[i - 1].0.end
        };
        let value = nfc(yaml_value(rest.trim(), &more));
        out.push(Field {
            key: nfc(Cow::Borrowed(key)),
            value,
            span: Span::new(content.start, end),
        });
    }
    out
}

/// A YAML scalar from the text after `key:` and its continuation lines.
fn yaml_value<'a>(first: &'a str, more: &[&str]) -> Cow<'a, str> {
    let block_lines = |lines: &[&str]| -> Vec<String> {
        lines
            .iter()
            .map(|l| {
                l.trim()
                    .trim_start_matches("- ")
                    .trim_start_matches(['>', '|'])
                    .trim()
                    .to_string()
            })
            .filter(|l| !l.is_empty())
            .collect()
    };
    if first.is_empty() || first.starts_with('>') || first.starts_with('|') {
        // A literal block keeps its lines, and so does a list of items
        // (`speakers:` / `  - Ann Lee` / `  - Bo Chen`): one item a line.
        let list = first.is_empty()
            && more
                .iter()
                .filter(|l| !l.trim().is_empty())
                .all(|l| l.trim_start().starts_with("- "));
        let literal = first.starts_with('|') || list;
        let parts = block_lines(more);
        return Cow::Owned(parts.join(if literal { "\n" } else { " " }));
    }
    if let Some(inner) = first.strip_prefix('"') {
        let mut raw = inner.to_string();
        for l in more {
            raw.push('\n');
            raw.push_str(l.trim());
        }
        let raw = raw.trim_end();
        let raw = raw.strip_suffix('"').unwrap_or(raw);
        return Cow::Owned(unescape_double(raw));
    }
    if let Some(inner) = first.strip_prefix('\'') {
        let mut s = inner.to_string();
        for l in more {
            s.push(' ');
            s.push_str(l.trim());
        }
        let s = s.trim_end();
        let s = s.strip_suffix('\'').unwrap_or(s);
        return Cow::Owned(s.replace("''", "'"));
    }
    if more.is_empty() {
        Cow::Borrowed(first)
    } else {
        let mut s = first.to_string();
        for l in more {
            s.push(' ');
            s.push_str(l.trim());
        }
        Cow::Owned(s)
    }
}

/// Decodes a YAML double-quoted scalar: escapes, and line folding (a line
/// break is a space; an escaped line break joins).
fn unescape_double(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some('_') => out.push('\u{a0}'),
                Some('"') => out.push('"'),
                Some('\\') => out.push('\\'),
                Some('/') => out.push('/'),
                Some(' ') => out.push(' '),
                Some('\n') => {}
                Some(u @ ('u' | 'x' | 'U')) => {
                    let n = match u {
                        'x' => 2,
                        'u' => 4,
                        _ => 8,
                    };
                    let hex: String = (0..n)
                        .filter_map(|_| chars.next_if(|d| d.is_ascii_hexdigit()))
                        .collect();
                    match u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32) {
                        Some(ch) if hex.len() == n => out.push(ch),
                        _ => {
                            out.push('\\');
                            out.push(u);
                            out.push_str(&hex);
                        }
                    }
                }
                Some(other) => {
                    out.push('\\');
                    out.push(other);
                }
                None => out.push('\\'),
            },
            '\n' => {
                if !out.ends_with(' ') {
                    out.push(' ');
                }
            }
            _ => out.push(c),
        }
    }
    out
}

fn toml_fields<'a>(input: &'a str, body: &[(Span, usize)]) -> Vec<Field<'a>> {
    let mut out = Vec::new();
    for &(content, _) in body {
        let line = content.slice(input);
        let Some((key, value)) = line.split_once('=') else {
            continue;
        };
        let key = key.trim();
        if !is_key(key) || line.starts_with([' ', '\t', '[', '#']) {
            continue;
        }
        let v = value.trim();
        let value = if let Some(inner) = v.strip_prefix('"').and_then(|s| s.strip_suffix('"')) {
            if inner.contains('\\') {
                Cow::Owned(unescape_double(inner))
            } else {
                Cow::Borrowed(inner)
            }
        } else if let Some(inner) = v.strip_prefix('\'').and_then(|s| s.strip_suffix('\'')) {
            Cow::Borrowed(inner)
        } else {
            Cow::Borrowed(v)
        };
        let value = nfc(value);
        out.push(Field {
            key: nfc(Cow::Borrowed(key)),
            value,
            span: content,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn get<'a>(f: &'a Found<'_>, k: &str) -> Option<&'a str> {
        f.fields
            .iter()
            .find(|x| x.key == k)
            .map(|x| x.value.as_ref())
    }

    #[test]
    fn yaml_scalars_of_every_kind() {
        let input = "---\ntitle: \"Press Briefing by Dana\\_Whitfield\"\ndate: '2023-05-11'\npublished_time: 2023-05-11 16:02:11-04:00\nsummary: >\n  A folded\n  value\nlong: \"First half\\\n  \\ second\"\n---\nBody\n";
        let f = front_matter(input).unwrap();
        assert_eq!(f.format, FrontMatterFormat::Yaml);
        assert_eq!(
            get(&f, "title"),
            Some("Press Briefing by Dana\u{a0}Whitfield")
        );
        assert_eq!(get(&f, "date"), Some("2023-05-11"));
        assert_eq!(get(&f, "published_time"), Some("2023-05-11 16:02:11-04:00"));
        assert_eq!(get(&f, "summary"), Some("A folded value"));
        assert_eq!(get(&f, "long"), Some("First half second"));
        assert_eq!(f.span.slice(input), &input[..input.find("Body").unwrap()]);
    }

    #[test]
    fn yaml_unicode_escapes_and_lists() {
        let input = "---\ntitle: \"Interview by \\u201CSports\\u201D\"\noriginal_title:\n  - >\n    A long\n    title\n---\n";
        let f = front_matter(input).unwrap();
        assert_eq!(get(&f, "title"), Some("Interview by “Sports”"));
        assert_eq!(get(&f, "original_title"), Some("A long title"));
    }

    #[test]
    fn keys_in_any_unicode_form_are_the_same_key() {
        let nfc = front_matter("---\nHỏi: có\n---\n").unwrap();
        let nfd = front_matter("---\nHo\u{309}i: có\n---\n").unwrap();
        assert_eq!(nfc.fields.len(), 1);
        assert_eq!(nfd.fields.len(), 1);
        assert_eq!(nfc.fields[0].key, nfd.fields[0].key);
        assert_eq!(nfd.fields[0].key, "Hỏi");
    }

    #[test]
    fn toml_values() {
        let input = "+++\ntitle = \"Friday press conference - Ardenne\"\ndate = 2021-07-02T06:15:00Z\ntags = [\"a\"]\n+++\n";
        let f = front_matter(input).unwrap();
        assert_eq!(f.format, FrontMatterFormat::Toml);
        assert_eq!(get(&f, "title"), Some("Friday press conference - Ardenne"));
        assert_eq!(get(&f, "date"), Some("2021-07-02T06:15:00Z"));
    }

    #[test]
    fn refuses_a_rule_that_never_closes_and_text_that_does_not_open_with_a_fence() {
        assert!(front_matter("---\ntitle: x\nno end").is_none());
        assert!(front_matter("Title\n---\n").is_none());
    }
}
