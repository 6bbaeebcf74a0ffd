// Issue 11 §4: on the embedded default (no APP_URL) the panel is opened by IP, not by the name in
// APP_URL's default (http://localhost:PORT). Sign-in works there, in Portuguese, and a request from
// another site is still refused by the auth endpoint and by tRPC.
import type { TestInfo } from "@playwright/test";
import { DEMO_PASSWORD, demoUser } from "@/db/seed/demo-users";
import { expect, test } from "./fixtures";

/** The same server by its IP address (the suite's baseURL uses localhost). */
function byIp(info: TestInfo): string {
  const base = new URL(String(info.project.use.baseURL));
  expect(base.hostname).toBe("localhost");
  base.hostname = "127.0.0.1";
  return base.origin;
}

const EVIL = "https://evil.example";

test("signs in through http://127.0.0.1 while APP_URL's default is localhost, with errors in Portuguese", async ({ page }, testInfo) => {
  const origin = byIp(testInfo);
  await page.goto(`${origin}/entrar`);
  await page.getByLabel("E-mail").fill(demoUser("tecnico").email);
  await page.getByLabel("Senha").fill("senha-errada");
  await page.getByRole("button", { name: "Entrar" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "E-mail ou senha incorretos." })).toBeVisible();
  await expect(page.getByText(/invalid/i)).toHaveCount(0);

  await page.getByLabel("Senha").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Entrar" }).click();
  await expect(page).toHaveURL(`${origin}/sms/individual`);
  await expect(page.getByRole("navigation", { name: "Abas do painel de SMS" })).toBeVisible();

  // Signing out is a POST with the session cookie: checked against the same origin rule.
  await page.getByRole("button", { name: "Sair" }).click();
  await expect(page).toHaveURL(`${origin}/entrar`);
});

test("a cross-site request is refused by the auth endpoint and by tRPC, at the IP address too", async ({ playwright }, testInfo) => {
  const origin = byIp(testInfo);
  const api = await playwright.request.newContext({ baseURL: origin });
  const credentials = { email: demoUser("operador").email, password: DEMO_PASSWORD };
  try {
    const forged = await api.post("/api/auth/sign-in/email", { headers: { origin: EVIL }, data: credentials });
    expect(forged.status()).toBe(403);
    expect(forged.headers()["set-cookie"]).toBeUndefined();
    expect(await forged.json()).toMatchObject({
      code: "INVALID_ORIGIN",
      message: expect.stringMatching(/^Este endereço do painel não está liberado para entrar\. Abra o painel em http:\/\/localhost:\d+ ou peça/),
    });

    // The same request from the page's own address signs in (the context keeps the cookie).
    const own = await api.post("/api/auth/sign-in/email", { headers: { origin }, data: credentials });
    expect(own.status()).toBe(200);

    const mutation = "/api/trpc/sms.sendIndividual";
    const data = { json: {} };
    // Past the guard: the procedure itself answers (invalid input), so the session and route work.
    const sameSite = await api.post(mutation, { headers: { origin, "sec-fetch-site": "same-origin" }, data });
    expect(sameSite.status()).toBe(400);
    const forgeries: Record<string, string>[] = [{ origin: EVIL }, { origin, "sec-fetch-site": "cross-site" }, { origin: "http://localhost:1" }];
    for (const headers of forgeries) {
      const res = await api.post(mutation, { headers, data });
      expect(res.status(), JSON.stringify(headers)).toBe(403);
      expect(await res.json()).toEqual({ error: { message: "Requisição de outro site recusada." } });
    }
  } finally {
    await api.dispose();
  }
});
