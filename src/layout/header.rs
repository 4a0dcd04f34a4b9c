//! The header: the paragraphs before the first turn. Furniture by its
//! shape first; then the title (the front matter's, the last of several
//! Markdown headings over the lede, or the first title-like paragraph, with
//! a kicker ending in `:` above it); then, in order, headings, the date
//! line, field lines, a byline, the headline repeated as a photo's alt
//! text with its caption, locations beside a time line, images, captions,
//! and the lede.

use super::captions::{
    Builder, CAPTION_MAX_WORDS, furniture_words, header_caption_shaped, listing_form, pull_quote,
    under_image_cued, under_image_text,
};
use super::similarity::near_duplicate;
use super::sources::article_titles;
use super::{Part, furniture_part};
use crate::classify::Class;
use crate::grammar::byline::{bare_name, signature};
use crate::grammar::shape::Shape;
use crate::lang::Lexicon;
use crate::markdown::heading_range;
use crate::scan::{Doc, Para};
use crate::text::is_alnum;

/// The most words a headline or kicker runs to.
pub(crate) const HEADLINE_MAX_WORDS: usize = 40;

/// A prose paragraph of this many words is the lede, below which Markdown
/// headings are no longer titles.
const LEDE_MIN_WORDS: usize = 12;
/// The most words of a header field line (`**Quarter:** Q3 2025`).
const FIELD_MAX_WORDS: usize = 8;

/// The most words of a kicker over a quoted headline (`Klimaforscherin
/// über Hitzesommer`, `ENTREVISTA | Lucía Garmendia, bióloga marina`): a
/// section or topic line, not a sentence.
const KICKER_MAX_WORDS: usize = 8;

/// Quotation marks that open a quoted headline (`»`, as German sets it,
/// opens as well as closes).
const OPENING_QUOTES: [char; 7] = ['"', '“', '„', '«', '»', '‘', '‹'];
/// Quotation marks that close a quoted headline.
const CLOSING_QUOTES: [char; 7] = ['"', '”', '“', '»', '«', '’', '›'];

/// The fewest words of a standfirst under the headline (see
/// [`standfirst`]); a shorter line there may be a caption.
const STANDFIRST_MIN_WORDS: usize = 10;

/// A line repeating the title has at least this many words.
const TITLE_REPEAT_MIN_WORDS: usize = 2;

/// The share of the longer title's words (numerator, denominator) that the
/// shorter must hold to repeat it.
const TITLE_REPEAT_SHARE: (usize, usize) = (2, 3);

/// The most words of a location line.
const LOCATION_MAX_WORDS: usize = 8;

/// Folds text for comparing a repeated headline.
fn fold(s: &str) -> String {
    s.split(|c: char| !is_alnum(c))
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Whether `s` folds to `folded` (a [`fold`]ed text), read word by word
/// without a copy: a long paragraph is not folded whole to be compared
/// with a headline.
fn folds_to(s: &str, folded: &str) -> bool {
    let mut want = folded.split(' ').filter(|w| !w.is_empty());
    for w in s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let Some(x) = want.next() else {
            return false;
        };
        if !w.chars().flat_map(char::to_lowercase).eq(x.chars()) {
            return false;
        }
    }
    want.next().is_none()
}

/// Whether a header paragraph can be the headline (or the kicker): not a
/// date alone (`June 4, 2023` opening a page), though a title may read as
/// a place before a date (`Department Press Briefing – March 21, 2024`).
fn title_like(c: &Class<'_>) -> bool {
    c.shape.is_text() && c.dateline().is_none_or(|d| d.place.is_some())
        || matches!(c.shape, Shape::Heading | Shape::Bold)
            && c.dateline().is_none()
            && c.byline().is_none()
            && c.time().is_none()
            && !c.notice
            && c.credit().is_none()
            && (1..=HEADLINE_MAX_WORDS).contains(&c.cues.words())
}

/// A short line naming a place: `Aboard Air Force One`, `Daytona, Florida`.
fn location_like(text: &str, c: &Class<'_>) -> bool {
    c.shape.is_text()
        && (1..=LOCATION_MAX_WORDS).contains(&c.cues.words())
        && !c.cues.ends_sentence
        && !c.cues.ends_colon
        && text
            .split_whitespace()
            .next()
            .is_some_and(crate::text::is_capitalised)
}

/// Assigns the header's paragraphs, those before `end`.
pub(crate) fn header(b: &mut Builder<'_, '_>, doc: &Doc<'_>, end: usize, lex: &Lexicon) {
    let classes = b.classes;
    // Furniture by shape first; time lines mark the lines around them as
    // locations.
    let mut open: Vec<usize> = Vec::new();
    for (i, c) in classes.iter().enumerate().take(end) {
        match furniture_part(c) {
            Some(Part::Heading) if c.cues.words() <= HEADLINE_MAX_WORDS => open.push(i),
            Some(part) => b.parts[i] = part,
            None => open.push(i),
        }
    }
    let (k, headline_text) = title(b, doc, &mut open, end);
    let rest: Vec<usize> = open[k..].to_vec();
    rest_of_header(b, &rest, headline_text.as_deref(), end, lex);
}

/// The headline (and the kicker above it), among the `open` paragraphs of
/// the header: how many of the first `open` paragraphs they took, and the
/// headline's words, folded, to find it repeated as an alt text.
fn title(
    b: &mut Builder<'_, '_>,
    doc: &Doc<'_>,
    open: &mut Vec<usize>,
    end: usize,
) -> (usize, Option<String>) {
    let (classes, paras) = (b.classes, b.paras);
    // The title: the front matter's, or the first title-like paragraph.
    let fm_title = doc
        .front_matter
        .as_ref()
        .and_then(|f| article_titles(f).next())
        .map(|f| fold(&f.value));
    if fm_title.is_some() {
        return (0, fm_title);
    }
    let heading = |i: usize| fold(&paras[i].text()[heading_range(paras[i].text())]);
    // Several Markdown headings over the lede (a site's title, its
    // masthead, the article's title): the article's is the last of them.
    let lede_at = open
        .iter()
        .copied()
        .find(|&i| classes[i].shape.is_text() && classes[i].cues.words() >= LEDE_MIN_WORDS)
        .unwrap_or(end);
    let titles: Vec<usize> = open
        .iter()
        .copied()
        .filter(|&i| i < lede_at && classes[i].shape == Shape::Heading && title_like(&classes[i]))
        .filter(|&i| paras[i].text().starts_with('#') && !paras[i].text().contains("]("))
        .collect();
    if titles.len() >= 2 {
        let h = pick_title(b, &titles, end);
        b.parts[h] = Part::Headline;
        open.retain(|&i| i != h);
        return (0, Some(heading(h)));
    }
    // A block showing an image before its text is the image's caption.
    let titled = |i: &usize| title_like(&classes[*i]) && !b.image_opens(*i);
    let first = open.first().copied().filter(titled);
    let second = open.get(1).copied().filter(titled);
    match (first, second) {
        (Some(a), Some(h))
            if classes[a].cues.ends_colon
                && !classes[h].cues.ends_colon
                && classes[a].shape.is_text() =>
        {
            b.parts[a] = Part::Kicker;
            b.parts[h] = Part::Headline;
            (2, Some(fold(paras[h].text())))
        }
        (Some(a), Some(h))
            if a + 1 == h && kicker_over_quote(paras[a].text(), &classes[a], paras[h].text()) =>
        {
            b.parts[a] = Part::Kicker;
            b.parts[h] = Part::Headline;
            (2, Some(fold(paras[h].text())))
        }
        (Some(h), _) if !classes[h].cues.ends_colon || classes[h].shape == Shape::Heading => {
            b.parts[h] = Part::Headline;
            (1, Some(heading(h)))
        }
        _ => (0, None),
    }
}

/// Whether a short line `kicker` stands over a quoted headline,
/// `headline`: interview pages title the interview with what the
/// interviewee said, quoted whole (`»Wir haben …«`) or after the speaker's
/// name and a colon (`Anne Delorme : « Le théâtre … »`), under a topic or
/// section line. The quote is the evidence: a headline over a standfirst
/// is not quoted, and a standfirst is a sentence, not a short line without
/// an end. The kicker may be set in capitals or bold, not as a Markdown
/// heading (a site's heading over the article's).
fn kicker_over_quote(kicker: &str, c: &Class<'_>, headline: &str) -> bool {
    let short = (1..=KICKER_MAX_WORDS).contains(&c.cues.words());
    // An upper-case or bold line is a heading's shape: `ENTREVISTA`.
    let line = c.shape.is_text() || c.shape == Shape::Heading && !kicker.starts_with('#');
    short && line && !c.cues.ends_sentence && !c.cues.ends_colon && {
        let h = headline.trim();
        let opens_quote = |s: &str| s.trim_start().starts_with(OPENING_QUOTES);
        let quoted = opens_quote(h) || h.split_once(':').is_some_and(|(_, q)| opens_quote(q));
        quoted && h.ends_with(CLOSING_QUOTES)
    }
}

/// A Markdown heading's level: how many `#` open it.
fn heading_level(text: &str) -> usize {
    text.bytes().take_while(|&c| c == b'#').count()
}

/// Of several Markdown headings over the lede (at least two), the
/// article's title: the last of them that does not head the body's first
/// section, right over the body at a level the body's sections use again
/// (`# Night Shift, episode 31` over `## Segment 1 – …`, then `## Segment
/// 2 – …` in the body); else the last (a site's name and its masthead
/// over the article's title).
fn pick_title(b: &Builder<'_, '_>, titles: &[usize], end: usize) -> usize {
    let level = |i: usize| heading_level(b.paras[i].text());
    let body_levels: Vec<usize> = (end..b.paras.len())
        .filter(|&i| b.classes[i].shape == Shape::Heading && b.paras[i].text().starts_with('#'))
        .map(level)
        .collect();
    // Right over the body, at a level the body's sections use again.
    let heads_section = |i: usize| {
        let next = (i + 1..b.paras.len()).find(|&j| b.paras[j].has_words());
        next.is_none_or(|j| j >= end) && body_levels.contains(&level(i))
    };
    titles
        .iter()
        .rev()
        .copied()
        .find(|&i| !heads_section(i))
        .unwrap_or(titles[titles.len() - 1])
}

/// The header's paragraphs after the title, `rest`: headings, the date
/// line, field lines, a byline, the headline repeated as an alt text and
/// its caption, locations, images, captions, the lede.
fn rest_of_header(
    b: &mut Builder<'_, '_>,
    rest: &[usize],
    headline_text: Option<&str>,
    end: usize,
    lex: &Lexicon,
) {
    let (classes, paras) = (b.classes, b.paras);
    let has_time = (0..end).any(|i| b.parts[i] == Part::Time);
    let mut have_dateline = false;
    let mut have_byline = false;
    let mut pending_alt: Option<usize> = None;
    let mut skip_next = false;
    for (pos, &i) in rest.iter().enumerate() {
        if skip_next {
            skip_next = false;
            continue;
        }
        let c = &classes[i];
        let text = paras[i].text();
        let next = rest.get(pos + 1).copied();
        // An alt text pairs only with the paragraph right after it.
        if let Some(alt) = pending_alt.filter(|&a| a + 1 != i) {
            b.caption(alt, None);
            pending_alt = None;
        }
        if !have_byline && under_title(b, i, headline_text) && signs(b, i, lex) {
            b.parts[i] = Part::Byline;
            have_byline = true;
        } else if c.shape == Shape::Heading {
            b.parts[i] = Part::Heading;
        } else if !have_dateline && c.dateline().is_some() {
            b.parts[i] = Part::Dateline;
        } else if text.starts_with("**") && c.labelled && c.cues.words() <= FIELD_MAX_WORDS {
            // A field line of a page's header: `**Company:** AAPL`.
            b.parts[i] = Part::Furniture;
            have_dateline = true;
        } else if !have_byline && c.byline().is_some() {
            b.parts[i] = Part::Byline;
            have_byline = true;
        } else if headline_text.is_some_and(|h| folds_to(text, h)) && pending_alt.is_none() {
            pending_alt = Some(i);
        } else if let Some(alt) = pending_alt.take() {
            if c.cues.words() <= CAPTION_MAX_WORDS && c.shape.is_text() {
                b.caption(i, Some(alt));
            } else {
                b.caption(alt, None);
                b.parts[i] = Part::Lede;
            }
        } else if headline_text.is_some_and(|h| repeats_title(h, text)) {
            b.parts[i] = Part::Heading;
        } else if has_time && location_like(text, c) && !b.parts[..i].contains(&Part::Lede) {
            b.parts[i] = Part::Location;
        } else if let Shape::Image(alt) = &c.shape {
            let repeated = next.is_some_and(|j| {
                j == i + 1
                    && classes[j].shape.is_text()
                    && near_duplicate(&text[alt.range()], paras[j].text())
            });
            if alt.range().is_empty() {
                b.parts[i] = Part::Furniture;
            } else if repeated {
                b.caption(i + 1, Some(i));
                skip_next = true;
            } else {
                b.caption(i, None);
            }
        } else if matches!(c.shape, Shape::Link | Shape::Rule | Shape::Comment)
            || furniture_words(text, lex)
        {
            b.parts[i] = Part::Furniture;
        } else if next.is_some_and(|j| {
            j == i + 1
                && b.near_duplicate(i, j)
                && !listing_form(text)
                && !listing_form(paras[j].text())
        }) {
            b.caption(i + 1, Some(i));
            skip_next = true;
        } else if c.caption_line {
            b.caption_line(i);
        } else if b.credit_only(i) && classes.get(i + 1).is_some_and(|n| n.caption_line) {
            // Goes with the caption line after it.
        } else if b.credit_line(i) || c.credit().is_some() {
            if !matches!(b.parts[i], Part::Caption(_)) {
                b.caption(i, None);
            }
        } else if under_image_cued(c) && b.under_image(i) && under_image_text(text) {
            // A short line right under a page's image is its caption.
            b.caption(i, None);
        } else if header_caption_shaped(text, c, lex)
            && !next_continues(paras, i)
            && !attributes_quote(b, i, lex)
            && !standfirst(b, i, text, lex)
        {
            b.caption(i, None);
        } else {
            b.parts[i] = Part::Lede;
        }
    }
    if let Some(alt) = pending_alt {
        b.caption(alt, None);
    }
}

/// Whether a header line says the title again, as pages print it twice
/// (the front matter's `Google Tech Talk (2016)` over a `Google Tech Talk`
/// line, a title with the site's name after it): the evidence is that the
/// words of one begin the other and cover most of the longer
/// ([`TITLE_REPEAT_SHARE`]), so that a caption naming the person of a
/// `Name: "quote"` headline is no repeat.
fn repeats_title(headline: &str, text: &str) -> bool {
    // Read word by word, without a folded copy of a long paragraph: a line
    // of more than `most` words repeats no title.
    let title: Vec<&str> = headline.split(' ').filter(|w| !w.is_empty()).collect();
    let most = title.len() * TITLE_REPEAT_SHARE.1 / TITLE_REPEAT_SHARE.0;
    let mut words = 0;
    for w in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if let Some(x) = title.get(words) {
            if !w.chars().flat_map(char::to_lowercase).eq(x.chars()) {
                return false;
            }
        }
        words += 1;
        if words > most {
            return false;
        }
    }
    let (short, long) = (words.min(title.len()), words.max(title.len()));
    short >= TITLE_REPEAT_MIN_WORDS && short * TITLE_REPEAT_SHARE.1 >= long * TITLE_REPEAT_SHARE.0
}

/// The paragraph with words nearest above paragraph `i`.
fn shown_before(b: &Builder<'_, '_>, i: usize) -> Option<usize> {
    (0..i).rev().find(|&j| b.paras[j].has_words())
}

/// Whether paragraph `i` stands right under the headline: the paragraph
/// with words before it is the headline, or a heading repeating the front
/// matter's title.
fn under_title(b: &Builder<'_, '_>, i: usize, headline_text: Option<&str>) -> bool {
    let Some(j) = shown_before(b, i) else {
        return false;
    };
    b.parts[j] == Part::Headline
        || (b.classes[j].shape == Shape::Heading
            && headline_text.is_some_and(|h| folds_to(b.paras[j].text(), h)))
}

/// Whether paragraph `i` is a line signing the piece by its place (see
/// [`signature`]). A heading holding a name stands alone: a second one
/// under it makes them a list of the people on stage (`MARTA ILVES` /
/// `JONAS REIMER`).
fn signs(b: &Builder<'_, '_>, i: usize, lex: &Lexicon) -> bool {
    let heading = |k: usize| b.classes[k].shape == Shape::Heading;
    let name_heading =
        |k: usize| heading(k) && bare_name(b.paras[k].text().trim_start_matches('#'), lex);
    let next = (i + 1..b.paras.len()).find(|&k| b.paras[k].has_words());
    signature(b.paras[i].text(), heading(i), lex).is_some()
        && !(name_heading(i) && next.is_some_and(name_heading))
}

/// Whether paragraph `i` names who said the quotation right above it (an
/// epigraph: `“Read, and you travel.”` over `— Ada Brook`): a name, a dash
/// before it or not, under a paragraph that is one quotation. It is the
/// quote's attribution, not a caption.
fn attributes_quote(b: &Builder<'_, '_>, i: usize, lex: &Lexicon) -> bool {
    let Some(j) = shown_before(b, i) else {
        return false;
    };
    let name = b.paras[i].text().trim_start_matches(['-', '–', '—', ' ']);
    pull_quote(b.paras[j].text(), &b.classes[j].cues) && bare_name(name, lex)
}

/// Whether paragraph `i` is the standfirst: right under the headline and
/// right over the date line or byline, as pages set the head of an
/// article before its pictures, a line of [`STANDFIRST_MIN_WORDS`] or
/// more that is not a portrait's caption (a name and a post). A line
/// under the headline and over the text is as often an image's caption.
/// Standfirsts often end without a full stop
/// (`La investigadora … lleva dos décadas midiendo la salud del
/// Mediterráneo`), which alone would make them read as captions.
fn standfirst(b: &Builder<'_, '_>, i: usize, text: &str, lex: &Lexicon) -> bool {
    let metadata = |c: &Class<'_>| c.dateline().is_some() || c.byline().is_some();
    i > 0
        && b.parts[i - 1] == Part::Headline
        && b.classes.get(i + 1).is_some_and(metadata)
        && b.classes[i].cues.words() >= STANDFIRST_MIN_WORDS
        && crate::grammar::speaker::portrait(text, lex).is_none()
}

/// Whether the paragraph after `i` goes on with `i`'s sentence (a line the
/// scraper broke: it opens in lower case).
fn next_continues(paras: &[Para<'_>], i: usize) -> bool {
    paras
        .get(i + 1)
        .and_then(|p| p.text().chars().next())
        .is_some_and(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_folds_to_a_headline_as_fold_makes_it() {
        for (a, b) in [
            (
                "Ông Tư: “Bà con cần sống lâu dài”",
                "ông tư - bà con cần SỐNG lâu dài!",
            ),
            ("The sky, a commons", "THE SKY — A COMMONS"),
        ] {
            assert!(folds_to(b, &fold(a)), "{a} / {b}");
        }
        assert!(!folds_to(
            "The sky, a commons too",
            &fold("The sky, a commons")
        ));
        assert!(!folds_to("The sky", &fold("The sky, a commons")));
    }
}
