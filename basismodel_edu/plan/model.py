"""The plan as data: one class per part of the basismodel, linked by ids.

A plan reads top to bottom as the model does: an :class:`Organisatie` (the case), its
:class:`Missie`, its :class:`Visie` with :class:`Ambitie` items, and the strategy's
:class:`Doel`, :class:`Tactiek` and :class:`Middel` items, then the :class:`KPI` items and their
:class:`Meting` values. Links are ids (a KPI names the id of its goal), so a plan is one flat JSON
document that students, forms and the checker all share.

Field values are validated as they are set; a wrong value gives a Dutch (or English) message that
names the field:

>>> Doel(id="D1", nulmeting="veel")
Traceback (most recent call last):
...
basismodel_edu.plan.model.PlanFout: Doel → nulmeting: vul een getal in, zoals 1.100 of 2,5 (nu: 'veel').

Texts may stay empty while a student works: the checker, not the model, says what is missing.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError
from pydantic_core import PydanticCustomError

from ..taal.berichten import tekst
from ..taal.getallen import GetalFout, lees_getal
from .elementen import benoem

__all__ = [
    "FAMILIES",
    "FORMAAT",
    "FORMAAT_VERSIE",
    "FREQUENTIES",
    "KPI",
    "NIVEAUS",
    "SOORTEN",
    "Ambitie",
    "Doel",
    "Meting",
    "Middel",
    "Missie",
    "OnbekendId",
    "Organisatie",
    "Plan",
    "PlanFout",
    "Revisie",
    "Tactiek",
    "Visie",
]

FORMAAT = "basismodel-edu/plan"
FORMAAT_VERSIE = 2

#: The kind of a goal, which decides which KPI families can measure it.
SOORTEN = ("bekendheid", "betrokkenheid", "conversie", "loyaliteit")
#: KPI families, after the usual funnel of social media measurement.
FAMILIES = ("bereik", "betrokkenheid", "conversie", "loyaliteit")
#: What a KPI measures, after AMEC's Integrated Evaluation Framework: what reaches the audience
#: (output), what the audience does with it and what changes for them (outcome: AMEC's out-takes
#: and outcomes together) or the result for the organisation (impact).
NIVEAUS = ("output", "outcome", "impact")
FREQUENTIES = ("dagelijks", "wekelijks", "maandelijks", "per kwartaal", "jaarlijks")
DUURZAAMHEID = ("duurzaam", "onzeker", "hype")

Tekst = Annotated[str, Field(max_length=5000)]
Kort = Annotated[str, Field(max_length=200)]
Id = Annotated[str, Field(min_length=1, max_length=40)]
Verwijzing = Annotated[str, Field(max_length=40)]


def _nederlands_getal(waarde: Any) -> Any:
    """Read a text as a Dutch number ("1.100" is 1100), so a form, a CLI or a hand-edited plan
    never has "1.100" silently taken as 1,1; other values go on to pydantic unchanged."""
    if not isinstance(waarde, str):
        return waarde
    try:
        return lees_getal(waarde)
    except GetalFout as e:
        lezing1, lezing2 = e.lezingen
        raise PydanticCustomError(
            f"getal_{e.soort}",
            "not a number, or ambiguous: {lezing1} or {lezing2}",
            {"lezing1": lezing1, "lezing2": lezing2},
        ) from None


Getal = Annotated[float, Field(allow_inf_nan=False), BeforeValidator(_nederlands_getal)]
Bedrag = Annotated[float, Field(ge=0, allow_inf_nan=False), BeforeValidator(_nederlands_getal)]


class OnbekendId(KeyError):
    """A plan has no part with the id asked for; the message names the ids it does have."""

    def __str__(self) -> str:
        # KeyError would show its message in quotes, as if it were the key.
        return str(self.args[0]) if self.args else ""


class PlanFout(ValueError):
    """A plan, or a part of it, has values that cannot be used.

    ``fouten`` holds one ``(pad, bericht)`` pair per wrong field, e.g. ``("kpis[2].norm", "...")``.
    """

    def __init__(self, fouten: list[tuple[str, str]], kop: str = ""):
        self.fouten = fouten
        regels = [f"{pad}: {bericht}" if pad else bericht for pad, bericht in fouten]
        if kop:
            super().__init__(kop + "\n" + "\n".join("  - " + r for r in regels))
        else:
            super().__init__("\n".join(regels))


def _pad(loc: tuple[Any, ...]) -> str:
    pad = ""
    for deel in loc:
        if isinstance(deel, int):
            pad += f"[{deel}]"
        else:
            pad += ("." if pad else "") + str(deel)
    return pad


def _toon(waarde: Any) -> str:
    tekst_ = repr(waarde)
    return tekst_ if len(tekst_) <= 60 else tekst_[:57] + "..."


def vertaal_fouten(fout: ValidationError, voorvoegsel: str = "") -> list[tuple[str, str]]:
    """Turn pydantic's errors into ``(pad, bericht)`` pairs from the catalogue."""
    uit = []
    for e in fout.errors(include_url=False):
        pad = _pad(tuple(e["loc"]))
        if voorvoegsel:
            pad = f"{voorvoegsel} → {pad}" if pad else voorvoegsel
        ctx = {k: v for k, v in (e.get("ctx") or {}).items()}
        sleutel = f"veldfout.{e['type']}"
        from ..taal.berichten import catalogus

        if sleutel not in catalogus():
            sleutel = "veldfout.anders"
        if "expected" in ctx:
            # pydantic joins the allowed values with an English "or".
            ctx["expected"] = str(ctx["expected"]).replace(" or ", f" {tekst('woord.of')} ")
        ctx.setdefault("expected", "")
        ctx.setdefault("max_length", "")
        ctx.setdefault("min_length", "")
        ctx.setdefault("ge", "")
        uit.append((pad, tekst(sleutel, invoer=_toon(e.get("input")), uitleg=e["msg"], **ctx)))
    return uit


class _Deel(BaseModel):
    """Common configuration: no unknown fields, values checked on assignment, texts trimmed."""

    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        validate_assignment=True,
        validate_default=False,
    )

    def __init__(self, **data: Any):
        try:
            super().__init__(**data)
        except ValidationError as e:
            raise PlanFout(vertaal_fouten(e, type(self).__name__)) from None

    # Tell pydantic this __init__ only translates errors: nested parts are then validated the
    # normal way, so a plan's errors keep their full path (doelen[0].nulmeting).
    __init__.__pydantic_base_init__ = True  # type: ignore[attr-defined]

    def __setattr__(self, naam: str, waarde: Any) -> None:
        try:
            super().__setattr__(naam, waarde)
        except ValidationError as e:
            raise PlanFout(vertaal_fouten(e, type(self).__name__)) from None

    def _repr_pretty_(self, p, cycle):  # IPython shows the Dutch summary, not the field dump
        p.text(str(self))


class Organisatie(_Deel):
    """The case: the business the plan is for."""

    naam: Kort = ""
    sector: Kort = ""
    omschrijving: Tekst = ""

    def __str__(self) -> str:
        return tekst("toon.organisatie", naam=self.naam or "?", sector=self.sector or "?")


class Missie(_Deel):
    """'Wat is onze business?' — and do social media fit it, and which channels qualify."""

    tekst: Tekst = ""
    kernwaarden: list[Kort] = []
    identiteit: Tekst = ""
    social_media_past: bool | None = None
    toelichting: Tekst = ""
    kanalen: list[Kort] = []

    def __str__(self) -> str:
        return tekst("toon.missie", tekst=self.tekst or "?", kanalen=", ".join(self.kanalen) or "-")


class Ambitie(_Deel):
    """One ambition of the vision: part of the answer to 'Wat willen we worden?'."""

    id: Id
    tekst: Tekst = ""

    def __str__(self) -> str:
        return tekst("toon.ambitie", id=self.id, tekst=self.tekst or "?")


class Visie(_Deel):
    """'Wat willen we worden?' — with the ambitions as separate items."""

    tekst: Tekst = ""
    ambities: list[Ambitie] = []
    gewenst_imago: Tekst = ""
    social_media: Tekst = ""
    onzekerheid: Tekst = ""

    def __str__(self) -> str:
        return tekst("toon.visie", tekst=self.tekst or "?", aantal=len(self.ambities))


class Doel(_Deel):
    """A goal derived from an ambition, with its SMART parts as fields."""

    id: Id
    ambitie: Verwijzing = ""
    omschrijving: Tekst = ""
    soort: Literal["bekendheid", "betrokkenheid", "conversie", "loyaliteit"] | None = None
    doelgroep: Kort = ""
    indicator: Kort = ""
    nulmeting: Getal | None = None
    streefwaarde: Getal | None = None
    eenheid: Kort = ""
    eigenaar: Kort = ""
    haalbaarheid: Tekst = ""
    deadline: dt.date | None = None

    def __str__(self) -> str:
        return tekst(
            "toon.doel",
            id=self.id,
            omschrijving=self.omschrijving or "?",
            ambitie=self.ambitie or "?",
            nulmeting=_getal(self.nulmeting),
            streefwaarde=_getal(self.streefwaarde),
            eenheid=self.eenheid,
            deadline=self.deadline or "?",
        )


class Tactiek(_Deel):
    """The plan: which means, which roads, towards which goals, over which period."""

    id: Id
    naam: Kort = ""
    omschrijving: Tekst = ""
    doelen: list[Verwijzing] = []
    middelen: list[Verwijzing] = []
    start: dt.date | None = None
    eind: dt.date | None = None

    def __str__(self) -> str:
        return tekst(
            "toon.tactiek",
            id=self.id,
            naam=self.naam or "?",
            doelen=", ".join(self.doelen) or "-",
            middelen=", ".join(self.middelen) or "-",
            start=self.start or "?",
            eind=self.eind or "?",
        )


class Middel(_Deel):
    """A concrete means, often a social media channel, with what it costs to run."""

    id: Id
    naam: Kort = ""
    kanaal: Kort = ""
    uren_per_maand: Bedrag | None = None
    euro_per_maand: Bedrag | None = None
    duurzaamheid: Literal["duurzaam", "onzeker", "hype"] | None = None
    duurzaamheid_toelichting: Tekst = ""

    def __str__(self) -> str:
        return tekst(
            "toon.middel",
            id=self.id,
            naam=self.naam or "?",
            kanaal=self.kanaal or "-",
            uren=_getal(self.uren_per_maand),
            euro=_getal(self.euro_per_maand),
        )


class KPI(_Deel):
    """A key performance indicator: measures exactly one goal."""

    id: Id
    doel: Verwijzing = ""
    naam: Kort = ""
    definitie: Tekst = ""
    kanaal: Kort = ""
    eenheid: Kort = ""
    norm: Getal | None = None
    richting: Literal["hoger", "lager"] = "hoger"
    frequentie: (
        Literal["dagelijks", "wekelijks", "maandelijks", "per kwartaal", "jaarlijks"] | None
    ) = None
    bron: Kort = ""
    familie: Literal["bereik", "betrokkenheid", "conversie", "loyaliteit"] | None = None
    niveau: Literal["output", "outcome", "impact"] | None = None

    def __str__(self) -> str:
        return tekst(
            "toon.kpi",
            id=self.id,
            naam=self.naam or "?",
            doel=self.doel or "?",
            norm=_getal(self.norm),
            eenheid=self.eenheid,
        )


class Meting(_Deel):
    """One measured value of a KPI on a date."""

    kpi: Verwijzing
    datum: dt.date
    waarde: Getal
    bron: Kort = ""

    def __str__(self) -> str:
        return tekst("toon.meting", kpi=self.kpi, datum=self.datum, waarde=_getal(self.waarde))


class Revisie(_Deel):
    """One dated change to the plan, with its reason: the plan's learning history."""

    datum: dt.date
    pad: Kort
    oud: str | float | None = None
    nieuw: str | float | None = None
    reden: Tekst = ""

    def tekst(self, plan: Plan | None = None, taal: str | None = None) -> str:
        """This change as one line; with ``plan``, the element is named as students name it
        (``Doel D2 (…) → streefwaarde``) instead of by its path (``doelen[1].streefwaarde``)."""
        return tekst(
            "toon.revisie",
            taal,
            datum=self.datum,
            pad=benoem(self.pad, plan, taal),
            # An added part had no old value: say so in words, not Python's None.
            oud=tekst("meten.verschil.leeg", taal) if self.oud is None else self.oud,
            nieuw=tekst("meten.verschil.leeg", taal) if self.nieuw is None else self.nieuw,
            reden=self.reden or "?",
        )

    def __str__(self) -> str:
        return self.tekst()


class Plan(_Deel):
    """A whole basismodel plan for one organisation.

    >>> plan = Plan(organisatie=Organisatie(naam="Bakkerij Brood & Zo"))
    >>> print(plan)
    Plan voor Bakkerij Brood & Zo: 0 ambities, 0 doelen, 0 tactieken, 0 middelen, 0 KPI's.
    """

    model_config = ConfigDict(title="Basismodel-plan")

    formaat: Literal["basismodel-edu/plan"] = FORMAAT
    versie: Literal[2] = FORMAAT_VERSIE
    organisatie: Organisatie = Organisatie()
    peildatum: dt.date | None = None
    modus: Literal["gepland", "lerend"] = "gepland"
    missie: Missie = Missie()
    visie: Visie = Visie()
    doelen: list[Doel] = []
    tactieken: list[Tactiek] = []
    middelen: list[Middel] = []
    kpis: list[KPI] = []
    metingen: list[Meting] = []
    revisies: list[Revisie] = []
    #: Written answers to an exercise's questions, by question id (a KPI's id for the judgement
    #: of its chain, ``"risico"`` for the KPI at risk): kept in the plan file so the grader
    #: reads them from the same bytes as the plan.
    antwoorden: dict[Kort, Tekst] = {}

    def zoek(self, id_: str) -> Ambitie | Doel | Tactiek | Middel | KPI | None:
        """The ambition, goal, tactic, means or KPI with this id, or ``None``."""
        for lijst in (self.visie.ambities, self.doelen, self.tactieken, self.middelen, self.kpis):
            for item in lijst:
                if item.id == id_:
                    return item
        return None

    def kpi(self, id_: str) -> KPI:
        """The KPI with this id, named as students name it (``plan.kpi("K5")``, not ``kpis[4]``).

        >>> from basismodel_edu import voorbeeldplan
        >>> voorbeeldplan().kpi("K5").naam
        'Nieuwe zakelijke klanten via LinkedIn'
        >>> voorbeeldplan().kpi("K9")
        Traceback (most recent call last):
        ...
        basismodel_edu.plan.model.OnbekendId: Dit plan heeft geen KPI K9. Wel: K1, K2, K3, K4, K5, K6.
        """
        return self._een(self.kpis, id_, "kpi")

    def doel(self, id_: str) -> Doel:
        """The goal with this id (``plan.doel("D2")``).

        >>> from basismodel_edu import voorbeeldplan
        >>> voorbeeldplan().doel("D2").streefwaarde
        15.0
        """
        return self._een(self.doelen, id_, "doel")

    def ambitie(self, id_: str) -> Ambitie:
        """The ambition of the vision with this id (``plan.ambitie("A1")``)."""
        return self._een(self.visie.ambities, id_, "ambitie")

    def tactiek(self, id_: str) -> Tactiek:
        """The tactic with this id (``plan.tactiek("T1")``)."""
        return self._een(self.tactieken, id_, "tactiek")

    def middel(self, id_: str) -> Middel:
        """The means with this id (``plan.middel("M2")``)."""
        return self._een(self.middelen, id_, "middel")

    def verwijder(self, id_: str) -> None:
        """Take the ambition, goal, tactic, means or KPI with this id out of the plan.

        Only that part goes: what referred to it keeps the id, and the checker shows that break.

        >>> from basismodel_edu import voorbeeldplan
        >>> plan = voorbeeldplan()
        >>> plan.verwijder("K6")
        >>> [k.id for k in plan.kpis]
        ['K1', 'K2', 'K3', 'K4', 'K5']
        """
        for lijst in (self.visie.ambities, self.doelen, self.tactieken, self.middelen, self.kpis):
            for i, item in enumerate(lijst):
                if item.id == id_:
                    del lijst[i]
                    return
        raise OnbekendId(tekst("plan.onbekend.onderdeel", id=id_))

    def _een(self, lijst, id_: str, soort: str):
        for item in lijst:
            if item.id == id_:
                return item
        wel = ", ".join(item.id for item in lijst) or "-"
        raise OnbekendId(tekst(f"plan.onbekend.{soort}", id=id_, wel=wel))

    def kopie(self) -> Plan:
        """An independent copy, to change without touching the original."""
        return self.model_copy(deep=True)

    def __str__(self) -> str:
        return tekst(
            "toon.plan",
            naam=self.organisatie.naam or "?",
            ambities=len(self.visie.ambities),
            doelen=len(self.doelen),
            tactieken=len(self.tactieken),
            middelen=len(self.middelen),
            kpis=len(self.kpis),
        )


def _getal(x: float | None) -> float | str:
    # The number itself, so the message catalogue writes it the reader's way (1.100,5).
    return "?" if x is None else x
