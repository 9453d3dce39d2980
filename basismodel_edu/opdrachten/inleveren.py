"""Handing in an exercise (the student's side), and restoring a plan file broken by hand.

``lever_in()`` at the end of an exercise checks that the notebook and the plan are saved and
complete, and writes ONE file beside them, ``<opdracht>-inlevering.zip``, holding exactly
``opdracht.ipynb``, ``plan.json`` and ``inlevering.json``: a manifest with the exercise's name, the
package version, the time, the SHA-256 of both files and the points the visible checks give now.
The manifest holds no name of the student: the grader takes identity from the download's file
and folder names, never from what a student can write.

``lever_in()`` never raises: a refusal is a panel that says what to do, so Run All goes on and a
grader that runs the notebook sees no failing cell.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..taal.berichten import datum, tekst

__all__ = ["Bon", "herstel_plan", "lever_in", "maak_inlevering"]

NOTEBOOK = "opdracht.ipynb"
PLAN = "plan.json"
MANIFEST = "inlevering.json"


class InleverFout(ValueError):
    """Why an exercise cannot be handed in yet, in the student's words."""


class _Bewijs:
    """How a receipt shows itself: as its sentence in a terminal, as a green (done) or red
    (not done) box in a notebook. Subclasses set ``_SLEUTEL`` (their catalogue section) and
    ``fout``; the hand-in's receipt and the "download all my work" receipt share it."""

    _SLEUTEL = ""
    fout: str | None

    def __repr__(self) -> str:
        return str(self)

    def _repr_html_(self) -> str:
        from ..taal.sjabloon import html

        return html(
            "bon.html.j2",
            gelukt=self.fout is None,
            kop=tekst(f"{self._SLEUTEL}.kop" if self.fout is None else f"{self._SLEUTEL}.kop_niet"),
            tekst=str(self),
        )


@dataclass
class Bon(_Bewijs):
    """The receipt of a hand-in: the file written and what the manifest promises."""

    _SLEUTEL = "inleveren"

    pad: Path | None
    manifest: dict[str, Any] | None
    fout: str | None = None

    def __str__(self) -> str:
        if self.fout:
            return self.fout
        m = self.manifest or {}
        zin = tekst(
            "inleveren.klaar",
            bestand=self.pad.name if self.pad else "",
            tijd=datum(dt.datetime.fromisoformat(m["gemaakt"]).astimezone()),
            punten=m["zichtbare_punten"],
            maximum=m["max_punten"],
        )
        if m.get("rubriek_punten"):
            zin += " " + tekst("inleveren.rubriek", punten=m["rubriek_punten"])
        return zin


def _zichtbare_punten(nb: Any, plan: bytes) -> tuple[float, float]:
    from .opdracht import deelpunten, getoetste_regels, lees_controlecel, toets_plan

    behaald = maximum = 0.0
    for cel in nb.cells:
        if cel.cell_type != "code" or "controle" not in cel.metadata.get("tags", []):
            continue
        argumenten = lees_controlecel(cel.source) or {}
        meta = cel.metadata.get("basismodel", {})
        punten = float(meta.get("punten", 0))
        argumenten.pop("plan", None)
        argumenten.pop("punten", None)
        maximum += punten
        toetsing = toets_plan(plan, **argumenten)
        if toetsing.geslaagd:
            behaald += punten
        elif meta.get("deelpunten") is True and "PLAN" not in toetsing.codes:
            # The same count the grader makes, so the receipt promises what grade gives.
            gefaald = set(toetsing.codes)
            getoetst = len(getoetste_regels(argumenten, gefaald))
            behaald += deelpunten(punten, getoetst - len(gefaald), getoetst)
    return behaald, maximum


def _rubriekpunten(nb: Any) -> float:
    """The points of the rubric the student version shows (what the lecturer judges)."""
    totaal = 0.0
    for cel in nb.cells:
        if "rubriek" in cel.metadata.get("tags", []):
            for c in cel.metadata.get("basismodel", {}).get("rubriek", []) or []:
                if isinstance(c, dict) and isinstance(c.get("punten"), int | float):
                    totaal += float(c["punten"])
    return totaal


class _Knoop(dict):
    """A notebook's JSON with attribute access, as nbformat's NotebookNode gives it."""

    def __getattr__(self, naam: str) -> Any:
        try:
            return self[naam]
        except KeyError:
            raise AttributeError(naam) from None


def _lees_notebook(data: bytes) -> _Knoop:
    """The saved notebook (format 4) as plain JSON, or ``ValueError``.

    Not with nbformat: its schema libraries take about three seconds to import (measured here),
    which made the hand-in cell the slowest cell of an exercise, in the student's kernel and in
    the grader's sandbox, where a cell has a time limit.
    """
    nb = json.loads(data.decode("utf-8"), object_hook=_Knoop)
    if not isinstance(nb, dict) or nb.get("nbformat") != 4 or not isinstance(nb.get("cells"), list):
        raise ValueError("notebook")
    for c in nb["cells"]:
        if not isinstance(c, dict) or c.get("cell_type") not in ("code", "markdown", "raw"):
            raise ValueError("cell")
        bron = c.get("source", "")
        if isinstance(bron, list) and all(isinstance(r, str) for r in bron):
            c["source"] = "".join(bron)  # nbformat's own JSON may store a source line by line
        elif not isinstance(bron, str):
            raise ValueError("source")
        if not isinstance(c.setdefault("metadata", _Knoop()), dict):
            raise ValueError("metadata")
    if not isinstance(nb.setdefault("metadata", _Knoop()), dict):
        raise ValueError("metadata")
    return nb


def maak_inlevering(map_: str | os.PathLike[str] = ".", nu: dt.datetime | None = None) -> Bon:
    """Check the exercise in folder ``map_`` and write its hand-in zip; raise
    :class:`InleverFout` with what to do first when the notebook or the plan is not ready."""
    from ..plan.bestand import lees_plan
    from ..plan.model import PlanFout

    map_ = Path(map_)
    nb_pad, plan_pad = map_ / NOTEBOOK, map_ / PLAN
    if not nb_pad.exists():
        raise InleverFout(tekst("inleveren.geen_notebook", pad=nb_pad.name))
    if not plan_pad.exists():
        raise InleverFout(tekst("inleveren.geen_plan", pad=plan_pad.name))
    nb_data, plan_data = nb_pad.read_bytes(), plan_pad.read_bytes()
    try:
        nb = _lees_notebook(nb_data)
    except (ValueError, RecursionError):  # any unreadable notebook: the same advice
        raise InleverFout(tekst("inleveren.kapotte_notebook", pad=nb_pad.name)) from None
    try:
        lees_plan(json.loads(plan_data.decode("utf-8")), bron=plan_pad.name)
    except (ValueError, PlanFout):
        raise InleverFout(tekst("inleveren.kapot_plan", pad=plan_pad.name)) from None
    controles = [c for c in nb.cells if "controle" in c.metadata.get("tags", [])]
    if any(c.cell_type == "code" and not c.get("outputs") for c in controles):
        # the checks ran in the kernel but the notebook on disk has not got their results yet
        raise InleverFout(tekst("inleveren.niet_bewaard", pad=nb_pad.name))
    naam = nb.metadata.get("basismodel", {}).get("opdracht") or map_.resolve().name
    behaald, maximum = _zichtbare_punten(nb, plan_data)
    from .. import __version__

    manifest = {
        "opdracht": naam,
        "versie": __version__,
        "gemaakt": (nu or dt.datetime.now(dt.UTC)).isoformat(timespec="seconds"),
        "bestanden": {
            NOTEBOOK: hashlib.sha256(nb_data).hexdigest(),
            PLAN: hashlib.sha256(plan_data).hexdigest(),
        },
        "zichtbare_punten": behaald,
        "max_punten": maximum,
        "rubriek_punten": _rubriekpunten(nb),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(NOTEBOOK, nb_data)
        z.writestr(PLAN, plan_data)
        z.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=2) + "\n")
    doel = map_ / f"{naam}-inlevering.zip"
    fd, tijdelijk = tempfile.mkstemp(prefix=f".{doel.name}.", suffix=".tmp", dir=map_)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(buffer.getvalue())
        os.replace(tijdelijk, doel)  # never half a zip: the old one stays until the new is whole
    finally:
        if os.path.exists(tijdelijk):
            os.unlink(tijdelijk)
    return Bon(doel, manifest)


def lever_in(map_: str | os.PathLike[str] = ".") -> Bon:
    """Hand in the exercise in ``map_`` (the notebook's own folder): write the zip and show a
    receipt, or show what to do first. Never raises for a student's mistake."""
    try:
        return maak_inlevering(map_)
    except InleverFout as e:
        return Bon(None, None, str(e))


class Melding(str):
    """A message that a notebook shows as plain text (without quotes)."""

    def __repr__(self) -> str:
        return str(self)


def herstel_plan(pad: str | os.PathLike[str] = PLAN) -> Melding:
    """Put back the last saved version of the plan (``plan.vorige.json``) when the plan file is
    unreadable; a readable plan is left alone, so running the cell by accident does no harm.

    The broken file is first set aside under a new name (never deleted). Returns what happened,
    in the student's words."""
    import shutil

    from ..plan.bestand import laad_plan, vorige_versie
    from ..plan.model import PlanFout

    pad = Path(pad)
    try:
        laad_plan(pad)
        return Melding(tekst("inleveren.in_orde", pad=pad.name))
    except (PlanFout, OSError):
        pass
    vorige = vorige_versie(pad)
    try:
        laad_plan(vorige)
    except (PlanFout, OSError):
        return Melding(tekst("inleveren.geen_vorige", pad=vorige.name))
    opzij = None
    if pad.exists():
        from ..plan.bestand import zet_opzij

        opzij = zet_opzij(pad)
    tijdelijk = pad.with_name(f".{pad.name}.herstel.tmp")
    shutil.copyfile(vorige, tijdelijk)
    os.replace(tijdelijk, pad)
    if opzij is None:
        return Melding(tekst("inleveren.hersteld", pad=pad.name, vorige=vorige.name))
    return Melding(
        tekst("inleveren.hersteld_opzij", pad=pad.name, vorige=vorige.name, opzij=opzij.name)
    )
