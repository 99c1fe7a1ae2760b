"""Units and measure words of report quantities, with the kind each one implies."""
from __future__ import annotations

import re

#: money units; magnitudes (万/亿) are multiplied into the value, so 亿元 becomes 元
MONEY_UNITS = ("元", "美元", "欧元", "港元", "港币", "日元", "英镑", "卢布", "元人民币", "美金")

#: count measure words (the thing counted is the subject)
COUNT_UNITS = (
    "个", "项", "条", "次", "件", "人次", "场次", "架次", "车次", "户次", "件次", "家次", "批次", "班次",
    "名", "人", "位", "篇", "期", "部", "所", "家", "户", "座", "处", "批", "份", "张", "本", "门", "种",
    "类", "组", "队", "支", "起", "宗", "例", "间", "栋", "幢", "套", "辆", "台", "艘", "架", "头",
    "只", "羽", "株", "棵", "册", "方面", "级", "场", "轮", "届", "款", "根", "片", "块", "口", "眼",
    "枚", "封", "首", "幅", "部次", "所次", "床", "张床", "个次", "人日", "人年", "列", "对", "副",
    "对次", "层", "颗", "粒", "匹", "窝", "尾", "只次", "盏", "扇", "处次", "箱",
)

#: physical measures
MEASURE_UNITS = (
    "吨", "千克", "公斤", "克", "斤", "担", "千瓦", "千瓦时", "千瓦小时", "兆瓦时", "吉瓦时", "瓦", "兆瓦", "吉瓦", "千伏", "伏", "千伏安",
    "伏安", "度", "公里", "千米", "米", "厘米", "毫米", "微米", "纳米", "微克", "毫克", "平方米", "平方公里", "平方千米", "立方米", "亩",
    "公顷", "升", "千升", "毫升", "标准箱", "标箱", "吨公里", "人公里", "吨标准煤", "吨标煤", "吨煤",
    "标准煤", "立方", "方", "岁", "倍", "微克/立方米", "毫克/升", "分贝", "摄氏度", "度电", "焦耳",
    "帕", "千帕", "赫兹", "比特", "字节", "GB", "TB", "PB", "EB", "kg", "km", "m", "kW", "kWh",
    "MW", "GW", "MWh", "GWh", "TWh", "TEU", "μg/m³", "ug/m3", "μg/m3", "mg/L", "kV", "延长米", "车公里", "座公里",
    "客位", "床位", "间房", "平米", "吨级", "马力", "千卡", "英亩", "海里", "光年", "公方",
)

PERCENT_UNITS = ("%", "％", "‰", "个百分点", "百分点", "个千分点", "千分点", "成", "番")

TIME_UNITS = (
    "年", "年度", "个月", "月", "日", "天", "周年", "周", "小时", "个小时", "分钟", "秒", "季度", "个季度",
    "世纪", "年代", "个工作日", "工作日", "个星期", "星期", "旬", "载",
)

UNIT_KIND: dict[str, str] = {}
for _u in MONEY_UNITS:
    UNIT_KIND[_u] = "money"
for _u in COUNT_UNITS:
    UNIT_KIND[_u] = "count"
for _u in MEASURE_UNITS:
    UNIT_KIND.setdefault(_u, "measure")
for _u in PERCENT_UNITS:
    UNIT_KIND[_u] = "percent"
for _u in TIME_UNITS:
    UNIT_KIND[_u] = "time"

UNIT_NORMAL: dict[str, str] = {
    "％": "%", "个百分点": "百分点", "个千分点": "千分点", "元人民币": "元", "港币": "港元", "美金": "美元",
    "标箱": "标准箱", "吨标煤": "吨标准煤", "平米": "平方米", "平方千米": "平方公里",
}

#: units that begin with a magnitude character: in 45.2万千瓦 千 belongs to the unit
MAGNITUDE_LED_UNITS = tuple(u for u in UNIT_KIND if u[0] in "十百千万亿")

#: characters that, right after a measure word, show it is the first half of another word
UNIT_BLOCKERS: dict[str, str] = {
    "次": "性要",
    "门": "式槛户类峡",
    "条": "件例龙款",
    "期": "间限货刊待盼望",
    "部": "分门署长委队署位",
    "所": "有得以谓属在需",
    "家": "庭族具电乡园喻属",
    "名": "单称牌誉义额字次录",
    "起": "来步点草诉",
    "处": "理置罚分于长",
    "度": "过假",
    "场": "所景地馆面",
    "本": "地土身着质级科领",
    "支": "持撑付出柱部",
    "种": "植养子类苗业粮",
    "户": "籍外型口",
    "元": "素首旦宵老化结论",
    "台": "阶湾账帐风",
    "座": "谈右",
    "头": "脑部条",
    "站": "位点式",
    "号": "召称",
    "级": "别",
    "轮": "车船胎椅滑机廓",
    "位": "数置于次列",
    "届": "时",
    "个": "人体别案性",
    "周": "边围期转年",
    "方": "面式法向针案位便",
    "里": "程",
    "路": "线径子",
    "道": "路理德",
    "节": "约能点日",
    "层": "面级次",
    "集": "团体中成聚",
    "口": "岸号径",
    "列": "入为出车",
    "对": "外于接口标象",
    "样": "板本品",
    "套": "餐",
    "片": "区",
    "根": "本据",
    "人": "民员才大士工均为们们",
    "批": "准示复评",
    "类": "型似",
    "成": "为立果效本员功熟绩都交长型",
    "天": "然地津下空气",
    "月": "球亮",
    "日": "常益本趋常报",
    "世纪": "",
    "人年": "度",
}

_UNITS_SORTED = sorted(UNIT_KIND, key=len, reverse=True)
#: longest-first alternation of all units (matched at a position with .match)
UNIT_RE = re.compile("|".join(re.escape(u) for u in _UNITS_SORTED))

#: first characters of units, used to decide quickly whether a Chinese numeral run is followed by a unit
UNIT_FIRST_CHARS = "".join(sorted({u[0] for u in UNIT_KIND}))
