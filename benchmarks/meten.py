"""Benchmark: import, compute and plot three years of daily data for 20 KPIs (target: < 0.3 s).

    python benchmarks/meten.py [--herhaal 5] [--png pad.png]

Writes a Dutch-convention CSV export (semicolon, decimal comma, thousands dot, dd-mm-jjjj, BOM)
of 1,096 days × 20 KPIs to a temporary folder, and the same data as an .xlsx workbook, then
times each step: reading the export (lees_metingen), adding it to a plan (voeg_metingen_toe),
the progress table (voortgang), the checker with rule BM330 (controleer), building the dashboard
(dashboard) and rendering it to PNG. Prints the median of the repeats and the first (cold) run,
which includes loading pandas and matplotlib. Nothing is asserted: the figures are for the note.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

N_KPIS = 20
DAGEN = 1096  # three years
BEGIN = dt.date(2024, 1, 1)


def _plan():
    from basismodel_edu import KPI, Doel, Organisatie, Plan

    doelen = [
        Doel(
            id=f"D{i:02d}",
            omschrijving=f"Doel {i}",
            nulmeting=1000.0,
            streefwaarde=1000.0 + 150 * i,
            eenheid="stuks",
            deadline=dt.date(2027, 6, 1),
        )
        for i in range(1, N_KPIS // 2 + 1)
    ]
    kpis = [
        KPI(
            id=f"K{j:02d}",
            doel=f"D{(j + 1) // 2:02d}",
            naam=f"KPI {j}",
            eenheid="stuks",
            norm=1000.0 + 150 * ((j + 1) // 2),
            frequentie="dagelijks",
        )
        for j in range(1, N_KPIS + 1)
    ]
    return Plan(organisatie=Organisatie(naam="Benchmark BV"), doelen=doelen, kpis=kpis)


def _schrijf_export(map_: Path) -> tuple[Path, Path]:
    from openpyxl import Workbook

    kans = random.Random(1)
    kop = ["Datum", *(f"KPI {j}" for j in range(1, N_KPIS + 1))]
    rijen = []
    for d in range(DAGEN):
        datum = BEGIN + dt.timedelta(days=d)
        waarden = [1000 + (0.1 + j / 100) * d + kans.gauss(0, 25) for j in range(1, N_KPIS + 1)]
        rijen.append((datum, waarden))
    buf = io.StringIO()
    buf.write("# SYNTHETISCH (benchmark)\r\n" + ";".join(kop) + "\r\n")
    for datum, waarden in rijen:
        cellen = [
            f"{w:,.1f}".replace(",", "_").replace(".", ",").replace("_", ".") for w in waarden
        ]
        buf.write(datum.strftime("%d-%m-%Y") + ";" + ";".join(cellen) + "\r\n")
    csv_pad = map_ / "export.csv"
    csv_pad.write_text(buf.getvalue(), encoding="utf-8-sig", newline="")
    boek = Workbook()
    blad = boek.active
    blad.append(kop)
    for datum, waarden in rijen:
        blad.append([dt.datetime.combine(datum, dt.time()), *waarden])
    xlsx_pad = map_ / "export.xlsx"
    boek.save(xlsx_pad)
    return csv_pad, xlsx_pad


def _een_ronde(csv_pad: Path, koppeling, png: Path | None) -> dict[str, float]:
    from basismodel_edu import controleer, dashboard, lees_metingen, voeg_metingen_toe, voortgang

    t: dict[str, float] = {}
    cpu = time.process_time()
    begin = time.perf_counter()
    metingen = lees_metingen(csv_pad, koppeling)
    t["lees_metingen (csv)"] = time.perf_counter() - begin
    stap = time.perf_counter()
    plan = voeg_metingen_toe(_plan(), metingen)
    t["voeg_metingen_toe"] = time.perf_counter() - stap
    stap = time.perf_counter()
    tabel = voortgang(plan)
    t["voortgang"] = time.perf_counter() - stap
    stap = time.perf_counter()
    fig = dashboard(plan)
    t["dashboard (figuur)"] = time.perf_counter() - stap
    stap = time.perf_counter()
    fig.savefig(png or io.BytesIO(), format="png", dpi=72)
    t["dashboard (png)"] = time.perf_counter() - stap
    t["TOTAAL import+bereken+plot"] = time.perf_counter() - begin
    t["TOTAAL, processortijd"] = time.process_time() - cpu
    stap = time.perf_counter()
    controleer(plan)
    t["controleer (alle regels, extra)"] = time.perf_counter() - stap
    assert len(metingen) == DAGEN * N_KPIS and len(tabel) == N_KPIS
    return t


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--herhaal", type=int, default=5)
    parser.add_argument("--png", type=Path, default=None, help="save the dashboard here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        csv_pad, xlsx_pad = _schrijf_export(Path(tmp))
        from basismodel_edu import Koppeling  # cheap: pydantic only

        koppeling = Koppeling(
            datum="Datum", kolommen={f"KPI {j}": f"K{j:02d}" for j in range(1, N_KPIS + 1)}
        )
        rondes = [_een_ronde(csv_pad, koppeling, args.png) for _ in range(args.herhaal + 1)]
        from basismodel_edu import lees_metingen

        xlsx = []
        for _ in range(3):
            stap = time.perf_counter()
            lees_metingen(xlsx_pad, koppeling)
            xlsx.append(time.perf_counter() - stap)
    print(
        f"{DAGEN} dagen × {N_KPIS} KPI's = {DAGEN * N_KPIS} metingen; Python {sys.version.split()[0]}"
    )
    print(f"{'stap':34} {'koud (1e run)':>14} {'mediaan warm':>14}")
    for stap in rondes[0]:
        koud = rondes[0][stap]
        warm = statistics.median(r[stap] for r in rondes[1:])
        print(f"{stap:34} {koud * 1000:11.0f} ms {warm * 1000:11.0f} ms")
    print(f"{'lees_metingen (xlsx, extra)':34} {'':>14} {statistics.median(xlsx) * 1000:11.0f} ms")


if __name__ == "__main__":
    main()
