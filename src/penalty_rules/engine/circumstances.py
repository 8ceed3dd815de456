"""Circumstances named in a case: known codes, the right kind, each once."""

from __future__ import annotations

import difflib

from ..catalog.catalog import Catalog
from ..errors import UnknownCircumstance
from ..models.circumstance import CircumstanceKind


def circumstance_codes(catalog: Catalog, codes: tuple[str, ...], kind: CircumstanceKind,
                       field: str) -> list[str]:
    """The canonical codes of ``codes`` (aliases resolved); unknown, misfiled or repeated
    codes are refused with the field and close matches."""
    out: list[str] = []
    for i, code in enumerate(codes):
        found = catalog.circumstance(code)
        if found is None:
            known = sorted(c.code for c in catalog.circumstances.values() if c.kind is kind)
            close = difflib.get_close_matches(code, known, n=3, cutoff=0.4)
            hint = f"; did you mean {', '.join(close)}?" if close else ""
            raise UnknownCircumstance(
                f"{field}[{i}]",
                f"unknown {kind.value} circumstance {code!r}{hint} "
                "(`penalty-rules circumstances` lists the codes)",
            )
        if found.kind is not kind:
            raise UnknownCircumstance(
                f"{field}[{i}]",
                f"{found.code!r} is a {found.kind.value} circumstance ({found.basis}), "
                f"not a {kind.value} one",
            )
        if found.code in out:
            raise UnknownCircumstance(f"{field}[{i}]", f"{found.code!r} is listed twice")
        out.append(found.code)
    return out
