import { SIMILARITY_KERNEL_WASM } from "./similarity-kernel-wasm";

export interface KernelExports {
  memory: WebAssembly.Memory;
  similarities(
    query: number,
    matrix: number,
    stems: number,
    count: number,
    bytes: number,
    stem: number,
    scale: number,
    floor: number,
    limit: number,
    out: number,
  ): void;
  dots(query: number, matrix: number, count: number, bytes: number, out: number): void;
  views(
    table: number,
    count: number,
    weights: number,
    terms: number,
    total: number,
    beta2: number,
    views: number,
    offsets: number,
    n: number,
    best: number,
    out: number,
  ): void;
}

export interface SimilarityKernelOptions {
  /** Vector components per word. */
  dimensions: number;
  /** Divides a dot product of two stored vectors into a cosine. */
  scale: number;
  /** Cosines at or under it count 0; the rest are stretched over (0, 1]. */
  floor: number;
}

const PAGE_BYTES = 65_536;

/** Grows `memory` to hold at least `bytes` (growing detaches views made over the old buffer). */
export function reserveBytes(memory: WebAssembly.Memory, bytes: number): void {
  const short = bytes - memory.buffer.byteLength;
  if (short > 0) memory.grow(Math.ceil(short / PAGE_BYTES));
}
const MIN_CAPACITY = 1024;

let compiled: WebAssembly.Module | null = null;

/** A fresh instance of the kernels' module, with a memory of its own. */
export function instantiateKernels(): KernelExports {
  compiled ??= new WebAssembly.Module(Uint8Array.from(atob(SIMILARITY_KERNEL_WASM), (c) => c.charCodeAt(0)));
  return new WebAssembly.Instance(compiled, {}).exports as unknown as KernelExports;
}

/**
 * The largest integer dot product whose cosine (dot / scale, in float64) is at or under `floor`. Division by
 * a positive number is monotonic in float64, so for an integer dot, `dot <= limit` exactly when
 * `dot / scale <= floor`: the kernel compares integers and divides only for the few related words.
 */
export function floorDot(scale: number, floor: number): number {
  let limit = Math.floor(floor * scale);
  while ((limit + 1) / scale <= floor) limit++;
  while (limit / scale > floor) limit--;
  return limit;
}

/**
 * The vocabulary's word vectors and stem ids in WebAssembly memory, and the loop that compares one question
 * word with all of them (similarity-kernel.wat). In JavaScript that loop ran at whatever tier V8 had reached
 * for it, so the first questions after a page load mostly ran it unoptimised; WebAssembly is compiled before
 * the first call, and its SIMD beats even optimised JavaScript (docs/performance.md). The results are
 * bit-identical to the JavaScript it replaced. The app already needs WebAssembly SIMD for ONNX Runtime.
 *
 * Memory layout: the query vector, then `capacity` int8 vectors, `capacity` stem ids and `capacity` results.
 */
export function createSimilarityKernel({ dimensions, scale, floor }: SimilarityKernelOptions) {
  // int8 components, padded to whole 16-byte lanes so that the stem ids behind the matrix stay aligned.
  const bytes = Math.ceil(dimensions / 16) * 16;
  const exports = instantiateKernels();
  const { memory } = exports;
  const matrixAt = bytes;
  const limit = floorDot(scale, floor);
  let capacity = 0;
  let size = 0;
  let query = new Int8Array(0);
  let matrix = new Int8Array(0);
  let stems = new Int32Array(0);
  let results = new Float32Array(0);

  // Views over the memory, made again after it grows (growing detaches the old buffer).
  function layOut(): void {
    const { buffer } = memory;
    query = new Int8Array(buffer, 0, bytes);
    matrix = new Int8Array(buffer, matrixAt, capacity * bytes);
    stems = new Int32Array(buffer, matrixAt + capacity * bytes, capacity);
    results = new Float32Array(buffer, stems.byteOffset + capacity * 4, capacity);
  }

  function reserve(words: number): void {
    if (words <= capacity) return;
    const kept = stems.slice(0, size);
    const next = Math.max(words, capacity * 2, MIN_CAPACITY);
    const needed = matrixAt + next * (bytes + 8);
    reserveBytes(memory, needed);
    capacity = next;
    layOut();
    // The vectors stay where they were; the stem ids move up behind the larger matrix.
    stems.set(kept);
  }

  layOut();
  return {
    size: () => size,
    /** Appends a word: its vector (empty when it has none) and the id of its stem. */
    add(vector: ArrayLike<number>, stem: number): void {
      reserve(size + 1);
      // Zeroed first: after a growth this space held the stem ids and results.
      matrix.fill(0, size * bytes, (size + 1) * bytes);
      matrix.set(vector, size * bytes);
      stems[size] = stem;
      size++;
    },
    /**
     * Writes into `into[from..size)` each word's similarity to `vector` (empty when the question word has
     * none): 1 for the stem id `stem`, else the cosine discounted by the floor.
     */
    similarities(vector: ArrayLike<number>, stem: number, from: number, into: Float32Array): void {
      if (from >= size) return;
      query.fill(0);
      query.set(vector);
      exports.similarities(
        query.byteOffset,
        matrixAt + from * bytes,
        stems.byteOffset + from * 4,
        size - from,
        bytes,
        stem,
        scale,
        floor,
        limit,
        results.byteOffset + from * 4,
      );
      into.set(results.subarray(from, size), from);
    },
  };
}

export type SimilarityKernel = ReturnType<typeof createSimilarityKernel>;
