"""Benchmark: how long checking a plan takes, and what importing the package costs.

    python benchmarks/controle.py

Targets (issue 2): a normal plan (5 ambitions, 10 goals, 10 tactics, 10 means, 20 KPIs) checks in
under 2 ms (median); a plan 100 times that size grows no worse than linearly; ``import
basismodel_edu`` loads none of matplotlib, ipywidgets, pandas and costs at most 1.3 times
``import pydantic``.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from plannen import normaal_plan

from basismodel_edu import beoordeel_smart, controleer, voorbeeldplan
from basismodel_edu.controle.opvulling import geeft_reden, opvulling
from basismodel_edu.controle.regels import smart as smartregels


def mediaan_tijd(functie, herhalingen: int) -> float:
    tijden = []
    for _ in range(herhalingen):
        begin = time.perf_counter()
        functie()
        tijden.append(time.perf_counter() - begin)
    return statistics.median(tijden)


def import_tijd(code: str, herhalingen: int = 15) -> float:
    """Median wall time of a fresh interpreter running ``code``, minus an empty interpreter."""

    def eens(c: str) -> float:
        begin = time.perf_counter()
        subprocess.run([sys.executable, "-c", c], check=True)
        return time.perf_counter() - begin

    leeg = statistics.median(eens("pass") for _ in range(herhalingen))
    return statistics.median(eens(code) for _ in range(herhalingen)) - leeg


def main() -> None:
    normaal = normaal_plan(1)
    groot = normaal_plan(100)
    controleer(normaal)  # first call loads the rules and fills caches
    t_normaal = mediaan_tijd(lambda: controleer(normaal), 300)
    t_groot = mediaan_tijd(lambda: controleer(groot), 15)
    print(f"normaal plan (5/10/10/10/20): mediaan {t_normaal * 1000:.3f} ms per controle")
    print(f"plan x100 (500/1000/1000/1000/2000): mediaan {t_groot * 1000:.1f} ms per controle")
    print(f"verhouding x100 / normaal: {t_groot / t_normaal:.1f} (lineair zou 100 zijn)")

    def zonder_geheugen():
        # The content rules remember text verdicts; a plan seen for the first time has none.
        for f in (opvulling, geeft_reden, smartregels._getallen_in):
            f.cache_clear()
        controleer(normaal)

    t_koud = mediaan_tijd(zonder_geheugen, 300)
    print(f"normaal plan, teksten nieuw (niets onthouden): mediaan {t_koud * 1000:.3f} ms")
    zinnen = [d.omschrijving for d in voorbeeldplan().doelen] + [
        "Meer volgers.",
        "In 2027 hebben we 500 nieuwe leden via Instagram.",
    ]
    oordeel = getattr(beoordeel_smart, "__wrapped__", beoordeel_smart)
    t_smart = mediaan_tijd(lambda: [oordeel(z) for z in zinnen], 300) / len(zinnen)
    print(f"SMART-oordeel per doelzin: mediaan {t_smart * 1e6:.0f} µs")

    zwaar = "import sys, basismodel_edu; print(sorted(m for m in ('pandas','matplotlib','ipywidgets') if m in sys.modules))"
    geladen = subprocess.run(
        [sys.executable, "-c", zwaar], capture_output=True, text=True, check=True
    )
    print(f"zware modules na import basismodel_edu: {geladen.stdout.strip()}")
    t_pydantic = import_tijd("import pydantic")
    t_pakket = import_tijd("import basismodel_edu")
    t_basemodel = import_tijd("from pydantic import BaseModel")
    t_gebruik = import_tijd("from basismodel_edu import controleer, voorbeeldplan")
    print(f"import pydantic:                  {t_pydantic * 1000:.1f} ms")
    print(
        f"import basismodel_edu:            {t_pakket * 1000:.1f} ms ({t_pakket / t_pydantic:.2f} x pydantic)"
    )
    print(f"from pydantic import BaseModel:   {t_basemodel * 1000:.1f} ms")
    print(
        f"from basismodel_edu import controleer, voorbeeldplan (first real use): "
        f"{t_gebruik * 1000:.1f} ms ({t_gebruik / t_basemodel:.2f} x BaseModel)"
    )


if __name__ == "__main__":
    main()
