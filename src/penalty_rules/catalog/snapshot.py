"""A compiled snapshot of the bundled catalog, checked against the TOML files by hash.

Loading the bundled catalog from its TOML files means parsing every file, validating
every record and running the cross-file checks. The result depends only on those files
(and on the code that reads them), so it is stored once, as JSON, in
``catalog/data/bundled.snapshot.json``, written by ``python tools/build_snapshot.py``.

The snapshot is used only when the SHA-256 it records matches one computed now over the
exact bytes of every file it was built from (the bundled ``catalog/data/*.toml`` files and
the body registry their competence rules were checked against), the package version and
the snapshot format version (``FORMAT``). Anything else — a file edited, added or
removed, another version, a model whose fields changed, a snapshot missing or unreadable —
makes ``load()`` return ``None`` and the loader reads the TOML files as before: never a
stale answer. Catalog files given by the user are never snapshotted; they are always read
and validated.

Why JSON (the standard library's ``json``): it is text that any version of Python reads
the same way, it cannot run code when read (unlike pickle, which is never used here), and
its C parser reads the whole catalog in a few milliseconds. ``marshal`` would be faster
still but its format belongs to the interpreter version.

The format. The first line is a header (format, package version, digest, file names);
the second holds the class table and the catalog. Values are JSON scalars, objects
(dictionaries with text keys) or tagged arrays ``[tag, ...]``: a tuple, a list, a date
(its ordinal), an enum member, a pydantic model (its class, the fields it was not given
and its field values in declaration order), a timeline, a dictionary with other keys, or
a dataclass. The models were validated when the snapshot was built; they are rebuilt the
way ``model_construct`` builds them (``__dict__``, fields set, no extra, no private
attributes), without validating again. ``tests/test_catalog_snapshot.py`` checks that
the result equals the catalog read from TOML in every field, and that the engine answers
every bundled case alike.
"""

from __future__ import annotations

import dataclasses
import gc
import hashlib
import importlib
import json
from collections.abc import Mapping
from datetime import date
from enum import Enum
from importlib import resources
from types import MappingProxyType
from typing import Any

from pydantic import BaseModel

from .. import __version__
from ..models.citation import Citation
from ..models.common import Localized, Provenance
from ..models.document import DocumentNumber
from ..models.provision import Duration
from ..models.timeline import Timeline
from .catalog import Catalog

#: Version of the snapshot format; bump it whenever the encoding below changes.
FORMAT = 1
SNAPSHOT_PACKAGE = "penalty_rules.catalog.data"
SNAPSHOT_NAME = "bundled.snapshot.json"
#: The files a snapshot is built from: (package, file-name suffix).
SOURCES: tuple[tuple[str, str], ...] = (
    ("penalty_rules.catalog.data", ".toml"),
    ("penalty_rules.catalog.registry", "bodies.toml"),
)
BUILD_COMMAND = "python tools/build_snapshot.py"
#: Models whose equal values are written once and shared when read: small immutable
#: values, compared by value everywhere (the TOML loader shares them too, e.g. a file's
#: document number among all its provisions).
SHARED: frozenset[type[BaseModel]] = frozenset(
    {DocumentNumber, Localized, Provenance, Citation, Duration})


def source_files() -> list[tuple[str, bytes]]:
    """Every file a snapshot is built from, as (package/name, bytes), sorted by name."""
    out = []
    for package, suffix in SOURCES:
        for item in resources.files(package).iterdir():
            if item.name.endswith(suffix):
                out.append((f"{package}/{item.name}", item.read_bytes()))
    return sorted(out)


def source_digest(files: list[tuple[str, bytes]] | None = None) -> str:
    """SHA-256 over the package version, ``FORMAT`` and every source file's name and
    exact bytes."""
    h = hashlib.sha256(f"penalty_rules {__version__} catalog snapshot {FORMAT}\n".encode())
    for name, data in source_files() if files is None else files:
        h.update(f"{name}\0{len(data)}\0".encode())
        h.update(data)
    return h.hexdigest()


# -- writing ---------------------------------------------------------------------------------


def _kind(v: Any) -> str:
    if v is None:
        return "none"
    if isinstance(v, Enum):
        return f"enum:{type(v).__module__}:{type(v).__qualname__}"
    if v.__class__ is date:
        return "date"
    if v.__class__ is tuple:
        return "tuple"
    if isinstance(v, Timeline):
        return "timeline"
    return "other"


class _Encoder:
    """Turns a catalog into JSON-ready values, collecting the classes it meets.

    Every JSON object of a snapshot is tagged by its first key, ``"@"``: a class index
    (a model or a dataclass), or ``"d"`` (a date: ``"o"``, its ordinal), ``"e"`` (an enum
    member: ``"i"``, its index), ``"t"`` (a timeline: ``"v"``, its entries), ``"l"`` (a
    list: ``"v"``), ``"kv"`` (a dictionary: ``"v"``, its [key, value] pairs), ``"kp"``
    (the same, read-only: a ``MappingProxyType``) or ``"r"`` (a value written earlier:
    ``"n"``, its number). A model's object then holds ``"="`` (its number, when it is
    written once and shared), ``"~"`` (the fields it was not given, if any) and its fields
    in declaration order. A JSON array is a tuple. A field that only ever holds dates (or
    ``None``) holds ordinals; one that only holds members of one enum, their values; one
    that only holds timelines, their entries.
    """

    def __init__(self) -> None:
        self.classes: dict[type, int] = {}
        self.class_table: list[list[Any]] = []
        self.kinds: dict[type, dict[str, set[str]]] = {}
        self.members: dict[Enum, int] = {}
        self.member_table: list[list[Any]] = []

    # pass 1: what each field of each model holds
    def survey(self, v: Any) -> None:
        if isinstance(v, BaseModel):
            kinds = self.kinds.setdefault(type(v), {})
            for name, x in v.__dict__.items():
                kinds.setdefault(name, set()).add(_kind(x))
                self.survey(x)
        elif isinstance(v, tuple | list):
            for x in v:
                self.survey(x)
        elif isinstance(v, Timeline):
            self.survey(v.entries)
        elif isinstance(v, Mapping):
            for k, x in v.items():
                self.survey(k)
                self.survey(x)
        elif dataclasses.is_dataclass(v) and not isinstance(v, type):
            for f in dataclasses.fields(v):
                self.survey(getattr(v, f.name))

    def plan(self, cls: type) -> dict[str, str]:
        """How each field of ``cls`` is written: ``d`` dates as ordinals, ``e`` enum members
        as values, ``T`` timelines as their entries, ``t`` may hold a tuple; fields written
        as any value are left out."""
        out = {}
        for name, kinds in self.kinds.get(cls, {}).items():
            kinds = kinds - {"none"}
            if kinds == {"date"}:
                out[name] = "d"
            elif kinds == {"timeline"}:
                out[name] = "T"
            elif len(kinds) == 1 and next(iter(kinds)).startswith("enum:"):
                out[name] = "e"
            elif "tuple" in kinds:
                out[name] = "t"
        return out

    def _class(self, cls: type, fields: list[str], model: bool) -> int:
        index = self.classes.get(cls)
        if index is None:
            if "<locals>" in cls.__qualname__ or "." in cls.__qualname__:
                raise TypeError(f"{cls.__qualname__} is not a module-level class")
            index = self.classes[cls] = len(self.class_table)
            plan = self.plan(cls) if model else {}
            enums = {}
            for name, how in plan.items():
                if how == "e":
                    _, module, qualname = next(iter(self.kinds[cls][name] - {"none"})).split(":")
                    enums[name] = [module, qualname]
            self.class_table.append([cls.__module__, cls.__qualname__, fields, model,
                                     [[name, plan[name], enums.get(name)] for name in fields
                                      if name in plan]])
        return index

    def enum(self, v: Enum) -> dict[str, Any]:
        index = self.members.get(v)
        if index is None:
            index = self.members[v] = len(self.member_table)
            cls = type(v)
            self.member_table.append([cls.__module__, cls.__qualname__, v.value])
        return {"@": "e", "i": index}

    # pass 2: the values
    def value(self, v: Any) -> Any:
        if v is None or v.__class__ in (str, int, bool):
            return v
        if isinstance(v, Enum):
            return self.enum(v)
        if isinstance(v, BaseModel):
            return self.model(v)
        if v.__class__ is date:
            return {"@": "d", "o": v.toordinal()}
        if v.__class__ is tuple:
            return [self.value(x) for x in v]
        if v.__class__ is list:
            return {"@": "l", "v": [self.value(x) for x in v]}
        if isinstance(v, Timeline):
            return {"@": "t", "v": [self.value(x) for x in v.entries]}
        if v.__class__ in (dict, MappingProxyType):
            pairs = [[self.value(k), self.value(x)] for k, x in v.items()]
            return {"@": "kv" if v.__class__ is dict else "kp", "v": pairs}
        if dataclasses.is_dataclass(v) and not isinstance(v, type):
            fields = dataclasses.fields(v)
            if not all(f.init for f in fields):
                raise TypeError(f"{type(v).__name__} has fields its constructor does not take")
            names = [f.name for f in fields]
            return {"@": self._class(type(v), names, False),
                    **{name: self.value(getattr(v, name)) for name in names}}
        raise TypeError(f"cannot put a {type(v).__name__} in a catalog snapshot: {v!r}")

    def model(self, m: BaseModel) -> dict[str, Any]:
        cls = type(m)
        fields = list(cls.model_fields)
        if m.__pydantic_extra__ is not None or m.__pydantic_private__ is not None \
                or list(m.__dict__) != fields:
            raise TypeError(f"{cls.__name__}: only plain models can be put in a snapshot")
        index = self._class(cls, fields, True)
        plan = self.plan(cls)
        out: dict[str, Any] = {"@": index}
        unset = [name for name in fields if name not in m.model_fields_set]
        if unset:
            out["~"] = unset
        for name in fields:
            x = m.__dict__[name]
            how = plan.get(name)
            if x is None or how is None or how == "t":
                out[name] = self.value(x)
            elif how == "d":
                out[name] = x.toordinal()
            elif how == "T":
                out[name] = [self.value(e) for e in x.entries]
            else:
                out[name] = x.value
        return out

    # pass 3: equal small values written once
    def share(self, tree: Any) -> Any:
        shared = {index for cls, index in self.classes.items() if cls in SHARED}
        counts: dict[str, int] = {}

        def count(v: Any) -> None:
            if v.__class__ is dict:
                if v["@"] in shared:
                    key = json.dumps(v, ensure_ascii=False)
                    counts[key] = counts.get(key, 0) + 1
                for x in v.values():
                    count(x)
            elif v.__class__ is list:
                for x in v:
                    count(x)

        count(tree)
        numbers: dict[str, int] = {}

        def rewrite(v: Any) -> Any:
            if v.__class__ is dict:
                if v["@"] in shared:
                    key = json.dumps(v, ensure_ascii=False)
                    if key in numbers:
                        return {"@": "r", "n": numbers[key]}
                    if counts[key] > 1:
                        numbers[key] = len(numbers)
                        v = {"@": v["@"], "=": numbers[key],
                             **{k: x for k, x in v.items() if k != "@"}}
                return {k: rewrite(x) for k, x in v.items()}
            if v.__class__ is list:
                return [rewrite(x) for x in v]
            return v

        return rewrite(tree)


def dumps(catalog: Catalog, files: list[tuple[str, bytes]] | None = None) -> str:
    """The snapshot text of ``catalog``, which must have been loaded from ``files``
    (default: the bundled source files as they are now)."""
    files = source_files() if files is None else files
    encoder = _Encoder()
    encoder.survey(catalog)
    body = encoder.share(encoder.value(catalog))
    header = {"format": FORMAT, "version": __version__, "sha256": source_digest(files),
              "built_by": BUILD_COMMAND, "files": [name for name, _ in files]}
    tables = {"classes": encoder.class_table, "members": encoder.member_table}
    return "".join(json.dumps(part, ensure_ascii=False, separators=(",", ":")) + "\n"
                   for part in (header, tables, body))


# -- reading ---------------------------------------------------------------------------------


def read_header(text: str) -> dict[str, Any] | None:
    """The header of a snapshot text, or ``None`` when it has none."""
    try:
        header = json.loads(text.split("\n", 1)[0])
    except ValueError:
        return None
    return header if isinstance(header, dict) else None


def snapshot_text() -> str | None:
    """The bundled snapshot file's text (``None`` when the package has none)."""
    try:
        return resources.files(SNAPSHOT_PACKAGE).joinpath(SNAPSHOT_NAME).read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def is_current(text: str, files: list[tuple[str, bytes]] | None = None) -> bool:
    """True if the snapshot ``text`` was built from exactly these files by this version."""
    header = read_header(text)
    return (header is not None and header.get("format") == FORMAT
            and header.get("version") == __version__
            and header.get("sha256") == source_digest(files))


def load(text: str | None = None, files: list[tuple[str, bytes]] | None = None) -> Catalog | None:
    """The bundled catalog from its snapshot, or ``None`` when the snapshot is missing,
    stale (see ``is_current``) or does not fit the models of this code."""
    text = snapshot_text() if text is None else text
    if text is None or not is_current(text, files):
        return None
    collecting = gc.isenabled()
    # Some ten thousand objects are made and none is garbage: without this, the
    # collector would walk them (and everything imported) several times while they are.
    gc.disable()
    try:
        _, tables, body = text.split("\n", 2)
        decoder = _Decoder(json.loads(tables))
        catalog = json.loads(body, object_hook=decoder.hook)
    except Exception:  # whatever it is, the TOML files give the answer
        return None
    finally:
        if collecting:
            gc.enable()
    return catalog if isinstance(catalog, Catalog) else None


class _Mismatch(ValueError):
    """A class of the snapshot no longer has the fields it was built with."""


_new = object.__new__
_set = object.__setattr__


def _tuple(items: Any) -> Any:
    """A JSON array as the tuple it was (nested arrays too); other values as they are."""
    if items.__class__ is not list:
        return items
    return tuple([_tuple(x) if x.__class__ is list else x for x in items])


def _timeline(entries: list[Any]) -> Timeline[Any]:
    return Timeline(entries)


def _class(module: str, name: str) -> Any:
    return getattr(importlib.import_module(module), name)


class _Decoder:
    """Rebuilds the values of a snapshot, one JSON object at a time (``json``'s object hook:
    an object's members are rebuilt before the object itself)."""

    def __init__(self, tables: dict[str, Any]) -> None:
        self.classes: list[tuple[Any, int, frozenset[str], tuple[tuple[str, Any], ...], bool]] = []
        for module, name, fields, model, plan in tables["classes"]:
            cls = _class(module, name)
            if model:
                fits = isinstance(cls, type) and issubclass(cls, BaseModel) \
                    and list(cls.model_fields) == fields and not cls.__private_attributes__ \
                    and cls.__pydantic_post_init__ is None \
                    and cls.model_config.get("extra") != "allow"
            else:
                fits = dataclasses.is_dataclass(cls) \
                    and [f.name for f in dataclasses.fields(cls)] == fields
            if not fits:
                raise _Mismatch(f"{name} changed since the snapshot was built")
            steps: list[tuple[str, Any]] = []
            for field, how, enum in plan:
                if how == "d":
                    steps.append((field, date.fromordinal))
                elif how == "e":
                    steps.append((field, {m.value: m for m in _class(*enum)}.__getitem__))
                elif how == "T":
                    steps.append((field, _timeline))
                else:
                    steps.append((field, _tuple))
            self.classes.append((cls, len(fields), frozenset(fields), tuple(steps), model))
        self.members = [_class(module, name)(value) for module, name, value in tables["members"]]
        self.shared: dict[int, Any] = {}

    def hook(self, d: dict[str, Any]) -> Any:
        tag = d.pop("@")
        if tag.__class__ is int:
            cls, count, every, steps, model = self.classes[tag]
            if not model:
                return cls(**{k: _tuple(x) for k, x in d.items()})
            number = d.pop("=", None)
            unset = d.pop("~", None)
            for name, step in steps:
                x = d[name]
                if x is not None:
                    d[name] = step(x)
            if len(d) != count:
                raise _Mismatch(f"{cls.__name__}: wrong number of fields")
            m = _new(cls)
            _set(m, "__dict__", d)
            _set(m, "__pydantic_fields_set__", set(every) if unset is None else set(every).difference(unset))
            _set(m, "__pydantic_extra__", None)
            _set(m, "__pydantic_private__", None)
            if number is not None:
                self.shared[number] = m
            return m
        if tag == "r":
            return self.shared[d["n"]]
        if tag == "d":
            return date.fromordinal(d["o"])
        if tag == "e":
            return self.members[d["i"]]
        if tag == "t":
            return Timeline(_tuple(d["v"]))
        if tag == "kv":
            return {_tuple(k): _tuple(v) for k, v in d["v"]}
        if tag == "kp":
            return MappingProxyType({_tuple(k): _tuple(v) for k, v in d["v"]})
        if tag == "l":
            return [_tuple(x) for x in d["v"]]
        raise _Mismatch(f"unknown tag {tag!r}")
