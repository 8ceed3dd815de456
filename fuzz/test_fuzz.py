"""Fuzz targets: every entrance fails only with PenaltyRulesError, never another exception or a hang.

Run with ``python fuzz/run.py`` (hypothesis profile ``fuzz``: 10,000 examples per target).
"""

from __future__ import annotations

import contextlib
import json
import signal
import tempfile
from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from penalty_rules import assess, bundled_catalog, inputs, parse_citation
from penalty_rules.catalog.loader import load_files
from penalty_rules.errors import PenaltyRulesError
from penalty_rules.ingest import ingest_text
from penalty_rules.models.case import parse_case_data
from penalty_rules.models.log import LogTable
from penalty_rules.planning.caselog import batch_available, load_case_log, read_case_log
from penalty_rules.planning.reform import ChangeFile, what_if
from penalty_rules.planning.targets import compute_targets

ROOT = Path(__file__).resolve().parent.parent
CATALOG = bundled_catalog()
PROVISIONS = sorted(p.citation.format() for p in CATALOG.provisions.values())
SHORT = sorted(p.citation.format("short") for p in CATALOG.provisions.values())
CIRCUMSTANCES = sorted(CATALOG.circumstances)
SECTORS = sorted(CATALOG.sectors)
EXAMPLE_CATALOG = (ROOT / "examples" / "catalog" / "example-decree.toml").read_text(encoding="utf-8")
FOLDER = Path(tempfile.mkdtemp(prefix="penalty-rules-fuzz-"))
SECONDS = 20  # per example: anything slower is a hang


@contextlib.contextmanager
def deadline(seconds: int = SECONDS) -> Iterator[None]:
    """Fail the example when it runs longer than ``seconds`` (a hang)."""

    def alarm(signum: int, frame: object) -> None:
        raise TimeoutError(f"no answer after {seconds} s: a hang")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def only_our_errors(call: Any, *args: Any, **kwargs: Any) -> Any:
    """``call(*args)``; a PenaltyRulesError is an answer, any other exception fails the target."""
    with deadline():
        try:
            return call(*args, **kwargs)
        except PenaltyRulesError as exc:
            text = str(exc)
            assert text and "\n" not in text, f"not one line: {text!r}"
            return None


# --- building blocks -------------------------------------------------------------------

WEIRD = st.sampled_from([
    "", " ", "\u00d0", "Đ", "đ", "\u200b", "\ufeff", "\u2010", "\u2212", "\u00a0", "\x00", "\n",
    "/", "-", ",", ".", "(", ")", "%", "số", "sđ", "sửa đổi", "được sửa đổi bởi", "as amended by",
    "Nghị định", "Decree No.", "NĐ-CP", "QH13", "Điều", "khoản", "điểm", "Article", "(1)", "(a)",
    "diem_", "_", "9" * 30, "0", "-1", "2020", "9999", "\u0301", "\u0323", "İ", "ß", "ﬁ",
])
CITATION_TOKENS = st.one_of(
    WEIRD,
    st.sampled_from(PROVISIONS),
    st.sampled_from(SHORT),
    st.integers(-5, 10**6).map(str),
    st.sampled_from("abcdđeghiklmnopqrstuvxyz"),
    st.text(max_size=6),
)
CITATION_TEXT = st.one_of(
    st.text(max_size=200),
    st.lists(CITATION_TOKENS, max_size=14).map(" ".join),
    st.lists(CITATION_TOKENS, max_size=14).map("".join),
    st.sampled_from(PROVISIONS).flatmap(
        lambda s: st.tuples(st.integers(0, len(s)), st.integers(0, len(s)), WEIRD).map(
            lambda t: s[: t[0]] + t[2] + s[t[1]:])),
)

DATES = st.one_of(
    st.dates(date(1940, 1, 1), date(2110, 12, 31)).map(date.isoformat),
    st.dates(date(1940, 1, 1), date(2110, 12, 31)).map(lambda d: d.strftime("%d/%m/%Y")),
    st.dates().map(date.isoformat),
    st.sampled_from(["0001-01-01", "9999-12-31", "31/02/2026", "2026-13-01", "00/00/0000", "",
                     "1740787200", "2026-07-01T00:00:00"]),
    st.integers(-10**20, 10**20), st.booleans(), st.floats(allow_nan=True), st.none(),
    st.text(max_size=12),
)
NUMBERS = st.one_of(
    st.integers(-10, 2000), st.integers(-10**30, 10**30), st.booleans(), st.floats(),
    st.sampled_from(["5", "5.0", "1e6", "", "١٢"]), st.none(),
)
JSON_LEAF = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=20))


def json_like(depth: int = 3) -> st.SearchStrategy[Any]:
    return st.recursive(JSON_LEAF, lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=12), inner, max_size=4)),
        max_leaves=12)


@st.composite
def loose_cases(draw: st.DrawFn) -> dict[str, Any]:
    """Case-shaped data with any value in any field."""
    violation: dict[str, Any] = {}
    for key, values in (("provision", st.one_of(CITATION_TEXT, JSON_LEAF)),
                        ("committed_on", DATES), ("ended_on", DATES), ("detected_on", DATES),
                        ("mitigating", st.lists(st.one_of(st.sampled_from(CIRCUMSTANCES),
                                                          st.text(max_size=8)), max_size=3)),
                        ("aggravating", st.lists(st.one_of(st.sampled_from(CIRCUMSTANCES),
                                                           st.text(max_size=8)), max_size=3)),
                        ("quantity", NUMBERS), ("goods_value", NUMBERS),
                        ("illegal_profit", NUMBERS), ("times", NUMBERS),
                        ("extra", json_like())):
        if draw(st.booleans()):
            violation[key] = draw(values)
    data: dict[str, Any] = {
        "offender": draw(st.one_of(
            st.fixed_dictionaries({"kind": st.sampled_from(
                ["individual", "organization", "household_business", "robot", ""])}),
            json_like())),
        "violations": draw(st.one_of(st.lists(st.just(violation), min_size=1, max_size=2),
                                     json_like())),
    }
    if draw(st.booleans()):
        data["decided_on"] = draw(DATES)
    return data


@st.composite
def valid_cases(draw: st.DrawFn) -> dict[str, Any]:
    """Well-formed cases on bundled provisions, on any day of the catalog's range."""
    n = draw(st.integers(1, 3))
    decided = draw(st.dates(date(2013, 1, 1), date(2031, 12, 31)))
    violations = []
    for _ in range(n):
        provision = draw(st.sampled_from(PROVISIONS))
        if draw(st.booleans()):
            provision = f"điểm {draw(st.sampled_from('abcdđeg'))} {provision}"
        detected = decided - timedelta(days=draw(st.integers(0, 3 * 365)))
        committed = detected - timedelta(days=draw(st.integers(0, 4 * 365)))
        ended: date | None = None
        if draw(st.booleans()):
            ended = committed + timedelta(days=draw(st.integers(0, (decided - committed).days)))
        fact: dict[str, Any] = {
            "provision": provision, "committed_on": committed.isoformat(),
            "ended_on": ended.isoformat() if ended else None, "detected_on": detected.isoformat(),
            "mitigating": draw(st.lists(st.sampled_from(CIRCUMSTANCES), unique=True, max_size=3)),
            "aggravating": draw(st.lists(st.sampled_from(CIRCUMSTANCES), unique=True, max_size=3)),
            "times": draw(st.integers(1, 1000)),
        }
        if draw(st.booleans()):
            fact["quantity"] = draw(st.one_of(st.integers(1, 100), st.integers(1, 10**9)))
        if draw(st.booleans()):
            fact["goods_value"] = draw(st.one_of(st.integers(0, 10**9), st.integers(0, 10**15)))
        if draw(st.booleans()):
            fact["illegal_profit"] = draw(st.integers(0, 10**15))
        violations.append(fact)
    return {"offender": {"kind": draw(st.sampled_from(
        ["individual", "organization", "household_business"]))},
        "decided_on": decided.isoformat(), "violations": violations}


# --- targets ---------------------------------------------------------------------------

@given(CITATION_TEXT)
def test_citation_parser(text: str) -> None:
    citation = only_our_errors(parse_citation, text)
    if citation is not None:  # what is read can be written and read back the same
        assert only_our_errors(parse_citation, citation.format()) == citation


@given(st.one_of(loose_cases(), json_like()))
def test_case_parser(data: Any) -> None:
    case = only_our_errors(parse_case_data, data)
    if case is not None:
        only_our_errors(assess, case, CATALOG, today=date(2026, 11, 27))


@given(st.one_of(st.binary(max_size=300),
                 st.text(max_size=200).map(lambda t: t.encode("utf-8")),
                 json_like().map(lambda d: json.dumps(d, ensure_ascii=False).encode("utf-8")),
                 st.sampled_from(["utf-16", "utf-32", "cp1258", "latin-1", "utf-8-sig"]).flatmap(
                     lambda enc: loose_cases().map(
                         lambda d: json.dumps(d, ensure_ascii=False).encode(enc, "replace")))))
def test_case_file_reader(data: bytes) -> None:
    path = FOLDER / "case.json"
    path.write_bytes(data)
    parsed = only_our_errors(inputs.read_json, path)
    if parsed is not None:
        only_our_errors(parse_case_data, parsed)


@given(valid_cases())
def test_engine(data: dict[str, Any]) -> None:
    result = only_our_errors(assess, data, CATALOG)
    if result is not None:
        assert isinstance(result.total_fine, int) and result.total_fine >= 0
        for v, fact in zip(result.violations, data["violations"], strict=True):
            if v.fine is not None and v.fine_min is not None and v.fine_max is not None:
                # the fine of one act lies in the frame; `times` separate acts multiply it
                assert v.fine_min <= v.fine <= v.fine_max * fact["times"]


TOML_VALUES = st.one_of(
    st.integers(-10**20, 10**20).map(str), st.sampled_from(
        ["0", "-1", "1_000_000", "9" * 5000, "1.5", "nan", "inf", "true", "false", '""', '"x"',
         "0001-01-01", "9999-12-31", "2026-02-30", "[]", "{}", '["Điều 5"]', '"khoản 1 Điều 5"',
         '"telecom"', '"nowhere"', '"174/2026/NĐ-CP"', '"1/2099/NĐ-CP"', '{ vi = "", en = "" }',
         '"frame"', '"per_unit"', '"banded"', '"MEMORY"', '"CONFIRMED"', '"replaces"', '"amends"',
         '"repeals"', '"\u00d0"', "[" * 200 + "]" * 200]),
    st.text(max_size=10).map(json.dumps),
)


@st.composite
def mutated_catalog(draw: st.DrawFn) -> str:
    """The example catalog file with some values, lines or cuts changed."""
    lines = EXAMPLE_CATALOG.splitlines()
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(lines) - 1))
        line = lines[i]
        action = draw(st.integers(0, 3))
        if action == 0 and "=" in line:
            key = line.split("=", 1)[0]
            lines[i] = f"{key}= {draw(TOML_VALUES)}"
        elif action == 1:
            del lines[i]
            if not lines:
                break
        elif action == 2:
            lines.insert(i, lines[draw(st.integers(0, len(lines) - 1))])
        else:
            cut = draw(st.integers(0, len(line)))
            lines[i] = line[:cut] + draw(st.text(max_size=5)) + line[cut:]
    return "\n".join(lines) + "\n"


@given(st.one_of(mutated_catalog(), st.text(max_size=300)))
def test_catalog_loader(text: str) -> None:
    path = FOLDER / "catalog.toml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    loaded = only_our_errors(load_files, [path], CATALOG)
    if loaded is not None:  # a loaded catalog answers for each provision it holds
        for provision in list(loaded.provisions.values())[-5:]:
            only_our_errors(assess, {
                "offender": {"kind": "organization"}, "decided_on": "2100-01-01",
                "violations": [{"provision": provision.citation.format(),
                                "committed_on": "2099-06-01", "ended_on": "2099-06-01",
                                "detected_on": "2099-06-02"}]}, loaded)


INGEST_LINES = st.sampled_from([
    "Chương II", "Mục 1", "Điều 5. Thử", "Điều 6. Khác", "## Điều 7. Tiêu đề",
    "1. Phạt tiền từ 1.000.000 đồng đến 2.000.000 đồng đối với một trong các hành vi sau:",
    "2. Phạt tiền từ 2.000.000 đồng đến 1.000.000 đồng", "3. Phạt tiền gấp hai lần",
    "a) hành vi;", "đ) khác", "b)", "3.", "trở lên", "từ 3 đến 10 thẻ", "mỗi thẻ",
    "2. Hình thức xử phạt bổ sung:", "Biện pháp khắc phục hậu quả:",
    "quy định tại điểm z khoản 9 Điều này", "tước quyền sử dụng giấy phép từ 01 tháng đến 03 tháng",
    "", "\u00d0iều 8. Thử", "Đi\u200bều 9. Thử", "Phạt tiền từ 99999999999999999999999 đồng",
])


@given(st.one_of(st.lists(INGEST_LINES, max_size=30).map("\n".join), st.text(max_size=400),
                 st.lists(st.one_of(INGEST_LINES, st.text(max_size=20)), max_size=30).map("\n".join)))
def test_ingest_reader(text: str) -> None:
    only_our_errors(ingest_text, text, "9/2099/NĐ-CP")
    path = FOLDER / "decree.md"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    read = only_our_errors(inputs.read_text, path, inputs.MAX_TEXT_BYTES)
    if read is not None:
        only_our_errors(ingest_text, read, "9/2099/NĐ-CP")


COLUMNS = ["date", "provision", "offender_kind", "amount", "sector", "offender_id", "quantity",
           "goods_value", "ended_on"]
CELLS = {
    "date": DATES.map(str), "ended_on": DATES.map(str),
    "provision": st.one_of(st.sampled_from(PROVISIONS), st.sampled_from(SHORT), CITATION_TEXT),
    "offender_kind": st.sampled_from(["individual", "organization", "household_business", "x"]),
    "amount": st.one_of(st.integers(0, 10**9).map(str), NUMBERS.map(str)),
    "quantity": st.one_of(st.integers(1, 100).map(str), NUMBERS.map(str)),
    "goods_value": NUMBERS.map(str), "offender_id": st.text(max_size=8),
    "sector": st.one_of(st.sampled_from(SECTORS), st.text(max_size=8)),
}


@st.composite
def csv_logs(draw: st.DrawFn) -> str:
    columns = draw(st.one_of(
        st.permutations(COLUMNS).flatmap(lambda c: st.integers(3, len(c)).map(lambda n: c[:n])),
        st.lists(st.one_of(st.sampled_from(COLUMNS), st.text(max_size=6)), max_size=10)))
    rows = []
    for _ in range(draw(st.integers(0, 6))):
        cells = [draw(CELLS.get(c, st.text(max_size=8))) for c in columns]
        rows.append(",".join(json.dumps(x, ensure_ascii=False) if draw(st.booleans()) else x
                             for x in cells))
    bom = "\ufeff" if draw(st.booleans()) else ""
    return bom + "\n".join([",".join(columns), *rows]) + "\n"


VALID_CELLS = {
    "date": st.dates(date(2014, 1, 1), date(2030, 12, 31)).map(date.isoformat),
    "provision": st.sampled_from(PROVISIONS),
    "offender_kind": st.sampled_from(["individual", "organization", "household_business"]),
    "amount": st.integers(0, 10**9).map(str),
    "sector": st.sampled_from(SECTORS),
    "offender_id": st.sampled_from(["", "A1", "B2", "C3"]),
    "quantity": st.one_of(st.just(""), st.integers(1, 500).map(str)),
    "goods_value": st.one_of(st.just(""), st.integers(0, 10**10).map(str)),
    "ended_on": st.just(""),
}


@st.composite
def valid_csv_logs(draw: st.DrawFn) -> str:
    """Logs that read: the required columns, valid cells, on bundled provisions."""
    optional = draw(st.lists(st.sampled_from(COLUMNS[4:8]), unique=True))
    columns = draw(st.permutations(["date", "provision", "offender_kind", "amount", *optional]))
    rows = [",".join(draw(VALID_CELLS[c]) for c in columns)
            for _ in range(draw(st.integers(1, 12)))]
    return "\n".join([",".join(columns), *rows]) + "\n"


CHANGES = ChangeFile.model_validate({"format": 1, "change": [
    {"provision": "khoản 1 Điều 95 Nghị định 174/2026/NĐ-CP", "percent": Decimal(20)}]})


@given(st.one_of(valid_csv_logs(), csv_logs(), st.text(max_size=300)),
       st.one_of(st.integers(2014, 2031), st.integers(1945, 2100)))
def test_csv_logs(text: str, year: int) -> None:
    path = FOLDER / "log.csv"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    log = only_our_errors(load_case_log, path)
    if log:
        only_our_errors(compute_targets, log, year, Decimal("0.05"), None, CATALOG)
        only_our_errors(what_if, log, CATALOG, CHANGES)


def _answer(call: Any, *args: Any, **kwargs: Any) -> Any:
    """``call(*args)``, or the words of the PenaltyRulesError it raises."""
    with deadline():
        try:
            return call(*args, **kwargs)
        except PenaltyRulesError as exc:
            return f"{type(exc).__name__}: {exc}"


@given(st.one_of(valid_csv_logs(), csv_logs(), st.text(max_size=300)),
       st.one_of(st.integers(2014, 2031), st.integers(1945, 2100)))
def test_csv_logs_by_columns(text: str, year: int) -> None:
    """The columnar path (extra [batch]) answers as the row-by-row path, errors included."""
    if not batch_available():
        return
    path = FOLDER / "log-columns.csv"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    rows = _answer(read_case_log, path, columnar=False)
    table = _answer(read_case_log, path, columnar=True)
    assert (table if isinstance(table, str) else list(table)) == rows
    if isinstance(rows, list) and isinstance(table, LogTable):
        assert (_answer(compute_targets, table, year, Decimal("0.05"), None, CATALOG)
                == _answer(compute_targets, rows, year, Decimal("0.05"), None, CATALOG))
        assert (_answer(what_if, table, CATALOG, CHANGES, columnar=True)
                == _answer(what_if, rows, CATALOG, CHANGES, columnar=False))
