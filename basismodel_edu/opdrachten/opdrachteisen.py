"""Requirements of an exercise that no plan rule covers: the student's own answers.

The rules of :mod:`.controle` judge a plan as a plan. Some exercises also ask the student to
*say* something: judge each chain from KPI to mission in their own words (lesson 05), name the
KPI the measurements put at risk (lesson 06), revise a plan with reasons (lesson 07). Those
answers are kept in the plan file (``plan.antwoorden``, ``plan.revisies``), so the grader checks
the same bytes as everything else, and a check cell names them with ``eisen=[...]``::

    controleer_opdracht("plan.json", [], eisen=["risico_kpi"], naam="Welke KPI?", punten=2)

Each requirement checks only what can be checked honestly (an answer is there, long enough,
names what it is about, agrees with the data); how good the reasoning is, is for the lecturer's
rubric. Every requirement yields problems as ``(waar, sleutel, waarden)``: where in the plan,
the catalogue key of the message (``wat``/``waarom``/``hoe``) and its values.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..plan.model import Plan

__all__ = ["EISEN", "MIN_WOORDEN", "genoemde_kpis", "toets_eisen"]

#: The least number of words of a written answer: a judgement needs a sentence or two.
MIN_WOORDEN = 12
#: The least number of words of a revision's reason.
MIN_WOORDEN_REDEN = 6

Probleem = tuple[str, str, dict[str, Any]]
_WOORD = re.compile(r"\w+")


def _woorden(tekst_: str) -> int:
    return len(_WOORD.findall(tekst_ or ""))


def genoemde_kpis(tekst_: str, plan: Plan) -> list[str]:
    """The ids of the plan's KPIs that ``tekst_`` names, by id (``K2``) or by full name.

    >>> from basismodel_edu import KPI, Plan
    >>> plan = Plan(kpis=[KPI(id="K1", naam="Proeflessen"), KPI(id="K2", naam="Bereik")])
    >>> genoemde_kpis("K2 dreigt; proeflessen gaan goed", plan)
    ['K1', 'K2']
    """
    laag = (tekst_ or "").casefold()
    uit = []
    for k in plan.kpis:
        op_id = re.search(rf"(?<!\w){re.escape(k.id.casefold())}(?!\w)", laag)
        op_naam = k.naam and re.search(rf"(?<!\w){re.escape(k.naam.casefold())}(?!\w)", laag)
        if op_id or op_naam:
            uit.append(k.id)
    return uit


def _noemt(tekst_: str, *namen: str) -> bool:
    laag = (tekst_ or "").casefold()
    return any(n and re.search(rf"(?<!\w){re.escape(n.casefold())}(?!\w)", laag) for n in namen)


def keten_oordelen(plan: Plan) -> Iterator[Probleem]:
    """Every KPI has a written judgement of its chain (``plan.antwoorden[<KPI id>]``) of at least
    :data:`MIN_WOORDEN` words that names the KPI and its goal."""
    doelen = {d.id: d for d in plan.doelen}
    for k in plan.kpis:
        waar = f"antwoorden.{k.id}"
        antwoord = plan.antwoorden.get(k.id, "").strip()
        if not antwoord:
            yield waar, "eis.keten_oordelen.ontbreekt", {"kpi": k.id}
            continue
        if _woorden(antwoord) < MIN_WOORDEN:
            yield (
                waar,
                "eis.keten_oordelen.te_kort",
                {"kpi": k.id, "woorden": _woorden(antwoord), "minimum": MIN_WOORDEN},
            )
        if not _noemt(antwoord, k.id, k.naam):
            yield waar, "eis.keten_oordelen.noemt_kpi_niet", {"kpi": k.id, "naam": k.naam or "-"}
        doel = doelen.get(k.doel)
        if doel is not None and not _noemt(antwoord, doel.id):
            yield waar, "eis.keten_oordelen.noemt_doel_niet", {"kpi": k.id, "doel": doel.id}


#: The least number of measurements per KPI before a trend says anything.
MIN_METINGEN = 8


def gemeten(plan: Plan) -> Iterator[Probleem]:
    """Every KPI has at least :data:`MIN_METINGEN` measurements, at most one per week (the
    exercise's norms are per week: a value per post or per day is not comparable)."""
    per_kpi: dict[str, list] = {}
    for m in plan.metingen:
        per_kpi.setdefault(m.kpi, []).append(m.datum)
    for i, k in enumerate(plan.kpis):
        datums = sorted(set(per_kpi.get(k.id, [])))
        if len(datums) < MIN_METINGEN:
            yield (
                f"kpis[{i}]",
                "eis.gemeten.te_weinig",
                {"kpi": k.id, "aantal": len(datums), "minimum": MIN_METINGEN},
            )
            continue
        kleinste = min((b - a).days for a, b in itertools.pairwise(datums))
        if kleinste < 7:
            yield f"kpis[{i}]", "eis.gemeten.niet_per_week", {"kpi": k.id, "dagen": kleinste}


def risico_kpi(plan: Plan) -> Iterator[Probleem]:
    """``plan.antwoorden["risico"]`` names exactly the KPIs whose status in the progress table
    is *dreigt gemist*, and says why in at least :data:`MIN_WOORDEN` words."""
    from ..controle.meetstand import kpi_standen
    from ..meten.voortgangstabel import status_tekst

    waar = "antwoorden.risico"
    if not plan.metingen:
        yield "metingen", "eis.risico_kpi.geen_metingen", {}
        return
    standen = {s.kpi.id: s for s in kpi_standen(plan)}
    antwoord = plan.antwoorden.get("risico", "").strip()
    if not antwoord:
        yield waar, "eis.risico_kpi.ontbreekt", {}
        return
    genoemd = genoemde_kpis(antwoord, plan)
    in_gevaar = [i for i, s in standen.items() if s.dreigt_gemist]
    for i in genoemd:
        if i not in in_gevaar:
            yield (
                waar,
                "eis.risico_kpi.niet_in_gevaar",
                {"kpi": i, "status": status_tekst(standen[i].status)},
            )
    for i in in_gevaar:
        if i not in genoemd:
            yield waar, "eis.risico_kpi.gemist", {"aantal": len(in_gevaar)}
            break
    if not genoemd:
        return
    if _woorden(antwoord) < MIN_WOORDEN:
        yield (
            waar,
            "eis.risico_kpi.te_kort",
            {"woorden": _woorden(antwoord), "minimum": MIN_WOORDEN},
        )


def herzien_met_reden(plan: Plan) -> Iterator[Probleem]:
    """The plan has at least one revision of its own content, and every such revision has a
    reason of at least :data:`MIN_WOORDEN_REDEN` words. A measuring round (``pad`` is
    ``metingen``) writes its own reason and is no revision of the plan's content."""
    eigen = [(i, r) for i, r in enumerate(plan.revisies) if r.pad != "metingen"]
    if not eigen:
        yield "revisies", "eis.herzien_met_reden.geen_herziening", {}
    for i, r in eigen:
        if _woorden(r.reden) < MIN_WOORDEN_REDEN:
            yield (
                f"revisies[{i}].reden",
                "eis.herzien_met_reden.reden_te_kort",
                {"pad": r.pad, "woorden": _woorden(r.reden), "minimum": MIN_WOORDEN_REDEN},
            )


_DOELPAD = re.compile(r"doelen\[(\d+)\]\.streefwaarde")


def tactiek_bijgestuurd(plan: Plan) -> Iterator[Probleem]:
    """A goal the data put at risk is answered by changing a tactic (a revision of
    ``tactieken``), and no goal's target was lowered to what the trend already reaches."""
    from ..controle.meetstand import kpi_standen

    standen = kpi_standen(plan)
    if not any(r.pad.startswith("tactieken") for r in plan.revisies):
        yield "revisies", "eis.tactiek_bijgestuurd.geen_tactiek", {}
    for i, r in enumerate(plan.revisies):
        m = _DOELPAD.fullmatch(r.pad)
        if not m or not isinstance(r.oud, float) or not isinstance(r.nieuw, float):
            continue
        index = int(m[1])
        if index >= len(plan.doelen):
            continue
        doel = plan.doelen[index]
        for s in standen:
            if s.doel_index != index or s.trend is None or doel.deadline is None:
                continue
            hoger = s.kpi.richting == "hoger"
            prognose = s.trend.waarde_op(doel.deadline)
            # "Lowered" is towards what the trend gives; within 5 % of the forecast the goal
            # no longer asks anything of the tactic.
            verlaagd = r.nieuw < r.oud if hoger else r.nieuw > r.oud
            naar_trend = r.nieuw <= prognose * 1.05 if hoger else r.nieuw >= prognose * 0.95
            if verlaagd and naar_trend:
                yield (
                    f"revisies[{i}]",
                    "eis.tactiek_bijgestuurd.naar_trend",
                    {
                        "doel": doel.id,
                        "oud": r.oud,
                        "nieuw": r.nieuw,
                        "prognose": round(prognose, 1) if abs(prognose) < 100 else round(prognose),
                        "kpi": s.kpi.id,
                    },
                )
                break


#: name → check; a check cell selects them with ``eisen=[...]``.
EISEN: dict[str, Callable[[Plan], Iterator[Probleem]]] = {
    "keten_oordelen": keten_oordelen,
    "gemeten": gemeten,
    "risico_kpi": risico_kpi,
    "herzien_met_reden": herzien_met_reden,
    "tactiek_bijgestuurd": tactiek_bijgestuurd,
}

#: The lesson that teaches each requirement.
LES = {
    "keten_oordelen": "05",
    "gemeten": "06",
    "risico_kpi": "06",
    "herzien_met_reden": "07",
    "tactiek_bijgestuurd": "07",
}


#: A written answer to a question of the exercise's own: ``"antwoord:lering"`` asks for
#: ``plan.antwoorden["lering"]`` of at least :data:`MIN_WOORDEN` words.
VRAAG = "antwoord:"


def _antwoord(vraag: str) -> Callable[[Plan], Iterator[Probleem]]:
    def controle(plan: Plan) -> Iterator[Probleem]:
        antwoord = plan.antwoorden.get(vraag, "").strip()
        waar = f"antwoorden.{vraag}"
        if not antwoord:
            yield waar, "eis.antwoord.ontbreekt", {"vraag": vraag}
        elif _woorden(antwoord) < MIN_WOORDEN:
            yield (
                waar,
                "eis.antwoord.te_kort",
                {"vraag": vraag, "woorden": _woorden(antwoord), "minimum": MIN_WOORDEN},
            )

    return controle


def bestaat(naam: str) -> bool:
    """Whether a check cell may name ``naam`` in ``eisen=[...]``."""
    return naam in EISEN or (naam.startswith(VRAAG) and bool(naam[len(VRAAG) :].strip()))


def toets_eisen(plan: Plan, eisen: list[str]) -> Iterator[tuple[str, str, Probleem]]:
    """Each problem of the named requirements, with the requirement's name and the lesson that
    teaches it (empty for a question of the exercise's own)."""
    for naam in eisen:
        if naam in EISEN:
            controle, les = EISEN[naam], LES[naam]
        else:
            controle, les = _antwoord(naam[len(VRAAG) :].strip()), ""
        for probleem in controle(plan):
            yield naam, les, probleem
