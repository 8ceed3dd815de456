"""Print wall time and peak memory of the tools on a case log (figures, never assertions).

Run:  python benchmarks/tools.py [--rows 100000] [--repeat 3] [--src SRC ...]

Writes a reproducible case log of ``--rows`` rows (CSV, the sample log's columns: rows of
``examples/logs/inspectorate-2025-2026.csv`` drawn with a fixed seed, each with a new day
of its year and one of 30,000 offenders), then runs, as subprocesses,

- ``penalty-rules targets LOG --year 2026``
- ``penalty-rules reform LOG --change examples/reforms/raise-2026.toml``
- ``penalty-rules audit --log LOG --as-of 2026-11-01``

and, in a fresh interpreter, the library functions (reading the log, targets, reform, the
auditor). Each subprocess is started from a small parent that prints the child's wall time
and ``resource.getrusage(RUSAGE_CHILDREN).ru_maxrss`` (its peak resident memory).

``--src`` names source trees to compare (default: this checkout's ``src``), measured in
turns so that a busy machine slows them alike. The code before issue 11 refused case logs
above 5 MB; for such a tree the launcher lifts that limit (and says so).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import random
import resource
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "logs" / "inspectorate-2025-2026.csv"
CHANGES = ROOT / "examples" / "reforms" / "raise-2026.toml"

# Runs the command line in the child; an old tree gets room for a large log.
LAUNCH = """
import os, sys
from penalty_rules import inputs
if not hasattr(inputs, "MAX_LOG_BYTES"):
    inputs.read_text.__defaults__ = (64 * 1024 * 1024,)
if os.environ.get("BENCH_ROW_BY_ROW"):  # as without numpy and pandas
    from penalty_rules.planning import caselog
    caselog._BATCH = False
from penalty_rules.cli import main
raise SystemExit(main(sys.argv[1:]))
"""

# The library functions, timed in a fresh interpreter (one JSON line of figures).
IN_PROCESS = """
import json, os, resource, sys, time
from datetime import date
from penalty_rules import bundled_catalog, inputs
lifted = not hasattr(inputs, "MAX_LOG_BYTES")
if lifted:
    inputs.read_text.__defaults__ = (64 * 1024 * 1024,)
from penalty_rules.audit.auditor import audit
from penalty_rules.planning import caselog
if os.environ.get("BENCH_ROW_BY_ROW"):
    caselog._BATCH = False
from penalty_rules.planning.reform import load_changes, what_if
from penalty_rules.planning.targets import compute_targets
path, changes = sys.argv[1], sys.argv[2]
catalog = bundled_catalog()
out = {}
def timed(name, fn):
    start = time.perf_counter()
    value = fn()
    out[name] = time.perf_counter() - start
    return value
read = getattr(caselog, "read_case_log", caselog.load_case_log)
log = timed("read the log", lambda: read(path))
timed("targets 2026", lambda: compute_targets(log, 2026, catalog=catalog))
timed("reform", lambda: what_if(log, catalog, load_changes(changes)))
timed("audit with the log", lambda: audit(catalog, date(2026, 11, 1), log=log))
out["peak MB"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
out["log type"] = type(log).__name__
print(json.dumps(out))
"""


def write_log(path: Path, rows: int, seed: int = 11) -> None:
    """``rows`` rows like the sample log's, drawn with ``seed`` (the same file every time)."""
    with SAMPLE.open(encoding="utf-8", newline="") as handle:
        sample = list(csv.DictReader(handle))
    columns = list(sample[0])
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(columns)
        for _ in range(rows):
            row = dict(rng.choice(sample))
            decided = date.fromisoformat(row["date"])
            day = date(decided.year, 1, 1) + timedelta(days=rng.randrange(365))
            if "174/2026" in row["provision"] and day < date(2026, 7, 1):
                day = decided  # the new decree applies from 1 July 2026
            row["date"] = day.isoformat()
            row["offender_id"] = f"X{rng.randrange(30_000):05d}"
            writer.writerow([row[c] for c in columns])


def child(argv: list[str]) -> None:
    """Run ``argv`` and print its wall time and peak memory (one JSON line)."""
    start = time.perf_counter()
    done = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    wall = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # KiB on Linux
    print(json.dumps({"wall": wall, "peak_mb": peak, "status": done.returncode,
                      "stderr": done.stderr.decode("utf-8", "replace")[-300:]}))


def _env(src: Path, row_by_row: bool) -> dict[str, str]:
    env = dict(os.environ, PYTHONPATH=str(src))
    env.pop("BENCH_ROW_BY_ROW", None)
    if row_by_row:
        env["BENCH_ROW_BY_ROW"] = "1"
    return env


def measure(src: Path, argv: list[str], row_by_row: bool = False) -> dict[str, object]:
    env = _env(src, row_by_row)
    out = subprocess.run([sys.executable, __file__, "--child", "--", sys.executable, "-c", LAUNCH,
                          *argv], env=env, capture_output=True, text=True, check=True)
    result: dict[str, object] = json.loads(out.stdout)
    return result


def in_process(src: Path, log: Path, row_by_row: bool = False) -> dict[str, object]:
    env = _env(src, row_by_row)
    out = subprocess.run([sys.executable, "-c", IN_PROCESS, str(log), str(CHANGES)], env=env,
                         capture_output=True, text=True, check=True)
    result: dict[str, object] = json.loads(out.stdout)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=1, help="runs of each command (best kept)")
    parser.add_argument("--src", action="append", default=None, help="source tree(s) to compare")
    parser.add_argument("--log", default=None, help="where to write the log (default: a temp file)")
    parser.add_argument("--no-in-process", action="store_true")
    parser.add_argument("--row-by-row", action="store_true",
                        help="also measure each tree with the columnar path off (as without "
                             "numpy and pandas)")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("rest", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.rest)
        return
    import tempfile

    trees = [Path(s).resolve() for s in (args.src or [str(ROOT / "src")])]
    sources = [(t, False) for t in trees] + ([(t, True) for t in trees] if args.row_by_row else [])
    folder = Path(tempfile.mkdtemp(prefix="penalty-rules-tools-"))
    log = Path(args.log) if args.log else folder / f"log-{args.rows}.csv"
    start = time.perf_counter()
    write_log(log, args.rows)
    print(f"machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
          f"{platform.system()} {platform.release()}; load average "
          f"{', '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print(f"log: {log} ({args.rows:,} rows, {log.stat().st_size / 1e6:.1f} MB, written in "
          f"{time.perf_counter() - start:.1f} s)")
    commands = {
        "targets": ["targets", str(log), "--year", "2026"],
        "reform": ["reform", str(log), "--change", str(CHANGES)],
        "audit --log": ["audit", "--log", str(log), "--as-of", "2026-11-01"],
    }
    best: dict[tuple[str, tuple[Path, bool]], dict[str, object]] = {}
    for _ in range(args.repeat):
        for name, argv in commands.items():
            for src in sources:  # in turns: a busy moment slows every tree alike
                result = measure(src[0], argv, src[1])
                kept = best.get((name, src))
                if kept is None or float(result["wall"]) < float(kept["wall"]):  # type: ignore[arg-type]
                    best[(name, src)] = result
    def label(source: tuple[Path, bool]) -> str:
        return str(source[0])[-28 if not source[1] else -15:] + (" (row by row)" if source[1] else "")

    print("\ncommand (subprocess)        " + "".join(f"{label(s):>32}" for s in sources))
    for name in commands:
        cells = []
        for src in sources:
            r = best[(name, src)]
            status = "" if r["status"] == 0 else f" exit {r['status']}"
            cells.append(f"{float(r['wall']):8.2f} s {float(r['peak_mb']):7.0f} MB{status}")  # type: ignore[arg-type]
        print(f"{name:<28}" + "".join(f"{c:>32}" for c in cells))
    if args.no_in_process:
        return
    print("\nin process (seconds)")
    for src in sources:
        figures = in_process(src[0], log, src[1])
        print(f"  {label(src)}: " + ", ".join(f"{k} {v:.2f}" if isinstance(v, float) else f"{k} {v}"
                                       for k, v in figures.items()))


if __name__ == "__main__":
    main()
