"""Fair exercises (issue 12): for every exercise, three materially different correct answers get
full marks and a typical wrong answer loses points.

Each answer is a plan built here as a fixture: the exercise's start plan, changed the way a
student would (by form or in code). It is graded on the real path: the grader's own
:func:`~basismodel_edu.nakijken.score.score` with the master's checks, read from the master by
:func:`~basismodel_edu.opdrachten.uitgave.lees_master`; each visible check's cell outcome is what the check
cell itself (``controleer_opdracht``) gives on that plan in this process, as a kernel would. No
notebook is run: that the check cells run in a kernel is what tests/test_nakijken.py proves.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from nakijkhulp import OPDRACHTEN, oplossingsplan

from basismodel_edu import KPI, Ambitie, Doel, Middel, Missie, Plan, Tactiek, Visie
from basismodel_edu.nakijken.score import score
from basismodel_edu.nakijken.uitvoeren import GEHAALD, NIET_GEHAALD, Uitvoering
from basismodel_edu.nakijken.zandbak import Grenzen
from basismodel_edu.opdrachten.opdracht import ControleNietGehaald, controleer_opdracht
from basismodel_edu.opdrachten.uitgave import lees_master
from basismodel_edu.plan.bestand import bewaar_plan, laad_plan, plan_naar_json
from basismodel_edu.plan.revisies import herzie, herzie_doel

ROOT = Path(__file__).resolve().parent.parent
Maker = Callable[[Path], Plan]  # builds an answer in a folder that holds the exercise's files


def punten(opdracht: Path, plan: Plan) -> tuple[float, float, list[str]]:
    """The points the grader gives this plan: total, maximum, and the problems of each check
    that failed."""
    master = lees_master(opdracht / "master.ipynb")
    data = plan_naar_json(plan).encode("utf-8")
    cellen = {}
    for c in master.controles:
        if c.verborgen:
            continue
        args = {k: v for k, v in c.argumenten.items() if k != "plan"}
        try:
            controleer_opdracht(data, **args)
            cellen[c.id] = GEHAALD
        except ControleNietGehaald:
            cellen[c.id] = NIET_GEHAALD
    b = score(master, "student", data, [], Uitvoering(cellen=cellen), Grenzen())
    waarom = [f"{c.naam}: {p}" for c in b.controles if not c.behaald for p in c.problemen]
    # The rubric is the lecturer's to fill in; fairness here is about what the checks give.
    return b.totaal, master.maximum_controles, waarom


def _start(map_: Path) -> Plan:
    return laad_plan(map_ / "startplan.json")


def _opgelost(map_: Path) -> Plan:
    """The master's model solution (its own cells, run in ``map_``)."""
    return laad_plan(oplossingsplan(map_.parent / "bron", map_ / "opl"))


# --- lesson 01: missie_fietsenmaker -------------------------------------------------------------


def _missie(**velden) -> Maker:
    def maak(map_: Path) -> Plan:
        plan = _start(map_)
        plan.missie = Missie(**velden)
        return plan

    return maak


MISSIE = {
    "goed": [
        _opgelost,
        _missie(
            tekst="Het Wiel houdt fietsen en e-bikes in Nijmegen-Oost rijdend tegen een eerlijke "
            "prijs, zodat ook wie weinig te besteden heeft elke dag op de fiets kan.",
            kernwaarden=["betaalbaar", "vakmanschap", "zelfredzaamheid", "open"],
            identiteit="Een eerlijke werkplaats waar je vooraf weet wat een reparatie kost.",
            social_media_past=True,
            toelichting="Filmpjes over een band plakken of remmen stellen laten zien wat we "
            "kunnen en helpen mensen het zelf te doen.",
            kanalen=["YouTube", "Facebook"],
        ),
        _missie(
            tekst="Wij geven gebruikte fietsen een tweede leven en leren buurtbewoners in "
            "werkplaatsavonden zelf sleutelen, omdat repareren beter is dan weggooien.",
            kernwaarden=["duurzaam", "leergierig", "gastvrij"],
            identiteit="De buurtwerkplaats waar je samen met de monteur aan je eigen fiets werkt.",
            social_media_past=True,
            toelichting="Aankondigingen van werkplaatsavonden en tweedehands fietsen delen "
            "buurtbewoners met elkaar; zo bereiken we de wijk.",
            kanalen=["Instagram", "Nextdoor", "WhatsApp"],
        ),
    ],
    # Typical: a mission of a few words and one channel.
    "fout": _missie(
        tekst="Fietsen repareren in Nijmegen.",
        kernwaarden=["snel", "goedkoop", "dichtbij"],
        identiteit="Fietsenmaker om de hoek.",
        social_media_past=True,
        toelichting="Iedereen zit op Facebook.",
        kanalen=["Facebook"],
    ),
}


# --- lesson 02: visie_dansschool ----------------------------------------------------------------


def _visie(tekst: str, ambities: list[str], imago: str, sm: str, onzeker: str = "") -> Maker:
    def maak(map_: Path) -> Plan:
        plan = _start(map_)
        plan.visie = Visie(
            tekst=tekst,
            ambities=[Ambitie(id=f"A{i}", tekst=t) for i, t in enumerate(ambities, 1)],
            gewenst_imago=imago,
            social_media=sm,
            onzekerheid=onzeker,
        )
        return plan

    return maak


VISIE = {
    "goed": [
        _opgelost,
        _visie(
            "In 2030 is Pas de Deux in Zwolle de dansschool voor alle generaties: jongeren, "
            "paren en 65-plussers dansen er, en veel leerlingen blijven meerdere jaren.",
            [
                "Streetdance bij Pas de Deux is bekend bij middelbare scholieren in Zwolle.",
                "Senioren vinden bij ons een vaste, gezellige wekelijkse les.",
                "Leerlingen blijven gemiddeld drie seizoenen.",
            ],
            "Warm, sportief en voor iedereen: je hoort erbij vanaf de eerste les.",
            "Leerlingen delen op TikTok hun dansjes; op Facebook vertellen senioren hoe leuk de "
            "lessen zijn.",
        ),
        _visie(
            "Over drie jaar kiezen jonge Zwollenaren Pas de Deux om te leren dansen en blijven ze "
            "na hun eerste seizoen, omdat ze er vrienden maken.",
            [
                "Jongeren van 12 tot 18 jaar kiezen ons voor streetdance.",
                "Na één seizoen schrijft de meerderheid zich opnieuw in.",
            ],
            "Energiek en modern, met docenten die zelf nog optreden.",
            "Instagram-reels van optredens laten zien wat je bij ons leert.",
            "Reacties van leerlingen laten zien welke stijlen opkomen.",
        ),
    ],
    # Typical: the vision as one goal, one ambition.
    "fout": _visie(
        "Meer leerlingen krijgen in Zwolle, vooral jongeren en ook ouderen die willen dansen.",
        ["Meer leerlingen."],
        "Leuk.",
        "Meer posten op Instagram.",
    ),
}


# --- lesson 03: strategie_boekhandel ------------------------------------------------------------


def _strategie(doelen: list[dict], middelen: list[dict], tactieken: list[dict]) -> Maker:
    def maak(map_: Path) -> Plan:
        plan = _start(map_)
        plan.doelen = [Doel(**d) for d in doelen]
        plan.middelen = [Middel(**m) for m in middelen]
        plan.tactieken = [Tactiek(**t) for t in tactieken]
        return plan

    return maak


NIEUWSBRIEF = {
    "id": "M1",
    "naam": "Nieuwsbrief",
    "kanaal": "E-mailnieuwsbrief",
    "uren_per_maand": 5,
    "euro_per_maand": 15,
    "duurzaamheid": "duurzaam",
    "duurzaamheid_toelichting": "Een eigen adressenlijst hangt van geen platform af, dus die "
    "blijft van ons, ook als een platform verdwijnt.",
}
INSTAGRAM = {
    "id": "M2",
    "naam": "Instagram-account",
    "kanaal": "Instagram",
    "uren_per_maand": 10,
    "euro_per_maand": 0,
    "duurzaamheid": "duurzaam",
    "duurzaamheid_toelichting": "Instagram groeit in Nederland volgens Newcom, omdat lezers er "
    "elkaars boeken laten zien.",
}


def _doel(id_, ambitie, omschrijving, soort, indicator, nul, streef, eenheid, deadline, **extra):
    return {
        "id": id_,
        "ambitie": ambitie,
        "omschrijving": omschrijving,
        "soort": soort,
        "doelgroep": extra.get("doelgroep", "lezers in Deventer"),
        "indicator": indicator,
        "nulmeting": nul,
        "streefwaarde": streef,
        "eenheid": eenheid,
        "eigenaar": extra.get("eigenaar", "Femke (eigenaar)"),
        "haalbaarheid": extra.get(
            "haalbaarheid", "Vorig jaar groeide dit zonder plan al met een kwart."
        ),
        "deadline": deadline,
    }


def _tactiek(id_, naam, doelen, middelen, start="2026-09-01", eind="2028-08-31"):
    return {
        "id": id_,
        "naam": naam,
        "omschrijving": f"{naam}: elke week een bericht, met een vraag aan de lezers.",
        "doelen": doelen,
        "middelen": middelen,
        "start": start,
        "eind": eind,
    }


WEBSHOP = _doel(
    "D1",
    "A1",
    "Het aantal webshopbestellingen via Instagram stijgt van 15 naar 45 per maand vóór "
    "1 september 2027.",
    "conversie",
    "webshopbestellingen via Instagram",
    15,
    45,
    "bestellingen per maand",
    "2027-09-01",
)
LEESCLUB = _doel(
    "D2",
    "A2",
    "Het aantal vaste leesclubleden groeit van 30 naar 50 vóór 1 juni 2027.",
    "loyaliteit",
    "vaste leesclubleden",
    30,
    50,
    "leden",
    "2027-06-01",
)
STRATEGIE = {
    "goed": [
        _opgelost,
        _strategie(
            [WEBSHOP, LEESCLUB],
            [NIEUWSBRIEF, INSTAGRAM],
            [
                _tactiek("T1", "Boek van de week met webshoplink", ["D1"], ["M2"]),
                _tactiek("T2", "Leesclub in de nieuwsbrief", ["D2"], ["M1"]),
            ],
        ),
        _strategie(
            [
                WEBSHOP,
                LEESCLUB,
                _doel(
                    "D3",
                    "A2",
                    "Het aantal bezoekers van signeersessies stijgt van 25 naar 60 per sessie vóór "
                    "1 december 2027.",
                    "betrokkenheid",
                    "bezoekers per signeersessie",
                    25,
                    60,
                    "bezoekers per sessie",
                    "2027-12-01",
                ),
            ],
            [
                NIEUWSBRIEF,
                INSTAGRAM,
                {
                    "id": "M3",
                    "naam": "Facebook-evenementen",
                    "kanaal": "Facebook",
                    "uren_per_maand": 2,
                    "euro_per_maand": 0,
                    "duurzaamheid": "onzeker",
                    "duurzaamheid_toelichting": "Facebook verliest jonge gebruikers, maar onze "
                    "vaste klanten van boven de vijftig gebruiken het nog elke dag.",
                },
            ],
            [
                _tactiek("T1", "Instagram-winkel", ["D1"], ["M2"]),
                _tactiek("T2", "Leden werven leden", ["D2", "D3"], ["M1", "M3"], "2026-10-01"),
            ],
        ),
    ],
    # Typical: a means without its cost in euros, and no reason for its durability.
    "fout": _strategie(
        [WEBSHOP, LEESCLUB],
        [{**NIEUWSBRIEF, "euro_per_maand": None, "duurzaamheid_toelichting": "Goed kanaal."}],
        [_tactiek("T1", "Alles via de nieuwsbrief", ["D1", "D2"], ["M1"])],
    ),
}


# --- lesson 04: kpis_boekhandel -----------------------------------------------------------------


def _kpi(id_, doel, naam, kanaal, eenheid, norm, familie, niveau, **extra) -> KPI:
    return KPI(
        id=id_,
        doel=doel,
        naam=naam,
        definitie=extra.get("definitie", f"{naam}, geteld over de periode."),
        kanaal=kanaal,
        eenheid=eenheid,
        norm=norm,
        frequentie=extra.get("frequentie", "maandelijks"),
        bron=extra.get("bron", "kassasysteem"),
        familie=familie,
        niveau=niveau,
    )


def _kpis(*kpis: KPI) -> Maker:
    def maak(map_: Path) -> Plan:
        plan = _start(map_)
        plan.kpis = list(kpis)
        return plan

    return maak


KPIS = {
    "goed": [
        _opgelost,
        _kpis(
            _kpi(
                "K1",
                "D1",
                "Volgers uit Deventer",
                "Instagram",
                "volgers",
                1500,
                "bereik",
                "output",
                bron="Instagram Insights",
            ),
            _kpi(
                "K2",
                "D2",
                "Leesclubbezoek",
                "E-mailnieuwsbrief",
                "bezoekers per avond",
                20,
                "loyaliteit",
                "outcome",
                frequentie="per kwartaal",
                bron="aanmeldlijst",
            ),
        ),
        _kpis(
            _kpi(
                "K1",
                "D1",
                "Bereik per maand",
                "Instagram",
                "accounts",
                6000,
                "bereik",
                "output",
                bron="Instagram Insights",
            ),
            _kpi(
                "K2",
                "D1",
                "Opgeslagen leestips",
                "Instagram",
                "keer bewaard",
                300,
                "bereik",
                "outcome",
                bron="Instagram Insights",
            ),
            _kpi(
                "K3",
                "D2",
                "Terugkerende leesclubleden",
                "E-mailnieuwsbrief",
                "bezoekers per avond",
                20,
                "loyaliteit",
                "outcome",
                frequentie="per kwartaal",
                bron="aanmeldlijst",
            ),
            _kpi(
                "K4",
                "D2",
                "Aanmeldingen via de nieuwsbrief",
                "E-mailnieuwsbrief",
                "bezoekers per avond",
                20,
                "loyaliteit",
                "impact",
                bron="aanmeldformulier",
            ),
        ),
    ],
    # Typical: the leesclub goal measured with a reach figure from another channel.
    "fout": _kpis(
        _kpi("K1", "D1", "Volgers op Instagram", "Instagram", "volgers", 1500, "bereik", "output"),
        _kpi("K2", "D2", "Views op TikTok", "TikTok", "views", 5000, "bereik", "output"),
    ),
}


# --- capstone: geheel_foodtruck -----------------------------------------------------------------


def _geheel_anders(doelen: list[Doel], kpis: list[KPI], tactieken: list[Tactiek] | None = None):
    def maak(map_: Path) -> Plan:
        plan = _opgelost(map_)
        plan.doelen = doelen
        plan.kpis = kpis
        if tactieken is not None:
            plan.tactieken = tactieken
        return plan

    return maak


STAMKLANTEN = Doel(
    id="D1",
    ambitie="A1",
    omschrijving="Het aantal stamklanten met een volle spaarkaart stijgt van 20 naar 60 per maand "
    "vóór 1 oktober 2027, vooral werkenden op bedrijventerreinen in Utrecht.",
    soort="loyaliteit",
    doelgroep="werkenden op bedrijventerreinen in Utrecht",
    indicator="volle spaarkaarten per maand",
    nulmeting=20,
    streefwaarde=60,
    eenheid="spaarkaarten per maand",
    eigenaar="Lotte (mede-eigenaar)",
    haalbaarheid="Op de twee terreinen waar we elke week staan, komt een derde van de klanten al "
    "terug.",
    deadline="2027-10-01",
)
CATERING = Doel(
    id="D2",
    ambitie="A2",
    omschrijving="Het aantal aanvragen voor bedrijfscatering stijgt van 10 naar 30 per jaar vóór "
    "31 december 2027.",
    soort="conversie",
    doelgroep="bedrijven in de regio Utrecht",
    indicator="cateringaanvragen per jaar",
    nulmeting=10,
    streefwaarde=30,
    eenheid="aanvragen per jaar",
    eigenaar="Sem (mede-eigenaar)",
    haalbaarheid="Vier van de tien opdrachten van dit jaar kwamen na een bericht op LinkedIn.",
    deadline="2027-12-31",
)
GEHEEL = {
    "goed": [
        _opgelost,
        _geheel_anders(
            [STAMKLANTEN, CATERING],
            [
                _kpi(
                    "K1",
                    "D1",
                    "Volle spaarkaarten",
                    "Instagram",
                    "spaarkaarten per maand",
                    60,
                    "loyaliteit",
                    "impact",
                    bron="spaarkaarten in de truck",
                ),
                _kpi(
                    "K2",
                    "D1",
                    "Terugkerende klanten na een story",
                    "Instagram",
                    "klanten per week",
                    40,
                    "loyaliteit",
                    "outcome",
                    frequentie="wekelijks",
                    bron="turflijst",
                ),
                _kpi(
                    "K3",
                    "D2",
                    "Cateringaanvragen via LinkedIn",
                    "LinkedIn",
                    "aanvragen per jaar",
                    30,
                    "conversie",
                    "impact",
                    frequentie="per kwartaal",
                    bron="aanvraagformulier",
                ),
            ],
        ),
        _geheel_anders(
            [
                STAMKLANTEN,
                CATERING,
                Doel(
                    **{
                        **CATERING.model_dump(),
                        "id": "D3",
                        "ambitie": "A2",
                        "omschrijving": "Het aantal boekingen voor festivals stijgt van 4 naar 10 "
                        "per jaar vóór 31 december 2027.",
                        "indicator": "festivalboekingen per jaar",
                        "nulmeting": 4,
                        "streefwaarde": 10,
                        "eenheid": "boekingen per jaar",
                        "doelgroep": "organisatoren van festivals in Midden-Nederland",
                    }
                ),
            ],
            [
                _kpi(
                    "K1",
                    "D1",
                    "Volle spaarkaarten",
                    "Instagram",
                    "spaarkaarten per maand",
                    60,
                    "loyaliteit",
                    "impact",
                    bron="spaarkaarten in de truck",
                ),
                _kpi(
                    "K2",
                    "D2",
                    "Cateringaanvragen via LinkedIn",
                    "LinkedIn",
                    "aanvragen per jaar",
                    30,
                    "conversie",
                    "impact",
                    frequentie="per kwartaal",
                    bron="aanvraagformulier",
                ),
                _kpi(
                    "K3",
                    "D3",
                    "Festivalboekingen via LinkedIn",
                    "LinkedIn",
                    "boekingen per jaar",
                    10,
                    "conversie",
                    "impact",
                    frequentie="per kwartaal",
                    bron="boekingsmails",
                ),
                _kpi(
                    "K4",
                    "D3",
                    "Aanvragen van festivals",
                    "LinkedIn",
                    "aanvragen per kwartaal",
                    5,
                    "conversie",
                    "outcome",
                    frequentie="per kwartaal",
                    bron="boekingsmails",
                ),
            ],
            [
                Tactiek(
                    id="T1",
                    naam="Waar staan we vandaag?",
                    omschrijving="Elke werkdag een story met de standplaats en een stempel "
                    "extra voor wie hem laat zien.",
                    doelen=["D1"],
                    middelen=["M1"],
                    start="2026-10-01",
                    eind="2028-09-30",
                ),
                Tactiek(
                    id="T2",
                    naam="Lunch bij de klant",
                    omschrijving="Twee keer per maand een verslag op LinkedIn van een "
                    "cateringopdracht of festival.",
                    doelen=["D2", "D3"],
                    middelen=["M2"],
                    start="2026-10-01",
                    eind="2028-09-30",
                ),
            ],
        ),
    ],
    # Typical: one goal for the whole plan.
    "fout": _geheel_anders(
        [STAMKLANTEN],
        [
            _kpi(
                "K1",
                "D1",
                "Volle spaarkaarten",
                "Instagram",
                "spaarkaarten per maand",
                60,
                "loyaliteit",
                "impact",
                bron="spaarkaarten in de truck",
            )
        ],
        [
            Tactiek(
                id="T1",
                naam="Waar staan we vandaag?",
                omschrijving="Elke werkdag een story.",
                doelen=["D1"],
                middelen=["M1", "M2"],
                start="2026-10-01",
                eind="2028-09-30",
            )
        ],
    ),
}


# --- lesson 05: terugredeneren_tandarts ---------------------------------------------------------

OORDEEL_K1 = (
    "K1 telt aanmeldingen van mensen met tandartsangst en meet zo doel D1; dat past bij de "
    "missie, want Lichtpunt wil juist wie bang is helpen."
)
OORDEEL_K2 = (
    "K2 (kinderen op tijd terug) meet doel D2. Preventie staat in de missie en een kind dat op "
    "tijd komt, krijgt die preventie."
)


def _tandarts(wijzig: Callable[[Plan], None], oordelen: dict[str, str]) -> Maker:
    def maak(map_: Path) -> Plan:
        plan = _start(map_)
        plan.zoek("K1").doel = "D1"
        plan.zoek("D2").ambitie = "A2"
        plan.zoek("T2").doelen = ["D2"]
        wijzig(plan)
        plan.antwoorden = oordelen
        return plan

    return maak


def _k3_klikken(plan: Plan) -> None:
    k3 = plan.zoek("K3")
    k3.naam, k3.kanaal, k3.familie, k3.niveau = (
        "Klikken op de formulierlink",
        "Instagram",
        ("conversie"),
        "outcome",
    )
    k3.eenheid, k3.norm, k3.bron = "klikken per maand", 40, "Instagram Insights"


def _tiktok_in_de_missie(plan: Plan) -> None:
    plan.missie.kanalen = [*plan.missie.kanalen, "TikTok"]
    k3 = plan.zoek("K3")
    k3.doel, k3.naam, k3.familie = "D2", "Ouders die via TikTok een controle plannen", "loyaliteit"
    k3.eenheid, k3.norm, k3.niveau = "afspraken per maand", 15, "impact"
    plan.middelen = [
        *plan.middelen,
        Middel(
            id="M3",
            naam="TikTok-account",
            kanaal="TikTok",
            uren_per_maand=4,
            euro_per_maand=0,
            duurzaamheid="onzeker",
            duurzaamheid_toelichting="Jonge ouders zitten op TikTok, maar of het blijft, "
            "weten we niet; daarom meten we het apart.",
        ),
    ]
    plan.zoek("T2").middelen = ["M2", "M3"]


TANDARTS = {
    "goed": [
        _opgelost,
        _tandarts(
            _k3_klikken,
            {
                "K1": OORDEEL_K1,
                "K2": OORDEEL_K2,
                "K3": "Klikken op de formulierlink meten of de filmpjes mensen naar het formulier "
                "brengen, de stap vóór doel D1; dat past bij een missie die angst wil wegnemen.",
            },
        ),
        _tandarts(
            _tiktok_in_de_missie,
            {
                "K1": OORDEEL_K1,
                "K2": OORDEEL_K2,
                "K3": "K3 telt afspraken die ouders via TikTok plannen: dat dient doel D2 en zo "
                "de preventie uit de missie, al is TikTok voor ons nog een proef.",
            },
        ),
    ],
    # Typical: the links repaired, the judgement a single line that names nothing.
    "fout": _tandarts(
        lambda plan: setattr(plan, "kpis", [k for k in plan.kpis if k.id != "K3"]),
        {"K1": "Past goed bij de missie.", "K2": "Past ook goed bij de missie van de praktijk."},
    ),
}


# --- lesson 06: meten_sportschool ---------------------------------------------------------------

EXPORT = "sportschool_instagram.csv"
KOPPELING = {"Reach": "K1", "Comments": "K2", "Saves": "K3"}
VOORSTEL = (
    "Elke post eindigen met een vraag aan de kijkers en binnen een dag antwoorden, want filmpjes "
    "met een vraag krijgen drie keer zoveel reacties."
)


def _meten(rondes: list[dict[str, str]], antwoorden: dict[str, str], per: str = "week") -> Maker:
    def maak(map_: Path) -> Plan:
        from basismodel_edu import meet

        pad = map_ / "plan.json"
        shutil.copyfile(map_ / "startplan.json", pad)
        for koppeling in rondes:
            meet(pad, [map_ / EXPORT], koppeling, per=per, datum="2027-02-22")
        plan = laad_plan(pad)
        plan.antwoorden = antwoorden
        return plan

    return maak


METEN = {
    "goed": [
        _opgelost,
        _meten(
            [KOPPELING],
            {
                "risico": "Reacties per week: de trend komt op de deadline nog niet op de helft "
                "van 60, terwijl bereik en bewaarde filmpjes op koers liggen.",
                "bijsturen": VOORSTEL,
            },
        ),
        _meten(
            [{"Reach": "K1"}, {"Comments": "K2", "Saves": "K3"}],
            {
                "risico": "Alleen K2 dreigt gemist te worden; de voortgangstabel geeft een "
                "prognose van ongeveer 28 reacties op 1 juni 2027.",
                "bijsturen": "Een wekelijkse vragenronde in de stories, waarin Sanne vragen van "
                "leden over hun oefeningen beantwoordt en leden elkaar tips geven.",
            },
        ),
    ],
    # Typical: read per post instead of per week (and the KPI at risk still named).
    "fout": _meten(
        [KOPPELING],
        {
            "risico": "K2 dreigt te missen, want de reacties groeien bijna niet en blijven ver "
            "onder de norm van 60 per week.",
            "bijsturen": VOORSTEL,
        },
        per="dag",
    ),
}


# --- lesson 07: bijsturen_theater ---------------------------------------------------------------

LERING = (
    "De ambitie staat: jongeren kopen wel online, dat lieten de fragmenten zien. De aanpak "
    "moet anders, de visie niet."
)


def _theater(wijzig: Callable[[Plan], None], lering: str = LERING) -> Maker:
    def maak(map_: Path) -> Plan:
        plan = _start(map_)
        wijzig(plan)
        plan.antwoorden = {"lering": lering}
        return plan

    return maak


def _adverteren(plan: Plan) -> None:
    plan.middelen = [
        *plan.middelen,
        Middel(
            id="M3",
            naam="Instagram-advertenties",
            kanaal="Instagram",
            uren_per_maand=3,
            euro_per_maand=150,
            duurzaamheid="duurzaam",
            duurzaamheid_toelichting="Advertenties richten zich op 18- tot 35-jarigen in "
            "Hengelo, omdat die ons account nog niet volgen.",
        ),
    ]
    herzie(
        plan,
        "T1.middelen",
        ["M1", "M3"],
        reden="Zonder betaald bereik ziet de doelgroep onze posts niet: K1 groeit maar drie "
        "kaarten per maand.",
        datum="2027-04-15",
    )
    herzie_doel(
        plan,
        "D1",
        deadline="2028-01-01",
        reden="De advertenties lopen pas vanaf mei; het najaarsseizoen moet meetellen.",
        datum="2027-04-15",
    )


def _matig_lager(plan: Plan) -> None:
    herzie(
        plan,
        "tactieken[0].omschrijving",
        "Elke maand een avond voor jongeren met een nagesprek, aangekondigd met een reel van de "
        "spelers en een link met korting.",
        reden="Foto's achteraf trekken geen jongeren; een eigen avond met korting geeft ze een "
        "reden om te komen.",
        datum="2027-04-15",
    )
    herzie_doel(
        plan,
        "D1",
        streefwaarde=120,
        reden="150 was gebaseerd op twee uitschieters; 120 is nog steeds een flinke groei.",
        datum="2027-04-15",
    )


THEATER = {
    "goed": [
        _opgelost,
        _theater(_adverteren),
        _theater(_matig_lager),
    ],
    # Typical (lesson 07 warns against it): the goal lowered to the trend, the tactic untouched.
    "fout": _theater(
        lambda plan: herzie_doel(
            plan,
            "D1",
            streefwaarde=77,
            reden="De trend komt op 77 kaarten uit, dus 150 is niet haalbaar voor ons.",
            datum="2027-04-15",
        )
    ),
}

ANTWOORDEN = {
    "missie_fietsenmaker": MISSIE,
    "visie_dansschool": VISIE,
    "strategie_boekhandel": STRATEGIE,
    "kpis_boekhandel": KPIS,
    "geheel_foodtruck": GEHEEL,
    "terugredeneren_tandarts": TANDARTS,
    "meten_sportschool": METEN,
    "bijsturen_theater": THEATER,
}


def _map(opdracht: Path, tmp_path: Path) -> Path:
    """A folder with the exercise's files, as a student has it (the model solution's cells
    run in a folder of their own)."""
    bron = tmp_path / "bron"
    shutil.copytree(opdracht, bron)
    map_ = tmp_path / "werk"
    map_.mkdir()
    for bestand in bron.iterdir():
        if bestand.suffix in (".json", ".csv"):
            shutil.copyfile(bestand, map_ / bestand.name)
    return map_


def test_every_exercise_has_fixtures():
    assert sorted(ANTWOORDEN) == sorted(p.name for p in OPDRACHTEN)


def _uniek(plannen: list[Plan]) -> None:
    # Materially different: the parts each answer wrote differ pairwise.
    teksten = [json.loads(plan_naar_json(p)) for p in plannen]
    for p in teksten:
        for k in ("metingen", "formaat", "versie", "organisatie", "peildatum"):
            p.pop(k, None)
    for i, a in enumerate(teksten):
        for b in teksten[i + 1 :]:
            assert a != b


@pytest.mark.parametrize("opdracht", OPDRACHTEN, ids=lambda p: p.name)
def test_three_different_correct_answers_get_full_marks(opdracht, tmp_path):
    antwoorden = ANTWOORDEN[opdracht.name]["goed"]
    assert len(antwoorden) >= 3
    plannen = []
    for i, maak in enumerate(antwoorden):
        map_ = _map(opdracht, tmp_path / str(i))
        plan = maak(map_)
        totaal, maximum, waarom = punten(opdracht, plan)
        assert totaal == maximum > 0, (i, waarom)
        plannen.append(plan)
    _uniek(plannen)


@pytest.mark.parametrize("opdracht", OPDRACHTEN, ids=lambda p: p.name)
def test_a_typical_wrong_answer_loses_points(opdracht, tmp_path):
    plan = ANTWOORDEN[opdracht.name]["fout"](_map(opdracht, tmp_path))
    totaal, maximum, waarom = punten(opdracht, plan)
    assert totaal < maximum and waarom


def test_grading_here_agrees_with_saving_the_plan(tmp_path):
    # The fixtures are graded from the bytes a saved plan file has, as a submission has them.
    opdracht = ROOT / "exercises" / "bijsturen_theater"
    plan = THEATER["goed"][1](_map(opdracht, tmp_path))
    pad = bewaar_plan(plan, tmp_path / "plan.json")
    assert punten(opdracht, laad_plan(pad))[0] == punten(opdracht, plan)[0]
