//! Any text with any options: the first two bytes choose the language hint
//! and the size limit.
#![no_main]

#[path = "check.rs"]
mod check;

use libfuzzer_sys::fuzz_target;
use press_transcript::{Language, Options};

fuzz_target!(|data: &[u8]| {
    let (head, rest) = data.split_at(data.len().min(2));
    let mut options = Options::new();
    if let Some(&b) = head.first() {
        if let Some(&lang) = Language::ALL.get(b as usize % (Language::ALL.len() + 1)) {
            options = options.language(lang);
        }
    }
    if let Some(&b) = head.get(1) {
        options = options.max_bytes(usize::from(b) * 64);
    }
    let Ok(text) = std::str::from_utf8(rest) else { return };
    match press_transcript::parse_with(text, &options) {
        Ok(t) => check::transcript(text, &t),
        Err(press_transcript::Error::TooLarge { len, max }) => assert!(len > max),
        Err(e) => assert!(!e.to_string().is_empty()),
    }
});
