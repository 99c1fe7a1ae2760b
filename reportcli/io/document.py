"""The Document: the one object every analysis takes."""

from __future__ import annotations

import bisect
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from reportcli.errors import ReportError
from reportcli.io.clean import BODY, META, NOTE_MARK, classify_lines
from reportcli.io.decode import check_chinese
from reportcli.io.readers import read_bytes

SEED_NAME = "seed_report.txt"


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the input as given: ``number`` is 1-based; ``start``/``end`` exclude the newline."""

    number: int
    start: int
    end: int
    kind: str

    @property
    def body(self) -> bool:
        return self.kind == BODY


@dataclass(frozen=True, slots=True)
class Section:
    """A heading: its level in this report's outline (1 = top), marker, title, line and extent.

    ``title`` is the heading as written up to its first sentence end, without layout spaces
    (``一、2023 年工作回顾`` from a PDF has the title ``2023年工作回顾``, see :func:`tidy_title`),
    so that the same heading reads the same from .pdf, .docx and .txt; ``path`` joins the
    marker-and-title of each enclosing heading with `` > ``.
    """

    level: int
    number: str
    title: str
    line: int
    start: int
    end: int
    path: str


_Found = tuple[str, str, str, Line, int]  # kind, marker, title, line, start of a heading


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int


# Heading markers, from the outermost kind to the innermost; a report's levels are the ranks
# of the kinds it uses.
_CN = "一二三四五六七八九十百零〇两"
_HEADING_KINDS = (
    # 附件 / 注释 (附注) end the report proper: their own top-level section, not a child of the last
    # heading; the numbered notes after one (1.“三网”融合：…) are its children
    ("appendix", re.compile(r"^\s*((?:附件|附录)\s*[\d一二三四五六七八九十]*|注释|附注|名词解释|注\s*[:：])\s*[:：]?\s*")),
    ("part", re.compile(rf"^\s*(第[{_CN}\d]+(?:部分|章|篇))\s*")),
    # statistical bulletins number their chapters 01综合, 02农业 …: a short line of its own, and
    # only in a sequence from 01 (see Document.sections)
    ("num2", re.compile(r"^\s*(\d{2})(?=[\u4e00-\u9fff])(?![年月日时号点分秒个万亿元届次岁])")),
    ("cn", re.compile(rf"^\s*([{_CN}]+、)\s*")),
    ("paren_cn", re.compile(rf"^\s*([（(][{_CN}]+[)）])\s*")),
    ("shi", re.compile(rf"^\s*([{_CN}]+是)(?=[\u4e00-\u9fff“《])")),
    ("arabic", re.compile(r"^\s*(\d{1,2}[.．、])(?!\d)\s*")),
    ("paren_arabic", re.compile(r"^\s*([（(]\d{1,2}[)）])\s*")),
)
_HEADING_RANK = {name: i for i, (name, _) in enumerate(_HEADING_KINDS)}
# Notes (注释, 附注, 名词解释, 注：) hold numbered notes (1. ［1］ (1)), never chapters: a chapter
# marker of the kind of the report's top level numbered 1 (一、 第一部分 01) after them starts a new
# outline, not a child of the notes (reports one after another in one file). An attachment (附件,
# 附录) may hold chapters of its own.
_NOTES_MARK = re.compile(r"^(?:注释|附注|名词解释|注\s*[:：]?$)")
_CHAPTER_KINDS = frozenset({"part", "num2", "cn", "paren_cn"})
_NUM2_TITLE = re.compile(r"^[\u4e00-\u9fff][\u4e00-\u9fff、，和与及·]{1,19}$")
# A heading's title ends at a sentence end, or at a space that separates it from the paragraph
# run on after it (old one-line transcriptions: 一、2023年工作回顾 过去一年，……). Other spaces
# are layout: PDF extraction and typesetting put them around numbers and Latin words
# (一、2023 年工作回顾) or between spaced-out characters (着力 扩大 内需).
_TITLE_HARD_END = re.compile(r"[。！？；:：]")
_SENTENCE_PUNCT = re.compile(r"[。！？；]")
_TITLE_GAP = re.compile(r"\s+")
_SPACED_DIGITS = re.compile(r"(?<![\d.])\d(?:[ \u3000\xa0]\d){2,}(?![\d.])")  # 1 9 9 8 年
_SENTENCE = re.compile(r"[^。！？!?…]*(?:[。！？!?]+|…+|$)[”’」』）)]*")

_CN_DIGITS = {"〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_DATE = re.compile(r"([12]\d{3}|[一二〇○零三四五六七八九]{4})\s*年\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*日")
_MEETING = re.compile(
    r"在([\u4e00-\u9fff]{0,20}?(?:第[一二三四五六七八九十]+届|[一二三四五六七八九十]+届)[\u4e00-\u9fff]{0,16}?"
    r"(?:第?[一二三四五六七八九十]+次)会议)(?:上|开幕)?"
    r"|([\u4e00-\u9fff]{0,20}?第[一二三四五六七八九十]+届人民代表大会第[一二三四五六七八九十]+次会议)"
    r"|((?:十|[一二三四五六七八九十]{1,3})届全国人大[一二三四五六七八九十]+次会议)"
)
_OFFICE = r"(?:省长|市长|区长|县长|州长|主席|主任|总理|院长|检察长|局长|书记)"
# A name may be followed by the honorific 同志 (市长 殷勇同志作政府工作报告), which is not part of it;
# old transcriptions run the byline into the salutation or the contents (总理华国锋各位代表！,
# 主任李富春目录).
_HONORIFIC = "(?:同志)?"
_SPEAKER = (
    re.compile(rf"{_OFFICE}\s*([\u4e00-\u9fff]{{2,3}}){_HONORIFIC}(?:\s*$|\s{{2,}}|在|代表|作|\s*各位|目录)"),
    re.compile(rf"([\u4e00-\u9fff]{{2,3}}){_OFFICE}在"),
    re.compile(rf"([\u4e00-\u9fff]{{2,3}}?){_HONORIFIC}作(?:政府)?工作报告"),
    re.compile(rf"([\u4e00-\u9fff]{{2,3}}?){_HONORIFIC}在[\u4e00-\u9fff]{{0,30}}会议上作"),
)
_FOOTNOTE_MARK = re.compile(rf"\s*{NOTE_MARK}$")
_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
# old transcriptions run title, subtitle and dateline together: 1985年政府工作报告当前的经济形势和经济
# 体制改革——1985年3月27日在…: the report's name, then a space, a bracket, 关于… or a subtitle up to
# the dateline's dash
_RUN_IN_TITLE = re.compile(r"^\s*([^\s。：:]{2,40}?(?:工作报告|的报告|统计公报))"
                           r"(?=——|－－|\s|（|\(|关于|[^。！？；：:]{1,60}?(?:——|－－))")
# 国 alone may be in a name (华国锋): only 国务院, 全国, 中国, 国家 are not
_NOT_A_NAME = re.compile(r"[向大会代表政府人民工作会议委员务院各位我们的了在和是省市区县]|[全中]国|国家")
# 来源：<value>; an empty field followed by the next label (来源： 作者： 发布时间：…) has no value
_META_LABEL = r"(?:作者|责任编辑|编辑|发布|日期|时间|点击|浏览|字号|摄影|记者)"
_SOURCE = re.compile(rf"(?:信息)?来源[:：]\s*(?!{_META_LABEL}[^\s:：]{{0,4}}[:：])([^\s|｜]+?)(?=\s|{_META_LABEL}|$)")
_SOURCE_FOOTER = re.compile(r"^[（(]?\s*(?:信息|文章)?来源[:：]\s*([^\s:：()（）|｜]{2,30})\s*[)）]?$")
_PUBLISHED = re.compile(r"(?:日期|发布时间|发布日期|时间)[:：]\s*(\d{4}[-/年]\d{1,2}[-/月]\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)")

# The head of a report (see Document._head_paragraphs): how far it is looked for, and where it ends.
_HEAD_LINES = 60
_HEAD_PARAGRAPHS = 40
_HEAD_PARAGRAPH = 150  # a longer paragraph with a sentence end in it is running text
_SALUTATION = re.compile(r"(?:各位代表|各位委员|代表们|同志们)\s*[：:！!，,]")
# A dateline: the date next to the meeting, in one clause (commas allowed, up to a speaker's
# name and office: ——2025年1月14日海南省省长 刘小明在海南省第七届…会议上), or right after it
# (在…会议上（2003年3月5日）).
_CLAUSE_END = re.compile(r"[。；！？!?]")
_DATE_BEFORE_MEETING = 40
_DATE_AFTER_MEETING = 6
_YEARLESS_DATE = re.compile(r"(?<![\d年一二三四五六七八九十〇○零])(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*"
                            r"(\d{1,2}|[一二三四五六七八九十]{1,3})\s*日")
# 第十五届人民代表大会第一次会议以来的五年: an earlier meeting, named in the text, not this one
_EARLIER_MEETING = re.compile(r"(?:召开)?以来|精神|期间")
# a date with 在…会议上 after it names a meeting that _MEETING does not know (全市经济工作会议)
_AT_A_MEETING = re.compile(r"在[^。；！？]{1,40}?(?:会议|大会)(?:上|开幕)")
# a paragraph that is a date alone: 2023年3月28日, （2023年4月12日）, ——1955年7月5日至6日
_DAY = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
_DATE_ALONE_BEFORE = re.compile(r"^[—\-－―（(]*$")
_DATE_ALONE_AFTER = re.compile(rf"^(?:[至和、\-—－~～](?:{_DAY}月)?{_DAY}日)?[)）]?$")
# National People's Congresses from the fifth on meet once a year, five sessions a term, the first
# in 1978: 第十一届全国人民代表大会第五次会议 met in 2012. Gives the year of a dateline without one.
_NPC = re.compile(r"^(?:中华人民共和国)?第?([一二三四五六七八九十]+)届全国(?:人民代表大会|人大)第?([一二三四五])次会议$")
# the region of a meeting named by its level alone (市第十六届人民代表大会…), from the title
_TITLE_PLACE = re.compile(r"^(?:[12]\d{3}年)?([\u4e00-\u9fff]{1,8}?)(自治区|自治州|省|市|县|区|州)(?:人民)?政府")
_LAYOUT_SPACE = re.compile(r"(?<=[\u4e00-\u9fff])[ \u3000\xa0\u2002\u2003](?=[\u4e00-\u9fff])")
_OPEN_AT = re.compile(r"在[\u4e00-\u9fff]{1,30}$")  # a dateline cut before its meeting's end


# Paragraph breaks inside a line: two or more wide spaces (U+3000, or U+2002–U+2003 en/em spaces), or
# one next to ordinary spaces.
_WIDE = "\u3000\u2002\u2003"
_PARAGRAPH_GAP = re.compile(rf"[ \t]*[{_WIDE}][\s{_WIDE}]*[{_WIDE}][ \t]*|[ \t]+[{_WIDE}][ \t]*|[ \t]*[{_WIDE}][ \t]+"
                            rf"|(?<=[。！？：:])[ \t]+")  # and a plain space after a sentence end


def _title_end(rest: str) -> tuple[int, int] | None:
    """Where the title at the start of ``rest`` ends: the span of the punctuation or space that
    ends it, or None when the whole of ``rest`` is the title.

    A space ends the title only when a sentence follows it: text ended by 。！？； or longer than a
    heading, unless several spaces spread a short heading out (（一）着力 扩大 内需。, its own closing
    mark) and no comma or length makes a sentence of what follows. A space after a digit (2023 年) or
    between two Latin words is never an end.
    """
    hard = _TITLE_HARD_END.search(rest)
    limit = hard.start() if hard else len(rest)

    def breaks(gap: re.Match[str]) -> bool:  # a space that could end a title
        if gap.start() == 0 or gap.end() >= len(rest):
            return False
        before, after = rest[gap.start() - 1], rest[gap.end()]
        return not (before.isdigit() or (before.isascii() and after.isascii()))

    for gap in _TITLE_GAP.finditer(rest, 0, limit):
        if not breaks(gap):
            continue
        stop = _SENTENCE_PUNCT.search(rest, gap.end())
        if stop is None:
            if len(rest) - gap.end() > 60:
                return gap.span()
            continue
        clause = rest[gap.end():stop.start()]
        if "，" in clause or "," in clause or len(clause) > 30:
            return gap.span()
        spread = sum(breaks(g) for g in _TITLE_GAP.finditer(rest, 0, stop.start())) > 1
        if not spread:
            return gap.span()
    return hard.span() if hard else None


def tidy_title(title: str) -> str:
    """A heading or title without layout spaces: spaces next to a Chinese character (or between
    spaced-out digits) are removed, ``2023 年工作回顾`` → ``2023年工作回顾``, ``着力 扩大 内需`` →
    ``着力扩大内需``; a run of spaces between two Latin words or numbers becomes one space."""
    title = _SPACED_DIGITS.sub(lambda m: re.sub(r"\s", "", m.group()), title.strip())

    def gap(match: re.Match[str]) -> str:
        before, after = title[match.start() - 1], title[match.end()]
        return " " if before.isascii() and after.isascii() else ""

    return _TITLE_GAP.sub(gap, title)


def _heading(text: str) -> tuple[str, str, str] | None:
    """``(kind, marker, title)`` when a paragraph starts with a heading marker (一、 （一） 一是 …)."""
    for kind, pattern in _HEADING_KINDS:
        match = pattern.match(text)
        if not match:
            continue
        rest = text[match.end() :].rstrip()
        end = _title_end(rest)
        title = tidy_title(rest[: end[0]] if end else rest)
        cut = end is not None
        if kind == "num2" and not _NUM2_TITLE.match(rest):
            return None
        if kind == "appendix":
            if len(rest) > 80 and not cut:
                return None
            return kind, match.group(1).strip(), (title if title and len(title) <= 60 else match.group(1).strip())
        if not title or len(title) > 60 or (kind in ("arabic", "paren_arabic", "shi") and not cut and len(rest) > 60):
            return None
        if kind in ("cn", "part", "paren_cn") and end and len(rest) - end[1] > 80 and len(title) > 40:
            return None
        return kind, match.group(1), title
    return None


def _clean_title(text: str) -> str:
    """A document title without a trailing note marker ([1], ①) or layout spaces (政 府 工 作 报 告)."""
    return tidy_title(_FOOTNOTE_MARK.sub("", text.strip()))


def _numbered_in_sequence(found: list[_Found]) -> list[_Found]:
    """Keep two-digit headings (01综合) only where they count 01, 02, 03 … (three at least)."""
    chains: list[list[int]] = [[]]
    expected = 1
    for i, (kind, number, *_rest) in enumerate(found):
        if kind != "num2":
            continue
        value = int(number)
        if value == expected:
            chains[-1].append(i)
            expected += 1
        elif value == 1:
            chains.append([i])
            expected = 2
    keep = {i for chain in chains if len(chain) >= 3 for i in chain}
    return [entry for i, entry in enumerate(found) if entry[0] != "num2" or i in keep]


def _unbalanced_close(text: str) -> str:
    """Without a closing bracket that closes nothing in it: （来源：人民日报） → 人民日报."""
    while text and text[-1] in ")）" and text.count(text[-1]) > text.count("(" if text[-1] == ")" else "（"):
        text = text[:-1]
    return text


def _cn_small(text: str) -> int:
    """A Chinese numeral up to 99 (month, day) or a digit-by-digit year such as 二〇二五."""
    if text.isdigit():
        return int(text)
    if len(text) == 4 and all(ch in _CN_DIGITS for ch in text):
        return int("".join(str(_CN_DIGITS[ch]) for ch in text))
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_CN_DIGITS.get(tens, 1) if tens else 1) * 10 + (_CN_DIGITS.get(ones, 0) if ones else 0)
    return _CN_DIGITS.get(text, 0)


def iso_date(match: re.Match[str]) -> str:
    year, month, day = (_cn_small(g) for g in match.groups()[:3])
    return f"{year:04d}-{month:02d}-{day:02d}"


def _squeeze(text: str) -> str:
    """A head paragraph for reading its dateline: spaced-out digits joined (1 9 9 8 年), a single
    layout space between two Chinese characters dropped (青海省第十四届 人民代表大会)."""
    return _LAYOUT_SPACE.sub("", _SPACED_DIGITS.sub(lambda m: re.sub(r"\s", "", m.group()), text))


def _meeting_at(found: re.Match[str]) -> tuple[str, int]:
    """The meeting's name in a :data:`_MEETING` match (without the 在 and what stood before it)
    and where the name starts."""
    group = next(i for i in range(1, 4) if found.group(i))
    name = found.group(group).rpartition("在")[2]
    return name, found.end(group) - len(name)


def _full_date_next_to(text: str, start: int, end: int) -> str:
    """The ISO date written next to the meeting at ``text[start:end]``, in the same clause."""
    before = [d for d in _DATE.finditer(text, 0, start) if start - d.end() <= _DATE_BEFORE_MEETING]
    if before and not _CLAUSE_END.search(text, before[-1].end(), start):
        return iso_date(before[-1])
    after = _DATE.search(text, end)
    if after and after.start() - end <= _DATE_AFTER_MEETING and not _CLAUSE_END.search(text, end, after.start()):
        return iso_date(after)
    return ""


def _npc_year(meeting: str) -> int | None:
    found = _NPC.match(meeting)
    if not found:
        return None
    term, session = _cn_small(found.group(1)), _cn_small(found.group(2))
    return 1978 + 5 * (term - 5) + session - 1 if term >= 5 else None


def _yearless_date(text: str, start: int, meeting: str) -> str:
    """A dateline without the year (3月5日，国务院总理温家宝在第十一届全国人民代表大会第五次会议上…):
    the ISO date when the meeting tells the year (see :data:`_NPC`), else ""."""
    year = _npc_year(meeting)
    before = [d for d in _YEARLESS_DATE.finditer(text, 0, start) if start - d.end() <= _DATE_BEFORE_MEETING]
    if year is None or not before or _CLAUSE_END.search(text, before[-1].end(), start):
        return ""
    month, day = (_cn_small(g) for g in before[-1].groups())
    return f"{year:04d}-{month:02d}-{day:02d}" if 1 <= month <= 12 and 1 <= day <= 31 else ""


def _date_without_meeting(text: str) -> str:
    """The date of a paragraph that is a date alone (2023年3月28日 under a bulletin's title), or
    a date before 在…会议上 of a meeting that is not a congress session."""
    for found in _DATE.finditer(text):
        alone = _DATE_ALONE_BEFORE.match(text[: found.start()]) and _DATE_ALONE_AFTER.match(text[found.end():])
        at = _AT_A_MEETING.match(text, found.end())
        if alone or at:
            return iso_date(found)
    return ""


def _dateline(paragraphs: list[str]) -> tuple[str, str]:
    """``(date, meeting)`` of a report, from the paragraphs of its head.

    Only a dateline counts, never a date in the text: the first meeting named in the head with a
    full date next to it gives both; else the first meeting named (not one 以来, an earlier
    meeting) with, for a dateline without the year, the year its session met; else a date alone
    on its line or before 在…会议上. A dateline that wraps onto the next line
    (——2026年1月26日在广东省第十四届⏎人民代表大会第五次会议上) is read joined.
    """
    texts = [_squeeze(p) for p in paragraphs]
    meeting = meeting_date = other_date = ""
    for i, text in enumerate(texts):
        joined = text
        if i + 1 < len(texts) and not _MEETING.search(text) and _OPEN_AT.search(text):
            joined = text + texts[i + 1]
        for found in _MEETING.finditer(joined):
            if found.start() >= len(text):
                break  # the next paragraph's own
            if _EARLIER_MEETING.match(joined, found.end()):
                continue
            name, start = _meeting_at(found)
            date = _full_date_next_to(joined, start, found.end())
            if date:
                return date, name
            if not meeting:
                meeting, meeting_date = name, _yearless_date(joined, start, name)
        if not other_date:
            other_date = _date_without_meeting(text)
    return meeting_date or other_date, meeting


def _whole_meeting(meeting: str, title: str) -> str:
    """A meeting named by its level alone (市第十六届人民代表大会第一次会议, as a city's own text
    says) with the region of the report's title before it (上海市政府工作报告 → 上海市第十六届…)."""
    place = _TITLE_PLACE.match(title)
    if place and meeting.startswith(place.group(2)) and not meeting.startswith(place.group(1)):
        return place.group(1) + meeting
    return meeting


_Placed = tuple[int, str, str, Line, str, int]  # level, marker, title, line, path, start


def _report_head(text: str) -> bool:
    """Whether a paragraph opens a report: its name and dateline, as where one report follows
    another in a file (1982年政府工作报告——1982年11月30日在第五届全国人民代表大会第五次会议上)."""
    name = text[:60]
    if "报告" not in name and "公报" not in name:  # (most paragraphs: checked before any copy)
        return False
    head = text[:160].translate(_FULLWIDTH_DIGITS)
    return bool(_DATE.search(head[:100]) and _MEETING.search(head))


def _marker_value(number: str) -> int:
    return _cn_small(re.sub(r"[^\d一二三四五六七八九十零〇两]", "", number).replace("两", "二") or "0")


def _outline(found: list[_Found], heads: list[int]) -> list[_Placed]:
    """Levels and paths of the headings found, in order.

    A marker's level comes from its sequence (see :func:`_place`). A list that starts again at 一
    (or a marker of an outer kind) below open headings is taken at first for a new outline that
    closes them; when a later marker then continues one of the closed headings — （二） after a
    （一） closed by a list 一、二、三、 — that list was nested in it after all: the placement is run
    again with the headings in between kept below the continued one. Never across ``heads``, the
    offsets where a report opens (reports one after another in a file).
    """
    floors: dict[tuple[int, int], None] = {}  # (index of the continued heading, index of its continuation)
    for _ in range(_MAX_REPAIRS):  # (a bound: a real report needs a few; each costs a pass)
        placed, repair = _place(found, list(floors), heads)
        if repair is None:
            return placed
        floors[repair] = None
    return _place(found, list(floors), heads)[0]


_MAX_REPAIRS = 24
_REPAIR_LOOKBACK = 120  # headings a repair looks back over for the one continued


def _place(found: list[_Found], floors: list[tuple[int, int]],
           heads: list[int]) -> tuple[list[_Placed], tuple[int, int] | None]:
    """Place each heading in the outline; return the placement and the first repair it calls for.

    ``floors``: pairs ``(p, h)`` of headings such that every heading between them stays below
    heading ``p``. A repair ``(p, h)`` is asked for when heading ``h`` continues the sequence of
    heading ``p`` (（二） after （一）) which a list starting at 1 (一、 1.) closed (see
    :func:`_repair` for when it is not).
    """
    # A marker's level comes from its sequence: 二、 after 一、 is a sibling, 一、 right under
    # 一、 opens a level below it, 二、 after 六、 goes back to the level where 一、 stood.
    stack: list[tuple[str, int, str, int]] = []  # (kind, value, label, index) per open level
    notes: int | None = None  # the depth of an open notes section (注释, 附注)
    top_kinds: set[str] = set()  # kinds of marker used at the top level
    provisional: list[_Placed] = []
    depths: list[int] = []
    values: list[int] = []
    closed_by: dict[int, int] = {}  # index of a heading -> index of the heading that closed it
    continues: dict[int, int] = {}  # index of a heading -> index of the heading it continues
    repair: tuple[int, int] | None = None
    below: dict[int, list[int]] = {}  # index of a heading -> the headings it is kept below
    for p, h in floors:
        for i in range(p + 1, h):
            below.setdefault(i, []).append(p)
    for index, (kind, number, title, line, start) in enumerate(found):
        value = _marker_value(number)
        values.append(value)
        depth = None
        for i in range(len(stack) - 1, -1, -1):
            if stack[i][0] == kind and stack[i][1] == value - 1:
                depth = i
                continues[index] = stack[i][3]
                break
        if depth is None and value > 1 and kind != "appendix" and repair is None:
            wanted = _repair(index, kind, value, found, values, stack, closed_by, continues, heads)
            repair = None if wanted in floors else wanted
        if depth is None and value != 1:
            same = [i for i, entry in enumerate(stack) if entry[0] == kind]
            depth = same[-1] if same else None
        if depth is None:
            # a new kind of marker, or a list restarting at 一: one level below where its kind
            # last stood, or below the deepest open heading of an outer kind
            same = [i for i, entry in enumerate(stack) if entry[0] == kind]
            if same and not (stack[same[-1]][1] == 1 and same[-1] == len(stack) - 1):
                depth = same[-1]
            else:
                depth = len(stack)
                while depth > 0 and _HEADING_RANK[stack[depth - 1][0]] > _HEADING_RANK[kind]:
                    depth -= 1
        if notes is not None and notes < len(stack) and value == 1 and kind in top_kinds & _CHAPTER_KINDS:
            depth = min(depth, notes)
        for p in below.get(index, ()):  # kept below a heading that a later one continues
            depth = max(depth, min(depths[p] + 1, len(stack)))
        for entry in stack[depth:]:
            closed_by[entry[3]] = index
        del stack[depth:]
        stack.append((kind, value, title if title == number else f"{number}{title}", index))
        depths.append(depth)
        if depth == 0 and kind != "appendix":
            top_kinds.add(kind)
        if notes is not None and notes >= depth:
            notes = None
        if kind == "appendix" and _NOTES_MARK.match(number):
            notes = depth
        provisional.append((len(stack), number, title, line, " > ".join(entry[2] for entry in stack), start))
    return provisional, repair


def _repair(index: int, kind: str, value: int, found: list[_Found], values: list[int],
            stack: list[tuple[str, int, str, int]], closed_by: dict[int, int], continues: dict[int, int],
            heads: list[int]) -> tuple[int, int] | None:
    """The heading that heading ``index`` (of ``kind``, numbered ``value``, whose predecessor is
    not open) continues after a list starting at 1 closed it: ``(its index, index)``, or None."""
    if any(entry[0] == kind and entry[1] <= value for entry in stack):
        return None  # 三、 may follow an open 一、 whose 二、 was not found, or repeat an open 三、
    for p in range(index - 1, max(-1, index - 1 - _REPAIR_LOOKBACK), -1):
        if found[p][0] != kind or values[p] != value - 1 or p not in closed_by:
            continue
        closer = closed_by[p]
        if values[closer] != 1 or found[closer][0] == "appendix":
            continue  # closed by its own next sibling, an outer heading or an attachment
        between = range(p + 1, index)
        if any(continues.get(x, index) <= p for x in between):
            return None  # something in between went on with a sequence opened before it
        if any(x != closer and found[x][0] == kind and values[x] == 1 for x in between):
            return None  # a list of its own kind started again in between: a new outline
        if any(found[p][4] < head < found[index][4] for head in heads):
            return None  # another report began in between
        return p, index
    return None


class Document:
    """A decoded report: text, lines (with kinds), metadata, sections and sentences.

    Offsets (``start``/``end``) are into :attr:`text`; line numbers are those of the input as
    given (what ``sed -n 'Np'`` shows for a text file; for .html/.docx/.pdf, lines of the
    extracted text).
    """

    def __init__(self, name: str, text: str, *, fmt: str = "text", encoding: str = "utf-8",
                 require_chinese: bool = True) -> None:
        """``require_chinese``: refuse a text with no Chinese character in it (a
        :class:`ReportError` naming ``name``), as every report read from a file or stdin is."""
        if require_chinese:
            check_chinese(text, name)
        self.name = name
        self.text = text
        self.format = fmt
        self.encoding = encoding
        raw_lines = text.split("\n")
        if raw_lines and raw_lines[-1] == "":
            raw_lines.pop()
        kinds = classify_lines(raw_lines)
        lines: list[Line] = []
        offset = 0
        for number, (line, kind) in enumerate(zip(raw_lines, kinds), start=1):
            lines.append(Line(number, offset, offset + len(line), kind))
            offset += len(line) + 1
        self.lines = lines
        self._line_starts = [line.start for line in lines]

    def __repr__(self) -> str:
        return f"Document({self.name!r}, chars={len(self.text)}, lines={len(self.lines)})"

    # ------------------------------------------------------------ lines
    def body_lines(self) -> Iterator[Line]:
        return (line for line in self.lines if line.kind == BODY)

    def line_text(self, line: Line) -> str:
        return self.text[line.start : line.end]

    def line_at(self, offset: int) -> int:
        """The 1-based line number of a character offset."""
        return max(1, bisect.bisect_right(self._line_starts, offset))

    @property
    def han_chars(self) -> int:
        return len(re.findall(r"[\u4e00-\u9fff]", self.text))

    # ------------------------------------------------------------ metadata
    @cached_property
    def meta(self) -> dict[str, str]:
        """title, date (delivered, ISO), meeting, speaker, source, published.

        The date and the meeting come from the report's dateline alone (see :func:`_dateline`),
        never from its text: a report without one has neither."""
        head = [ln for ln in self.lines[:_HEAD_LINES] if ln.kind != "blank"]
        meta = {"title": "", "date": "", "meeting": "", "speaker": "", "source": "", "published": ""}
        for line in head:
            text = self.line_text(line).strip().translate(_FULLWIDTH_DIGITS)
            if not meta["title"] and line.kind == META and len(text) <= 60 and re.search(r"(报告|公报|讲话|摘登)", text):
                meta["title"] = _clean_title(text)
            elif not meta["title"] and line is head[0]:
                # old transcriptions run title, dateline and text together: 1987年政府工作报告——１９８７年…
                lead = _RUN_IN_TITLE.match(text)
                if lead:
                    meta["title"] = _clean_title(lead.group(1))
            if not meta["source"]:
                found_source = _SOURCE.search(text)
                if found_source and len(text) <= 120:
                    meta["source"] = _unbalanced_close(found_source.group(1).strip("：:"))
            if not meta["published"]:
                found_pub = _PUBLISHED.search(text)
                if found_pub:
                    meta["published"] = re.sub(r"[年月/]", "-", found_pub.group(1)).replace("日", "")
            if not meta["speaker"] and (line.kind != BODY or len(text) <= 80 or "工作报告" in text[:40]):
                for pattern in _SPEAKER:
                    found_speaker = pattern.search(text[:240])
                    if found_speaker and not _NOT_A_NAME.search(found_speaker.group(1)):
                        meta["speaker"] = found_speaker.group(1).lstrip("年月日号")  # 1月15日龚正市长
                        break
        if not meta["title"]:
            for line in head[:10]:
                text = self.line_text(line).strip()
                if (line.kind in (BODY, META) and len(text) <= 40 and not re.search(r"[。：:，,]", text)
                        and not any(pattern.match(text) for _, pattern in _HEADING_KINDS)):
                    meta["title"] = _clean_title(text)
                    break
        if not meta["source"]:
            # web articles name their source at the end: （来源：中国政府网）
            tail = [ln for ln in self.lines[-12:] if ln.kind in (BODY, META)][-4:]
            for line in reversed(tail):
                found_footer = _SOURCE_FOOTER.match(self.line_text(line).strip())
                if found_footer:
                    meta["source"] = found_footer.group(1)
                    break
        meta["date"], meeting = _dateline(self._head_paragraphs())
        meta["meeting"] = _whole_meeting(meeting, meta["title"])
        return meta

    def _head_paragraphs(self) -> list[str]:
        """The paragraphs before the report's body — title, dateline, byline, photo captions —
        where the report's date and meeting are read. The head ends at the salutation (各位代表：,
        itself left out), at the first heading, or at the first paragraph of running text, of
        which only the first sentence is kept (a byline may run into it). Web-page cruft is left
        out; fullwidth digits are made ASCII."""
        out: list[str] = []
        for line in self.lines[:_HEAD_LINES]:
            if line.kind not in (BODY, META):
                continue
            for _, paragraph in self._paragraphs(line):
                text = paragraph.strip().translate(_FULLWIDTH_DIGITS)
                ends = True
                salutation = _SALUTATION.search(text)
                sentence = _SENTENCE_PUNCT.search(text)
                if salutation:
                    text = text[: salutation.start()]
                elif _heading(text):
                    text = ""
                elif len(text) > _HEAD_PARAGRAPH and sentence:
                    text = text[: sentence.end()]
                else:
                    ends = False
                if text.strip():
                    out.append(text.strip())
                if ends or len(out) >= _HEAD_PARAGRAPHS:
                    return out
        return out

    # ------------------------------------------------------------ structure
    @cached_property
    def sections(self) -> list[Section]:
        """The heading tree, in order of appearance, with levels ranked within this report."""
        found: list[_Found] = []
        heads: list[int] = []  # where a report opens
        for line in self.body_lines():
            for start, text in self._paragraphs(line):
                if _report_head(text):
                    heads.append(start)
                heading = _heading(text)
                if heading:
                    kind, number, title = heading
                    found.append((kind, number, title, line, start))
        found = _numbered_in_sequence(found)
        provisional = _outline(found, heads)
        sections: list[Section] = []
        for i, (level, number, title, line, path, start) in enumerate(provisional):
            end = len(self.text)
            for later in provisional[i + 1 :]:
                if later[0] <= level:
                    end = later[5]
                    break
            sections.append(Section(level, number, title, line.number, start, end, path))
        return sections

    def _paragraphs(self, line: Line) -> Iterator[tuple[int, str]]:
        """The paragraphs of a line: old transcriptions join paragraphs with runs of 　 (U+3000)."""
        text = self.line_text(line)
        if "\u3000" not in text and "\u2003" not in text and "\u2002" not in text and " " not in text:
            yield line.start, text
            return
        position = 0
        for gap in _PARAGRAPH_GAP.finditer(text):
            if gap.start() > position:
                yield line.start + position, text[position : gap.start()]
            position = gap.end()
        if position < len(text):
            yield line.start + position, text[position:]

    @cached_property
    def _section_starts(self) -> list[int]:
        return [s.start for s in self.sections]

    def section_at(self, offset: int) -> Section | None:
        """The innermost section whose heading precedes ``offset``."""
        i = bisect.bisect_right(self._section_starts, offset) - 1
        return self.sections[i] if i >= 0 else None

    def section_path(self, offset: int) -> str:
        section = self.section_at(offset)
        return section.path if section else ""

    @cached_property
    def sentences(self) -> list[Sentence]:
        """Sentences of the body lines, ended by 。！？… (closing quotes kept); a line ends one too."""
        out: list[Sentence] = []
        for line in self.body_lines():
            text = self.line_text(line)
            for match in _SENTENCE.finditer(text):
                start, end = match.span()
                while start < end and text[start] in " \t\u3000":
                    start += 1
                if end > start:
                    out.append(Sentence(line.start + start, line.start + end))
        return out

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def sentence_at(self, offset: int) -> Sentence | None:
        i = bisect.bisect_right(self._sentence_starts, offset) - 1
        if i >= 0 and self.sentences[i].start <= offset < self.sentences[i].end:
            return self.sentences[i]
        return None

    def sentence_text(self, sentence: Sentence | None) -> str:
        return self.text[sentence.start : sentence.end] if sentence else ""


def seed_path() -> Path:
    """The seed report shipped inside the package: the default input of every command."""
    return Path(__file__).resolve().parent.parent / "data" / SEED_NAME


def read_input_bytes(path: str) -> bytes:
    """The bytes of a file, or of stdin for ``-``; OS errors become one-line :class:`ReportError`."""
    if path == "-":
        return sys.stdin.buffer.read()
    p = Path(path)
    try:
        return p.read_bytes()
    except FileNotFoundError:
        raise ReportError(path, "no such file", "check the path") from None
    except IsADirectoryError:
        raise ReportError(path, "is a directory", "give the files in it, or the directory as a PATH argument") from None
    except PermissionError:
        raise ReportError(path, "permission denied", "check the file's permissions") from None
    except OSError as exc:
        raise ReportError(path, f"cannot read ({exc.strerror or exc})", "check the file") from None


def load(path: str | Path | None = None, *, encoding: str | None = None, name: str | None = None) -> Document:
    """Load a report (.txt in any common encoding, .html, .docx, .pdf; ``-`` for stdin).

    With no path, the seed report shipped with reportcli.
    """
    if path is None:
        path = seed_path()
        name = name or "seed_report.txt"
    path_str = str(path)
    data = read_input_bytes(path_str)
    display = name or ("<stdin>" if path_str == "-" else path_str)
    if not data.strip():
        raise ReportError(display, "empty file", "give a report with text in it")
    text, fmt, used = read_bytes(data, display, encoding)
    if not text.strip():
        raise ReportError(display, f"no text found in this {fmt} file", "check that it is a report with text")
    return Document(display, text, fmt=fmt, encoding=used)


def load_text(text: str, name: str = "<text>") -> Document:
    """A Document from a string already in memory (newlines normalised). Unlike :func:`load`, it
    takes a string without Chinese in it too (there is no file or encoding to get wrong)."""
    from reportcli.io.decode import normalise_newlines

    return Document(name, normalise_newlines(text), require_chinese=False)
