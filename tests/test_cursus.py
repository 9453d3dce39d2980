"""The course view ``cursus/`` that ``python tasks.py lab`` opens (basismodel_edu/lesstof/cursus.py)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from basismodel_edu.lesstof.cursus import ververs
from basismodel_edu.opdrachten.opdrachtmap import opdrachtdata

HIER = Path(__file__).resolve().parent.parent
LINK = re.compile(r"\]\(([^)\s]+)\)|href=\"([^\"]+)\"")


def _links(nb_pad: Path) -> list[str]:
    nb = json.loads(nb_pad.read_text(encoding="utf-8"))
    uit = []
    for cel in nb["cells"]:
        if cel["cell_type"] != "markdown":
            continue
        for m in LINK.finditer("".join(cel["source"])):
            doel = m.group(1) or m.group(2)
            url = urlparse(doel)
            if url.scheme or url.netloc or doel.startswith("#"):
                continue  # a web address or an anchor in the same notebook
            uit.append(unquote(url.path))
    return uit


def gebroken_links(view: Path) -> list[str]:
    """Every relative link in a notebook of the view that points at nothing inside the view."""
    gebroken = []
    for nb_pad in sorted(view.rglob("*.ipynb")):
        for link in _links(nb_pad):
            doel = (nb_pad.parent / link).resolve()
            if not doel.exists() or not doel.is_relative_to(view.resolve()):
                gebroken.append(f"{nb_pad.relative_to(view)} → {link}")
    return gebroken


def verborgen_teksten(bron: Path) -> list[str]:
    """The source of every hidden check of every master."""
    uit = []
    for master in sorted(bron.glob("exercises/*/master.ipynb")):
        for cel in json.loads(master.read_text(encoding="utf-8"))["cells"]:
            if "verborgen" in cel["metadata"].get("tags", []):
                uit.append("".join(cel["source"]))
    return uit


def lekken(view: Path, bron: Path) -> list[str]:
    """Masters, or files holding a hidden check's text, in the view."""
    geheim = verborgen_teksten(bron)
    uit = [str(p.relative_to(view)) for p in view.rglob("master*.ipynb")]
    for pad in view.rglob("*"):
        if pad.is_file():
            inhoud = pad.read_text(encoding="utf-8", errors="replace")
            if pad.suffix == ".ipynb":  # compare cell sources, not their JSON escaping
                inhoud = "\n".join("".join(c["source"]) for c in json.loads(inhoud)["cells"])
            uit += [f"{pad.relative_to(view)}: verborgen controle" for g in geheim if g in inhoud]
    return uit


@pytest.fixture
def view(tmp_path: Path) -> Path:
    ververs(HIER, tmp_path / "cursus")
    return tmp_path / "cursus"


def test_view_holds_every_lesson_and_exercise(view: Path) -> None:
    lessen = {p.name for p in (HIER / "notebooks").glob("*.ipynb")} - {"editor.ipynb"}
    assert {p.name for p in (view / "notebooks").glob("*.ipynb")} == lessen
    opdrachten = {p.name for p in (HIER / "exercises").iterdir() if p.is_dir()}
    assert {p.name for p in (view / "exercises").iterdir()} == opdrachten
    for naam in opdrachten:
        data = [p.name for p in opdrachtdata(HIER / "exercises" / naam)]
        assert sorted(p.name for p in (view / "exercises" / naam).iterdir()) == sorted(
            ["opdracht.ipynb", "startplan.json", *data]
        )
    # the export of the lesson 06 exercise comes along, so meet(...) finds it
    assert (view / "exercises" / "meten_sportschool" / "sportschool_instagram.csv").is_file()


def test_view_has_no_master_and_no_hidden_check(view: Path) -> None:
    assert verborgen_teksten(HIER), "the masters have hidden checks to look for"
    assert lekken(view, HIER) == []


def test_leak_check_finds_a_master(view: Path) -> None:
    master = next(HIER.glob("exercises/*/master.ipynb"))
    shutil.copyfile(master, view / "exercises" / master.parent.name / "master.ipynb")
    gevonden = lekken(view, HIER)
    assert any(r.endswith("master.ipynb") for r in gevonden)
    assert any("verborgen controle" in r for r in gevonden)


def test_every_relative_link_resolves_in_the_view(view: Path) -> None:
    assert any(_links(p) for p in view.rglob("*.ipynb")), "the lessons link to exercises"
    assert gebroken_links(view) == []


def test_link_check_finds_a_broken_link(view: Path) -> None:
    shutil.rmtree(view / "exercises" / "missie_fietsenmaker")
    assert any("missie_fietsenmaker" in g for g in gebroken_links(view))


def test_refresh_keeps_the_students_changes_and_updates_the_rest(tmp_path: Path) -> None:
    bron = tmp_path / "repo"
    shutil.copytree(HIER / "notebooks", bron / "notebooks")
    shutil.copytree(HIER / "exercises", bron / "exercises")
    doel = tmp_path / "cursus"
    eerste = ververs(bron, doel)
    assert "exercises/missie_fietsenmaker/opdracht.ipynb" in eerste.nieuw
    eigen = doel / "exercises" / "missie_fietsenmaker" / "opdracht.ipynb"
    nb = json.loads(eigen.read_text(encoding="utf-8"))
    nb["cells"][0]["source"] = ["mijn antwoord"]
    eigen.write_text(json.dumps(nb), encoding="utf-8")
    (doel / "exercises" / "missie_fietsenmaker" / "plan.json").write_text("{}", encoding="utf-8")
    # the course changes both the exercise the student edited and one they did not touch
    for naam in ("missie_fietsenmaker", "visie_dansschool"):
        (bron / "exercises" / naam / "opdracht.ipynb").write_text("{}", encoding="utf-8")
    tweede = ververs(bron, doel)
    assert tweede.eigen_werk == ["exercises/missie_fietsenmaker/opdracht.ipynb"]
    assert tweede.bijgewerkt == ["exercises/visie_dansschool/opdracht.ipynb"]
    assert "mijn antwoord" in eigen.read_text(encoding="utf-8")
    assert (doel / "exercises" / "visie_dansschool" / "opdracht.ipynb").read_text() == "{}"
    assert (doel / "exercises" / "missie_fietsenmaker" / "plan.json").read_text() == "{}"
    assert ververs(bron, doel).bijgewerkt == []


def test_a_lesson_only_run_and_saved_is_updated_but_an_edited_one_is_kept(tmp_path: Path) -> None:
    bron = tmp_path / "repo"
    shutil.copytree(HIER / "notebooks", bron / "notebooks")
    shutil.copytree(HIER / "exercises", bron / "exercises")
    doel = tmp_path / "cursus"
    ververs(bron, doel)
    gedraaid, bewerkt = (
        doel / "notebooks" / "01_missie.ipynb",
        doel / "notebooks" / "02_visie.ipynb",
    )
    # what JupyterLab does on Run All and save: other metadata and outputs, the same sources
    nb = json.loads(gedraaid.read_text(encoding="utf-8"))
    nb["metadata"]["kernelspec"]["display_name"] = "Anders"
    for cel in nb["cells"]:
        if cel["cell_type"] == "code":
            cel["execution_count"] = 99
    gedraaid.write_text(json.dumps(nb), encoding="utf-8")
    nb = json.loads(bewerkt.read_text(encoding="utf-8"))
    nb["cells"][0]["source"] = ["mijn aantekening"]
    bewerkt.write_text(json.dumps(nb), encoding="utf-8")
    for naam in ("01_missie", "02_visie"):  # a course update of both lessons
        les = bron / "notebooks" / f"{naam}.ipynb"
        nb = json.loads(les.read_text(encoding="utf-8"))
        nb["cells"].append({"cell_type": "markdown", "id": "nieuw", "metadata": {}, "source": "x"})
        les.write_text(json.dumps(nb), encoding="utf-8")
    v = ververs(bron, doel)
    assert v.bijgewerkt == ["notebooks/01_missie.ipynb"]
    assert v.eigen_werk == ["notebooks/02_visie.ipynb"]
    assert gedraaid.read_bytes() == (bron / "notebooks" / "01_missie.ipynb").read_bytes()
    assert "mijn aantekening" in bewerkt.read_text(encoding="utf-8")
