//! Bylines glued to the end of a paragraph, the line break before them
//! lost (`…Xin cảm ơn bà./. Hoàng Yến/VOV.VN`): where they start.

use super::LONG;
use crate::grammar::byline::{glued_byline, glued_signature};
use crate::grammar::byline_gate::may_end_in_byline;
use crate::lang::Lexicon;
use crate::scan::Para;

/// Where bylines glued to the end of long paragraphs, or of the last
/// paragraph with words, start; in the last long one, a name alone too
/// ([`glued_signature`]): what follows it is short lines, a page's stamp,
/// section and tags at most.
pub(super) fn glued_tails(paras: &[Para<'_>], lex: &Lexicon) -> Vec<(usize, Vec<usize>)> {
    let last = paras.iter().rposition(|p| p.text().len() >= LONG);
    // The last paragraph with words, whatever its length, for a byline
    // that says so by itself (`…talk about it. Dana Frost/COASTWIRE`).
    let last_words = paras.iter().rposition(Para::has_words);
    paras
        .iter()
        .enumerate()
        .filter(|&(i, p)| p.text().len() >= LONG || Some(i) == last_words)
        .filter_map(|(i, p)| {
            let byline = may_end_in_byline(p.text(), lex)
                .then(|| glued_byline(p.text(), lex))
                .flatten();
            let at = byline.or_else(|| {
                (Some(i) == last)
                    .then(|| glued_signature(p.text(), lex))
                    .flatten()
            })?;
            Some((i, vec![at]))
        })
        .collect()
}
