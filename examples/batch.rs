//! Parses many documents in parallel and writes one JSON line each: the unit
//! a distributed engine runs (Spark's `rdd.pipe`, Hadoop Streaming, GNU
//! parallel). It needs nothing beyond the standard library and serde_json.
//!
//! ```text
//! zcat briefings.jsonl.gz | cargo run --release --example batch -- --errors=stdout > out.jsonl
//! cargo run --release --example batch -- FOLDER > out.jsonl      # every file of a folder
//! ```
//!
//! **Input**: JSON Lines on standard input, one `{"id": …, "text": …}`
//! object a line (the text may stand under `text`, `content` or `body`; a
//! byte-order mark at the start of a line is skipped), or the files of a
//! folder, each a document whose id is its path.
//!
//! **Output**, in the input's order: `{"id": …, "transcript": {…}}` for
//! each document. The id keeps its JSON type (a number stays a number); a
//! record without an id gets `"id": null` and its line number, `"line": N`.
//! A record that fails (not UTF-8, not JSON, no text, a text that is not a
//! string, a blank line, over the size limit, no turns, a panic in the
//! parser) is reported on standard error, naming its line and its id, with
//! control characters escaped. With `--errors=stdout` it is also written in
//! its place as `{"id": …, "error": {"code": …, "message": …}}`, so that
//! every input line has exactly one output line and a job can be checked
//! by counting.
//!
//! **Options**:
//! - `-j N` / `--threads N`: parsing threads (default: `BATCH_THREADS`, or
//!   all cores).
//! - `--errors=stdout|stderr`: where failed records go (default `stderr`).
//! - `--max-record-bytes N[K|M|G]`: a line longer than this is not read
//!   whole: it becomes a `too_large` error and reading skips to the next
//!   line (default [`MAX_RECORD_BYTES`]).
//! - `--fail-on-error`: exit with status 1 if any record failed (for
//!   Spark's `checkCode=True`); every record is still written.
//!
//! **Exit status**: 0, also when standard output is closed early (`| head`);
//! 1 for an I/O error or, with `--fail-on-error`, a failed record; 2 for a
//! usage error. A progress line shows on a terminal; at the end documents/s
//! and MB/s go to standard error.
//!
//! **Memory**: a reader thread, `N` parsing threads and the writer (the main
//! thread) hand records over through bounded channels, in small chunks
//! ([`CHUNK_RECORDS`]); a record counts against [`IN_FLIGHT_RECORDS`] and
//! [`IN_FLIGHT_BYTES`] from the moment it is read until its line is
//! written, so results that wait behind a slow record hold the reader back
//! instead of piling up. A line longer than `--max-record-bytes` is never
//! held whole: its first bytes (for the id) are kept, the rest is skipped.

use press_transcript::Transcript;
use serde::Serialize;
use serde_json::Value;
use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{self, BufRead, IsTerminal, Read, Write};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, SyncSender, channel, sync_channel};
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::time::{Duration, Instant};

/// The default of `--max-record-bytes`: 8 MiB, 80 times the longest of the
/// 1,152 White House briefings (104 KB), and small enough that the parse of
/// one such record on each core stays well within a machine's memory even
/// in the shapes that cost the parser most per byte.
pub const MAX_RECORD_BYTES: usize = 8 << 20;

/// How many records may be between being read and being written at once.
pub const IN_FLIGHT_RECORDS: usize = 64;

/// How many bytes of input the records between being read and being written
/// may hold together (a record is let in alone whatever its size, so one up
/// to the size limit always passes).
pub const IN_FLIGHT_BYTES: usize = 32 << 20;

/// The keys a record's text may stand under, tried in this order.
const TEXT_KEYS: [&str; 3] = ["text", "content", "body"];

/// How much of standard input is read at once (a few hundred reads for the
/// briefings instead of thousands).
const READ_BUFFER: usize = 1 << 20;

/// Records are handed to a parsing thread, and their results back to the
/// writer, in chunks of up to this many records or [`CHUNK_BYTES`] of input:
/// handing over each small record alone cost more than parsing it (400,000
/// two-line records: five futex calls and 19 µs of system time each). A
/// chunk is sent early when reading would wait for input or for the budget,
/// so a slow producer's records are not held back.
pub const CHUNK_RECORDS: usize = 16;

/// See [`CHUNK_RECORDS`]; a record of this size or more goes alone.
pub const CHUNK_BYTES: usize = 64 << 10;

/// Written lines are handed to standard output in batches of about this
/// size, and whenever no result has come for [`WRITE_AFTER`]; a line is
/// never split between two batches.
const WRITE_BATCH: usize = 64 << 10;

/// How long finished lines may wait for more before they are written: long
/// enough that small records go out many to a write instead of one each
/// (400,000 small records: a write each cost 8 s of system time), short
/// enough that a reader of the output sees a line soon after it is done.
const WRITE_AFTER: Duration = Duration::from_millis(5);

/// How often the progress line is redrawn on a terminal.
const PROGRESS_EVERY: Duration = Duration::from_millis(500);

/// The byte-order mark, skipped at the start of a line.
const BOM: &[u8] = "\u{feff}".as_bytes();

/// How a document is parsed: [`press_transcript::parse`], or a stand-in
/// (tests make one panic).
pub type ParseFn = for<'a> fn(&'a str) -> Result<Transcript<'a>, press_transcript::Error>;

/// Where failed records go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Errors {
    /// Standard error only: the output holds good documents only.
    Stderr,
    /// Standard error, and an error record in the document's place on
    /// standard output.
    Stdout,
}

/// What a run needs to know.
#[derive(Debug, Clone, Copy)]
pub struct Config {
    /// Parsing threads (at least one).
    pub threads: usize,
    /// Where failed records go.
    pub errors: Errors,
    /// A line longer than this (in bytes, without its newline) is an error.
    pub max_record_bytes: usize,
    /// Draw a progress line on standard error.
    pub progress: bool,
    /// How a document is parsed.
    pub parse: ParseFn,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            threads: 1,
            errors: Errors::Stderr,
            max_record_bytes: MAX_RECORD_BYTES,
            progress: false,
            parse: press_transcript::parse,
        }
    }
}

/// Where the documents come from.
pub enum Source<R> {
    /// JSON Lines.
    Lines(R),
    /// The files of a folder, in the order of their paths.
    Folder(PathBuf),
}

/// Counts for the closing report.
#[derive(Debug, Default, Clone, Copy)]
pub struct Summary {
    /// Records written (documents and failures).
    pub records: u64,
    /// Records that failed.
    pub failed: u64,
    /// Bytes of text parsed.
    pub text_bytes: u64,
    /// The most results that were ever finished and waiting for an earlier
    /// record before they could be written.
    pub peak_waiting: usize,
}

/// Why a record has no transcript: a short code for machines and a message
/// for people.
#[derive(Debug)]
struct Failure {
    code: &'static str,
    message: String,
}

impl Failure {
    fn new(code: &'static str, message: impl Into<String>) -> Self {
        Failure {
            code,
            message: message.into(),
        }
    }

    fn too_large(len: u64, limit: usize) -> Self {
        Failure::new(
            "too_large",
            format!(
                "the record is {len} bytes, over the limit of {limit} bytes; \
                 raise it with --max-record-bytes or split the document"
            ),
        )
    }

    /// The code and message of a parse that returned an error.
    fn parse(e: &press_transcript::Error) -> Self {
        use press_transcript::Error as E;
        let code = match e {
            E::Empty => "empty",
            E::TooLarge { .. } => "too_large",
            E::InvalidUtf8 { .. } => "not_utf8",
            E::NoTurns { .. } => "no_turns",
            _ => "parse_error",
        };
        Failure::new(code, e.to_string())
    }
}

// ---------------------------------------------------------------------------
// Reading: lines (or files) become jobs, each charged to the in-flight budget.

/// One record as the reader hands it over.
struct Job {
    /// Its place in the output.
    seq: u64,
    /// Its line of standard input, counting from 1 (none for a file).
    line: Option<u64>,
    body: Body,
    /// The bytes charged to the budget for it.
    charged: usize,
}

enum Body {
    /// A line of standard input, without its newline: decoded and checked
    /// (UTF-8, JSON) by a parsing thread, not by the reader.
    Line(Vec<u8>),
    /// A line over the size limit: its first bytes (where the id may
    /// stand) and its full length. The rest was skipped unread.
    Oversized { prefix: Vec<u8>, len: u64 },
    /// A file of the folder: its path, and its bytes or why there are none.
    File {
        id: String,
        bytes: Result<Vec<u8>, Failure>,
    },
}

impl Body {
    fn held_bytes(&self) -> usize {
        match self {
            Body::Line(b) | Body::Oversized { prefix: b, .. } => b.len(),
            Body::File { bytes, .. } => bytes.as_ref().map_or(0, Vec::len),
        }
    }
}

/// The records between being read and being written: the reader waits
/// while there are [`IN_FLIGHT_RECORDS`] of them or they hold
/// [`IN_FLIGHT_BYTES`], and the writer gives a record back once its line is
/// written. A waiting reader is woken once half the budget is free (or
/// nothing is held), not at every record given back: it then reads many
/// records in one go instead of being woken for each.
#[derive(Default)]
struct Budget {
    held: Mutex<Held>,
    freed: Condvar,
}

#[derive(Default)]
struct Held {
    records: usize,
    bytes: usize,
    stopped: bool,
    /// The reader is waiting for room.
    waiting: bool,
}

impl Held {
    /// Whether a record of `bytes` may be let in (one alone always may).
    fn has_room(&self, bytes: usize) -> bool {
        self.records == 0
            || (self.records < IN_FLIGHT_RECORDS && self.bytes + bytes <= IN_FLIGHT_BYTES)
    }
}

impl Budget {
    /// Counts a record of `bytes` in if there is room for it now.
    fn try_take(&self, bytes: usize) -> bool {
        let mut held = self.held.lock().unwrap_or_else(PoisonError::into_inner);
        if held.stopped || !held.has_room(bytes) {
            return false;
        }
        held.records += 1;
        held.bytes += bytes;
        true
    }

    /// Waits until a record of `bytes` may be let in and counts it; false
    /// once the run is stopping.
    fn take(&self, bytes: usize) -> bool {
        let mut held = self.held.lock().unwrap_or_else(PoisonError::into_inner);
        while !held.stopped && !held.has_room(bytes) {
            held.waiting = true;
            held = self
                .freed
                .wait(held)
                .unwrap_or_else(PoisonError::into_inner);
        }
        held.waiting = false;
        if held.stopped {
            return false;
        }
        held.records += 1;
        held.bytes += bytes;
        true
    }

    fn give_back(&self, bytes: usize) {
        let mut held = self.held.lock().unwrap_or_else(PoisonError::into_inner);
        held.records -= 1;
        held.bytes -= bytes;
        if held.waiting
            && (held.records <= IN_FLIGHT_RECORDS / 2 || held.bytes <= IN_FLIGHT_BYTES / 2)
        {
            held.waiting = false;
            self.freed.notify_one();
        }
    }

    fn stop(&self) {
        self.held
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .stopped = true;
        self.freed.notify_all();
    }
}

/// The reader's end: numbers the records, charges them to the budget and
/// hands them over in chunks.
struct Feed {
    jobs: SyncSender<Vec<Job>>,
    budget: Arc<Budget>,
    seq: u64,
    chunk: Vec<Job>,
    chunk_bytes: usize,
}

impl Feed {
    /// Adds a record to the chunk; false once nobody takes records any more.
    fn send(&mut self, line: Option<u64>, body: Body) -> bool {
        let charged = body.held_bytes();
        if !self.budget.try_take(charged) {
            // The records given back to make room may be in this chunk.
            if !self.flush() || !self.budget.take(charged) {
                return false;
            }
        }
        self.chunk.push(Job {
            seq: self.seq,
            line,
            body,
            charged,
        });
        self.seq += 1;
        self.chunk_bytes += charged;
        if self.chunk.len() >= CHUNK_RECORDS || self.chunk_bytes >= CHUNK_BYTES {
            return self.flush();
        }
        true
    }

    /// Hands the chunk over; false once nobody takes records any more.
    fn flush(&mut self) -> bool {
        if self.chunk.is_empty() {
            return true;
        }
        self.chunk_bytes = 0;
        self.jobs.send(std::mem::take(&mut self.chunk)).is_ok()
    }
}

/// Reads JSON Lines: a line is held whole only up to `limit` bytes; past
/// that, the rest of it is skipped without being kept.
fn read_lines(input: impl Read, limit: usize, feed: &mut Feed) -> io::Result<()> {
    let mut input = io::BufReader::with_capacity(READ_BUFFER, input);
    for n in 1.. {
        // Reading on may wait for input: what is read goes to work first.
        if input.buffer().is_empty() && !feed.flush() {
            break;
        }
        let mut buf = Vec::new();
        let got = (&mut input)
            .take(limit as u64 + 1)
            .read_until(b'\n', &mut buf)
            .map_err(|e| reading(e, n))?;
        if got == 0 {
            break;
        }
        let body = if buf.last() == Some(&b'\n') {
            buf.pop();
            Body::Line(buf)
        } else if got <= limit {
            Body::Line(buf) // the last line, without a newline
        } else {
            let rest = skip_line(&mut input).map_err(|e| reading(e, n))?;
            buf.truncate(limit);
            Body::Oversized {
                prefix: buf,
                len: got as u64 + rest,
            }
        };
        if !feed.send(Some(n), body) {
            break;
        }
    }
    feed.flush();
    Ok(())
}

/// Skips to the start of the next line, returning how many bytes it
/// skipped (the newline not counted).
fn skip_line(input: &mut impl BufRead) -> io::Result<u64> {
    let mut skipped = 0u64;
    loop {
        let buf = input.fill_buf()?;
        if buf.is_empty() {
            return Ok(skipped);
        }
        match buf.iter().position(|&b| b == b'\n') {
            Some(i) => {
                input.consume(i + 1);
                return Ok(skipped + i as u64);
            }
            None => {
                let len = buf.len();
                skipped += len as u64;
                input.consume(len);
            }
        }
    }
}

fn reading(e: io::Error, line: u64) -> io::Error {
    io::Error::new(e.kind(), format!("reading line {line}: {e}"))
}

/// Reads the files of a folder, in the order of their paths; a file over
/// the limit is not read.
fn read_folder(dir: &Path, limit: usize, feed: &mut Feed) -> io::Result<()> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    paths.sort();
    for path in paths {
        let bytes = match std::fs::metadata(&path) {
            Ok(m) if m.len() > limit as u64 => Err(Failure::too_large(m.len(), limit)),
            _ => std::fs::read(&path)
                .map_err(|e| Failure::new("unreadable", format!("cannot read the file: {e}"))),
        };
        let id = path.display().to_string();
        if !feed.send(None, Body::File { id, bytes }) {
            break;
        }
    }
    feed.flush();
    Ok(())
}

// ---------------------------------------------------------------------------
// Working: a job becomes the bytes of its output line, whatever happens.

/// What became of one record.
struct Outcome {
    seq: u64,
    charged: usize,
    text_len: usize,
    /// The output line with its newline (empty for a failure when failures
    /// go to standard error only).
    line: Vec<u8>,
    /// The line for standard error, escaped, when the record failed.
    complaint: Option<String>,
}

/// A document's output line.
#[derive(Serialize)]
struct DocumentLine<'a> {
    id: &'a Value,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<u64>,
    transcript: Transcript<'a>,
}

/// A failed record's output line.
#[derive(Serialize)]
struct ErrorLine<'a> {
    id: &'a Value,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<u64>,
    error: ErrorBody<'a>,
}

#[derive(Serialize)]
struct ErrorBody<'a> {
    code: &'a str,
    message: &'a str,
}

fn work(job: Job, config: &Config) -> Outcome {
    let Job {
        seq,
        line,
        body,
        charged,
    } = job;
    let mut id = Value::Null;
    let mut text_len = 0;
    // Whatever panics while a record is handled (decoding, parsing,
    // writing its JSON) is that record's failure.
    let result = in_record(|| {
        catch_unwind(AssertUnwindSafe(|| {
            let text;
            (id, text) = identify(body, config.max_record_bytes);
            let text = text?;
            text_len = text.len();
            document_line(&text, &id, line_field(&id, line), config.parse)
        }))
    })
    .unwrap_or_else(|_| {
        let what = LAST_PANIC
            .with(|p| p.borrow_mut().take())
            .unwrap_or_else(|| "panicked".into());
        let message = format!("the parser {what} (a bug: please report it with this record)");
        Err(Failure::new("panic", message))
    });
    let (out, complaint) = match result {
        Ok(out) => (out, None),
        Err(failure) => {
            let mut out = Vec::new();
            if config.errors == Errors::Stdout {
                let record = ErrorLine {
                    id: &id,
                    line: line_field(&id, line),
                    error: ErrorBody {
                        code: failure.code,
                        message: &failure.message,
                    },
                };
                serde_json::to_writer(&mut out, &record).expect("an error record is JSON");
                out.push(b'\n');
            }
            (out, Some(complaint(&id, line, &failure)))
        }
    };
    Outcome {
        seq,
        charged,
        text_len,
        line: out,
        complaint,
    }
}

/// The line number is written where there is no id to find a record by.
fn line_field(id: &Value, line: Option<u64>) -> Option<u64> {
    if id.is_null() { line } else { None }
}

/// A record's id (null when it has none) and its text, or why it has none.
fn identify(body: Body, limit: usize) -> (Value, Result<String, Failure>) {
    match body {
        Body::Line(bytes) => decode(&bytes),
        Body::Oversized { prefix, len } => {
            (id_in_prefix(&prefix), Err(Failure::too_large(len, limit)))
        }
        Body::File { id, bytes } => (
            Value::String(id),
            bytes.and_then(|b| {
                String::from_utf8(b).map_err(|e| not_utf8(e.as_bytes(), e.utf8_error()))
            }),
        ),
    }
}

/// Takes a line apart into its id (null when it has none, or when it is too
/// broken to tell) and its text.
fn decode(bytes: &[u8]) -> (Value, Result<String, Failure>) {
    let bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        let blank = "the line is blank; a record is one JSON object a line";
        return (Value::Null, Err(Failure::new("blank", blank)));
    }
    let s = match std::str::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => {
            let id = id_in_prefix(&bytes[..e.valid_up_to()]);
            return (id, Err(not_utf8(bytes, e)));
        }
    };
    let mut record: Value = match serde_json::from_str(s) {
        Ok(v) => v,
        Err(e) => {
            let failure = Failure::new("not_json", format!("not JSON: {e}"));
            return (id_in_prefix(bytes), Err(failure));
        }
    };
    let Value::Object(fields) = &mut record else {
        let message = format!("a record is a JSON object, not {}", kind(&record));
        return (Value::Null, Err(Failure::new("not_object", message)));
    };
    let id = fields.remove("id").unwrap_or(Value::Null);
    // The text is taken out of the record, not copied.
    let Some((key, text)) = TEXT_KEYS
        .iter()
        .find_map(|k| fields.remove(*k).map(|t| (k, t)))
    else {
        let message = "no text field: the text stands under `text` (or `content`, `body`)";
        return (id, Err(Failure::new("no_text", message)));
    };
    match text {
        Value::String(t) => (id, Ok(t)),
        other => {
            let message = format!("`{key}` is not a string but {}", kind(&other));
            (id, Err(Failure::new("text_not_string", message)))
        }
    }
}

fn not_utf8(bytes: &[u8], e: std::str::Utf8Error) -> Failure {
    let at = e.valid_up_to();
    Failure::new(
        "not_utf8",
        format!(
            "byte {at} (0x{:02X}) does not begin or continue a UTF-8 character; \
             the input must be UTF-8 (it may be Windows-1252, Latin-1 or UTF-16)",
            bytes[at]
        ),
    )
}

/// "a number", "an array": what a JSON value is, in words.
fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// The id of a record that cannot be read whole (too long, not UTF-8, not
/// JSON), when it stands whole among the fields before the point where the
/// record breaks off; null otherwise.
fn id_in_prefix(bytes: &[u8]) -> Value {
    fn ws(b: &[u8]) -> &[u8] {
        let n = b.iter().take_while(|c| c.is_ascii_whitespace()).count();
        &b[n..]
    }
    /// One JSON value at the start of `b`, and what follows it.
    fn value<'b, T: serde::Deserialize<'b>>(b: &'b [u8]) -> Option<(T, &'b [u8])> {
        let mut values = serde_json::Deserializer::from_slice(b).into_iter::<T>();
        let v = values.next()?.ok()?;
        Some((v, ws(&b[values.byte_offset()..])))
    }
    fn find(bytes: &[u8]) -> Option<Value> {
        let mut rest = ws(bytes).strip_prefix(b"{")?;
        loop {
            let (key, after) = value::<Cow<str>>(ws(rest))?;
            let after = ws(after.strip_prefix(b":")?);
            if key == "id" {
                // The id must be followed by the next field or the record's
                // end, so that a number broken off is not taken for the whole.
                let (id, after) = value::<Value>(after)?;
                return (after.starts_with(b",") || after.starts_with(b"}")).then_some(id);
            }
            let (serde::de::IgnoredAny, after) = value(after)?;
            rest = after.strip_prefix(b",")?;
        }
    }
    find(bytes.strip_prefix(BOM).unwrap_or(bytes)).unwrap_or(Value::Null)
}

/// Parses a text and writes its output line.
fn document_line(
    text: &str,
    id: &Value,
    line: Option<u64>,
    parse: ParseFn,
) -> Result<Vec<u8>, Failure> {
    let transcript = parse(text).map_err(|e| Failure::parse(&e))?;
    let mut out = Vec::with_capacity(3 * text.len() + 64);
    let record = DocumentLine {
        id,
        line,
        transcript,
    };
    serde_json::to_writer(&mut out, &record)
        .map_err(|e| Failure::new("internal", format!("writing the JSON failed: {e}")))?;
    out.push(b'\n');
    Ok(out)
}

thread_local! {
    /// Whether this thread is parsing a record (its panic is that record's).
    static IN_RECORD: Cell<bool> = const { Cell::new(false) };
    /// Where and why the last panic in a record happened.
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Runs `f` as the parse of one record: a panic in it is kept for the
/// record's error message instead of being printed.
fn in_record<T>(f: impl FnOnce() -> T) -> T {
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(|| {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if IN_RECORD.with(Cell::get) {
                let payload = info.payload();
                let message = payload
                    .downcast_ref::<&str>()
                    .copied()
                    .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
                    .unwrap_or("a panic");
                let place = info
                    .location()
                    .map(|l| format!(" at {}:{}:{}", l.file(), l.line(), l.column()))
                    .unwrap_or_default();
                let what = format!("panicked{place}: {message}");
                LAST_PANIC.with(|p| *p.borrow_mut() = Some(what));
            } else {
                default(info);
            }
        }));
    });
    IN_RECORD.with(|r| r.set(true));
    let out = f();
    IN_RECORD.with(|r| r.set(false));
    out
}

/// The line standard error gets for a failed record: its line, its id and
/// the message, with control characters escaped.
fn complaint(id: &Value, line: Option<u64>, failure: &Failure) -> String {
    let mut s = String::from("batch: ");
    if let Some(n) = line {
        let _ = write!(s, "line {n}");
    }
    if !id.is_null() {
        let sep = if line.is_some() { ", " } else { "" };
        let _ = write!(s, "{sep}id {id}");
    }
    let _ = write!(s, ": {}", failure.message);
    let mut s = escape_controls(&s).into_owned();
    s.push('\n');
    s
}

/// Writes control characters (C0, DEL, C1) and the bidirectional overrides
/// as `\u{…}`, so that text from the input can neither start a line of its
/// own nor drive a terminal.
fn escape_controls(s: &str) -> Cow<'_, str> {
    let escaped =
        |c: char| c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
    if !s.chars().any(escaped) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if escaped(c) {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A parsing thread: takes jobs until there are none, sends their outcomes.
fn worker(jobs: &Mutex<Receiver<Vec<Job>>>, done: &Sender<Vec<Outcome>>, config: &Config) {
    loop {
        let chunk = jobs.lock().unwrap_or_else(PoisonError::into_inner).recv();
        let Ok(chunk) = chunk else { return };
        let outcomes = chunk.into_iter().map(|job| work(job, config)).collect();
        if done.send(outcomes).is_err() {
            return;
        }
    }
}

// ---------------------------------------------------------------------------
// Writing: outcomes arrive in any order and leave in the input's.

/// Writes outcomes in the input's order, giving each record back to the
/// budget once its line is written.
fn write_in_order(
    done: &Receiver<Vec<Outcome>>,
    out: &mut impl Write,
    err: &mut impl Write,
    budget: &Budget,
    progress: bool,
) -> io::Result<Summary> {
    let mut summary = Summary::default();
    let mut waiting: BTreeMap<u64, Outcome> = BTreeMap::new();
    let mut next = 0u64;
    let mut pending: Vec<u8> = Vec::with_capacity(2 * WRITE_BATCH);
    let mut progress = progress.then(Progress::new);
    loop {
        let outcomes = match done.recv_timeout(WRITE_AFTER) {
            Ok(o) => o,
            Err(RecvTimeoutError::Timeout) => {
                // About to wait longer: what is written so far goes out.
                out.write_all(&pending)?;
                pending.clear();
                out.flush()?;
                match done.recv() {
                    Ok(o) => o,
                    Err(_) => break,
                }
            }
            Err(RecvTimeoutError::Disconnected) => break,
        };
        for outcome in outcomes {
            waiting.insert(outcome.seq, outcome);
        }
        while let Some(o) = waiting.remove(&next) {
            next += 1;
            summary.records += 1;
            summary.text_bytes += o.text_len as u64;
            // A line and its newline go out in one piece.
            pending.extend_from_slice(&o.line);
            if let Some(c) = &o.complaint {
                summary.failed += 1;
                if let Some(p) = &mut progress {
                    p.clear(err);
                }
                let _ = err.write_all(c.as_bytes());
            }
            budget.give_back(o.charged);
            if pending.len() >= WRITE_BATCH {
                out.write_all(&pending)?;
                pending.clear();
            }
        }
        // What is left waits for an earlier record.
        summary.peak_waiting = summary.peak_waiting.max(waiting.len());
        if let Some(p) = &mut progress {
            p.show(err, &summary);
        }
    }
    out.write_all(&pending)?;
    out.flush()?;
    if let Some(p) = &mut progress {
        p.clear(err);
    }
    Ok(summary)
}

/// A line on a terminal's standard error saying how far the run is.
struct Progress {
    start: Instant,
    last: Instant,
    shown: bool,
}

impl Progress {
    fn new() -> Self {
        let now = Instant::now();
        Progress {
            start: now,
            last: now,
            shown: false,
        }
    }

    fn show(&mut self, err: &mut impl Write, s: &Summary) {
        if self.last.elapsed() < PROGRESS_EVERY {
            return;
        }
        self.last = Instant::now();
        let rate = s.records as f64 / self.start.elapsed().as_secs_f64();
        let _ = write!(
            err,
            "\r\x1b[2Kbatch: {} documents ({} failed), {rate:.0}/s",
            s.records, s.failed
        );
        self.shown = true;
    }

    fn clear(&mut self, err: &mut impl Write) {
        if std::mem::take(&mut self.shown) {
            let _ = write!(err, "\r\x1b[2K");
        }
    }
}

/// Reads, parses on `config.threads` threads and writes, in the input's
/// order. Returns when everything is written, or at the first error writing
/// `out` (a closed pipe among them), leaving the other threads to stop.
pub fn run<R: Read + Send + 'static>(
    source: Source<R>,
    out: &mut impl Write,
    err: &mut impl Write,
    config: &Config,
) -> io::Result<Summary> {
    let budget = Arc::new(Budget::default());
    let (job_tx, job_rx) = sync_channel::<Vec<Job>>(config.threads);
    let (done_tx, done_rx) = channel::<Vec<Outcome>>();
    let mut feed = Feed {
        jobs: job_tx,
        budget: Arc::clone(&budget),
        seq: 0,
        chunk: Vec::with_capacity(CHUNK_RECORDS),
        chunk_bytes: 0,
    };
    let limit = config.max_record_bytes;
    let reader = std::thread::Builder::new()
        .name("batch-reader".into())
        .spawn(move || {
            match source {
                Source::Lines(input) => read_lines(input, limit, &mut feed),
                Source::Folder(dir) => read_folder(&dir, limit, &mut feed),
            }
            .map(|()| feed.seq)
        })?;
    let jobs = Arc::new(Mutex::new(job_rx));
    let mut workers = Vec::with_capacity(config.threads);
    for i in 0..config.threads.max(1) {
        let (jobs, done, config) = (Arc::clone(&jobs), done_tx.clone(), *config);
        workers.push(
            std::thread::Builder::new()
                .name(format!("batch-worker-{i}"))
                .spawn(move || worker(&jobs, &done, &config))?,
        );
    }
    drop(done_tx);
    let summary = match write_in_order(&done_rx, out, err, &budget, config.progress) {
        Ok(s) => s,
        Err(e) => {
            budget.stop();
            return Err(e);
        }
    };
    let lost = || io::Error::other("a thread of batch panicked outside a record");
    for w in workers {
        w.join().map_err(|_| lost())?;
    }
    let read = reader.join().map_err(|_| lost())??;
    if summary.records != read {
        let lost = read - summary.records;
        return Err(io::Error::other(format!(
            "{lost} record(s) were read but never written: a thread of batch failed"
        )));
    }
    Ok(summary)
}

// ---------------------------------------------------------------------------
// The command line.

const USAGE: &str = "usage: batch [-j THREADS] [--errors=stderr|stdout] [--max-record-bytes N[K|M|G]] [--fail-on-error] [FOLDER]
  With no FOLDER, reads JSON Lines ({\"id\": ..., \"text\": ...}) on standard input.
  -j, --threads N        parsing threads (default: BATCH_THREADS, or all cores)
  --errors=stdout        also write {\"id\", \"error\": {\"code\", \"message\"}} in a failed record's place
  --max-record-bytes N   a longer line is a too_large error, skipped unread (default 8M)
  --fail-on-error        exit 1 if any record failed";

/// What the command line asks for.
struct Cli {
    config: Config,
    folder: Option<PathBuf>,
    fail_on_error: bool,
}

/// Reads the arguments (and `BATCH_THREADS`); `Ok(None)` asks for the usage.
fn parse_args(
    args: impl IntoIterator<Item = String>,
    env_threads: Option<String>,
) -> Result<Option<Cli>, String> {
    let mut config = Config::default();
    let mut threads = None;
    let mut folder = None;
    let mut fail_on_error = false;
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n.to_string(), Some(v.to_string())),
            _ => match arg.strip_prefix("-j").filter(|v| !v.is_empty()) {
                Some(v) => ("-j".to_string(), Some(v.to_string())),
                None => (arg.clone(), None),
            },
        };
        let mut value = || {
            inline
                .clone()
                .or_else(|| args.next())
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match name.as_str() {
            "-j" | "--threads" => threads = Some(count(&value()?, &name)?),
            "--errors" => {
                config.errors = match value()?.as_str() {
                    "stdout" => Errors::Stdout,
                    "stderr" => Errors::Stderr,
                    v => return Err(format!("--errors is stdout or stderr, not `{v}`")),
                }
            }
            "--max-record-bytes" => config.max_record_bytes = bytes(&value()?)?,
            "--fail-on-error" => fail_on_error = true,
            "-h" | "--help" => return Ok(None),
            _ if arg.starts_with('-') => return Err(format!("unknown option `{arg}`")),
            _ if folder.is_none() => folder = Some(PathBuf::from(arg)),
            _ => return Err(format!("unexpected argument `{arg}`")),
        }
    }
    config.threads = match (threads, env_threads.filter(|v| !v.is_empty())) {
        (Some(n), _) => n,
        (None, Some(v)) => count(&v, "BATCH_THREADS")?,
        (None, None) => std::thread::available_parallelism().map_or(1, usize::from),
    };
    Ok(Some(Cli {
        config,
        folder,
        fail_on_error,
    }))
}

/// A count of threads: a whole number of at least 1.
fn count(v: &str, what: &str) -> Result<usize, String> {
    match v.parse() {
        Ok(n) if n > 0 => Ok(n),
        _ => Err(format!(
            "{what} is a number of threads (1 or more), not `{v}`"
        )),
    }
}

/// A size in bytes, with an optional K, M or G (powers of 1024).
fn bytes(v: &str) -> Result<usize, String> {
    let (digits, shift) = match v.char_indices().last() {
        Some((i, 'K' | 'k')) => (&v[..i], 10),
        Some((i, 'M' | 'm')) => (&v[..i], 20),
        Some((i, 'G' | 'g')) => (&v[..i], 30),
        _ => (v, 0),
    };
    digits
        .parse::<usize>()
        .ok()
        .filter(|&n| n > 0)
        .and_then(|n| n.checked_mul(1 << shift))
        .ok_or_else(|| format!("--max-record-bytes is a size such as 8M or 500000, not `{v}`"))
}

fn main() -> ExitCode {
    let cli = match parse_args(
        std::env::args().skip(1),
        std::env::var("BATCH_THREADS").ok(),
    ) {
        Ok(Some(cli)) => cli,
        Ok(None) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            let _ = writeln!(io::stderr(), "batch: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let mut config = cli.config;
    config.progress = io::stderr().is_terminal();
    let source = match cli.folder {
        Some(dir) => Source::Folder(dir),
        None => Source::Lines(io::stdin()),
    };
    let start = Instant::now();
    let result = run(source, &mut io::stdout().lock(), &mut io::stderr(), &config);
    let mut err = io::stderr();
    match result {
        Ok(s) => {
            debug_assert!(s.peak_waiting < IN_FLIGHT_RECORDS);
            let secs = start.elapsed().as_secs_f64();
            let _ = writeln!(
                err,
                "batch: {} documents ({} failed) in {secs:.2} s: {:.1} documents/s, {:.2} MB/s on {} thread(s)",
                s.records,
                s.failed,
                s.records as f64 / secs,
                s.text_bytes as f64 / 1e6 / secs,
                config.threads
            );
            if cli.fail_on_error && s.failed > 0 {
                let _ = writeln!(
                    err,
                    "batch: {} record(s) failed (--fail-on-error)",
                    s.failed
                );
                return ExitCode::FAILURE;
            }
            ExitCode::SUCCESS
        }
        // Whoever reads the output has stopped: nothing more to do.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(err, "batch: I/O error: {e}");
            ExitCode::FAILURE
        }
    }
}
