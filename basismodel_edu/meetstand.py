"""Where each KPI stands: latest value, attainment, trend and forecast — in plain Python.

This is the arithmetic behind :func:`~.voortgangstabel.voortgang`, the plots and rule BM330. It uses
no pandas, so that checking a plan stays instant; :mod:`.voortgangstabel` turns the result into tables.

The formulas, so that a student can do them by hand:

* **basis** (baseline): the goal's ``nulmeting`` when the KPI has the goal's unit (it measures the
  goal's own indicator); otherwise the KPI's first measurement.
* **norm** (target): the KPI's ``norm``; when it has none and shares the goal's unit, the goal's
  ``streefwaarde``.
* **bereikt** (attainment, as OKR scoring does): ``(laatste − basis) / (norm − basis)``, clipped
  to 0…1. The same formula serves a KPI that should go down (``richting="lager"``): both the
  numerator and the denominator are then negative. When ``norm`` equals ``basis``, attainment is
  1 if the norm is reached and 0 if not.
* **trend**: the straight line through the measurements by least squares, with time ``x`` in days
  since the first measurement: ``helling = Σ(x − x̄)(y − ȳ) / Σ(x − x̄)²`` and
  ``y = ȳ + helling · (x − x̄)``. It needs at least :data:`MIN_METINGEN` measurements.
* **prognose** (forecast): the trend line's value at the goal's deadline.
* **status**: ``gehaald`` when the latest value reaches the norm (``≥`` for ``hoger``, ``≤`` for
  ``lager``); else ``gemist`` when the latest measurement is on or after the deadline; else
  ``op_koers`` or ``dreigt_gemist`` as the forecast reaches the norm or not; ``onbekend`` when
  there is no norm, no deadline or too few measurements to draw a line.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .model import KPI, Doel, Plan

__all__ = [
    "MIN_METINGEN",
    "STATUSSEN",
    "KPIStand",
    "Trend",
    "bereikt",
    "doelstatus",
    "kpi_standen",
    "trendlijn",
]

#: A line through fewer points says nothing a student should act on.
MIN_METINGEN = 3
#: Statuses from worst to best; a goal takes the worst status of its KPIs.
STATUSSEN = ("gemist", "dreigt_gemist", "onbekend", "op_koers", "gehaald")


@dataclass(frozen=True, slots=True)
class Trend:
    """A straight line ``y = snijpunt + helling_per_dag · (datum − begin).days``."""

    begin: dt.date
    snijpunt: float
    helling_per_dag: float

    def waarde_op(self, datum: dt.date) -> float:
        return self.snijpunt + self.helling_per_dag * (datum - self.begin).days

    @property
    def per_maand(self) -> float:
        """The slope per average month (30.44 days), the unit a student reads a trend in."""
        return self.helling_per_dag * 30.4375


def trendlijn(punten: list[tuple[dt.date, float]]) -> Trend | None:
    """The least-squares line through ``(datum, waarde)`` points, or ``None`` with too few.

    >>> import datetime as dt
    >>> t = trendlijn([(dt.date(2027, 1, 1), 10), (dt.date(2027, 1, 11), 12),
    ...                (dt.date(2027, 1, 21), 14)])
    >>> round(t.helling_per_dag, 3), t.waarde_op(dt.date(2027, 1, 31))
    (0.2, 16.0)
    """
    if len(punten) < MIN_METINGEN:
        return None
    begin = min(d for d, _ in punten)
    xs = [(d - begin).days for d, _ in punten]
    ys = [float(y) for _, y in punten]
    n = len(xs)
    gx, gy = sum(xs) / n, sum(ys) / n
    noemer = sum((x - gx) ** 2 for x in xs)
    if noemer == 0:
        return None  # every measurement on one date: no line
    helling = sum((x - gx) * (y - gy) for x, y in zip(xs, ys, strict=True)) / noemer
    return Trend(begin, gy - helling * gx, helling)


def _gehaald(waarde: float, norm: float, richting: str) -> bool:
    return waarde >= norm if richting == "hoger" else waarde <= norm


def bereikt(laatste: float, basis: float, norm: float, richting: str = "hoger") -> float:
    """Attainment 0…1: ``(laatste − basis) / (norm − basis)``, clipped.

    >>> bereikt(2400, basis=1800, norm=3000)
    0.5
    >>> bereikt(6, basis=10, norm=2, richting="lager")
    0.5
    """
    if norm == basis:
        return 1.0 if _gehaald(laatste, norm, richting) else 0.0
    return min(1.0, max(0.0, (laatste - basis) / (norm - basis)))


@dataclass(slots=True)
class KPIStand:
    """Where one KPI stands, with everything needed to explain it."""

    kpi: KPI
    index: int
    doel: Doel | None
    doel_index: int | None
    punten: list[tuple[dt.date, float]]
    basis: float | None
    norm: float | None
    trend: Trend | None
    status: str

    @property
    def laatste(self) -> float | None:
        return self.punten[-1][1] if self.punten else None

    @property
    def datum_laatste(self) -> dt.date | None:
        return self.punten[-1][0] if self.punten else None

    @property
    def deadline(self) -> dt.date | None:
        return self.doel.deadline if self.doel else None

    @property
    def bereikt(self) -> float | None:
        if self.laatste is None or self.norm is None or self.basis is None:
            return None
        return bereikt(self.laatste, self.basis, self.norm, self.kpi.richting)

    @property
    def prognose(self) -> float | None:
        if self.trend is None or self.deadline is None:
            return None
        return self.trend.waarde_op(self.deadline)

    @property
    def dreigt_gemist(self) -> bool:
        return self.status == "dreigt_gemist"


def _zelfde_eenheid(kpi: KPI, doel: Doel | None) -> bool:
    return bool(doel and kpi.eenheid.strip().casefold() == doel.eenheid.strip().casefold())


def _status(
    kpi: KPI, norm: float | None, deadline: dt.date | None, punten, trend: Trend | None
) -> str:
    if norm is None or not punten:
        return "onbekend"
    datum, laatste = punten[-1]
    if _gehaald(laatste, norm, kpi.richting):
        return "gehaald"
    if deadline is None:
        return "onbekend"
    if datum >= deadline:
        return "gemist"
    if trend is None:
        return "onbekend"
    return (
        "op_koers" if _gehaald(trend.waarde_op(deadline), norm, kpi.richting) else "dreigt_gemist"
    )


def kpi_standen(plan: Plan) -> list[KPIStand]:
    """One :class:`KPIStand` per KPI of ``plan``, in the plan's order."""
    per_kpi: dict[str, dict[dt.date, float]] = defaultdict(dict)
    for m in plan.metingen:
        per_kpi[m.kpi][m.datum] = m.waarde  # a later duplicate of one date wins
    doelen = {}
    for i, d in enumerate(plan.doelen):
        doelen.setdefault(d.id, (i, d))
    uit = []
    for i, k in enumerate(plan.kpis):
        doel_index, doel = doelen.get(k.doel, (None, None))
        punten = sorted(per_kpi.get(k.id, {}).items())
        zelfde = _zelfde_eenheid(k, doel)
        if zelfde and doel.nulmeting is not None:
            basis = doel.nulmeting
        else:
            basis = punten[0][1] if punten else None
        norm = k.norm if k.norm is not None else (doel.streefwaarde if zelfde else None)
        trend = trendlijn(punten)
        status = _status(k, norm, doel.deadline if doel else None, punten, trend)
        uit.append(KPIStand(k, i, doel, doel_index, punten, basis, norm, trend, status))
    return uit


def doelstatus(standen: list[KPIStand]) -> str:
    """A goal's status: the worst of its KPIs' (see :data:`STATUSSEN`)."""
    if not standen:
        return "onbekend"
    return min((s.status for s in standen), key=STATUSSEN.index)
