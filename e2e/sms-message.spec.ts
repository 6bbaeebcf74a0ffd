// A message's own page: opened from a history row, it tells the message's life (created, each
// attempt, the temporary failure and its retry time, the provider's id, the delivery report) in São
// Paulo time whatever the browser's zone; a technician opens only their own. Also the batch's
// recipient rows on a phone: a scheduled row with its window note keeps the name and number whole.
// Customers at offsets 200–205 are this spec's alone (other specs use 7–170): its messages must not show in their histories.
import type { Page } from "@playwright/test";
import { formatPhoneNational } from "@/server/sms/phone";
import { sendableCustomer } from "./support/individual-db";
import { insertBatchWithScheduledRecipient, insertDeliveredAfterRetry, shortNamedCustomer } from "./support/message-db";
import { expect, loginAs, test } from "./fixtures";

/** Filters the history to one São Paulo day, typed the Brazilian way. */
async function filterDay(page: Page, day: string) {
  const toggle = page.getByRole("button", { name: /^Filtros/ });
  if (await toggle.isVisible()) await toggle.click();
  const from = page.getByRole("textbox", { name: "De (dd/mm/aaaa)" });
  // Typed digit by digit, as on a phone's numeric keyboard: the mask adds the slashes.
  await from.pressSequentially(day.replace(/\//g, ""));
  await expect(from).toHaveValue(day);
  await page.getByRole("textbox", { name: "Até (dd/mm/aaaa)" }).fill(day);
}

const stamp = (date: string, time: string) => new RegExp(`${date.replace(/\//g, "\\/")},? ${time}`);

test.describe("in a browser set to another time zone", () => {
  test.use({ timezoneId: "Asia/Tokyo" });

  test("a technician opens their message from the history and reads its timeline in São Paulo time", async ({ page }, testInfo) => {
    const phone = testInfo.project.name === "phone";
    // One day per profile: the day filter finds this test's message alone.
    const [day, iso] = phone ? ["16/03/2026", "2026-03-16"] : ["17/03/2026", "2026-03-17"];
    const customer = await sendableCustomer(phone ? 200 : 201);
    const motivo = `Visita técnica ${testInfo.project.name}`;
    const id = await insertDeliveredAfterRetry("tecnico", customer, motivo, new Date(`${iso}T17:05:00Z`), `SBX-E2E-${testInfo.project.name}`);

    await loginAs(page, "tecnico");
    await filterDay(page, day);
    const row = page.getByRole("list", { name: "Mensagens" }).getByRole("listitem").filter({ hasText: motivo });
    await expect(row).toHaveCount(1);
    await row.getByRole("link", { name: `Detalhes da mensagem para ${customer.name}` }).click();

    await expect(page).toHaveURL(new RegExp(`/sms/mensagens/${id}$`));
    await expect(page.getByRole("heading", { name: `Mensagem para ${customer.name}` })).toBeVisible();
    await expect(page.getByText(formatPhoneNational(customer.e164), { exact: true })).toBeVisible();
    // Each event with its São Paulo time (the browser is in Tokyo, 12 hours ahead).
    const at = (time: string) => `${day.replace(/\//g, "\\/")},? ${time}`;
    await expect(page.getByRole("list", { name: "Linha do tempo" }).getByRole("listitem")).toHaveText([
      new RegExp(`^${at("14:05:00")}.*Mensagem criada por `),
      new RegExp(`^${at("14:05:01")}.*Envio iniciado \\(tentativa 1\\)`),
      new RegExp(`^${at("14:05:02")}.*Falha temporária no envio.*Motivo: Provedor indisponível \\(503\\)\\..*Nova tentativa a partir de ${at("14:07")}`),
      new RegExp(`^${at("14:07:00")}.*Envio iniciado \\(tentativa 2\\)`),
      new RegExp(`^${at("14:07:01")}.*Aceita pelo provedor.*ID no provedor: SBX-E2E-${testInfo.project.name}`),
      new RegExp(`^${at("14:07:31")}.*Relatório de entrega: Entregue.*Informado pelo provedor para ${at("14:07")}`),
    ]);

  });
});

test.describe("a message the viewer may not open", () => {
  // The refusals answer 404 (the page and message.get): expected here.
  test.use({ consoleNoise: /Failed to load resource: .* status of 404/ });

  test("a technician gets \"Mensagem não encontrada\" for another's message, an unknown id and a malformed one", async ({ page }, testInfo) => {
    const customer = await sendableCustomer(testInfo.project.name === "phone" ? 202 : 203);
    const othersId = await insertDeliveredAfterRetry("operador", customer, "Aviso do operador", new Date("2026-03-20T18:00:00Z"), "SBX-E2E-OP");
    await loginAs(page, "tecnico");
    for (const path of [`/sms/mensagens/${othersId}`, "/sms/mensagens/999999999", "/sms/mensagens/abc"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { name: "Mensagem não encontrada" })).toBeVisible();
      await expect(page.getByText("Aviso do operador")).toHaveCount(0);
    }
  });
});

test("an operator opens a message from Histórico", async ({ page }, testInfo) => {
  const phone = testInfo.project.name === "phone";
  const [day, iso] = phone ? ["18/03/2026", "2026-03-18"] : ["19/03/2026", "2026-03-19"];
  const customer = await sendableCustomer(phone ? 204 : 205);
  const motivo = `Troca de equipamento ${testInfo.project.name}`;
  const id = await insertDeliveredAfterRetry("tecnico", customer, motivo, new Date(`${iso}T12:00:00Z`), "SBX-E2E-H");
  await loginAs(page, "operador");
  await page.goto("/sms/historico");
  await filterDay(page, day);
  const row = page.getByRole("list", { name: "Mensagens" }).getByRole("listitem").filter({ hasText: motivo });
  await row.getByRole("link", { name: `Detalhes da mensagem para ${customer.name}` }).click();
  await expect(page).toHaveURL(new RegExp(`/sms/mensagens/${id}$`));
  await expect(page.getByRole("list", { name: "Linha do tempo" }).getByRole("listitem").first().locator("time")).toHaveText(stamp(day, "09:00:00"));
});

test("a batch recipient waiting for its window keeps its name and number on one line each, the note is not an error", async ({ page }, testInfo) => {
  const customer = await shortNamedCustomer(testInfo.project.name === "phone" ? 0 : 1);
  const note = "Fora do horário permitido para cobrança em MG (seg a sex 08:00–20:00, sáb 08:00–14:00): sai seg 07/12 08:00.";
  const { batchId, messageId } = await insertBatchWithScheduledRecipient(customer, note);
  await loginAs(page, "operador");
  await page.goto(`/sms/lote/${batchId}`);
  const row = page.getByRole("list", { name: "Destinatários" }).getByRole("listitem").filter({ hasText: customer.name });
  await expect(row.getByText("Agendada")).toBeVisible();
  const noteEl = row.getByText(note);
  await expect(noteEl).toBeVisible();

  const name = await row.getByText(customer.name, { exact: true }).boundingBox();
  const number = await row.getByText(formatPhoneNational(customer.e164), { exact: true }).boundingBox();
  // One line of text is 20–24 px tall here; one letter per line was hundreds.
  expect(name!.height).toBeLessThan(30);
  expect(number!.height).toBeLessThan(26);
  // Waiting for the window is information: not in the red of a failure.
  await expect(row.locator("[data-tone]")).toHaveAttribute("data-tone", "info");
  await expect(row.locator("[data-tone]")).not.toHaveClass(/text-red/);

  await row.getByRole("link", { name: `Detalhes da mensagem para ${customer.name}` }).click();
  await expect(page).toHaveURL(new RegExp(`/sms/mensagens/${messageId}$`));
  await expect(page.getByText("Fora do horário permitido: aguardando a janela de envio")).toBeVisible();
});
