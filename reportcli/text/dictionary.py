"""Dictionaries for segmentation: the shipped report lexicon and user dictionaries in jieba's format.

A user dictionary has one term a line: ``word [freq] [pos]`` (jieba's format). Rules:

- any encoding (UTF-8 with or without BOM, UTF-16 with BOM, GBK/GB18030, Big5), LF or CRLF;
- blank lines and lines starting with ``#`` are ignored;
- fields are separated by spaces or tabs; a trailing whole number is the frequency, a trailing jieba
  part-of-speech tag (``n``, ``nz``, ``nt``, ``vn`` ...) the tag; everything before them is the term, so a
  term may contain spaces (``Made in China nz``; a trailing number is always the frequency) or a middle dot (``局长·代表面对面``);
- a line whose term part still contains a number or a tag field in its middle (``词 10 nz 5``) has too
  many fields and is reported, as are bad frequencies (``10.5``, ``-3``), control characters and terms
  longer than :data:`MAX_TERM_CHARS`;
- a file that is missing, binary, undecodable or without a single term raises :class:`DictionaryError`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from reportcli.errors import ReportError, UsageError

MAX_TERM_CHARS = 64

# jieba's part-of-speech tag set (ICTCLAS-style, as used in its dictionary), plus the tags of jieba's
# extras; a trailing field is a tag only if it is one of these.
POS_TAGS = frozenset(
    """
    a ad ag an b bg c d df dg e eng f g h i j k l m mg mq n ng nr nrfg nrt ns nt nz o p q r rg rr rz s t
    tg u ud ug uj ul uv uz v vd vg vi vn vq x y yg z zg un
    """.split()
)

_INT_RE = re.compile(r"[0-9]+")
_NUMBERISH_RE = re.compile(r"[-+]?[0-9]*[.,]?[0-9]+(?:[eE][-+]?[0-9]+)?")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


class DictionaryError(ReportError):
    """A dictionary file that cannot be used at all (missing, binary, undecodable, empty)."""


@dataclass(frozen=True, slots=True)
class DictEntry:
    word: str
    freq: int | None
    tag: str | None
    source: str = ""
    line: int = 0


@dataclass
class DictSummary:
    """What one dictionary contributed (for ``-v``)."""

    name: str
    encoding: str = ""
    terms: int = 0
    duplicates: int = 0
    skipped: int = 0
    problems: list[str] = field(default_factory=list)

    def describe(self) -> str:
        enc = f" ({self.encoding})" if self.encoding else ""
        return (f"{self.name}{enc}: {self.terms} terms, {self.duplicates} duplicates, "
                f"{self.skipped} skipped")


def parse_pos_tags(pos: str | Iterable[str] | None, option: str = "--pos") -> tuple[str, ...] | None:
    """``"n,vn, nz"`` (or a list of tags) -> ("n", "vn", "nz"); None or empty -> no filter. An unknown tag
    is a :class:`UsageError` naming ``option``."""
    if not pos:
        return None
    items = pos.replace("，", ",").split(",") if isinstance(pos, str) else list(pos)
    tags = tuple(str(t).strip() for t in items if str(t).strip())
    unknown = [t for t in tags if t not in POS_TAGS]
    if unknown:
        raise UsageError("", f"{option}: unknown part-of-speech tag {unknown[0]!r}", "use jieba's tags, e.g. n,nz,vn,v,a")
    return tags or None


def parse_dict_line(line: str) -> tuple[str, int | None, str | None]:
    """Parse one non-blank line of a jieba-format dictionary; raise ``ValueError(reason)`` when invalid."""
    fields = line.split()
    tag: str | None = None
    freq: int | None = None
    if len(fields) >= 2 and fields[-1] in POS_TAGS:
        tag = fields.pop()
    if len(fields) >= 2 and _INT_RE.fullmatch(fields[-1]):
        freq = int(fields.pop())
    elif len(fields) >= 2 and _NUMBERISH_RE.fullmatch(fields[-1]):
        raise ValueError(f"frequency {fields[-1]!r} is not a whole number >= 0")
    if tag is None and freq is not None and len(fields) >= 2 and fields[-1] in POS_TAGS:
        raise ValueError("fields out of order (expected `word [freq] [pos]`)")
    if len(fields) >= 2 and any(_NUMBERISH_RE.fullmatch(f) or f in POS_TAGS for f in fields[1:]):
        raise ValueError("too many fields (expected `word [freq] [pos]`)")
    word = " ".join(fields)
    if not word:
        raise ValueError("no term")
    if _CONTROL_RE.search(word):
        raise ValueError("term contains control characters")
    if len(word) > MAX_TERM_CHARS:
        raise ValueError(f"term is too long ({len(word)} characters, at most {MAX_TERM_CHARS})")
    if word.isdigit():
        raise ValueError(f"term {word!r} is a number (numbers are always kept whole)")
    return word, freq, tag


def read_user_dict(path: str | Path) -> tuple[list[DictEntry], DictSummary]:
    """Entries of a user dictionary and a summary (encoding, terms, duplicates, skipped, problems)."""
    from reportcli.io.files import read_option_file

    name = str(path)
    text, encoding, _ = read_option_file(path, "dictionary file", "put one term a line (`word [freq] [pos]`)",
                                         DictionaryError)  # fmt: skip
    summary = DictSummary(name, encoding)
    entries: list[DictEntry] = []
    seen: set[str] = set()
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.strip().lstrip("\ufeff")
        if not line or line.startswith("#"):
            continue
        try:
            word, freq, tag = parse_dict_line(line)
        except ValueError as exc:
            summary.skipped += 1
            summary.problems.append(f"{name}:{number}: {exc}")
            continue
        if word in seen:
            summary.duplicates += 1
        seen.add(word)
        entries.append(DictEntry(word, freq, tag, name, number))
    summary.terms = len(seen)
    if not entries:
        if summary.problems:
            raise DictionaryError(
                name, f"no valid term ({summary.skipped} invalid lines, first: {summary.problems[0]})",
                "fix the lines to `word [freq] [pos]`")
        raise DictionaryError(name, "dictionary has no terms (only comments or blank lines)",
                              "put one term a line (`word [freq] [pos]`)")
    return entries, summary


def load_user_dict(path: str | Path) -> tuple[list[DictEntry], list[str]]:
    """Entries of a jieba-format user dictionary and its invalid lines as ``file:line: reason`` strings.

    Raises :class:`DictionaryError` (one line: file, cause, remedy) when the file cannot be used at all.
    """
    entries, summary = read_user_dict(path)
    return entries, summary.problems


def lexicon_path() -> Path:
    return Path(__file__).resolve().parent.parent / "data" / "lexicon.txt"


def load_lexicon(path: Path | None = None) -> list[DictEntry]:
    """Entries of the shipped report lexicon (``word pos`` lines, ``#`` comments)."""
    path = path or lexicon_path()
    entries = []
    name = path.name
    for number, raw in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
        if not raw or raw[0] == "#":
            continue
        fields = raw.split()
        # The shipped file is all `word pos` lines: take them as they are, parse anything else in full.
        if len(fields) == 2 and fields[1] in POS_TAGS and not _NUMBERISH_RE.fullmatch(fields[0]):
            entries.append(DictEntry(fields[0], None, fields[1], name, number))
            continue
        if not fields:
            continue
        word, freq, tag = parse_dict_line(raw.strip())
        entries.append(DictEntry(word, freq, tag, name, number))
    return entries
