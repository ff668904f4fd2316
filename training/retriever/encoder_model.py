"""The retrieval encoder: a small transformer over the app's frozen GloVe word vectors, on top of the
rarity-weighted average of those vectors (the retriever's existing dense signal, lib/retrieval/dense.ts).

Input: a text's distinct content words, in order, as their GloVe vectors (unit length) and rarity weights
(log(1 + rank / 100), lib/retrieval/word-vectors.ts; 0 marks padding). Output: one unit vector.
  h        = transformer(vectors @ W_in + position)                  (pre-LayerNorm, key padding mask)
  weighted = sum_i vectors_i * weights_i * 2 sigmoid(h_i . g)        (the context re-weights each word)
  shift    = mean_i (h_i @ W_out) * |sum_i vectors_i * weights_i|    (and moves the text's direction)
  output   = normalize(weighted + shift)
W_out and g start at zero, so before training the output is exactly the dense signal's vector, and training
can only move away from it where the corpus pairs say so. Written with plain matrix products so that the
ONNX export is a handful of standard operators (export_encoder.py) that ONNX Runtime Web runs in the worker.
"""
import math

import torch
import torch.nn.functional as F

GLOVE_DIMENSIONS = 100


class Layer(torch.nn.Module):
    def __init__(self, d, heads, ff, dropout):
        super().__init__()
        self.heads = heads
        self.ln1 = torch.nn.LayerNorm(d)
        self.qkv = torch.nn.Linear(d, 3 * d)
        self.proj = torch.nn.Linear(d, d)
        self.ln2 = torch.nn.LayerNorm(d)
        self.ff1 = torch.nn.Linear(d, ff)
        self.ff2 = torch.nn.Linear(ff, d)
        self.drop = torch.nn.Dropout(dropout)

    def forward(self, x, bias):
        b, n, d = x.shape
        h = self.heads
        q, k, v = self.qkv(self.ln1(x)).split(d, dim=-1)
        q = q.reshape(b, n, h, d // h).transpose(1, 2)
        k = k.reshape(b, n, h, d // h).transpose(1, 2)
        v = v.reshape(b, n, h, d // h).transpose(1, 2)
        att = torch.softmax(q @ k.transpose(-1, -2) / math.sqrt(d // h) + bias, dim=-1)
        y = (att @ v).transpose(1, 2).reshape(b, n, d)
        x = x + self.drop(self.proj(y))
        return x + self.drop(self.ff2(F.gelu(self.ff1(self.ln2(x)))))


class Encoder(torch.nn.Module):
    def __init__(self, d=128, layers=2, heads=4, ff=256, max_words=64, dropout=0.1):
        super().__init__()
        self.max_words = max_words
        self.inp = torch.nn.Linear(GLOVE_DIMENSIONS, d)
        self.pos = torch.nn.Parameter(torch.zeros(max_words, d))
        torch.nn.init.normal_(self.pos, std=0.02)
        self.layers = torch.nn.ModuleList([Layer(d, heads, ff, dropout) for _ in range(layers)])
        self.ln = torch.nn.LayerNorm(d)
        self.gate = torch.nn.Linear(d, 1)
        self.out = torch.nn.Linear(d, GLOVE_DIMENSIONS)
        for p in (self.gate.weight, self.gate.bias, self.out.weight, self.out.bias):
            torch.nn.init.zeros_(p)

    def forward(self, vectors, weights):
        """vectors [B, n, 100] (unit GloVe rows, zeros for padding), weights [B, n] (0 for padding)."""
        n = vectors.shape[1]
        mask = (weights > 0).to(vectors.dtype)
        bias = ((1.0 - mask) * -1e4)[:, None, None, :]
        x = self.inp(vectors) + self.pos[:n]
        for layer in self.layers:
            x = layer(x, bias)
        x = self.ln(x)
        base = (vectors * weights[..., None]).sum(1)
        mult = 2 * torch.sigmoid(self.gate(x).squeeze(-1))
        weighted = (vectors * (weights * mult)[..., None]).sum(1)
        count = mask.sum(1, keepdim=True).clamp(min=1.0)
        shift = (self.out(x) * mask[..., None]).sum(1) / count
        y = weighted + shift * torch.sqrt((base * base).sum(-1, keepdim=True))
        return y / torch.sqrt((y * y).sum(-1, keepdim=True)).clamp(min=1e-9)
