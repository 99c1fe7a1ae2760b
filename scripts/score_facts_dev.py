#!/usr/bin/env python3
"""Dev harness: write the facts CSV of a report and score it with ../shared/tools/score_facts.py.

    .venv/bin/python scripts/score_facts_dev.py                      # the seed against the gold set
    .venv/bin/python scripts/score_facts_dev.py REPORT.txt GOLD.csv  # any hand-labelled report
"""
from __future__ import annotations

import csv
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from reportcli.facts.table import FACT_COLUMNS, fact_rows  # noqa: E402
from reportcli.io import load  # noqa: E402


def write_csv(report: Path, out: Path) -> int:
    doc = load(str(report))
    n = 0
    with out.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=["file", *FACT_COLUMNS])
        w.writeheader()
        for row in fact_rows(doc):
            w.writerow({"file": report.stem, **row})
            n += 1
    return n


def main(argv: list[str]) -> int:
    report = Path(argv[0]) if argv else SHARED / "seeds" / "000_771294fad5e85307.txt"
    gold = Path(argv[1]) if len(argv) > 1 else SHARED / "gold" / "seed_facts.csv"
    extra = argv[2:]
    with tempfile.TemporaryDirectory() as tmp:
        pred = Path(tmp) / "pred.csv"
        write_csv(report, pred)
        cmd = [sys.executable, str(SHARED / "tools" / "score_facts.py"), str(pred), str(gold), "-v", *extra]
        terms = SHARED / "gold" / "seed_terms.csv"
        if not argv and terms.exists():
            cmd += ["--terms", str(terms)]
        return subprocess.call(cmd)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
