"""Retrieval benchmark: prepbot beside BM25, MiniLM and their fusions, on the same messages.

    python bench/retrieval.py [--quick] [--before REVISION] [--spanish]

Every system runs on the shipped articles and is scored by knowledge.evaluate on the tuning
sets (knowledge/eval/tuning/teachers_*) and the two held-out sets (H: heldout/teachers_c+d;
H2: heldout/teachers_m+n). A baseline deflects below one threshold chosen on the tuning sets
(its best answer accuracy there) and applied unchanged to the held-out sets; prepbot's cut
points come from knowledge/calibrate.py, also fitted on tuning only. A system that indexes
the asked questions (the tuning sets' answerable messages, knowledge/asked.py) is scored on
the tuning sets out of fold (bench/retrieval_asked.py). Held-out figures are printed, never
used to choose anything. Then the ablations (tuning sets only, articles without asked
questions, each variant with its confidence refitted), latency and index build time at 36,
1,000 and 10,000 articles (synthetic), and the memory the static model adds to a process.
`--quick` skips MiniLM and the ablations; `--before b14c5b7` adds prepbot as it was at that
commit (its code and articles, from a git worktree) scored the same way. `--spanish` runs
only the Spanish part: the Spanish shelf on the Spanish tuning and held-out sets
(knowledge/eval/*/es_teachers.jsonl), its dense channel's ablation, language detection and
the Spanish intent sets.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
# numpy's huge-page advice off before numpy loads, as the server has it (adapters/__init__.py):
# the index build times below depend on it.
os.environ.setdefault("NUMPY_MADVISE_HUGEPAGE", "0")

import retrieval_asked as asked  # noqa: E402
import retrieval_systems as systems  # noqa: E402

from knowledge import index as index_module  # noqa: E402
from knowledge import load_knowledge_base  # noqa: E402
from knowledge.base import KnowledgeBase, Shelf  # noqa: E402
from knowledge.calibrate import calibrate, uncalibrated  # noqa: E402
from knowledge.decide import Decision  # noqa: E402
from knowledge.embedding import distilled  # noqa: E402
from knowledge.evaluate import Question, Report, evaluate, read_questions  # noqa: E402
from knowledge.model import Article  # noqa: E402
from knowledge.normalize import Synonyms, fold  # noqa: E402

EVAL = ROOT / "knowledge" / "eval"
TUNING = sorted((EVAL / "tuning").glob("teachers_*.jsonl"))
# Two held-out sets, each of two writers: H (C and D, read in every round since the second)
# and H2 (M and N, written for the eighth round and read only at its end).
HELDOUT = {"H": [EVAL / "heldout" / f"teachers_{w}.jsonl" for w in "cd"],
           "H2": [EVAL / "heldout" / f"teachers_{w}.jsonl" for w in "mn"]}
ES_TUNING = [EVAL / "tuning" / "es_teachers.jsonl"]
ES_HELDOUT = [EVAL / "heldout" / "es_teachers.jsonl"]
Answer = Callable[[str], Decision]
HeldOut = dict[str, list[Question]]  # by set: H, H2


def timed(fn: Callable[[str], object], questions: Sequence[str]) -> tuple[float, float]:
    """p50 and p99 latency in milliseconds, one question at a time."""
    for q in questions[:20]:
        fn(q)  # warm caches the way a running bot would have them
    times = []
    for q in questions:
        start = time.perf_counter()
        fn(q)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, int(0.99 * len(times)))]


HEADER = (f"{'system':<34}{'':>2}{'top1':>6}{'top3':>7}{'ans_acc':>8}{'off_dfl':>8}"
          f"{'in_dfl':>7}{'unc_dfl':>8}{'p99 ms':>8}")


def line(name: str, which: str, report: Report, p99: float | None = None) -> str:
    latency = f"{p99:8.2f}" if p99 is not None else f"{'':>8}"
    return (f"{name:<34}{which:>2}{report.top1:6.3f}{report.top3:7.3f}{report.answer_acc:8.3f}"
            f"{report.oos_deflected:8.3f}{report.in_deflected:7.3f}"
            f"{report.uncovered_deflected:8.3f}{latency}")


def compare(name: str, answer: Answer, tuning: list[Question], heldout: HeldOut,
            on_tuning: Answer | None = None) -> None:
    """One system's row on the tuning sets (T) and on each held-out set (H, H2);
    `on_tuning` answers T instead where the system was fitted on T (out of fold)."""
    p99 = timed(answer, [q.q for q in tuning])[1]
    print(line(name, "T", evaluate(tuning, on_tuning or answer), p99))
    for which, questions in heldout.items():
        print(line("", which, evaluate(questions, answer)))


def baseline(name: str, scorer: systems.Scorer, kb: KnowledgeBase, tuning: list[Question],
             heldout: HeldOut, on_tuning: systems.Scorer | None = None) -> None:
    """A baseline's row, its threshold chosen on T (scored by `on_tuning` when given)."""
    threshold = systems.best_threshold(on_tuning or scorer, tuning, kb.articles)
    decide = partial(systems.with_threshold, threshold=threshold, articles=kb.articles)
    compare(f"{name} (>= {threshold:.2f})", decide(scorer), tuning, heldout,
            decide(on_tuning) if on_tuning else None)


def lexical_only(kb: KnowledgeBase) -> KnowledgeBase:
    """prepbot without its dense channel, its confidence refitted without it."""
    bare = KnowledgeBase(kb.articles, kb.synonyms, calibration=uncalibrated())
    bare.index = index_module.Index(list(kb.articles.values()), kb.synonyms, None)
    bare.calibration = calibrate(bare)
    return bare


def figures(kb: KnowledgeBase, quick: bool) -> None:
    tuning = [q for path in TUNING for q in read_questions(path)]
    heldout = {which: [q for path in paths if path.exists() for q in read_questions(path)]
               for which, paths in HELDOUT.items()}
    articles = list(kb.articles.values())
    sizes = ", ".join(f"{which} {len(questions)}" for which, questions in heldout.items())
    print(f"{len(articles)} articles; tuning (T) {len(tuning)} messages, held-out {sizes}; "
          "one question at a time on one thread\n")
    print(HEADER)
    compare("prepbot (BM25F + static + asked)", kb.decide, tuning, heldout,
            asked.out_of_fold(kb))
    without = asked.plain(kb)
    compare("prepbot without asked questions", without.decide, tuning, heldout)
    compare("prepbot lexical channel only", lexical_only(without).decide, tuning, heldout)
    bm25 = systems.bm25_scorer(articles)
    static = systems.cosine_scorer(articles, distilled().encode)  # as distilled: untuned
    baseline("bm25s", lambda q: systems.ranked(bm25(q)), kb, tuning, heldout)
    baseline("static embedding alone", lambda q: systems.ranked(static(q)), kb, tuning, heldout)
    baseline("bm25s + static 0.5/0.5", systems.fused(bm25, static), kb, tuning, heldout)
    if quick:
        return
    encoder = systems.minilm_encoder()
    if isinstance(encoder, str):
        print(f"{'all-MiniLM-L6-v2':<34}{encoder}")
        return
    minilm = systems.cosine_scorer(articles, encoder)
    baseline("all-MiniLM-L6-v2", lambda q: systems.ranked(minilm(q)), kb, tuning, heldout)
    baseline("bm25s + MiniLM 0.5/0.5", systems.fused(bm25, minilm), kb, tuning, heldout)
    full, folded = asked.scorer(lambda arts: systems.fused(
        systems.bm25_scorer(arts, asked=True),
        systems.cosine_scorer(arts, encoder, asked=True)), kb)
    baseline("bm25s + MiniLM, + asked", full, kb, tuning, heldout, folded)


def synthetic(articles: list[Article], size: int, seed: int = 7) -> list[Article]:
    """`size` articles made by recombining the words and phrasings of the real ones (no asked
    questions: those exist only for the shipped articles)."""
    rng = random.Random(seed)
    words = sorted({w for a in articles for t in (a.title, *a.phrasings, a.body_text)
                    for w in fold(t).split()})
    phrasings = [p for a in articles for p in a.phrasings]
    out = []
    for n in range(size):
        base = rng.choice(articles)
        mixed = tuple(rng.choice(phrasings) if rng.random() < 0.5 else
                      " ".join(rng.choices(words, k=rng.randint(4, 9))) for _ in range(10))
        out.append(replace(base, id=f"synthetic-{n:05d}-{rng.getrandbits(24):06x}", asked=(),
                           title=" ".join(rng.choices(words, k=6)), phrasings=mixed,
                           steps=tuple(" ".join(rng.choices(words, k=12)) for _ in range(6))))
    return out


def latency(kb: KnowledgeBase) -> None:
    texts = [q.q for path in TUNING for q in read_questions(path)]
    articles = list(kb.articles.values())
    print("\nprepbot latency by knowledge-base size (same questions):")
    for size in (len(articles), 1000, 10_000):
        big = articles if size == len(articles) else synthetic(articles, size)
        start = time.perf_counter()
        big_kb = KnowledgeBase({a.id: a for a in big}, kb.synonyms)
        built = time.perf_counter() - start
        p50, p99 = timed(big_kb.decide, texts)  # afresh: answer() would remember
        print(f"  {size:>6} articles: p50 {p50:.3f} ms  p99 {p99:.3f} ms  (index built in "
              f"{built:.2f} s)")


MEMORY = """
import json, resource, sys
def rss():
    return int(open('/proc/self/statm').read().split()[1]) * resource.getpagesize() / 1e6
from knowledge.base import KnowledgeBase
from knowledge.loader import load_articles
from knowledge.normalize import Synonyms
from knowledge.calibrate import uncalibrated
from knowledge.index import Index
articles, synonyms = load_articles(), Synonyms.load()
Index(list(articles.values()), synonyms, None)
before = rss()
from knowledge import embedding
kb = KnowledgeBase(articles, synonyms, model=embedding.shipped())
kb.answer('projector says no signal')
print(json.dumps([before, rss()]))
"""


def memory() -> None:
    """Resident memory before and after the model and the dense index, in a fresh process."""
    result = subprocess.run([sys.executable, "-c", MEMORY], cwd=ROOT, capture_output=True,
                            text=True, check=True)
    before, after = json.loads(result.stdout)
    size = sum(p.stat().st_size for p in (ROOT / "knowledge/embedding/model").iterdir())
    print(f"\nstatic model: {size / 1e6:.1f} MB on disk; resident memory {before:.0f} MB -> "
          f"{after:.0f} MB with it loaded and the dense index built (+{after - before:.0f} MB)")


def intents() -> None:
    """Recall of each conversational intent, tuning and held-out (figures only, no texts)."""
    from knowledge.evaluate import evaluate_intents, read_lines
    from knowledge.intents import recognise

    reports = {which: evaluate_intents(read_lines(EVAL / which / "intents.jsonl"), recognise)
               for which in ("tuning", "heldout")}
    names = sorted(reports["tuning"].recall)
    print("\nintents recognised (recall; precision in brackets):")
    print(f"  {'':<9}" + "".join(f"{n:>15}" for n in names) + f"{'all':>8}")
    for which, report in reports.items():
        cells = "".join(f"{report.recall.get(n, 0):>7.2f} ({report.precision.get(n, 0):.2f})"
                        for n in names)
        print(f"  {which:<9}{cells}{report.accuracy:>8.3f}")


def spanish(kb: KnowledgeBase) -> None:
    """The Spanish shelf on the Spanish sets (language detected per message, as the bot
    does), with and without the intent step, the dense channel's ablation (tuning only,
    confidence refitted), language detection and Spanish intents."""
    from knowledge.calibrate import TECH_BY_LANGUAGE, calibrate_index, fixed
    from knowledge.evaluate import as_the_bot_does, evaluate_intents, read_lines
    from knowledge.intents import recognise
    from knowledge.language import detect

    tuning = [q for path in ES_TUNING for q in read_questions(path)]
    heldout = [q for path in ES_HELDOUT if path.exists() for q in read_questions(path)]
    print(f"\nSpanish: tuning (T) {len(tuning)} messages, held-out (H) {len(heldout)}")
    print(HEADER)
    compare("prepbot, Spanish", kb.decide, tuning, {"H": heldout})
    compare("prepbot, Spanish, intent step too", as_the_bot_does(kb.decide, recognise),
            tuning, {"H": heldout})
    shelf, tech = kb.shelf("es"), TECH_BY_LANGUAGE["es"]
    bare = KnowledgeBase(kb.articles, kb.synonyms, calibration=kb.calibration)
    index = index_module.Index(list(shelf.articles.values()), Synonyms.load(language="es"),
                               None, "es")
    bare.others = {"es": Shelf("es", shelf.articles, index,
                               calibrate_index(fixed(index), "es", tech))}
    print(line("  ablation: no dense channel", "T", evaluate(tuning, bare.decide)))
    other = calibrate_index(fixed(shelf.index), "es", not tech)
    bare.others = {"es": replace(shelf, calibration=other)}
    print(line(f"  ablation: {'no' if tech else 'with a'} tech score", "T",
               evaluate(tuning, bare.decide)))
    for which, sets, language in (("T", ES_TUNING, "es"), ("H", ES_HELDOUT, "es"),
                                  ("T", TUNING, "en")):
        texts = [q.q for path in sets if path.exists() for q in read_questions(path)]
        found = sum(detect(text) == language for text in texts)
        print(f"  {which}: {found} of {len(texts)} {language} messages detected as {language}")
    for path in (EVAL / "tuning" / "es_intents.jsonl", *sorted(
            (EVAL / "tuning").glob("intents*.jsonl"))):
        rows = read_lines(path)
        language = "es" if path.name.startswith("es_") else "en"
        found = sum(detect(str(row["text"])) == language for row in rows)
        print(f"  T: {found} of {len(rows)} lines of {path.name} detected as {language}")
    for which in ("tuning", "heldout"):
        path = EVAL / which / "es_intents.jsonl"
        if path.exists():
            report = evaluate_intents(read_lines(path), recognise)
            print(f"  {which} Spanish intents recognised: {report.accuracy:.3f} of {report.n}")


BEFORE = """
import importlib.util, json, sys
from pathlib import Path
spec = importlib.util.spec_from_file_location("today", sys.argv[1])
today = importlib.util.module_from_spec(spec); sys.modules["today"] = today
spec.loader.exec_module(today)
from knowledge import load_knowledge_base  # the old tree's, first on sys.path
answer = load_knowledge_base().answer
for files in json.loads(sys.argv[2]):
    report = today.evaluate([q for f in files for q in today.read_questions(Path(f))], answer)
    print(json.dumps(report.__dict__ | {"misses": {}}))
"""


def before(revision: str) -> None:
    """prepbot as it was at `revision` (its own code and articles), scored by today's
    evaluate on the same sets, from a temporary git worktree."""
    import tempfile

    with tempfile.TemporaryDirectory() as scratch:
        tree = Path(scratch) / "before"
        subprocess.run(["git", "worktree", "add", "-q", "--detach", str(tree), revision],
                       cwd=ROOT, check=True)
        try:
            sets = json.dumps([[str(p) for p in TUNING],
                               *([str(p) for p in paths] for paths in HELDOUT.values())])
            result = subprocess.run(
                [sys.executable, "-c", BEFORE, str(ROOT / "knowledge" / "evaluate.py"), sets],
                cwd=tree, capture_output=True, text=True, check=True,
                env={"PYTHONPATH": str(tree), "PATH": "/usr/bin:/bin"})
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(tree)], cwd=ROOT,
                           check=True)
    for which, row in zip(["T", *HELDOUT], result.stdout.splitlines(), strict=True):
        print(line(f"prepbot at {revision[:10]}" if which == "T" else "", which,
                   Report(**json.loads(row))))


def main(quick: bool, revision: str | None, only_spanish: bool = False) -> None:
    kb = load_knowledge_base()
    if only_spanish:
        spanish(kb)
        return
    figures(kb, quick)
    if revision:
        before(revision)
    intents()
    spanish(kb)
    if not quick:
        import retrieval_ablations

        tuning = [q for path in TUNING for q in read_questions(path)]
        retrieval_ablations.run(asked.plain(kb), tuning)
    latency(kb)
    memory()


if __name__ == "__main__":
    arguments = sys.argv[1:]
    main("--quick" in arguments,
         arguments[arguments.index("--before") + 1] if "--before" in arguments else None,
         "--spanish" in arguments)
