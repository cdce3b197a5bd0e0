#!/usr/bin/env python3
"""Sum the .trx files of a test run into a table and a closing count line.

Usage: trx_summary.py RESULTS_DIR [RUNS_TSV]

RUNS_TSV (written by scripts/test.sh) has one line per `dotnet test` run:
label, exit code, seconds, trx file name. Runs without a trx still get a row,
and a .trx that no run claims gets one too.

Prints the table, then as the very last line `N passed, N failed`
(`, N skipped` appended when some tests were not executed).
Exit code: 0 if tests passed and none failed, 1 if any failed, 3 if none passed.
"""
import os
import sys
import xml.etree.ElementTree as ET

# Outcomes that are failures even though the trx does not call them "failed".
FAIL_COUNTERS = ("failed", "error", "timeout", "aborted")


def read_counters(path):
    """Counters of one trx, or None if the file cannot be read."""
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError):
        return None
    counters = next((e for e in root.iter() if e.tag.endswith("Counters")), None)
    summary = next((e for e in root.iter() if e.tag.endswith("ResultSummary")), None)
    if counters is None:
        return None

    def num(name):
        try:
            return int(counters.get(name, "0"))
        except ValueError:
            return 0

    return {
        "total": num("total"),
        "passed": num("passed"),
        "failed": sum(num(n) for n in FAIL_COUNTERS),
        # VSTest leaves notExecuted at 0 for skipped tests; they only show as total - executed.
        "skipped": max(num("notExecuted"), num("total") - num("executed")),
        "outcome": summary.get("outcome", "?") if summary is not None else "?",
    }


def read_runs(path):
    runs = []
    if path and os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for line in f:
                parts = line.rstrip("\n").split("\t")
                if len(parts) == 4:
                    runs.append(parts)
    return runs


def main():
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    results_dir = sys.argv[1]
    runs = read_runs(sys.argv[2] if len(sys.argv) > 2 else None)

    trx_files = []
    if os.path.isdir(results_dir):
        trx_files = sorted(f for f in os.listdir(results_dir) if f.endswith(".trx"))
    claimed = {r[3] for r in runs}
    for f in trx_files:
        if f not in claimed:
            runs.append([f[:-4], "-", "-", f])

    rows = []
    totals = {"total": 0, "passed": 0, "failed": 0, "skipped": 0}
    for label, rc, secs, trx in runs:
        c = read_counters(os.path.join(results_dir, trx))
        crashed = rc not in ("0", "-")
        if c is None:
            outcome = "unreadable trx" if os.path.exists(os.path.join(results_dir, trx)) else "no trx"
            c = {"total": 0, "passed": 0, "failed": 0, "skipped": 0, "outcome": outcome}
        # A run that exited non-zero without a failed test (host crash, hang, abort)
        # counts as one failure, so that the closing line never reads clean.
        if crashed and c["failed"] == 0:
            c["failed"] = 1
            c["outcome"] += " (run failed)"
        for k in totals:
            totals[k] += c[k]
        rows.append((label, rc, secs, c["total"], c["passed"], c["failed"], c["skipped"], c["outcome"]))

    header = ("run", "exit", "secs", "total", "passed", "failed", "skipped", "outcome")
    widths = [max(len(str(r[i])) for r in rows + [header]) for i in range(len(header))]
    for r in [header] + rows:
        print("  ".join(str(v).ljust(w) if i == 0 else str(v).rjust(w)
                        for i, (v, w) in enumerate(zip(r, widths))).rstrip())

    line = f"{totals['passed']} passed, {totals['failed']} failed"
    if totals["skipped"]:
        line += f", {totals['skipped']} skipped"
    print(line)

    if totals["failed"]:
        return 1
    if totals["passed"] == 0:
        return 3
    return 0


if __name__ == "__main__":
    sys.exit(main())
