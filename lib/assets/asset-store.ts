import { createError } from "../errors";
import { describeAsset } from "./asset-names";
import { type Downloaded, type DownloadOptions, download } from "./download";
import { type AssetManifest, checkAsset, type Mismatch, versionedUrl } from "./manifest";

/** Where verified files are kept between visits: the Cache API in a browser, nothing in Node. */
export interface PersistentStore {
  match(path: string): Promise<ArrayBuffer | null>;
  put(path: string, bytes: ArrayBuffer): Promise<void>;
  delete(path: string): Promise<void>;
}

/** The Cache API under one name, or null where it is unavailable (not a secure context, a locked-down frame). */
export async function cacheApiStore(name: string): Promise<PersistentStore | null> {
  if (typeof caches === "undefined") return null;
  let cache: Cache;
  try {
    cache = await caches.open(name);
  } catch {
    return null;
  }
  return {
    async match(path) {
      const response = await cache.match(path).catch(() => undefined);
      return response ? response.arrayBuffer() : null;
    },
    async put(path, bytes) {
      // A full disk or quota only costs the next visit a download.
      await cache.put(path, new Response(bytes)).catch(() => undefined);
    },
    async delete(path) {
      await cache.delete(path).catch(() => false);
    },
  };
}

type Fetch = (url: string, options: DownloadOptions) => Promise<Downloaded>;

export interface AssetStoreOptions {
  manifest: AssetManifest;
  persistent?: PersistentStore | null;
  fetch?: Fetch;
}

/**
 * The files a worker needs, each verified against the manifest before anyone uses it: a copy kept from an
 * earlier visit is checked again and thrown away if it no longer matches; a download that does not match is
 * fetched once more past the HTTP cache, and refused (not kept) if it still does not. Transformers.js reads the
 * verified bytes through `transformersCache`, so it never fetches a model file or the runtime itself. Each file
 * is fetched at its versioned URL, which the server lets the browser cache for good.
 */
export function createAssetStore({ manifest, persistent = null, fetch = download }: AssetStoreOptions) {
  const verified = new Map<string, ArrayBuffer>();

  function entryOf(path: string) {
    const entry = manifest.files[path];
    if (!entry) throw createError("ASSET_UNLISTED", { path, ...describeAsset(path) });
    return entry;
  }

  async function get(
    path: string,
    onProgress?: (loaded: number, total: number) => void,
    signal?: AbortSignal,
  ): Promise<ArrayBuffer> {
    const entry = entryOf(path);
    const known = verified.get(path);
    if (known) return known;
    const kept = await persistent?.match(path);
    if (kept) {
      if ((await checkAsset(kept, entry)) === null) {
        verified.set(path, kept);
        onProgress?.(entry.bytes, entry.bytes);
        return kept;
      }
      await persistent?.delete(path);
    }
    let mismatch: Mismatch | null = null;
    let contentType: string | null = null;
    // The second attempt bypasses the HTTP cache, in case the damaged copy came from it.
    for (const reload of [false, true]) {
      const downloaded = await fetch(versionedUrl(path, entry), {
        onProgress,
        signal,
        reload,
        expectedBytes: entry.bytes,
      });
      mismatch = await checkAsset(downloaded.bytes, entry);
      contentType = downloaded.contentType;
      if (mismatch === null) {
        verified.set(path, downloaded.bytes);
        await persistent?.put(path, downloaded.bytes);
        return downloaded.bytes;
      }
    }
    throw damaged(path, mismatch as Mismatch, contentType);
  }

  /** Forgets the verified bytes held in memory (the model runtime has its own copy once loaded). */
  const release = () => verified.clear();

  /** Transformers.js's custom-cache interface over the verified files, keyed by URL or path. */
  const transformersCache = {
    async match(key: string): Promise<Response | undefined> {
      const bytes = verified.get(new URL(key, "http://site").pathname);
      if (!bytes) return undefined;
      // Without a length, Transformers.js warns in the visitor's console and grows its buffer chunk by chunk.
      return new Response(bytes.slice(0), { headers: { "content-length": String(bytes.byteLength) } });
    },
    // Files outside the manifest (none today) are fetched by Transformers.js itself and not kept.
    async put(): Promise<void> {},
  };

  const sizeOf = (path: string) => entryOf(path).bytes;

  return { get, release, sizeOf, transformersCache, has: (path: string) => path in manifest.files };
}

export type AssetStore = ReturnType<typeof createAssetStore>;

function damaged(path: string, mismatch: Mismatch, contentType: string | null) {
  return createError("ASSET_DAMAGED", {
    ...describeAsset(path),
    url: path,
    expectedBytes: mismatch.expected.bytes,
    expectedHash: mismatch.expected.sha256.slice(0, 16),
    bytes: mismatch.bytes,
    hash: mismatch.sha256?.slice(0, 16) ?? "not computed",
    contentType: contentType ? `, served as ${contentType}` : "",
  });
}
