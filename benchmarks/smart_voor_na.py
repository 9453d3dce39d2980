"""Before/after: what a student reads for five quoted goals, old judge (commit 8299b55) vs now.

python benchmarks/smart_voor_na.py [nl|en]
"""

from __future__ import annotations

import subprocess
import sys
import types
from pathlib import Path

import basismodel_edu
from basismodel_edu import beoordeel_smart

DOELEN = [
    "Het vergroten van de verkoop van product X met 15% binnen het komende kwartaal",
    "Save $500/month by December",
    "I want to save $1,000 this year.",
    "lose 15 pounds in one week",
    "I want to have $40 per paycheck automatically transferred to my vacation savings fund for 1 year.",
]


def oude_rechter():
    """The judge as it was at 8299b55, loaded from git into this package (same catalogue)."""
    bron = subprocess.run(
        ["git", "show", "8299b55:basismodel_edu/smart.py"],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).parent.parent,
    ).stdout
    mod = types.ModuleType("basismodel_edu._smart_oud")
    mod.__package__ = "basismodel_edu"
    sys.modules[mod.__name__] = mod
    exec(compile(bron, "smart_oud.py", "exec"), mod.__dict__)
    return mod.beoordeel_smart


def main() -> int:
    taal = sys.argv[1] if len(sys.argv) > 1 else "nl"
    oud = oude_rechter()
    for doel in DOELEN:
        print(f"doel: {doel}")
        print(
            f"  voor: {oud(doel).als_dict(taal)['smart']} – {' '.join(oud(doel).uitleg(taal)) or '(SMART)'}"
        )
        nu = beoordeel_smart(doel)
        print(f"  na:   {nu.als_dict(taal)['smart']} – {' '.join(nu.uitleg(taal)) or '(SMART)'}")
    return 0


assert basismodel_edu
if __name__ == "__main__":
    sys.exit(main())
