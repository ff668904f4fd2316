"""The fine-tuning augmenter (training/augment.py): deterministic per seed, answers only with training
answers, and never emits a held-out question.

Run: /usr/bin/python3 -m unittest discover -s training/tests
"""
import os, re, sys, unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
from common import ROOT, read_jsonl  # noqa: E402

HAVE_WORDNET = os.path.exists('/usr/share/wordnet/index.noun')


def key(q):
    return re.sub(r'\W+', ' ', q.lower()).strip()


@unittest.skipUnless(HAVE_WORDNET, "Debian's wordnet-base is not installed (train.sh installs it)")
class Augmentation(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        from augment import Augmenter, augment
        cls.Augmenter, cls.augment = Augmenter, staticmethod(augment)
        qa = os.path.join(ROOT, 'data', 'qa')
        cls.train = read_jsonl(os.path.join(qa, 'train.jsonl'))[:60]
        cls.facts = read_jsonl(os.path.join(qa, 'facts.jsonl'))
        cls.heldout = {key(r['question']) for split in ('dev', 'test')
                       for r in read_jsonl(os.path.join(qa, f'heldout-{split}.jsonl'))}

    def draw(self, seed, hyper=True):
        aug = self.Augmenter(seed, 0.5, hyper=hyper)
        return self.augment(self.train, self.facts, 2, 3, augmenter=aug)

    def test_same_seed_same_questions_other_seed_other_questions(self):
        a, b, c = self.draw(0), self.draw(0), self.draw(1)
        self.assertEqual([r['question'] for r in a], [r['question'] for r in b])
        self.assertNotEqual([r['question'] for r in a], [r['question'] for r in c])

    def test_answers_are_the_facts_training_answers_and_questions_are_new(self):
        answer_of = {r['factId']: r['answer'] for r in self.train}
        rows = self.draw(0)
        self.assertGreater(len(rows), len(self.train))
        seen = {key(r['question']) for r in self.train}
        for r in rows:
            self.assertEqual(r['answer'], answer_of[r['factId']])
            self.assertNotIn(key(r['question']), seen)
            seen.add(key(r['question']))

    def test_no_generated_question_is_a_heldout_question(self):
        rows = self.draw(0) + self.draw(1) + self.draw(2, hyper=False)
        leaked = [r['question'] for r in rows if key(r['question']) in self.heldout]
        self.assertEqual(leaked, [])

    def test_variants_change_words_but_keep_the_article_acronyms_meaning(self):
        aug = self.Augmenter(3, 1.0)
        out = {aug.vary('What is RAG?') for _ in range(20)}
        self.assertTrue(any('Retrieval Augmented Generation' in q or 'retrieval-augmented' in q for q in out))


if __name__ == '__main__':
    unittest.main()
