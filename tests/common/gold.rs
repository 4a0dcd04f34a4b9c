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
    let s: String = s
        .chars()
        // The characters the parser drops as invisible (clean::is_invisible).
        .filter(|c| {
            !matches!(
                c,
                '\u{200b}'
                    | '\u{feff}'
                    | '\u{2060}'
                    | '\u{ad}'
                    | '\u{200e}'
                    | '\u{200f}'
                    | '\u{061c}'
                    | '\u{202a}'..='\u{202e}'
                    | '\u{2066}'..='\u{2069}'
            )
        })
        .nfc()
        .collect::<String>()
        .replace('\u{a0}', " ");
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
            let text = strip_lead(&t.turns[i].text());
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

/// Text as `score.py` compares it: entities decoded, tags, Markdown links,
/// escapes and emphasis removed, quotes straightened, white space and case
/// folded.
pub fn reader(s: &str) -> String {
    let mut s = s
        .replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", " ");
    // Tags.
    let mut out = String::with_capacity(s.len());
    let mut rest = s.as_str();
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        match rest[i..].find('>').filter(|&j| j <= 201) {
            Some(j) => {
                out.push(' ');
                rest = &rest[i + j + 1..];
            }
            None => {
                out.push('<');
                rest = &rest[i + 1..];
            }
        }
    }
    out.push_str(rest);
    s = out;
    // Markdown links and images: keep the text.
    let mut out = String::with_capacity(s.len());
    let mut rest = s.as_str();
    while let Some(i) = rest.find('[') {
        let (head, tail) = rest.split_at(i);
        let bang = head.ends_with('!');
        out.push_str(if bang { &head[..head.len() - 1] } else { head });
        let close = tail.find(']');
        let target = close.and_then(|c| {
            let after = &tail[c + 1..];
            match after.chars().next() {
                Some('(') => after.find(')').map(|e| c + 1 + e + 1),
                Some('[') => after.find(']').map(|e| c + 1 + e + 1),
                _ => None,
            }
        });
        match (close, target) {
            (Some(c), Some(end)) if !tail[1..c].contains('[') => {
                out.push_str(&tail[1..c]);
                rest = &tail[end..];
            }
            _ => {
                if bang {
                    out.push('!');
                }
                out.push('[');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    let mut s = String::with_capacity(out.len());
    let mut chars = out.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\'
            && chars
                .peek()
                .is_some_and(|n| "\\`*_{}[]()#+-.!\"'".contains(*n))
        {
            continue;
        }
        s.push(c);
    }
    plain(&s)
}

fn lead_stripped(s: &str) -> String {
    reader(s)
        .trim_start_matches(['*', '_', ' '])
        .trim_start_matches(|c: char| "-‐‑‒–—―−•* ".contains(c))
        .trim_start_matches(['*', '_', ' '])
        .to_string()
}

fn skip_paren(s: &str) -> &str {
    if s.starts_with(['(', '[']) {
        if let Some(e) = s.find([')', ']']).filter(|&e| e <= 81) {
            return s[e + 1..].trim_start();
        }
    }
    s
}

fn starts_with(pred: &str, want: &str) -> bool {
    pred.starts_with(want) || {
        let (p2, w2) = (skip_paren(pred), skip_paren(want));
        !w2.is_empty() && (p2.starts_with(w2) || pred.starts_with(w2) || p2.starts_with(want))
    }
}

fn f1(hits_p: usize, n_pred: usize, hits_g: usize, n_gold: usize) -> f64 {
    if n_gold == 0 && n_pred == 0 {
        return 1.0;
    }
    let p = if n_pred > 0 {
        hits_p as f64 / n_pred as f64
    } else {
        0.0
    };
    let r = if n_gold > 0 {
        hits_g as f64 / n_gold as f64
    } else {
        0.0
    };
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// The metrics of `score.py` for one document, `overall` last.
pub fn score(t: &Transcript<'_>, gold: &Value) -> Vec<(&'static str, f64)> {
    let mut m: Vec<(&'static str, f64)> = Vec::new();
    if let Some(gturns) = gold["turns"].as_array() {
        let ptexts: Vec<String> = t.turns.iter().map(|x| lead_stripped(&x.text())).collect();
        let mut matches = Vec::new();
        let mut start = 0;
        for (gi, g) in gturns.iter().enumerate() {
            let wants: Vec<String> = alternatives(&g["starts"])
                .iter()
                .map(|a| lead_stripped(a))
                .collect();
            if let Some(pi) =
                (start..ptexts.len()).find(|&pi| wants.iter().any(|w| starts_with(&ptexts[pi], w)))
            {
                matches.push((gi, pi));
                start = pi + 1;
            }
        }
        m.push((
            "turns",
            f1(matches.len(), t.turns.len(), matches.len(), gturns.len()),
        ));
        if !matches.is_empty() {
            let ok = matches
                .iter()
                .filter(|&&(gi, pi)| {
                    let kind = serde_json::to_value(t.turns[pi].kind).unwrap();
                    alternatives(&gturns[gi]["kind"]).iter().any(|k| kind == *k)
                })
                .count();
            m.push(("kinds", ok as f64 / matches.len() as f64));
            let with_speaker: Vec<_> = matches
                .iter()
                .filter(|&&(gi, _)| gturns[gi]["speaker"].is_string())
                .collect();
            if !with_speaker.is_empty() {
                let ok = with_speaker
                    .iter()
                    .filter(|&&&(gi, pi)| {
                        let got = t.turns[pi]
                            .speaker
                            .and_then(|s| t.participants.get(s))
                            .map(|p| p.name.to_string())
                            .unwrap_or_default();
                        same_person(&got, gturns[gi]["speaker"].as_str().unwrap())
                    })
                    .count();
                m.push(("speakers", ok as f64 / with_speaker.len() as f64));
            }
        } else if !gturns.is_empty() {
            m.push(("kinds", 0.0));
            if gturns.iter().any(|g| g["speaker"].is_string()) {
                m.push(("speakers", 0.0));
            }
        }
    }
    if let Some(h) = gold["headline"].as_str() {
        let got = t
            .headline
            .as_ref()
            .map(|x| reader(&x.text))
            .unwrap_or_default();
        m.push(("headline", f64::from(u8::from(got == reader(h)))));
    }
    if let Some(k) = gold.get("kicker") {
        let want = k
            .as_str()
            .map(|k| reader(k).trim_end_matches([' ', ':']).to_string());
        let got = t
            .kicker
            .as_ref()
            .map(|x| reader(&x.text).trim_end_matches([' ', ':']).to_string());
        m.push(("kicker", f64::from(u8::from(want == got))));
    }
    if let Some(g) = gold["dateline"].as_object() {
        let d = t
            .dateline
            .as_ref()
            .map(|d| serde_json::to_value(d).unwrap())
            .unwrap_or(Value::Null);
        let fields: Vec<&str> = ["date", "time", "utc_offset", "place"]
            .into_iter()
            .filter(|k| !g.get(*k).is_none_or(Value::is_null))
            .collect();
        if !fields.is_empty() {
            let ok = fields
                .iter()
                .filter(|k| {
                    let got = d
                        .get(**k)
                        .map(|v| v.as_str().map(plain).unwrap_or_else(|| v.to_string()))
                        .unwrap_or_default();
                    got == plain(g[**k].as_str().unwrap_or(""))
                })
                .count();
            m.push(("dateline", ok as f64 / fields.len() as f64));
        }
    }
    if let Some(names) = gold["byline"]["names"].as_array() {
        let want: std::collections::BTreeSet<String> =
            names.iter().filter_map(|n| n.as_str()).map(plain).collect();
        let got: std::collections::BTreeSet<String> = t
            .byline
            .iter()
            .flat_map(|b| b.names.iter())
            .map(|n| plain(n))
            .collect();
        m.push(("byline", f64::from(u8::from(want == got))));
    }
    if let Some(groups) = gold["captions"].as_array() {
        let groups: Vec<Vec<String>> = groups
            .iter()
            .map(|g| alternatives(g).iter().map(|s| reader(s)).collect())
            .collect();
        let extra: Vec<String> = alternatives(&gold["captions_ok_extra"])
            .iter()
            .map(|s| reader(s))
            .collect();
        let (mut hits_p, mut n_pred) = (0, 0);
        let mut hit = vec![false; groups.len()];
        for c in &t.captions {
            let text = reader(&c.text);
            let h: Vec<usize> = (0..groups.len())
                .filter(|&g| groups[g].iter().any(|a| text.starts_with(a.as_str())))
                .collect();
            if !h.is_empty() {
                hits_p += 1;
                n_pred += 1;
                h.into_iter().for_each(|g| hit[g] = true);
            } else if !extra.iter().any(|e| text.starts_with(e.as_str())) {
                n_pred += 1;
            }
        }
        let hg = hit.iter().filter(|&&h| h).count();
        m.push(("captions", f1(hits_p, n_pred, hg, groups.len())));
    }
    let overall = if m.is_empty() {
        0.0
    } else {
        m.iter().map(|x| x.1).sum::<f64>() / m.len() as f64
    };
    m.push(("overall", overall));
    m
}
