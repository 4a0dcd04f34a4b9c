//! What every user of a transcript asks first: its questions with their
//! answers, who said a turn, a participant by name, the turns of a kind.

use crate::{Participant, Span, Transcript, Turn, TurnKind};

/// A question and the answers that follow it, from
/// [`Transcript::qa_pairs`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct QaPair<'t, 'a> {
    /// The question's index in [`Transcript::turns`].
    pub index: usize,
    /// The question.
    pub question: &'t Turn<'a>,
    /// The answer turns that follow it directly, in order: empty when it
    /// went unanswered.
    pub answers: &'t [Turn<'a>],
}

impl QaPair<'_, '_> {
    /// Whether any answer follows the question.
    #[must_use]
    pub fn is_answered(&self) -> bool {
        !self.answers.is_empty()
    }

    /// The answers' text, one turn from the next parted by a blank line
    /// (`"\n\n"`; a turn's own paragraphs are parted by `"\n"`).
    #[must_use]
    pub fn answer_text(&self) -> String {
        let mut out = String::new();
        for (i, a) in self.answers.iter().enumerate() {
            if i > 0 {
                out.push_str("\n\n");
            }
            out.push_str(&a.text());
        }
        out
    }

    /// From the question's marker to the end of its last answer (the
    /// question's own span when it went unanswered).
    #[must_use]
    pub fn span(&self) -> Span {
        self.answers
            .last()
            .map_or(self.question.span, |a| self.question.span.cover(a.span))
    }
}

impl<'a> Transcript<'a> {
    /// The questions, each with the answers that follow it.
    ///
    /// - Every question turn gives one pair, in order.
    /// - **Consecutive answers** all belong to the question before them:
    ///   one speaker's answer running over several turns, or several
    ///   officials answering one question, give one pair with several
    ///   `answers` ([`QaPair::answer_text`] joins them).
    /// - **Remarks** (thanks, statements, procedure) belong to no pair, and
    ///   end the answers of the question before them: an answer after a
    ///   remark is not taken as that question's.
    /// - **Unanswered questions** (followed by another question, a remark
    ///   or the end) give a pair with no answers; keep the answered ones
    ///   with [`QaPair::is_answered`].
    /// - Answers with no question before them (at the start, or after a
    ///   remark) are in no pair; [`Transcript::turns_of`] finds every
    ///   answer.
    ///
    /// # Example
    /// ```
    /// let t = press_transcript::parse("\
    /// Q: Where were you born?
    /// A: In Hội An.
    /// A: By the river, in fact.
    /// Q: And your first boat?
    /// Q: Who built it?
    /// A: My father.
    /// ")?;
    /// let pairs: Vec<_> = t.qa_pairs().collect();
    /// assert_eq!(pairs.len(), 3);
    /// assert_eq!(pairs[0].question.text(), "Where were you born?");
    /// assert_eq!(pairs[0].answer_text(), "In Hội An.\n\nBy the river, in fact.");
    /// assert!(!pairs[1].is_answered());
    /// assert_eq!(pairs[2].answers[0].text(), "My father.");
    /// # Ok::<(), press_transcript::Error>(())
    /// ```
    pub fn qa_pairs(&self) -> impl Iterator<Item = QaPair<'_, 'a>> + '_ {
        let turns = &self.turns[..];
        turns
            .iter()
            .enumerate()
            .filter(|(_, t)| t.kind == TurnKind::Question)
            .map(move |(index, question)| {
                let after = &turns[index + 1..];
                let n = after
                    .iter()
                    .take_while(|t| t.kind == TurnKind::Answer)
                    .count();
                QaPair {
                    index,
                    question,
                    answers: &after[..n],
                }
            })
    }

    /// Who said a turn of this transcript, when the parser could tell.
    ///
    /// ```
    /// let t = press_transcript::parse("\
    /// Bà Lê Thu Hà, Giám đốc Sở Du lịch, trả lời phỏng vấn.
    ///
    /// - Thưa bà, mùa này khách có đông không?
    /// - Đông hơn năm ngoái.
    /// ")?;
    /// let answer = t.turns_of(press_transcript::TurnKind::Answer).next().unwrap();
    /// assert_eq!(t.speaker(answer).unwrap().name, "Lê Thu Hà");
    /// # Ok::<(), press_transcript::Error>(())
    /// ```
    #[must_use]
    pub fn speaker(&self, turn: &Turn<'_>) -> Option<&Participant<'a>> {
        turn.speaker.and_then(|i| self.participants.get(i))
    }

    /// The participant with this name or alias (a label that stands for
    /// them, such as `MS. JACQUET-ROUX`), compared without regard to case
    /// or to white space at the ends; the first, if several match.
    #[must_use]
    pub fn participant(&self, name: &str) -> Option<&Participant<'a>> {
        let wanted = name.trim().to_lowercase();
        let same = |s: &str| s.trim().to_lowercase() == wanted;
        self.participants
            .iter()
            .find(|p| same(&p.name))
            .or_else(|| {
                self.participants
                    .iter()
                    .find(|p| p.aliases.iter().any(|a| same(a)))
            })
    }

    /// The turns of one kind, in order.
    pub fn turns_of(&self, kind: TurnKind) -> impl Iterator<Item = &Turn<'a>> + '_ {
        self.turns.iter().filter(move |t| t.kind == kind)
    }
}

#[cfg(test)]
mod tests {
    use crate::TurnKind::{Answer, Question, Remark};

    #[test]
    fn a_remark_ends_the_answers_and_an_answer_after_it_is_in_no_pair() {
        // Five turns whose kinds are set here: what is tested is the
        // pairing, not how the parser reads the kinds.
        let mut t = crate::parse("- Q one?\n- A one.\n- Thanks.\n- A two.\n- Q two?\n").unwrap();
        assert_eq!(t.turns.len(), 5);
        for (turn, kind) in t
            .turns
            .iter_mut()
            .zip([Question, Answer, Remark, Answer, Question])
        {
            turn.kind = kind;
        }
        let pairs: Vec<_> = t.qa_pairs().collect();
        assert_eq!(pairs.len(), 2);
        assert_eq!((pairs[0].index, pairs[0].answers.len()), (0, 1));
        assert_eq!((pairs[1].index, pairs[1].answers.len()), (4, 0));
        assert_eq!(pairs[0].span(), t.turns[0].span.cover(t.turns[1].span));
        assert_eq!(pairs[1].span(), t.turns[4].span);
        assert_eq!(t.turns_of(Answer).count(), 2);
    }

    #[test]
    fn a_participant_is_found_by_name_or_alias_whatever_the_case() {
        let text =
            "MS. JACQUET-ROUX: Good afternoon.\n\nQ: Any news?\n\nMS. JACQUET-ROUX: None today.\n";
        let t = crate::parse(text).unwrap();
        let Some(p) = t.participants.first() else {
            panic!("no participant in {t:#?}");
        };
        assert!(!p.aliases.is_empty(), "{p:?}");
        for alias in p.aliases.iter() {
            assert_eq!(t.participant(&alias.to_lowercase()), Some(p));
        }
        assert_eq!(
            t.participant(&format!("  {}  ", p.name.to_uppercase())),
            Some(p)
        );
        assert_eq!(t.participant("Nobody Here"), None);
    }
}
