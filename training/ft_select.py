#!/usr/bin/python3
"""Compare fine-tuning runs on heldout-dev only (int8 weights, greedy), to pick settings without
touching heldout-test. Usage: ft_select.py <tokenizer-dir> <finetuned.pt> [...]"""
import json, os, sys
import torch
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from common import ROOT, Tokenizer, evaluate, load_model, load_prompt_format, quantize_state_dict, read_jsonl  # noqa

torch.set_num_threads(int(os.environ.get('THREADS', '2')))
tok = Tokenizer.load(sys.argv[1])
fmt = load_prompt_format()
dev = read_jsonl(os.path.join(ROOT, 'data', 'qa', 'heldout-dev.jsonl'))
for path in sys.argv[2:]:
    m = load_model(path)
    m.load_state_dict(quantize_state_dict(m.state_dict())[0])
    s, _ = evaluate(m, tok, fmt, dev, 48, keep=False)
    print(json.dumps({'checkpoint': path, 'heldout-dev': s}), flush=True)
