//! Parses a transcript and prints it as JSON, or as an outline.
//!
//! ```text
//! cargo run --example structure                      # the built-in sample
//! cargo run --example structure -- FILE              # a file
//! cargo run --example structure -- -                 # standard input
//! cargo run --example structure -- --outline FILE    # a line per block
//! ```

use std::io::Read;
use std::io::Write;
use std::process::ExitCode;

/// A Vietnamese newspaper interview written for this crate, in the shape of
/// the interviews it was first built for.
const SAMPLE: &str = include_str!("sample-vi.txt");

fn main() -> ExitCode {
    let mut outline = false;
    let mut path = None;
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--outline" => outline = true,
            "-h" | "--help" => {
                println!(
                    "usage: structure [--outline] [FILE | -]\nWith no FILE, parses a built-in sample."
                );
                return ExitCode::SUCCESS;
            }
            _ if path.is_none() => path = Some(arg),
            _ => {
                eprintln!(
                    "structure: unexpected argument `{arg}` (usage: structure [--outline] [FILE | -])"
                );
                return ExitCode::from(2);
            }
        }
    }
    let bytes = match path.as_deref() {
        None => SAMPLE.as_bytes().to_vec(),
        Some("-") => {
            let mut buf = Vec::new();
            if let Err(e) = std::io::stdin().read_to_end(&mut buf) {
                eprintln!("structure: cannot read standard input: {e}");
                return ExitCode::from(2);
            }
            buf
        }
        Some(p) => match std::fs::read(p) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("structure: cannot read {p}: {e}");
                return ExitCode::from(2);
            }
        },
    };
    // An HTML page is recognised by its content, whatever the file is called.
    let html = std::str::from_utf8(&bytes).is_ok_and(press_transcript::looks_like_html);
    let options = if html {
        press_transcript::Options::new().format(press_transcript::Format::Html)
    } else {
        press_transcript::Options::default()
    };
    let parsed = press_transcript::parse_bytes_with(&bytes, &options);
    let transcript = match parsed {
        Ok(t) => t,
        Err(e) => {
            eprintln!("structure: {}: {e}", path.as_deref().unwrap_or("sample"));
            return ExitCode::FAILURE;
        }
    };
    if outline {
        let text = std::str::from_utf8(&bytes).expect("parse_bytes checked UTF-8");
        print!("{}", transcript.outline(text));
    } else {
        // Streamed, so that a large transcript is never held twice.
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        let written = serde_json::to_writer_pretty(&mut out, &transcript)
            .map_err(std::io::Error::from)
            .and_then(|()| writeln!(out))
            .and_then(|()| out.flush());
        if let Err(e) = written {
            eprintln!("structure: cannot write the JSON: {e}");
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
