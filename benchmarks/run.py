"""Print timing figures for penalty_rules (figures, not assertions).

Run:  python benchmarks/run.py [--n 10000]

Measures: ``import penalty_rules`` in a fresh interpreter, loading the bundled catalog
(uncached), one assessment, N assessments, citation parsing, and an audit of the whole
bundled catalog (target: 200 ms or less).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date

from penalty_rules import assess, bundled_catalog, parse_citation
from penalty_rules.audit.auditor import audit
from penalty_rules.audit.context import clear_catalog_indexes

CASE = {
    "offender": {"kind": "organization"},
    "decided_on": "2026-09-15",
    "violations": [
        {"provision": "điểm b khoản 7 Điều 34 Nghị định 174/2026/NĐ-CP", "committed_on": "2026-05-01",
         "ended_on": None, "detected_on": "2026-08-20", "aggravating": ["concealed"]},
        {"provision": "khoản 1 Điều 34 Nghị định 174/2026/NĐ-CP", "committed_on": "2026-07-05",
         "ended_on": "2026-08-01", "detected_on": "2026-08-20", "quantity": 150,
         "mitigating": ["remedied_harm", "confessed"]},
        {"provision": "điểm a khoản 1 Điều 95 Nghị định 174/2026/NĐ-CP", "committed_on": "2026-03-01",
         "ended_on": "2026-03-02", "detected_on": "2026-08-01"},
    ],
}


def best_of(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def fresh_interpreter(code: str, repeat: int = 5) -> float:
    def once() -> None:
        subprocess.run([sys.executable, "-c", code], check=True)

    return best_of(once, repeat)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=10_000, help="assessments in the bulk run")
    args = parser.parse_args()
    catalog = bundled_catalog()
    baseline = fresh_interpreter("pass")
    imported = fresh_interpreter("import penalty_rules")
    print(f"python start-up (baseline)           {baseline * 1000:9.1f} ms")
    print(f"import penalty_rules (minus baseline)  {(imported - baseline) * 1000:9.1f} ms")
    load = best_of(bundled_catalog.__wrapped__, 5)
    print(f"load bundled catalog (uncached)        {load * 1000:9.1f} ms "
          f"({len(catalog.entries)} documents, {len(catalog.provisions)} provisions)")
    assess(CASE, catalog)  # warm up
    one = best_of(lambda: assess(CASE, catalog), 50)
    print(f"one assessment (3 violations)          {one * 1000:9.3f} ms")
    start = time.perf_counter()
    for _ in range(args.n):
        assess(CASE, catalog)
    bulk = time.perf_counter() - start
    print(f"{args.n} assessments                      {bulk:9.2f} s "
          f"({args.n / bulk:,.0f} per second)")
    texts = ["điểm a khoản 2 Điều 34 Nghị định số 174/2026/NĐ-CP", "6.1.a", "diem_6_1_a",
             "Article 95(1)(a) of Decree 174/2026/NĐ-CP"]
    per = statistics.mean(best_of(lambda t=t: parse_citation(t), 200) for t in texts)
    print(f"parse one citation                     {per * 1e6:9.1f} µs")
    day = date(2026, 12, 2)

    def cold_audit() -> object:
        clear_catalog_indexes()  # rebuild the audit's catalog index too
        return audit(catalog, day)

    cold = best_of(cold_audit, 5)
    warm = best_of(lambda: audit(catalog, day), 5)
    report = audit(catalog, day)
    print(f"audit whole catalog, first run         {cold * 1000:9.1f} ms "
          f"({len(report.findings)} findings; target <= 200 ms)")
    print(f"audit whole catalog, index cached      {warm * 1000:9.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
