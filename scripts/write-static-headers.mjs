/**
 * After `npm run build:static`: writes out/_headers (the format Netlify and Cloudflare Pages read) with the
 * same security headers `next start` sends, so a static deployment keeps its Content-Security-Policy.
 */
import { existsSync, writeFileSync } from "node:fs";
import { SECURITY_HEADERS } from "../next.config.js";

if (!existsSync("out/index.html")) {
  console.error("out/index.html is missing: run `npm run build:static` first");
  process.exit(1);
}
const lines = ["/*", ...SECURITY_HEADERS.map(({ key, value }) => `  ${key}: ${value}`), ""];
writeFileSync("out/_headers", lines.join("\n"));
console.log(`wrote out/_headers (${SECURITY_HEADERS.length} headers)`);
