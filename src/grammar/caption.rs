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

/// Finds a photo credit at the end of a cleaned line.
pub(crate) fn credit(text: &str, lex: &Lexicon) -> Option<Credited> {
    if text.len() > 600 {
        return None;
    }
    // A credit reaches the end of the line, its name runs to at most
    // `MAX_NAME_WORDS` words: only the last words can open one, words being
    // split at ASCII white space (other white space only joins words, so
    // the stretch read holds at least the last words as `split_whitespace`
    // counts them). The last credit found is the one: the places are read
    // from the end back, words counted on the way, and the first found
    // ends the reading.
    let most = lex
        .credit_prefixes
        .most_words()
        .max(lex.courtesy_prefixes.most_words());
    let words = most + MAX_NAME_WORDS + 2;
    let bytes = text.as_bytes();
    let place = Place::of(text, lex);
    // A credit stands at the start of the line or after a separator
    // ([`credit_at`] asks for one of `SEPARATOR_MARKS`, white space
    // between or not): only the places right after such a mark and the
    // white space following it can open one, and the first place of the
    // words read, whose mark may stand before them. They are tried from
    // the end back, the order in which the places are read.
    let mut seen = 0;
    let mut from = 0;
    let mut last_tried = bytes.len();
    // Whether the byte after the one read is no white space: a word starts
    // there when the one read is.
    let mut in_word = false;
    let mut i = bytes.len();
    while i > 0 {
        // The bytes of no class, most of them, passed over in one search
        // back: the letters and digits of a word.
        let Some(at) = bytes[..i]
            .iter()
            .rposition(|&b| BYTE_CLASS[usize::from(b)] != 0)
        else {
            break;
        };
        if at + 1 < i {
            in_word = true;
        }
        i = at;
        let class = BYTE_CLASS[usize::from(bytes[i])];
        if class == MARK {
            if let Some(end) = mark_end(bytes, i) {
                let at = past_white(text, end);
                if at < last_tried {
                    last_tried = at;
                    if let Some(cr) = place.credit(at) {
                        return Some(cr);
                    }
                }
            }
            in_word = true;
            continue;
        }
        // The start of a word: the last words read, the rest of the line
        // is none of the credit's.
        if in_word {
            seen += 1;
            if seen == words {
                from = i + 1;
                break;
            }
        }
        in_word = false;
    }
    let at = past_white(text, from);
    if at < last_tried {
        return place.credit(at);
    }
    None
}

/// What [`credit`] knows of a line before it tries a place of it.
struct Place<'t> {
    text: &'t str,
    lex: &'t Lexicon,
    /// The last colon of the line.
    last_colon: Option<usize>,
    /// The line ends in a closing bracket.
    closed: bool,
}

impl<'t> Place<'t> {
    fn of(text: &'t str, lex: &'t Lexicon) -> Place<'t> {
        Place {
            text,
            lex,
            last_colon: memchr::memrchr(b':', text.as_bytes()),
            closed: text.trim_end().ends_with(')'),
        }
    }

    /// The credit whose courtesy phrase or credit word starts at byte `i`
    /// (a character's first byte, or the end) and reaches the end.
    fn credit(&self, i: usize) -> Option<Credited> {
        let (text, lex) = (self.text, self.lex);
        let bytes = text.as_bytes();
        let b = *bytes.get(i)?;
        // A credit word needs a colon after it, or to open the line, or the
        // line to end in the bracket closing `(Ảnh minh họa)` after the one
        // before it; a courtesy phrase needs none (`… 1990. Courtesy of the
        // Avery family`).
        let plain = lex.credit_prefixes.opening_table()[usize::from(b)]
            && (i == 0
                || self.last_colon.is_some_and(|c| c > i)
                || (self.closed && bytes[i - 1] == b'('));
        let may_open = lex.courtesy_prefixes.opening_table()[usize::from(b)] || plain;
        if b & 0xC0 != 0x80 && may_open && !crate::text::alnum_before(text, i) {
            credit_here(text, i, lex, plain)
        } else {
            None
        }
    }
}

/// The marks a caption ends with before its credit, white space between
/// or not: a sentence's end or a separator ([`credit_at`]).
const CAPTION_END_MARKS: [char; 10] = ['.', '-', '–', '|', '/', '!', '?', '"', '”', ')'];

/// The marks a credit may follow, white space between or not, other than
/// the start of the line: [`CAPTION_END_MARKS`] and the bracket opening a
/// credit. [`credit_at`] finds none elsewhere: it wants the line to open
/// with the credit, or the credit in brackets, or the caption to end with
/// one of `CAPTION_END_MARKS`; a caption that leaves nothing once its
/// brackets, white space and separators are cut off ends with one of
/// them, or with the bracket.
const SEPARATOR_MARKS: [char; 11] = ['.', '-', '–', '|', '/', '!', '?', '"', '”', ')', '('];

/// [`BYTE_CLASS`] of an ASCII white space byte (`u8::is_ascii_whitespace`).
const WHITE: u8 = 1;
/// [`BYTE_CLASS`] of a byte a mark of [`SEPARATOR_MARKS`] may end with.
const MARK: u8 = 2;

/// For each byte, what [`credit`] makes of it: [`WHITE`], [`MARK`] or
/// nothing (0).
const BYTE_CLASS: [u8; 256] = {
    let mut t = [0; 256];
    let mut k = 0;
    while k < SEPARATOR_MARKS.len() {
        let mut buf = [0u8; 4];
        let n = SEPARATOR_MARKS[k].encode_utf8(&mut buf).len();
        t[buf[n - 1] as usize] = MARK;
        k += 1;
    }
    let mut b = 0;
    while b < 256 {
        if (b as u8).is_ascii_whitespace() {
            t[b] = WHITE;
        }
        b += 1;
    }
    t
};

/// Where the mark of [`SEPARATOR_MARKS`] whose last byte is at `i` of
/// `bytes` ends, if one does (a byte of class [`MARK`]).
fn mark_end(bytes: &[u8], i: usize) -> Option<usize> {
    // The table holds no ASCII byte but a mark's.
    if bytes[i].is_ascii() {
        return Some(i + 1);
    }
    SEPARATOR_MARKS
        .iter()
        .any(|m| {
            let mut buf = [0u8; 4];
            let m = m.encode_utf8(&mut buf).as_bytes();
            i + 1 >= m.len() && bytes[i + 1 - m.len()..=i] == *m
        })
        .then_some(i + 1)
}

/// Where the white space (any, as `trim_start` reads it) at byte `i` of
/// `text` ends.
fn past_white(text: &str, i: usize) -> usize {
    let rest = &text[i..];
    i + rest.len() - rest.trim_start().len()
}

/// A credit whose courtesy phrase, or credit word where `plain`, starts at
/// byte `i` (a character's first byte) and reaches the end.
fn credit_here(text: &str, i: usize, lex: &Lexicon, plain: bool) -> Option<Credited> {
    let rest = &text.as_bytes()[i..];
    may_open_with(&lex.courtesy_prefixes, rest)
        .then(|| longest_of(&text[i..], &lex.courtesy_prefixes))
        .flatten()
        .and_then(|n| credit_at(text, i, n, true))
        .or_else(|| {
            plain
                .then(|| longest_of(&text[i..], &lex.credit_prefixes))
                .flatten()
                .and_then(|n| credit_at(text, i, n, false))
        })
}

/// Whether a phrase of `words` may open `rest` ignoring case, as
/// [`longest_of`] reads it, told by its first two bytes: false only where
/// none does. A byte of a phrase in ASCII matches its byte in any ASCII
/// case only; one outside ASCII only a byte outside ASCII (no letter
/// outside ASCII lower-cases to one in it); past a first character outside
/// ASCII, nothing is told.
fn may_open_with(words: &[&str], rest: &[u8]) -> bool {
    let matches = |w: u8, r: Option<&u8>| {
        r.is_some_and(|&r| {
            if w.is_ascii() {
                r.eq_ignore_ascii_case(&w)
            } else {
                !r.is_ascii()
            }
        })
    };
    words.iter().any(|w| {
        let w = w.as_bytes();
        match w {
            [] => true,
            [a, ..] if !a.is_ascii() => !rest.first().is_some_and(u8::is_ascii),
            [a] => matches(*a, rest.first()),
            [a, b, ..] => matches(*a, rest.first()) && matches(*b, rest.get(1)),
        }
    })
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
    let sep_ok = caption_end == 0 || bracketed || before.trim_end().ends_with(CAPTION_END_MARKS);
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

    /// Where the last `n` words of `text` start, words being split at ASCII
    /// white space: the bound the reading of [`credit_forward`] starts at.
    fn last_words_at(text: &str, n: usize) -> usize {
        let bytes = text.as_bytes();
        let mut seen = 0;
        let mut i = bytes.len();
        while i > 0 {
            let at_start = !bytes[i - 1].is_ascii_whitespace()
                && (i == 1 || bytes[i - 2].is_ascii_whitespace());
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

    /// The reading of [`credit`] before it went from the end back: every
    /// place of the last words read from the first on, the last credit
    /// found kept.
    fn credit_forward(text: &str, lex: &Lexicon) -> Option<Credited> {
        if text.len() > 600 {
            return None;
        }
        let most = lex
            .credit_prefixes
            .most_words()
            .max(lex.courtesy_prefixes.most_words());
        let from = last_words_at(text, most + MAX_NAME_WORDS + 2);
        let plain_searched =
            from == 0 || text[from..].contains(':') || text.trim_end().ends_with(')');
        let mut found = None;
        let (courtesy_opens, credit_opens) = (
            lex.courtesy_prefixes.opening_table(),
            lex.credit_prefixes.opening_table(),
        );
        for (i, &b) in text.as_bytes().iter().enumerate().skip(from) {
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

    #[test]
    fn a_phrase_turned_away_by_its_first_bytes_is_none_read() {
        // Every credit and courtesy phrase of every language, as written, in
        // capitals, in lower case, cut short, and other words: where the
        // first bytes say no, the reading finds no phrase.
        use crate::Language;
        let mut rests: Vec<String> = [
            "Ảnh",
            "ẢNH DO",
            "ảnh do",
            "Anh do",
            "Ánh",
            "Foto",
            "FÓTO",
            "Ça",
            "Éclair",
            "ÂNH",
            "a",
            "",
            "x",
            "\u{a0}Photo",
            "Ph",
            "Pḥoto",
            "Cortesía de",
            "CORTESÍA DE",
            "Crédit",
            "CRÉDIT",
            "Credit",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        for lang in Language::ALL {
            let lex = crate::lang::lexicon(lang);
            for w in lex
                .courtesy_prefixes
                .iter()
                .chain(lex.credit_prefixes.iter())
            {
                rests.extend([
                    format!("{w} Ana"),
                    w.to_uppercase(),
                    w.to_lowercase(),
                    w.chars().skip(1).collect(),
                ]);
            }
        }
        let mut turned_away = 0;
        for lang in Language::ALL {
            let lex = crate::lang::lexicon(lang);
            for words in [&lex.courtesy_prefixes, &lex.credit_prefixes] {
                for rest in &rests {
                    if !may_open_with(words, rest.as_bytes()) {
                        turned_away += 1;
                        assert_eq!(longest_of(rest, words), None, "{lang:?} {rest:?}");
                    }
                }
            }
        }
        assert!(turned_away > 1000, "only {turned_away} turned away");
    }

    #[test]
    fn the_credit_read_from_the_end_is_the_last_read_from_the_start() {
        use crate::Language;
        let captions = [
            "",
            "Trao quà cho các đơn vị.",
            "Cảnh lũ ở miền Trung",
            "Jane Doe at the summit, with a long caption of many words about it all.",
            "La digue -",
            "The mill in 1990.",
            "Lễ khánh thành |",
            "Übermäßig große Straßen:",
            "Photo: the first one,",
            "(Photo: Ana) and then",
            "a\u{a0}\u{a0} b \u{a0} c",
            "Note: one two three four five six seven eight nine ten eleven twelve thirteen.",
            "Ảnh (Photo) Foto Bild Image Crédit Courtesy of one two three four five six",
        ];
        let credits = [
            "Ảnh: Ngọc Hà",
            "(Ảnh: Minh Tâm)",
            "(Ảnh minh họa)",
            "(Photo: Tom Reed)",
            "(Photo : Jean Martin)",
            "Foto: Ana Lima",
            "Photo courtesy of Ana Ruiz",
            "Courtesy of the Avery family",
            "(Foto cortesía de Luis Vega)",
            "(Ảnh cắt từ clip)",
            "Image copyright Getty Images",
            "Crédit photo : AFP",
            "Bild: dpa/Ana Roth.",
            "Photo: A B C D E F G H I J",
            "Photo:\u{a0}\u{a0} \u{a0} Ana \u{a0} Lima",
            "Mit freundlicher Genehmigung von Ana Roth",
            "Photographers said the light was good",
            "courtesy of my uncle Tom",
            "Photo",
            "(Photo)",
            ")",
        ];
        let mut found = 0;
        for (k, caption) in captions.iter().enumerate() {
            for credit_text in credits {
                for sep in ["", " ", ". ", " - ", " – ", " | ", " / ", "(", ": "] {
                    let line = format!("{caption}{sep}{credit_text}");
                    for lang in [Language::ALL[k % Language::ALL.len()], Language::En] {
                        let lex = crate::lang::lexicon(lang);
                        let got = credit(&line, lex);
                        assert_eq!(got, credit_forward(&line, lex), "{lang:?} {line:?}");
                        found += usize::from(got.is_some());
                    }
                }
            }
        }
        assert!(found > 200, "only {found} found");
    }

    /// Lines drawn at random from the credit and courtesy phrases of every
    /// language, names, marks and white space of every kind: the places
    /// [`credit`] tries (after a mark, and the first of the words read)
    /// find what trying every place finds.
    #[test]
    fn only_places_after_a_mark_or_opening_the_words_read_hold_a_credit() {
        use crate::Language;
        let mut tokens: Vec<String> = [
            "Ana",
            "Lima",
            "the",
            "of",
            "ồ",
            "Trường",
            "NGỌC",
            "Hà",
            "1990",
            "x",
            "đơn vị",
            ".",
            "-",
            "–",
            "—",
            "|",
            "/",
            "!",
            "?",
            "\"",
            "”",
            "“",
            ")",
            "(",
            ":",
            " : ",
            "...",
            "…",
            " - ",
            " – ",
            ". ",
            "(",
            " (",
            ")",
            "\u{a0}",
            " \u{a0} ",
            "\t",
            "\n",
            "  ",
            "\u{2009}",
            "\u{3000}",
            "a\u{301}",
            "ễ",
            "”.",
            "\u{201d}",
            "Ảnh",
            "ảnh",
            "ẢNH",
            "(Ảnh minh họa)",
            "(Photo: Ana)",
            "(Foto)",
            "(Courtesy of Ana)",
            "(Photo",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        for lang in Language::ALL {
            let lex = crate::lang::lexicon(lang);
            for w in lex
                .courtesy_prefixes
                .iter()
                .chain(lex.credit_prefixes.iter())
            {
                // Every phrase opens with a letter: the place after a mark's
                // white space is the phrase's first.
                assert!(w.chars().next().is_some_and(char::is_alphabetic), "{w:?}");
                tokens.extend([w.to_string(), w.to_uppercase(), w.to_lowercase()]);
            }
        }
        for m in CAPTION_END_MARKS {
            assert!(SEPARATOR_MARKS.contains(&m));
        }
        let mut rng = crate::test_rng::Lcg::new(0x2545_f491_4f6c_dd1d);
        let mut next = |n: usize| rng.below(n);
        let mut found = 0;
        for k in 0..60_000 {
            let len = 1 + next(40);
            let mut line = String::new();
            for _ in 0..len {
                line.push_str(&tokens[next(tokens.len())]);
                if next(3) > 0 {
                    line.push(' ');
                }
            }
            let lang = Language::ALL[k % Language::ALL.len()];
            let lex = crate::lang::lexicon(lang);
            let got = credit(&line, lex);
            assert_eq!(got, credit_forward(&line, lex), "{lang:?} {line:?}");
            found += usize::from(got.is_some());
        }
        assert!(found > 600, "only {found} found");
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
