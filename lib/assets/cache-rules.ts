/**
 * How long a browser may keep what the workers download, defined once for `next start` (next.config.ts) and
 * for the static export's _headers (scripts/write-static-headers.ts). The workers fetch every file the manifest
 * lists at a URL carrying its hash (versionedUrl), so such a URL never changes content and may be kept for a
 * year without asking again; the manifest, which holds the hashes, must never be kept, or a new build would
 * not be noticed.
 */
export const IMMUTABLE = "public, max-age=31536000, immutable";
export const NO_STORE = "no-store";

/** The folders whose files are listed in the manifest and fetched at versioned URLs. */
export const VERSIONED_FOLDERS = ["/models", "/wasm", "/retrieval"] as const;

/** Next.js's build output, every file named by its content or the build's id. */
export const NEXT_STATIC = "/_next/static";
