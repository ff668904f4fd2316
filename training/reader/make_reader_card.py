#!/usr/bin/python3
"""Write model-card.json, model-card.md and loss-curve.png into the reader's model folder."""
import argparse, datetime, json, math, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
from fused_onnx import CARD_ONNX  # noqa: E402
from make_cards import read_csv  # noqa: E402


def plot(pre_rows, evals, rows, out_png, base_ctx):
    import matplotlib
    matplotlib.use('Agg')
    import matplotlib.pyplot as plt
    # A base restored from its int8 export (restore_from_onnx.py) has no pretraining log: an empty panel would
    # read as a failed run, so the reader's curve is drawn alone.
    if pre_rows or evals:
        fig, (ax, reader_ax) = plt.subplots(1, 2, figsize=(12, 4))
        if pre_rows:
            ax.plot([int(r['tokens']) / 1e6 for r in pre_rows], [float(r['loss']) for r in pre_rows], lw=1,
                    label='train loss')
        if evals:
            ax.plot([e['tokens'] / 1e6 for e in evals[1:]], [math.log(e['val_ppl']) for e in evals[1:]], 'o-',
                    label='held-out (log perplexity)')
        ax.set_xlabel('pretraining tokens (millions)')
        ax.set_ylabel('cross-entropy (nats/token)')
        ax.set_title(f'Pretraining (base model, context {base_ctx})')
        ax.legend()
        ax.grid(alpha=0.3)
    else:
        fig, reader_ax = plt.subplots(1, 1, figsize=(7, 4))
        reader_ax.set_ylabel('cross-entropy (nats/token)')
    ax = reader_ax
    if rows:
        x = [int(r['examples']) for r in rows]
        y = [float(r['loss']) for r in rows]
        ax.plot(x, y, lw=0.5, alpha=0.4, label='per step')
        k = 25
        sm = [sum(y[max(0, i - k + 1):i + 1]) / len(y[max(0, i - k + 1):i + 1]) for i in range(len(y))]
        ax.plot(x, sm, lw=1.5, label=f'mean of {k} steps')
    ax.set_xlabel('reading-comprehension examples seen')
    ax.set_title('Reader fine-tuning (loss on answer tokens, context 512)')
    ax.set_yscale('log')
    ax.grid(alpha=0.3)
    ax.legend()
    fig.suptitle('reader model')
    fig.tight_layout()
    fig.savefig(out_png, dpi=90)
    plt.close(fig)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--pre', required=True, help='pretraining work dir (base model); without its summary (a base '
                    'restored by restore_from_onnx.py), the base model facts are kept from the existing card')
    ap.add_argument('--reader', required=True, help='reader work dir (reader-summary.json, reader-loss.csv)')
    ap.add_argument('--rc-stats', required=True)
    ap.add_argument('--eval', required=True)
    ap.add_argument('--provenance', required=True)
    ap.add_argument('--model', required=True, help='reader model folder')
    ap.add_argument('--verify', default='', help='verify-reader.json (optional)')
    a = ap.parse_args()
    rs = json.load(open(os.path.join(a.reader, 'reader-summary.json')))
    st = json.load(open(a.rc_stats))
    ev = json.load(open(a.eval))
    d = a.model
    onnx_path = os.path.join(d, 'onnx', 'model_quantized.onnx')
    cfg = json.load(open(os.path.join(d, 'config.json')))
    pre_path = os.path.join(a.pre, 'pretrain-summary.json')
    if os.path.exists(pre_path):
        pre = json.load(open(pre_path))
        prov = json.load(open(a.provenance))
        params = pre['params'] + (rs['n_positions'] - rs['base_n_positions']) * cfg['n_embd']
        base_model = {'folder': 'public/models/base', 'n_positions': rs['base_n_positions'],
                      'pretraining_wall_time_s': pre['wall_time_s'], 'pretraining_tokens': pre['tokens'],
                      'pretraining_hardware': pre.get('device', 'cpu'),
                      'copy_rich_share': pre['hyper'].get('copy_frac', 0),
                      'final_heldout_perplexity': round(pre['evals'][-1]['val_ppl'], 2),
                      'corpus': {'bytes': prov['bytes'], 'tokens': prov['tokens']}}
    else:
        old = json.load(open(os.path.join(d, 'model-card.json')))
        pre = None
        params, base_model = old['parameters'], dict(old['base_model'])
        base_model['restored_by'] = 'training/restore_from_onnx.py from public/models/base (int8 weights dequantized)'
    tr, ho = st['splits']['train'], st['splits']['heldout']
    card = {
        'name': 'reader',
        'description': 'The base model fine-tuned to answer a question from the best-ranked sentences of up to 3 '
                       'retrieved passages, each line marked with its passage\'s number: its training targets copy the '
                       'answering sentence and cite its passage ("... [2]"). It is never taught to decline: retrieval '
                       'decides whether the sources cover a question.',
        'architecture': 'GPT-2 (decoder-only transformer, learned positions, tied embeddings, gelu_new)',
        'parameters': params,
        'config': {k: cfg[k] for k in ('n_embd', 'n_layer', 'n_head', 'n_positions', 'vocab_size')},
        'base_model': base_model,
        'context_extension': {'from': rs['base_n_positions'], 'to': rs['n_positions'], 'init': rs['position_init']},
        'training_data': {
            'source': 'training/work/corpus.txt (the pretraining corpus: Debian documentation prose and WordNet '
                      'glosses); never the article (data/article/*) nor data/qa/*; checked by '
                      'training/tests/test_no_rc_article_leak.py (no shared 12-word window)',
            'generator': 'training/reader/make_rc.py (no model involved)',
            'how': 'Passages are corpus paragraphs, ranked as retrieval would (the answer paragraph first in about two '
                   'thirds of examples). A question is filled into a template from one sentence of the answer paragraph '
                   '(its definitional subject, its subject + verb, a rare noun phrase, two phrases, or a bag of '
                   'keywords); words of the key phrase are sometimes replaced by a WordNet first-sense synonym the '
                   'corpus itself uses, or dropped, and casing/punctuation vary. Every sentence of the passages is '
                   'scored against the question as the app\'s extractive scorer does (rarity-weighted overlap, crude '
                   'stems, a little noise, a small prior for earlier passages); the best 2 to 4 are the lines, each '
                   'with its passage\'s number, exactly as the app builds the prompt. The target copies the answer '
                   'sentence and cites its passage. Distractors are lexical neighbours (shared rare words) that lack '
                   'the key phrase.',
            'train_examples_generated': tr['examples'], 'train_examples_seen': rs['examples_seen'],
            'answer_line': tr.get('answer_line'), 'lines_per_example': tr.get('lines_per_example'),
            'templates': tr['templates'],
            'passages_per_example': tr['passages_per_example'], 'with_synonym_or_drop': tr['with_synonym_or_drop'],
            'tokens_per_example': tr.get('tokens_per_example'),
            'heldout': {'examples': ho['examples'], 'answer_line': ho.get('answer_line'),
                        'split': 'answer paragraphs from ' + f"{st['generator']['heldout_docs'] * 100:.0f}% of the "
                                 'corpus documents, never used as answer or distractor paragraphs in training'},
        },
        'fine_tuning': {'wall_time_s': rs['wall_time_s'],
                        'hardware': (f"one {rs['device']} GPU (train.sh --gpu)" if rs.get('device', 'cpu') != 'cpu'
                                     else '2-core CPU shared with other jobs, 1 torch thread'),
                        'framework': ('PyTorch 2 (CUDA), bf16 autocast' if rs.get('device', 'cpu') != 'cpu'
                                      else 'PyTorch (Debian python3-torch), OpenBLAS'), 'steps': rs['steps'],
                        'heldout_target_loss': rs.get('heldout_target_loss'),
                        'candidates': (json.load(open(os.path.join(a.reader, 'candidates.json')))
                                       if os.path.exists(os.path.join(a.reader, 'candidates.json')) else None),
                        'tokens': rs['tokens'], 'target_tokens': rs['target_tokens'],
                        'tokens_per_s': rs['tokens_per_s'], 'stop_reason': rs['stop_reason'],
                        'final_loss_avg50': rs['final_loss_avg50'], 'hyperparameters': rs['hyper']},
        'evaluation': ev['results'], 'evaluation_metric': ev['metric'], 'decoding': ev['decoding'],
        'article_sanity': ev.get('article_sanity'),
        'copy_probe': ev.get('copy_probe'),
        'prompt_format': rs['prompt_format'],
        'onnx': CARD_ONNX,
        'onnx_bytes': os.path.getsize(onnx_path),
        'folder_bytes': sum(os.path.getsize(os.path.join(dp, f)) for dp, _, fs in os.walk(d) for f in fs
                            if not f.startswith('model-card') and f != 'loss-curve.png'),
        'created': datetime.datetime.utcnow().strftime('%Y-%m-%dT%H:%M:%SZ'),
    }
    if a.verify and os.path.exists(a.verify):
        v = json.load(open(a.verify))
        card['js_parity'] = {'cases': v['cases'], 'identical_to_pytorch': v['identical'],
                             'near_tie_divergences': v['near_tie_divergences'], 'failures': v['failures'],
                             'node_tokens_per_s': v['tokens_per_s'], 'load_ms': v['load_ms']}
    json.dump(card, open(os.path.join(d, 'model-card.json'), 'w'), indent=2, ensure_ascii=False)
    plot(read_csv(os.path.join(a.pre, 'loss.csv')) if pre else [], pre['evals'] if pre else [],
         read_csv(os.path.join(a.reader, 'reader-loss.csv')),
         os.path.join(d, 'loss-curve.png'), rs['base_n_positions'])
    open(os.path.join(d, 'model-card.md'), 'w').write(render_md(card))
    print('reader card written')


def copy_probe_table(cp):
    """The copy probe's losses as Markdown table lines, base model first, then the reader."""
    lines = ['| model | gap (tokens) | loss, first occurrence | loss, repeated |', '|---|---|---|---|']
    for name in ('base_positions_tiled', 'reader_int8'):
        for gap, v in (cp.get(name) or {}).items():
            lines.append(f"| {name} | {gap} | {v['first_occurrence_loss']:.2f} | {v['repeat_loss']:.2f} |")
    return lines + ['']


def fmt3(x):
    return '–' if x is None else f'{x:.3f}'


def render_md(c):
    f, td = c['fine_tuning'], c['training_data']
    h = f['hyperparameters']
    lines = ['# Model card: reader', '', c['description'], '',
             'It is the generative half of the RAG panel: retrieval picks the passages, the reader writes the answer '
             'from them. Copying is intended: an answer made of a passage\'s own words, with its marker, can be '
             'checked against that passage.', '',
             '## Figures', '', '| | |', '|---|---|',
             f"| Base model | `public/models/base` (pretrained {c['base_model']['pretraining_wall_time_s'] / 60:.0f} min"
             f"{' on a ' + c['base_model']['pretraining_hardware'] if c['base_model']['pretraining_hardware'] != 'cpu' else ''}, "
             f"{c['base_model']['pretraining_tokens']:,} tokens, held-out perplexity "
             f"{c['base_model']['final_heldout_perplexity']}) |",
             f"| Parameters | {c['parameters']:,} |",
             f"| Size | d_model {c['config']['n_embd']}, {c['config']['n_layer']} layers, {c['config']['n_head']} heads, "
             f"vocabulary {c['config']['vocab_size']} |",
             (f"| Context | {c['config']['n_positions']} positions, extended from {c['context_extension']['from']} "
              f"({c['context_extension']['init']}) |" if c['context_extension']['from'] != c['config']['n_positions']
              else f"| Context | {c['config']['n_positions']} positions, as pretrained |"),
             f"| Training set | {td['train_examples_generated']:,} generated examples from the pretraining corpus, "
             f"the answer sentence on line 1 in {td['answer_line']['1'] / td['train_examples_generated'] * 100:.0f}%; "
             f"{td['train_examples_seen']:,} seen "
             f"({td['train_examples_seen'] / td['train_examples_generated']:.1f} epochs) |",
             f"| Fine-tuning | {f['wall_time_s'] / 60:.1f} min, {f['steps']} steps, {f['tokens']:,} tokens "
             f"({f['tokens_per_s']:.0f} tokens/s), {f['hardware']}; lr {h['lr']}, batch {h['batch']}, "
             f"dropout {h['dropout']}, {h['schedule']}"
             + (f"; of two candidates ({', '.join(f['candidates']['candidates'].values())}), the lower target loss on "
                f"the held-out split kept ({f['heldout_target_loss']})" if f.get('candidates') else '') + ' |',
             f"| ONNX file | `{c['onnx']['file']}`, {c['onnx_bytes'] / 1e6:.2f} MB, int8 weights, float16 KV cache, fused operators |"]
    if 'js_parity' in c:
        j = c['js_parity']
        lines.append(f"| Transformers.js parity | {j['identical_to_pytorch']}/{j['cases']} prompts: greedy token ids "
                     f"identical to PyTorch (same int8 weights); {j['node_tokens_per_s']} tokens/s in Node |")
    lines += ['', f"## Held-out reading comprehension (greedy, max {c['decoding']['max_new_tokens']} new tokens)", '',
              '| weights | n | F1 | EM | right line copied | first line copied | a whole line copied | '
              'citation accuracy | faithfulness |', '|---|---|---|---|---|---|---|---|---|']
    for k in ('heldout/int8', 'heldout/fp32'):
        r = c['evaluation'].get(k)
        if r:
            lines.append(f"| {k.split('/')[1]} | {r['n']} | {fmt3(r['f1'])} | {fmt3(r['em'])} | "
                         f"{fmt3(r['line_accuracy'])} | {fmt3(r['first_line_rate'])} | {fmt3(r['verbatim_line_rate'])} | "
                         f"{fmt3(r['citation_accuracy'])} | {fmt3(r['faithfulness'])} |")
    lines += ['', 'The held-out questions come from the same generator as the training set (template questions on '
              'unseen documents), so they are easier than questions people write. Faithfulness: share of the '
              'answer\'s content words (lower-cased, stop words and markers left out) found in the passages it '
              'cites.', '']
    bt = c['evaluation'].get('heldout/int8/f1_by_template')
    if bt:
        lines += ['F1 by question template (int8): ' + ', '.join(f"{k} {v['f1']:.2f} (n={v['n']})" for k, v in bt.items())
                  + '.', '']
    r8 = c['evaluation'].get('heldout/int8') or {}
    cp = c.get('copy_probe') or {}
    if (r8.get('verbatim_line_rate') or 0) < 0.1:
        lines += ['## Limitation: this reader does not copy yet', '',
                  'Greedy answers are rarely copied from the passages: the model declines most answerable questions, and '
                  'what it does write is fluent-looking text that is not in the passages. The cause is measured below: '
                  'neither the base model nor the reader predicts a passage better the second time it sees it, i.e. '
                  'they have no in-context copying (no induction heads). Within this budget the fine-tune did not '
                  'create that ability. What formed it for the shipped reader was a GPU: a better base and many more '
                  'reader examples (docs/experiments.md, "Training").', '']
        if cp:
            lines += copy_probe_table(cp)
    elif cp:
        reader0, base0 = (cp.get('reader_int8') or {}).get('0'), (cp.get('base_positions_tiled') or {}).get('0')
        lines += ['## In-context copying', '',
                  'Answering from passages needs a model that finds and copies text it has just seen. The copy probe '
                  'measures it: the loss on a held-out passage the first time, and when it comes again after a gap '
                  '(nats/token; far lower on the repeat = copying).', '']
        if reader0 and base0:
            lines += [f"The reader copies ({reader0['first_occurrence_loss']:.1f} → {reader0['repeat_loss']:.1f} "
                      f"right after). The base model barely does ({base0['first_occurrence_loss']:.2f} → "
                      f"{base0['repeat_loss']:.2f}, and nothing after a gap), although "
                      f"{c['base_model']['copy_rich_share']:.0%} of its pretraining windows repeat a span: the "
                      'copying formed in the reader fine-tune, which saw '
                      f"{td['train_examples_seen']:,} examples (docs/generative-rag.md compares it with the "
                      'earlier CPU-trained reader, which never copied).', '']
        lines += copy_probe_table(cp)
    if c.get('article_sanity'):
        lines += ['## Sanity check on article passages (inference only; the article is never trained on)', '',
                  'Plain greedy decoding in PyTorch over passages and lines picked by word overlap (a stand-in for '
                  "the app's retrieval and scorer): the model alone. The app decodes with the word mask and the copy "
                  "bias (lib/models/word-mask.ts, copy-bias.ts), and lib/node/reader.test.ts checks the app's answers "
                  'to the curated questions.', '',
                  '| question | answer |', '|---|---|']
        for s in c['article_sanity']:
            lines.append(f"| {s['question']} | {s['prediction'].replace('|', '/')} |")
        lines.append('')
    lines += ['## Prompt format (data/reader-prompt-format.json)', '', '```json',
              json.dumps({k: v for k, v in c['prompt_format'].items() if k != 'notes'}, ensure_ascii=False), '```', '']
    lines += [f"- {n}" for n in c['prompt_format'].get('notes', [])]
    lines += ['', '## Use in Transformers.js', '', '```js',
              "const model = await AutoModelForCausalLM.from_pretrained('reader', { dtype: 'q8' });", '```', '',
              'Made by training/train.sh (reader stage: training/reader/).', '', '![loss curve](loss-curve.png)', '']
    return '\n'.join(lines)


if __name__ == '__main__':
    main()
