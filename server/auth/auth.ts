import "server-only";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { eq } from "drizzle-orm";
import { type Db, getDb } from "@/db/client";
import * as schema from "@/db/schema";
import { ROLES } from "@/db/schema/constants";
import { env } from "@/server/env";
import { logger } from "@/server/lib/logger";
import {
  clearLoginFailures,
  lockMessage,
  loginLockRemaining,
  recordLoginFailure,
} from "@/server/services/auth/login-throttle";
import { resolveAuthSecret } from "@/server/lib/data-secrets";

const SIGN_IN_PATH = "/sign-in/email";

function clientIp(headers: Headers | undefined): string {
  const forwarded = headers?.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers?.get("x-real-ip") || "local";
}

function emailFromBody(body: unknown): string {
  const email = (body as { email?: unknown } | undefined)?.email;
  return typeof email === "string" ? email.trim().toLowerCase() : "";
}

export function createAuth(db: Db) {
  const e = env();
  return betterAuth({
    appName: "Painel de SMS",
    baseURL: e.appUrl,
    secret: resolveAuthSecret(e),
    trustedOrigins: e.trustedOrigins,
    database: drizzleAdapter(db, { provider: "sqlite", schema }),
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 8 },
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    user: {
      additionalFields: {
        role: { type: [...ROLES], required: true, defaultValue: "tecnico", input: false },
        disabled: { type: "boolean", required: true, defaultValue: false, input: false },
      },
    },
    // Our own failed-login throttle (below) replaces the generic per-request limiter.
    rateLimit: { enabled: false },
    logger: {
      level: "warn",
      log: (level, message) => logger[level]({ area: "auth" }, message),
    },
    // Expected refusals (wrong password, locked, disabled) are not errors; other failures are.
    onAPIError: {
      onError: (err) => {
        if (err instanceof APIError && err.statusCode < 500) logger.info({ area: "auth", status: err.statusCode }, err.message);
        else logger.error({ area: "auth", err }, "auth endpoint failed");
      },
    },
    databaseHooks: {
      session: {
        create: {
          // Safety net: a disabled user never gets a session, whatever the entry point.
          before: async (session) => {
            const [u] = await db.select({ disabled: schema.user.disabled }).from(schema.user).where(eq(schema.user.id, session.userId));
            if (!u || u.disabled) return false;
          },
        },
      },
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== SIGN_IN_PATH) return;
        const email = emailFromBody(ctx.body);
        const remaining = await loginLockRemaining(db, email, clientIp(ctx.headers));
        if (remaining > 0) throw new APIError("TOO_MANY_REQUESTS", { message: lockMessage(remaining), code: "TOO_MANY_ATTEMPTS" });
        const [u] = await db.select({ disabled: schema.user.disabled }).from(schema.user).where(eq(schema.user.email, email));
        if (u?.disabled) throw new APIError("FORBIDDEN", { message: "Este usuário está desativado. Fale com um administrador.", code: "USER_DISABLED" });
      }),
      after: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== SIGN_IN_PATH) return;
        const email = emailFromBody(ctx.body);
        const ip = clientIp(ctx.headers);
        const returned = ctx.context.returned;
        if (returned instanceof APIError) {
          if (returned.statusCode === 401) {
            await recordLoginFailure(db, email, ip);
            logger.warn({ area: "auth", ip }, "failed sign-in");
          }
        } else {
          await clearLoginFailures(db, email, ip);
        }
      }),
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;

const globalForAuth = globalThis as unknown as { __smsAuth?: Auth };
export function getAuth(): Auth {
  globalForAuth.__smsAuth ??= createAuth(getDb());
  return globalForAuth.__smsAuth;
}
