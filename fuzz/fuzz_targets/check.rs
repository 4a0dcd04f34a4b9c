//! What every fuzz target checks of a transcript it got: the blocks cover
//! the input in order on char boundaries, nodes lie inside it, every turn
//! paragraph lies in its own turn's blocks, every speaker is a participant,
//! and the JSON round-trips.

use press_transcript::{BlockKind, Transcript};

pub fn transcript(text: &str, t: &Transcript<'_>) {
    let mut at = 0;
    for b in &t.blocks {
        assert_eq!(b.span.start, at, "blocks cover the input in order");
        assert!(b.span.end > b.span.start);
        assert!(text.is_char_boundary(b.span.start) && text.is_char_boundary(b.span.end));
        at = b.span.end;
    }
    assert_eq!(at, text.len(), "blocks reach the end");
    for (i, turn) in t.turns.iter().enumerate() {
        assert!(turn.span.end <= text.len() && text.is_char_boundary(turn.span.start));
        for p in &turn.paragraphs {
            assert!(turn.span.contains(p.span));
            // A paragraph has one owner: a turn's lies in its own turn
            // blocks (blank lines aside), never in a caption's.
            let first = t.blocks.partition_point(|b| b.span.end <= p.span.start);
            let mut met = t.blocks[first..]
                .iter()
                .take_while(|b| b.span.start < p.span.end.max(p.span.start + 1))
                .filter(|b| b.kind != BlockKind::Blank)
                .peekable();
            assert!(met.peek().is_some(), "turn {i} paragraph in no block");
            assert!(
                met.all(|b| b.kind == BlockKind::Turn && b.node == Some(i)),
                "turn {i} paragraph {:?} outside the turn's blocks",
                p.span
            );
        }
        if let Some(s) = turn.speaker {
            assert!(s < t.participants.len(), "turn {i}: speaker {s} out of range");
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
