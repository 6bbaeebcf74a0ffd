import { hashPassword } from "better-auth/crypto";
import { and, asc, eq, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { account, session, user } from "@/db/schema";
import { constraintViolation } from "../db-errors";
import { conflict, forbidden, invalid, notFound } from "../errors";
import {
  type CreateUserInput,
  createUserInput,
  setUserDisabledInput,
  setUserRoleInput,
  type UserOutput,
} from "./schemas";
import { requirePermission } from "@/server/services/permissions";
import { actorUserId, type ServiceContext } from "@/server/services/context";


const columns = { id: user.id, name: user.name, email: user.email, role: user.role, disabled: user.disabled, createdAt: user.createdAt };

export async function listUsers(ctx: ServiceContext): Promise<UserOutput[]> {
  requirePermission(ctx, "users.manage");
  const { db } = ctx;
  return db.select(columns).from(user).orderBy(asc(user.name));
}

const emailTaken = () => conflict("Já existe um usuário com este e-mail.", { email: "Já existe um usuário com este e-mail." });

/** Creates a user who signs in with e-mail and password (better-auth credential account). */
export async function createUser(ctx: ServiceContext, input: CreateUserInput): Promise<UserOutput> {
  requirePermission(ctx, "users.manage");
  const data = createUserInput.parse(input);
  const [existing] = await ctx.db.select({ id: user.id }).from(user).where(eq(user.email, data.email));
  if (existing) throw emailTaken();
  const id = crypto.randomUUID();
  const passwordHash = await hashPassword(data.password);
  const now = new Date();
  try {
    await ctx.db.batch([
      ctx.db.insert(user).values({ id, name: data.name, email: data.email, emailVerified: true, role: data.role, createdAt: now, updatedAt: now }),
      ctx.db.insert(account).values({ id: crypto.randomUUID(), accountId: id, providerId: "credential", userId: id, password: passwordHash, createdAt: now, updatedAt: now }),
    ]);
  } catch (err) {
    // The same e-mail created by another request between the check above and this insert.
    if (constraintViolation(err) === "unique") throw emailTaken();
    throw err;
  }
  const [created] = await ctx.db.select(columns).from(user).where(eq(user.id, id));
  if (!created) throw notFound("Usuário não encontrado.");
  return created;
}

async function mustFind(db: Db, userId: string) {
  const [u] = await db.select(columns).from(user).where(eq(user.id, userId));
  if (!u) throw notFound("Usuário não encontrado.");
  return u;
}

/** Refuses changes that would leave the system with no enabled admin. */
async function assertAnotherAdmin(db: Db, userId: string) {
  const others = await db
    .select({ id: user.id })
    .from(user)
    .where(and(eq(user.role, "admin"), eq(user.disabled, false), ne(user.id, userId)))
    .limit(1);
  if (others.length === 0) throw invalid("É preciso manter pelo menos um administrador ativo.");
}

export async function setUserRole(ctx: ServiceContext, input: { userId: string; role: string }): Promise<UserOutput> {
  requirePermission(ctx, "users.manage");
  const data = setUserRoleInput.parse(input);
  const target = await mustFind(ctx.db, data.userId);
  if (target.role === "admin" && data.role !== "admin") await assertAnotherAdmin(ctx.db, target.id);
  await ctx.db.update(user).set({ role: data.role, updatedAt: new Date() }).where(eq(user.id, target.id));
  return mustFind(ctx.db, target.id);
}

/** Disabling also ends every session of that user at once. */
export async function setUserDisabled(ctx: ServiceContext, input: { userId: string; disabled: boolean }): Promise<UserOutput> {
  requirePermission(ctx, "users.manage");
  const data = setUserDisabledInput.parse(input);
  const target = await mustFind(ctx.db, data.userId);
  if (data.disabled && target.id === actorUserId(ctx.actor)) throw forbidden("Você não pode desativar o seu próprio usuário.");
  if (data.disabled && target.role === "admin") await assertAnotherAdmin(ctx.db, target.id);
  await ctx.db.batch([
    ctx.db.update(user).set({ disabled: data.disabled, updatedAt: new Date() }).where(eq(user.id, target.id)),
    ...(data.disabled ? [ctx.db.delete(session).where(eq(session.userId, target.id))] : []),
  ]);
  return mustFind(ctx.db, target.id);
}
