"""Reading a class's submissions as data, never as instructions.

Everything here is hostile: names of files and folders, zip entries, links, special files, the
plan's type, size and encoding, the notebook's JSON. Each problem makes that one submission
``onbeoordeelbaar`` with a reason (or, for a zip entry, is reported on the entry), and never
affects another submission. Links are never followed.

Accepted input: a folder with one folder per student (as a learning environment's download
unpacks), a folder of hand-in files (``<opdracht>-inlevering.zip``, one per student, as the
exercise's hand-in cell writes them), or a zip of either. A student's identity is always the
name of the folder or file in the download, never anything inside it.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from ..taal.berichten import getal, tekst

__all__ = [
    "Grens",
    "Inzending",
    "Zipmelding",
    "herkomst",
    "lees_inzendingen",
    "lees_plan",
    "uitvoernaam",
]


@dataclass(frozen=True)
class Grens:
    """Size limits on what a submission may contain."""

    plan_kb: int = 1024
    notebook_mb: int = 16
    diepte: int = 32
    bestanden: int = 500
    map_mb: int = 64
    zip_bestanden: int = 20_000
    zip_mb: int = 1024


@dataclass
class Inzending:
    """One student's submission as read: the notebook's and plan's bytes, or why it cannot be graded."""

    student: str
    bron: Path | None = None  # the folder that holds the notebook (not followed through links)
    notebook: bytes | None = None
    plan: bytes | None = None
    bestanden: dict[str, bytes] = field(default_factory=dict)  # other files, copied for the kernel
    reden: str = ""
    opmerkingen: list[str] = field(default_factory=list)
    sha256: str = ""
    te_laat: bool = False  # the download's name marks it late (Canvas: ``_LATE_``)


@dataclass
class Zipmelding:
    """A zip entry that was refused, reported on the entry itself."""

    naam: str
    reden: str


def uitvoernaam(student: str) -> str:
    """A file name for a student's output that no other student's name can share.

    The readable part keeps letters, digits, dots and dashes; a short hash of the whole name
    keeps ``Jan Jansen`` and ``Jan_Jansen`` (or ``JAN`` and ``jan`` on a laptop's case-blind
    disk) apart.

    >>> uitvoernaam("Jan Jansen") != uitvoernaam("Jan_Jansen")
    True
    >>> uitvoernaam("../../etc")[:4]
    'etc-'
    """
    leesbaar = unicodedata.normalize("NFKD", student).encode("ascii", "ignore").decode()
    leesbaar = re.sub(r"[^A-Za-z0-9.-]+", "_", leesbaar).strip("._-").lower()[:60] or "student"
    return f"{leesbaar}-{hashlib.sha256(student.encode('utf-8', 'surrogatepass')).hexdigest()[:8]}"


def _diepte(waarde) -> int:
    diepste, stapel = 0, [(waarde, 1)]
    while stapel:
        w, d = stapel.pop()
        diepste = max(diepste, d)
        if isinstance(w, dict):
            stapel += [(x, d + 1) for x in w.values()]
        elif isinstance(w, list):
            stapel += [(x, d + 1) for x in w]
    return diepste


def lees_plan(data: bytes, grens: Grens = Grens()) -> tuple[bytes | None, str]:
    """Check plan bytes: one JSON object in UTF-8 (a byte-order mark is allowed), not too
    large, not too deep. Returns the bytes without the mark, or ``None`` and the reason.

    >>> lees_plan(b'\\xef\\xbb\\xbf{"missie": {}}')
    (b'{"missie": {}}', '')
    >>> lees_plan(b'[1, 2]')[1]
    'het plan is geen JSON-object (maar een lijst)'
    """
    if len(data) > grens.plan_kb * 1024:
        return None, tekst("nakijken.plan.te_groot", kb=grens.plan_kb)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        bron = data.decode("utf-8")
    except UnicodeDecodeError:
        return None, tekst("nakijken.plan.geen_utf8")
    # Count nesting before parsing: Python's parser would recurse into a thousand brackets.
    diep = 0
    hoogste = 0
    in_tekst = vorige_escape = False
    for teken in bron:
        if in_tekst:
            if vorige_escape:
                vorige_escape = False
            elif teken == "\\":
                vorige_escape = True
            elif teken == '"':
                in_tekst = False
        elif teken == '"':
            in_tekst = True
        elif teken in "[{":
            diep += 1
            hoogste = max(hoogste, diep)
        elif teken in "]}":
            diep -= 1
    if hoogste > grens.diepte:
        return None, tekst("nakijken.plan.te_diep", diepte=grens.diepte)
    try:
        waarde = json.loads(bron)
    except (ValueError, RecursionError) as e:
        return None, tekst("nakijken.plan.geen_json", fout=str(e)[:120])
    if not isinstance(waarde, dict):
        soort = {list: "lijst", str: "tekst", int: "getal", float: "getal", bool: "janee"}
        return None, tekst(
            "nakijken.plan.geen_object",
            soort=tekst(f"nakijken.soort.{soort.get(type(waarde), 'niets')}"),
        )
    return data, ""


def _lees_bestand(pad: Path, maximum: int) -> tuple[bytes | None, str]:
    """The bytes of a regular file that is not a link, or why not. Never follows links and
    never opens a FIFO or device (which could block or never end)."""
    try:
        info = os.lstat(pad)
    except OSError:
        return None, "ontbreekt"
    if stat.S_ISLNK(info.st_mode):
        return None, tekst("nakijken.bestand.link", naam=pad.name)
    if not stat.S_ISREG(info.st_mode):
        return None, tekst("nakijken.bestand.speciaal", naam=pad.name)
    if info.st_size > maximum:
        return None, tekst("nakijken.bestand.te_groot", naam=pad.name, mb=getal(maximum / 2**20))
    vlag = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    fd = os.open(pad, vlag | getattr(os, "O_BINARY", 0))
    with os.fdopen(fd, "rb") as f:
        data = f.read(maximum + 1)
    if len(data) > maximum:
        return None, tekst("nakijken.bestand.te_groot", naam=pad.name, mb=getal(maximum / 2**20))
    return data, ""


def _bestanden(map_: Path) -> list[Path]:
    """All regular files and links under ``map_``, without descending into linked folders."""
    uit = []
    for wortel, mappen, namen in os.walk(map_, followlinks=False):
        mappen[:] = sorted(m for m in mappen if m not in (".ipynb_checkpoints", "__pycache__"))
        uit += [Path(wortel) / n for n in sorted(namen)]
        uit += [Path(wortel) / m for m in mappen if os.path.islink(Path(wortel) / m)]
    return uit


def _zoek_notebook(map_: Path, naam: str) -> Path | None:
    if os.path.lexists(map_ / naam):
        return map_ / naam
    kandidaten = [p for p in _bestanden(map_) if p.name == naam] or [
        p for p in _bestanden(map_) if p.suffix == ".ipynb"
    ]
    return kandidaten[0] if len(kandidaten) == 1 else None


def lees_map(student: str, map_: Path, notebook: str, plan: str, grens: Grens) -> Inzending:
    """Read one student's folder into memory (nothing of it is used from disk afterwards)."""
    inz = Inzending(student)
    nbpad = _zoek_notebook(map_, notebook)
    if nbpad is None:
        inz.reden = tekst("nakijken.reden.geen_notebook", naam=notebook)
        return inz
    inz.bron = nbpad.parent
    inz.notebook, reden = _lees_bestand(nbpad, grens.notebook_mb * 2**20)
    if inz.notebook is None:
        inz.reden = reden
        return inz
    planpad = inz.bron / plan
    if os.path.lexists(planpad):
        data, reden = _lees_bestand(planpad, grens.plan_kb * 1024)
        if data is not None:
            data, reden = lees_plan(data, grens)
        if data is None:
            inz.reden = tekst("nakijken.reden.plan", pad=plan, reden=reden)
            return inz
        inz.plan = data
    else:
        inz.opmerkingen.append(tekst("nakijken.opmerking.plan_ontbreekt", pad=plan))
    # The other files in the notebook's folder go along into the kernel's working folder.
    totaal = 0
    for p in _bestanden(inz.bron):
        rel = p.relative_to(inz.bron).as_posix()
        if rel in (notebook, plan) or p.suffix == ".ipynb":
            continue
        if len(inz.bestanden) >= grens.bestanden:
            inz.opmerkingen.append(
                tekst("nakijken.opmerking.te_veel_bestanden", aantal=grens.bestanden)
            )
            break
        data, reden = _lees_bestand(p, grens.map_mb * 2**20 - totaal)
        if data is None:
            inz.opmerkingen.append(tekst("nakijken.opmerking.overgeslagen", naam=rel, reden=reden))
            continue
        totaal += len(data)
        inz.bestanden[rel] = data
    inz.sha256 = vingerafdruk(inz)
    return inz


def vingerafdruk(inz: Inzending) -> str:
    """SHA-256 over what is graded: the notebook's and the plan's bytes."""
    h = hashlib.sha256()
    for deel in (inz.notebook or b"", inz.plan or b""):
        h.update(len(deel).to_bytes(8, "big"))
        h.update(deel)
    return h.hexdigest()


# --- zips ---------------------------------------------------------------------------------------


def _veilig_lid(naam: str) -> bool:
    if (
        not naam
        or "\\" in naam
        or "\x00" in naam
        or naam.startswith("/")
        or re.match(r"^[A-Za-z]:", naam)
    ):
        return False
    return all(deel not in ("..", "") for deel in naam.rstrip("/").split("/"))


def pak_uit(
    zip_: Path, doel: Path, grens: Grens, meldingen: list[Zipmelding], voorvoegsel: str = ""
) -> str:
    """Unpack ``zip_`` into ``doel`` within the limits; refused entries are reported on the entry.
    Returns a reason when the zip as a whole cannot be read, else ''."""
    try:
        z = zipfile.ZipFile(zip_)
    except (zipfile.BadZipFile, OSError) as e:
        return tekst("nakijken.zip.kapot", fout=str(e)[:120])
    with z:
        leden = z.infolist()
        if len(leden) > grens.zip_bestanden:
            return tekst("nakijken.zip.te_veel", aantal=len(leden), maximum=grens.zip_bestanden)
        ruimte = grens.zip_mb * 2**20
        for info in leden:
            naam = info.filename
            modus = info.external_attr >> 16
            if not _veilig_lid(naam):
                meldingen.append(Zipmelding(voorvoegsel + naam, tekst("nakijken.zip.buiten")))
                continue
            soort = stat.S_IFMT(modus)  # 0 when the zip tool stored no Unix file type
            if soort and soort not in (stat.S_IFREG, stat.S_IFDIR):
                meldingen.append(Zipmelding(voorvoegsel + naam, tekst("nakijken.zip.link")))
                continue
            pad = doel.joinpath(*naam.rstrip("/").split("/"))
            if info.is_dir():
                pad.mkdir(parents=True, exist_ok=True)
                continue
            if os.path.lexists(pad):
                meldingen.append(Zipmelding(voorvoegsel + naam, tekst("nakijken.zip.dubbel")))
                continue
            pad.parent.mkdir(parents=True, exist_ok=True)
            # Count what is really unpacked, not what the entry claims: a zip bomb lies.
            geschreven = 0
            with z.open(info) as bron, open(pad, "xb") as uit:
                while blok := bron.read(1 << 20):
                    geschreven += len(blok)
                    if geschreven > ruimte:
                        break
                    uit.write(blok)
            ruimte -= geschreven
            if ruimte < 0:
                pad.unlink()
                return tekst("nakijken.zip.te_groot", mb=grens.zip_mb)
    return ""


# --- a class ------------------------------------------------------------------------------------

_INLEVERING = re.compile(r"-inlevering(?:\s*\(\d+\))?\.zip$", re.IGNORECASE)


def herkomst(naam: str) -> tuple[str, bool]:
    """The student's name as the learning environment's download gives it, and whether the
    download marks the hand-in late.

    Brightspace: ``123-456 - Jan Jansen - 3 dec. 2026 1415 - x-inlevering.zip``; Canvas:
    ``jansenjan_12345_67890_x-inlevering.zip``, after the due date
    ``jansenjan_LATE_12345_67890_x-inlevering.zip`` (the same student: Canvas puts ``LATE``
    between the name and the user ID); Moodle: a folder ``Jan Jansen_12345_assignsubmission_file``.

    >>> herkomst("123-456 - Jan Jansen - 3 dec. 2026 1415 - missie-inlevering.zip")
    ('Jan Jansen', False)
    >>> herkomst("jansenjan_12345_67890_missie-inlevering.zip")
    ('jansenjan_12345', False)
    >>> herkomst("jansenjan_LATE_12345_67890_missie-inlevering.zip")
    ('jansenjan_12345', True)
    >>> herkomst("Jan Jansen_12345_assignsubmission_file")
    ('Jan Jansen_12345', False)
    """
    delen = naam.split(" - ")
    if len(delen) >= 3 and re.fullmatch(r"\d+-\d+", delen[0].strip()):
        return delen[1].strip(), False
    m = re.match(r"^(.+?_\d+)_assignsubmission_", naam)
    if m:
        return m.group(1), False
    if _INLEVERING.search(naam):
        m = re.match(r"^([^_]+)_LATE_(\d+)_\d+_", naam)
        if m:
            return f"{m.group(1)}_{m.group(2)}", True
        m = re.match(r"^([^_]+_\d+)_\d+_", naam)
        if m:
            return m.group(1), False
    return _INLEVERING.sub("", naam), False


def _identiteit(naam: str) -> str:
    """The student's name in a download's folder or file name (see :func:`herkomst`).

    >>> _identiteit("jansenjan_LATE_12345_67890_missie-inlevering.zip")
    'jansenjan_12345'
    """
    return herkomst(naam)[0]


def _kinderen(map_: Path) -> list[Path]:
    return sorted(p for p in map_.iterdir() if not p.name.startswith((".", "__MACOSX")))


def lees_inzendingen(
    bron: Path, werk: Path, notebook: str, plan: str, grens: Grens = Grens()
) -> tuple[list[Inzending], list[Zipmelding]]:
    """Read every submission under ``bron`` (a folder or a zip); ``werk`` is a private
    temporary folder for unpacking. Each is read into memory; nothing is run."""
    meldingen: list[Zipmelding] = []
    if bron.is_file():
        doel = werk / "klas"
        doel.mkdir()
        reden = pak_uit(bron, doel, grens, meldingen)
        if reden:
            raise ValueError(tekst("nakijken.zip.klas", pad=str(bron), reden=reden))
        bron = doel
    kinderen = _kinderen(bron)
    mappen = [p for p in kinderen if p.is_dir() and not p.is_symlink()]
    # A learning platform's zip often holds one folder around the students' folders.
    if (
        len(kinderen) == 1
        and mappen
        and not any(p.suffix == ".ipynb" for p in _kinderen(mappen[0]))
    ):
        return lees_inzendingen(mappen[0], werk, notebook, plan, grens)
    uit: list[Inzending] = []
    for i, p in enumerate(kinderen):
        student, te_laat = herkomst(p.name)
        voor = len(uit)
        if p.is_symlink():
            uit.append(Inzending(student, reden=tekst("nakijken.bestand.link", naam=p.name)))
        elif p.is_dir():
            binnen = _kinderen(p)
            # Moodle: the student's folder holds only the hand-in file.
            if len(binnen) == 1 and _INLEVERING.search(binnen[0].name) and binnen[0].is_file():
                uit.append(
                    _lees_zip(student, binnen[0], werk / f"z{i}", notebook, plan, grens, meldingen)
                )
            else:
                uit.append(lees_map(student, p, notebook, plan, grens))
        elif p.suffix.lower() == ".zip" and p.is_file():
            uit.append(_lees_zip(student, p, werk / f"z{i}", notebook, plan, grens, meldingen))
        # Loose other files beside the students' folders are not submissions.
        if len(uit) > voor:
            uit[-1].te_laat = te_laat
    # Two download names that give the same identity: grade both, under distinct names.
    gezien: dict[str, int] = {}
    for inz in uit:
        n = gezien[inz.student] = gezien.get(inz.student, 0) + 1
        if n > 1:
            inz.student = f"{inz.student} ({n})"
            inz.opmerkingen.append(tekst("nakijken.opmerking.dubbel"))
    return uit, meldingen


def _lees_zip(student, zip_: Path, doel: Path, notebook, plan, grens, meldingen) -> Inzending:
    doel.mkdir()
    reden = pak_uit(zip_, doel, grens, meldingen, voorvoegsel=f"{zip_.name}: ")
    if reden:
        return Inzending(student, reden=reden)
    return lees_map(student, doel, notebook, plan, grens)
