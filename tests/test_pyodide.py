"""The package under Pyodide (Python 3.14 in WebAssembly), the Python of the course's static site.

CPython 3.14 cannot be had on these machines, so the model's, checker's and forms' tests run under
Pyodide in Node: the npm package ``pyodide`` (the core of :data:`site.PYODIDE_VERSIE`) with the
site's own Pyodide folder (``site.pyodide_map``, built with ``cdn=False``: only the wheels the
site ships, nothing from Pyodide's CDN, which is unreachable here). The package is the wheel the
site serves, loaded through Pyodide's lock file as a lesson's ``import basismodel_edu`` loads it
in the browser; only the test files (and ``tasks.py`` and ``pyproject.toml``, which the test set-up
reads) are copied in. numpy, pandas and matplotlib are not there, so the few tests that draw or
make a table are deselected by name (:data:`VRAAGT_CDN`); every other test of these files must
pass.

Skipped without node or npm; in CI (CI=true) that skip is a failure.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import vereist

from basismodel_edu import site

ROOT = Path(__file__).resolve().parents[1]
DRAAIER = Path(__file__).with_name("pyodide_draai.mjs")
#: Test files of what a lesson without tables or plots uses: model, files, checker, back-tracing,
#: SMART, numbers and dates in Dutch, messages in nl and en, forms, choices, revisions.
BESTANDEN = (
    "test_model.py",
    "test_bestand.py",
    "test_regels.py",
    "test_herleiding.py",
    "test_smart.py",
    "test_berichten.py",
    "test_getallen.py",
    "test_datums.py",
    "test_invoer.py",
    "test_formulieren.py",
    "test_keuzes.py",
    "test_opvulling.py",
    "test_revisies.py",
)
#: Tests of those files that need numpy, pandas or matplotlib (Pyodide's CDN), with the reason.
VAN_HET_CDN = {
    "tests/test_herleiding.py::test_table_as_dataframe": "a pandas DataFrame",
    "tests/test_regels.py::test_result_shows_as_text_html_and_dataframe": "a pandas DataFrame",
}
#: Wheels only the tests need (pytest and hypothesis), never part of the site.
TESTWIELEN = (
    "pytest",
    "pluggy",
    "iniconfig",
    "packaging",
    "hypothesis",
    "sortedcontainers",
    "attrs",
)

SCRIPT = """
import json, os, sys
os.chdir("/kopie")
import pytest

class Teller:
    def __init__(self):
        self.uitslag = {"passed": [], "failed": [], "skipped": []}
    def pytest_runtest_logreport(self, report):
        if report.when == "call" or report.outcome != "passed":
            self.uitslag[report.outcome].append(report.nodeid)

teller = Teller()
code = pytest.main(ARGS, plugins=[teller])
import basismodel_edu
print("UITSLAG " + json.dumps({
    "code": int(code),
    "platform": sys.platform,
    "versie": sys.version.split()[0],
    "pakket": basismodel_edu.__file__,
    **teller.uitslag,
}))
int(code)
"""


@pytest.fixture(scope="module")
def pyodide_map(tmp_path_factory) -> Path:
    vereist(shutil.which("node") is not None, "node is not installed (Debian: apt-get install npm)")
    vereist(shutil.which("npm") is not None, "npm is not installed (Debian: apt-get install npm)")
    return site.pyodide_map(ROOT, tmp_path_factory.mktemp("pyodide") / "pyodide", cdn=False)


def _testwielen(map_: Path) -> list[Path]:
    cache = ROOT / ".site-cache" / "testwielen"
    cache.mkdir(parents=True, exist_ok=True)
    if not all(any(cache.glob(f"{n}-*.whl")) for n in TESTWIELEN):
        site._download([sys.executable, "-m", "pip", "-q"], cache, "any", *TESTWIELEN)
    return sorted(cache.glob("*.whl"))


def test_core_tests_pass_under_pyodide(pyodide_map, tmp_path):
    kopie = tmp_path / "kopie"
    shutil.copytree(ROOT / "tests", kopie / "tests", ignore=shutil.ignore_patterns("__pycache__"))
    for naam in ("tasks.py", "pyproject.toml"):
        shutil.copyfile(ROOT / naam, kopie / naam)
    args = ["-q", "-p", "no:cacheprovider", *(f"tests/{b}" for b in BESTANDEN)]
    args += [f"--deselect={t}" for t in VAN_HET_CDN]
    script = tmp_path / "draai.py"
    script.write_text(SCRIPT.replace("ARGS", repr(args)), encoding="utf-8")
    wielen = [str(w) for w in _testwielen(pyodide_map)]
    proces = subprocess.run(
        ["node", str(DRAAIER), str(pyodide_map), str(kopie), str(script), *wielen],
        capture_output=True,
        text=True,
        timeout=600,
    )
    regel = re.search(r"^UITSLAG (.*)$", proces.stdout, re.M)
    assert regel, proces.stdout[-4000:] + proces.stderr[-4000:]
    uitslag = json.loads(regel.group(1))
    assert uitslag["platform"] == "emscripten"
    assert uitslag["versie"].startswith("3.14")
    # the site's wheel, not the repository's source
    assert uitslag["pakket"].startswith("/lib/python3.14/site-packages/basismodel_edu/")
    assert uitslag["failed"] == [], proces.stdout[-6000:]
    assert uitslag["code"] == 0, proces.stdout[-6000:]
    assert len(uitslag["passed"]) > 100
    for bestand in BESTANDEN:
        assert any(t.startswith(f"tests/{bestand}::") for t in uitslag["passed"]), bestand


def test_the_offline_lock_file_names_only_files_of_the_site_with_their_hashes(pyodide_map):
    import hashlib

    lock = json.loads((pyodide_map / "pyodide-lock.json").read_text(encoding="utf-8"))
    pakketten = lock["packages"]
    assert {"basismodel-edu", "pydantic", "pydantic-core", "babel", "ipywidgets"} <= set(pakketten)
    assert not {"numpy", "pandas", "matplotlib"} & set(pakketten)
    for naam, pakket in pakketten.items():
        wiel = pyodide_map / pakket["file_name"]
        assert wiel.is_file(), naam
        assert hashlib.sha256(wiel.read_bytes()).hexdigest() == pakket["sha256"], naam
        assert all(site._norm(d) in pakketten for d in pakket["depends"]), naam
    # a republished site's wheel has a new name, so no browser cache serves the old one
    assert re.fullmatch(
        r"basismodel_edu-[\d.]+-0[0-9a-f]{12}-py3-none-any\.whl",
        pakketten["basismodel-edu"]["file_name"],
    )
