"""Flattened statistical tables: units from a unit column or from the header row."""
from __future__ import annotations

from reportcli.facts.tabular import parse_header, table_row


def _rows(lines: list[str]) -> list[tuple[str, object, str, str, str]]:
    header = None
    out = []
    for line in lines:
        h = parse_header(line.split("\t"))
        if h is not None:
            header = h
            continue
        for q in table_row(line, header) or []:
            assert line[q.start:q.end] == q.text
            out.append((q.text, q.value, q.unit, q.kind, q.subject))
    return out


def test_unit_column_and_percent_header() -> None:
    rows = _rows(["产品名称\t计量单位\t产量\t较上年± %", "饮料酒\t千升\t15767\t18.64", "供电量\t万度\t50616\t-8.83"])
    assert ("15767", 15767, "千升", "measure", "饮料酒") in rows
    assert ("18.64", 18.64, "%", "change", "饮料酒") in rows
    assert ("50616", 506160000, "度", "measure", "供电量") in rows
    assert ("-8.83", -8.83, "%", "change", "供电量") in rows


def test_unit_in_header_parentheses() -> None:
    rows = _rows(["指标\t绝对数（亿元）\t比上年增长%", "地区生产总值\t3102.5\t5.2"])
    assert ("3102.5", 310250000000, "元", "money", "地区生产总值") in rows
    assert ("5.2", 5.2, "%", "change", "地区生产总值") in rows


def test_no_unit_known() -> None:
    assert _rows(["地区生产总值\t3102.5"]) == [("3102.5", 3102.5, "", "measure", "地区生产总值")]
    assert _rows(["年份\t2022"]) == []
    assert table_row("没有制表符的句子12个。", None) is None
