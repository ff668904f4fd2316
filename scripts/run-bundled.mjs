// Runs a TypeScript entry that uses TensorFlow.js in Node: tfjs-core registers its gradients from ES module
// files with extensionless imports that Node's own loader (and so tsx) cannot resolve, so the entry is
// bundled with esbuild first (as webpack bundles the same code for the page), then run in this process.
//   node scripts/run-bundled.mjs scripts/fine-tune-live.ts [args...]
import { mkdirSync } from "node:fs";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  process.stderr.write("usage: node scripts/run-bundled.mjs ENTRY.ts [args...]\n");
  process.exit(2);
}
const folder = join(process.cwd(), "node_modules", ".cache", "run-bundled");
mkdirSync(folder, { recursive: true });
const outfile = join(folder, `${basename(entry).replace(/\.ts$/, "")}.cjs`);
await build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  // tfjs's ES module build, the one its gradient registrations import from (its CommonJS build is a copy).
  mainFields: ["module", "main"],
  // Transformers.js and its native runtime stay Node packages, loaded as usual when an entry uses them.
  external: ["@huggingface/transformers", "onnxruntime-node", "sharp", "@playwright/test", "playwright-core"],
  logLevel: "warning",
});
process.argv = [process.argv[0], outfile, ...args];
await import(pathToFileURL(outfile).href);
