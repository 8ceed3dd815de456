"""Build (or check) the compiled snapshot of the bundled catalog.

    python tools/build_snapshot.py          # write src/penalty_rules/catalog/data/bundled.snapshot.json
    python tools/build_snapshot.py --check  # exit 1 if the committed snapshot is stale

Run it after changing any bundled catalog file (``catalog/data/*.toml``), the body registry
(``catalog/registry/bodies.toml``), the package version, the loader or the catalog models.
The snapshot is read from the TOML files through the full loader (every record validated,
every cross-file check run); :mod:`penalty_rules.catalog.snapshot` explains the format and
when the library uses it. ``tests/test_catalog_snapshot.py`` fails while it is stale.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from penalty_rules.catalog import snapshot  # noqa: E402
from penalty_rules.catalog.loader import bundled_catalog_from_files  # noqa: E402

TARGET = ROOT / "src" / "penalty_rules" / "catalog" / "data" / snapshot.SNAPSHOT_NAME


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--check", action="store_true",
                        help="only check that the committed snapshot is current")
    args = parser.parse_args(argv)
    files = snapshot.source_files()
    text = snapshot.dumps(bundled_catalog_from_files(), files)
    if args.check:
        current = TARGET.is_file() and TARGET.read_text(encoding="utf-8") == text
        print(f"{TARGET.relative_to(ROOT)}: {'current' if current else 'STALE'}")
        return 0 if current else 1
    TARGET.write_text(text, encoding="utf-8", newline="\n")
    print(f"wrote {TARGET.relative_to(ROOT)} ({len(text.encode()):,} bytes, "
          f"{len(files)} source files)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
