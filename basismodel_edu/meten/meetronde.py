"""A round of measuring: exports in, measurements into the plan file, the progress out.

:func:`meet` is what ``basismodel-edu meet PLAN EXPORT… --koppeling KOLOM=KPI`` and lesson 06
run: it reads every export (a recognised platform export by its headers, any other CSV or
workbook with a mapping that names its date column), adds the measurements to the plan, records
the round in the plan's history (``plan.revisies``) and saves the plan atomically, keeping the
previous version beside it. If any export cannot be read, nothing is saved.

>>> import tempfile, pathlib
>>> from basismodel_edu import bewaar_plan, voorbeeldplan
>>> map_ = pathlib.Path(tempfile.mkdtemp())
>>> _ = bewaar_plan(voorbeeldplan(), map_ / "plan.json")
>>> ronde = meet(map_ / "plan.json", [EXPORT_VOORBEELD], {"Likes": "K3"}, per="week",
...              datum="2026-10-05")
>>> print(ronde.samenvatting())
plan.json: 2 metingen toegevoegd (2 nieuw, 0 bijgewerkt) uit instagram_posts.csv.
>>> print(ronde.plan.revisies[-1])
5 oktober 2026: Metingen van 0 naar 2 — reden: 2 metingen uit instagram_posts.csv
"""

from __future__ import annotations

import datetime as dt
import json
import os
import warnings
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from ..taal.berichten import tekst
from .importeren import ImportFout, Koppeling

if TYPE_CHECKING:
    from ..plan.model import Meting, Plan, Revisie
    from .voortgangstabel import Voortgang

__all__ = ["EXPORT_VOORBEELD", "Meetronde", "lees_koppeling", "meet"]

# Examples of a mapping, for the messages (a message text holds no braces of its own).
_VOORBEELD = '{"Reach": "K2"}'
_VOLLEDIG = '{"datum": "Datum", "kolommen": {"Volgers": "K1"}}'

#: A made-up Instagram export that ships with the package (for the doctest and lesson 06).
EXPORT_VOORBEELD = Path(__file__).resolve().parents[1] / "data" / "exports" / "instagram_posts.csv"


@dataclass
class Meetronde:
    """What one round of measuring did: the saved plan, counts per file, warnings."""

    pad: Path
    plan: Plan
    per_bestand: list[tuple[str, int]]
    nieuw: int
    bijgewerkt: int
    revisie: Revisie
    waarschuwingen: list[str] = field(default_factory=list)

    def samenvatting(self, taal: str | None = None) -> str:
        return tekst(
            "meten.meet.samenvatting",
            taal,
            plan=self.pad.name,
            aantal=self.nieuw + self.bijgewerkt,
            nieuw=self.nieuw,
            bijgewerkt=self.bijgewerkt,
            bestanden=", ".join(naam for naam, _ in self.per_bestand),
        )

    def voortgang(self) -> Voortgang:
        from .voortgangstabel import voortgang

        return voortgang(self.plan)

    def __str__(self) -> str:
        return "\n".join([*self.waarschuwingen, self.samenvatting(), "", self.voortgang().tekst()])

    def __repr__(self) -> str:
        # The plan inside is long; a notebook's plain-text view needs only what the round did.
        return self.samenvatting()

    def _repr_html_(self) -> str:
        from ..taal.sjabloon import html

        return html(
            "meetronde.html.j2",
            samenvatting=self.samenvatting(),
            waarschuwingen=self.waarschuwingen,
            voortgang=self.voortgang()._repr_html_(),
        )


def lees_koppeling(delen: Iterable[str]) -> dict[str, Any]:
    """A mapping from the command line: ``KOLOM=KPI`` pairs, or one JSON file that holds either
    ``{"KOLOM": "KPI", …}`` or a full mapping ``{"datum": …, "kolommen": {…}}``.

    >>> lees_koppeling(["Reach=K2", "Total views = K5"])
    {'kolommen': {'Reach': 'K2', 'Total views': 'K5'}}
    """
    delen = [d for d in delen if d.strip()]
    if len(delen) == 1 and "=" not in delen[0] and Path(delen[0]).suffix.lower() == ".json":
        pad = Path(delen[0])
        try:
            gegevens = json.loads(pad.read_text(encoding="utf-8-sig"))
        except OSError as e:
            raise ImportFout(
                "meten.meet.koppeling_bestand", bestand=pad, uitleg=e.strerror or e
            ) from None
        except json.JSONDecodeError as e:
            raise ImportFout(
                "meten.meet.koppeling_json", bestand=pad, regel=e.lineno, teken=e.colno
            ) from None
        if not isinstance(gegevens, dict) or not gegevens:
            raise ImportFout(
                "meten.meet.koppeling_vorm", bestand=pad, voorbeeld=_VOORBEELD, volledig=_VOLLEDIG
            )
        if "kolommen" in gegevens:
            return gegevens
        if all(isinstance(k, str) and isinstance(v, str) for k, v in gegevens.items()):
            return {"kolommen": gegevens}
        raise ImportFout(
            "meten.meet.koppeling_vorm", bestand=pad, voorbeeld=_VOORBEELD, volledig=_VOLLEDIG
        )
    kolommen = {}
    for deel in delen:
        kolom, is_, kpi = deel.rpartition("=")
        if not is_ or not kolom.strip() or not kpi.strip():
            raise ValueError(tekst("meten.meet.koppeling_paar", waarde=deel))
        kolommen[kolom.strip()] = kpi.strip()
    return {"kolommen": kolommen}


def _als_koppeling(koppeling: dict[str, Any] | Koppeling | None) -> dict[str, Any]:
    if koppeling is None:
        return {}
    if isinstance(koppeling, Koppeling):
        return koppeling.model_dump(exclude_defaults=True)
    if "kolommen" not in koppeling:  # a plain {column: KPI}
        return {"kolommen": dict(koppeling)}
    return dict(koppeling)


def _lees(pad: Path, koppeling: dict[str, Any], per: str) -> tuple[list[Meting], set[str]]:
    """The measurements of one file, and which mapped columns it had."""
    from .exports import export_kolommen, lees_export
    from .importeren import lees_metingen

    kolommen: dict[str, str] = koppeling.get("kolommen", {})
    if not pad.is_file():
        raise ImportFout("meten.bestand.bestaat_niet", bestand=pad)
    herkend = (
        export_kolommen(pad) if pad.suffix.lower() in (".csv", ".zip", ".xls", ".xlsx") else []
    )
    if herkend:
        kop = {k.casefold() for k in herkend}
        eigen = {k: v for k, v in kolommen.items() if k.strip().casefold() in kop}
        if not eigen:
            raise ImportFout(
                "meten.meet.geen_kolom",
                bestand=pad,
                koppeling=", ".join(repr(k) for k in kolommen) or "-",
                # The export's own headers; older names that map to them are matched, not shown.
                kolommen=", ".join(repr(k) for k in herkend if k != k.casefold() or " " in k),
            )
        return lees_export(pad, eigen, per=per), set(eigen)
    if "datum" not in koppeling:
        # No platform export: only a mapping that names the date column can read it.
        from .exports import _tabellen

        try:
            gezien = [k for t in _tabellen(pad) for k in t.kop if k]
        except ImportFout:
            gezien = []
        raise ImportFout(
            "meten.meet.onbekend_bestand",
            bestand=pad,
            kolommen=", ".join(repr(k) for k in gezien) or "-",
        )
    return lees_metingen(pad, koppeling), set(kolommen)


def meet(
    plan: str | os.PathLike[str],
    exports: Iterable[str | os.PathLike[str]],
    koppeling: dict[str, Any] | Koppeling | None,
    *,
    per: Literal["dag", "week"] = "dag",
    datum: dt.date | str | None = None,
    reden: str | None = None,
) -> Meetronde:
    """Add the measurements of ``exports`` to the plan file ``plan`` and save it.

    ``koppeling`` maps export columns to KPI ids, ``{"Reach": "K2", "Likes": "K3"}``; each
    export uses the columns it has, and every mapped column must be in at least one export (a
    misspelt column would otherwise measure nothing, silently). A file that is no platform
    export needs a full mapping with its date column (see :class:`~.importeren.Koppeling`).
    The round is recorded in ``plan.revisies`` on ``datum`` (default: today) with ``reden``
    (default: which files gave how many measurements). Raises
    :class:`~.importeren.ImportFout` or :class:`~.model.PlanFout` (both name the file) and
    then changes nothing.
    """
    from ..plan.bestand import bewaar_plan, laad_plan
    from ..plan.model import Revisie
    from ..plan.revisies import _datum
    from .importeren import voeg_metingen_toe

    pad = Path(plan)
    huidig = laad_plan(pad)
    gegevens = _als_koppeling(koppeling)
    if not gegevens.get("kolommen"):
        raise ImportFout("meten.meet.geen_koppeling", bestand=pad, voorbeeld=_VOORBEELD)
    exports = [Path(e) for e in exports]
    if not exports:
        raise ImportFout("meten.meet.geen_exports", bestand=pad)
    kpis = {k.id for k in huidig.kpis}
    onbekend = sorted({v for v in gegevens["kolommen"].values() if v not in kpis})
    if onbekend:
        raise ValueError(
            tekst("meten.kpi.onbekend", kpi=onbekend[0], kpis=", ".join(sorted(kpis)) or "-")
        )
    dag = _datum(datum) if datum is not None else dt.date.today()
    alle: list[Meting] = []
    per_bestand: list[tuple[str, int]] = []
    gebruikt: set[str] = set()
    meldingen: list[str] = []
    for export in exports:
        with warnings.catch_warnings(record=True) as gevangen:
            warnings.simplefilter("always")
            metingen, kolommen = _lees(export, gegevens, per)
        meldingen += [str(w.message) for w in gevangen]
        gebruikt |= kolommen
        alle += metingen
        per_bestand.append((export.name, len(metingen)))
    ongebruikt = [k for k in gegevens["kolommen"] if k not in gebruikt]
    if ongebruikt:
        raise ValueError(
            tekst(
                "meten.meet.kolom_nergens",
                naam=ongebruikt[0],
                bestanden=", ".join(e.name for e in exports),
            )
        )
    bestaand = {(m.kpi, m.datum) for m in huidig.metingen}
    sleutels = {(m.kpi, m.datum) for m in alle}
    bijgewerkt = len(sleutels & bestaand)
    nieuw = len(sleutels) - bijgewerkt
    oud = len(huidig.metingen)
    voeg_metingen_toe(huidig, alle)
    revisie = Revisie(
        datum=dag,
        pad="metingen",
        oud=float(oud),
        nieuw=float(len(huidig.metingen)),
        reden=reden
        or tekst(
            "meten.meet.reden",
            delen="; ".join(
                tekst("meten.meet.reden_deel", aantal=n, bestand=naam) for naam, n in per_bestand
            ),
        ),
    )
    huidig.revisies = [*huidig.revisies, revisie]
    bewaar_plan(huidig, pad)
    return Meetronde(pad, huidig, per_bestand, nieuw, bijgewerkt, revisie, meldingen)
