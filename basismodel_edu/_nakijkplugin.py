"""A small pytest plugin the grader loads next to nbval (``-p basismodel_edu._nakijkplugin``).

It does three things, none of which a student's notebook can reach:

* it tags every nbval item with the id of its cell (nbval names items ``Cell N``, and N shifts
  when a student adds a cell), so outcomes are mapped by cell id;
* it writes every outcome to a JSON file that only the grader reads (``--nakijk-uitvoer``);
* it notices a kernel that died (``os._exit``, a segfault) within a second, instead of waiting
  for the whole cell timeout.

nbval already shuts each kernel down at once (``shutdown_kernel(now=True)``), so the 2.5-3 s
stall of a polite shutdown that nbclient sometimes meets does not happen here.
"""

from __future__ import annotations

import json
import time
from queue import Empty

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--nakijk-uitvoer", default=None, help="file for the grader's outcomes")


#: every outcome this process saw; under xdist the controller sees all workers' reports
_UITKOMSTEN: list[dict] = []


def pytest_configure(config: pytest.Config) -> None:
    _snelle_kernel()


def _snelle_kernel() -> None:
    try:
        from nbval.kernel import RunningKernel
    except ImportError:  # nbval missing: nothing to speed up
        return
    if getattr(RunningKernel, "_basismodel", False):
        return
    oud_wacht = RunningKernel.await_reply

    def await_reply(self, msg_id, timeout=None):
        # Wait in short slices and give up as soon as the kernel process is gone; nbval turns
        # the RuntimeError into a failed cell, and the next cells see a dead kernel.
        einde = None if timeout is None else time.monotonic() + timeout
        while True:
            rest = 1.0 if einde is None else min(1.0, einde - time.monotonic())
            if rest <= 0:
                raise Empty
            try:
                return oud_wacht(self, msg_id, timeout=rest)
            except Empty:
                if not self.km.is_alive():
                    raise RuntimeError("Kernel died while executing the cell") from None

    RunningKernel.await_reply = await_reply
    RunningKernel._basismodel = True


def pytest_itemcollected(item: pytest.Item) -> None:
    cel = getattr(item, "cell", None)
    if cel is not None:
        item.user_properties.append(("cel_id", cel.get("id")))
        item.user_properties.append(("cel_nummer", getattr(item, "cell_num", None)))


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.when != "call" and report.outcome == "passed":
        return
    _UITKOMSTEN.append(
        {
            "nodeid": report.nodeid,
            "when": report.when,
            "outcome": report.outcome,
            "xfail": hasattr(report, "wasxfail"),
            "eigenschappen": {k: v for k, v in report.user_properties},
            "melding": report.longreprtext[-4000:] if report.failed else "",
        }
    )


def pytest_sessionfinish(session: pytest.Session) -> None:
    uitvoer = session.config.getoption("--nakijk-uitvoer")
    if not uitvoer or hasattr(session.config, "workerinput"):
        return  # xdist workers report to the controller; only the controller writes
    with open(uitvoer, "w", encoding="utf-8") as f:
        json.dump(_UITKOMSTEN, f, ensure_ascii=False)
