#!/usr/bin/python3
"""Generate the reader's reading-comprehension set from the pretraining corpus (training/work/corpus.txt).

Never reads the article (data/article/*) or data/qa/*: every passage, question and answer comes from the
corpus's documentation paragraphs and WordNet glosses. No model is involved.

An example mirrors what the app hands the reader (data/reader-prompt-format.json): not whole passages, but the
sentences that a scorer like the app's extractive one (lib/rag/answer/sentence-rank.ts) ranks best, each with
the number of the passage it comes from. Building one:
  * 1 to 3 passages (paragraphs of the corpus) numbered [1]..[3] as retrieval would rank them: the answer
    paragraph first in about two thirds of examples (as on the article), otherwise at another place; the others
    are lexical neighbours of it (sharing its rarest words) that lack the question's key phrase;
  * a question built from one sentence of the answer paragraph (its answer sentence);
  * every sentence of the passages scored against the question as the app's scorer does, by word overlap
    weighted by rarity with recall counting twice as much as precision (F-beta 2), crude stems instead of word
    vectors, a little noise, and the same small prior for earlier passages; the best 2 to 4 become the lines,
    best first. An example whose answer sentence is not among them is dropped (the app would give the reader
    nothing to copy either);
  * the target is the answer sentence copied verbatim, then the number of its passage: " <sentence> [2]".
The reader is never taught to decline: whether the sources cover a question is decided by retrieval.

Questions are templates filled from the answer sentence: its definitional subject ("X is a ..." ->
"What is X?"), its subject and verb ("The parser returns ..." -> "What does the parser return?"), a rare
noun phrase ("What does the text say about X?", "How does X work?", "Tell me about X." ...) or a bag of
keywords. Some words are replaced by a WordNet synonym (first sense) or dropped, and the casing and final
punctuation vary, so the reader must match meaning, not only copy exact words.

Writes <out>/rc-train.jsonl, <out>/rc-heldout.jsonl (answer paragraphs from documents never used for
training), <out>/rc-stats.json.
"""
import argparse, collections, json, math, os, random, re, sys, zlib

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.dirname(HERE))
from rcformat import STOP as _STOP, build_prompt, format_line, load_format, target_text, words  # noqa: E402

EOT = '<|endoftext|>'
STOP = _STOP | set('without within upon via onto per whether either neither yet however thus therefore else '
                   'instead rather often usually always never see let e g i etc'.split())
WN_DIR = '/usr/share/wordnet'
WN_PARA = re.compile(r'^The (noun|verb|adjective|adverb) "')
WN_MEANS = re.compile(r'^The (?:noun|verb|adjective|adverb) "([^"]+)" means (.+)$')
DEF_RE = re.compile(r'^((?:[A-Z][\w-]*|[a-z][\w-]*)(?: [\w-]+){0,3}) (is|are) ((?:a|an|the|one) [^.;:]{10,200}\.)$')
SVO_RE = re.compile(r'^(The|A|An|Each|Every|This) ((?:[\w-]+ ){0,2}[\w-]+) ([a-z]+s) (.+)$')
SENT_SPLIT = re.compile(r'(?<=[.!?])\s+(?=[A-Z0-9"\'(\[])')
BAD_SUBJ = {'this', 'it', 'that', 'there', 'here', 'which', 'what', 'they', 'these', 'each', 'one', 'the', 'a',
            'an', 'its', 'result', 'default', 'following', 'above', 'below', 'example', 'note', 'see', 'other',
            'same', 'former', 'latter', 'first', 'second', 'next', 'last', 'both', 'all', 'some', 'such'}
LINE_COUNTS = (2, 3, 4, 4)  # lines per example, drawn uniformly from this list
RANK_PRIOR = 0.05  # as the app's EXTRACTIVE_RANK_PRIOR: each later passage's sentences lose this share
ANSWER_WINDOW = 60  # the answer sentence lies within its paragraph's first words
PASSAGE_WORDS = 150  # a passage's sentences are read up to here, as the app's passages are a few sentences
SKIP_VERBS = {'is', 'was', 'has', 'does', 'its', 'this', 'thus', 'always', 'was', 'yes', 'less', 'unless',
              'as', 'us', 'plus', 'series', 'class', 'process', 'access', 'status', 'alias', 'analysis', 'basis'}


# ---------------------------------------------------------------------------------------------- WordNet
class WordNet:
    """Just enough WordNet for lemmas, parts of speech and first-sense synonyms (Debian wordnet-base)."""
    POS = ('noun', 'verb', 'adj', 'adv')

    def __init__(self, d=WN_DIR):
        self.idx, self.exc, first = {}, {}, {}
        for pos in self.POS:
            m = {}
            for ln in open(os.path.join(d, f'index.{pos}'), encoding='latin-1'):
                if ln.startswith(' '):
                    continue
                f = ln.split()
                m[f[0]] = f[-int(f[2]):]
            self.idx[pos] = m
            first[pos] = {offs[0] for offs in m.values()}
            ex = {}
            p = os.path.join(d, f'{pos}.exc')
            if os.path.exists(p):
                for ln in open(p, encoding='latin-1'):
                    f = ln.split()
                    if len(f) >= 2:
                        ex[f[0]] = f[1]
            self.exc[pos] = ex
        self.synsets = {}
        for pos in self.POS:
            want = first[pos]
            syn = {}
            for ln in open(os.path.join(d, f'data.{pos}'), encoding='latin-1'):
                if ln.startswith(' '):
                    continue
                off = ln[:8]
                if off not in want:
                    continue
                f = ln.split(' ', 5)
                n = int(f[3], 16)
                parts = ln.split()
                syn[off] = [re.sub(r'\(.*\)$', '', parts[4 + 2 * i]).lower() for i in range(n)]
            self.synsets[pos] = syn

    RULES = {'noun': [('ses', 's'), ('xes', 'x'), ('zes', 'z'), ('ches', 'ch'), ('shes', 'sh'), ('men', 'man'),
                      ('ies', 'y'), ('s', '')],
             'verb': [('ies', 'y'), ('es', 'e'), ('es', ''), ('ed', 'e'), ('ed', ''), ('ing', 'e'), ('ing', ''),
                      ('s', '')],
             'adj': [('er', ''), ('est', ''), ('er', 'e'), ('est', 'e')], 'adv': []}

    def lemma(self, word, pos):
        w = word.lower()
        if w in self.exc[pos]:
            return self.exc[pos][w]
        if w in self.idx[pos]:
            return w
        for suf, rep in self.RULES[pos]:
            if w.endswith(suf) and len(w) > len(suf) + 1 and w[:-len(suf)] + rep in self.idx[pos]:
                return w[:-len(suf)] + rep
        return None

    def is_pos(self, word, pos):
        return self.lemma(word, pos) is not None

    def synonyms(self, word, pos):
        """Single-word synonyms from the first (most frequent) sense, inflected like `word` for plural
        nouns and third-person verbs; [] when unsure."""
        w = word.lower()
        lem = self.lemma(w, pos)
        if lem is None:
            return []
        offs = self.idx[pos].get(lem)
        if not offs:
            return []
        cands = [s for s in self.synsets[pos].get(offs[0], []) if s != lem and re.fullmatch(r'[a-z]{3,}', s)]
        if w == lem:
            return cands
        if pos in ('noun', 'verb') and w.endswith('s') and not w.endswith('ss'):
            return [c[:-1] + 'ies' if c.endswith('y') and c[-2] not in 'aeiou' else
                    c + 'es' if c.endswith(('s', 'x', 'ch', 'sh', 'z')) else c + 's' for c in cands]
        return []


# ---------------------------------------------------------------------------------------------- text helpers
def core(w):
    return re.sub(r'^\W+|\W+$', '', w)


def is_content(c):
    return len(c) >= 2 and re.search(r'[A-Za-z]', c) is not None and c.lower() not in STOP


def contains(text_lower, phrase):
    return re.search(r'(?<![\w-])' + re.escape(phrase.lower()) + r'(?![\w-])', text_lower) is not None


def sentences(text):
    return [s.strip() for s in SENT_SPLIT.split(text) if s.strip()]


def good_answer_sentence(s):
    n = len(s.split())
    return (5 <= n <= 42 and re.search(r'[.!?]["\')]?$', s) is not None and s[0].isupper()
            and '…' not in s and not s.endswith(':') and s.count('"') % 2 == 0 and s.count('(') == s.count(')'))


def read_docs(path):
    """Documents of the corpus as lists of paragraphs (whitespace collapsed). Q/A pair units are skipped."""
    docs = []
    text = open(path, encoding='utf-8').read()
    for d in text.split(EOT):
        d = d.strip('\n')
        if not d.strip() or d.lstrip().startswith('Question:'):
            continue
        paras = [' '.join(words(p)) for p in d.split('\n\n')]
        paras = [p for p in paras if len(p.split()) >= 12 and not p.rstrip().endswith(':')]
        if paras:
            docs.append(paras)
    return docs


# ---------------------------------------------------------------------------------------------- generator
class Generator:
    def __init__(self, fmt, paragraphs, heldout_flags, wn, rnd, tok):
        self.fmt, self.wn, self.rnd, self.tok = fmt, wn, rnd, tok
        self.paras = paragraphs                            # raw paragraph text
        self.shown = [' '.join(words(p)[:PASSAGE_WORDS]) for p in paragraphs]  # the part whose sentences are read
        self.lower = [s.lower() for s in self.shown]
        self.heldout = heldout_flags
        df = collections.Counter()
        self.terms = []
        for s in self.shown:
            t = {core(w).lower() for w in s.split()}
            t = {x for x in t if is_content(x) and len(x) >= 3}
            self.terms.append(t)
            df.update(t)
        n = len(paragraphs)
        self.df = df
        self.idf = {w: math.log(n / c) for w, c in df.items()}
        self.max_idf = math.log(n)
        self.post = collections.defaultdict(list)
        for i, t in enumerate(self.terms):
            for w in t:
                if 2 <= df[w] <= max(50, n // 100):
                    self.post[w].append(i)
        self.train_ids = [i for i in range(n) if not heldout_flags[i]]

    def idf_of(self, w):
        return self.idf.get(w.lower(), self.max_idf)

    def neighbours(self, i, k=12, allow_heldout=False):
        sig = sorted(self.terms[i], key=lambda w: -self.idf_of(w))[:10]
        score = collections.Counter()
        for w in sig:
            p = self.post.get(w, [])
            if len(p) > 400:
                p = self.rnd.sample(p, 400)
            for j in p:
                if j != i and (allow_heldout or not self.heldout[j]):
                    score[j] += self.idf_of(w)
        return [j for j, _ in score.most_common(k)]

    # ---- key phrases
    def spans(self, sent):
        """Candidate noun-phrase-like spans (1-2 consecutive content words) with a score."""
        runs, cur = [], []
        for raw in sent.split():
            c = core(raw)
            if c and is_content(c) and not re.search(r'[^\w.+#()-]', c):
                cur.append(c)
                if re.search(r'[,;:.!?)"]$', raw):
                    runs.append(cur)
                    cur = []
            else:
                if cur:
                    runs.append(cur)
                cur = []
        if cur:
            runs.append(cur)
        out = []
        for r in runs:
            for L in (1, 2):
                for a in range(0, len(r) - L + 1):
                    sp = r[a:a + L]
                    last = sp[-1]
                    nounish = self.wn.is_pos(last, 'noun') or last[0].isupper() or re.search(r'[_.()]', last)
                    verbonly = any(self.wn.is_pos(w, 'verb') and not self.wn.is_pos(w, 'noun') for w in sp)
                    if verbonly or any(w.lower().endswith('ly') for w in sp) or not nounish:
                        continue
                    s = sum(min(self.idf_of(w), 9.0) for w in sp) / L * (1.25 if L == 2 else 1.0)
                    out.append((s, ' '.join(sp)))
        out.sort(reverse=True)
        return out

    def maybe_lower(self, phrase, sent):
        first = phrase.split()[0]
        if sent.startswith(first) and first[:1].isupper() and first[1:].islower() and \
                (self.wn.is_pos(first, 'noun') or self.wn.is_pos(first, 'adj')):
            return first.lower() + phrase[len(first):]
        return phrase

    def perturb(self, q, key, p_syn=0.25, p_drop=0.1):
        """Replace some words of the key phrase by a WordNet synonym (first sense) or drop a modifier of a
        multi-word key; the template's own words are left alone."""
        toks = q.split(' ')
        key_words = [w.lower() for w in key.split()]
        out, changes = [], []
        for raw in toks:
            c = core(raw)
            if not c or c.lower() not in key_words or not c.isalpha() or not c.islower() or not is_content(c):
                out.append(raw)
                continue
            r = self.rnd.random()
            if r < p_syn:
                pos = next((p for p in ('noun', 'verb', 'adj', 'adv') if self.wn.is_pos(c, p)), None)
                # a synonym the corpus itself uses (in 20+ paragraphs): WordNet's first sense of a technical
                # word is often another meaning ("kernel" -> "meat"); words the documentation uses are safer
                syn = [x for x in (self.wn.synonyms(c, pos) if pos else []) if self.df.get(x, 0) >= 20]
                if syn:
                    s = self.rnd.choice(syn)
                    out.append(raw.replace(c, s))
                    changes.append(f'{c}->{s}')
                    continue
            if r > 1 - p_drop and len(key_words) >= 2 and c.lower() != key_words[-1]:
                changes.append(f'-{c}')
                continue
            out.append(raw)
        return ' '.join(out), changes

    def question_for(self, sent, earlier_lower):
        """(question, key phrase, template) for an answer sentence, or None. The key phrase must not occur in
        an earlier sentence of the passage, so the answer is the first sentence holding it."""
        rnd = self.rnd
        cands = []
        m = WN_MEANS.match(sent)
        if m and '"' not in m.group(1):
            x = m.group(1)
            isnoun = sent.startswith('The noun')
            cands.append(('wordnet', x, rnd.choice([f'What does "{x}" mean?', f'What does {x} mean?',
                                                    f'What is {x}?' if isnoun else f'What does {x} mean?', f'What is the meaning of {x}?',
                                                    f'Define {x}.', f'{x}?', f'What is meant by {x}?'])))
            return self._finish(cands, earlier_lower)
        m = DEF_RE.match(sent)
        if m and m.group(1).split()[0].lower() not in BAD_SUBJ and len(m.group(1).split()) <= 4:
            x = self.maybe_lower(m.group(1), sent)
            verb = m.group(2)
            cands.append(('definition', x, rnd.choice([f'What {verb} {x}?', f'What {verb} {x}?', f'Define {x}.',
                                                       f'What is meant by {x}?', f'What does {x} mean?'])))
        m = SVO_RE.match(sent)
        if m and m.group(3) not in SKIP_VERBS and m.group(2).split()[0].lower() not in BAD_SUBJ:
            v = m.group(3)
            lem = self.wn.lemma(v, 'verb')
            subj_words = m.group(2).split()
            if lem and lem != v and self.wn.is_pos(subj_words[-1], 'noun'):
                det = m.group(1).lower() if m.group(1) not in ('This',) else 'the'
                subj = f'{det} {m.group(2)}'
                x = m.group(2)
                rest = ' '.join(m.group(4).rstrip('.!?').split()[:8])
                cands.append(('subject-verb', x, rnd.choice([f'What does {subj} {lem}?', f'What does {subj} do?',
                                                             f'What {v} {rest}?', f'What does {subj} {lem}?'])))
        sp = self.spans(sent)
        sp = [(s, x) for s, x in sp if not any(contains(e, x) for e in earlier_lower)]
        if sp:
            x = self.maybe_lower(rnd.choice(sp[:3])[1], sent)
            plural = x.split()[-1].lower().endswith('s') and not x.lower().endswith('ss')
            tmpl = rnd.choice(['What does the text say about {X}?', 'What is {X}?' if not plural else 'What are {X}?',
                               'How does {X} work?' if not plural else 'How do {X} work?', 'Tell me about {X}.',
                               'What do the sources say about {X}?', 'What is said about {X}?', '{X}?',
                               'Explain {X}.', 'What should I know about {X}?', 'What about {X}?',
                               'Describe {X}.', 'How is {X} used?' if not plural else 'How are {X} used?',
                               'What is the role of {X}?', 'Anything about {X}?'])
            cands.append(('phrase', x, tmpl.replace('{X}', x)))
            others = [y for _, y in sp[:6] if not set(y.lower().split()) & set(x.lower().split())]
            if others:
                y = self.maybe_lower(others[0], sent)
                cands.append(('two-phrases', x + ' ' + y, rnd.choice([
                    f'How are {x} and {y} related?', f'What does the text say about {x} and {y}?',
                    f'{x} and {y}?', f'What connects {x} with {y}?'])))
            kws = [c for c in (core(w) for w in sent.split()) if is_content(c) and c.isalpha()]
            kws = sorted(set(kws), key=lambda w: -self.idf_of(w))[:rnd.choice([2, 3, 3, 4])]
            if len(kws) >= 2 and not all(all(contains(e, k) for k in kws) for e in earlier_lower if e):
                rnd.shuffle(kws)
                cands.append(('keywords', ' '.join(kws), ' '.join(k.lower() for k in kws) + rnd.choice(['', '?'])))
        return self._finish(cands, earlier_lower)

    def _finish(self, cands, earlier_lower):
        rnd = self.rnd
        if not cands:
            return None
        weights = {'wordnet': 6, 'definition': 6, 'subject-verb': 3, 'phrase': 4, 'two-phrases': 0.6, 'keywords': 1}
        kind, x, q = rnd.choices(cands, weights=[weights[c[0]] for c in cands])[0]
        if kind != 'keywords' and any(contains(e, x) for e in earlier_lower):
            return None
        q, changes = self.perturb(q, x, p_syn=0.0 if kind == 'wordnet' else 0.25)
        r = rnd.random()
        if r < 0.25:
            q = q.lower()
        elif r < 0.35:
            q = q.rstrip('?.')
        q = q[:1].upper() + q[1:] if rnd.random() < 0.8 else q
        return q, x, kind, changes

    def answer_from(self, i):
        """Pick an answer sentence of paragraph i (within its first words) and a question for it."""
        w = words(self.paras[i])
        sents = sentences(' '.join(w[:ANSWER_WINDOW]))
        if len(w) > ANSWER_WINDOW and sents:
            sents = sents[:-1]  # the last one may be cut
        wordnet = WN_PARA.match(self.paras[i]) is not None
        idx = [k for k, s in enumerate(sents) if good_answer_sentence(s) and (not wordnet or WN_MEANS.match(s))
               and len(words(s)) <= self.fmt['lineMaxWords']]
        if not idx:
            return None
        k = self.rnd.choice(idx)
        res = self.question_for(sents[k], [s.lower() for s in sents[:k]])
        if res is None:
            return None
        return sents[k], res

    def ok_distractor(self, j, key, answer_cw):
        low = self.lower[j]
        if contains(low, key) or all(contains(low, w) for w in key.split()):
            return False
        t = self.terms[j]
        if answer_cw and sum(w in t for w in answer_cw) / len(answer_cw) >= 0.6:
            return False
        return True

    def rank_lines(self, question, passages):
        """Every sentence of the passages that states something, scored against the question as the app's
        extractive scorer does (F-beta 2 of rarity-weighted word overlap; crude stems where the app matches
        words through their vectors), with noise and a small prior for earlier passages; best first."""
        q = {}
        for w in question.split():
            c = core(w)
            if is_content(c):
                q[stem(c)] = min(self.idf_of(c), 9.0)
        total = sum(q.values())
        out = []
        for n, p in enumerate(passages, 1):
            for s in sentences(p):
                if re.search(r'\?["\')]*$', s):
                    continue
                sw = {stem(c) for c in (core(w) for w in s.split()) if is_content(c)}
                if not sw:
                    continue
                hit = [x for x in q if x in sw]
                recall = sum(q[x] for x in hit) / total if total else 0.0
                precision = len(hit) / len(sw)
                f = 5 * precision * recall / (4 * precision + recall) if hit else 0.0
                score = f * (1 - RANK_PRIOR * (n - 1)) + self.rnd.gauss(0, self.noise)
                out.append((score, n, s))
        out.sort(key=lambda x: -x[0])
        return [(n, s) for _, n, s in out]

    def make(self, i, n_passages, heldout):
        got = self.answer_from(i)
        if got is None:
            return None
        ans, (q, key, kind, changes) = got
        answer_cw = {x for x in (core(w).lower() for w in ans.split()) if is_content(x) and len(x) >= 3}
        near = [j for j in self.neighbours(i, allow_heldout=heldout)
                if self.shown[j][:60] != self.shown[i][:60] and self.ok_distractor(j, key, answer_cw)]
        need = n_passages - 1
        pool = self.train_ids if not heldout else range(len(self.paras))
        chosen = []
        tries = 0
        while len(chosen) < need and tries < 30:
            tries += 1
            if near and self.rnd.random() < 0.75:
                j = near.pop(self.rnd.randrange(min(len(near), 6)))
            else:
                j = self.rnd.choice(pool)
            if j != i and j not in chosen and self.ok_distractor(j, key, answer_cw):
                chosen.append(j)
        if len(chosen) < need:
            return None
        gold = 1 if self.rnd.random() < self.gold_first else self.rnd.randrange(n_passages) + 1
        chosen.insert(gold - 1, i)
        passages = [self.shown[j] for j in chosen]
        n_lines = self.rnd.choice(LINE_COUNTS)
        ranked = self.rank_lines(q, passages)[:n_lines]
        if (gold, ans) not in ranked:
            return None
        prompt, kept = build_prompt(self.fmt, ranked, q, self.tok)
        if (gold, ans) not in kept:
            return None
        tgt = target_text(self.fmt, ans, gold)
        if self.tok is not None and len(self.tok.encode(tgt)) > self.fmt['maxNewTokens']:
            return None
        return {'passages': passages, 'lines': [[n, t] for n, t in kept], 'question': q, 'gold': gold,
                'gold_line': kept.index((gold, ans)) + 1, 'answer': ans, 'target': tgt, 'prompt': prompt,
                'template': kind, 'key': key, 'synonyms': changes, 'answer_paragraph': i}


def stem(word):
    """A crude stem: lower case, at most 6 letters ("retrieval" and "retrieve" meet)."""
    return word.lower()[:6]


def parser():
    ap = argparse.ArgumentParser()
    ap.add_argument('--corpus', required=True)
    ap.add_argument('--out', required=True)
    ap.add_argument('--tok', default='', help='tokenizer folder: checks prompt fit and answer length')
    ap.add_argument('--train', type=int, default=20000)
    ap.add_argument('--heldout', type=int, default=500)
    ap.add_argument('--gold-first', type=float, default=0.65,
                    help='share of examples whose answer passage is ranked first')
    ap.add_argument('--rank-noise', type=float, default=0.25,
                    help='standard deviation of the noise added to each sentence score: how often the scorer puts '
                    'another sentence above the answer (0.25: the answer on line 1 in about two thirds of examples)')
    ap.add_argument('--heldout-docs', type=float, default=0.04, help='share of documents kept for the held-out set')
    ap.add_argument('--wordnet-share', type=float, default=0.2, help='max share of answer paragraphs from WordNet')
    ap.add_argument('--seed', type=int, default=0)
    return ap


def main():
    a = parser().parse_args()
    rnd = random.Random(a.seed)
    fmt = load_format()
    tok = None
    if a.tok:
        from bpe import Tokenizer
        tok = Tokenizer.load(a.tok)
    docs = read_docs(a.corpus)
    paras, held, is_wn = [], [], []
    for d, ps in enumerate(docs):
        h = zlib.crc32(ps[0].encode()) % 10000 < a.heldout_docs * 10000
        for p in ps:
            paras.append(p)
            held.append(h)
            is_wn.append(bool(WN_PARA.match(p)))
    wn = WordNet()
    gen = Generator(fmt, paras, held, wn, rnd, tok)
    gen.gold_first, gen.noise = a.gold_first, a.rank_noise
    os.makedirs(a.out, exist_ok=True)
    stats = {'documents': len(docs), 'paragraphs': len(paras), 'heldout_paragraphs': sum(held), 'splits': {}}
    for split, n_want in (('train', a.train), ('heldout', a.heldout)):
        ids = [i for i in range(len(paras)) if held[i] == (split == 'heldout')]
        rnd.shuffle(ids)
        wn_ids = [i for i in ids if is_wn[i]]
        doc_ids = [i for i in ids if not is_wn[i]]
        out, tried, used = [], 0, set()
        n_wn = 0
        it_doc, it_wn = iter(doc_ids), iter(wn_ids)
        while len(out) < n_want:
            use_wn = rnd.random() < a.wordnet_share
            i = next(it_wn if use_wn else it_doc, None)
            if i is None:
                i = next(it_doc if use_wn else it_wn, None)
                if i is None:
                    break
            tried += 1
            r = rnd.random()
            n_p = 1 if r < 0.1 else 2 if r < 0.3 else 3
            ex = gen.make(i, n_p, split == 'heldout')
            if ex is None:
                continue
            n_wn += is_wn[i]
            ex['id'] = f'{split}-{len(out):05d}'
            out.append(ex)
        with open(os.path.join(a.out, f'rc-{split}.jsonl'), 'w', encoding='utf-8') as f:
            for ex in out:
                f.write(json.dumps(ex, ensure_ascii=False) + '\n')
        st = {'examples': len(out), 'paragraphs_tried': tried,
              'answer_line': dict(sorted(collections.Counter(e['gold_line'] for e in out).items())),
              'lines_per_example': dict(sorted(collections.Counter(len(e['lines']) for e in out).items())),
              'wordnet_answer_paragraphs': n_wn,
              'passages_per_example': dict(collections.Counter(len(e['passages']) for e in out)),
              'gold_position': dict(collections.Counter(e['gold'] for e in out)),
              'templates': dict(collections.Counter(e['template'] for e in out)),
              'with_synonym_or_drop': round(sum(bool(e['synonyms']) for e in out) / max(len(out), 1), 4)}
        if tok is not None and out:
            lens = sorted(len(tok.encode(e['prompt'])) + len(tok.encode(e['target'])) for e in out[:2000])
            st['tokens_per_example'] = {'mean': round(sum(lens) / len(lens), 1), 'p50': lens[len(lens) // 2],
                                        'p99': lens[int(len(lens) * 0.99)], 'max': lens[-1]}
        stats['splits'][split] = st
        print(split, json.dumps(st), flush=True)
    stats['format'] = fmt
    stats['generator'] = {'source': os.path.abspath(a.corpus), 'seed': a.seed, 'gold_first': a.gold_first,
                          'rank_noise': a.rank_noise,
                          'heldout_docs': a.heldout_docs, 'wordnet_share_max': a.wordnet_share}
    json.dump(stats, open(os.path.join(a.out, 'rc-stats.json'), 'w'), indent=2, ensure_ascii=False)


if __name__ == '__main__':
    main()
