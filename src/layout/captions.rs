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
use crate::grammar::caption::Credited;
use crate::grammar::shape::Shape;
use crate::lang::Lexicon;
use crate::scan::Para;
use std::rc::Rc;

/// How many empty paragraphs (tags, white space) may stand between an image
/// and its caption.
const IMAGE_CAPTION_GAP: usize = 3;

/// A turn being laid out: its paragraphs are those from `first` to `last`
/// whose part is this turn.
pub(crate) struct TurnDraft {
    /// Its first paragraph; the convention's start there, if any, opened it.
    pub first: usize,
    pub last: usize,
    pub side: Side,
    /// The cues of its first paragraph that has any (a label standing
    /// alone has none: its speech's paragraph gives them).
    pub cues: Option<Cues>,
}

/// The layout being built.
pub(crate) struct Builder<'a, 'd> {
    pub input: &'a str,
    pub paras: &'d [Para<'a>],
    pub classes: &'d [Class<'d>],
    pub parts: Vec<Part>,
    pub captions: Vec<CaptionPlan>,
    /// The paragraph holding each caption's text.
    pub caption_paras: Vec<usize>,
    pub turns: Vec<TurnDraft>,
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
                Shape::Image(alt) => (Some(alt.clone()), None),
                _ => (None, None),
            },
        };
        let alt_plan = img_alt.map(AltPlan::Attribute).or_else(|| {
            alt.map(|a| match &self.classes[a].shape {
                // A Markdown image's alt text, not its syntax.
                Shape::Image(r) => AltPlan::Range(a, r.clone()),
                _ => AltPlan::Para(a),
            })
        });
        let start = alt.map_or(p.span.start, |a| {
            let a = &self.paras[a];
            if a.text().is_empty() {
                a.block.start
            } else {
                a.span.start
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
            span: Span::new(start, p.span.end),
        });
        if let Some(a) = alt {
            for k in a..i {
                self.parts[k] = Part::Caption(idx);
            }
        }
        self.parts[i] = Part::Caption(idx);
        idx
    }

    /// The alt text of a page's `<img>` just before caption `i`: in one of
    /// the few paragraphs before it that show no text of their own and are
    /// nothing but furniture. With the image's paragraph, and the alt
    /// value's span in the input.
    fn image_alt(&self, i: usize) -> Option<(usize, Span)> {
        let mut a = i;
        for _ in 0..IMAGE_CAPTION_GAP {
            a = a.checked_sub(1)?;
            let p = &self.paras[a];
            if !p.text().is_empty() || self.parts[a] != Part::Furniture {
                return None;
            }
            let raw = p.block.slice(self.input);
            let Some((at, tag)) = crate::clean::tags(raw, "img").next() else {
                continue;
            };
            let (off, value) = crate::clean::attribute(tag, "alt")?;
            let start = p.block.start + at + off;
            let shows = !crate::clean::clean_with(value, start, None).text.is_empty();
            return shows.then(|| (a, Span::new(start, start + value.len())));
        }
        None
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
        cap.span = p.span.cover(cap.span);
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
        if turn.last != i {
            return false;
        }
        if turn.first == i {
            if !whole || t + 1 != self.turns.len() {
                return false;
            }
            self.turns.pop();
            self.parts[i] = Part::Furniture;
            return true;
        }
        let last = (turn.first..i)
            .rev()
            .find(|&j| self.parts[j] == Part::Turn(t))
            .unwrap_or(turn.first);
        self.turns[t].last = last;
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
        cap.span = cap.span.cover(p.span);
        self.parts[i] = Part::Caption(c);
        true
    }

    /// Opens a turn at paragraph `i`, by its marker (the convention's start
    /// there) or without one.
    pub(crate) fn open_turn(&mut self, i: usize, marked: bool, side: Side) {
        let cues = marked.then(|| self.classes[i].cues);
        self.turns.push(TurnDraft {
            first: i,
            last: i,
            side,
            cues,
        });
        self.parts[i] = Part::Turn(self.turns.len() - 1);
    }

    /// Adds paragraph `i` to the last turn; false when there is none.
    pub(crate) fn continue_turn(&mut self, i: usize) -> bool {
        let Some(t) = self.turns.len().checked_sub(1) else {
            return false;
        };
        self.turns[t].last = i;
        if self.turns[t].cues.is_none() {
            self.turns[t].cues = Some(self.classes[i].cues);
        }
        self.parts[i] = Part::Turn(t);
        true
    }
}

/// Gives one shared copy of each distinct label's facts.
#[derive(Default)]
struct Labels(std::collections::HashSet<Rc<LabelFacts>>);

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
        let facts = LabelFacts {
            key: key.map(Box::from),
            label: label.map(Box::from),
            note: note.map(Box::from),
        };
        if let Some(have) = self.0.get(&facts) {
            return Some(Rc::clone(have));
        }
        let new = Rc::new(facts);
        self.0.insert(Rc::clone(&new));
        Some(new)
    }
}

/// The turns' plans: each draft with what its start says (marker, where
/// the speech starts, the label's facts). The starts are taken out.
pub(crate) fn turn_plans(
    drafts: Vec<TurnDraft>,
    starts: &mut Starts,
    paras: &[Para<'_>],
    classes: &[Class<'_>],
) -> Vec<TurnPlan> {
    let mut shared = Labels::default();
    drafts
        .into_iter()
        .map(|d| {
            let start = starts.take(d.first);
            let text = paras[d.first].text();
            let label = start.as_ref().and_then(|s| {
                shared.get(
                    s.key.as_deref(),
                    s.name().map(|r| &text[r]).or(s.label_elsewhere.as_deref()),
                    s.note().map(|r| &text[r]),
                )
            });
            let (marker, marker_end, text_at) = match &start {
                Some(st) => (
                    (st.marker_range().end > 0).then_some(st.marker),
                    st.marker_range().end,
                    st.text_at(),
                ),
                None => (None, 0, 0),
            };
            TurnPlan {
                first: d.first,
                last: d.last,
                side: d.side,
                cues: d.cues.unwrap_or(classes[d.first].cues),
                marker,
                marker_end,
                text_at,
                label,
            }
        })
        .collect()
}

/// The most words a caption runs to.
pub(crate) const CAPTION_MAX_WORDS: usize = 45;

/// The longest caption, in bytes.
const CAPTION_MAX_BYTES: usize = 320;

/// A short line in the header, not ending like a sentence, is a caption
/// from this many words on (shorter ones are names or mastheads).
const HEADER_CAPTION_MIN_WORDS: usize = 4;

/// A short third-person line that names someone: a caption, in the body.
pub(crate) fn caption_shaped(text: &str, cues: &Cues) -> bool {
    (3..=CAPTION_MAX_WORDS).contains(&cues.words())
        && text.len() <= CAPTION_MAX_BYTES
        && !cues.first_person
        && !cues.ends_colon
        && !text.trim_end().ends_with(['?', '!', ':'])
        && names_someone(text)
        && !several_sentences(text)
        // An item of a numbered list (`2. `, `3) `) is a point of an
        // answer, not a caption.
        && crate::grammar::marker::list_number(text).is_none()
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
/// sentence, or a line introducing someone who gives the interview.
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
        || text.ends_with('?')
    {
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

#[cfg(test)]
mod tests {
    use super::*;

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
    fn captions_name_someone_in_the_third_person() {
        let lex = crate::lang::lexicon(crate::Language::Vi);
        let c = |s: &str| caption_shaped(s, &crate::classify::cues(s, lex));
        assert!(c("Gia đình Hoàng Lan khi còn hạnh phúc."));
        assert!(!c("Tôi rất vui khi gặp lại Hà Nội."));
        assert!(!c("Đó là điều quan trọng nhất."));
    }
}
