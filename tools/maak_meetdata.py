"""Write the SYNTHETIC analytics exports in basismodel_edu/data/ for the measuring lessons.

Run from the repository root (the output is the same every time: the random numbers are seeded):

    python tools/maak_meetdata.py

Every file says in its first line (or its first cell) that it is synthetic: made up for the
lessons of basismodel-edu, not the figures of any real business. The series are shaped like real
exports: weekly and monthly, seasons, a campaign peak, missing weeks, Dutch conventions
(semicolon, decimal comma, thousands dot, day-month-year dates, a byte-order mark) in the CSV
files and date cells in the workbooks. tests/test_importeren.py proves the committed files hold
what this script writes.
"""

from __future__ import annotations

import datetime as dt
import math
import random
import re
import sys
from pathlib import Path

DOEL = Path(__file__).resolve().parent.parent / "basismodel_edu" / "data"
SEED = 2026
NOOT = (
    "SYNTHETISCHE DATA — verzonnen voor de lessen van basismodel-edu (tools/maak_meetdata.py); "
    "geen cijfers van een echt bedrijf"
)


def _nl(x: float, decimalen: int = 0) -> str:
    """A number as Dutch Excel writes it: thousands dot, decimal comma."""
    tekst = f"{x:,.{decimalen}f}"
    return tekst.replace(",", "_").replace(".", ",").replace("_", ".")


def _csv(pad: Path, kop: list[str], rijen: list[list[str]]) -> None:
    regels = [f"# {NOOT}", ";".join(kop), *(";".join(r) for r in rijen)]
    # utf-8-sig: the byte-order mark Excel writes and expects for UTF-8 CSV files.
    pad.write_text("\r\n".join(regels) + "\r\n", encoding="utf-8-sig", newline="")


def _xlsx(pad: Path, bladen: dict[str, tuple[list[str], list[list]]]) -> None:
    from openpyxl import Workbook

    boek = Workbook()
    boek.remove(boek.active)
    vast = dt.datetime(2027, 4, 1)
    boek.properties.created = boek.properties.modified = vast
    boek.properties.creator = "basismodel-edu tools/maak_meetdata.py"
    for naam, (kop, rijen) in bladen.items():
        blad = boek.create_sheet(naam)
        blad.append([NOOT])
        blad.append([])
        blad.append(kop)
        for r in rijen:
            blad.append(r)
        for cel in blad["A"][3:]:
            cel.number_format = "DD-MM-YYYY"
        blad.column_dimensions["A"].width = 12
        for letter in "BCDE":
            blad.column_dimensions[letter].width = 22
    boek.save(pad)
    _vaste_tijden(pad)


def _vaste_tijden(pad: Path) -> None:
    """Rewrite the workbook's zip with fixed timestamps, so that every run writes equal bytes."""
    import zipfile

    with zipfile.ZipFile(pad) as z:
        delen = [(i.filename, z.read(i)) for i in z.infolist()]
    # openpyxl stamps the time of saving into the document properties; fix it too.
    delen = [
        (
            naam,
            re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2027-04-01T00:00:00Z", inhoud)
            if naam == "docProps/core.xml"
            else inhoud,
        )
        for naam, inhoud in delen
    ]
    with zipfile.ZipFile(pad, "w", zipfile.ZIP_DEFLATED) as z:
        for naam, inhoud in delen:
            z.writestr(
                zipfile.ZipInfo(naam, date_time=(2027, 4, 1, 0, 0, 0)),
                inhoud,
                compress_type=zipfile.ZIP_DEFLATED,
            )


def koffiebranderij(map_: Path, kans: random.Random) -> list[Path]:
    """De Boon, KPIs K1–K6 of the example plan, from the plan's start (1 September 2026)."""
    rijen = []
    volgers = 1800.0
    reacties = 8.0
    week = dt.date(2026, 9, 7)
    while week <= dt.date(2027, 3, 29):
        campagne = dt.date(2026, 11, 30) <= week <= dt.date(2026, 12, 14)
        volgers += 24 + kans.gauss(0, 6) + (55 if campagne else 0)
        if week.month == 1:
            volgers -= 18  # followers who came for the December campaign leave again
        reacties += 0.08 + kans.gauss(0, 0.05)
        per_post = reacties + (5.5 if campagne else 0) + kans.gauss(0, 0.6)
        opmerking = "kerstcampagne" if campagne else ""
        if week == dt.date(2027, 1, 4):
            week += dt.timedelta(weeks=1)
            continue  # holiday: no export that week, the row is missing altogether
        if week == dt.date(2026, 10, 19):
            rijen.append([week.strftime("%d-%m-%Y"), "", "", "export mislukt"])
        else:
            rijen.append(
                [week.strftime("%d-%m-%Y"), _nl(round(volgers)), _nl(per_post, 1), opmerking]
            )
        week += dt.timedelta(weeks=1)
    csv_pad = map_ / "meetdata_koffiebranderij_instagram.csv"
    _csv(csv_pad, ["Week", "Volgers", "Reacties per post", "Opmerking"], rijen)

    maanden = [dt.datetime(2026, m, 1) for m in range(9, 13)] + [
        dt.datetime(2027, m, 1) for m in range(1, 4)
    ]
    bereik = []
    for i, maand in enumerate(maanden):
        seizoen = 1500 if maand.month == 12 else 0
        waarde = 3400 + 330 * i + seizoen + kans.gauss(0, 120)
        bereik.append(
            [maand, round(waarde), "kerstcampagne" if seizoen else ""],
        )
    kwartalen = [dt.datetime(2026, 9, 30), dt.datetime(2026, 12, 31), dt.datetime(2027, 3, 31)]
    zakelijk = [
        [kwartalen[0], 20.5, 4, 1, ""],
        [kwartalen[1], 25.0, 6, 2, ""],
        [kwartalen[2], 29.5, 7, 3, ""],
    ]
    xlsx_pad = map_ / "meetdata_koffiebranderij.xlsx"
    _xlsx(
        xlsx_pad,
        {
            "Bereik per maand": (["Maand", "Bereik Arnhem e.o.", "Opmerking"], bereik),
            "Zakelijk per kwartaal": (
                [
                    "Kwartaal",
                    "Herhaalboekingen (%)",
                    "Nieuwe zakelijke klanten (12 mnd)",
                    "Aanvragen proefsessie",
                    "Opmerking",
                ],
                zakelijk,
            ),
        },
    )
    return [csv_pad, xlsx_pad]


def fietsenmaker(map_: Path, kans: random.Random) -> list[Path]:
    """Fietsenmaker Het Wiel: weekly Instagram and online bookings, monthly reviews, 2025–2026."""
    rijen = []
    volgers = 640.0
    week = dt.date(2025, 1, 6)
    while week <= dt.date(2026, 10, 26):
        dag = week.timetuple().tm_yday
        # Bicycles break in spring and summer: bookings follow the season.
        seizoen = 1 + 0.6 * math.sin(2 * math.pi * (dag - 80) / 365)
        campagne = dt.date(2026, 3, 9) <= week <= dt.date(2026, 3, 30)
        volgers += 6 + kans.gauss(0, 3) + (25 if campagne else 0)
        afspraken = 14 * seizoen * (1.8 if campagne else 1) + kans.gauss(0, 2)
        datum = f"{week.day}-{week.month}-{week.year}"
        if dt.date(2025, 7, 28) <= week <= dt.date(2025, 8, 4):
            rijen.append([datum, "", "", "gesloten (vakantie)"])
        else:
            opmerking = "actie voorjaarsbeurt" if campagne else ""
            rijen.append([datum, _nl(round(volgers)), str(max(0, round(afspraken))), opmerking])
        week += dt.timedelta(weeks=1)
    pad1 = map_ / "meetdata_fietsenmaker.csv"
    _csv(pad1, ["Datum", "Volgers Instagram", "Online afspraken", "Opmerking"], rijen)

    maanden = []
    score = 4.1
    maand = dt.date(2025, 1, 1)
    while maand <= dt.date(2026, 10, 1):
        score = min(4.9, score + kans.gauss(0.015, 0.04))
        aantal = round(6 + 4 * (maand.month in (4, 5, 6, 7)) + kans.gauss(0, 1.5))
        # Every date is the 1st: day and month are both at most 12, so the mapping must say
        # that this file writes day-month-year (the lesson's example of an ambiguous file).
        maanden.append([maand.strftime("%d-%m-%Y"), _nl(score, 2), str(max(0, aantal)), ""])
        maand = dt.date(maand.year + maand.month // 12, maand.month % 12 + 1, 1)
    pad2 = map_ / "meetdata_fietsenmaker_reviews.csv"
    _csv(pad2, ["Maand", "Gemiddelde score", "Aantal reviews", "Opmerking"], maanden)
    return [pad1, pad2]


def bakkerij(map_: Path, kans: random.Random) -> list[Path]:
    """Bakkerij Brood & Zo: monthly Facebook followers and app orders, 2025–2026."""
    rijen = []
    volgers = 1250.0
    for i in range(22):
        maand = dt.datetime(2025 + i // 12, i % 12 + 1, 1)
        volgers += 18 + kans.gauss(0, 8)
        feest = maand.month in (4, 12)  # Easter and December
        bestellingen = 210 + 6 * i + (140 if feest else 0) + kans.gauss(0, 15)
        if i == 7:
            rijen.append([maand, None, None, "app in onderhoud"])
            continue
        rijen.append([maand, round(volgers), round(bestellingen), "feestdagen" if feest else None])
    pad = map_ / "meetdata_bakkerij.xlsx"
    _xlsx(
        pad, {"Export": (["Maand", "Volgers Facebook", "Bestellingen via app", "Opmerking"], rijen)}
    )
    return [pad]


def schrijf(map_: Path = DOEL) -> list[Path]:
    """Write every sample export into ``map_``; return the files written."""
    map_.mkdir(parents=True, exist_ok=True)
    kans = random.Random(SEED)
    return [*koffiebranderij(map_, kans), *fietsenmaker(map_, kans), *bakkerij(map_, kans)]


if __name__ == "__main__":
    bestanden = schrijf(Path(sys.argv[1]) if len(sys.argv) > 1 else DOEL)
    for b in bestanden:
        print(b)
