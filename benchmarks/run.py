"""Print timing figures for penalty_rules, and OpenFisca on the same rule (figures, never assertions).

Run:  python benchmarks/run.py [--n 2000] [--rows 10000,100000,1000000]

penalty_rules: ``import penalty_rules`` in a fresh interpreter, loading the bundled catalog
(uncached), one violation with its full trace (p50/p90), three violations, citation
parsing, assessments per second, and the batch path (:func:`penalty_rules.batch.assess_table`)
on typed tables when numpy and pandas are installed.

OpenFisca (when ``openfisca-core`` is installed, extra ``[bench]``): the same rule as an
OpenFisca system (:mod:`openfisca_rule`) — a 1-person simulation and a vector of as many
offenders as the largest batch — and the ratios. ``--n 200`` is a quick smoke run.

The auditor: an audit of the whole bundled catalog, first run and with its index cached
(target: 200 ms or less).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from penalty_rules import Catalog, assess, bundled_catalog, parse_case, parse_citation
from penalty_rules.audit.auditor import audit
from penalty_rules.audit.context import clear_catalog_indexes

sys.path.insert(0, str(Path(__file__).parent))

THREE = {
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

#: The rule of the OpenFisca comparison: 95(1) for an individual, two mitigating circumstances.
ONE = {
    "offender": {"kind": "individual"},
    "decided_on": "2026-08-10",
    "violations": [
        {"provision": "điểm a khoản 1 Điều 95 Nghị định 174/2026/NĐ-CP", "committed_on": "2026-07-20",
         "ended_on": "2026-07-20", "detected_on": "2026-07-25",
         "mitigating": ["remedied_harm", "confessed"]},
    ],
}


def best_of(fn: Callable[[], object], repeat: int) -> float:
    """The fastest of ``repeat`` runs (seconds)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def percentiles(fn: Callable[[], object], repeat: int) -> tuple[float, float]:
    """p50 and p90 of ``repeat`` runs (seconds)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    times.sort()
    return times[len(times) // 2], times[min(len(times) - 1, len(times) * 9 // 10)]


def fresh_interpreter(code: str, repeat: int = 5) -> float:
    """The fastest wall time of ``python -c code`` in a new interpreter."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(Path(__file__).parents[1] / "src"),
                                                    env.get("PYTHONPATH", "")) if p)

    def once() -> None:
        subprocess.run([sys.executable, "-c", code], check=True, env=env)

    return best_of(once, repeat)


def line(label: str, value: str) -> None:
    print(f"{label:<48}{value}")


def machine() -> str:
    model = platform.processor() or "unknown CPU"
    try:
        for text in Path("/proc/cpuinfo").read_text().splitlines():
            if text.startswith("model name"):
                model = text.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (f"{os.cpu_count()} CPUs ({model}), Python {platform.python_version()}, "
            f"{platform.system()} {platform.release()}")


#: Clauses of the varied cases: the lineage of the OpenFisca rule (15/2020 Art. 101(1) →
#: 174/2026 Art. 95(1)), cited by either number, and clauses of 174/2026 alone.
VARIED_LINEAGE = ["khoản 1 Điều 95 Nghị định 174/2026/NĐ-CP",
                  "khoản 1 Điều 101 Nghị định 15/2020/NĐ-CP",
                  "điểm a khoản 1 Điều 95 Nghị định 174/2026/NĐ-CP"]
VARIED_NEW = ["điểm b khoản 7 Điều 34 Nghị định 174/2026/NĐ-CP",
              "khoản 1 Điều 34 Nghị định 174/2026/NĐ-CP"]
MITIGATING = ["remedied_harm", "confessed", "hardship", "backward_awareness"]
AGGRAVATING = ["concealed", "organized", "large_scale"]


def varied_fact(rng: Any, decided: date) -> dict[str, Any]:
    """One random act ending on or before ``decided`` (2020-06 … 2026-11, either decree)."""
    from datetime import timedelta

    latest = (decided - date(2020, 6, 1)).days
    ended = date(2020, 6, 1) + timedelta(days=rng.randint(0, latest))
    provisions = VARIED_LINEAGE + (VARIED_NEW if ended >= date(2026, 7, 1) else [])
    fact: dict[str, Any] = {
        "provision": rng.choice(provisions),
        "committed_on": (ended - timedelta(days=rng.randint(0, 30))).isoformat(),
        "ended_on": ended.isoformat(),
        "detected_on": min(decided, ended + timedelta(days=rng.randint(0, 60))).isoformat(),
        "mitigating": rng.sample(MITIGATING, rng.randint(0, 3)),
        "aggravating": rng.sample(AGGRAVATING, rng.randint(0, 2)),
    }
    if "Điều 34" in fact["provision"]:
        fact["quantity"] = rng.randint(1, 300)
    return fact


def varied_cases(count: int, seed: int = 11) -> list[Any]:
    """``count`` different parsed one-violation cases: decision dates 2020–2026 (both
    decrees), both kinds of offender, 0–3 mitigating and 0–2 aggravating circumstances."""
    import random
    from datetime import timedelta

    rng = random.Random(seed)
    cases = []
    for _ in range(count):
        decided = date(2020, 7, 1) + timedelta(days=rng.randint(0, 2340))
        cases.append(parse_case({
            "offender": {"kind": rng.choice(["individual", "organization"])},
            "decided_on": decided.isoformat(),
            "violations": [varied_fact(rng, decided)],
        }))
    return cases


def many_violations(count: int, seed: int = 7) -> Any:
    """One case with ``count`` violations (built past the case model's own limit of 1,000
    acts, each act validated alone)."""
    import random

    from penalty_rules.models.case import Case, ViolationFact
    from penalty_rules.models.offender import Offender

    rng = random.Random(seed)
    decided = date(2026, 11, 30)
    facts = []
    for _ in range(count):
        facts.append(ViolationFact.model_validate(varied_fact(rng, decided)))
    return Case.model_construct(offender=Offender(kind="organization"), decided_on=decided,
                                violations=tuple(facts))


def big_case(catalog: Catalog, count: int) -> tuple[float, float]:
    """Seconds and peak traced MiB to assess one case of ``count`` violations."""
    import gc
    import tracemalloc

    case = many_violations(count)
    gc.collect()
    start = time.perf_counter()
    assess(case, catalog)
    took = time.perf_counter() - start
    tracemalloc.start()
    assess(case, catalog)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return took, peak / 2**20


def single(catalog: Catalog, n: int) -> dict[str, float]:
    """Start-up, catalog load, one and three violations with their full trace, 1,000 varied
    one-violation cases (the catalog's memo tables filled by a first pass, whose cost is
    shown too), a mapping input, one case of 20,000 violations (time and peak traced
    memory; 2,000 when ``n`` is below 1,000), assessments per second and citation parsing."""
    figures: dict[str, float] = {}
    baseline = fresh_interpreter("pass")
    imported = fresh_interpreter("import penalty_rules")
    figures["import"] = imported - baseline
    line("python start-up (baseline)", f"{baseline * 1000:9.1f} ms")
    line("import penalty_rules (minus baseline)", f"{figures['import'] * 1000:9.1f} ms")
    ready = fresh_interpreter("from penalty_rules import assess, Citation") - baseline
    line("from penalty_rules import assess (first use)", f"{ready * 1000:9.1f} ms")
    load = best_of(bundled_catalog.__wrapped__, 5)
    figures["load"] = load
    line("load bundled catalog (uncached)", f"{load * 1000:9.1f} ms "
         f"({len(catalog.entries)} documents, {len(catalog.provisions)} provisions)")
    indexed = best_of(lambda: bundled_catalog.__wrapped__().competence_on(date(2026, 1, 1)), 5)
    line("  … with its look-up indices (first look-up)", f"{indexed * 1000:9.1f} ms")
    from penalty_rules.catalog.loader import bundled_catalog_from_files

    line("  … from the TOML files (no snapshot)",
         f"{best_of(bundled_catalog_from_files, 3) * 1000:9.1f} ms")
    one_case, three_case = parse_case(ONE), parse_case(THREE)
    for _ in range(20):  # warm up
        assess(one_case, catalog)
        assess(three_case, catalog)
    p50, p90 = percentiles(lambda: assess(one_case, catalog), max(n, 50))
    figures["one"] = p50
    line("one violation, full trace (p50 / p90)", f"{p50 * 1e6:9.1f} µs / {p90 * 1e6:.1f} µs")
    p50, p90 = percentiles(lambda: assess(three_case, catalog), max(n, 50))
    figures["three"] = p50
    line("three violations, full trace (p50 / p90)", f"{p50 * 1e6:9.1f} µs / {p90 * 1e6:.1f} µs")
    cases = varied_cases(1_000)
    start = time.perf_counter()
    for case in cases:  # the first pass fills the catalog's memo tables
        assess(case, catalog)
    first = (time.perf_counter() - start) / len(cases)
    cycle = iter(cases * (max(n, 50) // len(cases) + 1))
    p50, p90 = percentiles(lambda: assess(next(cycle), catalog), max(n, 50))
    figures["varied"] = p50
    line("one violation, 1,000 varied cases (p50 / p90)", f"{p50 * 1e6:9.1f} µs / {p90 * 1e6:.1f} µs "
         f"(first pass {first * 1e6:,.1f} µs a case)")
    p50, _ = percentiles(lambda: assess(ONE, catalog), max(n, 50))
    line("one violation from a mapping (validated, p50)", f"{p50 * 1e6:9.1f} µs")
    count = 20_000 if n >= 1_000 else 2_000
    took, peak = big_case(catalog, count)
    figures["big_case"] = took
    line(f"one case of {count:,} violations", f"{took:9.2f} s (peak {peak:,.0f} MiB traced)")
    start = time.perf_counter()
    for _ in range(n):
        assess(THREE, catalog)
    bulk = time.perf_counter() - start
    figures["per_second"] = n / bulk
    line(f"{n} assessments of three violations", f"{bulk:9.2f} s ({n / bulk:,.0f} per second)")
    texts = ["điểm a khoản 2 Điều 34 Nghị định số 174/2026/NĐ-CP", "6.1.a", "diem_6_1_a",
             "Article 95(1)(a) of Decree 174/2026/NĐ-CP"]
    per = statistics.mean(best_of(lambda t=t: parse_citation(t), 200) for t in texts)  # type: ignore[misc]
    line("parse one citation", f"{per * 1e6:9.1f} µs")
    return figures


def random_table(rows: int, seed: int = 11) -> Any:
    """A typed case log of the comparison rule: as read from Parquet (categories, datetime64)."""
    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(seed)
    ended = pd.Timestamp("2020-06-01") + pd.to_timedelta(rng.integers(0, 2300, rows), unit="D")
    committed = ended - pd.to_timedelta(rng.integers(0, 30, rows), unit="D")
    detected = ended + pd.to_timedelta(rng.integers(0, 60, rows), unit="D")
    decided = detected + pd.to_timedelta(rng.integers(0, 120, rows), unit="D")
    provisions = ["khoản 1 Điều 95 Nghị định 174/2026/NĐ-CP",
                  "khoản 1 Điều 101 Nghị định 15/2020/NĐ-CP"]
    return pd.DataFrame({
        "provision": pd.Categorical.from_codes(rng.integers(0, 2, rows), provisions),
        "offender_kind": pd.Categorical.from_codes(rng.integers(0, 2, rows),
                                                   ["individual", "organization"]),
        "committed_on": committed.values.astype("datetime64[s]"),
        "ended_on": ended.values.astype("datetime64[s]"),
        "detected_on": detected.values.astype("datetime64[s]"),
        "decided_on": decided.values.astype("datetime64[s]"),
        "mitigating": rng.integers(0, 3, rows).astype("int8"),
        "aggravating": np.zeros(rows, dtype="int8"),
    })


def batch(catalog: Catalog, sizes: list[int]) -> dict[int, float]:
    figures: dict[int, float] = {}
    if not (importlib.util.find_spec("numpy") and importlib.util.find_spec("pandas")):
        line("batch path", "skipped (pip install penalty_rules[batch])")
        return figures
    try:
        from penalty_rules.batch import assess_table
    except ImportError:
        line("batch path", "not available in this version")
        return figures
    import penalty_rules.batch as batch_module

    for rows in sizes:
        table = random_table(rows)
        batch_module._MEMOS.clear()  # the first call works out every group's rules
        start = time.perf_counter()
        assess_table(table, catalog)
        cold = time.perf_counter() - start
        took = best_of(lambda table=table: assess_table(table, catalog), 3)
        figures[rows] = took
        line(f"batch assess_table, {rows:,} typed rows",
             f"{took * 1000:9.1f} ms ({took / rows * 1e9:,.0f} ns a row; "
             f"first call {cold * 1000:,.1f} ms)")
    if sizes and importlib.util.find_spec("pyarrow"):
        import pyarrow

        rows = max(sizes)
        arrow = pyarrow.Table.from_pandas(random_table(rows), preserve_index=False)
        took = best_of(lambda: assess_table(arrow, catalog), 3)
        line(f"batch assess_table, {rows:,} rows as a pyarrow Table",
             f"{took * 1000:9.1f} ms ({took / rows * 1e9:,.0f} ns a row, Arrow in and out)")
    check = random_table(300, seed=5)
    out = assess_table(check, catalog)
    same = _agree_with_assess(catalog, check, out)
    line("batch = assess on 300 random rows", "yes" if same else "NO — a defect")
    return figures


def _agree_with_assess(catalog: Catalog, table: Any, out: Any) -> bool:
    from penalty_rules.batch import row_case

    for i in range(len(table)):
        result = assess(row_case(table.iloc[i].to_dict()), catalog).violations[0]
        got = out.iloc[i]
        if (int(got["fine"]), int(got["fine_min"]), int(got["fine_max"]), bool(got["time_barred"])) \
                != (result.fine, result.fine_min, result.fine_max, result.time_barred):
            return False
    return True


def openfisca(catalog: Catalog, rows: int, n: int) -> dict[str, float]:
    figures: dict[str, float] = {}
    if importlib.util.find_spec("openfisca_core") is None:
        line("OpenFisca", "not installed (pip install penalty_rules[bench]); no comparison")
        return figures
    import numpy as np
    import openfisca_rule as of

    system = of.PenaltySystem(catalog)
    day = date(2026, 7, 20)
    expected = assess(ONE, catalog).violations[0].fine
    got = of.one_person(system, day, True, 2)
    line("OpenFisca answer = penalty_rules answer", f"{'yes' if got == expected else 'NO'} ({got:,})")
    for _ in range(10):
        of.one_person(system, day, True, 2)
    p50, p90 = percentiles(lambda: of.one_person(system, day, True, 2), max(min(n, 2000), 50))
    figures["one"] = p50
    line("OpenFisca 1-person simulation (p50 / p90)", f"{p50 * 1e6:9.1f} µs / {p90 * 1e6:.1f} µs")
    rng = np.random.default_rng(3)
    individual = rng.integers(0, 2, rows).astype(bool)
    count = rng.integers(0, 3, rows).astype(np.int32)
    start = time.perf_counter()
    of.vector(system, day, individual, count)
    figures["vector_built"] = time.perf_counter() - start

    def calculate_only() -> None:
        from openfisca_core.simulations import SimulationBuilder

        builder = SimulationBuilder()
        builder.create_entities(system)
        builder.declare_person_entity("person", np.arange(rows).astype(str))
        sim = builder.build(system)
        sim.set_input("is_individual", day.isoformat(), individual)
        sim.set_input("mitigating", day.isoformat(), count)
        start = time.perf_counter()
        sim.calculate("fine", day.isoformat())
        figures.setdefault("vector", 1e9)
        figures["vector"] = min(figures["vector"], time.perf_counter() - start)

    for _ in range(3):
        calculate_only()
    line(f"OpenFisca vector, {rows:,} offenders (calculate)",
         f"{figures['vector'] * 1000:9.1f} ms ({figures['vector'] / rows * 1e9:,.0f} ns a case)")
    line(f"OpenFisca vector, {rows:,} offenders (with build)",
         f"{figures['vector_built'] * 1000:9.1f} ms")
    return figures

def audit_figures(catalog: Catalog) -> dict[str, float]:
    """An audit of the whole bundled catalog (target: 200 ms or less)."""
    day = date(2026, 12, 2)

    def cold_audit() -> object:
        clear_catalog_indexes()  # rebuild the audit's catalog index too
        return audit(catalog, day)

    cold = best_of(cold_audit, 5)
    warm = best_of(lambda: audit(catalog, day), 5)
    report = audit(catalog, day)
    line("audit whole catalog, first run", f"{cold * 1000:9.1f} ms "
         f"({len(report.findings)} findings; target <= 200 ms)")
    line("audit whole catalog, index cached", f"{warm * 1000:9.1f} ms")
    return {"audit_cold_ms": cold * 1000, "audit_warm_ms": warm * 1000}



def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=2_000, help="repetitions of the single timings")
    parser.add_argument("--rows", default=None,
                        help="batch sizes, comma-separated (default 10^4,10^5,10^6; 10^3 with --n < 1000)")
    args = parser.parse_args()
    sizes = ([int(r) for r in args.rows.split(",")] if args.rows
             else [1_000] if args.n < 1_000 else [10_000, 100_000, 1_000_000])
    print(f"machine: {machine()}")
    catalog = bundled_catalog()
    ours = single(catalog, args.n)
    table_times = batch(catalog, sizes)
    theirs = openfisca(catalog, max(sizes), args.n)
    if theirs:
        line("ratio: OpenFisca 1-person / one violation", f"{theirs['one'] / ours['one']:9.2f} ×")
        biggest = max(sizes)
        if biggest in table_times:
            line(f"ratio: OpenFisca vector / batch ({biggest:,} rows)",
                 f"{theirs['vector'] / table_times[biggest]:9.2f} ×")

    audit_figures(catalog)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
