"""Run one rebuilt notebook in its own kernel and record each code cell's outcome by cell id.

A cell fails when it raises, as with ``pytest --nbval-lax``; tags such as ``raises-exception``
have no effect here (the rebuild removes them as well). What is recorded comes from the
grader's own side of the connection: the execute reply's status and the kernel's error
message name (never its text), so nothing a kernel prints ends up in a grade or feedback.

Limits: a cell that runs longer than ``seconden_per_cel`` is interrupted (and, when it ignores
the interrupt, the kernel is killed); the notebook as a whole stops at
``seconden_per_notebook``; output beyond ``uitvoer_kb`` is not kept.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from queue import Empty
from typing import Any

from .zandbak import Grenzen, Kernel

__all__ = ["Uitvoering", "voer_uit"]

GEHAALD, NIET_GEHAALD, NIET_GEDRAAID = "gehaald", "niet gehaald", "niet gedraaid"


@dataclass
class Uitvoering:
    """What happened to one notebook: outcome per cell id, and what went wrong on the way."""

    cellen: dict[str, str] = field(default_factory=dict)
    foutnamen: dict[str, str] = field(default_factory=dict)
    time_out: bool = False
    notebook_te_lang: bool = False
    kernel_dood: bool = False
    start_mislukt: bool = False
    startfout: str = ""  # the grader's own exception, for the lecturer
    uitvoer_te_groot: bool = False
    seconden: float = 0.0


def _foutnaam(naam: Any) -> str:
    # The kernel chooses this string: keep only what a Python exception name can be.
    tekst = str(naam)[:60]
    return tekst if re.fullmatch(r"[A-Za-z_][\w.]*", tekst) else "Fout"


def voer_uit(nb: Any, kernel: Kernel, grenzen: Grenzen) -> Uitvoering:
    """Execute the code cells of ``nb`` one by one in ``kernel``; always stop the kernel."""
    u = Uitvoering()
    begin = time.monotonic()
    code = [c for c in nb.cells if c.get("cell_type") == "code"]
    try:
        client = kernel.start()
    except Exception as e:
        u.start_mislukt = True
        u.startfout = f"{type(e).__name__}: {str(e)[:120]}"
        for c in code:
            u.cellen[c.get("id")] = NIET_GEDRAAID
        return u
    uitvoer = 0
    try:
        einde_nb = begin + grenzen.seconden_per_notebook
        levend = True
        for c in code:
            cel_id = c.get("id")
            if not levend or time.monotonic() >= einde_nb:
                if levend:
                    u.notebook_te_lang = True
                    levend = False
                u.cellen[cel_id] = NIET_GEDRAAID
                continue
            msg_id = client.execute(c.source, store_history=True, allow_stdin=False)
            einde = min(time.monotonic() + grenzen.seconden_per_cel, einde_nb)
            status, fout, onderbroken = None, None, False
            while True:
                rest = einde - time.monotonic()
                if rest <= 0:
                    if einde >= einde_nb:
                        u.notebook_te_lang = True
                        levend = False
                        break
                    if onderbroken:  # it ignored the interrupt
                        levend = False
                        break
                    u.time_out = True
                    onderbroken = True
                    _onderbreek(client)
                    einde = min(time.monotonic() + 3, einde_nb)
                    continue
                try:
                    msg = client.get_iopub_msg(timeout=min(rest, 0.5))
                except Empty:
                    if not kernel.leeft():
                        u.kernel_dood = True
                        levend = False
                        break
                    continue
                if msg.get("parent_header", {}).get("msg_id") != msg_id:
                    continue
                soort = msg["msg_type"]
                inhoud = msg.get("content", {})
                if soort == "error":
                    fout = _foutnaam(inhoud.get("ename"))
                elif soort in ("stream", "display_data", "execute_result", "update_display_data"):
                    uitvoer += len(str(inhoud))
                    if uitvoer > grenzen.uitvoer_kb * 1024:
                        u.uitvoer_te_groot = True
                elif soort == "status" and inhoud.get("execution_state") == "idle":
                    status = "klaar"
                    break
            if status != "klaar":
                # Started but never finished (timed out, killed, or the notebook's time is up):
                # this cell failed, the ones after it do not run.
                u.cellen[cel_id] = NIET_GEHAALD
                if onderbroken and not u.notebook_te_lang:
                    u.kernel_dood = True  # it ignored the interrupt; stopped by the grader
                continue
            antwoord = _antwoord(client, msg_id)
            if fout is None and antwoord != "ok":
                fout = "Fout"
            u.cellen[cel_id] = GEHAALD if fout is None and not onderbroken else NIET_GEHAALD
            if fout:
                u.foutnamen[cel_id] = fout
    finally:
        kernel.stop()
        u.seconden = time.monotonic() - begin
    return u


def _onderbreek(client) -> None:
    # Over the control channel: the grader cannot signal a process inside another PID namespace.
    msg = client.session.msg("interrupt_request", {})
    client.control_channel.send(msg)


def _antwoord(client, msg_id: str) -> str:
    einde = time.monotonic() + 5
    while time.monotonic() < einde:
        try:
            msg = client.get_shell_msg(timeout=0.5)
        except Empty:
            continue
        if msg.get("parent_header", {}).get("msg_id") == msg_id:
            return str(msg.get("content", {}).get("status"))
    return "geen antwoord"
