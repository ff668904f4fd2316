import { create } from "@orama/orama";
import { TOKENIZER_CONFIG } from "./analyzer";

export const PASSAGE_SCHEMA = {
  id: "string",
  documentId: "enum",
  documentTitle: "string",
  section: "string",
  kind: "enum",
  text: "string",
  // Questions written for this passage (document expansion); empty for documents a user adds.
  keywords: "string",
} as const;

export function createPassageDb() {
  return create({
    schema: PASSAGE_SCHEMA,
    components: { tokenizer: { ...TOKENIZER_CONFIG, stopWords: [...TOKENIZER_CONFIG.stopWords] } },
  });
}

export type PassageDb = ReturnType<typeof createPassageDb>;
