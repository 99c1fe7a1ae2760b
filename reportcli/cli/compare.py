"""``reportcli compare``: keyness — the words one report (or group) uses more than another."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from reportcli.analysis import DEFAULT_MAX_P
from reportcli.cli._common import Common, command, plot_option, usage_error
from reportcli.cli.app import app
from reportcli.cli.keywords import counts_work


@command(app, "compare", segmentation=True,
         short_help="Keyness: the words A uses more than B, and B more than A.")  # fmt: skip
def compare(
    common: Common,
    paths: Annotated[
        list[str] | None,
        typer.Argument(help="A and B: two reports (or use --a/--b for groups).", show_default=False, metavar="[A B]"),
    ] = None,
    group_a: Annotated[
        list[str] | None, typer.Option("--a", metavar="PATH", help="A report or directory of group A (repeatable).")
    ] = None,
    group_b: Annotated[
        list[str] | None, typer.Option("--b", metavar="PATH", help="A report or directory of group B (repeatable).")
    ] = None,
    top: Annotated[int, typer.Option("--top", "-n", min=1, help="Words shown for each side.")] = 20,
    min_count: Annotated[
        int, typer.Option("--min-count", min=1, help="Skip words seen fewer times in A and B together.")
    ] = 3,
    max_p: Annotated[
        float,
        typer.Option(
            "--max-p",
            min=0.0,
            max=1.0,
            help="Show only words whose difference is significant: p-value at most this (0.05: G2 >= 3.84; "
            "0.01: G2 >= 6.63); 1 shows every word that leans to one side.",
        ),
    ] = DEFAULT_MAX_P,
    min_len: Annotated[int, typer.Option("--min-len", min=1, help="Shortest word, in characters.")] = 2,
    plot: Annotated[str | None, plot_option("diverging bars (A's words to the right, B's to the left, by log ratio)")] = None,
) -> None:
    """Keyness of A against B: log-likelihood (G2), log ratio (effect size, log2 of the rate ratio)
    and p-value; the top words over-used in A (side a), then in B (side b). Words whose use does not
    differ significantly (p > 0.05, --max-p) are left out.

    Example: reportcli compare 2025_report.txt 2026_report.txt --top 15
    """
    from reportcli.analysis._tokens import merge_counts
    from reportcli.analysis.compare import COMPARE_COLUMNS, compare_rows

    positional = list(paths or [])
    if group_a or group_b:
        if not (group_a and group_b):
            raise usage_error("give both --a and --b (each a report or directory; repeatable)")
        if positional:
            raise usage_error("give either two reports A B or --a/--b groups, not both")
        names_a, names_b = list(group_a), list(group_b)
    elif len(positional) == 2:
        names_a, names_b = positional[:1], positional[1:]
    else:
        raise usage_error(f"compare needs two reports A B (got {len(positional)}), or --a PATH... --b PATH...")
    options = {"seg": common.seg, "min_len": min_len}
    side_a = [r.value for r in common.results(names_a, counts_work, options)]
    side_b = [r.value for r in common.results(names_b, counts_work, options)]
    if not side_a or not side_b:
        raise typer.Exit(1)
    gathered = list(compare_rows(merge_counts(side_a, "a"), merge_counts(side_b, "b"), top=top, min_count=min_count,
                                 max_p=max_p))  # fmt: skip
    if not gathered:
        sys.stderr.write(f"reportcli: no word is used significantly more on one side than the other (--min-count "
                         f"{min_count}, --max-p {max_p}); are A and B the same text? --max-p 1 shows every "
                         "difference\n")  # fmt: skip
    common.emit(COMPARE_COLUMNS, gathered, title="reportcli compare")
    if not plot:
        return
    from reportcli.plot import group_label, plot_compare

    plot_compare(gathered, plot, label_a=group_label(names_a), label_b=group_label(names_b))
