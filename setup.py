"""Build step: compile the gettext catalogs (.po → .mo) into the built package.

Everything else about the package is declared in pyproject.toml. Without this step
the library still works: it compiles the ``.po`` files in memory on first use.
"""

from __future__ import annotations

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildWithCatalogs(build_py):  # type: ignore[misc]
    """``build_py`` that also writes ``penalty_rules.mo`` next to each ``.po`` file."""

    def run(self) -> None:
        super().run()
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        target = Path(self.build_lib) / "penalty_rules" / "i18n" / "locale"
        for po in sorted(target.glob("*/LC_MESSAGES/*.po")):
            with po.open("rb") as fh:
                catalog = read_po(fh, locale=po.parent.parent.name)
            with po.with_suffix(".mo").open("wb") as fh:
                write_mo(fh, catalog)


setup(cmdclass={"build_py": BuildWithCatalogs})
