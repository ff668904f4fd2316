/**
 * The shipped model's weights, read back from its int8 ONNX file (training/fused_onnx.py wrote it) and
 * dequantized to float32 GPT-2 weights: the page has already downloaded that file, so live fine-tuning
 * starts from it rather than from a second, four-times-larger float copy.
 */

/** A float tensor as plain data: it crosses worker boundaries and feeds tfjs in Node and the browser alike. */
export interface WeightTensor {
  shape: number[];
  data: Float32Array;
}

export interface GptConfig {
  vocabSize: number;
  nPositions: number;
  nEmbd: number;
  nLayer: number;
  nHead: number;
  eosTokenId: number;
}

/** GPT-2 weights by Hugging Face's names (linear weights as (in, out), the Conv1D layout). */
export type GptWeights = Record<string, WeightTensor>;

interface Initializer {
  dims: number[];
  dataType: number;
  raw: Uint8Array;
}

const FLOAT = 1;
const INT8 = 3;

/**
 * The graph's initializers, from the protobuf wire format. Only ModelProto.graph (7), GraphProto.initializer
 * (5) and a TensorProto's dims (1), data_type (2), name (8) and raw_data (9) matter here, and they use two wire
 * types: varints and length-delimited fields. Everything else is skipped.
 */
export function readInitializers(bytes: Uint8Array): Map<string, Initializer> {
  let pos = 0;
  const varint = () => {
    let value = 0;
    let scale = 1;
    for (;;) {
      const byte = bytes[pos++];
      if (byte === undefined) throw new Error("The ONNX file ends inside a number.");
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 128;
    }
  };
  // Calls `field` for each field of the message that ends at `end`; `field` consumes a length-delimited value.
  const fields = (end: number, field: (number: number, wire: number, length: number) => void) => {
    while (pos < end) {
      const key = varint();
      const wire = key & 7;
      if (wire === 0) field(key >>> 3, wire, varint());
      else if (wire === 2) {
        const length = varint();
        const stop = pos + length;
        field(key >>> 3, wire, length);
        pos = stop;
      } else if (wire === 1) pos += 8;
      else if (wire === 5) pos += 4;
      else throw new Error(`Unsupported protobuf wire type ${wire} in the ONNX file.`);
    }
  };
  const initializers = new Map<string, Initializer>();
  const tensor = (end: number) => {
    const found: Initializer & { name: string } = { name: "", dims: [], dataType: 0, raw: new Uint8Array() };
    fields(end, (number, wire, value) => {
      if (number === 1 && wire === 0) found.dims.push(value);
      else if (number === 1) {
        const stop = pos + value;
        while (pos < stop) found.dims.push(varint());
      } else if (number === 2) found.dataType = value;
      else if (number === 8) found.name = new TextDecoder().decode(bytes.subarray(pos, pos + value));
      else if (number === 9) found.raw = bytes.subarray(pos, pos + value);
    });
    initializers.set(found.name, { dims: found.dims, dataType: found.dataType, raw: found.raw });
  };
  fields(bytes.length, (number, wire, length) => {
    if (number !== 7 || wire !== 2) return;
    fields(pos + length, (inner, innerWire, innerLength) => {
      if (inner === 5 && innerWire === 2) tensor(pos + innerLength);
    });
  });
  return initializers;
}

function floats(init: Initializer, name: string): Float32Array {
  if (init.dataType !== FLOAT) throw new Error(`${name} is not a float tensor in the ONNX file.`);
  // The raw bytes may sit at any offset of the file: copy them to an aligned buffer.
  return new Float32Array(init.raw.slice().buffer);
}

/**
 * An int8 matrix times its per-row scales, as DequantizeLinear computes it. `axis` says which dimension the
 * scales run along: 0 for the embeddings (one scale per token), 1 for the linear weights stored as (in, out).
 */
function dequantize(initializers: Map<string, Initializer>, name: string, axis: 0 | 1): WeightTensor {
  const q = initializers.get(`${name}_quantized`);
  const s = initializers.get(`${name}_scale`);
  if (!q || !s) throw new Error(`The ONNX file has no quantized weight ${name}.`);
  if (q.dataType !== INT8 || q.dims.length !== 2) throw new Error(`${name} is not an int8 matrix.`);
  const [rows = 0, cols = 0] = q.dims;
  const scales = floats(s, `${name}_scale`);
  const values = new Int8Array(q.raw.buffer, q.raw.byteOffset, q.raw.byteLength);
  const data = new Float32Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const i = r * cols + c;
      data[i] = (values[i] ?? 0) * (scales[axis === 0 ? r : c] ?? 0);
    }
  }
  return { shape: [rows, cols], data };
}

function vector(initializers: Map<string, Initializer>, name: string): WeightTensor {
  const init = initializers.get(name);
  if (!init) throw new Error(`The ONNX file has no ${name}.`);
  const data = floats(init, name);
  return { shape: [data.length], data };
}

/** The names of a model's trainable tensors, in a fixed order. */
export function weightNames(config: GptConfig): string[] {
  const names = ["wte", "wpe"];
  for (let i = 0; i < config.nLayer; i++) {
    for (const part of ["ln_1", "attn.c_attn", "attn.c_proj", "ln_2", "mlp.c_fc", "mlp.c_proj"]) {
      names.push(`h.${i}.${part}.weight`, `h.${i}.${part}.bias`);
    }
  }
  names.push("ln_f.weight", "ln_f.bias");
  return names;
}

/**
 * The shipped model's weights as float32 GPT-2 tensors. In the fused graph a layer's LayerNorms are named
 * after where they sit (h.i.ln_1 feeds block i, h.i.ln_2 its MLP, ln_f the head), exactly as in GPT-2.
 */
export function gptWeightsFromOnnx(bytes: Uint8Array, config: GptConfig): GptWeights {
  const initializers = readInitializers(bytes);
  const weights: GptWeights = {
    wte: dequantize(initializers, "wte.weight", 0),
    wpe: dequantize(initializers, "wpe.weight", 0),
    "ln_f.weight": vector(initializers, "ln_f.weight"),
    "ln_f.bias": vector(initializers, "ln_f.bias"),
  };
  for (let i = 0; i < config.nLayer; i++) {
    const p = `h.${i}`;
    for (const ln of ["ln_1", "ln_2"]) {
      weights[`${p}.${ln}.weight`] = vector(initializers, `${p}.${ln}.weight`);
      weights[`${p}.${ln}.bias`] = vector(initializers, `${p}.${ln}.bias`);
    }
    for (const linear of ["attn.c_attn", "attn.c_proj", "mlp.c_fc", "mlp.c_proj"]) {
      weights[`${p}.${linear}.weight`] = dequantize(initializers, `${p}.${linear}.weight`, 1);
      weights[`${p}.${linear}.bias`] = vector(initializers, `${p}.${linear}.bias`);
    }
  }
  const [vocab, embd] = weights.wte?.shape ?? [];
  if (vocab !== config.vocabSize || embd !== config.nEmbd) {
    throw new Error(`The ONNX file's embeddings are ${vocab}x${embd}, not what config.json says.`);
  }
  return weights;
}

/** The parts of a Transformers.js config.json this code reads. */
export function gptConfig(json: {
  vocab_size: number;
  n_positions: number;
  n_embd: number;
  n_layer: number;
  n_head: number;
  eos_token_id: number;
}): GptConfig {
  return {
    vocabSize: json.vocab_size,
    nPositions: json.n_positions,
    nEmbd: json.n_embd,
    nLayer: json.n_layer,
    nHead: json.n_head,
    eosTokenId: json.eos_token_id,
  };
}

export const parameterCount = (weights: GptWeights) =>
  Object.values(weights).reduce((sum, tensor) => sum + tensor.data.length, 0);
