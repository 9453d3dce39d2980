"""The ``grade`` command: a thin layer over :func:`basismodel_edu.nakijken.beoordeel`."""

from __future__ import annotations

import argparse
import sys

from ..taal.berichten import taaloptie, tekst

__all__: list[str] = []


def _opzet(p: argparse.ArgumentParser) -> None:
    p.add_argument("master", help=tekst("cli.help.master"))
    p.add_argument("inzendingen", help=tekst("cli.help.inzendingen"))
    p.add_argument("--out", required=True, help=tekst("cli.help.grade_uit"))
    p.add_argument("--timeout", type=float, default=60, help=tekst("cli.help.timeout"))
    p.add_argument(
        "--notebook-timeout", type=float, default=None, help=tekst("cli.help.notebook_timeout")
    )
    p.add_argument("--workers", type=int, default=None, help=tekst("cli.help.workers"))
    p.add_argument("--student", action="append", default=None, help=tekst("cli.help.student"))
    p.add_argument(
        "--no-sandbox",
        action="store_true",
        dest="zonder_zandbak",
        help=tekst("cli.help.zonder_zandbak"),
    )
    taaloptie(p)


def _grade(args: argparse.Namespace) -> int:
    from ..opdrachten.uitgave import MasterFout
    from . import ZandbakFout, beoordeel

    try:
        res = beoordeel(
            args.master,
            args.inzendingen,
            args.out,
            timeout=args.timeout,
            notebook_timeout=args.notebook_timeout,
            werkers=args.workers,
            zonder_zandbak=args.zonder_zandbak,
            studenten=args.student,
        )
    except (MasterFout, FileExistsError, FileNotFoundError, ZandbakFout, ValueError) as e:
        print(str(e), file=sys.stderr)
        return 2
    onbeoordeeld = sum(b.status == "onbeoordeelbaar" for b in res.beoordelingen)
    print(repr(res))
    if not res.zandbak:
        print(tekst("nakijken.zonder_zandbak_gedaan"), file=sys.stderr)
    print(
        tekst(
            "nakijken.klaar",
            aantal=len(res.beoordelingen) - onbeoordeeld,
            onbeoordeeld=onbeoordeeld,
            pad=res.uit / "cijferlijst.csv",
        )
    )
    return 0


def _opzet_export(p: argparse.ArgumentParser) -> None:
    p.add_argument("uitmap", help=tekst("cli.help.export_uitmap"))
    p.add_argument(
        "--lms",
        choices=["brightspace", "canvas", "moodle"],
        default="brightspace",
        help=tekst("cli.help.export_lms"),
    )
    p.add_argument("--klaslijst", required=True, help=tekst("cli.help.export_klaslijst"))
    p.add_argument("--item", required=True, help=tekst("cli.help.export_item"))
    p.add_argument("--out", required=True, help=tekst("cli.help.export_uit"))
    taaloptie(p)


def _export(args: argparse.Namespace) -> int:
    from .export import ExportFout, exporteer

    try:
        verslag = exporteer(args.uitmap, args.klaslijst, args.item, args.out, args.lms)
    except ExportFout as e:
        print(str(e), file=sys.stderr)
        return 2
    for regel in verslag.regels():
        print(regel)
    return 0


def _opzet_rubriek(p: argparse.ArgumentParser) -> None:
    p.add_argument("uitmap", help=tekst("cli.help.rubriek_uitmap"))
    p.add_argument("--invullen", default=None, help=tekst("cli.help.rubriek_invullen"))
    p.add_argument("--out", default=None, help=tekst("cli.help.rubriek_uit"))
    taaloptie(p)


def _rubriek(args: argparse.Namespace) -> int:
    from .rubriek import RubriekFout, invulbestand, voeg_samen

    try:
        if args.invullen is None:
            pad = invulbestand(args.uitmap, args.out)
            rijen = max(0, len(pad.read_text("utf-8-sig").splitlines()) - 1)
            print(tekst("nakijken.rubriek.invulbestand", pad=pad, aantal=rijen, map=args.uitmap))
            return 0
        verslag = voeg_samen(args.uitmap, args.invullen)
    except RubriekFout as e:
        print(str(e), file=sys.stderr)
        return 2
    for regel in verslag.regels():
        print(regel)
    return 0


#: The command line's subcommands for grading (read by :mod:`basismodel_edu.cli`).
COMMANDOS = {
    "grade": (_opzet, _grade),
    "export-grades": (_opzet_export, _export),
    "rubriek": (_opzet_rubriek, _rubriek),
}
