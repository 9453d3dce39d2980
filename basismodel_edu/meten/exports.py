"""Recognised platform exports: the files students really download, read without a mapping of dates.

:func:`lees_export` recognises an export from its headers and turns the columns a student maps
to KPIs into measurements per day or per week::

    metingen = lees_export("Instagram posts.csv", {"Reach": "K2", "Likes": "K3"}, per="week")

Recognised (one :class:`Formaat` per platform and interface language, see ``FORMATEN``):

* **Meta Business Suite, Facebook posts** and **Instagram posts** (CSV, one row per post): the
  ``Date`` column says ``Lifetime`` for lifetime figures, then the post counts on the day of its
  ``Publish time`` (``09/28/2026 18:12``, month first in the English interface); counts like
  ``"12,400"``; captions with line breaks inside quotes; older exports say ``Impressions`` where
  newer ones say ``Views`` (a mapping of either reads both, with a warning that says so).
* **LinkedIn Page** (.xls or .xlsx, several sheets, one text row above the header row): the
  sheet whose header row has the post columns is read; ``Created date`` is the post's date.
* **TikTok Studio** (CSV): ``Post time`` like ``2026-08-02 19:05:00``; counts like ``1.2K``.
* **YouTube Studio** (zip with ``Table data.csv``, ``Chart data.csv``, ``Totals.csv``): the
  file in the zip that has the mapped columns is read (``Totals.csv`` first: it has one row per
  day); the first data row ``Total`` of ``Table data.csv`` is a sum and is skipped; dates like
  ``"Oct 3, 2026"``.
* **Google Analytics 4** (CSV): ``#`` comment lines (``# Start date: 20241013``) and several
  tables separated by ``#`` blocks; the table with a date column and the mapped columns is
  read; dates ``20241013``; rates are fractions (``0.625``) and are stored as percentages
  (``62.5``) because a KPI's norm is written in percent (LinkedIn's rates too).

Per-post rows are added up per day (or per ISO week, dated on its Monday, with ``per="week"``);
a rate or average column (its header says rate, CTR, percentage, average, ``%``) is averaged
instead, because adding rates gives nonsense. Nothing is guessed silently: a file that fits no
format, or more than one, is an :class:`~.importeren.ImportFout` that names the file, the
columns it saw and the columns each format expects. A format whose headers could not be checked
against a public source is marked ``geverifieerd = False`` and every message and warning about
it says "niet geverifieerd".
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
import warnings
import zipfile
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from ..plan.model import Meting
from ..taal.berichten import tekst
from .importeren import _MAANDEN, ImportFout

__all__ = ["FORMATEN", "Formaat", "export_kolommen", "herken_export", "lees_export"]


@dataclass(frozen=True)
class Formaat:
    """One platform's export in one interface language, recognised by ``herkenning``.

    ``herkenning``: headers that must all be there (compared without case); ``datum``: the
    columns that date a row, first one that holds a date wins; ``maand_eerst``: ``03/04/2026``
    is 4 March in this interface; ``geverifieerd``: the headers were checked against the cited
    public source (``bron``); ``synoniemen``: a column renamed between export versions.
    """

    naam: str
    platform: str
    taal: str
    herkenning: frozenset[str]
    datum: tuple[str, ...]
    geverifieerd: bool
    bron: str
    maand_eerst: bool = True
    decimaal: str = "."
    synoniemen: dict[str, str] = field(default_factory=dict)
    overslaan: frozenset[str] = frozenset({"total", "totaal"})


def _f(*namen: str) -> frozenset[str]:
    return frozenset(namen)


# Sources. The `search`/`find_string` index used to find these gives excerpts of public parsers'
# test fixtures without their repository names; the excerpt ids are noted so the same text can
# be found again. Headers copied from there are "geverifieerd" for English; no Dutch export was
# found anywhere, so every Dutch format is a translation of the Meta/LinkedIn/TikTok interface
# wording and stays unverified until a student's real export confirms it.
_BRON_FB = (
    "README of a public social-media CSV importer (PHP), header line 'Post ID,Page ID,Page name,"
    "Title,Description,Duration (sec),Publish time,...,Permalink' (find_string excerpt 53854371267)"
)
_BRON_IG = (
    "public parsers' fixtures: 'Post ID,Account ID,Account username,Account name,Description,"
    "Duration (sec),Publish time,Permalink,Post type,Data comment,Date,Views,Reach,Likes,Shares,"
    "Follows,Comments,Saves' with Date 'Lifetime' and '\"12,400\"' (find_string excerpts "
    "56301016521, 70884181608, 69395614994, 70985195935)"
)
_BRON_TT = (
    "public parsers' fixtures: 'Video title,Video link,Post time,Total likes,Total comments,"
    "Total shares,Total views,Average watch time', '1.2K', '2026-08-02 19:05:00' (find_string "
    "excerpts 68658268229, 70985195935, 55406510707)"
)
_BRON_YT = (
    "public parser fixture: 'Content,Video title,Video publish time,Duration,Views,Average view "
    "duration,...' with a first row 'Total' and '\"Oct 3, 2026\"' (find_string excerpt "
    "70985195935); zip of Totals.csv / Table data.csv / Chart data.csv described in a public "
    "dataset README (code search 'YouTube Studio Table data.csv Totals.csv')"
)
_BRON_GA = (
    "public parsers' tests: '# Start date: 20260501' / '# End date: 20260531' above the header "
    "(find_string excerpts 60794856726, 70408975460)"
)
_BRON_LI = (
    "issue 14's description (Post title, Post link, Created date, Impressions, Clicks, Click "
    "through rate (CTR), ...); a public R script reads sheet 2 with skip=2 (code search). No "
    "header row of a real export was found: not verified"
)
_VERTAALD = "translation of the interface wording; no Dutch export found: not verified"


def _vertaald(
    naam: str, platform: str, kop: tuple[str, ...], datum: tuple[str, ...], **extra: Any
) -> Formaat:
    """The Dutch interface's variant of a format: headers translated, day before month, decimal
    comma, and unverified until someone compares it with a real Dutch export."""
    return Formaat(
        naam, platform, "nl", _f(*kop), datum, False, _VERTAALD, maand_eerst=False, decimaal=",",
        **extra,
    )  # fmt: skip


FORMATEN: tuple[Formaat, ...] = (
    Formaat(
        "meta_facebook",
        "Meta Business Suite (Facebook)",
        "en",
        _f("Post ID", "Page ID", "Page name", "Publish time"),
        ("Date", "Publish time"),
        True,
        _BRON_FB,
        synoniemen={"views": "impressions", "impressions": "views"},
    ),
    _vertaald(
        "meta_facebook",
        "Meta Business Suite (Facebook)",
        (
            "Bericht-ID",
            "Pagina-ID",
            "Paginanaam",
            "Publicatietijd",
        ),
        ("Datum", "Publicatietijd"),
        synoniemen={"weergaven": "impressies", "impressies": "weergaven"},
    ),
    Formaat(
        "meta_instagram",
        "Meta Business Suite (Instagram)",
        "en",
        _f("Post ID", "Account ID", "Account username", "Publish time"),
        ("Date", "Publish time"),
        True,
        _BRON_IG,
        synoniemen={"views": "impressions", "impressions": "views"},
    ),
    _vertaald(
        "meta_instagram",
        "Meta Business Suite (Instagram)",
        (
            "Bericht-ID",
            "Account-ID",
            "Gebruikersnaam account",
            "Publicatietijd",
        ),
        ("Datum", "Publicatietijd"),
        synoniemen={"weergaven": "impressies", "impressies": "weergaven"},
    ),
    Formaat(
        "tiktok",
        "TikTok Studio",
        "en",
        _f("Video title", "Video link", "Post time"),
        ("Post time",),
        True,
        _BRON_TT,
    ),
    _vertaald(
        "tiktok",
        "TikTok Studio",
        (
            "Videotitel",
            "Videolink",
            "Plaatsingstijd",
        ),
        ("Plaatsingstijd",),
    ),
    Formaat(
        "youtube",
        "YouTube Studio",
        "en",
        _f("Content", "Video title", "Video publish time"),
        ("Video publish time",),
        True,
        _BRON_YT,
    ),
    _vertaald(
        "youtube",
        "YouTube Studio",
        (
            "Content",
            "Videotitel",
            "Publicatietijd video",
        ),
        ("Publicatietijd video",),
    ),
    Formaat(
        "youtube_totalen",
        "YouTube Studio (Totals.csv)",
        "en",
        _f("Date", "Views"),
        ("Date",),
        True,
        _BRON_YT,
    ),
    _vertaald(
        "youtube_totalen",
        "YouTube Studio (Totals.csv)",
        (
            "Datum",
            "Weergaven",
        ),
        ("Datum",),
    ),
    Formaat("ga4", "Google Analytics 4", "en", _f("Date"), ("Date",), True, _BRON_GA),
    _vertaald("ga4", "Google Analytics 4", ("Datum",), ("Datum",)),
    Formaat(
        "linkedin",
        "LinkedIn-pagina",
        "en",
        _f("Post title", "Post link", "Created date"),
        ("Created date",),
        False,
        _BRON_LI,
    ),
    _vertaald(
        "linkedin",
        "LinkedIn-pagina",
        (
            "Titel bericht",
            "Link bericht",
            "Aanmaakdatum",
        ),
        ("Aanmaakdatum",),
    ),
)

# Which formats can come in which kind of file: a Date column alone (GA4, Totals.csv) is only
# enough inside the file kind that has it, never for an arbitrary CSV.
_PER_SOORT = {
    "ga4": {"ga4"},
    "zip": {"youtube", "youtube_totalen"},
    "werkmap": {"linkedin"},
    "csv": {"meta_facebook", "meta_instagram", "tiktok", "youtube"},
}

_TARIEF = re.compile(r"rate|ctr|percent|percentage|ratio|average|avg|gemiddeld|%|\bper\b")


@dataclass
class _Tabel:
    bestand: str
    kop: list[str]
    rijen: list[tuple[int, list[Any]]]  # (row number as a spreadsheet shows it, cells)
    soort: str


def _naam(c: Any) -> str:
    return "" if c is None else str(c).replace("\ufeff", "").strip()


# --- reading the file into candidate tables ---------------------------------------------------


def _csv_tabellen(tekstinhoud: str, bestand: str) -> list[_Tabel]:
    """Tables in a CSV text; ``#`` lines (GA4) separate tables and are never data."""
    regels = tekstinhoud.splitlines()
    if not any(r.strip() for r in regels):
        raise ImportFout("meten.bestand.leeg", bestand=bestand)
    # GA4 opens with "#" lines that give the period as 8 digits ("# Start date: 20241013"); a
    # "#" line alone is how many files (the course's own samples too) say where they come from.
    is_ga4 = any(re.match(r"\s*#.*\b\d{8}\b", r) for r in regels[:12])
    blokken: list[list[tuple[int, str]]] = [[]]
    for i, r in enumerate(regels, start=1):
        if r.lstrip().startswith("#"):
            if blokken[-1]:
                blokken.append([])
            continue
        if is_ga4 and not r.strip():
            if blokken[-1]:
                blokken.append([])
            continue
        blokken[-1].append((i, r))
    tabellen = []
    for blok in blokken:
        if not blok:
            continue
        eerste = blok[0][1]
        sep = max((",", ";", "\t"), key=eerste.count)
        # csv.reader joins quoted captions with line breaks; its line_num keeps row numbers true.
        lezer = csv.reader(io.StringIO("\n".join(r for _, r in blok)), delimiter=sep)
        rijen = []
        begin = blok[0][0]
        vorige = 0
        for cellen in lezer:
            rijen.append((begin + vorige, cellen))
            vorige = lezer.line_num
        if rijen:
            kop = [_naam(c) for c in rijen[0][1]]
            tabellen.append(_Tabel(bestand, kop, rijen[1:], "ga4" if is_ga4 else "csv"))
    return tabellen


def _decodeer(ruw: bytes) -> str:
    try:
        return ruw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return ruw.decode("cp1252", errors="replace")


def _werkmap_bladen(pad: Path) -> list[tuple[str, list[list[Any]]]]:
    if pad.suffix.lower() == ".xls":
        import xlrd

        try:
            boek = xlrd.open_workbook(str(pad))
        except Exception as e:  # xlrd raises several kinds for a file that is not a workbook
            raise ImportFout("meten.bestand.geen_xlsx", bestand=pad, uitleg=str(e)) from None
        uit = []
        for blad in boek.sheets():
            rijen = []
            for r in range(blad.nrows):
                rij = []
                for c in blad.row(r):
                    if c.ctype == xlrd.XL_CELL_DATE:
                        rij.append(xlrd.xldate.xldate_as_datetime(c.value, boek.datemode))
                    elif c.ctype == xlrd.XL_CELL_EMPTY:
                        rij.append(None)
                    else:
                        rij.append(c.value)
                rijen.append(rij)
            uit.append((blad.name, rijen))
        return uit
    from openpyxl import load_workbook

    try:
        boek = load_workbook(pad, read_only=True, data_only=True)
    except Exception as e:  # openpyxl raises several kinds for a file that is not a workbook
        raise ImportFout("meten.bestand.geen_xlsx", bestand=pad, uitleg=str(e)) from None
    try:
        return [
            (n, [list(r) for r in boek[n].iter_rows(values_only=True)]) for n in boek.sheetnames
        ]
    finally:
        boek.close()


def _werkmap_tabellen(pad: Path) -> list[_Tabel]:
    tabellen = []
    for blad, rijen in _werkmap_bladen(pad):
        # The header row is the first of the first rows with three or more filled cells: the
        # LinkedIn content sheet has one text row (a title) above it.
        for i, rij in enumerate(rijen[:5]):
            if sum(1 for c in rij if _naam(c)) >= 3:
                kop = [_naam(c) for c in rij]
                data = [(i + 2 + j, r) for j, r in enumerate(rijen[i + 1 :])]
                tabellen.append(_Tabel(f"{pad.name} [{blad}]", kop, data, "werkmap"))
                break
    return tabellen


def _tabellen(pad: Path) -> list[_Tabel]:
    soort = pad.suffix.lower()
    if soort == ".zip":
        try:
            with zipfile.ZipFile(pad) as z:
                namen = [n for n in z.namelist() if n.lower().endswith(".csv")]
                # Totals.csv first: one row per day is what a KPI measures.
                namen.sort(key=lambda n: (not n.lower().endswith("totals.csv"), n))
                uit = []
                for n in namen:
                    for t in _csv_tabellen(_decodeer(z.read(n)), f"{pad.name}/{n}"):
                        t.soort = "zip"
                        uit.append(t)
                return uit
        except zipfile.BadZipFile as e:
            raise ImportFout("meten.bestand.soort", bestand=pad, soort=".zip") from e
    if soort in (".xls", ".xlsx"):
        return _werkmap_tabellen(pad)
    if soort in (".csv", ".txt"):
        return _csv_tabellen(_decodeer(pad.read_bytes()), pad.name)
    raise ImportFout("meten.export.soort", bestand=pad, soort=pad.suffix or "-")


# --- recognising ------------------------------------------------------------------------------


def _past(f: Formaat, t: _Tabel) -> bool:
    kop = {k.casefold() for k in t.kop}
    return f.naam in _PER_SOORT[t.soort] and all(h.casefold() in kop for h in f.herkenning)


def herken_export(pad: str | os.PathLike[str]) -> list[tuple[Formaat, str]]:
    """Which formats the tables of ``pad`` are, as (format, table name); empty when none fits."""
    return [(f, t.bestand) for t in _tabellen(Path(pad)) for f in FORMATEN if _past(f, t)]


def export_kolommen(pad: str | os.PathLike[str]) -> list[str]:
    """The headers of the tables in ``pad`` that fit a recognised format (with each format's
    older names for a column too); empty when the file is no recognised export."""
    uit: dict[str, None] = {}
    for t in _tabellen(Path(pad)):
        for f in FORMATEN:
            if _past(f, t):
                echt = {k.casefold() for k in t.kop if k}
                uit.update(dict.fromkeys(k for k in t.kop if k))
                uit.update(
                    dict.fromkeys(oud for oud, nieuw in f.synoniemen.items() if nieuw in echt)
                )
    return list(uit)


def _verwacht() -> str:
    return "; ".join(f"{_formaatnaam(f)}: {', '.join(sorted(f.herkenning))}" for f in FORMATEN)


def _kies_tabel(
    pad: Path, tabellen: list[_Tabel], kolommen: Iterable[str]
) -> tuple[Formaat, _Tabel, dict[str, str]]:
    """The one (format, table) with every mapped column; columns resolved through synonyms."""
    kandidaten = [(f, t) for t in tabellen for f in FORMATEN if _past(f, t)]
    if not kandidaten:
        gezien = "; ".join(
            f"{t.bestand}: {', '.join(repr(k) for k in t.kop if k)}" for t in tabellen
        )
        raise ImportFout(
            "meten.export.onbekend", bestand=pad, kolommen=gezien or "-", verwacht=_verwacht()
        )
    passend = []
    for f, t in kandidaten:
        kop = {k.casefold(): k for k in t.kop if k}
        gevonden = {}
        for kolom in kolommen:
            k = kolom.strip().casefold()
            if k in kop:
                gevonden[kolom] = kop[k]
            elif f.synoniemen.get(k) in kop:
                gevonden[kolom] = kop[f.synoniemen[k]]
        if len(gevonden) == len(list(kolommen)):
            passend.append((f, t, gevonden))
    if not passend:
        f, t = kandidaten[0]
        ontbreekt = [
            k for k in kolommen if k.strip().casefold() not in {x.casefold() for x in t.kop}
        ]
        raise ImportFout(
            "meten.export.kolom_ontbreekt",
            bestand=pad,
            kolom=ontbreekt[0] if ontbreekt else None,
            formaat=_formaatnaam(f),
            kolommen=", ".join(repr(k) for k in t.kop if k),
        )
    # YouTube's zip has Totals.csv first; elsewhere two tables that both fit are a real doubt.
    if len(passend) > 1 and passend[0][1].soort != "zip":
        raise ImportFout(
            "meten.export.dubbelzinnig",
            bestand=pad,
            formaten=", ".join(f"{_formaatnaam(f)} ({t.bestand})" for f, t, _ in passend),
        )
    return passend[0]


def _formaatnaam(f: Formaat) -> str:
    naam = f"{f.platform}, {f.taal}"
    if not f.geverifieerd:
        naam += ", " + tekst("meten.export.niet_geverifieerd")
    return naam


# --- values -----------------------------------------------------------------------------------

_MAANDNAAM_EERST = re.compile(r"([a-z]+)\.? (\d{1,2}),? (\d{4})")
_DAG_MAANDNAAM = re.compile(r"(\d{1,2})[ -]([a-z]+)\.?[ -](\d{4})")
_NUMERIEK = re.compile(r"(\d{1,4})[-/.](\d{1,2})[-/.](\d{1,4})")


def _datum(w: Any, f: Formaat) -> dt.date | None:
    """A date cell as a date; ``None`` for ``Lifetime`` and other text that is no date."""
    if isinstance(w, dt.datetime):
        return w.date()
    if isinstance(w, dt.date):
        return w
    s = _naam(w).lower()
    s = re.split(r"[ t]\d{1,2}:\d{2}", s)[0].strip().rstrip(",")
    try:
        if re.fullmatch(r"\d{8}", s):  # GA4: 20241013
            return dt.date(int(s[:4]), int(s[4:6]), int(s[6:]))
        if m := _NUMERIEK.fullmatch(s):
            a, b, c = (int(x) for x in m.groups())
            if a > 31:
                return dt.date(a, b, c)
            return dt.date(c, a, b) if f.maand_eerst else dt.date(c, b, a)
        if (m := _MAANDNAAM_EERST.fullmatch(s)) and m[1] in _MAANDEN:
            return dt.date(int(m[3]), _MAANDEN[m[1]], int(m[2]))
        if (m := _DAG_MAANDNAAM.fullmatch(s)) and m[2] in _MAANDEN:
            return dt.date(int(m[3]), _MAANDEN[m[2]], int(m[1]))
    except ValueError:
        return None
    return None


_SUFFIX = {"k": 1_000, "m": 1_000_000, "b": 1_000_000_000, "mln": 1_000_000, "mld": 1_000_000_000}
_GETAL_SUFFIX = re.compile(r"([+-]?\d+(?:[.,]\d+)?)\s*(k|m|b|mln|mld)")


def _getal(w: Any, f: Formaat) -> float | None:
    """``1.2K``, ``"12,400"`` (English: thousands comma), ``12.400`` (Dutch), ``45%``, numbers."""
    if w is None or isinstance(w, bool):
        return None
    if isinstance(w, int | float):
        return float(w)
    s = _naam(w).lower().replace("\u00a0", "").replace(" ", "").replace("%", "")
    if s in ("", "-", "–", "--"):
        return None
    if m := _GETAL_SUFFIX.fullmatch(s):
        return float(m[1].replace(",", ".")) * _SUFFIX[m[2]]
    if f.decimaal == ".":
        if re.fullmatch(r"[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?", s):
            return float(s.replace(",", ""))
    elif re.fullmatch(r"[+-]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?", s):
        return float(s.replace(".", "").replace(",", "."))
    if re.fullmatch(r"\d+:\d{2}(:\d{2})?", s):  # a duration 0:00:20 in seconds
        delen = [int(x) for x in s.split(":")]
        return float(sum(x * 60**i for i, x in enumerate(reversed(delen))))
    raise ValueError(s)


def lees_export(
    pad: str | os.PathLike[str],
    kolommen: dict[str, str],
    *,
    per: Literal["dag", "week"] = "dag",
    bron: str = "",
) -> list[Meting]:
    """Read a recognised platform export into measurements per day (or week), sorted by date.

    ``kolommen`` maps export columns to KPI ids (``{"Reach": "K2"}``). Raises
    :class:`~.importeren.ImportFout` (a ``ValueError``) naming the file, the columns it saw
    and what it expected when the file is no recognised export, fits two formats, or lacks a
    mapped column; a value that is no number names its column and row. An unverified format
    is read, with a warning that says "niet geverifieerd".
    """
    pad = Path(pad)
    if not pad.is_file():
        raise ImportFout("meten.bestand.bestaat_niet", bestand=pad)
    if not kolommen:
        raise ImportFout("meten.export.geen_kolommen", bestand=pad)
    formaat, tabel, gevonden = _kies_tabel(pad, _tabellen(pad), list(kolommen))
    if not formaat.geverifieerd:
        warnings.warn(
            tekst("meten.export.waarschuwing", bestand=pad.name, formaat=_formaatnaam(formaat)),
            stacklevel=2,
        )
    for kolom, echt in gevonden.items():
        if kolom.strip().casefold() != echt.casefold():
            warnings.warn(
                tekst("meten.export.synoniem", bestand=pad.name, kolom=kolom, echt=echt),
                stacklevel=2,
            )
    plek = {k.casefold(): j for j, k in reversed(list(enumerate(tabel.kop)))}
    datum_j = [plek[d.casefold()] for d in formaat.datum if d.casefold() in plek]
    som: dict[tuple[str, dt.date], list[float]] = defaultdict(list)
    for nummer, cellen in tabel.rijen:
        if not any(_naam(c) for c in cellen):
            continue
        if _naam(cellen[0]).casefold() in formaat.overslaan:
            continue  # YouTube's first row "Total" adds up the rows below it
        datum = next(
            (d for j in datum_j if j < len(cellen) and (d := _datum(cellen[j], formaat))), None
        )
        if datum is None:
            raise ImportFout(
                "meten.export.geen_datum",
                bestand=tabel.bestand,
                kolom=formaat.datum[-1],
                rij=nummer,
                waarde=" / ".join(_naam(cellen[j]) for j in datum_j if j < len(cellen)),
            )
        if per == "week":
            datum -= dt.timedelta(days=datum.weekday())
        for kolom, echt in gevonden.items():
            j = plek[echt.casefold()]
            try:
                w = _getal(cellen[j] if j < len(cellen) else None, formaat)
            except ValueError:
                raise ImportFout(
                    "meten.getal.geen_getal",
                    bestand=tabel.bestand,
                    kolom=echt,
                    rij=nummer,
                    waarde=_naam(cellen[j]),
                ) from None
            if w is not None:
                if tabel.soort in ("ga4", "werkmap") and _TARIEF.search(echt.casefold()) and w <= 1:
                    w *= 100  # GA4 and LinkedIn write rates as fractions; KPI norms are in %
                som[(kolom, datum)].append(w)
    if not som:
        raise ImportFout("meten.bestand.geen_rijen", bestand=tabel.bestand)
    bron = bron or pad.name
    uit = []
    for (kolom, datum), waarden in som.items():
        gemiddeld = _TARIEF.search(gevonden[kolom].casefold())
        waarde = sum(waarden) / len(waarden) if gemiddeld else sum(waarden)
        uit.append(
            Meting.model_validate(
                {"kpi": kolommen[kolom], "datum": datum, "waarde": waarde, "bron": bron}
            )
        )
    uit.sort(key=lambda m: (m.datum, m.kpi))
    return uit
