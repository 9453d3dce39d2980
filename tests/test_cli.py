"""The command line: exit codes, JSON output, and files left untouched."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from basismodel_edu.cli import main

FIXTURES = Path(__file__).parent / "fixtures" / "regels"


def test_example_checks_clean(tmp_path, capsys):
    pad = tmp_path / "voorbeeld.json"
    assert main(["example", str(pad)]) == 0
    assert main(["check", str(pad)]) == 0
    assert "0 fouten, 0 waarschuwingen, 0 tips" in capsys.readouterr().out


def test_example_refuses_to_overwrite(tmp_path, capsys):
    pad = tmp_path / "plan.json"
    pad.write_text("mijn eigen werk", encoding="utf-8")
    assert main(["example", str(pad)]) == 2
    assert pad.read_text(encoding="utf-8") == "mijn eigen werk"
    assert "wordt niet overschreven" in capsys.readouterr().err


@pytest.mark.parametrize("code", sorted(p.stem for p in FIXTURES.glob("BM*.json")))
def test_fixture_reports_its_code_as_json(code, capsys):
    uitkomst = main(["check", str(FIXTURES / f"{code}.json"), "--format", "json"])
    bevindingen = json.loads(capsys.readouterr().out)
    assert code in {b["code"] for b in bevindingen}
    assert {"code", "severity", "path", "message"} <= set(bevindingen[0])
    heeft_fout = any(b["severity"] == "error" for b in bevindingen)
    assert uitkomst == (1 if heeft_fout else 0)


def test_warnings_only_exit_zero(capsys):
    # BM601 is a warning: the plan has no errors, so the exit code is 0.
    assert main(["check", str(FIXTURES / "BM601.json")]) == 0
    assert "BM601" in capsys.readouterr().out


def test_select_and_language(capsys):
    assert (
        main(["check", str(FIXTURES / "BM102.json"), "--select", "BM1,smart", "--lang", "en"]) == 1
    )
    uit = capsys.readouterr().out
    assert "ERROR BM102" in uit and "The mission is still empty." in uit


@pytest.mark.parametrize(
    ("inhoud", "melding"),
    [(b"dit is geen json", "geen geldig JSON-bestand"), (b'{"a": 1}', "geen basismodel-plan")],
)
def test_unreadable_files_exit_2_without_traceback_and_stay_unchanged(tmp_path, inhoud, melding):
    pad = tmp_path / "plan.json"
    pad.write_bytes(inhoud)
    uit = subprocess.run(
        [sys.executable, "-m", "basismodel_edu.cli", "check", str(pad)],
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert uit.returncode == 2
    assert melding in uit.stderr and "Traceback" not in uit.stderr
    assert pad.read_bytes() == inhoud


def test_unknown_selection_exits_2(capsys):
    assert main(["check", str(FIXTURES / "BM102.json"), "--select", "onzin"]) == 2
    assert "Onbekende regelkeuze" in capsys.readouterr().err


def test_smart_json(capsys):
    assert main(["smart", "Meer volgers", "--format", "json"]) == 0
    uit = json.loads(capsys.readouterr().out)
    assert uit["smart"] is False and "M" in uit["missing"] and uit["unjudged"] == ["A", "R"]


def test_schema_is_json(capsys):
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out)["title"] == "Basismodel-plan"


def test_rules_lists_every_rule(capsys):
    from basismodel_edu.controle import kies_regels

    assert main(["rules", "--format", "json"]) == 0
    rijen = json.loads(capsys.readouterr().out)
    assert [r["code"] for r in rijen] == [r.code for r in kies_regels()]
    assert main(["rules", "--select", "missie", "--lang", "en"]) == 0
    uit = capsys.readouterr().out
    assert "BM102" in uit and "Mission missing" in uit and "BM301" not in uit


@pytest.mark.parametrize(
    "inhoud",
    [b'{"formaat": "basismodel-edu/plan", "versie": 2,}', b"[1, 2]", b'{"a": 1}', None],
)
def test_check_as_json_prints_json_also_when_the_file_cannot_be_read(tmp_path, capsys, inhoud):
    pad = tmp_path / "plan.json"
    if inhoud is not None:
        pad.write_bytes(inhoud)
    assert main(["check", str(pad), "--format", "json"]) == 2
    uit = json.loads(capsys.readouterr().out)
    assert uit["ok"] is False and uit["errors"] and str(pad) in uit["error"]


def test_json_syntax_errors_are_explained_in_the_readers_language(tmp_path, capsys):
    pad = tmp_path / "plan.json"
    pad.write_bytes(b'{"formaat": "basismodel-edu/plan", "versie": 2,}')
    assert main(["check", str(pad)]) == 2
    fout = capsys.readouterr().err
    assert "komma te veel" in fout and "Expecting" not in fout
    assert main(["check", str(pad), "--lang", "en"]) == 2
    assert "one comma too many" in capsys.readouterr().err
