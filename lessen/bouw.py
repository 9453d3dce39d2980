"""Build the lesson notebooks from their sources and store them executed.

The source of each lesson is a MyST Markdown notebook in this folder (``01_missie.md``): text,
with code cells between a ```` ```{code-cell} ipython3 ```` line and a closing ```` ``` ```` line,
and ``+++`` to start a new text cell. A code cell whose output depends on the student's own
files (a form that loads ``werk/…``) carries the tag ``nbval-ignore-output``: nbval still runs it
(an error fails) but does not compare what it shows. That is easier to review and to diff than notebook JSON.

    python lessen/bouw.py            build and run every lesson into notebooks/
    python lessen/bouw.py 03 05      only lessons 03 and 05
    python lessen/bouw.py begrippen  only the glossary (``begrippen.md``), which every lesson links

Each notebook is run with nbclient from the ``notebooks`` folder (as nbval and JupyterLab do),
on a fresh kernel, with HOME and Jupyter's folders in a temporary folder, and after the lessons'
working folder ``notebooks/werk`` was put aside (and is put back afterwards), so that the stored outputs are those a student
gets on a fresh clone. A cell that raises stops the build.

Cell ids are derived from the lesson and the cell's position, and neither timings nor widget
model ids are stored, so rebuilding an unchanged lesson gives the same file.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HIER = Path(__file__).resolve().parent
sys.path.insert(0, str(HIER.parent))
from tasks import thuis_omgeving  # noqa: E402

NOTEBOOKS = HIER.parent / "notebooks"
WERK = NOTEBOOKS / "werk"

#: Notebooks beside the numbered lessons, built the same way (``python lessen/bouw.py begrippen``).
NAAST_DE_REEKS = ("begrippen",)

_CODE_BEGIN = re.compile(r"^```\{code-cell\}")
WIDGET = "application/vnd.jupyter.widget-view+json"


def cellen(bron: str) -> list[tuple[str, str, list[str]]]:
    """The cells of a MyST source as ``(soort, tekst, tags)``, soort ``markdown`` or ``code``.

    A code cell may start with MyST's option line ``:tags: [nbval-ignore-output]``.
    """
    regels = bron.splitlines()
    if regels and regels[0].strip() == "---":  # front matter, as jupytext writes it
        einde = regels.index("---", 1)
        regels = regels[einde + 1 :]
    uit: list[tuple[str, str, list[str]]] = []
    tekst: list[str] = []

    def sluit_tekst():
        inhoud = "\n".join(tekst).strip("\n")
        if inhoud.strip():
            uit.append(("markdown", inhoud, []))
        tekst.clear()

    i = 0
    while i < len(regels):
        regel = regels[i]
        if _CODE_BEGIN.match(regel):
            sluit_tekst()
            code = []
            tags: list[str] = []
            i += 1
            while regels[i].startswith(":tags:"):
                tags += [t.strip() for t in regels[i][6:].strip(" []").split(",") if t.strip()]
                i += 1
            while regels[i].rstrip() != "```":
                code.append(regels[i])
                i += 1
            uit.append(("code", "\n".join(code).strip("\n"), tags))
        elif regel.strip() == "+++":
            sluit_tekst()
        else:
            tekst.append(regel)
        i += 1
    sluit_tekst()
    return uit


def notebook(bron: Path):
    """The (unexecuted) notebook for the MyST source ``bron``."""
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "display_name": "Python 3 (ipykernel)",  # what the kernel reports, so a save changes nothing
        "language": "python",
        "name": "python3",
    }
    nb.metadata["language_info"] = {"name": "python"}
    les = bron.stem.split("_")[0]
    for i, (soort, tekst, tags) in enumerate(cellen(bron.read_text(encoding="utf-8"))):
        maak = nbformat.v4.new_code_cell if soort == "code" else nbformat.v4.new_markdown_cell
        cel = maak(tekst)
        cel["id"] = f"les{les}-{i:02d}"
        if tags:
            cel.metadata["tags"] = tags
        nb.cells.append(cel)
    return nb


def _eigen_thuis() -> None:
    thuis = Path(tempfile.mkdtemp(prefix="basismodel-test-home-"))
    os.environ.update(thuis_omgeving(thuis))
    # The kernel must pick its own (inline) plotting backend, as it does in JupyterLab.
    os.environ.pop("MPLBACKEND", None)
    os.environ.pop("BASISMODEL_TAAL", None)
    profiel = thuis / "ipython" / "profile_default"
    profiel.mkdir(parents=True)
    (profiel / "ipython_config.py").write_text("c.InteractiveShell.colors = 'nocolor'\n")


def bouw(bron: Path) -> Path:
    """Build, run and store the lesson ``bron``; return the notebook's path."""
    import nbformat
    from nbclient import NotebookClient

    nb = notebook(bron)
    NotebookClient(
        nb,
        timeout=120,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOKS)}},
        # JupyterLab does not draw widgets from saved state before the cells run (it shows
        # their text instead), and the state of a whole-plan editor is megabytes.
        store_widget_state=False,
        record_timing=False,  # timestamps would change the file on every build
    ).execute()
    for cel in nb.cells:
        for uitvoer in cel.get("outputs", []):
            if uitvoer.get("output_type") == "error" or uitvoer.get("name") == "stderr":
                raise SystemExit(f"{bron.name}, cel {cel['id']}: {uitvoer}")
            # A stored widget view names a model (by a random id) that is not stored: drop it.
            # Before the cell runs, JupyterLab shows the widget's text; nbval skips the view.
            uitvoer.get("data", {}).pop(WIDGET, None)
    # The kernel's Python version varies between machines; stored, it made every save a change.
    nb.metadata.get("language_info", {}).pop("version", None)
    doel = NOTEBOOKS / f"{bron.stem}.ipynb"
    nbformat.write(nb, doel)
    return doel


def main(argv: list[str]) -> int:
    _eigen_thuis()
    bronnen = sorted(HIER.glob("[0-9][0-9]_*.md")) + [HIER / f"{n}.md" for n in NAAST_DE_REEKS]
    if argv:
        bronnen = [b for b in bronnen if b.name[:2] in argv or b.stem in argv]
    # A student's own working folder is put aside during the build and then put back.
    bewaard = NOTEBOOKS / "werk.tijdens-bouw"
    if WERK.exists():
        WERK.rename(bewaard)
    gebouwd = []
    try:
        for bron in bronnen:
            gebouwd.append(bouw(bron))
            print("•", gebouwd[-1].relative_to(HIER.parent), flush=True)
    finally:
        shutil.rmtree(WERK, ignore_errors=True)
        if bewaard.exists():
            bewaard.rename(WERK)
    return _stijl(gebouwd)


def _stijl(notebooks: list[Path]) -> int:
    """Run ruff on the built notebooks as CI does; a finding is fixed in the MyST source."""
    if not notebooks:
        return 0
    fout = 0
    for stap in (["check"], ["format", "--check"]):
        fout |= subprocess.call(
            [sys.executable, "-m", "ruff", *stap, *map(str, notebooks)], cwd=HIER.parent
        )
    if fout:
        print("ruff vond iets in de code van een les: verbeter het in lessen/*.md en bouw opnieuw.")
    return fout


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
