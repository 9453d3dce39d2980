"""Importing analytics exports: each convention read right, each bad file a clear error."""

from __future__ import annotations

import datetime as dt
import itertools
import sys
from pathlib import Path

import pytest

from basismodel_edu import (
    ImportFout,
    Koppeling,
    lees_metingen,
    voeg_metingen_toe,
    voorbeeldmetingen,
    voorbeeldplan,
)

ROOT = Path(__file__).resolve().parent.parent
D = dt.date


def _waarden(metingen):
    return [(m.kpi, m.datum, m.waarde) for m in metingen]


def _schrijf(pad: Path, tekst: str, codering: str = "utf-8-sig") -> Path:
    pad.write_bytes(tekst.encode(codering))
    return pad


def _xlsx(pad: Path, bladen: dict[str, list[list]]) -> Path:
    from openpyxl import Workbook

    boek = Workbook()
    boek.remove(boek.active)
    for naam, rijen in bladen.items():
        blad = boek.create_sheet(naam)
        for r in rijen:
            blad.append(r)
    boek.save(pad)
    return pad


K = Koppeling(datum="Week", kolommen={"Volgers": "K1", "Reacties per post": "K3"})


def test_dutch_csv_semicolon_decimal_comma_thousands_dot_bom_and_note(tmp_path):
    pad = _schrijf(
        tmp_path / "instagram.csv",
        "# SYNTHETISCH voorbeeld\r\n"
        "Week;Volgers;Reacties per post;Opmerking\r\n"
        "07-09-2026;1.826;6,9;\r\n"
        "14-09-2026;1.846;;export mislukt\r\n"
        "21-09-2026;1.861;8,45;\r\n"
        "\r\n",
    )
    assert _waarden(lees_metingen(pad, K)) == [
        ("K1", D(2026, 9, 7), 1826.0),
        ("K3", D(2026, 9, 7), 6.9),
        ("K1", D(2026, 9, 14), 1846.0),
        ("K1", D(2026, 9, 21), 1861.0),
        ("K3", D(2026, 9, 21), 8.45),
    ]
    assert lees_metingen(pad, K)[0].bron == "instagram.csv"


def test_english_csv_comma_separator_decimal_point_month_first(tmp_path):
    pad = _schrijf(
        tmp_path / "export.csv",
        'week,volgers,Reacties per post\n09/07/2026,"1,826",6.9\n09/14/2026,"1,846",7.25\n',
        codering="utf-8",
    )
    assert _waarden(lees_metingen(pad, K)) == [
        ("K1", D(2026, 9, 7), 1826.0),
        ("K3", D(2026, 9, 7), 6.9),
        ("K1", D(2026, 9, 14), 1846.0),
        ("K3", D(2026, 9, 14), 7.25),
    ]


def test_tab_file_iso_and_month_names_windows_1252_and_excel_sep_line(tmp_path):
    pad = _schrijf(
        tmp_path / "export.txt",
        "sep=\t\nWeek\tVolgers\tReacties per post\n2026-09-07\t1826\t7\n14 sept. 2026\t1830\t8\n"
        "21 september 2026\t1835\t€ 9\n",
        codering="cp1252",
    )
    assert [m.datum for m in lees_metingen(pad, K) if m.kpi == "K1"] == [
        D(2026, 9, 7),
        D(2026, 9, 14),
        D(2026, 9, 21),
    ]


def test_xlsx_with_date_cells_sheet_note_rows_and_text_numbers(tmp_path):
    pad = _xlsx(
        tmp_path / "maand.xlsx",
        {
            "Toelichting": [["SYNTHETISCH"]],
            "Bereik": [
                ["SYNTHETISCHE DATA"],
                [],
                ["Maand", "Bereik", "Aandeel"],
                [dt.datetime(2026, 9, 1), 3400, "12,5%"],
                [dt.datetime(2026, 10, 1), 3712.5, None],
            ],
        },
    )
    k = Koppeling.uit_dict(
        {"datum": "Maand", "blad": "Bereik", "kolommen": {"Bereik": "K2", "Aandeel": "K4"}}
    )
    assert _waarden(lees_metingen(pad, k)) == [
        ("K2", D(2026, 9, 1), 3400.0),
        ("K4", D(2026, 9, 1), 12.5),
        ("K2", D(2026, 10, 1), 3712.5),
    ]


def test_stated_date_format_settles_a_monthly_export(tmp_path):
    pad = _schrijf(tmp_path / "maand.csv", "Maand;Volgers\n01-09-2026;1800\n01-10-2026;1850\n")
    k = Koppeling(datum="Maand", kolommen={"Volgers": "K1"}, datumformaat="dd-mm-jjjj")
    assert [m.datum for m in lees_metingen(pad, k)] == [D(2026, 9, 1), D(2026, 10, 1)]
    k = Koppeling(datum="Maand", kolommen={"Volgers": "K1"}, datumformaat="%m-%d-%Y")
    assert [m.datum for m in lees_metingen(pad, k)] == [D(2026, 1, 9), D(2026, 1, 10)]


# Each bad file: (name, content, mapping, message key, column, row).
KAPOT = {
    "kolom ontbreekt": (
        "a.csv",
        "Week;Volgers\n07-09-2026;1800\n",
        K,
        "meten.kolom.ontbreekt",
        "Reacties per post",
        1,
    ),
    "datumkolom ontbreekt": (
        "a.csv",
        "Datum;Volgers;Reacties per post\n07-09-2026;1800;8\n",
        K,
        "meten.kolom.datum_ontbreekt",
        "Week",
        None,
    ),
    "dubbelzinnige datum": (
        "a.csv",
        "Week;Volgers;Reacties per post\n01-09-2026;1800;8\n01-10-2026;1850;9\n",
        K,
        "meten.datum.dubbelzinnig",
        "Week",
        2,
    ),
    "onbekend datumformaat": (
        "a.csv",
        "Week;Volgers;Reacties per post\n07-09-2026;1800;8\nweek 38;1850;9\n",
        K,
        "meten.datum.geen_datum",
        "Week",
        3,
    ),
    "dag-maand en maand-dag door elkaar": (
        "a.csv",
        "Week;Volgers;Reacties per post\n13-09-2026;1800;8\n09-20-2026;1850;9\n",
        K,
        "meten.datum.gemengd",
        "Week",
        3,
    ),
    "tekst in een getalkolom": (
        "a.csv",
        "# noot\nWeek;Volgers;Reacties per post\n07-09-2026;1800;8\n14-09-2026;veel;9\n",
        K,
        "meten.getal.geen_getal",
        "Volgers",
        4,
    ),
    "komma en punt door elkaar": (
        "a.csv",
        "Week;Volgers;Reacties per post\n07-09-2026;1800;8,5\n14-09-2026;1850;9.25\n",
        K,
        "meten.getal.gemengd",
        "Reacties per post",
        3,
    ),
    "duizendtal of decimaal onduidelijk (tab)": (
        "a.tsv",
        "Week\tVolgers\tReacties per post\n14-09-2026\t1.800\t8\n",
        K,
        "meten.getal.dubbelzinnig",
        "Volgers",
        2,
    ),
    "datum twee keer": (
        "a.csv",
        "Week;Volgers;Reacties per post\n14-09-2026;1800;8\n14-09-2026;1850;\n",
        K,
        "meten.datum.dubbel",
        "Volgers",
        3,
    ),
    "waarden zonder datum": (
        "a.csv",
        "Week;Volgers;Reacties per post\n07-09-2026;1800;8\n;1850;9\n",
        K,
        "meten.datum.leeg",
        "Week",
        3,
    ),
    "leeg bestand": ("a.csv", "\ufeff\r\n", K, "meten.bestand.leeg", None, None),
    "alleen een kopregel": (
        "a.csv",
        "Week;Volgers;Reacties per post\n",
        K,
        "meten.bestand.geen_rijen",
        None,
        1,
    ),
    "verkeerd soort bestand": ("a.json", "{}", K, "meten.bestand.soort", None, None),
    "verkeerd datumformaat in de koppeling": (
        "a.csv",
        "Week;Volgers;Reacties per post\n07-09-2026;1800;8\n",
        Koppeling(datum="Week", kolommen={"Volgers": "K1"}, datumformaat="jjjj-mm-dd"),
        "meten.datum.past_niet",
        "Week",
        2,
    ),
}


@pytest.mark.parametrize("geval", KAPOT, ids=list(KAPOT))
def test_bad_file_gives_a_clear_error_naming_file_column_and_row(tmp_path, geval):
    naam, inhoud, koppeling, sleutel, kolom, rij = KAPOT[geval]
    pad = _schrijf(tmp_path / naam, inhoud, codering="utf-8")
    with pytest.raises(ImportFout) as info:
        lees_metingen(pad, koppeling)
    fout = info.value
    assert (fout.sleutel, fout.kolom, fout.rij) == (sleutel, kolom, rij), str(fout)
    assert Path(fout.bestand).name == naam and str(fout).startswith(f"In {naam}")
    if kolom:
        assert f"kolom '{kolom}'" in str(fout)
    if rij:
        assert f"rij {rij}:" in str(fout)


def test_workbook_sheet_errors(tmp_path):
    pad = _xlsx(tmp_path / "boek.xlsx", {"Instagram": [["Week"]], "LinkedIn": [["Week"]]})
    with pytest.raises(
        ImportFout, match=r"werkblad 'Facebook' bestaat niet.*'Instagram', 'LinkedIn'"
    ):
        lees_metingen(pad, K.model_copy(update={"blad": "Facebook"}))
    with pytest.raises(ImportFout, match="meer werkbladen"):
        lees_metingen(pad, K)
    nep = _schrijf(tmp_path / "nep.xlsx", "geen zip")
    with pytest.raises(ImportFout, match="geen leesbaar Excel-bestand"):
        lees_metingen(nep, K)
    with pytest.raises(ImportFout, match="bestaat niet"):
        lees_metingen(tmp_path / "weg.csv", K)


def test_errors_in_english(tmp_path):
    from basismodel_edu import zet_taal

    pad = _schrijf(tmp_path / "a.csv", "Week;Volgers;Reacties per post\n14-09-2026;veel;8\n")
    zet_taal("en")
    with pytest.raises(
        ImportFout, match=r"In a.csv, column 'Volgers', row 2: 'veel' is not a number"
    ):
        lees_metingen(pad, K)


def test_adding_measurements_replaces_same_date_and_refuses_unknown_kpis(tmp_path):
    from basismodel_edu import Meting

    plan = voorbeeldplan()
    voeg_metingen_toe(plan, [Meting(kpi="K1", datum="2026-09-07", waarde=1800)])
    voeg_metingen_toe(plan, [Meting(kpi="K1", datum="2026-09-07", waarde=1826)])
    assert [(m.datum, m.waarde) for m in plan.metingen] == [(D(2026, 9, 7), 1826.0)]
    with pytest.raises(ValueError, match="geen KPI 'K9' in dit plan"):
        voeg_metingen_toe(plan, [Meting(kpi="K9", datum="2026-09-07", waarde=1)])


def test_committed_sample_exports_equal_what_the_script_writes(tmp_path):
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        from maak_meetdata import schrijf
    finally:
        sys.path.remove(str(ROOT / "tools"))
    for pad in schrijf(tmp_path):
        vast = ROOT / "basismodel_edu" / "data" / pad.name
        assert vast.read_bytes() == pad.read_bytes(), pad.name


def test_sample_data_are_marked_synthetic_and_shaped_like_real_series():
    from openpyxl import load_workbook

    data = ROOT / "basismodel_edu" / "data"
    for pad in data.glob("meetdata_*"):
        if pad.suffix == ".csv":
            assert pad.read_text(encoding="utf-8-sig").startswith("# SYNTHETISCHE DATA"), pad
        else:
            boek = load_workbook(pad, read_only=True)
            for blad in boek.worksheets:
                assert str(next(blad.iter_rows(values_only=True))[0]).startswith("SYNTHETISCH")
            boek.close()
    plan = voorbeeldplan()
    metingen = voorbeeldmetingen()
    assert {m.kpi for m in metingen} == {k.id for k in plan.kpis}
    k1 = [m.datum for m in metingen if m.kpi == "K1"]
    stappen = {(b - a).days for a, b in itertools.pairwise(k1)}
    assert 7 in stappen and max(stappen) >= 14  # weekly, with missing weeks
    k3 = [m.waarde for m in metingen if m.kpi == "K3"]
    assert max(k3) > 1.3 * sorted(k3)[len(k3) // 2]  # a campaign peak
    assert len(voorbeeldmetingen("fietsenmaker")) > 100 and voorbeeldmetingen("bakkerij")
    with pytest.raises(ValueError, match="geen voorbeeldmetingen 'x'"):
        voorbeeldmetingen("x")
