"""The ``penalty-rules`` command line.

Commands: ``assess CASE.json``, ``cite TEXT``, ``catalog``, ``circumstances``; each
takes ``--format json|text``. Bad input exits with status 2 and a one-line reason
on standard error.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from . import __version__
from .catalog.catalog import Catalog
from .catalog.loader import load_catalog
from .citations.parse import parse_citation
from .engine.assess import assess
from .errors import CaseError, PenaltyRulesError, ProvisionNotFound
from .report.jsonout import assessment_json
from .report.listing import (
    circumstances_json,
    circumstances_text,
    cite_json,
    cite_text,
    documents_json,
    documents_text,
    provisions_json,
    provisions_text,
)
from .report.text import render_text


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--format", choices=("text", "json"), default="text",
                        help="output format (default: text)")
    common.add_argument("--lang", choices=("vi", "en"), default="vi",
                        help="language of text output (default: vi)")
    common.add_argument("--catalog", action="append", default=[], metavar="FILE",
                        help="extra catalog file loaded on top of the bundled one (repeatable)")
    parser = argparse.ArgumentParser(
        prog="penalty-rules",
        description="Vietnamese administrative penalty rules: assess cases, read citations, "
                    "browse the dated catalog.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("assess", parents=[common], help="assess a case file (JSON)")
    p.add_argument("case", help="path to the case JSON file, or - for standard input")
    p.add_argument("--today", type=date.fromisoformat, default=None,
                   help="decision date when the case gives none (default: the system date)")
    p = sub.add_parser("cite", parents=[common], help="read a citation and look it up")
    p.add_argument("text", help="citation in any accepted form")
    p = sub.add_parser("catalog", parents=[common], help="list documents or provisions")
    p.add_argument("--document", default=None, help="list the provisions of this document")
    sub.add_parser("circumstances", parents=[common],
                   help="list mitigating and aggravating circumstance codes")
    return parser


def _emit(data: Any, fmt: str, text: str) -> None:
    if fmt == "json":
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(text)


def _read_case(path: str) -> Any:
    try:
        raw = sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise CaseError("case", f"cannot read {path}: {exc.strerror}") from None
    try:
        return json.loads(raw)
    except json.JSONDecodeError as exc:
        raise CaseError("case", f"{path} is not valid JSON: {exc.msg} at line {exc.lineno}") from None


def _run(args: argparse.Namespace, catalog: Catalog) -> int:
    if args.command == "assess":
        data = _read_case(args.case)
        if not isinstance(data, dict):
            raise CaseError("case", "the case must be a JSON object")
        result = assess(data, catalog, today=args.today)
        _emit(assessment_json(result), args.format, render_text(result, args.lang))
        return 0
    if args.command == "cite":
        citation = parse_citation(args.text)
        try:
            matches = catalog.find(citation)
        except ProvisionNotFound as exc:
            _emit(cite_json(args.text, citation, [], catalog, exc), args.format,
                  cite_text(citation, [], catalog, args.lang, exc))
            return 1
        _emit(cite_json(args.text, citation, matches, catalog), args.format,
              cite_text(citation, matches, catalog, args.lang))
        return 0
    if args.command == "catalog":
        if args.document:
            number = catalog.document(args.document).number
            provisions = catalog.provisions_of(number)
            _emit(provisions_json(provisions, catalog), args.format,
                  provisions_text(provisions, args.lang))
        else:
            _emit(documents_json(catalog), args.format, documents_text(catalog, args.lang))
        return 0
    if args.command == "circumstances":
        _emit(circumstances_json(catalog), args.format, circumstances_text(catalog, args.lang))
        return 0
    raise AssertionError(args.command)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the exit status."""
    args = _parser().parse_args(argv)
    try:
        catalog = load_catalog(*args.catalog)
        return _run(args, catalog)
    except PenaltyRulesError as exc:
        sys.stderr.write(f"penalty-rules: error: {exc}\n")
        return 2


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
