"""Keyword ranking (freq, tfidf, textrank), IDF tables and token classes, with a stand-in segmenter."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from conftest import SpaceSegmenter

from reportcli.analysis._tokens import DocCounts, is_candidate, is_number, is_word
from reportcli.analysis.keywords import (
    KEYWORD_COLUMNS,
    Idf,
    KeywordsError,
    document_counts,
    keyword_rows,
    load_idf,
    text_counts,
    textrank_scores,
)
from reportcli.io import load_text

SEG = SpaceSegmenter()


@pytest.mark.parametrize("token", ["2024", "3.5%", "2024年", "20余次", "二十", "一九七四", "75周年", "8次",
                                   # a Chinese numeral with its measure, and what is left of a number cut
                                   # before its magnitude (3 万个, 四百四十七|万吨)
                                   "一九五三年", "两年", "四个", "二十余次", "几年", "十几个", "万吨", "万个", "亿元"])
def test_numbers(token: str) -> None:
    assert is_number(token) and not is_word(token)


@pytest.mark.parametrize("token", ["十四五", "5G", "人大", "高质量发展", "A股", "百年", "千年", "十分", "几乎", "两会",
                                   "万众一心", "一年来"])
def test_not_numbers(token: str) -> None:
    assert not is_number(token) and is_word(token)


def test_candidates_exclude_numbers_punctuation_single_characters() -> None:
    assert not is_candidate("，")
    assert not is_candidate("2024年")
    assert not is_candidate("市")
    assert is_candidate("市", min_len=1)
    assert is_candidate("2024年", numbers=True)
    assert not is_candidate("工作", stopwords=frozenset({"工作"}))


def _summary(text: str, **kw: object) -> DocCounts:
    return text_counts([(0, text)], SEG, name="t", **kw)  # type: ignore[arg-type]


def test_freq_counts_per_10k_and_columns() -> None:
    s = _summary("监督 监督 立法 ， 2024年 人 监督 立法 代表")
    assert s.total == 7  # word tokens: not the comma nor the number, but the single character 人
    rows = list(keyword_rows([s], method="freq", generic=False))
    assert [r["word"] for r in rows] == ["监督", "立法", "代表"]
    assert all(list(r) == ["file", *KEYWORD_COLUMNS] for r in rows)
    top = rows[0]
    assert (top["rank"], top["count"], top["score"], top["doc_freq"], top["pos"]) == (1, 3, 3, 1, "n")
    assert top["per_10k"] == round(3 * 10_000 / 7, 2)


def test_doc_freq_per_file_and_combined() -> None:
    a = _summary("监督 监督 立法")
    a.name = "a.txt"
    b = _summary("监督 经济 经济")
    b.name = "b.txt"
    rows = list(keyword_rows([a, b], generic=False))
    assert {(r["file"], r["word"], r["doc_freq"]) for r in rows} == {
        ("a.txt", "监督", 2),
        ("a.txt", "立法", 1),
        ("b.txt", "经济", 1),
        ("b.txt", "监督", 2),
    }
    combined = list(keyword_rows([a, b], combined=True, generic=False))
    assert [(r["word"], r["count"]) for r in combined] == [("监督", 3), ("经济", 2), ("立法", 1)]
    assert {r["file"] for r in combined} == {"(combined)"}


def test_top_and_pos_filter() -> None:
    s = text_counts([(0, "甲乙 丙丁 甲乙")], SEG, pos=["v"])
    assert s.counts == Counter()
    s = _summary("甲乙 丙丁 甲乙 戊己")
    assert [r["word"] for r in keyword_rows([s], top=1, generic=False)] == ["甲乙"]


def test_tfidf_prefers_rare_words() -> None:
    s = _summary("发展 发展 发展 立法 立法")
    idf = Idf({"发展": 1.0, "立法": 4.0}, default=5.0)
    rows = list(keyword_rows([s], method="tfidf", idf=idf, generic=False))
    assert [r["word"] for r in rows] == ["立法", "发展"]
    assert rows[0]["score"] == pytest.approx(2 / 5 * 4.0)


def test_textrank_hub_ranks_first() -> None:
    edges = Counter({("中心", "甲"): 1, ("中心", "乙"): 1, ("中心", "丙"): 1, ("中心", "丁"): 1})
    scores = textrank_scores(edges)
    assert max(scores, key=scores.__getitem__) == "中心"
    assert scores["中心"] == 1.0
    assert scores["甲"] == pytest.approx(scores["丁"])


def test_textrank_window_and_sentence_break() -> None:
    s = _summary("甲乙 丙丁 。 戊己", textrank=True, window=5)
    assert s.edges is not None
    assert s.edges[("丙丁", "甲乙")] == 1
    assert ("戊己", "甲乙") not in s.edges and ("丙丁", "戊己") not in s.edges
    rows = list(keyword_rows([s], method="textrank", generic=False))
    assert {r["word"] for r in rows} == {"甲乙", "丙丁", "戊己"}


def test_by_section_uses_top_level_titles() -> None:
    doc = load_text("前言 文字\n一、监督工作\n监督 监督\n（一）小节\n立法\n二、代表工作\n代表 代表 代表\n")
    s = document_counts(doc, SEG, stopwords=frozenset(), by_section=True)
    rows = list(keyword_rows([s], by_section=True, generic=False))
    titles = {r["section"] for r in rows}
    assert {"监督工作", "代表工作"} <= titles
    by = {(r["section"], r["word"]): r["count"] for r in rows}
    assert by[("监督工作", "监督")] == 2 and by[("监督工作", "立法")] == 1 and by[("代表工作", "代表")] == 3
    assert list(rows[0])[:2] == ["file", "section"]


def test_idf_file_any_encoding_and_default(tmp_path: Path) -> None:
    path = tmp_path / "idf.txt"
    path.write_bytes("监督\t3.5\n立法\t7.25\n<default>\t9\n".encode("gb18030"))
    idf = load_idf(path)
    assert idf["监督"] == 3.5 and idf["立法"] == 7.25 and idf["没见过"] == 9.0
    jieba_style = tmp_path / "jieba.txt"
    jieba_style.write_text("甲 1.0\n乙 2.0\n丙 3.0\n", encoding="utf-8")
    assert load_idf(jieba_style)["丁"] == 2.0  # median, as jieba does


@pytest.mark.parametrize(
    "content, cause",
    [("监督\t很多\n", "not a number"), ("只有一列\n", "word<TAB>idf"), ("# nothing\n", "no 'word<TAB>idf'")],
)
def test_bad_idf_files(tmp_path: Path, content: str, cause: str) -> None:
    path = tmp_path / "bad.tsv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(KeywordsError) as info:
        load_idf(path)
    message = str(info.value)
    assert str(path) in message and cause in message and "\n" not in message


def test_missing_idf_file(tmp_path: Path) -> None:
    with pytest.raises(KeywordsError, match="not found"):
        load_idf(tmp_path / "nope.tsv")


def test_shipped_idf_loads() -> None:
    idf = load_idf()
    assert len(idf.values) > 1000
    assert idf["发展"] < idf["人大"] <= idf.default + 1e-9


def test_summaries_pickle() -> None:
    import pickle

    s = _summary("监督 立法", textrank=True)
    assert pickle.loads(pickle.dumps(s)) == s


def test_unknown_method() -> None:
    with pytest.raises(KeywordsError, match="unknown method"):
        list(keyword_rows([], method="lda"))
