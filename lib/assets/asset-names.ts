/**
 * What a downloaded file is, in words a visitor reads, and the command that builds it, for a developer: from
 * its URL path, so every message about a file names it the same way.
 */
const NAMES = [
  { prefix: "/asset-manifest.json", asset: "list of the site's files", build: "npm run build" },
  { prefix: "/models/fine-tuned-article/", asset: "article-only fine-tuned model", build: "npm run train" },
  { prefix: "/models/fine-tuned/", asset: "fine-tuned model", build: "npm run train" },
  { prefix: "/models/reader/", asset: "reader model", build: "npm run train" },
  { prefix: "/models/", asset: "model", build: "npm run train" },
  { prefix: "/wasm/", asset: "model runtime (WebAssembly)", build: "npm ci (copied at install)" },
  { prefix: "/retrieval/word-vectors", asset: "word vectors", build: "npm run build:vectors" },
  { prefix: "/retrieval/", asset: "search index", build: "npm run build:index" },
] as const;

export function describeAsset(path: string): { asset: string; build: string } {
  const name = NAMES.find((entry) => path.startsWith(entry.prefix));
  return name ? { asset: name.asset, build: name.build } : { asset: "file", build: "npm run build" };
}
