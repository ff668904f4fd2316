import { createError } from "../errors";
import { describeAsset } from "./asset-names";

/** A download that receives nothing for this long (no response, or no new bytes) is given up as stalled. */
export const DOWNLOAD_STALL_MS = 15_000;

export interface DownloadOptions {
  onProgress?: (loaded: number, total: number) => void;
  /** Stops the download part way (a newer load, or another file's failure). */
  signal?: AbortSignal;
  /** Bypasses the HTTP cache, after a copy that came from it proved damaged. */
  reload?: boolean;
  stallMs?: number;
  /** The expected size, when the response does not say (or says something else). */
  expectedBytes?: number;
}

export interface Downloaded {
  bytes: ArrayBuffer;
  contentType: string | null;
}

/**
 * Fetches a same-origin file as bytes, reporting progress. A missing file, an HTTP error, a dropped connection
 * and a stall each fail with their own coded error naming the file.
 */
export async function download(url: string, options: DownloadOptions = {}): Promise<Downloaded> {
  const { onProgress, signal, reload = false, stallMs = DOWNLOAD_STALL_MS } = options;
  const path = new URL(url, "http://site").pathname;
  const { asset, build } = describeAsset(path);
  const controller = new AbortController();
  const onAbort = () => controller.abort(signal?.reason);
  signal?.addEventListener("abort", onAbort, { once: true });
  let loaded = 0;
  let total = options.expectedBytes ?? 0;
  let stalled = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      stalled = true;
      controller.abort();
    }, stallMs);
  };
  const fail = (error: unknown): never => {
    if (stalled) {
      throw createError("DOWNLOAD_STALLED", {
        asset,
        url: path,
        seconds: Math.round(stallMs / 1000),
        loaded,
        total: total || "?",
      });
    }
    if (signal?.aborted) throw signal.reason ?? error;
    throw createError("DOWNLOAD_FAILED", {
      asset,
      url: path,
      reason: error instanceof Error ? error.message : String(error),
    });
  };
  try {
    arm();
    const response = await fetch(url, {
      signal: controller.signal,
      cache: reload ? "reload" : "default",
    }).catch(fail);
    if (response.status === 404) throw createError("ASSET_MISSING", { asset, url: path, build });
    if (!response.ok) {
      throw createError("DOWNLOAD_FAILED", {
        asset,
        url: path,
        reason: `the server answered ${response.status}`,
      });
    }
    total = options.expectedBytes ?? Number(response.headers.get("content-length") ?? 0);
    const contentType = response.headers.get("content-type");
    if (!response.body) return { bytes: await response.arrayBuffer().catch(fail), contentType };
    const reader = response.body.getReader();
    const chunks: Uint8Array[] = [];
    for (;;) {
      const { done, value } = await reader.read().catch(fail);
      if (done) break;
      arm();
      chunks.push(value);
      loaded += value.byteLength;
      onProgress?.(loaded, Math.max(total, loaded));
    }
    const bytes = new Uint8Array(loaded);
    let offset = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, offset);
      offset += chunk.byteLength;
    }
    return { bytes: bytes.buffer, contentType };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", onAbort);
  }
}
