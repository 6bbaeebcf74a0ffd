// SMS em Lote: a batch per Considerar mode (split between the two profiles, which share one database),
// preview counts against an independent computation over the database, unticked recipients left out,
// progress through the sandbox to "Concluído" with each recipient's status; pause, resume and cancel;
// technicians have no Lote tab.
import type { Page } from "@playwright/test";
import { BATCH_MODE_LABELS } from "@/server/services/batches/constants";
import { firstName } from "@/server/sms/template";
import { transliterateToGsm } from "@/server/sms/transliterate";
import { type BatchCase, expectBatch, type Expected, SEEDED_SANDBOX_RATE, setSandboxRate, storedBatch } from "./support/batch-db";
import { expect, loginAs, smsTabs, snapshot, test } from "./fixtures";

type Case = BatchCase & { valueLabel: string };

const city = (value: string, uf: string, extra: Partial<Case> = {}): Case => ({
  mode: "cidade", value, valueLabel: `${value}/${uf}`, prefixes: [], allPhones: false, withConnection: false, ...extra,
});
const other = (mode: Exclude<BatchCase["mode"], "cidade">, value: string, extra: Partial<Case> = {}): Case => ({
  mode, value, valueLabel: value, prefixes: [], allPhones: false, withConnection: false, ...extra,
});

// Different filters per profile: each profile's batches reach their own customers where it matters.
const CASES: Record<string, Case[]> = {
  phone: [
    city("Águas da Prata", "SP", { withConnection: true }),
    other("ponto_acesso", "Torre Andradas Serra do Caracol", { allPhones: true, prefixes: [9] }),
    other("plano", "Empresarial 600 Mega"),
  ],
  desktop: [
    other("servidor", "BRAS-AND-01", { prefixes: [99] }),
    other("profile_pagamento", "Débito em conta - dia 20", { allPhones: true }),
    city("São João da Boa Vista", "SP", { neighbourhood: "Vila Zanetti" }),
  ],
};

function term(page: Page, label: string) {
  return page.locator("dt", { hasText: new RegExp(`^${label}$`) }).locator("xpath=following-sibling::dd[1]");
}

async function fillStep1(page: Page, c: Case, motivo: string) {
  await page.getByRole("combobox", { name: "Considerar", exact: true }).selectOption({ label: BATCH_MODE_LABELS[c.mode] });
  await page.getByRole("combobox", { name: BATCH_MODE_LABELS[c.mode], exact: true }).selectOption({ label: c.valueLabel });
  if (c.neighbourhood) await page.getByRole("combobox", { name: "Bairro (opcional)" }).selectOption({ label: c.neighbourhood });
  const withConnection = page.getByRole("checkbox", { name: /Com conexão/ });
  if (c.mode === "cidade") {
    await expect(withConnection).toBeEnabled();
    await withConnection.setChecked(c.withConnection);
  } else {
    await expect(withConnection).toBeDisabled();
  }
  await page.getByRole("textbox", { name: "Prefixo" }).fill(c.prefixes.length ? c.prefixes.join(", ") : "0");
  await page.getByRole("checkbox", { name: /Todos os fones/ }).setChecked(c.allPhones);
  await page.getByRole("textbox", { name: "Motivo", exact: true }).fill(motivo);
  await page.getByRole("combobox", { name: "Tipo de mensagem" }).selectOption("operacional");
  const message = page.getByRole("textbox", { name: "Mensagem", exact: true });
  await message.fill("Olá ");
  await page.getByRole("button", { name: /^Inserir \{primeiro_nome\}/ }).click();
  await message.press("End");
  await message.pressSequentially(", manutenção na rede hoje.");
  // Portuguese as typed; the account sends without accents, so it counts as one SMS of 160 (issue 11 §1).
  await expect(message).toHaveValue("Olá {primeiro_nome}, manutenção na rede hoje.");
  await expect(page.getByText("1 SMS de até 160 caracteres", { exact: true })).toBeVisible();
  await expect(page.getByText("sem acentos", { exact: true })).toBeVisible();
  await expect(page.getByText("Ola Maria, manutencao na rede hoje.", { exact: true })).toBeVisible();
}

async function checkPreview(page: Page, e: Expected) {
  await expect(term(page, "Clientes")).toHaveText(String(e.customersFound));
  await expect(term(page, "Celulares")).toHaveText(String(e.recipients.length));
  await expect(term(page, "SMS no total")).toHaveText(String(e.recipients.length));
  const reasons = page.getByRole("list", { name: "Não recebem" });
  const expected: [string, number][] = [
    ["Sem celular", e.noMobile],
    ["Número inválido", e.invalidNumber],
    ["Fora do prefixo", e.prefixNotAccepted],
    ["Número repetido no lote", e.duplicateInBatch],
    ["Pediram para não receber SMS", e.optedOut],
  ];
  for (const [label, n] of expected) await expect(reasons.getByRole("listitem").filter({ hasText: label })).toHaveText(`${label}${n}`);
}

async function runBatch(page: Page, c: Case, shots: boolean) {
  const motivo = `E2E ${test.info().project.name} ${c.mode}`;
  const expected = await expectBatch(c);
  expect(expected.recipients.length, "the case needs a few recipients").toBeGreaterThanOrEqual(3);

  await page.goto("/sms/lote");
  await page.getByRole("link", { name: "Novo lote" }).first().click();
  await expect(page).toHaveURL(/\/sms\/lote\/novo$/);
  await fillStep1(page, c, motivo);
  if (shots) await snapshot(page, "lote-passo-1");
  await page.getByRole("button", { name: "Avançar" }).click();

  await expect(page.getByRole("heading", { name: "Clientes encontrados" })).toBeVisible();
  await checkPreview(page, expected);
  const boxes = page.getByRole("checkbox", { name: /^Enviar para / });
  if (shots) {
    // "Desmarcar todos" unticks every customer found (also those not loaded yet); "Marcar todos" undoes it.
    await page.getByRole("button", { name: "Desmarcar todos", exact: true }).click();
    await expect(page.getByText(`0 de ${expected.customersFound} clientes marcados`)).toBeVisible();
    await expect(boxes.first()).not.toBeChecked();
    await expect(page.getByRole("button", { name: "Enviar", exact: true })).toBeDisabled();
    await page.getByRole("button", { name: "Marcar todos", exact: true }).click();
    await expect(page.getByText(`${expected.customersFound} de ${expected.customersFound} clientes marcados`)).toBeVisible();
  }
  await expect(boxes.first()).toHaveAccessibleName(`Enviar para ${expected.recipients[0]!.customerName}, ${expected.recipients[0]!.national}`);
  // Each recipient's text as it goes out: their own first name, without accents.
  await expect(page.getByText(`Ola ${transliterateToGsm(firstName(expected.recipients[0]!.customerName)).text}, manutencao na rede hoje.`).first()).toBeVisible();
  // Untick the first two customers (every phone of a customer goes with it).
  const unticked = [...new Set(expected.recipients.map((r) => r.customerId))].slice(0, 2);
  for (const id of unticked) {
    const r = expected.recipients.find((x) => x.customerId === id)!;
    await page.getByRole("checkbox", { name: `Enviar para ${r.customerName}, ${r.national}` }).uncheck();
  }
  await expect(page.getByText(`${expected.customersFound - 2} de ${expected.customersFound} clientes marcados`)).toBeVisible();
  if (shots) await snapshot(page, "lote-passo-2");

  // Back to step 1 and forward again: the form and the ticks are kept.
  await page.getByRole("button", { name: "Voltar" }).click();
  await expect(page.getByRole("textbox", { name: "Motivo", exact: true })).toHaveValue(motivo);
  await page.getByRole("button", { name: "Avançar" }).click();
  await expect(page.getByText(`${expected.customersFound - 2} de ${expected.customersFound} clientes marcados`)).toBeVisible();
  await page.getByRole("button", { name: "Enviar", exact: true }).click();

  const after = await expectBatch(c, unticked);
  const phones = after.recipients.length;
  await expect(page.getByRole("heading", { name: "Confirme o envio" })).toBeVisible();
  await expect(page.getByText(new RegExp(`^Enviar o SMS para ${phones} celulares? de ${expected.customersFound - 2} clientes?\\?$`))).toBeVisible();
  await expect(term(page, "Celulares")).toHaveText(String(phones));
  if (shots) await snapshot(page, "lote-passo-3");
  await page.getByRole("button", { name: `Enviar ${phones} SMS` }).click();

  await expect(page).toHaveURL(/\/sms\/lote\/\d+$/, { timeout: 30_000 });
  const batchId = Number(/\/sms\/lote\/(\d+)$/.exec(page.url())![1]);
  await expect(page.getByText("Concluído")).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole("progressbar", { name: "Andamento" })).toHaveAttribute("aria-valuenow", "100");
  const list = page.getByRole("list", { name: "Destinatários" });
  await expect(list.getByRole("listitem")).toHaveCount(Math.min(phones, 50));
  // Delivery reports arrive from the sandbox shortly after: each recipient ends "Entregue".
  await expect(list.getByText("Entregue", { exact: true })).toHaveCount(Math.min(phones, 50), { timeout: 30_000 });
  for (const r of after.recipients.slice(0, 50)) await expect(list.getByRole("listitem").filter({ hasText: r.national })).toContainText(r.customerName);
  if (shots) await snapshot(page, "lote-historico");

  const stored = await storedBatch(batchId);
  expect(stored.status).toBe("done");
  expect(stored.recipients.map((r) => r.e164)).toEqual(after.recipients.map((r) => r.e164));
  expect(stored.recipients.every((r) => r.status === "delivered")).toBe(true);
  expect(stored.recipients.some((r) => unticked.includes(r.customerId))).toBe(false);

  await page.getByRole("link", { name: "Voltar aos lotes" }).click();
  const row = page.getByRole("list", { name: "Lotes de SMS" }).getByRole("listitem").filter({ hasText: motivo });
  await expect(row).toContainText("Concluído");
  await expect(row).toContainText(`${phones} enviadas · ${phones} entregues · 0 falhas`);
}

test.describe("SMS em Lote", () => {
  test("a batch for each Considerar mode: preview, untick, send, delivered", async ({ page }, testInfo) => {
    test.setTimeout(240_000);
    await loginAs(page, testInfo.project.name === "phone" ? "operador" : "admin");
    const cases = CASES[testInfo.project.name]!;
    for (const [i, c] of cases.entries()) await runBatch(page, c, i === 0);
    await snapshot(page, "lote-grade");
  });

  test("an operator pauses a running batch, then resumes it (desktop) or cancels it (phone)", async ({ page }, testInfo) => {
    test.setTimeout(120_000);
    await loginAs(page, "operador");
    const phone = testInfo.project.name === "phone";
    await page.goto("/sms/lote/novo");
    // A bigger batch than the others, so the list has several pages.
    const c = phone ? city("Poços de Caldas", "MG", { allPhones: true }) : other("servidor", "BRAS-PCS-01", { allPhones: true });
    await fillStep1(page, c, `E2E ${testInfo.project.name} pausa`);
    await page.getByRole("button", { name: "Avançar" }).click();
    // More recipients than a page: the windowed list keeps few rows in the DOM and loads the rest on scroll.
    const expected = await expectBatch(c);
    expect(expected.recipients.length).toBeGreaterThan(100);
    const list = page.getByRole("list", { name: "Destinatários" });
    await expect(list.getByRole("listitem").first()).toBeVisible();
    expect(await list.getByRole("listitem").count()).toBeLessThan(20);
    await expect(async () => {
      await list.locator("xpath=..").evaluate((el) => el.scrollTo(0, el.scrollHeight));
      await expect(page.getByText(`${expected.recipients.length} celulares na lista.`)).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 20_000 });
    await list.locator("xpath=..").evaluate((el) => el.scrollTo(0, el.scrollHeight));
    const last = expected.recipients.at(-1)!;
    await expect(page.getByRole("checkbox", { name: `Enviar para ${last.customerName}, ${last.national}` })).toBeVisible();
    expect(await list.getByRole("listitem").count()).toBeLessThan(20);
    await page.getByRole("button", { name: "Enviar", exact: true }).click();

    // Slow the sandbox while the batch starts, so that it is still sending when paused.
    await setSandboxRate(2);
    try {
      await page.getByRole("button", { name: /^Enviar \d+ SMS$/ }).click();
      await expect(page).toHaveURL(/\/sms\/lote\/\d+$/, { timeout: 30_000 });
      await page.getByRole("button", { name: "Pausar" }).click();
      await expect(page.getByText("Lote pausado: nenhuma nova mensagem sai até você retomar.")).toBeVisible();
    } finally {
      await setSandboxRate(SEEDED_SANDBOX_RATE);
    }
    await expect(page.getByText("Pausado", { exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: "Pausar" })).toHaveCount(0);
    const batchId = Number(/\/sms\/lote\/(\d+)$/.exec(page.url())![1]);

    if (phone) {
      await page.getByRole("button", { name: "Cancelar lote" }).click();
      await page.getByRole("group", { name: "Confirmar cancelamento" }).getByRole("button", { name: "Sim, cancelar" }).click();
      await expect(page.getByText("Cancelado", { exact: true })).toBeVisible();
      await expect(page.getByText("Lote cancelado.")).toBeVisible();
      await expect(page.getByRole("button", { name: "Cancelar lote" })).toBeDisabled();
      await expect(page.getByRole("button", { name: "Retomar" })).toHaveCount(0);
      const stored = await storedBatch(batchId);
      expect(stored.status).toBe("cancelled");
      // Part of the batch never went out: not yet created, or created ahead and cancelled unsent.
      expect(stored.recipients.some((r) => r.status === null || r.status === "cancelled")).toBe(true);
    } else {
      await page.getByRole("button", { name: "Retomar" }).click();
      await expect(page.getByText("Lote retomado.")).toBeVisible();
      await expect(page.getByText("Concluído", { exact: true })).toBeVisible({ timeout: 60_000 });
      await expect(page.getByRole("button", { name: "Pausar" })).toBeDisabled();
      await expect(page.getByRole("button", { name: "Cancelar lote" })).toBeDisabled();
      expect((await storedBatch(batchId)).status).toBe("done");
    }
  });

  test("step 1 shows the errors next to each field, in Portuguese", async ({ page }, testInfo) => {
    await loginAs(page, "operador");
    // The narrowest phone we support: nothing may scroll sideways.
    if (testInfo.project.name === "phone") await page.setViewportSize({ width: 360, height: 740 });
    await page.goto("/sms/lote/novo");
    await page.getByRole("combobox", { name: "Considerar", exact: true }).selectOption({ label: "Servidor" });
    await page.getByRole("textbox", { name: "Prefixo" }).fill("8");
    await page.getByRole("button", { name: "Avançar" }).click();
    await expect(page.getByText("Corrija os campos indicados.")).toBeVisible();
    await expect(page.getByRole("combobox", { name: "Servidor", exact: true })).toHaveAccessibleDescription("Escolha o servidor.");
    await expect(page.getByRole("textbox", { name: "Prefixo" })).toHaveAccessibleDescription(/^Celulares começam com 9/);
    await expect(page.getByRole("textbox", { name: "Motivo", exact: true })).toHaveAccessibleDescription(/^Informe o motivo do envio/);
    await expect(page.getByRole("textbox", { name: "Mensagem", exact: true })).toHaveAccessibleDescription(/^Escreva a mensagem\./);
    // Fixing a field clears its error; the others stay until the next "Avançar".
    await page.getByRole("textbox", { name: "Prefixo" }).fill("9");
    await expect(page.getByText(/^Celulares começam com 9/)).toHaveCount(0);
    await expect(page.getByText("Escolha o servidor.")).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  });

  test("a technician has no Lote tab and is refused on /sms/lote", async ({ page }) => {
    await loginAs(page, "tecnico");
    await expect(smsTabs(page).getByRole("link", { name: "SMS Individual" })).toBeVisible();
    await expect(smsTabs(page).getByRole("link", { name: "SMS em Lote" })).toHaveCount(0);
    await page.goto("/sms/lote/novo");
    await expect(page.getByRole("heading", { name: "Sem permissão" })).toBeVisible();
    const res = await page.request.get(`/api/trpc/batch.list?input=${encodeURIComponent(JSON.stringify({ json: {} }))}`);
    expect(res.status()).toBe(403);
  });
});
