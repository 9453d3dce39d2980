"""Build class submissions from an exercise's master, for the grading tests and the benchmark."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
OPDRACHTEN = sorted(p.parent for p in (ROOT / "exercises").glob("*/master.ipynb"))


@contextlib.contextmanager
def _in(map_: Path):
    oud = Path.cwd()
    os.chdir(map_)
    try:
        yield
    finally:
        os.chdir(oud)


def oplossingsplan(opdracht: Path, doel: Path) -> Path:
    """Write the master's model-solution plan to ``doel/plan.json`` by running the master's
    start and solution cells in this process (the lecturer's own code, nothing of a student)."""
    from basismodel_edu.opdrachten.opdrachtmap import opdrachtdata

    doel.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(opdracht / "startplan.json", doel / "startplan.json")
    data = opdrachtdata(opdracht)  # an export the solution imports (lesson 06)
    for bestand in data:
        shutil.copyfile(bestand, doel / bestand.name)
    nb = nbformat.read(opdracht / "master.ipynb", as_version=4)
    with _in(doel), contextlib.redirect_stdout(None):
        ruimte: dict = {}
        for cel in nb.cells:
            if cel.id == "opstart" or "oplossing" in cel.metadata.get("tags", []):
                exec(cel.source, ruimte)
    (doel / "startplan.json").unlink()
    for bestand in data:
        (doel / bestand.name).unlink()
    return doel / "plan.json"


def student_nb(opdracht: Path):
    return nbformat.read(opdracht / "opdracht.ipynb", as_version=4)


def voeg_cel_in(nb, bron: str, voor: str = "uitleg-controle", id_: str = "eigen-cel"):
    """Put a code cell of the student's own before the cell with id ``voor``."""
    cel = nbformat.v4.new_code_cell(bron)
    cel.id = id_
    i = [c.id for c in nb.cells].index(voor)
    nb.cells.insert(i, cel)
    return nb


def inzending(
    wortel: Path,
    student: str,
    nb=None,
    plan: Path | dict | None = None,
    ruw: str | None = None,
) -> Path:
    """One student's folder: the notebook (or ``ruw`` text instead) and the plan file."""
    map_ = wortel / student
    map_.mkdir(parents=True)
    if ruw is not None:
        (map_ / "opdracht.ipynb").write_text(ruw, encoding="utf-8")
    elif nb is not None:
        nbformat.write(nb, map_ / "opdracht.ipynb")
    if isinstance(plan, Path):
        shutil.copyfile(plan, map_ / "plan.json")
    elif isinstance(plan, dict):
        (map_ / "plan.json").write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")
    return map_
