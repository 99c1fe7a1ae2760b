"""Numbered terms: slogans (两个确立), plans (十四五), sessions (二十届三中全会), campaigns (千万工程),
programmes (十项重大工程), places (长三角) and other fixed expressions (千方百计) — never quantities."""
from __future__ import annotations

import re
from dataclasses import dataclass

from reportcli.facts.quantities import SLOGANS

TERM_CATEGORIES = ("slogan", "plan", "session", "campaign", "programme", "place", "other")


@dataclass(frozen=True, slots=True)
class Term:
    start: int
    end: int
    term: str
    category: str


_N = "一二三四五六七八九十两"
_D = "一二三四五六七八九"

PLACES = (
    "长三角", "珠三角", "四川", "三亚", "三明", "六盘水", "七台河", "九江", "三门峡", "十堰", "万宁", "万州",
    "五指山", "二连浩特", "三沙", "六安", "九龙", "万载", "三河", "四平", "五家渠", "百色", "千岛湖", "万盛",
    "三峡", "九寨沟", "五台山", "三江源", "十三陵", "六枝", "三门", "九华山", "四子王旗", "双鸭山", "七星关",
    "八达岭", "一江两岸", "大湾区", "九州", "三晋", "八闽", "三秦", "两湖", "两广", "三北", "东三省",
)
PROGRAMMES = ("一带一路", "双一流", "双循环", "两新", "两重", "三农", "三大攻坚战", "一网通办", "一网统管")
IDIOMS = (
    "千方百计", "千家万户", "万众一心", "一心一意", "三心二意", "四面八方", "五湖四海", "七上八下", "万无一失",
    "一以贯之", "一往无前", "九死一生", "千军万马", "一马当先", "四通八达", "独一无二", "一清二楚", "十全十美",
    "百花齐放", "百家争鸣", "百尺竿头", "千头万绪", "千差万别", "三令五申", "一鼓作气", "一丝不苟", "一如既往",
    "百折不挠", "千锤百炼", "万紫千红", "一帆风顺", "百年大计", "一抓到底", "一张蓝图绘到底", "百业待兴",
    "千载难逢", "一针见血", "一无所有", "一穷二白", "万古长青", "一脉相承", "一视同仁", "一劳永逸",
    "九牛一毛", "一日千里", "千秋万代", "一石二鸟", "一举两得", "三番五次", "五花八门", "乱七八糟",
    "百年未有之大变局", "第一议题", "第一动力", "第一资源", "第一生产力", "第一要务",
)

_TERM_RE = re.compile(
    # sessions: 二十届三中全会, 九届人大四次会议, 市委九届六次、七次全会, 党的二十大
    rf"(?P<session>(?<![第{_N}])[{_N}]{{1,3}}届(?:[^，。；、“”]{{0,8}}?[{_N}]{{1,3}}(?:中全会|次全会|次全体会议|次会议"
    rf"|次(?:、[{_N}]{{1,3}}次)+全会|中(?:、[{_N}]{{1,3}}中)+全会))?"
    rf"|(?<![{_N}第])[{_N}]{{1,3}}中全会"
    rf"|(?:党的|中共)[{_N}]{{1,3}}大"
    rf"|[{_N}]{{2,3}}大(?=精神|报告|以来|胜利|召开|代表|和|、|”|重大|作出|提出|部署|确定))"
    # five-year plans: 十四五, 十五五, 九五
    rf"|(?P<plan>十[一二三四五]五|(?<![{_N}])[六七八九]五(?=规划|计划|时期|期间|”|末|初)"
    rf"|第[{_N}]{{1,2}}个五年(?:计划|规划))"
    # campaigns and projects
    rf"|(?P<campaign>\d{{3,}}(?:行动|工程|计划|工作法)|千万工程|百千万工程|万名[\u4e00-\u9fff]{{2,4}}走万[\u4e00-\u9fff]"
    rf"|[{_N}百千万]{{2,4}}工程)"
    # programmes: 十项重大工程, 五大创新突破性举措, 六大行动 (not a phrase: 两大集团之间的关系)
    rf"|(?P<programme>(?<![统唯同单专逐第万])[{_N}]{{1,2}}大(?=[\u4e00-\u9fff])(?!会|学|家|量|力|批|幅|多|型|概|约|致|都|体|抵|规模|部分|重大)"
    rf"(?:(?![的之])[\u4e00-\u9fff]){{2,}}?(?=[，。；、”）)]|$)"
    rf"|[{_N}]{{1,2}}项(?:重大|重点)[\u4e00-\u9fff]{{2,6}}?(?=[，。；、”]|$))"
    # patterned slogans: 一府一委两院, 一县一品牌, 三位一体, 八八战略
    # (no 二是 enumerator, no run of numerals such as the year 一九七三, no number or classifier:
    # 百分之五点四的经济, 一个十分复杂)
    rf"|(?P<pattern>[{_N}](?![{_N}零〇○是年月日个点分之倍成的])[\u4e00-\u9fff](?:[{_N}](?:(?![{_N}零〇○年月日点分之的])[\u4e00-\u9fff]){{1,2}})+"
    rf"|(?P<n>[{_D}])(?P=n)(?:战略|方针)"
    rf"|[{_D}]{{2}}(?:战略|方针|工程))"
)
_LIST_RE = re.compile("|".join(re.escape(w) for w in sorted((*SLOGANS, *PLACES, *PROGRAMMES, *IDIOMS),
                                                            key=len, reverse=True)))
_LIST_CATEGORY: dict[str, str] = {}
for _w in SLOGANS:
    _LIST_CATEGORY[_w] = "slogan"
for _w in PLACES:
    _LIST_CATEGORY[_w] = "place"
for _w in PROGRAMMES:
    _LIST_CATEGORY[_w] = "programme"
for _w in IDIOMS:
    _LIST_CATEGORY[_w] = "other"
for _w in ("三次产业", "一条龙", "一把手", "一站式", "一门式", "两岸"):
    _LIST_CATEGORY[_w] = "other"

_QUOTE_RE = re.compile(r"“([^“”]{2,16})”")
_NUMERAL_ITEM_RE = re.compile(rf"[{_N}百千万0-9]")


def _quoted_terms(text: str) -> list[Term]:
    out: list[Term] = []
    for m in _QUOTE_RE.finditer(text):
        inner = m.group(1)
        base = m.start(1)
        pos = 0
        for item in re.split("[、，]", inner):
            if item and _NUMERAL_ITEM_RE.match(item) and len(item) <= 12:
                if re.fullmatch(r"\d+", item) or re.match(rf"[{_N}]", item):
                    cat = "campaign" if item.endswith(("行动", "工程")) else "slogan"
                    if re.match(rf"[{_N}]{{1,2}}(?:项|大)", item):
                        cat = "programme"
                    if item.endswith(("行动", "工程", "计划")) and cat != "programme":
                        cat = "campaign"
                    out.append(Term(base + pos, base + pos + len(item), item, cat))
            pos += len(item) + 1
    return out


# Words that are never quantities but are not names either: not listed as terms.
_ORDINARY = frozenset(["一次性", "两条腿", "一把手"])


def numbered_terms(text: str) -> list[Term]:
    """Numbered names and fixed expressions in ``text``, non-overlapping, in order."""
    cands: list[Term] = []
    for m in _LIST_RE.finditer(text):
        if m.group() in _ORDINARY:
            continue
        cands.append(Term(m.start(), m.end(), m.group(), _LIST_CATEGORY.get(m.group(), "other")))
    for m in _TERM_RE.finditer(text):
        cat = m.lastgroup or "other"
        if cat == "n":
            cat = "pattern"
        if cat == "pattern":
            cat = "slogan"
        cands.append(Term(m.start(), m.end(), m.group(), cat))
    cands.extend(_quoted_terms(text))
    cands.sort(key=lambda t: (t.start, -(t.end - t.start)))
    out: list[Term] = []
    last_end = -1
    for t in cands:
        if t.start >= last_end:
            out.append(t)
            last_end = t.end
    return out
