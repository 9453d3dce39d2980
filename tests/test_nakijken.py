"""Exercises, their release, and grading a class (issue 5).

Grading runs real kernels, so the tests batch: one grading run per exercise proves that the
master earns every point and the released student version none (no check is vacuous), and one
run holds every tampering and breakage case together, so they also prove that no submission can
change another's grade.
"""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest
from conftest import vereist
from nakijkhulp import OPDRACHTEN, inzending, oplossingsplan, student_nb, voeg_cel_in

from basismodel_edu.nakijken import beoordeel, herbouw
from basismodel_edu.nakijken.zandbak import beschikbaar
from basismodel_edu.opdrachten.opdracht import controleer_opdracht, lees_controlecel, toets_plan
from basismodel_edu.opdrachten.uitgave import MasterFout, geef_uit, lees_master


def test_there_is_an_exercise_per_layer_and_a_whole_plan():
    namen = {p.name.split("_")[0] for p in OPDRACHTEN}
    # lessons 01-04 a layer each, 05 reasoning back, 06 measuring, 07 revising, and a whole plan
    lessen = {"missie", "visie", "strategie", "kpis", "terugredeneren", "meten", "bijsturen"}
    assert lessen | {"geheel"} <= namen
    for p in OPDRACHTEN:
        tekst = (p / "master.ipynb").read_text(encoding="utf-8")
        assert "De Boon" not in tekst and "Koffie" not in tekst


@pytest.mark.parametrize("opdracht", OPDRACHTEN, ids=lambda p: p.name)
def test_committed_student_version_is_a_fresh_release(opdracht, tmp_path):
    eerste = geef_uit(opdracht / "master.ipynb", tmp_path / "a.ipynb").read_bytes()
    tweede = geef_uit(opdracht / "master.ipynb", tmp_path / "b.ipynb").read_bytes()
    assert eerste == tweede
    assert (opdracht / "opdracht.ipynb").read_bytes() == eerste, (
        f"run: basismodel-edu release {opdracht}/master.ipynb {opdracht}/opdracht.ipynb"
    )
    master = lees_master(opdracht / "master.ipynb")
    nb = nbformat.reads(eerste.decode(), as_version=4)
    ids = [c.id for c in nb.cells]
    for c in master.controles:
        assert (c.id in ids) != c.verborgen  # visible kept by id, hidden left out
    for cel in nb.cells:
        assert "oplossing" not in cel.metadata.get("tags", [])
        assert "OPLOSSING" not in cel.source
        if cel.cell_type == "code":
            assert cel.outputs == [] and cel.execution_count is None
        if "controle" in cel.metadata.get("tags", []):
            assert cel.metadata["editable"] is False and cel.metadata["deletable"] is False
    # the model solution's text is gone
    oplossing = json.loads(oplossingsplan(opdracht, tmp_path / "opl").read_text("utf-8"))
    start = json.loads((opdracht / "startplan.json").read_text("utf-8"))
    nieuw = (
        [v for k, v in oplossing.items() if k in ("missie", "visie") and v != start.get(k)]
        or oplossing["doelen"]
        or oplossing["kpis"]
    )
    assert json.dumps(nieuw, ensure_ascii=False)[:60] not in eerste.decode()


def test_release_refuses_a_broken_master(tmp_path):
    nb = nbformat.read(OPDRACHTEN[0] / "master.ipynb", as_version=4)
    cel = next(c for c in nb.cells if "controle" in c.metadata.get("tags", []))
    cel.source = "controleer_opdracht(pad, selectie=kies())"  # not literal: cannot be re-checked
    nbformat.write(nb, tmp_path / "m.ipynb")
    with pytest.raises(MasterFout, match=r"letterlijke"):
        geef_uit(tmp_path / "m.ipynb", tmp_path / "uit.ipynb")
    (tmp_path / "kapot.ipynb").write_text("{", encoding="utf-8")
    with pytest.raises(MasterFout):
        geef_uit(tmp_path / "kapot.ipynb", tmp_path / "uit.ipynb")


def test_check_cell_fails_in_dutch_and_passes_on_a_good_plan(tmp_path):
    opdracht = OPDRACHTEN[[p.name for p in OPDRACHTEN].index("missie_fietsenmaker")]
    goed = oplossingsplan(opdracht, tmp_path)
    with pytest.raises(AssertionError, match=r"niet gehaald.*\n.*BM102 missie.tekst"):
        controleer_opdracht(opdracht / "startplan.json", ["BM102"], naam="Missie", punten=2)
    with pytest.raises(AssertionError, match="ontbreekt"):
        controleer_opdracht(tmp_path / "bestaat-niet.json", "missie")
    with pytest.raises(AssertionError, match=r"geen bruikbaar plan"):
        controleer_opdracht(b"{kapot", "missie")
    assert controleer_opdracht(goed, "missie", minimaal={"missie.kanalen": 2}).ok
    t = toets_plan(goed, "missie", minimaal={"missie.kanalen": 9}, taal="en")
    assert not t.geslaagd and "at least 9" in t.problemen[0]
    assert lees_controlecel("x = 1") is None


def _klas(tmp_path: Path, opdracht: Path) -> Path:
    wortel = tmp_path / "inzendingen"
    opl = oplossingsplan(opdracht, tmp_path / "oplossing")
    inzending(wortel, "master", nbformat.read(opdracht / "master.ipynb", as_version=4), opl)
    inzending(wortel, "student", student_nb(opdracht), opdracht / "startplan.json")
    return wortel


@pytest.mark.slow
@pytest.mark.parametrize("opdracht", OPDRACHTEN, ids=lambda p: p.name)
def test_master_earns_every_point_and_student_version_none(opdracht, tmp_path):
    vereist(beschikbaar() is None, f"no sandbox here: {beschikbaar()}")
    res = beoordeel(
        opdracht / "master.ipynb", _klas(tmp_path, opdracht), tmp_path / "uit", werkers=1
    )
    master, student = res["master"], res["student"]
    m = lees_master(opdracht / "master.ipynb")
    # The checks give every automatic point; the rubric's points stay open for the lecturer.
    assert master.totaal == m.maximum_controles > 0, master
    assert res.maximum == m.maximum > m.maximum_controles
    assert (
        master.open and master.eindtotaal is None and all(r.behaald is None for r in master.rubriek)
    )
    assert master.opmerkingen == []
    assert all(c.nakijker for c in master.controles)
    assert all(c.in_notebook == ("-" if c.verborgen else "gehaald") for c in master.controles)
    assert student.totaal == 0
    # every check fails on the student version both in the kernel and in the grader's re-check
    assert all(not c.nakijker for c in student.controles)
    assert all(c.in_notebook == "niet gehaald" for c in student.controles if not c.verborgen)
    assert all(c.in_notebook == "-" for c in student.controles if c.verborgen)


def test_rebuild_restores_checks_by_id_after_added_and_deleted_cells():
    opdracht = OPDRACHTEN[0]
    master = lees_master(opdracht / "master.ipynb")
    nb = student_nb(opdracht)
    voeg_cel_in(nb, "print('mijn eigen cel')", voor="opstart", id_="eigen-1")
    nb.cells = [c for c in nb.cells if c.id != master.controles[0].id]
    nieuw, opm = herbouw(master, nb, b"{}")
    ids = [c.id for c in nieuw.cells]
    assert ids.index("eigen-1") < ids.index("opstart")
    zichtbaar = [c for c in master.controles if not c.verborgen]
    for c in master.controles:
        # hidden checks run only in the grader's own process, never in the student's kernel
        assert ids.count(c.id) == (0 if c.verborgen else 1)
    for c in zichtbaar:
        assert ids.index(c.id) > ids.index("uitleg-controle")
    assert [c.id for c in zichtbaar] == [i for i in ids if i in {c.id for c in zichtbaar}]
    assert len(opm) == 1 and master.controles[0].naam in opm[0]
    assert nieuw.metadata.kernelspec.name == "python3"


def test_cli_release_and_grade_refusals(tmp_path, capsys):
    from basismodel_edu.cli import main

    master = OPDRACHTEN[0] / "master.ipynb"
    assert main(["release", str(master), str(tmp_path / "s.ipynb")]) == 0
    assert "Studentversie geschreven" in capsys.readouterr().out
    assert (tmp_path / "s.ipynb").read_bytes() == (OPDRACHTEN[0] / "opdracht.ipynb").read_bytes()
    bezet = tmp_path / "bezet"
    bezet.mkdir()
    (bezet / "cijfers.xlsx").write_text("van de docent")
    assert main(["grade", str(master), str(tmp_path), "--out", str(bezet), "--lang", "en"]) == 2
    assert "does not overwrite" in capsys.readouterr().err
    assert (bezet / "cijfers.xlsx").read_text() == "van de docent"
    assert main(["grade", str(master), str(tmp_path / "weg"), "--out", str(tmp_path / "u")]) == 2


def test_kernels_get_no_secrets_and_no_colours(monkeypatch):
    from basismodel_edu.nakijken.zandbak import kernel_omgeving

    monkeypatch.setenv("LMS_API_TOKEN", "geheim")
    omgeving = kernel_omgeving()
    assert "LMS_API_TOKEN" not in omgeving and "geheim" not in str(omgeving)
    assert omgeving["HOME"] == "/home/student" and "PATH" in omgeving
