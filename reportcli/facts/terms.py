"""Numbered terms: slogans (两个确立), plans (十四五), sessions (二十届三中全会), campaigns (千万工程),
programmes (十项重大工程), places (长三角) and other fixed expressions (千方百计) — never quantities."""
from __future__ import annotations

import re
from dataclasses import dataclass

from reportcli.facts.numerals import parse_number
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
# magnitudes: a numeral before one of them is a written number (八千一百, 五万八千人), not a name
_MAG = "百千万亿萬億"
# measures: 一人一亩 and 三吨两斤 are quantities
_MEASURE = "吨斤亩克米升瓦元"

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
    "九牛一毛", "一日千里", "千秋万代", "一石二鸟", "一举两得", "三番五次", "五花八门", "乱七八糟", "举一反三",
    "百年未有之大变局", "第一议题", "第一动力", "第一资源", "第一生产力", "第一要务",
)

_TERM_RE = re.compile(
    # sessions: 二十届三中全会, 九届人大四次会议, 市委九届六次、七次全会, 十三届全国人大一次、二次会议,
    # 二十届历次全会, 三届人大, 党的二十大 — a bare 届 is a count (举办两届, 连续十四届, 第十五届运动会), not a
    # name; 第十三届七中全会 and 第十四届全国人民代表大会第二次会议 are names, listed from the numeral on
    rf"(?P<session>(?<![{_N}])[{_N}]{{1,3}}届(?:(?:全国人民代表大会)?"
    rf"[^，。；、“”]{{0,8}}?(?:[{_N}]{{1,3}}中(?:、[{_N}]{{1,3}}中)*全会"
    rf"|[{_N}]{{1,3}}次(?:、第?[{_N}]{{1,3}}次)*(?:全会|全体会议|会议)|历次(?:全会|全体会议))"
    rf"|(?:全国)?(?:人大|政协)(?:常委会)?)"
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
    # 百分之五点四的经济, 一个十分复杂, 八千一百九十九万吨, 二号三号立井, 三峡三期工程, 薄一波两位副总理,
    # 一人一亩; nothing that starts inside a number, an ordinal or a word: 第十三届七中全会, 统一就一定能)
    rf"|(?P<pattern>(?P<formula>(?<![{_N}{_MAG}零〇○第统唯同单专逐])"
    rf"[{_N}](?![{_N}{_MAG}零〇○是年月日个点分之倍成的届号期次{_MEASURE}])[\u4e00-\u9fff]"
    # then numeral + one or two characters, again and again (the second never a particle: 三反五反|和)
    rf"(?:[{_N}](?![大个位届号期次{_MEASURE}])(?![{_N}{_MAG}零〇○年月日点分之的])[\u4e00-\u9fff]"
    rf"(?:(?![{_N}{_MAG}零〇○年月日点分之的和与及地得了着])[\u4e00-\u9fff])?)+)"
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

_PLACE_SET = frozenset(PLACES)

_QUOTE_RE = re.compile(r"“([^“”]{2,16})”")
_QUOTED_PLAN_RE = re.compile(r"十[一二三四五]?五|[一二三四五六七八九]五")
_PLAN_AFTER_RE = re.compile(r"”(?:计划|规划|时期|期间|间期|末|初)")
_MAG_RE = re.compile(f"[{_MAG}]")
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
                    if item == inner and _QUOTED_PLAN_RE.fullmatch(item) and _PLAN_AFTER_RE.match(text, m.end(1)):
                        cat = "plan"  # “十五”计划, “一五”时期, “五五”末期
                    elif _MAG_RE.search(item) and parse_number(item) is not None:
                        continue  # a number in quotation marks (“八千一百”) is no name
                    out.append(Term(base + pos, base + pos + len(item), item, cat))
            pos += len(item) + 1
    return out


# What a programme's name ends with (三大攻坚战, 五大创新突破性举措, 十大数据中心集群, 三大社会主义改造).
_PROGRAMME_HEADS = (
    "行动", "工程", "举措", "战略", "任务", "计划", "产业", "集群", "高地", "平台", "攻坚战", "改造", "运动", "革命",
    "倡议", "基地", "中心", "板块", "体系", "领域", "功能", "机制", "方针", "政策", "目标", "关系", "矛盾", "区域",
    "园区", "通道", "走廊", "战役", "项目", "专项", "品牌", "论坛", "会战", "攻关", "经济区", "城市群", "都市圈",
    "区块", "片区", "赛道", "优势", "短板", "风险", "难题", "问题", "差别", "改革", "纪律", "产业链", "产业带", "示范区",
    "屏障", "球", "规划", "方案",
)
# Verbs that end a name: what follows is the clause about it (两大乳企|推进全球化战略).
_PROGRAMME_STOPS = ("推进", "推动", "加快", "取得", "彰显", "能够", "实现", "加强", "深化", "完成", "成为", "位居",
                    "保持", "持续", "不断", "一齐", "无论", "全面", "建设成效")
_PROGRAMME_MAX = 8  # characters after N大 in a name that has no head, and how far a head is looked for: 10


def _programme_end(text: str, start: int, end: int) -> int | None:
    """Where a programme (N大 + a name, matched up to the next punctuation) ends: after its head noun, the
    last one within ten characters after 大 (三大攻坚战|取得关键进展, 十大数据中心集群|中增速最快), or as
    matched when the name is short and has none (六大行动, 三大球); None when the match is a clause, long
    and without a head (两大集团之间…, 五大运动无论…)."""
    name = text[start + 2:end] if text[start + 1] == "大" else text[start + 3:end]
    base = end - len(name)
    cut = min((i for i in (name.find(stop) for stop in _PROGRAMME_STOPS) if i >= 2), default=len(name))
    name = name[:cut]
    end = base + cut
    best = 0
    for head in _PROGRAMME_HEADS:
        i = name.find(head)
        while i != -1 and i + len(head) <= 10:
            best = max(best, i + len(head))
            i = name.find(head, i + 1)
    if best:
        return base + best
    return end if len(name) <= _PROGRAMME_MAX else None


def _formula_end(text: str, start: int, end: int) -> int:
    """Where a numbered formula (一县一品牌) matched as ``text[start:end]`` ends. The regex takes one or two
    characters after the last numeral; when the match runs on into more text, the second of them belongs to
    that text if it begins a word there (一区一策|提升, 一府一委两院|协同, 三支两军|工作, 五讲四美|活动, 九市一区|全覆盖,
    while 一县一品牌|建设 stays whole) or if the rest is a listed term (一心一意|为人民, 五湖四海|引才)."""
    if end >= len(text) or not "\u4e00" <= text[end] <= "\u9fff" or text[end - 2] in _N:
        return end
    if text[start:end - 1] in _LIST_CATEGORY:
        return end - 1
    from reportcli.text.segmenter import get_segmenter

    # the default segmenter (jieba's dictionary and the report lexicon) tells whether a word starts there:
    # a token of two characters or more starts at the formula's last character
    pos = start
    for token in get_segmenter().cut(text[start:end + 8]):
        if pos >= end - 1:
            return end - 1 if pos == end - 1 and len(token) > 1 else end
        pos += len(token)
    return end


# Words that are never quantities but are not names either: not listed as terms.
_ORDINARY = frozenset(["一次性", "两条腿", "一把手"])


def numbered_terms(text: str) -> list[Term]:
    """Numbered names and fixed expressions in ``text``, non-overlapping, in order."""
    cands: list[Term] = []
    for lm in _LIST_RE.finditer(text):
        if lm.group() in _ORDINARY:
            continue
        cands.append(Term(lm.start(), lm.end(), lm.group(), _LIST_CATEGORY.get(lm.group(), "other")))
    pos = 0
    while (m := _TERM_RE.search(text, pos)) is not None:
        cat = m.lastgroup or "other"
        start, end = m.span()
        pos = end
        if m.group("formula"):
            # a pair repeated is an adverb, not a name (一步一步, 一件一件地); a place before a count is no
            # formula (九江三地): the search goes on inside the match
            if text[start:start + 2] == text[start + 2:start + 4] or text[start:start + 2] in _PLACE_SET:
                pos = start + 1
                continue
            pos = end = _formula_end(text, start, end)
        if cat == "programme" and text[start + 1] != "项":
            name_end = _programme_end(text, start, end)
            if name_end is None:
                continue
            end = name_end
        if cat == "n":
            cat = "pattern"
        if cat == "pattern":
            cat = "slogan"
        cands.append(Term(start, end, text[start:end], cat))
    cands.extend(_quoted_terms(text))
    cands.sort(key=lambda t: (t.start, -(t.end - t.start)))
    out: list[Term] = []
    last_end = -1
    for t in cands:
        if t.start >= last_end:
            out.append(t)
            last_end = t.end
    return out
