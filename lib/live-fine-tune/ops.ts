import * as tf from "@tensorflow/tfjs-core";

/** The last two axes swapped, materialised: a plain matMul of it is fast on the WebAssembly backend. */
function swapLastTwo(x: tf.Tensor): tf.Tensor {
  const perm = x.shape.map((_, i) => i);
  const last = perm.length - 1;
  [perm[last - 1], perm[last]] = [perm[last] ?? last, perm[last - 1] ?? last - 1];
  return tf.transpose(x, perm);
}

/**
 * a @ b with a gradient that transposes explicitly and then multiplies plainly. The stock gradient asks the
 * WebAssembly backend for transposed matMuls, which it runs many times slower than a plain one; the values
 * are the same (a unit test compares them with the stock gradient).
 */
export const matMul = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
  const [a, b, save] = args as [tf.Tensor, tf.Tensor, tf.GradSaveFunc];
  save([a, b]);
  return {
    value: tf.matMul(a, b),
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const [sa, sb] = saved as [tf.Tensor, tf.Tensor];
      return [tf.matMul(dy, swapLastTwo(sb)), tf.matMul(swapLastTwo(sa), dy)];
    },
  };
}) as (a: tf.Tensor, b: tf.Tensor) => tf.Tensor;

/**
 * Rows of a matrix by index, with a gradient built on scatterND (which sums the rows picked more than once):
 * the stock gradient of gather needs UnsortedSegmentSum, a kernel the WebAssembly backend does not have.
 */
export function gatherRows(matrix: tf.Tensor2D, indices: tf.Tensor1D): tf.Tensor2D {
  const [rows = 0, cols = 0] = matrix.shape;
  const gather = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [m, save] = args as [tf.Tensor, tf.GradSaveFunc];
    save([indices]);
    return {
      value: tf.gather(m, indices),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [ids] = saved as [tf.Tensor1D];
        return tf.scatterND(tf.expandDims(ids, 1), dy, [rows, cols]);
      },
    };
  });
  return gather(matrix) as tf.Tensor2D;
}
