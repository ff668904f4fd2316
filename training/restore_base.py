#!/usr/bin/python3
"""Rebuild a PyTorch checkpoint of a shipped model from its int8 ONNX file (public/models/<name>/), for a machine
that lacks training/work/pretrain/base.pt (the float checkpoint is not committed; only the int8 export is).

The graph written by fused_onnx.py keeps each 2-D weight as `<name>_quantized` (int8) and `<name>_scale` (one
fp32 scale per row of the PyTorch weight) and every bias and LayerNorm parameter under its PyTorch name, so the
state dict comes back by name: 2-D weights dequantized (int8 x scale, exactly what DequantizeLinear computes, so
the restored model is the shipped model, not the float weights it was quantized from), the rest as stored.
The configuration comes from the folder's config.json. Writes {'model', 'cfg'} as pretrain.py does.

  python3 training/restore_base.py public/models/base training/work/pretrain/base.pt
"""
import argparse, json, os, sys
import numpy as np
import onnx
import torch
from onnx import numpy_helper

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from model import GPT, Config  # noqa: E402


def restore(folder):
    hf = json.load(open(os.path.join(folder, 'config.json')))
    cfg = Config(vocab_size=hf['vocab_size'], n_positions=hf['n_positions'], n_embd=hf['n_embd'],
                 n_layer=hf['n_layer'], n_head=hf['n_head'], dropout=0.0, eos_token_id=hf['eos_token_id'])
    graph = onnx.load(os.path.join(folder, 'onnx', 'model_quantized.onnx')).graph
    inits = {t.name: numpy_helper.to_array(t) for t in graph.initializer}
    model = GPT(cfg)
    state = {}
    for name, param in model.state_dict().items():
        if name + '_quantized' in inits:
            q = inits[name + '_quantized'].astype(np.float32)
            scale = inits[name + '_scale'].astype(np.float32)
            # Linear weights are stored transposed for MatMul (in, out), scales along the PyTorch rows.
            transposed = not name.startswith(('wte', 'wpe'))
            w = (q * scale[None, :]).T if transposed else q * scale[:, None]
            state[name] = torch.from_numpy(np.ascontiguousarray(w))
        elif name in inits:
            state[name] = torch.from_numpy(inits[name].astype(np.float32).copy())
        else:
            raise SystemExit(f'{name}: not in the ONNX file')
        if tuple(state[name].shape) != tuple(param.shape):
            raise SystemExit(f'{name}: shape {tuple(state[name].shape)} in the ONNX file, {tuple(param.shape)} expected')
    model.load_state_dict(state)
    return model


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('folder')
    ap.add_argument('out')
    a = ap.parse_args()
    model = restore(a.folder)
    os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
    torch.save({'model': model.state_dict(), 'cfg': model.cfg.to_dict(),
                'restored_from': os.path.join(a.folder, 'onnx', 'model_quantized.onnx')}, a.out)
    print('restored', a.folder, '->', a.out, f'({sum(p.numel() for p in model.parameters())} parameters)')


if __name__ == '__main__':
    main()
