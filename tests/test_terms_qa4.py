"""QA round 4 of `reportcli terms`: numbers in Chinese characters are no slogans, meeting names of
人大/政协 (and 历次全会) come out whole, a bare N届 is no session, and formulas end where the words do."""

from __future__ import annotations

import pytest

from reportcli.facts.terms import numbered_terms


def _terms(text: str) -> list[tuple[str, str]]:
    return [(t.term, t.category) for t in numbered_terms(text)]


# 1. A Chinese-numeral quantity (more numerals, a magnitude, a unit or measure word after it) is a number.
@pytest.mark.parametrize(
    "text",
    [
        "原煤产量达到八千一百九十九万吨",  # 1981 report
        "粮食产量达到三亿七千万吨",
        "新增职工五万八千人",
        "拖拉机一万五千台",
        "造林四万八千亩",
        "发电量二千四百公里",
        "钢产量一千七百多万吨",
        "从十到二百不等",
        "按农业人口达到一人一亩旱涝保收、高产稳产的农田",
        "淮南谢家集二号三号立井、包头第三电厂",
        "李先念、薄一波两位副总理",
        "向家坝灌区一期一步工程建成通水",
    ],
)
def test_chinese_numeral_quantities_are_not_slogans(text: str) -> None:
    assert [t for t, c in _terms(text) if c == "slogan"] == []


def test_quoted_chinese_number_is_not_a_slogan() -> None:
    assert _terms("完成“八千一百”的指标") == []
    assert _terms("实施“十百千”工程") == [("十百千", "slogan")]  # no number: 十 before 百 is no numeral


# 2. Meeting names of 人大 and 政协, several sessions at once, 历次全会: whole, never the bare N届.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("十三届全国人大一次、二次会议以来", [("十三届全国人大一次、二次会议", "session")]),
        ("十三届全国人大第一次、第二次会议", [("十三届全国人大第一次、第二次会议", "session")]),
        ("十四届全国政协二次会议", [("十四届全国政协二次会议", "session")]),
        ("完成省十四届人大三次会议确定的目标任务", [("十四届人大三次会议", "session")]),
        ("十三届全国人大一次会议", [("十三届全国人大一次会议", "session")]),
        ("深入贯彻党的二十大和二十届历次全会精神", [("党的二十大", "session"), ("二十届历次全会", "session")]),
        ("按照省委十三届历次全会部署", [("十三届历次全会", "session")]),
        ("从三届人大以来", [("三届人大", "session")]),
        ("遵循五届人大和人大常委会的决定", [("五届人大", "session")]),
        ("根据党的第十三届七中全会精神", [("十三届七中全会", "session")]),
        ("在第十四届全国人民代表大会第二次会议上", [("十四届全国人民代表大会第二次会议", "session")]),
        ("按照省委十五届四次、五次、六次、七次全会部署", [("十五届四次、五次、六次、七次全会", "session")]),
    ],
)
def test_meeting_names_whole(text: str, expected: list[tuple[str, str]]) -> None:
    assert _terms(text) == expected


@pytest.mark.parametrize(
    "text",
    ["成功举办两届广交会", "国冬运会连续十四届保持金牌总数第一名", "办成一届富有新意的盛会", "五届累计意向成交金额",
     "会金牌数创近十届最好成绩", "成功举办三届进口博览会"],
)  # fmt: skip
def test_bare_jie_is_a_count(text: str) -> None:
    assert _terms(text) == []


# 3. Numbered formulas: they end where the words do, start outside words and numbers, and a repeated pair
# (一步一步) is an adverb.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("实施一区一策提升行动", [("一区一策", "slogan")]),
        ("推动一府一委两院协同发力", [("一府一委两院", "slogan")]),
        ("开展三支两军工作", [("三支两军", "slogan")]),
        ("五讲四美活动", [("五讲四美", "slogan")]),
        ("三反五反和镇压反革命", [("三反五反", "slogan")]),
        ("实现九市一区全覆盖", [("九市一区", "slogan")]),
        ("一心一意谋发展", [("一心一意", "other")]),
        ("一心一意为人民谋福祉", [("一心一意", "other")]),
        ("五湖四海引才", [("五湖四海", "other")]),
        ("举一反三抓好整改", [("举一反三", "other")]),
        ("打造一县一品牌建设工程", [("一县一品牌", "slogan")]),
        ("全省推行一企一策一专班服务", [("一企一策一专班", "slogan")]),
        ("祖国的完全统一就一定能够早日实现", []),
        ("南昌、赣江新区、九江三地联席会议", [("九江", "place")]),
        ("辽阳、天津、四川三大化纤厂", [("四川", "place"), ("三大化纤厂", "programme")]),
    ],
)
def test_formula_ends(text: str, expected: list[tuple[str, str]]) -> None:
    assert _terms(text) == expected


@pytest.mark.parametrize(
    "text",
    ["一步一步地前进", "一件一件解决", "一批一批地培养", "一代一代人持之以恒", "一项一项抓落实", "一家一家地走访",
     "一步一个脚印", "一茬一茬有序衔接"],
)  # fmt: skip
def test_repeated_pair_is_no_formula(text: str) -> None:
    assert [t for t, c in _terms(text) if c == "slogan"] == []


def test_quoted_five_year_plans() -> None:
    assert _terms("“十五”计划《纲要》") == [("十五", "plan")]
    assert _terms("长得较快的“一五”时期") == [("一五", "plan")]
    assert _terms("“五五”末期") == [("五五", "plan")]
    assert _terms("“五五购物节”") == [("五五购物节", "slogan")]


def test_seed_like_formulas_kept() -> None:
    text = ("持续推进“五创图强、四进争先”，一府一委两院协同，努力推动“一县一品牌、一镇一特色”，"
            "一老一小，三位一体，八八战略，一大二公的优点，一区两地一园一通道。")
    assert [t for t, _ in _terms(text)] == [
        "五创图强", "四进争先", "一府一委两院", "一县一品牌", "一镇一特色", "一老一小", "三位一体", "八八战略",
        "一大二公", "一区两地一园一通道"]
