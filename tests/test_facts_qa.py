"""Cases from a QA round over 2025/2026 provincial reports and statistical bulletins (synthetic sentences)."""
from __future__ import annotations

import pytest

from reportcli.facts.quantities import QUANTITY_KINDS, Quantity, quantities


def _one(sentence: str, text: str) -> Quantity:
    found = [q for q in quantities(sentence) if q.text == text]
    assert len(found) == 1, [(q.text, q.kind, q.subject) for q in quantities(sentence)]
    return found[0]


# -- a level reached (增加到/降至/跃升到) keeps the kind of its unit, with direction "to" --------------------
@pytest.mark.parametrize(("sentence", "text", "value", "kind"), [
    ("一般公共预算收入从7248亿元增加到8865亿元。", "8865亿元", 886_500_000_000, "money"),
    ("研发人员由12万人提高到15万人。", "15万人", 150_000, "count"),
    ("高速铁路营业里程从1.5万公里增加到3.2万公里。", "3.2万公里", 32_000, "measure"),
    ("粮食产量分别增加到500万吨、600万吨。", "600万吨", 6_000_000, "measure"),
    ("全国重点实验室从15家跃升到38家。", "38家", 38, "count"),
])
def test_level_reached_keeps_unit_kind(sentence: str, text: str, value: int, kind: str) -> None:
    q = _one(sentence, text)
    assert (q.value, q.kind, q.direction) == (value, kind, "to")


def test_share_raised_to_is_still_a_change() -> None:
    # the gold set labels 提高到70% as change/to; 跃升到/攀升至 read like 提高到
    assert (_one("居民区分类达标率从15%提高到90%。", "90%").kind, _one("失业率攀升至5%。", "5%").direction) == (
        "change", "to")


# -- magnitudes with no unit -------------------------------------------------------------------------------
def test_list_of_bare_magnitudes() -> None:
    qs = [q for q in quantities("经济总量跨越7万亿、8万亿、9万亿三个台阶。") if q.kind in QUANTITY_KINDS]
    assert [(q.value, q.unit, q.kind) for q in qs] == [
        (7 * 10**12, "", "measure"), (8 * 10**12, "", "measure"), (9 * 10**12, "", "measure")]
    assert all(q.subject == "经济总量" and q.direction == "to" for q in qs)


@pytest.mark.parametrize(("sentence", "text", "value", "unit", "qualifier"), [
    ("高速铁路运营里程增加到2万5千公里。", "2万5千公里", 25_000, "公里", "none"),
    ("日均新设企业增加到1万6千多户。", "1万6千多户", 16_000, "户", "lower_bound"),
    ("把14亿多中国人的饭碗端在自己手中。", "14亿多", 1_400_000_000, "", "lower_bound"),
    ("发放农业贷款10亿余万。", "10亿余", 1_000_000_000, "", "lower_bound"),
    ("经济总量突破1万亿。", "1万亿", 10**12, "", "lower_bound"),
    ("培训基层干部千余人次。", "千余人次", 1000, "人次", "lower_bound"),
    ("组织百余场活动。", "百余场", 100, "场", "lower_bound"),
])
def test_magnitude_forms(sentence: str, text: str, value: int, unit: str, qualifier: str) -> None:
    q = _one(sentence, text)
    assert (q.value, q.unit, q.qualifier) == (value, unit, qualifier)


# -- subjects ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("sentence", "text", "subject"), [
    # X实现/完成 + a statistic: the statistic belongs to X
    ("批发和零售业实现增加值17.3亿元，增长5%。", "17.3亿元", "批发和零售业增加值"),
    ("规模以上工业企业实现利润总额200亿元。", "200亿元", "规模以上工业企业利润总额"),
    ("全市实现增加值30亿元。", "30亿元", "增加值"),  # a scope word is no owner
    ("力争完成投资2440亿元。", "2440亿元", "投资"),  # nor a modal
    # 分别 with an elided list: 第二、三产业 = 第二产业, 第三产业
    ("第二、三产业分别同比增长15.2%、6.2%。", "15.2%", "第二产业"),
    ("第二、三产业分别同比增长15.2%、6.2%。", "6.2%", "第三产业"),
    ("一、二级支流分别有3条、5条。", "5条", "二级支流"),
    # a subject starts at a word boundary: 和/共 begin words here, they are no conjunction or sum
    ("，共济金额69.1亿元。", "69.1亿元", "共济金额"),
    ("，和美乡村覆盖率达到80%。", "80%", "和美乡村覆盖率"),
    ("，与共建国家缔结友城数量148对。", "148对", "共建国家缔结友城数量"),
    ("共召开常委会会议8次和主任会议22次。", "22次", "主任会议"),
    ("，共登记选民三亿人。", "三亿人", "登记选民"),
    # verbs inside a quoted name do not cut it
    ("，“企业认定、政府认账”授权企业8063家。", "8063家", "“企业认定、政府认账”授权企业"),
    ("实施“千村引领、万村提升”工程项目2758个。", "2758个", "“千村引领、万村提升”工程项目"),
    # the thing counted stands before 从…跃升到…
    ("全国重点实验室从15家跃升到38家。", "15家", "全国重点实验室"),
    ("全国重点实验室从15家跃升到38家。", "38家", "全国重点实验室"),
    # the parts of a ratio share the subject
    ("三次产业结构比例为7.1:38.2:54.7。", "54.7", "三次产业结构比例"),
    ("城乡居民收入比缩小到1∶3.4。", "3.4", "城乡居民收入"),
    # modal words and means clauses are never the subject
    ("全国人口2000年要控制在13亿以内。", "13亿", "全国人口"),
    ("经过各方面的努力，实际回落到6.1%。", "6.1%", ""),
])
def test_subjects(sentence: str, text: str, subject: str) -> None:
    assert _one(sentence, text).subject == subject


def test_count_after_a_list_of_changes_does_not_inherit_the_verb() -> None:
    q = _one("居民收入分别增长4.3%、6.1%，十方面民生实事圆满完成。", "十方面")
    assert (q.kind, q.direction, q.subject) == ("count", "", "民生实事")


def test_list_under_one_verb_keeps_direction_across_units() -> None:
    qs = quantities("原煤、原油、天然气产量达到6640.8万吨、1253.6万吨、9.1亿立方米。")
    assert [q.direction for q in qs] == ["to", "to", "to"]


# -- never quantities --------------------------------------------------------------------------------------
@pytest.mark.parametrize("sentence", [
    "淘汰三四轮车。",  # kinds of vehicle
    "开展三轮车整治。",
    "保护二三级支流。",  # grades
    "建设数字政府2.0、3.0版。",  # versions
    "推进工业互联网2.0。",
    "优化实施新一轮“3个100万”行动。",  # a slogan (3个 is a separate question)
])
def test_not_quantities(sentence: str) -> None:
    found = [q for q in quantities(sentence) if q.kind in QUANTITY_KINDS and q.unit != "个"]
    assert not found, found


def test_values_that_look_like_versions_stay() -> None:
    assert _one("恩格尔系数为3.0。", "3.0").kind == "measure"
    assert [q.unit for q in quantities("比上年提高3.9、2.0、2.9个百分点。")] == ["百分点"] * 3


def test_range_of_counts_stays() -> None:
    assert [q.value for q in quantities("开展三四次督查。")] == [3, 4]


def test_subjects_never_start_with_punctuation() -> None:
    for sentence in ("，“企业认定、政府认账”授权企业8063家、认定人才5.45万名。",
                     "中央财政用于“两个确保”和“低保”的资金达594亿元。",
                     "广义货币M2（注：M2为M右下角加2）预期增长12%左右。"):
        for q in quantities(sentence):
            assert not q.subject or q.subject[0] not in "、，,；;：:。”’）)", q


def test_n_point_zero_after_a_change_verb_is_a_change() -> None:
    from reportcli.facts.table import fact_rows
    from reportcli.io import load_text

    rows = fact_rows(load_text("居民消费价格上涨2.0。推进数字政府2.0、3.0建设。"))
    assert [(r["text"], r["kind"], r["direction"]) for r in rows] == [("2.0", "change", "up")]


def test_lead_nouns_rebuild_identically(tmp_path) -> None:
    # data/lead_nouns.txt is what scripts/build_lead_nouns.py makes of jieba's dictionary
    import subprocess
    import sys

    from conftest import ROOT

    out = tmp_path / "lead_nouns.txt"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "build_lead_nouns.py"), "--out", str(out)], check=True,
                   capture_output=True)  # fmt: skip
    shipped = ROOT / "reportcli" / "data" / "lead_nouns.txt"
    assert out.read_text(encoding="utf-8") == shipped.read_text(encoding="utf-8")


def test_hard_wrapped_text_keeps_subjects_and_line_numbers() -> None:
    # a PDF saved as .txt: every line cut at 20 characters, whatever the sentence
    from reportcli.facts.table import fact_rows
    from reportcli.io import load_text

    body = ("过去一年，全市经济运行稳中向好，各项工作取得新进展。" * 10 + "全市地区生产总值增长5.2%，"
            + "城乡居民收入稳步提高，民生福祉持续增进。" * 10)
    lines = [body[i:i + 20] for i in range(0, len(body), 20)]
    text = "\n".join(lines) + "\n"
    rows = [r for r in fact_rows(load_text(text)) if r["text"] == "5.2%"]
    assert len(rows) == 1 and rows[0]["subject"] == "全市地区生产总值"
    row = rows[0]
    assert text[row["start"]:row["end"]].replace("\n", "") == "5.2%"
    assert text.count("\n", 0, row["start"]) + 1 == row["line"]
    # ordinary text, one paragraph a line, is read line by line as before
    assert [r["subject"] for r in fact_rows(load_text("全市地区生产总值增长5.2%。\n"))] == ["全市地区生产总值"]
