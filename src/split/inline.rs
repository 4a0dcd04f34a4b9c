//! Labels and dashes inside a long paragraph's lines, after the end of a
//! sentence: where turns run together on one line start.
//!
//! Both are read from the few bytes that can end a sentence (its marks),
//! or that can open a dash, rather than from every space of the text.

use super::{INLINE_LABEL_WINDOW, glued_sentence_end, sentence_ends};
use crate::grammar::label::{Label, label};
use crate::grammar::label_gate::LabelGate;
use crate::lang::Lexicon;
use crate::text::floor_char_boundary;

/// The offsets just past each mark that may end a sentence (those
/// [`sentence_ends`] reads: `.`, `?`, `!`, `"`, `)`, `…`, `”`, `»`), in
/// no particular order, into `out` (cleared first): read once for the
/// labels inside a line and the paragraphs run together
/// ([`super::glued_ends`]).
pub(super) fn mark_ends_into(text: &str, out: &mut Vec<usize>) {
    out.clear();
    let b = text.as_bytes();
    for i in memchr::memchr3_iter(b'.', b'?', b'!', b) {
        out.push(i + 1);
    }
    for i in memchr::memchr2_iter(b'"', b')', b) {
        out.push(i + 1);
    }
    // `…` (E2 80 A6) and `”` (E2 80 9D) are found by their last bytes, not
    // by the 0xE2 that opens every curly apostrophe and dash too; `»`
    // (C2 BB) by its first.
    for i in memchr::memchr3_iter(0xA6, 0x9D, 0xC2, b) {
        if b[i] == 0xC2 {
            if b[i..].starts_with("»".as_bytes()) {
                out.push(i + 2);
            }
        } else if i >= 2 && b[i - 2] == 0xE2 && b[i - 1] == 0x80 {
            out.push(i + 1);
        }
    }
}

/// Whether a space after `prev` (the byte before it) may follow a
/// sentence's end: a mark, or more white space after one (a space, or a
/// character outside ASCII such as a no-break space).
fn may_follow_end(prev: u8) -> bool {
    matches!(prev, b'.' | b'?' | b'!' | b'"' | b')' | b' ' | 0x80..)
}

/// Candidate inline labels: positions after a sentence's end where a label
/// with speech after it begins, after a space or glued to the mark.
///
/// Read from each mark that may end a sentence: right after it (a label
/// glued to the mark), and after each space of the white space that
/// follows it, where a sentence ends there. A place where `gate` shows no
/// label can start is not read further.
///
/// `marks` are the text's [`mark_ends_into`], `far` its
/// [`far_marks_into`](crate::grammar::label_gate::far_marks_into).
pub(super) fn inline_labels<'t>(
    text: &'t str,
    marks: &[usize],
    far: &[usize],
    lex: &Lexicon,
    gate: &LabelGate,
) -> Vec<(usize, Label<'t>)> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut try_at = |at: usize| {
        // A label, its notes and the space after it fit in a window: the
        // text past it is not read at every candidate.
        let end = floor_char_boundary(text, at + INLINE_LABEL_WINDOW);
        if !gate.may_open_within(text, at, end, far, lex) {
            return;
        }
        let window = &text[at..end];
        if let Some(l) = label(window, lex) {
            let has_speech = l.text_at < end - at;
            if has_speech && (!l.period || l.upper) {
                out.push((at, l));
            }
        }
    };
    for &end in marks {
        if end >= text.len() {
            continue;
        }
        let next = bytes[end];
        if matches!(bytes[end - 1], b'?' | b'.' | b'!')
            && (next.is_ascii_uppercase() || next >= 0x80 || next == b'+')
            && glued_sentence_end(text, end)
        {
            try_at(end);
        }
        // Whether a sentence ends at the mark, decided at the first space
        // after it.
        let mut ends = None;
        for (k, c) in text[end..].char_indices() {
            if !c.is_whitespace() {
                break;
            }
            let i = end + k;
            if c != ' ' || i + 1 >= text.len() || !may_follow_end(bytes[i - 1]) {
                continue;
            }
            if *ends.get_or_insert_with(|| sentence_ends(&text[..end])) {
                try_at(i + 1);
            }
        }
    }
    out.sort_by_key(|(at, _)| *at);
    out
}

/// Positions of dashes that stand after the end of a sentence and before a
/// capital, inside a line: `…này. - Những ngày qua…`, `…done? – Yes…`.
pub(super) fn inline_dashes(text: &str) -> Vec<usize> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    // `–` and `—` open with 0xE2.
    for d in memchr::memchr2_iter(b'-', 0xE2, b) {
        if d == 0 || b[d - 1] != b' ' {
            continue;
        }
        let len = if b[d] == b'-' {
            1
        } else if b[d..].starts_with("–".as_bytes()) || b[d..].starts_with("—".as_bytes()) {
            3
        } else {
            continue;
        };
        if b.get(d + len) != Some(&b' ') {
            continue;
        }
        let capital = text[d + len + 1..]
            .chars()
            .next()
            .is_some_and(char::is_uppercase);
        if capital && sentence_ends(text[..d].trim_end()) {
            out.push(d);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Language;
    use crate::lang::lexicon;

    /// [`mark_ends_into`]'s offsets as they were read, from 0xE2 on.
    fn mark_ends(text: &str) -> impl Iterator<Item = usize> + '_ {
        let b = text.as_bytes();
        let ascii = memchr::memchr3_iter(b'.', b'?', b'!', b)
            .chain(memchr::memchr2_iter(b'"', b')', b))
            .map(|i| i + 1);
        // `…` and `”` open with 0xE2, `»` with 0xC2.
        let wide = memchr::memchr2_iter(0xE2, 0xC2, b).filter_map(move |i| {
            let r = &b[i..];
            if r.starts_with("…".as_bytes()) || r.starts_with("”".as_bytes()) {
                Some(i + 3)
            } else {
                r.starts_with("»".as_bytes()).then_some(i + 2)
            }
        });
        ascii.chain(wide)
    }

    #[test]
    fn marks_by_last_bytes_read_as_from_0xe2() {
        let texts = [
            "Wait… He said “no.” «Oui.» It’s — ờ người ‘x’ Ầ æ Ý ”…»",
            "người mười thời… “Ông” nói: «Vâng» – và ”",
            "\u{a0}» …”“ x\u{202f}? Ça va ! (oui) \"non\".",
        ];
        for t in texts {
            for (s, _) in t.char_indices() {
                let w = &t[s..];
                let mut got = Vec::new();
                mark_ends_into(w, &mut got);
                got.sort_unstable();
                let mut want: Vec<usize> = mark_ends(w).collect();
                want.sort_unstable();
                assert_eq!(got, want, "{w:?}");
            }
        }
    }

    /// The reading of every space, as it was before the marks were read.
    fn dashes_by_spaces(text: &str) -> Vec<usize> {
        let mut out = Vec::new();
        for i in memchr::memchr_iter(b' ', text.as_bytes()) {
            let rest = &text[i + 1..];
            let Some(dash) = ['-', '–', '—'].into_iter().find(|&c| rest.starts_with(c)) else {
                continue;
            };
            let after = &rest[dash.len_utf8()..];
            let capital = after
                .strip_prefix(' ')
                .and_then(|a| a.chars().next())
                .is_some_and(char::is_uppercase);
            let at = i + 1;
            if capital && sentence_ends(text[..at].trim_end()) {
                out.push(at);
            }
        }
        out
    }

    /// Labels read at every space and mark, without the gate.
    fn labels_by_spaces(text: &str, lex: &Lexicon) -> Vec<(usize, String)> {
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        let mut try_at = |at: usize| {
            let end = floor_char_boundary(text, at + INLINE_LABEL_WINDOW);
            if let Some(l) = label(&text[at..end], lex) {
                if l.text_at < end - at && (!l.period || l.upper) {
                    out.push((at, l.name.to_string()));
                }
            }
        };
        for (i, &c) in bytes.iter().enumerate() {
            let at = i + 1;
            if at >= text.len() {
                continue;
            }
            if c == b' ' {
                let before = text[..i].trim_end();
                if may_follow_end(bytes[i - 1]) && !before.is_empty() && sentence_ends(before) {
                    try_at(at);
                }
            } else if matches!(c, b'?' | b'.' | b'!')
                && !bytes[at].is_ascii_whitespace()
                && (bytes[at].is_ascii_uppercase() || bytes[at] >= 0x80 || bytes[at] == b'+')
                && glued_sentence_end(text, at)
            {
                try_at(at);
            }
        }
        out
    }

    const PARTS: &[&str] = &[
        "Ein langer Satz über das Wetter.",
        "BOTE: Warum?",
        "Huber: Darum, sagt sie.",
        "Cây cầu có an toàn không?Ông Lê Quang Vinh: Có.",
        "PV: Còn TP.HCM thì sao?",
        "Q: Was the U.S. office involved?A: Yes, until 5 p.m. daily.",
        "– Yes, it was.",
        "- Những ngày qua…",
        "— Nein.",
        "He said “no.”",
        "(laughs)",
        "«Oui.»",
        "Wait…",
        "THE PRESIDENT. Thank you.",
        "Mr. Novak: Sure!",
        "So\u{a0}? Oui.",
        "x\t",
        "Ông Trần Quốc Bảo – Giám đốc Sở Y tế: Vâng.",
        "+ Hiện nay…",
        "Le ministre : Oui.",
    ];
    const GLUES: &[&str] = &[
        " ",
        "  ",
        "",
        "\u{a0} ",
        " \u{a0}",
        "\t ",
        "\u{202f} ",
        " \n ",
    ];

    #[test]
    fn marks_read_as_every_space_was() {
        for lang in [Language::De, Language::Vi, Language::En, Language::Fr] {
            let lex = lexicon(lang);
            let gate = LabelGate::of(lex);
            for (k, glue) in GLUES.iter().enumerate() {
                for step in 1..4 {
                    let text: String = (0..PARTS.len() * 2)
                        .map(|j| PARTS[(j * step + k) % PARTS.len()])
                        .collect::<Vec<_>>()
                        .join(glue);
                    let mut marks = Vec::new();
                    mark_ends_into(&text, &mut marks);
                    let mut far = Vec::new();
                    crate::grammar::label_gate::far_marks_into(&text, &mut far);
                    let got: Vec<(usize, String)> = inline_labels(&text, &marks, &far, lex, &gate)
                        .into_iter()
                        .map(|(at, l)| (at, l.name.to_string()))
                        .collect();
                    assert_eq!(got, labels_by_spaces(&text, lex), "{text:?}");
                    assert_eq!(inline_dashes(&text), dashes_by_spaces(&text), "{text:?}");
                }
            }
        }
    }
}
