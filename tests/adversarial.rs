//! Hostile inputs as regression tests: each must parse (or fail with a
//! typed error) without panicking, and keep the lossless cover. How long
//! they take is measured by the benchmark (`benches/parse.rs`), with
//! generous limits, not here.

mod common;

use common::assert_lossless;
use press_transcript::{Error, Options, parse, parse_bytes, parse_with};

/// Parses `input` and checks the cover when it parses.
fn survives(name: &str, input: &str) {
    match parse(input) {
        Ok(t) => assert_lossless(input, &t, name),
        Err(e) => assert!(
            !e.to_string().is_empty(),
            "{name}: an error says what is wrong"
        ),
    }
}

#[test]
fn a_ten_megabyte_line() {
    let line =
        "Word after word, a sentence that never ends and never breaks its line. ".repeat(140_000);
    survives("10 MB line", &line);
}

#[test]
fn a_million_blank_lines() {
    let input = format!("{}- Why?\n- Because.\n", "\n".repeat(1_000_000));
    let t = parse(&input).unwrap();
    assert_lossless(&input, &t, "blank lines");
    assert_eq!(t.turns.len(), 2);
}

#[test]
fn a_hundred_thousand_dash_lines() {
    let input: String = (0..100_000)
        .map(|i| {
            if i % 2 == 0 {
                format!("- Câu hỏi {i}?\n")
            } else {
                format!("- Trả lời {i}.\n")
            }
        })
        .collect();
    let t = parse(&input).unwrap();
    assert_lossless(&input, &t, "dash lines");
    assert_eq!(t.turns.len(), 100_000);
}

#[test]
fn a_hundred_thousand_labels() {
    let input: String = (0..100_000)
        .map(|i| format!("SPEAKER {}: Line {i}.\n", i % 997))
        .collect();
    survives("labels", &input);
    let distinct: String = (0..100_000)
        .map(|i| format!("Person{i} Name: Line {i}.\n"))
        .collect();
    survives("distinct labels", &distinct);
}

#[test]
fn a_one_megabyte_label() {
    let input = format!("{}: Hello?\n- A.\n- B.\n", "A".repeat(1_000_000));
    survives("1 MB label", &input);
}

#[test]
fn deeply_nested_brackets() {
    let opens = "(".repeat(200_000);
    survives(
        "open brackets",
        &format!("- Why {opens}?\n- Because {}.\n", "[".repeat(200_000)),
    );
    let nested = format!(
        "- {}{}\n- Yes.\n",
        "(Laughter ".repeat(50_000),
        ")".repeat(50_000)
    );
    survives("nested brackets", &nested);
    survives(
        "entity starts",
        &format!("- {}\n- b\n", "&".repeat(100_000)),
    );
    survives(
        "tag starts",
        &format!("<p>{}</p>\n- a?\n- b\n", "<".repeat(100_000)),
    );
}

#[test]
fn nothing_but_invisible_or_combining_characters() {
    assert_eq!(parse(&"\u{a0}".repeat(500_000)).unwrap_err(), Error::Empty);
    assert_eq!(
        parse(&"\u{200b}\u{feff}\n".repeat(100_000)).unwrap_err(),
        Error::Empty
    );
    survives("combining marks", &"\u{301}".repeat(300_000));
    survives(
        "combining after dashes",
        &"- \u{301}\u{323}?\n- \u{302}.\n".repeat(10_000),
    );
    survives(
        "right-to-left marks",
        &"\u{202e}- سؤال؟\n\u{200f}- جواب.\n".repeat(10_000),
    );
}

#[test]
fn binary_data() {
    let mut state = 0x9e37_79b9_7f4a_7c15u64;
    let bytes: Vec<u8> = (0..2_000_000)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 24) as u8
        })
        .collect();
    match parse_bytes(&bytes) {
        Err(Error::InvalidUtf8 { offset, .. }) => assert!(offset < bytes.len()),
        other => panic!("random bytes are not UTF-8: {other:?}"),
    }
    let lossy = String::from_utf8_lossy(&bytes);
    survives("lossy binary", &lossy);
}

#[test]
fn the_size_limit_is_checked_before_any_work() {
    let input = "- a?\n".repeat(1000);
    let err = parse_with(&input, &Options::new().max_bytes(100)).unwrap_err();
    assert_eq!(
        err,
        Error::TooLarge {
            len: input.len(),
            max: 100
        }
    );
}

/// Found by the property run: a carriage return inside a meta tag's
/// attribute cuts the tag in two lines, and the text reads its first half
/// as words. Its date must not be taken then: a date line's span must lie
/// in a date line block.
#[test]
fn a_meta_tag_cut_by_a_line_break_gives_no_date() {
    let input = "<!doctype html>\n<html>\n<head>\n\
        <meta name=\"pubdate\" content=\"2024-06-18T07:45:00+02:00\r\">\n\
        </head>\n<body>\n<p>Q: Why now?</p>\n<p>A: Because it is time.</p>\n</body>\n</html>\n";
    let t = parse(input).unwrap();
    assert_lossless(input, &t, "meta cut by CR");
    if let Some(d) = &t.dateline {
        assert!(
            t.blocks
                .iter()
                .any(|b| b.kind == press_transcript::BlockKind::Dateline && b.span.contains(d.span)),
            "the date line {:?} stands in a date line block",
            d.span
        );
    }
    // Whole, the same tag dates the page.
    let whole = input.replace("+02:00\r\"", "+02:00\"");
    let t = parse(&whole).unwrap();
    assert_eq!(t.dateline.unwrap().date.unwrap().to_string(), "2024-06-18");
}

/// A credit line that reads as a label (`Photo: Reuters`) over a caption
/// line: the caption takes it only because the turn it opened gives it up
/// (and goes), so no turn's paragraph sits in a caption and no participant
/// is made of the credit (issue 17).
#[test]
fn a_caption_never_takes_a_turns_paragraph() {
    let input = "Q: Why?\nPhoto: Reuters\nImage caption\nA: Yes.\n";
    let t = parse(input).unwrap();
    assert_lossless(input, &t, "credit over a caption line");
    let texts: Vec<String> = t.turns.iter().map(|u| u.text().into_owned()).collect();
    assert_eq!(texts, ["Why?", "Yes."]);
    assert!(t.participants.iter().all(|p| p.name != "Photo"));
    assert_eq!(t.captions.len(), 1);
    assert_eq!(
        t.captions[0].span.slice(input),
        "Photo: Reuters\nImage caption"
    );

    // A label alone, its speech a credit line, then a caption line: the
    // turn gives up the credit and keeps its label, its span in its block.
    let input = "Hỏi:\nẢnh:à\nImage caption\nA:i";
    let t = parse(input).unwrap();
    assert_lossless(input, &t, "label, credit, caption line");
    assert_eq!(t.turns.len(), 2);
    assert_eq!(t.turns[0].span.slice(input), "Hỏi:");
}

/// Directional marks a right-to-left page leaves before a line hide no
/// marker: they are skipped like the other invisible characters.
#[test]
fn directional_marks_before_a_marker_are_skipped() {
    for mark in [
        "\u{200e}", "\u{200f}", "\u{061c}", "\u{202a}", "\u{202b}", "\u{202c}", "\u{202d}",
        "\u{202e}", "\u{2066}", "\u{2067}", "\u{2068}", "\u{2069}",
    ] {
        let input = format!("{mark}- Why?\n{mark}- Because.\n");
        let t = parse(&input).unwrap_or_else(|e| panic!("{mark:?}: {e}"));
        assert_lossless(&input, &t, "directional marks");
        let texts: Vec<String> = t.turns.iter().map(|u| u.text().into_owned()).collect();
        assert_eq!(texts, ["Why?", "Because."], "{mark:?}");
    }
}
