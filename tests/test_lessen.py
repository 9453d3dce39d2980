"""The lesson series: its structure, its helpers, and that it never changes the shipped example.

The notebooks themselves are run by nbval against their stored outputs (``pytest --nbval
notebooks``). Here we check what nbval cannot: that every lesson has its learning goals, summary,
exercise link, diagram, common mistakes and self-check questions, that every code cell is short,
that the series 00–07 is complete, that the notebooks match their MyST sources in ``lessen/``,
and that running lessons leaves the package's example files alone. Each structure check is shown
to fail on a small bad notebook and to pass on the real ones.
"""

from __future__ import annotations

import hashlib
import importlib.util
import re
import shutil
import subprocess
from pathlib import Path

import nbformat
import pytest
from conftest import ROOT, vereist

from basismodel_edu.taal.berichten import catalogus, zet_taal

NOTEBOOKS = ROOT / "notebooks"
LESSEN = ROOT / "lessen"
#: The lessons, in reading order. The checker's messages name these files (keys les.00–les.07).
REEKS = (
    "00_start.ipynb",
    "01_missie.ipynb",
    "02_visie.ipynb",
    "03_strategie.ipynb",
    "04_kpis.ipynb",
    "05_terugredeneren.ipynb",
    "06_meten.ipynb",
    "07_lerende_organisatie.ipynb",
)
MAX_REGELS = 12
_LINK = re.compile(r"\]\(([^)\s]+)\)")


def _bouw():
    spec = importlib.util.spec_from_file_location("lessen_bouw", LESSEN / "bouw.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --- the checks, as functions that list what is wrong ------------------------------------------


def reeksfouten(namen: list[str]) -> list[str]:
    """What is missing from or out of place in the series, given the notebook names found."""
    fouten = [f"ontbreekt: {n}" for n in REEKS if n not in namen]
    nummers = sorted(n[:2] for n in namen if re.match(r"\d\d_", n))
    if len(nummers) != len(set(nummers)):
        fouten.append(f"een nummer komt twee keer voor: {nummers}")
    return fouten


def structuurfouten(nb, naam: str, map_: Path = NOTEBOOKS) -> list[str]:
    """What a lesson notebook lacks; an empty list when it is complete."""
    fouten = []
    tekst = [c.source for c in nb.cells if c.cell_type == "markdown"]
    code = [c for c in nb.cells if c.cell_type == "code"]
    koppen = [r.strip() for t in tekst for r in t.splitlines() if r.startswith("#")]
    for kop in ("## Leerdoelen", "## Samenvatting", "## Opdracht"):
        if kop not in koppen:
            fouten.append(f"kop ontbreekt: {kop}")
    if "## Leerdoelen" in koppen and koppen.index("## Leerdoelen") > 1:
        fouten.append("Leerdoelen staan niet vooraan")
    if "## Samenvatting" in koppen and koppen.index("## Samenvatting") < len(koppen) - 2:
        fouten.append("Samenvatting staat niet aan het eind")
    if naam != "00_start.ipynb" and "## Veelgemaakte fouten" not in koppen:
        fouten.append("kop ontbreekt: ## Veelgemaakte fouten")
    for c in code:
        regels = len(c.source.splitlines())
        if regels > MAX_REGELS:
            fouten.append(f"codecel {c.get('id')} heeft {regels} regels (max {MAX_REGELS})")
    # The exercise: a link into ../exercises/ that exists, in the section "Opdracht".
    opdracht = "\n".join(t for t in tekst if "## Opdracht" in t)
    links = [link for link in _LINK.findall(opdracht) if link.startswith("../exercises/")]
    if not links:
        fouten.append("geen link naar een opdracht in ../exercises/")
    for link in links:
        if not (map_ / link).exists():
            fouten.append(f"link naar een opdracht die niet bestaat: {link}")
    bron = "\n".join(c.source for c in code)
    if "teken_basismodel(" not in bron:
        fouten.append("het diagram van het model ontbreekt (teken_basismodel)")
    vragen = re.findall(r'vraag\("(\d\d)_\d+"\)', bron)
    if not vragen:
        fouten.append("geen zelftoetsvragen (vraag(...))")
    if any(v != naam[:2] for v in vragen):
        fouten.append(f"zelftoetsvragen van een andere les: {vragen}")
    for pad in re.findall(r'bewerk\(\s*"([^"]+)"', bron):
        if not pad.startswith("werk/"):
            fouten.append(f"een formulier schrijft buiten werk/: {pad}")
    for c in code:
        if c.get("execution_count") is None:
            fouten.append(f"codecel {c.get('id')} is niet uitgevoerd opgeslagen")
        for uit in c.get("outputs", []):
            if uit.get("output_type") == "error" or uit.get("name") == "stderr":
                fouten.append(f"codecel {c.get('id')} heeft een foutmelding als uitvoer")
    return fouten


def toeschrijvingsfouten(nb) -> list[str]:
    """The model must be attributed to its author, with title and year."""
    tekst = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    nodig = ("Guus Rameckers", "Social Media en Managementmodellen (2): Basismodel", "2011")
    return [f"toeschrijving mist: {n}" for n in nodig if n not in tekst]


# --- the checks pass on the real lessons ---------------------------------------------------------


def test_de_reeks_is_compleet():
    assert reeksfouten(sorted(p.name for p in NOTEBOOKS.glob("*.ipynb"))) == []


@pytest.mark.parametrize("naam", REEKS)
def test_elke_les_heeft_haar_onderdelen(naam):
    nb = nbformat.read(NOTEBOOKS / naam, as_version=4)
    assert structuurfouten(nb, naam) == []


def test_les_00_noemt_de_maker_van_het_model():
    assert toeschrijvingsfouten(nbformat.read(NOTEBOOKS / REEKS[0], as_version=4)) == []


@pytest.mark.parametrize("naam", REEKS)
def test_notebook_komt_overeen_met_zijn_bron(naam):
    """The stored notebook's cells are those of its MyST source (rebuild with lessen/bouw.py)."""
    gebouwd = _bouw().notebook(LESSEN / naam.replace(".ipynb", ".md"))
    opgeslagen = nbformat.read(NOTEBOOKS / naam, as_version=4)
    assert [(c.cell_type, c.source) for c in opgeslagen.cells] == [
        (c.cell_type, c.source) for c in gebouwd.cells
    ], f"{naam} differs from lessen/{naam[:-6]}.md: run python lessen/bouw.py {naam[:2]}"


def begrippenfouten(nb) -> list[str]:
    """A lesson must link the glossary, so that every term has one meaning across the course."""
    tekst = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    return [] if "](begrippen.ipynb)" in tekst else ["geen link naar de begrippenlijst"]


@pytest.mark.parametrize("naam", REEKS)
def test_elke_les_linkt_de_begrippenlijst(naam):
    assert begrippenfouten(nbformat.read(NOTEBOOKS / naam, as_version=4)) == []


def test_een_les_zonder_begrippenlijst_valt_op():
    assert begrippenfouten(_les(("md", "# Les\n\nZie [les 01](01_missie.ipynb)."))) == [
        "geen link naar de begrippenlijst"
    ]


def test_de_begrippenlijst_komt_overeen_met_haar_bron_en_noemt_de_kernwoorden():
    gebouwd = _bouw().notebook(LESSEN / "begrippen.md")
    opgeslagen = nbformat.read(NOTEBOOKS / "begrippen.ipynb", as_version=4)
    assert [(c.cell_type, c.source) for c in opgeslagen.cells] == [
        (c.cell_type, c.source) for c in gebouwd.cells
    ], "run python lessen/bouw.py begrippen"
    tekst = "\n".join(c.source for c in opgeslagen.cells)
    for woord in ("**Missie**", "**SMART**", "**output**", "AMEC", "**Terugredeneren**", "ze"):
        assert woord in tekst, woord
    for link in _LINK.findall(tekst):
        assert "://" in link or (NOTEBOOKS / link).exists(), link


# --- ... and fail on bad ones ----------------------------------------------------------------------


def _les(*cellen, uitgevoerd=True):
    nb = nbformat.v4.new_notebook()
    for i, (soort, bron) in enumerate(cellen):
        if soort == "md":
            nb.cells.append(nbformat.v4.new_markdown_cell(bron))
        else:
            cel = nbformat.v4.new_code_cell(bron)
            cel.execution_count = i if uitgevoerd else None
            nb.cells.append(cel)
    return nb


def _goede_les():
    return _les(
        ("md", "# Les 01\n\n## Leerdoelen\n\n- iets"),
        ("code", 'from basismodel_edu import teken_basismodel\nteken_basismodel(markeer="missie")'),
        ("md", "## Veelgemaakte fouten"),
        ("code", 'from basismodel_edu import bewerk\nbewerk("werk/x.json")'),
        ("code", 'vraag("01_1")'),
        ("md", "## Samenvatting\n\n- iets"),
        ("md", "## Opdracht\n\n[de opdracht](../exercises/)"),
    )


def test_de_synthetische_goede_les_is_in_orde():
    assert structuurfouten(_goede_les(), "01_x.ipynb") == []


@pytest.mark.parametrize(
    ("verpest", "melding"),
    [
        (lambda nb: nb.cells.pop(0), "kop ontbreekt: ## Leerdoelen"),
        (lambda nb: nb.cells.pop(5), "kop ontbreekt: ## Samenvatting"),
        (lambda nb: nb.cells.pop(2), "kop ontbreekt: ## Veelgemaakte fouten"),
        (lambda nb: nb.cells.pop(6), "kop ontbreekt: ## Opdracht"),
        (
            lambda nb: (
                setattr(nb.cells[0], "source", "# Les 01"),
                nb.cells.insert(3, nbformat.v4.new_markdown_cell("## Leerdoelen")),
            ),
            "niet vooraan",
        ),
        (lambda nb: setattr(nb.cells[1], "source", "x = 1\n" * 13), "heeft 13 regels"),
        (lambda nb: setattr(nb.cells[6], "source", "## Opdracht\n\nNog niets."), "geen link"),
        (
            lambda nb: setattr(
                nb.cells[6], "source", "## Opdracht\n[x](../exercises/bestaat_niet/)"
            ),
            "die niet bestaat",
        ),
        (lambda nb: setattr(nb.cells[1], "source", "print(1)"), "diagram van het model"),
        (lambda nb: setattr(nb.cells[4], "source", "print(1)"), "geen zelftoetsvragen"),
        (lambda nb: setattr(nb.cells[4], "source", 'vraag("02_1")'), "andere les"),
        (lambda nb: setattr(nb.cells[3], "source", 'bewerk("../plan.json")'), "buiten werk/"),
        (lambda nb: setattr(nb.cells[4], "execution_count", None), "niet uitgevoerd"),
        (
            lambda nb: nb.cells[4].outputs.append(
                nbformat.v4.new_output("error", ename="E", evalue="x", traceback=[])
            ),
            "foutmelding",
        ),
        (
            lambda nb: nb.cells.insert(0, nbformat.v4.new_markdown_cell("## Samenvatting")),
            "niet aan het eind",
        ),
    ],
)
def test_elke_controle_vindt_haar_fout(verpest, melding):
    nb = _goede_les()
    verpest(nb)
    fouten = structuurfouten(nb, "01_x.ipynb")
    assert any(melding in f for f in fouten), fouten


def test_een_onvolledige_reeks_valt_op():
    assert reeksfouten([n for n in REEKS if not n.startswith("04")]) == ["ontbreekt: 04_kpis.ipynb"]
    assert "twee keer" in reeksfouten([*REEKS, "03_nog_een.ipynb"])[0]


def test_een_les_00_zonder_maker_valt_op():
    nb = _les(("md", "# Start\n\nHet basismodel (2011)."))
    assert toeschrijvingsfouten(nb) == [
        "toeschrijving mist: Guus Rameckers",
        "toeschrijving mist: Social Media en Managementmodellen (2): Basismodel",
    ]


def test_een_notebook_dat_afwijkt_van_zijn_bron_valt_op(tmp_path):
    bouw = _bouw()
    bron = tmp_path / "09_x.md"
    bron.write_text(
        "# Les\n\n+++\n\n```{code-cell} ipython3\n:tags: [nbval-ignore-output]\nprint(1)\n```\n",
        encoding="utf-8",
    )
    nb = bouw.notebook(bron)
    assert [(c.cell_type, c.source) for c in nb.cells] == [
        ("markdown", "# Les"),
        ("code", "print(1)"),
    ]
    assert nb.cells[1].metadata["tags"] == ["nbval-ignore-output"]
    anders = bouw.notebook(bron)
    anders.cells[1].source = "print(2)"
    assert [c.source for c in anders.cells] != [c.source for c in nb.cells]


# --- the shipped example never changes ----------------------------------------------------------

_VOORBEELD = ROOT / "basismodel_edu" / "plan" / "voorbeelden" / "koffiebranderij.json"


def _pakketbestanden() -> dict[str, str]:
    bestanden = [*(ROOT / "basismodel_edu" / "plan" / "voorbeelden").glob("*.json")]
    bestanden += [*(ROOT / "basismodel_edu" / "data").iterdir()]
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in bestanden if p.is_file()}


def test_het_voorbeeld_is_gelijk_aan_de_versie_in_git():
    """The example file equals what git has for it (a lesson or form never wrote to it)."""
    git = shutil.which("git")
    vereist(git is not None and (ROOT / ".git").exists(), "needs git and a git checkout")
    index = subprocess.run(
        [git, "ls-files", "-s", str(_VOORBEELD.relative_to(ROOT))],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    vereist(bool(index), "the example file is not tracked by git here")
    inhoud = _VOORBEELD.read_bytes()
    blob = hashlib.sha1(b"blob %d\0" % len(inhoud) + inhoud).hexdigest()
    assert blob == index[1], "the shipped example plan was changed"


def test_lessen_die_kopieren_laten_het_pakket_ongemoeid(tmp_path):
    """Run the lessons that copy package files (a form from the example, an example export)."""
    from nbclient import NotebookClient

    voor = _pakketbestanden()
    for naam in ("00_start.ipynb", "06_meten.ipynb"):
        nb = nbformat.read(NOTEBOOKS / naam, as_version=4)
        NotebookClient(
            nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
        ).execute()
    assert _pakketbestanden() == voor
    # What the lessons wrote went to their working folder, beside the notebook.
    assert (tmp_path / "werk" / "les00_plan.json").is_file()
    assert (tmp_path / "werk" / "meetdata_koffiebranderij_instagram.csv").is_file()


# --- the self-check widget -----------------------------------------------------------------------


def test_meerkeuze_geeft_bij_goed_en_fout_de_juiste_terugkoppeling():
    from basismodel_edu.lesstof.zelftoets import meerkeuze

    v = meerkeuze("Hoeveel lagen?", ["twee", "vier"], "vier", "Missie tot KPI's.", "Tel ze.")
    assert v.goed is None and v.terugkoppeling.value == ""
    v.kies("twee")
    assert v.goed is False
    assert "Nog niet." in v.terugkoppeling.value and "Tel ze." in v.terugkoppeling.value
    assert "Missie tot KPI" not in v.terugkoppeling.value  # a wrong answer does not give it away
    v.kies(1)
    assert v.goed is True
    assert "Goed!" in v.terugkoppeling.value and "Missie tot KPI" in v.terugkoppeling.value


def test_meerkeuze_weigert_een_goed_antwoord_dat_geen_optie_is():
    from basismodel_edu.lesstof.zelftoets import meerkeuze

    with pytest.raises(ValueError, match="staat niet tussen de opties"):
        meerkeuze("Vraag?", ["ja", "nee"], "misschien", "uitleg")
    with pytest.raises(ValueError, match="hoogstens 8"):
        meerkeuze("Vraag?", [str(i) for i in range(9)], 0, "uitleg")


def test_vraag_uit_de_catalogus_in_beide_talen():
    from basismodel_edu.lesstof.zelftoets import vraag

    v = vraag("01_1")
    assert v.letters == ["a", "b", "c"] and v.opties[1] == "Wat is onze business?"
    assert "b) Wat is onze business?" in repr(v)
    # Where the widget cannot be drawn (a stored lesson before it runs) the whole question shows.
    platte_tekst = v._repr_mimebundle_()["text/plain"]
    assert len(platte_tekst) > 110 and platte_tekst.endswith(
        "(Voer de cel uit om een antwoord te kiezen.)"
    )
    v.kies("a")
    assert "Nog niet." in v.terugkoppeling.value
    v.kies("b")
    assert "Goed!" in v.terugkoppeling.value
    zet_taal("en")
    w = vraag("01_1")
    w.kies(1)
    assert "Right!" in w.terugkoppeling.value and w.opties[1] == "What is our business?"
    with pytest.raises(KeyError, match="99_9"):
        vraag("99_9")


@pytest.mark.parametrize("les", [n[:2] for n in REEKS])
def test_elke_les_heeft_vragen_met_een_bestaand_goed_antwoord(les):
    from basismodel_edu.lesstof.zelftoets import vraag, vragen

    sleutels = vragen(les)
    assert len(sleutels) >= 3
    for sleutel in sleutels:
        for taal in ("nl", "en"):
            delen = catalogus()[f"zelftoets.{sleutel}"][taal]
            assert delen["goed"] in "abcdefgh" and delen["goed"] in delen, (sleutel, taal)
        v = vraag(sleutel)
        v.kies(delen["goed"])
        assert v.goed is True
        v.kies(next(k for k in v.letters if k != delen["goed"]))
        assert v.goed is False


def zelftoetsfouten(vragen: dict[str, dict[str, str]]) -> list[str]:
    """What gives the answers away or is missing in a set of self-check questions.

    ``vragen`` maps a key (``"03_1"``) to one language's parts (vraag, a, b, ..., goed, hint,
    soort). No letter may hold more than 40% of the right answers, the right option may not be
    the longest one in more than half of the questions, every lesson needs a question that asks
    to apply (``soort = "toepassen"``), and no hint may send the student to a later lesson.
    """
    fouten = []
    letters = [v["goed"].strip() for v in vragen.values()]
    for letter in sorted(set(letters)):
        if letters.count(letter) > 0.4 * len(letters):
            fouten.append(f"goed antwoord {letter} in {letters.count(letter)} van {len(letters)}")
    langste = [
        k
        for k, v in vragen.items()
        if all(len(v[v["goed"]]) > len(v[x]) for x in "abcdefgh" if x in v and x != v["goed"])
    ]
    if len(langste) > len(vragen) / 2:
        fouten.append(f"goed antwoord is het langst in {len(langste)} van {len(vragen)}")
    for les in sorted({k[:2] for k in vragen}):
        if not any(v.get("soort") == "toepassen" for k, v in vragen.items() if k[:2] == les):
            fouten.append(f"les {les} heeft geen toepassingsvraag")
    for k, v in vragen.items():
        for later in re.findall(r"\bles (\d\d)\b", v.get("hint", "")):
            if later > k[:2]:
                fouten.append(f"hint van {k} verwijst naar de latere les {later}")
    return fouten


def _zelftoetsen(taal: str) -> dict[str, dict[str, str]]:
    uit = {}
    for les in (n[:2] for n in REEKS):
        from basismodel_edu.lesstof.zelftoets import vragen

        for sleutel in vragen(les):
            uit[sleutel] = catalogus()[f"zelftoets.{sleutel}"][taal]
    return uit


@pytest.mark.parametrize("taal", ["nl", "en"])
def test_de_zelftoetsen_verraden_het_antwoord_niet(taal):
    assert zelftoetsfouten(_zelftoetsen(taal)) == []


def test_de_zelftoetscontrole_ziet_een_verraderlijke_set():
    goed = {
        "01_1": {"a": "kort", "b": "wat langer", "goed": "a", "soort": "toepassen"},
        "01_2": {"a": "wat langer", "b": "kort", "goed": "b", "hint": "Zie les 01."},
        "02_1": {"a": "een", "b": "twee", "goed": "a", "soort": "toepassen"},
        "02_2": {"a": "een", "b": "twee", "c": "drie", "goed": "c"},
        "02_3": {"a": "een", "b": "twee", "c": "drie", "goed": "b"},
    }
    assert zelftoetsfouten(goed) == []
    altijd_b = {k: {**v, "goed": "b"} for k, v in goed.items()}
    assert any("goed antwoord b in 5 van 5" in f for f in zelftoetsfouten(altijd_b))
    lang = {k: {**v, v["goed"]: "het goede antwoord is altijd het langst"} for k, v in goed.items()}
    assert any("het langst in 5 van 5" in f for f in zelftoetsfouten(lang))
    herhalen = {k: {x: y for x, y in v.items() if x != "soort"} for k, v in goed.items()}
    assert "les 01 heeft geen toepassingsvraag" in zelftoetsfouten(herhalen)
    vooruit = {**goed, "01_2": {**goed["01_2"], "hint": "Denk aan les 03."}}
    assert zelftoetsfouten(vooruit) == ["hint van 01_2 verwijst naar de latere les 03"]


# --- the lessons' helpers --------------------------------------------------------------------------


def test_platformcijfers_noemen_bij_elk_cijfer_de_bron():
    from basismodel_edu.lesstof import platformcijfers

    cijfers = platformcijfers("Hyves", "twitter")
    tabel = cijfers.data
    assert set(tabel["platform"]) == {"Hyves", "X (Twitter)"}
    assert tabel["bron"].str.startswith("http").all()
    assert list(tabel[tabel["platform"] == "Hyves"]["jaar"]) == [2011, 2012]
    # Every row's source is in the table a student sees, as a link named after its site.
    pagina = cijfers._repr_html_()
    assert pagina.count("<a href=") == len(cijfers) and ">besocialized.nl</a>" in pagina
    assert "Newcom" in pagina and "Newcom" in repr(cijfers)
    assert list(platformcijfers("Instagram", vanaf=2023).data["jaar"]) == [2023, 2025]
    assert platformcijfers("Instagram", vanaf=2023).data["secundair"].tolist() == [False, True]
    assert platformcijfers("Bestaat Niet").data.empty


def test_de_platformgrafiek_toont_de_platforms_en_de_bron():
    from basismodel_edu.lesstof import teken_platforms

    figuur = teken_platforms("Hyves", "Instagram")
    labels = [lijn.get_label() for lijn in figuur.axes[0].get_lines()]
    assert [x for x in labels if not x.startswith("_")] == ["Hyves", "Instagram"]
    assert any("Newcom" in t.get_text() for t in figuur.texts)


def test_de_platformgrafiek_trekt_geen_lijn_over_ontbrekende_jaren():
    import math

    from basismodel_edu.lesstof import teken_platforms

    figuur = teken_platforms("X (Twitter)")
    lijn = next(x for x in figuur.axes[0].get_lines() if x.get_label() == "X (Twitter)")
    jaren, waarden = lijn.get_xdata(), lijn.get_ydata()
    # 2016 and 2022 are both measured, 2017-2021 not: the line stops between them.
    gaten = [int(j) for j, w in zip(jaren, waarden, strict=True) if math.isnan(w)]
    assert 2017 in gaten and 2022 in [
        int(j) for j, w in zip(jaren, waarden, strict=True) if not math.isnan(w)
    ]
    # A figure read only in a summary is drawn as an open circle.
    figuur = teken_platforms("Instagram")
    open_ = [x for x in figuur.axes[0].get_lines() if x.get_markerfacecolor() == "white"]
    assert len(open_) == 1 and list(open_[0].get_xdata()) == [2025]


def test_kosten_tellen_uren_en_euros():
    from basismodel_edu import Middel, Plan
    from basismodel_edu.lesstof import kosten

    plan = Plan(
        middelen=[
            Middel(id="M1", naam="Instagram", kanaal="Instagram", uren_per_maand=10),
            Middel(id="M2", naam="Fotograaf", euro_per_maand=100),
            Middel(id="M3", naam="Nog niet geschat"),
        ]
    )
    k = kosten(plan, uurtarief=30)
    assert k.uren_per_maand == 10 and k.uren_per_jaar == 120
    assert k.euro_per_jaar == 12 * (100 + 30 * 10)
    assert "€ 4.800 per jaar" in k.tekst()


def test_voorbeeldexport_kopieert_en_kent_alleen_bestaande_exports(tmp_path):
    from basismodel_edu.lesstof import voorbeeldexport

    pad = voorbeeldexport("meetdata_koffiebranderij_instagram.csv", tmp_path / "werk")
    assert pad.parent == tmp_path / "werk" and "SYNTHETISCH" in pad.read_text(encoding="utf-8-sig")
    with pytest.raises(FileNotFoundError, match=r"meetdata_koffiebranderij_instagram\.csv"):
        voorbeeldexport("bestaat_niet.csv", tmp_path)


def test_het_beginplan_is_lerend_en_geeft_dan_tips_in_plaats_van_fouten():
    from basismodel_edu import controleer
    from basismodel_edu.lesstof import beginplan

    plan = beginplan()
    assert plan.modus == "lerend" and not plan.visie.ambities
    assert {m.kpi for m in plan.metingen} == {"K1", "K3"}
    assert controleer(plan).ok
    plan.modus = "gepland"
    assert {"BM111", "BM112", "BM204"} <= {b.code for b in controleer(plan).fouten}
