// Protects start-up validation: embedded defaults need nothing; a remote database needs its token and
// an explicit auth secret; every message names the variable.
import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

describe("parseEnv", () => {
  it("defaults to the embedded file under the data folder on port 3000", () => {
    const e = parseEnv({});
    expect(e.databaseUrl).toBe("file:data/app.db");
    expect(e.isEmbeddedDb).toBe(true);
    expect(e.appUrl).toBe("http://localhost:3000");
    expect(e.trustedOrigins).toEqual(["http://localhost:3000"]);
    // Reached by IP on the embedded default: sign-in trusts the address the browser used.
    expect(e.acceptRequestOrigin).toBe(true);
  });

  it("with APP_URL set, only it and TRUSTED_ORIGINS are trusted; empty values count as unset", () => {
    const e = parseEnv({ APP_URL: "https://sms.acme.com.br", TRUSTED_ORIGINS: " http://192.168.0.10:3000/ , https://painel.acme.com.br" });
    expect(e.acceptRequestOrigin).toBe(false);
    expect(e.trustedOrigins).toEqual(["https://sms.acme.com.br", "http://192.168.0.10:3000", "https://painel.acme.com.br"]);
    const empty = parseEnv({ APP_URL: "", TRUSTED_ORIGINS: "" });
    expect(empty.acceptRequestOrigin).toBe(true);
    expect(empty.appUrl).toBe("http://localhost:3000");
  });

  it("refuses TRUSTED_ORIGINS entries that are not plain origins (paths, wildcards, no scheme)", () => {
    for (const bad of ["192.168.0.10:3000", "https://*.acme.com.br", "https://acme.com.br/painel", "ftp://acme.com.br"]) {
      expect(() => parseEnv({ TRUSTED_ORIGINS: bad }), bad).toThrow(/TRUSTED_ORIGINS: TRUSTED_ORIGINS must be comma-separated origins/);
    }
  });

  it("uses Turso with a token and a secret", () => {
    const e = parseEnv({ DATABASE_URL: "libsql://painel-acme.turso.io", DATABASE_AUTH_TOKEN: "t", BETTER_AUTH_SECRET: "s".repeat(32), CREDENTIALS_KEY: Buffer.alloc(32, 7).toString("base64"), APP_URL: "https://sms.acme.com.br/" });
    expect(e.isEmbeddedDb).toBe(false);
    expect(e.appUrl).toBe("https://sms.acme.com.br");
  });

  it("names what is missing for a remote database", () => {
    expect(() => parseEnv({ DATABASE_URL: "libsql://painel-acme.turso.io" })).toThrow(/DATABASE_AUTH_TOKEN: .*required[\s\S]*CREDENTIALS_KEY: .*required[\s\S]*BETTER_AUTH_SECRET: .*required/);
  });

  it("runs jobs embedded unless Inngest is configured, and refuses INNGEST_DEV in production", () => {
    expect(parseEnv({}).jobs).toBe("embedded");
    expect(parseEnv({ INNGEST_EVENT_KEY: "k", INNGEST_SIGNING_KEY: "signkey-prod-1" }).jobs).toBe("inngest");
    expect(parseEnv({ INNGEST_BASE_URL: "http://inngest.internal:8288" }).jobs).toBe("inngest");
    expect(() => parseEnv({ NODE_ENV: "production", INNGEST_DEV: "1" })).toThrow(/INNGEST_DEV: INNGEST_DEV must not be set in production/);
  });

  it("rejects malformed values with the variable's name", () => {
    expect(() => parseEnv({ DATABASE_URL: "postgres://x" })).toThrow(/DATABASE_URL: DATABASE_URL must start with file:/);
    expect(() => parseEnv({ PORT: "abc" })).toThrow(/PORT:/);
    expect(() => parseEnv({ BETTER_AUTH_SECRET: "short" })).toThrow(/BETTER_AUTH_SECRET: BETTER_AUTH_SECRET must have at least 32/);
    expect(() => parseEnv({ CREDENTIALS_KEY: "c2hvcnQ=" })).toThrow(/CREDENTIALS_KEY: CREDENTIALS_KEY must be 32 random bytes/);
    expect(() => parseEnv({ APP_URL: "not a url" })).toThrow(/APP_URL: APP_URL must be an absolute URL/);
  });
});
