//! Linear time, shown: inputs of 1 KB, 10 KB, 100 KB, 1 MB, 10 MB and
//! 100 MB built by repeating and varying our fixtures, and adversarial
//! shapes (a single 10 MB line, a million one-character lines, 100 000
//! labels), each also at a tenth of its size so that its own growth shows.
//! Prints the time per byte of each, the spread over the sizes, the growth
//! of each shape from a tenth to its full size, and the spread over
//! everything; fails when the sizes spread more than 1.5x or a shape's
//! time per byte grows more than 2x (issue 14's bounds; shapes differ
//! from each other by what their bytes are, which is not growth). Then the hostile
//! inputs of issue 17 (`tests/common/hostile.rs`, each once quadratic) at
//! 100 KB and 1 MB, with their growth; fails when one grows more than 20x.
//!
//! `cargo bench --bench series` (add `-- --quick` to stop at 10 MB).

mod common;
#[path = "../../tests/common/hostile.rs"]
mod hostile;

use common::{fixtures, thread_cpu};

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

/// The least and the most of `costs`.
fn spread(costs: &[f64]) -> (f64, f64) {
    costs
        .iter()
        .fold((f64::MAX, 0f64), |(lo, hi), &c| (lo.min(c), hi.max(c)))
}

/// Seconds per byte of parsing `input`, in thread CPU time (what other
/// processes on the machine do does not count), best of several runs:
/// about 20 MB parsed in all (so that a small input's best is not one
/// noisy run), never fewer than three runs nor more than a thousand.
fn per_byte(input: &str) -> f64 {
    let runs = (20_000_000 / input.len().max(1)).clamp(3, 1000);
    let mut best = f64::MAX;
    for _ in 0..runs {
        let start = thread_cpu();
        let t = press_transcript::parse(input);
        std::hint::black_box(&t);
        best = best.min((thread_cpu() - start).as_secs_f64());
    }
    best / input.len() as f64
}

/// The most the time per byte may differ between sizes from 10 KB up.
const SIZES_SPREAD: f64 = 1.5;
/// The most a shape's time per byte may grow as it grows tenfold.
const SHAPE_GROWTH: f64 = 2.0;

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
    let (lo, hi) = spread(&costs);
    println!("sizes: spread {:.2}x", hi / lo);
    let mut nonlinear = hi / lo > SIZES_SPREAD;
    type Shape = (&'static str, fn(usize) -> String, usize);
    let shapes: [Shape; 3] = [
        (
            "a 10 MB line",
            |n| "Word after word, a sentence that never ends. ".repeat(n),
            230_000,
        ),
        (
            "a million one-character lines",
            |n| "a\n".repeat(n),
            1_000_000,
        ),
        (
            "100 000 labels",
            |n| {
                (0..n)
                    .map(|i| format!("SPEAKER {}: Line {i}.\n", i % 997))
                    .collect()
            },
            100_000,
        ),
    ];
    for (name, make, n) in shapes {
        let tenth = per_byte(&make(n / 10));
        let doc = make(n);
        let c = per_byte(&doc);
        println!(
            "{:>12} {:>12.2} {:>10.1}  {name} (a tenth of it: {:.2} ns/byte, growth {:.2}x)",
            doc.len(),
            c * 1e9,
            1e-6 / c,
            tenth * 1e9,
            c / tenth
        );
        nonlinear |= c / tenth > SHAPE_GROWTH;
        costs.push(c);
    }
    let (lo, hi) = spread(&costs);
    println!(
        "spread {:.2}x (slowest per byte over fastest, shapes included)",
        hi / lo
    );
    if nonlinear {
        eprintln!(
            "series: the sizes' time per byte spreads more than {SIZES_SPREAD}x, or a shape's grows more than {SHAPE_GROWTH}x"
        );
        std::process::exit(1);
    }
    let mut quadratic = false;
    for h in hostile::ALL {
        if h.reader != hostile::Reader::Auto {
            // parse_html needs the library's `html` feature, which this
            // package does not turn on; tests/linear.rs times it.
            continue;
        }
        let tenth = per_byte(&(h.make)(100_000));
        let doc = (h.make)(1_000_000);
        let c = per_byte(&doc);
        let growth = 10.0 * c / tenth;
        println!(
            "{:>12} {:>12.2} {:>10.1}  hostile: {} [{}] (100 KB: {:.2} ns/byte, growth {growth:.1}x)",
            doc.len(),
            c * 1e9,
            1e-6 / c,
            h.name,
            h.search,
            tenth * 1e9,
        );
        quadratic |= growth > 20.0;
    }
    if quadratic {
        eprintln!("series: a hostile input's time grew more than 20x over ten times the size");
        std::process::exit(1);
    }
}
