"""The learning loop: revisions with date and reason, the difference between versions, and
a plan that starts in learning mode and grows."""

from __future__ import annotations

import datetime as dt

import pytest

from basismodel_edu import (
    PlanFout,
    bewaar_plan,
    controleer,
    herzie,
    herzie_doel,
    laad_plan,
    verschil,
    voorbeeldplan,
)

REDEN = "De reacties groeien 0,3 per maand; 15 is niet haalbaar."


def test_revising_a_goal_keeps_dated_history_and_moves_its_own_kpi_norm(voorbeeld, tmp_path):
    oud = voorbeeld.kopie()
    nieuw = herzie_doel(
        voorbeeld, "D2", streefwaarde=12, deadline="2027-09-01", datum="2027-04-01", reden=REDEN
    )
    assert [(r.pad, r.oud, r.nieuw) for r in nieuw] == [
        ("doelen[1].streefwaarde", 15.0, 12.0),
        ("kpis[2].norm", 15.0, 12.0),
        ("doelen[1].deadline", "2027-06-01", "2027-09-01"),
    ]
    assert voorbeeld.revisies == nieuw
    assert all(r.datum == dt.date(2027, 4, 1) and r.reden == REDEN for r in nieuw)
    assert voorbeeld.doelen[1].streefwaarde == 12 and voorbeeld.kpis[2].norm == 12
    assert oud.doelen[1].streefwaarde == 15  # the copy is untouched
    # The history survives saving and loading.
    assert laad_plan(bewaar_plan(voorbeeld, tmp_path / "plan.json")).revisies == nieuw


def test_a_reason_and_a_date_are_required_and_nothing_changes_without_them(voorbeeld):
    with pytest.raises(ValueError, match="heeft een reden nodig"):
        herzie_doel(voorbeeld, "D2", streefwaarde=12, datum="2027-04-01")
    with pytest.raises(ValueError, match="heeft een reden nodig"):
        herzie_doel(voorbeeld, "D2", streefwaarde=12, datum="2027-04-01", reden="  ")
    with pytest.raises(ValueError, match="heeft een datum nodig"):
        herzie_doel(voorbeeld, "D2", streefwaarde=12, reden=REDEN)
    with pytest.raises(ValueError, match=r"geen doel 'D9'.*D1, D2, D3, D4"):
        herzie_doel(voorbeeld, "D9", streefwaarde=12, datum="2027-04-01", reden=REDEN)
    with pytest.raises(ValueError, match="verandert niets aan doel D2"):
        herzie_doel(voorbeeld, "D2", streefwaarde=15, datum="2027-04-01", reden=REDEN)
    with pytest.raises(PlanFout):
        herzie(voorbeeld, "doelen[1].streefwaarde", "veel", datum="2027-04-01", reden=REDEN)
    with pytest.raises(ValueError, match=r"geen veld 'doelen\[9\]\.streefwaarde'"):
        herzie(voorbeeld, "doelen[9].streefwaarde", 1, datum="2027-04-01", reden=REDEN)
    assert voorbeeld.revisies == [] and voorbeeld == voorbeeldplan()


def test_difference_between_two_versions_shows_reasons_as_text_and_html(voorbeeld):
    oud = voorbeeld.kopie()
    herzie_doel(voorbeeld, "D2", streefwaarde=12, datum="2027-04-01", reden=REDEN)
    voorbeeld.kpis = [k for k in voorbeeld.kpis if k.id != "K6"]
    v = verschil(oud, voorbeeld)
    assert [(w.pad, w.oud, w.nieuw) for w in v] == [
        ("doelen[1].streefwaarde", 15.0, 12.0),
        ("kpis[2].norm", 15.0, 12.0),
        ("kpis[5]", "K6", None),  # matched by id: removing K6 shifts nothing else
    ]
    tekst = repr(v)
    assert tekst.startswith("3 wijzigingen")
    # Named as students name them, the removed KPI from the old version (the new one lacks it).
    assert (
        f"Doel D2 (Het gemiddelde aantal reacties per Inst…) → streefwaarde: 15 → 12 (1 april 2027: {REDEN})"
        in tekst
    )
    assert "KPI K6 (Aanvragen voor een proefsessie): K6 → (leeg)" in tekst
    assert "doelen[1]" not in tekst and "kpis[" not in tekst
    html = v._repr_html_()
    assert "<del>15</del>" in html and "<b>12</b>" in html and "1 april 2027" in html
    assert not verschil(voorbeeld, voorbeeld.kopie())
    assert (
        repr(verschil(voorbeeld, voorbeeld.kopie())) == "De twee versies van het plan zijn gelijk."
    )


def test_learning_mode_a_plan_that_starts_without_a_vision_and_grows(voorbeeld):
    # Start: mission and first goals, no vision yet (the reader's comment under the source).
    voorbeeld.visie.tekst = ""
    voorbeeld.visie.gewenst_imago = ""
    voorbeeld.visie.ambities = []
    for d in voorbeeld.doelen:
        d.ambitie = ""
    gepland = controleer(voorbeeld)
    assert {"BM111", "BM112", "BM113", "BM204"} <= {
        b.code for b in gepland.fouten + gepland.waarschuwingen
    }
    voorbeeld.modus = "lerend"
    lerend = controleer(voorbeeld)
    assert lerend.ok and not lerend.waarschuwingen
    assert {"BM111", "BM112", "BM113", "BM204"} <= {b.code for b in lerend.hints}
    # It grows: the vision is written from what followers said, and the history says so.
    r = herzie(
        voorbeeld,
        "visie.tekst",
        "De koffiebranderij van Arnhem waar je leert proeven.",
        datum="2027-02-01",
        reden="Volgers vroegen vooral om proeverijen en uitleg.",
    )
    assert r.oud == "" and r.pad == "visie.tekst"
    assert "BM111" not in controleer(voorbeeld).codes()


def test_history_names_the_element_as_students_do_and_keeps_the_path(voorbeeld):
    (revisie, _) = herzie_doel(voorbeeld, "D2", streefwaarde=12, datum="2027-04-01", reden=REDEN)
    assert revisie.pad == "doelen[1].streefwaarde"  # the stored path stays exact, for scripts
    zin = revisie.tekst(voorbeeld)
    assert "Doel D2 (" in zin and "→ streefwaarde" in zin and "doelen[1]" not in zin
    assert "Goal D2 (" in revisie.tekst(voorbeeld, "en") and "reason" in revisie.tekst(
        voorbeeld, "en"
    )
    # Without the plan there is no id to name: the path is shown, not a guess.
    assert "doelen[1].streefwaarde" in str(revisie)
    # An element that no longer exists (removed after the revision) is not named after another.
    voorbeeld.doelen = voorbeeld.doelen[:1]
    assert "doelen[1].streefwaarde" in revisie.tekst(voorbeeld)


def test_a_part_can_be_named_by_its_id():
    plan = voorbeeldplan()
    t = plan.tactieken[1]
    r = herzie(plan, f"{t.id}.omschrijving", "Nieuwe aanpak.", reden=REDEN, datum="2027-04-01")
    assert (
        r.pad == "tactieken[1].omschrijving" and plan.tactieken[1].omschrijving == "Nieuwe aanpak."
    )
    with pytest.raises(ValueError, match=r"X9\.naam"):
        herzie(plan, "X9.naam", "?", reden=REDEN, datum="2027-04-01")


def test_een_pad_mag_met_het_id_beginnen_en_wordt_als_plek_bewaard():
    from basismodel_edu import herzie, verschil, voorbeeldplan

    plan = voorbeeldplan()
    oud = plan.kopie()
    r = herzie(
        plan,
        "T1.omschrijving",
        "Elke post met een vraag.",
        reden="K3 blijft achter.",
        datum="2027-04-01",
    )
    assert r.pad == "tactieken[0].omschrijving"
    assert plan.tactiek("T1").omschrijving == "Elke post met een vraag."
    assert [w.reden for w in verschil(oud, plan)] == ["K3 blijft achter."]
    with pytest.raises(ValueError, match="T9"):
        herzie(plan, "T9.omschrijving", "x", reden="y", datum="2027-04-01")


def test_voeg_toe_bewaart_een_nieuw_onderdeel_met_reden_en_weigert_zonder():
    from basismodel_edu import Ambitie, Middel, verschil, voeg_toe, voorbeeldplan

    plan = voorbeeldplan()
    oud = plan.kopie()
    nieuw = Ambitie(id="A4", tekst="Cursussen geven.")
    with pytest.raises(ValueError, match="reden"):
        voeg_toe(plan, nieuw, reden=" ")
    assert plan.visie.ambities == oud.visie.ambities  # nothing half-done
    with pytest.raises(ValueError, match="A1"):
        voeg_toe(plan, Ambitie(id="A1", tekst="dubbel"), reden="r")
    with pytest.raises(TypeError, match="str"):
        voeg_toe(plan, "A5", reden="r")
    voeg_toe(plan, nieuw, reden="Volgers vragen naar cursussen.", datum="2027-04-15")
    voeg_toe(plan, Middel(id="M6", naam="Cursusavond"), reden="Om te proberen.", datum="2027-04-15")
    w = {x.pad: x for x in verschil(oud, plan)}
    assert w["visie.ambities[3]"].reden == "Volgers vragen naar cursussen."
    assert w["middelen[5]"].nieuw == "M6" and w["middelen[5]"].reden == "Om te proberen."
