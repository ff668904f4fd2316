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
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  async headers() {
    return [{ source: "/:path*", headers: SECURITY_HEADERS }];
  },
  webpack(config, { isServer }) {
    if (!isServer) {
      // Transformers.js's browser build never needs its Node backends; keep them out of the client bundle.
      config.resolve.alias = { ...config.resolve.alias, "onnxruntime-node": false, sharp: false };
    }
    return config;
  },
};

export default nextConfig;
