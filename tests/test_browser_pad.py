"""The student's whole path, walked as a student walks it, in JupyterLab in headless Chromium:
the lab command's course view → lesson 01 → the exercise link → the form, typed into with real
keys → Run All → the Dutch check panels → save → hand in → ``grade`` on that hand-in as a
lecturer downloads it → the feedback page shows the points the receipt promised.

Screenshots of every step are kept in the test's temporary folder (the path is printed).
Skipped without Chromium, playwright or bubblewrap; in CI that skip is a failure.
"""

from __future__ import annotations

import json
import re
import shutil
import time
from pathlib import Path

import pytest
from conftest import vereist
from test_browser import WACHT_MS, browser, lab  # noqa: F401  (browser is a fixture)

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parent.parent
OPDRACHT = "missie_fietsenmaker"


def _paneel(page):
    """The notebook the student is looking at (JupyterLab hides the others)."""
    return page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)")


def _run_all(page, pogingen: int = 3) -> None:
    nb = _paneel(page)
    for _ in range(pogingen):
        nb.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']").wait_for(state="attached")
        voor = nb.locator(".jp-InputPrompt").all_inner_texts()
        nb.locator(".jp-Cell").first.click()
        page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^Run$")).click()
        page.get_by_role("menuitem", name=re.compile(r"^Run All Cells")).first.click()
        einde = time.monotonic() + 20
        while time.monotonic() < einde:
            # Started: a cell waits or runs, or the execution counts moved on (a warm kernel
            # may run every cell between two looks).
            if nb.locator(".jp-InputPrompt").all_inner_texts() != voor:
                return
            page.wait_for_timeout(100)
    pytest.fail(f"Run All started nothing, {pogingen} times")


def _wacht_klaar(page) -> None:
    """Until the kernel of the visible notebook has run everything it was given."""
    nb = _paneel(page)
    # JupyterLab draws only the cells in view, so their prompts cannot tell; the kernel's
    # status can. Idle twice in a row, a moment apart: Run All queues cells one by one.
    stil = nb.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']")
    for _ in range(2):
        page.wait_for_timeout(700)
        stil.wait_for(state="attached", timeout=WACHT_MS)


def _typ(page, veld: str, regels: list[str]) -> None:
    """Type into a field as a student does: click, keys, Enter between values, Tab out."""
    invoer = _paneel(page).locator(f".bm-veld-Missie-{veld} :is(input, textarea)")
    invoer.click()
    for i, regel in enumerate(regels):
        if i:
            page.keyboard.press("Enter")
        page.keyboard.type(regel, delay=8)
    page.keyboard.press("Tab")


def _bewaar(page) -> None:
    _paneel(page).locator(".jp-Cell").first.click()
    page.keyboard.press("Control+s")
    page.wait_for_timeout(1500)


def test_a_student_walks_from_lesson_to_graded_hand_in(browser, tmp_path):  # noqa: F811
    from basismodel_edu.lesstof.cursus import ververs
    from basismodel_edu.nakijken import beoordeel
    from basismodel_edu.nakijken.zandbak import beschikbaar

    vereist(beschikbaar() is None, f"no sandbox here: {beschikbaar()}")
    cursus = tmp_path / "cursus"
    ververs(ROOT, cursus)
    map_ = cursus / "exercises" / OPDRACHT
    fotos = tmp_path / "fotos"
    fotos.mkdir()
    with lab(cursus, tmp_path) as adres:
        page = browser.new_page(viewport={"width": 1366, "height": 768})
        page.set_default_timeout(WACHT_MS)
        # Lesson 01, and the exercise link at its end.
        page.goto(adres.format(pad="notebooks/01_missie.ipynb"), timeout=WACHT_MS)
        link = _paneel(page).locator(".jp-RenderedMarkdown a", has_text="Fietsenmaker Het Wiel")
        link.last.scroll_into_view_if_needed()
        page.screenshot(path=str(fotos / "1-les-link.png"))
        link.last.click()
        kop = _paneel(page).locator("h1", has_text="Opdracht: de missie van Fietsenmaker")
        kop.wait_for()
        # Run All: the form appears, and each check says in Dutch what is still missing.
        _run_all(page)
        _paneel(page).locator(".bm-editor").wait_for()
        _wacht_klaar(page)
        panelen = _paneel(page).locator(".bm-controle")
        assert panelen.count() == 2
        voor = " ".join(panelen.all_inner_texts())
        assert "Wat is er mis:" in voor and "Traceback" not in voor
        page.screenshot(path=str(fotos / "2-opdracht-leeg.png"))
        # The form, typed into key by key: capitals, Enter between values in tag fields.
        _typ(page, "tekst", ["Het Wiel houdt Nijmegen-Oost veilig en betaalbaar op de fiets: "
                             "we repareren snel en eerlijk, geven gebruikte fietsen een tweede "
                             "leven en leren buurtbewoners zelf sleutelen."])  # fmt: skip
        _typ(page, "kernwaarden", ["Eerlijk", "Duurzaam", "Buurtgericht"])
        _typ(page, "identiteit", ["De werkplaats om de hoek waar je meekijkt met de monteur."])
        _paneel(page).locator(".bm-veld-Missie-social_media_past select").select_option(label="ja")
        _typ(page, "toelichting", ["Buurtbewoners zoeken een fietsenmaker via Google en vragen "
                                   "elkaar om tips in buurtgroepen op Facebook en WhatsApp."])  # fmt: skip
        _typ(page, "kanalen", ["Facebook", "Instagram", "Google Bedrijfsprofiel"])
        plan = map_ / "plan.json"
        einde = time.monotonic() + WACHT_MS / 1000
        while json.loads(plan.read_text("utf-8"))["missie"]["kanalen"] != [
            "Facebook",
            "Instagram",
            "Google Bedrijfsprofiel",
        ]:
            if time.monotonic() > einde:
                page.screenshot(path=str(fotos / "3-fout.png"), full_page=True)
                pytest.fail(f"{fotos / '3-fout.png'}: {plan.read_text('utf-8')[:900]}")
            page.wait_for_timeout(200)
        missie = json.loads(plan.read_text("utf-8"))["missie"]
        assert missie["kernwaarden"] == ["Eerlijk", "Duurzaam", "Buurtgericht"]
        assert missie["social_media_past"] is True
        page.screenshot(path=str(fotos / "3-formulier-ingevuld.png"))
        # Save, Run All again: both checks pass now; then save and hand in.
        _bewaar(page)
        _run_all(page)
        _wacht_klaar(page)
        na = " ".join(_paneel(page).locator(".bm-controle").all_inner_texts())
        assert "Wat is er mis:" not in na, na
        _bewaar(page)
        laatste = _paneel(page).locator(".jp-CodeCell").last
        laatste.locator(".jp-InputArea-editor").click()
        page.keyboard.press("Control+Enter")  # run it without adding a cell below
        bon = _paneel(page).locator(".bm-bon", has_text="Ingeleverd")
        bon.wait_for()
        bon.scroll_into_view_if_needed()
        page.screenshot(path=str(fotos / "4-ingeleverd.png"))
        bontekst = bon.inner_text()
    beloofd = float(re.search(r"geven nu (\d+(?:,\d+)?) van", bontekst).group(1).replace(",", "."))
    assert beloofd == 4  # both visible checks, 2 points each
    # The lecturer's download: Brightspace names the file; the zip holds no name.
    klas = tmp_path / "download"
    klas.mkdir()
    zip_ = map_ / f"{OPDRACHT}-inlevering.zip"
    shutil.copyfile(zip_, klas / f"123-456 - Sanne de Boer - 3 dec. 2026 1415 - {zip_.name}")
    res = beoordeel(ROOT / "exercises" / OPDRACHT / "master.ipynb", klas, tmp_path / "uit")
    b = res["Sanne de Boer"]
    zichtbaar = sum(c.behaald for c in b.controles if not c.verborgen)
    assert b.status == "beoordeeld" and zichtbaar == beloofd
    pagina = tmp_path / "uit" / "feedback" / f"{b.bestand}.html"
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    page.goto(pagina.as_uri())
    page.screenshot(path=str(fotos / "5-feedback.png"), full_page=True)
    tekst = page.inner_text("body")
    for c in b.controles:
        if not c.verborgen:
            assert c.naam in tekst
    assert re.search(rf"\b{int(b.totaal)}\b", tekst)
    print(f"screenshots: {fotos}")
