"""BM1xx volledigheid: each layer's key question is answered (lessons 00–04)."""

from __future__ import annotations

from ..index import Index
from ..motor import regel
from ..opvulling import opvulling
from ._gedeeld import Vondsten, kort, leeg

__all__: list[str] = []  # rules are reached through the registry, never imported by name


# --- BM1xx volledigheid -----------------------------------------------------------------------


@regel("BM101", "fout", "plan", "00")
def organisatie_naam(ix: Index) -> Vondsten:
    if leeg(ix.plan.organisatie.naam):
        yield "organisatie.naam", {}


@regel("BM102", "fout", "missie", "01", lerend="hint")
def missie_tekst(ix: Index) -> Vondsten:
    if leeg(ix.plan.missie.tekst):
        yield "missie.tekst", {}


@regel("BM103", "waarschuwing", "missie", "01", lerend="hint")
def missie_kernwaarden(ix: Index) -> Vondsten:
    if not any(w.strip() for w in ix.plan.missie.kernwaarden):
        yield "missie.kernwaarden", {}


@regel("BM104", "waarschuwing", "missie", "01", lerend="hint")
def missie_identiteit(ix: Index) -> Vondsten:
    if leeg(ix.plan.missie.identiteit):
        yield "missie.identiteit", {}


@regel("BM105", "fout", "missie", "01", lerend="hint")
def missie_social_media_past(ix: Index) -> Vondsten:
    if ix.plan.missie.social_media_past is None:
        yield "missie.social_media_past", {}


@regel("BM106", "waarschuwing", "missie", "01", lerend="hint")
def missie_toelichting(ix: Index) -> Vondsten:
    if ix.plan.missie.social_media_past is not None and leeg(ix.plan.missie.toelichting):
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
            yield pad, {"tekst": kort(tekst_)}


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
        yield pad, {"tekst": kort(tekst_), "min": minimum}


@regel("BM110", "waarschuwing", "missie", "01", heuristiek=True)
def missie_dun(ix: Index) -> Vondsten:
    yield from _dun("missie.tekst", ix.plan.missie.tekst, MIN_WOORDEN_MISSIE)


@regel("BM111", "fout", "visie", "02", lerend="hint")
def visie_tekst(ix: Index) -> Vondsten:
    if leeg(ix.plan.visie.tekst):
        yield "visie.tekst", {}


@regel("BM112", "fout", "visie", "02", lerend="hint")
def visie_ambities(ix: Index) -> Vondsten:
    if not ix.plan.visie.ambities:
        yield "visie.ambities", {}


@regel("BM113", "waarschuwing", "visie", "02", lerend="hint")
def visie_imago(ix: Index) -> Vondsten:
    if leeg(ix.plan.visie.gewenst_imago):
        yield "visie.gewenst_imago", {}


@regel("BM114", "waarschuwing", "visie", "02", lerend="hint")
def visie_social_media(ix: Index) -> Vondsten:
    if leeg(ix.plan.visie.social_media):
        yield "visie.social_media", {}


@regel("BM115", "fout", "visie", "02", lerend="hint")
def ambitie_tekst(ix: Index) -> Vondsten:
    for i, a in enumerate(ix.plan.visie.ambities):
        if leeg(a.tekst):
            yield f"visie.ambities[{i}].tekst", {"id": a.id}


@regel("BM116", "hint", "visie", "02")
def visie_onzekerheid(ix: Index) -> Vondsten:
    if leeg(ix.plan.visie.onzekerheid):
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
        if leeg(d.omschrijving):
            yield f"doelen[{i}].omschrijving", {"id": d.id}


@regel("BM126", "waarschuwing", "doelen", "04")
def doel_soort(ix: Index) -> Vondsten:
    for i, d in enumerate(ix.plan.doelen):
        if d.soort is None:
            yield f"doelen[{i}].soort", {"id": d.id}


@regel("BM127", "fout", "tactieken", "03")
def tactiek_naam(ix: Index) -> Vondsten:
    for i, t in enumerate(ix.plan.tactieken):
        if leeg(t.naam) and leeg(t.omschrijving):
            yield f"tactieken[{i}].omschrijving", {"id": t.id}


@regel("BM128", "fout", "middelen", "03")
def middel_naam(ix: Index) -> Vondsten:
    for i, m in enumerate(ix.plan.middelen):
        if leeg(m.naam) and leeg(m.kanaal):
            yield f"middelen[{i}].naam", {"id": m.id}


@regel("BM129", "fout", "kpis", "04")
def kpi_naam(ix: Index) -> Vondsten:
    for i, k in enumerate(ix.plan.kpis):
        if leeg(k.naam) and leeg(k.definitie):
            yield f"kpis[{i}].naam", {"id": k.id}
