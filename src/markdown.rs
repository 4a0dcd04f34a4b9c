//! Markdown in cleaned text: what a reader does not see is taken out of
//! the text of every node, while spans keep pointing at the raw input.
//!
//! ```text
//! escape   := "\" PUNCT                    -> PUNCT
//! image    := "![" alt "](" url ")"        -> alt
//! link     := "[" text "](" url ")" | "[" text "][" ref "]"   -> text
//! strong   := "**" x "**" | "__" x "__"    -> x
//! emphasis := "*" x "*" | "_" x "_"        -> x   (not inside a word for "_")
//! code     := "`" x "`"                    -> x
//! ```
//!
//! Only documents that show Markdown (front matter, headings, emphasis,
//! links, escapes) are read this way; in plain text `snake_case` and
//! `5*3*2` stay as written.

use crate::text::is_alnum;
use crate::text::{any_byte, find_within};
use std::borrow::Cow;

/// The most bytes from a link's `[` to its `]`.
const MAX_LINK_TEXT: usize = 400;
/// The most bytes from the `(` after a link's text to its `)`.
const MAX_LINK_URL: usize = 800;
/// The most bytes from the `[` of a link's reference to its `]`.
const MAX_LINK_REF: usize = 100;

/// Characters a backslash escapes in Markdown.
const ESCAPABLE: &str = "\\`*_{}[]()#+-.!\"'<>|~";

/// The text without its Markdown syntax; borrowed when there is none.
pub(crate) fn strip(text: &str) -> Cow<'_, str> {
    if !has_sign(text.as_bytes()) {
        return Cow::Borrowed(text);
    }
    // Each pass runs only where its sign occurs, and the text before it is
    // dropped as soon as it has been read: a long paragraph is held at
    // most twice, never four times.
    let mut out = Cow::Borrowed(text);
    if out.contains('[') {
        out = Cow::Owned(strip_links(&out));
    }
    if any_byte(out.as_bytes(), |b| (b == b'*') | (b == b'_') | (b == b'`')) {
        out = Cow::Owned(strip_emphasis(&out));
    }
    if out.contains('\\') {
        out = Cow::Owned(strip_escapes(&out));
    }
    if out == text {
        Cow::Borrowed(text)
    } else {
        out
    }
}

/// Whether `bytes` hold any of the five signs Markdown syntax starts with
/// (`\\`, `*`, `_`, `[`, `` ` ``). All are ASCII, and four of them stand
/// in `[` to `` ` `` (with `]` and `^`, rare in prose): one pass in vector
/// code over the text tells that none is there, the common case, and the
/// two searches (for three bytes, then two) tell only where a byte of
/// that range is. (Testing each of the five bytes in one pass, with
/// [`any_byte`](crate::text::any_byte), made Markdown stripping about
/// seven times dearer on the briefings.)
fn has_sign(bytes: &[u8]) -> bool {
    let range = |b: u8| u8::from(b.wrapping_sub(b'[') <= b'`' - b'[') | u8::from(b == b'*');
    // A block's flags are or-ed into as many lanes, in vector code; the
    // last block is padded with NUL, which is in no range: no byte is read
    // one at a time (the tail of a paragraph cost more than the rest).
    let mut lanes = [0u8; SIGN_BLOCK];
    let mut blocks = bytes.chunks_exact(SIGN_BLOCK);
    for block in &mut blocks {
        for (lane, &b) in lanes.iter_mut().zip(block) {
            *lane |= range(b);
        }
    }
    let rest = blocks.remainder();
    let mut padded = [0u8; SIGN_BLOCK];
    padded[..rest.len()].copy_from_slice(rest);
    for (lane, &b) in lanes.iter_mut().zip(&padded) {
        *lane |= range(b);
    }
    lanes.iter().fold(0, |acc, &l| acc | l) != 0
        && (memchr::memchr3(b'\\', b'*', b'_', bytes).is_some()
            || memchr::memchr2(b'[', b'`', bytes).is_some())
}

/// How many bytes [`has_sign`] reads at once, in vector code.
const SIGN_BLOCK: usize = 32;

fn strip_escapes(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' && chars.peek().is_some_and(|n| ESCAPABLE.contains(*n)) {
            continue;
        }
        out.push(c);
    }
    out
}

/// `[text](url)`, `[text][ref]` and `![alt](src)` become their text.
fn strip_links(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('[') {
        let escaped = rest[..i].ends_with('\\');
        let (head, tail) = rest.split_at(i);
        let bang = head.ends_with('!') && !escaped;
        out.push_str(if bang { &head[..head.len() - 1] } else { head });
        // Each search reads no further than the longest text, url or
        // reference it accepts: a `[` never closed costs its window, not
        // the rest of the text.
        let close = find_within(tail.as_bytes(), b']', MAX_LINK_TEXT)
            .filter(|&c| !tail[1..c].contains('['));
        let target = close.and_then(|c| {
            let after = &tail[c + 1..];
            let end = match after.chars().next() {
                Some('(') => find_within(after.as_bytes(), b')', MAX_LINK_URL)?,
                Some('[') => find_within(after.as_bytes(), b']', MAX_LINK_REF)?,
                _ => return None,
            };
            Some(c + 1 + end + 1)
        });
        match (close, target) {
            (Some(c), Some(end)) if !escaped => {
                out.push_str(&tail[1..c]);
                rest = &tail[end..];
            }
            _ => {
                if bang {
                    out.push('!');
                }
                out.push('[');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Emphasis and code spans lose their markers: a run of `*`, `_` or `` ` ``
/// that opens (text after it) and a run of the same length that closes it
/// (text before it) later in the text. An unpaired marker stays
/// (`kx_$sudo`, `5 * 3`).
fn strip_emphasis(s: &str) -> String {
    let bytes = s.as_bytes();
    // Runs: (start, len, byte, can open, can close).
    let mut runs: Vec<(usize, usize, u8, bool, bool)> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if matches!(b, b'*' | b'_' | b'`') && (i == 0 || bytes[i - 1] != b'\\') {
            let run = bytes[i..].iter().take_while(|&&x| x == b).count();
            let before = s[..i].chars().next_back();
            let after = s[i + run..].chars().next();
            let intraword =
                b == b'_' && before.is_some_and(is_alnum) && after.is_some_and(is_alnum);
            let opens = after.is_some_and(|c| !c.is_whitespace()) && !intraword;
            let closes = before.is_some_and(|c| !c.is_whitespace()) && !intraword;
            if run <= 3 && (opens || closes) {
                runs.push((i, run, b, opens, closes));
            }
            i += run;
            continue;
        }
        i += 1;
    }
    // Pair each closer with the latest opener of its kind (byte and
    // length) still open; the openers after that one are closed with it.
    // A stack for each kind keeps that a look at its top, however many
    // openers wait: each opener is pushed and popped once.
    let mut drop = vec![false; runs.len()];
    let mut open: [Vec<usize>; 9] = Default::default();
    let kind = |b: u8, len: usize| {
        let by = match b {
            b'*' => 0,
            b'_' => 1,
            _ => 2,
        };
        by * 3 + (len - 1)
    };
    for k in 0..runs.len() {
        let (_, len, b, opens, closes) = runs[k];
        if closes {
            if let Some(o) = open[kind(b, len)].pop() {
                for stack in &mut open {
                    while stack.last().is_some_and(|&x| x > o) {
                        stack.pop();
                    }
                }
                drop[o] = true;
                drop[k] = true;
                continue;
            }
        }
        if opens {
            open[kind(b, len)].push(k);
        }
    }
    let mut out = String::with_capacity(s.len());
    let mut at = 0;
    for (k, &(start, len, ..)) in runs.iter().enumerate() {
        if drop[k] {
            out.push_str(&s[at..start]);
            at = start + len;
        }
    }
    out.push_str(&s[at..]);
    out
}

fn strip_cow<'a>(c: &mut Cow<'a, str>) {
    let new = match c {
        Cow::Borrowed(s) => match strip(s) {
            Cow::Borrowed(_) => return,
            Cow::Owned(o) => o,
        },
        Cow::Owned(s) => match strip(s) {
            Cow::Borrowed(_) => return,
            Cow::Owned(o) => o,
        },
    };
    *c = Cow::Owned(new);
}

/// Takes Markdown syntax out of the text of every node (not of the front
/// matter, whose values are read as they are).
pub(crate) fn strip_transcript(t: &mut crate::Transcript<'_>) {
    let texts = [
        &mut t.kicker,
        &mut t.headline,
        &mut t.lede,
        &mut t.outlet,
        &mut t.source,
    ];
    for x in texts.into_iter().flatten() {
        strip_cow(&mut x.text);
    }
    if let Some(d) = &mut t.dateline {
        strip_cow(&mut d.text);
    }
    for p in &mut t.participants {
        strip_cow(&mut p.name);
        p.title.iter_mut().for_each(strip_cow);
        p.honorific.iter_mut().for_each(strip_cow);
    }
    for turn in &mut t.turns {
        for p in &mut turn.paragraphs {
            strip_cow(&mut p.text);
        }
        if let Some(m) = &mut turn.marker {
            strip_cow(&mut m.text);
        }
    }
    for c in &mut t.captions {
        strip_cow(&mut c.text);
        if let Some(a) = &mut c.alt {
            strip_cow(&mut a.text);
        }
        if let Some(cr) = &mut c.credit {
            strip_cow(&mut cr.text);
        }
    }
    if let Some(b) = &mut t.byline {
        strip_cow(&mut b.text);
        b.names.iter_mut().for_each(strip_cow);
    }
    for h in &mut t.headings {
        strip_cow(&mut h.text);
    }
}

/// The range of a heading's text without its Markdown marks (`## `,
/// a closing `#`, `**` around it).
pub(crate) fn heading_range(t: &str) -> std::ops::Range<usize> {
    let start = t.len() - t.trim_start_matches('#').trim_start().len();
    let mut r = start..t.len();
    let inner = &t[r.clone()];
    for m in ["**", "__"] {
        if inner.len() > 4 && inner.starts_with(m) && inner.ends_with(m) {
            r = r.start + 2..r.end - 2;
            break;
        }
    }
    let inner = &t[r.clone()];
    let trimmed = inner.trim_end_matches(['#', ' ']);
    r.end = r.start + trimmed.len();
    r
}

/// Whether a text shows Markdown: front matter, headings, emphasis markers,
/// link syntax or escapes, a few times over.
pub(crate) fn looks_like_markdown(text: &str, has_front_matter: bool) -> bool {
    if has_front_matter {
        return true;
    }
    let sample = &text.as_bytes()[..text.len().min(200_000)];
    // One pass over the bytes that can start a sign, stopping at the third
    // sign: `**` (a pair of them counts once), `](`, `\_`, and at a line's
    // start `# `, `## `, `> `, `===`.
    let (mut stars, mut others) = (0usize, 0usize);
    let mut next_free = 0;
    for i in
        memchr::memchr3_iter(b'*', b']', b'\\', sample).chain(memchr::memchr_iter(b'\n', sample))
    {
        let rest = &sample[i..];
        match rest[0] {
            // `**` counted without overlap, as `str::matches` counts it.
            b'*' if i >= next_free && rest.starts_with(b"**") => {
                stars += 1;
                next_free = i + 2;
            }
            b']' if rest.starts_with(b"](") => others += 1,
            b'\\' if rest.starts_with(b"\\_") => others += 1,
            b'\n'
                if rest.starts_with(b"\n# ")
                    || rest.starts_with(b"\n## ")
                    || rest.starts_with(b"\n> ")
                    || rest.starts_with(b"\n===") =>
            {
                others += 1
            }
            _ => {}
        }
        if stars / 2 + others >= 3 {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signs_are_found_as_a_byte_at_a_time_finds_them() {
        let naive = |b: &[u8]| b.iter().any(|x| b"\\*_[`".contains(x));
        for t in [
            "",
            "plain text, no sign at all",
            "a ] b ^ c",
            "x*y",
            "snake_case",
            "a [link]",
            "`code`",
            "back\\slash",
            "Thứ Năm — “ok” …",
            "^]^]^]",
        ] {
            for n in [1, 3, 40] {
                let long = t.repeat(n);
                assert_eq!(has_sign(long.as_bytes()), naive(long.as_bytes()), "{t:?}");
            }
        }
        // Every byte value, alone and after a long plain text.
        for b in 0..=255u8 {
            let mut v = vec![b'a'; 100];
            v.push(b);
            assert_eq!(has_sign(&v), naive(&v), "{b}");
            assert_eq!(has_sign(&[b]), naive(&[b]), "{b}");
        }
    }

    #[test]
    fn markdown_is_told_by_three_signs() {
        assert!(looks_like_markdown("**a** and **b** and **c**", false));
        assert!(!looks_like_markdown("**a** and **b**", false));
        assert!(!looks_like_markdown("a ***** b", false));
        assert!(looks_like_markdown("x\n# H\n## I\n> q", false));
        assert!(looks_like_markdown("[a](b) [c](d) [e](f)", false));
        assert!(!looks_like_markdown("plain text, no signs at all", false));
        assert!(looks_like_markdown("", true));
    }

    #[test]
    fn markdown_syntax_comes_out() {
        assert_eq!(strip("**Q: Why now?**"), "Q: Why now?");
        assert_eq!(
            strip("see [the report](https://x.org/a) today"),
            "see the report today"
        );
        assert_eq!(strip("[Anusha KP][a] wrote"), "Anusha KP wrote");
        assert_eq!(strip("![A lamp](a.jpg)"), "A lamp");
        assert_eq!(
            strip("an _italic_ and *starred* word"),
            "an italic and starred word"
        );
        assert_eq!(
            strip("Karine\\_Jean-Pierre \\[sic\\]"),
            "Karine_Jean-Pierre [sic]"
        );
        assert_eq!(strip("`code` here"), "code here");
    }

    #[test]
    fn plain_text_stays() {
        assert!(matches!(strip("Nothing to see."), Cow::Borrowed(_)));
        assert_eq!(strip("snake_case_name stays"), "snake_case_name stays");
        assert_eq!(strip("5 * 3 = 15"), "5 * 3 = 15");
        assert_eq!(strip("by kx_$sudo"), "by kx_$sudo");
        assert_eq!(strip("**Lukas**: fine"), "Lukas: fine");
        assert_eq!(strip("[sic] stays"), "[sic] stays");
    }

    #[test]
    fn markdown_is_recognised_by_its_signs() {
        assert!(looks_like_markdown("x", true));
        assert!(looks_like_markdown(
            "# T\n\n**Q:** a\n\n**A:** b\n\n[x](y)\n",
            false
        ));
        assert!(!looks_like_markdown("Plain text with a * star.\n", false));
    }
}
