"""Shared test set-up: a home of our own, a colourless IPython, and honest skips.

The README's test command already points HOME and friends at a temporary folder before pytest
starts (so kernels inherit it); this file does the same for anyone who runs plain ``pytest``.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tasks import thuis_omgeving  # noqa: E402


def _eigen_thuis() -> None:
    thuis = os.environ.get("HOME", "")
    if "basismodel-test-home-" not in thuis:
        thuis = tempfile.mkdtemp(prefix="basismodel-test-home-")
        os.environ.update(thuis_omgeving(Path(thuis)))
    # Tracebacks from kernels carry ANSI colours unless the profile says otherwise.
    profiel = Path(os.environ.get("IPYTHONDIR", Path(thuis) / "ipython")) / "profile_default"
    profiel.mkdir(parents=True, exist_ok=True)
    (profiel / "ipython_config.py").write_text(
        "c.InteractiveShell.colors = 'nocolor'\n", encoding="utf-8"
    )
    os.environ.setdefault("MPLBACKEND", "Agg")


_eigen_thuis()


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def vereist(iets: bool, reden: str) -> None:
    """Skip with ``reden`` when ``iets`` is missing, except in CI, where a skip is a failure."""
    if iets:
        return
    if in_ci():
        pytest.fail(f"CI must run this test, but: {reden}")
    pytest.skip(reden)


def chromium_pad() -> str | None:
    for naam in ("chromium", "chromium-browser"):
        pad = shutil.which(naam)
        if pad:
            return pad
    return None


@pytest.fixture
def voorbeeld():
    from basismodel_edu import voorbeeldplan

    return voorbeeldplan()


@pytest.fixture(autouse=True)
def _nederlands():
    """Every test starts in Dutch, whatever the test before it chose."""
    from basismodel_edu.taal.berichten import zet_taal

    zet_taal("nl")
    yield
    zet_taal("nl")
