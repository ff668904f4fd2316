import { expect, test } from "./fixtures";

const ARTICLE_URL = "https://www.mltut.com/retrieval-augmented-generation-vs-fine-tuning-llm/";

test("a link to the demo previews well: title, description with the article's credit, image, icons", async ({
  page,
  request,
}) => {
  await page.goto("/");
  const meta = (attribute: string, name: string) =>
    page.locator(`meta[${attribute}="${name}"]`).getAttribute("content");
  expect(await meta("property", "og:title")).toBe("RAG vs Fine-Tuning, side by side");
  expect(await meta("property", "og:site_name")).toBe("RAG vs Fine-Tuning, side by side");
  expect(await meta("property", "og:description")).toContain("Aqsa Zafar");
  expect(await meta("name", "description")).toContain("Retrieval Augmented Generation vs. Fine-Tuning LLM");
  expect(await meta("name", "twitter:card")).toBe("summary_large_image");
  const image = (await meta("property", "og:image")) ?? "";
  expect(image).toMatch(/^https?:\/\/.+\/og-image\.png$/);
  const picture = await request.get(new URL(image).pathname);
  expect(picture.status()).toBe(200);
  expect(picture.headers()["content-type"]).toBe("image/png");
  for (const rel of ["icon", "apple-touch-icon"]) {
    const href = await page.locator(`link[rel="${rel}"]`).first().getAttribute("href");
    expect((await request.get(href ?? "")).status(), rel).toBe(200);
  }
});

test("the article's credit links to the original in a new tab, without handing it this page", async ({
  page,
}) => {
  await page.goto("/");
  const link = page.getByTestId("article-credit").getByRole("link");
  await expect(link).toHaveAttribute("href", ARTICLE_URL);
  await expect(link).toHaveAttribute("target", "_blank");
  await expect(link).toHaveAttribute("rel", "noopener noreferrer");
});
