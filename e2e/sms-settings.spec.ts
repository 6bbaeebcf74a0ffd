// "Configuração de SMS": an admin creates a sandbox account (after a refused submit with the error
// next to its field) and tests it; an operator neither sees nor opens the screen.
import { expect, loginAs, mainNav, snapshot, test } from "./fixtures";

test("admin creates a sandbox account and tests it", async ({ page }, testInfo) => {
  const name = `Sandbox e2e ${testInfo.project.name} ${Date.now()}`;
  await loginAs(page, "admin");
  await mainNav(page).getByRole("link", { name: "Configurações" }).click();
  await expect(page).toHaveURL(/\/configuracoes\/sms$/);
  const accounts = page.getByRole("list", { name: "Contas de envio de SMS" });
  await expect(accounts.getByRole("listitem").first()).toBeVisible();
  await expect(page.getByRole("list", { name: "Horários de envio por UF" })).toContainText("seg–sex 08h–20h, sáb 08h–14h");
  await snapshot(page, "configuracao-de-sms");

  await page.getByRole("button", { name: "Nova conta" }).click();
  const form = page.getByRole("region", { name: "Nova conta de SMS" });
  await expect(form.getByLabel("Provedor")).toHaveValue("sandbox");
  await form.getByLabel("SMS por segundo").fill("5");
  // Most Brazilian gateways deliver without accents: new accounts send so (issue 11 §1).
  await expect(form.getByRole("checkbox", { name: /^Enviar sem acentos/ })).toBeChecked();
  await form.getByRole("button", { name: "Criar conta" }).click();
  await expect(form.getByLabel("Nome da conta")).toHaveAccessibleDescription("Informe um nome para a conta.");
  await expect(form.getByLabel("Nome da conta")).toBeFocused();

  await form.getByLabel("Nome da conta").fill(name);
  await form.getByRole("button", { name: "Criar conta" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Conta ${name} criada.` })).toBeVisible();
  const row = accounts.getByRole("listitem").filter({ has: page.getByRole("heading", { name }) });
  await expect(row).toContainText("Sandbox (não envia SMS reais)");
  await expect(row).toContainText("5 SMS por segundo");
  await expect(row).toContainText("Envia sem acentos (160 caracteres por SMS)");
  await expect(row.getByLabel(`URL de retorno (webhook) de ${name}`)).toHaveValue(/\/api\/webhooks\/sms\/\d+\/[\w-]{20,}$/);

  await row.getByRole("button", { name: `Testar a conta ${name}` }).click();
  const phone = testInfo.project.name === "phone" ? "(35) 99123-4561" : "(35) 99123-4562";
  await row.getByLabel("Celular para o teste").fill(phone);
  await row.getByRole("button", { name: "Enviar teste" }).click();
  await expect(row.getByText(`Teste aceito pelo provedor para ${phone}.`)).toBeVisible();
  await snapshot(page, "configuracao-de-sms-teste");

  await row.getByRole("button", { name: `Editar a conta ${name}` }).click();
  const edit = page.getByRole("region", { name: `Editar a conta ${name}` });
  await expect(edit.getByLabel("Provedor")).toBeDisabled();
  await edit.getByLabel("SMS por segundo").fill("7");
  await edit.getByRole("checkbox", { name: /^Enviar sem acentos/ }).uncheck();
  await edit.getByRole("button", { name: "Salvar conta" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Conta ${name} salva.` })).toBeVisible();
  await expect(row).toContainText("7 SMS por segundo");
  await expect(row).toContainText("Envia com acentos");
});

test("operador does not see nor open Configuração de SMS", async ({ page }) => {
  await loginAs(page, "operador");
  await expect(mainNav(page).getByRole("link", { name: "Configurações" })).toHaveCount(0);
  await page.goto("/configuracoes/sms");
  await expect(page.getByRole("heading", { name: "Sem permissão" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Configuração de SMS" })).toHaveCount(0);
});

test("admin changes the send window of a UF and gives it back its legal default", async ({ page }, testInfo) => {
  // UFs without seeded customers, one per project (each edit touches only its own UF).
  const uf = testInfo.project.name === "phone" ? "AC" : "AP";
  await loginAs(page, "admin");
  await page.goto("/configuracoes/sms");
  const windows = page.getByRole("list", { name: "Horários de envio por UF" });
  const row = windows.getByRole("listitem").filter({ hasText: new RegExp(`^${uf}`) });
  await expect(row).toContainText("seg–sex 08h–18h");

  await row.getByRole("button", { name: `Alterar horários de ${uf}` }).click();
  const form = page.getByRole("form", { name: `Horários de ${uf}` });
  const weekday = form.getByRole("group", { name: "Dias úteis (segunda a sexta)" });
  await weekday.getByLabel("Fim").fill("07:00");
  await form.getByRole("button", { name: `Salvar horários de ${uf}` }).click();
  await expect(weekday.getByLabel("Fim")).toHaveAccessibleDescription("O horário inicial deve ser anterior ao final.");

  await weekday.getByLabel("Fim").fill("17:00");
  await form.getByRole("group", { name: "Sábado" }).getByLabel("Fechado").uncheck();
  await form.getByRole("button", { name: `Salvar horários de ${uf}` }).click();
  await expect(page.getByRole("status").filter({ hasText: `Horários de ${uf} salvos.` })).toBeVisible();
  await expect(row).toContainText("seg–sex 08h–17h, sáb 08h–18h");
  await expect(row).toContainText("Padrão legal: seg–sex 08h–18h");

  await row.getByRole("button", { name: `Alterar horários de ${uf}` }).click();
  await form.getByRole("button", { name: "Voltar ao padrão legal" }).click();
  await expect(page.getByRole("status").filter({ hasText: `${uf} voltou ao horário padrão.` })).toBeVisible();
  await expect(row).toHaveText(new RegExp(`^${uf}seg–sex 08h–18h(Padrão legal)?Alterar$`));
});
