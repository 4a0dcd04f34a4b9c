//! A readable outline of a transcript: one line per block.

use crate::{BlockKind, Transcript};
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
    #[must_use]
    pub fn outline(&self, input: &str) -> String {
        let mut out = String::new();
        for b in &self.blocks {
            let (label, extra) = match (b.kind, b.node) {
                (BlockKind::Turn, Some(i)) => {
                    let turn = &self.turns[i];
                    let who = self
                        .speaker(turn)
                        .map(|p| format!("[{}] ", p.name))
                        .unwrap_or_default();
                    (turn.kind.as_str(), who)
                }
                (kind, _) => (kind.as_str(), String::new()),
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
