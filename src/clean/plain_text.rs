//! Cleaning a paragraph of plain text in one pass.
//!
//! Most paragraphs hold nothing but printable ASCII, the Latin, Vietnamese
//! and punctuation characters [`plain`](super::plain) vouches for, and
//! white space: a hard-wrapped paragraph's line breaks, the no-break
//! spaces and double spaces of a scraped page. Cleaning such a text only
//! folds its white space, so it is read once, a run of plain bytes at a
//! time, and copied a run at a time. Any other character (an entity, a
//! tag, an invisible character, a combining mark, a letter outside those
//! ranges) leaves the text to the general reading of
//! [`clean_with`](super::clean_with).
//!
//! The runs are found from a bit mask of the bytes that end them
//! ([`Breaks`]), read a block at a time.

use super::stop_mask::{StopMask, StopRule};
use super::{narrow, white_len};

/// What [`clean_plain`] made of a text it could clean.
pub(super) enum Plain {
    /// The text needs no cleaning.
    Unchanged,
    /// The cleaned text and its map, as [`Cleaned`](super::Cleaned) holds
    /// it.
    Cleaned(String, Vec<(u32, u32)>),
}

/// Cleans `text` (trimmed of blank characters at both ends; its first
/// byte stands `lead` bytes into the raw text) if it holds only plain
/// printable ASCII (but `&`, and `<` in `markup`), white space the
/// general reading folds without decoding it (see [`fold_len`]), and
/// characters outside ASCII that are [`plain`](super::plain) and visible.
/// `None` for any other text.
///
/// The result is what the general reading makes of it, map included: a
/// run of white space becomes one space, which stands where the run
/// starts; the text after it is marked where it starts in the raw text
/// when the run was longer than one byte (a one-byte run keeps the offset).
pub(super) fn clean_plain(text: &str, lead: usize, markup: bool) -> Option<Plain> {
    let bytes = text.as_bytes();
    let mut breaks = Breaks::new(bytes, markup);
    let mut runs = Runs::new();
    let mut i = 0;
    loop {
        let j = breaks.first(i, bytes.len());
        if j >= bytes.len() {
            break;
        }
        let white = fold_len(bytes, j);
        if white == 0 {
            i = j + plain_len(bytes, j)?;
            continue;
        }
        // A run of white space, from the space before `j` if there is
        // one (a break at a space is a double space: no space stands
        // before it).
        let start = if j > i && bytes[j - 1] == b' ' {
            j - 1
        } else {
            j
        };
        let mut k = j + white;
        while k < bytes.len() {
            match fold_len(bytes, k) {
                0 => break,
                n => k += n,
            }
        }
        runs.push(narrow(start), narrow(k));
        i = k;
    }
    if runs.len == 0 {
        return Some(Plain::Unchanged);
    }
    Some(write(text, lead, runs.as_slice()))
}

/// The cleaned text of `text` whose `runs` of white space (start and end,
/// ascending) each fold to one space, and its map: both allocated once,
/// at their size.
fn write(text: &str, lead: usize, runs: &[(u32, u32)]) -> Plain {
    let (mut len, mut entries) = (text.len(), 1);
    for &(start, end) in runs {
        len -= (end - start - 1) as usize;
        entries += usize::from(end - start != 1);
    }
    let mut out = String::with_capacity(len);
    let mut map = Vec::with_capacity(entries);
    map.push((0, narrow(lead)));
    let mut copied = 0;
    for &(start, end) in runs {
        out.push_str(&text[copied..start as usize]);
        out.push(' ');
        if end - start != 1 {
            map.push((narrow(out.len()), narrow(lead) + end));
        }
        copied = end as usize;
    }
    out.push_str(&text[copied..]);
    Plain::Cleaned(out, map)
}

/// How many runs of white space [`Runs`] holds before it needs the heap.
const RUNS_ON_STACK: usize = 16;

/// The runs of white space a text's cleaning folds, start and end: on the
/// stack for all but long texts.
struct Runs {
    stack: [(u32, u32); RUNS_ON_STACK],
    len: usize,
    /// Every run, once there are more than the stack holds.
    heap: Vec<(u32, u32)>,
}

impl Runs {
    fn new() -> Self {
        Runs {
            stack: [(0, 0); RUNS_ON_STACK],
            len: 0,
            heap: Vec::new(),
        }
    }

    fn push(&mut self, start: u32, end: u32) {
        if self.len < RUNS_ON_STACK {
            self.stack[self.len] = (start, end);
        } else {
            if self.len == RUNS_ON_STACK {
                self.heap.extend_from_slice(&self.stack);
            }
            self.heap.push((start, end));
        }
        self.len += 1;
    }

    fn as_slice(&self) -> &[(u32, u32)] {
        if self.len <= RUNS_ON_STACK {
            &self.stack[..self.len]
        } else {
            &self.heap
        }
    }
}

/// The bytes where [`clean_plain`] stops: every byte outside printable
/// ASCII and the space, `&` (and `<` in markup), and a space followed by
/// another. A single space between words, the most common byte that is
/// not a letter, stops nothing; one before white space is found from the
/// break after it.
struct Break;

impl StopRule for Break {
    #[inline(always)]
    fn stops<const MARKUP: bool>(b: u8, next: u8) -> bool {
        let hard = !(b' '..=b'~').contains(&b) | (b == b'&') | (MARKUP & (b == b'<'));
        hard | ((b == b' ') & (next == b' '))
    }
}

/// The breaks of one text, a block at a time.
type Breaks<'b> = StopMask<'b, Break>;

/// The length of the white space character at `j` of `bytes` that
/// [`clean_plain`] folds, 0 if there is none there: what [`white_len`]
/// folds, but for the vertical tab, which the general reading keeps in a
/// text that needs no other change (and folds in one that does).
#[inline]
fn fold_len(bytes: &[u8], j: usize) -> usize {
    if bytes[j] == VERTICAL_TAB {
        0
    } else {
        white_len(bytes, j)
    }
}

/// U+000B, the vertical tab.
const VERTICAL_TAB: u8 = 0x0B;

/// The length of the character whose first byte, outside ASCII, stands
/// at `j` of `bytes` (valid UTF-8) if it is [`plain`](super::plain) and
/// neither white space nor invisible (see
/// [`plain_visible`](super::plain_visible)); `None` if it is not. Read
/// from its UTF-8 bytes, with no decoding:
///
/// - `C2 xx`: U+0080 to U+00BF, but for U+0085, U+00A0 and U+00AD;
/// - `C3` to `CB`: U+00C0 to U+02FF;
/// - `E1 B8` to `E1 BB`: U+1E00 to U+1EFF;
/// - `E2 80 90` to `E2 80 A7`, `E2 80 B0` to `E2 81 9E`: U+2010 to
///   U+2027, U+2030 to U+205E.
#[inline]
fn plain_len(bytes: &[u8], j: usize) -> Option<usize> {
    let second = || bytes.get(j + 1).copied().unwrap_or(0);
    let plain = match bytes[j] {
        0xC2 => !matches!(second(), 0x85 | 0xA0 | 0xAD),
        0xC3..=0xCB => true,
        0xE1 => (0xB8..=0xBB).contains(&second()),
        0xE2 => matches!(
            (second(), bytes.get(j + 2).copied().unwrap_or(0)),
            (0x80, 0x90..=0xA7 | 0xB0..=0xBF) | (0x81, 0x80..=0x9E)
        ),
        _ => false,
    };
    plain.then(|| if bytes[j] < 0xE0 { 2 } else { 3 })
}

#[cfg(test)]
mod tests {
    use super::super::{Cleaned, clean_general, clean_with, plain_visible};
    use super::*;
    use std::borrow::Cow;

    #[test]
    fn plain_characters_are_known_by_their_bytes() {
        for c in '\u{80}'..=char::MAX {
            let mut buf = [0; 4];
            let s = c.encode_utf8(&mut buf);
            let want = plain_visible(c).then_some(s.len());
            assert_eq!(plain_len(s.as_bytes(), 0), want, "{c:?}");
        }
    }

    #[test]
    fn breaks_are_found_as_a_byte_at_a_time() {
        let naive = |bytes: &[u8], i: usize, markup: bool| {
            (i..bytes.len())
                .find(|&j| {
                    let b = bytes[j];
                    !(b' '..=b'~').contains(&b)
                        || b == b'&'
                        || (markup && b == b'<')
                        || (b == b' ' && bytes.get(j + 1) == Some(&b' '))
                })
                .unwrap_or(bytes.len())
        };
        for t in texts() {
            let bytes = t.as_bytes();
            for markup in [false, true] {
                let mut breaks = Breaks::new(bytes, markup);
                for i in 0..=bytes.len() {
                    assert_eq!(
                        breaks.first(i, bytes.len()),
                        naive(bytes, i, markup),
                        "{t:?} {i}"
                    );
                }
            }
        }
    }

    /// `raw` cleaned as the general reading alone cleans it.
    fn general(raw: &str, base: usize, markup: bool) -> Cleaned<'_> {
        let trimmed = raw.trim_start_matches(super::super::is_blankish);
        let lead = raw.len() - trimmed.len();
        let trimmed = trimmed.trim_end_matches(super::super::is_blankish);
        clean_general(trimmed, base, lead, &[], markup)
    }

    /// Texts in many scripts and shapes, with every kind of white space
    /// and invisible character, entities, tags and combining marks.
    fn texts() -> Vec<String> {
        let lines = [
            "When the President asked me to serve in this role, we talked about the",
            "Xin cảm ơn ông đã dành thời gian trả lời phỏng vấn, Thứ Năm",
            "Thu\u{31b}\u{301} Na\u{306}m, ngu\u{31b}\u{300}o\u{31b}i ta đô\u{301}t",
            "Grüße aus München: „Das ist ß-Straße“, sagte Müller.",
            "« Pourquoi ? » demande-t-il\u{a0}: c’est l’été\u{202f}!",
            "MS. PSAKI:\u{a0} Good evening, everyone.\u{a0} It’s an honor — really…",
            "Привет, мир. 日本語のテキスト. Ελληνικά",
            "Q. How?\r\nA. Well\r\n",
        ];
        let mut texts: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
        texts.push(lines.join("\n"));
        texts.push(lines[..2].join("  \n"));
        texts.push(lines[..2].join(" \u{a0}\n\t "));
        // More runs than the stack holds.
        texts.push(format!("{}x", "word \u{a0}\nand\n".repeat(RUNS_ON_STACK)));
        let inserts = [
            "  ",
            "\n",
            "\r\n",
            "\t",
            "\r",
            "\x0b",
            "\x0c",
            "\0",
            "\u{7f}",
            "&amp;",
            "&nbsp;",
            "& ",
            "<b>",
            "</strong>",
            "<p>",
            "<",
            "’",
            "—",
            "“ok”",
            "\u{a0}",
            "\u{a0} ",
            " \u{a0}",
            "\u{85}",
            "\u{ad}",
            "\u{200b}",
            "\u{200b}\u{301}",
            "\u{2003}",
            "\u{3000}",
            "\u{202f}",
            "ẩ",
            "\u{1e00}",
            "\u{1eff}",
            "\u{1f00}",
            "ñ",
            "\u{2ff}",
            "\u{300}",
            "e\u{301}",
            "\u{301}",
            "\u{2028}",
            "\u{2060}",
            "\u{feff}",
            "\u{2030}",
            "\u{205f}",
            "\u{2010}",
            "\u{2027}",
            "\u{205e}",
            "Å",
            "\u{1F600}",
            " ’ ",
            " \n ",
        ];
        let line = lines.join(" ");
        for stop in inserts {
            for at in [0, 1, 5, 31, 32, 33, 40, 63, 64, 65, 100, 200] {
                let at = (0..=at.min(line.len()))
                    .rev()
                    .find(|&i| line.is_char_boundary(i))
                    .unwrap_or(0);
                let mut t = line.clone();
                t.insert_str(at, stop);
                texts.push(t.clone());
                t.insert_str(at / 2, " \u{a0}\n");
                texts.push(t);
            }
        }
        for stop in inserts {
            texts.push(format!("  {stop}  word{stop}"));
            texts.push(format!("{stop}a{stop}{stop}b {stop} c"));
        }
        texts
    }

    #[test]
    fn one_pass_cleans_as_the_general_reading_does() {
        for t in texts() {
            for markup in [false, true] {
                let hidden: Option<&[crate::Span]> = markup.then_some(&[]);
                let got = clean_with(&t, 7, hidden);
                let want = general(&t, 7, markup);
                assert_eq!(got, want, "{t:?}");
                assert_eq!(
                    matches!(got.text, Cow::Borrowed(_)),
                    matches!(want.text, Cow::Borrowed(_)),
                    "{t:?}"
                );
                assert_eq!(got.map, want.map, "{t:?}");
            }
        }
    }

    #[test]
    fn one_pass_takes_the_common_texts() {
        for t in [
            "When the President\nasked me.\u{a0} It’s an\u{a0}\nhonor — “ok”.",
            "Xin cảm ơn ông\r\nđã dành",
            "  Grüße  aus\tMünchen  ",
        ] {
            assert!(
                matches!(clean_plain(t.trim(), 0, false), Some(Plain::Cleaned(..))),
                "{t:?}"
            );
        }
        assert!(matches!(
            clean_plain("c’est l’été", 0, true),
            Some(Plain::Unchanged)
        ));
        for t in ["a &amp; b", "e\u{301}", "a\u{200b}b", "日本", "a\u{2003}b"] {
            assert!(clean_plain(t, 0, false).is_none(), "{t:?}");
        }
        assert!(clean_plain("a <b>", 0, true).is_none());
    }
}
