//! `examples/batch.rs` as a streaming filter: JSON Lines in, JSON Lines out
//! in the input's order, nothing lost. A failed record is named by its line
//! and id on standard error and, with `--errors=stdout`, replaced by an
//! error record, so that every input line has one output line; an
//! oversized record, a panic or a closed output ends neither the run nor
//! the records around it.
//!
//! Most tests run the binary. `cargo test` builds the examples before the
//! tests; the binary is found beside this test's own
//! (`target/<profile>/examples/batch`). Run alone (`cargo test --test
//! batch`), cargo does not rebuild it: the test then refuses a binary older
//! than its source. The tests of what no input can trigger (a panic in the
//! parser) or time (results waiting behind a slow record) call the
//! example's `run` in this process, with a stand-in parser.

#[path = "../examples/batch.rs"]
#[allow(dead_code)]
mod batch_example;

use batch_example::{Config, Errors, IN_FLIGHT_RECORDS, Source, run as run_in_process};
use serde_json::{Value, json};
use std::io::{BufRead, BufReader, Read, Write};
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

/// The batch example built for this test run.
fn batch() -> PathBuf {
    let exe = std::env::current_exe().expect("the test's path");
    let profile = exe
        .parent()
        .and_then(|deps| deps.parent())
        .expect("target/<profile>/deps");
    let path = profile
        .join("examples")
        .join(format!("batch{}", std::env::consts::EXE_SUFFIX));
    let modified = |p: &std::path::Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    let source = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/batch.rs");
    assert!(
        modified(&path) >= modified(&source),
        "{} is missing or older than examples/batch.rs: run `cargo test` (it builds the examples) or `cargo build --example batch`",
        path.display()
    );
    path
}

/// Runs batch on `input` (standard input) with `args`.
fn run(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(batch())
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("batch starts");
    let mut stdin = child.stdin.take().expect("a pipe");
    let input = input.to_vec();
    // Written from a thread: batch writes while it reads.
    let feeder = std::thread::spawn(move || stdin.write_all(&input));
    let out = child.wait_with_output().expect("batch ends");
    feeder.join().unwrap().expect("batch reads its input");
    out
}

fn record(id: &str, text: &str) -> String {
    json!({ "id": id, "text": text }).to_string()
}

fn interview(i: usize) -> String {
    format!("Interview {i}\n\n- Question {i}?\n- Answer {i}.\n")
}

fn lines(bytes: &[u8]) -> Vec<Value> {
    std::str::from_utf8(bytes)
        .expect("the output is UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

/// Forty interviews with a bad record of each kind among them, and what
/// each input line should become: its id (null where there is none) and
/// the error code, if it fails.
fn mixed_input() -> (Vec<u8>, Vec<(Value, Option<&'static str>)>) {
    let mut input = Vec::new();
    let mut expected = Vec::new();
    for i in 0..40 {
        writeln!(input, "{}", record(&format!("doc-{i}"), &interview(i))).unwrap();
        expected.push((json!(format!("doc-{i}")), None));
        let bad: (&[u8], Value, Option<&str>) = match i {
            5 => (b"   ", Value::Null, Some("blank")),
            10 => (b"{not json", Value::Null, Some("not_json")),
            12 => (
                br#"{"id": "cut", "text": "- Why?"#,
                json!("cut"),
                Some("not_json"),
            ),
            15 => (br#"[1, 2]"#, Value::Null, Some("not_object")),
            20 => (
                b"{\"id\": \"latin1\", \"text\": \"- Caf\xe9?\\n- Oui.\"}",
                json!("latin1"),
                Some("not_utf8"),
            ),
            25 => (
                br#"{"id": 7, "text": 42}"#,
                json!(7),
                Some("text_not_string"),
            ),
            30 => (br#"{"id": "none"}"#, json!("none"), Some("no_text")),
            35 => (
                br#"{"id": "prose", "text": "Just a sentence."}"#,
                json!("prose"),
                Some("no_turns"),
            ),
            // Good records of other shapes: a number for an id, no id, a BOM.
            36 => (
                br#"{"id": 12345, "text": "- Why?\n- Yes."}"#,
                json!(12345),
                None,
            ),
            37 => (br#"{"content": "- Why?\n- Yes."}"#, Value::Null, None),
            38 => (
                b"\xef\xbb\xbf{\"id\": \"bom\", \"text\": \"- Why?\\n- Yes.\"}",
                json!("bom"),
                None,
            ),
            _ => continue,
        };
        input.extend_from_slice(bad.0);
        input.push(b'\n');
        expected.push((bad.1, bad.2));
    }
    (input, expected)
}

#[test]
fn with_errors_on_stdout_every_input_line_has_one_output_line_in_order() {
    let (input, expected) = mixed_input();
    let out = run(&["-j", "2", "--errors=stdout"], &input);
    assert!(out.status.success(), "{out:?}");
    let got = lines(&out.stdout);
    assert_eq!(got.len(), input.split(|&b| b == b'\n').count() - 1);
    assert_eq!(got.len(), expected.len());
    for (n, (v, (id, code))) in got.iter().zip(&expected).enumerate() {
        let line = n as u64 + 1;
        assert_eq!(&v["id"], id, "line {line}: {v}");
        // The line number stands beside a null id, and only there.
        let line_field = id.is_null().then(|| json!(line));
        assert_eq!(v.get("line"), line_field.as_ref(), "line {line}: {v}");
        match code {
            Some(code) => {
                assert_eq!(v["error"]["code"], *code, "line {line}: {v}");
                assert!(
                    v["error"]["message"]
                        .as_str()
                        .is_some_and(|m| !m.is_empty())
                );
                assert!(v.get("transcript").is_none());
            }
            None => assert!(
                v["transcript"]["turns"]
                    .as_array()
                    .is_some_and(|t| t.len() == 2)
            ),
        }
    }
    let stderr = String::from_utf8(out.stderr).unwrap();
    for said in [
        "line 7: the line is blank",
        "line 13: not JSON",
        "line 16, id \"cut\": not JSON",
        "line 20: a record is a JSON object, not an array",
        "line 26, id \"latin1\": byte 31 (0xE9) does not begin or continue a UTF-8 character",
        "line 32, id 7: `text` is not a string but a number",
        "line 38, id \"none\": no text field",
        "line 44, id \"prose\": found no question or answer turns",
        "51 documents (8 failed)",
    ] {
        assert!(stderr.contains(said), "{said:?} not in {stderr}");
    }
}

#[test]
fn by_default_failures_are_named_on_stderr_and_left_out_of_the_output() {
    let (input, expected) = mixed_input();
    let out = run(&["-j", "2"], &input);
    assert!(out.status.success(), "{out:?}");
    let ids: Vec<Value> = lines(&out.stdout).iter().map(|v| v["id"].clone()).collect();
    let good: Vec<Value> = expected
        .iter()
        .filter(|(_, code)| code.is_none())
        .map(|(id, _)| id.clone())
        .collect();
    assert_eq!(ids, good);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.matches("batch: line ").count(), 8, "{stderr}");
}

#[test]
fn fail_on_error_writes_everything_then_exits_non_zero() {
    let (input, _) = mixed_input();
    let strict = run(&["--errors=stdout", "--fail-on-error"], &input);
    let lenient = run(&["--errors=stdout"], &input);
    assert_eq!(strict.status.code(), Some(1));
    assert!(lenient.status.success());
    assert_eq!(strict.stdout, lenient.stdout);
    let stderr = String::from_utf8(strict.stderr).unwrap();
    assert!(
        stderr.contains("8 record(s) failed (--fail-on-error)"),
        "{stderr}"
    );
    // Without a failure, the option changes nothing.
    let good = format!("{}\n", record("a", &interview(1)));
    assert!(run(&["--fail-on-error"], good.as_bytes()).status.success());
}

#[test]
fn ids_and_messages_on_stderr_cannot_forge_a_line_or_drive_a_terminal() {
    let input = [
        record("a\nbatch: line 99: forged", "no turns here"),
        record(
            "bell\u{7}",
            "Text with \u{1b}[31mred\u{1b}[0m and a bell \u{7}.",
        ),
        record("rtl\u{202e}", "Quiet prose\u{85}"),
    ]
    .join("\n");
    let out = run(&["--errors=stdout"], input.as_bytes());
    let stderr = String::from_utf8(out.stderr).unwrap();
    // Three failures and the summary: four lines, no more.
    assert_eq!(stderr.lines().count(), 4, "{stderr}");
    assert!(!stderr.contains("\nbatch: line 99"), "{stderr}");
    assert!(
        !stderr.contains(['\u{7}', '\u{1b}', '\u{85}', '\u{202e}']),
        "{stderr:?}"
    );
    assert!(stderr.contains(r"\u{1b}[31mred"), "{stderr}");
    assert!(stderr.contains(r#"id "rtl\u{202e}""#), "{stderr}");
    // Standard output is JSON: an id keeps every character.
    let ids: Vec<Value> = lines(&out.stdout).iter().map(|v| v["id"].clone()).collect();
    assert_eq!(ids[0], json!("a\nbatch: line 99: forged"));
}

#[test]
fn an_oversized_record_is_an_error_and_the_records_around_it_are_written() {
    let big = "- x\n".repeat(50_000);
    let input = [
        record("before", &interview(1)),
        record("big", &big),
        // The id after the text: not among the bytes read, so null.
        format!(r#"{{"text": {}, "id": "late"}}"#, json!(big)),
        record("after", &interview(2)),
    ]
    .join("\n");
    let out = run(
        &["--errors=stdout", "--max-record-bytes", "100K"],
        input.as_bytes(),
    );
    assert!(out.status.success(), "{out:?}");
    let got = lines(&out.stdout);
    let ids: Vec<&Value> = got.iter().map(|v| &v["id"]).collect();
    assert_eq!(
        ids,
        [
            &json!("before"),
            &json!("big"),
            &Value::Null,
            &json!("after")
        ]
    );
    for v in &got[1..3] {
        assert_eq!(v["error"]["code"], "too_large");
        let message = v["error"]["message"].as_str().unwrap();
        assert!(
            message.contains("over the limit of 102400 bytes"),
            "{message}"
        );
    }
    assert_eq!(got[2]["line"], 3);
    assert!(got[3]["transcript"].is_object());
    // Under the default limit the same record is a document.
    let whole = run(&[], input.as_bytes());
    assert_eq!(lines(&whole.stdout).len(), 4);
}

#[test]
fn a_closed_output_ends_the_run_quietly() {
    let mut child = Command::new(batch())
        .args(["-j", "2"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("batch starts");
    let mut stdin = child.stdin.take().unwrap();
    let feeder = std::thread::spawn(move || {
        for i in 0..100_000 {
            if writeln!(stdin, "{}", record(&i.to_string(), &interview(i))).is_err() {
                break; // batch has stopped reading
            }
        }
    });
    // Like `| head -1`: one line, then the pipe closes.
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.starts_with(r#"{"id":"0","transcript""#), "{first}");
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let status = child.wait().unwrap();
    feeder.join().unwrap();
    assert!(status.success(), "{status:?}: {stderr}");
    assert!(!stderr.to_lowercase().contains("pipe"), "{stderr}");
    assert!(!stderr.contains("error"), "{stderr}");
}

#[test]
fn a_record_is_written_as_soon_as_it_is_parsed_not_when_the_input_ends() {
    let mut child = Command::new(batch())
        .args(["-j", "2"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("batch starts");
    let mut stdin = child.stdin.take().unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    // Records come one at a time, as from a slow producer; each is answered
    // while the input is still open.
    for i in 0..3 {
        writeln!(stdin, "{}", record(&format!("r{i}"), &interview(i))).unwrap();
        stdin.flush().unwrap();
        let mut line = String::new();
        stdout.read_line(&mut line).unwrap();
        let v: Value = serde_json::from_str(&line).unwrap();
        assert_eq!(v["id"], format!("r{i}"));
    }
    drop(stdin);
    assert!(child.wait().unwrap().success());
}

#[test]
fn one_thread_gives_the_same_lines() {
    let input: String = (0..12)
        .map(|i| record(&i.to_string(), &format!("Q: Why {i}?\nA: Because {i}.\n")) + "\n")
        .collect();
    let one = run(&["-j", "1"], input.as_bytes());
    let two = run(&["-j", "2"], input.as_bytes());
    assert!(one.status.success() && two.status.success());
    assert_eq!(one.stdout, two.stdout);
    assert_eq!(lines(&one.stdout).len(), 12);
}

#[test]
fn the_files_of_a_folder_are_documents_named_by_their_paths() {
    let dir = std::env::temp_dir().join(format!("press-transcript-batch-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("a.txt"), interview(1)).unwrap();
    std::fs::write(dir.join("b.txt"), b"- Caf\xe9?\n- Oui.\n").unwrap();
    std::fs::write(dir.join("c.txt"), interview(2).repeat(100)).unwrap();
    let folder = dir.to_str().unwrap();
    let out = run(
        &["--errors=stdout", "--max-record-bytes", "1K", folder],
        b"",
    );
    std::fs::remove_dir_all(&dir).unwrap();
    let got = lines(&out.stdout);
    let path = |f: &str| json!(dir.join(f).display().to_string());
    assert_eq!(got.len(), 3);
    assert_eq!(
        (&got[0]["id"], got[0]["transcript"].is_object()),
        (&path("a.txt"), true)
    );
    assert_eq!(
        (&got[1]["id"], &got[1]["error"]["code"]),
        (&path("b.txt"), &json!("not_utf8"))
    );
    assert_eq!(
        (&got[2]["id"], &got[2]["error"]["code"]),
        (&path("c.txt"), &json!("too_large"))
    );
}

#[test]
fn usage_errors_exit_with_status_2() {
    for args in [
        &["-j", "0"][..],
        &["--errors=nowhere"],
        &["--max-record-bytes", "lots"],
        &["--bogus"],
    ] {
        let out = run(args, b"");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            String::from_utf8(out.stderr)
                .unwrap()
                .contains("usage: batch")
        );
    }
}

/// The PySpark recipe (`examples/pyspark_batch.py`) in local mode, over the
/// mixed input spread on two partitions: as many output lines as input
/// lines, each id once, and every record with an id written as batch
/// writes it alone. Skipped, saying so, where `python3 -c 'import pyspark'`
/// fails or there is no Java.
#[test]
fn the_pyspark_recipe_gives_one_line_per_input_line_and_the_same_ids() {
    let works = |cmd: &mut Command| {
        cmd.stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    };
    if !works(Command::new("python3").args(["-c", "import pyspark"])) {
        eprintln!("skipped: `python3 -c 'import pyspark'` fails (pip install pyspark to run it)");
        return;
    }
    if !works(Command::new("java").arg("-version")) {
        eprintln!("skipped: pyspark is there but java is not (Spark needs Java 17 or later)");
        return;
    }
    let (input, expected) = mixed_input();
    let dir = std::env::temp_dir().join(format!("press-transcript-spark-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("in.jsonl"), &input).unwrap();
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/pyspark_batch.py");
    let spark = Command::new("python3")
        .arg(script)
        .args(["--master", "local[2]", "--partitions", "2", "--batch"])
        .arg(batch())
        .arg(dir.join("in.jsonl"))
        .arg(dir.join("out"))
        .output()
        .expect("python3 runs");
    let stdout = String::from_utf8_lossy(&spark.stdout);
    assert!(
        spark.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&spark.stderr)
    );
    let report: Value = serde_json::from_str(stdout.lines().last().unwrap()).unwrap();
    let mut parts: Vec<PathBuf> = std::fs::read_dir(dir.join("out"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_str()
                .unwrap()
                .starts_with("part-")
        })
        .collect();
    parts.sort();
    let mut from_spark: Vec<String> = Vec::new();
    for p in parts {
        from_spark.extend(
            std::fs::read_to_string(p)
                .unwrap()
                .lines()
                .map(String::from),
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();

    let n = expected.len();
    assert_eq!(
        (
            report["input_lines"].as_u64(),
            report["output_lines"].as_u64()
        ),
        (Some(n as u64), Some(n as u64))
    );
    assert_eq!(from_spark.len(), n);
    assert_eq!(report["errors"]["not_utf8"], 1, "{report}");
    let failed = expected.iter().filter(|(_, code)| code.is_some()).count() as u64;
    assert_eq!(
        report["documents"].as_u64(),
        Some(n as u64 - failed),
        "{report}"
    );
    let sorted = |mut v: Vec<String>| {
        v.sort();
        v
    };
    let spark_ids: Vec<String> = from_spark
        .iter()
        .map(|l| serde_json::from_str::<Value>(l).unwrap()["id"].to_string())
        .collect();
    let ids: Vec<String> = expected.iter().map(|(id, _)| id.to_string()).collect();
    assert_eq!(sorted(spark_ids), sorted(ids));
    // Line numbers restart in every partition: records with an id only.
    let alone = run(&["--errors=stdout"], &input);
    let with_id = |l: &&str| !l.starts_with(r#"{"id":null"#);
    let alone: Vec<String> = std::str::from_utf8(&alone.stdout)
        .unwrap()
        .lines()
        .filter(with_id)
        .map(String::from)
        .collect();
    let spark: Vec<String> = from_spark
        .iter()
        .map(String::as_str)
        .filter(with_id)
        .map(String::from)
        .collect();
    assert_eq!(sorted(spark), sorted(alone));
}

// In process, with a stand-in parser.

/// Parses like the library, but panics on a text holding `PANIC` and takes
/// its time over one holding `SLOW`.
fn stand_in(text: &str) -> Result<press_transcript::Transcript<'_>, press_transcript::Error> {
    if text.contains("PANIC") {
        panic!("a stand-in bug");
    }
    if text.contains("SLOW") {
        std::thread::sleep(std::time::Duration::from_millis(400));
    }
    press_transcript::parse(text)
}

fn run_stand_in(input: String, threads: usize) -> (Vec<Value>, String, batch_example::Summary) {
    let config = Config {
        threads,
        errors: Errors::Stdout,
        parse: stand_in,
        ..Config::default()
    };
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let source = Source::Lines(std::io::Cursor::new(input.into_bytes()));
    let summary = run_in_process(source, &mut out, &mut err, &config).expect("the run ends");
    (lines(&out), String::from_utf8(err).unwrap(), summary)
}

#[test]
fn a_panic_in_one_record_is_that_records_error_and_the_run_goes_on() {
    let input: String = (0..20)
        .map(|i| {
            let text = if i % 7 == 3 {
                "- PANIC?\n- Yes.".to_string()
            } else {
                interview(i)
            };
            record(&format!("doc-{i}"), &text) + "\n"
        })
        .collect();
    let (got, stderr, summary) = run_stand_in(input, 2);
    assert_eq!(got.len(), 20);
    assert_eq!((summary.records, summary.failed), (20, 3));
    for (i, v) in got.iter().enumerate() {
        assert_eq!(v["id"], format!("doc-{i}"));
        if i % 7 == 3 {
            assert_eq!(v["error"]["code"], "panic", "{v}");
            let message = v["error"]["message"].as_str().unwrap();
            assert!(
                message.contains("a stand-in bug") && message.contains("tests/batch.rs"),
                "{message}"
            );
        } else {
            assert!(v["transcript"].is_object(), "{v}");
        }
    }
    assert!(
        stderr.contains("line 4, id \"doc-3\": the parser panicked"),
        "{stderr}"
    );
}

#[test]
fn results_waiting_behind_a_slow_record_hold_the_reader_back() {
    let mut input = record("slow", "- SLOW?\n- Yes.") + "\n";
    for i in 0..3_000 {
        input += &(record(&i.to_string(), "- Why?\n- Yes.") + "\n");
    }
    let (got, _, summary) = run_stand_in(input, 2);
    assert_eq!(got.len(), 3_001);
    assert_eq!(got[0]["id"], "slow");
    assert_eq!(got[3_000]["id"], "2999");
    // While the slow record is parsed, the other thread finishes what it may
    // take, and those results wait; the rest of the input is not read.
    assert!(
        summary.peak_waiting < IN_FLIGHT_RECORDS,
        "{} results waited at once",
        summary.peak_waiting
    );
}

/// Keeps each piece it is given to write, as it is given.
#[derive(Default)]
struct Writes(Vec<Vec<u8>>);

impl Write for Writes {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.push(buf.to_vec());
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn a_record_and_its_newline_go_out_in_one_write() {
    // Small records, which go out many to a write, and records whose line
    // alone is longer than a write's batch, good and bad.
    let long = interview(1).repeat(2_000);
    let input: String = (0..200)
        .map(|i| match i % 50 {
            7 => record(&i.to_string(), &long),
            8 => format!(r#"{{"id": {i}, "text": {}"#, json!(long)), // cut short
            _ => record(&i.to_string(), &interview(i)),
        } + "\n")
        .collect();
    let config = Config {
        threads: 2,
        errors: Errors::Stdout,
        ..Config::default()
    };
    let (mut out, mut err) = (Writes::default(), Vec::new());
    let source = Source::Lines(std::io::Cursor::new(input.into_bytes()));
    let summary = run_in_process(source, &mut out, &mut err, &config).expect("the run ends");
    assert_eq!((summary.records, summary.failed), (200, 4));
    let writes = out.0;
    // Every write ends a line: a kill between two writes cannot leave half
    // of one.
    for w in &writes {
        assert_eq!(w.last(), Some(&b'\n'), "a write of {} bytes", w.len());
    }
    let all: Vec<u8> = writes.concat();
    let got = lines(&all);
    assert_eq!(got.len(), 200);
    for (i, v) in got.iter().enumerate() {
        // The records cut short have a number for an id, found before the cut.
        let id = if i % 50 == 8 {
            json!(i)
        } else {
            json!(i.to_string())
        };
        assert_eq!(v["id"], id, "{v}");
    }
    assert!(writes.len() < 200, "{} writes for 200 lines", writes.len());
}

// Big inputs, measured by `/usr/bin/time -v`: not run by default (they
// stream hundreds of megabytes). `cargo test --release --test batch --
// --ignored` runs them.

/// Runs batch under `/usr/bin/time -v` with `args`, its input written by
/// `feed`; returns the id of every output line, in order, whether each is
/// an error, and the peak resident set size in KiB. None where there is
/// no `/usr/bin/time`.
fn ids_and_peak_rss(
    args: &[&str],
    feed: impl FnOnce(&mut dyn Write) -> std::io::Result<()> + Send + 'static,
) -> Option<(Vec<(Value, bool)>, u64)> {
    let time = std::path::Path::new("/usr/bin/time");
    if !time.exists() {
        eprintln!("skipped: no /usr/bin/time to measure the peak memory with");
        return None;
    }
    let mut child = Command::new(time)
        .arg("-v")
        .arg(batch())
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("batch starts");
    let mut stdin = std::io::BufWriter::new(child.stdin.take().unwrap());
    let feeder = std::thread::spawn(move || feed(&mut stdin).and_then(|()| stdin.flush()));
    let mut stderr = child.stderr.take().unwrap();
    let errors = std::thread::spawn(move || {
        let mut s = String::new();
        stderr.read_to_string(&mut s).map(|_| s)
    });
    // Read as it comes: the output is not kept, only each line's id.
    let mut ids = Vec::new();
    for line in BufReader::new(child.stdout.take().unwrap()).lines() {
        let v: Value = serde_json::from_str(&line.unwrap()).expect("a JSON line");
        ids.push((v["id"].clone(), v.get("error").is_some()));
    }
    assert!(child.wait().unwrap().success());
    feeder.join().unwrap().expect("batch reads its input");
    let report = errors.join().unwrap().unwrap();
    let kib = report
        .lines()
        .find_map(|l| {
            l.trim()
                .strip_prefix("Maximum resident set size (kbytes): ")
        })
        .and_then(|n| n.parse().ok())
        .expect("time -v reports the peak");
    Some((ids, kib))
}

#[test]
#[ignore = "streams 200 MB; run with --ignored"]
fn a_200_mb_record_is_an_error_the_good_records_are_written_and_memory_stays_small() {
    let Some((ids, kib)) = ids_and_peak_rss(&["--errors=stdout"], |w| {
        writeln!(w, "{}", record("good", &interview(1)))?;
        w.write_all(br#"{"id": "big", "text": ""#)?;
        for _ in 0..40_000_000 {
            w.write_all(br"- x\n")?;
        }
        w.write_all(b"\"}\n")?;
        writeln!(w, "{}", record("after", &interview(2)))
    }) else {
        return;
    };
    assert_eq!(
        ids,
        [
            (json!("good"), false),
            (json!("big"), true),
            (json!("after"), false)
        ]
    );
    assert!(kib < 2 << 20, "peak RSS {kib} KiB");
}

#[test]
#[ignore = "400,000 records behind a slow one; run with --ignored"]
fn a_slow_record_then_400_000_small_ones_stay_under_100_mb() {
    // Slow as long as ampersands cost the parser more than linear time
    // (issue 17); whatever it costs, memory must stay small.
    let Some((ids, kib)) = ids_and_peak_rss(&["-j", "2", "--errors=stdout"], |w| {
        let slow = format!("- Why?\n- Because {}", "&".repeat(600_000));
        writeln!(w, "{}", record("slow", &slow))?;
        for i in 0..400_000 {
            writeln!(
                w,
                "{}",
                json!({"id": i, "text": format!("- Q {i}?\n- A {i}.")})
            )?;
        }
        Ok(())
    }) else {
        return;
    };
    assert_eq!(ids.len(), 400_001);
    assert_eq!(ids[0], (json!("slow"), false));
    assert!(
        ids[1..]
            .iter()
            .enumerate()
            .all(|(i, id)| *id == (json!(i), false))
    );
    assert!(kib < 100 << 10, "peak RSS {kib} KiB");
}
