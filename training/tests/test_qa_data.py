"""The built Q&A files (data/qa/train.jsonl, heldout-*.jsonl, off-topic.jsonl) are exactly what data/qa/build.py
makes from the sources (facts.jsonl, writers/, held-out/), and they pass data/qa/validate.py. An edited source
without a rebuild, or a hand-edited built file, fails here. Needs no torch.

Run: /usr/bin/python3 -m unittest discover -s training/tests
"""
import json, os, shutil, subprocess, sys, tempfile, unittest

QA = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), 'data', 'qa')
sys.path.insert(0, QA)
import build  # noqa: E402


class QaDataIsBuiltFromItsSources(unittest.TestCase):
    def test_rebuild_is_byte_identical(self):
        with tempfile.TemporaryDirectory() as out:
            subprocess.run([sys.executable, os.path.join(QA, 'build.py'), '--out', out], check=True,
                           stdout=subprocess.DEVNULL)
            names = sorted(os.listdir(out))
            self.assertEqual(names, ['heldout-dev.jsonl', 'heldout-test.jsonl', 'off-topic.jsonl', 'train.jsonl'])
            for name in names:
                with open(os.path.join(out, name), 'rb') as built, open(os.path.join(QA, name), 'rb') as committed:
                    self.assertTrue(built.read() == committed.read(),
                                    f'data/qa/{name} differs from what build.py makes: run python3 data/qa/build.py')

    def test_a_later_writers_copy_of_a_held_out_question_is_dropped(self):
        with tempfile.TemporaryDirectory() as src:
            shutil.copytree(QA, src, dirs_exist_ok=True, ignore=shutil.ignore_patterns('unseen', '__pycache__'))
            held_out = build.read_jsonl(os.path.join(QA, 'held-out', 'test.jsonl'))[0]['question']
            path = os.path.join(src, 'writers', 'writer-3.jsonl')
            rows = build.read_jsonl(path)
            rows[0]['questions'].append(held_out.lower())
            with open(path, 'w', encoding='utf-8') as f:
                f.writelines(json.dumps(r, ensure_ascii=False) + '\n' for r in rows)
            built, dropped = build.build(src)
            _, dropped_before = build.build(QA)
        self.assertNotIn(held_out.lower(), [r['question'] for r in built['train']])
        self.assertEqual(dropped[3], dropped_before[3] + 1)

    def test_validate_passes(self):
        run = subprocess.run([sys.executable, os.path.join(QA, 'validate.py')], capture_output=True, text=True)
        self.assertEqual(run.returncode, 0, run.stdout + run.stderr)


if __name__ == '__main__':
    unittest.main()
