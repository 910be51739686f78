#!/usr/bin/env python3
"""Rebuilds assets/word-frequency-en.tsv, the background word frequencies the
aligner blends with a folder's own counts (see docs/alignment-eval.md).

Source: the PyPI package wordfreq 3.1.1 (code Apache-2.0; its word lists
CC BY-SA 4.0, see assets/word-frequency-en.LICENSE.md), file
wordfreq/data/small_en.msgpack.gz: English words down to a Zipf frequency of 3
(once per million words), bucketed by centibel.

Output: one `word<TAB>zipf` line per lower-case ASCII word, sorted by word,
zipf with two decimals (log10 of the frequency per billion words). Words not
listed are rarer than Zipf 3.

usage: python3 scripts/build-word-frequencies.py [OUT]
needs: pip (to fetch the wheel) and the msgpack module (pip install msgpack).
"""
import gzip, hashlib, io, os, subprocess, sys, tempfile, zipfile

import msgpack

WHEEL = "wordfreq-3.1.1-py3-none-any.whl"
SHA256 = "4b1c6ecffc6198be3396d5cf871c4423ca71c907c231348d352dd54d62b97473"


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "assets", "word-frequency-en.tsv")
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "pip", "download", "wordfreq==3.1.1", "--no-deps", "-q", "-d", tmp], check=True)
        path = os.path.join(tmp, WHEEL)
        data = open(path, "rb").read()
        if hashlib.sha256(data).hexdigest() != SHA256:
            sys.exit(f"{WHEEL}: unexpected sha256, not the release this table was built from")
        packed = zipfile.ZipFile(io.BytesIO(data)).read("wordfreq/data/small_en.msgpack.gz")
    buckets = msgpack.unpackb(gzip.decompress(packed), raw=False)
    assert buckets[0] == {"format": "cB", "version": 1}, buckets[0]
    zipf = {}
    for i, words in enumerate(buckets[1:], 1):
        for w in words:
            if w.isascii() and any(c.isalnum() for c in w):
                zipf.setdefault(w, 9 - i / 100)
    with open(out, "w", encoding="utf-8", newline="\n") as fh:
        for w in sorted(zipf):
            fh.write(f"{w}\t{zipf[w]:.2f}\n")
    print(f"{len(zipf)} words -> {out}")


if __name__ == "__main__":
    main()
