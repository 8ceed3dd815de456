"""Coverage of the bundled catalog: provisions per document, by status, missing articles."""

from __future__ import annotations

from collections import Counter
from typing import Any

from ..catalog.catalog import Catalog
from ..models.common import Frozen


class DocumentCoverage(Frozen):
    """How much of one document the catalog holds."""

    document: str
    provisions: int
    versions_by_status: dict[str, int]
    articles_bundled: int
    article_range: str | None
    missing_articles: tuple[str, ...]


def _article_key(article: str) -> tuple[int, str]:
    digits = article.rstrip("abcdefghijklmnopqrstuvwxyz")
    return int(digits), article[len(digits):]


def coverage(catalog: Catalog) -> list[DocumentCoverage]:
    """Per document with provisions or a known article range."""
    out = []
    for doc in catalog.documents:
        provisions = catalog.provisions_of(doc.number)
        sanctioning = doc.sanctioning_articles
        if not provisions and sanctioning is None:
            continue
        statuses = Counter(v.provenance.status.value for p in provisions for v in p.versions)
        bundled = {p.article for p in provisions}
        missing: tuple[str, ...] = ()
        span = None
        if sanctioning is not None:
            span = f"{sanctioning.first}–{sanctioning.last}"
            expected = [str(n) for n in range(sanctioning.first, sanctioning.last + 1)]
            expected += list(sanctioning.inserted)
            missing = tuple(sorted((a for a in expected if a not in bundled), key=_article_key))
        out.append(DocumentCoverage(
            document=str(doc.number), provisions=len(provisions),
            versions_by_status=dict(sorted(statuses.items())), articles_bundled=len(bundled),
            article_range=span, missing_articles=missing,
        ))
    return out


def _ranges(articles: tuple[str, ...]) -> str:
    """Compress 7, 8, 9, 12 into '7–9, 12'."""
    plain = [a for a in articles if a.isdigit()]
    other = [a for a in articles if not a.isdigit()]
    parts: list[str] = []
    numbers = [int(a) for a in plain]
    start = prev = None
    for n in numbers:
        if start is None:
            start = prev = n
        elif prev is not None and n == prev + 1:
            prev = n
        else:
            parts.append(f"{start}" if start == prev else f"{start}–{prev}")
            start = prev = n
    if start is not None:
        parts.append(f"{start}" if start == prev else f"{start}–{prev}")
    return ", ".join(parts + other)


def coverage_text(rows: list[DocumentCoverage], language: str = "en") -> str:
    """The coverage report as text, in ``language`` (statuses and counts in words)."""
    from ..i18n import count_text, template

    lines = []
    for r in rows:
        statuses = ", ".join(f"{template('status.' + k, language)}: {v}"
                             for k, v in r.versions_by_status.items()) or "-"
        lines.append(template("coverage.line", language).format(
            document=r.document, provisions=count_text("n.provisions", r.provisions, language),
            articles=count_text("n.articles", r.articles_bundled, language), statuses=statuses))
        if r.article_range:
            missing = _ranges(r.missing_articles) or template("ui.none_missing", language)
            lines.append("    " + template("coverage.range", language).format(
                range=r.article_range, missing=missing))
    return "\n".join(lines) + "\n"


def coverage_json(rows: list[DocumentCoverage]) -> list[dict[str, Any]]:
    """The coverage report as JSON."""
    return [r.model_dump(mode="json") for r in rows]
