//! What parsing costs on lines that hold no date, to check that the date
//! line grammar's fast path (`may_hold_date`) keeps them cheap.
//!
//! ```text
//! cargo run --release -p press-transcript-perf --example dateless [-- ROUNDS]
//! ```
//!
//! Builds a document of about 1 MB of labelled and dash-led turns full of
//! numbers that are no dates (scores `3-2`, versions `v2.10.3`, phone
//! numbers, prices, chapter and section numbers, clock times, amounts
//! such as `3000`, a speaker cut off before a dash, a stage direction in
//! brackets before one) and years in speech (`In 2019 we had`), each varied
//! by a counter that never makes a year, then parses it ROUNDS times (default 20). Prints the best and the
//! median nanoseconds a byte in wall time and in the thread's CPU time
//! (Linux's `/proc/thread-self/schedstat`; wall time elsewhere). To compare
//! two versions, build this example in each and run them in turn, in one
//! session, on the same machine.

use std::time::Instant;

/// The lines the document repeats: no date in any of them.
const LINES: &[&str] = &[
    "MR. SMITH: The final score was 3-2, and we won the sets 6-4, 6-3 after {n} games.",
    "Q: Is version v2.10.3 out yet, or still 2.9.{n}?",
    "A: Call +1 (555) 010-2030 or 0912.345.678, extension {n}.",
    "- It costs $19.99, or 19,99 €, or R$ 2.020,00 for {n} copies.",
    "SPEAKER 5: Chapter 12, section 1.2.{n}, says support runs 24/7.",
    "THE PRESIDENT: Well, I think —",
    "MS. JONES: (Laughter) —",
    "- We met at 10.30 on floor {n} with about 3000 people, 25 of them from abroad.",
    "Q: Kapitel 3.2.1 und Seite {n}: Endstand 3:2, Preis 1.999,00 €?",
    "A: Tỷ số 3-2, giá 2.020.000 đồng, phiên bản 2.10.{n}.",
    "MADAME DURAND : Le score final est de 3-2, au chapitre {n}.",
    "- Resultado: 3-2, capítulo 20, teléfono 91 123 45 {n}.",
    // Years in speech: these pass the fast path and are tried as date
    // lines in every language, today as before.
    "MR. SMITH: In 2019 we had {n} games, and in 2020 fewer.",
    "Q: Was that before the 2008 crisis, page {n}?",
];

/// A document of about `size` bytes of [`LINES`], each with its counter.
fn document(size: usize) -> String {
    let mut out = String::from("A long interview\n\n");
    let mut i = 0usize;
    while out.len() < size {
        for l in LINES {
            // Two digits at most: a counter never makes a year.
            out.push_str(&l.replace("{n}", &(i % 97).to_string()));
            out.push('\n');
            i += 1;
        }
    }
    out
}

/// The CPU time this thread has used, in nanoseconds, where Linux says it.
fn thread_cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(20)
        .max(1);
    let doc = document(1_000_000);
    let bytes = doc.len() as f64;
    // Warm up: the tables, the allocator.
    let t = press_transcript::parse(&doc).expect("turns");
    assert!(
        t.dateline.is_none(),
        "a date line in a document without one"
    );
    let (mut wall, mut cpu) = (Vec::new(), Vec::new());
    for _ in 0..rounds {
        let c0 = thread_cpu_ns();
        let w0 = Instant::now();
        let t = press_transcript::parse(std::hint::black_box(&doc));
        std::hint::black_box(&t);
        wall.push(w0.elapsed().as_nanos() as f64 / bytes);
        if let (Some(a), Some(b)) = (c0, thread_cpu_ns()) {
            cpu.push((b - a) as f64 / bytes);
        }
    }
    let best = |v: &[f64]| v.iter().copied().fold(f64::MAX, f64::min);
    println!("bytes {}  rounds {rounds}", doc.len());
    println!(
        "wall ns/byte  best {:.2}  median {:.2}",
        best(&wall),
        median(wall.clone())
    );
    if !cpu.is_empty() {
        println!(
            "cpu  ns/byte  best {:.2}  median {:.2}",
            best(&cpu),
            median(cpu.clone())
        );
    }
}
