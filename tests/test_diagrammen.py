"""The diagrams and the printable summary: inspect what they show, not only that they ran."""

from __future__ import annotations

import itertools

import pytest

from basismodel_edu import plan_samenvatting, teken_basismodel, teken_plan, voorbeeldplan
from basismodel_edu.plan.model import KPI, Ambitie, Doel, Middel, Plan, Tactiek
from basismodel_edu.taal.berichten import zet_taal


def _teksten(fig) -> list[str]:
    from matplotlib.text import Text

    return [t.get_text() for t in fig.findobj(Text) if t.get_text()]


def _op_gid(fig, gid):
    return [a for a in fig.findobj() if a.get_gid() == gid]


def test_basismodel_shows_layers_key_questions_arrow_and_author():
    fig = teken_basismodel()
    alles = "\n".join(_teksten(fig))
    for naam in ("Missie", "Visie", "Strategie", "Tactiek", "Middelen", "Doelen", "KPI's"):
        assert naam in _teksten(fig), naam
    assert "‘Wat is onze business?’" in alles
    assert "‘Wat willen we worden?’" in alles
    assert "terugredeneren" in alles
    assert "Rameckers" in alles and "2011" in alles
    assert _op_gid(fig, "terugredeneren")
    assert not _op_gid(fig, "hier")  # nothing highlighted unless asked


@pytest.mark.parametrize("laag", ["missie", "doelen", "kpis"])
def test_basismodel_highlights_the_lesson_layer(laag):
    fig = teken_basismodel(markeer=laag)
    (vak,) = _op_gid(fig, f"laag-{laag}")
    ander = _op_gid(fig, "laag-visie")[0]
    assert vak.get_linewidth() > ander.get_linewidth()
    assert any("je bent hier" in t for t in _teksten(fig))
    with pytest.raises(ValueError, match="Onbekende markering"):
        teken_basismodel(markeer="strategy")


def test_basismodel_in_english():
    zet_taal("en")
    assert "Mission" in _teksten(teken_basismodel())


def test_plan_graph_of_a_consistent_plan_has_no_breaks(voorbeeld):
    fig = teken_plan(voorbeeld)
    teksten = _teksten(fig)
    for k in voorbeeld.kpis:
        assert any(t.startswith(k.id + " ") for t in teksten), k.id
    assert not _op_gid(fig, "breuk")
    assert not any("✖" in t for t in teksten if not t.startswith("Legenda"))
    assert len(_op_gid(fig, "link")) >= len(voorbeeld.kpis) + len(voorbeeld.doelen)


def test_plan_graph_marks_broken_missing_links_and_loose_parts(voorbeeld, tmp_path):
    p = voorbeeld
    p.kpis[0].doel = "D9"  # a link to a goal that does not exist
    p.doelen[1].ambitie = ""  # a goal without its ambition
    p.tactieken[0].middelen = [p.tactieken[0].middelen[0]]  # leaves a means unused
    los = {m.id for m in p.middelen} - {m for t in p.tactieken for m in t.middelen}
    fig = teken_plan(p, tmp_path / "plan.svg")
    teksten = _teksten(fig)
    assert any("✖ D9 bestaat niet" in t for t in teksten)
    assert len(_op_gid(fig, "breuk")) == 1
    assert any(t.startswith(p.doelen[1].id) and "✖ geen ambitie" in t for t in teksten)
    for m in los:
        assert any(t.startswith(f"⚠ los {m} ") for t in teksten), m
    svg = (tmp_path / "plan.svg").read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg
    teken_plan(p, tmp_path / "plan.png")
    assert (tmp_path / "plan.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    with pytest.raises(ValueError, match=r"\.png of \.svg"):
        teken_plan(p, tmp_path / "plan.pdf")


def _normaal_plan() -> Plan:
    plan = voorbeeldplan()
    plan.visie.ambities = [Ambitie(id=f"A{i}", tekst=f"Ambitie {i}") for i in range(1, 6)]
    plan.doelen = [
        Doel(id=f"D{i}", ambitie=f"A{(i - 1) // 2 + 1}", omschrijving=f"Doel {i}")
        for i in range(1, 11)
    ]
    plan.middelen = [Middel(id=f"M{i}", naam=f"Middel {i}") for i in range(1, 11)]
    plan.tactieken = [
        Tactiek(id=f"T{i}", naam=f"Tactiek {i}", doelen=[f"D{i}"], middelen=[f"M{i}"])
        for i in range(1, 11)
    ]
    plan.kpis = [
        KPI(id=f"K{i}", naam=f"KPI {i}", doel=f"D{(i - 1) // 2 + 1}") for i in range(1, 21)
    ]
    return plan


def test_plan_graph_of_a_normal_size_plan_stays_readable():
    fig = teken_plan(_normaal_plan())
    teksten = _teksten(fig)
    assert sum(t.startswith("K") and " KPI " in t for t in teksten) == 20
    assert fig.get_figheight() <= 12  # 20 KPIs fit on one screen at a readable font size
    from matplotlib.text import Text

    knopen = [t for t in fig.findobj(Text) if (t.get_gid() or "").startswith("knoop-kpis-")]
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(fig).draw()
    vakken = sorted((t.get_bbox_patch().get_window_extent() for t in knopen), key=lambda b: b.y0)
    assert all(a.y1 <= b.y0 for a, b in itertools.pairwise(vakken))  # no overlap


def test_summary_has_every_layer_the_check_and_the_chains(voorbeeld, tmp_path):
    voorbeeld.kpis[0].doel = "D9"
    s = plan_samenvatting(voorbeeld)
    assert s.html.startswith("<!DOCTYPE html>") and "@page" in s.html
    for deel in ("Missie", "Visie", "Doelen", "Tactieken", "Middelen", "KPI's", "Controle"):
        assert f"<h2>{deel}" in s.html.replace("&#x27;", "'"), deel
    assert "Koffiebranderij De Boon" in s.html
    assert "BM2" in s.html  # the broken link is in the check result
    assert "terug te voeren op de missie" in s.html  # the chains
    assert "Rameckers" in s.html
    assert s._repr_html_().startswith("<div") and "<html" not in s._repr_html_()
    pad = s.bewaar(tmp_path / "uit" / "plan.html")
    assert pad.read_text(encoding="utf-8") == s.html
    leeg = plan_samenvatting(Plan())
    assert "(nog niets)" in leeg.html
