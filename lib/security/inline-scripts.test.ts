import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "./headers";
import { inlineScriptHashes } from "./inline-scripts";

const hash = (text: string) => `sha256-${createHash("sha256").update(text).digest("base64")}`;

describe("inline script hashes", () => {
  it("hashes each inline script's exact text once, and skips scripts loaded from a file", () => {
    const html =
      '<head><script src="/a.js" async=""></script><script>(self.x=[]).push(0)</script></head>' +
      '<body><script>self.x.push([1,"a\\nb"])</script><script>(self.x=[]).push(0)</script></body>';
    expect(inlineScriptHashes(html)).toEqual([hash("(self.x=[]).push(0)"), hash('self.x.push([1,"a\\nb"])')]);
  });

  it("puts the hashes in script-src, and never 'unsafe-inline' there", () => {
    const policy = contentSecurityPolicy(["sha256-abc"]);
    const scripts = policy.split("; ").find((part) => part.startsWith("script-src")) ?? "";
    expect(scripts).toContain("'sha256-abc'");
    expect(scripts).not.toContain("unsafe-inline");
    expect(scripts).not.toContain("'unsafe-eval'");
  });
});
