"""`--plot FILE` on keywords, compare, lexicon and facts through Typer's CliRunner; the inline bar
column of tables; matplotlib stays out of the CLI's start."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reportcli.cli.app import app

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "reportcli" / "data" / "seed_report.txt"
NATIONAL = ROOT.parent / "shared" / "corpus" / "chengjun-mybook_national_1954-2022"


def svg_text(path: Path) -> str:
    root = ET.parse(path).getroot()
    return "\n".join("".join(node.itertext()) for node in root.iter() if node.tag.endswith("text"))


def run(*args: str) -> str:
    result = runner.invoke(app, [*args, "-f", "csv"])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_keywords_plot_png_and_the_table_is_unchanged(tmp_path: Path) -> None:
    chart = tmp_path / "k.png"
    with_plot = run("keywords", "-n", "8", "--plot", str(chart))
    assert with_plot == run("keywords", "-n", "8")
    assert chart.read_bytes()[:4] == b"\x89PNG"


def test_keywords_plot_svg_has_the_words(tmp_path: Path) -> None:
    chart = tmp_path / "k.svg"
    rows = list(csv.DictReader(io.StringIO(run("keywords", "-n", "8", "--plot", str(chart)))))
    text = svg_text(chart)
    for row in rows:
        assert row["word"] in text
    assert "count (occurrences)" in text and "seed_report.txt" in text


def test_compare_plot_svg(tmp_path: Path) -> None:
    half = tmp_path / "half.txt"
    lines = SEED.read_text(encoding="utf-8").splitlines()
    half.write_text("\n".join(lines[: len(lines) // 2]), encoding="utf-8")
    chart = tmp_path / "c.svg"
    rows = list(csv.DictReader(io.StringIO(run("compare", str(SEED), str(half), "--min-count", "2",
                                               "--plot", str(chart)))))  # fmt: skip
    text = svg_text(chart)
    assert "more in A: seed_report.txt" in text and "more in B: half.txt" in text
    assert rows and all(row["word"] in text for row in rows)


def test_lexicon_plot_svg_has_categories_and_counting_rule(tmp_path: Path) -> None:
    chart = tmp_path / "l.svg"
    run("lexicon", "--dict", "生态环保", "--dict", "科技创新", "--count", "substrings", "--plot", str(chart))
    text = svg_text(chart)
    assert "生态环保、科技创新 per 10,000 words (substrings rule)" in text
    assert "科技创新" in text


def test_lexicon_wide_and_terms_plot(tmp_path: Path) -> None:
    run("lexicon", "--wide", "--plot", str(tmp_path / "w.svg"))
    assert "乡村振兴" in svg_text(tmp_path / "w.svg")
    run("lexicon", "--terms", "--plot", str(tmp_path / "t.svg"))
    assert "hits (tokens rule)" in svg_text(tmp_path / "t.svg")


def test_facts_plot_by_kind_and_by_section(tmp_path: Path) -> None:
    run("facts", "--plot", str(tmp_path / "f.svg"))
    assert "Numeric facts by kind" in svg_text(tmp_path / "f.svg")
    run("facts", "--kind", "count", "--plot", str(tmp_path / "s.png"))
    assert (tmp_path / "s.png").read_bytes()[:4] == b"\x89PNG"


@pytest.mark.parametrize("command", [["keywords"], ["facts"], ["lexicon"], ["compare", str(SEED), str(SEED)]])
def test_bad_plot_extension_is_a_usage_error(command: list[str], tmp_path: Path) -> None:
    result = runner.invoke(app, [*command, "--plot", str(tmp_path / "out.txt")])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and ".png or .svg" in result.stderr
    assert not (tmp_path / "out.txt").exists()


def test_lexicon_list_with_plot_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["lexicon", "--list", "--plot", str(tmp_path / "x.png")])
    assert result.exit_code == 2


def test_tables_show_an_inline_bar_column() -> None:
    result = runner.invoke(app, ["keywords", "-n", "3", "-f", "table"])
    assert result.exit_code == 0 and "bar" in result.stdout and "█" * 12 in result.stdout
    result = runner.invoke(app, ["lexicon", "-f", "table"])
    assert result.exit_code == 0 and "█" in result.stdout
    assert "█" not in run("lexicon")  # CSV has no bar column


def test_cli_start_does_not_import_matplotlib() -> None:
    code = "import sys, reportcli.cli.app; print('matplotlib' in sys.modules, 'reportcli.plot' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


def test_national_attention_line_chart(tmp_path: Path) -> None:
    if not NATIONAL.is_dir():
        pytest.skip("../shared/corpus is absent (it is not part of the project); corpus chart test skipped")
    files = sorted(str(p) for p in NATIONAL.glob("*.txt") if p.name[:4] in ("1978", "1998", "2008", "2018", "2022"))
    chart = tmp_path / "attention.svg"
    run("lexicon", "--dict", "生态环保", "--meta", r"(?P<year>\d{4})_", "-j", "1", "--plot", str(chart), *files)
    text = svg_text(chart)
    assert "生态环保 per 10,000 words (tokens rule)" in text and "year" in text
    assert "2000" in text and "2020" in text  # the x axis is the year, with whole-number ticks
    assert "2000.0" not in text
