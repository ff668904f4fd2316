/**
 * Text that addresses the system instead of asking about the sources (prompt injection: "ignore previous
 * instructions", "reveal your system prompt", "you are now …"). Retrieval scores such text by its topic words,
 * so an injection that names RAG can look in scope; it is declined before any answer is built instead. The
 * patterns are the common families of injection phrasing, written from their general form, not from the
 * evaluation questions; docs/retrieval.md gives their effect on the held-out sets.
 */
export const INSTRUCTION_PATTERNS = [
  {
    kind: "override",
    pattern:
      /\b(ignore|disregard|forget|override|bypass|skip)\b[^.?!\n]{0,40}\b(instructions?|prompts?|rules|guidelines|directions|guardrails|everything (above|before|you were told))\b/i,
  },
  {
    kind: "system-prompt",
    pattern: /\b(system|hidden|initial|original|developer)\s+(prompt|instructions?|message)\b/i,
  },
  {
    kind: "persona",
    pattern: /\b(you are now|from now on,? you|pretend (to be|you are|you're)|role-?play as)\b|^\s*act as\b/i,
  },
  { kind: "jailbreak", pattern: /\b(jailbreak|developer mode|god mode|DAN mode|do anything now)\b/i },
  {
    kind: "markup",
    pattern: /<\|?\s*(system|im_start|im_end|endoftext)\b|^\s*#{2,}\s*(system|instruction)/im,
  },
  { kind: "new-instructions", pattern: /\b(new|updated|real|actual) instructions?\s*:/i },
] as const;

export type InstructionKind = (typeof INSTRUCTION_PATTERNS)[number]["kind"];

/** The first injection family the text matches, or null for an ordinary question. */
export function findInstruction(question: string): InstructionKind | null {
  return INSTRUCTION_PATTERNS.find(({ pattern }) => pattern.test(question))?.kind ?? null;
}
