"""Benchmark: `reportcli keywords` on the seed, whole process, against the naive jieba script.

    .venv/bin/python bench/bench_keywords.py [--runs 7] [FILE]

Both run as subprocesses, interleaved, after one warm-up each (so jieba's dictionary cache exists,
as it does for a user who has run jieba before). Prints the median wall times and the ratio
reportcli / naive (the target is <= 0.5). Not a test: timings never fail CI.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "reportcli" / "data" / "seed_report.txt"

NAIVE = """\
import sys, jieba, collections
text = open(sys.argv[1], encoding="utf-8").read()
print(collections.Counter(w for w in jieba.lcut(text) if len(w) > 1).most_common(20))
"""


def reportcli_command() -> list[str]:
    exe = Path(sys.executable).with_name("reportcli")
    if exe.exists():
        return [str(exe)]
    found = shutil.which("reportcli")
    return [found] if found else [sys.executable, "-m", "reportcli"]


def wall(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("file", nargs="?", type=Path, default=SEED)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--method", default="freq")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        naive_script = Path(tmp) / "naive_keywords.py"
        naive_script.write_text(NAIVE, encoding="utf-8")
        naive = [sys.executable, str(naive_script), str(args.file)]
        ours = [*reportcli_command(), "keywords", str(args.file), "--method", args.method, "-f", "csv"]
        wall(naive)
        wall(ours)
        naive_times, our_times = [], []
        for _ in range(args.runs):
            naive_times.append(wall(naive))
            our_times.append(wall(ours))
    n, o = statistics.median(naive_times), statistics.median(our_times)
    print(f"file: {args.file.name}  runs: {args.runs}  command: {' '.join(ours[:1])} keywords --method {args.method}")
    print(f"naive jieba script : median {n * 1000:7.1f} ms  (min {min(naive_times) * 1000:.1f})")
    print(f"reportcli keywords : median {o * 1000:7.1f} ms  (min {min(our_times) * 1000:.1f})")
    print(f"ratio reportcli/naive: {o / n:.2f}  (target <= 0.50)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
