/**
 * The e2e suite drives Debian's Chromium (Playwright's own browser download cannot work here).
 * Installs it when running as root; otherwise says exactly what to install.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

function main() {
  if (existsSync(CHROMIUM_PATH)) return;
  if (process.getuid?.() === 0) {
    console.log("Chromium not found: installing Debian's chromium package (apt-get)…");
    for (const args of [["update", "-qq"], ["install", "-y", "-qq", "chromium"]]) {
      const res = spawnSync("apt-get", args, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
      if (res.status !== 0) break;
    }
    if (existsSync(CHROMIUM_PATH)) return;
  }
  console.error(
    `Chromium is required for the e2e tests and was not found at ${CHROMIUM_PATH}.\n` +
      "Install it with:  sudo apt-get update && sudo apt-get install -y chromium\n" +
      "or point CHROMIUM_PATH at an existing Chromium binary.",
  );
  process.exit(1);
}

main();
