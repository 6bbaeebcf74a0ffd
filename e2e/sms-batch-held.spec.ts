// A batch's status tells the truth (issue 11 §2): a batch held by the send windows says what it
// waits for and from when — never "Concluído" at 0% — and is cancelled with its waiting messages; a
// batch is scheduled ("Agendar"), edited, then cancelled (phone) or released at its time by the
// queue drain and sent to the end (desktop). The send windows are set in the test's database for
// UFs of their own, so nothing depends on the clock.
import type { Page } from "@playwright/test";
import { formatBrDate } from "@/app/_components/ui/br-date";
import { formatPanelTime, inputsFromSendAt, sendAtFromInputs } from "@/server/services/batches/send-at";
import { windowAt } from "@/server/sms/send-window";
import { batchSchedule, heldPlace, makeScheduledBatchDue, storedBatch } from "./support/batch-db";
import { expect, loginAs, snapshot, test } from "./fixtures";

function term(page: Page, label: string) {
  return page.locator("dt", { hasText: new RegExp(`^${label}$`) }).locator("xpath=following-sibling::dd[1]");
}

async function fillBatch(page: Page, o: { city: string; neighbourhood?: string; street?: string; motivo: string; category: string }) {
  await page.goto("/sms/lote/novo");
  await page.getByRole("combobox", { name: "Considerar", exact: true }).selectOption({ label: "Cidade" });
  await page.getByRole("combobox", { name: "Cidade", exact: true }).selectOption({ label: o.city });
  if (o.neighbourhood) await page.getByRole("combobox", { name: "Bairro (opcional)" }).selectOption({ label: o.neighbourhood });
  if (o.street) await page.getByRole("combobox", { name: "Rua (opcional)" }).selectOption({ label: o.street });
  await page.getByRole("textbox", { name: "Motivo", exact: true }).fill(o.motivo);
  await page.getByRole("combobox", { name: "Tipo de mensagem" }).selectOption(o.category);
  await page.getByRole("textbox", { name: "Mensagem", exact: true }).fill("Oi {primeiro_nome}, temos novidades para voce.");
  await page.getByRole("button", { name: "Avançar" }).click();
  await expect(page.getByRole("heading", { name: "Clientes encontrados" })).toBeVisible();
  await page.getByRole("button", { name: "Enviar", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Confirme o envio" })).toBeVisible();
}

const batchIdOf = (page: Page) => Number(/\/sms\/lote\/(\d+)$/.exec(page.url())![1]);

test("a batch held by the send windows says so, not Concluído, and cancel stops its waiting messages", async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  const phone = testInfo.project.name === "phone";
  const place = await heldPlace(
    phone ? { uf: "RO", timeZone: "America/Porto_Velho", ddd: "69", name: "Ariquemes E2E" } : { uf: "RR", timeZone: "America/Boa_Vista", ddd: "95", name: "Caracaraí E2E" },
  );
  const window = windowAt(new Date(), { uf: place.uf, timeZone: place.timeZone, category: "marketing", rules: { [place.uf]: place.rules } });
  if (window.open) throw new Error("the place's window should be closed now");
  const from = formatPanelTime(window.nextOpening);
  const n = place.customers.length;

  await loginAs(page, "operador");
  await fillBatch(page, { city: `${place.city}/${place.uf}`, neighbourhood: place.neighbourhood, street: place.street, motivo: `Promoção ${testInfo.project.name}`, category: "marketing" });

  // Before "Enviar": every filter, and who waits for the window and until when.
  await expect(term(page, "Cidade")).toHaveText(place.city);
  await expect(term(page, "Bairro")).toHaveText(place.neighbourhood);
  await expect(term(page, "Rua")).toHaveText(place.street);
  await expect(term(page, "Prefixo")).toHaveText("0 (todos os celulares)");
  await expect(term(page, "Fones")).toHaveText("Só o celular principal");
  const forecast = page.getByRole("region", { name: "Horário permitido" });
  await expect(forecast).toContainText(`${n} de ${n} celulares estão fora do horário permitido agora e ficam aguardando:`);
  await expect(forecast).toContainText(`${place.uf} (fuso de ${place.timeZone.split("/")[1]!.replace("_", " ")}): ${n} a partir de ${from}`);
  await snapshot(page, "lote-confirmacao-fora-do-horario");
  await page.getByRole("button", { name: `Enviar ${n} SMS` }).click();

  await expect(page).toHaveURL(/\/sms\/lote\/\d+$/, { timeout: 30_000 });
  const batchId = batchIdOf(page);
  await expect(page.getByText("Aguardando horário", { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("list", { name: "O que o lote aguarda" })).toHaveText(`Aguardando horário permitido: ${n} a partir de ${from}`);
  await expect(page.getByText("Concluído", { exact: true })).toHaveCount(0);
  await expect(page.getByRole("progressbar", { name: "Andamento" })).toHaveAttribute("aria-valuenow", "0");
  await expect(page.getByRole("button", { name: "Pausar" })).toBeEnabled();
  const held = await storedBatch(batchId);
  expect(held.status).toBe("running");
  expect(held.recipients.map((r) => r.status)).toEqual(Array(n).fill("scheduled"));
  await snapshot(page, "lote-aguardando-horario");

  await page.getByRole("button", { name: "Cancelar lote" }).click();
  const confirm = page.getByRole("group", { name: "Confirmar cancelamento" });
  await expect(confirm).toContainText(`Cancelar o lote? ${n} mensagens ainda não enviadas não serão enviadas.`);
  await confirm.getByRole("button", { name: "Sim, cancelar" }).click();
  await expect(page.getByText("Lote cancelado.")).toBeVisible();
  await expect(page.getByText("Cancelado", { exact: true })).toBeVisible();
  await expect(page.getByRole("list", { name: "O que o lote aguarda" })).toHaveCount(0);
  const cancelled = await storedBatch(batchId);
  expect(cancelled.status).toBe("cancelled");
  expect(cancelled.recipients.map((r) => r.status)).toEqual(Array(n).fill("cancelled"));
});

test("an operator schedules a batch, edits its time and motivo, then cancels it (phone) or it goes at its time (desktop)", async ({ page }, testInfo) => {
  test.setTimeout(150_000);
  const phone = testInfo.project.name === "phone";
  const motivo = `Agendado ${testInfo.project.name}`;
  // Admin on desktop: "Processar fila agora" stands in for the 5-minute drain once the time has come.
  await loginAs(page, phone ? "operador" : "admin");
  await fillBatch(page, { city: phone ? "Águas da Prata/SP" : "Caldas/MG", motivo, category: "operacional" });

  const day = inputsFromSendAt(new Date(Date.now() + 86_400_000)).date;
  const yesterday = inputsFromSendAt(new Date(Date.now() - 86_400_000)).date;
  await page.getByRole("radio", { name: "Agendar" }).check();
  const send = page.getByRole("button", { name: /^Agendar \d+ SMS$/ });
  await page.getByLabel("Data", { exact: true }).fill(formatBrDate(yesterday));
  await page.getByLabel("Hora", { exact: true }).fill("10:00");
  await send.click();
  await expect(page.getByRole("alert").filter({ hasText: "Escolha uma data e hora no futuro (horário de Brasília)." })).toBeVisible();
  await page.getByLabel("Data", { exact: true }).fill(formatBrDate(day));
  await page.getByLabel("Hora", { exact: true }).fill("10:03");
  await send.click();
  await expect(page.getByRole("alert").filter({ hasText: "Escolha um horário de 5 em 5 minutos" })).toBeVisible();
  await page.getByLabel("Hora", { exact: true }).fill("10:00");
  const sendAt = sendAtFromInputs(day, "10:00")!;
  await expect(page.getByRole("region", { name: "Horário permitido" })).toHaveText("Avisos operacionais saem a qualquer hora: nenhum celular espera o horário permitido.");
  await snapshot(page, "lote-agendar");
  await send.click();

  await expect(page).toHaveURL(/\/sms\/lote\/\d+$/, { timeout: 30_000 });
  const batchId = batchIdOf(page);
  await expect(page.getByText("Agendado", { exact: true })).toBeVisible();
  const held = page.getByRole("list", { name: "O que o lote aguarda" });
  await expect(held).toHaveText(`Agendado para ${formatPanelTime(sendAt)}: o envio começa nesse horário.`);
  await expect(page.getByRole("button", { name: "Pausar" })).toHaveCount(0);
  expect(await batchSchedule(batchId)).toMatchObject({ status: "scheduled", scheduledAt: sendAt });
  // The snapshot is taken at once; nothing is sent before the time.
  const stored = await storedBatch(batchId);
  expect(stored.recipients.length).toBeGreaterThan(0);
  expect(stored.recipients.every((r) => r.status === null)).toBe(true);

  await page.getByRole("button", { name: "Alterar agendamento" }).click();
  const edit = page.getByRole("form", { name: "Alterar agendamento" });
  // Shown the Brazilian way whatever the browser's language: dd/mm/aaaa and a 24-hour HH:mm.
  await expect(edit.getByLabel("Data", { exact: true })).toHaveValue(formatBrDate(day));
  await expect(edit.getByLabel("Hora", { exact: true })).toHaveValue("10:00");
  await edit.getByLabel("Hora", { exact: true }).fill("11:30");
  await edit.getByLabel("Motivo", { exact: true }).fill(`${motivo} (remarcado)`);
  // The same message editor and counter as the wizard's: what will be sent, in people's words.
  const newText = "Olá {primeiro_nome}, a manutenção foi remarcada para às 11h30.";
  await edit.getByRole("textbox", { name: "Mensagem", exact: true }).fill(newText);
  await expect(edit).toContainText("1 SMS de até 160 caracteres");
  await edit.getByRole("button", { name: "Salvar alterações" }).click();
  await expect(page.getByText("Agendamento alterado.")).toBeVisible();
  const later = sendAtFromInputs(day, "11:30")!;
  await expect(held).toHaveText(`Agendado para ${formatPanelTime(later)}: o envio começa nesse horário.`);
  await expect(page.getByRole("heading", { name: `${motivo} (remarcado)` })).toBeVisible();
  expect(await batchSchedule(batchId)).toMatchObject({ status: "scheduled", scheduledAt: later, motivo: `${motivo} (remarcado)`, template: newText });

  if (phone) {
    await page.getByRole("button", { name: "Cancelar agendamento" }).click();
    const confirm = page.getByRole("group", { name: "Confirmar cancelamento" });
    await expect(confirm).toContainText("Cancelar o agendamento? Nenhuma mensagem deste lote será enviada.");
    await confirm.getByRole("button", { name: "Sim, cancelar" }).click();
    await expect(page.getByText("Cancelado", { exact: true })).toBeVisible();
    expect((await storedBatch(batchId)).status).toBe("cancelled");
    return;
  }

  // Its time has come: the next drain releases it (a database row, no timer), and it is sent to the end.
  await makeScheduledBatchDue(batchId);
  await page.goto("/sms/fila");
  const drain = page.getByRole("button", { name: "Processar fila agora" });
  // A drain already running (the 5-minute one, another spec's request) makes a new request a no-op: ask again.
  await expect(async () => {
    await drain.click();
    await expect(page.getByRole("status").filter({ hasText: "Processamento solicitado." })).toBeVisible();
    expect((await batchSchedule(batchId)).status).not.toBe("scheduled");
  }).toPass({ timeout: 30_000 });
  await page.goto(`/sms/lote/${batchId}`);
  await expect(page.getByText("Concluído", { exact: true })).toBeVisible({ timeout: 90_000 });
  expect((await storedBatch(batchId)).recipients.every((r) => r.status === "sent" || r.status === "delivered")).toBe(true);
});
