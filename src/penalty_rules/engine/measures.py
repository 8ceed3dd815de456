"""Additional sanctions and remedial measures that go with the act."""

from __future__ import annotations

from ..models.assessment import AppliedMeasure
from ..models.provision import Measure


def applied_measures(measures: tuple[Measure, ...], point: str | None, band: str | None,
                     quantity: int | None) -> tuple[AppliedMeasure, ...]:
    """The measures of a wording that apply to the act at ``point`` (band, quantity)."""
    out: list[AppliedMeasure] = []
    for m in measures:
        if m.applies_to(point, band, quantity):
            applied = AppliedMeasure(code=m.code, label=m.label, duration=m.duration,
                                     condition=m.condition, alternative_to=m.alternative_to)
            if applied not in out:
                out.append(applied)
    return tuple(out)
