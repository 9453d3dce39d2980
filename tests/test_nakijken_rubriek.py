"""Rubrics (issue 12): the master's rubric validated, shown to the student, left open by grade,
filled in by the lecturer and merged; open points never counted or exported as 0.

Scoring here runs the grader's own re-check in this process on plan bytes, with the kernel's
outcome given as an :class:`Uitvoering`: what a kernel can report is exactly that, so no kernel
is needed to test what the grader does with it.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import nbformat
import pytest
from nakijkhulp import OPDRACHTEN, oplossingsplan

from basismodel_edu.cli import main
from basismodel_edu.nakijken.rubriek import RubriekFout, invulbestand, voeg_samen
from basismodel_edu.nakijken.score import score
from basismodel_edu.nakijken.uitvoeren import GEHAALD, NIET_GEHAALD, Uitvoering
from basismodel_edu.nakijken.verslag import schrijf
from basismodel_edu.nakijken.zandbak import Grenzen
from basismodel_edu.opdrachten.uitgave import MasterFout, lees_master, rubriektekst

MISSIE = next(p for p in OPDRACHTEN if p.name == "missie_fietsenmaker")


def _master_met(tmp_path: Path, rubriek, cel_type: str = "markdown") -> Path:
    nb = nbformat.read(MISSIE / "master.ipynb", as_version=4)
    cel = next(c for c in nb.cells if c.id == "rubriek")
    if cel_type == "code":
        nieuw = nbformat.v4.new_code_cell("1")
        nieuw.id, nieuw.metadata = cel.id, cel.metadata
        nb.cells[nb.cells.index(cel)] = cel = nieuw
    cel.metadata["basismodel"]["rubriek"] = rubriek
    pad = tmp_path / "master.ipynb"
    nbformat.write(nb, pad)
    return pad


GOED = [
    {
        "id": "past",
        "criterium": "Past de missie?",
        "punten": 3,
        "niveaus": [
            {"punten": 3, "omschrijving": "ja | helemaal"},
            {"punten": 0, "omschrijving": "nee"},
        ],
    }
]


@pytest.mark.parametrize(
    ("wijziging", "verwacht"),
    [
        (lambda r: [], r"rubriekcel rubriek heeft geen criteria"),
        (lambda r: ["tekst"], r"rubriekcel rubriek, criterium 1: geen object"),
        (lambda r: [r[0] | {"gewicht": 2}], r"criterium 1: onbekend veld 'gewicht'"),
        (lambda r: [r[0] | {"id": "met spatie"}], r"criterium 1: 'id' ontbreekt of is ongeldig"),
        (lambda r: [r[0], r[0]], r"criterium-id 'past' komt vaker voor"),
        (lambda r: [r[0] | {"criterium": " "}], r"criterium 'past': 'criterium'"),
        (
            lambda r: [r[0] | {"punten": 0}],
            r"criterium 'past': 'punten' moet een getal groter dan 0",
        ),
        (lambda r: [r[0] | {"punten": True}], r"'punten' moet een getal"),
        (lambda r: [r[0] | {"niveaus": []}], r"'niveaus' moet een lijst"),
        (
            lambda r: [r[0] | {"niveaus": [{"punten": 4, "omschrijving": "x"}]}],
            r"elk niveau heeft precies 'punten' \(van 0 tot en met 3\)",
        ),
        (
            lambda r: [r[0] | {"niveaus": [{"punten": 2, "omschrijving": "x"}]}],
            r"het hoogste niveau moet 3 punten geven",
        ),
        (
            lambda r: [r[0] | {"niveaus": [{"punten": 3, "omschrijving": ""}]}],
            r"niet-lege 'omschrijving'",
        ),
    ],
)
def test_a_bad_rubric_is_refused_naming_the_cell_and_the_field(tmp_path, wijziging, verwacht):
    pad = _master_met(tmp_path, wijziging(json.loads(json.dumps(GOED))))
    with pytest.raises(MasterFout, match=verwacht):
        lees_master(pad)


def test_a_good_rubric_is_read_and_a_rubric_must_be_text(tmp_path):
    m = lees_master(_master_met(tmp_path, GOED))
    assert [(c.id, c.punten, [n.punten for n in c.niveaus]) for c in m.rubriek] == [
        ("past", 3.0, [3.0, 0.0])
    ]
    assert m.maximum == m.maximum_controles + 3
    with pytest.raises(MasterFout, match=r"rubriekcel rubriek is geen tekstcel"):
        lees_master(_master_met(tmp_path, GOED, cel_type="code"))


def test_every_exercise_shows_its_rubric_to_the_student_as_text():
    for opdracht in OPDRACHTEN:
        m = lees_master(opdracht / "master.ipynb")
        assert 2 <= len(m.rubriek) <= 3, opdracht.name
        nb = nbformat.read(opdracht / "opdracht.ipynb", as_version=4)
        ids = [c.id for c in nb.cells]
        # just before the hand-in
        assert ids.index("rubriek") == ids.index("inleveren") - 1, opdracht.name
        tekst = nb.cells[ids.index("rubriek")].source
        assert tekst.startswith("## Beoordeling door je docent")
        for c in m.rubriek:
            assert c.criterium in tekst
            for n in c.niveaus:
                assert n.omschrijving in tekst
        assert "je docent" in tekst and "punten" in tekst
    # a level's text cannot break the table it stands in
    assert "ja \\| helemaal" in rubriektekst(lees_master_goed().rubriek)


def lees_master_goed():
    import tempfile

    with tempfile.TemporaryDirectory() as d:
        return lees_master(_master_met(Path(d), GOED))


# --- grade leaves the rubric open; the lecturer fills it in --------------------------------


def _klas(tmp_path: Path) -> Path:
    """A graded class of two (the model solution and the empty start plan) and one that
    could not be graded, written as grade writes it."""
    from basismodel_edu.nakijken.score import Beoordeling

    m = lees_master(MISSIE / "master.ipynb")
    goed = oplossingsplan(MISSIE, tmp_path / "opl").read_bytes()
    leeg = (MISSIE / "startplan.json").read_bytes()
    alles_gehaald = Uitvoering(cellen={c.id: GEHAALD for c in m.controles if not c.verborgen})
    niets = Uitvoering(cellen={c.id: NIET_GEHAALD for c in m.controles if not c.verborgen})
    res = [
        score(m, "Jan Jansen", goed, [], alles_gehaald, Grenzen()),
        score(m, "Piet de Vries", leeg, [], niets, Grenzen()),
        Beoordeling("Kees Kok", "onbeoordeelbaar", reden="geen notebook"),
    ]
    for b in res:
        b.bestand = b.student.split()[0].lower()
    res[0].te_laat = True  # as a Canvas download's _LATE_ name marks it
    uit = tmp_path / "nagekeken"
    schrijf(uit, m, res, {}, [], {"zandbak": True})
    return uit


def _cijferlijst(uit: Path) -> list[dict[str, str]]:
    with open(uit / "cijferlijst.csv", encoding="utf-8-sig") as f:
        return list(csv.DictReader(f, delimiter=";"))


def _inhoud(map_: Path) -> dict[str, bytes]:
    return {str(p.relative_to(map_)): p.read_bytes() for p in map_.rglob("*") if p.is_file()}


def test_grade_leaves_rubric_points_open_never_zero(tmp_path):
    uit = _klas(tmp_path)
    jan, piet = _cijferlijst(uit)[:2]
    kolom = "Past de missie bij Het Wiel? (3, docent)"
    assert jan[kolom] == "nog te beoordelen" and jan["totaal"] == "nog te beoordelen"
    assert jan["punten controles"] == "6" and jan["maximum"] == "11"
    assert "rubriek nog te beoordelen" in jan["opmerkingen"]
    assert piet["punten controles"] == "0" and piet["totaal"] == "nog te beoordelen"
    assert (jan["te laat"], piet["te laat"]) == ("ja", "")
    assert "De leeromgeving heeft je inlevering als te laat gemarkeerd" in (
        uit / "feedback" / "jan.html"
    ).read_text("utf-8")
    gegevens = json.loads((uit / "resultaten.json").read_text("utf-8"))
    s = gegevens["studenten"][0]
    assert s["totaal"] is None and s["bekend"] == 6 and s["open"] == ["missie-past", "redenering"]
    assert all(r["behaald"] is None for r in s["rubriek"])
    pagina = (uit / "feedback" / "jan.html").read_text("utf-8")
    assert "tot nu toe: 6 van 11 punten" in pagina and "beoordeelt nog 5 punten" in pagina
    assert pagina.count("nog te beoordelen") == 2
    assert "nog open" in (uit / "overzicht.html").read_text("utf-8")


def test_lecturer_fills_in_the_rubric_and_it_is_merged_everywhere(tmp_path, capsys):
    uit = _klas(tmp_path)
    assert main(["rubriek", str(uit)]) == 0
    invul = uit / "rubriek-invullen.csv"
    assert "4 rijen" in capsys.readouterr().out  # two graded students x two criteria
    rijen = list(csv.reader(invul.open(encoding="utf-8-sig"), delimiter=";"))
    assert rijen[0] == ["student", "criterium-id", "criterium", "maximum", "punten", "toelichting"]
    assert {r[0] for r in rijen[1:]} == {"Jan Jansen", "Piet de Vries"}  # not the ungradable
    # the lecturer fills in (Dutch decimal comma), leaves one open
    rijen[1][4], rijen[1][5] = "2,5", "Mooi: <b>eigen</b> woorden"
    rijen[2][4] = "2"
    rijen[3][4] = "0"
    with invul.open("w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f, delimiter=";").writerows(rijen)
    # An existing fill-in file is never overwritten.
    assert main(["rubriek", str(uit)]) == 2
    assert "bestaat al" in capsys.readouterr().err
    assert main(["rubriek", str(uit), "--invullen", str(invul)]) == 0
    uitvoer = capsys.readouterr().out
    assert "nog te beoordelen bij Piet de Vries: Kwaliteit van de redenering" in uitvoer
    jan, piet = _cijferlijst(uit)[:2]
    assert jan["totaal"] == "10,5" and jan["Past de missie bij Het Wiel? (3, docent)"] == "2,5"
    assert piet["totaal"] == "nog te beoordelen"
    pagina = (uit / "feedback" / "jan.html").read_text("utf-8")
    assert "Je score: 10,5 van 11 punten" in pagina
    assert "Mooi: &lt;b&gt;eigen&lt;/b&gt; woorden" in pagina  # escaped, never run
    s = json.loads((uit / "resultaten.json").read_text("utf-8"))["studenten"]
    assert s[0]["totaal"] == 10.5 and s[1]["totaal"] is None and s[1]["bekend"] == 0
    # A new fill-in file carries what is filled in already.
    tweede = invulbestand(uit, tmp_path / "tweede.csv").read_text("utf-8-sig")
    assert "2,5;Mooi: <b>eigen</b> woorden" in tweede and "Piet de Vries;redenering;" in tweede


@pytest.mark.parametrize(
    ("rij", "verwacht"),
    [
        (
            ["Onbekend", "missie-past", "", "", "2", ""],
            r"rij 2, kolom 'student': 'Onbekend' staat niet",
        ),
        (
            ["Kees Kok", "missie-past", "", "", "2", ""],
            r"rij 2, kolom 'student': 'Kees Kok' kon niet",
        ),
        (
            ["Jan Jansen", "stijl", "", "", "2", ""],
            r"rij 2, kolom 'criterium-id': onbekend criterium 'stijl'",
        ),
        (
            ["Jan Jansen", "missie-past", "", "", "4", ""],
            r"rij 2, kolom 'punten': 4 ligt niet tussen 0 en 3",
        ),
        (["Jan Jansen", "missie-past", "", "", "-1", ""], r"rij 2, kolom 'punten': -1 ligt niet"),
        (
            ["Jan Jansen", "missie-past", "", "", "veel", ""],
            r"rij 2, kolom 'punten': 'veel' is geen getal",
        ),
    ],
)
def test_a_bad_fill_in_is_refused_by_row_and_column_and_nothing_changes(tmp_path, rij, verwacht):
    uit = _klas(tmp_path)
    voor = _inhoud(uit)
    bestand = tmp_path / "ingevuld.csv"
    goed = ["Piet de Vries", "redenering", "", "", "1", ""]
    with bestand.open("w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f, delimiter=";")
        w.writerow(["student", "criterium-id", "criterium", "maximum", "punten", "toelichting"])
        w.writerows([rij, goed])
    with pytest.raises(RubriekFout, match=verwacht) as fout:
        voeg_samen(uit, bestand)
    assert "niets veranderd" in str(fout.value)
    assert _inhoud(uit) == voor
    assert not list(tmp_path.glob(".nagekeken.*"))  # no half-written sibling left behind


def test_a_criterion_given_twice_and_missing_columns_are_refused(tmp_path, capsys):
    uit = _klas(tmp_path)
    voor = _inhoud(uit)
    bestand = tmp_path / "ingevuld.csv"
    bestand.write_text(
        "student,criterion id,points\nJan Jansen,redenering,1\nJan Jansen,redenering,2\n",
        encoding="utf-8",
    )  # an English header and commas merge as well; the second row is the problem
    with pytest.raises(RubriekFout, match=r"rij 3, kolom 'criterium-id': .* al in rij 2"):
        voeg_samen(uit, bestand)
    bestand.write_text("student;punten\nJan Jansen;1\n", encoding="utf-8")
    assert main(["rubriek", str(uit), "--invullen", str(bestand)]) == 2
    assert "ontbreken de kolommen criterium-id" in capsys.readouterr().err
    assert _inhoud(uit) == voor
    # and a good file with the English header merges
    bestand.write_text("student,criterion id,points\nJan Jansen,redenering,1.5\n", encoding="utf-8")
    verslag = voeg_samen(uit, bestand)
    assert verslag.ingevuld == 1 and set(verslag.open) == {"Jan Jansen", "Piet de Vries"}


def test_a_folder_grade_did_not_write_is_refused(tmp_path):
    with pytest.raises(RubriekFout, match=r"geen map die basismodel-edu grade schreef"):
        invulbestand(tmp_path)


def test_merged_rubric_reaches_the_export_and_open_rubric_gives_no_grade(tmp_path):
    from basismodel_edu.nakijken.export import exporteer

    uit = _klas(tmp_path)
    lijst = tmp_path / "export.csv"
    lijst.write_text(
        "OrgDefinedId,Username,Last Name,First Name,End-of-Line Indicator\n"
        "#1,#jjansen,Jansen,Jan,#\n#2,#pdvries,de Vries,Piet,#\n",
        encoding="utf-8",
    )
    doel = tmp_path / "import.csv"
    verslag = exporteer(uit, lijst, "Missie", doel)
    assert verslag.rubriek_open == ["Jan Jansen", "Piet de Vries"] and verslag.geëxporteerd == []
    assert doel.read_text("utf-8").splitlines()[1:] == []
    assert "nog open rubriekpunten" in verslag.regels()[1]
    bestand = tmp_path / "ingevuld.csv"
    bestand.write_text(
        "student;criterium-id;punten\nJan Jansen;missie-past;2,5\nJan Jansen;redenering;2\n",
        encoding="utf-8",
    )
    voeg_samen(uit, bestand)
    verslag = exporteer(uit, lijst, "Missie", doel)
    assert doel.read_text("utf-8").splitlines()[1:] == ["#1,#jjansen,10.5,#"]
    assert verslag.rubriek_open == ["Piet de Vries"]
    assert re.search(r"Piet de Vries", " ".join(verslag.regels()))
