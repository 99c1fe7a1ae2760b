"""Cases from the fifth QA round: indefinite numerals, 一天/一日 in set phrases, 、 lists of numbers with 左右/以上,
subjects cut by a second number, a copula, a quoted comparison base (synthetic sentences written for the patterns,
not copied from a report)."""
from __future__ import annotations

import pytest

from reportcli.facts.quantities import Quantity, quantities


def _one(sentence: str, text: str) -> Quantity:
    found = [q for q in quantities(sentence) if q.text == text]
    assert len(found) == 1, [(q.text, q.kind, q.subject) for q in quantities(sentence)]
    return found[0]


def _texts(sentence: str) -> list[str]:
    return [q.text for q in quantities(sentence)]


# -- 1. an indefinite numeral has no value: no row --------------------------------------------------------------
@pytest.mark.parametrize("sentence", [
    "实现这个目标至少还需要几十年时间。",
    "我国已同几十个国家建立了合作关系。",
    "国家领导人出访了数十个国家。",
    "好几十万人参加了义务劳动。",
    "全年多耗煤几十万吨。",
    "共查出各类违纪金额一百几十亿元。",
    "经济效益往往是研究经费的几十倍。",
    "有数百家企业参展，成千上万的群众参观，上百人获奖。",  # (a guard: already so)
])
def test_indefinite_numerals_give_no_row(sentence: str) -> None:
    assert _texts(sentence) == []


def test_a_noun_ending_in_shu_is_no_indefinite() -> None:
    # 人数 + 十万人: 数 ends a noun here, it does not make 数十 (a few tens; a guard for the new rule)
    q = _one("参观人数十万人次。", "十万人次")
    assert (q.value, q.kind) == (100000, "count")


# -- 1. 十几/二十几 read like 十多/二十多: more than the tens written, a lower bound -----------------------------------
@pytest.mark.parametrize(("sentence", "text", "value", "unit", "kind"), [
    ("这些自治地方包括三十几个民族。", "三十几个", 30, "个", "count"),
    ("十几年来，我们走出了一条新路。", "十几年", 10, "年", "duration"),
    ("全县共有一百一十几万人。", "一百一十几万人", 1100000, "人", "count"),
])
def test_tens_and_some_are_a_lower_bound(sentence: str, text: str, value: int, unit: str, kind: str) -> None:
    q = _one(sentence, text)
    assert (q.value, q.unit, q.kind, q.qualifier) == (value, unit, kind, "lower_bound")


def test_tens_and_some_match_tens_and_more() -> None:
    a, b = _one("建成十几个产业园。", "十几个"), _one("建成十多个产业园。", "十多个")
    assert (a.value, a.unit, a.kind, a.qualifier, a.subject) == (b.value, b.unit, b.kind, b.qualifier, b.subject)


# -- 1. 一天/一日 in a set phrase measures no time -------------------------------------------------------------------
@pytest.mark.parametrize("sentence", [
    "这个目标总有一天会实现。",
    "有朝一日我们一定能够做到。",
    "我们的生活一天天好起来。",
    "形势一天比一天好。",
    "各项事业正在一日千里地向前发展。",
    "只要问题一天不解决，我们就一天不放松。",
    "一件接着一件干、一天接着一天拼。",
])
def test_day_phrases_give_no_row(sentence: str) -> None:
    assert _texts(sentence) == []


@pytest.mark.parametrize(("sentence", "text"), [
    ("把审批事项在一天之内办完。", "一天"),
    ("距离截止日期还有一天。", "一天"),
    ("新厂房一天不到就完成了吊装。", "一天"),
])
def test_real_days_stay(sentence: str, text: str) -> None:
    # guards for the new rule: a day that is a length of time stays
    assert _one(sentence, text).kind == "duration"


# -- 2. the items of a 、 list after 左右/以上 continue the first item's kind, direction and subject --------------------
def test_list_after_approx_keeps_kind_direction_subject() -> None:
    qs = quantities("三次产业增加值分别增长3%左右、6%左右、5%以上。")
    assert [(q.text, q.kind, q.direction, q.subject) for q in qs] == [
        ("3%", "change", "up", "三次产业增加值"),
        ("6%", "change", "up", "三次产业增加值"),
        ("5%", "change", "up", "三次产业增加值"),
    ]
    assert [q.qualifier for q in qs] == ["approx", "approx", "lower_bound"]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("化学需氧量和氨氮排放量分别减少2%左右和3%左右。",
     [("change", "down", "化学需氧量"), ("change", "down", "氨氮排放量")]),
    ("高中毛入学率和学前教育毛入园率分别提升至95%左右、92%以上。",
     [("change", "to", "高中毛入学率"), ("change", "to", "学前教育毛入园率")]),
])
def test_respectively_after_approx(sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert [(q.kind, q.direction, q.subject) for q in quantities(sentence)] == expected


def test_approx_is_never_a_subject() -> None:
    for q in quantities("地区生产总值年均增长5%左右、迈上新台阶，其中一二三产增加值年均分别增长3.5%左右、6%左右、5%左右。"):
        assert q.subject not in ("左右", "上下"), q


# -- 3. a second number in the noun after a count ends what the first counts ------------------------------------
@pytest.mark.parametrize(("sentence", "text", "subject"), [
    ("8所高校25个学科入选名单。", "8所", "高校"),
    ("8所高校25个学科入选名单。", "25个", "学科"),  # (a guard: already so)
    ("12个县市新增城镇人口8.5万人。", "12个", "县市"),
    ("为3.2万名农民工追回工资4.1亿元。", "3.2万名", "农民工"),
    ("6个学科进入全球前1%。", "6个", "学科"),
    ("9种农产品产量居全国第1位。", "9种", "农产品产量"),
    ("审批事项从39个精简到21个。", "39个", "审批事项"),
    # stacked counts share the last noun (as 10方面45项监督清单 does)
    ("推出8个方面90项政策措施。", "8个", "政策措施"),
    # a number that qualifies the noun does not cut it (a guard for the new rule)
    ("新建200个社区健身路径或3人制篮球场。", "200个", "社区健身路径或3人制篮球场"),
    # a plan named by its length is what is counted
    ("再经过三个五年计划的努力实现目标。", "三个", "五年计划"),
])
def test_second_number_ends_the_counted_noun(sentence: str, text: str, subject: str) -> None:
    assert _one(sentence, text).subject == subject


# -- 3. other subject causes ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(("sentence", "text", "subject"), [
    # a verb before an amount or a programme names it, it does not end the subject
    ("专项债券投放金额320亿元。", "320亿元", "专项债券投放金额"),
    ("新入选国家支持计划青年人才52名。", "52名", "国家支持计划青年人才"),
    ("实施学校建设项目90个。", "90个", "学校建设项目"),
    # A为B的N倍 / A是B的N%: B is the base, A the subject
    ("监管企业利润总额为上年的1.8倍。", "1.8倍", "监管企业利润总额"),
    ("户籍人口是常住人口的80%。", "80%", "户籍人口"),
    ("粮食产量可以等于一九四九年的一点五倍。", "一点五倍", "粮食产量"),
    # a comparison base in quotes is no part of the subject, nor is the period named before it
    ("全市道路交通事故起数和死亡人数分别较“十三五”时期下降30.5%、20.4%。", "30.5%", "全市道路交通事故起数"),
    ("全市道路交通事故起数和死亡人数分别较“十三五”时期下降30.5%、20.4%。", "20.4%", "死亡人数"),
    ("高新技术企业数量比“十四五”末增长35%。", "35%", "高新技术企业数量"),
    ("“十五五”时期全省粮食产量年均增长2%。", "2%", "全省粮食产量"),
    # a modal (可以) or the coverb 以 is no part of the subject
    ("工业增长速度可以达到7%。", "7%", "工业增长速度"),
    ("农业总产值仍以百分之七点五的速度增长。", "百分之七点五", "速度"),  # (a guard: already so)
])
def test_subjects(sentence: str, text: str, subject: str) -> None:
    assert _one(sentence, text).subject == subject


@pytest.mark.parametrize(("sentence", "text", "subject"), [
    # a pronoun, or a pronoun with the coverb 以, names nothing measured (十倍 qualifies 热情)
    ("他们以十倍的热情投入工作。", "十倍", "热情"),
    ("他们两位在科学技术方面作出了贡献。", "两位", ""),
    # the second end of a range shares the first end's subject, here none (not 一般可以增产百分之十到)
    ("，如果办得好，一般可以增产百分之十到二十左右。", "二十", ""),
])
def test_no_pronoun_or_clause_as_subject(sentence: str, text: str, subject: str) -> None:
    assert _one(sentence, text).subject == subject


def test_a_fronted_object_loses_its_disposal_mark_but_a_word_keeps_its_first_character() -> None:
    from reportcli.facts.quantities import quantities

    assert [q.subject for q in quantities("把粮食产量稳定在1.3万亿斤以上。")] == ["粮食产量"]
    assert [q.subject for q in quantities("把脉问诊企业300家。")] == ["把脉问诊企业"]  # 把脉 is a word


def test_a_verb_before_a_programme_word_takes_it_as_object_unless_it_names_the_programme() -> None:
    from reportcli.facts.quantities import quantities

    assert [q.subject for q in quantities("向市政府集中移交项目建议16条。")] == ["项目建议"]
    assert [q.subject for q in quantities("入选国家培养计划科技领军人才409名。")] == ["国家培养计划科技领军人才"]
