"""Requirements on a student's own answers (basismodel_edu/opdrachten/opdrachteisen.py): each fails on a bad
answer with a message naming where, and passes on a good one."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from basismodel_edu import laad_plan
from basismodel_edu.opdrachten.opdracht import beantwoord, toets_plan
from basismodel_edu.plan.bestand import bewaar_plan, plan_naar_json
from basismodel_edu.plan.revisies import herzie

OPDRACHTEN = Path(__file__).resolve().parent.parent / "exercises"
THEATER = OPDRACHTEN / "bijsturen_theater" / "startplan.json"
LANG = "K1 meet doel D1 en past bij de missie, want het gaat om wie bang is voor de tandarts."


def _eis(plan, eis: str, taal: str | None = None):
    return toets_plan(plan, [], eisen=[eis], taal=taal)


def test_answers_are_kept_in_the_plan_file_and_left_out_when_there_are_none(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copyfile(THEATER, "startplan.json")
    assert "antwoorden" not in json.loads(plan_naar_json(laad_plan("startplan.json")))
    beantwoord("lering", "  Eerst de tactiek, dan pas het doel.  ")
    assert laad_plan("plan.json").antwoorden == {"lering": "Eerst de tactiek, dan pas het doel."}
    beantwoord("lering", "")
    assert laad_plan("plan.json").antwoorden == {}
    assert "antwoorden" not in Path("plan.json").read_text(encoding="utf-8")


def test_a_judgement_per_chain_names_the_kpi_and_its_goal():
    plan = laad_plan(OPDRACHTEN / "terugredeneren_tandarts" / "startplan.json")
    plan.zoek("K1").doel = "D1"
    plan.kpis = plan.kpis[:2]
    plan.antwoorden = {"K1": LANG}
    t = _eis(plan, "keten_oordelen")
    assert t.codes == ["EIS:keten_oordelen"] and "antwoorden.K2" in t.problemen[0]
    # by its name instead of its id counts too; a judgement without the goal does not
    plan.antwoorden["K2"] = LANG.replace("K1", "Kinderen op tijd terug").replace("D1", "het doel")
    t = _eis(plan, "keten_oordelen", taal="en")
    assert len(t.problemen) == 1 and "does not name its goal D2" in t.problemen[0]
    plan.antwoorden["K2"] = plan.antwoorden["K2"].replace("het doel", "D2")
    assert _eis(plan, "keten_oordelen").geslaagd


def test_the_kpi_at_risk_is_checked_against_the_progress_table():
    plan = laad_plan(THEATER)  # measured: K1 threatens to miss, K2 is on track
    plan.antwoorden = {"risico": "K2 abonnementshouders groeien te langzaam om 380 te halen."}
    t = _eis(plan, "risico_kpi")
    assert any("K2" in p and "op koers" in p for p in t.problemen)
    assert any("niet elke KPI" in p for p in t.problemen)
    plan.antwoorden = {"risico": "Kaarten via Instagram: de trend komt op 77 uit, de norm is 150."}
    assert _eis(plan, "risico_kpi").geslaagd
    plan.metingen = []
    assert "geen metingen" in _eis(plan, "risico_kpi").problemen[0]


def test_revisions_need_a_reason_and_a_tactic_change():
    plan = laad_plan(THEATER)
    assert not _eis(plan, "herzien_met_reden").geslaagd  # the measuring round does not count
    herzie(plan, "tactieken[0].naam", "Fragment vooraf", reden="Zo.", datum="2027-04-15")
    t = _eis(plan, "herzien_met_reden")
    assert len(t.problemen) == 1 and "revisies[1].reden" in t.problemen[0]
    plan.revisies[1].reden = "Foto's achteraf verkopen geen kaarten, fragmenten vooraf wel."
    assert _eis(plan, "herzien_met_reden").geslaagd
    assert _eis(plan, "tactiek_bijgestuurd").geslaagd


def test_weekly_measurements_are_demanded(tmp_path):
    from basismodel_edu import meet

    map_ = OPDRACHTEN / "meten_sportschool"
    for per, goed in (("dag", False), ("week", True)):
        pad = tmp_path / f"{per}.json"
        shutil.copyfile(map_ / "startplan.json", pad)
        assert not _eis(laad_plan(pad), "gemeten").geslaagd
        koppeling = {"Reach": "K1", "Comments": "K2", "Saves": "K3"}
        meet(pad, [map_ / "sportschool_instagram.csv"], koppeling, per=per, datum="2027-02-22")
        assert _eis(laad_plan(pad), "gemeten").geslaagd is goed


def test_an_answer_of_the_exercises_own_and_unknown_requirements():
    plan = laad_plan(THEATER)
    assert "'lering'" in _eis(plan, "antwoord:lering").problemen[0]
    plan.antwoorden = {"lering": "Te kort."}
    assert "2 woorden" in _eis(plan, "antwoord:lering").problemen[0]
    plan.antwoorden = {"lering": LANG}
    assert _eis(plan, "antwoord:lering").geslaagd
    for fout in ("bestaat_niet", "antwoord:"):
        with pytest.raises(ValueError, match="eisen"):
            _eis(plan, fout)


def test_the_shipped_export_is_what_the_tool_writes():
    import sys

    sys.path.insert(0, str(OPDRACHTEN.parent / "tools"))
    import maak_opdrachtdata

    bestand = OPDRACHTEN / "meten_sportschool" / maak_opdrachtdata.BESTAND
    assert bestand.read_bytes().decode("utf-8") == maak_opdrachtdata.inhoud()
    assert "SYNTHETISCH" in bestand.read_text(encoding="utf-8").splitlines()[1]


def test_saved_answers_round_trip(tmp_path):
    plan = laad_plan(THEATER)
    plan.antwoorden = {"lering": LANG}
    assert laad_plan(bewaar_plan(plan, tmp_path / "p.json")).antwoorden == {"lering": LANG}


def test_a_failed_check_raises_except_in_the_browser_site(tmp_path, monkeypatch, capsys):
    # JupyterLite's kernel cancels every queued cell after an error, whatever the cell's tags,
    # so in the site a failed check must not raise, or Run All never reaches the hand-in.
    import sys

    import pytest

    from basismodel_edu import Plan, bewaar_plan
    from basismodel_edu.opdrachten.opdracht import ControleNietGehaald, controleer_opdracht

    pad = bewaar_plan(Plan(), tmp_path / "plan.json")
    with pytest.raises(ControleNietGehaald):
        controleer_opdracht(pad, "missie", naam="Missie")
    monkeypatch.setattr(sys, "platform", "emscripten")
    assert controleer_opdracht(pad, "missie", naam="Missie") is None
    assert "BM102" in capsys.readouterr().out  # the panel still says what is wrong
