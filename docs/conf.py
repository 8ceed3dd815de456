"""Sphinx configuration for penalty_rules."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import write_all  # noqa: E402

import penalty_rules  # noqa: E402

project = "penalty_rules"
author = "penalty_rules developers"
release = penalty_rules.__version__
version = release
extensions = ["sphinx.ext.autodoc", "sphinx.ext.napoleon", "sphinx.ext.viewcode",
              "sphinx.ext.doctest", "sphinx.ext.intersphinx"]
autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_typehints_format = "short"
# Model signatures would repeat every field with its validation metadata; the generated field
# tables say the same readably.
autodoc_class_signature = "separated"
autodoc_type_aliases = {"VND": "int", "ParamValue": "penalty_rules.models.assessment.ParamValue"}
autodoc_default_options = {"members": True, "show-inheritance": False}
autodoc_pydantic_model_show_json = False
exclude_patterns = ["_build"]
html_theme = "alabaster"
html_title = "penalty_rules"
language = "en"
# Every cross-reference must resolve: nothing is suppressed.
nitpicky = True

# Intersphinx to Python and pydantic. This machine (and CI) cannot reach their sites, so the
# generator writes small local inventories of exactly the external names the reference links
# to (docs/generate.py EXTERNAL); links still point to docs.python.org and docs.pydantic.dev.
intersphinx_mapping = write_all(HERE / "_generated")
intersphinx_cache_limit = -1


def _skip_model_fields(app: object, what: str, name: str, obj: object, skip: bool,
                       options: object) -> bool | None:
    """Pydantic fields are listed in each model's field table, not as raw attributes."""
    if name in ("model_config", "model_fields", "model_computed_fields", "model_post_init"):
        return True
    return None


def _resolve_short_names(app: Any, env: Any, node: Any, contnode: Any) -> Any:
    """Resolve ``penalty_rules.Name`` and bare ``Name`` to where the object is documented.

    Public names are documented at their defining module (so the type hints of every module
    resolve); text written as ``penalty_rules.Name`` or, inside a module, as ``Name`` points
    to the same entry. A name that matches nothing, or several entries, stays unresolved
    (and nitpicky mode reports it).
    """
    if node.get("refdomain") != "py":
        return None
    target = node["reftarget"]
    short = target.removeprefix("penalty_rules.")
    if "." in short:
        return None
    domain = env.get_domain("py")
    found = [name for name in domain.objects
             if name.startswith("penalty_rules.") and name.rsplit(".", 1)[-1] == short
             and name.count(".") >= 2]
    if len(found) != 1:
        return None
    node["reftarget"] = found[0]
    return domain.resolve_xref(env, node["refdoc"], app.builder, node["reftype"], found[0], node,
                               contnode)


def setup(app: Any) -> None:
    app.connect("autodoc-skip-member", _skip_model_fields)
    app.connect("missing-reference", _resolve_short_names)

# Docstring examples shown through autodoc run under the doctest builder too.
doctest_global_setup = (
    "from penalty_rules import *\n"
    "from penalty_rules.i18n import count_text, flag_text, plural, template\n"
    "from penalty_rules.report.schemas import SCHEMAS, envelope, generator, schema\n"
    "from penalty_rules.clock import vietnam_today\n"
    "from penalty_rules.catalog.bodies import bodies, known_body_codes\n"
    "from penalty_rules.catalog.laws import law_registry\n"
    "import json\n"
    "from datetime import date\n"
    "from pathlib import Path\n"
    f"EXAMPLES = Path({str(HERE.parent / 'examples')!r})\n"
)
