"""Build reportcli's report lexicon (reportcli/data/lexicon.txt) reproducibly.

Steps:
1. read every UTF-8 ``.txt`` report under the corpus folder (default ``../shared/corpus`` beside the
   checkout; ``raw/`` folders and files that are not UTF-8 are skipped; reports that appear twice in the
   corpus under the same ``<year>_<region>`` count once for document frequency);
2. cut each clause (a run of CJK characters between punctuation, digits or spaces) with jieba's own
   dictionary (rjieba, HMM off); first find the new words jieba's dictionary lacks (托育, 算力, 化债): two
   one-character tokens side by side in many reports, cohesive, between free neighbours; they are cut as
   words from then on and shipped with the least frequency that keeps them whole (``word freq pos``);
3. count token n-grams (2..6 tokens, 3..14 characters) level by level, keeping only those frequent across
   many reports (document frequency), with high internal cohesion (the weakest split point's pointwise
   mutual information) and free boundaries (entropy of the tokens seen left and right);
4. drop candidates that are collocations or clauses, not terms: a function word or a report filler verb
   at an edge, a verb of action first (践行全过程人民民主) unless the candidate often stands before a head
   noun such as 战略 or 政策 (就业优先战略: it names a policy), a predicate, ordinal or evaluation word inside
   (居全国第, 高质量发展取得显著成效), two parts that each combine freely elsewhere (the candidate is under
   ``min_share`` of the occurrences of both parts at some split: 产业|创新; noun-only compounds exempt),
   pieces that mostly overlap a candidate twice as frequent or a curated term (涉企行政 beside 行政执法), and
   clauses around a term (a verb right before it: 因地制宜发展新质生产力); tag each with a
   part of speech from its head token (``--show N`` prints the kept candidates with their statistics);
5. merge the hand-curated list (``scripts/lexicon_curated.txt``; it wins on tags and can veto mined
   entries with a leading ``-``) and write the shipped data file, sorted, with a header.

Usage::

    .venv/bin/python scripts/build_lexicon.py                       # writes reportcli/data/lexicon.txt
    .venv/bin/python scripts/build_lexicon.py --exclude '*2026*' --out /tmp/lex.txt

Only the mined terms (never corpus text) end up in the output.
"""

from __future__ import annotations

import argparse
import fnmatch
import math
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
DEFAULT_CURATED = ROOT / "scripts" / "lexicon_curated.txt"
DEFAULT_OUT = ROOT / "reportcli" / "data" / "lexicon.txt"
DEFAULT_LIMIT = 3000

CLAUSE_RE = re.compile(r"[\u4e00-\u9fff]+")

# Tokens a term never starts or ends with: particles, conjunctions, prepositions, pronouns, adverbs and
# the verbs of report filler (a mined "推动高质量发展" is a collocation; "高质量发展" is the term).
EDGE_STOP = frozenset(
    """
    的 地 得 了 着 过 和 与 及 以及 或 或者 并 并且 而 而且 也 都 又 还 就 才 在 于 对 对于 为 为了 以 把 被 从 由
    向 将 到 给 让 使 要 会 能 可 可以 应 应当 应该 必须 需要 是 有 没有 不 没 这 那 其 该 此 各 每 本 我 我们 你
    他们 它 其中 之 等 等等 中 里 后 前 时 年 月 日 一 一个 一些 一批 一系列 更 更加 最 很 较 比较
    进一步 不断 持续 全面 大力 积极 切实 认真 深入 扎实 着力 努力 已 已经 正在 今年 去年 明年 全年 过去 今后
    当前 目前 同时 通过 按照 根据 围绕 关于 如 如果 因为 所以 但 但是 虽然 因此 我国 全国 全省 全市 各级 各地 有关
    相关 一定 有效 共 约 近 超过 达到 达 高于 低于 突破 增长 下降 比 占 个 项 家 万 亿 元 所 者 方面 工作
    问题 情况 成为 作为 进行 取得 形成
    """.split()
)
# Verbs of report filler: a term does not start with them (推动高质量发展 is a collocation), though it
# may end with some (生态文明建设, 高质量发展).
START_STOP = EDGE_STOP | frozenset(
    """
    加快 加强 加大 推进 推动 促进 坚持 开展 实施 落实 完善 提高 提升 实现 建设 发展 做好 抓好 抓 搞好 强化 深化
    优化 健全 建立 构建 打造 培育 支持 鼓励 引导 确保 保障 维护 坚决 继续 重点 主要 重要 贯彻 贯彻落实 认真落实
    """.split()
)

# Verbs a term does not end with (现代化产业体系加快构建 is a clause).
END_VERBS = frozenset(
    """
    加快 构建 推进 推动 加强 实施 落实 提升 提高 完善 健全 优化 强化 深化 增强 扩大 形成 实现 开展 取得 打造
    培育 支持 鼓励 引导 确保 坚持 加大 做好 抓好 突出 明显 显著 不断 持续 全局 冲击 影响 扩大开放
    """.split()
)
# Tokens that make a candidate a clause or a ranking, wherever they stand (居全国第, 高质量发展取得显著成效,
# 中央财政用于): predicates, ordinals and evaluation words.
CLAUSE_TOKENS = frozenset(
    """
    居 第 位 取得 显著 成效 明显 用于 处在 处于 连续 全部 达到 成为 已 均 仍 再 正 获批 入选 列入 纳入 等
    继续 进入 迈出 迈上 走在 位居 稳居 保持 总结 不断 进一步 一批 首位 首个 首批 前列 各方面
    上涨 存在 总体平稳 较大 较多 们 孩子们 朋友们 这场 这次 这些
    """.split()
)
# Verbs a term does not start with even when jieba tags them otherwise (践行全过程人民民主 is a collocation).
START_VERBS = frozenset(
    """
    践行 打好 打赢 兜牢 兜住 守牢 守住 筑牢 擦亮 做强 做优 做大 做实 用好 办好 建好 管好 扛牢 压实 织密 聚焦
    围绕 融入 深度融入 助力 赋能 整治 治理 免费 提供 考核 认真 总结 全力 着力 全面 奋力 聚力 合力 大抓
    狠抓 抓实 力争 争创 创建 获批 入选 打造 建成 新建 改造 新增 累计 完成 开工 推广 探索 引进 招引 出台 启动
    启动实施 调动 营造 合理调整 综合考虑 大力发展 深入开展 深入调查 多渠道 适当 成功 成功创建 获 获批 获得
    把握好 有序推进 积极发展 加快发展 坚定不移 常态化开展 严厉打击 依法打击 依法惩处 依法保护 依法接受
    """.split()
)
GENERIC_HEADS = frozenset("发展 建设 工作 体系 水平 能力 机制 制度 政策 项目 行动 工程".split())
PURE_NOUN_TAGS = frozenset("n nz ns nt nr j".split())
NOUN_TAGS = frozenset("n nz ns nt nr ng vn an nrt nrfg j l i".split())
CONJUNCTIONS = frozenset("和 与 及 或 并 而 同".split())
# Function-word tags (jieba's tag set) a term does not start or end with.
BAD_FIRST_TAGS = frozenset("d ad p c u uj ul uz ug ud uv r k q y e o f".split())
BAD_LAST_TAGS = frozenset("d p c u uj ul uz ug ud uv r f y e o".split())

# Head nouns after which a verb-first candidate is a modifier (就业优先战略, 节能降碳改造).
MODIFIED_HEADS = frozenset(
    """
    战略 发展战略 政策 行动 体系 机制 制度 试点 工程 计划 改革 示范 模式 导向 理念 专项行动 示范区 行动计划
    """.split()
)
RESCUE_MIN_HEADS = 3
RESCUE_SHARE = 0.2

# Suffixes that mark institutions (part-of-speech nt).
ORG_SUFFIXES = (
    "委员会", "常委会", "人大", "政协", "政府", "法院", "检察院", "监委", "纪委", "委", "局", "厅", "部", "署", "办",
    "办公室", "中心", "银行", "公司", "集团", "大学", "学院", "协会", "联合会", "党委", "总局", "研究院", "联络站",
)


@dataclass
class Candidate:
    word: str
    tokens: tuple[str, ...]
    freq: int
    df: int
    pmi: float
    left_entropy: float
    right_entropy: float
    tag: str
    # A new word (a word jieba's dictionary lacks, found among its one-character tokens) carries the
    # dictionary frequency it is added with, the least that keeps it whole; a mined term has none and is
    # loaded with the segmenter's term frequency.
    dict_freq: int | None = None

    @property
    def entry(self) -> str:
        """The lexicon line's fields after the word: ``pos`` or ``freq pos``."""
        return self.tag if self.dict_freq is None else f"{self.dict_freq} {self.tag}"

    @property
    def score(self) -> float:
        return math.log(self.df) * min(self.pmi, 12.0) * min(self.left_entropy, self.right_entropy, 3.0)


def corpus_files(corpus: Path, exclude: tuple[str, ...] = ()) -> list[Path]:
    """UTF-8 report texts of the corpus, sorted, minus the ``exclude`` glob patterns (matched on the path
    relative to the corpus)."""
    files = []
    for path in sorted(corpus.rglob("*.txt")):
        rel = path.relative_to(corpus).as_posix()
        if "/raw/" in f"/{rel}" or path.name in {"SOURCES.md"}:
            continue
        if any(fnmatch.fnmatch(rel, pat) or fnmatch.fnmatch(path.name, pat) for pat in exclude):
            continue
        files.append(path)
    return files


def report_key(path: Path) -> str:
    """``<year>_<region>`` of a corpus file name: two files of the same report count once."""
    parts = path.name.split("_")
    return "_".join(parts[:2]) if len(parts) >= 3 else path.stem


def read_texts(files: list[Path]) -> dict[str, list[str]]:
    """Texts grouped by report key; files that are not UTF-8 are skipped (they are transcoded copies)."""
    texts: dict[str, list[str]] = defaultdict(list)
    for path in files:
        try:
            texts[report_key(path)].append(path.read_text(encoding="utf-8"))
        except UnicodeDecodeError:
            continue
    return dict(texts)


def _entropy(counter: Counter, boundary: int) -> float:
    # A clause boundary is a free boundary: each one counts as a distinct neighbour.
    total = sum(counter.values()) + boundary
    if total == 0:
        return 0.0
    h = -sum(c / total * math.log(c / total) for c in counter.values())
    if boundary:
        h += boundary * (1 / total) * math.log(total)
    return h


# New words (words jieba's dictionary lacks, such as 托育, 算力, 文旅, 化债): pairs of one-character tokens
# that recur in many reports, stick together and stand between free neighbours. They never contain a
# function character (仍需) and never start with a numeral (三大, 两国: a count and its noun) nor end
# with one.
NEW_WORD_STOP = frozenset(
    "的地得了着过和与及或并而也都又还就才在于对为以把被从由向将到给让使要会能可应是有不这那其该此各每本我你他它"
    "之等中里后前时年月日个些更最很较已正共约近达比占项家万亿元所者如仍须亦皆即"
)
NUMERAL_FIRST = frozenset("一二三四五六七八九十百千两")
NUMERALS = NUMERAL_FIRST | frozenset("万亿")  # never second either: 超千|亿, 近万|人
# A second character that makes the pair a verb and its result when the first is a verb (用好, 做强, 筑牢,
# 迈上; 规上 and 限上 are not verbs).
RESULT_CHARS = frozenset("好强优大实牢精细起出至上")
NEW_WORD_MIN_DF = 5
NEW_WORD_MIN_FREQ = 6
NEW_WORD_FREQ = 10


def discover_words(
    docs: list[list[str]], engine, *, min_df: int = NEW_WORD_MIN_DF, min_freq: int = NEW_WORD_MIN_FREQ,
    min_pmi: float = 3.0, min_entropy: float = 1.0,
) -> list[Candidate]:
    """New two-character words of ``docs`` (the clauses of each report): pairs of adjacent one-character
    tokens of jieba's dictionary (HMM off) found in at least ``min_df`` reports, with cohesion (PMI over the
    one-character tokens) and free neighbours on both sides (entropy of the characters seen left and right;
    a clause boundary counts as a distinct neighbour). Each carries the least dictionary frequency that
    keeps it whole against its own characters with a margin, so that it changes few cuts but its own."""
    single: Counter = Counter()
    pair: Counter = Counter()
    pair_df: Counter = Counter()
    left: dict[str, Counter] = defaultdict(Counter)
    right: dict[str, Counter] = defaultdict(Counter)
    lbound: Counter = Counter()
    rbound: Counter = Counter()
    for clauses in docs:
        seen = set()
        for clause in clauses:
            toks = engine.cut(clause, False)
            pos = 0
            for i, tok in enumerate(toks):
                if len(tok) == 1:
                    single[tok] += 1
                    nxt = toks[i + 1] if i + 1 < len(toks) else ""
                    if (len(nxt) == 1 and tok not in NEW_WORD_STOP and nxt not in NEW_WORD_STOP
                            and tok not in NUMERAL_FIRST and nxt not in NUMERALS):
                        word = tok + nxt
                        pair[word] += 1
                        seen.add(word)
                        if pos:
                            left[word][clause[pos - 1]] += 1
                        else:
                            lbound[word] += 1
                        if pos + 2 < len(clause):
                            right[word][clause[pos + 2]] += 1
                        else:
                            rbound[word] += 1
                pos += len(tok)
        pair_df.update(seen)
    n_single = sum(single.values())
    found = []
    for word, f in pair.items():
        if f < min_freq or pair_df[word] < min_df:
            continue
        pmi = math.log(f * n_single / (single[word[0]] * single[word[1]]))
        hl, hr = _entropy(left[word], lbound[word]), _entropy(right[word], rbound[word])
        if pmi < min_pmi or min(hl, hr) < min_entropy:
            continue
        first_tag = engine.tag(word[0], False)[0][1]
        tag = "v" if word[1] in RESULT_CHARS and first_tag[0] in "vp" else "n"
        found.append(Candidate(word, (word,), f, pair_df[word], pmi, hl, hr, tag))
    # Frequencies are decided before any word is added, so that the order of additions cannot matter: twice
    # what it takes to beat the word's own characters, and at least a rare word's frequency, so that it
    # wins over its characters by a clear margin and loses to the words of jieba's dictionary around it
    # (委托|育, not 委|托育).
    for cand in found:
        cand.dict_freq = max(NEW_WORD_FREQ, 2 * int(engine.suggest_freq(cand.word)))
    found.sort(key=lambda c: (-c.df, c.word))
    return found


def mine(
    texts: dict[str, list[str]],
    *,
    min_df: int = 3,
    min_freq: int = 6,
    min_pmi: float = 3.0,
    min_entropy: float = 1.0,
    min_share: float = 0.05,
    max_overlap: float = 0.5,
    reasons: dict[str, str] | None = None,
    max_tokens: int = 6,
    min_chars: int = 3,
    max_chars: int = 16,
    limit: int = 6000,
    known: frozenset[str] = frozenset(),
    discover: bool = True,
) -> list[Candidate]:
    """Mine multi-token terms from ``texts`` (report key -> texts of that report); ``known`` are the
    curated terms, which a mined piece must not mostly cut into. With ``discover``, new two-character words
    (:func:`discover_words`) are found first, cut as words while mining, and returned after the terms."""
    import rjieba

    engine = rjieba.Jieba()
    raw_docs = [[m.group() for text in texts[key] for m in CLAUSE_RE.finditer(text)] for key in sorted(texts)]
    new_words = discover_words(raw_docs, engine) if discover else []
    for cand in new_words:
        engine.add_word(cand.word, cand.dict_freq, cand.tag)

    docs: list[list[list[str]]] = []
    tag_of: dict[str, Counter] = defaultdict(Counter)
    for raw_clauses in raw_docs:
        clauses = []
        for clause in raw_clauses:
            toks = []
            for tok, tag in engine.tag(clause, False):
                toks.append(tok)
                tag_of[tok][tag] += 1
            clauses.append(toks)
        docs.append(clauses)

    unigram: Counter = Counter()
    n_tokens = 0
    for clauses in docs:
        for toks in clauses:
            unigram.update(toks)
            n_tokens += len(toks)

    # Level-wise n-gram counting: an n-gram is counted only if both its (n-1)-gram prefix and suffix
    # survived the frequency thresholds (apriori pruning keeps memory small).
    counts: dict[tuple[str, ...], int] = {(t,): c for t, c in unigram.items()}
    dfs: dict[tuple[str, ...], int] = {}
    kept: set[tuple[str, ...]] = {(t,) for t, c in unigram.items() if c >= min_freq}
    left: dict[tuple[str, ...], Counter] = defaultdict(Counter)
    right: dict[tuple[str, ...], Counter] = defaultdict(Counter)
    lbound: Counter = Counter()
    rbound: Counter = Counter()
    levels: list[set[tuple[str, ...]]] = []
    for n in range(2, max_tokens + 1):
        c_n: Counter = Counter()
        df_n: Counter = Counter()
        for clauses in docs:
            seen = set()
            for toks in clauses:
                for i in range(len(toks) - n + 1):
                    gram = tuple(toks[i:i + n])
                    if gram[:-1] not in kept or gram[1:] not in kept:
                        continue
                    if sum(map(len, gram)) > max_chars:
                        continue
                    c_n[gram] += 1
                    seen.add(gram)
            df_n.update(seen)
        level = {g for g, c in c_n.items() if c >= min_freq and df_n[g] >= min_df}
        if not level:
            break
        for g in level:
            counts[g] = c_n[g]
            dfs[g] = df_n[g]
        levels.append(level)
        kept |= level

    # Neighbour statistics for the surviving n-grams.
    survivors = set().union(*levels) if levels else set()
    for clauses in docs:
        for toks in clauses:
            m = len(toks)
            for n in range(2, max_tokens + 1):
                for i in range(m - n + 1):
                    gram = tuple(toks[i:i + n])
                    if gram not in survivors:
                        continue
                    if i > 0:
                        left[gram][toks[i - 1]] += 1
                    else:
                        lbound[gram] += 1
                    if i + n < m:
                        right[gram][toks[i + n]] += 1
                    else:
                        rbound[gram] += 1

    out: list[Candidate] = []
    for gram in survivors:
        word = "".join(gram)
        f = counts[gram]
        tags = [tag_of[t].most_common(1)[0][0] for t in gram]
        reason = _reject_reason(gram, tags, f, counts, n_tokens, min_chars=min_chars, min_pmi=min_pmi,
                                min_share=min_share, modifier=_modifies_heads(right[gram], f))
        pmi = _cohesion(gram, f, counts, n_tokens)
        hl = _entropy(left[gram], lbound[gram])
        hr = _entropy(right[gram], rbound[gram])
        if not reason and min(hl, hr) < min_entropy:
            reason = "bound boundary (low neighbour entropy)"
        if reasons is not None:
            reasons[word] = reason
        if not reason:
            out.append(Candidate(word, gram, f, dfs[gram], pmi, hl, hr, pos_tag(gram, tags[-1])))

    # A candidate that mostly overlaps a more frequent one is a piece of two terms, not a term (空间格局 in
    # 国土空间格局 beside 国土空间; 涉企行政 in 涉企行政执法 beside 行政执法): it would swallow the other.
    # A curated term is known good whatever its frequency: a piece that mostly cuts into curated terms
    # (强省建设 in 文化强省建设, 教育强省建设 …) goes whatever their frequencies.
    valid = {c.tokens: c.freq for c in out}
    dropped = set()

    def overlaps(gram: tuple[str, ...], freq: int) -> bool:
        return valid.get(gram, 0) > 2 * freq or "".join(gram) in known

    for c in out:
        g = c.tokens
        over_left = sum(n for w, n in left[g].items()
                        if any(overlaps((w,) + g[:k], c.freq) for k in range(1, len(g))))
        over_right = sum(n for w, n in right[g].items()
                         if any(overlaps(g[k:] + (w,), c.freq) for k in range(1, len(g))))
        if max(over_left, over_right) > max_overlap * c.freq:
            dropped.add(c.word)
            if reasons is not None:
                reasons[c.word] = "overlaps a more frequent candidate"
    out = [c for c in out if c.word not in dropped]

    # "<term>发展/建设/工作" hides a term of its own (民营经济发展, 法治政府建设): keep the term only.
    words = {c.word for c in out}
    out = [c for c in out if not (c.tokens[-1] in GENERIC_HEADS and "".join(c.tokens[:-1]) in words)]

    # A verb right before a term (因地制宜发展|新质生产力, 常住地提供|基本公共服务) makes a clause around the
    # term, verb and object: keep the term, not the clause. A verb after a term is most often the head of
    # a policy name (新污染物|治理, 文化遗产|保护), not a predicate, and stays.
    words = {c.word for c in out} | known

    def verb_before_term(g: tuple[str, ...]) -> bool:
        for i in range(1, len(g)):
            tags = tag_of[g[i - 1]]
            if not tags or tags.most_common(1)[0][0] not in ("v", "vn"):
                continue
            if any(len(inner) >= 3 and inner in words
                   for inner in ("".join(g[i:j]) for j in range(i + 1, len(g) + 1))):
                return True
        return False

    out = [c for c in out if not verb_before_term(c.tokens)]
    out.sort(key=lambda c: (-c.score, c.word))
    return out[:limit] + [c for c in new_words if c.word not in known]


def _modifies_heads(right: Counter, f: int) -> bool:
    """Whether a verb-first candidate often stands before a head noun (就业优先|战略, 创新驱动|发展战略,
    扩大内需|战略, 节能降碳|改造): it then names a policy or concept rather than an action on an object."""
    heads = sum(n for tok, n in right.items() if tok in MODIFIED_HEADS)
    return heads >= RESCUE_MIN_HEADS and heads >= RESCUE_SHARE * f


def _cohesion(gram: tuple[str, ...], f: int, counts: dict, n_tokens: int) -> float:
    """Pointwise mutual information at the weakest split point of ``gram``."""
    if not all(gram[:k] in counts and gram[k:] in counts for k in range(1, len(gram))):
        return 0.0
    return min(math.log(f * n_tokens / (counts[gram[:k]] * counts[gram[k:]])) for k in range(1, len(gram)))


def _reject_reason(
    gram: tuple[str, ...], tags: list[str], f: int, counts: dict, n_tokens: int, *,
    min_chars: int, min_pmi: float, min_share: float, modifier: bool = False,
) -> str:
    """Why a mined n-gram is not a term ("" when it may be one)."""
    first, last = gram[0], gram[-1]
    if len("".join(gram)) < min_chars:
        return "too short"
    if first in START_STOP or last in EDGE_STOP or "的" in gram or "了" in gram:
        return "function word or filler verb at an edge"
    if any(t in CONJUNCTIONS for t in gram):
        return "conjunction inside"
    if tags[0] in BAD_FIRST_TAGS or tags[-1] in BAD_LAST_TAGS or last in END_VERBS:
        return "function-word tag or verb at an edge"
    # A verb and its object (增进民生福祉, 改善生态环境) is a collocation; the object is the term.
    # Unless the candidate often stands before a head noun (``modifier``: 就业优先战略): then it names a policy.
    if (len(first) > 1 and tags[0] in ("v", "vd", "vi") and (len(gram) >= 3 or tags[-1] in NOUN_TAGS)
            and not modifier):
        return "verb + object"
    if len(first) == 1 and first in "和与及或并而在对为以把被从由向将到给让使是有不这那其该此各每本之等中":
        return "function character first"
    if any(t in CLAUSE_TOKENS for t in gram):
        return "predicate, ordinal or evaluation word inside (a clause)"
    if first in START_VERBS:
        return "starts with a verb of action"
    if _cohesion(gram, f, counts, n_tokens) < min_pmi:
        return "low cohesion"
    # Two parts that each combine freely with other words (产业|创新, 涉企|行政) make a collocation, not a
    # term: at some split point the candidate is a small share of the occurrences of both parts. Compounds
    # of nouns only (科技金融) are names more often than not and are exempt.
    share = min(max(f / counts[gram[:k]], f / counts[gram[k:]]) for k in range(1, len(gram)))
    if share < min_share and not all(t in PURE_NOUN_TAGS for t in tags):
        return "free combination of two parts"
    return ""


def pos_tag(tokens: tuple[str, ...], head_tag: str) -> str:
    """Part of speech for a lexicon term from its form and the tag of its head (last) token."""
    if tokens[-1].endswith(ORG_SUFFIXES):
        return "nt"
    if head_tag in ("ns",) :
        return "ns"
    if head_tag.startswith("v") and head_tag != "vn":
        return "l"
    return "nz"


def read_curated(path: Path) -> tuple[dict[str, str], set[str]]:
    """Curated terms (word -> tag) and vetoed words (lines ``-word``)."""
    terms: dict[str, str] = {}
    veto: set[str] = set()
    if not path.exists():
        return terms, veto
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("-"):
            veto.add(line[1:].strip())
            continue
        fields = line.split()
        word = fields[0]
        tag = fields[1] if len(fields) > 1 else ("nt" if word.endswith(ORG_SUFFIXES) else "nz")
        terms[word] = tag
    return terms, veto


def build(
    corpus: Path, curated: Path, exclude: tuple[str, ...] = (), *, mined_limit: int = 6000, **mine_opts
) -> tuple[dict[str, str], int, int]:
    """Lexicon (word -> tag), number of mined entries used, number of curated entries."""
    texts = read_texts(corpus_files(corpus, exclude))
    terms, veto = read_curated(curated)
    mined = mine(texts, limit=mined_limit, known=frozenset(terms), **mine_opts)
    lexicon, n_mined = merge_lexicon(mined, terms, veto)
    return lexicon, n_mined, len(terms)


def merge_lexicon(mined: list, terms: dict[str, str], veto: set[str]) -> tuple[dict[str, str], int]:
    """Mined candidates not vetoed nor curated, then the curated terms: (word -> the line's fields after the
    word, ``pos`` or ``freq pos``; mined count)."""
    lexicon: dict[str, str] = {}
    n_mined = 0
    for cand in mined:
        if cand.word in veto or cand.word in terms:
            continue
        lexicon[cand.word] = cand.entry
        n_mined += 1
    lexicon.update(terms)
    return lexicon, n_mined


HEADER = """\
# reportcli report lexicon: multi-character terms of Chinese official discourse, one per line,
# in jieba's user-dictionary format: `word pos`, or `word freq pos` for the new words.
# Generated by scripts/build_lexicon.py ({n_mined} mined from {n_docs} reports of the corpus with
# document frequency, cohesion (PMI) and boundary-entropy thresholds, {n_new} of them new two-character
# words that jieba's dictionary lacks, plus {n_curated} hand-curated entries of scripts/lexicon_curated.txt).
# Do not edit by hand: edit the curated list and rebuild.
# Terms without a frequency get one at load time so that they win over jieba's own split; a new word
# carries the least frequency that keeps it whole against its own characters.
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--curated", type=Path, default=DEFAULT_CURATED)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--exclude", action="append", default=[], help="glob of corpus files to leave out")
    parser.add_argument("--limit", type=int, default=DEFAULT_LIMIT, help="most mined candidates kept")
    parser.add_argument("--show", type=int, default=0, help="print the top N mined candidates with scores")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"build_lexicon: corpus folder not found: {args.corpus}", file=sys.stderr)
        return 1
    files = corpus_files(args.corpus, tuple(args.exclude))
    texts = read_texts(files)
    terms, veto = read_curated(args.curated)
    mined = mine(texts, limit=args.limit, known=frozenset(terms))
    if args.show:
        for c in mined[: args.show]:
            print(f"{c.word}\t{c.tag}\tf={c.freq}\tdf={c.df}\tpmi={c.pmi:.2f}\t"
                  f"hl={c.left_entropy:.2f}\thr={c.right_entropy:.2f}\t{'/'.join(c.tokens)}")
    lexicon, n_mined = merge_lexicon(mined, terms, veto)
    body = "".join(f"{w} {t}\n" for w, t in sorted(lexicon.items()))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(
        HEADER.format(n_mined=n_mined, n_docs=len(texts), n_curated=len(terms),
                      n_new=sum(1 for w in lexicon if w not in terms and lexicon[w][0].isdigit()))
        + body, encoding="utf-8"
    )
    print(f"build_lexicon: {len(lexicon)} entries ({n_mined} mined, {len(terms)} curated) -> {args.out}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
