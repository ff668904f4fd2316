import { createError } from "../lib/errors";

/**
 * Fetches a same-origin asset as bytes, reporting progress; a missing file is a coded error, not HTML.
 * `signal` stops the download (and its progress) part way.
 */
export async function fetchWithProgress(
  url: string,
  onProgress: (loaded: number, total: number) => void,
  signal?: AbortSignal,
): Promise<ArrayBuffer> {
  let response: Response;
  try {
    response = await fetch(url, { signal });
  } catch (error) {
    throw createError("INDEX_MISSING", `${url}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!response.ok) throw createError("INDEX_MISSING", `${url} answered ${response.status}`);
  const total = Number(response.headers.get("content-length") ?? 0);
  if (!response.body) return response.arrayBuffer();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.byteLength;
    onProgress(loaded, Math.max(total, loaded));
  }
  const bytes = new Uint8Array(loaded);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes.buffer;
}
