//! People introduced in captions, ledes and headlines.
//!
//! ```text
//! intro    := HONORIFIC* name (SEP title)? (PHRASE outlet)?
//! name     := capitalised word{1,5}              -- two at least without an honorific
//! SEP      := " - " | " – " | ", "
//! title    := text up to PHRASE, "(", or the end
//! headline := HONORIFIC* name ":" QUOTE …          -- Phan Thanh Vy: 'Tôi …'
//! portrait := HONORIFIC* name DASH POST text?          -- at most PORTRAIT_MAX_WORDS
//! DASH     := " - " | " – " | " — "
//! ```
//!
//! Accepts `Ông Đặng Minh Khoa - Bí thư Đảng ủy Khối doanh nghiệp tỉnh trả
//! lời phỏng vấn Báo Bình Sơn` (honorific, name, title, outlet), `Marie
//! Dufresne, directrice de l'Observatoire, répond à nos questions`, `Bà Trần
//! Thị Mai, Giám đốc Sở Y tế`. Honorifics and the phrases that say someone
//! gives an interview come from the [`Lexicon`].

use super::{SPACED_DASHES, find_ci, longest_of};
use crate::lang::Lexicon;
use crate::text::is_capitalised;
use crate::text::{is_alnum, is_alpha};

/// Someone a line introduces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Intro<'a> {
    pub honorific: Option<&'a str>,
    pub name: &'a str,
    /// Byte offset of the name in the line.
    pub name_at: usize,
    pub title: Option<&'a str>,
    pub outlet: Option<&'a str>,
    /// Whether the line says the person gives the interview.
    pub gives_interview: bool,
}

/// The honorifics (and, with `posts`, the posts) at the start of `text`,
/// followed by a capitalised word: the text they cover and its length.
fn honorifics<'a>(text: &'a str, lex: &Lexicon, posts: bool) -> (Option<&'a str>, usize) {
    let mut at = 0;
    let next_title = |t: &str| {
        let h = longest_of(t, &lex.honorifics);
        let p = if posts {
            longest_of(t, &lex.posts)
        } else {
            None
        };
        h.max(p)
    };
    while let Some(n) = next_title(&text[at..]) {
        let next = &text[at + n..];
        let Some(rest) = next.strip_prefix(' ') else {
            break;
        };
        if !rest.split(' ').next().is_some_and(is_capitalised) {
            break;
        }
        at += n + 1;
    }
    if at == 0 {
        (None, 0)
    } else {
        (Some(text[..at].trim_end()), at)
    }
}

/// A capitalised word of letters (an initial such as `D.` too), or a
/// family name after an elided particle (`d'Ornano`, `d’Arvieu-Mas`).
fn is_name_word(w: &str) -> bool {
    let w = crate::lang::ELIDED_PARTICLES
        .iter()
        .find_map(|p| w.strip_prefix(p))
        .filter(|rest| is_capitalised(rest))
        .unwrap_or(w);
    let letters = w
        .chars()
        .all(|c| is_alpha(c) || c == '.' || c == '-' || c == '\'' || c == '’');
    let initial = w.chars().count() <= 3 && w.ends_with('.');
    is_capitalised(w) && letters && (!w.ends_with('.') || initial)
}

/// The name at the start of `text`: its length in bytes and word count.
fn name_len(text: &str) -> (usize, usize) {
    let mut end = 0;
    let mut words = 0;
    for (i, w) in split_words(text) {
        // A Markdown link's text ends at its `](` (`[Ann Lee](/ann-lee),`).
        let core = w.split("](").next().unwrap_or(w);
        let core = core.trim_end_matches([',', ';', ':']);
        // A full stop after a name word that is no initial ends the
        // sentence, and the name (`… Chính phủ Trịnh Văn Lộc.`).
        let core = match core.strip_suffix('.') {
            Some(word) if word.chars().count() > 2 && !word.contains('.') => word,
            _ => core,
        };
        if words == 5 || !is_name_word(core) {
            break;
        }
        end = i + core.len();
        words += 1;
        if core.len() != w.len() {
            // Punctuation ends the name.
            break;
        }
    }
    (end, words)
}

fn split_words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut pos = 0;
    text.split(' ').map(move |w| {
        let at = pos;
        pos += w.len() + 1;
        (at, w)
    })
}

/// The most words of a portrait's caption: a name and a post, with the
/// office or place the post belongs to. An apposition that goes on into a
/// clause (`Ông X – Chủ tịch xã – cho biết …`) runs longer.
pub(crate) const PORTRAIT_MAX_WORDS: usize = 18;

/// Parses a line that is a person and a post and nothing else, the caption
/// of a portrait: `Bà Hoàng Lan – Trưởng phòng Giáo dục tiểu học`, `Marta
/// Lindgren – Director of Operations, Hallbeck Ferries.`. The post opens
/// with a post word of the language's table or of English's; the name has
/// two capitalised words, or one after an honorific. Returns the name.
pub(crate) fn portrait<'a>(text: &'a str, lex: &Lexicon) -> Option<&'a str> {
    let words = text.split_whitespace().count();
    if !(3..=PORTRAIT_MAX_WORDS).contains(&words)
        || text.ends_with([':', '?', ','])
        || text.contains(". ")
    {
        return None;
    }
    let (honorific, at) = honorifics(text, lex, false);
    let rest = &text[at..];
    let (n, name_words) = name_len(rest);
    if name_words == 0 || (honorific.is_none() && name_words < 2) {
        return None;
    }
    let after = SPACED_DASHES
        .iter()
        .find_map(|d| rest[n..].strip_prefix(d))?;
    // A second dash before a word in lower case closes the apposition and
    // a clause goes on (`Ông X – Chủ tịch xã – cho biết …`).
    let clause = SPACED_DASHES.iter().any(|d| {
        after
            .match_indices(d)
            .any(|(i, _)| after[i + d.len()..].starts_with(char::is_lowercase))
    });
    if clause {
        return None;
    }
    let en = crate::lang::lexicon(crate::Language::En);
    let post = longest_of(after, &lex.posts).or_else(|| longest_of(after, &en.posts))?;
    // The post is a word of its own, written as a title is: capitalised.
    after[..post]
        .starts_with(char::is_uppercase)
        .then_some(&rest[..n])
}

/// Parses a line that introduces someone by name. Without an honorific the
/// line must also say that they give the interview.
pub(crate) fn intro<'a>(text: &'a str, lex: &Lexicon) -> Option<Intro<'a>> {
    if text.len() > 400 {
        return None;
    }
    let (honorific, at) = honorifics(text, lex, true);
    let rest = &text[at..];
    let (n, words) = name_len(rest);
    // A comma or dash glued to the last name word ends the name.
    let name = rest[..n].trim_end_matches([',', ';']);
    if words == 0 || (honorific.is_none() && words < 2) {
        return None;
    }
    let after = &rest[name.len()..];
    let phrase = lex
        .interview_phrases
        .iter()
        .filter_map(|p| find_ci(after, p).map(|i| (i, p.len())))
        .min_by_key(|&(i, _)| i);
    if honorific.is_none() && phrase.is_none() {
        return None;
    }
    let title_end = phrase.map_or(after.len(), |(i, _)| i);
    let title = after[..title_end]
        .trim_start_matches([',', ' ', '-', '–', '—'])
        .split(['(', '.'])
        .next()
        .unwrap_or("")
        .trim()
        .trim_end_matches([',', ' ']);
    let has_sep = after.starts_with([','])
        || after.starts_with(" -")
        || after.starts_with(" –")
        || after.starts_with(" —");
    let outlet = phrase.and_then(|(i, len)| {
        let o = after[i + len..].trim().trim_end_matches(['.', ' ']);
        let o = o.split(['.', ',', '(']).next().unwrap_or("").trim();
        (!o.is_empty() && is_capitalised(o) && o.split(' ').count() <= 6).then_some(o)
    });
    Some(Intro {
        honorific,
        name,
        name_at: at,
        title: (has_sep && !title.is_empty()).then_some(title),
        outlet,
        gives_interview: phrase.is_some(),
    })
}

/// The person a headline quotes: `Name: 'quote'` or `Name: "quote"`.
pub(crate) fn quoted_headline<'a>(
    text: &'a str,
    lex: &Lexicon,
) -> Option<(Option<&'a str>, &'a str, usize)> {
    let (head, quote) = text.split_once(':')?;
    if !quote
        .trim_start()
        .starts_with(['\'', '"', '‘', '“', '«', '„'])
    {
        return None;
    }
    let (honorific, at) = honorifics(head, lex, true);
    let name = head[at..].trim();
    let (n, words) = name_len(name);
    (n == name.len() && (words >= 2 || honorific.is_some() && words >= 1))
        .then_some((honorific, name, at))
}

/// A person named with a personal honorific (`ông Trương Văn Hậu`, `Dr.
/// Anna Lee`) at the start of `text`: the honorific and the name.
pub(crate) fn mention<'a>(text: &'a str, lex: &Lexicon) -> Option<(&'a str, &'a str)> {
    let (honorific, at) = honorifics(text, lex, false);
    if let Some(h) = honorific {
        let rest = &text[at..];
        let (n, words) = name_len(rest);
        return (words >= 2).then(|| (h, &rest[..n]));
    }
    // A field after the honorific, in lower case: `tiến sĩ tâm lý Phan
    // Minh Đức`, `Dr. in physics …` is not taken (an English field is rare).
    let n = longest_of(text, &lex.honorifics)?;
    let mut rest = text[n..].strip_prefix(' ')?;
    for _ in 0..MAX_FIELD_WORDS {
        let (w, r) = rest.split_once(' ')?;
        if !w.chars().all(|c| c.is_lowercase()) {
            break;
        }
        rest = r;
    }
    let (len, words) = name_len(rest);
    (words >= 2).then(|| (&text[..n], &rest[..len]))
}

/// The most lower-case words between an honorific and a name.
const MAX_FIELD_WORDS: usize = 3;

/// Runs of two to four capitalised name words in `text`, each with whether
/// a personal honorific stands before it. Honorifics and posts that open a
/// run are left out of the name.
pub(crate) fn name_runs<'a>(text: &'a str, lex: &Lexicon) -> Vec<(bool, &'a str)> {
    let mut out = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let skip = rest.len() - rest.trim_start_matches(|c: char| !is_alnum(c)).len();
        rest = &rest[skip..];
        if rest.is_empty() {
            break;
        }
        let (hon, at) = honorifics(rest, lex, true);
        let personal = hon.is_some() && honorifics(rest, lex, false).0.is_some();
        let (n, words) = name_len(&rest[at..]);
        if (2..=4).contains(&words) {
            out.push((personal, &rest[at..at + n]));
        }
        let advance = if n > 0 {
            at + n
        } else {
            rest.find(' ').map_or(rest.len(), |i| i + 1)
        };
        rest = &rest[advance.max(1).min(rest.len())..];
        while !rest.is_char_boundary(0) {
            rest = &rest[1..];
        }
    }
    out
}

#[cfg(test)]
mod portrait_tests {
    use super::*;
    use crate::Language;
    use crate::lang::lexicon;

    #[test]
    fn a_name_a_dash_and_a_post_is_a_portrait() {
        let vi = lexicon(Language::Vi);
        let en = lexicon(Language::En);
        let fr = lexicon(Language::Fr);
        assert_eq!(
            portrait("Ông Trương Văn Lợi - Chủ tịch UBND tỉnh Lai Châu.", vi),
            Some("Trương Văn Lợi")
        );
        assert_eq!(
            portrait(
                "Bà Hoàng Lan – Trưởng phòng Giáo dục tiểu học – Sở GD&ĐT.",
                vi
            ),
            Some("Hoàng Lan")
        );
        assert_eq!(
            portrait(
                "Marta Lindgren – Director of Operations, Hallbeck Ferries.",
                en
            ),
            Some("Marta Lindgren")
        );
        assert_eq!(
            portrait("Claire Morel — Directrice du musée de la Mer", fr),
            Some("Claire Morel")
        );
    }

    #[test]
    fn near_misses_are_not_portraits() {
        let vi = lexicon(Language::Vi);
        let en = lexicon(Language::En);
        // A comma apposition that goes on with a verb: a sentence.
        assert_eq!(
            portrait(
                "Ông Cil Ha Nhiên, Chủ tịch UBND xã, cho biết sẽ lập tổ tuần tra.",
                vi
            ),
            None
        );
        // A dash apposition that runs on into a clause, short or long.
        assert_eq!(
            portrait(
                "Marta Lindgren – Director of Operations at Hallbeck Ferries – said the tug runs twice a night.",
                en
            ),
            None
        );
        assert_eq!(
            portrait(
                "Marta Lindgren – Director of Operations at Hallbeck Ferries and of its two shipyards on the northern shore, now retired.",
                en
            ),
            None
        );
        // A label, a question, a single name without an honorific, two sentences.
        assert_eq!(
            portrait("Ông Trương Văn Lợi – Chủ tịch UBND tỉnh:", vi),
            None
        );
        assert_eq!(portrait("Marta Lindgren – Director of what?", en), None);
        assert_eq!(portrait("Lindgren – Director of Operations.", en), None);
        assert_eq!(
            portrait("Marta Lindgren – Director. She runs the ferries.", en),
            None
        );
        // The word after the dash is no post.
        assert_eq!(portrait("Marta Lindgren – a life on the ice.", en), None);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Language;
    use crate::lang::lexicon;

    #[test]
    fn vietnamese_caption_intro() {
        let s = "Ông Lương Văn Nam - Bí thư Huyện ủy trả lời phỏng vấn Báo Sông Lam";
        let i = intro(s, lexicon(Language::Vi)).unwrap();
        assert_eq!(i.honorific, Some("Ông"));
        assert_eq!(i.name, "Lương Văn Nam");
        assert_eq!(i.title, Some("Bí thư Huyện ủy"));
        assert_eq!(i.outlet, Some("Báo Sông Lam"));
        assert!(i.gives_interview);
    }

    #[test]
    fn stacked_honorifics_and_comma_title() {
        let s = "PGS.TS. Trần Thị Mai, Giám đốc Bệnh viện Tỉnh";
        let i = intro(s, lexicon(Language::Vi)).unwrap();
        assert_eq!(i.honorific, Some("PGS.TS."));
        assert_eq!(i.name, "Trần Thị Mai");
        assert_eq!(i.title, Some("Giám đốc Bệnh viện Tỉnh"));
        assert!(!i.gives_interview);
    }

    #[test]
    fn intro_without_honorific_needs_a_phrase() {
        let fr = lexicon(Language::Fr);
        let i = intro(
            "Marie Dufresne, directrice de l'Observatoire, répond à nos questions.",
            fr,
        )
        .unwrap();
        assert_eq!(i.name, "Marie Dufresne");
        assert_eq!(i.title, Some("directrice de l'Observatoire"));
        assert!(intro("Marie Dufresne a visité la digue.", fr).is_none());
    }

    #[test]
    fn a_caption_doing_something_names_without_title() {
        let i = intro(
            "Ông Lương Văn Nam trao quà cho các đơn vị",
            lexicon(Language::Vi),
        )
        .unwrap();
        assert_eq!(i.name, "Lương Văn Nam");
        assert_eq!(i.title, None);
    }

    #[test]
    fn mentions_need_a_personal_honorific() {
        let vi = lexicon(Language::Vi);
        assert_eq!(
            mention("ông Y Thuật Niê, Phó Giám đốc", vi),
            Some(("ông", "Y Thuật Niê"))
        );
        assert_eq!(mention("Phó Giám đốc Công ty Điện lực", vi), None);
    }

    #[test]
    fn runs_of_names() {
        let en = lexicon(Language::En);
        let runs = name_runs(
            "Three years ago, Ruth Okafor persuaded the Green Towns council and Dr. Anna Lee",
            en,
        );
        assert_eq!(
            runs,
            vec![
                (false, "Ruth Okafor"),
                (false, "Green Towns"),
                (true, "Anna Lee")
            ]
        );
        // A name that ends a sentence ends at its full stop; an initial
        // does not end one.
        let vi = lexicon(Language::Vi);
        let runs = name_runs("Tổng thanh tra Chính phủ Trịnh Văn Lộc. \"Thanh tra…", vi);
        assert!(runs.contains(&(false, "Trịnh Văn Lộc")), "{runs:?}");
        let runs = name_runs("It was John F. Kennedy. Then", en);
        assert!(runs.contains(&(false, "John F. Kennedy")), "{runs:?}");
    }

    #[test]
    fn quoted_headlines() {
        let vi = lexicon(Language::Vi);
        assert_eq!(
            quoted_headline("Lê Hồng Nhung: 'Tôi chưa bao giờ bỏ cuộc'", vi).map(|q| q.1),
            Some("Lê Hồng Nhung")
        );
        assert!(quoted_headline("Chăm sóc tóc vào mùa hanh: những điều cần biết", vi).is_none());
        assert!(quoted_headline("Hội nghị tổng kết: 'Chia sẻ kinh nghiệm'", vi).is_none());
    }
}
