//! Turn markers: the dash or bullet that opens a turn.
//!
//! ```text
//! dash_turn := DASH (SPACE+ | &GLUED) rest
//! DASH      := "-" | "–" | "—" | "―" | "‒" | "−" | "*" | "+" | "•"
//! GLUED     := upper-case letter | "¿" | "¡" | opening quote     (only after - – — ― ‒ −)
//! ```
//!
//! Accepts `- Thưa ông, …`, `– Merci.`, `—¿Cómo empezó?`, `-Vậy ông …`,
//! `* Câu hỏi`, `+ Trả lời`. Refuses rules and emphasis (`--`, `**bold**`,
//! `* * *`), numbers (`-5 độ`, `+84 …`), and a dash with nothing after it.
//! Language-neutral.
//!
//! A numbered paragraph's number (a numbered question, a list's item):
//!
//! ```text
//! list_number := DIGIT{1,2} ("." | ")") " "
//! list_letter := LOWER-CASE ASCII LETTER ")" " "               -- `b) `
//! ```

use crate::text::{is_alnum, is_alpha};
use nom::IResult;
use nom::Parser;
use nom::branch::alt;
use nom::character::complete::{anychar, one_of, space0, space1};
use nom::combinator::{peek, recognize, verify};
use nom::sequence::terminated;

/// Dashes that may be glued to the text they open.
const GLUE_DASHES: &str = "-–—―‒−";
/// Every character that can open a dash-led turn.
const DASHES: &str = "-–—―‒−*+•";

/// A dash-led turn's marker: where it is and where the turn's text starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct DashMarker<'a> {
    /// The dash as written.
    pub dash: &'a str,
    /// Byte offset of the text after the dash and its spaces.
    pub text_at: usize,
}

fn opens_text(c: char) -> bool {
    is_alnum(c) || "\"'“‘«„¿¡([".contains(c)
}

fn glued_start(c: char) -> bool {
    (is_alpha(c) && !c.is_lowercase()) || "\"“‘«„¿¡".contains(c)
}

fn dash_then_space(i: &str) -> IResult<&str, &str> {
    terminated(recognize(one_of(DASHES)), space1).parse(i)
}

fn dash_glued(i: &str) -> IResult<&str, &str> {
    terminated(
        recognize(one_of(GLUE_DASHES)),
        peek(verify(anychar, |&c| glued_start(c))),
    )
    .parse(i)
}

fn dash_marker_nom(i: &str) -> IResult<&str, &str> {
    let (rest, dash) = alt((dash_then_space, dash_glued)).parse(i)?;
    let (rest, _) = space0(rest)?;
    // What follows must open text, not another dash or star.
    peek(verify(anychar, |&c| opens_text(c))).parse(rest)?;
    Ok((rest, dash))
}

/// A dash standing alone on its line, the turn's text on the next one
/// (`*` then `Trong Phật giáo …?`).
pub(crate) fn lone_dash(text: &str) -> Option<DashMarker<'_>> {
    let mut chars = text.chars();
    let c = chars.next()?;
    (chars.next().is_none() && DASHES.contains(c)).then_some(DashMarker {
        dash: text,
        text_at: text.len(),
    })
}

/// For each byte, whether a character of [`DASHES`] opens with it.
const DASH_FIRST_BYTES: [bool; 256] = {
    let mut t = [false; 256];
    let b = DASHES.as_bytes();
    let mut k = 0;
    while k < b.len() {
        // A character's first byte: no continuation byte.
        if b[k] & 0xC0 != 0x80 {
            t[b[k] as usize] = true;
        }
        k += 1;
    }
    t
};

/// Parses a dash-led turn at the start of cleaned paragraph text.
pub(crate) fn dash_marker(text: &str) -> Option<DashMarker<'_>> {
    // Every marker opens with a character of `DASHES`: a first byte none
    // opens with turns the text away unparsed.
    if !DASH_FIRST_BYTES[usize::from(*text.as_bytes().first()?)] {
        return None;
    }
    let (rest, dash) = dash_marker_nom(text).ok()?;
    Some(DashMarker {
        dash,
        text_at: text.len() - rest.len(),
    })
}

/// The number opening `text` (`12. `, `3) `): its value and where the
/// text after it starts.
pub(crate) fn list_number(text: &str) -> Option<(u32, usize)> {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=2).contains(&digits) {
        return None;
    }
    let rest = &text[digits..];
    let after = rest
        .strip_prefix(". ")
        .or_else(|| rest.strip_prefix(") "))?;
    let value = text[..digits].parse().ok()?;
    Some((value, text.len() - after.len()))
}

/// Whether `text` opens with a list's letter (`a) `, `b) `), as a clause
/// of a law or the points of an answer are lettered.
pub(crate) fn list_letter(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() > 3 && b[0].is_ascii_lowercase() && b[1] == b')' && b[2] == b' '
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_whose_first_byte_opens_no_dash_holds_no_marker() {
        let mut texts: Vec<String> = ["", " - x", "x", "Ông", "\u{a0}- Oui", "“– Oui", "1- A"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        for c in DASHES.chars().chain(['‐', '‑', '﹣', '－', '·', '∙', '◦']) {
            for after in [
                " Oui", "Oui", "¿Qué", "  x", "", "-", " * *", "5 độ", "“Vậy",
            ] {
                texts.push(format!("{c}{after}"));
            }
        }
        let mut found = 0;
        for t in &texts {
            let parsed = dash_marker_nom(t).ok().map(|(rest, dash)| DashMarker {
                dash,
                text_at: t.len() - rest.len(),
            });
            assert_eq!(dash_marker(t), parsed, "{t:?}");
            found += usize::from(parsed.is_some());
        }
        assert!(found > 20, "{found}");
    }

    #[test]
    fn list_letters() {
        assert!(list_letter("b) phân phối bản sao"));
        assert!(!list_letter("B) Capital"));
        assert!(!list_letter("ab) two letters"));
        assert!(!list_letter("a)glued"));
    }

    #[test]
    fn list_numbers() {
        assert_eq!(list_number("1. Sofia"), Some((1, 3)));
        assert_eq!(list_number("12) 2024 was"), Some((12, 4)));
        // No space, three digits, a date, a decimal.
        assert_eq!(list_number("1.Sofia"), None);
        assert_eq!(list_number("123. Too many"), None);
        assert_eq!(list_number("12.05.2024 war es"), None);
        assert_eq!(list_number("3.5 percent"), None);
    }

    fn text_of(s: &str) -> Option<&str> {
        dash_marker(s).map(|m| &s[m.text_at..])
    }

    #[test]
    fn accepts_every_dash_with_a_space() {
        for s in [
            "- Thưa ông?",
            "– Merci.",
            "— Oui.",
            "* Câu hỏi?",
            "+ Trả lời.",
            "• Point",
        ] {
            assert!(dash_marker(s).is_some(), "{s}");
        }
        assert_eq!(text_of("-   Hơn 15 năm qua"), Some("Hơn 15 năm qua"));
    }

    #[test]
    fn accepts_glued_dashes_before_capitals_and_openers() {
        assert_eq!(text_of("-Vậy ông nghĩ sao?"), Some("Vậy ông nghĩ sao?"));
        assert_eq!(text_of("—¿Cómo empezó todo?"), Some("¿Cómo empezó todo?"));
        assert_eq!(text_of("–«Oui»"), Some("«Oui»"));
    }

    #[test]
    fn refuses_rules_emphasis_and_numbers() {
        for s in [
            "--",
            "---",
            "**Q:**",
            "* * *",
            "-5 độ C",
            "+84 912",
            "*bold*",
            "-",
            "- ",
            "—",
        ] {
            assert!(dash_marker(s).is_none(), "{s}");
        }
    }

    #[test]
    fn a_dash_alone() {
        assert_eq!(lone_dash("*").map(|m| m.text_at), Some(1));
        assert_eq!(lone_dash("–").map(|m| m.text_at), Some(3));
        assert!(lone_dash("**").is_none() && lone_dash("a").is_none() && lone_dash("").is_none());
    }

    #[test]
    fn refuses_lower_case_glued_text() {
        assert!(dash_marker("-based approach").is_none());
    }

    #[test]
    fn a_number_after_a_spaced_dash_opens_text() {
        assert_eq!(text_of("- 20 năm qua"), Some("20 năm qua"));
    }
}
