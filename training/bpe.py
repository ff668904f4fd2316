#!/usr/bin/python3
"""Byte-level BPE (GPT-2 style), trained and applied by our own code.

train:  python3 bpe.py train --corpus work/corpus.txt --vocab 4096 --out work/tokenizer
Writes tokenizer.json (Hugging Face `tokenizers` layout, read by Transformers.js) and
tokenizer_config.json.
"""
import argparse, collections, json, os, sys
import regex

EOT = '<|endoftext|>'
PAT = regex.compile(r"""'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+""")


def bytes_to_unicode():
    bs = list(range(ord('!'), ord('~') + 1)) + list(range(ord('¡'), ord('¬') + 1)) + list(range(ord('®'), ord('ÿ') + 1))
    cs = bs[:]
    n = 0
    for b in range(256):
        if b not in bs:
            bs.append(b)
            cs.append(256 + n)
            n += 1
    return dict(zip(bs, map(chr, cs)))


B2U = bytes_to_unicode()
U2B = {v: k for k, v in B2U.items()}


def pretokenize(text):
    return [''.join(B2U[b] for b in m.encode('utf-8')) for m in PAT.findall(text)]


def train(text, vocab_size, min_freq=2, log=print):
    counts = collections.Counter()
    for doc in text.split(EOT):
        counts.update(pretokenize(doc))
    words = [list(w) for w in counts]
    freqs = [counts[w] for w in counts]
    base = sorted(set(B2U.values()))
    vocab = {c: i for i, c in enumerate(base)}
    pair_counts = collections.Counter()
    where = collections.defaultdict(set)
    for wi, w in enumerate(words):
        f = freqs[wi]
        for a, b in zip(w, w[1:]):
            pair_counts[(a, b)] += f
            where[(a, b)].add(wi)
    merges = []
    n_merges = vocab_size - len(vocab) - 1
    import heapq
    heap = [(-c, p) for p, c in pair_counts.items()]
    heapq.heapify(heap)
    while len(merges) < n_merges and heap:
        negc, pair = heapq.heappop(heap)
        c = pair_counts.get(pair, 0)
        if c != -negc:
            if c > 0:
                heapq.heappush(heap, (-c, pair))
            continue
        if c < min_freq:
            break
        a, b = pair
        new = a + b
        merges.append(pair)
        vocab[new] = len(vocab)
        changed = set()
        for wi in list(where[pair]):
            w = words[wi]
            f = freqs[wi]
            i = 0
            # remove old pair counts for this word
            for x, y in zip(w, w[1:]):
                pair_counts[(x, y)] -= f
                changed.add((x, y))
            nw = []
            while i < len(w):
                if i < len(w) - 1 and w[i] == a and w[i + 1] == b:
                    nw.append(new)
                    i += 2
                else:
                    nw.append(w[i])
                    i += 1
            words[wi] = nw
            for x, y in zip(nw, nw[1:]):
                pair_counts[(x, y)] += f
                where[(x, y)].add(wi)
                changed.add((x, y))
        del pair_counts[pair]
        where.pop(pair, None)
        for p in changed:
            cp = pair_counts.get(p, 0)
            if cp > 0:
                heapq.heappush(heap, (-cp, p))
        if len(merges) % 500 == 0:
            log(f'merges {len(merges)} last={new!r} count={c}')
    vocab[EOT] = len(vocab)
    return vocab, merges


class Tokenizer:
    def __init__(self, vocab, merges):
        self.vocab = vocab
        self.inv = {i: t for t, i in vocab.items()}
        self.ranks = {tuple(m): i for i, m in enumerate(merges)}
        self.cache = {}
        self.eot_id = vocab[EOT]

    @classmethod
    def load(cls, path):
        j = json.load(open(os.path.join(path, 'tokenizer.json')))
        merges = [tuple(m.split(' ')) if isinstance(m, str) else tuple(m) for m in j['model']['merges']]
        vocab = dict(j['model']['vocab'])
        for t in j['added_tokens']:
            vocab[t['content']] = t['id']
        return cls(vocab, merges)

    def _bpe(self, word):
        if word in self.cache:
            return self.cache[word]
        parts = list(word)
        while len(parts) > 1:
            best = None
            for i in range(len(parts) - 1):
                r = self.ranks.get((parts[i], parts[i + 1]))
                if r is not None and (best is None or r < best[0]):
                    best = (r, i)
            if best is None:
                break
            i = best[1]
            parts = parts[:i] + [parts[i] + parts[i + 1]] + parts[i + 2:]
        ids = [self.vocab[p] for p in parts]
        if len(self.cache) < 500000:
            self.cache[word] = ids
        return ids

    def encode(self, text):
        out = []
        segs = text.split(EOT)
        for k, seg in enumerate(segs):
            if k:
                out.append(self.eot_id)
            for w in pretokenize(seg):
                out.extend(self._bpe(w))
        return out

    def decode(self, ids):
        out, buf = [], []
        for i in ids:
            t = self.inv[int(i)]
            if t == EOT:
                out.append(bytes(buf).decode('utf-8', errors='replace'))
                buf = []
                out.append(EOT)
            else:
                buf.extend(U2B[c] for c in t)
        out.append(bytes(buf).decode('utf-8', errors='replace'))
        return ''.join(out)


def save(vocab, merges, out):
    os.makedirs(out, exist_ok=True)
    eot_id = vocab[EOT]
    model_vocab = {t: i for t, i in vocab.items() if t != EOT}
    tj = {
        'version': '1.0',
        'truncation': None,
        'padding': None,
        'added_tokens': [{'id': eot_id, 'content': EOT, 'single_word': False, 'lstrip': False, 'rstrip': False,
                          'normalized': True, 'special': True}],
        'normalizer': None,
        'pre_tokenizer': {'type': 'ByteLevel', 'add_prefix_space': False, 'trim_offsets': True, 'use_regex': True},
        'post_processor': {'type': 'ByteLevel', 'add_prefix_space': True, 'trim_offsets': False, 'use_regex': True},
        'decoder': {'type': 'ByteLevel', 'add_prefix_space': True, 'trim_offsets': True, 'use_regex': True},
        'model': {'type': 'BPE', 'dropout': None, 'unk_token': None, 'continuing_subword_prefix': '',
                  'end_of_word_suffix': '', 'fuse_unk': False, 'byte_fallback': False, 'ignore_merges': False,
                  'vocab': model_vocab, 'merges': [f'{a} {b}' for a, b in merges]},
    }
    json.dump(tj, open(os.path.join(out, 'tokenizer.json'), 'w', encoding='utf-8'), ensure_ascii=False)
    cfg = {'tokenizer_class': 'GPT2Tokenizer', 'bos_token': EOT, 'eos_token': EOT, 'unk_token': EOT,
           'pad_token': EOT, 'padding_side': 'left', 'add_prefix_space': False, 'add_bos_token': False,
           'model_max_length': 128, 'clean_up_tokenization_spaces': False}
    json.dump(cfg, open(os.path.join(out, 'tokenizer_config.json'), 'w'), indent=2)


def parser():
    ap = argparse.ArgumentParser()
    ap.add_argument('cmd', choices=['train', 'encode'])
    ap.add_argument('--corpus')
    ap.add_argument('--vocab', type=int, default=4096)
    ap.add_argument('--out')
    ap.add_argument('--ids-out', help='encode: write uint16 token ids')
    ap.add_argument('--tok')
    return ap


def main():
    a = parser().parse_args()
    if a.cmd == 'train':
        text = open(a.corpus, encoding='utf-8').read()
        vocab, merges = train(text, a.vocab)
        save(vocab, merges, a.out)
        print('vocab', len(vocab), 'merges', len(merges))
    else:
        import numpy as np
        tok = Tokenizer.load(a.tok)
        text = open(a.corpus, encoding='utf-8').read()
        ids = tok.encode(text)
        np.array(ids, dtype=np.uint16).tofile(a.ids_out)
        print('tokens', len(ids), 'bytes/token', round(len(text.encode()) / len(ids), 3))


if __name__ == '__main__':
    main()
