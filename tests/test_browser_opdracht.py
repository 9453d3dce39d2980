"""A student's exercise in JupyterLab, in headless Chromium: the course view as ``python tasks.py
lab`` serves it, Run All on a fresh student version, and every check shows its Dutch panel and
no traceback. Screenshots are saved in the test's temporary folder.

Skipped without Chromium or playwright; in CI (CI=true) that skip is a failure.
"""

from __future__ import annotations

import re
import secrets
import time
from pathlib import Path

import nbformat
import pytest
import test_browser
from test_browser import WACHT_MS, _server, _vrije_poort

from basismodel_edu.lesstof.cursus import ververs

pytestmark = pytest.mark.browser
browser = test_browser.browser  # the same Chromium fixture
HIER = Path(__file__).resolve().parent.parent
OPDRACHT = "exercises/missie_fietsenmaker/opdracht.ipynb"


_lab = test_browser.lab_opdracht


def _run_all(page, pogingen: int = 3) -> None:
    """Run All through the Run menu, again if nothing started.

    On a loaded machine JupyterLab can report an idle kernel before its connection is ready, and
    a run asked for then is lost (see test_browser.py); running all again is harmless here."""
    for _ in range(pogingen):
        page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']").wait_for(
            state="attached"
        )
        page.locator(".jp-Notebook .jp-Cell").first.click()
        page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^Run$")).click()
        page.get_by_role("menuitem", name=re.compile(r"^Run All Cells")).first.click()
        einde = time.monotonic() + 20
        while time.monotonic() < einde:
            if any(
                re.search(r"\[(\d+|\*)\]", p)
                for p in page.locator(".jp-InputPrompt").all_inner_texts()
            ):
                return
            page.wait_for_timeout(300)
    pytest.fail(f"Run All started nothing, {pogingen} times")


def test_run_all_in_a_student_exercise_shows_every_panel_and_no_traceback(browser, tmp_path):
    cursus = tmp_path / "cursus"
    ververs(HIER, cursus)
    nb = nbformat.read(cursus / OPDRACHT, as_version=4)
    controles = [c.id for c in nb.cells if "controle" in c.metadata.get("tags", [])]
    assert controles
    poort, token = _vrije_poort(), secrets.token_hex(16)
    basis = f"http://127.0.0.1:{poort}"
    foto = tmp_path / "opdracht-run-all.png"
    with _server(
        _lab(cursus, poort, token), cursus, f"{basis}/api/status?token={token}", tmp_path / "l.log"
    ):
        page = browser.new_page(viewport={"width": 1300, "height": 1000})
        page.set_default_timeout(WACHT_MS)
        page.goto(f"{basis}/lab/tree/{OPDRACHT}?token={token}", timeout=WACHT_MS)
        _run_all(page)
        panelen = page.locator(".jp-OutputArea-output .bm-controle")
        einde = time.monotonic() + WACHT_MS / 1000
        while panelen.count() < len(controles):
            if time.monotonic() > einde:
                page.screenshot(path=str(foto), full_page=True)
                pytest.fail(f"{panelen.count()} of {len(controles)} panels; see {foto}")
            page.wait_for_timeout(300)
        page.locator(".bm-editor").wait_for()  # the form cell ran as it is
        panelen.last.scroll_into_view_if_needed()
        page.wait_for_timeout(500)
        page.screenshot(path=str(foto))
        panelen.first.screenshot(path=str(tmp_path / "paneel.png"))
        tekst = page.locator(".jp-Notebook").inner_text()
        fouten = page.locator(
            ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']"
        )
        fouttekst = " ".join(fouten.all_inner_texts())
    assert "Traceback" not in tekst and "AssertionError" not in tekst
    assert "opdracht.py" not in tekst
    assert panelen.count() == len(controles)
    assert tekst.count("Wat is er mis:") >= len(controles)
    assert fouttekst.count("nog niet gehaald") == len(controles)
    print(f"screenshots: {foto} {tmp_path / 'paneel.png'}")


LES = "notebooks/01_missie.ipynb"


def test_open_run_all_and_save_a_lesson_leaves_the_repository_unchanged(browser, tmp_path):
    """The student opens a lesson from the course view, runs it all and saves it: the view's copy
    changes (JupyterLab rewrites metadata and outputs), while every lesson and exercise file of
    the repository stays byte for byte the same, so ``git status --porcelain`` stays empty."""
    cursus = tmp_path / "cursus"
    ververs(HIER, cursus)

    def repo_bestanden() -> dict[str, bytes]:
        return {
            str(p.relative_to(HIER)): p.read_bytes()
            for map_ in ("notebooks", "exercises")
            for p in sorted((HIER / map_).rglob("*"))
            if p.is_file()
        }

    voor = repo_bestanden()
    kopie_voor = (cursus / LES).read_bytes()
    poort, token = _vrije_poort(), secrets.token_hex(16)
    basis = f"http://127.0.0.1:{poort}"
    with _server(
        _lab(cursus, poort, token), cursus, f"{basis}/api/status?token={token}", tmp_path / "l.log"
    ):
        page = browser.new_page(viewport={"width": 1300, "height": 1000})
        page.set_default_timeout(WACHT_MS)
        page.goto(f"{basis}/lab/tree/{LES}?token={token}", timeout=WACHT_MS)
        _run_all(page)
        einde = time.monotonic() + 3 * WACHT_MS / 1000
        while True:
            prompts = page.locator(".jp-InputPrompt").all_inner_texts()
            klaar = [p for p in prompts if re.search(r"\[\d+\]", p)]
            if klaar and not any("*" in p for p in prompts) and len(klaar) > 3:
                break
            assert time.monotonic() < einde, prompts
            page.wait_for_timeout(500)
        page.keyboard.press("Control+s")
        einde = time.monotonic() + WACHT_MS / 1000
        while (cursus / LES).read_bytes() == kopie_voor:
            assert time.monotonic() < einde, "JupyterLab did not save the lesson"
            page.wait_for_timeout(300)
        page.screenshot(path=str(tmp_path / "les-bewaard.png"))
    assert repo_bestanden() == voor
