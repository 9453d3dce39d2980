"""Write a graded class: gradebook, feedback pages, class overview, ``resultaten.json``.

Written only after every sandbox and every process in it is gone, into a folder no kernel
could reach. HTML comes from the Jinja2 templates in ``sjablonen/`` (autoescaped: a student's
folder name or plan text is shown, never run). Gradebook cells a spreadsheet would read as a
formula are neutralised.
"""

from __future__ import annotations

import csv
import functools
import json
import os
import shutil
from collections import Counter
from pathlib import Path

from ..opdrachten.uitgave import Master
from ..taal.berichten import getal, huidige_taal, tekst
from .score import Beoordeling, Controle, Rubriekpunt

__all__ = [
    "MARKERING",
    "beoordeling_uit_dict",
    "bereid_uitvoer",
    "cel",
    "opzet_van",
    "schrijf",
    "schrijf_verslagen",
]

MARKERING = ".basismodel-nakijken"


def cel(waarde: object) -> str:
    """A gradebook cell a spreadsheet shows as text, never runs as a formula.

    >>> cel("=1+1")
    "'=1+1"
    >>> cel("Jan")
    'Jan'
    """
    tekst_ = str(waarde)
    if tekst_[:1] in ("=", "+", "-", "@", "\t", "\r", "\n") or tekst_[:1] == "\uff1d":
        return "'" + tekst_
    return tekst_


@functools.lru_cache(maxsize=1)
def _omgeving():
    import jinja2

    return jinja2.Environment(
        loader=jinja2.PackageLoader("basismodel_edu.taal", "sjablonen"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )


def laad_sjablonen() -> None:
    """Load and compile the templates now, before any student code runs."""
    for naam in ("feedback.html.j2", "overzicht.html.j2"):
        _omgeving().get_template(naam)


def _render(naam: str, **waarden) -> str:
    return (
        _omgeving().get_template(naam).render(t=tekst, getal=getal, taal=huidige_taal(), **waarden)
    )


def bereid_uitvoer(uit: Path) -> None:
    if uit.exists() and (
        not uit.is_dir() or (any(uit.iterdir()) and not (uit / MARKERING).exists())
    ):
        raise FileExistsError(tekst("nakijken.uitvoer_bezet", pad=str(uit)))


def _label(code: str) -> str:
    """A rule code with its title; the grader's own codes (a count, the plan file) in words."""
    from ..taal.berichten import tekst_delen

    if code.startswith("AANTAL:"):
        return tekst("nakijken.code.aantal", deel=code.split(":", 1)[1])
    if code == "PLAN":
        return tekst("nakijken.code.plan")
    if code.startswith("EIS:"):
        return tekst("nakijken.code.eis", eis=code.split(":", 1)[1])
    return f"{code} {tekst_delen(code).get('titel', '')}"


def _grafiek(pad: Path, telling: list[tuple[str, int]]) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    top = telling[:15][::-1]
    fig, ax = plt.subplots(figsize=(8, 0.4 * len(top) + 1.2))
    ax.barh([label for label, _ in top], [n for _, n in top], color="#1f5f99")
    ax.set_xlabel(tekst("nakijken.overzicht.keer"))
    ax.set_title(tekst("nakijken.grafiek.titel"))
    ax.xaxis.get_major_locator().set_params(integer=True)
    fig.tight_layout()
    fig.savefig(pad, dpi=100, metadata={"Software": None})
    plt.close(fig)


def _zichtbare_regels(master: Master) -> set[str]:
    from ..controle.motor import kies_regels

    zichtbaar: set[str] = set()
    for c in master.controles:
        if not c.verborgen:
            zichtbaar |= {r.code for r in kies_regels(c.argumenten.get("selectie"))}
    return zichtbaar


def opzet_van(master: Master) -> dict:
    """What the reports need of the master, kept in ``resultaten.json`` so that merging a
    rubric later can write them again without the master."""
    return {
        "opdracht": master.naam,
        "maximum": master.maximum,
        "maximum_controles": master.maximum_controles,
        "controles": [
            {
                "naam": c.naam,
                "punten": c.punten,
                "verborgen": c.verborgen,
                "deelpunten": c.deelpunten,
            }
            for c in master.controles
        ],
        "rubriek": [
            {
                "id": r.id,
                "criterium": r.criterium,
                "punten": r.punten,
                "niveaus": [
                    {"punten": n.punten, "omschrijving": n.omschrijving} for n in r.niveaus
                ],
            }
            for r in master.rubriek
        ],
        "zichtbare_regels": sorted(_zichtbare_regels(master)),
    }


def _totaalcel(b: Beoordeling) -> str:
    return getal(b.totaal) if not b.open else tekst("nakijken.rubriek.open")


def _csv(pad: Path, opzet: dict, res: list[Beoordeling], zandbak: bool) -> None:
    kop = [tekst("nakijken.kolom.student")]
    for c in opzet["controles"]:
        kop.append(f"{c['naam']} ({getal(c['punten'])})" + (" *" if c["verborgen"] else ""))
    for r in opzet["rubriek"]:
        kop.append(tekst("nakijken.kolom.rubriek", criterium=r["criterium"], punten=r["punten"]))
    kop += [
        tekst(f"nakijken.kolom.{k}")
        for k in (
            "automatisch",
            "te_laat",
            "totaal",
            "maximum",
            "status",
            "opmerkingen",
            "zandbak",
            "sha256",
        )
    ]
    with open(pad, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f, delimiter=";")
        w.writerow([cel(k) for k in kop])
        for b in res:
            punten = [getal(c.behaald) for c in b.controles] or [""] * len(opzet["controles"])
            rubriek = [
                tekst("nakijken.rubriek.open") if r.behaald is None else getal(r.behaald)
                for r in b.rubriek
            ] or [""] * len(opzet["rubriek"])
            open_ = [r.criterium for r in b.open]
            opm = " | ".join(
                x
                for x in (
                    b.reden,
                    tekst("nakijken.rubriek.open_opmerking", criteria=", ".join(open_))
                    if open_ and b.status == "beoordeeld"
                    else "",
                    *b.opmerkingen,
                    *b.voor_docent,
                )
                if x
            )
            w.writerow(
                [
                    cel(x)
                    for x in (
                        b.student,
                        *punten,
                        *rubriek,
                        getal(b.automatisch),
                        tekst("waarde.ja") if b.te_laat else "",
                        _totaalcel(b) if b.status == "beoordeeld" else "",
                        getal(opzet["maximum"]),
                        tekst(f"nakijken.status.{b.status}"),
                        opm,
                        tekst("waarde.ja" if zandbak else "waarde.nee"),
                        b.bewijs.get("inzending_sha256", ""),
                    )
                ]
            )


def _als_dict(b: Beoordeling, opzet: dict) -> dict:
    return {
        "student": b.student,
        "status": b.status,
        # Only a complete grade has a total: open rubric points are no number, never 0.
        "totaal": b.eindtotaal,
        "bekend": b.totaal,
        "automatisch": b.automatisch,
        "open": [r.id for r in b.open] if b.status == "beoordeeld" else [],
        "maximum": opzet["maximum"],
        "te_laat": b.te_laat,
        "reden": b.reden,
        "opmerkingen": b.opmerkingen,
        "voor_docent": b.voor_docent,
        "controles": [c.__dict__ for c in b.controles],
        "rubriek": [r.__dict__ for r in b.rubriek],
        "regels": b.regels,
        "bevindingen": b.bevindingen,
        "bestand": b.bestand,
        "bewijs": b.bewijs,
    }


def beoordeling_uit_dict(d: dict) -> Beoordeling:
    """A :class:`Beoordeling` as ``resultaten.json`` keeps it."""
    return Beoordeling(
        student=d["student"],
        status=d["status"],
        controles=[Controle(**c) for c in d.get("controles", [])],
        opmerkingen=list(d.get("opmerkingen", [])),
        voor_docent=list(d.get("voor_docent", [])),
        reden=d.get("reden", ""),
        regels=list(d.get("regels", [])),
        bevindingen=list(d.get("bevindingen", [])),
        bestand=d.get("bestand", ""),
        bewijs=dict(d.get("bewijs", {})),
        rubriek=[Rubriekpunt(**r) for r in d.get("rubriek", [])],
        te_laat=bool(d.get("te_laat", False)),
    )


def schrijf_verslagen(
    map_: Path, opzet: dict, res: list[Beoordeling], zipmeldingen: list[dict], bewijs: dict
) -> None:
    """Write gradebook, feedback pages, class overview and ``resultaten.json`` into ``map_``
    (a folder of its own that the caller puts in place when everything is written)."""
    _csv(map_ / "cijferlijst.csv", opzet, res, bewijs["zandbak"])
    with open(map_ / "onbeoordeelbaar.csv", "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f, delimiter=";")
        w.writerow([cel(tekst("nakijken.kolom.student")), cel(tekst("nakijken.overzicht.reden"))])
        for b in res:
            if b.status == "onbeoordeelbaar":
                w.writerow([cel(b.student), cel(" | ".join([b.reden, *b.voor_docent]))])
        for m in zipmeldingen:
            w.writerow([cel(tekst("nakijken.kolom.zip_lid", naam=m["naam"])), cel(m["reden"])])
    zichtbaar = set(opzet["zichtbare_regels"])
    (map_ / "feedback").mkdir(exist_ok=True)
    for b in res:
        pagina = _render(
            "feedback.html.j2",
            titel=tekst("nakijken.feedback.titel", opdracht=opzet["opdracht"], student=b.student),
            b=b,
            maximum=opzet["maximum"],
            open_punten=sum(r.punten for r in b.open),
            # Findings of the whole plan, minus what only hidden checks look at.
            bevindingen=[x for x in b.bevindingen if x["code"] in zichtbaar],
        )
        (map_ / "feedback" / f"{b.bestand}.html").write_text(pagina, encoding="utf-8")
    beoordeeld = [b for b in res if b.status == "beoordeeld"]
    telling = sorted(
        Counter(code for b in beoordeeld for code in b.regels).items(), key=lambda x: (-x[1], x[0])
    )
    gelabeld = [(_label(code), n) for code, n in telling]
    if telling:
        _grafiek(map_ / "overzicht.png", gelabeld)
    per_controle = [
        (
            c["naam"] + (" *" if c["verborgen"] else ""),
            sum(1 for b in beoordeeld if b.controles[i].behaald >= c["punten"]),
        )
        for i, c in enumerate(opzet["controles"])
    ]
    compleet = [b for b in beoordeeld if not b.open]
    gem = sum(b.totaal for b in compleet) / len(compleet) if compleet else 0
    (map_ / "overzicht.html").write_text(
        _render(
            "overzicht.html.j2",
            titel=tekst("nakijken.overzicht.titel", opdracht=opzet["opdracht"]),
            res=res,
            beoordeeld=beoordeeld,
            open_=[b for b in beoordeeld if b.open],
            weg=[b for b in res if b.status == "onbeoordeelbaar"],
            zip=zipmeldingen,
            telling=gelabeld,
            per_controle=per_controle,
            gemiddelde=round(gem, 1),
            maximum=opzet["maximum"],
            zandbak=bewijs["zandbak"],
        ),
        encoding="utf-8",
    )
    gegevens = {
        "bewijs": bewijs,
        "opdracht": opzet,
        "studenten": [_als_dict(b, opzet) for b in res],
        "zip": zipmeldingen,
    }
    (map_ / "resultaten.json").write_text(
        json.dumps(gegevens, ensure_ascii=False, indent=1), encoding="utf-8"
    )


def schrijf(
    uit: Path,
    master: Master,
    res: list[Beoordeling],
    herbouwd: dict[str, tuple[object, bytes | None]],
    zipmeldingen: list,
    bewijs: dict,
) -> None:
    """Write the output folder in a temporary sibling, then put it in place in one step."""
    import nbformat

    tijdelijk = uit.with_name(f".{uit.name}.bezig-{os.getpid()}")
    if tijdelijk.exists():
        shutil.rmtree(tijdelijk)
    tijdelijk.mkdir(parents=True)
    (tijdelijk / MARKERING).write_text("basismodel-edu grade\n", encoding="utf-8")
    schrijf_verslagen(tijdelijk, opzet_van(master), res, [m.__dict__ for m in zipmeldingen], bewijs)
    map_ = tijdelijk / "herbouwd"
    map_.mkdir()
    for naam, (nb, plan) in herbouwd.items():
        (map_ / naam).mkdir()
        if plan is not None:
            (map_ / naam / master.plan).write_bytes(plan)
        nbformat.write(nb, map_ / naam / "opdracht.ipynb")
    zet_op_zijn_plek(tijdelijk, uit)


def zet_op_zijn_plek(tijdelijk: Path, uit: Path) -> None:
    """Put the complete folder ``tijdelijk`` in the place of ``uit`` in one step."""
    # Earlier output of ours is replaced only now, when the new one is complete.
    if uit.exists():
        oud = uit.with_name(f".{uit.name}.oud-{os.getpid()}")
        os.replace(uit, oud)
        os.replace(tijdelijk, uit)
        shutil.rmtree(oud, ignore_errors=True)
    else:
        os.replace(tijdelijk, uit)
