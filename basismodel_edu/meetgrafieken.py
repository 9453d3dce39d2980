"""Plots of measured progress (matplotlib): one KPI over time, attainment per goal, a dashboard.

Every function returns a matplotlib ``Figure`` (made without ``pyplot``, so a notebook shows it
once, as the cell's result, and no window opens). A status is always written out with a symbol
and a word, and the bars carry a hatch pattern per status: colour is never the only signal.

>>> from basismodel_edu import voorbeeldplan, voorbeeldmetingen, voeg_metingen_toe
>>> plan = voeg_metingen_toe(voorbeeldplan(), voorbeeldmetingen())
>>> fig = teken_kpi(plan, "K3")
>>> fig.axes[0].get_title(loc="left").splitlines()
['K3 · Reacties per post (doel D2)', '⚠ dreigt gemist · 37% bereikt']
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from matplotlib.dates import AutoDateLocator, ConciseDateFormatter
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator, NullLocator

from .berichten import getal, tekst
from .figuren import nieuwe_figuur
from .meetstand import KPIStand, doelstatus, kpi_standen
from .prestaties import zonder_gc
from .voortgangstabel import KLEUR, SYMBOOL, status_tekst

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from .model import Plan

__all__ = ["dashboard", "teken_kpi", "teken_voortgang"]

#: A hatch per status: the bars differ in pattern as well as in colour.
ARCERING = {
    "gehaald": "",
    "op_koers": "//",
    "onzeker": "\\\\",
    "dreigt_gemist": "xx",
    "gemist": "..",
    "onbekend": "",
}
_LIJN = "#1a1a1a"


def _getal(x: float) -> str:
    return getal(round(x, 1) if abs(x) < 100 else round(x))


def _stand(plan: Plan, kpi_id: str) -> KPIStand:
    for s in kpi_standen(plan):
        if s.kpi.id == kpi_id:
            return s
    raise ValueError(
        tekst("meten.kpi.onbekend", kpi=kpi_id, kpis=", ".join(k.id for k in plan.kpis) or "-")
    )


def _teken_kpi_op(
    ax: Axes, s: KPIStand, legenda: bool = True, *, compact: bool = False, met_datums: bool = True
) -> None:
    k = s.kpi
    naam = _kort(k.naam or k.id)
    titel = tekst("meten.grafiek.titel_kpi", kpi=k.id, naam=naam, doel=k.doel or "?")
    status = status_tekst(s.status)
    if s.bereikt is not None:
        status += " · " + tekst("meten.grafiek.bereikt", procent=f"{s.bereikt * 100:.0f}%")
    # A fixed title position spares matplotlib measuring every tick label to place it.
    ax.set_title(f"{titel}\n{status}", loc="left", fontsize=10, y=1.0, pad=4)
    ax.set_ylabel(k.eenheid)
    ax.grid(True, alpha=0.3)
    if not s.punten:
        ax.text(
            0.5, 0.5, tekst("meten.grafiek.geen_metingen"), ha="center", va="center",
            transform=ax.transAxes,
        )  # fmt: skip
    else:
        datums = [d for d, _ in s.punten]
        ax.plot(
            datums,
            [w for _, w in s.punten],
            # Markers show single measurements and gaps; on a daily series they are only ink.
            marker="o" if len(datums) <= 120 else None,
            markersize=3,
            linewidth=1.4,
            color="#1f5f99",
            label=tekst("meten.grafiek.metingen"),
        )
        if s.trend is not None:
            eind = max(s.deadline or datums[-1], datums[-1])
            label = (
                tekst("meten.grafiek.trend_prognose", prognose=_getal(s.prognose))
                if s.prognose is not None
                else tekst("meten.grafiek.trend")
            )
            ax.plot(
                [datums[0], eind],
                [s.trend.waarde_op(datums[0]), s.trend.waarde_op(eind)],
                linestyle="--",
                linewidth=1.4,
                color="#8a5a00",
                label=label,
            )
            if s.prognose is not None:
                ax.plot([eind], [s.prognose], marker="D", color="#8a5a00", markersize=5)
                # The forecast's 95 % interval as a band that widens from the last measurement to
                # the deadline: a point alone claims a certainty that three measurements lack.
                if s.interval is not None and s.interval.boven < float("inf"):
                    stap = max(1, (eind - datums[-1]).days // 24)
                    band = [
                        datums[-1] + dt.timedelta(days=d)
                        for d in range(0, (eind - datums[-1]).days, stap)
                    ]
                    band.append(eind)
                    rand = [s.trend.prognose(d) for d in band]
                    ax.fill_between(
                        band, [p.onder for p in rand], [p.boven for p in rand],
                        color="#8a5a00", alpha=0.18, linewidth=0,
                        label=tekst("meten.grafiek.interval"),
                    )  # fmt: skip
    if s.basis is not None:
        ax.axhline(
            s.basis, linestyle=":", linewidth=1, color="#555555",
            label=tekst("meten.grafiek.basis", basis=_getal(s.basis)),
        )  # fmt: skip
    if s.norm is not None:
        ax.axhline(
            s.norm, linestyle="-.", linewidth=1.4, color="#2e7d32",
            label=tekst("meten.grafiek.norm", norm=_getal(s.norm), eenheid=k.eenheid),
        )  # fmt: skip
    if s.deadline is not None:
        ax.axvline(
            s.deadline, linestyle="-", linewidth=1.2, color="#c62828",
            label=tekst("meten.grafiek.deadline", datum=s.deadline.isoformat()),
        )  # fmt: skip
    # Few ticks: enough to read a date and a value, and each label costs drawing time.
    heel = all(float(w).is_integer() for _, w in s.punten) and (s.norm or 0).is_integer()
    # In the compact dashboard style every tick is a line, a grid line and a label that
    # matplotlib builds and draws: three value ticks and dates on the bottom row only keep a
    # 20-KPI dashboard fast, and the title already states the latest value and the norm.
    ax.yaxis.set_major_locator(MaxNLocator(nbins=3 if compact else 5, integer=heel))
    if met_datums:
        locator = AutoDateLocator(minticks=3, maxticks=4 if compact else 5)
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))
    else:
        ax.xaxis.set_major_locator(NullLocator())
    if legenda:
        ax.legend(loc="upper left", fontsize=8, framealpha=0.9)


def teken_kpi(plan: Plan, kpi_id: str, *, ax: Axes | None = None) -> Figure:
    """One KPI over time: the measurements, the norm, the baseline, the goal's deadline and the
    trend line (dashed) up to its forecast at the deadline (◆). The title gives the status.
    """
    s = _stand(plan, kpi_id)
    if ax is None:
        fig = nieuwe_figuur(figsize=(8, 4.2), layout="constrained")
        ax = fig.add_subplot()
    _teken_kpi_op(ax, s)
    ax.set_xlabel(tekst("meten.grafiek.as_datum"))
    ax.figure.bm_alt = _alt_kpi(s)
    return ax.figure


def _alt_kpi(s: KPIStand) -> str:
    """The KPI plot in words, for readers who cannot see it."""
    if s.laatste is None:
        return tekst("meten.grafiek.alt_kpi_leeg", kpi=s.kpi.id, naam=s.kpi.naam)
    return tekst(
        "meten.grafiek.alt_kpi",
        kpi=s.kpi.id,
        naam=s.kpi.naam,
        aantal=len(s.punten),
        waarde=s.laatste,
        datum=s.datum_laatste,
        norm="-" if s.norm is None else s.norm,
        status=tekst(f"meten.status.{s.status}"),
    )


def _kort(tekst_: str, lengte: int = 38) -> str:
    return tekst_ if len(tekst_) <= lengte else tekst_[: lengte - 1] + "…"


def _rijen(standen: list[KPIStand], per_kpi: bool) -> list[tuple[str, float | None, str, bool]]:
    """(label, attainment, status, is_goal) per bar: each goal (OKR mean), then its KPIs."""
    per_doel: dict[str, list[KPIStand]] = {}
    los = []
    for s in standen:
        if s.doel is None:
            los.append(s)
        else:
            per_doel.setdefault(s.doel.id, []).append(s)
    rijen = []
    for doel_id, eigen in per_doel.items():
        waarden = [s.bereikt for s in eigen if s.bereikt is not None]
        gemiddeld = sum(waarden) / len(waarden) if waarden else None
        rijen.append(
            (tekst("meten.grafiek.doel", doel=doel_id), gemiddeld, doelstatus(eigen), True)
        )
        for s in eigen if per_kpi else []:
            rijen.append((_kort(f"{s.kpi.id} {s.kpi.naam}"), s.bereikt, s.status, False))
    for s in los:
        rijen.append((_kort(f"{s.kpi.id} {s.kpi.naam}"), s.bereikt, s.status, False))
    return rijen


def _teken_voortgang_op(ax: Axes, standen: list[KPIStand], per_kpi: bool = True) -> None:
    rijen = _rijen(standen, per_kpi)
    ys = list(range(len(rijen)))[::-1]
    for y, (_label, waarde, status, is_doel) in zip(ys, rijen, strict=True):
        breedte = 0 if waarde is None else waarde * 100
        ax.barh(
            y,
            breedte,
            height=0.8 if is_doel else 0.55,
            color=KLEUR[status],
            alpha=1.0 if is_doel else 0.55,
            hatch=ARCERING[status],
            edgecolor=_LIJN,
            linewidth=0.6,
        )
        procent = "–" if waarde is None else f"{waarde * 100:.0f}%"
        ax.text(
            breedte + 2,
            y,
            f"{procent}  {status_tekst(status)}",
            va="center",
            fontsize=9,
            fontweight="bold" if is_doel else "normal",
        )
    ax.set_yticks(ys, [r[0] for r in rijen], fontsize=9)
    for lab, r in zip(ax.get_yticklabels(), rijen, strict=True):
        if r[3]:
            lab.set_fontweight("bold")
    ax.axvline(100, color="#2e7d32", linestyle="-.", linewidth=1.2)
    ax.set_xlim(0, 145)
    ax.set_xticks([0, 25, 50, 75, 100])
    ax.set_xlabel(tekst("meten.grafiek.as_bereikt"))
    ax.set_title(tekst("meten.grafiek.titel_voortgang"), loc="left", fontsize=11, y=1.0, pad=4)
    ax.legend(
        handles=[
            Patch(facecolor=KLEUR[s], hatch=ARCERING[s], edgecolor=_LIJN, label=status_tekst(s))
            for s in SYMBOOL
        ],
        loc="lower right",
        fontsize=8,
        framealpha=0.9,
    )


def teken_voortgang(plan: Plan, *, per_kpi: bool = True, ax: Axes | None = None) -> Figure:
    """Attainment per goal (bold bar: the mean of its KPIs, as OKR scoring does) and, unless
    ``per_kpi=False``, per KPI, from baseline (0 %) to norm (100 %), each with its status as
    symbol and word. A KPI that measures no goal gets a bar of its own.
    """
    standen = kpi_standen(plan)
    if ax is None:
        fig = nieuwe_figuur(
            figsize=(9, 0.45 * (len(standen) + len(plan.doelen)) + 1.6), layout="constrained"
        )
        ax = fig.add_subplot()
    _teken_voortgang_op(ax, standen, per_kpi)
    delen = [
        tekst("meten.grafiek.alt_rij", naam=naam, procent=round(b * 100) if b is not None else "-")
        for naam, b, _status, _doel in _rijen(standen, per_kpi)
    ]
    ax.figure.bm_alt = tekst("meten.grafiek.alt_voortgang", rijen="; ".join(delen))
    return ax.figure


def dashboard(plan: Plan, *, kolommen: int = 3) -> Figure:
    """One figure for the whole plan: attainment per goal on top, then one panel per KPI.

    Each KPI panel is :func:`teken_kpi`'s plot in a compact style (small multiples): the KPI's
    status and attainment in its title, its unit on the value axis, three value ticks, and one
    time range for all panels so that they line up, with dates under the bottom row only.
    """
    with zonder_gc():
        return _dashboard(plan, kolommen=kolommen)


def _dashboard(plan: Plan, *, kolommen: int) -> Figure:
    standen = kpi_standen(plan)
    n = len(standen)
    rijen_kpi = -(-n // kolommen) if n else 0
    # Sizes in inches; the layout is computed here rather than by matplotlib's constrained
    # layout, which measures every tick label and made a 20-KPI dashboard take seconds.
    kop, voet, tussen, per_rij = 0.7, 0.45, 0.95, 3.1
    losse = sum(1 for s in standen if s.doel is None)
    h_voortgang = 0.3 * (len(plan.doelen) + losse) + 1.0
    breedte = 5.0 * kolommen
    hoogte = kop + h_voortgang + (tussen + per_rij * rijen_kpi if rijen_kpi else voet)
    fig = nieuwe_figuur(figsize=(breedte, hoogte))
    boven = fig.add_gridspec(
        1, 1, left=min(0.45, 3.2 / breedte), right=0.98,
        top=1 - kop / hoogte, bottom=1 - (kop + h_voortgang) / hoogte,
    )  # fmt: skip
    _teken_voortgang_op(fig.add_subplot(boven[0, 0]), standen, per_kpi=False)
    if rijen_kpi:
        onder = fig.add_gridspec(
            rijen_kpi, kolommen, left=0.8 / breedte, right=0.98,
            top=1 - (kop + h_voortgang + tussen) / hoogte, bottom=voet / hoogte,
            hspace=0.75 / (per_rij - 0.75), wspace=0.32,
        )  # fmt: skip
        # One shared time axis: the panels line up, so a student compares KPIs at a glance, and
        # only the bottom panel of each column needs date labels.
        alle = [d for s in standen for d, _ in s.punten] + [
            s.deadline for s in standen if s.deadline is not None
        ]
        # A small margin, as matplotlib's autoscale gives, keeps the deadline line off the frame.
        marge = dt.timedelta(days=max(1, (max(alle) - min(alle)).days // 50)) if alle else None
        bereik = (min(alle) - marge, max(alle) + marge) if alle else None
        for i, s in enumerate(standen):
            ax = fig.add_subplot(onder[i // kolommen, i % kolommen])
            # Not sharex: shared axes share one locator, and only the bottom row needs dates.
            _teken_kpi_op(ax, s, legenda=(i == 0), compact=True, met_datums=i + kolommen >= n)
            if bereik is not None:
                ax.set_xlim(*bereik)
    datum = max((s.datum_laatste for s in standen if s.datum_laatste), default=None)
    fig.suptitle(
        tekst(
            "meten.grafiek.titel_dashboard",
            naam=plan.organisatie.naam or "?",
            datum=datum.isoformat() if isinstance(datum, dt.date) else "–",
        ),
        y=1 - 0.25 / hoogte,
        fontsize=13,
        fontweight="bold",
    )
    return fig
