#!/usr/bin/env python3
"""Benchmark: facts extraction over every corpus .txt file, in MB/s of UTF-8 text per core.

Prints the figure and the ratio to a plain ``re.finditer(r"\\d+", text)`` pass over the same texts,
measured in the same run. Start-up (imports, regex compilation, reading files) is excluded.

    .venv/bin/python bench/bench_facts.py [CORPUS_DIR] [--repeat N]
"""
from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reportcli.facts.quantities import quantities  # noqa: E402
from reportcli.facts.table import fact_rows  # noqa: E402
from reportcli.io.document import Document  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", default=str(ROOT.parent / "shared" / "corpus"))
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    files = sorted(p for p in Path(args.corpus).rglob("*.txt") if "raw" not in p.parts)
    if not files:
        print(f"no .txt files under {args.corpus}", file=sys.stderr)
        return 1
    texts = []
    for p in files:
        try:
            texts.append(p.read_bytes().decode("utf-8"))
        except UnicodeDecodeError:
            continue  # the GBK/GB18030 test files: decoding is not what this measures
    lines = [line for t in texts for line in t.split("\n")]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    digits = re.compile(r"\d+")
    quantities("预热：召开常委会会议8次。")

    def best(fn) -> float:
        times = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t0)
        return min(times)

    def base() -> None:
        for t in texts:
            for _m in digits.finditer(t):
                pass

    found = 0

    def facts() -> None:
        nonlocal found
        found = 0
        for line in lines:
            found += len(quantities(line))

    table_rows = 0

    def table() -> None:
        # the whole per-file path of `reportcli facts`: cleaning, lines, sections, sentences, rows
        nonlocal table_rows
        table_rows = 0
        for i, t in enumerate(texts):
            table_rows += sum(1 for _ in fact_rows(Document(str(i), t)))

    t_base = best(base)
    t_facts = best(facts)
    t_table = best(table)
    print(f"files {len(texts)}  text {mb:.2f} MB  quantities {found}")
    print(f"baseline re.finditer(r'\\d+'): {mb / t_base:8.1f} MB/s  ({t_base * 1000:.0f} ms)")
    print(f"facts quantities():            {mb / t_facts:8.1f} MB/s  ({t_facts * 1000:.0f} ms)")
    print(f"facts table (Document + rows):  {mb / t_table:8.1f} MB/s  ({t_table * 1000:.0f} ms, {table_rows} rows)")
    print(f"ratio facts/baseline time: {t_facts / t_base:.1f}x, table/baseline {t_table / t_base:.1f}x   "
          f"(target >= 5 MB/s per core: {'ok' if mb / t_table >= 5 else 'BELOW'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
