"""The editor as a student and an entrepreneur meet it: JupyterLab and Voila in headless Chromium.

Each test starts its own server on a free loopback port with a token, in a temporary folder with
its own HOME and Jupyter folders, opens the editor, types into the mission, waits for the feedback
panel to change, and finds the typed text in the saved plan file. Screenshots are saved in the
test's temporary folder. The servers are always stopped, whatever happens.

Skipped without Chromium or playwright; in CI (CI=true) that skip is a failure.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import nbformat
import pytest
from conftest import chromium_pad, thuis_omgeving, vereist

pytestmark = pytest.mark.browser

CHROMIUM_VLAGGEN = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ZIN = "Wij branden ambachtelijk koffie in Arnhem"
WACHT_MS = 60_000


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _omgeving(map_: Path) -> dict[str, str]:
    thuis = map_.parent / "thuis"  # beside the served folder, so it does not show up in it
    env = {
        **os.environ,
        **thuis_omgeving(thuis),
        "JUPYTERLAB_SETTINGS_DIR": str(thuis / "lab-settings"),
        "JUPYTERLAB_WORKSPACES_DIR": str(thuis / "lab-workspaces"),
    }
    # No news pop-up over the notebook.
    instelling = thuis / "lab-settings" / "@jupyterlab" / "apputils-extension"
    instelling.mkdir(parents=True)
    (instelling / "notification.jupyterlab-settings").write_text(
        '{"fetchNews": "false", "checkForUpdates": false}', encoding="utf-8"
    )
    return env


@contextlib.contextmanager
def _server(opdracht: list[str], map_: Path, url: str, log: Path):
    """Start a server, wait until ``url`` answers, and always stop it afterwards."""
    with log.open("wb") as uit:
        proces = subprocess.Popen(
            opdracht, cwd=map_, env=_omgeving(map_), stdout=uit, stderr=subprocess.STDOUT
        )
        try:
            einde = time.monotonic() + 90
            while True:
                if proces.poll() is not None:
                    pytest.fail(f"server stopped: {log.read_text(errors='replace')[-3000:]}")
                try:
                    with urllib.request.urlopen(url, timeout=5):
                        break
                except urllib.error.HTTPError:
                    break  # the server answers (a redirect to log in is an answer too)
                except OSError:
                    pass
                if time.monotonic() > einde:
                    pytest.fail(f"server did not start: {log.read_text(errors='replace')[-3000:]}")
                time.sleep(0.5)
            yield proces
        finally:
            proces.terminate()
            try:
                proces.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proces.kill()
                proces.wait(timeout=15)


@pytest.fixture
def browser():
    vereist(chromium_pad() is not None, "Chromium is not installed (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        vereist(False, "playwright is not installed (pip install -e .[test])")
    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=chromium_pad(), args=CHROMIUM_VLAGGEN, timeout=WACHT_MS
        )
        try:
            yield b
        finally:
            b.close()


def _schrijf_notebook(map_: Path, bron: str) -> Path:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nb.cells = [nbformat.v4.new_code_cell(bron)]
    pad = map_ / "editor.ipynb"
    nbformat.write(nb, pad)
    return pad


def _typ_in_missie_en_kijk(page, plan: Path, foto: Path) -> tuple[str, str]:
    """Open the mission tab, type, and wait for the feedback to drop 'mission empty' (BM102)."""
    page.get_by_role("tab", name=re.compile(r"^Missie")).click(timeout=WACHT_MS)
    feedback = page.locator(".bm-feedback")
    feedback.get_by_text("Deze laag: Missie").wait_for(timeout=WACHT_MS)
    voor = feedback.inner_text()
    assert "BM102" in voor  # the empty mission is reported
    veld = page.locator(".bm-veld-Missie-tekst textarea")
    veld.click(timeout=WACHT_MS)
    veld.press_sequentially(ZIN, delay=15, timeout=WACHT_MS)
    einde = time.monotonic() + WACHT_MS / 1000
    while "BM102" in feedback.inner_text():
        assert time.monotonic() < einde, "the feedback panel did not change"
        page.wait_for_timeout(200)
    na = feedback.inner_text()
    page.screenshot(path=str(foto), full_page=True)
    feedback.screenshot(path=str(foto.with_name(foto.stem + "-feedback.png")))
    # every keystroke is saved: the file has the whole sentence once typing has settled
    while json.loads(plan.read_text(encoding="utf-8"))["missie"]["tekst"] != ZIN:
        assert time.monotonic() < einde, plan.read_text(encoding="utf-8")[:500]
        page.wait_for_timeout(200)
    return voor, na


def _voer_eerste_cel_uit(page, pogingen: int = 3, wacht_op: str = ".bm-editor") -> None:
    """Click the first cell and run it through the Run menu until the editor (``wacht_op``)
    shows.

    On a loaded machine JupyterLab can report an idle kernel before its connection is ready, and
    a run asked for then is lost (seen once in CI: the kernel started, nothing was executed).
    Running the cell again is harmless: the editor reloads the same plan file.
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    for poging in range(1, pogingen + 1):
        page.locator(".jp-Notebook .jp-Cell .jp-InputArea-editor").first.click()
        page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']").wait_for(
            state="attached"
        )
        page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^Run$")).click()
        page.get_by_role("menuitem", name=re.compile(r"^Run Selected Cell")).first.click()
        try:
            page.locator(wacht_op).wait_for(timeout=WACHT_MS // 3)
            return
        except PlaywrightTimeout:
            if poging == pogingen:
                raise


def lab_opdracht(root: Path, poort: int, token: str) -> list[str]:
    """The command that serves ``root`` in JupyterLab on a loopback port with a token."""
    return [
        sys.executable,
        "-m",
        "jupyter",
        "lab",
        "--no-browser",
        "--ip",
        "127.0.0.1",
        "--port",
        str(poort),
        f"--IdentityProvider.token={token}",
        "--allow-root",
        f"--ServerApp.root_dir={root}",
        "--ServerApp.open_browser=False",
    ]


@contextlib.contextmanager
def lab(root: Path, tmp_path: Path):
    """JupyterLab serving ``root``; yields the address to open a path with (``{pad}`` in it)."""
    poort, token = _vrije_poort(), secrets.token_hex(16)
    basis = f"http://127.0.0.1:{poort}"
    with _server(
        lab_opdracht(root, poort, token), root, f"{basis}/api/status?token={token}",
        tmp_path / "lab.log",
    ):  # fmt: skip
        yield f"{basis}/lab/tree/{{pad}}?token={token}"


@contextlib.contextmanager
def voila_app(tmp_path: Path, *instellingen: str):
    """The Voila app served as ``python tasks.py app`` does, from a project folder of its own;
    yields (the app's address, the project folder, the server's log)."""
    project = tmp_path / "app"
    (project / "notebooks").mkdir(parents=True)
    bron = nbformat.read(Path(__file__).parent.parent / "notebooks" / "editor.ipynb", 4)
    nbformat.write(bron, project / "notebooks" / "editor.ipynb")
    poort, token = _vrije_poort(), secrets.token_hex(16)
    opdracht = [
        sys.executable, "-m", "voila", str(Path("notebooks") / "editor.ipynb"), "--no-browser",
        f"--port={poort}", "--Voila.ip=127.0.0.1", f"--Voila.token={token}", *instellingen,
    ]  # fmt: skip
    basis = f"http://127.0.0.1:{poort}"
    log = tmp_path / "voila.log"
    # wait on a static address: opening the app itself would already run the notebook
    with _server(opdracht, project, f"{basis}/voila/static/", log):
        yield f"{basis}/?token={token}", project, log


def test_editor_in_jupyterlab(browser, tmp_path):
    map_ = tmp_path / "notebooks"
    map_.mkdir()
    _schrijf_notebook(map_, 'from basismodel_edu import bewerk\nbewerk("plan.json")')
    poort, token = _vrije_poort(), secrets.token_hex(16)
    opdracht = lab_opdracht(map_, poort, token)
    basis = f"http://127.0.0.1:{poort}"
    with _server(opdracht, map_, f"{basis}/api/status?token={token}", tmp_path / "lab.log"):
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.set_default_timeout(WACHT_MS)
        page.goto(f"{basis}/lab/tree/editor.ipynb?token={token}", timeout=WACHT_MS)
        _voer_eerste_cel_uit(page)
        page.screenshot(path=str(tmp_path / "lab-open.png"), full_page=True)
        voor, na = _typ_in_missie_en_kijk(page, map_ / "plan.json", tmp_path / "lab-getypt.png")
    assert "✖" in voor and "BM102" not in na
    print(f"screenshots: {tmp_path / 'lab-open.png'} {tmp_path / 'lab-getypt.png'}")


def test_editor_as_voila_app(browser, tmp_path):
    # The app's own notebook, served the way `python tasks.py app` does it: from the project
    # folder, with the notebook's path; the kernel then works in the notebook's folder.
    project = tmp_path / "app"
    (project / "notebooks").mkdir(parents=True)
    bron = nbformat.read(Path(__file__).parent.parent / "notebooks" / "editor.ipynb", 4)
    code = next(c.source for c in bron.cells if c.cell_type == "code")
    nbformat.write(bron, project / "notebooks" / "editor.ipynb")
    poort, token = _vrije_poort(), secrets.token_hex(16)
    opdracht = [
        sys.executable,
        "-m",
        "voila",
        str(Path("notebooks") / "editor.ipynb"),
        "--no-browser",
        f"--port={poort}",
        "--Voila.ip=127.0.0.1",
        f"--Voila.token={token}",
    ]
    basis = f"http://127.0.0.1:{poort}"
    # wait on a static address: opening the app itself would already run the notebook
    with _server(opdracht, project, f"{basis}/voila/static/", tmp_path / "voila.log"):
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.set_default_timeout(WACHT_MS)
        page.goto(f"{basis}/?token={token}", timeout=WACHT_MS)
        page.locator(".bm-editor").wait_for()
        tekst = page.inner_text("body")
        assert "bewerk(" not in tekst and "import" not in tekst  # no code visible
        assert "Nieuw plan gemaakt" in tekst
        page.screenshot(path=str(tmp_path / "voila-open.png"), full_page=True)
        plan = project / "notebooks" / re.search(r'bewerk\("([^"]+)"', code).group(1)
        voor, na = _typ_in_missie_en_kijk(page, plan, tmp_path / "voila-getypt.png")
    assert "✖" in voor
    assert "BM102" not in na
    print(f"screenshots: {tmp_path / 'voila-open.png'} {tmp_path / 'voila-getypt.png'}")


def test_summary_of_the_example_plan_prints_on_one_page(browser, tmp_path):
    from basismodel_edu import plan_samenvatting, voorbeeldplan

    plan = voorbeeldplan()
    plan.kpis[0].doel = "D9"  # with a finding and a broken chain, as a student hands it in
    pad = plan_samenvatting(plan).bewaar(tmp_path / "plan.html")
    page = browser.new_page()
    page.goto(pad.as_uri(), timeout=WACHT_MS)
    pdf = page.pdf(path=str(tmp_path / "plan.pdf"), format="A4", prefer_css_page_size=True)
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1
