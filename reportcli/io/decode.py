"""Turn the bytes of a text file into text: detect the encoding, never guess silently wrong."""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable

from reportcli.errors import ReportError

# BOMs, longest first (the UTF-32 LE BOM starts with the UTF-16 LE one).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Encodings of Chinese text tried, in order, when the bytes are not UTF-8.
LEGACY_ENCODINGS = ("gb18030", "big5")

_CONTROL = {chr(c) for c in range(32)} - {"\t", "\n", "\r", "\f", "\v"}


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF, so that line numbers are those an editor shows."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def _plausible_text_share(text: str) -> float:
    """Share of characters that text in a Chinese report consists of (Han, ASCII, CJK punctuation)."""
    sample = text[:4000]
    if not sample:
        return 0.0
    ok = sum(
        1
        for ch in sample
        if ("\u4e00" <= ch <= "\u9fff")
        or (" " <= ch <= "~")
        or ch in "\t\n\r"
        or ("\u2000" <= ch <= "\u206f")
        or ("\u3000" <= ch <= "\u303f")
        or ("\uff00" <= ch <= "\uffef")
    )
    return ok / len(sample)


def _looks_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: the endianness whose decoding reads as Chinese or ASCII text."""
    if len(data) < 4 or len(data) % 2:
        return None
    for name in ("utf-16-le", "utf-16-be"):
        try:
            text = data[:4000].decode(name)
        except UnicodeDecodeError:
            continue
        if _plausible_text_share(text) > 0.95:
            return name
    return None


def _control_share(text: str) -> float:
    sample = text[:20000]
    if not sample:
        return 0.0
    return sum(1 for ch in sample if ch in _CONTROL) / len(sample)


def _binary_error(path: str) -> ReportError:
    return ReportError(path, "binary data, not a text report", "give a .txt, .html, .docx or .pdf file")


# The most frequent Chinese characters, simplified and traditional forms: right decodings of a
# report are full of them, wrong ones (GBK bytes read as Big5 or the reverse) almost never.
_COMMON_HAN = frozenset(
    "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里"
    "用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实"
    "日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政"
    "美相见被利什二等产或新己制身果加西斯月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员"
    "解水名真论处走义各入几口认条平系气题活尔更别打女变四神总何电数安少报才结反受目太量再感建务做接必场件"
    "計這個們來時會說對過發後裡實樣還點問產與業機開關條現應動經學長進將當見進經濟設計劃區縣鄉鎮務員農確"
    "億萬設營運變們億總體務際檢察議會議代表廠傳統黨領導國際轉續擴達億項"
)


def _common_share(text: str) -> float:
    han = [ch for ch in text[:20000] if "\u4e00" <= ch <= "\u9fff"]
    if not han:
        return 0.0
    return sum(1 for ch in han if ch in _COMMON_HAN) / len(han)


def _pick_legacy(path: str, candidates: list[tuple[str, str]]) -> tuple[str, str]:
    """Several legacy encodings decode the bytes: keep the one whose text reads as Chinese."""
    scored = sorted(((_common_share(text), -i) for i, (_, text) in enumerate(candidates)), reverse=True)
    scored = [(share, -i) for share, i in scored]
    best_share, best = scored[0]
    if best_share < 0.05 and sum(1 for ch in candidates[best][1][:20000] if "\u4e00" <= ch <= "\u9fff") > 50:
        raise ReportError(path, "cannot tell the encoding (the text does not read as Chinese in GBK or Big5)",
                          "give --encoding")
    return candidates[best]


def decode_bytes(data: bytes, path: str = "<bytes>", encoding: str | None = None) -> tuple[str, str]:
    """Decode ``data`` and return ``(text, encoding)``; the text's newlines are normalised.

    With ``encoding`` given, that encoding is used strictly. Otherwise: a BOM decides; then strict
    UTF-8; then UTF-16 without a BOM; then GBK/GB18030 and Big5 (when
    both decode, the one whose text is made of common Chinese characters). Bytes that no candidate decodes raise :class:`ReportError` rather than being
    replaced.
    """
    if encoding:
        try:
            text = data.decode(encoding)
        except LookupError:
            raise ReportError(path, f"unknown encoding {encoding!r}", "use e.g. utf-8, gbk, gb18030, big5") from None
        except UnicodeDecodeError as exc:
            raise ReportError(
                path, f"not valid {encoding} at byte {exc.start}", "check the file or try another --encoding"
            ) from None
        return normalise_newlines(text.lstrip("\ufeff")), encoding
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return normalise_newlines(data.decode(name).lstrip("\ufeff")), name.replace("-sig", "-bom")
            except UnicodeDecodeError:
                break
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if "\x00" in text or _control_share(text) > 0.01:
            guess = _looks_utf16(data)
            if guess:
                return normalise_newlines(data.decode(guess, errors="strict")), guess
            raise _binary_error(path)
        return normalise_newlines(text), "utf-8"
    guess = _looks_utf16(data)
    if guess:
        try:
            return normalise_newlines(data.decode(guess)), guess
        except UnicodeDecodeError:
            pass
    if b"\x00" in data[:8000]:
        raise _binary_error(path)
    candidates: list[tuple[str, str]] = []
    for name in LEGACY_ENCODINGS:
        try:
            candidates.append((name, data.decode(name)))
        except UnicodeDecodeError:
            continue
    candidates = [(n, t) for n, t in candidates if _control_share(t) <= 0.01]
    if not candidates:
        if _control_share(data[:20000].decode("latin-1")) > 0.01:
            raise _binary_error(path)
        raise ReportError(
            path,
            "undecodable bytes: not UTF-8, UTF-16, GBK/GB18030 or Big5",
            "convert the file to UTF-8 or give --encoding",
        )
    name, text = candidates[0] if len(candidates) == 1 else _pick_legacy(path, candidates)
    if name == "gb18030":
        try:
            data.decode("gbk")
            name = "gbk"
        except UnicodeDecodeError:
            pass
    return normalise_newlines(text), name


# ---------------------------------------------------------------- mojibake

# UTF-8 bytes read as Latin-1 or Windows-1252 (and saved again): each Chinese character (3 bytes,
# lead E4–E9) becomes a letter ä–é followed by two "continuation" characters — bytes 80–BF, which are
# U+0080–U+00BF in Latin-1 and € ‚ ƒ „ … ‘ ’ “ ” • – — ™ š œ Ÿ … in Windows-1252.
_CONTINUATION = "".join(chr(c) for c in range(0x80, 0xC0)) + bytes(range(0x80, 0xA0)).decode("cp1252", errors="ignore")
_CONT_CLASS = "[" + "".join(f"\\u{ord(ch):04x}" for ch in sorted(set(_CONTINUATION))) + "]"
_MOJIBAKE_CJK = re.compile(rf"[\u00e0-\u00ef]{_CONT_CLASS}{_CONT_CLASS}")  # one 3-byte character, whole
# Mojibake comes in runs, character after character; a lone é» (French: société\xa0») is not one.
# One continuation character may be missing (C1 controls dropped by an editor).
_MOJIBAKE_RUN = re.compile(rf"(?:[\u00e0-\u00ef]{_CONT_CLASS}{{1,2}}){{2,}}")
_MOJIBAKE_LEADS = re.compile(r"[\u00e0-\u00ef]")
_HAN_CHAR = re.compile(r"[\u4e00-\u9fff]")


def _as_bytes(text: str) -> bytearray:
    """The bytes that a Latin-1/Windows-1252 reading turned into ``text``, up to the first
    character that none of them stands for."""
    raw = bytearray()
    for ch in text:
        try:
            raw += bytes([ord(ch)]) if ord(ch) < 0x100 else ch.encode("cp1252")
        except (UnicodeEncodeError, ValueError):
            break
    return raw


def _utf8_mojibake(sample: str, counts: Callable[[], tuple[int, int]]) -> str | None:
    garbled = sum(len(_MOJIBAKE_LEADS.findall(run.group())) for run in _MOJIBAKE_RUN.finditer(sample))
    if garbled < 3:
        return None
    han, letters = counts()
    if garbled <= 2 * han or (3 * garbled < 0.3 * letters and garbled < 50):
        return None
    first = _MOJIBAKE_CJK.search(sample)
    if first is None:
        return ""
    raw = _as_bytes(sample[first.start() : first.start() + 60])
    try:
        repaired = bytes(raw).decode("utf-8")
    except UnicodeDecodeError as exc:  # bytes lost (C1 controls dropped): repair up to there
        repaired = bytes(raw[: exc.start]).decode("utf-8", errors="ignore")
    repaired = " ".join(repaired.split())[:12]
    return repaired if len(repaired) >= 4 else ""


# GBK/GB18030 bytes read as Latin-1 or Windows-1252 (and saved again): each Chinese character or
# full-width mark (2 bytes, both A1–FE for the GB2312 characters a report is written in) becomes
# two accented letters or signs: 政府， → Õþ¸®£¬. Latin text has such pairs too (é\xa0» in
# French), so it is only GBK mojibake when the repaired text reads as Chinese: made of the common
# characters (see _COMMON_HAN), which a chance decoding never is.
_HIGH = "".join(chr(c) for c in range(0x80, 0xFF)) + bytes(range(0x80, 0xA0)).decode("cp1252", errors="ignore")
_HIGH_CLASS = "[" + "".join(f"\\u{ord(ch):04x}" for ch in sorted(set(_HIGH))) + "]"
_GBK_RUN = re.compile(rf"(?:{_HIGH_CLASS}{_HIGH_CLASS}){{2,}}")  # two characters at least
_GBK_READS_AS_CHINESE = 0.2  # share of common characters: ~0.5 in a report, ~0.02 by chance


def _gbk_mojibake(sample: str, counts: Callable[[], tuple[int, int]]) -> tuple[str, float] | None:
    matches = list(_GBK_RUN.finditer(sample))
    runs = [run.group() for run in matches]
    garbled = sum(len(run) // 2 for run in runs)
    if garbled < 3:
        return None
    han, letters = counts()
    if garbled <= 2 * han or (2 * garbled < 0.3 * letters and garbled < 50):
        return None
    share = _common_share("".join(bytes(_as_bytes(run)).decode("gb18030", errors="ignore") for run in runs))
    if share < _GBK_READS_AS_CHINESE:
        return None
    first = matches[0]
    repaired = bytes(_as_bytes(sample[first.start() : first.start() + 40])).decode("gb18030", errors="replace")
    repaired = " ".join(repaired.partition("\ufffd")[0].split())[:12]
    return (repaired if len(repaired) >= 4 else ""), share


def mojibake_source(text: str) -> tuple[str, str] | None:
    """When ``text`` is mojibake — Chinese text whose bytes were read as Latin-1/Windows-1252
    and saved again — ``(encoding of the bytes, start of the text it should be)``: ``utf-8`` for
    ``å\\x85¨å¸\\x82`` (``全市``), ``gb18030`` for ``È«ÊÐ`` (the same in GBK); the start is ``""``
    when it cannot be repaired. None for anything else: English, French or any text with real Han
    characters is not mojibake."""
    sample = text[:50000]
    counted: list[tuple[int, int]] = []

    def counts() -> tuple[int, int]:
        # Han characters and letters of the sample: only worked out (once) when there are garbled runs
        if not counted:
            counted.append((len(_HAN_CHAR.findall(sample)), sum(1 for ch in sample if ch.isalpha())))
        return counted[0]

    utf8 = _utf8_mojibake(sample, counts)
    gbk = _gbk_mojibake(sample, counts)
    # GBK pairs may look like UTF-8 runs (æ£¬ is E6 A3 AC) and the reverse: the repair that reads
    # as Chinese tells which
    if gbk is not None and (utf8 is None or _utf8_share(sample) < gbk[1]):
        return "gb18030", gbk[0]
    if utf8 is not None:
        return "utf-8", utf8
    return None


def _utf8_share(sample: str) -> float:
    """The share of common characters in the UTF-8 repair of the mojibake runs of ``sample``."""
    return _common_share("".join(bytes(_as_bytes(run.group())).decode("utf-8", errors="ignore")
                                 for run in _MOJIBAKE_RUN.finditer(sample)))


def mojibake_sample(text: str) -> str | None:
    """The start of the text that mojibake ``text`` should be (see :func:`mojibake_source`),
    ``""`` when it cannot be repaired, None when ``text`` is not mojibake."""
    found = mojibake_source(text)
    return found[1] if found else None


def _codec_name(encoding: str) -> str:
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        return encoding


def check_mojibake(text: str, path: str, encoding: str | None = None) -> None:
    """Raise :class:`ReportError` when ``text`` is mojibake (see :func:`mojibake_source`)."""
    found = mojibake_source(text)
    if found is None:
        return
    source, repaired = found
    seen = f" (repaired, it would read {repaired}…)" if repaired else ""
    name, iconv = ("UTF-8", "utf-8") if source == "utf-8" else ("GBK/GB18030", "gb18030")
    cause = f"looks like mojibake: {name} Chinese text that was read as Latin-1/Windows-1252{seen}"
    if encoding and _codec_name(encoding) in ("iso8859-1", "cp1252"):
        remedy = f"read it as {name}: drop --encoding or give --encoding {iconv}"
    else:
        remedy = ("it was saved again after a wrong decoding: get a clean copy, or undo it with "
                  "iconv -f utf-8 -t latin1 FILE > fixed.txt (cp1252 instead of latin1 if that fails)"
                  + ("" if source == "utf-8" else "; fixed.txt is then GBK, which reportcli reads"))
    raise ReportError(path, cause, remedy)


# ---------------------------------------------------------------- no Chinese at all

# Han characters: the unified ideographs, extension A, the compatibility ideographs and the
# supplementary planes' extensions
_ANY_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")


def check_chinese(text: str, path: str) -> None:
    """Raise :class:`ReportError` when ``text`` has no Chinese character at all (an English or
    French text, a file decoded with a wrong ``--encoding``): reportcli reads Chinese reports,
    and the analyses of such a text would be nonsense. Empty text is left to the caller."""
    if not text.strip() or _ANY_HAN.search(text):
        return
    letters = sum(1 for ch in text if ch.isalpha())
    cause = f"no Chinese text (0 of {letters} letters are Chinese)" if letters else "no Chinese text (no letters at all)"
    raise ReportError(path, cause, "reportcli reads Chinese reports: check the file, or its encoding (--encoding)")
