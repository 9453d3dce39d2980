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


# --- Canvas and Moodle (issue 12) ------------------------------------------------------------

# Canvas: Grades → Export. The second row holds the points possible; IDs come from Canvas.
CANVAS = (
    "Student,ID,SIS User ID,SIS Login ID,Section,Opdracht Missie (4711),Quiz 1 (4712)\n"
    "    Points Possible,,,,,11,5\n"
    '"Jansen, Jan",12345,s1234567,jjansen@student.han.nl,Klas A,,\n'
    '"de Vries, Piet",12346,s1234568,pdvries@student.han.nl,Klas B,,3\n'
    '"Kok, Kees",12347,s1234571,kkok@student.han.nl,Klas A,,\n'
)

# Moodle: Grades → Export → Plain text file (comma separated), with the email address.
MOODLE = (
    "First name,Last name,ID number,Institution,Department,Email address,"
    '"Assignment: Opdracht Missie (Real)","Last downloaded from this course"\n'
    "Jan,Jansen,1234567,HAN,ACE,j.jansen@student.han.nl,-,1764770000\n"
    "Piet,de Vries,1234568,HAN,ACE,p.devries@student.han.nl,-,1764770000\n"
    "Anna,Bakker,1234569,HAN,ACE,a.bakker@student.han.nl,-,1764770000\n"
    "Anna,Bakker,1234570,HAN,ACE,a.bakker2@student.han.nl,-,1764770000\n"
)


def _canvas_klas(tmp_path):
    lijst = tmp_path / "canvas.csv"
    lijst.write_text(CANVAS, encoding="utf-8")
    uit = _uitmap(
        tmp_path,
        [
            # grade's names from a Canvas download: sortable name and Canvas user ID
            _student("jansenjan_12345", 10.5) | {"te_laat": True},
            _student("devriespiet_12346", 4.25),
            _student("kokkees_12347", None) | {"open": ["redenering"]},
            _student("onbekend_99999", 3.0),
        ],
    )
    return uit, lijst


def test_canvas_import_has_the_documented_columns_and_ids_from_the_export(tmp_path):
    from basismodel_edu.nakijken.export import exporteer

    uit, lijst = _canvas_klas(tmp_path)
    doel = tmp_path / "canvas-import.csv"
    verslag = exporteer(uit, lijst, "Opdracht Missie", doel, "canvas")
    rijen = list(csv.reader(doel.open(encoding="utf-8", newline="")))
    assert rijen == [
        ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", "Opdracht Missie (4711)"],
        ["Jansen, Jan", "12345", "s1234567", "jjansen@student.han.nl", "Klas A", "10.5"],
        ["de Vries, Piet", "12346", "s1234568", "pdvries@student.han.nl", "Klas B", "4.25"],
    ]
    assert verslag.rubriek_open == ["kokkees_12347"]  # no grade, not 0
    assert verslag.niet_gevonden == ["onbekend_99999"]
    assert verslag.te_laat == ["jansenjan_12345"]
    tekst = " ".join(verslag.regels())
    assert "te laat" in tekst and "Canvas: Cijfers → Importeren" in tekst
    assert "niet in je Canvas-export gevonden" in tekst
    # The item with its id works as well; an item Canvas does not know is refused.
    exporteer(uit, lijst, "Opdracht Missie (4711)", doel, "canvas")
    with pytest.raises(ExportFout, match=r"geen opdracht 'Missie'.*Opdracht Missie \(4711\)"):
        exporteer(uit, lijst, "Missie", tmp_path / "ander.csv", "canvas")
    assert not (tmp_path / "ander.csv").exists()
    with pytest.raises(ExportFout, match=r"Onbekende leeromgeving 'blackboard'"):
        exporteer(uit, lijst, "Opdracht Missie", tmp_path / "ander.csv", "blackboard")


def test_canvas_export_without_sis_columns_is_refused(tmp_path):
    from basismodel_edu.nakijken.export import exporteer

    lijst = tmp_path / "canvas.csv"
    lijst.write_text("Student,ID,Section,Opdracht Missie (4711)\n", encoding="utf-8")
    uit = _uitmap(tmp_path, [_student("jansenjan_12345", 6.0)])
    with pytest.raises(ExportFout, match=r"SIS User ID, SIS Login ID.*als docent"):
        exporteer(uit, lijst, "Opdracht Missie", tmp_path / "import.csv", "canvas")


def test_moodle_import_maps_by_email_and_id_number_from_the_export(tmp_path, capsys):
    lijst = tmp_path / "moodle.csv"
    lijst.write_text(MOODLE, encoding="utf-8")
    uit = _uitmap(
        tmp_path,
        [
            # grade's names from a Moodle download: full name and participant number
            _student("Jan Jansen_501", 7.5),
            _student("Piet de Vries_502", 0.0),  # a real 0 from the checks is exported
            _student("Anna Bakker_503", 6.0),
        ],
    )
    doel = tmp_path / "moodle-import.csv"
    args = ["export-grades", str(uit), "--klaslijst", str(lijst), "--item", "Opdracht Missie"]
    assert main([*args, "--out", str(doel), "--lms", "moodle"]) == 0
    assert "useremail" in capsys.readouterr().out
    rijen = list(csv.reader(doel.open(encoding="utf-8", newline="")))
    assert rijen == [
        [
            "First name",
            "Last name",
            "Email address",
            "ID number",
            "Assignment: Opdracht Missie (Real)",
        ],
        ["Jan", "Jansen", "j.jansen@student.han.nl", "1234567", "7.5"],
        ["Piet", "de Vries", "p.devries@student.han.nl", "1234568", "0"],
    ]
    with pytest.raises(SystemExit):  # argparse refuses a system it does not know
        main([*args, "--out", str(tmp_path / "x.csv"), "--lms", "blackboard"])
    capsys.readouterr()
    lijst.write_text("First name,Last name,ID number\nJan,Jansen,1\n", encoding="utf-8")
    assert main([*args, "--out", str(tmp_path / "x.csv"), "--lms", "moodle"]) == 2
    assert "ontbreken de kolommen Email address" in capsys.readouterr().err


def test_an_open_rubric_is_never_exported_as_a_number_in_any_format(tmp_path):
    from basismodel_edu.nakijken.export import exporteer

    for lms, lijst_tekst, naam in (
        ("brightspace", KLASLIJST, "Jan Jansen"),
        ("canvas", CANVAS, "jansenjan_12345"),
        ("moodle", MOODLE, "Jan Jansen_501"),
    ):
        map_ = tmp_path / lms
        map_.mkdir()
        lijst = map_ / "lijst.csv"
        lijst.write_text(lijst_tekst, encoding="utf-8")
        uit = _uitmap(map_, [_student(naam, None) | {"open": ["past"], "bekend": 6.0}])
        doel = map_ / "import.csv"
        verslag = exporteer(uit, lijst, "Opdracht Missie", doel, lms)
        assert verslag.rubriek_open == [naam] and verslag.geëxporteerd == []
        assert len(doel.read_text("utf-8").splitlines()) == 1  # the header only


def test_canvas_late_submissions_are_the_same_student_and_marked_late(tmp_path):
    import zipfile

    from basismodel_edu.nakijken.invoer import Grens, herkomst, lees_inzendingen

    assert herkomst("jansenjan_LATE_12345_67890_missie_fietsenmaker-inlevering.zip") == (
        "jansenjan_12345",
        True,
    )
    assert herkomst("jansenjan_12345_67890_missie_fietsenmaker-inlevering.zip") == (
        "jansenjan_12345",
        False,
    )
    # LATE without the hand-in file's name is no Canvas download name: taken as it stands
    assert herkomst("jansenjan_LATE_12345_67890_iets.zip")[1] is False
    klas = tmp_path / "download"
    klas.mkdir()
    for naam in (
        "jansenjan_LATE_12345_67890_missie-inlevering.zip",
        "devriespiet_12346_67891_missie-inlevering.zip",
    ):
        with zipfile.ZipFile(klas / naam, "w") as z:
            z.writestr("opdracht.ipynb", "{}")
            z.writestr("plan.json", "{}")
    werk = tmp_path / "werk"
    werk.mkdir()
    lijst, _ = lees_inzendingen(klas, werk, "opdracht.ipynb", "plan.json", Grens())
    assert {(i.student, i.te_laat) for i in lijst} == {
        ("jansenjan_12345", True),
        ("devriespiet_12346", False),
    }
