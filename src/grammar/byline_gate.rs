//! A gate before [`glued_byline`](super::byline::glued_byline): whether a
//! byline glued to a paragraph's end may stand there at all, told from a few
//! searches over the tail `glued_byline` reads. It mirrors `glued_byline`'s
//! reading: a change to one is a change to the other (the test below compares
//! the two).

use crate::grammar::byline::{GLUED_TAIL_MAX, SENTENCE_MARKS};
use crate::grammar::longest;
use crate::lang::{Lexicon, NEUTRAL_BYLINE_BEFORE};
use crate::text::ceil_char_boundary;

/// `…` in UTF-8, the one sentence mark ([`SENTENCE_MARKS`]) outside ASCII.
const ELLIPSIS: &[u8] = "…".as_bytes();

/// Whether a byline that [`glued_byline`](super::byline::glued_byline) finds
/// may end `text`: false only where it finds none, read from a few searches
/// over the tail it reads rather than by trying every place there. A byline it
/// finds says so by itself ([`Lexicon::byline_after`] words, which every tail
/// may hold; an outlet's slash, in the tail; or a credit word opening it), and
/// opens after a sentence's end and white space, or as a capital glued to a
/// letter or a sentence's end and followed by a lower-case letter: the credit
/// words are tried at those places only.
pub(crate) fn may_end_in_byline(text: &str, lex: &Lexicon) -> bool {
    if !lex.byline_after.is_empty() {
        return true;
    }
    let t = text.trim_end();
    let b = t.as_bytes();
    let from = ceil_char_boundary(t, t.len().saturating_sub(GLUED_TAIL_MAX));
    if memchr::memchr(b'/', &b[from..]).is_some() {
        return true;
    }
    let credit = |p: usize| {
        longest(&t[p..], &lex.byline_before).is_some()
            || longest(&t[p..], &NEUTRAL_BYLINE_BEFORE).is_some()
    };
    // After a sentence's mark ending at `from` or later, and white space.
    let after_mark = |end: usize| {
        let rest = t[end..].trim_start();
        let at = t.len() - rest.len();
        end >= from && at > end && credit(at)
    };
    let lo = from.saturating_sub(1);
    if memchr::memchr3_iter(b'.', b'!', b'?', &b[lo..]).any(|i| after_mark(lo + i + 1)) {
        return true;
    }
    let lo = from.saturating_sub(ELLIPSIS.len() - 1);
    if memchr::memchr_iter(ELLIPSIS[0], &b[lo..])
        .filter(|&i| b[lo + i..].starts_with(ELLIPSIS))
        .any(|i| after_mark(lo + i + ELLIPSIS.len()))
    {
        return true;
    }
    // Capitals glued to a letter or a mark: the bytes that may be one are
    // looked for first, three at a time in vector code.
    let start = from.max(1);
    if start + 1 >= b.len() || !may_glue_any(&b[start - 1..]) {
        return false;
    }
    (start..b.len() - 1)
        .any(|p| may_glue(b[p - 1], b[p], b[p + 1]) && glued_capital(t, p, b[p]) && credit(p))
}

/// The first byte of U+2000 to U+2FFF in UTF-8.
const FIRST_BYTE_U2000: u8 = 0xE2;
/// The second byte past U+2000 to U+207F (General Punctuation, the super-
/// and subscripts: no capital among them) after [`FIRST_BYTE_U2000`].
const SECOND_BYTE_PAST_U207F: u8 = 0x82;

/// Whether bytes `prev`, `x`, `next` may be a capital glued to a letter or
/// a sentence's mark, a lower-case letter after it (for a capital outside
/// ASCII, `next` is its second byte): `prev` ends a letter or a mark,
/// `x` opens a capital and `next` a lower-case letter, as far as a byte
/// tells. Byte arithmetic without branches, for vector code.
fn may_glue(prev: u8, x: u8, next: u8) -> bool {
    let ascii_letter = (prev | 0x20).wrapping_sub(b'a') < 26;
    let ends_letter =
        ascii_letter | (prev == b'.') | (prev == b'!') | (prev == b'?') | (prev >= 0x80);
    // Curly quotes, dashes and the ellipsis open with 0xE2 0x80.
    let punctuation = (x == FIRST_BYTE_U2000) & (next < SECOND_BYTE_PAST_U207F);
    let capital = (x.wrapping_sub(b'A') < 26) | ((x >= 0xC0) & !punctuation);
    let lower = (next.wrapping_sub(b'a') < 26) | (next >= 0x80);
    ends_letter & capital & lower
}

/// Whether [`may_glue`] holds for three bytes in a row of `b`.
fn may_glue_any(b: &[u8]) -> bool {
    let (x, next) = (&b[1..], &b[2..]);
    b.iter()
        .zip(x)
        .zip(next)
        .fold(false, |acc, ((&p, &x), &n)| acc | may_glue(p, x, n))
}

/// Whether a capital glued to a letter or a sentence's mark starts at `p` of
/// `t`, whose byte `x` is there: a place
/// [`glued_byline`](super::byline::glued_byline) reads.
fn glued_capital(t: &str, p: usize, x: u8) -> bool {
    let upper = if x.is_ascii() {
        x.is_ascii_uppercase()
    } else {
        // A character outside ASCII starts here if this is no
        // continuation byte.
        t.is_char_boundary(p) && t[p..].chars().next().is_some_and(char::is_uppercase)
    };
    upper
        && t[..p]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphabetic() || SENTENCE_MARKS.contains(&c))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grammar::byline::glued_byline;
    use crate::lang::lexicon;
    use crate::model::Language;

    /// Paragraphs ending in tails of every kind, glued or not, for the gate to
    /// be checked against [`glued_byline`].
    fn samples() -> Vec<String> {
        let prose =
            "The minister answered every question about the budget and the plan for the regions";
        let tails = [
            "Interview by Jane Doe",
            "By Jane Doe",
            "by Jane Doe",
            "As told to Jane Doe",
            "Reporting by Jane Doe; Editing by John Roe",
            "Jane Doe/Reuters",
            "Jane Doe / AFP",
            "Hoàng Yến/VOV.VN",
            "T.HThu Hà (thực hiện)",
            "Thu Hà (thực hiện)",
            "Bài và ảnh: Ngọc Hà",
            "Propos recueillis par Marie Dupont",
            "Par Marie Dupont",
            "Das Gespräch führte Anna Schmidt",
            "Von Anna Schmidt",
            "作者：李明",
            "记者：王芳",
            "Jane Doe",
            "JANE DOE",
            "and then it ended",
        ];
        let joins = [
            ". ", ".", "./. ", "! ", "? ", "… ", ".\u{a0}", ". \u{a0}", " ", ".\n", "",
        ];
        let mut out = Vec::new();
        for tail in tails {
            for join in joins {
                for pad in [0, 1, 20, 40, 55, 60, 62, 65, 70, 75, 80, 90] {
                    // `pad` words after the tail push it toward, then past,
                    // the end of the window.
                    let after: String = " word".repeat(pad / 5) + &"x".repeat(pad % 5);
                    out.push(format!("{prose}{join}{tail}{after}"));
                    out.push(format!("{prose}{join}{tail}{after}.  "));
                    out.push(format!("{join}{tail}{after}"));
                }
            }
        }
        out
    }

    #[test]
    fn the_gate_turns_down_only_paragraphs_without_a_glued_byline() {
        let mut passed = 0;
        let mut found = 0;
        for language in [Language::En, Language::Fr, Language::De, Language::Vi] {
            let lex = lexicon(language);
            for text in samples() {
                let gate = may_end_in_byline(&text, lex);
                let byline = glued_byline(&text, lex);
                assert!(gate || byline.is_none(), "{language:?} {text:?}");
                passed += usize::from(gate);
                found += usize::from(byline.is_some());
            }
        }
        // The samples hold bylines, and paragraphs the gate turns down.
        assert!(found > 100, "{found}");
        assert!(passed < samples().len() * 4, "{passed}");
        // No capital from U+2000 to U+207F, which [`may_glue`] passes over.
        for c in '\u{2000}'..='\u{207f}' {
            assert!(!c.is_uppercase(), "{c:?}");
            let mut buf = [0u8; 4];
            let b = c.encode_utf8(&mut buf).as_bytes();
            assert!(!may_glue(b'a', b[0], b[1]), "{c:?}");
        }
    }
}
