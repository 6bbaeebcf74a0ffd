import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // Vitest is not a React Server Components environment; the guard only matters in Next.
      "server-only": path.resolve(import.meta.dirname, "test/empty-module.ts"),
    },
  },
  test: {
    include: ["{app,server,db,scripts}/**/*.test.{ts,tsx}"],
    globalSetup: ["./test/global-setup.ts"],
    setupFiles: ["./test/setup.ts"],
    environment: "node",
    env: {
      NODE_ENV: "test",
      DATA_DIR: ".tmp/vitest/data",
      BETTER_AUTH_SECRET: "vitest-only-secret-0123456789abcdefghijklmnop",
      CREDENTIALS_KEY: "dml0ZXN0LW9ubHkta2V5LTAxMjM0NTY3ODlhYmNkZWY=",
      APP_URL: "http://localhost:3000",
      LOG_LEVEL: "silent",
    },
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
