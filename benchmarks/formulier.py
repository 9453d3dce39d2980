"""How long from a field change in the plan editor to the feedback panel refreshed?

Target: under 20 ms (median) for a plan of normal size: 5 ambitions, 10 goals, 10 tactics,
10 means, 20 KPIs. The measurement runs inside a real IPython kernel (widgets then talk to a
comm, as in JupyterLab) and, for comparison, in this process.

    python benchmarks/formulier.py [--herhalingen 200]

Each change runs the whole path a keystroke takes: the widget's value → the item's model value
(validated) → the layer's list → the plan → saved atomically to the file → checked → feedback
panel and tab titles rewritten. The feedback panel's ``value`` is set before the change returns,
so the time until ``invoer.value = ...`` returns is the time to the refreshed panel.
"""

from __future__ import annotations

import argparse
import json
import sys
import textwrap

METING = textwrap.dedent(
    """
    import statistics, tempfile, time
    from pathlib import Path
    from basismodel_edu import bewerk, voorbeeldplan
    from basismodel_edu.plan.model import KPI, Ambitie, Doel, Middel, Tactiek

    def normaal_plan():
        plan = voorbeeldplan()
        plan.visie.ambities = [Ambitie(id=f"A{i}", tekst=f"Ambitie {i}") for i in range(1, 6)]
        plan.doelen = [
            Doel(id=f"D{i}", ambitie=f"A{(i - 1) // 2 + 1}", omschrijving=f"Doel {i}",
                 indicator="volgers", nulmeting=100, streefwaarde=200, eenheid="volgers")
            for i in range(1, 11)
        ]
        plan.middelen = [Middel(id=f"M{i}", naam=f"Middel {i}", kanaal="Instagram",
                                uren_per_maand=4) for i in range(1, 11)]
        plan.tactieken = [Tactiek(id=f"T{i}", naam=f"Tactiek {i}", doelen=[f"D{i}"],
                                  middelen=[f"M{i}"]) for i in range(1, 11)]
        plan.kpis = [KPI(id=f"K{i}", naam=f"KPI {i}", doel=f"D{(i - 1) // 2 + 1}",
                         kanaal="Instagram") for i in range(1, 21)]
        return plan

    def bouwtijden(map_, n=15):
        # Opening a saved normal plan: the editor as the student first sees it (one tab),
        # and with every tab opened once.
        from basismodel_edu.plan.bestand import bewaar_plan
        pad = map_ / "bestaand.json"
        bewaar_plan(normaal_plan(), pad)
        eerst, alles = [], []
        for _ in range(n):
            t = time.perf_counter()
            e = bewerk(pad)
            eerst.append(time.perf_counter() - t)
            t = time.perf_counter()
            for laag in e.lagen:
                e.formulieren(laag)
            alles.append(time.perf_counter() - t + eerst[-1])
        uit = {}
        for naam, tijden in (("bouw_eerste_tab", eerst), ("bouw_alle_tabs", alles)):
            tijden.sort()
            uit[naam] = {"mediaan_s": statistics.median(tijden),
                         "p95_s": tijden[int(0.95 * (len(tijden) - 1))]}
        return uit

    def meet(n):
        map_ = Path(tempfile.mkdtemp(prefix="bm-bench-"))
        t0 = time.perf_counter()
        e = bewerk(map_ / "plan.json")
        e.plan = normaal_plan()
        opbouw = time.perf_counter() - t0
        doelen = e.formulieren("doelen")[0]
        veld = doelen.items[3].velden["omschrijving"].invoer
        getal = doelen.items[3].velden["streefwaarde"].invoer
        ambities = e.formulieren("visie")[0].lijsten["ambities"].items[0].velden["tekst"].invoer
        uit = {"opbouw_s": opbouw, "bevindingen": len(e.uitslag), **bouwtijden(map_)}
        for naam, invoer, waarde in (
            ("doel-omschrijving (ververst 30 doel-keuzelijsten)", veld, lambda i: f"Doel vier, versie {i}"),
            ("streefwaarde met komma (geen keuzelijst)", getal, lambda i: f"{200 + i},5"),
            ("ambitie-tekst (ververst 10 ambitie-keuzelijsten)", ambities, lambda i: f"Ambitie {i}"),
        ):
            tijden = []
            for i in range(n):
                voor = e.feedback.value
                t = time.perf_counter()
                invoer.value = waarde(i)
                tijden.append(time.perf_counter() - t)
                assert e.feedback.value is not voor
            tijden.sort()
            uit[naam] = {
                "mediaan_ms": statistics.median(tijden) * 1000,
                "p95_ms": tijden[int(0.95 * (n - 1))] * 1000,
            }
        assert "Doel vier" in (map_ / "plan.json").read_text(encoding="utf-8")
        return uit
    """
)


def in_kernel(n: int) -> dict:
    from jupyter_client.manager import start_new_kernel

    km, kc = start_new_kernel(kernel_name="python3")
    try:
        kc.execute_interactive(METING, timeout=120)
        regels: list[str] = []

        def uitvoer(msg):
            if msg["msg_type"] == "stream":
                regels.append(msg["content"]["text"])
            elif msg["msg_type"] == "error":
                regels.append("\n".join(msg["content"]["traceback"]))

        kc.execute_interactive(
            f"import json; print(json.dumps(meet({n})))", timeout=300, output_hook=uitvoer
        )
        return json.loads("".join(regels))
    finally:
        km.shutdown_kernel(now=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--herhalingen", type=int, default=200)
    args = ap.parse_args()
    print(f"python {sys.version.split()[0]}; {args.herhalingen} changes per field")
    ruimte: dict = {}
    exec(METING, ruimte)
    for waar, uitslag in (
        ("in an IPython kernel", in_kernel(args.herhalingen)),
        ("in this process (no frontend comm)", ruimte["meet"](args.herhalingen)),
    ):
        print(f"\n{waar}: editor built and filled in {uitslag.pop('opbouw_s'):.2f} s;", end=" ")
        print(f"{uitslag.pop('bevindingen')} findings on the normal plan")
        for naam, uitleg in (
            ("bouw_eerste_tab", "open a saved plan (first tab built)"),
            ("bouw_alle_tabs", "open it and show every tab once"),
        ):
            t = uitslag.pop(naam)
            print(f"  {uitleg:44s} median {t['mediaan_s']:6.3f} s    p95 {t['p95_s']:6.3f} s")
        for naam, t in uitslag.items():
            print(f"  {naam:44s} median {t['mediaan_ms']:6.2f} ms   p95 {t['p95_ms']:6.2f} ms")
    print("\ntarget: median under 20 ms from a field change to the refreshed feedback panel;")
    print("        opening a saved normal plan under 0.5 s (median)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
