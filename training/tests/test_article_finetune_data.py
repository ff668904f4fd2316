"""The article-only fine-tune (training/finetune_article.py) is given the article's text and nothing else:

* every training document is a line of data/article/rag-vs-fine-tuning-article.txt, verbatim, and every line of
  the article is there once (unless a measurement run held some out);
* no 8-word window of a written question (data/qa/writers/*.jsonl, train.jsonl, the held-out and unseen sets)
  occurs in the training text, and no 8-word window of a written answer, except windows the article itself
  contains (three written questions and many answers quote the article: training on the article is training on
  those words, and nothing more);
* no question/answer pair: the prompt format's "Question:" / "Answer:" lines never occur;
* the script never opens data/qa/ or the prompt format.

Run: /usr/bin/python3 -m unittest discover -s training/tests
Set ARTICLE_TRAIN=path to check a run's training text (default training/work/finetune-article/train-text.jsonl,
written by finetune_article.py; the check of the file skips when it is not there). The article's lines as the script
reads them are checked either way.
"""
import glob, json, os, re, sys, unittest

HERE = os.path.dirname(os.path.abspath(__file__))
TRAINING = os.path.dirname(HERE)
ROOT = os.path.dirname(TRAINING)
sys.path.insert(0, TRAINING)
from textnorm import words_of  # noqa: E402

_WORK = os.path.dirname(os.environ['CORPUS']) if os.environ.get('CORPUS') else os.path.join(TRAINING, 'work')
TRAIN_TEXT = os.environ.get('ARTICLE_TRAIN', os.path.join(_WORK, 'finetune-article', 'train-text.jsonl'))
ARTICLE = os.path.join(ROOT, 'data', 'article', 'rag-vs-fine-tuning-article.txt')
N = 8


def article_text():
    with open(ARTICLE, encoding='utf-8') as f:
        return f.read()


def windows(text, n=N):
    w = words_of(text)
    return {tuple(w[i:i + n]) for i in range(len(w) - n + 1)}


def written_texts():
    """Every question and answer written for data/qa/ (writers' files, built files, held-out and unseen sets)."""
    questions, answers = [], []
    for path in sorted(glob.glob(os.path.join(ROOT, 'data', 'qa', '**', '*.jsonl'), recursive=True)):
        with open(path, encoding='utf-8') as f:
            for line in f:
                if not line.strip():
                    continue
                row = json.loads(line)
                questions += row.get('questions', []) + ([row['question']] if 'question' in row else [])
                if row.get('answer'):
                    answers.append(row['answer'])
    return questions, answers


def leaks(training_lines):
    """(question windows, answer windows, prompt-format lines) of the training text that the article lacks."""
    article = windows(article_text())
    questions, answers = written_texts()
    q_windows = set().union(*(windows(q) for q in questions)) - article
    a_windows = set().union(*(windows(a) for a in answers)) - article
    text_windows = set().union(*(windows(line) for line in training_lines))
    marked = [line for line in training_lines if re.search(r'(^|\n)\s*(Question|Answer):', line)]
    return sorted(text_windows & q_windows), sorted(text_windows & a_windows), marked


class ArticleFineTuneData(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        try:
            import finetune_article
        except ImportError as e:  # torch missing: train.sh installs it
            raise unittest.SkipTest(f'training dependencies missing: {e}')
        cls.lines = finetune_article.article_lines()
        cls.split = staticmethod(finetune_article.split_lines)
        with open(finetune_article.__file__, encoding='utf-8') as f:
            cls.source = f.read()

    def test_the_written_questions_are_there_to_be_found(self):
        questions, answers = written_texts()
        self.assertGreater(len(questions), 2000)
        self.assertGreater(len(answers), 1000)

    def test_the_detector_finds_a_planted_question_and_a_planted_pair(self):
        questions, answers = written_texts()
        q = next(q for q in questions if len(words_of(q)) >= 12 and not windows(q) & windows(article_text()))
        found_q, _, _ = leaks(self.lines + ['Some text. ' + q])
        self.assertTrue(found_q)
        _, _, marked = leaks(self.lines + [f'Question: {q}\nAnswer: {answers[0]}'])
        self.assertTrue(marked)

    def test_the_script_trains_on_the_article_lines_verbatim(self):
        expected = [line.strip() for line in article_text().splitlines() if line.strip()]
        self.assertEqual(self.lines, expected)
        train, held = self.split(self.lines, 10)
        self.assertEqual(sorted(train + held), sorted(self.lines))
        self.assertEqual(len(held), len(self.lines) // 10)

    def test_a_line_longer_than_the_context_is_read_in_pieces_each_token_a_target_once(self):
        import finetune_article
        doc = list(range(23))
        for ctx in (4, 7, 22, 64):
            parts = finetune_article.pieces(doc, ctx)
            self.assertTrue(all(2 <= len(p) <= ctx + 1 for p in parts))
            self.assertEqual([t for p in parts for t in p[1:]], doc[1:])

    def test_the_article_lines_hold_no_written_question_answer_or_pair(self):
        q, a, marked = leaks(self.lines)
        self.assertEqual((q[:3], a[:3], marked[:3]), ([], [], []))

    def test_the_script_never_reads_the_questions_or_the_prompt_format(self):
        code = '\n'.join(line for line in self.source.splitlines() if not line.lstrip().startswith('#'))
        code = re.sub(r'"""[\s\S]*?"""', '', code)  # docstrings may name what it does not read
        for name in ("'qa'", '"qa"', 'data/qa', 'prompt-format', 'load_prompt_format', 'build_prompt', 'augment'):
            self.assertFalse(name in code, f'finetune_article.py names {name}')

    @unittest.skipUnless(os.path.exists(TRAIN_TEXT), 'article-only fine-tune not run yet')
    def test_a_runs_training_text_is_article_lines_only(self):
        with open(TRAIN_TEXT, encoding='utf-8') as f:
            texts = [json.loads(line)['text'] for line in f if line.strip()]
        self.assertGreater(len(texts), 0)
        self.assertEqual([t for t in texts if t not in set(self.lines)], [])
        q, a, marked = leaks(texts)
        self.assertEqual((q[:3], a[:3], marked[:3]), ([], [], []))


if __name__ == '__main__':
    unittest.main()
