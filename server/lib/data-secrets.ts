import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Env } from "@/server/env";
import { securePrivateDir } from "./file-modes";

/**
 * A secret from its env variable or, on the embedded default only, generated once into the data
 * folder (mode 0600) so a fresh machine needs no set-up and restarts keep the same value.
 */
function resolveDataSecret(e: Env, opts: { envName: string; envValue: string | undefined; file: string }): string {
  if (opts.envValue) return opts.envValue;
  if (!e.isEmbeddedDb) throw new Error(`${opts.envName} is required when the database is not the embedded file`);
  const file = path.resolve(e.dataDir, opts.file);
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  securePrivateDir(path.dirname(file));
  const secret = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64");
  try {
    writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
    return secret;
  } catch (err) {
    // Another process created it first: use theirs.
    if ((err as NodeJS.ErrnoException).code === "EEXIST") return readFileSync(file, "utf8").trim();
    throw err;
  }
}

export function resolveAuthSecret(e: Env): string {
  return resolveDataSecret(e, { envName: "BETTER_AUTH_SECRET", envValue: e.authSecret, file: "auth-secret" });
}

/** Base64 of the 32-byte AES key that encrypts SMS account credentials. */
export function resolveCredentialsKey(e: Env): string {
  return resolveDataSecret(e, { envName: "CREDENTIALS_KEY", envValue: e.credentialsKey, file: "credentials-key" });
}
