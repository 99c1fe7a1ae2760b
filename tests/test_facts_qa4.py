"""Cases from the fourth QA round: 分别 lists, empty or run-on subjects, saving verbs, verbs with counted objects
(synthetic sentences written for the patterns, not copied from a report)."""
from __future__ import annotations

import pytest

from reportcli.facts.quantities import Quantity, quantities


def _one(sentence: str, text: str) -> Quantity:
    found = [q for q in quantities(sentence) if q.text == text]
    assert len(found) == 1, [(q.text, q.kind, q.subject) for q in quantities(sentence)]
    return found[0]


def _subjects(sentence: str) -> list[str]:
    return [q.subject for q in quantities(sentence)]


# -- 1. 分别 lists: the i-th item is the i-th subject ---------------------------------------------------------
@pytest.mark.parametrize(("sentence", "subjects"), [
    # 和/及/与 inside a word (普及率, 参与率) never splits an item
    ("乡村道路硬化率、自来水普及率分别达99.5%、93.1%。", ["乡村道路硬化率", "自来水普及率"]),
    ("企业参与率、群众满意率分别为86%、95%。", ["企业参与率", "群众满意率"]),
    # names with 和 inside are items of a 、 list
    ("批发和零售业、住宿和餐饮业增加值分别增长5.1%、6.3%。", ["批发和零售业", "住宿和餐饮业增加值"]),
    # two statistics joined by 和 only
    ("交通事故起数和死亡人数分别下降6.2%、4.8%。", ["交通事故起数", "死亡人数"]),
    ("接待游客人数和旅游总花费分别增长8.5%和11.2%。", ["游客人数", "旅游总花费"]),
    # the last of three items after 和
    ("工业、农业和服务业用电量分别增长3%、2%和6%。", ["工业", "农业", "服务业用电量"]),
    # 城镇和农村居民人均可支配收入: the first item names no statistic of its own, the phrase stays whole
    ("城镇和农村居民人均可支配收入分别增长4.3%和7.1%。",
     ["城镇和农村居民人均可支配收入", "城镇和农村居民人均可支配收入"]),
])
def test_respectively_lists(sentence: str, subjects: list[str]) -> None:
    assert _subjects(sentence) == subjects


# -- 1. subjects that were empty or ran on ------------------------------------------------------------------
@pytest.mark.parametrize(("sentence", "text", "subject"), [
    # a second predicate after 、: it shares the subject of the part before (which has no number)
    ("全省文旅消费总额实现翻番、达到860亿元。", "860亿元", "全省文旅消费总额"),
    ("，农村道路里程大幅增长、达到3.2万公里。", "3.2万公里", "农村道路里程"),
    # numbers inside a quoted name or a ranking list are part of the name
    ("引进“世界500强”企业项目46个。", "46个", "“世界500强”企业项目"),
    ("“2+6+N”产业平台落地项目85个。", "85个", "“2+6+N”产业平台落地项目"),
    ("全市世界500强企业达到21家。", "21家", "全市世界500强企业"),
    # 取得/突破 end the subject like other verbs
    ("“双一流”建设工程取得标志性成果48项。", "48项", "标志性成果"),
    ("科技攻关专项突破关键核心技术31项。", "31项", "关键核心技术"),
    # a verb inside a noun of the lexicon is no verb (转移支付, 研发投入强度)
    ("累计争取中央转移支付超过800亿元。", "800亿元", "中央转移支付"),
    ("全社会研发投入强度提高到2.8%。", "2.8%", "全社会研发投入强度"),
    ("全社会研发投入年均增长11.6%。", "11.6%", "全社会研发投入"),
    # ... nor one before the standard or intensity it describes
    ("城乡居民医保财政补助标准提高到每人每年700元。", "700元", "城乡居民医保财政补助标准"),
    # a change after a nominal verb: the verb is part of the statistic that changes
    ("今年市级财政科技投入再翻一番。", "翻一番", "市级财政科技投入"),
    ("城乡居民医保财政补助由每人每年420元提高到450元。", "420元", "城乡居民医保财政补助"),
    # a verb listed with nouns (减税降费及退税) is part of the subject
    ("全年为企业减税降费及退税超过900亿元。", "900亿元", "为企业减税降费及退税"),
    # modal words, adverbs and rates around a subject are not part of it
    ("力争高新技术企业数量突破1.5万家。", "1.5万家", "高新技术企业数量"),
    ("预计全年粮食产量达到1500万吨。", "1500万吨", "粮食产量"),
    ("确保粮食播种面积稳定在1500万亩以上。", "1500万亩", "粮食播种面积"),
    ("城乡居民基础养老金最低标准再提高20元。", "20元", "城乡居民基础养老金最低标准"),
    ("二氧化硫排放量要减少3%。", "3%", "二氧化硫排放量"),
    ("一般工商业电价平均降低10%。", "10%", "一般工商业电价"),
    ("低保标准每人每月提高30元。", "30元", "低保标准"),
    ("财政支出规模比去年扩大1.5万亿元。", "1.5万亿元", "财政支出规模"),
    ("今年要把居民消费价格涨幅控制在3%左右。", "3%", "居民消费价格涨幅"),
    ("将小微企业贷款贴息比例从50%提高到80%。", "50%", "小微企业贷款贴息比例"),
    ("地方财政收入在大规模减税降费的情况下下降1.2%。", "1.2%", "地方财政收入"),
    ("粮食总产量在上年大幅度增长的基础上，又增产320万吨。", "320万吨", "粮食总产量"),
    ("全市出口在主要市场需求下降超2成的情况下增长9%。", "9%", "全市出口"),
    ("地方一般公共预算收入增长1.7%，同口径增长2.5%。", "2.5%", "地方一般公共预算收入"),
    ("政府性融资平台压降85户、削减40%。", "85户", "政府性融资平台"),
    # a scope (全国) is no subject: the clause before names it
    ("农民的纯收入，全国平均每人达到三百五十五元。", "三百五十五元", "农民的纯收入"),
])
def test_subjects(sentence: str, text: str, subject: str) -> None:
    assert _one(sentence, text).subject == subject


def test_level_after_rate_phrase_is_reached() -> None:
    q = _one("城乡居民医保财政补助标准增加到人均280元。", "280元")
    assert (q.kind, q.direction, q.subject) == ("money", "to", "城乡居民医保财政补助标准")
    # 每10万人 is a denominator, not a rate between a verb and its number
    assert _one("配置AED达每10万人45台。", "10万人").direction == ""


# -- 2. saving an amount is an amount, not a change ---------------------------------------------------------
@pytest.mark.parametrize(("sentence", "text", "kind"), [
    ("这一项措施每年可以为国家节约四千五百亿元。", "四千五百亿元", "money"),
    ("通过集中采购节省1200万元。", "1200万元", "money"),
    ("全年累计节约32万吨标准煤。", "32万吨标准煤", "measure"),
    ("审计促进增收节支19.9亿元。", "19.9亿元", "money"),
])
def test_saving_an_amount_is_no_change(sentence: str, text: str, kind: str) -> None:
    q = _one(sentence, text)
    assert (q.kind, q.direction) == (kind, "")


@pytest.mark.parametrize(("sentence", "text", "kind", "direction"), [
    # a cost saved by a share is a cost cut: still a change
    ("一般性支出比上年节约10%。", "10%", "change", "down"),
    # real changes keep their direction
    ("单位能耗下降200万吨标准煤。", "200万吨标准煤", "change", "down"),
    ("行政审批事项减少120项。", "120项", "change", "down"),
    ("财政赤字比上年减少12亿元。", "12亿元", "change", "down"),
])
def test_real_changes_stay(sentence: str, text: str, kind: str, direction: str) -> None:
    q = _one(sentence, text)
    assert (q.kind, q.direction) == (kind, direction)


# -- 3. 提升/提高/加快 + a count + its noun: the objects counted, no change ---------------------------------
@pytest.mark.parametrize(("sentence", "text", "kind", "subject"), [
    ("改造提升120所乡镇学校、80家卫生院。", "120所", "count", "乡镇学校"),
    ("改造提升120所乡镇学校、80家卫生院。", "80家", "count", "卫生院"),
    ("加快36个在建项目建设。", "36个", "count", "在建项目建设"),
    ("新建提升450公里农村公路。", "450公里", "measure", ""),
    ("实施营商环境提升三年行动。", "三年", "duration", ""),
])
def test_counted_objects_are_no_change(sentence: str, text: str, kind: str, subject: str) -> None:
    q = _one(sentence, text)
    assert (q.kind, q.direction) == (kind, "")
    if subject:
        assert q.subject == subject


@pytest.mark.parametrize(("sentence", "text"), [
    ("区域创新能力排名提升6位。", "6位"),
    ("人均预期寿命提高1岁。", "1岁"),
    ("服务等级提升2个等级。", "2个"),
    ("养老床位增加1000张。", "1000张"),
])
def test_changes_of_a_quantity_stay(sentence: str, text: str) -> None:
    assert _one(sentence, text).direction == "up"


# -- 3. 不低于/不少于 are lower bounds ----------------------------------------------------------------------
@pytest.mark.parametrize(("sentence", "text", "qualifier", "subject"), [
    ("森林覆盖率不低于45%。", "45%", "lower_bound", "森林覆盖率"),
    ("城镇新增就业不少于26万人。", "26万人", "lower_bound", "城镇新增就业"),
    ("细颗粒物年平均浓度不高于30微克/立方米。", "30微克/立方米", "upper_bound", "细颗粒物年平均浓度"),
    ("赤字率低于3%。", "3%", "upper_bound", "赤字率"),
])
def test_negated_bounds(sentence: str, text: str, qualifier: str, subject: str) -> None:
    q = _one(sentence, text)
    assert (q.qualifier, q.subject) == (qualifier, subject)
