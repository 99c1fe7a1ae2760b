"""``reportcli lexicon``: attention indices — how often a report uses a category dictionary's terms."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

from reportcli.cli._common import Common, PathsArg, command, option_files, plot_option, usage_error
from reportcli.cli.app import app

_SEG = "Segmentation (lexicon)"


class Count(str, Enum):
    tokens = "tokens"
    substrings = "substrings"


class Per(str, Enum):
    words = "words"
    tokens = "tokens"
    chars = "chars"


def _list_rows() -> Any:
    from reportcli.analysis.lexicon import load_category_dicts

    for cdict in load_category_dicts():
        yield {
            "dictionary": cdict.name,
            "categories": "; ".join(cdict.categories),
            "terms": len(cdict),
            "guards": len(cdict.terms) - len(cdict),
            "sha256": cdict.sha256,
        }


def _check_user_dicts(paths: Any, verbose: bool) -> None:
    """Read the --user-dict files once, up front (the workers read them again): bad lines are warnings,
    an unusable file an error."""
    from reportcli.text import read_user_dict

    for path in paths:
        _, summary = read_user_dict(path)
        for problem in summary.problems:
            sys.stderr.write(f"reportcli: warning: {problem}\n")
        if verbose:
            sys.stderr.write(f"reportcli: {summary.describe()}\n")


@command(app, "lexicon", short_help="Attention indices: a topic dictionary's hits per 10,000 words.")
def lexicon(
    common: Common,
    paths: PathsArg = None,
    dicts: Annotated[
        list[str] | None,
        typer.Option(
            "--dict",
            "-d",
            metavar="NAME|FILE",
            help="Category dictionary: a shipped name (生态环保 科技创新 数字经济 民生保障 对外开放 安全发展 "
            "乡村振兴 共同富裕) or a CSV/TOML file (category,term,weight). Repeatable. Default: every "
            "shipped dictionary.",
        ),
    ] = None,
    count: Annotated[
        Count,
        typer.Option(
            "--count",
            help="tokens: the terms are added to the segmenter and a hit is a token equal to a term; "
            "substrings: non-overlapping matches, the longest term first at each position.",
        ),
    ] = Count.tokens,
    per: Annotated[
        Per,
        typer.Option(
            "--per",
            help="Denominator: words (tokens that are not punctuation or numbers), tokens (all but "
            "whitespace) or chars (Han characters).",
        ),
    ] = Per.words,
    wide: Annotated[
        bool, typer.Option("--wide", help="One row per file, one column per category (per_10k): a panel.")
    ] = False,
    terms: Annotated[
        bool, typer.Option("--terms", help="The per-term breakdown: file, category, term, hits.")
    ] = False,
    top_terms: Annotated[
        int, typer.Option("--top-terms", min=0, help="How many terms the top_terms column lists.")
    ] = 5,
    provenance: Annotated[
        str | None,
        typer.Option(
            "--provenance",
            metavar="FILE",
            help="Also write a JSON record of the reportcli version, the dictionaries (name, sha256) "
            "and every counting option.",
        ),
    ] = None,
    plot: Annotated[str | None, plot_option('a chart: lines of per_10k over a numeric --meta/--manifest column (year), one series per category (or per region); bars per file without one')] = None,
    list_dicts: Annotated[
        bool, typer.Option("--list", help="List the shipped dictionaries (terms, sha256) and exit.")
    ] = False,
    engine: Annotated[
        str,
        typer.Option("--engine", metavar="rjieba|jieba", help="Segmentation engine.", rich_help_panel=_SEG),
    ] = "rjieba",
    hmm: Annotated[
        bool, typer.Option("--hmm", help="Let the HMM guess unknown words.", rich_help_panel=_SEG)
    ] = False,
    report_lexicon: Annotated[
        bool,
        typer.Option(
            "--report-lexicon",
            help="Also load the shipped report lexicon (off here: its phrases, e.g. 高质量充分就业, would "
            "hide the terms inside them).",
            rich_help_panel=_SEG,
        ),
    ] = False,
    user_dicts: Annotated[
        list[str] | None,
        typer.Option(
            "--user-dict",
            metavar="FILE",
            help="User dictionary for the segmenter, jieba's format (word [freq] [pos]); repeatable.",
            rich_help_panel=_SEG,
        ),
    ] = None,
) -> None:
    """Attention indices: hits of a dictionary's terms per 10,000 words, one row per file and category.

    Columns: file, category, hits, denominator, per_10k, top_terms (hits are weighted when the
    dictionary has weights; per_10k = hits / denominator * 10000). With --wide: file and one column
    per category; with --terms: file, category, term, hits. --meta adds columns (year, region) from
    the file names, so a directory of reports gives a panel.

    Example: reportcli lexicon --dict 生态环保 --wide --meta '(?P<year>\\d{4})_' reports/
    """
    from reportcli.analysis.lexicon import (
        LEXICON_COLUMNS,
        LEXICON_TERM_COLUMNS,
        lexicon_counts,
        lexicon_rows,
        lexicon_term_rows,
        lexicon_wide_row,
        load_category_dicts,
        provenance_record,
        warm_segmenters,
        wide_columns,
    )

    if list_dicts and plot:
        raise usage_error("--plot draws the counts, not the --list of dictionaries")
    if list_dicts and provenance:
        raise usage_error("--provenance records a count, not the --list of dictionaries")
    if list_dicts:
        common.emit(["dictionary", "categories", "terms", "guards", "sha256"], _list_rows(), title="reportcli lexicon --list")
        return
    if wide and terms:
        raise usage_error("--wide and --terms are two different tables: give one of them")
    if engine not in ("rjieba", "jieba"):
        raise usage_error(f"--engine: unknown engine {engine!r}; choose rjieba or jieba")
    for name in dicts or ():
        if Path(name).is_dir():
            raise usage_error(f"{name}: is a directory, not a dictionary file; give a CSV/TOML file "
                              "(category,term,weight) or a shipped name")  # fmt: skip
    with option_files():  # a missing, empty or malformed dictionary is a usage error, like a bad --manifest
        loaded = load_category_dicts(dicts)
        _check_user_dicts(user_dicts or (), common.verbose)
    if common.verbose:
        for cdict in loaded:
            terms_n = sum(1 for e in cdict.entries if e.weight != 0)
            sys.stderr.write(f"reportcli: dictionary {cdict.name} ({'shipped' if cdict.shipped else cdict.path}, "
                             f"{cdict.encoding}): {', '.join(cdict.categories)}; {terms_n} terms; "
                             f"sha256 {cdict.sha256[:12]}…\n")  # fmt: skip
    extra = common.extra_columns()
    categories = wide_columns(loaded)
    if wide:
        clash = [c for c in categories if c in ("file", *extra)]
        if clash:
            raise usage_error(f"category {clash[0]!r} has the name of a --meta/--manifest column; rename one")
    segmenter_options: dict[str, Any] = {"engine": engine, "hmm": hmm, "lexicon": report_lexicon}
    if user_dicts:
        segmenter_options["user_dicts"] = tuple(user_dicts)
    options = {"dicts": loaded, "count": count.value, "per": per.value, "segmenter_options": segmenter_options}
    results = common.results(paths, lexicon_counts, options, prepare=lambda: warm_segmenters(loaded, count.value, per.value, segmenter_options))

    def rows() -> Any:
        for result in results:
            prefix = {"file": result.name, **common.extra_values(result.name)}
            if wide:
                yield {**prefix, **lexicon_wide_row(result.value)}
            elif terms:
                for row in lexicon_term_rows(result.value):
                    yield {**prefix, **row}
            else:
                for row in lexicon_rows(result.value, top=top_terms):
                    yield {**prefix, **row}

    if wide:
        columns = ["file", *extra, *categories]
    else:
        columns = ["file", *extra, *(LEXICON_TERM_COLUMNS if terms else LEXICON_COLUMNS)]
    if wide:
        bars = {"bar": categories[0]} if len(categories) == 1 else None
    else:
        bars = {"bar": "hits" if terms else "per_10k"}
    if not plot:
        common.emit(columns, rows(), title="reportcli lexicon", bars=bars)
    else:
        gathered = list(rows())
        common.emit(columns, gathered, title="reportcli lexicon", bars=bars)
        from reportcli.plot import lexicon_long, plot_lexicon, plot_lexicon_terms

        if terms:
            plot_lexicon_terms(gathered, plot, count=count.value)
        else:
            long_rows = lexicon_long(gathered, categories) if wide else gathered
            plot_lexicon(long_rows, plot, meta_columns=extra, count=count.value, per=per.value)
    if provenance:
        from reportcli.render import AtomicOutput

        record = provenance_record(
            loaded,
            {
                "count": count.value,
                "per": per.value,
                "segmenter_options": segmenter_options,
                "top_terms": top_terms,
                "table": "wide" if wide else "terms" if terms else "long",
                "files_done": common.done,
                "files_failed": common.failed,
            },
        )
        with AtomicOutput(provenance, what="the --provenance file") as handle:
            json.dump(record, handle, ensure_ascii=False, indent=2)
            handle.write("\n")
