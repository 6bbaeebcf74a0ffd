// Issue 12 §4, §5, §9, §10 replayed over real HTTP against the production server: forged forwarding
// headers cannot lock an owner out, the sign-in redirect never leaves the site, a technician's
// customer answers carry no CPF/e-mail/PPPoE login, and the security headers are there.
import { type APIRequestContext, type APIResponse, expect, test } from "@playwright/test";
import { DEMO_PASSWORD, demoUser } from "@/db/seed/demo-users";
import { customerWithPrimaryMobile } from "../support/db";

// The embedded default (APP_URL unset): sign-in and mutations trust the request's own origin.
let origin = "";
test.beforeEach(({ baseURL }) => {
  origin = new URL(baseURL!).origin;
});

async function signIn(api: APIRequestContext, email: string, password: string, headers: Record<string, string> = {}) {
  return api.post("/api/auth/sign-in/email", { headers: { origin, ...headers }, data: { email, password } });
}

async function context(playwright: { request: { newContext: (o: object) => Promise<APIRequestContext> } }) {
  return playwright.request.newContext({ baseURL: origin });
}

const trpcInput = (json: unknown) => `input=${encodeURIComponent(JSON.stringify({ json }))}`;

test("25 wrong passwords with forged X-Forwarded-For do not lock the owner out", async ({ playwright }) => {
  const admin = await context(playwright);
  const owner = await context(playwright);
  const attacker = await context(playwright);
  try {
    // The victim is a user of its own, so the lock this test provokes touches no other test.
    const email = `vitima.${Date.now()}@provedor.test`;
    expect((await signIn(admin, demoUser("admin").email, DEMO_PASSWORD)).status()).toBe(200);
    const created = await admin.post("/api/trpc/user.create", { headers: { origin }, data: { json: { name: "Vítima Gerente", email, password: "senha-da-vitima", role: "admin" } } });
    expect(created.status()).toBe(200);

    // The owner's phone signed in before: it holds the known-device cookie.
    expect((await signIn(owner, email, "senha-da-vitima")).status()).toBe(200);

    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) {
      const forged = { "x-forwarded-for": `198.51.100.${i + 1}, 203.0.113.${i + 1}`, "x-real-ip": `192.0.2.${i + 1}`, forwarded: `for=192.0.2.${i + 1}` };
      statuses.push((await signIn(attacker, email, `chute-${i}`, forged)).status());
    }
    // One client however many addresses it claims: 5 failures, then waits (not 25 separate "IPs").
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(new Set(statuses.slice(5))).toEqual(new Set([429]));
    // Pinning the lock on someone else's address does not work either.
    const pinned = await signIn(attacker, email, "senha-da-vitima", { "x-forwarded-for": "203.0.113.200" });
    expect(pinned.status()).toBe(429);
    expect((await pinned.json()).message).toMatch(/^Muitas tentativas de acesso sem sucesso\. Tente novamente em \d+ (segundos|minutos?)\.$/);

    // The owner, on the device that signed in before, still signs in.
    const again = await signIn(owner, email, "senha-da-vitima");
    expect(again.status()).toBe(200);
  } finally {
    await Promise.all([admin.dispose(), owner.dispose(), attacker.dispose()]);
  }
});

const REDIRECTS = ["%2F%09%2Fevil.test%2Fx", "%2F%0A%2Fevil.test%2Fx", "%2F%0D%2Fevil.test%2Fx", "%2F%09%5Cevil.test%2Fx", "%2F%5Cevil.test", "%2F%2Fevil.test"];

/** The `next` the login page hands its form (in the page's React payload): where it goes after sign-in. */
async function formNext(res: APIResponse): Promise<string | null> {
  const m = /\{\\"next\\":(null|\\"(.*?)\\")\}/.exec(await res.text());
  if (!m) throw new Error("the login form's props are not in the page");
  return m[1] === "null" ? null : m[2]!;
}

test("the sign-in page never hands another site to the redirect after sign-in", async ({ request }) => {
  const safe = await request.get("/entrar?next=%2Fclientes%3Fq%3Dteste");
  expect(safe.status()).toBe(200);
  expect(await formNext(safe)).toBe("/clientes?q=teste");
  for (const next of REDIRECTS) {
    const res = await request.get(`/entrar?next=${next}`);
    expect(res.status(), next).toBe(200);
    expect(await formNext(res), next).toBeNull();
  }
});

test("a technician's customer answers carry no CPF/CNPJ, e-mail or PPPoE login; sends go only to the customer's mobiles", async ({ playwright }) => {
  const tec = await context(playwright);
  try {
    expect((await signIn(tec, demoUser("tecnico").email, DEMO_PASSWORD)).status()).toBe(200);
    const c = await customerWithPrimaryMobile(3);
    const search = await tec.get(`/api/trpc/customer.search?${trpcInput({ q: c.name })}`);
    expect(search.status()).toBe(200);
    const items = (await search.json()).result.data.json.items as Record<string, unknown>[];
    expect(items.map((i) => i.id)).toContain(c.id);
    for (const i of items) expect(i).not.toHaveProperty("document");

    const one = await tec.get(`/api/trpc/customer.get?${trpcInput({ id: c.id })}`);
    expect(one.status()).toBe(200);
    const detail = (await one.json()).result.data.json as Record<string, unknown> & { connections: Record<string, unknown>[]; phones: unknown[] };
    expect(detail.name).toBe(c.name);
    expect(detail.phones.length).toBeGreaterThan(0);
    for (const key of ["document", "email", "paymentProfile"]) expect(detail, key).not.toHaveProperty(key);
    for (const conn of detail.connections) expect(conn).not.toHaveProperty("login");

    // The whole base cannot be listed or paged through.
    const all = await tec.get(`/api/trpc/customer.search?${trpcInput({ q: "" })}`);
    expect(all.status()).toBe(400);
    const page2 = await tec.get(`/api/trpc/customer.search?${trpcInput({ q: c.name.slice(0, 3), cursor: 20 })}`);
    expect(page2.status()).toBe(400);

    const send = await tec.post("/api/trpc/sms.sendIndividual", {
      headers: { origin },
      data: { json: { customerId: c.id, motivo: "Visita técnica", ddd: "35", number: "98888-1234", message: "Olá {primeiro_nome}, chego já.", confirmed: true, idempotencyKey: crypto.randomUUID() } },
    });
    expect(send.status()).toBe(400);
    expect((await send.json()).error.json.message).toBe("Técnicos só enviam SMS para um celular cadastrado deste cliente. Escolha um dos telefones do cliente.");

    // Nobody renames themselves outside the audited user screens.
    const rename = await tec.post("/api/auth/update-user", { headers: { origin }, data: { name: "Chefe" } });
    expect(rename.status()).toBe(404);
    const session = await tec.get("/api/auth/get-session");
    expect((await session.json()).user.name).toBe(demoUser("tecnico").name);
  } finally {
    await tec.dispose();
  }
});

test("security headers: a nonce CSP on pages, no-store on API answers", async ({ request }) => {
  const page = await request.get("/entrar");
  const csp = page.headers()["content-security-policy"] ?? "";
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce, csp).toBeTruthy();
  expect(csp).toContain("'strict-dynamic'");
  expect(csp).not.toContain("unsafe-eval");
  expect(csp).toContain("frame-ancestors 'none'");
  // Next put that nonce on its scripts, and no script goes without it.
  const html = await page.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const s of scripts) expect(s).toContain(`nonce="${nonce}"`);
  expect(page.headers()["x-frame-options"]).toBe("DENY");
  expect(page.headers()["x-content-type-options"]).toBe("nosniff");
  // A second answer has a nonce of its own.
  expect((await request.get("/entrar")).headers()["content-security-policy"]).not.toBe(csp);
  // http APP_URL (the e2e server): no HSTS, which would pin a plain-http deployment.
  expect(page.headers()["strict-transport-security"]).toBeUndefined();

  for (const path of ["/api/auth/ok", "/api/auth/get-session", `/api/trpc/me.get`, "/api/export/sms"]) {
    const res = await request.get(path);
    expect(res.headers()["cache-control"], path).toMatch(/no-store/);
  }
});
