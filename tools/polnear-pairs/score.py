#!/usr/bin/env python3
"""Precision of aligned groups in the devdata PolNeAR weeks, read against hand verdicts.

usage: python3 tools/polnear-pairs/score.py EXPORT_DIR [--sample FILE.md]

EXPORT_DIR holds `parallax export` files named after the devdata folders
(`polnear-dev-2016-09-19.json`, ...). `labels.tsv` beside this script holds a
verdict for every pair of members from different articles that the aligner
grouped at main d0192d2 (377 pairs) or in two variants tried in session 6 (89
more): `same` (one fact, event, claim or quotation), `related` (one story,
another fact) or `different` (unrelated facts that share words). Pairs of
other outputs are counted as `unlabelled`: read them before trusting a figure
where they are many.

Prints the counts of pairs by verdict, and of groups whose every pair is
`same` (the "same fact" rate of `docs/alignment-eval.md`). With --sample it
also writes 50 groups drawn with random.seed(6), each with its pair verdicts.
The sentence ids of a pair refer to the export (`a14.s2`: article a14,
sentence 2), so the labels hold only for exports of the same devdata folders.
"""
import csv
import glob
import itertools
import json
import os
import random
import sys
from collections import Counter


def main():
    args = sys.argv[1:]
    sample = None
    if "--sample" in args:
        i = args.index("--sample")
        sample = args[i + 1]
        del args[i : i + 2]
    if len(args) != 1:
        sys.exit(__doc__)
    labels = {}
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "labels.tsv"), encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            labels[(row["folder"],) + tuple(sorted((row["a"], row["b"])))] = (row["verdict"], row["reason"])
    pairs, groups, drawn = Counter(), Counter(), []
    for path in sorted(glob.glob(os.path.join(args[0], "polnear*.json"))):
        folder = os.path.basename(path)[: -len(".json")]
        with open(path, encoding="utf-8") as fh:
            export = json.load(fh)
        sentences = {}
        for article in export["articles"]:
            text = article["text"].encode()
            for s in article["sentences"]:
                body = text[s["start"] : s["end"]].decode(errors="replace")
                sentences[s["id"]] = (article["id"], article.get("source") or article["file"], body)
        for group in export["groups"]:
            verdicts = []
            for x, y in itertools.combinations(group["sentences"], 2):
                if sentences[x][0] != sentences[y][0]:
                    verdict, reason = labels.get((folder,) + tuple(sorted((x, y))), ("unlabelled", ""))
                    pairs[verdict] += 1
                    verdicts.append((x, y, verdict, reason))
            kinds = {v[2] for v in verdicts}
            kind = "same" if kinds <= {"same"} else "unlabelled" if "unlabelled" in kinds else "not"
            groups[kind] += 1
            drawn.append((folder, group, kind, verdicts, sentences))
    print("pairs:", " ".join(f"{k} {pairs[k]}" for k in ("same", "related", "different", "unlabelled")))
    total = sum(groups.values())
    print(f"groups: {total}; every pair same {groups['same']}, not {groups['not']}, unlabelled {groups['unlabelled']}")
    if sample:
        random.seed(6)
        with open(sample, "w", encoding="utf-8") as out:
            chosen = random.sample(drawn, min(50, len(drawn)))
            same = sum(1 for c in chosen if c[2] == "same")
            out.write(f"{same} of {len(chosen)} groups report the same fact.\n")
            for i, (folder, group, kind, verdicts, sentences) in enumerate(chosen, 1):
                verdict = {"same": "same fact", "not": "not the same fact"}.get(kind, "not read")
                out.write(f"\n### {i}. {folder} {group['id']} (cohesion {group['cohesion']:.2f}) — {verdict}\n")
                for s in group["sentences"]:
                    out.write(f"- [{sentences[s][1][:14]}] {sentences[s][2][:200]}\n")
                for x, y, v, reason in verdicts:
                    out.write(f"  - {x}–{y}: {v}" + (f" ({reason})" if reason else "") + "\n")


if __name__ == "__main__":
    main()
