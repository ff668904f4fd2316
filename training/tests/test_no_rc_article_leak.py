"""No 12-word window of the article may occur in the reader's generated reading-comprehension set.

Run: /usr/bin/python3 -m unittest discover -s training/tests
Set RC_TRAIN=path to check another file (default: reader/rc-train.jsonl next to $CORPUS when that is set,
else training/work/reader/rc-train.jsonl; written by training/reader/make_rc.py). Every example's full training text (prompt + target continuation) is checked,
normalised as in test_no_article_leak.py; passages, questions and answers all come from the pretraining
corpus, so this also guards the generator itself.
"""
import json, os, sys, unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
from textnorm import article_windows, read_article, words_of, WINDOW  # noqa: E402

_WORK = os.path.dirname(os.environ['CORPUS']) if os.environ.get('CORPUS') else os.path.join(os.path.dirname(HERE), 'work')
RC = os.environ.get('RC_TRAIN', os.path.join(_WORK, 'reader', 'rc-train.jsonl'))


class NoArticleLeakInReadingComprehension(unittest.TestCase):
    def test_detector_finds_a_planted_window_in_an_example(self):
        w = words_of(read_article())
        ex = {'prompt': 'Passages:\n[1] Some text. ' + ' '.join(w[200:200 + WINDOW]) + '\nQuestion: x?\nAnswer:',
              'target': ' y [1]<|endoftext|>'}
        forbidden = article_windows(read_article())
        pw = words_of(ex['prompt'] + ex['target'])
        self.assertTrue(any(tuple(pw[i:i + WINDOW]) in forbidden for i in range(len(pw) - WINDOW + 1)))

    @unittest.skipUnless(os.path.exists(RC), 'reading-comprehension set not built yet')
    def test_rc_set_has_no_article_window(self):
        forbidden = article_windows(read_article())
        self.assertGreater(len(forbidden), 100)
        hits, n = [], 0
        with open(RC, encoding='utf-8') as f:
            for line in f:
                if not line.strip():
                    continue
                ex = json.loads(line)
                n += 1
                w = words_of(ex['prompt'] + ex['target'])
                hits += [' '.join(w[i:i + WINDOW]) for i in range(len(w) - WINDOW + 1)
                         if tuple(w[i:i + WINDOW]) in forbidden]
        self.assertGreater(n, 0)
        self.assertEqual(hits[:5], [], f'{len(hits)} article windows found in {RC}')


if __name__ == '__main__':
    unittest.main()
