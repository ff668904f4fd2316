"""Write the GPT-2 graph by hand with ONNX Runtime's fused operators, instead of tracing it with torch.onnx.

Why: the traced graph runs as ~170 small operators a step, and in WebAssembly each operator's fixed cost, not
arithmetic, dominates a 4-layer model's step. Here a layer is eight operators: MatMul, Split and
MultiHeadAttention (com.microsoft, causal, with the key/value cache), MatMul, SkipLayerNormalization, MatMul,
FastGelu (GPT-2's tanh GELU, bias included), MatMul; the residual sums come out of SkipLayerNormalization.

The inputs and outputs keep the layout Transformers.js expects of a GPT-2 model (input_ids, attention_mask,
position_ids, past_key_values.{i}.key|value in, logits and present.{i}.key|value out, (batch, heads, sequence,
head size)), and the weights are the same int8 values with per-row scales behind DequantizeLinear, so the
PyTorch references of export.py apply unchanged.
"""
import numpy as np
from onnx import TensorProto, helper, numpy_helper

OPSET = 17  # LayerNormalization
MS_DOMAIN = 'com.microsoft'
EPS = 1e-5

# What a model card says about the shipped graph (make_cards.py, reader/make_reader_card.py).
CARD_ONNX = {
    'file': 'onnx/model_quantized.onnx', 'dtype': 'q8',
    'quantization': 'int8 weights (per-row symmetric scales) + DequantizeLinear; biases and LayerNorm fp32; '
                    'activations fp32',
    'graph': 'written by training/fused_onnx.py with ONNX Runtime\'s fused operators (MultiHeadAttention, '
             'SkipLayerNormalization, FastGelu)',
    'opset': OPSET, 'kv_cache': 'float16 between steps, float32 within one',
    'runtime': 'Transformers.js 4.3.1 (onnxruntime)',
}


class _Graph:
    def __init__(self):
        self.nodes, self.inits = [], []

    def node(self, op, inputs, outputs, domain='', **attrs):
        name = f'{op}_{len(self.nodes)}'
        self.nodes.append(helper.make_node(op, inputs, outputs, name=name, domain=domain, **attrs))
        return outputs[0] if len(outputs) == 1 else outputs

    def const(self, name, array):
        self.inits.append(numpy_helper.from_array(np.ascontiguousarray(array), name))
        return name

    def int8_matrix(self, name, qi, scale, transpose):
        """An int8 matrix with one scale per row of the PyTorch weight, as DequantizeLinear. With transpose,
        the matrix is the weight's transpose (in, out) for MatMul, so the scales run along axis 1."""
        q = qi.numpy().T if transpose else qi.numpy()
        s = scale.numpy().astype(np.float32)
        self.const(name + '_quantized', q.astype(np.int8))
        self.const(name + '_scale', s)
        self.const(name + '_zero_point', np.zeros(s.shape, dtype=np.int8))
        return self.node('DequantizeLinear', [name + '_quantized', name + '_scale', name + '_zero_point'], [name],
                         axis=1 if transpose else 0)


def build_fused_model(cfg, state, qweights):
    """cfg: model.Config; state: the dequantized state dict; qweights: {name: (int8, per-row scale)}.
    The key/value cache crosses the graph's edge in float16 (model.round_cache says why)."""
    L, H, C = cfg.n_layer, cfg.n_head, cfg.n_embd
    D = C // H
    g = _Graph()
    f32 = lambda name: state[name].numpy().astype(np.float32)  # noqa: E731

    def linear_weight(name):
        qi, scale = qweights[name]
        return g.int8_matrix(name, qi, scale, transpose=True)

    wte = g.int8_matrix('wte.weight', *qweights['wte.weight'], transpose=False)
    wpe = g.int8_matrix('wpe.weight', *qweights['wpe.weight'], transpose=False)
    x = g.node('Add', [g.node('Gather', [wte, 'input_ids'], ['tok_emb']),
                       g.node('Gather', [wpe, 'position_ids'], ['pos_emb'])], ['h0'])
    mask = g.node('Cast', ['attention_mask'], ['mask_int32'], to=TensorProto.INT32)

    def ln_params(prefix):
        return g.const(prefix + '.weight', f32(prefix + '.weight')), g.const(prefix + '.bias', f32(prefix + '.bias'))

    gamma, beta = ln_params('h.0.ln_1')
    normed = g.node('LayerNormalization', [x, gamma, beta], ['h.0.ln_1.out'], axis=-1, epsilon=EPS)
    for i in range(L):
        p = f'h.{i}'
        qkv = g.node('MatMul', [normed, linear_weight(f'{p}.attn.c_attn.weight')], [f'{p}.qkv'])
        q, k, v = g.node('Split', [qkv, g.const(f'{p}.split', np.array([C, C, C], dtype=np.int64))],
                         [f'{p}.q', f'{p}.k', f'{p}.v'], axis=-1)
        past = [g.node('Cast', [f'past_key_values.{i}.{kv}'], [f'past_key_values.{i}.{kv}.float'], to=TensorProto.FLOAT)
                for kv in ('key', 'value')]
        present = [f'present.{i}.key', f'present.{i}.value']
        inner = [name + '.float' for name in present]
        attn, _, _ = g.node('MultiHeadAttention',
                            [q, k, v, g.const(f'{p}.attn.c_attn.bias', f32(f'{p}.attn.c_attn.bias')), mask, '',
                             *past],
                            [f'{p}.attn.out', *inner],
                            domain=MS_DOMAIN, num_heads=H, unidirectional=1, mask_filter_value=-1e4)
        for src, dst in zip(inner, present):
            g.node('Cast', [src], [dst], to=TensorProto.FLOAT16)
        proj = g.node('MatMul', [attn, linear_weight(f'{p}.attn.c_proj.weight')], [f'{p}.attn.proj'])
        gamma, beta = ln_params(f'{p}.ln_2')
        normed, _, _, x = g.node('SkipLayerNormalization',
                                 [proj, x, gamma, beta, g.const(f'{p}.attn.c_proj.bias', f32(f'{p}.attn.c_proj.bias'))],
                                 [f'{p}.ln_2.out', '', '', f'{p}.mid'], domain=MS_DOMAIN, epsilon=EPS)
        fc = g.node('MatMul', [normed, linear_weight(f'{p}.mlp.c_fc.weight')], [f'{p}.mlp.fc'])
        act = g.node('FastGelu', [fc, g.const(f'{p}.mlp.c_fc.bias', f32(f'{p}.mlp.c_fc.bias'))], [f'{p}.mlp.act'],
                     domain=MS_DOMAIN)
        out = g.node('MatMul', [act, linear_weight(f'{p}.mlp.c_proj.weight')], [f'{p}.mlp.out'])
        nxt = f'h.{i + 1}.ln_1' if i + 1 < L else 'ln_f'
        gamma, beta = ln_params(nxt)
        normed, _, _, x = g.node('SkipLayerNormalization',
                                 [out, x, gamma, beta, g.const(f'{p}.mlp.c_proj.bias', f32(f'{p}.mlp.c_proj.bias'))],
                                 [f'{nxt}.out', '', '', f'h{i + 1}'], domain=MS_DOMAIN, epsilon=EPS)
    # Tied embeddings: the head is the token embedding's transpose (folded once when the session loads).
    head = g.node('Transpose', [wte], ['lm_head'], perm=[1, 0])
    g.node('MatMul', [normed, head], ['logits'])

    cache = lambda name, length: helper.make_tensor_value_info(  # noqa: E731
        name, TensorProto.FLOAT16, ['batch_size', H, length, D])
    inputs = [helper.make_tensor_value_info('input_ids', TensorProto.INT64, ['batch_size', 'sequence_length']),
              helper.make_tensor_value_info('attention_mask', TensorProto.INT64,
                                            ['batch_size', 'total_sequence_length']),
              helper.make_tensor_value_info('position_ids', TensorProto.INT64, ['batch_size', 'sequence_length'])]
    outputs = [helper.make_tensor_value_info('logits', TensorProto.FLOAT,
                                             ['batch_size', 'sequence_length', cfg.vocab_size])]
    for i in range(L):
        for kv in ('key', 'value'):
            inputs.append(cache(f'past_key_values.{i}.{kv}', 'past_sequence_length'))
            outputs.append(cache(f'present.{i}.{kv}', 'total_sequence_length'))
    graph = helper.make_graph(g.nodes, 'gpt2_fused', inputs, outputs, initializer=g.inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid('', OPSET), helper.make_opsetid(MS_DOMAIN, 1)],
                              producer_name='rag-vs-fine-tuning training/fused_onnx.py')
    model.ir_version = 8
    return model
