//! Speaker keys: the normal form of a label or name (honorifics and posts
//! dropped, lower-case), the shorter forms a key goes by (`ransome` of
//! `keith ransome`, `ch` of `christian halden`), and the role a label names
//! when it runs the event. The layout counts labels by key; the resolver
//! groups turns by it.

use crate::grammar::label::{Label, LabelKind};
use crate::grammar::longest_of;
use crate::lang::Lexicon;
use crate::model::Role;
use crate::text::is_alnum;
use crate::text::is_capitalised;
use std::collections::HashMap;

/// The key for a question or answer label.
pub(crate) const ASK_KEY: &str = "?q";

pub(crate) const ANSWER_KEY: &str = "?a";

/// The normal form of a label: honorifics and a post dropped, lower-case.
/// Question and answer labels map to [`ASK_KEY`] and [`ANSWER_KEY`].
pub(crate) fn label_key(l: &Label<'_>, lex: &Lexicon) -> String {
    match l.kind {
        LabelKind::Question => return ASK_KEY.into(),
        LabelKind::Answer => return ANSWER_KEY.into(),
        LabelKind::Speaker => {}
    }
    person_key(l.name, lex)
}

/// The normal form of a person's label or name.
pub(crate) fn person_key(name: &str, lex: &Lexicon) -> String {
    let mut s = name.trim();
    // A post after a dash or comma: `Ông X – Giám đốc …`, `NICK FALLOWES, HOST`.
    // Each separator holds a `,`, a `-` or the lead byte of `–` and `—`: a
    // name with none of them (most) is not searched for them.
    if may_hold_post_separator(s) {
        for sep in POST_SEPARATORS {
            if let Some(i) = s.find(sep) {
                s = &s[..i];
            }
        }
    }
    // Honorifics and posts in front.
    while let Some(n) = honorific_len(s, lex) {
        s = s[n..].trim_start();
    }
    // Lower-case title words before a name (`tâm lý Phan Minh Đức`).
    let words: Vec<&str> = s.split(' ').collect();
    if let Some(first_cap) = words.iter().position(|w| is_capitalised(w)) {
        if first_cap > 0 && words[first_cap..].iter().all(|w| is_capitalised(w)) {
            s = &s[s.find(words[first_cap]).unwrap_or(0)..];
        }
    }
    s.trim_matches(|c: char| !is_alnum(c)).to_lowercase()
}

/// What a post after a name follows, in the order they are cut at.
const POST_SEPARATORS: [&str; 4] = [" – ", " - ", " — ", ", "];

/// Whether `s` holds a byte that one of [`POST_SEPARATORS`] holds besides
/// its spaces: a `,`, a `-`, or 0xE2, the first byte of `–` and `—` (a
/// byte no other character of those separators, nor any continuation
/// byte, equals). `false` means none of them occurs in `s`.
fn may_hold_post_separator(s: &str) -> bool {
    s.bytes().any(|b| matches!(b, b',' | b'-' | 0xE2))
}

/// The length of the honorific or post a name opens with (`Ông`, `Chủ
/// tịch`, `Mr.`), in the document's language or in English, when a space
/// follows it.
pub(crate) fn honorific_len(s: &str, lex: &Lexicon) -> Option<usize> {
    let en = crate::lang::lexicon(crate::Language::En);
    longest_of(s, &lex.honorifics)
        .max(longest_of(s, &lex.posts))
        .max(longest_of(s, &en.honorifics))
        .filter(|&n| s[n..].starts_with(' '))
}

/// The role a label names when it names one that runs events
/// (`MODERATOR`, `Operator`, `NICK FALLOWES, HOST` gives host).
pub(crate) fn procedure_role(label: &str, lex: &Lexicon) -> Option<Role> {
    let en = crate::lang::lexicon(crate::Language::En);
    let find = |w: &str| {
        let w = w.trim();
        let lower = w.to_lowercase();
        lex.procedure_roles
            .candidates(w)
            .chain(en.procedure_roles.candidates(w))
            .find(|(r, _)| lower_equals(r, &lower))
            .map(|(_, role)| role)
    };
    find(label).or_else(|| label.rsplit_once(", ").and_then(|(_, suffix)| find(suffix)))
}

/// Whether `s` lower-cased is `lower`, without a lower-cased copy of an
/// ASCII `s` (whose lower case is its ASCII lower case).
pub(crate) fn lower_equals(s: &str, lower: &str) -> bool {
    if s.is_ascii() {
        s.len() == lower.len()
            && s.bytes()
                .zip(lower.bytes())
                .all(|(a, b)| a.to_ascii_lowercase() == b)
    } else {
        s.to_lowercase() == lower
    }
}

/// Whether key `short` is another form of `long`: its last words, or its
/// initials.
pub(crate) fn is_alias(short: &str, long: &str) -> bool {
    if short == long || short.len() >= long.len() {
        return false;
    }
    let lw: Vec<&str> = long.split([' ', '-']).filter(|w| !w.is_empty()).collect();
    let sw: Vec<&str> = short.split([' ', '-']).filter(|w| !w.is_empty()).collect();
    if sw.len() < lw.len() && lw[lw.len() - sw.len()..] == sw[..] {
        return true;
    }
    let initials: String = long.split(' ').filter_map(|w| w.chars().next()).collect();
    sw.len() == 1 && short.chars().count() >= 2 && short == initials
}

/// The most keys sharing a last word that are compared as forms of one
/// another; more (a hundred `… SMITH`) and none is taken for an alias.
const ALIAS_BUCKET_MAX: usize = 32;

/// Keys indexed by their last word and their initials, to find a label's
/// other forms without comparing every pair.
pub(crate) struct AliasIndex<'k> {
    by_last: HashMap<&'k str, Vec<&'k str>>,
    by_initials: HashMap<String, Vec<&'k str>>,
}

fn last_word(k: &str) -> &str {
    k.rsplit([' ', '-']).next().unwrap_or(k)
}

fn initials(k: &str) -> String {
    k.split(' ').filter_map(|w| w.chars().next()).collect()
}

impl<'k> AliasIndex<'k> {
    pub(crate) fn new(keys: impl Iterator<Item = &'k str>) -> Self {
        let mut by_last: HashMap<&str, Vec<&str>> = HashMap::new();
        let mut by_initials: HashMap<String, Vec<&str>> = HashMap::new();
        for k in keys {
            by_last.entry(last_word(k)).or_default().push(k);
            if k.contains(' ') {
                by_initials.entry(initials(k)).or_default().push(k);
            }
        }
        AliasIndex {
            by_last,
            by_initials,
        }
    }

    fn bucket<'s>(
        map: &'s HashMap<impl std::borrow::Borrow<str> + std::hash::Hash + Eq, Vec<&'k str>>,
        at: &str,
    ) -> &'s [&'k str] {
        match map.get(at) {
            Some(v) if v.len() <= ALIAS_BUCKET_MAX => v,
            _ => &[],
        }
    }

    /// The keys `k` is a shorter form of (`ransome` of `keith ransome`, `ch` of
    /// `christian halden`).
    pub(crate) fn longer_forms<'s>(&'s self, k: &'s str) -> impl Iterator<Item = &'k str> + 's {
        Self::bucket(&self.by_last, last_word(k))
            .iter()
            .chain(Self::bucket(&self.by_initials, k))
            .copied()
            .filter(move |long| is_alias(k, long))
    }

    /// The keys that are shorter forms of `k`.
    pub(crate) fn shorter_forms<'s>(&'s self, k: &'s str) -> impl Iterator<Item = &'k str> + 's {
        let init = initials(k);
        let by_init = self
            .by_last
            .get(init.as_str())
            .filter(|_| k.contains(' '))
            .map_or(&[][..], |v| &v[..]);
        Self::bucket(&self.by_last, last_word(k))
            .iter()
            .chain(by_init.iter().take(ALIAS_BUCKET_MAX))
            .copied()
            .filter(move |short| is_alias(short, k))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_are_last_words_or_initials() {
        assert!(is_alias("ransome", "keith ransome"));
        assert!(is_alias("ch", "christian halden"));
        assert!(is_alias("jacquet-roux", "karine jacquet-roux"));
        assert!(!is_alias("keith", "keith ransome"));
        assert!(!is_alias("ransome", "ransome"));
    }

    #[test]
    fn names_without_a_separator_byte_hold_no_post_separator() {
        let names = [
            "Ông Trần Quốc Bảo – Giám đốc Sở Y tế",
            "NICK FALLOWES, HOST",
            "Karine Jacquet-Roux",
            "Jean — le maire",
            "Müller‐Lüdenscheidt",
            "Nguyễn Văn A",
            "M. François Œuvré",
            "Ms.\u{a0}Lee “Dee”",
            "O’Brien …",
            "A - B, C",
            "",
        ];
        for name in names {
            let held = POST_SEPARATORS.iter().any(|sep| name.contains(sep));
            assert!(may_hold_post_separator(name) || !held, "{name}");
        }
    }

    #[test]
    fn keys_drop_honorifics_and_posts() {
        let vi = crate::lang::lexicon(crate::Language::Vi);
        let en = crate::lang::lexicon(crate::Language::En);
        assert_eq!(person_key("MS. JACQUET-ROUX", en), "jacquet-roux");
        assert_eq!(person_key("MR KERWIN", en), "kerwin");
        assert_eq!(person_key("Mr. KERWIN", en), "kerwin");
        assert_eq!(person_key("NICK FALLOWES, HOST", en), "nick fallowes");
        assert_eq!(
            person_key("Ông Trần Quốc Bảo – Giám đốc Sở Y tế", vi),
            "trần quốc bảo"
        );
        assert_eq!(
            person_key("PGS.TS. Nguyễn Duy Khang", vi),
            "nguyễn duy khang"
        );
        assert_eq!(
            person_key("Tiến sĩ tâm lý Phan Minh Đức", vi),
            "phan minh đức"
        );
    }

    #[test]
    fn lower_equals_is_equality_after_lower_casing() {
        let words = [
            "Moderator",
            "MODERATOR",
            "moderator",
            "Modérateur",
            "MODÉRATEUR",
            "\u{212a}elvin",
            "kelvin",
            "İ",
            "i\u{307}",
            "ΟΔΟΣ",
            "οδος",
            "οδοσ",
            "",
        ];
        for s in words {
            for t in words {
                let lower = t.to_lowercase();
                assert_eq!(
                    lower_equals(s, &lower),
                    s.to_lowercase() == lower,
                    "{s} / {t}"
                );
            }
        }
    }

    #[test]
    fn procedure_roles_are_read_whole_or_after_a_comma() {
        let en = crate::lang::lexicon(crate::Language::En);
        assert_eq!(procedure_role("MODERATOR", en), Some(Role::Moderator));
        assert_eq!(procedure_role("NICK FALLOWES, HOST", en), Some(Role::Host));
        assert_eq!(procedure_role("MODERATORS", en), None);
    }

    #[test]
    fn an_alias_index_finds_a_key_s_other_forms() {
        let keys = [
            "keith ransome",
            "ransome",
            "christian halden",
            "ch",
            "kerwin",
        ];
        let index = AliasIndex::new(keys.iter().copied());
        assert_eq!(
            index.longer_forms("ransome").collect::<Vec<_>>(),
            ["keith ransome"]
        );
        assert_eq!(
            index.longer_forms("ch").collect::<Vec<_>>(),
            ["christian halden"]
        );
        let mut shorter: Vec<_> = index.shorter_forms("christian halden").collect();
        shorter.sort_unstable();
        assert_eq!(shorter, ["ch"]);
        assert_eq!(index.longer_forms("kerwin").count(), 0);
    }
}
