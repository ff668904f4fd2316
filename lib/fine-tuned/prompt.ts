import promptFormat from "../../data/prompt-format.json";

/**
 * The prompt format is data shared with training (training/ reads the same JSON), so the app can never
 * ask the model in a format it was not trained on.
 */
export const PROMPT_FORMAT = promptFormat as { template: string; answerPrefix: string; eos: string };

export function formatPrompt(question: string): string {
  return PROMPT_FORMAT.template.replace("{question}", question);
}

/** The answer as a reader should see it: end-of-text and anything after it dropped, whitespace tidied. */
export function cleanAnswer(generated: string): string {
  const end = generated.indexOf(PROMPT_FORMAT.eos);
  const text = end >= 0 ? generated.slice(0, end) : generated;
  // A model that starts a new "Question:" has finished its answer.
  const nextTurn = text.search(/\n\s*Question:/);
  return (nextTurn >= 0 ? text.slice(0, nextTurn) : text).replace(/\s+/g, " ").trim();
}
