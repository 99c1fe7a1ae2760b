"""`reportcli kwic` through Typer's CliRunner."""

from __future__ import annotations

import csv
import io

from typer.testing import CliRunner

from reportcli.analysis.kwic import KWIC_COLUMNS
from reportcli.cli.app import app
from reportcli.io import seed_path

runner = CliRunner()


def _csv(*args: str) -> list[dict[str, str]]:
    result = runner.invoke(app, [*args, "-f", "csv"])
    assert result.exit_code == 0, result.output
    return list(csv.DictReader(io.StringIO(result.stdout)))


def test_kwic_finds_every_gaozhiliang_fazhan_in_the_seed() -> None:
    lines = seed_path().read_text(encoding="utf-8").split("\n")
    expected = [n for n, text in enumerate(lines, 1) for _ in range(text.count("高质量发展"))]
    rows = _csv("kwic", "高质量发展")
    assert list(rows[0]) == ["file", *KWIC_COLUMNS]
    assert [int(r["line"]) for r in rows] == expected
    assert all(r["match"] == "高质量发展" and r["file"] == "seed_report.txt" for r in rows)


def test_kwic_width_regex_and_whole_token() -> None:
    rows = _csv("kwic", "全过程人民民主", "--width", "5")
    assert rows and all(len(r["left"]) <= 5 and len(r["right"]) <= 5 for r in rows)
    assert all(r["section"] for r in rows)
    rows = _csv("kwic", r"\d+次", "--regex")
    assert rows and all(r["match"].endswith("次") for r in rows)
    inside = _csv("kwic", "人民民主")
    whole = _csv("kwic", "人民民主", "--whole-token")
    assert len(whole) < len(inside)


def test_bad_regex_is_a_usage_error() -> None:
    result = runner.invoke(app, ["kwic", "(", "--regex"])
    assert result.exit_code == 2
    assert "bad regular expression" in result.stderr and "Traceback" not in result.output
