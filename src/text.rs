//! Text helpers every stage uses: lines, letters, words. A leaf: it imports
//! nothing of the crate but [`Span`](crate::Span).

use crate::Span;

/// Whether `c` is a letter or a digit: `char::is_alphanumeric`, answered
/// without a table look-up for ASCII, Latin-1, Latin Extended-A and B and
/// Latin Extended Additional (Vietnamese), the letters most text is in.
#[inline]
pub(crate) fn is_alnum(c: char) -> bool {
    match u32::from(c) {
        0..=0x7F => c.is_ascii_alphanumeric(),
        // Latin-1 letters, but for × and ÷.
        0xC0..=0x24F => c != '×' && c != '÷',
        0x1E00..=0x1EFF => true,
        _ => c.is_alphanumeric(),
    }
}

/// A letter without its case and diacritics: `Ứ` gives `u`, `đ` gives `d`.
pub(crate) fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let mut base = c;
    let mut first = true;
    unicode_normalization::char::decompose_canonical(c, |d| {
        if first {
            base = d;
            first = false;
        }
    });
    match base.to_lowercase().next().unwrap_or(base) {
        'đ' | 'ð' => 'd',
        'ø' => 'o',
        'ł' => 'l',
        other => other,
    }
}

/// How many words (runs without white space) `text` holds: what
/// `split_whitespace().count()` gives, reading ASCII a byte at a time.
pub(crate) fn word_count(text: &str) -> usize {
    // The ASCII white space of `char::is_whitespace`, vertical tab included.
    let ascii_space = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r');
    count_runs(
        text,
        usize::MAX,
        |b| !ascii_space(b),
        |c| !c.is_whitespace(),
    )
}

/// How many runs of characters that `inside` accepts `text` holds,
/// counting no further than `most`; `ascii` answers for ASCII bytes as
/// `inside` would. Read 64 bytes at a time (so that a long text stops soon
/// after `most`): an ASCII chunk without a branch a byte, another with its
/// other characters decoded.
pub(crate) fn count_runs(
    text: &str,
    most: usize,
    ascii: impl Fn(u8) -> bool,
    inside: impl Fn(char) -> bool,
) -> usize {
    let bytes = text.as_bytes();
    let mut n = 0;
    let mut in_run = false;
    let mut i = 0;
    while i < bytes.len() && n < most {
        let end = bytes.len().min(i + 64);
        if bytes[i..end].is_ascii() {
            for &b in &bytes[i..end] {
                let inner = ascii(b);
                n += usize::from(inner && !in_run);
                in_run = inner;
            }
            i = end;
            continue;
        }
        while i < end {
            let (inner, len) = if bytes[i].is_ascii() {
                (ascii(bytes[i]), 1)
            } else {
                match text[i..].chars().next() {
                    Some(c) => (inside(c), c.len_utf8()),
                    None => break,
                }
            };
            n += usize::from(inner && !in_run);
            in_run = inner;
            i += len;
        }
    }
    n.min(most)
}

/// Whether a word starts with an upper-case letter (or a digit, as in
/// `Thứ 5`). Tested as "not lower-case" so that NFD text passes too.
pub(crate) fn is_capitalised(word: &str) -> bool {
    word.chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(|c| c.is_uppercase() || c.is_numeric())
        && word.chars().next().is_some_and(|c| !c.is_lowercase())
}

/// Splits `input` into lines: `(content, end)` where `end` is past the
/// terminator.
pub(crate) fn lines(input: &str) -> impl Iterator<Item = (Span, usize)> + '_ {
    let bytes = input.as_bytes();
    let mut pos = 0;
    std::iter::from_fn(move || {
        if pos >= bytes.len() {
            return None;
        }
        let start = pos;
        let rel = bytes[start..]
            .iter()
            .position(|&b| b == b'\n' || b == b'\r');
        let (end, next) = match rel {
            None => (bytes.len(), bytes.len()),
            Some(i) => {
                let e = start + i;
                if bytes[e] == b'\r' && bytes.get(e + 1) == Some(&b'\n') {
                    (e, e + 2)
                } else {
                    (e, e + 1)
                }
            }
        };
        pos = next;
        Some((Span::new(start, end), next))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_counted_as_split_whitespace_counts_them() {
        for t in [
            "",
            " ",
            "one",
            "  two  words ",
            "tab\tvt\u{b}ff\u{c}cr\r",
            "nbsp\u{a0}em\u{2003}ideographic\u{3000}end",
            "Thứ Năm, 12/09/2019",
            "\u{85}nel\u{85}",
        ] {
            assert_eq!(word_count(t), t.split_whitespace().count(), "{t:?}");
        }
    }

    #[test]
    fn runs_are_counted_across_chunks_and_up_to_the_limit() {
        // Texts longer than a chunk, with letters of two, three and four
        // bytes standing across the 64-byte boundaries.
        let pieces = [
            "word ",
            "Thứ\u{a0}",
            "ab",
            " 12/09 ",
            "日本",
            "𝔘x ",
            "é",
            "  ",
        ];
        let mut text = String::new();
        for i in 0..400 {
            text.push_str(pieces[i % pieces.len()]);
            let naive_runs = |most: usize| {
                let mut n = 0;
                let mut inside = false;
                for c in text.chars() {
                    n += usize::from(is_alnum(c) && !inside);
                    inside = is_alnum(c);
                }
                n.min(most)
            };
            assert_eq!(
                word_count(&text),
                text.split_whitespace().count(),
                "{text:?}"
            );
            for most in [1, 7, 81, usize::MAX] {
                let runs = count_runs(&text, most, |b| b.is_ascii_alphanumeric(), is_alnum);
                assert_eq!(runs, naive_runs(most), "{most} in {text:?}");
            }
        }
    }

    #[test]
    fn alnum_agrees_with_the_standard_library() {
        for c in ('\0'..'\u{300}').chain('\u{1E00}'..'\u{1F00}') {
            assert_eq!(is_alnum(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn capitalised_words() {
        assert!(is_capitalised("Định"));
        assert!(is_capitalised("\"Bạn"));
        assert!(!is_capitalised("định"));
        assert!(is_capitalised("Đ\u{323}"));
    }

    #[test]
    fn all_terminators_end_lines() {
        let got: Vec<_> = lines("a\nb\r\nc\rd").collect();
        assert_eq!(
            got,
            vec![
                (Span::new(0, 1), 2),
                (Span::new(2, 3), 5),
                (Span::new(5, 6), 7),
                (Span::new(7, 8), 8)
            ]
        );
    }
}
