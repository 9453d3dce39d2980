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


# --- language_info.version: the kernel's Python version must not be stored in a lesson ---


@pytest.mark.parametrize("les", LESSEN + OPDRACHTEN, ids=lambda p: str(p.relative_to(HIER)))
def test_stored_lesson_carries_no_python_version(les):
    metadata = json.loads(les.read_text(encoding="utf-8"))["metadata"]
    assert "version" not in metadata.get("language_info", {})


def _bewaar(tmp_path, haak):
    """Save a lesson whose metadata says another Python through Jupyter's own contents manager,
    with or without ``haak`` as ``pre_save_hook``; return the stored ``language_info``."""
    from jupyter_server.services.contents.filemanager import FileContentsManager
    from traitlets.config import Config

    nb = json.loads(LESSEN[0].read_text(encoding="utf-8"))
    nb["metadata"]["language_info"]["version"] = "3.12.1"  # what another kernel reports
    config = Config()
    if haak:  # the settings file `tasks.py lab` passes, loaded as Jupyter loads it
        config.merge(_lees_config(haak))
    beheer = FileContentsManager(root_dir=str(tmp_path), config=config)
    beheer.save({"type": "notebook", "format": "json", "content": nb}, "les.ipynb")
    return json.loads((tmp_path / "les.ipynb").read_text(encoding="utf-8"))["metadata"][
        "language_info"
    ]


def _lees_config(pad):
    from traitlets.config.loader import PyFileConfigLoader

    return PyFileConfigLoader(pad.name, path=str(pad.parent)).load_config()


def test_save_with_the_lab_settings_drops_the_python_version(tmp_path):
    import tasks

    assert "version" not in _bewaar(tmp_path, tasks.LABCONFIG)


def test_save_without_the_hook_stores_the_version(tmp_path):
    # Without the hook the version lands in the file: what the hook test guards against.
    assert _bewaar(tmp_path, None)["version"] == "3.12.1"


def test_hook_leaves_other_files_alone():
    from basismodel_edu.lesstof.cursus import zonder_versie

    bestand = {"type": "file", "content": "version"}
    zonder_versie(bestand, path="x.txt")
    assert bestand == {"type": "file", "content": "version"}
