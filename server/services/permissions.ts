/**
 * Who may call which verb, keyed by action: roles for people, scopes for API keys, and whether a job may.
 * Verbs check this themselves (requirePermission) because callers other than tRPC exist; the tRPC
 * role middleware stays as a first gate and must agree with the roles here (see role-matrix tests).
 */
import type { Role } from "@/db/schema/constants";
import { ROLE_GROUPS } from "@/server/api/permissions";
import type { ApiKeyScope, ServiceContext } from "./context";
import { forbidden } from "./errors";

type Rule = { roles: readonly Role[]; scopes: readonly ApiKeyScope[]; system: boolean };

export const PERMISSIONS = {
  "users.manage": { roles: ROLE_GROUPS.admin, scopes: [], system: false },
  "sms_accounts.manage": { roles: ROLE_GROUPS.admin, scopes: [], system: false },
  "settings.manage": { roles: ROLE_GROUPS.admin, scopes: [], system: false },
  "customers.read": { roles: ROLE_GROUPS.anyone, scopes: ["customers:read"], system: true },
  "opt_outs.lift": { roles: ROLE_GROUPS.sms, scopes: [], system: false },
  "sms.send": { roles: ROLE_GROUPS.anyone, scopes: ["messages:send"], system: true },
  "messages.read": { roles: ROLE_GROUPS.anyone, scopes: ["messages:read"], system: true },
  "messages.operators": { roles: ROLE_GROUPS.sms, scopes: ["messages:read"], system: true },
  "queue.manage": { roles: ROLE_GROUPS.sms, scopes: [], system: true },
  "queue.drain": { roles: ROLE_GROUPS.admin, scopes: [], system: true },
  "reference.read": { roles: ROLE_GROUPS.sms, scopes: [], system: true },
  "batches.read": { roles: ROLE_GROUPS.sms, scopes: [], system: true },
  // Creating a batch needs a person: sms_batch.created_by is a user (the history's "Operador").
  "batches.create": { roles: ROLE_GROUPS.sms, scopes: [], system: false },
  "batches.send": { roles: ROLE_GROUPS.sms, scopes: [], system: true },
} as const satisfies Record<string, Rule>;

export type Action = keyof typeof PERMISSIONS;

export function allows(ctx: Pick<ServiceContext, "actor">, action: Action): boolean {
  const rule: Rule = PERMISSIONS[action];
  const a = ctx.actor;
  if (a.kind === "user") return rule.roles.includes(a.role);
  if (a.kind === "api_key") return rule.scopes.some((s) => a.scopes.includes(s));
  return rule.system;
}

/** Throws the same "sem permissão" the tRPC gate gives. */
export function requirePermission(ctx: Pick<ServiceContext, "actor">, action: Action): void {
  if (!allows(ctx, action)) throw forbidden();
}

/** For verbs that record a person (sms_batch.created_by): allowed and a user, or "sem permissão". */
export function requireUserActor(ctx: Pick<ServiceContext, "actor">, action: Action): Extract<ServiceContext["actor"], { kind: "user" }> {
  requirePermission(ctx, action);
  if (ctx.actor.kind !== "user") throw forbidden();
  return ctx.actor;
}
