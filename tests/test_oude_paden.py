"""Module paths from before the subpackages still import: every path a lesson, an exercise, the
README or the lecturer's guide uses, every old module name, from the source tree and from the
built wheel. They are the module at its new path, not a copy, so a student's half-done notebook
and a hand-in from before the move work as they did.
"""

from __future__ import annotations

import importlib
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

import basismodel_edu

ROOT = Path(__file__).resolve().parent.parent
_IMPORT = re.compile(
    r"(?:from\s+(basismodel_edu(?:\.\w+)*)\s+import\s+(\(?[\w\s,]+\)?)|import\s+(basismodel_edu(?:\.\w+)+))"
)


def _teksten() -> list[Path]:
    return [
        *ROOT.glob("lessen/*.md"),
        *ROOT.glob("notebooks/*.ipynb"),
        *ROOT.glob("exercises/*/*.ipynb"),
        ROOT / "README.md",
        ROOT / "docent" / "README.md",
    ]


def gebruikte_paden() -> dict[str, set[str]]:
    """module path → the names imported from it, in every text a student or lecturer reads."""
    paden: dict[str, set[str]] = {}
    for pad in _teksten():
        tekst = pad.read_text(encoding="utf-8")
        if pad.suffix == ".ipynb":
            tekst = "\n".join(
                "".join(c["source"]) for c in json.loads(tekst)["cells"] if c["cell_type"] == "code"
            )
        for van, namen, module in _IMPORT.findall(tekst.replace("\\n", "\n")):
            if module:
                paden.setdefault(module, set())
            else:
                namen = {n.strip() for n in namen.strip("()").split(",") if n.strip()}
                paden.setdefault(van, set()).update(n.split()[0] for n in namen)
    return paden


def test_the_texts_use_old_paths():
    # The test below means something only if the lessons do import submodules by their old path.
    paden = gebruikte_paden()
    assert {"basismodel_edu.opdracht", "basismodel_edu.lesstof", "basismodel_edu"} <= set(paden)


@pytest.mark.parametrize("module", sorted(gebruikte_paden()))
def test_every_path_in_the_texts_imports(module):
    mod = importlib.import_module(module)
    for naam in gebruikte_paden()[module]:
        if naam != "*":
            assert hasattr(mod, naam), f"{module} has no {naam}"


@pytest.mark.parametrize("oud", sorted(basismodel_edu.OUDE_PADEN))
def test_an_old_module_is_the_module_at_its_new_path(oud):
    nieuw = importlib.import_module(f"basismodel_edu.{basismodel_edu.OUDE_PADEN[oud]}")
    assert importlib.import_module(f"basismodel_edu.{oud}") is nieuw
    assert getattr(basismodel_edu, oud) is nieuw
    # the module keeps its own name and spec: a traceback names where the code is
    assert (
        nieuw.__spec__.name == nieuw.__name__ == f"basismodel_edu.{basismodel_edu.OUDE_PADEN[oud]}"
    )


def test_an_unknown_path_still_fails():
    with pytest.raises(ModuleNotFoundError):
        importlib.import_module("basismodel_edu.bestaat_niet")


def test_python_dash_m_runs_an_old_path(tmp_path):
    # ``python -m basismodel_edu.cursus`` was how the course view was made.
    r = subprocess.run(
        [sys.executable, "-m", "basismodel_edu.cursus", str(ROOT), str(tmp_path / "cursus")],
        capture_output=True,
        text=True,
    )
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "cursus" / "notebooks" / "01_missie.ipynb").is_file()


CONTROLE = """
import importlib, json, sys
from pathlib import Path
import basismodel_edu
uit = {"bestand": basismodel_edu.__file__, "fout": []}
for module, namen in json.loads(sys.argv[1]).items():
    try:
        mod = importlib.import_module(module)
        uit["fout"] += [f"{module}.{n}" for n in namen if n != "*" and not hasattr(mod, n)]
    except Exception as e:
        uit["fout"].append(f"{module}: {type(e).__name__}: {e}")
for oud, nieuw in basismodel_edu.OUDE_PADEN.items():
    if importlib.import_module("basismodel_edu." + oud) is not importlib.import_module("basismodel_edu." + nieuw):
        uit["fout"].append(oud)
# what the package reads from its own files
from basismodel_edu import bewerk, controleer, platformcijfers, voorbeeldplan
uit["regels"] = len(controleer(voorbeeldplan()).regels)
uit["cijfers"] = len(platformcijfers("Facebook", "TikTok").data)
bewerk(str(Path(sys.argv[2]) / "p.json"))
map_ = Path(basismodel_edu.__file__).parent
uit["bestanden"] = sorted(
    p.relative_to(map_).as_posix() for p in map_.rglob("*")
    if p.is_file() and p.suffix not in (".py", ".pyc")
)
print(json.dumps(uit))
"""


@pytest.mark.slow
def test_the_built_wheel_has_every_subpackage_and_file(tmp_path):
    wielen = tmp_path / "wielen"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(wielen), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (wiel,) = wielen.glob("basismodel_edu-*.whl")
    doel = tmp_path / "doel"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--target",
            str(doel),
            str(wiel),
        ],
        check=True,
        capture_output=True,
    )
    # The wheel's package comes first on the path, before the source tree the tests run from;
    # the libraries it needs come from this environment.
    r = subprocess.run(
        [
            sys.executable,
            "-c",
            CONTROLE,
            json.dumps({k: sorted(v) for k, v in gebruikte_paden().items()}),
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(doel), "HOME": str(tmp_path), "PATH": ""},
    )
    assert r.returncode == 0, r.stderr
    uit = json.loads(r.stdout.splitlines()[-1])
    assert Path(uit["bestand"]).is_relative_to(doel), uit["bestand"]
    assert not uit["fout"], uit["fout"]
    assert uit["regels"] > 80 and uit["cijfers"] > 10
    # every file of the source package that is no code is in the wheel (templates, fragments,
    # the catalogue, the schema, the example plan, the data)
    bron = subprocess.run(
        ["git", "ls-files", "basismodel_edu"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    verwacht = sorted(
        Path(p).relative_to("basismodel_edu").as_posix() for p in bron if not p.endswith(".py")
    )
    assert verwacht and [b for b in verwacht if b not in uit["bestanden"]] == []


@pytest.mark.slow
@pytest.mark.parametrize("naam", ["missie_fietsenmaker", "meten_sportschool"])
def test_a_hand_in_made_before_the_move_still_grades(naam, tmp_path):
    from conftest import vereist

    from basismodel_edu.nakijken import beoordeel
    from basismodel_edu.nakijken.zandbak import beschikbaar
    from basismodel_edu.opdrachten.uitgave import lees_master

    vereist(beschikbaar() is None, f"no sandbox here: {beschikbaar()}")
    klas = tmp_path / "klas"
    (klas / "oud").mkdir(parents=True)
    zip_ = ROOT / "tests" / "fixtures" / "inleveringen" / f"{naam}-0.1.0.zip"
    (klas / "oud" / zip_.name).write_bytes(zip_.read_bytes())
    master = ROOT / "exercises" / naam / "master.ipynb"
    res = beoordeel(master, klas, tmp_path / "uit", werkers=1)
    (oud,) = res.beoordelingen
    assert oud.totaal == lees_master(master).maximum_controles > 0, oud
    assert all(c.nakijker for c in oud.controles)
