"""Check results a non-programmer can read: a Dutch panel, no traceback, Run All goes on."""

from __future__ import annotations

import json
import shutil

import nbformat
import pytest
from nakijkhulp import OPDRACHTEN

from basismodel_edu import Plan
from basismodel_edu.opdrachten.opdracht import (
    ControleNietGehaald,
    Controlepaneel,
    controleer_opdracht,
    toets_plan,
)
from basismodel_edu.opdrachten.uitgave import MasterFout, lees_master, studentversie

MISSIE = OPDRACHTEN[[p.name for p in OPDRACHTEN].index("missie_fietsenmaker")]


def _goed_plan() -> dict:
    """The plan the master of the mission exercise makes (its solution), as JSON data."""
    from basismodel_edu import Missie

    plan = Plan.model_validate(json.loads((MISSIE / "startplan.json").read_text(encoding="utf-8")))
    plan.missie = Missie(
        tekst="Het Wiel houdt Nijmegen-Oost betaalbaar op de fiets: we repareren snel en eerlijk "
        "en leren buurtbewoners zelf sleutelen.",
        kernwaarden=["eerlijk", "duurzaam", "buurtgericht"],
        identiteit="De werkplaats om de hoek waar je meekijkt met de monteur.",
        social_media_past=True,
        toelichting="Buurtbewoners zoeken een fietsenmaker via Google en vragen elkaar om tips "
        "in buurtgroepen op Facebook.",
        kanalen=["Facebook", "Instagram"],
    )
    return json.loads(plan.model_dump_json())


def test_failing_panel_says_what_why_how_and_which_lesson():
    t = toets_plan(Plan(), "missie", naam="Missie <b>", punten=2)
    html = Controlepaneel(t)._repr_html_()
    assert len(t.details) == len(t.problemen) > 1
    for d in t.details:
        for deel in ("wat", "waarom", "hoe"):
            assert d[deel] and d[deel].replace("'", "&#39;") in html
        assert "les 01" in d["les"] and d["les"] in html
    for kop in ("Wat is er mis:", "Waarom dat ertoe doet:", "Zo los je het op:", "Lees erover:"):
        assert html.count(kop) == len(t.details)
    assert "nog niet gehaald (0 van 2 punten)" in html
    assert "Missie &lt;b&gt;" in html and "<b>" not in html  # the template escapes
    for regel in ("overflow-wrap: break-word", "word-break: normal", "hyphens: auto", 'lang="nl"'):
        assert regel in html
    assert "Traceback" not in html and "AssertionError" not in html


def test_passing_panel_confirms_and_lists_nothing():
    t = toets_plan(_goed_plan(), ["BM102", "BM103", "BM104"], naam="Kernvraag", punten=2)
    assert t.geslaagd, t.problemen
    html = Controlepaneel(t)._repr_html_()
    assert "✔ Controle &#39;Kernvraag&#39; gehaald (2 punten)." in html
    assert "bm-probleem" not in html and "Wat is er mis" not in html


def test_a_failed_check_raises_a_short_line_not_a_traceback(capsys):
    with pytest.raises(ControleNietGehaald) as fout:
        controleer_opdracht(Plan(), "missie", naam="Missie", punten=2)
    assert isinstance(fout.value, AssertionError)  # a test and the grader see the cell fail
    assert "BM102" in str(fout.value)  # the full message stays in the exception
    kort = fout.value._render_traceback_()
    assert kort == ["✖ Controle 'Missie' nog niet gehaald: lees hierboven wat je kunt verbeteren."]
    assert "BM102" in capsys.readouterr().out  # outside a notebook the panel is plain text


def test_release_tags_checks_raises_exception_and_the_master_must_not(tmp_path):
    for opdracht in OPDRACHTEN:
        m = lees_master(opdracht / "master.ipynb")
        for cel in m.nb.cells:
            assert "raises-exception" not in cel.metadata.get("tags", [])
        student = nbformat.read(opdracht / "opdracht.ipynb", as_version=4)
        ids = {c.id for c in m.controles if not c.verborgen}
        getagd = {c.id for c in student.cells if "raises-exception" in c.metadata.get("tags", [])}
        assert getagd == ids
        assert studentversie(m).cells == student.cells
    nb = nbformat.read(MISSIE / "master.ipynb", as_version=4)
    controle = next(c for c in nb.cells if "controle" in c.metadata.get("tags", []))
    controle.metadata["tags"].append("raises-exception")
    nbformat.write(nb, tmp_path / "master.ipynb")
    with pytest.raises(MasterFout, match="raises-exception"):
        lees_master(tmp_path / "master.ipynb")


def _draai(nb, map_):
    from nbclient import NotebookClient

    client = NotebookClient(
        nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(map_)}}
    )
    client.execute()
    return nb


def _controle_uitvoer(nb):
    uit = {}
    for cel in nb.cells:
        if "controle" in cel.metadata.get("tags", []):
            html = [o for o in cel.outputs if "text/html" in o.get("data", {})]
            fouten = [o for o in cel.outputs if o.output_type == "error"]
            uit[cel.id] = (html, fouten)
    return uit


@pytest.mark.slow
def test_run_all_of_a_fresh_student_version_shows_every_panel_and_no_traceback(tmp_path):
    """Run All as JupyterLab does it (nbclient honours raises-exception as JupyterLab does):
    a fresh plan fails every check, each shows its panel and one short line, and the run goes
    on to the last check. The student version still *fails*: every check has an error output."""
    shutil.copyfile(MISSIE / "startplan.json", tmp_path / "startplan.json")
    nb = _draai(nbformat.read(MISSIE / "opdracht.ipynb", as_version=4), tmp_path)
    uitvoer = _controle_uitvoer(nb)
    assert len(uitvoer) == 2
    for cel_id, (html, fouten) in uitvoer.items():
        assert len(html) == 1 and "bm-controle" in html[0]["data"]["text/html"], cel_id
        assert "Wat is er mis:" in html[0]["data"]["text/html"]
        assert len(fouten) == 1 and len(fouten[0]["traceback"]) == 1, cel_id
        tekst = json.dumps(nb.cells)
        assert "Traceback" not in tekst and "opdracht.py" not in tekst


@pytest.mark.slow
def test_run_all_with_a_good_plan_shows_passing_panels(tmp_path):
    (tmp_path / "plan.json").write_text(json.dumps(_goed_plan()), encoding="utf-8")
    shutil.copyfile(MISSIE / "startplan.json", tmp_path / "startplan.json")
    nb = nbformat.read(MISSIE / "opdracht.ipynb", as_version=4)
    nb = _draai(nb, tmp_path)
    for cel_id, (html, fouten) in _controle_uitvoer(nb).items():
        assert fouten == [], cel_id
        assert (
            "gehaald" in html[0]["data"]["text/html"]
            and "nog niet" not in (html[0]["data"]["text/html"])
        )
