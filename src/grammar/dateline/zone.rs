//! Time zones as date lines write them: a name (`EST`, `ICT`, `UT`), an
//! offset after `GMT` or `UTC` (`GMT+7`, `UTC-05:30`, `GMT+0100`), a bare
//! offset (`+0700`, `-04:00`), any of them in brackets (`[GMT+7]`,
//! `(GMT+7)`), and the name JavaScript's `Date.toString()` adds in brackets
//! (`GMT+0100 (CET)`, `GMT+0100 (Central European Standard Time)`).
//!
//! ```text
//! zone   := "[" bare "]" | "(" bare ")" | bare (SP? "(" NAME ")")?
//! bare   := ("GMT" | "UTC" | "UT") SP? offset | NAME | offset4
//! offset := ("+" | "-" | "−") h{1,2} (":"? mm)?
//! ```
//!
//! Each parser gives the offset, when the zone names one, and the zone's
//! text as written (without the brackets around it).

use crate::UtcOffset;
use crate::text::{is_alnum, is_alpha};
use nom::IResult;
use nom::error::{Error, ErrorKind};

/// Zone abbreviations and their offsets in minutes (`None`: a zone whose
/// offset changes with the season and the text does not say which, as
/// `ET` for US Eastern time).
pub(super) const ZONES: &[(&str, Option<i16>)] = &[
    ("UTC", Some(0)),
    ("GMT", Some(0)),
    ("UT", Some(0)),
    ("Z", Some(0)),
    ("ICT", Some(420)),
    ("WIB", Some(420)),
    ("SGT", Some(480)),
    ("HKT", Some(480)),
    ("PHT", Some(480)),
    ("AWST", Some(480)),
    ("JST", Some(540)),
    ("KST", Some(540)),
    ("ACST", Some(570)),
    ("AEST", Some(600)),
    ("AEDT", Some(660)),
    ("NZST", Some(720)),
    ("NZDT", Some(780)),
    ("EST", Some(-300)),
    ("EDT", Some(-240)),
    ("CST", Some(-360)),
    ("CDT", Some(-300)),
    ("MST", Some(-420)),
    ("MDT", Some(-360)),
    ("PST", Some(-480)),
    ("PDT", Some(-420)),
    ("AKST", Some(-540)),
    ("AKDT", Some(-480)),
    ("HST", Some(-600)),
    ("BRT", Some(-180)),
    ("BRST", Some(-120)),
    ("AST", Some(-240)),
    ("ADT", Some(-180)),
    ("NST", Some(-210)),
    ("CLT", Some(-240)),
    ("COT", Some(-300)),
    ("PET", Some(-300)),
    ("WAT", Some(60)),
    ("CAT", Some(120)),
    ("SAST", Some(120)),
    ("EAT", Some(180)),
    ("PKT", Some(300)),
    ("IST", None),
    ("ART", Some(-180)),
    ("CET", Some(60)),
    ("CEST", Some(120)),
    ("MEZ", Some(60)),
    ("MESZ", Some(120)),
    ("BST", Some(60)),
    ("WET", Some(0)),
    ("WEST", Some(60)),
    ("EET", Some(120)),
    ("EEST", Some(180)),
    ("MSK", Some(180)),
    ("ET", None),
    ("CT", None),
    ("MT", None),
    ("PT", None),
];

/// The most words of a zone's name in brackets after an offset.
const MAX_NAME_WORDS: usize = 6;

fn fail(i: &str) -> nom::Err<Error<&str>> {
    nom::Err::Error(Error::new(i, ErrorKind::Tag))
}

/// A signed offset: `+7`, `+07`, `+07:00`, `+0700`, `−5`. Gives minutes
/// east and how many digits it has.
pub(super) fn offset_digits(i: &str) -> IResult<&str, (i16, usize)> {
    let sign = i.chars().next().ok_or_else(|| fail(i))?;
    if !matches!(sign, '+' | '-' | '−') {
        return Err(fail(i));
    }
    let rest = &i[sign.len_utf8()..];
    let n = rest.bytes().take_while(u8::is_ascii_digit).count();
    let (h, m, used, count) = match n {
        1 | 2 if rest[n..].starts_with(':') => {
            let mm = rest
                .get(n + 1..n + 3)
                .filter(|m| m.bytes().all(|b| b.is_ascii_digit()))
                .ok_or_else(|| fail(i))?;
            (&rest[..n], mm, n + 3, n + 2)
        }
        1 | 2 => (&rest[..n], "0", n, n),
        4 => (&rest[..2], &rest[2..4], 4, 4),
        _ => return Err(fail(i)),
    };
    let (h, m): (i16, i16) = (
        h.parse().map_err(|_| fail(i))?,
        m.parse().map_err(|_| fail(i))?,
    );
    if h > 18 || m >= 60 || rest[used..].starts_with(|c: char| c.is_ascii_digit()) {
        return Err(fail(i));
    }
    let minutes = h * 60 + m;
    let signed = if sign == '+' { minutes } else { -minutes };
    Ok((&rest[used..], (signed, count)))
}

/// A zone's name from [`ZONES`], upper case, at a word's end.
fn zone_name(i: &str) -> IResult<&str, Option<i16>> {
    // Zone names are upper case: most words are ruled out by their first letter.
    let first = *i
        .as_bytes()
        .first()
        .filter(|b| b.is_ascii_uppercase())
        .ok_or_else(|| fail(i))?;
    let (n, off) = ZONES
        .iter()
        .filter(|(z, _)| {
            z.as_bytes()[0] == first
                && i.starts_with(z)
                && !i[z.len()..].starts_with(|c: char| is_alnum(c))
        })
        .map(|&(z, o)| (z.len(), o))
        .max_by_key(|&(n, _)| n)
        .ok_or_else(|| fail(i))?;
    Ok((&i[n..], off))
}

/// `GMT+7`, `UTC -05:30`, `EST`: the zone and the bytes it took.
fn bare(i: &str) -> IResult<&str, Option<i16>> {
    for base in ["GMT", "UTC", "UT"] {
        if let Some(r) = i.strip_prefix(base) {
            if let Ok((rest, (o, _))) = offset_digits(r.trim_start_matches(' ')) {
                return Ok((rest, Some(o)));
            }
        }
    }
    zone_name(i)
}

/// A bare offset as RFC 2822 and ISO 8601 write it after a time: four
/// digits or hours and minutes (`+0700`, `-04:00`), not a lone hour.
pub(super) fn bare_offset(i: &str) -> IResult<&str, i16> {
    let (rest, (o, digits)) = offset_digits(i)?;
    if digits >= 4 {
        Ok((rest, o))
    } else {
        Err(fail(i))
    }
}

/// A zone's name in brackets after it, as JavaScript writes one in the
/// browser's language: one to [`MAX_NAME_WORDS`] words of letters (`(CET)`,
/// `(Indochina Time)`, `(heure normale d’Europe centrale)`).
fn bracketed_name(i: &str) -> Option<usize> {
    let inner = i.strip_prefix('(')?;
    let end = inner.find(')')?;
    let words: Vec<&str> = inner[..end].split(' ').collect();
    let ok = (1..=MAX_NAME_WORDS).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().any(is_alpha) && w.chars().all(|c| is_alpha(c) || "-'’".contains(c))
        });
    ok.then_some(end + 2)
}

/// A zone, with its text as written (brackets around it left out), and its
/// offset when it has one.
pub(crate) fn zone(i: &str) -> IResult<&str, (Option<UtcOffset>, &str)> {
    let to_offset = |o: Option<i16>| -> Result<Option<UtcOffset>, nom::Err<Error<&str>>> {
        match o {
            None => Ok(None),
            Some(m) => UtcOffset::from_minutes(m).map(Some).ok_or_else(|| fail(i)),
        }
    };
    for (open, close) in [('[', ']'), ('(', ')')] {
        if let Some(inner) = i.strip_prefix(open) {
            let inner = inner.trim_start_matches(' ');
            if let Ok((rest, o)) =
                bare(inner).or_else(|_| bare_offset(inner).map(|(r, o)| (r, Some(o))))
            {
                let text = &inner[..inner.len() - rest.len()];
                if let Some(after) = rest.trim_start_matches(' ').strip_prefix(close) {
                    return Ok((after, (to_offset(o)?, text)));
                }
            }
            return Err(fail(i));
        }
    }
    let (rest, o) = bare(i)?;
    // JavaScript's name of the zone after its offset: `GMT+0100 (CET)`.
    let spaced = rest.trim_start_matches(' ');
    let rest = match bracketed_name(spaced) {
        Some(n) if o.is_some() && i.starts_with("GMT") => &spaced[n..],
        _ => rest,
    };
    Ok((rest, (to_offset(o)?, &i[..i.len() - rest.len()])))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn z(s: &str) -> Option<(String, String, String)> {
        zone(s).ok().map(|(rest, (o, t))| {
            (
                o.map_or("-".into(), |o| o.to_string()),
                t.to_string(),
                rest.to_string(),
            )
        })
    }

    #[test]
    fn zone_forms_and_their_text() {
        let want = |s: &str, o: &str, t: &str| {
            assert_eq!(z(s), Some((o.into(), t.into(), String::new())), "{s}");
        };
        want("[GMT+7]", "+07:00", "GMT+7");
        want("(GMT+7)", "+07:00", "GMT+7");
        want("GMT+07:00", "+07:00", "GMT+07:00");
        want("(UTC-05:30)", "-05:30", "UTC-05:30");
        want("UTC -5", "-05:00", "UTC -5");
        want("EDT", "-04:00", "EDT");
        want("UT", "+00:00", "UT");
        want("Z", "+00:00", "Z");
        want("GMT+0100 (CET)", "+01:00", "GMT+0100 (CET)");
        want(
            "GMT+0100 (Central European Standard Time)",
            "+01:00",
            "GMT+0100 (Central European Standard Time)",
        );
        want("ET", "-", "ET");
        want("(+0700)", "+07:00", "+0700");
    }

    #[test]
    fn refuses_words_and_lone_numbers() {
        assert!(zone("ESTONIA").is_err());
        assert!(zone("Est").is_err());
        assert!(zone("GMTX").is_err());
        assert!(zone("(Reuters)").is_err());
        assert!(bare_offset("+7").is_err());
        assert!(bare_offset("+0700").is_ok());
        assert!(offset_digits("+19").is_err());
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
}
