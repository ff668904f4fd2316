import { formatBytes } from "../format";
import type { LoadProgress } from "./generator";

export interface ProgressTotal {
  /** The file being fetched now. */
  file: string;
  loaded: number;
  total: number;
}

/**
 * Sums Transformers.js's per-file progress events into one figure for a progress bar: each file's latest
 * bytes, so a model's tokenizer, config and weights add up to the whole download.
 */
export function createProgressTally() {
  const files = new Map<string, { loaded: number; total: number }>();
  return {
    update({ status, file, loaded, total }: LoadProgress): ProgressTotal {
      if (status === "progress" && file) files.set(file, { loaded: loaded ?? 0, total: total ?? 0 });
      const all = [...files.values()];
      return {
        file: file ?? "",
        loaded: all.reduce((sum, f) => sum + f.loaded, 0),
        total: all.reduce((sum, f) => sum + f.total, 0),
      };
    },
    clear: () => files.clear(),
  };
}

/** Threads the model runtime is asked for, from a `?threads=N` address (the benchmark's switch); 1 otherwise. */
export function requestedThreads(search: string): number {
  const threads = Number.parseInt(new URLSearchParams(search).get("threads") ?? "", 10);
  return Number.isFinite(threads) && threads >= 1 && threads <= 16 ? threads : 1;
}

/** The longest pause between tokens the address may ask for. */
export const MAX_PACE_MS = 1000;

/**
 * Milliseconds to wait before each generated token, from a `?pace=N` address: slow motion, so a class can
 * watch an answer being written (and stop it part way). 0, full speed, otherwise.
 */
export function requestedPace(search: string): number {
  const pace = Number.parseInt(new URLSearchParams(search).get("pace") ?? "", 10);
  return Number.isFinite(pace) && pace > 0 ? Math.min(pace, MAX_PACE_MS) : 0;
}

/** What is still loading, as the question box says it: a visitor on a phone sees the box, not the panels. */
export interface LoadingPart {
  name: string;
  status: "loading" | "ready" | "error";
  loaded?: number;
  total?: number;
}

/**
 * One line for the parts still loading ("Loading the search index (1.1 MB of 4.1 MB) and the fine-tuned
 * model: a question asked now is answered when they are ready."), or null when none is.
 */
export function loadingNote(parts: readonly LoadingPart[]): string | null {
  const loading = parts.filter((part) => part.status === "loading");
  if (loading.length === 0) return null;
  const named = loading.map(({ name, loaded = 0, total = 0 }) =>
    total > 0 ? `${name} (${formatBytes(Math.min(loaded, total))} of ${formatBytes(total)})` : name,
  );
  const list =
    named.length === 1 ? named[0] : `${named.slice(0, -1).join(", ")} and ${named[named.length - 1]}`;
  return `Loading ${list}: a question asked now is answered when ${loading.length === 1 ? "it is" : "they are"} ready.`;
}
