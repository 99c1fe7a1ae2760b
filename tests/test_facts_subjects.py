"""Subjects (the thing counted or measured) in constructions that used to be cut or misread."""
from __future__ import annotations

import pytest

from reportcli.facts.quantities import quantities

# (text, quantity as written, expected subject exactly)
CASES = [
    # a two-character change verb is not split (递增 is the verb, not 递 part of the subject)
    ("工农业总产值计划增长百分之二十一点七，平均每年递增百分之四。", "百分之四", "工农业总产值"),
    ("轻工业产值计划平均每年递增百分之五，重工业产值计划平均每年递增百分之三。", "百分之三", "重工业产值"),
    ("某项支出平均每年递减百分之二。", "百分之二", "某项支出"),
    # method phrases (扣除…因素) are never the subject
    ("用于生活费的收入达到六百零八元，扣除物价上涨因素，比上年增长１２．５％。", "１２．５％", "用于生活费的收入"),
    ("社会消费品零售总额扣除价格因素增长百分之十一点六。", "百分之十一点六", "社会消费品零售总额"),
    ("城镇居民人均可支配收入，考虑价格下降因素比上年实际增长9.3%。", "9.3%", "城镇居民人均可支配收入"),
    # time prepositions and locatives are not subjects
    ("农业总产值增长百分之二十三点三，到一九五七年达到五百九十六亿六千万元。", "五百九十六亿六千万元", "农业总产值"),
    ("要做到有理想、有道德、有文化、有纪律。这四条里面，理想和纪律特别重要。", "四条", ""),
    # a short gloss in parentheses belongs to the noun after the number
    ("加快建设成都科创生态岛和11个市（州）分岛。", "11个", "市（州）分岛"),
    ("70个县（市、特区）与省外三甲医院建立帮扶协作关系。", "70个", "县（市、特区）"),
    ("12个县（市、区）实施养老保险试点。", "12个", "县（市、区）"),
    # 新开工 after 新 is an attribute, not the verb that ends the noun
    ("纳入国家102项重大工程的285个计划新开工项目全部开工。", "285个", "计划新开工项目"),
    # names that contain 、
    ("计算机、通信和其他电子设备制造业增长32.1%，电力、热力生产和供应业增长14.9%。", "32.1%",
     "计算机、通信和其他电子设备制造业"),
    ("计算机、通信和其他电子设备制造业增长32.1%，电力、热力生产和供应业增长14.9%。", "14.9%", "电力、热力生产和供应业"),
    ("交通运输、仓储和邮政业增加值1341.7亿元，增长2.3%。", "1341.7亿元", "交通运输、仓储和邮政业增加值"),
    # but a predicate between two list items does not join them
    ("全省地区生产总值达到5.53万亿元、稳居全国前十强、增长4.8%。", "4.8%", "全省地区生产总值"),
    ("新增35家专精特新企业、总数达270家。", "270家", "专精特新企业"),
    # 分别 lists with a shared predicate: every later list of as many items takes the same items
    ("战略性新兴产业、高新技术产业、装备制造业增加值分别增长20.6%、16.9%、17.3%，占规模以上工业比重分别为"
     "27.1%、40.5%、30.9%，比上年提高3.9、2.0、2.9个百分点。", "40.5%", "高新技术产业"),
    ("战略性新兴产业、高新技术产业、装备制造业增加值分别增长20.6%、16.9%、17.3%，占规模以上工业比重分别为"
     "27.1%、40.5%、30.9%，比上年提高3.9、2.0、2.9个百分点。", "3.9", "战略性新兴产业"),
    ("接待游客人次、旅游总花费、游客人均花费年均分别增长4.4%、10%、5.4%。", "5.4%", "游客人均花费"),
    # 城镇新增就业 is the statistic's name
    ("全年城镇新增就业45.2万人，失业人员再就业15.0万人。", "45.2万人", "城镇新增就业"),
    ("确保城镇新增就业100万人以上。", "100万人", "城镇新增就业"),
    ("新增基础教育学位12.4万个。", "12.4万个", "基础教育学位"),
    # beneficiaries: N人的X counts the people reached, not X
    ("谋划多年、惠及3400万人的引大济岷工程启动建设。", "3400万人", "惠及"),
    # money put into a purpose clause: the purpose is no subject
    ("投入12亿元实施企业找技术、成果找市场。", "12亿元", "投入"),
    # X占Y比重 names the share as a whole
    ("工业增加值占地区生产总值比重提高到25.5%。", "25.5%", "工业增加值占地区生产总值比重"),
    # letters after digits stay in the noun (4G, PM2.5); 等级 is a word, not 等 + 级
    ("年末移动电话基站数31.4万个，其中4G基站17.3万个，5G基站6.5万个。", "17.3万个", "4G基站"),
    ("PM2.5年均浓度降至32微克/立方米。", "32微克/立方米", "PM2.5年均浓度"),
    ("新增五星级饭店16家、等级民宿638家。", "638家", "等级民宿"),
    # 拥有 keeps its 有; per-unit rates and 以下 after a number are read through
    ("每千人口拥有3岁以下婴幼儿托位数达4.59个。", "4.59个", "婴幼儿托位数"),
    ("城乡低保平均标准分别从645元/月、4318元/年提高到801元/月、7226元/年。", "801元/月", "城乡低保平均标准"),
    # 将/预计 and a trailing 的 are not part of the subject
    ("１９５７年的工业总产值比１９５６年将增长百分之四点五。", "百分之四点五", "工业总产值"),
    ("撤并公司７万多个，占公司总数的百分之二十四点五。", "百分之二十四点五", "公司总数"),
]


@pytest.mark.parametrize("text,raw,subject", CASES)
def test_subject(text: str, raw: str, subject: str) -> None:
    found = [q for q in quantities(text) if q.text == raw]
    assert found, [q.text for q in quantities(text)]
    assert found[0].subject == subject, found[0]
