"""How big is the course's static site, and how long until a student sees the first form?

    python benchmarks/site.py                 build with cdn=False into a temporary folder
    python benchmarks/site.py --site _site    measure a site built already
    python benchmarks/site.py --alleen-grootte

Size: all files of the site (what a static host stores), and the share of Pyodide with its
wheels. Time to first form: headless Chromium opens lesson 00 from 127.0.0.1 with every other
request refused (as the offline test does), runs the form cell, and waits until the form shows;
first in a fresh browser profile (a student's first visit: Pyodide, the kernel and the wheels all
come over the network), then once more in the same profile (the browser's cache holds them).
Run with the project's venv (``.venv/bin/python``): it needs playwright and Debian's chromium.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]


def _eerste_formulier(context, basis: str) -> float:
    from test_browser_site import KERNEL_MS, naar_eerste_formulier

    page = context.new_page()
    page.set_default_timeout(KERNEL_MS)
    duur = naar_eerste_formulier(page, basis)
    page.close()
    return duur


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one)")
    parser.add_argument("--alleen-grootte", action="store_true", help="size only, no browser")
    args = parser.parse_args()

    import tasks
    from basismodel_edu import site

    with tempfile.TemporaryDirectory() as tmp:
        uit = args.site
        if uit is None:
            begin = time.monotonic()
            uit = site.bouw(ROOT, Path(tmp) / "_site", str(tasks._site_python()), cdn=False)
            print(f"build: {time.monotonic() - begin:.0f} s")
        print(f"site: {site.grootte(uit)}")
        if args.alleen_grootte:
            return 0

        from conftest import chromium_pad
        from playwright.sync_api import sync_playwright
        from test_browser import CHROMIUM_VLAGGEN
        from test_browser_site import _dien

        with _dien(uit) as basis, sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=chromium_pad(),
                args=[
                    *CHROMIUM_VLAGGEN,
                    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
                ],
            )
            try:
                context = browser.new_context(viewport={"width": 1400, "height": 1000})
                context.route(
                    "**/*",
                    lambda r: r.continue_() if r.request.url.startswith(basis) else r.abort(),
                )
                koud = _eerste_formulier(context, basis)
                warm = _eerste_formulier(context, basis)
            finally:
                browser.close()
        print(f"time from opening lesson 00 to the first form: first visit {koud:.1f} s, "
              f"again in the same browser {warm:.1f} s")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
