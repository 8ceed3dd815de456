"""Safe reading of the files people hand to the library (cases, case logs, change files, texts).

Every file is checked before it is parsed, and refused with one line
(:class:`~penalty_rules.errors.InputFileError`) naming the file and the reason:

- only regular files are read (not a device such as ``/dev/zero``, a named pipe or a
  folder); the type is checked with :func:`os.stat` before the file is opened, and at most
  ``limit + 1`` bytes are read;
- size: at most :data:`MAX_BYTES` (5 MB) for cases and change files,
  :data:`MAX_LOG_BYTES` (64 MB) for case logs, :data:`MAX_TEXT_BYTES` (20 MB) for decree texts;
- encoding: UTF-8, with or without a byte-order mark; UTF-16/UTF-32 and legacy 8-bit
  encodings (cp1258, Windows-1252, …) are refused with the reason;
- the text is then normalised once (:func:`penalty_rules.normalize.text`);
- JSON: nesting deeper than :data:`MAX_DEPTH` (64) levels, duplicate keys, ``NaN`` and
  ``Infinity``, and integers longer than :data:`MAX_DIGITS` digits are refused;
- CSV: duplicate or empty column names are refused.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
import re
import stat
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from . import normalize
from .errors import InputFileError, OutputError

#: Largest case or change file read (bytes).
MAX_BYTES = 5 * 1024 * 1024
#: Largest case log read (bytes): about 600,000 rows of the sample log's kind.
MAX_LOG_BYTES = 64 * 1024 * 1024
#: Largest decree text read by ``ingest`` (bytes).
MAX_TEXT_BYTES = 20 * 1024 * 1024
#: Deepest JSON nesting accepted (objects and arrays).
MAX_DEPTH = 64
#: Longest integer accepted in JSON (Python's own limit for converting text to int).
MAX_DIGITS = 4300

_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"), (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"), (codecs.BOM_UTF16_BE, "UTF-16"),
)  # fmt: skip
# A JSON string (or an unterminated one up to the end): possessive, so linear on any input.
_STRING = re.compile(r'"(?:[^"\\]++|\\.)*+(?:"|\Z)', re.DOTALL)
_NOT_BRACKET = re.compile(r"[^\[\]{}]++")


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _read_bytes(path: str, limit: int) -> bytes:
    if path == "-":
        stream = getattr(sys.stdin, "buffer", None)
        # A text stream without bytes underneath (a test's StringIO): its text as UTF-8.
        data: bytes = (stream.read(limit + 1) if stream is not None
                       else sys.stdin.read(limit + 1).encode("utf-8", "surrogatepass"))
    else:
        try:
            info = os.stat(path)
        except OSError as exc:
            raise InputFileError(path, f"cannot read file: {exc.strerror}") from None
        if not stat.S_ISREG(info.st_mode):
            raise InputFileError(path, f"{_kind(info.st_mode)}, not a regular file: refused")
        if info.st_size > limit:
            raise InputFileError(path, f"{info.st_size:,} bytes, above the limit of {limit:,}")
        try:
            # O_NONBLOCK: should the path be swapped for a pipe after the check, open returns.
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        except OSError as exc:
            raise InputFileError(path, f"cannot read file: {exc.strerror}") from None
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise InputFileError(path, "not a regular file: refused")
            try:
                data = handle.read(limit + 1)
            except OSError as exc:
                raise InputFileError(path, f"cannot read file: {exc.strerror}") from None
    if len(data) > limit:
        raise InputFileError(path, f"more than {limit:,} bytes: refused")
    return data


def check_file(path: str | Path, limit: int = MAX_TEXT_BYTES) -> None:
    """Refuse ``path`` unless it is a regular file of at most ``limit`` bytes (nothing is read).

    For files another reader opens (catalog files): a device or a named pipe would make it
    read forever.
    """
    name = str(path)
    try:
        info = os.stat(name)
    except OSError as exc:
        raise InputFileError(name, f"cannot read file: {exc.strerror}") from None
    if not stat.S_ISREG(info.st_mode):
        raise InputFileError(name, f"{_kind(info.st_mode)}, not a regular file: refused")
    if info.st_size > limit:
        raise InputFileError(name, f"{info.st_size:,} bytes, above the limit of {limit:,}")


def decode(data: bytes, path: str) -> str:
    """UTF-8 text (a UTF-8 byte-order mark is dropped), normalised; else a one-line refusal."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            raise InputFileError(path, f"the file is {name} text; save it as UTF-8")
    if b"\x00" in data:
        raise InputFileError(path, "the file contains NUL bytes (UTF-16 text without a "
                                   "byte-order mark?); save it as UTF-8")
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        reason = (f"not UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
                  "a legacy encoding such as cp1258 or Windows-1252? save it as UTF-8")
        raise InputFileError(path, reason) from None
    return normalize.text(text)


def read_text(path: str | Path, limit: int = MAX_BYTES) -> str:
    """The text of the regular file ``path`` (``"-"``: standard input), checked and normalised."""
    name = str(path)
    return decode(_read_bytes(name, limit), name)


def _check_depth(text: str, path: str, limit: int) -> None:
    depth = 0
    for bracket in _NOT_BRACKET.sub("", _STRING.sub("", text)):
        if bracket in "[{":
            depth += 1
            if depth > limit:
                raise InputFileError(path, f"JSON nested deeper than {limit} levels: refused")
        else:
            depth -= 1


def parse_json(text: str, path: str, max_depth: int = MAX_DEPTH) -> Any:
    """Parse JSON ``text`` strictly (depth, duplicate keys, NaN, long integers)."""
    _check_depth(text, path, max_depth)

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, value in items:
            if key in out:
                raise InputFileError(path, f"duplicate JSON key {key!r}")
            out[key] = value
        return out

    def integer(digits: str) -> int:
        if len(digits.lstrip("-")) > MAX_DIGITS:
            raise InputFileError(path, f"an integer of {len(digits.lstrip('-')):,} digits: "
                                       f"numbers are limited to {MAX_DIGITS} digits")
        return int(digits)

    def constant(name: str) -> Any:
        raise InputFileError(path, f"{name} is not a number JSON allows")

    try:
        return json.loads(text, object_pairs_hook=pairs, parse_int=integer, parse_constant=constant)
    except json.JSONDecodeError as exc:
        raise InputFileError(path, f"not valid JSON: {exc.msg} at line {exc.lineno}") from None
    except RecursionError:  # pragma: no cover - the depth check comes first
        raise InputFileError(path, "JSON nested too deeply: refused") from None


def read_json(path: str | Path, limit: int = MAX_BYTES) -> Any:
    """Read and parse the JSON file ``path`` with every check of this module."""
    return parse_json(read_text(path, limit), str(path))


def csv_rows(text: str, path: str) -> tuple[list[str], Iterator[tuple[int, dict[str, str]]]]:
    """Column names and ``(line number, row)`` pairs of CSV ``text``.

    Column names are stripped; empty or duplicate names and rows longer than the header
    are refused.
    """
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader, [])
    except csv.Error as exc:
        raise InputFileError(path, f"not valid CSV: {exc}") from None
    header = [h.strip() for h in header]
    seen: set[str] = set()
    for i, name in enumerate(header, 1):
        if not name:
            raise InputFileError(path, f"column {i} has no name")
        if not name.isprintable():
            raise InputFileError(path, f"column {i} name {name[:40]!r} holds a line break or "
                                       "another control character")
        if name in seen:
            raise InputFileError(path, f"duplicate CSV column {name!r}")
        seen.add(name)

    def rows() -> Iterator[tuple[int, dict[str, str]]]:
        try:
            for values in reader:
                line = reader.line_num
                if not any(v.strip() for v in values):
                    continue
                if len(values) > len(header):
                    raise InputFileError(path, f"row {line}: {len(values)} cells for "
                                               f"{len(header)} columns")
                yield line, dict(zip(header, values, strict=False))
        except csv.Error as exc:
            raise InputFileError(path, f"row {reader.line_num}: not valid CSV: {exc}") from None

    return header, rows()


def check_output(path: str | Path, force: bool = False) -> None:
    """Refuse to write ``path`` when its folder is missing, it is a symbolic link, or it
    exists (unless ``force``) or is not a regular file."""
    name = str(path)
    p = Path(name)
    if not p.parent.is_dir():
        raise OutputError(name, f"the folder {str(p.parent)!r} does not exist")
    try:
        info = os.lstat(name)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise OutputError(name, f"cannot write: {exc.strerror}") from None
    if stat.S_ISLNK(info.st_mode):
        raise OutputError(name, "a symbolic link: refused (links are never followed)")
    if not stat.S_ISREG(info.st_mode):
        raise OutputError(name, f"{_kind(info.st_mode)}, not a regular file: refused")
    if not force:
        raise OutputError(name, "the file exists; add --force to replace it")


def write_output(path: str | Path, text: str, force: bool = False) -> None:
    """Write ``text`` (UTF-8) to a new file ``path``, never through a symbolic link.

    With ``force`` an existing regular file is replaced; see :func:`check_output`.
    """
    check_output(path, force)
    name = str(path)
    flags = os.O_WRONLY | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
    flags |= os.O_TRUNC if force else os.O_EXCL
    try:
        fd = os.open(name, flags, 0o644)
    except OSError as exc:
        raise OutputError(name, f"cannot write: {exc.strerror}") from None
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
