import { expect, test } from "./fixtures";

test("every page is served with a Content-Security-Policy and the usual security headers", async ({
  request,
}) => {
  for (const path of ["/", "/retrieval/article-index.json", "/models/fine-tuned/config.json"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    const headers = response.headers();
    expect(headers["content-security-policy"]).toContain("default-src 'self'");
    expect(headers["content-security-policy"]).toContain("'wasm-unsafe-eval'");
    expect(headers["content-security-policy"]).not.toMatch(/'unsafe-eval'/);
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["referrer-policy"]).toBe("no-referrer");
    expect(headers["x-powered-by"]).toBeUndefined();
  }
});

test("a missing model file is a 404, never an HTML page the loader would cache as a model", async ({
  request,
}) => {
  const response = await request.get("/models/fine-tuned/no-such-file.onnx");
  expect(response.status()).toBe(404);
});
