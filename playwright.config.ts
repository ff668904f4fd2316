import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_LAUNCH_OPTIONS } from "./scripts/chromium";

const PORT = Number(process.env.E2E_PORT ?? 3100);
/** The static export (npm run build:static), served by a plain file server that sends no headers of ours. */
const STATIC_PORT = PORT + 1;
const STATIC_SPEC = /static-hosting\.spec\.ts/;

/**
 * End-to-end tests run against the production build (`npm run build` first) in Debian's Chromium: no
 * browser is downloaded (scripts/chromium.ts).
 */
export default defineConfig({
  testDir: "e2e",
  timeout: 90_000,
  expect: { timeout: 30_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    launchOptions: CHROMIUM_LAUNCH_OPTIONS,
  },
  projects: [
    {
      name: "chromium",
      testIgnore: STATIC_SPEC,
      use: { ...devices["Desktop Chrome"], channel: undefined },
    },
    {
      name: "static-hosting",
      testMatch: STATIC_SPEC,
      use: { ...devices["Desktop Chrome"], channel: undefined, baseURL: `http://127.0.0.1:${STATIC_PORT}` },
    },
  ],
  webServer: [
    {
      // next directly, not through npx: killing npx would leave next-server holding the port.
      command: `node node_modules/next/dist/bin/next start -p ${PORT} -H 127.0.0.1`,
      url: `http://127.0.0.1:${PORT}`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      // Python's own file server: as plain as static hosting gets (Debian's python3, used by training too).
      command: `python3 -m http.server ${STATIC_PORT} --bind 127.0.0.1 --directory out`,
      url: `http://127.0.0.1:${STATIC_PORT}/index.html`,
      // It logs every request on stderr; the test reports what matters.
      stderr: "ignore",
      reuseExistingServer: false,
      timeout: 60_000,
    },
  ],
});
