"""Run the checks and collect an :class:`~penalty_rules.audit.findings.AuditReport`."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from ..catalog.catalog import Catalog
from ..catalog.loader import bundled_catalog
from ..errors import CaseError
from ..models.common import Localized
from ..models.log import LogEntry, LogTable
from .checks import REGISTRY, erosion_rows
from .context import AuditConfig, AuditContext
from .findings import AuditReport, Severity


def known_checks() -> tuple[str, ...]:
    """Codes of every check, in the order they run."""
    return tuple(c.code for c, _ in REGISTRY)


def audit(catalog: Catalog | None = None, as_of: date | None = None, *,
          document: str | None = None, log: Sequence[LogEntry] = (),
          config: AuditConfig | None = None, checks: Sequence[str] | None = None,
          min_severity: Severity | str = Severity.INFO) -> AuditReport:
    """Audit the catalog as of a date (default: today); findings come ranked.

    ``document`` keeps one document (an unknown number raises ``DocumentNotFound``),
    ``checks`` keeps some checks (an unknown code raises ``CaseError``), ``min_severity``
    drops findings below it.
    """
    catalog = catalog if catalog is not None else bundled_catalog()
    day = as_of or date.today()
    floor = min_severity if isinstance(min_severity, Severity) else _severity(min_severity)
    if document is not None:
        document = str(catalog.document(document).number)
    if checks is not None:
        unknown = [c for c in checks if c not in known_checks()]
        if unknown:
            raise CaseError("check", f"unknown check(s) {', '.join(unknown)}; known: "
                                     f"{', '.join(known_checks())}")
    ctx = AuditContext(catalog=catalog, as_of=day, config=config or AuditConfig(),
                       log=log if isinstance(log, LogTable) else tuple(log),
                       document=document)
    findings = []
    selected = []
    for check, fn in REGISTRY:
        if checks is not None and check.code not in checks:
            continue
        selected.append(check.cited_on(catalog, day))
        findings += fn(ctx)
    kept = [f for f in findings if f.severity >= floor]
    notes = [Localized(
        vi=f"CPI: bình quân năm (Tổng cục Thống kê), năm mới nhất đã công bố vào ngày "
           f"{day:%d/%m/%Y}: {ctx.cpi_year}.",
        en=f"CPI: GSO annual average, latest year known on {day.isoformat()}: {ctx.cpi_year}.")]
    if not log:
        notes.append(Localized(
            vi="Không có sổ theo dõi xử phạt: chưa kiểm tra vi phạm lặp lại và việc viện dẫn trong "
               "quyết định.",
            en="No case log given: repeat_pressure and case references were not checked."))
    return AuditReport(
        as_of=day, document=document,
        erosion_threshold_pct=str((ctx.config.erosion_threshold * 100).quantize(Decimal("0.1"))),
        findings=tuple(sorted(kept, key=lambda f: f.sort_key())),
        erosion=tuple(sorted(erosion_rows(ctx),
                             key=lambda r: (-Decimal(r.loss_pct), r.document, r.subject))),
        checks=tuple(selected), notes=tuple(notes), min_severity=floor,
        total_before_filters=len(findings),
    )


def _severity(text: str) -> Severity:
    try:
        return Severity.parse(text)
    except ValueError as exc:
        raise CaseError("min_severity", str(exc)) from None
