"""The course as a static JupyterLite site (issue 13): ``python tasks.py site`` builds ``_site/``.

The site holds the student view of the course (the same files ``cursus.ververs`` puts in
``cursus/``: lessons, student exercises and start plans, never masters or hidden checks) and a
Pyodide of its own (:func:`pyodide_map`): the npm package's core, and in its lock file this
package and every wheel its forms and checks need, served by the site. A cell's
``from basismodel_edu import ...`` loads the package through that lock file, as the kernel loads
any cell's imports, so a lesson needs no ``%pip install`` and no network beyond the site. What
only Pyodide's CDN has (numpy, pandas, matplotlib: the tables and plots) the lock file points to
there; ``cdn=False`` builds a site without them, which is what the offline test serves.

A student's own files (``plan.json``, ``werk/``, their answers) live in the browser's storage, not
in the site: a republished site brings new lessons and never ships or overwrites those names.
Downloads are cached in ``.site-cache/`` (git-ignored), so a second build is offline. Stdlib
only: it runs before any venv exists.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from . import cursus

#: Pins of the site build; the kernel's 0.8.7 needs a jupyterlite-core that is not published.
#: jupyter-server: jupyterlite needs it to add contents (notebooks) to the site.
#: jupyterlab-widgets: the forms' front end, the one that IPYWIDGETS (in the kernel) talks to.
IPYWIDGETS = "ipywidgets==8.1.9"
BOUWPAKKETTEN = (
    "jupyterlite-core==0.8.6",
    "jupyterlite-pyodide-kernel==0.8.6",
    "jupyter-server",
    "jupyterlab-widgets~=3.0.17",
)
#: pydantic-core is compiled: Pyodide 314 (Python 3.14) needs its ``pyemscripten`` wheel.
PYODIDE_PLATFORM = "pyemscripten_2026_0_wasm32"
PYODIDE_PYTHON = "3.14"
#: The Pyodide that jupyterlite-pyodide-kernel 0.8.6 was built against (its PYODIDE_VERSION); the
#: npm package of that version holds the core and the lock file the kernel expects.
PYODIDE_VERSIE = "314.0.6"
#: Where a student's browser finds the Pyodide packages the site does not ship (numpy, pandas,
#: matplotlib): the lock file points there with absolute URLs.
PYODIDE_CDN = f"https://cdn.jsdelivr.net/pyodide/v{PYODIDE_VERSIE}/full/"
#: The core files of the npm package a site needs (no source maps, no console pages).
KERNBESTANDEN = (
    "pyodide.mjs",
    "pyodide.js",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
)
#: Packages of Pyodide's own distribution that the site ships itself (with what they depend on),
#: from PyPI: the kernel (micropip, IPython, jedi) and what the forms and the checker import.
#: These are what a lesson needs offline; the rest stays on the CDN.
UIT_DE_LOCK = ("micropip", "ipython", "jedi", "pydantic", "jinja2")
#: Packages Pyodide's lock file lacks, added to it so that ``import basismodel_edu`` in a cell
#: loads them (the kernel loads a cell's imports through the lock): name → (imports, depends).
ERBIJ = {
    "babel": (["babel"], []),
    "comm": (["comm"], ["traitlets"]),
    "ipywidgets": (["ipywidgets"], ["comm", "ipython", "traitlets"]),
    # lesson 07 reads measurements from an Excel workbook
    "et-xmlfile": (["et_xmlfile"], []),
    "openpyxl": (["openpyxl"], ["et-xmlfile"]),
    "basismodel-edu": (
        ["basismodel_edu"],
        ["pydantic", "babel", "jinja2", "ipywidgets", "openpyxl"],
    ),
}
#: What the package imports only for tables and plots: on the published site these load from the
#: CDN with the package; a site built with ``cdn=False`` (the offline test) leaves them out.
VAN_HET_CDN = ("numpy", "pandas", "matplotlib")


def inhoud(bron: str | Path, doel: str | Path) -> list[str]:
    """Put the student view of repository ``bron`` in ``doel`` (the site's contents); returns the
    relative paths. Reuses the course view, so the site never holds a master notebook."""
    return sorted(cursus.ververs(bron, doel).nieuw)


def _download(pip: list[str], cache: Path, platform: str, *pakketten: str) -> None:
    """Wheels for Pyodide's Python on ``platform`` into ``cache``, without their dependencies;
    a package that has a wheel in the cache (of the version asked for, if one is) is not asked
    for again, so that a second build needs no network."""
    pakketten = tuple(p for p in pakketten if not _in_cache(cache, p))
    if not pakketten:
        return
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


def _in_cache(cache: Path, eis: str) -> bool:
    naam, _, versie = eis.partition("==")
    return any(
        _wiel_van(w)[0] == _norm(naam) and versie in ("", _wiel_van(w)[1])
        for w in cache.glob("*.whl")
    )


def _markupsafe(pip: list[str], cache: Path, versie: str | None = None) -> Path:
    """MarkupSafe publishes only compiled wheels; its pure-Python fallback (no ``_speedups``)
    is what Pyodide needs, so repack the sdist's package as a py3-none-any wheel."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [
                *pip,
                "download",
                "--no-deps",
                "--no-binary=:all:",
                "-d",
                tmp,
                f"markupsafe=={versie}" if versie else "markupsafe",
            ],
            check=True,
        )
        (sdist,) = Path(tmp).glob("markupsafe-*.tar.gz")
        versie = sdist.name.removeprefix("markupsafe-").removesuffix(".tar.gz")
        info = f"markupsafe-{versie}.dist-info"
        doel = cache / f"markupsafe-{versie}-py3-none-any.whl"
        with tarfile.open(sdist) as tar, zipfile.ZipFile(doel, "w") as wiel:
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
    return doel


# --- Pyodide served by the site itself (no CDN for what a lesson's forms and checks need) ------


def _norm(naam: str) -> str:
    """A package name as Pyodide's lock file keys it (PEP 503)."""
    return re.sub(r"[-_.]+", "-", naam).lower()


def _wiel_van(pad: Path) -> tuple[str, str]:
    """(normalised name, version) from a wheel's file name."""
    naam, versie = pad.name.split("-")[:2]
    return _norm(naam), versie


def pyodide_kern(cache: str | Path) -> Path:
    """The npm package ``pyodide`` (core and lock file, no wheels) of :data:`PYODIDE_VERSIE`,
    installed once into ``cache/npm``; returns its folder. Needs npm."""
    cache = Path(cache)
    kern = cache / "npm" / "node_modules" / "pyodide"
    pakket = kern / "package.json"
    if pakket.exists() and json.loads(pakket.read_text())["version"] == PYODIDE_VERSIE:
        return kern
    npm = shutil.which("npm")
    if npm is None:
        raise RuntimeError(
            f"npm is needed once to fetch Pyodide {PYODIDE_VERSIE} (Debian: apt-get install npm)"
        )
    subprocess.run(
        [
            npm,
            "install",
            "--prefix",
            str(cache / "npm"),
            "--no-save",
            "--no-package-lock",
            "--no-audit",
            "--no-fund",
            f"pyodide@{PYODIDE_VERSIE}",
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return kern


def _sluiting(pakketten: dict, namen: list[str]) -> set[str]:
    """``namen`` and everything they depend on in a lock file's packages."""
    gezien: set[str] = set()
    nog = [_norm(n) for n in namen]
    while nog:
        naam = nog.pop()
        if naam not in gezien:
            gezien.add(naam)
            nog += [_norm(d) for d in pakketten[naam]["depends"]]
    return gezien


def _lock_wielen(pip: list[str], cache: Path, versies: dict[str, str]) -> dict[str, Path]:
    """The wheels of ``{name: version}`` for Pyodide, from the cache or else PyPI (one pip run
    for all that are missing)."""

    def zoek() -> dict[str, Path]:
        return {
            naam: wiel
            for wiel in cache.glob("*.whl")
            for naam in [_wiel_van(wiel)[0]]
            if versies.get(naam) == _wiel_van(wiel)[1]
        }

    gevonden = zoek()
    if "markupsafe" in versies and "markupsafe" not in gevonden:
        # Pyodide's own build is compiled and PyPI has no wheel of it for Pyodide
        gevonden["markupsafe"] = _markupsafe(pip, cache, versies["markupsafe"])
    ontbreekt = [f"{n}=={v}" for n, v in sorted(versies.items()) if n not in gevonden]
    if ontbreekt:
        subprocess.run(
            [
                *pip,
                "download",
                "--no-deps",
                "--only-binary=:all:",
                "-d",
                str(cache),
                "--platform",
                PYODIDE_PLATFORM,
                "--platform",
                "any",
                "--python-version",
                PYODIDE_PYTHON,
                *ontbreekt,
            ],
            check=True,
        )
        gevonden = {**zoek(), **gevonden}
    return gevonden


#: pydantic and what it needs, newer than in Pyodide's lock file: PyPI has Pyodide 314 wheels of
#: pydantic-core only from 2.47 on, and the newer pydantic needs a newer typing-inspection.
NIEUWER = ("pydantic", "typing-inspection", "annotated-types", "typing-extensions")


def _pydantic_versies(pip: list[str], cache: Path) -> dict[str, str]:
    """The newest versions of :data:`NIEUWER` on PyPI, and the pydantic-core pydantic pins."""
    _download(pip, cache, "any", *NIEUWER)
    versies = {}
    for naam in NIEUWER:
        wiel = max((w for w in cache.glob("*.whl") if _wiel_van(w)[0] == naam), key=_versiesleutel)
        versies[naam] = _wiel_van(wiel)[1]
        if naam == "pydantic":
            versies["pydantic-core"] = _kern_pin(wiel)
    return versies


def _versiesleutel(wiel: Path) -> list[int]:
    return [int(d) if d.isdigit() else -1 for d in _wiel_van(wiel)[1].split(".")]


def _kern_pin(pydantic: Path) -> str:
    """The exact pydantic-core version a pydantic wheel requires."""
    with zipfile.ZipFile(pydantic) as wiel:
        meta = next(n for n in wiel.namelist() if n.endswith(".dist-info/METADATA"))
        return re.search(
            r"Requires-Dist: pydantic-core==([^\s;]+)", wiel.read(meta).decode()
        ).group(1)


def _sha256(pad: Path) -> str:
    return hashlib.sha256(pad.read_bytes()).hexdigest()


def _eigen_wiel(bron: Path, python: str, doel: Path) -> Path:
    """This package's wheel, renamed with a build tag from its content: a republished site gets
    a new URL for it, so that no browser cache serves the old package with the new lock file
    (Pyodide checks the SHA-256 and would refuse it)."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [python, "-m", "pip", "-q", "wheel", "--no-deps", "-w", tmp, str(bron)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        (wiel,) = Path(tmp).glob("basismodel_edu-*.whl")
        naam, versie, *rest = wiel.name.split("-")
        tag = "0" + _sha256(wiel)[:12]  # a build tag starts with a digit
        uit = doel / "-".join([naam, versie, tag, *rest])
        shutil.copyfile(wiel, uit)
    return uit


@contextlib.contextmanager
def _alleen(cache: Path):
    """One build at a time fills the cache: two test workers that build at once would otherwise
    download into the same folder together. (Windows has no flock; one build there at a time.)"""
    cache.mkdir(parents=True, exist_ok=True)
    try:
        import fcntl
    except ImportError:
        yield
        return
    with (cache / ".slot").open("w") as slot:
        fcntl.flock(slot, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(slot, fcntl.LOCK_UN)


def pyodide_map(
    bron: str | Path, doel: str | Path, python: str = sys.executable, *, cdn: bool = True
) -> Path:
    """Write a Pyodide distribution for the site in ``doel``: the npm core, and in its lock file
    local wheels for the kernel, the forms and the checker (:data:`UIT_DE_LOCK`, :data:`ERBIJ`),
    so that a lesson's forms and checks need nothing but the site. Every other package of the
    lock points to Pyodide's CDN (``cdn=True``, the published site) or is left out (``cdn=False``,
    a site that must run where no CDN is reachable). Returns ``doel``."""
    bron, doel = Path(bron).resolve(), Path(doel)
    with _alleen(bron / ".site-cache"):
        return _pyodide_map(bron, doel, python, cdn)


def _pyodide_map(bron: Path, doel: Path, python: str, cdn: bool) -> Path:
    cache = bron / ".site-cache"
    wielen_cache = cache / "wielen"
    wielen_cache.mkdir(parents=True, exist_ok=True)
    kern = pyodide_kern(cache)
    if doel.exists():
        shutil.rmtree(doel)
    doel.mkdir(parents=True)
    for naam in KERNBESTANDEN:
        shutil.copyfile(kern / naam, doel / naam)
    lock = json.loads((kern / "pyodide-lock.json").read_text(encoding="utf-8"))
    pakketten = lock["packages"]
    pip = [python, "-m", "pip", "-q", "--disable-pip-version-check"]
    lokaal = _sluiting(pakketten, list(UIT_DE_LOCK))
    versies = {naam: pakketten[naam]["version"] for naam in lokaal}
    versies.update(_pydantic_versies(pip, wielen_cache))
    for naam, wiel in _lock_wielen(pip, wielen_cache, versies).items():
        shutil.copyfile(wiel, doel / wiel.name)
        pakketten[naam].update(file_name=wiel.name, sha256=_sha256(wiel), version=versies[naam])
    _download(pip, wielen_cache, "any", "babel", "comm", "et-xmlfile", "openpyxl", IPYWIDGETS)
    for naam, (imports, depends) in ERBIJ.items():
        if naam == "basismodel-edu":
            wiel = _eigen_wiel(bron, python, doel)
            if cdn:
                depends = [*depends, *VAN_HET_CDN]
        else:
            wiel = max(
                (
                    w
                    for w in wielen_cache.glob("*.whl")
                    if _wiel_van(w)[0] == naam
                    and (naam != "ipywidgets" or IPYWIDGETS.endswith(_wiel_van(w)[1]))
                ),
                key=_versiesleutel,
            )
            shutil.copyfile(wiel, doel / wiel.name)
        pakketten[naam] = {
            "name": naam,
            "version": _wiel_van(wiel)[1],
            "file_name": wiel.name,
            "install_dir": "site",
            "sha256": _sha256(wiel),
            "package_type": "package",
            "imports": imports,
            "depends": depends,
            "unvendored_tests": False,
        }
        lokaal.add(naam)
    for naam in list(pakketten):
        if naam in lokaal:
            continue
        if cdn:
            pakketten[naam]["file_name"] = PYODIDE_CDN + pakketten[naam]["file_name"]
        else:
            del pakketten[naam]
    if not cdn:  # nothing left may depend on a package that is gone
        for pakket in pakketten.values():
            pakket["depends"] = [d for d in pakket["depends"] if _norm(d) in pakketten]
    (doel / "pyodide-lock.json").write_text(json.dumps(lock, indent=1), encoding="utf-8")
    return doel


#: The site's settings: the kernel's packages come from the site; no fallback to PyPI, which would
#: hide a wheel the site forgot.
LITE_INSTELLINGEN = {
    "jupyter-config-data": {
        "litePluginSettings": {
            "@jupyterlite/pyodide-kernel-extension:kernel": {"disablePyPIFallback": True}
        }
    }
}

#: JupyterLab settings of the site: every cell of a notebook stays in the page (JupyterLab 4 leaves
#: cells out of view out of the page), so the browser's own find and a reader's screen reader see
#: the whole lesson, and no news pop-up covers the notebook.
LITE_OVERRIDES = {
    "@jupyterlab/notebook-extension:tracker": {"windowingMode": "none"},
    "@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": False},
}


def bouw(
    bron: str | Path,
    uit: str | Path,
    python: str = sys.executable,
    *,
    cdn: bool = True,
    extra: dict[str, Path] | None = None,
) -> Path:
    """Build the static site of repository ``bron`` in ``uit`` with ``python``'s ``jupyter lite``:
    the student view of the course, and Pyodide with the package and what its forms and checks
    need (:func:`pyodide_map`; ``cdn=False`` leaves out what only the CDN has). ``extra`` adds
    files to the contents (relative path → file), as a test adds its driver notebook."""
    bron, uit = Path(bron).resolve(), Path(uit).resolve()
    with tempfile.TemporaryDirectory() as tmp:
        lite = Path(tmp)
        inhoud(bron, lite / "inhoud")
        for pad, bestand in (extra or {}).items():
            (lite / "inhoud" / pad).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(bestand, lite / "inhoud" / pad)
        # jupyterlite copies a Pyodide it finds in static/pyodide of the folder it builds in
        pyodide_map(bron, lite / "static" / "pyodide", python, cdn=cdn)
        (lite / "jupyter-lite.json").write_text(json.dumps(LITE_INSTELLINGEN), encoding="utf-8")
        (lite / "overrides.json").write_text(json.dumps(LITE_OVERRIDES), encoding="utf-8")
        if uit.exists():
            shutil.rmtree(uit)
        opdracht = [
            python,
            "-m",
            "jupyter",
            "lite",
            "build",
            "--contents",
            str(lite / "inhoud"),
            "--output-dir",
            str(uit),
            "--no-sourcemaps",
        ]
        subprocess.run(opdracht, check=True, cwd=lite, stdout=subprocess.DEVNULL)
    return uit


@dataclass
class Grootte:
    """What a built site weighs: what a static host stores and a first visit may load."""

    bytes: int
    bestanden: int
    pyodide_bytes: int

    def __str__(self) -> str:
        return (
            f"{self.bytes / 1e6:.1f} MB in {self.bestanden} files "
            f"(Pyodide and its wheels: {self.pyodide_bytes / 1e6:.1f} MB)"
        )


def grootte(uit: str | Path) -> Grootte:
    """The size of the built site in ``uit``."""
    bestanden = [p for p in Path(uit).rglob("*") if p.is_file()]
    pyodide = Path(uit) / "static" / "pyodide"
    return Grootte(
        sum(p.stat().st_size for p in bestanden),
        len(bestanden),
        sum(p.stat().st_size for p in bestanden if pyodide in p.parents),
    )
