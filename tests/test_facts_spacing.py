"""Typeset spaces around numbers (PDFs, some web pages) are read through; offsets stay the input's."""

from __future__ import annotations

from reportcli.facts.quantities import quantities
from reportcli.facts.spacing import squeeze


def test_spaced_numbers_read_as_written() -> None:
    text = "全市地区生产总值增长 5.2%、约 4.4 万亿元，突破 6000 亿元，2023 年"
    found = quantities(text)
    assert [(q.text, q.value, q.unit, q.kind) for q in found] == [
        ("5.2%", 5.2, "%", "change"),
        ("4.4 万亿元", 4_400_000_000_000, "元", "money"),
        ("6000 亿元", 600_000_000_000, "元", "money"),
        ("2023 年", 2023, "年", "year"),
    ]
    for q in found:
        assert text[q.start : q.end] == q.text
    assert found[0].direction == "up" and found[1].qualifier == "approx" and found[2].qualifier == "lower_bound"


def test_spaces_between_numbers_are_kept() -> None:
    assert squeeze("指标 2022 2021") is None or "2022 2021" in squeeze("指标 2022 2021")[0]  # type: ignore[index]
    assert squeeze("没有数字的句子。") is None


def test_traditional_characters_read_through() -> None:
    text = "過去一年，全市地區生產總值增長5.2%，達到8,000億元。"
    found = [q for q in quantities(text) if q.kind in ("change", "money")]
    assert [(q.text, q.value, q.kind, q.direction) for q in found] == [
        ("5.2%", 5.2, "change", "up"),
        ("8,000億元", 800_000_000_000, "money", "to"),
    ]
    assert found[0].subject == "全市地區生產總值"  # as written, in traditional characters
    for q in found:
        assert text[q.start : q.end] == q.text
