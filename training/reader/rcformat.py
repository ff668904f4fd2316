"""The reader's prompt format (data/reader-prompt-format.json, shared with the TypeScript app) and the
reading-comprehension metrics. Every prompt the reader is trained or evaluated on is built here."""
import json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
TRAINING = os.path.dirname(HERE)
ROOT = os.path.dirname(TRAINING)
sys.path.insert(0, TRAINING)
from metrics import (STOP, cited_ranks, content_words, f1_score, faithfulness as _faithfulness,  # noqa: E402,F401
                     normalize_answer, strip_markers)  # (re-exported to the reader scripts)
FORMAT_PATH = os.path.join(ROOT, 'data', 'reader-prompt-format.json')


def load_format(path=FORMAT_PATH):
    return json.load(open(path, encoding='utf-8'))


def words(text):
    """Whitespace-separated words, as JS text.trim().split(/\\s+/)."""
    return [w for w in re.split(r'\s+', text.strip()) if w]


def truncate_words(text, max_words, ellipsis):
    w = words(text)
    return ' '.join(w) if len(w) <= max_words else ' '.join(w[:max_words]) + ellipsis


def format_line(fmt, text):
    """A sentence exactly as it appears in the prompt (without its [n] marker)."""
    return truncate_words(text, fmt['lineMaxWords'], fmt['ellipsis'])


def _prompt(fmt, lines, question):
    body = fmt['separator'].join(fmt['line'].replace('{n}', str(n)).replace('{text}', format_line(fmt, text))
                                 for n, text in lines[:fmt['maxLines']])
    q = ' '.join(words(question)[:fmt['questionMaxWords']])
    return fmt['template'].replace('{lines}', body).replace('{question}', q)


def build_prompt(fmt, lines, question, tok=None):
    """Prompt text and the lines kept; lines are (passage number, sentence) pairs, best first. With a tokenizer,
    the fit rule is applied: drop the last line until the prompt leaves maxNewTokens positions free."""
    lines = [(int(n), text) for n, text in lines[:fmt['maxLines']]]
    while True:
        p = _prompt(fmt, lines, question)
        if tok is None or len(lines) <= 1 or len(tok.encode(p)) <= fmt['nPositions'] - fmt['maxNewTokens']:
            return p, lines
        lines = lines[:-1]


def target_text(fmt, answer, n):
    """The generated continuation: answerPrefix + answer + citation + eos."""
    return fmt['answerPrefix'] + answer + fmt['citation'].replace('{n}', str(n)) + fmt['eos']


def clean(generated, fmt):
    end = generated.find(fmt['eos'])
    text = generated[:end] if end >= 0 else generated
    m = re.search(r'\n\s*(Question|Sentences):', text)
    if m:
        text = text[:m.start()]
    return re.sub(r'\s+', ' ', text).strip()


def citations(answer, n_passages):
    return cited_ranks(answer, n_passages)


def strip_citations(answer):
    return strip_markers(answer)


# ---- metrics -----------------------------------------------------------------------------------
def faithfulness(answer, passages):
    """Faithfulness (metrics.py) to the passages the answer cites, or to all passages when it cites none, as
    the app's pipeline holds an answer that cites nothing to everything it was given."""
    cited = citations(answer, len(passages)) or list(range(1, len(passages) + 1))
    return _faithfulness(answer, [passages[k - 1] for k in cited])
