/**
 * After `npm run build:static`: gives the static site the security headers `next start` sends. out/_headers
 * (the format Netlify and Cloudflare Pages read) carries them for every path, with each page's
 * Content-Security-Policy holding that page's inline-script hashes; and each page's HTML gets the same policy
 * as a meta tag, so even a host that sends no headers at all enforces the script rules. It also says how long
 * browsers keep the workers' files (lib/assets/cache-rules.ts).
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { IMMUTABLE, NEXT_STATIC, NO_STORE, VERSIONED_FOLDERS } from "../lib/assets/cache-rules";
import { ASSET_MANIFEST_PATH } from "../lib/assets/manifest";
import { contentSecurityPolicy, metaPolicy, SECURITY_HEADERS } from "../lib/security/headers";
import { inlineScriptHashes } from "../lib/security/inline-scripts";

const OUT = "out";

function htmlFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return htmlFiles(path);
    return name.endsWith(".html") ? [path] : [];
  });
}

if (!existsSync(join(OUT, "index.html"))) {
  console.error("out/index.html is missing: run `npm run build:static` first");
  process.exit(1);
}
// The policy goes on pages only: these hosts combine every rule that matches a path, and a second policy
// without the page's hashes would block its inline scripts.
const lines = ["/*", ...SECURITY_HEADERS.map(({ key, value }) => `  ${key}: ${value}`)];
const pages = htmlFiles(OUT);
for (const file of pages) {
  const html = readFileSync(file, "utf8");
  const hashes = inlineScriptHashes(html);
  // Right after <head>, before any script: a meta policy only governs what follows it.
  const meta = `<meta http-equiv="Content-Security-Policy" content="${metaPolicy(hashes)}"/>`;
  writeFileSync(file, html.replace("<head>", `<head>${meta}`));
  const path = `/${relative(OUT, file).split(sep).join("/")}`;
  // A page is reached by its folder and by its file.
  for (const url of new Set([path.replace(/index\.html$/, ""), path])) {
    lines.push(url, `  Content-Security-Policy: ${contentSecurityPolicy(hashes)}`);
  }
}
// These hosts match a rule by path alone, never by query, so the `?v=` that `next start` requires cannot be
// required here: every file in these folders is kept for a year. The workers only ever ask for the versioned
// URLs, so a new build's file is a new URL; the cost is that a bare path opened by hand is kept a year too.
// Next.js names its own files by content, and `next start` sends them immutable itself.
for (const folder of [...VERSIONED_FOLDERS, NEXT_STATIC]) {
  lines.push(`${folder}/*`, `  Cache-Control: ${IMMUTABLE}`);
}
lines.push(ASSET_MANIFEST_PATH, `  Cache-Control: ${NO_STORE}`);
writeFileSync(join(OUT, "_headers"), `${lines.join("\n")}\n`);
console.log(`wrote out/_headers and a policy meta tag in ${pages.length} pages`);
