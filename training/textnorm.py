"""Shared text normalisation for the article-leak check."""
import glob, os, re

WINDOW = 12
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def words_of(text):
    # normalise case and whitespace; punctuation is stripped from word edges so that
    # markup differences cannot hide a copied passage
    return [w for w in (re.sub(r'^\W+|\W+$', '', t) for t in text.lower().split()) if w]


def article_windows(text, n=WINDOW):
    w = words_of(text)
    return {tuple(w[i:i + n]) for i in range(len(w) - n + 1)}


def read_article():
    paths = ['/work/shared/source/rag-vs-fine-tuning-article.txt']
    paths += sorted(glob.glob(os.path.join(ROOT, 'data', 'article', '*')))
    texts = []
    for p in paths:
        if os.path.isfile(p):
            texts.append(open(p, encoding='utf-8', errors='replace').read())
    if not texts:
        raise SystemExit('article not found (needed to exclude it from the corpus)')
    return '\n'.join(texts)
