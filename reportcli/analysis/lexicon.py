"""Attention indices: how often a report uses the terms of a category dictionary, per 10,000.

The measure follows the literature that scores a government's attention to a topic by the frequency of
a word list in its work reports; reportcli states every rule so that the number can be reproduced.

**Dictionaries.** One file per dictionary; its name is the file stem. Shipped dictionaries live in
``reportcli/data/categories/`` (``生态环保``, ``科技创新`` ...). A user file may be

- CSV (or tab-separated) with a header naming the columns ``category``, ``term``, ``weight``, ``note``:
  ``term`` is required; without ``category`` every term belongs to a category named after the file;
  ``weight`` is optional (empty = 1); ``note`` is ignored. Lines starting with ``#`` and blank lines
  are skipped (put the sources of the list in such comments);
- TOML: each top-level key is a category whose value is a list of terms, or a table ``term = weight``.

Any encoding (UTF-8 with or without BOM, UTF-16, GBK/GB18030). Terms and report text are compared
after Unicode NFKC normalisation (``５Ｇ`` = ``5G``), case-sensitively. A term with weight 0 is a
*guard*: it is matched like any other term, so it keeps the shorter terms inside it from matching
(``国民生产`` keeps ``民生`` from counting in 国民生产总值), but it adds nothing to the score and is not
listed in ``top_terms`` or the per-term table.

**Text.** The body lines of the document (web-page cruft excluded), joined with newlines.

**Segmenter.** jieba's dictionary (rjieba engine, HMM off) *without* the shipped report lexicon or the
joining of the report's own coinages (quoted names, numbered formulas): those make phrases such as 高质量充分就业 or “人工智能+” single tokens, which
would hide the terms inside them. :data:`SEGMENTER_DEFAULTS` holds this; ``segmenter_options``
(keyword arguments of :func:`reportcli.text.get_segmenter`) override it.

**Counting rules** (``count``):

- ``tokens`` (default): the dictionary's terms are added to the segmenter, and a hit is a token equal to
  a term;
- ``substrings``: non-overlapping matches, scanning left to right; at each position the longest term
  that starts there wins (leftmost-longest).

The terms of one dictionary file compete with each other (a longer term wins over a shorter one inside
it); dictionaries never affect each other's counts, so a category's numbers do not depend on which other
dictionaries were asked for. A term listed under two categories of one file counts for both.

**Denominators** (``per``), all computed on the same body text, independent of the dictionaries:

- ``words`` (default): tokens of the plain segmenter (no dictionary terms added) that are not
  punctuation, whitespace or numbers (2024, 5.2%, 2024年, 二十: :func:`reportcli.analysis._tokens.is_word`);
- ``tokens``: every token of the plain segmenter except whitespace (punctuation and numbers included);
- ``chars``: Han characters (CJK unified ideographs, extensions and compatibility ideographs); digits,
  Latin letters and punctuation are not counted.

``hits`` is the weighted sum of the term hits (the plain count when no weight is given);
``per_10k = hits / denominator * 10000`` (empty when the denominator is 0).
"""

from __future__ import annotations

import hashlib
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportcli.errors import ReportError, UsageError

if TYPE_CHECKING:
    import pandas as pd

    from reportcli.io.document import Document

LEXICON_COLUMNS = ["category", "hits", "denominator", "per_10k", "top_terms"]
LEXICON_TERM_COLUMNS = ["category", "term", "hits"]

COUNT_RULES = ("tokens", "substrings")
DENOMINATORS = ("words", "tokens", "chars")
SCALE = 10_000
TOP_TERMS = 5

CATEGORY_DIR = Path(__file__).resolve().parent.parent / "data" / "categories"
# Shipped dictionaries in the order they are listed and used by default; others follow by name.
SHIPPED_ORDER = ("生态环保", "科技创新", "数字经济", "民生保障", "对外开放", "安全发展", "乡村振兴", "共同富裕")
DICT_SUFFIXES = (".csv", ".tsv", ".txt", ".toml")

# The measure segments with jieba's dictionary plus the category terms: the report lexicon joins phrases
# (高质量充分就业, 改善民生) and quoted names (“人工智能+”) into single tokens, which would hide the terms
# inside them. Callers may turn them back on (or add user dictionaries) with segmenter_options.
SEGMENTER_DEFAULTS: dict[str, Any] = {"lexicon": False, "quoted": False}

_KNOWN_COLUMNS = ("category", "term", "weight", "note")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")

COUNT_RULE_TEXT = {
    "tokens": "a hit is a token equal to a term; the dictionary's terms are added to the segmenter",
    "substrings": "non-overlapping substring matches, leftmost first, the longest term at each position",
}
DENOMINATOR_TEXT = {
    "words": "tokens of the plain segmenter that are not punctuation, whitespace or numbers",
    "tokens": "tokens of the plain segmenter except whitespace",
    "chars": "Han characters (CJK unified ideographs, extensions, compatibility ideographs)",
}


class LexiconError(ReportError):
    """A category dictionary that cannot be used: one line naming the file, the cause and the remedy."""


class UnknownDictionaryError(LexiconError, UsageError):
    """A ``--dict`` argument that is neither a file nor a shipped dictionary name (a usage error)."""


@dataclass(frozen=True, slots=True)
class CategoryTerm:
    category: str
    term: str
    weight: float = 1.0


@dataclass(frozen=True)
class CategoryDict:
    """One dictionary file: its entries in file order, where it came from and the sha256 of its bytes."""

    name: str
    path: str
    sha256: str
    entries: tuple[CategoryTerm, ...]
    shipped: bool = False
    encoding: str = "utf-8"

    @property
    def categories(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(e.category for e in self.entries))

    @property
    def terms(self) -> tuple[str, ...]:
        """Distinct terms (guards included), in file order: what is added to the segmenter."""
        return tuple(dict.fromkeys(e.term for e in self.entries))

    @property
    def weighted(self) -> bool:
        """True when some term has a weight other than 1 (guards excluded)."""
        return any(e.weight not in (0.0, 1.0) for e in self.entries)

    def __len__(self) -> int:
        return sum(1 for e in self.entries if e.weight != 0)


@dataclass(frozen=True, slots=True)
class CategoryCounts:
    """Counts of one category in one document: weighted ``hits`` and raw hits per term."""

    category: str
    hits: float
    term_hits: tuple[tuple[str, int], ...]  # terms with hits > 0, dictionary order, guards excluded


@dataclass(frozen=True)
class DocLexiconCounts:
    """Picklable result of :func:`lexicon_counts` for one document."""

    name: str
    count: str
    per: str
    denominator: int
    categories: tuple[CategoryCounts, ...]


# ---------------------------------------------------------------- reading dictionaries


def shipped_dictionaries() -> list[str]:
    """Names of the shipped dictionaries, in their default order."""
    names = {p.stem for p in CATEGORY_DIR.glob("*.csv")} if CATEGORY_DIR.is_dir() else set()
    first = [n for n in SHIPPED_ORDER if n in names]
    return first + sorted(names - set(first))


def _number(text: str, path: str, where: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise LexiconError(
            path, f"{where}: weight {text!r} is not a number", "write a number such as 1 or 0.5, or leave it empty"
        ) from None
    if not math.isfinite(value):
        raise LexiconError(path, f"{where}: weight {text!r} is not finite", "write a number such as 1 or 0.5")
    return value


def _clean_term(raw: str, path: str, where: str, kind: str = "term") -> str:
    term = unicodedata.normalize("NFKC", raw.strip())
    if not term:
        raise LexiconError(path, f"{where}: empty {kind}", f"give a {kind} or delete the line")
    if any(ch.isspace() for ch in term) or _CONTROL.search(term):
        raise LexiconError(
            path, f"{where}: {kind} {term!r} contains whitespace", f"remove the space (a {kind} is one word)"
        )
    return term


def _add(
    entries: dict[tuple[str, str], CategoryTerm],
    entry: CategoryTerm,
    path: str,
    where: str,
) -> None:
    key = (entry.category, entry.term)
    old = entries.get(key)
    if old is not None and old.weight != entry.weight:
        raise LexiconError(
            path,
            f"{where}: term {entry.term!r} of category {entry.category!r} is listed twice with weights "
            f"{old.weight:g} and {entry.weight:g}",
            "keep one line per term",
        )
    entries.setdefault(key, entry)


def parse_csv_dictionary(text: str, path: str, default_category: str) -> tuple[CategoryTerm, ...]:
    """Entries of a CSV/TSV dictionary (see the module docstring for the format)."""
    import csv

    lines = text.split("\n")
    rows = [(n, line) for n, line in enumerate(lines, start=1) if line.strip() and not line.lstrip().startswith("#")]
    if not rows:
        raise LexiconError(path, "no header and no terms", "start the file with the header category,term,weight")
    header_no, header_line = rows[0]
    delimiter = "\t" if "\t" in header_line and "," not in header_line else ","
    header = [h.strip().lower() for h in next(csv.reader([header_line], delimiter=delimiter))]
    if "term" not in header:
        raise LexiconError(
            path,
            f"line {header_no}: the header {header_line.strip()!r} has no 'term' column",
            "start the file with the header category,term,weight (category and weight are optional)",
        )
    unknown = [h for h in header if h not in _KNOWN_COLUMNS]
    if unknown or len(set(header)) != len(header):
        raise LexiconError(
            path,
            f"line {header_no}: unexpected column {(unknown or header)[0]!r} in the header",
            "use the columns category, term, weight (optional) and note (ignored)",
        )
    col = {name: header.index(name) for name in header}
    entries: dict[tuple[str, str], CategoryTerm] = {}
    for number, line in rows[1:]:
        where = f"line {number}"
        fields = next(csv.reader([line], delimiter=delimiter))
        if len(fields) > len(header):
            raise LexiconError(
                path,
                f"{where}: {len(fields)} fields for {len(header)} columns",
                "quote a field that contains the delimiter, or remove the extra fields",
            )
        fields += [""] * (len(header) - len(fields))
        term = _clean_term(fields[col["term"]], path, where)
        category = default_category
        if "category" in col:
            category = _clean_term(fields[col["category"]], path, where, "category")
        weight = 1.0
        if "weight" in col and fields[col["weight"]].strip():
            weight = _number(fields[col["weight"]].strip(), path, where)
        _add(entries, CategoryTerm(category, term, weight), path, where)
    return tuple(entries.values())


def parse_toml_dictionary(text: str, path: str) -> tuple[CategoryTerm, ...]:
    """Entries of a TOML dictionary: ``"类别" = ["词", ...]`` or ``["类别"]`` with ``"词" = weight`` lines."""
    try:
        import tomllib
    except ImportError:  # Python 3.10: the same parser, from PyPI
        import tomli as tomllib
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise LexiconError(path, f"not valid TOML ({exc})", "fix the syntax, or write the dictionary as CSV") from None
    entries: dict[tuple[str, str], CategoryTerm] = {}
    for raw_category, value in data.items():
        where = f"category {raw_category!r}"
        category = _clean_term(str(raw_category), path, where, "category")
        if isinstance(value, list):
            items: Iterable[tuple[Any, Any]] = ((term, 1.0) for term in value)
        elif isinstance(value, dict):
            items = value.items()
        else:
            raise LexiconError(
                path,
                f"{where} is a {type(value).__name__}",
                'give a list of terms ("类别" = ["词1", "词2"]) or a table of term = weight',
            )
        for term, weight in items:
            if not isinstance(term, str):
                raise LexiconError(path, f"{where}: term {term!r} is not a string", "quote every term")
            if isinstance(weight, bool) or not isinstance(weight, (int, float)):
                raise LexiconError(path, f"{where}: weight of {term!r} is not a number", "write term = 1.0")
            clean = _clean_term(term, path, where)
            _add(entries, CategoryTerm(category, clean, _number(str(weight), path, where)), path, where)
    return tuple(entries.values())


def read_category_dict(path: str | Path, *, name: str | None = None, shipped: bool = False) -> CategoryDict:
    """Read one dictionary file (CSV, TSV or TOML; any encoding); raise :class:`LexiconError` if unusable."""
    p = Path(path)
    shown = str(path)
    from reportcli.io.files import read_option_file

    text, encoding, data = read_option_file(path, "dictionary file", "write the header category,term,weight and one term a line",
                                       LexiconError)  # fmt: skip
    stem = unicodedata.normalize("NFKC", p.stem)
    if p.suffix.lower() == ".toml":
        entries = parse_toml_dictionary(text, shown)
    else:
        entries = parse_csv_dictionary(text, shown, stem)
    if not any(e.weight != 0 for e in entries):
        raise LexiconError(shown, "no terms (only a header, comments or guards)", "add terms, one a line")
    return CategoryDict(
        name=name or stem,
        path=shown,
        sha256=hashlib.sha256(data).hexdigest(),
        entries=entries,
        shipped=shipped,
        encoding=encoding,
    )


def resolve_dictionary(name_or_path: str | Path) -> tuple[Path, bool]:
    """The file of a dictionary argument and whether it is shipped.

    An existing file wins; otherwise a shipped name (the file stem, e.g. ``生态环保``).
    """
    arg = str(name_or_path)
    p = Path(arg)
    if p.is_file():
        return p, False
    shipped = CATEGORY_DIR / f"{unicodedata.normalize('NFKC', arg)}.csv"
    if "/" not in arg and "\\" not in arg and shipped.is_file():
        return shipped, True
    names = ", ".join(shipped_dictionaries())
    if p.suffix.lower() in DICT_SUFFIXES or "/" in arg or "\\" in arg or p.exists():
        raise LexiconError(arg, "no such dictionary file", f"check the path, or use a shipped name ({names})")
    raise UnknownDictionaryError(arg, "no shipped dictionary of that name", f"use one of {names}, or give a file path")


def load_category_dicts(names_or_paths: Iterable[str | Path] | None = None) -> list[CategoryDict]:
    """Dictionaries by shipped name or file path (default: every shipped dictionary).

    The same file given twice is read once. Two dictionaries defining the same category name are an
    error (the wide table has one column per category).
    """
    args = list(names_or_paths) if names_or_paths is not None else []
    if not args:
        args = list(shipped_dictionaries())
        if not args:
            raise LexiconError(str(CATEGORY_DIR), "no shipped dictionaries found", "reinstall reportcli")
    dicts: list[CategoryDict] = []
    seen: set[Path] = set()
    owner: dict[str, str] = {}
    for arg in args:
        path, shipped = resolve_dictionary(arg)
        key = path.resolve()
        if key in seen:
            continue
        seen.add(key)
        cdict = read_category_dict(path, name=path.stem if shipped else None, shipped=shipped)
        for category in cdict.categories:
            if category in owner:
                raise LexiconError(
                    cdict.path,
                    f"category {category!r} is also defined by {owner[category]}",
                    "rename the category in one of the files, or give only one of them",
                )
            owner[category] = cdict.path
        dicts.append(cdict)
    return dicts


# ---------------------------------------------------------------- counting


def body_text(doc: Document | str) -> str:
    """The text that is counted: the document's body lines joined with newlines, NFKC-normalised."""
    if isinstance(doc, str):
        text = doc
    else:
        text = "\n".join(doc.line_text(line) for line in doc.body_lines())
    return unicodedata.normalize("NFKC", text)


_CLAUSE = re.compile(r"[^，。；！？\n]+[，。；！？]?")


@lru_cache(maxsize=64)
def _term_pattern(terms: tuple[str, ...]) -> re.Pattern[str]:
    # Alternatives longest first: at each position the regex engine takes the first (= longest) that matches.
    ordered = sorted(terms, key=lambda t: (-len(t), t))
    return re.compile("|".join(re.escape(t) for t in ordered))


def substring_hits(text: str, terms: Sequence[str]) -> Counter[str]:
    """Non-overlapping leftmost-longest matches of ``terms`` in ``text``."""
    if not terms:
        return Counter()
    return Counter(m.group() for m in _term_pattern(tuple(terms)).finditer(text))


def segmenter_options_in_effect(segmenter_options: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """:data:`SEGMENTER_DEFAULTS` updated with ``segmenter_options`` (keyword arguments of get_segmenter)."""
    import inspect

    from reportcli.text import get_segmenter

    accepted = inspect.signature(get_segmenter).parameters
    opts = {k: v for k, v in SEGMENTER_DEFAULTS.items() if k in accepted}
    opts.update(segmenter_options or {})
    opts.pop("extra_words", None)
    if "user_dicts" in opts:
        opts["user_dicts"] = tuple(str(p) for p in opts["user_dicts"])
    return opts


def _segmenter(options: Mapping[str, Any] | None, extra_words: tuple[str, ...] = ()) -> Any:
    from reportcli.text import get_segmenter

    return get_segmenter(**segmenter_options_in_effect(options), extra_words=extra_words)


def warm_segmenters(dicts: Sequence[CategoryDict], count: str, per: str,
                    segmenter_options: Mapping[str, Any] | None = None) -> None:
    """Build every segmenter a run will use, once (before worker processes are forked)."""
    if per != "chars":
        _segmenter(segmenter_options)
    if count == "tokens":
        for cdict in dicts:
            _segmenter(segmenter_options, tuple(cdict.terms))


def token_hits(text: str, terms: Sequence[str], segmenter_options: Mapping[str, Any] | None = None) -> Counter[str]:
    """Tokens equal to a term, with the terms added to the segmenter."""
    if not terms:
        return Counter()
    seg = _segmenter(segmenter_options, tuple(terms))
    wanted = set(terms)
    candidates = _term_pattern(tuple(terms))
    # Only the clauses that contain a term are cut: the engines never join a token across ，。；！？ or a
    # line end, so this gives the same tokens as cutting the whole text, several times faster.
    return Counter(tok for clause in _CLAUSE.findall(text) if candidates.search(clause)
                   for tok in seg.cut(clause) if tok in wanted)  # fmt: skip


def denominator(text: str, per: str = "words", segmenter_options: Mapping[str, Any] | None = None) -> int:
    """The size of ``text`` under a denominator rule (see the module docstring)."""
    if per == "chars":
        return len(_HAN.findall(text))
    if per not in DENOMINATORS:
        raise ValueError(f"unknown denominator {per!r} (choose from {', '.join(DENOMINATORS)})")
    tokens = _segmenter(segmenter_options).cut(text)
    if per == "tokens":
        return sum(1 for tok in tokens if not tok.isspace())
    from reportcli.analysis._tokens import is_word

    return sum(1 for tok in tokens if is_word(tok))


def lexicon_counts(
    doc: Document | str,
    dicts: Sequence[CategoryDict],
    *,
    count: str = "tokens",
    per: str = "words",
    segmenter_options: Mapping[str, Any] | None = None,
) -> DocLexiconCounts:
    """Hits of every category of ``dicts`` in one document, and the denominator.

    A module-level function of picklable arguments, so that it can run in worker processes.
    ``segmenter_options`` are keyword arguments of :func:`reportcli.text.get_segmenter` (engine, hmm,
    lexicon, user_dicts); the dictionaries' terms are added to them for ``count="tokens"``.
    """
    if count not in COUNT_RULES:
        raise ValueError(f"unknown counting rule {count!r} (choose from {', '.join(COUNT_RULES)})")
    if per not in DENOMINATORS:
        raise ValueError(f"unknown denominator {per!r} (choose from {', '.join(DENOMINATORS)})")
    text = body_text(doc)
    results: list[CategoryCounts] = []
    for cdict in dicts:
        if count == "tokens":
            raw = token_hits(text, cdict.terms, segmenter_options)
        else:
            raw = substring_hits(text, cdict.terms)
        for category in cdict.categories:
            total = 0.0
            per_term: list[tuple[str, int]] = []
            for entry in cdict.entries:
                if entry.category != category or entry.weight == 0:
                    continue
                n = raw.get(entry.term, 0)
                if n:
                    total += n * entry.weight
                    per_term.append((entry.term, n))
            hits: float = int(total) if total.is_integer() else total
            results.append(CategoryCounts(category, hits, tuple(per_term)))
    return DocLexiconCounts(
        name="<text>" if isinstance(doc, str) else doc.name,
        count=count,
        per=per,
        denominator=denominator(text, per, segmenter_options),
        categories=tuple(results),
    )


# ---------------------------------------------------------------- rows


def per_10k(hits: float, denom: int) -> float | None:
    """``hits / denom * 10000`` rounded to 4 decimals; None when the denominator is 0."""
    if denom <= 0:
        return None
    return round(hits / denom * SCALE, 4)


def format_top_terms(term_hits: Sequence[tuple[str, int]], top: int = TOP_TERMS) -> str:
    """``"生态文明:5; 绿色发展:3"``: the most frequent terms (ties in dictionary order)."""
    ranked = sorted(enumerate(term_hits), key=lambda item: (-item[1][1], item[0]))[:top]
    return "; ".join(f"{term}:{n}" for _, (term, n) in ranked)


def lexicon_rows(counts: DocLexiconCounts, *, top: int = TOP_TERMS) -> Iterator[dict[str, Any]]:
    """Long table: one row per category (:data:`LEXICON_COLUMNS`)."""
    for cat in counts.categories:
        yield {
            "category": cat.category,
            "hits": cat.hits,
            "denominator": counts.denominator,
            "per_10k": per_10k(cat.hits, counts.denominator),
            "top_terms": format_top_terms(cat.term_hits, top),
        }


def lexicon_term_rows(counts: DocLexiconCounts) -> Iterator[dict[str, Any]]:
    """Per-term table (:data:`LEXICON_TERM_COLUMNS`): terms with at least one hit, raw counts."""
    for cat in counts.categories:
        for term, n in cat.term_hits:
            yield {"category": cat.category, "term": term, "hits": n}


def wide_columns(dicts: Sequence[CategoryDict]) -> list[str]:
    """Columns of the wide table after the file/metadata columns: one per category."""
    return [category for cdict in dicts for category in cdict.categories]


def lexicon_wide_row(counts: DocLexiconCounts) -> dict[str, Any]:
    """Wide table: one row per document, ``{category: per_10k}``."""
    return {cat.category: per_10k(cat.hits, counts.denominator) for cat in counts.categories}


# ---------------------------------------------------------------- provenance


def _package_version(name: str) -> str | None:
    from importlib import metadata

    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def _file_sha256(path: str) -> str | None:
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return None


def segmenter_settings(segmenter_options: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """Every segmenter option in effect (defaults of ``get_segmenter`` filled in), for provenance."""
    import inspect

    from reportcli.text import get_segmenter

    settings: dict[str, Any] = {
        name: param.default
        for name, param in inspect.signature(get_segmenter).parameters.items()
        if param.default is not inspect.Parameter.empty and name != "extra_words"
    }
    settings.update(segmenter_options_in_effect(segmenter_options))
    settings["user_dicts"] = [{"path": p, "sha256": _file_sha256(p)} for p in settings.get("user_dicts", ())]
    settings["engine_version"] = _package_version(str(settings.get("engine", "rjieba")))
    settings["extra_words"] = "the terms of each dictionary (tokens rule only)"
    return settings


def provenance_record(dicts: Sequence[CategoryDict], options: Mapping[str, Any]) -> dict[str, Any]:
    """A JSON-ready record of how a lexicon table was made.

    ``options``: ``count``, ``per`` and ``segmenter_options`` (as given to :func:`lexicon_counts`), plus
    anything else the caller wants recorded (e.g. ``top_terms``, ``wide``).
    """
    import reportcli

    version: str | None = getattr(reportcli, "__version__", None)
    count = str(options.get("count", "tokens"))
    per = str(options.get("per", "words"))
    uses_segmenter = count == "tokens" or per != "chars"
    extra = {k: v for k, v in options.items() if k not in ("count", "per", "segmenter_options")}
    record: dict[str, Any] = {
        "tool": "reportcli lexicon",
        "reportcli_version": version,
        "dictionaries": [
            {
                "name": d.name,
                "source": "shipped" if d.shipped else d.path,
                "sha256": d.sha256,
                "encoding": d.encoding,
                "categories": list(d.categories),
                "terms": len(d),
                "guards": sum(1 for e in d.entries if e.weight == 0),
                "weighted": d.weighted,
            }
            for d in dicts
        ],
        "options": {
            "count": count,
            "count_rule": COUNT_RULE_TEXT.get(count, ""),
            "per": per,
            "per_rule": DENOMINATOR_TEXT.get(per, ""),
            "scale": SCALE,
            "text": "body lines joined with newlines, Unicode NFKC; terms NFKC, case-sensitive",
            "weights": "hits = sum of term hits x weight; weight 0 = guard (matched, not counted)",
            "segmenter": segmenter_settings(options.get("segmenter_options")) if uses_segmenter else None,
            **extra,
        },
    }
    return record


# ---------------------------------------------------------------- library table


def attention_table(
    docs: Document | str | Path | None | Sequence[Document | str | Path] = None,
    dicts: Sequence[str | Path | CategoryDict] | None = None,
    *,
    count: str = "tokens",
    per: str = "words",
    wide: bool = False,
    terms: bool = False,
    segmenter_options: Mapping[str, Any] | None = None,
) -> pd.DataFrame:
    """The lexicon table of one or more reports as a DataFrame, ``file`` first.

    ``docs``: Documents or paths (None: the seed report). ``dicts``: shipped names, file paths or
    loaded :class:`CategoryDict` (default: every shipped dictionary). ``wide``: one row per file, one
    column per category (per_10k); ``terms``: the per-term table.
    """
    import pandas as pd

    from reportcli.io.document import Document, load

    items: list[Any] = list(docs) if isinstance(docs, (list, tuple)) else [docs]
    loaded = [d for d in dicts or () if isinstance(d, CategoryDict)]
    names = [d for d in dicts or () if not isinstance(d, CategoryDict)]
    if names or not loaded:
        loaded += load_category_dicts(names)
    rows: list[dict[str, Any]] = []
    for item in items:
        doc = item if isinstance(item, Document) else load(item)
        counts = lexicon_counts(doc, loaded, count=count, per=per, segmenter_options=segmenter_options)
        if wide:
            rows.append({"file": counts.name, **lexicon_wide_row(counts)})
        elif terms:
            rows.extend({"file": counts.name, **row} for row in lexicon_term_rows(counts))
        else:
            rows.extend({"file": counts.name, **row} for row in lexicon_rows(counts))
    if wide:
        columns = ["file", *wide_columns(loaded)]
    else:
        columns = ["file", *(LEXICON_TERM_COLUMNS if terms else LEXICON_COLUMNS)]
    return pd.DataFrame(rows, columns=columns)
