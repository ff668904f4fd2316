"""The reader's prompt format (data/reader-prompt-format.json, shared with the TypeScript app) and the
reading-comprehension metrics. Every prompt the reader is trained or evaluated on is built here."""
import json, os, re, string, sys

HERE = os.path.dirname(os.path.abspath(__file__))
TRAINING = os.path.dirname(HERE)
ROOT = os.path.dirname(TRAINING)
sys.path.insert(0, TRAINING)
from metrics import f1_score, normalize_answer  # noqa: E402,F401  (re-exported to the reader scripts)
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


CITE = re.compile(r'\[(\d+)\]')


def citations(answer, n_passages):
    out = []
    for m in CITE.finditer(answer):
        k = int(m.group(1))
        if 1 <= k <= n_passages and k not in out:
            out.append(k)
    return out


def strip_citations(answer):
    return re.sub(r'\s+', ' ', CITE.sub(' ', answer)).strip()


def is_decline(answer, fmt):
    norm = lambda t: re.sub(r'[^a-z ]', '', t.lower()).strip()  # noqa: E731
    return norm(answer).startswith(norm(fmt['decline']))


# ---- metrics -----------------------------------------------------------------------------------
STOP = set('''a about above after again against all am an and any are as at be because been before being below
between both but by can could did do does doing down during each few for from further had has have having he
her here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not
now of off on once only or other our ours ourselves out over own same she should so some such than that the
their theirs them themselves then there these they this those through to too under until up very was we were
what when where which while who whom why will with would you your yours yourself yourselves s t d ll m re ve
also may might must shall us one'''.split())


def norm_words(text):
    return [w for w in (''.join(ch for ch in t if ch not in string.punctuation) for t in text.lower().split()) if w]


def content_words(text):
    return [w for w in norm_words(text) if w not in STOP]


def faithfulness(answer, passages_shown):
    """Share of the answer's content words (citations removed) found in the passages it cites (all passages
    shown when it cites none). None when the answer has no content words."""
    cw = content_words(strip_citations(answer))
    if not cw:
        return None
    cited = citations(answer, len(passages_shown)) or list(range(1, len(passages_shown) + 1))
    avail = set()
    for k in cited:
        avail.update(norm_words(passages_shown[k - 1]))
    return sum(w in avail for w in cw) / len(cw)
