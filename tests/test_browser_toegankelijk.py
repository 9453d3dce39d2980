"""Accessibility of the project's own widgets and outputs, measured with axe-core in Chromium.

axe-core (npm package ``axe-core``) is injected into the page and run on the project's own parts
only: the editor and its feedback (every tab), in JupyterLab and in the Voila app, and the check
panels of an exercise. JupyterLab's own chrome is outside what we judge. Rules: WCAG 2.0 and 2.1,
levels A and AA. A serious or critical violation fails the test and is listed with its element.

axe-core is installed once into the git-ignored folder ``.npm/`` of the checkout; without npm or
its registry the tests skip (in CI that is a failure).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import vereist
from test_browser import (  # noqa: F401  (browser is a fixture)
    WACHT_MS,
    _schrijf_notebook,
    _voer_eerste_cel_uit,
    browser,
    lab,
    voila_app,
)

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / ".npm" / "node_modules" / "axe-core" / "axe.min.js"
REGELS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
TABS = ("Missie", "Doelen", "KPI")  # a tab of plain fields and two of list items


@pytest.fixture(scope="session")
def axe() -> Path:
    if not AXE.exists() and shutil.which("npm"):
        npm = ["npm", "install", "--prefix", str(ROOT / ".npm"), "--no-save", "--no-audit"]
        subprocess.run(
            [*npm, "--no-fund", "axe-core@4"],
            capture_output=True,
            timeout=300,
        )
    vereist(AXE.exists(), "axe-core is not installed (npm install --prefix .npm axe-core@4)")
    return AXE


def _meet(page, axe: Path, binnen: str) -> list[dict]:
    """Serious and critical violations inside the elements matching ``binnen``."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(axe))
    uitslag = page.evaluate(
        """([binnen, regels]) => axe.run(
            {include: [...document.querySelectorAll(binnen)].map(e => e)},
            {runOnly: {type: 'tag', values: regels}, resultTypes: ['violations']})""",
        [binnen, REGELS],
    )
    return [
        {
            "regel": v["id"],
            "ernst": v["impact"],
            "waar": [n["target"] for n in v["nodes"]][:5],
            "uitleg": v["help"],
        }
        for v in uitslag["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def _alle_tabbladen(page, axe: Path, binnen: str, foto: Path) -> list[dict]:
    """Visit every tab of the editor (tabs are built when first shown), open its first list
    item, and measure each."""
    gevonden: list[dict] = []
    tabs = page.locator(".bm-editor .lm-TabBar-tab")
    for i in range(tabs.count()):
        _kies_tab(page, tabs.nth(i))
        knoppen = page.locator(".bm-editor .bm-vouwknop:visible")
        if knoppen.count():
            knoppen.first.click()
            _wacht_open(knoppen.first)
        gevonden += [{"tab": i, **v} for v in _meet(page, axe, binnen)]
        if i == 3:
            page.screenshot(path=str(foto), full_page=True)
        if knoppen.count():  # closed again, so the next tab's bar is near the top
            knoppen.first.click()
            _wacht_open(knoppen.first, "▸")
    return gevonden


def _meet_editor(page, axe: Path, binnen: str, foto: Path, open_editor) -> tuple[list, list]:
    """Every tab measured, and the Tab walk; once more after a reload when a tab never showed
    its fields (seen twice in CI under load, never locally; the screenshot is kept). The
    verdict itself is never retried: a violation found fails the test."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        return _alle_tabbladen(page, axe, binnen, foto), _tab_walk(page)
    except PlaywrightTimeout:
        page.screenshot(path=str(foto.with_name(foto.stem + "-vastgelopen.png")), full_page=True)
        page.reload()
        open_editor(page)
        return _alle_tabbladen(page, axe, binnen, foto), _tab_walk(page)


def _tab_walk(page) -> list[str]:
    return [v for t in TABS for v in _tab_bereikt_elk_veld(page, t)]


def _kies_tab(page, tab, pogingen: int = 3) -> None:
    """Show a tab and wait until the kernel built its fields (tabs are built when first shown).

    Seen once in CI under load: a click on a tab bar far above the scrolled view did not
    switch the tab; choosing it again is what a student would do."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    velden = page.locator(".bm-editor :is(input, textarea, select, .bm-vouwknop):visible")
    for poging in range(1, pogingen + 1):
        tab.scroll_into_view_if_needed()
        tab.click()
        try:
            page.wait_for_function(
                "e => e.getAttribute('aria-selected') === 'true'",
                arg=tab.element_handle(),
                timeout=WACHT_MS // 4,
            )
            velden.first.wait_for(timeout=WACHT_MS // 2)
            page.wait_for_timeout(300)
            return
        except PlaywrightTimeout:
            if poging == pogingen:
                raise


def _wacht_open(knop, teken: str = "▾") -> None:
    """Wait until the item behind ``knop`` has opened (or closed), as the kernel answered."""
    knop.page.wait_for_function(
        "([e, t]) => e.innerText.trim().startsWith(t)", arg=[knop.element_handle(), teken]
    )
    knop.page.wait_for_timeout(200)


def _tab_bereikt_elk_veld(page, tab: str) -> list[str]:
    """On one tab, open the first list item with the keyboard, then press Tab from the first
    control; the controls Tab never reached."""
    _kies_tab(page, page.get_by_role("tab", name=re.compile(rf"^{tab}")))
    knoppen = page.locator(".bm-editor .bm-vouwknop:visible")
    if knoppen.count():
        if knoppen.first.inner_text().startswith("▾"):  # open: close it with Enter first
            knoppen.first.focus()
            page.keyboard.press("Enter")
            _wacht_open(knoppen.first, "▸")
        knoppen.first.focus()
        page.keyboard.press("Enter")  # a student without a mouse opens the item
        _wacht_open(knoppen.first)
    velden = page.locator(".bm-editor :is(input, textarea, select, button):visible")
    n = velden.count()
    assert n >= 4, n
    for i in range(n):
        velden.nth(i).evaluate("(e, i) => e.setAttribute('data-bm-stop', String(i))", i)
    velden.first.focus()
    bereikt = set()
    for _ in range(n * 2 + 5):
        bereikt.add(page.evaluate("document.activeElement.getAttribute('data-bm-stop')"))
        page.keyboard.press("Tab")
    return [
        velden.nth(i).evaluate("e => e.outerHTML.slice(0, 120)")
        for i in range(n)
        if str(i) not in bereikt
    ]


def _voorbeeld(pad: Path) -> None:
    from basismodel_edu import voorbeeldplan
    from basismodel_edu.plan.bestand import bewaar_plan

    pad.parent.mkdir(parents=True, exist_ok=True)
    bewaar_plan(voorbeeldplan(), pad)


def test_editor_in_jupyterlab_has_no_serious_violation(browser, axe, tmp_path):  # noqa: F811
    map_ = tmp_path / "notebooks"
    map_.mkdir()
    _schrijf_notebook(map_, 'from basismodel_edu import bewerk\nbewerk("plan.json")')
    _voorbeeld(map_ / "plan.json")
    with lab(map_, tmp_path) as adres:
        page = browser.new_page(viewport={"width": 1366, "height": 768})
        page.set_default_timeout(WACHT_MS)
        page.goto(adres.format(pad="editor.ipynb"), timeout=WACHT_MS)
        _voer_eerste_cel_uit(page)
        gevonden, niet_bereikt = _meet_editor(
            page, axe, ".jp-OutputArea-output", tmp_path / "lab-axe.png", _voer_eerste_cel_uit
        )
    print(f"screenshot: {tmp_path / 'lab-axe.png'}")
    assert gevonden == [], gevonden
    assert niet_bereikt == [], niet_bereikt


def test_voila_app_has_no_serious_violation(browser, axe, tmp_path):  # noqa: F811
    with voila_app(tmp_path) as (adres, project, _log):
        _voorbeeld(project / "notebooks" / "werk" / "mijn-plan.json")
        page = browser.new_page(viewport={"width": 1366, "height": 768})
        page.set_default_timeout(WACHT_MS)
        page.goto(adres, timeout=WACHT_MS)
        page.locator(".bm-editor").wait_for()
        gevonden, niet_bereikt = _meet_editor(
            page,
            axe,
            "body",
            tmp_path / "voila-axe.png",
            lambda p: p.locator(".bm-editor").wait_for(),
        )
    print(f"screenshot: {tmp_path / 'voila-axe.png'}")
    assert gevonden == [], gevonden
    assert niet_bereikt == [], niet_bereikt


def test_exercise_and_lesson_outputs_in_jupyterlab_have_no_serious_violation(
    browser,  # noqa: F811
    axe,
    tmp_path,
):
    """A student exercise after Run All (instructions, form, every check panel) and the first
    lesson (text, figures, self-check): what the student reads, not JupyterLab's chrome."""
    from test_browser_opdracht import OPDRACHT, _run_all

    from basismodel_edu.lesstof.cursus import ververs

    cursus = tmp_path / "cursus"
    ververs(ROOT, cursus)
    eigen = ".jp-OutputArea-output, .jp-MarkdownCell .jp-RenderedMarkdown"
    gevonden = {}
    with lab(cursus, tmp_path) as adres:
        page = browser.new_page(viewport={"width": 1366, "height": 768})
        page.set_default_timeout(WACHT_MS)
        page.goto(adres.format(pad=OPDRACHT), timeout=WACHT_MS)
        _run_all(page)
        page.locator(".jp-OutputArea-output .bm-controle").first.wait_for()
        page.locator(".bm-editor").wait_for()
        page.wait_for_timeout(1000)
        gevonden["opdracht"] = _meet(page, axe, eigen)
        page.screenshot(path=str(tmp_path / "opdracht-axe.png"))
        les = next(p.relative_to(cursus) for p in sorted(cursus.rglob("01_*.ipynb")))
        page.goto(adres.format(pad=les.as_posix()), timeout=WACHT_MS)
        page.locator(".jp-MarkdownCell .jp-RenderedMarkdown").first.wait_for()
        page.wait_for_timeout(1500)
        gevonden["les"] = _meet(page, axe, eigen)
        # The figure is there and drawn (not dropped by JupyterLab's sanitiser), with its alt.
        figuur = page.locator(".jp-OutputArea-output img[alt^='Schema van het basismodel']")
        figuur.first.wait_for()
        assert figuur.first.evaluate("e => e.naturalWidth") > 100
        page.screenshot(path=str(tmp_path / "les-axe.png"))
    print(f"screenshots: {tmp_path / 'opdracht-axe.png'} {tmp_path / 'les-axe.png'}")
    assert gevonden == {"opdracht": [], "les": []}, gevonden
