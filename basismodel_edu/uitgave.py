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
==============  ==================================================================================

The release tags every check cell of the student version ``raises-exception``, so JupyterLab's
Run All does not stop at the first check that fails; a master must not carry that tag.

The release is deterministic: the same master gives the same bytes.
"""

from __future__ import annotations

import copy
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .berichten import tekst

__all__ = ["Master", "MasterFout", "controlecellen", "geef_uit", "lees_master", "studentversie"]

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


@dataclass
class Master:
    """A master notebook read and validated, with its checks in order."""

    pad: Path
    nb: Any
    controles: list[Controle]

    @property
    def naam(self) -> str:
        return self.nb.metadata.get("basismodel", {}).get("opdracht") or self.pad.parent.name

    @property
    def plan(self) -> str:
        return self.nb.metadata.get("basismodel", {}).get("plan", "plan.json")

    @property
    def maximum(self) -> float:
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
        naam = meta.get("controle") or argumenten.get("naam") or cel.id
        controles.append(
            Controle(cel.id, naam, float(punten), "verborgen" in _tags(cel), argumenten)
        )
    if not controles:
        raise MasterFout(
            tekst("uitgave.geen_master", pad=str(pad), reden=tekst("uitgave.geen_controles"))
        )
    return Master(pad, nb, controles)


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
    for cel in nb.cells:
        tags = _tags(cel)
        if "verborgen" in tags:
            continue
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
    from .cli import _taal

    _taal(p)


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


def _registreer() -> None:
    from .cli import commando

    commando("release", _opzet)(_release)


_registreer()
