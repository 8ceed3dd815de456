"""The ``penalty-rules`` command line.

Commands: ``assess CASE.json``, ``cite TEXT``, ``catalog``, ``circumstances``,
``audit``, ``propose DECREE``, ``targets LOG``, ``reform LOG``, ``diff OLD NEW``, ``ingest TEXT``,
``schema NAME``; most take
``--format json|text`` (``audit`` also ``md|html``). Bad input exits with status 2 and a
one-line reason on standard error. Every JSON output is the envelope of
:mod:`penalty_rules.report.schemas`.
one-line reason on standard error; an internal error (a bug) exits with status 3 and one
line asking for a report (``--debug`` shows the traceback). See docs/input-handling.rst.
"""

from __future__ import annotations

import argparse
import json
import locale
import os
import re
import sys
import traceback
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, NoReturn

from . import __version__, inputs, normalize
from .audit.auditor import audit
from .audit.propose import propose
from .catalog.catalog import Catalog
from .catalog.loader import load_catalog
from .catalog.schema import catalog_json_schema
from .catalog.search import SearchError, search
from .citations.parse import parse_citation
from .clock import vietnam_today
from .compare.coverage import coverage, coverage_text
from .compare.diff import diff_documents, diff_markdown, diff_text
from .engine.assess import assess
from .errors import CaseError, DocumentNotFound, PenaltyRulesError, ProvisionNotFound, UsageError
from .ingest import ingest_text
from .models.case import MAX_YEAR, MIN_YEAR, parse_case_data, parse_date
from .models.document import DocumentNumber
from .models.log import LogEntry
from .models.provision import Provision
from .planning.caselog import check_sectors, read_case_log, unreadable_rows
from .planning.reform import load_changes, what_if
from .planning.targets import compute_targets
from .progress import progress_bar
from .report.audit import (
    erosion_svg,
    report_csv,
    report_html,
    report_markdown,
    report_text,
    report_xlsx,
)
from .report.decision import decision_docx, decision_markdown, draft_decision
from .report.jsonout import assessment_json
from .report.listing import (
    circumstance_entries,
    circumstances_text,
    cite_result,
    cite_text,
    document_entries,
    documents_text,
    provisions_listing,
    provisions_text,
)
from .report.planning import reform_text, targets_text
from .report.proposal import proposal_csv, proposal_docx, proposal_markdown
from .report.schemas import (
    SCHEMAS,
    CatalogListing,
    CircumstanceListing,
    IngestOutput,
    SearchResult,
    envelope,
    schema,
)
from .report.searchout import search_text
from .report.text import render_text
from .service.app import serve


def default_language(environ: Any = None) -> str:
    """``--lang`` default: ``PENALTY_RULES_LANG``, else the locale's language, else ``vi``."""
    env = os.environ if environ is None else environ
    wanted = env.get("PENALTY_RULES_LANG") or env.get("LC_ALL") or env.get("LC_MESSAGES") \
        or env.get("LANG") or (locale.getlocale()[0] if environ is None else None) or ""
    code = wanted.split("_")[0].split(".")[0].lower()
    return code if code in ("vi", "en") else "vi"


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line and a return value, not an exit."""

    def error(self, message: str) -> NoReturn:
        command = self.prog.partition(" ")[2] or "usage"
        raise UsageError(f"{command}: {message} (see --help)")


def _parser() -> argparse.ArgumentParser:
    debug = _Parser(add_help=False)
    # SUPPRESS: given after the command, it must not reset a --debug given before it
    debug.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                       help="show the traceback of an internal error")
    base = _Parser(add_help=False, parents=[debug])
    base.add_argument("--lang", choices=("vi", "en"), default=default_language(),
                      help="language of text output (default: PENALTY_RULES_LANG, else the "
                           "locale's language, else vi)")
    base.add_argument("--catalog", action="append", default=[], metavar="FILE",
                      help="extra catalog file loaded on top of the bundled one (repeatable)")
    common = _Parser(add_help=False, parents=[base])
    common.add_argument("--format", choices=("text", "json"), default="text",
                        help="output format (default: text)")
    parser = _Parser(
        prog="penalty-rules",
        description="Vietnamese administrative penalty rules: assess cases, read citations, "
                    "browse the dated catalog.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--debug", action="store_true",
                        help="show the traceback of an internal error")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    p = sub.add_parser("assess", parents=[common], help="assess a case file (JSON)")
    p.add_argument("case", help="path to the case JSON file, or - for standard input")
    p.add_argument("--today", type=_date_arg, default=None,
                   help="decision date when the case gives none (default: today in Viet Nam, "
                        "Asia/Ho_Chi_Minh)")
    p.add_argument("--explain", action="store_true",
                   help="text: add the step-by-step reasoning with its legal basis")
    p.add_argument("--all-officials", action="store_true",
                   help="text: list every competent official, not only the lowest of each group")
    p = sub.add_parser("decision", parents=[base], help="draft a sanction decision for a case")
    p.add_argument("case", help="path to the case JSON file, or - for standard input")
    p.add_argument("--format", choices=("md", "json", "docx"), default="md",
                   help="draft format (default: md; docx needs --output and the optional extra "
                        "penalty_rules[docx])")
    p.add_argument("--official", default=None, metavar="CODE",
                   help="code of the signing official, one of the competent officials")
    p.add_argument("--today", type=_date_arg, default=None,
                   help="decision date when the case gives none (default: the system date)")
    p.add_argument("--output", default=None, metavar="FILE",
                   help="write the draft to FILE instead of standard output")
    p.add_argument("--force", action="store_true", help="replace an existing --output file")
    p = sub.add_parser("serve", parents=[base],
                       help="run the REST service (optional extra penalty_rules[service])")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000)")
    p = sub.add_parser("cite", parents=[common], help="read a citation and look it up")
    p.add_argument("text", help="citation in any accepted form")
    p = sub.add_parser("catalog", parents=[common], help="list documents or provisions")
    p.add_argument("--document", default=None, help="list the provisions of this document")
    p.add_argument("--coverage", action="store_true",
                   help="how many provisions per document, by status, and missing articles")
    p.add_argument("--sector", default=None, help="list the provisions of this sector code")
    p = sub.add_parser("search", parents=[common], help="find provisions by what they are about")
    p.add_argument("text", help="words to look for (diacritics optional)")
    p.add_argument("--document", default=None, help="search one document (e.g. 174/2026)")
    p.add_argument("--sector", default=None, help="search one sector code")
    p.add_argument("--as-of", type=_date_arg, default=None,
                   help="day whose provisions and frames are searched (default: today)")
    p.add_argument("--limit", type=int, default=10, help="at most this many hits (default: 10)")
    p = sub.add_parser("ingest", parents=[debug],
                       help="read a decree's text into draft catalog entries")
    p.add_argument("text_file", help="the decree text (plain text or Markdown)")
    p.add_argument("--document", required=True, help="the decree's number, e.g. 174/2026/NĐ-CP")
    p.add_argument("--format", choices=("toml", "json"), default="toml")
    p.add_argument("--strict", action="store_true",
                   help="exit 1 when anything could not be read; exit 2 when nothing was read")
    p = sub.add_parser("diff", parents=[base], help="compare two documents act by act")
    p.add_argument("old", help="the older document number")
    p.add_argument("new", help="the newer document number")
    p.add_argument("--format", choices=("text", "json", "md"), default="text")
    sub.add_parser("circumstances", parents=[common],
                   help="list mitigating and aggravating circumstance codes")
    p = sub.add_parser("audit", parents=[base], help="flag regulations to amend")
    p.add_argument("--format", choices=("text", "json", "md", "html", "csv", "xlsx"),
                   default="text", help="report format (default: text; xlsx needs --output and "
                   "the optional extra penalty_rules[xlsx])")
    p.add_argument("--as-of", type=_date_arg, default=None,
                   help="audit date (default: today)")
    p.add_argument("--document", default=None, help="audit one document only")
    p.add_argument("--check", action="append", default=None, metavar="CODE",
                   help="run only this check (repeatable)")
    p.add_argument("--min-severity", default="info", metavar="LEVEL",
                   help="leave out findings below high|medium|low|info (default: info)")
    p.add_argument("--table", choices=("findings", "erosion"), default="findings",
                   help="which table --format csv writes (default: findings)")
    p.add_argument("--output", default=None, metavar="FILE",
                   help="write the report to FILE instead of standard output")
    p.add_argument("--log", default=None, metavar="LOG", help="case log (CSV or JSON)")
    p.add_argument("--chart", default=None, metavar="FILE.svg",
                   help="also write the erosion chart (SVG) and link it from Markdown")
    p.add_argument("--force", action="store_true",
                   help="replace an existing --chart or --output file")
    _progress_flag(p)
    p = sub.add_parser("propose", parents=[base],
                       help="draft an amendment proposal for one decree from the audit")
    p.add_argument("decree", help="the decree's number, e.g. 174/2026/NĐ-CP")
    p.add_argument("--as-of", type=_date_arg, default=None,
                   help="audit date (default: today)")
    p.add_argument("--format", choices=("md", "csv", "docx"), default="md",
                   help="draft format (default: md; docx needs --output and the optional extra "
                        "penalty_rules[docx])")
    p.add_argument("--output", default=None, metavar="FILE",
                   help="write the draft to FILE instead of standard output")
    p.add_argument("--force", action="store_true", help="replace an existing --output file")
    p = sub.add_parser("targets", parents=[common], help="yearly targets from a case log")
    p.add_argument("log", help="case log (CSV or JSON)")
    p.add_argument("--year", type=_year_arg, required=True,
                   help=f"the target year ({MIN_YEAR}-{MAX_YEAR})")
    p.add_argument("--growth", type=_growth_arg, default=Decimal("0.05"),
                   help="growth over the previous year: a decimal from -0.99 to 10, or a "
                        "percentage such as 5%% (default 0.05 = 5 %%)")
    p.add_argument("--as-of", type=_date_arg, default=None,
                   help="progress date in the target year (default: last decision in the log)")
    _progress_flag(p)
    p = sub.add_parser("reform", parents=[common], help="re-assess a case log under a proposal")
    p.add_argument("log", help="case log (CSV or JSON)")
    p.add_argument("--change", required=True, help="change file (TOML)")
    _progress_flag(p)
    p = sub.add_parser("schema", help="print the JSON Schema of an output, of the case file or "
                       "of a catalog file")
    p.add_argument("name", choices=sorted([*SCHEMAS, "catalog"]),
                   help="which schema ('catalog': a catalog TOML file read as JSON)")
    return parser


def _progress_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--no-progress", dest="progress", action="store_false",
                        help="draw no progress bar (one is drawn on standard error when it is "
                             "a terminal and the optional extra penalty_rules[progress] is "
                             "installed)")


def _wrap(kind: str, data: Any, args: argparse.Namespace, catalog: Catalog) -> dict[str, Any]:
    """``data`` in the JSON contract, with the library version and the data fingerprint."""
    return envelope(kind, data, catalog=catalog, extra_files=args.catalog)


def _date_arg(text: str) -> date:
    try:
        return parse_date(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _year_arg(text: str) -> int:
    value = text.strip()
    if not re.fullmatch(r"-?[0-9]{1,6}", value) or not MIN_YEAR <= int(value) <= MAX_YEAR:
        raise argparse.ArgumentTypeError(f"{text[:20]!r} is not a year from {MIN_YEAR} to {MAX_YEAR}")
    return int(value)


#: Growth rates accepted by ``targets --growth`` (as fractions: -99 % to +1000 %).
MIN_GROWTH, MAX_GROWTH = Decimal("-0.99"), Decimal(10)


def _growth_arg(text: str) -> Decimal:
    value = normalize.text(text).strip()
    percent = value.endswith("%")
    try:
        number = Decimal(value.removesuffix("%").strip())
    except ArithmeticError:
        number = Decimal("NaN")
    if not number.is_finite():
        raise argparse.ArgumentTypeError(
            f"{text[:20]!r} is not a finite decimal (write 0.05 or 5%)")
    if percent:
        number /= 100
    if not MIN_GROWTH <= number <= MAX_GROWTH:
        raise argparse.ArgumentTypeError(
            f"{text[:20]!r} is outside {MIN_GROWTH} to {MAX_GROWTH} (-99 % to +1000 %)")
    return number


def _document_arg(catalog: Catalog, text: str) -> str:
    """The catalog's number for ``text``: a full number, or ``ordinal/year`` when unique."""
    value = normalize.text(text).strip()
    known = sorted(catalog.entries)
    short = re.fullmatch(r"(\d{1,5})/(\d{4})", value)
    if short:
        found = [k for k in known if k.startswith(f"{short[1]}/{short[2]}/")]
        if len(found) == 1:
            return found[0]
        if found:
            raise DocumentNotFound(value, found)
        raise DocumentNotFound(value, known)
    try:
        number = DocumentNumber.parse(value)
    except ValueError:
        raise DocumentNotFound(value[:60], known) from None
    return str(catalog.document(number).number)


def _emit(data: Any, fmt: str, text: str) -> None:
    if fmt == "json":
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(text)


def _read_case(path: str) -> Any:
    return inputs.read_json(path)


def _run(args: argparse.Namespace, catalog: Catalog) -> int:
    if args.command == "assess":
        data = _read_case(args.case)
        if not isinstance(data, dict):
            raise CaseError("case", "the case must be a JSON object")
        result = assess(parse_case_data(data), catalog, today=args.today or vietnam_today())
        _emit(assessment_json(result, catalog, args.catalog), args.format,
              render_text(result, args.lang, explain=args.explain,
                          all_officials=args.all_officials))
        return 0
    if args.command == "decision":
        return _decision(args, catalog)
    if args.command == "serve":
        serve(args.host, args.port, catalog)
        return 0
    if args.command == "cite":
        citation = parse_citation(args.text)
        try:
            matches = catalog.find(citation)
        except ProvisionNotFound as exc:
            _emit(_wrap("citation", cite_result(args.text, citation, [], catalog, exc), args, catalog),
                  args.format, cite_text(citation, [], args.lang, exc))
            return 1
        _emit(_wrap("citation", cite_result(args.text, citation, matches, catalog), args, catalog),
              args.format, cite_text(citation, matches, args.lang))
        return 0
    if args.command == "diff":
        old, new = _document_arg(catalog, args.old), _document_arg(catalog, args.new)
        if old == new:
            raise UsageError(f"diff: {old} is compared with itself (the same document twice)")
        comparison = diff_documents(catalog, old, new)
        if args.format == "md":
            sys.stdout.write(diff_markdown(comparison, args.lang))
        else:
            _emit(_wrap("diff", comparison, args, catalog), args.format,
                  diff_text(comparison, args.lang))
        return 0
    if args.command == "catalog":
        if args.coverage:
            rows = coverage(catalog)
            _emit(_wrap("catalog-listing", CatalogListing(coverage=tuple(rows)), args, catalog),
                  args.format, coverage_text(rows, args.lang))
        elif args.sector:
            provisions = _sector_provisions(catalog, args.sector, args.document)
            by_sector = CatalogListing(
                document=args.sector,
                provisions=provisions_listing("", provisions, catalog).provisions)
            _emit(_wrap("catalog-listing", by_sector, args, catalog), args.format,
                  provisions_text(provisions, args.lang))
        elif args.document:
            number = catalog.document(_document_arg(catalog, args.document)).number
            provisions = catalog.provisions_of(number)
            _emit(_wrap("catalog-listing", provisions_listing(str(number), provisions, catalog),
                        args, catalog),
                  args.format, provisions_text(provisions, args.lang))
        else:
            _emit(_wrap("catalog-listing", CatalogListing(documents=document_entries(catalog)),
                        args, catalog),
                  args.format, documents_text(catalog, args.lang))
        return 0
    if args.command == "search":
        day = args.as_of or vietnam_today()
        hits = search(catalog, args.text, document=args.document, sector=args.sector, as_of=day,
                      limit=args.limit)
        found = SearchResult(query=args.text, as_of=day, hits=tuple(hits))
        _emit(_wrap("search", found, args, catalog), args.format,
              search_text(args.text, day, hits, args.lang))
        return 0
    if args.command == "circumstances":
        listing = CircumstanceListing(circumstances=circumstance_entries(catalog))
        _emit(_wrap("circumstances", listing, args, catalog), args.format,
              circumstances_text(catalog, args.lang))
        return 0
    if args.command == "audit":
        return _audit(args, catalog)
    if args.command == "propose":
        return _propose(args, catalog)
    if args.command == "targets":
        report = compute_targets(_log(args.log, catalog, args.progress), args.year, args.growth,
                                 args.as_of, catalog)
        _emit(_wrap("targets", report, args, catalog), args.format,
              targets_text(report, args.lang, catalog))
        return 0
    if args.command == "reform":
        log = _log(args.log, catalog, args.progress)
        changes = load_changes(args.change)
        with progress_bar("reform", 2 * len(log), enabled=args.progress,
                          unit="assessment") as tick:
            proposal = what_if(log, catalog, changes, progress=tick)
        _emit(_wrap("reform", proposal, args, catalog), args.format,
              reform_text(proposal, args.lang, catalog))
        return 0
    raise AssertionError(args.command)


def _deliver(args: argparse.Namespace, text: str) -> int:
    """``text`` to ``--output`` (a new file, never through a symbolic link; ``--force``
    replaces one) or to standard output."""
    if args.output:
        inputs.write_output(args.output, text, force=args.force)
    else:
        sys.stdout.write(text)
    return 0


def _decision(args: argparse.Namespace, catalog: Catalog) -> int:
    data = _read_case(args.case)
    if not isinstance(data, dict):
        raise CaseError("case", "the case must be a JSON object")
    draft = draft_decision(assess(data, catalog, today=args.today), official=args.official,
                           catalog=catalog)
    if args.format == "docx":
        if not args.output:
            raise CaseError("output", "--format docx writes a binary file: give --output FILE.docx")
        inputs.check_output(args.output, force=args.force)
        decision_docx(draft, args.output, args.lang)
        return 0
    if args.format == "json":
        text = json.dumps(_wrap("decision", draft, args, catalog), ensure_ascii=False,
                          indent=2) + "\n"
    else:
        text = decision_markdown(draft, args.lang)
    return _deliver(args, text)


def _sector_provisions(catalog: Catalog, sector: str, document: str | None) -> list[Provision]:
    if sector not in catalog.sectors:
        raise SearchError("sector", f"unknown sector {sector!r}; known: "
                          f"{', '.join(sorted(catalog.sectors))}")
    number = catalog.document(document).number if document else None
    return [p for p in catalog.provisions_of(number) if p.sector == sector]


def _log(path: str, catalog: Catalog, progress: bool = True) -> Sequence[LogEntry]:
    with progress_bar("log", enabled=progress) as tick:
        log = read_case_log(path, progress=tick)
    check_sectors(log, catalog, path)
    return log


def _audit(args: argparse.Namespace, catalog: Catalog) -> int:
    document = _document_arg(catalog, args.document) if args.document else None
    if args.chart:
        inputs.check_output(args.chart, force=args.force)
    log = _log(args.log, catalog, args.progress) if args.log else []
    # The auditor leaves out rows whose citation it cannot place: say so, row by row.
    for problem in unreadable_rows(log, catalog):
        sys.stderr.write(f"penalty-rules: warning: {args.log}: {problem}; row left out of the audit\n")
    report = audit(catalog, args.as_of or vietnam_today(), document=document, log=log,
                   checks=args.check, min_severity=args.min_severity)
    fmt = args.format
    chart = None
    if args.chart:
        inputs.write_output(args.chart, erosion_svg(report, language=args.lang), force=args.force)
        chart = args.chart
    if fmt == "xlsx":
        if not args.output:
            raise CaseError("output", "--format xlsx writes a binary file: give --output FILE.xlsx")
        inputs.check_output(args.output, force=args.force)
        report_xlsx(report, args.output, args.lang)
        return 0
    if fmt == "json":
        text = json.dumps(_wrap("audit", report, args, catalog), ensure_ascii=False,
                          indent=2) + "\n"
    elif fmt == "md":
        text = report_markdown(report, args.lang, chart)
    elif fmt == "html":
        text = report_html(report, args.lang)
    elif fmt == "csv":
        text = report_csv(report, args.lang, args.table)
    else:
        text = report_text(report, args.lang)
    return _deliver(args, text)


def _propose(args: argparse.Namespace, catalog: Catalog) -> int:
    draft = propose(catalog, args.decree, args.as_of or vietnam_today())
    if args.format == "docx":
        if not args.output:
            raise CaseError("output", "--format docx writes a binary file: give --output FILE.docx")
        inputs.check_output(args.output, force=args.force)
        proposal_docx(draft, args.output, args.lang)
        return 0
    text = proposal_csv(draft, args.lang) if args.format == "csv" else proposal_markdown(draft, args.lang)
    return _deliver(args, text)


def _ingest(args: argparse.Namespace) -> int:
    text = inputs.read_text(args.text_file, inputs.MAX_TEXT_BYTES)
    try:
        result = ingest_text(text, args.document, Path(args.text_file).name)
    except ValueError as exc:
        raise CaseError("document", str(exc)) from None
    if args.strict and not result.drafts:
        raise CaseError("text_file", f"no clause could be read from {args.text_file} "
                        f"({len(result.problems)} problems)")
    if args.format == "json":
        output = IngestOutput(document=result.document, drafts=tuple(vars(d) for d in result.drafts),
                              problems=tuple(str(p) for p in result.problems))
        _emit(envelope("ingest", output), "json", "")
    else:
        sys.stdout.write(result.toml)
    for problem in result.problems:
        sys.stderr.write(f"penalty-rules: ingest: {problem}\n")
    sys.stderr.write(f"penalty-rules: ingest: {len(result.drafts)} clauses read, "
                     f"{len(result.problems)} to review\n")
    return 1 if args.strict and result.problems else 0


def _fail(message: str) -> int:
    sys.stderr.write("penalty-rules: error: " + " ".join(message.split()) + "\n")
    return 2


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the exit status.

    0: done; 1: ``cite`` found nothing, ``ingest --strict`` left problems; 2: refused input,
    with one line on standard error; 3: an internal error (one line asking for a bug report;
    the traceback only with ``--debug``).
    """
    argv = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in argv
    try:
        args = _parser().parse_args(argv)
        if args.command == "schema":
            _emit(catalog_json_schema() if args.name == "catalog" else schema(args.name),
                  "json", "")
            return 0
        if args.command == "ingest":
            return _ingest(args)
        for path in args.catalog:  # no device, pipe or huge file reaches the loader
            inputs.check_file(path)
        catalog = load_catalog(*args.catalog)
        return _run(args, catalog)
    except PenaltyRulesError as exc:
        return _fail(str(exc))
    except SystemExit as exc:  # --help, --version
        return exc.code if isinstance(exc.code, int) else 0
    except BrokenPipeError:  # the reader (e.g. `head`) closed the pipe: not an error
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        sys.stderr.write("penalty-rules: interrupted\n")
        return 130
    except Exception as exc:
        if debug:
            traceback.print_exc()
        detail = " ".join(f"{type(exc).__name__}: {exc}".split())[:300]
        sys.stderr.write(f"penalty-rules: internal error ({detail}); please report it as a bug "
                         "with the command that caused it"
                         + ("" if debug else " (run again with --debug for the details)") + "\n")
        return 3


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
