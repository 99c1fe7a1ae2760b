"""Mark the lines of a report: body, blank, web-page cruft or front matter (title, dateline, source).

Cleaning never removes or renumbers a line: it only says which lines are the report's body,
so that every line number reported stays that of the input as given.
"""

from __future__ import annotations

import re

BODY, BLANK, CRUFT, META = "body", "blank", "cruft", "meta"

# Words of web-page chrome; a short line made of them is not part of the report.
_CRUFT_WORDS = (
    "进入老年模式", "退出老年模式", "老年模式", "无障碍阅读", "无障碍浏览", "您的当前位置", "您现在的位置", "当前位置",
    "浏览次数", "访问次数", "阅读次数", "阅读量", "点击数", "字号", "【字体", "打印本页", "关闭窗口", "打印", "下载", "收藏", "分享",
    "扫一扫", "手机扫", "微信", "微博", "返回顶部", "上一篇", "下一篇", "责任编辑", "编辑：", "网站地图", "联系我们",
    "版权所有", "主办单位", "承办单位", "备案号", "ICP备", "公网安备", "网站标识码", "首页", "设为首页", "加入收藏",
    "【大", "【中", "【小", "【关闭】", "【打印】", "相关链接", "相关报道", "纠错", "English",
)  # fmt: skip
# 老字号 (time-honoured brands) is report vocabulary, not the font-size widget
_CRUFT_LINE = re.compile("|".join("(?<!老)字号" if w == "字号" else re.escape(w) for w in _CRUFT_WORDS))
# The buttons of a page's font-size / view widget, each on a line of its own once the page is
# flattened (【字号：/ 加大 / 还原 / 减小 /】, 【字体：/ 大 / 中 / 小 /】). Alone they are too common
# to be cruft anywhere: only near the top or bottom of the text, next to other cruft (see
# classify_lines).
_WIDGET_WORDS = ("退出全屏", "全屏", "加大", "减小", "还原", "放大", "缩小", "默认", "重置", "大", "中", "小")
_WIDGET_WORD = "|".join(_WIDGET_WORDS)
_WIDGET_LINE = re.compile(rf"^[【\[]?\s*(?:{_WIDGET_WORD})(?:[\s|｜/、·]*(?:{_WIDGET_WORD}))*\s*[】\]]?$")
_WIDGET_EDGE = 30  # lines from the top or the bottom of the text
_IMAGE_NAME = re.compile(r"^\S.{0,80}\.(jpe?g|png|gif|bmp|webp|tiff?)\s*$", re.I)
_CAPTION = re.compile(r"(记者|摄影|通讯员|新华社|供图|图片来源|图为|配图)[^。]{0,30}(摄|供图|/摄)?[）)]?\s*$")
_BREADCRUMB = re.compile(r"^\s*([>»›]|首页\s*[>»›])|(\s[>»›]\s.*){2,}")
_SOURCE_LINE = re.compile(r"^[（(]?(信息|文章)?来源[:：]|(日期|发布时间|发布日期|时间)[:：]\s*\d{4}[-/年]")
_DATELINE = re.compile(r"^[\s—\-－]*(\d{4}|[一二三四五六七八九〇○零]{4})年.{1,6}月.{1,6}日.{0,40}(会议|大会)")
_PHOTO_CREDIT = re.compile(r"(记者|摄影|通讯员)\s*[\u4e00-\u9fff]{2,4}(\s*[、,，]\s*[\u4e00-\u9fff]{2,4})*\s*[/／]?\s*摄[）)]?\s*$")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_DATE_ONLY = re.compile(r"^[（(]?\s*(\d{4}|[一二三四五六七八九〇○零]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月(\s*[\d一二三四五六七八九十]{1,3}\s*日)?\s*[)）]?$")
_PUNCT_ONLY = re.compile(r"^[\s\W_]*$")
# A note marker at the end of a title: [1] ［1］ 〔1〕 ¹ ① (never (1) or （1）, which may be part of a title)
NOTE_MARK = r"(?:[\[［〔]\d{1,2}[\]］〕]|[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,2}|[①-⑳])"
# A title names a report; a note marker may follow it: 统计公报[1]
_TITLE_END = re.compile(rf"(报告|公报|讲话|摘登|纲要)[）)]?\s*{NOTE_MARK}?$")


def classify_line(line: str, index: int, title_seen: bool) -> str:
    """The kind of one line: ``body``, ``blank``, ``cruft`` or ``meta``.

    ``index`` is the 0-based line number and ``title_seen`` whether the body has not started
    yet; front-matter rules (datelines, source lines) only apply near the top of the text.
    """
    stripped = line.strip()
    if not stripped or _PUNCT_ONLY.match(stripped):
        return BLANK
    if _IMAGE_NAME.match(stripped):
        return CRUFT
    short = len(stripped) <= 40
    if short and _CRUFT_LINE.search(stripped) and len(_HAN.findall(_CRUFT_LINE.sub("", stripped))) <= 6:
        return CRUFT
    if _BREADCRUMB.search(stripped) and len(stripped) <= 120:
        return CRUFT
    if _SOURCE_LINE.search(stripped) and len(stripped) <= 120:
        return META
    if short and _CAPTION.search(stripped) and ("。" not in stripped[:-1] or _PHOTO_CREDIT.search(stripped)):
        return CRUFT
    if len(stripped) <= 80 and _DATELINE.match(stripped):
        return META
    if len(stripped) <= 24 and _DATE_ONLY.match(stripped):
        return META
    return BODY


def _neighbour(kinds: list[str], i: int, step: int) -> str:
    """The kind of the nearest non-blank line before (``step`` -1) or after (+1) line ``i``."""
    i += step
    while 0 <= i < len(kinds) and kinds[i] == BLANK:
        i += step
    return kinds[i] if 0 <= i < len(kinds) else BLANK


def _mark_widgets(lines: list[str], kinds: list[str]) -> None:
    """Widget buttons (全屏, 加大, 还原, 减小, 大/中/小) alone on a line near the top or bottom of
    the text become cruft when they are in a run of cruft lines (blank lines between allowed)."""
    n = len(lines)
    candidates = [i for i in range(n) if kinds[i] == BODY and (i < _WIDGET_EDGE or i >= n - _WIDGET_EDGE)
                  and _WIDGET_LINE.match(lines[i].strip())]  # fmt: skip
    changed = True
    while changed:
        changed = False
        for i in candidates:
            if kinds[i] == BODY and CRUFT in (_neighbour(kinds, i, -1), _neighbour(kinds, i, 1)):
                kinds[i] = CRUFT
                changed = True


def classify_lines(lines: list[str]) -> list[str]:
    """Classify every line; the title (the first short line naming a report) becomes ``meta``."""
    kinds = [classify_line(line, i, False) for i, line in enumerate(lines)]
    _mark_widgets(lines, kinds)
    for i, kind in enumerate(kinds[:40]):
        if kind != BODY:
            continue
        text = lines[i].strip()
        if len(text) <= 60 and _TITLE_END.search(text) and "。" not in text:
            kinds[i] = META
            break
        if len(text) > 60:
            break
    return kinds
