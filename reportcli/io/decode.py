"""Turn the bytes of a text file into text: detect the encoding, never guess silently wrong."""

from __future__ import annotations

import codecs

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


def _pick_legacy(data: bytes, candidates: list[tuple[str, str]]) -> tuple[str, str]:
    """Several legacy encodings decode the bytes: let charset-normalizer judge the text."""
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=[name for name, _ in candidates]).best()
    if best is not None:
        chosen = codecs.lookup(best.encoding).name
        for name, text in candidates:
            if codecs.lookup(name).name == chosen:
                return name, text
    return candidates[0]


def decode_bytes(data: bytes, path: str = "<bytes>", encoding: str | None = None) -> tuple[str, str]:
    """Decode ``data`` and return ``(text, encoding)``; the text's newlines are normalised.

    With ``encoding`` given, that encoding is used strictly. Otherwise: a BOM decides; then strict
    UTF-8; then UTF-16 without a BOM; then GBK/GB18030 and Big5 (charset-normalizer picks when
    both decode). Bytes that no candidate decodes raise :class:`ReportError` rather than being
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
    name, text = candidates[0] if len(candidates) == 1 else _pick_legacy(data, candidates)
    if name == "gb18030":
        try:
            data.decode("gbk")
            name = "gbk"
        except UnicodeDecodeError:
            pass
    return normalise_newlines(text), name
