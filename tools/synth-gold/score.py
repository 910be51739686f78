#!/usr/bin/env python3
"""Score an export of a synthetic folder against the generator's own gold.

usage:
  cargo run --release --example synth_corpus -- /tmp/c1000 1000     # writes /tmp/c1000.facts.tsv too
  parallax export /tmp/c1000 -o /tmp/c1000.json
  python3 tools/synth-gold/score.py /tmp/c1000.json /tmp/c1000.facts.tsv

The generator knows which sentences render the same fact of a story (reworded
or as wire copy, with numbers sometimes changed). A gold pair is two such
sentences in different articles. Prints:
  recall     gold pairs whose sentences share a group / all gold pairs
  precision  grouped pairs (two sentences of different articles in one group)
             that are a gold pair / grouped pairs of two fact sentences
             (pairs involving a filler, quotation or background sentence are
             not judged: the generator does not label them)
and how many fact sentences were found in the export (should be all).
"""
import json, sys
from collections import defaultdict
from itertools import combinations


def main(export_path, gold_path):
    export = json.load(open(export_path, encoding="utf-8"))
    by_file = defaultdict(list)
    with open(gold_path, encoding="utf-8") as fh:
        next(fh)
        for line in fh:
            file, story, fact, sentence = line.rstrip("\n").split("\t", 3)
            by_file[file].append(((int(story), int(fact)), sentence))
    fact_of = {}  # sentence id -> (story, fact)
    wanted = sum(len(v) for v in by_file.values())
    for art in export["articles"]:
        facts = by_file.get(art["file"], [])
        if not facts:
            continue
        text = art["text"].encode("utf-8")
        sents = [(s["id"], text[s["start"]:s["end"]].decode("utf-8").strip()) for s in art["sentences"]]
        for key, sentence in facts:
            for sid, st in sents:
                if sid not in fact_of and (st == sentence or st.endswith(" " + sentence) or st.endswith("– " + sentence)):
                    fact_of[sid] = key
                    break
    article_of = {s["id"]: a["id"] for a in export["articles"] for s in a["sentences"]}
    members = defaultdict(list)
    for sid, key in fact_of.items():
        members[key].append(sid)
    gold = set()
    for key, sids in members.items():
        for x, y in combinations(sorted(sids), 2):
            if article_of[x] != article_of[y]:
                gold.add((x, y))
    predicted = set()
    for g in export["groups"]:
        for x, y in combinations(sorted(set(g["sentences"])), 2):
            if article_of[x] != article_of[y]:
                predicted.add((x, y))
    judged = [p for p in predicted if p[0] in fact_of and p[1] in fact_of]
    right = sum(1 for p in judged if fact_of[p[0]] == fact_of[p[1]])
    found = len(gold & predicted)
    report = {
        "fact sentences found": f"{len(fact_of)} of {wanted}",
        "recall": round(found / len(gold), 4) if gold else 0.0,
        "recall (hit, of)": [found, len(gold)],
        "precision": round(right / len(judged), 4) if judged else 0.0,
        "precision (hit, of)": [right, len(judged)],
        "grouped pairs": len(predicted),
        "groups": len(export["groups"]),
    }
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
