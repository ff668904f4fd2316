#!/usr/bin/python3
"""Restore a PyTorch checkpoint from a shipped model folder (public/models/NAME/onnx/model_quantized.onnx).

Why: the base model's float checkpoint is not committed (training/work/ is ignored), but every later stage
(the article-only fine-tune, train.sh --article) must start from the same base the shipped models started from.
The shipped graph (fused_onnx.py) holds every 2-D weight as int8 with one scale per row of the PyTorch weight,
behind DequantizeLinear, and the biases and LayerNorm parameters in fp32. Dequantizing gives exactly the weights
the shipped model computes with, so the restored checkpoint is the shipped model, not an approximation of the
float one; quantizing it again (export.py) gives back the same int8 values and scales.

  restore_from_onnx.py --model public/models/base --out training/work/shipped-base/base.pt

--check compares the restored model's greedy tokens (PyTorch, KV cache) on a few prompts with the references the
caller gives (a ref JSON written by export.py for the shipped model, e.g. by running export.py on the restored
checkpoint and verify-onnx.mjs on the shipped folder: see train.sh --article).
"""
import argparse, json, os, sys

import numpy as np
import onnx
import torch
from onnx import numpy_helper

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from model import GPT, Config  # noqa: E402


def restore(model_dir):
    hf = json.load(open(os.path.join(model_dir, 'config.json')))
    cfg = Config(vocab_size=hf['vocab_size'], n_positions=hf['n_positions'], n_embd=hf['n_embd'],
                 n_layer=hf['n_layer'], n_head=hf['n_head'], dropout=0.0, eos_token_id=hf['eos_token_id'])
    graph = onnx.load(os.path.join(model_dir, 'onnx', 'model_quantized.onnx')).graph
    inits = {t.name: numpy_helper.to_array(t) for t in graph.initializer}
    model = GPT(cfg)
    state = {}
    for name, param in model.state_dict().items():
        if name + '_quantized' in inits:
            q = inits[name + '_quantized'].astype(np.float32)
            scale = inits[name + '_scale'].astype(np.float32)
            assert not inits[name + '_zero_point'].any(), name
            if name in ('wte.weight', 'wpe.weight'):  # stored as the weight itself, a scale per row (axis 0)
                w = q * scale[:, None]
            else:  # a Linear's weight stored transposed (in, out) for MatMul, its scales along axis 1
                w = (q * scale[None, :]).T
            state[name] = torch.from_numpy(np.ascontiguousarray(w))
        else:
            state[name] = torch.from_numpy(inits[name].astype(np.float32).copy())
        assert state[name].shape == param.shape, (name, state[name].shape, param.shape)
    model.load_state_dict(state)
    model.eval()
    return model, cfg


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--model', required=True, help='a shipped model folder (config.json, onnx/model_quantized.onnx)')
    ap.add_argument('--out', required=True, help='checkpoint to write ({model, cfg}, as pretrain.py writes base.pt)')
    a = ap.parse_args()
    model, cfg = restore(a.model)
    os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
    torch.save({'model': {k: v.detach().clone() for k, v in model.state_dict().items()}, 'cfg': cfg.to_dict(),
                'restored_from': os.path.relpath(os.path.join(a.model, 'onnx', 'model_quantized.onnx'))}, a.out)
    print(json.dumps({'restored_from': a.model, 'params': model.num_params(), 'out': a.out}))


if __name__ == '__main__':
    main()
