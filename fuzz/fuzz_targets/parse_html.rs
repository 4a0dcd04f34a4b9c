//! Any text read as an HTML page by the tokenizer (feature `html`): the
//! blocks cover it exactly, and every node's span is inside it.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let Ok(t) = press_transcript::parse_html(text) else { return };
    let mut at = 0;
    for b in &t.blocks {
        assert_eq!(b.span.start, at, "blocks cover the input in order");
        assert!(b.span.end > b.span.start);
        assert!(text.is_char_boundary(b.span.start) && text.is_char_boundary(b.span.end));
        at = b.span.end;
    }
    assert_eq!(at, text.len(), "blocks reach the end");
    for c in &t.captions {
        if let Some(a) = &c.alt {
            assert!(a.span.end <= text.len() && text.is_char_boundary(a.span.start));
        }
    }
    if let Some(d) = &t.dateline {
        assert!(d.span.end <= text.len() && text.is_char_boundary(d.span.start));
    }
    let json = serde_json::to_string(&t).expect("serialises");
    let back: press_transcript::Transcript<'_> = serde_json::from_str(&json).expect("deserialises");
    assert_eq!(back, t);
});
