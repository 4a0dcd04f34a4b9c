//! Per-language tables: weekday and month names, date words, honorifics,
//! question cues, thanks, byline and caption words.
//!
//! Parsers never spell a word of a language: they read it from a
//! [`Lexicon`]. Words are written in their natural case; matching ignores
//! case.

use crate::Weekday;
use crate::model::{AnnotationKind, BylineRole, Language, Role};

mod de;
mod en;
mod es;
mod fr;
mod it;
mod pt;
mod table;
mod vi;

#[cfg(test)]
pub(crate) use table::first_word;
pub(crate) use table::{Entry, List, Table, Words};

/// The words of one language the grammars need.
#[derive(Debug)]
pub(crate) struct Lexicon {
    pub language: Language,
    /// Weekday names, full and abbreviated.
    pub weekdays: Table<Weekday>,
    /// Month names, full and abbreviated.
    pub months: Table<u8>,
    /// Words that stand before a numeric month (`tháng`).
    pub month_words: Words,
    /// Words that stand before a year (`năm`).
    pub year_words: Words,
    /// Words that stand between parts of a date and a time (`lúc`, `à`, `de`).
    pub date_connectors: Words,
    /// Words that open a date line (`Cập nhật`, `Updated`, `Publié le`).
    pub date_prefixes: Words,
    /// Whether numeric dates put the month first (US English).
    pub month_first: bool,
    /// Whether pages in this language also write numeric dates the other
    /// way round (English: the US puts the month first, Britain the day),
    /// so that a date whose two numbers may both be the month stays
    /// ambiguous (`03/04/2020`).
    pub either_order: bool,
    /// Words that stand after an hour (`h`, `Uhr`, `giờ`), also right
    /// before the minutes (`13h15`).
    pub hour_words: Words,
    /// Words that stand after the minutes (`min`, `phút`).
    pub minute_words: Words,
    /// Words that name an hour (`noon`, `midi`, `Mitternacht`), with it.
    pub clock_words: Table<u8>,
    /// Parts of the day after an hour (`chiều`, `de la tarde`, `abends`,
    /// `nachts`), with which part they name.
    pub day_parts: Table<DayPart>,
    /// Personal honorifics that stand before a name (`Ông`, `Ms.`, `Dr.`).
    pub honorifics: Words,
    /// Posts that may stand before a name (`Giám đốc`, `President`), but also
    /// open the description of a post (`Giám đốc Sở Y tế`).
    pub posts: Words,
    /// Labels that mark a question (`Q`, `Hỏi`, `PV`, `Frage`).
    pub question_labels: Words,
    /// Labels that mark an answer (`A`, `Đáp`, `Antwort`).
    pub answer_labels: Words,
    /// Role labels of people who run the event rather than ask or answer
    /// (`Moderator`, `Operator`, `Host`).
    pub procedure_roles: Table<Role>,
    /// Words that open a stage direction (`Laughter`, `Applause`, `Cười`),
    /// with what they note.
    pub annotation_words: Table<AnnotationKind>,
    /// Words that open (or phrases inside) a copyright line or a transcript
    /// disclaimer.
    pub notices: Words,
    /// The footer a blog's feed appends to each post, as its software
    /// writes it (`The post … appeared first on …`): machine text, matched
    /// with its case wherever it stands in a short paragraph, which is then
    /// page furniture like a copyright line.
    pub feed_footers: Words,
    /// Words that mark a question as following up the one before, after its
    /// number (`Q1 Follow-up:`, `Frage 2 Nachfrage:`).
    pub follow_ups: Words,
    /// Phrases that open a question (`Thưa ông`, `Xin ông cho biết`).
    pub question_openers: Words,
    /// Phrases that make a sentence a question wherever they stand.
    pub question_phrases: Words,
    /// Words that welcome listeners or a guest, opening a programme
    /// (`welcome`, `willkommen`, `bienvenue`).
    pub welcomes: Words,
    /// Phrases of thanks that close an interview.
    pub thanks: Words,
    /// First-person pronouns (captions speak of people in the third person).
    pub first_person: Words,
    /// Pronouns that address the person spoken to (`vous`, `Sie`, `you`,
    /// `ông`), as written: matched with their case, so that German `Sie`
    /// is told from `sie` and Italian `Lei` from `lei`. Questions address
    /// the interviewee; answers speak of themselves.
    pub second_person: Words,
    /// Words after the names in a byline (`thực hiện`, `ghi`).
    pub byline_after: Table<BylineRole>,
    /// Words before the names in a byline (`Propos recueillis par`, `By`).
    pub byline_before: Table<BylineRole>,
    /// Words that stand for "the reporter" rather than a name (`P.V`).
    pub generic_reporters: Words,
    /// Words a site's software or theme writes as a post's author when it
    /// names no one (`Writing`, `Guest`, `Gastautor`).
    pub placeholder_authors: Words,
    /// Words that open a source line (`Theo`, `Nguồn`).
    pub source_prefixes: Words,
    /// Words that open a caption line, a photo's or a video's (`Image
    /// caption`, `Video:`).
    pub caption_prefixes: Words,
    /// Words that open a photo credit (`Ảnh`, `Photo`); a name after them
    /// needs a colon (`Ảnh: Ngọc Hà`), unless they open the line.
    pub credit_prefixes: Words,
    /// Labels a page's widgets print alone on a line (`Share`, `Close share
    /// panel`, `Chia sẻ`, `Đóng kênh chia sẻ`): page furniture.
    pub widget_labels: Words,
    /// Words that open a link to another article (`Read more:`, `Lire aussi
    /// :`, `Xem thêm:`, `Tin liên quan`): the line is page furniture.
    pub related_prefixes: Words,
    /// Phrases that open a line describing a picture (`Quang cảnh …`,
    /// `A view of …`, `Capture d'écran …`): such a line is a caption.
    pub picture_phrases: Words,
    /// Phrases that open a photo credit and lead straight to the name, no
    /// colon between (`Photo courtesy of Ana Ruiz`, `Foto cortesía de …`).
    pub courtesy_prefixes: Words,
    /// Phrases saying someone gives the interview (`trả lời phỏng vấn`).
    pub interview_phrases: Words,
    /// Words joining two names (`và`, `and`).
    pub name_joiners: Words,
    /// Capitalised words that open a sentence or greet someone and never
    /// open a person's name: articles, prepositions, pronouns, greetings
    /// (`Die`, `O`, `In`, `Hallo`, `I'm`).
    pub name_stops: Words,
    /// Words that make a run of capitalised words an organisation, an
    /// outlet or an event rather than a person (`Foundation`, `Institut`,
    /// `Gobierno`, `Ủy ban`).
    pub organisation_words: Words,
    /// Words that stand right before a place's name (`in`, `à`, `xã`,
    /// `làng`): a name met after one is a place, not a person.
    pub place_words: Words,
    /// Family names common enough to tell a person's name in the
    /// languages that write it first (`Nguyễn`, `Trần`, `Lê`): a run of
    /// capitalised words opening with one is a person's, not a place's
    /// (`Bát Tràng`) or a work's. Empty where family names are too many.
    pub family_names: Words,
    /// Phrases after which a lede or credit names the person interviewed
    /// (`caught up with`, `nous nous sommes entretenus avec`).
    pub introducers: Words,
    /// Verbs that attribute a quoted headline to its speaker (`says`,
    /// `afirma`, `dice`): `'…', afirma Carla Menezes`.
    pub speech_verbs: Words,
    /// Frequent short words, to detect the language.
    pub stopwords: Words,
}

/// A part of the day named after an hour, which places a 12-hour clock's
/// hour before or after noon.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DayPart {
    /// Before noon (`du matin`, `morgens`, `sáng`).
    Morning,
    /// After noon (`de la tarde`, `abends`, `chiều`).
    Afternoon,
    /// The night, on either side of midnight: an hour from 6 on is the
    /// evening's (`11 Uhr nachts` is 23:00), one before it the morning's
    /// (`2 Uhr nachts` is 02:00).
    Night,
}

impl DayPart {
    /// Whether `hour` (1 to 12) said with this part is after noon.
    pub(crate) fn after_noon(self, hour: u32) -> bool {
        match self {
            DayPart::Morning => false,
            DayPart::Afternoon => true,
            DayPart::Night => (6..12).contains(&hour),
        }
    }
}

/// Byline words of languages the crate has no tables for, met in scraped
/// pages all the same (a translation project's `作者：` credit).
pub(crate) static NEUTRAL_BYLINE_BEFORE: Table<BylineRole> = Table::new(&[
    ("作者：", BylineRole::Author),
    ("作者:", BylineRole::Author),
    ("记者：", BylineRole::Author),
    ("記者：", BylineRole::Author),
]);

/// Lower-case particles inside a person's name, in the languages names come
/// from (`Juan del Río`, `Ursula von der Leyen`, `Rui dos Santos`): a
/// name's words may be these as well as capitalised words.
pub(crate) static NAME_PARTICLES: &[&str] = &[
    "de", "del", "della", "van", "von", "der", "den", "da", "di", "du", "la", "le", "bin", "al",
    "y", "do", "dos", "das",
];

/// Particles elided onto a family name (`Anne d'Ornano`, `Florence
/// d’Arvieu-Mas`): the name word is what follows them.
pub(crate) static ELIDED_PARTICLES: &[&str] = &["d'", "d’"];

/// Lower-case particles inside a place name (`Río de Janeiro`,
/// `Frankfurt am Main`, `Stratford-upon-Avon`'s `upon`).
pub(crate) static PLACE_PARTICLES: &[&str] = &[
    "de", "del", "do", "da", "di", "la", "le", "am", "an", "sur", "upon",
];

/// The tables for `language`.
pub(crate) fn lexicon(language: Language) -> &'static Lexicon {
    match language {
        Language::Vi => &vi::LEXICON,
        Language::En => &en::LEXICON,
        Language::Fr => &fr::LEXICON,
        Language::De => &de::LEXICON,
        Language::Es => &es::LEXICON,
        Language::Pt => &pt::LEXICON,
        Language::It => &it::LEXICON,
        // Only read from JSON: `parse_with` detects the language instead.
        Language::Unknown => &en::LEXICON,
    }
}

/// All tables, in [`Language::ALL`] order.
pub(crate) fn all() -> impl Iterator<Item = &'static Lexicon> {
    Language::ALL.into_iter().map(lexicon)
}

/// Letters only Vietnamese uses among the languages we know.
fn is_vietnamese_letter(c: char) -> bool {
    matches!(c,
        'ă' | 'ơ' | 'ư' | 'đ' | 'Ă' | 'Ơ' | 'Ư' | 'Đ'
        | 'ạ'..='ỹ' | 'Ạ'..='Ỹ')
}

/// The longest stopword of any table, in bytes.
const MAX_STOPWORD_BYTES: usize = 16;

/// Every language's stopwords, lower-cased, with the languages (a bit each,
/// in [`Language::ALL`] order) they belong to.
fn stopword_languages() -> &'static Stopwords {
    static MAP: std::sync::OnceLock<Stopwords> = std::sync::OnceLock::new();
    MAP.get_or_init(|| {
        let mut map = StopwordMap::default();
        for (i, lex) in all().enumerate() {
            for s in lex.stopwords.iter() {
                *map.entry(s.to_lowercase().into_bytes()).or_insert(0) |= 1 << i;
            }
        }
        let mut ascii_filter = [0u16; FILTER_KEYS * FILTER_KEYS];
        for key in map.keys() {
            if let Some((at, bit)) = filter_slot(key) {
                ascii_filter[at] |= bit;
            }
        }
        let short = short_table(&map);
        Stopwords {
            map,
            ascii_filter,
            short,
        }
    })
}

/// The longest ASCII stopword [`Stopwords::short`] holds, in bytes: its
/// key is its bytes in a `u64`.
const SHORT_BYTES: usize = 8;
/// How many slots [`Stopwords::short`] has for each stopword it holds, at
/// least (it has a power of two): most look-ups of a word that is no
/// stopword meet an empty slot at once.
const SHORT_SLOTS_PER_WORD: usize = 4;

/// The key of an ASCII word of 1 to [`SHORT_BYTES`] bytes, in lower
/// case: its bytes, the first the lowest, zeros after them. A word's
/// bytes are letters, digits and the apostrophe (see [`next_word`]),
/// which all have bit `0x20` set in lower case: setting it lower-cases
/// the letters and leaves the rest.
fn short_key(word: &[u8]) -> u64 {
    debug_assert!((1..=SHORT_BYTES).contains(&word.len()));
    let mut bytes = [0u8; SHORT_BYTES];
    bytes[..word.len()].copy_from_slice(word);
    let filled = u64::MAX >> (8 * (SHORT_BYTES - word.len()));
    u64::from_le_bytes(bytes) | (LOWER_BIT_EACH_BYTE & filled)
}

/// [`short_key`] of the ASCII word `text[start..end]`, read with the
/// bytes after it from the text when it holds eight from `start` (no
/// copy), those past the word then cleared.
#[inline]
fn short_key_at(text: &[u8], start: usize, end: usize) -> u64 {
    match text.get(start..start + SHORT_BYTES) {
        Some(eight) => {
            let filled = u64::MAX >> (8 * (SHORT_BYTES - (end - start)));
            let raw = u64::from_le_bytes(eight.try_into().expect("eight bytes"));
            (raw | LOWER_BIT_EACH_BYTE) & filled
        }
        None => short_key(&text[start..end]),
    }
}

/// Bit `0x20` of every byte of a `u64`: ASCII letters have it in lower
/// case.
const LOWER_BIT_EACH_BYTE: u64 = 0x2020_2020_2020_2020;

/// The slot where a look-up of `key` starts in a table of `1 << bits`
/// slots (Fibonacci hashing).
fn short_slot(key: u64, bits: u32) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - bits)) as usize
}

/// The stopwords of `map` that are ASCII words of at most
/// [`SHORT_BYTES`] bytes (letters, digits, apostrophes: the words
/// [`next_word`] gives), in an open-addressing table keyed by
/// [`short_key`]; key 0 marks an empty slot.
fn short_table(map: &StopwordMap) -> Box<[(u64, LanguageSet)]> {
    let short: Vec<(u64, LanguageSet)> = map
        .iter()
        .filter(|(w, _)| {
            (1..=SHORT_BYTES).contains(&w.len()) && w.iter().all(|&b| is_ascii_word_byte(b))
        })
        .map(|(w, &langs)| (short_key(w), langs))
        .collect();
    let slots = (short.len() * SHORT_SLOTS_PER_WORD).next_power_of_two();
    let bits = slots.trailing_zeros();
    let mut table = vec![(0u64, 0); slots].into_boxed_slice();
    for (key, langs) in short {
        let mut at = short_slot(key, bits);
        while table[at].0 != 0 {
            at = (at + 1) & (slots - 1);
        }
        table[at] = (key, langs);
    }
    table
}

/// The stopwords, with a filter that turns most other ASCII words away
/// before they are lower-cased and hashed.
struct Stopwords {
    map: StopwordMap,
    /// For each first and last byte of an ASCII stopword (their five low
    /// bits, which ASCII case does not change), a bit for each length it
    /// has: an ASCII word whose bit is not set is no stopword.
    ascii_filter: [u16; FILTER_KEYS * FILTER_KEYS],
    /// The ASCII stopwords of at most [`SHORT_BYTES`] bytes, looked up by
    /// a key of their bytes (see [`short_table`]): no lower-cased copy, no
    /// hashing of a byte string, no comparison of one. A power of two
    /// long.
    short: Box<[(u64, LanguageSet)]>,
}

/// How many values the five low bits of a byte take.
const FILTER_KEYS: usize = 32;
const _: () = assert!(MAX_STOPWORD_BYTES <= u16::BITS as usize);

/// The entry and the bit of [`Stopwords::ascii_filter`] for an ASCII
/// word of 1 to [`MAX_STOPWORD_BYTES`] bytes, in either case; `None` for
/// other words.
fn filter_slot(word: &[u8]) -> Option<(usize, u16)> {
    if !word.is_ascii() {
        return None;
    }
    ascii_slot(word)
}

/// [`filter_slot`] for a word known to be ASCII: its bytes are not read
/// again to tell.
#[inline]
fn ascii_slot(word: &[u8]) -> Option<(usize, u16)> {
    let (&first, &last) = (word.first()?, word.last()?);
    if word.len() > MAX_STOPWORD_BYTES {
        return None;
    }
    let key = |b: u8| usize::from(b) % FILTER_KEYS;
    Some((key(first) * FILTER_KEYS + key(last), 1 << (word.len() - 1)))
}

impl Stopwords {
    /// Whether an ASCII `word` may be a stopword in some case.
    fn may_hold_ascii(&self, word: &[u8]) -> bool {
        debug_assert!(word.is_ascii());
        ascii_slot(word).is_some_and(|(at, bit)| self.ascii_filter[at] & bit != 0)
    }

    /// The languages the word `text[start..end]` is a stopword of, in any
    /// case, if it is one (an empty set if it is not); `buf` holds a
    /// lower-cased copy when the word is not short ASCII. `None` if it does
    /// not fit `buf`.
    fn languages(
        &self,
        text: &str,
        (start, end): (usize, usize),
        ascii: bool,
        buf: &mut [u8],
    ) -> Option<LanguageSet> {
        let word = &text[start..end];
        if ascii && (1..=SHORT_BYTES).contains(&word.len()) {
            let key = short_key_at(text.as_bytes(), start, end);
            let mask = self.short.len() - 1;
            let mut at = short_slot(key, self.short.len().trailing_zeros());
            loop {
                match self.short[at] {
                    (0, _) => return Some(0),
                    (k, langs) if k == key => return Some(langs),
                    _ => at = (at + 1) & mask,
                }
            }
        }
        let lower = lower_in(word, buf)?;
        Some(self.map.get(lower).copied().unwrap_or(0))
    }
}

/// `word` in lower case, written into `buf` (no allocation); `None` if it
/// does not fit.
fn lower_in<'b>(word: &str, buf: &'b mut [u8]) -> Option<&'b [u8]> {
    if word.is_ascii() {
        let out = buf.get_mut(..word.len())?;
        out.copy_from_slice(word.as_bytes());
        out.make_ascii_lowercase();
        return Some(out);
    }
    let mut n = 0;
    let mut put = |c: char| -> Option<()> {
        let len = c.len_utf8();
        c.encode_utf8(buf.get_mut(n..n + len)?);
        n += len;
        Some(())
    };
    for c in word.chars() {
        // Most letters are their own lower case: no table is read for them.
        if crate::text::lower_as_is(c) {
            put(c)?;
        } else {
            for l in c.to_lowercase() {
                put(l)?;
            }
        }
    }
    Some(&buf[..n])
}

/// Stopwords (their UTF-8 bytes, so that a word lower-cased into a buffer
/// is looked up as it is) and their languages, hashed with FNV-1a: the
/// keys are short and fixed (no untrusted key is ever inserted), so the
/// default hasher's resistance to flooding buys nothing and costs a third
/// of detection.
type StopwordMap =
    std::collections::HashMap<Vec<u8>, LanguageSet, std::hash::BuildHasherDefault<crate::fnv::Fnv>>;

/// A set of languages, a bit each in [`Language::ALL`] order.
type LanguageSet = u32;
const _: () = assert!(Language::ALL.len() <= LanguageSet::BITS as usize);

/// How many words of text to look at to detect the language.
const DETECT_WORDS: usize = 1000;

/// Whether the character at byte `i` of `text` (a character boundary)
/// belongs to a word (a letter, a digit or an apostrophe), and its
/// length. ASCII is read from a table, without decoding.
#[inline]
fn word_char_at(text: &str, i: usize) -> (bool, usize) {
    let b = text.as_bytes()[i];
    if b.is_ascii() {
        return (ASCII_WORD[usize::from(b)], 1);
    }
    let c = text[i..].chars().next().expect("a character boundary");
    (crate::text::is_alnum(c), c.len_utf8())
}

/// Whether `b` is an ASCII byte of words (see [`ASCII_WORD`]).
fn is_ascii_word_byte(b: u8) -> bool {
    b.is_ascii() && ASCII_WORD[usize::from(b)]
}

/// The ASCII bytes of words: letters, digits and the apostrophe.
static ASCII_WORD: [bool; 128] = {
    let mut t = [false; 128];
    let mut b = 0;
    while b < 128 {
        t[b] = (b as u8).is_ascii_alphanumeric() || b == b'\'' as usize;
        b += 1;
    }
    t
};

/// The next word of `text` from byte `from` (a character boundary): its
/// start, its end and whether it is all ASCII. Words are the pieces
/// `text.split(|c| !is_alnum(c) && c != '\'')` gives that are not empty.
fn next_word(text: &str, from: usize) -> Option<(usize, usize, bool)> {
    let bytes = text.as_bytes();
    let mut i = from;
    // ASCII bytes are read from the table in a loop of their own; only
    // other characters go through `word_char_at`.
    loop {
        while bytes
            .get(i)
            .is_some_and(|&b| b.is_ascii() && !ASCII_WORD[usize::from(b)])
        {
            i += 1;
        }
        if i >= bytes.len() {
            return None;
        }
        let (word, len) = word_char_at(text, i);
        if word {
            break;
        }
        i += len;
    }
    let start = i;
    let mut ascii = true;
    loop {
        while bytes
            .get(i)
            .is_some_and(|&b| b.is_ascii() && ASCII_WORD[usize::from(b)])
        {
            i += 1;
        }
        if i >= bytes.len() {
            break;
        }
        let (word, len) = word_char_at(text, i);
        if !word {
            break;
        }
        ascii &= len == 1;
        i += len;
    }
    Some((start, i, ascii))
}

/// Detects the language of a document from its paragraphs: Vietnamese by its
/// letters, the others by their frequent words. English when nothing tells.
pub(crate) fn detect<'t>(paragraphs: impl Iterator<Item = &'t str>) -> Language {
    detect_settling::<SETTLE_EVERY>(paragraphs)
}

/// [`detect`], which stops reading once [`settled`], tested every
/// `EVERY` words (`usize::MAX`: never, the oracle in tests).
fn detect_settling<'t, const EVERY: usize>(paragraphs: impl Iterator<Item = &'t str>) -> Language {
    let stopwords = stopword_languages();
    let mut scores = [0usize; Language::ALL.len()];
    let mut viet = 0usize;
    let mut words = 0usize;
    let mut buf = [0u8; 4 * MAX_STOPWORD_BYTES];
    'outer: for p in paragraphs {
        let mut from = 0;
        while let Some((start, end, ascii)) = next_word(p, from) {
            from = end;
            let w = &p[start..end];
            words += 1;
            if words > DETECT_WORDS || (words % EVERY == 0 && settled(&scores, viet, words)) {
                break 'outer;
            }
            // Vietnamese is told by its letters alone: its words are not
            // looked up.
            if !ascii && w.chars().any(is_vietnamese_letter) {
                viet += 1;
                // Past an eighth of the most words ever counted, no word
                // read further can turn the document from Vietnamese.
                if viet * 8 > DETECT_WORDS {
                    return Language::Vi;
                }
                continue;
            }
            if w.len() <= MAX_STOPWORD_BYTES && (!ascii || stopwords.may_hold_ascii(w.as_bytes())) {
                let Some(mask) = stopwords.languages(p, (start, end), ascii, &mut buf) else {
                    continue;
                };
                if mask != 0 {
                    for (i, score) in scores.iter_mut().enumerate() {
                        if mask & (1 << i) != 0 {
                            *score += 1;
                        }
                    }
                }
            }
        }
    }
    if words > 0 && viet * 8 >= words {
        return Language::Vi;
    }
    let best = (1..scores.len()).max_by_key(|&i| (scores[i], usize::MAX - i));
    match best {
        Some(i) if scores[i] > 0 => Language::ALL[i],
        _ => Language::En,
    }
}

/// How many words [`detect`] reads between two tests of whether the words
/// left can still change its answer.
const SETTLE_EVERY: usize = 16;

/// Whether no word [`detect`] has yet to read can change its answer, the
/// `words`-th (counted, not yet read) on: each of the at most `left`
/// words adds at most one to each language's score and to `viet`, so the
/// leader stays ahead of every other language by more than `left` and
/// Vietnamese stays under an eighth of the words, both at the end and at
/// the early return past an eighth of [`DETECT_WORDS`] (`left` counts one
/// word more than can be read, to spare the arithmetic an off-by-one).
fn settled(scores: &[usize; Language::ALL.len()], viet: usize, words: usize) -> bool {
    let left = DETECT_WORDS + 2 - words;
    if (viet + left) * 8 >= words {
        return false;
    }
    let Some(lead) = (1..scores.len()).max_by_key(|&i| (scores[i], usize::MAX - i)) else {
        return false;
    };
    (1..scores.len()).all(|i| i == lead || scores[lead] > scores[i] + left)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settling_early_gives_the_same_answer() {
        let samples = [
            "the president said that we will not take questions at this time and",
            "der Präsident sagte, dass wir die Fragen nicht und auch nicht mit",
            "le président a dit que nous ne prendrons pas de questions et les",
            "el presidente dijo que no vamos a tomar preguntas en este y los",
            "il presidente ha detto che non prendiamo domande per questo e il",
            "o presidente disse que não vamos responder perguntas e os de",
            "Xin cảm ơn ông đã dành thời gian trả lời phỏng vấn, Thứ Năm",
            "word 123 — “quoted” … 日本語 Ελληνικά",
        ];
        for a in 0..samples.len() {
            for b in 0..samples.len() {
                for (na, nb) in [(1, 1), (3, 1), (1, 3), (10, 9), (60, 1), (1, 60), (40, 41)] {
                    let mut doc = vec![samples[a]; na];
                    doc.extend(vec![samples[b]; nb]);
                    doc.extend(vec![samples[a]; nb]);
                    let oracle = detect_settling::<{ usize::MAX }>(doc.iter().copied());
                    let got = [
                        detect_settling::<1>(doc.iter().copied()),
                        detect_settling::<2>(doc.iter().copied()),
                        detect_settling::<SETTLE_EVERY>(doc.iter().copied()),
                    ];
                    assert_eq!(got, [oracle; 3], "{a} {b} {na} {nb}");
                }
            }
        }
    }

    #[test]
    fn detects_each_language() {
        let cases = [
            (
                "Xin cảm ơn ông đã dành thời gian trả lời phỏng vấn",
                Language::Vi,
            ),
            (
                "Thank you for taking the time to answer our questions",
                Language::En,
            ),
            (
                "Merci de nous avoir accordé cet entretien sur le festival",
                Language::Fr,
            ),
            (
                "Vielen Dank, dass Sie sich die Zeit für das Gespräch nehmen",
                Language::De,
            ),
            (
                "Muchas gracias por atendernos y por la entrevista de hoy",
                Language::Es,
            ),
            (
                "Muito obrigado por nos receber e pela entrevista de hoje",
                Language::Pt,
            ),
            (
                "Grazie per averci concesso questa intervista sul rifugio",
                Language::It,
            ),
        ];
        for (text, want) in cases {
            assert_eq!(detect(std::iter::once(text)), want, "{text}");
        }
    }

    #[test]
    fn words_are_the_pieces_a_split_gives() {
        let split = |t: &'static str| -> Vec<&'static str> {
            t.split(|c: char| !crate::text::is_alnum(c) && c != '\'')
                .filter(|w| !w.is_empty())
                .collect()
        };
        for t in [
            "",
            "   ",
            "Thank you, Mr. President's team — it’s 12:30.",
            "Xin cảm ơn ông đã dành thời gian; “Thứ Năm” 12/09",
            "Vielen Dank, dass Sie sich die Zeit für das Gespräch nehmen…",
            "a\u{a0}b\u{2003}c×d÷e l'été ½ x\u{301}y 日本語 Ñandú",
            "'quoted' ''",
        ] {
            let mut got = Vec::new();
            let mut from = 0;
            while let Some((start, end, ascii)) = next_word(t, from) {
                assert_eq!(ascii, t[start..end].is_ascii(), "{t:?}");
                got.push(&t[start..end]);
                from = end;
            }
            assert_eq!(got, split(t), "{t:?}");
        }
    }

    #[test]
    fn the_filter_lets_every_stopword_through_in_any_case() {
        let stopwords = stopword_languages();
        for s in all().flat_map(|lex| lex.stopwords.iter()) {
            for w in [s.to_string(), s.to_uppercase(), s.to_lowercase()] {
                if w.is_ascii() {
                    assert!(stopwords.may_hold_ascii(w.as_bytes()), "{w:?}");
                }
            }
        }
        assert!(!stopwords.may_hold_ascii(b""));
        assert!(!stopwords.may_hold_ascii(b"seventeen_letters"));
    }

    #[test]
    fn short_words_are_looked_up_as_the_map_looks_them_up() {
        let stopwords = stopword_languages();
        let mut buf = [0u8; 4 * MAX_STOPWORD_BYTES];
        let mut words: Vec<String> = all()
            .flat_map(|lex| lex.stopwords.iter())
            .flat_map(|s| [s.to_string(), s.to_uppercase(), s.to_lowercase()])
            .collect();
        for w in [
            "a",
            "A",
            "I",
            "x",
            "the",
            "THE",
            "The",
            "tHe",
            "thee",
            "th",
            "of",
            "on",
            "and",
            "und",
            "Und",
            "les",
            "LES",
            "und'",
            "'s",
            "it's",
            "IT'S",
            "don't",
            "12",
            "1",
            "a1",
            "zzzzzzzz",
            "abcdefgh",
            "because",
            "BECAUSE",
            "between",
            "whatever",
            "whatever1",
        ] {
            words.push(w.to_string());
        }
        for w in &words {
            let ascii = w.is_ascii();
            let want = lower_in(w, &mut buf).map(|l| stopwords.map.get(l).copied().unwrap_or(0));
            if !w.bytes().all(is_ascii_word_byte) {
                continue;
            }
            // Alone, and inside a text with bytes after it.
            let inside = format!("x {w} Y'z");
            let at = (2, 2 + w.len());
            assert_eq!(
                stopwords.languages(w, (0, w.len()), ascii, &mut buf),
                want,
                "{w:?}"
            );
            assert_eq!(
                stopwords.languages(&inside, at, ascii, &mut buf),
                want,
                "{w:?}"
            );
        }
    }

    #[test]
    fn an_eighth_of_the_words_counted_in_vietnamese_is_vietnamese() {
        // Vietnamese words first, then more English ones than are read:
        // past 125 of them detection stops, below it the words read decide.
        let doc = |viet: usize| {
            let mut t = "Việt ".repeat(viet);
            t.push_str(&"the and of ".repeat(700));
            t
        };
        assert_eq!(detect(std::iter::once(doc(126).as_str())), Language::Vi);
        assert_eq!(detect(std::iter::once(doc(125).as_str())), Language::En);
        // A short text needs no more than an eighth.
        let short = format!("Việt {}", "the ".repeat(7));
        assert_eq!(detect(std::iter::once(short.as_str())), Language::Vi);
    }

    #[test]
    fn nothing_to_tell_is_english() {
        assert_eq!(detect(std::iter::once("12 34")), Language::En);
    }

    #[test]
    fn every_table_is_filled() {
        for lex in all() {
            assert!(lex.weekdays.len() >= 7, "{:?}", lex.language);
            assert!(lex.months.len() >= 12, "{:?}", lex.language);
            assert!(!lex.thanks.is_empty() && !lex.stopwords.is_empty());
        }
    }
}
