"""The static site's contents (issue 13): the student view, never a master notebook."""

from pathlib import Path

from basismodel_edu import site

HIER = Path(__file__).resolve().parents[1]


def test_inhoud_is_studentweergave(tmp_path):
    paden = site.inhoud(HIER, tmp_path)
    assert "notebooks/01_missie.ipynb" in paden
    assert any(p.endswith("/opdracht.ipynb") for p in paden)
    assert not any("master" in p for p in paden)
    assert "notebooks/editor.ipynb" not in paden
    assert not list(tmp_path.rglob("master.ipynb"))
