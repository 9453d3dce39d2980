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
* **prognose** (forecast): the trend line's value at the goal's deadline, with its **95 %
  prediction interval** — the range in which the value on the deadline falls in 95 of 100
  cases if the line's pattern goes on and the spread around it stays as measured. It is the
  textbook interval of a least-squares line: ``prognose ± t · s · √(1 + 1/n + (x₀ − x̄)² / Σ(x −
  x̄)²)``, with ``s`` the spread of the measurements around the line (``√(Σ residu² / (n − 2))``),
  ``x₀`` the deadline and ``t`` Student's t for ``n − 2`` degrees of freedom (12,7 for three
  measurements, 2,0 for fifty). Few measurements, a large spread and a far deadline all widen it.
* **status**: ``gehaald`` when the latest value reaches the norm (``≥`` for ``hoger``, ``≤`` for
  ``lager``); else ``gemist`` when the latest measurement is on or after the deadline; else
  ``onzeker`` when the deadline lies further ahead of the last measurement than the
  measurements reach back (a line through six months says little about the year after them);
  else ``dreigt_gemist`` when the forecast misses the norm; else ``op_koers`` only when the whole
  interval reaches the norm, and ``onzeker`` when it does not; ``onbekend`` when there is no norm, no deadline or too few
  measurements to draw a line.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..plan.model import KPI, Doel, Plan

__all__ = [
    "BETROUWBAARHEID",
    "MIN_METINGEN",
    "STATUSSEN",
    "KPIStand",
    "Prognose",
    "Trend",
    "bereikt",
    "doelstatus",
    "kpi_standen",
    "t_kwantiel",
    "trendlijn",
]

#: A line through fewer points says nothing a student should act on.
MIN_METINGEN = 3
#: Statuses from worst to best; a goal takes the worst status of its KPIs.
STATUSSEN = ("gemist", "dreigt_gemist", "onbekend", "onzeker", "op_koers", "gehaald")
#: The prediction interval's coverage: 95 of 100 future values fall inside it.
BETROUWBAARHEID = 0.95

# Student's t, two-sided 95 % (the 0.975 quantile), for 1…30 degrees of freedom: the values of
# every statistics table. Above 30 the Cornish-Fisher series around the normal quantile is
# accurate to three decimals (tests/test_voortgang.py integrates the t density to prove both).
_T975 = (
    12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
    2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
    2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
)  # fmt: skip
_Z975 = 1.959964


def t_kwantiel(vrijheidsgraden: int) -> float:
    """Student's t with ``vrijheidsgraden`` degrees of freedom that 2.5 % of values exceed.

    >>> t_kwantiel(1), t_kwantiel(10), round(t_kwantiel(1000), 3)
    (12.706, 2.228, 1.962)
    """
    if vrijheidsgraden < 1:
        raise ValueError(vrijheidsgraden)
    if vrijheidsgraden <= len(_T975):
        return _T975[vrijheidsgraden - 1]
    z, v = _Z975, vrijheidsgraden
    return (
        z
        + (z**3 + z) / (4 * v)
        + (5 * z**5 + 16 * z**3 + 3 * z) / (96 * v**2)
        + (3 * z**7 + 19 * z**5 + 17 * z**3 - 15 * z) / (384 * v**3)
    )


@dataclass(frozen=True, slots=True)
class Prognose:
    """The trend line's value on a date, with its 95 % prediction interval ``onder…boven``."""

    datum: dt.date
    waarde: float
    onder: float
    boven: float
    #: days from the last measurement to ``datum``, and the days the measurements cover
    vooruit: int
    terug: int

    @property
    def te_ver(self) -> bool:
        """The date lies further ahead than the measurements reach back: the line says little."""
        return self.vooruit > self.terug


@dataclass(frozen=True, slots=True)
class Trend:
    """A straight line ``y = snijpunt + helling_per_dag · (datum − begin).days``, with what the
    prediction interval needs: the number of points ``n``, the mean day ``x̄``, ``Σ(x − x̄)²``,
    the spread ``s`` around the line and the last measured day."""

    begin: dt.date
    snijpunt: float
    helling_per_dag: float
    n: int = 0
    gemiddelde_dag: float = 0.0
    spreiding_dagen: float = 0.0
    s: float = 0.0
    laatste_dag: int = 0

    def waarde_op(self, datum: dt.date) -> float:
        return self.snijpunt + self.helling_per_dag * (datum - self.begin).days

    def prognose(self, datum: dt.date) -> Prognose:
        """The line's value on ``datum`` with its 95 % prediction interval (see the module).

        >>> import datetime as dt
        >>> t = trendlijn([(dt.date(2027, 1, 1), 10), (dt.date(2027, 1, 11), 13),
        ...                (dt.date(2027, 1, 21), 14), (dt.date(2027, 1, 31), 17)])
        >>> p = t.prognose(dt.date(2027, 2, 10))
        >>> round(p.waarde, 1), round(p.onder, 1), round(p.boven, 1), p.te_ver
        (19.0, 14.7, 23.3, False)
        """
        x0 = (datum - self.begin).days
        waarde = self.waarde_op(datum)
        if self.n < MIN_METINGEN:
            marge = float("inf")
        else:
            marge = (
                t_kwantiel(self.n - 2)
                * self.s
                * (1 + 1 / self.n + (x0 - self.gemiddelde_dag) ** 2 / self.spreiding_dagen) ** 0.5
            )
        return Prognose(
            datum, waarde, waarde - marge, waarde + marge, x0 - self.laatste_dag, self.laatste_dag
        )

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
    # Sums of centred values (never of raw squares, which lose digits for large counts), in one
    # pass: a dashboard computes this for 20 KPIs of 1,096 days each.
    dx = [x - gx for x in xs]
    dy = [y - gy for y in ys]
    noemer = sum(a * a for a in dx)
    if noemer == 0:
        return None  # every measurement on one date: no line
    sxy = sum(a * b for a, b in zip(dx, dy, strict=True))
    helling = sxy / noemer
    snijpunt = gy - helling * gx
    # Σ residual² = Σ(y − ȳ)² − helling · Σ(x − x̄)(y − ȳ), never below 0 by rounding.
    residuen = max(0.0, sum(b * b for b in dy) - helling * sxy)
    s = (residuen / (n - 2)) ** 0.5 if n > 2 else 0.0
    return Trend(begin, snijpunt, helling, n, gx, noemer, s, max(xs))


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
    def interval(self) -> Prognose | None:
        """The forecast at the deadline with its 95 % prediction interval."""
        if self.trend is None or self.deadline is None:
            return None
        return self.trend.prognose(self.deadline)

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
    p = trend.prognose(deadline)
    if p.te_ver:
        return "onzeker"  # a line that far ahead says as little about missing as about reaching
    if not _gehaald(p.waarde, norm, kpi.richting):
        return "dreigt_gemist"
    # Only the pessimistic end of the interval reaching the norm is reason to reassure.
    zeker = _gehaald(p.onder if kpi.richting == "hoger" else p.boven, norm, kpi.richting)
    return "op_koers" if zeker and not p.te_ver else "onzeker"


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
