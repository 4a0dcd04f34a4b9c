//! Prints each question with its answer as JSON Lines: what a data-set
//! builder wants from an interview.
//!
//! ```text
//! cargo run --example qa_pairs                 # the built-in sample
//! cargo run --example qa_pairs -- FILE...      # files ("-" reads standard input)
//! ```
//!
//! Each line: `{"question", "answer", "interviewee", "date", "source",
//! "source_span": [start, end]}`, where the span covers the question and its
//! answer in the source file. The pairs are `Transcript::qa_pairs`, the
//! answered ones: an answer that runs over several turns (answers in a row)
//! is joined with a blank line, and `interviewee` is who gave the first.

use press_transcript::{Date, Transcript};
use std::io::{Read, Write};
use std::process::ExitCode;

const SAMPLE: &str = include_str!("sample-vi.txt");

/// One line of output.
#[derive(serde::Serialize)]
struct Pair<'a> {
    question: &'a str,
    answer: String,
    interviewee: Option<&'a str>,
    date: Option<Date>,
    source: &'a str,
    source_span: [usize; 2],
}

fn pairs(t: &Transcript<'_>, source: &str, out: &mut impl Write) -> std::io::Result<usize> {
    let mut written = 0;
    for pair in t.qa_pairs().filter(|p| p.is_answered()) {
        let span = pair.span();
        let line = Pair {
            question: &pair.question.text(),
            answer: pair.answer_text(),
            interviewee: t.speaker(&pair.answers[0]).map(|p| p.name.as_ref()),
            date: t.dateline.as_ref().and_then(|d| d.date),
            source,
            source_span: [span.start, span.end],
        };
        let json = serde_json::to_string(&line).map_err(std::io::Error::other)?;
        writeln!(out, "{json}")?;
        written += 1;
    }
    Ok(written)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let inputs: Vec<(String, Result<Vec<u8>, String>)> = if args.is_empty() {
        vec![("sample".into(), Ok(SAMPLE.as_bytes().to_vec()))]
    } else {
        args.iter()
            .map(|a| {
                let data = if a == "-" {
                    let mut buf = Vec::new();
                    std::io::stdin()
                        .read_to_end(&mut buf)
                        .map(|_| buf)
                        .map_err(|e| e.to_string())
                } else {
                    std::fs::read(a).map_err(|e| e.to_string())
                };
                (a.clone(), data)
            })
            .collect()
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut status = ExitCode::SUCCESS;
    for (name, data) in inputs {
        let bytes = match data {
            Ok(b) => b,
            Err(e) => {
                eprintln!("qa_pairs: cannot read {name}: {e}");
                status = ExitCode::from(2);
                continue;
            }
        };
        match press_transcript::parse_bytes(&bytes) {
            Ok(t) => {
                if let Err(e) = pairs(&t, &name, &mut out) {
                    eprintln!("qa_pairs: cannot write: {e}");
                    return ExitCode::from(2);
                }
            }
            Err(e) => {
                eprintln!("qa_pairs: {name}: {e}");
                status = ExitCode::FAILURE;
            }
        }
    }
    if out.flush().is_err() {
        return ExitCode::from(2);
    }
    status
}
