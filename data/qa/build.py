# -*- coding: utf-8 -*-
"""Build the Q&A files that training, retrieval and evaluation read, from the hand-edited sources.

Sources (people edit these; data/qa/README.md says who may open which):
  facts.jsonl                  the facts: {"factId", "section", "evidence", "answer"}
  writers/writer-N.jsonl       writer N's training questions: {"factId", "questions": [...]}
  held-out/dev.jsonl           one held-out question per fact: {"factId", "question"}
  held-out/test.jsonl          the same, for the test split
  held-out/off-topic.jsonl     out-of-scope questions: {"question", "split", "kind"}
Built (never edited by hand; training/tests/test_qa_data.py rebuilds them and compares):
  train.jsonl, heldout-dev.jsonl, heldout-test.jsonl, off-topic.jsonl

This script only merges the sources and drops later writers' questions too close to a held-out one.
Run: python3 data/qa/build.py [--out DIR]   (from the repository root or anywhere)
"""
import argparse, glob, json, os, re

HERE = os.path.dirname(os.path.abspath(__file__))

# A later writer's question this close to a held-out one (word Jaccard) is dropped: independent writers can land on
# the same wording, and the held-out questions must stay unseen in training and in the retrieval index.
HELD_OUT_OVERLAP = 0.4
# The held-out questions were written after the first writer's, against them (avoiding their wording), so the filter
# starts with the second writer, the first to write after the held-out set existed.
FIRST_FILTERED_WRITER = 2


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def norm(s):
    return " ".join(re.sub(r"[^a-z0-9 ]", " ", s.lower()).split())


def words(s):
    return set(norm(s).split())


def jaccard(a, b):
    """Word Jaccard of two word sets."""
    return len(a & b) / len(a | b)


def writer_number(path):
    return int(re.fullmatch(r"writer-(\d+)\.jsonl", os.path.basename(path)).group(1))


def one_per_fact(rows, facts, name):
    by_fact = {}
    for r in rows:
        if r["factId"] in by_fact:
            raise SystemExit("%s: two questions for %s" % (name, r["factId"]))
        by_fact[r["factId"]] = r["question"]
    missing = [f["factId"] for f in facts if f["factId"] not in by_fact]
    unknown = sorted(set(by_fact) - {f["factId"] for f in facts})
    if missing or unknown:
        raise SystemExit("%s: missing facts %s, unknown facts %s" % (name, missing, unknown))
    return by_fact


def build(src=HERE):
    """The built files' rows, by name, and how many questions each writer lost to the overlap filter."""
    facts = read_jsonl(os.path.join(src, "facts.jsonl"))
    fact_ids = {f["factId"] for f in facts}
    writers = {}
    for path in sorted(glob.glob(os.path.join(src, "writers", "writer-*.jsonl")), key=writer_number):
        rows = read_jsonl(path)
        unknown = sorted({r["factId"] for r in rows} - fact_ids)
        if unknown:
            raise SystemExit("%s: unknown facts %s" % (path, unknown))
        writers[writer_number(path)] = {r["factId"]: r["questions"] for r in rows}
    dev = one_per_fact(read_jsonl(os.path.join(src, "held-out", "dev.jsonl")), facts, "held-out/dev.jsonl")
    test = one_per_fact(read_jsonl(os.path.join(src, "held-out", "test.jsonl")), facts, "held-out/test.jsonl")
    held_out = [words(q) for f in facts for q in (dev[f["factId"]], test[f["factId"]])]

    train, dev_rows, test_rows = [], [], []
    dropped = {n: 0 for n in writers if n >= FIRST_FILTERED_WRITER}
    for i, f in enumerate(facts, 1):
        fid, answer, evidence = f["factId"], f["answer"], f["evidence"]
        for n, questions in writers.items():
            for q in questions.get(fid, []):
                qw = words(q)
                if n >= FIRST_FILTERED_WRITER and max(jaccard(qw, h) for h in held_out) > HELD_OUT_OVERLAP:
                    dropped[n] += 1
                    continue
                train.append({"id": "t%04d" % (len(train) + 1), "factId": fid, "question": q, "answer": answer,
                              "evidence": evidence, "writer": n})
        dev_rows.append({"id": "d%04d" % i, "factId": fid, "question": dev[fid], "answer": answer, "evidence": evidence})
        test_rows.append({"id": "x%04d" % i, "factId": fid, "question": test[fid], "answer": answer,
                          "evidence": evidence})
    off = [{"id": "o%03d" % i, "question": r["question"], "split": r["split"]}
           for i, r in enumerate(read_jsonl(os.path.join(src, "held-out", "off-topic.jsonl")), 1)]
    built = {"train": train, "heldout-dev": dev_rows, "heldout-test": test_rows, "off-topic": off}
    return built, dropped


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=HERE, help="folder for the built files (default: data/qa/)")
    a = ap.parse_args()
    built, dropped = build()
    os.makedirs(a.out, exist_ok=True)
    for name, rows in built.items():
        with open(os.path.join(a.out, name + ".jsonl"), "w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        print(name, len(rows))
    print("questions dropped for overlap with a held-out question: "
          + ", ".join("writer %d: %d" % kv for kv in dropped.items()))


if __name__ == "__main__":
    main()
