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


def format_passage(fmt, text):
    """The passage text exactly as it appears in the prompt (without its [n] marker)."""
    return truncate_words(text, fmt['passageMaxWords'], fmt['ellipsis'])


def _prompt(fmt, passages, question):
    body = fmt['separator'].join(fmt['passage'].replace('{n}', str(i + 1)).replace('{text}', format_passage(fmt, p))
                                 for i, p in enumerate(passages[:fmt['maxPassages']]))
    q = ' '.join(words(question)[:fmt['questionMaxWords']])
    return fmt['template'].replace('{passages}', body).replace('{question}', q)


def build_prompt(fmt, passages, question, tok=None):
    """Prompt text and the passages kept. With a tokenizer, the fit rule is applied: drop the last passage
    until the prompt leaves maxNewTokens positions free."""
    passages = list(passages[:fmt['maxPassages']])
    while True:
        p = _prompt(fmt, passages, question)
        if tok is None or len(passages) <= 1 or len(tok.encode(p)) <= fmt['nPositions'] - fmt['maxNewTokens']:
            return p, passages
        passages = passages[:-1]


def target_text(fmt, answer, n):
    """The generated continuation: answerPrefix + answer + citation (or the decline text) + eos."""
    body = fmt['decline'] if n == 0 else answer + fmt['citation'].replace('{n}', str(n))
    return fmt['answerPrefix'] + body + fmt['eos']


def clean(generated, fmt):
    end = generated.find(fmt['eos'])
    text = generated[:end] if end >= 0 else generated
    m = re.search(r'\n\s*(Question|Passages):', text)
    if m:
        text = text[:m.start()]
    return re.sub(r'\s+', ' ', text).strip()


def citations(answer, n_passages):
    return cited_ranks(answer, n_passages)


def strip_citations(answer):
    return strip_markers(answer)


def is_decline(answer, fmt):
    norm = lambda t: re.sub(r'[^a-z ]', '', t.lower()).strip()  # noqa: E731
    return norm(answer).startswith(norm(fmt['decline']))


# ---- metrics -----------------------------------------------------------------------------------
def faithfulness(answer, passages_shown):
    """Faithfulness (metrics.py) to the passages the answer cites, or to all passages shown when it cites
    none, as the app's pipeline holds an answer that cites nothing to everything it was given."""
    cited = citations(answer, len(passages_shown)) or list(range(1, len(passages_shown) + 1))
    return _faithfulness(answer, [passages_shown[k - 1] for k in cited])
