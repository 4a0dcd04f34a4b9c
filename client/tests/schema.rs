//! The JSON Schema generated from the types (what `cargo run --example
//! schema --features schema` prints) holds for the real output: the JSON of
//! every fixture the library's tests parse validates against it, and JSON
//! that breaks the shape does not.

use std::path::{Path, PathBuf};

fn schema() -> serde_json::Value {
    let schema = schemars::schema_for!(press_transcript::Transcript<'static>);
    serde_json::to_value(&schema).expect("a schema is JSON")
}

/// Every `.txt` and `.html` fixture of the library.
fn fixtures() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures");
    let mut out = Vec::new();
    for dir in std::fs::read_dir(&root).expect("the library's fixtures") {
        for f in std::fs::read_dir(dir.unwrap().path()).unwrap() {
            let p = f.unwrap().path();
            if p.extension().is_some_and(|x| x == "txt" || x == "html") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

#[test]
fn every_fixtures_json_validates_against_the_schema() {
    let validator = jsonschema::validator_for(&schema()).expect("the schema compiles");
    let mut checked = 0;
    let mut failures = Vec::new();
    for path in fixtures() {
        let text = std::fs::read_to_string(&path).unwrap();
        let t = press_transcript::parse(&text).unwrap();
        let json = serde_json::to_value(&t).unwrap();
        for e in validator.iter_errors(&json) {
            failures.push(format!(
                "{}: {} at {}",
                path.display(),
                e,
                e.instance_path()
            ));
        }
        checked += 1;
    }
    assert!(checked >= 50, "only {checked} fixtures");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Something done to good JSON to break it.
type Breaks = fn(&mut serde_json::Value);

#[test]
fn json_that_breaks_the_shape_does_not_validate() {
    let validator = jsonschema::validator_for(&schema()).unwrap();
    let t = press_transcript::parse("- Why?\n- Because.\n").unwrap();
    let good = serde_json::to_value(&t).unwrap();
    assert!(validator.is_valid(&good));
    let broken: [(&str, Breaks); 4] = [
        ("a turn without its kind", |v| {
            v["turns"][0].as_object_mut().unwrap().remove("kind");
        }),
        ("a span's start as text", |v| {
            v["turns"][0]["span"]["start"] = "0".into()
        }),
        ("a date that is not a date", |v| {
            v["dateline"] = serde_json::json!({"text": "x", "date": "yesterday",
                "span": {"start": 0, "end": 1}});
        }),
        ("a block kind as a number", |v| {
            v["blocks"][0]["kind"] = 3.into()
        }),
    ];
    for (what, breaks) in broken {
        let mut bad = good.clone();
        breaks(&mut bad);
        assert!(!validator.is_valid(&bad), "{what} validated");
    }
}
