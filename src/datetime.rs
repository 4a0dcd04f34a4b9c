//! Small calendar value types: [`Date`], [`Time`], [`UtcOffset`], [`Weekday`].
//!
//! They serialise as ISO 8601 strings (`"2019-09-12"`, `"23:06"`,
//! `"+07:00"`) and as lower-case English weekday names (`"thursday"`), and
//! parse back from the same strings.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// A calendar date in the proleptic Gregorian calendar.
///
/// # Example
/// ```
/// use press_transcript::{Date, Weekday};
/// let d = Date::new(2019, 9, 12).unwrap();
/// assert_eq!(d.to_string(), "2019-09-12");
/// assert_eq!(d.weekday(), Weekday::Thursday);
/// assert!(Date::new(2019, 2, 29).is_none());
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

impl Date {
    /// A date, or `None` when no such day exists (month 13, 31 April, 29
    /// February of a common year) or the year lies outside 1..=9999.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if !(1..=9999).contains(&year) || !(1..=12).contains(&month) || day == 0 {
            return None;
        }
        (day <= days_in_month(year, month)).then_some(Date { year, month, day })
    }

    /// The year.
    pub fn year(&self) -> i32 {
        self.year
    }

    /// The month, 1 to 12.
    pub fn month(&self) -> u8 {
        self.month
    }

    /// The day of the month, 1 to 31.
    pub fn day(&self) -> u8 {
        self.day
    }

    /// The day of the week this date falls on.
    pub fn weekday(&self) -> Weekday {
        // Sakamoto's method: 0 = Sunday.
        const T: [i32; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
        let m = self.month as i32;
        let y = if m < 3 { self.year - 1 } else { self.year };
        let w =
            (y + y / 4 - y / 100 + y / 400 + T[(m - 1) as usize] + self.day as i32).rem_euclid(7);
        Weekday::from_sunday_based(w as u8)
    }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A time of day, to the minute (and the second, when the text gives it).
///
/// # Example
/// ```
/// use press_transcript::Time;
/// assert_eq!(Time::new(23, 6, None).unwrap().to_string(), "23:06");
/// assert_eq!(Time::new(9, 5, Some(30)).unwrap().to_string(), "09:05:30");
/// assert!(Time::new(24, 0, None).is_none());
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Time {
    hour: u8,
    minute: u8,
    second: Option<u8>,
}

impl Time {
    /// A time, or `None` when out of range.
    pub fn new(hour: u8, minute: u8, second: Option<u8>) -> Option<Time> {
        (hour < 24 && minute < 60 && second.is_none_or(|s| s < 61)).then_some(Time {
            hour,
            minute,
            second,
        })
    }

    /// The hour, 0 to 23.
    pub fn hour(&self) -> u8 {
        self.hour
    }

    /// The minute, 0 to 59.
    pub fn minute(&self) -> u8 {
        self.minute
    }

    /// The second, when the text gave one.
    pub fn second(&self) -> Option<u8> {
        self.second
    }
}

/// An offset from UTC, in minutes east.
///
/// # Example
/// ```
/// use press_transcript::UtcOffset;
/// assert_eq!(UtcOffset::from_minutes(7 * 60).unwrap().to_string(), "+07:00");
/// assert_eq!(UtcOffset::from_minutes(-4 * 60).unwrap().to_string(), "-04:00");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct UtcOffset {
    minutes: i16,
}

impl UtcOffset {
    /// An offset of `minutes` east of UTC, or `None` beyond ±18 hours.
    pub fn from_minutes(minutes: i16) -> Option<UtcOffset> {
        (minutes.abs() <= 18 * 60).then_some(UtcOffset { minutes })
    }

    /// Minutes east of UTC.
    pub fn minutes(&self) -> i16 {
        self.minutes
    }
}

/// A day of the week.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[allow(missing_docs)]
pub enum Weekday {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

impl Weekday {
    fn from_sunday_based(n: u8) -> Weekday {
        use Weekday::*;
        [
            Sunday, Monday, Tuesday, Wednesday, Thursday, Friday, Saturday,
        ][n as usize % 7]
    }

    /// The English name, capitalised.
    pub fn name(&self) -> &'static str {
        match self {
            Weekday::Monday => "Monday",
            Weekday::Tuesday => "Tuesday",
            Weekday::Wednesday => "Wednesday",
            Weekday::Thursday => "Thursday",
            Weekday::Friday => "Friday",
            Weekday::Saturday => "Saturday",
            Weekday::Sunday => "Sunday",
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl fmt::Display for Time {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.hour, self.minute)?;
        if let Some(s) = self.second {
            write!(f, ":{s:02}")?;
        }
        Ok(())
    }
}

impl fmt::Display for UtcOffset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.minutes < 0 { '-' } else { '+' };
        let m = self.minutes.unsigned_abs();
        write!(f, "{sign}{:02}:{:02}", m / 60, m % 60)
    }
}

macro_rules! debug_as_display {
    ($($t:ty),*) => {$(
        impl fmt::Debug for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Display::fmt(self, f)
            }
        }
    )*};
}
debug_as_display!(Date, Time, UtcOffset);

/// The error returned when a string is not an ISO value of the expected kind.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{text}` is not a valid {what} (expected {expected})")]
pub struct ValueError {
    text: String,
    what: &'static str,
    expected: &'static str,
}

fn value_error(text: &str, what: &'static str, expected: &'static str) -> ValueError {
    ValueError {
        text: text.chars().take(40).collect(),
        what,
        expected,
    }
}

fn num<T: FromStr>(s: &str) -> Option<T> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

impl FromStr for Date {
    type Err = ValueError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || value_error(s, "date", "YYYY-MM-DD");
        let mut it = s.splitn(3, '-');
        let (y, m, d) = (it.next(), it.next(), it.next());
        let (Some(y), Some(m), Some(d)) = (y, m, d) else {
            return Err(err());
        };
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return Err(err());
        }
        Date::new(
            num(y).ok_or_else(err)?,
            num(m).ok_or_else(err)?,
            num(d).ok_or_else(err)?,
        )
        .ok_or_else(err)
    }
}

impl FromStr for Time {
    type Err = ValueError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || value_error(s, "time", "HH:MM or HH:MM:SS");
        let parts: Vec<&str> = s.split(':').collect();
        if !(2..=3).contains(&parts.len()) || parts.iter().any(|p| p.len() != 2) {
            return Err(err());
        }
        let sec = match parts.get(2) {
            Some(p) => Some(num(p).ok_or_else(err)?),
            None => None,
        };
        Time::new(
            num(parts[0]).ok_or_else(err)?,
            num(parts[1]).ok_or_else(err)?,
            sec,
        )
        .ok_or_else(err)
    }
}

impl FromStr for UtcOffset {
    type Err = ValueError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || value_error(s, "UTC offset", "+HH:MM");
        let (sign, rest) = match s.as_bytes().first() {
            Some(b'+') => (1, &s[1..]),
            Some(b'-') => (-1, &s[1..]),
            _ => return Err(err()),
        };
        let (h, m) = rest.split_once(':').ok_or_else(err)?;
        if h.len() != 2 || m.len() != 2 {
            return Err(err());
        }
        let (h, m): (i16, i16) = (num(h).ok_or_else(err)?, num(m).ok_or_else(err)?);
        if m >= 60 {
            return Err(err());
        }
        UtcOffset::from_minutes(sign * (h * 60 + m)).ok_or_else(err)
    }
}

macro_rules! serde_as_string {
    ($($t:ty),*) => {$(
        impl Serialize for $t {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }
        impl<'de> Deserialize<'de> for $t {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = std::borrow::Cow::<'de, str>::deserialize(d)?;
                s.parse().map_err(serde::de::Error::custom)
            }
        }
    )*};
}
serde_as_string!(Date, Time, UtcOffset);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekdays_of_known_dates() {
        assert_eq!(Date::new(2019, 9, 12).unwrap().weekday(), Weekday::Thursday);
        assert_eq!(Date::new(2016, 12, 13).unwrap().weekday(), Weekday::Tuesday);
        assert_eq!(Date::new(2000, 2, 29).unwrap().weekday(), Weekday::Tuesday);
        assert_eq!(Date::new(1980, 4, 17).unwrap().weekday(), Weekday::Thursday);
    }

    #[test]
    fn impossible_dates_are_refused() {
        assert!(Date::new(2019, 13, 1).is_none());
        assert!(Date::new(2019, 4, 31).is_none());
        assert!(Date::new(1900, 2, 29).is_none());
        assert!(Date::new(2000, 2, 29).is_some());
        assert!(Date::new(0, 1, 1).is_none());
    }

    #[test]
    fn values_round_trip_through_strings() {
        for s in ["2019-09-12", "0999-01-31"] {
            assert_eq!(s.parse::<Date>().unwrap().to_string(), s);
        }
        for s in ["23:06", "00:00:59"] {
            assert_eq!(s.parse::<Time>().unwrap().to_string(), s);
        }
        for s in ["+07:00", "-04:30", "+00:00"] {
            assert_eq!(s.parse::<UtcOffset>().unwrap().to_string(), s);
        }
    }

    #[test]
    fn malformed_strings_are_refused() {
        for s in ["2019-9-12", "2019-02-30", "x", "", "2019-09-12-1"] {
            assert!(s.parse::<Date>().is_err(), "{s}");
        }
        for s in ["24:00", "9:05", "12:60"] {
            assert!(s.parse::<Time>().is_err(), "{s}");
        }
        for s in ["07:00", "+7", "+19:00", "+05:75"] {
            assert!(s.parse::<UtcOffset>().is_err(), "{s}");
        }
    }
}

/// Conversions to and from [jiff](https://docs.rs/jiff), behind the `jiff`
/// feature.
///
/// ```
/// # #[cfg(feature = "jiff")] {
/// use press_transcript::Date;
/// let d: jiff::civil::Date = Date::new(2019, 9, 12).unwrap().into();
/// assert_eq!(d.to_string(), "2019-09-12");
/// # }
/// ```
#[cfg(feature = "jiff")]
#[cfg_attr(docsrs, doc(cfg(feature = "jiff")))]
mod jiff_conversions {
    use super::*;

    impl From<Date> for jiff::civil::Date {
        fn from(d: Date) -> Self {
            // Our dates are years 1 to 9999 and real days: always in range.
            jiff::civil::Date::new(d.year as i16, d.month as i8, d.day as i8).expect("a valid date")
        }
    }

    impl TryFrom<jiff::civil::Date> for Date {
        type Error = ValueError;
        fn try_from(d: jiff::civil::Date) -> Result<Self, Self::Error> {
            Date::new(i32::from(d.year()), d.month() as u8, d.day() as u8)
                .ok_or_else(|| value_error(&d.to_string(), "date", "a year from 1 to 9999"))
        }
    }

    impl From<Time> for jiff::civil::Time {
        fn from(t: Time) -> Self {
            jiff::civil::Time::new(
                t.hour as i8,
                t.minute as i8,
                t.second.unwrap_or(0).min(59) as i8,
                0,
            )
            .expect("a valid time")
        }
    }

    impl From<jiff::civil::Time> for Time {
        fn from(t: jiff::civil::Time) -> Self {
            let second = (t.second() != 0).then_some(t.second() as u8);
            Time::new(t.hour() as u8, t.minute() as u8, second).expect("jiff times are in range")
        }
    }

    impl From<UtcOffset> for jiff::tz::Offset {
        fn from(o: UtcOffset) -> Self {
            jiff::tz::Offset::from_seconds(i32::from(o.minutes) * 60).expect("within ±18 hours")
        }
    }

    impl TryFrom<jiff::tz::Offset> for UtcOffset {
        type Error = ValueError;
        fn try_from(o: jiff::tz::Offset) -> Result<Self, Self::Error> {
            let minutes = o.seconds() / 60;
            i16::try_from(minutes)
                .ok()
                .and_then(UtcOffset::from_minutes)
                .ok_or_else(|| value_error(&o.to_string(), "UTC offset", "within ±18 hours"))
        }
    }

    impl From<Weekday> for jiff::civil::Weekday {
        fn from(w: Weekday) -> Self {
            use jiff::civil::Weekday as J;
            match w {
                Weekday::Monday => J::Monday,
                Weekday::Tuesday => J::Tuesday,
                Weekday::Wednesday => J::Wednesday,
                Weekday::Thursday => J::Thursday,
                Weekday::Friday => J::Friday,
                Weekday::Saturday => J::Saturday,
                Weekday::Sunday => J::Sunday,
            }
        }
    }

    impl From<jiff::civil::Weekday> for Weekday {
        fn from(w: jiff::civil::Weekday) -> Self {
            use jiff::civil::Weekday as J;
            match w {
                J::Monday => Weekday::Monday,
                J::Tuesday => Weekday::Tuesday,
                J::Wednesday => Weekday::Wednesday,
                J::Thursday => Weekday::Thursday,
                J::Friday => Weekday::Friday,
                J::Saturday => Weekday::Saturday,
                J::Sunday => Weekday::Sunday,
            }
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn values_round_trip_through_jiff() {
            let d = Date::new(2019, 9, 12).unwrap();
            let j: jiff::civil::Date = d.into();
            assert_eq!(Date::try_from(j).unwrap(), d);
            assert_eq!(Weekday::from(j.weekday()), d.weekday());
            let t = Time::new(23, 6, None).unwrap();
            assert_eq!(Time::from(jiff::civil::Time::from(t)), t);
            let o = UtcOffset::from_minutes(-240).unwrap();
            assert_eq!(UtcOffset::try_from(jiff::tz::Offset::from(o)).unwrap(), o);
        }
    }
}
