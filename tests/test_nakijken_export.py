"""Brightspace's grade import file from grade's output: identities from the lecturer's export,
points in the import's number format, and nobody guessed or given a 0."""

from __future__ import annotations

import csv
import json

import pytest

from basismodel_edu.cli import main
from basismodel_edu.nakijken.export import ExportFout, naar_brightspace

# A grade export as Brightspace writes it (Grades → Export, key field Both, first and last name).
KLASLIJST = (
    "\ufeffOrgDefinedId,Username,Last Name,First Name,Email,End-of-Line Indicator\n"
    "#1234567,#jjansen,Jansen,Jan,j.jansen@student.han.nl,#\n"
    "#1234568,#pdvries,de Vries,Piet,p.devries@student.han.nl,#\n"
    "#1234569,#abakker,Bakker,Anna,a.bakker@student.han.nl,#\n"
    "#1234570,#abakker2,Bakker,Anna,a.bakker2@student.han.nl,#\n"
    "#1234571,#kkok,Kok,Kees,k.kok@student.han.nl,#\n"
)


def _uitmap(tmp_path, studenten):
    uit = tmp_path / "nagekeken"
    uit.mkdir()
    (uit / "resultaten.json").write_text(
        json.dumps({"bewijs": {}, "studenten": studenten, "zip": []}), encoding="utf-8"
    )
    return uit


def _student(naam, totaal, status="beoordeeld"):
    return {"student": naam, "status": status, "totaal": totaal, "maximum": 6}


@pytest.fixture
def klas(tmp_path):
    lijst = tmp_path / "export.csv"
    lijst.write_text(KLASLIJST, encoding="utf-8")
    uit = _uitmap(
        tmp_path,
        [
            _student("Jan Jansen", 6.0),
            _student("Piet  de Vries", 4.5),  # spaces as a download may have them
            _student("Anna Bakker", 6.0),  # two Anna Bakkers in the course
            _student("Onbekende Student", 2.0),
            _student("Kees Kok", 0.0, "onbeoordeelbaar"),
        ],
    )
    return uit, lijst


def test_points_go_to_the_rows_of_the_lecturers_own_export(klas, tmp_path):
    uit, lijst = klas
    doel = tmp_path / "import.csv"
    verslag = naar_brightspace(uit, lijst, "Opdracht Missie", doel)
    rijen = list(csv.reader(doel.open(encoding="utf-8", newline="")))
    assert rijen == [
        ["OrgDefinedId", "Username", "Opdracht Missie Points Grade", "End-of-Line Indicator"],
        ["#1234567", "#jjansen", "6", "#"],
        ["#1234568", "#pdvries", "4.5", "#"],
    ]
    assert verslag.niet_gevonden == ["Onbekende Student"]
    assert verslag.dubbel == ["Anna Bakker"]
    assert verslag.onbeoordeelbaar == ["Kees Kok"]
    # Nobody who was not graded, or not found, gets a 0.
    assert "Kees" not in doel.read_text("utf-8") and "#kkok" not in doel.read_text("utf-8")
    regels = verslag.regels()
    assert "Onbekende Student" in regels[0] and "2 cijfers" in regels[-1]


def test_command_line_reports_and_refuses_in_dutch(klas, tmp_path, capsys):
    uit, lijst = klas
    doel = tmp_path / "import.csv"
    args = ["export-grades", str(uit), "--klaslijst", str(lijst), "--item", "Missie"]
    assert main([*args, "--out", str(doel)]) == 0
    assert "niet in je Brightspace-export gevonden" in capsys.readouterr().out
    # The export itself is never overwritten.
    assert main([*args, "--out", str(lijst)]) == 2
    assert "Brightspace-export zelf" in capsys.readouterr().err
    assert lijst.read_text("utf-8") == KLASLIJST


def test_an_export_without_names_is_refused_with_the_columns_it_saw(tmp_path):
    lijst = tmp_path / "export.csv"
    lijst.write_text("OrgDefinedId;Username;End-of-Line Indicator\n#1;#a;#\n", encoding="utf-8")
    uit = _uitmap(tmp_path, [_student("Jan Jansen", 6.0)])
    with pytest.raises(ExportFout, match=r"First Name, Last Name.*gezien: OrgDefinedId"):
        naar_brightspace(uit, lijst, "Missie", tmp_path / "import.csv")
    assert not (tmp_path / "import.csv").exists()


def test_a_folder_grade_did_not_write_is_refused(tmp_path):
    lijst = tmp_path / "export.csv"
    lijst.write_text(KLASLIJST, encoding="utf-8")
    with pytest.raises(ExportFout, match=r"resultaten\.json"):
        naar_brightspace(tmp_path, lijst, "Missie", tmp_path / "import.csv")
