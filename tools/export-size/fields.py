#!/usr/bin/env python3
"""Bytes per field of a Parallax analysis export (`parallax export FOLDER -o FILE.json`).

usage: python3 tools/export-size/fields.py FILE.json

Each part is re-serialised compactly (as Parallax writes it) and measured; a
field's figure includes its key. Used for the format decision of
`parallax.analysis/2` (docs/performance.md, session 5). Needs a few times the
file's size in memory.
"""
import json
import sys
from collections import defaultdict


def size(value):
    return len(json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode())


def main():
    data = json.load(open(sys.argv[1], encoding="utf-8"))
    print(f"schema {data.get('schema')}, total {size(data) / 1e6:.1f} MB")
    for key, value in data.items():
        count = f"({len(value)})" if isinstance(value, list) else ""
        print(f"  {key:16} {size(value) / 1e6:8.1f} MB  {count}")
    parts = defaultdict(int)
    for group in data["groups"]:
        for key, value in group.items():
            parts["groups." + key] += size(value) + len(key) + 4
        for diff in group.get("diffs", []):
            for key, value in diff.items():
                parts["groups.diffs." + key] += size(value) + len(key) + 4
    for article in data["articles"]:
        for key, value in article.items():
            parts["articles." + key] += size(value) + len(key) + 4
    for key in sorted(parts):
        print(f"  {key:30} {parts[key] / 1e6:8.1f} MB")
    diffs = [d for g in data["groups"] for d in g.get("diffs", [])]
    runs = sum(len(d["ops"]) for d in diffs)
    print(f"group member diffs written: {len(diffs)}, runs {runs}")
    print(f"quote-cluster diffs: {sum(len(c['diffs']) for c in data['quote_clusters'])}")


if __name__ == "__main__":
    main()
