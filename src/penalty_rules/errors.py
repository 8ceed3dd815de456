"""Typed errors raised by :mod:`penalty_rules`.

Every error carries enough context to explain itself in one line: the CLI
prints ``str(error)`` to standard error and exits non-zero.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date


def field_path(loc: Sequence[int | str]) -> str:
    """A field path in the one notation used everywhere: ``violations[0].committed_on``.

    >>> field_path(("violations", 0, "committed_on"))
    'violations[0].committed_on'
    >>> field_path(("article", "34", "clause", "7", "fine", "bands", 2, "min"))
    'article.34.clause.7.fine.bands[2].min'
    """
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


class PenaltyRulesError(Exception):
    """Base class of every error raised on purpose by this library."""


class CitationError(PenaltyRulesError, ValueError):
    """A legal citation could not be understood or found."""


class CitationSyntaxError(CitationError):
    """The text is not a citation this library can read.

    >>> from penalty_rules import parse_citation
    >>> try:
    ...     parse_citation("khoản 2 điểm z Điều 34")
    ... except CitationSyntaxError as error:
    ...     print(error.reason[:40])
    'z' is not a Vietnamese point letter (a,
    """

    def __init__(self, text: str, reason: str) -> None:
        self.text = text
        self.reason = reason
        super().__init__(f"cannot read citation {text!r}: {reason}")


class ProvisionNotFound(CitationError, LookupError):
    """The citation is well formed but no bundled or loaded provision matches it."""

    def __init__(self, citation: str, suggestions: Sequence[str] = (), detail: str = "") -> None:
        self.citation = citation
        self.suggestions = list(suggestions)
        self.detail = detail
        message = f"no provision in the catalog matches {citation!r}"
        if detail:
            message += f" ({detail})"
        if self.suggestions:
            message += "; closest provisions: " + "; ".join(self.suggestions)
        super().__init__(message)


class AmbiguousCitation(CitationError, LookupError):
    """A citation without a document matches provisions of several documents.

    It is never guessed: give the document in the citation, or a default document.
    """

    def __init__(self, citation: str, candidates: Sequence[str], detail: str = "") -> None:
        self.citation = citation
        self.candidates = list(candidates)
        why = f" ({detail})" if detail else ""
        super().__init__(
            f"{citation!r} names no document and matches provisions of several documents"
            f"{why}: {'; '.join(self.candidates)}; add the document number to the citation "
            "or give a default document")


class DocumentNotFound(PenaltyRulesError, LookupError):
    """No legal document with that number is in the catalog."""

    def __init__(self, number: str, known: Sequence[str] = ()) -> None:
        self.number = number
        self.known = list(known)
        message = f"no document {number!r} in the catalog"
        if self.known:
            message += "; documents known: " + ", ".join(self.known)
        super().__init__(message)


class NoApplicableVersion(PenaltyRulesError, LookupError):
    """No version of a provision was in force on the date that decides the law."""

    def __init__(self, citation: str, on: date, versions: Sequence[str]) -> None:
        self.citation = citation
        self.on = on
        self.versions = list(versions)
        listing = "; ".join(self.versions) if self.versions else "none"
        super().__init__(
            f"no version of {citation} was in force on {on.isoformat()}; versions known: {listing}"
        )


class CatalogError(PenaltyRulesError, ValueError):
    """A catalog file is malformed: names the file, the field and the reason."""

    def __init__(self, path: str, field: str, reason: str) -> None:
        self.path = path
        self.field = field
        self.reason = reason
        where = f"{path}: {field}" if field else path
        super().__init__(f"{where}: {reason}")


class CaseError(PenaltyRulesError, ValueError):
    """A case (offender, violations, dates) is invalid for assessment."""

    def __init__(self, field: str, reason: str) -> None:
        self.field = field
        self.reason = reason
        super().__init__(f"{field}: {reason}" if field else reason)


class UnknownCircumstance(CaseError):
    """A mitigating or aggravating circumstance code is not known."""


class InputFileError(PenaltyRulesError, ValueError):
    """An input file (case, case log, change file, decree text) is refused before parsing.

    Names the file and the reason: too large, too deeply nested, not a regular file, not
    UTF-8, a duplicate key or column, a number too long.
    """

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")


class UsageError(PenaltyRulesError, ValueError):
    """The command line is wrong: an unknown option, a missing or out-of-range argument."""


class OutputError(PenaltyRulesError, OSError):
    """A file the tool would write is refused: missing folder, a symbolic link, or an
    existing file without ``--force``."""

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")
