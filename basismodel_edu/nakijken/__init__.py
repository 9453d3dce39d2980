"""Grade a class: every submission rebuilt from the master, run in a sandbox of its own, scored
by the grader's own re-check of the plan bytes.

``beoordeel(master, inzendingen, uit)`` (and ``basismodel-edu grade MASTER SUBMISSIONS --out
DIR``) goes through five parts, each a module of its own:

1. :mod:`.invoer` reads every submission into memory as data (limits on size, depth, links,
   special files, zip entries) before any student code runs;
2. :mod:`.herbouw` rebuilds each notebook from the master (check cells restored by id, hidden
   checks left out, runner tags removed, the handed-in plan written into every check);
3. :mod:`.zandbak` starts each kernel in a bubblewrap sandbox and :mod:`.uitvoeren` runs the
   cells, several notebooks at once, recording each cell's outcome on the grader's side;
4. :mod:`.score` gives a visible check's points only when its cell passed *and* the grader's
   own re-check passed; hidden checks are re-checked only by the grader;
5. :mod:`.verslag` writes, after every sandbox is gone, the gradebook, feedback pages, class
   overview and ``resultaten.json`` with the evidence for an appeal.

What no check can judge stays open: the master's rubric points are "nog te beoordelen" until
the lecturer fills them in and :mod:`.rubriek` merges them (``basismodel-edu rubriek``);
:mod:`.export` then writes the import file of Brightspace, Canvas or Moodle.

One student's failure (a broken file, a crash, a timeout, a limit, an error in the grader on
that submission) is recorded for that student; the rest of the class is graded and written.

May import: ``taal``, ``plan``, ``controle``, ``meten``, ``formulieren``, ``opdrachten``.
"""

from __future__ import annotations

import hashlib
import os
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from ..opdrachten.uitgave import Master, lees_master
from ..taal.berichten import getal, tekst
from .herbouw import herbouw, lees_notebook
from .invoer import Grens, Inzending, lees_inzendingen, uitvoernaam
from .score import Beoordeling, Controle, score
from .uitvoeren import Uitvoering, voer_uit
from .verslag import bereid_uitvoer, laad_sjablonen, schrijf
from .zandbak import Grenzen, Kernel, beschikbaar

__all__ = [
    "Beoordeling",
    "Controle",
    "Grenzen",
    "Nakijkresultaat",
    "ZandbakFout",
    "beoordeel",
    "herbouw",
]

NOTEBOOK = "opdracht.ipynb"


class ZandbakFout(RuntimeError):
    """No sandbox on this machine, and the lecturer did not accept grading without one."""


@dataclass
class Nakijkresultaat:
    """The result of grading a class: one :class:`Beoordeling` per student."""

    opdracht: str
    maximum: float
    beoordelingen: list[Beoordeling]
    uit: Path
    seconden: float = 0.0
    zandbak: bool = True

    def __getitem__(self, student: str) -> Beoordeling:
        for b in self.beoordelingen:
            if b.student == student:
                return b
        raise KeyError(student)

    def __repr__(self) -> str:
        regels = [f"{self.opdracht}: {len(self.beoordelingen)} → {self.uit}"]
        for b in self.beoordelingen:
            punten = getal(b.totaal) + (f" + {tekst('nakijken.rubriek.open')}" if b.open else "")
            regels.append(
                f"  {b.student}: {punten}/{getal(self.maximum)} "
                f"{tekst(f'nakijken.status.{b.status}')} {b.reden}".rstrip()
            )
        return "\n".join(regels)

    def _repr_html_(self) -> str:
        return (self.uit / "overzicht.html").read_text(encoding="utf-8")


def _voorbereid() -> None:
    """Load every part of the grader that scoring and reporting use, before student code runs."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot

    from ..controle.motor import kies_regels

    kies_regels()
    laad_sjablonen()


def _korte_tmp() -> str:
    # Unix socket paths must stay under 107 bytes: ours are <tmp>/bm-XXXXXXXX/i/<n>/k-<port>.
    tmp = tempfile.gettempdir()
    return tmp if len(tmp) <= 40 else "/tmp"


def _versie() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("basismodel-edu")
    except PackageNotFoundError:
        return "onbekend"


def beoordeel(
    master: str | os.PathLike[str],
    inzendingen: str | os.PathLike[str],
    uit: str | os.PathLike[str],
    *,
    timeout: float = 60,
    notebook_timeout: float | None = None,
    werkers: int | None = None,
    zonder_zandbak: bool = False,
    studenten: list[str] | None = None,
    grenzen: Grenzen | None = None,
) -> Nakijkresultaat:
    """Grade every submission in ``inzendingen`` against the master notebook ``master`` and
    write the results to ``uit``.

    ``timeout`` limits each cell and ``notebook_timeout`` (default five times that, at least
    300 s) each whole notebook, in seconds; ``werkers`` is how many notebooks run at once
    (default: the number of cores plus one). Without a sandbox on this machine the grader
    refuses (:class:`ZandbakFout`) unless ``zonder_zandbak=True``; the gradebook records it.
    ``studenten`` grades only those students (to re-grade one after an appeal).
    """
    begin = time.perf_counter()
    m = lees_master(master)
    _voorbereid()
    if grenzen is None:
        grenzen = Grenzen(
            seconden_per_cel=timeout,
            seconden_per_notebook=notebook_timeout or max(300.0, 5 * timeout),
        )
    uit = Path(uit).resolve()
    bereid_uitvoer(uit)
    bron = Path(inzendingen)
    if not bron.exists():
        raise FileNotFoundError(tekst("nakijken.inzendingen_ontbreken", pad=str(bron)))
    waarom = beschikbaar()
    zandbak = not zonder_zandbak
    if zandbak and waarom is not None:
        raise ZandbakFout(tekst("nakijken.geen_zandbak", reden=waarom))
    werkers = werkers or (os.cpu_count() or 1) + 1
    with tempfile.TemporaryDirectory(prefix="bm-", dir=_korte_tmp()) as tmp:
        tmp_ = Path(tmp)
        (tmp_ / "u").mkdir()
        lijst, zipmeldingen = lees_inzendingen(bron, tmp_ / "u", NOTEBOOK, m.plan, Grens())
        if studenten is not None:
            lijst = [i for i in lijst if i.student in set(studenten)]
        res, herbouwd = _beoordeel_alle(m, lijst, tmp_, grenzen, werkers, zandbak)
    bewijs = {
        "master_sha256": hashlib.sha256(m.pad.read_bytes()).hexdigest(),
        "pakketversie": _versie(),
        "python": sys.version.split()[0],
        "zandbak": zandbak,
        "grenzen": grenzen.als_dict(),
    }
    for b in res:
        b.bewijs.update({k: bewijs[k] for k in ("master_sha256", "pakketversie", "zandbak")})
    schrijf(uit, m, res, herbouwd, zipmeldingen, bewijs)
    return Nakijkresultaat(m.naam, m.maximum, res, uit, time.perf_counter() - begin, zandbak)


def _beoordeel_alle(
    m: Master, lijst: list[Inzending], tmp: Path, grenzen: Grenzen, werkers: int, zandbak: bool
):
    herbouwd: dict[str, tuple[object, bytes | None]] = {}
    klaar: dict[int, Beoordeling] = {}
    te_draaien = []
    for i, inz in enumerate(lijst):
        bestand = uitvoernaam(inz.student)
        if inz.reden:
            klaar[i] = Beoordeling(inz.student, "onbeoordeelbaar", reden=inz.reden)
            continue
        try:
            nb, opm = herbouw(m, lees_notebook(inz.notebook), inz.plan)
        except ValueError as e:  # a notebook no rebuild can read: that student's alone
            reden = str(e)[:200] or type(e).__name__
            klaar[i] = Beoordeling(
                inz.student,
                "onbeoordeelbaar",
                reden=tekst("nakijken.reden.kapotte_notebook", fout=reden),
            )
            continue
        except Exception as e:  # the grader's own failure on this one notebook
            klaar[i] = Beoordeling(
                inz.student,
                "onbeoordeelbaar",
                reden=tekst("nakijken.reden.nakijkfout"),
                voor_docent=[tekst("nakijken.docent.nakijkfout", fout=type(e).__name__)],
            )
            continue
        herbouwd[bestand] = (nb, inz.plan)
        te_draaien.append((i, inz, nb, opm))
    from ..opdrachten.opdrachtmap import opdrachtdata

    start = m.pad.parent / "startplan.json"
    startplan = start.read_bytes() if start.is_file() else None
    # The data the exercise ships (an export to import), as the student had it beside the
    # notebook; read once here, before any student code runs.
    data = {p.name: p.read_bytes() for p in opdrachtdata(m.pad.parent)}

    def draai(taak) -> Uitvoering:
        i, inz, nb, _ = taak
        werkmap = tmp / "w" / str(i)
        try:
            _vul_werkmap(werkmap, inz, m.plan, startplan, data)
            return voer_uit(
                nb, Kernel(werkmap, tmp / "i" / str(i), grenzen, zandbak=zandbak), grenzen
            )
        except Exception as e:  # the grader's own failure on this one notebook
            return Uitvoering(start_mislukt=True, startfout=type(e).__name__)

    with ThreadPoolExecutor(max_workers=werkers) as pool:
        uitvoeringen = list(pool.map(draai, te_draaien))
    # Every kernel, and every sandbox with everything in it, has stopped here.
    for (i, inz, _nb, opm), u in zip(te_draaien, uitvoeringen, strict=True):
        try:
            klaar[i] = score(m, inz.student, inz.plan, opm + inz.opmerkingen, u, grenzen)
        except Exception as e:
            klaar[i] = Beoordeling(
                inz.student,
                "onbeoordeelbaar",
                reden=tekst("nakijken.reden.nakijkfout"),
                voor_docent=[tekst("nakijken.docent.nakijkfout", fout=type(e).__name__)],
            )
    res = []
    for i, inz in enumerate(lijst):
        b = klaar[i]
        b.bestand = uitvoernaam(inz.student)
        b.te_laat = inz.te_laat
        b.bewijs["inzending_sha256"] = inz.sha256
        res.append(b)
    res.sort(key=lambda b: (b.student.lower(), b.student))
    return res, herbouwd


def _vul_werkmap(
    werkmap: Path,
    inz: Inzending,
    plannaam: str,
    startplan: bytes | None,
    data: dict[str, bytes] | None = None,
) -> None:
    werkmap.mkdir(parents=True)
    for naam, inhoud in (data or {}).items():
        (werkmap / naam).write_bytes(inhoud)
    for rel, data in inz.bestanden.items():
        doel = werkmap.joinpath(*rel.split("/"))
        doel.parent.mkdir(parents=True, exist_ok=True)
        doel.write_bytes(data)
    if inz.plan is not None:
        (werkmap / plannaam).write_bytes(inz.plan)
    if startplan is not None and not (werkmap / "startplan.json").exists():
        (werkmap / "startplan.json").write_bytes(startplan)
