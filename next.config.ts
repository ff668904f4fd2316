import type { NextConfig } from "next";
import { SECURITY_HEADERS } from "./lib/security/headers";

/**
 * `STATIC_EXPORT=1` (npm run build:static) writes a plain static site to out/ for any file host. Such a host
 * sends no headers of ours, so scripts/write-static-headers.ts writes them as a `_headers` file (Netlify and
 * Cloudflare Pages read it) and puts each page's policy in a meta tag (docs/static-hosting.md).
 */
const STATIC_EXPORT = process.env.STATIC_EXPORT === "1";

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  ...(STATIC_EXPORT
    ? // Next.js exports into distDir but still builds in .next, replacing the server build there: `npm test`
      // runs build:static before build for that reason. Trailing slashes make /evaluation/ a folder with an
      // index.html, which every file server finds.
      { output: "export", distDir: "out", trailingSlash: true }
    : {
        // The Content-Security-Policy is set per page by proxy.ts, with that page's inline-script hashes.
        async headers() {
          return [{ source: "/:path*", headers: [...SECURITY_HEADERS] }];
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
