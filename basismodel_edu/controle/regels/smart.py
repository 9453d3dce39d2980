"""BM3xx smart: goals are SMART, from their fields and their text, and realistic (lesson 03)."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from ...taal.getallen import GetalFout, lees_getal
from ..index import Index
from ..motor import regel
from ..opvulling import opvulling
from ..smart import beoordeel_smart
from ._gedeeld import Vondsten, kort, leeg

__all__: list[str] = []  # rules are reached through the registry, never imported by name


# --- BM3xx SMART ------------------------------------------------------------------------------


def _doel_velden(ix: Index, veld: str) -> Vondsten:
    for i, d in enumerate(ix.plan.doelen):
        waarde = getattr(d, veld)
        if waarde is None or (isinstance(waarde, str) and leeg(waarde)):
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
        if leeg(d.omschrijving):
            continue  # BM125 already asks for a text
        oordeel = _oordeel(d.omschrijving)
        if redenen & set(oordeel.redenen):
            yield f"doelen[{i}].omschrijving", {"id": d.id, "tekst": kort(d.omschrijving)}


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
                {"id": d.id, "streefwaarde": d.streefwaarde, "tekst": kort(d.omschrijving)},
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
                    "tekst": kort(d.omschrijving),
                },
            )
