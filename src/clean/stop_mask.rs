//! The bytes of a text where a cleaning run stops, read a block of
//! [`STOP_BLOCK`] bytes at a time and held as a bit mask: a paragraph read
//! piece by piece (between folded white space, entities, curly quotes)
//! reads each byte once, not once more at each piece. What stops a run is
//! a [`StopRule`]: the general cleaner's ([`super`]) and the one-pass
//! cleaner's ([`super::plain_text`]) differ.

/// How many bytes a mask covers: a bit each.
pub(super) const STOP_BLOCK: usize = 64;

/// Which bytes stop a run.
pub(super) trait StopRule {
    /// Whether byte `b`, followed by `next` (NUL past the text's end),
    /// stops a run; `MARKUP` when the text is HTML or Markdown, where `<`
    /// may open a tag. A constant, so that the test of `<` leaves the loop
    /// over plain text.
    fn stops<const MARKUP: bool>(b: u8, next: u8) -> bool;
}

/// The stops of one text under rule `R`, one block's mask held at a time.
pub(super) struct StopMask<'b, R> {
    bytes: &'b [u8],
    markup: bool,
    /// Where the block `mask` holds starts (`usize::MAX` before the first).
    at: usize,
    /// A bit for each byte of the block that stops a run.
    mask: u64,
    rule: std::marker::PhantomData<R>,
}

impl<'b, R: StopRule> StopMask<'b, R> {
    pub(super) fn new(bytes: &'b [u8], markup: bool) -> Self {
        StopMask {
            bytes,
            markup,
            at: usize::MAX,
            mask: 0,
            rule: std::marker::PhantomData,
        }
    }

    /// The text's bytes.
    pub(super) fn bytes(&self) -> &'b [u8] {
        self.bytes
    }

    /// Whether the text is markup.
    pub(super) fn markup(&self) -> bool {
        self.markup
    }

    /// The first stop at or after `i`, or `limit` if none stands before
    /// it. Past the text's end the bytes read as NUL, so a stop may be
    /// found at `limit` when the text ends there.
    #[inline]
    pub(super) fn first(&mut self, i: usize, limit: usize) -> usize {
        let mut j = i;
        while j < limit {
            let block = j - j % STOP_BLOCK;
            if block != self.at {
                self.mask = if self.markup {
                    block_mask::<R, true>(self.bytes, block)
                } else {
                    block_mask::<R, false>(self.bytes, block)
                };
                self.at = block;
            }
            let m = self.mask >> (j - block);
            if m != 0 {
                return (j + m.trailing_zeros() as usize).min(limit);
            }
            j = block + STOP_BLOCK;
        }
        limit
    }
}

/// The multiplier that gathers the low bits of a word's eight bytes into
/// its top byte, in order (each lands on a bit of its own: no carries).
const GATHER_BYTES: u64 = 0x0102_0408_1020_4080;

/// The stops of the block of [`STOP_BLOCK`] bytes of `bytes` from `at`, a
/// bit each, the first the lowest: flagged a byte each in vector code,
/// then gathered eight at a time. Past the end, the bytes read as NUL.
fn block_mask<R: StopRule, const MARKUP: bool>(bytes: &[u8], at: usize) -> u64 {
    let mut padded = [0u8; STOP_BLOCK + 1];
    let block = match bytes.get(at..at + STOP_BLOCK + 1) {
        Some(block) => block,
        None => {
            let rest = &bytes[at..];
            padded[..rest.len()].copy_from_slice(rest);
            &padded
        }
    };
    let mut flags = [0u8; STOP_BLOCK];
    for (f, (&b, &next)) in flags.iter_mut().zip(block.iter().zip(&block[1..])) {
        *f = u8::from(R::stops::<MARKUP>(b, next));
    }
    flags
        .chunks_exact(8)
        .enumerate()
        .fold(0, |mask, (c, word)| {
            let word = u64::from_le_bytes(word.try_into().expect("eight bytes"));
            // Each byte's flag (0 or 1) to a bit of the top byte: the
            // first byte's to its lowest bit.
            mask | ((word.wrapping_mul(GATHER_BYTES) >> 56) << (c * 8))
        })
}
