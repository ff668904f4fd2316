#!/usr/bin/python3
"""Training pairs for the retrieval encoder, mined from the pretraining corpus alone.

Reads the documentation paragraphs corpus.py wrote (training/work/parts/*.txt, never the article: corpus.py
drops any paragraph sharing a 12-word window with it, and tests/test_no_article_leak.py checks the corpus) and
WordNet's data files. Never reads the article, data/qa/ or anything derived from them.

Each pair is a query, the passage it belongs to, and a hard negative: another paragraph of the same document
(the article's passages are all about one topic, so telling apart paragraphs of one document is the task).
Three kinds:
  describe  a sentence of a paragraph with some of its words replaced by a WordNet synonym, hypernym or
            definition, and some dropped: the way a reader paraphrases ("a part for looking things up"),
            against the paragraph that holds the sentence.
  ict       a sentence against the rest of its paragraph (inverse cloze): what a paragraph is about.
  gloss     a WordNet definition against its synset's words and examples, and the other way round.

  /usr/bin/python3 training/retriever/pairs.py --parts training/work/parts --out training/work/retriever/pairs.jsonl
Writes that file, pairs-heldout.jsonl (pairs from 3% of the documents and every 50th synset, for the model
card's held-out figures) and pairs-stats.json beside it.
"""
import argparse, glob, json, os, random, sys

import regex

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import wordnet  # noqa: E402

EOT = '<|endoftext|>'
WORD = regex.compile(r'[\p{L}\p{N}]+')
TOKEN = regex.compile(r'[\p{L}\p{N}]+|[^\s\p{L}\p{N}]+')
SENTENCE_END = regex.compile(r'(?<=[.!?])\s+(?=[A-Z])')
STOP = set(json.load(open(os.path.join(HERE, 'stop-words.json'))))


def content_words(text):
    return [w for w in WORD.findall(text.lower()) if w not in STOP]


def read_documents(parts, skip=('wordnet-base.txt',)):
    """Documentation units of the corpus, each a list of paragraphs (Q/A units left out)."""
    docs = []
    for path in sorted(glob.glob(os.path.join(parts, '*.txt'))):
        if os.path.basename(path) in skip:
            continue
        text = open(path, encoding='utf-8').read()
        for unit in text.split(EOT):
            unit = unit.strip()
            if not unit or unit.startswith('Question:'):
                continue
            paragraphs = [p.strip() for p in unit.split('\n\n') if len(content_words(p)) >= 6]
            if paragraphs:
                docs.append(paragraphs)
    return docs


class Paraphraser:
    """Rewrites words the way a reader might: a synonym, a more general word, or its definition.

    The sense is the one whose words and definition point most the way the sentence does (the GloVe average of
    each, a Lesk-like choice), when word vectors are given; otherwise WordNet's most frequent sense, usually."""

    def __init__(self, synsets, senses, rnd, max_gloss_words=10, vectors=None, max_senses=4):
        self.synsets, self.senses, self.rnd, self.max_gloss_words = synsets, senses, rnd, max_gloss_words
        self.vectors, self.max_senses = vectors, max_senses
        self.context = None

    def average(self, text):
        rows = [self.vectors[1][w] for w in content_words(text) if w in self.vectors[1]]
        if not rows:
            return None
        v = self.vectors[0][rows].sum(0)
        return v / (float((v * v).sum()) ** 0.5 + 1e-9)

    def options(self, word):
        for form in wordnet.base_forms(word):
            keys = self.senses.get(form)
            if keys:
                return form, keys[: self.max_senses]
        return None, []

    def sense(self, keys):
        if self.vectors is not None and self.context is not None and len(keys) > 1:
            def fit(key):
                s = self.synsets.get(key)
                if s is None or s.proper:
                    return -2.0
                v = self.average(' '.join(s.lemmas) + ' ' + s.gloss)
                return -1.0 if v is None else float(v @ self.context)
            return max(keys, key=fit)
        # WordNet lists senses most frequent first: the first is the likeliest meaning in running text.
        return keys[0] if len(keys) == 1 or self.rnd.random() < 0.7 else keys[1]

    def replace(self, word, weights):
        form, keys = self.options(word)
        if not keys:
            return None
        synset = self.synsets.get(self.sense(keys))
        if synset is None or synset.proper:
            return None
        choices = []
        synonyms = [l for l in synset.lemmas if l != form and l != word]
        if synonyms:
            choices.append(('synonym', weights['synonym'], lambda: self.rnd.choice(synonyms)))
        hypernyms = [l for kind, key in synset.pointers if kind == 'hypernym' and key in self.synsets
                     and not self.synsets[key].proper for l in self.synsets[key].lemmas[:2]]
        if hypernyms:
            choices.append(('hypernym', weights['hypernym'], lambda: self.rnd.choice(hypernyms)))
        if 2 <= len(synset.gloss.split()) <= self.max_gloss_words:
            choices.append(('definition', weights['definition'], lambda: synset.gloss))
        if not choices:
            return None
        total = sum(w for _, w, _ in choices)
        pick = self.rnd.random() * total
        for _, w, make in choices:
            pick -= w
            if pick <= 0:
                return make()
        return choices[-1][2]()

    def rewrite(self, sentence, substitute, drop, weights):
        self.context = self.average(sentence) if self.vectors is not None else None
        out = []
        for token in TOKEN.findall(sentence):
            low = token.lower()
            # Capitalised words are names (of people, classes, products) more often than not: kept as they are.
            if WORD.fullmatch(token) and token.islower() and low not in STOP and len(low) >= 3:
                r = self.rnd.random()
                if r < substitute:
                    replacement = self.replace(low, weights)
                    if replacement:
                        out.append(replacement)
                        continue
                elif r < substitute + drop:
                    continue
            out.append(token)
        return ' '.join(out)


def sentences_of(paragraph, lo=5, hi=45):
    return [s for s in SENTENCE_END.split(paragraph) if lo <= len(s.split()) <= hi]


def parser():
    ap = argparse.ArgumentParser(description='Training pairs for the retrieval encoder, from the corpus alone.')
    ap.add_argument('--parts', required=True)
    ap.add_argument('--out', required=True)
    ap.add_argument('--config', default=os.path.join(HERE, 'encoder-config.json'),
                    help='the recipe (its "pairs" section); the default file is the shipped one')
    ap.add_argument('--max-docs', type=int, default=0, help='use only this many documents (0: all; smoke)')
    return ap


def vector_bytes(root):
    """The app's int8 word-vector table, as shipped (public/retrieval/word-vectors.bin.gz) or unpacked (.bin)."""
    path = os.path.join(root, 'public', 'retrieval', 'word-vectors.bin')
    if os.path.exists(path):
        with open(path, 'rb') as f:
            return f.read()
    import gzip
    with gzip.open(path + '.gz', 'rb') as f:
        return f.read()


def main():
    a = parser().parse_args()
    cfg = json.load(open(a.config))['pairs']
    rnd = random.Random(cfg['seed'])
    docs = read_documents(a.parts)
    rnd.shuffle(docs)
    if a.max_docs:
        docs = docs[: a.max_docs]
    synsets, senses = wordnet.load()
    vectors = None
    if cfg.get('sense') == 'context':
        import numpy as np
        root = os.path.dirname(os.path.dirname(HERE))
        meta = json.load(open(os.path.join(root, 'public', 'retrieval', 'word-vectors.json')))
        table = np.frombuffer(vector_bytes(root), dtype=np.int8)
        table = table.reshape(len(meta['words']), meta['dimensions']).astype(np.float32) / 127.0
        vectors = (table, {w: i for i, w in enumerate(meta['words'])})
    para = Paraphraser(synsets, senses, rnd, cfg['max_gloss_words'], vectors)
    # Documents held out of training: their pairs measure the encoder on text it never saw (model card).
    n_held = max(1, int(len(docs) * cfg['heldout_share']))
    counts = {}
    os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
    outs = {'train': open(a.out, 'w', encoding='utf-8'),
            'heldout': open(a.out.replace('.jsonl', '-heldout.jsonl'), 'w', encoding='utf-8')}

    def emit(split, kind, doc, query, positive, negative):
        if len(content_words(query)) < 2:
            return
        outs[split].write(json.dumps({'kind': kind, 'doc': doc, 'q': query, 'p': positive, 'n': negative}) + '\n')
        counts[(split, kind)] = counts.get((split, kind), 0) + 1

    for d, paragraphs in enumerate(docs):
        split = 'heldout' if d < n_held else 'train'
        for i, paragraph in enumerate(paragraphs):
            others = [p for j, p in enumerate(paragraphs) if j != i]
            sentences = sentences_of(paragraph)
            if not sentences:
                continue
            for _ in range(cfg['describe_per_paragraph']):
                s = rnd.choice(sentences)
                q = para.rewrite(s, cfg['substitute'], cfg['drop'], cfg['replacement_weights'])
                emit(split, 'describe', d, q, paragraph, rnd.choice(others) if others else None)
            if len(SENTENCE_END.split(paragraph)) >= 2 and rnd.random() < cfg['ict_share']:
                s = rnd.choice(sentences)
                rest = ' '.join(x for x in SENTENCE_END.split(paragraph) if x != s)
                q = para.rewrite(s, cfg['ict_substitute'], 0.0, cfg['replacement_weights'])
                emit(split, 'ict', d, q, rest, rnd.choice(others) if others else None)

    # WordNet: a definition against its words and examples, and the other way round. Negatives are synsets
    # that share a hypernym (siblings), the closest thing WordNet has to "the same document".
    keys = sorted(synsets)
    rnd.shuffle(keys)
    if a.max_docs:
        keys = keys[: a.max_docs * 20]
    children = {}
    for key in keys:
        for kind, target in synsets[key].pointers:
            if kind == 'hypernym':
                children.setdefault(target, []).append(key)
    n_gloss = int(len(keys) * cfg['gloss_share'])
    for idx, key in enumerate(keys[:n_gloss]):
        s = synsets[key]
        if len(s.gloss.split()) < 3:
            continue
        words = ', '.join(s.lemmas)
        body = '. '.join([words] + s.examples[:2])
        siblings = [k for kind, t in s.pointers if kind == 'hypernym' for k in children.get(t, []) if k != key]
        neg = synsets[rnd.choice(siblings)] if siblings else None
        neg_body = '. '.join([', '.join(neg.lemmas)] + neg.examples[:2]) if neg else None
        split = 'heldout' if idx % 50 == 0 else 'train'
        if rnd.random() < 0.5:
            emit(split, 'gloss', -1, s.gloss, body, neg_body)
        else:
            emit(split, 'gloss', -1, words, s.gloss + '. ' + '. '.join(s.examples[:1]), neg.gloss if neg else None)
    for f in outs.values():
        f.close()
    stats = {f'{k[0]}/{k[1]}': v for k, v in sorted(counts.items())}
    with open(a.out.replace('.jsonl', '-stats.json'), 'w') as f:
        json.dump(stats, f, indent=2)
    print(json.dumps(stats))


if __name__ == '__main__':
    main()
