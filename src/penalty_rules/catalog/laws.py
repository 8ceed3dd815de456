"""The laws penalty decrees rest on, and what became of them: a dated registry.

Decrees of 2020–21 name their legal bases by title and date ("Luật Viễn thông ngày 23 tháng
11 năm 2009"); newer ones by number. The registry turns either into a law number, follows the
law's later history (replaced, amended, from when) and says which laws each decree rests on.

>>> reg = law_registry()
>>> str(reg.by_name_and_date("Luật Viễn thông", date(2009, 11, 23)).number)
'41/2009/QH12'
>>> reg.law("41/2009/QH12").replaced_on(date(2024, 6, 1)) is None
True
>>> str(reg.law("41/2009/QH12").replaced_on(date(2024, 7, 1)).law)
'24/2023/QH15'
"""

from __future__ import annotations

import functools
import tomllib
import unicodedata
from collections.abc import Iterable, Sequence
from datetime import date
from enum import StrEnum
from importlib import resources
from typing import Any

from pydantic import Field, TypeAdapter, ValidationError, model_validator

from ..errors import CatalogError, PenaltyRulesError
from ..models.common import Frozen, Localized, Provenance, Status
from ..models.document import DocumentNumber, LegalDocument

#: What an amending law changed, where the sources say; labels for reports.
TOPICS: dict[str, Localized] = {
    "competence": Localized(vi="thẩm quyền xử phạt", en="sanctioning competence"),
    "sector_maxima": Localized(vi="mức phạt tối đa theo lĩnh vực", en="sector maximum fines"),
    "fine_rules": Localized(vi="quy tắc áp dụng mức phạt", en="rules for setting the fine"),
    "limitation": Localized(vi="thời hiệu xử phạt", en="limitation periods"),
    "sectors": Localized(vi="danh mục lĩnh vực", en="the list of sectors"),
    "procedure": Localized(vi="thủ tục xử phạt", en="sanctioning procedure"),
    "business_conditions": Localized(vi="điều kiện kinh doanh", en="business conditions"),
    "organisation": Localized(vi="tổ chức bộ máy", en="organisation of the state"),
}

#: Topics whose change can make a penalty decree's provisions wrong.
PENALTY_TOPICS = frozenset({"competence", "sector_maxima", "fine_rules", "limitation", "sectors",
                            "procedure", "business_conditions"})


class LawNotFound(PenaltyRulesError, LookupError):
    """No law in the registry matches a number, or a name and date."""

    def __init__(self, what: str, candidates: Sequence[str] = ()) -> None:
        self.what = what
        self.candidates = list(candidates)
        message = f"no law in the registry matches {what}"
        if self.candidates:
            message += "; laws of that date: " + "; ".join(self.candidates)
        super().__init__(message)


class AmbiguousLaw(PenaltyRulesError, LookupError):
    """A name and date fit more than one law: the caller must say which."""

    def __init__(self, what: str, candidates: Sequence[str]) -> None:
        self.what = what
        self.candidates = list(candidates)
        super().__init__(f"{what} fits more than one law: {'; '.join(self.candidates)}; "
                         "give the law's name (or its number) to choose")


class LawChange(Frozen):
    """A later law that replaced or amended this one."""

    law: DocumentNumber
    passed_on: date | None = None
    effective_from: date | None = Field(default=None, description="None when not seen")
    touched: tuple[str, ...] = Field(default=(), description="topic codes; empty = scope not read")
    clause: str | None = Field(default=None, description="the clause of ``law`` that says so")
    provenance: Provenance

    @model_validator(mode="after")
    def _topics(self) -> LawChange:
        unknown = [t for t in self.touched if t not in TOPICS]
        if unknown:
            raise ValueError(f"touched: unknown topic(s) {unknown}; known: {sorted(TOPICS)}")
        return self

    def known_on(self, day: date) -> bool:
        """True when the change had been passed by ``day`` (or its passing date is unknown
        but it was in force by then)."""
        if self.passed_on is not None:
            return self.passed_on <= day
        return self.effective_from is not None and self.effective_from <= day

    def in_force_on(self, day: date) -> bool:
        """True when the change applied on ``day`` (False if its in-force date is unknown)."""
        return self.effective_from is not None and self.effective_from <= day

    @property
    def scope_known(self) -> bool:
        """True when the sources say what the change touched."""
        return bool(self.touched)

    @property
    def touches_penalties(self) -> bool:
        """True when the change touched something a penalty decree depends on."""
        return any(t in PENALTY_TOPICS for t in self.touched)


class Law(Frozen):
    """A law with its dates and later history."""

    number: DocumentNumber
    name: Localized
    passed_on: date
    effective_from: date | None = None
    replaced_by: LawChange | None = None
    amended_by: tuple[LawChange, ...] = ()
    provenance: Provenance

    def replaced_on(self, day: date) -> LawChange | None:
        """The replacement in force on ``day``, if any."""
        r = self.replaced_by
        return r if r is not None and r.in_force_on(day) else None

    def label(self, language: str = "vi") -> str:
        """``Luật Viễn thông 2009 (41/2009/QH12)``."""
        return f"{self.name.get(language)} ({self.number})"


class BasisRole(StrEnum):
    """Whether a decree sanctions breaches of a law (implements) or only cites it."""

    IMPLEMENTS = "implements"
    OTHER = "other"


class CitedAs(Frozen):
    """A law as a 2020–21 preamble names it: title and date, no number."""

    name: str = Field(min_length=3)
    passed_on: date


class DecreeBasis(Frozen):
    """One law named as the legal basis of one decree."""

    decree: DocumentNumber
    law: DocumentNumber
    cited: CitedAs | None = Field(default=None, description="set when cited by name and date")
    role: BasisRole
    amendments_cited: tuple[DocumentNumber, ...] = ()
    provenance: Provenance

    @property
    def unverified(self) -> bool:
        """True when the decree's preamble was not seen (MEMORY)."""
        return self.provenance.status is Status.MEMORY


class _RawBasis(Frozen):
    decree: DocumentNumber
    law: DocumentNumber | None = None
    cited: CitedAs | None = None
    role: BasisRole
    amendments_cited: tuple[DocumentNumber, ...] = ()
    provenance: Provenance

    @model_validator(mode="after")
    def _one(self) -> _RawBasis:
        if (self.law is None) == (self.cited is None):
            raise ValueError("a basis names the law either by number (law) or by name and date "
                             "(cited), exactly one of them")
        return self


class _LawsFile(Frozen):
    format: int
    law: tuple[Law, ...]
    basis: tuple[_RawBasis, ...] = ()


def _norm(text: str) -> str:
    """Casefolded, NFC, without a leading 'Luật' and without a trailing year."""
    text = unicodedata.normalize("NFC", text).casefold().strip()
    words = text.split()
    for prefix in (["luật"], ["law", "on"], ["law"]):
        if words[:len(prefix)] == prefix:
            words = words[len(prefix):]
            break
    if words and words[-1].isdigit():
        words = words[:-1]
    return " ".join(words)


class LawRegistry:
    """Laws by number, look-ups by (name, date), and the bases of each decree."""

    def __init__(self, laws: Iterable[Law], bases: Iterable[DecreeBasis] = ()) -> None:
        self._laws: dict[str, Law] = {}
        for law in laws:
            key = str(law.number)
            if key in self._laws:
                raise ValueError(f"law {key} is listed twice")
            self._laws[key] = law
        self._bases: dict[str, list[DecreeBasis]] = {}
        for basis in bases:
            self._bases.setdefault(str(basis.decree), []).append(basis)

    @property
    def laws(self) -> tuple[Law, ...]:
        """Every law, in number order."""
        return tuple(sorted(self._laws.values(), key=lambda law: law.number.sort_key()))

    def __contains__(self, number: object) -> bool:
        return str(number) in self._laws

    def law(self, number: str | DocumentNumber) -> Law:
        """The law with that number; :class:`LawNotFound` otherwise."""
        key = str(number) if isinstance(number, DocumentNumber) else str(DocumentNumber.parse(number))
        try:
            return self._laws[key]
        except KeyError:
            raise LawNotFound(repr(key)) from None

    def by_name_and_date(self, name: str | None, passed_on: date) -> Law:
        """The law passed on ``passed_on`` whose name matches ``name``.

        Two laws may share a date (41/2009 and 42/2009 were both passed on 23/11/2009): with no
        name, or a name that fits both, the look-up is refused with the candidates.
        """
        on_day = [law for law in self.laws if law.passed_on == passed_on]
        what = f"{name or 'a law'} of {passed_on.isoformat()}"
        listing = [law.label("vi") for law in on_day]
        if not on_day:
            raise LawNotFound(what)
        wanted = _norm(name or "")
        if not wanted:
            if len(on_day) == 1:
                return on_day[0]
            raise AmbiguousLaw(what, listing)
        exact = [law for law in on_day if wanted in (_norm(law.name.vi), _norm(law.name.en))]
        if len(exact) == 1:
            return exact[0]
        loose = exact or [law for law in on_day
                          if wanted in _norm(law.name.vi) or wanted in _norm(law.name.en)]
        if len(loose) == 1:
            return loose[0]
        if not loose:
            raise LawNotFound(what, listing)
        raise AmbiguousLaw(what, [law.label("vi") for law in loose])

    def bases_of(self, document: LegalDocument) -> tuple[DecreeBasis, ...]:
        """The laws a decree rests on: the registry's records, then any further number the
        catalog's ``based_on`` lists (role ``other``, the document's provenance)."""
        key = str(document.number)
        found = list(self._bases.get(key, ()))
        seen = {str(b.law) for b in found}
        for number in document.based_on:
            if str(number) not in seen:
                seen.add(str(number))
                found.append(DecreeBasis(decree=document.number, law=number, role=BasisRole.OTHER,
                                         provenance=document.provenance))
        return tuple(found)

    def recorded(self, decree: str | DocumentNumber) -> tuple[DecreeBasis, ...]:
        """The registry's own records for a decree (without the catalog's list)."""
        return tuple(self._bases.get(str(decree), ()))

    def recorded_decrees(self) -> tuple[str, ...]:
        """Decrees whose bases the registry records."""
        return tuple(sorted(self._bases))


def _resolve(laws: LawRegistry, raw: _RawBasis, where: str) -> DecreeBasis:
    try:
        if raw.law is not None:
            number = laws.law(raw.law).number
        else:
            assert raw.cited is not None
            number = laws.by_name_and_date(raw.cited.name, raw.cited.passed_on).number
    except (LawNotFound, AmbiguousLaw) as exc:
        raise CatalogError(where, "basis", str(exc)) from None
    return DecreeBasis(decree=raw.decree, law=number, cited=raw.cited, role=raw.role,
                       amendments_cited=raw.amendments_cited, provenance=raw.provenance)


def load_law_registry(data: dict[str, Any], where: str = "laws.toml") -> LawRegistry:
    """Build a registry from parsed TOML (the bundled file's layout)."""
    try:
        raw = TypeAdapter(_LawsFile).validate_python(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"])
        raise CatalogError(where, field, first["msg"]) from None
    laws = LawRegistry(raw.law)
    bases = [_resolve(laws, b, where) for b in raw.basis]
    return LawRegistry(raw.law, bases)


@functools.lru_cache(maxsize=1)
def law_registry() -> LawRegistry:
    """The bundled registry (``penalty_rules/catalog/registry/laws.toml``)."""
    text = resources.files("penalty_rules.catalog.registry").joinpath("laws.toml").read_text("utf-8")
    return load_law_registry(tomllib.loads(text), "catalog/registry/laws.toml")
