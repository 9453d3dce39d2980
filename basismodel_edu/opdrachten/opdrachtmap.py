"""What an exercise folder holds, and which of it a student gets (standard library only).

``exercises/<naam>/`` holds the lecturer's ``master.ipynb``, the student version
``opdracht.ipynb``, the plan the exercise starts from and any data the student works with. The
course view (:mod:`basismodel_edu.lesstof.cursus`), the browser site and the grader all read this
one description, so a student never gets a master and the grader runs exactly the data the
student had.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["DATABESTANDEN", "STUDENTBESTANDEN", "opdrachtdata"]

#: Files of an exercise folder a student gets; everything else (master.ipynb) stays out.
STUDENTBESTANDEN = ("opdracht.ipynb", "startplan.json")
#: Data an exercise ships beside them (an export to import, lesson 06): every file with these
#: endings in the exercise folder.
DATABESTANDEN = (".csv", ".xlsx", ".zip")


def opdrachtdata(map_: Path) -> list[Path]:
    """The data files an exercise folder ships for the student (see :data:`DATABESTANDEN`)."""
    return sorted(p for p in map_.iterdir() if p.is_file() and p.suffix.lower() in DATABESTANDEN)
