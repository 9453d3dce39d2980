"""Handing in an exercise (basismodel_edu/opdrachten/inleveren.py) and restoring a broken plan file."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
import zipfile

import nbformat
import pytest
from nakijkhulp import OPDRACHTEN
from test_controlepaneel import MISSIE, _goed_plan

from basismodel_edu import Plan, bewaar_plan
from basismodel_edu.opdrachten.inleveren import InleverFout, herstel_plan, lever_in, maak_inlevering
from basismodel_edu.plan.bestand import lees_plan


def _opdracht(tmp_path, plan: dict | None, bewaard: bool = True):
    """An exercise folder as a student leaves it: the notebook saved after Run All, a plan."""
    nb = nbformat.read(MISSIE / "opdracht.ipynb", as_version=4)
    if bewaard:
        for cel in nb.cells:
            if "controle" in cel.metadata.get("tags", []):
                cel.outputs = [nbformat.v4.new_output("stream", text="uitkomst")]
    nbformat.write(nb, tmp_path / "opdracht.ipynb")
    shutil.copyfile(MISSIE / "startplan.json", tmp_path / "startplan.json")
    if plan is not None:
        (tmp_path / "plan.json").write_text(json.dumps(plan), encoding="utf-8")
    return tmp_path


def _startplan() -> dict:
    return json.loads((MISSIE / "startplan.json").read_text(encoding="utf-8"))


def test_hand_in_writes_one_zip_with_exactly_three_files(tmp_path):
    map_ = _opdracht(tmp_path, _goed_plan())
    nu = dt.datetime(2027, 3, 4, 9, 30, tzinfo=dt.UTC)
    bon = maak_inlevering(map_, nu=nu)
    assert bon.pad == map_ / "missie_fietsenmaker-inlevering.zip"
    with zipfile.ZipFile(bon.pad) as z:
        assert sorted(z.namelist()) == ["inlevering.json", "opdracht.ipynb", "plan.json"]
        manifest = json.loads(z.read("inlevering.json"))
        for naam in ("opdracht.ipynb", "plan.json"):
            assert manifest["bestanden"][naam] == hashlib.sha256(z.read(naam)).hexdigest()
            assert z.read(naam) == (map_ / naam).read_bytes()
    assert set(manifest) == {
        "opdracht",
        "versie",
        "gemaakt",
        "bestanden",
        "zichtbare_punten",
        "max_punten",
        "rubriek_punten",
    }  # and so no student name
    assert manifest["opdracht"] == "missie_fietsenmaker"
    assert manifest["gemaakt"] == "2027-03-04T09:30:00+00:00"
    assert manifest["zichtbare_punten"] == manifest["max_punten"] == 4
    assert sorted(p.name for p in map_.iterdir() if p.name.startswith(".")) == []  # no temp file
    assert "missie_fietsenmaker-inlevering.zip" in str(bon) and "maart 2027" in str(bon)
    assert "4 van 4 punten" in str(bon) and "bm-bon" in bon._repr_html_()
    # the rubric's points are named apart: the checks' points are not the whole grade
    assert manifest["rubriek_punten"] == 5 and "5 punten zelf met de rubriek" in str(bon)


def test_points_promised_are_what_the_visible_checks_give_now(tmp_path):
    bon = maak_inlevering(_opdracht(tmp_path, _startplan()))
    assert (bon.manifest["zichtbare_punten"], bon.manifest["max_punten"]) == (0, 4)


def test_a_second_hand_in_replaces_the_first_whole(tmp_path):
    map_ = _opdracht(tmp_path, _startplan())
    eerste = maak_inlevering(map_).pad.read_bytes()
    (map_ / "plan.json").write_text(json.dumps(_goed_plan()), encoding="utf-8")
    tweede = maak_inlevering(map_).pad
    assert tweede.read_bytes() != eerste
    assert [p.name for p in map_.glob("*.zip")] == [tweede.name]


@pytest.mark.parametrize(
    ("geval", "woord"),
    [("geen plan", "formulier"), ("kapot plan", "herstel_plan"), ("niet bewaard", "Ctrl+S")],
)
def test_hand_in_refuses_what_is_not_ready_and_says_what_to_do(tmp_path, geval, woord):
    map_ = _opdracht(
        tmp_path, None if geval == "geen plan" else _goed_plan(), geval != "niet bewaard"
    )
    if geval == "kapot plan":
        (map_ / "plan.json").write_text('{"formaat": ', encoding="utf-8")
    with pytest.raises(InleverFout, match=woord.replace("+", r"\+").replace("(", r"\(")):
        maak_inlevering(map_)
    bon = lever_in(map_)  # the cell never raises
    assert bon.pad is None and woord in str(bon) and "Nog niet ingeleverd" in bon._repr_html_()
    assert list(map_.glob("*.zip")) == []


@pytest.mark.parametrize(
    "inhoud",
    [
        b'{"cells": ',
        b"\xff\xfe",
        b"[]",
        b'{"nbformat": 3, "cells": []}',
        b'{"nbformat": 4, "cells": [1]}',
    ],
    ids=["half", "geen utf-8", "lijst", "formaat 3", "cel geen object"],
)
def test_an_unreadable_notebook_is_refused_with_advice_to_save_again(tmp_path, inhoud):
    map_ = _opdracht(tmp_path, _goed_plan())
    (map_ / "opdracht.ipynb").write_bytes(inhoud)
    with pytest.raises(InleverFout, match="opnieuw"):
        maak_inlevering(map_)
    assert list(map_.glob("*.zip")) == []


def test_a_notebook_with_sources_as_one_string_is_read_like_one_with_lines(tmp_path):
    """JupyterLab writes a cell's source as a list of lines, JupyterLite as one string."""
    map_ = _opdracht(tmp_path, _goed_plan())
    nb = json.loads((map_ / "opdracht.ipynb").read_text(encoding="utf-8"))
    for cel in nb["cells"]:
        cel["source"] = "".join(cel["source"]) if isinstance(cel["source"], list) else cel["source"]
    (map_ / "opdracht.ipynb").write_text(json.dumps(nb), encoding="utf-8")
    eén = maak_inlevering(map_).manifest
    for cel in nb["cells"]:
        cel["source"] = cel["source"].splitlines(keepends=True)
    (map_ / "opdracht.ipynb").write_text(json.dumps(nb), encoding="utf-8")
    lijst = maak_inlevering(map_).manifest
    assert (eén["zichtbare_punten"], eén["max_punten"]) == (4, 4)
    assert (lijst["zichtbare_punten"], lijst["max_punten"]) == (4, 4)


def test_every_exercise_ends_with_a_hand_in_cell_and_a_restore_cell():
    for opdracht in OPDRACHTEN:
        for versie in ("master.ipynb", "opdracht.ipynb"):
            nb = nbformat.read(opdracht / versie, as_version=4)
            laatste = [c for c in nb.cells if c.cell_type == "code"][-1]
            assert "inleveren" in laatste.metadata.get("tags", []), opdracht.name
            assert laatste.source.strip().endswith("lever_in()")
            assert any("herstel_plan()" in c.source for c in nb.cells if c.cell_type == "code")


def test_save_keeps_the_previous_good_version_and_restore_puts_it_back(tmp_path):
    pad = tmp_path / "plan.json"
    eerste, tweede = Plan(), Plan()
    eerste.organisatie.naam, tweede.organisatie.naam = "Eerste", "Tweede"
    bewaar_plan(eerste, pad)
    bewaar_plan(tweede, pad)
    vorige = tmp_path / "plan.vorige.json"
    assert lees_plan(json.loads(vorige.read_text(encoding="utf-8"))).organisatie.naam == "Tweede"
    pad.write_text("kapot door de hand", encoding="utf-8")
    melding = herstel_plan(pad)
    assert "teruggezet" in melding and "onleesbaar" in melding
    assert lees_plan(json.loads(pad.read_text(encoding="utf-8"))).organisatie.naam == "Tweede"
    opzij = list(tmp_path.glob("plan.onleesbaar-*.json"))
    assert [p.read_text(encoding="utf-8") for p in opzij] == ["kapot door de hand"]


def test_restore_leaves_a_good_plan_alone(tmp_path):
    pad = tmp_path / "plan.json"
    bewaar_plan(Plan(), pad)
    (tmp_path / "plan.vorige.json").write_text("anders", encoding="utf-8")
    voor = pad.read_bytes()
    assert "niets te herstellen" in herstel_plan(pad)
    assert pad.read_bytes() == voor and not list(tmp_path.glob("*onleesbaar*"))


def test_restore_without_a_good_previous_version_says_so(tmp_path):
    pad = tmp_path / "plan.json"
    pad.write_text("kapot", encoding="utf-8")
    assert "geen goede vorige versie" in herstel_plan(pad)
    assert pad.read_text(encoding="utf-8") == "kapot"  # nothing moved
    (tmp_path / "plan.vorige.json").write_text("ook kapot", encoding="utf-8")
    assert "geen goede vorige versie" in herstel_plan(pad)


@pytest.mark.slow
def test_grade_accepts_the_hand_in_files_of_a_download_and_names_students_by_them(tmp_path):
    """The hand-in as the grader meets it: a folder of downloads named by the learning
    environment. Identity comes from those names; the points are what the receipt promised."""
    from conftest import vereist

    from basismodel_edu.nakijken import beoordeel
    from basismodel_edu.nakijken.zandbak import beschikbaar

    vereist(beschikbaar() is None, f"no sandbox here: {beschikbaar()}")
    klas = tmp_path / "download"
    klas.mkdir()
    bonnen = {}
    for naam, plan in (("Jan Jansen", _goed_plan()), ("Fatma Yilmaz", _startplan())):
        (tmp_path / naam).mkdir()
        map_ = _opdracht(tmp_path / naam, plan)
        bon = maak_inlevering(map_)
        bonnen[naam] = bon.manifest["zichtbare_punten"]
        # Brightspace's download name; the zip itself holds no name at all
        doel = klas / f"123-456 - {naam} - 3 dec. 2026 1415 - {bon.pad.name}"
        shutil.move(bon.pad, doel)
        with zipfile.ZipFile(doel) as z:
            assert naam.encode() not in b"".join(z.read(n) for n in z.namelist())
    res = beoordeel(MISSIE / "master.ipynb", klas, tmp_path / "uit", timeout=30)
    zichtbaar = {
        b.student: sum(c.behaald for c in b.controles if not c.verborgen) for b in res.beoordelingen
    }
    assert zichtbaar == bonnen and bonnen["Jan Jansen"] > 0 == bonnen["Fatma Yilmaz"]


def test_receipt_promises_partial_points_as_the_grader_counts_them(tmp_path):
    map_ = _opdracht(tmp_path, _goed_plan())
    nb = nbformat.read(map_ / "opdracht.ipynb", as_version=4)
    cel = next(c for c in nb.cells if c.id == "controle-social-media")
    cel.metadata["basismodel"]["deelpunten"] = True
    nbformat.write(nb, map_ / "opdracht.ipynb")
    plan = _goed_plan()
    plan["missie"]["kanalen"] = []  # one rule of that check fails
    (map_ / "plan.json").write_text(json.dumps(plan), encoding="utf-8")
    bon = maak_inlevering(map_)
    # what grade gives for the visible checks of the same master and plan
    from basismodel_edu.nakijken.score import score
    from basismodel_edu.nakijken.uitvoeren import GEHAALD, NIET_GEHAALD, Uitvoering
    from basismodel_edu.nakijken.zandbak import Grenzen
    from basismodel_edu.opdrachten.uitgave import lees_master

    mnb = nbformat.read(MISSIE / "master.ipynb", as_version=4)
    next(c for c in mnb.cells if c.id == cel.id).metadata["basismodel"]["deelpunten"] = True
    nbformat.write(mnb, tmp_path / "master.ipynb")
    u = Uitvoering(
        cellen={"controle-kernvraag": GEHAALD, cel.id: NIET_GEHAALD},
        foutnamen={cel.id: "ControleNietGehaald"},
    )
    b = score(
        lees_master(tmp_path / "master.ipynb"),
        "s",
        (map_ / "plan.json").read_bytes(),
        [],
        u,
        Grenzen(),
    )
    gegeven = sum(c.behaald for c in b.controles if not c.verborgen)
    assert bon.manifest["zichtbare_punten"] == gegeven
    assert 2 < gegeven < 4  # the other check's 2 points plus a share of this one's 2


@pytest.mark.parametrize(
    "inhoud",
    [
        b"{kapot",
        b"\xff\xfe",
        b'{"nbformat": 3, "cells": []}',
        b'{"nbformat": 4, "cells": {}}',
        b'{"nbformat": 4, "cells": [{"cell_type": "code", "source": 7}]}',
        b'{"nbformat": 4, "cells": [{"cell_type": "iets"}]}',
    ],
)
def test_a_notebook_that_cannot_be_read_gets_the_save_again_advice(tmp_path, inhoud):
    map_ = _opdracht(tmp_path, _goed_plan())
    (map_ / "opdracht.ipynb").write_bytes(inhoud)
    with pytest.raises(InleverFout, match=r"op schijf niet leesbaar.*Ctrl\+S"):
        maak_inlevering(map_)
    assert not (map_ / "missie_fietsenmaker-inlevering.zip").exists()


def test_hand_in_does_not_load_nbformat(tmp_path):
    """nbformat's schema libraries take seconds to import; the hand-in cell must stay quick."""
    import subprocess
    import sys

    map_ = _opdracht(tmp_path, _goed_plan())
    code = (
        "import sys\nfrom basismodel_edu.opdrachten.inleveren import maak_inlevering\n"
        f"maak_inlevering({str(map_)!r})\nprint('nbformat' in sys.modules)"
    )
    uit = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert uit.stdout.strip() == "False"
