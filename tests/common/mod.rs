//! Helpers shared by the test files: the lossless-cover invariant, input
//! variants, and a checker that compares a transcript with a gold file.
#![allow(dead_code)]

pub mod floors;
pub mod gold;

use press_transcript::{BlockKind, Span, Transcript};
use unicode_normalization::UnicodeNormalization;

/// Asserts that the blocks cover `input` exactly (from 0 to its length, in
/// order, with no gap or overlap, on char boundaries) and that every node's
/// span lies inside the input, on char boundaries, within the blocks of its
/// kind.
pub fn assert_lossless(input: &str, t: &Transcript<'_>, what: &str) {
    let mut at = 0;
    for b in &t.blocks {
        assert_eq!(
            b.span.start, at,
            "{what}: gap or overlap before block {b:?}"
        );
        assert!(b.span.end > b.span.start, "{what}: empty block {b:?}");
        assert!(
            input.is_char_boundary(b.span.start) && input.is_char_boundary(b.span.end),
            "{what}: block {b:?} splits a char"
        );
        at = b.span.end;
    }
    assert_eq!(at, input.len(), "{what}: the blocks stop short of the end");
    let inside = |span: Span, kinds: &[BlockKind], label: &str| {
        assert!(
            span.start <= span.end && span.end <= input.len(),
            "{what}: {label} span {span:?} out of range"
        );
        assert!(
            input.is_char_boundary(span.start) && input.is_char_boundary(span.end),
            "{what}: {label} span {span:?} splits a char"
        );
        // The blocks the span meets, found by binary search (the blocks are
        // in order).
        let first = t.blocks.partition_point(|b| b.span.end <= span.start);
        let covered = t.blocks[first..]
            .iter()
            .take_while(|b| b.span.start < span.end.max(span.start + 1))
            .all(|b| kinds.contains(&b.kind) || b.kind == BlockKind::Blank || kinds.is_empty());
        assert!(
            covered,
            "{what}: {label} span {span:?} strays outside its blocks"
        );
    };
    if let Some(k) = &t.kicker {
        inside(k.span, &[BlockKind::Kicker], "kicker");
    }
    if let Some(h) = &t.headline {
        inside(
            h.span,
            &[BlockKind::Headline, BlockKind::FrontMatter],
            "headline",
        );
    }
    if let Some(d) = &t.dateline {
        inside(
            d.span,
            &[BlockKind::Dateline, BlockKind::FrontMatter],
            "dateline",
        );
    }
    if let Some(b) = &t.byline {
        inside(
            b.span,
            &[BlockKind::Byline, BlockKind::FrontMatter],
            "byline",
        );
    }
    for (i, turn) in t.turns.iter().enumerate() {
        for p in &turn.paragraphs {
            inside(p.span, &[BlockKind::Turn], &format!("turn {i} paragraph"));
            assert!(
                turn.span.contains(p.span),
                "{what}: turn {i} paragraph outside the turn"
            );
        }
        if let Some(m) = &turn.marker {
            inside(m.span, &[BlockKind::Turn], &format!("turn {i} marker"));
            // Emphasis around a label (`**Q:**`, `*MM*:`) is markup.
            let bare = |s: &str| gold::reader(s).replace(['*', '_'], "");
            assert_eq!(
                bare(m.span.slice(input)),
                bare(&m.text),
                "{what}: marker text"
            );
        }
    }
    for (i, c) in t.captions.iter().enumerate() {
        inside(c.span, &[BlockKind::Caption], &format!("caption {i}"));
    }
    for b in t.blocks.iter().filter(|b| b.kind == BlockKind::Turn) {
        assert!(
            b.node.is_some_and(|n| n < t.turns.len()),
            "{what}: turn block without its turn"
        );
    }
}

/// The input with CRLF line ends.
pub fn crlf(input: &str) -> String {
    input.replace("\r\n", "\n").replace('\n', "\r\n")
}

/// The input in Unicode NFD.
pub fn nfd(input: &str) -> String {
    input.nfd().collect()
}

/// What should not change between an input and its variants: every cleaned
/// text and kind, with spans left out.
pub fn structure(t: &Transcript<'_>) -> serde_json::Value {
    let mut v = serde_json::to_value(t).expect("a transcript serialises");
    strip_spans(&mut v);
    v
}

fn strip_spans(v: &mut serde_json::Value) {
    match v {
        serde_json::Value::Object(map) => {
            map.remove("span");
            map.remove("blocks");
            for (_, x) in map.iter_mut() {
                strip_spans(x);
            }
        }
        serde_json::Value::Array(xs) => xs.iter_mut().for_each(strip_spans),
        _ => {}
    }
}

/// The library's folder, which holds `tests/fixtures` and has `../shared`
/// beside it: the manifest's own folder for the library's tests, its parent
/// for those of the `perf` package (`perf/tests`), which include this
/// module by path.
pub fn root() -> std::path::PathBuf {
    let manifest = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    if manifest.join("tests/fixtures").is_dir() {
        manifest.to_path_buf()
    } else {
        manifest.join("..")
    }
}

/// The fixtures: every `.txt` below `tests/fixtures`, with its path.
pub fn fixtures() -> Vec<(std::path::PathBuf, String)> {
    let root = root().join("tests/fixtures");
    let mut out = Vec::new();
    let mut stack = vec![root];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).expect("fixtures folder") {
            let p = e.expect("dir entry").path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "txt" || x == "html") {
                let bytes = std::fs::read(&p).expect("fixture");
                let text = String::from_utf8(bytes).expect("fixtures are UTF-8");
                out.push((p, text));
            }
        }
    }
    out.sort();
    out
}
