"""Read, check and run the data-driven case files of ``tests/cases/``.

A case file is TOML holding one or more ``[[case]]`` tables. Each case gives the input of
:func:`penalty_rules.assess` as it is, the figures the law leads to, and where those figures
come from. This module is strict about the shape of a file: every key it does not know is an
error naming the file, the case and the key, so a typo can never turn a check into a silent
no-op. ``docs/case-tests.rst`` describes the format for reviewers.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from penalty_rules import Assessment, Citation, Localized, TraceStep, ViolationAssessment, assess
from penalty_rules import errors as error_module
from penalty_rules.models.assessment import AppliedMeasure, FineInterval
from penalty_rules.models.document import DocumentNumber

CASES_DIR = Path(__file__).resolve().parent / "cases"

CASE_KEYS = {"name", "source", "input", "expect", "xfail"}
ERROR_KEYS = {"error", "message_contains"}
TRACE_KEYS = {"trace_cites", "trace_not_cites", "trace_rules", "trace_steps"}
FLAG_KEYS = {"flags", "flags_absent"}
CASE_EXPECT_KEYS = (
    ERROR_KEYS | TRACE_KEYS | FLAG_KEYS
    | {"total_fine", "fined_as", "decided_on", "competent", "competent_includes",
       "competent_excludes", "violations"}
)
#: Fields of ViolationAssessment a case may compare; ``trace`` is checked through TRACE_KEYS.
VIOLATION_FIELDS = set(ViolationAssessment.model_fields) - {"trace", "flags"}
VIOLATION_EXPECT_KEYS = VIOLATION_FIELDS | TRACE_KEYS | FLAG_KEYS | {"absent"}
STEP_KEYS = {"rule", "message", "cites", "params", "flags"}
INTERVAL_KEYS = set(FineInterval.model_fields)
MEASURE_KEYS = {"code", "min_months", "max_months"}
MEASURE_FIELDS = {"additional_sanctions", "remedial_measures"}


class MalformedCase(ValueError):
    """A case file that does not follow the format; the message names file, case and key."""


@dataclass(frozen=True)
class CaseSpec:
    """One checked case of a case file."""

    path: Path
    index: int
    name: str
    source: str
    input: dict[str, Any]
    expect: dict[str, Any]
    xfail: str | None = None

    @property
    def where(self) -> str:
        return f"{relative(self.path)} case {self.index + 1} {self.name!r}"


@dataclass(frozen=True)
class BrokenFile:
    """A case file (or one case of it) that could not be read; running it fails."""

    path: Path
    reason: str
    name: str = "(file)"


@dataclass
class Outcome:
    """The mismatches found when comparing a result with a case's expectations."""

    problems: list[str] = field(default_factory=list)
    checks: int = 0

    def check(self, ok: bool, where: str, expected: object, got: object) -> None:
        self.checks += 1
        if not ok:
            self.problems.append(f"{where}: expected {show(expected)}, got {show(got)}")


def relative(path: Path) -> str:
    """``path`` relative to the tests folder when it lies inside it."""
    try:
        return path.resolve().relative_to(CASES_DIR.parent).as_posix()
    except ValueError:
        return path.as_posix()


def show(value: object) -> str:
    """A value as a reviewer wrote it or would read it."""
    if isinstance(value, Citation):
        return repr(value.format())
    if isinstance(value, DocumentNumber):
        return repr(str(value))
    if isinstance(value, bool) or value is None:
        return str(value).lower() if isinstance(value, bool) else "nothing"
    if isinstance(value, int):
        return f"{value:_}"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, BaseModel):
        return repr(value.model_dump(mode="json", exclude_none=True))
    return repr(value)


# ---------------------------------------------------------------- reading and checking a file
def case_files(root: Path = CASES_DIR) -> list[Path]:
    """Every case file under ``root``, in a stable order."""
    return sorted(root.rglob("*.toml"))


def load_file(path: Path) -> list[CaseSpec | BrokenFile]:
    """The cases of one file; a problem becomes a :class:`BrokenFile` entry, never an exception."""
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        return [BrokenFile(path, f"cannot read the file as TOML: {exc}")]
    extra = sorted(set(data) - {"case"})
    if extra:
        return [BrokenFile(path, f"unknown top-level key(s) {', '.join(extra)}; "
                                 "a case file holds only [[case]] tables")]
    cases = data.get("case")
    if not isinstance(cases, list) or not cases:
        return [BrokenFile(path, "no [[case]] table in the file")]
    out: list[CaseSpec | BrokenFile] = []
    seen: set[str] = set()
    for i, raw in enumerate(cases):
        name = raw.get("name") if isinstance(raw, dict) else None
        label = name if isinstance(name, str) and name else f"case {i + 1}"
        try:
            spec = check_case(path, i, raw)
            if spec.name in seen:
                raise MalformedCase(f"{relative(path)} case {i + 1}: the name {spec.name!r} "
                                    "is used twice in this file")
            seen.add(spec.name)
            out.append(spec)
        except MalformedCase as exc:
            out.append(BrokenFile(path, str(exc), label))
    return out


def _fail(path: Path, index: int, key: str, reason: str) -> MalformedCase:
    return MalformedCase(f"{relative(path)} case {index + 1}: {key}: {reason}")


def _unknown(keys: Iterable[str], allowed: set[str]) -> list[str]:
    return sorted(set(keys) - allowed)


def _string_list(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) and v for v in value)


def check_case(path: Path, index: int, raw: object) -> CaseSpec:
    """Check one ``[[case]]`` table against the format; :class:`MalformedCase` if it breaks it."""
    if not isinstance(raw, dict):
        raise _fail(path, index, "case", "each [[case]] must be a table")
    bad = _unknown(raw, CASE_KEYS)
    if bad:
        raise _fail(path, index, "case", f"unknown key(s) {', '.join(bad)} "
                                         f"(allowed: {', '.join(sorted(CASE_KEYS))})")
    for key in ("name", "source"):
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            raise _fail(path, index, key, "required, a non-empty string")
    xfail = raw.get("xfail")
    if xfail is not None and (not isinstance(xfail, str) or not xfail.strip()):
        raise _fail(path, index, "xfail", "must be a non-empty string saying why the engine is wrong")
    data = raw.get("input")
    if not isinstance(data, dict):
        raise _fail(path, index, "input", "required, a table with what assess() takes")
    if "decided_on" not in data:
        raise _fail(path, index, "input.decided_on",
                    "required, so that the result does not depend on the day the tests run")
    expect = raw.get("expect")
    if not isinstance(expect, dict) or not expect:
        raise _fail(path, index, "expect", "required, a table with at least one expectation")
    _check_expect(path, index, expect)
    return CaseSpec(path, index, raw["name"], raw["source"], plain(data, path, index, "input"),
                    expect, xfail)


def plain(value: Any, path: Path, index: int, where: str) -> Any:
    """TOML dates as ISO strings, as the JSON contract of assess() writes them."""
    if isinstance(value, datetime):
        raise _fail(path, index, where, "use a plain date (2026-07-20), not a date and time")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: plain(v, path, index, f"{where}.{k}") for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v, path, index, f"{where}[{i}]") for i, v in enumerate(value)]
    return value


def _check_expect(path: Path, index: int, expect: dict[str, Any]) -> None:
    bad = _unknown(expect, CASE_EXPECT_KEYS)
    if bad:
        raise _fail(path, index, "expect", f"unknown key(s) {', '.join(bad)} "
                                           f"(allowed: {', '.join(sorted(CASE_EXPECT_KEYS))})")
    if "error" in expect:
        name = expect["error"]
        cls = getattr(error_module, name, None) if isinstance(name, str) else None
        if not (isinstance(cls, type) and issubclass(cls, error_module.PenaltyRulesError)):
            known = sorted(n for n, c in vars(error_module).items()
                           if isinstance(c, type) and issubclass(c, error_module.PenaltyRulesError))
            raise _fail(path, index, "expect.error",
                        f"{name!r} is not an error class of penalty_rules.errors "
                        f"(known: {', '.join(known)})")
        others = _unknown(expect, ERROR_KEYS)
        if others:
            raise _fail(path, index, "expect", "an error case lists only error and "
                                               f"message_contains, not {', '.join(others)}")
        contains = expect.get("message_contains")
        if contains is not None and not ((isinstance(contains, str) and contains)
                                         or _string_list(contains)):
            raise _fail(path, index, "expect.message_contains",
                        "a non-empty string or a list of them")
        return
    if "message_contains" in expect:
        raise _fail(path, index, "expect.message_contains", "only meaningful with error = ...")
    for key in ("total_fine",):
        if key in expect and not _is_int(expect[key]):
            raise _fail(path, index, f"expect.{key}", "a whole number of VND")
    for key in ("competent", "competent_includes", "competent_excludes"):
        if key in expect and not _string_list(expect[key]):
            raise _fail(path, index, f"expect.{key}", "a list of official codes")
    _check_common(path, index, "expect", expect)
    violations = expect.get("violations")
    if violations is None:
        return
    if not isinstance(violations, list) or not all(isinstance(v, dict) for v in violations):
        raise _fail(path, index, "expect.violations", "use [[case.expect.violations]] tables")
    for i, v in enumerate(violations):
        where = f"expect.violations[{i}]"
        bad = _unknown(v, VIOLATION_EXPECT_KEYS)
        if bad:
            raise _fail(path, index, where, f"unknown key(s) {', '.join(bad)}; allowed are the "
                                            "fields of ViolationAssessment and "
                                            f"{', '.join(sorted(TRACE_KEYS | FLAG_KEYS | {'absent'}))}")
        _check_common(path, index, where, v)
        absent = v.get("absent", [])
        if not _string_list(absent) or not set(absent) <= VIOLATION_FIELDS:
            raise _fail(path, index, f"{where}.absent",
                        "a list of ViolationAssessment fields that must be empty")
        interval = v.get("fine_interval")
        if interval is not None and (not isinstance(interval, dict)
                                     or _unknown(interval, INTERVAL_KEYS)):
            raise _fail(path, index, f"{where}.fine_interval",
                        f"a table with some of {', '.join(sorted(INTERVAL_KEYS))}")
        for key in MEASURE_FIELDS & set(v):
            items = v[key]
            ok = isinstance(items, list) and all(
                isinstance(m, str) or (isinstance(m, dict) and "code" in m
                and not _unknown(m, MEASURE_KEYS)) for m in items)
            if not ok:
                raise _fail(path, index, f"{where}.{key}",
                            "a list of measure codes, or of tables with code, min_months, "
                            "max_months")


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_common(path: Path, index: int, where: str, table: dict[str, Any]) -> None:
    for key in ("trace_cites", "trace_not_cites", "trace_rules", "flags", "flags_absent"):
        if key in table and not _string_list(table[key]):
            raise _fail(path, index, f"{where}.{key}", "a list of non-empty strings")
    steps = table.get("trace_steps")
    if steps is None:
        return
    if not isinstance(steps, list) or not all(isinstance(s, dict) for s in steps):
        raise _fail(path, index, f"{where}.trace_steps", "a list of tables")
    for i, s in enumerate(steps):
        here = f"{where}.trace_steps[{i}]"
        bad = _unknown(s, STEP_KEYS)
        if bad:
            raise _fail(path, index, here, f"unknown key(s) {', '.join(bad)} "
                                           f"(allowed: {', '.join(sorted(STEP_KEYS))})")
        if "rule" not in s and "message" not in s:
            raise _fail(path, index, here, "name the step by rule or message")
        for key in ("cites", "flags"):
            if key in s and not _string_list(s[key]):
                raise _fail(path, index, f"{here}.{key}", "a list of non-empty strings")
        if "params" in s and not isinstance(s["params"], dict):
            raise _fail(path, index, f"{here}.params", "a table")


# ---------------------------------------------------------------- running and comparing
def run_case(spec: CaseSpec) -> Outcome:
    """Assess the case and compare; the outcome lists every mismatch."""
    outcome = Outcome()
    expect = spec.expect
    try:
        result = assess(spec.input)
    except error_module.PenaltyRulesError as exc:
        wanted = expect.get("error")
        if wanted is None:
            outcome.problems.append(f"assess() raised {type(exc).__name__}: {exc}")
            return outcome
        outcome.check(type(exc).__name__ == wanted, "error", wanted, type(exc).__name__)
        contains = expect.get("message_contains", [])
        for text in [contains] if isinstance(contains, str) else contains:
            outcome.check(text in str(exc), "error message", f"… {text} …", str(exc))
        return outcome
    if "error" in expect:
        outcome.check(False, "error", expect["error"], "no error: " + summary(result))
        return outcome
    compare_assessment(outcome, expect, result)
    return outcome


def summary(result: Assessment) -> str:
    """A one-line account of a result, shown with failures."""
    parts = [f"total {result.total_fine:_}"]
    for v in result.violations:
        parts.append(f"[{v.index}] {v.provision.format()}: {show(v.fine_min)}–{show(v.fine_max)}, "
                     f"fine {show(v.fine)}")
    return "; ".join(parts)


def compare_assessment(outcome: Outcome, expect: Mapping[str, Any], result: Assessment) -> None:
    """Compare the case-level expectations, then each listed violation."""
    if "total_fine" in expect:
        outcome.check(result.total_fine == expect["total_fine"], "total_fine",
                      expect["total_fine"], result.total_fine)
    if "fined_as" in expect:
        outcome.check(result.fined_as == expect["fined_as"], "fined_as", expect["fined_as"],
                      result.fined_as)
    if "decided_on" in expect:
        outcome.check(matches(expect["decided_on"], result.decided_on), "decided_on",
                      expect["decided_on"], result.decided_on)
    codes = [c.code for c in result.competent]
    if "competent" in expect:
        outcome.check(codes == expect["competent"], "competent", expect["competent"], codes)
    for code in expect.get("competent_includes", []):
        outcome.check(code in codes, "competent_includes", code, codes)
    for code in expect.get("competent_excludes", []):
        outcome.check(code not in codes, "competent_excludes", f"not {code}", codes)
    compare_flags(outcome, "", expect, result.flags)
    compare_trace(outcome, "", expect, result.trace)
    wanted = expect.get("violations")
    if wanted is None:
        return
    if len(wanted) != len(result.violations):
        outcome.check(False, "number of violations", len(wanted), len(result.violations))
        return
    for i, (exp, got) in enumerate(zip(wanted, result.violations, strict=True)):
        compare_violation(outcome, f"violations[{i}]", exp, got)


def compare_violation(outcome: Outcome, where: str, expect: Mapping[str, Any],
                      got: ViolationAssessment) -> None:
    """Compare one violation: listed fields, emptiness, flags and trace."""
    for key in sorted(set(expect) & VIOLATION_FIELDS):
        value = getattr(got, key)
        here = f"{where}.{key}"
        if key in MEASURE_FIELDS:
            compare_measures(outcome, here, expect[key], value)
        elif key == "fine_interval":
            if value is None:
                outcome.check(False, here, expect[key], None)
                continue
            for sub, exp in sorted(expect[key].items()):
                outcome.check(matches(exp, getattr(value, sub)), f"{here}.{sub}", exp,
                              getattr(value, sub))
        else:
            outcome.check(matches(expect[key], value), here, expect[key], value)
    for key in expect.get("absent", []):
        value = getattr(got, key)
        outcome.check(value in (None, ()), f"{where}.{key}", "nothing", value)
    compare_flags(outcome, f"{where}.", expect, got.flags)
    compare_trace(outcome, f"{where}.", expect, got.trace)


def matches(expected: Any, got: Any) -> bool:
    """True if a value written in a case file equals a value of the result."""
    if isinstance(got, Citation):
        return isinstance(expected, str) and expected in citation_forms(got)
    if isinstance(got, DocumentNumber):
        return expected == str(got)
    if isinstance(got, Localized):
        return expected in (got.vi, got.en) if isinstance(expected, str) else (
            expected == got.model_dump())
    if isinstance(got, bool) or isinstance(expected, bool):
        return type(expected) is type(got) and expected == got
    if isinstance(got, date) and isinstance(expected, str):
        return expected == got.isoformat()
    return bool(type(expected) is type(got) and expected == got)


def citation_forms(citation: Citation) -> tuple[str, ...]:
    """The full Vietnamese form, and the same without its ``được sửa đổi bởi`` tail."""
    full = citation.format()
    bare = citation.model_copy(update={"amended_by": None}).format()
    return (full, bare)


def compare_measures(outcome: Outcome, where: str, expected: list[Any],
                     got: tuple[AppliedMeasure, ...]) -> None:
    """Measures in order: a code, or a table of code and duration months."""
    if len(expected) != len(got):
        outcome.check(False, f"{where} (count)", [_measure_text(m) for m in expected],
                      [m.code for m in got])
        return
    for i, (exp, measure) in enumerate(zip(expected, got, strict=True)):
        if isinstance(exp, str):
            outcome.check(exp == measure.code, f"{where}[{i}].code", exp, measure.code)
            continue
        outcome.check(exp["code"] == measure.code, f"{where}[{i}].code", exp["code"],
                      measure.code)
        for key in ("min_months", "max_months"):
            if key in exp:
                value = getattr(measure.duration, key) if measure.duration else None
                outcome.check(matches(exp[key], value), f"{where}[{i}].{key}", exp[key], value)


def _measure_text(m: Any) -> str:
    return m if isinstance(m, str) else str(m.get("code"))


def compare_flags(outcome: Outcome, where: str, expect: Mapping[str, Any],
                  flags: tuple[str, ...]) -> None:
    """``flags``: each text occurs in some flag; ``flags_absent``: in none."""
    for text in expect.get("flags", []):
        outcome.check(any(text in f for f in flags), f"{where}flags", f"a flag with {text!r}",
                      list(flags))
    for text in expect.get("flags_absent", []):
        outcome.check(not any(text in f for f in flags), f"{where}flags_absent",
                      f"no flag with {text!r}", list(flags))


def step_cites(s: TraceStep) -> set[str]:
    """Every accepted written form of the citations of a step."""
    return {form for c in s.citations for form in citation_forms(c)}


def compare_trace(outcome: Outcome, where: str, expect: Mapping[str, Any],
                  trace: tuple[TraceStep, ...]) -> None:
    """Citations, rules and steps that must (or must not) appear in a trace."""
    cited = set().union(*(step_cites(s) for s in trace)) if trace else set()
    listed = sorted({c.format() for s in trace for c in s.citations})
    for text in expect.get("trace_cites", []):
        outcome.check(text in cited, f"{where}trace_cites", text, listed)
    for text in expect.get("trace_not_cites", []):
        outcome.check(text not in cited, f"{where}trace_not_cites", f"not {text}", listed)
    rules = [s.rule for s in trace]
    for rule in expect.get("trace_rules", []):
        outcome.check(rule in rules, f"{where}trace_rules", rule, rules)
    for i, spec in enumerate(expect.get("trace_steps", [])):
        found = any(step_matches(spec, s) for s in trace)
        outcome.check(found, f"{where}trace_steps[{i}]", spec,
                      [f"{s.rule}/{s.message}" for s in trace])


def step_matches(spec: Mapping[str, Any], s: TraceStep) -> bool:
    """True if trace step ``s`` has everything ``spec`` lists."""
    if "rule" in spec and spec["rule"] != s.rule:
        return False
    if "message" in spec and spec["message"] != s.message:
        return False
    if not set(spec.get("cites", [])) <= step_cites(s):
        return False
    if not all(any(text in f for f in s.flags) for text in spec.get("flags", [])):
        return False
    params = spec.get("params", {})
    return all(key in s.params and matches(value, s.params[key])
               for key, value in params.items())


def failure_text(spec: CaseSpec, outcome: Outcome) -> str:
    """The message of a failing case: where, its source, and each mismatch."""
    lines = [f"{spec.where}", f"  source: {spec.source}"]
    lines += [f"  {p}" for p in outcome.problems]
    return "\n".join(lines)
