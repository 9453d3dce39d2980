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


def test_a_figure_shows_itself_with_its_text_alternative():
    from basismodel_edu.taal.figuren import als_html, nieuwe_figuur

    fig = nieuwe_figuur(alt='Twee balken: "A" <groot>, B klein', figsize=(2, 1))
    fig.add_subplot().bar([0, 1], [3, 1])
    html = als_html(fig)
    assert html.startswith('<img src="data:image/png;base64,')
    assert 'alt="Twee balken: &#34;A&#34; &lt;groot&gt;, B klein"' in html
    zonder = nieuwe_figuur(figsize=(2, 1))
    zonder.suptitle("Bereik per maand")
    assert 'alt="Figuur: Bereik per maand"' in als_html(zonder)


def test_every_figure_in_every_lesson_has_a_text_alternative():
    import json
    import re
    from pathlib import Path

    from basismodel_edu.taal.berichten import tekst

    leeg = tekst("figuur.zonder_titel")
    figuren = 0
    for pad in sorted((Path(__file__).parent.parent / "notebooks").glob("*.ipynb")):
        for cel in json.loads(pad.read_text(encoding="utf-8"))["cells"]:
            for uit in cel.get("outputs", []):
                data = uit.get("data", {})
                if "image/png" not in data:
                    continue
                figuren += 1
                alt = re.search(r'alt="([^"]+)"', "".join(data.get("text/html", "")))
                assert alt and alt.group(1) != leeg, (pad.name, cel["source"][:80])
    assert figuren >= 10
