"""Writes a Hugging Face dataset file of MRPC pairs as label<TAB>sentence<TAB>sentence,
with MSR's tokenisation undone ("doesn 't" -> "doesn't", "end ." -> "end.")."""
import re
import sys

import pyarrow as pa


def detokenize(s):
    s = re.sub(r" (n't|'t|'s|'re|'ve|'ll|'d|'m)\b", r"\1", s)
    s = re.sub(r"(\w) ' (s|re|ve|ll|d|m)\b", r"\1'\2", s)
    s = re.sub(r" ([.,;:?!%)])", r"\1", s)
    s = re.sub(r"([($]) ", r"\1", s)
    s = re.sub(r'" (.*?) "', r'"\1"', s)
    return s.strip()


def main():
    src, out = sys.argv[1], sys.argv[2]
    with pa.memory_map(src) as f:
        try:
            table = pa.ipc.open_stream(f).read_all()
        except pa.ArrowInvalid:
            table = pa.ipc.open_file(f).read_all()
    rows = sorted(table.to_pylist(), key=lambda r: r["idx"])
    with open(out, "w", encoding="utf-8") as f:
        f.write("label\tsentence1\tsentence2\n")
        for r in rows:
            f.write(f"{r['label']}\t{detokenize(r['sentence1'])}\t{detokenize(r['sentence2'])}\n")
    print(f"{out}: {len(rows)} pairs, {sum(r['label'] for r in rows)} paraphrases")


main()
