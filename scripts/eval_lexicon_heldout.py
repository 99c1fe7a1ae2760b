"""Does the report lexicon generalise? Mine it without the held-out reports, then check their fixed terms.

1. build a lexicon with scripts/build_lexicon.py's code from the corpus minus the held-out reports
   (default: every file with 2026 in its name, i.e. the 2026 provincial reports and the 2026 national
   partial text; ``--exclude`` leaves further files out of the mining; the seed is not in the corpus);
2. segment the held-out reports with it and check every term of the term list (``--terms``; default
   ``scripts/heldout_terms.txt``) that occurs in them and that jieba's own dictionary splits:
   - *never split*: at every occurrence one token covers the term (the term itself, or a longer fixed
     term that contains it, as 百千万工程 contains 千万工程);
   - *a token of its own everywhere* / *somewhere*: a token starts and ends exactly at the term's ends at
     every occurrence / at least at one;
   - *standing alone*: the term followed by 。 comes out as one token;
3. print these shares for: jieba's dictionary with reportcli's rules (quoted names, numbered formulas,
   numbers) but no lexicon, the mined lexicon alone, and mined + curated (the shipped configuration).
   Exit status 0 when *never split* reaches 95 % for mined + curated.

``--one-by-one`` is the shipped lexicon's own situation: each held-out report in turn is left out and the
lexicon mined from every other report of the corpus (its year's other reports included); the share of
(report, term) pairs never split is printed, and the share of terms never split in any report.

Term lists: ``heldout_terms.txt`` (96 terms of the 2026 reports, listed by hand when the lexicon was first
built), ``heldout_terms_blind.txt`` (338 terms drawn mechanically from the 2026 reports, see its header)
and ``dev_terms_2025.txt`` (356 terms of the 2025 reports, the development list the segmentation rules
were tuned on: run it with ``--heldout '2025_[a-h]*'`` and ``'2025_[i-z]*'``, each half mined from the
rest of the corpus).

Usage: .venv/bin/python scripts/eval_lexicon_heldout.py [--heldout GLOB] [--exclude GLOB] [--terms FILE]
       [--one-by-one] [-v]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import build_lexicon as bl  # noqa: E402

from reportcli.text.segmenter import Segmenter  # noqa: E402

TERMS = Path(__file__).resolve().parent / "heldout_terms.txt"


def read_terms(path: Path) -> list[str]:
    return [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines()
            if ln.strip() and not ln.startswith("#")]


def whole_share(seg: Segmenter, terms: list[str], texts: list[str],
                not_exact_out: list[str] | None = None) -> tuple[int, int, int, int, int, list[str]]:
    """(terms never split in the held-out texts, terms always a token of their own there, terms a token of
    their own at least once there, terms whole standing alone, terms scored, failures); the terms that are
    not a token of their own everywhere are appended to ``not_exact_out``.

    *Never split*: at every occurrence one token covers the term (the term itself or a longer fixed term
    that contains it, as 百千万工程 contains 千万工程). *A token of its own*: at every occurrence a token
    starts and ends exactly at the term's ends.
    """
    in_text = exact_ok = some_ok = alone_ok = 0
    failures = []
    not_exact: list[str] = []
    for term in terms:
        bad = ""
        exact = True
        some = False
        for text in texts:
            for line in text.split("\n"):
                at = line.find(term)
                if at < 0:
                    continue
                toks = seg.tokenize(line)
                while at >= 0:
                    end = at + len(term)
                    if not any(s <= at and end <= e for _, s, e in toks):
                        if not bad:
                            ctx = [w for w, s, e in toks if e > at - 4 and s < end + 4]
                            bad = f"in text: {'/'.join(ctx)}"
                        exact = False
                    elif any(s == at and e == end for _, s, e in toks):
                        some = True
                    else:
                        exact = False
                    at = line.find(term, at + len(term))
        if not bad:
            in_text += 1
        exact_ok += exact
        some_ok += some
        alone = seg.cut(f"{term}。")
        if alone[:1] == [term]:
            alone_ok += 1
        else:
            bad = (bad + "; " if bad else "") + f"alone: {'/'.join(alone)}"
        if not exact:
            not_exact.append(term)
        if bad:
            failures.append(f"{term}\t{bad}")
    if not_exact_out is not None:
        not_exact_out.extend(not_exact)
    return in_text, exact_ok, some_ok, alone_ok, len(terms), failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="held-out check of the report lexicon")
    parser.add_argument("--corpus", type=Path, default=bl.DEFAULT_CORPUS)
    parser.add_argument("--heldout", default="*2026*", help="glob of the held-out corpus files")
    parser.add_argument("--terms", type=Path, default=TERMS)
    parser.add_argument("--exclude", action="append", default=[],
                        help="glob of further corpus files left out of the mining (repeatable), e.g. the "
                             "2026 reports when the 2025 ones are held out")
    parser.add_argument("--limit", type=int, default=bl.DEFAULT_LIMIT)
    parser.add_argument("--one-by-one", action="store_true",
                        help="hold out one report at a time, mining from every other report of the corpus "
                             "(the shipped lexicon's situation before a report it never saw)")
    parser.add_argument("--alone", action="store_true",
                        help="only check each listed term standing alone with the shipped lexicon, by section of the "
                             "term list (for genres the corpus lacks: scripts/genre_terms_blind.txt)")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    if args.alone:
        return check_alone(args.terms, args.verbose)
    if not args.corpus.is_dir():
        print(f"eval_lexicon_heldout: corpus not found: {args.corpus}", file=sys.stderr)
        return 1
    if args.one_by_one:
        return one_by_one(args)

    all_files = bl.corpus_files(args.corpus)
    held = [p for p in all_files if p not in set(bl.corpus_files(args.corpus, (args.heldout,)))]
    held_texts = [t for texts in bl.read_texts(held).values() for t in texts]
    train = bl.read_texts(bl.corpus_files(args.corpus, (args.heldout, *args.exclude)))
    curated, veto = bl.read_curated(bl.DEFAULT_CURATED)
    mined = bl.mine(train, limit=args.limit, known=frozenset(curated))

    import rjieba

    plain = rjieba.Jieba()  # jieba's own dictionary, nothing of reportcli's: which terms does it split?
    base = Segmenter(lexicon=False)  # reportcli's rules (quoted names, formulas, numbers), no lexicon
    joined = "\n".join(held_texts)
    terms = [t for t in read_terms(args.terms) if len(plain.cut(t, False)) > 1 and t in joined]
    in_curated = sum(t in curated for t in terms)
    print(f"held-out: {len(held)} files ({args.heldout}); mined from {len(train)} reports; "
          f"{len(terms)} terms that occur in them and that jieba splits ({in_curated} also in the curated list)")

    with tempfile.TemporaryDirectory() as tmp:
        mined_only = {c.word: c.entry for c in mined if c.word not in veto}
        both = dict(mined_only)
        both.update(curated)
        configs = [("jieba dictionary + rules", None), ("mined lexicon only", mined_only),
                   ("mined + curated (shipped)", both)]
        result = 0.0
        for label, lex in configs:
            if lex is None:
                seg = base
            else:
                path = Path(tmp) / "lex.txt"
                path.write_text("".join(f"{w} {t}\n" for w, t in sorted(lex.items())), encoding="utf-8")
                seg = Segmenter(lexicon=path)
            ok, exact, some, alone, n, failures = whole_share(seg, terms, held_texts)
            result = 100 * ok / n
            size = f"{len(lex)} entries" if lex is not None else "no lexicon"
            print(f"{label:28s} ({size:>12s}): never split in the held-out reports {ok}/{n} = {result:.1f}%; "
                  f"a token of its own everywhere {exact}/{n} = {100 * exact / n:.1f}%, "
                  f"somewhere {some}/{n} = {100 * some / n:.1f}%; "
                  f"standing alone {alone}/{n} = {100 * alone / n:.1f}%")
            if args.verbose:
                for f in failures:
                    print(f"    {f}")
    return 0 if result >= 95.0 else 1


def check_alone(path: Path, verbose: bool) -> int:
    """Share of the listed terms that jieba splits and that the shipped segmenter keeps whole standing alone
    (``term。``), by ``# section`` of the list."""
    import rjieba

    plain = rjieba.Jieba()
    seg = Segmenter()
    section, scores, failures = "", {}, []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#"):  # a short comment line names a section, a long one is the header
            section = line.lstrip("# ").strip() if len(line) <= 40 else section
            continue
        if len(plain.cut(line, False)) < 2:
            continue
        whole = seg.cut(f"{line}。") == [line, "。"]
        done, ok = scores.get(section, (0, 0))
        scores[section] = (done + 1, ok + whole)
        if not whole:
            failures.append(f"{section}: {'/'.join(seg.cut(line))}")
    for name, (n, ok) in scores.items():
        print(f"{name or '(no section)'}: whole standing alone {ok}/{n} = {100 * ok / n:.1f}%")
    n, ok = (sum(v[i] for v in scores.values()) for i in (0, 1))
    print(f"all: whole standing alone {ok}/{n} = {100 * ok / n:.1f}%")
    if verbose:
        for f in failures:
            print(f"    {f}")
    return 0 if n and ok / n >= 0.95 else 1


def _score_one(job: tuple[Path, frozenset[str], str, list[str], int]) -> tuple[str, int, list[str], list[str]]:
    """Mine without one report (and the reports of ``--exclude``), segment it with mined + curated terms and
    check its listed terms: (report key, terms scored, terms split, terms not a token of their own
    everywhere)."""
    corpus, dropped, key, terms, limit = job
    texts = bl.read_texts(bl.corpus_files(corpus))
    held = texts.pop(key)
    for other in dropped:
        texts.pop(other, None)
    curated, veto = bl.read_curated(bl.DEFAULT_CURATED)
    mined = bl.mine(texts, limit=limit, known=frozenset(curated))
    lexicon, _ = bl.merge_lexicon(mined, curated, veto)
    joined = "\n".join(held)
    present = [t for t in terms if t in joined]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "lex.txt"
        path.write_text("".join(f"{w} {t}\n" for w, t in sorted(lexicon.items())), encoding="utf-8")
        not_exact: list[str] = []
        _, _, _, _, n, failures = whole_share(Segmenter(lexicon=path), present, held, not_exact)
    return key, n, [f.split("\t")[0] for f in failures if "in text" in f], not_exact


def one_by_one(args: argparse.Namespace) -> int:
    """Each held-out report in turn, the lexicon mined from all the other reports (curated list kept)."""
    import multiprocessing
    import os

    import rjieba

    plain = rjieba.Jieba()
    all_files = bl.corpus_files(args.corpus)
    held = [p for p in all_files if p not in set(bl.corpus_files(args.corpus, (args.heldout,)))]
    held_texts = bl.read_texts(held)
    keys = sorted(held_texts)
    kept = set(bl.corpus_files(args.corpus, tuple(args.exclude)))
    dropped = frozenset(bl.report_key(p) for p in all_files if p not in kept) - set(keys)
    terms = [t for t in read_terms(args.terms) if len(plain.cut(t, False)) > 1]
    jobs = [(args.corpus, dropped, k, terms, args.limit) for k in keys]
    with multiprocessing.Pool(min(len(jobs), os.cpu_count() or 1)) as pool:
        results = pool.map(_score_one, jobs)
    pairs = sum(n for _, n, _, _ in results)
    split = sum(len(f) for _, _, f, _ in results)
    inexact = sum(len(x) for _, _, _, x in results)
    failed_terms = {t for _, _, f, _ in results for t in f}
    seen_terms = {t for t in terms if any(t in text for texts in held_texts.values() for text in texts)}
    print(f"one report at a time: {len(keys)} reports ({args.heldout}), each mined from the other reports; "
          f"{len(seen_terms)} listed terms occur in them")
    print(f"mined + curated: never split in its report {pairs - split}/{pairs} = {100 * (pairs - split) / pairs:.2f}% "
          f"of (report, term) pairs; terms never split in any report "
          f"{len(seen_terms) - len(failed_terms)}/{len(seen_terms)} = "
          f"{100 * (len(seen_terms) - len(failed_terms)) / len(seen_terms):.1f}%")
    print(f"mined + curated: a token of its own at every occurrence in its report {pairs - inexact}/{pairs} = "
          f"{100 * (pairs - inexact) / pairs:.2f}% of (report, term) pairs")
    if args.verbose:
        for key, _, failures, _ in results:
            if failures:
                print(f"    {key}: {' '.join(failures)}")
    return 0 if pairs and (pairs - split) / pairs >= 0.95 else 1


if __name__ == "__main__":
    sys.exit(main())
