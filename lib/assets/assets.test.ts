import { createHash } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAssetStore, type PersistentStore } from "./asset-store";
import { download } from "./download";
import { type AssetManifest, checkAsset, parseManifest } from "./manifest";

const bytesOf = (text: string) => new TextEncoder().encode(text).buffer as ArrayBuffer;
const entry = (text: string) => ({
  bytes: Buffer.byteLength(text),
  sha256: createHash("sha256").update(text).digest("hex"),
});
const MODEL = "the real model bytes";
const manifest: AssetManifest = {
  version: 1,
  files: { "/models/fine-tuned/onnx/model_quantized.onnx": entry(MODEL) },
};
const PATH = "/models/fine-tuned/onnx/model_quantized.onnx";

function memoryStore(initial: Record<string, string> = {}) {
  const files = new Map(Object.entries(initial).map(([path, text]) => [path, bytesOf(text)]));
  const store: PersistentStore = {
    match: async (path) => files.get(path) ?? null,
    put: async (path, bytes) => {
      files.set(path, bytes);
    },
    delete: async (path) => {
      files.delete(path);
    },
  };
  return { store, files };
}

describe("the asset manifest", () => {
  it("accepts a well-formed manifest and refuses anything else as a damaged download", () => {
    expect(parseManifest(JSON.stringify(manifest))).toEqual(manifest);
    for (const bad of [
      "<html>",
      "{}",
      JSON.stringify({ version: 1, files: { "/a": { bytes: 1, sha256: "x" } } }),
    ]) {
      expect(() => parseManifest(bad)).toThrow(expect.objectContaining({ code: "DOWNLOAD_FAILED" }));
    }
  });

  it("tells the listed file from a truncated one and from an HTML page of the same size", async () => {
    expect(await checkAsset(bytesOf(MODEL), entry(MODEL))).toBeNull();
    expect(await checkAsset(bytesOf(MODEL.slice(0, 5)), entry(MODEL))).toMatchObject({ bytes: 5 });
    const page = `<html>${"x".repeat(MODEL.length - 6)}`;
    expect(await checkAsset(bytesOf(page), entry(MODEL))).toMatchObject({ bytes: MODEL.length });
  });
});

describe("the asset store", () => {
  it("throws away a damaged copy kept from an earlier visit and downloads the file again", async () => {
    const { store, files } = memoryStore({ [PATH]: "<html>captive portal</html>" });
    const fetched: string[] = [];
    const assets = createAssetStore({
      manifest,
      persistent: store,
      fetch: async (url) => {
        fetched.push(url);
        return { bytes: bytesOf(MODEL), contentType: null };
      },
    });
    expect(new TextDecoder().decode(await assets.get(PATH))).toBe(MODEL);
    expect(fetched).toEqual([`${PATH}?v=${entry(MODEL).sha256.slice(0, 16)}`]);
    expect(new TextDecoder().decode(files.get(PATH))).toBe(MODEL);
  });

  it("fetches a damaged download once more past the HTTP cache, and keeps only a verified copy", async () => {
    const { store, files } = memoryStore();
    const calls: boolean[] = [];
    const assets = createAssetStore({
      manifest,
      persistent: store,
      fetch: async (_url, options) => {
        calls.push(options.reload === true);
        return { bytes: bytesOf(options.reload ? MODEL : MODEL.slice(0, 4)), contentType: null };
      },
    });
    await assets.get(PATH);
    expect(calls).toEqual([false, true]);
    expect(new TextDecoder().decode(files.get(PATH))).toBe(MODEL);
  });

  it("refuses a file that stays damaged, naming it for the developer and keeping nothing", async () => {
    const { store, files } = memoryStore();
    const assets = createAssetStore({
      manifest,
      persistent: store,
      fetch: async () => ({ bytes: bytesOf("<html>portal</html>"), contentType: "text/html" }),
    });
    const error = await assets.get(PATH).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: "ASSET_DAMAGED",
      message: expect.stringContaining("fine-tuned model"),
      detail: expect.stringMatching(
        /model_quantized\.onnx.*expected 20 bytes.*received 19 bytes.*text\/html/,
      ),
    });
    expect(files.size).toBe(0);
    await expect(assets.transformersCache.match(`http://127.0.0.1:3000${PATH}`)).resolves.toBeUndefined();
  });

  it("serves verified bytes to Transformers.js by path or URL, and refuses files the build does not list", async () => {
    const assets = createAssetStore({
      manifest,
      fetch: async () => ({ bytes: bytesOf(MODEL), contentType: null }),
    });
    await assets.get(PATH);
    const response = await assets.transformersCache.match(`http://127.0.0.1:3000${PATH}`);
    expect(response?.headers.get("content-length")).toBe(String(bytesOf(MODEL).byteLength));
    expect(await response?.text()).toBe(MODEL);
    expect(await (await assets.transformersCache.match(PATH))?.text()).toBe(MODEL);
    await expect(assets.get("/models/reader/config.json")).rejects.toMatchObject({ code: "ASSET_UNLISTED" });
  });
});

describe("download", () => {
  let server: Server;
  let base = "";
  beforeAll(async () => {
    server = createServer((request, response) => {
      if (request.url === "/ok") return response.end("hello");
      if (request.url === "/missing") return response.writeHead(404).end();
      if (request.url === "/broken") return response.writeHead(500).end();
      // Never answers: the connection stays open with nothing sent.
      if (request.url === "/hang") return;
      // Sends part of the body, then nothing more.
      response.writeHead(200, { "content-length": "100" });
      response.write("part");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  it("returns the bytes and reports progress", async () => {
    const progress: number[] = [];
    const { bytes } = await download(`${base}/ok`, { onProgress: (loaded) => progress.push(loaded) });
    expect(new TextDecoder().decode(bytes)).toBe("hello");
    expect(progress.at(-1)).toBe(5);
  });

  it("tells a missing file from a server error", async () => {
    await expect(download(`${base}/missing`)).rejects.toMatchObject({ code: "ASSET_MISSING" });
    await expect(download(`${base}/broken`)).rejects.toMatchObject({
      code: "DOWNLOAD_FAILED",
      detail: expect.stringContaining("500"),
    });
  });

  it("gives up a download that never answers, or stops part way, after the stall time", async () => {
    const started = performance.now();
    await expect(download(`${base}/hang`, { stallMs: 300 })).rejects.toMatchObject({
      code: "DOWNLOAD_STALLED",
    });
    await expect(download(`${base}/partial`, { stallMs: 300 })).rejects.toMatchObject({
      code: "DOWNLOAD_STALLED",
      detail: expect.stringContaining("after 4 of 100 bytes"),
    });
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
