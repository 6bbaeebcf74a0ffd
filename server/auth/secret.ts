import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Env } from "@/server/env";

/**
 * The auth secret: from BETTER_AUTH_SECRET, or on the embedded default generated once into the
 * data folder (mode 0600) so sessions survive restarts without any set-up.
 */
export function resolveAuthSecret(e: Env): string {
  if (e.authSecret) return e.authSecret;
  if (!e.isEmbeddedDb) throw new Error("BETTER_AUTH_SECRET is required when the database is not the embedded file");
  const file = path.resolve(e.dataDir, "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  const secret = Buffer.from(bytes).toString("base64url");
  try {
    writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
    return secret;
  } catch (err) {
    // Another process created it first: use theirs.
    if ((err as NodeJS.ErrnoException).code === "EEXIST") return readFileSync(file, "utf8").trim();
    throw err;
  }
}
