"""A lesson's stored metadata is what JupyterLab writes on save, so opening and saving a lesson
changes nothing in its metadata (the outputs of a new run may still differ)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

HIER = Path(__file__).resolve().parent.parent
LESSEN = sorted(p for p in (HIER / "notebooks").glob("*.ipynb") if p.name != "editor.ipynb")
#: The exercises too: a student opens and saves them in the same way.
OPDRACHTEN = sorted((HIER / "exercises").glob("*/*.ipynb"))


def verschillen(metadata: dict) -> list[str]:
    """Where a notebook's kernel metadata differs from what its kernel reports."""
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

    spec = metadata.get("kernelspec", {})
    try:
        kernel = KernelSpecManager().get_kernel_spec(spec.get("name", ""))
    except NoSuchKernel:
        return [f"no kernel {spec.get('name')!r}"]
    uit = []
    if spec.get("display_name") != kernel.display_name:
        uit.append(f"display_name {spec.get('display_name')!r} ≠ {kernel.display_name!r}")
    if spec.get("language") != kernel.language:
        uit.append(f"language {spec.get('language')!r} ≠ {kernel.language!r}")
    if metadata.get("language_info", {}).get("name") != kernel.language:
        uit.append("language_info.name")
    return uit


@pytest.mark.parametrize("les", LESSEN + OPDRACHTEN, ids=lambda p: str(p.relative_to(HIER)))
def test_lesson_metadata_is_what_the_kernel_reports(les):
    assert verschillen(json.loads(les.read_text(encoding="utf-8"))["metadata"]) == []


def test_a_different_display_name_is_found():
    metadata = json.loads(LESSEN[0].read_text(encoding="utf-8"))["metadata"]
    metadata["kernelspec"]["display_name"] = "Python 3"
    assert verschillen(metadata) and verschillen({"kernelspec": {"name": "geen"}})
