"""The learning-loop forms: a measurement typed the Dutch way, exports read, a goal revised, and
every wrong value named under its own field with nothing saved."""

from __future__ import annotations

import html
import shutil
from pathlib import Path

import pytest

from basismodel_edu import (
    bewaar_plan,
    laad_plan,
    leerlus,
    voeg_metingen_toe,
    voorbeeldmetingen,
    voorbeeldplan,
)
from basismodel_edu.plan.model import PlanFout

EXPORTS = Path(__file__).parent / "fixtures" / "exports"


@pytest.fixture
def pad(tmp_path) -> Path:
    return bewaar_plan(voorbeeldplan(), tmp_path / "plan.json")


def test_a_measurement_typed_the_dutch_way_is_saved_and_shown(pad):
    lus = leerlus(pad)
    m = lus.meting
    assert [v for _, v in m.kpi.options] == ["K1", "K2", "K3", "K4", "K5", "K6"]
    m.kpi.value, m.datum.value, m.waarde.value, m.bron.value = "K2", "1-10-2026", "1.234,5", "app"
    m.knop.click()
    (meting,) = laad_plan(pad).metingen
    assert (meting.kpi, meting.datum.isoformat(), meting.waarde, meting.bron) == (
        "K2", "2026-10-01", 1234.5, "app",
    )  # fmt: skip
    assert "✔ Bewaard: K2 op 1 oktober 2026 = 1.234,5." in m.melding.value
    assert 'role="status"' in m.melding.value
    assert "K2" in lus.stand.value and "Bereik in de regio" in lus.stand.value
    m.waarde.value = "1.300"
    m.knop.click()
    assert "(was 1.234,5)" in m.melding.value
    assert [x.waarde for x in laad_plan(pad).metingen] == [1300.0]


@pytest.mark.parametrize(
    ("veld", "invoer", "melding"),
    [
        ("datum", "31-02-2027", "'31-02-2027' bestaat niet"),
        ("datum", "", "Hier is een datum nodig"),
        ("waarde", "1.5", "'1.5'"),
        ("waarde", "veel", "'veel' is geen getal"),
        ("waarde", "", "Vul dit veld in."),
    ],
)
def test_a_wrong_value_is_named_under_its_field_and_nothing_is_saved(pad, veld, invoer, melding):
    voor = pad.read_bytes()
    m = leerlus(pad).meting
    m.kpi.value, m.datum.value, m.waarde.value = "K1", "7-9-2026", "1.850"
    getattr(m, veld).value = invoer
    m.knop.click()
    tekst_ = html.unescape(m._meldingen[veld].value)
    assert melding in tekst_ and tekst_.count("✖") == 1
    andere = [v for n, v in m._meldingen.items() if n != veld]
    assert all(not v.value for v in andere)
    assert "niets bewaard" in m.melding.value
    assert pad.read_bytes() == voor


def test_exports_beside_the_plan_are_read_with_their_mapping(pad):
    shutil.copy(EXPORTS / "instagram_posts.csv", pad.parent / "Instagram posts.csv")
    e = leerlus(pad).export
    e.bestanden.value = "Instagram posts.csv\n"
    e.koppeling.value = "Reach=K2\nLikes=K3"
    e.per.value = "week"
    e.knop.click()
    assert "✔ plan.json: " in e.melding.value and "uit Instagram posts.csv" in e.melding.value
    plan = laad_plan(pad)
    assert {m.kpi for m in plan.metingen} == {"K2", "K3"}
    assert plan.revisies[-1].pad == "metingen"
    # A misspelt column: the message names it and what the export has; nothing changes.
    voor = pad.read_bytes()
    e.koppeling.value = "Raech=K2"
    e.knop.click()
    assert "'Raech'" in html.unescape(e.melding.value)
    assert "'Reach'" in html.unescape(e.melding.value)
    assert "niets bewaard" in e.melding.value and pad.read_bytes() == voor
    e.koppeling.value = "Reach"
    e.knop.click()
    assert "KOLOM=KPI" in e._meldingen["koppeling"].value


def test_a_goal_is_revised_with_its_reason_and_the_history_shows_it(pad):
    plan = voeg_metingen_toe(laad_plan(pad), voorbeeldmetingen())
    bewaar_plan(plan, pad)
    lus = leerlus(pad)
    assert "Doel D2: volgens de trend van KPI K3" in html.unescape(lus.stand.value)
    h = lus.herzie
    h.doel.value = "D2"
    assert h.streefwaarde.placeholder == "nu: 15"
    h.streefwaarde.value = "12"
    h.knop.click()  # no reason
    assert "Schrijf op waarom" in h._meldingen["reden"].value
    assert laad_plan(pad).revisies == []
    h.streefwaarde.value = ""
    h.reden.value = "De reacties groeien 0,3 per maand."
    h.knop.click()  # nothing to change
    assert "nieuwe streefwaarde of een nieuwe deadline" in h._meldingen["streefwaarde"].value
    h.streefwaarde.value, h.deadline.value, h.datum.value = "12", "1-9-2027", "15-4-2027"
    h.knop.click()
    assert "✔ Doel D2 herzien" in h.melding.value
    plan = laad_plan(pad)
    assert plan.doelen[1].streefwaarde == 12 and plan.doelen[1].deadline.isoformat() == "2027-09-01"
    assert {r.pad for r in plan.revisies} >= {"doelen[1].streefwaarde", "doelen[1].deadline"}
    assert all(r.reden == "De reacties groeien 0,3 per maand." for r in plan.revisies)
    assert "15 april 2027" in lus.stand.value and "De reacties groeien" in lus.stand.value
    assert h.reden.value == "" and h.streefwaarde.placeholder == "nu: 12"


def test_a_missing_or_broken_plan_is_an_error_at_once(tmp_path):
    with pytest.raises(PlanFout):
        leerlus(tmp_path / "nee.json")
    kapot = tmp_path / "kapot.json"
    kapot.write_text("{", encoding="utf-8")
    with pytest.raises(PlanFout):
        leerlus(kapot)
