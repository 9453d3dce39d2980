"""The learning-loop forms in JupyterLab, used with real keys: a measurement typed the Dutch way,
a wrong date refused under its field, a goal revised with its reason; then axe-core on the forms."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from test_browser import (  # noqa: F401  (browser is a fixture)
    WACHT_MS,
    _schrijf_notebook,
    _voer_eerste_cel_uit,
    browser,
    lab,
)
from test_browser_toegankelijk import _meet, axe  # noqa: F401  (axe is a fixture)

pytestmark = pytest.mark.browser

CEL = (
    "from basismodel_edu import bewaar_plan, leerlus, voorbeeldplan\n"
    'bewaar_plan(voorbeeldplan(), "plan.json")\n'
    'leerlus("plan.json")'
)


def _wacht(voorwaarde, uitleg: str) -> None:
    einde = time.monotonic() + WACHT_MS / 1000
    while not voorwaarde():
        assert time.monotonic() < einde, uitleg
        time.sleep(0.2)


def _typ(page, klasse: str, tekst: str) -> None:
    veld = page.locator(f".bm-veld-{klasse} :is(input, textarea)")
    veld.click()
    veld.press("Control+a")
    veld.press_sequentially(tekst, delay=15)


def test_learning_loop_forms_with_real_keys_and_no_serious_violation(browser, axe, tmp_path):  # noqa: F811
    map_ = tmp_path / "notebooks"
    map_.mkdir()
    _schrijf_notebook(map_, CEL)
    plan = map_ / "plan.json"
    with lab(map_, tmp_path) as adres:
        page = browser.new_page(viewport={"width": 1366, "height": 900})
        page.set_default_timeout(WACHT_MS)
        page.goto(adres.format(pad="editor.ipynb"), timeout=WACHT_MS)
        _voer_eerste_cel_uit(page, wacht_op=".bm-leerlus")
        page.locator(".bm-veld-meting-kpi select").select_option(label="K2 · Bereik in de regio")
        _typ(page, "meting-datum", "31-02-2027")
        _typ(page, "meting-waarde", "1.234,5")
        knop = page.get_by_role("button", name="Meting bewaren")
        knop.click()
        page.get_by_text("'31-02-2027' bestaat niet").wait_for()
        assert json.loads(plan.read_text(encoding="utf-8"))["metingen"] == []
        _typ(page, "meting-datum", "1-10-2026")
        knop.click()
        page.get_by_text("Bewaard: K2 op 1 oktober 2026 = 1.234,5.").wait_for()
        metingen = json.loads(plan.read_text(encoding="utf-8"))["metingen"]
        assert [(m["kpi"], m["datum"], m["waarde"]) for m in metingen] == [
            ("K2", "2026-10-01", 1234.5)
        ]
        page.locator(".bm-veld-herzie-doel select").select_option(index=1)  # D2
        _typ(page, "herzie-streefwaarde", "12")
        _typ(page, "herzie-reden", "Reacties groeien 0,3 per maand; 15 is niet haalbaar.")
        _typ(page, "herzie-datum", "15-4-2027")
        page.get_by_role("button", name="Doel herzien").click()
        page.get_by_text("Doel D2 herzien").wait_for()
        _wacht(
            lambda: json.loads(plan.read_text(encoding="utf-8"))["doelen"][1]["streefwaarde"] == 12,
            "the revised target never reached the file",
        )
        page.locator(".bm-leerlus-stand").get_by_text("15 april 2027").first.wait_for()
        foto = tmp_path / "leerlus.png"
        page.screenshot(path=str(foto), full_page=True)
        gevonden = _meet(page, axe, ".bm-leerlus")
    print(f"screenshot: {foto}")
    assert gevonden == [], gevonden
    revisies = json.loads(plan.read_text(encoding="utf-8"))["revisies"]
    assert {r["pad"] for r in revisies} == {"doelen[1].streefwaarde", "kpis[2].norm"}
    assert Path(foto).stat().st_size > 10_000
