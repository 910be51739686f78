#!/usr/bin/env python3
"""Every discrepancy flag in Parallax exports, one line each, with the label a
reader is shown, to read all of them before and after a change
(docs/alignment-eval.md, sessions 5 and 7).

usage: python3 tools/cards/discrepancies.py EXPORT_DIR [-v]
-v prints each value's sentence under its flag.
"""
import glob
import json
import os
import sys


def main():
    args = [a for a in sys.argv[1:] if a != "-v"]
    if not args:
        sys.exit(__doc__)
    for path in sorted(glob.glob(os.path.join(args[0], "*.json"))):
        with open(path, encoding="utf-8") as fh:
            export = json.load(fh)
        text = {}
        for article in export["articles"]:
            body = article["text"].encode("utf-8")
            for s in article["sentences"]:
                text[s["id"]] = body[s["start"] : s["end"]].decode("utf-8", errors="replace")
        name = os.path.basename(path)[: -len(".json")]
        for group in export["groups"]:
            for d in group["discrepancies"]:
                values = " / ".join(f"{v['sentence']}: {v['text']}" for v in d["values"])
                print(f"{name} {group['id']} {d['kind']} about={d['about']!r} counted={d.get('counted', '')!r} :: {values}")
                if "-v" in sys.argv[1:]:
                    for v in d["values"]:
                        print(f"      {text[v['sentence']][:160]}")


if __name__ == "__main__":
    main()
