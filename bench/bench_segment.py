"""Segmentation throughput of reportcli against the bare engines, measured in the same run.

Prints, over all corpus .txt files (../shared/corpus; start-up excluded, best of --repeat runs):
- reportcli (engine rjieba, report lexicon, number protection) vs bare ``rjieba.cut`` (target >= 0.7);
- reportcli with engine jieba vs bare ``jieba.lcut`` (target >= 0.9);
- the line-by-line path of ``reportcli segment`` (segment_rows over body lines) vs bare ``rjieba.cut``;
- ``reportcli segment`` on the seed as a whole process vs ``python -c "import jieba; jieba.lcut(text)"``
  (target <= 0.5x).
Each pair is timed interleaved (ours, bare, ours, bare …) so that machine noise hits both alike.

Usage: .venv/bin/python bench/bench_segment.py [--repeat 3] [--corpus DIR]
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def corpus_texts(corpus: Path) -> list[str]:
    texts = []
    for path in sorted(corpus.rglob("*.txt")):
        if "raw" in path.parts:
            continue
        try:
            texts.append(path.read_text(encoding="utf-8"))
        except UnicodeDecodeError:
            continue
    return texts


def _once(fn, texts: list) -> float:
    t0 = time.perf_counter()
    for text in texts:
        fn(text)
    return time.perf_counter() - t0


def best_pair(ours, bare, texts: list, repeat: int) -> tuple[float, float]:
    """Best-of-``repeat`` times of two functions over the same texts, runs interleaved."""
    t_ours, t_bare = float("inf"), float("inf")
    for _ in range(repeat):
        t_bare = min(t_bare, _once(bare, texts))
        t_ours = min(t_ours, _once(ours, texts))
    return t_ours, t_bare


def whole_process(repeat: int) -> tuple[float, float]:
    """Median wall time of `reportcli segment` on the seed and of a bare jieba script, interleaved."""
    import statistics
    import subprocess

    seed = ROOT / "reportcli" / "data" / "seed_report.txt"
    exe = Path(sys.executable).parent / "reportcli"
    ours_cmd = [str(exe), "segment", str(seed)]
    bare_cmd = [sys.executable, "-c", "import sys, jieba; jieba.lcut(open(sys.argv[1], encoding='utf-8').read())",
                str(seed)]  # fmt: skip
    ours, bare = [], []
    for _ in range(repeat):
        for cmd, times in ((bare_cmd, bare), (ours_cmd, ours)):
            t0 = time.perf_counter()
            subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
            times.append(time.perf_counter() - t0)
    return statistics.median(ours), statistics.median(bare)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    texts = corpus_texts(args.corpus)
    if not texts:
        print(f"no corpus texts under {args.corpus}", file=sys.stderr)
        return 1
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6

    import rjieba

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import jieba
    jieba.setLogLevel(logging.ERROR)
    jieba.initialize()

    from reportcli.io import load_text
    from reportcli.text import get_segmenter, segment_rows

    seg_r = get_segmenter("rjieba")
    seg_j = get_segmenter("jieba")
    rjieba.cut("预热")
    docs = [load_text(t) for t in texts]

    def run_rows(doc):
        for _ in segment_rows(doc, segmenter=seg_r):
            pass

    t_ours_r, t_bare_r = best_pair(seg_r.cut, lambda t: rjieba.cut(t, False), texts, args.repeat)
    t_ours_j, t_bare_j = best_pair(seg_j.cut, lambda t: jieba.lcut(t, HMM=False), texts, args.repeat)
    t_rows = min(_once(run_rows, docs) for _ in range(args.repeat))
    p_ours, p_bare = whole_process(7)

    print(f"corpus: {len(texts)} texts, {mb:.1f} MB")
    print(f"bare rjieba.cut        {mb / t_bare_r:7.2f} MB/s")
    print(f"reportcli (rjieba)     {mb / t_ours_r:7.2f} MB/s   ratio {t_bare_r / t_ours_r:.2f}  (target >= 0.7)")
    print(f"bare jieba.lcut        {mb / t_bare_j:7.2f} MB/s")
    print(f"reportcli (jieba)      {mb / t_ours_j:7.2f} MB/s   ratio {t_bare_j / t_ours_j:.2f}  (target >= 0.9)")
    print(f"segment_rows (rjieba)  {mb / t_rows:7.2f} MB/s   ratio {t_bare_r / t_rows:.2f}  "
          "(line by line, offsets, rows; vs bare rjieba.cut)")
    print(f"reportcli segment, seed, whole process {p_ours * 1000:.0f} ms; bare jieba script {p_bare * 1000:.0f} ms   "
          f"ratio {p_ours / p_bare:.2f}x  (target <= 0.5x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
