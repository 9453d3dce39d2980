"""All of a student's own work in one zip (issue 13): what goes in, what stays out, and the
student's situations that give a message instead of a zip."""

from __future__ import annotations

import datetime as dt
import json
import zipfile

from conftest import ROOT

from basismodel_edu import pak_alles_in
from basismodel_edu.lesstof.cursus import ververs
from basismodel_edu.opdrachten.mijnwerk import NAAM, eigen_werk

NU = dt.datetime(2027, 3, 4, 9, 30)


def _cursus(tmp_path):
    cursus = tmp_path / "cursus"
    ververs(ROOT, cursus)
    return cursus


def test_the_zip_holds_the_students_files_and_none_of_the_course(tmp_path):
    cursus = _cursus(tmp_path)
    (cursus / "notebooks" / "werk").mkdir()
    (cursus / "notebooks" / "werk" / "les00_plan.json").write_text('{"a": 1}', encoding="utf-8")
    opdracht = cursus / "exercises" / "missie_fietsenmaker"
    (opdracht / "plan.json").write_text('{"b": 2}', encoding="utf-8")
    (opdracht / "missie_fietsenmaker-inlevering.zip").write_bytes(b"PK")
    pakket = pak_alles_in(cursus / "notebooks", nu=NU)  # run from a lesson's folder
    assert pakket.pad == cursus / NAAM and pakket.fout is None
    with zipfile.ZipFile(pakket.pad) as z:
        namen = z.namelist()
        assert json.loads(z.read("notebooks/werk/les00_plan.json")) == {"a": 1}
        assert z.getinfo("exercises/missie_fietsenmaker/plan.json").date_time == (
            2027, 3, 4, 9, 30, 0,
        )  # fmt: skip
    assert "exercises/missie_fietsenmaker/missie_fietsenmaker-inlevering.zip" in namen
    assert "exercises/missie_fietsenmaker/opdracht.ipynb" in namen  # the student's answers
    assert not any(n.startswith("notebooks/0") for n in namen)  # lessons come with the course
    assert not any(n.endswith("startplan.json") or ".cursus" in n for n in namen)
    assert "rechtermuisknop" in str(pakket) and "mijn-werk.zip" in pakket._repr_html_()
    # a second run packs the same files, not the first zip inside the second
    tweede = pak_alles_in(cursus / "exercises" / "missie_fietsenmaker", nu=NU)
    assert tweede.bestanden == pakket.bestanden and NAAM not in tweede.bestanden
    assert [p.name for p in cursus.iterdir() if p.name.startswith(".mijn")] == []


def test_nothing_of_ones_own_yet_gives_a_message_and_no_zip(tmp_path):
    cursus = tmp_path / "cursus"
    (cursus / "notebooks").mkdir(parents=True)
    (cursus / "exercises").mkdir()
    pakket = pak_alles_in(cursus)
    assert pakket.pad is None and "nog geen eigen werk" in str(pakket)
    assert "Nog niets ingepakt" in pakket._repr_html_()
    assert not (cursus / NAAM).exists()


def test_outside_the_course_folder_says_where_to_run_it(tmp_path):
    pakket = pak_alles_in(tmp_path)
    assert pakket.pad is None and "niet in de cursusmap" in str(pakket)


def test_hidden_and_temporary_files_stay_out(tmp_path):
    cursus = _cursus(tmp_path)
    werk = cursus / "notebooks" / "werk"
    werk.mkdir()
    (werk / ".les00_plan.json.tmp").write_text("{", encoding="utf-8")
    (werk / "les00_plan.json").write_text("{}", encoding="utf-8")
    assert [n for n in eigen_werk(cursus) if "werk/" in n] == ["notebooks/werk/les00_plan.json"]
