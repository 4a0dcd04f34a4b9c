//! Any bytes: UTF-8 is checked, then every invariant of a transcript holds.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(t) = press_transcript::parse_bytes(data, &Default::default()) else { return };
    let text = std::str::from_utf8(data).expect("parse_bytes checked UTF-8");
    let mut at = 0;
    for b in &t.blocks {
        assert_eq!(b.span.start, at, "blocks cover the input in order");
        assert!(b.span.end > b.span.start);
        assert!(text.is_char_boundary(b.span.start) && text.is_char_boundary(b.span.end));
        at = b.span.end;
    }
    assert_eq!(at, text.len(), "blocks reach the end");
    for turn in &t.turns {
        assert!(turn.span.end <= text.len() && text.is_char_boundary(turn.span.start));
        for p in &turn.paragraphs {
            assert!(turn.span.contains(p.span));
        }
    }
    let _ = t.outline(text);
    let json = serde_json::to_string(&t).expect("serialises");
    let back: press_transcript::Transcript<'_> = serde_json::from_str(&json).expect("deserialises");
    assert_eq!(back, t);
});
