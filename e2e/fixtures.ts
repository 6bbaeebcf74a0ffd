import { type Browser, expect, type Page, test as base, type TestInfo } from "@playwright/test";
import { DEMO_PASSWORD, demoUser } from "@/db/seed/demo-users";
import type { Role } from "@/db/schema/constants";

export async function login(page: Page, email: string, password: string) {
  await page.goto("/entrar");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Senha").fill(password);
  await page.getByRole("button", { name: "Entrar" }).click();
}

export async function loginAs(page: Page, role: Role) {
  await login(page, demoUser(role).email, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/sms\/individual$/);
}

/** The main navigation that is visible (bottom bar on phones, side bar on desktop). */
export function mainNav(page: Page) {
  return page.getByRole("navigation", { name: "Navegação principal" });
}

export function smsTabs(page: Page) {
  return page.getByRole("navigation", { name: "Abas do painel de SMS" });
}

/** Saves a screenshot of a main screen as a test artifact (kept per profile). */
export async function snapshot(page: Page, name: string) {
  const info = test.info();
  await page.screenshot({ path: info.outputPath(`${name}.png`), fullPage: true });
}

// A page that fails the test when the browser logs an error other than the expected noise
// (a spec may set its own with `test.use({ consoleNoise })`).
export const test = base.extend<{ consoleNoise: RegExp; consoleErrors: string[] }>({
  // Refused sign-ins answer 401/403/429 by design; the browser logs those responses.
  consoleNoise: [/Failed to load resource: .* status of (401|403|429)/, { option: true }],
  consoleErrors: [
    async ({ page, consoleNoise }, use) => {
      const errors: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error" && !consoleNoise.test(m.text())) errors.push(m.text());
      });
      page.on("pageerror", (e) => errors.push(e.message));
      await use(errors);
      expect(errors, "browser console errors").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** A second, independent browser session with the same device profile (another user). */
export async function newSession(browser: Browser, info: TestInfo) {
  const { viewport, userAgent, deviceScaleFactor, isMobile, hasTouch, baseURL, locale, timezoneId } = info.project.use;
  const context = await browser.newContext({ viewport, userAgent, deviceScaleFactor, isMobile, hasTouch, baseURL, locale, timezoneId });
  return { context, page: await context.newPage() };
}
