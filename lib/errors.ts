/**
 * The one catalogue of errors the library raises. Every user-facing failure has a code, so the UI, the
 * worker protocol and the CLI can react to the code and show the same clear message.
 */
const MESSAGES = {
  EMPTY_QUESTION: "Type a question first: the question is empty.",
  QUESTION_TOO_LONG: "The question is %s characters long; the limit is %s. Shorten it and ask again.",
  EMPTY_DOCUMENT: "The document %s has no text to index.",
  DOCUMENT_TOO_LARGE: "The document %s is %s characters long; the limit is %s.",
  TOO_MANY_DOCUMENTS: "At most %s documents can be added; remove one first.",
  INDEX_MISSING: "The search index could not be loaded (%s). Rebuild it with `npm run build:index`.",
  INDEX_CORRUPT: "The search index is damaged (%s). Rebuild it with `npm run build:index`.",
  MODEL_MISSING: "The %s model is not built yet (%s). Build it with `npm run train`.",
  MODEL_CORRUPT: "The %s model files could not be read (%s). Rebuild them with `npm run train`.",
  RUNTIME_UNAVAILABLE: "The model runtime could not start in this browser (%s). Reload the page to retry.",
  PIPELINE_NOT_BUILT: "The %s pipeline is not built yet: %s",
  WORKER_CRASHED: "The %s worker stopped unexpectedly (%s). Retry to start it again.",
  INTERRUPTED: "Stopped before the answer was complete.",
  BAD_INPUT_LINE: "Line %s is not a JSON object with a string `question` field: %s",
  FILE_NOT_FOUND: "Cannot read %s: %s",
  BAD_ARGUMENTS: "%s",
} as const;

export type ErrorCode = keyof typeof MESSAGES;
export const ERROR_CODES = Object.keys(MESSAGES) as ErrorCode[];

export interface AppError extends Error {
  readonly code: ErrorCode;
}

function format(template: string, args: readonly (string | number)[]): string {
  let next = 0;
  return template.replace(/%s/g, () => String(args[next++] ?? ""));
}

export function createError(code: ErrorCode, ...args: (string | number)[]): AppError {
  return restoreError(code, format(MESSAGES[code], args));
}

/**
 * An error already formatted from the catalogue elsewhere (in a worker, say, and sent as code and message),
 * rebuilt with its code rather than formatted again.
 */
export function restoreError(code: ErrorCode, message: string): AppError {
  const error = new Error(message) as Error & { code: ErrorCode };
  error.name = "AppError";
  error.code = code;
  return error;
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof Error && typeof (value as { code?: unknown }).code === "string";
}

/** A message fit to show a person, whatever was thrown. */
export function describeError(value: unknown): { code: ErrorCode | "UNKNOWN"; message: string } {
  if (isAppError(value)) return { code: value.code, message: value.message };
  if (value instanceof Error) return { code: "UNKNOWN", message: value.message };
  return { code: "UNKNOWN", message: String(value) };
}
