"""``load(emit(ingest(text)))``: a draft file loads back into the same provisions."""

from __future__ import annotations

import tomllib
from pathlib import Path

from penalty_rules import Catalog, load_catalog, load_files
from penalty_rules.ingest import Draft, ingest_text
from tests.conftest import FIXTURES, write

HARD = FIXTURES / "ingest" / "hard-shapes.md"

DOCUMENT = """format = 1

[document]
number = "9/2099/NĐ-CP"
title = { vi = "Nghị định thử", en = "Test decree" }
issuer = { vi = "Chính phủ", en = "Government" }
effective_from = 2099-01-01
provenance = { source = "test fixture", status = "CONFIRMED" }

[rules]
fine_base = "organization"
fine_base_basis = "khoản 3 Điều 4"
fine_base_provenance = { source = "test fixture", status = "CONFIRMED" }

[[sector]]
code = "testing"
label = { vi = "Thử nghiệm", en = "Testing" }
[[sector.limitation]]
years = 1
valid_from = 2099-01-01
basis = "khoản 1 Điều 6 Luật 15/2012/QH13"
provenance = { source = "test fixture", status = "CONFIRMED" }
"""


def _load_draft(tmp_path: Path, text: str) -> tuple[Catalog, dict[tuple[str, str], Draft]]:
    result = ingest_text(text, "9/2099/NĐ-CP", "fixture")
    draft = result.toml.replace('sector = "TODO"', 'sector = "testing"')
    catalog = load_files([write(tmp_path, "doc.toml", DOCUMENT),
                          write(tmp_path, "draft.toml", draft)], load_catalog())
    drafts = {(d.article, d.clause): d for d in result.drafts}
    return catalog, drafts


def test_every_draft_loads_back_with_its_fine(tmp_path: Path) -> None:
    catalog, drafts = _load_draft(tmp_path, HARD.read_text(encoding="utf-8"))
    loaded = {(p.article, p.clause): p
              for p in catalog.provisions_of(catalog.document("9/2099/NĐ-CP").number)}
    assert set(loaded) == set(drafts)
    for key, d in drafts.items():
        version = loaded[key].versions[0]
        assert version.warning == d.warning
        if d.fine is None:
            assert version.fine is None
        else:
            assert version.fine is not None and version.fine.kind == d.fine["kind"]


def test_a_repeated_article_is_left_out_and_reported(tmp_path: Path) -> None:
    text = HARD.read_text(encoding="utf-8")
    first = text.index("### Điều 5.")
    end = text.index("### Điều", first + 5)
    repeated = text + "\n" + text[first:end]
    result = ingest_text(repeated, "9/2099/NĐ-CP", "fixture")
    assert any("appears again later in the text" in str(p) and p.article == "5"
               for p in result.problems)
    tomllib.loads(result.toml)  # valid TOML: no table defined twice
    keys = [(d.article, d.clause) for d in result.drafts]
    assert len(keys) == len(set(keys))
    catalog, _ = _load_draft(tmp_path, repeated)
    assert catalog.provisions_of(catalog.document("9/2099/NĐ-CP").number)
