"""The text rules shared with the app (lib/text/*.ts): answer normalisation, token-F1 and exact match,
citation markers, content words and faithfulness. One definition, pinned by data/text-rules/cases.json,
which both test suites read (training/tests/test_text_rules.py, lib/text/text-rules.test.ts).
Standard library only, so the reader's data generator can import it cheaply."""
import collections, json, os, re, unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
STOP = frozenset(json.load(open(os.path.join(ROOT, 'data', 'text-rules', 'stop-words.json'), encoding='utf-8'))['words'])
ARTICLES = frozenset(('a', 'an', 'the'))
MARKER = re.compile(r'\[(\d+)\]')


def normalized_words(text):
    """NFKC, lowercase, punctuation and symbols deleted ("it’s" and "it's" are both "its"), split on
    whitespace. JavaScript's toLowerCase and \\s are matched by str.lower and str.split."""
    text = unicodedata.normalize('NFKC', text).lower()
    text = ''.join(ch for ch in text if not unicodedata.category(ch).startswith(('P', 'S')))
    return text.split()


def normalize_answer(text):
    return ' '.join(w for w in normalized_words(text) if w not in ARTICLES)


def f1_score(pred, gold):
    p, g = normalize_answer(pred).split(), normalize_answer(gold).split()
    if not p or not g:
        return float(p == g)
    same = sum((collections.Counter(p) & collections.Counter(g)).values())
    if same == 0:
        return 0.0
    prec, rec = same / len(p), same / len(g)
    return 2 * prec * rec / (prec + rec)


def exact_match(pred, gold):
    return float(normalize_answer(pred) == normalize_answer(gold))


def cited_ranks(answer, n_passages):
    out = []
    for m in MARKER.finditer(answer):
        k = int(m.group(1))
        if 1 <= k <= n_passages and k not in out:
            out.append(k)
    return out


def strip_markers(answer):
    return re.sub(r'\s+', ' ', MARKER.sub(' ', answer)).strip()


def content_words(text):
    return [w for w in normalized_words(text) if w not in STOP]


def faithfulness(answer, cited_texts):
    """Share of the answer's content words (markers and stop words left out) found among the cited texts'
    content words; None when the answer has none. It measures copying from the sources, not correctness."""
    words = content_words(strip_markers(answer))
    if not words:
        return None
    available = {w for t in cited_texts for w in content_words(t)}
    return sum(w in available for w in words) / len(words)
