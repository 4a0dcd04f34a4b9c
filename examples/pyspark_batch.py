"""Parse JSON Lines of transcripts on Spark with press-transcript's `batch`.

Build the binary once (for the executors' platform) and ship it with the job:

    cargo build --release --example batch
    spark-submit --files target/release/examples/batch \\
        examples/pyspark_batch.py INPUT OUTPUT [--partitions N] [--threads N]

or, on one machine, without spark-submit (the script ships the binary itself):

    python3 examples/pyspark_batch.py --master 'local[2]' \\
        --batch target/release/examples/batch INPUT OUTPUT

INPUT is JSON Lines, `{"id": ..., "text": ...}` a line, plain or gzipped: a
file, a folder or a glob. OUTPUT is a folder of text part files, one JSON
line per input line: `{"id", "transcript"}` or `{"id", "error": {"code",
"message"}}`. At the end the script reads OUTPUT back, joins it to INPUT by
id and prints one JSON line of counts: input lines, output lines, documents,
errors by code, output records whose id is found in the input.

Why it is written this way:

- Each partition runs one `batch` process. `run_batch` is what PySpark's
  `rdd.pipe(command, env, checkCode=True)` does (a process per partition
  inside `mapPartitions`, the input written from a thread, a non-zero exit
  fails the task) with one difference: it writes the lines' bytes as they
  are. `rdd.pipe` writes `str()` of each element, and `sc.textFile` decodes
  lines with replacement, so a line that is not UTF-8 would reach batch
  with U+FFFD in place of its bad bytes and pass as a document. Here lines
  are read as bytes (`spark.read.text(..., lineSep="\\n")` cast to binary)
  and such a line fails as `not_utf8`.
- batch runs with `--errors=stdout`: a failed record comes back as an error
  record in its place, so each task checks that it got exactly one output
  line per input line and fails otherwise. `--fail-on-error` adds batch's
  option of that name: a bad record then fails the task (and the job, after
  Spark's retries) instead of being counted.
- The binary is found with `SparkFiles.get` inside the partition function,
  on the executor: the path `SparkFiles.get` gives on the driver is the
  driver's. (`rdd.pipe("./batch")` finds it on YARN, where `--files` land in
  the task's working directory, but not in local or standalone mode.)
- An explicit environment: `rdd.pipe` starts its command with an empty
  environment unless given `env`, and so does `run_batch`, so the thread
  count goes in `BATCH_THREADS` (1 by default: Spark already runs a task
  per core; without it batch would start a thread per core in every task).
- A gzipped file cannot be split: it is read by one task, whatever the
  cluster's size. `--partitions N` spreads its lines over N partitions (a
  shuffle, and the lines' order is lost); better, store the input as many
  gzipped files, or uncompressed.
- Results are joined back to their input by id (the id's JSON text, so that
  7 and "7" stay apart). Line numbers restart in every partition, so a
  record without an id can be matched only by its position within its
  partition: batch writes one line per input line, in order.
"""

import argparse
import json
import os
import subprocess
import sys
import threading
from collections import Counter

from pyspark import SparkFiles
from pyspark.sql import SparkSession
from pyspark.sql import functions as F


def run_batch(lines, name, threads, fail_on_error):
    """Pipes one partition's lines (bytes) through the binary shipped under
    `name` and yields its output lines (str). Runs on the executor."""
    exe = SparkFiles.get(name)
    if not os.access(exe, os.X_OK):  # a copy that lost its mode on the way
        os.chmod(exe, 0o755)
    args = [exe, "--errors=stdout"] + (["--fail-on-error"] if fail_on_error else [])
    proc = subprocess.Popen(
        args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, env={"BATCH_THREADS": str(threads)}
    )
    fed = [0]

    def feed():
        try:
            for line in lines:
                proc.stdin.write(line + b"\n")
                fed[0] += 1
        except BrokenPipeError:
            pass  # batch stopped reading: its exit status says why
        finally:
            try:
                proc.stdin.close()
            except BrokenPipeError:
                pass

    # Written from a thread, as rdd.pipe does: batch writes while it reads.
    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    out = 0
    for line in proc.stdout:
        out += 1
        yield line.decode("utf-8").rstrip("\n")
    writer.join()
    status = proc.wait()
    if status != 0:  # what rdd.pipe's checkCode=True does
        raise RuntimeError(f"{' '.join(args)} exited with status {status}")
    if out != fed[0]:
        raise RuntimeError(f"batch wrote {out} lines for {fed[0]} input lines")


def id_key(line):
    """The JSON text of an input line's id ("null" without one); None where
    Python cannot read the line (not UTF-8, not JSON)."""
    try:
        record = json.loads(line)
    except ValueError:
        return None
    return json.dumps(record.get("id") if isinstance(record, dict) else None, sort_keys=True)


def outcome(line):
    """An output line's id key and what it is: "document" or its error code."""
    record = json.loads(line)
    kind = record["error"]["code"] if "error" in record else "document"
    return json.dumps(record["id"], sort_keys=True), kind


def tally(key_and_sides):
    """What one id stands for on both sides of the join, for the report:
    each of its output lines, and how many input lines hold it."""
    key, (outputs, inputs) = key_and_sides
    inputs = len(inputs)
    found = key != "null" and inputs > 0
    return [("output", kind, found) for kind in outputs] + [("input", inputs, False)]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("input")
    ap.add_argument("output")
    ap.add_argument("--batch", help="the batch binary, when not shipped with --files")
    ap.add_argument("--partitions", type=int, default=0, help="repartition to N first")
    ap.add_argument("--threads", type=int, default=1, help="BATCH_THREADS for each task")
    ap.add_argument("--fail-on-error", action="store_true", help="fail the job on a bad record")
    ap.add_argument("--master", help="e.g. local[2], when run without spark-submit")
    args = ap.parse_args()

    builder = SparkSession.builder.appName("press-transcript batch")
    for key, value in [
        ("spark.ui.showConsoleProgress", "false"),
        ("spark.ui.enabled", "false"),
        # The join below needs no more partitions than the input has.
        ("spark.default.parallelism", str(max(args.partitions, 2))),
    ]:
        builder = builder.config(key, value)
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    sc = spark.sparkContext
    sc.setLogLevel("WARN")
    # The name the binary is shipped under: with spark-submit --files, that
    # of the file given there.
    name = "batch"
    if args.batch:
        sc.addFile(os.path.abspath(args.batch))
        name = os.path.basename(args.batch)

    # Bytes as they are in the file, a line each.
    lines = (
        spark.read.text(args.input, lineSep="\n")
        .select(F.col("value").cast("binary"))
        .rdd.map(lambda row: bytes(row[0]))
    )
    if args.partitions and lines.getNumPartitions() < args.partitions:
        lines = lines.repartition(args.partitions)
    threads, fail = args.threads, args.fail_on_error
    lines.mapPartitions(lambda part: run_batch(part, name, threads, fail)).saveAsTextFile(
        args.output
    )

    # Joining the results back to their input by id: here, to count; a job
    # would carry the input's other fields along instead of a 1.
    written = sc.textFile(args.output).map(outcome)
    given = lines.map(lambda b: (id_key(b), 1))
    counts = written.cogroup(given).flatMap(tally).countByValue()
    kinds, input_lines, joined = Counter(), 0, 0
    for (side, what, found), n in counts.items():
        if side == "input":
            input_lines += n * what
        else:
            kinds[what] += n
            joined += n if found else 0
    report = {
        "input_lines": input_lines,
        "output_lines": sum(kinds.values()),
        "partitions": lines.getNumPartitions(),
        "documents": kinds.pop("document", 0),
        "errors": dict(sorted(kinds.items())),
        "joined_by_id": joined,
    }
    print(json.dumps(report))
    spark.stop()
    return 0 if report["input_lines"] == report["output_lines"] else 1


if __name__ == "__main__":
    sys.exit(main())
