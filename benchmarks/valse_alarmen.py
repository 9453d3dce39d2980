"""False alarms of the heuristic (text-judging) rules on plans that do not have their problem.

    python benchmarks/valse_alarmen.py

Plans: the course example (basismodel_edu/plan/voorbeelden/), the model
solutions of the exercises (consistent plans from other sectors: a bicycle repair shop, a dance
school, a bookshop, a food truck), and every rule fixture in tests/fixtures/regels/ (each made to
have ONE problem: a heuristic finding with another code on it is a false alarm). Heuristic rules
are those the registry marks ``heuristiek``. Prints every such finding and the count per rule.

The speed benchmarks' ``normaal_plan`` is left out: it is consistent in its links but its texts are
placeholders ("Wij maken dingen."), so BM110, BM118 and BM506 are right to fire on it.
"""

from __future__ import annotations

import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parent.parent / "tests"))

from nakijkhulp import oplossingsplan

from basismodel_edu import controleer, voorbeeldplan
from basismodel_edu.controle import REGELS, kies_regels
from basismodel_edu.plan.bestand import laad_plan

FIXTURES = Path(__file__).parent.parent / "tests" / "fixtures" / "regels"
EXERCISES = Path(__file__).parent.parent / "exercises"


def main() -> int:
    plannen = [
        ("voorbeeld koffiebranderij", voorbeeldplan(), None),
    ]
    with tempfile.TemporaryDirectory() as tmp:
        plannen += [
            (f"oplossing {o.name}", laad_plan(oplossingsplan(o, Path(tmp) / o.name)), None)
            for o in sorted(EXERCISES.iterdir())
            if (o / "master.ipynb").exists()
        ]
    plannen += [
        (f"fixture {p.stem}", laad_plan(p), p.stem) for p in sorted(FIXTURES.glob("*.json"))
    ]
    kies_regels()
    heuristisch = {c for c, r in REGELS.items() if r.heuristiek}
    telling: Counter[str] = Counter()
    for naam, plan, eigen in plannen:
        for b in controleer(plan).bevindingen:
            if b.code in heuristisch and b.code != eigen:
                telling[b.code] += 1
                print(f"{naam}: {b.code} {b.ernst} {b.pad}")
    print(f"plans: {len(plannen)}; false alarms per rule: {dict(telling) or 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
