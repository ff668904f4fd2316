/**
 * The security headers every response carries, and the Content-Security-Policy, defined once for
 * `next start` (next.config.ts and proxy.ts) and for the static export (scripts/write-static-headers.ts).
 *
 * Scripts: the app's own files, plus each page's inline bootstrap scripts by their SHA-256 hash (computed
 * from the built HTML, scripts/inline-script-hashes.ts), never 'unsafe-inline'. `wasm-unsafe-eval` lets ONNX
 * Runtime compile WebAssembly (no JavaScript eval); `blob:` is how Transformers.js hands ONNX Runtime its
 * verified WebAssembly glue. React sets style attributes, so styles keep 'unsafe-inline'.
 */
export function contentSecurityPolicy(scriptHashes: readonly string[] = []): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' blob:${scriptHashes.map((hash) => ` '${hash}'`).join("")}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** The policy as a page's meta tag carries it: `frame-ancestors` only works as a header, and is left out. */
export const metaPolicy = (scriptHashes: readonly string[]) =>
  contentSecurityPolicy(scriptHashes)
    .split("; ")
    .filter((directive) => !directive.startsWith("frame-ancestors"))
    .join("; ");

/**
 * The development server renders pages on demand with inline scripts no build has hashed, and React's dev
 * build uses eval for its error overlay, so `npm run dev` alone allows both.
 */
export const DEVELOPMENT_POLICY = contentSecurityPolicy().replace(
  "script-src 'self'",
  "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
);

export const SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "no-referrer" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), interest-cohort=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  // With COOP, makes the page cross-origin isolated: SharedArrayBuffer, so multi-threaded WebAssembly can be
  // measured (`?threads=2`). Every resource is same-origin, so requiring CORP costs nothing.
  { key: "Cross-Origin-Embedder-Policy", value: "require-corp" },
] as const;

/** Where the build writes each page's inline-script hashes, keyed by route ("/", "/evaluation"). */
export const SCRIPT_HASHES_FILE = ".next/inline-script-hashes.json";
