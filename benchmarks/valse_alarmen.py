"""False alarms of the heuristic (text-judging) rules on plans that do not have their problem.

    python benchmarks/valse_alarmen.py

Plans: the course example (basismodel_edu/voorbeelden/), the benchmark's normal plan, and every
rule fixture in tests/fixtures/regels/ (each made to have ONE problem: a heuristic finding with
another code on it is a false alarm). Prints every such finding and the count per rule.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from plannen import normaal_plan

from basismodel_edu import controleer, voorbeeldplan
from basismodel_edu.bestand import laad_plan

# The rules that judge free text by heuristics (issue 11, "What to build" 2).
HEURISTISCH = {
    "BM109",
    "BM110",
    "BM117",
    "BM118",
    "BM320",
    "BM323",
    "BM324",
    "BM510",
    "BM511",
    "BM604",
}
FIXTURES = Path(__file__).parent.parent / "tests" / "fixtures" / "regels"


def main() -> int:
    plannen = [
        ("voorbeeld koffiebranderij", voorbeeldplan(), None),
        ("normaal_plan", normaal_plan(), None),
    ]
    plannen += [
        (f"fixture {p.stem}", laad_plan(p), p.stem) for p in sorted(FIXTURES.glob("*.json"))
    ]
    telling: Counter[str] = Counter()
    for naam, plan, eigen in plannen:
        for b in controleer(plan).bevindingen:
            if b.code in HEURISTISCH and b.code != eigen:
                telling[b.code] += 1
                print(f"{naam}: {b.code} {b.ernst} {b.pad}")
    print(f"plans: {len(plannen)}; false alarms per rule: {dict(telling) or 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
