"""Keyword in context (reportcli kwic) on the seed and on small texts."""

from __future__ import annotations

import pytest

from reportcli.analysis._tokens import KeywordsError
from reportcli.analysis.kwic import KWIC_COLUMNS, kwic_rows
from reportcli.io import load, load_text, seed_path


class _FixedSegmenter:
    """Cuts a text at given words (the test decides the token boundaries)."""

    def __init__(self, words: list[str]) -> None:
        self.words = sorted(words, key=len, reverse=True)

    def tokenize(self, text: str) -> list[tuple[str, int, int]]:
        out, i = [], 0
        while i < len(text):
            word = next((w for w in self.words if text.startswith(w, i)), text[i])
            out.append((word, i, i + len(word)))
            i += len(word)
        return out


def test_every_occurrence_of_gaozhiliang_fazhan_in_the_seed() -> None:
    raw_lines = seed_path().read_text(encoding="utf-8").split("\n")
    expected = [n for n, text in enumerate(raw_lines, 1) for _ in range(text.count("高质量发展"))]
    assert expected, "the seed mentions 高质量发展"
    rows = list(kwic_rows(load(), "高质量发展"))
    assert [r["line"] for r in rows] == expected
    for row in rows:
        assert list(row) == KWIC_COLUMNS
        assert row["match"] == "高质量发展"
        line_text = raw_lines[row["line"] - 1]
        assert row["left"] + row["match"] + row["right"] in line_text
        assert len(row["left"]) <= 20 and len(row["right"]) <= 20


def test_a_term_the_segmenter_splits_still_matches() -> None:
    doc = load_text("一、民主\n发展全过程人民民主，保障人民当家作主。\n")
    rows = list(kwic_rows(doc, "全过程人民民主", width=4))
    assert [(r["line"], r["left"], r["match"], r["right"]) for r in rows] == [(2, "发展", "全过程人民民主", "，保障人")]
    assert rows[0]["section"].startswith("一、")


def test_whole_token_keeps_only_matches_on_token_boundaries() -> None:
    doc = load_text("推进高质量发展。质量发展很重要。\n")
    seg = _FixedSegmenter(["推进", "高质量发展", "质量", "发展", "很", "重要"])
    all_rows = list(kwic_rows(doc, "质量发展", width=3))
    whole = list(kwic_rows(doc, "质量发展", width=3, whole_token=True, segmenter=seg))
    assert len(all_rows) == 2
    assert [(r["left"], r["match"]) for r in whole] == [("发展。", "质量发展")]


def test_regex_and_width() -> None:
    doc = load_text("常委会会议8次、主任会议22次。\n")
    rows = list(kwic_rows(doc, r"\d+次", regex=True, width=2))
    assert [(r["left"], r["match"], r["right"]) for r in rows] == [
        ("会议", "8次", "、主"),
        ("会议", "22次", "。"),
    ]
    assert next(iter(kwic_rows(doc, "8次", regex=False, width=0)))["left"] == ""


@pytest.mark.parametrize("pattern, regex", [("", False), ("(", True), ("a*", True)])
def test_bad_patterns_are_one_line_errors(pattern: str, regex: bool) -> None:
    with pytest.raises(KeywordsError) as info:
        list(kwic_rows(load_text("文本\n"), pattern, regex=regex))
    assert "\n" not in str(info.value)


def test_web_cruft_lines_are_not_searched() -> None:
    rows = list(kwic_rows(load(), "无障碍阅读"))
    assert rows == []
