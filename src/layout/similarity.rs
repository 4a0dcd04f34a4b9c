//! Whether two short paragraphs say nearly the same thing (an alt text
//! and the caption repeated under it), and the shapes that tell a caption
//! from speech: naming someone, holding one sentence.
//!
//! Words are runs of letters and digits without case, hashed; most pairs
//! are ruled out by 128 bits of each paragraph's word hashes before any
//! two paragraphs' words are compared.

use crate::fnv::Fnv;
use crate::scan::Para;
use crate::text::is_alnum;

/// The most words of a paragraph compared with another (an alt text and a
/// caption hold fewer; a longer paragraph is no near duplicate).
pub(crate) const MAX_COMPARED_WORDS: usize = 80;

/// The FNV-1a prime, as [`Fnv`] multiplies by it for each byte.
const FNV_PRIME: u64 = 0x0100_0000_01b3;

/// The FNV-1a state `h` after the bytes of `c` as a `u32`, as
/// `Fnv::write_u32` writes them (in the machine's byte order). For an
/// ASCII character on a little-endian machine three of the four bytes are
/// zero, and `x ^ 0` is `x`: one multiplication by the prime's fourth
/// power does.
#[inline]
fn fnv_char(h: u64, c: char) -> u64 {
    const PRIME_POW_4: u64 = FNV_PRIME
        .wrapping_mul(FNV_PRIME)
        .wrapping_mul(FNV_PRIME)
        .wrapping_mul(FNV_PRIME);
    if cfg!(target_endian = "little") && c.is_ascii() {
        return (h ^ u64::from(c as u8)).wrapping_mul(PRIME_POW_4);
    }
    u32::from(c)
        .to_ne_bytes()
        .iter()
        .fold(h, |h, &b| (h ^ u64::from(b)).wrapping_mul(FNV_PRIME))
}

/// Each ASCII byte in lower case when it is a letter or digit, else 0.
const ASCII_WORD_BYTE: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut b = 0u8;
    while b < 128 {
        if b.is_ascii_alphanumeric() {
            t[b as usize] = b.to_ascii_lowercase();
        }
        b += 1;
    }
    t
};

/// The words of `s` (runs of letters and digits) without case, each as a
/// hash (FNV-1a of its lower-case characters, each as a `u32`), written
/// to `out`; how many there were (no more than `out` holds). ASCII is
/// read a byte at a time.
fn word_hashes(s: &str, out: &mut [u64; MAX_COMPARED_WORDS + 1]) -> usize {
    use std::hash::Hasher;
    let basis = Fnv::default().finish();
    let bytes = s.as_bytes();
    let (mut n, mut i) = (0, 0);
    let mut h = basis;
    let mut in_word = false;
    while i < bytes.len() {
        let b = bytes[i];
        let alnum = if b.is_ascii() {
            i += 1;
            let lower = ASCII_WORD_BYTE[usize::from(b)];
            if lower != 0 {
                h = fnv_char(h, char::from(lower));
            }
            lower != 0
        } else {
            let Some(c) = s[i..].chars().next() else {
                break;
            };
            i += c.len_utf8();
            let alnum = is_alnum(c);
            if alnum {
                h = c.to_lowercase().fold(h, fnv_char);
            }
            alnum
        };
        if !alnum && in_word {
            out[n] = h;
            n += 1;
            h = basis;
            if n == out.len() {
                return n;
            }
        }
        in_word = alnum;
    }
    if in_word {
        out[n] = h;
        n += 1;
    }
    n
}

/// How many words `word_hashes` would give, counting no further than one
/// past `MAX_COMPARED_WORDS`.
fn count_words(s: &str) -> usize {
    crate::text::count_runs(
        s,
        MAX_COMPARED_WORDS + 1,
        |b| b.is_ascii_alphanumeric(),
        is_alnum,
    )
}

/// Whether two paragraphs say nearly the same thing (an alt text and its
/// caption): most words of the shorter stand in the longer.
/// Both are short (alt texts and captions run to a few dozen words), and
/// counted before any word is folded, so that a pair of long answers costs
/// one cheap pass.
pub(crate) fn near_duplicate(a: &str, b: &str) -> bool {
    near_duplicate_counted((a, count_words(a)), (b, count_words(b)))
}

/// Whether texts of `na` and `nb` words may say the same thing: both hold
/// a few words, and neither holds much more than twice the other's.
fn comparable(na: usize, nb: usize) -> bool {
    let (short, long) = (na.min(nb), na.max(nb));
    short >= 3 && long <= MAX_COMPARED_WORDS && long <= short * 2 + 2
}

/// The set of `hashes` in 128 bits: bit `h % 128` of each (a caption's
/// forty words set about a quarter of them).
fn hash_bits(hashes: &[u64]) -> u128 {
    hashes.iter().fold(0, |bits, h| bits | 1 << (h % 128))
}

/// Whether texts of `na` and `nb` words, whose words' [`hash_bits`] are
/// `ba` and `bb`, may share seven words in ten of the shorter: a bit one
/// holds and the other lacks stands for a word at least that the other
/// lacks. Never false for a pair [`near_duplicate_counted`] accepts.
fn may_share(na: usize, ba: u128, nb: usize, bb: u128) -> bool {
    let only_a = (ba & !bb).count_ones() as usize;
    let only_b = (bb & !ba).count_ones() as usize;
    let most_common = na.saturating_sub(only_a).min(nb.saturating_sub(only_b));
    most_common * 10 >= na.min(nb) * 7
}

/// Of the shorter text's words, the share (in tenths) the longer must hold
/// for a near duplicate...
const NEAR_DUPLICATE_TENTHS: usize = 7;
/// ...and for a repeat: an alt text and the caption that says it again,
/// where two sentences of one speech said in parallel (`the new crane only
/// affects those who work the crane` / `the new scale only affects those
/// who work the scale`) share less.
const REPEAT_TENTHS: usize = 9;

/// [`near_duplicate`] of two texts whose `count_words` is known.
fn near_duplicate_counted(a: (&str, usize), b: (&str, usize)) -> bool {
    shares(a, b, NEAR_DUPLICATE_TENTHS)
}

/// Whether `tenths` tenths of the shorter text's words stand in the longer,
/// both texts of known `count_words`, comparable in length.
fn shares((a, na): (&str, usize), (b, nb): (&str, usize), tenths: usize) -> bool {
    if !comparable(na, nb) {
        return false;
    }
    let short = na.min(nb);
    let (mut ha, mut hb) = (
        [0u64; MAX_COMPARED_WORDS + 1],
        [0u64; MAX_COMPARED_WORDS + 1],
    );
    let (la, lb) = (word_hashes(a, &mut ha), word_hashes(b, &mut hb));
    let (wa, wb) = (&mut ha[..la], &mut hb[..lb]);
    wa.sort_unstable();
    wb.sort_unstable();
    let (mut i, mut j, mut common) = (0, 0, 0);
    while i < wa.len() && j < wb.len() {
        match wa[i].cmp(&wb[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    common * 10 >= short * tenths
}

/// Whether a paragraph names someone or something: a capitalised word that
/// does not open a sentence.
pub(crate) fn names_someone(text: &str) -> bool {
    let mut opens_sentence = true;
    text.split_whitespace().any(|w| {
        let named = !opens_sentence && w.chars().next().is_some_and(|c| c.is_uppercase());
        opens_sentence = w.ends_with(['.', '!', '?', ':']);
        named
    })
}

/// Whether a text holds more than one sentence.
pub(crate) fn several_sentences(text: &str) -> bool {
    let mut words = text.split_whitespace().peekable();
    while let Some(w) = words.next() {
        let next_capital = words
            .peek()
            .is_some_and(|n| n.chars().next().is_some_and(char::is_uppercase));
        if w.len() > 3 && w.ends_with(['.', '!', '?']) && next_capital {
            return true;
        }
    }
    false
}

/// Each paragraph's word count and word bits, computed when first asked, so
/// that the near-duplicate checks of a document read each paragraph's
/// words once.
pub(crate) struct WordCache {
    /// Each paragraph's `count_words`, counted when first asked
    /// (`u8::MAX`: not yet).
    words: Vec<std::cell::Cell<u8>>,
    /// The last two paragraphs' words as [`hash_bits`], with their
    /// paragraphs: pairs are compared in order, `(i, i + 1)` then
    /// `(i + 1, i + 2)`, so each paragraph is hashed once without a table
    /// of them all.
    word_bits: std::cell::Cell<[(usize, u128); 2]>,
}

// Word counts are cached in a byte, `u8::MAX` standing for "not yet".
const _: () = assert!(MAX_COMPARED_WORDS + 1 < u8::MAX as usize);

impl WordCache {
    /// A cache for `n` paragraphs.
    pub(crate) fn new(n: usize) -> Self {
        WordCache {
            words: vec![std::cell::Cell::new(u8::MAX); n],
            word_bits: std::cell::Cell::new([(usize::MAX, 0); 2]),
        }
    }

    /// Whether paragraphs `i` and `j` say nearly the same thing.
    pub(crate) fn near_duplicate(&self, paras: &[Para<'_>], i: usize, j: usize) -> bool {
        self.shares(paras, i, j, NEAR_DUPLICATE_TENTHS)
    }

    /// Whether paragraph `j` says again what paragraph `i` says: nine
    /// words in ten of the shorter stand in the longer (a repeat is a near
    /// duplicate too).
    pub(crate) fn repeats(&self, paras: &[Para<'_>], i: usize, j: usize) -> bool {
        self.shares(paras, i, j, REPEAT_TENTHS)
    }

    /// Whether `tenths` tenths of the shorter paragraph's words stand in
    /// the longer; [`may_share`] rules most pairs out first (it asks seven
    /// in ten, the least share asked).
    fn shares(&self, paras: &[Para<'_>], i: usize, j: usize, tenths: usize) -> bool {
        let (a, na) = self.counted(paras, i);
        // Of a pair, both hold between three and the most words compared:
        // when the first does not, the second is not counted.
        if !(3..=MAX_COMPARED_WORDS).contains(&na) {
            return false;
        }
        let (b, nb) = self.counted(paras, j);
        comparable(na, nb)
            && may_share(na, self.word_bits(paras, i), nb, self.word_bits(paras, j))
            && shares((a, na), (b, nb), tenths)
    }

    /// Paragraph `i`'s words as [`hash_bits`].
    fn word_bits(&self, paras: &[Para<'_>], i: usize) -> u128 {
        let [newer, older] = self.word_bits.get();
        if let Some(&(_, bits)) = [newer, older].iter().find(|&&(at, _)| at == i) {
            return bits;
        }
        let mut hashes = [0u64; MAX_COMPARED_WORDS + 1];
        let n = word_hashes(paras[i].text(), &mut hashes);
        debug_assert_eq!(n, self.counted(paras, i).1);
        let bits = hash_bits(&hashes[..n]);
        self.word_bits.set([(i, bits), newer]);
        bits
    }

    /// Paragraph `i`'s text and word count.
    fn counted<'p>(&self, paras: &'p [Para<'_>], i: usize) -> (&'p str, usize) {
        let text = paras[i].text();
        let cell = &self.words[i];
        if cell.get() == u8::MAX {
            // count_words stops one past MAX_COMPARED_WORDS, below u8::MAX.
            cell.set(count_words(text) as u8);
        }
        (text, usize::from(cell.get()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether `b` repeats `a`, as [`WordCache::repeats`] reads two
    /// paragraphs.
    fn repeats(a: &str, b: &str) -> bool {
        shares((a, count_words(a)), (b, count_words(b)), REPEAT_TENTHS)
    }

    /// What [`word_hashes`] replaced: a char at a time, through [`Fnv`].
    fn word_hashes_by_char(s: &str, out: &mut [u64; MAX_COMPARED_WORDS + 1]) -> usize {
        use std::hash::Hasher;
        let mut n = 0;
        let mut h = Fnv::default();
        let mut in_word = false;
        for c in s.chars() {
            let alnum = is_alnum(c);
            if alnum {
                if c.is_ascii() {
                    h.write_u32(u32::from(c.to_ascii_lowercase()));
                } else {
                    c.to_lowercase().for_each(|l| h.write_u32(u32::from(l)));
                }
            }
            if !alnum && in_word {
                out[n] = h.finish();
                n += 1;
                h = Fnv::default();
                if n == out.len() {
                    return n;
                }
            }
            in_word = alnum;
        }
        if in_word {
            out[n] = h.finish();
            n += 1;
        }
        n
    }

    #[test]
    fn words_hashed_a_byte_at_a_time_hash_as_a_char_at_a_time() {
        let long = "word ".repeat(100);
        let texts = [
            "",
            "a",
            "Ông Lê Văn Tám phát biểu tại hội nghị.",
            "Der Bürgermeister Straße: „İstanbul“ — ΟΔΥΣΣΕΑΣ, Œuvre×2÷3",
            "It’s 9:30\u{a0}a.m. — “Quoted” ‘text’… K-9 (KELVIN \u{212a})",
            "  leading and trailing  ",
            long.as_str(),
        ];
        for t in texts {
            let (mut a, mut b) = (
                [0u64; MAX_COMPARED_WORDS + 1],
                [0u64; MAX_COMPARED_WORDS + 1],
            );
            let (na, nb) = (word_hashes(t, &mut a), word_hashes_by_char(t, &mut b));
            assert_eq!(a[..na], b[..nb], "{t:?}");
        }
    }

    #[test]
    fn a_repeat_says_nearly_every_word_again() {
        // An alt text and the caption that says it again.
        assert!(repeats(
            "Ông Lê Văn Tám tại hội nghị",
            "Ông Lê Văn Tám phát biểu tại hội nghị."
        ));
        // Two sentences said in parallel: near duplicates, not repeats.
        let (a, b) = (
            "The parser module only affects people who use the parser.",
            "The printer module only affects people who use the printer.",
        );
        assert!(near_duplicate(a, b) && !repeats(a, b));
        let (a, b) = (
            "La grúa nueva solo afecta a quienes trabajan con la grúa.",
            "La báscula nueva solo afecta a quienes trabajan con la báscula.",
        );
        assert!(near_duplicate(a, b) && !repeats(a, b));
    }

    #[test]
    fn alt_text_and_caption_are_near_duplicates() {
        assert!(near_duplicate(
            "Đồng chí Lương Văn Nam tặng quà cho các hộ gia đình khó khăn",
            "Ông Lương Văn Nam tặng quà cho các hộ gia đình khó khăn tiêu biểu"
        ));
        assert!(!near_duplicate(
            "Tôi nghĩ năm nay sẽ tốt hơn nhiều",
            "Ông Lương Văn Nam tặng quà cho các hộ nghèo"
        ));
        assert!(!near_duplicate("a b", "a b"));
    }

    /// `may_share` on two texts, from their words.
    fn may_share_texts(a: &str, b: &str) -> bool {
        let bits = |s: &str| {
            let mut h = [0u64; MAX_COMPARED_WORDS + 1];
            let n = word_hashes(s, &mut h);
            (n, hash_bits(&h[..n]))
        };
        let ((na, ba), (nb, bb)) = (bits(a), bits(b));
        may_share(na, ba, nb, bb)
    }

    #[test]
    fn the_word_bits_keep_every_near_duplicate_and_rule_out_strangers() {
        // Pairs of every kind: near duplicates (a word or three changed,
        // added or dropped, case changed) and strangers.
        let base = "Ông Lương Văn Nam tặng quà cho các hộ gia đình khó khăn tiêu biểu năm 2019";
        let words: Vec<&str> = base.split(' ').collect();
        let mut pairs: Vec<(String, String)> = Vec::new();
        for cut in 0..words.len() {
            for len in 1..=4 {
                let mut w = words.clone();
                let end = (cut + len).min(w.len());
                w.drain(cut..end);
                pairs.push((base.to_string(), w.join(" ")));
                pairs.push((base.to_uppercase(), w.join(" ")));
                let mut x = words.clone();
                x[cut] = "khác";
                pairs.push((w.join(" "), x.join(" ")));
            }
        }
        let mut accepted = 0;
        for (a, b) in &pairs {
            if near_duplicate(a, b) {
                accepted += 1;
                assert!(
                    may_share_texts(a, b),
                    "ruled out a near duplicate: {a:?} / {b:?}"
                );
            }
        }
        assert!(accepted > pairs.len() / 2);
        assert!(!may_share_texts(
            "The president met the press in the morning",
            "Questions about the budget went unanswered again"
        ));
    }

    #[test]
    fn the_cache_gives_what_the_texts_give() {
        let doc = crate::scan::scan(
            "Ông Nam tặng quà cho các hộ nghèo\nÔng Nam tặng quà cho các hộ nghèo tiêu biểu\nMột câu khác hẳn về chuyện khác\n",
            None,
        );
        let cache = WordCache::new(doc.paragraphs.len());
        assert!(cache.near_duplicate(&doc.paragraphs, 0, 1));
        assert!(!cache.near_duplicate(&doc.paragraphs, 1, 2));
        assert!(cache.near_duplicate(&doc.paragraphs, 0, 1));
    }
}
