"""Progress: attainment and forecast against hand-computed values, rule BM330, and the plots."""

from __future__ import annotations

import datetime as dt

import pytest

from basismodel_edu import (
    KPI,
    Doel,
    Meting,
    Plan,
    controleer,
    reeks,
    voeg_metingen_toe,
    voorbeeldmetingen,
    voorbeeldplan,
    voortgang,
)
from basismodel_edu.controle.meetstand import bereikt, trendlijn

D = dt.date


def _plan(reeks_, *, nulmeting=100, streefwaarde=200, norm=200, richting="hoger", eenheid="x",
          deadline=None):  # fmt: skip
    deadline = deadline or D(2027, 1, 31)
    plan = Plan(
        doelen=[
            Doel(
                id="D1",
                nulmeting=nulmeting,
                streefwaarde=streefwaarde,
                eenheid="x",
                deadline=deadline,
            )
        ],
        kpis=[
            KPI(id="K1", doel="D1", naam="Volgers", eenheid=eenheid, norm=norm, richting=richting)
        ],
    )
    return voeg_metingen_toe(plan, [Meting(kpi="K1", datum=d, waarde=w) for d, w in reeks_])


# Three points 10 days apart: 110, 130, 150. By hand: x = 0, 10, 20 (days), x̄ = 10, ȳ = 130,
# slope = ((-10)(-20) + 0 + (10)(20)) / (100 + 0 + 100) = 2 a day; at the deadline (x = 30):
# 130 + 2 · (30 − 10) = 170. Attainment = (150 − 100) / (200 − 100) = 0.5.
LANGZAAM = [(D(2027, 1, 1), 110), (D(2027, 1, 11), 130), (D(2027, 1, 21), 150)]
LANG = [(D(2027, 1, 1) + dt.timedelta(days=10 * i), 110 + 16 * i + (-1) ** i) for i in range(6)]


def test_attainment_and_forecast_by_hand():
    rij = voortgang(_plan(LANGZAAM)).loc["K1"]
    assert rij["basis"] == 100 and rij["laatste"] == 150 and rij["norm"] == 200
    assert rij["bereikt"] == pytest.approx(0.5)
    assert rij["prognose"] == pytest.approx(170)
    assert rij["trend_per_maand"] == pytest.approx(2 * 30.4375)
    assert rij["status"] == "dreigt_gemist" and bool(rij["dreigt_gemist"])
    # A later deadline gives the line time: 130 + 2 · (55 − 10) = 220 ≥ 200. But the deadline
    # is 35 days past the last measurement and the three cover 20: too far ahead to reassure.
    rij = voortgang(_plan(LANGZAAM, deadline=D(2027, 2, 25))).loc["K1"]
    assert rij["prognose"] == pytest.approx(220) and rij["status"] == "onzeker"
    # Measured for longer (six points over 50 days, 1.6 a day with some noise) and with a
    # deadline 18 days after the last, the whole interval clears the norm: on track.
    rij = voortgang(_plan(LANG, deadline=D(2027, 3, 10))).loc["K1"]
    assert rij["status"] == "op_koers" and rij["prognose_onder"] >= 200


def test_trend_line_and_attainment_helpers():
    t = trendlijn([(D(2027, 1, 1), 4), (D(2027, 1, 2), 4), (D(2027, 1, 3), 7)])
    # x̄ = 1, ȳ = 5; slope = ((-1)(-1) + 0 + (1)(2)) / 2 = 1.5; y(0) = 5 − 1.5 = 3.5.
    assert t.helling_per_dag == pytest.approx(1.5) and t.snijpunt == pytest.approx(3.5)
    assert trendlijn(LANGZAAM[:2]) is None  # fewer than three measurements
    assert trendlijn([(D(2027, 1, 1), 1)] * 3) is None  # all on one date
    assert bereikt(50, basis=100, norm=200) == 0  # went backwards: clipped to 0
    assert bereikt(260, basis=100, norm=200) == 1  # beyond the norm: clipped to 1
    assert bereikt(6, basis=10, norm=2, richting="lager") == pytest.approx(0.5)
    assert bereikt(5, basis=5, norm=5) == 1 and bereikt(4, basis=5, norm=5) == 0


def test_lower_is_better_uses_the_same_formula():
    # Response time in hours, from 10 to 2: measured 9, 8, 6 → attainment (6−10)/(2−10) = 0.5.
    # Slope: x = 0, 10, 20; ȳ = 23/3; Σ(x−x̄)(y−ȳ) = (-10)(4/3) + 0 + 10(-5/3) = -30 → -0.15 a day;
    # at x = 30: 23/3 − 0.15 · 20 = 4.667 > 2 → likely missed.
    plan = _plan(
        [(D(2027, 1, 1), 9), (D(2027, 1, 11), 8), (D(2027, 1, 21), 6)],
        nulmeting=10, streefwaarde=2, norm=2, richting="lager",
    )  # fmt: skip
    rij = voortgang(plan).loc["K1"]
    assert rij["bereikt"] == pytest.approx(0.5)
    assert rij["prognose"] == pytest.approx(23 / 3 - 3)
    assert rij["status"] == "dreigt_gemist"


@pytest.mark.parametrize(
    ("metingen", "status"),
    [
        ([*LANGZAAM, (D(2027, 1, 25), 205)], "gehaald"),
        ([*LANGZAAM[:2], (D(2027, 2, 3), 150)], "gemist"),  # deadline passed, not reached
        (LANGZAAM[:2], "onbekend"),  # too few to draw a line
        ([], "onbekend"),
    ],
)
def test_status(metingen, status):
    assert voortgang(_plan(metingen)).loc["K1", "status"] == status


def test_kpi_with_another_unit_starts_from_its_first_measurement():
    rij = voortgang(_plan(LANGZAAM, eenheid="accounts", norm=190)).loc["K1"]
    assert rij["basis"] == 110 and rij["bereikt"] == pytest.approx(40 / 80)


def test_series_is_indexed_by_date_and_unknown_kpi_is_named():
    plan = _plan(list(reversed(LANGZAAM)))
    s = reeks(plan, "K1")
    assert list(s) == [110, 130, 150] and s.index.is_monotonic_increasing
    assert str(s.index.dtype).startswith("datetime64") and s.name == "K1"
    assert reeks(_plan([]), "K1").empty
    with pytest.raises(ValueError, match=r"geen KPI 'K7'.*K1"):
        reeks(plan, "K7")


def test_sample_case_progress_per_goal_and_html():
    plan = voeg_metingen_toe(voorbeeldplan(), voorbeeldmetingen())
    tabel = voortgang(plan)
    assert list(tabel.index[tabel["dreigt_gemist"]]) == ["K3"]
    doelen = tabel.per_doel()
    assert doelen.loc["D2", "status"] == "dreigt_gemist"
    assert doelen.loc["D1", "bereikt"] == pytest.approx(tabel.loc[["K1", "K2"], "bereikt"].mean())
    html = tabel._repr_html_()
    assert "⚠ dreigt gemist" in html and "↗ op koers" in html and "<table" in html
    assert "1 dreigt de norm te missen" in tabel.samenvatting()


def test_rule_bm330_fires_on_a_slow_trend_only():
    uitslag = controleer(_plan(LANGZAAM), "BM330")
    b = next(iter(uitslag))
    assert (b.code, b.ernst, b.pad) == ("BM330", "waarschuwing", "doelen[0].streefwaarde")
    # Three points on a perfect line: no spread, so the interval is the forecast itself.
    assert "uit op 170 x (95%-interval 170 tot 170), terwijl de norm 200 is" in b.bericht()
    assert controleer(_plan(LANG, deadline=D(2027, 3, 10)), "BM330").codes() == []
    # A plan that is learning still hears what its data say: the warning stays a warning.
    plan = _plan(LANGZAAM)
    plan.modus = "lerend"
    assert next(iter(controleer(plan, "BM330"))).ernst == "waarschuwing"


# --- plots: inspected, not only run ---------------------------------------------------------


def _legenda(ax):
    return [t.get_text() for t in ax.get_legend().get_texts()]


def test_kpi_plot_has_series_target_deadline_and_dashed_forecast():
    from matplotlib.figure import Figure

    from basismodel_edu import teken_kpi

    fig = teken_kpi(_plan(LANGZAAM), "K1")
    assert isinstance(fig, Figure)
    ax = fig.axes[0]
    assert _legenda(ax) == [
        "metingen",
        "trend → prognose 170 op de deadline",
        "95%-interval van de prognose",
        "nulmeting 100",
        "norm 200 x",
        "deadline 31 januari 2027",
    ]
    lijnen = {ln.get_label(): ln for ln in ax.get_lines()}
    assert list(lijnen["metingen"].get_ydata()) == [110, 130, 150]
    # Dutch on the axes too: months by Babel (matplotlib writes "Jan", "Feb").
    fig.canvas.draw()
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2027", "15 jan", "feb"]
    trend = lijnen["trend → prognose 170 op de deadline"]
    assert trend.get_linestyle() == "--" and list(trend.get_ydata()) == pytest.approx([110, 170])
    assert list(lijnen["norm 200 x"].get_ydata()) == [200, 200]
    assert "⚠ dreigt gemist" in ax.get_title(loc="left")
    assert ax.get_xlabel() == "datum" and ax.get_ylabel() == "x"


def test_progress_plot_bars_and_status_words():
    from basismodel_edu import teken_voortgang

    plan = voeg_metingen_toe(voorbeeldplan(), voorbeeldmetingen())
    ax = teken_voortgang(plan).axes[0]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[0] == "Doel D1 (gemiddeld)" and labels[1].strip().startswith("K1")
    teksten = [t.get_text() for t in ax.texts]
    assert "37%  ⚠ dreigt gemist" in teksten
    breedtes = {
        lab.strip().split()[0]: p.get_width() for lab, p in zip(labels, ax.patches, strict=False)
    }
    assert breedtes["K3"] == pytest.approx(voortgang(plan).loc["K3", "bereikt"] * 100)
    arceringen = {p.get_hatch() for p in ax.patches}
    assert {"//", "xx"} <= arceringen  # status also by pattern, not by colour alone


def test_value_axis_has_decimal_commas():
    from basismodel_edu import teken_kpi

    fig = teken_kpi(voeg_metingen_toe(voorbeeldplan(), voorbeeldmetingen()), "K3")
    fig.canvas.draw()
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert "12,5" in labels and not any("." in t for t in labels)


def test_dashboard_is_one_figure_with_a_panel_per_kpi_and_english_labels():
    from matplotlib.patches import Rectangle

    from basismodel_edu import dashboard, zet_taal

    plan = voeg_metingen_toe(voorbeeldplan(), voorbeeldmetingen())
    zet_taal("en")
    try:
        fig = dashboard(plan)
    finally:
        zet_taal("nl")
    # Drawn straight onto the figure: no Axes (and no tick machinery) per KPI.
    assert fig.axes == []
    assert (
        fig.get_suptitle()
        == "Dashboard — Koffiebranderij De Boon (latest measurement 31 March 2027)"
    )
    labels = fig.bm_labels
    titels = [t for t in labels if t.startswith("K3 · ")]
    assert titels == [
        "K3 · Reacties per post (goal D2)\n⚠ likely missed · 37% attained · latest 10.6 reacties"
        " per post"
    ]
    assert all(any(t.startswith(f"{k.id} · ") for t in labels) for k in plan.kpis)
    assert "measurements" in labels and "95% interval of the forecast" in labels
    assert "K3 (Reacties per post): likely missed, 37% attained" in fig.bm_alt
    # A bar per goal, as long as its mean attainment, with the status's hatch.
    balken = [p for p in fig.artists if isinstance(p, Rectangle) and p.get_hatch() is not None]
    per_doel = voortgang(plan).per_doel()
    breedtes = [b.get_width() for b in balken]
    assert len(breedtes) == len(per_doel)
    verhouding = [w / max(breedtes) for w in breedtes]
    assert verhouding == pytest.approx(list(per_doel["bereikt"] / per_doel["bereikt"].max()))
    assert {"//", "xx"} <= {b.get_hatch() for b in balken}


def test_dashboard_dates_only_on_the_bottom_row_and_one_time_range():
    from basismodel_edu import dashboard

    plan = voeg_metingen_toe(voorbeeldplan(), voorbeeldmetingen())
    for kolommen in (2, 3):
        fig = dashboard(plan, kolommen=kolommen)
        datums = [t for t in fig.bm_labels if t in ("2027", "2028", "jul")]
        # The dates under each column's bottom panel only: one time range for all panels.
        assert len(datums) == 3 * kolommen, kolommen
    # Three to five value gridlines per panel.
    from matplotlib.collections import LineCollection

    raster = next(c for c in fig.artists if isinstance(c, LineCollection) and c.get_zorder() == 0.5)
    assert 3 * 6 + 5 <= len(raster.get_segments()) <= 5 * 6 + 5  # + the bars' 0…100 % lines


def test_dashboard_draws_its_labels_as_outlines_with_a_fallback_for_missing_characters():
    from matplotlib.figure import Figure

    from basismodel_edu.meten.tekstpaden import Tekstpaden

    fig = Figure()
    t = Tekstpaden(fig, grootte=9)
    t.schrijf("K1 · ✔ gehaald", 1, 1)
    t.schrijf("猫 KPI", 1, 2)  # no such glyph in DejaVu Sans: an ordinary Text finds a font
    t.klaar()
    assert t.teksten() == ["K1 · ✔ gehaald"]
    assert [x.get_text() for x in fig.texts] == ["猫 KPI"]
    # Right alignment puts the end of the label at x: its outline ends just left of 72 pt.
    fig2 = Figure()
    r = Tekstpaden(fig2, grootte=10)
    r.schrijf("1.200", 1, 1, ha="right")
    r.klaar()
    punten = fig2.artists[0].get_path().vertices
    assert 68 < punten[:, 0].max() <= 72 and punten[:, 0].min() == pytest.approx(
        72 - r.breedte("1.200"), abs=2
    )


def test_an_empty_plan_still_draws_a_dashboard():
    from basismodel_edu import dashboard

    fig = dashboard(Plan())
    assert fig.get_suptitle().startswith("Dashboard")
    fig.savefig(__import__("io").BytesIO(), format="png")


def test_voortgang_is_the_function_even_after_its_module_loaded():
    import basismodel_edu
    from basismodel_edu import reeks  # loads the module behind voortgang first

    assert callable(reeks)
    from basismodel_edu import voortgang as v

    assert v is basismodel_edu.meten.voortgangstabel.voortgang
