//! `examples/batch.rs` as a streaming filter: JSON Lines in, JSON Lines out
//! in the input's order, a failing document reported on standard error and
//! skipped, the exit status zero unless I/O fails.
//!
//! `cargo test` builds the examples before the tests; the binary is found
//! beside this test's own (`target/<profile>/examples/batch`). Run alone
//! (`cargo test --test batch`), cargo does not rebuild it: the test then
//! refuses a binary older than its source.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

/// The batch example built for this test run.
fn batch() -> PathBuf {
    let exe = std::env::current_exe().expect("the test's path");
    let profile = exe
        .parent()
        .and_then(|deps| deps.parent())
        .expect("target/<profile>/deps");
    let path = profile
        .join("examples")
        .join(format!("batch{}", std::env::consts::EXE_SUFFIX));
    let modified = |p: &std::path::Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    let source = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/batch.rs");
    assert!(
        modified(&path) >= modified(&source),
        "{} is missing or older than examples/batch.rs: run `cargo test` (it builds the examples) or `cargo build --example batch`",
        path.display()
    );
    path
}

/// Runs batch on `input` (standard input) with `args`.
fn run(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(batch())
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("batch starts");
    child
        .stdin
        .take()
        .expect("a pipe")
        .write_all(input)
        .expect("batch reads its input");
    child.wait_with_output().expect("batch ends")
}

fn record(id: &str, text: &str) -> String {
    serde_json::json!({ "id": id, "text": text }).to_string()
}

#[test]
fn documents_come_out_in_order_and_failures_are_reported_and_skipped() {
    let mut input = Vec::new();
    for i in 0..40 {
        let text = format!("Interview {i}\n\n- Question {i}?\n- Answer {i}.\n");
        writeln!(input, "{}", record(&format!("doc-{i}"), &text)).unwrap();
        match i {
            // A blank line is no document.
            5 => input.extend_from_slice(b"   \n"),
            // Not JSON; not UTF-8; no text; text without turns.
            10 => input.extend_from_slice(b"{not json\n"),
            20 => input.extend_from_slice(b"{\"id\": \"bad\", \"text\": \"\xff\xfe\"}\n"),
            30 => writeln!(input, "{}", serde_json::json!({ "id": "none" })).unwrap(),
            35 => writeln!(input, "{}", record("prose", "Just a sentence.")).unwrap(),
            _ => {}
        }
    }
    let out = run(&["-j", "2"], &input);
    assert!(out.status.success(), "{out:?}");
    let stdout = String::from_utf8(out.stdout).unwrap();
    let ids: Vec<String> = stdout
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("a JSON line");
            assert!(
                v["transcript"]["turns"]
                    .as_array()
                    .is_some_and(|t| t.len() == 2)
            );
            v["id"].as_str().unwrap().to_string()
        })
        .collect();
    let expected: Vec<String> = (0..40).map(|i| format!("doc-{i}")).collect();
    assert_eq!(ids, expected);
    let stderr = String::from_utf8(out.stderr).unwrap();
    for said in [
        "line 13: not JSON",
        "line 24: not JSON",
        "line 35: no text field",
        "prose: found no question or answer turns",
        "44 documents (4 failed)",
    ] {
        assert!(stderr.contains(said), "{said:?} not in {stderr}");
    }
}

#[test]
fn one_thread_gives_the_same_lines() {
    let input: String = (0..12)
        .map(|i| record(&i.to_string(), &format!("Q: Why {i}?\nA: Because {i}.\n")) + "\n")
        .collect();
    let one = run(&["-j", "1"], input.as_bytes());
    let two = run(&["-j", "2"], input.as_bytes());
    assert!(one.status.success() && two.status.success());
    assert_eq!(one.stdout, two.stdout);
    assert_eq!(String::from_utf8(one.stdout).unwrap().lines().count(), 12);
}
