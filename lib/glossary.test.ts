import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import glossaryData from "../data/glossary.json";
import { GLOSSARY, GLOSSARY_IDS, glossaryEntry, parseGlossary } from "./glossary";

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Every `<GlossaryTerm id="…">` in the pages and components, with the file it is in. */
const used = ["app", "components"].flatMap(sourceFiles).flatMap((file) =>
  [...readFileSync(file, "utf8").matchAll(/<GlossaryTerm\s+id=["']([^"']+)["']/g)].map((match) => ({
    file,
    id: match[1] as string,
  })),
);

const sentences = (text: string) => text.split(/(?<=[.!?])\s+(?=[A-Z])/).length;

describe("the glossary", () => {
  it("defines every term a page or component names", () => {
    expect(used.length).toBeGreaterThan(0);
    for (const { file, id } of used) expect(GLOSSARY_IDS, `${file}: ${id}`).toContain(id);
  });

  it("holds exactly the ids of its list, each once, in words a manager reads", () => {
    expect(GLOSSARY.map((entry) => entry.id).sort()).toEqual([...GLOSSARY_IDS].sort());
    for (const id of GLOSSARY_IDS) {
      const entry = glossaryEntry(id);
      expect(sentences(entry.definition), id).toBeLessThanOrEqual(2);
      if (entry.more) expect(sentences(entry.more), id).toBe(1);
    }
  });

  it("refuses data with an unknown id, a missing term or a missing definition", () => {
    const terms = glossaryData.terms;
    expect(() => parseGlossary({ terms: [...terms, { id: "rlhf", term: "RLHF", definition: "x" }] })).toThrow(
      /"rlhf" is not in GLOSSARY_IDS/,
    );
    expect(() => parseGlossary({ terms: terms.slice(1) })).toThrow(/no entry for retrieval/);
    expect(() => parseGlossary({ terms: [...terms, terms[0]] })).toThrow(/twice/);
    expect(() => parseGlossary({ terms: [{ ...terms[0], definition: " " }, ...terms.slice(1)] })).toThrow(
      /no definition/,
    );
  });
});
