import { test as base, expect } from "@playwright/test";
import { AppPage } from "./pages/app-page";

interface Fixtures {
  app: AppPage;
  /** Console errors other than expected 404s, and uncaught page errors; checked empty after each test. */
  pageErrors: string[];
  /** Every URL the page requested that was not on the app's own origin; checked empty after each test. */
  foreignRequests: string[];
}

export const test = base.extend<Fixtures>({
  foreignRequests: [
    async ({ page, baseURL }, use) => {
      const origin = new URL(baseURL ?? "http://127.0.0.1").origin;
      const foreign: string[] = [];
      page.on("request", (request) => {
        const url = request.url();
        if (url.startsWith("data:") || url.startsWith("blob:")) return;
        if (new URL(url).origin !== origin) foreign.push(url);
      });
      await use(foreign);
      expect(foreign, "requests that left the app's origin").toEqual([]);
    },
    { auto: true },
  ],
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      page.on("console", (message) => {
        // A Content-Security-Policy violation is reported on the console: the policy must allow the app.
        if (message.type() === "error" && /Content Security Policy|Refused to/i.test(message.text())) {
          errors.push(message.text());
        }
      });
      await use(errors);
      expect(errors, "page errors and policy violations").toEqual([]);
    },
    { auto: true },
  ],
  app: async ({ page }, use) => {
    await use(new AppPage(page));
  },
});

export { expect };
