"""The rule engine: a registry of rules with stable codes, and the result of checking a plan.

Every rule has a code that is never renumbered (``BM203``), a family, a severity (``fout``,
``waarschuwing``, ``hint``), the layer of the model it is about, and the lesson that teaches it.
Its message lives in the catalogue under its code, apart from the logic. A rule yields the path of
each element it finds wrong (``kpis[2].doel``) with the values its message needs.

Codes come in ranges per family:

======  ==================  ==========================================================
range   family              what it checks
======  ==================  ==========================================================
BM0xx   structuur           ids are unique
BM1xx   volledigheid        each layer's key question is answered
BM2xx   herleidbaarheid     KPI → doel → ambitie → visie → missie holds (terugredeneren)
BM3xx   smart               goals are SMART, from the fields and from the text; realism
BM4xx   tactiek             a tactic's horizon, and its goals' deadlines inside it
BM5xx   kpi                 KPIs are complete, fit their goal and are not only vanity
BM6xx   duurzaamheid        channels are assessed; shrinking or closed platforms
BM7xx   kosten              means carry their cost
======  ==================  ==========================================================

>>> from basismodel_edu import controleer, Plan
>>> uitslag = controleer(Plan(), selectie="missie")
>>> uitslag.ok
False
>>> uitslag.codes()[:3]
['BM102', 'BM103', 'BM104']
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..plan.elementen import benoem
from ..taal.berichten import huidige_taal, tekst, tekst_delen

if TYPE_CHECKING:
    from ..plan.model import Plan

__all__ = [
    "ERNST",
    "FAMILIES",
    "LAGEN",
    "REGELS",
    "Bevinding",
    "Regel",
    "Uitslag",
    "controleer",
    "kies_regels",
    "regel",
]

ERNST = ("fout", "waarschuwing", "hint")
#: The severities as tools outside the course spell them (JSON output, DataFrames).
_SEVERITY = {"fout": "error", "waarschuwing": "warning", "hint": "hint"}
FAMILIES = {
    "BM0": "structuur",
    "BM1": "volledigheid",
    "BM2": "herleidbaarheid",
    "BM3": "smart",
    "BM4": "tactiek",
    "BM5": "kpi",
    "BM6": "duurzaamheid",
    "BM7": "kosten",
}
#: The layers of the model, in the order the model reads them; ``plan`` is the plan as a whole.
LAGEN = ("plan", "missie", "visie", "doelen", "tactieken", "middelen", "kpis")

Vondst = tuple[str, dict[str, Any]]


@dataclass(frozen=True, slots=True)
class Regel:
    """One consistency rule. ``controle`` yields ``(pad, waarden)`` per element it finds wrong."""

    code: str
    ernst: str
    laag: str
    les: str
    controle: Callable[[Any], Iterable[Vondst]]
    lerend_ernst: str | None = None
    #: The rule judges what a text says by heuristics (thin text, SMART from text, vanity words):
    #: never an error, and it counts toward a grade only where an exercise opts in (``tel_mee``).
    heuristiek: bool = False

    @property
    def familie(self) -> str:
        return FAMILIES[self.code[:3]]

    def titel(self, taal: str | None = None) -> str:
        return tekst_delen(self.code, taal)["titel"]


REGELS: dict[str, Regel] = {}


def regel(
    code: str, ernst: str, laag: str, les: str, lerend: str | None = None, *, heuristiek=False
):
    """Register the decorated function as rule ``code``.

    ``lerend`` is the severity the rule has when the plan is in learning mode (``modus="lerend"``),
    where a plan may start without a finished mission or vision and grow from feedback.
    ``heuristiek`` marks a rule that judges text by heuristics; such a rule is never an error.
    """
    if ernst not in ERNST or (lerend and lerend not in ERNST):
        raise ValueError(f"unknown severity for {code}")
    if heuristiek and ernst == "fout":
        raise ValueError(f"{code}: a heuristic rule can be wrong, so it is at most a warning")
    if laag not in LAGEN or code[:3] not in FAMILIES:
        raise ValueError(f"unknown layer or family for {code}")

    def registreer(functie: Callable[[Any], Iterable[Vondst]]):
        if code in REGELS:
            raise ValueError(f"rule {code} registered twice")
        REGELS[code] = Regel(code, ernst, laag, les, functie, lerend, heuristiek)
        return functie

    return registreer


@dataclass(slots=True)
class Bevinding:
    """One finding: a rule that fired for one element of the plan."""

    code: str
    ernst: str
    pad: str
    laag: str
    les: str
    waarden: dict[str, Any] = field(default_factory=dict)

    def delen(self, taal: str | None = None) -> dict[str, str]:
        """The message's parts: ``wat`` is wrong, ``waarom`` it matters, ``hoe`` to fix it."""
        return tekst_delen(self.code, taal, **self.waarden)

    def bericht(self, taal: str | None = None) -> str:
        """What is wrong and why it matters in the model."""
        d = self.delen(taal)
        return f"{d['wat']} {d['waarom']}"

    def oplossing(self, taal: str | None = None) -> str:
        """How to fix it, with the lesson that teaches it."""
        return f"{self.delen(taal)['hoe']} ({tekst('les.' + self.les, taal)})"

    def als_dict(self, taal: str | None = None) -> dict[str, str]:
        return {
            "code": self.code,
            "severity": _SEVERITY[self.ernst],
            "label": tekst(f"ernst.{self.ernst}", taal),
            "path": self.pad,
            "layer": self.laag,
            "message": self.bericht(taal),
            "fix": self.oplossing(taal),
            "lesson": self.les,
        }


_KLEUR = {"fout": "#c62828", "waarschuwing": "#8a5a00", "hint": "#1f5f99"}
_ACHTERGROND = {"fout": "#fdecea", "waarschuwing": "#fff4e0", "hint": "#e8f1fb"}
_SYMBOOL = {"fout": "✖", "waarschuwing": "⚠", "hint": "ℹ"}


class Uitslag:
    """The findings of one check, in the order of the model's layers.

    In a notebook it shows as a coloured table (with a symbol and a word per severity, so colour
    is never the only signal); in a terminal as plain text; ``naar_dataframe()`` gives pandas.
    """

    def __init__(self, bevindingen: list[Bevinding], regels: list[str], plan: Plan | None = None):
        volgorde = {laag: i for i, laag in enumerate(LAGEN)}
        self.bevindingen = sorted(
            bevindingen, key=lambda b: (volgorde[b.laag], ERNST.index(b.ernst), b.code)
        )
        self.regels = regels
        # Kept to name elements as students do ("KPI K3 (Reacties per post)"), only when shown.
        self._plan = plan

    def waar(self, b: Bevinding, taal: str | None = None) -> str:
        """Where a finding is, as a student names it: ``KPI K3 (Reacties per post) → norm``.

        The path (``kpis[2].norm``) stays in :meth:`als_lijst`, for scripts.
        """
        return benoem(b.pad, self._plan, taal)

    def __iter__(self) -> Iterator[Bevinding]:
        return iter(self.bevindingen)

    def __len__(self) -> int:
        return len(self.bevindingen)

    def __bool__(self) -> bool:
        return True

    @property
    def fouten(self) -> list[Bevinding]:
        return [b for b in self.bevindingen if b.ernst == "fout"]

    @property
    def waarschuwingen(self) -> list[Bevinding]:
        return [b for b in self.bevindingen if b.ernst == "waarschuwing"]

    @property
    def hints(self) -> list[Bevinding]:
        return [b for b in self.bevindingen if b.ernst == "hint"]

    @property
    def ok(self) -> bool:
        """True when there are no errors (warnings and hints are allowed)."""
        return not any(b.ernst == "fout" for b in self.bevindingen)

    def codes(self) -> list[str]:
        """The codes that fired, each once, sorted."""
        return sorted({b.code for b in self.bevindingen})

    def van_laag(self, laag: str) -> Uitslag:
        """Only the findings about one layer of the model."""
        return Uitslag([b for b in self.bevindingen if b.laag == laag], self.regels)

    def samenvatting(self, taal: str | None = None) -> str:
        return tekst(
            "uitslag.samenvatting",
            taal,
            fouten=len(self.fouten),
            waarschuwingen=len(self.waarschuwingen),
            hints=len(self.hints),
            regels=len(self.regels),
        )

    def als_lijst(self, taal: str | None = None) -> list[dict[str, str]]:
        return [b.als_dict(taal) for b in self.bevindingen]

    def naar_dataframe(self, taal: str | None = None):
        """The findings as a pandas DataFrame (pandas is loaded only now)."""
        import pandas as pd

        kolommen = ["code", "severity", "label", "path", "layer", "message", "fix", "lesson"]
        return pd.DataFrame(self.als_lijst(taal), columns=kolommen)

    to_dataframe = naar_dataframe

    def tekst(self, taal: str | None = None) -> str:
        regels = [self.samenvatting(taal)]
        if not self.bevindingen:
            regels.append(tekst("uitslag.niets", taal))
        # In a terminal the errors come first: they are what stops a plan (exit code 1).
        for b in sorted(self.bevindingen, key=lambda b: ERNST.index(b.ernst)):
            ernst = tekst(f"ernst.{b.ernst}", taal)
            regels.append(f"{_SYMBOOL[b.ernst]} {ernst.upper()} {b.code} {self.waar(b, taal)}")
            regels.append(f"    {b.bericht(taal)}")
            regels.append(f"    → {b.oplossing(taal)}")
        return "\n".join(regels)

    def __repr__(self) -> str:
        return self.tekst()

    def _repr_html_(self) -> str:
        from ..taal.sjabloon import html

        taal = huidige_taal()
        koppen = ("ernst", "code", "waar", "bericht", "oplossing")
        rijen = [
            {
                "ernst": f"{_SYMBOOL[b.ernst]} {tekst('ernst.' + b.ernst, taal)}",
                "cellen": (b.code, self.waar(b, taal), b.bericht(taal), b.oplossing(taal)),
                "kleur": _KLEUR[b.ernst],
                "achtergrond": _ACHTERGROND[b.ernst],
            }
            for b in self.bevindingen
        ]
        return html(
            "uitslag.html.j2",
            samenvatting=self.samenvatting(taal),
            koppen=[tekst(f"uitslag.kolom.{k}", taal) for k in koppen],
            rijen=rijen,
            niets=tekst("uitslag.niets", taal),
        )


def kies_regels(selectie: str | Iterable[str] | None = None) -> list[Regel]:
    """The rules a selection names: families, layers, codes or code prefixes (``"BM3"``).

    >>> [r.code for r in kies_regels(["BM101", "BM102"])]
    ['BM101', 'BM102']
    """
    if selectie is None:
        return list(REGELS.values())
    if isinstance(selectie, str):
        selectie = [selectie]
    gekozen: dict[str, Regel] = {}
    families = set(FAMILIES.values())
    for s in selectie:
        s = s.strip()
        if s in families:
            passend = [r for r in REGELS.values() if r.familie == s]
        elif s in LAGEN:
            passend = [r for r in REGELS.values() if r.laag == s]
        else:
            passend = [r for r in REGELS.values() if r.code.startswith(s.upper())]
        if not passend or not s:
            raise ValueError(
                tekst(
                    "uitslag.onbekende_selectie",
                    keuze=s,
                    families=", ".join(sorted(families)),
                    lagen=", ".join(LAGEN),
                )
            )
        for r in passend:
            gekozen[r.code] = r
    return sorted(gekozen.values(), key=lambda r: r.code)


def controleer(plan: Plan, selectie: str | Iterable[str] | None = None) -> Uitslag:
    """Check ``plan`` against the rules in ``selectie`` (default: all of them).

    ``selectie`` names families (``"smart"``), layers (``"missie"``), codes (``"BM203"``) or
    code prefixes (``"BM2"``), alone or in a list.
    """
    from .index import Index

    regels = kies_regels(selectie)
    index = Index(plan)
    lerend = plan.modus == "lerend"
    bevindingen = []
    for r in regels:
        ernst = r.lerend_ernst if lerend and r.lerend_ernst else r.ernst
        for pad, waarden in r.controle(index):
            bevindingen.append(Bevinding(r.code, ernst, pad, r.laag, r.les, waarden))
    return Uitslag(bevindingen, [r.code for r in regels], plan)
