// Protects user administration: passwords are hashed so sign-in verifies them, e-mails are unique,
// disabling ends sessions, and the system can never lose its last active admin.
import { verifyPassword } from "better-auth/crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { account, session } from "@/db/schema";
import type { SessionUser } from "@/server/auth/session";
import { createTestDb } from "@/test/db";
import { makeUser } from "@/test/factories";
import { DomainError } from "../errors";
import { createUser, listUsers, setUserDisabled, setUserRole } from "./manage-users";
import { userContext } from "@/server/services/context";

const db = createTestDb();
let admin: SessionUser;

beforeAll(async () => {
  admin = await makeUser(db, "admin");
});

describe("user administration", () => {
  it("creates a user whose password verifies and is not stored in clear", async () => {
    const u = await createUser(userContext(db, admin), { name: "Carla Operadora", email: " Carla@Provedor.TEST ", password: "senha-forte-9", role: "operador" });
    expect(u).toMatchObject({ email: "carla@provedor.test", role: "operador", disabled: false });
    const [acc] = await db.select().from(account).where(eq(account.userId, u.id));
    expect(acc?.providerId).toBe("credential");
    expect(acc?.password).not.toContain("senha-forte-9");
    expect(await verifyPassword({ hash: acc!.password!, password: "senha-forte-9" })).toBe(true);
    expect((await listUsers(userContext(db, admin))).some((x) => x.id === u.id)).toBe(true);
  });

  it("refuses a duplicate e-mail with a field message", async () => {
    const input = { name: "Dup", email: "dup@provedor.test", password: "12345678", role: "tecnico" as const };
    await createUser(userContext(db, admin), input);
    const err = await createUser(userContext(db, admin), input).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).kind).toBe("conflict");
    expect((err as DomainError).fields).toEqual({ email: "Já existe um usuário com este e-mail." });
  });

  it("validates input in Portuguese and writes nothing", async () => {
    const before = (await listUsers(userContext(db, admin))).length;
    await expect(createUser(userContext(db, admin), { name: "X", email: "nao-e-email", password: "123", role: "tecnico" })).rejects.toThrow(
      /Informe o nome|Informe um e-mail válido|A senha precisa/,
    );
    expect((await listUsers(userContext(db, admin))).length).toBe(before);
  });

  it("changes a role", async () => {
    const t = await makeUser(db, "tecnico");
    expect((await setUserRole(userContext(db, admin), { userId: t.id, role: "operador" })).role).toBe("operador");
  });

  it("disabling a user deletes their sessions; re-enabling works", async () => {
    const t = await makeUser(db, "tecnico");
    await db.insert(session).values({ id: crypto.randomUUID(), token: crypto.randomUUID(), userId: t.id, expiresAt: new Date(Date.now() + 3600_000) });
    const off = await setUserDisabled(userContext(db, admin), { userId: t.id, disabled: true });
    expect(off.disabled).toBe(true);
    expect(await db.select().from(session).where(eq(session.userId, t.id))).toHaveLength(0);
    expect((await setUserDisabled(userContext(db, admin), { userId: t.id, disabled: false })).disabled).toBe(false);
  });

  it("never leaves the system without an active admin, and an admin cannot disable themself", async () => {
    const db2 = createTestDb();
    const only = await makeUser(db2, "admin");
    await expect(setUserRole(userContext(db2, only), { userId: only.id, role: "operador" })).rejects.toThrow(
      "É preciso manter pelo menos um administrador ativo.",
    );
    await expect(setUserDisabled(userContext(db2, only), { userId: only.id, disabled: true })).rejects.toThrow(
      "Você não pode desativar o seu próprio usuário.",
    );
    const other = await makeUser(db2, "admin");
    await setUserDisabled(userContext(db2, only), { userId: other.id, disabled: true });
    await expect(setUserRole(userContext(db2, other), { userId: only.id, role: "tecnico" })).rejects.toThrow(
      "É preciso manter pelo menos um administrador ativo.",
    );
  });

  it("says when the user does not exist", async () => {
    await expect(setUserRole(userContext(db, admin), { userId: "nope", role: "admin" })).rejects.toThrow("Usuário não encontrado.");
  });
});
