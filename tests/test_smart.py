"""SMART from text alone, measured against a labelled set of goal statements.

tests/data/smart_doelen.csv holds goal statements in the style of public guides on SMART goals,
each labelled SMART (ja) or not (nee) as such a guide would. The judge is strict by design: it must
never call a goal SMART that is labelled not SMART, and it should recognise most SMART ones.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from basismodel_edu import beoordeel_smart

SET = list(
    csv.DictReader(
        (Path(__file__).parent / "data" / "smart_doelen.csv").open(encoding="utf-8"),
        delimiter=";",
    )
)
NIET_SMART = [r["tekst"] for r in SET if r["label"] == "nee"]
WEL_SMART = [r["tekst"] for r in SET if r["label"] == "ja"]


@pytest.mark.parametrize("tekst", NIET_SMART)
def test_never_calls_a_non_smart_goal_smart(tekst):
    oordeel = beoordeel_smart(tekst)
    assert not oordeel.smart, tekst
    assert oordeel.ontbreekt or oordeel.redenen


def test_recognises_most_smart_goals():
    herkend = [t for t in WEL_SMART if beoordeel_smart(t).smart]
    gemist = sorted(set(WEL_SMART) - set(herkend))
    assert len(herkend) / len(WEL_SMART) >= 0.9, gemist


@pytest.mark.parametrize(
    ("tekst", "ontbreekt", "reden"),
    [
        ("Meer volgers op Instagram", ["M", "T"], "vaag_meer"),
        ("Het aantal volgers op Instagram groeit van 1.800 naar 3.000.", ["T"], "geen_tijd"),
        ("Drie keer per week posten op Instagram in 2027.", ["S", "M"], "activiteit"),
        ("Het huidige aantal klanten behouden in 2027.", ["S", "M"], "status_quo"),
        ("Onze online aanwezigheid groeit met 20% in 2027.", ["S", "M"], "vaag_object"),
        ("", ["S", "M", "T"], "leeg"),
    ],
)
def test_says_which_letters_are_missing_and_why(tekst, ontbreekt, reden):
    oordeel = beoordeel_smart(tekst)
    assert oordeel.ontbreekt == ontbreekt
    assert reden in oordeel.redenen
    assert oordeel.onbepaald == ["A", "R"]
    assert oordeel.uitleg() and str(oordeel).startswith("Nog niet SMART")


def test_dates_ages_and_rhythms_do_not_count_as_measures():
    # The only numbers are a year, an age range and a posting rhythm: nothing measures a result.
    oordeel = beoordeel_smart("Meer volgers van 18-25 jaar door 3 keer per week te posten in 2027.")
    assert "M" in oordeel.ontbreekt


def test_result_as_dict_for_the_command_line():
    uit = beoordeel_smart("Increase website traffic by 20% by the end of Q3 2027.").als_dict()
    assert uit["smart"] is True and uit["missing"] == [] and uit["unjudged"] == ["A", "R"]
