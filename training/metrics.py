"""SQuAD-style answer metrics, shared by the fine-tuned model's evaluation (common.py) and the reader's
(reader/rcformat.py). No torch here, so the reader's data generator can import it cheaply."""
import collections, re, string


def normalize_answer(s):
    s = s.lower()
    s = ''.join(ch for ch in s if ch not in set(string.punctuation))
    s = re.sub(r'\b(a|an|the)\b', ' ', s)
    return ' '.join(s.split())


def f1_score(pred, gold):
    p, g = normalize_answer(pred).split(), normalize_answer(gold).split()
    if not p or not g:
        return float(p == g)
    common = collections.Counter(p) & collections.Counter(g)
    same = sum(common.values())
    if same == 0:
        return 0.0
    prec, rec = same / len(p), same / len(g)
    return 2 * prec * rec / (prec + rec)


def exact_match(pred, gold):
    return float(normalize_answer(pred) == normalize_answer(gold))
