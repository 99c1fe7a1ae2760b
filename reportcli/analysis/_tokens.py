"""Token classes shared by keywords, compare and kwic: what counts as a word, a number, punctuation."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise

from reportcli.errors import ReportError

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LETTER_OR_CJK = re.compile(r"[^\W\d_]")
_ARABIC_NUMBER = re.compile(r"[\d０-９][\d０-９.．,，:：/]*")
# Characters that may follow an Arabic number inside one numeric token (2024年, 75周年, 3.5%, 20余, 8次).
_NUMBER_SUFFIX = set("年月日号时分秒%％‰万亿千百十余多个次项条人元周岁倍米吨期家件名户所座")
_CN_DIGITS = set("〇○零一二三四五六七八九两几壹贰叁肆伍陆柒捌玖")
_CN_UNITS = set("十百千万亿拾佰仟")
_CN_NUMERAL = _CN_DIGITS | _CN_UNITS
# Part-of-speech tags of measure words and units (jieba's q: 公里, 平方米, 公顷, 美元, 系列). Like numbers,
# they say how much, not what about: never keywords unless numbers are asked for (or the tag is, via pos).
# jieba's mq (numeral+measure: 这方面, 一季度) is not listed: it also tags content words such as 零部件.
MEASURE_TAGS = frozenset({"q"})


def is_punct(token: str) -> bool:
    """True for a token with no letter, CJK character or digit (punctuation, symbols, whitespace)."""
    return not any(ch.isalnum() for ch in token)


def _is_chinese_numeral(token: str) -> bool:
    if not token or any(ch not in _CN_NUMERAL for ch in token):
        return False
    if all(ch in _CN_DIGITS for ch in token):
        return True  # 三, 一九七四
    # Canonical numerals alternate digit and unit (二十三, 一百零五); 十四五 has two digits in a row: a term.
    return not any(a in _CN_DIGITS and b in _CN_DIGITS for a, b in pairwise(token))


def is_number(token: str) -> bool:
    """True for numerals and number+measure tokens (2024, 3.5%, 2024年, 20余次, 二十, 一九七四, 两年, 万吨)."""
    token = token.strip()
    if not token:
        return False
    m = _ARABIC_NUMBER.match(token)
    if m:
        return all(ch in _NUMBER_SUFFIX for ch in token[m.end() :])
    if _is_chinese_numeral(token):
        return True
    # a Chinese numeral with its measure (一九五三年, 两年, 四个, 二十余次), or the magnitude and measure of a
    # number cut before them (3 万个 in a PDF's text, 四百四十七|万吨): a number too
    head = token.rstrip("".join(_NUMBER_SUFFIX - _CN_NUMERAL))
    if head == token:
        return False
    if head and all(ch in "万亿" for ch in head):
        return True
    # 百年, 千年, 十分 (very) say no number: a numeral with a measure has a digit
    return _is_chinese_numeral(head) and any(ch in _CN_DIGITS for ch in head)


def is_word(token: str) -> bool:
    """A word token: not punctuation, not a number, not whitespace (the per_10k denominator)."""
    return not is_punct(token) and not is_number(token)


def is_measure(tag: str) -> bool:
    """True for the part-of-speech tag of a measure word or unit (see MEASURE_TAGS)."""
    return tag in MEASURE_TAGS


def has_cjk(token: str) -> bool:
    return bool(_CJK.search(token))


def is_candidate(
    token: str,
    *,
    min_len: int = 2,
    stopwords: frozenset[str] | set[str] = frozenset(),
    numbers: bool = False,
    tag: str = "",
) -> bool:
    """May this word token be a keyword? Numbers, measure words/units (``tag`` q), punctuation, short tokens
    and stopwords are excluded; ``numbers=True`` lets numbers and measure words in."""
    if is_punct(token):
        return False
    if not numbers and (is_number(token) or is_measure(tag)):
        return False
    if len(token) < min_len:
        return False
    if token in stopwords:
        return False
    # Latin fragments of one letter and similar noise stay out even with min_len=1 only when asked.
    return bool(_LETTER_OR_CJK.search(token)) or numbers


@dataclass
class DocCounts:
    """Picklable per-document summary: what the ranking steps (keywords, compare) need from a document.

    ``total`` is the number of word tokens (the per_10k denominator); ``counts`` holds only keyword
    candidates; ``edges`` are co-occurrence counts of candidate pairs (for TextRank), keys sorted pairs;
    ``sections`` holds one DocCounts per top-level section when asked for (``name`` = section title).
    """

    name: str
    total: int = 0
    counts: Counter[str] = field(default_factory=Counter)
    pos: dict[str, str] = field(default_factory=dict)
    edges: Counter[tuple[str, str]] | None = None
    sections: list[DocCounts] | None = None

    def merged_with(self, other: DocCounts, name: str | None = None) -> DocCounts:
        """Sum of two summaries (for --combined and compare groups); sections are dropped."""
        pos = dict(other.pos)
        pos.update(self.pos)
        edges: Counter[tuple[str, str]] | None = None
        if self.edges is not None or other.edges is not None:
            edges = Counter(self.edges or ())
            edges.update(other.edges or Counter())
        return DocCounts(
            name=self.name if name is None else name,
            total=self.total + other.total,
            counts=self.counts + other.counts,
            pos=pos,
            edges=edges,
        )


def merge_counts(items: list[DocCounts], name: str = "") -> DocCounts:
    """Sum several summaries into one (sections are dropped)."""
    merged = DocCounts(name=name)
    for item in items:
        merged.total += item.total
        merged.counts.update(item.counts)
        for word, tag in item.pos.items():
            merged.pos.setdefault(word, tag)
        if item.edges is not None:
            if merged.edges is None:
                merged.edges = Counter()
            merged.edges.update(item.edges)
    return merged


class KeywordsError(ReportError):
    """A user-facing problem in keywords/compare/kwic input (bad IDF file, bad pattern): one line."""
