/**
 * Writes public/asset-manifest.json: the size and SHA-256 of every file the workers download (each model's
 * files, the WebAssembly runtime, the search index, classifier and word vectors). The workers check each
 * download against it (lib/assets/). Runs after build:index, before every build and dev start.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import type { AssetManifest } from "../lib/assets/manifest";

const PUBLIC = "public";
const FOLDERS = ["models", "wasm", "retrieval"];
// What the workers fetch; model cards and loss curves are for people, not for the workers.
const DOWNLOADED = /\.(json|onnx|wasm|mjs|bin)$/;
const SKIPPED = /(^|\/)model-card\.json$/;

function walk(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const files: Record<string, AssetManifest["files"][string]> = {};
for (const path of FOLDERS.flatMap((folder) => walk(join(PUBLIC, folder))).sort()) {
  const url = `/${relative(PUBLIC, path).split(sep).join("/")}`;
  if (!DOWNLOADED.test(url) || SKIPPED.test(url)) continue;
  const bytes = readFileSync(path);
  files[url] = { bytes: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex") };
}
const manifest: AssetManifest = { version: 1, files };
writeFileSync(join(PUBLIC, "asset-manifest.json"), `${JSON.stringify(manifest, null, 1)}\n`);
console.log(`wrote public/asset-manifest.json (${Object.keys(files).length} files)`);
