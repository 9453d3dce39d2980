"""The package's layers: each part imports only from the parts below it, and no import goes in a
circle, not even one hidden inside a function or behind ``TYPE_CHECKING``.

Every import statement in every module counts, wherever it stands. The allowed parts are those
each subpackage's ``__init__`` names on its line ``May import:``; this test reads that line, so
the documentation and the rule cannot drift apart.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PAKKET = Path(__file__).resolve().parent.parent / "basismodel_edu"
#: Bottom to top. ``prestaties`` imports nothing of ours and may be used by any part; ``cli`` sits
#: on top and nothing imports it.
DELEN = ("taal", "plan", "controle", "meten", "formulieren", "opdrachten", "nakijken", "lesstof")
OVERAL = {"prestaties"}


def _modulenaam(pad: Path) -> str:
    delen = list(pad.relative_to(PAKKET.parent).with_suffix("").parts)
    if delen[-1] == "__init__":
        delen.pop()
    return ".".join(delen)


def _bestaat(naam: str) -> bool:
    pad = PAKKET.parent.joinpath(*naam.split("."))
    return pad.with_suffix(".py").is_file() or (pad / "__init__.py").is_file()


def _imports(pad: Path) -> set[str]:
    """Every module of ours that ``pad`` imports, from any statement in it."""
    return _imports_uit(
        pad.read_text(encoding="utf-8"), _modulenaam(pad), pad.name == "__init__.py"
    )


def _imports_uit(bron: str, hier: str, is_pakket: bool) -> set[str]:
    pakket = hier if is_pakket else hier.rpartition(".")[0]
    gevonden = set()
    for knoop in ast.walk(ast.parse(bron)):
        if isinstance(knoop, ast.Import):
            gevonden |= {a.name for a in knoop.names}
        elif isinstance(knoop, ast.ImportFrom):
            if knoop.level:
                basis = pakket.split(".")
                basis = basis[: len(basis) - (knoop.level - 1)]
                doel = ".".join([*basis, *([knoop.module] if knoop.module else [])])
            else:
                doel = knoop.module or ""
            gevonden.add(doel)
            # ``from . import regels`` imports a module, not a name
            gevonden |= {f"{doel}.{a.name}" for a in knoop.names if _bestaat(f"{doel}.{a.name}")}
    return {g for g in gevonden if g.startswith("basismodel_edu.") and _bestaat(g)} - {hier}


def _deel(module: str) -> str:
    return module.split(".")[1]


GRAAF = {_modulenaam(p): _imports(p) for p in PAKKET.rglob("*.py")}


def _mag(deel: str) -> set[str]:
    bron = (PAKKET / deel / "__init__.py").read_text(encoding="utf-8")
    m = re.search(r"May import:([^\n]*(?:\n[^\n.]+)*)", bron)
    assert m, f"basismodel_edu/{deel}/__init__.py does not say what it may import ('May import:')"
    if "nothing of ours" in m.group(1):
        return set()
    return set(re.findall(r"``(\w+)``", m.group(1)))


def test_every_module_has_a_part():
    los = sorted(m for m in GRAAF if m.count(".") == 1 and _deel(m) not in (*DELEN, *OVERAL, "cli"))
    assert not los, f"modules beside the subpackages: {los}"


@pytest.mark.parametrize("deel", DELEN)
def test_part_says_what_it_is_and_may_import(deel):
    bron = (PAKKET / deel / "__init__.py").read_text(encoding="utf-8")
    doc = ast.get_docstring(ast.parse(bron))
    assert doc and len(doc.split("\n\n")[0]) > 20, f"{deel}/__init__.py: say what the part is"
    onder = set(DELEN[: DELEN.index(deel)])
    assert _mag(deel) <= onder, f"{deel} names parts that are not below it: {_mag(deel) - onder}"


@pytest.mark.parametrize("deel", DELEN)
def test_part_imports_only_what_it_may(deel):
    mag = _mag(deel) | {deel} | OVERAL
    fout = sorted(
        f"{m} → {d}"
        for m, doelen in GRAAF.items()
        if m.startswith(f"basismodel_edu.{deel}")
        for d in doelen
        if _deel(d) not in mag
    )
    assert not fout, f"{deel} may import {sorted(mag)}, but: {fout}"


def test_nothing_imports_the_command_line():
    assert not [m for m, doelen in GRAAF.items() if "basismodel_edu.cli" in doelen]


def test_prestaties_imports_nothing_of_ours():
    assert not GRAAF["basismodel_edu.prestaties"]


def _kringen(graaf: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    laag: dict[str, int] = {}
    stapel: list[str] = []
    op_stapel: set[str] = set()
    uit: list[list[str]] = []

    def bezoek(v: str) -> None:
        index[v] = laag[v] = len(index)
        stapel.append(v)
        op_stapel.add(v)
        for w in graaf.get(v, ()):
            if w not in index:
                bezoek(w)
                laag[v] = min(laag[v], laag[w])
            elif w in op_stapel:
                laag[v] = min(laag[v], index[w])
        if laag[v] == index[v]:
            groep = []
            while True:
                w = stapel.pop()
                op_stapel.discard(w)
                groep.append(w)
                if w == v:
                    break
            if len(groep) > 1:
                uit.append(sorted(groep))

    for v in sorted(graaf):
        if v not in index:
            bezoek(v)
    return uit


def test_no_import_goes_in_a_circle():
    # The package's own __init__ is the lazy facade every module may reach; leave it out.
    graaf = {m: d - {"basismodel_edu"} for m, d in GRAAF.items() if m != "basismodel_edu"}
    assert not _kringen(graaf)


def test_the_circle_finder_finds_a_circle():
    assert _kringen({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert not _kringen({"a": {"b"}, "b": set()})


def test_an_import_inside_a_function_or_behind_type_checking_counts():
    bron = (
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from ..plan.model import Plan\n"
        "def f():\n    from ..meten import exports\n    from . import motor\n"
    )
    gevonden = _imports_uit(bron, "basismodel_edu.controle.index", is_pakket=False)
    assert {
        "basismodel_edu.plan.model",
        "basismodel_edu.meten.exports",
        "basismodel_edu.controle.motor",
    } <= gevonden


def test_opening_the_editor_loads_only_what_the_form_needs(tmp_path):
    """``import basismodel_edu`` and a form load the plan, the checker and the forms: nothing of
    measuring, exercises, grading or lessons, and none of the heavy libraries (this is also the
    browser site's start-up path)."""
    import json
    import subprocess
    import sys

    code = (
        "import json, sys\n"
        "import basismodel_edu\n"
        "from basismodel_edu import bewerk\n"
        f"e = bewerk({str(tmp_path / 'leeg.json')!r})\n"
        f"e = bewerk({str(tmp_path / 'voorbeeld.json')!r}, start='voorbeeld')\n"
        "e.formulieren('kpis')\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    uit = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=tmp_path
    )
    geladen = json.loads(uit.stdout.splitlines()[-1])
    delen = {m.split(".")[1] for m in geladen if m.startswith("basismodel_edu.")}
    assert delen <= {"taal", "plan", "controle", "formulieren"}, delen
    zwaar = {"matplotlib", "pandas", "numpy", "jinja2", "openpyxl", "xlrd", "nbformat"}
    assert not zwaar & {m.split(".")[0] for m in geladen}
    assert "basismodel_edu.controle.meetstand" not in geladen
