"""Small shared types: money, localized text, provenance."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StrictInt, ValidationInfo

#: Whole Vietnamese đồng. Strict: a ``float`` (or a numeric string) is refused.
VND = Annotated[StrictInt, Field(ge=0, description="whole VND (đồng)")]


class Frozen(BaseModel):
    """Base of every model: immutable, unknown fields refused.

    Validators are built on a model's first validation, not when its module is imported
    (``defer_build``): most models are never validated in a given run (the bundled catalog
    is rebuilt from its snapshot without validation; reports, audits and the command line
    use only some), and building them all was most of the cost of the first import.
    """

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


#: Config of the models the web service takes or returns (``Frozen.model_config | EAGER``):
#: FastAPI wraps them in types of its own, which pydantic reads as intended only when the
#: model's validator is built with the class.
EAGER = ConfigDict(defer_build=False)


def from_context(value: Any, info: ValidationInfo, **fields: str) -> Any:
    """Fill missing ``fields`` of a record from the validation context.

    ``fields`` maps a field name to a context key. The catalog loader validates a
    file's records with its document (number, start date) in the context, so records
    need not repeat what the file already says.
    """
    if isinstance(value, dict) and info.context:
        missing = {name: info.context[key] for name, key in fields.items()
                   if name not in value and info.context.get(key) is not None}
        if missing:
            return {**value, **missing}
    return value


def optional_in_files(*names: str) -> Callable[[dict[str, Any]], None]:
    """A ``json_schema_extra`` hook: ``names`` are not required in a catalog file."""
    def drop(schema: dict[str, Any]) -> None:
        required = [r for r in schema.get("required", ()) if r not in names]
        if required:
            schema["required"] = required
        else:
            schema.pop("required", None)
    return drop


class Language(StrEnum):
    """Languages the library renders text in."""

    VI = "vi"
    EN = "en"


class Localized(Frozen):
    """A short text written in Vietnamese and in English."""

    vi: str = Field(min_length=1, description="the Vietnamese text")
    en: str = Field(min_length=1, description="the English text")

    def get(self, language: Language | str) -> str:
        """Return the text for ``language`` (``"vi"`` or ``"en"``)."""
        return self.vi if Language(language) is Language.VI else self.en


class Status(StrEnum):
    """How a figure or fact was established (see the reference README)."""

    CONFIRMED = "CONFIRMED"
    CONFIRMED_SECONDARY = "CONFIRMED-secondary"
    CONFIRMED_NEWS = "CONFIRMED-news"
    INFERRED = "INFERRED"
    DERIVED = "DERIVED"
    MEMORY = "MEMORY"

    @property
    def verified(self) -> bool:
        """True when the fact was seen in a primary text or a page quoting it."""
        return self is Status.CONFIRMED

    @property
    def unverified(self) -> bool:
        """Whether the status is MEMORY, a belief that no source confirmed."""
        return self is Status.MEMORY


class Provenance(Frozen):
    """Where a figure comes from and how sure we are of it."""

    source: str = Field(min_length=3, description="document, page or fact-sheet row")
    status: Status = Field(description="how the fact was established")
    verified_on: date | None = Field(default=None, description="when it was last checked")
    note: str | None = Field(default=None, description="anything a reader should know about the source")

    @property
    def flag(self) -> str | None:
        """The flag code users must see when the fact is not CONFIRMED, else ``None``.

        ``UNVERIFIED_MEMORY`` for a MEMORY fact, ``STATUS_<STATUS>`` otherwise (for
        example ``STATUS_INFERRED``, ``STATUS_CONFIRMED_NEWS``). Codes are stable; the
        words shown to people come from :mod:`penalty_rules.i18n`.
        """
        if self.status.verified:
            return None
        if self.status.unverified:
            return "UNVERIFIED_MEMORY"
        return "STATUS_" + self.status.value.upper().replace("-", "_")
