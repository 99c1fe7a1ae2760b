"""Quantity grammar of Chinese official reports: number + magnitude + 余/多 + unit, with qualifier,
direction, kind and subject.

One compiled master regex finds numeral candidates; each candidate is then read with cheap local
grammar (a few anchored regex matches and set look-ups around it).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

from reportcli.facts.numerals import CN_DIGITS, CN_NUMERAL_CHARS, MAGNITUDES, parse_decimal
from reportcli.facts.spacing import original_span, squeeze
from reportcli.facts.traditional import simplified_view
from reportcli.facts.units import (
    MAGNITUDE_LED_UNITS,
    UNIT_BLOCKERS,
    UNIT_FIRST_CHARS,
    UNIT_KIND,
    UNIT_NORMAL,
    UNIT_RE,
)

QUANTITY_KINDS = frozenset({"count", "percent", "change", "money", "measure"})
ALL_KINDS = (
    "count", "percent", "change", "money", "measure", "year", "date", "anniversary", "duration", "ordinal",
)


@dataclass(frozen=True, slots=True)
class Quantity:
    """One quantity found in a text; ``start``/``end`` are offsets into that text."""

    start: int
    end: int
    text: str
    value: int | float | str
    unit: str
    kind: str
    qualifier: str = "none"
    direction: str = ""
    subject: str = ""


_CN = CN_NUMERAL_CHARS
_CN_DIG = "零〇○一二两三四五六七八九"
_FOLLOW = re.escape(UNIT_FIRST_CHARS + "余多%％‰倍番成周年月日以左个")
_AR = r"[0-9０-９]+(?:,[0-9]{3}(?![0-9]))*(?:[.．][0-9０-９]+)?"

MASTER_RE = re.compile(
    r"(?P<fan>翻了?(?P<fann>[一两二三四五])番)"
    r"|(?P<date>(?<![0-9])[12][0-9]{3})[-/.](?P<dm>[01]?[0-9])[-/.](?P<dd>[0-3]?[0-9])(?![0-9])"
    rf"|(?P<pct>百分之)(?P<pnum>[{_CN}]+(?:点[{_CN_DIG}]+)?|[0-9０-９]+(?:[.．][0-9０-９]+)?)"
    rf"|(?P<frac>(?P<fden>[{_CN}]+)分之(?P<fnum>[{_CN}]+(?:点[{_CN_DIG}]+)?))"
    r"|(?<=[\u4e00-\u9fff])(?P<afrac>(?P<afn>[1-9])/(?P<afd>[1-9][0-9]?))(?![0-9/.．])"
    rf"|(?P<ar>{_AR})"
    rf"|(?P<cn>[{_CN}]+(?:点[{_CN_DIG}]+)?)(?=[{_FOLLOW}]|[至到～~—－][{_CN}]|几)"
)
_CN_RANGE_TAIL_RE = re.compile(rf"(?:[至到～~—－]|——)(?P<n>[{_CN}]+(?:点[{_CN_DIG}]+)?|[0-9]+(?:[.．][0-9]+)?)")
_CN_PENDING_RE = re.compile(rf"[至到～~—－][{_CN}]+(?:点[{_CN_DIG}]+)?[余多]?[万亿]?(?=[{_FOLLOW}])")

_SUB_GROUP_RE = re.compile(r"(?P<n>[1-9])(?P<k>[千百])")
_SECOND_GROUP_RE = re.compile(r"(?P<n>[0-9]+(?:[.][0-9]+)?)(?P<k>千)?(?P<q>[余多])?万")
_SPACES = " \u2002\u2003\u2009\u3000\u00a0"
_ASCII_LETTER = re.compile(r"[A-Za-z]")
_PRE_QUALIFIERS = (
    # 不低于 before 低于: a negated bound turns over (不低于80% is at least 80%)
    ("不低于", "lower_bound"), ("不少于", "lower_bound"), ("不小于", "lower_bound"), ("不高于", "upper_bound"),
    ("不多于", "upper_bound"), ("不大于", "upper_bound"),
    ("不超过", "upper_bound"), ("不到", "upper_bound"), ("不足", "upper_bound"), ("低于", "upper_bound"),
    ("少于", "upper_bound"), ("以内", "upper_bound"), ("超过", "lower_bound"), ("高于", "lower_bound"),
    ("多于", "lower_bound"), ("突破", "lower_bound"), ("至少", "lower_bound"), ("逾", "lower_bound"),
    ("超", "lower_bound"), ("将近", "approx"), ("接近", "approx"), ("大约", "approx"), ("约", "approx"),
    ("近", "approx"), ("上", "lower_bound_maybe"),
)
# The qualifiers by their last character, in the order above: only those can end right before a number.
_PRE_BY_LAST: dict[str, tuple[tuple[str, str], ...]] = {}
for _word, _q in _PRE_QUALIFIERS:
    _PRE_BY_LAST[_word[-1]] = (*_PRE_BY_LAST.get(_word[-1], ()), (_word, _q))
_POST_QUALIFIERS = (
    ("及以上", "lower_bound"), ("以上", "lower_bound"), ("左右", "approx"), ("上下", "approx"),
    ("以下", "upper_bound"), ("以内", "upper_bound"), ("之内", "upper_bound"), ("有余", "lower_bound"),
    ("多", "lower_bound"),
)
_DIR_TO: tuple[str, ...] = (
    "提高到", "提高至", "提高为", "增加到", "增加至", "增长到", "增长至", "上升到", "上升至", "提升到", "提升至",
    "下降到", "下降至", "降低到", "降低至", "降到", "降至", "升至", "增至", "缩小到", "缩小至", "减少到",
    "减少至", "扩大到", "扩大至", "调整为", "调整到", "控制在", "下调至", "上调至", "下调到", "上调到", "压减到",
    "压减至", "压缩到", "压缩至", "减至", "达到", "达", "至", "上升为", "增加为", "下降为", "降为", "增为",
    "提升为", "减少为", "迈上", "跨上", "站上", "跃上", "跨越",
)
_DIR_UP = (
    "增长", "增加", "提高", "上升", "上涨", "提升", "增产", "增收", "扩大", "多增", "回升", "攀升", "跃升",
    "上调", "递增", "增", "涨", "升", "多", "拉动", "高出", "快", "加快", "翻",
)
_DIR_DOWN = (
    "下降", "减少", "降低", "下滑", "回落", "减产", "减收", "缩小", "压减", "收窄", "下跌", "缩减", "下调", "缩短",
    "压缩", "递减", "压降", "削减", "裁减", "核减", "锐减", "降", "减", "少", "低", "慢", "放缓",
)
#: saving verbs: 节约10% (a cost cut by a share) is a change down, 节约2800亿元 (an amount saved) is an amount
_DIR_SAVE = ("节约", "节省", "节支")
#: verbs that also take counted objects: 提升100所学校 / 加快42个在建项目 count schools and projects, they
#: change no quantity (排名提升6位, 人均预期寿命提高1岁 still do)
_OBJECT_VERBS = frozenset(["提升", "提高", "加快"])
#: nouns after 提升N个… that measure the change itself (提升2个等级)
_RANK_NOUNS = ("等级", "档次", "位次", "名次", "级别", "台阶")
#: 在 + verb as an attribute of the noun after a count (在建项目, 在校学生), not the locative 在
_ATTRIBUTIVE_ZAI = ("在建", "在校", "在岗", "在职", "在营", "在编", "在读", "在册", "在线", "在运", "在研", "在途")


#: any two-character change verb with 到/至 reaches a level (跃升到, 攀升至, 回落到)
_DIR_TO = tuple(dict.fromkeys(_DIR_TO + tuple(w + t for w in _DIR_UP + _DIR_DOWN + _DIR_SAVE if len(w) >= 2 for t in "到至")))


def _alt(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_DIR_RE = re.compile(
    rf"(?:(?P<to>{_alt(_DIR_TO)})|(?P<up>{_alt(_DIR_UP)})|(?P<down>{_alt(_DIR_DOWN + _DIR_SAVE)}))"
    r"(?:了|为|分别为|分别)?(?:每[人户生](?:每?[月年天日])?|每[月年天日]|人均)?(?:约|近|超过|超)?$"
)
#: the characters a match of _DIR_RE can end with (a cheap test before the search)
_DIR_LAST = frozenset(w[-1] for w in _DIR_TO + _DIR_UP + _DIR_DOWN + _DIR_SAVE) | frozenset("了为别约近过超人户生月年天日均")
#: a change verb left at the end of a clause part (由82部增加到…): not part of the subject
_DIR_TAIL_RE = re.compile(
    rf"(?:{_alt(tuple(w for w in _DIR_TO + _DIR_UP + _DIR_DOWN + _DIR_SAVE if len(w) >= 2))})(?:了|为)?$")
#: verbs that change a share to a level (提高到70% is kind change); other units keep their own kind
#: a change verb that reaches a level (跃升到, 降至, 调整为): it ends the noun after a number
_CHANGE_VERB_RE = re.compile(_alt(tuple(w for w in _DIR_TO if len(w) >= 2 and w[-1] in "到至为")))
_CHANGE_TO = frozenset(_DIR_TO) - {"达到", "达", "控制在", "迈上", "跨上", "站上", "跃上", "跨越"}

#: numbered slogans, formula names and fixed words that look like counts
SLOGANS = (
    "两个确立", "两个维护", "四个意识", "四个自信", "四个全面", "四个机关", "两个毫不动摇", "两个一百年",
    "三个代表", "四个一", "三个务必", "两个结合", "两个大局", "四个革命", "四个现代化", "两个文明",
    "三个有利于", "四项基本原则", "两个凡是", "三个面向", "八项规定", "一国两制", "两个先行", "三个世界",
    "两手抓", "两条腿", "四个服务", "三个转变", "三次产业", "一次性", "一条龙", "一把手", "一张网", "一张图", "两个市场", "两种资源",
    "一门式", "一站式", "铁人三项", "两个根本", "三个主攻方向", "一个首要任务", "三支队伍", "四个第一", "五个必由之路",
    "三个没有根本改变", "两个健康", "三个一百", "两个更好", "四个最严", "五个一", "三个一", "两个一",
    "六个一", "八个一", "十个一", "四个不摘", "两个途径", "三条红线", "三条控制线", "两条红线", "一张蓝图",
    "一件事", "一类事", "一个口", "一枚印章", "一次办", "一网通办", "一网统管", "一件事一次办",
    "三个倍增", "三个一批", "两个责任", "两个条例", "三个区分开来", "四种形态", "七个有之", "四个着力",
    "两个坚持", "三个必须", "两个务必", "五个坚持", "三个高地", "两个屏障", "三个示范", "两个重要",
    "四个没变", "四个走在前", "两个基地", "三大攻坚战", "一老一小", "三个作用", "两岸", "三级医院",
    "二级医院", "一级医院", "五项原则", "两个积极性", "三级甲等", "二级甲等", "三级公立医院",
)
_SLOGAN_RE = re.compile(_alt(SLOGANS))
_SESSION_AFTER_RE = re.compile(r"次(?:会议|全会|全体会议|常委会会议|代表大会|党代会|会|常委会)")

_BOUNDARY = frozenset("，,；;。：:！!？?（()）“”\"‘’《》【】\t\n、")
_SENT_END = frozenset("。！？!?；;")
_VERBS = (
    "召开", "举办", "组织", "开展", "制定", "出台", "修订", "实施", "审议", "听取", "作出", "任免", "研究",
    "征集", "移交", "提升", "改造提升", "改造", "收集", "交办", "审查", "形成", "建立", "推动", "解决", "完成", "参加", "提出", "梳理",
    "吸引", "新增", "新建", "培育", "引进", "实现", "累计", "共有", "拥有", "建成", "开工", "投入", "办理",
    "受理", "审结", "办结", "查处", "立案", "接待", "培训", "帮扶", "带动", "惠及", "发放", "筹集", "落实",
    "安排", "下达", "争取", "获得", "获批", "创建", "认定", "评选", "表彰", "走访", "慰问", "视察", "检查",
    "督查", "设立", "打造", "推出", "发布", "签约", "签订", "吸纳", "转移", "安置", "改造", "整治", "清理",
    "关闭", "淘汰", "化解", "处置", "建设", "完善", "修改", "废止", "批准", "通过", "备案", "起草", "清退",
    "追回", "挽回", "化解", "救助", "资助", "补助", "支持", "扶持", "投放", "融资", "回收", "处理",
    "收到", "答复", "转办", "督办", "选派", "选聘", "招聘", "招收", "录取", "培养", "输送", "创造",
    "减免", "减税", "降费", "退税", "节约", "覆盖", "开行", "开通", "建设", "修复", "治理", "造林", "种植", "改建",
    "扩建", "组建", "成立", "认证", "授予", "命名", "评定", "占", "举行", "完成了", "达成", "列入", "纳入",
    "入选", "评为", "取得", "突破", "为", "是", "达",
)
_VERB_RE = re.compile(_alt(_VERBS))
_VERB_SET = frozenset(_VERBS)
_CONJ_RE = re.compile(r"以及|[和及与]")
#: endings of a statistic's name besides _NOMINAL_SUFFIX and _STAT_ENDINGS (事故起数, 游客人次, 低保标准)
_HEAD_ENDINGS = ("人次", "次数", "标准", "价格", "支出", "出口", "进口", "花费", "余额", "水平")
#: two-character words in which 和/及/与 is no conjunction (自来水普及率, 参与度, 和谐): never split a list there
_CONJ_WORDS = frozenset([
    "普及", "涉及", "惠及", "波及", "遍及", "顾及", "触及", "提及", "危及", "及时", "及早", "参与", "与会", "给与",
    "赋与", "授与", "和谐", "和美", "和平", "温和", "缓和", "总和", "饱和", "共和", "平和", "祥和", "柔和", "调和",
])
#: a list item that is a numeral with an optional noun (第二、三产业): see _complete_elided
_NUM_ITEM_RE = re.compile(r"^(?P<di>第?)(?P<n>[一二三四五六七八九十]+|[0-9]+)(?P<noun>[^一二三四五六七八九十0-9]*)$")
_POST_Q_RE = re.compile(r"^(?:及以上|以上|左右|上下|以下|以内|之内)")
_POST_Q_AT_RE = re.compile(r"及以上|以上|左右|上下|以下|以内|之内")
_POST_Q_FIRSTS = frozenset("及以左上之")
_NOMINAL_SUFFIX = frozenset("率量额数值力度费金款人员者费规模总额总量面积比重指数")
_TRAIL_STRIP = (
    "分别为", "分别是", "分别", "比上年末", "比上年", "较上年", "比年初", "同比", "比去年", "较去年", "比上年同期",
    "比去年同期", "较上年同期", "由上年", "从上年", "从去年", "平均", "共计", "累计", "合计", "总计",
    "达到了", "达到", "为", "是", "达", "共", "有", "了", "均", "都", "已", "约", "近", "各", "总数", "超过", "超",
    "突破", "逾", "保持在", "稳定在", "控制在", "维持在", "定在", "从", "由", "双双", "同口径", "按可比口径", "可比口径",
)
_TRAIL_LAST = frozenset(w[-1] for w in _TRAIL_STRIP)
_TRAIL_RE = re.compile(
    rf"(?:{_alt(tuple(w for w in _TRAIL_STRIP if w not in ('均', '有', '约')))}|(?<![人年])均|(?<![拥具持没享占所])有"
    r"|(?<![签节制预合公条契邀相守履违解婚])约)+$")
#: adverbs between a subject and its verb (钢产量…，而1956年就增加了…; 总产值仍然增加了…)
_ADVERB_TAIL_RE = re.compile(
    r"(?:就|又|也|即|仍然|仍|首次|首度|再次|再度|再|继续|持续|连续|已经|已|进一步|将|预计将|预计|预期|实际|名义|都是"
    r"|(?<![首成京古国])都|却|只需要|只需|需要|只要|(?<![纲摘概提重主必需只])要"
    r"|(?<=[值量额率数入出费产平模])(?:计划|要求)|可以|能够|一般"
    # the coverb 以 before a rate or a manner (总产值仍以[百分之七点五]的速度增长, 他们以[十倍]的疯狂)
    r"|(?<=[\u4e00-\u9fff])(?<![可所得足难加予给用借赖据之])以)+$")
#: the last characters of what _ADVERB_TAIL_RE can strip (a cheap test before the search)
_ADVERB_TAIL_LAST = frozenset("就又也即然仍次度再续经已步将计期际义是都却要需划求以够般")
#: a time adverbial left before the number (五年年均增长, 前三年平均每年增加, 十年增加): never the subject
_TEMPORAL_TAIL_RE = re.compile(
    r"(?:在|于)?(?:(?:这|那|前|后|近|最近|过去|头)?[一二两三四五六七八九十0-9]+多?个?年年?(?:来|中|内|里|间)?"
    r"|平均每年|每年|年均|年平均|当年|全年|每(?:人|户|生)?(?:每)?(?:月|年|天|日)?)+$")
_TEMPORAL_TAIL_LAST = frozenset("年来中内里间均每人户生月天日")
#: the scope of a share (占全国44%): the subject is what takes the share, stated before
#: administrative levels listed before 三级/两级 (省市县三级, 市区两级, 中央和省两级)
_ADMIN_LEVEL_RE = re.compile(r"[省市县乡镇村区街组格央级社队]$")
_NUMERAL_RE = re.compile(r"[0-9０-９零〇○一二两三四五六七八九十百千万亿]")
_YEAR_RE = re.compile(r"(?:[0-9０-９]{4}|[零〇○一二三四五六七八九]{4})年")
#: 迈上1万美元新台阶, 超过…的水平: what a level is called, not what is measured
_LEVEL_NOUNS = frozenset(["新台阶", "台阶", "水平", "大关", "新高", "关口", "规模"])
_LEVEL_NOUN_TUPLE = tuple(sorted(_LEVEL_NOUNS, key=len, reverse=True))
_SCOPE_WORDS = frozenset(["全国", "全省", "全市", "全区", "全县", "全球", "世界", "全部", "全社会"])
LEAD_STRIP = (
    "其中", "共", "累计", "并且", "而且", "并", "和", "及", "与", "还", "同时", "另外", "此外", "的", "等", "全部", "以及",
    "而", "但", "全年", "今年", "去年", "当年", "年末", "年底", "年初", "力争", "确保", "预计将", "预计", "努力",
    "时期", "期间", "以来",  # (“十四五”时期全省…: the period named before is a time adverbial)
)
_LEAD_RE = re.compile(rf"^(?:{_alt(LEAD_STRIP)})+")
_LEAD_ONE_RE = re.compile(rf"^(?:{_alt(LEAD_STRIP)})")
#: punctuation a subject never starts with
_LEAD_PUNCT = "、，,；;：:。”’）)」』】》"
#: words that begin with a lead-strip character but are nouns (等级民宿, 和谐, 共享)
_LEAD_KEEP = ("等级", "等次", "和谐", "共享", "共建", "共同", "并网", "全部门")
#: the end of a share's name (X占Y比重)
_SHARE_ENDINGS = ("比重", "比例", "份额", "占比", "的比", "之比")
#: verbs that also name a statistic with what follows (城镇新增就业, 净增经营主体)
_ATTRIBUTIVE_VERBS = frozenset(["新增", "净增"])
#: verbs between a subject and its statistic (工业企业实现利润总额…, 交通运输业完成货运量…)
_STAT_VERBS = frozenset(["实现", "完成"])
_STAT_ENDINGS = ("收入", "利润", "投资", "税收", "营收", "总值", "产值", "产量")
_STAT_HEAD_STOP_RE = re.compile(
    r"[到至年月末底要将使把让应能可会再]|力争|争取|确保|努力|预计|计划|提前|加快|首次|相信|已经|继续|我们")
#: modal words before a subject or target (将比…, 力争新增…, 确保城镇新增就业…)
_MODAL_LEAD_RE = re.compile(r"^(?:将|预计将|预计|力争|确保|争取|努力|计划)(?=.)")
#: verbs whose object counts the people reached (惠及3400万人的…工程)
_BENEFIT_VERBS = frozenset(["惠及", "覆盖", "带动", "吸纳"])
_PERSON_UNITS = frozenset(["人", "人次", "户", "名", "户次", "位"])
_POST_STOPS = (
    "的", "在", "获", "被", "得到", "受到", "实现", "通过", "列入", "纳入", "参与", "深入", "依法", "启动",
    "开展", "完成", "达到", "分别", "已", "均", "全部", "入选", "成功", "建成", "投入", "获评", "荣获", "得以",
    "等", "进行", "参加", "签约", "落地", "开工", "竣工", "投产", "累计", "增长", "下降", "同比", "比上年",
    "占", "为", "是", "和", "与", "及", "成为", "达", "已经", "正在", "顺利", "全面", "基本", "相继", "陆续",
    "率先", "首次", "持续", "进一步", "加快", "提前", "如期", "圆满", "超额", "先后", "覆盖", "带动", "惠及", "涉及", "发放",
    "落实", "形成", "作为", "全覆盖", "提高", "提升", "上升", "降低", "减少", "增加", "上涨", "回落", "扩大",
    "缩小", "下降", "里面", "当中", "之中", "中间", "帮扶", "划转", "开诊", "用于", "获批", "挂牌",
)
_POST_STOP_RE = re.compile(_alt(_POST_STOPS))
_STACK_RE = re.compile(rf"(?:{_AR})[余多]?(?:{UNIT_RE.pattern})")
_RANGE_END_RE = re.compile(rf"[至到～~—－][{_CN}0-9.]+[余多]?[万亿]?(?:{UNIT_RE.pattern})")
#: a plan or campaign named by its length (五年计划, 三年行动): counted whole after a measure word
_TERM_PLAN_RE = re.compile(r"(?:[一二三四五六七八九十]{1,3}|[0-9]{1,2})年(?:计划|规划|行动|目标|攻坚)")
#: a number with a unit inside the noun after a count (15所高职院校[21个]专业群); not a number that qualifies the
#: noun (3人制篮球场, 海拔1500米以上农村中小学) nor the tail of a number (过2000万元)
_INNER_NUMBER_RE = re.compile(
    rf"(?<![0-9０-９.．,，A-Za-z])(?:{_AR})[万亿]?[余多]?(?:{UNIT_RE.pattern})(?![制型式级])(?!以上|以下|及以上|以内)")
_ANY_DIGIT_RE = re.compile(r"[0-9０-９]")
#: what a run left before a number can end with: a rank (居全国前), 有 / 中有, from…to (从, 拓展到)
_STACK_TAIL_RE = re.compile(
    r"(?:(?:位居|位列|居|排名|排在|进入|跻身)[^，,；;。]{0,14}?(?:前|第)|(?:中|里)?有|[从由过]|[\u4e00-\u9fff]{0,2}[到至])$")
_STACK_MAG_RE = re.compile(rf"(?:{_AR})[万亿]?[余多]?(?:{UNIT_RE.pattern})")
_HAS_DIGIT_RE = re.compile(rf"[0-9０-９]|[{_CN_DIG}]{{2}}")
_AFTER_NUMBER_RE = re.compile(
    rf"(?<![A-Za-z.])[0-9０-９][0-9０-９.．,%％‰]*(?![0-9A-Za-z])[万亿千]?[余多]?(?:{UNIT_RE.pattern})?"
    r"(?:/(?:[年月日天人户次吨亩]|百人|千人|万人|平方米|立方米|公里|小时))?(?:及以上|以上|以下|左右|以内)?"
    rf"|[{_CN_DIG}]{{4}}年(?:底|末|初)?|[{_CN}]+[万亿千百]?[余多]?(?:元|人|个|吨)"
    rf"|[{_CN}]{{2,}}[余多]?(?:{UNIT_RE.pattern})")
_PENDING_RE = re.compile(r"(?:[—－~～至到、和]|——|-(?![0-9]{1,2}[-月]))[0-9０-９]")
_BARE_AFTER_STOP = re.compile(r"[的和与及或、以至到是为在上下左多余]")
_COMPARE_RE = re.compile(r"(?:高于|低于|快于|慢于|高出|超出|好于|与上年|与去年|与同期|较去年|比去年|较上年|比上年)")
#: 按可比价格计算 / 按现价计算: an adverbial of method, never the subject
_METHOD_RE = re.compile(r"^按[^，,；;]{0,10}(?:计算|计|核算|统计)")
#: 扣除物价上涨因素 / 剔除价格因素后: a method phrase, never the subject (at the end of a region)
_METHOD_TAIL_RE = re.compile(r"(?:扣除|剔除|除去|不考虑|考虑)[^，,；;]{0,10}?因素(?:影响)?(?:以?后)?$")
#: what is left of a clause part once its numbers are gone when it names no thing: 到(一九五七年),
#: (1到10)月, (2025年)的, 从
_EMPTY_PART_RE = re.compile(
    r"^(?:到|至|从|由|自|截至|截止|在|于|今年|去年|明年|年|月|日|月份|季度|底|末|初|的|中|间|内|要|将|再|还|也|就)*$")
#: nouns that a verb before them modifies (补助标准, 投入强度), never the verb's object
_RATE_HEADS = frozenset(["标准", "强度", "比例", "比重", "水平"])
#: a change verb right after a subject (研发投入[增长]8%, 财政科技投入再[翻]一番)
_CHANGE_HEAD_RE = re.compile(rf"翻|{_alt(tuple(w for w in _DIR_UP + _DIR_DOWN if len(w) >= 2))}")
#: 分别 and a comparison base before the change verb of a 分别 list (分别较“十三五”时期[下降])
_RESP_BASE_RE = re.compile(r"分别(?:较|比|同|与)[^，,；;。、！？]{1,18}$")
#: a comparison base named in quotes at the end of a subject (较“十三五”时期, 比“十四五”末): its number cut nothing
_QUOTED_BASE_RE = re.compile(r"(?:分别|均|都)?(?:较|比)“[^”]{1,10}”(?:时期|期间|末|初)?$")
#: demonstratives, pronouns and function words that are never the thing counted or measured
_NO_SUBJECT_WORDS = frozenset([
    "这", "那", "这些", "那些", "上述", "其", "该", "要", "将", "把", "再", "还",
    "我们", "他们", "你们", "它们", "她们", "咱们", "大家", "人们",
])
#: a copula before the base of a multiple or share (A为B的2倍, A相当于B的80%)
_COPULA_RE = re.compile(r"相当于|等于|(?<![成作认视列评改更转分称因以行])为|(?<![但也就还而都不若总于凡正只要])是")
_CLAUSE_ENDS = "，,；;。：:！!？?"
#: the amounts and numbers a verb before them names (投放金额, 招生人数), never the verb's object
_MEASURE_HEADS = frozenset(["金额", "总额", "数额", "额度", "规模", "数量", "人数", "户数", "人次", "面积", "总量", "里程"])
#: programmes a verb before them names (培养计划, 建设项目, 提升工程) when a noun stands before the verb
_PROGRAM_HEADS = ("计划", "工程", "项目", "行动", "试点", "示范")
#: verbs that name a programme with words after its head (培养计划科技领军人才); another verb takes the
#: head and what follows as its object (集中移交|项目建议16条)
_PROGRAM_VERBS = frozenset("培养 建设 提升 改造 振兴 培育 引进 保护 治理 创建 示范 帮扶 资助 支持 扶持".split())
#: the start of a change written from…to (财政补助由每人每年[380元]提高到…)
_FROM_RE = re.compile(r"[由从](?:每[人户生]每?[月年天日]?|每[月年天日]|人均)?$")
#: 把/将/使 before the object they move to the front (要把物价涨幅控制在…, 将补助标准从…提高到, 使钢产量由…增长到):
#: no part of the subject (将军, 把握, 使用 are words)
DISPOSAL_CHARS = "把将使"  # before a fronted object (把粮食产量稳定在…): stripped, unless a word starts there
_DISPOSAL_RE = re.compile(r"^(?:要|并|还|就|努力|进一步)?[把将使](?![军领士握手关用命馆者节])(?=..)")
_DISPOSAL_FIRSTS = frozenset("要并还就努进把将使")
#: the predicate of a clause part with no number (投资翻番, 收入大幅增长), before a second predicate after 、
_PREDICATE_TAIL_RE = re.compile(
    r"(?:实现|大幅|明显|显著|稳步|持续|快速|成倍)*"
    rf"(?:翻了?[一两二三四]?番|(?:{_alt(tuple(w for w in _DIR_UP + _DIR_DOWN if len(w) >= 2))})了?)$")
#: a frame after the subject (收入在大规模减税降费的情况下下降1.7%, 粮食总产量在上年大幅度增长的基础上，又增产…)
_FRAME_ENDINGS = ("基础上", "情况下", "前提下", "条件下")
_FRAME_TAIL_RE = re.compile(r"(?:在[^，,；;。]{0,30}?|的)(?:基础上|情况下|前提下|条件下)$")
#: a clause of means or circumstance (经过各方面的努力，…): it never names the subject of the next clause
_MEANS_CLAUSE_RE = re.compile(r"(?:经过|通过|随着|由于|为了|按照|根据|依托|依靠|面对|围绕|如果|假如|只要)")
_LATIN_UNIT_RE = re.compile(r"[A-Za-z]{1,4}(?![A-Za-z0-9])")
_PAREN_RE = re.compile(r"[（(][^（()）]{0,10}[)）]")
_FOOTNOTE_RE = re.compile(r"[\[［]\d{1,2}[\]］]")
_DENOMINATOR_BEFORE = frozenset("每")
_LIST_JOIN = frozenset(["、", "和", "及", "与", "或", "，"])
_CLASS_BEFORE = re.compile(r"(?:水质|水体|保持|达到|优于|好于|劣于|稳定在)$")
_NEGATIVE_AFTER = re.compile(r"[\u4e00-\u9fff：:（(，,=\s]")
_RANGE_JOIN = frozenset(["—", "－", "-", "~", "～", "至", "到", "–", "——", "—-", "一"])
_CN_DIGIT_ONLY = frozenset(_CN_DIG)
_BARE_MAGNITUDE = frozenset("百千万亿")
_TEN_AND_UP = frozenset("十百千万亿")
#: nouns ending in 数 before a numeral (人数十万): 数 is no indefinite 数十/数百 there
_SHU_NOUNS = frozenset([
    "人数", "总数", "指数", "次数", "户数", "个数", "件数", "基数", "系数", "倍数", "分数", "参数", "位数", "台数",
    "家数", "票数", "条数", "项数", "岁数", "天数", "年数", "套数", "床数", "起数", "例数", "笔数", "页数", "字数",
    "份数", "场数", "函数", "常数", "变数", "整数", "余数", "多数", "少数", "半数", "无数", "级数", "度数",
])
_CONSECUTIVE = {("两", "三"), ("二", "三"), ("三", "四"), ("三", "五"), ("四", "五"), ("五", "六"),
                ("六", "七"), ("七", "八"), ("八", "九"), ("一", "两"), ("一", "二")}
_CHINESE_ONE_SKIP_KINDS = frozenset({"count"})
#: measure words that rank or classify after a Chinese numeral (二级, 三类, 二期, 三轮)
_CATEGORY_UNITS = frozenset(["级", "类", "期", "轮", "等"])
#: ratio separators (7.1:38.2:54.7, 1∶3.4)
_RATIO_SEPS = ":：∶"
#: a bare N.0 right after a name is a version (数字政府2.0); after these characters it is a value (为2.0, 达3.0)
_VERSION_RE = re.compile(r"[1-9][.．]0")
# Verbs after which N.0 is a measured change (上涨2.0), never a version number
_CHANGE_VERBS = tuple(_DIR_UP + _DIR_DOWN + _DIR_SAVE + _DIR_TO)
_COPULA_CHARS = "为是达至到约近超比占与和及或、"


@dataclass(slots=True)
class _Raw:
    """A quantity under construction (mutable, line-local)."""

    start: int
    end: int
    value: Decimal | str
    unit: str
    kind: str
    qualifier: str
    direction: str
    subject: str
    magnitude: int
    arabic: bool
    bare: bool  # no unit found


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _pre_qualifier(text: str, pos: int) -> tuple[str, int]:
    """Qualifier written before the number at ``pos`` (近/约/超过…) and where it starts."""
    if pos == 0:
        return "none", pos
    for word, q in _PRE_BY_LAST.get(text[pos - 1], ()):
        n = len(word)
        if pos >= n and text[pos - n:pos] == word:
            if q == "lower_bound_maybe":
                return "none", pos
            if word == "近" and pos >= 2 and text[pos - 2] in "最接将":
                return "approx", pos - 2 if text[pos - 2] != "最" else pos
            if word == "约" and pos >= 2 and text[pos - 2] in "签节制预合公条契邀相守履违解婚":
                return "none", pos
            if word == "超" and pos >= 2 and text[pos - 2] in "赶":
                return "none", pos
            return q, pos - n
    return "none", pos


#: what follows 一天/一日 in a phrase that measures no time: 一天天 / 一日日, 一天一天 / 一日千里 / 一日三餐,
#: 一天不解放 / 一天得不到 (as long as); not 一天不到 (less than a day)
_DAY_PHRASE_AFTER_RE = re.compile(rf"[天日{CN_NUMERAL_CHARS}]|得不|没|未|不(?![到足超满])|.{{0,3}}一[天日]")
_DAY_PHRASE_BEFORE = ("总有", "终有", "会有", "将有", "有朝", "复")


def _day_phrase(text: str, start: int, end: int) -> bool:
    """Whether 一天/一日 at ``text[start:end]`` is a set phrase (总有一天, 有朝一日, 一天比一天, 一日千里)."""
    if _DAY_PHRASE_AFTER_RE.match(text, end):
        return True
    before = text[max(0, start - 4):start]
    if before.endswith(_DAY_PHRASE_BEFORE) or "一天" in before or "一日" in before:
        return True  # (一天比一天 and 一天接着一天 both ways, 日复一日)
    # 有一天 at the start of a clause: "one day" (not 只有一天, 还有一天: a day left)
    return before.endswith("有") and (start < 2 or text[start - 2] in _BOUNDARY)


def _inside_quotes(text: str, pos: int) -> bool:
    lo = max(0, pos - 16)
    i = pos - 1
    while i >= lo:
        ch = text[i]
        if ch in "“「『‘":
            j = text.find("”", pos, pos + 16) if ch == "“" else -1
            if ch != "“":
                j = pos + 1
            return j >= 0
        if ch in "”」』’。，；":
            return False
        i -= 1
    return False


#: dictionary tags of the words that keep a leading 和/共/等… (nouns, names, distinguishing words)
LEAD_NOUN_TAGS = frozenset(["n", "nz", "nt", "ns", "b", "j"])
_lead_word_cache: frozenset[str] | None = None


def _lexicon_nouns() -> tuple[str, ...]:
    """The report lexicon's nouns (tags of LEAD_NOUN_TAGS), read once per process for the two tables below."""
    global _lexicon_noun_cache
    if _lexicon_noun_cache is None:
        from reportcli.text.dictionary import load_lexicon

        try:
            entries = load_lexicon()
        except OSError:
            entries = []
        _lexicon_noun_cache = tuple(e.word for e in entries if e.tag in LEAD_NOUN_TAGS and " " not in e.word)
    return _lexicon_noun_cache


_lexicon_noun_cache: tuple[str, ...] | None = None


def _lead_words() -> frozenset[str]:
    """Words that begin with a lead-strip word but are nouns (和美乡村, 共济, 并购重组): the report lexicon's
    terms and jieba's dictionary nouns (``data/lead_nouns.txt``, built by scripts/build_lead_nouns.py);
    read once per process."""
    global _lead_word_cache
    if _lead_word_cache is not None:
        return _lead_word_cache
    from reportcli.text.dictionary import lexicon_path

    firsts = tuple(w for w in LEAD_STRIP if len(w) == 1) + tuple(DISPOSAL_CHARS)
    words: set[str] = set(_LEAD_KEEP)
    words.update(w for w in _lexicon_nouns() if w.startswith(firsts))
    try:
        nouns = (lexicon_path().parent / "lead_nouns.txt").read_text(encoding="utf-8")
        words.update(w for w in nouns.split("\n") if w and not w.startswith("#"))
    except OSError:
        pass
    _lead_word_cache = frozenset(w for w in words if len(w) >= 2)
    return _lead_word_cache


_verb_noun_cache: dict[str, tuple[tuple[int, int, frozenset[str]], ...]] | None = None


def _verb_nouns() -> dict[str, tuple[tuple[int, int, frozenset[str]], ...]]:
    """The report lexicon's nouns that contain one of the subject verbs (转移支付, 研发投入强度, 职业技能培训), by
    verb: (characters before the verb, characters after it, the nouns); read once per process."""
    global _verb_noun_cache
    if _verb_noun_cache is not None:
        return _verb_noun_cache
    table: dict[str, dict[tuple[int, int], set[str]]] = {}
    for term in (w for w in _lexicon_nouns() if len(w) >= 3):
        for m in _VERB_RE.finditer(term):
            # a verb that begins a term takes the rest as its object (办理人大代表建议) unless the rest is one short
            # word (转移支付, 融资平台)
            if len(m.group()) >= 2 and (m.start() > 0 or len(term) - m.end() <= 2):
                table.setdefault(m.group(), {}).setdefault((m.start(), len(term) - m.end()), set()).add(term)
    _verb_noun_cache = {verb: tuple((a, b, frozenset(ts)) for (a, b), ts in spans.items())
                        for verb, spans in table.items()}
    return _verb_noun_cache


def _in_noun(region: str, start: int, end: int) -> bool:
    """Whether the verb at ``region[start:end]`` is part of a lexicon noun there (中央转移支付, 研发投入强度)."""
    spans = _verb_nouns().get(region[start:end])
    if spans:
        n = len(region)
        for before, after, terms in spans:
            if start >= before and end + after <= n and region[start - before:end + after] in terms:
                return True
    return False


def _strip_lead(region: str) -> str:
    """Drop conjunctions and adverbs before a subject (和主任会议, 共召开, 全年), one word at a time, but not
    the first character of a word (和美乡村覆盖率, 共济金额, 等级民宿)."""
    while True:
        if region.startswith(_LEAD_KEEP):
            return region
        m = _LEAD_ONE_RE.match(region)
        if m is None:
            return region
        if m.end() == 1 and len(region) > 2:
            words = _lead_words()
            if any(region[:k] in words for k in range(min(len(region), 8), 1, -1)):
                return region
        region = region[m.end():]


def _quoted_spans(region: str) -> list[tuple[int, int]]:
    """(open, close) offsets of the “…” quotations in ``region``."""
    spans = []
    at = region.find("“")
    while at >= 0:
        close = region.find("”", at + 1)
        if close < 0:
            break
        spans.append((at, close))
        at = region.find("“", close + 1)
    return spans


def _strip_tail(region: str) -> str:
    """Drop adverbs, time adverbials and function words left at the end of a subject."""
    for _ in range(3):
        stripped = region
        if stripped[-1:] in _ADVERB_TAIL_LAST:
            stripped = _ADVERB_TAIL_RE.sub("", stripped)
        if stripped[-1:] in _TEMPORAL_TAIL_LAST:
            stripped = _TEMPORAL_TAIL_RE.sub("", stripped)
        if stripped[-1:] in _TRAIL_LAST:
            stripped = _TRAIL_RE.sub("", stripped)
        if stripped == region:
            break
        region = stripped
    return region


def _before_change(text: str, left: int) -> bool:
    """Whether the number at ``left`` is changed (研发投入[增长]8%) or is where a change starts (由[380元]提高到)."""
    return _CHANGE_HEAD_RE.match(text, left) is not None or _FROM_RE.search(text, max(0, left - 8), left) is not None


def _split_at_numbers(region: str) -> list[str]:
    """``region`` cut at its quantities (what is left of a clause part once its numbers are gone); numbers
    inside a quoted name (“三类500强”项目, “4+4科创工程”) or naming a ranking list (世界500强企业) are part of the
    name and cut nothing."""
    quoted = _quoted_spans(region) if "“" in region else []
    if not quoted and "强" not in region:
        return _AFTER_NUMBER_RE.split(region)
    parts = []
    at = 0
    for m in _AFTER_NUMBER_RE.finditer(region):
        if any(a < m.start() < b for a, b in quoted) or region.startswith("强", m.end()):
            continue  # (世界500强企业: a ranking list names the noun)
        parts.append(region[at:m.start()])
        at = m.end()
    parts.append(region[at:])
    return parts


def _joins_name(text: str, k: int, left: int) -> bool:
    """Whether the 、 at ``k`` joins parts of one name (计算机、通信和其他电子设备制造业增长32.1%)
    rather than separating list items that have quantities of their own."""
    j = k
    lo = max(0, k - 12)
    while j > lo and text[j - 1] not in _BOUNDARY:
        j -= 1
    item = text[j:k]
    if not item or (j > 0 and text[j - 1] not in "，,；;：:。、") or (j == lo and j > 0):
        return False
    if _NUMERAL_RE.search(item) or _VERB_RE.search(item):
        return False
    after = text[k + 1:left]
    if len(_TRAIL_RE.sub("", after)) < 2 or _HAS_DIGIT_RE.search(after) or _VERB_RE.search(after[:2]):
        return False
    # the item must be a bare noun: no 分别 list here (that has its own reading), no clause words
    return "分别" not in text[left - 2:left + 4] and not any(w in item for w in ("的", "是", "和", "了"))


def _subject_before(text: str, left: int, depth: int = 0) -> str:
    """The noun phrase that ends at ``left``: from the clause start, after the last verb."""
    if left > 1 and text[left - 1] in "）)":
        # 特殊教育学生（含…2603人和…575人）4943人: the subject stands before the parenthesis
        j = text.rfind("（" if text[left - 1] == "）" else "(", max(0, left - 40), left - 1)
        if j > 0 and _HAS_DIGIT_RE.search(text, j, left):
            return _subject_before(text, j, depth)
    i = left
    lo = max(0, left - 40)
    while i > lo:
        ch = text[i - 1]
        if ch in "）)”":
            j = text.rfind({"）": "（", ")": "(", "”": "“"}[ch], max(lo, i - 14), i - 1)
            if j >= 0 and (ch != "”" or left - i <= 8):
                i = j
                continue
        if ch == "、" and i - 1 > lo and _joins_name(text, i - 1, left):
            i -= 1
            continue
        if ch in _BOUNDARY:
            break
        i -= 1
    region = text[i:left]
    if "[" in region or "［" in region:
        region = _FOOTNOTE_RE.sub("", region)
    if "（" in region or "(" in region:
        region = _PAREN_RE.sub("", region)
    region = region.strip(_SPACES)
    if _COMPARE_RE.match(region):
        return ""  # 高于一九五三年至…的水平: a comparison base
    if region.endswith(_FRAME_ENDINGS[1:]):
        # a circumstance (在对美贸易下降超3成的情况下) goes before its numbers cut the region; a base (在1959年
        # 粮食总产量的基础上) names what grows, so only its frame words go, below
        region = _FRAME_TAIL_RE.sub("", region)
    if _HAS_DIGIT_RE.search(region):
        parts = [_strip_tail(_TRAIL_RE.sub("", p.rstrip("在于的，、 "))) for p in _split_at_numbers(region)]
        parts = ["" if _EMPTY_PART_RE.match(p) else _MODAL_LEAD_RE.sub("", p) for p in parts]
        region = parts[-1]
        if not region:
            # 工业总产值一九七七年比一九七六年增长: skip the comparison base back to the subject
            for part in reversed(parts[:-1]):
                head = _DIR_TAIL_RE.sub("", part.lstrip("的而又也并").rstrip("的"))
                if head and head[0] not in "比较" and not _EMPTY_PART_RE.match(head):
                    region = part
                    break
    region = _strip_tail(region)
    region = _METHOD_RE.sub("", region)
    if region.endswith(_FRAME_ENDINGS):
        region = _strip_tail(_FRAME_TAIL_RE.sub("", region))
    if _METHOD_TAIL_RE.search(region):
        region = _METHOD_TAIL_RE.sub("", region)
        if depth:
            return ""
    if region.endswith(("”", "时期", "期间", "末", "初")) and "“" in region:
        bm = _QUOTED_BASE_RE.search(region)
        if bm is not None and bm.start() >= 2:
            region = _TRAIL_RE.sub("", region[:bm.start()])  # 事故起数较“十三五”时期(下降): a base named in quotes
    if region[-1:] in ("比", "较") and not region.endswith(("占比", "对比", "相比")):
        # 产量都比(一九六三年)增长: drop the comparison word; 预计比 leaves nothing worth keeping
        region = _TRAIL_RE.sub("", region[:-1])
        if len(region) <= 2:
            return ""
    if region in _SCOPE_WORDS:
        region = ""  # 农民的纯收入，全国平均每人达到…: a scope is no subject, the clause before may have one
    if not region and depth == 0 and i > 0 and text[i - 1] in "，," and text[i:left].strip(_SPACES):
        # 新建和修复的铁路，就有3108公里: only function words here, the subject ends the clause before
        # (when that clause has a quantity of its own, the caller falls back to its subject instead)
        k = i - 1
        while k > 0 and text[k - 1] not in _BOUNDARY:
            k -= 1
        if not _NUMERAL_RE.search(_YEAR_RE.sub("", text[k:i - 1])) and not _MEANS_CLAUSE_RE.match(text, k):
            return _subject_before(text, i - 1, 1)
    if not region and depth == 0 and i > 0 and text[i - 1] == "、" and not text[i:left].strip(_SPACES):
        # 水利建设投资翻番、达2734亿元: a second predicate of the part before, whose subject it shares (that part
        # has no number of its own: 总里程达8667公里、居全国前列 keeps the subject of its quantity)
        k = i - 1
        while k > 0 and text[k - 1] not in _BOUNDARY:
            k -= 1
        part = text[k:i - 1]
        if part and not _NUMERAL_RE.search(_YEAR_RE.sub("", part)) and not _MEANS_CLAUSE_RE.match(part):
            head = _PREDICATE_TAIL_RE.sub("", part)
            if head and head != part:
                return _subject_before(text, k + len(head), 1)
    if not region or region[0] in "比较" or region.startswith(("同上年", "同比")) or _COMPARE_RE.match(region):
        return ""  # 比一九五二年的…: the comparison base, not the subject
    for _ in range(2):
        best = None
        quoted = _quoted_spans(region)
        verb_end = -1
        for m in _VERB_RE.finditer(region):
            after_verb, verb_end = verb_end == m.start(), m.end()
            if any(a < m.start() < b for a, b in quoted):
                continue  # “企业认定、政府认账”授权企业: a verb inside a quoted name does not end the subject
            if _in_noun(region, m.start(), m.end()):
                continue  # 中央转移支付, 研发投入强度: a verb inside a noun of the lexicon does not end the subject
            rest = region[m.end():]
            if rest and len(m.group()) == 1 and m.group() != "占":
                continue  # 达标率, 为民: a one-character verb only counts right before the number
            if len(rest) >= 2:
                if rest and ((rest[0] in _NOMINAL_SUFFIX or rest.startswith(("投资", "资金")))
                             and m.group() in ("建设", "种植", "治理", "覆盖") or rest[0] == "业" and m.group() == "种植"):
                    continue
                if rest in _RATE_HEADS:
                    continue  # 财政补助标准, 研发投入强度: the verb names what the rate or standard is of
                if rest in _MEASURE_HEADS and m.group() not in _STAT_VERBS and m.group() not in _ATTRIBUTIVE_VERBS:
                    continue  # 金融工具投放金额, 培训人数: the verb names what the amount or number is of
                if rest.startswith(_PROGRAM_HEADS) and (rest in _PROGRAM_HEADS or m.group() in _PROGRAM_VERBS) \
                        and m.start() > 0 and not after_verb and m.group() not in _STAT_VERBS \
                        and _is_cjk(region[m.start() - 1]) and region[m.start() - 1] not in "和及与":
                    continue  # 国家培养计划, 省重点建设项目: a noun before the verb, a programme after it: a name
                best = m
            elif not rest and m.start() >= 2 and region[m.start() - 1] not in "和及与、" \
                    and not (m.group() not in _STAT_VERBS and _before_change(text, left)):
                # (not 减税降费及退税: a verb listed with nouns; nor 财政科技投入再翻一番: a change follows, so
                # what comes before it is the statistic that changes)
                best = m
        if best is None:
            break
        rest = region[best.end():]
        if best.group() == "占" and rest.endswith(_SHARE_ENDINGS) and best.start() >= 2:
            break  # 工业增加值占地区生产总值比重: the share is named by the whole phrase
        if best.group() in _ATTRIBUTIVE_VERBS and rest:
            # 城镇新增就业 / 新增就业: the verb is part of the statistic's name
            head = _MODAL_LEAD_RE.sub("", _strip_lead(region[:best.start()]))
            verbs_in_head = list(_VERB_RE.finditer(head))
            if verbs_in_head:
                head = head[verbs_in_head[-1].end():]
            if len(rest) <= 2 or (head and head not in _SCOPE_WORDS and not _VERB_RE.search(head)
                                  and not _HAS_DIGIT_RE.search(head)):
                region = (head if head not in _SCOPE_WORDS else "") + region[best.start():]
                break
        if best.group() in _STAT_VERBS and rest and rest[0] != "的" \
                and (rest[-1] in _NOMINAL_SUFFIX or rest.endswith(_STAT_ENDINGS)):
            # 批发和零售业实现增加值17.3亿元: the statistic is the subject's (批发和零售业增加值); not after a
            # time, a modal or an adverb (到本世纪末实现…, 力争完成…, 首次实现…)
            head = _strip_tail(_strip_lead(region[:best.start()]))
            if len(head) >= 2 and head not in _SCOPE_WORDS and not _VERB_RE.search(head) \
                    and not _HAS_DIGIT_RE.search(head) and not _STAT_HEAD_STOP_RE.search(head):
                region = head + rest
                break
        if rest:
            region = rest
            break
        # subject, verb, number: 授权点分别新增26个
        region = _TRAIL_RE.sub("", region[:best.start()])
    region = _strip_lead(region.lstrip(_LEAD_PUNCT))
    if region[:1] in _DISPOSAL_FIRSTS:
        disposal = _DISPOSAL_RE.match(region)
        # not the first character of a word (把脉, 使馆区): the same dictionary check as _strip_lead's
        at = disposal.end() - 1 if disposal else 0
        if disposal and not any(region[at:at + k] in _lead_words() for k in range(2, 8)):
            region = region[disposal.end():]
    region = _TRAIL_RE.sub("", region)
    if len(region) > 3 and region[-1] == "的" and region[-2] != "目":
        region = region[:-1]  # 占公司总数的(百分之二十四点五)
    if region in _SCOPE_WORDS or region in _NO_SUBJECT_WORDS:
        return ""
    return region[-24:]


def _conj_cuts(item: str) -> list[tuple[int, int]]:
    """Spans of the conjunctions (和, 及, 与, 以及) that join two list items inside ``item``."""
    cuts = []
    for m in _CONJ_RE.finditer(item):
        a, b = m.span()
        if a == 0 or b >= len(item):
            continue
        if m.group() != "以及" and (item[a - 1:b] in _CONJ_WORDS or item[a:b + 1] in _CONJ_WORDS):
            continue
        cuts.append((a, b))
    return cuts


def _list_items(head: str, n: int) -> list[str]:
    """The ``n`` items of the list ``head`` before 分别, or [] when it does not have ``n`` of them.

    Items are cut at 、 first (批发和零售业、住宿和餐饮业 are two items), then at the last conjunction of the last
    item (工业、农业和服务业; 事故起数和死亡人数), never inside a word (自来水普及率)."""
    parts = [p for p in head.split("、") if p]
    if len(parts) == n:
        return parts
    if len(parts) == n - 1 and parts:
        cuts = _conj_cuts(parts[-1])
        if cuts:
            a, b = cuts[-1]
            items = [*parts[:-1], parts[-1][:a], parts[-1][b:]]
            # with no 、 the first item must name a statistic of its own (事故起数和死亡人数), not share the last
            # item's (城镇和农村居民人均可支配收入 is left whole)
            if len(parts) > 1 or items[0][-1] in _NOMINAL_SUFFIX or items[0].endswith(_STAT_ENDINGS + _HEAD_ENDINGS):
                return items
    if "、" in head:
        items = []
        for p in parts:
            at = 0
            for a, b in _conj_cuts(p):
                items.append(p[at:a])
                at = b
            items.append(p[at:])
        if len(items) == n and all(items):
            return items
    return []


def _complete_elided(items: list[str]) -> list[str]:
    """第二、三产业 names 第二产业 and 第三产业: numeral items before the last share its noun (and 第)."""
    last = _NUM_ITEM_RE.match(items[-1])
    if last is None or not last.group("noun"):
        return items
    heads = [_NUM_ITEM_RE.match(t) for t in items[:-1]]
    if not all(h is not None and not h.group("noun") for h in heads):
        return items
    di = "第" if any(h is not None and h.group("di") for h in heads) else ""
    noun = last.group("noun")
    return [(di or (h.group("di") if h else "")) + (h.group("n") if h else "") + noun for h in heads] + [
        (di or last.group("di")) + last.group("n") + noun]


def _subject_after(text: str, pos: int, kind: str) -> str:
    """The noun that follows a classifier phrase (7项履职工作经验, 吸引63.3万人次收听收看…)."""
    n = len(text)
    if pos >= n:
        return ""
    m = _STACK_RE.match(text, pos) or _RANGE_END_RE.match(text, pos)
    if m:
        pos = m.end()
    if pos < n and text[pos] == "的" and kind in ("percent",):
        pos += 1
    if pos >= n:
        return ""
    ch = text[pos]
    if ch in "至到～~—－" and pos + 1 < n and (text[pos + 1] in CN_NUMERAL_CHARS or text[pos + 1].isdigit()):
        return ""  # (百分之十到二十左右: the other end of a range, no noun)
    if _TERM_PLAN_RE.match(text, pos):
        pass  # 三个五年计划, 3个三年行动: a plan named by its length is what is counted
    elif not (_is_cjk(ch) or ch in "“\"") or text.startswith(("左右", "上下"), pos):
        return ""  # (左右/上下 qualify a number, they never name what it counts)
    elif ch in CN_NUMERAL_CHARS and ch not in "万亿零":
        return ""
    end = pos
    limit = min(n, pos + 20)
    quoted = False
    while end < limit:
        c = text[end]
        if c in "（(" and end > pos:
            # 11个市（州）分岛 / 70个县（市、特区）: a short gloss belongs to the noun
            close = text.find("）" if c == "（" else ")", end + 1, end + 10)
            if close > 0 and not _HAS_DIGIT_RE.search(text, end + 1, close):
                end = close + 1
                if _VERB_RE.match(text, end) or text.startswith(("对", "与", "和", "在", "的"), end):
                    break  # 16个县（市、区）实施…: the gloss ends the noun
                limit = min(n, max(limit, end + 6))
                continue
        if c in "“\"":
            quoted = True
        elif c == "”":
            quoted = False
        elif c in _BOUNDARY or c in _SPACES:
            break
        end += 1
    run = text[pos:end]
    verb = _CHANGE_VERB_RE.search(run)
    if verb is not None:
        run = run[:verb.start()]  # 15家跃升到38家: a change verb ends the noun
    stop = _POST_STOP_RE.search(run)
    while stop is not None and (stop.start() > 0 and run[stop.start() - 1] == "新"
                                or stop.start() == 0 and run.startswith(_ATTRIBUTIVE_ZAI)):
        # 计划新开工项目: 新开工 is an attribute; 42个在建项目: so is 在建
        stop = _POST_STOP_RE.search(run, stop.end())
    if stop is not None and not quoted:
        run = run[:stop.start()]
    elif stop is not None:
        run = run[:stop.start()]
    if run.startswith("“") and "”" not in run:
        run = run[1:]
        pos += 1
    sm = _INNER_NUMBER_RE.search(run, 2) if len(run) > 3 and _ANY_DIGIT_RE.search(run, 2) else None
    if sm is not None and run.count("“", 0, sm.start()) == run.count("”", 0, sm.start()):
        # 15所高职院校21个专业群, 64个县市新增城镇常住人口30.5万人: the next number counts or measures a noun of
        # its own; what the first counts ends before it, and before a verb or a rank
        if run[:sm.start()] in UNIT_KIND:  # 8个方面90项措施: stacked counts share the noun after the last
            return _subject_after(text, pos + sm.end(), kind)
        run = _noun_before_number(run[:sm.start()])
    return run if len(run) >= 1 and not (len(run) == 1 and run in "和与及或") else ""


def _noun_before_number(prefix: str) -> str:
    """The noun a count names when another number follows it in the same run: cut before the first verb that
    takes an object (县市[新增]城镇常住人口), then drop ranks, qualifiers and adverbs left at the end."""
    for m in _VERB_RE.finditer(prefix):
        if len(m.group()) >= 2 and m.start() >= 1 and prefix[m.start() - 1] != "新" \
                and not prefix.startswith(_PROGRAM_HEADS + tuple(_MEASURE_HEADS), m.end()) \
                and not _in_noun(prefix, m.start(), m.end()):
            prefix = prefix[:m.start()]  # (not 产业转移项目: a verb before a programme names it)
            break
    for change in _CHANGE_HEAD_RE.finditer(prefix, 1):
        if prefix[change.end():change.end() + 1] not in _NOMINAL_SUFFIX:  # (not 预增产值)
            prefix = prefix[:change.start()]
            break
    prefix = _strip_tail(_STACK_TAIL_RE.sub("", prefix)).rstrip("并而和及与、的") if prefix else ""
    if prefix in _VERB_SET or (len(prefix) == 2 and prefix[1] in "好完"):
        return ""  # (5方面提出了28个主要指标, 办好40件实事: a bare verb names nothing)
    return prefix


class _LineExtractor:
    """Reads one text (usually one line) and collects its quantities."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.raws: list[_Raw] = []
        self._slogan_spans: list[tuple[int, int]] | None = None

    def _inside_slogan(self, position: int) -> bool:
        """Whether a listed slogan or name (铁人三项, 一府一委两院) covers ``position``."""
        if self._slogan_spans is None:
            self._slogan_spans = [m.span() for m in _SLOGAN_RE.finditer(self.text)]
        return any(a < position < b for a, b in self._slogan_spans)

    # -- the number core -------------------------------------------------------------------------
    def run(self) -> list[Quantity]:
        text = self.text
        for m in MASTER_RE.finditer(text):
            if self.raws and m.start() < self.raws[-1].end:
                continue
            g = m.lastgroup
            if g == "fann" or m.group("fan"):
                self._fan(m)
            elif m.group("date") is not None:
                self._iso_date(m)
            elif m.group("frac") is not None:
                self._fraction(m)
            elif m.group("afrac") is not None:
                self._arabic_fraction(m)
            elif m.group("pct") is not None:
                self._number(m.start(), m.start("pnum"), m.end("pnum"), arabic=m.group("pnum")[0].isdigit(),
                             percent_prefix=True)
            elif m.group("ar") is not None:
                self._number(m.start(), m.start(), m.end(), arabic=True)
            else:
                self._number(m.start(), m.start(), m.end(), arabic=False)
        return self._finish()

    def _fan(self, m: re.Match[str]) -> None:
        times = CN_DIGITS.get(m.group("fann"), 1)
        value = Decimal(2) ** times
        self.raws.append(_Raw(m.start(), m.end(), value, "倍", "change", "none", "up", "", 1, False, False))

    def _iso_date(self, m: re.Match[str]) -> None:
        y, mo, d = int(m.group("date")), int(m.group("dm")), int(m.group("dd"))
        if not (1 <= mo <= 12 and 1 <= d <= 31):
            return
        self.raws.append(_Raw(m.start(), m.end(), f"{y:04d}-{mo:02d}-{d:02d}", "", "date", "none", "", "",
                              1, True, False))

    def _number(self, start: int, ns: int, ne: int, *, arabic: bool, percent_prefix: bool = False) -> None:
        text = self.text
        n = len(text)
        num = text[ns:ne]
        prev = text[start - 1] if start > 0 else "\0"
        nxt = text[ne] if ne < n else "\0"
        negative = False
        if arabic:
            if prev and (prev.isascii() and prev.isalpha() or prev in "#№_"):
                return
            if prev in ".．" and start >= 2 and text[start - 2].isdigit():
                return
            if nxt and nxt.isascii() and nxt.isalpha():
                um = UNIT_RE.match(text, ne)
                if not um or not _ASCII_LETTER.match(um.group()) or (um.end() < n and text[um.end()].isalpha()
                                                                      and text[um.end()].isascii()):
                    return
            if nxt == "+" or prev == "+":
                return
            if prev in "[［" and nxt in "]］":
                return
            if prev in "(（" and nxt in ")）":
                return
            if nxt in ".．、" and not text[:start].strip(_SPACES):
                return  # list enumerator at line start
            if prev in "-−－" and start >= 2 and _NEGATIVE_AFTER.match(text[start - 2]):
                # 增长-3.2%, 为-5: a sign; 4.5%-5% (a range), a dash at line start (a list item): not
                negative = True
        else:
            # a Chinese numeral run: reject ordinary words and patterned names early
            if num[-1] == "千" and len(num) > 1:
                um = UNIT_RE.match(text, ne - 1)
                if um and um.group() in MAGNITUDE_LED_UNITS:
                    ne -= 1
                    num = num[:-1]
                    nxt = text[ne] if ne < n else "\0"
            if prev == "几" or (prev == "数" and num[0] in _TEN_AND_UP and text[start - 2:start] not in _SHU_NOUNS):
                return  # 几十年, 数十个国家, 好几十万人, 一百几十亿元: an indefinite numeral has no value
            if all(ch in _BARE_MAGNITUDE for ch in num):
                # 千万工程, 万名干部, 百姓, 千方百计: only money thresholds such as 超千亿元 / 亿元以上 count
                if not (percent_prefix or self._bare_money(start, ne)):
                    return
            if start >= 2 and text[start - 2] in _CN_DIGIT_ONLY and _is_cjk(text[start - 1]) \
                    and text[start - 1] not in _CN and text[start - 1] not in "至到" and not percent_prefix \
                    and text[start - 2:start] != "一个":
                return  # 一法两条例, 一府一委两院
            if not percent_prefix and (_SLOGAN_RE.match(text, start) or self._inside_slogan(start)):
                return
            if len(num) == 2 and (num[0], num[1]) in _CONSECUTIVE and nxt != "年":
                self._approx_pair(start, ne, num)
                return
            if 2 <= len(num) <= 3 and all(ch in _CN_DIGIT_ONLY for ch in num):
                return  # 一一列举, 一二: digit strings shorter than a year are not numbers
        value = parse_decimal(num)
        if value is None:
            return
        if negative:
            value = -value
            start -= 1
        if percent_prefix:
            self._percent_prefixed(start, ne, value, arabic)
            return
        self._tail(start, ne, value, arabic, num)

    def _bare_money(self, start: int, ne: int) -> bool:
        text = self.text
        more = ne < len(text) and text[ne] in "余多"
        um = UNIT_RE.match(text, ne + 1 if more else ne)
        if not um:
            return False
        if start > 0 and text[start - 1] in _DENOMINATOR_BEFORE:
            return False
        q, _ = _pre_qualifier(text, start)
        if more:
            q = "lower_bound"  # 千余人次, 百余场: 余/多 makes the bare magnitude a quantity
        if UNIT_KIND.get(um.group()) != "money":
            return q != "none" and UNIT_KIND.get(um.group()) in ("count", "measure")  # 突破千万台, 近百人
        after = text[um.end():um.end() + 3]
        return q != "none" or after.startswith(("以上", "以下", "及以上", "级"))

    def _approx_pair(self, start: int, end: int, num: str) -> None:
        text = self.text
        um = UNIT_RE.match(text, end)
        if not um:
            return
        unit = um.group()
        if unit in _CATEGORY_UNITS or text[um.end():um.end() + 1] in UNIT_BLOCKERS.get(unit, "\0"):
            return  # 二三级支流, 三四类水质, 三四轮车: grades, classes and kinds of thing, not a range of counts
        kind = UNIT_KIND.get(unit, "measure")
        if kind == "time":
            kind = "duration"
        elif kind == "percent":
            kind = "percent"
        for ch in num:
            self.raws.append(_Raw(start, um.end(), Decimal(CN_DIGITS[ch]), UNIT_NORMAL.get(unit, unit), kind,
                                  "range", "", "", 1, False, False))

    def _fraction(self, m: re.Match[str]) -> None:
        """三分之一 -> 33.33 %, 千分之五 -> 5 ‰; 四分之一世纪 (a span of time) is not a share."""
        den, num = parse_decimal(m.group("fden")), parse_decimal(m.group("fnum"))
        if not den or num is None or num > den * 100:
            return
        um = UNIT_RE.match(self.text, m.end())
        if um is not None and UNIT_KIND.get(um.group()) == "time":
            return
        if den == 1000:
            value, unit = num, "‰"
        else:
            value, unit = num * 100 / den, "%"
        self._percent_prefixed(m.start(), m.end(), value, False, unit=unit)

    def _arabic_fraction(self, m: re.Match[str]) -> None:
        """占全国1/4 -> 25 %; a numerator not below the denominator (24/7) is no share."""
        num, den = int(m.group("afn")), int(m.group("afd"))
        if num >= den or UNIT_RE.match(self.text, m.end()):
            return
        self._percent_prefixed(m.start(), m.end(), Decimal(num * 100) / Decimal(den), True)

    def _percent_prefixed(self, start: int, ne: int, value: Decimal, arabic: bool, *, unit: str = "%") -> None:
        text = self.text
        end = ne
        qualifier, qstart = _pre_qualifier(text, start)
        post_q = "none"
        for word, q in _POST_QUALIFIERS:
            if text.startswith(word, end) and word != "多":
                post_q = q
                break
        if post_q != "none":
            qualifier = post_q if qualifier == "none" else qualifier
        if text.startswith("地", end) or text.startswith("的把握", end):
            return  # 百分之百地 (adverb)
        direction, dstart = self._direction(qstart)
        kind = "change" if direction in ("up", "down") or (direction == "to" and self._change_to) else "percent"
        rm = _CN_RANGE_TAIL_RE.match(text, end) if post_q == "none" and unit == "%" else None
        if rm is not None and not text.startswith("百分之", rm.start("n")):
            # 百分之四到五: the second end shares 百分之
            second = parse_decimal(rm.group("n"))
            after = text[rm.end():rm.end() + 1]
            if second is not None and second > value and not (after and (UNIT_RE.match(after) or after in _CN)):
                self.raws.append(_Raw(start, end, value, unit, kind, "range", direction, "", 1, arabic, False))
                self.raws.append(_Raw(rm.start("n"), rm.end(), second, unit, kind, "range", direction, "", 1,
                                      arabic, False))
                self._left = dstart
                return
        self.raws.append(_Raw(start, end, value, unit, kind, qualifier, direction, "", 1, arabic, False))
        self._post_end = end + (2 if post_q != "none" else 0)
        self._left = dstart

    _change_to = False
    _dir_word = ""  # the up/down verb the last _direction call found (提升, 节约)
    _post_end = 0
    _left = 0

    def _direction(self, pos: int) -> tuple[str, int]:
        text = self.text
        window = text[max(0, pos - 8):pos]
        self._change_to = False
        self._dir_word = ""
        if not window or window[-1] not in _DIR_LAST:
            return "", pos
        m = _DIR_RE.search(window)
        if m is None:
            return "", pos
        word_start = pos - (len(window) - m.start())
        if m.group("to"):
            if m.group("to") == "至" and (m.start() == 0 or not _is_cjk(window[m.start() - 1])
                                          or window[m.start() - 1] in _CN):
                return "", pos  # 三至五个 is a range, not 提高至
            self._change_to = m.group("to") in _CHANGE_TO
            return "to", word_start
        if m.group("up"):
            w = m.group("up")
            if w == "增" and m.start() > 0 and window[m.start() - 1] in "新净":
                return "", pos
            if len(w) == 1 and w not in ("增", "涨", "升"):
                # single characters such as 多/快/低 only count right before the number (多3个)
                return "", pos
            # 增加值/增长率 are nouns, not verbs
            self._dir_word = w
            return "up", word_start
        w = m.group("down")
        if len(w) == 1 and w not in ("降", "减"):
            return "", pos
        self._dir_word = w
        return "down", word_start

    def _counts_object(self, pos: int) -> bool:
        """Whether a noun right after the quantity ending at ``pos`` is what the number counts (提升[100所]学校)."""
        text = self.text
        if pos >= len(text) or not _is_cjk(text[pos]) or text.startswith(_RANK_NOUNS, pos):
            return False
        run = _subject_after(text, pos, "count")
        return bool(run) and run not in _LEVEL_NOUNS

    # -- magnitude, 余/多, unit, qualifiers --------------------------------------------------------
    def _tail(self, start: int, ne: int, value: Decimal, arabic: bool, num: str) -> None:
        text = self.text
        n = len(text)
        pos = ne
        qualifier = "none"
        mult = 1
        if pos < n and text[pos] == "几":
            # 十几个, 二十几年, 一百一十几万人: 几 after the tens reads like 多 (more than the number written);
            # anywhere else (一百几十亿元, 20几) the number is indefinite
            if arabic or num[-1] != "十" or (start > 0 and text[start - 1] == "第") or not (pos + 1 < n and (text[pos + 1] in MAGNITUDES
                                                                 or UNIT_RE.match(text, pos + 1))):
                return
            qualifier = "lower_bound"
            pos += 1
        elif pos < n and text[pos] in "余多" and pos + 1 < n and (text[pos + 1] in MAGNITUDES
                                                              or UNIT_RE.match(text, pos + 1)):
            qualifier = "lower_bound"
            pos += 1
        while pos < n and text[pos] in MAGNITUDES:
            if text[pos] in "千百十":
                um = UNIT_RE.match(text, pos)
                if um and um.group() in MAGNITUDE_LED_UNITS:
                    break
                if not arabic:
                    break
            mult *= MAGNITUDES[text[pos]]
            pos += 1
        # 1千多万, 3百余万: 余/多 between two magnitudes
        if qualifier == "none" and arabic and mult > 1 and pos + 1 < n and text[pos] in "余多" \
                and text[pos + 1] in "万亿" and MAGNITUDES[text[pos + 1]] > mult:
            qualifier = "lower_bound"
            pos += 1
            while pos < n and text[pos] in "万亿":
                mult *= MAGNITUDES[text[pos]]
                pos += 1
        written_mult = mult  # the magnitude as written, before a second group folds it into the value
        # a second group after 亿 counts in 万: 四亿零七百多万 = 4亿 + 700万, 12亿5千万, 1亿3千多万
        if not arabic and mult == 10_000 and "亿" in num[:-1]:
            head, _, rest = num.rpartition("亿")
            head_value, rest_value = parse_decimal(head + "亿"), parse_decimal(rest.lstrip("零〇○"))
            if head_value is not None and rest_value is not None:
                value, mult = head_value + rest_value * 10_000, 1
        elif arabic and mult == 100_000_000 and pos < n and text[pos].isdigit():
            second = _SECOND_GROUP_RE.match(text, pos)
            if second is not None:
                part = parse_decimal(second.group("n"))
                if part is not None:
                    value = value * mult + part * 10_000 * (1000 if second.group("k") else 1)
                    mult = 1
                    if second.group("q"):
                        qualifier = "lower_bound"
                    pos = second.end()
        elif arabic and mult == 10_000 and value == value.to_integral_value() \
                and (sub := _SUB_GROUP_RE.match(text, pos)) is not None \
                and not ((lead := UNIT_RE.match(text, sub.start("k"))) and lead.group() in MAGNITUDE_LED_UNITS):
            # 2万5千公里, 1万6千多户: a thousands group after 万 (not 5千米, where 千 leads the unit)
            value = value * mult + int(sub.group("n")) * MAGNITUDES[sub.group("k")]
            mult = 1
            pos = sub.end()
        if qualifier == "none" and pos < n and text[pos] in "余多" and pos > ne:
            if pos + 1 < n and UNIT_RE.match(text, pos + 1):
                qualifier = "lower_bound"
                pos += 1
            elif arabic and written_mult >= 10_000:
                qualifier = "lower_bound"  # 14亿多中国人: 多 after a magnitude with no measure word
                pos += 1
        upos = pos
        while upos < n and text[upos] in _SPACES and upos - pos < 2:
            upos += 1
        um = UNIT_RE.match(text, upos)
        if um is None and arabic and pos > ne and upos == pos:
            um = _LATIN_UNIT_RE.match(text, pos)
        unit = ""
        if um is not None:
            unit = um.group()
            if upos > pos and unit not in ("%", "％", "‰"):
                um = None
                unit = ""
        if um is not None:
            uend = um.end()
            after = text[uend] if uend < n else ""
            if after and after in UNIT_BLOCKERS.get(unit, ""):
                # 110万人年度任务: 人年 is blocked by 度, the shorter unit 人 is not
                short = unit[:-1]
                while short and not (short in UNIT_KIND
                                     and text[upos + len(short)] not in UNIT_BLOCKERS.get(short, "")):
                    short = short[:-1]
                unit, uend = short, upos + len(short)
                if not unit:
                    um = None
            if um is not None:
                pos = uend
                # compound unit: 元/吨, 吨标准煤/万元, 部/百人
                if pos < n and text[pos] == "/":
                    cm = re.match(r"/(?:[百千万亿]?)(?:" + UNIT_RE.pattern + ")", text[pos:pos + 8])
                    if cm is None:
                        cm = re.match(r"/[百千万亿]?[\u4e00-\u9fff]{1,2}", text[pos:pos + 4])
                    if cm is not None:
                        unit = unit + cm.group()
                        pos += cm.end()
        if mult > 1 and not unit and not arabic:
            pass
        value = value * mult
        end = pos
        # qualifier words after the unit
        post_q = "none"
        post_len = 0
        for word, q in _POST_QUALIFIERS:
            if text.startswith(word, pos):
                if word == "多" and (not unit or qualifier != "none"):
                    continue
                post_q, post_len = q, len(word)
                break
        pre_q, qstart = _pre_qualifier(text, start)
        if qualifier == "none":
            qualifier = pre_q if pre_q != "none" else post_q
        direction, dstart = self._direction(qstart)
        prev = text[start - 1] if start > 0 else "\0"
        if not arabic and num == "一" and unit in ("天", "日") and mult == 1 and _day_phrase(text, start, end):
            return  # 总有一天, 有朝一日, 一天天, 一日千里: a phrase, no length of time
        # kind ---------------------------------------------------------------------------------------
        ukind = UNIT_KIND.get(unit.partition("/")[0], "") if unit else ""
        if direction in ("up", "down") and ukind != "percent" and (unit or written_mult >= 10_000):
            if self._dir_word in _DIR_SAVE and unit:
                direction = ""  # 为国家节约2800亿元: an amount saved, not a change of a quantity
            elif self._dir_word in _OBJECT_VERBS and unit != "倍" and self._counts_object(end + post_len):
                direction = ""  # 改造提升100所学校, 加快42个在建项目, 提升三年行动: the verb's objects counted
        kind: str
        out_value: Decimal | str = value
        if prev == "第":
            if not unit:
                return
            kind = "ordinal"
            start -= 1
        elif ukind == "time":
            kind, out_value = self._time_kind(start, end, value, unit, arabic, num)
            if kind == "":
                return
            if kind == "date":
                end = self._date_end
                out_value = self._date_value
                unit = ""
        elif not unit and arabic and written_mult >= 10_000 and pos < n and _is_cjk(text[pos]) \
                and not _BARE_AFTER_STOP.match(text, pos) and text[pos] not in CN_NUMERAL_CHARS \
                and not text.startswith(_LEVEL_NOUN_TUPLE, pos):
            kind = "count"  # 7100万江淮儿女: a magnitude with a noun and no measure word
        elif not unit:
            kind = self._bare_kind(start, ne, arabic, num, written_mult if value else 1)
            if not kind:
                return
            if direction in ("up", "down") and kind != "pending":
                kind = "change"
        else:
            kind = ukind or "measure"
            if unit in ("百分点", "个百分点", "千分点", "个千分点"):
                kind = "change"
            elif unit == "成":
                out_value = value * 10
                unit = "%"
                kind = "percent"
                if not arabic and num == "一":
                    return
            if direction in ("up", "down") or (direction == "to" and self._change_to and kind == "percent"):
                # a level reached (增加到8865亿元, 提高到3.2万公里) keeps its unit's kind with direction
                # ``to``; only a share raised or cut to a level (提高到70%) is a change, as the gold set has it
                kind = "change"
        if unit == "番":
            return
        if not arabic and unit in ("期", "轮") and prev != "第":
            kind = "ordinal"  # 二期工程, 二轮土地承包: phase and round numbers
        if prev == "前" and unit in ("名", "位") and kind == "count":
            kind = "ordinal"  # 包揽前六名, 居全国前10位: a rank, not a head count
        if not arabic and unit == "类" and _CLASS_BEFORE.search(text, max(0, start - 4), start):
            return  # 水质保持二类, 达到三类标准: a quality class
        # never-quantities ---------------------------------------------------------------------------
        if not arabic and num in ("零", "〇", "○"):
            return  # 零部件, 零增长: a lone zero is never a count
        if not arabic and unit == "方":
            return  # 八方支援, 柬埔寨四方, 一方有难: 方 = side; cubic metres are written with digits
        if not arabic and unit == "级" and prev != "第" and not _ADMIN_LEVEL_RE.search(text, max(0, start - 3), start):
            return  # 二级以上医疗机构, 三级治理中心: a grade; 省市县三级 (levels listed) stays
        if not arabic and num in ("一", "壹") and mult == 1 and (
                kind in _CHINESE_ONE_SKIP_KINDS or UNIT_KIND.get(unit) == "count"):
            return  # 一个/一项/一次 used as an article
        if not arabic and num == "一" and unit == "度":
            return  # 一度攀升: 一度 is the adverb "at one time"
        if not arabic and kind not in ("year", "date") and _inside_quotes(text, start):
            return  # “两个确立”, “十项重大工程”
        if unit == "届" and prev != "第":
            return  # 二十届三中全会: session names
        if unit == "次" and prev != "第" and _SESSION_AFTER_RE.match(text, end - 1):
            seg = text[max(0, start - 14):start]
            if "届" in seg or text.startswith("全会", end) or text.startswith("次全会", end - 1):
                return
        if start > 0 and text[start - 1] in _DENOMINATOR_BEFORE and kind in QUANTITY_KINDS and mult >= 1 \
                and (arabic and not unit or not arabic):
            return
        if start > 0 and text[start - 1] == "每" and kind == "count" and value <= 1:
            return
        base, slash, _per = unit.partition("/")
        if slash and UNIT_KIND.get(base) == "money":
            unit = base  # 645元/月, 3000元/吨: money is in 元 (the rate stays in ``text``)
        unit_out = UNIT_NORMAL.get(unit, unit)
        self.raws.append(_Raw(start, end, out_value, unit_out, kind, qualifier, direction, "", mult, arabic,
                              not unit))
        self._post_end = end + post_len
        self._left = dstart

    _date_end = 0
    _date_value = ""
    _version_end = -1

    def _time_kind(self, start: int, end: int, value: Decimal, unit: str, arabic: bool,
                   num: str) -> tuple[str, Decimal | str]:
        text = self.text
        if unit in ("年", "年度"):
            four = (arabic and len(num) == 4) or (not arabic and len(num) == 4 and all(c in _CN_DIGIT_ONLY for c in num))
            if four and 1000 <= value <= 2200:
                y = int(value)
                dm = re.match(r"([0-9]{1,2}|[一二三四五六七八九十]{1,3})月(?:([0-9]{1,2}|[一二三四五六七八九十廿卅]{1,3})日)?",
                              text[end:end + 8])
                if dm:
                    mo = parse_decimal(dm.group(1))
                    if mo is not None and 1 <= mo <= 12:
                        self._date_end = end + dm.end()
                        if dm.group(2):
                            d = parse_decimal(dm.group(2))
                            self._date_value = f"{y:04d}-{int(mo):02d}-{int(d or 0):02d}"
                        else:
                            self._date_value = f"{y:04d}-{int(mo):02d}"
                        return "date", self._date_value
                return "year", Decimal(y)
            if not arabic and len(num) >= 2 and all(c in _CN_DIGIT_ONLY for c in num):
                return "", value
            clause = text[max(0, start - 20):start]
            for c in "，,；;。":
                clause = clause.rpartition(c)[2]
            if "年限" in clause or "." in num or "．" in num:
                return "measure", value  # 受教育年限从13.5年提高到14年: an indicator measured in years
            return "duration", value
        if unit == "年代":
            return "year", value
        if unit == "世纪":
            return "ordinal", value
        if unit == "周年":
            return "anniversary", value
        if unit == "月":
            if 1 <= value <= 12:
                dm = re.match(r"(?:([0-9]{1,2}|[一二三四五六七八九十廿卅]{1,3})日)", text[end:end + 5])
                self._date_end = end + (dm.end() if dm else 0)
                d = parse_decimal(dm.group(1)) if dm else None
                self._date_value = f"{int(value):02d}-{int(d):02d}" if d is not None else f"{int(value):02d}"
                return "date", self._date_value
            return "", value
        if unit == "日":
            if 1 <= value <= 31:
                self._date_end = end
                self._date_value = f"{int(value):02d}"
                return "date", self._date_value
            return "", value
        return "duration", value

    def _bare_kind(self, start: int, ne: int, arabic: bool, num: str, mult: int = 1) -> str:
        """A number with no unit: ratio parts and plain decimals are measures; the rest is not a quantity."""
        text = self.text
        if not arabic:
            return "pending" if _CN_PENDING_RE.match(text, ne) else ""  # 三至五个
        n = len(text)
        if (ne < n and text[ne] in _RATIO_SEPS and ne + 1 < n and text[ne + 1].isdigit()) or \
                (start >= 2 and text[start - 1] in _RATIO_SEPS and text[start - 2].isdigit()):
            # ratio 7.1:38.2:54.7, 1∶3.4; a clock time 11:48 is not one
            lo = start
            while lo > 0 and (text[lo - 1].isdigit() or text[lo - 1] in "." + _RATIO_SEPS):
                lo -= 1
            hi = ne
            while hi < n and (text[hi].isdigit() or text[hi] in "." + _RATIO_SEPS):
                hi += 1
            parts = re.split(f"[{_RATIO_SEPS}]", text[lo:hi])
            if len(parts) == 2 and all(p.isdigit() for p in parts) and len(parts[1]) == 2:
                return ""
            return "measure"
        if "." in num or "．" in num:
            if ne < n and text[ne] in ".．" and ne + 1 < n and text[ne + 1].isdigit():
                return ""  # version numbers, dates such as 2023.3.28
            if _VERSION_RE.fullmatch(num) and start > 0 and not text[:start].endswith(_CHANGE_VERBS) and (
                    (_is_cjk(text[start - 1]) and text[start - 1] not in _NOMINAL_SUFFIX and text[start - 1] not in _COPULA_CHARS)
                    or (text[start - 1] == "、" and self._version_end == start - 1)):
                self._version_end = ne
                return ""  # 数字政府2.0、3.0版: a version after a name, not a measured value
            return "measure"
        if mult >= 10_000 and not _inside_quotes(text, start):
            # 跨越7万亿、8万亿: a written magnitude makes a quantity, its unit left unsaid (not “3个100万”)
            return "measure"
        if _PENDING_RE.match(text, ne):
            return "pending"  # 5至8个, 10—15万元: takes the unit of the next number or is dropped
        return ""

    # -- lists, ranges, subjects -------------------------------------------------------------------
    def _finish(self) -> list[Quantity]:
        raws = self.raws
        text = self.text
        if not raws:
            return []
        # shared units in lists and ranges: 3.9、2.0、2.9个百分点 / 5至8个 / 10—15万元
        for i in range(len(raws) - 2, -1, -1):
            r, nx = raws[i], raws[i + 1]
            gap = text[r.end:nx.start]
            if nx.qualifier == "range" and r.kind in ("year",):
                continue
            is_range = gap in _RANGE_JOIN and not (r.kind in ("year", "date") or nx.kind in ("year", "date"))
            if r.bare and not nx.bare and (gap in _LIST_JOIN or is_range) and isinstance(r.value, Decimal):
                if r.magnitude == 1 and nx.magnitude > 1:
                    r.value = r.value * nx.magnitude
                    r.magnitude = nx.magnitude
                r.unit, r.kind, r.bare = nx.unit, nx.kind, False
                if not r.direction:
                    r.direction = nx.direction
            if is_range and r.kind in QUANTITY_KINDS and nx.kind in QUANTITY_KINDS and r.unit == nx.unit:
                r.qualifier = nx.qualifier = "range"
                if r.direction and not nx.direction:
                    nx.direction = r.direction
                if r.kind == "change":
                    nx.kind = "change"
        raws = self.raws = [r for r in raws if r.kind != "pending"]
        if not raws:
            return []
        # direction inherited along a list: 分别增长20.6%、16.9%
        for i in range(1, len(raws)):
            r, pv = raws[i], raws[i - 1]
            gap = text[pv.end:r.start]
            if gap[:1] in _POST_Q_FIRSTS:
                gap = _POST_Q_RE.sub("", gap)  # (增长3.5%左右、6%左右: 左右 ends the item)
            if not r.direction and pv.direction and gap in _LIST_JOIN \
                    and r.kind in QUANTITY_KINDS and pv.kind in ("change", r.kind) and (gap != "，" or r.unit == pv.unit):
                # (not 增长6.1%，十方面民生实事…: after a comma only a number in the same unit shares the verb)
                r.direction = pv.direction
                if pv.kind == "change":
                    r.kind = "change"
        out: list[Quantity] = []
        last_subject = ""
        last_end = 0
        for r in raws:
            if r.kind in QUANTITY_KINDS and r.kind:
                gap = text[out[-1].end:r.start].strip(_SPACES) if out else "x"
                if gap[:1] in _POST_Q_FIRSTS:
                    gap = _POST_Q_RE.sub("", gap)
                if out and r.qualifier == "range" and out[-1].qualifier == "range" and out[-1].kind in QUANTITY_KINDS \
                        and gap in _RANGE_JOIN:
                    subject = out[-1].subject  # (百分之十到二十: the second end has the first's subject, or none)
                elif out and out[-1].subject and out[-1].kind in QUANTITY_KINDS and (
                        (r.qualifier == "range" and out[-1].qualifier == "range")
                        or (gap in _LIST_JOIN and not _subject_after(text, self._after_pos(r), r.kind))
                        or (gap in _RATIO_SEPS and r.bare and out[-1].unit == "")):
                    subject = out[-1].subject
                else:
                    subject = self._subject(r)
                if any(ch in _SENT_END for ch in text[last_end:r.start]):
                    last_subject = ""
                if not subject:
                    subject = last_subject
                else:
                    last_subject = subject
                last_end = r.end
            else:
                subject = ""
            value: int | float | str
            if isinstance(r.value, Decimal):
                value = int(r.value) if r.value == r.value.to_integral_value() else float(r.value)
            else:
                value = r.value
            if r.kind == "measure" and r.bare and r.unit == "":
                pass
            out.append(Quantity(r.start, r.end, text[r.start:r.end], value, r.unit, r.kind, r.qualifier,
                                r.direction, subject))
        if "分别" in text:
            out = self._respectively(out)
        return out

    def _respectively(self, out: list[Quantity]) -> list[Quantity]:
        """甲、乙、丙分别增长1%、2%和3%: the i-th item of the list before 分别 is the i-th subject."""
        text = self.text
        listed: list[tuple[int, list[str]]] = []  # (end of the list, its subjects) of lists read so far
        i = 0
        while i < len(out):
            q = out[i]
            j = i + 1
            while j < len(out) and out[j].kind in QUANTITY_KINDS and out[j].unit == q.unit \
                    and _POST_Q_RE.sub("", text[out[j - 1].end:out[j].start]).strip(_SPACES) in _LIST_JOIN:
                j += 1
            n = j - i
            k = text.rfind("分别", max(0, q.start - 10), q.start)
            numbers_from = k
            if k < 0 and n >= 2:
                # 分别较“十三五”时期下降67.5%、58.5%: a comparison base between 分别 and the verb
                ds = self._dir_start(q.start)
                bm = _RESP_BASE_RE.search(text, max(0, ds - 24), ds) if ds < q.start else None
                if bm is not None:
                    k, numbers_from = bm.start(), ds
            if k < 0 and n >= 2 and listed and q.kind in QUANTITY_KINDS and len(listed[-1][1]) == n:
                # …分别为27.1%、40.5%、30.9%，比上年提高3.9、2.0、2.9个百分点: the same items again
                end, prior = listed[-1]
                gap = text[end:q.start]
                if len(gap) <= 12 and not _HAS_DIGIT_RE.search(gap) and not any(c in _SENT_END for c in gap) \
                        and gap[:1] in "，," and not _subject_before(text, self._dir_start(q.start)):
                    for t in range(n):
                        out[i + t] = replace(out[i + t], subject=prior[t])
                    i = j
                    continue
            if n < 2 or q.kind not in QUANTITY_KINDS or k < 0 or _HAS_DIGIT_RE.search(text[numbers_from:q.start]):
                i = j
                continue
            lo = k
            while lo > 0 and text[lo - 1] not in _BOUNDARY - {"、"}:
                lo -= 1
            head = _METHOD_RE.sub("", text[lo:k])
            items = _list_items(head, n)
            subjects: list[str] = []
            if items:
                subjects = [_strip_lead(_strip_tail(t)) for t in items]
                subjects[0] = _subject_before(subjects[0], len(subjects[0])) or subjects[0]
                subjects = _complete_elided(subjects)
            elif not _subject_before(text, k) and i >= n:
                # 第一产业增加值…，第二产业增加值…，分别比上年增长…: the n quantities just before
                prev = out[i - n:i]
                sent_start = max((text.rfind(c, 0, q.start) for c in _SENT_END), default=-1)
                if all(p.subject and p.start > sent_start and p.kind in QUANTITY_KINDS for p in prev) \
                        and len({p.subject for p in prev}) == n:
                    subjects = [p.subject for p in prev]
            if not subjects and listed:
                # 甲、乙、丙增加值分别增长…，占…比重分别为…: a later 分别 list in the same sentence with as
                # many items and no list of its own shares the first list's items
                end, prior = listed[-1]
                if len(prior) == n and not any(c in _SENT_END for c in text[end:q.start]):
                    subjects = prior
            if subjects and all(subjects):
                for t in range(n):
                    out[i + t] = replace(out[i + t], subject=subjects[t])
                listed.append((out[j - 1].end, subjects))
            i = j
        return out

    def _dir_start(self, pos: int) -> int:
        """Where the change verb before ``pos`` begins (``pos`` itself when there is none)."""
        _q, qs = _pre_qualifier(self.text, pos)
        return self._direction(qs)[1]

    def _subject(self, r: _Raw) -> str:
        text = self.text
        after = _subject_after(text, self._after_pos(r), r.kind) if r.kind in ("count", "percent") else ""
        if after:
            if after[0] == "口" and r.unit == "人":
                return "人口"
            return after
        left = r.start
        q, qs = _pre_qualifier(text, left)
        left = qs
        _d, left = self._direction(left)
        if not r.direction and self._dir_word in _DIR_SAVE:
            left = qs  # 为国家节约2800亿元 (an amount saved): the verb stays in the subject's clause
        if r.unit in ("倍", "%") and left > 0 and text[left - 1] == "的":
            # 利润总额为“十三五”时期的2.2倍: the base of the multiple is no subject, what stands before 为 is
            lo = max(0, left - 18)
            clause = max((text.rfind(c, lo, left) for c in _CLAUSE_ENDS), default=-1) + 1
            copulas = list(_COPULA_RE.finditer(text, max(lo, clause), left - 1))
            cm = copulas[-1] if copulas else None
            if cm is not None and cm.start() - max(lo, clause) >= 2 and cm.end() < left - 1:
                left = cm.start()
        # a list item inherits: 常委会会议8次、主任会议22次 keeps its own; "、" bare gaps inherit below
        before = _subject_before(text, left)
        if before in _VERB_SET or before in ("涉及", "完成了") or before[:1] == "的" or before[-1:] in "和及与":
            # 完成55.3万平方米…房屋改造 / 涉及7万户的村庄改造: verb, number, object (and with nothing before:
            # 20万吨聚烯烃装置建成, the noun after)
            pos = self._after_pos(r)
            if text.startswith("、", pos):
                sm = _STACK_MAG_RE.match(text, pos + 1)
                if sm is not None:
                    pos = sm.end()
                    pq = _POST_Q_AT_RE.match(text, pos)
                    if pq is not None:
                        pos = pq.end()  # (…、5%左右: 左右 is the next number's qualifier, not a noun)
            linked = text.startswith("的", pos)
            if linked:
                pos += 1
            after = _subject_after(text, pos, r.kind)
            if linked and before in _BENEFIT_VERBS and r.unit in _PERSON_UNITS:
                return before  # 惠及3400万人的引大济岷工程: the people reached are counted, not the project
            if len(after) >= 2 and after not in _LEVEL_NOUNS and not _VERB_RE.match(after):
                return after
            if after and _VERB_RE.match(after) and r.kind == "money" and before in _VERB_SET and len(before) >= 2:
                return before  # 投入12亿元实施…: the money is what was put in, not the purpose clause
            if before in _VERB_SET:
                return ""  # a bare verb is no subject: the caller falls back to the clause's subject
        return before

    def _after_pos(self, r: _Raw) -> int:
        text = self.text
        pos = r.end
        for word, _q in _POST_QUALIFIERS:
            if text.startswith(word, pos):
                pos += len(word)
                break
        return pos


def quantities(text: str) -> list[Quantity]:
    """All quantities in ``text`` (one line or paragraph), in order, with offsets into ``text``.

    Spaces that typesetting puts around numbers (增长 5.2%、约 4.4 万亿元) are read through; the
    offsets and ``text`` of each quantity are those of ``text`` as given.
    """
    if not text:
        return []
    view = simplified_view(text)
    if view is None:
        return _quantities(text)
    out = []
    for q in _quantities(view):  # a traditional text, read through the grammar's simplified characters
        subject = q.subject
        if subject:
            at = view.rfind(subject, 0, q.start)
            at = at if at >= 0 else view.find(subject, q.end)
            subject = text[at : at + len(subject)] if at >= 0 else subject
        out.append(replace(q, text=text[q.start : q.end], subject=subject))
    return out


def _quantities(text: str) -> list[Quantity]:
    squeezed = squeeze(text)
    if squeezed is None:
        return _LineExtractor(text).run()
    plain, offsets = squeezed
    out = []
    for q in _LineExtractor(plain).run():
        start, end = original_span(offsets, q.start, q.end)
        out.append(replace(q, start=start, end=end, text=text[start:end]))
    return out
