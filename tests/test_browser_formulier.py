"""Typing into the plan editor as a student types: real keys, in JupyterLab (issue 10).

JupyterLab handles keys inside a notebook itself (command mode: a, b, d d, m change cells) and
once swallowed Enter in tag fields; this test types real keys into every kind of field and then
checks both the saved plan and that the notebook's cells are untouched.
Skipped without Chromium or playwright; in CI (CI=true) that skip is a failure.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import secrets
import sys
import time

import pytest
from test_browser import (
    WACHT_MS,
    _schrijf_notebook,
    _server,
    _voer_eerste_cel_uit,
    _vrije_poort,
    browser,  # noqa: F401  (the fixture)
    voila_app,
)

pytestmark = pytest.mark.browser

BRON = 'from basismodel_edu import bewerk\nbewerk("plan.json")'


def _wacht_op_plan(plan, klopt, page):
    einde = time.monotonic() + WACHT_MS / 1000
    while True:
        try:
            data = json.loads(plan.read_text(encoding="utf-8"))
            if klopt(data):
                return data
        except (OSError, ValueError):
            pass
        assert time.monotonic() < einde, plan.read_text(encoding="utf-8")[:800]
        page.wait_for_timeout(200)


def _cellen(page) -> list[str]:
    # Running the last cell adds an empty one below it; an empty editor reads as "" or "\n".
    teksten = page.locator(".jp-Notebook .jp-Cell .jp-InputArea-editor").all_inner_texts()
    return [t.strip() for t in teksten]


def _klopt(data: dict) -> None:
    assert data["organisatie"]["naam"] == "Bakkerij Dd Mm AB ab dd m"
    assert dt.date.fromisoformat(data["peildatum"]) == dt.date(2027, 12, 31)
    assert data["modus"] == "lerend"
    assert data["missie"]["tekst"] == "Wij bakken Brood.\nIn Arnhem."
    assert data["missie"]["kernwaarden"] == ["Lokaal", "Eerlijk", "Samen"]
    assert data["doelen"][0].get("deadline") is None


def _typ_in_elk_soort_veld(page, plan) -> dict:
    """Type real keys into every kind of field; the saved plan once every value arrived."""
    kb = page.keyboard

    # text (with capitals and the command-mode letters a, b, d d, m)
    page.locator(".bm-veld-Organisatie-naam input").click()
    kb.type("Bakkerij Dd Mm AB ab dd m", delay=10)
    # date, typed the Dutch way
    page.locator(".bm-veld-Plan-peildatum input").click()
    kb.type("31-12-2027", delay=10)
    kb.press("Tab")  # a student leaves the field, as in the real form
    # dropdown: chosen as a browser chooses (arrow keys on a closed select do nothing in
    # headless Chromium on Linux, where the list opens as a pop-up)
    page.locator(".bm-veld-Plan-modus select").select_option(index=1)
    _wacht_op_plan(
        plan,
        lambda d: (
            d.get("organisatie", {}).get("naam") == "Bakkerij Dd Mm AB ab dd m"
            and d.get("peildatum") == "2027-12-31"
        ),
        page,
    )

    page.get_by_role("tab", name="Missie").first.click()
    # textarea with Enter inside
    page.locator(".bm-veld-Missie-tekst textarea").click()
    kb.type("Wij bakken Brood.", delay=10)
    kb.press("Enter")
    kb.type("In Arnhem.", delay=10)
    # tags: Enter between values
    page.locator(".bm-veld-Missie-kernwaarden textarea").click()
    for i, woord in enumerate(("Lokaal", "Eerlijk", "Samen")):
        if i:
            kb.press("Enter")
        kb.type(woord, delay=10)
    kb.press("Tab")  # leaving the field changes nothing

    page.get_by_role("tab", name="Doelen").first.click()
    page.get_by_role("button", name="+ doel toevoegen").click()
    # number with a decimal comma
    page.locator(".bm-veld-Doel-nulmeting input").click()
    kb.type("1.200,5", delay=10)
    page.locator(".bm-veld-Doel-deadline input").click()
    kb.type("31-02-2027", delay=10)  # impossible: refused, nothing stored
    page.get_by_text("bestaat niet").first.wait_for()

    data = _wacht_op_plan(
        plan,
        lambda d: (
            d["missie"]["kernwaarden"] == ["Lokaal", "Eerlijk", "Samen"]
            and d["doelen"]
            and d["doelen"][0].get("nulmeting") == 1200.5
        ),
        page,
    )
    return data


def test_real_keys_reach_every_kind_of_field_in_jupyterlab(browser, tmp_path):  # noqa: F811
    map_ = tmp_path / "notebooks"
    map_.mkdir()
    _schrijf_notebook(map_, BRON)
    poort, token = _vrije_poort(), secrets.token_hex(16)
    opdracht = [
        sys.executable, "-m", "jupyter", "lab", "--no-browser", "--ip", "127.0.0.1",
        "--port", str(poort), f"--IdentityProvider.token={token}", "--allow-root",
        f"--ServerApp.root_dir={map_}", "--ServerApp.open_browser=False",
    ]  # fmt: skip
    basis = f"http://127.0.0.1:{poort}"
    plan = map_ / "plan.json"
    with _server(opdracht, map_, f"{basis}/api/status?token={token}", tmp_path / "lab.log"):
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.set_default_timeout(WACHT_MS)
        page.goto(f"{basis}/lab/tree/editor.ipynb?token={token}", timeout=WACHT_MS)
        _voer_eerste_cel_uit(page)
        cellen_voor = _cellen(page)
        data = _typ_in_elk_soort_veld(page, plan)
        page.screenshot(path=str(tmp_path / "lab-getypt.png"), full_page=True)
        cellen_na = _cellen(page)
        soorten = page.locator(".jp-Notebook .jp-Cell").evaluate_all(
            "els => els.map(e => e.classList.contains('jp-CodeCell'))"
        )

    _klopt(data)
    # no key reached JupyterLab's command mode: same cells, same source, still code
    assert cellen_na == cellen_voor == [BRON, ""]
    assert soorten == [True, True]
    assert "bewerk(" in cellen_na[0]
    print(f"screenshot: {tmp_path / 'lab-getypt.png'}")


def test_real_keys_reach_every_kind_of_field_in_voila(browser, tmp_path):  # noqa: F811
    with voila_app(tmp_path) as (adres, project, _log):
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.set_default_timeout(WACHT_MS)
        page.goto(adres, timeout=WACHT_MS)
        page.locator(".bm-editor").wait_for()
        data = _typ_in_elk_soort_veld(page, project / "notebooks" / "werk" / "mijn-plan.json")
        page.screenshot(path=str(tmp_path / "voila-getypt.png"), full_page=True)
    _klopt(data)
    print(f"screenshot: {tmp_path / 'voila-getypt.png'}")


def test_leaving_the_voila_app_leaves_no_kernel_running(browser, tmp_path):  # noqa: F811
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parent.parent))
    from tasks import APP_KERNELS

    # The app's own culling settings, with times short enough for a test.
    kort = {"cull_idle_timeout": "4", "cull_interval": "2"}
    instellingen = [
        f"{a.split('=')[0]}={kort[a.split('.')[1].split('=')[0]]}"
        if a.split(".")[1].split("=")[0] in kort
        else a
        for a in APP_KERNELS
    ]
    log = tmp_path / "voila.log"  # where voila_app writes the server log

    def kernels() -> int:
        # Voila answers GET /api/kernels with 403 (it offers no kernel list), so the live
        # kernels are counted from its log: started, minus culled or shut down.
        t = log.read_text(errors="replace")
        gestart = set(re.findall(r"Kernel started: ([0-9a-f-]{36})", t))
        weg = set(re.findall(r"Culling .*?\(([0-9a-f-]{36})\)", t))
        weg |= set(re.findall(r"Kernel shutdown: ([0-9a-f-]{36})", t))
        return len(gestart - weg)

    with voila_app(tmp_path, *instellingen) as (adres, _project, _log):
        for _ in range(4):
            page = browser.new_page()
            page.goto(adres, timeout=WACHT_MS)
            page.locator(".bm-editor").wait_for(timeout=WACHT_MS)
            page.close(run_before_unload=True)
        open_pagina = browser.new_page()
        open_pagina.goto(adres, timeout=WACHT_MS)
        open_pagina.locator(".bm-editor").wait_for(timeout=WACHT_MS)
        einde = time.monotonic() + 60
        while (n := kernels()) > 1:
            assert time.monotonic() < einde, f"{n} kernels still running after leaving the app"
            time.sleep(1)
        time.sleep(6)  # the page still open keeps its kernel
        assert kernels() == 1
