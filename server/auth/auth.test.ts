// Protects sign-in end to end through better-auth's real handler on a real database: a session
// cookie on success, failed logins locked after the limit (with a message in Portuguese), and
// disabled users refused.
import { describe, expect, it } from "vitest";
import { createTestDb } from "@/test/db";
import { makeUser } from "@/test/factories";
import { LOGIN_THROTTLE } from "@/server/services/auth/login-throttle";
import { setUserDisabled } from "@/server/services/users/manage-users";
import { createAuth } from "./auth";
import { toSessionUser } from "./session";

const db = createTestDb();
const auth = createAuth(db);
const ORIGIN = "http://localhost:3000";

function signIn(email: string, password: string, ip = "203.0.113.7") {
  return auth.handler(
    new Request(`${ORIGIN}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: ORIGIN, "x-forwarded-for": ip },
      body: JSON.stringify({ email, password }),
    }),
  );
}

describe("sign-in", () => {
  it("creates a database session whose user carries the role", async () => {
    const u = await makeUser(db, "operador", { password: "senha-certa-1" });
    const res = await signIn(u.email, "senha-certa-1");
    expect(res.status).toBe(200);
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/better-auth\.session_token=/);
    const s = await auth.api.getSession({ headers: new Headers({ cookie: cookie.split(";")[0]! }) });
    expect(toSessionUser(s?.user)).toEqual({ id: u.id, name: u.name, email: u.email, role: "operador" });
  });

  it("locks an account+IP after repeated failures, even for the right password, but not other IPs", async () => {
    const u = await makeUser(db, "tecnico", { password: "senha-certa-2" });
    for (let i = 0; i < LOGIN_THROTTLE.maxPerAccount; i++) {
      expect((await signIn(u.email, "errada")).status).toBe(401);
    }
    const locked = await signIn(u.email, "senha-certa-2");
    expect(locked.status).toBe(429);
    expect((await locked.json()).message).toBe("Muitas tentativas de acesso sem sucesso. Tente novamente em 15 minutos.");
    expect((await signIn(u.email, "senha-certa-2", "198.51.100.9")).status).toBe(200);
  });

  it("refuses a disabled user with a clear message", async () => {
    const admin = await makeUser(db, "admin");
    const u = await makeUser(db, "tecnico", { password: "senha-certa-3" });
    await setUserDisabled({ ctx: { db, user: admin }, input: { userId: u.id, disabled: true } });
    const res = await signIn(u.email, "senha-certa-3");
    expect(res.status).toBe(403);
    expect((await res.json()).message).toBe("Este usuário está desativado. Fale com um administrador.");
  });
});
