"""Benchmark: grading a class of 60 against the floor of running the same notebooks one by one.

    python benchmarks/nakijken.py [--aantal 60] [--timeout 10] [--werkers 2]

The class is generated from the missie exercise: correct, partly wrong, erroring (a cell of the
student's own raises) and looping ones (an endless loop, stopped by the cell timeout). The floor
is the rebuilt notebooks, executed one after another by a bare nbclient loop (one kernel each,
errors allowed, interrupted on timeout), without any grading. Target (issue 5): the whole
grading batch, with every kernel in its own sandbox, takes at most 0.6 times the floor, with the
same cell timeout. The same class is also graded without the sandbox, to print the sandbox's own
cost per notebook.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

HIER = Path(__file__).resolve().parent
sys.path.insert(0, str(HIER.parent / "tests"))

# Jupyter and IPython write under $HOME: keep the machine's home clean.
sys.path.insert(0, str(HIER.parent))
from tasks import thuis_omgeving  # noqa: E402

os.environ.update(thuis_omgeving(Path(tempfile.mkdtemp(prefix="basismodel-bench-home-"))))

from nakijkhulp import ROOT, inzending, oplossingsplan, student_nb, voeg_cel_in  # noqa: E402

from basismodel_edu.nakijken import beoordeel  # noqa: E402

OPDRACHT = ROOT / "exercises" / "missie_fietsenmaker"


def maak_klas(wortel: Path, aantal: int) -> dict[str, int]:
    goed = oplossingsplan(OPDRACHT, wortel.parent / "oplossing")
    half = json.loads(goed.read_text("utf-8"))
    half["missie"]["kanalen"] = ["Instagram"]
    soorten = {"goed": 0, "half": 0, "fout": 0, "lus": 0}
    for i in range(aantal):
        if i % 12 == 11:
            soort, nb, plan = (
                "lus",
                voeg_cel_in(student_nb(OPDRACHT), "while True:\n    pass"),
                goed,
            )
        elif i % 6 == 1:
            soort, nb, plan = "fout", voeg_cel_in(student_nb(OPDRACHT), "1 / 0"), goed
        elif i % 4 == 2:
            soort, nb, plan = "half", student_nb(OPDRACHT), half
        else:
            soort, nb, plan = "goed", student_nb(OPDRACHT), goed
        soorten[soort] += 1
        inzending(wortel, f"student{i:02d}_{soort}", nb, plan)
    return soorten


def vloer(herbouwd: Path, timeout: float) -> tuple[float, int]:
    """Run every rebuilt notebook with a bare nbclient loop; seconds and number run."""
    import nbformat
    from nbclient import NotebookClient

    werk = Path(tempfile.mkdtemp(prefix="basismodel-vloer-"))
    shutil.copytree(herbouwd, werk / "h")
    begin = time.perf_counter()
    n = 0
    for nbpad in sorted((werk / "h").glob("*/*.ipynb")):
        nb = nbformat.read(nbpad, as_version=4)
        NotebookClient(
            nb,
            timeout=timeout,
            kernel_name="python3",
            allow_errors=True,
            interrupt_on_timeout=True,
            resources={"metadata": {"path": str(nbpad.parent)}},
        ).execute()
        n += 1
    seconden = time.perf_counter() - begin
    shutil.rmtree(werk, ignore_errors=True)
    return seconden, n


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--aantal", type=int, default=60)
    p.add_argument("--timeout", type=float, default=10)
    p.add_argument("--werkers", type=int, default=None, help="default: cores + 1")
    args = p.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="basismodel-bench-"))
    soorten = maak_klas(tmp / "klas", args.aantal)
    print(
        f"klas: {args.aantal} inzendingen {soorten}, celtimeout {args.timeout:g} s, {os.cpu_count()} cores"
    )

    begin = time.perf_counter()
    res = beoordeel(
        OPDRACHT / "master.ipynb",
        tmp / "klas",
        tmp / "uit",
        timeout=args.timeout,
        werkers=args.werkers,
    )
    nakijken = time.perf_counter() - begin
    begin = time.perf_counter()
    beoordeel(
        OPDRACHT / "master.ipynb",
        tmp / "klas",
        tmp / "uit-zonder",
        timeout=args.timeout,
        werkers=args.werkers,
        zonder_zandbak=True,
    )
    zonder = time.perf_counter() - begin
    totalen = {}
    for b in res.beoordelingen:
        totalen.setdefault(b.student.split("_")[1], set()).add(b.totaal)
    print(f"punten per soort: { {k: sorted(v) for k, v in totalen.items()} } (max {res.maximum:g})")

    vloer_s, n = vloer(tmp / "uit" / "herbouwd", args.timeout)
    print(f"vloer (nbclient, na elkaar): {vloer_s:6.1f} s = {vloer_s / n:.2f} s per notebook")
    werkers = args.werkers or (os.cpu_count() or 1) + 1
    print(
        f"nakijken, zandbak ({werkers} tegelijk): {nakijken:6.1f} s = {nakijken / args.aantal:.2f} s per inzending"
    )
    print(f"nakijken, zonder zandbak:       {zonder:6.1f} s")
    print(f"kosten van de zandbak: {(nakijken - zonder) / args.aantal * 1000:+.0f} ms per notebook")
    print(f"verhouding nakijken (zandbak) / vloer: {nakijken / vloer_s:.2f} (doel ≤ 0.60)")
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
