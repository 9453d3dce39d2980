"""Terugredeneren: every KPI's chain back to the mission, with the break marked."""

from __future__ import annotations

import pytest

from basismodel_edu import ketens, terugredeneren


def test_example_chains_are_whole(voorbeeld):
    tabel = ketens(voorbeeld)
    assert tabel.heel and len(tabel) == 6
    keten = terugredeneren(voorbeeld, "K5")
    assert [s.id for s in keten.schakels[:3]] == ["K5", "D4", "A3"]


@pytest.mark.parametrize(
    ("wijzig", "laag", "reden"),
    [
        (lambda p: setattr(p.kpis[0], "doel", ""), "doel", "meet geen doel"),
        (lambda p: setattr(p.kpis[0], "doel", "D9"), "doel", "bestaat niet"),
        (lambda p: setattr(p.doelen[0], "ambitie", ""), "ambitie", "hoort bij geen ambitie"),
        (lambda p: setattr(p.doelen[0], "ambitie", "A7"), "ambitie", "bestaat niet"),
        (lambda p: setattr(p.visie, "tekst", ""), "visie", "visie is leeg"),
        (lambda p: setattr(p.missie, "tekst", ""), "missie", "missie is leeg"),
        (lambda p: setattr(p.missie, "social_media_past", False), "missie", "niet passen"),
        (lambda p: setattr(p.missie, "kanalen", ["LinkedIn"]), "missie", "niet noemt"),
    ],
)
def test_each_break_is_found_where_it_is(voorbeeld, wijzig, laag, reden):
    wijzig(voorbeeld)
    keten = terugredeneren(voorbeeld, "K1")
    assert not keten.heel
    assert keten.breuk.laag == laag
    assert reden in keten.breuk.reden()
    assert "✖" in keten.tekst()
    tabel = ketens(voorbeeld)
    assert not tabel.heel
    rij = tabel.rijen()[0]
    assert rij["heel"] == "✖" and rij[laag].startswith("✖")
    assert "background:#fdecea" in tabel._repr_html_()


def test_unknown_kpi(voorbeeld):
    with pytest.raises(KeyError, match="geen KPI met id 'K99'"):
        terugredeneren(voorbeeld, "K99")


def test_table_as_dataframe(voorbeeld):
    df = ketens(voorbeeld).naar_dataframe()
    assert list(df.columns) == ["kpi", "doel", "ambitie", "visie", "missie", "heel", "breuk"]
    assert (df["heel"] == "✔").all()
