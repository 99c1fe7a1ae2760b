"""The seed report against the hand-labelled gold set, with the shared scorer."""
from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest

from reportcli.facts.table import FACT_COLUMNS, fact_rows, term_rows
from reportcli.io import load

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "seeds" / "000_771294fad5e85307.txt"
GOLD = SHARED / "gold" / "seed_facts.csv"
SCORER = SHARED / "tools" / "score_facts.py"

needs_shared = pytest.mark.skipif(not (SEED.exists() and GOLD.exists() and SCORER.exists()),
                                  reason="../shared (seed, gold set, scorer) is not beside the checkout")


@needs_shared
def test_seed_scores(tmp_path: Path) -> None:
    pred = tmp_path / "pred.csv"
    with pred.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=["file", *FACT_COLUMNS])
        w.writeheader()
        for row in fact_rows(load(str(SEED))):
            w.writerow({"file": SEED.stem, **row})
    proc = subprocess.run(
        [sys.executable, str(SCORER), str(pred), str(GOLD), "--min-precision", "0.98", "--min-recall", "0.98",
         "--min-subject", "0.90"],
        capture_output=True, text=True, check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


@needs_shared
def test_seed_terms_cover_the_slogans() -> None:
    terms = {r["term"]: r for r in term_rows(load(str(SEED)))}
    for term in ("两个确立", "一府一委两院", "八八战略", "十四五", "二十届三中全会", "千万工程", "410行动", "长三角"):
        assert term in terms, term
    assert terms["十四五"]["category"] == "plan"
    assert terms["二十届三中全会"]["category"] == "session"
    assert terms["长三角"]["category"] == "place"
    assert terms["一府一委两院"]["count"] >= 4


def test_fact_rows_columns_and_filters() -> None:
    from reportcli.io import load_text

    doc = load_text("一、主要工作\n共召开常委会会议8次，满意率100%，投资3亿元。\n")
    rows = list(fact_rows(doc))
    assert [r["value"] for r in rows] == [8, 100, 300000000]
    assert set(rows[0]) == set(FACT_COLUMNS)
    assert rows[0]["line"] == 2 and doc.text[rows[0]["start"]:rows[0]["end"]] == "8次"
    assert [r["kind"] for r in fact_rows(doc, kinds="percent")] == ["percent"]
    assert [r["value"] for r in fact_rows(doc, min_value=50)] == [100, 300000000]
    assert [r["value"] for r in fact_rows(doc, subject="会议")] == [8]
    with pytest.raises(ValueError):
        list(fact_rows(doc, kinds="weeks"))
