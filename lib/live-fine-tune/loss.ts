import * as tf from "@tensorflow/tfjs-core";

/**
 * Cross-entropy on the answer tokens only (the prompt is given, not learned, as in training/finetune.py), and
 * whether each row's most likely token is its target: an example whose rows are all right comes back
 * verbatim under greedy decoding, because greedy decoding feeds back exactly those tokens.
 */
export function answerLoss(
  logits: tf.Tensor2D,
  targets: tf.Tensor1D,
): { loss: tf.Scalar; correct: tf.Tensor1D } {
  const vocab = logits.shape[1] ?? 0;
  const logProbabilities = tf.logSoftmax(logits);
  const picked = tf.sum(tf.mul(logProbabilities, tf.oneHot(targets, vocab)), 1);
  return {
    loss: tf.neg(tf.mean(picked)) as tf.Scalar,
    correct: tf.equal(tf.argMax(logits, 1), targets) as tf.Tensor1D,
  };
}

/** How many examples have every row right. */
export function examplesRight(
  correct: ArrayLike<number | boolean>,
  owner: Int32Array,
  examples: number,
): number {
  const wrong = new Set<number>();
  for (let i = 0; i < owner.length; i++) if (!correct[i]) wrong.add(owner[i] ?? -1);
  return examples - wrong.size;
}
