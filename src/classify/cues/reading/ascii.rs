//! Runs of ASCII letters and digits.
//!
//! A byte loop with one table look-up a byte: a paragraph's words are short,
//! and a test of eight bytes at once on a `u64` cost more than it saved
//! (measured: some 6M instructions over the dev documents).

/// Which bytes are ASCII letters and digits.
static ASCII_ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 0x80 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// Where the run of ASCII letters and digits from byte `i` of `bytes`
/// ends (`i` itself past the end).
#[inline(always)]
pub(super) fn ascii_alnum_end(bytes: &[u8], i: usize) -> usize {
    match bytes.get(i..) {
        Some(rest) => {
            i + rest
                .iter()
                .position(|&b| !ASCII_ALNUM[usize::from(b)])
                .unwrap_or(rest.len())
        }
        None => i,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_end_where_is_ascii_alphanumeric_ends_them() {
        let texts = [
            "",
            "a",
            "abcdefg",
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
            for i in 0..=bytes.len() + 1 {
                let expected = i + bytes
                    .get(i..)
                    .unwrap_or_default()
                    .iter()
                    .take_while(|b| b.is_ascii_alphanumeric())
                    .count();
                assert_eq!(ascii_alnum_end(bytes, i), expected, "{t:?} {i}");
            }
        }
    }
}
