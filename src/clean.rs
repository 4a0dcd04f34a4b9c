//! Cleaning a paragraph's raw text, with a map back to raw offsets.
//!
//! Cleaning folds every run of white space (line breaks, tabs, U+00A0 and the
//! other Unicode spaces) to one ASCII space, drops invisible characters
//! (U+FEFF BOM, U+200B zero-width space, U+2060 word joiner, U+00AD soft
//! hyphen), trims both ends, and composes the text to Unicode NFC. When the
//! raw text needs none of this, the cleaned text borrows it.
//!
//! Positions in the cleaned text map back to raw byte offsets through
//! [`Cleaned::raw`]: exact at every character boundary of the cleaned text
//! that is not inside a composed character.

use std::borrow::Cow;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// Characters that take no room and are dropped from cleaned text.
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(c, '\u{feff}' | '\u{200b}' | '\u{2060}' | '\u{00ad}')
}

/// White space or an invisible character.
pub(crate) fn is_blankish(c: char) -> bool {
    c.is_whitespace() || is_invisible(c)
}

/// Cleaned text and the way back to the raw input.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Cleaned<'a> {
    pub text: Cow<'a, str>,
    /// Offset in the input of the raw text's first byte.
    base: usize,
    /// `(clean, raw)` pairs, ascending, each starting a stretch over which
    /// `raw - clean` is constant; empty when `text` borrows (then the
    /// stretch starts at `(0, lead)`).
    map: Vec<(usize, usize)>,
    /// Bytes trimmed at the start, for the borrowed case.
    lead: usize,
}

impl<'a> Cleaned<'a> {
    /// The input offset of position `clean` in the cleaned text.
    pub fn raw(&self, clean: usize) -> usize {
        if self.map.is_empty() {
            return self.base + self.lead + clean;
        }
        let i = self
            .map
            .partition_point(|&(c, _)| c <= clean)
            .saturating_sub(1);
        let (c, r) = self.map[i];
        self.base + r + (clean - c)
    }

    /// The input offset where the cleaned text ends.
    pub fn raw_end(&self) -> usize {
        self.raw(self.text.len())
    }
}

/// Cleans `raw`, which starts at offset `base` of the input.
///
/// `clean("  Xin\u{a0}chào\n  ông ", 10)` gives `Xin chào ông`, whose
/// position 0 maps back to input offset 12.
pub(crate) fn clean(raw: &str, base: usize) -> Cleaned<'_> {
    let trimmed = raw.trim_start_matches(is_blankish);
    let lead = raw.len() - trimmed.len();
    let trimmed = trimmed.trim_end_matches(is_blankish);
    if is_clean(trimmed) {
        return Cleaned {
            text: Cow::Borrowed(trimmed),
            base,
            map: Vec::new(),
            lead,
        };
    }
    let mut out = String::with_capacity(trimmed.len());
    let mut map: Vec<(usize, usize)> = vec![(0, lead)];
    let push_map = |out: &String, raw_at: usize, map: &mut Vec<(usize, usize)>| {
        let (c, r) = *map.last().expect("map starts non-empty");
        if raw_at - r != out.len() - c {
            map.push((out.len(), raw_at));
        }
    };
    let mut chars = trimmed.char_indices().peekable();
    let mut segment = String::new();
    while let Some((i, c)) = chars.next() {
        let at = lead + i;
        if is_blankish(c) {
            // A run of white space and invisibles becomes one space, or
            // nothing when it holds only invisibles.
            let mut has_space = c.is_whitespace();
            while let Some(&(_, d)) = chars.peek() {
                if !is_blankish(d) {
                    break;
                }
                has_space |= d.is_whitespace();
                chars.next();
            }
            push_map(&out, at, &mut map);
            if has_space {
                out.push(' ');
            }
            let next = chars
                .peek()
                .map_or(lead + trimmed.len(), |&(j, _)| lead + j);
            push_map(&out, next, &mut map);
            continue;
        }
        push_map(&out, at, &mut map);
        // A starter and the combining marks after it compose together.
        let mut combining = false;
        while let Some(&(_, d)) = chars.peek() {
            if unicode_normalization::char::canonical_combining_class(d) == 0 {
                break;
            }
            if !combining {
                segment.clear();
                segment.push(c);
                combining = true;
            }
            segment.push(d);
            chars.next();
        }
        if combining {
            out.extend(segment.nfc());
            let next = chars
                .peek()
                .map_or(lead + trimmed.len(), |&(j, _)| lead + j);
            push_map(&out, next, &mut map);
        } else if is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes {
            out.push(c);
        } else {
            out.extend(std::iter::once(c).nfc());
            let next = chars
                .peek()
                .map_or(lead + trimmed.len(), |&(j, _)| lead + j);
            push_map(&out, next, &mut map);
        }
    }
    push_map(&out, lead + trimmed.len(), &mut map);
    Cleaned {
        text: Cow::Owned(out),
        base,
        map,
        lead,
    }
}

/// Whether `s` (already trimmed) needs no cleaning at all.
fn is_clean(s: &str) -> bool {
    let mut prev_space = false;
    for c in s.chars() {
        if c == ' ' {
            if prev_space {
                return false;
            }
            prev_space = true;
            continue;
        }
        prev_space = false;
        if !c.is_ascii() && (is_blankish(c) || c.is_whitespace()) || c.is_ascii_whitespace() {
            return false;
        }
    }
    s.is_ascii() || is_nfc_quick(s.chars()) == IsNormalized::Yes
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn blank_input_cleans_to_nothing() {
        let c = clean("\u{a0} \u{200b}", 0);
        assert_eq!(c.text, "");
    }
}
