//! Any bytes: UTF-8 is checked, then every invariant of a transcript holds.
#![no_main]

#[path = "check.rs"]
mod check;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(t) = press_transcript::parse_bytes(data) else { return };
    let text = std::str::from_utf8(data).expect("parse_bytes checked UTF-8");
    check::transcript(text, &t);
});
