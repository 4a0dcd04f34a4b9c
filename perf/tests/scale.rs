//! The 1,152 real White House briefings of
//! `../shared/corpus/scale/wh-press-briefings.jsonl.gz` (not ours; measured
//! on, never copied): every one parses with no panic and no error, and
//! keeps the lossless contract. Skipped, saying so, where the file is not
//! beside the project.

#[path = "../../tests/common/mod.rs"]
mod common;

use common::assert_lossless;
use std::io::{BufRead, BufReader};

#[test]
fn every_briefing_parses_and_keeps_the_contract() {
    let path = common::root().join("../shared/corpus/scale/wh-press-briefings.jsonl.gz");
    let Ok(file) = std::fs::File::open(&path) else {
        eprintln!(
            "skipped: {} is not there (the scale corpus ships beside the project in CI only)",
            path.display()
        );
        return;
    };
    let reader = BufReader::new(flate2::read::GzDecoder::new(file));
    let mut failures = Vec::new();
    let mut n = 0;
    for line in reader.lines() {
        let line = line.expect("the file is gzip JSON Lines");
        let record: serde_json::Value = serde_json::from_str(&line).expect("a JSON object a line");
        let (id, text) = (
            record["id"].as_str().unwrap_or("?"),
            record["text"].as_str().unwrap_or(""),
        );
        n += 1;
        match press_transcript::parse(text) {
            Ok(t) => assert_lossless(text, &t, id),
            Err(e) => failures.push(format!("{id}: {e}")),
        }
    }
    assert_eq!(n, 1152, "the scale corpus holds 1,152 briefings");
    assert!(
        failures.is_empty(),
        "{} briefing(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
