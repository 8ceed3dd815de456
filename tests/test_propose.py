"""Amendment-proposal drafts: content, figures, what to confirm, formats."""

from __future__ import annotations

import csv
import io
import sys
from datetime import date
from pathlib import Path

import pytest

from penalty_rules.audit.propose import Proposal, propose
from penalty_rules.cli import main
from penalty_rules.errors import DocumentNotFound
from penalty_rules.report.audit import OptionalDependencyMissing
from penalty_rules.report.proposal import proposal_csv, proposal_docx, proposal_markdown

DAY = date(2026, 12, 2)


@pytest.fixture(scope="module")
def sim() -> Proposal:
    return propose(None, "174/2026/NĐ-CP", DAY)


def test_names_the_replaced_base_law(sim: Proposal) -> None:
    [row] = [r for r in sim.rows if r.check == "base_law_replaced"]
    assert "67/2006/QH11" in row.current.vi and "148/2025/QH15" in row.direction.en
    assert row.direction.en.startswith("Update the legal basis to Law 148/2025/QH15")
    assert row.legal_basis == ("Điều 47 Luật 148/2025/QH15",)
    assert "148/2025/QH15" in row.confirm.en  # the repeal clause is to be confirmed


def test_raises_the_sim_frame_by_the_price_rise(sim: Proposal) -> None:
    [row] = [r for r in sim.rows if r.provision == "khoản 7 Điều 34 Nghị định 174/2026/NĐ-CP"]
    assert row.figure_vnd == 51_030_605  # 40m × price level 2025 / 2017 (281.37 / 220.55)
    assert "Art. 34(7)" in row.direction.en and "khoản 7 Điều 34" in row.direction.vi
    assert "51.030.605 đồng" in row.direction.vi and "38.272.954 đồng" in row.direction.vi
    assert "SIM" in row.current.en
    assert row.confirm.en and row.confirm.vi


def test_every_row_says_what_to_confirm_and_groups_have_reasoning(sim: Proposal) -> None:
    assert all(r.confirm.vi and r.confirm.en for r in sim.rows)
    assert [g.code for g in sim.groups] == ["legal_basis", "frames"]
    assert sum(g.rows for g in sim.groups) == len(sim.rows)
    assert any("legal-bases.md" in s for s in sim.sources)


def test_119_2020_proposes_the_press_law_and_successor_bodies() -> None:
    p = propose(None, "119/2020/NĐ-CP", DAY)
    basis = [r for r in p.rows if r.check == "base_law_replaced"]
    assert any("126/2025/QH15" in r.direction.en for r in basis)
    press = next(r for r in basis if "103/2016" in r.current.en)
    assert "preamble" in press.confirm.en  # the basis is from memory: check it
    bodies = [r for r in p.rows if r.group == "competence"]
    assert any("Điều 39" in r.provision for r in bodies)


def test_right_in_time() -> None:
    early = propose(None, "15/2020/NĐ-CP", date(2024, 6, 1))
    assert not [r for r in early.rows if r.check == "base_law_replaced"
                and "24/2023" in r.direction.en]
    assert [r for r in early.rows if r.check == "upcoming_base_change" and "24/2023" in r.direction.en]


def test_unknown_decree() -> None:
    with pytest.raises(DocumentNotFound):
        propose(None, "999/2099/NĐ-CP", DAY)


def test_markdown_and_csv(sim: Proposal) -> None:
    md = proposal_markdown(sim, "vi")
    assert md.startswith("# Dự thảo đề xuất sửa đổi, bổ sung Nghị định 174/2026/NĐ-CP")
    for heading in ("Bảng so sánh", "Thuyết minh", "Nguồn", "Cần xác nhận"):
        assert heading in md
    assert "base_law" not in md and "weak_frame" not in md
    rows = list(csv.reader(io.StringIO(proposal_csv(sim, "en"))))
    assert rows[0][-1] == "To confirm" and len(rows) == len(sim.rows) + 1


def test_docx_needs_the_optional_extra(sim: Proposal, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "docx", None)
    with pytest.raises(OptionalDependencyMissing, match=r"penalty_rules\[docx\]"):
        proposal_docx(sim, tmp_path / "p.docx")


def test_docx_when_installed(sim: Proposal, tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    path = tmp_path / "p.docx"
    proposal_docx(sim, path, "vi")
    assert len(docx.Document(str(path)).tables[0].rows) == len(sim.rows) + 1


def test_cli(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["propose", "174/2026/NĐ-CP", "--as-of", "2026-12-02", "--format", "md"]) == 0
    out = capsys.readouterr().out
    assert "67/2006/QH11" in out and "148/2025/QH15" in out and "Điều 34" in out
    assert main(["propose", "999/2099/NĐ-CP", "--as-of", "2026-12-02"]) == 2
    assert main(["propose", "174/2026/NĐ-CP", "--as-of", "2026-12-02", "--format", "docx"]) == 2
