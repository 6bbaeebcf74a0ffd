// Protects sign-in end to end through better-auth's real handler on a real database: a session
// cookie on success, failed logins locked after the limit (with a message in Portuguese), and
// disabled users refused.
import { describe, expect, it } from "vitest";
import { createTestDb } from "@/test/db";
import { makeUser } from "@/test/factories";
import { LOGIN_THROTTLE } from "@/server/services/auth/login-throttle";
import { setUserDisabled } from "@/server/services/users/manage-users";
import { parseEnv } from "@/server/env";
import { eq } from "drizzle-orm";
import { user } from "@/db/schema";
import { markForwardingSanitised } from "@/server/http/forwarding";
import { createAuth } from "./auth";
import { deviceCookieName } from "./known-device";
import { toSessionUser } from "./session";
import { userContext } from "@/server/services/context";

const db = createTestDb();
const auth = createAuth(db);
const ORIGIN = "http://localhost:3000";

function signIn(email: string, password: string, ip = "203.0.113.7", cookie?: string) {
  return auth.handler(
    new Request(`${ORIGIN}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: ORIGIN, "x-forwarded-for": ip, ...(cookie ? { cookie } : {}) },
      body: JSON.stringify({ email, password }),
    }),
  );
}

/** "name=value" of every cookie a response sets. */
function cookiesOf(res: Response): string[] {
  return res.headers.getSetCookie().map((c) => c.split(";")[0]!);
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
    markForwardingSanitised(true);
    try {
      const u = await makeUser(db, "tecnico", { password: "senha-certa-2" });
      for (let i = 0; i < LOGIN_THROTTLE.freePerAccount; i++) {
        expect((await signIn(u.email, "errada")).status).toBe(401);
      }
      const locked = await signIn(u.email, "senha-certa-2");
      expect(locked.status).toBe(429);
      expect((await locked.json()).message).toBe("Muitas tentativas de acesso sem sucesso. Tente novamente em 30 segundos.");
      expect((await signIn(u.email, "senha-certa-2", "198.51.100.9")).status).toBe(200);
    } finally {
      markForwardingSanitised(false);
    }
  });

  it("a device that signed in before is not locked out by 25 failures with forged X-Forwarded-For", async () => {
    const u = await makeUser(db, "admin", { password: "senha-do-dono-1" });
    const owner = await signIn(u.email, "senha-do-dono-1", "203.0.113.50");
    expect(owner.status).toBe(200);
    const device = cookiesOf(owner).find((c) => c.startsWith("sms_device_"));
    expect(device, "known-device cookie").toBeDefined();
    // Not behind our server: forwarding headers count for nothing, every forged IP is one client.
    const answers: number[] = [];
    for (let i = 0; i < 25; i++) answers.push((await signIn(u.email, `chute-${i}`, `198.51.100.${i + 1}`)).status);
    expect(answers.filter((s) => s === 401)).toHaveLength(LOGIN_THROTTLE.freePerAccount);
    expect(answers.slice(LOGIN_THROTTLE.freePerAccount).every((s) => s === 429)).toBe(true);
    // The owner's device still signs in; a device the attacker controls does not.
    expect((await signIn(u.email, "senha-do-dono-1", "203.0.113.50", device)).status).toBe(200);
    expect((await signIn(u.email, "senha-do-dono-1", "203.0.113.50")).status).toBe(429);
    // A cookie signed for this e-mail is worth nothing for another one, nor when tampered with.
    const other = await makeUser(db, "operador", { password: "senha-do-outro-1" });
    for (let i = 0; i < LOGIN_THROTTLE.freePerAccount; i++) await signIn(other.email, "errada");
    const borrowed = `${await deviceCookieName(other.email)}=${device!.split("=")[1]}`;
    expect((await signIn(other.email, "senha-do-outro-1", "203.0.113.50", borrowed)).status).toBe(429);
    expect((await signIn(u.email, "senha-do-dono-1", "203.0.113.50", `${device!.slice(0, -2)}xx`)).status).toBe(429);
  });

  it("answers a disabled user exactly like a wrong password, and counts it as a failure", async () => {
    const admin = await makeUser(db, "admin");
    const u = await makeUser(db, "tecnico", { password: "senha-certa-3" });
    await setUserDisabled(userContext(db, admin), { userId: u.id, disabled: true });
    const wrong = await signIn(u.email, "senha-errada-3", "192.0.2.30");
    const disabled = await signIn(u.email, "senha-certa-3", "192.0.2.31");
    expect(disabled.status).toBe(wrong.status);
    expect(disabled.status).toBe(401);
    expect(await disabled.json()).toEqual(await wrong.json());
    expect(disabled.headers.get("set-cookie")).toBeNull();
  });

  it("offers only the endpoints the panel uses: nobody renames themselves outside the audited screens", async () => {
    const u = await makeUser(db, "tecnico", { password: "senha-certa-8" });
    const cookie = cookiesOf(await signIn(u.email, "senha-certa-8")).find((c) => c.startsWith("better-auth.session_token="))!;
    const headers = { "content-type": "application/json", origin: ORIGIN, cookie };
    for (const [path, body] of [
      ["/update-user", { name: "Chefe Supremo" }],
      ["/change-email", { newEmail: "outro@x.test" }],
      ["/change-password", { currentPassword: "senha-certa-8", newPassword: "nova-senha-99" }],
      ["/delete-user", {}],
    ] as const) {
      const res = await auth.handler(new Request(`${ORIGIN}/api/auth${path}`, { method: "POST", headers, body: JSON.stringify(body) }));
      expect(res.status, path).toBe(404);
    }
    const [row] = await db.select({ name: user.name, email: user.email }).from(user).where(eq(user.id, u.id));
    expect(row).toEqual({ name: u.name, email: u.email });
    const session = await auth.handler(new Request(`${ORIGIN}/api/auth/get-session`, { headers: { cookie } }));
    expect((await session.json()).user.name).toBe(u.name);
  });
});

// Sign-in where the panel is actually reached: by IP on the embedded default, never from another site.
describe("sign-in origins", () => {
  const embedded = createAuth(db, parseEnv({ ...process.env, APP_URL: undefined, PORT: "3000" }));
  const withAppUrl = createAuth(db, parseEnv({ ...process.env, APP_URL: "http://localhost:3000", TRUSTED_ORIGINS: undefined }));
  const withTrusted = createAuth(db, parseEnv({ ...process.env, APP_URL: "http://localhost:3000", TRUSTED_ORIGINS: "http://192.168.0.10:3000" }));

  function post(a: typeof auth, url: string, headers: Record<string, string>, body: object) {
    return a.handler(new Request(url, { method: "POST", headers: { "content-type": "application/json", "x-forwarded-for": "198.51.100.20", ...headers }, body: JSON.stringify(body) }));
  }

  it("without APP_URL, accepts the address the browser used (127.0.0.1, a LAN IP)", async () => {
    const u = await makeUser(db, "tecnico", { password: "senha-certa-4" });
    for (const host of ["127.0.0.1:3000", "192.168.0.10:3000"]) {
      const res = await post(embedded, `http://${host}/api/auth/sign-in/email`, { host, origin: `http://${host}` }, { email: u.email, password: "senha-certa-4" });
      expect(res.status, host).toBe(200);
      expect(res.headers.get("set-cookie")).toMatch(/better-auth\.session_token=/);
    }
  });

  it("without APP_URL, still refuses another site, in Portuguese", async () => {
    const u = await makeUser(db, "tecnico", { password: "senha-certa-5" });
    const res = await post(embedded, "http://127.0.0.1:3000/api/auth/sign-in/email", { host: "127.0.0.1:3000", origin: "https://evil.example" }, { email: u.email, password: "senha-certa-5" });
    expect(res.status).toBe(403);
    expect(res.headers.get("set-cookie")).toBeNull();
    const body = await res.json();
    expect(body.code).toBe("INVALID_ORIGIN");
    expect(body.message).toBe("Este endereço do painel não está liberado para entrar. Abra o painel em http://localhost:3000 ou peça a um administrador para incluir este endereço em TRUSTED_ORIGINS.");
    // Another address of the same server is another origin: Origin and Host must agree.
    const mismatch = await post(embedded, "http://127.0.0.1:3000/api/auth/sign-in/email", { host: "127.0.0.1:3000", origin: "http://192.168.0.10:3000" }, { email: u.email, password: "senha-certa-5" });
    expect(mismatch.status).toBe(403);
    // A Host that would make a pattern out of the origin list is not "the request's own origin".
    const wildcard = await post(embedded, "http://127.0.0.1:3000/api/auth/sign-in/email", { host: "*", origin: "https://evil.example" }, { email: u.email, password: "senha-certa-5" });
    expect(wildcard.status).toBe(403);
  });

  it("with APP_URL set, only it and TRUSTED_ORIGINS may sign in", async () => {
    const u = await makeUser(db, "operador", { password: "senha-certa-6" });
    const fromIp = { host: "192.168.0.10:3000", origin: "http://192.168.0.10:3000" };
    const refused = await post(withAppUrl, "http://192.168.0.10:3000/api/auth/sign-in/email", fromIp, { email: u.email, password: "senha-certa-6" });
    expect(refused.status).toBe(403);
    expect((await refused.json()).message).toMatch(/^Este endereço do painel não está liberado para entrar\. Abra o painel em http:\/\/localhost:3000/);
    const trusted = await post(withTrusted, "http://192.168.0.10:3000/api/auth/sign-in/email", fromIp, { email: u.email, password: "senha-certa-6" });
    expect(trusted.status).toBe(200);
  });

  it("answers wrong credentials and malformed input in Portuguese, keeping the code", async () => {
    const u = await makeUser(db, "tecnico", { password: "senha-certa-7" });
    const own = { host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000" };
    const wrong = await post(embedded, "http://127.0.0.1:3000/api/auth/sign-in/email", own, { email: u.email, password: "errada-123" });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ code: "INVALID_EMAIL_OR_PASSWORD", message: "E-mail ou senha incorretos." });
    const badEmail = await post(embedded, "http://127.0.0.1:3000/api/auth/sign-in/email", own, { email: "não-é-email", password: "x" });
    expect(badEmail.status).toBe(400);
    expect((await badEmail.json()).message).toMatch(/^(Informe um e-mail válido\.|Confira o e-mail e a senha informados\.)$/);
  });
});
