"""basismodel-edu: the basismodel (missie → visie → strategie → KPI's) as data, with a checker.

The model is Guus Rameckers's "Social Media en Managementmodellen (2): Basismodel" (a 2011 blog post; he was then a lecturer at HAN).

Everything a student needs is reachable from here::

    from basismodel_edu import voorbeeldplan, controleer, terugredeneren
    plan = voorbeeldplan()
    controleer(plan)

Names load on first use, so ``import basismodel_edu`` stays cheap and never pulls in pandas,
matplotlib or ipywidgets before a student asks for a table, a diagram or a form.

The package has one subpackage per part of the product, in layers; a part imports only from the
layers below it (``tests/test_lagen.py`` checks this)::

    taal          messages, numbers, dates, HTML templates, figures      (nothing of ours)
    plan          the plan as data: model, file, history, example        taal
    controle      the rules, the SMART judge, the chains back             taal, plan
    meten         exports, measurements, progress, charts                 taal, plan, controle
    formulieren   the forms and the editor                                taal, plan, controle, meten
    opdrachten    exercises: checks, release, hand-in                     taal, plan, controle, meten
    nakijken      grading a class in a sandbox                            all of the above
    lesstof       lesson helpers, self-checks, diagrams, course, site     all of the above, opdrachten

``cli`` (the command line) sits on top; ``prestaties`` (speed helpers) imports nothing of ours.
"""

from __future__ import annotations

import sys
from importlib import import_module
from importlib.abc import Loader, MetaPathFinder
from importlib.util import spec_from_loader

# name → module that defines it. One table, so that adding a public name is one line.
_WAAR = {
    # model
    "Plan": "plan.model",
    "Organisatie": "plan.model",
    "Missie": "plan.model",
    "Visie": "plan.model",
    "Ambitie": "plan.model",
    "Doel": "plan.model",
    "Tactiek": "plan.model",
    "Middel": "plan.model",
    "KPI": "plan.model",
    "Meting": "plan.model",
    "Revisie": "plan.model",
    "PlanFout": "plan.model",
    # files
    "laad_plan": "plan.bestand",
    "bewaar_plan": "plan.bestand",
    "lees_plan": "plan.bestand",
    "plan_schema": "plan.bestand",
    # checking
    "controleer": "controle",
    "kies_regels": "controle",
    "REGELS": "controle",
    "Uitslag": "controle",
    "Bevinding": "controle",
    "terugredeneren": "controle.herleiding",
    "ketens": "controle.herleiding",
    "beoordeel_smart": "controle.smart",
    # exercises and grading
    "controleer_opdracht": "opdrachten.opdracht",
    "begin_opdracht": "opdrachten.opdracht",
    "geef_uit": "opdrachten.uitgave",
    "beoordeel": "nakijken",
    # language
    "zet_taal": "taal.berichten",
    "huidige_taal": "taal.berichten",
    # measuring (lessons 06 and 07)
    "Koppeling": "meten.importeren",
    "ImportFout": "meten.importeren",
    "lees_metingen": "meten.importeren",
    "voeg_metingen_toe": "meten.importeren",
    "voorbeeldmetingen": "meten.importeren",
    # The module has its own name: a module called like its main function would shadow it.
    "reeks": "meten.voortgangstabel",
    "voortgang": "meten.voortgangstabel",
    "Voortgang": "meten.voortgangstabel",
    "teken_kpi": "meten.meetgrafieken",
    "teken_voortgang": "meten.meetgrafieken",
    "dashboard": "meten.meetgrafieken",
    "meet": "meten.meetronde",
    "herzie_doel": "plan.revisies",
    "herzie": "plan.revisies",
    "voeg_toe": "plan.revisies",
    "verschil": "plan.revisies",
    "Verschil": "plan.revisies",
    # lessons: self-check questions and lesson helpers (ipywidgets / pandas load on first use)
    "vraag": "lesstof.zelftoets",
    "meerkeuze": "lesstof.zelftoets",
    "platformcijfers": "lesstof.leshulp",
    "teken_platforms": "lesstof.leshulp",
    "kosten": "lesstof.leshulp",
    "voorbeeldexport": "lesstof.leshulp",
    "beginplan": "lesstof.leshulp",
    "probeer": "lesstof.leshulp",
    "eerste_regels": "lesstof.leshulp",
    "laatste_metingen": "lesstof.leshulp",
    # all of a student's own work in one zip (the browser site's "download all my work")
    "pak_alles_in": "opdrachten.mijnwerk",
    # examples
    "voorbeeldplan": "plan.voorbeelden",
    "bewaar_voorbeeld": "plan.voorbeelden",
    "voorbeeld_met_fout": "plan.voorbeelden",
    # forms and diagrams (load ipywidgets / matplotlib on first use)
    "MissieFormulier": "formulieren.lagen",
    "VisieFormulier": "formulieren.lagen",
    "DoelenFormulier": "formulieren.lagen",
    "TactiekenFormulier": "formulieren.lagen",
    "MiddelenFormulier": "formulieren.lagen",
    "KPIFormulier": "formulieren.lagen",
    "PlanEditor": "formulieren.editor",
    "bewerk": "formulieren.editor",
    "leerlus": "formulieren.leerlus",
    "teken_basismodel": "lesstof.diagrammen",
    "teken_plan": "lesstof.diagrammen",
    "plan_samenvatting": "lesstof.diagrammen",
}


#: Module paths from before the subpackages (0.1.0): lessons, exercises, a student's half-done
#: notebook and hand-ins made then import them (``basismodel_edu.opdracht``), so they keep
#: working. Each is the same module object as its new path, not a copy.
OUDE_PADEN = {
    "berichten": "taal.berichten",
    "getallen": "taal.getallen",
    "datums": "taal.datums",
    "sjabloon": "taal.sjabloon",
    "figuren": "taal.figuren",
    "model": "plan.model",
    "bestand": "plan.bestand",
    "elementen": "plan.elementen",
    "revisies": "plan.revisies",
    "voorbeelden": "plan.voorbeelden",
    "regels": "controle.regels",
    "regels_meten": "controle.regels.meten",
    "smart": "controle.smart",
    "herleiding": "controle.herleiding",
    "opvulling": "controle.opvulling",
    "platforms": "controle.platforms",
    "index": "controle.index",
    "meetstand": "controle.meetstand",
    "exports": "meten.exports",
    "importeren": "meten.importeren",
    "meetronde": "meten.meetronde",
    "voortgangstabel": "meten.voortgangstabel",
    "meetgrafieken": "meten.meetgrafieken",
    "tekstpaden": "meten.tekstpaden",
    "meetformulieren": "formulieren.leerlus",
    "opdracht": "opdrachten.opdracht",
    "opdrachteisen": "opdrachten.opdrachteisen",
    "uitgave": "opdrachten.uitgave",
    "inleveren": "opdrachten.inleveren",
    "mijnwerk": "opdrachten.mijnwerk",
    "cursus": "lesstof.cursus",
    "zelftoets": "lesstof.zelftoets",
    "diagrammen": "lesstof.diagrammen",
    "site": "lesstof.site",
}
# ``controle``, ``formulieren`` and ``lesstof`` were modules and are now the subpackages of the
# same name; each re-exports what the old module offered.


class _OudPad(MetaPathFinder, Loader):
    """Finds an old module path and hands out the module at its new path."""

    def find_spec(self, naam, pad=None, doel=None):
        ouder, _, kort = naam.rpartition(".")
        if ouder != __name__ or kort not in OUDE_PADEN:
            return None
        return spec_from_loader(naam, self)

    def create_module(self, spec):
        return None  # an empty module for the moment; exec_module puts the real one in its place

    def exec_module(self, module):
        echt = import_module(f"{__name__}.{OUDE_PADEN[module.__name__.rpartition('.')[2]]}")
        # The import system returns whatever sits in sys.modules after exec_module.
        sys.modules[module.__name__] = echt

    def get_code(self, naam):
        # ``python -m basismodel_edu.cursus``: run the module at its new path, as its own package
        # (its relative imports count from there, not from the old name's).
        nieuw = f"{__name__}.{OUDE_PADEN[naam.rpartition('.')[2]]}"
        bron = f"import runpy\nrunpy.run_module({nieuw!r}, run_name='__main__', alter_sys=True)\n"
        return compile(bron, f"<{naam}>", "exec")


if not any(isinstance(f, _OudPad) for f in sys.meta_path):
    sys.meta_path.append(_OudPad())

__all__ = sorted(_WAAR)


def __getattr__(naam: str):
    if naam == "__version__":
        # importlib.metadata costs more than the rest of the import; read it only when asked.
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("basismodel-edu")
        except PackageNotFoundError:  # a source tree that was never installed
            return "onbekend"
    if naam in OUDE_PADEN:
        return import_module(f".{naam}", __name__)
    module = _WAAR.get(naam)
    if module is None:
        raise AttributeError(f"module 'basismodel_edu' has no attribute {naam!r}")
    waarde = getattr(import_module(f".{module}", __name__), naam)
    globals()[naam] = waarde
    return waarde


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
