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


def test_geen_vals_smart_op_het_testdeel():
    # Measured on the test part, never tuned on (benchmarks/smart_set.py lists every miss).
    # Until batch 3 it held one false "SMART", "I'll read 12 books in a year ..."; batch 3's
    # train part brought reading and walking as habits ("52 boeken gelezen", "I will walk for 30
    # minutes"), and the rules written for those also cover it. It was known, so batch 3's own 71
    # test statements are the part that measures the judge unseen: 69 of 71 both before and after
    # that tuning, none falsely SMART either time.
    assert _vals_smart("test") == []


def test_nauwkeurigheid_op_het_testdeel_niet_onder_de_gehaalde_vloer():
    # 194 of 197 on the test part (0.985) after tuning on train only; the floor keeps it there.
    test = [r for r in _bronnen() if r["deel"] == "test"]
    goed = sum(beoordeel_smart(r["tekst"]).smart == (r["label"] == "ja") for r in test)
    assert len(test) >= 190 and goed / len(test) >= 0.98


@pytest.mark.parametrize(
    ("tekst", "smart"),
    [
        # A habit one does is an activity, also with a count and a deadline ...
        ("Ik lees vóór 1 juli 2027 acht managementboeken.", False),
        ("We will walk 20 minutes a day, 4 days a week, over the next two months.", False),
        # ... also when a result is hoped for around the promise to act.
        ("To get more customers this year, we will post on Instagram 3 times a week.", False),
        # A level per period with its noun is a rhythm too: "7.000 stappen per dag".
        ("Reach at least 7,000 steps per day for the next 8 weeks.", False),
        # What a share of a group does is measured in people: a result.
        ("By June 2027, 60% of our members will have read the new newsletter.", True),
        ("In 2030 rookt minder dan 10 procent volwassenen in de gemeente.", True),
        ("Reduce the share of late deliveries to 5 per cent by the end of 2027.", True),
    ],
)
def test_gewoonten_ritmes_en_aandelen_van_een_groep(tekst, smart):
    assert beoordeel_smart(tekst).smart is smart, beoordeel_smart(tekst).redenen


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
