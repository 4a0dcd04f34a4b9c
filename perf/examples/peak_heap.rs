//! The peak heap of one parse over its input, on real documents.
//!
//! ```text
//! cargo run --release --example peak_heap -- [--first N] [--all] FILE_OR_FOLDER...
//! ```
//!
//! Reads documents as `throughput` does (a folder's `.txt`/`.md`/`.html`
//! files, a file alone, or the records of a JSON Lines file, gzipped or
//! not), parses each of 2 KB or more alone under a counting allocator, and
//! prints the median, the 90th percentile and the largest of (peak heap
//! during the parse) / (input bytes), the same for the heap the finished
//! transcript holds, and the allocations per KB of input. `--all` also
//! prints each document's figures, worst last.
//!
//! Each document is parsed once before it is measured: the tables the
//! parser builds on first use (each language's, each word list's indexes,
//! some only for the rare paragraph that reads them) are a process's cost,
//! not a parse's. Measured on a first parse, the first German document of
//! the dev corpus showed 8.6x its size, 4.7x of it German tables.

#[path = "../benches/common/mod.rs"]
mod common;

// The counting allocator is tests/memory.rs's own.
#[path = "../../tests/common/counting.rs"]
mod counting;

use counting::{CALLS, Counting, NOW, PEAK};
use std::process::ExitCode;
use std::sync::atomic::Ordering::Relaxed;

/// Documents smaller than this are left out: a parse's fixed costs weigh
/// more than their text (issue 14 bounds documents of 2 KB or more).
const MIN_BYTES: usize = 2048;

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// One document's figures.
struct Measure {
    name: String,
    /// Peak heap during the parse over the input's size.
    peak: f64,
    /// Heap the returned transcript holds over the input's size.
    held: f64,
}

/// Parses `text` alone (after a parse that builds the tables it needs);
/// its figures and the allocations it made.
fn measure(name: String, text: &str) -> (Measure, usize) {
    drop(press_transcript::parse(text));
    let (before, calls) = (NOW.load(Relaxed), CALLS.load(Relaxed));
    PEAK.store(before, Relaxed);
    let t = press_transcript::parse(text);
    let (peak, held) = (PEAK.load(Relaxed) - before, NOW.load(Relaxed) - before);
    drop(t);
    let len = text.len() as f64;
    let m = Measure {
        name,
        peak: peak as f64 / len,
        held: held as f64 / len,
    };
    (m, CALLS.load(Relaxed) - calls)
}

/// The value at quantile `q` of ascending `values`.
fn quantile(values: &[f64], q: f64) -> f64 {
    let at = ((values.len() as f64 * q).ceil() as usize).clamp(1, values.len());
    values[at - 1]
}

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let all = args.iter().any(|a| a == "--all");
    args.retain(|a| a != "--all");
    let first = match common::take_first(&mut args) {
        Ok(n) => n,
        Err(e) => {
            eprintln!("peak_heap: {e}");
            return ExitCode::from(2);
        }
    };
    if args.is_empty() {
        eprintln!("usage: peak_heap [--first N] [--all] FILE_OR_FOLDER...");
        return ExitCode::from(2);
    }
    let docs = match common::named_documents(&args, first) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("peak_heap: cannot read the documents: {e}");
            return ExitCode::from(2);
        }
    };
    let (mut measures, mut calls, mut bytes) = (Vec::new(), 0usize, 0usize);
    for (name, text) in docs.into_iter().filter(|(_, t)| t.len() >= MIN_BYTES) {
        let (m, c) = measure(name, &text);
        measures.push(m);
        calls += c;
        bytes += text.len();
    }
    if measures.is_empty() {
        eprintln!("peak_heap: no document of {MIN_BYTES} bytes or more");
        return ExitCode::from(2);
    }
    measures.sort_by(|a, b| a.peak.total_cmp(&b.peak));
    if all {
        for m in &measures {
            println!("{:.2} {:.2} {}", m.peak, m.held, m.name);
        }
    }
    let peaks: Vec<f64> = measures.iter().map(|m| m.peak).collect();
    let mut held: Vec<f64> = measures.iter().map(|m| m.held).collect();
    held.sort_by(f64::total_cmp);
    println!("documents {} of {MIN_BYTES} bytes or more", measures.len());
    println!(
        "peak/input  p50 {:.2}  p90 {:.2}  max {:.2} ({})",
        quantile(&peaks, 0.5),
        quantile(&peaks, 0.9),
        peaks[peaks.len() - 1],
        measures[measures.len() - 1].name
    );
    println!(
        "held/input  p50 {:.2}  p90 {:.2}  (the transcript returned)",
        quantile(&held, 0.5),
        quantile(&held, 0.9)
    );
    println!(
        "allocations {:.1} a KB",
        calls as f64 * 1024.0 / bytes as f64
    );
    ExitCode::SUCCESS
}
