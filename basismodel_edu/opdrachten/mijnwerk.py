"""All of a student's own work in one zip: ``pak_alles_in()`` (issue 13, "download all my work").

In the browser site a student's files live in the browser's storage (same browser, same
computer; a lab computer may clear it). One zip of everything the student made is the copy they
keep: the lessons' ``werk/`` folders (the forms' plan files), and per exercise the plan, its last
saved version, the notebook with their answers and a hand-in zip. The course's own files are left
out: a republished course brings those anew. Works the same in JupyterLab on a laptop.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from ..taal.berichten import getal, tekst
from .inleveren import _Bewijs

__all__ = ["Pakket", "eigen_werk", "pak_alles_in"]

#: What a student makes, as patterns under the course folder (the course ships none of these).
PATRONEN = (
    "notebooks/werk/**/*",
    "exercises/*/plan.json",
    "exercises/*/plan.vorige.json",
    "exercises/*/opdracht.ipynb",
    "exercises/*/*-inlevering.zip",
)
NAAM = "mijn-werk.zip"


def _cursusmap(begin: Path) -> Path:
    """The course folder: the first of ``begin`` and its parents that holds notebooks/ and
    exercises/ (a lesson runs in notebooks/, an exercise in exercises/<name>/)."""
    for map_ in (begin, *begin.parents):
        if (map_ / "notebooks").is_dir() and (map_ / "exercises").is_dir():
            return map_
    raise FileNotFoundError(tekst("mijnwerk.geen_cursus", pad=str(begin)))


def eigen_werk(cursus: str | os.PathLike[str]) -> list[str]:
    """The student's own files in the course folder ``cursus``, as sorted relative paths."""
    cursus = Path(cursus)
    gevonden = {
        p.relative_to(cursus).as_posix()
        for patroon in PATRONEN
        for p in cursus.glob(patroon)
        if p.is_file() and not p.name.startswith(".")
    }
    return sorted(gevonden - {NAAM})


@dataclass
class Pakket(_Bewijs):
    """What ``pak_alles_in`` wrote: the zip and the files in it (or why nothing was written)."""

    _SLEUTEL = "mijnwerk"

    pad: Path | None
    bestanden: list[str]
    fout: str | None = None

    def __str__(self) -> str:
        if self.fout:
            return self.fout
        return tekst(
            "mijnwerk.klaar",
            bestand=self.pad.name if self.pad else "",
            aantal=len(self.bestanden),
            grootte=getal(round(self._kb(), 1)),
        )

    def _kb(self) -> float:
        return self.pad.stat().st_size / 1024 if self.pad and self.pad.exists() else 0.0


def pak_alles_in(begin: str | os.PathLike[str] = ".", nu: dt.datetime | None = None) -> Pakket:
    """Put all of the student's own work (:data:`PATRONEN`) in one zip, ``mijn-werk.zip`` in the
    course folder, and say where it is and how to download it. Run from a lesson or an exercise:
    the course folder is found upward from ``begin``. Never raises for a student's situation."""
    try:
        cursus = _cursusmap(Path(begin).resolve())
    except FileNotFoundError as e:
        return Pakket(None, [], str(e))
    bestanden = eigen_werk(cursus)
    if not bestanden:
        return Pakket(None, [], tekst("mijnwerk.leeg"))
    moment = (nu or dt.datetime.now()).timetuple()[:6]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for naam in bestanden:
            info = zipfile.ZipInfo(naam, date_time=moment)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, (cursus / naam).read_bytes())
    doel = cursus / NAAM
    fd, tijdelijk = tempfile.mkstemp(prefix=f".{NAAM}.", suffix=".tmp", dir=cursus)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(buffer.getvalue())
        os.replace(tijdelijk, doel)  # the old zip stays until the new one is whole
    finally:
        if os.path.exists(tijdelijk):
            os.unlink(tijdelijk)
    return Pakket(doel, bestanden)
