"""The learning loop: revise the plan from measured data, keep its history, compare versions.

The reader's comment under the source post: with social media a business can start without a
finished vision and sharpen it from what followers say and do. A plan then changes over time, and
every change is kept in ``plan.revisies`` — dated, with its reason — so that the plan's history
shows what was learnt and why.

>>> from basismodel_edu import voorbeeldplan
>>> plan = voorbeeldplan()
>>> oud = plan.kopie()
>>> _ = herzie_doel(plan, "D2", streefwaarde=12, datum="2027-04-01",
...                 reden="Reacties groeien 0,3 per maand; 15 is niet haalbaar.")
>>> print(verschil(oud, plan))
2 wijzigingen tussen de twee versies:
  Doel D2 (Het gemiddelde aantal reacties per Inst…) → streefwaarde: 15 → 12 (1 april 2027: Reacties groeien 0,3 per maand; 15 is niet haalbaar.)
  KPI K3 (Reacties per post) → norm: 15 → 12 (1 april 2027: Reacties groeien 0,3 per maand; 15 is niet haalbaar.)
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..taal.berichten import datum, huidige_taal, tekst, waarde
from .elementen import benoem
from .model import Revisie

if TYPE_CHECKING:
    from .model import Plan

__all__ = ["Verschil", "Wijziging", "herzie", "herzie_doel", "verschil", "voeg_toe"]

_STAP = re.compile(r"([A-Za-z_]+)((?:\[\d+\])*)")


def _datum(datum: dt.date | str | None) -> dt.date:
    if isinstance(datum, dt.datetime):
        return datum.date()
    if isinstance(datum, dt.date):
        return datum
    if isinstance(datum, str):
        try:
            return dt.date.fromisoformat(datum.strip())
        except ValueError:
            pass
    raise ValueError(tekst("meten.revisie.geen_datum", waarde=repr(datum)))


def _als_waarde(x: Any) -> str | float | None:
    """A field value as the history stores it: a number, a text, or None."""
    if x is None or isinstance(x, str):
        return x
    if isinstance(x, bool):
        return str(x).lower()
    if isinstance(x, int | float):
        return float(x)
    if isinstance(x, dt.date):
        return x.isoformat()
    return json.dumps(x, ensure_ascii=False, default=str)


def _zoek(plan: Plan, pad: str) -> tuple[Any, str]:
    """The object that holds the field at ``pad``, and the field's name."""
    delen = pad.split(".")
    houder: Any = plan
    for i, deel in enumerate(delen):
        m = _STAP.fullmatch(deel)
        if m is None or not hasattr(houder, m[1]):
            raise ValueError(tekst("meten.revisie.pad_onbekend", pad=pad))
        if i == len(delen) - 1 and not m[2]:
            return houder, m[1]
        houder = getattr(houder, m[1])
        for index in re.findall(r"\d+", m[2]):
            if not isinstance(houder, list) or int(index) >= len(houder):
                raise ValueError(tekst("meten.revisie.pad_onbekend", pad=pad))
            houder = houder[int(index)]
    raise ValueError(tekst("meten.revisie.pad_onbekend", pad=pad))


_LIJSTEN = (
    ("visie.ambities", lambda p: p.visie.ambities),
    ("doelen", lambda p: p.doelen),
    ("tactieken", lambda p: p.tactieken),
    ("middelen", lambda p: p.middelen),
    ("kpis", lambda p: p.kpis),
)


def _canoniek(plan: Plan, pad: str) -> str:
    """``pad`` as the checker writes it: an id as first step (``"T1.omschrijving"``) becomes the
    part's place in its list (``"tactieken[0].omschrijving"``), so students need not count from 0.

    >>> from basismodel_edu import voorbeeldplan
    >>> _canoniek(voorbeeldplan(), "D2.ambitie"), _canoniek(voorbeeldplan(), "A1.tekst")
    ('doelen[1].ambitie', 'visie.ambities[0].tekst')
    """
    eerste, _, rest = pad.partition(".")
    for naam, lijst in _LIJSTEN:
        for i, item in enumerate(lijst(plan)):
            if item.id == eerste:
                return f"{naam}[{i}]" + (f".{rest}" if rest else "")
    return pad


def voeg_toe(
    plan: Plan, onderdeel: Any, *, reden: str | None = None, datum: dt.date | str | None = None
) -> Revisie:
    """Add an ambition, goal, tactic, means or KPI to ``plan`` and record it with its reason.

    What is added to a plan is a decision like any change, so it needs a date and a reason too.

    >>> from basismodel_edu import Ambitie, voorbeeldplan
    >>> plan = voorbeeldplan()
    >>> print(voeg_toe(plan, Ambitie(id="A4", tekst="Cursussen geven."),
    ...                reden="Volgers vragen naar cursussen.", datum="2027-04-15"))
    15 april 2027: visie.ambities[3] van (leeg) naar A4 — reden: Volgers vragen naar cursussen.
    """
    from .model import KPI, Ambitie, Doel, Middel, Tactiek

    soorten = {Ambitie: 0, Doel: 1, Tactiek: 2, Middel: 3, KPI: 4}
    if type(onderdeel) not in soorten:
        raise TypeError(tekst("meten.revisie.geen_onderdeel", soort=type(onderdeel).__name__))
    if reden is None or not str(reden).strip():
        raise ValueError(tekst("meten.revisie.geen_reden", pad=onderdeel.id))
    if plan.zoek(onderdeel.id) is not None:
        raise ValueError(tekst("meten.revisie.id_bestaat", id=onderdeel.id))
    datum = _datum(datum)
    naam, lijst = _LIJSTEN[soorten[type(onderdeel)]]
    lijst(plan).append(onderdeel)
    pad = f"{naam}[{len(lijst(plan)) - 1}]"
    revisie = Revisie(datum=datum, pad=pad, oud=None, nieuw=onderdeel.id, reden=reden)
    plan.revisies = [*plan.revisies, revisie]
    return revisie


def herzie(
    plan: Plan,
    pad: str,
    waarde: Any,
    *,
    reden: str | None = None,
    datum: dt.date | str | None = None,
) -> Revisie:
    """Change one field of ``plan`` (in place) and record it in ``plan.revisies``.

    ``pad`` names the field as the checker does (``"visie.tekst"``, ``"doelen[1].deadline"``),
    or starts with the part's id (``"D2.deadline"``, ``"T1.omschrijving"``).
    A reason and a date are required: the history is only worth keeping with them. The new
    value is checked like any other (a wrong value raises :class:`~.model.PlanFout` and
    changes nothing).
    """
    if reden is None or not str(reden).strip():
        raise ValueError(tekst("meten.revisie.geen_reden", pad=pad))
    datum = _datum(datum)
    pad = _canoniek(plan, pad)
    houder, veld = _zoek(plan, pad)
    oud = getattr(houder, veld)
    setattr(houder, veld, waarde)
    nieuw = getattr(houder, veld)
    revisie = Revisie(
        datum=datum, pad=pad, oud=_als_waarde(oud), nieuw=_als_waarde(nieuw), reden=reden
    )
    plan.revisies = [*plan.revisies, revisie]
    return revisie


def herzie_doel(
    plan: Plan,
    doel_id: str,
    *,
    streefwaarde: float | None = None,
    deadline: dt.date | str | None = None,
    reden: str | None = None,
    datum: dt.date | str | None = None,
) -> list[Revisie]:
    """Revise a goal's target and/or deadline from what the data show; return the new entries.

    The plan is changed in place and each change is appended to ``plan.revisies`` with
    ``datum`` and ``reden`` (both required). A KPI of this goal that measures the goal's own
    indicator (same unit) and had the old target as its norm gets the new target as its norm
    too, with its own history entry, so that progress is measured against the revised goal.
    """
    if reden is None or not str(reden).strip():
        raise ValueError(tekst("meten.revisie.geen_reden", pad=doel_id))
    datum = _datum(datum)
    index = next((i for i, d in enumerate(plan.doelen) if d.id == doel_id), None)
    if index is None:
        raise ValueError(
            tekst(
                "meten.revisie.doel_onbekend",
                id=doel_id,
                doelen=", ".join(d.id for d in plan.doelen) or "-",
            )
        )
    doel = plan.doelen[index]
    if streefwaarde is None and deadline is None:
        raise ValueError(tekst("meten.revisie.niets", id=doel_id))
    nieuwe_deadline = _datum(deadline) if deadline is not None else None
    if (streefwaarde is None or streefwaarde == doel.streefwaarde) and (
        nieuwe_deadline is None or nieuwe_deadline == doel.deadline
    ):
        raise ValueError(tekst("meten.revisie.niets", id=doel_id))
    uit = []
    if streefwaarde is not None and streefwaarde != doel.streefwaarde:
        oude = doel.streefwaarde
        uit.append(
            herzie(plan, f"doelen[{index}].streefwaarde", streefwaarde, reden=reden, datum=datum)
        )
        eenheid = doel.eenheid.strip().casefold()
        for i, k in enumerate(plan.kpis):
            if k.doel == doel_id and k.norm == oude and k.eenheid.strip().casefold() == eenheid:
                uit.append(herzie(plan, f"kpis[{i}].norm", streefwaarde, reden=reden, datum=datum))
    if nieuwe_deadline is not None and nieuwe_deadline != doel.deadline:
        uit.append(
            herzie(plan, f"doelen[{index}].deadline", nieuwe_deadline, reden=reden, datum=datum)
        )
    return uit


# --- comparing two versions -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Wijziging:
    """One difference between two versions of a plan, with the recorded reason if there is one."""

    pad: str
    oud: Any
    nieuw: Any
    datum: dt.date | None = None
    reden: str = ""


def _vergelijk(oud: Any, nieuw: Any, pad: str, uit: list[tuple[str, Any, Any]]) -> None:
    if isinstance(oud, dict) and isinstance(nieuw, dict):
        for sleutel in [*oud, *(k for k in nieuw if k not in oud)]:
            sub = f"{pad}.{sleutel}" if pad else sleutel
            _vergelijk(oud.get(sleutel), nieuw.get(sleutel), sub, uit)
        return
    if (
        isinstance(oud, list)
        and isinstance(nieuw, list)
        and all(isinstance(x, dict) and "id" in x for x in [*oud, *nieuw])
    ):
        # Items with an id are matched by id, so removing one does not shift all the others.
        oude = {x["id"]: (i, x) for i, x in enumerate(oud)}
        nieuwe = {x["id"]: (i, x) for i, x in enumerate(nieuw)}
        for id_, (i, x) in nieuwe.items():
            if id_ in oude:
                _vergelijk(oude[id_][1], x, f"{pad}[{i}]", uit)
            else:
                uit.append((f"{pad}[{i}]", None, id_))
        for id_, (i, _) in oude.items():
            if id_ not in nieuwe:
                uit.append((f"{pad}[{i}]", id_, None))
        return
    if oud != nieuw:
        uit.append((pad, oud, nieuw))


class Verschil:
    """The differences between two versions of a plan (``oud`` → ``nieuw``).

    ``wijzigingen`` lists each changed field with the date and reason recorded for it in the new
    version's history, if any. Measurements are counted, not listed one by one.
    """

    def __init__(
        self, wijzigingen: list[Wijziging], oud: Plan | None = None, nieuw: Plan | None = None
    ):
        self.wijzigingen = wijzigingen
        # Kept to name elements as students do; a removed element is named from the old version.
        self._oud = oud
        self._nieuw = nieuw

    def __len__(self) -> int:
        return len(self.wijzigingen)

    def __iter__(self):
        return iter(self.wijzigingen)

    def __bool__(self) -> bool:
        return bool(self.wijzigingen)

    def _regel(self, w: Wijziging, taal: str | None) -> tuple[str, str, str, str]:
        def toon(x: Any) -> str:
            return tekst("meten.verschil.leeg", taal) if x is None else waarde(x, taal)

        reden = f"{datum(w.datum, taal)}: {w.reden}" if w.datum else ""
        plan = self._oud if w.nieuw is None else self._nieuw
        return benoem(w.pad, plan, taal), toon(w.oud), toon(w.nieuw), reden

    def tekst(self, taal: str | None = None) -> str:
        if not self.wijzigingen:
            return tekst("meten.verschil.geen", taal)
        regels = [tekst("meten.verschil.kop", taal, aantal=len(self.wijzigingen))]
        for w in self.wijzigingen:
            pad, oud, nieuw, reden = self._regel(w, taal)
            regels.append(f"  {pad}: {oud} → {nieuw}" + (f" ({reden})" if reden else ""))
        return "\n".join(regels)

    __str__ = tekst

    def __repr__(self) -> str:
        return self.tekst()

    def _repr_html_(self) -> str:
        from ..taal.sjabloon import html

        taal = huidige_taal()
        rijen = []
        for w in self.wijzigingen:
            waar, oud, nieuw, reden = self._regel(w, taal)
            rijen.append({"waar": waar, "oud": oud, "nieuw": nieuw, "reden": reden})
        return html(
            "verschil.html.j2",
            geen=tekst("meten.verschil.geen", taal),
            kop=tekst("meten.verschil.kop", taal, aantal=len(self.wijzigingen)),
            koppen=[
                tekst(f"meten.verschil.kolom.{k}", taal) for k in ("pad", "oud", "nieuw", "reden")
            ],
            rijen=rijen,
        )


def verschil(oud_plan: Plan, nieuw_plan: Plan) -> Verschil:
    """What changed from ``oud_plan`` to ``nieuw_plan``, with the reasons from the history.

    Typical use: ``oud = plan.kopie()``, then :func:`herzie_doel`, then ``verschil(oud, plan)``;
    or compare two saved versions of a plan file (``laad_plan``).
    """
    oud = oud_plan.model_dump(mode="json", exclude={"revisies", "metingen"})
    nieuw = nieuw_plan.model_dump(mode="json", exclude={"revisies", "metingen"})
    ruw: list[tuple[str, Any, Any]] = []
    _vergelijk(oud, nieuw, "", ruw)
    if len(oud_plan.metingen) != len(nieuw_plan.metingen):
        ruw.append(("metingen", len(oud_plan.metingen), len(nieuw_plan.metingen)))
    # The reason for a change is the latest revision of that field that the old version lacked.
    bekend = {(r.datum, r.pad, r.reden) for r in oud_plan.revisies}
    redenen: dict[str, Revisie] = {}
    for r in nieuw_plan.revisies:
        if (r.datum, r.pad, r.reden) not in bekend:
            redenen[r.pad] = r
    uit = []
    for pad, o, n in ruw:
        r = redenen.get(pad)
        uit.append(Wijziging(pad, o, n, r.datum if r else None, r.reden if r else ""))
    return Verschil(uit, oud_plan, nieuw_plan)
