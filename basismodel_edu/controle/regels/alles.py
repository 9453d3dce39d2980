"""The consistency rules of the basismodel, one function per code.

Each function receives the plan's :class:`~basismodel_edu.index.Index` and yields
``(pad, waarden)`` for each element it finds wrong; the engine (:mod:`.controle`) adds the
severity and the message. Codes are stable: a rule that is dropped leaves its code unused.
Lessons: 01 missie, 02 visie, 03 strategie, 04 KPI's, 05 terugredeneren, 06 meten.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from datetime import date
from functools import lru_cache
from typing import Any

from ...taal.berichten import Keuze
from ...taal.getallen import GetalFout, lees_getal
from ..index import Index
from ..motor import regel
from ..opvulling import geeft_reden, opvulling
from ..platforms import GESTOPT, is_social_medium, normaliseer_kanaal, trend
from ..smart import beoordeel_smart

__all__: list[str] = []  # rules are reached through the registry, never imported by name

Vondsten = Iterator[tuple[str, dict[str, Any]]]


def _leeg(tekst: str) -> bool:
    return not tekst.strip()


# --- BM0xx structuur ------------------------------------------------------------------------


@regel("BM001", "fout", "plan", "05")
def dubbele_ids(ix: Index) -> Vondsten:
    plan = ix.plan
    lijsten = {
        "visie.ambities": plan.visie.ambities,
        "doelen": plan.doelen,
        "tactieken": plan.tactieken,
        "middelen": plan.middelen,
        "kpis": plan.kpis,
    }
    gezien: dict[str, str] = {}
    for naam, lijst in lijsten.items():
        for i, item in enumerate(lijst):
            pad = f"{naam}[{i}].id"
            if item.id in gezien:
                yield pad, {"id": item.id, "eerder": gezien[item.id]}
            else:
                gezien[item.id] = pad


# --- BM1xx volledigheid -----------------------------------------------------------------------


@regel("BM101", "fout", "plan", "00")
def organisatie_naam(ix: Index) -> Vondsten:
    if _leeg(ix.plan.organisatie.naam):
        yield "organisatie.naam", {}


@regel("BM102", "fout", "missie", "01", lerend="hint")
def missie_tekst(ix: Index) -> Vondsten:
    if _leeg(ix.plan.missie.tekst):
        yield "missie.tekst", {}


@regel("BM103", "waarschuwing", "missie", "01", lerend="hint")
def missie_kernwaarden(ix: Index) -> Vondsten:
    if not any(w.strip() for w in ix.plan.missie.kernwaarden):
        yield "missie.kernwaarden", {}


@regel("BM104", "waarschuwing", "missie", "01", lerend="hint")
def missie_identiteit(ix: Index) -> Vondsten:
    if _leeg(ix.plan.missie.identiteit):
        yield "missie.identiteit", {}


@regel("BM105", "fout", "missie", "01", lerend="hint")
def missie_social_media_past(ix: Index) -> Vondsten:
    if ix.plan.missie.social_media_past is None:
        yield "missie.social_media_past", {}


@regel("BM106", "waarschuwing", "missie", "01", lerend="hint")
def missie_toelichting(ix: Index) -> Vondsten:
    if ix.plan.missie.social_media_past is not None and _leeg(ix.plan.missie.toelichting):
        yield "missie.toelichting", {}


@regel("BM107", "fout", "missie", "01", lerend="hint")
def missie_kanalen(ix: Index) -> Vondsten:
    if ix.plan.missie.social_media_past and not ix.missie_kanalen:
        yield "missie.kanalen", {}


@regel("BM108", "waarschuwing", "plan", "03")
def peildatum(ix: Index) -> Vondsten:
    if ix.plan.peildatum is None:
        yield "peildatum", {}


def _opvulvelden(velden) -> Vondsten:
    for pad, tekst_ in velden:
        if opvulling(tekst_) == "opvulling":
            yield pad, {"tekst": _kort(tekst_)}


@regel("BM109", "waarschuwing", "missie", "01", heuristiek=True)
def missie_opvulling(ix: Index) -> Vondsten:
    m = ix.plan.missie
    velden = [("missie.tekst", m.tekst), ("missie.identiteit", m.identiteit)]
    velden += [("missie.toelichting", m.toelichting)]
    velden += [(f"missie.kernwaarden[{i}]", w) for i, w in enumerate(m.kernwaarden)]
    yield from _opvulvelden(velden)


# A mission answers what the business does, for whom and why: fewer words than this cannot.
MIN_WOORDEN_MISSIE = 8


def _dun(pad: str, tekst_: str, minimum: int) -> Vondsten:
    if opvulling(tekst_, minimum) == "dun":
        yield pad, {"tekst": _kort(tekst_), "min": minimum}


@regel("BM110", "waarschuwing", "missie", "01", heuristiek=True)
def missie_dun(ix: Index) -> Vondsten:
    yield from _dun("missie.tekst", ix.plan.missie.tekst, MIN_WOORDEN_MISSIE)


@regel("BM111", "fout", "visie", "02", lerend="hint")
def visie_tekst(ix: Index) -> Vondsten:
    if _leeg(ix.plan.visie.tekst):
        yield "visie.tekst", {}


@regel("BM112", "fout", "visie", "02", lerend="hint")
def visie_ambities(ix: Index) -> Vondsten:
    if not ix.plan.visie.ambities:
        yield "visie.ambities", {}


@regel("BM113", "waarschuwing", "visie", "02", lerend="hint")
def visie_imago(ix: Index) -> Vondsten:
    if _leeg(ix.plan.visie.gewenst_imago):
        yield "visie.gewenst_imago", {}


@regel("BM114", "waarschuwing", "visie", "02", lerend="hint")
def visie_social_media(ix: Index) -> Vondsten:
    if _leeg(ix.plan.visie.social_media):
        yield "visie.social_media", {}


@regel("BM115", "fout", "visie", "02", lerend="hint")
def ambitie_tekst(ix: Index) -> Vondsten:
    for i, a in enumerate(ix.plan.visie.ambities):
        if _leeg(a.tekst):
            yield f"visie.ambities[{i}].tekst", {"id": a.id}


@regel("BM116", "hint", "visie", "02")
def visie_onzekerheid(ix: Index) -> Vondsten:
    if _leeg(ix.plan.visie.onzekerheid):
        yield "visie.onzekerheid", {}


@regel("BM117", "waarschuwing", "visie", "02", heuristiek=True)
def visie_opvulling(ix: Index) -> Vondsten:
    v = ix.plan.visie
    velden = [("visie.tekst", v.tekst), ("visie.gewenst_imago", v.gewenst_imago)]
    velden += [("visie.social_media", v.social_media), ("visie.onzekerheid", v.onzekerheid)]
    velden += [(f"visie.ambities[{i}].tekst", a.tekst) for i, a in enumerate(v.ambities)]
    yield from _opvulvelden(velden)


MIN_WOORDEN_VISIE = 8


@regel("BM118", "waarschuwing", "visie", "02", heuristiek=True)
def visie_dun(ix: Index) -> Vondsten:
    yield from _dun("visie.tekst", ix.plan.visie.tekst, MIN_WOORDEN_VISIE)


@regel("BM121", "fout", "doelen", "03")
def geen_doelen(ix: Index) -> Vondsten:
    if not ix.plan.doelen:
        yield "doelen", {}


@regel("BM122", "fout", "tactieken", "03")
def geen_tactieken(ix: Index) -> Vondsten:
    if not ix.plan.tactieken:
        yield "tactieken", {}


@regel("BM123", "fout", "middelen", "03")
def geen_middelen(ix: Index) -> Vondsten:
    if not ix.plan.middelen:
        yield "middelen", {}


@regel("BM124", "fout", "kpis", "04")
def geen_kpis(ix: Index) -> Vondsten:
    if not ix.plan.kpis:
        yield "kpis", {}


@regel("BM125", "fout", "doelen", "03")
def doel_omschrijving(ix: Index) -> Vondsten:
    for i, d in enumerate(ix.plan.doelen):
        if _leeg(d.omschrijving):
            yield f"doelen[{i}].omschrijving", {"id": d.id}


@regel("BM126", "waarschuwing", "doelen", "04")
def doel_soort(ix: Index) -> Vondsten:
    for i, d in enumerate(ix.plan.doelen):
        if d.soort is None:
            yield f"doelen[{i}].soort", {"id": d.id}


@regel("BM127", "fout", "tactieken", "03")
def tactiek_naam(ix: Index) -> Vondsten:
    for i, t in enumerate(ix.plan.tactieken):
        if _leeg(t.naam) and _leeg(t.omschrijving):
            yield f"tactieken[{i}].omschrijving", {"id": t.id}


@regel("BM128", "fout", "middelen", "03")
def middel_naam(ix: Index) -> Vondsten:
    for i, m in enumerate(ix.plan.middelen):
        if _leeg(m.naam) and _leeg(m.kanaal):
            yield f"middelen[{i}].naam", {"id": m.id}


@regel("BM129", "fout", "kpis", "04")
def kpi_naam(ix: Index) -> Vondsten:
    for i, k in enumerate(ix.plan.kpis):
        if _leeg(k.naam) and _leeg(k.definitie):
            yield f"kpis[{i}].naam", {"id": k.id}


# --- BM2xx herleidbaarheid (terugredeneren) ------------------------------------------------


@regel("BM201", "fout", "kpis", "05")
def kpi_zonder_doel(ix: Index) -> Vondsten:
    for i, k in enumerate(ix.plan.kpis):
        if _leeg(k.doel):
            yield f"kpis[{i}].doel", {"id": k.id}


@regel("BM202", "fout", "plan", "05")
def verwijzing_bestaat_niet(ix: Index) -> Vondsten:
    plan = ix.plan
    for i, d in enumerate(plan.doelen):
        if d.ambitie and d.ambitie not in ix.ambities:
            yield f"doelen[{i}].ambitie", {"id": d.id, "naar": d.ambitie, "soort": "ambitie"}
    for i, t in enumerate(plan.tactieken):
        for j, ref in enumerate(t.doelen):
            if ref not in ix.doelen:
                yield f"tactieken[{i}].doelen[{j}]", {"id": t.id, "naar": ref, "soort": "doel"}
        for j, ref in enumerate(t.middelen):
            if ref not in ix.middelen:
                yield f"tactieken[{i}].middelen[{j}]", {"id": t.id, "naar": ref, "soort": "middel"}
    for i, k in enumerate(plan.kpis):
        if k.doel and k.doel not in ix.doelen:
            yield f"kpis[{i}].doel", {"id": k.id, "naar": k.doel, "soort": "doel"}
    for i, m in enumerate(plan.metingen):
        if m.kpi not in ix.kpis:
            yield f"metingen[{i}].kpi", {"id": m.kpi, "naar": m.kpi, "soort": "KPI"}


@regel("BM203", "fout", "doelen", "05")
def doel_zonder_kpi(ix: Index) -> Vondsten:
    for i, d in enumerate(ix.plan.doelen):
        if d.id not in ix.kpis_per_doel:
            yield f"doelen[{i}]", {"id": d.id}


@regel("BM204", "fout", "doelen", "05", lerend="hint")
def doel_zonder_ambitie(ix: Index) -> Vondsten:
    for i, d in enumerate(ix.plan.doelen):
        if _leeg(d.ambitie):
            yield f"doelen[{i}].ambitie", {"id": d.id}


@regel("BM205", "fout", "visie", "05", lerend="hint")
def ambitie_zonder_doel(ix: Index) -> Vondsten:
    for i, a in enumerate(ix.plan.visie.ambities):
        if a.id not in ix.doelen_per_ambitie:
            yield f"visie.ambities[{i}]", {"id": a.id}


@regel("BM206", "fout", "tactieken", "05")
def tactiek_zonder_doel(ix: Index) -> Vondsten:
    for i, t in enumerate(ix.plan.tactieken):
        if not t.doelen:
            yield f"tactieken[{i}].doelen", {"id": t.id}


@regel("BM207", "waarschuwing", "middelen", "05")
def ongebruikt_middel(ix: Index) -> Vondsten:
    for i, m in enumerate(ix.plan.middelen):
        if m.id not in ix.gebruikte_middelen:
            yield f"middelen[{i}]", {"id": m.id}


@regel("BM208", "waarschuwing", "tactieken", "03")
def tactiek_zonder_middel(ix: Index) -> Vondsten:
    for i, t in enumerate(ix.plan.tactieken):
        if not t.middelen:
            yield f"tactieken[{i}].middelen", {"id": t.id}


@regel("BM209", "waarschuwing", "plan", "01", lerend="hint")
def kanaal_niet_in_missie(ix: Index) -> Vondsten:
    if ix.plan.missie.social_media_past is False:
        return  # BM210 says what matters then
    if not ix.missie_kanalen:
        # One cause, one finding: a mission that names no channel at all is BM107's (or, while
        # the fit question is open, BM105's), not one warning per channel the plan uses.
        return
    for lijst, naam in ((ix.plan.middelen, "middelen"), (ix.plan.kpis, "kpis")):
        for i, item in enumerate(lijst):
            if item.kanaal.strip() and normaliseer_kanaal(item.kanaal) not in ix.missie_kanalen:
                yield f"{naam}[{i}].kanaal", {"id": item.id, "kanaal": item.kanaal}


@regel("BM210", "fout", "missie", "01")
def missie_zegt_nee(ix: Index) -> Vondsten:
    if ix.plan.missie.social_media_past is not False:
        return
    for lijst, naam in ((ix.plan.middelen, "middelen"), (ix.plan.kpis, "kpis")):
        for i, item in enumerate(lijst):
            if is_social_medium(item.kanaal):
                yield f"{naam}[{i}].kanaal", {"id": item.id, "kanaal": item.kanaal}


@regel("BM211", "waarschuwing", "doelen", "03")
def doel_zonder_tactiek(ix: Index) -> Vondsten:
    for i, d in enumerate(ix.plan.doelen):
        if d.id not in ix.tactieken_per_doel:
            yield f"doelen[{i}]", {"id": d.id}


# --- BM3xx SMART ------------------------------------------------------------------------------


def _doel_velden(ix: Index, veld: str) -> Vondsten:
    for i, d in enumerate(ix.plan.doelen):
        waarde = getattr(d, veld)
        if waarde is None or (isinstance(waarde, str) and _leeg(waarde)):
            yield f"doelen[{i}].{veld}", {"id": d.id}


@regel("BM301", "fout", "doelen", "03")
def doel_indicator(ix: Index) -> Vondsten:
    yield from _doel_velden(ix, "indicator")


@regel("BM302", "fout", "doelen", "03")
def doel_nulmeting(ix: Index) -> Vondsten:
    yield from _doel_velden(ix, "nulmeting")


@regel("BM303", "fout", "doelen", "03")
def doel_streefwaarde(ix: Index) -> Vondsten:
    yield from _doel_velden(ix, "streefwaarde")


@regel("BM304", "fout", "doelen", "03")
def doel_eenheid(ix: Index) -> Vondsten:
    yield from _doel_velden(ix, "eenheid")


@regel("BM305", "fout", "doelen", "03")
def doel_deadline(ix: Index) -> Vondsten:
    yield from _doel_velden(ix, "deadline")


@regel("BM306", "waarschuwing", "doelen", "03")
def doel_eigenaar(ix: Index) -> Vondsten:
    yield from _doel_velden(ix, "eigenaar")


@regel("BM307", "waarschuwing", "doelen", "03")
def doel_haalbaarheid(ix: Index) -> Vondsten:
    yield from _doel_velden(ix, "haalbaarheid")


@regel("BM308", "fout", "doelen", "03")
def deadline_voorbij(ix: Index) -> Vondsten:
    peil = ix.plan.peildatum
    if peil is None:
        return
    for i, d in enumerate(ix.plan.doelen):
        if d.deadline is not None and d.deadline <= peil:
            yield f"doelen[{i}].deadline", {"id": d.id, "deadline": d.deadline, "peildatum": peil}


@regel("BM309", "waarschuwing", "doelen", "03")
def status_quo(ix: Index) -> Vondsten:
    for i, d in enumerate(ix.plan.doelen):
        if d.nulmeting is not None and d.nulmeting == d.streefwaarde:
            yield f"doelen[{i}].streefwaarde", {"id": d.id, "waarde": d.nulmeting}


# Each goal text is judged once, however many SMART text rules ask and however often a form
# re-checks while the student types.
_oordeel = lru_cache(maxsize=4096)(beoordeel_smart)


def _tekst_redenen(ix: Index, redenen: set[str]) -> Vondsten:
    for i, d in enumerate(ix.plan.doelen):
        if _leeg(d.omschrijving):
            continue  # BM125 already asks for a text
        oordeel = _oordeel(d.omschrijving)
        if redenen & set(oordeel.redenen):
            yield f"doelen[{i}].omschrijving", {"id": d.id, "tekst": _kort(d.omschrijving)}


@regel("BM310", "waarschuwing", "doelen", "03", heuristiek=True)
def tekst_niet_specifiek(ix: Index) -> Vondsten:
    yield from _tekst_redenen(ix, {"niet_specifiek", "vaag_object"})


@regel("BM311", "waarschuwing", "doelen", "03", heuristiek=True)
def tekst_niet_meetbaar(ix: Index) -> Vondsten:
    # One cause, one finding: an activity ("3 keer per week posten") has no measured result
    # because it is not a result; BM313 says so, and fixing that fixes this too.
    for pad, waarden in _tekst_redenen(ix, {"geen_getal", "geen_maat"}):
        d = ix.plan.doelen[int(pad[len("doelen[") : pad.index("]")])]
        if not {"activiteit", "status_quo"} & set(_oordeel(d.omschrijving).redenen):
            yield pad, waarden


@regel("BM312", "waarschuwing", "doelen", "03", heuristiek=True)
def tekst_geen_tijd(ix: Index) -> Vondsten:
    yield from _tekst_redenen(ix, {"geen_tijd"})


@regel("BM313", "waarschuwing", "doelen", "03", heuristiek=True)
def tekst_activiteit(ix: Index) -> Vondsten:
    yield from _tekst_redenen(ix, {"activiteit", "status_quo"})


@regel("BM314", "waarschuwing", "doelen", "03", heuristiek=True)
def tekst_vaag_meer(ix: Index) -> Vondsten:
    yield from _tekst_redenen(ix, {"vaag_meer"})


@regel("BM322", "waarschuwing", "doelen", "03", heuristiek=True)
def tekst_onwaarschijnlijk(ix: Index) -> Vondsten:
    yield from _tekst_redenen(ix, {"onwaarschijnlijk"})


#: Growth a goal may ask for per month before the checker calls it unrealistic. Doubling in a
#: year is about 6 % a month; 10 % a month is more than tripling in a year.
MAX_GROEI_PER_MAAND = 0.10


def _maanden(van: date, tot: date) -> float:
    return (tot - van).days / 30.4375


# Fewer words than this do not argue why a growth is feasible ("Dat lukt wel.").
MIN_WOORDEN_ONDERBOUWING = 6


def _door_metingen_beoordeeld(ix: Index, d) -> bool:
    """Measured data on the goal's own KPI answer what BM320's rule of thumb can only guess.

    When the data reach far enough for a forecast (BM330's statuses op koers, dreigt gemist or
    gehaald, not onzeker or onbekend), the forecast judges the goal, and says so when it will be
    missed; a rate computed from the baseline would be a second, cruder finding about it.
    """
    from ..meetstand import kpi_standen

    if not ix.plan.metingen:
        return False
    return any(
        s.doel is not None
        and s.doel.id == d.id
        and s.status in ("op_koers", "dreigt_gemist", "gehaald")
        for s in kpi_standen(ix.plan)
    )


@regel("BM320", "waarschuwing", "doelen", "03", heuristiek=True)
def groei_onrealistisch(ix: Index) -> Vondsten:
    peil = ix.plan.peildatum
    if peil is None:
        return
    for i, d in enumerate(ix.plan.doelen):
        if None in (d.nulmeting, d.streefwaarde, d.deadline) or d.deadline <= peil:
            continue
        if d.nulmeting <= 0 or d.streefwaarde <= 0:
            continue  # growth from zero has no rate; BM321 says so
        maanden = _maanden(peil, d.deadline)
        per_maand = (d.streefwaarde / d.nulmeting) ** (1 / maanden) - 1
        # The message invites the student to argue why the growth can be reached; an argued goal
        # (a real sentence, not filler) gets the benefit of the doubt up to twice the limit.
        grens = MAX_GROEI_PER_MAAND
        if opvulling(d.haalbaarheid, MIN_WOORDEN_ONDERBOUWING) is None and d.haalbaarheid.strip():
            grens = 2 * MAX_GROEI_PER_MAAND
        if abs(per_maand) > grens and not _door_metingen_beoordeeld(ix, d):
            yield (
                f"doelen[{i}].streefwaarde",
                {
                    "id": d.id,
                    "nulmeting": d.nulmeting,
                    "streefwaarde": d.streefwaarde,
                    "maanden": round(maanden),
                    "per_maand": round(per_maand * 100),
                    "grens": round(grens * 100),
                },
            )


@regel("BM321", "hint", "doelen", "03")
def groei_vanaf_nul(ix: Index) -> Vondsten:
    for i, d in enumerate(ix.plan.doelen):
        if d.nulmeting == 0 and d.streefwaarde not in (None, 0):
            yield f"doelen[{i}].nulmeting", {"id": d.id}


_GETAL_IN_TEKST = re.compile(r"(?<![\w.,])\d[\d.,]*\d|(?<![\w.,])\d")


@lru_cache(maxsize=4096)
def _getallen_in(tekst: str) -> frozenset[float]:
    uit = set()
    for m in _GETAL_IN_TEKST.finditer(tekst):
        try:
            uit.add(lees_getal(m.group().rstrip(".,")))
        except GetalFout:
            continue  # "1.5" in a text: ambiguous, so no evidence either way
    return frozenset(uit)


# "groeit met 12%", "+12 procent", "daalt met 25 per cent", "verdubbelt": a target given relative
# to the baseline.
_PROCENT_IN_TEKST = re.compile(r"(\d+(?:[.,]\d+)?)\s*(?:%|procent|per\s?cent)", re.IGNORECASE)
_VEELVOUD_IN_TEKST = {
    re.compile(r"\b(?:verdubbel\w*|double[sd]?|doubling)\b", re.IGNORECASE): 2.0,
    re.compile(r"\b(?:verdrievoudig\w*|triple[sd]?|tripling)\b", re.IGNORECASE): 3.0,
    re.compile(r"\b(?:halveer\w*|halveren|halve[sd]?|halving)\b", re.IGNORECASE): 0.5,
}


def _relatief_eens(d) -> bool:
    """The text's percentage change or multiple, applied to the baseline, gives the target
    (within 1 %, for rounding): "groeit met 20%" from 1.500 agrees with 1.800."""
    if d.nulmeting is None or d.nulmeting == 0:
        return False
    kandidaten = [
        d.nulmeting * f for p, f in _VEELVOUD_IN_TEKST.items() if p.search(d.omschrijving)
    ]
    for m in _PROCENT_IN_TEKST.finditer(d.omschrijving):
        p = float(m.group(1).replace(",", ".")) / 100
        kandidaten += [d.nulmeting * (1 + p), d.nulmeting * (1 - p)]
    return any(abs(k - d.streefwaarde) <= 0.01 * abs(d.streefwaarde) for k in kandidaten)


@regel("BM323", "waarschuwing", "doelen", "03", heuristiek=True)
def tekst_en_velden_oneens(ix: Index) -> Vondsten:
    """The goal's text names numbers, but not the target its fields say."""
    for i, d in enumerate(ix.plan.doelen):
        if d.streefwaarde is None or not d.omschrijving.strip():
            continue
        getallen = _getallen_in(d.omschrijving)
        # Years and day numbers of a deadline are not targets; only other numbers count.
        getallen -= {float(d.deadline.year), float(d.deadline.day)} if d.deadline else set()
        # "verdubbelt" names a number too.
        veelvoud = any(p.search(d.omschrijving) for p in _VEELVOUD_IN_TEKST)
        if (getallen or veelvoud) and d.streefwaarde not in getallen and not _relatief_eens(d):
            yield (
                f"doelen[{i}].streefwaarde",
                {"id": d.id, "streefwaarde": d.streefwaarde, "tekst": _kort(d.omschrijving)},
            )


_MAANDNUMMER = {
    naam: i
    for i, namen in enumerate(
        (
            ("januari", "january"),
            ("februari", "february"),
            ("maart", "march"),
            ("april",),
            ("mei", "may"),
            ("juni", "june"),
            ("juli", "july"),
            ("augustus", "august"),
            ("september",),
            ("oktober", "october"),
            ("november",),
            ("december",),
        ),
        start=1,
    )
    for naam in namen
}
_DATUM_IN_TEKST = re.compile(
    r"\b(\d{1,2})\s+(" + "|".join(_MAANDNUMMER) + r")\s+((?:19|20)\d\d)\b"
    r"|\b(\d{1,2})-(\d{1,2})-((?:19|20)\d\d)\b",
    re.IGNORECASE,
)


def _datums_in(tekst_: str) -> list[date]:
    """The full dates a text names ("1 september 2027", "1-9-2027"); impossible ones skipped."""
    uit = []
    for m in _DATUM_IN_TEKST.finditer(tekst_):
        try:
            if m.group(1):
                uit.append(date(int(m.group(3)), _MAANDNUMMER[m.group(2).lower()], int(m.group(1))))
            else:
                uit.append(date(int(m.group(6)), int(m.group(5)), int(m.group(4))))
        except ValueError:
            continue
    return uit


@regel("BM324", "waarschuwing", "doelen", "03", heuristiek=True)
def tekst_en_deadline_oneens(ix: Index) -> Vondsten:
    """The goal's text names a date, but not the deadline its field says."""
    for i, d in enumerate(ix.plan.doelen):
        if d.deadline is None:
            continue
        datums = _datums_in(d.omschrijving)
        if datums and d.deadline not in datums:
            yield (
                f"doelen[{i}].deadline",
                {
                    "id": d.id,
                    "datum_tekst": datums[0],
                    "deadline": d.deadline,
                    "tekst": _kort(d.omschrijving),
                },
            )


# --- BM4xx tactiek ----------------------------------------------------------------------------


@regel("BM401", "fout", "tactieken", "03")
def tactiek_periode(ix: Index) -> Vondsten:
    for i, t in enumerate(ix.plan.tactieken):
        if t.start is None or t.eind is None:
            yield f"tactieken[{i}].{'start' if t.start is None else 'eind'}", {"id": t.id}


@regel("BM402", "fout", "tactieken", "03")
def tactiek_eind_voor_start(ix: Index) -> Vondsten:
    for i, t in enumerate(ix.plan.tactieken):
        if t.start and t.eind and t.eind <= t.start:
            yield f"tactieken[{i}].eind", {"id": t.id, "start": t.start, "eind": t.eind}


def _jaren(t) -> float:
    return (t.eind - t.start).days / 365.25


@regel("BM403", "waarschuwing", "tactieken", "03")
def tactiek_te_kort(ix: Index) -> Vondsten:
    for i, t in enumerate(ix.plan.tactieken):
        # A few days of slack so that 1 January to 31 December counts as one year.
        if t.start and t.eind and t.eind > t.start and _jaren(t) < 0.99:
            yield f"tactieken[{i}].eind", {"id": t.id, "jaren": round(_jaren(t), 1)}


@regel("BM404", "waarschuwing", "tactieken", "03")
def tactiek_te_lang(ix: Index) -> Vondsten:
    for i, t in enumerate(ix.plan.tactieken):
        if t.start and t.eind and _jaren(t) > 5.01:
            yield f"tactieken[{i}].eind", {"id": t.id, "jaren": round(_jaren(t), 1)}


@regel("BM405", "waarschuwing", "tactieken", "03")
def deadline_buiten_tactiek(ix: Index) -> Vondsten:
    for i, t in enumerate(ix.plan.tactieken):
        if not (t.start and t.eind):
            continue
        for j, ref in enumerate(t.doelen):
            gevonden = ix.doelen.get(ref)
            if gevonden is None or gevonden[1].deadline is None:
                continue
            deadline = gevonden[1].deadline
            if not (t.start <= deadline <= t.eind):
                yield (
                    f"tactieken[{i}].doelen[{j}]",
                    {
                        "id": t.id,
                        "doel": ref,
                        "deadline": deadline,
                        "start": t.start,
                        "eind": t.eind,
                    },
                )


# --- BM5xx KPI --------------------------------------------------------------------------------


def _kpi_velden(ix: Index, veld: str) -> Vondsten:
    for i, k in enumerate(ix.plan.kpis):
        waarde = getattr(k, veld)
        if waarde is None or (isinstance(waarde, str) and _leeg(waarde)):
            yield f"kpis[{i}].{veld}", {"id": k.id}


@regel("BM501", "fout", "kpis", "04")
def kpi_norm(ix: Index) -> Vondsten:
    yield from _kpi_velden(ix, "norm")


@regel("BM502", "fout", "kpis", "04")
def kpi_eenheid(ix: Index) -> Vondsten:
    yield from _kpi_velden(ix, "eenheid")


@regel("BM503", "waarschuwing", "kpis", "04")
def kpi_frequentie(ix: Index) -> Vondsten:
    yield from _kpi_velden(ix, "frequentie")


@regel("BM504", "waarschuwing", "kpis", "04")
def kpi_bron(ix: Index) -> Vondsten:
    yield from _kpi_velden(ix, "bron")


#: Which KPI families can show progress on which kind of goal. A result further down the funnel
#: also shows that people know you: customers who say they came via Instagram (conversie) are
#: evidence for an awareness goal, and labelling them bereik to please this table was wrong.
PASSENDE_FAMILIES = {
    "bekendheid": {"bereik", "betrokkenheid", "conversie"},
    "betrokkenheid": {"betrokkenheid"},
    "conversie": {"conversie"},
    "loyaliteit": {"loyaliteit", "betrokkenheid"},
}


@regel("BM505", "waarschuwing", "kpis", "04")
def kpi_familie_past(ix: Index) -> Vondsten:
    for i, k in enumerate(ix.plan.kpis):
        gevonden = ix.doelen.get(k.doel)
        if gevonden is None or k.familie is None or gevonden[1].soort is None:
            continue
        soort = gevonden[1].soort
        if k.familie not in PASSENDE_FAMILIES[soort]:
            yield (
                f"kpis[{i}].familie",
                {
                    "id": k.id,
                    "familie": Keuze(k.familie),
                    "doel": k.doel,
                    "soort": Keuze(soort),
                    "passend": tuple(Keuze(f) for f in sorted(PASSENDE_FAMILIES[soort])),
                },
            )


# What a KPI counts, read from its name and definition: attention (vanity) or a business result.
_IJDEL = {
    "volgers", "followers", "likes", "like", "vind", "leuks", "weergaven", "views", "impressies",
    "impressions", "vertoningen", "bereik", "reach", "hartjes", "fans", "abonnees", "subscribers",
}  # fmt: skip
_RESULTAAT = {
    "klanten", "klant", "aanvragen", "aanvraag", "boekingen", "boeking", "omzet", "verkopen",
    "verkoop", "aanmeldingen", "leads", "bestellingen", "bestelling", "inschrijvingen", "sales",
    "orders", "revenue", "customers", "bookings", "reserveringen", "leden", "deelnemers", "kopers",
}  # fmt: skip


def _ijdel(k) -> bool:
    # A vanity metric counts activity or attention (followers, likes, views) and says nothing of
    # what the business gains from it. What the KPI's own words count decides before its label:
    # "Klanten via Instagram" labelled bereik is a result, "Volgers" labelled conversie is not.
    woorden = _woorden(f"{k.naam} {k.definitie}")
    if woorden & _RESULTAAT:
        return False
    if woorden & _IJDEL:
        return True
    return k.niveau == "output" or (k.niveau is None and k.familie == "bereik")


@regel("BM506", "waarschuwing", "kpis", "04", heuristiek=True)
def alleen_ijdele_kpis(ix: Index) -> Vondsten:
    kpis = ix.plan.kpis
    if kpis and all(_ijdel(k) for k in kpis):
        yield "kpis", {"aantal": len(kpis)}


_WOORD = re.compile(r"\w+", re.UNICODE)


@lru_cache(maxsize=4096)
def _woorden(tekst: str) -> frozenset[str]:
    return frozenset(w for w in _WOORD.findall(tekst.casefold()) if len(w) > 2)


@regel("BM512", "waarschuwing", "doelen", "04", heuristiek=True)
def resultaat_alleen_ijdel_gemeten(ix: Index) -> Vondsten:
    """A goal about customers or sales measured only by attention (likes, followers)."""
    for i, d in enumerate(ix.plan.doelen):
        if d.soort not in ("conversie", "loyaliteit"):
            continue
        kpis = [ix.plan.kpis[r] for r in ix.kpis_per_doel.get(d.id, [])]
        if kpis and all(_ijdel(k) for k in kpis):
            if all(_ijdel(k) for k in ix.plan.kpis):
                return  # One cause, one finding: BM506 says every KPI of the plan is like that.
            namen = ", ".join(k.id for k in kpis)
            yield f"doelen[{i}]", {"id": d.id, "soort": Keuze(d.soort), "kpis": namen}


@regel("BM507", "waarschuwing", "kpis", "04", heuristiek=True)
def kpi_kopie_van_doel(ix: Index) -> Vondsten:
    for i, k in enumerate(ix.plan.kpis):
        gevonden = ix.doelen.get(k.doel)
        if gevonden is None:
            continue
        doel = _woorden(gevonden[1].omschrijving)
        kpi = _woorden(f"{k.naam} {k.definitie}")
        if doel and kpi and len(doel & kpi) / len(doel | kpi) >= 0.7:
            yield f"kpis[{i}].definitie", {"id": k.id, "doel": k.doel}


@regel("BM508", "waarschuwing", "kpis", "04")
def kpi_familie_niveau(ix: Index) -> Vondsten:
    for i, k in enumerate(ix.plan.kpis):
        if k.familie is None or k.niveau is None:
            yield f"kpis[{i}].{'familie' if k.familie is None else 'niveau'}", {"id": k.id}


@regel("BM509", "hint", "doelen", "04")
def doel_meerdere_gelijke_kpis(ix: Index) -> Vondsten:
    for doel_id, rijen in ix.kpis_per_doel.items():
        namen = Counter(
            ix.plan.kpis[r].naam.strip().casefold() for r in rijen if ix.plan.kpis[r].naam
        )
        for naam, aantal in namen.items():
            if aantal > 1:
                yield f"kpis[{rijen[0]}].naam", {"doel": doel_id, "naam": naam, "aantal": aantal}


def _stijgt(d) -> bool | None:
    if d.nulmeting is None or d.streefwaarde is None or d.nulmeting == d.streefwaarde:
        return None
    return d.streefwaarde > d.nulmeting


@regel("BM510", "waarschuwing", "kpis", "04")
def kpi_richting_tegen_doel(ix: Index) -> Vondsten:
    for i, k in enumerate(ix.plan.kpis):
        d = ix.doelen.get(k.doel, (None, None))[1]
        stijgt = _stijgt(d) if d else None
        if stijgt is not None and (k.richting == "hoger") != stijgt:
            yield f"kpis[{i}].richting", {"id": k.id, "doel": d.id, "richting": Keuze(k.richting)}


@regel("BM511", "waarschuwing", "kpis", "04")
def kpi_norm_onder_doel(ix: Index) -> Vondsten:
    for i, k in enumerate(ix.plan.kpis):
        d = ix.doelen.get(k.doel, (None, None))[1]
        if not d or k.norm is None or _stijgt(d) is None:
            continue
        if k.eenheid.strip().lower() != d.eenheid.strip().lower() or not k.eenheid.strip():
            continue  # another unit measures something else; no comparison
        if (k.norm < d.streefwaarde) if _stijgt(d) else (k.norm > d.streefwaarde):
            yield (
                f"kpis[{i}].norm",
                {"id": k.id, "doel": d.id, "norm": k.norm, "streefwaarde": d.streefwaarde},
            )


# --- BM6xx duurzaamheid -----------------------------------------------------------------------


@regel("BM601", "waarschuwing", "middelen", "03")
def geen_duurzaamheid(ix: Index) -> Vondsten:
    for i, m in enumerate(ix.plan.middelen):
        if m.kanaal.strip() and m.duurzaamheid is None:
            yield f"middelen[{i}].duurzaamheid", {"id": m.id, "kanaal": m.kanaal}


@regel("BM602", "fout", "middelen", "03")
def gestopt_platform(ix: Index) -> Vondsten:
    for lijst, naam in ((ix.plan.middelen, "middelen"), (ix.plan.kpis, "kpis")):
        for i, item in enumerate(lijst):
            kanaal = normaliseer_kanaal(item.kanaal)
            if kanaal in GESTOPT:
                yield (
                    f"{naam}[{i}].kanaal",
                    {"id": item.id, "kanaal": kanaal, "jaar": GESTOPT[kanaal]},
                )


@regel("BM603", "waarschuwing", "middelen", "03", heuristiek=True)
def krimpend_platform(ix: Index) -> Vondsten:
    # A student who already judged the channel uncertain or a hype, or who explained the choice,
    # has done what the model asks; the figures are shown to those who have not.
    for i, m in enumerate(ix.plan.middelen):
        kanaal = normaliseer_kanaal(m.kanaal)
        if not kanaal or kanaal in GESTOPT or m.duurzaamheid in ("onzeker", "hype"):
            continue
        if m.duurzaamheid == "duurzaam" and geeft_reden(m.duurzaamheid_toelichting):
            continue  # "Iedereen zit op Facebook." is a claim, not a reason: BM604
        t = trend(kanaal)
        if t is not None and t.krimpt:
            yield (
                f"middelen[{i}].kanaal",
                {
                    "id": m.id,
                    "kanaal": kanaal,
                    "piek": getattr(t.piek, t.maat),
                    "piekjaar": t.piek.jaar,
                    "laatste": getattr(t.laatste, t.maat),
                    "jaar": t.laatste.jaar,
                    "procent": round(t.verandering * 100),
                    "bron": t.laatste.bron,
                },
            )


@regel("BM604", "waarschuwing", "middelen", "03", heuristiek=True)
def duurzaamheid_zonder_reden(ix: Index) -> Vondsten:
    for i, m in enumerate(ix.plan.middelen):
        t = m.duurzaamheid_toelichting
        if m.duurzaamheid and t.strip() and not geeft_reden(t):
            yield f"middelen[{i}].duurzaamheid_toelichting", {"id": m.id, "tekst": _kort(t)}


# --- BM7xx kosten -----------------------------------------------------------------------------


@regel("BM701", "waarschuwing", "middelen", "03")
def geen_kosten(ix: Index) -> Vondsten:
    for i, m in enumerate(ix.plan.middelen):
        if m.uren_per_maand is None and m.euro_per_maand is None:
            yield f"middelen[{i}]", {"id": m.id}


@regel("BM702", "waarschuwing", "middelen", "03")
def kanaal_zonder_uren(ix: Index) -> Vondsten:
    for i, m in enumerate(ix.plan.middelen):
        # Hours left empty beside a sum in euros are as missing as hours set to 0 (BM701 only
        # speaks when both are empty), so both get this feedback.
        geen_uren = m.uren_per_maand == 0 or (m.uren_per_maand is None and m.euro_per_maand)
        if is_social_medium(m.kanaal) and geen_uren:
            yield f"middelen[{i}].uren_per_maand", {"id": m.id, "kanaal": m.kanaal}


def _kort(tekst: str) -> str:
    tekst = " ".join(tekst.split())
    return tekst if len(tekst) <= 80 else tekst[:77] + "..."
