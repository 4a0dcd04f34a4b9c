//! What the benchmarks (and `examples/throughput.rs`) share: our written
//! fixtures, a corpus named by `PRESS_CORPUS`, and the line-scan baseline.

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The text of every `.txt` fixture under `tests/fixtures`, in a fixed order.
#[allow(dead_code)] // each target that includes this module uses some of it
pub fn fixtures() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures");
    let mut out = Vec::new();
    for dir in std::fs::read_dir(root).unwrap().flatten() {
        for f in std::fs::read_dir(dir.path()).unwrap().flatten() {
            if f.path().extension().is_some_and(|x| x == "txt") {
                out.push(std::fs::read_to_string(f.path()).unwrap());
            }
        }
    }
    out.sort();
    out
}

/// The documents of the corpus `PRESS_CORPUS` names: every file of a folder,
/// or the text field (`text`, `content` or `body`) of each record of a JSON
/// Lines file, gzipped (`.gz`) or not. Empty when the variable is unset;
/// a corpus that cannot be read stops the benchmark with the reason.
#[allow(dead_code)]
pub fn corpus() -> Vec<String> {
    let Ok(path) = std::env::var("PRESS_CORPUS") else {
        return Vec::new();
    };
    load(Path::new(&path), usize::MAX).unwrap_or_else(|e| panic!("PRESS_CORPUS={path}: {e}"))
}

/// The documents at `path`, at most `limit` of them: every file of a
/// folder, in name order, or the text field of each record of a JSON Lines
/// file (gzipped when its name ends in `.gz`).
#[allow(dead_code)]
pub fn load(path: &Path, limit: usize) -> std::io::Result<Vec<String>> {
    if path.is_dir() {
        let mut files: Vec<_> = std::fs::read_dir(path)?
            .flatten()
            .map(|e| e.path())
            .collect();
        files.sort();
        return Ok(files
            .iter()
            .filter(|f| f.is_file())
            .filter_map(|f| std::fs::read_to_string(f).ok())
            .take(limit)
            .collect());
    }
    let file = std::fs::File::open(path)?;
    let reader: Box<dyn Read> = if path.extension().is_some_and(|x| x == "gz") {
        Box::new(flate2::read::GzDecoder::new(file))
    } else {
        Box::new(file)
    };
    let mut out = Vec::new();
    for (n, line) in BufReader::new(reader).lines().enumerate() {
        if out.len() == limit {
            break;
        }
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let record: serde_json::Value = serde_json::from_str(&line).map_err(|e| {
            std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                format!("line {}: {e}", n + 1),
            )
        })?;
        let text = ["text", "content", "body"]
            .iter()
            .find_map(|k| record.get(*k).and_then(|v| v.as_str()));
        match text {
            Some(t) => out.push(t.to_string()),
            None => {
                return Err(std::io::Error::new(
                    std::io::ErrorKind::InvalidData,
                    format!("line {}: no text field", n + 1),
                ));
            }
        }
    }
    Ok(out)
}

/// The baseline: a memchr pass that splits the input into lines and counts
/// the non-blank ones.
#[allow(dead_code)]
pub fn line_scan(text: &str) -> usize {
    let bytes = text.as_bytes();
    let (mut count, mut start) = (0, 0);
    for end in memchr::memchr_iter(b'\n', bytes).chain(std::iter::once(bytes.len())) {
        count += usize::from(bytes[start..end].iter().any(|b| !b.is_ascii_whitespace()));
        start = end + 1;
    }
    count
}

/// The CPU time this thread has used so far.
#[cfg(unix)]
#[allow(dead_code)]
pub fn thread_cpu() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec, and the clock id is one
    // every Unix this runs on knows.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    assert_eq!(rc, 0, "clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed");
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

/// Elsewhere there is no per-thread clock: wall time stands in.
#[cfg(not(unix))]
#[allow(dead_code)]
pub fn thread_cpu() -> Duration {
    use std::sync::OnceLock;
    static START: OnceLock<std::time::Instant> = OnceLock::new();
    START.get_or_init(std::time::Instant::now).elapsed()
}

/// Takes `--first N` out of `args`: N, or every document when it is not
/// given; an error when N is not a number.
#[allow(dead_code)]
pub fn take_first(args: &mut Vec<String>) -> Result<usize, String> {
    let Some(i) = args.iter().position(|a| a == "--first") else {
        return Ok(usize::MAX);
    };
    let n = args
        .get(i + 1)
        .and_then(|n| n.parse().ok())
        .ok_or("--first needs a number of documents")?;
    args.drain(i..i + 2);
    Ok(n)
}

/// The `.txt`/`.md`/`.html` files under `path` (a folder, in name order,
/// its folders too), or `path` itself when it is a file.
fn files(path: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    if !path.is_dir() {
        out.push(path.to_path_buf());
        return Ok(());
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(path)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for e in entries {
        let text = e
            .extension()
            .is_some_and(|x| x == "txt" || x == "md" || x == "html");
        if e.is_dir() || text {
            files(&e, out)?;
        }
    }
    Ok(())
}

/// The documents `args` name, in order, at most `first`, each with a name:
/// a folder's text files (their paths), a file alone, or the records of a
/// JSON Lines file, gzipped or not (`FILE#N`).
#[allow(dead_code)]
pub fn named_documents(args: &[String], first: usize) -> std::io::Result<Vec<(String, String)>> {
    let mut docs = Vec::new();
    for a in args {
        let mut paths = Vec::new();
        files(Path::new(a), &mut paths)?;
        for p in paths {
            let name = p.display().to_string();
            if name.ends_with(".jsonl") || name.ends_with(".jsonl.gz") {
                let records = load(&p, first.saturating_sub(docs.len()))?;
                docs.extend(
                    records
                        .into_iter()
                        .enumerate()
                        .map(|(i, d)| (format!("{name}#{}", i + 1), d)),
                );
            } else {
                docs.push((name, std::fs::read_to_string(&p)?));
            }
        }
    }
    docs.truncate(first);
    Ok(docs)
}
