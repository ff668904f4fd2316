import { type AssetStore, cacheApiStore, createAssetStore } from "../lib/assets/asset-store";
import { download } from "../lib/assets/download";
import { ASSET_MANIFEST_PATH, parseManifest } from "../lib/assets/manifest";

/** Verified files are kept across visits under this Cache API name (a new name discards every old copy). */
const CACHE_NAME = "rag-vs-fine-tuning-assets-v1";

let store: Promise<AssetStore> | null = null;

/**
 * This worker's files, each verified before use (lib/assets/asset-store.ts). The manifest itself is small and
 * always fetched afresh, so a new build is noticed at once; a failed start is retried by the next call.
 */
export function assetStore(): Promise<AssetStore> {
  store ??= (async () => {
    const { bytes } = await download(ASSET_MANIFEST_PATH, { reload: true });
    return createAssetStore({
      manifest: parseManifest(new TextDecoder().decode(bytes)),
      persistent: await cacheApiStore(CACHE_NAME),
    });
  })();
  store.catch(() => {
    store = null;
  });
  return store;
}

/**
 * Several files at once, each reported as it arrives (its size is known from the manifest before any byte
 * does, so a progress bar's total is right from the start). The first failure stops the other downloads, so
 * no progress follows the error.
 */
export async function getAll<const P extends readonly string[]>(
  files: AssetStore,
  paths: P,
  onProgress: (path: string, loaded: number, total: number) => void,
): Promise<{ -readonly [K in keyof P]: ArrayBuffer }> {
  for (const path of paths) onProgress(path, 0, files.sizeOf(path));
  const stop = new AbortController();
  const all = Promise.all(
    paths.map((path) =>
      files
        .get(path, (loaded, total) => !stop.signal.aborted && onProgress(path, loaded, total), stop.signal)
        .catch((error: unknown) => {
          stop.abort(error);
          throw error;
        }),
    ),
  );
  return all as Promise<{ -readonly [K in keyof P]: ArrayBuffer }>;
}
