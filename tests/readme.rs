//! The README documents the JSON shape field by field: every key that the
//! JSON of any fixture holds, at any depth, stands in the README's `jsonc`
//! block as `"key"`. A field added to the model fails here until the README
//! says what it is. (The values of the enums are checked against the same
//! block by a unit test in `src/names.rs`.)

mod common;

use std::collections::BTreeSet;

/// The keys of every object in `v`, at any depth, each with the path it
/// was first met at.
fn keys(v: &serde_json::Value, path: &str, out: &mut BTreeSet<(String, String)>) {
    match v {
        serde_json::Value::Object(map) => {
            for (k, child) in map {
                out.insert((k.clone(), format!("{path}.{k}")));
                keys(child, &format!("{path}.{k}"), out);
            }
        }
        serde_json::Value::Array(items) => {
            for item in items {
                keys(item, &format!("{path}[]"), out);
            }
        }
        _ => {}
    }
}

#[test]
fn the_readme_documents_every_field_of_the_json() {
    let readme = include_str!("../README.md");
    let start = readme.find("```jsonc").expect("the README's JSON shape");
    let end = start + readme[start..].find("\n```\n").expect("its end");
    let shape = &readme[start..end];
    let mut found = BTreeSet::new();
    for (path, text) in common::fixtures() {
        let t =
            press_transcript::parse(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        keys(&serde_json::to_value(&t).unwrap(), "", &mut found);
    }
    // The fixtures hold every kind of node: a field the README must show
    // is not missed for want of an example.
    for path in [
        ".front_matter.fields",
        ".annotations",
        ".headings",
        ".captions",
    ] {
        assert!(
            found.iter().any(|(_, p)| p.starts_with(path)),
            "no fixture's JSON holds {path}[]"
        );
    }
    let missing: BTreeSet<&str> = found
        .iter()
        .filter(|(k, _)| !shape.contains(&format!("\"{k}\"")))
        .map(|(_, p)| p.as_str())
        .collect();
    assert!(
        missing.is_empty(),
        "the README's JSON shape does not show {missing:?}"
    );
}
