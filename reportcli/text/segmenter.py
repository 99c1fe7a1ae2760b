"""Word segmentation for official reports: two engines (rjieba, jieba) behind one interface.

Both engines start from jieba's own dictionary and receive the same additions (the shipped report lexicon,
user dictionaries, extra words) with the same frequencies, so with HMM off they give the same tokens.
Number spans (23.4%, 1,234.5, 63.3万, ２０２５), names in quotation or book-title marks (“东数西算”,
《民营经济促进法》), numbered formulas (一企一策, 三区三线; ``quoted=False`` turns these two rules off) and
dictionary terms the engines cannot join (terms with a space or a middle dot) are cut out before the engine runs and
emitted as one token each.
"""

from __future__ import annotations

import logging
import re
import warnings
from collections.abc import Callable, Iterable, Sequence
from itertools import accumulate
from pathlib import Path

from reportcli.text.dictionary import DictEntry, DictSummary, load_lexicon, read_user_dict
from reportcli.text.numbers import split_pattern

ENGINES = ("rjieba", "jieba")

# Frequency given to lexicon terms, extra words and user terms without one: high enough that a term wins
# over jieba's split of it in context, not so high that it swamps the dictionary's total.
TERM_FREQ = 20000

# Characters jieba joins into one token; a term with any other character (a space, a middle dot) cannot
# come out of the engine whole and is protected like a number instead.
_ENGINE_WORD_RE = re.compile(r"[\u4e00-\u9fd5a-zA-Z0-9+#&._%]+")

Tagged = tuple[str, str]

# Quoted phrases up to this many characters are names of the report's own unless they read as a clause.
NAME_MAX = 8

# The closing mark of each opening mark a quoted name may stand between.
_CLOSE = {"“": "”", "「": "」", "『": "』", "《": "》"}

# Entries a per-phrase cache may hold before it is emptied (a long-running process stays bounded).
_CACHE_LIMIT = 100_000

# Stands for a kept piece in a joined engine call (a private-use character: no dictionary word contains it).
_HOLE = "\ue000"



def _rjieba_class() -> type:
    """rjieba's ``Jieba`` class, without building the package's module-level default segmenter.

    ``import rjieba`` builds a default ``Jieba()`` at import time (about 60 ms) that reportcli never uses,
    since every segmenter needs a private dictionary of its own; so the compiled module is loaded by itself
    and registered under its usual name, where a later ``import rjieba`` finds it.
    """
    import sys

    for name in ("rjieba.rjieba", "rjieba"):
        module = sys.modules.get(name)
        if module is not None:
            return module.Jieba  # type: ignore[no-any-return]
    try:
        import importlib.machinery
        import importlib.util

        package = importlib.util.find_spec("rjieba")
        folder = Path(next(iter(package.submodule_search_locations or ())))  # type: ignore[union-attr]
        path = next(folder / f"rjieba{suffix}" for suffix in importlib.machinery.EXTENSION_SUFFIXES
                    if (folder / f"rjieba{suffix}").is_file())
        spec = importlib.util.spec_from_file_location("rjieba.rjieba", path)
        module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
        spec.loader.exec_module(module)  # type: ignore[union-attr]
        sys.modules["rjieba.rjieba"] = module
        return module.Jieba  # type: ignore[no-any-return]
    except Exception:  # an unusual installation: the ordinary import works, only slower
        import rjieba

        return rjieba.Jieba


def _tie_breaker(word: str) -> int:
    """A small fixed offset per term (0-996), so that two segmentations never score exactly alike:
    jieba and jieba-rs break exact ties differently (国有资产|管理体制改革 against 国有资产管理|体制改革,
    3 × 20000 either way), and the engines must agree."""
    import zlib

    return zlib.crc32(word.encode("utf-8")) % 997


class _RJiebaEngine:
    name = "rjieba"
    joined_calls = False  # a call costs little: cutting the parts one by one is faster than filling holes

    def __init__(self) -> None:
        self._jieba = _rjieba_class()()
        self.cut: Callable[[str, bool], list[str]] = self._jieba.cut
        self.tag: Callable[[str, bool], list[Tagged]] = self._jieba.tag

    def suggest_freq(self, word: str) -> int:
        return int(self._jieba.suggest_freq(word))

    def add_word(self, word: str, freq: int, tag: str) -> None:
        self._jieba.add_word(word, freq, tag)


def _fallback_tag(word: str) -> str:
    # Tags of tokens outside the dictionary, as jieba-rs assigns them.
    if word.isascii() and word.isalnum():
        return "m" if word.isdigit() else "eng"
    return "x"


class _JiebaEngine:
    name = "jieba"
    joined_calls = True  # a call costs much: one call per text, holes for the kept pieces

    def __init__(self) -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # jieba imports pkg_resources, which warns
            import jieba
        jieba.setLogLevel(logging.ERROR)
        self._module_dir = Path(jieba.__file__).resolve().parent
        tokenizer = jieba.Tokenizer()
        tokenizer.initialize()
        self._tokenizer = tokenizer
        self._lcut = tokenizer.lcut
        self._tags: dict[str, str] | None = None
        self._user_tags: dict[str, str] = {}

    def cut(self, text: str, hmm: bool) -> list[str]:
        return self._lcut(text, False, hmm)

    def _tag_table(self) -> dict[str, str]:
        if self._tags is None:
            tags: dict[str, str] = {}
            with open(self._module_dir / "dict.txt", encoding="utf-8") as fh:
                for line in fh:
                    parts = line.split()
                    if len(parts) == 3:
                        tags[parts[0]] = parts[2]
            # As in jieba-rs, a word of the base dictionary keeps its tag.
            for word, tag in self._user_tags.items():
                tags.setdefault(word, tag)
            self._tags = tags
        return self._tags

    def tag(self, text: str, hmm: bool) -> list[Tagged]:
        table = self._tag_table()
        return [(w, table.get(w) or _fallback_tag(w)) for w in self._lcut(text, False, hmm)]

    def suggest_freq(self, word: str) -> int:
        return int(self._tokenizer.suggest_freq(word, False))

    def add_word(self, word: str, freq: int, tag: str) -> None:
        self._tokenizer.add_word(word, freq, tag)
        self._user_tags[word] = tag
        if self._tags is not None:
            self._tags.setdefault(word, tag)


def _make_engine(name: str) -> _RJiebaEngine | _JiebaEngine:
    if name == "rjieba":
        return _RJiebaEngine()
    if name == "jieba":
        return _JiebaEngine()
    raise ValueError(f"unknown segmentation engine {name!r} (choose from {', '.join(ENGINES)})")


class Segmenter:
    """A segmenter with the report lexicon, user dictionaries and number protection.

    Use :func:`get_segmenter` (cached per process) rather than building one per call.
    """

    def __init__(
        self,
        engine: str = "rjieba",
        *,
        hmm: bool = False,
        lexicon: bool | str | Path = True,
        user_dicts: Sequence[str | Path] = (),
        extra_words: Iterable[str] = (),
        quoted: bool = True,
    ) -> None:
        if engine not in ENGINES:
            raise ValueError(f"unknown segmentation engine {engine!r} (choose from {', '.join(ENGINES)})")
        self.engine = engine
        self.hmm = hmm
        self.summaries: list[DictSummary] = []
        self.problems: list[str] = []
        merged: dict[str, DictEntry] = {}

        def merge(entries: list[DictEntry], summary: DictSummary | None) -> None:
            for entry in entries:
                if summary is not None and entry.word in merged and merged[entry.word].source != entry.source:
                    summary.duplicates += 1
                merged[entry.word] = entry

        if lexicon:
            lex = load_lexicon(None if lexicon is True else Path(lexicon))
            merge(lex, None)
            self.summaries.append(DictSummary("report lexicon", "utf-8", len(lex)))
        for path in user_dicts:
            entries, summary = read_user_dict(path)
            merge(entries, summary)
            self.summaries.append(summary)
            self.problems.extend(summary.problems)
        extra = [DictEntry(w.strip(), None, None, "extra words") for w in extra_words if w and w.strip()]
        if extra:
            summary = DictSummary("extra words", "", len({e.word for e in extra}))
            merge(extra, summary)
            self.summaries.append(summary)

        self._engine = _make_engine(engine)
        self._tags: dict[str, str] = {}
        protected: list[str] = []
        plan: list[tuple[str, int, str]] = []
        for word, entry in merged.items():
            tag = entry.tag or "nz"
            self._tags[word] = tag
            if not _ENGINE_WORD_RE.fullmatch(word):
                protected.append(word)
                continue
            freq = entry.freq if entry.freq is not None else max(TERM_FREQ + _tie_breaker(word),
                                                                 self._engine.suggest_freq(word))  # fmt: skip
            plan.append((word, freq, tag))
        # Frequencies are all decided before any word is added, so the order of additions cannot matter.
        for word, freq, tag in plan:
            self._engine.add_word(word, freq, tag)
        self._protected = frozenset(protected)
        self._coined_cache: dict[str, bool] = {}
        self._formula_cache: dict[tuple[str, int, int], tuple[int, int] | None] = {}
        self._finditer = split_pattern(protected, quoted, formulas=quoted).finditer
        self.terms = len(merged)

    def __repr__(self) -> str:
        return f"Segmenter(engine={self.engine!r}, hmm={self.hmm}, terms={self.terms})"

    def describe(self) -> list[str]:
        """One line per dictionary loaded (for ``-v``)."""
        lines = [s.describe() for s in self.summaries]
        lines.append(f"engine {self.engine}, HMM {'on' if self.hmm else 'off'}, {self.terms} terms added")
        return lines

    def _coined(self, phrase: str) -> bool:
        """Whether a quoted phrase is a name of the report's own, kept as one token (cached per phrase).

        A report puts its coinages in quotation marks (“大综合一体化”, “机器管招投标”, “五创图强”): a
        phrase of at most :data:`NAME_MAX` characters is one token unless it reads as a clause (a verb
        first in a phrase of ordinary words: “打造耐心资本”, “加快发展”, while “公转水” stays; 了 in it; 的
        inside a phrase of more than five characters: “家门口的好去处”) or holds a term of the report lexicon, a user dictionary or the extra
        words, which stays a token of its own so that it is counted wherever it occurs (《优化营商环境条例》
        keeps 营商环境).
        """
        known = self._coined_cache.get(phrase)
        if known is not None:
            return known
        if len(self._coined_cache) > _CACHE_LIMIT:
            self._coined_cache.clear()
        if phrase in self._protected:
            kept = True
        elif len(phrase) > NAME_MAX:
            kept = False
        else:
            pieces = self._engine.tag(phrase, self.hmm)
            words = [w for w, _ in pieces]
            first, tag = pieces[0]
            kept = not (
                len(pieces) < 2
                or any(w in self._tags for w in words)
                # A verb first makes a clause of ordinary words (“加快发展”, “打造耐心资本”); a piece of one
                # character marks a coinage jieba cannot parse (“公转水”, “回头看”, “打非治违”), kept.
                or (len(first) > 1 and tag.startswith("v") and tag != "vn" and min(map(len, words)) > 1)
                or "了" in words
                or (len(phrase) > 5 and "的" in words)
            )
        self._coined_cache[phrase] = kept
        return kept

    def _formula(self, text: str, start: int, end: int) -> tuple[int, int] | None:
        """The span of ``text`` kept as one numbered formula (一企一策) within the match ``text[start:end]``,
        or None (cached per context).

        The match is a run of numeral + character pairs. The longest run of at least two pairs is kept
        whose every pair boundary and both ends are token boundaries of the engine's own cut (so that no
        word or dictionary term straddles them: 一对一服务, 四面八方五湖四海, 三区三线一单 with 三线一单 in
        the lexicon, 一心一意 already a word), unless it repeats one pair (一步一步). A first pair that is
        a word of its own (一批, 两岸, 九江) is left out when the numerals differ or the next pair is no
        word: 一批双创, 两岸双向, 九江三地 are not formulas, and 一批一企一策 keeps 一企一策.
        """
        lo = max(0, start - 3)
        window = text[lo:end + 4]
        key = (window, start - lo, end - lo)
        if key in self._formula_cache:
            rel = self._formula_cache[key]
            return None if rel is None else (lo + rel[0], lo + rel[1])
        if len(self._formula_cache) > _CACHE_LIMIT:
            self._formula_cache.clear()
        cuts = set(accumulate(map(len, self._engine.cut(window, self.hmm)), initial=0))
        first, pairs = start, (end - start) // 2
        if pairs >= 2 and self._is_word(text[start:start + 2]) and (
            text[start] != text[start + 2] or not self._is_word(text[start + 2:start + 4])
        ):
            first, pairs = start + 2, pairs - 1
        found = None
        if first - lo in cuts:
            for k in range(pairs, 1, -1):
                stop = first + 2 * k
                if all(first + 2 * i - lo in cuts for i in range(1, k + 1)) and len(
                    {text[i] for i in range(first + 1, stop, 2)}
                ) > 1:
                    found = (first, stop)
                    break
        self._formula_cache[key] = None if found is None else (found[0] - lo, found[1] - lo)
        return found

    def _is_word(self, pair: str) -> bool:
        """Whether the engine keeps ``pair`` as one token (a dictionary word)."""
        return len(self._engine.cut(pair, self.hmm)) == 1

    def _kept(self, text: str) -> list[tuple[int, int, str]]:
        """``(start, end, default tag)`` of the spans of ``text`` kept as one token each, in order: numbers,
        protected terms, quoted names, numbered formulas (the default tag applies when the span is not
        a dictionary term)."""
        kept: list[tuple[int, int, str]] = []
        finditer = self._finditer
        matches = finditer(text)
        while True:
            for m in matches:
                start, end = m.span()
                kind = m.lastgroup
                if kind == "quoted":
                    if _CLOSE.get(text[start]) != text[end:end + 1] or not self._coined(m.group("quoted")):
                        # The phrase stays with the text around it (one engine call the fewer); numbers
                        # and formulas inside it are found by searching on from its first character.
                        matches = finditer(text, start + 1)
                        break
                    kept.append((start + 1, end, "nz"))  # the opening mark goes to the engine
                elif kind == "formula":
                    span = self._formula(text, start, end)
                    if span is not None:
                        kept.append((span[0], span[1], "nz"))
                        if span[1] < end:  # a shorter formula was kept: search on right after it
                            matches = finditer(text, span[1])
                            break
                else:
                    kept.append((start, end, "m"))
            else:
                return kept

    def _pieces(self, text: str) -> list[tuple[str, str]]:
        """``text`` as pieces ``(tag, piece)``: pieces with a tag are single tokens, those with an empty
        tag go to the engine."""
        pieces: list[tuple[str, str]] = []
        tags = self._tags
        pos = 0
        for start, end, default in self._kept(text):
            if start > pos:
                pieces.append(("", text[pos:start]))
            word = text[start:end]
            pieces.append((tags.get(word, default), word))
            pos = end
        if pos < len(text):
            pieces.append(("", text[pos:]))
        return pieces

    def cut(self, text: str) -> list[str]:
        """Tokens of ``text``; joined they give ``text`` back (whitespace tokens included)."""
        kept = self._kept(text)
        cut = self._engine.cut
        hmm = self.hmm
        if not kept:
            return cut(text, hmm)
        if self._engine.joined_calls and _HOLE not in text:
            # One engine call for the whole text: each kept span becomes a hole character, which the
            # engine emits as a token of its own and which separates the text around it exactly as
            # cutting the parts one by one would; the holes are then filled with the kept spans.
            parts = []
            pos = 0
            for start, end, _ in kept:
                parts.append(text[pos:start])
                parts.append(_HOLE)
                pos = end
            parts.append(text[pos:])
            tokens = cut("".join(parts), hmm)
            at = 0
            for start, end, _ in kept:
                at = tokens.index(_HOLE, at)
                tokens[at] = text[start:end]
            return tokens
        out: list[str] = []
        pos = 0
        for start, end, _ in kept:
            if start > pos:
                out += cut(text[pos:start], hmm)
            out.append(text[start:end])
            pos = end
        if pos < len(text):
            out += cut(text[pos:], hmm)
        return out

    def tokenize(self, text: str) -> list[tuple[str, int, int]]:
        """``(token, start, end)`` with character offsets into ``text``."""
        tokens = self.cut(text)
        return list(zip(tokens, accumulate(map(len, tokens), initial=0), accumulate(map(len, tokens))))

    def tag(self, text: str) -> list[Tagged]:
        """``(token, pos)`` pairs; numbers are ``m``, coined quoted names ``nz``, terms their dictionary tag."""
        tag = self._engine.tag
        hmm = self.hmm
        out: list[Tagged] = []
        for kept, piece in self._pieces(text):
            if kept:
                out.append((piece, kept))
            else:
                out += tag(piece, hmm)
        return out

    def tag_tokens(self, text: str) -> list[tuple[str, int, int, str]]:
        """``(token, start, end, pos)``."""
        pairs = self.tag(text)
        lengths = [len(w) for w, _ in pairs]
        return [
            (w, s, e, t)
            for (w, t), s, e in zip(pairs, accumulate(lengths, initial=0), accumulate(lengths))
        ]


_CACHE: dict[tuple, Segmenter] = {}


def get_segmenter(
    engine: str = "rjieba",
    *,
    hmm: bool = False,
    lexicon: bool | str | Path = True,
    user_dicts: Sequence[str | Path] = (),
    extra_words: Iterable[str] = (),
    quoted: bool = True,
) -> Segmenter:
    """A :class:`Segmenter`, built once per process for each combination of options.

    ``lexicon`` is True (the shipped report lexicon), False (none) or the path of another lexicon file;
    ``quoted=False`` turns off the rules for the report's own coinages (quoted names, numbered formulas).

    Raises :class:`~reportcli.text.dictionary.DictionaryError` for a user dictionary that cannot be used;
    invalid lines of usable dictionaries are in ``segmenter.problems`` (``file:line: reason``).
    """
    lex = lexicon if isinstance(lexicon, bool) else str(lexicon)
    key = (engine, bool(hmm), lex, tuple(str(p) for p in user_dicts), tuple(extra_words), bool(quoted))
    seg = _CACHE.get(key)
    if seg is None:
        seg = Segmenter(engine, hmm=hmm, lexicon=lex, user_dicts=key[3], extra_words=key[4], quoted=quoted)
        _CACHE[key] = seg
    return seg
