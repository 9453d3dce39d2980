"""The running case of the lessons: Koffiebranderij De Boon, a small coffee roaster in Arnhem.

The plan is complete and consistent: the checker finds no errors in it. Lessons and exercises
always work on a copy, so the shipped file never changes.

>>> plan = voorbeeldplan()
>>> plan.organisatie.naam
'Koffiebranderij De Boon'
"""

from __future__ import annotations

import json
import os
from importlib import resources
from pathlib import Path

from .bestand import bewaar_plan, lees_plan
from .model import Plan

__all__ = ["VOORBEELDEN", "bewaar_voorbeeld", "voorbeeldplan"]

#: name → file under ``voorbeelden/`` in the package.
VOORBEELDEN = {"koffiebranderij": "koffiebranderij.json"}


def voorbeeldplan(naam: str = "koffiebranderij") -> Plan:
    """A fresh copy of an example plan; changing it never changes the shipped file."""
    bestand = resources.files(__package__).joinpath("voorbeelden", VOORBEELDEN[naam])
    return lees_plan(json.loads(bestand.read_text(encoding="utf-8")), bron=VOORBEELDEN[naam])


def bewaar_voorbeeld(pad: str | os.PathLike[str], naam: str = "koffiebranderij") -> Path:
    """Write an example plan to ``pad`` (atomically), to start a plan of your own from."""
    return bewaar_plan(voorbeeldplan(naam), pad)
