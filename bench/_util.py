"""Helpers for the benchmark scripts: corpus files, timing of whole processes, peak memory of a process tree."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
BIN = Path(sys.executable).parent
REPORTCLI = str(BIN / "reportcli") if (BIN / "reportcli").exists() else "reportcli"


def corpus_texts() -> list[Path]:
    """The 137 clean .txt reports of ../shared/corpus (not raw/ copies, not the GBK transcodes)."""
    if not CORPUS.is_dir():
        sys.exit("bench: ../shared/corpus is absent; these benchmarks need it")
    return sorted(p for p in CORPUS.glob("*/*.txt") if not p.parent.name.startswith("derived"))


def _tree_rss_kb(pid: int) -> int:
    """Resident memory of a process and all its descendants (Linux /proc), in KiB."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
            ppid = int(fields[1])
            pages = int(fields[21])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry))
        rss[int(entry)] = pages * (os.sysconf("SC_PAGE_SIZE") // 1024)
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        total += rss.get(current, 0)
        stack.extend(children.get(current, []))
    return total


def run_timed(cmd: list[str], *, stdin: bytes | None = None, memory: bool = False) -> tuple[float, int]:
    """Wall time of a whole process (and the peak RSS of its process tree in KiB when ``memory``)."""
    peak = 0
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)  # fmt: skip
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss_kb(proc.pid))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample) if memory else None
    if sampler:
        sampler.start()
    _, err = proc.communicate(stdin)
    elapsed = time.perf_counter() - start
    done.set()
    if sampler:
        sampler.join()
    if proc.returncode != 0:
        sys.exit(f"bench: {' '.join(cmd[:3])} … failed ({proc.returncode}): {err.decode()[-500:]}")
    return elapsed, peak


def median_times(commands: dict[str, list[str]], repeat: int) -> dict[str, float]:
    """Median wall time of each command, runs interleaved so that machine noise hits all alike."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(repeat):
        for name, cmd in commands.items():
            times[name].append(run_timed(cmd)[0])
    return {name: statistics.median(values) for name, values in times.items()}
