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

from matplotlib.dates import AutoDateLocator, num2date
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import Formatter, MaxNLocator

from ..controle.meetstand import KPIStand, doelstatus, kpi_standen
from ..prestaties import zonder_gc
from ..taal.berichten import getal, tekst
from ..taal.figuren import nieuwe_figuur
from .tekstpaden import Tekstpaden
from .voortgangstabel import KLEUR, SYMBOOL, status_tekst

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from ..plan.model import Plan

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


def _teken_kpi_op(ax: Axes, s: KPIStand) -> None:
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
            label=tekst("meten.grafiek.deadline", datum=s.deadline),
        )  # fmt: skip
    # Few ticks: enough to read a date and a value, and each label costs drawing time.
    heel = all(float(w).is_integer() for _, w in s.punten) and (s.norm or 0).is_integer()
    ax.yaxis.set_major_locator(MaxNLocator(nbins=5, integer=heel))
    ax.yaxis.set_major_formatter(_Getallen())
    ax.xaxis.set_major_locator(AutoDateLocator(minticks=3, maxticks=5))
    ax.xaxis.set_major_formatter(_Datumlabels())
    ax.legend(loc="upper left", fontsize=8, framealpha=0.9)


class _Getallen(Formatter):
    """Value ticks with the language's decimal mark and thousands separator (Babel)."""

    def __call__(self, x, pos=None) -> str:
        return getal(round(float(x), 2))


class _Datumlabels(Formatter):
    """Date ticks as readers of the course's language write them (Babel): "2027" on 1 January,
    "sep" on the first of another month, "14 sep" otherwise; the first tick names its year when
    no tick does. matplotlib's own formatters write English month names."""

    def __call__(self, x, pos=None) -> str:
        from ..taal.berichten import datum_kort

        return datum_kort(num2date(x).date())

    def format_ticks(self, values) -> list[str]:
        labels = [self(v) for v in values]
        if labels and not any(label.isdigit() for label in labels):
            labels[0] += f" {num2date(values[0]).year}"
        return labels


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


def dashboard(plan: Plan, *, kolommen: int | None = None) -> Figure:
    """One figure for the whole plan: attainment per goal on top, then one panel per KPI.

    The panels are small multiples of :func:`teken_kpi`'s plot: each gives the KPI's id and
    name, its status, attainment, latest value, norm and unit in two title lines, and draws the
    measurements, the trend with its 95 % interval to the deadline, the norm and the deadline on
    three to five value gridlines; the frame has the status's colour. All panels share one time range,
    with dates under the bottom row only, and one legend explains the lines. ``kolommen``: panels
    per row (3, or 4 from ten KPIs on).

    The panels are drawn straight onto the figure, not in an Axes each: 21 Axes with their tick
    machinery made a 20-KPI dashboard take a second to draw (``benchmarks/meten.py``).
    """
    with zonder_gc():
        return _dashboard(plan, kolommen=kolommen)


# Sizes in inches: a panel, its title block, the room for value labels left of it, the gap.
_PANEEL_B, _PANEEL_H, _TITEL_H, _LINKS, _TUSSEN = 4.0, 2.05, 0.5, 0.62, 0.18
_RIJ_H, _LABEL_B = 0.28, 2.6  # a progress bar's row, the room for its goal's name


def _rond_af(lo: float, hi: float) -> list[float]:
    """Three to five round values spanning ``lo…hi`` (the value gridlines)."""
    if hi <= lo:
        hi, lo = lo + 1, lo - 1
    return [float(v) for v in MaxNLocator(nbins=3).tick_values(lo, hi)]


def _datumstreepjes(begin: dt.date, eind: dt.date) -> list[dt.date]:
    """First days of months (or of years) spread over ``begin…eind``: three to five of them."""
    maanden = (eind.year - begin.year) * 12 + eind.month - begin.month
    stap = next((s for s in (1, 2, 3, 6, 12, 24) if maanden / s <= 5), 48)
    uit = []
    jaar, m = begin.year, begin.month + 1
    while True:
        if m > 12:
            jaar, m = jaar + 1, m - 12
        d = dt.date(jaar, m, 1)
        if d > eind:
            return uit
        if (jaar * 12 + m - 1) % stap == 0:
            uit.append(d)
        m += 1


class _Doek:
    """Everything the dashboard draws, gathered per style and put on the figure in a few artists."""

    def __init__(self, fig: Figure):
        self.fig = fig
        self.inch = fig.dpi_scale_trans
        self.klein = Tekstpaden(fig, grootte=7.5)
        self.tekst = Tekstpaden(fig, grootte=8.5)
        self.vet = Tekstpaden(fig, grootte=8.5, vet=True)
        self.kop = Tekstpaden(fig, grootte=10, vet=True)
        self.lijnen: dict[str, list] = {k: [] for k in _STIJL}
        self.kaders: list = []
        self.kaderkleuren: list[str] = []
        self.banden: list = []
        self.ruiten: list[tuple[float, float]] = []

    def klaar(self) -> None:
        from matplotlib.collections import LineCollection, PolyCollection
        from matplotlib.lines import Line2D

        if self.banden:
            self.fig.add_artist(
                PolyCollection(
                    self.banden, transform=self.inch, facecolors="#8a5a00", alpha=0.18,
                    linewidths=0,
                )
            )  # fmt: skip
        for naam, segmenten in self.lijnen.items():
            if segmenten:
                self.fig.add_artist(LineCollection(segmenten, transform=self.inch, **_STIJL[naam]))
        if self.ruiten:
            xs, ys = zip(*self.ruiten, strict=True)
            self.fig.add_artist(
                Line2D(
                    xs, ys, transform=self.inch, linestyle="none", marker="D", markersize=4,
                    color="#8a5a00",
                )
            )  # fmt: skip
        if self.kaders:
            self.fig.add_artist(
                LineCollection(
                    self.kaders, transform=self.inch, colors=self.kaderkleuren, linewidths=1.2
                )
            )
        for t in (self.klein, self.tekst, self.vet, self.kop):
            t.klaar()
        # Every label, in reading order per style: the text alternative's source and a test's.
        self.fig.bm_labels = [x for t in (self.vet, self.tekst, self.klein) for x in t.teksten()]


_STIJL = {
    "raster": {"colors": "#d0d0d0", "linewidths": 0.6, "zorder": 0.5},  # under the bars
    "basis": {"colors": "#555555", "linewidths": 0.8, "linestyles": ":"},
    "norm": {"colors": "#2e7d32", "linewidths": 1.2, "linestyles": "-."},
    "deadline": {"colors": "#c62828", "linewidths": 1.0},
    "data": {"colors": "#1f5f99", "linewidths": 1.0},
    "trend": {"colors": "#8a5a00", "linewidths": 1.2, "linestyles": "--"},
}


def _dashboard(plan: Plan, *, kolommen: int | None) -> Figure:
    standen = kpi_standen(plan)
    n = len(standen)
    kolommen = kolommen or (4 if n >= 10 else 3)
    rijen_kpi = -(-n // kolommen) if n else 0
    balken = _rijen(standen, per_kpi=False)
    kop, legenda_h, voet = 0.75, 0.55, 0.35
    h_voortgang = _RIJ_H * len(balken) + 0.9
    breedte = max(_PANEEL_B * kolommen, 10.0)
    hoogte = kop + h_voortgang + legenda_h + rijen_kpi * _PANEEL_H + voet
    fig = nieuwe_figuur(figsize=(breedte, hoogte))
    doek = _Doek(fig)
    _teken_balken(doek, balken, breedte, top=hoogte - kop)
    alle = [d for s in standen for d, _ in s.punten] + [s.deadline for s in standen if s.deadline]
    bereik = None
    if alle:
        marge = dt.timedelta(days=max(1, (max(alle) - min(alle)).days // 50))
        bereik = (min(alle) - marge, max(alle) + marge)
    for i, s in enumerate(standen):
        rij, kol = divmod(i, kolommen)
        _teken_paneel(
            doek, s, bereik,
            x0=kol * _PANEEL_B + _LINKS,
            y0=voet + (rijen_kpi - 1 - rij) * _PANEEL_H + 0.12,
            met_datums=i + kolommen >= n,
        )  # fmt: skip
    if standen:
        _teken_uitleg(doek, 0.1, voet + rijen_kpi * _PANEEL_H + 0.2)
    doek.klaar()
    datum = max((s.datum_laatste for s in standen if s.datum_laatste), default=None)
    fig.suptitle(
        tekst(
            "meten.grafiek.titel_dashboard",
            naam=plan.organisatie.naam or "?",
            datum=datum if isinstance(datum, dt.date) else "–",
        ),
        y=1 - 0.25 / hoogte,
        fontsize=13,
        fontweight="bold",
    )
    fig.bm_alt = tekst(
        "meten.grafiek.alt_dashboard",
        naam=plan.organisatie.naam or "?",
        rijen="; ".join(
            tekst(
                "meten.grafiek.alt_paneel",
                kpi=s.kpi.id,
                naam=s.kpi.naam or s.kpi.id,
                status=tekst(f"meten.status.{s.status}"),
                procent="-" if s.bereikt is None else round(s.bereikt * 100),
            )
            for s in standen
        ),
    )
    return fig


def _teken_balken(doek: _Doek, balken, breedte: float, *, top: float) -> None:
    """Attainment per goal as bars, each with its percentage, status symbol and word, and the
    status's hatch pattern: the top of the dashboard."""
    from matplotlib.patches import Rectangle

    x0, w = _LABEL_B + 0.2, breedte - _LABEL_B - 2.6
    doek.vet.schrijf(tekst("meten.grafiek.titel_voortgang"), 0.1, top - 0.05, va="top")
    boven = top - 0.4
    onder = boven - _RIJ_H * len(balken)
    for j, (label, waarde, status, _doel) in enumerate(balken):
        y = boven - (j + 0.5) * _RIJ_H
        doek.vet.schrijf(label, x0 - 0.1, y, ha="right", va="center")
        lengte = 0 if waarde is None else w * waarde
        doek.fig.add_artist(
            Rectangle(
                (x0, y - _RIJ_H * 0.38), lengte, _RIJ_H * 0.76, transform=doek.inch,
                facecolor=KLEUR[status], hatch=ARCERING[status], edgecolor=_LIJN, linewidth=0.6,
            )
        )  # fmt: skip
        procent = "–" if waarde is None else f"{getal(round(waarde * 100))}%"
        doek.tekst.schrijf(f"{procent}  {status_tekst(status)}", x0 + lengte + 0.08, y, va="center")
    for v in (0, 25, 50, 75, 100):
        x = x0 + w * v / 100
        doek.lijnen["raster"].append([(x, onder), (x, boven)])
        doek.klein.schrijf(f"{v}%", x, onder - 0.05, ha="center", va="top")
    doek.lijnen["norm"].append([(x0 + w, onder - 0.02), (x0 + w, boven + 0.02)])
    doek.kaders.append([(x0, onder), (x0, boven)])
    doek.kaderkleuren.append(_LIJN)


def _teken_paneel(doek: _Doek, s: KPIStand, bereik, *, x0: float, y0: float, met_datums: bool):
    """One KPI's small multiple: its title lines, value gridlines and the lines of teken_kpi."""
    from ..taal.berichten import maand

    w, h = _PANEEL_B - _LINKS - _TUSSEN, _PANEEL_H - _TITEL_H - 0.12
    k = s.kpi
    status = status_tekst(s.status)
    if s.bereikt is not None:
        procent = f"{getal(round(s.bereikt * 100))}%"
        status += " · " + tekst("meten.grafiek.bereikt", procent=procent)
    if s.laatste is not None:
        status += " · " + tekst(
            "meten.grafiek.laatste", waarde=_getal(s.laatste), eenheid=k.eenheid
        )
    titel = tekst(
        "meten.grafiek.titel_kpi", kpi=k.id, naam=_kort(k.naam or k.id, 44), doel=k.doel or "?"
    )
    doek.tekst.schrijf(f"{titel}\n{status}", x0 - _LINKS + 0.08, y0 + h + 0.08, va="bottom")
    doek.kaders.append([(x0, y0), (x0 + w, y0), (x0 + w, y0 + h), (x0, y0 + h), (x0, y0)])
    doek.kaderkleuren.append(KLEUR[s.status])
    if bereik is None or not s.punten:
        doek.tekst.schrijf(
            tekst("meten.grafiek.geen_metingen"), x0 + w / 2, y0 + h / 2, ha="center", va="center"
        )
        return
    t0, t1 = bereik
    p = s.interval
    kern = [v for _, v in s.punten] + [v for v in (s.norm, s.basis, s.prognose) if v is not None]
    lo, hi = min(kern), max(kern)
    met_band = p is not None and p.boven < float("inf")
    if met_band:
        # The band may widen the scale by half the data's span, no more: a band of ±30 around
        # data between 8 and 12 would flatten the measurements into a line.
        ruim = (hi - lo) / 2 or abs(hi) / 4 or 1
        lo, hi = min(lo, max(p.onder, lo - ruim)), max(hi, min(p.boven, hi + ruim))
    streepjes = _rond_af(lo, hi)
    lo, hi = min(lo, streepjes[0]), max(hi, streepjes[-1])
    dagen = (t1 - t0).days or 1

    def xy(d: dt.date, v: float) -> tuple[float, float]:
        return x0 + w * (d - t0).days / dagen, y0 + h * (min(max(v, lo), hi) - lo) / (hi - lo)

    for v in streepjes:
        y = xy(t0, v)[1]
        doek.lijnen["raster"].append([(x0, y), (x0 + w, y)])
        doek.klein.schrijf(_getal(v), x0 - 0.05, y, ha="right", va="center")
    doek.lijnen["data"].append([xy(d, v) for d, v in s.punten])
    for naam, v in (("norm", s.norm), ("basis", s.basis)):
        if v is not None:
            doek.lijnen[naam].append([xy(t0, v), xy(t1, v)])
    if s.deadline is not None:
        x = xy(s.deadline, lo)[0]
        doek.lijnen["deadline"].append([(x, y0), (x, y0 + h)])
    if s.trend is not None:
        begin, laatste = s.punten[0][0], s.punten[-1][0]
        eind = max(s.deadline or laatste, laatste)
        doek.lijnen["trend"].append(
            [xy(begin, s.trend.waarde_op(begin)), xy(eind, s.trend.waarde_op(eind))]
        )
        if met_band and eind > laatste:
            stap = max(1, (eind - laatste).days // 8)
            band = [laatste + dt.timedelta(days=d) for d in range(0, (eind - laatste).days, stap)]
            rand = [s.trend.prognose(d) for d in [*band, eind]]
            doek.banden.append(
                [xy(r.datum, r.onder) for r in rand] + [xy(r.datum, r.boven) for r in rand[::-1]]
            )
        if s.prognose is not None:
            doek.ruiten.append(xy(eind, s.prognose))
    if met_datums:
        for d in _datumstreepjes(t0, t1):
            doek.klein.schrijf(maand(d), xy(d, lo)[0], y0 - 0.05, ha="center", va="top")


def _teken_uitleg(doek: _Doek, x: float, y: float) -> None:
    """One legend for every panel: what each line and the band stand for."""
    from matplotlib.patches import Rectangle

    delen = [
        ("data", tekst("meten.grafiek.metingen")),
        ("trend", tekst("meten.grafiek.trend_kort")),
        ("band", tekst("meten.grafiek.interval")),
        ("norm", tekst("meten.grafiek.norm_kort")),
        ("basis", tekst("meten.grafiek.basis_kort")),
        ("deadline", tekst("meten.grafiek.deadline_kort")),
    ]
    for soort, label in delen:
        if soort == "band":
            doek.fig.add_artist(
                Rectangle(
                    (x, y - 0.06), 0.35, 0.12, transform=doek.inch, facecolor="#8a5a00",
                    alpha=0.18, linewidth=0,
                )
            )  # fmt: skip
        else:
            doek.lijnen[soort].append([(x, y), (x + 0.35, y)])
        doek.tekst.schrijf(label, x + 0.45, y, va="center")
        x += 0.45 + doek.tekst.breedte(label) / 72 + 0.35
