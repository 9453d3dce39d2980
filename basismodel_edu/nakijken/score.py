"""Score one student: a visible check's points count only when its cell passed in the notebook
*and* the grader, in its own process, re-checked the plan bytes and found it passes. Hidden
checks are re-checked only by the grader, and count when the notebook ran to its end.

So a notebook can only lose points by what it does (loop, crash, bypass a check), never gain
them: nothing the kernel reports about itself can raise a grade.

Partial credit: a check the master marks ``deelpunten`` gives ``punten x (rules passed / rules
checked)``, counted by the grader's own re-check (:func:`deelpunten`), never by the kernel. The
kernel's outcome can only take those points away (a cell that never ran, or ended in another
error than the check's own, gives 0), as for every check.

Rubric criteria (:class:`Rubriekpunt`) start open: no number at all, never 0, until the
lecturer merges a filled-in rubric (:mod:`.rubriek`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..opdrachten.opdracht import deelpunten, getoetste_regels
from ..opdrachten.uitgave import Master
from ..taal.berichten import tekst
from .uitvoeren import GEHAALD, NIET_GEDRAAID, NIET_GEHAALD, Uitvoering

__all__ = ["Beoordeling", "Controle", "Rubriekpunt", "deelpunten", "getoetste_regels", "score"]


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
    deelpunten: bool = False
    regels_gehaald: int | None = None  # with deelpunten: rules passed, by the grader's count
    regels_getoetst: int | None = None  # with deelpunten: rules checked


@dataclass
class Rubriekpunt:
    """One rubric criterion for one student: open (``behaald is None``) until the lecturer's
    filled-in rubric is merged."""

    id: str
    criterium: str
    punten: float
    behaald: float | None = None
    toelichting: str = ""


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
    rubriek: list[Rubriekpunt] = field(default_factory=list)
    te_laat: bool = False  # the learning environment's download marked the hand-in late

    @property
    def automatisch(self) -> float:
        """The points of the checks (visible and hidden)."""
        return sum(c.behaald for c in self.controles)

    @property
    def totaal(self) -> float:
        """The points known so far: the checks' and the rubric points already filled in."""
        return self.automatisch + sum(r.behaald for r in self.rubriek if r.behaald is not None)

    @property
    def open(self) -> list[Rubriekpunt]:
        """The rubric criteria the lecturer has not filled in yet."""
        return [r for r in self.rubriek if r.behaald is None]

    @property
    def eindtotaal(self) -> float | None:
        """The grade's points when nothing is open any more, else ``None`` (never a lower number)."""
        return None if self.open or self.status != "beoordeeld" else self.totaal


def score(
    master: Master,
    student: str,
    plan: bytes | None,
    opmerkingen: list[str],
    uitvoering: Uitvoering,
    grenzen,
) -> Beoordeling:
    """The grade of one student from the plan bytes and how the notebook ran."""
    from ..controle.motor import controleer
    from ..opdrachten.opdracht import _laad, toets_plan

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
        # What the grader's own re-check is worth; the kernel's outcome below can only lower it.
        gehaald = getoetst = None
        if c.deelpunten and "PLAN" not in toetsing.codes:
            gefaald = set(toetsing.codes)
            alle = getoetste_regels(args | {"selectie": c.argumenten.get("selectie")}, gefaald)
            getoetst, gehaald = len(alle), len(alle) - len(gefaald)
            waard = deelpunten(c.punten, gehaald, getoetst)
        else:
            waard = c.punten if toetsing.geslaagd else 0.0
        if c.verborgen:
            in_nb = "-"
            behaald = waard if voltooid else 0.0
        else:
            in_nb = u.cellen.get(c.id, NIET_GEDRAAID)
            # A partial check's cell fails by design when a rule fails: it then counts only when
            # the grader saw a rule fail too and the cell ended in the check's own exception.
            eigen_fout = u.foutnamen.get(c.id) == "ControleNietGehaald"
            gedraaid = in_nb == GEHAALD or (
                c.deelpunten and not toetsing.geslaagd and in_nb == NIET_GEHAALD and eigen_fout
            )
            behaald = waard if gedraaid else 0.0
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
                c.naam,
                c.punten,
                behaald,
                c.verborgen,
                in_nb,
                toetsing.geslaagd,
                toetsing.problemen,
                c.deelpunten,
                gehaald,
                getoetst,
            )
        )
    b.rubriek = [Rubriekpunt(r.id, r.criterium, r.punten) for r in master.rubriek]
    b.regels = sorted(codes)
    plan_obj, _ = _laad(plan)
    if plan_obj is not None:
        b.bevindingen = controleer(plan_obj).als_lijst()
    return b
