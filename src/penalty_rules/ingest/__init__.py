"""Read a decree's Vietnamese text into draft catalog entries for a person to review.

``structure`` splits the text into chapters, articles, clauses and points; ``refs``
reads cross-references; ``clauses`` turns each clause into fines, sanctions and
remedies; ``emit`` writes the draft in the catalog's TOML format. What cannot be read is
reported with its article and clause, never guessed.
"""

from dataclasses import dataclass as _dataclass

from .clauses import Draft, Problem, read_articles
from .emit import draft_toml
from .structure import split_articles


@_dataclass(frozen=True)
class IngestResult:
    """Drafts read from a text, the problems found, and the draft file."""

    document: str
    drafts: tuple[Draft, ...]
    problems: tuple[Problem, ...]
    toml: str


def ingest_text(text: str, document: str, source: str = "text") -> IngestResult:
    """Read decree ``text`` into draft catalog entries for ``document``."""
    from .. import normalize
    from ..models.document import DocumentNumber

    number = str(DocumentNumber.parse(document))
    result = read_articles(split_articles(normalize.text(text)))
    return IngestResult(document=number, drafts=tuple(result.drafts),
                        problems=tuple(result.problems),
                        toml=draft_toml(number, result.drafts, source))


__all__ = ["Draft", "IngestResult", "Problem", "ingest_text"]
