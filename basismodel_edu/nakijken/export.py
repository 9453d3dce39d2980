"""Grades into the learning environment: the grade import file of Brightspace, Canvas or Moodle
from ``grade``'s output.

A student's identity comes from the learning environment's own files, never from a submission:
``grade`` took each student's name from the download's folder or file names, and the lecturer's
own grade export from the learning environment (the *class list*) gives each name the identifiers
the import needs. Those are copied as they stand in the export, so whatever form the system gave
them is the form it reads back.

Each format follows the vendor's documented columns:

* **Brightspace** (HAN's OnderwijsOnline), D2L's help page "Importing grades"
  (https://community.d2l.com/brightspace/kb/articles/3538-importing-grades): ``OrgDefinedId`` and
  ``Username`` first, a column ``<item> Points Grade`` per numeric grade item, and the
  ``End-of-Line Indicator`` column holding ``#``. Class list: Grades → Export, key field *Both*,
  with first and last name; matched on first and last name.
* **Canvas**, Instructure's guide "How do I import grades in the Gradebook?"
  (https://community.canvaslms.com/t5/Instructor-Guide/How-do-I-import-grades-in-the-Gradebook/ta-p/807;
  that page could not be read from where this was written, so the columns were checked against
  a university's Canvas guide that spells the import out,
  https://teaching.resources.osu.edu/toolsets/carmencanvas/guides/calculating-final-grades/import-csv-file-carmen-grades,
  and its note that the export's read-only columns are ignored on import,
  https://ts.vcu.edu/askit/teaching-and-learning/canvas/faculty/grading-faculty/gradebook-action-menu-faculty/):
  ``Student``, ``ID``, ``SIS User ID``, ``SIS Login ID``, ``Section``, then one column
  ``<assignment> (<assignment id>)`` per assignment. Class list: Grades → Export; matched on
  Canvas's user ID, which Canvas writes into every downloaded submission's name
  (``jansenjan_12345_…``), else on the name (``Jansen, Jan``).
* **Moodle**, MoodleDocs "Grade import"
  (https://docs.moodle.org/27/en/Grade_import): the CSV import reads the gradebook export's own
  format, and the lecturer maps the user by ``Email address`` → *useremail*, ``ID number`` →
  *useridnumber* or ``Username`` → *username*, and the grade column to the grade item. Class list:
  the gradebook's Export → Plain text file; matched on first and last name (the download's
  ``Jan Jansen_12345_assignsubmission_file`` without its participant number).

Numbers are written as the imports read them (``4.5``: a decimal point, no grouping), never in
Babel's Dutch form. Nothing is guessed: a name that matches no row of the export, or more than
one, is reported and left out; so is a student ``grade`` could not grade, and a student whose
rubric is not completely filled in (an empty cell, never a 0 or a lower number).
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..taal.berichten import tekst

__all__ = ["LMS", "ExportFout", "Exportverslag", "exporteer", "naar_brightspace"]

LMS = ("brightspace", "canvas", "moodle")


class ExportFout(ValueError):
    """A file the export cannot use; the message names the file and what is wrong."""


@dataclass
class Exportverslag:
    """What the export did: the file written, who is in it, and who is not and why."""

    pad: Path
    lms: str = "brightspace"
    geëxporteerd: list[str] = field(default_factory=list)
    niet_gevonden: list[str] = field(default_factory=list)
    dubbel: list[str] = field(default_factory=list)
    onbeoordeelbaar: list[str] = field(default_factory=list)
    rubriek_open: list[str] = field(default_factory=list)
    te_laat: list[str] = field(default_factory=list)

    def regels(self) -> list[str]:
        """The report as lines for the lecturer, problems first."""
        uit = []
        systeem = tekst(f"nakijken.export.lms.{self.lms}")
        for soort in ("niet_gevonden", "dubbel", "onbeoordeelbaar", "rubriek_open", "te_laat"):
            namen = getattr(self, soort)
            if namen:
                uit.append(
                    tekst(
                        f"nakijken.export.{soort}",
                        aantal=len(namen),
                        namen=", ".join(namen),
                        lms=systeem,
                    )
                )
        uit.append(
            tekst(
                f"nakijken.export.klaar_{self.lms}",
                aantal=len(self.geëxporteerd),
                pad=self.pad,
            )
        )
        return uit


def _sleutel(naam: str) -> str:
    return re.sub(r"\s+", " ", naam).strip().casefold()


def _lees_csv(pad: Path, lms: str) -> list[dict[str, str]]:
    try:
        ruw = pad.read_bytes()
    except OSError as e:
        raise ExportFout(tekst("nakijken.export.onleesbaar", pad=pad, fout=e.strerror)) from None
    try:
        tekst_ = ruw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ExportFout(
            tekst("nakijken.export.geen_utf8", pad=pad, lms=tekst(f"nakijken.export.lms.{lms}"))
        ) from None
    kop = tekst_.split("\n", 1)[0]
    scheiding = max(",;\t", key=kop.count)
    return list(csv.DictReader(io.StringIO(tekst_), delimiter=scheiding))


def _vereist(pad: Path, kolommen: list[str], nodig: list[str], lms: str) -> None:
    mist = [k for k in nodig if k not in kolommen]
    if mist:
        raise ExportFout(
            tekst(
                f"nakijken.export.kolommen_{lms}",
                pad=pad,
                mist=", ".join(mist),
                gezien=", ".join(kolommen) or "-",
            )
        )


def _punten(x: float) -> str:
    """A number as the imports read it: a decimal point, no grouping, no trailing zeros.

    >>> _punten(4.5), _punten(6.0), _punten(2.25), _punten(1234.5)
    ('4.5', '6', '2.25', '1234.5')
    """
    return f"{x:.2f}".rstrip("0").rstrip(".")


# --- per learning environment: who is who, and the import's own columns ---------------------


@dataclass
class _Formaat:
    kop: list[str]
    rij: object  # (class-list row, points as text) -> the import's row
    per_sleutel: dict[str, list[dict[str, str]]]
    sleutels: object  # the student's name in grade's output -> the keys to look up, in order


def _brightspace(rijen: list[dict[str, str]], pad: Path, item: str) -> _Formaat:
    kolommen = list(rijen[0]) if rijen else []
    _vereist(pad, kolommen, ["OrgDefinedId", "Username", "First Name", "Last Name"], "brightspace")
    per_naam: dict[str, list[dict[str, str]]] = {}
    for r in rijen:
        per_naam.setdefault(_sleutel(f"{r['First Name']} {r['Last Name']}"), []).append(r)
    return _Formaat(
        ["OrgDefinedId", "Username", f"{item} Points Grade", "End-of-Line Indicator"],
        lambda r, p: [r["OrgDefinedId"], r["Username"], p, "#"],
        per_naam,
        lambda naam: [_sleutel(naam)],
    )


_CANVAS_ID = re.compile(r"^[^_]+_(\d+)$")
_CANVAS_VAST = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]
_KOLOM_MET_ID = re.compile(r"^(.*\S)\s*\((\d+)\)$")


def _canvas_kolom(kolommen: list[str], item: str, pad: Path) -> str:
    """The assignment's own column of the export, ``<name> (<id>)``; Canvas would make a new
    assignment of a column it does not know, so an item that matches none is refused."""
    m = _KOLOM_MET_ID.match(item)
    for k in kolommen:
        km = _KOLOM_MET_ID.match(k.strip())
        if km and (k.strip() == item or (not m and _sleutel(km.group(1)) == _sleutel(item))):
            return k.strip()
    opdrachten = [k for k in kolommen if _KOLOM_MET_ID.match(k.strip())]
    raise ExportFout(
        tekst(
            "nakijken.export.canvas_item",
            pad=pad,
            item=item,
            opdrachten=", ".join(opdrachten) or "-",
        )
    )


def _canvas(rijen: list[dict[str, str]], pad: Path, item: str) -> _Formaat:
    kolommen = list(rijen[0]) if rijen else []
    _vereist(pad, kolommen, _CANVAS_VAST, "canvas")
    kolom = _canvas_kolom(kolommen, item, pad)
    per: dict[str, list[dict[str, str]]] = {}
    for r in rijen:
        # The export's second row ("Points Possible") and muted-assignment rows have no ID.
        if not (r.get("ID") or "").strip().isdigit():
            continue
        per.setdefault("id:" + r["ID"].strip(), []).append(r)
        achternaam, _, voornaam = (r.get("Student") or "").partition(",")
        per.setdefault("naam:" + _sleutel(f"{voornaam} {achternaam}"), []).append(r)

    def sleutels(naam: str) -> list[str]:
        m = _CANVAS_ID.match(naam)
        return ["id:" + m.group(1)] if m else ["naam:" + _sleutel(naam)]

    return _Formaat(
        [*_CANVAS_VAST, kolom],
        lambda r, p: [r[k] for k in _CANVAS_VAST] + [p],
        per,
        sleutels,
    )


_MOODLE_NAAM = ["First name", "Last name"]
_MOODLE_ID = ["Email address", "ID number", "Username"]


def _moodle(rijen: list[dict[str, str]], pad: Path, item: str) -> _Formaat:
    kolommen = list(rijen[0]) if rijen else []
    _vereist(pad, kolommen, [*_MOODLE_NAAM, "Email address"], "moodle")
    ids = [k for k in _MOODLE_ID if k in kolommen]
    # The export's own grade column when the item names it: Moodle writes the activity's type
    # before it and the display type after it ("Assignment: Missie (Real)").
    eigen = re.compile(r"(?:[^:]+:\s*)?" + re.escape(_sleutel(item)) + r"\s*\([^)]*\)")
    kolom = next(
        (k for k in kolommen if _sleutel(k) == _sleutel(item) or eigen.fullmatch(_sleutel(k))),
        item,
    )
    per_naam: dict[str, list[dict[str, str]]] = {}
    for r in rijen:
        per_naam.setdefault(_sleutel(f"{r['First name']} {r['Last name']}"), []).append(r)
    return _Formaat(
        [*_MOODLE_NAAM, *ids, kolom],
        lambda r, p: [r[k] for k in (*_MOODLE_NAAM, *ids)] + [p],
        per_naam,
        # Moodle's download: "Jan Jansen_12345" (the participant number is not in the export).
        lambda naam: [_sleutel(re.sub(r"_\d+$", "", naam))],
    )


_FORMATEN = {"brightspace": _brightspace, "canvas": _canvas, "moodle": _moodle}


def exporteer(
    uitmap: str | os.PathLike[str],
    klaslijst: str | os.PathLike[str],
    item: str,
    doel: str | os.PathLike[str],
    lms: str = "brightspace",
) -> Exportverslag:
    """Write the grade import file of ``lms`` (brightspace, canvas, moodle) for grade item
    ``item`` to ``doel``.

    ``uitmap`` is a folder ``grade`` wrote (its ``resultaten.json``); ``klaslijst`` the
    lecturer's grade export from that learning environment. The file is written whole or not
    at all, and never over ``klaslijst``.
    """
    uitmap, klaslijst, doel = Path(uitmap), Path(klaslijst), Path(doel)
    if lms not in _FORMATEN:
        raise ExportFout(tekst("nakijken.export.onbekend_lms", lms=lms, keuzes=", ".join(LMS)))
    systeem = tekst(f"nakijken.export.lms.{lms}")
    if not item.strip():
        raise ExportFout(tekst("nakijken.export.geen_item", lms=systeem))
    if doel.resolve() == klaslijst.resolve():
        raise ExportFout(tekst("nakijken.export.zelfde_bestand", pad=doel, lms=systeem))
    try:
        resultaten = json.loads((uitmap / "resultaten.json").read_text(encoding="utf-8"))
        studenten = resultaten["studenten"]
    except (OSError, ValueError, KeyError, TypeError):
        raise ExportFout(tekst("nakijken.export.geen_resultaten", pad=uitmap)) from None
    formaat = _FORMATEN[lms](_lees_csv(klaslijst, lms), klaslijst, item.strip())
    verslag = Exportverslag(doel, lms)
    rijen = []
    for s in studenten:
        naam = s["student"]
        if s["status"] != "beoordeeld":
            verslag.onbeoordeelbaar.append(naam)
            continue
        # A grade with rubric points still open has no total: no number rather than a lower one.
        if s.get("totaal") is None or s.get("open"):
            verslag.rubriek_open.append(naam)
            continue
        gevonden: list[dict[str, str]] = []
        for k in formaat.sleutels(naam):
            gevonden = formaat.per_sleutel.get(k, [])
            if gevonden:
                break
        if not gevonden:
            verslag.niet_gevonden.append(naam)
        elif len(gevonden) > 1:
            verslag.dubbel.append(naam)
        else:
            rijen.append(formaat.rij(gevonden[0], _punten(float(s["totaal"]))))
            verslag.geëxporteerd.append(naam)
            if s.get("te_laat"):
                verslag.te_laat.append(naam)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(formaat.kop)
    w.writerows(rijen)
    doel.parent.mkdir(parents=True, exist_ok=True)
    tijdelijk = doel.with_name(f".{doel.name}.bezig-{os.getpid()}")
    tijdelijk.write_text(buf.getvalue(), encoding="utf-8")
    os.replace(tijdelijk, doel)
    return verslag


def naar_brightspace(uitmap: Path, klaslijst: Path, item: str, doel: Path) -> Exportverslag:
    """Write Brightspace's grade import file for grade item ``item`` to ``doel``
    (:func:`exporteer` with ``lms="brightspace"``)."""
    return exporteer(uitmap, klaslijst, item, doel, "brightspace")
