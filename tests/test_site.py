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


def test_closure_follows_depends_whatever_the_spelling():
    pakketten = {
        "a": {"depends": ["b_c"]},
        "b-c": {"depends": ["D"]},
        "d": {"depends": []},
        "e": {"depends": ["a"]},
    }
    assert site._sluiting(pakketten, ["A"]) == {"a", "b-c", "d"}
    assert site._sluiting(pakketten, ["d"]) == {"d"}


def test_size_counts_every_file_and_pyodides_share(tmp_path):
    (tmp_path / "static" / "pyodide").mkdir(parents=True)
    (tmp_path / "index.html").write_bytes(b"x" * 1000)
    (tmp_path / "static" / "pyodide" / "pyodide.asm.wasm").write_bytes(b"x" * 3000)
    maat = site.grootte(tmp_path)
    assert (maat.bytes, maat.bestanden, maat.pyodide_bytes) == (4000, 2, 3000)
    assert "4 files" not in str(maat) and "2 files" in str(maat)
