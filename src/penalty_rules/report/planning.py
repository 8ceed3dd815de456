"""Text rendering of enforcement targets and reform what-ifs, in Vietnamese or English.

Sector codes are shown by their names, figures and dates through babel's locale, and
every table has a header row.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from ..catalog.catalog import Catalog
from ..catalog.loader import bundled_catalog
from ..i18n import template
from ..models.common import Language
from ..planning.reform import ReformReport, ReformRow
from ..planning.targets import SectorTarget, TargetReport
from .formatting import money, number, percent, percent_points, short_date


def sector_name(code: str, lang: str, catalog: Catalog | None = None) -> str:
    """The name of sector ``code`` (``*`` is the total row); the code if unknown."""
    if code == "*":
        return template("ui.total_row", lang)
    sector = (catalog or bundled_catalog()).sectors.get(code)
    return sector.label.get(lang) if sector is not None else code


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    def line(cells: Sequence[str]) -> str:
        first = cells[0].ljust(widths[0])
        rest = [c.rjust(w) for c, w in zip(cells[1:], widths[1:], strict=True)]
        return "  ".join([first, *rest]).rstrip()
    return [line(header), line(["-" * w for w in widths]), *(line(r) for r in rows)]


def _target_row(t: SectorTarget, lang: str, catalog: Catalog | None) -> list[str]:
    return [sector_name(t.sector, lang, catalog), number(t.baseline_cases, lang),
            money(t.baseline_fines, lang), number(t.target_cases, lang),
            money(t.target_fines, lang), number(t.actual_cases, lang),
            money(t.actual_fines, lang), number(t.prorated_cases, lang),
            money(t.prorated_fines, lang), percent_points(t.cases_progress_pct, lang),
            percent_points(t.fines_progress_pct, lang)]


_TARGET_COLUMNS = ("sector", "baseline_cases", "baseline_fines", "target_cases", "target_fines",
                   "actual_cases", "actual_fines", "prorated_cases", "prorated_fines",
                   "cases_pct", "fines_pct")


def targets_text(report: TargetReport, language: str = "vi",
                 catalog: Catalog | None = None) -> str:
    """Targets as a table with a header row."""
    lang = Language(language).value
    head = template("targets.head", lang).format(
        year=report.year, baseline_year=report.baseline_year,
        growth=percent(Decimal(report.growth), lang), as_of=short_date(report.as_of, lang),
        elapsed=percent(Decimal(report.elapsed_fraction), lang))
    header = [template(f"targets.col.{c}", lang) for c in _TARGET_COLUMNS]
    rows = [_target_row(t, lang, catalog) for t in (*report.sectors, report.total)]
    return "\n".join([head, "", *_table(header, rows)]) + "\n"


def _reform_rows(rows: Sequence[ReformRow], lang: str, sectors: bool,
                 catalog: Catalog | None) -> list[list[str]]:
    out = []
    for r in rows:
        key = sector_name(r.key, lang, catalog) if sectors or r.key == "*" else r.key
        out.append([key, number(r.cases, lang), money(r.before, lang), money(r.after, lang),
                    percent_points(r.change_pct, lang)])
    return out


def reform_text(report: ReformReport, language: str = "vi", catalog: Catalog | None = None) -> str:
    """A reform what-if as text: the changes, then tables by sector, by provision and in total."""
    lang = Language(language).value
    lines = [report.title, ""]
    for c in report.changes:
        extra = f" ×{number(c.factor, lang)}" if c.factor else ""
        warn = f"  ⚠ {'; '.join(c.warnings)}" if c.warnings else ""
        lines.append(f"- {c.provision}{extra} → {template('ui.max', lang)} "
                     f"{money(c.new_top or 0, lang)}{warn}")
    header = [template(f"reform.col.{c}", lang) for c in ("key", "cases", "before", "after", "change")]
    for title, rows, sectors in (("ui.by_sector", report.by_sector, True),
                                 ("ui.by_provision", report.by_provision, False),
                                 ("ui.total_row", (report.total,), True)):
        lines += ["", template(title, lang)]
        lines += _table(header, _reform_rows(rows, lang, sectors, catalog))
    if report.skipped:
        lines += ["", template("ui.skipped", lang) + ":"] + [f"  {s}" for s in report.skipped]
    return "\n".join(lines) + "\n"
