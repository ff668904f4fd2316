#!/usr/bin/python3
"""Evaluate base vs fine-tuned: greedy decoding, SQuAD-style token-F1 and exact match.

Headline figures are for the shipped weights (int8, dequantized exactly as ONNX does); fp32 figures
are reported alongside. Off-topic questions have no reference answer: we report how often the model
answers them by reciting one of the training answers verbatim (it has no way to decline), and how often its answer
quotes the article (an 8-word window of it: what a model trained on the article's text alone recites instead).

Without --base only the --ft model is evaluated, under --ft-name (train.sh: the article-only fine-tune, whose
base figures are those of eval.json).
"""
import argparse, json, os, sys, time
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from common import (ROOT, Tokenizer, evaluate, generate_answer, load_model, load_prompt_format,  # noqa: E402
                    normalize_answer, quantize_state_dict, read_jsonl)
from textnorm import read_article, words_of  # noqa: E402

QUOTE_WINDOW = 8  # words: an off-topic answer with this many consecutive words of the article quotes it


def parser():
    ap = argparse.ArgumentParser()
    ap.add_argument('--base', default='', help='the base checkpoint (left out: only --ft is evaluated)')
    ap.add_argument('--ft', required=True)
    ap.add_argument('--ft-name', default='fine-tuned', help='the --ft model\'s name in the report')
    ap.add_argument('--tok', required=True)
    ap.add_argument('--out', required=True)
    ap.add_argument('--qa', default=os.path.join(ROOT, 'data', 'qa'))
    ap.add_argument('--max-rows', type=int, default=0)
    ap.add_argument('--max-new-tokens', type=int, default=48)
    ap.add_argument('--threads', type=int, default=2)
    return ap


def main():
    a = parser().parse_args()
    torch.set_num_threads(a.threads)
    fmt = load_prompt_format()
    tok = Tokenizer.load(a.tok)
    lim = (lambda r: r[:a.max_rows]) if a.max_rows else (lambda r: r)
    dev = lim(read_jsonl(os.path.join(a.qa, 'heldout-dev.jsonl')))
    test = lim(read_jsonl(os.path.join(a.qa, 'heldout-test.jsonl')))
    train_all = read_jsonl(os.path.join(a.qa, 'train.jsonl'))
    seen, train_one = set(), []
    for r in train_all:  # first training question of each fact
        if r['factId'] not in seen:
            seen.add(r['factId'])
            train_one.append(r)
    train_one = lim(train_one)
    off = lim(read_jsonl(os.path.join(a.qa, 'off-topic.jsonl')))
    train_answers = {normalize_answer(r['answer']) for r in train_all}
    article = words_of(read_article())
    article_windows = {tuple(article[i:i + QUOTE_WINDOW]) for i in range(len(article) - QUOTE_WINDOW + 1)}

    def quotes_article(text):
        w = words_of(text)
        return any(tuple(w[i:i + QUOTE_WINDOW]) in article_windows for i in range(len(w) - QUOTE_WINDOW + 1))

    report = {'decoding': {'strategy': 'greedy', 'max_new_tokens': a.max_new_tokens},
              'metric': 'SQuAD-style token F1 / exact match (lowercase, punctuation and articles removed)',
              'prompt_format': fmt, 'results': {}, 'examples': {}}
    t0 = time.time()
    models = ([('base', a.base)] if a.base else []) + [(a.ft_name, a.ft)]
    for name, path in models:
        fp = load_model(path)
        q = load_model(path)
        q.load_state_dict(quantize_state_dict(fp.state_dict())[0])
        r = {}
        for variant, m in (('int8', q), ('fp32', fp)):
            for split, rows in (('heldout-dev', dev), ('heldout-test', test), ('train-questions', train_one)):
                if variant == 'fp32' and split == 'train-questions':
                    continue
                s, ex = evaluate(m, tok, fmt, rows, a.max_new_tokens)
                r[f'{split}/{variant}'] = s
                if variant == 'int8':
                    report['examples'][f'{name}/{split}'] = ex
                print(name, split, variant, s, f'{time.time() - t0:.0f}s', flush=True)
        offs = []
        for o in off:
            pred, _ = generate_answer(q, tok, fmt, o['question'], a.max_new_tokens)
            offs.append({'id': o['id'], 'question': o['question'], 'prediction': pred,
                         'recites_train_answer': normalize_answer(pred) in train_answers,
                         'quotes_article': quotes_article(pred)})
        r['off-topic/int8'] = {'n': len(offs),
                               'recites_a_train_answer': round(sum(x['recites_train_answer'] for x in offs) / max(len(offs), 1), 4),
                               'quotes_the_article': round(sum(x['quotes_article'] for x in offs) / max(len(offs), 1), 4),
                               'empty': round(sum(not x['prediction'].strip() for x in offs) / max(len(offs), 1), 4)}
        report['examples'][f'{name}/off-topic'] = offs
        report['results'][name] = r
    report['eval_wall_time_s'] = round(time.time() - t0, 1)
    json.dump(report, open(a.out, 'w'), indent=2, ensure_ascii=False)
    print(json.dumps(report['results'], indent=1))


if __name__ == '__main__':
    main()
