// An admin creates a user who can then sign in; a disabled user cannot, and is answered exactly like
// a wrong password (issue 12 §9: the answer does not tell that the account exists).
import { expect, login, loginAs, newSession, test } from "./fixtures";

test("admin creates a technician, who signs in; after being disabled they cannot", async ({ page, browser }, testInfo) => {
  const email = `novo.tecnico.${testInfo.project.name}.${Date.now()}@provedor.test`;
  await loginAs(page, "admin");
  await page.goto("/usuarios");
  await page.getByLabel("Nome").fill("Nívea Nova Técnica");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Senha").fill("senha-da-nivea");
  await page.getByLabel("Perfil", { exact: true }).selectOption("tecnico");
  await page.getByRole("button", { name: "Criar usuário" }).click();
  await expect(page.getByText(email)).toBeVisible();

  const { context: other, page: p2 } = await newSession(browser, testInfo);
  await login(p2, email, "senha-da-nivea");
  await expect(p2).toHaveURL(/\/sms\/individual$/);
  await other.close();

  const row = page.getByRole("row", { name: new RegExp(email) }).or(page.getByRole("listitem").filter({ hasText: email }));
  await row.getByRole("button", { name: "Desativar" }).click();
  await expect(row.getByRole("button", { name: "Reativar" })).toBeVisible();

  const { context: third, page: p3 } = await newSession(browser, testInfo);
  await login(p3, email, "senha-da-nivea");
  await expect(p3.getByRole("alert").filter({ hasText: "E-mail ou senha incorretos." })).toBeVisible();
  await expect(p3).toHaveURL(/\/entrar/);
  await third.close();
});
