"""Shared helpers: prompt format, data loading, SQuAD-style metrics, int8 weight quantization."""
import json, os, re, sys
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
from model import GPT, Config, greedy  # noqa: E402
from bpe import Tokenizer  # noqa: E402
from metrics import exact_match, f1_score, normalize_answer  # noqa: E402,F401  (re-exported)
from prompt_format import build_prompt, clean_answer, load_prompt_format  # noqa: E402,F401  (re-exported)


def read_jsonl(path):
    with open(path, encoding='utf-8') as f:
        return [json.loads(l) for l in f if l.strip()]


# ---- model io ---------------------------------------------------------------------------------
def load_model(path):
    ck = torch.load(path, map_location='cpu')
    cfg = Config(**ck['cfg'])
    m = GPT(cfg)
    m.load_state_dict(ck['model'])
    m.eval()
    return m


def quantize_state_dict(sd):
    """Per-row symmetric int8 for every 2-D weight (Linear, embeddings).
    Returns (dequantized state dict, {name: (int8 tensor, fp32 scale per row)})."""
    deq, q = {}, {}
    for k, v in sd.items():
        if v.dim() == 2 and v.dtype == torch.float32:
            amax = v.abs().amax(dim=1, keepdim=True).clamp(min=1e-12)
            scale = (amax / 127.0).float()
            qi = torch.round(v / scale).clamp(-127, 127).to(torch.int8)
            deq[k] = qi.float() * scale  # exactly what ONNX DequantizeLinear computes
            q[k] = (qi, scale.squeeze(1))
        else:
            deq[k] = v.clone()
    return deq, q


def generate_answer(model, tok, fmt, question, max_new_tokens=48):
    ids = tok.encode(build_prompt(fmt, question))
    out = greedy(model, ids, max_new_tokens=max_new_tokens, eos_id=tok.eot_id)
    return clean_answer(tok.decode(out), fmt), out


def evaluate(model, tok, fmt, rows, max_new_tokens=48, keep=True):
    res, f1s, ems = [], [], []
    for r in rows:
        pred, _ = generate_answer(model, tok, fmt, r['question'], max_new_tokens)
        f1, em = f1_score(pred, r['answer']), exact_match(pred, r['answer'])
        f1s.append(f1)
        ems.append(em)
        if keep:
            res.append({'id': r['id'], 'question': r['question'], 'answer': r['answer'], 'prediction': pred,
                        'f1': round(f1, 4), 'em': em})
    n = max(len(rows), 1)
    return {'n': len(rows), 'f1': round(sum(f1s) / n, 4), 'em': round(sum(ems) / n, 4)}, res
