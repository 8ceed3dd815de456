"""Sphinx configuration for penalty_rules."""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import penalty_rules  # noqa: E402
from generate import write_generated  # noqa: E402

project = "penalty_rules"
author = "penalty_rules developers"
release = penalty_rules.__version__
version = release
extensions = ["sphinx.ext.autodoc", "sphinx.ext.napoleon", "sphinx.ext.viewcode",
              "sphinx.ext.doctest"]
autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "show-inheritance": False}
autodoc_pydantic_model_show_json = False
exclude_patterns = ["_build"]
html_theme = "alabaster"
html_title = "penalty_rules"
language = "en"
suppress_warnings = ["ref.python"]

write_generated(HERE / "_generated")

# Docstring examples shown through autodoc run under the doctest builder too.
doctest_global_setup = (
    "from penalty_rules import *\n"
    "from pathlib import Path\n"
    f"EXAMPLES = Path({str(HERE.parent / 'examples')!r})\n"
)
