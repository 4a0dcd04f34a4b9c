//! Times of day as date lines write them, in every language of the tables.
//!
//! ```text
//! clock    := CLOCK_WORD                                   -- noon, midi, Mitternacht
//!           | H SP? CLOCK_WORD                             -- 12 noon
//!           | H ":" MM (":" SS (("." | ",") F+)?)? tail    -- 23:06, 07:15:00.123, 3:15 PM
//!           | H "." MM tail                                -- 7.15 pm, 13.15 Uhr, 14.12
//!           | H SP? HOUR_WORD (SP? M{1,2} (SP? MINUTE_WORD)?)? tail
//!                                                          -- 13h, 13 h 15, 13h15, 13 h 15 min,
//!                                                          --   13 Uhr, 13 giờ 15 phút, 8g30
//!           | H SP? MERIDIEM tail                          -- 5 PM, 1 a.m.
//! tail     := (SP? MERIDIEM)? (SP? DAY_PART)? HOUR_WORD?   -- am/pm only after 1 to 12
//! MERIDIEM := am | a.m. | a. m. | pm | p.m. | p. m.        -- any case
//! ```
//!
//! Clock words (noon, midnight), hour and minute words (`h`, `Uhr`, `giờ`,
//! `min`, `phút`) and parts of the day (`chiều`, `de la tarde`, `abends`)
//! come from the [`Lexicon`]; `am` and `pm` are language-neutral. Seconds
//! are kept; a fraction of a second is read and dropped.

use super::digits;
use crate::Time;
use crate::grammar::{longest, longest_of, prefix_ci};
use crate::lang::{DayPart, Lexicon};
use crate::text::{is_alnum, is_alpha};
use nom::IResult;
use nom::error::{Error, ErrorKind};

fn fail(i: &str) -> nom::Err<Error<&str>> {
    nom::Err::Error(Error::new(i, ErrorKind::Verify))
}

/// `am`, `a.m.`, `a. m.`, `pm`, `p.m.`, `p. m.`, any case, at a word's end:
/// whether it is after noon.
fn meridiem(i: &str) -> Option<(&str, bool)> {
    let b = i.as_bytes();
    let pm = match b.first()?.to_ascii_lowercase() {
        b'a' => false,
        b'p' => true,
        _ => return None,
    };
    let rest = &i[1..];
    let rest = if let Some(r) = rest.strip_prefix('.') {
        let r = r.strip_prefix(' ').unwrap_or(r);
        let r = r.strip_prefix(['m', 'M'])?;
        r.strip_prefix('.').unwrap_or(r)
    } else {
        rest.strip_prefix(['m', 'M'])?
    };
    if rest.starts_with(|c: char| is_alnum(c)) {
        return None;
    }
    Some((rest, pm))
}

/// The hour after a meridiem or a part of the day: `None` when it cannot
/// stand with one (`13 pm`).
fn twelve(h: u32, pm: bool) -> Option<u32> {
    match (h, pm) {
        (1..=11, false) => Some(h),
        (12, false) => Some(0),
        (1..=11, true) => Some(h + 12),
        (12, true) => Some(12),
        _ => None,
    }
}

/// An hour word at `i` (`h`, `Uhr`, `giờ`), which may stand right before
/// the minutes (`13h15`).
fn hour_word<'i>(i: &'i str, lex: &Lexicon) -> Option<&'i str> {
    lex.hour_words
        .candidates(i)
        .filter_map(|w| prefix_ci(i, w))
        .filter(|&n| !i[n..].starts_with(|c: char| is_alpha(c)))
        .max()
        .map(|n| &i[n..])
}

fn spaced(i: &str) -> &str {
    i.strip_prefix(' ').unwrap_or(i)
}

/// What may follow a time: a meridiem (after 1 to 12), a part of the day,
/// an hour word (`13.15 Uhr`). Returns the rest and the hour.
fn tail<'i>(i: &'i str, h: u32, lex: &Lexicon, needs_mark: bool) -> Option<(&'i str, u32)> {
    let mut rest = i;
    let mut hour = h;
    let mut marked = false;
    if let Some((r, pm)) = meridiem(spaced(rest)) {
        if let Some(h12) = twelve(h, pm) {
            rest = r;
            hour = h12;
            marked = true;
        }
    }
    if !marked {
        if let Some((n, part)) = longest(spaced(rest), &lex.day_parts) {
            let at = spaced(rest);
            if let Some(h12) = twelve(h, part.after_noon(h)).filter(|_| h <= 12) {
                rest = &at[n..];
                hour = h12;
                marked = true;
            } else if h > 12 && part != DayPart::Morning {
                rest = &at[n..];
                marked = true;
            }
        }
    }
    if let Some(r) = hour_word(spaced(rest), lex) {
        rest = r;
        marked = true;
    }
    (marked || !needs_mark).then_some((rest, hour))
}

/// A time of day (see the module's grammar).
pub(crate) fn clock<'l>(lex: &'l Lexicon) -> impl Fn(&str) -> IResult<&str, Time> + 'l {
    move |i: &str| {
        if let Some((n, h)) = longest(i, &lex.clock_words) {
            return Ok((&i[n..], Time::new(h, 0, None).ok_or_else(|| fail(i))?));
        }
        let (rest, h) = digits(1, 2)(i)?;
        let make = |h: u32, m: u32, s: Option<u32>| {
            let s = s.map(|s| s as u8);
            Time::new(u8::try_from(h).ok()?, u8::try_from(m).ok()?, s)
        };
        let done = |rest, t: Option<Time>| t.map(|t| (rest, t)).ok_or_else(|| fail(i));
        // 12 noon, 12 midnight.
        if let Some((n, ch)) = longest(spaced(rest), &lex.clock_words) {
            if u32::from(ch) == h || (ch == 0 && h == 12) {
                return done(&spaced(rest)[n..], make(u32::from(ch), 0, None));
            }
        }
        // 23:06, 23:06:10, 07:15:00.123
        if let Some(r) = rest.strip_prefix(':') {
            let (r, m) = digits(2, 2)(r)?;
            let (r, s) = match r.strip_prefix(':').map(digits(2, 2)) {
                Some(Ok((r, s))) => {
                    let r = match r.strip_prefix(['.', ',']) {
                        Some(f) if f.starts_with(|c: char| c.is_ascii_digit()) => {
                            f.trim_start_matches(|c: char| c.is_ascii_digit())
                        }
                        _ => r,
                    };
                    (r, Some(s))
                }
                _ => (r, None),
            };
            let (r, h) = tail(r, h, lex, false).ok_or_else(|| fail(i))?;
            return done(r, make(h, m, s));
        }
        // 7.15 pm, 13.15 Uhr, 14.12
        if let Some(r) = rest.strip_prefix('.') {
            if let Ok((r, m)) = digits(2, 2)(r) {
                let (r, h) = tail(r, h, lex, false).ok_or_else(|| fail(i))?;
                return done(r, make(h, m, None));
            }
        }
        // 13h, 13 h 15, 13h15, 13 Uhr, 13 giờ 15 phút
        if let Some(r) = hour_word(spaced(rest), lex) {
            let (r, m) = match digits(1, 2)(spaced(r)) {
                Ok((r2, m)) => {
                    let r2 = match longest_of(spaced(r2), &lex.minute_words) {
                        Some(n) => &spaced(r2)[n..],
                        None => r2,
                    };
                    (r2, m)
                }
                Err(_) => (r, 0),
            };
            let (r, h) = tail(r, h, lex, false).ok_or_else(|| fail(i))?;
            return done(r, make(h, m, None));
        }
        // 5 PM, 1 a.m., 8 giờ tối (read above), 3 de la tarde
        let (r, h) = tail(rest, h, lex, true).ok_or_else(|| fail(i))?;
        done(r, make(h, 0, None))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Language::{self, *};
    use crate::lang::lexicon;

    fn t(lang: Language, s: &str) -> Option<String> {
        match clock(lexicon(lang))(s) {
            Ok(("", t)) => Some(t.to_string()),
            _ => None,
        }
    }

    #[test]
    fn twelve_hour_clocks() {
        for (lang, s, want) in [
            (En, "5 PM", "17:00"),
            (En, "7.15 pm", "19:15"),
            (En, "1 a.m.", "01:00"),
            (En, "12:05 am", "00:05"),
            (En, "2:47 P.M.", "14:47"),
            (Es, "5 p. m.", "17:00"),
            (Es, "5 de la tarde", "17:00"),
            (Pt, "8 da noite", "20:00"),
            (It, "9 di sera", "21:00"),
            (Fr, "8 h du soir", "20:00"),
            (De, "8 Uhr abends", "20:00"),
            (De, "2 Uhr nachts", "02:00"),
            (De, "11 Uhr nachts", "23:00"),
            (De, "12 Uhr mittags", "12:00"),
            (It, "2 di notte", "02:00"),
            (Fr, "2 h de la nuit", "02:00"),
            (Vi, "11 giờ đêm", "23:00"),
            (Vi, "3 giờ chiều", "15:00"),
            (Vi, "8 giờ sáng", "08:00"),
        ] {
            assert_eq!(t(lang, s).as_deref(), Some(want), "{s}");
        }
    }

    #[test]
    fn noon_and_midnight() {
        for (lang, s, want) in [
            (En, "noon", "12:00"),
            (En, "12 noon", "12:00"),
            (En, "midnight", "00:00"),
            (Fr, "midi", "12:00"),
            (Fr, "minuit", "00:00"),
            (De, "Mitternacht", "00:00"),
            (Es, "mediodía", "12:00"),
            (Pt, "meia-noite", "00:00"),
            (It, "mezzogiorno", "12:00"),
            (Vi, "nửa đêm", "00:00"),
        ] {
            assert_eq!(t(lang, s).as_deref(), Some(want), "{s}");
        }
    }

    #[test]
    fn hour_words_of_each_language() {
        for (lang, s, want) in [
            (Fr, "13h", "13:00"),
            (Fr, "13 h 15", "13:15"),
            (Fr, "13 h 15 min", "13:15"),
            (Fr, "14H05", "14:05"),
            (De, "13:15 Uhr", "13:15"),
            (De, "13.15 Uhr", "13:15"),
            (De, "13 Uhr", "13:00"),
            (Pt, "13h15", "13:15"),
            (Pt, "13 horas", "13:00"),
            (Es, "13:15 h", "13:15"),
            (Es, "13.15 horas", "13:15"),
            (It, "13.15", "13:15"),
            (Vi, "13 giờ 15", "13:15"),
            (Vi, "13 giờ 15 phút", "13:15"),
            (Vi, "8g30", "08:30"),
        ] {
            assert_eq!(t(lang, s).as_deref(), Some(want), "{s}");
        }
    }

    #[test]
    fn seconds_are_kept_fractions_dropped() {
        assert_eq!(t(En, "07:15:00").as_deref(), Some("07:15:00"));
        assert_eq!(t(En, "07:15:09.123").as_deref(), Some("07:15:09"));
        assert_eq!(t(De, "07:15:09,5 Uhr").as_deref(), Some("07:15:09"));
        assert_eq!(t(En, "11:59:59 PM").as_deref(), Some("23:59:59"));
    }

    #[test]
    fn refuses_what_is_no_time() {
        for s in [
            "13 pm",
            "25:00",
            "12:60",
            "7",
            "3.5",
            "10 hours",
            "13:05 PMX",
        ] {
            assert_eq!(t(En, s), None, "{s}");
        }
        // A meridiem a 24-hour time cannot take is left for what follows.
        assert!(matches!(clock(lexicon(De))("13:15 am"), Ok((" am", _))));
    }
}
