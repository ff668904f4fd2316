/**
 * After `npm run build:static`: gives the static site the security headers `next start` sends. out/_headers
 * (the format Netlify and Cloudflare Pages read) carries them for every path, with each page's
 * Content-Security-Policy holding that page's inline-script hashes; and each page's HTML gets the same policy
 * as a meta tag, so even a host that sends no headers at all enforces the script rules.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
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
writeFileSync(join(OUT, "_headers"), `${lines.join("\n")}\n`);
console.log(`wrote out/_headers and a policy meta tag in ${pages.length} pages`);
