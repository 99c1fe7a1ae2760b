"""Charts (reportcli.plot): each kind writes a valid PNG and SVG, Chinese labels are drawn with a
font that has them (no missing-glyph warnings) and stay text in SVG."""

from __future__ import annotations

import warnings
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from reportcli import plot
from reportcli.errors import UsageError

KEYWORD_ROWS = [
    {"file": "2024_report.txt", "rank": i + 1, "word": w, "count": c, "per_10k": c * 3.1, "score": c}
    for i, (w, c) in enumerate([("监督", 38), ("代表", 33), ("人大", 26), ("立法", 26), ("履职", 19)])
] + [
    {"file": "2025_report.txt", "rank": i + 1, "word": w, "count": c, "per_10k": c * 2.7, "score": c}
    for i, (w, c) in enumerate([("新质生产力", 12), ("高质量发展", 10), ("数字化", 4)])
]
COMPARE_ROWS = [
    {"word": "债务", "log_ratio": 4.05, "g2": 12.1, "side": "a"},
    {"word": "城镇", "log_ratio": 3.1, "g2": 9.0, "side": "a"},
    {"word": "疫情", "log_ratio": -4.86, "g2": 19.0, "side": "b"},
    {"word": "高质量发展", "log_ratio": -4.44, "g2": 14.3, "side": "b"},
]
LEXICON_ROWS = [
    {"file": f"{year}_national.txt", "year": str(year), "category": category, "per_10k": value}
    for year, eco, sci in [(1980, 3.0, 10.0), (2000, 30.5, 25.0), (2022, 84.2, 60.1)]
    for category, value in [("生态环保", eco), ("科技创新", sci)]
]
REGION_ROWS = [
    {"file": f"{year}_{region}.txt", "year": year, "region": region, "category": "生态环保", "per_10k": v}
    for year, region, v in [(2025, "北京", 61.0), (2026, "北京", 56.0), (2025, "甘肃", 72.3), (2026, "甘肃", 97.4)]
]
FACT_ROWS = [
    {"file": "seed.txt", "kind": kind, "section": section}
    for kind, section in [("count", "一、2024年主要工作"), ("count", "一、2024年主要工作 > （一）立法"),
                          ("percent", "二、2025年主要任务"), ("money", "")]
]  # fmt: skip

CHARTS: dict[str, tuple[Callable[..., None], list[dict[str, Any]], dict[str, Any], list[str]]] = {
    "keywords": (plot.plot_keywords, KEYWORD_ROWS, {}, ["监督", "新质生产力", "2024_report.txt"]),
    "keywords_per10k": (plot.plot_keywords, KEYWORD_ROWS, {"measure": "per_10k"}, ["per 10,000 words"]),
    "compare": (plot.plot_compare, COMPARE_ROWS, {"label_a": "2012年", "label_b": "2022年"},
                ["债务", "疫情", "more in A: 2012年", "log ratio"]),
    "compare_g2": (plot.plot_compare, COMPARE_ROWS, {"measure": "g2"}, ["高质量发展", "G²"]),
    "lexicon_lines": (plot.plot_lexicon, LEXICON_ROWS, {"meta_columns": ["year"]},
                      ["生态环保、科技创新 per 10,000 words (tokens rule)", "year", "科技创新"]),
    "lexicon_regions": (plot.plot_lexicon, REGION_ROWS, {"meta_columns": ["year", "region"], "per": "chars"},
                        ["生态环保 per 10,000 Han characters (tokens rule), by region", "北京", "甘肃"]),
    "lexicon_bars": (plot.plot_lexicon, LEXICON_ROWS, {"count": "substrings"},
                     ["substrings rule", "1980_national.txt", "生态环保"]),
    "lexicon_one_file": (plot.plot_lexicon, LEXICON_ROWS[:2], {}, ["科技创新", "1980_national.txt"]),
    "facts_kind": (plot.plot_facts, FACT_ROWS, {}, ["Numeric facts by kind", "percent"]),
    "facts_section": (plot.plot_facts, FACT_ROWS, {"by": "section"}, ["一、2024年主要工作", "二、2025年主要任务"]),
}  # fmt: skip


def svg_text(path: Path) -> str:
    """All the text of an SVG file (it must parse as XML)."""
    root = ET.parse(path).getroot()
    assert root.tag.endswith("svg")
    return "\n".join("".join(node.itertext()) for node in root.iter() if node.tag.endswith("text"))


def draw(func: Callable[..., None], rows: list[dict[str, Any]], path: Path, options: dict[str, Any]) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        func(rows, str(path), **options)
    missing = [str(w.message) for w in caught if "missing from" in str(w.message) or "Glyph" in str(w.message)]
    assert not missing, missing


@pytest.mark.parametrize("name", list(CHARTS))
def test_chart_writes_png_and_svg_with_chinese_text(name: str, tmp_path: Path) -> None:
    func, rows, options, labels = CHARTS[name]
    png, svg = tmp_path / f"{name}.png", tmp_path / f"{name}.svg"
    draw(func, rows, png, options)
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(data) > 5000
    draw(func, rows, svg, options)
    text = svg_text(svg)
    for label in labels:
        assert label in text, (label, text[:500])
    assert "DejaVuSans-" not in svg.read_text(encoding="utf-8")  # no glyph outlines: the labels are text


def test_font_is_packaged_and_registered() -> None:
    path = plot.cjk_font_file()
    assert path is not None and path.stat().st_size > 1_000_000, "the noto-cjk-sans-otc package is not installed"
    family = plot.cjk_font_family()
    # matplotlib 3.11+ picks the SC face of the collection; older ones (Python 3.10) its first, JP, face
    assert family == plot.CJK_FAMILY or family == "Noto Sans CJK JP"
    from matplotlib import font_manager

    found = font_manager.findfont(font_manager.FontProperties(family=family), fallback_to_default=False)
    assert Path(found).name == path.name


def test_svg_names_the_cjk_font(tmp_path: Path) -> None:
    draw(plot.plot_keywords, KEYWORD_ROWS, tmp_path / "k.svg", {})
    assert plot.cjk_font_family() in (tmp_path / "k.svg").read_text(encoding="utf-8")


def test_same_rows_same_svg(tmp_path: Path) -> None:
    draw(plot.plot_compare, COMPARE_ROWS, tmp_path / "a.svg", {})
    draw(plot.plot_compare, COMPARE_ROWS, tmp_path / "b.svg", {})
    assert (tmp_path / "a.svg").read_bytes() == (tmp_path / "b.svg").read_bytes()


@pytest.mark.parametrize("name", ["chart.txt", "chart", "chart.pdf", "chart.png.csv"])
def test_bad_extension_is_a_usage_error(name: str, tmp_path: Path) -> None:
    with pytest.raises(UsageError, match=r"\.png or \.svg"):
        plot.check_plot_path(str(tmp_path / name))


def test_missing_directory_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="does not exist"):
        plot.check_plot_path(str(tmp_path / "nowhere" / "chart.png"))
    assert plot.check_plot_path(str(tmp_path / "Chart.SVG")) == "svg"


def test_no_rows_is_an_error_not_an_empty_chart(tmp_path: Path) -> None:
    from reportcli.errors import ReportError

    with pytest.raises(ReportError, match="nothing to plot"):
        plot.plot_keywords([], str(tmp_path / "k.png"))
    assert not (tmp_path / "k.png").exists()


def test_numeric_column_prefers_year() -> None:
    rows = [{"year": "2020", "n": "1"}, {"year": "2021", "n": "2"}]
    assert plot.numeric_column(rows, ["n", "year"]) == "year"
    assert plot.numeric_column([{"year": "二〇二〇"}, {"year": "2021"}], ["year"]) is None
    assert plot.numeric_column([{"year": "2020"}, {"year": "2020"}], ["year"]) is None


def test_wide_rows_become_long() -> None:
    wide = [{"file": "a.txt", "year": "2020", "生态环保": 3.5, "科技创新": 1.0}]
    long_rows = plot.lexicon_long(wide, ["生态环保", "科技创新"])
    assert long_rows == [
        {"file": "a.txt", "year": "2020", "category": "生态环保", "per_10k": 3.5},
        {"file": "a.txt", "year": "2020", "category": "科技创新", "per_10k": 1.0},
    ]


def test_group_label() -> None:
    assert plot.group_label(["dir/2012_report.txt"]) == "2012_report.txt"
    assert plot.group_label(["a/x.txt", "a/y.txt", "a/z.txt"]) == "x.txt and 2 more"


def test_a_long_word_is_cut_into_the_longest_pieces_that_fit() -> None:
    from reportcli.plot import _text_width, _wrap_words

    text = "environmental_protection_and_green_development" * 4  # (ASCII: the test runs outside a chart's CJK font)
    pieces = _wrap_words(text, 200.0, 12.0)
    assert "".join(pieces) == text and len(pieces) > 1
    assert all(_text_width(p, 12.0) <= 200.0 for p in pieces)
    ends = [sum(map(len, pieces[: i + 1])) for i in range(len(pieces) - 1)]
    assert all(_text_width(p + text[end], 12.0) > 200.0 for p, end in zip(pieces, ends))  # none could take more
