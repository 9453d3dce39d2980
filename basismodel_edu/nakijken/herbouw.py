"""Rebuild a submission from the master: the notebook that runs is the lecturer's, with the
student's own cells in between.

Check cells are restored by cell id (a changed or deleted one is put back, and noted); each
gets the plan bytes the student handed in written into it, so nothing a kernel does to files
can change what it checks. Hidden checks are *not* put in the notebook at all: the grader runs
them in its own process against the plan bytes. Stored outputs and execution counts are
cleared, and tags that would change how a runner treats a cell (``raises-exception``,
``nbval-skip`` and the like) are removed, so a failed check fails.
"""

from __future__ import annotations

import copy
from typing import Any

from ..opdrachten.opdracht import controlecel_met_plan
from ..opdrachten.uitgave import Master, controlecellen
from ..taal.berichten import tekst

__all__ = ["herbouw", "lees_notebook"]

#: Tags that let a failing cell count as passed or skip it, in JupyterLab, nbval or nbclient.
_WEG_TAGS = {
    "raises-exception",
    "skip-execution",
    "nbval-skip",
    "nbval-ignore-output",
    "nbval-raises-exception",
    "controle",
    "verborgen",
}


def _tags(cel: Any) -> list[str]:
    tags = cel.get("metadata", {}).get("tags", [])
    return [t for t in tags if isinstance(t, str)] if isinstance(tags, list) else []


def lees_notebook(data: bytes) -> Any:
    """The notebook in ``data`` (JSON, format 4), or ``ValueError`` with a short reason."""
    import nbformat

    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        nb = nbformat.reads(data.decode("utf-8"), as_version=4)
    except Exception as e:  # not JSON, not UTF-8, not a notebook: all the same to a lecturer
        raise ValueError(str(e).splitlines()[0][:200] if str(e) else type(e).__name__) from None
    cellen = nb.get("cells")
    if not isinstance(cellen, list) or not all(isinstance(c, dict) for c in cellen):
        raise ValueError("cells")
    for c in cellen:
        if not isinstance(c.get("source", ""), str) or c.get("cell_type") not in (
            "code",
            "markdown",
            "raw",
        ):
            raise ValueError("cell")
    return nb


def herbouw(master: Master, student_nb: Any, plan: bytes | None) -> tuple[Any, list[str]]:
    """The notebook to run for one student, and the remarks about what had to be restored."""
    import nbformat

    controles = {c.id: c for c in master.controles}
    mastercellen = {c.id: c for c in controlecellen(master.nb)}
    opmerkingen: list[str] = []
    cellen = []
    for cel in student_nb.cells:
        cel_id = cel.get("id")
        if cel_id in controles:
            c = controles[cel_id]
            if not c.verborgen and cel.source.strip() != mastercellen[cel_id].source.strip():
                opmerkingen.append(tekst("nakijken.opmerking.hersteld", naam=c.naam))
            continue
        cel = copy.deepcopy(cel)
        cel.metadata = {"tags": [t for t in _tags(cel) if t not in _WEG_TAGS]}
        if cel.cell_type == "code":
            cel.outputs = []
            cel.execution_count = None
        cellen.append(cel)
    aanwezig = {c.get("id") for c in student_nb.cells}
    for c in master.controles:
        if not c.verborgen and c.id not in aanwezig:
            opmerkingen.append(tekst("nakijken.opmerking.hersteld", naam=c.naam))
    volgorde = [c.id for c in master.nb.cells]
    for c in master.controles:
        if c.verborgen:
            continue
        nieuw = copy.deepcopy(mastercellen[c.id])
        nieuw.source = controlecel_met_plan(c.argumenten, plan)
        nieuw.outputs = []
        nieuw.execution_count = None
        nieuw.metadata = {"tags": ["controle"], "editable": False, "deletable": False}
        ids = [x.get("id") for x in cellen]
        plek = len(cellen)
        for vorige in reversed(volgorde[: volgorde.index(c.id)]):
            if vorige in ids:
                plek = ids.index(vorige) + 1
                break
        cellen.insert(plek, nieuw)
    # A student's cell may carry the id of a check: ids must stay unique for the outcomes.
    gezien: set[str] = set()
    for i, cel in enumerate(cellen):
        if cel.get("id") in gezien or not isinstance(cel.get("id"), str):
            cel["id"] = f"cel-{i}"
        gezien.add(cel["id"])
    nb = nbformat.v4.new_notebook()
    nb.metadata = {
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}
    }
    nb.cells = cellen
    return nb, opmerkingen
