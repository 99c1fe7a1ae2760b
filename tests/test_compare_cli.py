"""`reportcli compare` through Typer's CliRunner (corpus reports when present)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reportcli.analysis.compare import COMPARE_COLUMNS
from reportcli.cli.app import app

runner = CliRunner()
CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


def _pair() -> list[str]:
    files = sorted(CORPUS.glob("*/202[56]_zhejiang_gov-work-report.txt"))
    if len(files) != 2:
        pytest.skip(f"the 2025 and 2026 Zhejiang reports are not in {CORPUS} (corpus beside the checkout)")
    return [str(f) for f in files]


def test_compare_two_years_of_one_province() -> None:
    a, b = _pair()
    result = runner.invoke(app, ["compare", a, b, "--top", "10", "-f", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == COMPARE_COLUMNS
    sides = [r["side"] for r in rows]
    assert sides == sorted(sides) and set(sides) == {"a", "b"} and len(rows) == 20
    for row in rows:
        per_a, per_b = float(row["per_10k_a"]), float(row["per_10k_b"])
        assert (per_a > per_b) == (row["side"] == "a")
        assert (float(row["log_ratio"]) > 0) == (row["side"] == "a")
        assert float(row["g2"]) > 0 and 0 <= float(row["p"]) <= 1
    for side in ("a", "b"):
        g2 = [float(r["g2"]) for r in rows if r["side"] == side]
        assert g2 == sorted(g2, reverse=True)
    result = runner.invoke(app, ["compare", a, b, "--top", "500", "-f", "csv"])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and all(float(r["p"]) <= 0.05 and float(r["g2"]) >= 3.84 for r in rows)  # significant only
    # 十五五 (1 vs 7 uses) leans to 2026 without being significant in two short reports: --max-p 1 shows it
    assert "十五五" not in {r["word"] for r in rows}
    result = runner.invoke(app, ["compare", a, b, "--top", "500", "--max-p", "1", "-f", "csv"])
    every = list(csv.DictReader(io.StringIO(result.stdout)))
    assert "十五五" in {r["word"] for r in every if r["side"] == "b"}  # the 2026 report plans the 15th FYP
    assert len(every) > len(rows)
    for row in every:  # no row is labelled over-used without a difference
        assert float(row["g2"]) > 0 and (float(row["log_ratio"]) > 0) == (row["side"] == "a")
        assert (float(row["per_10k_a"]) >= float(row["per_10k_b"])) == (row["side"] == "a")


def test_compare_groups() -> None:
    a, b = _pair()
    result = runner.invoke(app, ["compare", "--a", a, "--b", b, "--a", a, "--top", "3", "-f", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 6


@pytest.mark.parametrize("args", [["compare"], ["compare", "x.txt"], ["compare", "--a", "x.txt"]])
def test_compare_usage_errors(args: list[str]) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert "Traceback" not in result.output
