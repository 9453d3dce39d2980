"""basismodel-edu: the basismodel (missie → visie → strategie → KPI's) as data, with a checker.

The model is Guus Rameckers's "Social Media en Managementmodellen (2): Basismodel" (a 2011 blog post; he was then a lecturer at HAN).

Everything a student needs is reachable from here::

    from basismodel_edu import voorbeeldplan, controleer, terugredeneren
    plan = voorbeeldplan()
    controleer(plan)

Names load on first use, so ``import basismodel_edu`` stays cheap and never pulls in pandas,
matplotlib or ipywidgets before a student asks for a table, a diagram or a form.
"""

from __future__ import annotations

from importlib import import_module

# name → module that defines it. One table, so that adding a public name is one line.
_WAAR = {
    # model
    "Plan": "model",
    "Organisatie": "model",
    "Missie": "model",
    "Visie": "model",
    "Ambitie": "model",
    "Doel": "model",
    "Tactiek": "model",
    "Middel": "model",
    "KPI": "model",
    "Meting": "model",
    "Revisie": "model",
    "PlanFout": "model",
    # files
    "laad_plan": "bestand",
    "bewaar_plan": "bestand",
    "lees_plan": "bestand",
    "plan_schema": "bestand",
    # checking
    "controleer": "controle",
    "kies_regels": "controle",
    "REGELS": "controle",
    "Uitslag": "controle",
    "Bevinding": "controle",
    "terugredeneren": "herleiding",
    "ketens": "herleiding",
    "beoordeel_smart": "smart",
    # exercises and grading
    "controleer_opdracht": "opdracht",
    "begin_opdracht": "opdracht",
    "geef_uit": "uitgave",
    "beoordeel": "nakijken",
    # language
    "zet_taal": "berichten",
    "huidige_taal": "berichten",
    # measuring (lessons 06 and 07)
    "Koppeling": "importeren",
    "ImportFout": "importeren",
    "lees_metingen": "importeren",
    "voeg_metingen_toe": "importeren",
    "voorbeeldmetingen": "importeren",
    # The module has its own name: a module called like its main function would shadow it.
    "reeks": "voortgangstabel",
    "voortgang": "voortgangstabel",
    "Voortgang": "voortgangstabel",
    "teken_kpi": "meetgrafieken",
    "teken_voortgang": "meetgrafieken",
    "dashboard": "meetgrafieken",
    "meet": "meetronde",
    "herzie_doel": "revisies",
    "herzie": "revisies",
    "voeg_toe": "revisies",
    "verschil": "revisies",
    "Verschil": "revisies",
    # lessons: self-check questions and lesson helpers (ipywidgets / pandas load on first use)
    "vraag": "zelftoets",
    "meerkeuze": "zelftoets",
    "platformcijfers": "lesstof",
    "teken_platforms": "lesstof",
    "kosten": "lesstof",
    "voorbeeldexport": "lesstof",
    "beginplan": "lesstof",
    "probeer": "lesstof",
    "eerste_regels": "lesstof",
    "laatste_metingen": "lesstof",
    # all of a student's own work in one zip (the browser site's "download all my work")
    "pak_alles_in": "mijnwerk",
    # examples
    "voorbeeldplan": "voorbeelden",
    "bewaar_voorbeeld": "voorbeelden",
    "voorbeeld_met_fout": "voorbeelden",
    # forms and diagrams (load ipywidgets / matplotlib on first use)
    "MissieFormulier": "formulieren",
    "VisieFormulier": "formulieren",
    "DoelenFormulier": "formulieren",
    "TactiekenFormulier": "formulieren",
    "MiddelenFormulier": "formulieren",
    "KPIFormulier": "formulieren",
    "PlanEditor": "formulieren",
    "bewerk": "formulieren",
    "leerlus": "meetformulieren",
    "teken_basismodel": "diagrammen",
    "teken_plan": "diagrammen",
    "plan_samenvatting": "diagrammen",
}

__all__ = sorted(_WAAR)


def __getattr__(naam: str):
    if naam == "__version__":
        # importlib.metadata costs more than the rest of the import; read it only when asked.
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("basismodel-edu")
        except PackageNotFoundError:  # a source tree that was never installed
            return "onbekend"
    module = _WAAR.get(naam)
    if module is None:
        raise AttributeError(f"module 'basismodel_edu' has no attribute {naam!r}")
    waarde = getattr(import_module(f".{module}", __name__), naam)
    if naam == "REGELS":
        from .controle import kies_regels

        kies_regels()  # the registry fills when the rule modules load
    globals()[naam] = waarde
    return waarde


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
