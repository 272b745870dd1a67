"""What a chat message is, before any article is looked up: a request for a person, a
greeting, thanks, a request for help with the bot, yes or no (after an answer), a message
too vague to look anything up on, or a question.

A small model decides, not word lists: a multinomial logistic regression over the message's
words, word pairs and letter triples and its static embedding (knowledge/embedding), trained
by `python -m knowledge.intents_fit` on the tuning intent sets and on the real questions of
the tuning message sets (knowledge/eval/tuning/). It ships as `embedding/model/intents.npz`,
beside the embedding it is tied to (rebuild one, refit the other). Only a message with no
words at all is decided by rule (an emoji, a lone "?").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import pairwise
from typing import Literal

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz, process

from knowledge import embedding
from knowledge.normalize import fold

Intent = Literal["ticket", "greeting", "thanks", "help", "yes", "no", "vague", "question"]
INTENTS: tuple[Intent, ...] = ("ticket", "greeting", "thanks", "help", "yes", "no", "vague",
                               "question")
# The few words whose slips matter most ("tikcet", "thnks", "helo") are corrected before
# anything else: a model sees too few misspellings of them to learn each one.
KEY_WORDS = ("ticket", "thanks", "thank", "hello", "human", "person", "technician", "someone",
             "somebody", "escalate", "helpdesk", "please", "working", "broken")
MAX_WORDS = 12  # a length feature beyond this says nothing more
EMOJI = "👍👎🙏🙂😀😊👋"


@lru_cache(maxsize=4096)
def _correct(word: str) -> str:
    """A key word typed with a slip as the key word."""
    if len(word) < 5 or word in KEY_WORDS:
        return word
    found = process.extractOne(word, KEY_WORDS, scorer=fuzz.ratio, score_cutoff=83)
    return found[0] if found else word


def words_of(text: str) -> list[str]:
    """The message's folded words, key words corrected."""
    return [_correct(w) for w in fold(text).split()]


def lexical_features(text: str) -> list[str]:
    """The names of the lexical features a message has (the model weighs each one)."""
    words = words_of(text)
    names = [f"w:{w}" for w in words] + [f"b:{a}_{b}" for a, b in pairwise(words)]
    names += [f"first:{words[0]}", f"last:{words[-1]}"] if words else ["empty"]
    names.append(f"len:{min(len(words), MAX_WORDS) // 2}")
    names += [f"mark:{c}" for c in "?!" if c in text]
    names += [f"emoji:{e}" for e in EMOJI if e in text]
    for word in words:
        padded = f"<{word}>"
        names += [f"c:{padded[i:i + 3]}" for i in range(len(padded) - 2)]
    return names


@dataclass(frozen=True)
class IntentModel:
    """Weights for every lexical feature and every embedding dimension, per intent."""

    features: dict[str, int]
    weights: npt.NDArray[np.float32]  # (features + embedding dims) x intents
    bias: npt.NDArray[np.float32]
    classes: tuple[Intent, ...]

    def scores(self, text: str) -> npt.NDArray[np.float32]:
        """One score per intent (higher is likelier); the largest wins."""
        rows = sorted({self.features[f] for f in lexical_features(text) if f in self.features})
        lexical = len(self.features)
        out = self.bias.copy()
        if rows:  # the lexical block is L2-normalised: every present feature counts 1/sqrt(n)
            out += self.weights[rows].sum(axis=0) / np.sqrt(len(rows))
        vector = embedding.shipped().encode_one(text)
        out += vector @ self.weights[lexical:]
        return out

    def predict(self, text: str) -> Intent:
        """The likeliest intent."""
        return self.classes[int(np.argmax(self.scores(text)))]


def load_model(data: dict[str, npt.NDArray[np.generic]]) -> IntentModel:
    """An IntentModel from the arrays `intents.npz` holds."""
    names = [str(n) for n in data["features"]]
    classes = tuple(str(c) for c in data["classes"])
    if any(c not in INTENTS for c in classes):
        raise ValueError("knowledge/embedding/model/intents.npz names an unknown intent: re-run "
                         "python -m knowledge.intents_fit")
    return IntentModel({n: i for i, n in enumerate(names)},
                       data["weights"].astype(np.float32), data["bias"].astype(np.float32),
                       classes)  # type: ignore[arg-type]


@lru_cache(maxsize=1)
def shipped() -> IntentModel:
    """The model fitted on the tuning sets and shipped with the package."""
    path = resources.files("knowledge") / "embedding" / "model" / "intents.npz"
    with path.open("rb") as file, np.load(file, allow_pickle=False) as data:
        return load_model(dict(data))


def recognise(text: str) -> Intent:
    """The intent of one chat message (yes and no mean feedback only right after an answer)."""
    if not fold(text):
        return "help" if "?" in text else ("yes" if "👍" in text else
                                            "no" if "👎" in text else "vague")
    return shipped().predict(text)


def is_vague(text: str) -> bool:
    """A complaint too vague to look an article up on ("not working", "ipad issue")."""
    return bool(fold(text)) and recognise(text) == "vague"
