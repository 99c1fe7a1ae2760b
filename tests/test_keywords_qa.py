"""QA findings on keywords: measure words/units and statistical filler are not keywords."""

from __future__ import annotations

import csv
import io

import pytest
from conftest import SpaceSegmenter, need_corpus
from typer.testing import CliRunner

from reportcli.analysis._tokens import MEASURE_TAGS, is_candidate, is_measure
from reportcli.analysis.keywords import default_stopwords, keyword_rows, text_counts
from reportcli.cli.app import app

runner = CliRunner()

# Words that frame a figure or a ranking whatever it measures (the QA report's examples).
STATISTICAL_FILLER = ("新增", "累计", "年均", "同比", "入选", "前列", "年末", "单位", "来自")


SEG = SpaceSegmenter()
TEXT = "面积/n 12.5万/m 平方米/q 面积/n 3/m 公里/q 公里/q 公里/q 道路/n"


def test_measure_tag_is_like_a_number() -> None:
    assert is_measure("q") and "q" in MEASURE_TAGS
    assert not is_measure("n") and not is_measure("mq")  # mq also tags content words (零部件)
    assert not is_candidate("公里", tag="q")
    assert is_candidate("公里", tag="q", numbers=True)
    assert is_candidate("公里")  # no tag known: not a measure word


def test_measure_words_are_not_counted_as_keywords() -> None:
    s = text_counts([(0, TEXT)], SEG, name="t")
    assert set(s.counts) == {"面积", "道路"}
    assert s.total == 7  # units are words (in the per_10k denominator); the numbers are not
    assert [r["word"] for r in keyword_rows([s], generic=False)] == ["面积", "道路"]


def test_measure_words_when_asked() -> None:
    s = text_counts([(0, TEXT)], SEG, name="t", numbers=True)
    assert {"公里", "平方米", "12.5万"} <= set(s.counts)
    s = text_counts([(0, TEXT)], SEG, name="t", pos=["q"])
    assert set(s.counts) == {"公里", "平方米"}


def test_the_same_word_with_another_tag_still_counts() -> None:
    s = text_counts([(0, "系列/q 系列/n 系列/n")], SEG, name="t")
    assert s.counts["系列"] == 2 and s.pos["系列"] == "n"


def test_statistical_filler_is_in_the_shipped_lists() -> None:
    words = default_stopwords()
    assert set(STATISTICAL_FILLER) <= words
    # topic words stay: the filler list frames figures, it does not remove what they measure
    assert not {"数据", "经济", "投资", "人口", "产量", "落地", "人工智能"} & words


def _top(*args: str) -> list[dict[str, str]]:
    result = runner.invoke(app, ["keywords", *args, "-f", "csv"])
    assert result.exit_code == 0, result.output
    return list(csv.DictReader(io.StringIO(result.stdout)))


@pytest.mark.parametrize(
    "pattern",
    ["*/2022_yichun-city-jiangxi_stats-bulletin.txt", "*/2022_shanghai_gov-work-report.txt",
     "*/2026_zhejiang_gov-work-report.txt"],
)  # fmt: skip
def test_corpus_top_lists_have_no_units_or_statistical_filler(pattern: str) -> None:
    files = sorted(need_corpus().glob(pattern))
    if not files:
        pytest.skip(f"{pattern} is not in the corpus")
    rows = _top(str(files[0]), "--top", "30")
    assert len(rows) == 30
    assert not [r["word"] for r in rows if is_measure(r["pos"])]
    assert not {r["word"] for r in rows} & set(STATISTICAL_FILLER)
