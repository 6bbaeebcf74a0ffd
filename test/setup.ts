import { afterEach, beforeEach, vi } from "vitest";

// A test fails if console.error fires unexpectedly. A test that expects it calls allowConsoleError().
let allowed = false;
let errorSpy: ReturnType<typeof vi.spyOn> | undefined;

export function allowConsoleError(): void {
  allowed = true;
}

beforeEach(() => {
  allowed = false;
  errorSpy = vi.spyOn(console, "error").mockImplementation(() => {});
});

afterEach(() => {
  const calls = errorSpy?.mock.calls ?? [];
  errorSpy?.mockRestore();
  if (!allowed && calls.length > 0) {
    throw new Error(`console.error was called unexpectedly:\n${calls.map((c: unknown[]) => c.map(String).join(" ")).join("\n")}`);
  }
});
