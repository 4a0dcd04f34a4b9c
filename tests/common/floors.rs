//! Score floors: each document's `overall` score (as `score.py` computes
//! it) may only rise. `tests/floors/*.tsv` hold one `id<TAB>floor` line per
//! document and a `mean` line; a test fails when a score falls below its
//! floor. `UPDATE_FLOORS=1 cargo test` raises the floors to the scores
//! reached (never lowers one); CI never writes them.

use std::collections::BTreeMap;
use std::path::PathBuf;

fn path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/floors")
        .join(name)
}

fn read(name: &str) -> BTreeMap<String, f64> {
    let Ok(text) = std::fs::read_to_string(path(name)) else {
        return BTreeMap::new();
    };
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let (id, v) = l.split_once('\t')?;
            Some((id.to_string(), v.trim().parse().ok()?))
        })
        .collect()
}

/// Checks `scores` against the floors in `name` (with a `mean` entry when
/// `with_mean`: for a fixed set of documents, not for one that grows);
/// returns the failures.
pub fn check(name: &str, scores: &BTreeMap<String, f64>, with_mean: bool) -> Vec<String> {
    let mut scores = scores.clone();
    if with_mean {
        let mean = scores.values().sum::<f64>() / scores.len().max(1) as f64;
        scores.insert("mean".into(), mean);
    }
    let floors = read(name);
    let mut failures = Vec::new();
    for (id, floor) in &floors {
        match scores.get(id) {
            Some(s) if *s + 1e-9 >= *floor => {}
            Some(s) => failures.push(format!(
                "{id}: overall {s:.3} fell below its floor {floor:.3}"
            )),
            None => failures.push(format!("{id}: has a floor but was not scored")),
        }
    }
    let ci = std::env::var_os("CI").is_some();
    if std::env::var_os("UPDATE_FLOORS").is_some() && !ci {
        let mut out =
            String::from("# id\tfloor (overall, as score.py computes it; may only rise)\n");
        for (id, s) in &scores {
            let floor = floors
                .get(id)
                .copied()
                .unwrap_or(0.0)
                .max((s * 1000.0).floor() / 1000.0);
            out.push_str(&format!("{id}\t{floor:.3}\n"));
        }
        std::fs::create_dir_all(path("")).expect("floors folder");
        std::fs::write(path(name), out).expect("write floors");
    } else {
        for (id, s) in &scores {
            if !floors.contains_key(id) {
                eprintln!(
                    "{name}: {id} has no floor yet (scores {s:.3}); UPDATE_FLOORS=1 cargo test sets it"
                );
            }
        }
    }
    failures
}
