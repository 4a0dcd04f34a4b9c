//! Bad input gets a typed error whose message says what is wrong and what to
//! do; each message is locked here.

use press_transcript::{Error, Options, parse, parse_bytes, parse_bytes_with, parse_with};

#[test]
fn empty_input_says_there_is_nothing_to_parse() {
    for input in ["", "   \n\n\t", "\u{a0}\n\u{200b}\u{feff}"] {
        assert_eq!(parse(input).unwrap_err(), Error::Empty, "{input:?}");
    }
    insta::assert_snapshot!(Error::Empty, @"the input is empty (or holds only white space): there is no transcript to parse");
}

#[test]
fn input_over_the_limit_is_refused_before_any_work() {
    let err = parse_with("- Hỏi?\n- Đáp.\n", &Options::new().max_bytes(8)).unwrap_err();
    assert_eq!(err, Error::TooLarge { len: 18, max: 8 });
    insta::assert_snapshot!(err, @"the input is 18 bytes, over the limit of 8 bytes set by Options::max_bytes; raise the limit with Options::max_bytes or split the input");
    let bytes_err = parse_bytes_with(&[0xff; 9], &Options::new().max_bytes(8)).unwrap_err();
    assert!(
        matches!(bytes_err, Error::TooLarge { len: 9, max: 8 }),
        "checked before UTF-8"
    );
}

#[test]
fn invalid_utf8_gives_its_offset_line_and_column() {
    let err = parse_bytes(b"Title\n- Q?\n- A \xe1\xbb").unwrap_err();
    assert_eq!(
        err,
        Error::InvalidUtf8 {
            offset: 15,
            line: 3,
            column: 5
        }
    );
    insta::assert_snapshot!(err, @"the input is not valid UTF-8: byte 15 (line 3, column 5) does not begin or continue a UTF-8 character; decode the text to UTF-8 first (it may be Windows-1252, Latin-1 or UTF-16)");
}

#[test]
fn text_without_turns_says_what_it_found() {
    let input = "Một tiêu đề\n\nMột đoạn văn không có lời thoại nào cả?\n\nVà một đoạn nữa.\n";
    let err = parse(input).unwrap_err();
    assert!(matches!(err, Error::NoTurns { paragraphs: 3, .. }));
    insta::assert_snapshot!(err, @r#"found no question or answer turns in 3 paragraph(s) (the first reads "Một tiêu đề"; 1 paragraph(s) ending in a question mark, none of them marked as a turn); a transcript needs turns marked by a dash (`- `), a label (`Q:`, `NAME:`) or a question in bold"#);
}

#[test]
fn a_published_statement_without_turns_is_returned_with_a_diagnostic() {
    let input = "---\ntitle: A statement\ndate: 2021-02-10\n---\n\nThe council announced a new plan today.\n";
    let t = parse(input).unwrap();
    assert!(t.turns.is_empty());
    assert_eq!(t.headline.unwrap().text, "A statement");
    let d = t
        .diagnostics
        .iter()
        .find(|d| d.code == press_transcript::DiagnosticCode::NoTurns)
        .unwrap();
    insta::assert_snapshot!(d.message, @"the document holds no question or answer turn (a statement?); its header, lede and furniture are returned");
}

#[test]
fn valid_bytes_parse_like_the_str() {
    let text = "- Thưa ông, vì sao?\n- Vì thế.\n";
    assert_eq!(parse_bytes(text.as_bytes()).unwrap(), parse(text).unwrap());
}

/// The message of the first diagnostic with `code` for `input`.
fn diagnostic(input: &str, code: press_transcript::DiagnosticCode) -> String {
    let t = parse(input).unwrap();
    let d = t
        .diagnostics
        .iter()
        .find(|d| d.code == code)
        .unwrap_or_else(|| panic!("no {code:?} in {:?}", t.diagnostics));
    assert!(
        t.blocks.iter().any(|b| b.span.contains(d.span)) || d.span.is_empty(),
        "a diagnostic points into the input"
    );
    d.message.clone()
}

#[test]
fn a_weekday_that_contradicts_its_date_is_reported() {
    use press_transcript::DiagnosticCode::WeekdayMismatch;
    let input = "Tiêu đề\n\nThứ Sáu, 16/08/2018, 10:00 [GMT+7]\n\n- Hỏi gì?\n- Đáp vậy.\n";
    insta::assert_snapshot!(diagnostic(input, WeekdayMismatch), @"the date line says Friday but 2018-08-16 was a Thursday; the date was kept and the weekday ignored");
}

#[test]
fn a_numeric_date_either_order_reads_is_reported() {
    use press_transcript::DiagnosticCode::AmbiguousDate;
    let input = "Title\n\nUpdated: 03/04/2020 10:00\n\nQ: What now?\nA: We wait.\n";
    insta::assert_snapshot!(diagnostic(input, AmbiguousDate), @"the date line's numeric date may put the day or the month first; it was read as 2020-03-04, the month first, as pages in its language mostly write it; check the page's own convention");
    // The values decide where one number cannot be a month.
    let plain = press_transcript::parse(
        "Title\n\nUpdated: 25/04/2020 10:00\n\nQ: What now?\nA: We wait.\n",
    )
    .unwrap();
    assert_eq!(
        plain.dateline.unwrap().date.unwrap().to_string(),
        "2020-04-25"
    );
    assert!(plain.diagnostics.iter().all(|d| d.code != AmbiguousDate));
}

#[test]
fn two_questions_in_a_row_are_reported() {
    use press_transcript::DiagnosticCode::ConsecutiveQuestions;
    let input = "Q: First question?\nQ: Second question?\nA: One answer.\n";
    insta::assert_snapshot!(diagnostic(input, ConsecutiveQuestions), @"a question follows a question with nothing between them; check the turn's marker");
}

#[test]
fn two_answers_in_a_row_are_reported() {
    use press_transcript::DiagnosticCode::ConsecutiveAnswers;
    let input = "Q: One question?\nA: First answer.\nA: Second answer.\n";
    insta::assert_snapshot!(diagnostic(input, ConsecutiveAnswers), @"an answer follows an answer with nothing between them; check the turn's marker");
}

#[test]
fn a_run_of_answers_is_listed_up_to_a_hundred_then_counted() {
    use press_transcript::DiagnosticCode::ConsecutiveAnswers;
    let mut input = String::from("Q: One question?\n");
    for i in 0..250 {
        input.push_str(&format!("A: Answer {i}.\n"));
    }
    let t = parse(&input).unwrap();
    let found: Vec<_> = t
        .diagnostics
        .iter()
        .filter(|d| d.code == ConsecutiveAnswers)
        .collect();
    // 249 pairs (the answers from the second on): 100 listed, one note for
    // the other 149, at the first of them.
    assert_eq!(found.len(), 101);
    let last = found.last().unwrap();
    assert_eq!(last.span, t.turns[102].span);
    insta::assert_snapshot!(last.message, @"149 more answers following answers, not listed (the first is here): the document's markers may not be what the parser takes them for");
}

#[test]
fn answers_nobody_gives_are_reported() {
    use press_transcript::DiagnosticCode::UnresolvedSpeaker;
    let input = "- What happened?\n- It rained.\n- And then?\n- It stopped.\n";
    insta::assert_snapshot!(diagnostic(input, UnresolvedSpeaker), @"2 answer(s) have no speaker: no caption, lede or headline introduces the interviewee");
}

#[test]
fn utf16_says_it_looks_like_utf16() {
    let text = "Q: Why?\nA: Because.\n";
    let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    // Without a byte order mark it is valid UTF-8, full of NULs.
    let as_str = std::str::from_utf8(&le).unwrap();
    let err = parse(as_str).unwrap_err();
    assert_eq!(
        err,
        Error::LooksLikeUtf16 {
            little_endian: true,
            nuls: 20,
            pairs: 20
        }
    );
    insta::assert_snapshot!(err, @"the input looks like UTF-16 (little-endian) text, not UTF-8: 20 of its first 20 byte pairs hold a NUL byte at the same place; decode it to UTF-8 first (for instance `iconv -f UTF-16LE -t UTF-8`)");
    assert!(matches!(
        parse_bytes(&be).unwrap_err(),
        Error::LooksLikeUtf16 {
            little_endian: false,
            ..
        }
    ));
    // With a byte order mark it is not UTF-8 at all: still named UTF-16.
    let bom: Vec<u8> = [0xff, 0xfe].into_iter().chain(le.iter().copied()).collect();
    assert!(matches!(
        parse_bytes(&bom).unwrap_err(),
        Error::LooksLikeUtf16 {
            little_endian: true,
            ..
        }
    ));
    // A NUL here and there is not UTF-16.
    assert!(parse("- Why?\0\n- Because.\0\n").is_ok());
}
