"""Partial credit per check (issue 12): points per rule that passes, counted by the grader's own
re-check; nothing a kernel reports can raise them.

The kernel's side is given as an :class:`Uitvoering` (outcome and exception name per cell): that
is everything a notebook, however hostile, can make the grader see.
"""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest
from nakijkhulp import OPDRACHTEN, oplossingsplan

from basismodel_edu.nakijken.score import deelpunten, getoetste_regels, score
from basismodel_edu.nakijken.uitvoeren import GEHAALD, NIET_GEDRAAID, NIET_GEHAALD, Uitvoering
from basismodel_edu.nakijken.verslag import schrijf
from basismodel_edu.nakijken.zandbak import Grenzen
from basismodel_edu.opdrachten.opdracht import toets_plan
from basismodel_edu.opdrachten.uitgave import MasterFout, lees_master

MISSIE = next(p for p in OPDRACHTEN if p.name == "missie_fietsenmaker")
CEL = "verborgen-missie"  # selection "missie", strict, two minimum counts: many rules


def _master(tmp_path: Path, cel_id: str = CEL, waarde=True) -> Path:
    nb = nbformat.read(MISSIE / "master.ipynb", as_version=4)
    for c in nb.cells:
        if c.id == cel_id:
            c.metadata["basismodel"]["deelpunten"] = waarde
    pad = tmp_path / "master.ipynb"
    nbformat.write(nb, pad)
    return pad


def _plan_met_een_fout(tmp_path: Path) -> bytes:
    """The model solution with one kernwaarde too few: exactly one rule of the hidden check fails."""
    plan = json.loads(oplossingsplan(MISSIE, tmp_path / "opl").read_text("utf-8"))
    plan["missie"]["kernwaarden"] = plan["missie"]["kernwaarden"][:2]
    return json.dumps(plan, ensure_ascii=False).encode()


def test_rounding_is_down_to_a_tenth_and_exact():
    assert deelpunten(3, 2, 3) == 2.0  # not 1.9 from 1.9999...
    assert deelpunten(2, 1, 3) == 0.6
    assert deelpunten(2, 2, 3) == 1.3
    assert deelpunten(2, 3, 3) == 2.0
    assert deelpunten(2, 0, 5) == 0.0 and deelpunten(2, 1, 0) == 0.0
    assert deelpunten(2, 9, 3) == 2.0  # never more than the check's points


def test_master_says_which_checks_give_partial_points(tmp_path):
    m = lees_master(_master(tmp_path))
    assert [c.id for c in m.controles if c.deelpunten] == [CEL]
    assert not any(c.deelpunten for c in lees_master(MISSIE / "master.ipynb").controles)
    with pytest.raises(MasterFout, match=rf"controlecel {CEL}: .*deelpunten moet true of false"):
        lees_master(_master(tmp_path, waarde="ja"))


def test_partial_points_per_rule_passed_and_all_or_nothing_elsewhere(tmp_path):
    m = lees_master(_master(tmp_path))
    plan = _plan_met_een_fout(tmp_path)
    c = next(c for c in m.controles if c.id == CEL)
    args = {k: v for k, v in c.argumenten.items() if k not in ("plan", "naam", "punten")}
    getoetst = len(getoetste_regels(args, set(toets_plan(plan, **args).codes)))
    assert getoetst > 3  # the denominator is the master's selection, not what the plan holds
    zichtbaar = [x.id for x in m.controles if not x.verborgen]
    b = score(m, "s", plan, [], Uitvoering(cellen=dict.fromkeys(zichtbaar, GEHAALD)), Grenzen())
    verborgen = next(x for x in b.controles if x.verborgen)
    assert (verborgen.regels_gehaald, verborgen.regels_getoetst) == (getoetst - 1, getoetst)
    assert verborgen.behaald == deelpunten(2, getoetst - 1, getoetst)
    assert 0 < verborgen.behaald < 2
    # the same plan under the unchanged master: all or nothing
    gewoon = score(
        lees_master(MISSIE / "master.ipynb"),
        "s",
        plan,
        [],
        Uitvoering(cellen=dict.fromkeys(zichtbaar, GEHAALD)),
        Grenzen(),
    )
    assert next(x for x in gewoon.controles if x.verborgen).behaald == 0
    # a missing or broken plan gives no partial points
    assert (
        next(
            x for x in score(m, "s", None, [], Uitvoering(), Grenzen()).controles if x.verborgen
        ).behaald
        == 0
    )


def test_a_hostile_kernel_cannot_inflate_partial_points(tmp_path):
    """A visible partial check: the kernel claims it passed, or fakes the check's own exception,
    or stops. The grader's own count is the most it can get."""
    m = lees_master(_master(tmp_path, "controle-social-media"))
    plan = json.loads(oplossingsplan(MISSIE, tmp_path / "opl").read_text("utf-8"))
    plan["missie"]["kanalen"] = []  # fails a rule of this check
    plan = json.dumps(plan, ensure_ascii=False).encode()
    toetsing = toets_plan(plan, ["BM105", "BM106", "BM107", "BM210"])
    assert not toetsing.geslaagd
    cel = "controle-social-media"

    def behaald(u: Uitvoering) -> float:
        b = score(m, "s", plan, [], u, Grenzen())
        return next(
            c for c in b.controles if c.naam == "Passen social media bij de missie?"
        ).behaald

    eerlijk = behaald(
        Uitvoering(cellen={cel: NIET_GEHAALD}, foutnamen={cel: "ControleNietGehaald"})
    )
    assert 0 < eerlijk < 2
    # claims to have passed: the grader's count still rules, never the full 2 points
    assert behaald(Uitvoering(cellen={cel: GEHAALD})) == eerlijk
    # another exception than the check's own (the cell was bypassed or broken): nothing
    assert behaald(Uitvoering(cellen={cel: NIET_GEHAALD}, foutnamen={cel: "NameError"})) == 0
    assert behaald(Uitvoering(cellen={cel: NIET_GEDRAAID})) == 0
    # the check's own exception name on a plan the grader finds complete is no reason for points
    # either way: a passing plan needs a passing cell, as for every check
    goed = oplossingsplan(MISSIE, tmp_path / "opl2").read_bytes()
    b = score(
        m,
        "s",
        goed,
        [],
        Uitvoering(cellen={cel: NIET_GEHAALD}, foutnamen={cel: "ControleNietGehaald"}),
        Grenzen(),
    )
    assert (
        next(c for c in b.controles if c.naam == "Passen social media bij de missie?").behaald == 0
    )


def test_partial_points_show_in_gradebook_and_feedback(tmp_path):
    m = lees_master(_master(tmp_path))
    plan = _plan_met_een_fout(tmp_path)
    zichtbaar = [x.id for x in m.controles if not x.verborgen]
    b = score(m, "Jan", plan, [], Uitvoering(cellen=dict.fromkeys(zichtbaar, GEHAALD)), Grenzen())
    b.bestand = "jan"
    uit = tmp_path / "uit"
    schrijf(uit, m, [b], {}, [], {"zandbak": True})
    verborgen = next(x for x in b.controles if x.verborgen)
    from basismodel_edu.taal.berichten import getal

    rij = (uit / "cijferlijst.csv").read_text("utf-8-sig").splitlines()[1].split(";")
    assert rij[3] == getal(verborgen.behaald) and "," in rij[3]  # e.g. 1,8 of 2
    pagina = (uit / "feedback" / "jan.html").read_text("utf-8")
    assert "deels gehaald" in pagina
    assert f"{verborgen.regels_gehaald} van {verborgen.regels_getoetst} regels in orde" in pagina
    s = json.loads((uit / "resultaten.json").read_text("utf-8"))["studenten"][0]
    assert s["controles"][2]["behaald"] == verborgen.behaald and s["controles"][2]["deelpunten"]


@pytest.mark.slow
def test_real_kernels_honest_and_hostile_get_the_same_partial_points(tmp_path):
    """Two real notebooks on the same plan with one rule failing in a visible partial check: an
    honest one (the check's own exception reaches the grader) and one that patches the check
    to pass in its kernel. Both get the grader's count, neither the full points. Run without
    the sandbox: the 'hostile' cell only patches a function inside its own kernel."""
    from nakijkhulp import inzending, student_nb, voeg_cel_in

    from basismodel_edu.nakijken import beoordeel

    cel = "controle-social-media"
    master = _master(tmp_path, cel)
    plan = json.loads(oplossingsplan(MISSIE, tmp_path / "opl").read_text("utf-8"))
    plan["missie"]["kanalen"] = []
    wortel = tmp_path / "in"
    inzending(wortel, "eerlijk", student_nb(MISSIE), plan)
    bedrog = voeg_cel_in(
        student_nb(MISSIE),
        "import basismodel_edu.opdrachten.opdracht as o\n"
        "o.toets_plan = lambda *a, **k: o.Toetsing(k.get('naam', ''), k.get('punten', 1))",
    )
    inzending(wortel, "bedrog", bedrog, plan)
    res = beoordeel(master, wortel, tmp_path / "uit", werkers=1, zonder_zandbak=True)

    def controle(student):
        return next(c for c in res[student].controles if c.naam.startswith("Passen social"))

    eerlijk, vals = controle("eerlijk"), controle("bedrog")
    assert eerlijk.in_notebook == "niet gehaald" and vals.in_notebook == "gehaald"
    assert 0 < eerlijk.behaald == vals.behaald < eerlijk.punten
    assert any("omzeild" in o or "tegen" in o for o in res["bedrog"].opmerkingen)
