//! The lossless contract, on every fixture and on its CRLF and NFD variants:
//! the blocks cover the input exactly, every node's span lies in its blocks,
//! and line ends or Unicode normalisation change nothing of the structure.

mod common;

use common::{assert_lossless, crlf, fixtures, nfd, structure};

#[test]
fn blocks_cover_every_fixture_and_its_variants() {
    let all = fixtures();
    assert!(!all.is_empty());
    for (path, text) in all {
        let name = path.display().to_string();
        let base = press_transcript::parse(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_lossless(&text, &base, &name);
        for (label, variant) in [("CRLF", crlf(&text)), ("NFD", nfd(&text))] {
            let t =
                press_transcript::parse(&variant).unwrap_or_else(|e| panic!("{name} {label}: {e}"));
            assert_lossless(&variant, &t, &format!("{name} ({label})"));
            assert_eq!(
                structure(&t),
                structure(&base),
                "{name}: the {label} variant parses differently"
            );
        }
    }
}

#[test]
fn parsing_is_deterministic_and_round_trips_through_json() {
    for (path, text) in fixtures() {
        let a = press_transcript::parse(&text).unwrap();
        let b = press_transcript::parse(&text).unwrap();
        assert_eq!(a, b, "{}", path.display());
        let json = serde_json::to_string(&a).unwrap();
        let back: press_transcript::Transcript<'_> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, a, "{}: JSON round trip", path.display());
    }
}
