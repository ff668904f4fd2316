#!/usr/bin/python3
"""Export a checkpoint to the Transformers.js layout with a KV cache and int8 weights.

<out>/config.json, generation_config.json, tokenizer.json, tokenizer_config.json,
<out>/onnx/model_quantized.onnx   (int8 initializers + DequantizeLinear, per-row scales)
<fp32-dir>/model.onnx             (fp32 export of the same dequantized weights; kept out of <out>)
<ref>                             (PyTorch greedy outputs of the dequantized weights, for verify-onnx.mjs)

The PyTorch model is loaded with the int8-dequantized weights before export, so the fp32 ONNX,
the int8 ONNX (after DequantizeLinear) and the PyTorch reference all use bit-identical weights.
"""
import argparse, hashlib, json, os, shutil, sys
import numpy as np
import torch
import onnx
from onnx import helper, numpy_helper, TensorProto

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from common import Tokenizer, build_prompt, load_model, load_prompt_format, quantize_state_dict  # noqa: E402
from model import greedy, to_hf_config  # noqa: E402

PROMPTS_QUESTIONS = [
    'What is retrieval augmented generation?',
    'What is fine-tuning?',
    'When should I use RAG instead of fine-tuning?',
    'What does "dog" mean?',
]
FREE_PROMPTS = ['The model', 'Python is a programming language that']


class ExportWrapper(torch.nn.Module):
    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, input_ids, attention_mask, position_ids, *past_flat):
        n = len(past_flat) // 2
        past = [(past_flat[2 * i], past_flat[2 * i + 1]) for i in range(n)]
        logits, presents = self.model(input_ids, attention_mask=attention_mask, position_ids=position_ids, past=past)
        out = [logits]
        for k, v in presents:
            out += [k, v]
        return tuple(out)


def export_fp32(model, path):
    cfg = model.cfg
    L, H, D = cfg.n_layer, cfg.n_head, cfg.n_embd // cfg.n_head
    past_len, new = 3, 2
    ids = torch.randint(0, cfg.vocab_size, (1, new))
    am = torch.ones(1, past_len + new, dtype=torch.long)
    pos = torch.arange(past_len, past_len + new).unsqueeze(0)
    past = []
    for _ in range(L):
        past += [torch.randn(1, H, past_len, D), torch.randn(1, H, past_len, D)]
    in_names = ['input_ids', 'attention_mask', 'position_ids']
    out_names = ['logits']
    dyn = {'input_ids': {0: 'batch_size', 1: 'sequence_length'},
           'attention_mask': {0: 'batch_size', 1: 'total_sequence_length'},
           'position_ids': {0: 'batch_size', 1: 'sequence_length'},
           'logits': {0: 'batch_size', 1: 'sequence_length'}}
    for i in range(L):
        for kv in ('key', 'value'):
            in_names.append(f'past_key_values.{i}.{kv}')
            out_names.append(f'present.{i}.{kv}')
            dyn[f'past_key_values.{i}.{kv}'] = {0: 'batch_size', 2: 'past_sequence_length'}
            dyn[f'present.{i}.{kv}'] = {0: 'batch_size', 2: 'total_sequence_length'}
    with torch.no_grad():
        # The wrapper is created in eval mode: torch.onnx.export restores the module's mode afterwards, and a
        # wrapper left in training mode would switch the model's dropout on for the PyTorch references.
        torch.onnx.export(ExportWrapper(model).eval(), (ids, am, pos, *past), path, input_names=in_names,
                          output_names=out_names, dynamic_axes=dyn, opset_version=14, do_constant_folding=True)


def quantize_onnx(fp32_path, out_path, qweights):
    """Replace float initializers equal to a quantized weight (or its transpose) by int8 + DequantizeLinear."""
    m = onnx.load(fp32_path)
    lookup = {}
    for name, (qi, scale) in qweights.items():
        deq = (qi.float() * scale.unsqueeze(1)).numpy().astype(np.float32)
        lookup[hashlib.sha1(np.ascontiguousarray(deq).tobytes() + str(deq.shape).encode()).hexdigest()] = \
            (qi.numpy(), scale.numpy().astype(np.float32), 0)
        t = np.ascontiguousarray(deq.T)
        lookup[hashlib.sha1(t.tobytes() + str(t.shape).encode()).hexdigest()] = \
            (np.ascontiguousarray(qi.numpy().T), scale.numpy().astype(np.float32), 1)
    g = m.graph
    new_inits, new_nodes, replaced, kept_float = [], [], 0, 0
    for init in g.initializer:
        arr = numpy_helper.to_array(init)
        key = None
        if arr.dtype == np.float32 and arr.ndim == 2:
            key = hashlib.sha1(np.ascontiguousarray(arr).tobytes() + str(arr.shape).encode()).hexdigest()
        if key in lookup:
            qi, scale, axis = lookup[key]
            qn, sn, zn = init.name + '_quantized', init.name + '_scale', init.name + '_zero_point'
            new_inits += [numpy_helper.from_array(qi.astype(np.int8), qn), numpy_helper.from_array(scale, sn),
                          numpy_helper.from_array(np.zeros(scale.shape, dtype=np.int8), zn)]
            new_nodes.append(helper.make_node('DequantizeLinear', [qn, sn, zn], [init.name], axis=axis,
                                              name=init.name + '_DequantizeLinear'))
            replaced += 1
        else:
            new_inits.append(init)
            if arr.size > 4096:
                kept_float += 1
    del g.initializer[:]
    g.initializer.extend(new_inits)
    nodes = list(g.node)
    del g.node[:]
    g.node.extend(new_nodes + nodes)
    # drop any graph-input entries for initializers (older exporters list them)
    init_names = {i.name for i in g.initializer}
    keep_inputs = [i for i in g.input if i.name not in init_names]
    del g.input[:]
    g.input.extend(keep_inputs)
    onnx.checker.check_model(m)
    onnx.save(m, out_path)
    return replaced, kept_float


@torch.no_grad()
def greedy_with_margins(model, ids, max_new_tokens, eos):
    """Greedy decoding (KV cache) that also records the top-1 minus top-2 logit at every step, so a
    divergence between runtimes can be told apart from a floating-point near-tie."""
    out, margins = [], []
    logits, past = model(torch.tensor([ids]), attention_mask=torch.ones(1, len(ids), dtype=torch.long))
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
    return out, margins


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--ckpt', required=True)
    ap.add_argument('--tok', required=True)
    ap.add_argument('--out', required=True, help='model folder (shipped)')
    ap.add_argument('--fp32-dir', required=True, help='where the fp32 onnx goes (not shipped)')
    ap.add_argument('--ref', required=True, help='PyTorch reference outputs json')
    ap.add_argument('--max-new-tokens', type=int, default=48)
    ap.add_argument('--prompts', default='', help='JSON list of reference prompts (default: Q/A prompts of '
                                                  'data/prompt-format.json + free text)')
    ap.add_argument('--threads', type=int, default=2)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    model = load_model(a.ckpt)
    deq, qweights = quantize_state_dict(model.state_dict())
    model.load_state_dict(deq)
    model.eval()
    tok = Tokenizer.load(a.tok)
    os.makedirs(os.path.join(a.out, 'onnx'), exist_ok=True)
    os.makedirs(a.fp32_dir, exist_ok=True)
    fp32 = os.path.join(a.fp32_dir, 'model.onnx')
    export_fp32(model, fp32)
    qpath = os.path.join(a.out, 'onnx', 'model_quantized.onnx')
    replaced, kept = quantize_onnx(fp32, qpath, qweights)
    model.eval()
    assert not any(m.training for m in model.modules())
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
    print(json.dumps({'onnx_bytes': os.path.getsize(qpath), 'fp32_bytes': os.path.getsize(fp32),
                      'initializers_quantized': replaced, 'large_float_initializers_left': kept}))


if __name__ == '__main__':
    main()
