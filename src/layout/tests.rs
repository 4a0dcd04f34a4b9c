//! The layout stage's own product: a document in, its [`Layout`] out.

use super::*;
use crate::{Options, Scanned, classify, lang, scan_stage};

/// Scans `text` and lays it out, as `parse` does.
fn lay(text: &str) -> Result<(Scanned<'_>, Layout), Error> {
    let scanned = scan_stage(text, &Options::default(), None)?;
    let lex = lang::lexicon(scanned.language);
    let mut classes = classify::classify(text, &scanned.doc.paragraphs, lex, scanned.doc.markup);
    let layout = layout(text, &scanned.doc, &mut classes, lex)?;
    drop(classes);
    Ok((scanned, layout))
}

#[test]
fn a_dash_interview_has_a_kicker_headline_dateline_turns_and_a_byline() {
    let text = "Phỏng vấn nhanh:\n\nMùa vụ mới\n\nThứ Năm, 12/09/2019, 23:06 [GMT+7]\n\n- Thưa ông, vụ mùa năm nay ra sao?\n- Năm nay được mùa.\nNông dân rất vui.\n- Xin cảm ơn ông!\n\nP.V (Thực hiện)\n";
    let (s, l) = lay(text).unwrap();
    use Part::*;
    assert_eq!(
        l.parts,
        [
            Kicker,
            Headline,
            Dateline,
            Turn(0),
            Turn(1),
            Turn(1),
            Turn(2),
            Byline
        ]
    );
    assert_eq!(l.headline, Some(HeadlinePlan::Para(1)));
    assert_eq!(
        l.dateline.as_ref().map(|d| d.text),
        Some(TextSource::Para(2))
    );
    let b = l.byline.as_ref().expect("a byline");
    assert_eq!(b.names(&s.doc), ["P.V"]);
    // Each turn's speech starts after its dash.
    assert!(
        l.turns
            .iter()
            .all(|t| t.marker == Some(MarkerKind::Dash) && t.text_at == 2)
    );
    assert_eq!((l.turns[1].first, l.turns[1].last), (4, 5));
}

#[test]
fn a_label_is_a_convention_only_when_it_recurs() {
    let text = "The letter\n\nEditor: a long story, told short.\n\nANNA BELL: How did it start?\n\nTOM REED: With a letter.\n\nANNA BELL: And then?\n\nTOM REED: Then a call.\n";
    let (_, l) = lay(text).unwrap();
    assert_eq!(l.turns.len(), 4);
    assert_eq!(l.parts[1], Part::Lede, "a label used once is prose");
    assert_eq!(l.turns[0].key(), Some("anna bell"));
    assert_eq!(l.turns[1].label(), Some("TOM REED"));
}

#[test]
fn a_credit_line_goes_to_the_caption_before_it_and_a_turn_gives_up_its_last_paragraph() {
    let text = "- Ông có bận không?\n- Có, rất bận.\nÔng Nguyễn Văn Nam tại hội nghị tỉnh.\nẢnh: Ngọc Hà\n- Cảm ơn ông.\n";
    let (s, l) = lay(text).unwrap();
    assert_eq!(l.parts[2], Part::Caption(0));
    assert_eq!(l.parts[3], Part::Caption(0));
    assert_eq!(l.turns[1].last, 1, "the answer ends before its caption");
    let credit = l.captions[0].credit.clone().expect("a credit");
    assert_eq!(&s.doc.paragraphs[credit.0].text()[credit.1], "Ngọc Hà");
}

#[test]
fn text_without_turns_is_refused_unless_it_is_a_published_statement() {
    let prose = "The council met on Monday.\n\nIt approved the budget.\n";
    assert!(matches!(lay(prose), Err(Error::NoTurns { .. })));
    let statement = "Statement on the budget\n\nMarch 3, 2024\n\nThe council met on Monday.\n";
    let (_, l) = lay(statement).unwrap();
    assert!(l.turns.is_empty());
    assert!(l.dateline.is_some());
}

#[test]
fn a_turn_s_paragraphs_start_after_its_marker_and_skip_captions() {
    let text = "- Ông có bận không?\n- Có, rất bận.\nÔng Nguyễn Văn Nam tại hội nghị tỉnh.\nẢnh: Ngọc Hà\nCòn nhiều việc lắm.\n- Cảm ơn ông.\n";
    let (s, l) = lay(text).unwrap();
    let paras: Vec<(usize, usize)> = l.turn_paragraphs(1, &s.doc.paragraphs).collect();
    assert_eq!(paras, [(1, 2), (4, 0)]);
}

/// Every fixture's layout, as an outline in `snapshots/`: a change in the
/// heuristics reads as a diff of paragraph roles. Every failing fixture is
/// reported, not only the first.
#[test]
fn every_fixture_layout_snapshot() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let Ok(dirs) = std::fs::read_dir(&root) else {
        eprintln!("skipped: no fixtures at {}", root.display());
        return;
    };
    let mut files: Vec<std::path::PathBuf> = dirs
        .flatten()
        .flat_map(|d| std::fs::read_dir(d.path()).into_iter().flatten().flatten())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt" || x == "html"))
        .collect();
    files.sort();
    assert!(files.len() >= 50, "only {} fixtures", files.len());
    let mut failed = Vec::new();
    for path in &files {
        let rel = path.strip_prefix(&root).unwrap();
        let name = rel.with_extension("").to_string_lossy().replace('/', "__");
        let text = std::fs::read_to_string(path).unwrap();
        let outline = match lay(&text) {
            Ok((s, l)) => l.outline(&s.doc),
            Err(e) => format!("error: {e}\n"),
        };
        let run = std::panic::catch_unwind(|| {
            insta::with_settings!({
                snapshot_path => concat!(env!("CARGO_MANIFEST_DIR"), "/snapshots"),
                prepend_module_to_snapshot => false,
                omit_expression => true,
                description => format!("the layout of tests/fixtures/{}", rel.display()),
            }, {
                insta::assert_snapshot!(format!("{name}.layout"), outline);
            });
        });
        if run.is_err() {
            failed.push(name);
        }
    }
    assert!(
        failed.is_empty(),
        "{} layout snapshot(s) differ: {}",
        failed.len(),
        failed.join(", ")
    );
}

#[test]
fn an_unmarked_question_in_the_first_person_asks_when_it_ends_by_addressing_someone() {
    use crate::TurnKind::{Answer, Question};
    let kinds = |text: &str| -> Vec<crate::TurnKind> {
        crate::parse(text)
            .unwrap()
            .turns
            .iter()
            .map(|t| t.kind)
            .collect()
    };
    let vi = "Nhạc sĩ Lê Văn An: Tôi viết cho mình\n\nÔng vừa ra đĩa mới, bán qua mạng. Vì sao ông không phát hành ở cửa hàng?\n\nTôi không thích cửa hàng. Người nghe tìm đến tôi là đủ.\n\nChúng tôi được biết ông tự thu âm ở nhà. Ông có ngại chất lượng âm thanh không?\n\nKhông. Tôi thu kỹ lắm, nghe lại nhiều lần.\n";
    assert_eq!(kinds(vi), [Question, Answer, Question, Answer]);
    let en = "Composer Ann Lee: I write for myself\n\nYour new record is sold online only. Why not in shops?\n\nI don't like shops much. The listeners who want it find it.\n\nWe hear you recorded it at home. Are you worried about the sound?\n\nNot at all. I took a lot of care, and listened to every take.\n";
    assert_eq!(kinds(en), [Question, Answer, Question, Answer]);
    // An answer in the first person that ends by asking back stays one.
    let back = vi.replace(
        "Không. Tôi thu kỹ lắm, nghe lại nhiều lần.",
        "Tôi thu kỹ lắm. Ông nghe thử xem có gì dở không?",
    );
    assert_eq!(kinds(&back)[3], Answer);
}
