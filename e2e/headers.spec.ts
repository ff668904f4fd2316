import { test as plain } from "@playwright/test";
import { expect, test } from "./fixtures";

const scriptSources = (policy: string | undefined) =>
  (policy ?? "").split("; ").find((directive) => directive.startsWith("script-src")) ?? "";

test("every page is served with a Content-Security-Policy and the usual security headers", async ({
  request,
}) => {
  for (const path of [
    "/",
    "/evaluation",
    "/retrieval/article-index.json",
    "/models/fine-tuned/config.json",
  ]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    const headers = response.headers();
    expect(headers["content-security-policy"]).toContain("default-src 'self'");
    expect(headers["content-security-policy"]).toContain("'wasm-unsafe-eval'");
    expect(headers["content-security-policy"]).not.toMatch(/'unsafe-eval'/);
    expect(scriptSources(headers["content-security-policy"])).not.toContain("'unsafe-inline'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["referrer-policy"]).toBe("no-referrer");
    expect(headers["x-powered-by"]).toBeUndefined();
  }
});

test("a page's policy allows its own inline scripts by hash, and the page runs under it", async ({
  app,
  page,
}) => {
  const response = await page.goto("/");
  const html = await response?.text();
  const inline = [...(html ?? "").matchAll(/<script>([\s\S]*?)<\/script>/g)].length;
  expect(inline).toBeGreaterThan(0);
  expect(
    scriptSources(response?.headers()["content-security-policy"]).match(/'sha256-/g)?.length,
  ).toBeGreaterThanOrEqual(inline);
  // The fixture fails the test on any policy violation, so answering proves the policy fits the app.
  await expect(app.rag.ready).toBeVisible();
  await app.ask("Which approach has a retrieval component?");
  await expect(app.rag.citations.first()).toBeVisible();
});

plain("an injected inline script does not run", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.goto("/");
  const ran = await page.evaluate(() => {
    const script = document.createElement("script");
    script.textContent = "window.__injected = true;";
    document.body.append(script);
    return (window as unknown as { __injected?: boolean }).__injected === true;
  });
  expect(ran).toBe(false);
  await expect.poll(() => violations.length).toBeGreaterThan(0);
});

test("a missing model file is a 404, never an HTML page the loader would cache as a model", async ({
  request,
}) => {
  const response = await request.get("/models/fine-tuned/no-such-file.onnx");
  expect(response.status()).toBe(404);
});
