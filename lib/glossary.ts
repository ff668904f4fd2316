import glossaryData from "../data/glossary.json";

/**
 * The words the demo explains, by id: `<GlossaryTerm id="bm25">` on a page and `/glossary#term-bm25` both use
 * these. The list drives the id type, so a term a page names but the glossary lacks fails the type check; the
 * data file must hold exactly these ids (checked when this module loads, and by lib/glossary.test.ts).
 */
export const GLOSSARY_IDS = [
  "retrieval",
  "passage",
  "citation",
  "bm25",
  "word-vectors",
  "recall-at-3",
  "token-f1",
  "faithfulness",
  "reader-model",
  "fine-tuning",
  "int8",
  "greedy-decoding",
  "declining",
  "tokens",
  "first-token",
  "tokens-per-second",
] as const;
export type GlossaryId = (typeof GLOSSARY_IDS)[number];

export interface GlossaryEntry {
  id: GlossaryId;
  term: string;
  /** One or two sentences a reader without the background understands. */
  definition: string;
  /** One technical sentence, for those who want it. */
  more?: string;
}

const isId = (value: unknown): value is GlossaryId => GLOSSARY_IDS.includes(value as GlossaryId);

function fail(what: string): never {
  throw new Error(`data/glossary.json: ${what}`);
}

/** Reads the glossary's data, refusing an entry without its words or an id outside GLOSSARY_IDS. */
export function parseGlossary(value: unknown): GlossaryEntry[] {
  const terms = (value as { terms?: unknown } | null)?.terms;
  if (!Array.isArray(terms)) fail("no list of terms");
  const entries = terms.map((item: unknown, index): GlossaryEntry => {
    const { id, term, definition, more } = (item ?? {}) as Record<string, unknown>;
    if (!isId(id)) fail(`terms[${index}]: id ${JSON.stringify(id)} is not in GLOSSARY_IDS (lib/glossary.ts)`);
    if (typeof term !== "string" || term.trim() === "") fail(`${id}: no term`);
    if (typeof definition !== "string" || definition.trim() === "") fail(`${id}: no definition`);
    if (more !== undefined && typeof more !== "string") fail(`${id}: "more" is not text`);
    return more === undefined ? { id, term, definition } : { id, term, definition, more };
  });
  const ids = new Set(entries.map((entry) => entry.id));
  if (ids.size !== entries.length) fail("an id appears twice");
  const missing = GLOSSARY_IDS.filter((id) => !ids.has(id));
  if (missing.length > 0) fail(`no entry for ${missing.join(", ")}`);
  return entries;
}

export const GLOSSARY: readonly GlossaryEntry[] = parseGlossary(glossaryData);

const BY_ID = new Map(GLOSSARY.map((entry) => [entry.id, entry]));

export function glossaryEntry(id: GlossaryId): GlossaryEntry {
  return BY_ID.get(id) as GlossaryEntry;
}

/** The glossary page's anchor for a term: `/glossary#term-<id>`. */
export const termAnchor = (id: GlossaryId) => `term-${id}`;

export const GLOSSARY_PATH = "/glossary";
