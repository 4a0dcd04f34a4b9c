//! Linear time, shown: inputs of 1 KB, 10 KB, 100 KB, 1 MB, 10 MB and
//! 100 MB built by repeating and varying our fixtures, and adversarial
//! shapes (a single 10 MB line, a million one-character lines, 100 000
//! labels). Prints the time per byte of each, and fails when the slowest
//! size of the series costs more than twice the fastest per byte.
//!
//! `cargo bench --bench series` (add `-- --quick` to stop at 10 MB).

mod common;

use common::fixtures;
use std::time::Instant;

/// A document of about `size` bytes: the fixtures' turns, varied by a
/// counter so that no paragraph repeats, under one header.
fn document(fixtures: &[String], size: usize) -> String {
    let mut out = String::from("A long interview\n\nThứ Năm, 12/09/2019, 23:06 [GMT+7]\n\n");
    let mut i = 0usize;
    'outer: loop {
        for f in fixtures {
            for line in f
                .lines()
                .filter(|l| l.starts_with("- ") || l.starts_with("Q:") || l.starts_with("A:"))
            {
                out.push_str(line);
                out.push_str(&format!(" ({i})\n"));
                i += 1;
                if out.len() >= size {
                    break 'outer;
                }
            }
        }
        if i == 0 {
            out.push_str("- Why?\n- Because.\n");
        }
    }
    out
}

/// Seconds per byte of parsing `input`, best of a few runs.
fn per_byte(input: &str) -> f64 {
    let runs = if input.len() > 20_000_000 {
        1
    } else if input.len() > 2_000_000 {
        2
    } else {
        5
    };
    let mut best = f64::MAX;
    for _ in 0..runs {
        let start = Instant::now();
        let t = press_transcript::parse(input);
        std::hint::black_box(&t);
        best = best.min(start.elapsed().as_secs_f64());
    }
    best / input.len() as f64
}

fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    let fx = fixtures();
    let sizes: &[usize] = if quick {
        &[1_000, 10_000, 100_000, 1_000_000, 10_000_000]
    } else {
        &[1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000]
    };
    let mut costs = Vec::new();
    println!("{:>12} {:>12} {:>10}", "bytes", "ns/byte", "MB/s");
    for &s in sizes {
        let doc = document(&fx, s);
        let c = per_byte(&doc);
        println!("{:>12} {:>12.2} {:>10.1}", doc.len(), c * 1e9, 1e-6 / c);
        if doc.len() >= 10_000 {
            // Below 10 KB, fixed costs (tables, allocation) dominate.
            costs.push(c);
        }
    }
    let adversarial = [
        (
            "a 10 MB line",
            "Word after word, a sentence that never ends. ".repeat(230_000),
        ),
        ("a million one-character lines", "a\n".repeat(1_000_000)),
        (
            "100 000 labels",
            (0..100_000)
                .map(|i| format!("SPEAKER {}: Line {i}.\n", i % 997))
                .collect(),
        ),
    ];
    for (name, doc) in &adversarial {
        let c = per_byte(doc);
        println!(
            "{:>12} {:>12.2} {:>10.1}  {name}",
            doc.len(),
            c * 1e9,
            1e-6 / c
        );
        costs.push(c);
    }
    let (lo, hi) = costs
        .iter()
        .fold((f64::MAX, 0f64), |(lo, hi), &c| (lo.min(c), hi.max(c)));
    println!("spread {:.2}x (slowest per byte over fastest)", hi / lo);
    if hi / lo > 2.0 {
        eprintln!("series: time per byte varies by more than 2x");
        std::process::exit(1);
    }
}
