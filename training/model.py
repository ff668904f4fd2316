"""GPT-2 architecture in plain PyTorch, written to export cleanly to ONNX with a KV cache.

Parameter names follow Hugging Face's GPT-2 (transformer.h.{i}.attn.c_attn, ...) but weights are
stored as nn.Linear (out, in); nothing here depends on `transformers`.
"""
import contextlib
import math
import torch
import torch.nn as nn
import torch.nn.functional as F


class Config:
    def __init__(self, vocab_size=4096, n_positions=128, n_embd=256, n_layer=4, n_head=8, dropout=0.0,
                 eos_token_id=None):
        self.vocab_size = vocab_size
        self.n_positions = n_positions
        self.n_embd = n_embd
        self.n_layer = n_layer
        self.n_head = n_head
        self.dropout = dropout
        self.eos_token_id = vocab_size - 1 if eos_token_id is None else eos_token_id

    def to_dict(self):
        return dict(self.__dict__)


def autocast_for(device):
    """bf16 autocast for training on a CUDA device; fp32 (nothing) on the CPU."""
    return torch.autocast('cuda', dtype=torch.bfloat16) if device.type == 'cuda' else contextlib.nullcontext()


def gelu_new(x):
    return 0.5 * x * (1.0 + torch.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * torch.pow(x, 3.0))))


class Attention(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.n_head = cfg.n_head
        self.head_dim = cfg.n_embd // cfg.n_head
        self.c_attn = nn.Linear(cfg.n_embd, 3 * cfg.n_embd)
        self.c_proj = nn.Linear(cfg.n_embd, cfg.n_embd)
        self.drop = nn.Dropout(cfg.dropout)

    def forward(self, x, bias, past_k=None, past_v=None):
        B, T, C = x.shape
        q, k, v = self.c_attn(x).split(C, dim=2)
        q = q.view(B, T, self.n_head, self.head_dim).transpose(1, 2)
        k = k.view(B, T, self.n_head, self.head_dim).transpose(1, 2)
        v = v.view(B, T, self.n_head, self.head_dim).transpose(1, 2)
        if past_k is not None:
            k = torch.cat([past_k, k], dim=2)
            v = torch.cat([past_v, v], dim=2)
        att = torch.matmul(q, k.transpose(-1, -2)) * (1.0 / math.sqrt(self.head_dim))
        att = att + bias  # bias: (B or 1, 1, T, S) with 0 / large negative
        att = torch.softmax(att, dim=-1)
        att = self.drop(att)
        y = torch.matmul(att, v).transpose(1, 2).reshape(B, T, C)
        return self.drop(self.c_proj(y)), k, v


class MLP(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.c_fc = nn.Linear(cfg.n_embd, 4 * cfg.n_embd)
        self.c_proj = nn.Linear(4 * cfg.n_embd, cfg.n_embd)
        self.drop = nn.Dropout(cfg.dropout)

    def forward(self, x):
        return self.drop(self.c_proj(gelu_new(self.c_fc(x))))


class Block(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.ln_1 = nn.LayerNorm(cfg.n_embd, eps=1e-5)
        self.attn = Attention(cfg)
        self.ln_2 = nn.LayerNorm(cfg.n_embd, eps=1e-5)
        self.mlp = MLP(cfg)

    def forward(self, x, bias, past_k=None, past_v=None):
        a, k, v = self.attn(self.ln_1(x), bias, past_k, past_v)
        x = x + a
        x = x + self.mlp(self.ln_2(x))
        return x, k, v


class GPT(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.cfg = cfg
        self.wte = nn.Embedding(cfg.vocab_size, cfg.n_embd)
        self.wpe = nn.Embedding(cfg.n_positions, cfg.n_embd)
        self.drop = nn.Dropout(cfg.dropout)
        self.h = nn.ModuleList([Block(cfg) for _ in range(cfg.n_layer)])
        self.ln_f = nn.LayerNorm(cfg.n_embd, eps=1e-5)
        self.apply(self._init)
        for n, p in self.named_parameters():
            if n.endswith('c_proj.weight'):
                nn.init.normal_(p, 0.0, 0.02 / math.sqrt(2 * cfg.n_layer))

    @staticmethod
    def _init(m):
        if isinstance(m, nn.Linear):
            nn.init.normal_(m.weight, 0.0, 0.02)
            nn.init.zeros_(m.bias)
        elif isinstance(m, nn.Embedding):
            nn.init.normal_(m.weight, 0.0, 0.02)

    def num_params(self):
        return sum(p.numel() for p in self.parameters())

    def forward(self, input_ids, attention_mask=None, position_ids=None, past=None):
        """input_ids (B,T); attention_mask (B, past+T) of 1/0; past: list of (k, v) per layer.
        Returns logits (B,T,V) and list of present (k, v)."""
        B, T = input_ids.shape
        past_len = 0 if past is None else past[0][0].shape[2]
        if position_ids is None:
            position_ids = torch.arange(past_len, past_len + T, dtype=torch.long, device=input_ids.device).unsqueeze(0)
        x = self.drop(self.wte(input_ids) + self.wpe(position_ids))
        S = past_len + T
        if attention_mask is not None:
            S = attention_mask.shape[1]
        # causal: query i (absolute S-T+i) sees keys j <= S-T+i
        q_idx = torch.arange(T, device=input_ids.device).unsqueeze(1) + (S - T)
        k_idx = torch.arange(S, device=input_ids.device).unsqueeze(0)
        allowed = (k_idx <= q_idx).unsqueeze(0).unsqueeze(0)  # (1,1,T,S)
        if attention_mask is not None:
            allowed = allowed & (attention_mask[:, None, None, :] > 0)
        bias = torch.where(allowed, torch.zeros((), dtype=x.dtype), torch.full((), -1e4, dtype=x.dtype))
        presents = []
        for i, blk in enumerate(self.h):
            pk, pv = (None, None) if past is None else past[i]
            x, k, v = blk(x, bias, pk, pv)
            presents.append((k, v))
        x = self.ln_f(x)
        logits = torch.matmul(x, self.wte.weight.t())  # tied embeddings
        return logits, presents


def to_hf_config(cfg, eos_id):
    return {
        'architectures': ['GPT2LMHeadModel'], 'model_type': 'gpt2',
        'vocab_size': cfg.vocab_size, 'n_positions': cfg.n_positions, 'n_ctx': cfg.n_positions,
        'n_embd': cfg.n_embd, 'n_layer': cfg.n_layer, 'n_head': cfg.n_head, 'n_inner': None,
        'activation_function': 'gelu_new', 'layer_norm_epsilon': 1e-5,
        'bos_token_id': eos_id, 'eos_token_id': eos_id, 'pad_token_id': eos_id,
        'tie_word_embeddings': True, 'use_cache': True,
        'resid_pdrop': 0.0, 'embd_pdrop': 0.0, 'attn_pdrop': 0.0,
        'transformers_version': '4.3.1 (transformers.js)',
    }


def round_cache(past):
    """The key/value cache as the shipped ONNX graph hands it from one step to the next: in float16, which
    halves the bytes a browser copies out of WebAssembly on every token (fused_onnx.py). Within a step the
    fresh keys and values stay float32, as they do in the graph."""
    return [(k.half().float(), v.half().float()) for k, v in past]


@torch.no_grad()
def greedy(model, ids, max_new_tokens=48, eos_id=None, ctx=None):
    """Greedy decoding with KV cache; returns new token ids (stops at eos, not included)."""
    model.eval()
    ctx = ctx or model.cfg.n_positions
    ids = list(ids)[-(ctx - max_new_tokens):] if len(ids) + max_new_tokens > ctx else list(ids)
    x = torch.tensor([ids])
    logits, past = model(x, attention_mask=torch.ones(1, len(ids), dtype=torch.long))
    past = round_cache(past)
    out = []
    total = len(ids)
    for _ in range(max_new_tokens):
        nxt = int(logits[0, -1].argmax())
        if eos_id is not None and nxt == eos_id:
            break
        out.append(nxt)
        total += 1
        if total >= ctx:
            break
        logits, past = model(torch.tensor([[nxt]]), attention_mask=torch.ones(1, total, dtype=torch.long),
                             position_ids=torch.tensor([[total - 1]]), past=past)
        past = round_cache(past)
    return out
