"""``reportcli facts``: the numeric facts of a report, normalised."""

from __future__ import annotations

import re
from typing import Annotated, Any

import typer

from reportcli.cli._common import Common, PathsArg, command, plot_option, usage_error
from reportcli.cli.app import app

KINDS = "count, percent, change, money, measure, year, date, anniversary, duration, ordinal"


def facts_work(doc: Any, **options: Any) -> list[dict[str, Any]]:
    from reportcli.facts.table import fact_rows

    return list(fact_rows(doc, **options))


@command(app, "facts", short_help="Numeric facts: value, unit, kind and subject of each quantity.")
def facts(
    common: Common,
    paths: PathsArg = None,
    kind: Annotated[
        str | None, typer.Option("--kind", "-k", metavar="KINDS", help=f"Keep only these kinds (comma-separated): {KINDS}.")
    ] = None,
    min_value: Annotated[float | None, typer.Option("--min-value", metavar="N", help="Keep values >= N.")] = None,
    subject: Annotated[
        str | None, typer.Option("--subject", metavar="REGEX", help="Keep facts whose subject matches REGEX.")
    ] = None,
    plot: Annotated[str | None, plot_option('the counts of facts by kind (by top-level section when --kind names one kind)')] = None,
) -> None:
    """Numeric facts: each quantity with its normalised value, unit, kind, qualifier, direction and subject.

    353万条 → 3530000 条; 318.5亿元 → 31850000000 元; 百分之六十五 → 65 %; 20余次 → 20 次, lower_bound;
    增长5.2% → change, up. Slogans and names (两个确立, 十四五, 二十届三中全会) are never quantities:
    see `reportcli terms`.

    Columns: file, line, start, end, text, value, unit, kind, qualifier, direction, subject, section, sentence.

    Example: reportcli facts report.txt --kind money,percent -o facts.xlsx
    """
    from reportcli.facts.table import FACT_COLUMNS, parse_kinds

    try:
        kinds = parse_kinds(kind)
    except ValueError as exc:
        raise usage_error(f"--kind: {exc}") from None
    if subject:
        try:
            re.compile(subject)
        except re.error as exc:
            raise usage_error(f"--subject: not a valid regular expression ({exc})") from None
    options = {"kinds": kinds, "min_value": min_value, "subject": subject}
    if not plot:
        common.run_rows(paths, FACT_COLUMNS, facts_work, options, title="reportcli facts")
        return
    gathered: list[dict[str, Any]] = []
    for result in common.results(paths, facts_work, options):
        prefix = {"file": result.name, **common.extra_values(result.name)}
        gathered.extend({**prefix, **row} for row in result.value)
    common.emit(["file", *common.extra_columns(), *FACT_COLUMNS], gathered, title="reportcli facts")
    from reportcli.plot import plot_facts

    plot_facts(gathered, plot, by="section" if kinds is not None and len(kinds) == 1 else "kind")


def terms_work(doc: Any) -> list[dict[str, Any]]:
    from reportcli.facts.table import terms_table

    return terms_table(doc)


@command(app, "terms", short_help="Numbered terms: slogans, plans, sessions, campaigns; by category.")
def terms(common: Common, paths: PathsArg = None) -> None:
    """Numbered terms — slogans, plans, sessions, campaigns (两个确立, 十四五, 二十届三中全会, 千万工程) —
    with their category and count. These are never counted as quantities by `reportcli facts`.

    Categories (the category column):

    \b
      slogan     numbered slogans and formulas: 两个确立, 一府一委两院, 八八战略
      plan       five-year plans: 十四五, 十五五
      session    congresses and plenary sessions: 二十届三中全会, 党的二十大
      campaign   numbered campaigns and projects: 千万工程, 410行动
      programme  numbered programmes: 十项重大工程, 一带一路, 三农
      place      place names with a numeral: 长三角, 四川, 三峡
      other      fixed expressions: 千方百计, 一以贯之, 第一议题

    Columns: file, term, category, count, first_line.

    Example: reportcli terms report.txt
    """
    from reportcli.facts.table import TERM_COLUMNS

    common.run_rows(paths, TERM_COLUMNS, terms_work, title="reportcli terms")
