"""Draft sanction decisions: structure, amounts in words, signer, time bar, formats."""

from __future__ import annotations

import importlib
import json
from pathlib import Path

import pytest

from penalty_rules import CaseError, assess, draft_decision, parse_amount_words
from penalty_rules.catalog.catalog import Catalog
from penalty_rules.cli import main
from penalty_rules.models.decision import TO_CONFIRM, TO_FILL
from penalty_rules.report.decision import decision_json, decision_markdown
from tests.conftest import ROOT

CASES = ROOT / "examples" / "cases"
SIM = "điểm b khoản 7 Điều 34 Nghị định 174/2026/NĐ-CP"
POSTAL_2020 = "khoản 1 Điều 9 Nghị định 15/2020/NĐ-CP"


def _case(*violations: dict[str, object], kind: str = "organization") -> dict[str, object]:
    return {"offender": {"kind": kind, "name": "Công ty A"}, "decided_on": "2026-09-15",
            "violations": list(violations)}


def _act(provision: str, committed: str, ended: str | None, detected: str) -> dict[str, object]:
    return {"provision": provision, "committed_on": committed, "ended_on": ended,
            "detected_on": detected}


def test_total_and_each_fine_in_words_round_trip() -> None:
    result = assess(json.loads((CASES / "sim-shop-2026.json").read_text(encoding="utf-8")))
    draft = draft_decision(result)
    assert draft.total_fine == result.total_fine == 42_500_000
    assert draft.total_words == "Bốn mươi hai triệu năm trăm nghìn đồng"
    for act in draft.acts:
        assert act.fine is not None and act.fine_words is not None
        assert parse_amount_words(act.fine_words) == act.fine
    assert sum(a.fine or 0 for a in draft.acts) == draft.total_fine
    text = decision_markdown(draft)
    assert "Bằng chữ: Bốn mươi hai triệu năm trăm nghìn đồng" in text
    assert text.startswith("> **BẢN DỰ THẢO") and "không ra quyết định" in text


def test_structure_bases_offender_payment_appeal() -> None:
    draft = draft_decision(assess(_case(_act(SIM, "2026-08-01", "2026-08-01", "2026-08-20"))))
    kinds = [b.kind for b in draft.legal_bases]
    assert kinds == ["law", "decree", "competence", "record", "delegation"]
    law = draft.legal_bases[0].text.vi
    assert "15/2012/QH13" in law and "88/2025/QH15" in law and "67/2020/QH14" in law
    assert "174/2026/NĐ-CP" in draft.legal_bases[1].text.vi
    assert draft.legal_bases[2].to_fill  # no signer chosen
    unknown = {f.key for f in draft.offender if f.value is None}
    assert {"address", "representative", "tax_code"} <= unknown
    deadline = draft.payment[0]
    assert "10 ngày" in deadline.text.vi and deadline.basis is not None
    assert deadline.basis.format() == "khoản 1 Điều 73 Luật 15/2012/QH13"
    assert draft.payment[1].basis is not None and draft.payment[1].basis.article == "78"
    assert draft.appeal.basis is None and TO_CONFIRM in draft.appeal.text.vi
    assert draft.form.code == "MQĐ02" and not draft.form.layout_confirmed
    text = decision_markdown(draft, "en")
    assert TO_FILL in text and "never decides" in text and "layout not checked" in text


def test_known_facts_are_filled_not_marked() -> None:
    case = _case(_act(SIM, "2026-08-01", "2026-08-01", "2026-08-20"))
    case["offender"] = {"kind": "organization", "name": "Công ty A", "tax_code": "0100109106"}
    draft = draft_decision(assess(case))
    fields = {f.key: f.value for f in draft.offender}
    assert fields["name"] == "Công ty A" and fields["tax_code"] == "0100109106"


def test_individual_fields() -> None:
    draft = draft_decision(assess(_case(_act(SIM, "2026-08-01", "2026-08-01", "2026-08-20"),
                                        kind="individual")))
    keys = [f.key for f in draft.offender]
    assert {"born_on", "nationality", "address", "id_number"} <= set(keys)
    assert draft.fined_as == "individual"


def test_signer_chosen_from_competent_officials(catalog: Catalog) -> None:
    result = assess(_case(_act(SIM, "2026-08-01", "2026-08-01", "2026-08-20")))
    chosen = result.competent[-1]
    draft = draft_decision(result, official=chosen.code)
    assert draft.signer.chosen == chosen
    competence = draft.legal_bases[2]
    assert competence.citation == chosen.basis and not competence.to_fill
    assert chosen.official.vi.upper() in decision_markdown(draft)
    with pytest.raises(CaseError) as info:
        draft_decision(result, official="bogus")
    assert info.value.field == "official" and "unknown official code" in info.value.reason
    assert chosen.code in info.value.reason
    not_competent = sorted(set(catalog.competence_timelines) - {c.code for c in result.competent})[0]
    with pytest.raises(CaseError) as info:
        draft_decision(result, official=not_competent)
    assert "not competent" in info.value.reason and result.competent[0].code in info.value.reason


def test_time_barred_acts_are_left_out() -> None:
    result = assess(_case(_act(POSTAL_2020, "2025-03-01", "2025-06-01", "2025-06-01"),
                          _act(SIM, "2026-08-01", "2026-08-01", "2026-08-20")))
    assert result.violations[0].time_barred
    draft = draft_decision(result)
    assert [a.index for a in draft.acts] == [1]
    assert [e.index for e in draft.excluded] == [0]
    assert draft.total_fine == result.violations[1].fine
    assert "hết thời hiệu" in draft.excluded[0].reason.vi
    assert any("hết thời hiệu" in n.vi for n in draft.notices)
    with pytest.raises(CaseError) as info:
        draft_decision(assess(_case(_act(POSTAL_2020, "2025-03-01", "2025-06-01", "2025-06-01"))))
    assert info.value.field == "violations" and "time-barred" in info.value.reason


def test_json_is_the_decision_envelope() -> None:
    draft = draft_decision(assess(_case(_act(SIM, "2026-08-01", "2026-08-01", "2026-08-20"))))
    out = decision_json(draft)
    assert out["schema_version"] == 2 and out["kind"] == "decision"
    assert out["generator"]["library"] == "penalty_rules"
    data = out["data"]
    assert data["total_words"] == draft.total_words
    assert data["acts"][0]["provision"]["article"] == "34"
    assert data["form"]["provenance"]["status"] == "CONFIRMED-secondary"


def test_cli_decision_formats(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    case = str(CASES / "sim-shop-2026.json")
    assert main(["decision", case]) == 0
    out = capsys.readouterr().out
    assert "Bốn mươi hai triệu năm trăm nghìn đồng" in out
    assert main(["decision", case, "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["data"]["total_fine"] == 42_500_000
    assert main(["decision", case, "--official", "nope"]) == 2
    err = capsys.readouterr().err
    assert "official" in err and "nd174_commune_chair" in err
    assert main(["decision", case, "--format", "docx"]) == 2
    assert "--output" in capsys.readouterr().err


def _installed(name: str) -> bool:
    try:
        importlib.import_module(name)
    except ImportError:
        return False
    return True


@pytest.mark.skipif(not _installed("docx"), reason="python-docx not installed")
def test_docx_holds_the_total_in_words(tmp_path: Path) -> None:
    import docx  # type: ignore[import-not-found, unused-ignore]

    out = tmp_path / "d.docx"
    assert main(["decision", str(CASES / "sim-shop-2026.json"), "--format", "docx",
                 "--output", str(out), "--official", "nd174_commune_chair"]) == 0
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "Bốn mươi hai triệu năm trăm nghìn đồng" in text
    assert "CHỦ TỊCH ỦY BAN NHÂN DÂN CẤP XÃ" in text


def test_docx_without_python_docx_says_which_extra(monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str],
                                                   tmp_path: Path) -> None:
    import builtins
    real = builtins.__import__

    def no_docx(name: str, *args: object, **kwargs: object) -> object:
        if name == "docx":
            raise ImportError(name)
        return real(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr("importlib.import_module",
                        lambda name: no_docx(name) if name == "docx" else real(name))
    code = main(["decision", str(CASES / "sim-shop-2026.json"), "--format", "docx",
                 "--output", str(tmp_path / "x.docx")])
    assert code == 2
    assert "penalty_rules[docx]" in capsys.readouterr().err


def test_circumstances_are_named_with_their_basis() -> None:
    draft = draft_decision(assess(json.loads((CASES / "sim-shop-2026.json").read_text(encoding="utf-8"))))
    first, second = draft.acts
    assert [c.code for c in first.aggravating] == ["concealed"] and not first.mitigating
    assert {c.code for c in second.mitigating} == {"remedied_harm", "confessed"}
    assert all(c.basis is not None and c.basis.article in {"9", "10"}
               for c in (*first.aggravating, *second.mitigating))
    text = decision_markdown(draft)
    assert "Tình tiết tăng nặng: " in text and "Tình tiết giảm nhẹ: " in text


def test_decision_output_never_overwrites_nor_follows_links(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    from penalty_rules.cli import main

    case = str(CASES / "sim-shop-2026.json")
    target = tmp_path / "draft.md"
    assert main(["decision", case, "--output", str(target)]) == 0
    first = target.read_text(encoding="utf-8")
    assert main(["decision", case, "--output", str(target)]) == 2
    assert "add --force" in capsys.readouterr().err
    assert main(["decision", case, "--output", str(target), "--force"]) == 0
    assert target.read_text(encoding="utf-8") == first
    secret = tmp_path / "secret.txt"
    secret.write_text("keep", encoding="utf-8")
    (tmp_path / "link.md").symlink_to(secret)
    assert main(["propose", "174/2026/NĐ-CP", "--as-of", "2026-12-02", "--output",
                 str(tmp_path / "link.md"), "--force"]) == 2
    assert secret.read_text(encoding="utf-8") == "keep"
