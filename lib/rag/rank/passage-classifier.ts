import { createError } from "../../errors";
import { CLASSIFIER_TRAINING } from "../settings";

/**
 * A passage classifier: softmax regression from a question's words to the passage that answers it, learned
 * from the questions written for each passage (and the passage's own words). The soft matcher compares a
 * question with each written question on its own, so a topic word every passage shares ("RAG",
 * "fine-tuning") weighs as much as the word that tells passages apart ("author"); the classifier learns, per
 * passage, which words tell it apart. It is one more ranking signal beside BM25, the soft matcher and the dense
 * cosine (retriever.ts), with the weight CLASSIFIER_WEIGHT (settings.ts).
 */

export interface ClassifierExample {
  /** The question's stems (analyzer.ts), each counted once. */
  stems: readonly string[];
  /** The question's averaged word vector (dense.ts), unit length or zeros. */
  embedding: ArrayLike<number>;
  /** The passages it was written for (one, or several that hold the same evidence). */
  labels: readonly string[];
}

export interface PassageClassifierModel {
  /** Passage ids, one per class. */
  classes: string[];
  /** The stems it knows, one binary feature each, before the embedding's dimensions. */
  stems: string[];
  dimensions: number;
  /** The embedding's features are multiplied by this, so they weigh like a few stems. */
  embeddingScale: number;
  /** Feature-major: feature f's weight for class c is `weights[f * classes.length + c]`. */
  weights: Float32Array;
  bias: Float32Array;
}

export interface TrainingOptions {
  epochs?: number;
  learningRate?: number;
  /** L2 penalty on the weights (not the biases), added to the mean cross-entropy. */
  weightDecay?: number;
  embeddingScale?: number;
}

/** A question's features as indices (stems) and one dense block (the embedding), ready for the model. */
interface Encoded {
  stems: Int32Array;
  embedding: Float32Array;
}

function encoder(stems: readonly string[], dimensions: number, embeddingScale: number) {
  const index = new Map(stems.map((stem, i) => [stem, i]));
  return (example: Pick<ClassifierExample, "stems" | "embedding">): Encoded => {
    const known = [...new Set(example.stems)].flatMap((stem) => {
      const i = index.get(stem);
      return i === undefined ? [] : [i];
    });
    const embedding = new Float32Array(dimensions);
    for (let d = 0; d < dimensions; d++) embedding[d] = (Number(example.embedding[d]) || 0) * embeddingScale;
    return { stems: Int32Array.from(known), embedding };
  };
}

/** Writes the class scores (logits) of one encoded question into `into`. */
function logitsOf(
  model: Pick<PassageClassifierModel, "weights" | "bias" | "stems">,
  classes: number,
  x: Encoded,
  into: Float64Array,
): void {
  const { weights, bias } = model;
  for (let c = 0; c < classes; c++) into[c] = bias[c] as number;
  for (const f of x.stems) {
    const row = f * classes;
    for (let c = 0; c < classes; c++) into[c] = (into[c] as number) + (weights[row + c] as number);
  }
  const offset = model.stems.length;
  for (let d = 0; d < x.embedding.length; d++) {
    const value = x.embedding[d] as number;
    if (value === 0) continue;
    const row = (offset + d) * classes;
    for (let c = 0; c < classes; c++) into[c] = (into[c] as number) + value * (weights[row + c] as number);
  }
}

/** Turns logits into probabilities in place. */
function softmax(values: Float64Array): void {
  let max = -Infinity;
  for (const value of values) max = Math.max(max, value);
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const e = Math.exp((values[i] as number) - max);
    values[i] = e;
    sum += e;
  }
  for (let i = 0; i < values.length; i++) values[i] = (values[i] as number) / sum;
}

/**
 * Full-batch Adam on the mean cross-entropy plus an L2 penalty. Deterministic: the weights start at zero and
 * the examples are taken in order, so the same examples always give the same model.
 */
export function trainPassageClassifier(
  examples: readonly ClassifierExample[],
  dimensions: number,
  options: TrainingOptions = {},
): PassageClassifierModel {
  const { epochs, learningRate, weightDecay, embeddingScale } = { ...CLASSIFIER_TRAINING, ...options };
  const classes = [...new Set(examples.flatMap((example) => example.labels))];
  const classIndex = new Map(classes.map((id, i) => [id, i]));
  const stems = [...new Set(examples.flatMap((example) => example.stems))];
  const encode = encoder(stems, dimensions, embeddingScale);
  const rows = examples
    .filter((example) => example.labels.length > 0)
    .map((example) => ({
      x: encode(example),
      targets: example.labels.map((label) => classIndex.get(label) as number),
    }));
  const C = classes.length;
  const F = stems.length + dimensions;
  const model = {
    classes,
    stems,
    dimensions,
    embeddingScale,
    weights: new Float32Array(F * C),
    bias: new Float32Array(C),
  };
  const parameters = [model.weights, model.bias];
  const gradients = parameters.map((p) => new Float64Array(p.length));
  const first = parameters.map((p) => new Float64Array(p.length));
  const second = parameters.map((p) => new Float64Array(p.length));
  const [gradW, gradB] = gradients as [Float64Array, Float64Array];
  const probabilities = new Float64Array(C);
  const beta1 = 0.9;
  const beta2 = 0.999;
  for (let epoch = 1; epoch <= epochs; epoch++) {
    for (const gradient of gradients) gradient.fill(0);
    for (const { x, targets } of rows) {
      logitsOf(model, C, x, probabilities);
      softmax(probabilities);
      for (const target of targets)
        probabilities[target] = (probabilities[target] as number) - 1 / targets.length;
      for (let c = 0; c < C; c++) probabilities[c] = (probabilities[c] as number) / rows.length;
      for (let c = 0; c < C; c++) gradB[c] = (gradB[c] as number) + (probabilities[c] as number);
      for (const f of x.stems) {
        const row = f * C;
        for (let c = 0; c < C; c++)
          gradW[row + c] = (gradW[row + c] as number) + (probabilities[c] as number);
      }
      for (let d = 0; d < dimensions; d++) {
        const value = x.embedding[d] as number;
        if (value === 0) continue;
        const row = (stems.length + d) * C;
        for (let c = 0; c < C; c++)
          gradW[row + c] = (gradW[row + c] as number) + value * (probabilities[c] as number);
      }
    }
    for (let i = 0; i < gradW.length; i++)
      gradW[i] = (gradW[i] as number) + 2 * weightDecay * (model.weights[i] as number);
    const correction1 = 1 - beta1 ** epoch;
    const correction2 = 1 - beta2 ** epoch;
    parameters.forEach((parameter, p) => {
      const gradient = gradients[p] as Float64Array;
      const m = first[p] as Float64Array;
      const v = second[p] as Float64Array;
      for (let i = 0; i < parameter.length; i++) {
        const g = gradient[i] as number;
        m[i] = beta1 * (m[i] as number) + (1 - beta1) * g;
        v[i] = beta2 * (v[i] as number) + (1 - beta2) * g * g;
        parameter[i] =
          (parameter[i] as number) -
          (learningRate * ((m[i] as number) / correction1)) /
            (Math.sqrt((v[i] as number) / correction2) + 1e-8);
      }
    });
  }
  return model;
}

/** Scores questions with a trained model: each class's probability, by passage id. */
export function createPassageClassifier(model: PassageClassifierModel) {
  const encode = encoder(model.stems, model.dimensions, model.embeddingScale);
  const scores = new Float64Array(model.classes.length);
  return {
    classes: model.classes as readonly string[],
    /** Valid until the next call: one array, reused from question to question. */
    probabilities(question: Pick<ClassifierExample, "stems" | "embedding">): Float64Array {
      logitsOf(model, model.classes.length, encode(question), scores);
      softmax(scores);
      return scores;
    },
  };
}

export type PassageClassifier = ReturnType<typeof createPassageClassifier>;

/**
 * The model as shipped (public/retrieval/passage-classifier.json): each feature's weights as int8 with one
 * scale per feature, about a quarter of the float size, and `source`, a hash of the texts it learned from, so
 * a reader can tell a model that no longer matches the index.
 */
export interface SavedClassifier {
  format: 1;
  source: string;
  classes: string[];
  stems: string[];
  dimensions: number;
  embeddingScale: number;
  bias: number[];
  scales: number[];
  weights: number[];
}

export function saveClassifier(model: PassageClassifierModel, source: string): SavedClassifier {
  const C = model.classes.length;
  const features = model.stems.length + model.dimensions;
  const scales: number[] = [];
  const weights: number[] = [];
  for (let f = 0; f < features; f++) {
    const row = model.weights.subarray(f * C, (f + 1) * C);
    let largest = 0;
    for (const value of row) largest = Math.max(largest, Math.abs(value));
    const scale = largest / 127;
    scales.push(Number(scale.toPrecision(6)));
    for (const value of row) weights.push(scale === 0 ? 0 : Math.round(value / (scales[f] as number)));
  }
  return {
    format: 1,
    source,
    classes: model.classes,
    stems: model.stems,
    dimensions: model.dimensions,
    embeddingScale: model.embeddingScale,
    bias: Array.from(model.bias, (value) => Number(value.toPrecision(6))),
    scales,
    weights,
  };
}

const isStrings = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === "string");
const isNumbers = (value: unknown, length: number): value is number[] =>
  Array.isArray(value) && value.length === length && value.every((item) => Number.isFinite(item));

/** Reads a saved model, checking its shape; a damaged one is an INDEX_CORRUPT error naming the file. */
export function loadClassifier(saved: unknown, file = "passage-classifier.json"): PassageClassifierModel {
  const fail = (why: string) => createError("INDEX_CORRUPT", { detail: `${file}: ${why}` });
  if (!saved || typeof saved !== "object") throw fail("not a classifier");
  const { format, classes, stems, dimensions, embeddingScale, bias, scales, weights } = saved as Partial<
    Record<keyof SavedClassifier, unknown>
  >;
  if (format !== 1) throw fail(`unknown format ${String(format)}`);
  if (!isStrings(classes) || !isStrings(stems)) throw fail("classes or stems missing");
  if (typeof dimensions !== "number" || typeof embeddingScale !== "number") throw fail("no dimensions");
  const features = stems.length + dimensions;
  if (!isNumbers(bias, classes.length) || !isNumbers(scales, features)) throw fail("wrong number of weights");
  if (!isNumbers(weights, features * classes.length)) throw fail("wrong number of weights");
  const values = new Float32Array(weights.length);
  for (let i = 0; i < weights.length; i++)
    values[i] = (weights[i] as number) * (scales[Math.floor(i / classes.length)] as number);
  return { classes, stems, dimensions, embeddingScale, weights: values, bias: Float32Array.from(bias) };
}

/** `loadClassifier` from the file's text; text that is not JSON is an INDEX_CORRUPT error too. */
export function parseClassifier(text: string, file = "passage-classifier.json"): PassageClassifierModel {
  let saved: unknown;
  try {
    saved = JSON.parse(text);
  } catch (error) {
    throw createError("INDEX_CORRUPT", {
      detail: `${file}: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
  return loadClassifier(saved, file);
}
