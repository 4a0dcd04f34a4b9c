//! Date lines: the article's own publication date, time and zone.
//!
//! ```text
//! dateline := (place ",")? prefix? item (sep* item)*          -- the whole line
//! prefix   := lexicon date prefix ":"?                        -- Cập nhật:, Updated, Publié le
//! item     := weekday | date | time | zone | connector       -- each at most once
//! date     := d{1,2} S d{1,2} S yyyy      (S one of / . -, day first unless the
//!                                           language puts the month first)
//!           | yyyy-mm-dd ("T" time)?
//!           | ("ngày")? d "tháng" m ","? ("năm")? yyyy
//!           | d "."? ("de")? MONTH ","? ("de")? yyyy
//!           | MONTH d ("st"|"nd"|"rd"|"th")? ","? yyyy
//! time     := h{1,2} (":" | "h") mm (":" ss)? (am | pm)?
//! zone     := "["? ("GMT" | "UTC") (("+"|"-") h{1,2} (":"? mm)?)? "]"?  | EST | ICT | …
//! ```
//!
//! Accepts `Thứ Năm, 12/09/2019, 23:06 [GMT+7]`, `Thứ ba, 13/12/2016 | 20:40
//! GMT+7`, `12/09/2019 23:06`, `12 tháng 12 2016`, `Cập nhật: 08:30 ngày
//! 21/06/2020`, `Publié le 3 mars 2021 à 14h05`, `Wednesday, June 8, 2022,
//! 3:15 PM`, `Madrid, 4 de junio de 2021`. Refuses a line that holds anything
//! else (a sentence mentioning a date), a time with no date, and impossible
//! dates (`31/02/2019`). Weekday and month names come from the
//! [`Lexicon`]; zone abbreviations are language-neutral.

use super::{any_word, one_name, prefix_fold, word_ci};
use crate::lang::Lexicon;
use crate::text::is_capitalised;
use crate::{Date, Time, UtcOffset, Weekday};
use nom::IResult;
use nom::Parser;
use nom::branch::alt;
use nom::bytes::complete::{tag, tag_no_case, take_while_m_n};
use nom::character::complete::{char as ch, one_of as one_char, space0, space1};
use nom::combinator::{map_opt, opt, recognize};
use nom::sequence::{preceded, terminated};

/// What a date line says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct DatelineParts<'a> {
    pub date: Option<Date>,
    pub time: Option<Time>,
    pub utc_offset: Option<UtcOffset>,
    pub weekday: Option<Weekday>,
    pub place: Option<&'a str>,
}

/// Zone abbreviations and their offsets in minutes.
const ZONES: &[(&str, i16)] = &[
    ("UTC", 0),
    ("GMT", 0),
    ("Z", 0),
    ("ICT", 420),
    ("WIB", 420),
    ("JST", 540),
    ("KST", 540),
    ("EST", -300),
    ("EDT", -240),
    ("CST", -360),
    ("CDT", -300),
    ("MST", -420),
    ("MDT", -360),
    ("PST", -480),
    ("PDT", -420),
    ("CET", 60),
    ("CEST", 120),
    ("MEZ", 60),
    ("MESZ", 120),
    ("BST", 60),
    ("WET", 0),
    ("WEST", 60),
    ("EET", 120),
    ("EEST", 180),
];

fn digits(min: usize, max: usize) -> impl Fn(&str) -> IResult<&str, u32> {
    move |i: &str| {
        let (rest, d) = take_while_m_n(min, max, |c: char| c.is_ascii_digit())(i)?;
        if rest.starts_with(|c: char| c.is_ascii_digit()) {
            return Err(nom::Err::Error(nom::error::Error::new(
                i,
                nom::error::ErrorKind::Digit,
            )));
        }
        Ok((rest, d.parse().unwrap_or(0)))
    }
}

/// The years a date line's year may be.
const YEARS: std::ops::RangeInclusive<u32> = 1800..=2200;

fn year(i: &str) -> IResult<&str, i32> {
    map_opt(digits(4, 4), |y| YEARS.contains(&y).then_some(y as i32)).parse(i)
}

/// Whether `text` may hold a date that [`dateline`] reads, in any language:
/// every such date holds a year, a run of exactly four digits within
/// [`YEARS`], or is a basic ISO date, a run of eight (the parsers read runs
/// of digits whole). Most lines with a number fail it, and are then not
/// tried in each language.
pub(crate) fn may_hold_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        let year = || text[start..i].parse().is_ok_and(|y| YEARS.contains(&y));
        if i - start == 8 || (i - start == 4 && year()) {
            return true;
        }
    }
    false
}

/// `12/09/2019`, `12.09.2019`, `12-9-2019`, and `2019-09-12`.
fn numeric_date(month_first: bool) -> impl Fn(&str) -> IResult<&str, Date> {
    move |i: &str| {
        let iso = map_opt(
            (year, ch('-'), digits(2, 2), ch('-'), digits(2, 2)),
            |(y, _, m, _, d)| Date::new(y, m as u8, d as u8),
        );
        let dmy = map_opt(
            (
                digits(1, 2),
                one_char("/.-"),
                digits(1, 2),
                one_char("/.-"),
                year,
            ),
            |(a, s1, b, s2, y)| {
                if s1 != s2 {
                    return None;
                }
                let (d, m) = if a <= 12 && (month_first || b > 12) {
                    (b, a)
                } else {
                    (a, b)
                };
                Date::new(y, m as u8, d as u8)
            },
        );
        alt((iso, dmy)).parse(i)
    }
}

/// `ngày 12 tháng 12 năm 2016`, `12 tháng 12, 2016`.
fn month_word_date<'l>(lex: &'l Lexicon) -> impl Fn(&str) -> IResult<&str, Date> + 'l {
    move |i: &str| {
        map_opt(
            (
                digits(1, 2),
                space1,
                any_word(&lex.month_words),
                space1,
                digits(1, 2),
                opt(ch(',')),
                space1,
                opt(terminated(any_word(&lex.year_words), space1)),
                year,
            ),
            |(d, _, _, _, m, _, _, _, y)| Date::new(y, m as u8, d as u8),
        )
        .parse(i)
    }
}

fn ordinal_suffix(i: &str) -> IResult<&str, &str> {
    alt((
        tag("er"),
        tag("º"),
        tag("°"),
        tag("st"),
        tag("nd"),
        tag("rd"),
        tag("th"),
        tag("."),
    ))
    .parse(i)
}

/// `3 mars 2021`, `4 de junio de 2021`, `12. Mai 2022`, `4 March 2021`.
fn day_month_year<'l>(lex: &'l Lexicon) -> impl Fn(&str) -> IResult<&str, Date> + 'l {
    move |i: &str| {
        let de = |i| opt(terminated(any_word(&lex.date_connectors), space1)).parse(i);
        map_opt(
            (
                digits(1, 2),
                opt(ordinal_suffix),
                space1,
                de,
                one_name(&lex.months),
                opt(ch(',')),
                space1,
                de,
                year,
            ),
            |(d, _, _, _, m, _, _, _, y)| Date::new(y, m, d as u8),
        )
        .parse(i)
    }
}

/// `June 8, 2022`, `Sept. 4th 2021`.
fn month_day_year<'l>(lex: &'l Lexicon) -> impl Fn(&str) -> IResult<&str, Date> + 'l {
    move |i: &str| {
        map_opt(
            (
                one_name(&lex.months),
                space1,
                digits(1, 2),
                opt(ordinal_suffix),
                opt(ch(',')),
                space1,
                year,
            ),
            |(m, _, d, _, _, _, y)| Date::new(y, m, d as u8),
        )
        .parse(i)
    }
}

fn date<'l>(lex: &'l Lexicon) -> impl Fn(&str) -> IResult<&str, Date> + 'l {
    move |i: &str| {
        alt((
            month_word_date(lex),
            day_month_year(lex),
            month_day_year(lex),
            numeric_date(lex.month_first),
        ))
        .parse(i)
    }
}

fn meridiem(i: &str) -> IResult<&str, bool> {
    let am = alt((tag_no_case("a.m."), tag_no_case("am")));
    let pm = alt((tag_no_case("p.m."), tag_no_case("pm")));
    preceded(
        space0,
        alt((
            nom::combinator::value(false, am),
            nom::combinator::value(true, pm),
        )),
    )
    .parse(i)
}

/// `23:06`, `23:06:10`, `14h05`, `3:15 PM`, `2:52 P.M.`.
pub(crate) fn time(i: &str) -> IResult<&str, Time> {
    let (rest, (h, _, m, s)) = (
        digits(1, 2),
        one_char(":hH"),
        digits(2, 2),
        opt(preceded(ch(':'), digits(2, 2))),
    )
        .parse(i)?;
    let (rest, pm) = opt(meridiem).parse(rest)?;
    let hour = match pm {
        None => h,
        Some(_) if !(1..=12).contains(&h) => {
            return Err(nom::Err::Error(nom::error::Error::new(
                i,
                nom::error::ErrorKind::Verify,
            )));
        }
        Some(false) => h % 12,
        Some(true) => h % 12 + 12,
    };
    // Date lines are read to the minute: seconds are checked, then dropped.
    let seconds_ok = s.is_none_or(|s| s < 60);
    match Time::new(hour as u8, m as u8, None).filter(|_| seconds_ok) {
        Some(t) => Ok((rest, t)),
        None => Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Verify,
        ))),
    }
}

fn offset_digits(i: &str) -> IResult<&str, i16> {
    let (rest, sign) = one_char("+-−").parse(i)?;
    let err = || nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Digit));
    let n = rest.bytes().take_while(u8::is_ascii_digit).count();
    let (h, m, used) = match n {
        1 | 2 if rest[n..].starts_with(':') => {
            let mm = rest
                .get(n + 1..n + 3)
                .filter(|m| m.bytes().all(|b| b.is_ascii_digit()))
                .ok_or_else(err)?;
            (&rest[..n], mm, n + 3)
        }
        1 | 2 => (&rest[..n], "0", n),
        4 => (&rest[..2], &rest[2..4], 4),
        _ => return Err(err()),
    };
    let (h, m): (i16, i16) = (h.parse().map_err(|_| err())?, m.parse().map_err(|_| err())?);
    if h > 18 || m >= 60 || rest[used..].starts_with(|c: char| c.is_ascii_digit()) {
        return Err(err());
    }
    let minutes = h * 60 + m;
    Ok((&rest[used..], if sign == '+' { minutes } else { -minutes }))
}

fn zone_name(i: &str) -> IResult<&str, i16> {
    // Zone names are upper case: most words are ruled out by their first letter.
    let first = *i
        .as_bytes()
        .first()
        .filter(|b| b.is_ascii_uppercase())
        .ok_or_else(|| nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Tag)))?;
    let (n, off) = ZONES
        .iter()
        .filter(|(z, _)| z.as_bytes()[0] == first && i.starts_with(z) && word_ci(i, z).is_some())
        .map(|&(z, o)| (z.len(), o))
        .max_by_key(|&(n, _)| n)
        .ok_or_else(|| nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Tag)))?;
    Ok((&i[n..], off))
}

/// `[GMT+7]`, `(GMT+7)`, `GMT+07:00`, `UTC`, `EDT`.
pub(crate) fn zone(i: &str) -> IResult<&str, UtcOffset> {
    let bare = |i| {
        alt((
            map_opt(
                (alt((tag("GMT"), tag("UTC"))), space0, offset_digits),
                |(_, _, o)| Some(o),
            ),
            zone_name,
        ))
        .parse(i)
    };
    let bracketed = alt((
        (ch('['), space0, bare, space0, ch(']')),
        (ch('('), space0, bare, space0, ch(')')),
    ));
    map_opt(
        alt((map_opt(bracketed, |(_, _, o, _, _)| Some(o)), bare)),
        UtcOffset::from_minutes,
    )
    .parse(i)
}

fn separator(i: &str) -> IResult<&str, &str> {
    recognize(one_char(",|-–—/·•()[];")).parse(i)
}

/// A news agency's credit in a wire date line: `(Reuters)`, `(TTXVN)`,
/// `/PRNewswire/`.
fn agency(i: &str) -> IResult<&str, &str> {
    let fail = || nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Tag));
    let close = match i.chars().next() {
        Some('(') => ')',
        Some('/') => '/',
        _ => return Err(fail()),
    };
    let end = i[1..].find(close).ok_or_else(fail)? + 1;
    let inner = &i[1..end];
    let words: Vec<&str> = inner.split_whitespace().collect();
    let ok = !words.is_empty()
        && words.len() <= 3
        && words
            .iter()
            .all(|w| is_capitalised(w) && !w.chars().any(|c| c.is_ascii_digit()));
    if ok {
        Ok((&i[end + 1..], &i[..end + 1]))
    } else {
        Err(fail())
    }
}

/// A bare offset after a time, as RFC 2822 writes it: `+0700`, `-04:00`.
fn bare_offset(i: &str) -> IResult<&str, UtcOffset> {
    let (rest, o) = offset_digits(i)?;
    let digits = i.len() - rest.len() - 1;
    match UtcOffset::from_minutes(o) {
        Some(off) if digits >= 4 => Ok((rest, off)),
        _ => Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Digit,
        ))),
    }
}

/// One item of a date line.
enum Item {
    Date(Date),
    Time(Time),
    Zone(UtcOffset),
    Weekday(Weekday),
    Filler,
}

fn item<'l>(lex: &'l Lexicon) -> impl Fn(&str) -> IResult<&str, Item> + 'l {
    move |i: &str| {
        alt((
            nom::combinator::map(zone, Item::Zone),
            nom::combinator::map(date(lex), Item::Date),
            nom::combinator::map(bare_offset, Item::Zone),
            nom::combinator::map(agency, |_| Item::Filler),
            nom::combinator::map(time, Item::Time),
            nom::combinator::map(one_name(&lex.weekdays), Item::Weekday),
            nom::combinator::map(any_word(&lex.date_connectors), |_| Item::Filler),
            nom::combinator::map(separator, |_| Item::Filler),
        ))
        .parse(i)
    }
}

fn items<'a>(input: &'a str, lex: &Lexicon) -> Option<DatelineParts<'a>> {
    let mut parts = DatelineParts::default();
    let mut rest = input;
    loop {
        rest = rest.trim_start();
        if rest.is_empty() || rest == "." {
            break;
        }
        let (next, it) = item(lex)(rest).ok()?;
        match it {
            Item::Date(d) if parts.date.is_none() => parts.date = Some(d),
            Item::Time(t) if parts.time.is_none() => parts.time = Some(t),
            Item::Zone(z) if parts.utc_offset.is_none() => parts.utc_offset = Some(z),
            Item::Weekday(w) if parts.weekday.is_none() => parts.weekday = Some(w),
            Item::Filler => {}
            _ => return None,
        }
        rest = next;
    }
    parts.date.is_some().then_some(parts)
}

fn prefix<'l>(lex: &'l Lexicon) -> impl Fn(&str) -> IResult<&str, &str> + 'l {
    move |i: &str| {
        let n = lex
            .date_prefixes
            .candidates(i)
            .filter_map(|w| {
                prefix_fold(i, w).filter(|&n| !i[n..].starts_with(char::is_alphanumeric))
            })
            .max()
            .ok_or_else(|| {
                nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Tag))
            })?;
        let (rest, _) = (space0, opt(ch(':')), space0).parse(&i[n..])?;
        Ok((rest, &i[..n]))
    }
}

/// A leading place name: up to four capitalised words before a comma.
fn place(input: &str) -> Option<(&str, &str)> {
    let (head, rest) = input.split_once(',')?;
    let words: Vec<&str> = head.split_whitespace().collect();
    let particle = |w: &str| crate::lang::PLACE_PARTICLES.contains(&w);
    let ok = !words.is_empty()
        && words.len() <= 5
        && is_capitalised(words[0])
        && words.iter().all(|w| is_capitalised(w) || particle(w));
    ok.then_some((head.trim(), rest))
}

/// Parses a whole cleaned line as a date line, with one language's words.
pub(crate) fn dateline<'a>(text: &'a str, lex: &Lexicon) -> Option<DatelineParts<'a>> {
    if text.len() > 160 {
        return None;
    }
    if let Some((date, time, utc_offset)) = iso_datetime(text) {
        return Some(DatelineParts {
            date: Some(date),
            time,
            utc_offset,
            ..DatelineParts::default()
        });
    }
    let body = match prefix(lex)(text) {
        Ok((rest, _)) => rest,
        Err(_) => text,
    };
    if let Some(parts) = items(body, lex) {
        return Some(parts);
    }
    // A publisher before a pipe: `Gobierno de España | 3 de marzo de 2021`.
    if let Some((publisher, rest)) = text.split_once(" | ") {
        if publisher.split_whitespace().count() <= 6
            && !publisher.chars().any(|c| c.is_ascii_digit())
        {
            if let Some(parts) = items(rest, lex) {
                return Some(parts);
            }
        }
    }
    let (name, rest) = place(text)?;
    if one_name(&lex.weekdays)(name).is_ok() {
        return None;
    }
    let mut parts = items(rest, lex)?;
    parts.place = Some(name);
    Some(parts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Language;
    use crate::lang::lexicon;

    type Parsed<'a> = (String, Option<String>, Option<String>, Option<&'a str>);

    #[test]
    fn a_year_is_a_whole_run_of_four_digits_or_a_basic_iso_date() {
        for yes in [
            "Thứ Năm, 12/09/2019, 23:06 [GMT+7]",
            "June 8, 2022",
            "20250731",
            "2019-09-12T23:06:00+07:00",
            "ngày 12 tháng 12 năm 2016",
            "1800 and 2200",
            "2019 9",
        ] {
            assert!(may_hold_date(yes), "{yes:?}");
        }
        for no in [
            "SPEAKER 5: Line 12345.",
            "Line 1234.",
            "year 2201 or 1799",
            "tel. 0123456789",
            "",
        ] {
            assert!(!may_hold_date(no), "{no:?}");
        }
    }

    #[test]
    fn zone_names_open_with_a_capital() {
        // zone_name rules words out by their first byte.
        assert!(
            ZONES
                .iter()
                .all(|(z, _)| z.as_bytes()[0].is_ascii_uppercase())
        );
    }

    /// Every date line read in these tests also shows `may_hold_date`'s
    /// claim: where a date line is read, a year stands.
    fn parse(lang: Language, s: &str) -> Option<Parsed<'_>> {
        let read = dateline(s, lexicon(lang));
        assert!(
            read.is_none() || may_hold_date(s),
            "{s:?} read without a year"
        );
        read.map(|p| {
            (
                p.date.unwrap().to_string(),
                p.time.map(|t| t.to_string()),
                p.utc_offset.map(|o| o.to_string()),
                p.place,
            )
        })
    }

    fn ok(lang: Language, s: &str, date: &str, time: Option<&str>, zone: Option<&str>) {
        let got = parse(lang, s).unwrap_or_else(|| panic!("should parse {s:?}"));
        assert_eq!(got.0, date, "{s}");
        assert_eq!(got.1.as_deref(), time, "{s}");
        assert_eq!(got.2.as_deref(), zone, "{s}");
    }

    #[test]
    fn vietnamese_site_formats() {
        use Language::Vi;
        ok(
            Vi,
            "Thứ Năm, 12/09/2019, 23:06 [GMT+7]",
            "2019-09-12",
            Some("23:06"),
            Some("+07:00"),
        );
        ok(
            Vi,
            "Thứ ba, 13/12/2016 | 20:40 GMT+7",
            "2016-12-13",
            Some("20:40"),
            Some("+07:00"),
        );
        ok(Vi, "12/09/2019 23:06", "2019-09-12", Some("23:06"), None);
        ok(Vi, "12 tháng 12 2016", "2016-12-12", None, None);
        ok(Vi, "Ngày 5 tháng 3 năm 2018", "2018-03-05", None, None);
        ok(
            Vi,
            "Cập nhật: 08:30 ngày 21/06/2020",
            "2020-06-21",
            Some("08:30"),
            None,
        );
        ok(
            Vi,
            "Cập nhật: 21/06/2020 08:30",
            "2020-06-21",
            Some("08:30"),
            None,
        );
        ok(
            Vi,
            "Thứ Sáu, 18/10/2019 09:30 (GMT+7)",
            "2019-10-18",
            Some("09:30"),
            Some("+07:00"),
        );
        ok(
            Vi,
            "Chủ nhật, 5/1/2020 - 07:00",
            "2020-01-05",
            Some("07:00"),
            None,
        );
    }

    #[test]
    fn other_languages() {
        ok(
            Language::Fr,
            "Publié le 3 mars 2021 à 14h05",
            "2021-03-03",
            Some("14:05"),
            None,
        );
        ok(
            Language::Fr,
            "Mis à jour le 12/05/2022 à 09:40",
            "2022-05-12",
            Some("09:40"),
            None,
        );
        ok(
            Language::En,
            "Wednesday, June 8, 2022, 3:15 PM",
            "2022-06-08",
            Some("15:15"),
            None,
        );
        ok(
            Language::En,
            "Updated: 12/09/2019 23:06",
            "2019-12-09",
            Some("23:06"),
            None,
        );
        ok(
            Language::De,
            "Veröffentlicht am 08.02.2023, 07:15 Uhr",
            "2023-02-08",
            Some("07:15"),
            None,
        );
        ok(
            Language::Es,
            "Publicado el 4 de junio de 2021, 10:32",
            "2021-06-04",
            Some("10:32"),
            None,
        );
        ok(
            Language::It,
            "Pubblicato il 22 settembre 2021 alle 11:30",
            "2021-09-22",
            Some("11:30"),
            None,
        );
        ok(
            Language::Pt,
            "Publicado a 14 de outubro de 2020, 18:20",
            "2020-10-14",
            Some("18:20"),
            None,
        );
        ok(
            Language::En,
            "2021-06-26 05:02 UTC",
            "2021-06-26",
            Some("05:02"),
            Some("+00:00"),
        );
    }

    #[test]
    fn a_place_before_the_date() {
        let got = parse(Language::Es, "Madrid, 4 de junio de 2021").unwrap();
        assert_eq!(got.0, "2021-06-04");
        assert_eq!(got.3, Some("Madrid"));
    }

    #[test]
    fn refuses_what_is_not_a_date_line() {
        use Language::Vi;
        for s in [
            "Ngày 13-9, tại TP. Nha Trang, hội nghị đã diễn ra",
            "23:06",
            "31/02/2019",
            "Tỷ số 6-4, 6-3",
            "Gọi 0912 345 678",
            "Trao đổi, học tập kinh nghiệm",
            "Thứ Năm",
        ] {
            assert!(dateline(s, lexicon(Vi)).is_none(), "{s}");
        }
    }

    #[test]
    fn zones() {
        assert_eq!(zone("[GMT+7]").unwrap().1.to_string(), "+07:00");
        assert_eq!(zone("GMT+07:00").unwrap().1.to_string(), "+07:00");
        assert_eq!(zone("(UTC-05:30)").unwrap().1.to_string(), "-05:30");
        assert_eq!(zone("EDT").unwrap().1.to_string(), "-04:00");
        assert!(zone("ESTONIA").is_err());
    }

    #[test]
    fn times() {
        assert_eq!(time("2:52 P.M.").unwrap().1.to_string(), "14:52");
        assert_eq!(time("12:05 am").unwrap().1.to_string(), "00:05");
        assert!(time("13:05 PM").is_err());
        assert!(time("25:00").is_err());
    }
}

/// A line that holds only a time, maybe with its zone and an `END` before
/// it: the start or end time of a briefing (`2:52 P.M. EST`, `END 1:01 P.M.
/// EST`). Returns whether it is an end time.
pub(crate) fn time_line(text: &str) -> Option<(bool, Time)> {
    let (end, rest) = match text.strip_prefix("END") {
        Some(r) if r.starts_with(' ') => (true, r.trim_start()),
        _ => (false, text),
    };
    let (rest, t) = time(rest).ok()?;
    let rest = rest.trim_start();
    let rest = match zone(rest) {
        Ok((r, _)) => r,
        Err(_) => rest,
    };
    rest.trim().is_empty().then_some((end, t))
}

#[cfg(test)]
mod time_line_tests {
    use super::*;

    #[test]
    fn start_and_end_times() {
        assert_eq!(time_line("2:52 P.M. EST").map(|x| x.0), Some(false));
        assert_eq!(time_line("END 1:01 P.M. EST").map(|x| x.0), Some(true));
        assert_eq!(
            time_line("END 1:45 P.M. EST").map(|x| x.1.to_string()),
            Some("13:45".into())
        );
        assert!(time_line("2:52 P.M. EST, the President said").is_none());
        assert!(time_line("At 2:52").is_none());
    }
}

/// An ISO 8601 date and time as front matter gives it: `2023-04-06`,
/// `20191204`, `2023-04-06 18:22:46-04:00`, `2021-06-26T05:02:56Z`,
/// `2016-06-10 00:55:17`. The whole text must be the value.
pub(crate) fn iso_datetime(text: &str) -> Option<(Date, Option<Time>, Option<UtcOffset>)> {
    let t = text.trim().trim_matches(['"', '\'']);
    let (date, rest) = if t.len() >= 10 && t.as_bytes()[4] == b'-' {
        let (rest, d) = numeric_date(false)(t).ok()?;
        (d, rest)
    } else {
        let digits8 = t.get(..8)?;
        if !digits8.bytes().all(|b| b.is_ascii_digit())
            || t[8..].starts_with(|c: char| c.is_ascii_digit())
        {
            return None;
        }
        let d = Date::new(
            digits8[..4].parse().ok()?,
            digits8[4..6].parse().ok()?,
            digits8[6..8].parse().ok()?,
        )?;
        (d, &t[8..])
    };
    if rest.is_empty() {
        return Some((date, None, None));
    }
    let rest = rest.strip_prefix(['T', ' '])?;
    let (rest, (h, _, m, s)) = (
        digits(2, 2),
        ch(':'),
        digits(2, 2),
        opt(preceded(ch(':'), digits(2, 2))),
    )
        .parse(rest)
        .ok()?;
    // Date lines are read to the minute: seconds are checked, then dropped.
    let time = Time::new(h as u8, m as u8, None).filter(|_| s.is_none_or(|s| s < 60))?;
    let rest = match rest.strip_prefix('.') {
        Some(r) => r.trim_start_matches(|c: char| c.is_ascii_digit()),
        None => rest,
    };
    let rest = rest.trim_start();
    let offset = if rest.is_empty() {
        None
    } else if rest == "Z" || rest == "UTC" {
        UtcOffset::from_minutes(0)
    } else {
        let (r, o) = offset_digits(rest).ok()?;
        if !r.trim().is_empty() {
            return None;
        }
        UtcOffset::from_minutes(o)
    };
    Some((date, Some(time), offset))
}

#[cfg(test)]
mod iso_tests {
    use super::*;

    fn iso(s: &str) -> Option<String> {
        iso_datetime(s).map(|(d, t, o)| {
            format!(
                "{d} {} {}",
                t.map_or("-".into(), |t| t.to_string()),
                o.map_or("-".into(), |o| o.to_string())
            )
        })
    }

    #[test]
    fn front_matter_dates() {
        assert_eq!(iso("2023-04-06").as_deref(), Some("2023-04-06 - -"));
        assert_eq!(iso("'2022-01-07'").as_deref(), Some("2022-01-07 - -"));
        assert_eq!(iso("20191204").as_deref(), Some("2019-12-04 - -"));
        assert_eq!(
            iso("2023-04-06 18:22:46-04:00").as_deref(),
            Some("2023-04-06 18:22 -04:00")
        );
        assert_eq!(
            iso("2021-06-26T05:02:56Z").as_deref(),
            Some("2021-06-26 05:02 +00:00")
        );
        assert_eq!(
            iso("2016-06-10 00:55:17").as_deref(),
            Some("2016-06-10 00:55 -")
        );
        assert_eq!(
            iso("2024-01-02T03:04:05.123+0700").as_deref(),
            Some("2024-01-02 03:04 +07:00")
        );
    }

    #[test]
    fn refuses_other_values() {
        for s in [
            "2023-13-01",
            "yesterday",
            "2023-04-06 at noon",
            "201912041",
            "12/09/2019",
        ] {
            assert!(iso_datetime(s).is_none(), "{s}");
        }
    }
}

/// The written cases of `tests/data/datelines.tsv`: one date line a row, in
/// seven languages, with the values it must give (`-` for none); a row
/// with no date is a line that must not be read as a date line.
#[cfg(test)]
mod table_tests {
    use super::*;
    use crate::Language;
    use crate::lang::{self, lexicon};

    const TABLE: &str = include_str!("../../tests/data/datelines.tsv");

    fn language(code: &str) -> Language {
        Language::ALL
            .into_iter()
            .find(|l| l.code() == code)
            .expect("a known language")
    }

    /// Reads a line the way the classifier does: the document's language
    /// first, then the others.
    fn read(text: &str, lang: Language) -> Option<DatelineParts<'_>> {
        dateline(text, lexicon(lang)).or_else(|| lang::all().find_map(|l| dateline(text, l)))
    }

    #[test]
    fn every_written_case() {
        let mut failures = Vec::new();
        let mut rows = 0;
        for line in TABLE.lines().skip(1).filter(|l| !l.trim().is_empty()) {
            let cols: Vec<&str> = line.split('\t').collect();
            assert_eq!(cols.len(), 7, "{line}");
            rows += 1;
            let lang = language(cols[0].trim_end_matches('!'));
            let want = |i: usize| (cols[i] != "-").then(|| cols[i].to_string());
            let got = read(cols[1], lang);
            let got = got.map(|p| {
                (
                    p.date.map(|d| d.to_string()),
                    p.time.map(|t| t.to_string()),
                    p.utc_offset.map(|o| o.to_string()),
                    p.weekday.map(|w| w.name().to_lowercase()),
                    p.place.map(str::to_string),
                )
            });
            let expected = want(2).map(|_| (want(2), want(3), want(4), want(5), want(6)));
            if got != expected {
                failures.push(format!(
                    "{} {:?}: got {got:?}, want {expected:?}",
                    cols[0], cols[1]
                ));
            }
            if cols[0].ends_with('!') {
                let p = read(cols[1], lang).expect("a date line");
                assert_ne!(
                    p.date.map(|d| d.weekday()),
                    p.weekday,
                    "{line}: the weekday should contradict the date"
                );
            }
        }
        assert!(rows >= 150, "only {rows} rows");
        assert!(
            failures.is_empty(),
            "{} of {rows} rows fail:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }
}
