"""Parse JSON Lines of transcripts on Spark with press-transcript's `batch`.

Build the binary once (for the executors' platform) and ship it with the job:

    cargo build --release --example batch
    spark-submit --files target/release/examples/batch \\
        examples/pyspark_batch.py INPUT OUTPUT [--partitions N] [--threads N]

or, on one machine, without spark-submit (the script ships the binary itself):

    python3 examples/pyspark_batch.py --batch target/release/examples/batch INPUT OUTPUT

INPUT is JSON Lines, `{"id": ..., "text": ...}` a line, plain or gzipped.
OUTPUT is a folder of text part files, one JSON line per input line:
`{"id", "transcript"}` or `{"id", "error": {"code", "message"}}`. At the end
the script prints one JSON line of counts (input lines, output lines,
documents, errors by code, results joined back to their input by id).

Why it is written this way:

- Each partition runs one `batch` process (`mapPartitions`), as `rdd.pipe`
  does, with `checkCode` semantics: `--fail-on-error` makes batch exit 1
  when a record failed, and a non-zero exit fails the task. Here batch runs
  with `--errors=stdout` and without `--fail-on-error`, so that bad records
  come back as error records to count instead of failing the job; pass
  `--fail-on-error` to this script to fail the job instead.
- The binary is found with `SparkFiles.get("batch")` inside the partition
  function, on the executor: the path `SparkFiles.get` gives on the driver is
  the driver's. (`rdd.pipe("./batch", ...)` also works on YARN, where
  `--files` land in the task's working directory, but not in local or
  standalone mode.)
- An explicit environment: PySpark's `rdd.pipe` starts the command with an
  empty environment unless given `env`, and this function does the same, so
  the thread count is passed as `BATCH_THREADS` (one thread a task by
  default: Spark already runs one task per core).
- Lines are read as bytes (`spark.read.text(..., lineSep="\\n")` cast to
  binary) and written to batch unchanged: `sc.textFile` decodes with
  replacement, so a line that is not UTF-8 would reach batch with U+FFFD in
  place of its bad bytes and pass as a document; this way it fails as
  `not_utf8`. (`rdd.pipe` writes `str()` of each element, so it cannot pass
  bytes through.)
- A gzipped file cannot be split: it is read by one task, whatever the
  cluster's size. `--partitions N` spreads its lines over N partitions
  (a shuffle, and the output's order is lost); better, store the input as
  many gzipped files or uncompressed.
- Results are joined back to their input by id; line numbers restart in every
  partition, so a record without an id can be matched only by position
  within its partition (batch writes one line per input line, in order).
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
    `name`; yields its output lines. Runs on the executor."""
    exe = SparkFiles.get(name)
    args = [exe, "--errors=stdout"] + (["--fail-on-error"] if fail_on_error else [])
    proc = subprocess.Popen(
        args,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env={"BATCH_THREADS": str(threads)},
    )

    def feed():
        try:
            for line in lines:
                proc.stdin.write(line + b"\n")
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
    for out in proc.stdout:
        yield out.decode("utf-8").rstrip("\n")
    writer.join()
    status = proc.wait()
    if status != 0:  # what rdd.pipe's checkCode=True does
        raise RuntimeError(f"{exe} {' '.join(args[1:])} exited with status {status}")


def id_key(line):
    """The JSON text of a record's id, as the key to join on; None where the
    record or its id cannot be read."""
    try:
        record = json.loads(line)
        return json.dumps(record.get("id"), sort_keys=True) if isinstance(record, dict) else None
    except ValueError:  # not UTF-8 or not JSON
        return None


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

    builder = SparkSession.builder.appName("press-transcript batch").config(
        "spark.ui.showConsoleProgress", "false"
    )
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("WARN")
    sc = spark.sparkContext
    # The name the binary is shipped under: with spark-submit --files, that of
    # the file given there.
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
    lines = lines.cache()
    threads, fail = args.threads, args.fail_on_error
    results = lines.mapPartitions(lambda part: run_batch(part, name, threads, fail)).cache()
    results.saveAsTextFile(args.output)

    # Joining results back to their input by id: here, to count the
    # documents whose input record is found; a job would carry the input's
    # other fields along.
    parsed = results.map(json.loads)
    by_id = parsed.filter(lambda r: r["id"] is not None).map(
        lambda r: (json.dumps(r["id"], sort_keys=True), r)
    )
    inputs = lines.map(lambda b: (id_key(b), None)).filter(lambda kv: kv[0] not in (None, "null"))
    joined = by_id.join(inputs).count()

    # What came out: documents and errors by code, with or without an id.
    kinds = parsed.map(
        lambda r: (r["error"]["code"] if "error" in r else "document", r["id"] is None)
    ).countByValue()
    codes, without_id = Counter(), 0
    for (code, no_id), n in kinds.items():
        codes[code] += n
        without_id += n if no_id else 0
    report = {
        "input_lines": lines.count(),
        "output_lines": sum(codes.values()),
        "partitions": lines.getNumPartitions(),
        "documents": codes.pop("document", 0),
        "errors": dict(sorted(codes.items())),
        "joined_by_id": joined,
        "without_id": without_id,
    }
    print(json.dumps(report))
    spark.stop()
    return 0 if report["input_lines"] == report["output_lines"] else 1


if __name__ == "__main__":
    sys.exit(main())
