"""The forecast's 95 % prediction interval: its t values, its coverage on synthetic series, and
the statuses it gives (a line through three points, a year ahead, is not "op koers")."""

from __future__ import annotations

import datetime as dt
import math
import random

import pytest

from basismodel_edu import KPI, Doel, Meting, Plan, voeg_metingen_toe, voortgang
from basismodel_edu.controle.meetstand import kpi_standen, t_kwantiel, trendlijn
from basismodel_edu.meten.voortgangstabel import toelichting

D = dt.date
BEGIN = D(2027, 1, 1)


def _t_verdeling(q: float, v: int) -> float:
    """P(T ≤ q) for Student's t with v degrees of freedom, by Simpson's rule on the density."""
    c = math.exp(math.lgamma((v + 1) / 2) - math.lgamma(v / 2)) / math.sqrt(v * math.pi)
    stappen = 4000
    h = q / stappen
    som = 0.0
    for i in range(stappen + 1):
        f = c * (1 + (i * h) ** 2 / v) ** (-(v + 1) / 2)
        som += f * (1 if i in (0, stappen) else 4 if i % 2 else 2)
    return 0.5 + som * h / 3


@pytest.mark.parametrize("v", [*range(1, 31), 31, 45, 60, 120, 1000])
def test_t_quantile_leaves_two_and_a_half_percent_above_it(v):
    assert _t_verdeling(t_kwantiel(v), v) == pytest.approx(0.975, abs=2e-4)


def _dekking(n: int, vooruit: int, reeksen: int, *, naief: bool = False, seed: int = 1) -> float:
    """How often the interval at ``vooruit`` days past the last of ``n`` measurements (one every
    7 days, some missing) holds the value a new measurement really takes there."""
    kans = random.Random(seed)
    raak = 0
    for _ in range(reeksen):
        a, b, sigma = kans.uniform(50, 500), kans.uniform(-3, 3), kans.uniform(1, 40)
        xs = sorted(kans.sample(range(0, 7 * (n + 3), 7), n))
        punten = [(BEGIN + dt.timedelta(days=x), a + b * x + kans.gauss(0, sigma)) for x in xs]
        t = trendlijn(punten)
        x0 = xs[-1] + vooruit
        echt = a + b * x0 + kans.gauss(0, sigma)
        p = t.prognose(BEGIN + dt.timedelta(days=x0))
        if naief:  # the line's value ± 1.96 s: what a spreadsheet's "trend ± 2 sd" would give
            onder, boven = p.waarde - 1.96 * t.s, p.waarde + 1.96 * t.s
        else:
            onder, boven = p.onder, p.boven
        raak += onder <= echt <= boven
    return raak / reeksen


@pytest.mark.parametrize(("n", "vooruit"), [(3, 14), (5, 30), (12, 60), (40, 200)])
def test_interval_holds_the_real_value_95_times_in_100(n, vooruit):
    # 4,000 series: the binomial standard error at 95 % is 0.34 percentage points.
    assert _dekking(n, vooruit, 4000) == pytest.approx(0.95, abs=0.012)


def test_a_naive_interval_fails_the_same_coverage_test():
    # The test can fail: "trend ± 1.96 s" ignores that three points hardly fix the line.
    assert _dekking(3, 14, 4000, naief=True) < 0.8
    assert _dekking(12, 60, 4000, naief=True) < 0.93


def _plan(punten, *, norm=200.0, deadline, richting="hoger"):
    plan = Plan(
        doelen=[Doel(id="D1", nulmeting=100, streefwaarde=norm, eenheid="x", deadline=deadline)],
        kpis=[KPI(id="K1", doel="D1", naam="Volgers", eenheid="x", norm=norm, richting=richting)],
    )
    return voeg_metingen_toe(plan, [Meting(kpi="K1", datum=d, waarde=w) for d, w in punten])


def test_three_quarterly_points_a_year_ahead_are_not_on_track():
    # Three quarters on a near-perfect line to far above the norm: the old status said
    # "op koers". The deadline is 360 days past the last point; the points cover 182 days.
    punten = [(D(2026, 9, 30), 120.0), (D(2026, 12, 31), 141.0), (D(2027, 3, 31), 160.5)]
    plan = _plan(punten, deadline=D(2028, 3, 25))
    s = kpi_standen(plan)[0]
    assert s.prognose > 200 and s.interval.te_ver
    assert s.status == "onzeker"
    uitleg = toelichting(s)
    assert "360 dagen na je laatste meting" in uitleg and "182 dagen" in uitleg
    assert "meet langer" in uitleg
    assert "360 days after your last measurement" in toelichting(s, "en")


def test_a_wide_interval_that_holds_the_norm_is_uncertain_and_says_so():
    # 1 a day from 145, swinging 15 up and down: the line reaches about 205 on the deadline (day 69),
    # the interval's lower end lies far below the norm 200.
    punten = [(BEGIN + dt.timedelta(days=7 * i), 145 + 7 * i + 15 * (-1) ** i) for i in range(8)]
    plan = _plan(punten, deadline=BEGIN + dt.timedelta(days=7 * 7 + 20))
    s = kpi_standen(plan)[0]
    assert s.interval.onder < 200 <= s.prognose and not s.interval.te_ver
    assert s.status == "onzeker"
    assert "daarin past ook een waarde die de norm mist" in toelichting(s)
    tabel = voortgang(plan)
    assert tabel.loc["K1", "prognose_onder"] == pytest.approx(s.interval.onder)
    html = tabel._repr_html_()
    assert "≈ onzeker" in html and "95%-voorspellingsinterval" in html and "tussen" in html


def test_lower_is_better_uses_the_upper_end_of_the_interval():
    # Response time falling from 10 to 4 hours, target 3: the forecast reaches it, the upper end
    # of a noisy series does not.
    kans = random.Random(5)
    punten = [
        (BEGIN + dt.timedelta(days=7 * i), 10 - 0.12 * 7 * i + kans.gauss(0, 1.2)) for i in range(8)
    ]
    plan = _plan(punten, norm=3.0, deadline=BEGIN + dt.timedelta(days=7 * 7 + 14), richting="lager")
    s = kpi_standen(plan)[0]
    assert s.prognose <= 3 < s.interval.boven and s.status == "onzeker"
    rustig = [(d, 10 - 0.12 * (d - BEGIN).days) for d, _ in punten]
    assert (
        kpi_standen(_plan(rustig, norm=3.0, deadline=s.deadline, richting="lager"))[0].status
        == "op_koers"
    )
