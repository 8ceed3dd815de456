"""The case log read by columns (numpy, pyarrow or pandas; extra ``[batch]``): same answers,
same errors as the row-by-row reader.

:func:`read_csv_columns` gives the :class:`~penalty_rules.models.log.LogTable` of a CSV
log, or ``None`` when the row-by-row reader must read the file itself (a line break or a
stray quote in a cell, a row with more cells than the header, a blank first line);
:func:`read_json_columns` the table of a parsed JSON log. Each distinct value of a column
is checked once, by the model of a log entry; a row holding a value the model refuses
(or an act ending after its decision) goes through the row-by-row reader, in the order of
the file, so the first bad row is refused with the words the row-by-row reader uses.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Sequence
from typing import Any

from pydantic import ValidationError

from ..models.log import LOG_FIELDS, LogEntry, LogTable
from .logrows import _NUMBER, NUMBERS, _entries

#: A value standing for "no such key" (a JSON object without the field, a short CSV row).
_ABSENT: Any = object()
# Known-good values for the fields not being checked (``ended_on`` needs a late date).
_FILLER = {"date": "2100-12-31", "provision": "x", "offender_kind": "individual", "amount": 0}
_REQUIRED = frozenset(name for name, f in LogEntry.model_fields.items() if f.is_required())


def _numpy() -> Any:
    import numpy  # type: ignore[import-not-found, unused-ignore]

    return numpy


def _pandas() -> Any:
    # Only when pyarrow cannot read the file: importing pandas costs half a second.
    import pandas  # type: ignore[import-untyped, import-not-found, unused-ignore]

    return pandas


# -- reading the cells --------------------------------------------------------------------------
def _lines(data: bytes, fields: int, quoted: bool, np: Any) -> tuple[Any, bool] | None:
    """Line numbers of the data rows of a CSV text whose rows are single lines, and whether
    pyarrow can read it (no line of spaces, and, unquoted, ``fields`` cells on every line);
    ``None`` when the rows cannot be matched to lines simply (a blank first line, a row with
    more cells than the header)."""
    array = np.frombuffer(data, dtype=np.uint8)
    ends = np.flatnonzero(array == 10)
    if len(array) and array[-1] != 10:
        ends = np.append(ends, len(array))
    if len(ends) == 0:
        return None
    starts = np.concatenate(([0], ends[:-1] + 1))
    # A line of nothing but spaces and tabs (and the CR of CRLF) is skipped like an empty one.
    blanks = np.flatnonzero((array == 32) | (array == 9) | (array == 13))
    spaces = np.bincount(np.searchsorted(ends, blanks), minlength=len(ends))
    filled = ends - starts > spaces
    if not filled[0]:
        return None
    lines = np.flatnonzero(filled) + 1
    plain = bool(filled.all() or not (ends - starts)[~filled].any())
    if not quoted:  # quoted cells may hold commas: pyarrow counts the cells of those files
        commas = np.bincount(np.searchsorted(ends, np.flatnonzero(array == 44)),
                             minlength=len(ends))
        if int(commas.max()) > fields - 1:
            return None
        plain = plain and bool((commas[filled] == fields - 1).all())
    return lines[1:], plain


def _arrow_cells(data: bytes, header: list[str], rows: int,
                 quoted: bool) -> dict[str, tuple[Any, list[Any]]] | None:
    """Codes and distinct values of every column, read by pyarrow (dictionary-encoded text:
    no Python string per cell); ``None`` when pyarrow is missing, refuses the text (a row
    of another length) or reads another number of rows."""
    try:
        import pyarrow  # type: ignore[import-untyped, import-not-found, unused-ignore]
        import pyarrow.csv  # type: ignore[import-untyped, import-not-found, unused-ignore]
    except ImportError:  # pragma: no cover - depends on the installation
        return None
    text_type = pyarrow.dictionary(pyarrow.int32(), pyarrow.string())
    try:
        table = pyarrow.csv.read_csv(
            io.BytesIO(data),
            read_options=pyarrow.csv.ReadOptions(column_names=header, skip_rows=1,
                                                 use_threads=False),
            parse_options=pyarrow.csv.ParseOptions(quote_char='"' if quoted else False,
                                                   double_quote=quoted, escape_char=False,
                                                   newlines_in_values=False,
                                                   ignore_empty_lines=True),
            convert_options=pyarrow.csv.ConvertOptions(
                column_types=dict.fromkeys(header, text_type), strings_can_be_null=False,
                quoted_strings_can_be_null=False, null_values=[]))
    except pyarrow.ArrowInvalid:
        return None
    if table.num_rows != rows:
        return None
    import numpy as np  # type: ignore[import-not-found, unused-ignore]

    cells = {}
    for name in header:
        column = table.column(name).unify_dictionaries().combine_chunks()
        indices = column.indices  # int32, no nulls; read from its buffer (to_numpy imports pandas)
        codes = np.frombuffer(indices.buffers()[1], dtype=np.int32)
        cells[name] = (codes[indices.offset:indices.offset + len(indices)].astype(np.int64),
                       column.dictionary.to_pylist())
    return cells


def _pandas_cells(data: bytes, header: list[str], rows: int,
                  np: Any) -> dict[str, tuple[Any, list[Any]]] | None:
    """The same, read by pandas' C reader (short rows and lines of spaces, which pyarrow
    refuses)."""
    pd = _pandas()
    frame = pd.read_csv(io.BytesIO(data), header=0, names=header, dtype=str, na_filter=False,
                        keep_default_na=False, index_col=False, quoting=csv.QUOTE_NONE,
                        engine="c", skip_blank_lines=True, encoding="utf-8")
    if len(frame) != rows:
        return None
    cells = {}
    for name in header:
        codes, uniques = pd.factorize(frame[name].to_numpy(dtype=object))
        cells[name] = (np.asarray(codes, dtype=np.int64), list(uniques))
    return cells


# A cell in quotes as the csv module and pyarrow read it alike: the whole cell, quotes inside
# doubled, no line break.
_QUOTED = re.compile(r'(?:^|(?<=,))"(?:[^"\r\n]|"")*"(?=,|\r?$)', re.MULTILINE)


def _csv_cells(text: str, header: list[str],
               np: Any) -> tuple[Any, dict[str, tuple[Any, list[Any]]]] | None:
    """Line numbers and the cells (codes and distinct raw text per column) of a CSV text
    whose rows are single lines (lines end with LF or CRLF; a quote only around a whole
    cell), read as the csv module reads it; ``None`` for any other text (the row-by-row
    reader reads it)."""
    if text.count("\r") != text.count("\r\n"):
        return None
    quoted = '"' in text
    if quoted and '"' in _QUOTED.sub("", text):
        return None
    data = text.encode("utf-8")
    found = _lines(data, len(header), quoted, np)
    if found is None:
        return None
    lines, plain = found
    if len(lines) == 0:
        return lines, {name: (np.zeros(0, dtype=np.int64), []) for name in header}
    cells = _arrow_cells(data, header, len(lines), quoted) if plain else None
    if cells is None and not quoted:
        cells = _pandas_cells(data, header, len(lines), np)
    return None if cells is None else (lines, cells)


def _factorize(values: Sequence[Any], np: Any) -> tuple[Any, list[Any]]:
    """Codes and distinct values; ``True`` and ``1`` (equal in Python) stay apart."""
    seen: dict[Any, int] = {}
    uniques: list[Any] = []
    codes = np.empty(len(values), dtype=np.int64)
    for i, value in enumerate(values):
        try:
            key: Any = (type(value), value)
            code = seen.get(key)
        except TypeError:  # a list or an object: its own value
            key, code = None, None
        if code is None:
            code = len(uniques)
            uniques.append(value)
            if key is not None:
                seen[key] = code
        codes[i] = code
    return codes, uniques


# -- checking the values ------------------------------------------------------------------------
def _checker(name: str, from_csv: bool) -> Callable[[Any], tuple[bool, Any]]:
    """Whether one raw value of field ``name`` is accepted, and the value the model gives."""
    def check(raw: Any) -> tuple[bool, Any]:
        value = raw.strip() if isinstance(raw, str) else raw
        if value is _ABSENT or (isinstance(raw, str) and value == ""):
            return name not in _REQUIRED, None
        if from_csv and name in NUMBERS:
            if not _NUMBER.fullmatch(value) or len(value) > 20:
                return False, None
            value = int(value)
        if name == "offender_id" and isinstance(value, str):
            return len(value) <= 200, value  # what the model checks for this field
        try:
            entry = LogEntry.model_validate({**_FILLER, name: value})
        except ValidationError:
            return False, None
        return True, getattr(entry, name)

    return check


def _table(path: str, raw: dict[str, tuple[Any, list[Any]]], lines: Any, from_csv: bool,
           row_of: Callable[[int], dict[str, Any]], np: Any) -> LogTable:
    """Check every distinct value once (``raw``: codes and distinct values per column); rows
    with a refused value go through the row-by-row reader in file order (the first refuses
    with its words)."""
    n = len(lines)
    suspect = np.zeros(n, dtype=bool)
    columns: dict[str, list[Any]] = {}
    ordinals: dict[str, Any] = {}
    for name in LOG_FIELDS:
        if name == "row":
            continue
        codes, uniques = raw.get(name) or (np.zeros(n, dtype=np.int64), [_ABSENT])
        if name == "offender_id" and all(isinstance(u, str) for u in uniques):
            # Often one value a row: the model's check (text of at most 200 characters) here.
            stripped = [u.strip() for u in uniques]
            answers = [(len(v) <= 200, v or None) for v in stripped]
        else:
            check = _checker(name, from_csv)
            answers = [check(u) for u in uniques]
        good = np.array([ok for ok, _ in answers], dtype=bool)
        values = np.empty(len(answers), dtype=object)
        values[:] = [v for _, v in answers]
        if not good.all():
            suspect |= ~good[codes]
        columns[name] = values[codes].tolist()
        if name in ("date", "ended_on"):
            days = np.array([v.toordinal() if v is not None else -1 for v in values.tolist()],
                            dtype=np.int64)
            ordinals[name] = days[codes]
    suspect |= ordinals["ended_on"] > ordinals["date"]  # the model's check across fields
    columns["row"] = lines.tolist()
    for i in np.flatnonzero(suspect).tolist():
        (entry,) = _entries(path, [(columns["row"][i], row_of(i))], from_csv)
        for name in LOG_FIELDS:
            columns[name][i] = getattr(entry, name)
    return LogTable(columns)


def read_csv_columns(text: str, path: str, header: list[str]) -> LogTable | None:
    """The table of a CSV log whose header is checked, or ``None`` (row-by-row reader)."""
    np = _numpy()
    read = _csv_cells(text, header, np)
    if read is None:
        return None
    lines, raw = read
    blank = np.ones(len(lines), dtype=bool)
    for codes, uniques in raw.values():
        blank &= np.array([not u.strip() for u in uniques] + [True], dtype=bool)[codes]
    if blank.any():  # rows of empty cells only are skipped, as the csv reader skips them
        keep = np.flatnonzero(~blank)
        lines = lines[keep]
        raw = {k: (c[keep], u) for k, (c, u) in raw.items()}

    def row_of(i: int) -> dict[str, Any]:
        return {name: raw[name][1][raw[name][0][i]] for name in header}

    return _table(path, raw, lines, True, row_of, np)


def read_json_columns(data: list[dict[str, Any]], path: str) -> LogTable:
    """The table of a JSON log (a list of objects with known keys only)."""
    np = _numpy()
    raw = {name: _factorize([row.get(name, _ABSENT) for row in data], np)
           for name in LOG_FIELDS if name != "row"}
    return _table(path, raw, np.arange(1, len(data) + 1), False, lambda i: data[i], np)
