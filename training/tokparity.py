#!/usr/bin/python3
"""Write sample texts and the Python encoder's ids, for verify-tokenizer.mjs."""
import json, os, sys
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from bpe import Tokenizer  # noqa: E402
from common import build_prompt, load_prompt_format  # noqa: E402

SAMPLES = [
    'Hello world!',
    'Retrieval Augmented Generation (RAG) vs. fine-tuning: which one?',
    'Café, naïve résumé, über, señor — “curly quotes” and ‘single’ ones…',
    '日本語のテキストも大丈夫ですか？',
    'Emoji: 🎉🚀👍🏽 and family 👨‍👩‍👧',
    'مرحبا بالعالم، هذا نص عربي من اليمين إلى اليسار',
    'Mixed: עברית and English 123,456.78 $%^&*()',
    "It's, they're, we've, I'm, you'll, he'd   multiple   spaces\n\nnew lines\ttabs",
    '    leading spaces and trailing   ',
    'def f(x):\n    return x ** 2  # code-ish',
    'end of text token inside<|endoftext|>next document',
    'Ελληνικά, русский текст, 한국어, हिन्दी',
]


def main():
    tok = Tokenizer.load(sys.argv[1])
    fmt = load_prompt_format()
    samples = SAMPLES + [build_prompt(fmt, 'What is RAG?') + fmt['answerPrefix'] + 'A method.' + fmt['eos']]
    out = {'samples': [{'text': s, 'ids': tok.encode(s)} for s in samples]}
    for s in out['samples']:
        assert tok.decode(s['ids']) == s['text'], s['text']
    json.dump(out, open(sys.argv[2], 'w'), ensure_ascii=False, indent=1)
    print('wrote', len(samples), 'samples')


if __name__ == '__main__':
    main()
