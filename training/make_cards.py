#!/usr/bin/python3
"""Write model-card.json, model-card.md and loss-curve.png into the base and fine-tuned model folders.

  make_cards.py --pre ... --ft ... --eval ... --provenance ... --models ...   base/ and fine-tuned/
  make_cards.py article --base-card ... --ft ... --eval ... --model ...      fine-tuned-article/ (its base's
      figures, corpus and pretraining are read from the base's model card, written first)
"""
import argparse, csv, datetime, json, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from fused_onnx import CARD_ONNX  # noqa: E402


def read_csv(path):
    if not os.path.exists(path):
        return []
    with open(path) as f:
        return list(csv.DictReader(f))


def plot(pre_rows, evals, ft_rows, out_png, title):
    import matplotlib
    matplotlib.use('Agg')
    import matplotlib.pyplot as plt
    n = 2 if ft_rows else 1
    fig, axes = plt.subplots(1, n, figsize=(6 * n, 4), squeeze=False)
    ax = axes[0][0]
    if pre_rows:
        ax.plot([int(r['tokens']) / 1e6 for r in pre_rows], [float(r['loss']) for r in pre_rows], lw=1,
                label='train loss')
    ax.set_xlabel('pretraining tokens (millions)')
    ax.set_ylabel('cross-entropy (nats/token)')
    ax.set_title('Pretraining')
    if evals:
        import math
        ax.plot([e['tokens'] / 1e6 for e in evals[1:]], [math.log(e['val_ppl']) for e in evals[1:]], 'o-',
                label='held-out (log perplexity)')
    ax.legend()
    ax.grid(alpha=0.3)
    if ft_rows:
        ax = axes[0][1]
        ax.plot([int(r['step']) for r in ft_rows], [float(r['loss']) for r in ft_rows], lw=0.8, label='answer-token loss')
        ax.set_xlabel('fine-tuning step')
        ax.set_title('Fine-tuning (loss on answer tokens)')
        ax.set_yscale('log')
        ax.grid(alpha=0.3)
        ax.legend()
    fig.suptitle(title)
    fig.tight_layout()
    fig.savefig(out_png, dpi=90)
    plt.close(fig)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--pre', required=True, help='pretraining work dir')
    ap.add_argument('--ft', required=True, help='fine-tuning work dir')
    ap.add_argument('--eval', required=True)
    ap.add_argument('--provenance', required=True, help='corpus provenance json')
    ap.add_argument('--models', required=True, help='folder holding base/ and fine-tuned/')
    ap.add_argument('--verify', default='', help='folder with verify-*.json reports (optional)')
    a = ap.parse_args()
    pre = json.load(open(os.path.join(a.pre, 'pretrain-summary.json')))
    ft = json.load(open(os.path.join(a.ft, 'finetune-summary.json')))
    ev = json.load(open(a.eval))
    prov = json.load(open(a.provenance))
    pre_rows = read_csv(os.path.join(a.pre, 'loss.csv'))
    ft_rows = read_csv(os.path.join(a.ft, 'finetune-loss.csv'))
    cfg = pre['cfg']
    corpus = {'sources': [{k: v for k, v in s.items() if k in ('name', 'version', 'license', 'bytes', 'tokens',
                                                                'documents', 'qa_pairs')}
                          for s in prov['packages'].values()],
              'bytes': prov['bytes'], 'tokens': prov['tokens'],
              'description': 'Prose from Debian documentation packages (Python 3.11, scikit-learn, pandas, Django '
                             'docs) plus WordNet glosses, cleaned and deduplicated, with auto-built '
                             '"Question: ... Answer: ..." pairs; the article is excluded (no shared 12-word window).'}
    evals = pre['evals']
    on_gpu = pre.get('device', 'cpu') != 'cpu'
    hardware = f"one {pre['device']} GPU (train.sh --gpu)" if on_gpu else '2-core CPU'
    framework = ('PyTorch 2 (CUDA), bf16 autocast' if on_gpu
                 else 'PyTorch (Debian python3-torch), OpenBLAS, 2 threads')
    candidates_path = os.path.join(a.pre, 'candidates.json')
    common = {
        'architecture': 'GPT-2 (decoder-only transformer, learned positions, tied embeddings, gelu_new)',
        'parameters': pre['params'],
        'config': {'n_embd': cfg['n_embd'], 'n_layer': cfg['n_layer'], 'n_head': cfg['n_head'],
                   'n_positions': cfg['n_positions'], 'vocab_size': cfg['vocab_size']},
        'tokenizer': prov.get('tokenizer'),
        'corpus': corpus,
        'pretraining': {'wall_time_s': pre['wall_time_s'], 'tokens': pre['tokens'], 'steps': pre['steps'],
                        'tokens_per_s': pre['tokens_per_s'], 'epochs': pre['epochs'], 'hardware': hardware,
                        'framework': framework,
                        'kept_checkpoint': pre.get('kept'),
                        'candidates': json.load(open(candidates_path)) if os.path.exists(candidates_path) else None,
                        'hyperparameters': pre['hyper'],
                        'heldout_perplexity': [{'tokens': e['tokens'], 'perplexity': round(e['val_ppl'], 2)}
                                               for e in evals],
                        'final_heldout_perplexity': round(evals[-1]['val_ppl'], 2),
                        'heldout_tokens': pre['val_tokens']},
        'onnx': CARD_ONNX,
        'prompt_format': ft['prompt_format'],
        'decoding': ev['decoding'],
        'evaluation_metric': ev['metric'],
        'created': datetime.datetime.utcnow().strftime('%Y-%m-%dT%H:%M:%SZ'),
    }
    res = ev['results']

    def figures(name):
        r = res[name]
        return {k: v for k, v in r.items()}

    comparison = {
        split: {'base': {'f1': res['base'][f'{split}/int8']['f1'], 'em': res['base'][f'{split}/int8']['em']},
                'fine-tuned': {'f1': res['fine-tuned'][f'{split}/int8']['f1'],
                               'em': res['fine-tuned'][f'{split}/int8']['em']},
                'n': res['base'][f'{split}/int8']['n']}
        for split in ('heldout-dev', 'heldout-test', 'train-questions')}
    for name in ('base', 'fine-tuned'):
        d = os.path.join(a.models, name)
        onnx_path = os.path.join(d, 'onnx', 'model_quantized.onnx')
        card = {'name': name, **common, 'onnx_bytes': os.path.getsize(onnx_path),
                'folder_bytes': sum(os.path.getsize(os.path.join(dp, f)) for dp, _, fs in os.walk(d) for f in fs
                                    if not f.startswith('model-card') and f != 'loss-curve.png'),
                'evaluation': figures(name), 'base_vs_fine_tuned': comparison,
                'off_topic_note': 'Off-topic questions have no reference answer; "recites_a_train_answer" is '
                                  'the share answered with a verbatim training answer (the model cannot decline).'}
        if name == 'fine-tuned':
            ft_device = ft['hyper'].get('device', 'cpu')
            card['fine_tuning'] = {'wall_time_s': ft['wall_time_s'],
                                   'hardware': f'one {ft_device} GPU' if ft_device != 'cpu' else '2-core CPU',
                                   'dataset': {'file': 'data/qa/train.jsonl', 'rows': ft['train_rows'],
                                               'facts': ft['facts'],
                                               'answer_tokens_per_epoch': ft['answer_tokens_per_epoch']},
                                   'epochs': ft['epochs_done'], 'steps': ft['steps'], 'hyperparameters': ft['hyper']}
            aug = ft['hyper'].get('augmentation') or {}
            if aug.get('variants_per_question') or aug.get('from_answer_per_fact'):
                card['fine_tuning']['dataset']['generated_rows_per_epoch'] = ft.get('augmented_rows_per_epoch')
            sel = ft.get('selection')
            sel_path = os.path.join(HERE, 'finetune-selection.json')
            if sel is None and os.path.exists(sel_path):
                sel = json.load(open(sel_path))
            if sel:
                card['fine_tuning']['selection'] = sel
        vpath = os.path.join(a.verify, f'verify-{name}.json') if a.verify else ''
        if vpath and os.path.exists(vpath):
            v = json.load(open(vpath))
            card['js_parity'] = {'cases': v['cases'], 'identical_to_pytorch': v['identical'],
                                 'near_tie_divergences': v['near_tie_divergences'], 'failures': v['failures'],
                                 'node_tokens_per_s': v['tokens_per_s'], 'load_ms': v['load_ms']}
        json.dump(card, open(os.path.join(d, 'model-card.json'), 'w'), indent=2)
        plot(pre_rows, evals, ft_rows if name == 'fine-tuned' else [], os.path.join(d, 'loss-curve.png'),
             f'{name} model')
        open(os.path.join(d, 'model-card.md'), 'w').write(render_md(card, name))
    print('cards written')


def render_md(c, name):
    pt = c['pretraining']
    cmp_ = c['base_vs_fine_tuned']
    lines = [f'# Model card: {name}', '']
    if name == 'base':
        lines += [f"A tiny GPT-2-style language model pretrained from scratch, on {pt['hardware']}, on documentation "
                  'prose. '
                  'It has never seen the article. It is the starting point of the fine-tuned model and the '
                  '"no fine-tuning" baseline of the app.', '']
    else:
        lines += ['The base model after a full fine-tune on question/answer pairs written from the article '
                  '(data/qa/train.jsonl), loss on the answer tokens only. It answers by recalling memorised '
                  'training answers; on unfamiliar wording it tends to recite the nearest memorised answer.', '']
    lines += ['## Figures', '', '| | |', '|---|---|',
              f"| Architecture | {c['architecture']} |",
              f"| Parameters | {c['parameters']:,} |",
              f"| Size | d_model {c['config']['n_embd']}, {c['config']['n_layer']} layers, {c['config']['n_head']} heads, "
              f"context {c['config']['n_positions']}, vocabulary {c['config']['vocab_size']} |",
              f"| ONNX file | `{c['onnx']['file']}`, {c['onnx_bytes'] / 1e6:.2f} MB, int8 weights, float16 KV cache, fused operators |",
              f"| Corpus | {c['corpus']['bytes'] / 1e6:.1f} MB, {c['corpus']['tokens']:,} tokens |",
              f"| Pretraining | {pt['wall_time_s'] / 60:.1f} min on {pt['hardware']}, {pt['tokens']:,} tokens "
              f"({pt['epochs']:.2f} epochs), {pt['tokens_per_s']:.0f} tokens/s"
              + (f"; {pt['hyperparameters']['copy_frac']:.0%} of windows copy-rich (a span repeated later in the "
                 "window, meant to teach in-context copying)" if pt['hyperparameters'].get('copy_frac') else '')
              + (f"; of two candidates ({', '.join(pt['candidates']['candidates'].values())}), the lower held-out "
                 f"perplexity kept" if pt.get('candidates') else '') + ' |',
              f"| Held-out perplexity | " + ' → '.join(f"{e['perplexity']:.1f} @ {e['tokens'] / 1e6:.2f}M"
                                                    for e in pt['heldout_perplexity'][1:]) + ' |']
    if 'fine_tuning' in c:
        f = c['fine_tuning']
        gen = f['dataset'].get('generated_rows_per_epoch')
        gen = (f" + {gen:,} generated questions per epoch (training/augment.py: WordNet synonyms and hypernyms, "
               f"GloVe neighbours, questions from the answer's wording)" if gen else '')
        lines.append(f"| Fine-tuning | {f['wall_time_s'] / 60:.1f} min on {f['hardware']}, {f['dataset']['rows']} Q/A pairs "
                     f"({f['dataset']['facts']} facts){gen}, {f['epochs']} epochs, lr {f['hyperparameters']['lr']}, "
                     f"batch {f['hyperparameters']['batch']}, dropout {f['hyperparameters'].get('dropout', 0)} |")
        if 'selection' in f:
            sel = f['selection']
            label = (lambda x: x['run'] + (' (chosen)' if x['run'] == sel.get('chosen') else '')) if 'chosen' in sel \
                else (lambda x: x.get('setting') or 'dropout %s' % x['dropout'])
            lines.append('| Settings chosen on heldout-dev (F1) | ' + ', '.join(
                f"{label(x)} {x['heldout_dev']['f1']:.3f}" for x in sel['candidates'])
                + ' (heldout-test untouched; settings of each run in `training/finetune-selection.json`) |')
    if 'js_parity' in c:
        j = c['js_parity']
        lines.append(f"| Transformers.js parity | {j['identical_to_pytorch']}/{j['cases']} prompts: greedy token ids "
                     f"identical to PyTorch (same int8 weights); {j['node_tokens_per_s']} tokens/s in Node |")
    lines += ['', f"## Base vs fine-tuned (int8 weights as shipped, greedy, max {c['decoding']['max_new_tokens']} new tokens)", '',
              '| split | n | base F1 | base EM | fine-tuned F1 | fine-tuned EM |', '|---|---|---|---|---|---|']
    for split, r in cmp_.items():
        lines.append(f"| {split} | {r['n']} | {r['base']['f1']:.3f} | {r['base']['em']:.3f} | "
                     f"{r['fine-tuned']['f1']:.3f} | {r['fine-tuned']['em']:.3f} |")
    off = c['evaluation'].get('off-topic/int8')
    lines += ['', 'heldout-dev and heldout-test are paraphrases written independently of the training questions and '
              'never trained on; train-questions is one training question per fact (memorisation check). '
              'Metric: ' + c['evaluation_metric'] + '.']
    if off:
        lines += ['', f"Off-topic questions ({off['n']}): the model cannot decline; "
                  f"{off['recites_a_train_answer'] * 100:.0f}% of its answers are a verbatim training answer."]
    lines += ['', '## Prompt format', '', '```json', json.dumps(c['prompt_format']), '```', '',
              '## Use in Transformers.js', '', '```js',
              "const model = await AutoModelForCausalLM.from_pretrained('" + name + "', { dtype: 'q8' });",
              '```', '',
              f"Context is {c['config']['n_positions']} tokens (prompt + answer). "
              'Training data: see training/corpus-provenance.md. Made by training/train.sh.', '',
              '![loss curve](loss-curve.png)', '']
    return '\n'.join(lines)


def article_card(argv):
    """The article-only fine-tune (finetune_article.py): what it was given, its run, its figures beside its base's."""
    ap = argparse.ArgumentParser(prog='make_cards.py article')
    ap.add_argument('--base-card', required=True, help="the base's model-card.json (the model it started from)")
    ap.add_argument('--started-from', required=True, help='the checkpoint it started from, as train.sh made it')
    ap.add_argument('--ft', required=True, help='finetune_article.py work dir')
    ap.add_argument('--eval', required=True, help='evaluate.py report of this model (--ft-name fine-tuned-article)')
    ap.add_argument('--model', required=True, help='the exported model folder')
    ap.add_argument('--verify', default='', help='verify-onnx.mjs report (optional)')
    ap.add_argument('--selection', default=os.path.join(HERE, 'finetune-article-selection.json'))
    a = ap.parse_args(argv)
    base = json.load(open(a.base_card))
    ft = json.load(open(os.path.join(a.ft, 'finetune-summary.json')))
    ev = json.load(open(a.eval))
    name = os.path.basename(os.path.normpath(a.model))
    res = ev['results'][name]
    onnx_path = os.path.join(a.model, 'onnx', 'model_quantized.onnx')
    h = ft['hyper']
    card = {'name': name,
            **{k: base[k] for k in ('architecture', 'parameters', 'config', 'tokenizer', 'onnx', 'prompt_format',
                                    'decoding', 'evaluation_metric')},
            'created': datetime.datetime.utcnow().strftime('%Y-%m-%dT%H:%M:%SZ'),
            'onnx_bytes': os.path.getsize(onnx_path),
            'folder_bytes': sum(os.path.getsize(os.path.join(dp, f)) for dp, _, fs in os.walk(a.model) for f in fs
                                if not f.startswith('model-card') and f != 'loss-curve.png'),
            'given': "the article's text alone (data/article/rag-vs-fine-tuning-article.txt): no question/answer pairs, "
                     'nothing written from or for the questions of data/qa/, no prompt format',
            'started_from': {'model': 'public/models/base', 'checkpoint': a.started_from,
                             'base_created': base.get('created'),
                             'base_pretraining': {k: base['pretraining'].get(k) for k in
                                                  ('wall_time_s', 'tokens', 'hardware', 'final_heldout_perplexity')},
                             'corpus': {k: base['corpus'][k] for k in ('bytes', 'tokens')}},
            'fine_tuning': {'method': 'continued language-model training (full fine-tune), next-token loss on every '
                                      'token of the text',
                            'code': 'training/finetune_article.py',
                            'wall_time_s': ft['wall_time_s'],
                            'hardware': '2-core CPU' if h.get('device', 'cpu') == 'cpu' else f"one {h['device']} GPU",
                            'dataset': ft['dataset'], 'epochs': ft['epochs_done'], 'steps': ft['steps'],
                            'tokens_trained': ft['tokens_trained'], 'perplexity': ft['perplexity'],
                            'hyperparameters': h},
            'evaluation': res,
            'base_vs_fine_tuned': {
                split: {'base': {k: base['evaluation'][f'{split}/int8'][k] for k in ('f1', 'em')},
                        name: {k: res[f'{split}/int8'][k] for k in ('f1', 'em')},
                        'n': res[f'{split}/int8']['n']}
                for split in ('heldout-dev', 'heldout-test', 'train-questions')},
            'off_topic_examples': [{k: x[k] for k in ('question', 'prediction')}
                                   for x in ev['examples'].get(f'{name}/off-topic', [])[:5]],
            'heldout_dev_examples': [{k: x[k] for k in ('question', 'answer', 'prediction', 'f1')}
                                     for x in ev['examples'].get(f'{name}/heldout-dev', [])[:5]]}
    if os.path.exists(a.selection):
        card['fine_tuning']['selection'] = json.load(open(a.selection))
    if a.verify and os.path.exists(a.verify):
        v = json.load(open(a.verify))
        card['js_parity'] = {'cases': v['cases'], 'identical_to_pytorch': v['identical'],
                             'near_tie_divergences': v['near_tie_divergences'], 'failures': v['failures'],
                             'node_tokens_per_s': v['tokens_per_s'], 'load_ms': v['load_ms']}
    json.dump(card, open(os.path.join(a.model, 'model-card.json'), 'w'), indent=2, ensure_ascii=False)
    rows = read_csv(os.path.join(a.ft, 'finetune-loss.csv'))
    import matplotlib
    matplotlib.use('Agg')
    import matplotlib.pyplot as plt
    fig, ax = plt.subplots(figsize=(6, 4))
    ax.plot([int(r['step']) for r in rows], [float(r['loss']) for r in rows], lw=0.8, label='next-token loss')
    ax.set_xlabel('training step')
    ax.set_ylabel('cross-entropy (nats/token)')
    ax.set_title("Fine-tuning on the article's text alone")
    ax.grid(alpha=0.3)
    ax.legend()
    fig.tight_layout()
    fig.savefig(os.path.join(a.model, 'loss-curve.png'), dpi=90)
    plt.close(fig)
    open(os.path.join(a.model, 'model-card.md'), 'w').write(render_article_md(card))
    print('card written:', a.model)


def render_article_md(c):
    f, h = c['fine_tuning'], c['fine_tuning']['hyperparameters']
    ppl = f['perplexity']
    name = c['name']
    unit = ('each line a document of its own' if h['unit'] == 'passage'
            else f"the lines packed into {c['config']['n_positions']}-token windows")
    lines = [f'# Model card: {name}', '',
             "The base model (public/models/base) after continued language-model training on the article's text "
             'alone: "fine-tune it on my documents". It was given no question/answer pairs and nothing written from '
             'or for the questions it is evaluated on; the app asks it questions in the same prompt format as the '
             'fine-tuned model ("Question: ... Answer:"), a format it met only in its pretraining. It is the '
             'fine-tuned panel of the "article" knowledge setting.', '',
             '## Figures', '', '| | |', '|---|---|',
             f"| Architecture | {c['architecture']} |",
             f"| Parameters | {c['parameters']:,} (the base's, all trained) |",
             f"| Started from | `{c['started_from']['model']}` (checkpoint: {c['started_from']['checkpoint']}) |",
             f"| Given | {f['dataset']['lines']} lines of `{f['dataset']['file']}`, {f['dataset']['text_tokens']:,} tokens; "
             f"{unit} |",
             f"| Training | {f['wall_time_s']:.0f} s on {f['hardware']} ({h['threads']} thread), {f['epochs']} epochs, "
             f"{f['steps']} steps, {f['tokens_trained']:,} tokens; lr {h['lr']}, batch {h['batch']}, dropout "
             f"{h['dropout']}; {h['schedule']} |",
             f"| Perplexity of the article's text | {ppl['before']['train_text_ppl']:.1f} before, "
             f"{ppl['after']['train_text_ppl']:.2f} after |",
             f"| ONNX file | `{c['onnx']['file']}`, {c['onnx_bytes'] / 1e6:.2f} MB, int8 weights, float16 KV cache, "
             'fused operators |']
    if 'selection' in f:
        sel = f['selection']
        lines.append('| Settings chosen on heldout-dev (F1) | ' + ', '.join(
            f"{x['run']}{' (chosen)' if x['run'] == sel['chosen'] else ''} {x['heldout_dev']['f1']:.3f}"
            for x in sel['candidates']) + ' (heldout-test not read in the choice, read once after it; `training/finetune-article-selection.json`) |')
    if 'js_parity' in c:
        j = c['js_parity']
        lines.append(f"| Transformers.js parity | {j['identical_to_pytorch']}/{j['cases']} prompts: greedy token ids "
                     f"identical to PyTorch (same int8 weights); {j['node_tokens_per_s']} tokens/s in Node |")
    lines += ['', f"## Base vs {name} (int8 weights as shipped, greedy, max {c['decoding']['max_new_tokens']} new tokens)",
              '', f'| split | n | base F1 | base EM | {name} F1 | {name} EM |', '|---|---|---|---|---|---|']
    for split, r in c['base_vs_fine_tuned'].items():
        lines.append(f"| {split} | {r['n']} | {r['base']['f1']:.3f} | {r['base']['em']:.3f} | "
                     f"{r[name]['f1']:.3f} | {r[name]['em']:.3f} |")
    off = c['evaluation'].get('off-topic/int8')
    lines += ['', 'heldout-dev and heldout-test are questions about the article written by people; train-questions '
              'is one of the written training questions per fact, which this model never saw either. Metric: '
              + c['evaluation_metric'] + '.']
    if off:
        lines += ['', f"Off-topic questions ({off['n']}): the model cannot decline; "
                  f"{off['quotes_the_article'] * 100:.0f}% of its answers quote the article (8 consecutive words), "
                  f"{off['empty'] * 100:.0f}% are empty. For example:", '']
        lines += [f"- {x['question']} → {x['prediction']!r}" for x in c['off_topic_examples'][:3]]
    lines += ['', 'Answers to heldout-dev questions, for example:', '']
    lines += [f"- {x['question']} → {x['prediction']!r} (F1 {x['f1']:.2f})" for x in c['heldout_dev_examples'][:3]]
    lines += ['', '## Use in Transformers.js', '', '```js',
              "const model = await AutoModelForCausalLM.from_pretrained('" + name + "', { dtype: 'q8' });",
              '```', '', 'Made by training/train.sh (stage 8b; `--article` rebuilds it alone from the shipped base).', '',
              '![loss curve](loss-curve.png)', '']
    return '\n'.join(lines)


if __name__ == '__main__':
    if sys.argv[1:2] == ['article']:
        article_card(sys.argv[2:])
    else:
        main()
