"""The text rules shared with the app, checked against data/text-rules/cases.json, the same cases the
TypeScript suite reads (lib/text/text-rules.test.ts). Standard library only."""
import json, os, sys, unittest

HERE = os.path.dirname(os.path.abspath(__file__))
TRAINING = os.path.dirname(HERE)
ROOT = os.path.dirname(TRAINING)
sys.path.insert(0, TRAINING)
sys.path.insert(0, os.path.join(TRAINING, 'reader'))
import metrics  # noqa: E402
import rcformat  # noqa: E402
from prompt_format import build_prompt, clean_answer  # noqa: E402

CASES = json.load(open(os.path.join(ROOT, 'data', 'text-rules', 'cases.json'), encoding='utf-8'))
from prompt_format import load_prompt_format  # noqa: E402
PROMPT = load_prompt_format()
READER = rcformat.load_format()


def rounded(value):
    return None if value is None else round(value, 6)


class TextRules(unittest.TestCase):
    def test_normalisation(self):
        for c in CASES['normalizeAnswer']:
            self.assertEqual(metrics.normalize_answer(c['text']).split(), c['tokens'], c['text'])

    def test_token_f1_and_exact_match(self):
        for c in CASES['tokenF1']:
            self.assertEqual(rounded(metrics.f1_score(c['prediction'], c['reference'])), c['f1'], c)
        for c in CASES['exactMatch']:
            self.assertEqual(bool(metrics.exact_match(c['prediction'], c['reference'])), c['match'], c)

    def test_markers(self):
        for c in CASES['stripMarkers']:
            self.assertEqual(metrics.strip_markers(c['answer']), c['stripped'], c)
        for c in CASES['citedRanks']:
            self.assertEqual(metrics.cited_ranks(c['answer'], c['passages']), c['ranks'], c)

    def test_faithfulness(self):
        for c in CASES['faithfulness']:
            self.assertEqual(rounded(metrics.faithfulness(c['answer'], c['cited'])), c['value'], c)

    def test_prompt_formats_and_cleaning(self):
        for c in CASES['fineTunedPrompt']:
            self.assertEqual(build_prompt(PROMPT, c['question']), c['prompt'], c)
        for c in CASES['cleanAnswer']:
            self.assertEqual(clean_answer(c['generated'], PROMPT), c['answer'], c)
        for c in CASES['readerPrompt']:
            self.assertEqual(rcformat.build_prompt(READER, [(l['rank'], l['text']) for l in c['lines']], c['question'])[0], c['prompt'], c)
        for c in CASES['cleanReaderAnswer']:
            self.assertEqual(rcformat.clean(c['generated'], READER), c['answer'], c)


if __name__ == '__main__':
    unittest.main()
