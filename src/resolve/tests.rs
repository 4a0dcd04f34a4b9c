//! The resolver's own product: a document and its layout in, its
//! [`Resolution`] out.

use super::*;
use crate::{Options, classify, lang, layout, scan_stage};

/// Resolves `text` as `parse` does, handing the resolution to `check`
/// with the document it read.
fn resolved(text: &str, check: impl FnOnce(&Doc<'_>, &Layout, Resolution<'_>)) {
    let scanned = scan_stage(text, &Options::default(), None).unwrap();
    let lex = lang::lexicon(scanned.language);
    let mut classes = classify::classify(text, &scanned.doc.paragraphs, lex, scanned.doc.markup);
    let layout = layout::layout(text, &scanned.doc, &mut classes, lex).unwrap();
    drop(classes);
    let r = resolve(&scanned.doc, &layout, lex);
    check(&scanned.doc, &layout, r);
}

#[test]
fn dash_turns_alternate_and_closing_thanks_are_a_remark() {
    let text = "Bà Lê Thu Hà, Giám đốc Sở Y tế.\n\n- Thưa bà, dịch bệnh năm nay ra sao?\n- Năm nay chúng tôi kiểm soát tốt.\n- Bà có lo ngại gì không?\n- Tôi lo nhất là mùa mưa.\n- Xin cảm ơn bà!\n";
    resolved(text, |_, _, r| {
        use TurnKind::*;
        assert_eq!(r.kinds, [Question, Answer, Question, Answer, Remark]);
        // The caption introduces the interviewee: she answers.
        let hers = r.participants.iter().position(|p| p.name == "Lê Thu Hà");
        assert!(hers.is_some(), "{:?}", r.participants);
        assert_eq!(r.speakers[1], hers);
        assert_eq!(r.speakers[3], hers);
        assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
    });
}

#[test]
fn a_label_s_short_forms_are_one_speaker() {
    let text = "Q: How did the season go?\n\nKEITH RANSOME: Better than we hoped.\n\nQ: And next year?\n\nRANSOME: We will see.\n";
    resolved(text, |_, _, r| {
        assert_eq!(r.participants.len(), 1, "{:?}", r.participants);
        assert_eq!(r.participants[0].name, "Keith Ransome");
        assert_eq!(r.speakers[1], Some(0));
        assert_eq!(r.speakers[3], Some(0));
        assert_eq!(r.kinds[1], TurnKind::Answer);
    });
}

#[test]
fn two_questions_in_a_row_are_a_diagnostic_with_the_second_s_span() {
    let text = "Q: How did the season go?\n\nQ: And next year?\n\nA: We will see.\n";
    resolved(text, |doc, l, r| {
        assert_eq!(r.kinds[..2], [TurnKind::Question, TurnKind::Question]);
        let d = r
            .diagnostics
            .iter()
            .find(|d| d.code == DiagnosticCode::ConsecutiveQuestions)
            .expect("a diagnostic");
        assert_eq!(d.span, l.turns[1].span(&doc.paragraphs));
    });
}

#[test]
fn a_reporter_named_in_a_question_label_is_a_participant() {
    let text = "Q (Anna Bell, Daily Post): Will taxes rise?\n\nTHE MAYOR: Not this year.\n\nQ: And next year?\n\nTHE MAYOR: We will see.\n";
    resolved(text, |_, _, r| {
        let anna = r.participants.iter().position(|p| p.name == "Anna Bell");
        assert!(anna.is_some(), "{:?}", r.participants);
        assert_eq!(r.participants[anna.unwrap()].role, Role::Reporter);
        assert_eq!(r.speakers[0], anna);
    });
}

#[test]
fn initials_stand_for_the_full_name_the_text_gives() {
    let names = |text: &str| {
        let mut out = Vec::new();
        resolved(text, |_, _, r| {
            out = r.participants.iter().map(|p| p.name.to_string()).collect();
        });
        out
    };
    let intro = "Maya Lindqvist spoke with Brian Kessling about awk.\n\n";
    let qa = "ML: Why awk?\n\nK: Because it was small.\n\nML: And now?\n\nK: Still small.\n";
    let got = names(&format!("{intro}{qa}"));
    assert!(got.contains(&"Maya Lindqvist".to_string()), "{got:?}");
    assert!(got.contains(&"Brian Kessling".to_string()), "{got:?}");
    // One letter and two names whose family names open with it: no guess.
    let two = "Maya Lindqvist spoke with Brian Kessling and Ada Kowalski.\n\n";
    let got = names(&format!("{two}{qa}"));
    assert!(
        !got.iter()
            .any(|n| n.contains("Kessling") || n.contains("Kowalski")),
        "{got:?}"
    );
}
