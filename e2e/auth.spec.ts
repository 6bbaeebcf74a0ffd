// Each demo role logs in and sees exactly what its role may see; wrong passwords and anonymous
// visits are handled with clear outcomes.
import { DEMO_PASSWORD, demoUser } from "@/db/seed/demo-users";
import type { Page } from "@playwright/test";
import { expect, login, loginAs, mainNav, smsTabs, snapshot, test } from "./fixtures";

/** The "Sem permissão" page: what was tried, who may open it, and the person's own role; nothing of the screen itself. */
async function expectForbidden(page: Page, o: { screen: string; path: string; roles: string; role: string }) {
  await expect(page.getByRole("heading", { name: "Sem permissão" })).toBeVisible();
  await expect(page.getByText(`Você tentou abrir ${o.screen} (${o.path}).`)).toBeVisible();
  await expect(page.getByText(`Essa tela é só para ${o.roles}. O seu perfil é ${o.role}.`)).toBeVisible();
  await expect(page).toHaveURL(/\/sem-permissao\?/);
}

test("a wrong password shows a clear message and keeps the user on the login page", async ({ page }) => {
  await login(page, demoUser("operador").email, "senha-errada");
  // Next's route announcer is an alert too: pick ours by its text.
  await expect(page.getByRole("alert").filter({ hasText: "E-mail ou senha incorretos." })).toBeVisible();
  await expect(page).toHaveURL(/\/entrar/);
  await snapshot(page, "login-erro");
});

test("an anonymous visit is sent to the login page and comes back after it", async ({ page }) => {
  await page.goto("/clientes");
  await expect(page).toHaveURL(/\/entrar\?next=%2Fclientes/);
  await page.getByLabel("E-mail").fill(demoUser("operador").email);
  await page.getByLabel("Senha").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Entrar" }).click();
  await expect(page).toHaveURL(/\/clientes$/);
});

test("admin sees every SMS tab, customers and users", async ({ page }) => {
  await loginAs(page, "admin");
  const tabs = smsTabs(page);
  for (const name of ["SMS Individual", "SMS em Lote", "Fila de SMS"]) await expect(tabs.getByRole("link", { name })).toBeVisible();
  const nav = mainNav(page);
  for (const name of ["SMS", "Clientes", "Usuários"]) await expect(nav.getByRole("link", { name })).toBeVisible();
  await snapshot(page, "painel-sms-admin");
  await nav.getByRole("link", { name: "Usuários" }).click();
  await expect(page).toHaveURL(/\/usuarios$/);
  for (const u of ["admin", "operador", "tecnico"] as const) await expect(page.getByText(demoUser(u).email)).toBeVisible();
  await snapshot(page, "usuarios");
});

test("operador sees every SMS tab but not user administration", async ({ page }) => {
  await loginAs(page, "operador");
  const tabs = smsTabs(page);
  for (const name of ["SMS Individual", "SMS em Lote", "Fila de SMS"]) await expect(tabs.getByRole("link", { name })).toBeVisible();
  await expect(mainNav(page).getByRole("link", { name: "Usuários" })).toHaveCount(0);
  await tabs.getByRole("link", { name: "Fila de SMS" }).click();
  await expect(page).toHaveURL(/\/sms\/fila$/);
  await page.goto("/usuarios");
  await expectForbidden(page, { screen: "Usuários", path: "/usuarios", roles: "o perfil Administrador", role: "Operador" });
});

test("técnico sees only the individual SMS tab and cannot open the others", async ({ page }) => {
  await loginAs(page, "tecnico");
  const tabs = smsTabs(page);
  await expect(tabs.getByRole("link", { name: "SMS Individual" })).toBeVisible();
  await expect(tabs.getByRole("link", { name: "SMS em Lote" })).toHaveCount(0);
  await expect(tabs.getByRole("link", { name: "Fila de SMS" })).toHaveCount(0);
  await expect(mainNav(page).getByRole("link", { name: "Usuários" })).toHaveCount(0);
  await snapshot(page, "painel-sms-tecnico");
});

// One test per screen (each opens one page): the former single test that opened them all in a row
// ran past 30 s when the machine was busy.
const TECHNICIAN_REFUSED = [
  { path: "/sms/lote", screen: "SMS em Lote" },
  { path: "/sms/lote/novo", screen: "SMS em Lote" },
  { path: "/sms/fila", screen: "Fila de SMS" },
  { path: "/sms/historico", screen: "Histórico de SMS" },
  { path: "/usuarios", screen: "Usuários", admin: true },
  { path: "/configuracoes/sms", screen: "Configuração de SMS", admin: true },
];
for (const { path, screen, admin } of TECHNICIAN_REFUSED) {
  test(`técnico opening ${path} is told "Sem permissão", with a way back`, async ({ page }) => {
    await loginAs(page, "tecnico");
    await page.goto(path);
    const roles = admin ? "o perfil Administrador" : "os perfis Administrador e Operador";
    await expectForbidden(page, { screen, path, roles, role: "Técnico" });
    if (path === "/sms/lote") await snapshot(page, "sem-permissao");
    await page.getByRole("link", { name: "Voltar ao painel de SMS" }).click();
    await expect(page).toHaveURL(/\/sms\/individual$/);
    await expect(page.getByRole("heading", { name: "Sem permissão" })).toHaveCount(0);
  });
}

test("signing out ends the session", async ({ page }) => {
  await loginAs(page, "tecnico");
  await page.getByRole("button", { name: "Sair" }).click();
  await expect(page).toHaveURL(/\/entrar/);
  await page.goto("/clientes");
  await expect(page).toHaveURL(/\/entrar/);
});
