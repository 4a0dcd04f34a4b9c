//! Photo credits, and the captions they mark.
//!
//! ```text
//! captioned := caption? SEP? "("? CREDIT_WORD (":" name)? ")"?      -- at the end of a line
//!            | caption? SEP? "("? COURTESY_PHRASE name ")"?
//! SEP       := "." | " - " | " – " | " | " | " / "
//! ```
//!
//! Accepts `Ảnh: Ngọc Hà`, `Trao quà cho các đơn vị. (Ảnh: Minh Tâm)`, `… (Ảnh
//! minh họa)`, `Jane Doe at the summit. (Photo: Tom Reed)`, `(Photo : Jean
//! Martin)`, `… Foto: Ana Lima`, `Photo courtesy of Ana Ruiz`, `(Ảnh cắt từ
//! clip)`. The credit words come from the
//! [`Lexicon`]; a credit needs its colon unless it is a bare credit word in
//! brackets (`(Ảnh minh họa)`). Refuses a credit word inside a sentence
//! (`Ảnh hưởng của …`, `Photographers said …`).

use super::longest_of;
use crate::lang::Lexicon;
use std::ops::Range;

/// Where a line's caption text and credit stand, as byte ranges of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Credited {
    /// The caption before the credit (may be empty).
    pub caption: Range<usize>,
    /// The credited name(s), when the credit gives one.
    pub credit: Option<Range<usize>>,
}

/// The most words of a credited name.
const MAX_NAME_WORDS: usize = 8;

/// The most words of a name after a courtesy phrase that follows a
/// sentence on its line (`… 1990. Courtesy of the Avery family`).
const COURTESY_NAME_MAX_WORDS: usize = 5;

/// Where the last `n` words of `text` start, words being split at ASCII
/// white space (other white space only joins words, so the stretch found
/// holds at least the last `n` words as `split_whitespace` counts them).
fn last_words_at(text: &str, n: usize) -> usize {
    let bytes = text.as_bytes();
    let mut seen = 0;
    let mut i = bytes.len();
    while i > 0 {
        let at_start =
            !bytes[i - 1].is_ascii_whitespace() && (i == 1 || bytes[i - 2].is_ascii_whitespace());
        i -= 1;
        if at_start {
            seen += 1;
            if seen == n {
                return i;
            }
        }
    }
    0
}

/// Finds a photo credit at the end of a cleaned line.
pub(crate) fn credit(text: &str, lex: &Lexicon) -> Option<Credited> {
    if text.len() > 600 {
        return None;
    }
    // A credit reaches the end of the line, its name runs to at most
    // `MAX_NAME_WORDS` words: only the last words can open one.
    let most = lex
        .credit_prefixes
        .most_words()
        .max(lex.courtesy_prefixes.most_words());
    let from = last_words_at(text, most + MAX_NAME_WORDS + 2);
    // A credit word past the line's start needs a colon after it, or the
    // line to end in the bracket closing `(Ảnh minh họa)`: most lines have
    // neither, and are searched for courtesy phrases only, which need
    // neither (`… 1990. Courtesy of the Avery family`).
    let plain_searched = from == 0 || text[from..].contains(':') || text.trim_end().ends_with(')');
    let mut found = None;
    let (courtesy_opens, credit_opens) = (
        lex.courtesy_prefixes.opening_table(),
        lex.credit_prefixes.opening_table(),
    );
    for (i, &b) in text.as_bytes().iter().enumerate().skip(from) {
        // A character's first byte that a credit or courtesy word may open
        // with, after no letter or digit: the rest are passed over unasked.
        let may_open =
            courtesy_opens[usize::from(b)] || (plain_searched && credit_opens[usize::from(b)]);
        if b & 0xC0 == 0x80 || !may_open || crate::text::alnum_before(text, i) {
            continue;
        }
        let courtesy = longest_of(&text[i..], &lex.courtesy_prefixes)
            .and_then(|n| credit_at(text, i, n, true));
        let plain = || {
            plain_searched
                .then(|| longest_of(&text[i..], &lex.credit_prefixes))
                .flatten()
                .and_then(|n| credit_at(text, i, n, false))
        };
        if let Some(cr) = courtesy.or_else(plain) {
            found = Some(cr);
        }
    }
    found
}

/// A credit whose word starts at `i` and is `n` bytes long, reaching the
/// end; a `courtesy` phrase leads to the name with no colon.
fn credit_at(text: &str, i: usize, n: usize, courtesy: bool) -> Option<Credited> {
    let before = &text[..i];
    let bracketed = before.ends_with('(');
    let caption_end = before
        .trim_end_matches('(')
        .trim_end()
        .trim_end_matches(['-', '–', '|', '/'])
        .trim_end()
        .len();
    let after = &text[i + n..];
    let after_colon = after.trim_start().strip_prefix(':');
    let tail = match after_colon {
        Some(t) => t.trim_start(),
        // `Photo courtesy of Ana Ruiz`: after a full stop, a short name
        // that ends no sentence (`… Courtesy of the Avery family`), so
        // that a sentence opening with the phrase is no credit.
        None if courtesy && after.starts_with(' ') => {
            let tail = after.trim_start();
            let mid_sentence = i > 0 && !bracketed && before.trim_end().ends_with('.');
            if mid_sentence
                && (tail.ends_with('.')
                    || tail.split_whitespace().count() > COURTESY_NAME_MAX_WORDS)
            {
                return None;
            }
            tail
        }
        // A credit of several words opening the line needs no colon:
        // `Image copyright Getty Images`.
        None if i == 0 && text[..n].contains(' ') && after.starts_with(' ') => after.trim_start(),
        None => {
            // Without a colon only a bare bracketed credit word counts.
            let t = after.trim();
            return (bracketed && t == ")").then_some(Credited {
                caption: 0..caption_end,
                credit: None,
            });
        }
    };
    let tail_trim = if bracketed {
        tail.strip_suffix(')')?.trim_end()
    } else {
        tail.trim_end()
    };
    let name = tail_trim.trim_end_matches('.');
    let words = name.split_whitespace().count();
    if name.is_empty() || words > MAX_NAME_WORDS || name.contains(['(', ')']) {
        return None;
    }
    // A credit stands at the start of the line or after a sentence or a separator.
    let sep_ok = caption_end == 0
        || bracketed
        || before
            .trim_end()
            .ends_with(['.', '-', '–', '|', '/', '!', '?', '"', '”', ')']);
    if !sep_ok {
        return None;
    }
    let start = text.len() - tail.len();
    Some(Credited {
        caption: 0..caption_end,
        credit: Some(start..start + name.len()),
    })
}

/// A credit line with no credit word: photographers and agencies joined by
/// slashes, as picture desks write them (`Nik Walsh/Getty Images`,
/// `HOANG VAN LAM/AFP`).
pub(crate) fn agency_credit(text: &str) -> Option<Credited> {
    let t = text.trim();
    if t.len() > 80 || !t.contains('/') {
        return None;
    }
    let words = t.split_whitespace().count();
    let parts: Vec<&str> = t.split('/').collect();
    let ok = parts.len() >= 2
        && (2..=8).contains(&words)
        && parts.iter().all(|p| {
            !p.is_empty()
                && !p.starts_with(' ')
                && !p.ends_with(' ')
                && p.split_whitespace()
                    .all(|w| w.chars().next().is_some_and(|c| c.is_uppercase()))
        })
        && !t.ends_with(['.', '!', '?', ':']);
    ok.then_some(Credited {
        caption: 0..0,
        credit: Some(0..t.len()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_words_are_found_from_the_end() {
        assert_eq!(last_words_at("a bb  ccc d", 2), "a bb  ".len());
        assert_eq!(last_words_at("a bb", 5), 0);
        assert_eq!(last_words_at("  a", 1), 2);
        assert_eq!(last_words_at("", 1), 0);
    }
    use crate::Language;
    use crate::lang::lexicon;

    fn parts(lang: Language, s: &str) -> Option<(&str, Option<&str>)> {
        let c = credit(s, lexicon(lang))?;
        Some((&s[c.caption.clone()], c.credit.map(|r| &s[r])))
    }

    #[test]
    fn credits_alone_bracketed_and_trailing() {
        use Language::*;
        assert_eq!(parts(Vi, "Ảnh: Ngọc Hà"), Some(("", Some("Ngọc Hà"))));
        assert_eq!(
            parts(Vi, "Trao quà cho các đơn vị. (Ảnh: Minh Tâm)"),
            Some(("Trao quà cho các đơn vị.", Some("Minh Tâm")))
        );
        assert_eq!(
            parts(Vi, "Cảnh lũ ở miền Trung (Ảnh minh họa)"),
            Some(("Cảnh lũ ở miền Trung", None))
        );
        assert_eq!(
            parts(En, "Jane Doe at the summit. (Photo: Tom Reed)"),
            Some(("Jane Doe at the summit.", Some("Tom Reed")))
        );
        assert_eq!(
            parts(Fr, "La digue. (Photo : Jean Martin)"),
            Some(("La digue.", Some("Jean Martin")))
        );
        assert_eq!(
            parts(Pt, "O montado ao amanhecer. Foto: Ana Lima"),
            Some(("O montado ao amanhecer.", Some("Ana Lima")))
        );
        assert_eq!(
            parts(Vi, "Lễ khánh thành - Ảnh: Thu Trang"),
            Some(("Lễ khánh thành", Some("Thu Trang")))
        );
    }

    #[test]
    fn courtesy_phrases_lead_to_the_name_without_a_colon() {
        use Language::*;
        assert_eq!(
            parts(En, "Photo courtesy of Ana Ruiz"),
            Some(("", Some("Ana Ruiz")))
        );
        assert_eq!(
            parts(En, "The mill in 1990. Courtesy of the Avery family"),
            Some(("The mill in 1990.", Some("the Avery family")))
        );
        assert_eq!(
            parts(Es, "El puerto al amanecer (Foto cortesía de Luis Vega)"),
            Some(("El puerto al amanecer", Some("Luis Vega")))
        );
        assert_eq!(
            parts(Vi, "Cướp dâu ở bản Lác (Ảnh cắt từ clip)"),
            Some(("Cướp dâu ở bản Lác", None))
        );
        // Inside a sentence, or opening one that goes on, it is no credit.
        assert!(parts(En, "The boat came courtesy of my uncle Tom").is_none());
        assert!(
            parts(
                En,
                "We won. Courtesy of a long night of work and luck, we won."
            )
            .is_none()
        );
        assert!(parts(Vi, "Giá tăng mạnh (ảnh hưởng từ thế giới)").is_none());
    }

    #[test]
    fn agency_credit_lines() {
        assert!(agency_credit("Nik Walsh/Getty Images").is_some());
        assert!(agency_credit("HOANG VAN LAM/AFP/Getty Images").is_some());
        assert!(agency_credit("Find us: Twitter / Facebook / Instagram").is_none());
        assert!(agency_credit("Mixed/case is fine but not a sentence/really.").is_none());
        assert!(agency_credit("24/7").is_none());
    }

    #[test]
    fn refuses_credit_words_inside_sentences() {
        assert!(parts(Language::Vi, "Ảnh hưởng của bão rất lớn.").is_none());
        assert!(parts(Language::En, "Photographers said the light was good.").is_none());
        assert!(
            parts(
                Language::En,
                "The photo: it was everywhere, on every wall and every screen of the city"
            )
            .is_none()
        );
    }
}
