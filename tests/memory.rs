//! Bounded memory, measured with a counting allocator on documents built
//! from our fixtures' turns: dash-led and `Q:`/`A:` turns (as
//! `benches/series.rs` builds them), and labelled briefing turns written
//! with two spaces after each sentence (every paragraph's cleaned text is
//! then a string of its own). At its peak the parse holds under 2.5 times
//! the input's size beyond the input: well under the 4x in all that issue
//! 5 asks of `structure` on 100 MB.
//!
//! Where the paragraphs are tiny (a turn of three letters, a line of one),
//! the records a paragraph needs outweigh its text: there the bound is so
//! many bytes a paragraph, whatever the paragraphs hold.

mod common;
#[path = "common/counting.rs"]
mod counting;

use counting::{Counting, NOW, PEAK};
use std::sync::atomic::Ordering::Relaxed;

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// The text fixtures' lines that open turns with `keep`, numbered so that
/// none repeats, to about `size` bytes.
fn document(size: usize, keep: fn(&str) -> bool) -> String {
    // The fixtures of the shapes this bound was set for, in a fixed order:
    // fixtures added later for other purposes do not change the document.
    let mut fixtures: Vec<_> = common::fixtures()
        .into_iter()
        .filter(|(path, _)| {
            path.extension().is_some_and(|x| x == "txt")
                && path.parent().and_then(|d| d.file_name()).is_some_and(|d| {
                    ["dash", "labelled", "shapes", "briefing", "html"]
                        .iter()
                        .any(|k| d == *k)
                })
        })
        .collect();
    fixtures.sort_by(|a, b| a.0.cmp(&b.0));
    let lines: Vec<String> = fixtures
        .into_iter()
        .flat_map(|(_, text)| {
            text.lines()
                .filter(|l| keep(l))
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(!lines.is_empty());
    let mut out = String::from("A long interview\n\n");
    let mut i = 0;
    while out.len() < size {
        out.push_str(&format!("{} ({i})\n", lines[i % lines.len()]));
        i += 1;
    }
    out
}

/// The most heap `parse` holds beyond what was held before, in bytes.
fn peak(input: &str) -> usize {
    let before = NOW.load(Relaxed);
    PEAK.store(before, Relaxed);
    let t = press_transcript::parse(input).expect("a transcript");
    assert!(!t.turns.is_empty());
    let peak = PEAK.load(Relaxed) - before;
    drop(t);
    peak
}

/// The most heap `parse` holds beyond what was held before, over the
/// input's size.
fn peak_over_input(input: &str) -> f64 {
    peak(input) as f64 / input.len() as f64
}

const SIZE: usize = 4_000_000;

// One test: the counters are global, and tests run on several threads.
#[test]
fn parsing_holds_bounded_memory() {
    a_long_document_holds_under_three_times_its_size();
    tiny_paragraphs_cost_a_bounded_amount_each();
    blank_lines_hold_under_a_bound_times_their_size();
    real_documents_hold_a_bounded_multiple_of_their_size();
}

/// The smallest fixture measured as a real document: below it, a parse's
/// fixed costs (the tables' first use aside) outweigh the text.
const REAL_MIN_BYTES: usize = 2048;
/// The bound on the peak over the input that nine in ten real documents
/// hold (measured: 3.04x over our 72 fixtures of 2 KB or more, each parsed
/// once before, so that the tables it builds on first use are built; it
/// was 3.98x before the stages' records shrank and went sooner. Our
/// fixtures are shorter than real documents, so a parse's fixed costs weigh
/// more: `peak_heap` gives 2.38x over the dev corpus, 2.31x over the first
/// 200 briefings and 2.41x over all 1,152, under the 2.5x issue 14 asks).
const REAL_P90_BOUND: f64 = 3.3;
/// The bound every real document holds (measured: 3.94x, a broadcast
/// interview of short labelled turns, whose transcript alone holds more
/// than 3x: a turn and a block a paragraph; it was 5.17x).
const REAL_MAX_BOUND: f64 = 4.3;

/// Our fixtures as written, each parsed alone: briefings of labelled
/// turns, Vietnamese dash interviews, Markdown and HTML pages, in every
/// language we write them in.
fn real_documents_hold_a_bounded_multiple_of_their_size() {
    let mut ratios: Vec<(f64, String)> = common::fixtures()
        .into_iter()
        .filter(|(path, text)| {
            path.extension().is_some_and(|x| x == "txt") && text.len() >= REAL_MIN_BYTES
        })
        .filter_map(|(path, text)| {
            // A fixture that is refused on purpose holds no transcript.
            press_transcript::parse(&text).ok()?;
            Some((peak_over_input(&text), path.display().to_string()))
        })
        .collect();
    assert!(
        ratios.len() >= 20,
        "too few fixtures of 2 KB: {}",
        ratios.len()
    );
    ratios.sort_by(|a, b| a.0.total_cmp(&b.0));
    let p90 = ratios[(ratios.len() * 9).div_ceil(10) - 1].0;
    let (max, worst) = ratios.last().expect("fixtures");
    eprintln!(
        "real documents: {} fixtures, peak heap p90 {p90:.2}x, max {max:.2}x ({worst})",
        ratios.len()
    );
    assert!(
        p90 < REAL_P90_BOUND,
        "nine in ten fixtures of 2 KB or more must hold under {REAL_P90_BOUND}x their size at the peak: p90 is {p90:.2}x"
    );
    assert!(
        *max < REAL_MAX_BOUND,
        "{worst} held {max:.2}x its size at the peak (bound {REAL_MAX_BOUND}x)"
    );
}

/// The most heap a parse of blank lines may hold, over the input's size
/// (issue 17's bound for every shape; blank lines hold it, shorter
/// paragraphs do not yet: see `tiny_paragraphs_cost_a_bounded_amount_each`).
const SHORT_LINES_BOUND: f64 = 32.0;

fn blank_lines_hold_under_a_bound_times_their_size() {
    // Lines are read twice rather than held (a record a line was 40 bytes
    // for a line of one byte: 41x the input at the peak).
    let input = format!("- Why?\n{}- Because.\n", "\n".repeat(1_000_000));
    let ratio = peak_over_input(&input);
    eprintln!(
        "blank lines: {} bytes, peak heap {ratio:.2}x the input",
        input.len()
    );
    assert!(
        ratio < SHORT_LINES_BOUND,
        "blank lines: the parse held {ratio:.2}x its input at its peak (bound {SHORT_LINES_BOUND}x)"
    );
}

fn a_long_document_holds_under_three_times_its_size() {
    let dash = document(SIZE, |l| {
        l.starts_with("- ") || l.starts_with("Q:") || l.starts_with("A:")
    });
    let labelled = document(SIZE, |l| {
        l.split_once(": ").is_some_and(|(label, _)| {
            (1..=30).contains(&label.chars().count())
                && label.starts_with(char::is_uppercase)
                && label
                    .chars()
                    .all(|c| c.is_alphabetic() || " .-".contains(c))
        })
    });
    // Measured: 1.67x dash-led, 2.13x labelled (3.00x both before the
    // stages' records shrank and went sooner).
    for (name, doc, bound) in [("dash-led", dash, 2.0), ("labelled", labelled, 2.4)] {
        let ratio = peak_over_input(&doc);
        eprintln!(
            "{name}: {} bytes, peak heap {ratio:.2}x the input",
            doc.len()
        );
        assert!(
            ratio < bound,
            "{name}: the parse held {ratio:.2}x its input at its peak (bound {bound}x)"
        );
    }
}

fn tiny_paragraphs_cost_a_bounded_amount_each() {
    let paragraphs = 100_000;
    let turns = "- Hi?\n- Yes.\n".repeat(paragraphs / 2);
    let one_letter_turns = "- a\n".repeat(paragraphs);
    // One exchange, then lines of one letter that belong to no turn.
    let lines = format!("- Why?\n- Because.\n{}", "a\n".repeat(paragraphs));
    // A paragraph's record, class, style entry and block, and for a turn
    // its turn (measured: 269 bytes a turn, 133 a line outside the turns;
    // 381 and 181 before the stages' records shrank and went sooner, a line
    // cost 300 before classes and styles boxed their rare parts, 193
    // before the label keys were held for labelled paragraphs only). Over
    // the input that is 41-67x: issue 17 asks 32x, which the model's own
    // records (a 136-byte turn, a 40-byte block, a paragraph's text) do not
    // leave room for on lines of two to four bytes.
    for (name, doc, bound) in [
        ("tiny turns", turns, 300),
        ("`- a` turns", one_letter_turns, 300),
        ("one-letter lines", lines, 150),
    ] {
        let per = peak(&doc) / paragraphs;
        eprintln!(
            "{name}: {} bytes, peak heap {per} bytes a paragraph ({:.1}x the input)",
            doc.len(),
            (per * paragraphs) as f64 / doc.len() as f64
        );
        assert!(
            per < bound,
            "{name}: {per} bytes a paragraph at the peak (bound {bound})"
        );
    }
}
