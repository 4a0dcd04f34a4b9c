//! Parse throughput on our fixtures, beside the line-scan baseline, with
//! divan: `cargo bench --bench parse`. Set `PRESS_CORPUS` to a folder of
//! documents or a JSON Lines file (gzipped or not) to measure it too:
//!
//! ```text
//! PRESS_CORPUS=../shared/corpus/scale/wh-press-briefings.jsonl.gz cargo bench --bench parse
//! ```
//!
//! After divan's table, the ratio of parse rate to baseline rate is printed
//! for each set, both measured again in one pass.

mod common;

use common::{corpus, fixtures, line_scan};
use divan::counter::BytesCount;
use divan::{Bencher, black_box};
use std::time::{Duration, Instant};

fn main() {
    divan::main();
    for (name, docs) in [("fixtures", fixtures()), ("corpus", corpus())] {
        if docs.is_empty() {
            continue;
        }
        let base = rate(&docs, scan_all);
        let parse = rate(&docs, parse_all);
        println!(
            "{name}: parse {:.1} MB/s, baseline {:.1} MB/s, ratio {:.4}",
            parse / 1e6,
            base / 1e6,
            parse / base
        );
    }
}

/// The baseline over every document: non-blank lines.
fn scan_all(docs: &[String]) -> usize {
    docs.iter().map(|d| line_scan(black_box(d))).sum()
}

/// Parses every document: blocks made.
fn parse_all(docs: &[String]) -> usize {
    docs.iter()
        .map(|d| press_transcript::parse(black_box(d)).map_or(0, |t| t.blocks.len()))
        .sum()
}

/// Bytes per second of `f` over `docs`, for at least a second.
fn rate(docs: &[String], f: impl Fn(&[String]) -> usize) -> f64 {
    let bytes: usize = docs.iter().map(String::len).sum();
    let start = Instant::now();
    let (mut rounds, mut sink) = (0u32, 0usize);
    while rounds == 0 || start.elapsed() < Duration::from_secs(1) {
        sink = sink.wrapping_add(f(docs));
        rounds += 1;
    }
    black_box(sink);
    bytes as f64 * f64::from(rounds) / start.elapsed().as_secs_f64()
}

fn bytes(docs: &[String]) -> BytesCount {
    BytesCount::new(docs.iter().map(String::len).sum::<usize>())
}

#[divan::bench]
fn fixtures_baseline(b: Bencher) {
    let docs = fixtures();
    b.counter(bytes(&docs)).bench(|| scan_all(&docs));
}

#[divan::bench]
fn fixtures_parse(b: Bencher) {
    let docs = fixtures();
    b.counter(bytes(&docs)).bench(|| parse_all(&docs));
}

#[divan::bench(sample_count = 10)]
fn corpus_baseline(b: Bencher) {
    let docs = corpus();
    b.counter(bytes(&docs)).bench(|| scan_all(&docs));
}

#[divan::bench(sample_count = 10)]
fn corpus_parse(b: Bencher) {
    let docs = corpus();
    b.counter(bytes(&docs)).bench(|| parse_all(&docs));
}
