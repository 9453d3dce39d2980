"""Release an exercise: write the student version of a master notebook.

A master notebook holds everything: the case, the tasks, the answer cells with the model
solution, the check cells and the hidden checks. Cells are marked with tags:

==============  ==================================================================================
tag             meaning
==============  ==================================================================================
``oplossing``   an answer cell holding the model solution. In code, the lines between
                ``# BEGIN OPLOSSING`` and ``# EINDE OPLOSSING`` are the solution; lines in that
                block that start with ``# SJABLOON:`` become commented examples for the student.
                A markdown answer cell becomes a placeholder. The student version tags it
                ``antwoord``.
``controle``    a check cell: calls ``controleer_opdracht(...)`` with literal arguments; its
                points stand in ``metadata.basismodel.punten``. Kept, with its id, and marked not
                editable and not deletable.
``verborgen``   (with ``controle``) a hidden check: left out of the student version; the grader
                puts it back.
``formulier``   the cell that shows the exercise's form (kept as it is).
``rubriek``     a markdown cell with what the lecturer judges by hand: the criteria stand in
                ``metadata.basismodel.rubriek`` (see :class:`Criterium`). The student version
                shows the cell's own text followed by the rubric, rendered from
                ``sjablonen/rubriek.md.j2``; ``grade`` leaves these points open until the
                lecturer merges a filled-in rubric (``basismodel-edu rubriek``).
==============  ==================================================================================

A check with ``metadata.basismodel.deelpunten: true`` gives points per rule that passes instead
of all or nothing (see :func:`basismodel_edu.nakijken.score.deelpunten`).

The release tags every check cell of the student version ``raises-exception``, so JupyterLab's
Run All does not stop at the first check that fails; a master must not carry that tag.

The release is deterministic: the same master gives the same bytes.
"""

from __future__ import annotations

import copy
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..taal.berichten import taaloptie, tekst

__all__ = [
    "Criterium",
    "Master",
    "MasterFout",
    "Niveau",
    "controlecellen",
    "geef_uit",
    "lees_master",
    "rubriektekst",
    "studentversie",
]

BEGIN = "# BEGIN OPLOSSING"
EINDE = "# EINDE OPLOSSING"
SJABLOON = "# SJABLOON:"


class MasterFout(ValueError):
    """A master notebook that cannot be released or graded from, with the reason in Dutch."""


@dataclass
class Controle:
    """One check cell of a master: its id, name, points, whether hidden, and its arguments."""

    id: str
    naam: str
    punten: float
    verborgen: bool
    argumenten: dict[str, Any] = field(default_factory=dict)
    #: Points per rule that passes (``metadata.basismodel.deelpunten``) instead of all or nothing.
    deelpunten: bool = False


@dataclass(frozen=True)
class Niveau:
    """One level of a rubric criterion: the points it gives and what the lecturer sees then."""

    punten: float
    omschrijving: str


@dataclass(frozen=True)
class Criterium:
    """One criterion the lecturer judges by hand.

    In the master's rubric cell (``metadata.basismodel.rubriek``, a list of these)::

        {"id": "missie-past", "criterium": "Past de missie bij het bedrijf?", "punten": 3,
         "niveaus": [{"punten": 3, "omschrijving": "..."}, {"punten": 0, "omschrijving": "..."}]}

    ``id`` is what the fill-in file and the gradebook use (letters, digits, ``-`` and ``_``,
    unique in the master); ``niveaus`` describe the levels (distinct points from 0 to
    ``punten``, the highest exactly ``punten``). The lecturer may give any number of points
    from 0 to ``punten``, also between two levels.
    """

    id: str
    criterium: str
    punten: float
    niveaus: tuple[Niveau, ...]
    cel: str = ""  # the rubric cell's id, for messages


@dataclass
class Master:
    """A master notebook read and validated, with its checks and its rubric in order."""

    pad: Path
    nb: Any
    controles: list[Controle]
    rubriek: list[Criterium] = field(default_factory=list)

    @property
    def naam(self) -> str:
        return self.nb.metadata.get("basismodel", {}).get("opdracht") or self.pad.parent.name

    @property
    def plan(self) -> str:
        return self.nb.metadata.get("basismodel", {}).get("plan", "plan.json")

    @property
    def maximum(self) -> float:
        """All points: the checks' and the rubric's."""
        return self.maximum_controles + sum(c.punten for c in self.rubriek)

    @property
    def maximum_controles(self) -> float:
        """The points the grader gives by itself (visible and hidden checks)."""
        return sum(c.punten for c in self.controles)


def _tags(cel: Any) -> list[str]:
    tags = cel.get("metadata", {}).get("tags", [])
    return list(tags) if isinstance(tags, list) else []


def controlecellen(nb: Any) -> list[Any]:
    """The check cells of a notebook (visible and hidden), in order."""
    return [c for c in nb.cells if c.cell_type == "code" and "controle" in _tags(c)]


def lees_master(pad: str | os.PathLike[str]) -> Master:
    """Read a master notebook and check that it can be released and graded from."""
    import nbformat

    from .opdracht import lees_controlecel

    pad = Path(pad)
    try:
        nb = nbformat.read(pad, as_version=4)
        nbformat.validate(nb)
    except Exception as e:  # any unreadable file ends in one clear message
        raise MasterFout(tekst("uitgave.geen_master", pad=str(pad), reden=str(e))) from None
    gezien: set[str] = set()
    for cel in nb.cells:
        if cel.get("id") in gezien:
            raise MasterFout(
                tekst(
                    "uitgave.geen_master",
                    pad=str(pad),
                    reden=tekst("uitgave.dubbele_id", id=cel.id),
                )
            )
        gezien.add(cel.get("id"))
    controles = []
    for cel in controlecellen(nb):
        meta = cel.metadata.get("basismodel", {})
        try:
            argumenten = lees_controlecel(cel.source)
        except (ValueError, SyntaxError):
            argumenten = None
        punten = meta.get("punten")
        if (
            argumenten is None
            or not isinstance(punten, int | float)
            or ("punten" in argumenten and argumenten["punten"] != punten)
        ):
            raise MasterFout(
                tekst(
                    "uitgave.geen_master",
                    pad=str(pad),
                    reden=tekst("uitgave.geen_controle_aanroep", id=cel.id),
                )
            )
        if "raises-exception" in _tags(cel):  # the master's checks must be able to fail
            raise MasterFout(
                tekst(
                    "uitgave.geen_master",
                    pad=str(pad),
                    reden=tekst("uitgave.controle_mag_falen", id=cel.id),
                )
            )
        deel = meta.get("deelpunten", False)
        if not isinstance(deel, bool):
            raise MasterFout(
                tekst(
                    "uitgave.geen_master",
                    pad=str(pad),
                    reden=tekst("uitgave.deelpunten_janee", id=cel.id),
                )
            )
        naam = meta.get("controle") or argumenten.get("naam") or cel.id
        controles.append(
            Controle(cel.id, naam, float(punten), "verborgen" in _tags(cel), argumenten, deel)
        )
    if not controles:
        raise MasterFout(
            tekst("uitgave.geen_master", pad=str(pad), reden=tekst("uitgave.geen_controles"))
        )
    rubriek: list[Criterium] = []
    for cel in nb.cells:
        if "rubriek" in _tags(cel):
            try:
                rubriek += _lees_rubriek(cel, {c.id for c in rubriek})
            except _RubriekFout as e:
                raise MasterFout(tekst("uitgave.geen_master", pad=str(pad), reden=str(e))) from None
    return Master(pad, nb, controles, rubriek)


class _RubriekFout(ValueError):
    pass


_RUBRIEK_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,59}")
_VELDEN = {"id", "criterium", "punten", "niveaus"}


def _getal(x: Any) -> bool:
    return isinstance(x, int | float) and not isinstance(x, bool) and x == x  # not NaN


def _lees_rubriek(cel: Any, gezien: set[str]) -> list[Criterium]:
    """The criteria of one rubric cell, or :class:`_RubriekFout` naming the cell and the field."""

    def fout(sleutel: str, **w: Any) -> _RubriekFout:
        return _RubriekFout(tekst(f"uitgave.rubriek.{sleutel}", cel=cel.id, **w))

    if cel.cell_type != "markdown":
        raise fout("geen_markdown")
    lijst = cel.get("metadata", {}).get("basismodel", {}).get("rubriek")
    if not isinstance(lijst, list) or not lijst:
        raise fout("geen_lijst")
    uit = []
    for nr, c in enumerate(lijst, start=1):
        if not isinstance(c, dict):
            raise fout("geen_object", nr=nr)
        onbekend = sorted(set(c) - _VELDEN)
        if onbekend:
            raise fout("onbekend_veld", nr=nr, veld=onbekend[0], velden=", ".join(sorted(_VELDEN)))
        id_ = c.get("id")
        if not isinstance(id_, str) or not _RUBRIEK_ID.fullmatch(id_):
            raise fout("id", nr=nr)
        if id_ in gezien:
            raise fout("dubbel", id=id_)
        gezien.add(id_)
        naam = c.get("criterium")
        if not isinstance(naam, str) or not naam.strip():
            raise fout("criterium", id=id_)
        punten = c.get("punten")
        if not _getal(punten) or punten <= 0:
            raise fout("punten", id=id_)
        niveaus = c.get("niveaus")
        if not isinstance(niveaus, list) or not niveaus:
            raise fout("niveaus", id=id_)
        gelezen: list[Niveau] = []
        for n in niveaus:
            if (
                not isinstance(n, dict)
                or set(n) != {"punten", "omschrijving"}
                or not _getal(n["punten"])
                or not 0 <= n["punten"] <= punten
                or not isinstance(n["omschrijving"], str)
                or not n["omschrijving"].strip()
            ):
                raise fout("niveau", id=id_, maximum=punten)
            gelezen.append(Niveau(float(n["punten"]), n["omschrijving"].strip()))
        waarden = [n.punten for n in gelezen]
        if len(set(waarden)) != len(waarden) or max(waarden) != punten:
            raise fout("niveaus_bereik", id=id_, maximum=punten)
        gelezen.sort(key=lambda n: -n.punten)
        uit.append(Criterium(id_, naam.strip(), float(punten), tuple(gelezen), cel.id))
    return uit


def rubriektekst(criteria: list[Criterium], inleiding: str = "") -> str:
    """The rubric as the student reads it (Markdown): the cell's own text, then per criterion
    its points and levels."""
    import jinja2

    omgeving = jinja2.Environment(
        loader=jinja2.PackageLoader("basismodel_edu.taal", "sjablonen"),
        autoescape=False,  # Markdown, not HTML; table cells are escaped by the filter below
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        undefined=jinja2.StrictUndefined,
    )
    omgeving.filters["cel"] = lambda x: " ".join(str(x).split()).replace("|", "\\|")
    from ..taal.berichten import getal

    return (
        omgeving.get_template("rubriek.md.j2")
        .render(inleiding=inleiding.strip(), criteria=criteria, t=tekst, getal=getal)
        .strip()
    )


def _zonder_oplossing(bron: str, cel_id: str, pad: Path) -> str:
    regels = bron.splitlines()
    uit: list[str] = []
    in_blok = False
    voorbeeld: list[str] = []
    for regel in regels:
        kaal = regel.strip()
        if kaal.startswith(BEGIN):
            in_blok, voorbeeld = True, []
            inspringing = regel[: len(regel) - len(regel.lstrip())]
            continue
        if kaal.startswith(EINDE) and in_blok:
            in_blok = False
            uit.extend(voorbeeld or [inspringing + tekst("opdracht.plaatshouder_code")])
            continue
        if in_blok:
            if kaal.startswith(SJABLOON):
                # keep the example's own indentation, so a long example can span lines
                voorbeeld_regel = kaal[len(SJABLOON) :].rstrip()
                voorbeeld_regel = voorbeeld_regel.removeprefix(" ")
                voorbeeld.append((inspringing + "# " + voorbeeld_regel).rstrip())
            continue
        uit.append(regel)
    if in_blok:
        raise MasterFout(
            tekst(
                "uitgave.geen_master",
                pad=str(pad),
                reden=tekst("uitgave.oplossing_markering", id=cel_id),
            )
        )
    if not any(r.strip().startswith(BEGIN) for r in regels):
        # a solution cell without markers is all solution
        return tekst("opdracht.plaatshouder_code")
    return "\n".join(uit)


def studentversie(master: Master) -> Any:
    """The student version of ``master`` as a notebook object (nothing is written)."""
    nb = copy.deepcopy(master.nb)
    cellen = []
    rubriek_per_cel: dict[str, list[Criterium]] = {}
    for c in master.rubriek:
        rubriek_per_cel.setdefault(c.cel, []).append(c)
    for cel in nb.cells:
        tags = _tags(cel)
        if "verborgen" in tags:
            continue
        if "rubriek" in tags:
            cel.source = rubriektekst(rubriek_per_cel[cel.id], cel.source)
            cel.metadata["editable"] = False
            cel.metadata["deletable"] = False
        if "oplossing" in tags:
            if cel.cell_type == "code":
                cel.source = _zonder_oplossing(cel.source, cel.id, master.pad)
            else:
                cel.source = tekst("opdracht.plaatshouder_tekst")
            tags = [t for t in tags if t != "oplossing"] + ["antwoord"]
            cel.metadata["tags"] = tags
        if "controle" in tags:
            cel.metadata["editable"] = False
            cel.metadata["deletable"] = False
            # JupyterLab's Run All then goes on past a check that fails, so the student sees
            # every panel at once. Only here: the master (and what the grader rebuilds from it)
            # keeps a failing check a failing cell.
            if "raises-exception" not in tags:
                tags = [*tags, "raises-exception"]
                cel.metadata["tags"] = tags
            cel.metadata.get("basismodel", {}).pop("verborgen", None)
        if cel.cell_type == "code":
            cel.outputs = []
            cel.execution_count = None
            cel.metadata.pop("execution", None)
        cellen.append(cel)
    nb.cells = cellen
    nb.metadata.setdefault("basismodel", {})["versie"] = "student"
    return nb


def geef_uit(master: str | os.PathLike[str], uit: str | os.PathLike[str]) -> Path:
    """Write the student version of the master notebook ``master`` to ``uit``; returns its path.

    Solutions are replaced by placeholders, hidden checks left out, outputs cleared, and check
    cells kept with their ids, not editable and not deletable. The same master always gives the
    same bytes, so the released file can be committed and compared.
    """
    import nbformat

    m = lees_master(master)
    nb = studentversie(m)
    nbformat.validate(nb)
    uit = Path(uit)
    uit.parent.mkdir(parents=True, exist_ok=True)
    data = nbformat.writes(nb) + "\n"
    tijdelijk = uit.with_name(uit.name + ".tmp")
    tijdelijk.write_bytes(data.encode("utf-8"))
    os.replace(tijdelijk, uit)
    return uit


def _opzet(p) -> None:
    p.add_argument("master", help=tekst("cli.help.master"))
    p.add_argument("uit", help=tekst("cli.help.release_uit"))
    taaloptie(p)


def _release(args) -> int:
    import sys

    try:
        pad = geef_uit(args.master, args.uit)
    except MasterFout as e:
        print(str(e), file=sys.stderr)
        return 2
    m = lees_master(args.master)
    verborgen = sum(c.verborgen for c in m.controles)
    oplossingen = sum("oplossing" in _tags(c) for c in m.nb.cells)
    print(
        tekst(
            "uitgave.klaar",
            pad=pad,
            controles=len(m.controles) - verborgen,
            verborgen=verborgen,
            oplossingen=oplossingen,
        )
    )
    return 0


#: The command line's subcommand for releasing an exercise (read by :mod:`basismodel_edu.cli`).
COMMANDOS = {"release": (_opzet, _release)}
