//! The participants the labels name: the full name a short label stands
//! for, looked up in the title, the header and the first paragraphs; the
//! role the event gives each side.

use super::{Group, Stance};
use crate::grammar::find_ci;
use crate::grammar::{is_word_of, longest_of};
use crate::keys::{ASK_KEY, honorific_len, lower_equals, procedure_role};
use crate::lang::Lexicon;
use crate::layout::sources::{article_titles, headline_text};
use crate::layout::{Layout, TurnPlan};
use crate::model::{Participant, Role};
use crate::scan::Doc;
use crate::text::{char_at, is_alnum, is_alpha, word_end};
use crate::{Language, Span};
use std::borrow::Cow;
use std::collections::HashMap;

/// What kind of event the speakers' parts make, and so the roles of those
/// who ask and those who answer.
pub(super) struct Event {
    askers: Role,
    answerers: Role,
}

impl Event {
    pub(super) fn of(groups: &[Group], info: &[TurnPlan]) -> Event {
        let has = |r: Role| groups.iter().any(|g| g.role == Some(r));
        let answerers = groups.iter().filter(|g| g.part == Stance::Answer).count();
        let askers = groups.iter().filter(|g| g.part == Stance::Ask).count();
        let anonymous_asks = info.iter().any(|x| x.key() == Some(ASK_KEY));
        let upper_answerers = groups
            .iter()
            .filter(|g| g.part == Stance::Answer)
            .any(|g| g.labels.iter().all(|l| !l.chars().any(char::is_lowercase)));
        // A call with an operator: analysts ask officials. A broadcast with
        // a host: guests answer. Reporters asking officials: a briefing or a
        // press conference. Otherwise an interview.
        if has(Role::Operator) {
            Event {
                askers: Role::Analyst,
                answerers: Role::Official,
            }
        } else if has(Role::Host) {
            Event {
                askers: Role::Host,
                answerers: Role::Guest,
            }
        } else if (anonymous_asks || askers > 1)
            && (answerers > 1 || upper_answerers || has(Role::Moderator))
        {
            Event {
                askers: Role::Reporter,
                answerers: Role::Official,
            }
        } else {
            Event {
                askers: Role::Interviewer,
                answerers: Role::Interviewee,
            }
        }
    }
}

/// Texts to look a full name up in: the title, the header, then the rest;
/// and the full names they give, indexed once by each name word.
pub(super) struct Context<'t> {
    texts: Vec<Cow<'t, str>>,
    /// A mixed-case name word, lower-cased, and the full name it stands in
    /// where the context first writes it next to another name word; read
    /// on the first look-up (most documents never look one up).
    names: std::cell::OnceCell<HashMap<String, String>>,
    /// The words a full name may be looked up for: the others are not
    /// gathered.
    wanted: &'t [&'t str],
    lex: &'t Lexicon,
}

/// How many paragraphs from the top a full name is looked up in.
const CONTEXT_PARAGRAPHS: usize = 400;

impl<'t> Context<'t> {
    pub(super) fn new(
        doc: &'t Doc<'_>,
        layout: &Layout,
        wanted: &'t [&'t str],
        lex: &'t Lexicon,
    ) -> Context<'t> {
        let header = &layout.header;
        let mut texts: Vec<Cow<'t, str>> = Vec::new();
        if let Some(f) = &doc.front_matter {
            texts.extend(article_titles(f).map(|x| Cow::Owned(x.value.replace('\u{a0}', " "))));
        }
        // The people the front matter lists, each a text of its own.
        texts.extend(
            super::header::listed_speakers(doc)
                .into_iter()
                .map(|(_, n)| Cow::Borrowed(n)),
        );
        texts.extend(layout.headline.map(|h| headline_text(h, doc)));
        texts.extend(
            header
                .lede
                .iter()
                .chain(&header.captions)
                .map(|&i| Cow::Borrowed(doc.paragraphs[i].text())),
        );
        texts.extend(
            doc.paragraphs
                .iter()
                .take(CONTEXT_PARAGRAPHS)
                .map(|p| Cow::Borrowed(p.text())),
        );
        Context {
            texts,
            names: std::cell::OnceCell::new(),
            wanted,
            lex,
        }
    }

    /// The full name a one-word label stands for: where the context writes
    /// the word in mixed case next to another capitalised name word
    /// (`Karine Jacquet-Roux` for `JACQUET-ROUX`, `Lukas Tervonen` for
    /// `Lukas`, `Theodore D. Crane` for `CRANE`). `word` is one of the
    /// context's wanted words.
    fn full_name(&self, word: &str) -> Option<String> {
        debug_assert!(self.wanted.contains(&word));
        self.names
            .get_or_init(|| full_names(&self.texts, self.wanted, self.lex))
            .get(word)
            .cloned()
    }

    /// The name after a post in the title: `Harlan` in `Interview of
    /// President Harlan`, for `THE PRESIDENT`.
    fn after_post(&self, post: &str) -> Option<String> {
        for text in self.texts.iter().take(3) {
            let Some(at) = find_ci(text, post) else {
                continue;
            };
            let rest = text[at + post.len()..].trim_start();
            let words: Vec<&str> = rest
                .split(' ')
                .take_while(|w| {
                    w.chars().next().is_some_and(char::is_uppercase)
                        && w.chars().all(|c| is_alpha(c) || c == '.' || c == '-')
                })
                .take(3)
                .collect();
            if !words.is_empty() {
                return Some(words.join(" "));
            }
        }
        None
    }
}

/// The most letters of a label read as a person's initials (`JP`, `MM`).
const MAX_INITIALS: usize = 3;

/// Whether a label is a person's initials: one to [`MAX_INITIALS`]
/// upper-case letters (`JP`, `SK`, `K`).
fn is_initials(label: &str) -> bool {
    let n = label.chars().count();
    (1..=MAX_INITIALS).contains(&n) && label.chars().all(char::is_uppercase)
}

impl Context<'_> {
    /// The full name that initials stand for: the first run of capitalised
    /// name words in the context whose initials spell them (`Jason Pellman`
    /// for `JP`); for one letter, the only two-word name whose family name
    /// opens with it (`Brian Kessling` for `K`), none when two differ.
    fn initials(&self, label: &str) -> Option<String> {
        let letters: Vec<char> = label.chars().collect();
        let width = letters.len().max(2);
        let word = |w: &str| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().any(char::is_lowercase)
                && w.chars().all(|c| is_alpha(c) || "-'’".contains(c))
                && crate::keys::honorific_len(w, self.lex).is_none_or(|n| n != w.len())
        };
        let mut found: Option<String> = None;
        // One buffer for every text's words, and one for a run's.
        let mut tokens: Vec<&str> = Vec::new();
        let mut words: Vec<&str> = Vec::with_capacity(width);
        for text in &self.texts {
            // Every run that spells them holds a word opening with the
            // first letter: a text without that letter holds none.
            if !text.contains(letters[0]) {
                continue;
            }
            tokens.clear();
            tokens.extend(text.split_whitespace());
            for run in tokens.windows(width) {
                // The run's words, stripped of the punctuation that may
                // open the first and end the last; the words between carry
                // none. Initials of two letters or more also read names
                // inside markup (`_Jason Pellman,`, `[Andrew
                // Tolliver](#tolliver)`); one letter, ambiguous, only
                // names written plainly (a contents list of links names
                // many people).
                let plain = letters.len() == 1;
                let last = if plain {
                    run[width - 1].trim_end_matches([',', '.', ':', ';', ')', '('])
                } else {
                    name_core(run[width - 1])
                };
                words.clear();
                words.extend_from_slice(&run[..width - 1]);
                words.push(last);
                if let Some(first) = words.first_mut() {
                    *first = if plain {
                        first.trim_start_matches(['(', '"', '“'])
                    } else {
                        first.trim_start_matches(|c: char| !is_alnum(c))
                    };
                }
                // Whether the words spell the initials, asked first: it
                // rules out nearly every run at the cost of a letter each.
                let opens = |w: &str, c: char| w.starts_with(c);
                let spells = if letters.len() == 1 {
                    opens(words[1], letters[0])
                } else {
                    words.iter().zip(&letters).all(|(w, &c)| opens(w, c))
                };
                if !spells || !words.iter().all(|w| word(w)) {
                    continue;
                }
                let name = words.join(" ");
                // Not a sentence's first words (`At Princeton` for `AT`).
                if !super::evidence::is_person_name(&name, self.lex) {
                    continue;
                }
                if letters.len() > 1 {
                    return Some(name);
                }
                match &found {
                    Some(f) if *f != name => return None,
                    _ => found = Some(name),
                }
            }
        }
        found
    }
}

/// The name word at the start of `token`: its letters (and `-`, `'`),
/// without what follows (`Pellman` of `Pellman,`, `Tolliver` of
/// `Tolliver](#tolliver)`).
fn name_core(token: &str) -> &str {
    let end = token
        .char_indices()
        .find(|&(_, c)| !(is_alpha(c) || "-'’".contains(c)))
        .map_or(token.len(), |(i, _)| i);
    &token[..end]
}

/// Every mixed-case name word of the texts, with the full name it first
/// stands in: the first name (and an initial) before a surname, else the
/// surname after a first name. Only the `wanted` words (lower case) are
/// gathered: a word is lower-cased only when its first letter is one of
/// theirs.
fn full_names(texts: &[Cow<'_, str>], wanted: &[&str], lex: &Lexicon) -> HashMap<String, String> {
    let firsts: Vec<char> = wanted.iter().filter_map(|w| w.chars().next()).collect();
    let en = crate::lang::lexicon(Language::En);
    let is_title = |w: &str| {
        longest_of(w, &lex.honorifics).is_some_and(|n| n == w.len())
            || longest_of(w, &lex.posts).is_some_and(|n| n == w.len())
            || longest_of(w, &en.honorifics).is_some_and(|n| n == w.len())
            || longest_of(w, &en.posts).is_some_and(|n| n == w.len())
    };
    // Not a word that opens a sentence or greets (`Hallo Tomas`), nor a
    // pronoun (`I'm Nadia`): those stand before a given name but are not
    // a family name's given name.
    let name_word = |w: &str| {
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().any(char::is_lowercase)
            && w.chars().all(|c| is_alpha(c) || "-'’.".contains(c))
            && !is_title(w)
            && !is_word_of(w, &lex.name_stops)
            && !is_word_of(w, &lex.first_person)
            && !is_word_of(w, &en.name_stops)
    };
    let mut names: HashMap<String, String> = HashMap::new();
    if firsts.is_empty() {
        return names;
    }
    let scan = Stops::opening(&firsts);
    // Once every wanted word has its full name, no later text adds one.
    let mut distinct: Vec<&str> = wanted.to_vec();
    distinct.sort_unstable();
    distinct.dedup();
    for text in texts {
        if names.len() == distinct.len() {
            break;
        }
        // Only the words that open with a wanted word's first letter are
        // looked at, and the words around them read where they stand: the
        // text is not split into words.
        for (start, tok) in opening_words(text, &firsts, &scan) {
            let core = tok.trim_matches(|c: char| !is_alnum(c));
            let mixed =
                core.starts_with(char::is_uppercase) && core.chars().any(char::is_lowercase);
            if !mixed || core != tok.trim_end_matches([',', '.', ':', ';', ')', ']']) {
                continue;
            }
            // Lower-cased only when wanted (most words are not).
            if !wanted.iter().any(|w| lower_equals(core, w)) {
                continue;
            }
            let key = core.to_lowercase();
            if names.contains_key(&key) {
                continue;
            }
            // A sentence's first word (`At Tulane`) is not the name a label
            // `AT` stands for.
            if is_word_of(core, &lex.name_stops) || is_word_of(core, &en.name_stops) {
                continue;
            }
            let mut found = None;
            // A name runs on only across plain spaces: not past the end of
            // a sentence, a comma or a label's colon (`Ember: Well, …`).
            let prev = word_before(text, start);
            let initial = |w: &str| {
                w.len() == 2 && w.ends_with('.') && w.starts_with(|c: char| c.is_ascii_uppercase())
            };
            let before_prev = prev.and_then(|(at, _)| word_before(text, at));
            match (prev, before_prev) {
                (Some((_, p)), Some((_, pp)))
                    if initial(p) && name_word(pp) && !pp.ends_with('.') =>
                {
                    found = Some(format!("{pp} {p} {core}"));
                }
                (Some((_, p)), _) if name_word(p) && !p.ends_with('.') => {
                    found = Some(format!("{p} {core}"));
                }
                _ => {}
            }
            if found.is_none() && core == tok {
                if let Some(next) = word_after(text, start + tok.len()) {
                    let next = next.trim_end_matches([',', '.', ':', ';', ')', ']']);
                    if name_word(next) && !next.ends_with('.') {
                        found = Some(format!("{core} {next}"));
                    }
                }
            }
            if let Some(f) = found {
                names.insert(key, f);
            }
        }
    }
    names
}

/// The words of `text` (as `split_whitespace` cuts them) whose first letter
/// or digit is an upper-case letter whose lower case is one of `firsts`,
/// with where each starts. Only such letters are stopped at (a byte table
/// finds the upper-case ASCII ones and any non-ASCII character); the word
/// around one is then read where it stands.
fn opening_words<'t, 's>(
    text: &'t str,
    firsts: &'s [char],
    scan: &'s Stops,
) -> impl Iterator<Item = (usize, &'t str)> + 's
where
    't: 's,
{
    let opens =
        |c: char| c.is_uppercase() && c.to_lowercase().next().is_some_and(|l| firsts.contains(&l));
    let bytes = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        loop {
            i = scan.next(bytes, i)?;
            let (c, len) = char_at(text, i)?;
            let at = i;
            i += len;
            if !opens(c) {
                continue;
            }
            // The word's first letter or digit: nothing before it in the
            // word is one.
            let mut start = at;
            let mut first = true;
            for (j, b) in text[..at].char_indices().rev() {
                if b.is_whitespace() {
                    break;
                }
                if is_alnum(b) {
                    first = false;
                    break;
                }
                start = j;
            }
            if first {
                i = word_end(text, i);
                return Some((start, &text[start..i]));
            }
        }
    })
}

/// The characters outside ASCII that are upper-case letters whose lower
/// case opens with an ASCII letter (`İ`, the Kelvin sign `K`), with that
/// letter: a word opening with a wanted word's ASCII first letter opens
/// with one of these or with that letter in upper case.
const UPPER_TO_ASCII: [(char, char); 2] = [('\u{130}', 'i'), ('\u{212A}', 'k')];

/// Where a word may open with an upper-case letter whose lower case is
/// one of a set: the bytes such a letter starts with.
enum Stops {
    /// At most three bytes, found by `memchr` (wanted words opening with
    /// ASCII letters: their capitals, and the first bytes of the letters
    /// of [`UPPER_TO_ASCII`] among them).
    Few(Vec<u8>),
    /// More, or any character outside ASCII: a byte table.
    Table(Box<StopScan>),
}

/// The most bytes [`Stops::Few`] searches for, as `memchr3` does.
const FEW_STOPS: usize = 3;

impl Stops {
    /// The stops of a word opening with an upper-case letter whose lower
    /// case is one of `firsts`.
    fn opening(firsts: &[char]) -> Stops {
        let mut few: Vec<u8> = Vec::new();
        for &f in firsts {
            if !f.is_ascii() {
                return Stops::Table(Box::new(StopScan::opening(firsts)));
            }
            let upper = f.to_ascii_uppercase() as u8;
            // A character's first byte: 0xC4 for `İ`, 0xE2 for `K`.
            let other = UPPER_TO_ASCII
                .iter()
                .find(|&&(_, l)| l == f)
                .map(|&(u, _)| u.to_string().as_bytes()[0]);
            for b in std::iter::once(upper).chain(other) {
                if !few.contains(&b) {
                    few.push(b);
                }
            }
        }
        if few.len() > FEW_STOPS {
            return Stops::Table(Box::new(StopScan::opening(firsts)));
        }
        Stops::Few(few)
    }

    /// Where the next stop stands in `bytes`, from `at` on.
    fn next(&self, bytes: &[u8], at: usize) -> Option<usize> {
        let rest = bytes.get(at..)?;
        let found = match self {
            Stops::Table(scan) => return scan.next(bytes, at),
            Stops::Few(few) => match few[..] {
                [] => None,
                [a] => memchr::memchr(a, rest),
                [a, b] => memchr::memchr2(a, b, rest),
                [a, b, c, ..] => memchr::memchr3(a, b, c, rest),
            },
        };
        found.map(|k| at + k)
    }
}

/// A search for the bytes of a table: every byte from 0x80 up, and some
/// ASCII bytes. Eight bytes are read at a time, and only those at or over
/// 0x80 or within the table's ASCII range are looked up.
struct StopScan {
    stop: [bool; 256],
    /// Added to each byte's low seven bits: sets the byte's top bit when it
    /// is at least the range's first byte...
    from: u64,
    /// ...and when it is past the range's last.
    past: u64,
}

/// Each byte of a word set to `b`.
const fn every_byte(b: u8) -> u64 {
    u64::from_ne_bytes([b; 8])
}

impl StopScan {
    /// A search for the bytes a word opening with an upper-case letter
    /// whose lower case is one of `firsts` may open with: the ASCII
    /// capitals of theirs, and every byte from 0x80 up.
    fn opening(firsts: &[char]) -> StopScan {
        let mut stop = [false; 256];
        for &f in firsts.iter().filter(|f| f.is_ascii()) {
            stop[usize::from(f.to_ascii_uppercase() as u8)] = true;
        }
        stop[0x80..].fill(true);
        StopScan::new(stop)
    }

    /// A search for the bytes `stop` holds: all of them from 0x80 up.
    fn new(stop: [bool; 256]) -> StopScan {
        debug_assert!(stop[0x80..].iter().all(|&s| s));
        let ascii = || (0..0x80u8).filter(|&b| stop[usize::from(b)]);
        // An empty range is one that sets no top bit: from 0x80 past 0x80.
        let (first, last) = (ascii().min().unwrap_or(0x80), ascii().max().unwrap_or(0x7F));
        StopScan {
            stop,
            from: every_byte(0x80 - first),
            past: every_byte(0x80 - (last + 1)),
        }
    }

    /// Where the next byte the table holds stands in `bytes`, from `at` on.
    fn next(&self, bytes: &[u8], mut at: usize) -> Option<usize> {
        const TOP: u64 = every_byte(0x80);
        const LOW: u64 = every_byte(0x7F);
        while at + 8 <= bytes.len() {
            let mut chunk = [0u8; 8];
            chunk.copy_from_slice(&bytes[at..at + 8]);
            let x = u64::from_le_bytes(chunk);
            let low = x & LOW;
            // No byte's low bits reach 0x80 by these sums: no carry
            // crosses into the next byte.
            let in_range = (low + self.from) & !(low + self.past);
            let mut marked = (in_range | x) & TOP;
            while marked != 0 {
                let k = at + marked.trailing_zeros() as usize / 8;
                if self.stop[usize::from(bytes[k])] {
                    return Some(k);
                }
                marked &= marked - 1;
            }
            at += 8;
        }
        let rest = bytes.get(at..)?;
        Some(at + rest.iter().position(|&b| self.stop[usize::from(b)])?)
    }
}

/// The word (as `split_whitespace` cuts them) before the white space that
/// ends right before `at`, with where it starts.
fn word_before(text: &str, at: usize) -> Option<(usize, &str)> {
    let head = text[..at].trim_end();
    let start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8());
    (!head.is_empty()).then(|| (start, &head[start..]))
}

/// The word (as `split_whitespace` cuts them) after the white space that
/// starts at `at`.
fn word_after(text: &str, at: usize) -> Option<&str> {
    let tail = text[at..].trim_start();
    let end = tail.find(char::is_whitespace).unwrap_or(tail.len());
    (!tail.is_empty()).then(|| &tail[..end])
}

/// Title case for an upper-case label: `KEITH RANSOME` gives `Keith Ransome`.
fn title_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut start = true;
    for c in s.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start = !is_alnum(c) && c != '\'' && c != '’';
    }
    out
}

/// A post written before a name in a label, and the name: the name is the
/// run of two or more capitalised words after the last word that cannot be
/// a name's (a post or an honorific word, a word in lower case: `Sở Y tế`,
/// `Director`, `Dr.`). `None` when no such word stands before a name of
/// two words or more.
fn post_before_name<'l>(label: &'l str, lex: &Lexicon) -> Option<(&'l str, &'l str)> {
    let mut words: Vec<(usize, &str)> = Vec::new();
    let mut at = 0;
    for w in label.split(' ') {
        if !w.is_empty() {
            words.push((at, w));
        }
        at += w.len() + 1;
    }
    let not_name = |w: &str| {
        let core = w.trim_end_matches([',', '.']);
        !w.starts_with(char::is_uppercase)
            || is_word_of(core, &lex.posts)
            || is_word_of(core, &lex.honorifics)
            || is_word_of(w, &lex.honorifics)
    };
    let cut = words.iter().rposition(|(_, w)| not_name(w))?;
    let name_words = words.len() - cut - 1;
    if name_words < 2 {
        return None;
    }
    let at = words[cut + 1].0;
    Some((label[..at].trim_end(), &label[at..]))
}

/// What a label group's labels say of its participant before the context
/// is read: see [`draft`].
pub(super) struct Draft {
    honorific: Option<String>,
    /// The name as the labels write it, without honorific and post.
    bare: String,
    /// The labels are in capitals.
    upper: bool,
    /// The full name the labels give (two words or more, not in
    /// capitals), empty when they give none.
    name: String,
    title: Option<String>,
}

impl Draft {
    /// Whether [`labelled_person`] may look the full name of group `g`'s
    /// one-word key up in the context (it asks no other word).
    pub(super) fn may_look_up(&self, g: &Group) -> bool {
        self.name.is_empty()
            && g.role.is_none_or(|r| r == Role::Moderator)
            && !g.key.starts_with("the ")
            && !g.key.contains(' ')
    }
}

/// What a label group's labels say of its participant: the label form
/// that says most, without its honorific and post.
pub(super) fn draft(g: &Group, lex: &Lexicon) -> Draft {
    let best = g
        .labels
        .iter()
        .max_by_key(|l| {
            (
                super::evidence::after_possessive(l).len() == l.len(),
                l.chars().any(char::is_lowercase),
                l.split(' ').count(),
                l.len(),
            )
        })
        .cloned()
        .unwrap_or_default();
    // A name written as a slug (`nicolas-delorme`) is the name's words.
    let slug = !best.is_empty()
        && best.contains('-')
        && best.chars().all(|c| c.is_lowercase() || c == '-');
    let best = if slug {
        title_case(&best.replace('-', " "))
    } else {
        best
    };
    let (head, post) = match best
        .split_once(" – ")
        .or_else(|| best.split_once(" - "))
        .or_else(|| best.split_once(", "))
    {
        Some((h, p)) => (h.to_string(), Some(p.trim().to_string())),
        None => (best.clone(), None),
    };
    let (honorific, bare) = match honorific_len(&head, lex) {
        Some(n) => (Some(head[..n].to_string()), head[n..].trim().to_string()),
        None => (None, head.clone()),
    };
    // A post written before the name (`Giám đốc Sở Y tế Lâm Quốc Bảo`,
    // `Public Utilities Director Karen Obi`): the name is what follows it.
    let (bare, post) = match post_before_name(&bare, lex) {
        Some((p, n)) if post.is_none() => (n.to_string(), Some(p.to_string())),
        _ => (bare, post),
    };
    let upper = !bare.chars().any(char::is_lowercase);
    let name = if bare.split(' ').count() >= 2 && !upper {
        bare.clone()
    } else {
        String::new()
    };
    let title = post.filter(|p| procedure_role(p, lex).is_none());
    Draft {
        honorific,
        bare,
        upper,
        name,
        title,
    }
}

/// The participant a label group stands for, from its [`draft`].
pub(super) fn labelled_person<'a>(
    g: &Group,
    draft: Draft,
    ctx: &Context,
    event: &Event,
    span: Span,
) -> Participant<'a> {
    let Draft {
        honorific,
        bare,
        upper,
        mut name,
        mut title,
    } = draft;
    let last = g.key.rsplit(' ').next().unwrap_or(&g.key).to_string();
    if name.is_empty() && g.role.is_none_or(|r| r == Role::Moderator) {
        if g.key.starts_with("the ") {
            let post_word = title_case(g.key.trim_start_matches("the "));
            if let Some(n) = ctx.after_post(&post_word) {
                name = n;
                title.get_or_insert(post_word);
            }
        } else if let Some(full) = is_initials(&bare).then(|| ctx.initials(&bare)).flatten() {
            name = full;
        } else if let Some(full) = (!g.key.contains(' '))
            .then(|| ctx.full_name(&last))
            .flatten()
        {
            name = full;
        }
    }
    if name.is_empty() {
        name = if upper {
            title_case(&bare)
        } else {
            bare.clone()
        };
    }
    let role = g.role.unwrap_or(match g.part {
        Stance::Ask => event.askers,
        Stance::Host => Role::Host,
        _ => event.answerers,
    });
    Participant {
        name: Cow::Owned(name),
        honorific: honorific.map(Cow::Owned),
        title: title.map(Cow::Owned),
        affiliation: None,
        role,
        aliases: g.labels.iter().map(|l| Cow::Owned(l.clone())).collect(),
        span,
    }
}

pub(super) fn person<'a>(
    honorific: Option<&str>,
    name: &str,
    title: Option<&str>,
    role: Role,
    span: Span,
) -> Participant<'a> {
    Participant {
        name: Cow::Owned(name.to_string()),
        honorific: honorific.map(|h| Cow::Owned(h.to_string())),
        title: title.map(|t| Cow::Owned(t.to_string())),
        affiliation: None,
        role,
        aliases: Vec::new(),
        span,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stop_scan_finds_what_a_byte_by_byte_search_finds() {
        let texts = [
            "",
            "a",
            "Keith Ransome met Lukas Tervonen in Zürich, then Ông Trần Quốc Bảo.",
            "no capital letters here at all, just a long run of plain words...",
            "ALL CAPITALS AND 1234 DIGITS — “QUOTED” ‘TEXT’ « GUILLEMETS »\u{a0}NBSP",
            "Müller-Lüdenscheidt sagte: „Das Ende.“ Ánh, Đức, Ê-đê; Œuvre",
            "~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~z",
            "@AZ[`az{ \x7F  09:;<=>? 	tabs	",
        ];
        let tables: [&[u8]; 6] = [b"", b"K", b"KLT", b"AZ", b"09", b"@`~\x7F"];
        for ascii in tables {
            let mut stop = [false; 256];
            for &b in ascii {
                stop[usize::from(b)] = true;
            }
            stop[0x80..].fill(true);
            let scan = StopScan::new(stop);
            for text in texts {
                let bytes = text.as_bytes();
                for from in 0..=bytes.len() {
                    let slow = bytes[from..]
                        .iter()
                        .position(|&b| stop[usize::from(b)])
                        .map(|k| from + k);
                    assert_eq!(scan.next(bytes, from), slow, "{text:?} from {from}");
                }
            }
        }
    }

    #[test]
    fn only_the_listed_capitals_outside_ascii_lower_to_an_ascii_letter() {
        let found: Vec<(char, char)> = (0x80..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|c| c.is_uppercase())
            .filter_map(|c| {
                let l = c.to_lowercase().next()?;
                l.is_ascii().then_some((c, l))
            })
            .collect();
        assert_eq!(found, UPPER_TO_ASCII);
    }

    #[test]
    fn a_few_stops_find_every_word_a_table_finds() {
        let texts = [
            "",
            "İstanbul Kelvin \u{212A}elvin ikon Ivan kin KIN",
            "Moderator: “Mr. Maria Müller” — mẹ Mai, MAI; ﬁne Ǆ ǅ",
            "Psaki PSAKI psaki Pşaki Ψ ... Karine Jean-Pierre Ünal",
        ];
        let sets: [&[char]; 6] = [
            &['m'],
            &['i'],
            &['k', 'p'],
            &['i', 'k'],
            &['j', 'm', 'p'],
            &['m', 'ü'],
        ];
        for firsts in sets {
            let few = Stops::opening(firsts);
            let table = Stops::Table(Box::new(StopScan::opening(firsts)));
            for text in texts {
                let a: Vec<(usize, &str)> = opening_words(text, firsts, &few).collect();
                let b: Vec<(usize, &str)> = opening_words(text, firsts, &table).collect();
                assert_eq!(a, b, "{text:?} {firsts:?}");
            }
        }
    }

    #[test]
    fn words_are_read_where_they_stand_as_split_whitespace_cuts_them() {
        let texts = [
            "",
            "Jean",
            "  «Jacquet-Roux»,\u{a0}said  Karine\tJean-Pierre.\n",
            "(Crane) Theodore D. Crane\u{2003}met Đinh La Thăng; jack JACK Jack",
            "Ông Đinh\u{3000}đinh Đinh",
            "x-Jean ‘Crane’ ((Jean 3Crane İjk —Tim",
        ];
        let firsts = ['j', 'c', 'đ', 't', 'i'];
        for text in texts {
            let words: Vec<&str> = text.split_whitespace().collect();
            let want: Vec<(usize, &str)> = words
                .iter()
                .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, *w))
                .filter(|(_, w)| {
                    w.chars().find(|&c| is_alnum(c)).is_some_and(|c| {
                        c.is_uppercase()
                            && c.to_lowercase().next().is_some_and(|l| firsts.contains(&l))
                    })
                })
                .collect();
            let scan = Stops::opening(&firsts);
            let got: Vec<(usize, &str)> = opening_words(text, &firsts, &scan).collect();
            assert_eq!(got, want, "{text:?}");
            for (k, (at, w)) in words
                .iter()
                .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, *w))
                .enumerate()
            {
                let before = k.checked_sub(1).map(|j| words[j]);
                assert_eq!(word_before(text, at).map(|(_, p)| p), before, "{text:?}");
                if let Some((b, p)) = word_before(text, at) {
                    assert_eq!(&text[b..b + p.len()], p);
                }
                assert_eq!(word_after(text, at + w.len()), words.get(k + 1).copied());
            }
        }
    }

    fn names(texts: &[&str]) -> HashMap<String, String> {
        let texts: Vec<Cow<'_, str>> = texts.iter().map(|&s| Cow::Borrowed(s)).collect();
        // Every word of the texts is wanted.
        let words: Vec<String> = texts
            .iter()
            .flat_map(|t| t.split_whitespace())
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .collect();
        let wanted: Vec<&str> = words.iter().map(String::as_str).collect();
        full_names(&texts, &wanted, crate::lang::lexicon(Language::En))
    }

    #[test]
    fn a_post_before_the_name_in_a_label_is_cut_off() {
        let (vi, en) = (
            crate::lang::lexicon(Language::Vi),
            crate::lang::lexicon(Language::En),
        );
        let cut = |l: &'static str, lex| post_before_name(l, lex);
        assert_eq!(
            cut("Sở Y tế Lâm Quốc Bảo", vi),
            Some(("Sở Y tế", "Lâm Quốc Bảo"))
        );
        assert_eq!(
            cut("Public Utilities Director Karen Obi", en),
            Some(("Public Utilities Director", "Karen Obi"))
        );
        assert_eq!(
            cut("Health Officer Dr. Luis Ferreira", en),
            Some(("Health Officer Dr.", "Luis Ferreira"))
        );
        // A name with particles, a name alone, a post over one word.
        assert_eq!(cut("Charles de Gaulle", en), None);
        assert_eq!(cut("Lâm Quốc Bảo", vi), None);
        assert_eq!(cut("Director Obi", en), None);
    }

    #[test]
    fn a_name_is_completed_from_the_words_beside_it() {
        let n = names(&["We spoke to Maria Alvarez at her office."]);
        assert_eq!(n.get("alvarez").map(String::as_str), Some("Maria Alvarez"));
        assert_eq!(n.get("maria").map(String::as_str), Some("Maria Alvarez"));
        let n = names(&["An interview with Robert J. Hale."]);
        assert_eq!(n.get("hale").map(String::as_str), Some("Robert J. Hale"));
    }

    #[test]
    fn only_the_wanted_words_are_gathered() {
        let texts = [Cow::Borrowed(
            "We spoke to Maria Alvarez and Lukas Tervonen.",
        )];
        let n = full_names(&texts, &["tervonen"], crate::lang::lexicon(Language::En));
        assert_eq!(n.len(), 1);
        assert_eq!(
            n.get("tervonen").map(String::as_str),
            Some("Lukas Tervonen")
        );
        assert!(full_names(&texts, &[], crate::lang::lexicon(Language::En)).is_empty());
    }

    #[test]
    fn a_name_does_not_run_past_a_colon_a_comma_or_a_full_stop() {
        let n = names(&[
            "Ember: Well, all of it was planned.",
            "It was late. Ember said no.",
        ]);
        assert_eq!(n.get("ember"), None);
        let n = names(&["Hale, Robert and Anna came."]);
        assert_eq!(n.get("hale"), None);
        let n = names(&["They met George Washington. Ember was made."]);
        assert_eq!(n.get("ember"), None);
    }
}
