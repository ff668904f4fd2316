#!/usr/bin/python3
"""Evaluate the reader on the held-out reading-comprehension split (answer paragraphs from documents never
trained on), greedy decoding as in the app, int8 weights as shipped (fp32 alongside on a subset).

Metrics
* token F1 and exact match (SQuAD normalisation) of the answer, citation markers removed, against the answer
  sentence;
* line accuracy: the answer is the answer sentence's line (a whole line copied, the right one); first-line rate:
  it is the first line, whatever the answer (how often the reader simply takes the scorer's best sentence);
  verbatim: it is one of the lines, whole;
* citation accuracy: it cites exactly the answer's passage;
* faithfulness: share of the answer's content words (stop words and markers left out, lower-cased, not
  stemmed) found in the passages it cites (all passages when it cites none).

--article adds a sanity check on a few article passages (inference only; the article is never trained on).
"""
import argparse, json, os, re, sys, time
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.dirname(HERE))
from common import load_model, quantize_state_dict  # noqa: E402
from bpe import Tokenizer  # noqa: E402
from model import greedy  # noqa: E402
from rcformat import (ROOT, build_prompt, citations, clean, content_words, f1_score, faithfulness,  # noqa: E402
                      format_line, load_format, normalize_answer, strip_citations)


def answer(model, tok, fmt, prompt):
    ids = tok.encode(prompt)
    out = greedy(model, ids, max_new_tokens=fmt['maxNewTokens'], eos_id=tok.eot_id)
    return clean(tok.decode(out), fmt), len(ids), len(out)


def score(rows, preds, fmt):
    same = lambda a, b: normalize_answer(a) == normalize_answer(b)  # noqa: E731
    f1 = [f1_score(strip_citations(p), r['answer']) for r, p in zip(rows, preds)]
    em = [float(same(strip_citations(p), r['answer'])) for r, p in zip(rows, preds)]
    line = [float(same(strip_citations(p), format_line(fmt, r['answer']))) for r, p in zip(rows, preds)]
    first = [float(same(strip_citations(p), format_line(fmt, r['lines'][0][1]))) for r, p in zip(rows, preds)]
    verb = [float(any(same(strip_citations(p), format_line(fmt, t)) for _, t in r['lines'])) for r, p in zip(rows, preds)]
    cite = [float(citations(p, len(r['passages'])) == [r['gold']]) for r, p in zip(rows, preds)]
    faith = [f for f in (faithfulness(p, r['passages']) for r, p in zip(rows, preds)) if f is not None]
    m = lambda xs: round(sum(xs) / len(xs), 4) if xs else None  # noqa: E731
    return {'n': len(rows), 'f1': m(f1), 'em': m(em), 'line_accuracy': m(line), 'first_line_rate': m(first),
            'verbatim_line_rate': m(verb), 'citation_accuracy': m(cite), 'faithfulness': m(faith),
            'faithfulness_n': len(faith)}


# A few article passages as context (inference only). Questions are written here, not generated.
ARTICLE_CASES = [
    ('What is fine-tuning?', ['fine-tuning', 'pre-trained']),
    ('How does RAG work?', ['retrieval', 'generation']),
    ('When should I choose RAG?', ['choose', 'rag']),
]


def article_passages():
    lines = [re.sub(r'\s+', ' ', l).strip() for l in
             open(os.path.join(ROOT, 'data', 'article', 'rag-vs-fine-tuning-article.txt'), encoding='utf-8')]
    return [l.lstrip('- ') for l in lines if len(l.split()) >= 15]


def article_lines(question, hint, passages, fmt):
    """The top three passages by word overlap, and their sentences ranked the same way (a stand-in for the app's
    retrieval and sentence scorer, enough for a sanity check)."""
    from make_rc import sentences
    qw = set(content_words(question)) | set(hint)
    overlap = lambda t: len(qw & set(content_words(t))) / (1 + 0.01 * len(t.split()))  # noqa: E731
    top = sorted(passages, key=lambda p: -overlap(p))[:3]
    ranked = sorted(((n, s) for n, p in enumerate(top, 1) for s in sentences(p)), key=lambda x: -overlap(x[1]))
    return top, ranked[:fmt['maxLines']]


def article_sanity(model, tok, fmt):
    paras = article_passages()
    out = []
    for q, hint in ARTICLE_CASES:
        top, lines = article_lines(q, hint, paras, fmt)
        prompt, kept = build_prompt(fmt, lines, q, tok)
        pred, n_in, n_out = answer(model, tok, fmt, prompt)
        out.append({'question': q, 'lines': [[n, format_line(fmt, t)] for n, t in kept], 'prediction': pred,
                    'citations': citations(pred, len(top)), 'faithfulness': faithfulness(pred, top),
                    'prompt_tokens': n_in})
    return out


@torch.no_grad()
def copy_probe(model, tok, rows, gaps=(0, 150, 350), n=16):
    """Can the model copy? For held-out passages P: loss on P's tokens the first time (no prior context) and
    when P is repeated after a gap of other passages' tokens. No drop = no in-context copying."""
    import random
    import torch.nn.functional as F
    rnd = random.Random(0)
    paras = [p for r in rows for p in r['passages']]
    out = {}
    for gap in gaps:
        first, again = [], []
        for _ in range(n):
            p = tok.encode(' ' + ' '.join(rnd.choice(paras).split()[:40]))[:50]
            filler = []
            while len(filler) < gap:
                filler += tok.encode(' ' + rnd.choice(paras))
            seq = p + filler[:gap] + [tok.eot_id] + p
            logits, _ = model(torch.tensor([seq[:-1]]))
            k = len(p)
            first.append(float(F.cross_entropy(logits[0, :k - 1], torch.tensor(seq[1:k]))))
            again.append(float(F.cross_entropy(logits[0, -k + 1:], torch.tensor(seq[-k + 1:]))))
        out[str(gap)] = {'first_occurrence_loss': round(sum(first) / n, 3), 'repeat_loss': round(sum(again) / n, 3)}
    return out


def parser():
    ap = argparse.ArgumentParser()
    ap.add_argument('--ckpt', required=True)
    ap.add_argument('--tok', required=True)
    ap.add_argument('--rc', required=True, help='rc-heldout.jsonl')
    ap.add_argument('--out', required=True)
    ap.add_argument('--max-rows', type=int, default=400)
    ap.add_argument('--fp32-rows', type=int, default=100)
    ap.add_argument('--article', action='store_true')
    ap.add_argument('--base', default='', help='base checkpoint: also run the copy probe on it')
    ap.add_argument('--threads', type=int, default=1)
    ap.add_argument('--ref-prompts', default='', help='also write fixed reference prompts (JSON list) for '
                                                      'export.py / verify-onnx.mjs: held-out + article prompts')
    return ap


def main():
    a = parser().parse_args()
    torch.set_num_threads(a.threads)
    fmt = load_format()
    tok = Tokenizer.load(a.tok)
    rows = [json.loads(l) for l in open(a.rc, encoding='utf-8') if l.strip()][:a.max_rows]
    fp = load_model(a.ckpt)
    q8 = load_model(a.ckpt)
    q8.load_state_dict(quantize_state_dict(fp.state_dict())[0])
    report = {'decoding': {'strategy': 'greedy', 'max_new_tokens': fmt['maxNewTokens']},
              'metric': 'token F1 / exact match (SQuAD normalisation) of the answer without citation markers; line '
                        'accuracy = the answer sentence copied whole; faithfulness = share of answer content words '
                        'found in the cited passages', 'results': {}, 'examples': []}
    t0 = time.time()
    for variant, model, n in (('int8', q8, len(rows)), ('fp32', fp, min(a.fp32_rows, len(rows)))):
        if n == 0:
            continue
        preds, gen_tokens = [], 0
        for k, r in enumerate(rows[:n]):
            p, _, n_out = answer(model, tok, fmt, r['prompt'])
            preds.append(p)
            gen_tokens += n_out
            if variant == 'int8':
                report['examples'].append({'id': r['id'], 'question': r['question'], 'gold': r['gold'],
                                           'gold_line': r['gold_line'], 'answer': r['answer'], 'prediction': p,
                                           'template': r['template'],
                                           'f1': round(f1_score(strip_citations(p), r['answer']), 4)})
        s = score(rows[:n], preds, fmt)
        s['seconds'] = round(time.time() - t0, 1)
        report['results'][f'heldout/{variant}'] = s
        print(variant, json.dumps(s), flush=True)
        if variant == 'int8':
            for key, name in (('template', 'f1_by_template'), ('gold_line', 'f1_by_answer_line')):
                by = {}
                for r, p in zip(rows, preds):
                    by.setdefault(str(r[key]), []).append(f1_score(strip_citations(p), r['answer']))
                report['results'][f'heldout/int8/{name}'] = {k: {'n': len(v), 'f1': round(sum(v) / len(v), 4)}
                                                            for k, v in sorted(by.items())}
    report['copy_probe'] = {'what': 'mean token loss on a held-out passage (40 words) seen the first time vs repeated '
                                    'after <gap> tokens of other passages; repeat loss far below first = copies',
                            'reader_int8': copy_probe(q8, tok, rows)}
    if a.base:
        from train_reader import extend_positions  # the reader's starting point: positions tiled to nPositions
        report['copy_probe']['base_positions_tiled'] = copy_probe(extend_positions(load_model(a.base), fmt['nPositions']),
                                                                  tok, rows)
    print('copy probe', json.dumps(report['copy_probe']), flush=True)
    if a.article:
        report['article_sanity'] = article_sanity(q8, tok, fmt)
        for c in report['article_sanity']:
            print('ARTICLE', json.dumps({k: c[k] for k in ('question', 'prediction', 'citations')}, ensure_ascii=False))
    json.dump(report, open(a.out, 'w'), indent=2, ensure_ascii=False)
    if a.ref_prompts:
        paras = article_passages()
        art = [build_prompt(fmt, article_lines(q, hint, paras, fmt)[1], q, tok)[0] for q, hint in ARTICLE_CASES[:2]]
        json.dump([r['prompt'] for r in rows[:4]] + art, open(a.ref_prompts, 'w'), indent=2, ensure_ascii=False)


if __name__ == '__main__':
    main()
