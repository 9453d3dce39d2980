"""The project's set-up files agree with each other."""

from __future__ import annotations

import re
import tomllib

from conftest import ROOT


def _naam(eis: str) -> str:
    return re.split(r"[<>=!~\[; ]", eis, maxsplit=1)[0].lower()


def test_environment_yml_lists_what_pyproject_requires():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    vereist = {_naam(e): e.replace(" ", "") for e in pyproject["project"]["dependencies"]}
    tekst = (ROOT / "environment.yml").read_text(encoding="utf-8")
    regels = tekst.split("dependencies:", 1)[1].split("- pip:", 1)[0].splitlines()
    conda = {}
    for r in regels:
        m = re.match(r"\s+-\s+([A-Za-z0-9_.\-]+)(.*)$", r)
        if m and m.group(1) not in ("python", "pip"):
            conda[m.group(1).lower()] = (m.group(1) + m.group(2)).replace(" ", "")
    assert vereist == conda


def test_environment_yml_installs_the_package_itself():
    # Binder and conda users get the lessons' package from the same file, without a second step.
    pip_deel = (ROOT / "environment.yml").read_text(encoding="utf-8").split("- pip:", 1)[1]
    assert [r.strip() for r in pip_deel.splitlines() if r.strip().startswith("-")] == ["- -e ."]


def test_ci_runs_exactly_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "python tasks.py test" in readme
    assert ci.strip().splitlines()[-1] == "python tasks.py test"


def test_one_place_for_the_version():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in pyproject["project"].get("dynamic", [])
    bron = (ROOT / "basismodel_edu" / "__init__.py").read_text(encoding="utf-8")
    assert not re.search(r"__version__\s*=\s*['\"]\d", bron)
    assert pyproject["project"]["scripts"]["basismodel-edu"] == "basismodel_edu.cli:main"


def test_import_loads_no_heavy_library():
    import subprocess
    import sys

    code = (
        "import sys, basismodel_edu\n"
        "from basismodel_edu import controleer, voorbeeldplan\n"
        "controleer(voorbeeldplan())\n"
        "print(sorted(m for m in ('pandas', 'matplotlib', 'ipywidgets') if m in sys.modules))"
    )
    uit = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert uit.stdout.strip() == "[]"
