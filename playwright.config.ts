import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// The e2e server: production build, its own database under .tmp/e2e, port 3100 (E2E_PORT overrides it, e.g. to run two checkouts at once).
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${E2E_PORT}`;
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const launchOptions = {
  executablePath: existsSync(chromiumPath) ? chromiumPath : undefined,
  // Without the networking flags Chromium floods the closed network of our machines.
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
};

/** e2e/http/*.spec.ts drive the server with raw HTTP requests only (Playwright's `request` fixture). */
const HTTP_SPECS = /http\/.*\.spec\.ts$/;

export default defineConfig({
  testDir: "e2e",
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  // One test walks several screens on a 2-core machine shared by two workers and the server: 30 s was too tight under load (a CI run failed at 30.9 s).
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : [["list"]],
  use: { baseURL, screenshot: "only-on-failure", trace: "retain-on-failure", locale: "pt-BR", timezoneId: "America/Sao_Paulo" },
  projects: [
    { name: "phone", testIgnore: HTTP_SPECS, use: { ...devices["Pixel 7"], launchOptions } },
    { name: "desktop", testIgnore: HTTP_SPECS, use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 800 }, launchOptions } },
    // Attacks replayed over real HTTP against the production server (issue 12): no browser, run once.
    { name: "http", testMatch: HTTP_SPECS },
  ],
  webServer: {
    command: "npx tsx e2e/support/prepare-server.ts && npx tsx scripts/server.ts",
    url: `${baseURL}/entrar`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      DATA_DIR: ".tmp/e2e",
      DATABASE_URL: "file:.tmp/e2e/app.db",
      // The embedded default (no APP_URL, so http://localhost:$PORT): what an ISP runs, and what lets
      // e2e/login-host.spec.ts sign in through http://127.0.0.1:$PORT. Empty also overrides a shell's APP_URL.
      APP_URL: "",
      TRUSTED_ORIGINS: "",
      PORT: String(E2E_PORT),
      LOG_LEVEL: "warn",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
