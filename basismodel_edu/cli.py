"""The ``basismodel-edu`` command: a thin layer over the package's functions.

Exit codes of ``check``: 0 no errors (warnings allowed), 1 errors, 2 the file cannot be read or
is not a plan. Every expected mistake ends in a clear message, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence

from .taal.berichten import taaloptie, tekst, zet_taal

__all__ = ["main"]

#: subcommand → (set-up of its arguments, function that runs it and returns the exit code)
COMMANDO: dict[str, tuple[Callable[[argparse.ArgumentParser], None], Callable[..., int]]] = {}


def commando(naam: str, opzet: Callable[[argparse.ArgumentParser], None]):
    def registreer(functie: Callable[..., int]):
        COMMANDO[naam] = (opzet, functie)
        return functie

    return registreer


def _opzet_check(p: argparse.ArgumentParser) -> None:
    p.add_argument("plan", help=tekst("cli.help.plan"))
    taaloptie(p)
    p.add_argument(
        "--format", choices=["text", "json"], default="text", help=tekst("cli.help.format")
    )
    p.add_argument("--select", default=None, help=tekst("cli.help.select"))


@commando("check", _opzet_check)
def _check(args: argparse.Namespace) -> int:
    from .controle.motor import controleer
    from .plan.bestand import laad_plan
    from .plan.model import PlanFout

    try:
        plan = laad_plan(args.plan)
        selectie = [s for s in args.select.split(",") if s.strip()] if args.select else None
        uitslag = controleer(plan, selectie)
    except (PlanFout, ValueError) as e:
        # A script that asked for JSON reads stdout: it gets JSON there too, with the error.
        if args.format == "json":
            fouten = getattr(e, "fouten", None) or [("", str(e))]
            print(
                json.dumps(
                    {
                        "ok": False,
                        "error": str(e),
                        "errors": [{"path": pad, "message": m} for pad, m in fouten],
                    },
                    ensure_ascii=False,
                    indent=2,
                )
            )
        print(str(e), file=sys.stderr)
        return 2
    if args.format == "json":
        print(json.dumps(uitslag.als_lijst(), ensure_ascii=False, indent=2))
    else:
        print(uitslag.tekst())
    return 0 if uitslag.ok else 1


def _opzet_smart(p: argparse.ArgumentParser) -> None:
    p.add_argument("tekst", help=tekst("cli.help.smart_tekst"))
    taaloptie(p)
    p.add_argument(
        "--format", choices=["text", "json"], default="text", help=tekst("cli.help.format")
    )


@commando("smart", _opzet_smart)
def _smart(args: argparse.Namespace) -> int:
    from .controle.smart import beoordeel_smart

    oordeel = beoordeel_smart(args.tekst)
    if args.format == "json":
        print(json.dumps(oordeel.als_dict(), ensure_ascii=False, indent=2))
    else:
        print(str(oordeel))
    return 0


def _opzet_rules(p: argparse.ArgumentParser) -> None:
    taaloptie(p)
    p.add_argument(
        "--format", choices=["text", "json"], default="text", help=tekst("cli.help.format")
    )
    p.add_argument("--select", default=None, help=tekst("cli.help.select"))


@commando("rules", _opzet_rules)
def _rules(args: argparse.Namespace) -> int:
    from .controle.motor import kies_regels

    selectie = [s for s in args.select.split(",") if s.strip()] if args.select else None
    try:
        regels = kies_regels(selectie)
    except ValueError as e:
        print(str(e), file=sys.stderr)
        return 2
    rijen = [
        {
            "code": r.code,
            "family": r.familie,
            "severity": r.ernst,
            "layer": r.laag,
            "lesson": r.les,
            "heuristic": r.heuristiek,
            "title": r.titel(),
        }
        for r in regels
    ]
    if args.format == "json":
        print(json.dumps(rijen, ensure_ascii=False, indent=2))
    else:
        for rij in rijen:
            ernst = tekst(f"ernst.{rij['severity']}")
            print(
                f"{rij['code']}  {ernst:<12} {rij['family']:<16} {rij['layer']:<10} {rij['title']}"
            )
    return 0


@commando("schema", lambda p: None)
def _schema(args: argparse.Namespace) -> int:
    from .plan.bestand import plan_schema

    print(json.dumps(plan_schema(), ensure_ascii=False, indent=2))
    return 0


def _opzet_example(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "uit", nargs="?", default="voorbeeldplan.json", help=tekst("cli.help.example_uit")
    )
    p.add_argument("--force", action="store_true", help=tekst("cli.help.force"))


@commando("example", _opzet_example)
def _example(args: argparse.Namespace) -> int:
    from pathlib import Path

    from .plan.model import PlanFout
    from .plan.voorbeelden import bewaar_voorbeeld

    if Path(args.uit).exists() and not args.force:
        print(tekst("cli.bestaat_al", pad=args.uit), file=sys.stderr)
        return 2
    try:
        pad = bewaar_voorbeeld(args.uit)
    except PlanFout as e:
        print(str(e), file=sys.stderr)
        return 2
    print(tekst("bestand.opgeslagen", pad=pad))
    return 0


def _opzet_meet(p: argparse.ArgumentParser) -> None:
    p.add_argument("plan", help=tekst("cli.help.plan"))
    p.add_argument("exports", nargs="+", metavar="EXPORT", help=tekst("cli.help.meet_exports"))
    p.add_argument("--koppeling", action="append", default=[], help=tekst("cli.help.koppeling"))
    p.add_argument("--per", choices=["dag", "week"], default="dag", help=tekst("cli.help.per"))
    p.add_argument("--datum", default=None, help=tekst("cli.help.datum"))
    p.add_argument("--reden", default=None, help=tekst("cli.help.reden"))
    taaloptie(p)


@commando("meet", _opzet_meet)
def _meet(args: argparse.Namespace) -> int:
    from .meten.meetronde import lees_koppeling, meet
    from .plan.model import PlanFout

    try:
        koppeling = lees_koppeling(args.koppeling) if args.koppeling else None
        ronde = meet(
            args.plan, args.exports, koppeling, per=args.per, datum=args.datum, reden=args.reden
        )
    except (PlanFout, ValueError) as e:
        print(str(e), file=sys.stderr)
        return 2
    for melding in ronde.waarschuwingen:
        print(f"⚠ {melding}", file=sys.stderr)
    print(ronde.samenvatting())
    print()
    print(ronde.voortgang().tekst())
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="basismodel-edu", description=tekst("cli.beschrijving"))
    sub = parser.add_subparsers(dest="commando", required=True, metavar="COMMANDO")
    for naam, (opzet, _) in COMMANDO.items():
        p = sub.add_parser(naam, help=tekst(f"cli.help.{naam}"))
        opzet(p)
    return parser


#: Subcommands that live beside their concern, each module offering a ``COMMANDOS`` table. The
#: command line imports them, never the other way round.
COMMANDO_MODULES = ("opdrachten.uitgave", "nakijken.cli")


def _laad_commando_modules() -> None:
    from importlib import import_module

    for module in COMMANDO_MODULES:
        COMMANDO.update(import_module(f".{module}", __package__).COMMANDOS)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    # A Windows console may not print every symbol we use; replace rather than crash.
    for stroom in (sys.stdout, sys.stderr):
        if hasattr(stroom, "reconfigure"):
            stroom.reconfigure(errors="replace")
    argv = list(sys.argv[1:] if argv is None else argv)
    # The language must be set before the parser builds its help texts.
    if "--lang" in argv:
        i = argv.index("--lang")
        if i + 1 < len(argv) and argv[i + 1] in ("nl", "en"):
            zet_taal(argv[i + 1])
    for a in argv:
        if a.startswith("--lang=") and a.split("=", 1)[1] in ("nl", "en"):
            zet_taal(a.split("=", 1)[1])
    _laad_commando_modules()
    args = _parser().parse_args(argv)
    try:
        return COMMANDO[args.commando][1](args)
    except BrokenPipeError:
        # The reader (``| head``, ``| more``) stopped early; that is not an error of ours.
        sys.stdout = open(os.devnull, "w", encoding="utf-8")
        return 0


if __name__ == "__main__":
    sys.exit(main())
