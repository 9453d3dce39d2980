"""The plan's classes: they validate, name the wrong field, and print in Dutch."""

from __future__ import annotations

import datetime as dt

import pytest

from basismodel_edu import KPI, Doel, Middel, Plan, PlanFout, zet_taal


def test_wrong_number_names_the_field_in_dutch_and_english():
    with pytest.raises(PlanFout) as fout:
        Doel(id="D1", nulmeting="veel")
    assert fout.value.fouten[0][0] == "Doel → nulmeting"
    assert "vul een getal in" in str(fout.value)
    zet_taal("en")
    with pytest.raises(PlanFout, match="enter a number"):
        Doel(id="D1", streefwaarde="lots")


def test_assignment_is_validated_too(voorbeeld):
    doel = voorbeeld.doelen[0]
    with pytest.raises(PlanFout, match="deadline"):
        doel.deadline = "volgende week"
    assert doel.deadline == dt.date(2027, 9, 1)
    doel.deadline = "2027-10-01"
    assert doel.deadline == dt.date(2027, 10, 1)


def test_choices_are_listed_when_a_value_is_not_one_of_them():
    with pytest.raises(PlanFout) as fout:
        KPI(id="K1", familie="ijdelheid")
    assert "bereik" in str(fout.value) and "familie" in str(fout.value)


def test_negative_cost_and_unknown_field_are_refused():
    with pytest.raises(PlanFout, match="niet kleiner zijn dan 0"):
        Middel(id="M1", uren_per_maand=-3)
    with pytest.raises(PlanFout, match="kent een plan niet"):
        Middel(id="M1", kosten=3)


def test_texts_are_trimmed_and_empty_ids_refused():
    assert Doel(id="  D1 ").id == "D1"
    with pytest.raises(PlanFout, match="niet leeg"):
        Doel(id="")


def test_parts_print_as_dutch_summaries(voorbeeld):
    assert str(voorbeeld).startswith("Plan voor Koffiebranderij De Boon: 3 ambities, 4 doelen")
    assert (
        str(voorbeeld.kpis[0]) == "KPI K1: Volgers op Instagram (meet doel D1; norm 3.000 volgers)"
    )
    assert "van 1.800 naar 3.000 volgers" in str(voorbeeld.doelen[0])


def test_zoek_and_kopie(voorbeeld):
    assert voorbeeld.zoek("K5").naam.startswith("Nieuwe zakelijke klanten")
    assert voorbeeld.zoek("X9") is None
    kopie = voorbeeld.kopie()
    kopie.doelen[0].streefwaarde = 1
    assert voorbeeld.doelen[0].streefwaarde == 3000


def test_empty_plan_is_valid_data():
    plan = Plan()
    assert plan.versie == 2 and plan.doelen == []
