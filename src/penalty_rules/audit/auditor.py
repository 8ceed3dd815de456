"""Run the checks and collect an :class:`~penalty_rules.audit.findings.AuditReport`."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from ..catalog.catalog import Catalog
from ..catalog.loader import bundled_catalog
from ..models.log import LogEntry
from .checks import REGISTRY, erosion_rows
from .context import AuditConfig, AuditContext
from .findings import AuditReport


def audit(catalog: Catalog | None = None, as_of: date | None = None, *,
          document: str | None = None, log: Sequence[LogEntry] = (),
          config: AuditConfig | None = None, checks: Sequence[str] | None = None) -> AuditReport:
    """Audit the catalog as of a date (default: today); findings come in a stable order."""
    catalog = catalog if catalog is not None else bundled_catalog()
    day = as_of or date.today()
    if document is not None:
        document = str(catalog.document(document).number)
    ctx = AuditContext(catalog=catalog, as_of=day, config=config or AuditConfig(), log=tuple(log),
                       document=document)
    findings = []
    selected = []
    for check, fn in REGISTRY:
        if checks is not None and check.code not in checks:
            continue
        selected.append(check)
        findings += fn(ctx)
    notes = [f"CPI: GSO annual average, latest year known on {day.isoformat()}: {ctx.cpi_year}."]
    if not log:
        notes.append("No case log given: repeat_pressure and case references were not checked.")
    return AuditReport(
        as_of=day, document=document,
        erosion_threshold_pct=str((ctx.config.erosion_threshold * 100).quantize(Decimal("0.1"))),
        findings=tuple(sorted(findings, key=lambda f: f.sort_key())),
        erosion=tuple(sorted(erosion_rows(ctx), key=lambda r: (r.document, r.subject))),
        checks=tuple(selected), notes=tuple(notes),
    )
