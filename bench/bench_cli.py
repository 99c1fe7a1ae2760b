"""Start-up and batch benchmarks (issues 2 and 6), printed as ratios measured in the same run.

    .venv/bin/python bench/bench_cli.py            # everything
    .venv/bin/python bench/bench_cli.py startup    # only `reportcli --help` against `import typer`

- cold `reportcli --help` against `python -c "import typer"` (target <= 2x);
- keywords + facts over the 137 corpus .txt files, -j 2 against -j 1 (target >= 1.6x faster), with the
  peak resident memory of the -j 2 run's whole process tree (target <= 400 MB);
- `reportcli keywords` on the seed against the naive jieba script users write today (target <= 0.5x).
"""

from __future__ import annotations

import os
import sys
import tempfile

from _util import REPORTCLI, ROOT, corpus_texts, median_times, run_timed

PY = sys.executable
SEED = str(ROOT / "reportcli" / "data" / "seed_report.txt")
NAIVE = (
    "import sys, jieba, collections; text = open(sys.argv[1], encoding='utf-8').read(); "
    "print(collections.Counter(w for w in jieba.lcut(text) if len(w) > 1).most_common(20))"
)


def startup() -> None:
    times = median_times({"help": [REPORTCLI, "--help"], "typer": [PY, "-c", "import typer"]}, repeat=15)
    ratio = times["help"] / times["typer"]
    print(f"startup: reportcli --help {times['help'] * 1000:.0f} ms, import typer {times['typer'] * 1000:.0f} ms "
          f"-> ratio {ratio:.2f}x (target <= 2x)")  # fmt: skip


def batch() -> None:
    files = [str(p) for p in corpus_texts()]
    size = sum(os.path.getsize(f) for f in files)
    with tempfile.TemporaryDirectory() as tmp:
        listing = os.path.join(tmp, "files.txt")
        with open(listing, "w", encoding="utf-8") as handle:
            handle.write("\n".join(files))
        results: dict[int, tuple[float, int]] = {}
        for jobs in (1, 2, 1, 2):
            total, peak = 0.0, 0
            for cmd in ("keywords", "facts"):
                out = os.path.join(tmp, f"{cmd}-{jobs}.csv")
                elapsed, mem = run_timed([REPORTCLI, cmd, "--files-from", listing, "-j", str(jobs), "-q", "-o", out],
                                         memory=True)  # fmt: skip
                total += elapsed
                peak = max(peak, mem)
            best = results.get(jobs)
            results[jobs] = (min(total, best[0]) if best else total, max(peak, best[1]) if best else peak)
    one, two = results[1], results[2]
    print(f"batch: keywords + facts over {len(files)} files ({size / 1e6:.1f} MB): -j 1 {one[0]:.2f} s, "
          f"-j 2 {two[0]:.2f} s -> speed-up {one[0] / two[0]:.2f}x (target >= 1.6x)")  # fmt: skip
    print(f"batch: peak memory of the -j 2 runs (whole process tree) {two[1] / 1024:.0f} MB (target <= 400 MB); "
          f"-j 1: {one[1] / 1024:.0f} MB")  # fmt: skip


def keywords_vs_naive() -> None:
    times = median_times({"reportcli": [REPORTCLI, "keywords", SEED, "-f", "csv", "-j", "1"],
                          "naive": [PY, "-c", NAIVE, SEED]}, repeat=7)  # fmt: skip
    print(f"keywords on the seed: reportcli {times['reportcli']:.2f} s, naive jieba script {times['naive']:.2f} s "
          f"-> ratio {times['reportcli'] / times['naive']:.2f}x (target <= 0.5x)")  # fmt: skip


if __name__ == "__main__":
    wanted = set(sys.argv[1:]) or {"startup", "batch", "keywords"}
    print(f"machine: {os.cpu_count()} cores; python {sys.version.split()[0]}")
    if "startup" in wanted:
        startup()
    if "keywords" in wanted:
        keywords_vs_naive()
    if "batch" in wanted:
        batch()
