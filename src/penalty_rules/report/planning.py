"""Text rendering of enforcement targets and reform what-ifs."""

from __future__ import annotations

from ..models.common import Language
from ..planning.reform import ReformReport, ReformRow
from ..planning.targets import SectorTarget, TargetReport
from .formatting import money


def _target_line(t: SectorTarget, lang: str) -> str:
    name = ("tổng" if lang == "vi" else "total") if t.sector == "*" else t.sector
    return (f"{name:<24} {t.baseline_cases:>5} {money(t.baseline_fines, lang):>18} "
            f"{t.target_cases:>5} {money(t.target_fines, lang):>18} {t.actual_cases:>5} "
            f"{money(t.actual_fines, lang):>18} {t.prorated_cases:>5} "
            f"{money(t.prorated_fines, lang):>18} {t.cases_progress_pct or '-':>6} "
            f"{t.fines_progress_pct or '-':>6}")


def targets_text(report: TargetReport, language: str = "vi") -> str:
    """Targets as a table."""
    lang = Language(language).value
    if lang == "vi":
        head = (f"Chỉ tiêu năm {report.year} (năm gốc {report.baseline_year}, tăng "
                f"{report.growth}); tiến độ đến {report.as_of.isoformat()} "
                f"({report.elapsed_fraction} năm)")
        cols = ("lĩnh vực", "vụ", "tiền phạt", "c.tiêu", "tiền c.tiêu", "thực", "tiền thực",
                "c.tiêu kỳ", "tiền c.tiêu kỳ", "%vụ", "%tiền")
    else:
        head = (f"Targets for {report.year} (baseline {report.baseline_year}, growth "
                f"{report.growth}); progress to {report.as_of.isoformat()} "
                f"({report.elapsed_fraction} of the year)")
        cols = ("sector", "cases", "fines", "tgt", "target fines", "done", "fines so far",
                "pro", "pro-rated fines", "%case", "%fine")
    header = (f"{cols[0]:<24} {cols[1]:>5} {cols[2]:>18} {cols[3]:>5} {cols[4]:>18} {cols[5]:>5} "
              f"{cols[6]:>18} {cols[7]:>5} {cols[8]:>18} {cols[9]:>6} {cols[10]:>6}")
    lines = [head, header] + [_target_line(t, lang) for t in report.sectors]
    lines.append(_target_line(report.total, lang))
    return "\n".join(lines) + "\n"


def _reform_line(r: ReformRow, lang: str) -> str:
    key = ("tổng" if lang == "vi" else "total") if r.key == "*" else r.key
    return (f"{key:<60} {r.cases:>5} {money(r.before, lang):>18} {money(r.after, lang):>18} "
            f"{r.change_pct or '-':>7}")


def reform_text(report: ReformReport, language: str = "vi") -> str:
    """A reform what-if as text."""
    lang = Language(language).value
    lines = [report.title, ""]
    for c in report.changes:
        extra = f" ×{c.factor}" if c.factor else ""
        warn = f"  ⚠ {'; '.join(c.warnings)}" if c.warnings else ""
        lines.append(f"- {c.provision}{extra} → max {money(c.new_top or 0, lang)}{warn}")
    lines.append("")
    title = ("theo lĩnh vực", "theo quy định") if lang == "vi" else ("by sector", "by provision")
    lines.append(title[0])
    lines += [_reform_line(r, lang) for r in report.by_sector]
    lines += ["", title[1]] + [_reform_line(r, lang) for r in report.by_provision]
    lines += ["", _reform_line(report.total, lang)]
    if report.skipped:
        lines += ["", "skipped:"] + [f"  {s}" for s in report.skipped]
    return "\n".join(lines) + "\n"
