/**
 * How every Playwright-driven Chromium here is launched (end-to-end tests, benchmark, screenshot): Debian's
 * Chromium, never a downloaded browser, with flags that keep it from reaching for the network on its own.
 */
export const CHROMIUM_LAUNCH_OPTIONS = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};
