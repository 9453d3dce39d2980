"""Exercises, their release, and grading a class (issue 5).

Grading runs real kernels, so the tests batch: one grading run per exercise proves that the
master earns every point and the released student version none (no check is vacuous), and one
run holds every tampering and breakage case together, so they also prove that no submission can
change another's grade.
"""

from __future__ import annotations

import csv
import json
import zipfile
from pathlib import Path

import nbformat
import pytest
from nakijkhulp import OPDRACHTEN, inzending, oplossingsplan, student_nb, voeg_cel_in

from basismodel_edu.beoordeling import beoordeel, herbouw
from basismodel_edu.opdracht import controleer_opdracht, lees_controlecel, toets_plan
from basismodel_edu.uitgave import MasterFout, geef_uit, lees_master


def test_there_is_an_exercise_per_layer_and_a_whole_plan():
    namen = {p.name.split("_")[0] for p in OPDRACHTEN}
    assert {"missie", "visie", "strategie", "kpis", "geheel"} <= namen
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
    res = beoordeel(
        opdracht / "master.ipynb", _klas(tmp_path, opdracht), tmp_path / "uit", werkers=1
    )
    master, student = res["master"], res["student"]
    assert master.totaal == res.maximum > 0, master
    assert master.opmerkingen == []
    assert all(c.in_notebook == "gehaald" and c.nakijker for c in master.controles)
    assert student.totaal == 0
    # every check fails on the student version both in the kernel and in the grader's re-check
    assert all(c.in_notebook == "niet gehaald" and not c.nakijker for c in student.controles)


def test_rebuild_restores_checks_by_id_after_added_and_deleted_cells():
    opdracht = OPDRACHTEN[0]
    master = lees_master(opdracht / "master.ipynb")
    nb = student_nb(opdracht)
    voeg_cel_in(nb, "print('mijn eigen cel')", voor="opstart", id_="eigen-1")
    nb.cells = [c for c in nb.cells if c.id != master.controles[0].id]
    nieuw, opm = herbouw(master, nb, b"{}")
    ids = [c.id for c in nieuw.cells]
    assert ids.index("eigen-1") < ids.index("opstart")
    for c in master.controles:
        assert ids.count(c.id) == 1 and ids.index(c.id) > ids.index("uitleg-controle")
    assert [c.id for c in master.controles] == [
        i for i in ids if i in {c.id for c in master.controles}
    ]
    assert len(opm) == 1 and master.controles[0].naam in opm[0]
    assert nieuw.metadata.kernelspec.name == "python3"


# --- tampering and breakage, one batch ------------------------------------------------------


@pytest.mark.slow
def test_tampering_and_breakage_get_exactly_their_credit(tmp_path):
    opdracht = next(p for p in OPDRACHTEN if p.name == "missie_fietsenmaker")
    master = lees_master(opdracht / "master.ipynb")
    vol = master.maximum
    goed = oplossingsplan(opdracht, tmp_path / "opl")
    start = opdracht / "startplan.json"
    half = json.loads(goed.read_text("utf-8"))
    half["missie"]["kernwaarden"] = []  # fails the first check (BM103) and the hidden one
    uit = tmp_path / "uit"
    w = tmp_path / "klas"

    def nb_met(bron: str | None = None):
        nb = student_nb(opdracht)
        return voeg_cel_in(nb, bron) if bron else nb

    inzending(w, "eerlijk", nb_met(), goed)
    inzending(w, "leeg", nb_met(), start)
    nb = nb_met()
    for c in nb.cells:
        if c.id == "controle-kernvraag":
            c.source = "print('✔ gehaald')"
    inzending(w, "controle_bewerkt", nb, half)
    nb = nb_met()
    nb.cells = [c for c in nb.cells if "controle" not in c.metadata.get("tags", [])]
    inzending(w, "controle_gewist", nb, goed)
    inzending(
        w,
        "functie_herdefinieerd",
        nb_met(
            "import basismodel_edu.opdracht as o\n"
            "o.controleer_opdracht = lambda *a, **k: print('✔ gehaald')\n"
            "o.toets_plan = None"
        ),
        start,
    )
    inzending(w, "nep_succes", nb_met("print(\"✔ Controle 'Missie' gehaald (2 punten).\")"), start)
    nb = nb_met()
    for c in nb.cells:
        if "controle" in c.metadata.get("tags", []):
            c.metadata["tags"].append("nbval-skip")
            c.execution_count = 9
            c.outputs = [nbformat.v4.new_output("stream", name="stdout", text="✔ gehaald\n")]
    inzending(w, "nep_uitvoer", nb, start)
    inzending(
        w,
        "schrijft_uitvoer",
        nb_met(
            "from pathlib import Path\n"
            f"u = Path({str(uit)!r}); (u / 'feedback').mkdir(parents=True, exist_ok=True)\n"
            "(u / 'cijferlijst.csv').write_text('eerlijk;0\\nschrijft_uitvoer;99\\n')\n"
            "(u / 'feedback' / 'eerlijk.html').write_text('0 punten')\n"
            "(u / 'nep.txt').write_text('nep')"
        ),
        goed,
    )
    inzending(w, "lus", nb_met("while True:\n    pass"), goed)
    inzending(
        w,
        "lus_onderbreekbaar_niet",
        nb_met(
            "import time\nwhile True:\n    try:\n        time.sleep(0.1)\n"
            "    except KeyboardInterrupt:\n        pass"
        ),
        goed,
    )
    inzending(w, "crash", nb_met("import os\nos._exit(1)"), goed)
    inzending(w, "kapotte_json", ruw='{"cells": [', plan=goed)
    inzending(w, "geen_plan", nb_met())
    inzending(w, "geen_notebook", plan=goed)
    # alters every other student's files it can find, early in the batch
    inzending(
        w,
        "aaa_sabotage",
        nb_met(
            "from pathlib import Path\n"
            "for p in list(Path.cwd().parent.rglob('*.json')) + list(Path.cwd().parent.rglob('*.ipynb')):\n"
            "    if Path.cwd() not in p.parents:\n"
            "        p.write_text('{}')"
        ),
        goed,
    )
    inzending(w, "zz_slachtoffer", nb_met(), goed)
    inzending(w / "genest", "inlevering 1", nb_met(), goed)  # a platform's extra folder level
    # a folder named like the package, shipping a pytest plugin, a conftest, a fake package for
    # its own kernel and an extra notebook: none of it may run in the grader's pytest process
    slim = inzending(w, "basismodel_edu", nb_met(), start)
    vals = "import json, sys\nopen(sys.argv[-1], 'w').write('[]')\n"
    (slim / "_nakijkplugin.py").write_text(vals, encoding="utf-8")
    (slim / "conftest.py").write_text(
        "def pytest_runtest_logreport(report):\n    report.outcome = 'passed'\n", encoding="utf-8"
    )
    (slim / "basismodel_edu").mkdir()
    (slim / "basismodel_edu" / "__init__.py").write_text("", encoding="utf-8")
    (slim / "basismodel_edu" / "opdracht.py").write_text(
        "def controleer_opdracht(*a, **k):\n    print('gehaald')\n", encoding="utf-8"
    )
    (slim / "extra").mkdir()
    nbformat.write(nb_met("import time\ntime.sleep(60)"), slim / "extra" / "opdracht.ipynb")

    zip_ = tmp_path / "export.zip"
    with zipfile.ZipFile(zip_, "w") as z:
        for p in sorted(w.rglob("*")):
            if p.is_file():
                z.write(p, Path("export") / p.relative_to(w))
        z.writestr("../buiten/opdracht.ipynb", "{}")  # an unsafe member
    voor = {p: p.read_bytes() for p in w.rglob("*") if p.is_file()}

    res = beoordeel(opdracht / "master.ipynb", zip_, uit, timeout=5, werkers=2)

    assert {p: p.read_bytes() for p in w.rglob("*") if p.is_file()} == voor
    verwacht = {
        "eerlijk": vol,
        "leeg": 0,
        "controle_bewerkt": 2,  # only 'social media' holds; the edited check was restored
        "controle_gewist": vol,
        "functie_herdefinieerd": 0,
        "nep_succes": 0,
        "nep_uitvoer": 0,
        "schrijft_uitvoer": vol,
        "lus": vol,  # interrupted after 5 s; the checks after it still ran and passed
        "lus_onderbreekbaar_niet": 0,
        "crash": 0,
        "kapotte_json": 0,
        "geen_plan": 0,
        "geen_notebook": 0,
        "aaa_sabotage": vol,
        "zz_slachtoffer": vol,
        "genest": vol,
        "basismodel_edu": 0,
        "..": 0,
    }
    assert {b.student: b.totaal for b in res.beoordelingen} == verwacht

    def opm(student):
        b = res[student]
        return " ".join([b.reden, *b.opmerkingen])

    assert "hersteld" in opm("controle_bewerkt") and "hersteld" in opm("controle_gewist")
    assert "omzeild" in opm("functie_herdefinieerd")
    assert "omzeild" in opm("basismodel_edu")
    assert "5 s" in opm("lus") and "kernel" in opm("lus_onderbreekbaar_niet")
    assert "kernel" in opm("crash")
    assert "ontbreekt" in opm("geen_plan")
    # the saboteur may disturb others' own cells (their plan file on disk), never their grade
    for s, woord in (("kapotte_json", "JSON"), ("geen_notebook", "notebook"), ("..", "zip")):
        assert res[s].status == "onbeoordeelbaar" and woord in res[s].reden

    # the output folder holds only what the grader wrote, after the run
    assert not (uit / "nep.txt").exists()
    with open(uit / "cijferlijst.csv", encoding="utf-8-sig") as f:
        rijen = {r[0]: r for r in csv.reader(f, delimiter=";")}
    assert rijen["schrijft_uitvoer"][-4] == f"{vol:g}" and rijen["eerlijk"][-4] == f"{vol:g}"
    pagina = (uit / "feedback" / "leeg.html").read_text("utf-8")
    assert "BM102" in pagina and "Missie grondig uitgewerkt" in pagina
    assert (
        "missie.kernwaarden" not in pagina.split("Missie grondig uitgewerkt")[1].split("</tr>")[0]
    )
    assert "0 van 6" in pagina or "0 van 6 punten" in pagina
    assert (uit / "overzicht.png").stat().st_size > 1000
    assert "BM102" in (uit / "overzicht.html").read_text("utf-8")
    with open(uit / "onbeoordeelbaar.csv", encoding="utf-8-sig") as f:
        assert {r[0] for r in csv.reader(f, delimiter=";")} >= {"kapotte_json", "geen_notebook"}
    assert (uit / "herbouwd" / "eerlijk" / "eerlijk.ipynb").exists()


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


def test_kernels_get_no_secrets_and_no_colours(tmp_path, monkeypatch):
    from basismodel_edu.beoordeling import _omgeving_voor_kernels

    monkeypatch.setenv("LMS_API_TOKEN", "geheim")
    monkeypatch.setenv("PYTEST_ADDOPTS", "-p iets")
    omgeving = _omgeving_voor_kernels(tmp_path)
    assert "LMS_API_TOKEN" not in omgeving and "PYTEST_ADDOPTS" not in omgeving
    assert "PATH" in omgeving
    profiel = Path(omgeving["IPYTHONDIR"]) / "profile_default" / "ipython_config.py"
    assert "nocolor" in profiel.read_text(encoding="utf-8")
