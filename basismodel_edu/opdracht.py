"""Checks for graded exercises (opdrachten): one call per check cell, a Dutch message on failure.

A check cell in an exercise notebook reads like a sentence::

    controleer_opdracht("plan.json", selectie=["missie"], naam="Missie compleet", punten=3)

It loads the plan the student saved, checks it against the rules the exercise selected (and,
optionally, minimum numbers of parts), prints a short confirmation when everything holds and
otherwise raises an :class:`AssertionError` that lists, in the student's language, what to improve
and which lesson teaches it:

>>> from basismodel_edu import Plan
>>> controleer_opdracht(Plan(), selectie=["BM102"], naam="Missie")
Traceback (most recent call last):
...
AssertionError: Controle 'Missie' niet gehaald (0 van 1 punt). Verbeter dit in je plan:
  ✖ BM102 missie.tekst: ...

The grader (:mod:`.beoordeling`) never trusts what a student's kernel reports: it reads the
arguments of each check cell from the master notebook with :func:`lees_controlecel` (without
running anything) and repeats the same check with :func:`toets_plan` in its own process.
"""

from __future__ import annotations

import ast
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .berichten import tekst

if TYPE_CHECKING:
    from .controle import Uitslag
    from .model import Plan

__all__ = [
    "Toetsing",
    "begin_opdracht",
    "controleer_opdracht",
    "lees_controlecel",
    "toets_plan",
]

#: Parts of a plan whose number a check can demand (``minimaal={"doelen": 2}``).
TELBAAR = (
    "doelen",
    "tactieken",
    "middelen",
    "kpis",
    "visie.ambities",
    "missie.kanalen",
    "missie.kernwaarden",
)


@dataclass
class Toetsing:
    """The outcome of one check on one plan: what failed, in the student's words."""

    naam: str
    punten: float
    problemen: list[str] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)
    uitslag: Uitslag | None = None

    @property
    def geslaagd(self) -> bool:
        return not self.problemen

    def melding(self, taal: str | None = None) -> str:
        """The text a student reads: a confirmation, or the list of what to improve."""
        if self.geslaagd:
            return tekst("opdracht.geslaagd", taal, naam=self.naam, punten=self.punten)
        kop = tekst("opdracht.niet_gehaald", taal, naam=self.naam, punten=self.punten)
        return kop + "\n" + "\n".join("  " + p for p in self.problemen)


def begin_opdracht(
    pad: str | os.PathLike[str] = "plan.json", start: str = "startplan.json"
) -> Plan:
    """Open the plan of an exercise; the first time, start it as a copy of the exercise's plan.

    The exercise ships ``startplan.json`` (the case, and the layers given); your work goes into
    ``plan.json`` beside it, which is what you hand in and what is graded.
    """
    import shutil

    from .bestand import laad_plan

    pad = Path(pad)
    if not pad.exists() and Path(start).exists():
        shutil.copyfile(start, pad)
    return laad_plan(pad)


def _laad(plan: Any) -> tuple[Plan | None, str | None]:
    """The plan from a path, a dict (a plan's JSON data) or a Plan; else the reason why not."""
    from .bestand import laad_plan, lees_plan
    from .model import Plan, PlanFout

    if isinstance(plan, Plan):
        return plan, None
    if plan is None:  # the grader found no plan file in the submission
        return None, tekst("opdracht.plan_ontbreekt", pad="plan.json")
    try:
        if isinstance(plan, bytes):  # the content of a plan file, as the grader keeps it
            try:
                plan = json.loads(plan.decode("utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError) as e:
                return None, tekst("opdracht.plan_onleesbaar", pad="plan.json", fout=str(e))
        if isinstance(plan, dict):
            return lees_plan(plan, bron="plan"), None
        pad = Path(plan)
        if not pad.exists():
            return None, tekst("opdracht.plan_ontbreekt", pad=str(plan))
        return laad_plan(pad), None
    except PlanFout as e:
        return None, tekst("opdracht.plan_onleesbaar", pad=str(plan), fout=str(e))


def toets_plan(
    plan: Any,
    selectie: str | list[str] | None = None,
    *,
    minimaal: dict[str, int] | None = None,
    streng: bool = False,
    naam: str = "",
    punten: float = 1,
    taal: str | None = None,
) -> Toetsing:
    """Check ``plan`` (path, JSON data or :class:`Plan`) the way a check cell does; never raises
    for a student's mistake, so the grader can score every plan.

    ``selectie`` picks the rules (families, layers, codes, as in :func:`controleer`); errors fail
    the check, warnings only when ``streng``. ``minimaal`` demands a least number of parts.
    """
    from .controle import controleer

    naam = naam or tekst("opdracht.naamloos", taal)
    geladen, reden = _laad(plan)
    if geladen is None:
        return Toetsing(naam, punten, [f"✖ {reden}"], ["PLAN"])
    uitslag = controleer(geladen, selectie)
    ernsten = {"fout", "waarschuwing"} if streng else {"fout"}
    problemen, codes = [], []
    for b in uitslag.bevindingen:
        if b.ernst in ernsten:
            problemen.append(f"✖ {b.code} {b.pad}: {b.bericht(taal)} → {b.oplossing(taal)}")
            codes.append(b.code)
    for deel, aantal in (minimaal or {}).items():
        if deel not in TELBAAR:
            raise ValueError(
                tekst("opdracht.onbekend_deel", taal, deel=deel, delen=", ".join(TELBAAR))
            )
        waarde: Any = geladen
        for stap in deel.split("."):
            waarde = getattr(waarde, stap)
        if len(waarde) < aantal:
            problemen.append(
                "✖ " + tekst("opdracht.te_weinig", taal, deel=deel, aantal=aantal, nu=len(waarde))
            )
            codes.append(f"AANTAL:{deel}")
    return Toetsing(naam, punten, problemen, codes, uitslag)


def controleer_opdracht(
    plan: Any = "plan.json",
    selectie: str | list[str] | None = None,
    *,
    minimaal: dict[str, int] | None = None,
    streng: bool = False,
    naam: str = "",
    punten: float = 1,
) -> Uitslag | None:
    """Check the saved plan for one part of an exercise; raise ``AssertionError`` if it fails.

    ``plan`` is the path of the plan file the exercise ships (``"plan.json"``), the plan's JSON
    data, or a :class:`Plan`. On success it prints a confirmation and returns the findings (so
    warnings and hints stay visible); on failure the message says what to improve and where.
    """
    __tracebackhide__ = True  # pytest then shows the message, not this function
    toetsing = toets_plan(
        plan, selectie, minimaal=minimaal, streng=streng, naam=naam, punten=punten
    )
    if not toetsing.geslaagd:
        raise AssertionError(toetsing.melding())
    print(toetsing.melding())
    return toetsing.uitslag


#: Arguments of a check, in the order ``controleer_opdracht`` takes them positionally.
_POSITIE = ("plan", "selectie")


def lees_controlecel(bron: str) -> dict[str, Any] | None:
    """The arguments of the ``controleer_opdracht(...)`` call in a cell's source, read without
    running it (literals only), or ``None`` when the cell has no such call.

    >>> lees_controlecel('controleer_opdracht("plan.json", ["missie"], naam="M", punten=2)')
    {'plan': 'plan.json', 'selectie': ['missie'], 'naam': 'M', 'punten': 2}
    """
    try:
        boom = ast.parse(bron)
    except SyntaxError:
        return None
    for knoop in ast.walk(boom):
        if not isinstance(knoop, ast.Call):
            continue
        functie = knoop.func
        naam = getattr(functie, "id", None) or getattr(functie, "attr", None)
        if naam != "controleer_opdracht":
            continue
        argumenten: dict[str, Any] = {}
        for positie, arg in zip(_POSITIE, knoop.args, strict=False):
            argumenten[positie] = ast.literal_eval(arg)
        for kw in knoop.keywords:
            if kw.arg is not None:
                argumenten[kw.arg] = ast.literal_eval(kw.value)
        return argumenten
    return None


def controlecel_met_plan(argumenten: dict[str, Any], plan_data: bytes | None) -> str:
    """The source of a check cell that checks ``plan_data`` itself instead of a file on disk.

    The grader uses this when it rebuilds a submission: the plan the student handed in is written
    into the cell, so nothing another notebook does to files during the batch can change it.
    ``plan_data`` is the file's content; ``None`` means the file was missing, and the cell then
    fails with the usual message.
    """
    args = dict(argumenten)
    args.pop("plan", None)
    delen = [repr(plan_data)]
    delen += [f"{k}={v!r}" for k, v in args.items()]
    return (
        "from basismodel_edu.opdracht import controleer_opdracht\n\n"
        f"controleer_opdracht({', '.join(delen)})"
    )
