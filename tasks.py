"""The project's commands, for Windows, macOS and Linux alike (only the Python standard library).

    python tasks.py lab     start JupyterLab on the course folder cursus/ (lessons and exercises)
    python tasks.py test    run the whole test suite (lint, format, tests, lesson notebooks)
    python tasks.py app     serve the plan editor as a web app without code (Voila)
    python tasks.py site    build the course as a static JupyterLite site in _site/ (no install)

Each command first makes a virtual environment in ``.venv`` beside this file and installs what it
needs into it; a second run reuses it and reinstalls only when ``pyproject.toml`` changed.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HIER = Path(__file__).resolve().parent
VENV = HIER / ".venv"
MIN_PYTHON = (3, 11)


def _python() -> Path:
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def _installeer(extra: str) -> Path:
    """Make .venv if needed and install the package with ``extra``; return its python."""
    if sys.version_info < MIN_PYTHON:
        sys.exit(f"basismodel-edu needs Python {'.'.join(map(str, MIN_PYTHON))} or newer.")
    if not _python().exists():
        import venv  # here, not at the top: conftest imports this file under Pyodide, which has no venv

        print("• virtual environment maken in .venv ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    stempel = VENV / f".basismodel-{extra or 'basis'}"
    vingerafdruk = hashlib.sha256((HIER / "pyproject.toml").read_bytes()).hexdigest()
    if not stempel.exists() or stempel.read_text() != vingerafdruk:
        print("• pakketten installeren (de eerste keer duurt dit een paar minuten) ...", flush=True)
        doel = f".[{extra}]" if extra else "."
        subprocess.run(
            [
                str(_python()),
                "-m",
                "pip",
                "install",
                "--disable-pip-version-check",
                "-q",
                "-e",
                doel,
            ],
            cwd=HIER,
            check=True,
        )
        stempel.write_text(vingerafdruk)
    return _python()


#: JupyterLab's settings for the course: a save must not write the kernel's Python version
#: into a lesson (see cursus.zonder_versie).
LABCONFIG = HIER / "jupyter_lab_config.py"


def lab(args: list[str]) -> int:
    python = _installeer("")
    # The student sees the course view, not the repository: lessons and the student versions of
    # the exercises, no masters. Their own work stays in it (see basismodel_edu/lesstof/cursus.py).
    cursus = HIER / "cursus"
    subprocess.run(
        [str(python), "-m", "basismodel_edu.lesstof.cursus", str(HIER), str(cursus)], check=True
    )
    wortel = "--ServerApp.root_dir=" + str(cursus)
    instellingen = f"--config={LABCONFIG}"
    return subprocess.call(
        [str(python), "-m", "jupyter", "lab", str(cursus), wortel, instellingen, *args]
    )


#: Voila shuts a page's kernel down with a request on leaving the page, which fails (403,
#: `_xsrf` missing, voila-dashboards/voila#1458): every visit left a kernel running. Kernels
#: no page is connected to are culled instead; a page left open keeps its kernel.
APP_KERNELS = [
    "--MappingKernelManager.cull_idle_timeout=120",
    "--MappingKernelManager.cull_interval=30",
    "--MappingKernelManager.cull_connected=False",
    "--MappingKernelManager.cull_busy=False",
]


def app(args: list[str]) -> int:
    python = _installeer("")
    return subprocess.call(
        [str(python), "-m", "voila", str(HIER / "notebooks" / "editor.ipynb"), *APP_KERNELS, *args],
        cwd=HIER,
    )


def thuis_omgeving(thuis: Path) -> dict[str, str]:
    """Variables that give Jupyter, IPython and matplotlib a home of their own under ``thuis``.

    They all write under the user's home; tests, lesson builds and benchmarks use this so that
    they never touch the real one. (The one definition: tests and scripts import it from here.)
    """
    return {
        "HOME": str(thuis),
        "USERPROFILE": str(thuis),
        "IPYTHONDIR": str(thuis / "ipython"),
        "MPLCONFIGDIR": str(thuis / "matplotlib"),
        "JUPYTER_CONFIG_DIR": str(thuis / "jupyter-config"),
        "JUPYTER_DATA_DIR": str(thuis / "jupyter-data"),
        "JUPYTER_RUNTIME_DIR": str(thuis / "jupyter-runtime"),
    }


def test(args: list[str]) -> int:
    python = _installeer("test")
    thuis = Path(tempfile.mkdtemp(prefix="basismodel-test-home-"))
    env = {**os.environ, **thuis_omgeving(thuis), "PYTHONDONTWRITEBYTECODE": "1"}
    stappen = [
        [str(python), "-m", "ruff", "check", "."],
        [str(python), "-m", "ruff", "format", "--check", "."],
        [
            str(python),
            "-m",
            "pytest",
            "-n",
            "2",
            "--dist",
            "loadscope",
            "--doctest-modules",
            # A folder that does not exist (yet) would stop pytest from collecting anything.
            *(d for d in ("basismodel_edu", "tests", "notebooks") if (HIER / d).is_dir()),
            "--nbval",
            "--nbval-current-env",
            "--nbval-sanitize-with",
            "tests/nbval_sanitize.cfg",
            "--nbval-cell-timeout",
            "120",
            *args,
        ],
    ]
    for stap in stappen:
        print("•", " ".join(stap[2:]), flush=True)
        code = subprocess.call(stap, cwd=HIER, env=env)
        if code:
            return code
    return 0


# --- site (issue 13): the course as a static JupyterLite site ---------------------------------


def _site_python() -> Path:
    """A venv of its own in .site-cache/ for the site build: jupyterlite's pins must not clash
    with the course's JupyterLab in .venv."""
    sys.path.insert(0, str(HIER))
    from basismodel_edu import site as lite

    map_ = HIER / ".site-cache" / "venv"
    python = map_ / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    stempel = map_ / "pakketten.txt"
    if not python.exists():
        import venv

        venv.create(map_, with_pip=True)
    if not stempel.exists() or stempel.read_text() != "\n".join(lite.BOUWPAKKETTEN):
        subprocess.check_call([str(python), "-m", "pip", "install", "-q", *lite.BOUWPAKKETTEN])
        stempel.write_text("\n".join(lite.BOUWPAKKETTEN))
    return python


def site(args: list[str]) -> int:
    """Build _site/: lessons, student exercises and the wheels, served by any static host."""
    python = _site_python()
    from basismodel_edu import site as lite

    uit = lite.bouw(HIER, HIER / "_site", str(python))
    print(f"site: {uit}: {lite.grootte(uit)}")
    return 0


COMMANDS = {"lab": lab, "test": test, "app": app, "site": site}


def main() -> int:
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        print(__doc__)
        return 2
    return COMMANDS[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    sys.exit(main())
