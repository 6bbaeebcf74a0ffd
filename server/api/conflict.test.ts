// Protects against 5xx from ordinary races (issue 12 §7): four identical user.create at once gave
// 200, 500, 500, 500 (UNIQUE constraint). A broken constraint answers CONFLICT (409) in Portuguese,
// with the verb's own message where it has one.
import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { beforeAll, describe, expect, it } from "vitest";
import { smsMessage, user } from "@/db/schema";
import type { SessionUser } from "@/server/auth/session";
import { CONFLICT_MESSAGES, constraintViolation } from "@/server/services/db-errors";
import { createTestDb } from "@/test/db";
import { makeUser } from "@/test/factories";
import { createCaller } from "./root";
import { createCallerFactory, createInnerContext, protectedProcedure, router } from "./trpc";

const db = createTestDb();
let admin: SessionUser;

beforeAll(async () => {
  admin = await makeUser(db, "admin");
});

describe("constraint errors become CONFLICT", () => {
  it("four identical user.create at once: one creates, three answer 409 'Já existe um usuário com este e-mail.'", async () => {
    const caller = createCaller(createInnerContext({ db, user: admin }));
    const input = { name: "Conceição Araújo", email: "conceicao.araujo@provedor.test", password: "senha-forte-1", role: "tecnico" as const };
    const results = await Promise.allSettled(Array.from({ length: 4 }, () => caller.user.create(input)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected").map((r) => r.reason as TRPCError);
    expect(refused).toHaveLength(3);
    for (const e of refused) {
      expect(e).toBeInstanceOf(TRPCError);
      expect(e.code).toBe("CONFLICT");
      expect(getHTTPStatusCodeFromError(e)).toBe(409);
      expect(e.message).toBe("Já existe um usuário com este e-mail.");
    }
    expect(await db.select().from(user).where(eq(user.email, input.email))).toHaveLength(1);
  });

  it("any procedure: a UNIQUE or FOREIGN KEY failure of libSQL is a 409 with a Portuguese message, not 'erro interno'", async () => {
    const key = crypto.randomUUID();
    const insert = (values: { customerId?: number }) =>
      db.insert(smsMessage).values({
        ref: crypto.randomUUID(), origin: "api", phoneE164: "+5535991234567", motivo: "Teste", body: "Olá", encoding: "GSM7",
        segments: 1, characters: 3, status: "queued", idempotencyKey: key, ...values,
      });
    const t = router({
      duplicate: protectedProcedure.mutation(async () => {
        await insert({});
        await insert({});
      }),
      dangling: protectedProcedure.mutation(() => db.insert(smsMessage).values({
        ref: crypto.randomUUID(), origin: "api", phoneE164: "+5535991234567", motivo: "Teste", body: "Olá", encoding: "GSM7",
        segments: 1, characters: 3, status: "queued", idempotencyKey: crypto.randomUUID(), customerId: 987_654,
      })),
    });
    const caller = createCallerFactory(t)(createInnerContext({ db, user: admin }));
    await expect(caller.duplicate()).rejects.toMatchObject({ code: "CONFLICT", message: CONFLICT_MESSAGES.unique });
    await expect(caller.dangling()).rejects.toMatchObject({ code: "CONFLICT", message: CONFLICT_MESSAGES.foreign_key });
  });

  it("recognises the codes a remote libSQL server sends, and nothing else", () => {
    expect(constraintViolation({ code: "SQLITE_CONSTRAINT", message: "SQLITE_CONSTRAINT: UNIQUE constraint failed: user.email" })).toBe("unique");
    expect(constraintViolation(new Error("wrapped", { cause: { code: "SQLITE_CONSTRAINT_FOREIGNKEY" } }))).toBe("foreign_key");
    expect(constraintViolation({ code: "SQLITE_CONSTRAINT_NOTNULL" })).toBe("other");
    expect(constraintViolation({ code: "SQLITE_BUSY", message: "database is locked" })).toBeNull();
    expect(constraintViolation(new Error("UNIQUE constraint failed"))).toBeNull();
  });
});
