#!/usr/bin/python3
"""Export a checkpoint to the Transformers.js layout with a KV cache and int8 weights.

<out>/config.json, generation_config.json, tokenizer.json, tokenizer_config.json,
<out>/onnx/model_quantized.onnx   (fused_onnx.py: int8 initializers + DequantizeLinear, per-row scales,
                                   float16 key/value cache at the graph's edge)
<ref>                             (PyTorch greedy outputs of the dequantized weights, for verify-onnx.mjs)

The PyTorch reference uses the int8-dequantized weights and rounds its cache to float16 between steps
(model.round_cache), so it computes what the ONNX graph computes.
"""
import argparse, json, os, shutil, sys
import torch
import onnx

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from common import Tokenizer, build_prompt, load_model, load_prompt_format, quantize_state_dict  # noqa: E402
from fused_onnx import build_fused_model  # noqa: E402
from model import round_cache, to_hf_config  # noqa: E402

PROMPTS_QUESTIONS = [
    'What is retrieval augmented generation?',
    'What is fine-tuning?',
    'When should I use RAG instead of fine-tuning?',
    'What does "dog" mean?',
]
FREE_PROMPTS = ['The model', 'Python is a programming language that']


@torch.no_grad()
def greedy_with_margins(model, ids, max_new_tokens, eos):
    """Greedy decoding (KV cache) that also records the top-1 minus top-2 logit at every step, so a
    divergence between runtimes can be told apart from a floating-point near-tie."""
    out, margins = [], []
    logits, past = model(torch.tensor([ids]), attention_mask=torch.ones(1, len(ids), dtype=torch.long))
    past = round_cache(past)
    total = len(ids)
    for _ in range(max_new_tokens):
        v, i = logits[0, -1].topk(2)
        margins.append(round(float(v[0] - v[1]), 6))
        nxt = int(i[0])
        if nxt == eos:
            break
        out.append(nxt)
        total += 1
        if total >= model.cfg.n_positions:
            break
        logits, past = model(torch.tensor([[nxt]]), attention_mask=torch.ones(1, total, dtype=torch.long),
                             position_ids=torch.tensor([[total - 1]]), past=past)
        past = round_cache(past)
    return out, margins


def parser():
    ap = argparse.ArgumentParser()
    ap.add_argument('--ckpt', required=True)
    ap.add_argument('--tok', required=True)
    ap.add_argument('--out', required=True, help='model folder (shipped)')
    ap.add_argument('--ref', required=True, help='PyTorch reference outputs json')
    ap.add_argument('--max-new-tokens', type=int, default=48)
    ap.add_argument('--prompts', default='', help='JSON list of reference prompts (default: Q/A prompts of '
                                                  'data/prompt-format.json + free text)')
    ap.add_argument('--threads', type=int, default=2)
    return ap


def main():
    a = parser().parse_args()
    torch.set_num_threads(a.threads)
    model = load_model(a.ckpt)
    deq, qweights = quantize_state_dict(model.state_dict())
    model.load_state_dict(deq)
    model.eval()
    tok = Tokenizer.load(a.tok)
    os.makedirs(os.path.join(a.out, 'onnx'), exist_ok=True)
    graph = build_fused_model(model.cfg, deq, qweights)
    onnx.checker.check_model(graph)
    qpath = os.path.join(a.out, 'onnx', 'model_quantized.onnx')
    onnx.save(graph, qpath)
    stale = os.path.join(a.out, 'onnx', 'model.onnx')
    if os.path.exists(stale):
        os.remove(stale)
    eos = tok.eot_id
    json.dump(to_hf_config(model.cfg, eos), open(os.path.join(a.out, 'config.json'), 'w'), indent=2)
    json.dump({'bos_token_id': eos, 'eos_token_id': eos, 'pad_token_id': eos, 'do_sample': False,
               'max_new_tokens': a.max_new_tokens, 'transformers_version': '4.3.1 (transformers.js)'},
              open(os.path.join(a.out, 'generation_config.json'), 'w'), indent=2)
    for f in ('tokenizer.json', 'tokenizer_config.json'):
        shutil.copy(os.path.join(a.tok, f), os.path.join(a.out, f))
    if a.prompts:
        prompts = json.load(open(a.prompts, encoding='utf-8'))
    else:
        fmt = load_prompt_format()
        prompts = [build_prompt(fmt, q) for q in PROMPTS_QUESTIONS] + FREE_PROMPTS
    ref = {'model_dir': os.path.abspath(a.out), 'max_new_tokens': a.max_new_tokens, 'eos_token_id': eos,
           'weights': 'int8 dequantized (same values as DequantizeLinear)', 'cases': []}
    for p in prompts:
        ids = tok.encode(p)
        out, margins = greedy_with_margins(model, ids, a.max_new_tokens, eos)
        ref['cases'].append({'prompt': p, 'prompt_ids': ids, 'new_ids': out, 'text': tok.decode(out),
                             'top2_margins': margins})
    json.dump(ref, open(a.ref, 'w'), indent=2, ensure_ascii=False)
    print(json.dumps({'onnx_bytes': os.path.getsize(qpath), 'nodes': len(graph.graph.node),
                      'weights_quantized': len(qweights)}))


if __name__ == '__main__':
    main()
