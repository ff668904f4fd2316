#!/usr/bin/python3
"""Fine-tuning data augmentation: more, keyword-varied questions per fact, made by script.

Only data/qa/train.jsonl and data/qa/facts.jsonl are read (never the held-out or off-topic files).
Two kinds of new questions, each answered with the fact's reference answer:

* variants of the training questions: content words replaced by WordNet synonyms (Debian's
  wordnet-base, top senses) or by nearest neighbours in the repo's GloVe table
  (public/retrieval/word-vectors.*), the acronyms the article itself defines expanded or contracted
  (RAG, LLM), a few words dropped, a generic lead-in ("Tell me, ...") or lowercase;
* questions built from the fact's own answer / evidence wording: a short span of it asked about
  ("What does the article say about <span>?") or the sentence with one span turned into "what",
  with the same word replacements.

Everything is drawn from one seeded random generator, so the output is deterministic.
Usage (inspection): augment.py --out training/work/train-augmented.jsonl [--variants 4 --from-answer 12]
"""
import argparse, gzip, json, os, random, re, sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from common import ROOT, read_jsonl  # noqa: E402

# Debian's wordnet-base; WORDNET_DIR points elsewhere (files may be gzipped there), e.g. on a GPU machine
WORDNET = os.environ.get('WORDNET_DIR', '/usr/share/wordnet')
VECTORS = os.path.join(ROOT, 'public', 'retrieval', 'word-vectors')

STOP = set("""a an the and or but if then so than that this these those there here of to in on at by for with from
into onto over under about as is are was were be been being am do does did doing done have has had having it its
it's i me my we our you your he she they them their his her what which who whom whose when where why how can could
would should will shall may might must not no yes all any some each every both either neither such same other
another more most less least very too also just only even up down out off again once s t d ll re ve m one two three
first second does let lets let's like kind sort way thing things come comes came coming go goes going went get gets
got getting make makes made making take takes took taken put puts give gives gave happen happens seem seems
really well lot lots much many""".split())
# Acronyms as the article itself defines them ("Retrieval Augmented Generation (RAG)",
# "Fine-Tuning Large Language Models (LLM)").
ALIASES = {
    'rag': ['RAG', 'Retrieval Augmented Generation', 'retrieval-augmented generation'],
    'llm': ['LLM', 'large language model'],
    'llms': ['LLMs', 'large language models'],
    'fine-tuning': ['fine-tuning', 'fine tuning', 'finetuning'],
}
LEAD_INS = ['Tell me, ', 'Quick question: ', 'According to the article, ', 'In this post, ', 'I wonder: ',
            'Can you tell me: ', 'Please explain: ', 'Do you know: ', 'Per the text, ', 'So, ']
SPAN_TEMPLATES = ['What does the article say about {x}?', 'What is said about {x}?', 'Tell me about {x}.',
                  '{x}?', 'How does the author describe {x}?', 'What about {x}?', 'Explain {x}.',
                  'What is mentioned regarding {x}?', 'Anything on {x}?', 'What is the point about {x}?',
                  'Which part talks about {x}?', 'What do we learn about {x}?']
WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’\-]*|[0-9]+|[^\sA-Za-z0-9]")

# ---- WordNet ---------------------------------------------------------------------------------------------
MORPH = {'n': [('s', ''), ('ses', 's'), ('xes', 'x'), ('zes', 'z'), ('ches', 'ch'), ('shes', 'sh'),
               ('men', 'man'), ('ies', 'y')],
         'v': [('s', ''), ('ies', 'y'), ('es', 'e'), ('es', ''), ('ed', 'e'), ('ed', ''), ('ing', 'e'),
               ('ing', '')],
         'a': [('er', ''), ('est', ''), ('er', 'e'), ('est', 'e')], 'r': []}
POS_FILES = {'n': 'noun', 'v': 'verb', 'a': 'adj', 'r': 'adv'}


def open_wordnet(root, name):
    path = os.path.join(root, name)
    if not os.path.exists(path) and os.path.exists(path + '.gz'):
        return gzip.open(path + '.gz', 'rt', encoding='latin-1')
    return open(path, encoding='latin-1')


class WordNet:
    def __init__(self, root=WORDNET, senses=2):
        self.index, self.exc, self.synsets, self.hyper = {}, {}, {}, {}
        self.senses = senses
        for p, name in POS_FILES.items():
            idx = {}
            for ln in open_wordnet(root, f'index.{name}'):
                if ln.startswith(' '):
                    continue
                f = ln.split()
                n_syn, n_ptr = int(f[2]), int(f[3])
                idx[f[0]] = f[4 + n_ptr + 2:4 + n_ptr + 2 + n_syn]
            self.index[p] = idx
            ex = {}
            for ln in open_wordnet(root, f'{name}.exc'):
                f = ln.split()
                if len(f) >= 2:
                    ex.setdefault(f[0], f[1])
            self.exc[p] = ex
            syn, hyp = {}, {}
            for ln in open_wordnet(root, f'data.{name}'):
                if ln.startswith(' '):
                    continue
                f = ln.split('|', 1)[0].split()
                nw = int(f[3], 16)
                syn[f[0]] = [re.sub(r'\(.*\)$', '', f[4 + 2 * i]).replace('_', ' ') for i in range(nw)]
                i = 4 + 2 * nw
                ptrs = [f[i + 1 + 4 * k:i + 5 + 4 * k] for k in range(int(f[i]))]
                hyp[f[0]] = [q[1] for q in ptrs if q[0] in ('@', '@i') and q[2] == p]
            self.synsets[p] = syn
            self.hyper[p] = hyp

    def lemmas(self, word, p):
        w = word.lower()
        out = []
        if w in self.index[p]:
            out.append(w)
        if w in self.exc[p]:
            out.append(self.exc[p][w])
        for suf, rep in MORPH[p]:
            if w.endswith(suf) and len(w) > len(suf) + 2:
                b = w[:len(w) - len(suf)] + rep
                if b in self.index[p]:
                    out.append(b)
        return list(dict.fromkeys(out))

    def hypernyms(self, word):
        """Lemmas of the direct hypernyms of the top senses (a more general word: "homework" ->
        "schoolwork", "Google" -> "search engine"), for base-form nouns and verbs only."""
        w = word.lower()
        res = []
        for p in ('n', 'v'):
            if w not in self.index[p]:
                continue
            for off in self.index[p][w][:1 if p == 'v' else self.senses]:
                for h in self.hyper[p].get(off, []):
                    res.extend(x for x in self.synsets[p].get(h, [])[:3] if len(x.split()) <= 3)
        return list(dict.fromkeys(x for x in res if x.lower() != w))

    def synonyms(self, word):
        """Synonyms of the word's top senses, re-inflected only for plain plural nouns; others kept
        only when the word is already a base form."""
        w = word.lower()
        res = []
        for p in POS_FILES:
            for lem in self.lemmas(w, p):
                plural = p == 'n' and lem != w and w in (lem + 's', lem + 'es')
                if lem != w and not plural:
                    continue
                for off in self.index[p].get(lem, [])[:1 if p == 'v' else self.senses]:
                    for s in self.synsets[p].get(off, []):
                        s = s.strip()
                        if not s or s.lower() == lem or len(s.split()) > 3:
                            continue
                        if plural and ' ' not in s:
                            s = s + ('es' if s.endswith(('s', 'x', 'ch', 'sh')) else 's')
                        res.append(s)
        return list(dict.fromkeys(res))


# ---- GloVe neighbours ------------------------------------------------------------------------------------
class Neighbours:
    def __init__(self, base=VECTORS, k=6, min_sim=0.7):
        meta = json.load(open(base + '.json'))
        self.words = meta['words']
        d = meta['dimensions']
        if os.path.exists(base + '.bin'):
            raw = np.fromfile(base + '.bin', dtype=np.int8)
        else:  # shipped gzipped (public/retrieval/word-vectors.bin.gz)
            with gzip.open(base + '.bin.gz', 'rb') as f:
                raw = np.frombuffer(f.read(), dtype=np.int8)
        x = raw.reshape(len(self.words), d).astype(np.float32)
        self.x = x / (np.linalg.norm(x, axis=1, keepdims=True) + 1e-9)
        self.row = {w: i for i, w in enumerate(self.words)}
        self.k, self.min_sim = k, min_sim
        self.cache = {}

    def __call__(self, word):
        w = word.lower()
        if w in self.cache:
            return self.cache[w]
        res = []
        if w in self.row:
            s = self.x @ self.x[self.row[w]]
            for i in np.argsort(-s)[1:40]:
                cand = self.words[i]
                if s[i] < self.min_sim or len(res) >= self.k:
                    break
                if cand.isalpha() and not cand.startswith(w[:5]) and not w.startswith(cand[:5]):
                    res.append(cand)
        self.cache[w] = res
        return res


# ---- question makers -------------------------------------------------------------------------------------
def tokens(text):
    return WORD_RE.findall(text)


def detok(toks):
    s = ''
    for t in toks:
        if s and (t[0].isalnum() or t in '("“‘') and not s.endswith(('(', '“', '‘', '"')):
            s += ' '
        s += t
    return re.sub(r'\s+', ' ', s).strip()


class Augmenter:
    def __init__(self, seed=0, p_sub=0.5, p_drop=0.08, hyper=False):
        self.rng = random.Random(seed)
        self.hyper = hyper
        self.wn = WordNet()
        self.nn = Neighbours()
        self.p_sub, self.p_drop = p_sub, p_drop

    def common(self, phrase, rank=25000):
        """Every word of the phrase among the GloVe table's most frequent words (drops "betwixt")."""
        return all(self.nn.row.get(w, rank) < rank for w in phrase.lower().split())

    def replacement(self, word):
        low = word.lower()
        if low in ALIASES:
            return self.rng.choice([a for a in ALIASES[low] if a.lower() != low] or ALIASES[low])
        if low in STOP or len(low) < 3 or not low.replace('-', '').isalpha() or (word.isupper() and len(word) > 1):
            return None
        pools = [p for p in ([w for w in self.wn.synonyms(low) if self.common(w)],
                             [w for w in self.wn.hypernyms(low) if self.common(w)] if self.hyper else [],
                             self.nn(low)) if p]
        if not pools:
            return None
        return self.rng.choice(self.rng.choice(pools))

    def vary(self, text, p_sub=None, p_drop=None):
        p_sub = self.p_sub if p_sub is None else p_sub
        p_drop = self.p_drop if p_drop is None else p_drop
        out = []
        for t in tokens(text):
            if t[0].isalpha() and self.rng.random() < p_sub:
                r = self.replacement(t)
                if r:
                    out.append(r)
                    continue
            if t[0].isalpha() and t.lower() not in STOP and self.rng.random() < p_drop:
                continue
            out.append(t)
        return detok(out)

    def style(self, q):
        r = self.rng.random()
        if r < 0.25:
            q = self.rng.choice(LEAD_INS) + q[0].lower() + q[1:]
        elif r < 0.4:
            q = q.lower().rstrip('?.! ')
        return q

    def question_variant(self, q):
        v = self.vary(q)
        return self.style(v)

    def from_answer(self, fact):
        src = fact['answer'] if self.rng.random() < 0.6 else fact['evidence']
        src = re.sub(r'\s*\|\s*', ', ', src).strip(' -,')
        toks = [t for t in tokens(src)]
        words = [i for i, t in enumerate(toks) if t[0].isalnum()]
        if len(words) < 4:
            return self.style(self.rng.choice(SPAN_TEMPLATES).format(x=self.vary(src)))
        if self.rng.random() < 0.55:  # span question
            n = self.rng.randint(2, min(6, len(words)))
            i = self.rng.randint(0, len(words) - n)
            span = detok(toks[words[i]:words[i + n - 1] + 1])
            if not any(w.lower() not in STOP and len(w) > 3 for w in span.split()):
                span = detok(toks[words[0]:words[min(len(words) - 1, 5)] + 1])
            q = self.rng.choice(SPAN_TEMPLATES).format(x=self.vary(span, p_drop=0.0))
        else:  # cloze: one span of the sentence becomes "what"
            n = self.rng.randint(1, max(1, min(8, len(words) // 3)))
            i = self.rng.randint(0, len(words) - n)
            a, b = words[i], words[i + n - 1] + 1
            cut = [t for t in toks[:a] + ['what'] + toks[b:] if t not in ('.', '!')]
            q = self.vary(detok(cut), p_sub=0.35, p_drop=0.05).rstrip(' ,;:') + '?'
        return self.style(q)


def augment(train_rows, facts, variants=4, from_answer=12, seed=0, p_sub=0.5, p_drop=0.08, augmenter=None):
    """New rows (question, answer, factId) on top of train_rows; the originals are not repeated.
    Pass the same `augmenter` again to draw a fresh, still deterministic, set (one per epoch)."""
    aug = augmenter or Augmenter(seed, p_sub, p_drop)
    seen = {re.sub(r'\W+', ' ', r['question'].lower()).strip() for r in train_rows}
    out = []

    def add(fid, q, ans, kind):
        key = re.sub(r'\W+', ' ', q.lower()).strip()
        if key and key not in seen:
            seen.add(key)
            out.append({'id': f'a{len(out) + 1:05d}', 'factId': fid, 'question': q, 'answer': ans, 'kind': kind})

    for r in train_rows:
        for _ in range(variants):
            add(r['factId'], aug.question_variant(r['question']), r['answer'], 'variant')
    answer_of = {r['factId']: r['answer'] for r in train_rows}
    for f in facts:
        if f['factId'] not in answer_of:
            continue
        for _ in range(from_answer):
            add(f['factId'], aug.from_answer(f), answer_of[f['factId']], 'from-answer')
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--train', default=os.path.join(ROOT, 'data', 'qa', 'train.jsonl'))
    ap.add_argument('--facts', default=os.path.join(ROOT, 'data', 'qa', 'facts.jsonl'))
    ap.add_argument('--variants', type=int, default=4)
    ap.add_argument('--from-answer', type=int, default=12)
    ap.add_argument('--seed', type=int, default=0)
    ap.add_argument('--out', required=True)
    a = ap.parse_args()
    rows = augment(read_jsonl(a.train), read_jsonl(a.facts), a.variants, a.from_answer, a.seed)
    with open(a.out, 'w', encoding='utf-8') as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + '\n')
    print(f'{len(rows)} augmented questions -> {a.out}')


if __name__ == '__main__':
    main()
