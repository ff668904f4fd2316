import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type NextRequest, NextResponse } from "next/server";
import { contentSecurityPolicy, DEVELOPMENT_POLICY, SCRIPT_HASHES_FILE } from "./lib/security/headers";

let hashes: Record<string, string[]> | null = null;

/** The hashes `npm run build` recorded for each page (scripts/inline-script-hashes.ts); none before a build. */
function recordedHashes(): Record<string, string[]> {
  if (hashes) return hashes;
  try {
    hashes = JSON.parse(readFileSync(join(process.cwd(), SCRIPT_HASHES_FILE), "utf8")) as Record<
      string,
      string[]
    >;
  } catch {
    hashes = {};
  }
  return hashes;
}

/**
 * Each response's Content-Security-Policy: a page's own inline scripts are allowed by their hashes (and the
 * error pages' too, which any path may render), never by 'unsafe-inline'. The pages stay static: the policy
 * is fixed per build, not per request.
 */
export function proxy(request: NextRequest) {
  const response = NextResponse.next();
  if (process.env.NODE_ENV === "development") {
    response.headers.set("Content-Security-Policy", DEVELOPMENT_POLICY);
    return response;
  }
  const pages = recordedHashes();
  const path = request.nextUrl.pathname.replace(/(.)\/$/, "$1");
  const allowed = [
    ...(pages[path] ?? []),
    ...(pages["/_not-found"] ?? []),
    ...(pages["/_global-error"] ?? []),
  ];
  response.headers.set("Content-Security-Policy", contentSecurityPolicy([...new Set(allowed)]));
  return response;
}
