// The SMS Individual tab, the "Novo SMS" form and the history of all messages with its CSV export.
import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { firstName } from "@/server/sms/template";
import { transliterateToGsm } from "@/server/sms/transliterate";
import { expect, loginAs, smsTabs, snapshot, test } from "./fixtures";
import { type E2eCustomer, recordSentMessage, sendableCustomer } from "./support/individual-db";

function national(e164: string) {
  return { ddd: e164.slice(3, 5), number: e164.slice(5) };
}

async function pickCustomer(page: Page, c: E2eCustomer) {
  await page.getByLabel("Cliente", { exact: true }).fill(c.code);
  await page.getByRole("list", { name: "Clientes encontrados" }).getByRole("button", { name: new RegExp(`#${c.code} `) }).click();
  await expect(page.getByText(c.name, { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: `Trocar o cliente ${c.name}` })).toBeFocused();
}

/** On phones the filters sit behind a button; on desktop they are always open. */
async function openFilters(page: Page) {
  const toggle = page.getByRole("button", { name: /^Filtros/ });
  if (await toggle.isVisible()) await toggle.click();
}

function historyRow(page: Page, text: string) {
  return page.getByRole("list", { name: "Mensagens" }).getByRole("listitem").filter({ hasText: text });
}

test("operador sends an SMS, sees the outcome, then the message in both histories and in the CSV", async ({ page }, testInfo) => {
  test.setTimeout(60_000);
  const c = await sendableCustomer(testInfo.project.name === "phone" ? 40 : 41);
  const { ddd, number } = national(c.e164);
  const stamp = `${testInfo.project.name}-${Date.now()}`;

  await loginAs(page, "operador");
  await expect(smsTabs(page).getByRole("link", { name: "Histórico" })).toBeVisible();
  if (testInfo.project.name === "phone") {
    // The four tabs fit a 360-px phone without scrolling sideways.
    const size = page.viewportSize()!;
    await page.setViewportSize({ width: 360, height: size.height });
    const overflow = await smsTabs(page).evaluate((nav) => nav.scrollWidth - nav.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expect(page.locator("body")).toHaveJSProperty("scrollWidth", 360);
    await snapshot(page, "sms-individual-operador-360");
    await page.setViewportSize(size);
  }
  await snapshot(page, "sms-individual-operador");
  await page.getByRole("link", { name: "Novo SMS" }).first().click();
  await expect(page).toHaveURL(/\/sms\/individual\/novo$/);

  await pickCustomer(page, c);
  // DDD and number come from the customer's primary mobile.
  await expect(page.getByLabel("DDD", { exact: true })).toHaveValue(ddd);
  await expect(page.getByLabel("Número do celular", { exact: true })).toHaveValue(number);
  await page.getByRole("button", { name: /Telefones do cliente/ }).click();
  await expect(page.locator("#customer-phones").getByRole("button").first()).toContainText("Celular");

  await page.getByLabel("Modelo", { exact: true }).selectOption({ label: "Manutenção programada" });
  await expect(page.getByLabel("Motivo", { exact: true })).toHaveValue("Manutenção programada");
  await page.getByLabel("Motivo", { exact: true }).fill(`Teste e2e ${stamp}`);
  // Issue 11 §1: a Portuguese text with accents goes as one SMS of up to 160 characters, without
  // accents (the account's "Enviar sem acentos"), and the form shows it as the customer will read it.
  const first = transliterateToGsm(firstName(c.name)).text;
  await page.getByLabel("Mensagem", { exact: true }).fill(`Olá {primeiro_nome}, sua conexão será restabelecida às 14h. Obrigado pela compreensão! Ref ${stamp}`);
  await expect(page.getByText("1 SMS de até 160 caracteres", { exact: true })).toBeVisible();
  await expect(page.getByText("sem acentos", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Remover acentos" })).toHaveCount(0);
  await expect(page.getByText("Como o cliente vai ler")).toBeVisible();
  const readable = `Ola ${first}, sua conexao sera restabelecida às 14h. Obrigado pela compreensao! Ref ${stamp}`;
  await expect(page.getByText(readable, { exact: true })).toBeVisible();
  await snapshot(page, "sms-novo-sem-acentos");
  await page.getByLabel("Confirmo o envio deste SMS para o número informado.", { exact: true }).check();
  await page.getByRole("button", { name: "Enviar" }).click();

  const outcome = page.getByRole("status").filter({ hasText: /SMS (enviado|entregue)\./ });
  await expect(outcome).toBeVisible();
  await expect(outcome).toContainText(`Ref ${stamp}`);
  await expect(page).toHaveURL(/\/sms\/individual\/novo$/);
  await snapshot(page, "sms-novo-resultado");

  await outcome.getByRole("link", { name: "Ver envios" }).click();
  await expect(page).toHaveURL(/\/sms\/individual$/);
  const row = historyRow(page, `Teste e2e ${stamp}`);
  // The sandbox reports delivery; the list refreshes itself while a message is pending.
  await expect(row.getByText("Entregue", { exact: true })).toBeVisible({ timeout: 20_000 });
  await expect(row).toContainText(c.name);

  await smsTabs(page).getByRole("link", { name: "Histórico" }).click();
  await expect(page).toHaveURL(/\/sms\/historico$/);
  await openFilters(page);
  await page.getByLabel("Origem", { exact: true }).selectOption({ label: "Individual" });
  await page.getByRole("checkbox", { name: "Entregue", exact: true }).check();
  await page.getByLabel("Telefone", { exact: true }).fill(number);
  await expect(historyRow(page, `Teste e2e ${stamp}`)).toBeVisible();
  await expect(page.getByText("1 mensagem exibida")).toBeVisible();
  await expect(page.getByRole("list", { name: "Mensagens" }).getByRole("listitem").filter({ hasNotText: "Entregue" })).toHaveCount(0);
  await snapshot(page, "sms-historico");

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Exportar CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^historico-sms-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile((await download.path())!, "utf8");
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv).toContain("Data/hora;Cliente;Código do cliente;Telefone;Motivo;Mensagem;");
  const line = csv.split("\r\n").find((l) => l.includes(`Teste e2e ${stamp}`));
  expect(line).toContain(readable);
  expect(line).toContain(";1;sem acentos;");
  expect(line).toContain(";Individual;Entregue;");
  expect(line).toContain("Otávio Operador");
  // Only what the filters showed.
  expect(csv.trimEnd().split("\r\n").slice(1).every((l) => l.includes(";Entregue;"))).toBe(true);
});

test("Novo SMS shows each validation message next to its field", async ({ page }, testInfo) => {
  const c = await sendableCustomer(testInfo.project.name === "phone" ? 42 : 43);
  await loginAs(page, "operador");
  await page.goto("/sms/individual/novo");
  await page.getByRole("button", { name: "Enviar" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Confira os campos marcados acima." })).toBeVisible();
  await expect(page.getByLabel("Cliente", { exact: true })).toHaveAccessibleDescription(/Escolha o cliente\./);
  await expect(page.getByLabel("Motivo", { exact: true })).toHaveAccessibleDescription(/Informe o motivo do envio \(pelo menos 3 letras\)\./);
  await expect(page.getByLabel("DDD", { exact: true })).toHaveAccessibleDescription(/Informe o DDD com 2 dígitos, sem parênteses\./);
  await expect(page.getByLabel("Mensagem", { exact: true })).toHaveAccessibleDescription(/Escreva a mensagem\./);
  await expect(page.getByLabel("Confirmo o envio deste SMS para o número informado.", { exact: true })).toHaveAccessibleDescription("Marque a confirmação para enviar.");
  await snapshot(page, "sms-novo-validacao");

  await pickCustomer(page, c);
  // The customer's mobile is suggested once their record arrives; typing before that keeps what was
  // typed (and the number stays empty), which is another validation case than the one checked here.
  await expect(page.getByLabel("Número do celular", { exact: true })).not.toHaveValue("");
  await page.getByLabel("Motivo", { exact: true }).fill("ab");
  await page.getByLabel("DDD", { exact: true }).fill("00");
  await page.getByLabel("Mensagem", { exact: true }).fill("Teste de validação");
  await page.getByRole("button", { name: "Enviar" }).click();
  await expect(page.getByText("Escolha o cliente.")).toHaveCount(0);
  await expect(page.getByLabel("Motivo", { exact: true })).toHaveAccessibleDescription(/Informe o motivo do envio \(pelo menos 3 letras\)\./);
  await expect(page.getByLabel("DDD", { exact: true })).toHaveAccessibleDescription(/DDD 00 não existe\./);
  await expect(page.getByLabel("Mensagem", { exact: true })).not.toHaveAccessibleDescription(/Escreva a mensagem/);

  await page.getByLabel("Motivo", { exact: true }).fill("Aviso");
  await page.getByLabel("DDD", { exact: true }).fill("35");
  await page.getByLabel("Número do celular", { exact: true }).fill("");
  await page.getByRole("button", { name: "Enviar" }).click();
  await expect(page.getByLabel("Número do celular", { exact: true })).toHaveAccessibleDescription(/Informe o número do celular\./);
  await expect(page.getByLabel("DDD", { exact: true })).not.toHaveAccessibleDescription(/não existe/);

  await page.getByLabel("Número do celular", { exact: true }).fill("37221234");
  await page.getByRole("button", { name: "Enviar" }).click();
  await expect(page.getByLabel("Número do celular", { exact: true })).toHaveAccessibleDescription(/Número fixo não recebe SMS\. Informe um celular\./);

  await page.getByLabel("Mensagem", { exact: true }).fill("");
  await page.getByRole("button", { name: "Enviar" }).click();
  await expect(page.getByLabel("Mensagem", { exact: true })).toHaveAccessibleDescription(/Escreva a mensagem\./);
  await expect(page.getByLabel("Confirmo o envio deste SMS para o número informado.", { exact: true })).toHaveAccessibleDescription("Marque a confirmação para enviar.");
  // Nothing left the page: no outcome.
  await expect(page.getByText(/SMS (enviado|entregue)\./)).toHaveCount(0);
});

test("técnico sees only the individual tab and only their own sends, also in the CSV", async ({ page }, testInfo) => {
  test.setTimeout(60_000);
  const phone = testInfo.project.name === "phone";
  const own = await sendableCustomer(phone ? 44 : 45);
  const others = await sendableCustomer(phone ? 46 : 47);
  const stamp = `${testInfo.project.name}-${Date.now()}`;
  await recordSentMessage("operador", others, `Envio do operador ${stamp}`);
  // Without a session the export answers 401, never a file.
  expect((await page.request.get("/api/export/sms")).status()).toBe(401);

  await loginAs(page, "tecnico");
  const tabs = smsTabs(page);
  await expect(tabs.getByRole("link")).toHaveText(["SMS Individual"]);
  await expect(page.getByText(`Envio do operador ${stamp}`)).toHaveCount(0);
  // Technicians have no operator filter and no history of all messages.
  await openFilters(page);
  await expect(page.getByLabel("Operador", { exact: true })).toHaveCount(0);
  await page.goto("/sms/historico");
  await expect(page.getByRole("heading", { name: "Sem permissão" })).toBeVisible();

  // From the customer's page: "Enviar SMS" opens the form with the customer and mobile filled in.
  await page.goto(`/clientes/${own.id}`);
  await page.getByRole("link", { name: "Enviar SMS" }).click();
  await expect(page).toHaveURL(new RegExp(`/sms/individual/novo\\?cliente=${own.id}$`));
  await expect(page.getByText(own.name, { exact: true })).toBeVisible();
  await expect(page.getByLabel("DDD", { exact: true })).toHaveValue(national(own.e164).ddd);
  await page.getByLabel("Motivo", { exact: true }).fill(`Visita do técnico ${stamp}`);
  await page.getByLabel("Mensagem", { exact: true }).fill("Ola {primeiro_nome}, chego em 10 minutos.");
  await page.getByLabel("Confirmo o envio deste SMS para o número informado.", { exact: true }).check();
  await snapshot(page, "sms-novo-tecnico");
  await page.getByRole("button", { name: "Enviar" }).click();
  await expect(page.getByRole("status").filter({ hasText: /SMS (enviado|entregue)\./ })).toBeVisible();

  await page.getByRole("link", { name: "Ver envios" }).click();
  await expect(historyRow(page, `Visita do técnico ${stamp}`)).toBeVisible();
  await expect(page.getByText(`Envio do operador ${stamp}`)).toHaveCount(0);
  await expect(page.getByRole("list", { name: "Mensagens" }).getByRole("listitem").filter({ hasNotText: "Tiago Técnico" })).toHaveCount(0);
  await snapshot(page, "sms-individual-tecnico");

  // The export ignores an operator asked for in the address: a technician gets their own sends only.
  const res = await page.request.get("/api/export/sms?operador=someone-else");
  expect(res.status()).toBe(200);
  const csv = await res.text();
  expect(csv).toContain(`Visita do técnico ${stamp}`);
  expect(csv).not.toContain(`Envio do operador ${stamp}`);
});
