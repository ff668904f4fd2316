import type { BrowserContext, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { AppPage } from "./pages/app-page";

const MODEL = "**/models/fine-tuned/onnx/model_quantized.onnx?v=*";

test("a question too long for the model's context is refused with a reason, and the next question is answered", async ({
  app,
}) => {
  await app.goto();
  await expect(app.fineTuned.ready).toBeVisible({ timeout: 60_000 });
  await app.ask("🤖".repeat(200));
  await expect(app.fineTuned.refused).toContainText("too long for the fine-tuned model");
  await expect(app.fineTuned.ready).toBeVisible();
  await app.ask("Who wrote the article?");
  await expect(app.fineTuned.speed).toBeVisible({ timeout: 60_000 });
  await expect(app.fineTuned.answer).toContainText("Aqsa Zafar");
});

test("a truncated model download is refused, not kept, and a reload once the server sends the right file answers", async ({
  app,
  page,
}) => {
  await page.route(MODEL, async (route) => {
    const response = await route.fetch();
    const body = await response.body();
    await route.fulfill({ response, body: body.subarray(0, body.length / 2) });
  });
  await app.goto();
  await expect(app.fineTuned.error).toContainText("was damaged", { timeout: 60_000 });
  await expect(app.fineTuned.error).toContainText("Check your connection");
  await expect(app.fineTuned.error.getByTestId("fine-tuned-error-detail")).toContainText(
    "model_quantized.onnx does not match",
  );

  await page.unroute(MODEL);
  await page.reload();
  await expect(app.fineTuned.ready).toBeVisible({ timeout: 60_000 });
  await app.ask("Who wrote the article?");
  await expect(app.fineTuned.answer).toContainText("Aqsa Zafar", { timeout: 60_000 });
});

test("a damaged copy kept in the browser's cache is thrown away and fetched again", async ({ app, page }) => {
  await app.goto();
  await expect(app.fineTuned.ready).toBeVisible({ timeout: 60_000 });
  // What a captive portal leaves behind: an HTML page kept as the model.
  await page.evaluate(async () => {
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      await cache.put("/models/fine-tuned/onnx/model_quantized.onnx", new Response("<html>Sign in</html>"));
    }
  });
  let downloads = 0;
  page.on("request", (request) => {
    if (new URL(request.url()).pathname === "/models/fine-tuned/onnx/model_quantized.onnx") downloads++;
  });
  await page.reload();
  await expect(app.fineTuned.ready).toBeVisible({ timeout: 60_000 });
  expect(downloads).toBe(1);
  await app.ask("Who wrote the article?");
  await expect(app.fineTuned.answer).toContainText("Aqsa Zafar", { timeout: 60_000 });
});

test("a model file that never arrives is reported within the stall time, with a Retry that works", async ({
  app,
  page,
}) => {
  test.setTimeout(90_000);
  let hang = true;
  await page.route(MODEL, async (route) => {
    if (hang) return; // never answered
    await route.continue();
  });
  await app.goto();
  await expect(app.fineTuned.error).toContainText("stopped making progress", { timeout: 30_000 });
  hang = false;
  await app.fineTuned.error.getByRole("button", { name: "Retry" }).click();
  await expect(app.fineTuned.ready).toBeVisible({ timeout: 60_000 });
});

test("a reader download that hangs never blocks retrieval: documents are added and extractive questions answered meanwhile", async ({
  app,
  page,
}) => {
  test.setTimeout(90_000);
  await page.route("**/models/reader/onnx/model_quantized.onnx?v=*", () => {
    // never answered
  });
  await app.goto("?rag=generative");
  await app.ask("Which approach has a retrieval component?");
  await expect(app.rag.panel).toContainText("Waiting for the reader model to load");
  await app.addDocument(
    "Island notes",
    "# Island notes\n\nThe lighthouse on Brennan Island is painted teal.",
  );
  await app.useRagMode("extractive");
  await app.ask("What colour is the lighthouse on Brennan Island?");
  await expect(app.rag.citations.first()).toContainText("painted teal", { timeout: 10_000 });
  // The stalled download is given up, with the reason, and generative answers fall back to extractive.
  await expect(app.rag.panel.getByTestId("reader-error")).toContainText("stopped making progress", {
    timeout: 40_000,
  });
});

test("an HTTP 500 on a model file is a server error, not a model that was never built", async ({
  app,
  page,
}) => {
  await page.route(MODEL, (route) => route.fulfill({ status: 500, body: "" }));
  await app.goto();
  await expect(app.fineTuned.error).toContainText("could not be downloaded", { timeout: 60_000 });
  await expect(app.fineTuned.error).not.toContainText("not on this server");
  await expect(app.fineTuned.error.getByTestId("fine-tuned-error-detail")).toContainText("answered 500");
});

test("a malformed tokenizer.json fails the load at once with a clear error, not an endless download", async ({
  app,
  page,
}) => {
  await page.route("**/models/fine-tuned/tokenizer.json?v=*", async (route) => {
    const response = await route.fetch();
    const text = await response.text();
    await route.fulfill({ response, body: text.replace('"model"', '"modle"') });
  });
  await app.goto();
  await expect(app.fineTuned.error).toContainText("was damaged", { timeout: 30_000 });
});

test("a question typed while a shared link's page loads is the one both panels answer", async ({
  app,
  page,
}) => {
  // The index arrives late, so the visitor types before the linked question could be asked.
  await page.route("**/retrieval/article-index.json?v=*", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    await route.continue();
  });
  await page.goto(`/?q=${encodeURIComponent("What is the capital of France?")}`);
  await expect(app.input).toHaveValue("What is the capital of France?");
  await app.ask("Who wrote the article?");
  await expect(app.rag.answer).toContainText("Aqsa Zafar", { timeout: 60_000 });
  await expect(app.fineTuned.answer).toContainText("Aqsa Zafar", { timeout: 60_000 });
  await expect(app.input).toHaveValue("Who wrote the article?");
  expect(new URL(page.url()).searchParams.get("q")).toBe("Who wrote the article?");
  // And the linked question is never asked afterwards.
  await page.waitForTimeout(1_000);
  await expect(app.rag.answer).toContainText("Aqsa Zafar");
});

test("a shared link never overwrites text the visitor is already typing", async ({ app, page }) => {
  await page.route("**/retrieval/article-index.json?v=*", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    await route.continue();
  });
  await page.goto(`/?q=${encodeURIComponent("Who wrote the article?")}`);
  await app.input.fill("What does the retrieval");
  await expect(app.rag.ready).toBeVisible();
  await page.waitForTimeout(500);
  await expect(app.input).toHaveValue("What does the retrieval");
  await expect(app.rag.answer).toHaveCount(0);
});

test("Stop ends generation at once in both panels, and each answer says it was stopped", async ({ app }) => {
  // Slow motion: a pause before each token, so Stop lands mid-answer.
  await app.goto("?rag=generative&pace=400");
  await expect(app.fineTuned.ready).toBeVisible({ timeout: 60_000 });
  await expect(app.rag.panel.getByTestId("reader-ready")).toBeVisible({ timeout: 90_000 });
  await app.ask("Which approach has a retrieval component?");
  // Both are writing: the first tokens are on screen.
  await expect(app.rag.panel.getByTestId("rag-streaming")).toBeVisible({ timeout: 30_000 });
  await expect(app.fineTuned.answer).not.toHaveText("", { timeout: 30_000 });
  await app.rag.panel.getByTestId("rag-stop").click();
  await app.fineTuned.panel.getByTestId("fine-tuned-stop").click();
  // Within a token or two of the pace: the answers end well short of their budgets.
  await expect(app.rag.panel.getByTestId("rag-stopped")).toBeVisible({ timeout: 2_000 });
  await expect(app.fineTuned.panel.getByTestId("fine-tuned-stopped")).toBeVisible({ timeout: 2_000 });
  expect(Number(await app.fineTuned.speed.getAttribute("data-tokens"))).toBeLessThan(10);
  expect(Number(await app.rag.panel.getByTestId("rag-answer-mode").getAttribute("data-tokens"))).toBeLessThan(
    10,
  );
});

/** Files for the file picker: `count` small text documents, each with one fact. */
const textFiles = (count: number, prefix: string) =>
  Array.from({ length: count }, (_, n) => ({
    name: `${prefix}-${n + 1}.txt`,
    mimeType: "text/plain",
    buffer: Buffer.from(`Fact ${prefix} ${n + 1}: the ${prefix} shelf holds box ${n + 1}.`),
  }));

test("choosing 25 files at once keeps 20, and each other file is told why", async ({ app, page }) => {
  await app.goto();
  await page.getByTestId("document-files").setInputFiles(textFiles(25, "notes"));
  await expect(app.documents.messages).toHaveCount(25, { timeout: 30_000 });
  await expect(app.documents.items).toHaveCount(20);
  await expect(app.documents.messages.filter({ hasText: "at most 20 documents" })).toHaveCount(5);
  for (const n of [21, 22, 23, 24, 25]) {
    await expect(app.documents.messages.filter({ hasText: `"notes-${n}": at most 20` })).toHaveCount(1);
  }
});

test("a binary file renamed .txt is refused with its own message, beside the files that were added", async ({
  app,
  page,
}) => {
  await app.goto();
  await page.getByTestId("document-files").setInputFiles([
    {
      name: "photo.txt",
      mimeType: "text/plain",
      buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0]),
    },
    ...textFiles(1, "notes"),
    {
      name: "notes-1.md",
      mimeType: "text/markdown",
      buffer: Buffer.from("Another note with the same name."),
    },
  ]);
  await expect(app.documents.messages).toHaveCount(3);
  await expect(app.documents.messages.nth(0)).toContainText('"photo": this looks like a binary file');
  await expect(app.documents.items).toContainText(["notes-1", "notes-1 (2)"]);
});

test('a UTF-16 text file, as Windows Notepad saves "Unicode", is read as text and cited', async ({
  app,
  page,
}) => {
  await app.goto("?rag=extractive");
  const fact = "The school's robotics club meets every Thursday in room 214.";
  await page.getByTestId("document-files").setInputFiles([
    {
      name: "club.txt",
      mimeType: "text/plain",
      buffer: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(fact, "utf16le")]),
    },
  ]);
  await expect(app.documents.items).toContainText(["club"]);
  await app.ask("When does the robotics club meet?");
  await expect(app.rag.citations.filter({ hasText: "every Thursday in room 214" }).first()).toBeVisible();
});

async function openTab(context: BrowserContext): Promise<AppPage> {
  const page: Page = await context.newPage();
  const tab = new AppPage(page);
  await tab.goto();
  return tab;
}

test("two tabs adding documents at once keep 20 between them, and each tab sees the other's", async ({
  app,
  context,
}) => {
  await app.goto();
  const other = await openTab(context);
  await Promise.all([
    app.page.getByTestId("document-files").setInputFiles(textFiles(12, "left")),
    other.page.getByTestId("document-files").setInputFiles(textFiles(12, "right")),
  ]);
  await expect(app.documents.messages).toHaveCount(12, { timeout: 30_000 });
  await expect(other.documents.messages).toHaveCount(12, { timeout: 30_000 });
  // Both lists show all 20 stored documents, without a reload.
  await expect(app.documents.items).toHaveCount(20);
  await expect(other.documents.items).toHaveCount(20);
  const refused =
    (await app.documents.messages.filter({ hasText: "at most 20" }).count()) +
    (await other.documents.messages.filter({ hasText: "at most 20" }).count());
  expect(refused).toBe(4);
  // A document added in one tab is cited in the other.
  await other.ask("Which shelf holds box 3?");
  await expect(other.rag.citations.first()).toContainText("shelf holds box 3");
  await other.page.close();
});
