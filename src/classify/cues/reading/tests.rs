//! The reading against the searches it replaced, kept here as its oracle.

use super::*;
use crate::Language;
use crate::grammar::contains_any_ci;
use crate::lang::lexicon;
use crate::text::split_white;
use unicode_normalization::UnicodeNormalization;

/// Words outside quotation marks (the searches' own).
fn unquoted_words(text: &str) -> impl Iterator<Item = &str> {
    let mut depth = 0i32;
    split_white(text).filter(move |w| {
        let opens = w.starts_with(['"', '“', '«', '‘', '„']);
        let closes = w
            .trim_end_matches(['.', ',', '!', '?', ';', ':'])
            .ends_with(['"', '”', '»', '’']);
        if opens {
            depth += 1;
        }
        let inside = depth > 0;
        if closes && depth > 0 {
            depth -= 1;
        }
        !inside
    })
}

/// The searches' trim.
fn old_trim(word: &str, keep: impl Fn(char) -> bool) -> &str {
    word.trim_matches(|c: char| !is_alnum(c) && !keep(c))
}

/// What the searches, one after the other, found.
fn searched(text: &str, lex: &Lexicon) -> Found {
    let tail = &text[ceil_char_boundary(text, text.len().saturating_sub(CUE_TAIL_BYTES))..];
    let head = &text[..floor_char_boundary(text, WELCOME_HEAD_BYTES)];
    let (mut first_person, mut addresses) = (false, false);
    for w in unquoted_words(text).take(FIRST_PERSON_WORDS) {
        if !first_person {
            let w = old_trim(w, |c| c == '\'');
            first_person = !w.is_empty() && is_word_of(w, &lex.first_person);
        }
        if !addresses {
            let w = old_trim(w, |c| c == '\'' || c == '’');
            addresses = !w.is_empty()
                && lex.second_person.candidates(w).next().is_some()
                && lex.second_person.with_word(w).any(|p| p == w);
        }
        if first_person && addresses {
            break;
        }
    }
    Found {
        words: text.split_whitespace().count(),
        first_person,
        addresses,
        question_phrase: contains_any_ci(tail, &lex.question_phrases),
        welcomes: contains_any_ci(head, &lex.welcomes),
    }
}

/// Pieces of text the tests put together: every table's words in several
/// cases, glued to marks and quotes, and white space of every kind.
const PIECES: &[&str] = &[
    "Thưa ông, ",
    "năm nay tỉnh làm gì",
    " như thế nào?",
    "tại sao",
    "Tôi nghĩ ",
    "chúng tôi ",
    "Ông ",
    "ông",
    "chào mừng",
    " Chào Mừng quý vị",
    "What do you think",
    "what do yourself",
    "How do you ",
    "I'm ",
    "I ",
    "you're",
    "You’re",
    "YOU",
    "we",
    " welcome back.",
    "Welcome",
    "Haben Sie ",
    "hat sie ",
    "Herzlich willkommen zu ",
    "ich ",
    "Ihnen",
    "« Vous ",
    "vous »",
    "Est-ce que ",
    "pourquoi\u{a0}?",
    "j'",
    "je\u{a0}",
    "« Et la banque centrale\u{a0}? »",
    "“quoted I you”",
    "\"we said\",",
    "‘single’ ",
    "„Gänsefüßchen“ ",
    "»Und die Zentralbank?«",
    "¿Por qué ",
    "usted",
    "Tú ",
    "bienvenidos",
    "bem-vindos ",
    "você",
    "Lei ",
    "benvenuti",
    "  ",
    " ",
    "\t",
    "\u{2003}",
    "\u{3000}",
    "\u{a0}",
    "\u{202f}",
    "\n",
    "—",
    " – ",
    "…",
    "(",
    ")",
    "'",
    "’",
    "x",
    "ẞ",
    "straße ",
    "12/09/2019 ",
    "日本",
    "It’s ",
    "nation’s, ",
    " — ",
    "I’m ",
    "’s ",
    "don’t?) ",
    "x’é ",
    "Thế’s ",
    "what’s ",
    "we’ve",
    " –\u{a0}",
    "WE ",
    "Our, ",
    "oUr ",
    "MY ",
    "wee ",
    "Uns ",
    "NOUS ",
    "Mich. ",
    "Moí ",
    "yet ",
];

/// A text of `n` pieces, chosen by a small generator from `seed`.
fn text_of(seed: u64, n: usize) -> String {
    let mut rng =
        crate::test_rng::Lcg::new(seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1));
    let mut t = String::new();
    for _ in 0..n {
        t.push_str(PIECES[rng.below(PIECES.len())]);
    }
    t
}

fn check(text: &str) {
    for language in Language::ALL {
        let lex = lexicon(language);
        assert_eq!(
            read(text, lex),
            searched(text, lex),
            "{language:?} {text:?}"
        );
    }
}

#[test]
fn the_reading_finds_what_the_searches_found() {
    for t in [
        "",
        " ",
        "Thưa ông, năm nay tỉnh làm gì?",
        "Tôi rất vui.",
        "Hải Yến và Minh Khôi trong phim \"Cô dâu tháng Chạp\".",
        "Haben Sie damit gerechnet? Das war knapp",
        "Hat sie damit gerechnet? Das war knapp",
        "Vous avez observé ces métiers de près. Savez-vous combien ils sont ? Puis",
        "« Et la banque centrale ? »",
        "Welcome back. What do you think?",
        "Xin cảm ơn ông!",
    ] {
        check(t);
        check(&t.nfd().collect::<String>());
    }
}

#[test]
fn the_reading_agrees_on_generated_texts_of_every_length() {
    // Lengths around the welcome's window (80 bytes), the pronouns' 80
    // words and the question phrases' window (400 bytes), in NFC and NFD.
    for seed in 0..400 {
        let t = text_of(seed, 1 + (seed as usize * 7) % 160);
        check(&t);
        check(&t.nfd().collect::<String>());
    }
}

#[test]
fn windows_cut_inside_words_as_the_searches_cut_them() {
    // A phrase crossing the tail's start or the head's end is not found; a
    // word cut by the tail's start starts there.
    for pad in 0..12 {
        for phrase in [
            "what do you",
            "Welcome",
            "như thế nào",
            "chào mừng",
            "think",
        ] {
            let mut t = "é".repeat(pad);
            t.push_str(&"ab ".repeat(24));
            t.push_str(phrase);
            t.push_str(" x");
            t.push_str(&"y".repeat(300 + pad));
            check(&t);
            let mut u = String::from(phrase);
            u.push_str(&"z".repeat(390 + pad));
            check(&u);
            let mut v = "c".repeat(60 + pad);
            v.push(' ');
            v.push_str(phrase);
            v.push_str(&" w".repeat(250));
            check(&v);
        }
    }
}

#[test]
fn words_are_trimmed_as_trim_matches_trims_them() {
    for w in [
        "",
        "'",
        "’",
        "«",
        "(we)",
        "'we'",
        "’you’",
        "you’,",
        "\"I",
        "«\u{a0}",
        "…—",
        "ẞ!",
        "日本。",
        "x",
        "-j'-",
        "(Ông)",
        "ông,",
        "\u{301}a",
        "a\u{301}",
        "said,",
        "it.",
        "don't",
        "we'",
        "'we",
        "I’",
        "x'y.",
        "ab'.",
        "ab’.",
        "a.b.",
        "(a",
        "a)",
        "12",
        "a-",
        "a'b'",
        "…a…",
    ] {
        for curly in [false, true] {
            let keep = |c: char| c == '\'' || (curly && c == '’');
            assert_eq!(trim_to_word(w, curly), old_trim(w, keep), "{w:?} {curly}");
        }
        let both = (
            old_trim(w, |c| c == '\''),
            old_trim(w, |c| c == '\'' || c == '’'),
        );
        assert_eq!(trim_for_persons(w), both, "{w:?}");
    }
}
