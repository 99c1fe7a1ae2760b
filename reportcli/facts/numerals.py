"""Numeral parsing: Arabic (1,234.5, full-width), Chinese (三千七百万, 一百零五, 一九六○), mixed (3.3万)."""
from __future__ import annotations

from decimal import Decimal, InvalidOperation

CN_DIGITS: dict[str, int] = {
    "零": 0, "〇": 0, "○": 0, "◯": 0, "Ｏ": 0, "洞": 0,
    "一": 1, "壹": 1, "幺": 1,
    "二": 2, "两": 2, "贰": 2, "貳": 2, "兩": 2,
    "三": 3, "叁": 3, "參": 3,
    "四": 4, "肆": 4,
    "五": 5, "伍": 5,
    "六": 6, "陆": 6, "陸": 6,
    "七": 7, "柒": 7,
    "八": 8, "捌": 8,
    "九": 9, "玖": 9,
}
# "洞"/"幺" only make sense in digit strings; they never appear in CN_NUMERAL_CHARS below.
CN_SMALL_UNITS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
CN_BIG_UNITS: dict[str, int] = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}
CN_TENS: dict[str, int] = {"廿": 20, "卅": 30, "卌": 40}

#: Characters that may make up a Chinese numeral (used by the candidate regex).
CN_NUMERAL_CHARS = "零〇○一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟廿卅"
MAGNITUDES: dict[str, int] = {"十": 10, "百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000}

_FULLWIDTH = str.maketrans("０１２３４５６７８９．，－＋", "0123456789.,-+")


def normalise_arabic(s: str) -> str:
    """Full-width digits to ASCII, thousands separators removed."""
    return s.translate(_FULLWIDTH).replace(",", "")


def _as_number(d: Decimal) -> int | float:
    if d == d.to_integral_value():
        return int(d)
    return float(d)


def _parse_cn_section(s: str) -> int | None:
    """A Chinese numeral below 万 (may contain 零 gaps), or a digit string such as 一九七四."""
    if not s:
        return None
    if all(ch in CN_DIGITS for ch in s):
        if len(s) == 1:
            return CN_DIGITS[s]
        # digit by digit (years, codes): 一九七四 -> 1974
        return int("".join(str(CN_DIGITS[ch]) for ch in s))
    total = 0
    pending: int | None = None
    last_unit = 100_000
    for ch in s:
        if ch in CN_DIGITS:
            if pending is not None:
                return None  # two digits in a row inside a unit numeral (十四五)
            pending = CN_DIGITS[ch]
        elif ch in CN_SMALL_UNITS:
            unit = CN_SMALL_UNITS[ch]
            if unit >= last_unit:
                return None
            total += (1 if pending is None else pending) * unit
            pending = None
            last_unit = unit
        elif ch in CN_TENS:
            if total or pending is not None:
                return None
            total += CN_TENS[ch]
            last_unit = 10
        else:
            return None
        if ch in "零〇○" and pending == 0:
            pending = None
    if pending is not None:
        total += pending
    return total


def _parse_cn_int(s: str) -> int | None:
    """A Chinese integer with optional 万/亿 groups (1.2万亿-style magnitudes chain)."""
    if not s:
        return None
    for big in ("亿", "億", "万", "萬"):
        i = s.find(big)
        if i >= 0:
            left, right = s[:i], s[i + 1:]
            lv = 1 if left == "" else _parse_cn_int(left)
            if lv is None:
                return None
            factor = CN_BIG_UNITS[big]
            right = right.lstrip("零〇○")
            if not right:
                return lv * factor
            rv = _parse_cn_int(right)
            if rv is None:
                return None
            if rv >= factor:
                # a trailing magnitude chain such as 万亿: left×万 then ×亿 is handled by the
                # recursive split on 亿 first; anything else is malformed
                return None
            return lv * factor + rv
    return _parse_cn_section(s)


def _parse_cn_decimal(s: str) -> Decimal | None:
    if "点" in s:
        whole, _, frac = s.partition("点")
        w = _parse_cn_int(whole) if whole else 0
        if w is None or not frac or not all(ch in CN_DIGITS for ch in frac):
            return None
        return Decimal(f"{w}.{''.join(str(CN_DIGITS[c]) for c in frac)}")
    v = _parse_cn_int(s)
    return None if v is None else Decimal(v)


def parse_decimal(s: str) -> Decimal | None:
    """Like parse_number but returns an exact Decimal."""
    s = s.strip()
    if s.startswith("百分之"):
        s = s[3:]
    if not s:
        return None
    s = normalise_arabic(s)
    sign = 1
    if s[0] in "-−":
        sign, s = -1, s[1:]
    elif s[0] == "+":
        s = s[1:]
    # leading Arabic part, then any Chinese
    i = 0
    while i < len(s) and (s[i].isdigit() or s[i] == "."):
        i += 1
    if i:
        try:
            base = Decimal(s[:i])
        except InvalidOperation:
            return None
        rest = s[i:]
        mult = 1
        for ch in rest:
            if ch not in MAGNITUDES:
                return None
            mult *= MAGNITUDES[ch]
        return sign * base * mult
    # Chinese, possibly with a magnitude tail like 三点五万
    v = _parse_cn_decimal(s)
    if v is not None:
        return sign * v
    if "点" in s:
        # 三点五万 / 一点二万亿
        j = len(s)
        mult = 1
        while j > 0 and s[j - 1] in "万亿":
            mult *= MAGNITUDES[s[j - 1]]
            j -= 1
        if j < len(s):
            v = _parse_cn_decimal(s[:j])
            if v is not None:
                return sign * v * mult
    return None


def parse_number(s: str) -> int | float | None:
    """Parse a written number: ``"1,234.5"``, ``"３.３万"``, ``"三千七百万"``, ``"一九七四"``, ``"百分之八十"``.

    Returns an int when the value is integral, a float otherwise, None when ``s`` is not a number.
    """
    d = parse_decimal(s)
    return None if d is None else _as_number(d)


_RENDER_DIGITS = "零一二三四五六七八九"


def _render_section(n: int, *, leading: bool, liang: bool) -> str:
    """Render 0 < n < 10000."""
    out: list[str] = []
    zero = False
    for unit_value, unit_char in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d = (n // unit_value) % 10
        if d == 0:
            if out:
                zero = True
            continue
        if zero:
            out.append("零")
            zero = False
        if unit_char == "十" and d == 1 and leading and not out:
            out.append("十")
            continue
        if d == 2 and liang and unit_char in ("千", "百"):
            out.append("两")
        else:
            out.append(_RENDER_DIGITS[d])
        out.append(unit_char)
    return "".join(out)


def to_chinese_numeral(n: int, *, liang: bool = False) -> str:
    """Render a non-negative integer in Chinese numerals with 万/亿 groups and 零 gaps.

    ``liang=True`` writes 两 for a 2 before 千/百/万/亿 (两千, 两万), as reports often do.
    """
    if n < 0:
        return "负" + to_chinese_numeral(-n, liang=liang)
    if n == 0:
        return "零"
    return _render(n, leading=True, liang=liang)


def _render(n: int, *, leading: bool, liang: bool) -> str:
    for factor, char in ((100_000_000, "亿"), (10_000, "万")):
        if n >= factor:
            high, low = divmod(n, factor)
            head = _render(high, leading=leading, liang=liang)
            if liang and head == "二":
                head = "两"
            if low == 0:
                return head + char
            gap = "零" if low < factor // 10 else ""
            return head + char + gap + _render(low, leading=False, liang=liang)
    return _render_section(n, leading=leading, liang=liang)
