#!/usr/bin/env python3
"""Rebuilds assets/spelling-uk-us.tsv, the British spellings the aligner reads
as their American ones ("jewellery" as "jewelry", "defence" as "defense"), so
that a British and an American outlet's sentences share those words.

Source: the Debian package scowl 2020.12.07-2 (SCOWL, Spell-Checker Oriented
Word Lists, by Kevin Atkinson; permissive licence, see
assets/spelling-uk-us.LICENSE.md). Its lists `british-words.N` hold the
spellings only British English uses, `american-words.N` those only American
English uses, `english-words.N` the words both use; N is a size level, 10
(commonest) to 95. Levels up to 70 are read.

A British-only word is paired with an American spelling by the regular
correspondences of the two spellings (our/or, ise/ize, yse/yze, tre/ter,
ence/ense, ll/l, ogue/og, ae/e, oe/e, mme/m, ement/ment, ough/ow, ellery/elry),
one or two of them applied, and only when the result is a word of the American
or the common lists: SCOWL's lists, not the rules, decide that a pair exists.
A word with two such American spellings is left out.

Output: one `british<TAB>american` line per pair, lower case, sorted.

usage: python3 scripts/build-spelling-variants.py [OUT]
needs: apt-get (to fetch the package) and dpkg-deb.
"""
import hashlib, os, re, subprocess, sys, tempfile

PACKAGE = "scowl=2020.12.07-2"
DEB = "scowl_2020.12.07-2_all.deb"
SHA256 = "de692546df9b169f2cbdf4d8d88111a374733a9c382b820a6f943914ca705718"
LEVELS = (10, 20, 35, 40, 50, 55, 60, 70)

# (British, American) substrings; each applies at one place at a time.
RULES = [
    ("our", "or"),
    ("is", "iz"),
    ("ys", "yz"),
    ("tre", "ter"),
    ("bre", "ber"),
    ("gre", "ger"),
    ("vre", "ver"),
    ("ence", "ense"),
    ("ll", "l"),
    ("ogue", "og"),
    ("ae", "e"),
    ("oe", "e"),
    ("mme", "m"),
    ("ement", "ment"),
    ("ough", "ow"),
    ("ellery", "elry"),
]
# -re words' inflections: "centred" / "centered", "centring" / "centering".
RE_INFLECTIONS = [(r"([tbgv])red$", r"\1ered"), (r"([tbgv])ring$", r"\1ering")]


def words(folder, prefix):
    out = set()
    for level in LEVELS:
        path = os.path.join(folder, f"{prefix}.{level}")
        if os.path.exists(path):
            for line in open(path, encoding="latin-1"):
                w = line.strip()
                if w and w.isascii() and w.isalpha() and w.islower():
                    out.add(w)
    return out


def one_step(word):
    """(spelling, rule) for each way one rule rewrites `word`."""
    for uk, us in RULES:
        for m in re.finditer(re.escape(uk), word):
            yield word[: m.start()] + us + word[m.end():], uk
    for pattern, repl in RE_INFLECTIONS:
        if re.search(pattern, word):
            yield re.sub(pattern, repl, word), "re"


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "assets", "spelling-uk-us.tsv")
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["apt-get", "download", "-q", PACKAGE], cwd=tmp, check=True, stdout=subprocess.DEVNULL)
        data = open(os.path.join(tmp, DEB), "rb").read()
        if hashlib.sha256(data).hexdigest() != SHA256:
            sys.exit(f"{DEB}: unexpected sha256, not the release this table was built from")
        subprocess.run(["dpkg-deb", "-x", DEB, "x"], cwd=tmp, check=True)
        folder = os.path.join(tmp, "x", "usr", "share", "dict", "scowl")
        british = words(folder, "british-words")
        american = words(folder, "american-words")
        common = words(folder, "english-words")
    def is_target(word, spelling, rules):
        # A word both varieties use is a target only for a longer word and
        # not through ough/ow or is/iz: "nought" is not "nowt", "prise" (to
        # lever open) not "prize", "haem" not "hem".
        return spelling in american or (
            spelling in common and len(word) >= 6 and not {"ough", "is"} & set(rules)
        )

    pairs = {}
    for word in sorted(british):
        steps = list(one_step(word))
        found = {spelling for spelling, rule in steps if is_target(word, spelling, [rule])}
        if not found:
            for first, rule in steps:
                found.update(
                    second for second, again in one_step(first) if is_target(word, second, [rule, again])
                )
        found.discard(word)
        if len(found) == 1:
            pairs[word] = found.pop()
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        for uk in sorted(pairs):
            f.write(f"{uk}\t{pairs[uk]}\n")
    print(f"{out}: {len(pairs)} pairs from {len(british)} British-only words", file=sys.stderr)


if __name__ == "__main__":
    main()
