"""Reports in traditional characters (Big5 sources): the quantity grammar is written in simplified
characters, so a traditional text is read through a character-for-character mapping of the
characters the grammar uses. The mapping keeps every offset, so facts point into the text as written.
"""

from __future__ import annotations

import re

# traditional -> simplified, one character each: numerals and magnitudes, measure words and units,
# verbs of change, qualifiers, and the function words that bound a subject.
_PAIRS = (
    "億亿萬万兩两點点貳贰參叁陸陆個个項项條条場场噸吨畝亩頃顷戶户輛辆臺台張张隻只頭头種种類类處处間间棟栋"
    "級级屆届輪轮筆笔門门座座盞盏艘艘塊块顆颗對对雙双組组隊队團团屆届餘余約约過过於于從从與与內内將将"
    "週周總总數数額额產产實实現现國国區区縣县鄉乡鎮镇業业務务資资經经濟济發发長长達达減减較较為为"
    "倍倍漲涨擴扩増增衝冲創创設设廠厂機机構构會会議议屆届屬属歲岁齡龄萬万斤斤噸吨釐厘瓦瓦碼码僅仅"
    "達达邁迈躍跃翻翻番番億亿兆兆歸归給给讓让這这那那們们來来並并當当後后於于並并占占佔占獲获開开"
    "辦办營营運运銷销貿贸進进還还額额費费稅税資资價价值值幣币圓圆園园線线網网電电視视話话醫医療疗"
    "學学校校師师員员農农糧粮漁渔林林牧牧礦矿氣气車车輸输鐵铁橋桥號号樓楼戶户裡里區区縣县鎮镇鄉乡"
    "計计劃划預预測测統统檢检驗验環环境境護护綠绿態态體体權权益益險险災灾衛卫衝冲擊击爭争"
)
_TABLE = str.maketrans(_PAIRS[0::2], _PAIRS[1::2])
_TRADITIONAL = re.compile("[" + re.escape("".join(sorted(set(_PAIRS[0::2]) - set(_PAIRS[1::2])))) + "]")


def simplified_view(text: str) -> str | None:
    """``text`` with the grammar's traditional characters mapped to simplified ones (same length, same
    offsets), or None when it has none of them (the common case)."""
    if _TRADITIONAL.search(text) is None:
        return None
    return text.translate(_TABLE)
