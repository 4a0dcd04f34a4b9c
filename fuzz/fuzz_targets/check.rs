//! What every fuzz target checks of a transcript it got: the blocks cover
//! the input in order on char boundaries, nodes lie inside it, and the JSON
//! round-trips.

use press_transcript::Transcript;

pub fn transcript(text: &str, t: &Transcript<'_>) {
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
    for c in &t.captions {
        if let Some(a) = &c.alt {
            assert!(a.span.end <= text.len() && text.is_char_boundary(a.span.start));
        }
    }
    if let Some(d) = &t.dateline {
        assert!(d.span.end <= text.len() && text.is_char_boundary(d.span.start));
    }
    let _ = t.outline(text);
    let json = serde_json::to_string(t).expect("serialises");
    let back: Transcript<'_> = serde_json::from_str(&json).expect("deserialises");
    assert_eq!(&back, t);
}
