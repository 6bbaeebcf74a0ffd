// Issue 11 §1: a batch whose text passes the parts limit for some customers (a long {nome}) is
// stopped at the preview, with the exact count and the two ways out — allow more SMS per message
// or leave those recipients out — instead of a refusal after the final "Enviar".
import type { Page } from "@playwright/test";
import { expectBatch, storedBatch } from "./support/batch-db";
import { textOfRecipients } from "./support/text-db";
import { expect, loginAs, snapshot, test } from "./fixtures";

const TEMPLATE = `{nome}, ${"informamos que a manutencao preventiva da rede de fibra sera feita amanha cedo. ".repeat(2).slice(0, 140)}`;

function term(page: Page, label: string) {
  return page.locator("dt", { hasText: new RegExp(`^${label}$`) }).locator("xpath=following-sibling::dd[1]");
}

test("texts over the limit are counted at the preview, then allowed more SMS or left out", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const phone = testInfo.project.name === "phone";
  const c = { mode: "cidade" as const, value: phone ? "Águas da Prata" : "São João da Boa Vista", prefixes: [], allPhones: false, withConnection: false };
  const expected = await expectBatch(c);
  const text = await textOfRecipients(expected, TEMPLATE);
  const over = text.over.size;
  const total = expected.recipients.length;
  expect(over, "some names are long enough to pass 160 characters").toBeGreaterThan(0);
  expect(over, "and some are not").toBeLessThan(total);

  await loginAs(page, "operador");
  await page.goto("/sms/lote/novo");
  await page.getByRole("combobox", { name: "Considerar", exact: true }).selectOption({ label: "Cidade" });
  await page.getByRole("combobox", { name: "Cidade", exact: true }).selectOption({ label: `${c.value}/SP` });
  await page.getByRole("textbox", { name: "Motivo", exact: true }).fill(`E2E ${testInfo.project.name} limite`);
  await page.getByRole("textbox", { name: "Mensagem", exact: true }).fill(TEMPLATE);
  await page.getByRole("button", { name: "Avançar" }).click();

  const alert = page.getByRole("alert").filter({ hasText: "com a mensagem acima de 1 SMS" });
  await expect(alert).toContainText(`${over} ${over === 1 ? "destinatário ficaria" : "destinatários ficariam"} com a mensagem acima de 1 SMS.`);
  await expect(alert).toContainText("A mensagem passa de 160 caracteres");
  const next = page.getByRole("button", { name: "Enviar", exact: true });
  await expect(next).toBeDisabled();
  await expect(term(page, "Celulares")).toHaveText(String(total));
  await snapshot(page, "lote-limite");

  // Way out 1: leave them out. The counts and the cost are those of the others.
  await alert.getByRole("button", { name: over === 1 ? "Deixar esse destinatário de fora" : `Deixar esses ${over} destinatários de fora` }).click();
  await expect(term(page, "Celulares")).toHaveText(String(total - over));
  await expect(term(page, "SMS no total")).toHaveText(String(text.withinParts));
  await expect(page.getByRole("list", { name: "Não recebem" }).getByRole("listitem").filter({ hasText: "Mensagem acima do limite" })).toContainText(String(over));
  await expect(next).toBeEnabled();

  // Way out 2: allow the parts they need, and see the cost.
  await page.getByRole("button", { name: "Incluir de novo" }).click();
  await expect(alert).toBeVisible();
  await alert.getByRole("button", { name: `Permitir até ${text.neededParts} SMS por mensagem` }).click();
  await expect(alert).toHaveCount(0);
  await expect(page.getByText(`Este lote permite até ${text.neededParts} SMS por mensagem.`)).toBeVisible();
  await expect(term(page, "Celulares")).toHaveText(String(total));
  await expect(term(page, "SMS no total")).toHaveText(String(text.totalParts));

  await next.click();
  await expect(page.getByRole("heading", { name: "Confirme o envio" })).toBeVisible();
  await expect(term(page, "SMS no total")).toHaveText(String(text.totalParts));
  await page.getByRole("button", { name: `Enviar ${total} SMS` }).click();
  await expect(page).toHaveURL(/\/sms\/lote\/\d+$/, { timeout: 30_000 });
  const stored = await storedBatch(Number(/\/sms\/lote\/(\d+)$/.exec(page.url())![1]));
  expect(stored.recipients).toHaveLength(total);
});
