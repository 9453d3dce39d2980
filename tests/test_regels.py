"""Every rule fires on a plan made for it and stays silent on the example plan.

One fixture per code lives in tests/fixtures/regels/ (written by maak_fixtures.py): the example
plan with one small change. One parametrised test collects them all.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from basismodel_edu import Plan, controleer, laad_plan
from basismodel_edu.controle import kies_regels

MAP = Path(__file__).parent / "fixtures" / "regels"
sys.path.insert(0, str(MAP.parent))
from maak_fixtures import WIJZIGINGEN, fixtures  # noqa: E402

CODES = [r.code for r in kies_regels()]


def test_every_rule_has_a_fixture_and_every_fixture_a_rule():
    assert sorted(p.stem for p in MAP.glob("*.json")) == sorted(CODES)
    assert sorted(WIJZIGINGEN) == sorted(CODES)


def test_committed_fixtures_equal_what_the_script_writes():
    for code, inhoud in fixtures().items():
        assert (MAP / f"{code}.json").read_text(encoding="utf-8") == inhoud, code


@pytest.mark.parametrize("code", CODES)
def test_rule_fires_on_its_fixture_and_not_on_the_example(code, voorbeeld):
    fout = controleer(laad_plan(MAP / f"{code}.json"))
    assert code in fout.codes(), f"{code} ({WIJZIGINGEN[code][0]}) did not fire"
    bevinding = next(b for b in fout if b.code == code)
    assert bevinding.pad and bevinding.bericht() and bevinding.oplossing()
    assert code not in controleer(voorbeeld).codes()
    # Selecting only this rule gives the same finding, and nothing else.
    alleen = controleer(laad_plan(MAP / f"{code}.json"), selectie=code)
    assert alleen.codes() == [code]


def test_example_plan_has_no_findings_at_all(voorbeeld):
    uitslag = controleer(voorbeeld)
    assert uitslag.ok and len(uitslag) == 0, uitslag.tekst()


def test_selection_by_family_layer_and_prefix():
    leeg = Plan()
    assert {r.familie for r in kies_regels("smart")} == {"smart"}
    assert {b.laag for b in controleer(leeg, "missie")} == {"missie"}
    assert all(c.startswith("BM1") for c in controleer(leeg, "BM1").codes())
    with pytest.raises(ValueError, match="Onbekende regelkeuze"):
        controleer(leeg, "onzin")


def test_paths_name_the_element(voorbeeld):
    voorbeeld.kpis[2].doel = "D9"
    bevinding = next(b for b in controleer(voorbeeld, "BM202"))
    assert bevinding.pad == "kpis[2].doel"
    assert "'D9'" in bevinding.bericht()


def test_learning_mode_turns_missing_vision_into_hints(voorbeeld):
    voorbeeld.visie.tekst = ""
    voorbeeld.visie.ambities = []
    for d in voorbeeld.doelen:
        d.ambitie = ""
    assert not controleer(voorbeeld).ok
    voorbeeld.modus = "lerend"
    uitslag = controleer(voorbeeld)
    assert uitslag.ok
    assert {"BM111", "BM112", "BM204"} <= {b.code for b in uitslag.hints}


def test_messages_in_english(voorbeeld):
    from basismodel_edu import zet_taal

    voorbeeld.doelen[0].deadline = None
    zet_taal("en")
    b = next(iter(controleer(voorbeeld, "BM305")))
    assert b.bericht().startswith("Goal D1 has no deadline.")
    assert "lesson 03" in b.oplossing()


def test_result_shows_as_text_html_and_dataframe(voorbeeld):
    voorbeeld.kpis[0].norm = None
    uitslag = controleer(voorbeeld)
    assert "✖ FOUT BM501 KPI K1 (Volgers op Instagram) → norm" in repr(uitslag)
    html = uitslag._repr_html_()
    assert "BM501" in html and "✖ fout" in html and "<table" in html
    df = uitslag.naar_dataframe()
    assert (
        list(df["code"]) == ["BM501"]
        and df.loc[0, "severity"] == "error"
        and df.loc[0, "label"] == "fout"
    )


def test_growth_rule_uses_baseline_target_and_time_left(voorbeeld):
    doel = voorbeeld.doelen[0]
    doel.haalbaarheid = ""  # no argument: the plain limit applies (see the next test)
    doel.streefwaarde = 5000  # 1800 → 5000 in 12 months: +8.9 % a month, allowed
    assert "BM320" not in controleer(voorbeeld, "BM320").codes()
    doel.streefwaarde = 6000  # +10.5 % a month
    b = next(iter(controleer(voorbeeld, "BM320")))
    assert "11% per maand" in b.bericht()
    doel.deadline = doel.deadline.replace(year=2028)  # 24 months: +5 % a month
    assert controleer(voorbeeld, "BM320").codes() == []


def test_shrinking_platform_cites_its_source(voorbeeld):
    voorbeeld.middelen[3].duurzaamheid = None
    b = next(iter(controleer(voorbeeld, "BM603")))
    assert "9,9 miljoen in 2025" in b.bericht() and "10,4 miljoen in 2020" in b.bericht()
    assert "Newcom" in b.bericht() and "https://" in b.bericht()


def test_a_mission_without_channels_is_one_finding_not_one_per_channel(voorbeeld):
    voorbeeld.missie.kanalen = []
    gevonden = [b.code for b in controleer(voorbeeld).bevindingen]
    assert gevonden.count("BM107") == 1 and "BM209" not in gevonden
    voorbeeld.missie.social_media_past = None  # the fit question open: BM105 is the cause
    codes = controleer(voorbeeld).codes()
    assert "BM105" in codes and "BM209" not in codes
    voorbeeld.missie.social_media_past = True
    voorbeeld.missie.kanalen = ["LinkedIn"]  # some channels named: the others are warned about
    assert "BM209" in controleer(voorbeeld).codes()


def test_findings_name_elements_as_students_do_and_keep_the_path_for_scripts(voorbeeld):
    voorbeeld.kpis[2].norm = None
    voorbeeld.missie.tekst = ""
    uitslag = controleer(voorbeeld, ["BM501", "BM102"])
    tekst_ = uitslag.tekst()
    assert "KPI K3 (Reacties per post) → norm" in tekst_ and "Missie → tekst" in tekst_
    assert "kpis[2].norm" not in tekst_
    assert {r["path"] for r in uitslag.als_lijst()} == {"kpis[2].norm", "missie.tekst"}
    assert "KPI K3 (Reacties per post) → norm" in uitslag._repr_html_()
    assert "Mission → tekst" in uitslag.tekst("en")


def test_text_output_lists_errors_first(voorbeeld):
    voorbeeld.doelen[0].streefwaarde = 99999  # a warning in an earlier layer (doelen)
    voorbeeld.kpis[2].norm = None  # an error in a later layer (kpis)
    regels = [r for r in controleer(voorbeeld).tekst().splitlines() if r[:1] in "✖⚠ℹ"]
    ernsten = [r[0] for r in regels]
    assert ernsten == sorted(ernsten, key="✖⚠ℹ".index) and ernsten[0] == "✖"


def test_hours_left_empty_beside_euros_get_the_same_feedback_as_zero_hours(voorbeeld):
    m = next(m for m in voorbeeld.middelen if m.kanaal == "Instagram")
    m.euro_per_maand = 50
    m.uren_per_maand = 0
    assert "BM702" in controleer(voorbeeld, "BM7").codes()
    m.uren_per_maand = None
    assert controleer(voorbeeld, "BM7").codes() == ["BM702"]
    m.euro_per_maand = None  # nothing at all: BM701 says it, once
    assert controleer(voorbeeld, "BM7").codes() == ["BM701"]


def test_growth_rule_weighs_the_students_feasibility_argument(voorbeeld):
    doel = voorbeeld.doelen[0]
    doel.streefwaarde = 6000  # 1800 → 6000 in 12 months: +11 % a month, over the 10 % limit
    doel.haalbaarheid = ""
    assert "BM320" in controleer(voorbeeld, "BM320").codes()
    doel.haalbaarheid = "Dat lukt wel."  # no argument
    assert "BM320" in controleer(voorbeeld, "BM320").codes()
    doel.haalbaarheid = (
        "In het voorjaar openen we een tweede winkel en we adverteren twee maanden op Instagram."
    )
    assert "BM320" not in controleer(voorbeeld, "BM320").codes()
    doel.streefwaarde = 99999  # +40 % a month: no argument makes that realistic
    b = next(iter(controleer(voorbeeld, "BM320")))
    assert "meer dan 20% per maand" in b.bericht()


def test_goal_text_and_fields_must_name_the_same_target(voorbeeld):
    d = voorbeeld.doelen[0]  # "... van 1.800 naar 3.000 vóór 1 september 2027 ...", target 3000
    assert "BM323" not in controleer(voorbeeld, "BM323").codes()
    d.streefwaarde = 2000  # the text still says 3.000
    b = next(iter(controleer(voorbeeld, "BM323")))
    assert "2.000" in b.bericht() and b.pad == "doelen[0].streefwaarde"
    d.omschrijving = "Meer volgers op Instagram vóór 1 september 2027."  # no target in the text
    assert "BM323" not in controleer(voorbeeld, "BM323").codes()  # BM3xx SMART rules say that


def test_kpi_direction_and_norm_are_judged_against_their_goal(voorbeeld):
    k = voorbeeld.kpis[0]  # K1 measures D1: 1800 → 3000 volgers, norm 3000 volgers
    assert not controleer(voorbeeld, ["BM510", "BM511"]).bevindingen
    k.richting = "lager"
    assert controleer(voorbeeld, ["BM510"]).codes() == ["BM510"]
    k.richting = "hoger"
    k.norm = 2500
    assert controleer(voorbeeld, ["BM511"]).codes() == ["BM511"]
    k.eenheid = "procent"  # another unit: no comparison
    assert not controleer(voorbeeld, ["BM511"]).bevindingen


def test_a_durability_claim_without_reason_neither_silences_bm603_nor_passes(voorbeeld):
    m = voorbeeld.middelen[3]  # Facebook, a shrinking platform
    m.duurzaamheid = "duurzaam"
    m.duurzaamheid_toelichting = "Iedereen zit op Facebook."
    assert {"BM603", "BM604"} <= set(controleer(voorbeeld, "duurzaamheid").codes())
    m.duurzaamheid_toelichting = (
        "Onze vaste klanten zijn 50+ en volgen ons daar, volgens onze enquête."
    )
    assert not {"BM603", "BM604"} & set(controleer(voorbeeld, "duurzaamheid").codes())


def test_vanity_is_read_from_what_a_kpi_counts_not_only_its_label(voorbeeld):
    d4_kpis = [k for k in voorbeeld.kpis if k.doel == "D4"]  # a conversion goal
    assert "BM512" not in controleer(voorbeeld, "BM512").codes()
    for k in d4_kpis:
        k.naam, k.definitie = "Volgers op LinkedIn", "Aantal volgers van de bedrijfspagina."
        k.familie, k.niveau = "conversie", "impact"  # labelled as a result, counts attention
    b = next(iter(controleer(voorbeeld, "BM512")))
    assert b.pad == "doelen[3]" and "K5, K6" in b.bericht()
    d4_kpis[0].naam = "Klanten die via LinkedIn komen"  # a result, whatever its label says
    d4_kpis[0].familie, d4_kpis[0].niveau = "bereik", "output"
    assert "BM512" not in controleer(voorbeeld, "BM512").codes()


def test_goal_text_and_deadline_must_name_the_same_date(voorbeeld):
    assert "BM324" not in controleer(voorbeeld, "BM324").codes()
    slecht = laad_plan(Path(__file__).parent / "fixtures" / "regels" / "BM324.json")
    b = next(iter(controleer(slecht, "BM324")))
    assert (
        b.pad == "doelen[0].deadline"
        and "1 juli 2027" in b.bericht()
        and "1 september 2027" in b.bericht()
    )
    # A numeric date that agrees is silent; an impossible one is no evidence.
    voorbeeld.doelen[1].omschrijving = "Reacties per post stijgen van 8 naar 15 vóór 1-6-2027."
    voorbeeld.doelen[2].omschrijving = "Herhaalboekingen stijgen van 20% naar 35% vóór 31-02-2027."
    assert "BM324" not in controleer(voorbeeld, "BM324").codes()


def test_a_conversion_kpi_may_show_an_awareness_goal_but_a_loyalty_kpi_may_not(voorbeeld):
    """'Klanten die via Instagram komen' is conversie; BM505 must not force the label bereik."""
    k2 = voorbeeld.kpi("K2")  # measures D1, an awareness goal
    k2.naam, k2.familie = "Klanten die via Instagram komen", "conversie"
    assert "BM505" not in controleer(voorbeeld, "BM505").codes()
    k2.familie = "loyaliteit"  # repeat customers say nothing about being known
    b = next(iter(controleer(voorbeeld, "BM505")))
    assert b.pad == "kpis[1].familie" and "conversie" in b.bericht()
