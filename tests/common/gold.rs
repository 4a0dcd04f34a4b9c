//! Compares a transcript with a gold annotation (the format of
//! `../shared/corpus/README.md`), the way `score.py` reads it, and lists
//! every difference.

use press_transcript::Transcript;
use serde_json::Value;
use unicode_normalization::UnicodeNormalization;

const HONORIFICS: &[&str] = &[
    "mr", "mr.", "ms", "ms.", "mrs", "mrs.", "dr", "dr.", "miss", "sir", "madam", "prof", "prof.",
    "the", "ông", "bà", "anh", "chị", "đồng", "chí", "thầy", "cô", "m.", "mme", "herr", "frau",
    "sr.", "sra.", "señor", "señora", "don", "doña",
];

/// Text as a reader sees it: NFC, NBSP as space, white space and case folded.
pub fn plain(s: &str) -> String {
    let s: String = s.nfc().collect::<String>().replace('\u{a0}', " ");
    let s = s.replace("**", "").replace("__", "");
    let s = s
        .replace(['‘', '’'], "'")
        .replace(['“', '”', '«', '»'], "\"");
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn strip_lead(s: &str) -> String {
    let p = plain(s);
    p.trim_start_matches(|c: char| "-‐‑‒–—―−•* ".contains(c))
        .to_string()
}

fn name_words(n: &str) -> Vec<String> {
    let mut w: Vec<String> = plain(n)
        .split([' ', ','])
        .filter(|w| !w.is_empty())
        .map(|w| w.trim_matches(['.', ':']).to_string())
        .collect();
    while w.first().is_some_and(|x| {
        HONORIFICS.contains(&x.as_str()) || HONORIFICS.contains(&format!("{x}.").as_str())
    }) {
        w.remove(0);
    }
    w.retain(|x| !x.is_empty());
    w
}

/// Whether two names name the same person (one may be the other's last words).
pub fn same_person(a: &str, b: &str) -> bool {
    let (p, g) = (name_words(a), name_words(b));
    if p.is_empty() || g.is_empty() {
        return false;
    }
    let (short, long) = if p.len() < g.len() {
        (&p, &g)
    } else {
        (&g, &p)
    };
    long[long.len() - short.len()..] == short[..]
}

fn alternatives(v: &Value) -> Vec<String> {
    match v {
        Value::String(s) => vec![s.clone()],
        Value::Array(xs) => xs
            .iter()
            .filter_map(|x| x.as_str().map(String::from))
            .collect(),
        _ => vec![],
    }
}

/// Every difference between the transcript and the gold.
pub fn differences(t: &Transcript<'_>, gold: &Value) -> Vec<String> {
    let mut out = Vec::new();
    let turns = gold["turns"].as_array().cloned().unwrap_or_default();
    if turns.len() != t.turns.len() {
        out.push(format!("{} turns, gold has {}", t.turns.len(), turns.len()));
    }
    let mut pi = 0;
    for (gi, g) in turns.iter().enumerate() {
        let wants: Vec<String> = alternatives(&g["starts"])
            .iter()
            .map(|s| strip_lead(s))
            .collect();
        let found = (pi..t.turns.len()).find(|&i| {
            let text = strip_lead(&t.turns[i].text);
            wants.iter().any(|w| text.starts_with(w.as_str()))
        });
        let Some(i) = found else {
            out.push(format!("gold turn {gi} ({:?}) not found", wants.first()));
            continue;
        };
        pi = i + 1;
        let turn = &t.turns[i];
        let kind = serde_json::to_value(turn.kind).unwrap();
        let kinds = alternatives(&g["kind"]);
        if !kinds.iter().any(|k| kind == *k) {
            out.push(format!("turn {i} is {kind}, gold says {kinds:?}"));
        }
        if let Some(want) = g["speaker"].as_str() {
            let got = turn
                .speaker
                .and_then(|s| t.participants.get(s))
                .map(|p| p.name.to_string());
            if !got.as_deref().is_some_and(|n| same_person(n, want)) {
                out.push(format!("turn {i} speaker {got:?}, gold says {want:?}"));
            }
        }
    }
    let text_field = |name: &str, got: Option<&str>| -> Option<String> {
        let want = gold.get(name)?;
        let want = want
            .as_str()
            .map(|w| plain(w).trim_end_matches([' ', ':']).to_string());
        let got = got.map(|g| plain(g).trim_end_matches([' ', ':']).to_string());
        (want != got).then(|| format!("{name} {got:?}, gold says {want:?}"))
    };
    out.extend(text_field(
        "headline",
        t.headline.as_ref().map(|h| h.text.as_ref()),
    ));
    out.extend(text_field(
        "kicker",
        t.kicker.as_ref().map(|h| h.text.as_ref()),
    ));
    match (&gold["dateline"], &t.dateline) {
        (Value::Null, None) => {}
        (Value::Null, Some(d)) => out.push(format!("dateline {:?} found, gold has none", d.text)),
        (g, d) => {
            let d = d
                .as_ref()
                .map(|d| serde_json::to_value(d).unwrap())
                .unwrap_or(Value::Null);
            for k in ["date", "time", "utc_offset", "place"] {
                if !g[k].is_null() && d[k] != g[k] {
                    out.push(format!("dateline {k} {}, gold says {}", d[k], g[k]));
                }
            }
        }
    }
    if let Some(names) = gold["byline"]["names"].as_array() {
        let mut want: Vec<String> = names.iter().filter_map(|n| n.as_str()).map(plain).collect();
        let mut got: Vec<String> = t
            .byline
            .iter()
            .flat_map(|b| b.names.iter())
            .map(|n| plain(n))
            .collect();
        want.sort();
        got.sort();
        if want != got {
            out.push(format!("byline names {got:?}, gold says {want:?}"));
        }
    }
    if let Some(groups) = gold["captions"].as_array() {
        let groups: Vec<Vec<String>> = groups
            .iter()
            .map(|g| alternatives(g).iter().map(|s| plain(s)).collect())
            .collect();
        let extra: Vec<String> = alternatives(&gold["captions_ok_extra"])
            .iter()
            .map(|s| plain(s))
            .collect();
        let mut hit = vec![false; groups.len()];
        for c in &t.captions {
            let text = plain(&c.text);
            let matched: Vec<usize> = (0..groups.len())
                .filter(|&g| groups[g].iter().any(|a| text.starts_with(a.as_str())))
                .collect();
            if matched.is_empty() && !extra.iter().any(|e| text.starts_with(e.as_str())) {
                out.push(format!("caption {:?} is not in the gold", c.text));
            }
            matched.into_iter().for_each(|g| hit[g] = true);
        }
        for (g, h) in groups.iter().zip(&hit) {
            if !h {
                out.push(format!("gold caption {:?} not found", g.first()));
            }
        }
    }
    if let Some(diags) = gold.get("expect_diagnostics").and_then(|d| d.as_array()) {
        for d in diags.iter().filter_map(|d| d.as_str()) {
            if !t
                .diagnostics
                .iter()
                .any(|x| serde_json::to_value(x.code).unwrap() == d)
            {
                out.push(format!("expected diagnostic {d}"));
            }
        }
    }
    out
}
