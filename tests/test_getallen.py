"""Numbers as a Dutch student types them: one parser, used by the model's number fields."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from basismodel_edu.plan.bestand import laad_plan
from basismodel_edu.plan.model import KPI, Doel, Middel, PlanFout
from basismodel_edu.taal.berichten import getal
from basismodel_edu.taal.getallen import GetalFout, lees_getal


@pytest.mark.parametrize(
    ("invoer", "waarde"),
    [
        ("1.100", 1100),
        ("12.400", 12400),
        ("1.234.567", 1234567),
        ("1,5", 1.5),
        ("1.100,50", 1100.5),
        ("2000", 2000),
        ("-3", -3),
        ("-1.100,25", -1100.25),
        (" 12 400 ", 12400),
        ("0,25", 0.25),
    ],
)
def test_dutch_numbers_are_read_the_dutch_way(invoer, waarde):
    assert lees_getal(invoer) == waarde


@pytest.mark.parametrize(
    ("invoer", "lezingen"),
    [("1.5", ("1,5", "15")), ("0.25", ("0,25", "25")), ("1.10", ("1,10", "110"))],
)
def test_a_dot_that_english_reads_as_decimal_is_refused_with_both_readings(invoer, lezingen):
    with pytest.raises(GetalFout) as e:
        lees_getal(invoer)
    assert e.value.soort == "dubbelzinnig" and e.value.lezingen == lezingen
    assert lezingen[0] in str(e.value) and lezingen[1] in str(e.value)


@pytest.mark.parametrize("invoer", ["veel", "", "1.1.1", "1,5,5", "12.34,5", "1e3", "--3", "3-"])
def test_non_numbers_are_refused(invoer):
    with pytest.raises(GetalFout) as e:
        lees_getal(invoer)
    assert e.value.soort == "geen"


@given(st.decimals(min_value=-(10**9), max_value=10**9, places=2, allow_nan=False))
def test_what_babel_writes_in_dutch_the_parser_reads_back(x):
    assert lees_getal(getal(float(x))) == pytest.approx(float(x))


def test_model_number_fields_use_the_parser():
    assert Doel(id="D1", nulmeting="1.100", streefwaarde="1.100,50").streefwaarde == 1100.5
    assert KPI(id="K1", norm="12.400").norm == 12400
    assert Middel(id="M1", uren_per_maand="2,5").uren_per_maand == 2.5
    with pytest.raises(PlanFout) as e:
        Doel(id="D1", streefwaarde="1.5")
    assert "streefwaarde" in str(e.value) and "1,5" in str(e.value) and "15" in str(e.value)
    d = Doel(id="D1")
    with pytest.raises(PlanFout):
        d.nulmeting = "veel"  # on assignment too (the forms assign)
    assert d.nulmeting is None


def test_a_plan_file_with_a_dutch_number_string_names_the_field(tmp_path):
    pad = tmp_path / "plan.json"
    plan = {"formaat": "basismodel-edu/plan", "versie": 2, "kpis": [{"id": "K1", "norm": "1.5"}]}
    pad.write_text(json.dumps(plan), encoding="utf-8")
    with pytest.raises(PlanFout) as e:
        laad_plan(pad)
    assert "kpis[0].norm" in str(e.value)
    plan["kpis"][0]["norm"] = "1.100"
    pad.write_text(json.dumps(plan), encoding="utf-8")
    assert laad_plan(pad).kpis[0].norm == 1100
