// "Agendar" on the individual form (issue 11 §2): a technician schedules an SMS for a chosen date
// and time (a past time is refused in Portuguese); it is a scheduled message with its time, nothing
// is sent before it, and an operator changes its time, then cancels it, in the Fila.
import { formatBrDate } from "@/app/_components/ui/br-date";
import { formatPanelTime, inputsFromSendAt, sendAtFromInputs } from "@/server/services/batches/send-at";
import { messageStatus } from "./support/queue-db";
import { sendableCustomer } from "./support/individual-db";
import { withE2eDb } from "./support/db";
import { expect, loginAs, newSession, snapshot, test } from "./fixtures";

/** The newest message of a customer with this motivo (other specs send to the same customer meanwhile), with its status and time. */
function lastMessageOf(customerId: number, motivo: string) {
  return withE2eDb(async (db) => {
    const r = await db.execute({ sql: "select id, status, next_attempt_at from sms_message where customer_id = ? and motivo = ? order by id desc limit 1", args: [customerId, motivo] });
    const row = r.rows[0]!;
    return { id: Number(row.id), status: String(row.status), nextAttemptAt: row.next_attempt_at === null ? null : new Date(Number(row.next_attempt_at)) };
  });
}

test("a technician schedules an SMS for tomorrow; an operator changes its time and cancels it in the Fila", async ({ page, browser }, testInfo) => {
  // Two sessions (the technician's form, then the operator's Fila: change the time, cancel) on a shared 2-core machine.
  test.setTimeout(90_000);
  const c = await sendableCustomer(testInfo.project.name === "phone" ? 60 : 61);
  const motivo = `Visita técnica agendada (${testInfo.project.name})`;
  await loginAs(page, "tecnico");
  await page.goto(`/sms/individual/novo?cliente=${c.id}`);
  await expect(page.getByLabel("DDD", { exact: true })).toHaveValue(c.e164.slice(3, 5));
  await page.getByLabel("Motivo", { exact: true }).fill(motivo);
  await page.getByLabel("Mensagem", { exact: true }).fill("Oi {primeiro_nome}, o tecnico chega amanha entre 9h e 12h.");
  await page.getByLabel("Confirmo o envio deste SMS para o número informado.", { exact: true }).check();
  await page.getByLabel("Agendar para depois", { exact: true }).check();

  const yesterday = inputsFromSendAt(new Date(Date.now() - 86_400_000)).date;
  await page.getByLabel("Data", { exact: true }).fill(formatBrDate(yesterday));
  await page.getByLabel("Hora", { exact: true }).fill("09:00");
  await page.getByRole("button", { name: "Agendar SMS" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Escolha uma data e hora no futuro (horário de Brasília)." })).toBeVisible();

  const day = inputsFromSendAt(new Date(Date.now() + 86_400_000)).date;
  await page.getByLabel("Data", { exact: true }).fill(formatBrDate(day));
  await page.getByRole("button", { name: "Agendar SMS" }).click();
  const sendAt = sendAtFromInputs(day, "09:00")!;
  const outcome = page.getByRole("status").filter({ hasText: "SMS agendado." });
  await expect(outcome).toContainText(`sai ${formatPanelTime(sendAt, { at: true })} (horário de Brasília)`);
  await snapshot(page, "sms-individual-agendado");
  const stored = await lastMessageOf(c.id, motivo);
  expect(stored).toMatchObject({ status: "scheduled", nextAttemptAt: sendAt });

  // An operator sees it in the Fila and cancels it before its time.
  const other = await newSession(browser, testInfo);
  try {
    await loginAs(other.page, "operador");
    await other.page.goto("/sms/fila");
    await other.page.getByLabel("Situação").selectOption("scheduled");
    await other.page.getByLabel("Origem").selectOption("individual");
    const row = other.page.getByRole("list", { name: "Mensagens pendentes da fila" }).getByRole("listitem").filter({ hasText: motivo });
    await expect(row).toContainText("Agendada");
    // Its time can be changed until then (dd/mm/aaaa HH:mm, São Paulo time).
    await row.getByRole("button", { name: `Alterar o horário da mensagem para ${c.name}` }).click();
    const edit = row.getByRole("form", { name: `Novo horário da mensagem para ${c.name}` });
    await expect(edit.getByLabel("Data", { exact: true })).toHaveValue(formatBrDate(day));
    await expect(edit.getByLabel("Hora", { exact: true })).toHaveValue("09:00");
    await edit.getByLabel("Hora", { exact: true }).fill("14:35");
    await edit.getByRole("button", { name: "Salvar horário" }).click();
    const later = sendAtFromInputs(day, "14:35")!;
    await expect(other.page.getByRole("status").filter({ hasText: `Mensagem para ${c.name} sai ${formatPanelTime(later, { at: true })} (horário de Brasília).` })).toBeVisible();
    expect(await lastMessageOf(c.id, motivo)).toMatchObject({ id: stored.id, status: "scheduled", nextAttemptAt: later });
    await row.getByRole("button", { name: `Cancelar mensagem para ${c.name}` }).click();
    await row.getByRole("button", { name: "Sim, cancelar" }).click();
    await expect(other.page.getByRole("status").filter({ hasText: `Mensagem para ${c.name} cancelada.` })).toBeVisible();
    expect(await messageStatus(stored.id)).toBe("cancelled");
  } finally {
    await other.context.close();
  }
});
