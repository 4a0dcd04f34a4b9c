//! The second pass: what each paragraph could be.
//!
//! Every paragraph gets cheap features (its dash marker, a photo credit,
//! question and thanks cues, person, length); short ones are also tried as a
//! date line, a byline and a source line. Nothing here decides: the
//! assembler reads these candidates in the light of where they stand.

use crate::grammar::byline::{BylineParts, byline, source};
use crate::grammar::caption::{Credited, credit};
use crate::grammar::dateline::{DatelineParts, dateline};
use crate::grammar::marker::{DashMarker, dash_marker};
use crate::grammar::{contains_ci, longest_of};
use crate::lang::{self, Lexicon};
use crate::scan::Doc;

/// What one paragraph could be.
#[derive(Debug, Clone, Default)]
pub(crate) struct Class<'a> {
    pub dash: Option<DashMarker<'a>>,
    pub dateline: Option<DatelineParts<'a>>,
    pub byline: Option<BylineParts<'a>>,
    pub source: Option<&'a str>,
    pub credit: Option<Credited>,
    pub cues: Cues,
}

/// Cues of a paragraph's text (after its marker).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Cues {
    /// How strongly the text reads as a question: positive asks, negative
    /// answers.
    pub question: f32,
    /// Opens with thanks and is short: a closing remark.
    pub thanks: bool,
    /// Speaks in the first person (outside quotes).
    pub first_person: bool,
    /// Word count.
    pub words: usize,
    /// Ends in a colon.
    pub ends_colon: bool,
    /// Ends like a sentence (`.`, `!`, `?`, `…`, closing quote).
    pub ends_sentence: bool,
}

/// The longest paragraph tried as a date line.
const DATELINE_MAX: usize = 160;
/// The longest paragraph tried as a byline or source line.
const BYLINE_MAX: usize = 120;
/// The most words a closing thanks runs to.
const THANKS_MAX_WORDS: usize = 14;

/// Classifies every paragraph of `doc`.
pub(crate) fn classify<'d>(doc: &'d Doc<'_>, lex: &'static Lexicon) -> Vec<Class<'d>> {
    doc.paragraphs
        .iter()
        .map(|p| classify_text(p.text(), lex))
        .collect()
}

/// Classifies one cleaned paragraph.
pub(crate) fn classify_text<'a>(text: &'a str, lex: &'static Lexicon) -> Class<'a> {
    let dash = dash_marker(text);
    let body = dash.map_or(text, |d| &text[d.text_at..]);
    let short_date = text.len() <= DATELINE_MAX && text.bytes().any(|b| b.is_ascii_digit());
    let dateline = if short_date && dash.is_none() {
        dateline(text, lex).or_else(|| lang::all().find_map(|l| dateline(text, l)))
    } else {
        None
    };
    let (byline, source) = if text.len() <= BYLINE_MAX && dash.is_none() {
        (byline(text, lex), source(text, lex))
    } else {
        (None, None)
    };
    Class {
        dash,
        dateline,
        byline,
        source,
        credit: credit(text, lex),
        cues: cues(body, lex),
    }
}

/// Words outside quotation marks.
fn unquoted_words(text: &str) -> impl Iterator<Item = &str> {
    let mut depth = 0i32;
    text.split(|c: char| c.is_whitespace()).filter(move |w| {
        let opens = w.starts_with(['"', '“', '«', '‘', '„']);
        let closes = w
            .trim_end_matches(['.', ',', '!', '?', ';', ':'])
            .ends_with(['"', '”', '»', '’']);
        if opens {
            depth += 1;
        }
        let inside = depth > 0;
        if closes && depth > 0 {
            depth -= 1;
        }
        !inside
    })
}

fn last_char(text: &str) -> Option<char> {
    text.trim_end_matches(['"', '”', '»', '’', '\'', ')', ' ', '*', '_'])
        .chars()
        .last()
}

/// Computes the cues of a turn's text.
pub(crate) fn cues(text: &str, lex: &Lexicon) -> Cues {
    let words = text.split_whitespace().count();
    let last = last_char(text);
    let mut q = 0.0f32;
    if last == Some('?') {
        q += 2.0;
    } else if text.contains('?') {
        q += 0.5;
    }
    if text.starts_with('¿') {
        q += 2.0;
    }
    if longest_of(text, lex.question_openers).is_some() {
        q += 1.5;
    }
    if lex.question_phrases.iter().any(|p| contains_ci(text, p)) {
        q += 0.5;
    }
    let first_person = unquoted_words(text).any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'');
        lex.first_person
            .iter()
            .any(|p| p.eq_ignore_ascii_case(w) || p.to_lowercase() == w.to_lowercase())
    });
    if first_person {
        q -= 0.5;
    }
    if words > 60 {
        q -= 1.0;
    }
    let thanks =
        words <= THANKS_MAX_WORDS && last != Some('?') && longest_of(text, lex.thanks).is_some();
    Cues {
        question: q,
        thanks,
        first_person,
        words,
        ends_colon: last == Some(':'),
        ends_sentence: matches!(last, Some('.' | '!' | '?' | '…' | '。')),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Language;
    use crate::lang::lexicon;

    #[test]
    fn question_cues() {
        let vi = lexicon(Language::Vi);
        assert!(cues("Thưa ông, năm nay tỉnh làm gì?", vi).question >= 3.0);
        assert!(cues("Xin ông chia sẻ thêm về kế hoạch năm tới.", vi).question > 1.0);
        assert!(cues("Tôi nghĩ năm nay sẽ tốt hơn.", vi).question < 0.0);
    }

    #[test]
    fn thanks_cues() {
        let vi = lexicon(Language::Vi);
        assert!(cues("Xin cảm ơn ông!", vi).thanks);
        assert!(!cues("Cảm ơn câu hỏi của anh, nhưng tôi nghĩ vấn đề này còn rất nhiều điều phải bàn kỹ hơn nữa trong thời gian tới.", vi).thanks);
    }

    #[test]
    fn first_person_inside_quotes_does_not_count() {
        let vi = lexicon(Language::Vi);
        assert!(!cues("Đỗ An và Miu Lê trong phim \"Bạn gái tôi là sếp\".", vi).first_person);
        assert!(cues("Tôi rất vui.", vi).first_person);
    }
}
