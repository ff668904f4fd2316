"""No 12-word window of the article may occur in the retrieval encoder's training pairs, nor any 8-word window
of the written questions (data/qa/).

Run: /usr/bin/python3 -m unittest discover -s training/tests
Set RETRIEVER_PAIRS=path to check another file (default: retriever/pairs.jsonl next to $CORPUS when that is
set, else training/work/retriever/pairs.jsonl; written by training/retriever/pairs.py). Every pair's query,
passage and negative are checked, normalised as in test_no_article_leak.py. The pairs come from the corpus's
documentation paragraphs and from all of WordNet (more than the corpus's sample of glosses), so this also
guards the paraphraser and the WordNet reader. The held-out pairs file beside it is checked too.
"""
import json, os, sys, unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.dirname(HERE))
from textnorm import article_windows, read_article, words_of, WINDOW  # noqa: E402

_WORK = os.path.dirname(os.environ['CORPUS']) if os.environ.get('CORPUS') else os.path.join(os.path.dirname(HERE), 'work')
PAIRS = os.environ.get('RETRIEVER_PAIRS', os.path.join(_WORK, 'retriever', 'pairs.jsonl'))


def texts_of(path):
    with open(path, encoding='utf-8') as f:
        for line in f:
            if line.strip():
                pair = json.loads(line)
                yield ' '.join(pair[k] or '' for k in ('q', 'p', 'n'))


QUESTION_WINDOW = 8


def written_question_windows():
    """Every 8-word window of the written questions of data/qa/ (training and held-out), normalised."""
    out = set()
    for name in ('train.jsonl', 'heldout-dev.jsonl', 'heldout-test.jsonl'):
        with open(os.path.join(ROOT, 'data', 'qa', name), encoding='utf-8') as f:
            for line in f:
                if line.strip():
                    w = words_of(json.loads(line)['question'])
                    out.update(tuple(w[i:i + QUESTION_WINDOW]) for i in range(len(w) - QUESTION_WINDOW + 1))
    return out


class NoArticleLeakInRetrieverPairs(unittest.TestCase):
    def test_detector_finds_a_planted_window(self):
        w = words_of(read_article())
        forbidden = article_windows(read_article())
        planted = words_of('A query. ' + ' '.join(w[300:300 + WINDOW]) + ' and more.')
        self.assertTrue(any(tuple(planted[i:i + WINDOW]) in forbidden for i in range(len(planted) - WINDOW + 1)))

    @unittest.skipUnless(os.path.exists(PAIRS), 'retriever pairs not built yet')
    def test_pairs_have_no_article_window_and_no_written_question(self):
        forbidden = article_windows(read_article())
        questions = written_question_windows()
        self.assertGreater(len(forbidden), 100)
        self.assertGreater(len(questions), 100)
        hits, quoted, n = [], [], 0
        for path in (PAIRS, PAIRS.replace('.jsonl', '-heldout.jsonl')):
            if not os.path.exists(path):
                continue
            for text in texts_of(path):
                n += 1
                w = words_of(text)
                hits += [' '.join(w[i:i + WINDOW]) for i in range(len(w) - WINDOW + 1)
                         if tuple(w[i:i + WINDOW]) in forbidden]
                quoted += [' '.join(w[i:i + QUESTION_WINDOW]) for i in range(len(w) - QUESTION_WINDOW + 1)
                           if tuple(w[i:i + QUESTION_WINDOW]) in questions]
        self.assertGreater(n, 0)
        self.assertEqual(hits[:5], [], f'{len(hits)} article windows found in {PAIRS}')
        self.assertEqual(quoted[:5], [], f'{len(quoted)} 8-word windows of written questions found in {PAIRS}')


if __name__ == '__main__':
    unittest.main()
