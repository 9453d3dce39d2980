"""What the lecturer judges by hand: a fill-in file for the rubric, and merging it back.

``basismodel-edu rubriek UITMAP`` writes ``UITMAP/rubriek-invullen.csv``: one row per student and
criterion (student, criterion id, the criterion, its maximum, points, comment), with what is
already filled in. The lecturer fills in points (``2``, ``2,5`` or ``2.5``) and comments in a
spreadsheet; ``basismodel-edu rubriek UITMAP --invullen FILE`` merges it into the gradebook,
the feedback pages, the class overview and ``resultaten.json``.

The file is the whole state of what it lists: an empty points cell leaves (or makes) that
criterion open; a row left out of the file leaves it as it was. Open points are shown as
"nog te beoordelen" and never counted or exported as 0.

The merge is all or nothing: an unknown student or criterion, points that are no number or lie
outside 0 to the criterion's maximum, or a student and criterion given twice refuse the whole
file with every problem named by row and column; nothing is written then.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from ..taal.berichten import TALEN, getal, tekst
from .verslag import (
    MARKERING,
    beoordeling_uit_dict,
    cel,
    schrijf_verslagen,
    zet_op_zijn_plek,
)

__all__ = ["RubriekFout", "Samenvoeging", "invulbestand", "voeg_samen"]

INVULBESTAND = "rubriek-invullen.csv"
_KOLOMMEN = ("student", "id", "criterium", "maximum", "punten", "toelichting")
_NODIG = ("student", "id", "punten")
_GETAL = re.compile(r"[+-]?\d+(?:[.,]\d+)?")


class RubriekFout(ValueError):
    """A folder or fill-in file the rubric command cannot use; the message says where and why."""


@dataclass
class Samenvoeging:
    """What a merge did: how many points were filled in, and who still has open criteria."""

    ingevuld: int = 0
    open: dict[str, list[str]] = field(default_factory=dict)

    def regels(self) -> list[str]:
        """The report as lines for the lecturer, what is still open first."""
        uit = [
            tekst("nakijken.rubriek.nog_open", student=s, criteria=", ".join(c))
            for s, c in self.open.items()
        ]
        uit.append(
            tekst("nakijken.rubriek.samengevoegd", aantal=self.ingevuld, open=len(self.open))
        )
        return uit


def _lees_resultaten(uitmap: Path) -> dict:
    if not (uitmap / MARKERING).is_file():
        raise RubriekFout(tekst("nakijken.rubriek.geen_uitmap", pad=uitmap))
    try:
        gegevens = json.loads((uitmap / "resultaten.json").read_text(encoding="utf-8"))
        gegevens["opdracht"]["rubriek"], gegevens["studenten"]
    except (OSError, ValueError, KeyError, TypeError):
        raise RubriekFout(tekst("nakijken.rubriek.geen_uitmap", pad=uitmap)) from None
    if not gegevens["opdracht"]["rubriek"]:
        raise RubriekFout(
            tekst("nakijken.rubriek.geen_rubriek", opdracht=gegevens["opdracht"]["opdracht"])
        )
    return gegevens


def _kop(sleutel: str, taal: str | None = None) -> str:
    return tekst(f"nakijken.rubriek.kolom.{sleutel}", taal)


def invulbestand(
    uitmap: str | os.PathLike[str], doel: str | os.PathLike[str] | None = None
) -> Path:
    """Write the rubric's fill-in file for the class graded into ``uitmap``; returns its path.

    Default ``uitmap/rubriek-invullen.csv``; an existing file is never overwritten (it may hold
    the lecturer's work).
    """
    uitmap = Path(uitmap)
    gegevens = _lees_resultaten(uitmap)
    doel = Path(doel) if doel is not None else uitmap / INVULBESTAND
    if doel.exists():
        raise RubriekFout(tekst("nakijken.rubriek.bestaat_al", pad=doel))
    criteria = gegevens["opdracht"]["rubriek"]
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    w.writerow([_kop(k) for k in _KOLOMMEN])
    for s in gegevens["studenten"]:
        if s["status"] != "beoordeeld":
            continue
        al = {r["id"]: r for r in s.get("rubriek", [])}
        for c in criteria:
            r = al.get(c["id"], {})
            behaald = r.get("behaald")
            w.writerow(
                [
                    cel(s["student"]),
                    c["id"],
                    cel(c["criterium"]),
                    getal(c["punten"]),
                    "" if behaald is None else getal(behaald),
                    cel(r.get("toelichting", "")),
                ]
            )
    doel.parent.mkdir(parents=True, exist_ok=True)
    tijdelijk = doel.with_name(f".{doel.name}.bezig-{os.getpid()}")
    # utf-8-sig and semicolons: what a Dutch spreadsheet opens without asking.
    tijdelijk.write_text(buf.getvalue(), encoding="utf-8-sig")
    os.replace(tijdelijk, doel)
    return doel


def _lees_invulling(bestand: Path) -> tuple[list[str], list[list[str]]]:
    try:
        ruw = bestand.read_bytes()
    except OSError as e:
        raise RubriekFout(
            tekst("nakijken.export.onleesbaar", pad=bestand, fout=e.strerror)
        ) from None
    try:
        inhoud = ruw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise RubriekFout(tekst("nakijken.rubriek.geen_utf8", pad=bestand)) from None
    kop = inhoud.split("\n", 1)[0]
    scheiding = max(";,\t", key=kop.count)
    rijen = list(csv.reader(io.StringIO(inhoud), delimiter=scheiding))
    if not rijen:
        raise RubriekFout(
            tekst("nakijken.rubriek.kolommen", pad=bestand, mist=", ".join(_NODIG), gezien="-")
        )
    return rijen[0], rijen[1:]


def _ontsmet(waarde: str) -> str:
    # cel() put a quote before what a spreadsheet would run; take it off again.
    return waarde[1:] if waarde[:2] in ("'=", "'+", "'-", "'@") else waarde


def voeg_samen(uitmap: str | os.PathLike[str], bestand: str | os.PathLike[str]) -> Samenvoeging:
    """Merge the lecturer's filled-in rubric ``bestand`` into the class graded into ``uitmap``.

    Every problem refuses the whole file (:class:`RubriekFout`, each problem with its row and
    column); then nothing is written. Otherwise gradebook, feedback pages, overview and
    ``resultaten.json`` are written anew and put in place in one step.
    """
    uitmap, bestand = Path(uitmap), Path(bestand)
    gegevens = _lees_resultaten(uitmap)
    opzet = gegevens["opdracht"]
    criteria = {c["id"]: c for c in opzet["rubriek"]}
    kop, rijen = _lees_invulling(bestand)
    # Headers in either language, so a file made in English merges in Dutch too.
    namen = {_kop(k, t).casefold(): k for k in _KOLOMMEN for t in TALEN}
    plek: dict[str, int] = {}
    for i, k in enumerate(kop):
        sleutel = namen.get(k.strip().casefold())
        if sleutel and sleutel not in plek:
            plek[sleutel] = i
    mist = [_kop(k) for k in _NODIG if k not in plek]
    if mist:
        raise RubriekFout(
            tekst(
                "nakijken.rubriek.kolommen",
                pad=bestand,
                mist=", ".join(mist),
                gezien=", ".join(kop) or "-",
            )
        )
    studenten = {s["student"]: s for s in gegevens["studenten"]}
    fouten: list[str] = []
    invulling: dict[tuple[str, str], tuple[float | None, str]] = {}
    eerste: dict[tuple[str, str], int] = {}

    def fout(rij: int, kolom: str, sleutel: str, **w) -> None:
        fouten.append(
            tekst(
                "nakijken.rubriek.rij",
                rij=rij,
                kolom=_kop(kolom),
                fout=tekst(f"nakijken.rubriek.fout.{sleutel}", **w),
            )
        )

    for nr, rij in enumerate(rijen, start=2):  # row 1 is the header, as a spreadsheet counts
        if not any(x.strip() for x in rij):
            continue

        def waarde(k: str, rij=rij) -> str:
            i = plek.get(k)
            return rij[i].strip() if i is not None and i < len(rij) else ""

        student = _ontsmet(waarde("student"))
        id_ = waarde("id")
        s = studenten.get(student)
        if s is None:
            fout(nr, "student", "student", naam=student or "-")
            continue
        if s["status"] != "beoordeeld":
            fout(nr, "student", "onbeoordeelbaar", naam=student)
            continue
        c = criteria.get(id_)
        if c is None:
            fout(nr, "id", "criterium", id=id_ or "-", ids=", ".join(criteria))
            continue
        ruw = waarde("punten")
        punten: float | None = None
        if ruw:
            if not _GETAL.fullmatch(ruw):
                fout(nr, "punten", "geen_getal", waarde=ruw)
                continue
            punten = float(ruw.replace(",", "."))
            if not 0 <= punten <= c["punten"]:
                fout(nr, "punten", "bereik", waarde=ruw, maximum=c["punten"])
                continue
        sleutel = (student, id_)
        if sleutel in eerste:
            fout(nr, "id", "dubbel", naam=student, id=id_, eerder=eerste[sleutel])
            continue
        eerste[sleutel] = nr
        invulling[sleutel] = (punten, _ontsmet(waarde("toelichting")))
    if fouten:
        meer = len(fouten) - 20
        lijst = fouten[:20] + ([tekst("nakijken.rubriek.meer", aantal=meer)] if meer > 0 else [])
        raise RubriekFout(
            tekst("nakijken.rubriek.geweigerd", pad=bestand) + "\n" + "\n".join(lijst)
        )
    res = [beoordeling_uit_dict(s) for s in gegevens["studenten"]]
    verslag = Samenvoeging()
    for b in res:
        for r in b.rubriek:
            if (b.student, r.id) in invulling:
                r.behaald, r.toelichting = invulling[(b.student, r.id)]
        if b.status == "beoordeeld":
            verslag.ingevuld += sum(r.behaald is not None for r in b.rubriek)
            if b.open:
                verslag.open[b.student] = [r.criterium for r in b.open]
    tijdelijk = uitmap.with_name(f".{uitmap.name}.bezig-{os.getpid()}")
    if tijdelijk.exists():
        shutil.rmtree(tijdelijk)
    shutil.copytree(uitmap, tijdelijk, symlinks=True)
    try:
        schrijf_verslagen(tijdelijk, opzet, res, gegevens.get("zip", []), gegevens["bewijs"])
    except BaseException:
        shutil.rmtree(tijdelijk, ignore_errors=True)
        raise
    zet_op_zijn_plek(tijdelijk, uitmap)
    return verslag
