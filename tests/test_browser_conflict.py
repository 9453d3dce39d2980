"""Two open copies of the Voila app on one plan, as a student with two browser tabs: the second
to save does not overwrite the first, says so, and the student chooses with a button (no code is
possible in the app). Skipped without Chromium or playwright; in CI that skip is a failure.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest
from test_browser import WACHT_MS, browser, voila_app  # noqa: F401  (browser is a fixture)

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parent.parent


def _typ_naam(page, naam: str) -> None:
    page.get_by_role("tab", name=re.compile(r"^Organisatie")).click()
    veld = page.locator(".bm-veld-Organisatie-naam input")
    veld.click()
    veld.fill("")
    veld.press_sequentially(naam, delay=10)
    veld.press("Tab")


def _wacht(voorwaarde, uitleg: str) -> None:
    einde = time.monotonic() + WACHT_MS / 1000
    while not voorwaarde():
        assert time.monotonic() < einde, uitleg
        time.sleep(0.2)


def test_two_tabs_of_the_app_lose_nothing_and_the_student_chooses_by_button(
    browser,  # noqa: F811
    tmp_path,
):
    def naam_in_plan() -> str:
        return json.loads(plan.read_text(encoding="utf-8"))["organisatie"]["naam"]

    with voila_app(tmp_path) as (adres, project, _log):
        plan = project / "notebooks" / "werk" / "mijn-plan.json"
        eerste, tweede = browser.new_page(), browser.new_page()
        for p in (eerste, tweede):
            p.set_default_timeout(WACHT_MS)
            p.goto(adres, timeout=WACHT_MS)
            p.locator(".bm-editor").wait_for()
        _typ_naam(tweede, "Bakkerij Tweede Tab")
        _wacht(lambda: naam_in_plan() == "Bakkerij Tweede Tab", "the second tab did not save")
        _typ_naam(eerste, "Bakkerij Eerste Tab")
        knop = eerste.get_by_role("button", name="Mijn versie houden")
        knop.wait_for()
        melding = eerste.get_by_role("alert").inner_text()
        eerste.screenshot(path=str(tmp_path / "conflict.png"), full_page=True)
        # Nothing was overwritten: the second tab's version is the plan, the first's beside it.
        assert naam_in_plan() == "Bakkerij Tweede Tab"
        eigen = [
            p for p in plan.parent.glob("mijn-plan.conflict-*.json") if ".vorige" not in p.name
        ]
        assert len(eigen) == 1
        assert json.loads(eigen[0].read_text("utf-8"))["organisatie"]["naam"] == (
            "Bakkerij Eerste Tab"
        )
        knop.click()
        _wacht(
            lambda: naam_in_plan() == "Bakkerij Eerste Tab", "my version did not become the plan"
        )
        knop.wait_for(state="hidden")
        anders = [
            p for p in plan.parent.glob("mijn-plan.andere-versie-*.json") if ".vorige" not in p.name
        ]
        assert [json.loads(p.read_text("utf-8"))["organisatie"]["naam"] for p in anders] == [
            "Bakkerij Tweede Tab"
        ]
    assert "Niet over de andere versie heen bewaard" in melding and "knop" in melding
    print(f"screenshot: {tmp_path / 'conflict.png'}")
