"""Numbered terms: slogans and names found, enumerators, dates and years never taken for terms."""

from __future__ import annotations

import pytest

from reportcli.facts.terms import numbered_terms


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("推动“一府一委两院”协同发力", [("一府一委两院", "slogan")]),
        ("一府一委两院", [("一府一委两院", "slogan")]),
        ("努力推动“一县一品牌、一镇一特色”", [("一县一品牌", "slogan"), ("一镇一特色", "slogan")]),
        ("认真贯彻党的二十大和二十届三中全会精神", [("党的二十大", "session"), ("二十届三中全会", "session")]),
        ("编制“十五五”规划", [("十五五", "plan")]),
        ("深化新时代“千万工程”", [("千万工程", "campaign")]),
        ("全面落实省委“132”总体工作部署", [("132", "slogan")]),
        ("融入长三角一体化发展", [("长三角", "place")]),
        ("制定第十五个五年规划", [("第十五个五年规划", "plan")]),
    ],
)
def test_terms(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(t.term, t.category) for t in numbered_terms(text)] == expected


@pytest.mark.parametrize(
    "text",
    ["二是一以贯之深入践行", "在一九七三年八月召开", "一九七五年一月四日", "三是坚持问题导向", "举办第十五届运动会",
     "加快建设全国统一大市场", "发放一次性补贴"],
)  # fmt: skip
def test_never_terms(text: str) -> None:
    assert [t.term for t in numbered_terms(text) if t.category != "other"] == []


def test_no_numbered_term_from_numbers_classifiers_or_phrases() -> None:
    from reportcli.facts.terms import numbered_terms

    text = ("年递增百分之五点四的经济增长速度，是一个十分复杂的问题，东西方两大集团之间的关系，"
            "十三届四中、五中、六中全会以来，一大二公的优点。")
    assert [(t.term, t.category) for t in numbered_terms(text)] == [
        ("十三届四中、五中、六中全会", "session"), ("一大二公", "slogan")]
