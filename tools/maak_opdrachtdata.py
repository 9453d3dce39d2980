"""Write the SYNTHETIC Instagram export of the lesson 06 exercise (exercises/meten_sportschool/).

Run from the repository root (the output is the same every time: the random numbers are seeded):

    python tools/maak_opdrachtdata.py

The file has the columns of a Meta Business Suite export of Instagram posts (the format
basismodel_edu/meten/exports.py recognises), but every figure is made up: the account is called
"verzonnen.veerkracht" and each row's "Data comment" says SYNTHETISCH. Three posts a week for 24
weeks; per week the reach grows fast enough for its norm, the saves too, and the comments stay
almost flat, so exactly one KPI is at risk (tests/test_eerlijk.py relies on that).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
from pathlib import Path

DOEL = Path(__file__).resolve().parent.parent / "exercises" / "meten_sportschool"
BESTAND = "sportschool_instagram.csv"
SEED = 606
KOP = [
    "Post ID", "Account ID", "Account username", "Account name", "Description",
    "Duration (sec)", "Publish time", "Permalink", "Post type", "Data comment", "Date", "Views",
    "Reach", "Likes", "Shares", "Follows", "Comments", "Saves",
]  # fmt: skip
NOOT = "SYNTHETISCH: verzonnen voor basismodel-edu, geen echte cijfers"
ONDERWERPEN = ["Oefening van de week", "Les voor beginners", "Lid aan het woord", "Rugoefening"]
EERSTE_MAANDAG = dt.date(2026, 9, 7)
WEKEN = 24


def _verdeel(totaal: float, delen: int, rng: random.Random) -> list[int]:
    """A week's total over its posts, unevenly, as whole numbers that add up to the total."""
    gewichten = [rng.uniform(0.6, 1.4) for _ in range(delen)]
    s = sum(gewichten)
    waarden = [int(totaal * g / s) for g in gewichten]
    waarden[0] += round(totaal) - sum(waarden)
    return waarden


def rijen() -> list[list[str]]:
    """The export's rows: three posts per week, oldest first."""
    rng = random.Random(SEED)
    uit = []
    post = 5001
    for w in range(WEKEN):
        maandag = EERSTE_MAANDAG + dt.timedelta(weeks=w)
        bereik = _verdeel(2100 + 125 * w + rng.gauss(0, 120), 3, rng)
        reacties = _verdeel(20 + 0.2 * w + rng.gauss(0, 2), 3, rng)
        bewaard = _verdeel(40 + 4.5 * w + rng.gauss(0, 6), 3, rng)
        for j, dag in enumerate((0, 2, 4)):
            moment = dt.datetime.combine(maandag + dt.timedelta(days=dag), dt.time(7 + 5 * j))
            soort = "IG reel" if j == 1 else "IG image"
            weergaven = int(bereik[j] * rng.uniform(1.2, 1.6))
            uit.append(
                [
                    str(post), "88", "verzonnen.veerkracht", "Sportschool Verzonnen",
                    f"{ONDERWERPEN[(w + j) % len(ONDERWERPEN)]} ({NOOT})",
                    "25" if soort == "IG reel" else "0", moment.strftime("%m/%d/%Y %H:%M"),
                    f"https://www.instagram.com/p/V{post}/", soort, NOOT, "Lifetime",
                    f"{weergaven:,}", str(bereik[j]), str(int(bereik[j] * 0.06)),
                    str(int(bereik[j] * 0.01)), str(rng.randint(0, 4)), str(reacties[j]),
                    str(bewaard[j]),
                ]
            )  # fmt: skip
            post += 1
    return uit


def inhoud() -> str:
    """The whole file as text (with the byte-order mark Meta's exports start with)."""
    buf = io.StringIO()
    schrijver = csv.writer(buf, lineterminator="\n")
    schrijver.writerow(KOP)
    schrijver.writerows(rijen())
    return "\ufeff" + buf.getvalue()


def main() -> None:
    (DOEL / BESTAND).write_text(inhoud(), encoding="utf-8", newline="")
    print(DOEL / BESTAND)


if __name__ == "__main__":
    main()
