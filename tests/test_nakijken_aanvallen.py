"""The tamper suite: one class of hostile submissions beside honest students, graded in the
sandbox (issue 9).

Every case is a way to cheat or to break grading found by reading the grader as an attacker.
The class is graded once with the sandbox on and once (only the cases that attack from inside a
kernel) without it: the unsandboxed run shows that each such attack really does what it tries
(it leaves a file in ``buit/``, a process, or a changed file), so the sandboxed assertions can
fail. For the input cases (links, FIFOs, zips, huge or deep files) the unsandboxed demonstration
is the naive reading the grader used before, shown in ``test_naive_reading_is_fooled``.

Asserted for the sandboxed run: every student gets exactly the expected points (no credit
gained, honest classmates untouched), originals and the package are unchanged, no process is
left, the canary in the lecturer's home and the hidden check's text appear in no output.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import socket
import threading
import time
import zipfile
from pathlib import Path

import nbformat
import pytest
from conftest import vereist
from nakijkhulp import OPDRACHTEN, ROOT, inzending, oplossingsplan, student_nb, voeg_cel_in

from basismodel_edu.nakijken import beoordeel
from basismodel_edu.nakijken.zandbak import beschikbaar

pytestmark = pytest.mark.slow

OPDRACHT = next(p for p in OPDRACHTEN if p.name == "missie_fietsenmaker")
PAKKET = ROOT / "basismodel_edu"
CANARY = "KANARIE-7f3a9c-GEHEIM"
MERKTEKEN = "basismodel-aanval-blijft-hangen-91c2"
VOL = 6.0


def _buit(map_: Path, naam: str, wat: str = "repr(buit)") -> str:
    """Code that records a successful attack in the test's own folder (unreachable inside)."""
    return f"\ntry:\n    open({str(map_ / naam)!r}, 'w').write(str({wat}))\nexcept Exception:\n    pass\n"


class Klas:
    """The class, built once per module: case name → what it must get."""

    def __init__(self, tmp: Path):
        self.tmp = tmp
        self.wortel = tmp / "klas"
        self.buit = tmp / "buit"
        self.buit.mkdir()
        self.goed = oplossingsplan(OPDRACHT, tmp / "opl")
        self.start = OPDRACHT / "startplan.json"
        self.verwacht: dict[str, float | str] = {}
        self.kernelaanvallen: list[str] = []
        self.thuis = Path(os.environ["HOME"])
        (self.thuis / "canary.txt").write_text(CANARY, encoding="utf-8")
        self.ipython = Path(os.environ.get("IPYTHONDIR", self.thuis / ".ipython"))
        self.server = socket.socket()
        self.server.bind(("127.0.0.1", 0))
        self.server.listen(8)
        self.poort = self.server.getsockname()[1]
        self.uit = tmp / "uit"

    def nb(self, bron: str | None = None):
        nb = student_nb(OPDRACHT)
        return voeg_cel_in(nb, bron) if bron else nb

    def voeg(self, naam, verwacht, nb=None, plan="goed", kernel=False, **kw):
        plan = (
            {"goed": self.goed, "start": self.start}.get(plan, plan)
            if isinstance(plan, str)
            else plan
        )
        inzending(self.wortel, naam, nb if nb is not None else self.nb(), plan, **kw)
        self.verwacht[naam] = verwacht
        if kernel:
            self.kernelaanvallen.append(naam)


def _bouw(k: Klas) -> None:
    b = k.buit
    # --- honest students ------------------------------------------------------------------
    k.voeg("eerlijk", VOL)
    k.voeg("eerlijk_leeg", 0, plan="start")
    map_ = k.wortel / "eerlijk_bom"
    map_.mkdir(parents=True)
    nbformat.write(k.nb(), map_ / "opdracht.ipynb")
    (map_ / "plan.json").write_bytes(b"\xef\xbb\xbf" + k.goed.read_bytes())
    k.verwacht["eerlijk_bom"] = VOL
    k.voeg("zz_slachtoffer", VOL)

    # --- kernel attacks: reading what must stay hidden --------------------------------------
    k.voeg(
        "leest_kanarie",
        VOL,
        k.nb(f"buit = open({str(k.thuis / 'canary.txt')!r}).read()" + _buit(b, "leest_kanarie")),
        kernel=True,
    )
    k.voeg(
        "leest_master",
        VOL,
        k.nb(
            f"buit = open({str(OPDRACHT / 'master.ipynb')!r}).read()[:100]"
            + _buit(b, "leest_master")
        ),
        kernel=True,
    )
    k.voeg(
        "leest_omgeving",
        VOL,
        k.nb(
            "import os\nbuit = os.environ.get('DATABASE_URL')\nassert buit"
            + _buit(b, "leest_omgeving")
        ),
        kernel=True,
    )
    k.voeg(
        "leest_klasgenoten",
        VOL,
        k.nb(
            "from pathlib import Path\nbuit = [str(p) for p in Path.cwd().parent.glob('*/plan.json')]"
            "\nassert len(buit) > 1" + _buit(b, "leest_klasgenoten")
        ),
        kernel=True,
    )
    k.voeg(
        "ziet_processen",
        VOL,
        k.nb(
            "import os\nbuit = [p for p in os.listdir('/proc') if p.isdigit() and p != str(os.getpid())"
            " and b'ipykernel' in open(f'/proc/{p}/cmdline','rb').read()]\nassert buit"
            + _buit(b, "ziet_processen")
        ),
        kernel=True,
    )
    k.voeg(
        "netwerk",
        VOL,
        k.nb(
            f"import socket\nsocket.create_connection(('127.0.0.1', {k.poort}), timeout=2)\nbuit = 'verbonden'"
            + _buit(b, "netwerk")
        ),
        kernel=True,
    )
    # --- kernel attacks: writing where the grader or others look ---------------------------
    k.voeg(
        "schrijft_pakket",
        VOL,
        k.nb(
            f"p = {str(PAKKET / 'zz_aanval.py')!r}\nopen(p, 'w').write('# aanval')\nbuit = p"
            + _buit(b, "schrijft_pakket")
        ),
        kernel=True,
    )
    site = Path(__import__("sysconfig").get_paths()["purelib"])
    k.voeg(
        "schrijft_venv",
        VOL,
        k.nb(
            f"p = {str(site / 'zz_aanval.pth')!r}\nopen(p, 'w').write('# aanval\\n')\nbuit = p"
            + _buit(b, "schrijft_venv")
        ),
        kernel=True,
    )
    k.voeg(
        "schrijft_ipythondir",
        VOL,
        k.nb(
            f"import os\np = {str(k.ipython / 'profile_default' / 'startup')!r}\nos.makedirs(p, exist_ok=True)\n"
            "open(p + '/00-aanval.py', 'w').write('# aanval')\nbuit = p"
            + _buit(b, "schrijft_ipythondir")
        ),
        kernel=True,
    )
    k.voeg(
        "schrijft_uitvoer",
        VOL,
        k.nb(
            f"import os\nos.makedirs({str(k.uit)!r}, exist_ok=True)\n"
            f"open({str(k.uit / 'cijferlijst.csv')!r}, 'w').write('eerlijk;0')\nbuit = 1"
            + _buit(b, "schrijft_uitvoer")
        ),
        kernel=True,
    )
    k.voeg(
        "schrijft_origineel",
        VOL,
        k.nb(
            f"p = {str(k.wortel / 'zz_slachtoffer' / 'plan.json')!r}\nopen(p, 'a').write(' ')\nbuit = p"
            + _buit(b, "schrijft_origineel")
        ),
        kernel=True,
    )
    k.voeg(
        "schrijft_werkmappen",
        VOL,
        k.nb(
            "from pathlib import Path\nbuit = []\nfor p in Path.cwd().parent.rglob('plan.json'):\n"
            "    if Path.cwd() not in p.parents:\n        p.write_text('{}'); buit.append(str(p))\n"
            "assert buit" + _buit(b, "schrijft_werkmappen")
        ),
        kernel=True,
    )
    # --- kernel attacks: processes -----------------------------------------------------------
    k.voeg(
        "blijft_hangen",
        VOL,
        k.nb(
            "import subprocess, sys\nsubprocess.Popen(['setsid', sys.executable, '-c', "
            f"'import time; time.sleep(600)', '{MERKTEKEN}'])\nbuit = 1" + _buit(b, "blijft_hangen")
        ),
        kernel=True,
    )
    k.voeg(
        "dubbele_fork",
        VOL,
        k.nb(
            "import os, time\nif os.fork() == 0:\n    os.setsid()\n    if os.fork() == 0:\n"
            f"        time.sleep(4)\n        open({str(b / 'dubbele_fork')!r}, 'w').write('leeft nog')\n"
            "    os._exit(0)\nbuit = 1"
        ),
        kernel=True,
    )
    k.voeg(
        "vorkbom",
        VOL,
        k.nb(
            "import subprocess\nps = []\ntry:\n    for _ in range(300):\n"
            "        ps.append(subprocess.Popen(['sleep', '30']))\nexcept OSError:\n    pass\n"
            "buit = len(ps)\nassert buit == 300"
            + _buit(b, "vorkbom")
            + "for p in ps:\n    p.kill()"
        ),
        kernel=True,
    )
    # --- limits --------------------------------------------------------------------------------
    k.voeg(
        "geheugen", VOL, k.nb("try:\n    x = bytearray(6 * 1024**3)\nexcept MemoryError:\n    pass")
    )
    k.voeg(
        "schijf_vol",
        VOL,
        k.nb(
            "try:\n    with open('groot.bin', 'wb') as f:\n        for _ in range(200):\n"
            "            f.write(b'x' * 2**20)\nexcept OSError:\n    pass"
        ),
    )
    k.voeg(
        "tmp_vol",
        VOL,
        k.nb(
            "import os\ntry:\n    for i in range(400):\n        open(f'/tmp/{i}', 'wb').write(b'x' * 2**20)\n"
            "except OSError:\n    pass"
        ),
    )
    k.voeg("veel_uitvoer", VOL, k.nb("for _ in range(3000):\n    print('x' * 10000)"))
    k.voeg("lus", VOL, k.nb("while True:\n    pass"))
    k.voeg(
        "lus_negeert_onderbreking",
        0,
        k.nb(
            "import time\nwhile True:\n    try:\n        time.sleep(0.1)\n    except KeyboardInterrupt:\n        pass"
        ),
    )
    nb = k.nb()
    for i in range(8):
        voeg_cel_in(nb, "import time\ntime.sleep(4)", id_=f"traag-{i}")
    k.voeg("notebook_te_lang", 0, nb)
    k.voeg("crash", 0, k.nb("import os\nos._exit(1)"))
    # --- cheating the checks -------------------------------------------------------------------
    k.voeg(
        "functie_herdefinieerd",
        0,
        k.nb(
            "import basismodel_edu.opdrachten.opdracht as o\no.controleer_opdracht = lambda *a, **k: print('✔ gehaald')"
        ),
        plan="start",
    )
    k.voeg(
        "nep_succes", 0, k.nb("print(\"✔ Controle 'Missie' gehaald (2 punten).\")"), plan="start"
    )
    nb = k.nb()
    for c in nb.cells:
        if "controle" in c.metadata.get("tags", []):
            c.metadata["tags"] += ["raises-exception", "nbval-skip"]
            c.execution_count = 9
            c.outputs = [nbformat.v4.new_output("stream", name="stdout", text="✔ gehaald\n")]
    k.voeg("tags_en_nep_uitvoer", 0, nb, plan="start")
    nb = k.nb()
    for c in nb.cells:
        if c.id == "controle-kernvraag":
            c.source = "print('✔ gehaald')"
    half = json.loads(k.goed.read_text("utf-8"))
    half["missie"]["kernwaarden"] = []
    k.voeg("controle_bewerkt", 2, nb, plan=half)
    nb = k.nb()
    nb.cells = [c for c in nb.cells if "controle" not in c.metadata.get("tags", [])]
    k.voeg("controle_gewist", VOL, nb)
    k.voeg(
        "overschrijft_eigen_plan",
        0,
        k.nb(f"import shutil\nshutil.copy({str(k.goed)!r}, 'plan.json')"),
        plan="start",
    )
    map_ = k.wortel / "nep_pakket"
    inzending(k.wortel, "nep_pakket", k.nb(), k.start)
    (map_ / "basismodel_edu").mkdir()
    (map_ / "basismodel_edu" / "__init__.py").write_text("", encoding="utf-8")
    (map_ / "basismodel_edu" / "opdracht.py").write_text(
        "def controleer_opdracht(*a, **k):\n    print('gehaald')\n", encoding="utf-8"
    )
    (map_ / "conftest.py").write_text("raise SystemExit\n", encoding="utf-8")
    (map_ / "sitecustomize.py").write_text("raise SystemExit\n", encoding="utf-8")
    k.verwacht["nep_pakket"] = 0
    nb = voeg_cel_in(  # a cell that takes the id of the master's hidden check
        student_nb(OPDRACHT), "print('<b>Verborgen controle: gehaald</b>')", id_="verborgen-missie"
    )
    k.voeg("verborgen_id", 0, nb, plan="start")
    # --- hostile files ---------------------------------------------------------------------------
    for naam, maak in {
        "plan_link": lambda p: p.symlink_to(OPDRACHT / "master.ipynb"),
        "plan_fifo": lambda p: os.mkfifo(p),
        "plan_map": lambda p: p.mkdir(),
        "plan_groot": lambda p: p.write_text('{"a": "' + "x" * 3_000_000 + '"}'),
        "plan_diep": lambda p: p.write_text("[" * 100_000 + "]" * 100_000),
        "plan_lijst": lambda p: p.write_text("[1, 2, 3]"),
        "plan_utf16": lambda p: p.write_bytes(k.goed.read_text("utf-8").encode("utf-16")),
    }.items():
        inzending(k.wortel, naam, k.nb())
        maak(k.wortel / naam / "plan.json")
        k.verwacht[naam] = "onbeoordeelbaar"
    inzending(k.wortel, "notebook_link", plan=k.goed)
    (k.wortel / "notebook_link" / "opdracht.ipynb").symlink_to(OPDRACHT / "master.ipynb")
    k.verwacht["notebook_link"] = "onbeoordeelbaar"
    k.voeg("notebook_kapot", "onbeoordeelbaar", ruw='{"cells": [')
    k.voeg(
        "notebook_cellen_raar",
        "onbeoordeelbaar",
        ruw=json.dumps(
            {"cells": [1, {"x": 2}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
        ),
    )
    map_ = k.wortel / "link_naar_thuis"
    inzending(k.wortel, "link_naar_thuis", k.nb(), k.goed)
    (map_ / "thuis").symlink_to(k.thuis)
    k.verwacht["link_naar_thuis"] = VOL
    # --- names ------------------------------------------------------------------------------------
    k.voeg("Jan Jansen", VOL)
    k.voeg("Jan_Jansen", 0, plan="start")
    k.voeg('=HYPERLINK("x")', VOL)
    k.voeg("<script>alert(1)<", VOL)
    # --- a hand-in zip with tricks, as a learning environment's download holds it ------------------
    z = k.wortel / "123-456 - Piet Zip - 3 dec. 2026 1415 - missie_fietsenmaker-inlevering.zip"
    with zipfile.ZipFile(z, "w") as zf:
        zf.writestr("opdracht.ipynb", nbformat.writes(k.nb()))
        zf.writestr("plan.json", k.goed.read_bytes())
        zf.writestr("../../buiten.txt", "ontsnapt")
        zf.writestr("zz_slachtoffer/../../x.txt", "ontsnapt")
        info = zipfile.ZipInfo("link")
        info.external_attr = 0o120777 << 16
        zf.writestr(info, "/etc/passwd")
    k.verwacht["Piet Zip"] = VOL
    z = (
        k.wortel
        / "123-457 - Veel Bestanden - 3 dec. 2026 1416 - missie_fietsenmaker-inlevering.zip"
    )
    with zipfile.ZipFile(z, "w") as zf:
        for i in range(20_001):
            zf.writestr(f"f{i}", "")
    k.verwacht["Veel Bestanden"] = "onbeoordeelbaar"


@pytest.fixture(scope="module")
def klas(tmp_path_factory):
    vereist(beschikbaar() is None, f"no sandbox here: {beschikbaar()}")
    k = Klas(tmp_path_factory.mktemp("aanvallen"))
    _bouw(k)
    os.environ["DATABASE_URL"] = CANARY
    k.voor = _inhoud(k.wortel)
    k.pakket_voor = _inhoud(PAKKET)
    try:
        k.res = beoordeel(
            OPDRACHT / "master.ipynb", k.wortel, k.uit, timeout=5, notebook_timeout=25
        )
    finally:
        os.environ.pop("DATABASE_URL", None)
    k.processen = _processen(MERKTEKEN)
    time.sleep(5)  # what a detached process would do after its kernel ended
    k.buit_na = sorted(p.name for p in k.buit.iterdir())
    yield k
    k.server.close()


def _inhoud(map_: Path) -> dict[str, bytes]:
    uit = {}
    for p in map_.rglob("*"):
        if p.is_symlink():
            uit[str(p)] = b"->" + os.readlink(p).encode()
        elif p.is_file() and "__pycache__" not in p.parts:
            uit[str(p)] = p.read_bytes()
    return uit


def _processen(merk: str) -> list[int]:
    gevonden = []
    for p in os.listdir("/proc"):
        if p.isdigit():
            try:
                if merk.encode() in Path(f"/proc/{p}/cmdline").read_bytes():
                    gevonden.append(int(p))
            except OSError:
                pass
    return gevonden


def test_every_student_gets_exactly_the_expected_grade(klas):
    gekregen = {
        b.student: (b.totaal if b.status == "beoordeeld" else b.status)
        for b in klas.res.beoordelingen
    }
    assert gekregen == klas.verwacht


def test_nothing_outside_the_graders_own_folders_changed(klas):
    assert _inhoud(klas.wortel) == klas.voor
    assert _inhoud(PAKKET) == klas.pakket_voor
    site = Path(__import__("sysconfig").get_paths()["purelib"])
    assert not (site / "zz_aanval.pth").exists()
    assert not (klas.ipython / "profile_default" / "startup" / "00-aanval.py").exists()


def test_no_attack_left_a_trace_or_a_process(klas):
    assert klas.buit_na == []
    assert klas.processen == []


def test_no_secret_reaches_any_output(klas):
    from basismodel_edu.opdrachten.uitgave import lees_master

    verborgen = [c for c in lees_master(OPDRACHT / "master.ipynb").controles if c.verborgen]
    for p in klas.uit.rglob("*"):
        if p.is_file():
            data = p.read_bytes()
            assert CANARY.encode() not in data, p
            assert b"<script>alert" not in data or p.suffix != ".html", p
            # the hidden check's own cell is never shown or run in a kernel
            assert not verborgen or b"verborgen-missie" not in data or p.suffix != ".ipynb", p


def test_remarks_say_what_happened(klas):
    def opm(s):
        b = klas.res[s]
        return " ".join([b.reden, *b.opmerkingen])

    assert "hersteld" in opm("controle_bewerkt") and "hersteld" in opm("controle_gewist")
    assert "omzeild" in opm("functie_herdefinieerd")
    # the folder's own package does not even load in the kernel: the real checks ran and failed
    assert all(c.in_notebook != "gehaald" for c in klas.res["nep_pakket"].controles)
    assert "5 s" in opm("lus") and "kernel" in opm("lus_negeert_onderbreking")
    assert "kernel" in opm("crash") and "25 s" in opm("notebook_te_lang")
    assert "uitvoer" in opm("veel_uitvoer")
    assert "link" in opm("plan_link") and "gewoon bestand" in opm("plan_fifo")
    assert "genest" in opm("plan_diep") and "MB" in opm("plan_groot")
    assert "JSON-object" in opm("plan_lijst") and "UTF-8" in opm("plan_utf16")
    assert "link" in opm("notebook_link") and "20.001" in opm("Veel Bestanden")
    assert "thuis" in opm("link_naar_thuis")


def test_gradebook_pages_and_zip_entries(klas):
    with open(klas.uit / "cijferlijst.csv", encoding="utf-8-sig") as f:
        rijen = list(csv.reader(f, delimiter=";"))
    namen = [r[0] for r in rijen[1:]]
    assert '\'=HYPERLINK("x")' in namen and not any(n.startswith("=") for n in namen)
    assert all(r[-2] == "ja" and len(r[-1]) in (0, 64) for r in rijen[1:])
    paginas = {p.name for p in (klas.uit / "feedback").iterdir()}
    assert len(paginas) == len(klas.verwacht)  # Jan Jansen and Jan_Jansen do not share a page
    html = (klas.uit / "overzicht.html").read_text("utf-8")
    assert "&lt;script&gt;" in html and "<script>alert" not in html
    with open(klas.uit / "onbeoordeelbaar.csv", encoding="utf-8-sig") as f:
        zip_ = [r for r in csv.reader(f, delimiter=";") if r[0].startswith("(zip)")]
    benoemd = " ".join(r[0] for r in zip_)
    assert (
        "../../buiten.txt" in benoemd
        and "zz_slachtoffer/../../x.txt" in benoemd
        and "link" in benoemd
    )
    resultaten = json.loads((klas.uit / "resultaten.json").read_text("utf-8"))
    assert (
        resultaten["bewijs"]["zandbak"] is True and len(resultaten["bewijs"]["master_sha256"]) == 64
    )
    assert resultaten["bewijs"]["grenzen"]["seconden_per_cel"] == 5


def test_regrading_one_student_reproduces_the_points(klas, tmp_path):
    res = beoordeel(
        OPDRACHT / "master.ipynb",
        klas.wortel,
        tmp_path / "een",
        timeout=5,
        studenten=["eerlijk", "controle_bewerkt"],
    )
    assert {b.student: b.totaal for b in res.beoordelingen} == {
        "eerlijk": VOL,
        "controle_bewerkt": 2,
    }
    assert (
        res["eerlijk"].bewijs["inzending_sha256"] == klas.res["eerlijk"].bewijs["inzending_sha256"]
    )


def test_kernel_attacks_succeed_without_the_sandbox(klas, tmp_path):
    """The same kernel attacks, graded with the sandbox off: each one does what it tries, so
    the sandboxed run above is what stops them."""
    wortel = tmp_path / "klas"
    for naam in klas.kernelaanvallen:
        shutil.copytree(klas.wortel / naam, wortel / naam, symlinks=True)
    shutil.copytree(klas.wortel / "zz_slachtoffer", wortel / "zz_slachtoffer")
    for p in klas.buit.iterdir():
        p.unlink()
    os.environ["DATABASE_URL"] = CANARY
    try:
        beoordeel(
            OPDRACHT / "master.ipynb", wortel, tmp_path / "uit", timeout=5, zonder_zandbak=True
        )
        time.sleep(5)
        buit = {p.name for p in klas.buit.iterdir()}
        hangend = _processen(MERKTEKEN)
    finally:
        os.environ.pop("DATABASE_URL", None)
        for p in _processen(MERKTEKEN):
            os.kill(p, 9)
        (PAKKET / "zz_aanval.py").unlink(missing_ok=True)
        (Path(__import__("sysconfig").get_paths()["purelib"]) / "zz_aanval.pth").unlink(
            missing_ok=True
        )
        shutil.rmtree(klas.ipython / "profile_default" / "startup", ignore_errors=True)
        shutil.copyfile(klas.goed, klas.wortel / "zz_slachtoffer" / "plan.json")
    assert hangend, "the detached process did not outlive its kernel without the sandbox"
    # The environment is cleared with or without the sandbox; what a kernel started the usual
    # way (nbval, nbclient, nbgrader) inherits, the next test shows.
    verwacht = set(klas.kernelaanvallen) - {"blijft_hangen", "leest_omgeving"}
    assert verwacht <= buit, verwacht - buit


def test_naive_reading_is_fooled(tmp_path, monkeypatch):
    """What the grader before issue 9 did with these inputs: follow a link, block on a FIFO,
    unpack a zip entry outside its folder, hand its environment (minus names that look
    secret) to the kernel, name output files by a safe name alone and write names as they are."""
    import re
    import subprocess
    import sys

    monkeypatch.setenv("DATABASE_URL", CANARY)
    oud_filter = re.compile(r"TOKEN|SECRET|PASSWORD|PASSWD|API_?KEY|CREDENTIAL|AUTH", re.I)
    env = {k: v for k, v in os.environ.items() if not oud_filter.search(k)}
    r = subprocess.run(
        [sys.executable, "-c", "import os; print(os.environ.get('DATABASE_URL'))"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert CANARY in r.stdout
    link = tmp_path / "plan.json"
    link.symlink_to(OPDRACHT / "master.ipynb")
    assert b"controle" in link.read_bytes()  # read the master through the link
    fifo = tmp_path / "fifo.json"
    os.mkfifo(fifo)
    t = threading.Thread(target=fifo.read_bytes, daemon=True)
    t.start()
    t.join(1)
    assert t.is_alive()  # would hang the whole class
    with open(fifo, "wb"):  # let the thread end
        pass
    z = tmp_path / "a.zip"
    with zipfile.ZipFile(z, "w") as zf:
        zf.writestr("klas/../../buiten.txt", "x")
    doel = (tmp_path / "uit" / "klas").resolve()
    naam = zipfile.ZipFile(z).namelist()[0]
    assert not (doel.parent / naam).resolve().is_relative_to(doel)
    # A safe file name alone gives two students one feedback page ...
    veilig = re.compile(r"[^\w.-]+")
    assert veilig.sub("_", "Jan Jansen") == veilig.sub("_", "Jan_Jansen")
    # ... and a name written as it is becomes a formula in the lecturer's spreadsheet.
    import io

    regel = io.StringIO()
    csv.writer(regel, delimiter=";").writerow(["=HYPERLINK(1)", 6])
    assert regel.getvalue().startswith("=HYPERLINK")


@pytest.mark.parametrize("stap", ["herbouw", "voer_uit", "score"])
def test_one_students_grader_failure_is_that_students_alone(stap, tmp_path, monkeypatch):
    """The grader itself fails on one student, in each of its steps: that student is recorded
    (the error's name for the lecturer only), the classmate is graded in full."""
    vereist(beschikbaar() is None, f"no sandbox here: {beschikbaar()}")
    from basismodel_edu import nakijken

    goed = oplossingsplan(OPDRACHT, tmp_path / "opl")
    nb = student_nb(OPDRACHT)
    nb.cells[0].source += "\n<!-- MERK-A -->"  # how each step tells student a apart
    inzending(tmp_path / "k", "a", nb, goed)
    inzending(tmp_path / "k", "b", student_nb(OPDRACHT), goed)
    echt = getattr(nakijken, stap)

    def kapot(*a, **kw):
        wie = a[1] if stap == "score" else a[0 if stap == "voer_uit" else 1]
        if wie == "a" or "MERK-A" in str(wie):
            raise ZeroDivisionError
        return echt(*a, **kw)

    monkeypatch.setattr(nakijken, stap, kapot)
    res = beoordeel(OPDRACHT / "master.ipynb", tmp_path / "k", tmp_path / "uit", timeout=5)
    assert res["b"].totaal == VOL and res["b"].status == "beoordeeld"
    assert res["a"].totaal == 0
    assert "ZeroDivisionError" in " ".join(res["a"].voor_docent)
    pagina = (tmp_path / "uit" / "feedback" / f"{res['a'].bestand}.html").read_text("utf-8")
    assert "ZeroDivisionError" not in pagina and "niet aan jou" in pagina
    assert "ZeroDivisionError" in (tmp_path / "uit" / "cijferlijst.csv").read_text("utf-8-sig")
    gegevens = json.loads((tmp_path / "uit" / "resultaten.json").read_text("utf-8"))
    a = next(x for x in gegevens["studenten"] if x["student"] == "a")
    assert "ZeroDivisionError" in " ".join(a["voor_docent"])


def test_without_a_sandbox_grading_is_refused_in_dutch(tmp_path, monkeypatch, capsys):
    from basismodel_edu.cli import main
    from basismodel_edu.nakijken import zandbak

    monkeypatch.setattr(zandbak, "beschikbaar", lambda: "no bubblewrap on darwin")
    monkeypatch.setattr("basismodel_edu.nakijken.beschikbaar", lambda: "no bubblewrap on darwin")
    (tmp_path / "k").mkdir()
    code = main(
        ["grade", str(OPDRACHT / "master.ipynb"), str(tmp_path / "k"), "--out", str(tmp_path / "u")]
    )
    assert code == 2 and "Nakijken geweigerd" in capsys.readouterr().err
    assert not (tmp_path / "u").exists()


SPIEKERS = [
    "functie_herdefinieerd",
    "nep_succes",
    "tags_en_nep_uitvoer",
    "controle_bewerkt",
    "overschrijft_eigen_plan",
    "verborgen_id",
    "nep_pakket",
]


@pytest.mark.parametrize("naam", SPIEKERS)
def test_check_cheats_pass_plain_nbval(klas, naam, tmp_path):
    """The cheats on the checks, run the way a lecturer would without ``grade``: plain
    ``pytest --nbval-lax`` in the student's folder. Each one gets through (or stops pytest),
    although its plan earns less than full marks above, so the grade above is ``grade``'s doing."""
    import subprocess
    import sys

    map_ = tmp_path / naam
    shutil.copytree(klas.wortel / naam, map_)
    env = {
        "PATH": os.environ["PATH"],
        "HOME": str(tmp_path),
        "IPYTHONDIR": str(tmp_path / "ip"),
        "MPLCONFIGDIR": str(tmp_path / "mpl"),
        "PYTHONPATH": str(map_),  # as when pytest runs in the student's folder
    }
    r = subprocess.run(
        [sys.executable, "-m", "pytest", "--nbval-lax", "-p", "no:cacheprovider", "opdracht.ipynb"],
        cwd=map_,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert klas.verwacht[naam] < VOL
    if naam == "nep_pakket":
        # Its conftest.py stops pytest before any check: the whole class run would end here.
        assert r.returncode != 0 and "passed" not in r.stdout, r.stdout
    else:
        assert r.returncode == 0 and "failed" not in r.stdout, r.stdout + r.stderr
