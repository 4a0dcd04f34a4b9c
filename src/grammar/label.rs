//! Speaker and question/answer labels at the start of a paragraph.
//!
//! ```text
//! labelled  := LEAD? BOLD? label BOLD? DELIM SPACE* stamp? speech?
//! LEAD      := "—" | "–" | "#"{1,6} " " | "+ " | "• "          -- —P., #### Peter Pallister:, + Ông X:
//!            | BOLD label DELIM speech BOLD                 -- **Q: a question in bold?**
//! label     := QA_WORD                                       -- Q, A, Hỏi, Đáp, PV, Frage, P, R
//!            | UPPER ("," UPPER)? bracket?                   -- MS. JACQUET-ROUX, NICK FALLOWES, HOST,
//!                                                            --   FRANK CALDERWOOD [Associated Press]
//!            | HONORIFIC words                               -- Ông Trần Quốc Bảo – Giám đốc Sở Y tế
//!            | NAME{1,5} NUMBER?                             -- Theodore D. Crane, Gardella, Speaker 2
//!            | ARTICLE POST                                  -- Le ministre, La alcaldesa
//! DELIM     := ":" | "::" | " :" | "：" | "." | ".—" | ".-"  (a period only after QA_WORD or an upper-case label)
//!            | "  " after a bare Q (Q    Thank you)
//! stamp     := "(" digits ":" digits (":" digits)? ")"       -- Jane Porter: (00:27)
//!            | before DELIM, in brackets                    -- Ben Carver (00:00:02):
//! BOLD      := "**" | "__" | "*" | "_"                      -- bold or italic: *MM*:
//! ```
//!
//! Accepts `Q:`, `Q.`, `Q    Thank you`, `—P. ¿Cómo…`, `MS. JACQUET-ROUX:  All right`,
//! `THE PRESIDENT. Since…`, `**Christian Halden:** I think`, `**Lukas**: You
//! can`, `PGS.TS. Nguyễn Duy Khang:`, `Jane Porter: (00:27)`. Refuses times
//! (`2:47 P.M.`), URLs, sentences with a colon (`Chăm sóc tóc vào mùa hanh: …`,
//! `The reason: money`), and bold text that is not a label. Whether a label
//! that the grammar accepts really marks turns is for the document's style
//! to say: this module only reads one paragraph.

use super::{SPACED_DASHES, is_word_of, longest_of, prefix_ci};
use crate::lang::Lexicon;
use crate::text::{find_within, is_capitalised};
use crate::text::{is_alnum, is_alpha};

/// What a label marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LabelKind {
    Question,
    Answer,
    Speaker,
}

/// A label at the start of a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Label<'a> {
    pub kind: LabelKind,
    /// The label as written, without bold, delimiter or bracket.
    pub name: &'a str,
    /// A bracketed note inside the label (`[Associated Press]`) or right
    /// after a question label (`(Scott Merrow – The Paddock)`), brackets off.
    pub note: Option<&'a str>,
    /// Where the marker (label, bold, delimiter, spaces) ends: the speech
    /// starts here, or the paragraph ends.
    pub text_at: usize,
    /// Where the label starts (after an opening bold or dash).
    pub name_at: usize,
    /// The whole paragraph is bold (a question in bold).
    pub bold_paragraph: bool,
    /// The label has no lower-case letter.
    pub upper: bool,
    /// The label ended with a period rather than a colon.
    pub period: bool,
}

/// The longest label, in bytes.
const MAX_LABEL: usize = 120;
/// A bracketed note inside a label (`[Associated Press]`) closes within
/// this many bytes of its `[`.
const MAX_NOTE: usize = 60;
/// A reporter named in brackets after a question label closes within this
/// many bytes of its `(`.
const MAX_REPORTER_NOTE: usize = 80;

/// A token in capitals: it has an upper-case letter and no lower-case one
/// (a script without case, such as `作者`, is not upper-case).
fn is_upper_token(t: &str) -> bool {
    // One pass: an upper-case letter, no lower-case one, nothing but
    // letters, digits and the marks a name holds; ASCII without a table.
    let mut upper = false;
    for c in t.chars() {
        let (up, low, allowed) = if c.is_ascii() {
            let allowed = c.is_ascii_alphanumeric() || matches!(c, '.' | '\'' | '-' | '&' | '/');
            (c.is_ascii_uppercase(), c.is_ascii_lowercase(), allowed)
        } else {
            (c.is_uppercase(), c.is_lowercase(), is_alnum(c) || c == '’')
        };
        if low || !allowed {
            return false;
        }
        upper |= up;
    }
    upper
}

fn is_particle(w: &str) -> bool {
    crate::lang::NAME_PARTICLES.contains(&w)
}

fn is_name_token(t: &str) -> bool {
    // `d’Arvieu-Mas`, `O'Brien`: an elided particle glued to a capitalised name.
    let t = t
        .strip_prefix("d’")
        .or_else(|| t.strip_prefix("d'"))
        .unwrap_or(t);
    is_capitalised(t)
        && t.chars().all(|c| is_alpha(c) || ".'’-".contains(c))
        && (!t.ends_with('.') || t.chars().filter(|&c| is_alpha(c)).count() <= 2)
}

/// Splits off an opening bold marker.
fn open_bold(text: &str) -> (usize, Option<&'static str>) {
    for b in ["**", "__", "*", "_"] {
        if text.starts_with(b) && !text[b.len()..].starts_with(['*', '_', ' ']) {
            return (b.len(), Some(b));
        }
    }
    (0, None)
}

/// A clock reading `h:mm`, `hh:mm:ss` (maybe with a fraction of a second):
/// its length and how many colons it has.
fn clock_len(s: &str) -> Option<(usize, usize)> {
    let b = s.as_bytes();
    let digits = |from: usize| b[from..].iter().take_while(|c| c.is_ascii_digit()).count();
    let first = digits(0);
    if !(1..=2).contains(&first) {
        return None;
    }
    let mut at = first;
    let mut colons = 0;
    while colons < 2 && b.get(at) == Some(&b':') && digits(at + 1) == 2 {
        at += 3;
        colons += 1;
    }
    if colons == 0 {
        return None;
    }
    if matches!(b.get(at), Some(b'.' | b',')) && digits(at + 1) > 0 {
        at += 1 + digits(at + 1);
    }
    Some((at, colons))
}

/// A time stamp such as `(00:27)`, `[01:02:03]`, or bare: `00:00:07`, or
/// `00:17` ending the paragraph (a label line `Rohan: 00:00:07`). A bare
/// `10:30` before more words is speech (`10:30 is when…`), not a stamp.
fn stamp_len(s: &str) -> Option<usize> {
    let close = match s.chars().next()? {
        '(' => ')',
        '[' => ']',
        _ => {
            let (n, colons) = clock_len(s)?;
            let rest = &s[n..];
            let ends = rest.trim().is_empty();
            return (rest.is_empty() || rest.starts_with(' '))
                .then_some(n)
                .filter(|_| colons == 2 || ends);
        }
    };
    let (n, _) = clock_len(&s[1..])?;
    s[1 + n..].starts_with(close).then_some(n + 2)
}

/// A speaker in brackets before a time stamp, as transcription tools
/// write them: `[Speaker 1] [00:42] So…`, `[Ana Ruiz] 00:01:02 Yes.`.
/// The name's range and where the speech starts.
fn bracket_label(text: &str) -> Option<(std::ops::Range<usize>, usize)> {
    let inner = text.strip_prefix('[')?;
    let close = inner.bytes().take(MAX_LABEL).position(|b| b == b']')?;
    let name = &inner[..close];
    if mixed_name(name) != Some(name.len()) && upper_token_run(name) != Some(name.len()) {
        return None;
    }
    let after = &inner[close + 1..];
    let gap = after.len() - after.trim_start().len();
    if gap == 0 {
        return None;
    }
    let stamp_at = 1 + close + 1 + gap;
    let stamp = stamp_len(&text[stamp_at..])?;
    let mut text_at = stamp_at + stamp;
    text_at += text[text_at..].len() - text[text_at..].trim_start().len();
    Some((1..1 + close, text_at))
}

/// The length of a run of upper-case words (`SPEAKER 2`, `HOST`), numbers
/// allowed after the first.
fn upper_token_run(text: &str) -> Option<usize> {
    let ok = text.split(' ').enumerate().all(|(k, t)| {
        is_upper_token(t) || (k > 0 && !t.is_empty() && t.chars().all(|c| c.is_ascii_digit()))
    });
    (ok && !text.is_empty()).then_some(text.len())
}

/// Where a label of `name_len` bytes at `at` ends, given what follows it.
struct After {
    /// Bytes of delimiter (and closing bold) after the name.
    delim_end: usize,
    period: bool,
    closed_bold: bool,
}

fn delimiter(
    rest: &str,
    bold: Option<&str>,
    allow_period: bool,
    allow_dash: bool,
) -> Option<After> {
    let mut i = 0;
    let mut closed_bold = false;
    if let Some(b) = bold {
        if rest.starts_with(b) {
            i += b.len();
            closed_bold = true;
        }
    }
    let r = &rest[i..];
    // French typography sets a space before the colon (cleaning has made
    // a no-break space a space): `Olivier Delmas : Oui.`; East Asian text
    // a full-width colon.
    let spaced = r.starts_with(" :").then_some(2);
    // A dash between spaces after a name: `BBC Brasil - Como assim?`.
    let dashed = SPACED_DASHES
        .iter()
        .find(|d| allow_dash && r.starts_with(**d))
        .filter(|d| {
            r[d.len()..]
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || "(¿¡\"“«".contains(c))
        })
        .map(|d| d.len() - 1);
    let (n, period) = if r.starts_with("::") {
        (2, false)
    } else if let Some(n) = spaced.or(dashed) {
        (n, false)
    } else if r.starts_with(':') {
        (1, false)
    } else if r.starts_with('：') {
        ('：'.len_utf8(), false)
    } else if allow_period && r.starts_with('.') && !r.starts_with("..") {
        // Spanish transcripts glue a dash to the period: `PREGUNTA.— ¿…`,
        // `RESPUESTA.- …`.
        let glued = ['—', '–', '-'].into_iter().find(|&d| r[1..].starts_with(d));
        (1 + glued.map_or(0, char::len_utf8), true)
    } else {
        return None;
    };
    i += n;
    if let Some(b) = bold {
        if !closed_bold && rest[i..].starts_with(b) {
            i += b.len();
            closed_bold = true;
        }
    }
    // The delimiter ends the label: space, end, or (after a colon) glued text.
    let next = rest[i..].chars().next();
    let ok = match next {
        None => true,
        Some(c) if c.is_whitespace() => true,
        Some(c) => !period && !c.is_ascii_digit() && !rest[i..].starts_with("//"),
    };
    ok.then_some(After {
        delim_end: i,
        period,
        closed_bold,
    })
}

/// A question or answer word from `words` at the start of `text`: its
/// length. One-letter labels (`Q`, `A`, `P`, `R`) must be upper-case.
fn qa_word(text: &str, words: &crate::lang::Words) -> Option<usize> {
    words
        .candidates(text)
        .filter_map(|w| prefix_ci(text, w).filter(|&n| w.chars().count() > 1 || text[..n] == *w))
        .filter(|&n| !text[n..].starts_with(|c: char| is_alnum(c)))
        .max()
}

/// The most digits of a question's number (`Q12`).
const MAX_QUESTION_NUMBER_DIGITS: usize = 3;

/// The question words at the start of `text`, the language's or else
/// English's, read in one pass over each table's candidates both ways:
/// alone (as [`qa_word`] reads them) and numbered (the end of the number,
/// see [`numbered_question`]).
fn question_words(text: &str, lex: &Lexicon) -> (Option<usize>, Option<usize>) {
    let (alone, numbered) = question_word(text, &lex.question_labels);
    if alone.is_some() && numbered.is_some() {
        return (alone, numbered);
    }
    match other_english(lex) {
        Some(en) => {
            let (a, n) = question_word(text, &en.question_labels);
            (alone.or(a), numbered.or(n))
        }
        None => (alone, numbered),
    }
}

/// The longest question word of `words` at the start of `text` alone,
/// and the longest end of one before its number (`Q1`, `Frage 2`).
fn question_word(text: &str, words: &crate::lang::Words) -> (Option<usize>, Option<usize>) {
    let (mut alone, mut numbered) = (None, None);
    for w in words.candidates(text) {
        let Some(n) = prefix_ci(text, w) else {
            continue;
        };
        if (w.chars().count() > 1 || text[..n] == *w)
            && !text[n..].starts_with(|c: char| is_alnum(c))
        {
            alone = alone.max(Some(n));
        }
        numbered = numbered.max(number_end(text, n));
    }
    (alone, numbered)
}

/// Where a question's number (`1`, ` 2`, `12`) after its word, at `n`,
/// ends, when one follows.
fn number_end(text: &str, n: usize) -> Option<usize> {
    let rest = text[n..].strip_prefix(' ').unwrap_or(&text[n..]);
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let end = text.len() - rest.len() + digits;
    let ends_word = !text[end..].starts_with(|c: char| is_alnum(c));
    ((1..=MAX_QUESTION_NUMBER_DIGITS).contains(&digits) && ends_word).then_some(end)
}

/// A numbered question label and its length: `Q1`, `Q 2`, `Question 3`,
/// `Frage 4`, and a follow-up to one (`Q1 Follow-up`, `Frage 2 Nachfrage`),
/// the follow-up words from the language's table or English's. `n` is
/// where the number ends ([`question_words`]).
///
/// ```text
/// numbered := QUESTION_LABEL " "? DIGIT{1,3} (" " FOLLOW_UP)?
/// ```
fn numbered_question(text: &str, n: usize, lex: &Lexicon) -> usize {
    let en = other_english(lex);
    let follow_up = text[n..].strip_prefix(' ').and_then(|r| {
        longest_of(r, &lex.follow_ups).or_else(|| en.and_then(|en| longest_of(r, &en.follow_ups)))
    });
    follow_up.map_or(n, |m| n + 1 + m)
}

/// An upper-case label's length, unless the run of upper-case words goes on
/// into a mixed-case name (`PGS.TS. Nguyễn …` is an honorific, not a label).
fn upper_name(text: &str, lex: &Lexicon) -> Option<usize> {
    let mut end = 0;
    let mut only_honorifics = true;
    for (tokens, (i, tok)) in tokens_of(text).enumerate() {
        let core = trim_name_marks(tok);
        let bare = trim_periods(core);
        if tokens >= 7 || !is_upper_token(bare) || (tokens == 0 && !core.starts_with(is_alpha)) {
            if only_honorifics && tokens > 0 && is_capitalised(tok) {
                return None;
            }
            break;
        }
        end = i + core.len();
        let honorific = is_honorific(core, lex);
        only_honorifics &= honorific;
        let abbreviation = core.ends_with('.') && !honorific;
        if tok.ends_with([':', '：'])
            || (abbreviation && !upper_run_to_colon(&text[i + tok.len()..]))
        {
            break;
        }
    }
    let name = text[..end].trim_end_matches(['.', ',']);
    // Two letters at least.
    name.chars()
        .filter(|&c| is_alpha(c))
        .nth(1)
        .map(|_| name.len())
}

/// A token without the colons (`:`, `：`) and commas that end it, read
/// byte by byte.
fn trim_name_marks(t: &str) -> &str {
    let mut b = t.as_bytes();
    loop {
        match b {
            [rest @ .., b':' | b','] => b = rest,
            // `：` is `EF BC 9A`.
            [rest @ .., 0xEF, 0xBC, 0x9A] => b = rest,
            _ => return &t[..b.len()],
        }
    }
}

/// A token without the periods that end it.
fn trim_periods(t: &str) -> &str {
    let n = t.bytes().rev().take_while(|&c| c == b'.').count();
    &t[..t.len() - n]
}

/// The most upper-case words after an abbreviated title that the label
/// goes on with to its colon (`VORS. DETJEN:`, `SRA. SECRETARIA GARCÍA:`).
const AFTER_ABBREVIATION_WORDS: usize = 3;

/// Whether `rest`, after an upper-case word ending in a period that is no
/// known honorific, goes on in upper-case words to a colon, so that the
/// period abbreviates a title (`VORS.` for Vorsitzender, `SRS.`) inside
/// the label and does not end it as `THE PRESIDENT.` does before speech.
fn upper_run_to_colon(rest: &str) -> bool {
    let rest = rest.trim_start();
    let Some(colon) = rest.find([':', '：']) else {
        return false;
    };
    let words: Vec<&str> = rest[..colon].split_whitespace().collect();
    (1..=AFTER_ABBREVIATION_WORDS).contains(&words.len())
        && words
            .iter()
            .all(|w| is_upper_token(w.trim_end_matches('.')))
}

fn is_honorific(word: &str, lex: &Lexicon) -> bool {
    // A word in ASCII equals, ignoring case, only an honorific in ASCII of
    // as many bytes and the same first letter; English's are compared byte
    // for byte.
    let en = &crate::lang::lexicon(crate::Language::En).honorifics;
    let ours = !word.is_ascii() || lex.honorifics.in_any_case().holds_word(word);
    // In English, an entry equal to the word but for ASCII case is found
    // by `ours` already (`prefix_ci` reads it as a match of the word's
    // length): English's table is not read again.
    let theirs = other_english(lex).is_some() && en.in_any_case().holds_word(word);
    if !(ours || theirs) || word.is_empty() {
        return false;
    }
    // A word equal to an entry ignoring case hashes as the entry does, and
    // opens with a letter of the entry's key: the entries under its hash
    // hold every one that `longest_of` (over the entries of that first
    // letter) or `is_en_honorific` would find.
    let hash = crate::text::case_hash(word);
    (ours
        && lex
            .honorifics
            .with_word_hash(hash)
            .any(|w| prefix_ci(word, w) == Some(word.len())))
        || (theirs
            && en
                .with_word_hash(hash)
                .any(|h| h.eq_ignore_ascii_case(word)))
}

/// An honorific or post, then up to sixteen words before a colon, two of
/// them capitalised: `Ông Trần Quốc Bảo – Giám đốc Sở Y tế tỉnh Bình Định`.
fn honorific_name(text: &str, lex: &Lexicon) -> Option<usize> {
    longest_of(text, &lex.honorifics).max(longest_of(text, &lex.posts))?;
    let colon = find_within(text.as_bytes(), b':', MAX_LABEL)?;
    let head = text[..colon].trim_end();
    let words: Vec<&str> = head.split_whitespace().collect();
    let caps = words.iter().filter(|w| is_capitalised(w)).count();
    (words.len() <= 16 && caps >= 2 && !head.contains(['?', '!', '"', '“', ',', ';']))
        .then_some(head.len())
}

/// The fewest and most parts of a name written as a page's slug.
const SLUG_PARTS: std::ops::RangeInclusive<usize> = 2..=5;

/// A name written as a page's slug, its words in lower case joined by
/// hyphens (`nicolas-delorme`, `moussa-cheikh-ndiaye`), as transcript
/// exports write speakers: two to five parts of two letters or more. Read
/// as a label only alone on its line (see [`label`]); its length.
fn slug_name(text: &str) -> Option<usize> {
    let n = text
        .find(|c: char| !(c.is_lowercase() || c == '-'))
        .unwrap_or(text.len());
    // An empty run is one part: too few for a slug.
    if n == 0 {
        return None;
    }
    let slug = &text[..n];
    let parts = slug.split('-');
    let ok = SLUG_PARTS.contains(&slug.split('-').count())
        && parts.clone().all(|p| p.chars().count() >= 2);
    ok.then_some(n)
}

/// A mixed-case name: up to six capitalised words (initials, particles, a
/// final number as in `Speaker 2`).
fn mixed_name(text: &str) -> Option<usize> {
    let mut end = 0;
    let mut words = 0;
    let mut last_particle = false;
    for (i, tok) in tokens_of(text) {
        let core = tok.trim_end_matches([':', '：']);
        let number = words > 0 && !core.is_empty() && core.chars().all(|c| c.is_ascii_digit());
        let particle = words > 0 && is_particle(core);
        if words >= 6 || !(is_name_token(core) || number || particle) {
            break;
        }
        end = i + core.len();
        words += 1;
        last_particle = particle;
        if tok.ends_with([':', '：']) || number {
            break;
        }
    }
    (words > 0 && !last_particle).then_some(end)
}

/// The label's name: which kind of label, its length, and whether it is
/// upper-case.
fn name(text: &str, lex: &Lexicon) -> Option<(LabelKind, usize, bool)> {
    let en = other_english(lex);
    // A follow-up's word alone is a question label too (`Nachfrage:`,
    // `Follow-up:`).
    let (alone, numbered) = question_words(text, lex);
    let q = alone
        .or_else(|| qa_word(text, &lex.follow_ups))
        .max(numbered.map(|n| numbered_question(text, n, lex)));
    let a = qa_word(text, &lex.answer_labels)
        .or_else(|| en.and_then(|en| qa_word(text, &en.answer_labels)));
    let qa = match (q, a) {
        (Some(n), Some(m)) if m > n => Some((LabelKind::Answer, m)),
        (Some(n), _) => Some((LabelKind::Question, n)),
        (None, Some(m)) => Some((LabelKind::Answer, m)),
        _ => None,
    };
    // An acronym before a mixed-case word is the start of a longer name
    // (`BBC Brasil - …`), not an upper-case label.
    let upper = upper_name(text, lex)
        .filter(|&u| delimited(&text[u..]) || mixed_name(text).is_none_or(|m| m <= u));
    match (qa, upper) {
        // `Q I just …` is a bare question label, not the upper-case name `Q I`:
        // a longer upper-case name wins only with its delimiter after it.
        (Some((_, n)), Some(u))
            if u > n && text[u..].starts_with([':', '.', ' ']) && delimited(&text[u..]) =>
        {
            return Some((LabelKind::Speaker, u, true));
        }
        (Some((k, n)), _) => return Some((k, n, true)),
        (None, Some(u)) => return Some((LabelKind::Speaker, u, true)),
        _ => {}
    }
    if let Some(n) = honorific_name(text, lex) {
        return Some((LabelKind::Speaker, n, false));
    }
    if let Some(n) = article_post(text, lex) {
        return Some((LabelKind::Speaker, n, false));
    }
    mixed_name(text).map(|n| (LabelKind::Speaker, n, false))
}

/// A post named with its article as a label, the person's name left out,
/// as ministries' transcripts write the minister's turns: `Le ministre :`,
/// `La alcaldesa:`, `Il sindaco:`. The article is a capitalised function
/// word of the language (its name stops) and the post one of its posts;
/// nothing else stands before the colon.
fn article_post(text: &str, lex: &Lexicon) -> Option<usize> {
    let (article, rest) = text.split_once(' ')?;
    if !is_capitalised(article) || !is_word_of(article, &lex.name_stops) {
        return None;
    }
    let post = longest_of(rest, &lex.posts)?;
    let n = article.len() + 1 + post;
    text[n..]
        .trim_start_matches(' ')
        .starts_with([':', '：'])
        .then_some(n)
}

/// Whether a spaced dash after a question or answer label ends it (`P –
/// Quantos…`, `R - Cerca…`): the speech after it opens a sentence, with a
/// capital or an opening mark, where `A – a word` does not.
fn qa_dash(rest: &str) -> bool {
    let after = rest.trim_start_matches([' ', '-', '–', '—']);
    after
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || "¿¡\"“«„‘(".contains(c))
}

/// Whether a dash after `name` may end it as a label: not after one letter
/// (`I — I don't…`) or when a word of the name is a function word (`And
/// I — …`), nor when a post follows the dash, which makes it an apposition
/// (`Ông Nguyễn Xuân Tùng - Cục trưởng Cục Đường thủy`).
fn dash_label(name: &str, rest: &str, lex: &Lexicon) -> bool {
    let en = other_english(lex);
    let function_word = |w: &str| {
        is_word_of(w, &lex.stopwords) || en.is_some_and(|en| is_word_of(w, &en.stopwords))
    };
    let letters = name.chars().filter(|&c| is_alpha(c)).count();
    if letters < 2 || name.split(' ').any(|w| function_word(w) && !is_particle(w)) {
        return false;
    }
    let after = rest.trim_start_matches([' ', '-', '–', '—']);
    longest_of(after, &lex.posts).is_none()
        && en.is_none_or(|en| longest_of(after, &en.posts).is_none())
}

/// English's lexicon, whose question and answer words, function words
/// and posts are read in every language, unless `lex` is English's own
/// (whose lists are read already).
fn other_english(lex: &Lexicon) -> Option<&'static Lexicon> {
    let en = crate::lang::lexicon(crate::Language::En);
    (!std::ptr::eq(lex, en)).then_some(en)
}

/// Whether a label's delimiter (maybe after a bracketed note) opens `rest`.
fn delimited(rest: &str) -> bool {
    let r = rest.trim_start_matches(' ');
    // A note closes within MAX_NOTE bytes, as `label` reads one.
    let r = if r.starts_with('[') {
        find_within(r.as_bytes(), b']', MAX_NOTE - 1).map_or(r, |e| &r[e + 1..])
    } else {
        r
    };
    r.starts_with([':', '：']) || (r.starts_with('.') && !r.starts_with(".."))
}

/// The space-separated tokens of `text` with their offsets; a token is cut
/// after a full-width colon (`Name：text`), which then ends it as `:` would.
fn tokens_of(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let bytes = text.as_bytes();
    let mut next = Some(0);
    std::iter::from_fn(move || {
        let at = next?;
        // A token is a few bytes: read byte by byte, it ends sooner than
        // a search set up for each. `：` is `EF BC 9A`.
        let (mut end, mut colon) = (at, None);
        while let Some(&c) = bytes.get(end).filter(|&&c| c != b' ') {
            if c == 0xEF && colon.is_none() && bytes[end..].starts_with("：".as_bytes()) {
                colon = Some(end + '：'.len_utf8());
            }
            end += 1;
        }
        next = (end < bytes.len()).then_some(end + 1);
        Some((at, &text[at..colon.unwrap_or(end)]))
    })
}

/// What may stand before a label: a dash glued to a question or answer
/// label (`—P.`, `–R.`), a Markdown heading's marks (`#### Peter Pallister:`),
/// or a bullet or a dash and its space (`+ Chủ nhiệm Hồ Văn Khải:`, `• Q:`,
/// `- PV:`).
fn lead_len(text: &str) -> usize {
    if let Some(b) = ["+ ", "• ", "- ", "– ", "— "]
        .iter()
        .find(|b| text.starts_with(**b))
    {
        return b.len();
    }
    if let Some(d) = ["—", "–"].iter().find(|d| text.starts_with(**d)) {
        return d.len();
    }
    let hashes = text.bytes().take_while(|&b| b == b'#').count();
    if (1..=6).contains(&hashes) && text[hashes..].starts_with(' ') {
        return hashes + 1 + text[hashes + 1..].len() - text[hashes + 1..].trim_start().len();
    }
    0
}

/// What a label holds after its name and before its delimiter: a bracket
/// (`FRANK CORMIER [Associated Press]:`), its note, or a time stamp in
/// brackets, as transcription services write them (`Ben Carver
/// (00:00:02):`). Where the label's name part ends, and the note.
fn inside_label(text: &str, name_end: usize) -> (usize, Option<&str>) {
    let Some(r) = text[name_end..].strip_prefix(' ') else {
        return (name_end, None);
    };
    if let Some(close) = r
        .starts_with('[')
        .then(|| find_within(r.as_bytes(), b']', MAX_NOTE - 1))
        .flatten()
    {
        if r[close + 1..].starts_with(['.', ':']) {
            return (name_end + 1 + close + 1, Some(&r[1..close]));
        }
    }
    let stamp = r.starts_with(['(', '[']).then(|| stamp_len(r)).flatten();
    match stamp.filter(|&s| r[s..].starts_with([':', '：'])) {
        Some(s) => (name_end + 1 + s, None),
        None => (name_end, None),
    }
}

/// Parses a label at the start of cleaned paragraph text.
///
/// [`LabelGate`](super::label_gate::LabelGate) mirrors the ways this finds
/// a label (leads, bold, brackets, the bare label, the delimiters, the
/// name's and note's limits) to turn most texts away unread: a change
/// here that finds labels another way changes it too (its tests compare
/// the two).
pub(crate) fn label<'a>(text: &'a str, lex: &Lexicon) -> Option<Label<'a>> {
    // `[Laughter] [00:17]` is an annotation with its time, not a speaker.
    let bracketed = bracket_label(text)
        .filter(|(name, _)| super::annotation::kind_of(&text[name.clone()], lex).is_none());
    if let Some((name, text_at)) = bracketed {
        return Some(Label {
            kind: LabelKind::Speaker,
            name: &text[name.clone()],
            note: None,
            text_at,
            name_at: name.start,
            bold_paragraph: false,
            upper: !text[name].chars().any(char::is_lowercase),
            period: false,
        });
    }
    let lead = lead_len(text);
    let (b, bold) = open_bold(&text[lead..]);
    let at = lead + b;
    let body = &text[at..];
    let limit = bold.and_then(|b| body.find(b)).unwrap_or(body.len());
    let slug = slug_name(&body[..limit]);
    let (kind, n, upper) =
        name(&body[..limit], lex).or_else(|| slug.map(|n| (LabelKind::Speaker, n, false)))?;
    if n == 0 || n > MAX_LABEL {
        return None;
    }
    let (name_end, mut note) = inside_label(text, at + n);
    let qa = kind != LabelKind::Speaker;
    let allow_period = qa || upper;
    let rest = &text[name_end..];
    let spaced_dash = bold.is_none() && SPACED_DASHES.iter().any(|d| rest.starts_with(*d));
    let allow_dash = spaced_dash
        && if qa {
            qa_dash(rest)
        } else {
            dash_label(&body[..n], rest, lex)
        };
    let (after, _bare) = match delimiter(rest, bold, allow_period, allow_dash) {
        Some(a) => (a, false),
        None => {
            // A bare question label: `Q    Thank you`, `Q (Name – Outlet) …`.
            let single = kind == LabelKind::Question && n == 1 && bold.is_none();
            let next = rest.strip_prefix(' ').and_then(|r| r.chars().next());
            if single && next.is_some_and(|c| c.is_uppercase() || "(\"“‘—".contains(c)) {
                (
                    After {
                        delim_end: 0,
                        period: false,
                        closed_bold: false,
                    },
                    true,
                )
            } else {
                return None;
            }
        }
    };
    let label_name = &text[at..at + n];
    let mut text_at = name_end + after.delim_end;
    // Skip spaces and a time stamp.
    text_at += text[text_at..].len() - text[text_at..].trim_start().len();
    if let Some(s) = stamp_len(&text[text_at..]) {
        text_at += s;
        text_at += text[text_at..].len() - text[text_at..].trim_start().len();
    }
    // A reporter named in brackets right after a question label.
    if kind == LabelKind::Question && note.is_none() && text[text_at..].starts_with('(') {
        if let Some(close) = find_within(&text.as_bytes()[text_at..], b')', MAX_REPORTER_NOTE - 1) {
            let inner = &text[text_at + 1..text_at + close];
            let words = inner.split_whitespace().count();
            let after_note = &text[text_at + close + 1..];
            // Whether an annotation opens the text: it would end at this
            // bracket, so the text up to it is all that is read.
            if words >= 2
                && inner.split_whitespace().next().is_some_and(is_capitalised)
                && !inner.contains(':')
                && !after_note.trim_start().is_empty()
                && crate::grammar::annotation::annotations(&text[text_at..=text_at + close], lex)
                    .first()
                    .is_none_or(|a| a.0.start != 0)
            {
                note = Some(inner);
                text_at += close + 1;
                text_at += text[text_at..].len() - text[text_at..].trim_start().len();
            }
        }
    }
    // A slug is a label alone on its line, the speech on the next.
    if slug == Some(n) && text_at < text.len() {
        return None;
    }
    let bold_paragraph = bold.is_some_and(|b| !after.closed_bold && text.ends_with(b));
    Some(Label {
        kind,
        name: label_name,
        note,
        text_at,
        name_at: at,
        bold_paragraph,
        upper,
        period: after.period,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Language;
    use crate::lang::lexicon;

    /// English's honorifics as `is_honorific` read them before it looked
    /// them up by hash: byte for byte, ASCII case aside.
    fn is_en_honorific(t: &str) -> bool {
        crate::lang::lexicon(crate::Language::En)
            .honorifics
            .candidates(t)
            .any(|h| h.eq_ignore_ascii_case(t))
    }

    #[test]
    fn an_honorific_is_told_by_its_length_as_by_its_reading() {
        let mut words: Vec<String> = [
            "MR.", "MS", "Ông", "ÔNG", "ông", "Bà", "THE", "", "K", "Mr", "\u{212A}", "ẞ", "İ",
            "Ω", "DR", "PGS.TS.", "NGƯỜI", "Đ", "SRA.", "MRS",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        for lang in Language::ALL {
            let lex = lexicon(lang);
            for w in lex.honorifics.iter().chain(lex.posts.iter()) {
                words.extend([w.to_string(), w.to_uppercase(), format!("{w}.")]);
                words.extend([
                    w.to_lowercase(),
                    w[..w.len() - w.chars().last().map_or(0, char::len_utf8)].to_string(),
                ]);
            }
        }
        let mut found = 0;
        for lang in Language::ALL {
            let lex = lexicon(lang);
            for w in &words {
                let read = longest_of(w, &lex.honorifics) == Some(w.len()) || is_en_honorific(w);
                assert_eq!(is_honorific(w, lex), read, "{lang:?} {w:?}");
                found += usize::from(read);
            }
        }
        assert!(found > 100, "only {found}");
    }

    #[test]
    fn a_letter_equal_to_an_honorifics_first_ignoring_case_finds_it_a_candidate() {
        let mut firsts: Vec<char> = Language::ALL
            .into_iter()
            .flat_map(|l| lexicon(l).honorifics.iter())
            .filter_map(|w| w.chars().next())
            .collect();
        firsts.sort_unstable();
        firsts.dedup();
        let mut met = 0;
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let cs = c.to_string();
            for &f in &firsts {
                if prefix_ci(&cs, f.encode_utf8(&mut [0; 4])) != Some(cs.len()) {
                    continue;
                }
                met += 1;
                for lang in Language::ALL {
                    let list = &lexicon(lang).honorifics;
                    for w in list.iter().filter(|w| w.starts_with(f)) {
                        assert!(list.candidates(&cs).any(|x| x == *w), "{c:?} {w:?}");
                    }
                }
            }
        }
        assert!(met > firsts.len(), "{met}");
    }

    #[test]
    fn question_words_read_in_one_pass_as_in_two() {
        fn two_passes(text: &str, lex: &Lexicon) -> (Option<usize>, Option<usize>) {
            let en = lexicon(Language::En);
            let alone =
                qa_word(text, &lex.question_labels).or_else(|| qa_word(text, &en.question_labels));
            let numbered = |words: &crate::lang::Words| {
                words
                    .candidates(text)
                    .filter_map(|w| number_end(text, prefix_ci(text, w)?))
                    .max()
            };
            let n = numbered(&lex.question_labels).or_else(|| numbered(&en.question_labels));
            (alone, n)
        }
        let texts = [
            "Q1: Why?",
            "Q 2 Follow-up: And?",
            "Question 3: Why?",
            "Q: Why?",
            "Q Why?",
            "q1 why",
            "Frage 2 Nachfrage: Und?",
            "Frage: Und?",
            "F: Warum?",
            "Hỏi: Vì sao?",
            "Câu hỏi 3: Vì sao?",
            "PV: Vậy à?",
            "Pregunta 12: ¿Qué?",
            "P: ¿Qué?",
            "Q1234: x",
            "Questions: x",
            "Qx",
            "",
            "Domanda 4: Perché?",
            "Question",
            "Q12Follow-up: x",
        ];
        for lang in Language::ALL {
            let lex = lexicon(lang);
            for t in texts {
                assert_eq!(question_words(t, lex), two_passes(t, lex), "{lang:?} {t:?}");
            }
        }
    }

    #[test]
    fn tokens_read_by_bytes_as_by_searches() {
        fn by_searches(text: &str) -> Vec<(usize, &str)> {
            let mut out = Vec::new();
            let mut at = 0;
            loop {
                let end = text[at..].find(' ').map_or(text.len(), |r| at + r);
                let t = &text[at..end];
                let t = t.find('：').map_or(t, |c| &t[..c + '：'.len_utf8()]);
                out.push((at, t));
                if end == text.len() {
                    return out;
                }
                at = end + 1;
            }
        }
        for t in [
            "",
            " ",
            "MS. JEAN-PIERRE: Thank you.",
            "Nguyễn Văn Điền：Xin chào：ạ",
            "a  b ",
            "Q",
            "Hỏi： Vì sao?",
            "：",
            "x：y：z w",
            "THE PRESIDENT. Yes",
            "\u{a0}Ana :",
        ] {
            assert_eq!(tokens_of(t).collect::<Vec<_>>(), by_searches(t), "{t:?}");
        }
    }

    #[test]
    fn name_marks_trim_by_bytes_as_by_characters() {
        for t in [
            "",
            ":",
            "：",
            ",",
            "Q:",
            "JEAN-PIERRE:",
            "HOST,",
            "A:,：",
            "Hỏi：",
            "Đáp:",
            "x：：",
            "MS.",
            "U.S..",
            "…",
            "é.",
            ".:",
            "a:.",
            "PV:",
            "SPIEGEL：",
            "\u{a0}:",
        ] {
            assert_eq!(
                trim_name_marks(t),
                t.trim_end_matches([':', '：', ',']),
                "{t:?}"
            );
            assert_eq!(trim_periods(t), t.trim_end_matches('.'), "{t:?}");
        }
    }

    #[test]
    fn upper_tokens_read_in_one_pass_as_in_three() {
        let three = |t: &str| {
            !t.is_empty()
                && t.chars().any(char::is_uppercase)
                && !t.chars().any(char::is_lowercase)
                && t.chars().all(|c| is_alnum(c) || ".'’-&/".contains(c))
        };
        for t in [
            "",
            "Q",
            "q",
            "MS.",
            "JEAN-PIERRE",
            "O’BRIEN",
            "AT&T",
            "A/B",
            "12",
            "X2",
            "NGUYỄN",
            "ĐÀO",
            "Đào",
            "SPIEGEL:",
            "É",
            "ÉCOLE",
            "ÉCOLe",
            "Σ",
            "ΣΑ",
            "ǅ",
            "ᾈ",
            "Ⅷ",
            "Ⓐ",
            "ß",
        ] {
            assert_eq!(is_upper_token(t), three(t), "{t:?}");
        }
    }

    fn lab(lang: Language, s: &str) -> Option<(LabelKind, String, String)> {
        label(s, lexicon(lang)).map(|l| (l.kind, l.name.to_string(), s[l.text_at..].to_string()))
    }

    fn ok(lang: Language, s: &str, kind: LabelKind, name: &str, speech: &str) {
        assert_eq!(
            lab(lang, s),
            Some((kind, name.to_string(), speech.to_string())),
            "{s}"
        );
    }

    #[test]
    fn labels_after_a_dash_and_its_space() {
        use LabelKind::*;
        let (vi, en) = (Language::Vi, Language::En);
        ok(
            vi,
            "- PV: Thưa ông, vì sao?",
            Question,
            "PV",
            "Thưa ông, vì sao?",
        );
        ok(
            vi,
            "- Thầy Nguyễn Văn Điền:",
            Speaker,
            "Thầy Nguyễn Văn Điền",
            "",
        );
        ok(en, "– Q: Why now?", Question, "Q", "Why now?");
        // A dash before plain speech is no label.
        assert_eq!(lab(en, "- Why now? Because: reasons."), None);
    }

    #[test]
    fn slug_names_alone_on_their_line() {
        use LabelKind::*;
        let (fr, en) = (Language::Fr, Language::En);
        ok(fr, "### nicolas-delorme：", Speaker, "nicolas-delorme", "");
        ok(
            fr,
            "moussa-cheikh-ndiaye:",
            Speaker,
            "moussa-cheikh-ndiaye",
            "",
        );
        ok(en, "ana-lee :", Speaker, "ana-lee", "");
        // Not with speech after it, nor a word with a hyphen (`e-mail`), nor
        // one word.
        assert_eq!(lab(en, "follow-up: what next?"), None);
        assert_eq!(lab(en, "e-mail:"), None);
        assert_eq!(lab(en, "host:"), None);
    }

    #[test]
    fn numbered_question_labels() {
        use LabelKind::*;
        let (en, de) = (Language::En, Language::De);
        ok(en, "Q1: Why now?", Question, "Q1", "Why now?");
        ok(en, "**Q12:** Why now?", Question, "Q12", "Why now?");
        ok(
            en,
            "Q1 Follow-up: And then?",
            Question,
            "Q1 Follow-up",
            "And then?",
        );
        ok(
            en,
            "Question 3: Why now?",
            Question,
            "Question 3",
            "Why now?",
        );
        ok(
            de,
            "Frage 2: Warum jetzt?",
            Question,
            "Frage 2",
            "Warum jetzt?",
        );
        ok(
            de,
            "Frage 2 Nachfrage: Und dann?",
            Question,
            "Frage 2 Nachfrage",
            "Und dann?",
        );
        // A quarter's name in a sentence, a long number, a word glued on.
        assert_eq!(lab(en, "Q3 revenue rose four percent."), None);
        assert_eq!(lab(en, "Q2024: a year in review"), None);
        assert_eq!(lab(en, "Q1x: nothing"), None);
    }

    #[test]
    fn question_and_answer_labels() {
        use LabelKind::*;
        use Language::*;
        ok(En, "Q: What now?", Question, "Q", "What now?");
        ok(En, "Q. What now?", Question, "Q", "What now?");
        ok(En, "Q Thank you, Dana.", Question, "Q", "Thank you, Dana.");
        ok(En, "A: Nothing.", Answer, "A", "Nothing.");
        ok(Vi, "Hỏi: Thưa ông?", Question, "Hỏi", "Thưa ông?");
        ok(Vi, "Đáp: Vâng.", Answer, "Đáp", "Vâng.");
        ok(Vi, "Trả lời: Vâng.", Answer, "Trả lời", "Vâng.");
        ok(Vi, "PV: Thưa ông?", Question, "PV", "Thưa ông?");
        ok(Vi, "PV:Thưa ông?", Question, "PV", "Thưa ông?");
        ok(Vi, "Phóng viên:", Question, "Phóng viên", "");
        ok(Es, "P. ¿Cómo empezó?", Question, "P", "¿Cómo empezó?");
        ok(Es, "—R. Pues así.", Answer, "R", "Pues así.");
        ok(De, "Frage: Warum?", Question, "Frage", "Warum?");
        ok(De, "Antwort: Darum.", Answer, "Antwort", "Darum.");
    }

    #[test]
    fn upper_case_speaker_labels() {
        use LabelKind::Speaker;
        use Language::En;
        ok(
            En,
            "MS. JACQUET-ROUX: All right.",
            Speaker,
            "MS. JACQUET-ROUX",
            "All right.",
        );
        ok(En, "MR KERWIN: Thanks.", Speaker, "MR KERWIN", "Thanks.");
        ok(
            En,
            "THE PRESIDENT: Well.",
            Speaker,
            "THE PRESIDENT",
            "Well.",
        );
        ok(
            En,
            "THE PRESIDENT. Since last spring",
            Speaker,
            "THE PRESIDENT",
            "Since last spring",
        );
        // An abbreviated title inside the label, up to its colon; a
        // period before speech in capitals still ends it.
        ok(
            Language::De,
            "VORS. DETJEN: Dann bedanke ich mich.",
            Speaker,
            "VORS. DETJEN",
            "Dann bedanke ich mich.",
        );
        ok(
            Language::Es,
            "SRIA. GONZÁLEZ: Gracias.",
            Speaker,
            "SRIA. GONZÁLEZ",
            "Gracias.",
        );
        ok(
            En,
            "THE PRESIDENT. OK, LET ME SAY: thanks",
            Speaker,
            "THE PRESIDENT",
            "OK, LET ME SAY: thanks",
        );
        ok(
            En,
            "SENIOR ADMINISTRATION OFFICIAL: Thanks.",
            Speaker,
            "SENIOR ADMINISTRATION OFFICIAL",
            "Thanks.",
        );
        ok(
            En,
            "NICK FALLOWES, HOST:",
            Speaker,
            "NICK FALLOWES, HOST",
            "",
        );
        ok(En, "STANDARD:: Warum?", Speaker, "STANDARD", "Warum?");
        let l = label(
            "FRANK CALDERWOOD [Associated Press]. Thank you.",
            lexicon(En),
        )
        .unwrap();
        assert_eq!(
            (l.name, l.note),
            ("FRANK CALDERWOOD", Some("Associated Press"))
        );
    }

    #[test]
    fn mixed_case_and_honorific_labels() {
        use LabelKind::Speaker;
        use Language::*;
        ok(
            En,
            "Theodore D. Crane: Thank you.",
            Speaker,
            "Theodore D. Crane",
            "Thank you.",
        );
        ok(
            En,
            "Operator: Certainly.",
            Speaker,
            "Operator",
            "Certainly.",
        );
        ok(
            En,
            "Jane Porter: (00:27) Hello.",
            Speaker,
            "Jane Porter",
            "Hello.",
        );
        ok(En, "Speaker 2: Right.", Speaker, "Speaker 2", "Right.");
        ok(
            Vi,
            "Ông Nguyễn Xuân Tùng: Ngành",
            Speaker,
            "Ông Nguyễn Xuân Tùng",
            "Ngành",
        );
        ok(
            Vi,
            "PGS.TS. Nguyễn Duy Khang:",
            Speaker,
            "PGS.TS. Nguyễn Duy Khang",
            "",
        );
        ok(
            Vi,
            "Ông Trần Quốc Bảo – Giám đốc Sở Y tế tỉnh Bình Định: Năm nay",
            Speaker,
            "Ông Trần Quốc Bảo – Giám đốc Sở Y tế tỉnh Bình Định",
            "Năm nay",
        );
        ok(
            Fr,
            "Florence d’Arvieu-Mas: Oui.",
            Speaker,
            "Florence d’Arvieu-Mas",
            "Oui.",
        );
    }

    #[test]
    fn labels_in_bold() {
        use LabelKind::*;
        use Language::En;
        ok(
            En,
            "**Christian Halden:** I think",
            Speaker,
            "Christian Halden",
            "I think",
        );
        ok(En, "**Lukas**: You can", Speaker, "Lukas", "You can");
        ok(En, "**CH:** Not really", Speaker, "CH", "Not really");
        let l = label("**Q: Do you agree?**", lexicon(En)).unwrap();
        assert!(l.bold_paragraph && l.kind == Question);
        assert_eq!(l.name, "Q");
        ok(En, "**A.** Both.", Answer, "A", "Both.");
    }

    #[test]
    fn labels_in_italics_headings_and_bullets() {
        use LabelKind::*;
        use Language::*;
        ok(En, "*MM*: We shipped it.", Speaker, "MM", "We shipped it.");
        ok(Fr, "_Claire Aubin_ : Oui.", Speaker, "Claire Aubin", "Oui.");
        ok(De, "#### Peter Brandt:", Speaker, "Peter Brandt", "");
        ok(En, "### Q: Why now?", Question, "Q", "Why now?");
        ok(
            Vi,
            "+ Ông Vũ Văn Tám: Tôi xin trả lời.",
            Speaker,
            "Ông Vũ Văn Tám",
            "Tôi xin trả lời.",
        );
        ok(En, "• Q: And then?", Question, "Q", "And then?");
    }

    #[test]
    fn a_space_or_a_full_width_colon_before_the_speech() {
        use LabelKind::*;
        use Language::*;
        ok(
            Fr,
            "Olivier Dumas : Bien sûr.",
            Speaker,
            "Olivier Dumas",
            "Bien sûr.",
        );
        ok(Fr, "Q : Pourquoi ?", Question, "Q", "Pourquoi ?");
        ok(
            En,
            "Anna Berg：What now?",
            Speaker,
            "Anna Berg",
            "What now?",
        );
        ok(En, "ANNA BERG： Nothing.", Speaker, "ANNA BERG", "Nothing.");
        // A script without case has no upper-case label.
        assert!(label("作者：[Mike Sutter][a]", lexicon(En)).is_none());
        // A heading that is not a label, and a sentence whose colon is spaced.
        for s in [
            "## Les débuts",
            "La raison : l'argent.",
            "# 1. Introduction",
        ] {
            assert!(label(s, lexicon(Fr)).is_none(), "{s}");
        }
    }

    #[test]
    fn a_dash_after_a_name() {
        use LabelKind::*;
        use Language::*;
        ok(
            Pt,
            "BBC Brasil - Como assim?",
            Speaker,
            "BBC Brasil",
            "Como assim?",
        );
        ok(
            Pt,
            "Batista – (Risos) Vamos.",
            Speaker,
            "Batista",
            "(Risos) Vamos.",
        );
        ok(
            En,
            "Tom Reed - Yes, we did.",
            Speaker,
            "Tom Reed",
            "Yes, we did.",
        );
        // Question and answer words before a spaced dash, the speech
        // opening a sentence after it.
        ok(
            Pt,
            "P – Quantos moradores perdeu o bairro?",
            Question,
            "P",
            "Quantos moradores perdeu o bairro?",
        );
        ok(It, "R - Con fiebre.", Answer, "R", "Con fiebre.");
        ok(Es, "P - ¿Y el precio?", Question, "P", "¿Y el precio?");
        // A follow-up's word alone.
        ok(
            Language::De,
            "Nachfrage: Die Händler befürchten Einbußen.",
            Question,
            "Nachfrage",
            "Die Händler befürchten Einbußen.",
        );
        ok(
            Es,
            "Repregunta: ¿Y el precio?",
            Question,
            "Repregunta",
            "¿Y el precio?",
        );
        // A post and its article, the name left out.
        ok(
            Fr,
            "Le ministre : Je vous remercie.",
            Speaker,
            "Le ministre",
            "Je vous remercie.",
        );
        ok(
            Es,
            "La alcaldesa: Gracias.",
            Speaker,
            "La alcaldesa",
            "Gracias.",
        );
        assert!(label("Le ministre de la Culture a dit : non.", lexicon(Fr)).is_none());
        // A dash glued to the period after a label.
        ok(
            Es,
            "PREGUNTA.— ¿Y el público?",
            Question,
            "PREGUNTA",
            "¿Y el público?",
        );
        ok(
            Es,
            "RESPUESTA.- Nunca faltó.",
            Answer,
            "RESPUESTA",
            "Nunca faltó.",
        );
        assert!(label("A – a word of warning", lexicon(En)).is_none());
        // Not before lower case (an apposition), nor a question label.
        assert!(label("Hà Nội - nơi tôi sinh ra", lexicon(Vi)).is_none());
        assert!(label("Q - Why?", lexicon(En)).is_none_or(|l| l.kind != Speaker));
        assert!(label("And I — I don't know.", lexicon(En)).is_none());
        assert!(label("I — I don't know.", lexicon(En)).is_none());
        assert!(
            label(
                "Ông Nguyễn Xuân Tùng - Cục trưởng Cục Đường thủy",
                lexicon(Vi)
            )
            .is_none()
        );
    }

    #[test]
    fn labels_with_time_stamps() {
        use LabelKind::*;
        use Language::*;
        ok(
            En,
            "[Speaker 1] [00:42] So, Bernadette.",
            Speaker,
            "Speaker 1",
            "So, Bernadette.",
        );
        ok(
            Es,
            "[Ana Ruiz] 00:01:02 Sí, claro.",
            Speaker,
            "Ana Ruiz",
            "Sí, claro.",
        );
        ok(En, "Rohan: 00:00:07", Speaker, "Rohan", "");
        ok(Fr, "Claire Aubin : 00:12", Speaker, "Claire Aubin", "");
        ok(
            En,
            "Jane Porter: (00:27) Yes.",
            Speaker,
            "Jane Porter",
            "Yes.",
        );
        // The stamp before the delimiter, the speech on the next line.
        ok(En, "Ben Carver (00:00:02):", Speaker, "Ben Carver", "");
        ok(
            De,
            "Katrin Behrendt [01:12]: Nein.",
            Speaker,
            "Katrin Behrendt",
            "Nein.",
        );
        // A clock before more words is speech; a bracket without a stamp
        // is a note, not a label.
        ok(
            En,
            "Rohan: 10:30 is when we met.",
            Speaker,
            "Rohan",
            "10:30 is when we met.",
        );
        assert!(label("[Editor's note] This was edited.", lexicon(En)).is_none());
        assert!(label("[Laughter] [00:17]", lexicon(En)).is_none());
    }

    #[test]
    fn a_reporter_named_after_a_question_label() {
        let l = label(
            "Q. (Tom Hale – Racing Weekly) Marta, how?",
            lexicon(Language::En),
        )
        .unwrap();
        assert_eq!(l.note, Some("Tom Hale – Racing Weekly"));
    }

    #[test]
    fn refuses_what_is_not_a_label() {
        for (lang, s) in [
            (Language::En, "2:47 P.M. EST"),
            (Language::En, "https://example.com/a"),
            (Language::En, "The reason: money"),
            (Language::En, "we said: no"),
            (Language::Vi, "Chăm sóc tóc vào mùa hanh: gội đầu nước ấm"),
            (Language::En, "**TEAM REPRESENTATIVES**"),
            (Language::En, "END 1:34 P.M. EDT"),
            (Language::En, "Quite so."),
            (Language::En, "Apple said A. B. Smith would"),
        ] {
            assert!(
                label(s, lexicon(lang)).is_none(),
                "{s}: {:?}",
                label(s, lexicon(lang))
            );
        }
    }
}
