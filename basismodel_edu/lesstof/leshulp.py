"""Small helpers the lessons use, so that every lesson cell stays one short, visible step.

- :func:`platformcijfers` — the Newcom user figures of some platforms as a table, each row with
  its source address (the lessons never show a figure without its source);
- :func:`teken_platforms` — the same figures as a line chart, with the source named under it;
- :func:`kosten` — what the means of a plan cost per month and per year, in hours and euros
  (an account is free, but running it takes hours);
- :func:`voorbeeldexport` — a copy of one of the package's (synthetic) analytics exports in the
  lessons' working folder, to import as a student would import a file of their own.

pandas and matplotlib load only when one of these is called.

>>> t = kosten(__import__("basismodel_edu").voorbeeldplan(), uurtarief=40)
>>> t.uren_per_jaar, t.euro_per_jaar
(516.0, 23220.0)
"""

from __future__ import annotations

import html
import os
import shutil
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from ..controle.platforms import Cijfer, cijfers, normaliseer_kanaal
from ..taal.berichten import getal, tekst

if TYPE_CHECKING:
    from ..plan.model import Plan

__all__ = [
    "Kosten",
    "Melding",
    "Platformcijfers",
    "beginplan",
    "eerste_regels",
    "kosten",
    "laatste_metingen",
    "platformcijfers",
    "probeer",
    "teken_platforms",
    "voorbeeldexport",
]


class Platformcijfers:
    """Newcom figures for some platforms: one row per platform and year, each with its source.

    In a notebook it shows as a table whose source column is a short link (the site's name) to
    the full address; as text every address is written out. ``data`` is a pandas DataFrame.
    """

    def __init__(self, rijen: list[Cijfer]):
        self.rijen = rijen

    @property
    def data(self):
        """The rows as a pandas DataFrame (columns platform, jaar, gebruikers, bron, secundair)."""
        import pandas as pd

        return pd.DataFrame(
            [(c.platform, c.jaar, c.gebruikers, c.bron, _secundair(c)) for c in self.rijen],
            columns=["platform", "jaar", "gebruikers", "bron", "secundair"],
        )

    def __len__(self) -> int:
        return len(self.rijen)

    def __repr__(self) -> str:
        kop = " | ".join(
            tekst(f"lesstof.kolom.{k}") for k in ("platform", "jaar", "gebruikers", "bron")
        )
        regels = [kop]
        regels += [
            f"{c.platform} | {c.jaar} | {getal(c.gebruikers, decimalen=1)} | {c.bron}{' *' if _secundair(c) else ''}"
            for c in self.rijen
        ]
        regels.append(tekst("lesstof.bron.tabel"))
        return "\n".join(regels)

    def _repr_html_(self) -> str:
        cel = "padding:2px 10px;text-align:left"
        kop = "".join(
            f"<th style='{cel}'>{html.escape(tekst(f'lesstof.kolom.{k}'))}</th>"
            for k in ("platform", "jaar", "gebruikers", "bron")
        )
        rijen = "".join(
            f"<tr><td style='{cel}'>{html.escape(c.platform)}</td>"
            f"<td style='{cel}'>{c.jaar}</td>"
            f"<td style='padding:2px 10px;text-align:right'>{getal(c.gebruikers, decimalen=1)}</td>"
            f"<td style='{cel}'><a href='{html.escape(c.bron)}' target='_blank' "
            f"rel='noopener'>{html.escape(_site(c.bron))}</a>{' *' if _secundair(c) else ''}</td></tr>"
            for c in self.rijen
        )
        onder = html.escape(tekst("lesstof.bron.tabel"))
        return (
            f"<table style='border-collapse:collapse'><thead><tr>{kop}</tr></thead>"
            f"<tbody>{rijen}</tbody></table><p style='font-size:smaller'>{onder}</p>"
        )


def _secundair(c: Cijfer) -> bool:
    """The figure was read in a summary of the original article (the data's note says so)."""
    return "secondary" in c.noot


def _site(adres: str) -> str:
    """The site's name in a source address: ``https://www.rd.nl/artikel/...`` → ``rd.nl``."""
    host = urlsplit(adres).netloc
    return host.removeprefix("www.") or adres


def platformcijfers(*platforms: str, vanaf: int | None = None) -> Platformcijfers:
    """Dutch users of ``platforms`` per report year (Newcom), with the source of every row.

    ``vanaf`` leaves out report years before it. In a notebook the result shows as a table.
    """
    namen = [normaliseer_kanaal(p) for p in platforms]
    rijen = sorted(
        (
            c
            for c in cijfers()
            if c.platform in namen and c.gebruikers is not None and c.jaar >= (vanaf or 0)
        ),
        key=lambda c: (namen.index(c.platform), c.jaar),
    )
    return Platformcijfers(rijen)


def teken_platforms(*platforms: str):
    """A line chart of the Dutch users of ``platforms`` per report year (Newcom figures).

    Returns a matplotlib Figure (not registered with pyplot, so a notebook shows it once).
    """
    from ..taal.figuren import nieuwe_figuur

    figuur = nieuwe_figuur(figsize=(7, 3.6), layout="constrained")
    assen = figuur.add_subplot()
    for naam in (normaliseer_kanaal(p) for p in platforms):
        reeks = sorted(
            (c for c in cijfers() if c.platform == naam and c.gebruikers is not None),
            key=lambda c: c.jaar,
        )
        if not reeks:
            continue
        # A line only joins consecutive report years: across missing years it would suggest
        # figures nobody measured (or reported).
        xs, ys = _met_gaten(reeks)
        lijn = assen.plot(xs, ys, "-", label=naam)[0]
        eigen = [c for c in reeks if not _secundair(c)]
        assen.plot(
            [c.jaar for c in eigen], [c.gebruikers for c in eigen], "o", color=lijn.get_color()
        )
        tweede = [c for c in reeks if _secundair(c)]
        if tweede:
            assen.plot(
                [c.jaar for c in tweede],
                [c.gebruikers for c in tweede],
                "o",
                markerfacecolor="white",
                color=lijn.get_color(),
            )
    assen.set_xlabel(tekst("lesstof.as.jaar"))
    assen.set_ylabel(tekst("lesstof.as.gebruikers"))
    assen.set_ylim(bottom=0)
    assen.grid(alpha=0.3)
    # Beside the axes: inside, it covered the first years of the lines it explains.
    assen.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize="small")
    assen.set_title(tekst("lesstof.titel.platforms"))
    figuur.text(0.01, -0.02, tekst("lesstof.bron.platforms"), fontsize="x-small", va="top")
    figuur.text(0.01, -0.07, tekst("lesstof.bron.gaten"), fontsize="x-small", va="top")
    return figuur


def _met_gaten(reeks: list[Cijfer]) -> tuple[list[int], list[float]]:
    """The points of a line, with a gap (NaN) wherever a report year is missing.

    >>> from basismodel_edu.platforms import cijfers
    >>> xs, ys = _met_gaten([c for c in cijfers() if c.platform == "X (Twitter)" and c.gebruikers])
    >>> [x for x, y in zip(xs, ys) if y != y]  # NaN marks a break: after 2014, 2016 and 2023
    [2015, 2017, 2024]
    """
    xs: list[int] = []
    ys: list[float] = []
    for c in reeks:
        if xs and c.jaar > xs[-1] + 1:
            xs.append(xs[-1] + 1)
            ys.append(float("nan"))
        xs.append(c.jaar)
        ys.append(c.gebruikers)
    return xs, ys


@dataclass(frozen=True)
class Kosten:
    """What a plan's means cost: rows per means and totals, in hours and euros."""

    rijen: tuple[tuple[str, str, float, float], ...]  # naam, kanaal, uren/maand, euro/maand
    uurtarief: float

    @property
    def uren_per_maand(self) -> float:
        return sum(r[2] for r in self.rijen)

    @property
    def uren_per_jaar(self) -> float:
        return 12 * self.uren_per_maand

    @property
    def euro_per_jaar(self) -> float:
        """Money spent plus the hours valued at ``uurtarief``, for twelve months."""
        return 12 * (sum(r[3] for r in self.rijen) + self.uurtarief * self.uren_per_maand)

    def tekst(self) -> str:
        regels = [
            tekst("lesstof.kosten.rij", naam=n, kanaal=k or "-", uren=u, euro=e)
            for n, k, u, e in self.rijen
        ]
        regels.append(
            tekst(
                "lesstof.kosten.totaal",
                uren=self.uren_per_maand,
                jaaruren=self.uren_per_jaar,
                tarief=self.uurtarief,
                jaareuro=round(self.euro_per_jaar),
            )
        )
        return "\n".join(regels)

    def __repr__(self) -> str:
        return self.tekst()


def kosten(plan: Plan, uurtarief: float = 0.0) -> Kosten:
    """The monthly hours and euros of every means of ``plan``, and the total for a year.

    ``uurtarief`` values an hour of work in euros, so that the hours show up in the yearly total:
    an account that costs no money still costs the hours someone spends on it.
    """
    rijen = tuple(
        (m.naam or m.id, m.kanaal, m.uren_per_maand or 0.0, m.euro_per_maand or 0.0)
        for m in plan.middelen
    )
    return Kosten(rijen, uurtarief)


def voorbeeldexport(naam: str, map_: str | os.PathLike[str] = "werk") -> Path:
    """Copy the package's example export ``naam`` (from ``data/``) into ``map_``; return its path.

    The copy is the student's to open, change or break; the package's own file never changes.
    The exports are synthetic (made up for the course), and their first line says so.
    """
    bron = resources.files("basismodel_edu").joinpath("data", naam)
    if not bron.is_file():
        beschikbaar = sorted(
            p.name
            for p in resources.files("basismodel_edu").joinpath("data").iterdir()
            if p.name.startswith("meetdata_")
        )
        raise FileNotFoundError(
            tekst("lesstof.export.onbekend", naam=naam, namen=", ".join(beschikbaar))
        )
    doel = Path(map_) / naam
    doel.parent.mkdir(parents=True, exist_ok=True)
    with resources.as_file(bron) as pad:
        shutil.copyfile(pad, doel)
    return doel


def beginplan() -> Plan:
    """De Boon in its first months, as the reader's comment under the source imagines a start.

    A plan in learning mode (``modus="lerend"``): a short mission with one channel (Instagram),
    no vision yet, two goals that serve no ambition so far, one tactic, two means, two KPIs, and
    the (synthetic) Instagram measurements of those KPIs. Built from a fresh copy of the example
    plan, so the shipped example never changes.
    """
    from ..meten.importeren import voeg_metingen_toe, voorbeeldmetingen
    from ..plan.model import Missie, Visie
    from ..plan.voorbeelden import voorbeeldplan

    plan = voorbeeldplan()
    plan.modus = "lerend"
    plan.missie = Missie(
        tekst=tekst("lesstof.beginplan.missie"),
        social_media_past=True,
        toelichting=tekst("lesstof.beginplan.toelichting"),
        kanalen=["Instagram"],
    )
    plan.visie = Visie()
    plan.doelen = [d for d in plan.doelen if d.id in ("D1", "D2")]
    for doel in plan.doelen:
        doel.ambitie = ""
    plan.tactieken = [t for t in plan.tactieken if t.id == "T1"]
    plan.middelen = [m for m in plan.middelen if m.id in ("M1", "M5")]
    plan.kpis = [k for k in plan.kpis if k.id in ("K1", "K3")]
    metingen = [m for m in voorbeeldmetingen() if m.kpi in ("K1", "K3")]
    return voeg_metingen_toe(plan, metingen)


class Melding:
    """The message of an expected mistake, shown as text (no traceback) in a lesson."""

    def __init__(self, bericht: str, soort: str):
        self.bericht = bericht
        self.soort = soort

    def __repr__(self) -> str:
        return self.bericht

    def _repr_html_(self) -> str:
        kop = html.escape(tekst("lesstof.melding.kop", soort=self.soort))
        tekst_ = html.escape(self.bericht).replace("\n", "<br>")
        return (
            "<div style='border-left:4px solid #c62828;background:#fdecea;padding:4px 10px'>"
            f"<b>{kop}</b><br>{tekst_}</div>"
        )


def probeer(functie, *args, **kwargs):
    """Run ``functie(*args, **kwargs)``; if it refuses with a message, show that message.

    For lessons that show what the package says about a mistake, without ``try``/``except`` in
    the cell. Only the package's expected refusals (``ValueError``, ``KeyError`` with a message,
    ``FileNotFoundError``) are caught; anything else is a real error and still raises.

    >>> from basismodel_edu import voorbeeldplan
    >>> probeer(voorbeeldplan().kpi, "K9")
    Dit plan heeft geen KPI K9. Wel: K1, K2, K3, K4, K5, K6.
    >>> probeer(int, "12")
    12
    """
    try:
        return functie(*args, **kwargs)
    except (ValueError, KeyError, FileNotFoundError) as fout:
        return Melding(
            str(fout) if not isinstance(fout, KeyError) else str(fout.args[0]), type(fout).__name__
        )


class Regels:
    """The first lines of a text file, numbered, as a text editor would show them."""

    def __init__(self, naam: str, regels: list[str], totaal: int):
        self.naam = naam
        self.regels = regels
        self.totaal = totaal

    def __repr__(self) -> str:
        kop = tekst("lesstof.regels.kop", naam=self.naam, n=len(self.regels), totaal=self.totaal)
        return "\n".join([kop, *(f"{i:>3}  {r}" for i, r in enumerate(self.regels, 1))])


def eerste_regels(pad: str | os.PathLike[str], aantal: int = 5) -> Regels:
    """The first ``aantal`` lines of the text file ``pad`` (a byte-order mark is left out).

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "x.csv"
    >>> _ = p.write_text("Week;Volgers\\n01-03-2027;1.829\\n08-03-2027;1.840\\n", encoding="utf-8")
    >>> eerste_regels(p, 2)
    x.csv, de eerste 2 van 3 regels:
      1  Week;Volgers
      2  01-03-2027;1.829
    """
    alle = Path(pad).read_text(encoding="utf-8-sig").splitlines()
    return Regels(Path(pad).name, alle[:aantal], len(alle))


class Metingenlijst:
    """Some measurements of one KPI, with dates and numbers written the reader's way."""

    def __init__(self, kpi: str, rijen: list[tuple]):
        self.kpi = kpi
        self.rijen = rijen

    def __repr__(self) -> str:
        from ..taal.berichten import datum

        kop = tekst("lesstof.metingen.kop", kpi=self.kpi, n=len(self.rijen))
        return "\n".join([kop, *(f"  {datum(d)}: {getal(w)}" for d, w in self.rijen)])


def laatste_metingen(plan: Plan, kpi: str, aantal: int = 5) -> Metingenlijst:
    """The last ``aantal`` measurements of KPI ``kpi`` (an id such as ``"K1"``), oldest first.

    Unlike a pandas Series, it reads as Dutch text: ``1 maart 2027: 2.471``.
    """
    plan.kpi(kpi)  # an unknown id is refused with the ids the plan has
    per_datum = {m.datum: m.waarde for m in plan.metingen if m.kpi == kpi}
    rijen = sorted(per_datum.items())[-aantal:] if aantal else []
    return Metingenlijst(kpi, rijen)
