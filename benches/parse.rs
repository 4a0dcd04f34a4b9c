//! Parse throughput on our fixtures, beside the line-scan baseline, with
//! divan: `cargo bench --bench parse`. Set `PRESS_CORPUS` to a folder of
//! documents to measure them too.

mod common;

use common::fixtures;
use divan::counter::BytesCount;
use divan::{Bencher, black_box};

fn main() {
    divan::main();
}

fn corpus() -> Vec<String> {
    let Ok(dir) = std::env::var("PRESS_CORPUS") else {
        return Vec::new();
    };
    std::fs::read_dir(dir)
        .map(|d| {
            d.flatten()
                .filter_map(|f| std::fs::read_to_string(f.path()).ok())
                .collect()
        })
        .unwrap_or_default()
}

/// The baseline: a memchr pass that counts the non-blank lines.
fn line_scan(text: &str) -> usize {
    let bytes = text.as_bytes();
    let (mut count, mut start) = (0, 0);
    for end in memchr::memchr_iter(b'\n', bytes).chain(std::iter::once(bytes.len())) {
        count += usize::from(bytes[start..end].iter().any(|b| !b.is_ascii_whitespace()));
        start = end + 1;
    }
    count
}

fn bytes(docs: &[String]) -> BytesCount {
    BytesCount::new(docs.iter().map(String::len).sum::<usize>())
}

#[divan::bench]
fn fixtures_baseline(b: Bencher) {
    let docs = fixtures();
    b.counter(bytes(&docs))
        .bench(|| docs.iter().map(|d| line_scan(black_box(d))).sum::<usize>());
}

#[divan::bench]
fn fixtures_parse(b: Bencher) {
    let docs = fixtures();
    b.counter(bytes(&docs)).bench(|| {
        docs.iter()
            .map(|d| press_transcript::parse(black_box(d)).map_or(0, |t| t.blocks.len()))
            .sum::<usize>()
    });
}

#[divan::bench]
fn corpus_baseline(b: Bencher) {
    let docs = corpus();
    b.counter(bytes(&docs))
        .bench(|| docs.iter().map(|d| line_scan(black_box(d))).sum::<usize>());
}

#[divan::bench]
fn corpus_parse(b: Bencher) {
    let docs = corpus();
    b.counter(bytes(&docs)).bench(|| {
        docs.iter()
            .map(|d| press_transcript::parse(black_box(d)).map_or(0, |t| t.blocks.len()))
            .sum::<usize>()
    });
}
