//! ASCII letters and digits read eight bytes at a time.
//!
//! A run of ASCII letters and digits is found with one load of a `u64` and
//! a few operations on it (every byte at once, "SWAR") instead of a table
//! look-up and a branch a byte. Bytes outside ASCII are never letters here:
//! the reading tells the letters outside ASCII itself.

/// The byte `1` in every lane of a `u64`.
const LANES: u64 = 0x0101_0101_0101_0101;
/// The high bit of every lane.
const HIGH: u64 = 0x8080_8080_8080_8080;
/// How many bytes a `u64` holds.
const LANE_COUNT: usize = 8;

/// The high bit of each byte of `x` that is an ASCII letter or digit.
///
/// Each test adds to the byte's low seven bits an amount that sets its
/// high bit from a bound on: as no sum passes `0xFF`, no carry crosses a
/// byte.
#[inline(always)]
fn alnum_lanes(x: u64) -> u64 {
    let low = x & !HIGH;
    let at_least = |v: u64, bound: u8| v.wrapping_add(LANES * u64::from(0x80 - bound));
    let digit = at_least(low, b'0') & !at_least(low, b'9' + 1);
    let folded = low | (LANES * 0x20);
    let letter = at_least(folded, b'a') & !at_least(folded, b'z' + 1);
    (digit | letter) & !x & HIGH
}

/// The first of the lanes of `x` (from its low byte) that is no ASCII letter
/// or digit, [`LANE_COUNT`] when all are.
#[inline(always)]
fn first_stop(x: u64) -> usize {
    ((!alnum_lanes(x) & HIGH).trailing_zeros() / 8) as usize
}

/// The eight bytes of `bytes` from `i` as a little-endian `u64`.
#[inline(always)]
fn load(bytes: &[u8], i: usize) -> Option<u64> {
    let chunk = bytes.get(i..)?.first_chunk::<LANE_COUNT>()?;
    Some(u64::from_le_bytes(*chunk))
}

/// Where the run of ASCII letters and digits from byte `i` of `bytes`
/// ends: `i` plus `bytes[i..].iter().take_while(|b|
/// b.is_ascii_alphanumeric()).count()`.
#[inline(always)]
pub(super) fn ascii_alnum_end(bytes: &[u8], mut i: usize) -> usize {
    while let Some(x) = load(bytes, i) {
        let stop = first_stop(x);
        if stop < LANE_COUNT {
            return i + stop;
        }
        i += LANE_COUNT;
    }
    // The last bytes, fewer than eight: the text's last eight, shifted so
    // that byte `i` comes first and zeros (no letters) follow the end.
    let n = bytes.len();
    if i >= n {
        return n;
    }
    match n.checked_sub(LANE_COUNT).and_then(|from| load(bytes, from)) {
        Some(x) => i + first_stop(x >> (8 * (i + LANE_COUNT - n))),
        None => {
            while bytes.get(i).is_some_and(u8::is_ascii_alphanumeric) {
                i += 1;
            }
            i
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_byte_is_told_as_is_ascii_alphanumeric_tells_it() {
        for b in 0..=255u8 {
            for lane in 0..LANE_COUNT {
                let x = u64::from(b) << (8 * lane);
                let expected = if b.is_ascii_alphanumeric() { 0x80 } else { 0 };
                assert_eq!(alnum_lanes(x) >> (8 * lane) & 0xFF, expected, "{b:#x}");
            }
            // Among every neighbour, carries across lanes would show.
            for c in 0..=255u8 {
                let x = u64::from_le_bytes([b, c, b, c, c, b, 0xFF, 0x00]);
                let lanes = alnum_lanes(x).to_le_bytes();
                for (k, &y) in x.to_le_bytes().iter().enumerate() {
                    assert_eq!(lanes[k] == 0x80, y.is_ascii_alphanumeric(), "{b:#x} {c:#x}");
                }
            }
        }
    }

    #[test]
    fn runs_end_where_a_byte_loop_ends_them() {
        let texts = [
            "",
            "a",
            "abcdefg",
            "abcdefgh",
            "abcdefghi",
            "abcdefghijklmnopq rst",
            "Zz09 ",
            "straße",
            "năm nay",
            "x\u{a0}y",
            "0123456789abcdefXYZ@[`{/:",
            "well-known, isn't it?",
        ];
        for t in texts {
            let bytes = t.as_bytes();
            for i in 0..=bytes.len() {
                let expected = i + bytes[i..]
                    .iter()
                    .take_while(|b| b.is_ascii_alphanumeric())
                    .count();
                assert_eq!(ascii_alnum_end(bytes, i), expected, "{t:?} {i}");
            }
        }
    }
}
