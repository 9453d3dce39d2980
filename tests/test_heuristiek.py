"""Rules that judge text by heuristics: never errors, and in a grade only where an exercise opts in."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from basismodel_edu import voorbeeldplan
from basismodel_edu.controle import REGELS, kies_regels, regel
from basismodel_edu.opdracht import lees_controlecel, toets_plan

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
