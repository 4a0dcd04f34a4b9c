//! The layout being built: each paragraph's part, the captions and the
//! turns, with the one caption cascade the header and the body share.
//!
//! A caption takes its text from a paragraph, its alt text from the
//! paragraph before it (its near duplicate, or a Markdown image) or from a
//! page's `<img>` just above it, and its credit from its own paragraph or
//! from a credit-only line beside it (`Ảnh: Ngọc Hà`, `Image copyright …`).
//! A turn gives up a paragraph to a caption only from its end.

use super::convention::{Side, Starts};
use super::similarity::{WordCache, names_someone, several_sentences};
use super::{AltPlan, CaptionPlan, LabelFacts, Part, TurnPlan};
use crate::Span;
use crate::classify::{Class, Cues};
use crate::fnv::Fnv;
use crate::grammar::caption::Credited;
use crate::grammar::is_word_of;
use crate::grammar::shape::Shape;
use crate::lang::Lexicon;
use crate::scan::Para;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::rc::Rc;

/// How many empty paragraphs (tags, white space) may stand between an image
/// and its caption.
const IMAGE_CAPTION_GAP: usize = 3;

/// The layout being built.
pub(crate) struct Builder<'a, 'd> {
    pub input: &'a str,
    pub paras: &'d [Para<'a>],
    pub classes: &'d [Class<'d>],
    pub parts: Vec<Part>,
    pub captions: Vec<CaptionPlan>,
    /// The paragraph holding each caption's text.
    pub caption_paras: Vec<usize>,
    /// The turns, planned as far as the paragraphs' parts go (their
    /// starts' facts are added by [`turn_plans`]).
    pub turns: Vec<TurnPlan>,
    words: WordCache,
}

impl<'a, 'd> Builder<'a, 'd> {
    /// A layout of furniture only, with room for `turns` turns.
    pub(crate) fn new(
        input: &'a str,
        paras: &'d [Para<'a>],
        classes: &'d [Class<'d>],
        turns: usize,
    ) -> Self {
        let n = paras.len();
        Builder {
            input,
            paras,
            classes,
            parts: vec![Part::Furniture; n],
            captions: Vec::new(),
            caption_paras: Vec::new(),
            turns: Vec::with_capacity(turns),
            words: WordCache::new(n),
        }
    }

    /// Whether paragraphs `i` and `j` say nearly the same thing.
    pub(crate) fn near_duplicate(&self, i: usize, j: usize) -> bool {
        self.words.near_duplicate(self.paras, i, j)
    }

    /// Whether paragraph `j` says again what paragraph `i` says.
    pub(crate) fn repeats(&self, i: usize, j: usize) -> bool {
        self.words.repeats(self.paras, i, j)
    }

    /// Makes paragraph `i` a caption, with paragraph `alt` as its alt text
    /// when given; its index.
    pub(crate) fn caption(&mut self, i: usize, alt: Option<usize>) -> usize {
        // On a page, the image just before a caption lends it its alt text.
        let img_alt = alt.is_none().then(|| self.image_alt(i)).flatten();
        let alt = alt.or(img_alt.as_ref().map(|&(a, _)| a));
        let img_alt = img_alt.map(|(_, t)| t);
        let p = &self.paras[i];
        let (text, credit) = match self.classes[i].credit() {
            Some(Credited { credit, .. }) => (None, credit.clone().map(|r| (i, r))),
            None => match &self.classes[i].shape {
                Shape::Image(alt) => (Some(alt.range()), None),
                _ => (None, None),
            },
        };
        let alt_plan = img_alt.map(AltPlan::Attribute).or_else(|| {
            alt.map(|a| match &self.classes[a].shape {
                // A Markdown image's alt text, not its syntax.
                Shape::Image(r) => AltPlan::Range(a, r.range()),
                _ => AltPlan::Para(a),
            })
        });
        let start = alt.map_or(p.span().start, |a| {
            let a = &self.paras[a];
            if a.text().is_empty() {
                a.block().start
            } else {
                a.span().start
            }
        });
        // A turn's paragraph becomes a caption's only once the turn has
        // given it up (`give_up`).
        debug_assert!(
            (alt.unwrap_or(i)..=i).all(|k| !matches!(self.parts[k], Part::Turn(_))),
            "a caption over paragraph {i} takes a turn's paragraph"
        );
        let idx = self.captions.len();
        self.caption_paras.push(i);
        self.captions.push(CaptionPlan {
            para: i,
            text,
            alt: alt_plan,
            credit,
            span: Span::new(start, p.span().end),
        });
        if let Some(a) = alt {
            for k in a..i {
                self.parts[k] = Part::Caption(idx);
            }
        }
        self.parts[i] = Part::Caption(idx);
        idx
    }

    /// The alt text of a page's `<img>` just before caption `i` (see
    /// [`Builder::image_above`]), with the image's paragraph.
    fn image_alt(&self, i: usize) -> Option<(usize, Span)> {
        let (a, alt) = self.image_above(i)?;
        Some((a, alt?))
    }

    /// A page's `<img>` just before paragraph `i`: in one of the few
    /// paragraphs before it that show no text of their own and are nothing
    /// but furniture. With the image's paragraph, and the span of its alt
    /// value in the input when that shows any text.
    pub(crate) fn image_above(&self, i: usize) -> Option<(usize, Option<Span>)> {
        let mut a = i;
        for _ in 0..IMAGE_CAPTION_GAP {
            a = a.checked_sub(1)?;
            let p = &self.paras[a];
            if !p.text().is_empty() || self.parts[a] != Part::Furniture {
                return None;
            }
            let raw = p.block().slice(self.input);
            let Some((at, tag)) = crate::clean::tags(raw, "img").next() else {
                continue;
            };
            let alt = crate::clean::attribute(tag, "alt").and_then(|(off, value)| {
                let start = p.block().start + at + off;
                let shows = !crate::clean::clean_with(value, start, None).text.is_empty();
                shows.then(|| Span::new(start, start + value.len()))
            });
            return Some((a, alt));
        }
        None
    }

    /// Whether paragraph `i`'s markup shows an image before its text, the
    /// image and its caption glued in one block (`<div><img …> <span>The
    /// quay at dawn</span></div>`).
    pub(crate) fn image_opens(&self, i: usize) -> bool {
        let p = &self.paras[i];
        !p.text().is_empty()
            && crate::clean::tags(&self.input[p.block().start..p.span().start], "img")
                .next()
                .is_some()
    }

    /// Whether paragraph `i` stands under an image: right after it, only
    /// markup between ([`Builder::image_above`]), or in the same block.
    pub(crate) fn under_image(&self, i: usize) -> bool {
        self.image_opens(i) || self.image_above(i).is_some()
    }

    /// A caption line (`Image caption …`), with the credit line just before
    /// it (`Image copyright …`) when there is one.
    pub(crate) fn caption_line(&mut self, i: usize) {
        let c = self.caption(i, None);
        if i == 0
            || !self.credit_only(i - 1)
            || matches!(self.parts[i - 1], Part::Caption(_))
            || !self.give_up(i - 1, true)
        {
            return;
        }
        let p = &self.paras[i - 1];
        let credit = self.classes[i - 1].credit().and_then(|c| c.credit.clone());
        let cap = &mut self.captions[c];
        cap.credit = credit.map(|r| (i - 1, r));
        cap.span = p.span().cover(cap.span);
        self.parts[i - 1] = Part::Caption(c);
    }

    /// Whether paragraph `i` may leave its owner for a caption: a turn
    /// gives up only its last paragraph (its end moves back to the
    /// paragraph before that is still its own); with `whole`, a turn of
    /// that one paragraph, when it is the last turn so far, goes (a credit
    /// line read as a label, `Photo: Reuters`, over a caption line). Any
    /// other part may always be taken.
    fn give_up(&mut self, i: usize, whole: bool) -> bool {
        let Part::Turn(t) = self.parts[i] else {
            return true;
        };
        let turn = &self.turns[t];
        if turn.last() != i {
            return false;
        }
        if turn.first() == i {
            if !whole || t + 1 != self.turns.len() {
                return false;
            }
            self.turns.pop();
            self.parts[i] = Part::Furniture;
            return true;
        }
        let last = (turn.first()..i)
            .rev()
            .find(|&j| self.parts[j] == Part::Turn(t))
            .unwrap_or(turn.first());
        self.turns[t].set_last(last);
        self.parts[i] = Part::Furniture;
        true
    }

    /// Whether paragraph `i` is a credit and nothing else.
    pub(crate) fn credit_only(&self, i: usize) -> bool {
        matches!(self.classes[i].credit(), Some(c) if c.caption.is_empty())
    }

    /// Gives a credit-only line (`Ảnh: Ngọc Hà`) to the caption before it, or
    /// makes the paragraph before it a caption.
    pub(crate) fn credit_line(&mut self, i: usize) -> bool {
        if !self.credit_only(i) || i == 0 {
            return false;
        }
        let prev = i - 1;
        let part = self.parts[prev];
        let c = match part {
            Part::Caption(c) => c,
            Part::Turn(_) if self.give_up(prev, false) => self.caption(prev, None),
            Part::Lede => self.caption(prev, None),
            _ => return false,
        };
        let p = &self.paras[i];
        let credit = self.classes[i].credit().and_then(|c| c.credit.clone());
        let cap = &mut self.captions[c];
        cap.credit = credit.map(|r| (i, r));
        cap.span = cap.span.cover(p.span());
        self.parts[i] = Part::Caption(c);
        true
    }

    /// Opens a turn at paragraph `i`, by its marker (the convention's start
    /// there) or without one.
    pub(crate) fn open_turn(&mut self, i: usize, marked: bool, side: Side) {
        let cues = marked.then(|| self.classes[i].cues);
        self.turns.push(TurnPlan::new(i, side, cues));
        self.parts[i] = Part::Turn(self.turns.len() - 1);
    }

    /// Adds paragraph `i` to the last turn; false when there is none.
    pub(crate) fn continue_turn(&mut self, i: usize) -> bool {
        let Some(t) = self.turns.len().checked_sub(1) else {
            return false;
        };
        self.turns[t].set_last(i);
        if !self.turns[t].cued {
            self.turns[t].cues = self.classes[i].cues;
            self.turns[t].cued = true;
        }
        self.parts[i] = Part::Turn(t);
        true
    }
}

/// Gives one shared copy of each distinct label's facts: the facts by
/// the FNV hash of their label, looked up without copying it (a
/// briefing's thousands of turns have a few labels).
#[derive(Default)]
struct Labels(HashMap<u64, Vec<Rc<LabelFacts>>, BuildHasherDefault<Fnv>>);

impl Labels {
    fn get(
        &mut self,
        key: Option<&str>,
        label: Option<&str>,
        note: Option<&str>,
    ) -> Option<Rc<LabelFacts>> {
        if key.is_none() && label.is_none() && note.is_none() {
            return None;
        }
        // Hashed by the label alone (and which parts there are): under one
        // label the key and the note rarely differ, and facts are compared
        // whole in their bucket.
        let mut h = Fnv::default();
        h.write(label.unwrap_or_default().as_bytes());
        h.write_u8(
            u8::from(key.is_some())
                | u8::from(label.is_some()) << 1
                | u8::from(note.is_some()) << 2,
        );
        let same = self.0.entry(h.finish()).or_default();
        let says = |f: &LabelFacts| {
            f.key.as_deref() == key && f.label.as_deref() == label && f.note.as_deref() == note
        };
        if let Some(have) = same.iter().find(|f| says(f)) {
            return Some(Rc::clone(have));
        }
        let new = Rc::new(LabelFacts {
            key: key.map(Box::from),
            label: label.map(Box::from),
            note: note.map(Box::from),
        });
        same.push(Rc::clone(&new));
        Some(new)
    }
}

/// Completes the turns' plans, in place: each with what its start says
/// (marker, where the speech starts, the label's facts), and the cues of
/// its first paragraph when none was read yet. The starts are taken out.
pub(crate) fn turn_plans(
    plans: &mut [TurnPlan],
    starts: &mut Starts,
    paras: &[Para<'_>],
    classes: &[Class<'_>],
) {
    let mut shared = Labels::default();
    for plan in plans {
        let start = starts.take(plan.first());
        let text = paras[plan.first()].text();
        plan.label = start.as_ref().and_then(|s| {
            shared.get(
                s.key.as_deref(),
                s.name().map(|r| &text[r]).or(s.label_elsewhere.as_deref()),
                s.note().map(|r| &text[r]),
            )
        });
        if let Some(st) = &start {
            let end = st.marker_range().end;
            plan.set_marker((end > 0).then_some(st.marker), end, st.text_at());
        }
        if !plan.cued {
            plan.cues = classes[plan.first()].cues;
            plan.cued = true;
        }
    }
}

/// The most words a caption runs to.
pub(crate) const CAPTION_MAX_WORDS: usize = 45;

/// The longest caption, in bytes.
const CAPTION_MAX_BYTES: usize = 320;

/// A short line in the header, not ending like a sentence, is a caption
/// from this many words on (shorter ones are names or mastheads).
const HEADER_CAPTION_MIN_WORDS: usize = 4;

/// Whether a line opens in lower case: the rest of a sentence broken
/// before it.
fn opens_lower_case(text: &str) -> bool {
    text.trim_start()
        .chars()
        .next()
        .is_some_and(char::is_lowercase)
}

/// The most words of a field's label before its colon (`Món ăn yêu thích:
/// …`, `Star sign : Aries`).
const FIELD_LABEL_MAX_WORDS: usize = 8;

/// The fewest items of a tag list (`climbing,Patagonia,Cerro Torre,…`).
const TAG_LIST_MIN_ITEMS: usize = 4;

/// A list of keywords with a space after each comma needs this many items
/// (fewer read as a caption naming people one after another).
const SPACED_TAG_LIST_MIN_ITEMS: usize = 6;

/// The most words of one tag, in a list with a space after each comma.
const TAG_MAX_WORDS: usize = 3;

/// The most words of one tag, in a list whose commas have no space after
/// them (no sentence is written so; a tag may be a name or a body's title).
const GLUED_TAG_MAX_WORDS: usize = 6;

/// Quotation marks that may open the quote a caption gives its subject
/// (`Ông Lâm: "Xu thế mới…"`).
const QUOTE_OPENERS: [char; 6] = ['"', '“', '«', '„', '\'', '‘'];

/// Whether a line has the form of a list item, a field, a tag list or a
/// link, never a caption whatever names it holds: the evidence is its form
/// alone, a bullet, dash or letter opening it (`- `, `• `, `b) `) or
/// bullets inside it (`• Leeds • Hull`), a short label and a colon before
/// a value that is no quotation (`Star sign : Aries`), keywords joined by
/// commas with no sentence in them, or a URL.
pub(crate) fn listing_form(text: &str) -> bool {
    let t = text.trim();
    // A hyphen glued to a word opens a list's item (`-eBook news`): no
    // caption opens so.
    let glued_item = t.starts_with('-') && t[1..].starts_with(char::is_alphabetic);
    glued_item
        || crate::grammar::marker::dash_marker(t).is_some()
        || crate::grammar::marker::list_number(t).is_some()
        || crate::grammar::marker::list_letter(t)
        || t.matches('•').count() >= 2
        || field_form(t)
        || tag_list(t)
        || t.contains("://")
        || t.contains("www.")
        || t.contains("](")
}

/// A field line: a label of at most [`FIELD_LABEL_MAX_WORDS`] words, a
/// colon (spaced or not, or full-width), and a value that does not open
/// with a quotation mark. A clock time's colon (`08:15`) is none.
fn field_form(t: &str) -> bool {
    let Some((at, colon)) = t.char_indices().find(|&(_, c)| c == ':' || c == '：') else {
        return false;
    };
    let label = t[..at].trim_end();
    let value = t[at + colon.len_utf8()..].trim_start();
    let digits_around = label.ends_with(|c: char| c.is_ascii_digit())
        && value.starts_with(|c: char| c.is_ascii_digit());
    !label.is_empty()
        && !value.is_empty()
        && !digits_around
        && label.split_whitespace().count() <= FIELD_LABEL_MAX_WORDS
        && !value.starts_with(QUOTE_OPENERS)
}

/// A tag list: at least [`TAG_LIST_MIN_ITEMS`] keywords of at most
/// [`GLUED_TAG_MAX_WORDS`] words joined by commas, not ending like a
/// sentence; with a space after every comma it takes
/// [`SPACED_TAG_LIST_MIN_ITEMS`] keywords of at most [`TAG_MAX_WORDS`].
fn tag_list(t: &str) -> bool {
    if t.ends_with(['.', '!', '?', '…']) {
        return false;
    }
    // Read item by item, without a list of them: a long paragraph is
    // refused at its first long item.
    let (mut items, mut spaced, mut longest) = (0, true, 0);
    for (k, item) in t.split([',', '，']).enumerate() {
        let w = item
            .split_whitespace()
            .take(GLUED_TAG_MAX_WORDS + 1)
            .count();
        if w == 0 || w > GLUED_TAG_MAX_WORDS {
            return false;
        }
        spaced &= k == 0 || item.starts_with(' ');
        longest = longest.max(w);
        items += 1;
    }
    let (least, most) = if spaced {
        (SPACED_TAG_LIST_MIN_ITEMS, TAG_MAX_WORDS)
    } else {
        (TAG_LIST_MIN_ITEMS, GLUED_TAG_MAX_WORDS)
    };
    items >= least && longest <= most
}

/// A short third-person line that names someone: a caption, in the body.
/// A line opening in lower case goes on with the line before it (the
/// scraper broke a sentence): it is no caption.
pub(crate) fn caption_shaped(text: &str, cues: &Cues) -> bool {
    (3..=CAPTION_MAX_WORDS).contains(&cues.words())
        && !opens_lower_case(text)
        && !listing_form(text)
        && text.len() <= CAPTION_MAX_BYTES
        && !cues.first_person
        && !cues.ends_colon
        && !text.trim_end().ends_with(['?', '!', ':'])
        && names_someone(text)
        && !several_sentences(text)
        && !opens_with_address_or_link(text)
}

/// Whether a line opens with a word and a comma that address someone or
/// link it to what was said (`Presidente, en 1857…`, `Entonces, ya…`,
/// `So, we…`): speech, not a caption, which opens with what it shows. A
/// wire caption's place in capitals (`KYIV, Ukraine — …`) is no address.
fn opens_with_address_or_link(text: &str) -> bool {
    text.split_whitespace().next().is_some_and(|w| {
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        let capitals = !w.chars().any(char::is_lowercase);
        w.ends_with(',') && letters >= 2 && !capitals
    })
}

/// The most words of a line taken for a caption because it stands right
/// under an image: a caption is a line, while an answer's sentence that
/// happens to follow a photo runs longer.
const UNDER_IMAGE_MAX_WORDS: usize = 20;

/// A line standing right under an image is its caption when it reads like
/// one: the evidence weighed is its place (nothing but markup between the
/// `<img>` and it, see [`Builder::under_image`]) and its shape, short and
/// one sentence, asking nothing, not in the first person, not ending in a
/// colon, and not a list item, field or link ([`listing_form`]); no name,
/// credit or full stop is needed (`A loam mould drying beside the
/// furnace`). The shape is asked in two halves, around the place: what
/// the cues say ([`under_image_cued`], which rules most lines out at no
/// cost), then the text ([`under_image_text`]).
///
/// This half asks of a line's class: text, short, not in the first
/// person, not ending in a colon.
pub(crate) fn under_image_cued(c: &Class<'_>) -> bool {
    let cues = &c.cues;
    c.shape.is_text()
        && (1..=UNDER_IMAGE_MAX_WORDS).contains(&cues.words())
        && !cues.first_person
        && !cues.ends_colon
}

/// What a line standing under an image must be to be its caption (see
/// [`under_image_cued`]), of its text: one sentence, asking nothing, no
/// list item, field or link.
pub(crate) fn under_image_text(text: &str) -> bool {
    !text.contains('?') && !several_sentences(text) && !listing_form(text)
}

/// Whether a line is page furniture by its words, neither a caption nor
/// part of a turn: the evidence is a widget's label standing alone on the
/// line (`Share`, `Đóng kênh chia sẻ`, the language's `widget_labels`) or
/// the words of a link to another article opening it, then a colon, an
/// arrow or nothing (`Lire aussi : …`, `Xem thêm >>`; `related_prefixes`),
/// so that a sentence opening with them (`Read more about it in …`) is none.
pub(crate) fn furniture_words(text: &str, lex: &Lexicon) -> bool {
    let t = text.trim().trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, ':' | '：' | '.' | '…' | '>' | '»')
    });
    if t.is_empty() {
        return false;
    }
    let widget = crate::grammar::longest_of(t, &lex.widget_labels) == Some(t.len());
    let related = crate::grammar::longest_of(t, &lex.related_prefixes).is_some_and(|n| {
        let rest = t[n..].trim_start();
        rest.is_empty() || rest.starts_with([':', '：', '>', '»', '|'])
    });
    widget || related
}

/// The most words of a line taken for a caption because it says what a
/// picture shows.
const PICTURE_LINE_MAX_WORDS: usize = 25;

/// A line that opens by saying what a picture shows (`Quang cảnh lễ hội
/// …`, `A view of the harbour …`, the language's `picture_phrases`) and
/// does not end like a sentence is a caption: the evidence weighed is that
/// phrase, the missing full stop (an answer's sentence opening so has one),
/// and a caption's shape (short, one sentence, asking nothing, not in the
/// first person, not a list item, field or link).
pub(crate) fn pictured(text: &str, c: &Class<'_>, lex: &Lexicon) -> bool {
    let cues = &c.cues;
    let t = text.trim();
    // The cues, already read, go before the look-up of a phrase.
    c.shape.is_text()
        && (2..=PICTURE_LINE_MAX_WORDS).contains(&cues.words())
        && !cues.ends_sentence
        && !cues.ends_colon
        && !cues.first_person
        && crate::grammar::longest_of(t, &lex.picture_phrases).is_some()
        && !t.contains('?')
        && !several_sentences(t)
        && !listing_form(t)
}

/// A header line reporting speech runs to at least this many words to be
/// taken for a summary of the story (a short one may caption a speaker).
const REPORTED_SPEECH_MIN_WORDS: usize = 12;

/// Whether a header line reports what someone says, as a standfirst sums
/// the story up (`Prefeito de Londrina diz que …, enquanto …`): the
/// evidence weighed is one of the language's speech verbs (`says`, `diz`,
/// `cho biết`) after the line's first word and in its first half, and a
/// length of a summary ([`REPORTED_SPEECH_MIN_WORDS`]). A caption shows
/// someone; it does not report their words at length.
fn reports_speech(text: &str, cues: &Cues, lex: &Lexicon) -> bool {
    if cues.words() < REPORTED_SPEECH_MIN_WORDS {
        return false;
    }
    let half = cues.words() / 2;
    let mut at_word_start = true;
    let mut word = 0;
    for (i, ch) in text.char_indices() {
        if ch.is_whitespace() {
            at_word_start = true;
            continue;
        }
        if at_word_start {
            at_word_start = false;
            word += 1;
            if word > half {
                return false;
            }
            if word > 1 && crate::grammar::longest_of(&text[i..], &lex.speech_verbs).is_some() {
                return true;
            }
        }
    }
    false
}

/// The most words of a pull quote.
const PULL_QUOTE_MAX_WORDS: usize = 30;

/// A short paragraph that is all one quotation: `“A lamp that works again
/// is a small argument won.”`.
pub(crate) fn pull_quote(text: &str, cues: &Cues) -> bool {
    let t = text.trim();
    cues.words() <= PULL_QUOTE_MAX_WORDS
        && t.starts_with(['“', '"', '«', '„'])
        && t.ends_with(['”', '"', '»', '“'])
        && t.chars()
            .filter(|c| matches!(c, '“' | '”' | '"' | '«' | '»' | '„'))
            .count()
            == 2
}

/// In the header, a caption is a short line that does not end like a
/// sentence, or a line introducing someone who gives the interview. It
/// speaks of the people shown, never as them: a line in the first person
/// outside quotes (a site's motto, `We keep the lights on`) is none.
pub(crate) fn header_caption_shaped(text: &str, c: &Class<'_>, lex: &Lexicon) -> bool {
    let cues = &c.cues;
    // `Find us: Twitter / Facebook` is a label and a list, not a caption.
    let early_colon = text.split_whitespace().take(3).any(|w| w.ends_with(':'));
    if !c.shape.is_text()
        || early_colon
        || text.ends_with([',', ';'])
        || !(2..=CAPTION_MAX_WORDS).contains(&cues.words())
        || text.len() > CAPTION_MAX_BYTES
        || cues.ends_colon
        || cues.first_person
        || text.ends_with('?')
        || listing_form(text)
    {
        return false;
    }
    if reports_speech(text, cues, lex) || names_a_body(text, lex) {
        return false;
    }
    // A person and a post and nothing else is a portrait's caption, full
    // stop or not.
    if crate::grammar::speaker::portrait(text, lex).is_some() {
        return true;
    }
    let intro = crate::grammar::speaker::intro(text, lex);
    !cues.ends_sentence
        && (cues.words() >= HEADER_CAPTION_MIN_WORDS || names_someone(text) || intro.is_some())
}

/// The most words of a line taken for a body's name.
const BODY_NAME_MAX_WORDS: usize = 6;

/// Whether a line is the name of a body and nothing else: at most
/// [`BODY_NAME_MAX_WORDS`] capitalised words, one of them an organisation
/// word of the language (`Harbour Arts Society Bulletin`, `Musée des
/// Beaux-Arts`). It is a masthead, a section's or a sponsor's name, not
/// the caption of a picture, which says who or what it shows.
pub(crate) fn names_a_body(text: &str, lex: &Lexicon) -> bool {
    let t = text.trim();
    let words = t.split_whitespace().count();
    let small = |w: &str| crate::lang::NAME_PARTICLES.contains(&w) || is_word_of(w, &lex.stopwords);
    words <= BODY_NAME_MAX_WORDS
        && t.starts_with(char::is_uppercase)
        && t.split_whitespace()
            .all(|w| crate::text::is_capitalised(w) || small(w))
        && t.split_whitespace().any(|w| {
            let core = w.trim_matches(|c: char| !crate::text::is_alnum(c));
            is_word_of(core, &lex.organisation_words)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_opening_with_an_address_or_a_link_word_is_speech() {
        for speech in [
            "Presidente, en 1912 se firma el acuerdo de la frontera.",
            "Entonces, ya eso se deja de lado y el municipio tiene que actuar.",
            "So, the Council voted against it in March.",
        ] {
            assert!(opens_with_address_or_link(speech), "{speech}");
        }
        for caption in [
            "KYIV, Ukraine — Residents clear debris after the strike.",
            "Ông Nguyễn Văn An, Giám đốc Sở Y tế.",
            "The harbour at dawn, with the Lisbon ferry.",
        ] {
            assert!(!opens_with_address_or_link(caption), "{caption}");
        }
    }

    #[test]
    fn an_image_lends_its_alt_text_to_the_caption_after_it() {
        let page = "<h1>Harbour talk</h1>\n<figure>\n  <img src=\"a.jpg\" alt=\"The harbour at dawn\">\n  <figcaption>Boats leave before five. (Photo: Ana Ruiz)</figcaption>\n</figure>\n<p><strong>Q: How long have you fished here?</strong></p>\n<p>A: Forty years.</p>\n";
        let t = crate::parse(page).unwrap();
        assert_eq!(t.captions.len(), 1);
        let alt = t.captions[0].alt.as_ref().expect("the image's alt text");
        assert_eq!(alt.text, "The harbour at dawn");
        assert_eq!(alt.span.slice(page), "The harbour at dawn");
        assert!(t.captions[0].span.start <= alt.span.start);
        // An image with no alt text lends nothing.
        let bare = page.replace(" alt=\"The harbour at dawn\"", "");
        let t = crate::parse(&bare).unwrap();
        assert!(t.captions.iter().all(|c| c.alt.is_none()));
    }

    #[test]
    fn a_bodys_name_alone_is_a_masthead_not_a_caption() {
        let en = crate::lang::lexicon(crate::Language::En);
        let fr = crate::lang::lexicon(crate::Language::Fr);
        assert!(names_a_body("Harbour Rowing Club Bulletin", en));
        assert!(names_a_body("Institute for Coastal Studies", en));
        assert!(names_a_body("Association Chorale du Vieux Port", fr));
        assert!(names_a_body("HARBOUR ROWING CLUB", en));
        assert!(!names_a_body("MAYA OKAFOR", en));
        // A person, a scene, a sentence naming a club.
        assert!(!names_a_body("Prime Minister Jane Doe", en));
        assert!(!names_a_body("Tom Field at the boathouse", en));
        assert!(!names_a_body("Members of the Rowing Club at dawn", en));
    }

    #[test]
    fn captions_name_someone_in_the_third_person() {
        let lex = crate::lang::lexicon(crate::Language::Vi);
        let c = |s: &str| caption_shaped(s, &crate::classify::cues(s, lex));
        assert!(c("Gia đình Hoàng Lan thời còn đầm ấm."));
        assert!(!c("Tôi rất vui khi gặp lại Hà Nội."));
        assert!(!c("Đó là điều quan trọng nhất."));
    }
}
