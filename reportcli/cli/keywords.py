"""``reportcli keywords``: the words a report leans on (frequency, TF-IDF against official reports, TextRank)."""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Any

import typer

from reportcli.cli._common import Common, PathsArg, SegOptions, command, option_files, plot_option, usage_error
from reportcli.cli.app import app


class Method(str, Enum):
    freq = "freq"
    tfidf = "tfidf"
    textrank = "textrank"


class By(str, Enum):
    file = "file"
    section = "section"


def counts_work(doc: Any, *, seg: SegOptions, **options: Any) -> Any:
    """Per-file step, run in a worker: a picklable DocCounts summary of one document."""
    from reportcli.analysis.keywords import document_counts

    return document_counts(doc, seg.segmenter(), stopwords=seg.stopwords(), **options)


@command(app, "keywords", segmentation=True,
         short_help="The words a report leans on: counts, TF-IDF or TextRank.")  # fmt: skip
def keywords(
    common: Common,
    paths: PathsArg = None,
    method: Annotated[
        Method,
        typer.Option(
            "--method",
            "-m",
            help="freq: counts; tfidf: weighted by an IDF of official "
            "reports; textrank: centrality in the co-occurrence graph.",
        ),
    ] = Method.freq,
    top: Annotated[int, typer.Option("--top", "-n", min=1, help="Words per file (or per section).")] = 20,
    min_len: Annotated[
        int, typer.Option("--min-len", min=1, help="Shortest word, in characters (1 allows single characters).")
    ] = 2,
    pos: Annotated[
        str | None,
        typer.Option(
            "--pos", metavar="TAGS", help="Keep only these part-of-speech tags (jieba's, exact), e.g. n,vn,nz."
        ),
    ] = None,
    numbers: Annotated[bool, typer.Option("--numbers", help="Allow numbers (2024年, 3.5%) and measure words (平方米, 公里) as keywords.")] = False,
    by: Annotated[
        By, typer.Option("--by", help="section: top words of each top-level section, with its title; a report without headings is one section, (whole report).")
    ] = By.file,
    combined: Annotated[
        bool, typer.Option("--combined", help="Rank all files together instead of each file on its own.")
    ] = False,
    idf: Annotated[
        str | None,
        typer.Option(
            "--idf",
            metavar="FILE",
            help="IDF table for --method tfidf: word<TAB>idf lines (or jieba's word idf), any encoding; a "
            "'<default>' line gives the IDF of unlisted words (else the median). Default: built from official reports.",
        ),
    ] = None,
    plot: Annotated[str | None, plot_option('the top words as horizontal bars, a panel per file (up to 6)')] = None,
) -> None:
    """The words a report leans on, with counts, rate per 10,000 words and document frequency.

    Numbers, punctuation and single characters are never keywords unless asked for (--numbers,
    --min-len 1). doc_freq counts the files of this run that use the word.

    Example: reportcli keywords report.txt --method tfidf --top 30
    """
    from reportcli.analysis.keywords import KEYWORD_COLUMNS, keyword_rows, load_idf
    from reportcli.text.dictionary import parse_pos_tags

    if idf and method is not Method.tfidf:
        raise usage_error("--idf is used only with --method tfidf")
    with option_files():  # a missing or malformed --idf table is a usage error (exit 2)
        table = load_idf(idf) if method is Method.tfidf else None
    options = {
        "seg": common.seg,
        "min_len": min_len,
        "pos": parse_pos_tags(pos),
        "numbers": numbers,
        "by_section": by is By.section,
        "textrank": method is Method.textrank,
    }
    summaries = [result.value for result in common.results(paths, counts_work, options)]
    extra = common.extra_columns()
    lead = ["file", *extra, "section"] if by is By.section else ["file", *extra]

    def rows() -> Any:
        for row in keyword_rows(
            summaries,
            method=method.value,
            top=top,
            by_section=by is By.section,
            combined=combined,
            idf=table,
            generic=common.seg.use_stopwords,
        ):
            yield {**row, **common.extra_values(row["file"])} if extra else row

    bars = {"bar": "per_10k" if method is Method.freq else "score"}
    if not plot:
        common.emit([*lead, *KEYWORD_COLUMNS], rows(), title="reportcli keywords", bars=bars)
        return
    gathered = list(rows())
    common.emit([*lead, *KEYWORD_COLUMNS], gathered, title="reportcli keywords", bars=bars)
    from reportcli.plot import plot_keywords

    panels = len({(r["file"], r.get("section")) for r in gathered})
    measure = "score" if method is not Method.freq else "count" if panels == 1 else "per_10k"
    plot_keywords(gathered, plot, measure=measure, method=method.value)
