"""Synthetic plans of a given size, for the benchmarks.

A *normal* plan has 5 ambitions, 10 goals, 10 tactics, 10 means and 20 KPIs, all linked as a
consistent plan would be; ``schaal=100`` makes one a hundred times that size.
"""

from __future__ import annotations

import datetime as dt

from basismodel_edu import KPI, Ambitie, Doel, Middel, Missie, Organisatie, Plan, Tactiek, Visie

KANALEN = ["Instagram", "LinkedIn", "TikTok", "YouTube", "E-mailnieuwsbrief"]


def normaal_plan(schaal: int = 1) -> Plan:
    """A consistent plan with 5/10/10/10/20 ambitions/goals/tactics/means/KPIs times ``schaal``."""
    n_amb, n_doel, n_tac, n_mid, n_kpi = (
        5 * schaal,
        10 * schaal,
        10 * schaal,
        10 * schaal,
        20 * schaal,
    )
    ambities = [
        Ambitie(id=f"A{i}", tekst=f"Ambitie nummer {i} van het bedrijf.") for i in range(n_amb)
    ]
    doelen = [
        Doel(
            id=f"D{i}",
            ambitie=f"A{i % n_amb}",
            omschrijving=f"Het aantal volgers op Instagram groeit van {1000 + i} naar {1500 + i} vóór 1 juli 2027.",
            soort="bekendheid",
            doelgroep="klanten in de regio",
            indicator="volgers op Instagram",
            nulmeting=1000 + i,
            streefwaarde=1500 + i,
            eenheid="volgers",
            eigenaar="marketing",
            haalbaarheid="Vorig jaar groeide het account even snel.",
            deadline=dt.date(2027, 7, 1),
        )
        for i in range(n_doel)
    ]
    middelen = [
        Middel(
            id=f"M{i}",
            naam=f"Account {i}",
            kanaal=KANALEN[i % len(KANALEN)],
            uren_per_maand=8,
            euro_per_maand=20,
            duurzaamheid="duurzaam",
            duurzaamheid_toelichting="Groeit volgens Newcom.",
        )
        for i in range(n_mid)
    ]
    tactieken = [
        Tactiek(
            id=f"T{i}",
            naam=f"Tactiek {i}",
            omschrijving="Vaste posts met een vraag aan de volgers.",
            doelen=[f"D{i % n_doel}"],
            middelen=[f"M{i % n_mid}"],
            start=dt.date(2026, 9, 1),
            eind=dt.date(2028, 8, 31),
        )
        for i in range(n_tac)
    ]
    kpis = [
        KPI(
            id=f"K{i}",
            doel=f"D{i % n_doel}",
            naam=f"Volgers meting {i}",
            definitie="Aantal volgers op de eerste van de maand.",
            kanaal="Instagram",
            eenheid="volgers",
            norm=1500,
            frequentie="maandelijks",
            bron="Instagram Insights",
            familie="bereik",
            niveau="outcome",
        )
        for i in range(n_kpi)
    ]
    return Plan(
        organisatie=Organisatie(naam="Benchmark BV", sector="test"),
        peildatum=dt.date(2026, 9, 1),
        missie=Missie(
            tekst="Wij maken dingen.",
            kernwaarden=["snel"],
            identiteit="Klein.",
            social_media_past=True,
            toelichting="Klanten zijn online.",
            kanalen=KANALEN,
        ),
        visie=Visie(
            tekst="Groter worden.",
            ambities=ambities,
            gewenst_imago="Betrouwbaar.",
            social_media="Zichtbaar zijn.",
            onzekerheid="Sneller horen wat klanten willen.",
        ),
        doelen=doelen,
        tactieken=tactieken,
        middelen=middelen,
        kpis=kpis,
    )
