"""Score one student: a visible check's points count only when its cell passed in the notebook
*and* the grader, in its own process, re-checked the plan bytes and found it passes. Hidden
checks are re-checked only by the grader, and count when the notebook ran to its end.

So a notebook can only lose points by what it does (loop, crash, bypass a check), never gain
them: nothing the kernel reports about itself can raise a grade.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..berichten import tekst
from ..uitgave import Master
from .uitvoeren import GEHAALD, NIET_GEDRAAID, Uitvoering

__all__ = ["Beoordeling", "Controle", "score"]


@dataclass
class Controle:
    """The outcome of one check for one student."""

    naam: str
    punten: float
    behaald: float
    verborgen: bool
    in_notebook: str  # gehaald / niet gehaald / niet gedraaid / "-" for a hidden check
    nakijker: bool  # the grader's own re-check passed
    problemen: list[str] = field(default_factory=list)


@dataclass
class Beoordeling:
    """One student's result: points per check, total, status, the grader's remarks, and the
    evidence an appeal needs (hashes, version, sandbox, limits)."""

    student: str
    status: str  # "beoordeeld" or "onbeoordeelbaar"
    controles: list[Controle] = field(default_factory=list)
    opmerkingen: list[str] = field(default_factory=list)
    # What only the lecturer reads (gradebook, resultaten.json): the grader's own errors. A
    # student's page says that something went wrong on the grader's side, not what.
    voor_docent: list[str] = field(default_factory=list)
    reden: str = ""
    regels: list[str] = field(default_factory=list)  # rule codes that failed (grader's check)
    bevindingen: list[dict[str, str]] = field(default_factory=list)
    bestand: str = ""  # the name of this student's feedback page, unique in the class
    bewijs: dict = field(default_factory=dict)

    @property
    def totaal(self) -> float:
        return sum(c.behaald for c in self.controles)


def score(
    master: Master,
    student: str,
    plan: bytes | None,
    opmerkingen: list[str],
    uitvoering: Uitvoering,
    grenzen,
) -> Beoordeling:
    """The grade of one student from the plan bytes and how the notebook ran."""
    from ..controle import controleer
    from ..opdracht import _laad, toets_plan

    b = Beoordeling(student, "beoordeeld", opmerkingen=list(opmerkingen))
    u = uitvoering
    if u.start_mislukt:
        b.opmerkingen.append(tekst("nakijken.opmerking.start_mislukt"))
        b.voor_docent.append(tekst("nakijken.docent.start_mislukt", fout=u.startfout or "-"))
    if u.time_out:
        b.opmerkingen.append(
            tekst("nakijken.opmerking.time_out", seconden=grenzen.seconden_per_cel)
        )
    if u.notebook_te_lang:
        b.opmerkingen.append(
            tekst("nakijken.opmerking.notebook_te_lang", seconden=grenzen.seconden_per_notebook)
        )
    if u.kernel_dood:
        b.opmerkingen.append(tekst("nakijken.opmerking.kernel_dood"))
    if u.uitvoer_te_groot:
        b.opmerkingen.append(tekst("nakijken.opmerking.uitvoer_te_groot", kb=grenzen.uitvoer_kb))
    controle_ids = {c.id for c in master.controles}
    eigen_fouten = sum(1 for cel_id in u.foutnamen if cel_id not in controle_ids)
    if eigen_fouten:
        b.opmerkingen.append(tekst("nakijken.opmerking.fouten_in_cellen", aantal=eigen_fouten))
    voltooid = not (u.start_mislukt or u.kernel_dood or u.notebook_te_lang)
    verklaard = not voltooid or u.time_out
    codes: set[str] = set()
    for c in master.controles:
        args = {k: v for k, v in c.argumenten.items() if k not in ("plan", "naam", "punten")}
        toetsing = toets_plan(
            plan, args.pop("selectie", None), naam=c.naam, punten=c.punten, **args
        )
        codes.update(toetsing.codes)
        if c.verborgen:
            in_nb = "-"
            behaald = c.punten if (voltooid and toetsing.geslaagd) else 0.0
        else:
            in_nb = u.cellen.get(c.id, NIET_GEDRAAID)
            behaald = c.punten if (in_nb == GEHAALD and toetsing.geslaagd) else 0.0
            if in_nb == GEHAALD and not toetsing.geslaagd:
                b.opmerkingen.append(tekst("nakijken.opmerking.tegenspraak", naam=c.naam))
            if not verklaard and in_nb != GEHAALD and toetsing.geslaagd:
                # Only the exception's name: nothing else a kernel wrote reaches a page.
                reden = u.foutnamen.get(c.id, "-")
                b.opmerkingen.append(
                    tekst("nakijken.opmerking.niet_gedraaid", naam=c.naam, reden=reden)
                )
        b.controles.append(
            Controle(
                c.naam, c.punten, behaald, c.verborgen, in_nb, toetsing.geslaagd, toetsing.problemen
            )
        )
    b.regels = sorted(codes)
    plan_obj, _ = _laad(plan)
    if plan_obj is not None:
        b.bevindingen = controleer(plan_obj).als_lijst()
    return b
