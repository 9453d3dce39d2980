"""Pictures of the model and of a plan, and a printable one-page summary of a plan.

* :func:`teken_basismodel` draws the basismodel itself (the source refers to a picture that is not
  there; this one is ours): the layers, their key questions, and the arrow of reasoning back from
  the KPIs to the mission.
* :func:`teken_plan` draws a plan's links, with breaks, missing links and loose parts marked by
  symbol, line style and hatching as well as colour.
* :func:`plan_samenvatting` gives an HTML page a student can hand in or print.

matplotlib is imported inside the functions, so ``import basismodel_edu`` stays light. Figures
are made without pyplot, so a notebook shows each one once (as the cell's value).
"""

from __future__ import annotations

import html
import os
import textwrap
from collections.abc import Iterable
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..taal.berichten import huidige_taal, keuze, tekst
from ..taal.figuren import nieuwe_figuur

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from ..plan.model import Plan

__all__ = ["Samenvatting", "plan_samenvatting", "teken_basismodel", "teken_plan"]

#: What :func:`teken_basismodel` can highlight.
MARKERINGEN = ("missie", "visie", "strategie", "tactieken", "middelen", "doelen", "kpis")

_RAND = "#37474f"
_VLAK = "#eceff1"
_MARKEER_VLAK = "#fff3c4"
_FOUT = "#c62828"
_LOS = "#8a5a00"


def _figuur(breedte: float, hoogte: float) -> Figure:
    return nieuwe_figuur(figsize=(breedte, hoogte), layout=None)


def teken_basismodel(markeer: str | None = None) -> Figure:
    """The basismodel as a figure: missie, visie, strategie (tactiek, middelen, doelen), KPI's.

    ``markeer`` highlights one layer (thick border, another fill and the words "je bent hier"),
    to show where a lesson is: one of ``missie``, ``visie``, ``strategie``, ``tactieken``,
    ``middelen``, ``doelen``, ``kpis``.
    """
    from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

    if markeer is not None and markeer not in MARKERINGEN:
        raise ValueError(
            tekst("diagram.onbekende_markering", keuze=markeer, lagen=", ".join(MARKERINGEN))
        )
    fig = _figuur(9, 9.5)
    hier = (
        "" if markeer is None else tekst("diagram.alt_hier", laag=tekst(f"diagram.laag.{markeer}"))
    )
    fig.bm_alt = tekst("diagram.alt", hier=hier)
    ax = fig.add_axes((0.02, 0.04, 0.96, 0.9))
    ax.set_xlim(0, 10)
    ax.set_ylim(0.6, 12)
    ax.set_axis_off()
    fig.suptitle(tekst("diagram.titel"), fontsize=14, fontweight="bold")

    # (layer, x0, y0, width, height, key-question width in characters)
    vakken = [
        ("missie", 0.3, 10.3, 7.6, 1.3, 80),
        ("visie", 0.3, 8.7, 7.6, 1.3, 80),
        ("strategie", 0.3, 2.9, 7.6, 5.5, 80),
        ("tactieken", 0.7, 5.95, 6.8, 1.25, 70),
        ("middelen", 0.7, 4.55, 6.8, 1.2, 70),
        ("doelen", 0.7, 3.15, 6.8, 1.2, 70),
        ("kpis", 0.3, 1.2, 7.6, 1.3, 80),
    ]
    for laag, x, y, b, h, breedte in vakken:
        gemarkeerd = laag == markeer
        vak = FancyBboxPatch(
            (x, y),
            b,
            h,
            boxstyle="round,pad=0.02,rounding_size=0.15",
            linewidth=3.5 if gemarkeerd else 1.2,
            edgecolor="#000000" if gemarkeerd else _RAND,
            facecolor=_MARKEER_VLAK
            if gemarkeerd
            else ("#ffffff" if laag != "strategie" else _VLAK),
            zorder=1 if laag == "strategie" else 2,
        )
        vak.set_gid(f"laag-{laag}")
        ax.add_patch(vak)
        kop_y = y + h - 0.3
        ax.text(
            x + 0.2,
            kop_y,
            tekst(f"diagram.laag.{laag}"),
            fontsize=13 if laag in ("missie", "visie", "strategie", "kpis") else 11.5,
            fontweight="bold",
            va="top",
            zorder=3,
        )
        ax.text(
            x + 0.2,
            kop_y - 0.42,
            textwrap.fill(tekst(f"diagram.vraag.{laag}"), breedte),
            fontsize=9.5,
            va="top",
            style="italic",
            zorder=3,
        )
        if gemarkeerd:
            ax.text(
                x + b - 0.2,
                kop_y,
                tekst("diagram.hier"),
                fontsize=11,
                fontweight="bold",
                ha="right",
                va="top",
                zorder=3,
            ).set_gid("hier")

    # The chain read top-down (derivation) between the main layers.
    for y_van, y_naar in ((10.3, 10.0), (8.7, 8.4), (2.9, 2.5)):
        ax.add_patch(
            FancyArrowPatch(
                (4.1, y_van), (4.1, y_naar), arrowstyle="-|>", mutation_scale=14, color=_RAND
            )
        )
    # Reasoning back: from the KPIs up to the mission, the model's central idea.
    terug = FancyArrowPatch(
        (8.1, 1.85),
        (8.1, 10.95),
        connectionstyle="arc3,rad=0.22",
        arrowstyle="-|>",
        mutation_scale=22,
        linewidth=2.5,
        color="#1f5f99",
        zorder=4,
    )
    terug.set_gid("terugredeneren")
    ax.add_patch(terug)
    ax.text(
        9.75,
        6.4,
        tekst("diagram.terug"),
        rotation=90,
        ha="center",
        va="center",
        fontsize=11,
        fontweight="bold",
        color="#1f5f99",
    )
    fig.text(0.02, 0.01, tekst("diagram.bron"), fontsize=7, color="#444444")
    return fig


# --- The plan's own links ---------------------------------------------------------------------

_KOLOMMEN = ("missie", "visie", "ambities", "doelen", "kpis", "tactieken", "middelen")


class _Knoop:
    __slots__ = ("id", "kolom", "label", "los", "merken", "sleutel", "y")

    def __init__(self, kolom: str, sleutel: str, id_: str, label: str):
        self.kolom = kolom
        self.sleutel = sleutel
        self.id = id_
        self.label = label
        self.merken: list[str] = []  # texts of breaks (each starts with ✖)
        self.los = False
        self.y = 0.0


def _kort(t: str, n: int = 28) -> str:
    t = " ".join(t.split())
    return t if len(t) <= n else t[: n - 1] + "…"


def _grafiek(plan: Plan) -> tuple[dict[str, list[_Knoop]], list[tuple[_Knoop, _Knoop, bool]]]:
    """The nodes per column and the edges (from, to, broken) of a plan's links."""
    from ..controle.herleiding import ketens
    from ..controle.index import Index

    ix = Index(plan)
    kolommen: dict[str, list[_Knoop]] = {k: [] for k in _KOLOMMEN}
    per_sleutel: dict[str, _Knoop] = {}

    def knoop(kolom: str, sleutel: str, id_: str, label: str) -> _Knoop:
        k = _Knoop(kolom, sleutel, id_, label)
        kolommen[kolom].append(k)
        per_sleutel.setdefault(sleutel, k)
        return k

    leeg = tekst("diagram.plan.leeg")
    missie = knoop("missie", "missie", "", _kort(plan.missie.tekst) or leeg)
    visie = knoop("visie", "visie", "", _kort(plan.visie.tekst) or leeg)
    for k, t in ((missie, plan.missie.tekst), (visie, plan.visie.tekst)):
        if not t.strip():
            k.merken.append(tekst("diagram.plan.geen_link", wat=leeg.strip("()")))

    # Order each column after the one it hangs from, so lines cross as little as possible.
    volgorde_a = {a.id: i for i, a in enumerate(plan.visie.ambities)}
    doelen = sorted(plan.doelen, key=lambda d: volgorde_a.get(d.ambitie, len(volgorde_a)))
    volgorde_d = {d.id: i for i, d in enumerate(doelen)}
    kpis = sorted(plan.kpis, key=lambda k: volgorde_d.get(k.doel, len(volgorde_d)))
    tactieken = sorted(
        plan.tactieken,
        key=lambda t: min((volgorde_d.get(d, len(volgorde_d)) for d in t.doelen), default=999),
    )
    volgorde_t = {t.id: i for i, t in enumerate(tactieken)}
    middelen = sorted(
        plan.middelen,
        key=lambda m: min((volgorde_t[t.id] for t in tactieken if m.id in t.middelen), default=999),
    )

    for a in plan.visie.ambities:
        knoop("ambities", f"A:{a.id}", a.id, _kort(a.tekst))
    for d in doelen:
        knoop("doelen", f"D:{d.id}", d.id, _kort(d.omschrijving))
    for k in kpis:
        knoop("kpis", f"K:{k.id}", k.id, _kort(k.naam or k.definitie))
    for t in tactieken:
        knoop("tactieken", f"T:{t.id}", t.id, _kort(t.naam or t.omschrijving))
    for m in middelen:
        knoop("middelen", f"M:{m.id}", m.id, _kort(m.naam or m.kanaal))

    randen: list[tuple[_Knoop, _Knoop, bool]] = [(missie, visie, not plan.visie.tekst.strip())]

    def doelwit(kolom: str, voorvoegsel: str, id_: str) -> tuple[_Knoop, bool]:
        """The node an id refers to, or a marked stand-in for an id that does not exist."""
        bestaand = per_sleutel.get(f"{voorvoegsel}:{id_}")
        if bestaand is not None:
            return bestaand, False
        spook = knoop(kolom, f"{voorvoegsel}:{id_}", id_, "")
        spook.merken.append(tekst("diagram.plan.ontbreekt", id=id_))
        return spook, True

    def geen(wat: str) -> str:
        return tekst("diagram.plan.geen_link", wat=wat)

    for a in plan.visie.ambities:
        randen.append((visie, per_sleutel[f"A:{a.id}"], False))
    for d in doelen:
        kd = per_sleutel[f"D:{d.id}"]
        if not d.ambitie:
            kd.merken.append(geen(tekst("keten.laag.ambitie").lower()))
        else:
            ka, kapot = doelwit("ambities", "A", d.ambitie)
            randen.append((ka, kd, kapot))
    for k in kpis:
        kk = per_sleutel[f"K:{k.id}"]
        if not k.doel:
            kk.merken.append(geen(tekst("keten.laag.doel").lower()))
        else:
            kd, kapot = doelwit("doelen", "D", k.doel)
            randen.append((kd, kk, kapot))
    for t in tactieken:
        kt = per_sleutel[f"T:{t.id}"]
        if not t.doelen:
            kt.merken.append(geen(tekst("keten.laag.doel").lower()))
        for d in t.doelen:
            kd, kapot = doelwit("doelen", "D", d)
            randen.append((kd, kt, kapot))
        for m in t.middelen:
            km, kapot = doelwit("middelen", "M", m)
            randen.append((kt, km, kapot))

    # Loose parts: nothing refers to them, so they cannot be reasoned back or forth.
    for a in plan.visie.ambities:
        per_sleutel[f"A:{a.id}"].los = a.id not in ix.doelen_per_ambitie
    for d in doelen:
        per_sleutel[f"D:{d.id}"].los = d.id not in ix.kpis_per_doel
    for m in middelen:
        per_sleutel[f"M:{m.id}"].los = m.id not in ix.gebruikte_middelen

    # A KPI whose chain breaks higher up (e.g. a channel the mission never named).
    for keten in ketens(plan):
        kk = per_sleutel.get(f"K:{keten.kpi}")
        if kk is not None and not keten.heel and not kk.merken:
            kk.merken.append(tekst("diagram.plan.keten_breekt"))
    return kolommen, randen


def teken_plan(plan: Plan, pad: str | os.PathLike[str] | None = None) -> Figure:
    """The plan's links as a figure: mission, vision, ambitions, goals, KPIs, tactics, means.

    A broken link (to an id that does not exist) is a dashed line to a stand-in marked ✖; a
    missing link is marked ✖ on the part itself with a dashed border; a loose part (nothing
    refers to it) has a dotted border and is marked ⚠. With ``pad`` (ending in ``.png`` or ``.svg``) the
    figure is also saved there.
    """
    kolommen, randen = _grafiek(plan)
    if pad is not None and Path(pad).suffix.lower() not in (".png", ".svg"):
        raise ValueError(tekst("diagram.plan.onbekend_formaat", pad=pad))
    hoogste = max(len(k) for k in kolommen.values())
    hoogte = max(4.5, 0.42 * hoogste + 2.2)
    fig = _figuur(19, hoogte)
    ax = fig.add_axes((0.01, 0.07, 0.98, 0.86))
    ax.set_xlim(-0.5, len(_KOLOMMEN) - 0.5)
    ax.set_ylim(-0.6, hoogste + 0.4)
    ax.set_axis_off()
    fig.suptitle(
        tekst("diagram.plan.titel", naam=plan.organisatie.naam or "?"),
        fontsize=13,
        fontweight="bold",
    )

    x_van = {k: i for i, k in enumerate(_KOLOMMEN)}
    for kolom, knopen in kolommen.items():
        naam = tekst("veld.Visie.ambities" if kolom == "ambities" else f"editor.laag.{kolom}")
        ax.text(x_van[kolom], hoogste + 0.1, naam, ha="center", fontsize=11, fontweight="bold")
        n = len(knopen)
        for i, k in enumerate(knopen):
            # spread the column evenly over the full height
            k.y = (hoogste - 1) / 2 if n == 1 else (hoogste - 1) * (1 - i / (n - 1))

    gaten: dict[int, list[float]] = {}
    for kolom, knopen in kolommen.items():
        ys = sorted(k.y for k in knopen)
        gaten[x_van[kolom]] = (
            [ys[0] - 0.5, *((a + b) / 2 for a, b in pairwise(ys)), ys[-1] + 0.5] if ys else []
        )
    for van, naar, kapot in randen:
        # Centre to centre, under the boxes, so every line visibly ends at its box. A link that
        # skips a column (goal → tactic passes the KPIs) goes through the gap between two boxes
        # there, so it never seems to end at a box it only passes.
        x0, x1 = x_van[van.kolom], x_van[naar.kolom]
        xs, ys = [x0], [van.y]
        for x in range(min(x0, x1) + 1, max(x0, x1)):
            rechtdoor = van.y + (naar.y - van.y) * (x - x0) / (x1 - x0)
            xs.append(x)
            ys.append(min(gaten[x], key=lambda g: abs(g - rechtdoor)) if gaten[x] else rechtdoor)
        xs.append(x1)
        ys.append(naar.y)
        ax.plot(
            xs,
            ys,
            color=_FOUT if kapot else "#78909c",
            linestyle=(0, (4, 3)) if kapot else "-",
            linewidth=1.6 if kapot else 0.9,
            zorder=1,
            gid="breuk" if kapot else "link",
        )

    for knopen in kolommen.values():
        for k in knopen:
            regels = [f"{k.id} {k.label}".strip()] if k.label or not k.merken else []
            if k.los:
                regels[0] = f"{tekst('diagram.plan.los')} {regels[0]}"
            regels += k.merken
            stuk = bool(k.merken)
            ax.text(
                x_van[k.kolom],
                k.y,
                "\n".join(regels),
                ha="center",
                va="center",
                fontsize=7.5,
                zorder=3,
                color=_FOUT if stuk else "#1a1a1a",
                gid=f"knoop-{k.kolom}-{k.id}",
                bbox={
                    "boxstyle": "round,pad=0.3",
                    "facecolor": "#fdecea" if stuk else ("#fff4e0" if k.los else "#ffffff"),
                    "edgecolor": _FOUT if stuk else (_LOS if k.los else _RAND),
                    "linestyle": "--" if stuk else (":" if k.los else "-"),
                    "linewidth": 1.4 if stuk else (2.0 if k.los else 0.8),
                },
            )
    fig.text(0.01, 0.015, tekst("diagram.plan.legenda"), fontsize=8.5)
    if pad is not None:
        pad = Path(pad)
        pad.parent.mkdir(parents=True, exist_ok=True)
        fig.savefig(pad, dpi=130, bbox_inches="tight", metadata=_metadata(pad))
    return fig


def _metadata(pad: Path) -> dict[str, Any]:
    # SVG files carry a creation date by default; without it the same plan gives the same file.
    return {"Date": None} if pad.suffix.lower() == ".svg" else {}


# --- The printable summary ----------------------------------------------------------------------


class Samenvatting:
    """A one-page HTML summary of a plan; shows itself in a notebook, ``bewaar(pad)`` writes it."""

    def __init__(self, titel: str, inhoud: str):
        self.titel = titel
        self.inhoud = inhoud

    @property
    def html(self) -> str:
        """The whole page, ready to print or hand in."""
        return (
            f"<!DOCTYPE html>\n<html lang='{huidige_taal()}'><head><meta charset='utf-8'>"
            f"<title>{html.escape(self.titel)}</title><style>{_CSS}</style></head>"
            f"<body>{self.inhoud}</body></html>\n"
        )

    def _repr_html_(self) -> str:
        return f"<div class='bm-samenvatting'><style>{_CSS_NOTEBOOK}</style>{self.inhoud}</div>"

    def bewaar(self, pad: str | os.PathLike[str]) -> Path:
        """Write the page to ``pad`` (UTF-8) and return the path."""
        pad = Path(pad)
        pad.parent.mkdir(parents=True, exist_ok=True)
        pad.write_text(self.html, encoding="utf-8")
        return pad

    def __repr__(self) -> str:
        return self.titel


_CSS = (
    "@page{size:A4;margin:8mm}"
    "body{font-family:Helvetica,Arial,sans-serif;font-size:7pt;line-height:1.2;color:#1a1a1a;max-width:194mm}"
    "h1{font-size:13pt;margin:0 0 3px}h2{font-size:9.5pt;margin:4px 0 1px;border-bottom:1px solid #999}"
    "table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:1px 4px;"
    "vertical-align:top;border-bottom:1px solid #ddd}p{margin:1px 0}ul{margin:2px 0;padding-left:1.2em}"
    "footer{margin-top:6px;font-size:7pt;color:#555}"
)
_CSS_NOTEBOOK = (
    ".bm-samenvatting h2{font-size:1.1em;border-bottom:1px solid #999}"
    ".bm-samenvatting td,.bm-samenvatting th{text-align:left;padding:2px 5px;vertical-align:top}"
)


#: Fields whose value is one of the plan's fixed choices: shown by their label.
_KEUZEVELDEN = {"soort", "familie", "niveau", "frequentie", "duurzaamheid", "richting", "modus"}


def _toon(veld: str, x: Any) -> str:
    if isinstance(x, bool):
        return html.escape(tekst("form.keuze.ja" if x else "form.keuze.nee"))
    if veld in _KEUZEVELDEN and isinstance(x, str) and x:
        return html.escape(keuze(x))
    return _e(x)


def _e(x: Any) -> str:
    if x is None or x == "" or x == []:
        return "—"
    if isinstance(x, float):
        x = f"{x:g}"
    if isinstance(x, list):
        x = ", ".join(map(str, x))
    return html.escape(str(x))


def _tabel(model: str, velden: Iterable[str], rijen: list[Any]) -> str:
    velden = list(velden)
    if not rijen:
        return f"<p><i>{html.escape(tekst('overzicht.geen'))}</i></p>"
    kop = "".join(f"<th>{html.escape(tekst(f'veld.{model}.{v}'))}</th>" for v in velden)
    body = "".join(
        "<tr>" + "".join(f"<td>{_toon(v, getattr(r, v))}</td>" for v in velden) + "</tr>"
        for r in rijen
    )
    return f"<table><thead><tr>{kop}</tr></thead><tbody>{body}</tbody></table>"


def _velden(model: str, obj: Any, velden: Iterable[str]) -> str:
    return "".join(
        f"<p><b>{html.escape(tekst(f'veld.{model}.{v}'))}:</b> {_toon(v, getattr(obj, v))}</p>"
        for v in velden
    )


_MAX_OP_PAPIER = 10
_TEKEN = {"fout": "✖", "waarschuwing": "⚠", "hint": "ℹ"}


def _controle_kort(uitslag: Any) -> str:
    """The check on paper: the totals, then the first findings (errors first), one line each."""
    from ..controle.motor import ERNST

    eerst = sorted(uitslag.bevindingen, key=lambda b: ERNST.index(b.ernst))
    regels = [
        f"<li>{_TEKEN[b.ernst]} {html.escape(tekst('ernst.' + b.ernst))} "
        f"<code>{html.escape(b.code)}</code> <code>{html.escape(b.pad)}</code>: "
        f"{html.escape(b.delen()['wat'])}</li>"
        for b in eerst[:_MAX_OP_PAPIER]
    ]
    if len(eerst) > _MAX_OP_PAPIER:
        meer = tekst("editor.feedback.meer", aantal=len(eerst) - _MAX_OP_PAPIER)
        regels.append(f"<li>{html.escape(meer)}</li>")
    if not regels:
        regels.append(f"<li>✔ {html.escape(tekst('uitslag.niets'))}</li>")
    return f"<p><b>{html.escape(uitslag.samenvatting())}</b></p><ul>{''.join(regels)}</ul>"


def _ketens_kort(tabel: Any) -> str:
    """Every KPI's chain on one line: each step with ✔ or ✖, and where it breaks."""
    rijen = []
    for k in tabel:
        stappen = " → ".join(
            f"{'✔' if s.ok else '✖'} {html.escape(s.id or tekst('keten.laag.' + s.laag))}"
            for s in k.schakels
        )
        reden = html.escape(k.breuk.reden()) if k.breuk else ""
        rijen.append(f"<tr><td>{stappen}</td><td>{reden}</td></tr>")
    kop = html.escape(
        tekst("keten.samenvatting", heel=len(tabel) - len(tabel.gebroken), totaal=len(tabel))
    )
    if not rijen:
        return f"<p><b>{kop}</b></p>"
    return (
        f"<p><b>{kop}</b></p><table><thead><tr><th></th>"
        f"<th>{html.escape(tekst('keten.kolom.breuk'))}</th></tr></thead>"
        f"<tbody>{''.join(rijen)}</tbody></table>"
    )


def plan_samenvatting(plan: Plan) -> Samenvatting:
    """A one-page printable summary of ``plan``: every layer, the check result and the KPI chains."""
    from .. import __version__
    from ..controle.herleiding import ketens
    from ..controle.motor import controleer

    o = plan.organisatie
    titel = tekst("overzicht.titel", naam=o.naam or "?")
    ja_nee = {True: tekst("form.keuze.ja"), False: tekst("form.keuze.nee"), None: "—"}
    missie = plan.missie.model_copy(
        update={"social_media_past": ja_nee[plan.missie.social_media_past]}
    )
    delen = [
        f"<h1>{html.escape(titel)}</h1>",
        _velden("Organisatie", o, ("sector", "omschrijving")),
        _velden("Plan", plan, ("peildatum", "modus")),
        f"<h2>{html.escape(tekst('overzicht.controle'))}</h2>",
        _controle_kort(controleer(plan)),
        f"<h2>{html.escape(tekst('editor.laag.missie'))}</h2>",
        _velden(
            "Missie",
            missie,
            ("tekst", "kernwaarden", "identiteit", "social_media_past", "toelichting", "kanalen"),
        ),
        f"<h2>{html.escape(tekst('editor.laag.visie'))}</h2>",
        _velden("Visie", plan.visie, ("tekst", "gewenst_imago", "social_media")),
        _tabel("Ambitie", ("id", "tekst"), plan.visie.ambities),
        f"<h2>{html.escape(tekst('editor.laag.doelen'))}</h2>",
        _tabel(
            "Doel",
            (
                "id",
                "ambitie",
                "omschrijving",
                "nulmeting",
                "streefwaarde",
                "eenheid",
                "deadline",
                "eigenaar",
            ),
            plan.doelen,
        ),
        f"<h2>{html.escape(tekst('editor.laag.tactieken'))}</h2>",
        _tabel("Tactiek", ("id", "naam", "doelen", "middelen", "start", "eind"), plan.tactieken),
        f"<h2>{html.escape(tekst('editor.laag.middelen'))}</h2>",
        _tabel(
            "Middel",
            ("id", "naam", "kanaal", "uren_per_maand", "euro_per_maand", "duurzaamheid"),
            plan.middelen,
        ),
        f"<h2>{html.escape(tekst('editor.laag.kpis'))}</h2>",
        _tabel(
            "KPI",
            ("id", "doel", "naam", "kanaal", "norm", "eenheid", "frequentie", "bron", "familie"),
            plan.kpis,
        ),
        f"<h2>{html.escape(tekst('overzicht.ketens'))}</h2>",
        _ketens_kort(ketens(plan)),
        f"<footer>{html.escape(tekst('overzicht.voet', versie=__version__))}</footer>",
    ]
    return Samenvatting(titel, "\n".join(delen))
