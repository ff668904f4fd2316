/**
 * After `next build`: the hashes of every prerendered page's inline scripts, written to
 * .next/inline-script-hashes.json for proxy.ts, which puts them in that page's Content-Security-Policy.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { SCRIPT_HASHES_FILE } from "../lib/security/headers";
import { inlineScriptHashes } from "../lib/security/inline-scripts";

const APP = ".next/server/app";

function htmlFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return htmlFiles(path);
    return name.endsWith(".html") ? [path] : [];
  });
}

if (!existsSync(APP)) {
  console.error(`${APP} is missing: run \`next build\` first`);
  process.exit(1);
}
const routes: Record<string, string[]> = {};
for (const file of htmlFiles(APP)) {
  const route = `/${relative(APP, file)
    .split(sep)
    .join("/")
    .replace(/\.html$/, "")}`.replace(/^\/index$/, "/");
  routes[route] = inlineScriptHashes(readFileSync(file, "utf8"));
}
writeFileSync(SCRIPT_HASHES_FILE, `${JSON.stringify(routes, null, 1)}\n`);
console.log(`wrote ${SCRIPT_HASHES_FILE} (${Object.keys(routes).length} pages)`);
