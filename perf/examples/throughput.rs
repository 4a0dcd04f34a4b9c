//! Measures parsing throughput against a peer parser, in one process.
//!
//! ```text
//! cargo run --release --example throughput -- [--first N] FILE_OR_FOLDER...
//! ```
//!
//! Reads every `.txt`/`.md`/`.html` file of a folder, a file named alone,
//! or the text of each record of a JSON Lines file (`.jsonl`, gzipped when
//! it ends in `.gz`); `--first N` keeps the first N documents. Then, in
//! interleaved rounds so that all share the machine's state, it times four
//! passes over the same documents, single-threaded:
//!
//! - `lines`: a `memchr` pass counting the non-blank lines (context: what
//!   not reading the characters costs);
//! - `words`: `split_whitespace().count()`, one pass over every character;
//! - `cmark`: pulldown-cmark's `Parser::new` (CommonMark, no extensions),
//!   every event drawn, the peer: a mature parser that also reads every
//!   character and builds a document's structure;
//! - `parse`: `press_transcript::parse`.
//!
//! Each rate is given in thread CPU time (what this thread spent, whatever
//! else the machine ran) and in wall time. The last line is
//! `ratio X`: parse's rate over pulldown-cmark's, in thread CPU time.

// The documents' loader and the line scan are the benchmarks' own.
#[path = "../benches/common/mod.rs"]
mod common;

use common::{line_scan, named_documents, take_first, thread_cpu};
use std::process::ExitCode;
use std::time::{Duration, Instant};

/// How long the whole measurement runs at least, in thread CPU time.
const MIN_TIME: Duration = Duration::from_secs(8);

/// How long one contender's share of one round lasts at least: a fast pass
/// is repeated within its round until it does, so that the clock's
/// resolution and the call's overhead do not weigh.
const MIN_SHARE: Duration = Duration::from_millis(40);

/// A pass that reads every character: the words, counted.
fn words(text: &str) -> usize {
    text.split_whitespace().count()
}

/// The peer: every event of a CommonMark parse.
fn cmark(text: &str) -> usize {
    pulldown_cmark::Parser::new(text).count()
}

/// The parser measured: blocks made.
fn parse(text: &str) -> usize {
    press_transcript::parse(text).map_or(0, |t| t.blocks.len())
}

/// One contender and what it has spent so far.
struct Contender {
    name: &'static str,
    what: &'static str,
    pass: fn(&str) -> usize,
    /// Passes over all documents per round.
    repeat: u32,
    passes: u64,
    cpu: Duration,
    wall: Duration,
}

impl Contender {
    fn new(name: &'static str, what: &'static str, pass: fn(&str) -> usize) -> Self {
        Contender {
            name,
            what,
            pass,
            repeat: 1,
            passes: 0,
            cpu: Duration::ZERO,
            wall: Duration::ZERO,
        }
    }

    /// Runs `repeat` passes over the documents; the thread CPU time spent.
    fn run(&mut self, docs: &[String]) -> Duration {
        let (cpu0, wall0) = (thread_cpu(), Instant::now());
        let mut sink = 0usize;
        for _ in 0..self.repeat {
            for d in docs {
                sink = sink.wrapping_add((self.pass)(std::hint::black_box(d)));
            }
        }
        std::hint::black_box(sink);
        let cpu = thread_cpu() - cpu0;
        self.wall += wall0.elapsed();
        self.cpu += cpu;
        self.passes += u64::from(self.repeat);
        cpu
    }

    /// Bytes per second in thread CPU time and in wall time.
    fn rates(&self, bytes: usize) -> (f64, f64) {
        let total = bytes as f64 * self.passes as f64;
        (
            total / self.cpu.as_secs_f64(),
            total / self.wall.as_secs_f64(),
        )
    }
}

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let first = match take_first(&mut args) {
        Ok(n) => n,
        Err(e) => {
            eprintln!("throughput: {e}");
            return ExitCode::from(2);
        }
    };
    if args.is_empty() {
        eprintln!("usage: throughput [--first N] FILE_OR_FOLDER...");
        return ExitCode::from(2);
    }
    let docs: Vec<String> = match named_documents(&args, first) {
        Ok(d) if !d.is_empty() => d.into_iter().map(|(_, text)| text).collect(),
        Ok(_) => {
            eprintln!("throughput: no documents");
            return ExitCode::from(2);
        }
        Err(e) => {
            eprintln!("throughput: cannot read the documents: {e}");
            return ExitCode::from(2);
        }
    };
    let bytes: usize = docs.iter().map(String::len).sum();
    println!("documents {}  bytes {}", docs.len(), bytes);

    let mut contenders = [
        Contender::new("lines", "memchr, non-blank lines", line_scan),
        Contender::new("words", "split_whitespace, every character", words),
        Contender::new("cmark", "pulldown-cmark 0.13, every event", cmark),
        Contender::new("parse", "press_transcript::parse", parse),
    ];
    // Calibrate: a fast pass repeats until its share of a round is long
    // enough. The calibration runs are not counted.
    for c in &mut contenders {
        let once = c.run(&docs).max(Duration::from_micros(1));
        c.repeat = (MIN_SHARE.as_secs_f64() / once.as_secs_f64()).ceil() as u32;
        c.repeat = c.repeat.max(1);
        (c.passes, c.cpu, c.wall) = (0, Duration::ZERO, Duration::ZERO);
    }
    let start = thread_cpu();
    let mut rounds = 0;
    while rounds < 3 || thread_cpu() - start < MIN_TIME {
        for c in &mut contenders {
            c.run(&docs);
        }
        rounds += 1;
    }

    println!("rounds {rounds}  (MB/s in thread CPU time, then wall time)");
    for c in &contenders {
        let (cpu, wall) = c.rates(bytes);
        println!(
            "{:<6} {:>9.1} cpu {:>9.1} wall  ({})",
            c.name,
            cpu / 1e6,
            wall / 1e6,
            c.what
        );
    }
    let rate = |name: &str| {
        contenders
            .iter()
            .find(|c| c.name == name)
            .map_or(f64::NAN, |c| c.rates(bytes).0)
    };
    println!("parse/words {:.5}", rate("parse") / rate("words"));
    println!("parse/lines {:.5}", rate("parse") / rate("lines"));
    println!("ratio {:.2}", rate("parse") / rate("cmark"));
    ExitCode::SUCCESS
}
