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


# --- The measured set: statements quoted from public pages (tests/data/smart_bronnen.csv) ------


def _bronnen() -> list[dict[str, str]]:
    pad = Path(__file__).parent / "data" / "smart_bronnen.csv"
    with pad.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader((r for r in f if not r.startswith("#")), delimiter=";"))


def test_bronnenset_is_complete_and_split_by_hash():
    import hashlib
    import unicodedata

    rijen = _bronnen()
    assert len(rijen) >= 400
    for r in rijen:
        assert r["bron_url"].startswith("http") and r["bron_titel"] and r["label"] in {"ja", "nee"}
        k = " ".join(unicodedata.normalize("NFKC", r["tekst"]).casefold().split())
        assert r["deel"] == ("test" if hashlib.sha256(k.encode()).digest()[0] < 77 else "train")


def _vals_smart(deel: str) -> list[str]:
    return [
        r["tekst"]
        for r in _bronnen()
        if r["deel"] == deel and r["label"] == "nee" and beoordeel_smart(r["tekst"]).smart
    ]


def test_geen_vals_smart_op_het_trainingsdeel():
    assert _vals_smart("train") == []


def test_vals_smart_op_het_testdeel_is_alleen_de_bekende():
    # Measured on the test part, never tuned on: one false "SMART", reading a number of books
    # (an activity by the course's reading). Fixing it from this item would be tuning on test;
    # the test stops any other from appearing.
    assert _vals_smart("test") == ["I’ll read 12 books in a year by reading 20 minutes before bed."]


def test_nauwkeurigheid_op_het_testdeel_niet_onder_de_gehaalde_vloer():
    # 124 of 126 on the test part (0.984) after tuning on train only; the floor keeps it there.
    test = [r for r in _bronnen() if r["deel"] == "test"]
    goed = sum(beoordeel_smart(r["tekst"]).smart == (r["label"] == "ja") for r in test)
    assert len(test) >= 120 and goed / len(test) >= 0.98


@pytest.mark.parametrize(
    "tekst",
    [
        "De omzet van de webshop stijgt met 12% binnen het komende kwartaal.",
        "Grow newsletter subscribers by 400 by October.",
        "Ik wil in een week 2 kg afvallen.",
        "Save €2.500 this year.",
        "Increase bookings by 30% for the next six months.",
    ],
)
def test_nieuwe_tijd_en_maat_vormen_worden_herkend(tekst):
    assert beoordeel_smart(tekst).smart, beoordeel_smart(tekst).redenen


@pytest.mark.parametrize(
    ("tekst", "reden"),
    [
        ("Save $40 per paycheck for 1 year.", "niet_specifiek"),
        ("Save €300/month this year.", "niet_specifiek"),
        ("Grow newsletter subscribers by 400.", "geen_tijd"),
        ("Sparen voor december.", "geen_getal"),
    ],
)
def test_bedrag_per_periode_en_ontbrekende_letters_blijven_niet_smart(tekst, reden):
    o = beoordeel_smart(tekst)
    assert not o.smart and reden in o.redenen, o.redenen


def test_an_implausible_figure_is_said_but_does_not_undo_s_m_and_t():
    # A and R are not judged from text (tests/data/README.md): 500 % in a month is S, M and T,
    # and the student hears that the figure is hardly believable; rule BM322 warns in a plan.
    o = beoordeel_smart("Increase followers by 500% within one month.")
    assert o.smart and o.redenen == ["onwaarschijnlijk"]
    assert str(o).startswith("SMART") and "100" in str(o)
