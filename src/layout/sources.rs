//! Where the headline, the date line, the byline, the source and the
//! byline's outlet are read from: a paragraph of the text first, then the
//! front matter (`title`, `date`, `author`, …), then, for the date, a
//! page's `<meta>` tags.

use super::trailer::Trailer;
use super::{Part, range_in};
use crate::classify::Class;
use crate::clean::{attribute, clean_with, tags};
use crate::frontmatter::Found;
use crate::grammar::byline::{
    BylineParts, is_handle, looks_like_name, opening_credit, placeholder_author, signature,
    signing_names,
};
use crate::grammar::dateline::value_datetime;
use crate::grammar::shape::Shape;
use crate::lang::Lexicon;
use crate::markdown::heading_range;
use crate::model::{BylineRole, Field};
use crate::scan::{Doc, Para};
use crate::{Date, Span, Time, UtcOffset, Weekday};
use std::borrow::Cow;
use std::ops::Range;

/// Front matter keys that hold the headline, in order of preference.
const TITLE_KEYS: [&str; 3] = ["title", "post_title", "headline"];
/// Front matter keys of the article's own title, read in the order the
/// fields stand: the header compares the first with a repeated headline,
/// and the resolver looks full names up in all of them. (`headline` is
/// not among them: a field of that name gives the headline only.)
const ARTICLE_TITLE_KEYS: [&str; 2] = ["title", "post_title"];
/// Front matter keys of the publication time.
const PUBLISHED_KEYS: [&str; 5] = [
    "published_time",
    "publishDate",
    "pubDate",
    "published",
    "date_published",
];
/// Front matter keys of the date.
const DATE_KEYS: [&str; 3] = ["date", "post_date", "created"];
/// Front matter keys of the author.
const AUTHOR_KEYS: [&str; 2] = ["author", "byline"];
/// Keys of an author record's name to show.
const NESTED_NAME_KEYS: [&str; 2] = ["display_name", "name"];
/// Front matter keys of a page's description, which may open with a
/// credit.
const DESCRIPTION_KEYS: [&str; 4] = ["description", "excerpt", "summary", "subtitle"];

/// The names a page's `<meta>` tags give its publication date under.
const PUBLISHED_META: [&str; 9] = [
    "article:published_time",
    "og:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "dc.date.issued",
    "dc.date",
    "date",
    "parsely-pub-date",
];

/// Where a node's text is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TextSource {
    /// A paragraph's cleaned text, spanning the paragraph.
    Para(usize),
    /// A front matter field's value.
    Field(usize),
    /// A page's attribute value, at this span of the input, cleaned.
    Attribute(Span),
}

/// Where the headline is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum HeadlinePlan {
    /// A paragraph, without its Markdown heading marks.
    Para(usize),
    /// A front matter field, its white space folded.
    Field(usize),
}

/// The date line: where its text is, and what it says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DatelinePlan {
    pub text: TextSource,
    pub span: Span,
    pub date: Option<Date>,
    pub time: Option<Time>,
    pub utc_offset: Option<UtcOffset>,
    /// The zone as written, in the paragraph's cleaned text.
    pub zone: Option<Range<usize>>,
    pub weekday: Option<Weekday>,
    /// Where only the language put a numeric date's day and month in
    /// order: whether it put the month first.
    pub order_guessed: Option<bool>,
    /// The place, in the paragraph's cleaned text.
    pub place: Option<Range<usize>>,
}

/// The byline: where its text is, who it names, and what it says they did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct BylinePlan {
    pub text: TextSource,
    pub span: Span,
    /// The names in the paragraph's cleaned text or the field's value;
    /// `None` when the whole text (or its part) is the one name.
    pub names: Option<Vec<Range<usize>>>,
    pub role: BylineRole,
    /// The part of a field's value that is the byline (a credit opening a
    /// description); `None`: all of it.
    pub part: Option<Range<usize>>,
}

impl BylinePlan {
    /// The names it gives, as written.
    pub(crate) fn names<'s>(&'s self, doc: &'s Doc<'_>) -> Vec<&'s str> {
        let whole: &str = match self.text {
            TextSource::Para(i) => doc.paragraphs[i].text(),
            TextSource::Field(k) => &front_fields(doc)[k].value,
            TextSource::Attribute(_) => "",
        };
        match (&self.names, self.text) {
            (Some(ranges), TextSource::Para(_) | TextSource::Field(_)) => {
                ranges.iter().map(|r| &whole[r.clone()]).collect()
            }
            _ => vec![self.part.clone().map_or(whole, |r| &whole[r])],
        }
    }
}

/// The sources the layout found.
#[derive(Debug, Default)]
pub(crate) struct Sources {
    pub headline: Option<HeadlinePlan>,
    pub dateline: Option<DatelinePlan>,
    pub byline: Option<BylinePlan>,
    pub source: Option<(usize, Range<usize>)>,
    pub byline_outlet: Option<(usize, Range<usize>)>,
}

/// The front matter's fields, none without front matter.
pub(crate) fn front_fields<'d, 'a>(doc: &'d Doc<'a>) -> &'d [Field<'a>] {
    doc.front_matter.as_ref().map_or(&[], |f| &f.fields[..])
}

/// The index of the first field under one of `keys`, in the keys' order.
fn field(f: &Found<'_>, keys: &[&str]) -> Option<usize> {
    keys.iter()
        .find_map(|k| f.fields.iter().position(|x| x.key == *k))
}

/// The fields of the article's own title (see [`ARTICLE_TITLE_KEYS`]).
pub(crate) fn article_titles<'f, 'a>(f: &'f Found<'a>) -> impl Iterator<Item = &'f Field<'a>> {
    f.fields
        .iter()
        .filter(|x| ARTICLE_TITLE_KEYS.contains(&x.key.as_ref()))
}

/// A front matter title with its white space folded; `None` when empty.
pub(crate) fn folded_title(value: &str) -> Option<Cow<'_, str>> {
    let folded = value.split_whitespace().collect::<Vec<_>>().join(" ");
    (!folded.is_empty()).then(|| {
        if folded == value {
            Cow::Borrowed(value)
        } else {
            Cow::Owned(folded)
        }
    })
}

/// The headline's text, as the layout reads it.
pub(crate) fn headline_text<'s>(plan: HeadlinePlan, doc: &'s Doc<'_>) -> Cow<'s, str> {
    match plan {
        HeadlinePlan::Para(i) => {
            let t = doc.paragraphs[i].text();
            Cow::Borrowed(&t[heading_range(t)])
        }
        HeadlinePlan::Field(k) => {
            folded_title(&front_fields(doc)[k].value).expect("a title with words")
        }
    }
}

/// Finds the sources. A page's meta-tag date makes the paragraph holding
/// the tag the date line's.
pub(crate) fn sources(
    input: &str,
    doc: &Doc<'_>,
    classes: &[Class<'_>],
    parts: &mut [Part],
    trailer: &Trailer,
    lex: &Lexicon,
) -> Sources {
    let paras = &doc.paragraphs;
    let fm = doc.front_matter.as_ref();
    let find = |part: Part| parts.iter().position(|&p| p == part);
    let headline = find(Part::Headline).map(HeadlinePlan::Para).or_else(|| {
        let k = field(fm?, &TITLE_KEYS)?;
        folded_title(&fm?.fields[k].value).map(|_| HeadlinePlan::Field(k))
    });
    // The header's date line, else the front matter's, else one printed
    // after the body.
    // Of several in the header, the first that gives a date (a wire date
    // line's place alone, `CURITIBA -`, may stand above it).
    let header_datelines = || {
        (0..parts.len()).filter(|&i| parts[i] == Part::Dateline && Some(i) != trailer.dateline_at)
    };
    let header_dateline = header_datelines()
        .find(|&i| classes[i].dateline().is_some_and(|d| d.date.is_some()))
        .or_else(|| header_datelines().next());
    let dateline = header_dateline
        .and_then(|i| para_dateline(&paras[i], classes, i))
        .or_else(|| front_dateline(fm?));
    let dateline = match (dateline, trailer.dateline_at) {
        (Some(d), Some(i)) => {
            parts[i] = Part::Furniture;
            Some(d)
        }
        (None, Some(i)) => para_dateline(&paras[i], classes, i),
        (d, None) => d,
    };
    let dateline = dateline.or_else(|| {
        let (plan, i) = doc
            .markup
            .then(|| meta_dateline(input, paras, parts))
            .flatten()?;
        parts[i] = Part::Dateline;
        Some(plan)
    });
    let in_para = |i: usize, s: &str| (i, range_in(&paras[i], s));
    Sources {
        headline,
        dateline,
        byline: byline(input, doc, classes, trailer, lex),
        source: trailer
            .source_at
            .and_then(|i| Some(in_para(i, classes[i].source()?))),
        byline_outlet: trailer
            .byline_at
            .and_then(|i| Some(in_para(i, written_byline(paras, classes, i, lex)?.outlet?))),
    }
}

/// A date line paragraph's plan.
fn para_dateline(p: &Para<'_>, classes: &[Class<'_>], i: usize) -> Option<DatelinePlan> {
    let d = classes[i].dateline()?;
    Some(DatelinePlan {
        text: TextSource::Para(i),
        span: p.span(),
        date: d.date,
        time: d.time,
        utc_offset: d.utc_offset,
        zone: d.zone.map(|z| range_in(p, z)),
        weekday: d.weekday,
        order_guessed: d.order_guessed,
        place: d.place.map(|pl| range_in(p, pl)),
    })
}

/// The byline: a bare name signing the piece, the byline paragraph, or
/// the front matter's author unless it is a placeholder (`Staff Writer`,
/// `Writing`) or a site (`formula1.com`), else a credit opening the front
/// matter's description.
fn byline(
    input: &str,
    doc: &Doc<'_>,
    classes: &[Class<'_>],
    trailer: &Trailer,
    lex: &Lexicon,
) -> Option<BylinePlan> {
    let paras = &doc.paragraphs;
    let bare = trailer.bare_byline.map(|i| {
        let p = &paras[i];
        let names =
            signing_names(p.text(), lex).map(|v| v.iter().map(|nm| range_in(p, nm)).collect());
        BylinePlan {
            text: TextSource::Para(i),
            span: p.span(),
            names,
            role: BylineRole::Author,
            part: None,
        }
    });
    let written = || {
        let i = trailer.byline_at?;
        let p = &paras[i];
        let parts = written_byline(paras, classes, i, lex)?;
        Some(BylinePlan {
            text: TextSource::Para(i),
            span: p.span(),
            names: Some(parts.names.iter().map(|nm| range_in(p, nm)).collect()),
            role: parts.role,
            part: None,
        })
    };
    let front = || {
        let f = doc.front_matter.as_ref()?;
        let k = field(f, &AUTHOR_KEYS)?;
        let a = &f.fields[k];
        let name = a.value.trim();
        let ok = looks_like_name(name) && !placeholder_author(name, lex);
        let plan = ok.then_some(BylinePlan {
            text: TextSource::Field(k),
            span: a.span,
            names: None,
            role: BylineRole::Author,
            part: None,
        });
        plan.or_else(|| author_record(input, f, k, lex))
    };
    // A description opening with a credit (`INTERVIEW BY JAMIE RADFORD
    // It's noon…`).
    let described = || {
        let f = doc.front_matter.as_ref()?;
        let k = field(f, &DESCRIPTION_KEYS)?;
        let value: &str = &f.fields[k].value;
        let (end, parts) = opening_credit(value, lex)?;
        let at = |nm: &str| {
            let s = nm.as_ptr() as usize - value.as_ptr() as usize;
            s..s + nm.len()
        };
        Some(BylinePlan {
            text: TextSource::Field(k),
            span: f.fields[k].span,
            names: Some(parts.names.iter().map(|nm| at(nm)).collect()),
            role: parts.role,
            part: Some(0..end),
        })
    };
    bare.or_else(written).or_else(front).or_else(described)
}

/// What byline paragraph `i` says: its byline class, or a line under the
/// headline that signs by its place (see the header).
fn written_byline<'p>(
    paras: &'p [Para<'_>],
    classes: &[Class<'p>],
    i: usize,
    lex: &Lexicon,
) -> Option<BylineParts<'p>> {
    let heading = classes[i].shape == Shape::Heading;
    classes[i]
        .byline()
        .cloned()
        .or_else(|| signature(paras[i].text(), heading, lex))
}

/// The name an author record in the front matter gives to show (a blog
/// exported from WordPress: `author:` over `  display_name: Sam Rowe`,
/// `  login: srowe`), a person's name or a user name, unless it is a
/// placeholder. The value of field `k` folds the record's lines into one,
/// where the name is found again.
fn author_record(input: &str, f: &Found<'_>, k: usize, lex: &Lexicon) -> Option<BylinePlan> {
    let a = &f.fields[k];
    let raw = a.span.slice(input);
    let (key, name) = raw.lines().skip(1).find_map(|l| {
        let (key, v) = l.trim().trim_start_matches("- ").split_once(':')?;
        let name = v.trim().trim_matches(['"', '\'']);
        let shown = NESTED_NAME_KEYS.contains(&key) && !name.is_empty();
        shown.then_some((key, name))
    })?;
    let ok = (looks_like_name(name) || is_handle(name, lex)) && !placeholder_author(name, lex);
    if !ok {
        return None;
    }
    let folded = format!("{key}: {name}");
    let at = a.value.find(&folded)? + key.len() + 2;
    let in_input = name.as_ptr() as usize - input.as_ptr() as usize;
    Some(BylinePlan {
        text: TextSource::Field(k),
        span: Span::new(in_input, in_input + name.len()),
        names: None,
        role: BylineRole::Author,
        part: Some(at..at + name.len()),
    })
}

/// The front matter's date: the date field's day, with the publication
/// time when it falls on that day.
fn front_dateline(f: &Found<'_>) -> Option<DatelinePlan> {
    let read = |keys: &[&str]| {
        let k = field(f, keys)?;
        Some((k, value_datetime(&f.fields[k].value)?))
    };
    let published = read(&PUBLISHED_KEYS);
    let dated = read(&DATE_KEYS);
    let (k, (date, mut time, mut offset)) = dated.or(published)?;
    if let (Some((_, (pd, pt, po))), None) = (published, time) {
        if pd == date {
            time = pt;
            offset = po;
        }
    }
    Some(DatelinePlan {
        text: TextSource::Field(k),
        span: f.fields[k].span,
        date: Some(date),
        time,
        utc_offset: offset,
        zone: None,
        weekday: None,
        order_guessed: None,
        place: None,
    })
}

/// A page's publication date from its `<meta>` tags, when the page shows
/// none: the first tag whose name is one of [`PUBLISHED_META`] and whose
/// content is an ISO date, when the tag stands whole in a paragraph of
/// furniture (a tag the text reads as words, cut by a line break inside
/// it, gives no date). With that paragraph.
fn meta_dateline(input: &str, paras: &[Para<'_>], parts: &[Part]) -> Option<(DatelinePlan, usize)> {
    let d = tags(input, "meta").find_map(|(at, tag)| {
        let (_, name) = ["property", "name", "itemprop"]
            .iter()
            .find_map(|a| attribute(tag, a))?;
        if !PUBLISHED_META
            .iter()
            .any(|m| m.eq_ignore_ascii_case(name.trim()))
        {
            return None;
        }
        let (off, value) = attribute(tag, "content")?;
        let (date, time, utc_offset) = value_datetime(value)?;
        let at = at + off;
        let clean = clean_with(value, at, None);
        Some(DatelinePlan {
            text: TextSource::Attribute(Span::new(at, at + value.len())),
            span: Span::new(clean.raw(0), clean.raw_end()),
            date: Some(date),
            time,
            utc_offset,
            zone: None,
            weekday: None,
            order_guessed: None,
            place: None,
        })
    })?;
    let i = paras.partition_point(|p| p.block().end <= d.span.start);
    let holds = i < paras.len()
        && paras[i].block().start <= d.span.start
        && d.span.end <= paras[i].block().end
        && parts[i] == Part::Furniture;
    holds.then_some((d, i))
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_name_the_page_marks_as_its_author_is_the_byline() {
        let page = "<h1>Harbour talk</h1>\n<p class=\"byline\"><a rel=\"author\" href=\"/s/ar\">Ana Ruiz</a></p>\n<p><strong>Q: How long have you fished here?</strong></p>\n<p>A: Forty years.</p>\n";
        let t = crate::parse(page).unwrap();
        let b = t.byline.expect("the marked name");
        assert_eq!(b.names, ["Ana Ruiz"]);
        assert_eq!(b.span.slice(page), "Ana Ruiz");
        // The same name, unmarked, is only a name.
        let plain = page
            .replace(" class=\"byline\"><a rel=\"author\" href=\"/s/ar\">", ">")
            .replace("</a></p>", "</p>");
        assert!(crate::parse(&plain).unwrap().byline.is_none());
    }

    #[test]
    fn a_date_line_printed_after_the_body_dates_a_page_whose_header_has_none() {
        let body = "Harbour talk\n\n- How long have you fished here?\n- Forty years.\n\n";
        let text = format!("{body}By Ana Ruiz\n\n19/03/14 09:41 GMT+7\n\nRelated: 12/09/2019\n");
        let t = crate::parse(&text).unwrap();
        let d = t.dateline.expect("the date line after the body");
        assert_eq!(d.date.map(|d| d.to_string()).as_deref(), Some("2014-03-19"));
        assert_eq!(d.text, "19/03/14 09:41 GMT+7");
        // The header's date line comes first; the one after the body is
        // furniture.
        let headed = text.replace("Harbour talk\n", "Harbour talk\n\n3 March 2020\n");
        let t = crate::parse(&headed).unwrap();
        assert_eq!(t.dateline.unwrap().text, "3 March 2020");
        // So does the front matter's.
        let front = format!("---\ntitle: Harbour talk\ndate: 2020-03-03\n---\n{text}");
        let t = crate::parse(&front).unwrap();
        assert_eq!(
            t.dateline.unwrap().date.map(|d| d.to_string()).as_deref(),
            Some("2020-03-03")
        );
        // Only the first paragraph after the body (past a byline) may be one.
        let later = text.replace(
            "19/03/14 09:41 GMT+7\n\nRelated: 12/09/2019",
            "See also our archive.\n\n12/09/2019",
        );
        assert!(crate::parse(&later).unwrap().dateline.is_none());
        // Further down, a full stamp of the page (date, time and zone) still
        // dates it, in any language; a date and time alone there do not (a
        // reader's comment prints those).
        let stamp = text.replace(
            "19/03/14 09:41 GMT+7\n\nRelated: 12/09/2019",
            "Xem thêm: Nghề cá ven bờ\n\nThứ Hai, 27/05/2013, 08:10 (GMT+7)\n\nDu lịch",
        );
        let d = crate::parse(&stamp)
            .unwrap()
            .dateline
            .expect("a stamp past a sidebar");
        assert_eq!(d.date.map(|d| d.to_string()).as_deref(), Some("2013-05-27"));
        let comment = stamp.replace("Thứ Hai, 27/05/2013, 08:10 (GMT+7)", "27/05/2013 08:10");
        assert!(crate::parse(&comment).unwrap().dateline.is_none());
    }

    #[test]
    fn a_wire_place_opening_the_lede_or_alone_is_the_date_line() {
        let place = |text: &str| {
            let t = crate::parse(text).unwrap();
            let d = t.dateline.expect("a date line");
            // A page's span holds its tags too.
            if !text.starts_with('<') {
                assert_eq!(d.span.slice(text), d.text);
            }
            let lede = t.lede.map(|l| l.text.to_string());
            (d.place.map(|p| p.to_string()), d.date, lede)
        };
        // Opening the lede: the place is the date line, the rest the lede.
        let pt = "Teixeira fala\n\nCURITIBA - \"Só o diálogo pode vencer\", disse à Folha o governador.\n\n- O sr. vai concorrer à Prefeitura?\n- Isso ainda não decidi.\n- E o partido?\n- O partido decide.\n";
        let (p, date, lede) = place(pt);
        assert_eq!((p.as_deref(), date), (Some("CURITIBA"), None));
        assert_eq!(
            lede.as_deref(),
            Some("\"Só o diálogo pode vencer\", disse à Folha o governador.")
        );
        // Alone on its line.
        let vi = "Mùa vụ mới\n\nĐÀ NẴNG -\n\nSáng nay, nông dân cho biết vụ mùa năm nay rất tốt.\n\n- Thưa ông, vụ mùa năm nay ra sao?\n- Năm nay được mùa.\n";
        assert_eq!(place(vi).0.as_deref(), Some("ĐÀ NẴNG"));
        let fr = "Le maire répond\n\nPARIS — Le maire a reçu hier les habitants du quartier.\n\nQ : Pourquoi ce projet ?\n\nR : Parce qu'il le faut.\n";
        let (p, _, lede) = place(fr);
        assert_eq!(p.as_deref(), Some("PARIS"));
        assert_eq!(
            lede.as_deref(),
            Some("Le maire a reçu hier les habitants du quartier.")
        );
        // On a page, in bold.
        let page = "<h1>Ferrovia chega em 2027</h1>\n<p><strong>CURITIBA</strong> - &quot;A ferrovia chega ao porto em 2027&quot;, disse à Folha o secretário.</p>\n<p><b>Quando começa a obra?</b></p>\n<p>Em março, se a licença sair.</p>\n<p><b>E o custo?</b></p>\n<p>Quatro bilhões.</p>\n";
        let (p, _, lede) = place(page);
        assert_eq!(p.as_deref(), Some("CURITIBA"));
        assert!(lede.is_some_and(|l| l.starts_with("\"A ferrovia")));
        // A date line below the place gives the date.
        let dated = vi.replace(
            "ĐÀ NẴNG -\n",
            "ĐÀ NẴNG -\n\nThứ Năm, 12/09/2019, 23:06 [GMT+7]\n",
        );
        let (p, date, _) = place(&dated);
        assert_eq!(p, None);
        assert_eq!(date.map(|d| d.to_string()).as_deref(), Some("2019-09-12"));
        // A name before a dash that opens other paragraphs too is a
        // speaker's label, not a place.
        let labels = "Teixeira fala\n\nESTADO - O sr. vai concorrer à Prefeitura este ano?\n\nTEIXEIRA - Isso ainda não decidi, vamos ver.\n\nESTADO - E o partido, governador?\n\nTEIXEIRA - O partido decide isso depois.\n";
        let t = crate::parse(labels).unwrap();
        assert!(t.dateline.is_none());
        assert_eq!(t.turns.len(), 4);
        // After the body, a place alone dates nothing.
        let after =
            "Mùa vụ mới\n\n- Thưa ông, vụ mùa năm nay ra sao?\n- Năm nay được mùa.\n\nĐÀ NẴNG -\n";
        assert!(crate::parse(after).unwrap().dateline.is_none());
    }

    #[test]
    fn a_page_that_shows_no_date_is_dated_by_its_meta_tags() {
        let page = "<html><head>\n<meta name=\"viewport\" content=\"width=device-width\">\n<meta property=\"article:published_time\" content=\"2024-03-01T09:15:00-05:00\">\n</head><body>\n<h1>Harbour talk</h1>\n<p><strong>Q: How long have you fished here?</strong></p>\n<p>A: Forty years.</p>\n</body></html>\n";
        let t = crate::parse(page).unwrap();
        let d = t.dateline.expect("dated by its meta tag");
        assert_eq!(d.text, "2024-03-01T09:15:00-05:00");
        assert_eq!(d.span.slice(page), d.text);
        assert_eq!(d.time.map(|t| t.to_string()).as_deref(), Some("09:15:00"));
        // A date the page shows wins over its meta tags.
        let shown = page.replace(
            "<h1>Harbour talk</h1>",
            "<h1>Harbour talk</h1>\n<p>2024-02-28</p>",
        );
        let t = crate::parse(&shown).unwrap();
        assert_eq!(t.dateline.unwrap().text, "2024-02-28");
        // A feed's RFC 2822 date in a meta tag reads as well.
        let rfc = page.replace(
            "2024-03-01T09:15:00-05:00",
            "Fri, 01 Mar 2024 09:15:00 -0500",
        );
        let d = crate::parse(&rfc)
            .unwrap()
            .dateline
            .expect("dated by its meta tag");
        assert_eq!(d.date.map(|d| d.to_string()).as_deref(), Some("2024-03-01"));
        assert_eq!(
            d.utc_offset.map(|o| o.to_string()).as_deref(),
            Some("-05:00")
        );
    }
}
