"""The dense channel's model: shipped with the package, small, and read without torch."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from knowledge.embedding import StaticEmbedding, shipped, shipped_folder

REPO = Path(__file__).resolve().parents[2]


def test_the_shipped_model_is_small_and_in_model2vecs_format() -> None:
    folder = shipped_folder()
    assert {"model.safetensors", "tokenizer.json", "config.json"} <= {
        p.name for p in folder.iterdir()}
    assert sum(p.stat().st_size for p in folder.iterdir()) < 20_000_000


def test_answering_a_question_never_imports_torch_model2vec_or_scipy() -> None:
    code = ("import sys; from knowledge import load_knowledge_base; "
            "kb = load_knowledge_base(); assert kb.answer('projector no signal').top_id; "
            "print(sorted(m for m in ('torch', 'model2vec', 'transformers', 'scipy') "
            "if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True,
                            text=True, timeout=120, check=True)
    assert result.stdout.strip() == "[]"


def test_sentences_close_in_meaning_are_close_and_unknown_text_is_a_zero_vector() -> None:
    model = shipped()
    board, pen, lunch = model.encode(["the smartboard pen is off by an inch",
                                      "interactive whiteboard touch is misaligned",
                                      "what is for lunch in the cafeteria"])
    assert float(board @ pen) > float(board @ lunch)
    assert not model.encode_one("").any()
    assert np.allclose(model.encode(["a printer", ""]),
                       [model.encode_one("a printer"), model.encode_one("")], atol=1e-6)


def test_one_question_encodes_as_a_batch_does_and_its_remembered_vector_cannot_change() -> None:
    model = shipped()
    text = "the projector in room 12 says no signal"
    first = model.encode_one(text)
    assert np.allclose(first, model.encode([text])[0], atol=1e-6)
    assert model.encode_one(text) is first  # answering encodes a question twice
    with pytest.raises(ValueError):
        first[0] = 1.0  # a caller scribbling on it would change every later answer


def test_it_encodes_exactly_as_model2vec_does() -> None:
    model2vec = pytest.importorskip("model2vec")
    theirs = model2vec.StaticModel.from_pretrained(str(shipped_folder()))
    texts = ["printer offline", "kids can't join my google classroom", "qwzx"]
    ours = StaticEmbedding(shipped_folder()).encode(texts)
    assert np.allclose(ours, theirs.encode(texts).astype(np.float32), atol=1e-3)


def test_building_an_index_cuts_words_into_pieces_exactly_as_the_tokenizer_does() -> None:
    from knowledge import load_knowledge_base

    model = shipped()
    texts = [t for a in load_knowledge_base().articles.values()
             for t in (a.title, *a.phrasings, a.summary, *a.steps)]
    texts += ["a__b  c\td", "Wi-Fi (5GHz)!!", "foo$bar|baz~", "naïve café", "émoji 👍 ok",
              "bell\x07ring", "x" * 600, ""]
    assert model.word_pieces(texts) == [model._ids(t) for t in texts]
