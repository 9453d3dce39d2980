"""The SMART judge against tests/data/smart_bronnen.csv (quoted statements, fixed split).

    python benchmarks/smart_set.py

Prints accuracy and false-SMART count per part (train/test), every misclassified TEST item with
the judge's reasons, and the time per statement. Tune the judge on train only.
"""

from __future__ import annotations

import csv
import sys
import time
from pathlib import Path

from basismodel_edu import beoordeel_smart

SET = Path(__file__).parent.parent / "tests" / "data" / "smart_bronnen.csv"


def lees_set() -> list[dict[str, str]]:
    """The rows of the measured set (comment lines starting with # skipped)."""
    with SET.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader((r for r in f if not r.startswith("#")), delimiter=";"))


def main() -> int:
    rijen = lees_set()
    for deel in ("train", "test"):
        sub = [r for r in rijen if r["deel"] == deel]
        goed = fout_smart = 0
        missers = []
        for r in sub:
            o = beoordeel_smart(r["tekst"])
            verwacht = r["label"] == "ja"
            if o.smart == verwacht:
                goed += 1
            else:
                fout_smart += o.smart and not verwacht
                missers.append((r, o))
        print(f"{deel}: n={len(sub)} accuracy={goed / len(sub):.3f} false_SMART={fout_smart}")
        if deel == "test":
            for r, o in missers:
                print(
                    f"  MIS label={r['label']} judge={o.smart} redenen={o.redenen} | {r['tekst']}"
                )
    begin = time.perf_counter()
    herhalingen = 20
    for _ in range(herhalingen):
        for r in rijen:
            beoordeel_smart(r["tekst"])
    per = (time.perf_counter() - begin) / (herhalingen * len(rijen))
    print(f"time per statement: {per * 1e3:.3f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
