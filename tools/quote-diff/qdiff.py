"""Every quotation whose span, kind or speaker differs between two export folders.

Usage: python3 tools/quote-diff/qdiff.py BEFORE_DIR AFTER_DIR
Each folder holds one export per devdata folder (FOLDER.json). Prints "-" for a quotation only
in BEFORE, "+" for one only in AFTER, with 60 bytes of context before it.
"""
import json,sys,glob,os
A,B=sys.argv[1],sys.argv[2]
for f in sorted(glob.glob(A+'/*.json')):
    n=os.path.basename(f)
    if not os.path.exists(B+'/'+n): continue
    a=json.load(open(f)); b=json.load(open(B+'/'+n))
    arts={x['id']:x for x in a['articles']}
    ka={(q['article'],q['start'],q['end'],q.get('kind'),q.get('speaker')) for q in a.get('quotes',[])}
    kb={(q['article'],q['start'],q['end'],q.get('kind'),q.get('speaker')) for q in b.get('quotes',[])}
    for tag,s in (('-',ka-kb),('+',kb-ka)):
        for (art,st,en,k,sp) in sorted(s):
            t=arts[art]['text'].encode()
            print(f"{tag} {n[:22]} [{k}] {sp!r} :: {t[max(0,st-60):st].decode('utf-8','replace')!r} || {t[st:en].decode('utf-8','replace')[:80]!r}")
