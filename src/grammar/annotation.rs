//! Annotations: stage directions and transcribers' notes inside brackets.
//!
//! ```text
//! annotation := "(" WORD rest ")" | "[" WORD rest "]" | "&lt;" WORD rest "&gt;"
//! WORD       := a word of the lexicon's annotation table, any case
//!               (Laughter, Applause, inaudible, crosstalk, SOUNDBITE, Cười, Rires …)
//! rest       := up to twelve more words, no bracket
//! ```
//!
//! Accepts `(Laughter.)`, `(LAUGHTER)`, `(Laughs.)`, `[crosstalk 00:12:03]`,
//! `(inaudible)`, `(SOUNDBITE OF ARCHIVED BROADCAST)`, `&lt;laughter&gt;`.
//! Refuses editorial brackets (`[sic]`, `[White House correction.]`,
//! `[a]`), asides in brackets that do not open with a table word, and long
//! brackets.

use super::longest;
use crate::lang::{self, Lexicon};
use crate::model::AnnotationKind;
use std::ops::Range;

/// The most bytes inside an annotation's brackets.
const MAX_BYTES: usize = 160;
/// The most words inside an annotation's brackets.
const MAX_WORDS: usize = 13;

/// What an annotation's inside says (`Laughter`, `Applause`), if it is one.
pub(crate) fn kind_of(inner: &str, lex: &Lexicon) -> Option<AnnotationKind> {
    let inner = inner.trim_start();
    longest(inner, &lex.annotation_words)
        .or_else(|| longest(inner, &lang::lexicon(crate::Language::En).annotation_words))
        .map(|(_, k)| k)
}

/// Every annotation in `text`, with its byte range (brackets included).
pub(crate) fn annotations(text: &str, lex: &Lexicon) -> Vec<(Range<usize>, AnnotationKind)> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    // The next `&` and the next bracket at or after `i`: jumps go to the
    // nearer of them, and each is searched for again only once `i` has
    // passed it (so that a run of `&` does not search for a bracket at
    // every one).
    let mut amp = memchr::memchr(b'&', bytes).unwrap_or(bytes.len());
    let mut bracket = memchr::memchr3(b'(', b'[', b'<', bytes).unwrap_or(bytes.len());
    while i < bytes.len() {
        if amp < i {
            amp = memchr::memchr(b'&', &bytes[i..]).map_or(bytes.len(), |r| i + r);
        }
        if bracket < i {
            bracket = memchr::memchr3(b'(', b'[', b'<', &bytes[i..]).map_or(bytes.len(), |r| i + r);
        }
        i = bracket.min(amp);
        if i >= bytes.len() {
            break;
        }
        let (open, close): (&str, &str) = match bytes[i] {
            b'(' => ("(", ")"),
            b'[' => ("[", "]"),
            b'&' if text[i..].starts_with("&lt;") => ("&lt;", "&gt;"),
            b'<' => ("<", ">"),
            _ => {
                i += 1;
                continue;
            }
        };
        let start = i + open.len();
        // An annotation is short: its closing bracket is near.
        let window = &text.as_bytes()[start..text.len().min(start + MAX_BYTES)];
        let Some(rel) = memchr::memmem::find(window, close.as_bytes()) else {
            i += 1;
            continue;
        };
        let inner = &text[start..start + rel];
        let end = start + rel + close.len();
        let words = inner.split_whitespace().count();
        if words <= MAX_WORDS && !inner.contains(['(', '[', '<']) {
            if let Some(k) = kind_of(inner, lex) {
                out.push((i..end, k));
                i = end;
                continue;
            }
        }
        i += 1;
    }
    out
}

/// Whether the whole text is annotations (and white space).
pub(crate) fn only_annotations(text: &str, lex: &Lexicon) -> bool {
    // The first annotation opens the text, after white space: with its
    // bracket, or with the `&` of `&lt;`.
    if !text.trim_start().starts_with(['(', '[', '<', '&']) {
        return false;
    }
    let found = annotations(text, lex);
    if found.is_empty() {
        return false;
    }
    let mut at = 0;
    for (r, _) in &found {
        if !text[at..r.start].trim().is_empty() {
            return false;
        }
        at = r.end;
    }
    text[at..].trim().is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Language;
    use crate::lang::lexicon;

    fn found(s: &str) -> Vec<(&str, AnnotationKind)> {
        annotations(s, lexicon(Language::En))
            .into_iter()
            .map(|(r, k)| (&s[r], k))
            .collect()
    }

    #[test]
    fn stage_directions_of_every_shape() {
        use AnnotationKind::*;
        assert_eq!(
            found("We won. (Laughter.) Next."),
            vec![("(Laughter.)", Reaction)]
        );
        assert_eq!(found("(LAUGHTER)"), vec![("(LAUGHTER)", Reaction)]);
        assert_eq!(
            found("so [crosstalk 00:12:03] then"),
            vec![("[crosstalk 00:12:03]", Inaudible)]
        );
        assert_eq!(found("(inaudible) yes"), vec![("(inaudible)", Inaudible)]);
        assert_eq!(
            found("(SOUNDBITE OF ARCHIVED BROADCAST)"),
            vec![("(SOUNDBITE OF ARCHIVED BROADCAST)", Sound)]
        );
        assert_eq!(
            found("it was &lt;laughter&gt; fine"),
            vec![("&lt;laughter&gt;", Reaction)]
        );
    }

    #[test]
    fn editorial_brackets_are_not_annotations() {
        for s in [
            "he said [sic] that",
            "[White House correction.]",
            "see [a]",
            "(the second one)",
            "(Laughter and a very long aside that runs on and on past the point where any transcriber would stop)",
        ] {
            assert!(found(s).is_empty(), "{s}");
        }
    }

    #[test]
    fn whole_annotation_lines() {
        let en = lexicon(Language::En);
        assert!(only_annotations("(SOUNDBITE OF MUSIC)", en));
        assert!(only_annotations("(LAUGHTER) (APPLAUSE)", en));
        assert!(!only_annotations("Yes. (Laughter.)", en));
        assert!(only_annotations("(Cười)", lexicon(Language::Vi)));
    }
}
