"""BM5xx kpi: KPIs are complete, fit their goal and are not only vanity (lesson 04)."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from ...taal.berichten import Keuze
from ..index import Index
from ..motor import regel
from ._gedeeld import Vondsten, leeg

__all__: list[str] = []  # rules are reached through the registry, never imported by name


# --- BM5xx KPI --------------------------------------------------------------------------------


def _kpi_velden(ix: Index, veld: str) -> Vondsten:
    for i, k in enumerate(ix.plan.kpis):
        waarde = getattr(k, veld)
        if waarde is None or (isinstance(waarde, str) and leeg(waarde)):
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
