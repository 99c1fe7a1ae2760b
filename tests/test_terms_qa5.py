"""A programme (N大 + a name) ends at its head noun, not at the next punctuation."""

from __future__ import annotations

import pytest

from reportcli.facts.terms import numbered_terms


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("三大科创引领高地建设成效显著。", "三大科创引领高地"),
        ("十大数据中心集群中增速最快。", "十大数据中心集群"),
        ("三大社会主义改造能够同时基本上完成。", "三大社会主义改造"),
        ("三大革命运动一齐抓起来，", "三大革命运动"),
        ("三大攻坚战取得关键进展。", "三大攻坚战"),
        ("十大倡议而斗争。", "十大倡议"),
        ("两大乳企推进全球化战略。", "两大乳企"),
        ("十大乡村特色产业全产业链发展。", "十大乡村特色产业全产业链"),
        # names without a head stay as they are when short; names with one are whole
        ("实施六大行动。", "六大行动"),
        ("五大创新突破性举措，", "五大创新突破性举措"),
    ],
)
def test_programme_ends_at_its_head(text: str, term: str) -> None:
    assert [t.term for t in numbered_terms(text) if t.category == "programme"] == [term]


@pytest.mark.parametrize("text", ["两大集团之间的关系。", "三大盆地油气勘探开发力度持续加大。",
                                  "四大千万千瓦级清洁能源基地建设。"])
def test_a_long_clause_without_a_head_is_no_programme(text: str) -> None:
    assert [t.term for t in numbered_terms(text) if t.category == "programme"] == []
