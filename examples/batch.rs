//! Parses many documents in parallel and writes one JSON line each: the unit
//! a distributed engine runs.
//!
//! ```text
//! cargo run --release --example batch -- FOLDER > out.jsonl      # every file of a folder
//! zcat briefings.jsonl.gz | cargo run --release --example batch > out.jsonl
//! ```
//!
//! Input: the files of a folder, or JSON Lines on standard input, one
//! `{"id": …, "text": …}` object a line (the text field may be named
//! `text`, `content` or `body`). Output: JSON Lines on standard output,
//! `{"id": …, "transcript": {…}}`, in the input's order.
//!
//! A document that fails is reported on standard error with its error and
//! skipped; the exit status is non-zero only for I/O errors. A progress bar
//! shows on a terminal and not when standard error is piped. At the end,
//! documents/s and MB/s go to standard error.
//!
//! Threads: `-j N` or `RAYON_NUM_THREADS`; all cores by default.
//!
//! As a streaming filter it shards over machines with any tool that pipes
//! lines, e.g. GNU parallel:
//! `zcat big.jsonl.gz | parallel --pipe -N 500 ./batch > out.jsonl`, or
//! Spark's `rdd.pipe("./batch")`, or Hadoop Streaming with `-mapper batch`.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use std::io::{BufRead, BufWriter, IsTerminal, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

/// How many records are parsed together before they are written.
const CHUNK: usize = 256;

struct Doc {
    id: String,
    text: String,
}

/// Parses a chunk in parallel; returns the output lines (in order) and the
/// failures.
fn parse_chunk(docs: &[Doc]) -> Vec<Result<String, String>> {
    docs.par_iter()
        .map(|d| match press_transcript::parse(&d.text) {
            Ok(t) => {
                #[derive(serde::Serialize)]
                struct Line<'a> {
                    id: &'a str,
                    transcript: press_transcript::Transcript<'a>,
                }
                serde_json::to_string(&Line {
                    id: &d.id,
                    transcript: t,
                })
                .map_err(|e| format!("{}: {e}", d.id))
            }
            Err(e) => Err(format!("{}: {e}", d.id)),
        })
        .collect()
}

fn record(line: &str, n: usize) -> Result<Doc, String> {
    let v: serde_json::Value =
        serde_json::from_str(line).map_err(|e| format!("line {n}: not JSON: {e}"))?;
    let text = ["text", "content", "body"]
        .iter()
        .find_map(|k| v.get(*k).and_then(|t| t.as_str()))
        .ok_or_else(|| format!("line {n}: no text field"))?;
    let id = v.get("id").map_or_else(
        || n.to_string(),
        |i| i.as_str().map_or_else(|| i.to_string(), str::to_string),
    );
    Ok(Doc {
        id,
        text: text.to_string(),
    })
}

/// Counts for the closing report.
#[derive(Default)]
struct Stats {
    docs: usize,
    bytes: usize,
    failed: usize,
}

/// Parses a chunk and writes its lines; failures go to standard error.
fn flush(
    chunk: &mut Vec<Doc>,
    out: &mut impl Write,
    stats: &mut Stats,
    bar: &ProgressBar,
) -> std::io::Result<()> {
    for r in parse_chunk(chunk) {
        match r {
            Ok(line) => writeln!(out, "{line}")?,
            Err(e) => {
                stats.failed += 1;
                bar.suspend(|| eprintln!("batch: {e}"));
            }
        }
    }
    stats.docs += chunk.len();
    stats.bytes += chunk.iter().map(|d| d.text.len()).sum::<usize>();
    bar.set_position(stats.docs as u64);
    chunk.clear();
    Ok(())
}

/// Reads the input, parses it chunk by chunk, writes the output.
fn run(
    folder: Option<&PathBuf>,
    out: &mut impl Write,
    stats: &mut Stats,
    bar: &ProgressBar,
) -> std::io::Result<()> {
    let mut chunk: Vec<Doc> = Vec::with_capacity(CHUNK);
    if let Some(dir) = folder {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_file())
            .collect();
        paths.sort();
        for p in paths {
            let mut text = String::new();
            match std::fs::File::open(&p).and_then(|mut f| f.read_to_string(&mut text)) {
                Ok(_) => chunk.push(Doc {
                    id: p.display().to_string(),
                    text,
                }),
                Err(e) => {
                    stats.failed += 1;
                    bar.suspend(|| eprintln!("batch: {}: {e}", p.display()));
                }
            }
            if chunk.len() == CHUNK {
                flush(&mut chunk, out, stats, bar)?;
            }
        }
    } else {
        for (n, line) in std::io::stdin().lock().lines().enumerate() {
            let line = line?;
            if line.trim().is_empty() {
                continue;
            }
            match record(&line, n + 1) {
                Ok(d) => chunk.push(d),
                Err(e) => {
                    stats.failed += 1;
                    bar.suspend(|| eprintln!("batch: {e}"));
                }
            }
            if chunk.len() == CHUNK {
                flush(&mut chunk, out, stats, bar)?;
            }
        }
    }
    flush(&mut chunk, out, stats, bar)?;
    out.flush()
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let mut folder = None;
    while let Some(a) = args.next() {
        match a.as_str() {
            "-j" => {
                let n = args.next().and_then(|n| n.parse().ok()).unwrap_or(0);
                let _ = rayon::ThreadPoolBuilder::new()
                    .num_threads(n)
                    .build_global();
            }
            "-h" | "--help" => {
                println!("usage: batch [-j THREADS] [FOLDER]   (no folder: JSON Lines on stdin)");
                return ExitCode::SUCCESS;
            }
            _ => folder = Some(PathBuf::from(a)),
        }
    }
    let bar = if std::io::stderr().is_terminal() {
        ProgressBar::new_spinner()
    } else {
        ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden())
    };
    bar.set_style(
        ProgressStyle::with_template("{spinner} {pos} documents, {per_sec} [{elapsed}]")
            .expect("a valid template"),
    );
    let start = Instant::now();
    let mut stats = Stats::default();
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let result = run(folder.as_ref(), &mut out, &mut stats, &bar);
    bar.finish_and_clear();
    let secs = start.elapsed().as_secs_f64();
    eprintln!(
        "batch: {} documents ({} failed) in {secs:.2} s: {:.1} documents/s, {:.2} MB/s on {} thread(s)",
        stats.docs,
        stats.failed,
        stats.docs as f64 / secs,
        stats.bytes as f64 / 1e6 / secs,
        rayon::current_num_threads()
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("batch: I/O error: {e}");
            ExitCode::FAILURE
        }
    }
}
