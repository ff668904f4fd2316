"""WordNet 3.0 (Debian's wordnet-base) read directly from its data files: synsets with their lemmas, gloss,
examples and pointers, and each lemma's senses in frequency order. Used by pairs.py to write descriptive and
synonym paraphrases of corpus sentences; nothing here reads the article or data/qa/."""
import os, re

WORDNET = '/usr/share/wordnet'
POS_FILES = {'n': 'noun', 'v': 'verb', 'a': 'adj', 'r': 'adv'}
# Pointer symbols kept: hypernyms (instance too), similar-to, derivationally related forms.
KEPT_POINTERS = {'@': 'hypernym', '@i': 'hypernym', '&': 'similar', '+': 'derivation'}


class Synset:
    __slots__ = ('key', 'lemmas', 'gloss', 'examples', 'pointers', 'proper')

    def __init__(self, key, lemmas, gloss, examples, pointers, proper):
        self.key, self.lemmas, self.gloss, self.examples, self.pointers = key, lemmas, gloss, examples, pointers
        # A synset naming a person, place or title ("Fields" the actor): never a paraphrase of a common word.
        self.proper = proper


def _clean_lemma(word):
    return re.sub(r'\(.*\)$', '', word).replace('_', ' ').lower()


def load(root=WORDNET):
    """(synsets by (pos, offset), senses: lemma -> [(pos, offset), ...] most frequent first)."""
    synsets = {}
    for pos, name in POS_FILES.items():
        with open(os.path.join(root, 'data.' + name), encoding='latin-1') as f:
            for line in f:
                if line.startswith('  ') or '|' not in line:
                    continue
                head, gloss = line.split('|', 1)
                fields = head.split()
                offset, ss_type = fields[0], fields[2]
                n_words = int(fields[3], 16)
                raw = [fields[4 + 2 * i] for i in range(n_words)]
                lemmas = [_clean_lemma(w) for w in raw]
                proper = all(w[:1].isupper() for w in raw)
                at = 4 + 2 * n_words
                n_pointers = int(fields[at])
                pointers = []
                for i in range(n_pointers):
                    symbol, target, target_pos = fields[at + 1 + 4 * i: at + 4 + 4 * i]
                    if symbol in KEPT_POINTERS:
                        pointers.append((KEPT_POINTERS[symbol], ('a' if target_pos == 's' else target_pos, target)))
                parts = [p.strip() for p in gloss.strip().split(';')]
                definition = parts[0]
                examples = [p.strip().strip('"') for p in parts[1:] if p.strip().startswith('"')]
                synsets[(pos, offset)] = Synset((pos, offset), lemmas, definition, examples, pointers, proper)
    senses = {}
    for pos, name in POS_FILES.items():
        with open(os.path.join(root, 'index.' + name), encoding='latin-1') as f:
            for line in f:
                if line.startswith('  '):
                    continue
                fields = line.split()
                lemma = fields[0].replace('_', ' ')
                n_senses = int(fields[2])
                offsets = fields[-n_senses:]
                senses.setdefault(lemma, []).extend((pos, o) for o in offsets)
    return synsets, senses


def base_forms(word):
    """Candidate dictionary forms of an inflected word (a small morphy: WordNet's suffix rules)."""
    out = [word]
    for suffix, repl in (('ies', 'y'), ('es', ''), ('s', ''), ('ing', ''), ('ing', 'e'), ('ed', ''), ('ed', 'e'),
                         ('er', ''), ('est', '')):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            out.append(word[: -len(suffix)] + repl)
    return out
