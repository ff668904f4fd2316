# -*- coding: utf-8 -*-
"""Validate the built Q&A files (data/qa/*.jsonl, written by build.py from the sources) against the article.
Run: python3 data/qa/validate.py"""
import json, os, re, sys, collections
HERE = os.path.dirname(os.path.abspath(__file__))
ART = os.path.join(HERE, "..", "..", "..", "shared", "source", "rag-vs-fine-tuning-article.txt")
for cand in [ART, "/work/shared/source/rag-vs-fine-tuning-article.txt", os.path.join(HERE, "..", "article", "rag-vs-fine-tuning-article.txt")]:
    if os.path.exists(cand):
        ART = cand; break
article = open(ART, encoding="utf-8").read()

def load(n):
    return [json.loads(l) for l in open(os.path.join(HERE, n + ".jsonl"), encoding="utf-8")]
def norm(s):
    return " ".join(re.sub(r"[^a-z0-9 ]", " ", s.lower()).split())

# Training questions per fact that each writer was asked for (writers/writer-N.jsonl); the later writers' lower bound
# leaves room for the questions build.py drops for overlap with a held-out one.
WRITER_COUNTS = {1: (8, 10), 2: (3, 6), 3: (4, 8)}

errs = []
facts, train, dev, test, off = (load(n) for n in ["facts", "train", "heldout-dev", "heldout-test", "off-topic"])
fmap = {f["factId"]: f for f in facts}
for name, rows in [("facts", facts), ("train", train), ("dev", dev), ("test", test), ("off", off)]:
    key = "factId" if name == "facts" else "id"
    ids = [r[key] for r in rows]
    if len(ids) != len(set(ids)): errs.append(name + ": duplicate ids")
for f in facts:
    if f["evidence"] not in article: errs.append("evidence not in article: " + f["factId"])
    n = len(f["answer"].split())
    if not 5 <= n <= 30: errs.append("answer length %d: %s" % (n, f["factId"]))
dcnt = collections.Counter(r["factId"] for r in dev)
xcnt = collections.Counter(r["factId"] for r in test)
wcnt = collections.Counter((r["factId"], r["writer"]) for r in train)
for w in sorted({r["writer"] for r in train} - set(WRITER_COUNTS)):
    errs.append("writer %d has no expected count in WRITER_COUNTS" % w)
for fid, f in fmap.items():
    for w, (lo, hi) in WRITER_COUNTS.items():
        if not lo <= wcnt[fid, w] <= hi: errs.append("writer %d's train count %d for %s" % (w, wcnt[fid, w], fid))
    if dcnt[fid] != 1 or xcnt[fid] != 1: errs.append("heldout count for " + fid)
for name, rows in [("train", train), ("dev", dev), ("test", test)]:
    for r in rows:
        f = fmap.get(r["factId"])
        if f is None: errs.append(name + " unknown factId " + r["id"]); continue
        if r["answer"] != f["answer"] or r["evidence"] != f["evidence"]: errs.append(name + " mismatch " + r["id"])
trainq = {norm(r["question"]) for r in train}
if len(trainq) != len(train): errs.append("duplicate train questions: %d" % (len(train) - len(trainq)))
held = [norm(r["question"]) for r in dev + test]
for r in dev + test:
    if norm(r["question"]) in trainq: errs.append("heldout question in train: " + r["id"])
if len(set(held)) != len(held): errs.append("duplicate heldout questions")
allq = trainq | set(held)
for r in off:
    if norm(r["question"]) in allq: errs.append("off-topic overlaps: " + r["id"])
sp = collections.Counter(r["split"] for r in off)
print("facts", len(facts), "| train", len(train), "| dev", len(dev), "| test", len(test), "| off-topic", len(off), dict(sp))
print("sections", dict(collections.Counter(f["section"] for f in facts)))
print("ERRORS:" if errs else "OK: all checks passed")
for e in errs: print("  ", e)
sys.exit(1 if errs else 0)
