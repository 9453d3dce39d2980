"""The course as a static JupyterLite site (issue 13): ``python tasks.py site`` builds ``_site/``.

The site holds the student view of the course (the same files ``cursus.ververs`` puts in
``cursus/``: lessons, student exercises and start plans, never masters or hidden checks) and the
wheels a lesson needs, so that a student opens a lesson in the browser with nothing installed.
The wheels (this package, Babel, Jinja2, MarkupSafe, pydantic, pydantic-core built for Pyodide)
are served by the site itself through piplite, so that ``%pip install basismodel-edu`` in a
lesson's first cell needs no network beyond the site. Downloads are cached in ``.site-cache/``
(git-ignored), so a second build is offline. Stdlib only: it runs before any venv exists.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

from basismodel_edu import cursus

#: Pins of the site build; the kernel's 0.8.7 needs a jupyterlite-core that is not published.
#: jupyter-server: jupyterlite needs it to add contents (notebooks) to the site.
BOUWPAKKETTEN = ("jupyterlite-core==0.8.6", "jupyterlite-pyodide-kernel==0.8.6", "jupyter-server")
#: Pure-Python wheels a lesson imports from this package.
WIELEN = (
    "babel",
    "jinja2",
    "pydantic",
    "typing-extensions",
    "annotated-types",
    "typing-inspection",
)
#: pydantic-core is compiled: Pyodide 314 (Python 3.14) needs its ``pyemscripten`` wheel.
PYODIDE_PLATFORM = "pyemscripten_2026_0_wasm32"
PYODIDE_PYTHON = "3.14"


def inhoud(bron: str | Path, doel: str | Path) -> list[str]:
    """Put the student view of repository ``bron`` in ``doel`` (the site's contents); returns the
    relative paths. Reuses the course view, so the site never holds a master notebook."""
    return sorted(cursus.ververs(bron, doel).nieuw)


def wielen(bron: str | Path, cache: str | Path, python: str = sys.executable) -> list[Path]:
    """Build this package's wheel and download the dependencies' wheels into ``cache``."""
    cache = Path(cache)
    cache.mkdir(parents=True, exist_ok=True)
    pip = [python, "-m", "pip", "-q"]
    subprocess.run([*pip, "wheel", "--no-deps", "-w", str(cache), str(bron)], check=True)
    _download(pip, cache, "any", *WIELEN)
    # pydantic pins one pydantic-core exactly; ask for that one (PyPI also holds a placeholder
    # pydantic_core 0.0.1 py3-none-any that an unpinned download for Pyodide would pick).
    (pydantic,) = cache.glob("pydantic-[0-9]*.whl")
    with zipfile.ZipFile(pydantic) as wiel:
        meta = next(n for n in wiel.namelist() if n.endswith(".dist-info/METADATA"))
        kern = re.search(
            r"Requires-Dist: (pydantic-core==[^\s;]+)", wiel.read(meta).decode()
        ).group(1)
    _download(pip, cache, PYODIDE_PLATFORM, kern)
    if not list(cache.glob("markupsafe-*-py3-none-any.whl")):
        _markupsafe(pip, cache)
    return sorted(cache.glob("*.whl"))


def _download(pip: list[str], cache: Path, platform: str, *pakketten: str) -> None:
    """Wheels for Pyodide's Python on ``platform`` into ``cache``, without their dependencies."""
    subprocess.run(
        [
            *pip,
            "download",
            "--no-deps",
            "--only-binary=:all:",
            "-d",
            str(cache),
            "--platform",
            platform,
            "--python-version",
            PYODIDE_PYTHON,
            *pakketten,
        ],
        check=True,
    )


def _markupsafe(pip: list[str], cache: Path) -> None:
    """MarkupSafe publishes only compiled wheels; its pure-Python fallback (no ``_speedups``)
    is what Pyodide needs, so repack the sdist's package as a py3-none-any wheel."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [*pip, "download", "--no-deps", "--no-binary=:all:", "-d", tmp, "markupsafe"],
            check=True,
        )
        (sdist,) = Path(tmp).glob("markupsafe-*.tar.gz")
        versie = sdist.name.removeprefix("markupsafe-").removesuffix(".tar.gz")
        info = f"markupsafe-{versie}.dist-info"
        with (
            tarfile.open(sdist) as tar,
            zipfile.ZipFile(cache / f"markupsafe-{versie}-py3-none-any.whl", "w") as wiel,
        ):
            for lid in tar.getmembers():
                deel = lid.name.split("/src/", 1)
                if lid.isfile() and len(deel) == 2 and deel[1].endswith((".py", ".typed")):
                    wiel.writestr(deel[1], tar.extractfile(lid).read())
            wiel.writestr(
                f"{info}/METADATA", f"Metadata-Version: 2.1\nName: MarkupSafe\nVersion: {versie}\n"
            )
            wiel.writestr(
                f"{info}/WHEEL", "Wheel-Version: 1.0\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
            )
            wiel.writestr(f"{info}/RECORD", "")


def bouw(bron: str | Path, uit: str | Path, python: str = sys.executable) -> Path:
    """Build the static site of repository ``bron`` in ``uit`` with ``python``'s ``jupyter lite``."""
    bron, uit = Path(bron).resolve(), Path(uit).resolve()
    cache = bron / ".site-cache" / "wielen"
    gevonden = wielen(bron, cache, python)
    with tempfile.TemporaryDirectory() as tmp:
        inhoud(bron, Path(tmp) / "inhoud")
        if uit.exists():
            shutil.rmtree(uit)
        opdracht = [
            python,
            "-m",
            "jupyter",
            "lite",
            "build",
            "--contents",
            str(Path(tmp) / "inhoud"),
            "--output-dir",
            str(uit),
        ]
        for wiel in gevonden:
            opdracht += ["--piplite-wheels", str(wiel)]
        subprocess.run(opdracht, check=True, cwd=tmp)
    return uit
