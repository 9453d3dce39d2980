"""Grades into the learning environment: Brightspace's grade import file from ``grade``'s output.

A student's identity comes from the learning environment's own files, never from a submission:
``grade`` took each student's name from the download's folder or file names, and the lecturer's
own grade export from Brightspace (Grades → Export, key field *Both*, with first and last name)
gives each name its ``OrgDefinedId`` and ``Username``. Those two are copied as they stand in the
export, so whatever form Brightspace gave them is the form it reads back.

The import format follows D2L's help page "Importing grades"
(https://community.d2l.com/brightspace/kb/articles/3538-importing-grades): ``OrgDefinedId`` and
``Username`` first, a column ``<item> Points Grade`` per numeric grade item, and the
``End-of-Line Indicator`` column holding ``#``. Numbers are written as the import reads them
(``4.5``), not in Dutch form.

Nothing is guessed: a name that matches no row of the export, or more than one, is reported and
left out, and so is a student ``grade`` could not grade (an empty cell, never a 0).
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..berichten import tekst

__all__ = ["ExportFout", "Exportverslag", "naar_brightspace"]


class ExportFout(ValueError):
    """A file the export cannot use; the message names the file and what is wrong."""


@dataclass
class Exportverslag:
    """What the export did: the file written, who is in it, and who is not and why."""

    pad: Path
    geëxporteerd: list[str] = field(default_factory=list)
    niet_gevonden: list[str] = field(default_factory=list)
    dubbel: list[str] = field(default_factory=list)
    onbeoordeelbaar: list[str] = field(default_factory=list)

    def regels(self) -> list[str]:
        """The report as lines for the lecturer, problems first."""
        uit = []
        for soort in ("niet_gevonden", "dubbel", "onbeoordeelbaar"):
            namen = getattr(self, soort)
            if namen:
                uit.append(
                    tekst(f"nakijken.export.{soort}", aantal=len(namen), namen=", ".join(namen))
                )
        uit.append(tekst("nakijken.export.klaar", aantal=len(self.geëxporteerd), pad=self.pad))
        return uit


def _sleutel(naam: str) -> str:
    return re.sub(r"\s+", " ", naam).strip().casefold()


def _lees_csv(pad: Path) -> list[dict[str, str]]:
    try:
        ruw = pad.read_bytes()
    except OSError as e:
        raise ExportFout(tekst("nakijken.export.onleesbaar", pad=pad, fout=e.strerror)) from None
    try:
        tekst_ = ruw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ExportFout(tekst("nakijken.export.geen_utf8", pad=pad)) from None
    kop = tekst_.split("\n", 1)[0]
    scheiding = max(",;\t", key=kop.count)
    return list(csv.DictReader(io.StringIO(tekst_), delimiter=scheiding))


def _klaslijst(pad: Path) -> tuple[dict[str, list[dict[str, str]]], list[str]]:
    rijen = _lees_csv(pad)
    kolommen = list(rijen[0]) if rijen else []
    nodig = ["OrgDefinedId", "Username", "First Name", "Last Name"]
    mist = [k for k in nodig if k not in kolommen]
    if mist:
        raise ExportFout(
            tekst(
                "nakijken.export.kolommen",
                pad=pad,
                mist=", ".join(mist),
                gezien=", ".join(kolommen) or "-",
            )
        )
    per_naam: dict[str, list[dict[str, str]]] = {}
    for r in rijen:
        per_naam.setdefault(_sleutel(f"{r['First Name']} {r['Last Name']}"), []).append(r)
    return per_naam, kolommen


def _punten(x: float) -> str:
    # The import's own number format: a decimal point, no grouping, no trailing zeros.
    return f"{x:.2f}".rstrip("0").rstrip(".")


def naar_brightspace(uitmap: Path, klaslijst: Path, item: str, doel: Path) -> Exportverslag:
    """Write Brightspace's grade import file for grade item ``item`` to ``doel``.

    ``uitmap`` is a folder ``grade`` wrote (its ``resultaten.json``); ``klaslijst`` the
    lecturer's grade export from Brightspace with OrgDefinedId, Username, First Name and Last
    Name. The file is written whole or not at all, and never over ``klaslijst``.
    """
    uitmap, klaslijst, doel = Path(uitmap), Path(klaslijst), Path(doel)
    if not item.strip():
        raise ExportFout(tekst("nakijken.export.geen_item"))
    if doel.resolve() == klaslijst.resolve():
        raise ExportFout(tekst("nakijken.export.zelfde_bestand", pad=doel))
    try:
        resultaten = json.loads((uitmap / "resultaten.json").read_text(encoding="utf-8"))
        studenten = resultaten["studenten"]
    except (OSError, ValueError, KeyError, TypeError):
        raise ExportFout(tekst("nakijken.export.geen_resultaten", pad=uitmap)) from None
    per_naam, _ = _klaslijst(klaslijst)
    verslag = Exportverslag(doel)
    rijen = []
    for s in studenten:
        naam = s["student"]
        if s["status"] != "beoordeeld":
            verslag.onbeoordeelbaar.append(naam)
            continue
        gevonden = per_naam.get(_sleutel(naam), [])
        if not gevonden:
            verslag.niet_gevonden.append(naam)
        elif len(gevonden) > 1:
            verslag.dubbel.append(naam)
        else:
            r = gevonden[0]
            rijen.append([r["OrgDefinedId"], r["Username"], _punten(s["totaal"]), "#"])
            verslag.geëxporteerd.append(naam)
    kop = ["OrgDefinedId", "Username", f"{item.strip()} Points Grade", "End-of-Line Indicator"]
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(kop)
    w.writerows(rijen)
    doel.parent.mkdir(parents=True, exist_ok=True)
    tijdelijk = doel.with_name(f".{doel.name}.bezig-{os.getpid()}")
    tijdelijk.write_text(buf.getvalue(), encoding="utf-8")
    os.replace(tijdelijk, doel)
    return verslag
