//! Any text read as an HTML page by the tokenizer (feature `html`): every
//! invariant of a transcript holds.
#![no_main]

#[path = "check.rs"]
mod check;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let Ok(t) = press_transcript::parse_html(text) else { return };
    check::transcript(text, &t);
});
