"""Compare two documents act by act, through the recorded successor links.

Frames are compared as organisation amounts (each decree's own base converted), so a
decree written for individuals and one written for organisations line up.
"""

from __future__ import annotations

import functools
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from ..catalog.catalog import Catalog
from ..models.common import Frozen, Localized
from ..models.offender import FineBase
from ..models.provision import (
    BandedFine,
    FineFrame,
    Measure,
    PerUnitFine,
    PointFrames,
    Provision,
    ProvisionVersion,
)


class Frame(Frozen):
    """A frame as organisation amounts (per unit or per band where the decree says so)."""

    min: int | None
    max: int | None
    shape: str
    warning: bool


class DiffRow(Frozen):
    """One act: before and after."""

    old: str | None
    new: str | None
    label: Localized
    before: Frame | None = None
    after: Frame | None = None
    min_change_pct: str | None = None
    max_change_pct: str | None = None
    sanctions_added: tuple[str, ...] = ()
    sanctions_removed: tuple[str, ...] = ()
    remedies_added: tuple[str, ...] = ()
    remedies_removed: tuple[str, ...] = ()
    link_status: str | None = None
    old_measures_complete: bool = True


class DocumentDiff(Frozen):
    """Acts continued, added and dropped between two documents."""

    old: str
    new: str
    changed: tuple[DiffRow, ...]
    added: tuple[DiffRow, ...]
    dropped: tuple[DiffRow, ...]


def _frame(catalog: Catalog, provision: Provision, version: ProvisionVersion) -> Frame:
    rules = catalog.rules_for(provision.document)
    factor = 1
    if rules is not None and rules.stated_base(provision.citation) is FineBase.INDIVIDUAL:
        factor = 2
    fine = version.fine
    if isinstance(fine, FineFrame):
        return Frame(min=fine.min * factor, max=fine.max * factor, shape="frame",
                     warning=version.warning)
    if isinstance(fine, PerUnitFine):
        return Frame(min=fine.min * factor, max=fine.max * factor,
                     shape=f"per {fine.unit.en}", warning=version.warning)
    if isinstance(fine, BandedFine):
        return Frame(min=min(b.min for b in fine.bands) * factor,
                     max=max(b.max for b in fine.bands) * factor,
                     shape=f"{len(fine.bands)} bands by {fine.criterion}", warning=version.warning)
    if isinstance(fine, PointFrames):
        return Frame(min=min(f.min for f in fine.frames.values()) * factor,
                     max=max(f.max for f in fine.frames.values()) * factor,
                     shape=f"{len(fine.frames)} frames by point", warning=version.warning)
    return Frame(min=None, max=None, shape="warning", warning=version.warning)


def _pct(before: int | None, after: int | None) -> str | None:
    if before in (None, 0) or after is None:
        return None
    assert before is not None
    change = (Decimal(after) - before) * 100 / before
    return str(change.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def _codes(measures: tuple[Measure, ...]) -> set[str]:
    out = set()
    for m in measures:
        duration = f" {m.duration.min_months}-{m.duration.max_months}m" if m.duration else ""
        out.add(m.code + duration)
    return out


def _last_version(provision: Provision) -> ProvisionVersion:
    return provision.versions[-1]


def diff_documents(catalog: Catalog, old: str, new: str) -> DocumentDiff:
    """Per-act comparison of ``old`` and ``new`` (document numbers in any accepted form)."""
    old_doc = catalog.document(old).number
    new_doc = catalog.document(new).number
    old_provisions = catalog.provisions_of(old_doc)
    new_provisions = catalog.provisions_of(new_doc)
    linked_new: set[str] = set()
    changed, dropped = [], []
    for p in old_provisions:
        successor = catalog.successor_of(p)
        if successor is None or successor.document != new_doc:
            v = _last_version(p)
            dropped.append(DiffRow(old=p.citation.format(), new=None, label=p.label,
                                   before=_frame(catalog, p, v)))
            continue
        linked_new.add(successor.citation.format())
        before_v, after_v = _last_version(p), successor.versions[0]
        before, after = _frame(catalog, p, before_v), _frame(catalog, successor, after_v)
        sa, sb = _codes(before_v.additional_sanctions), _codes(after_v.additional_sanctions)
        ra, rb = _codes(before_v.remedial_measures), _codes(after_v.remedial_measures)
        assert p.successor is not None
        changed.append(DiffRow(
            old=p.citation.format(), new=successor.citation.format(), label=successor.label,
            before=before, after=after, min_change_pct=_pct(before.min, after.min),
            max_change_pct=_pct(before.max, after.max),
            sanctions_added=tuple(sorted(sb - sa)), sanctions_removed=tuple(sorted(sa - sb)),
            remedies_added=tuple(sorted(rb - ra)), remedies_removed=tuple(sorted(ra - rb)),
            link_status=p.successor.provenance.status.value,
            old_measures_complete=before_v.measures_complete,
        ))
    added = [DiffRow(old=None, new=p.citation.format(), label=p.label,
                     after=_frame(catalog, p, p.versions[0]))
             for p in new_provisions if p.citation.format() not in linked_new]
    return DocumentDiff(old=str(old_doc), new=str(new_doc), changed=tuple(changed),
                        added=tuple(added), dropped=tuple(dropped))


def _money(value: int | None, language: str = "en") -> str:
    from ..i18n.numbers import number

    return "-" if value is None else number(value, language)


def _frame_text(frame: Frame | None, language: str = "en") -> str:
    from ..i18n import template

    if frame is None:
        return "-"
    if frame.min is None:
        return template("ui.warning_word", language)
    extra = "" if frame.shape == "frame" else f" ({_shape_words(frame.shape, language)})"
    warn = f" {template('diff.or_warning', language)}" if frame.warning else ""
    return f"{_money(frame.min, language)}–{_money(frame.max, language)}{extra}{warn}"


@functools.cache
def _unit_words() -> dict[str, Localized]:
    from ..catalog.loader import bundled_catalog
    from ..models.provision import PerUnitFine

    units: dict[str, Localized] = {}
    for provision in bundled_catalog().provisions.values():
        for version in provision.versions:
            if isinstance(version.fine, PerUnitFine):
                units.setdefault(version.fine.unit.en, version.fine.unit)
    return units


def _shape_words(shape: str, language: str) -> str:
    """The shape of a frame (``7 bands by goods_value``, ``per SIM``) in ``language``."""
    import re

    from ..i18n import count_text, template, word

    bands = re.fullmatch(r"(\d+) bands by (\w+)", shape)
    if bands:
        return template("diff.bands", language).format(
            bands=count_text("n.bands", int(bands[1]), language), criterion=word(bands[2], language))
    frames = re.fullmatch(r"(\d+) frames by point", shape)
    if frames:
        return template("diff.frames", language).format(
            frames=count_text("n.frames", int(frames[1]), language))
    if shape.startswith("per "):
        unit = _unit_words().get(shape[4:])
        return template("diff.per_unit", language).format(
            unit=unit.get(language) if unit is not None else shape[4:])
    return shape


def _measures_text(row: DiffRow) -> str:
    if not row.old_measures_complete:
        now = sorted(set(row.sanctions_added) | set(row.remedies_added))
        return ("old sanctions/remedies not fully recorded; new: " + ", ".join(now)) if now else ""
    parts = []
    for name, values in (("+sanction", row.sanctions_added), ("-sanction", row.sanctions_removed),
                         ("+remedy", row.remedies_added), ("-remedy", row.remedies_removed)):
        parts += [f"{name} {v}" for v in values]
    return "; ".join(parts)


@functools.cache
def _measure_labels() -> dict[tuple[str, str], Localized]:
    """(provision citation, measure code) → the measure's name in that provision."""
    from ..catalog.loader import bundled_catalog

    labels: dict[tuple[str, str], Localized] = {}
    for provision in bundled_catalog().provisions.values():
        for version in provision.versions:
            for m in (*version.additional_sanctions, *version.remedial_measures):
                labels.setdefault((provision.citation.format(), m.code), m.label)
    return labels


def _measure_words(code: str, provision: str | None, language: str) -> str:
    """``licence_withdrawal 1-3m`` of ``provision`` as its name and duration in words."""
    from ..i18n import count_text

    name, _, duration = code.partition(" ")
    label = _measure_labels().get((provision or "", name))
    text = label.get(language) if label is not None else name
    if duration.endswith("m") and "-" in duration:
        low, high = duration[:-1].split("-")
        text += f" ({low}–{count_text('n.months', int(high), language)})"
    return text


def _measures_words(row: DiffRow, language: str) -> str:
    from ..i18n import template

    def words(values: tuple[str, ...] | list[str], provision: str | None) -> str:
        return "; ".join(_measure_words(v, provision, language) for v in values)

    if not row.old_measures_complete:
        now = sorted(set(row.sanctions_added) | set(row.remedies_added))
        return template("diff.old_incomplete", language).format(new=words(now, row.new)) if now else ""
    parts = []
    for key, values, provision in (("diff.sanction_added", row.sanctions_added, row.new),
                                   ("diff.sanction_removed", row.sanctions_removed, row.old),
                                   ("diff.remedy_added", row.remedies_added, row.new),
                                   ("diff.remedy_removed", row.remedies_removed, row.old)):
        if values:
            parts.append(template(key, language).format(measures=words(values, provision)))
    return "; ".join(parts)


def _pct_text(value: str | None, language: str) -> str:
    from ..i18n.numbers import percent_points

    return percent_points(value, language)


def diff_text(d: DocumentDiff, language: str = "en") -> str:
    """The comparison as plain text (amounts are organisation amounts, VND)."""
    from ..i18n import template

    lines = [template("diff.head", language).format(old=d.old, new=d.new), "",
             template("diff.continued", language)]
    for r in d.changed:
        link = template(f"status.{r.link_status}", language) if r.link_status else "-"
        lines.append(f"  {r.old} → {r.new} [{link}]")
        lines.append(f"    {r.label.get(language)}")
        lines.append(f"    {_frame_text(r.before, language)} → "
                     f"{_frame_text(r.after, language)}  "
                     + template("diff.change", language).format(
                         min=_pct_text(r.min_change_pct, language),
                         max=_pct_text(r.max_change_pct, language)))
        measures = _measures_words(r, language)
        if measures:
            lines.append(f"    {measures}")
    lines += ["", template("diff.added", language)]
    lines += [f"  {r.new}: {_frame_text(r.after, language)} — {r.label.get(language)}" for r in d.added]
    lines += ["", template("diff.dropped", language)]
    lines += [f"  {r.old}: {_frame_text(r.before, language)} — {r.label.get(language)}" for r in d.dropped]
    return "\n".join(lines) + "\n"


def diff_markdown(d: DocumentDiff, language: str = "en") -> str:
    """The comparison as Markdown tables."""
    lines = [f"# {d.old} → {d.new}", "", "Organisation amounts, VND.", "",
             "## Continued acts", "",
             "| old | new | before | after | min Δ% | max Δ% | sanctions / remedies | link |",
             "|---|---|---|---|---:|---:|---|---|"]
    for r in d.changed:
        lines.append(f"| {r.old} | {r.new} | {_frame_text(r.before, language)} | "
                     f"{_frame_text(r.after, language)} | "
                     f"{r.min_change_pct or '-'} | {r.max_change_pct or '-'} | "
                     f"{_measures_text(r) or '-'} | {r.link_status} |")
    lines += ["", "## Acts added", "", "| provision | frame | act |", "|---|---|---|"]
    lines += [f"| {r.new} | {_frame_text(r.after, language)} | {r.label.get(language)} |" for r in d.added]
    lines += ["", "## Acts dropped or not linked", "", "| provision | frame | act |", "|---|---|---|"]
    lines += [f"| {r.old} | {_frame_text(r.before, language)} | {r.label.get(language)} |" for r in d.dropped]
    return "\n".join(lines) + "\n"


def diff_json(d: DocumentDiff) -> dict[str, Any]:
    """The comparison as JSON."""
    return d.model_dump(mode="json")
