import { createError } from "../errors";

/**
 * The build's list of the files the workers download (models, runtime, search assets), each with its size and
 * SHA-256, written by `npm run build:manifest` and served beside them. A download is checked against it before
 * use, so a truncated file, or an HTML page served in its place, is refused and never kept.
 */
export const ASSET_MANIFEST_PATH = "/asset-manifest.json";

export interface AssetEntry {
  bytes: number;
  sha256: string;
}

export interface AssetManifest {
  version: 1;
  /** Keyed by the file's URL path on the site, e.g. "/models/fine-tuned/config.json". */
  files: Readonly<Record<string, AssetEntry>>;
}

export function parseManifest(text: string): AssetManifest {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw damagedManifest(error instanceof Error ? error.message : String(error));
  }
  const manifest = parsed as Partial<AssetManifest> | null;
  if (manifest?.version !== 1 || typeof manifest.files !== "object" || manifest.files === null) {
    throw damagedManifest("not a version 1 asset manifest");
  }
  for (const [path, entry] of Object.entries(manifest.files)) {
    if (!path.startsWith("/") || typeof entry?.bytes !== "number" || !/^[0-9a-f]{64}$/.test(entry.sha256)) {
      throw damagedManifest(`bad entry for ${path}`);
    }
  }
  return manifest as AssetManifest;
}

const damagedManifest = (reason: string) =>
  createError("DOWNLOAD_FAILED", { asset: "list of the site's files", url: ASSET_MANIFEST_PATH, reason });

const hex = (bytes: ArrayBuffer) =>
  [...new Uint8Array(bytes)].map((byte) => byte.toString(16).padStart(2, "0")).join("");

/**
 * SHA-256 of bytes, or null where the platform has no Web Crypto digest (a page served over plain HTTP from
 * another machine is not a secure context): the size is then the only check.
 */
export async function sha256Hex(bytes: ArrayBuffer | Uint8Array): Promise<string | null> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return null;
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  return hex(await subtle.digest("SHA-256", view as Uint8Array<ArrayBuffer>));
}

export interface Mismatch {
  expected: AssetEntry;
  bytes: number;
  sha256: string | null;
}

/** Null when the bytes are the file the manifest lists, else what differs. */
export async function checkAsset(bytes: ArrayBuffer, expected: AssetEntry): Promise<Mismatch | null> {
  if (bytes.byteLength !== expected.bytes) {
    return { expected, bytes: bytes.byteLength, sha256: await sha256Hex(bytes) };
  }
  const sha256 = await sha256Hex(bytes);
  return sha256 === null || sha256 === expected.sha256 ? null : { expected, bytes: bytes.byteLength, sha256 };
}
