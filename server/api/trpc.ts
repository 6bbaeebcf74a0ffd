/**
 * tRPC set-up in three parts: context, initialisation, procedures.
 * Routers import procedures from here; only this file maps domain errors to tRPC codes.
 */
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError, z } from "zod";
import type { Db } from "@/db/client";
import type { Role } from "@/db/schema/constants";
import type { SessionUser } from "@/server/auth/session";
import { logger } from "@/server/lib/logger";
import { CONFLICT_MESSAGES, constraintViolation } from "@/server/services/db-errors";
import { type ServiceContext, userContext } from "@/server/services/context";
import { DomainError, type DomainErrorKind } from "@/server/services/errors";
import { zodFieldErrors } from "@/server/services/zod-field-errors";
import { BATCH_TOO_LARGE_MESSAGE } from "./batch-size";
import { ROLE_GROUPS } from "./permissions";

// 1. Context ---------------------------------------------------------------------------------

export type Context = { db: Db; user: SessionUser | null };

/** A context without a request: for tests (createCaller) and internal callers. */
export function createInnerContext(opts: { db: Db; user: SessionUser | null }): Context {
  return { db: opts.db, user: opts.user };
}

// 2. Initialisation ----------------------------------------------------------------------------

const CODE_BY_KIND: Record<DomainErrorKind, TRPCError["code"]> = {
  not_found: "NOT_FOUND",
  forbidden: "FORBIDDEN",
  conflict: "CONFLICT",
  validation: "BAD_REQUEST",
  limit_exceeded: "TOO_MANY_REQUESTS",
};

const TRPC_BATCH_REFUSAL = "Batch call exceeds maximum size";

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    const fieldErrors =
      cause instanceof ZodError
        ? zodFieldErrors(cause)
        : cause instanceof DomainError
          ? cause.fields
          : undefined;
    // The fetch adapter's own refusal of a batch over maxBatchSize (before any procedure runs) is in English.
    const message = error.code === "BAD_REQUEST" && error.message === TRPC_BATCH_REFUSAL ? BATCH_TOO_LARGE_MESSAGE : shape.message;
    return { ...shape, message, data: { ...shape.data, stack: undefined, fieldErrors: fieldErrors ?? null } };
  },
});

export const createCallerFactory = t.createCallerFactory;
export const router = t.router;

/** Maps domain errors to tRPC codes and constraint failures to CONFLICT; anything unknown becomes "erro interno" with the cause logged. */
const errorMapping = t.middleware(async ({ next, path, type }) => {
  const res = await next();
  if (res.ok) return res;
  const err = res.error;
  const cause = err.cause;
  if (cause instanceof DomainError) {
    throw new TRPCError({ code: CODE_BY_KIND[cause.kind], message: cause.message, cause });
  }
  // A constraint broken by a race (two identical creations at once) is a conflict, not a crash.
  const constraint = err.code === "INTERNAL_SERVER_ERROR" ? constraintViolation(cause) : null;
  if (constraint) {
    logger.warn({ err: cause, path, type, constraint }, "constraint conflict in procedure");
    throw new TRPCError({ code: "CONFLICT", message: CONFLICT_MESSAGES[constraint], cause });
  }
  if (err.code === "INTERNAL_SERVER_ERROR") {
    logger.error({ err: cause ?? err, path, type }, "unexpected error in procedure");
    throw new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "Erro interno. Tente novamente; se persistir, avise o suporte." });
  }
  return res;
});

// 3. Procedures --------------------------------------------------------------------------------

const baseProcedure = t.procedure.use(errorMapping);

/** Requires a signed-in, enabled user; narrows ctx.user to non-null. */
export const protectedProcedure = baseProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sua sessão expirou. Entre novamente." });
  return next({ ctx: { ...ctx, user: ctx.user } });
});

export function roleProcedure(roles: readonly Role[]) {
  return protectedProcedure.use(({ ctx, next }) => {
    if (!roles.includes(ctx.user.role)) {
      throw new TRPCError({ code: "FORBIDDEN", message: "Você não tem permissão para esta ação." });
    }
    return next();
  });
}

/** Operators and admins: everything with SMS. */
export const smsProcedure = roleProcedure(ROLE_GROUPS.sms);
/** Admins: users and SMS accounts. */
export const adminProcedure = roleProcedure(ROLE_GROUPS.admin);

export const idInput = z.object({ id: z.number().int().positive() });

/** The service context of a signed-in call: the verbs check their permission again with this actor. */
export function toServiceContext(ctx: { db: Db; user: SessionUser }): ServiceContext {
  return userContext(ctx.db, ctx.user);
}
