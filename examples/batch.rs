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
use std::borrow::Cow;
use std::io::{BufRead, BufWriter, IsTerminal, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::mpsc::{SyncSender, sync_channel};
use std::time::Instant;

/// How many records the reader hands over at once: few, so that the pool
/// starts within milliseconds (256 long briefings kept it idle for the
/// ~50 ms that `zcat` takes to write them).
const CHUNK: usize = 16;

/// One input, as the reader hands it over: decoding a JSON line happens in
/// parallel with the parsing, not in the reading thread.
enum Input {
    /// Line `n` of standard input, its bytes (checked as UTF-8 while its
    /// JSON is decoded, in the pool).
    Line { n: usize, line: Vec<u8> },
    /// A file of the folder.
    File { id: String, text: String },
    /// A file of the folder that could not be read.
    Unreadable { id: String, error: String },
}

/// A document: its id and text.
struct Doc<'s> {
    id: Cow<'s, str>,
    text: Cow<'s, str>,
}

/// What became of one input: its text's length, and the output line or the
/// error.
type Outcome = (usize, Result<String, String>);

/// How many inputs may be in the pool's hands at once (bounding memory).
const IN_FLIGHT: usize = 4 * CHUNK;

fn parse_one(input: &Input) -> Outcome {
    let doc = match input {
        Input::Line { n, line } => match record(line, *n) {
            Ok(d) => d,
            Err(e) => return (0, Err(e)),
        },
        Input::File { id, text } => Doc {
            id: Cow::Borrowed(id),
            text: Cow::Borrowed(text),
        },
        Input::Unreadable { id, error } => return (0, Err(format!("{id}: {error}"))),
    };
    let len = doc.text.len();
    let out = match press_transcript::parse(&doc.text) {
        Ok(t) => {
            #[derive(serde::Serialize)]
            struct Line<'a> {
                id: &'a str,
                transcript: press_transcript::Transcript<'a>,
            }
            serde_json::to_string(&Line {
                id: &doc.id,
                transcript: t,
            })
            .map_err(|e| format!("{}: {e}", doc.id))
        }
        Err(e) => Err(format!("{}: {e}", doc.id)),
    };
    (len, out)
}

fn record(line: &[u8], n: usize) -> Result<Doc<'static>, String> {
    let mut v: serde_json::Value =
        serde_json::from_slice(line).map_err(|e| format!("line {n}: not JSON: {e}"))?;
    let id = v.get("id").map_or_else(
        || n.to_string(),
        |i| i.as_str().map_or_else(|| i.to_string(), str::to_string),
    );
    // The text is taken out of the record, not copied.
    let text = ["text", "content", "body"]
        .iter()
        .find_map(|k| match v.get_mut(*k).map(serde_json::Value::take) {
            Some(serde_json::Value::String(t)) => Some(t),
            _ => None,
        })
        .ok_or_else(|| format!("line {n}: no text field"))?;
    Ok(Doc {
        id: Cow::Owned(id),
        text: Cow::Owned(text),
    })
}

/// Counts for the closing report.
#[derive(Default)]
struct Stats {
    docs: usize,
    bytes: usize,
    failed: usize,
}

/// Reads the input into chunks and sends them on, until the input ends or
/// the receiver is gone; an I/O error is sent last.
fn read(folder: Option<PathBuf>, chunks: SyncSender<std::io::Result<Vec<Input>>>) {
    let mut chunk = Vec::with_capacity(CHUNK);
    let send = |chunk: &mut Vec<Input>| chunks.send(Ok(std::mem::take(chunk))).is_ok();
    let result = (|| -> std::io::Result<()> {
        if let Some(dir) = folder {
            let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_file())
                .collect();
            paths.sort();
            for p in paths {
                let mut text = String::new();
                let id = p.display().to_string();
                match std::fs::File::open(&p).and_then(|mut f| f.read_to_string(&mut text)) {
                    Ok(_) => chunk.push(Input::File { id, text }),
                    // A file that cannot be read is that file's failure.
                    Err(e) => chunk.push(Input::Unreadable {
                        id,
                        error: e.to_string(),
                    }),
                }
                if chunk.len() == CHUNK && !send(&mut chunk) {
                    return Ok(());
                }
            }
        } else {
            // Large reads: a few hundred calls for a whole archive's worth.
            let mut stdin = std::io::BufReader::with_capacity(1 << 20, std::io::stdin().lock());
            for n in 1.. {
                let mut line = Vec::new();
                if stdin.read_until(b'\n', &mut line)? == 0 {
                    break;
                }
                if line.iter().all(u8::is_ascii_whitespace) {
                    continue;
                }
                chunk.push(Input::Line { n, line });
                if chunk.len() == CHUNK && !send(&mut chunk) {
                    return Ok(());
                }
            }
        }
        Ok(())
    })();
    if !chunk.is_empty() {
        send(&mut chunk);
    }
    if let Err(e) = result {
        let _ = chunks.send(Err(e));
    }
}

/// Writes outcomes in input order as they arrive in any order.
struct InOrder<'w, W: Write> {
    out: &'w mut W,
    next: usize,
    waiting: std::collections::BTreeMap<usize, Outcome>,
}

impl<W: Write> InOrder<'_, W> {
    fn put(
        &mut self,
        at: usize,
        outcome: Outcome,
        stats: &mut Stats,
        bar: &ProgressBar,
    ) -> std::io::Result<()> {
        self.waiting.insert(at, outcome);
        while let Some((len, r)) = self.waiting.remove(&self.next) {
            self.next += 1;
            stats.docs += 1;
            stats.bytes += len;
            match r {
                Ok(line) => {
                    self.out.write_all(line.as_bytes())?;
                    self.out.write_all(b"\n")?;
                }
                Err(e) => {
                    stats.failed += 1;
                    bar.suspend(|| eprintln!("batch: {e}"));
                }
            }
        }
        bar.set_position(stats.docs as u64);
        Ok(())
    }
}

/// Hands every input to the thread pool as it comes and writes the lines
/// in the input's order; failures go to standard error. Reading runs in a
/// thread of its own, and no chunk waits for the slowest of the last: the
/// pool is kept busy to the end.
fn run(
    folder: Option<PathBuf>,
    out: &mut impl Write,
    stats: &mut Stats,
    bar: &ProgressBar,
) -> std::io::Result<()> {
    let (tx, rx) = sync_channel(2);
    let reader = std::thread::spawn(move || read(folder, tx));
    let (done_tx, done_rx) = std::sync::mpsc::channel::<(usize, Outcome)>();
    let mut writer = InOrder {
        out,
        next: 0,
        waiting: std::collections::BTreeMap::new(),
    };
    let mut sent = 0usize;
    for chunk in rx {
        for input in chunk? {
            while sent - writer.next - writer.waiting.len() >= IN_FLIGHT {
                let (at, outcome) = done_rx.recv().expect("a worker answers");
                writer.put(at, outcome, stats, bar)?;
            }
            let done = done_tx.clone();
            let at = sent;
            rayon::spawn(move || {
                let _ = done.send((at, parse_one(&input)));
            });
            sent += 1;
        }
    }
    drop(done_tx);
    while writer.next < sent {
        let (at, outcome) = done_rx.recv().expect("a worker answers");
        writer.put(at, outcome, stats, bar)?;
    }
    reader.join().expect("the reader does not panic");
    writer.out.flush()
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
    let result = run(folder, &mut out, &mut stats, &bar);
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
