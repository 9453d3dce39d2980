"""The course view: the one folder ``python tasks.py lab`` opens for a student.

The repository holds more than a student should see: the lecturer's master notebooks with the
model solutions and hidden checks, the plan editor, tests. The view ``cursus/`` (git-ignored)
holds only what a student works with, under the same names as in the repository, so that a
relative link in a lesson (``../exercises/missie_fietsenmaker/opdracht.ipynb``) resolves both in
the repository and in the view::

    cursus/
      notebooks/01_missie.ipynb …          the lessons (not the editor)
      exercises/<naam>/opdracht.ipynb      the student version of each exercise
      exercises/<naam>/startplan.json      the plan the exercise starts from

A student's own work lives only in the view (``plan.json``, their answers in ``opdracht.ipynb``,
a lesson's ``werk/`` folder), never in a file that git tracks, so a ``git pull`` of a course
update never conflicts with it. Refreshing the view copies a course file only when the student
has not changed the copy since it was last written: ``.cursus.json`` keeps the SHA-256 of every
file as it was copied. For a notebook it also keeps the SHA-256 of its cells' sources: JupyterLab
rewrites a notebook's metadata and outputs when a student opens, runs and saves it, and a copy
whose sources are still the course's is no work of the student, so it is updated too.
Standard library only (with :mod:`..opdrachten.opdrachtmap`): ``tasks.py lab`` runs it before anything else.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

from ..opdrachten.opdrachtmap import STUDENTBESTANDEN, opdrachtdata

__all__ = ["Verversing", "bestanden", "opdrachtdata", "ververs", "zonder_versie"]

#: The file in the view that remembers what the course last wrote.
STAND = ".cursus.json"
#: Notebooks in notebooks/ that are no lesson.
GEEN_LES = ("editor.ipynb",)


@dataclass
class Verversing:
    """What a refresh did: files written new, updated, and left alone because the student
    changed them."""

    nieuw: list[str] = field(default_factory=list)
    bijgewerkt: list[str] = field(default_factory=list)
    eigen_werk: list[str] = field(default_factory=list)


def bestanden(bron: str | os.PathLike[str]) -> dict[str, Path]:
    """The course files of the repository ``bron`` for the view: relative path → source file."""
    bron = Path(bron)
    uit: dict[str, Path] = {}
    for les in sorted((bron / "notebooks").glob("*.ipynb")):
        if les.name not in GEEN_LES:
            uit[f"notebooks/{les.name}"] = les
    for map_ in sorted(p for p in (bron / "exercises").iterdir() if p.is_dir()):
        for naam in STUDENTBESTANDEN:
            if (map_ / naam).is_file():
                uit[f"exercises/{map_.name}/{naam}"] = map_ / naam
        for data in opdrachtdata(map_):
            uit[f"exercises/{map_.name}/{data.name}"] = data
    return uit


def _hash(pad: Path) -> str:
    return hashlib.sha256(pad.read_bytes()).hexdigest()


def _bronhash(pad: Path) -> str | None:
    """The SHA-256 of a notebook's cell types and sources (``None`` for other or broken files)."""
    if pad.suffix != ".ipynb":
        return None
    try:
        cellen = json.loads(pad.read_text(encoding="utf-8"))["cells"]
        bron = [[c["cell_type"], "".join(c["source"])] for c in cellen]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return hashlib.sha256(json.dumps(bron).encode("utf-8")).hexdigest()


def ververs(bron: str | os.PathLike[str], doel: str | os.PathLike[str]) -> Verversing:
    """Build or refresh the course view ``doel`` from the repository ``bron``.

    A file missing from the view is copied; a file the student has not changed since the last
    refresh is replaced by the course's current version; a file the student changed is kept.
    Each copy is written to a temporary file and put in place with ``os.replace``.
    """
    doel = Path(doel)
    doel.mkdir(parents=True, exist_ok=True)
    stand_pad = doel / STAND
    try:
        stand = json.loads(stand_pad.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        stand = {}
    uit = Verversing()
    for relatief, bronbestand in bestanden(bron).items():
        pad = doel / relatief
        nieuw = _hash(bronbestand)
        vorig = stand.get(relatief)
        if not isinstance(vorig, dict):
            vorig = {"bytes": vorig}
        if pad.exists():
            huidig = _hash(pad)
            if huidig == nieuw:
                stand[relatief] = {"bytes": nieuw, "bron": _bronhash(bronbestand)}
                continue
            ongewijzigd = vorig.get("bytes") == huidig or (
                vorig.get("bron") is not None and vorig.get("bron") == _bronhash(pad)
            )
            if not ongewijzigd:  # changed by the student: their work wins
                uit.eigen_werk.append(relatief)
                continue
            uit.bijgewerkt.append(relatief)
        else:
            uit.nieuw.append(relatief)
        pad.parent.mkdir(parents=True, exist_ok=True)
        tijdelijk = pad.with_name(pad.name + ".tmp")
        shutil.copyfile(bronbestand, tijdelijk)
        os.replace(tijdelijk, pad)
        stand[relatief] = {"bytes": nieuw, "bron": _bronhash(bronbestand)}
    tijdelijk = stand_pad.with_name(STAND + ".tmp")
    tijdelijk.write_text(json.dumps(stand, indent=1, sort_keys=True), encoding="utf-8")
    os.replace(tijdelijk, stand_pad)
    return uit


def zonder_versie(model: dict, **_: object) -> None:
    """Jupyter's ``pre_save_hook``: drop ``language_info.version`` from a notebook being saved.

    The kernel reports its Python's version (3.11.7, 3.12.1 …) and JupyterLab writes it on
    every save, so a lesson opened with another Python showed as changed in ``git status`` and a
    course update conflicted. The stored lessons carry no version; with this hook a save keeps
    it that way (``tasks.py lab`` sets it). Other files and other metadata are left alone.
    """
    if model.get("type") != "notebook" or not isinstance(model.get("content"), dict):
        return
    info = model["content"].get("metadata", {}).get("language_info")
    if isinstance(info, dict):
        info.pop("version", None)


def main(argv: list[str] | None = None) -> int:
    """``python -m basismodel_edu.cursus BRON DOEL``: refresh the view and say what changed."""
    from ..taal.berichten import tekst

    bron, doel = (argv if argv is not None else sys.argv[1:])[:2]
    v = ververs(bron, doel)
    print(tekst("cursus.klaar", pad=doel, nieuw=len(v.nieuw), bijgewerkt=len(v.bijgewerkt)))
    for relatief in v.eigen_werk:
        print(tekst("cursus.eigen_werk", pad=relatief))
    return 0


if __name__ == "__main__":
    sys.exit(main())
