"""Exercises without code: each exercise has a form cell that works when run as it is, and no
instruction speaks of things that are not on screen (a Save button, removing ``#`` signs)."""

from __future__ import annotations

import ast
import json
import shutil
from pathlib import Path

import ipywidgets
import nbformat
import pytest
from nakijkhulp import OPDRACHTEN

HIER = Path(__file__).resolve().parent.parent
#: Phrases of the old instructions that promised what the screen does not show.
OUDE_TEKST = ("Bewaren", "verwijder de #", "haal de # weg")
OUDE_FORMULIERCEL = """\
# Optie A – zonder code: open het formulier, vul het in en klik op Bewaren.
# from basismodel_edu import bewerk
# bewerk("plan.json", lagen=['missie'])
plan = begin_opdracht()
bewaar_plan(plan, "plan.json")
"""


def uitkomst(bron: str, namen: dict) -> object:
    """What a notebook shows under a cell: the value of its last line if that is an expression
    (as IPython does), else ``None``."""
    boom = ast.parse(bron)
    laatste = boom.body[-1] if boom.body and isinstance(boom.body[-1], ast.Expr) else None
    if laatste is not None:
        boom.body = boom.body[:-1]
    exec(compile(boom, "<cel>", "exec"), namen)
    if laatste is None:
        return None
    return eval(compile(ast.Expression(laatste.value), "<cel>", "eval"), namen)


def formuliercel(nb) -> nbformat.NotebookNode:
    cellen = [c for c in nb.cells if "formulier" in c.metadata.get("tags", [])]
    assert len(cellen) == 1, "one form cell per exercise"
    return cellen[0]


@pytest.mark.parametrize("opdracht", OPDRACHTEN, ids=lambda p: p.name)
def test_form_cell_run_as_it_is_shows_the_editor(opdracht, tmp_path, monkeypatch):
    nb = nbformat.read(opdracht / "opdracht.ipynb", as_version=4)
    shutil.copyfile(opdracht / "startplan.json", tmp_path / "startplan.json")
    monkeypatch.chdir(tmp_path)
    scherm = uitkomst(formuliercel(nb).source, {})
    assert isinstance(scherm, ipywidgets.Widget)
    # the form starts from the exercise's plan, and what it holds is saved
    start = json.loads((tmp_path / "startplan.json").read_text(encoding="utf-8"))
    assert (
        json.loads((tmp_path / "plan.json").read_text(encoding="utf-8"))["organisatie"]
        == (start["organisatie"])
    )


def test_the_old_form_cell_shows_nothing(tmp_path, monkeypatch):
    shutil.copyfile(OPDRACHTEN[0] / "startplan.json", tmp_path / "startplan.json")
    monkeypatch.chdir(tmp_path)
    from basismodel_edu import bewaar_plan
    from basismodel_edu.opdrachten.opdracht import begin_opdracht

    namen = {"begin_opdracht": begin_opdracht, "bewaar_plan": bewaar_plan}
    assert not isinstance(uitkomst(OUDE_FORMULIERCEL, namen), ipywidgets.Widget)


def oude_tekst(nb) -> list[str]:
    """Every old instruction still in a notebook, as ``cell id: phrase``."""
    return [f"{c.id}: {z}" for c in nb.cells for z in OUDE_TEKST if z in c.source]


@pytest.mark.parametrize("opdracht", OPDRACHTEN, ids=lambda p: p.name)
@pytest.mark.parametrize("versie", ["master.ipynb", "opdracht.ipynb"])
def test_no_instruction_speaks_of_what_is_not_on_screen(opdracht, versie):
    assert oude_tekst(nbformat.read(opdracht / versie, as_version=4)) == []


def test_old_instructions_are_found():
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(OUDE_FORMULIERCEL)])
    assert oude_tekst(nb)


def test_the_messages_speak_of_no_save_button():
    for pad in (HIER / "basismodel_edu" / "taal" / "catalogus").glob("*.toml"):
        assert "knop Bewaren" not in pad.read_text(encoding="utf-8"), pad.name


@pytest.mark.parametrize("opdracht", OPDRACHTEN, ids=lambda p: p.name)
def test_student_code_is_readable(opdracht):
    nb = nbformat.read(opdracht / "opdracht.ipynb", as_version=4)
    lang = [
        f"{c.id}: {r[:40]}…"
        for c in nb.cells
        if c.cell_type == "code"
        for r in c.source.splitlines()
        if len(r) > 100
    ]
    assert lang == []
