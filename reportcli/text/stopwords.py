"""Stopword lists: a general Chinese list and a list of report filler, shipped in reportcli/data."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from reportcli.text.dictionary import DictionaryError

DATA = Path(__file__).resolve().parent.parent / "data"
GENERAL_FILE = DATA / "stopwords_general.txt"
FILLER_FILE = DATA / "stopwords_filler.txt"

# Tokens made only of punctuation, symbols or whitespace.
_NON_WORD_RE = re.compile(r"[\W_]+")


def is_word(token: str) -> bool:
    """False for punctuation, symbols and whitespace tokens."""
    return _NON_WORD_RE.fullmatch(token) is None


def _words(text: str) -> set[str]:
    words = set()
    for raw in text.split("\n"):
        line = raw.strip().lstrip("\ufeff")
        if line and not line.startswith("#"):
            words.add(line.split()[0])
    return words


@cache
def _shipped(path: Path) -> frozenset[str]:
    return frozenset(_words(path.read_text(encoding="utf-8")))


def read_stopword_file(path: str | Path) -> set[str]:
    """Words of a user stopword file (one a line, `#` comments, any encoding)."""
    from reportcli.io.files import read_option_file

    text, _, _ = read_option_file(path, "stopword file", "give a text file with one stopword a line", DictionaryError)
    return _words(text)


def load_stopwords(
    extra_files: Iterable[str | Path] = (), *, general: bool = True, filler: bool = True
) -> frozenset[str]:
    """The shipped general and report-filler stopwords (each can be turned off) plus ``extra_files``."""
    words: set[str] = set()
    if general:
        words |= _shipped(GENERAL_FILE)
    if filler:
        words |= _shipped(FILLER_FILE)
    for path in extra_files:
        words |= read_stopword_file(path)
    return frozenset(words)
