#!/usr/bin/env python3
"""Near-duplicate cards in Parallax exports: two groups of one folder that share
at least SHARE (default 0.6) of the smaller group's sentences, and at least two.
A reader sees such a pair as the same card twice (docs/alignment-eval.md,
"Session 7").

usage: python3 tools/cards/near_duplicates.py EXPORT_DIR [SHARE] [-v]
Prints, per export, the groups and the near-duplicate pairs (and how many of
them have a Jaccard overlap >= 0.5), then the totals; -v lists every pair.
"""
import glob
import json
import os
import sys


def main():
    args = [a for a in sys.argv[1:] if a != "-v"]
    verbose = "-v" in sys.argv[1:]
    if not args:
        sys.exit(__doc__)
    share = float(args[1]) if len(args) > 1 else 0.6
    total_groups = total_pairs = total_jaccard = 0
    for path in sorted(glob.glob(os.path.join(args[0], "*.json"))):
        with open(path, encoding="utf-8") as fh:
            export = json.load(fh)
        groups = [(g["id"], set(g["sentences"])) for g in export.get("groups", [])]
        pairs = jaccard = 0
        for i, (ga, a) in enumerate(groups):
            for gb, b in groups[i + 1 :]:
                shared = len(a & b)
                if shared >= 2 and shared >= share * min(len(a), len(b)):
                    pairs += 1
                    jaccard += shared / len(a | b) >= 0.5
                    if verbose:
                        print(f"  {ga} ({len(a)}) {gb} ({len(b)}): {shared} shared")
        name = os.path.basename(path)[: -len(".json")]
        print(f"{name:28} groups {len(groups):4}  near-duplicate pairs {pairs:4}  (Jaccard >= 0.5: {jaccard})")
        total_groups += len(groups)
        total_pairs += pairs
        total_jaccard += jaccard
    print(f"TOTAL groups {total_groups}  near-duplicate pairs {total_pairs}  (Jaccard >= 0.5: {total_jaccard})")


if __name__ == "__main__":
    main()
