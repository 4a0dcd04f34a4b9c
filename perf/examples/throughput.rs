//! Measures parsing throughput against a line-scan baseline, in one process.
//!
//! ```text
//! cargo run --release --example throughput -- FILE_OR_FOLDER...
//! ```
//!
//! Reads every file given (every `.txt`/`.md`/`.html` file of a folder),
//! then over several rounds times (1) the baseline, a `memchr` pass that
//! splits the input into lines and counts the non-blank ones, and (2)
//! `press_transcript::parse` on each document, single-threaded. Prints both
//! rates, their quotient to five decimals and, on its last line,
//! `ratio 0.NN` (parse rate / baseline rate).
//!
//! For scale it also times one pass that reads every character (counting
//! the words with `split_whitespace`): no parser that looks at the text
//! can be faster than that pass, so `parse/words` says how many such
//! passes parsing costs.

// The line-scan baseline is the benchmarks' own, so that both report the
// same ratio.
#[path = "../benches/common/mod.rs"]
mod common;

use common::line_scan;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

/// How long each measurement runs at least.
const MIN_TIME: Duration = Duration::from_millis(1500);

fn collect(path: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(path)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        entries.sort();
        for e in entries {
            collect(&e, out)?;
        }
    } else if path
        .extension()
        .is_some_and(|x| x == "txt" || x == "md" || x == "html")
    {
        out.push(path.to_path_buf());
    }
    Ok(())
}

/// A pass that reads every character: the words, counted.
fn word_pass(text: &str) -> usize {
    text.split_whitespace().count()
}

/// Runs `f` over all documents until `MIN_TIME` has passed; bytes per second.
fn rate(docs: &[String], mut f: impl FnMut(&str) -> usize) -> f64 {
    let bytes: usize = docs.iter().map(String::len).sum();
    let start = Instant::now();
    let mut rounds = 0u32;
    let mut sink = 0usize;
    while start.elapsed() < MIN_TIME || rounds == 0 {
        for d in docs {
            sink = sink.wrapping_add(f(std::hint::black_box(d)));
        }
        rounds += 1;
    }
    std::hint::black_box(sink);
    bytes as f64 * f64::from(rounds) / start.elapsed().as_secs_f64()
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.is_empty() {
        eprintln!("usage: throughput FILE_OR_FOLDER...");
        return ExitCode::from(2);
    }
    let mut paths = Vec::new();
    for a in &args {
        if let Err(e) = collect(Path::new(a), &mut paths) {
            eprintln!("throughput: cannot read {a}: {e}");
            return ExitCode::from(2);
        }
    }
    let docs: Vec<String> = paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    let bytes: usize = docs.iter().map(String::len).sum();
    if docs.is_empty() {
        eprintln!("throughput: no documents");
        return ExitCode::from(2);
    }
    println!("documents {}  bytes {}", docs.len(), bytes);
    // Warm up, then alternate so both share the machine's state.
    let _ = rate(&docs[..1], line_scan);
    let baseline = rate(&docs, line_scan);
    let words = rate(&docs, word_pass);
    let parse = rate(&docs, |d| {
        press_transcript::parse(d).map_or(0, |t| t.blocks.len())
    });
    println!("baseline {:.1} MB/s", baseline / 1e6);
    println!(
        "words    {:.1} MB/s (one pass over the characters)",
        words / 1e6
    );
    println!("parse    {:.1} MB/s", parse / 1e6);
    println!("words/baseline {:.5}", words / baseline);
    println!("parse/words {:.5}", parse / words);
    // The last line keeps its two decimals; the line before gives more.
    println!("parse/baseline {:.5}", parse / baseline);
    println!("ratio {:.2}", parse / baseline);
    ExitCode::SUCCESS
}
