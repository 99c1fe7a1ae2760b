"""Build reportcli/data/idf.tsv and reportcli/data/generic_words.txt from a corpus of official reports.

Reproducible: the same corpus and segmenter give byte-identical files.

    .venv/bin/python scripts/build_idf.py                      # ../shared/corpus beside the checkout
    .venv/bin/python scripts/build_idf.py --corpus DIR --exclude '2026_*'

idf.tsv: ``word<TAB>idf`` with idf = ln((N+1)/(df+1)) + 1 over the N reports (df = reports containing
the word), sorted by word, plus ``<default><TAB>idf`` for words seen in fewer than --min-df reports.

generic_words.txt: report boilerplate, ``word<TAB>rate`` (rate = occurrences per 10,000 word tokens
over the government work reports since 2010): words found in at least --generic-df of those reports.
``keywords`` leaves such a word out of its lists unless the document uses it at least
GENERIC_KEEP_RATIO times as often as the reports do (监督 stays in a 人大 report, 推进 does not).
"""

from __future__ import annotations

import argparse
import fnmatch
import math
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reportcli.analysis._tokens import has_cjk, is_word  # noqa: E402
from reportcli.io import load  # noqa: E402


def corpus_files(corpus: Path, exclude: list[str]) -> list[Path]:
    files = []
    for path in sorted(corpus.rglob("*.txt")):
        rel = path.relative_to(corpus).as_posix()
        if "/raw/" in f"/{rel}" or path.name.isupper():
            continue  # original downloads and notes (SOURCES etc.), not report text
        if any(fnmatch.fnmatch(path.name, pat) or fnmatch.fnmatch(rel, pat) for pat in exclude):
            continue
        files.append(path)
    return files


def is_recent_work_report(path: Path) -> bool:
    name = path.name
    return name[:4].isdigit() and int(name[:4]) >= 2010 and "gov-work-report" in name and "digest" not in name


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--out", type=Path, default=ROOT / "reportcli" / "data" / "idf.tsv")
    parser.add_argument("--generic-out", type=Path, default=ROOT / "reportcli" / "data" / "generic_words.txt")
    parser.add_argument("--exclude", action="append", default=[], help="glob on file name or relative path")
    parser.add_argument("--min-df", type=int, default=2, help="list words found in at least this many reports")
    parser.add_argument("--generic-df", type=float, default=0.9, help="share of recent work reports (0-1)")
    args = parser.parse_args(argv)

    from reportcli.text import get_segmenter

    segmenter = get_segmenter()
    files = corpus_files(args.corpus, args.exclude)
    if not files:
        parser.error(f"no .txt reports under {args.corpus}")
    df: Counter[str] = Counter()
    recent_df: Counter[str] = Counter()
    recent_tf: Counter[str] = Counter()
    recent_total = 0
    recent_docs = 0
    for path in files:
        doc = load(path)
        words: Counter[str] = Counter()
        for line in doc.body_lines():
            for token in segmenter.cut(doc.line_text(line)):
                if is_word(token):
                    words[token] += 1
        df.update(words.keys())
        if is_recent_work_report(path):
            recent_docs += 1
            recent_df.update(words.keys())
            recent_tf.update(words)
            recent_total += sum(words.values())
    n = len(files)

    def idf(count: int) -> float:
        return math.log((n + 1) / (count + 1)) + 1.0

    lines = [
        f"# reportcli IDF: {n} reports from {args.corpus.name}, idf = ln((N+1)/(df+1)) + 1",
        f"# built by scripts/build_idf.py; excluded: {', '.join(args.exclude) or 'none'}",
        f"<default>\t{idf(args.min_df - 1):.4f}",
    ]
    lines += [f"{w}\t{idf(c):.4f}" for w, c in sorted(df.items()) if c >= args.min_df]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")

    generic = sorted(
        (w for w, c in recent_df.items() if c >= args.generic_df * recent_docs and len(w) > 1 and has_cjk(w)),
        key=lambda w: (-recent_tf[w], w),
    )
    out = [
        f"# report boilerplate: words in >= {args.generic_df:.0%} of {recent_docs} work reports since 2010;",
        "# word<TAB>occurrences per 10,000 word tokens in those reports (built by scripts/build_idf.py)",
    ]
    out += [f"{w}\t{recent_tf[w] * 10_000 / recent_total:.2f}" for w in generic]
    args.generic_out.write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"{args.out}: {len(lines) - 3} words from {n} reports; {args.generic_out}: {len(generic)} words")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
