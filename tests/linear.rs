//! Linear time on hostile inputs: every generator of `common::hostile`
//! (each once quadratic, issue 17) is parsed at a small size and at ten
//! times that, and the time may grow at most [`MAX_GROWTH`] times: linear
//! work grows about 10x, a search to the end of the input at every
//! occurrence of a byte about 100x.
//!
//! Time is the thread's CPU time on Linux (`CLOCK_THREAD_CPUTIME_ID`), so
//! that other processes on a busy
//! machine count for little, and wall time elsewhere; each size is the best
//! of [`RUNS`] runs. `LINEAR_SIZE` sets the small size in bytes (default
//! [`SIZE`]).

mod common;

use common::hostile::{ALL, Hostile, Reader};
use std::time::Instant;

/// The most the time may grow from the small input to one ten times bigger.
const MAX_GROWTH: f64 = 20.0;
/// The small size, in bytes: the big one is ten times this.
const SIZE: usize = 100_000;
/// Runs per size; the best counts.
const RUNS: usize = 3;

/// Nanoseconds of CPU time this thread has used, or of wall time since
/// `start` where the system does not say.
#[cfg(target_os = "linux")]
fn now(start: Instant) -> u128 {
    /// `struct timespec` on Linux.
    #[repr(C)]
    struct Timespec {
        sec: i64,
        nsec: std::ffi::c_long,
    }
    unsafe extern "C" {
        fn clock_gettime(clock: i32, ts: *mut Timespec) -> i32;
    }
    /// `CLOCK_THREAD_CPUTIME_ID` on Linux.
    const THREAD_CPU: i32 = 3;
    let mut ts = Timespec { sec: 0, nsec: 0 };
    // SAFETY: `ts` is a valid, writable timespec for the call's duration.
    if unsafe { clock_gettime(THREAD_CPU, &mut ts) } == 0 {
        ts.sec as u128 * 1_000_000_000 + ts.nsec as u128
    } else {
        start.elapsed().as_nanos()
    }
}

#[cfg(not(target_os = "linux"))]
fn now(start: Instant) -> u128 {
    start.elapsed().as_nanos()
}

fn parse(reader: Reader, input: &str) {
    match reader {
        Reader::Auto => {
            let t = press_transcript::parse(input);
            std::hint::black_box(&t);
        }
        #[cfg(feature = "html")]
        Reader::Html => {
            let t = press_transcript::parse_html(input);
            std::hint::black_box(&t);
        }
        #[cfg(not(feature = "html"))]
        Reader::Html => unreachable!("skipped without the html feature"),
    }
}

/// The best of [`RUNS`] times of parsing `input`, in nanoseconds.
fn best(reader: Reader, input: &str) -> u128 {
    let start = Instant::now();
    (0..RUNS)
        .map(|_| {
            let before = now(start);
            parse(reader, input);
            now(start) - before
        })
        .min()
        .unwrap_or(0)
        .max(1)
}

/// How many times the time grows from `size` bytes to ten times that.
fn growth(h: &Hostile, size: usize) -> f64 {
    let small = (h.make)(size);
    let big = (h.make)(size * 10);
    let (a, b) = (best(h.reader, &small), best(h.reader, &big));
    let g = b as f64 / a as f64;
    eprintln!(
        "{:<32} {:>9} B {:>9.1} ms  {:>9} B {:>9.1} ms  growth {g:>5.1}x",
        h.name,
        small.len(),
        a as f64 / 1e6,
        big.len(),
        b as f64 / 1e6
    );
    g
}

fn size() -> usize {
    std::env::var("LINEAR_SIZE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(SIZE)
}

#[test]
fn every_hostile_input_parses_in_linear_time() {
    let size = size();
    let mut slow = Vec::new();
    for h in ALL {
        if h.reader == Reader::Html && !cfg!(feature = "html") {
            eprintln!("{}: skipped (needs the html feature)", h.name);
            continue;
        }
        let g = growth(h, size);
        if g > MAX_GROWTH {
            slow.push(format!("{} ({}): {g:.1}x", h.name, h.search));
        }
    }
    assert!(
        slow.is_empty(),
        "time grew more than {MAX_GROWTH}x from {size} bytes to ten times that: {slow:#?}"
    );
}
