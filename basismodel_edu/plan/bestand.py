"""Reading and saving plan files: a versioned JSON document with a published JSON Schema.

A plan file is UTF-8 JSON with ``"formaat": "basismodel-edu/plan"`` and a whole-number
``"versie"``. Older versions are migrated as they are read; the file itself is only rewritten when
the plan is saved. Saving writes a temporary file beside the target and then renames it over the
target, so a crash or a full disk never leaves half a plan behind.

Format history:

* **1** — the first draft format: ambitions were plain texts, a goal named its ambition by number
  (``"ambitie": 1`` for the first), a means kept its cost as ``"kosten": {"uren": .., "euro": ..}``,
  a KPI named its goal as ``"doel_id"``.
* **2** — ambitions have ids and goals link to them by id; cost fields ``uren_per_maand`` and
  ``euro_per_maand``; ``modus`` (planned or learning) and ``revisies`` (the plan's history).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import tempfile
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..taal.berichten import tekst
from .model import FORMAAT, FORMAAT_VERSIE, Plan, PlanFout, vertaal_fouten

__all__ = [
    "SCHEMA_ID",
    "bewaar_plan",
    "laad_plan",
    "lees_plan",
    "meegeleverd_schema",
    "onveranderd",
    "plan_naar_json",
    "plan_schema",
    "stempel",
    "vorige_versie",
    "vrije_naam",
    "zet_opzij",
]

SCHEMA_ID = "https://basismodel-edu.invalid/schema/plan-v2.json"


def _van_1_naar_2(data: dict[str, Any]) -> dict[str, Any]:
    """Version 1 → 2. Shapes it does not recognise are left for validation to report."""
    data = dict(data)
    visie = data.get("visie")
    if isinstance(visie, dict) and isinstance(visie.get("ambities"), list):
        visie = dict(visie)
        visie["ambities"] = [
            {"id": f"A{i}", "tekst": a} if isinstance(a, str) else a
            for i, a in enumerate(visie["ambities"], start=1)
        ]
        data["visie"] = visie
    if isinstance(data.get("doelen"), list):
        doelen = []
        for d in data["doelen"]:
            if isinstance(d, dict) and type(d.get("ambitie")) is int:
                d = {**d, "ambitie": f"A{d['ambitie']}"}
            doelen.append(d)
        data["doelen"] = doelen
    if isinstance(data.get("middelen"), list):
        middelen = []
        for m in data["middelen"]:
            if isinstance(m, dict) and isinstance(m.get("kosten"), dict):
                m = dict(m)
                kosten = m.pop("kosten")
                m.setdefault("uren_per_maand", kosten.get("uren"))
                m.setdefault("euro_per_maand", kosten.get("euro"))
            middelen.append(m)
        data["middelen"] = middelen
    if isinstance(data.get("kpis"), list):
        data["kpis"] = [
            {**{k: v for k, v in k_.items() if k != "doel_id"}, "doel": k_["doel_id"]}
            if isinstance(k_, dict) and "doel_id" in k_
            else k_
            for k_ in data["kpis"]
        ]
    data["versie"] = 2
    return data


#: version → function that lifts a document of that version one step up.
MIGRATIES: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _van_1_naar_2}


def lees_plan(data: Any, bron: str = "plan") -> Plan:
    """A :class:`Plan` from already-parsed JSON, migrating older versions.

    Raises :class:`PlanFout` with a clear message for anything that is not a plan.

    >>> lees_plan([1, 2, 3])
    Traceback (most recent call last):
    ...
    basismodel_edu.plan.model.PlanFout: plan is wel JSON, maar geen basismodel-plan: het veld "formaat" ontbreekt of is niet "basismodel-edu/plan". Het bestand is niet veranderd.
    """
    if not isinstance(data, dict) or data.get("formaat") != FORMAAT:
        raise PlanFout([("", tekst("bestand.geen_plan", pad=bron))])
    versie = data.get("versie")
    if type(versie) is not int or versie < 1:
        raise PlanFout(
            [("versie", tekst("bestand.onbekende_versie", pad=bron, versie=_kort(versie)))]
        )
    if versie > FORMAAT_VERSIE:
        raise PlanFout(
            [("versie", tekst("bestand.te_nieuw", pad=bron, versie=versie, hoogste=FORMAAT_VERSIE))]
        )
    while versie < FORMAAT_VERSIE:
        data = MIGRATIES[versie](data)
        versie = data["versie"]
    try:
        return Plan.model_validate(data)
    except ValidationError as e:
        raise PlanFout(vertaal_fouten(e), kop=tekst("bestand.kop", pad=bron)) from None
    except RecursionError:
        raise PlanFout([("", tekst("bestand.geen_plan", pad=bron))]) from None


def laad_plan(pad: str | os.PathLike[str]) -> Plan:
    """Read the plan in the file ``pad``. The file is never changed by reading it.

    Raises :class:`PlanFout` with a clear Dutch (or English) message when the file is missing,
    is not JSON, or is not a plan.
    """
    pad = Path(pad)
    try:
        ruw = pad.read_bytes()
    except FileNotFoundError:
        raise PlanFout([("", tekst("bestand.bestaat_niet", pad=pad))]) from None
    except OSError as e:
        raise PlanFout(
            [("", tekst("bestand.kan_niet_lezen", pad=pad, uitleg=e.strerror))]
        ) from None
    try:
        inhoud = ruw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise PlanFout([("", tekst("bestand.geen_tekst", pad=pad))]) from None
    try:
        data = json.loads(inhoud)
    except json.JSONDecodeError as e:
        raise PlanFout(
            [
                (
                    "",
                    tekst(
                        "bestand.geen_json",
                        pad=pad,
                        regel=e.lineno,
                        kolom=e.colno,
                        uitleg=_json_uitleg(e.msg),
                    ),
                )
            ]
        ) from None
    except RecursionError:
        raise PlanFout([("", tekst("bestand.geen_plan", pad=pad))]) from None
    return lees_plan(data, bron=str(pad))


def plan_naar_json(plan: Plan) -> str:
    """The plan as the JSON text that :func:`bewaar_plan` writes (stable field order)."""
    data = plan.model_dump(mode="json")
    if not data["antwoorden"]:
        # Only exercises that ask for written answers have them: every other plan file stays
        # as it was before the field existed.
        del data["antwoorden"]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def vorige_versie(pad: str | os.PathLike[str]) -> Path:
    """Where :func:`bewaar_plan` keeps a copy of the last plan it saved (``plan.vorige.json``)."""
    pad = Path(pad)
    return pad.with_name(f"{pad.stem}.vorige{pad.suffix}")


def _bewaar_vorige(pad: Path, map_: Path, inhoud: bytes) -> None:
    """Keep a copy of the plan just saved, so that a file broken later (by hand, by another
    program) can be put back without code (:func:`basismodel_edu.inleveren.herstel_plan`)."""
    fd, tijdelijk = tempfile.mkstemp(prefix=f".{pad.name}.vorige.", suffix=".tmp", dir=map_)
    with os.fdopen(fd, "wb") as f:
        f.write(inhoud)
    os.replace(tijdelijk, vorige_versie(pad))


def bewaar_plan(plan: Plan, pad: str | os.PathLike[str]) -> Path:
    """Save ``plan`` to ``pad`` atomically: all of the new plan, or the old file untouched.

    A copy of every plan saved is kept beside it as ``<naam>.vorige.json``."""
    pad = Path(pad)
    inhoud = plan_naar_json(plan).encode("utf-8")
    map_ = pad.parent if str(pad.parent) else Path(".")
    tijdelijk = None
    try:
        map_.mkdir(parents=True, exist_ok=True)
        fd, tijdelijk = tempfile.mkstemp(prefix=f".{pad.name}.", suffix=".tmp", dir=map_)
        with os.fdopen(fd, "wb") as f:
            f.write(inhoud)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tijdelijk, pad)
        tijdelijk = None
        _bewaar_vorige(pad, map_, inhoud)
    except OSError as e:
        raise PlanFout(
            [("", tekst("bestand.kan_niet_schrijven", pad=pad, uitleg=e.strerror or e))]
        ) from None
    finally:
        if tijdelijk is not None and os.path.exists(tijdelijk):
            os.unlink(tijdelijk)
    return pad


def plan_schema() -> dict[str, Any]:
    """The JSON Schema of the current plan format, generated from the model classes."""
    schema = Plan.model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
    }


def meegeleverd_schema() -> dict[str, Any]:
    """The JSON Schema shipped in the package (``schema/plan.schema.json``)."""
    bestand = resources.files(__package__).joinpath("schema", "plan.schema.json")
    return json.loads(bestand.read_text(encoding="utf-8"))


def _kort(waarde: Any) -> str:
    t = repr(waarde)
    return t if len(t) <= 40 else t[:37] + "..."


# Python's json module has a fixed, English set of explanations; each maps onto one of ours.
_JSON_UITLEG = (
    ("Expecting value", "json.waarde_verwacht"),
    ("Expecting property name", "json.naam_verwacht"),
    ("Expecting ',' delimiter", "json.komma_verwacht"),
    ("Expecting ':' delimiter", "json.dubbele_punt_verwacht"),
    ("Extra data", "json.extra"),
    ("Unterminated string", "json.tekst_open"),
    ("Invalid control character", "json.teken"),
    ("Invalid \\escape", "json.teken"),
    ("Invalid \\uXXXX escape", "json.teken"),
)


def _json_uitleg(melding: str) -> str:
    for begin, sleutel in _JSON_UITLEG:
        if melding.startswith(begin):
            return tekst(sleutel)
    return tekst("json.anders")


# --- The file as the forms see it ---------------------------------------------------------------


def vrije_naam(pad: Path, soort: str) -> Path:
    """A name beside ``pad`` that does not exist yet: NAAM.SOORT-DATUM-TIJD.json."""
    tijd = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    n = 0
    while True:
        extra = f"-{n}" if n else ""
        nieuw = pad.with_name(f"{pad.stem}.{soort}-{tijd}{extra}{pad.suffix}")
        if not nieuw.exists():
            return nieuw
        n += 1


def zet_opzij(pad: Path) -> Path:
    """Rename an unreadable plan file to a new name beside it; never overwrite anything."""
    nieuw = vrije_naam(pad, "onleesbaar")
    os.rename(pad, nieuw)
    return nieuw


def stempel(pad: Path) -> tuple[int, int, str] | None:
    """What a plan file is now: modification time, size and content hash (None: no file).
    The hash catches a rewrite within the file system's time resolution."""
    try:
        st = pad.stat()
        inhoud = pad.read_bytes()
    except FileNotFoundError:
        return None
    return st.st_mtime_ns, st.st_size, hashlib.sha256(inhoud).hexdigest()


def onveranderd(pad: Path, vorige: tuple[int, int, str] | None) -> bool:
    """Whether the file still holds what ``vorige`` (a :func:`stempel`) recorded. Same time and
    size: unchanged without reading it (one stat per keystroke); otherwise the content decides,
    so a rewrite of the same plan (another editor opening it) is no conflict."""
    try:
        st = pad.stat()
    except FileNotFoundError:
        return vorige is None
    if vorige is None:
        return False
    if (st.st_mtime_ns, st.st_size) == vorige[:2]:
        return True
    nu = stempel(pad)
    return nu is not None and nu[2] == vorige[2]
