import "server-only";
import { betterAuth, type BetterAuthPlugin } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { eq } from "drizzle-orm";
import { type Db, getDb } from "@/db/client";
import * as schema from "@/db/schema";
import { ROLES } from "@/db/schema/constants";
import { requestOrigin } from "@/server/api/request-guard";
import { clientIp } from "@/server/http/forwarding";
import { type Env, env } from "@/server/env";
import { logger } from "@/server/lib/logger";
import {
  clearLoginFailures,
  type LoginAttempt,
  lockMessage,
  loginLockRemaining,
  recordLoginFailure,
} from "@/server/services/auth/login-throttle";
import { resolveAuthSecret } from "@/server/lib/data-secrets";
import { authErrorMessage } from "./error-messages";
import { DEVICE_COOKIE_MAX_AGE_S, deviceCookieName, issueDeviceToken, readCookie, verifyDeviceToken } from "./known-device";

const SIGN_IN_PATH = "/sign-in/email";

/**
 * The only auth endpoints the panel uses. The rest (update-user, change-password, change-email…)
 * would let a user rename themselves or change their account outside the audited admin screens.
 */
const ALLOWED_PATHS = new Set([SIGN_IN_PATH, "/sign-out", "/get-session", "/ok", "/error"]);

function onlyUsedEndpoints(basePath: string): BetterAuthPlugin {
  return {
    id: "only-used-endpoints",
    onRequest: async (request) => {
      const path = new URL(request.url).pathname.replace(/\/+$/, "");
      const inside = path.startsWith(basePath) ? path.slice(basePath.length) : path;
      if (ALLOWED_PATHS.has(inside)) return;
      return { response: Response.json({ code: "NOT_FOUND", message: "Endereço de acesso não encontrado." }, { status: 404 }) };
    },
  };
}

function emailFromBody(body: unknown): string {
  const email = (body as { email?: unknown } | undefined)?.email;
  return typeof email === "string" ? email.trim().toLowerCase() : "";
}

/**
 * Which origins may sign in. With APP_URL set: it and TRUSTED_ORIGINS. Without it (the embedded
 * default, reached by IP or any name): also the address the browser used for this very request —
 * its Origin must equal the request's own Host, so another site is still refused.
 */
function trustedOrigins(e: Env): string[] | ((request?: Request) => string[]) {
  if (!e.acceptRequestOrigin) return e.trustedOrigins;
  return (request) => {
    const own = request ? requestOrigin(request) : null;
    return own ? [...e.trustedOrigins, own] : e.trustedOrigins;
  };
}

/** Replaces the English message of every JSON error answer with its Portuguese one. */
function portugueseErrors(appUrl: string): BetterAuthPlugin {
  return {
    id: "portuguese-errors",
    onResponse: async (response) => {
      if (response.status < 400 || !response.headers.get("content-type")?.includes("application/json")) return;
      const body: unknown = await response
        .clone()
        .json()
        .catch(() => null);
      if (!body || typeof body !== "object") return;
      const message = authErrorMessage({ ...(body as { code?: unknown; message?: unknown }), status: response.status }, appUrl);
      const headers = new Headers(response.headers);
      headers.delete("content-length");
      return { response: new Response(JSON.stringify({ ...body, message }), { status: response.status, statusText: response.statusText, headers }) };
    },
  };
}

export function createAuth(db: Db, e: Env = env()) {
  const secret = resolveAuthSecret(e);
  const basePath = "/api/auth";

  async function attemptOf(headers: Headers | undefined, body: unknown): Promise<LoginAttempt> {
    const email = emailFromBody(body);
    const token = readCookie(headers?.get("cookie"), await deviceCookieName(email));
    return { email, ip: clientIp(headers), device: await verifyDeviceToken(secret, email, token) };
  }

  return betterAuth({
    appName: "Painel de SMS",
    baseURL: e.appUrl,
    basePath,
    secret,
    trustedOrigins: trustedOrigins(e),
    plugins: [onlyUsedEndpoints(basePath), portugueseErrors(e.appUrl)],
    // better-auth skips the origin check when NODE_ENV=test; the tests must check what production does.
    advanced: { disableOriginCheck: false },
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
    // Expected refusals (wrong password, locked) are not errors; other failures are.
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
        const attempt = await attemptOf(ctx.headers, ctx.body);
        const remaining = await loginLockRemaining(db, attempt);
        if (remaining > 0) throw new APIError("TOO_MANY_REQUESTS", { message: lockMessage(remaining), code: "TOO_MANY_ATTEMPTS" });
        const [u] = await db.select({ disabled: schema.user.disabled }).from(schema.user).where(eq(schema.user.email, attempt.email));
        if (u?.disabled) {
          // Answered exactly like a wrong password, after the same kind of work (one password hash),
          // so a disabled account cannot be told apart from a wrong guess.
          const password = (ctx.body as { password?: unknown } | undefined)?.password;
          await ctx.context.password.hash(typeof password === "string" ? password : "");
          await recordLoginFailure(db, attempt);
          throw new APIError("UNAUTHORIZED", { message: "Invalid email or password", code: "INVALID_EMAIL_OR_PASSWORD" });
        }
      }),
      after: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== SIGN_IN_PATH) return;
        const attempt = await attemptOf(ctx.headers, ctx.body);
        const returned = ctx.context.returned;
        if (returned instanceof APIError) {
          if (returned.statusCode === 401) {
            await recordLoginFailure(db, attempt);
            logger.warn({ area: "auth", ip: attempt.ip, knownDevice: attempt.device !== null }, "failed sign-in");
          }
          return;
        }
        await clearLoginFailures(db, attempt);
        ctx.setCookie(await deviceCookieName(attempt.email), await issueDeviceToken(secret, attempt.email), {
          httpOnly: true,
          sameSite: "lax",
          secure: e.appUrl.startsWith("https://"),
          path: basePath,
          maxAge: DEVICE_COOKIE_MAX_AGE_S,
        });
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
