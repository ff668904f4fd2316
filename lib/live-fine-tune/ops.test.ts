import { join } from "node:path";
import * as tf from "@tensorflow/tfjs-core";
import { beforeAll, describe, expect, it } from "vitest";
import { startBackend } from "./backend";
import { gatherRows, matMul } from "./ops";

beforeAll(() => startBackend(join(process.cwd(), "node_modules/@tensorflow/tfjs-backend-wasm/dist/")));

const close = async (a: tf.Tensor, b: tf.Tensor) => {
  const [x, y] = [await a.data(), await b.data()];
  let worst = 0;
  for (let i = 0; i < x.length; i++)
    worst = Math.max(worst, Math.abs((x[i] ?? 0) - (y[i] ?? 0)) / (Math.abs(y[i] ?? 0) + 1e-3));
  return worst;
};

describe("custom gradients", () => {
  it("matMul's explicit-transpose gradient equals the stock one, 2-D and batched", async () => {
    for (const [sa, sb] of [
      [
        [5, 7],
        [7, 3],
      ],
      [
        [2, 3, 4, 6],
        [2, 3, 6, 5],
      ],
    ] as const) {
      const a = tf.randomNormal([...sa], 0, 1, "float32", 1);
      const b = tf.randomNormal([...sb], 0, 1, "float32", 2);
      const w = tf.randomNormal([...sa.slice(0, -1), sb[sb.length - 1] ?? 1], 0, 1, "float32", 3);
      const loss = (mm: (x: tf.Tensor, y: tf.Tensor) => tf.Tensor) => (x: tf.Tensor, y: tf.Tensor) =>
        tf.sum(tf.mul(mm(x, y), w));
      const custom = tf.grads(loss(matMul))([a, b]);
      const stock = tf.grads(loss((x, y) => tf.matMul(x, y)))([a, b]);
      for (const i of [0, 1])
        expect(await close(custom[i] as tf.Tensor, stock[i] as tf.Tensor)).toBeLessThan(1e-5);
    }
  });
  it("gatherRows sums the gradient of a row picked twice", async () => {
    const m = tf.tensor2d([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    const ids = tf.tensor1d([2, 0, 2], "int32");
    const g = tf.grad((x: tf.Tensor) => tf.sum(gatherRows(x as tf.Tensor2D, ids)))(m);
    expect(Array.from(await g.data())).toEqual([1, 1, 0, 0, 2, 2]);
  });
});
