"""Spans segmentation keeps whole: numbers (23.4%, 1,234.5, 63.3万, ２０２５, 5.13万亿), quoted names and
numbered formulas (一企一策)."""

from __future__ import annotations

import re

_D = "0-9０-９"
# A magnitude after a number; 千 only when it is not the start of a unit (千瓦, 千米, 千克 ...).
_SUFFIX = r"(?:[%％‰]|万亿|亿|万|千(?![瓦米克卡帕伏赫焦升字兆]))"

# Only spans the engines would split are protected: a plain ASCII digit run is already one token, and
# numbers glued to Latin letters (5G, C919, PM2.5) are left to the engine, which keeps them together.
# Every alternative starts with a character class and the "not inside a longer token" check comes after
# the first digit: the regex engine then skips non-digits quickly (a leading lookbehind is 10x slower).
_NUMBER_REST = (
    rf"(?<![A-Za-z{_D}.．,][{_D}])"
    rf"(?:"
    rf"(?<=[0-9])[0-9]{{0,2}}(?:,[0-9]{{3}})+(?:\.[0-9]+)?{_SUFFIX}?"  # 1,234.5  12,000万
    rf"|[{_D}]*[.．][{_D}]+{_SUFFIX}?"  # 23.4  63.3万  5.13万亿  ３．５%
    rf"|[{_D}]*{_SUFFIX}"  # 20%  10万  2亿
    rf"|(?<=[０-９])[０-９]*"  # ２０２５
    rf")"
    rf"(?![A-Za-z{_D}.．])"
)
NUMBER_RE = re.compile(rf"[{_D}]{_NUMBER_REST}")

# A short phrase in quotation marks or book-title marks may be a name or slogan of the report's own
# (“好房子”, “东数西算”, “胆剑篇”, “机器管招投标”). The segmenter decides whether to keep it as one token (its
# marks are tokens of their own; see ``Segmenter._coined``: names yes, clauses and phrases that hold a
# dictionary term no). Phrases with punctuation (“稳中求进、提质增效”) never match. The opening mark is
# part of the match; group ``quoted`` is the phrase.
_OPEN = "“「『《"
_QUOTED_REST = r"(?P<quoted>[\u4e00-\u9fffA-Za-z0-9０-９+×·]{2,10})(?=[”」』》])"
QUOTED_RE = re.compile(rf"[{_OPEN}]{_QUOTED_REST}")

# A numbered formula: numerals alternating with single characters, two to six times (一府一委两院, 一企一策,
# 三区三线, 四水四定, 双招双引). Reports coin these freely and jieba cuts them into single characters; the
# segmenter keeps one as a token, as the ``terms`` command lists it, after checking it against the engine's
# own cut (``Segmenter._formula``: 一对一服务 and 两岸双向 are words, not formulas). A numeral followed by 是, 年, 月, 日, 个, a
# magnitude, a fraction word or a counter starts no formula (二是, 一年一度, 一千二百, 三成五, 三大, 六届), nor does a numeral after
# another numeral or 第. Group ``formula`` is the match.
FORMULA_NUMERALS = "一二三四五六七八九十两双"
_FORMULA_UNIT = rf"(?![{FORMULA_NUMERALS}零〇○是年月日个百千万亿点成倍多余分大届号期次])[\u4e00-\u9fff]"
_FORMULA_REST = (
    rf"(?<=[{FORMULA_NUMERALS}])(?<![{FORMULA_NUMERALS}第][{FORMULA_NUMERALS}])"
    rf"(?P<formula>{_FORMULA_UNIT}(?:[{FORMULA_NUMERALS}]{_FORMULA_UNIT}){{1,5}})"
)


def split_pattern(
    phrases: list[str] = [], quoted: bool = True, formulas: bool = True  # noqa: B006
) -> re.Pattern[str]:
    """One regex for the spans the segmenter cuts out before the engine runs: ``phrases`` (literal terms,
    tried first, longest first), quoted names (group ``quoted``, its match includes the opening mark),
    numbered formulas (group ``formula``, the match is the whole formula) and numbers. It starts with a
    single character class so that the regex engine skips other characters fast.
    """
    firsts = {p[0] for p in phrases}
    branches = [
        rf"(?<={re.escape(p[0])}){re.escape(p[1:])}" for p in sorted(phrases, key=len, reverse=True)
    ]
    if quoted:
        branches.append(rf"(?<=[{_OPEN}]){_QUOTED_REST}")
    if formulas:
        branches.append(_FORMULA_REST)
    branches.append(rf"(?<=[{_D}]){_NUMBER_REST}")
    lead = ("".join(re.escape(c) for c in sorted(firsts)) + (_OPEN if quoted else "")
            + (FORMULA_NUMERALS if formulas else "") + _D)
    return re.compile(rf"[{lead}](?:{'|'.join(branches)})")


def number_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the number spans of ``text`` that are kept as one token."""
    return [m.span() for m in NUMBER_RE.finditer(text)]
