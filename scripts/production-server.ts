/**
 * The production build (`npm run build`) served by `next start` for scripts that drive Chromium against it
 * (the benchmark, the README screenshot). Needs `.next` from a server build, not the static export.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";

export const hasServerBuild = () => existsSync(".next/BUILD_ID") && !existsSync(".next/export-detail.json");

export function startProductionServer(port: number): ChildProcess {
  // Its own process group, so stopping it stops next-server too.
  return spawn(
    process.execPath,
    ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"],
    { detached: true, stdio: "ignore" },
  );
}

export async function waitForServer(url: string): Promise<void> {
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`server at ${url} did not start`);
}

export function stopServer(server: ChildProcess): void {
  if (server.pid) process.kill(-server.pid, "SIGTERM");
}
