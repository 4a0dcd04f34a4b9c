//! Date lines: the article's own publication date, time and zone.
//!
//! ```text
//! dateline := MARK? prefix? item (sep* item)* (prefix item+)?   -- the whole line
//!           | place "," item (sep* item)*                       -- Madrid, 4 de junio de 2021
//!           | publisher " | " item (sep* item)*                 -- Gobierno de España | 3 de …
//!           | wire                                              -- HANOI (Reuters) -
//! MARK     := ".." | ":"                                        -- reST and Nikola fields
//! prefix   := lexicon date prefix ":"?                          -- Cập nhật:, Updated, Fecha:
//! item     := weekday | date | stamp | time | zone | connector  -- each at most once
//! date     := dmy | ymd | basic                                 -- see numeric
//!           | ("ngày")? d "tháng" m ","? ("năm")? yyyy
//!           | d ORD? "de"? MONTH ","? "de"? yyyy                -- 3 mars 2021, 1er mars, 3. März
//!           | MONTH d ORD? ","? yyyy                            -- June 8, 2022
//!           | d ("-" | "/") MONTH ("-" | "/") (yyyy | yy)       -- 03-Mar-2020
//! stamp    := MONTH d time zone? yyyy | d MONTH time zone? yyyy -- ctime, Unix date
//!           | yyyy-mm-dd-hh-mm(-ss)?                            -- dashed timestamps
//! time     := see clock                                         -- 23:06, 5 PM, 13 h 15, noon
//! zone     := see zone                                          -- [GMT+7], EST, +0100
//! wire     := PLACE ("," weekday? day-month)? AGENCY DASH       -- the year left out
//!           | PLACE "," item (sep* item)* AGENCY? DASH          -- WASHINGTON, March 4, 2021 —
//!           | PLACE DASH item (sep* item)*                      -- ĐÀ NẴNG - 3/3/2020
//!           | PLACE DASH                                        -- ĐÀ NẴNG -, PARIS — (see wire)
//! ```
//!
//! Accepts `Thứ Năm, 12/09/2019, 23:06 [GMT+7]`, `Tue, 3 Mar 2020 07:15:00
//! +0100`, `Tue Mar 03 07:15:00 EST 2020`, `Tue Mar 03 2020 07:15:00
//! GMT+0100 (CET)`, `20200303T071500Z`, `Cập nhật: 08:30 ngày 21/06/2020`,
//! `Publié le 3 mars 2021 à 14 h 15`, `Wednesday, June 8, 2022 @ 3:15 PM`,
//! `Madrid, 4 de junio de 2021`, `PUBLISHED: 07:15 GMT, 3 March 2020 |
//! UPDATED: 08:55 GMT, 3 March 2020`, `ĐÀ NẴNG -` (a place, no date).
//! [`wire_opening`] finds a wire date line opening the lede (`CURITIBA -
//! "Só o diálogo…", disse…`). Refuses a line that holds anything
//! else (a sentence mentioning a date), a time with no date, and impossible
//! dates (`31/02/2019`). Weekday and month names, clock and date words come
//! from the [`Lexicon`]; zone abbreviations are language-neutral.

mod clock;
mod numeric;
mod vocabulary;
mod wire;
mod zone;

use crate::text::{is_alnum, is_alpha, split_once_sep};
pub(crate) use numeric::may_hold_date;
pub(crate) use wire::wire_opening;
use wire::{agency, place, place_name, venue_name, wire};
pub(crate) use zone::zone;

use super::{any_word, one_name, prefix_fold};
use crate::lang::Lexicon;
use crate::{Date, Time, UtcOffset, Weekday};
use nom::IResult;
use nom::Parser;
use nom::branch::alt;
use nom::bytes::complete::{tag, tag_no_case, take_while_m_n};
use nom::character::complete::{char as ch, one_of as one_char, space0, space1};
use nom::combinator::{map_opt, opt, recognize};
use nom::sequence::{preceded, terminated};
use numeric::{Dmy, YEARS, clear_year, year};

/// What a date line says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct DatelineParts<'a> {
    pub date: Option<Date>,
    pub time: Option<Time>,
    pub utc_offset: Option<UtcOffset>,
    /// The zone as written (`EST`, `GMT+7`, `+0100`), without brackets.
    pub zone: Option<&'a str>,
    pub weekday: Option<Weekday>,
    pub place: Option<&'a str>,
    /// Where only the language decided which number of a numeric date is
    /// the day, and its pages write both orders (`03/04/2020` in English):
    /// whether it put the month first.
    pub order_guessed: Option<bool>,
}

/// A run of `min` to `max` ASCII digits, read whole: a longer run fails.
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

/// `ngày 14 tháng 11 năm 2016`, `14 tháng 11, 2016`, `03 thg 3, 2020`;
/// after the year's word, any year of four digits (`ngày 10 tháng 3 năm
/// 1428`), as after a month's name.
fn month_word_date<'l>(lex: &'l Lexicon) -> impl Fn(&str) -> IResult<&str, Date> + 'l {
    move |i: &str| {
        let worded_year = preceded(terminated(any_word(&lex.year_words), space1), clear_year);
        map_opt(
            (
                digits(1, 2),
                space1,
                any_word(&lex.month_words),
                space1,
                digits(1, 2),
                opt(ch(',')),
                space1,
                alt((worded_year, year)),
            ),
            |(d, _, _, _, m, _, _, y)| Date::new(y, m as u8, d as u8),
        )
        .parse(i)
    }
}

fn ordinal_suffix(i: &str) -> IResult<&str, &str> {
    alt((
        tag("er"),
        tag("º"),
        tag("ª"),
        tag("°"),
        tag("st"),
        tag("nd"),
        tag("rd"),
        tag("th"),
        tag("."),
    ))
    .parse(i)
}

/// `3 mars 2021`, `4 de junio de 2021`, `12. Mai 2022`, `4 March 2021`,
/// `3rd of March 2020`, `4 July 1776`, `7 oct 70`.
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
                alt((clear_year, numeric::named_short_year)),
            ),
            |(d, _, _, _, m, _, _, _, y)| Date::new(y, m, d as u8),
        )
        .parse(i)
    }
}

/// `June 8, 2022`, `Sept. 4th 2021`, `Mar 03 2020`, `July 10, '96`.
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
                alt((clear_year, numeric::named_short_year)),
            ),
            |(m, _, d, _, _, _, y)| Date::new(y, m, d as u8),
        )
        .parse(i)
    }
}

/// A month's name between two numbers and the same separator twice: the
/// day first (`03-Mar-2020`, `3-mar-20`, `03/Mar/2020`, `03.mar.2020`), the
/// year first (`2003-Sep-25`, `2003/Sep/25`, `2003 Sep 25`) or the month
/// (`Sep-25-2003`).
fn day_name_year<'l>(lex: &'l Lexicon) -> impl Fn(&str) -> IResult<&str, Date> + 'l {
    move |i: &str| {
        let sep = |i| one_char("-/.").parse(i);
        let day_first = |i| {
            let (r, d) = digits(1, 2)(i)?;
            let (named, s) = sep(r)?;
            let (r, m) = one_name(&lex.months)(named)?;
            // An abbreviation's period may be the separator: `03.mar.2020`.
            let dotted = s == '.' && named[..named.len() - r.len()].ends_with('.');
            let r = match r.strip_prefix(s) {
                Some(r) => r,
                None if dotted => r,
                None => return Err(fail(i)),
            };
            let (r, y) = year(r).or_else(|_| numeric::short_year(r))?;
            Ok((r, (y, m, d)))
        };
        let year_first = |i| {
            let (r, y) = year(i)?;
            let (r, s) = one_char("-/. ").parse(r)?;
            let (r, m) = one_name(&lex.months)(r)?;
            let r = r.strip_prefix(s).ok_or_else(|| fail(i))?;
            let (r, d) = digits(1, 2)(r)?;
            Ok((r, (y, m, d)))
        };
        let month_first = |i| {
            let (r, m) = one_name(&lex.months)(i)?;
            let (r, s) = one_char("-/").parse(r)?;
            let (r, d) = digits(1, 2)(r)?;
            let r = r.strip_prefix(s).ok_or_else(|| fail(i))?;
            let (r, y) = year(r)?;
            Ok((r, (y, m, d)))
        };
        let (r, (y, m, d)) = alt((day_first, year_first, month_first)).parse(i)?;
        Date::new(y, m, d as u8)
            .map(|date| (r, date))
            .ok_or_else(|| fail(i))
    }
}

fn fail(i: &str) -> nom::Err<nom::error::Error<&str>> {
    nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Verify))
}

/// A zone's offset and text.
type Zone<'a> = (Option<UtcOffset>, &'a str);

/// `Mar 03 07:15:00 2020`, `Mar  3 07:15:00 EST 2020`, `3 Mar 07:15:00 CET
/// 2020`, `3. Mär 07:15:00 CET 2020`: ctime and Unix `date`, the year after
/// the time.
fn split_year<'l>(
    lex: &'l Lexicon,
) -> impl Fn(&str) -> IResult<&str, (Date, Time, Option<Zone<'_>>)> + 'l {
    move |i: &str| {
        let month_day = |i| {
            (one_name(&lex.months), space1, digits(1, 2))
                .map(|(m, _, d)| (m, d))
                .parse(i)
        };
        let day_month = |i| {
            (
                digits(1, 2),
                opt(ordinal_suffix),
                space1,
                one_name(&lex.months),
            )
                .map(|(d, _, _, m)| (m, d))
                .parse(i)
        };
        let (r, (m, d)) = alt((month_day, day_month)).parse(i)?;
        let (r, _) = space1(r)?;
        let (r, t) = clock::clock(lex)(r)?;
        let (r, _) = space1(r)?;
        let (r, z) = opt(terminated(zone, space1)).parse(r)?;
        let (r, y) = clear_year(r)?;
        let date = Date::new(y, m, d as u8).ok_or_else(|| fail(i))?;
        Ok((r, (date, t, z)))
    }
}

/// The time a briefing's start or end line gives (`2:47 P.M.`, `23:06`,
/// `14h05`), in no language in particular.
pub(crate) fn time(i: &str) -> IResult<&str, Time> {
    let (rest, (h, _, m, s)) = (
        digits(1, 2),
        one_char(":hH"),
        digits(2, 2),
        opt(preceded(ch(':'), digits(2, 2))),
    )
        .parse(i)?;
    let am = alt((tag_no_case("a.m."), tag_no_case("am")));
    let pm = alt((tag_no_case("p.m."), tag_no_case("pm")));
    let meridiem = preceded(
        space0,
        alt((
            nom::combinator::value(false, am),
            nom::combinator::value(true, pm),
        )),
    );
    let (rest, pm) = opt(meridiem).parse(rest)?;
    let hour = match pm {
        None => h,
        Some(_) if !(1..=12).contains(&h) => return Err(fail(i)),
        Some(false) => h % 12,
        Some(true) => h % 12 + 12,
    };
    match Time::new(hour as u8, m as u8, s.map(|s| s as u8)) {
        Some(t) => Ok((rest, t)),
        None => Err(fail(i)),
    }
}

fn separator(i: &str) -> IResult<&str, &str> {
    recognize(one_char(",|-–—/·•()[];@")).parse(i)
}

/// One item of a date line.
enum Item<'a> {
    Date(Date),
    Dmy(Dmy),
    Stamp(Date, Time, Option<Zone<'a>>),
    Time(Time),
    Zone(Zone<'a>),
    Weekday(Weekday),
    Filler,
}

fn item<'l>(lex: &'l Lexicon) -> impl Fn(&str) -> IResult<&str, Item<'_>> + 'l {
    use nom::combinator::map;
    move |i: &str| {
        alt((
            map(zone, Item::Zone),
            map(numeric::dashed, |(d, t)| Item::Stamp(d, t, None)),
            map(numeric::basic, |(d, t)| match t {
                Some(t) => Item::Stamp(d, t, None),
                None => Item::Date(d),
            }),
            map(split_year(lex), |(d, t, z)| Item::Stamp(d, t, z)),
            map(month_word_date(lex), Item::Date),
            map(day_month_year(lex), Item::Date),
            map(month_day_year(lex), Item::Date),
            map(day_name_year(lex), Item::Date),
            map(numeric::ymd, Item::Date),
            map(numeric::dmy(lex.month_first), Item::Dmy),
            map(zone::bare_offset, |o| {
                Item::Zone((UtcOffset::from_minutes(o), ""))
            }),
            map(agency, |_| Item::Filler),
            map(clock::clock(lex), Item::Time),
            map(one_name(&lex.weekdays), Item::Weekday),
            map(any_word(&lex.date_connectors), |_| Item::Filler),
            map(separator, |_| Item::Filler),
        ))
        .parse(i)
    }
}

/// Reads the items of a date line from `input` to its end.
fn items<'a>(input: &'a str, lex: &Lexicon) -> Option<DatelineParts<'a>> {
    let mut parts = DatelineParts::default();
    let mut rest = input;
    loop {
        rest = rest.trim_start();
        if rest.is_empty() || rest == "." {
            break;
        }
        let (next, it) = match item(lex)(rest) {
            Ok(x) => x,
            // A second date line after the first: `… | UPDATED: 08:55 GMT,
            // 3 March 2020`. It is read, to be sure of it, and left.
            Err(_) if parts.date.is_some() => {
                let (after, _) = prefix(lex)(rest).ok()?;
                items(after, lex)?;
                break;
            }
            Err(_) => return None,
        };
        // A bare offset's text is the bytes it took.
        let it = match it {
            Item::Zone((o, "")) => Item::Zone((o, &rest[..rest.len() - next.len()])),
            other => other,
        };
        // A zone's name after its offset agrees with it: `+0100 (CET)`.
        let set_zone = |parts: &mut DatelineParts<'a>, (o, text): Zone<'a>| {
            if parts.zone.is_some() {
                return o.is_none() || parts.utc_offset.is_none() || o == parts.utc_offset;
            }
            parts.utc_offset = o;
            parts.zone = Some(text);
            true
        };
        let ok = match it {
            Item::Date(d) if parts.date.is_none() => {
                parts.date = Some(d);
                true
            }
            Item::Dmy(d) if parts.date.is_none() => {
                parts.date = Some(d.date);
                parts.order_guessed = (d.guessed && lex.either_order).then_some(lex.month_first);
                true
            }
            Item::Stamp(d, t, z) if parts.date.is_none() && parts.time.is_none() => {
                parts.date = Some(d);
                parts.time = Some(t);
                z.is_none_or(|z| set_zone(&mut parts, z))
            }
            Item::Time(t) if parts.time.is_none() => {
                parts.time = Some(t);
                true
            }
            Item::Zone(z) => set_zone(&mut parts, z),
            Item::Weekday(w) if parts.weekday.is_none() => {
                parts.weekday = Some(w);
                true
            }
            Item::Filler => true,
            _ => false,
        };
        if !ok {
            return None;
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
            .filter_map(|w| prefix_fold(i, w).filter(|&n| !i[n..].starts_with(is_alnum)))
            .max()
            .ok_or_else(|| fail(i))?;
        let (rest, _) = (space0, opt(ch(':')), space0).parse(&i[n..])?;
        Ok((rest, &i[..n]))
    }
}

/// A field's mark before its key: `.. date:` (Nikola, reStructuredText
/// directives) and `:date:` (reStructuredText fields).
fn field_mark(text: &str) -> &str {
    if let Some(r) = text.strip_prefix("..") {
        return r.trim_start();
    }
    match text.strip_prefix(':') {
        Some(r) if r.starts_with(is_alpha) => r,
        _ => text,
    }
}

/// `text` read as a date line in `lex`'s language (the document's), else
/// in another whose date words it holds (machine formats write English
/// names on pages of every language); not tried where no date may stand
/// ([`may_hold_date`]).
pub(crate) fn read<'a>(text: &'a str, lex: &Lexicon) -> Option<DatelineParts<'a>> {
    if !may_hold_date(text) {
        return None;
    }
    dateline(text, lex).or_else(|| vocabulary::others(text, lex).find_map(|l| dateline(text, l)))
}

/// Parses a whole cleaned line as a date line, with one language's words.
pub(crate) fn dateline<'a>(text: &'a str, lex: &Lexicon) -> Option<DatelineParts<'a>> {
    if text.len() > 160 {
        return None;
    }
    if let Some((date, time, utc_offset, zone)) = iso_value(text) {
        return Some(DatelineParts {
            date: Some(date),
            time,
            utc_offset,
            zone,
            ..DatelineParts::default()
        });
    }
    let field = field_mark(text);
    let body = match prefix(lex)(field) {
        Ok((rest, _)) => rest,
        Err(_) => field,
    };
    if let Some(parts) = items(body, lex) {
        return Some(parts);
    }
    // A publisher before a pipe: `Gobierno de España | 3 de marzo de 2021`.
    if let Some((publisher, rest)) = split_once_sep(text, " | ") {
        if publisher.split_whitespace().count() <= 6
            && !publisher.chars().any(|c| c.is_ascii_digit())
        {
            if let Some(parts) = items(rest, lex) {
                return Some(parts);
            }
        }
    }
    if let Some(parts) = wire(text, lex) {
        return Some(parts);
    }
    placed(text, lex).or_else(|| updated(text, lex))
}

/// The separators between a date line's publication and its update.
const UPDATE_SEPARATORS: [&str; 6] = [", ", " | ", " - ", " – ", " · ", "; "];

/// A date line and then its update after a separator, the update opening
/// with a date prefix of the language (`Publié le 7 mai 2024 à 8h15, mis à
/// jour à 11h40`, `Published May 3, 2024 | Updated 9:12 a.m.`): the
/// publication's date is the first one.
fn updated<'a>(text: &'a str, lex: &Lexicon) -> Option<DatelineParts<'a>> {
    UPDATE_SEPARATORS.iter().find_map(|sep| {
        let (head, tail) = split_once_sep(text, sep)?;
        let update = prefix(lex)(tail).is_ok() && tail.contains(|c: char| c.is_ascii_digit());
        update.then(|| dateline(head, lex)).flatten()
    })
}

/// A place before a date: after a comma (`Madrid, 4 de junio de 2021`),
/// a venue and its city, either way round (`Palacio Nacional, Ciudad de
/// México, 9 de octubre de 2024`), or before a spaced dash (`Palma - 03 AGO 2023 - 05:40 CEST`).
fn placed<'a>(text: &'a str, lex: &Lexicon) -> Option<DatelineParts<'a>> {
    if let Some((name, rest)) = place(text).or_else(|| dashed_place(text)) {
        if one_name(&lex.weekdays)(name).is_ok() {
            return None;
        }
        if let Some(mut parts) = items(rest, lex) {
            parts.place = Some(name);
            return Some(parts);
        }
    }
    // Two places: either may be a venue, in lower case after its first
    // word (`Bergamo, Centro sportivo Zingonia, 4 luglio 2023`).
    let (first, rest) = text.split_once(',')?;
    let name = venue_name(first)?;
    let (second, rest) = rest.split_once(',')?;
    let city = venue_name(second)?;
    if one_name(&lex.weekdays)(city).is_ok() {
        return None;
    }
    let mut parts = items(rest, lex)?;
    let start = name.as_ptr() as usize - text.as_ptr() as usize;
    let end = city.as_ptr() as usize - text.as_ptr() as usize + city.len();
    parts.place = Some(&text[start..end]);
    Some(parts)
}

/// A place before a spaced dash, in the case words are written in
/// (`Palma - …`): [`place`]'s words before the dash instead of a comma.
fn dashed_place(text: &str) -> Option<(&str, &str)> {
    [" - ", " – ", " — "].iter().find_map(|d| {
        let (head, rest) = split_once_sep(text, d)?;
        Some((place_name(head)?, rest))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Language;
    use crate::lang::lexicon;

    type Parsed<'a> = (String, Option<String>, Option<String>, Option<&'a str>);

    /// Reads a line as the classifier does: in the document's language,
    /// then in the others (machine formats write English names).
    fn read(lang: Language, s: &str) -> Option<DatelineParts<'_>> {
        super::read(s, lexicon(lang))
    }

    /// Every line these tests read also shows that the fast paths lose
    /// nothing: tried in every language, whatever `may_hold_date` and the
    /// vocabulary say, it reads the same.
    fn parse(lang: Language, s: &str) -> Option<Parsed<'_>> {
        let read = read(lang, s);
        let every =
            dateline(s, lexicon(lang)).or_else(|| crate::lang::all().find_map(|l| dateline(s, l)));
        assert_eq!(read, every, "{s:?}: the fast paths change the reading");
        read.map(|p| {
            (
                p.date.map_or("-".into(), |d| d.to_string()),
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
        ok(Vi, "12/09/2019 23:06", "2019-09-12", Some("23:06"), None);
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
            "Chủ nhật, 5/1/2020 - 07:00",
            "2020-01-05",
            Some("07:00"),
            None,
        );
    }

    #[test]
    fn places_before_the_date_and_updates_after_it() {
        use Language::*;
        let place = |lang, s| parse(lang, s).and_then(|p| p.3);
        ok(
            Es,
            "Palma - 03 AGO 2023 - 05:40 CEST",
            "2023-08-03",
            Some("05:40"),
            Some("+02:00"),
        );
        assert_eq!(place(Es, "Palma - 03 AGO 2023 - 05:40 CEST"), Some("Palma"));
        let venue = "Palacio Nacional, Ciudad de México, 9 de octubre de 2024";
        ok(Es, venue, "2024-10-09", None, None);
        assert_eq!(place(Es, venue), Some("Palacio Nacional, Ciudad de México"));
        let venue = "Bergamo, Centro sportivo Zingonia, 4 luglio 2023";
        ok(It, venue, "2023-07-04", None, None);
        assert_eq!(place(It, venue), Some("Bergamo, Centro sportivo Zingonia"));
        // A sentence before the date is no place.
        assert!(parse(En, "He said, after a pause, May 3, 2024").is_none());
        // The publication's date, not the update's.
        ok(
            Fr,
            "Publié le 7 mai 2024 à 8h15, mis à jour à 11h40",
            "2024-05-07",
            Some("08:15"),
            None,
        );
        ok(
            En,
            "Published May 3, 2024 | Updated 9:12 a.m.",
            "2024-05-03",
            None,
            None,
        );
        // An update word after a separator, with no date before it.
        assert!(parse(Fr, "La ville, mis à jour à 11h40").is_none());
    }

    #[test]
    fn machine_formats_in_a_line() {
        use Language::*;
        for lang in [En, De, Vi] {
            ok(
                lang,
                "Tue, 3 Mar 2020 07:15:00 +0100",
                "2020-03-03",
                Some("07:15:00"),
                Some("+01:00"),
            );
            ok(
                lang,
                "Tue Mar  3 07:15:00 EST 2020",
                "2020-03-03",
                Some("07:15:00"),
                Some("-05:00"),
            );
            ok(
                lang,
                "Tue Mar 03 2020 07:15:00 GMT+0100 (CET)",
                "2020-03-03",
                Some("07:15:00"),
                Some("+01:00"),
            );
            ok(
                lang,
                "20200303T071500Z",
                "2020-03-03",
                Some("07:15:00"),
                Some("+00:00"),
            );
            ok(
                lang,
                "2020-03-03-07-15-00",
                "2020-03-03",
                Some("07:15:00"),
                None,
            );
        }
    }

    #[test]
    fn the_zone_is_kept_as_written() {
        let zone_of = |s| read(Language::En, s).and_then(|p| p.zone);
        assert_eq!(zone_of("Tue, 3 Mar 2020 07:15 EST"), Some("EST"));
        assert_eq!(zone_of("Thứ Năm, 12/09/2019, 23:06 [GMT+7]"), Some("GMT+7"));
        assert_eq!(zone_of("3 March 2020 07:15 +0100"), Some("+0100"));
        assert_eq!(zone_of("3 March 2020 07:15 ET"), Some("ET"));
        let p = dateline("3 March 2020 07:15 ET", lexicon(Language::En)).unwrap();
        assert_eq!(p.utc_offset, None, "ET says no offset by itself");
    }

    #[test]
    fn two_digit_years_may_leave_the_order_to_the_language() {
        let read = |lang, s| {
            dateline(s, lexicon(lang))
                .map(|p| (p.date.unwrap().to_string(), p.order_guessed.is_some()))
        };
        assert_eq!(
            read(Language::En, "03/04/20"),
            Some(("2020-03-04".into(), true))
        );
        assert_eq!(
            read(Language::En, "25/04/20"),
            Some(("2020-04-25".into(), false))
        );
        // French pages write the day first: the language decides.
        assert_eq!(
            read(Language::Fr, "03/04/20"),
            Some(("2020-04-03".into(), false))
        );
        assert_eq!(
            read(Language::De, "3. 3. 20 14.12"),
            Some(("2020-03-03".into(), false))
        );
    }

    #[test]
    fn a_place_before_the_date() {
        let got = parse(Language::Es, "Madrid, 4 de junio de 2021").unwrap();
        assert_eq!(got.0, "2021-06-04");
        assert_eq!(got.3, Some("Madrid"));
        let got = parse(Language::En, "HANOI (Reuters) -").unwrap();
        assert_eq!((got.0.as_str(), got.3), ("-", Some("HANOI")));
    }

    #[test]
    fn years_far_from_today_on_a_clear_date_line() {
        use Language::*;
        // A month's name, a year's word or ISO's form leaves no doubt, with
        // a weekday or a prefix before it or not.
        for (lang, s, date) in [
            (En, "Thursday, July 4, 1776", "1776-07-04"),
            (En, "Friday, January 1, 2500", "2500-01-01"),
            (Fr, "Publié le mardi 14 juillet 1789", "1789-07-14"),
            (De, "Stand: Mittwoch, 31. Oktober 1517", "1517-10-31"),
            (De, "Freitag, 1. Januar 2500", "2500-01-01"),
            (Es, "Publicado el 12 de octubre de 1492", "1492-10-12"),
            (Pt, "Publicado em 1 de janeiro de 2201", "2201-01-01"),
            (It, "Aggiornato il 4 ottobre 1582", "1582-10-04"),
            (Vi, "Thứ Hai, ngày 10 tháng 3 năm 1428", "1428-03-10"),
            (Vi, "Ngày 1 tháng 1 năm 2500", "2500-01-01"),
            (En, "1776-07-04", "1776-07-04"),
        ] {
            ok(lang, s, date, None, None);
        }
        // A year alone, or in digits with slashes, is no such line.
        for (lang, s) in [
            (En, "In 1776 the colonies declared independence."),
            (Vi, "Năm 1428, Lê Lợi lên ngôi."),
            (Vi, "ngày 10 tháng 3 1428"),
            (Fr, "04/07/1776"),
            (De, "Im Jahr 2500 leben wir auf dem Mars."),
        ] {
            assert!(parse(lang, s).is_none(), "{s}");
        }
    }

    #[test]
    fn a_place_alone_before_its_dash() {
        // A wire date line with neither date nor agency: the place in
        // capitals and a spaced dash, in every language's wires.
        for (lang, s, place) in [
            (Language::Vi, "ĐÀ NẴNG -", "ĐÀ NẴNG"),
            (Language::Vi, "TP.HCM –", "TP.HCM"),
            (Language::Pt, "CURITIBA -", "CURITIBA"),
            (Language::Pt, "RIO DE JANEIRO —", "RIO DE JANEIRO"),
            (Language::Fr, "PARIS —", "PARIS"),
            (Language::De, "BERLIN –", "BERLIN"),
            (Language::Es, "CIUDAD DE MÉXICO -", "CIUDAD DE MÉXICO"),
            (Language::It, "ROMA --", "ROMA"),
            (Language::En, "LOS ANGELES —", "LOS ANGELES"),
        ] {
            let got = parse(lang, s).unwrap_or_else(|| panic!("should parse {s:?}"));
            assert_eq!((got.0.as_str(), got.3), ("-", Some(place)), "{s}");
        }
        // A speaker in capitals before a dash is no place: an honorific, a
        // post, a question label, one letter, a colon, lower case, more
        // than four words.
        for (lang, s) in [
            (Language::Vi, "ÔNG NAM -"),
            (Language::Vi, "PV -"),
            (Language::Vi, "BÀ LAN –"),
            (Language::En, "THE PRESIDENT —"),
            (Language::En, "MR. MERCER —"),
            (Language::En, "MODERATOR —"),
            (Language::En, "I —"),
            (Language::En, "Q -"),
            (Language::Fr, "M. DUPONT —"),
            (Language::De, "HERR MÜLLER -"),
            (Language::Es, "SR. GARCÍA -"),
            (Language::Pt, "BBC Brasil -"),
            (Language::Pt, "PRESIDENTE: -"),
            (Language::It, "UNO DUE TRE QUATTRO CINQUE -"),
        ] {
            assert!(parse(lang, s).is_none(), "{s}");
        }
    }

    #[test]
    fn a_wire_date_line_opening_the_lede() {
        let lede =
            |lang, s: &'static str| wire_opening(s, lexicon(lang)).map(|at| (&s[..at], &s[at..]));
        assert_eq!(
            lede(
                Language::Pt,
                "CURITIBA - \"Só o diálogo pode vencer a crise\", disse à Folha o governador:"
            ),
            Some((
                "CURITIBA - ",
                "\"Só o diálogo pode vencer a crise\", disse à Folha o governador:"
            ))
        );
        // In bold, as pages set the place.
        assert_eq!(
            lede(
                Language::Pt,
                "**CURITIBA** - O governador disse ontem ao Estado que não será candidato."
            ),
            Some((
                "**CURITIBA** - ",
                "O governador disse ontem ao Estado que não será candidato."
            ))
        );
        assert_eq!(
            lede(
                Language::Vi,
                "ĐÀ NẴNG - Sáng nay, ông Nam cho biết thêm về vụ mùa năm nay."
            ),
            Some((
                "ĐÀ NẴNG - ",
                "Sáng nay, ông Nam cho biết thêm về vụ mùa năm nay."
            ))
        );
        assert_eq!(
            lede(
                Language::Fr,
                "PARIS — Le président a reçu hier les syndicats à l'Élysée."
            ),
            Some((
                "PARIS — ",
                "Le président a reçu hier les syndicats à l'Élysée."
            ))
        );
        assert_eq!(
            lede(
                Language::En,
                "HANOI (Reuters) - Vietnam's prime minister said on Tuesday that rules would change."
            ),
            Some((
                "HANOI (Reuters) - ",
                "Vietnam's prime minister said on Tuesday that rules would change."
            ))
        );
        assert_eq!(
            lede(
                Language::Vi,
                "WASHINGTON, March 4, 2021 — The president said on Thursday that he would sign the bill."
            ),
            Some((
                "WASHINGTON, March 4, 2021 — ",
                "The president said on Thursday that he would sign the bill."
            ))
        );
        // Not a place: a speaker in capitals, a name in mixed case, a
        // sentence too short to be a lede, a dash inside the sentence.
        for (lang, s) in [
            (
                Language::En,
                "THE PRESIDENT — Thank you all for coming today.",
            ),
            (Language::Vi, "ÔNG NAM - Tôi nghĩ rằng điều đó đúng."),
            (Language::Pt, "BBC Brasil - Como assim, governador?"),
            (Language::Pt, "CURITIBA - Sim."),
            (
                Language::En,
                "EXCLUSIVE - An interview with the president of Brazil",
            ),
            (
                Language::Pt,
                "ENTREVISTA - O prefeito de Londrina fala de obras e de planos",
            ),
            (
                Language::En,
                "PARIS —the city said on Tuesday that it would.",
            ),
            (
                Language::En,
                "The mayor of PARIS — a city of two million — said so.",
            ),
        ] {
            assert_eq!(lede(lang, s), None, "{s}");
        }
    }

    #[test]
    fn refuses_what_is_not_a_date_line() {
        use Language::Vi;
        for s in [
            "Ngày 21-4, tại TP. Vũng Tàu, hội nghị đã diễn ra",
            "23:06",
            "31/02/2019",
            "Tỷ số 6-4, 6-3",
            "Gọi 0912 345 678",
            "Chia sẻ, học hỏi kinh nghiệm",
            "Thứ Năm",
            "ÔNG NAM -",
            "MR. MERCER: (Inaudible) —",
            "12/09/2019 và 13/09/2019",
        ] {
            assert!(dateline(s, lexicon(Vi)).is_none(), "{s}");
        }
    }

    #[test]
    fn times() {
        assert_eq!(time("2:47 P.M.").unwrap().1.to_string(), "14:47");
        assert_eq!(time("12:05 am").unwrap().1.to_string(), "00:05");
        assert!(time("13:05 PM").is_err());
        assert!(time("25:00").is_err());
    }
}

/// A note on a date line whose numeric date only the language put in
/// order (`03/04/2020` in English, read month first), for a diagnostic:
/// `month_first` is the order the language chose.
pub(crate) fn order_note(date: Date, month_first: bool) -> String {
    format!(
        "the date line's numeric date may put the day or the month first; it was read as {date}, {} first, as pages in its language mostly write it; check the page's own convention",
        if month_first { "the month" } else { "the day" },
    )
}

/// A line that holds only a time, maybe with its zone and an `END` before
/// it: the start or end time of a briefing (`2:47 P.M. EST`, `END 1:01 P.M.
/// EST`). Returns whether it is an end time.
pub(crate) fn time_line(text: &str) -> Option<(bool, Time)> {
    let (end, rest) = match text.strip_prefix("END") {
        Some(r) if r.starts_with(' ') => (true, r.trim_start()),
        _ => (false, text),
    };
    // A time opens with a digit ([`time`]): most lines are turned away by
    // their first byte.
    if !rest.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return None;
    }
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
        assert_eq!(time_line("2:47 P.M. EST").map(|x| x.0), Some(false));
        assert_eq!(time_line("END 1:01 P.M. EST").map(|x| x.0), Some(true));
        assert_eq!(
            time_line("END 1:38 P.M. EST").map(|x| x.1.to_string()),
            Some("13:38".into())
        );
        assert!(time_line("2:47 P.M. EST, the President said").is_none());
        assert!(time_line("At 2:47").is_none());
    }
}

/// An ISO 8601 date and time as front matter gives it: `2022-11-15`,
/// `20191204`, `2022-11-15 16:07:33-04:00`, `2021-08-14T07:19:05Z`,
/// `2017-02-09 00:43:12`, `2019-11-05-15-24-08`. The whole text must be the
/// value.
pub(crate) fn iso_datetime(text: &str) -> Option<(Date, Option<Time>, Option<UtcOffset>)> {
    iso_value(text).map(|(d, t, o, _)| (d, t, o))
}

/// A date as a front matter field or a `<meta>` tag gives it: ISO 8601
/// ([`iso_datetime`]), else the whole value read as a date line in English,
/// the language of machine formats (RFC 2822 as feeds write it, ctime,
/// `Date.toString()`): `Tue, 03 Mar 2020 07:15:00 +0100`, `March 3, 2020`.
pub(crate) fn value_datetime(text: &str) -> Option<(Date, Option<Time>, Option<UtcOffset>)> {
    let text = text.trim().trim_matches(['"', '\'']);
    iso_datetime(text).or_else(|| {
        let parts = read(text, crate::lang::lexicon(crate::Language::En))?;
        let date = parts.date.filter(|_| parts.place.is_none())?;
        Some((date, parts.time, parts.utc_offset))
    })
}

/// A whole ISO value: its date, time, offset and zone as written.
type IsoValue<'a> = (Date, Option<Time>, Option<UtcOffset>, Option<&'a str>);

/// [`iso_datetime`], with the zone as written.
fn iso_value(text: &str) -> Option<IsoValue<'_>> {
    let t = text.trim().trim_matches(['"', '\'']);
    if let Ok((rest, (date, time))) = numeric::dashed(t) {
        return rest.is_empty().then_some((date, Some(time), None, None));
    }
    let (rest, (date, time)) = match numeric::basic(t) {
        Ok((rest, (date, Some(time)))) => (rest, (date, Some(time))),
        Ok(("", (date, None))) => return Some((date, None, None, None)),
        Ok(_) => return None,
        Err(_) => {
            let (rest, date) = numeric::ymd(t).ok()?;
            if t.as_bytes().get(4) != Some(&b'-') || !YEARS.contains(&(date.year() as u32)) {
                return None;
            }
            if rest.is_empty() {
                return Some((date, None, None, None));
            }
            let rest = rest.strip_prefix(' ').unwrap_or(rest);
            let (rest, (h, _, m, s)) = (
                digits(2, 2),
                ch(':'),
                digits(2, 2),
                opt(preceded(ch(':'), digits(2, 2))),
            )
                .parse(rest)
                .ok()?;
            let time = Time::new(h as u8, m as u8, s.map(|s| s as u8))?;
            let rest = match rest.strip_prefix(['.', ',']) {
                Some(r) => r.trim_start_matches(|c: char| c.is_ascii_digit()),
                None => rest,
            };
            (rest, (date, Some(time)))
        }
    };
    let z = rest.trim_start();
    if z.is_empty() {
        return Some((date, time, None, None));
    }
    // ISO 8601's offset of hours alone, right after a time (`08:08-08`,
    // as PostgreSQL writes it).
    if time.is_some() && rest.starts_with(['+', '-']) {
        if let Ok(("", (o, 2))) = zone::offset_digits(rest) {
            return Some((date, time, UtcOffset::from_minutes(o), Some(rest)));
        }
    }
    let (r, o) = match zone::bare_offset(z) {
        Ok((r, o)) => (r, UtcOffset::from_minutes(o)),
        Err(_) => {
            let (r, (o, _)) = zone(z).ok()?;
            (r, o)
        }
    };
    let written = &z[..z.len() - r.len()];
    r.trim()
        .is_empty()
        .then_some((date, time, o, Some(written)))
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
        assert_eq!(iso("2022-11-15").as_deref(), Some("2022-11-15 - -"));
        assert_eq!(iso("'2022-01-07'").as_deref(), Some("2022-01-07 - -"));
        assert_eq!(iso("20191204").as_deref(), Some("2019-12-04 - -"));
        assert_eq!(
            iso("2022-11-15 16:07:33-04:00").as_deref(),
            Some("2022-11-15 16:07:33 -04:00")
        );
        assert_eq!(
            iso("2021-08-14T07:19:05Z").as_deref(),
            Some("2021-08-14 07:19:05 +00:00")
        );
        assert_eq!(
            iso("2017-02-09 00:43:12").as_deref(),
            Some("2017-02-09 00:43:12 -")
        );
        assert_eq!(
            iso("2024-01-02T03:04:05.123+0700").as_deref(),
            Some("2024-01-02 03:04:05 +07:00")
        );
    }

    #[test]
    fn an_offset_of_hours_right_after_the_time() {
        assert_eq!(
            iso("2019-11-29 08:08-08").as_deref(),
            Some("2019-11-29 08:08 -08:00")
        );
        assert_eq!(
            iso("2021-05-02 23:31:36.0741+07").as_deref(),
            Some("2021-05-02 23:31:36 +07:00")
        );
        // Apart from the time, two digits are no offset.
        assert_eq!(iso("2019-11-29 08:08 -08"), None);
    }

    #[test]
    fn field_values_in_machine_formats() {
        let value = |s| {
            value_datetime(s).map(|(d, t, o)| {
                format!(
                    "{d} {} {}",
                    t.map_or("-".into(), |t| t.to_string()),
                    o.map_or("-".into(), |o| o.to_string())
                )
            })
        };
        assert_eq!(
            value("Tue, 03 Mar 2020 07:15:00 +0100").as_deref(),
            Some("2020-03-03 07:15:00 +01:00")
        );
        assert_eq!(
            value("'Tue Mar 03 07:15:00 EST 2020'").as_deref(),
            Some("2020-03-03 07:15:00 -05:00")
        );
        assert_eq!(value("March 3, 2020").as_deref(), Some("2020-03-03 - -"));
        assert_eq!(value("2022-11-15").as_deref(), Some("2022-11-15 - -"));
        assert_eq!(value("draft"), None);
        assert_eq!(value("HANOI (Reuters) -"), None);
    }

    #[test]
    fn dashed_timestamps() {
        assert_eq!(
            iso("2019-11-05-15-24-08").as_deref(),
            Some("2019-11-05 15:24:08 -")
        );
        assert_eq!(
            iso("20200303T071500Z").as_deref(),
            Some("2020-03-03 07:15:00 +00:00")
        );
    }

    #[test]
    fn refuses_other_values() {
        for s in [
            "2023-13-01",
            "yesterday",
            "2022-11-15 at noon",
            "201912041",
            "12/09/2019",
        ] {
            assert!(iso_datetime(s).is_none(), "{s}");
        }
    }
}

/// The written cases of `tests/data/datelines.tsv`: one date line a row, in
/// seven languages, with the values it must give (`-` for none) and, in an
/// eighth column where a row has one, the zone as written; a row with no
/// date, time or place is a line that must not be read as a date line.
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

    /// Reads a line in the document's language first, then in every other,
    /// whatever the fast paths say.
    fn read(text: &str, lang: Language) -> Option<DatelineParts<'_>> {
        dateline(text, lexicon(lang)).or_else(|| lang::all().find_map(|l| dateline(text, l)))
    }

    #[test]
    fn every_written_case() {
        let mut failures = Vec::new();
        let mut rows = 0;
        for line in TABLE.lines().skip(1).filter(|l| !l.trim().is_empty()) {
            let cols: Vec<&str> = line.split('\t').collect();
            assert!(cols.len() == 7 || cols.len() == 8, "{line}");
            rows += 1;
            let lang = language(cols[0].trim_end_matches('!'));
            let want = |i: usize| (cols[i] != "-").then(|| cols[i].to_string());
            let got = read(cols[1], lang);
            // The classifier's reading, through `may_hold_date` and the
            // vocabulary, loses nothing.
            assert_eq!(
                super::read(cols[1], lexicon(lang)),
                got,
                "{line}: the fast paths change the reading"
            );
            let got = got.map(|p| {
                (
                    p.date.map(|d| d.to_string()),
                    p.time.map(|t| t.to_string()),
                    p.utc_offset.map(|o| o.to_string()),
                    p.weekday.map(|w| w.name().to_lowercase()),
                    p.place.map(str::to_string),
                )
            });
            let read_as_date_line = (2..=6).any(|i| want(i).is_some());
            let expected = read_as_date_line.then(|| (want(2), want(3), want(4), want(5), want(6)));
            if got != expected {
                failures.push(format!(
                    "{} {:?}: got {got:?}, want {expected:?}",
                    cols[0], cols[1]
                ));
            }
            // The zone as written, where the row gives it.
            if let Some(&zone) = cols.get(7) {
                let got = read(cols[1], lang).and_then(|p| p.zone);
                if got != (zone != "-").then_some(zone) {
                    failures.push(format!("{:?}: zone {got:?}, want {zone:?}", cols[1]));
                }
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
