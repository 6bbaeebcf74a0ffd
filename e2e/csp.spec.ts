// Issue 12 §5 and §10 in the browser: with the Content-Security-Policy on, pages hydrate and no
// screen triggers a CSP violation; the redirect after sign-in never leaves the site.
import type { Page } from "@playwright/test";
import { DEMO_PASSWORD, demoUser } from "@/db/seed/demo-users";
import { expect, login, loginAs, test } from "./fixtures";

/** Collects the CSP violations of every document the page loads. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  const seen: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) seen.push(m.text());
  });
  return async () => [...seen, ...(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp))];
}

test("the login page hydrates under the CSP and signs in without a violation", async ({ page }) => {
  const violations = await watchViolations(page);
  const res = await page.goto("/entrar");
  expect(res?.headers()["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  // Only the hydrated form answers an empty submit with its own messages (a dead form would reload).
  await page.getByRole("button", { name: "Entrar" }).click();
  await expect(page.getByText("Informe o e-mail.")).toBeVisible();
  expect(await violations()).toEqual([]);
  await login(page, demoUser("operador").email, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/sms\/individual$/);
  expect(await violations()).toEqual([]);
});

test("every screen of the panel opens without a CSP violation", async ({ page }) => {
  test.setTimeout(90_000);
  const violations = await watchViolations(page);
  await loginAs(page, "admin");
  for (const path of ["/sms/individual", "/sms/individual/novo", "/sms/lote", "/sms/lote/novo", "/sms/fila", "/sms/historico", "/clientes", "/usuarios", "/configuracoes/sms", "/offline"]) {
    await page.goto(path);
    await expect(page.getByRole("heading").first(), path).toBeVisible();
    expect(await violations(), path).toEqual([]);
  }
});

for (const next of ["%2F%09%2Fevil.test%2Fx", "%2F%0A%2Fevil.test%2Fx", "%2F%0D%2Fevil.test%2Fx", "%2F%09%5Cevil.test%2Fx"]) {
  test(`signing in from /entrar?next=${next} stays on the panel`, async ({ page, baseURL }) => {
    await page.goto(`/entrar?next=${next}`);
    await page.getByLabel("E-mail").fill(demoUser("tecnico").email);
    await page.getByLabel("Senha").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Entrar" }).click();
    await expect(page).toHaveURL(/\/sms\/individual$/);
    expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
  });
}
