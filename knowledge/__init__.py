"""The curated knowledge base: articles, their loader and checker, retrieval and evaluation.

It imports nothing from `bot` or `adapters`.
"""

from knowledge.base import KnowledgeBase, load_knowledge_base
from knowledge.decide import Decision
from knowledge.index import Match
from knowledge.model import Article

__all__ = ["Article", "Decision", "KnowledgeBase", "Match", "load_knowledge_base"]
