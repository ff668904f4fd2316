/**
 * Security headers for every response. The policy allows only what the app uses: its own scripts, styles,
 * workers, models and wasm (`wasm-unsafe-eval` lets ONNX Runtime compile WebAssembly; no JavaScript eval).
 * Next.js inlines small bootstrap scripts and React sets style attributes, hence 'unsafe-inline' for those.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  // ONNX Runtime Web imports its wasm glue from a blob: URL inside the model worker.
  "script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval' blob:",
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

export const SECURITY_HEADERS = [
  { key: "Content-Security-Policy", value: CONTENT_SECURITY_POLICY },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "no-referrer" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), interest-cohort=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  // With COOP, makes the page cross-origin isolated: SharedArrayBuffer, so multi-threaded WebAssembly can be
  // measured (`?threads=2`). Every resource is same-origin, so requiring CORP costs nothing.
  { key: "Cross-Origin-Embedder-Policy", value: "require-corp" },
];

/**
 * `STATIC_EXPORT=1` (npm run build:static) writes a plain static site to out/ for any file host. Such a
 * host sends no headers of ours, so the build also writes them as a `_headers` file (Netlify and
 * Cloudflare Pages read it; docs/static-hosting.md covers other hosts).
 */
const STATIC_EXPORT = process.env.STATIC_EXPORT === "1";

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  ...(STATIC_EXPORT
    ? // Next.js exports into distDir but still builds in .next, replacing the server build there: `npm test`
      // runs build:static before build for that reason. Trailing slashes make /evaluation/ a folder with an
      // index.html, which every file server finds.
      { output: "export", distDir: "out", trailingSlash: true }
    : {
        async headers() {
          return [{ source: "/:path*", headers: SECURITY_HEADERS }];
        },
      }),
  webpack(config, { isServer }) {
    if (!isServer) {
      // Transformers.js's browser build never needs its Node backends; keep them out of the client bundle.
      config.resolve.alias = { ...config.resolve.alias, "onnxruntime-node": false, sharp: false };
    }
    return config;
  },
};

export default nextConfig;
