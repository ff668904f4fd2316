/** Node's way to the shipped model and tfjs's WebAssembly files: from disk instead of the app's URLs. */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { startBackend } from "./backend";
import { loadShippedModel, type ShippedModel } from "./shipped";

export const SHIPPED_MODEL_DIR = join(process.cwd(), "public", "models", "fine-tuned");

/** tfjs-backend-wasm's dist folder, where its .wasm files are, found through the package's main entry. */
export function tfjsWasmFolder(): string {
  return `${dirname(createRequire(join(process.cwd(), "package.json")).resolve("@tensorflow/tfjs-backend-wasm"))}/`;
}

export async function loadShippedInNode(folder: string = SHIPPED_MODEL_DIR): Promise<ShippedModel> {
  await startBackend(tfjsWasmFolder());
  return loadShippedModel(async (file) => new Uint8Array(await readFile(join(folder, file))));
}
