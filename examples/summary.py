"""Use reportcli as a library on a folder of reports and print a pandas summary (no plotting).

    python examples/summary.py [FOLDER]

Default folder: the 2025 provincial government work reports in ../shared/corpus.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

import reportcli

DEFAULT = Path(__file__).resolve().parents[2] / "shared/corpus/alexzhu0-government_report_rag_provincial_2025_docx"


def main(folder: Path) -> None:
    paths = sorted(p for p in folder.glob("*.txt"))
    if not paths:
        sys.exit(f"summary.py: no .txt reports in {folder}")
    facts, infos = [], []
    for path in paths:
        doc = reportcli.load(path)
        info = reportcli.info(doc).assign(file=path.name)
        infos.append(info)
        facts.append(reportcli.extract_facts(doc).assign(file=path.name))
    info = pd.concat(infos, ignore_index=True)
    table = pd.concat(facts, ignore_index=True)
    print(f"{len(paths)} reports, {info.han_chars.sum():,} Han characters")
    print("\nNumeric facts by kind:")
    print(table.groupby("kind").size().sort_values(ascending=False).to_string())
    growth = table[(table.kind == "change") & (table.unit == "%") & table.subject.str.contains("生产总值")]
    print("\nGDP growth rates cited (生产总值 … 增长 N%), first per report:")
    print(growth.groupby("file").first()[["value", "text", "line"]].head(10).to_string())
    print("\nReports with the most facts:")
    print(table.groupby("file").size().sort_values(ascending=False).head(5).to_string())


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT)
