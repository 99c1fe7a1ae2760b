"""Segmentation throughput of reportcli against the bare engines, measured in the same run.

Prints, over all corpus .txt files (../shared/corpus; start-up excluded, best of --repeat runs):
- reportcli (engine rjieba, report lexicon, number protection) vs bare ``rjieba.cut`` (target >= 0.7);
- reportcli with engine jieba vs bare ``jieba.lcut`` (target >= 0.9);
- the line-by-line path of ``reportcli segment`` (segment_rows over body lines) vs bare ``rjieba.cut``.

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


def best_of(fn, texts: list[str], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for text in texts:
            fn(text)
        best = min(best, time.perf_counter() - t0)
    return best


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

    t_bare_r = best_of(lambda t: rjieba.cut(t, False), texts, args.repeat)
    t_ours_r = best_of(seg_r.cut, texts, args.repeat)
    t_bare_j = best_of(lambda t: jieba.lcut(t, HMM=False), texts, max(2, args.repeat - 1))
    t_ours_j = best_of(seg_j.cut, texts, max(2, args.repeat - 1))
    t_rows = best_of(run_rows, docs, args.repeat)

    print(f"corpus: {len(texts)} texts, {mb:.1f} MB")
    print(f"bare rjieba.cut        {mb / t_bare_r:7.2f} MB/s")
    print(f"reportcli (rjieba)     {mb / t_ours_r:7.2f} MB/s   ratio {t_bare_r / t_ours_r:.2f}  (target >= 0.7)")
    print(f"bare jieba.lcut        {mb / t_bare_j:7.2f} MB/s")
    print(f"reportcli (jieba)      {mb / t_ours_j:7.2f} MB/s   ratio {t_bare_j / t_ours_j:.2f}  (target >= 0.9)")
    print(f"segment_rows (rjieba)  {mb / t_rows:7.2f} MB/s   ratio {t_bare_r / t_rows:.2f}  "
          "(line by line, offsets, rows; vs bare rjieba.cut)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
