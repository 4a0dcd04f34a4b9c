//! Every fixture in `tests/fixtures` is a transcript we wrote, with a gold
//! file saying what a reader finds in it. This file shows that the parser
//! finds exactly that, and locks each fixture's JSON and outline in a
//! snapshot under `snapshots/`.

mod common;

use common::gold::differences;

fn gold_of(path: &std::path::Path) -> Option<serde_json::Value> {
    let g = path.with_extension("gold.json");
    let text = std::fs::read_to_string(g).ok()?;
    Some(serde_json::from_str(&text).expect("gold files are JSON"))
}

/// The dash-led interviews: the shape the crate was first built for, held
/// exactly to their golds.
#[test]
fn every_dash_fixture_matches_its_gold() {
    let mut failures = Vec::new();
    let mut checked = 0;
    for (path, text) in common::fixtures() {
        if !path.parent().is_some_and(|p| p.ends_with("dash")) {
            continue;
        }
        let Some(gold) = gold_of(&path) else { continue };
        checked += 1;
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        match press_transcript::parse(&text) {
            Ok(t) => {
                for d in differences(&t, &gold) {
                    failures.push(format!("{name}: {d}"));
                }
            }
            Err(e) => failures.push(format!("{name}: {e}")),
        }
    }
    assert!(checked >= 20, "only {checked} fixtures have a gold file");
    assert!(
        failures.is_empty(),
        "{} difference(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Every fixture with a gold file keeps its score (as `score.py` computes
/// it) at or above its floor in `tests/floors/fixtures.tsv`.
#[test]
fn every_fixture_holds_its_score_floor() {
    let mut scores = std::collections::BTreeMap::new();
    for (path, text) in common::fixtures() {
        let Some(gold) = gold_of(&path) else { continue };
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        let overall = match press_transcript::parse(&text) {
            Ok(t) => common::gold::score(&t, &gold).last().map_or(0.0, |x| x.1),
            Err(_) => 0.0,
        };
        scores.insert(name, overall);
    }
    assert!(
        scores.len() >= 50,
        "only {} fixtures have a gold file",
        scores.len()
    );
    let failures = common::floors::check("fixtures.tsv", &scores, false);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Every fixture's outline and JSON, in `snapshots/`. Every fixture whose
/// snapshots differ is reported, not only the first.
#[test]
fn every_fixture_snapshot() {
    let mut failed = Vec::new();
    for (path, text) in common::fixtures() {
        let rel = path
            .strip_prefix(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures"))
            .unwrap();
        let name = rel.with_extension("").to_string_lossy().replace('/', "__");
        let t = press_transcript::parse(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        let json = serde_json::to_string_pretty(&t).unwrap();
        let outline = t.outline(&text);
        let run = std::panic::catch_unwind(|| {
            insta::with_settings!({
                snapshot_path => concat!(env!("CARGO_MANIFEST_DIR"), "/snapshots"),
                prepend_module_to_snapshot => false,
                omit_expression => true,
                description => format!("tests/fixtures/{}", rel.display()),
            }, {
                insta::assert_snapshot!(format!("{name}.outline"), outline);
                insta::assert_snapshot!(format!("{name}.json"), json);
            });
        });
        if run.is_err() {
            failed.push(name);
        }
    }
    assert!(
        failed.is_empty(),
        "{} fixture(s) differ from their snapshots: {}",
        failed.len(),
        failed.join(", ")
    );
}
