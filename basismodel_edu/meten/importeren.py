"""Measured KPI values from analytics exports: CSV and Excel (.xlsx), as Dutch users meet them.

A :class:`Koppeling` (mapping) says which column of the export holds the date and which column
feeds which KPI of the plan; :func:`lees_metingen` reads the file into :class:`~.model.Meting`
items, and :func:`voeg_metingen_toe` puts them into a plan::

    koppeling = Koppeling(datum="Week", kolommen={"Volgers": "K1", "Reacties per post": "K3"})
    plan = voeg_metingen_toe(voorbeeldplan(), lees_metingen("instagram.csv", koppeling))

What the reader understands, and how it decides (nothing is guessed silently):

* **Encoding**: UTF-8, with or without a byte-order mark; a file that is not UTF-8 is read as
  Windows-1252, the encoding Excel uses when it saves "CSV (puntkomma-gescheiden)".
* **Separator**: ``;`` (Dutch Excel), ``,`` or tab. Unless the mapping names one, it is the one
  that splits the header row so that the date column stands on its own; a first line ``sep=;``
  (written by Excel) is honoured.
* **Header row**: the first row that has the date column; note lines above it (an export's title,
  ``# SYNTHETISCH ...``) are skipped. Column names match without regard to case or surrounding
  spaces.
* **Numbers**: ``1.234,5`` (decimal comma, thousands dot) and ``1,234.5`` both occur. Per column,
  a value that fits only one convention decides it (``9,4`` or ``1.234,5``: decimal comma); two
  columns may differ, one column may not. When no value decides (``1.234`` could be 1234 or
  1.234), the separator does: a ``;`` file uses the Dutch decimal comma, a ``,`` file the decimal
  point; in a tab file or a text cell of a workbook that is an error unless the mapping sets
  ``decimaalteken``. A ``%`` or ``€`` around a number is dropped (``12,5%`` is 12.5). An empty
  cell (or ``-``) is a missing value: that date simply has no measurement for that KPI.
* **Dates**: ``2026-09-07`` (ISO), ``7-9-2026``/``07-09-2026``/``07/09/2026``/``07.09.2026``
  and ``7 september 2026`` (Dutch or English month names, abbreviated or not), and real date
  cells in a workbook. Whether ``03-04-2026`` is 3 April or 4 March is decided per file: a day
  above 12 in the first place means day-month-year, in the second place month-day-year. When
  every date has both numbers at most 12 (a monthly export on the first of each month), the
  file does not say, and that is an error unless the mapping sets ``datumformaat``
  (``"dd-mm-jjjj"``, ``"mm/dd/jjjj"``, or a ``strptime`` pattern such as ``"%d-%m-%Y"``).

Every error names the file, the column and the row (counted as a spreadsheet shows them, the
first line of the file is row 1), and says how to fix it.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import Field

from ..plan.model import Meting, _Deel
from ..prestaties import zonder_gc
from ..taal.berichten import tekst

if TYPE_CHECKING:
    from ..plan.model import Plan

__all__ = [
    "VOORBEELDKOPPELINGEN",
    "ImportFout",
    "Koppeling",
    "lees_metingen",
    "voeg_metingen_toe",
    "voorbeeldmetingen",
]


class ImportFout(ValueError):
    """An export could not be read. ``bestand``, ``kolom`` and ``rij`` say where."""

    def __init__(
        self,
        sleutel: str,
        *,
        bestand: str | os.PathLike[str],
        kolom: str | None = None,
        rij: int | None = None,
        **waarden: Any,
    ):
        self.bestand = str(bestand)
        self.kolom = kolom
        self.rij = rij
        self.sleutel = sleutel
        plaats = tekst("meten.plaats.bestand", bestand=Path(bestand).name)
        if kolom is not None:
            plaats += tekst("meten.plaats.kolom", kolom=kolom)
        if rij is not None:
            plaats += tekst("meten.plaats.rij", rij=rij)
        super().__init__(f"{plaats}: {tekst(sleutel, **waarden)}")


class Koppeling(_Deel):
    """Which export column holds the date, and which column feeds which KPI.

    >>> k = Koppeling.uit_dict({"datum": "Datum", "kolommen": {"Volgers": "K1"}})
    >>> k.kolommen
    {'Volgers': 'K1'}

    Optional settings: ``datumformaat`` (``"dd-mm-jjjj"``; required when the dates alone do not
    say whether day or month comes first), ``blad`` (the sheet of a workbook; required when it
    has more than one), ``scheidingsteken`` (``";"``, ``","`` or ``"\\t"``), ``decimaalteken``
    (``","`` or ``"."``) and ``bron`` (stored with each measurement; default: the file name).
    """

    datum: Annotated[str, Field(min_length=1, max_length=200)]
    kolommen: Annotated[
        dict[str, Annotated[str, Field(min_length=1, max_length=40)]], Field(min_length=1)
    ]
    datumformaat: Annotated[str, Field(max_length=40)] | None = None
    blad: Annotated[str, Field(max_length=100)] | None = None
    scheidingsteken: Literal[";", ",", "\t"] | None = None
    decimaalteken: Literal[",", "."] | None = None
    bron: Annotated[str, Field(max_length=200)] = ""

    @classmethod
    def uit_dict(cls, gegevens: dict[str, Any]) -> Koppeling:
        """A mapping from a plain dict (as kept in a notebook cell or a JSON file)."""
        return cls(**gegevens)


# --- dates ----------------------------------------------------------------------------------

_MAANDEN = {
    **{
        m: i
        for i, namen in enumerate(
            [
                ("jan", "januari", "january"),
                ("feb", "februari", "february"),
                ("mrt", "maart", "mar", "march"),
                ("apr", "april"),
                ("mei", "may"),
                ("jun", "juni", "june"),
                ("jul", "juli", "july"),
                ("aug", "augustus", "august"),
                ("sep", "sept", "september"),
                ("okt", "oktober", "oct", "october"),
                ("nov", "november"),
                ("dec", "december"),
            ],
            start=1,
        )
        for m in namen
    }
}
_TIJD = r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"
_ISO = re.compile(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})" + _TIJD)
_DMJ = re.compile(r"(\d{1,2})([-/.])(\d{1,2})\2(\d{4})" + _TIJD)
_MAANDNAAM = re.compile(r"(\d{1,2})[ -]([a-z]+)\.?[ -](\d{4})" + _TIJD)


def _strptime_patroon(formaat: str) -> str:
    """``dd-mm-jjjj`` (or ``dd-mm-yyyy``) as a strptime pattern; a pattern with % stays."""
    if "%" in formaat:
        patroon = formaat
    else:
        patroon = formaat.lower()
        for oud, nieuw in (("jjjj", "%Y"), ("yyyy", "%Y"), ("dd", "%d"), ("mm", "%m")):
            patroon = patroon.replace(oud, nieuw)
    if not {"%d", "%m", "%Y"} <= set(re.findall(r"%[a-zA-Z]", patroon)) and not (
        "%b" in patroon or "%B" in patroon
    ):
        raise ValueError(formaat)
    return patroon


@dataclass(slots=True)
class _Cel:
    rij: int
    waarde: Any


def _lees_datums(cellen: list[_Cel], koppeling: Koppeling, bestand: str) -> list[dt.date]:
    """Every date cell as a date, deciding day-month or month-day once for the whole file."""
    kolom = koppeling.datum
    if koppeling.datumformaat:
        try:
            patroon = _strptime_patroon(koppeling.datumformaat)
        except ValueError as e:
            raise ImportFout(
                "meten.datumformaat.onbekend",
                bestand=bestand,
                kolom=kolom,
                formaat=koppeling.datumformaat,
            ) from e
        uit = []
        for c in cellen:
            if isinstance(c.waarde, dt.datetime):
                uit.append(c.waarde.date())
            elif isinstance(c.waarde, dt.date):
                uit.append(c.waarde)
            else:
                try:
                    uit.append(dt.datetime.strptime(str(c.waarde).strip(), patroon).date())
                except ValueError:
                    raise ImportFout(
                        "meten.datum.past_niet",
                        bestand=bestand,
                        kolom=kolom,
                        rij=c.rij,
                        waarde=str(c.waarde),
                        formaat=koppeling.datumformaat,
                    ) from None
        return uit

    # First pass: split each text into parts; collect what the day-month cells say.
    delen: list[tuple[str, tuple[int, int, int]] | dt.date] = []
    dag_eerst: _Cel | None = None
    maand_eerst: _Cel | None = None
    dubbelzinnig: _Cel | None = None
    for c in cellen:
        w = c.waarde
        if isinstance(w, dt.datetime):
            delen.append(w.date())
            continue
        if isinstance(w, dt.date):
            delen.append(w)
            continue
        s = str(w).strip().lower()
        if m := _ISO.fullmatch(s):
            delen.append(("jmd", (int(m[1]), int(m[2]), int(m[3]))))
        elif m := _DMJ.fullmatch(s):
            a, b = int(m[1]), int(m[3])
            delen.append(("ab", (a, b, int(m[4]))))
            if a > 12:
                dag_eerst = dag_eerst or c
            elif b > 12:
                maand_eerst = maand_eerst or c
            elif a != b:
                dubbelzinnig = dubbelzinnig or c
        elif (m := _MAANDNAAM.fullmatch(s)) and m[2] in _MAANDEN:
            delen.append(("jmd", (int(m[3]), _MAANDEN[m[2]], int(m[1]))))
        else:
            raise ImportFout(
                "meten.datum.geen_datum", bestand=bestand, kolom=kolom, rij=c.rij, waarde=str(w)
            )
    if dag_eerst and maand_eerst:
        raise ImportFout(
            "meten.datum.gemengd",
            bestand=bestand,
            kolom=kolom,
            rij=maand_eerst.rij,
            waarde=str(maand_eerst.waarde),
            andere=str(dag_eerst.waarde),
            andere_rij=dag_eerst.rij,
        )
    if dubbelzinnig and not (dag_eerst or maand_eerst):
        raise ImportFout(
            "meten.datum.dubbelzinnig",
            bestand=bestand,
            kolom=kolom,
            rij=dubbelzinnig.rij,
            waarde=str(dubbelzinnig.waarde),
        )
    uit = []
    for c, d in zip(cellen, delen, strict=True):
        if isinstance(d, dt.date):
            uit.append(d)
            continue
        soort, (x, y, z) = d
        jaar, maand, dag = (x, y, z) if soort == "jmd" else (z, x, y) if maand_eerst else (z, y, x)
        try:
            uit.append(dt.date(jaar, maand, dag))
        except ValueError:
            raise ImportFout(
                "meten.datum.bestaat_niet", bestand=bestand, kolom=kolom, rij=c.rij, waarde=c.waarde
            ) from None
    return uit


# --- numbers --------------------------------------------------------------------------------

_KOMMA = re.compile(r"[+-]?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?")
_PUNT = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")
_RUIS = str.maketrans("", "", " \u00a0\u202f€%")
_LEEG = {"", "-", "–"}


def _als_getal(s: str, decimaal: str) -> float:
    if decimaal == ",":
        return float(s.replace(".", "").replace(",", "."))
    return float(s.replace(",", ""))


def _lees_getallen(
    cellen: list[_Cel], kolom: str, bestand: str, standaard: str | None, gekozen: str | None
) -> list[float | None]:
    """One column's values as numbers (``None`` where empty), with one convention per column."""
    teksten: list[tuple[int, _Cel, str, bool, bool]] = []
    bewijs: dict[str, _Cel] = {}
    twijfel: _Cel | None = None
    uit: list[float | None] = [None] * len(cellen)
    for i, c in enumerate(cellen):
        w = c.waarde
        if w is None:
            continue
        if isinstance(w, bool) or isinstance(w, dt.date):
            raise ImportFout(
                "meten.getal.geen_getal", bestand=bestand, kolom=kolom, rij=c.rij, waarde=str(w)
            )
        if isinstance(w, int | float):
            if w != w or w in (float("inf"), float("-inf")):
                raise ImportFout(
                    "meten.getal.geen_getal", bestand=bestand, kolom=kolom, rij=c.rij, waarde=str(w)
                )
            uit[i] = float(w)
            continue
        s = str(w).strip()
        if s in _LEEG:
            continue
        s = s.translate(_RUIS)
        komma, punt = bool(_KOMMA.fullmatch(s)), bool(_PUNT.fullmatch(s))
        if not (komma or punt):
            raise ImportFout(
                "meten.getal.geen_getal", bestand=bestand, kolom=kolom, rij=c.rij, waarde=str(w)
            )
        if komma and not punt:
            bewijs.setdefault(",", c)
        elif punt and not komma:
            bewijs.setdefault(".", c)
        elif ("," in s or "." in s) and twijfel is None:
            twijfel = c
        # The two readings are kept: once the column's convention is known, each value is
        # checked against it without matching it again.
        teksten.append((i, c, s, komma, punt))
    decimaal = gekozen
    if decimaal is None:
        if len(bewijs) == 2:
            raise ImportFout(
                "meten.getal.gemengd",
                bestand=bestand,
                kolom=kolom,
                rij=bewijs["."].rij,
                waarde=str(bewijs["."].waarde),
                andere=str(bewijs[","].waarde),
                andere_rij=bewijs[","].rij,
            )
        if bewijs:
            decimaal = next(iter(bewijs))
        elif twijfel is not None:
            if standaard is None:
                raise ImportFout(
                    "meten.getal.dubbelzinnig",
                    bestand=bestand,
                    kolom=kolom,
                    rij=twijfel.rij,
                    waarde=str(twijfel.waarde),
                )
            decimaal = standaard
        else:
            decimaal = standaard or ","
    for i, c, s, komma, punt in teksten:
        if not (komma if decimaal == "," else punt):
            raise ImportFout(
                "meten.getal.conventie",
                bestand=bestand,
                kolom=kolom,
                rij=c.rij,
                waarde=str(c.waarde),
                teken=decimaal,
            )
        uit[i] = _als_getal(s, decimaal)
    return uit


# --- files ----------------------------------------------------------------------------------


def _csv_rijen(pad: Path, koppeling: Koppeling) -> tuple[list[tuple[int, list[Any]]], str | None]:
    """The rows of a CSV file as (row number, cells), and the decimal mark its separator implies."""
    ruw = pad.read_bytes()
    try:
        inhoud = ruw.decode("utf-8-sig")
    except UnicodeDecodeError:
        inhoud = ruw.decode("cp1252", errors="replace")
    regels = inhoud.splitlines()
    if not any(r.strip() for r in regels):
        raise ImportFout("meten.bestand.leeg", bestand=pad)
    sep = koppeling.scheidingsteken
    begin = 0
    if regels and regels[0].strip().lower().startswith("sep=") and len(regels[0].strip()) == 5:
        sep = sep or regels[0].strip()[4]
        begin = 1
    if sep is None:
        sep = _kies_scheidingsteken(regels[begin:], koppeling.datum)
    if sep is None:
        raise ImportFout(
            "meten.kolom.datum_ontbreekt",
            bestand=pad,
            kolom=koppeling.datum,
            kolommen=_eerste_kop(regels[begin:]),
        )
    lezer = csv.reader(io.StringIO("\n".join(regels[begin:])), delimiter=sep)
    rijen = []
    vorige = 0
    for cellen in lezer:
        rijen.append((begin + vorige + 1, cellen))
        vorige = lezer.line_num
    return rijen, {";": ",", ",": "."}.get(sep)


def _eerste_kop(regels: list[str]) -> str:
    for r in regels:
        if r.strip() and not r.lstrip().startswith("#"):
            return r.strip()
    return ""


def _kies_scheidingsteken(regels: list[str], datumkolom: str) -> str | None:
    gezocht = datumkolom.strip().casefold()
    for regel in regels[:50]:
        for sep in (";", "\t", ","):
            cellen = next(csv.reader([regel], delimiter=sep), [])
            if any(c.strip().casefold() == gezocht for c in cellen):
                return sep
    return None


def _xlsx_rijen(pad: Path, koppeling: Koppeling) -> list[tuple[int, list[Any]]]:
    from openpyxl import load_workbook

    try:
        boek = load_workbook(pad, read_only=True, data_only=True)
    except Exception as e:  # openpyxl raises several kinds for a file that is not a workbook
        raise ImportFout("meten.bestand.geen_xlsx", bestand=pad, uitleg=str(e)) from None
    try:
        namen = boek.sheetnames
        if koppeling.blad is not None:
            if koppeling.blad not in namen:
                raise ImportFout(
                    "meten.blad.onbekend",
                    bestand=pad,
                    blad=koppeling.blad,
                    bladen=", ".join(repr(n) for n in namen),
                )
            blad = boek[koppeling.blad]
        elif len(namen) == 1:
            blad = boek[namen[0]]
        else:
            raise ImportFout(
                "meten.blad.kies", bestand=pad, bladen=", ".join(repr(n) for n in namen)
            )
        rijen = []
        for nummer, cellen in enumerate(blad.iter_rows(values_only=True), start=1):
            if any(c is not None and str(c).strip() for c in cellen):
                rijen.append((nummer, list(cellen)))
    finally:
        boek.close()
    if not rijen:
        raise ImportFout("meten.bestand.leeg", bestand=pad)
    return rijen


def lees_metingen(pad: str | os.PathLike[str], koppeling: Koppeling | dict) -> list[Meting]:
    """Read an analytics export (``.csv`` or ``.xlsx``) into measurements, sorted by date.

    ``koppeling`` is a :class:`Koppeling` or a dict of the same fields. Each mapped column gives
    one :class:`~.model.Meting` per row that has a value; empty cells are missing measurements.
    Raises :class:`ImportFout` (a ``ValueError``) naming the file, column and row of the problem.
    """
    with zonder_gc():
        return _lees_metingen(pad, koppeling)


def _lees_metingen(pad: str | os.PathLike[str], koppeling: Koppeling | dict) -> list[Meting]:
    if isinstance(koppeling, dict):
        koppeling = Koppeling.uit_dict(koppeling)
    pad = Path(pad)
    if not pad.is_file():
        raise ImportFout("meten.bestand.bestaat_niet", bestand=pad)
    soort = pad.suffix.lower()
    if soort == ".xlsx":
        rijen, standaard = _xlsx_rijen(pad, koppeling), None
    elif soort in (".csv", ".txt", ".tsv"):
        rijen, standaard = _csv_rijen(pad, koppeling)
    else:
        raise ImportFout("meten.bestand.soort", bestand=pad, soort=pad.suffix or "-")

    def naam(c: Any) -> str:
        return "" if c is None else str(c).strip()

    gezocht = koppeling.datum.strip().casefold()
    kop_index = next(
        (
            i
            for i, (_, cellen) in enumerate(rijen[:50])
            if any(naam(c).casefold() == gezocht for c in cellen)
        ),
        None,
    )
    if kop_index is None:
        eerste = next((c for _, c in rijen if any(naam(x) for x in c)), [])
        raise ImportFout(
            "meten.kolom.datum_ontbreekt",
            bestand=pad,
            kolom=koppeling.datum,
            kolommen=", ".join(repr(naam(c)) for c in eerste if naam(c)),
        )
    kop_rij, kop = rijen[kop_index]
    plek: dict[str, int] = {}
    for j, c in enumerate(kop):
        plek.setdefault(naam(c).casefold(), j)
    beschikbaar = ", ".join(repr(naam(c)) for c in kop if naam(c))
    for kolom in koppeling.kolommen:
        if kolom.strip().casefold() not in plek:
            raise ImportFout(
                "meten.kolom.ontbreekt", bestand=pad, kolom=kolom, rij=kop_rij, kolommen=beschikbaar
            )
    datum_j = plek[gezocht]
    kolom_j = {k: plek[k.strip().casefold()] for k in koppeling.kolommen}

    def cel(cellen: list[Any], j: int) -> Any:
        w = cellen[j] if j < len(cellen) else None
        return None if isinstance(w, str) and not w.strip() else w

    data = []
    for nummer, cellen in rijen[kop_index + 1 :]:
        waarden = [cel(cellen, j) for j in kolom_j.values()]
        datum = cel(cellen, datum_j)
        if all(w is None or (isinstance(w, str) and w.strip() in _LEEG) for w in waarden):
            if datum is None or not any(naam(c) for c in cellen):
                continue  # an empty line, or a row with a date and no values at all
        if datum is None:
            raise ImportFout("meten.datum.leeg", bestand=pad, kolom=koppeling.datum, rij=nummer)
        data.append((nummer, datum, waarden))
    if not data:
        raise ImportFout("meten.bestand.geen_rijen", bestand=pad, rij=kop_rij)

    datums = _lees_datums([_Cel(n, d) for n, d, _ in data], koppeling, str(pad))
    bron = koppeling.bron or pad.name
    metingen: list[Meting] = []
    for k, (kolom, kpi) in enumerate(koppeling.kolommen.items()):
        getallen = _lees_getallen(
            [_Cel(n, w[k]) for n, _, w in data],
            kolom,
            str(pad),
            standaard,
            koppeling.decimaalteken,
        )
        gezien: dict[dt.date, int] = {}
        for (nummer, _, _), datum, waarde in zip(data, datums, getallen, strict=True):
            if waarde is None:
                continue
            if datum in gezien:
                raise ImportFout(
                    "meten.datum.dubbel",
                    bestand=pad,
                    kolom=kolom,
                    rij=nummer,
                    datum=datum.isoformat(),
                    eerder=gezien[datum],
                )
            gezien[datum] = nummer
            # pydantic's compiled validator is faster than model_construct, and still checks.
            metingen.append(
                Meting.model_validate({"kpi": kpi, "datum": datum, "waarde": waarde, "bron": bron})
            )
    metingen.sort(key=lambda m: (m.datum, m.kpi))
    return metingen


def voeg_metingen_toe(plan: Plan, metingen: Iterable[Meting]) -> Plan:
    """Put ``metingen`` into ``plan`` (changed in place, and returned for convenience).

    A measurement for a KPI and date the plan already has replaces the old value, so importing
    a newer export of the same account updates the plan. A measurement of a KPI the plan does
    not have is an error (``ValueError``) that names it.
    """
    with zonder_gc():  # tens of thousands of measurements, none in a reference cycle
        return _voeg_toe(plan, metingen)


def _voeg_toe(plan: Plan, metingen: Iterable[Meting]) -> Plan:
    kpis = {k.id for k in plan.kpis}
    per_sleutel = {(m.kpi, m.datum): m for m in plan.metingen}
    for m in metingen:
        if m.kpi not in kpis:
            raise ValueError(
                tekst("meten.kpi.onbekend", kpi=m.kpi, kpis=", ".join(sorted(kpis)) or "-")
            )
        per_sleutel[(m.kpi, m.datum)] = m
    plan.metingen = sorted(per_sleutel.values(), key=lambda m: (m.kpi, m.datum))
    return plan


# --- sample data ----------------------------------------------------------------------------

#: name → list of (file under ``data/``, mapping). SYNTHETIC data written by
#: ``tools/maak_meetdata.py``; the KPI ids are those of the case's plan (see its docstring).
VOORBEELDKOPPELINGEN: dict[str, list[tuple[str, dict[str, Any]]]] = {
    "koffiebranderij": [
        (
            "meetdata_koffiebranderij_instagram.csv",
            {"datum": "Week", "kolommen": {"Volgers": "K1", "Reacties per post": "K3"}},
        ),
        (
            "meetdata_koffiebranderij.xlsx",
            {
                "datum": "Maand",
                "blad": "Bereik per maand",
                "kolommen": {"Bereik Arnhem e.o.": "K2"},
            },
        ),
        (
            "meetdata_koffiebranderij.xlsx",
            {
                "datum": "Kwartaal",
                "blad": "Zakelijk per kwartaal",
                "kolommen": {
                    "Herhaalboekingen (%)": "K4",
                    "Nieuwe zakelijke klanten (12 mnd)": "K5",
                    "Aanvragen proefsessie": "K6",
                },
            },
        ),
    ],
    "fietsenmaker": [
        (
            "meetdata_fietsenmaker.csv",
            {
                "datum": "Datum",
                "kolommen": {"Volgers Instagram": "K1", "Online afspraken": "K2"},
            },
        ),
        (
            "meetdata_fietsenmaker_reviews.csv",
            {
                "datum": "Maand",
                "datumformaat": "dd-mm-jjjj",
                "kolommen": {"Gemiddelde score": "K3", "Aantal reviews": "K4"},
            },
        ),
    ],
    "bakkerij": [
        (
            "meetdata_bakkerij.xlsx",
            {
                "datum": "Maand",
                "kolommen": {"Volgers Facebook": "K1", "Bestellingen via app": "K2"},
            },
        ),
    ],
}


def voorbeeldmetingen(naam: str = "koffiebranderij") -> list[Meting]:
    """SYNTHETIC measurements for a case of the course, read from the exports in ``data/``.

    Returns a ``list[Meting]`` (add them to a plan with :func:`voeg_metingen_toe`). The data are
    generated by ``tools/maak_meetdata.py`` (seeded, so always the same), shaped like real
    exports: weekly and monthly series, seasons, a campaign peak and missing weeks. They are
    made up and say nothing about any real business.

    * ``"koffiebranderij"``: KPIs K1–K6 of :func:`~.voorbeelden.voorbeeldplan`, September
      2026 to March 2027 (quarterly business figures from January 2026). On this data the
      reactions per post (K3, goal D2) trail their target.
    * ``"fietsenmaker"`` (Fietsenmaker Het Wiel, 2025–2026): K1 volgers op Instagram
      (weekly), K2 online reparatie-afspraken per week, K3 gemiddelde reviewscore (1–5, monthly),
      K4 aantal nieuwe reviews per maand.
    * ``"bakkerij"`` (Bakkerij Brood & Zo, 2025–2026, monthly): K1 volgers op Facebook,
      K2 bestellingen via de app per maand.
    """
    if naam not in VOORBEELDKOPPELINGEN:
        raise ValueError(
            tekst("meten.voorbeeld.onbekend", naam=naam, namen=", ".join(VOORBEELDKOPPELINGEN))
        )
    map_ = resources.files("basismodel_edu").joinpath("data")
    uit: list[Meting] = []
    for bestand, koppeling in VOORBEELDKOPPELINGEN[naam]:
        with resources.as_file(map_.joinpath(bestand)) as pad:
            uit.extend(lees_metingen(pad, koppeling))
    uit.sort(key=lambda m: (m.datum, m.kpi))
    return uit
