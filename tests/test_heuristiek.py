"""Rules that judge text by heuristics: never errors, and in a grade only where an exercise opts in."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from basismodel_edu import voorbeeldplan
from basismodel_edu.controle import REGELS, kies_regels, regel
from basismodel_edu.opdrachten.opdracht import lees_controlecel, toets_plan

EXERCISES = Path(__file__).parent.parent / "exercises"
HEURISTISCH = {
    "BM109", "BM110", "BM117", "BM118", "BM310", "BM311", "BM312", "BM313", "BM314", "BM320",
    "BM322", "BM323", "BM324", "BM506", "BM507", "BM512", "BM603", "BM604",
}  # fmt: skip


def _controle(opdracht: str, naam: str) -> dict:
    nb = nbformat.read(EXERCISES / opdracht / "master.ipynb", as_version=4)
    for cel in nb.cells:
        args = lees_controlecel(cel.source) if cel.cell_type == "code" else None
        if args and args.get("naam") == naam:
            return args
    raise AssertionError(naam)


def test_the_heuristic_rules_are_marked_and_never_errors():
    kies_regels()
    assert {c for c, r in REGELS.items() if r.heuristiek} == HEURISTISCH
    assert all(REGELS[c].ernst in ("waarschuwing", "hint") for c in HEURISTISCH)
    with pytest.raises(ValueError, match="at most a warning"):
        regel("BM999", "fout", "missie", "01", heuristiek=True)


def test_junk_fails_only_where_the_exercise_opts_in():
    args = _controle("missie_fietsenmaker", "Missie grondig uitgewerkt")
    assert args["tel_mee"] == ["BM109", "BM110"]
    plan = voorbeeldplan()
    plan.missie.tekst = "x"
    args.pop("plan")
    t = toets_plan(plan, **args)
    assert not t.geslaagd and t.codes == ["BM109"]
    # Without the opt-in the same warning is shown to the student but costs no points.
    zonder = {k: v for k, v in args.items() if k != "tel_mee"}
    t = toets_plan(plan, **zonder)
    assert t.geslaagd and "BM109" in t.uitslag.codes()


def test_a_thin_but_true_mission_is_a_warning_not_a_failure():
    plan = voorbeeldplan()
    plan.missie.tekst = "Wij branden koffie in Arnhem voor wie thuis goede koffie wil zetten."
    t = toets_plan(plan, "missie", streng=True)
    assert t.geslaagd, t.problemen
    # A structural warning still counts when strict: a mission without core values (BM103).
    plan = voorbeeldplan()
    plan.missie.kernwaarden = []
    assert toets_plan(plan, "missie", streng=True).codes == ["BM103"]
    assert toets_plan(plan, "missie").geslaagd  # not strict: warnings never count


def test_an_unknown_rule_to_count_is_refused():
    with pytest.raises(ValueError, match="BM999"):
        toets_plan(voorbeeldplan(), "missie", tel_mee=["BM999"])


# --- One cause, one finding; no heuristic alarm on consistent plans ----------------------------

FIXTURES = Path(__file__).parent / "fixtures" / "regels"


def _codes(plan) -> set[str]:
    from basismodel_edu import controleer

    return {b.code for b in controleer(plan).bevindingen}


def test_no_heuristic_rule_fires_on_consistent_plans_or_on_another_rules_fixture(tmp_path):
    # The same plans as benchmarks/valse_alarmen.py: the example, every exercise's model answer
    # (other sectors), and each rule fixture (one problem each: another heuristic code is noise).
    from nakijkhulp import oplossingsplan

    from basismodel_edu import controleer
    from basismodel_edu.plan.bestand import laad_plan

    plannen = [("voorbeeld", voorbeeldplan(), None)]
    for o in sorted(EXERCISES.iterdir()):
        if (o / "master.ipynb").exists():
            plannen.append((o.name, laad_plan(oplossingsplan(o, tmp_path / o.name)), None))
    plannen += [(p.stem, laad_plan(p), p.stem) for p in sorted(FIXTURES.glob("*.json"))]
    kies_regels()
    heuristisch = {c for c, r in REGELS.items() if r.heuristiek}
    alarmen = [
        f"{naam}: {b.code} {b.pad}"
        for naam, plan, eigen in plannen
        for b in controleer(plan).bevindingen
        if b.code in heuristisch and b.code != eigen
    ]
    assert len(plannen) > 80 and alarmen == []


def test_an_activity_goal_is_told_it_is_an_activity_not_also_that_it_has_no_measure():
    plan = voorbeeldplan()
    plan.doelen[0].omschrijving = "Drie keer per week posten op Instagram in 2027."
    codes = _codes(plan)
    assert "BM313" in codes and "BM311" not in codes
    # Without the activity the missing measure is still said.
    plan.doelen[
        0
    ].omschrijving = "Het aantal volgers op Instagram groeit flink vóór 1 september 2027."
    assert {"BM311", "BM314"} & _codes(plan) and "BM313" not in _codes(plan)


@pytest.mark.parametrize(
    ("tekst", "nulmeting", "streefwaarde", "oneens"),
    [
        (
            "Het aantal volgers op Instagram groeit met 20% vóór 1 september 2027.",
            1500,
            1800,
            False,
        ),
        ("Het aantal volgers op Instagram verdubbelt vóór 1 september 2027.", 1500, 3000, False),
        ("Het aantal klachten daalt met 25 procent vóór 1 september 2027.", 40, 30, False),
        # The same words with a target that does not follow from them.
        ("Het aantal volgers op Instagram groeit met 20% vóór 1 september 2027.", 1500, 3000, True),
        ("Het aantal volgers op Instagram verdubbelt vóór 1 september 2027.", 1500, 2000, True),
        (
            "Het aantal volgers op Instagram groeit van 1.800 naar 2.500 vóór 1 september 2027.",
            1800,
            3000,
            True,
        ),
    ],
)
def test_text_and_fields_agree_also_when_the_text_gives_a_change_relative_to_the_baseline(
    tekst, nulmeting, streefwaarde, oneens
):
    plan = voorbeeldplan()
    d = plan.doelen[0]
    d.omschrijving, d.nulmeting, d.streefwaarde = tekst, nulmeting, streefwaarde
    plan.kpis[0].norm = streefwaarde
    assert ("BM323" in _codes(plan)) is oneens


def test_one_finding_when_every_kpi_only_counts_attention():
    plan = voorbeeldplan()
    for k in plan.kpis:
        k.naam, k.definitie, k.familie = "Volgers op Instagram", "Aantal volgers", "bereik"
    codes = _codes(plan)
    assert "BM506" in codes and "BM512" not in codes
    # Only the conversion goal's KPIs count attention: then BM512 names that goal.
    plan = voorbeeldplan()
    for k in plan.kpis:
        if k.doel == "D4":
            k.naam, k.definitie, k.familie = "Volgers op LinkedIn", "Aantal volgers", "bereik"
    codes = _codes(plan)
    assert "BM512" in codes and "BM506" not in codes


def test_measured_data_answer_what_bm320s_rule_of_thumb_guesses():
    from basismodel_edu.plan.bestand import laad_plan
    from basismodel_edu.plan.model import Meting

    # BM320's fixture asks 1.800 → 18.000 in a year (21% a month). Once a year of data on its
    # KPI allows a forecast, BM330 judges the goal ("dreigt gemist") and BM320 is silent.
    plan = laad_plan(FIXTURES / "BM320.json")
    assert "BM320" in _codes(plan)
    for i in range(13):
        datum = f"{2025 + (8 + i) // 12}-{(8 + i) % 12 + 1:02d}-01"
        plan.metingen.append(Meting(kpi="K1", datum=datum, waarde=1200 + 50 * i))
    codes = _codes(plan)
    assert "BM330" in codes and "BM320" not in codes
    # Three months of data reach too short for a forecast a year ahead ("onzeker"): the rule
    # of thumb stays.
    plan.metingen = plan.metingen[-3:]
    codes = _codes(plan)
    assert "BM320" in codes and "BM330" not in codes
