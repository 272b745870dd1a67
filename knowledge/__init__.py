"""The curated knowledge base: articles, their loader and checker, retrieval and evaluation.

It imports nothing from `bot` or `adapters`.
"""

import os

# numpy advises the kernel to back every large array with huge pages; on kernels whose
# transparent huge pages defragment on advice (Debian's default "madvise"), each fresh array
# of an index build then stalls on memory compaction: a 10,000-article build measured 4.9 s
# without the advice and 7.2 s with it (bench/README.md). numpy reads this once, on import,
# and an operator's own setting wins.
os.environ.setdefault("NUMPY_MADVISE_HUGEPAGE", "0")

from knowledge.base import KnowledgeBase, load_knowledge_base
from knowledge.decide import Decision
from knowledge.index import Match
from knowledge.model import Article

__all__ = ["Article", "Decision", "KnowledgeBase", "Match", "load_knowledge_base"]
