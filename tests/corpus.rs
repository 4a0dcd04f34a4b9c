//! The real transcripts of `../shared/corpus/dev` (not ours: we measure on
//! them, never copy them). The reference interview must come out exactly as
//! its gold says, and so must its CRLF and NFD variants. When the corpus is
//! not beside the project (a user's machine), these tests say so and skip.

mod common;

use common::gold::differences;
use common::{assert_lossless, crlf, nfd};
use std::path::PathBuf;

/// The reference interview: the first real input this crate was built for.
const REFERENCE: &str = "vi-baokhanhhoa-2019-giao-ban";

fn corpus_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/dev");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!(
            "skipped: {} is not there (the corpus ships beside the project in CI only)",
            dir.display()
        );
        None
    }
}

fn load(dir: &std::path::Path, id: &str) -> (String, serde_json::Value) {
    let text = std::fs::read_to_string(dir.join(format!("{id}.txt"))).expect("corpus text");
    let gold = std::fs::read_to_string(dir.join(format!("{id}.gold.json"))).expect("corpus gold");
    (text, serde_json::from_str(&gold).expect("gold is JSON"))
}

#[test]
fn the_reference_interview_is_exactly_its_gold_in_every_variant() {
    let Some(dir) = corpus_dir() else { return };
    let (text, gold) = load(&dir, REFERENCE);
    for (label, input) in [
        ("as given", text.clone()),
        ("CRLF", crlf(&text)),
        ("NFD", nfd(&text)),
    ] {
        let t = press_transcript::parse(&input).unwrap_or_else(|e| panic!("{label}: {e}"));
        assert_lossless(&input, &t, label);
        let diffs = differences(&t, &gold);
        assert!(
            diffs.is_empty(),
            "{REFERENCE} ({label}):\n{}",
            diffs.join("\n")
        );
        // Beyond what the gold scores: the interviewee's post and the outlet.
        let p = &t.participants[0];
        assert_eq!(p.honorific.as_deref(), Some("Ông"), "{label}");
        assert!(
            p.title.as_deref().is_some_and(|s| s.starts_with("Bí thư")),
            "{label}: {:?}",
            p.title
        );
        assert!(t.outlet.is_some(), "{label}: the outlet the caption names");
        assert_eq!(
            t.dateline.as_ref().and_then(|d| d.weekday),
            Some(press_transcript::Weekday::Thursday)
        );
        assert!(t.diagnostics.is_empty(), "{label}: {:?}", t.diagnostics);
    }
}

#[test]
fn every_corpus_document_keeps_the_lossless_contract() {
    let Some(dir) = corpus_dir() else { return };
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|x| x != "txt") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        if let Ok(t) = press_transcript::parse(&text) {
            assert_lossless(&text, &t, &path.display().to_string());
        }
        n += 1;
    }
    assert!(n > 0, "no documents in {}", dir.display());
}

/// Every corpus document keeps its score (as `score.py` computes it) at or
/// above its floor in `tests/floors/corpus.tsv`; so does the mean.
#[test]
fn corpus_scores_hold_their_floors() {
    let Some(dir) = corpus_dir() else { return };
    let mut scores = std::collections::BTreeMap::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let Some(id) = name.strip_suffix(".gold.json") else {
            continue;
        };
        let (text, gold) = load(&dir, id);
        let overall = match press_transcript::parse(&text) {
            Ok(t) => common::gold::score(&t, &gold).last().map_or(0.0, |x| x.1),
            Err(_) => 0.0,
        };
        scores.insert(id.to_string(), overall);
    }
    let failures = common::floors::check("corpus.tsv", &scores, true);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
