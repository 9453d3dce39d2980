"""Plan files: round trip, atomic saving, clear errors, migration and the shipped schema."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from basismodel_edu import PlanFout, bewaar_plan, laad_plan, lees_plan, plan_schema
from basismodel_edu.plan.bestand import meegeleverd_schema, plan_naar_json

FIXTURES = Path(__file__).parent / "fixtures"


def test_round_trip_keeps_every_field(tmp_path, voorbeeld):
    pad = bewaar_plan(voorbeeld, tmp_path / "plan.json")
    assert laad_plan(pad) == voorbeeld
    assert pad.read_text(encoding="utf-8") == plan_naar_json(voorbeeld)


def test_saving_is_atomic_when_the_rename_fails(tmp_path, voorbeeld, monkeypatch):
    pad = tmp_path / "plan.json"
    pad.write_text("oude inhoud", encoding="utf-8")

    def kapot(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", kapot)
    with pytest.raises(PlanFout, match="oude bestand is niet veranderd"):
        bewaar_plan(voorbeeld, pad)
    assert pad.read_text(encoding="utf-8") == "oude inhoud"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.json"]


@pytest.mark.parametrize(
    ("inhoud", "melding"),
    [
        (b"{niet: json", "geen geldig JSON-bestand (regel 1, kolom 2"),
        (b"\xff\xfe\x00kapot", "geen tekstbestand in UTF-8"),
        (b'{"naam": "iets anders"}', "geen basismodel-plan"),
        (b"[1, 2]", "geen basismodel-plan"),
        (b'{"formaat": "basismodel-edu/plan", "versie": 99}', "nieuwere versie"),
        (b'{"formaat": "basismodel-edu/plan", "versie": "twee"}', "onbekende formaatversie"),
        (
            b'{"formaat": "basismodel-edu/plan", "versie": 2, "doelen": [{"id": "D1", "nulmeting": "x"}]}',
            "doelen[0].nulmeting: vul een getal in",
        ),
    ],
)
def test_bad_files_give_a_clear_error_and_stay_untouched(tmp_path, inhoud, melding):
    pad = tmp_path / "plan.json"
    pad.write_bytes(inhoud)
    with pytest.raises(PlanFout) as fout:
        laad_plan(pad)
    assert melding in str(fout.value)
    assert pad.read_bytes() == inhoud


def test_missing_file(tmp_path):
    with pytest.raises(PlanFout, match="bestaat niet"):
        laad_plan(tmp_path / "weg.json")


def test_byte_order_mark_is_accepted(tmp_path, voorbeeld):
    pad = tmp_path / "bom.json"
    pad.write_bytes(b"\xef\xbb\xbf" + plan_naar_json(voorbeeld).encode("utf-8"))
    assert laad_plan(pad) == voorbeeld


def test_version_1_file_migrates_on_read_and_is_left_alone(tmp_path):
    bron = FIXTURES / "plan_v1.json"
    voor = bron.read_bytes()
    plan = laad_plan(bron)
    assert bron.read_bytes() == voor
    assert plan.versie == 2
    assert [(a.id, a.tekst) for a in plan.visie.ambities] == [
        ("A1", "Bekendste fietsenmaker van de wijk worden"),
        ("A2", "Meer onderhoudsabonnementen"),
    ]
    assert [d.ambitie for d in plan.doelen] == ["A1", "A2"]
    assert (plan.middelen[0].uren_per_maand, plan.middelen[0].euro_per_maand) == (10, 0)
    assert [k.doel for k in plan.kpis] == ["D1", "D2"]
    # Saving writes the current version; reading that back gives the same plan.
    opnieuw = laad_plan(bewaar_plan(plan, tmp_path / "v2.json"))
    assert opnieuw == plan
    assert json.loads((tmp_path / "v2.json").read_text(encoding="utf-8"))["versie"] == 2


def test_migrated_version_1_plan_checks_without_errors():
    from basismodel_edu import controleer

    assert controleer(laad_plan(FIXTURES / "plan_v1.json")).fouten == []


def test_shipped_schema_equals_the_generated_one():
    assert meegeleverd_schema() == plan_schema()


def test_schema_describes_the_links():
    schema = plan_schema()
    assert schema["properties"]["versie"]["const"] == 2
    assert "KPI" in schema["$defs"] and "doel" in schema["$defs"]["KPI"]["properties"]


def test_lees_plan_accepts_parsed_json(voorbeeld):
    assert lees_plan(json.loads(plan_naar_json(voorbeeld))) == voorbeeld
