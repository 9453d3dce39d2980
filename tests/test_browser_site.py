"""The course as a static JupyterLite site, offline, in headless Chromium (issue 13).

The site is built as ``python tasks.py site`` builds it, but with ``cdn=False``: Pyodide's core
from the npm package and only the wheels the site ships itself, nothing from Pyodide's CDN. It
is served from 127.0.0.1 and every other request is refused (by the browser's resolver, and by a
route that records what was asked for). In it:

- lesson 00 opens; its form cell runs; the time from opening the lesson to the first form is
  printed (the figure ``benchmarks/site.py`` reports); the mission is emptied and typed again
  with real keys, and the checker's feedback changes;
- every code cell of every lesson runs in the browser's kernel (driven from one notebook the test
  adds to the site); a cell may fail only because it needs numpy, pandas or matplotlib, which
  only Pyodide's CDN has; which cells those are is printed;
- an exercise is run, saved and handed in; the hand-in is downloaded through the browser's
  file browser, and ``basismodel-edu grade`` accepts it.

Screenshots are saved in the test's temporary folder. Skipped without Chromium, playwright, node
or npm; in CI (CI=true) that skip is a failure.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import re
import shutil
import threading
import time
import zipfile
from pathlib import Path
from typing import ClassVar

import nbformat
import pytest
from conftest import chromium_pad, vereist
from test_browser import CHROMIUM_VLAGGEN, WACHT_MS, _vrije_poort

from basismodel_edu import site

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[1]
OPDRACHT = "exercises/missie_fietsenmaker"
#: What a lesson may not import in this site: only Pyodide's CDN has them.
VAN_HET_CDN = ("numpy", "pandas", "matplotlib")
ZIN = "Wij branden ambachtelijk koffie in Arnhem"
#: Pyodide's first start in a cold browser, on two loaded cores, takes a while.
KERNEL_MS = 180_000

#: Runs every code cell of every lesson in this kernel and prints what became of each. A function,
#: so that the lessons' own names (``uitslag``, ``cel`` ...) cannot overwrite the driver's.
DRIVER = r"""
import basismodel_edu  # as in a lesson: the kernel loads a cell's imports (and their wheels) first


def _alle_lessen():
    import ast, json, os
    from pathlib import Path
    from IPython import get_ipython
    from IPython.utils.capture import capture_output

    uitslag = []
    for les in sorted(Path("/drive/notebooks").glob("0*.ipynb")):
        os.chdir(les.parent)
        cellen = json.loads(les.read_text(encoding="utf-8"))["cells"]
        for i, cel in enumerate(cellen):
            if cel["cell_type"] != "code":
                continue
            bron = cel["source"] if isinstance(cel["source"], str) else "".join(cel["source"])
            with capture_output():
                res = get_ipython().run_cell(bron)
            fout = res.error_in_exec or res.error_before_exec
            oorzaak, f = None, fout
            while f is not None:
                if isinstance(f, ModuleNotFoundError):
                    oorzaak = (f.name or "").split(".")[0]
                f = f.__cause__ or f.__context__
            regels = bron.strip().splitlines()
            try:
                importeert = sorted(
                    a.asname or a.name.split(".")[0]
                    for n in ast.walk(ast.parse(get_ipython().transform_cell(bron)))
                    if isinstance(n, (ast.Import, ast.ImportFrom))
                    for a in n.names
                )
            except SyntaxError:
                importeert = []
            uitslag.append({
                "les": les.name, "cel": i, "regel": regels[-1] if regels else "",
                "tags": cel.get("metadata", {}).get("tags", []),
                "fout": None if fout is None else f"{type(fout).__name__}: {fout}"[:300],
                "ontbreekt": oorzaak,
                "importeert": importeert,
            })
    os.chdir("/drive")
    return "UITSLAG " + json.dumps(uitslag)

print(_alle_lessen())
"""


class _Stil(http.server.SimpleHTTPRequestHandler):
    """A static file server that knows the site's types (Python 3.11 has no .mjs)."""

    extensions_map: ClassVar[dict[str, str]] = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".mjs": "text/javascript",
        ".js": "text/javascript",
        ".wasm": "application/wasm",
        ".json": "application/json",
    }

    def log_message(self, *args) -> None:
        pass


@contextlib.contextmanager
def _dien(map_: Path):
    poort = _vrije_poort()
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", poort), functools.partial(_Stil, directory=str(map_))
    )
    draad = threading.Thread(target=server.serve_forever, daemon=True)
    draad.start()
    try:
        yield f"http://127.0.0.1:{poort}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def gebouwd(tmp_path_factory) -> Path:
    vereist(chromium_pad() is not None, "Chromium is not installed (apt-get install chromium)")
    vereist(shutil.which("npm") is not None, "npm is not installed (apt-get install npm)")
    import tasks

    python = tasks._site_python()
    extra = tmp_path_factory.mktemp("extra")
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python", "display_name": "Python (Pyodide)"}
    nb.cells = [nbformat.v4.new_code_cell(DRIVER)]
    nbformat.write(nb, extra / "alle_lessen.ipynb")
    uit = tmp_path_factory.mktemp("site") / "_site"
    begin = time.monotonic()
    site.bouw(
        ROOT,
        uit,
        str(python),
        cdn=False,
        extra={"test/alle_lessen.ipynb": extra / "alle_lessen.ipynb"},
    )
    print(f"site built in {time.monotonic() - begin:.0f} s: {site.grootte(uit)}")
    return uit


@pytest.fixture
def pagina(gebouwd, tmp_path):
    vereist(chromium_pad() is not None, "Chromium is not installed (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        vereist(False, "playwright is not installed (pip install -e .[test])")
    geweigerd: list[str] = []
    with _dien(gebouwd) as basis, sync_playwright() as p:
        # Outside addresses do not even resolve; the route below records any that is asked for.
        browser = p.chromium.launch(
            executable_path=chromium_pad(),
            args=[*CHROMIUM_VLAGGEN, "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"],
            timeout=WACHT_MS,
        )
        try:
            context = browser.new_context(
                viewport={"width": 1400, "height": 1000}, accept_downloads=True
            )

            def alleen_hier(route):
                if route.request.url.startswith(basis + "/"):
                    route.continue_()
                else:
                    geweigerd.append(route.request.url)
                    route.abort()

            context.route("**/*", alleen_hier)
            page = context.new_page()
            page.set_default_timeout(WACHT_MS)
            yield page, basis, geweigerd
        finally:
            browser.close()


def _open(page, basis: str, pad: str) -> None:
    page.goto(f"{basis}/lab/index.html?path={pad}", timeout=WACHT_MS)
    page.locator(".jp-Notebook .jp-Cell").first.wait_for(timeout=WACHT_MS)


def _kernel_klaar(page) -> None:
    page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']").wait_for(
        state="attached", timeout=KERNEL_MS
    )


def _voer_uit(page, cel) -> None:
    """Run one cell through the Run menu, as a student who clicks it and presses Run."""
    cel.locator(".jp-InputArea-editor").click()
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^Run$")).click()
    page.get_by_role("menuitem", name=re.compile(r"^Run Selected Cell")).first.click()


def _klaar(cel) -> None:
    """Wait until a cell has run: its prompt shows a number instead of ``*`` or nothing."""
    prompt = cel.locator(".jp-InputPrompt").first
    einde = time.monotonic() + KERNEL_MS / 1000
    while not re.search(r"\[\d+\]", prompt.inner_text()):
        assert time.monotonic() < einde, f"the cell did not finish: {cel.inner_text()[:300]}"
        cel.page.wait_for_timeout(250)


def _cel_met(page, tekst: str):
    return page.locator(".jp-Notebook .jp-CodeCell").filter(has_text=tekst).first


def naar_eerste_formulier(page, basis: str) -> float:
    """Open lesson 00, run its form cell and wait for the form: the seconds that took (the
    figure benchmarks/site.py prints too)."""
    begin = time.monotonic()
    _open(page, basis, "notebooks/00_start.ipynb")
    cel = _cel_met(page, 'bewerk("werk/les00_plan.json"')
    cel.scroll_into_view_if_needed()
    _kernel_klaar(page)
    _voer_uit(page, cel)
    page.locator(".bm-editor").wait_for(timeout=KERNEL_MS)
    return time.monotonic() - begin


def test_lesson_form_offline_and_time_to_first_form(pagina, tmp_path):
    page, basis, geweigerd = pagina
    eerste_formulier = naar_eerste_formulier(page, basis)
    print(f"time from opening lesson 00 to the first form: {eerste_formulier:.1f} s")
    (tmp_path / "eerste_formulier.txt").write_text(f"{eerste_formulier:.2f}\n")
    page.screenshot(path=str(tmp_path / "site-formulier.png"))

    page.get_by_role("tab", name=re.compile(r"^Missie")).click()
    feedback = page.locator(".bm-feedback")
    feedback.get_by_text("Deze laag: Missie").wait_for()
    veld = page.locator(".bm-veld-Missie-tekst textarea")
    veld.click()
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    einde = time.monotonic() + WACHT_MS / 1000
    while "BM102" not in feedback.inner_text():  # the empty mission is reported
        assert time.monotonic() < einde, "emptying the mission did not change the feedback"
        page.wait_for_timeout(200)
    leeg = feedback.inner_text()
    page.keyboard.type(ZIN, delay=15)
    while "BM102" in feedback.inner_text():
        assert time.monotonic() < einde, "typing the mission did not change the feedback"
        page.wait_for_timeout(200)
    assert veld.input_value() == ZIN
    # the kernel works through the keystrokes after the typing: wait until the feedback settles
    vorige, stil_sinds = None, time.monotonic()
    while time.monotonic() - stil_sinds < 3:
        assert time.monotonic() < einde + 60, "the feedback did not settle"
        nu = feedback.inner_text()
        if nu != vorige:
            vorige, stil_sinds = nu, time.monotonic()
        page.wait_for_timeout(250)
    assert "opvultekst" not in vorige, vorige  # the checker saw the whole sentence
    page.screenshot(path=str(tmp_path / "site-getypt.png"))
    feedback.screenshot(path=str(tmp_path / "site-feedback.png"))
    assert "✖" in leeg
    assert geweigerd == [] or all("127.0.0.1" not in u for u in geweigerd)
    print(f"screenshots: {tmp_path}; refused outside requests: {len(geweigerd)}")


def test_every_lesson_cell_runs_except_what_needs_the_cdn(pagina, tmp_path):
    page, basis, _ = pagina
    _open(page, basis, "test/alle_lessen.ipynb")
    _kernel_klaar(page)
    cel = page.locator(".jp-Notebook .jp-CodeCell").first
    _voer_uit(page, cel)
    uitvoer = cel.locator(".jp-OutputArea-output").filter(has_text="UITSLAG")
    uitvoer.wait_for(timeout=600_000)
    page.screenshot(path=str(tmp_path / "site-alle-lessen.png"))
    uitslag = json.loads(re.search(r"UITSLAG (.*)", uitvoer.inner_text()).group(1))
    lessen = {c["les"] for c in uitslag}
    assert len(lessen) == len(list((ROOT / "notebooks").glob("0*.ipynb")))
    goed, cdn, fout = [], [], []
    # names a cell that needed the CDN would have imported: a later cell of that lesson using
    # one fails for the same reason
    gemist: dict[str, set[str]] = {}
    for c in uitslag:
        naam = re.match(r"NameError: name '(\w+)'", c["fout"] or "")
        if c["fout"] is None or "raises-exception" in c["tags"]:
            goed.append(c)
        elif c["ontbreekt"] in VAN_HET_CDN:
            cdn.append(c)
            gemist.setdefault(c["les"], set()).update(c["importeert"])
        elif naam and naam.group(1) in gemist.get(c["les"], set()):
            cdn.append({**c, "ontbreekt": f"{naam.group(1)} from a cell that needed the CDN"})
        else:
            fout.append(c)
    per_les = {
        les: (
            sum(c["les"] == les for c in goed),
            sum(c["les"] == les for c in cdn),
        )
        for les in sorted(lessen)
    }
    print("cells run in the offline site (ran / need the CDN):")
    for les, (g, n) in per_les.items():
        print(f"  {les}: {g} ran, {n} need numpy/pandas/matplotlib")
    for c in cdn:
        print(f"  CDN only: {c['les']} cell {c['cel']}: {c['regel']} ({c['ontbreekt']})")
    (tmp_path / "lessen.json").write_text(json.dumps(uitslag, indent=1), encoding="utf-8")
    assert fout == [], json.dumps(fout, indent=1, ensure_ascii=False)
    assert len(goed) > len(cdn)
    # every lesson's form or check ran, not only its text
    assert all(g > 0 for g, _ in per_les.values()), per_les


def test_exercise_hand_in_downloads_a_zip_that_grade_accepts(pagina, tmp_path):
    from basismodel_edu.nakijken import beoordeel
    from basismodel_edu.nakijken.zandbak import beschikbaar

    page, basis, _ = pagina
    _open(page, basis, f"{OPDRACHT}/opdracht.ipynb")
    _kernel_klaar(page)
    # Run All, as the exercise tells the student: the checks of an empty plan fail, and in the
    # site a failed check shows its panel without raising (JupyterLite's kernel would cancel
    # every cell after it), so Run All reaches the hand-in cell.
    cellen = page.locator(".jp-Notebook .jp-CodeCell")
    cellen.filter(has_text="lever_in()").wait_for()  # the whole notebook is in the page
    aantal = cellen.count()
    cellen.first.locator(".jp-InputArea-editor").click()
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^Run$")).click()
    page.get_by_role("menuitem", name=re.compile(r"^Run All Cells")).first.click()
    laatste = cellen.nth(aantal - 1)
    _klaar(laatste)
    assert "BM102" in page.locator(".jp-Notebook").inner_text()  # a failed check said why
    # the first hand-in asks to save the notebook with the checks' results first
    assert "Ctrl+S" in laatste.inner_text()
    page.keyboard.press("Control+s")
    page.locator(".jp-mod-dirty").first.wait_for(state="detached", timeout=WACHT_MS)
    _voer_uit(page, laatste)
    laatste.get_by_text("Ingeleverd").first.wait_for(timeout=WACHT_MS)
    page.screenshot(path=str(tmp_path / "site-ingeleverd.png"))

    # the student downloads it from the file browser, as from any folder in JupyterLite
    naam = "missie_fietsenmaker-inlevering.zip"
    page.goto(f"{basis}/lab/index.html?path={OPDRACHT}/{naam}", timeout=WACHT_MS)
    bestand = page.locator(".jp-DirListing-item", has_text=naam).first
    bestand.wait_for(timeout=WACHT_MS)
    bestand.click(button="right")
    with page.expect_download() as info:
        page.get_by_role("menuitem", name=re.compile(r"^Download")).first.click()
    klas = tmp_path / "download"
    klas.mkdir()
    doel = klas / f"123-456 - Jan Jansen - 3 dec. 2026 1415 - {naam}"
    info.value.save_as(doel)
    with zipfile.ZipFile(doel) as z:
        assert sorted(z.namelist()) == ["inlevering.json", "opdracht.ipynb", "plan.json"]
        manifest = json.loads(z.read("inlevering.json"))
    assert manifest["opdracht"] == "missie_fietsenmaker"

    vereist(beschikbaar() is None, f"no sandbox here for grading: {beschikbaar()}")
    res = beoordeel(ROOT / OPDRACHT / "master.ipynb", klas, tmp_path / "uit", timeout=60)
    (beoordeling,) = res.beoordelingen
    assert beoordeling.student == "Jan Jansen"
    assert beoordeling.status == "beoordeeld", beoordeling
    zichtbaar = sum(c.behaald for c in beoordeling.controles if not c.verborgen)
    assert zichtbaar == manifest["zichtbare_punten"]
