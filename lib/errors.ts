/**
 * The one catalogue of errors the library raises. Every failure has a code, so the UI, the worker protocol and
 * the CLI react to the code; a `message` for the person using the page (what happened, what to do), and where
 * it helps a `detail` for the developer (what is wrong, where, and how to fix it). `{name}` placeholders are
 * filled from the parameters given to createError.
 */
const CATALOGUE = {
  EMPTY_QUESTION: { message: "Type a question first: the question is empty." },
  QUESTION_TOO_LONG: {
    message: "The question is {length} characters long; the limit is {limit}. Shorten it and ask again.",
  },
  QUESTION_TOO_MANY_TOKENS: {
    message:
      "The question is too long for the {model}: it takes {tokens} tokens, and the model's context leaves room for {room} (emoji and some scripts take several tokens per character). Shorten it and ask again.",
  },
  EMPTY_DOCUMENT: { message: "{name}: the document has no text to index." },
  DOCUMENT_TOO_LARGE: { message: "{name}: the document is {length} characters long; the limit is {limit}." },
  DOCUMENT_NOT_TEXT: {
    message:
      "{name}: this looks like a binary file, not text ({reason}). Only plain text and Markdown can be added.",
  },
  DOCUMENT_WRONG_TYPE: { message: "{name}: only {types} files can be added." },
  TOO_MANY_DOCUMENTS: { message: "{name}: at most {limit} documents can be added; remove one first." },
  INDEX_CORRUPT: {
    message:
      "The search index could not be read, so the RAG panel cannot answer. Reload the page to try again.",
    detail: "{detail}. Rebuild it with `npm run build:index`.",
  },
  ASSET_MISSING: {
    message: "The {asset} is not on this server yet, so this panel cannot start.",
    detail: "{url} answered 404: build it with `{build}`.",
  },
  DOWNLOAD_FAILED: {
    message: "The {asset} could not be downloaded. Check your connection, then retry or reload the page.",
    detail: "{url}: {reason}.",
  },
  DOWNLOAD_STALLED: {
    message:
      "The download of the {asset} stopped making progress for {seconds} s. Check your connection, then retry.",
    detail: "{url}: no data for {seconds} s after {loaded} of {total} bytes.",
  },
  ASSET_DAMAGED: {
    message:
      "The downloaded {asset} was damaged, so it was thrown away and not kept. Check your connection, then retry or reload the page.",
    detail:
      "{url} does not match the build's asset manifest: expected {expectedBytes} bytes with sha256 {expectedHash}, received {bytes} bytes with sha256 {hash}{contentType}.",
  },
  ASSET_UNLISTED: {
    message: "The {asset} is not part of this build, so this panel cannot start.",
    detail:
      "{path} is not in /asset-manifest.json: rebuild the site (`npm run build`), or build it with `{build}`.",
  },
  MODEL_MISSING: {
    message: "The {model} is not built yet.",
    detail: "{detail}: build it with `npm run train`.",
  },
  MODEL_CORRUPT: {
    message: "The {model} could not be started. Reload the page to try again.",
    detail: "{detail}. If the files are damaged on the server, rebuild them with `npm run train`.",
  },
  RUNTIME_UNAVAILABLE: {
    message: "The model runtime could not start in this browser. Reload the page to try again.",
    detail: "{detail}",
  },
  GENERATION_FAILED: {
    message: "The {model} failed while answering. It was reset, so the next question starts afresh.",
    detail: "{detail}",
  },
  PIPELINE_NOT_BUILT: { message: "The {pipeline} pipeline is not built yet: {detail}" },
  WORKER_CRASHED: {
    message: "The {worker} worker stopped unexpectedly. Retry to start it again.",
    detail: "{detail}",
  },
  WORKER_SILENT: {
    message: "The {worker} did not finish loading in time. Check your connection, then retry.",
    detail: "no message from the {worker} worker for {seconds} s while it loaded",
  },
  INTERRUPTED: { message: "Stopped before the answer was complete." },
  BAD_INPUT_LINE: { message: "line {line}: {reason}" },
  FILE_NOT_FOUND: { message: "Cannot read {path}: {reason}" },
  BAD_ARGUMENTS: { message: "{reason}" },
} as const satisfies Record<string, { message: string; detail?: string }>;

export type ErrorCode = keyof typeof CATALOGUE;
export const ERROR_CODES = Object.keys(CATALOGUE) as ErrorCode[];

export type ErrorParams = Readonly<Record<string, string | number>>;

export interface AppError extends Error {
  readonly code: ErrorCode;
  /** For the developer: what is wrong and how to fix it; absent when the message says it all. */
  readonly detail?: string;
}

/** A plain description of any failure, as the worker protocol carries it and the UI shows it. */
export interface ErrorDescription {
  code: ErrorCode | "UNKNOWN";
  message: string;
  detail?: string;
}

function fill(template: string, params: ErrorParams): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ""));
}

export function createError(code: ErrorCode, params: ErrorParams = {}): AppError {
  const entry: { message: string; detail?: string } = CATALOGUE[code];
  return restoreError<AppError>({
    code,
    message: fill(entry.message, params),
    detail: entry.detail === undefined ? undefined : fill(entry.detail, params),
  });
}

/**
 * An error already formatted from the catalogue elsewhere (in a worker, say, and sent as a description),
 * rebuilt with its code rather than formatted again.
 */
export function restoreError<T extends Error = Error>(description: ErrorDescription): T {
  const error = new Error(description.message) as Error & { code?: ErrorCode; detail?: string };
  if (description.code !== "UNKNOWN") {
    error.name = "AppError";
    error.code = description.code;
    if (description.detail !== undefined) error.detail = description.detail;
  }
  return error as T;
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof Error && typeof (value as { code?: unknown }).code === "string";
}

/** A message fit to show a person, and the developer's detail, whatever was thrown. */
export function describeError(value: unknown): ErrorDescription {
  if (isAppError(value)) {
    return value.detail === undefined
      ? { code: value.code, message: value.message }
      : { code: value.code, message: value.message, detail: value.detail };
  }
  if (value instanceof Error) return { code: "UNKNOWN", message: value.message };
  return { code: "UNKNOWN", message: String(value) };
}

/** One line for a terminal: the message, then the developer's detail, never a stack. */
export function oneLine({ message, detail }: ErrorDescription): string {
  return (detail ? `${message} (${detail})` : message).replace(/\s*\n\s*/g, " ");
}
