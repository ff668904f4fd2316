#!/usr/bin/python3
"""Exports the trained retrieval encoder to ONNX for ONNX Runtime (Web in the worker, Node in the CLI).

Inputs:  vectors [batch, words, 100] float32 (the app's GloVe rows, unit length; zeros for padding)
         weights [batch, words] float32 (the words' rarity weights; 0 for padding)
Output:  embedding [batch, 100] float32, unit length.
The traced graph's weight matrices are then stored as int8 with one scale per output column behind
DequantizeLinear (the onnx package only); the app's session options fold them back into float weights once, at
load. The PyTorch reference is computed with the same dequantized weights, so the Node check
(verify-encoder.mjs) compares like with like: DIR/reference.json holds texts, their inputs and embeddings.

  /usr/bin/python3 training/retriever/export_encoder.py --ckpt WORK/encoder.pt --out public/retrieval/encoder
"""
import argparse, json, os, sys

import numpy as np
import onnx
import torch
from onnx import helper, numpy_helper

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from encoder_model import Encoder  # noqa: E402
from train_encoder import Featurizer, load_vectors  # noqa: E402

OPSET = 14
# Written from the corpus's register, not from the article or its questions: the Node check embeds these.
REFERENCE_TEXTS = [
    'How do I open a file for reading and writing?',
    'A dictionary maps keys to values; lookup by key is fast.',
    'Which estimator should I use for a small labelled dataset?',
    'The garbage collector frees memory that is no longer referenced.',
    'what does the query planner do',
    'Translate the template before it is rendered.',
]


def quantize(path_in, path_out, min_elements=1024):
    """Float matrices feeding MatMul or Gemm become int8 + one scale per output column + DequantizeLinear."""
    model = onnx.load(path_in)
    graph = model.graph
    consumers = {}
    for node in graph.node:
        for i, name in enumerate(node.input):
            consumers.setdefault(name, []).append((node, i))
    kept, added_nodes = [], []
    for init in graph.initializer:
        w = numpy_helper.to_array(init)
        uses = consumers.get(init.name, [])
        if w.ndim != 2 or w.size < min_elements or not uses or w.dtype != np.float32:
            kept.append(init)
            continue
        node, index = uses[0]
        if node.op_type == 'MatMul' and index == 1:
            axis = 1  # [in, out]
        elif node.op_type == 'Gemm' and index == 1:
            trans_b = next((a.i for a in node.attribute if a.name == 'transB'), 0)
            axis = 0 if trans_b else 1
        else:
            kept.append(init)
            continue
        scale = np.abs(w).max(axis=1 - axis) / 127.0
        scale = np.where(scale > 0, scale, 1.0).astype(np.float32)
        shape = [1, -1] if axis == 1 else [-1, 1]
        q = np.clip(np.round(w / scale.reshape(shape)), -127, 127).astype(np.int8)
        kept += [numpy_helper.from_array(q, init.name + '_quantized'),
                 numpy_helper.from_array(scale, init.name + '_scale'),
                 numpy_helper.from_array(np.zeros(scale.shape, np.int8), init.name + '_zero_point')]
        added_nodes.append(helper.make_node('DequantizeLinear', [init.name + '_quantized', init.name + '_scale',
                                                                  init.name + '_zero_point'], [init.name],
                                            axis=axis, name='Dequantize_' + init.name))
    del graph.initializer[:]
    graph.initializer.extend(kept)
    nodes = list(graph.node)
    del graph.node[:]
    graph.node.extend(added_nodes + nodes)
    onnx.checker.check_model(model)
    onnx.save(model, path_out)


def dequantized_state(model):
    """The model's weights rounded as quantize() rounds them, so PyTorch's reference matches the ONNX file."""
    state = model.state_dict()
    for name, w in state.items():
        if w.ndim == 2 and w.numel() >= 1024 and name.endswith('weight') and 'pos' not in name:
            # nn.Linear weights are [out, in]: one scale per output row.
            scale = w.abs().amax(dim=1, keepdim=True) / 127.0
            scale = torch.where(scale > 0, scale, torch.ones_like(scale))
            state[name] = torch.clamp(torch.round(w / scale), -127, 127) * scale
    return state


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--ckpt', required=True)
    ap.add_argument('--out', required=True)
    a = ap.parse_args()
    ck = torch.load(a.ckpt)
    cfg = ck['config']
    model = Encoder(d=cfg['d_model'], layers=cfg['layers'], heads=cfg['heads'], ff=cfg['ff'],
                    max_words=max(cfg['max_query_words'], cfg['max_passage_words']), dropout=0.0)
    model.load_state_dict(ck['state'])
    model.load_state_dict(dequantized_state(model))
    model.eval()
    os.makedirs(a.out, exist_ok=True)
    words, table = load_vectors()
    feat = Featurizer(words, table)
    vectors, weights = feat.batch([feat.ids(t, cfg['max_passage_words']) for t in REFERENCE_TEXTS[:2]])
    tmp = os.path.join(a.out, 'encoder.fp32.onnx')
    torch.onnx.export(model, (vectors, weights), tmp, input_names=['vectors', 'weights'],
                      output_names=['embedding'], opset_version=OPSET,
                      dynamic_axes={'vectors': {0: 'batch', 1: 'words'}, 'weights': {0: 'batch', 1: 'words'},
                                    'embedding': {0: 'batch'}})
    out = os.path.join(a.out, 'encoder.onnx')
    quantize(tmp, out)
    os.remove(tmp)
    cases = []
    with torch.no_grad():
        for text in REFERENCE_TEXTS:
            ids = feat.ids(text, cfg['max_query_words'])
            v, w = feat.batch([ids])
            cases.append({'text': text, 'words': [words[i - 1] for i in ids],
                          'embedding': [round(float(x), 6) for x in model(v, w)[0]]})
    config = {'format': 'retrieval-encoder', 'version': 1, 'file': 'encoder.onnx',
              'dimensions': int(table.shape[1]), 'maxQueryWords': cfg['max_query_words'],
              'maxPassageWords': cfg['max_passage_words'], 'vectors': 'retrieval/word-vectors (GloVe, frozen)',
              'inputs': {'vectors': '[batch, words, 100] float32', 'weights': '[batch, words] float32'},
              'output': 'embedding [batch, 100] float32, unit length'}
    json.dump(config, open(os.path.join(a.out, 'config.json'), 'w'), indent=2)
    json.dump({'cases': cases}, open(os.path.join(a.out, 'reference.json'), 'w'))
    print(json.dumps({'bytes': os.path.getsize(out), 'parameters': sum(p.numel() for p in model.parameters())}))


if __name__ == '__main__':
    main()
