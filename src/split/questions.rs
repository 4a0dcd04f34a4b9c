//! Questions run into the text around them: a whole interview whose
//! paragraph breaks became spaces (`…thì cứ góp ý thẳng. Như vậy, theo
//! ông, mọi việc … là hợp lý? Hợp lý và đều có cơ sở…`).
//!
//! Read only for a document in which no turn was found otherwise (see
//! [`split_questions`](super::split_questions)): a long paragraph is cut
//! before and after each sentence that asks someone, when it holds at
//! least [`MIN_RUN_ON_QUESTIONS`] of them. The evidence for a question: it
//! ends in a question mark, more text follows it (the answer), and it is
//! not said in the first person unless it addresses someone in the second
//! (an answer's rhetorical `Tôi sai ở chỗ nào?` is not cut), nor so
//! short that it is an answer's own when it addresses no one. A question
//! starts at its own sentence, or up to [`QUESTION_REACH`] sentences
//! earlier at one that addresses the interviewee (`Thưa ông, nhiều cử
//! tri… . Nhưng… . Họ lo lắng có đúng không?`).

use crate::grammar::is_word_of;
use crate::lang::Lexicon;
use std::ops::Range;

/// The fewest bytes of a paragraph read for questions inside it: a whole
/// interview, not a lede that quotes one question.
pub(super) const RUN_ON_MIN: usize = 1000;
/// The fewest questions inside one paragraph for it to be cut.
const MIN_RUN_ON_QUESTIONS: usize = 2;
/// How many sentences before the one that asks may open its question.
const QUESTION_REACH: usize = 2;
/// The fewest words of a question that addresses no one (in the second
/// person, or in a sentence before it) for it to be put to the
/// interviewee: shorter, it is an answer's own.
const ASKED_MIN_WORDS: usize = 7;
/// The most words of a sentence read for its persons.
const PERSON_WORDS: usize = 60;

/// The sentences of `text`: ranges that end after a sentence's mark (and
/// closing quotes) where white space and a capital or an opening quote
/// follow, not after an abbreviation or an initial.
fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, _) in text.match_indices(' ') {
        let before = text[start..i].trim_end();
        let next = text[i + 1..].chars().next();
        let opens = next.is_some_and(|c| c.is_uppercase() || "\"“«‘„".contains(c));
        if opens && !before.is_empty() && super::sentence_ends(before) {
            out.push(start..start + before.len());
            start = i + 1;
        }
    }
    if start < text.len() {
        out.push(start..text.trim_end().len().max(start));
    }
    out
}

/// The persons a sentence speaks in: (first person, second person), read
/// from its first [`PERSON_WORDS`] words.
fn persons(sentence: &str, lex: &Lexicon) -> (bool, bool) {
    let (mut first, mut second) = (false, false);
    let mut words = sentence.split_whitespace().take(PERSON_WORDS).peekable();
    while let Some(w) = words.next() {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’');
        if w.is_empty() {
            continue;
        }
        first = first || is_word_of(w, &lex.first_person);
        // Before a name, the word is a title that names someone (`trao đổi
        // với ông Lê Hữu Phát`), not an address.
        let named = words
            .peek()
            .is_some_and(|n| n.starts_with(char::is_uppercase));
        second = second || (!named && lex.second_person.candidates(w).any(|p| p == w));
    }
    (first, second)
}

/// Whether a sentence ends by asking.
fn asks(sentence: &str) -> bool {
    sentence
        .trim_end_matches(['"', '”', '»', '’', ')'])
        .ends_with('?')
}

/// Positions in `text` where questions run into the text around them
/// begin and end; empty unless there are at least
/// [`MIN_RUN_ON_QUESTIONS`].
pub(super) fn question_cuts(text: &str, lex: &Lexicon) -> Vec<usize> {
    let s = sentences(text);
    let people: Vec<(bool, bool)> = s.iter().map(|r| persons(&text[r.clone()], lex)).collect();
    let mut cuts = Vec::new();
    let mut questions = 0;
    let mut k = 0;
    while k < s.len() {
        let (first, second) = people[k];
        if !asks(&text[s[k].clone()]) || (first && !second) {
            k += 1;
            continue;
        }
        // An address a sentence or two before opens the question, with no
        // first person between.
        let floor = cuts.last().copied().unwrap_or(0);
        let mut start = None;
        for j in (k.saturating_sub(QUESTION_REACH)..k).rev() {
            if people[j].0 || s[j].start < floor {
                break;
            }
            if people[j].1 {
                start = Some(j);
            }
        }
        // Without an address, a short question is an answer's own (`Ai mua
        // nổi?`, `How many people see it?`).
        let words = text[s[k].clone()].split_whitespace().count();
        if !second && start.is_none() && words < ASKED_MIN_WORDS {
            k += 1;
            continue;
        }
        // Questions in a row are one turn; the answer follows them.
        let mut last = k;
        while last + 1 < s.len() && asks(&text[s[last + 1].clone()]) {
            last += 1;
        }
        if last + 1 >= s.len() {
            break;
        }
        cuts.push(s[start.unwrap_or(k)].start);
        cuts.push(s[last + 1].start);
        questions += 1;
        k = last + 1;
    }
    if questions < MIN_RUN_ON_QUESTIONS {
        return Vec::new();
    }
    cuts.retain(|&c| c > 0);
    cuts.dedup();
    cuts
}

/// Where a question run on at the end of `text` starts: the sentences
/// that end it asking, from the first of them, or up to
/// [`QUESTION_REACH`] sentences earlier where one addresses someone or
/// opens as the language's questions do (`Thưa ông`, `Có ý kiến cho
/// rằng`). `None` when `text` does not end asking, or is all question.
pub(super) fn trailing_question(text: &str, lex: &Lexicon) -> Option<usize> {
    let s = sentences(text);
    let last = s.len().checked_sub(1)?;
    if !asks(&text[s[last].clone()]) {
        return None;
    }
    let mut first = last;
    while first > 0 && asks(&text[s[first - 1].clone()]) {
        first -= 1;
    }
    let opens = |j: usize| {
        let sentence = &text[s[j].clone()];
        let (first_person, second) = persons(sentence, lex);
        (second && !first_person)
            || crate::grammar::longest_of(sentence, &lex.question_openers).is_some()
    };
    let start = (first.saturating_sub(QUESTION_REACH)..first)
        .find(|&j| opens(j))
        .unwrap_or(first);
    (start > 0).then(|| s[start].start)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Language;
    use crate::lang::lexicon;

    fn pieces(text: &str, lang: Language) -> Vec<&str> {
        let cuts = question_cuts(text, lexicon(lang));
        let mut out = Vec::new();
        let mut from = 0;
        for c in cuts.into_iter().chain([text.len()]) {
            out.push(text[from..c].trim());
            from = c;
        }
        out
    }

    #[test]
    fn questions_put_to_someone_are_cut_out_of_a_run_on_paragraph() {
        let vi = "Phóng viên gặp ông Lê An vừa trở về từ hội chợ. Thưa ông, hội chợ năm nay đông khách. Nhưng hàng bán chậm. Vì sao vậy? Tôi nghĩ giá còn cao. Ai mua nổi? Không nhiều người. Như vậy, theo ông, năm sau có nên giảm giá không? Có, chúng tôi sẽ giảm.";
        assert_eq!(
            pieces(vi, Language::Vi),
            [
                "Phóng viên gặp ông Lê An vừa trở về từ hội chợ.",
                "Thưa ông, hội chợ năm nay đông khách. Nhưng hàng bán chậm. Vì sao vậy?",
                "Tôi nghĩ giá còn cao. Ai mua nổi? Không nhiều người.",
                "Như vậy, theo ông, năm sau có nên giảm giá không?",
                "Có, chúng tôi sẽ giảm.",
            ]
        );
        let en = "Mr. Novak has inspected bridges for thirty years. So, what worries you most? Rust. How many people see it? Few do, and I worry. Do you ever sleep badly? Sometimes.";
        assert_eq!(
            pieces(en, Language::En),
            [
                "Mr. Novak has inspected bridges for thirty years.",
                "So, what worries you most?",
                "Rust. How many people see it? Few do, and I worry.",
                "Do you ever sleep badly?",
                "Sometimes.",
            ]
        );
    }

    #[test]
    fn a_question_run_on_at_the_end_of_an_answer() {
        let vi = lexicon(Language::Vi);
        let t = "+ Tôi xin khẳng định số liệu là trung thực. Sai thì sửa. Có ý kiến cho rằng giá điện tăng quá nhanh. Quan điểm của Bộ thế nào?";
        let at = trailing_question(t, vi).expect("a question at the end");
        assert!(t[at..].starts_with("Có ý kiến cho rằng"), "{}", &t[at..]);
        let en = lexicon(Language::En);
        let t = "• We will publish the samples daily. That is a promise. Why did it take a week?";
        let at = trailing_question(t, en).expect("a question at the end");
        assert_eq!(&t[at..], "Why did it take a week?");
        assert_eq!(trailing_question("• Why did it take a week?", en), None);
        assert_eq!(
            trailing_question("• We will publish the samples daily.", en),
            None
        );
    }

    #[test]
    fn one_question_or_only_questions_in_the_first_person_cut_nothing() {
        let en = "We met at the port. What do you want? Peace, he said.";
        assert!(question_cuts(en, lexicon(Language::En)).is_empty());
        let answer = "I ask myself why? Nobody knows. Why do I stay? I love it.";
        assert!(question_cuts(answer, lexicon(Language::En)).is_empty());
    }
}
