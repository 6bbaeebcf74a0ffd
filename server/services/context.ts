/**
 * What every service verb receives: the database, who acts, the clock and a logger.
 * Jobs, an ERP sync and a public API call the same verbs as the panel, so the actor is not always a person.
 */
import type { Logger } from "pino";
import type { Db } from "@/db/client";
import type { Role } from "@/db/schema/constants";
import type { SessionUser } from "@/server/auth/session";
import { logger } from "@/server/lib/logger";

export const API_KEY_SCOPES = ["messages:send", "messages:read", "customers:read"] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export type Actor =
  | { kind: "user"; id: string; name: string; role: Role }
  | { kind: "api_key"; id: string; name: string; scopes: readonly ApiKeyScope[] }
  | { kind: "system"; job: string };

export type ServiceContext = { db: Db; actor: Actor; now: () => Date; log: Logger };

function build(db: Db, actor: Actor): ServiceContext {
  return { db, actor, now: () => new Date(), log: logger.child({ actor: actorRef(actor) }) };
}

/** The signed-in person behind a tRPC call or a route handler. */
export function userContext(db: Db, user: Pick<SessionUser, "id" | "name" | "role">): ServiceContext {
  return build(db, { kind: "user", id: user.id, name: user.name, role: user.role });
}

/** A named background job (e.g. "release-batches"): no person, permissions of the system. */
export function systemContext(db: Db, job: string): ServiceContext {
  return build(db, { kind: "system", job });
}

export function apiKeyContext(db: Db, key: { id: string; name: string; scopes: readonly ApiKeyScope[] }): ServiceContext {
  return build(db, { kind: "api_key", id: key.id, name: key.name, scopes: key.scopes });
}

/** How an actor is written in audit entries and created_by columns: user:<id>, api_key:<id>, system:<job>. */
export function actorRef(actor: Actor): string {
  return actor.kind === "system" ? `system:${actor.job}` : `${actor.kind}:${actor.id}`;
}

/** The user id kept beside the actor for joins (the history's "Operador"); null for keys and jobs. */
export function actorUserId(actor: Actor): string | null {
  return actor.kind === "user" ? actor.id : null;
}

/** Who did it, as queue and ledger events record it: a person's id and name, or the key's / job's reference. */
export function actorStamp(actor: Actor): { by: string; byName: string } {
  if (actor.kind === "user") return { by: actor.id, byName: actor.name };
  return { by: actorRef(actor), byName: actor.kind === "api_key" ? actor.name : actor.job };
}

/** Whether a row was created by this actor: a person by created_by (rows older than the actor column too), others by actor. */
export function createdByActor(row: { createdBy: string | null; actor: string | null }, actor: Actor): boolean {
  return actor.kind === "user" ? row.createdBy === actor.id : row.actor === actorRef(actor);
}

/** The same context with a fixed clock (tests, and jobs that act "as of" a moment). */
export function atTime(ctx: ServiceContext, at: Date): ServiceContext {
  return { ...ctx, now: () => at };
}
