//! Dates written in digits, and the fast test of whether a line may hold a
//! date at all.
//!
//! ```text
//! dmy      := d{1,2} S SP? d{1,2} S SP? (yyyy | yy)    -- S one of / . - (the same twice; a
//!                                                      --   space only after "."): 12/09/2019,
//!                                                      --   3.3.20, 03/03/20, 3. 3. 20
//! ymd      := yyyy S m{1,2} S d{1,2} ("T" &DIGIT)?     -- 2019-09-12, 2019/09/12, 2014/3/31, 2019-09-12T…
//! basic    := yyyymmdd ("T" hhmm ss?)?                 -- 20200303, 20200303T071500
//! dashed   := yyyy-mm-dd-hh-mm(-ss)?                   -- 2020-03-03-07-15-00
//! ```
//!
//! A two-digit year is read as POSIX `strptime` reads `%y`: from
//! [`PIVOT`] on in the 1900s, below it in the 2000s. Which of two numbers is
//! the day is decided by the values (a number above 12 is the day) and else
//! by the language ([`Lexicon::month_first`](crate::lang::Lexicon));
//! [`Dmy::guessed`] says when only the language decided.

use super::digits;
use crate::{Date, Time};
use nom::IResult;
use nom::error::{Error, ErrorKind};

/// The years a date line's year may be wherever it stands.
pub(super) const YEARS: std::ops::RangeInclusive<u32> = 1800..=2200;

/// The years a date whose form leaves no doubt may have (a month's name,
/// an ISO date): `4 July 1776`, `1776-07-04`.
pub(super) const CLEAR_YEARS: std::ops::RangeInclusive<u32> = 1000..=9999;

/// Two-digit years from this one on are in the 1900s, below it in the
/// 2000s (`69` is 1969, `68` is 2068), as POSIX `strptime` reads `%y`.
pub(super) const PIVOT: u32 = 69;

/// How far before a year outside [`YEARS`] the test looks for the day
/// a month's name stands beside (`4 de julio de 1776`), in bytes.
const DAY_REACH: usize = 24;

fn fail(i: &str) -> nom::Err<Error<&str>> {
    nom::Err::Error(Error::new(i, ErrorKind::Verify))
}

/// A four-digit year within [`YEARS`].
pub(super) fn year(i: &str) -> IResult<&str, i32> {
    let (rest, y) = digits(4, 4)(i)?;
    if YEARS.contains(&y) {
        Ok((rest, y as i32))
    } else {
        Err(fail(i))
    }
}

/// A four-digit year within [`CLEAR_YEARS`], for forms that leave no doubt.
pub(super) fn clear_year(i: &str) -> IResult<&str, i32> {
    let (rest, y) = digits(4, 4)(i)?;
    if CLEAR_YEARS.contains(&y) {
        Ok((rest, y as i32))
    } else {
        Err(fail(i))
    }
}

/// A two-digit year, placed in its century by [`PIVOT`].
pub(super) fn short_year(i: &str) -> IResult<&str, i32> {
    let (rest, y) = digits(2, 2)(i)?;
    let full = if y >= PIVOT { 1900 + y } else { 2000 + y };
    Ok((rest, full as i32))
}

/// The most words a line may hold when its only sign of a date is a weak
/// one (a two-digit year, a year outside [`YEARS`], a wire credit): a date
/// line is mostly its date (`Aktualisiert am 3.3.20, 13:15 Uhr`, `HANOI,
/// March 3 (Reuters) -`), where a sentence with a version number or an
/// amount (`still 2.9.45?`, `floor 45 with about 3000 people`) has more.
const WEAK_SIGN_WORDS: usize = 8;

/// A two-digit year after a month's name and a day, with or without an
/// apostrophe (`oct 7, 70`, `7 oct 70`, `July 10, '96`), where only a time
/// may follow: after spaces and commas, the line ends or a digit stands
/// (`3 March 20:15` and `3 times in 45 days` give no year).
pub(super) fn named_short_year(i: &str) -> IResult<&str, i32> {
    let r = i.strip_prefix(['\'', '’']).unwrap_or(i);
    let (rest, y) = short_year(r)?;
    if ends_date(rest.as_bytes()) {
        Ok((rest, y))
    } else {
        Err(fail(i))
    }
}

/// Whether a two-digit year after a month's name ends the date where the
/// bytes `after` it follow: the line ends, or after at least one space or
/// comma a digit stands (a time).
fn ends_date(after: &[u8]) -> bool {
    let gap = after.iter().take_while(|c| b" \t,".contains(c)).count();
    match after.get(gap) {
        None => true,
        Some(c) => gap > 0 && c.is_ascii_digit(),
    }
}

/// Whether `text` may hold a date line [`dateline`](super::dateline) reads,
/// in any language. Every such line holds one of: a run of exactly four
/// digits within [`YEARS`]; a basic ISO date's run of eight; or, on a line
/// of at most [`WEAK_SIGN_WORDS`] words, a weak sign: a two-digit year in
/// a numeric date (`3.3.20`, `03/03/20`) or after a month's name and a
/// day (`oct 7, 70`), a year outside [`YEARS`] after
/// a day and a word (`4 July 1776`) or opening an ISO date (`1776-07-04`),
/// or, for a wire date line without a year, an agency's credit and a dash
/// at its end after a capital at its start (`HANOI (Reuters) -`), or a
/// place alone before that dash: at most
/// [`BARE_PLACE_WORDS`](super::wire::BARE_PLACE_WORDS) words with no lower-case
/// letter, digit or colon (`ĐÀ NẴNG -`). The
/// parsers read runs of digits whole. One pass over the bytes (and a count
/// of the words where a weak sign stands): most lines with a number fail
/// it, and are then not tried in each language.
pub(crate) fn may_hold_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    let short = || text.split_ascii_whitespace().nth(WEAK_SIGN_WORDS).is_none();
    let trimmed = text.trim_end();
    let head = trimmed.trim_end_matches(['-', '–', '—']);
    if head.len() < trimmed.len() && text.starts_with(|c: char| c.is_uppercase()) {
        let credited = head.trim_end().ends_with([')', '/']);
        if credited && short() {
            return true;
        }
        // A place alone before a spaced dash: capitals, no digit, no colon.
        let bare = head.ends_with(' ')
            && head
                .split_whitespace()
                .nth(super::wire::BARE_PLACE_WORDS)
                .is_none()
            && !head.contains(|c: char| c.is_lowercase() || c.is_ascii_digit() || c == ':');
        if bare {
            return true;
        }
    }
    // The last two runs of digits: (start, end).
    let mut runs: [(usize, usize); 2] = [(usize::MAX, 0); 2];
    let mut i = 0;
    loop {
        i = next_digit(bytes, i);
        if i == bytes.len() {
            break;
        }
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        let len = i - start;
        if len == 8 {
            return true;
        }
        if len == 4 {
            let y: u32 = text[start..i].parse().unwrap_or(0);
            if YEARS.contains(&y) || (clear_wide_year(bytes, start, i) && short()) {
                return true;
            }
        }
        let two_digit_year =
            || short_year_date(bytes, &runs, start) || named_year_run(bytes, start, i);
        if len == 2 && two_digit_year() && short() {
            return true;
        }
        runs = [runs[1], (start, i)];
    }
    false
}

/// Eight bytes of 1, a byte lane's unit in [`next_digit`].
const LANES: u64 = u64::from_ne_bytes([1; 8]);

/// Where the first ASCII digit of `bytes` at or after `i` is, or the end:
/// eight bytes at a time, each lane's sign bit set where its byte is from
/// `0` to `9` (the byte's low seven bits, plus 80, reach 128 from `0` on;
/// 185 less them stays at 128 or more up to `9`; a byte from 128 up is no
/// digit), no lane carrying into the next.
fn next_digit(bytes: &[u8], mut i: usize) -> usize {
    const LOW7: u64 = LANES * 0x7F;
    const SIGN: u64 = LANES * 0x80;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word);
        let low = x & LOW7;
        let digits = (LANES * (0x7F + u64::from(b'9') + 1) - low)
            & !x
            & (low + LANES * (0x7F - u64::from(b'0') + 1))
            & SIGN;
        if digits != 0 {
            return i + (digits.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < bytes.len() && !bytes[i].is_ascii_digit() {
        i += 1;
    }
    i
}

/// The most letters of a word between a day and a year outside [`YEARS`]
/// that is not the month's name: a particle (`4 de julio de 1776`, `the
/// 4th of July 1776`).
const PARTICLE_LETTERS: usize = 3;

/// Whether the run `start..end`, a year outside [`YEARS`], stands where a
/// clear date puts one: opening `yyyy-mm-dd`, or after a day and a word.
fn clear_wide_year(b: &[u8], start: usize, end: usize) -> bool {
    let iso = b.len() >= end + 6
        && b[end] == b'-'
        && b[end + 3] == b'-'
        && [1, 2, 4, 5].iter().all(|&k| b[end + k].is_ascii_digit());
    iso || after_day_and_name(b, start)
}

/// Whether the two-digit run `start..end` may be a year after a month's
/// name and a day (`oct 7, 70`, `7 oct 70`, `July 10, '96`): it ends the
/// date ([`ends_date`]) and stands after a day and a word, an apostrophe
/// before it or not.
fn named_year_run(b: &[u8], start: usize, end: usize) -> bool {
    let ends = ends_date(&b[end..]);
    let start = if start >= 1 && b[start - 1] == b'\'' {
        start - 1
    } else if start >= 3 && b[start - 3..start] == *"’".as_bytes() {
        start - 3
    } else {
        start
    };
    ends && after_day_and_name(b, start)
}

/// Whether a day and a word stand before `start`: back over letters,
/// spaces, periods, commas, dashes and slashes (a month's name and its
/// connectors: `4 de julio de `, `02-Jan-`) to a run of one or two digits,
/// or a month's name before the day (`July 4, `).
fn after_day_and_name(b: &[u8], start: usize) -> bool {
    // Back to a run of one or two digits, with one word longer than a
    // particle at most.
    let letter = |c: u8| c.is_ascii_alphabetic() || c >= 0x80;
    let mut j = start;
    let (mut letters, mut long_words, mut word_len) = (false, 0, 0);
    while j > 0 && start - j < DAY_REACH && !b[j - 1].is_ascii_digit() {
        let c = b[j - 1];
        if letter(c) {
            letters = true;
            word_len += 1;
            if word_len == PARTICLE_LETTERS + 1 {
                long_words += 1;
            }
        } else if b" .,-/".contains(&c) {
            word_len = 0;
        } else {
            return false;
        }
        j -= 1;
    }
    let mut k = j;
    while k > 0 && b[k - 1].is_ascii_digit() {
        k -= 1;
    }
    // `July 4, 1776`: the month's name before the day.
    let named_before = k >= 2 && b[k - 1] == b' ' && letter(b[k - 2]);
    long_words <= 1 && (letters || named_before) && (1..=2).contains(&(j - k))
}

/// Whether the two-digit run at `start` ends `d S d S yy` after the last
/// two runs (S one of `/ . -`, the same twice, a space allowed after `.`).
fn short_year_date(b: &[u8], runs: &[(usize, usize); 2], start: usize) -> bool {
    let [(s1, e1), (s2, e2)] = *runs;
    if s1 == usize::MAX || !(1..=2).contains(&(e1 - s1)) || !(1..=2).contains(&(e2 - s2)) {
        return false;
    }
    let sep = |from: usize, to: usize| -> Option<u8> {
        match &b[from..to] {
            [s] if b"/.-".contains(s) => Some(*s),
            [b'.', b' '] => Some(b'.'),
            _ => None,
        }
    };
    matches!((sep(e1, s2), sep(e2, start)), (Some(a), Some(c)) if a == c)
}

/// A day-month-year date in digits, and whether only the language decided
/// which number is the day.
#[derive(Debug, Clone, Copy)]
pub(super) struct Dmy {
    pub date: Date,
    pub guessed: bool,
}

/// `12/09/2019`, `12.09.2019`, `12-9-2019`, `3.3.20`, `3. 3. 20`,
/// `03/03/20`.
pub(super) fn dmy(month_first: bool) -> impl Fn(&str) -> IResult<&str, Dmy> {
    move |i: &str| {
        let (r, a) = digits(1, 2)(i)?;
        let s1 = r
            .chars()
            .next()
            .filter(|c| "/.-".contains(*c))
            .ok_or_else(|| fail(i))?;
        fn gap(r: &str, s1: char) -> &str {
            if s1 == '.' {
                r.strip_prefix(' ').unwrap_or(r)
            } else {
                r
            }
        }
        let (r, b) = digits(1, 2)(gap(&r[1..], s1))?;
        let r = r.strip_prefix(s1).ok_or_else(|| fail(i))?;
        let r = gap(r, s1);
        let (r, y) = year(r).or_else(|_| short_year(r))?;
        let (d, m) = if a <= 12 && (month_first || b > 12) {
            (b, a)
        } else {
            (a, b)
        };
        let date = Date::new(y, m as u8, d as u8).ok_or_else(|| fail(i))?;
        let guessed = a <= 12 && b <= 12 && a != b;
        Ok((r, Dmy { date, guessed }))
    }
}

/// `2019-09-12`, `2019/09/12`, `2019.09.12`, with a `T` before a time
/// taken along.
pub(super) fn ymd(i: &str) -> IResult<&str, Date> {
    let (r, y) = clear_year(i)?;
    let s = r
        .chars()
        .next()
        .filter(|c| "-/.".contains(*c))
        .ok_or_else(|| fail(i))?;
    // A year outside the usual ones only in ISO's own form, two digits
    // each for the month and the day; in the usual years one will do
    // (`2014/3/31`, `2014-4-8`).
    let usual = YEARS.contains(&(y as u32));
    if !usual && s != '-' {
        return Err(fail(i));
    }
    let least = if usual { 1 } else { 2 };
    let (r, m) = digits(least, 2)(&r[1..])?;
    let r = r.strip_prefix(s).ok_or_else(|| fail(i))?;
    let (r, d) = digits(least, 2)(r)?;
    let date = Date::new(y, m as u8, d as u8).ok_or_else(|| fail(i))?;
    let r = match r.strip_prefix('T') {
        Some(t) if t.starts_with(|c: char| c.is_ascii_digit()) => t,
        _ => r,
    };
    Ok((r, date))
}

fn num(s: &str) -> Option<u32> {
    s.parse().ok()
}

/// `20200303`, `20200303T071500`, `20200303T0715`: a basic ISO date, and
/// its time when one follows.
pub(super) fn basic(i: &str) -> IResult<&str, (Date, Option<Time>)> {
    let (r, _) = digits(8, 8)(i)?;
    let y = num(&i[..4])
        .filter(|y| YEARS.contains(y))
        .ok_or_else(|| fail(i))?;
    let date = Date::new(
        y as i32,
        num(&i[4..6]).unwrap_or(0) as u8,
        num(&i[6..8]).unwrap_or(0) as u8,
    )
    .ok_or_else(|| fail(i))?;
    let Some(t) = r.strip_prefix('T') else {
        return Ok((r, (date, None)));
    };
    let n = t.bytes().take_while(u8::is_ascii_digit).count();
    if n != 4 && n != 6 {
        return Err(fail(i));
    }
    let field = |k: usize| num(&t[k..k + 2]).unwrap_or(99) as u8;
    let second = (n == 6).then(|| field(4));
    let time = Time::new(field(0), field(2), second).ok_or_else(|| fail(i))?;
    let rest = &t[n..];
    let rest = match rest.strip_prefix(['.', ',']) {
        Some(f) if f.starts_with(|c: char| c.is_ascii_digit()) => {
            f.trim_start_matches(|c: char| c.is_ascii_digit())
        }
        _ => rest,
    };
    Ok((rest, (date, Some(time))))
}

/// `2020-03-03-07-15-00`, `2020-03-03-07-15`: a date and time joined by
/// dashes, as some site generators name their posts.
pub(super) fn dashed(i: &str) -> IResult<&str, (Date, Time)> {
    let (r, date) = ymd(i)?;
    fn field(r: &str) -> IResult<&str, u32> {
        let r = r.strip_prefix('-').ok_or_else(|| fail(r))?;
        digits(2, 2)(r)
    }
    let (r, h) = field(r)?;
    let (r, m) = field(r)?;
    let (r, s) = match field(r) {
        Ok((r, s)) => (r, Some(s as u8)),
        Err(_) => (r, None),
    };
    let time = Time::new(h as u8, m as u8, s).ok_or_else(|| fail(i))?;
    Ok((r, (date, time)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_next_digit_read_eight_bytes_at_a_time_is_the_next_read_one_at_a_time() {
        let texts = [
            "",
            "9",
            "Thứ Năm, 12/09/2019, 23:06 [GMT+7]",
            "ạạạạạạạạạạạạ0",
            "°°°°°°°° ¹²³ ٣ ５ 0x",
            "abcdefgh/:;0123456789@",
            "\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}12",
            "Tue, 3 Mar 2020 07:15:00 +0100",
            "no digit at all in this line, only letters and marks…",
        ];
        let mut bytes_seen = 0;
        for t in texts {
            let b = t.as_bytes();
            for i in 0..=b.len() {
                let slow = (i..b.len())
                    .find(|&k| b[k].is_ascii_digit())
                    .unwrap_or(b.len());
                assert_eq!(next_digit(b, i), slow, "{t:?} {i}");
            }
            bytes_seen += b.len();
        }
        // Every byte value, in every lane.
        for v in 0..=255u8 {
            for lane in 0..8 {
                let mut b = [b'x'; 12];
                b[lane] = v;
                let slow = if v.is_ascii_digit() { lane } else { 12 };
                assert_eq!(next_digit(&b, 0), slow, "{v} {lane}");
            }
        }
        assert!(bytes_seen > 100);
    }

    #[test]
    fn a_line_may_hold_a_date_where_a_year_stands() {
        for yes in [
            "Thứ Năm, 12/09/2019, 23:06 [GMT+7]",
            "June 8, 2022",
            "20250731",
            "2019-09-12T23:06:00+07:00",
            "ngày 12 tháng 12 năm 2016",
            "1800 and 2200",
            "2019 9",
            "3.3.20",
            "03/03/20 14:12",
            "3. 3. 20 14.12",
            "4 July 1776",
            "July 4, 1776",
            "4 de julio de 1776",
            "1776-07-04",
            "HANOI (Reuters) -",
            "ĐÀ NẴNG -",
            "RIO DE JANEIRO —",
            "NEW YORK, March 3, 2020 /PRNewswire/ --",
            "NEW YORK, March 3 /PRNewswire/ --",
            "oct 7, 70",
            "7 oct 70",
            "Wed, July 10, '96",
            "Wed, July 10, ’96",
            "Monday, 02-Jan-06 15:04:05 MST",
        ] {
            assert!(may_hold_date(yes), "{yes:?}");
        }
        for no in [
            "SPEAKER 5: Line 12345.",
            "Line 1234.",
            "year 2201 or 1799",
            "tel. 0123456789",
            "",
            "Final score 3-2",
            "v2.10.3",
            "Price: $3.50",
            "Chapter 12",
            "Gọi 0912 345 678",
            "1.2.3",
            "3-2, 6-4",
            "about 3000 people",
            "- A dash-led turn",
            "SPEAKER 5: Line 3000.",
            "MR. SMITH: I think —",
            "THE PRESIDENT: Well, I think —",
            "PARIS-",
            "CURITIBA - O governador disse",
            "ONE TWO THREE FOUR FIVE —",
            "HANOI, March 3 -",
            "- We met on floor 45 with about 3000 people.",
            "We met 3 times in 45 days and more.",
            "The 3 March 20:15 train",
            "Q: Is it version v2.10.3 already, or still 2.9.45?",
            "SPEAKER 5: Chapter 12, section 1.2.45, says the rules apply.",
        ] {
            assert!(!may_hold_date(no), "{no:?}");
        }
    }

    fn d(month_first: bool, s: &str) -> Option<(String, bool)> {
        match dmy(month_first)(s) {
            Ok(("", x)) => Some((x.date.to_string(), x.guessed)),
            _ => None,
        }
    }

    #[test]
    fn two_digit_years_and_the_order_of_day_and_month() {
        assert_eq!(d(false, "3.3.20"), Some(("2020-03-03".into(), false)));
        assert_eq!(d(false, "3. 3. 20"), Some(("2020-03-03".into(), false)));
        assert_eq!(d(false, "03/04/20"), Some(("2020-04-03".into(), true)));
        assert_eq!(d(true, "03/04/20"), Some(("2020-03-04".into(), true)));
        assert_eq!(d(true, "25/04/20"), Some(("2020-04-25".into(), false)));
        assert_eq!(d(false, "04/25/99"), Some(("1999-04-25".into(), false)));
        assert_eq!(d(false, "1.1.68"), Some(("2068-01-01".into(), false)));
        assert_eq!(d(false, "1.1.69"), Some(("1969-01-01".into(), false)));
        assert_eq!(d(false, "3/3-20"), None);
        assert_eq!(d(false, "31/02/20"), None);
        assert_eq!(d(false, "3/3/2"), None);
    }

    #[test]
    fn machine_forms() {
        assert_eq!(ymd("2020-03-03").unwrap().1.to_string(), "2020-03-03");
        assert_eq!(ymd("2020/03/03").unwrap().1.to_string(), "2020-03-03");
        assert_eq!(ymd("1776-07-04").unwrap().1.to_string(), "1776-07-04");
        assert!(ymd("1776/07/04").is_err());
        assert_eq!(ymd("2020-03-03T07:15").unwrap().0, "07:15");
        let (rest, (date, time)) = basic("20200303T071500Z").unwrap();
        assert_eq!((rest, date.to_string()), ("Z", "2020-03-03".into()));
        assert_eq!(time.unwrap().to_string(), "07:15:00");
        assert!(basic("20201303").is_err());
        assert!(basic("20200303T07").is_err());
        let (rest, (date, time)) = dashed("2020-03-03-07-15-00").unwrap();
        assert_eq!((rest, date.to_string()), ("", "2020-03-03".into()));
        assert_eq!(time.to_string(), "07:15:00");
        assert_eq!(dashed("2019-11-05-15-24").unwrap().1.1.to_string(), "15:24");
        assert!(dashed("2019-11-05-25-24").is_err());
    }
}
