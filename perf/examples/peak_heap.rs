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
//! prints each document's figures, worst last. The tables the parser
//! builds on first use are built before the first measurement.

#[path = "../benches/common/mod.rs"]
mod common;

use std::alloc::{GlobalAlloc, Layout, System};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

/// Documents smaller than this are left out: a parse's fixed costs weigh
/// more than their text (issue 14 bounds documents of 2 KB or more).
const MIN_BYTES: usize = 2048;

static NOW: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);
static CALLS: AtomicUsize = AtomicUsize::new(0);

struct Counting;

fn grow(by: usize) {
    let now = NOW.fetch_add(by, Relaxed) + by;
    PEAK.fetch_max(now, Relaxed);
}

// SAFETY: every call goes to the system allocator unchanged; the counters
// only watch.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        grow(layout.size());
        CALLS.fetch_add(1, Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        NOW.fetch_sub(layout.size(), Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if new_size > layout.size() {
            grow(new_size - layout.size());
        } else {
            NOW.fetch_sub(layout.size() - new_size, Relaxed);
        }
        CALLS.fetch_add(1, Relaxed);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

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

/// Parses `text` alone; its figures and the allocations it made.
fn measure(name: String, text: &str) -> (Measure, usize) {
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

fn named_documents(args: &[String], first: usize) -> std::io::Result<Vec<(String, String)>> {
    let mut out = Vec::new();
    for a in args {
        let path = Path::new(a);
        let jsonl = a.ends_with(".jsonl") || a.ends_with(".jsonl.gz");
        if jsonl {
            let docs = common::load(path, first.saturating_sub(out.len()))?;
            out.extend(
                docs.into_iter()
                    .enumerate()
                    .map(|(i, d)| (format!("{a}#{}", i + 1), d)),
            );
            continue;
        }
        let mut files: Vec<PathBuf> = if path.is_dir() {
            std::fs::read_dir(path)?
                .flatten()
                .map(|e| e.path())
                .filter(|p| {
                    p.extension()
                        .is_some_and(|x| x == "txt" || x == "md" || x == "html")
                })
                .collect()
        } else {
            vec![path.to_path_buf()]
        };
        files.sort();
        for f in files {
            out.push((f.display().to_string(), std::fs::read_to_string(&f)?));
        }
    }
    out.truncate(first);
    Ok(out)
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
    let mut first = usize::MAX;
    if let Some(i) = args.iter().position(|a| a == "--first") {
        let Some(n) = args.get(i + 1).and_then(|n| n.parse().ok()) else {
            eprintln!("peak_heap: --first needs a number of documents");
            return ExitCode::from(2);
        };
        first = n;
        args.drain(i..i + 2);
    }
    if args.is_empty() {
        eprintln!("usage: peak_heap [--first N] [--all] FILE_OR_FOLDER...");
        return ExitCode::from(2);
    }
    let docs = match named_documents(&args, first) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("peak_heap: cannot read the documents: {e}");
            return ExitCode::from(2);
        }
    };
    // The tables are built once, on first use: not a parse's cost.
    let _ = press_transcript::parse("- Thưa ông?\n- Vâng.\nQ: Why?\nA: Yes.\n");
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
