"""Each limit of the sandbox, measured from inside a kernel: as the user running the tests (root
in CI, where a pids cgroup carries the process limit) and as an ordinary user whose desktop
already runs more processes than the sandbox may (``prlimit --nproc`` inside the sandbox).

The limits are read off what a cell could do, not off the command line that set them.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest
from conftest import vereist

from basismodel_edu.nakijken.zandbak import Grenzen, beschikbaar

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="bubblewrap is Linux")

GRENZEN = Grenzen(processen=40, geheugen_mb=1024, bestand_mb=16, tmp_mb=32)
BUREAUBLAD = 100  # processes a lecturer's desktop session has before grading starts

# Runs in its own interpreter, so it can run as another user. It starts BUREAUBLAD processes of
# the user's own, then one sandboxed kernel, and reports what a cell could do.
METEN = textwrap.dedent(
    """
    import json, subprocess, sys, tempfile
    from pathlib import Path
    from basismodel_edu.nakijken.zandbak import Grenzen, Kernel

    grenzen = Grenzen(**json.loads(sys.argv[1]))
    bureaublad = [subprocess.Popen(["sleep", "120"]) for _ in range(int(sys.argv[2]))]
    cel = '''
    import json, subprocess
    uit = {}
    ps = []
    try:
        for _ in range(300):
            ps.append(subprocess.Popen(["sleep", "30"]))
    except OSError:
        pass
    uit["processen"] = len(ps)
    for p in ps:
        p.kill()
        p.wait()
    try:
        x = bytearray(3 * 1024**3)
        uit["geheugen"] = "3 GB gekregen"
    except MemoryError:
        uit["geheugen"] = "begrensd"
    def vul(pad, mb):
        try:
            with open(pad, "wb") as f:
                for _ in range(mb):
                    f.write(b"x" * 2**20)
            return "niet begrensd"
        except OSError:
            return "begrensd"
    uit["bestand"] = vul("groot.bin", 64)
    uit["tmp"] = vul("/tmp/groot.bin", 64)
    print(json.dumps(uit))
    '''
    werk = Path(tempfile.mkdtemp())
    (werk / "w").mkdir()
    k = Kernel(werk / "w", werk / "ipc", grenzen)
    try:
        client = k.start()
        uit = []
        client.execute_interactive(
            cel, timeout=120,
            output_hook=lambda m: uit.append(m["content"].get("text", "")),
        )
        print("UITKOMST " + "".join(uit).strip())
    finally:
        k.stop()
        for p in bureaublad:
            p.kill()
    """
)


def _meet(als: list[str], grenzen: Grenzen = GRENZEN) -> dict:
    # pytest's own temporary folders are private to the user running the tests; this one is
    # open to the ordinary user the measurement may run as, and removed afterwards.
    map_ = Path(tempfile.mkdtemp(prefix="basismodel-grenzen-"))
    try:
        map_.chmod(0o1777)
        script = map_ / "meten.py"
        script.write_text(METEN, encoding="utf-8")
        script.chmod(0o644)
        env = {
            "PATH": os.environ["PATH"],
            "HOME": str(map_),
            "TMPDIR": str(map_),
            "PYTHONPATH": str(Path(__file__).resolve().parent.parent),
        }
        r = subprocess.run(
            [*als, sys.executable, str(script), json.dumps(grenzen.als_dict()), str(BUREAUBLAD)],
            capture_output=True,
            text=True,
            env=env,
            cwd=map_,
            timeout=300,
        )
    finally:
        shutil.rmtree(map_, ignore_errors=True)
    regels = [x for x in r.stdout.splitlines() if x.startswith("UITKOMST ")]
    assert regels, r.stdout + r.stderr
    return json.loads(regels[0].removeprefix("UITKOMST "))


def _gewone_gebruiker() -> list[str]:
    """How to run a command as an ordinary user: as is when we are one, else as ``nobody``."""
    if os.geteuid() != 0:
        return []
    vereist(shutil.which("setpriv") is not None, "setpriv (util-linux) is not installed")
    als = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"]
    kan = subprocess.run(
        [*als, sys.executable, "-c", "import basismodel_edu.nakijken, jupyter_client"],
        capture_output=True,
        env={"PATH": os.environ["PATH"], "HOME": "/tmp"},
        cwd="/",
    )
    vereist(
        kan.returncode == 0,
        "the user nobody cannot read this Python installation or checkout "
        "(clone it outside a private home folder to run this test)",
    )
    return als


def _verwacht(uit: dict) -> None:
    # The kernel's own threads count towards the limit, so it starts fewer than 40.
    assert 0 < uit["processen"] < GRENZEN.processen, uit
    assert uit["geheugen"] == "begrensd", uit
    assert uit["bestand"] == "begrensd", uit
    assert uit["tmp"] == "begrensd", uit


def test_every_limit_binds_for_the_user_running_the_tests():
    vereist(beschikbaar() is None, f"no sandbox here: {beschikbaar()}")
    _verwacht(_meet([]))


def test_every_limit_binds_for_a_lecturer_who_is_not_root():
    vereist(beschikbaar() is None, f"no sandbox here: {beschikbaar()}")
    _verwacht(_meet(_gewone_gebruiker()))


def test_a_process_limit_set_outside_the_sandbox_would_stop_a_busy_desktop():
    """Why the limit is set inside: set on bubblewrap itself, Linux caps the lecturer's own
    user with it, and a desktop already over the limit cannot even make the namespace."""
    vereist(beschikbaar() is None, f"no sandbox here: {beschikbaar()}")
    als = _gewone_gebruiker()
    ns = ["--unshare-all", "--unshare-user", "--uid", "1000", "--ro-bind", "/", "/"]
    proef = (
        f"for i in $(seq {BUREAUBLAD}); do sleep 60 >/dev/null 2>&1 & done; "
        f"prlimit --nproc={GRENZEN.processen} -- bwrap {' '.join(ns)} -- true; buiten=$?; "
        f"bwrap {' '.join(ns)} -- prlimit --nproc={GRENZEN.processen} -- true; binnen=$?; "
        'kill $(jobs -p); echo "$buiten $binnen"'
    )
    r = subprocess.run(
        [*als, "bash", "-c", proef], capture_output=True, text=True, cwd="/", timeout=60
    )
    buiten, binnen = r.stdout.split()[-2:]
    assert (buiten, binnen) == ("1", "0"), r.stdout + r.stderr


def test_without_its_limits_each_of_these_attacks_gets_through():
    """The same cell under limits no notebook reaches: it gets its 300 processes, its 3 GB and
    its large files, so the limits above are what stops it."""
    vereist(beschikbaar() is None, f"no sandbox here: {beschikbaar()}")
    ruim = Grenzen(processen=4096, geheugen_mb=16384, bestand_mb=1024, tmp_mb=1024)
    assert _meet([], ruim) == {
        "processen": 300,
        "geheugen": "3 GB gekregen",
        "bestand": "niet begrensd",
        "tmp": "niet begrensd",
    }
