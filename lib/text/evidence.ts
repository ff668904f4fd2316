/**
 * Whether a passage holds a piece of evidence. Compared as word sequences, not raw strings, so that
 * punctuation, case and curly quotes do not matter; a table row's evidence ("Retrieval Component | Yes | No |")
 * is held when all its words appear in the passage, which re-states the row with its column names.
 */
function normalizedWords(text: string): string[] {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .split(/[^\p{L}\p{N}']+/u)
    .filter(Boolean);
}

export function containsEvidence(passageText: string, evidence: string): boolean {
  const passage = normalizedWords(passageText);
  const wanted = normalizedWords(evidence);
  if (wanted.length === 0) return false;
  if (` ${passage.join(" ")} `.includes(` ${wanted.join(" ")} `)) return true;
  const available = new Set(passage);
  return evidence.includes("|") && wanted.every((word) => available.has(word));
}
