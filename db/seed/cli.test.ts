import { describe, expect, it } from "vitest";
import { parseSeedArgs, runSeed } from "../seed";
import { assertSeedableUrl, isLocalDatabaseUrl, SeedRefusedError } from "./guard";

describe("guards and arguments", () => {
  it("refuses any non-file database URL, with no override", async () => {
    expect(isLocalDatabaseUrl("file:data/app.db")).toBe(true);
    for (const url of ["libsql://x.turso.io", "https://x.turso.io", "wss://x.turso.io", "libsql://localhost:8080"]) {
      expect(isLocalDatabaseUrl(url)).toBe(false);
      expect(() => assertSeedableUrl(url)).toThrow(SeedRefusedError);
    }
    const error = (() => {
      try {
        assertSeedableUrl("libsql://user:secret@x.turso.io?authToken=secret");
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error?.message).toMatch(/libsql:\/\/x\.turso\.io/);
    expect(error?.message).not.toContain("secret");
    // The URL is rejected before any client exists, so nothing is contacted.
    await expect(runSeed({ customers: 10, seed: 1, ifEmpty: false }, { url: "libsql://x.turso.io" })).rejects.toThrow(
      SeedRefusedError,
    );
    const log: string[] = [];
    expect(await runSeed({ customers: 10, seed: 1, ifEmpty: true }, { url: "libsql://x.turso.io", log: (l) => log.push(l) })).toBe(0);
    expect(log[0]).toMatch(/seed skipped/);
  });

  it("parses the CLI flags", () => {
    expect(parseSeedArgs([])).toMatchObject({ customers: 2000, ifEmpty: false });
    expect(parseSeedArgs(["--customers", "100000", "--seed", "5", "--if-empty"])).toEqual({ customers: 100000, seed: 5, ifEmpty: true });
    expect(parseSeedArgs(["--customers=500"]).customers).toBe(500);
    expect(() => parseSeedArgs(["--customers", "-3"])).toThrow();
    expect(() => parseSeedArgs(["--customers", "abc"])).toThrow(/non-negative integer/);
    expect(() => parseSeedArgs(["--bogus"])).toThrow();
  });
});
