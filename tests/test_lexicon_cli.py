"""`reportcli lexicon` through Typer's CliRunner: tables, panel, provenance, errors."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reportcli.analysis.lexicon import LEXICON_COLUMNS, LEXICON_TERM_COLUMNS
from reportcli.cli.app import app

runner = CliRunner()
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
NATIONAL = SHARED / "corpus" / "chengjun-mybook_national_1954-2022"
SHIPPED = ["生态环保", "科技创新", "数字经济", "民生保障", "对外开放", "安全发展", "乡村振兴", "共同富裕"]


def _csv(*args: str) -> list[dict[str, str]]:
    result = runner.invoke(app, ["lexicon", *args, "-f", "csv"])
    assert result.exit_code == 0, result.output
    return list(csv.DictReader(io.StringIO(result.stdout)))


def test_default_all_shipped_on_the_seed() -> None:
    rows = _csv()
    assert list(rows[0]) == ["file", *LEXICON_COLUMNS]
    assert [r["category"] for r in rows] == SHIPPED
    assert len({r["denominator"] for r in rows}) == 1  # one denominator per file, whatever the category
    for row in rows:
        assert row["file"] == "seed_report.txt"
        per = float(row["hits"]) / int(row["denominator"]) * 10000
        assert float(row["per_10k"]) == pytest.approx(per, abs=1e-4)
    by_cat = {r["category"]: r for r in rows}
    assert "民生实事" in by_cat["民生保障"]["top_terms"]
    assert int(by_cat["民生保障"]["hits"]) > 0


def test_rules_change_the_numbers_explicitly() -> None:
    words = _csv("--dict", "民生保障")[0]
    chars = _csv("--dict", "民生保障", "--per", "chars")[0]
    tokens = _csv("--dict", "民生保障", "--per", "tokens")[0]
    assert int(words["denominator"]) < int(tokens["denominator"]) < int(chars["denominator"])
    substrings = _csv("--dict", "民生保障", "--count", "substrings")[0]
    assert substrings["denominator"] == words["denominator"]
    # 民生 inside 人民生活 counts as a substring, never as a token
    assert int(substrings["hits"]) >= int(words["hits"])


def test_wide_terms_and_user_dict(tmp_path: Path) -> None:
    mine = tmp_path / "mine.csv"
    mine.write_text("category,term,weight\n人大,人大,1\n人大,监督,0.5\n", encoding="gbk")
    rows = _csv("--dict", "生态环保", "--dict", str(mine), "--wide")
    assert list(rows[0]) == ["file", "生态环保", "人大"]
    assert len(rows) == 1 and float(rows[0]["人大"]) > 0
    terms = _csv("--dict", str(mine), "--terms")
    assert list(terms[0]) == ["file", *LEXICON_TERM_COLUMNS]
    assert {r["term"] for r in terms} == {"人大", "监督"}
    long = _csv("--dict", str(mine))
    hits = {r["term"]: int(r["hits"]) for r in terms}
    assert float(long[0]["hits"]) == hits["人大"] + 0.5 * hits["监督"]


def test_provenance_file(tmp_path: Path) -> None:
    out = tmp_path / "prov.json"
    result = runner.invoke(app, ["lexicon", "--dict", "生态环保", "--count", "substrings", "--per", "chars",
                                 "-f", "csv", "--provenance", str(out)])  # fmt: skip
    assert result.exit_code == 0, result.output
    record = json.loads(out.read_text(encoding="utf-8"))
    assert record["reportcli_version"]
    assert [d["name"] for d in record["dictionaries"]] == ["生态环保"]
    assert len(record["dictionaries"][0]["sha256"]) == 64
    assert record["options"]["count"] == "substrings" and record["options"]["per"] == "chars"
    assert record["options"]["scale"] == 10000 and record["options"]["files_done"] == 1


def test_list_shipped() -> None:
    rows = _csv("--list")
    assert [r["dictionary"] for r in rows][: len(SHIPPED)] == SHIPPED
    assert all(int(r["terms"]) >= 30 for r in rows)


def test_errors_are_one_line(tmp_path: Path) -> None:
    result = runner.invoke(app, ["lexicon", "--dict", "环境"])
    assert result.exit_code == 2
    assert result.stderr.startswith("reportcli: error: 环境: no shipped dictionary of that name")
    assert result.stderr.count("\n") == 1
    bad = tmp_path / "bad.csv"
    bad.write_text("category,term,weight\n甲,生态,很多\n", encoding="utf-8")
    result = runner.invoke(app, ["lexicon", "--dict", str(bad)])
    assert result.exit_code == 2  # a malformed --dict file is a usage error, like an unknown name
    assert f"{bad}: line 2: weight '很多' is not a number" in result.stderr
    assert "Traceback" not in result.output
    result = runner.invoke(app, ["lexicon", "--wide", "--terms"])
    assert result.exit_code == 2


def test_national_panel_one_row_per_year() -> None:
    if not NATIONAL.is_dir():
        pytest.skip("../shared/corpus is absent (it is not part of the project); panel test skipped")
    files = sorted(str(p) for p in NATIONAL.glob("*.txt"))
    rows = _csv("--dict", "生态环保", "--wide", "--meta", r"(?P<year>\d{4})_", "--count", "substrings", *files)
    assert list(rows[0]) == ["file", "year", "生态环保"]
    years = [r["year"] for r in rows]
    assert len(years) == len(set(years)) == 53
    assert years == sorted(years) and years[0] == "1954" and years[-1] == "2022"
    # attention to the environment rises from the 1950s to the 2010s
    by_year = {int(r["year"]): float(r["生态环保"]) for r in rows}
    assert sum(by_year[y] for y in range(2013, 2023)) > 5 * sum(v for y, v in by_year.items() if y < 1980)
