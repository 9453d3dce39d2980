"""A figure returned by the package shows as a picture in a notebook, without %matplotlib."""

from __future__ import annotations

import nbformat
from nbclient import NotebookClient


def test_figure_shows_as_png_in_a_kernel_without_magic(tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell(
            "from basismodel_edu import teken_basismodel\nteken_basismodel()"
        ),
        nbformat.v4.new_code_cell("print('klaar')"),
    ]
    NotebookClient(
        nb, timeout=60, kernel_name="python3", resources={"metadata": {"path": tmp_path}}
    ).execute()
    uitvoer = nb.cells[0].outputs
    assert len(uitvoer) == 1, uitvoer  # shown once, as the cell's value
    assert "image/png" in uitvoer[0]["data"]
