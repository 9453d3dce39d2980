"""Grade a class: rebuild every submission from the master, run them all through nbval, score.

``beoordeel(master, inzendingen, uit)`` (and ``basismodel-edu grade MASTER SUBMISSIONS --out DIR``)
takes a folder with one folder per student, or a zip of that, and:

1. copies each submission into a temporary working folder of its own (originals are never
   touched) and keeps the plan file's bytes in memory, read *before* any notebook runs;
2. rebuilds each notebook from the master: check cells restored by cell id (a changed or deleted
   one is put back, and noted), hidden checks put back, stored outputs cleared, the kernel set.
   Each check cell gets the plan the student handed in written into it, so nothing another
   notebook does to files during the batch can change it;
3. runs all rebuilt notebooks in one pytest session (``--nbval-lax --nbval-current-env``, a cell
   timeout, ``-n 2 --dist loadscope``), with a small plugin that records each cell's outcome by
   cell id;
4. scores each check: its points count only when the check cell passed in the notebook *and*
   the grader, in its own process, re-checked the student's plan with the same rules and found
   it passes. A notebook can therefore only lose points by what it does (loop, crash, bypass a
   check), never gain them;
5. writes, after every kernel has stopped, the output folder: ``cijferlijst.csv`` (gradebook),
   ``feedback/<student>.html``, ``overzicht.html`` with ``overzicht.png``, ``onbeoordeelbaar.csv``,
   ``resultaten.json`` and ``herbouwd/`` (the rebuilt notebooks, to run with plain pytest).
"""

from __future__ import annotations

import csv
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .berichten import getal, huidige_taal, tekst
from .uitgave import Master, controlecellen, lees_master

__all__ = ["Beoordeling", "Nakijkresultaat", "beoordeel", "herbouw"]

MARKERING = ".basismodel-nakijken"
#: Files in a submission that would change how pytest itself runs: never copied.
GEVAARLIJK = {"conftest.py", "pytest.ini", "tox.ini", "setup.cfg", "pyproject.toml"}
NOTEBOOK = "opdracht.ipynb"


@dataclass
class Controle:
    """The outcome of one check for one student."""

    naam: str
    punten: float
    behaald: float
    verborgen: bool
    in_notebook: str  # passed / failed / not run
    nakijker: bool  # the grader's own re-check passed
    problemen: list[str] = field(default_factory=list)


@dataclass
class Beoordeling:
    """One student's result: points per check, total, status and the grader's remarks."""

    student: str
    status: str  # "beoordeeld" or "onbeoordeelbaar"
    controles: list[Controle] = field(default_factory=list)
    opmerkingen: list[str] = field(default_factory=list)
    reden: str = ""
    regels: list[str] = field(default_factory=list)  # rule codes that failed (grader's check)
    bevindingen: list[dict[str, str]] = field(default_factory=list)

    @property
    def totaal(self) -> float:
        return sum(c.behaald for c in self.controles)


@dataclass
class Nakijkresultaat:
    """The result of grading a class: one :class:`Beoordeling` per student."""

    opdracht: str
    maximum: float
    beoordelingen: list[Beoordeling]
    uit: Path
    seconden: float = 0.0

    def __getitem__(self, student: str) -> Beoordeling:
        for b in self.beoordelingen:
            if b.student == student:
                return b
        raise KeyError(student)

    def __repr__(self) -> str:
        regels = [f"{self.opdracht}: {len(self.beoordelingen)} inzendingen → {self.uit}"]
        for b in self.beoordelingen:
            regels.append(f"  {b.student}: {b.totaal:g}/{self.maximum:g} {b.status} {b.reden}")
        return "\n".join(regels)

    def _repr_html_(self) -> str:
        return (self.uit / "overzicht.html").read_text(encoding="utf-8")


# --- gathering submissions ---------------------------------------------------------------------


def _veilige_naam(naam: str) -> str:
    return re.sub(r"[^\w.-]+", "_", naam).strip("._") or "student"


def _pak_uit(zip_: Path, doel: Path) -> dict[str, str]:
    """Unpack a zip; members that would land outside ``doel`` are skipped (and their student
    noted)."""
    onveilig: dict[str, str] = {}
    with zipfile.ZipFile(zip_) as z:
        for info in z.infolist():
            naam = info.filename
            pad = (doel / naam).resolve()
            if not pad.is_relative_to(doel.resolve()) or os.path.isabs(naam):
                eerste = Path(naam).parts[0] if Path(naam).parts else naam
                onveilig[eerste] = naam
                continue
            z.extract(info, doel)
    return onveilig


def _studentmappen(wortel: Path) -> list[Path]:
    mappen = [
        p
        for p in sorted(wortel.iterdir())
        if p.is_dir() and not p.name.startswith((".", "__MACOSX"))
    ]
    # A learning platform's zip often holds one folder around the students' folders.
    if len(mappen) == 1 and not any(mappen[0].glob("*.ipynb")):
        binnen = _studentmappen(mappen[0])
        if binnen:
            return binnen
    return mappen


def _kopieer(bron: Path, doel: Path) -> None:
    def negeer(map_: str, namen: list[str]) -> set[str]:
        return {n for n in namen if n in GEVAARLIJK or n in (".ipynb_checkpoints", "__pycache__")}

    shutil.copytree(bron, doel, ignore=negeer, symlinks=True)


def _zoek_notebook(map_: Path) -> Path | None:
    """The submission's notebook: ``opdracht.ipynb``, else the only notebook; a learning platform
    may have put it one or more folders deeper."""
    if (map_ / NOTEBOOK).is_file():
        return map_ / NOTEBOOK
    for patroon in (NOTEBOOK, "*.ipynb"):
        kandidaten = sorted(
            p for p in map_.rglob(patroon) if p.is_file() and ".ipynb_checkpoints" not in p.parts
        )
        if len(kandidaten) == 1:
            return kandidaten[0]
    return None


# --- rebuilding -------------------------------------------------------------------------------


def _tags(cel: Any) -> list[str]:
    tags = cel.get("metadata", {}).get("tags", [])
    return list(tags) if isinstance(tags, list) else []


def herbouw(master: Master, student_nb: Any, plan: bytes | None) -> tuple[Any, list[str]]:
    """The notebook to run for one student, and the remarks about what had to be restored.

    The student's own cells stay as they are (outputs cleared); every check cell of the master,
    hidden ones too, is put back by id, after the nearest cell before it in the master that the
    student still has. Each check cell checks ``plan`` (the bytes of the plan file handed in).
    """
    import copy

    import nbformat

    from .opdracht import controlecel_met_plan

    controles = {c.id: c for c in master.controles}
    mastercellen = {c.id: c for c in controlecellen(master.nb)}
    opmerkingen: list[str] = []
    cellen = []
    for cel in student_nb.cells:
        cel_id = cel.get("id")
        if cel_id in controles:
            if (
                not controles[cel_id].verborgen
                and cel.source.strip() != mastercellen[cel_id].source.strip()
            ):
                opmerkingen.append(
                    tekst("nakijken.opmerking.hersteld", naam=controles[cel_id].naam)
                )
            continue
        cel = copy.deepcopy(cel)
        if "controle" in _tags(cel):  # a cell of the student's own that calls itself a check
            cel.metadata["tags"] = [t for t in _tags(cel) if t != "controle"]
            cel.metadata.pop("basismodel", None)
        if cel.cell_type == "code":
            cel.outputs = []
            cel.execution_count = None
        cellen.append(cel)
    aanwezig = {c.get("id") for c in student_nb.cells}
    for c in master.controles:
        if not c.verborgen and c.id not in aanwezig:
            opmerkingen.append(tekst("nakijken.opmerking.hersteld", naam=c.naam))
    volgorde = [c.id for c in master.nb.cells]
    for c in master.controles:
        nieuw = copy.deepcopy(mastercellen[c.id])
        nieuw.source = controlecel_met_plan(c.argumenten, plan)
        nieuw.outputs = []
        nieuw.execution_count = None
        nieuw.metadata["editable"] = False
        nieuw.metadata["deletable"] = False
        ids = [x.get("id") for x in cellen]
        plek = len(cellen)
        for vorige in reversed(volgorde[: volgorde.index(c.id)]):
            if vorige in ids:
                plek = ids.index(vorige) + 1
                break
        cellen.insert(plek, nieuw)
    nb = nbformat.v4.new_notebook()
    nb.metadata = copy.deepcopy(master.nb.metadata)
    nb.metadata["kernelspec"] = {
        "display_name": "Python 3",
        "language": "python",
        "name": "python3",
    }
    nb.cells = cellen
    return nb, opmerkingen


# --- the run ----------------------------------------------------------------------------------


@dataclass
class _Inzending:
    student: str
    map_: str  # folder name under the working folder
    plan: bytes | None = None
    reden: str = ""
    opmerkingen: list[str] = field(default_factory=list)
    nb: Any = None
    bron: Path | None = None  # the folder that holds the notebook


def _lees_inzending(student: str, bron: Path, master: Master) -> _Inzending:
    import nbformat

    inz = _Inzending(student, _veilige_naam(student))
    nbpad = _zoek_notebook(bron)
    inz.bron = nbpad.parent if nbpad is not None else bron
    planpad = inz.bron / master.plan
    inz.plan = planpad.read_bytes() if planpad.is_file() else None
    if inz.plan is None:
        inz.opmerkingen.append(tekst("nakijken.opmerking.plan_ontbreekt", pad=master.plan))
    if nbpad is None:
        inz.reden = tekst("nakijken.reden.geen_notebook", naam=NOTEBOOK)
        return inz
    try:
        nb = nbformat.reads(nbpad.read_text(encoding="utf-8"), as_version=4)
        if not isinstance(nb.get("cells"), list):
            raise ValueError("cells")
    except Exception as e:  # not JSON, not a notebook, not UTF-8: all the same to a lecturer
        inz.reden = tekst("nakijken.reden.kapotte_notebook", fout=str(e).splitlines()[0][:200])
        return inz
    inz.nb, opm = herbouw(master, nb, inz.plan)
    inz.opmerkingen = opm + inz.opmerkingen
    return inz


def _stel_werkmap_op(
    inzendingen: list[tuple[str, Path]], master: Master, werk: Path
) -> list[_Inzending]:
    import nbformat

    uit = []
    gebruikt: set[str] = set()
    for student, bron in inzendingen:
        inz = _lees_inzending(student, bron, master)
        naam = inz.map_
        i = 2
        while naam.lower() in gebruikt:
            naam, i = f"{inz.map_}_{i}", i + 1
        inz.map_ = naam
        gebruikt.add(naam.lower())
        if not inz.reden:
            doel = werk / naam
            _kopieer(inz.bron, doel)
            for p in doel.rglob("*.ipynb"):  # only the rebuilt notebook runs
                p.unlink()
            start = master.pad.parent / "startplan.json"
            if start.is_file() and not (doel / "startplan.json").exists():
                shutil.copyfile(start, doel / "startplan.json")
            nbformat.write(inz.nb, doel / f"{naam}.ipynb")
        uit.append(inz)
    return uit


def _omgeving_voor_kernels(thuis: Path) -> dict[str, str]:
    profiel = thuis / "ipython" / "profile_default"
    profiel.mkdir(parents=True, exist_ok=True)
    (profiel / "ipython_config.py").write_text(
        "c.InteractiveShell.colors = 'nocolor'\n",
        encoding="utf-8",
    )
    # Student code can read its environment: leave out what looks like a secret.
    geheim = re.compile(r"TOKEN|SECRET|PASSWORD|PASSWD|API_?KEY|CREDENTIAL|AUTH", re.IGNORECASE)
    omgeving = {k: v for k, v in os.environ.items() if not geheim.search(k)}
    omgeving["IPYTHONDIR"] = str(thuis / "ipython")
    omgeving.setdefault("MPLBACKEND", "Agg")
    omgeving["PYTHONDONTWRITEBYTECODE"] = "1"
    omgeving.pop("PYTEST_ADDOPTS", None)
    return omgeving


def _draai(
    werk: Path, uitkomsten: Path, timeout: float, werkers: int, omgeving: dict[str, str]
) -> None:
    ini = werk.parent / "pytest.ini"
    ini.write_text("[pytest]\n", encoding="utf-8")
    # -P and a working folder above the students' folders: a student's folder named like a
    # module (basismodel_edu, nbval ...) must never be importable in the grader's own process.
    opdracht = [
        sys.executable,
        "-P",
        "-m",
        "pytest",
        str(werk),
        "-c",
        str(ini),
        "--rootdir",
        str(werk),
        "-p",
        "no:cacheprovider",
        "-p",
        "basismodel_edu._nakijkplugin",
        "--nakijk-uitvoer",
        str(uitkomsten),
        "--nbval-lax",
        "--nbval-current-env",
        "--nbval-cell-timeout",
        str(timeout),
        "-q",
        "--color=no",
        "-o",
        "console_output_style=classic",
    ]
    if werkers > 1:
        opdracht += ["-n", str(werkers), "--dist", "loadscope"]
    subprocess.run(
        opdracht,
        cwd=werk.parent,
        env=omgeving,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=False,
    )


# --- scoring ----------------------------------------------------------------------------------


def _score(master: Master, inz: _Inzending, uitkomsten: list[dict], timeout: float) -> Beoordeling:
    from .controle import controleer
    from .opdracht import _laad, toets_plan

    b = Beoordeling(inz.student, "beoordeeld", opmerkingen=list(inz.opmerkingen))
    bestand = f"{inz.map_}/{inz.map_}.ipynb"
    eigen = [u for u in uitkomsten if u["nodeid"].split("::")[0].replace("\\", "/") == bestand]
    per_cel: dict[str, dict] = {}
    for u in eigen:
        cel_id = u["eigenschappen"].get("cel_id")
        if cel_id is not None and (u["when"] == "call" or cel_id not in per_cel):
            per_cel[cel_id] = u
    meldingen = " ".join(u["melding"] for u in eigen)
    if "Timeout of" in meldingen:
        b.opmerkingen.append(tekst("nakijken.opmerking.time_out", seconden=timeout))
    if (
        "Kernel died" in meldingen
        or "Kernel dead" in meldingen
        or "Failed to interrupt" in meldingen
    ):
        b.opmerkingen.append(tekst("nakijken.opmerking.kernel_dood"))
    controle_ids = {c.id for c in master.controles}
    eigen_fouten = sum(
        1
        for u in eigen
        if u["outcome"] == "failed"
        and u["eigenschappen"].get("cel_id") not in controle_ids
        and "Timeout of" not in u["melding"]
        and "Kernel d" not in u["melding"]
    )
    if eigen_fouten:
        b.opmerkingen.append(tekst("nakijken.opmerking.fouten_in_cellen", aantal=eigen_fouten))
    codes: set[str] = set()
    for c in master.controles:
        args = {k: v for k, v in c.argumenten.items() if k not in ("plan", "naam", "punten")}
        toetsing = toets_plan(
            inz.plan, args.pop("selectie", None), naam=c.naam, punten=c.punten, **args
        )
        codes.update(toetsing.codes)
        u = per_cel.get(c.id)
        if u is None:
            in_nb = "niet gedraaid"
        elif u["outcome"] == "passed":  # an xpass (a check after a timed-out cell) ran and passed
            in_nb = "gehaald"
        elif u["outcome"] == "skipped" and not u["xfail"]:
            in_nb = "niet gedraaid"
        else:
            in_nb = "niet gehaald"
        behaald = c.punten if (in_nb == "gehaald" and toetsing.geslaagd) else 0.0
        if in_nb == "gehaald" and not toetsing.geslaagd:
            b.opmerkingen.append(tekst("nakijken.opmerking.tegenspraak", naam=c.naam))
        verklaard = any("Timeout" in x["melding"] or "Kernel d" in x["melding"] for x in eigen)
        if not verklaard and (
            in_nb == "niet gedraaid" or (in_nb == "niet gehaald" and toetsing.geslaagd)
        ):
            reden = (
                u["melding"].strip().splitlines()[-1][:200] if u and u["melding"].strip() else "-"
            )
            b.opmerkingen.append(
                tekst("nakijken.opmerking.niet_gedraaid", naam=c.naam, reden=reden)
            )
        b.controles.append(
            Controle(
                c.naam, c.punten, behaald, c.verborgen, in_nb, toetsing.geslaagd, toetsing.problemen
            )
        )
    b.regels = sorted(codes)
    plan, _ = _laad(inz.plan)
    if plan is not None:
        b.bevindingen = controleer(plan).als_lijst()
    return b


# --- writing ----------------------------------------------------------------------------------


def _bereid_uitvoer(uit: Path) -> None:
    if uit.exists() and (
        not uit.is_dir() or (any(uit.iterdir()) and not (uit / MARKERING).exists())
    ):
        raise FileExistsError(tekst("nakijken.uitvoer_bezet", pad=str(uit)))


def _leeg_uitvoer(uit: Path) -> None:
    # Called after every kernel has stopped: whatever is in the folder now is either earlier
    # grading output or something a notebook wrote during the run. Neither may stay.
    if uit.is_symlink() or uit.is_file():
        uit.unlink()
    elif uit.exists():
        shutil.rmtree(uit)
    uit.mkdir(parents=True)
    (uit / MARKERING).write_text("basismodel-edu grade\n", encoding="utf-8")


def _csv(uit: Path, master: Master, res: list[Beoordeling]) -> None:
    kop = [tekst("nakijken.kolom.student")]
    for c in master.controles:
        kop.append(f"{c.naam} ({c.punten:g})" + (" *" if c.verborgen else ""))
    kop += [tekst(f"nakijken.kolom.{k}") for k in ("totaal", "maximum", "status", "opmerkingen")]
    with open(uit / "cijferlijst.csv", "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f, delimiter=";")
        w.writerow(kop)
        for b in res:
            punten = [f"{c.behaald:g}" for c in b.controles] or [""] * len(master.controles)
            w.writerow(
                [
                    b.student,
                    *punten,
                    f"{b.totaal:g}",
                    f"{master.maximum:g}",
                    tekst(f"nakijken.status.{b.status}"),
                    " | ".join([b.reden, *b.opmerkingen] if b.reden else b.opmerkingen),
                ]
            )
    with open(uit / "onbeoordeelbaar.csv", "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f, delimiter=";")
        w.writerow([tekst("nakijken.kolom.student"), tekst("nakijken.overzicht.reden")])
        for b in res:
            if b.status == "onbeoordeelbaar":
                w.writerow([b.student, b.reden])


_STIJL = (
    "<style>body{font-family:system-ui,sans-serif;max-width:60em;margin:2em auto;color:#1a1a1a}"
    "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left;"
    "vertical-align:top}.ok{color:#1b5e20}.nee{color:#c62828}</style>"
)


def _pagina(titel: str, body: str) -> str:
    taal = huidige_taal()
    return (
        f"<!DOCTYPE html><html lang='{taal}'><head><meta charset='utf-8'>"
        f"<title>{html.escape(titel)}</title>{_STIJL}</head><body><h1>{html.escape(titel)}</h1>"
        f"{body}</body></html>\n"
    )


def _feedback(master: Master, b: Beoordeling) -> str:
    e = html.escape
    titel = tekst("nakijken.feedback.titel", opdracht=master.naam, student=b.student)
    if b.status == "onbeoordeelbaar":
        return _pagina(
            titel, f"<p>{e(tekst('nakijken.feedback.onbeoordeelbaar', reden=b.reden))}</p>"
        )
    delen = [
        f"<p><b>{e(tekst('nakijken.feedback.score', totaal=b.totaal, maximum=master.maximum))}</b></p>"
    ]
    kop = "".join(
        f"<th>{e(tekst(k))}</th>"
        for k in (
            "nakijken.feedback.controle",
            "nakijken.feedback.punten",
            "nakijken.feedback.uitslag",
            "nakijken.feedback.wat_verbeteren",
        )
    )
    rijen = []
    for c in b.controles:
        gehaald = c.behaald > 0
        uitslag = tekst("nakijken.uitslag.gehaald" if gehaald else "nakijken.uitslag.niet_gehaald")
        if gehaald:
            uitleg = ""
        elif c.verborgen:
            uitleg = e(tekst("nakijken.feedback.verborgen"))
        else:
            uitleg = "<br>".join(e(p) for p in c.problemen) or "-"
        naam = c.naam + (" *" if c.verborgen else "")
        rijen.append(
            f"<tr><td>{e(naam)}</td><td>{getal(c.behaald)} / {getal(c.punten)}</td>"
            f"<td class='{'ok' if gehaald else 'nee'}'>{'✔' if gehaald else '✖'} {e(uitslag)}</td><td>{uitleg}</td></tr>"
        )
    delen.append(f"<table><thead><tr>{kop}</tr></thead><tbody>{''.join(rijen)}</tbody></table>")
    if b.opmerkingen:
        delen.append(f"<h2>{e(tekst('nakijken.feedback.opmerkingen'))}</h2><ul>")
        delen += [f"<li>{e(o)}</li>" for o in b.opmerkingen]
        delen.append("</ul>")
    # Findings of the whole plan, minus what only hidden checks look at: hidden means hidden.
    zichtbaar = set()
    from .controle import kies_regels

    for c in master.controles:
        if not c.verborgen:
            zichtbaar |= {r.code for r in kies_regels(c.argumenten.get("selectie"))}
    bev = [x for x in b.bevindingen if x["code"] in zichtbaar]
    if bev:
        delen.append(f"<h2>{e(tekst('nakijken.feedback.plan'))}</h2><ul>")
        delen += [
            f"<li><b>{e(x['code'])}</b> {e(x['path'])}: {e(x['message'])} → {e(x['fix'])}</li>"
            for x in bev
        ]
        delen.append("</ul>")
    return _pagina(titel, "".join(delen))


def _label(code: str) -> str:
    """A rule code with its title; the grader's own codes (a count, the plan file) in words."""
    from .berichten import tekst_delen

    if code.startswith("AANTAL:"):
        return tekst("nakijken.code.aantal", deel=code.split(":", 1)[1])
    if code == "PLAN":
        return tekst("nakijken.code.plan")
    return f"{code} {tekst_delen(code).get('titel', '')}"


def _grafiek(uit: Path, telling: list[tuple[str, int]]) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    top = telling[:15][::-1]
    fig, ax = plt.subplots(figsize=(8, 0.4 * len(top) + 1.2))
    labels = [_label(code) for code, _ in top]
    ax.barh(labels, [n for _, n in top], color="#1f5f99")
    ax.set_xlabel(tekst("nakijken.overzicht.keer"))
    ax.set_title(tekst("nakijken.grafiek.titel"))
    ax.xaxis.get_major_locator().set_params(integer=True)
    fig.tight_layout()
    fig.savefig(uit / "overzicht.png", dpi=100, metadata={"Software": None})
    plt.close(fig)


def _overzicht(uit: Path, master: Master, res: list[Beoordeling]) -> None:
    from collections import Counter

    e = html.escape
    beoordeeld = [b for b in res if b.status == "beoordeeld"]
    telling = Counter(code for b in beoordeeld for code in b.regels)
    gesorteerd = sorted(telling.items(), key=lambda x: (-x[1], x[0]))
    gem = sum(b.totaal for b in beoordeeld) / len(beoordeeld) if beoordeeld else 0
    delen = [
        f"<p>{e(tekst('nakijken.overzicht.samenvatting', aantal=len(res), onbeoordeeld=len(res) - len(beoordeeld), gemiddelde=round(gem, 1), maximum=master.maximum))}</p>",
        f"<h2>{e(tekst('nakijken.overzicht.controles'))}</h2><table>",
    ]
    for i, c in enumerate(master.controles):
        n = sum(1 for b in beoordeeld if b.controles[i].behaald > 0)
        delen.append(
            f"<tr><td>{e(c.naam)}{' *' if c.verborgen else ''}</td><td>{n} / {len(beoordeeld)}</td></tr>"
        )
    delen.append("</table>")
    if gesorteerd:
        _grafiek(uit, gesorteerd)
        delen.append(
            f"<h2>{e(tekst('nakijken.overzicht.regels'))}</h2><img src='overzicht.png' alt='{e(tekst('nakijken.grafiek.titel'))}'><table>"
        )
        delen.append(
            f"<tr><th>{e(tekst('nakijken.overzicht.regel'))}</th><th>{e(tekst('nakijken.overzicht.keer'))}</th></tr>"
        )
        for code, n in gesorteerd:
            delen.append(f"<tr><td>{e(_label(code))}</td><td>{n}</td></tr>")
        delen.append("</table>")
    weg = [b for b in res if b.status == "onbeoordeelbaar"]
    if weg:
        delen.append(f"<h2>{e(tekst('nakijken.overzicht.onbeoordeeld'))}</h2><ul>")
        delen += [
            f"<li><a href='feedback/{e(_veilige_naam(b.student))}.html'>{e(b.student)}</a>: {e(b.reden)}</li>"
            for b in weg
        ]
        delen.append("</ul>")
    delen.append("<h2>" + e(tekst("nakijken.kolom.student")) + "</h2><ul>")
    delen += [
        f"<li><a href='feedback/{e(_veilige_naam(b.student))}.html'>{e(b.student)}</a>: {getal(b.totaal)} / {getal(master.maximum)}</li>"
        for b in res
    ]
    delen.append("</ul>")
    titel = tekst("nakijken.overzicht.titel", opdracht=master.naam)
    (uit / "overzicht.html").write_text(_pagina(titel, "".join(delen)), encoding="utf-8")


def _schrijf(uit: Path, master: Master, res: list[Beoordeling], lijst: list[_Inzending]) -> None:
    import nbformat

    _leeg_uitvoer(uit)
    _csv(uit, master, res)
    (uit / "feedback").mkdir()
    for b in res:
        (uit / "feedback" / f"{_veilige_naam(b.student)}.html").write_text(
            _feedback(master, b), encoding="utf-8"
        )
    _overzicht(uit, master, res)
    herbouwd = uit / "herbouwd"
    herbouwd.mkdir()
    for inz in lijst:
        if inz.nb is None:
            continue
        doel = herbouwd / inz.map_
        doel.mkdir()
        if inz.plan is not None:
            (doel / master.plan).write_bytes(inz.plan)
        start = master.pad.parent / "startplan.json"
        if start.is_file():
            shutil.copyfile(start, doel / "startplan.json")
        nbformat.write(inz.nb, doel / f"{inz.map_}.ipynb")
    gegevens = [
        {
            "student": b.student,
            "status": b.status,
            "totaal": b.totaal,
            "maximum": master.maximum,
            "reden": b.reden,
            "opmerkingen": b.opmerkingen,
            "controles": [c.__dict__ for c in b.controles],
            "regels": b.regels,
        }
        for b in res
    ]
    (uit / "resultaten.json").write_text(
        json.dumps(gegevens, ensure_ascii=False, indent=1), encoding="utf-8"
    )


# --- the public function ----------------------------------------------------------------------


def beoordeel(
    master: str | os.PathLike[str],
    inzendingen: str | os.PathLike[str],
    uit: str | os.PathLike[str],
    *,
    timeout: float = 60,
    werkers: int = 2,
) -> Nakijkresultaat:
    """Grade every submission in ``inzendingen`` (a folder of per-student folders, or a zip of
    that) against the master notebook ``master``; write the results to ``uit``.

    ``timeout`` is the limit per cell in seconds; ``werkers`` the number of processes that run
    notebooks at once (pytest-xdist). Returns a :class:`Nakijkresultaat`.
    """
    import time

    from .controle import kies_regels

    begin = time.perf_counter()
    m = lees_master(master)
    kies_regels()  # load every rule now, before any student code runs
    uit = Path(uit).resolve()
    _bereid_uitvoer(uit)
    bron = Path(inzendingen)
    if not bron.exists():
        raise FileNotFoundError(tekst("nakijken.inzendingen_ontbreken", pad=str(bron)))
    with tempfile.TemporaryDirectory(prefix="basismodel-nakijken-") as tmp:
        tmp_ = Path(tmp)
        onveilig: dict[str, str] = {}
        if bron.is_file():
            (tmp_ / "zip").mkdir()
            onveilig = _pak_uit(bron, tmp_ / "zip")
            wortel = tmp_ / "zip"
        else:
            wortel = bron
        lijst_ = [(p.name, p) for p in _studentmappen(wortel)]
        werk = tmp_ / "werk"
        werk.mkdir()
        inz = _stel_werkmap_op([x for x in lijst_ if x[0] not in onveilig], m, werk)
        uitkomsten_pad = tmp_ / "uitkomsten.json"
        if any(i.nb is not None for i in inz):
            omgeving = _omgeving_voor_kernels(tmp_ / "thuis")
            _draai(werk, uitkomsten_pad, timeout, werkers, omgeving)
        uitkomsten = (
            json.loads(uitkomsten_pad.read_text(encoding="utf-8"))
            if uitkomsten_pad.exists()
            else []
        )
        for student, pad in sorted(onveilig.items()):
            inz.append(
                _Inzending(
                    student,
                    _veilige_naam(student),
                    reden=tekst("nakijken.reden.zip_onveilig", pad=pad),
                )
            )
        inz.sort(key=lambda i: i.student.lower())
        res = [
            Beoordeling(i.student, "onbeoordeelbaar", reden=i.reden)
            if i.reden
            else _score(m, i, uitkomsten, timeout)
            for i in inz
        ]
        _schrijf(uit, m, res, inz)
    return Nakijkresultaat(m.naam, m.maximum, res, uit, time.perf_counter() - begin)


# --- command line -----------------------------------------------------------------------------


def _opzet(p) -> None:
    p.add_argument("master", help=tekst("cli.help.master"))
    p.add_argument("inzendingen", help=tekst("cli.help.inzendingen"))
    p.add_argument("--out", required=True, help=tekst("cli.help.grade_uit"))
    p.add_argument("--timeout", type=float, default=60, help=tekst("cli.help.timeout"))
    p.add_argument("--workers", type=int, default=2, help=tekst("cli.help.workers"))
    from .cli import _taal

    _taal(p)


def _grade(args) -> int:
    from .uitgave import MasterFout

    try:
        res = beoordeel(
            args.master, args.inzendingen, args.out, timeout=args.timeout, werkers=args.workers
        )
    except (MasterFout, FileExistsError, FileNotFoundError) as e:
        print(str(e), file=sys.stderr)
        return 2
    onbeoordeeld = sum(b.status == "onbeoordeelbaar" for b in res.beoordelingen)
    print(repr(res))
    print(
        tekst(
            "nakijken.klaar",
            aantal=len(res.beoordelingen) - onbeoordeeld,
            onbeoordeeld=onbeoordeeld,
            pad=res.uit / "cijferlijst.csv",
        )
    )
    return 0


def _registreer() -> None:
    from .cli import commando

    commando("grade", _opzet)(_grade)


_registreer()
