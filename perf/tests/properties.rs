//! Properties that hold for every input, checked on arbitrary strings and
//! on mutations of our fixtures (lines inserted, deleted, swapped; markers
//! changed; NBSP, CR, BOM and zero-width spaces sprinkled in; NFD;
//! truncation at any char boundary):
//!
//! - parsing never panics;
//! - the blocks cover the input exactly, and every node's span lies in its
//!   blocks (`common::assert_lossless`);
//! - parsing is deterministic;
//! - the JSON round-trips to an equal transcript;
//! - the CRLF and NFD variants give the structure of the original.
//!
//! The runs are seeded and sized for CI: `PROPTEST_CASES` raises the count.

#[path = "../../tests/common/mod.rs"]
mod common;

use common::{assert_lossless, crlf, fixtures, nfd, structure};
use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed, TestRunner};

/// Cases per property in CI; `PROPTEST_CASES` overrides it.
const CASES: u32 = 512;
/// The fixed seed of every run, so that CI is repeatable.
const SEED: u64 = 0x5eed_2026;

fn runner() -> TestRunner {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(CASES);
    TestRunner::new(Config {
        cases,
        rng_seed: RngSeed::Fixed(SEED),
        failure_persistence: None,
        ..Config::default()
    })
}

/// Everything a transcript must satisfy, whatever the input.
fn check(input: &str) {
    let Ok(t) = press_transcript::parse(input) else {
        return;
    };
    assert_lossless(input, &t, "input");
    assert_eq!(
        press_transcript::parse(input).ok().as_ref(),
        Some(&t),
        "parsing is deterministic"
    );
    let json = serde_json::to_string(&t).expect("serialises");
    let back: press_transcript::Transcript<'_> = serde_json::from_str(&json).expect("deserialises");
    assert_eq!(back, t, "the JSON round-trips");
}

/// Pieces that mean something to the parser, to build inputs from.
const PIECES: &[&str] = &[
    "- ",
    "– ",
    "— ",
    "* ",
    "+ ",
    "Q: ",
    "A: ",
    "Q ",
    "PV: ",
    "MS. SMITH: ",
    "THE PRESIDENT. ",
    "**",
    "**Q: ",
    "Ông Lê Văn An: ",
    "Hỏi: ",
    "\n",
    "\r\n",
    "\r",
    "\n\n",
    "\u{a0}",
    "\u{200b}",
    "\u{feff}",
    "\u{202e}",
    "?",
    ":",
    ".",
    ",",
    "(Laughter.)",
    "[crosstalk 00:01:02]",
    "&lt;laughter&gt;",
    "&amp;",
    "<p>",
    "</p>",
    "<br/>",
    "<strong>",
    "</strong>",
    "Thứ Năm, 12/09/2019, 23:06 [GMT+7]",
    "P.V (Thực hiện)",
    "Ảnh: Minh Hà",
    "---\n",
    "+++\n",
    "title: x\n",
    "# ",
    "> ",
    "![a](b)",
    "[x](y)",
    "e\u{301}",
    "\u{301}",
    "2:52 P.M. EST",
    "END 1:01 P.M. EST",
    "by user\n",
    "Xin cảm ơn ông!",
    "What now?",
    "Tôi nghĩ vậy.",
    "é",
    "ữ",
    "😀",
    "\t",
];

fn piece_input() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..60).prop_map(|v| v.concat())
}

#[test]
fn arbitrary_strings_keep_every_property() {
    runner()
        .run(&any::<String>(), |s| {
            check(&s);
            Ok(())
        })
        .unwrap();
}

#[test]
fn strings_of_meaningful_pieces_keep_every_property() {
    runner()
        .run(&piece_input(), |s| {
            check(&s);
            Ok(())
        })
        .unwrap();
}

/// A mutation of a fixture's lines.
#[derive(Debug, Clone)]
enum Mutation {
    Insert(usize, &'static str),
    Delete(usize),
    Swap(usize, usize),
    Sprinkle(usize, &'static str),
    Truncate(usize),
    Nfd,
    Crlf,
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let noise = prop::sample::select(&["\u{a0}", "\r", "\u{feff}", "\u{200b}", "\r\n", " "][..]);
    prop_oneof![
        (any::<usize>(), prop::sample::select(PIECES)).prop_map(|(i, p)| Mutation::Insert(i, p)),
        any::<usize>().prop_map(Mutation::Delete),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::Swap(a, b)),
        (any::<usize>(), noise).prop_map(|(i, p)| Mutation::Sprinkle(i, p)),
        any::<usize>().prop_map(Mutation::Truncate),
        Just(Mutation::Nfd),
        Just(Mutation::Crlf),
    ]
}

fn apply(text: &str, m: &Mutation) -> String {
    let mut lines: Vec<String> = text.split_inclusive('\n').map(str::to_string).collect();
    let n = lines.len().max(1);
    match *m {
        Mutation::Insert(i, p) => lines.insert(i % (n + 1).min(lines.len() + 1), format!("{p}\n")),
        Mutation::Delete(i) if !lines.is_empty() => {
            lines.remove(i % lines.len());
        }
        Mutation::Swap(a, b) if !lines.is_empty() => {
            let (a, b) = (a % lines.len(), b % lines.len());
            lines.swap(a, b);
        }
        Mutation::Sprinkle(i, p) => {
            let s = lines.concat();
            let mut at = i % (s.len() + 1);
            while !s.is_char_boundary(at) {
                at -= 1;
            }
            return format!("{}{p}{}", &s[..at], &s[at..]);
        }
        Mutation::Truncate(i) => {
            let s = lines.concat();
            let mut at = i % (s.len() + 1);
            while !s.is_char_boundary(at) {
                at -= 1;
            }
            return s[..at].to_string();
        }
        Mutation::Nfd => return nfd(&lines.concat()),
        Mutation::Crlf => return crlf(&lines.concat()),
        _ => {}
    }
    lines.concat()
}

#[test]
fn mutated_fixtures_keep_every_property() {
    let all = fixtures();
    let texts: Vec<String> = all.into_iter().map(|(_, t)| t).collect();
    let strategy = (0..texts.len(), prop::collection::vec(mutation(), 1..6));
    runner()
        .run(&strategy, |(i, muts)| {
            let mut s = texts[i].clone();
            for m in &muts {
                s = apply(&s, m);
            }
            check(&s);
            Ok(())
        })
        .unwrap();
}

#[test]
fn line_ends_and_normalisation_never_change_the_structure() {
    let texts: Vec<String> = fixtures().into_iter().map(|(_, t)| t).collect();
    let strategy = (0..texts.len(), prop::collection::vec(mutation(), 0..3));
    runner()
        .run(&strategy, |(i, muts)| {
            let mut s = texts[i].clone();
            for m in muts
                .iter()
                .filter(|m| !matches!(m, Mutation::Nfd | Mutation::Crlf))
            {
                s = apply(&s, m);
            }
            // Lone CRs and NFD already in the text are their own inputs.
            let base = s.replace('\r', "");
            let Ok(t) = press_transcript::parse(&base) else {
                return Ok(());
            };
            for variant in [crlf(&base), nfd(&base)] {
                let v =
                    press_transcript::parse(&variant).expect("a variant parses as its original");
                prop_assert_eq!(structure(&v), structure(&t));
            }
            Ok(())
        })
        .unwrap();
}
