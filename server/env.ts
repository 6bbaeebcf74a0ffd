import { z } from "zod";
import { isProxyEntry } from "./http/forwarding";

const emptyAsUnset = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const splitList = (v: string) => v.split(",").map((s) => s.trim()).filter(Boolean);

// Validated once per process; every message names the variable and what is expected.
const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATA_DIR: z.string().min(1).default("data"),
    DATABASE_URL: z
      .string()
      .regex(/^(file:|libsql:\/\/|https?:\/\/|wss?:\/\/)/, "DATABASE_URL must start with file:, libsql://, https:// or wss://")
      .optional(),
    DATABASE_AUTH_TOKEN: z.string().min(1).optional(),
    BETTER_AUTH_SECRET: z.string().min(32, "BETTER_AUTH_SECRET must have at least 32 characters").optional(),
    CREDENTIALS_KEY: z
      .string()
      .refine((v) => {
        try {
          return Buffer.from(v, "base64").length === 32;
        } catch {
          return false;
        }
      }, "CREDENTIALS_KEY must be 32 random bytes in base64 (openssl rand -base64 32)")
      .optional(),
    // An empty value (e.g. `APP_URL=` in a compose file) is the same as not setting it.
    APP_URL: z.preprocess(emptyAsUnset, z.url("APP_URL must be an absolute URL such as https://sms.provedor.com.br").optional()),
    TRUSTED_ORIGINS: z.preprocess(
      emptyAsUnset,
      z
        .string()
        .refine(
          (v) => splitList(v).every((o) => /^https?:\/\/[^/*?]+$/.test(o.replace(/\/$/, "")) && URL.canParse(o)),
          "TRUSTED_ORIGINS must be comma-separated origins such as https://sms.provedor.com.br,http://192.168.0.10:3000",
        )
        .optional(),
    ),
    // Reverse proxies whose X-Forwarded-For/-Host/-Proto are believed (IPs or CIDR ranges).
    TRUSTED_PROXIES: z.preprocess(
      emptyAsUnset,
      z
        .string()
        .refine(
          (v) => splitList(v).length > 0 && splitList(v).every(isProxyEntry),
          "TRUSTED_PROXIES must be comma-separated IP addresses or CIDR ranges of your reverse proxies, such as 127.0.0.1,10.0.0.0/8,::1",
        )
        .optional(),
    ),
    INNGEST_EVENT_KEY: z.string().min(1).optional(),
    INNGEST_SIGNING_KEY: z.string().min(1).optional(),
    INNGEST_BASE_URL: z.url("INNGEST_BASE_URL must be an absolute URL of a self-hosted Inngest server").optional(),
    INNGEST_DEV: z.string().optional(),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  })
  .transform((e) => {
    const databaseUrl = e.DATABASE_URL ?? `file:${e.DATA_DIR}/app.db`;
    const appUrl = (e.APP_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, "");
    return {
      nodeEnv: e.NODE_ENV,
      dataDir: e.DATA_DIR,
      databaseUrl,
      databaseAuthToken: e.DATABASE_AUTH_TOKEN,
      isEmbeddedDb: databaseUrl.startsWith("file:"),
      authSecret: e.BETTER_AUTH_SECRET,
      credentialsKey: e.CREDENTIALS_KEY,
      appUrl,
      trustedOrigins: [new URL(appUrl).origin, ...splitList(e.TRUSTED_ORIGINS ?? "").map((s) => new URL(s).origin)],
      // Without APP_URL (the embedded default) staff reach the panel by whatever name or IP address
      // the server has; sign-in then also trusts the address the browser used (same origin only).
      acceptRequestOrigin: e.APP_URL === undefined,
      trustedProxies: splitList(e.TRUSTED_PROXIES ?? ""),
      port: e.PORT,
      // Inngest drives the jobs when configured (Cloud keys or a self-hosted server); otherwise the
      // same functions run in the embedded runner inside the Next server.
      jobs: e.INNGEST_EVENT_KEY || e.INNGEST_SIGNING_KEY || e.INNGEST_BASE_URL ? ("inngest" as const) : ("embedded" as const),
      inngestDev: Boolean(e.INNGEST_DEV && e.INNGEST_DEV !== "0" && e.INNGEST_DEV !== "false"),
      logLevel: e.LOG_LEVEL,
    };
  })
  .superRefine((e, ctx) => {
    const remote = !e.isEmbeddedDb;
    const localHost = /^(libsql|https?|wss?):\/\/(localhost|127\.0\.0\.1|\[::1\])(:|\/|$)/.test(e.databaseUrl);
    if (remote && !localHost && !e.databaseAuthToken) {
      ctx.addIssue({ code: "custom", path: ["DATABASE_AUTH_TOKEN"], message: "DATABASE_AUTH_TOKEN is required for a remote (Turso) DATABASE_URL" });
    }
    if (e.nodeEnv === "production" && e.inngestDev) {
      ctx.addIssue({ code: "custom", path: ["INNGEST_DEV"], message: "INNGEST_DEV must not be set in production: the Inngest endpoint would accept unsigned requests" });
    }
    if (remote && !e.credentialsKey) {
      ctx.addIssue({ code: "custom", path: ["CREDENTIALS_KEY"], message: "CREDENTIALS_KEY is required when the database is not the embedded file (SMS account credentials are encrypted with it)" });
    }
    if (remote && !e.authSecret) {
      ctx.addIssue({ code: "custom", path: ["BETTER_AUTH_SECRET"], message: "BETTER_AUTH_SECRET is required when the database is not the embedded file (it cannot be generated into the data folder of every server)" });
    }
  });

export type Env = z.output<typeof schema>;

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const res = schema.safeParse(source);
  if (!res.success) {
    const lines = res.error.issues.map((i) => `  - ${i.path.join(".") || "env"}: ${i.message}`);
    throw new EnvError(`Invalid environment configuration:\n${lines.join("\n")}\nSee the configuration table in README.md.`);
  }
  return res.data;
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
