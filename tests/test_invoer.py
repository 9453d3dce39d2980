"""Bad input: whatever JSON a student hands the loader, the answer is a plan or a clear error."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from basismodel_edu import PlanFout, controleer, ketens, lees_plan
from basismodel_edu.plan.bestand import plan_naar_json
from basismodel_edu.plan.voorbeelden import voorbeeldplan

json_waarden = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda kinderen: (
        st.lists(kinderen, max_size=4) | st.dictionaries(st.text(max_size=12), kinderen, max_size=4)
    ),
    max_leaves=20,
)

VOORBEELD = json.loads(plan_naar_json(voorbeeldplan()))
VELDEN = [
    ("organisatie", "naam"),
    ("missie", "tekst"),
    ("missie", "kanalen"),
    ("missie", "social_media_past"),
    ("visie", "ambities"),
    ("doelen", 0, "nulmeting"),
    ("doelen", 0, "deadline"),
    ("doelen", 1, "ambitie"),
    ("tactieken", 0, "doelen"),
    ("middelen", 0, "uren_per_maand"),
    ("kpis", 0, "doel"),
    ("kpis", 1, "id"),
    ("peildatum",),
    ("versie",),
]


def _laad_of_fout(data):
    try:
        plan = lees_plan(data)
    except PlanFout as e:
        assert str(e).strip()
        for pad, bericht in e.fouten:
            assert isinstance(pad, str) and bericht
        return None
    # A plan that loads can always be checked and traced without an exception.
    controleer(plan)
    ketens(plan)
    return plan


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(json_waarden)
def test_any_json_value_gives_a_plan_or_a_clear_error(data):
    _laad_of_fout(data)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(VELDEN), json_waarden)
def test_any_value_in_any_field_gives_a_plan_or_a_clear_error(veld, waarde):
    data = json.loads(json.dumps(VOORBEELD))
    doel = data
    for sleutel in veld[:-1]:
        doel = doel[sleutel]
    doel[veld[-1]] = waarde
    _laad_of_fout(data)


@settings(max_examples=60, deadline=None)
@given(st.text(min_size=0, max_size=6000), st.sampled_from(["missie", "doelen", "kpis"]))
def test_empty_long_and_unusual_texts(tekst, waar):
    data = json.loads(json.dumps(VOORBEELD))
    if waar == "missie":
        data["missie"]["tekst"] = tekst
    elif waar == "doelen":
        data["doelen"][0]["omschrijving"] = tekst
    else:
        data["kpis"][0]["naam"] = tekst
    plan = _laad_of_fout(data)
    if plan is None:
        assert len(tekst.strip()) > 200  # only over-long texts are refused


def test_duplicate_ids_and_dangling_links_load_and_are_reported():
    data = json.loads(json.dumps(VOORBEELD))
    data["kpis"][1]["id"] = "K1"
    data["kpis"][2]["doel"] = "D404"
    data["doelen"].append({"id": "D1"})
    plan = lees_plan(data)
    codes = controleer(plan).codes()
    assert {"BM001", "BM202"} <= set(codes)


def test_unicode_survives_a_round_trip(tmp_path):
    from basismodel_edu import bewaar_plan, laad_plan

    plan = voorbeeldplan()
    plan.missie.tekst = "Koffie ☕ voor iedereen — ook in Zürich, Łódź en 東京 🌍"
    plan.doelen[0].omschrijving = "Zero\u200bwidth en rechts-naar-links \u202e tekst"
    assert laad_plan(bewaar_plan(plan, tmp_path / "u.json")) == plan
