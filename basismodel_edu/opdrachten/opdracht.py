"""Checks for graded exercises (opdrachten): one call per check cell, a Dutch message on failure.

A check cell in an exercise notebook reads like a sentence::

    controleer_opdracht("plan.json", selectie=["missie"], naam="Missie compleet", punten=3)

It loads the plan the student saved, checks it against the rules the exercise selected (and,
optionally, minimum numbers of parts) and shows a panel: a short confirmation when everything
holds, otherwise, in the student's language, what is wrong, why it matters in the model, how to
fix it and which lesson teaches it. A failed check then raises :class:`ControleNietGehaald` (an
:class:`AssertionError`, so a test or the grader sees the cell fail), which in a notebook shows one
short line instead of a traceback: the panel above it says everything.

>>> from basismodel_edu import Plan
>>> controleer_opdracht(Plan(), selectie=["BM102"], naam="Missie")
Traceback (most recent call last):
...
basismodel_edu.opdrachten.opdracht.ControleNietGehaald: Controle 'Missie' niet gehaald (0 van 1 punt). ...
  ✖ BM102 missie.tekst: ...

The grader (:mod:`.beoordeling`) never trusts what a student's kernel reports: it reads the
arguments of each check cell from the master notebook with :func:`lees_controlecel` (without
running anything) and repeats the same check with :func:`toets_plan` in its own process.
"""

from __future__ import annotations

import ast
import json
import math
import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..taal.berichten import tekst, tekst_delen

if TYPE_CHECKING:
    from ..controle.motor import Uitslag
    from ..plan.model import Plan

__all__ = [
    "ControleNietGehaald",
    "Controlepaneel",
    "Toetsing",
    "beantwoord",
    "begin_opdracht",
    "controleer_opdracht",
    "deelpunten",
    "getoetste_regels",
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
    #: Per problem, its parts for the panel: ``wat``, ``waarom``, ``hoe``, ``les``, ``waar``.
    details: list[dict[str, str]] = field(default_factory=list)

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

    from ..plan.bestand import laad_plan

    pad = Path(pad)
    if not pad.exists() and Path(start).exists():
        shutil.copyfile(start, pad)
    return laad_plan(pad)


def beantwoord(vraag: str, antwoord: str, pad: str | os.PathLike[str] = "plan.json") -> Plan:
    """Keep your written answer to question ``vraag`` in the plan file, so it is handed in and
    graded with the plan (the exercise says which questions there are, e.g. a KPI's id).

    Running it again with a new text replaces the answer; an empty text removes it.
    """
    from ..plan.bestand import bewaar_plan

    plan = begin_opdracht(pad)
    antwoorden = dict(plan.antwoorden)
    if antwoord.strip():
        antwoorden[vraag] = antwoord.strip()
    else:
        antwoorden.pop(vraag, None)
    plan.antwoorden = antwoorden
    bewaar_plan(plan, pad)
    return plan


def _laad(plan: Any) -> tuple[Plan | None, str | None]:
    """The plan from a path, a dict (a plan's JSON data) or a Plan; else the reason why not."""
    from ..plan.bestand import laad_plan, lees_plan
    from ..plan.model import Plan, PlanFout

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
    tel_mee: Iterable[str] = (),
    eisen: Iterable[str] = (),
    naam: str = "",
    punten: float = 1,
    taal: str | None = None,
) -> Toetsing:
    """Check ``plan`` (path, JSON data or :class:`Plan`) the way a check cell does; never raises
    for a student's mistake, so the grader can score every plan.

    ``selectie`` picks the rules (families, layers, codes, as in :func:`controleer`); errors fail
    the check, warnings only when ``streng``. A rule that judges text by heuristics (thin text,
    SMART from text, vanity words: ``Regel.heuristiek``) can be wrong about a good answer, so its
    warnings fail the check only when the exercise names the rule in ``tel_mee`` (codes); else
    the student still sees them. ``minimaal`` demands a least number of parts, and ``eisen``
    names requirements on the student's own answers (:data:`.opdrachteisen.EISEN`).
    """
    from ..controle.motor import REGELS, controleer
    from .opdrachteisen import EISEN, bestaat, toets_eisen

    naam = naam or tekst("opdracht.naamloos", taal)
    geladen, reden = _laad(plan)
    if geladen is None:
        return Toetsing(naam, punten, [f"✖ {reden}"], ["PLAN"], details=[{"wat": reden}])
    uitslag = controleer(geladen, selectie)
    gekozen = set(tel_mee)
    onbekend = sorted(gekozen - set(REGELS))
    if onbekend:
        raise ValueError(tekst("opdracht.onbekende_regel", taal, code=onbekend[0]))
    eisen = list(eisen)
    for eis in eisen:
        if not bestaat(eis):
            raise ValueError(
                tekst(
                    "opdracht.onbekende_eis",
                    taal,
                    eis=eis,
                    eisen=", ".join([*EISEN, "antwoord:..."]),
                )
            )

    def telt(b) -> bool:
        if b.ernst == "fout" or b.code in gekozen:
            return b.ernst != "hint"
        return b.ernst == "waarschuwing" and streng and not REGELS[b.code].heuristiek

    problemen, codes, details = [], [], []
    for b in uitslag.bevindingen:
        if telt(b):
            problemen.append(f"✖ {b.code} {b.pad}: {b.bericht(taal)} → {b.oplossing(taal)}")
            codes.append(b.code)
            delen = b.delen(taal)
            details.append(
                {
                    "wat": delen.get("wat", ""),
                    "waarom": delen.get("waarom", ""),
                    "hoe": delen.get("hoe", ""),
                    "les": tekst("les." + b.les, taal),
                    "waar": f"{b.code} {b.pad}",
                }
            )
    for deel, aantal in (minimaal or {}).items():
        if deel not in TELBAAR:
            raise ValueError(
                tekst("opdracht.onbekend_deel", taal, deel=deel, delen=", ".join(TELBAAR))
            )
        waarde: Any = geladen
        for stap in deel.split("."):
            waarde = getattr(waarde, stap)
        if len(waarde) < aantal:
            zin = tekst("opdracht.te_weinig", taal, deel=deel, aantal=aantal, nu=len(waarde))
            problemen.append("✖ " + zin)
            codes.append(f"AANTAL:{deel}")
            details.append({"wat": zin})
    for eis, les, (waar, sleutel, waarden) in toets_eisen(geladen, eisen):
        delen = tekst_delen(sleutel, taal, **waarden)
        les = tekst("les." + les, taal) if les else ""
        uitleg = f"{delen['wat']} {delen['waarom']} → {delen['hoe']}"
        problemen.append(f"✖ {waar}: {uitleg} ({les})" if les else f"✖ {waar}: {uitleg}")
        codes.append(f"EIS:{eis}")
        details.append({**delen, "les": les, "waar": waar})
    return Toetsing(naam, punten, problemen, codes, uitslag, details)


# --- partial credit: the grader and the hand-in receipt count the same way -------------


def getoetste_regels(argumenten: dict, gefaald: set[str]) -> set[str]:
    """The rules a check's arguments make count: every selected rule that can fail it (an
    error; a warning when ``streng`` and not heuristic; a rule named in ``tel_mee``), one
    ``AANTAL:<deel>`` per ``minimaal`` entry, and whatever failed."""
    from ..controle.motor import kies_regels

    tel_mee = set(argumenten.get("tel_mee") or ())
    streng = bool(argumenten.get("streng"))
    uit = set(gefaald)
    for r in kies_regels(argumenten.get("selectie")):
        ernsten = {r.ernst, r.lerend_ernst}
        if (
            "fout" in ernsten
            or (r.code in tel_mee and ernsten - {"hint", None})
            or (streng and not r.heuristiek and "waarschuwing" in ernsten)
        ):
            uit.add(r.code)
    uit |= {f"AANTAL:{deel}" for deel in (argumenten.get("minimaal") or {})}
    return uit


def deelpunten(punten: float, gehaald: int, getoetst: int) -> float:
    """``punten x gehaald / getoetst``, rounded *down* to a tenth of a point, so a part never
    gives more than its share and only every rule passing gives the check's full points.

    >>> deelpunten(3, 2, 3), deelpunten(2, 1, 3), deelpunten(2, 3, 3), deelpunten(2, 0, 0)
    (2.0, 0.6, 2.0, 0.0)
    """
    if getoetst <= 0 or gehaald <= 0:
        return 0.0
    # Exact fractions: 3 x 2/3 is 2.0, not 1.9999 rounded down to 1.9.
    return (
        math.floor(
            Fraction(punten).limit_denominator(1000) * min(gehaald, getoetst) * 10 / getoetst
        )
        / 10
    )


class Controlepaneel:
    """What a check cell shows: HTML in a notebook (from ``sjablonen/controle.html.j2``), the
    plain message elsewhere."""

    def __init__(self, toetsing: Toetsing, taal: str | None = None):
        self.toetsing = toetsing
        self.taal = taal

    def __str__(self) -> str:
        return self.toetsing.melding(self.taal)

    def __repr__(self) -> str:
        return str(self)

    def _repr_html_(self) -> str:
        from ..taal.berichten import huidige_taal
        from ..taal.sjabloon import html

        t, taal = self.toetsing, self.taal
        geslaagd = t.geslaagd
        if geslaagd:
            kop = t.melding(taal)
        else:
            kop = tekst("opdracht.paneel.kop", taal, naam=t.naam, punten=t.punten)
        return html(
            "controle.html.j2",
            taal=taal or huidige_taal(),
            kop=kop,
            kleur="#2e7d32" if geslaagd else "#c62828",
            achtergrond="#edf7ed" if geslaagd else "#fdecea",
            inleiding=tekst("opdracht.paneel.inleiding", taal, aantal=len(t.details)),
            problemen=t.details,
            koppen={d: tekst(f"opdracht.paneel.{d}", taal) for d in _KOPPEN},
            slot=tekst("opdracht.paneel.slot", taal),
        )


_KOPPEN = ("wat", "waarom", "hoe", "les", "waar")


class ControleNietGehaald(AssertionError):
    """A check that did not pass. Its message is the whole list (for tests and the grader); in
    a notebook it shows one short line, as the panel above it already explains everything."""

    def __init__(self, toetsing: Toetsing, taal: str | None = None):
        super().__init__(toetsing.melding(taal))
        self.toetsing = toetsing
        self.taal = taal

    def _render_traceback_(self) -> list[str]:
        # IPython shows these lines instead of a traceback.
        return [tekst("opdracht.paneel.kort", self.taal, naam=self.toetsing.naam)]


def _toon(paneel: Controlepaneel) -> None:
    """Show the panel: as HTML in a notebook, as text in a plain Python session or a test."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with Jupyter
        get_ipython = None
    if get_ipython is not None and get_ipython() is not None:
        from IPython.display import display

        display(paneel)
    else:
        print(paneel)


def controleer_opdracht(
    plan: Any = "plan.json",
    selectie: str | list[str] | None = None,
    *,
    minimaal: dict[str, int] | None = None,
    streng: bool = False,
    tel_mee: Iterable[str] = (),
    eisen: Iterable[str] = (),
    naam: str = "",
    punten: float = 1,
) -> Uitslag | None:
    """Check the saved plan for one part of an exercise and show the outcome as a panel.

    ``plan`` is the path of the plan file the exercise ships (``"plan.json"``), the plan's JSON
    data, or a :class:`Plan`. On success it shows a confirmation and returns the findings (so
    warnings and hints stay visible); on failure the panel says what is wrong, why it matters,
    how to fix it and which lesson teaches it, and then :class:`ControleNietGehaald` is raised,
    so the cell counts as failed.
    """
    __tracebackhide__ = True  # pytest then shows the message, not this function
    toetsing = toets_plan(
        plan, selectie, minimaal=minimaal, streng=streng, tel_mee=tel_mee, eisen=eisen,
        naam=naam, punten=punten,
    )  # fmt: skip
    _toon(Controlepaneel(toetsing))
    if not toetsing.geslaagd:
        if sys.platform == "emscripten":
            # In the browser site (JupyterLite's Pyodide kernel) one error cancels every cell
            # queued after it, the raises-exception tag notwithstanding (jupyterlite PR #1671),
            # so Run All would stop at the first failed check and never reach the hand-in. The
            # panel already says the check failed; grade runs in CPython, where it raises.
            return None
        raise ControleNietGehaald(toetsing)
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
