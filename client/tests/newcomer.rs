//! What a newcomer's `cargo run --example structure` builds: the examples
//! that read and print are this crate's, so they build this crate's
//! dependencies and dev-dependencies and nothing else. That is the library
//! with its own dependencies, serde_json with its own, and serde's derive
//! (which the library already uses): no test, benchmark or property-testing
//! crate. A dev-dependency added to this crate fails this test.

use std::collections::BTreeSet;
use std::process::Command;

/// The names of the packages `cargo tree` lists for `package` over the
/// kinds of dependency `edges`.
fn tree(package: &str, edges: &str) -> BTreeSet<String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = Command::new(cargo)
        .args(["tree", "--package", package, "--edges", edges])
        .args(["--prefix", "none", "--format", "{p}"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo runs");
    assert!(
        out.status.success(),
        "cargo tree -p {package}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .expect("cargo tree writes UTF-8")
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .map(str::to_string)
        .collect()
}

#[test]
fn the_examples_build_the_library_and_serde_json_only() {
    let examples = tree("press-transcript-client", "normal,dev");
    let library = tree("press-transcript", "normal");
    let json = tree("serde_json", "normal");
    let extra: Vec<&String> = examples
        .iter()
        .filter(|p| !library.contains(*p) && !json.contains(*p))
        .filter(|p| *p != "press-transcript-client")
        .collect();
    assert!(
        extra.is_empty(),
        "the examples would also build {extra:?} (examples/*.rs build in client/, which must \
         stay free of dev-dependencies and of what the library does not need)"
    );
    for heavy in ["insta", "proptest", "divan", "rayon", "indicatif", "flate2"] {
        assert!(
            !examples.contains(heavy),
            "the examples would build {heavy}"
        );
    }
}
