"""No 12-word window of the article may occur in the pretraining corpus.

Run: /usr/bin/python3 -m unittest discover -s training/tests   (or: /usr/bin/python3 training/tests/test_no_article_leak.py)
Set CORPUS=path to check another corpus file (default training/work/corpus.txt).
Text is normalised the same way on both sides: lower case, whitespace collapsed, punctuation stripped
from word edges.
"""
import os, sys, unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
from textnorm import article_windows, read_article, words_of, WINDOW  # noqa: E402

CORPUS = os.environ.get('CORPUS', os.path.join(os.path.dirname(HERE), 'work', 'corpus.txt'))


class NoArticleLeak(unittest.TestCase):
    def test_window_size(self):
        self.assertEqual(WINDOW, 12)

    def test_detector_finds_a_planted_window(self):
        art = read_article()
        w = words_of(art)
        planted = 'Some unrelated text. ' + ' '.join(w[100:100 + WINDOW]).upper() + ' and more.'
        forbidden = article_windows(art)
        pw = words_of(planted)
        self.assertTrue(any(tuple(pw[i:i + WINDOW]) in forbidden for i in range(len(pw) - WINDOW + 1)))

    @unittest.skipUnless(os.path.exists(CORPUS), 'corpus not built yet')
    def test_corpus_has_no_article_window(self):
        forbidden = article_windows(read_article())
        self.assertGreater(len(forbidden), 100)
        w = words_of(open(CORPUS, encoding='utf-8').read())
        hits = [' '.join(w[i:i + WINDOW]) for i in range(len(w) - WINDOW + 1) if tuple(w[i:i + WINDOW]) in forbidden]
        self.assertEqual(hits[:5], [], f'{len(hits)} article windows found in {CORPUS}')


if __name__ == '__main__':
    unittest.main()
