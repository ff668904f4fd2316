#!/usr/bin/python3
"""Assemble the pretraining corpus from Debian documentation packages.

Sources (all installed by apt, read from /usr/share):
  * python3.11-doc       -- RST sources of the Python 3.11 documentation
  * python-sklearn-doc   -- RST sources of the scikit-learn documentation
  * wordnet-base         -- WordNet 3.0 glosses (as short definitional prose + Q/A pairs)

Cleaning: RST markup, directives, literal/code blocks, doctests, tables and
paragraphs ending in ':' are removed; paragraphs are deduplicated.  Simple
"Question: ... Answer: ..." pairs are built from definitional sentences and
WordNet glosses, using the prompt format of data/prompt-format.json.
Any paragraph sharing a 12-word window with the article is dropped (the
article is only read to exclude it, never to add text).

Outputs: <out>/corpus.txt (documents separated by the end-of-text token),
         training/corpus-provenance.json and training/corpus-provenance.md
"""
import argparse, glob, gzip, hashlib, json, os, random, re, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
from textnorm import article_windows, words_of, WINDOW, read_article  # noqa: E402

PROMPT = json.load(open(os.path.join(ROOT, 'data', 'prompt-format.json')))
EOT = PROMPT['eos']

PACKAGES = {
    'python3.11-doc': {'license': 'PSF-2.0 (Python Software Foundation License)',
                       'glob': '/usr/share/doc/python3.11/html/_sources/**/*.txt'},
    'python-sklearn-doc': {'license': 'BSD-3-Clause',
                           'glob': '/usr/share/doc/python-sklearn-doc/html/_sources/**/*.txt'},
    'python-pandas-doc': {'license': 'BSD-3-Clause',
                          'glob': '/usr/share/doc/python-pandas-doc/html/_sources/**/*.txt'},
    'python-django-doc': {'license': 'BSD-3-Clause', 'html': True,
                          'glob': '/usr/share/doc/python-django-doc/html/**/*.html'},
    'wordnet-base': {'license': 'WordNet 3.0 license (Princeton University, permissive)',
                     'glob': '/usr/share/wordnet/data.*'},
}

HEADING_UNDERLINE = re.compile(r'^([=\-~^"*+#`\':.<>_])\1{2,}\s*$')
TABLE_LINE = re.compile(r'^\s*(\+[-=+]+\+?|\|.*\||={3,}(\s+={3,})+)\s*$')
BULLET = re.compile(r'^(\s*)([-*+•]|\d+\.|#\.|\(\w\)|\w\))\s+')
SKIP_DIRECTIVES = {'code-block', 'code', 'sourcecode', 'literalinclude', 'doctest', 'testcode', 'testoutput',
                   'testsetup', 'testcleanup', 'math', 'image', 'figure', 'toctree', 'table', 'csv-table',
                   'list-table', 'autosummary', 'raw', 'productionlist', 'include', 'highlight', 'graphviz',
                   'plot', 'only', 'parsed-literal', 'currentmodule', 'module', 'program', 'option', 'cmdoption',
                   'opcode', 'envvar', 'glossary', 'literalinclude', 'rubric', 'sectionauthor', 'moduleauthor',
                   'index', 'tabularcolumns', 'dropdown', 'tab-set', 'grid', 'card', 'prompt', 'topic'}
FIELD = re.compile(r'^\s*:[\w\s-]+:')


def clean_inline(s):
    s = re.sub(r':[\w:+-]+:`~?([^`<]*?)\s*<[^>]*>`', r'\1', s)      # :ref:`text <target>`
    s = re.sub(r':[\w:+-]+:`~([^`]*?)`', lambda m: m.group(1).split('.')[-1], s)
    s = re.sub(r':[\w:+-]+:`!?([^`]*?)`', r'\1', s)                  # :class:`Foo`
    s = re.sub(r'`([^`<]*?)\s*<[^>]*>`__?', r'\1', s)                # `text <url>`_
    s = re.sub(r'``([^`]*)``', r'\1', s)
    s = re.sub(r'`([^`]*)`_?_?', r'\1', s)
    s = re.sub(r'\[#?\w*\]_', '', s)                                  # footnote refs
    s = re.sub(r'\|[\w -]+\|_?', '', s)                               # substitutions
    s = re.sub(r'\*\*([^*]+)\*\*', r'\1', s)
    s = re.sub(r'(?<!\w)\*([^*\s][^*]*)\*(?!\w)', r'\1', s)
    s = re.sub(r'\b(\w+)_\b(?!\w)', r'\1', s)                        # Foo_ references
    s = s.replace('\\ ', '').replace('\\', '')
    s = re.sub(r'\s+', ' ', s).strip()
    return s


def good_prose(p):
    if len(p) < 40 or len(p) > 3000:
        return False
    if p[-1] not in '.!?':
        return False  # drops paragraphs ending in ':' (code was cut) and fragments
    w = p.split()
    if len(w) < 8:
        return False
    letters = sum(c.isalpha() or c == ' ' for c in p)
    if letters / len(p) < 0.85:
        return False
    if re.search(r'[{}\[\]=<>_]{1}.*[{}\[\]=<>_]', p) and sum(c in '{}[]=<>_()' for c in p) > len(p) / 60:
        return False
    if '>>>' in p or 'http' in p or '::' in p or 'TODO' in p:
        return False
    if not p[0].isupper() and not p[0].isdigit():
        return False
    return True


def rst_paragraphs(text):
    """Yield (kind, text): kind 'h' for headings, 'p' for prose paragraphs."""
    lines = text.split('\n')
    # group into blocks separated by blank lines, keeping indentation of first line
    blocks, cur = [], []
    for ln in lines:
        if ln.strip() == '':
            if cur:
                blocks.append(cur)
                cur = []
        else:
            cur.append(ln.rstrip())
    if cur:
        blocks.append(cur)
    skip_indent = None
    for b in blocks:
        indent = len(b[0]) - len(b[0].lstrip())
        if skip_indent is not None:
            if indent > skip_indent:
                continue
            skip_indent = None
        first = b[0].strip()
        if first.startswith('..'):
            m = re.match(r'\.\.\s+([\w:-]+)::', first)
            if not m or m.group(1) in SKIP_DIRECTIVES or first.startswith('.. _') or first.startswith('.. |'):
                skip_indent = indent
            continue
        if first.startswith('>>>') or first.startswith('$ ') or first.startswith('%'):
            continue
        if any(TABLE_LINE.match(l) for l in b):
            continue
        # headings: text line followed (and maybe preceded) by underline
        stripped = [l for l in b if not HEADING_UNDERLINE.match(l.strip())]
        if len(stripped) < len(b):
            if len(stripped) == 1:
                yield 'h', clean_inline(stripped[0].strip())
            continue
        ends_literal = b[-1].rstrip().endswith('::')
        if any(FIELD.match(l) for l in b):
            if ends_literal:
                skip_indent = indent
            continue
        # split bullets into separate items
        items, curi = [], []
        for l in b:
            if BULLET.match(l) and curi:
                items.append(curi)
                curi = []
            curi.append(BULLET.sub(r'\1', l, count=1) if not curi else l)
        items.append(curi)
        for it in items:
            p = clean_inline(' '.join(x.strip() for x in it))
            if good_prose(p):
                yield 'p', p
        if ends_literal:
            skip_indent = indent


def html_paragraphs(text):
    import html as _html
    m = re.search(r'<div[^>]*(?:role="main"|id="docs-content")[^>]*>', text)
    if m:
        text = text[m.end():]
    text = re.sub(r'(?s)<pre.*?</pre>', '', text)
    for m in re.finditer(r'(?s)<p>(.*?)</p>', text):
        inner = m.group(1)
        p = _html.unescape(re.sub(r'<[^>]+>', '', inner))
        p = re.sub(r'\s+', ' ', p).replace('¶', '').strip()
        if good_prose(p):
            yield 'p', p


DEF_RE = re.compile(r'^((?:[A-Z][\w-]*|[a-z][\w-]*)(?: [\w-]+){0,3}) (is|are) ((?:a|an|the|one) [^.;:]{15,200}\.)$')


def qa_pair(question, answer):
    return PROMPT['template'].format(question=question) + PROMPT['answerPrefix'] + answer


def definitional_qa(paragraph):
    out = []
    for sent in re.split(r'(?<=\.)\s+(?=[A-Z])', paragraph):
        m = DEF_RE.match(sent.strip())
        if not m:
            continue
        subj = m.group(1)
        if subj.split()[0].lower() in ('this', 'it', 'that', 'there', 'here', 'which', 'what', 'they', 'these',
                                       'each', 'one', 'the', 'a', 'an', 'its', 'result', 'default'):
            continue
        q = f'What {m.group(2)} {subj}?'
        out.append(qa_pair(q, sent.strip()))
    return out


def wordnet_entries(path):
    pos = {'noun': 'noun', 'verb': 'verb', 'adj': 'adjective', 'adv': 'adverb'}[path.rsplit('.', 1)[1]]
    for ln in open(path, encoding='latin-1'):
        if ln.startswith('  ') or '|' not in ln:
            continue
        head, gloss = ln.split('|', 1)
        f = head.split()
        nw = int(f[3], 16)
        words = [f[4 + 2 * i].replace('_', ' ') for i in range(nw)]
        words = [re.sub(r'\(.*\)$', '', w) for w in words]
        parts = [x.strip() for x in gloss.strip().split(';')]
        definition = parts[0]
        examples = [x.strip('"') for x in parts[1:] if x.startswith('"')]
        if len(definition.split()) < 3:
            continue
        yield pos, words, definition, examples


def pkg_version(name):
    try:
        return subprocess.check_output(['dpkg-query', '-W', '-f=${Version}', name], text=True)
    except Exception:
        return 'unknown'


def parser():
    ap = argparse.ArgumentParser()
    ap.add_argument('--out', default=os.path.join(HERE, 'work'))
    ap.add_argument('--max-files', type=int, default=0, help='smoke: limit files per package')
    ap.add_argument('--wordnet-max', type=int, default=30000)
    ap.add_argument('--provenance', default=os.path.join(HERE, 'corpus-provenance'))
    ap.add_argument('--seed', type=int, default=0)
    return ap


def main():
    a = parser().parse_args()
    rnd = random.Random(a.seed)
    art = read_article()
    forbidden = article_windows(art)

    def leaks(t):
        w = words_of(t)
        return any(tuple(w[i:i + WINDOW]) in forbidden for i in range(len(w) - WINDOW + 1))

    seen = set()
    docs = {k: [] for k in PACKAGES}
    qa = {k: [] for k in PACKAGES}
    dropped_leak = 0

    def fresh(p):
        h = hashlib.md5(re.sub(r'\W+', ' ', p.lower()).encode()).digest()
        if h in seen:
            return False
        seen.add(h)
        return True

    for pkg in ('python-sklearn-doc', 'python3.11-doc', 'python-pandas-doc', 'python-django-doc'):
        files = sorted(glob.glob(PACKAGES[pkg]['glob'], recursive=True))
        files = [f for f in files if '/whatsnew/' not in f and 'changelog' not in f.lower()
                 and '/c-api/' not in f and '/releases/' not in f and '/_modules/' not in f
                 and 'genindex' not in f and 'modindex' not in f and '/reference/api/' not in f]
        if not files:
            print('warning: no files for', pkg, '(package not installed?)', file=sys.stderr)
        if a.max_files:
            files = files[:a.max_files]
        for fn in files:
            text = open(fn, encoding='utf-8', errors='replace').read()
            paras = []
            gen = html_paragraphs(text) if PACKAGES[pkg].get('html') else rst_paragraphs(text)
            for kind, t in gen:
                if kind == 'h' or not fresh(t):
                    continue
                if leaks(t):
                    dropped_leak += 1
                    continue
                paras.append(t)
                qa[pkg].extend(definitional_qa(t))
            if paras:
                docs[pkg].append('\n\n'.join(paras))

    wn = []
    for fn in sorted(glob.glob(PACKAGES['wordnet-base']['glob'])):
        if fn.rsplit('.', 1)[1] in ('noun', 'verb', 'adj', 'adv'):
            wn.extend(wordnet_entries(fn))
    rnd.shuffle(wn)
    wn = wn[:a.wordnet_max if not a.max_files else 2000]
    # prose form: groups of 20 glosses per document; Q/A form for a third of them
    wn_prose = []
    for i, (pos, words, definition, examples) in enumerate(wn):
        w0 = words[0]
        s = f'The {pos} "{w0}" means {definition}.'
        if len(words) > 1:
            s += ' It is also called ' + ', '.join(f'"{w}"' for w in words[1:4]) + '.'
        if examples:
            ex = examples[0]
            s += f' For example: "{ex[0].upper() + ex[1:]}."' if ex else ''
        if leaks(s):
            dropped_leak += 1
            continue
        if i % 3 == 0:
            q = rnd.choice([f'What does "{w0}" mean?', f'What is the meaning of the {pos} "{w0}"?',
                            f'Define the word "{w0}".'])
            ans = definition[0].upper() + definition[1:] + '.'
            qa['wordnet-base'].append(qa_pair(q, ans))
        else:
            wn_prose.append(s)
    for i in range(0, len(wn_prose), 20):
        docs['wordnet-base'].append(' '.join(wn_prose[i:i + 20]))

    # cap doc-derived Q/A so they stay a modest share; dedup questions
    allqa = []
    for pkg in qa:
        qs = set()
        kept = []
        for x in qa[pkg]:
            q = x.split('\n')[0]
            if q not in qs:
                qs.add(q)
                kept.append(x)
        qa[pkg] = kept
    units = []  # (pkg, text)
    for pkg in docs:
        units += [(pkg, d) for d in docs[pkg]]
        units += [(pkg, x) for x in qa[pkg]]
    rnd.shuffle(units)
    os.makedirs(a.out, exist_ok=True)
    out_path = os.path.join(a.out, 'corpus.txt')
    with open(out_path, 'w', encoding='utf-8') as f:
        for _, t in units:
            f.write(t + EOT + '\n')
    parts = os.path.join(a.out, 'parts')
    os.makedirs(parts, exist_ok=True)
    for pkg in PACKAGES:
        with open(os.path.join(parts, pkg + '.txt'), 'w', encoding='utf-8') as f:
            for p, t in units:
                if p == pkg:
                    f.write(t + EOT + '\n')
    stats = {}
    for pkg in PACKAGES:
        b_docs = sum(len(d.encode()) for d in docs[pkg])
        b_qa = sum(len(x.encode()) for x in qa[pkg])
        stats[pkg] = {'name': pkg, 'version': pkg_version(pkg), 'license': PACKAGES[pkg]['license'],
                      'documents': len(docs[pkg]), 'qa_pairs': len(qa[pkg]),
                      'bytes': b_docs + b_qa, 'prose_bytes': b_docs, 'qa_bytes': b_qa}
    prov = {'corpus_file': os.path.relpath(out_path, ROOT), 'bytes': os.path.getsize(out_path),
            'article_windows_checked': len(forbidden), 'window_words': WINDOW,
            'paragraphs_dropped_for_article_overlap': dropped_leak,
            'packages': stats, 'tokens': None, 'tokenizer': None}
    json.dump(prov, open(a.provenance + '.json', 'w'), indent=2)
    print(json.dumps({k: (v['bytes'], v['qa_pairs']) for k, v in stats.items()}), 'total', prov['bytes'])


if __name__ == '__main__':
    main()
