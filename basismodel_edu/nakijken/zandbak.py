"""A sandbox per kernel: bubblewrap around ``ipykernel``, talking to the grader over IPC sockets.

Each student's kernel sees a read-only system (``/usr``, ``/etc``), the Python installation and
the package read-only, and one writable folder of its own at ``/home/student`` (its HOME,
IPYTHONDIR, Jupyter and matplotlib folders). It has no network, its own PID namespace (it sees
and can signal only its own processes; when the kernel ends, everything it started ends with
it), a cleared environment, and limits on memory, processes, file size and ``/tmp``. The
lecturer's home, the submissions' originals, the master, the output folder and other students'
folders are not bound, so they do not exist inside.

Memory, file size and core dumps are limited with ``prlimit`` before bubblewrap starts. The number
of processes is limited with ``prlimit --nproc`` inside the sandbox for a lecturer who is not
root (inside, because outside it would also cap the lecturer's own processes); Linux never
applies that limit to a process whose real user is root, not even inside a user namespace that
maps it to another user (measured here: 200 processes under a limit of 64), so as root each
sandbox gets a pids cgroup of its own instead, joined before bubblewrap starts.

Where bubblewrap cannot make a sandbox (macOS, Windows, a Linux without user namespaces),
:func:`beschikbaar` says why and the grader refuses unless the lecturer accepts the risk.
"""

from __future__ import annotations

import functools
import os
import secrets
import shutil
import signal
import subprocess
import sys
import sysconfig
from dataclasses import asdict, dataclass
from pathlib import Path

__all__ = ["BINNEN", "Grenzen", "Kernel", "beschikbaar", "kernel_omgeving"]

#: Where a student's working folder appears inside the sandbox.
BINNEN = "/home/student"
_IPC_BINNEN = "/run/kernel"
_UID = 1000  # not root inside: process limits bind, and files it creates are not root's


@dataclass(frozen=True)
class Grenzen:
    """The limits one notebook runs under; recorded per student in ``resultaten.json``."""

    seconden_per_cel: float = 60
    seconden_per_notebook: float = 300
    geheugen_mb: int = 2048
    processen: int = 64
    bestand_mb: int = 64
    tmp_mb: int = 128
    uitvoer_kb: int = 1024

    def als_dict(self) -> dict[str, float]:
        return asdict(self)


@functools.lru_cache(maxsize=1)
def beschikbaar() -> str | None:
    """``None`` when this machine can run sandboxed kernels, else the reason (in English, for
    the log; the grader shows its own Dutch sentence)."""
    if not sys.platform.startswith("linux"):
        return f"no bubblewrap sandbox on {sys.platform}"
    if shutil.which("bwrap") is None:
        return "bubblewrap (bwrap) is not installed"
    if shutil.which("prlimit") is None:
        return "prlimit (util-linux) is not installed"
    if os.geteuid() == 0 and _pids_wortel() is None:
        return "running as root without a writable pids cgroup: no process limit would bind"
    try:
        r = subprocess.run(
            ["bwrap", *_NAMESPACES, "--ro-bind", "/", "/", "--proc", "/proc", "--", "true"],
            capture_output=True,
            timeout=20,
        )
    except (OSError, subprocess.TimeoutExpired) as e:
        return f"bubblewrap does not start: {e}"
    if r.returncode != 0:
        return "bubblewrap cannot create namespaces: " + r.stderr.decode(errors="replace").strip()
    return None


_NAMESPACES = [
    "--unshare-all",
    "--unshare-user",
    "--uid",
    str(_UID),
    "--gid",
    str(_UID),
    "--die-with-parent",
    "--new-session",
]


def _pids_wortel() -> Path | None:
    """A pids cgroup folder root may make sub-groups in (cgroup v2, else v1), or ``None``."""
    v2 = Path("/sys/fs/cgroup")
    kandidaten = []
    if "pids" in _lees(v2 / "cgroup.controllers").split():
        kandidaten.append(v2)
    kandidaten.append(v2 / "pids")
    for k in kandidaten:
        if (k / "cgroup.procs").exists() and os.access(k, os.W_OK):
            if k == v2 and "pids" not in _lees(v2 / "cgroup.subtree_control").split():
                try:
                    (v2 / "cgroup.subtree_control").write_text("+pids")
                except OSError:
                    continue
            return k
    return None


def _lees(p: Path) -> str:
    try:
        return p.read_text()
    except OSError:
        return ""


def _leesbaar() -> list[Path]:
    """Folders the kernel needs to read: the interpreter, the virtual environment, the package."""
    import basismodel_edu

    paden = {
        Path(sys.prefix),
        Path(sys.base_prefix),
        Path(sys.exec_prefix),
        Path(sys.base_exec_prefix),
        Path(sys.executable).resolve().parent.parent,
        Path(basismodel_edu.__file__).resolve().parent,
    }
    for naam in ("purelib", "platlib"):
        paden.add(Path(sysconfig.get_paths()[naam]))
    paden = {p.resolve() for p in paden if p.exists()}
    # The system's own folders are bound as a whole already; bind nothing twice.
    paden = {p for p in paden if not any(p.is_relative_to(s) for s in (Path("/usr"), Path("/etc")))}
    # Keep only the outermost of nested folders.
    return sorted(p for p in paden if not any(p != q and p.is_relative_to(q) for q in paden))


def kernel_omgeving() -> dict[str, str]:
    """The kernel's whole environment: nothing of the lecturer's is passed on."""
    thuis = BINNEN
    return {
        "HOME": thuis,
        "USER": "student",
        "IPYTHONDIR": f"{thuis}/.ipython",
        "MPLCONFIGDIR": f"{thuis}/.matplotlib",
        "JUPYTER_RUNTIME_DIR": f"{thuis}/.jupyter/runtime",
        "JUPYTER_CONFIG_DIR": f"{thuis}/.jupyter",
        "JUPYTER_DATA_DIR": f"{thuis}/.jupyter/data",
        "MPLBACKEND": "Agg",
        "PATH": f"{Path(sys.executable).parent}:/usr/local/bin:/usr/bin:/bin",
        "LANG": "C.UTF-8",
        "TMPDIR": "/tmp",
        "PYTHONDONTWRITEBYTECODE": "1",
        "OPENBLAS_NUM_THREADS": "1",
        "OMP_NUM_THREADS": "1",
        "TERM": "dumb",
    }


def _bwrap(werkmap: Path, ipcmap: Path, grenzen: Grenzen) -> list[str]:
    cmd = ["bwrap", *_NAMESPACES, "--clearenv"]
    for k, v in kernel_omgeving().items():
        cmd += ["--setenv", k, v]
    for p in ("/usr", "/etc"):
        cmd += ["--ro-bind", p, p]
    for p in ("/bin", "/sbin", "/lib", "/lib64", "/lib32", "/libx32"):
        if os.path.islink(p):
            cmd += ["--symlink", os.readlink(p), p]
        elif os.path.isdir(p):
            cmd += ["--ro-bind", p, p]
    cmd += ["--dev", "/dev", "--proc", "/proc"]
    cmd += ["--size", str(grenzen.tmp_mb * 1024 * 1024), "--tmpfs", "/tmp"]
    cmd += ["--tmpfs", "/home", "--tmpfs", "/run"]
    for p in _leesbaar():
        cmd += ["--ro-bind", str(p), str(p)]
    cmd += ["--bind", str(werkmap), BINNEN, "--bind", str(ipcmap), _IPC_BINNEN]
    cmd += ["--chdir", BINNEN]
    return cmd


class Kernel:
    """One kernel for one notebook, in a sandbox or (when the lecturer accepted the risk) not.

    ``start()`` returns a connected, ready ``BlockingKernelClient``; ``stop()`` kills the
    sandbox and with it every process inside. The client's HMAC key is new for every kernel,
    so a kernel that points its socket at a classmate's kernel gets only unsigned noise.
    """

    def __init__(
        self, werkmap: Path, ipcmap: Path, grenzen: Grenzen, *, zandbak: bool = True
    ) -> None:
        self.werkmap, self.ipcmap, self.grenzen, self.zandbak = werkmap, ipcmap, grenzen, zandbak
        self.proces: subprocess.Popen | None = None
        self.client = None
        self.groep: Path | None = None

    def _verbinding(self, ip: str) -> dict:
        # Ports only name the socket files (ip-port) in the IPC folder.
        return {
            "transport": "ipc",
            "ip": ip,
            "shell_port": 1,
            "iopub_port": 2,
            "stdin_port": 3,
            "control_port": 4,
            "hb_port": 5,
            "key": self._sleutel,
            "signature_scheme": "hmac-sha256",
            "kernel_name": "python3",
        }

    def start(self, startwacht: float = 60):
        import json

        from jupyter_client import BlockingKernelClient

        self._sleutel = secrets.token_hex(32)
        self.ipcmap.mkdir(parents=True, exist_ok=True)
        binnen = _IPC_BINNEN if self.zandbak else str(self.ipcmap)
        (self.ipcmap / "verbinding.json").write_text(
            json.dumps(self._verbinding(f"{binnen}/k")), encoding="utf-8"
        )
        kernel = [
            sys.executable,
            "-I",
            "-B",
            "-m",
            "ipykernel_launcher",
            "-f",
            f"{binnen}/verbinding.json",
            "--HistoryManager.enabled=False",
            "--InteractiveShell.colors=nocolor",
        ]
        g = self.grenzen
        limieten = [
            "prlimit",
            f"--as={g.geheugen_mb * 1024 * 1024}",
            f"--fsize={g.bestand_mb * 1024 * 1024}",
            "--core=0",
            "--",
        ]
        # The process limit is set inside the sandbox, once its user namespace exists. Set
        # before, Linux also records it as the ceiling for every process of the lecturer's
        # user, and a lecturer with more processes than the limit (any desktop session) gets no
        # sandbox at all: "Creating new namespace failed" (measured with 100 processes, limit 64).
        processen = ["prlimit", f"--nproc={g.processen}", "--"]
        if self.zandbak:
            cmd = [*limieten, *_bwrap(self.werkmap, self.ipcmap, g), "--", *processen, *kernel]
            if os.geteuid() == 0:
                wortel = _pids_wortel()
                if wortel is None:
                    raise RuntimeError(beschikbaar() or "no pids cgroup")
                self.groep = wortel / f"basismodel-{secrets.token_hex(6)}"
                self.groep.mkdir()
                (self.groep / "pids.max").write_text(str(g.processen))
                # Join the group before anything of the sandbox exists, so nothing escapes it.
                cmd = [
                    "sh",
                    "-c",
                    'echo $$ > "$0" && exec "$@"',
                    str(self.groep / "cgroup.procs"),
                    *cmd,
                ]
            env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin")}
            cwd = None
        else:
            # No process limit without a sandbox: outside a user namespace of its own it would
            # count every process of the lecturer's user, and a desktop has more than 64.
            cmd = kernel if shutil.which("prlimit") is None else [*limieten, *kernel]
            env = {**kernel_omgeving(), **_zonder_zandbak_omgeving(self.werkmap)}
            cwd = self.werkmap
        self.proces = subprocess.Popen(
            cmd,
            env=env,
            cwd=cwd,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        client = BlockingKernelClient()
        client.load_connection_info(self._verbinding(f"{self.ipcmap}/k"))
        client.start_channels()
        self.client = client
        try:
            self._wacht_tot_klaar(client, startwacht)
        except RuntimeError:
            self.stop()
            raise
        return client

    def _wacht_tot_klaar(self, client, startwacht: float) -> None:
        # jupyter_client's wait_for_ready asks the heartbeat whether the kernel lives; without a
        # kernel manager that heartbeat may not beat yet and it reports a live kernel as dead
        # (measured: 9 in 60 under load). Our own process is the truth here.
        import time
        from queue import Empty

        einde = time.monotonic() + startwacht
        while time.monotonic() < einde:
            if not self.leeft():
                raise RuntimeError("kernel process ended before it was ready")
            msg_id = client.kernel_info()
            tot = min(time.monotonic() + 2, einde)
            while time.monotonic() < tot:
                try:
                    msg = client.get_shell_msg(timeout=0.25)
                except Empty:
                    if not self.leeft():
                        raise RuntimeError("kernel process ended before it was ready") from None
                    continue
                if msg.get("parent_header", {}).get("msg_id") == msg_id:
                    # Ready once iopub, too, carries this request's status: a cell's output is
                    # then never lost to a subscription that is not connected yet.
                    gehoord = False
                    while True:
                        try:
                            m = client.get_iopub_msg(timeout=0.2)
                        except Empty:
                            break
                        gehoord |= m.get("parent_header", {}).get("msg_id") == msg_id
                    if gehoord:
                        return
                    break
        raise RuntimeError(f"kernel not ready within {startwacht:g} s")

    def leeft(self) -> bool:
        return self.proces is not None and self.proces.poll() is None

    def stop(self) -> None:
        if self.client is not None:
            self.client.stop_channels()
            self.client = None
        if self.proces is not None:
            # No polite shutdown: a kernel may stall on it for seconds (measured 2.5-3 s), and
            # killing the session takes the whole sandbox (and its PID namespace) with it.
            try:
                os.killpg(self.proces.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
            self.proces.wait()
            self.proces = None
        if self.groep is not None:
            _ruim_groep_op(self.groep)
            self.groep = None


def _ruim_groep_op(groep: Path, wacht: float = 60) -> None:
    import time

    # The PID namespace's init is gone, so the kernel kills the rest; wait until it has. On a
    # loaded machine that took longer than the 2 s this loop once allowed, and a process of a
    # sandbox was still there when the class's output was written (seen once in CI). Nothing
    # is written until the group is empty.
    einde = time.monotonic() + wacht
    while True:
        for regel in _lees(groep / "cgroup.procs").split():
            try:
                os.kill(int(regel), signal.SIGKILL)
            except (ProcessLookupError, PermissionError, ValueError):
                pass
        try:
            groep.rmdir()
            return
        except OSError:
            if time.monotonic() > einde:
                raise RuntimeError(f"sandbox processes did not end within {wacht:g} s") from None
            time.sleep(0.02)


def _zonder_zandbak_omgeving(werkmap: Path) -> dict[str, str]:
    thuis = str(werkmap)
    basis = kernel_omgeving()
    return {
        k: v.replace(BINNEN, thuis) if isinstance(v, str) else v
        for k, v in basis.items()
        if k != "TMPDIR"
    } | {"SYSTEMROOT": os.environ.get("SYSTEMROOT", "")}
