//! A readable outline of a transcript: one line per block.

use crate::{BlockKind, Transcript, TurnKind};
use std::fmt::Write;

/// How many characters of a block's text an outline line shows.
const PREVIEW_CHARS: usize = 60;

impl Transcript<'_> {
    /// Renders the transcript as an outline, a line per block: its kind, the
    /// turn's kind and speaker, its span, and its first words. `input` must
    /// be the text the transcript was parsed from.
    ///
    /// # Example
    /// ```
    /// let input = "Title\n\n- Why?\n- Because.\n";
    /// let t = press_transcript::parse(input).unwrap();
    /// assert_eq!(
    ///     t.outline(input),
    ///     "headline     0..6          Title\n\
    ///      blank        6..7\n\
    ///      question     7..14         - Why?\n\
    ///      answer       14..25        - Because.\n"
    /// );
    /// ```
    pub fn outline(&self, input: &str) -> String {
        let mut out = String::new();
        for b in &self.blocks {
            let (label, extra) = match (b.kind, b.node) {
                (BlockKind::Turn, Some(i)) => {
                    let turn = &self.turns[i];
                    let kind = match turn.kind {
                        TurnKind::Question => "question",
                        TurnKind::Answer => "answer",
                        TurnKind::Remark => "remark",
                    };
                    let who = turn
                        .speaker
                        .and_then(|s| self.participants.get(s))
                        .map(|p| format!("[{}] ", p.name))
                        .unwrap_or_default();
                    (kind.to_string(), who)
                }
                (kind, _) => (kind_name(kind).to_string(), String::new()),
            };
            let span = format!("{}..{}", b.span.start, b.span.end);
            let preview: String = b
                .span
                .slice(input)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let mut preview: String = preview.chars().take(PREVIEW_CHARS).collect();
            if b.span
                .slice(input)
                .split_whitespace()
                .map(|w| w.chars().count() + 1)
                .sum::<usize>()
                > PREVIEW_CHARS + 1
            {
                preview.push('…');
            }
            let line = format!("{label:<12} {span:<13} {extra}{preview}");
            let _ = writeln!(out, "{}", line.trim_end());
        }
        out
    }
}

fn kind_name(kind: BlockKind) -> &'static str {
    match kind {
        BlockKind::Kicker => "kicker",
        BlockKind::Headline => "headline",
        BlockKind::Dateline => "dateline",
        BlockKind::Lede => "lede",
        BlockKind::Caption => "caption",
        BlockKind::Turn => "turn",
        BlockKind::Byline => "byline",
        BlockKind::Source => "source",
        BlockKind::Furniture => "furniture",
        BlockKind::Blank => "blank",
        BlockKind::FrontMatter => "front_matter",
        BlockKind::Heading => "heading",
        BlockKind::Location => "location",
        BlockKind::Time => "time",
        BlockKind::Annotation => "annotation",
        BlockKind::Notice => "notice",
    }
}
