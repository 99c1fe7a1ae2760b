"""Charts of the row tables: keywords (horizontal bars), keyness (diverging bars), attention over a
metadata column (lines) and numeric facts (bars), written as PNG or SVG.

matplotlib is imported inside the functions only, so that the CLI starts without it. Chinese
labels are drawn with Noto Sans CJK SC from the ``noto-cjk-sans-otc`` package (a font file on
PyPI, registered with matplotlib when a chart is drawn; nothing is downloaded at run time), or a
system font with Chinese glyphs when that package is absent. SVG keeps its labels as text.

Every ``plot_*`` function takes the rows a command emits (dicts keyed by column name) and a
path ending in ``.png`` or ``.svg``; the file is written atomically.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from reportcli.errors import ReportError, UsageError

PLOT_SUFFIXES = (".png", ".svg")
MAX_PANELS = 6
CJK_FAMILY = "Noto Sans CJK SC"
# Fonts with Chinese glyphs that a system may have, tried when the font package is not installed.
_SYSTEM_CJK = ("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN",
               "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "Microsoft YaHei", "SimHei", "PingFang SC",
               "Heiti SC", "Noto Sans CJK JP")  # fmt: skip
_DPI = 100
# Named in SVG files after the drawing font, for viewers without it (SVG keeps its labels as text).
_SVG_FALLBACK = ("Source Han Sans SC", "PingFang SC", "Microsoft YaHei")
_A_COLOR = "#1f77b4"
_B_COLOR = "#d62728"

_PER_LABEL = {"words": "words", "tokens": "tokens", "chars": "Han characters"}
_KEYWORD_MEASURES = {"count": "count (occurrences)", "per_10k": "per 10,000 words", "score": "score"}
_COMPARE_MEASURES = {
    "log_ratio": "log ratio (log2 of the rate in A / the rate in B)",
    "g2": "G² (log-likelihood), signed: + more in A, − more in B",
}

_family: str | None = None


def check_plot_path(path: str) -> str:
    """The format (``png`` or ``svg``) a ``--plot`` path asks for; raise :class:`UsageError` for
    another extension or a directory that does not exist."""
    suffix = Path(path).suffix.lower()
    if suffix not in PLOT_SUFFIXES:
        raise UsageError(
            "--plot", f"{path!r} does not end in .png or .svg", "name the chart e.g. chart.png or chart.svg"
        )
    from reportcli.render import target_problem

    problem = target_problem(path, "the chart")
    if problem:
        cause, _, remedy = problem.partition("; ")
        raise UsageError(path, cause, remedy)
    return suffix[1:]


def cjk_font_file() -> Path | None:
    """The font file shipped by the ``noto-cjk-sans-otc`` package, or None when it is not installed."""
    try:
        import noto_cjk_sans_otc  # type: ignore[import-not-found]
    except ImportError:
        return None
    path = Path(str(noto_cjk_sans_otc.FONT_PATH))
    return path if path.is_file() else None


def cjk_font_family() -> str:
    """Register the packaged CJK font with matplotlib (once per process) and return the font family
    to draw with; raise :class:`ReportError` when no font with Chinese glyphs can be found."""
    global _family
    if _family is not None:
        return _family
    from matplotlib import font_manager

    names = {entry.name for entry in font_manager.fontManager.ttflist}
    font_file = cjk_font_file()
    if font_file is not None and CJK_FAMILY not in names:
        font_manager.fontManager.addfont(str(font_file))
        names = {entry.name for entry in font_manager.fontManager.ttflist}
    for family in _SYSTEM_CJK:
        if family in names:
            _family = family
            return family
    raise ReportError("--plot", "no font with Chinese glyphs was found for the chart",
                      "install the font package: pip install noto-cjk-sans-otc")  # fmt: skip


def _rc(family: str) -> dict[str, Any]:
    return {
        "font.family": "sans-serif",
        "font.sans-serif": [family, *_SVG_FALLBACK, "DejaVu Sans"],
        "svg.fonttype": "none",  # labels stay text in SVG: searchable, and no glyph outlines to go wrong
        "svg.hashsalt": "reportcli",  # stable ids: the same rows give the same SVG
        "axes.unicode_minus": True,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "font.size": 10,
        "axes.titlesize": 11,
        "figure.titlesize": 12,
    }


class _Chart:
    """A matplotlib figure drawn and saved under reportcli's style (no pyplot, no global state)."""

    def __init__(self, path: str) -> None:
        self.fmt = check_plot_path(path)
        self.path = path
        family = cjk_font_family()
        import matplotlib

        self._context = matplotlib.rc_context(_rc(family))  # type: ignore[arg-type]

    def __enter__(self) -> _Chart:
        self._context.__enter__()
        return self

    def figure(self, width: float, height: float) -> Any:
        from matplotlib.figure import Figure

        self.fig = Figure(figsize=(width, height), dpi=_DPI, layout="constrained")
        return self.fig

    def title(self, text: str) -> None:
        """The figure's title, wrapped at spaces (and made smaller if it still does not fit in two lines)
        so that it fits the figure's width: a long file name or category list is never cut off."""
        import matplotlib
        from matplotlib.font_manager import FontProperties

        if len(text) > _TITLE_CHARS:  # (three category names of 120 characters: a title can only say so much)
            text = text[: _TITLE_CHARS - 1] + "…"
        size = FontProperties(size=matplotlib.rcParams["figure.titlesize"]).get_size_in_points()
        room = self.fig.get_figwidth() * 72 * _TITLE_ROOM
        lines = _wrap(text, room, size)
        while (len(lines) > 2 or any(_text_width(line, size) > room for line in lines)) and size > _MIN_TITLE_SIZE:
            size -= 1
            lines = _wrap(text, room, size)
        if len(lines) > _TITLE_LINES:  # at the smallest size still too long: the last line says it goes on
            lines = [*lines[: _TITLE_LINES - 1], lines[_TITLE_LINES - 1][:-1] + "…"]
        self.fig.suptitle("\n".join(lines), fontsize=size)

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> None:
        try:
            if exc_type is None:
                import warnings

                from reportcli.render import AtomicOutput

                with AtomicOutput(self.path, binary=True, what="the chart") as handle, warnings.catch_warnings():
                    # (matplotlib's layout notes, e.g. when very long labels leave the axes no room, are not
                    # the user's business: the chart is drawn as well as it can be)
                    warnings.simplefilter("ignore", UserWarning)
                    self.fig.savefig(handle, format=self.fmt, dpi=_DPI, metadata=_metadata(self.fmt))
        finally:
            self._context.__exit__(exc_type, exc, tb)


_TITLE_ROOM = 0.94  # of the figure's width, in points
_MIN_TITLE_SIZE = 8.0
_TITLE_CHARS = 160
_TITLE_LINES = 3


def _text_width(text: str, size: float) -> float:
    """The width of ``text`` in points, drawn in the current font at ``size`` points."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import TextToPath

    width, _, _ = TextToPath().get_text_width_height_descent(text, FontProperties(size=size), ismath=False)
    return float(width)


def _wrap(text: str, room: float, size: float) -> list[str]:
    """``text`` in lines no wider than ``room`` points: broken after a comma where it can be, else at a
    space, and inside a word (a long file name) only when the word alone is too wide."""
    lines: list[str] = []
    for clause in re.split(r"(?<=,) ", text):  # "…, seed_report.txt": a file name keeps a line of its own
        joined = f"{lines[-1]} {clause}" if lines else clause
        if lines and _text_width(joined, size) <= room:
            lines[-1] = joined
        elif _text_width(clause, size) <= room:
            lines.append(clause)
        else:
            lines.extend(_wrap_words(clause, room, size))
    return lines


def _wrap_words(text: str, room: float, size: float) -> list[str]:
    lines: list[str] = []
    line = ""
    for word in re.findall(r"\S+\s*", text):
        if not line or _text_width(line + word.rstrip(), size) <= room:
            line += word
            continue
        lines.append(line.rstrip())
        line = word
    if line:
        lines.append(line.rstrip())
    fitted: list[str] = []
    for line in lines:  # a single word wider than the room: cut it into pieces that fit
        while _text_width(line, size) > room and len(line) > 1:
            low, high = 1, len(line) - 1  # the longest piece that fits, found by halving
            while low < high:
                mid = (low + high + 1) // 2
                if _text_width(line[:mid], size) <= room:
                    low = mid
                else:
                    high = mid - 1
            fitted.append(line[:low])
            line = line[low:]
        fitted.append(line)
    return fitted


def _metadata(fmt: str) -> dict[str, Any]:
    # No date in the file: the same rows give the same bytes.
    return {"Date": None} if fmt == "svg" else {"Software": "reportcli (matplotlib)"}


def _need_rows(rows: Sequence[Any], what: str, path: str) -> None:
    if not rows:
        raise ReportError(path, f"nothing to plot: the {what} table has no rows", "no chart was written")


def _short(name: Any, width: int = 28) -> str:
    text = Path(str(name)).name if str(name) not in ("", "-") else str(name)
    return text if len(text) <= width else text[: width - 1] + "…"


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return None if isinstance(value, float) and math.isnan(value) else float(value)
    try:
        number = float(str(value).strip())
    except ValueError:
        return None
    return None if math.isnan(number) else number


def _grid(count: int) -> tuple[int, int]:
    cols = 1 if count == 1 else 2 if count in (2, 4) else 3
    return math.ceil(count / cols), cols


def _palette(count: int) -> list[Any]:
    from matplotlib import colormaps

    cmap = colormaps["tab10" if count <= 10 else "tab20"]
    return [cmap(i % cmap.N) for i in range(count)]


# ----------------------------------------------------------------------------- keywords
def plot_keywords(rows: Iterable[Mapping[str, Any]], path: str, *, measure: str = "count",
                  method: str = "freq", max_panels: int = MAX_PANELS) -> None:  # fmt: skip
    """Horizontal bars of the top words: one panel per file (or per file and section), the first
    ``max_panels`` of them; ``measure`` is ``count``, ``per_10k`` or ``score``."""
    rows = list(rows)
    _need_rows(rows, "keywords", path)
    if measure not in _KEYWORD_MEASURES:
        raise ValueError(f"measure must be one of {', '.join(_KEYWORD_MEASURES)}")
    panels: dict[tuple[str, str], list[Mapping[str, Any]]] = {}
    for row in rows:
        panels.setdefault((str(row.get("file", "")), str(row.get("section") or "")), []).append(row)
    keys = list(panels)[:max_panels]
    label = f"{method} score" if measure == "score" else _KEYWORD_MEASURES[measure]
    longest = max(len(panels[k]) for k in keys)
    nrows, ncols = _grid(len(keys))
    with _Chart(path) as chart:
        fig = chart.figure(min(4.2 * ncols + 0.6, 14), min(0.24 * longest * nrows + 1.0 * nrows + 0.6, 30))
        axes = fig.subplots(nrows, ncols, squeeze=False).ravel()
        for ax, key in zip(axes, keys):
            part = panels[key]
            words = [str(r.get("word", "")) for r in part]
            values = [_number(r.get(measure)) or 0.0 for r in part]
            positions = range(len(words))
            ax.barh(positions, values, color=_A_COLOR)
            ax.set_yticks(list(positions), words)
            ax.invert_yaxis()
            ax.set_xlabel(label)
            ax.set_title(_short(key[0], 40 if not key[1] else 24) + (f" / {_short(key[1], 18)}" if key[1] else ""))
            ax.grid(axis="x", alpha=0.3)
        for ax in axes[len(keys) :]:
            ax.set_visible(False)
        more = f" (first {len(keys)} of {len(panels)} panels)" if len(panels) > len(keys) else ""
        chart.title(f"Top keywords ({method}): {label}{more}")


# ----------------------------------------------------------------------------- compare
def group_label(names: Sequence[str]) -> str:
    """A short label for one side of a comparison: the file (or directory) name, or the first and a count."""
    first = Path(names[0]).name or str(names[0]) if names else "?"
    return first if len(names) <= 1 else f"{first} and {len(names) - 1} more"


def plot_compare(rows: Iterable[Mapping[str, Any]], path: str, *, label_a: str = "A", label_b: str = "B",
                 measure: str = "log_ratio") -> None:  # fmt: skip
    """Diverging bars of keyness: words over-used in A to the right, in B to the left; the axis is
    the log ratio or G² (signed by side)."""
    rows = list(rows)
    _need_rows(rows, "compare", path)
    if measure not in _COMPARE_MEASURES:
        raise ValueError(f"measure must be one of {', '.join(_COMPARE_MEASURES)}")
    items: list[tuple[str, float, str]] = []
    for row in rows:
        side = str(row.get("side", "a"))
        value = _number(row.get(measure)) or 0.0
        if measure == "g2":
            value = abs(value) if side == "a" else -abs(value)
        items.append((str(row.get("word", "")), value, side))
    items.sort(key=lambda item: -item[1])
    peak = max((abs(v) for _, v, _ in items), default=1.0) or 1.0
    with _Chart(path) as chart:
        fig = chart.figure(7.5, min(0.26 * len(items) + 1.6, 30))
        ax = fig.subplots()
        positions = list(range(len(items)))
        colors = [_A_COLOR if side == "a" else _B_COLOR for _, _, side in items]
        ax.barh(positions, [v for _, v, _ in items], color=colors)
        pad = peak * 0.02
        for y, (word, value, _) in zip(positions, items):  # the word sits across the zero line from its bar
            ax.text(-pad if value >= 0 else pad, y, word, va="center", ha="right" if value >= 0 else "left")
        ax.axvline(0, color="#444444", linewidth=0.8)
        ax.set_xlim(-peak * 1.35, peak * 1.35)
        ax.set_yticks([])
        ax.invert_yaxis()
        ax.spines["left"].set_visible(False)
        ax.set_xlabel(_COMPARE_MEASURES[measure])
        ax.grid(axis="x", alpha=0.3)
        from matplotlib.patches import Patch

        # below the axes, not over the bars: inside, it hid the last words of side B
        fig.legend(handles=[Patch(color=_A_COLOR, label=f"more in A: {_short(label_a, 40)}"),
                            Patch(color=_B_COLOR, label=f"more in B: {_short(label_b, 40)}")],
                   loc="outside lower center", fontsize=9, ncols=1)  # fmt: skip
        chart.title(f"Keyness: {_short(label_a, 36)} (A) vs {_short(label_b, 36)} (B)")


# ----------------------------------------------------------------------------- lexicon
def _lexicon_title(categories: Sequence[str], count: str, per: str) -> str:
    names = "、".join(categories) if len(categories) <= 3 else "Attention"
    return f"{names} per 10,000 {_PER_LABEL.get(per, per)} ({count} rule)"


def numeric_column(rows: Sequence[Mapping[str, Any]], columns: Sequence[str]) -> str | None:
    """The first of ``columns`` (``year`` first) whose values are all numbers, with at least two
    distinct values: the x axis of a line chart."""
    ordered = sorted(columns, key=lambda c: c != "year")
    for col in ordered:
        values = [_number(r.get(col)) for r in rows]
        if values and all(v is not None for v in values) and len(set(values)) > 1:
            return col
    return None


def lexicon_long(rows: Iterable[Mapping[str, Any]], categories: Sequence[str]) -> list[dict[str, Any]]:
    """The wide table (one column of per_10k per category) as the long one (category, per_10k)."""
    long_rows: list[dict[str, Any]] = []
    for row in rows:
        rest = {k: v for k, v in row.items() if k not in categories}
        long_rows.extend({**rest, "category": c, "per_10k": row.get(c)} for c in categories)
    return long_rows


def plot_lexicon(rows: Iterable[Mapping[str, Any]], path: str, *, meta_columns: Sequence[str] = (),
                 count: str = "tokens", per: str = "words", x: str | None = None) -> None:  # fmt: skip
    """Attention indices (the long table: file, meta columns, category, per_10k).

    With a numeric metadata column (``year`` first, or ``x``): lines over it, one series per
    category, or per ``region`` (one panel per category) when there is a region column; a year
    with several files gives their mean. Without one: grouped bars per file.
    """
    rows = list(rows)
    _need_rows(rows, "lexicon", path)
    categories = list(dict.fromkeys(str(r["category"]) for r in rows))
    x = x or numeric_column(rows, [c for c in meta_columns if c != "region"])
    title = _lexicon_title(categories, count, per)
    ylabel = f"per 10,000 {_PER_LABEL.get(per, per)}"
    if x is None:
        _lexicon_bars(rows, path, categories, title, ylabel)
        return
    regions = {str(r.get("region") or "") for r in rows} if "region" in meta_columns else set()
    by_region = len(regions) > 1
    panels = categories[:MAX_PANELS] if by_region else [""]
    integral_x = all((_number(r.get(x)) or 0.0).is_integer() for r in rows)
    from matplotlib.ticker import MaxNLocator, StrMethodFormatter

    nrows, ncols = _grid(len(panels))
    with _Chart(path) as chart:
        fig = chart.figure(min(5.5 * ncols + 1.5, 16), 3.6 * nrows + 0.6)
        axes = fig.subplots(nrows, ncols, squeeze=False).ravel()
        for ax, panel in zip(axes, panels):
            series: dict[str, dict[float, list[float]]] = {}
            for row in rows:
                if panel and row["category"] != panel:
                    continue
                name = str(row.get("region") or "?") if by_region else str(row["category"])
                xv, yv = _number(row.get(x)), _number(row.get("per_10k"))
                if xv is not None and yv is not None:
                    series.setdefault(name, {}).setdefault(xv, []).append(yv)
            for (name, points), color in zip(series.items(), _palette(len(series))):
                xs = sorted(points)
                ys = [sum(points[v]) / len(points[v]) for v in xs]
                ax.plot(xs, ys, marker="o", markersize=3, linewidth=1.5, color=color, label=name)
            ax.set_xlabel(x)
            ax.set_ylabel(ylabel)
            ax.grid(alpha=0.3)
            if integral_x:  # years: whole numbers, no offset
                ax.xaxis.set_major_locator(MaxNLocator(integer=True, steps=[1, 2, 5, 10]))
                ax.xaxis.set_major_formatter(StrMethodFormatter("{x:.0f}"))
            if panel and len(panels) > 1:
                ax.set_title(panel)
            if len(series) > 1 or by_region:
                ax.legend(fontsize=8, ncols=1 if len(series) <= 8 else 2,
                          title="region" if by_region else "category", title_fontsize=8)  # fmt: skip
        for ax in axes[len(panels) :]:
            ax.set_visible(False)
        xs_all = [v for v in (_number(r.get(x)) for r in rows) if v is not None]
        span = f"{min(xs_all):g}–{max(xs_all):g}"
        chart.title(f"{title}{', by region' if by_region else ''}, {x} {span}")


def _lexicon_bars(rows: list[Mapping[str, Any]], path: str, categories: list[str], title: str, ylabel: str) -> None:
    files = list(dict.fromkeys(str(r.get("file", "")) for r in rows))
    values = {(str(r.get("file", "")), str(r["category"])): _number(r.get("per_10k")) or 0.0 for r in rows}
    if len(files) == 1:  # one report: a bar per category
        with _Chart(path) as chart:
            fig = chart.figure(max(5.0, 0.75 * len(categories) + 1.5), 4.2)
            ax = fig.subplots()
            bars = ax.bar(range(len(categories)), [values.get((files[0], c), 0.0) for c in categories],
                          color=_palette(len(categories)))  # fmt: skip
            ax.bar_label(bars, fmt="%.1f", fontsize=8, padding=2)
            ax.set_xticks(range(len(categories)), categories)
            ax.set_xlabel("category")
            ax.set_ylabel(ylabel)
            ax.grid(axis="y", alpha=0.3)
            chart.title(f"{title}, {_short(files[0], 40)}")
        return
    width = 0.8 / len(categories)
    with _Chart(path) as chart:
        fig = chart.figure(min(max(6.0, 0.5 * len(files) * max(1, len(categories) / 2) + 2), 16), 4.8)
        ax = fig.subplots()
        for i, (category, color) in enumerate(zip(categories, _palette(len(categories)))):
            xs = [f + (i - (len(categories) - 1) / 2) * width for f in range(len(files))]
            heights = [values.get((name, category), 0.0) for name in files]
            ax.bar(xs, heights, width=width, color=color, label=category)
        ax.set_xticks(range(len(files)), [_short(f, 20) for f in files], rotation=30 if len(files) > 3 else 0,
                      ha="right" if len(files) > 3 else "center")  # fmt: skip
        ax.set_xlabel("file")
        ax.set_ylabel(ylabel)
        ax.grid(axis="y", alpha=0.3)
        if len(categories) > 1:
            ax.legend(fontsize=8, title="category", title_fontsize=8)
        chart.title(title)


def plot_lexicon_terms(rows: Iterable[Mapping[str, Any]], path: str, *, top: int = 25, count: str = "tokens") -> None:
    """Horizontal bars of the most frequent dictionary terms (hits over all files), coloured by category."""
    rows = list(rows)
    _need_rows(rows, "lexicon --terms", path)
    hits: dict[tuple[str, str], float] = {}
    for row in rows:
        key = (str(row["category"]), str(row["term"]))
        hits[key] = hits.get(key, 0.0) + (_number(row.get("hits")) or 0.0)
    ranked = sorted(hits.items(), key=lambda item: -item[1])[:top]
    categories = list(dict.fromkeys(c for (c, _), _ in ranked))
    colors = dict(zip(categories, _palette(len(categories))))
    files = len({r.get("file") for r in rows})
    with _Chart(path) as chart:
        fig = chart.figure(7.0, min(0.26 * len(ranked) + 1.6, 30))
        ax = fig.subplots()
        positions = list(range(len(ranked)))
        ax.barh(positions, [v for _, v in ranked], color=[colors[c] for (c, _), _ in ranked])
        ax.set_yticks(positions, [t for (_, t), _ in ranked])
        ax.invert_yaxis()
        ax.set_xlabel(f"hits ({count} rule)")
        ax.grid(axis="x", alpha=0.3)
        from matplotlib.patches import Patch

        ax.legend(handles=[Patch(color=colors[c], label=c) for c in categories], fontsize=8, title="category",
                  title_fontsize=8, loc="lower right")  # fmt: skip
        chart.title(f"Dictionary terms by hits, {files} file{'s' if files != 1 else ''}")


# ----------------------------------------------------------------------------- facts
def _section_head(section: Any) -> str:
    head = str(section or "").split(" > ")[0].strip()
    return head or "(before the first section)"


def plot_facts(rows: Iterable[Mapping[str, Any]], path: str, *, by: str = "kind") -> None:
    """Counts of numeric facts by ``kind`` (grouped bars per file when there are up to six files)
    or by top-level ``section`` (horizontal bars, in report order, all files together)."""
    rows = list(rows)
    _need_rows(rows, "facts", path)
    files = list(dict.fromkeys(str(r.get("file", "")) for r in rows))
    if by == "section":
        counts: dict[str, int] = {}
        for row in rows:
            head = _section_head(row.get("section"))
            counts[head] = counts.get(head, 0) + 1
        names = list(counts)[:40]
        kinds = sorted({str(r.get("kind", "")) for r in rows})
        with _Chart(path) as chart:
            fig = chart.figure(7.5, min(0.3 * len(names) + 1.6, 30))
            ax = fig.subplots()
            positions = list(range(len(names)))
            ax.barh(positions, [counts[n] for n in names], color=_A_COLOR)
            ax.set_yticks(positions, [_short(n, 30) for n in names])
            ax.invert_yaxis()
            ax.set_xlabel("numeric facts (count)")
            ax.grid(axis="x", alpha=0.3)
            where = _short(files[0], 40) if len(files) == 1 else f"{len(files)} files"
            kind_text = ", ".join(kinds) if len(kinds) <= 3 else "all kinds"
            chart.title(f"Numeric facts by section ({kind_text}), {where}")
        return
    if by != "kind":
        raise ValueError("by must be 'kind' or 'section'")
    totals: dict[str, int] = {}
    per_file: dict[tuple[str, str], int] = {}
    for row in rows:
        kind = str(row.get("kind", "")) or "?"
        totals[kind] = totals.get(kind, 0) + 1
        key = (str(row.get("file", "")), kind)
        per_file[key] = per_file.get(key, 0) + 1
    kinds = sorted(totals, key=lambda k: -totals[k])
    grouped = 1 < len(files) <= MAX_PANELS
    series = files if grouped else [""]
    width = 0.8 / len(series)
    with _Chart(path) as chart:
        fig = chart.figure(max(6.0, 0.6 * len(kinds) * len(series) + 1.5), 4.2)
        ax = fig.subplots()
        for i, (name, color) in enumerate(zip(series, _palette(len(series)) if grouped else [_A_COLOR])):
            xs = [k + (i - (len(series) - 1) / 2) * width for k in range(len(kinds))]
            heights = [per_file.get((name, kind), 0) if grouped else totals[kind] for kind in kinds]
            bars = ax.bar(xs, heights, width=width, color=color, label=_short(name, 30) if grouped else None)
            ax.bar_label(bars, fontsize=8, padding=2)
        ax.set_xticks(range(len(kinds)), kinds)
        ax.set_xlabel("kind")
        ax.set_ylabel("numeric facts (count)")
        ax.grid(axis="y", alpha=0.3)
        if grouped:
            ax.legend(fontsize=8, title="file", title_fontsize=8)
        where = _short(files[0], 40) if len(files) == 1 else f"{len(files)} files"
        chart.title(f"Numeric facts by kind, {where}")
