//! Bylines: who wrote or conducted the interview.
//!
//! ```text
//! byline := BEFORE names "."?                 -- Propos recueillis par X, Interview by X, By A and B
//!         | names "(" AFTER ")"? "."?         -- P.V (Thực hiện), X (ghi), X (thực hiện   (bracket lost)
//!         | names AFTER "."?                  -- Thu Hà thực hiện
//!         | names "/" OUTLET                  -- Đào Hạnh/VOV.VN, PV/VOV.VN
//! names  := name ((" - " | " – " | ", " | JOINER) name)*
//! name   := 1 to 5 capitalised words (or an abbreviation such as P.V)
//! ```
//!
//! `BEFORE`, `AFTER` and `JOINER` come from the [`Lexicon`]. Refuses
//! sentences (a lower-case word among the names), long lines, and lines
//! with digits in a name.

use super::{any_word, longest, prefix_ci};
use crate::lang::Lexicon;
use crate::model::BylineRole;
use crate::text::is_capitalised;
use crate::text::{is_alnum, is_alpha, split_once_sep};

/// What a byline says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct BylineParts<'a> {
    pub names: Vec<&'a str>,
    pub role: BylineRole,
    /// The outlet after a slash (`VOV.VN`).
    pub outlet: Option<&'a str>,
}

/// The longest line read as a byline.
const MAX_LEN: usize = 120;
/// The longest line read as a byline when a credit word opens it (the
/// names may be followed by titles, a place and a date).
const CREDITED_MAX_LEN: usize = 240;
/// The longest paragraph worth trying as a byline.
pub(crate) const LONGEST: usize = CREDITED_MAX_LEN;

/// A person's name: up to five capitalised words of letters.
pub(crate) fn is_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 5
        && s.len() <= 48
        && words.iter().all(|w| {
            is_capitalised(w)
                && !w.chars().any(|c| c.is_ascii_digit())
                && w.chars()
                    .all(|c| is_alpha(c) || ".-'’".contains(c) || !c.is_ascii())
        })
}

/// One name of up to four words of letters, in any case, none of them a
/// frequent word or a pronoun of the language.
fn loose_names<'a>(s: &'a str, lex: &Lexicon) -> Option<Vec<&'a str>> {
    let s = s.trim();
    let words: Vec<&str> = s.split_whitespace().collect();
    let common = |w: &&str| {
        let lower = w.to_lowercase();
        lex.stopwords
            .candidates(w)
            .chain(lex.first_person.candidates(w))
            .any(|x| x.to_lowercase() == lower)
    };
    let ok = (1..=4).contains(&words.len())
        && s.len() <= 40
        && s.chars().all(|c| is_alpha(c) || c == ' ' || c == '.')
        && !words.iter().any(common);
    ok.then(|| vec![s])
}

/// A run of names cut at its separators: each piece, and whether a joiner
/// (`&`, `and`, `et`, also after a serial comma) stands before it.
fn pieces<'a>(s: &'a str, lex: &Lexicon) -> Vec<(&'a str, bool)> {
    Pieces::of(s, lex).collect()
}

/// The pieces of a run of names ([`pieces`]), cut one at a time, so that
/// a reader wanting few stops early.
struct Pieces<'a, 'l> {
    rest: &'a str,
    joined: bool,
    done: bool,
    lex: &'l Lexicon,
}

impl<'a, 'l> Pieces<'a, 'l> {
    fn of(s: &'a str, lex: &'l Lexicon) -> Self {
        Pieces {
            rest: s.trim(),
            joined: false,
            done: false,
            lex,
        }
    }

    /// The separator opening `tail` (which opens with a space, a comma or
    /// a semicolon): its length and whether it is a joiner.
    fn separator(&self, tail: &str) -> Option<(usize, bool)> {
        [" - ", " – ", " — ", ", ", "; ", " & "]
            .iter()
            .find(|s| tail.starts_with(**s))
            .map(|s| (s.len(), *s == " & "))
            .or_else(|| {
                let t = tail.strip_prefix(' ')?;
                // A word no joiner opens with is passed over unread.
                let first = *t.as_bytes().first()?;
                if !self.lex.name_joiners.opening_table()[usize::from(first)] {
                    return None;
                }
                let n = any_word(&self.lex.name_joiners)(t)
                    .ok()
                    .map(|(r, _)| t.len() - r.len())?;
                t[n..].starts_with(' ').then_some((n + 2, true))
            })
    }
}

impl<'a> Iterator for Pieces<'a, '_> {
    type Item = (&'a str, bool);

    fn next(&mut self) -> Option<(&'a str, bool)> {
        let rest = self.rest;
        if self.done || rest.is_empty() {
            return None;
        }
        // Every separator opens with a space, a comma or a semicolon.
        for i in memchr::memchr3_iter(b' ', b',', b';', rest.as_bytes()) {
            let Some((n, joiner)) = self.separator(&rest[i..]) else {
                continue;
            };
            let piece = (rest[..i].trim(), self.joined);
            self.rest = &rest[i + n..];
            self.joined = joiner;
            // The serial comma: `A, B, and C`.
            if let Ok((r, _)) = any_word(&self.lex.name_joiners)(self.rest) {
                if r.starts_with(' ') {
                    self.rest = r.trim_start();
                    self.joined = true;
                }
            }
            return Some(piece);
        }
        self.done = true;
        Some((rest.trim(), self.joined))
    }
}

/// Splits a run of names on dashes, commas and the language's joiners.
fn names<'a>(s: &'a str, lex: &Lexicon) -> Option<Vec<&'a str>> {
    let out: Vec<&str> = pieces(s, lex).into_iter().map(|(p, _)| p).collect();
    (!out.is_empty() && out.iter().all(|n| is_name(n))).then_some(out)
}

/// The names after a credit word, each of which may be followed by what
/// the person does and by where and when (`Claire Vasseur, journaliste,
/// et Marc Olier, photographe, à Lyon le 3 mars`): the first piece is a
/// name; once a piece is no name (an apposition), only a piece after a
/// joiner is one, and the rest are passed over.
fn credited_names<'a>(s: &'a str, lex: &Lexicon) -> Option<Vec<&'a str>> {
    let pieces = pieces(s, lex);
    if pieces.iter().all(|(p, _)| is_name(p)) {
        return Some(pieces.into_iter().map(|(p, _)| p).collect());
    }
    // With appositions, the names are people's: two words or more
    // (`By Friday, the team…` names no one), and each apposition is short.
    let person = |p: &str| is_name(p) && p.split_whitespace().count() >= 2;
    let mut out = Vec::new();
    let mut apposed = false;
    for (k, (piece, joined)) in pieces.into_iter().enumerate() {
        if person(piece) && (!apposed || joined) {
            out.push(piece);
        } else if k == 0 || piece.split_whitespace().count() > APPOSITION_MAX_WORDS {
            return None;
        } else {
            apposed = true;
        }
    }
    Some(out)
}

/// The most words of what follows a credited name (`photographe
/// indépendant`, `in Sunderland on 4 May 2021`).
const APPOSITION_MAX_WORDS: usize = 8;

/// A user name standing for a person: one token of letters, digits and
/// `_ - . @` with a letter (`kwalsh88`, `imkerin_hb`, `Bl@zer`), not a
/// frequent word of the language.
pub(crate) fn is_handle(s: &str, lex: &Lexicon) -> bool {
    (2..=HANDLE_MAX_LEN).contains(&s.len())
        && s.chars().any(is_alpha)
        && s.chars().all(|c| is_alnum(c) || "_-.@".contains(c))
        && !lex.stopwords.iter().any(|w| w.eq_ignore_ascii_case(s))
}

/// The longest user name read as one.
const HANDLE_MAX_LEN: usize = 32;

/// The text of a Markdown link standing for the names: `[Anusha KP][a]`,
/// `[Ruth Bell](https://…)`.
fn unlink(s: &str) -> &str {
    let Some(inner) = s.strip_prefix('[') else {
        return s;
    };
    let Some(close) = inner.find(']') else {
        return s;
    };
    let after = &inner[close + 1..];
    let linked = (after.starts_with('[') && after.ends_with(']'))
        || (after.starts_with('(') && after.ends_with(')'));
    if linked { &inner[..close] } else { s }
}

fn strip_end(s: &str) -> &str {
    s.trim().trim_end_matches(['.', ' ']).trim_end()
}

/// Parses a cleaned line as a byline.
pub(crate) fn byline<'a>(text: &'a str, lex: &Lexicon) -> Option<BylineParts<'a>> {
    if text.len() > CREDITED_MAX_LEN {
        return None;
    }
    let sentence = text.trim_end().ends_with('.');
    let text = strip_end(text);
    // BEFORE names
    let before = longest(text, &lex.byline_before)
        .or_else(|| longest(text, &crate::lang::NEUTRAL_BYLINE_BEFORE));
    if text.len() > MAX_LEN && before.is_none() {
        return None;
    }
    // The word for "the reporter" alone (`PV`).
    if is_generic_reporter(text, lex) {
        return Some(BylineParts {
            names: vec![text],
            role: BylineRole::Author,
            outlet: None,
        });
    }
    // Credits in segments: `Reporting by X; Editing by Y`.
    if let Some((first, second)) = split_once_sep(text, "; ") {
        let a = byline(first, lex)?;
        let b = byline(second, lex)?;
        let mut names = a.names;
        names.extend(b.names);
        return Some(BylineParts {
            names,
            role: a.role,
            outlet: None,
        });
    }
    if let Some((n, role)) = before {
        let written = text[n..].trim_start_matches([' ', ':', '：']);
        let rest = unlink(written);
        // Names in lower case after the credit word, but not a sentence
        // (`by maya okafor`, not `by the way`).
        let lower = loose_names(rest, lex).filter(|v| {
            let words: Vec<&str> = v[0].split_whitespace().collect();
            !sentence
                && words.len() >= 2
                && !words
                    .iter()
                    .any(|w| lex.stopwords.iter().any(|s| s.eq_ignore_ascii_case(w)))
        });
        // A linked user name: the link vouches for it (`[kwalsh88][a]`).
        let handle = || (rest.len() < written.len() && is_handle(rest, lex)).then(|| vec![rest]);
        if let Some(mut names) = credited_names(rest, lex).or(lower).or_else(handle) {
            // A post after the name is no second author (`By Gail
            // Summers, Staff Writer`, `Por Lucía Herrero, Redacción`).
            let en = crate::lang::lexicon(crate::Language::En);
            let generic = |n: &&str| is_generic_reporter(n, lex) || is_generic_reporter(n, en);
            if names.iter().any(|n| !generic(n)) {
                names.retain(|n| !generic(n));
            }
            return Some(BylineParts {
                names,
                role,
                outlet: None,
            });
        }
    }
    if text.len() > MAX_LEN {
        return None;
    }
    // names (AFTER) / names AFTER
    if let Some(open) = text.rfind('(') {
        let inner = text[open + 1..].trim_end_matches(')').trim();
        if let Some((n, role)) = longest(inner, &lex.byline_after) {
            if n == inner.len() {
                // The bracketed word vouches for the names, even in lower
                // case as a scraper may leave them (`minh quân (thực hiện`).
                let names =
                    names(&text[..open], lex).or_else(|| loose_names(&text[..open], lex))?;
                return Some(BylineParts {
                    names,
                    role,
                    outlet: None,
                });
            }
        }
    }
    for &(word, role) in lex.byline_after.iter() {
        if let Some(head) = strip_suffix_ci(text, word) {
            if let Some(head) = head.strip_suffix(' ') {
                if let Some(names) = names(head, lex) {
                    return Some(BylineParts {
                        names,
                        role,
                        outlet: None,
                    });
                }
            }
        }
    }
    if let Some(names) = joint_credit(text, lex) {
        return Some(BylineParts {
            names,
            role: BylineRole::Author,
            outlet: None,
        });
    }
    names_over_outlet(text, lex)
}

/// The most bytes of an outlet's name after the slash.
const OUTLET_MAX_LEN: usize = 24;

/// `names / OUTLET` (`Đào Bích/VOV.VN`): names before a slash and one word
/// of at most [`OUTLET_MAX_LEN`] letters, digits, dots and hyphens with a
/// capital in it.
fn names_over_outlet<'a>(text: &'a str, lex: &Lexicon) -> Option<BylineParts<'a>> {
    let (head, outlet) = text.rsplit_once('/')?;
    let outlet = outlet.trim();
    let outlet_ok = !outlet.is_empty()
        && outlet.len() <= OUTLET_MAX_LEN
        && !outlet.contains(' ')
        && outlet.chars().all(|c| is_alnum(c) || c == '.' || c == '-')
        && outlet.chars().any(|c| c.is_uppercase());
    if !outlet_ok {
        return None;
    }
    Some(BylineParts {
        names: names(head, lex)?,
        role: BylineRole::Author,
        outlet: Some(outlet),
    })
}

/// A line holding two people's full names and nothing else, joined by
/// `&` or a joiner of the language (`Ana Ruiz & Tom Field`, `Jeanne Roy et
/// Paul Vidal`): the credit of the two who made an interview, its
/// interviewer and its interviewee. Each name is a [`bare_name`] of two to
/// four capitalised words, so that a firm (`Marks & Spencer`) or a pair of
/// first names is none.
pub(crate) fn joint_credit<'a>(text: &'a str, lex: &Lexicon) -> Option<Vec<&'a str>> {
    let t = text.trim();
    if t.len() > MAX_LEN || t.ends_with(['.', '!', '?', ':', ',']) || !two_words_open_names(t) {
        return None;
    }
    joint_names(t, lex)
}

/// Whether the first two words of `t` (trimmed) may open a [`bare_name`]:
/// none opens with a lower-case ASCII letter or a digit. A name of two
/// words or more, each capitalised and without a digit, opens the pieces
/// [`joint_names`] reads, and a word of the first piece opens where the
/// line's word does.
fn two_words_open_names(t: &str) -> bool {
    let mut words = t.split_whitespace();
    let opens_name = |w: Option<&str>| {
        w.and_then(|w| w.as_bytes().first())
            .is_some_and(|b| !b.is_ascii_lowercase() && !b.is_ascii_digit())
    };
    opens_name(words.next()) && opens_name(words.next())
}

/// [`joint_credit`] of a trimmed line short enough and ending in no mark.
fn joint_names<'a>(t: &'a str, lex: &Lexicon) -> Option<Vec<&'a str>> {
    // Names, joiners and separators hold no other ASCII byte (a digit, a
    // colon, a quote): most lines are turned away unsplit.
    if !t.bytes().all(|b| may_join_names(b, lex)) || !few_lower_words(t) {
        return None;
    }
    two_pieces(t, lex)
}

/// The most words of two names joined that open with a lower-case ASCII
/// letter: the joiner, and a second one after a separator (`Ana Ruiz, and
/// Tom Field`); every word of the names is capitalised.
const LOWER_WORDS_MAX: usize = 2;

/// Whether at most [`LOWER_WORDS_MAX`] words of `t` open with a lower-case
/// ASCII letter. Words are read as split at ASCII white space, each the
/// start of one that `split_whitespace` gives (whose first byte it has):
/// no more are counted than [`two_pieces`] meets.
fn few_lower_words(t: &str) -> bool {
    let mut lower = 0;
    let mut after_white = true;
    for b in t.bytes() {
        if after_white && b.is_ascii_lowercase() {
            lower += 1;
            if lower > LOWER_WORDS_MAX {
                return false;
            }
        }
        after_white = b.is_ascii_whitespace();
    }
    true
}

/// The two names of a line of name bytes ([`joint_names`]).
fn two_pieces<'a>(t: &'a str, lex: &Lexicon) -> Option<Vec<&'a str>> {
    // Two pieces, the second joined: the first that is no name, or a
    // third piece, ends the reading.
    let mut pieces = Pieces::of(t, lex);
    let (a, false) = pieces.next()? else {
        return None;
    };
    if !bare_name(a, lex) {
        return None;
    }
    let (b, true) = pieces.next()? else {
        return None;
    };
    (pieces.next().is_none() && bare_name(b, lex)).then(|| vec![a, b])
}

/// Whether byte `b` may stand in two names joined ([`joint_credit`]): a
/// byte outside ASCII, a letter, white space, a mark a name holds (`.-'`),
/// one a separator does (`&,;-`), or one of a joiner of the language.
fn may_join_names(b: u8, lex: &Lexicon) -> bool {
    !b.is_ascii()
        || b.is_ascii_alphabetic()
        || char::from(b).is_whitespace()
        || matches!(b, b'.' | b'-' | b'\'' | b'&' | b',' | b';')
        || lex.name_joiners.iter().any(|j| j.as_bytes().contains(&b))
}

/// The names a line that signs the piece alone gives, in bold or italics
/// or not: one [`bare_name`], or two joined by a spaced dash or by the
/// language's joiner (`Claire Dubois - Marc Vasseur`, `Quang Minh và Thùy
/// Dung`).
pub(crate) fn signing_names<'a>(text: &'a str, lex: &Lexicon) -> Option<Vec<&'a str>> {
    let t = text.trim().trim_matches(['*', '_']).trim();
    if bare_name(t, lex) {
        return Some(vec![t]);
    }
    if let Some(names) = joint_credit(t, lex) {
        return Some(names);
    }
    super::SPACED_DASHES.iter().find_map(|sep| {
        let (a, b) = t.split_once(sep)?;
        (bare_name(a, lex) && bare_name(b, lex)).then(|| vec![a, b])
    })
}

fn strip_suffix_ci<'a>(text: &'a str, word: &str) -> Option<&'a str> {
    let n = word.chars().count();
    let start = text.char_indices().rev().nth(n.checked_sub(1)?)?.0;
    (prefix_ci(&text[start..], word) == Some(text.len() - start)).then(|| &text[..start])
}

/// Whether a text reads as a person's name: up to five capitalised words
/// of letters.
pub(crate) fn looks_like_name(text: &str) -> bool {
    is_name(text.trim())
}

/// A name alone on its line, signing a piece: two to four capitalised words
/// (`Thu Hà`, `Jean Dupont`), no sentence.
pub(crate) fn bare_name(text: &str, lex: &Lexicon) -> bool {
    let t = text.trim();
    // Counted up to one past the most.
    let words = t.split_whitespace().take(5).count();
    (2..=4).contains(&words)
        && is_name(t)
        && !t.ends_with(['.', '!', '?', ':'])
        && !t
            .split_whitespace()
            .any(|w| lex.stopwords.iter().any(|s| s.eq_ignore_ascii_case(w)))
}

/// A line signing the piece by its place alone (right under the
/// headline): a user name that cannot be a word (`hoamai92`, `BongBay`: a
/// digit, an underscore or a capital inside), a name running on into its
/// outlet, which opens with an all-capital abbreviation (`Mark Ellison CBC
/// News`, `Minh Thư RFA Tiếng Việt`), or, when the line is a heading of
/// its own, a name (`## Jane Porter`; a name in a plain line may be the
/// person the piece is about). A Markdown heading's marks are passed over.
pub(crate) fn signature<'a>(
    text: &'a str,
    heading: bool,
    lex: &Lexicon,
) -> Option<BylineParts<'a>> {
    let t = text.trim_start_matches('#').trim();
    let author = |names: Vec<&'a str>, outlet: Option<&'a str>| BylineParts {
        names,
        role: BylineRole::Author,
        outlet,
    };
    // A name in capitals is no outlet (`NGỌC ÁNH`).
    let caps = t.split_whitespace().filter(|w| is_outlet_word(w)).count();
    if heading && bare_name(t, lex) && (caps == 0 || caps == t.split_whitespace().count()) {
        return Some(author(vec![t], None));
    }
    let inner_capital = t
        .chars()
        .zip(t.chars().skip(1))
        .any(|(a, b)| a.is_lowercase() && b.is_uppercase());
    let marked = t.chars().any(|c| c.is_ascii_digit() || c == '_') || inner_capital;
    if marked && is_handle(t, lex) && !placeholder_author(t, lex) {
        return Some(author(vec![t], None));
    }
    // A name, then the outlet.
    let words: Vec<(usize, &str)> = t
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - t.as_ptr() as usize, w))
        .collect();
    if words.len() > SIGNATURE_MAX_WORDS || t.ends_with(['.', '!', '?', ':']) {
        return None;
    }
    let k = (2..=4.min(words.len().saturating_sub(1))).find(|&k| is_outlet_word(words[k].1))?;
    let (end, outlet_at) = (words[k - 1].0 + words[k - 1].1.len(), words[k].0);
    let (name, outlet) = (&t[..end], &t[outlet_at..]);
    let name_ok = bare_name(name, lex) && !name.split_whitespace().any(is_outlet_word);
    (name_ok && outlet.split_whitespace().all(is_capitalised))
        .then(|| author(vec![name], Some(outlet)))
}

/// The most words of a signing line with its outlet.
const SIGNATURE_MAX_WORDS: usize = 8;

/// An outlet's abbreviation: two or more capital letters, none in lower
/// case (`BBC`, `VOV.VN`, `RFA`).
fn is_outlet_word(w: &str) -> bool {
    w.chars().filter(|c| c.is_uppercase()).count() >= 2
        && !w.chars().any(char::is_lowercase)
        && w.chars().all(|c| is_alnum(c) || c == '.')
}

/// Whether a name is the language's word for "the reporter" (`P.V`).
pub(crate) fn is_generic_reporter(name: &str, lex: &Lexicon) -> bool {
    lex.generic_reporters
        .candidates(name)
        .any(|g| prefix_ci(name, g) == Some(name.len()))
}

/// The marks that end a sentence before a glued tail (`./.` ends in `.`).
pub(crate) const SENTENCE_MARKS: [char; 4] = ['.', '!', '?', '…'];

/// The longest tail of a paragraph read as a byline glued to its end.
pub(crate) const GLUED_TAIL_MAX: usize = 80;

/// The start of the last [`GLUED_TAIL_MAX`] bytes of `t` (at a char
/// boundary), and the places there where a tail may start after a
/// sentence's end and a space: the candidates [`glued_byline`] and
/// [`glued_signature`] read.
fn tail_after_sentences(t: &str) -> (usize, impl Iterator<Item = usize> + '_) {
    let from = crate::text::ceil_char_boundary(t, t.len().saturating_sub(GLUED_TAIL_MAX));
    let spaced = t[from..]
        .match_indices(' ')
        .map(move |(i, _)| from + i + 1)
        .filter(|&i| t[..i - 1].ends_with(SENTENCE_MARKS));
    (from, spaced)
}

/// Where a byline glued to the end of a run-on paragraph starts, the line
/// break before it lost: after an end of a sentence (`./.`, `.`, `!`, `?`,
/// `…` and a space, or a name glued to it), the longest tail that reads
/// as a byline saying so by itself: names before an outlet's slash (`Đào
/// Hạnh/VOV.VN`), a credit word (`Interview by …`), a word after the names
/// (`(thực hiện)`). A name alone is not enough.
///
/// [`may_end_in_byline`](super::byline_gate::may_end_in_byline) mirrors
/// this reading to turn paragraphs away before it: change the two together.
pub(crate) fn glued_byline(text: &str, lex: &Lexicon) -> Option<usize> {
    let t = text.trim_end();
    // After a sentence's end and a space; or with nothing between, where a
    // name that opens with a capital and goes on in lower case starts right
    // after a mark or a letter (`…khắt khe.T.HThu Hà (thực hiện)`). The
    // places are read in order, byte by byte: the first that reads as a
    // byline is the longest tail.
    let from = crate::text::ceil_char_boundary(t, t.len().saturating_sub(GLUED_TAIL_MAX));
    (from..t.len())
        .filter(|&i| tail_may_start(t, from, i))
        .find(|&i| may_say_so(&t[i..], lex) && says_so(&t[i..], lex))
}

/// Whether a glued byline may start at byte `i` of `t` (`from` being where
/// the tail read starts): after a sentence's end and a space (a space
/// inside the tail), or where a [`glued_name_start`] is. The places
/// [`tail_after_sentences`] and the glued names give, tested one at a time.
fn tail_may_start(t: &str, from: usize, i: usize) -> bool {
    let b = t.as_bytes();
    if i > from && b[i - 1] == b' ' {
        return t[..i - 1].ends_with(SENTENCE_MARKS);
    }
    // A character's first byte (a space before answers above: a name
    // glued follows a mark or a letter).
    i > 0 && b[i] & 0xC0 != 0x80 && glued_name_start(t, i)
}

/// Whether `tail` reads as a byline that says so by itself: names before
/// an outlet's slash, a role other than the author's, or a credit word.
fn says_so(tail: &str, lex: &Lexicon) -> bool {
    byline(tail, lex).is_some_and(|b| {
        b.outlet.is_some()
            || b.role != BylineRole::Author
            || longest(tail, &lex.byline_before).is_some()
    })
}

/// Whether `tail` may be a byline that says so by itself ([`says_so`]):
/// false only where it is none, read without [`byline`].
/// An outlet needs a slash; such a role, a credit word at the start (the
/// language's or a neutral one) or a word after the names, which only some
/// languages have (where they do, every tail may).
fn may_say_so(tail: &str, lex: &Lexicon) -> bool {
    let t = tail.trim_start();
    !lex.byline_after.is_empty()
        || tail.contains('/')
        || longest(t, &lex.byline_before).is_some()
        || longest(t, &crate::lang::NEUTRAL_BYLINE_BEFORE).is_some()
}

/// Whether a name glued to the text before it starts at `i`: a capital and
/// a letter in lower case, right after a sentence's mark or a letter.
fn glued_name_start(t: &str, i: usize) -> bool {
    // An ASCII character other than a capital, most of them, answers alone.
    let b = t.as_bytes()[i];
    if b.is_ascii() && !b.is_ascii_uppercase() {
        return false;
    }
    let mut after = t[i..].chars();
    let opens = after.next().is_some_and(char::is_uppercase)
        && after.next().is_some_and(char::is_lowercase);
    opens
        && t[..i]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphabetic() || SENTENCE_MARKS.contains(&c))
}

/// Where a bare name signing the piece starts, glued after the last
/// sentence of the document's last paragraph of prose, the line break
/// before it lost (`…đã ban hành. Kiều Oanh`, `…6,2%.QUỐC TRUNG`): a
/// [`bare_name`] after a sentence's end and a space, or in capitals right
/// after the mark, at the very end. Read only in the last paragraph of
/// prose: inside the text, a name after a sentence may open the next one.
pub(crate) fn glued_signature(text: &str, lex: &Lexicon) -> Option<usize> {
    let t = text.trim_end();
    let (from, spaced) = tail_after_sentences(t);
    // A name in capitals may stand glued to the sentence's mark
    // (`…không quá 6,2%.QUỐC TRUNG`): no sentence opens in capitals.
    let glued = t[from..]
        .char_indices()
        .map(|(i, _)| from + i)
        .filter(|&i| t[..i].ends_with(SENTENCE_MARKS) && !t[i..].contains(char::is_lowercase));
    let mut at: Vec<usize> = spaced.chain(glued).collect();
    at.sort_unstable();
    at.into_iter().find(|&i| bare_name(&t[i..], lex))
}

/// A credit opening a longer text, the line break after it lost (a page's
/// description: `INTERVIEW BY JAMIE RADFORD It's noon and…`): the credit
/// word, then the names up to where the text turns into a sentence (a
/// word in lower case after a credit in capitals; a sentence's end, a
/// dash or a bar otherwise). Its end in `text`, and what it says.
pub(crate) fn opening_credit<'a>(text: &'a str, lex: &Lexicon) -> Option<(usize, BylineParts<'a>)> {
    let (n, _) = longest(text, &lex.byline_before)?;
    let credit = &text[..n];
    let capitals = credit.chars().filter(|&c| is_alpha(c)).count() >= 2
        && !credit.chars().any(char::is_lowercase);
    let rest = &text[n..];
    let end = if capitals {
        // The run of words in capitals after the credit.
        let mut end = 0;
        for w in rest.split_whitespace() {
            let at = w.as_ptr() as usize - rest.as_ptr() as usize;
            if w.chars().any(char::is_lowercase) {
                break;
            }
            end = at + w.len();
        }
        end
    } else {
        [". ", " - ", " – ", " — ", " | "]
            .iter()
            .filter_map(|sep| rest.find(sep))
            .min()
            .unwrap_or(rest.len())
    };
    let end = n + end;
    let parts = byline(&text[..end], lex)?;
    // No frequent word of the language among the names (`BY NOON THE
    // BOATHOUSE IS FULL`).
    let frequent = |w: &str| lex.stopwords.iter().any(|s| s.eq_ignore_ascii_case(w));
    let names_ok = !parts
        .names
        .iter()
        .any(|nm| nm.split_whitespace().any(frequent));
    names_ok.then_some((end, parts))
}

/// Whether an author given by a page's metadata names no one: the word
/// for "the reporter" or a placeholder, in the page's language or in
/// English, the language site themes and engines write their defaults in
/// (`author: Writing` on a German page).
pub(crate) fn placeholder_author(name: &str, lex: &Lexicon) -> bool {
    let english = crate::lang::lexicon(crate::Language::En);
    let whole = |words: &crate::lang::Words| {
        words
            .candidates(name)
            .any(|w| prefix_ci(name, w) == Some(name.len()))
    };
    [lex, english]
        .iter()
        .any(|l| is_generic_reporter(name, l) || whole(&l.placeholder_authors))
}

/// Parses a source line (`Theo VNE`, `Nguồn: Báo X`, `(theo Báo Lao Động)`),
/// returning the source's name.
pub(crate) fn source<'a>(text: &'a str, lex: &Lexicon) -> Option<&'a str> {
    if text.len() > 80 {
        return None;
    }
    let inner = text
        .strip_prefix('(')
        .and_then(|t| t.strip_suffix(')'))
        .unwrap_or(text)
        .trim();
    let (rest, _) = any_word(&lex.source_prefixes)(inner).ok()?;
    let name = strip_end(rest.trim_start_matches([' ', ':']));
    let words: Vec<&str> = name.split_whitespace().collect();
    (!words.is_empty() && words.len() <= 6 && is_capitalised(words[0])).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Language;
    use crate::lang::lexicon;

    #[test]
    fn a_signing_line_gives_one_name_or_two() {
        let (en, vi) = (lexicon(Language::En), lexicon(Language::Vi));
        assert_eq!(
            signing_names("**Tom Whitaker**", en),
            Some(vec!["Tom Whitaker"])
        );
        assert_eq!(
            signing_names("Claire Dubois - Marc Vasseur", en),
            Some(vec!["Claire Dubois", "Marc Vasseur"])
        );
        assert_eq!(
            signing_names("Quang Minh – Thùy Dung", vi),
            Some(vec!["Quang Minh", "Thùy Dung"])
        );
        // A sentence, a name and a word, three names.
        assert_eq!(signing_names("Tom Whitaker wrote this.", en), None);
        assert_eq!(signing_names("Tom Whitaker - reporter", en), None);
        assert_eq!(signing_names("Ann Lee - Bo Park - Cy Moss", en), None);
    }

    #[test]
    fn joint_names_open_with_two_words_that_may_open_names() {
        let words = [
            "Maya",
            "Okafor",
            "maya",
            "okafor",
            "Jean-Pierre",
            "O'Neil",
            "’Tom",
            "1990",
            "Ana2",
            "Định",
            "định",
            "Đ\u{323}",
            "Ông",
            "ÔNG",
            "a\u{301}",
            "Lê",
            "Ñúñez",
            "ñúñez",
            "'",
            "Thu",
            "Hà",
            "Minh",
            "Khoa",
            "-",
            ",",
            "\u{a0}",
            "",
        ];
        let joins = [
            " & ",
            " and ",
            " AND ",
            " und ",
            " et ",
            " y ",
            " e ",
            " và ",
            " Và ",
            " - ",
            " – ",
            " — ",
            ", ",
            "; ",
            ", and ",
            " ",
            "  ",
            "\t",
            "&",
            ",",
            " and and ",
            " et et ",
            " - and ",
            " \u{a0}and ",
            ",and ",
            " ,and ",
        ];
        let mut rng = crate::test_rng::Lcg::new(0x9e37_79b9_7f4a_7c15);
        let mut next = |n: usize| rng.below(n);
        let mut found = 0;
        for k in 0..40_000 {
            let mut line = String::new();
            let pieces = if next(4) == 0 { 1 + next(3) } else { 2 };
            for piece in 0..pieces {
                if piece > 0 {
                    line.push_str(joins[next(joins.len())]);
                }
                let n = if next(4) == 0 { 1 + next(4) } else { 2 };
                for w in 0..n {
                    if w > 0 {
                        line.push_str(if next(8) == 0 { "\u{a0}" } else { " " });
                    }
                    let named = ["Maya", "Okafor", "Thu", "Hà", "Minh", "Lê"];
                    line.push_str(if next(2) == 0 {
                        named[next(named.len())]
                    } else {
                        words[next(words.len())]
                    });
                }
            }
            let lex = lexicon(Language::ALL[k % Language::ALL.len()]);
            let t = line.trim();
            // The reading without the gates by words.
            if t.bytes().all(|b| may_join_names(b, lex)) && two_pieces(t, lex).is_some() {
                found += 1;
                assert!(two_words_open_names(t) && few_lower_words(t), "{t:?}");
            }
        }
        assert!(found > 100, "only {found} found");
    }

    #[test]
    fn two_full_names_joined_credit_the_interview() {
        for (lang, line, names) in [
            (
                Language::En,
                "Maya Okafor & Tom Field",
                ["Maya Okafor", "Tom Field"],
            ),
            (
                Language::Fr,
                "Paul Vidal et Claire Roussel",
                ["Paul Vidal", "Claire Roussel"],
            ),
            (
                Language::De,
                "Jana Keller und Ole Brandt",
                ["Jana Keller", "Ole Brandt"],
            ),
            (Language::Vi, "Minh Khoa và Thu Hà", ["Minh Khoa", "Thu Hà"]),
        ] {
            assert_eq!(
                joint_credit(line, lexicon(lang)),
                Some(names.to_vec()),
                "{line}"
            );
            let parts = byline(line, lexicon(lang)).expect("a byline");
            assert_eq!(parts.names, names, "{line}");
        }
        // A firm, a pair of first names, three names listed, a sentence.
        for line in [
            "Marks & Spencer",
            "Tom & Jerry",
            "Maya Okafor, Tom Field & Ann Lee",
            "Maya Okafor & Tom Field.",
            "Maya Okafor & the team",
        ] {
            assert_eq!(joint_credit(line, lexicon(Language::En)), None, "{line}");
        }
    }

    fn names_of(lang: Language, s: &str) -> Option<(Vec<&str>, BylineRole)> {
        byline(s, lexicon(lang)).map(|b| (b.names, b.role))
    }

    #[test]
    fn vietnamese_bylines() {
        use BylineRole::*;
        use Language::Vi;
        assert_eq!(
            names_of(Vi, "P.V (Thực hiện)"),
            Some((vec!["P.V"], Interviewer))
        );
        assert_eq!(
            names_of(Vi, "Hoàng Yến (thực hiện)"),
            Some((vec!["Hoàng Yến"], Interviewer))
        );
        assert_eq!(
            names_of(Vi, "Hoàng Yến (ghi)"),
            Some((vec!["Hoàng Yến"], Recorder))
        );
        assert_eq!(
            names_of(Vi, "Hoàng Yến (thực hiện"),
            Some((vec!["Hoàng Yến"], Interviewer))
        );
        assert_eq!(
            names_of(Vi, "Thu Hà thực hiện"),
            Some((vec!["Thu Hà"], Interviewer))
        );
        assert_eq!(
            names_of(Vi, "Minh Châu - Lan Anh (thực hiện)"),
            Some((vec!["Minh Châu", "Lan Anh"], Interviewer))
        );
        assert_eq!(
            names_of(Vi, "Đào Minh/VOV.VN"),
            Some((vec!["Đào Minh"], Author))
        );
        assert_eq!(names_of(Vi, "PV/VOV.VN"), Some((vec!["PV"], Author)));
        assert_eq!(names_of(Vi, "PV"), Some((vec!["PV"], Author)));
    }

    #[test]
    fn bylines_in_other_languages() {
        use BylineRole::*;
        assert_eq!(
            names_of(Language::Fr, "Propos recueillis par Claire Lenoir"),
            Some((vec!["Claire Lenoir"], Interviewer))
        );
        assert_eq!(
            names_of(Language::De, "Das Gespräch führte Jonas Weber."),
            Some((vec!["Jonas Weber"], Interviewer))
        );
        assert_eq!(
            names_of(Language::En, "By Ann Lee and Bo Park"),
            Some((vec!["Ann Lee", "Bo Park"], Author))
        );
        assert_eq!(
            names_of(Language::It, "di Marco Bianchi"),
            Some((vec!["Marco Bianchi"], Author))
        );
        assert_eq!(
            names_of(Language::Es, "Entrevista de Lucía Ortega"),
            Some((vec!["Lucía Ortega"], Interviewer))
        );
        assert_eq!(
            names_of(Language::En, "作者：[Ann Lee][a]"),
            Some((vec!["Ann Lee"], Author))
        );
        assert_eq!(
            names_of(
                Language::En,
                "Interview by [Ruth Bell](https://example.com/rb)"
            ),
            Some((vec!["Ruth Bell"], Interviewer))
        );
    }

    #[test]
    fn refuses_sentences() {
        for s in [
            "Chúng tôi đã thực hiện",
            "Tôi và anh ấy (thực hiện)",
            "Xin cảm ơn ông!",
            "Theo VNE",
            "24/7",
            "các thông tin tiện ích",
        ] {
            assert!(byline(s, lexicon(Language::Vi)).is_none(), "{s}");
        }
        assert!(byline("By the way, we won", lexicon(Language::En)).is_none());
    }

    #[test]
    fn source_lines() {
        let vi = lexicon(Language::Vi);
        assert_eq!(source("Theo VNE", vi), Some("VNE"));
        assert_eq!(source("Theo Ngôi Sao", vi), Some("Ngôi Sao"));
        assert_eq!(source("(theo Báo Lao Động)", vi), Some("Báo Lao Động"));
        assert_eq!(source("Nguồn: Báo Tin Tức", vi), Some("Báo Tin Tức"));
        assert_eq!(source("Theo tôi, điều này đúng", vi), None);
    }

    #[test]
    fn lines_that_sign_by_their_place() {
        let (en, vi) = (lexicon(Language::En), lexicon(Language::Vi));
        let names = |t: &'static str, heading: bool, lex| {
            signature(t, heading, lex).map(|b| (b.names, b.outlet))
        };
        assert_eq!(
            names("Mark Ellison CBC News", false, en),
            Some((vec!["Mark Ellison"], Some("CBC News")))
        );
        assert_eq!(
            names("Minh Thư RFA Tiếng Việt", false, vi),
            Some((vec!["Minh Thư"], Some("RFA Tiếng Việt")))
        );
        assert_eq!(
            names("## hoamai92", true, vi),
            Some((vec!["hoamai92"], None))
        );
        assert_eq!(names("BongBay", false, vi), Some((vec!["BongBay"], None)));
        assert_eq!(
            names("## Jane Porter", true, en),
            Some((vec!["Jane Porter"], None))
        );
        assert_eq!(
            names("## NGỌC ÁNH", true, vi),
            Some((vec!["NGỌC ÁNH"], None))
        );
        // Near misses: a name in a plain line, a word, a placeholder, an
        // outlet alone, a sentence.
        for (t, heading) in [
            ("Jane Porter", false),
            ("## Introduction", true),
            ("## admin", true),
            ("BBC News", false),
            ("Mark Ellison CBC News.", false),
            ("Mark Ellison of CBC News", false),
        ] {
            assert_eq!(names(t, heading, en), None, "{t}");
        }
    }

    #[test]
    fn credits_opening_a_description() {
        let (en, fr) = (lexicon(Language::En), lexicon(Language::Fr));
        let credit =
            |t: &'static str, lex| opening_credit(t, lex).map(|(end, b)| (&t[..end], b.names));
        assert_eq!(
            credit("INTERVIEW BY MARTIN HALE The boathouse is dark", en),
            Some(("INTERVIEW BY MARTIN HALE", vec!["MARTIN HALE"]))
        );
        assert_eq!(
            credit("Interview by Martin Hale. The boathouse is dark", en),
            Some(("Interview by Martin Hale", vec!["Martin Hale"]))
        );
        assert_eq!(
            credit(
                "Propos recueillis par Léa Fontaine. Depuis 1978, il répare",
                fr
            ),
            Some(("Propos recueillis par Léa Fontaine", vec!["Léa Fontaine"]))
        );
        // Near misses: no credit word first, a credit word opening a
        // sentence.
        assert_eq!(
            credit("The boathouse is dark. Interview by Martin Hale", en),
            None
        );
        assert_eq!(
            credit("By the time the boathouse opens, it is light", en),
            None
        );
        assert_eq!(credit("BY NOON THE BOATHOUSE IS FULL", en), None);
    }

    #[test]
    fn bylines_glued_to_the_end_of_a_paragraph() {
        let (en, vi) = (lexicon(Language::En), lexicon(Language::Vi));
        let tail = |t: &'static str, lex| glued_byline(t, lex).map(|at| &t[at..]);
        assert_eq!(
            tail("PV: Xin cảm ơn bà./. Hoàng Yến/VOV.VN", vi),
            Some("Hoàng Yến/VOV.VN")
        );
        assert_eq!(
            tail("Chúng tôi sẽ cố gắng. Hoàng Yến (thực hiện)", vi),
            Some("Hoàng Yến (thực hiện)")
        );
        assert_eq!(
            tail("Thank you. Interview by Dana Reyes and Will Ostrander", en),
            Some("Interview by Dana Reyes and Will Ostrander")
        );
        // Near misses: a name alone, a photo credit, no sentence before.
        assert_eq!(tail("We will be back on Monday. Dana Reyes", en), None);
        assert_eq!(tail("Nông dân đã đồng ý. Ảnh: Kim Lee/Reuters", vi), None);
        assert_eq!(tail("Hoàng Yến/VOV.VN", vi), None);
        // Glued with nothing between: to a sentence's end, to initials.
        assert_eq!(
            tail("Cái khó là đương nhiên.T.HThu Hà (thực hiện)", vi),
            Some("Thu Hà (thực hiện)")
        );
        assert_eq!(
            tail("We will be back on Monday.Interview by Dana Reyes", en),
            Some("Interview by Dana Reyes")
        );
        assert_eq!(tail("Cái khó là đương nhiên.Thu Hà", vi), None);
        assert_eq!(tail("We use the McDonald farm every Monday.", en), None);
    }

    #[test]
    fn a_bare_name_glued_to_the_last_sentence() {
        let (en, vi) = (lexicon(Language::En), lexicon(Language::Vi));
        let sig = |t: &'static str, lex| glued_signature(t, lex).map(|at| &t[at..]);
        assert_eq!(sig("Luật đã ban hành. Kiều Oanh", vi), Some("Kiều Oanh"));
        assert_eq!(
            sig("We will be back on Monday. Dana Reyes", en),
            Some("Dana Reyes")
        );
        // Not a sentence, nor a name that ends one.
        assert_eq!(sig("We will be back on Monday with Dana Reyes", en), None);
        assert_eq!(sig("We will be back. Dana Reyes said so.", en), None);
        // In capitals, glued to the mark; not a word in capitals inside.
        assert_eq!(sig("Không quá 6,2%.QUỐC TRUNG", vi), Some("QUỐC TRUNG"));
        assert_eq!(
            sig("Until the wind turns.MAYA OKAFOR", en),
            Some("MAYA OKAFOR")
        );
        assert_eq!(sig("We met at the NATO summit.ANd then", en), None);
    }

    #[test]
    fn placeholder_authors_in_the_page_language_or_english() {
        let de = lexicon(Language::De);
        assert!(placeholder_author("Writing", de));
        assert!(placeholder_author("Redaktion", de));
        assert!(placeholder_author("Staff writer", de));
        assert!(!placeholder_author("Jonas Weber", de));
        assert!(!placeholder_author("Writings of Jonas", de));
    }

    #[test]
    fn generic_reporters() {
        assert!(is_generic_reporter("P.V", lexicon(Language::Vi)));
        assert!(!is_generic_reporter("Thu Hà", lexicon(Language::Vi)));
        // A post after the credited name is not a second name.
        for (lang, line, name) in [
            (
                Language::En,
                "By Gail Summers, Staff Writer",
                "Gail Summers",
            ),
            (
                Language::Es,
                "Por Lucía Herrero, Redacción",
                "Lucía Herrero",
            ),
        ] {
            let b = byline(line, lexicon(lang)).expect("a byline");
            assert_eq!(b.names, [name], "{line}");
        }
    }
}

/// The written cases of `tests/data/bylines.tsv`: one line a row, the names
/// it gives and what they did (`-` for a line that is no byline).
#[cfg(test)]
mod table_tests {
    use super::*;
    use crate::Language;
    use crate::lang::lexicon;

    const TABLE: &str = include_str!("../../tests/data/bylines.tsv");

    #[test]
    fn every_written_case() {
        let mut failures = Vec::new();
        let mut rows = 0;
        for line in TABLE.lines().skip(1).filter(|l| !l.trim().is_empty()) {
            let cols: Vec<&str> = line.split('\t').collect();
            assert_eq!(cols.len(), 4, "{line}");
            rows += 1;
            let lang = Language::ALL
                .into_iter()
                .find(|l| l.code() == cols[0])
                .expect("a known language");
            let got = byline(cols[1], lexicon(lang)).map(|b| {
                let role = serde_json::to_value(b.role)
                    .unwrap()
                    .as_str()
                    .unwrap()
                    .to_string();
                (b.names.join(" | "), role)
            });
            let want = (cols[2] != "-").then(|| (cols[2].to_string(), cols[3].to_string()));
            if got != want {
                failures.push(format!(
                    "{} {:?}: got {got:?}, want {want:?}",
                    cols[0], cols[1]
                ));
            }
        }
        assert!(rows >= 60, "only {rows} rows");
        assert!(
            failures.is_empty(),
            "{} of {rows} rows fail:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }
    #[test]
    fn a_tail_turned_away_unread_is_no_byline_that_says_so() {
        // Every written case, in every language, and after a sentence: where
        // `may_say_so` says no, the full reading finds no such byline.
        let mut asked = 0;
        for line in TABLE.lines().skip(1).filter(|l| !l.trim().is_empty()) {
            let text = line.split('\t').nth(1).expect("a text column");
            for lang in Language::ALL {
                let lex = lexicon(lang);
                for tail in [
                    text,
                    &format!(" {text}"),
                    &format!("{text}; Editing by Ana Ruiz"),
                ] {
                    if !may_say_so(tail, lex) {
                        asked += 1;
                        assert!(!says_so(tail, lex), "{lang:?} {tail:?}");
                    }
                }
            }
        }
        assert!(asked > 100, "only {asked} tails turned away");
    }

    /// The reading of [`joint_credit`] before its lines were turned away by
    /// their bytes and its pieces cut one at a time.
    fn joint_credit_whole<'a>(text: &'a str, lex: &crate::lang::Lexicon) -> Option<Vec<&'a str>> {
        let t = text.trim();
        if t.len() > MAX_LEN || t.ends_with(['.', '!', '?', ':', ',']) {
            return None;
        }
        match pieces(t, lex)[..] {
            [(a, false), (b, true)] if bare_name(a, lex) && bare_name(b, lex) => Some(vec![a, b]),
            _ => None,
        }
    }

    #[test]
    fn a_joint_credit_is_read_as_the_whole_pieces_read_it() {
        let mut lines: Vec<String> = [
            "Ana Ruiz & Tom Field",
            "Maya Okafor and Tom Field",
            "Jeanne Roy et Paul Vidal",
            "Quang Minh và Thùy Dung",
            "Ana Ruiz, and Tom Field",
            "Ana Ruiz - and Tom Field",
            "Ana\u{b}Ruiz & Tom\u{a0}Field",
            "Ana Ruiz \t& Tom Field",
            "Ana Ruiz & \tTom Field",
            "Ana Ruiz & Tom Field & Bo Lee",
            "Ana Ruiz & Tom Field2",
            "O'Brien Lee & Ana-Maria Roy",
            "Marks & Spencer",
            "Ana Ruiz y Tom Field",
            "Ana Ruiz e Tom Field",
            "Ana Ruiz und Tom Field",
            "Ana Ruiz; Tom Field",
            "Ana Ruiz: Tom Field",
            "And yeah, just get us started",
            "ANA RUIZ AND TOM FIELD",
            "Ana Ruiz & tom field",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        for line in TABLE.lines().skip(1).filter(|l| !l.trim().is_empty()) {
            let text = line.split('\t').nth(1).expect("a text column");
            lines.extend([
                text.to_string(),
                format!("{text} & Ana Ruiz"),
                format!("Ana Ruiz and {text}"),
            ]);
        }
        let mut found = 0;
        for line in &lines {
            for lang in Language::ALL {
                let lex = lexicon(lang);
                let got = joint_credit(line, lex);
                assert_eq!(got, joint_credit_whole(line, lex), "{lang:?} {line:?}");
                found += usize::from(got.is_some());
            }
        }
        assert!(found > 20, "only {found} found");
    }

    /// The reading of [`glued_byline`] before its places were walked byte
    /// by byte: every place gathered, sorted, then read in order.
    fn glued_byline_by_places(text: &str, lex: &crate::lang::Lexicon) -> Option<usize> {
        let t = text.trim_end();
        let (from, spaced) = tail_after_sentences(t);
        let glued = t[from..]
            .char_indices()
            .map(|(i, _)| from + i)
            .filter(|&i| i > 0 && glued_name_start(t, i));
        let mut at: Vec<usize> = spaced.chain(glued).collect();
        at.sort_unstable();
        at.into_iter()
            .find(|&i| may_say_so(&t[i..], lex) && says_so(&t[i..], lex))
    }

    #[test]
    fn a_glued_byline_is_found_where_the_places_gathered_find_it() {
        // Every written case after sentences of every script, glued or
        // spaced, with the 80 bytes read cutting through letters.
        let heads = [
            "PV: Xin cảm ơn bà./.",
            "Cái khó là đương nhiên.T.H",
            "We will be back on Monday.",
            "Ça y est… ",
            "Wirklich?Ja!",
            "Đây là một câu rất dài về những điều đã xảy ra ở Đà Nẵng hôm qua.",
            "Übermäßig große Straßen, schön «oui»!",
            "x\u{a0}.",
            "",
        ];
        let mut found = 0;
        for line in TABLE.lines().skip(1).filter(|l| !l.trim().is_empty()) {
            let text = line.split('\t').nth(1).expect("a text column");
            for (k, head) in heads.iter().enumerate() {
                for glue in ["", " ", "  ", "\u{a0}", "\n"] {
                    let whole = format!("{head}{glue}{text} ");
                    let lang = Language::ALL[k % Language::ALL.len()];
                    for lex in [lexicon(lang), lexicon(Language::Vi), lexicon(Language::En)] {
                        let got = glued_byline(&whole, lex);
                        assert_eq!(got, glued_byline_by_places(&whole, lex), "{whole:?}");
                        found += usize::from(got.is_some());
                    }
                }
            }
        }
        assert!(found > 50, "only {found} found");
    }
}
