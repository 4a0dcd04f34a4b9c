//! Evidence about who gives the interview, weighed instead of taking the
//! first capitalised words met.
//!
//! - **A person's name**, per language: capitalised name words, the first
//!   not a word that opens a sentence or greets (`Die`, `O`, `In`, `Hallo`,
//!   `I'm`), none an organisation word (`Foundation`, `Institut`), none a
//!   possessive (`Fed's`).
//! - **An introduction**: the person named right after a phrase that says
//!   the outlet met them (`OpenBeat caught up with Tobias Sheridan`, `nous nous
//!   sommes entretenus avec Anne d'Ornano`).
//! - **A headline's attribution**: the person a headline quotes with a
//!   speech verb (`‘…’, afirma Carla Menezes`).
//! - **The address**: the given name a question calls someone by (`Dana,
//!   what …`); questions are put to the interviewee.
//! - **Recurrence**: how often a name comes back in the headline, the
//!   header and the questions, a name in the headline counting more.

use crate::grammar::speaker::name_runs;
use crate::grammar::{find_ci, is_word_of, longest_of};
use crate::lang::Lexicon;
use crate::text::is_capitalised;
use crate::text::{is_alnum, is_alpha, split_at_spaces};

/// Whether `word` is a possessive (`Fed's`, `Apple’s`): a name qualified
/// by its owner, not a person's own name word.
fn is_possessive(word: &str) -> bool {
    let w = word.trim_end_matches([',', ':', ';', '.']);
    w.ends_with("'s") || w.ends_with("’s")
}

/// The name a possessive label stands for: the words after its owner
/// (`Whitcombe` for `Fed's Whitcombe`, as headlines write it); the label
/// itself when it has no possessive.
pub(crate) fn after_possessive(label: &str) -> &str {
    // A possessive holds `'` or `’` (whose last byte is 0x99): a label
    // with neither byte (most) has none.
    if !label.bytes().any(|b| b == b'\'' || b == 0x99) {
        return label;
    }
    let mut rest = label;
    let mut at = 0;
    for (i, w) in split_at_spaces(label) {
        if is_possessive(w) && i + w.len() < label.len() {
            at = i + w.len() + 1;
        }
    }
    if at > 0 {
        rest = &label[at..];
    }
    rest
}

/// Whether `name`, a run of capitalised words, can be a person's name in
/// `lex`'s language: its first word neither opens a sentence nor greets
/// (an article, a preposition, a pronoun, `Hallo`), and no word is an
/// organisation word or a possessive.
pub(crate) fn is_person_name(name: &str, lex: &Lexicon) -> bool {
    let mut words = name.split_whitespace().peekable();
    let Some(first) = words.peek().copied() else {
        return false;
    };
    let first = first.trim_matches(|c: char| !is_alnum(c) && c != '\'' && c != '’');
    if is_word_of(first, &lex.name_stops) || is_word_of(first, &lex.first_person) {
        return false;
    }
    if longest_of(name, &lex.organisation_words).is_some() {
        return false;
    }
    words.all(|w| {
        let core = w.trim_matches(|c: char| !is_alnum(c));
        !is_possessive(w) && !is_word_of(core, &lex.organisation_words)
    })
}

/// Whether `name`, a slice of `text`, stands right after one of the
/// language's place words (`xã Tân Hòa`, `in Tunuyán`).
pub(crate) fn after_place_word(text: &str, name: &str, lex: &Lexicon) -> bool {
    let at = (name.as_ptr() as usize).checked_sub(text.as_ptr() as usize);
    let Some(before) = at.and_then(|at| text.get(..at)) else {
        return false;
    };
    let before = before.trim_end();
    let word_at = before
        .rfind(|c: char| !(is_alnum(c) || c == '.'))
        .map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
    let last = &before[word_at..];
    if is_word_of(last, &lex.place_words) {
        return true;
    }
    // A place word of two or three words (`thị trấn`, `sân vận động`).
    let mut from = word_at;
    for _ in 1..PLACE_WORD_MAX_WORDS {
        let at = before[..from].trim_end().rfind(' ').map_or(0, |i| i + 1);
        if at >= from {
            return false;
        }
        from = at;
        if is_word_of(&before[from..], &lex.place_words) {
            return true;
        }
    }
    false
}

/// The most words of a place word (`sân vận động`).
const PLACE_WORD_MAX_WORDS: usize = 3;

/// Whether `name`, a slice of `text`, opens a quotation (`“Chú Cuội”`,
/// `«Thần Tài»`, `"Blue Harbor"`): the title of a work, a nickname or a
/// figure of speech, not a person the article presents.
pub(crate) fn opens_quote(text: &str, name: &str) -> bool {
    let at = (name.as_ptr() as usize).checked_sub(text.as_ptr() as usize);
    at.and_then(|at| text.get(..at))
        .and_then(|before| before.chars().next_back())
        .is_some_and(|c| matches!(c, '“' | '"' | '«' | '„' | '‘' | '\'' | '「'))
}

/// The most words after an introducing phrase the introduced name may
/// stand (`spoke with the editor behind Sunday's special, producer Matt
/// Rawlings`).
const INTRO_REACH: usize = 12;

/// The person `text` introduces as interviewed: the first person's name
/// within [`INTRO_REACH`] words after one of the language's introducing
/// phrases, in the same sentence.
pub(crate) fn introduced<'t>(text: &'t str, lex: &Lexicon) -> Option<&'t str> {
    let mut best: Option<(usize, &'t str)> = None;
    for phrase in lex.introducers.iter() {
        let mut from = 0;
        while let Some(rel) = find_ci(&text[from..], phrase) {
            let at = from + rel;
            from = at + phrase.len();
            if best.is_some_and(|(b, _)| b <= at) {
                break;
            }
            let after = &text[from..];
            if let Some(name) = first_person_in(sentence_head(after, INTRO_REACH), lex) {
                best = Some((at, name));
                break;
            }
        }
    }
    best.map(|(_, n)| n)
}

/// The start of `text` up to `words` words, ending at the first word that
/// closes a sentence (`.`, `?`, `!`, not an initial such as `D.`).
fn sentence_head(text: &str, words: usize) -> &str {
    let mut end = 0;
    for (n, (i, w)) in split_at_spaces(text).enumerate() {
        if n == words {
            break;
        }
        end = i + w.len();
        let closes = w.ends_with(['.', '?', '!', ';']) && w.chars().count() > 2;
        if closes {
            break;
        }
    }
    &text[..end]
}

/// The first run of two or more name words in `text` that is a person's
/// name.
fn first_person_in<'t>(text: &'t str, lex: &Lexicon) -> Option<&'t str> {
    name_runs(text, lex)
        .into_iter()
        .map(|(_, run)| run)
        .find(|run| is_person_name(run, lex))
}

/// Quotation marks that close a quote in a headline.
const CLOSING_QUOTES: [char; 6] = ['’', '”', '»', '"', '\'', '“'];

/// The most words between a headline's speech verb and the name it
/// attributes the quote to (`afirma o governador Beto Teixeira`).
const ATTRIBUTION_REACH: usize = 6;

/// The person a headline quotes with a speech verb after the quote:
/// `‘A ponte fica pronta’, afirma Carla Menezes`, `"…," says Ann Lee`.
pub(crate) fn attributed<'t>(headline: &'t str, lex: &Lexicon) -> Option<&'t str> {
    let close = headline.rfind(CLOSING_QUOTES)?;
    let quote_len = headline[close..].chars().next().map_or(1, char::len_utf8);
    let rest = headline[close + quote_len..].trim_start_matches([',', ' ', '\u{a0}']);
    // English puts the comma inside the quote: `"…," says Ann Lee`.
    let verb = longest_of(rest, &lex.speech_verbs)?;
    let after = rest[verb..].trim_start();
    first_person_in(sentence_head(after, ATTRIBUTION_REACH), lex)
}

/// Whether a turn calls on someone by a name set off by commas, in one
/// sentence and no more (`Go ahead, Mary.`, `Phil, in the back.`; not
/// `And then, David, as...`, an answer cut off, nor `That's correct.
/// Thank you, Mr. Vice President.`).
pub(crate) fn calls_on(said: &str, lex: &Lexicon) -> bool {
    let said = said.trim_end();
    // Its one mark of a sentence's end is its last character.
    let Some(body) = said.strip_suffix(['.', '!']) else {
        return false;
    };
    !body.contains(['.', '!', '?']) && !addressed(&[said], lex).is_empty()
}

/// The capitalised words the questions call someone by, lower-cased: a
/// word set off by a comma at a question's start (`Dana, what …`, `1.
/// Sofia, beschreibe …`) or between a comma and another comma or the end
/// of the sentence (`In the broad view, Gigi, is it …`).
pub(crate) fn addressed(questions: &[&str], lex: &Lexicon) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let is_call = |w: &str| {
        is_capitalised(w)
            && w.chars().any(char::is_lowercase)
            && w.chars()
                .all(|c| is_alpha(c) || c == '-' || c == '\'' || c == '’')
            && !is_word_of(w, &lex.name_stops)
            && !is_word_of(w, &lex.first_person)
    };
    for q in questions {
        let q = q.trim_start_matches(|c: char| !is_alpha(c));
        // Whether the token before ends with a comma (none before the first).
        let mut after_comma = None;
        for tok in q.split_whitespace() {
            let opens = after_comma.is_none() && tok.ends_with(',');
            let set_off = after_comma == Some(true) && tok.ends_with([',', '?', '.', '!']);
            after_comma = Some(tok.ends_with(','));
            if !(opens || set_off) {
                continue;
            }
            let core = tok.trim_end_matches([',', '?', '.', '!']);
            if is_call(core) {
                let w = core.to_lowercase();
                if !out.contains(&w) {
                    out.push(w);
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Language;
    use crate::lang::lexicon;

    #[test]
    fn a_turn_that_calls_on_someone_by_name_and_says_no_more() {
        let (en, fr, de) = (
            lexicon(Language::En),
            lexicon(Language::Fr),
            lexicon(Language::De),
        );
        assert!(calls_on("Go ahead, Mary.", en));
        assert!(calls_on("Maria, in the back.", en));
        assert!(calls_on("Allez-y, Julien.", fr));
        assert!(calls_on("Bitte, Frau Keller.", de));
        assert!(!calls_on("Yes.", en));
        assert!(!calls_on("And then, David, as...", en));
        assert!(!calls_on(
            "That's correct. Thank you, Mr. Vice President.",
            en
        ));
        assert!(!calls_on("Mary, what do you think?", en));
    }

    #[test]
    fn sentence_starts_organisations_and_possessives_are_not_people() {
        let en = lexicon(Language::En);
        assert!(is_person_name("Priya Raman", en));
        assert!(!is_person_name("In China", en));
        assert!(!is_person_name("Fed's Whitcombe", en));
        assert_eq!(after_possessive("Fed's Whitcombe"), "Whitcombe");
        assert_eq!(after_possessive("fed’s whitcombe"), "whitcombe");
        assert_eq!(after_possessive("John Whitcombe"), "John Whitcombe");
        assert!(!is_person_name("Open Mapping Alliance", en));
        let de = lexicon(Language::De);
        assert!(!is_person_name("Die Moderatorin", de));
        assert!(!is_person_name("Hallo Tomas", de));
        assert!(is_person_name("Lena Brandt", de));
        let pt = lexicon(Language::Pt);
        assert!(!is_person_name("O Vasconcelos", pt));
        assert!(is_person_name("Carla Menezes", pt));
    }

    #[test]
    fn a_name_after_a_place_word_is_a_place() {
        let vi = lexicon(Language::Vi);
        let t = "Chủ tịch Hội Làng nghề xã Tân Hòa, ông Hồ Đăng Khoa";
        let at = t.find("Tân").unwrap();
        assert!(after_place_word(t, &t[at..at + "Tân Hòa".len()], vi));
        let at = t.find("Hồ").unwrap();
        assert!(!after_place_word(t, &t[at..], vi));
        let t = "Người dân thành phố Hải Dương";
        let at = t.find("Hải").unwrap();
        assert!(after_place_word(t, &t[at..], vi));
        let t = "Khán đài C, sân vận động Thống Nhất";
        let at = t.find("Thống").unwrap();
        assert!(after_place_word(t, &t[at..], vi));
        let en = lexicon(Language::En);
        let t = "Wine growers in Tunuyán Valley";
        let at = t.find("Tun").unwrap();
        assert!(after_place_word(t, &t[at..], en));
    }

    #[test]
    fn a_name_opening_a_quote_is_a_title() {
        for (t, name) in [
            ("Nhạc sĩ Lê Văn An về CD “Ông Phỗng Đá 2”", "Ông Phỗng Đá"),
            ("The band's album \"Blue Harbor\" is out", "Blue Harbor"),
            (
                "Le film «Les Grandes Marées» sort en mai",
                "Les Grandes Marées",
            ),
        ] {
            let at = t.find(name).unwrap();
            assert!(opens_quote(t, &t[at..at + name.len()]), "{t}");
        }
        let t = "Nhạc sĩ Lê Văn An về CD “Ông Phỗng Đá 2”";
        let at = t.find("Lê Văn An").unwrap();
        assert!(!opens_quote(t, &t[at..at + "Lê Văn An".len()]));
    }

    #[test]
    fn an_introduction_names_the_person_after_its_phrase() {
        let en = lexicon(Language::En);
        let s = "Harbor Lantern runs offline. Coastline Weekly caught up with Priya Raman (pictured), a maintainer.";
        assert_eq!(introduced(s, en), Some("Priya Raman"));
        let s = "The Reporter spoke with the editor behind Sunday's special, producer Matt Rawlings, about it.";
        assert_eq!(introduced(s, en), Some("Matt Rawlings"));
        assert_eq!(
            introduced("We spoke with The Daily Post about it.", en),
            None
        );
        let fr = lexicon(Language::Fr);
        let s = "Nous nous sommes entretenus avec Anne-Laure d'Ornano, qui les suit.";
        assert_eq!(introduced(s, fr), Some("Anne-Laure d'Ornano"));
    }

    #[test]
    fn a_headline_attributes_its_quote() {
        let pt = lexicon(Language::Pt);
        let h = "‘A ponte fica pronta em março’, afirma Carla Menezes";
        assert_eq!(attributed(h, pt), Some("Carla Menezes"));
        assert_eq!(attributed("‘A ponte fica pronta’, Carla Menezes", pt), None);
        let en = lexicon(Language::En);
        let h = "\"We will not close the port,\" says Mayor Ann Lee";
        assert_eq!(attributed(h, en), Some("Ann Lee"));
    }

    #[test]
    fn questions_address_someone_by_name() {
        let en = lexicon(Language::En);
        let got = addressed(
            &[
                "Dana, what did the board look at?",
                "In the broad view, Gigi, is it hard?",
                "So, what next?",
                "Some say Ellery was fast. Did you weigh that?",
            ],
            en,
        );
        assert_eq!(got, vec!["dana", "gigi"]);
        let de = lexicon(Language::De);
        assert_eq!(addressed(&["1. Sofia, beschreibe das"], de), vec!["sofia"]);
    }
}
