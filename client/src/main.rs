//! What a user of press-transcript does first, from a crate of their own:
//! parse a text and bytes, pair the questions with their answers, name who
//! answered, write the JSON and read it back, and read JSON written by
//! another version of the crate. `cargo run -p press-transcript-client`
//! prints each step; `cargo test -p press-transcript-client` checks them.

use press_transcript::{Error, Transcript};
use std::borrow::Cow;

/// An interview written for this check.
const TEXT: &str = "\
Thợ lặn giữ rạn san hô

Thứ Sáu, 06/03/2026, 09:30 [GMT+7]

Ông Phạm Văn Biển, đội trưởng đội lặn Hòn Mun, trả lời phỏng vấn.

- Thưa ông, rạn san hô năm nay ra sao?
- Rạn hồi lại nhiều hơn năm ngoái.
- Điều gì giúp rạn hồi lại?
- Neo tàu được cấm trong vùng lõi.
- Xin cảm ơn ông!

P.V (thực hiện)
";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let t = press_transcript::parse(TEXT)?;
    for pair in pairs(&t) {
        println!("Q: {}\nA ({}): {}\n", pair.0, pair.1, pair.2);
    }
    let err = bad_bytes();
    println!("bad bytes: {err}");
    let json = serde_json::to_string(&t)?;
    let back: Transcript<'_> = serde_json::from_str(&json)?;
    assert_eq!(back, t);
    println!("JSON round trip: {} bytes, equal", json.len());
    let old = read_older_json(&json)?;
    println!(
        "older JSON: schema_version {}, {} turns, {} headings",
        old.schema_version,
        old.turns.len(),
        old.headings.len()
    );
    Ok(())
}

/// Each answered question, with the name of who answered and the answer.
fn pairs<'t>(t: &'t Transcript<'_>) -> Vec<(Cow<'t, str>, &'t str, String)> {
    t.qa_pairs()
        .filter(|p| p.is_answered())
        .map(|p| {
            let who = t.speaker(&p.answers[0]).map_or("?", |s| s.name.as_ref());
            (p.question.text(), who, p.answer_text())
        })
        .collect()
}

/// What `parse_bytes` says of bytes that are not UTF-8.
fn bad_bytes() -> Error {
    match press_transcript::parse_bytes(b"- Ca va?\n- Tr\xe8s bien.\n") {
        Err(e) => e,
        Ok(_) => panic!("Latin-1 bytes were read as UTF-8"),
    }
}

/// Reads JSON as an older version of the crate wrote it (no
/// `schema_version`, `headings`, `annotations`, `front_matter` or
/// participants' `aliases`), with a role and a field a later version might
/// write.
fn read_older_json(json: &str) -> Result<Transcript<'static>, serde_json::Error> {
    let mut v: serde_json::Value = serde_json::from_str(json)?;
    let doc = v.as_object_mut().expect("a transcript is an object");
    for later in ["schema_version", "headings", "annotations", "front_matter"] {
        doc.remove(later);
    }
    doc.insert(
        "a_field_from_the_future".into(),
        serde_json::json!({"x": 1}),
    );
    for p in doc["participants"].as_array_mut().expect("participants") {
        p.as_object_mut().expect("a participant").remove("aliases");
        p["role"] = "panelist".into();
    }
    serde_json::from_value(v)
}

#[cfg(test)]
mod tests {
    use super::*;
    use press_transcript::{Role, TurnKind};

    #[test]
    fn a_text_parses_and_its_questions_pair_with_named_answers() {
        let t = press_transcript::parse(TEXT).unwrap();
        assert_eq!(t.turns_of(TurnKind::Question).count(), 2);
        let pairs = pairs(&t);
        assert_eq!(
            pairs,
            [
                (
                    Cow::Borrowed("Thưa ông, rạn san hô năm nay ra sao?"),
                    "Phạm Văn Biển",
                    "Rạn hồi lại nhiều hơn năm ngoái.".to_string()
                ),
                (
                    Cow::Borrowed("Điều gì giúp rạn hồi lại?"),
                    "Phạm Văn Biển",
                    "Neo tàu được cấm trong vùng lõi.".to_string()
                ),
            ]
        );
        let biển = t.participant("phạm văn biển").expect("found by name");
        assert_eq!(biển.role, Role::Interviewee);
        let answer = t.turns_of(TurnKind::Answer).next().unwrap();
        assert_eq!(t.speaker(answer), Some(biển));
    }

    #[test]
    fn bytes_that_are_not_utf8_are_refused_with_where() {
        assert_eq!(
            bad_bytes(),
            Error::InvalidUtf8 {
                offset: 13,
                line: 2,
                column: 5
            }
        );
    }

    #[test]
    fn the_json_round_trips_and_older_json_reads_with_defaults() {
        let t = press_transcript::parse(TEXT).unwrap();
        assert_eq!(t.schema_version, Transcript::SCHEMA_VERSION);
        let json = serde_json::to_string(&t).unwrap();
        let back: Transcript<'_> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, t);
        let old = read_older_json(&json).unwrap();
        assert_eq!(old.schema_version, 0);
        assert_eq!(old.turns, t.turns);
        assert!(old.headings.is_empty() && old.annotations.is_empty());
        assert!(old.participants.iter().all(|p| p.aliases.is_empty()));
        assert!(old.participants.iter().all(|p| p.role == Role::Unknown));
    }
}
