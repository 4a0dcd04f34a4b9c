//! The names of the model's enums, as the JSON writes them: `as_str`,
//! `Display` and `FromStr` for [`Language`], [`TurnKind`], [`Role`],
//! [`BlockKind`], [`MarkerKind`], [`DiagnosticCode`], [`BylineRole`],
//! [`AnnotationKind`] and [`FrontMatterFormat`].

use crate::{
    AnnotationKind, BlockKind, BylineRole, DiagnosticCode, FrontMatterFormat, Language, MarkerKind,
    Role, TurnKind,
};
use std::fmt;
use std::str::FromStr;

/// A name that is none of an enum's values, from `FromStr`.
///
/// ```
/// let err = "speaker".parse::<press_transcript::TurnKind>().unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "`speaker` is not a turn kind; expected one of: question, answer, remark"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{name}` is not a {what}; expected one of: {expected}")]
pub struct UnknownName {
    /// The name given.
    pub name: String,
    /// What it should have named (`turn kind`).
    pub what: &'static str,
    /// The names there are, separated by commas.
    pub expected: String,
}

/// `as_str`, `Display` and `FromStr` for an enum, from its values and their
/// JSON names. The `match` in `as_str` makes the list exhaustive.
macro_rules! names {
    ($ty:ident, $what:literal, { $($variant:ident => $name:literal),+ $(,)? }) => {
        impl $ty {
            /// Every value with its name, in declaration order.
            const NAMES: &'static [($ty, &'static str)] = &[$(($ty::$variant, $name)),+];

            #[doc = concat!(
                "The name the JSON gives this value (`\"",
                names!(@first $($name),+),
                "\"`, …), also its `Display`."
            )]
            #[must_use]
            pub const fn as_str(&self) -> &'static str {
                match self {
                    $($ty::$variant => $name),+
                }
            }
        }

        impl fmt::Display for $ty {
            /// Writes [`Self::as_str`].
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $ty {
            type Err = UnknownName;

            /// Reads a name as [`Self::as_str`] writes it (exactly: the
            /// names are lower case).
            fn from_str(s: &str) -> Result<Self, UnknownName> {
                $ty::NAMES
                    .iter()
                    .find(|(_, name)| *name == s)
                    .map(|(value, _)| *value)
                    .ok_or_else(|| UnknownName {
                        name: s.to_string(),
                        what: $what,
                        expected: $ty::NAMES
                            .iter()
                            .map(|(_, name)| *name)
                            .collect::<Vec<_>>()
                            .join(", "),
                    })
            }
        }
    };
    (@first $first:literal $(, $rest:literal)*) => { $first };
}

names!(Language, "language", {
    Vi => "vi", En => "en", Fr => "fr", De => "de", Es => "es", Pt => "pt", It => "it",
    Unknown => "unknown",
});

names!(TurnKind, "turn kind", {
    Question => "question", Answer => "answer", Remark => "remark",
});

names!(Role, "role", {
    Interviewer => "interviewer", Interviewee => "interviewee", Moderator => "moderator",
    Reporter => "reporter", Official => "official", Operator => "operator",
    Analyst => "analyst", Host => "host", Guest => "guest", Unknown => "unknown",
});

names!(BlockKind, "block kind", {
    Kicker => "kicker", Headline => "headline", Dateline => "dateline", Lede => "lede",
    Caption => "caption", Turn => "turn", Byline => "byline", Source => "source",
    Furniture => "furniture", FrontMatter => "front_matter", Heading => "heading",
    Location => "location", Time => "time", Annotation => "annotation", Notice => "notice",
    Blank => "blank", Unknown => "unknown",
});

names!(MarkerKind, "marker kind", {
    Dash => "dash", Question => "question", Answer => "answer", Speaker => "speaker",
    Bold => "bold", Heading => "heading", Italic => "italic", Unknown => "unknown",
});

names!(DiagnosticCode, "diagnostic code", {
    WeekdayMismatch => "weekday_mismatch", AmbiguousDate => "ambiguous_date",
    ConsecutiveQuestions => "consecutive_questions",
    ConsecutiveAnswers => "consecutive_answers", UnresolvedSpeaker => "unresolved_speaker",
    NoTurns => "no_turns", Unknown => "unknown",
});

names!(BylineRole, "byline role", {
    Author => "author", Interviewer => "interviewer", Recorder => "recorder",
    Unknown => "unknown",
});

names!(AnnotationKind, "annotation kind", {
    Reaction => "reaction", Inaudible => "inaudible", Sound => "sound", Other => "other",
});

names!(FrontMatterFormat, "front matter format", {
    Yaml => "yaml", Toml => "toml", Unknown => "unknown",
});

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;
    use serde::de::DeserializeOwned;

    /// Every value's name is its JSON, reads back as itself, and a name no
    /// value has is refused by `FromStr` but read from JSON as the enum's
    /// catch-all.
    fn agrees_with_serde<T>(values: &[(T, &str)], catch_all: Option<T>)
    where
        T: Serialize + DeserializeOwned + FromStr<Err = UnknownName> + fmt::Display,
        T: PartialEq + fmt::Debug + Copy,
    {
        for &(value, name) in values {
            assert_eq!(
                serde_json::to_string(&value).unwrap(),
                format!("\"{name}\"")
            );
            assert_eq!(value.to_string(), name);
            assert_eq!(name.parse::<T>(), Ok(value));
            let back: T = serde_json::from_str(&format!("\"{name}\"")).unwrap();
            assert_eq!(back, value);
        }
        assert!("a_later_name".parse::<T>().is_err());
        let read = serde_json::from_str::<T>("\"a_later_name\"");
        match catch_all {
            Some(c) => assert_eq!(read.unwrap(), c),
            None => assert!(read.is_err()),
        }
    }

    #[test]
    fn names_are_the_json_names() {
        agrees_with_serde(Language::NAMES, Some(Language::Unknown));
        agrees_with_serde(TurnKind::NAMES, None);
        agrees_with_serde(Role::NAMES, Some(Role::Unknown));
        agrees_with_serde(BlockKind::NAMES, Some(BlockKind::Unknown));
        agrees_with_serde(MarkerKind::NAMES, Some(MarkerKind::Unknown));
        agrees_with_serde(DiagnosticCode::NAMES, Some(DiagnosticCode::Unknown));
        agrees_with_serde(BylineRole::NAMES, Some(BylineRole::Unknown));
        agrees_with_serde(AnnotationKind::NAMES, Some(AnnotationKind::Other));
        agrees_with_serde(FrontMatterFormat::NAMES, Some(FrontMatterFormat::Unknown));
    }

    /// The README's JSON shape (its `jsonc` block) lists the values of
    /// every enum, in their order, as a comment (`// dash, question, …`,
    /// which may run over lines), and its table names every diagnostic
    /// code: a value added to an enum fails here until the README lists it.
    /// The catch-alls (`unknown`, `other`) are said in its prose.
    #[test]
    fn the_readme_lists_every_value() {
        let readme = include_str!("../README.md");
        let start = readme.find("```jsonc").expect("the README's JSON shape");
        let end = start + readme[start..].find("\n```\n").expect("its end");
        let comments = readme[start..end]
            .replace("//", " ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        fn listed<T: 'static>(values: &'static [(T, &'static str)]) -> String {
            let names: Vec<&str> = values
                .iter()
                .map(|(_, n)| *n)
                .filter(|n| !matches!(*n, "unknown" | "other"))
                .collect();
            names.join(", ")
        }
        let mut missing = Vec::new();
        for (what, list) in [
            ("language", listed(Language::NAMES)),
            ("turn kind", listed(TurnKind::NAMES)),
            ("role", listed(Role::NAMES)),
            ("block kind", listed(BlockKind::NAMES)),
            ("marker kind", listed(MarkerKind::NAMES)),
            ("byline role", listed(BylineRole::NAMES)),
            ("annotation kind", listed(AnnotationKind::NAMES)),
            ("front matter format", listed(FrontMatterFormat::NAMES)),
        ] {
            if !comments.contains(&list) {
                missing.push(format!("{what}s: {list}"));
            }
        }
        for (_, code) in DiagnosticCode::NAMES {
            if *code != "unknown" && !readme.contains(&format!("| `{code}` |")) {
                missing.push(format!("diagnostic code {code}"));
            }
        }
        assert!(missing.is_empty(), "the README does not list {missing:#?}");
    }

    #[test]
    fn an_unknown_name_says_what_there_is() {
        let err = "nl".parse::<Language>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "`nl` is not a language; expected one of: vi, en, fr, de, es, pt, it, unknown"
        );
    }
}
