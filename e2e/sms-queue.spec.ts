// The "Fila de SMS" tab: the seed's pending billing reminders and notices are listed; an operator
// cancels one (and has no "Processar fila agora"); an admin processes the queue and the due messages
// leave it. Both projects share one database, so each inserts and acts on its own messages.
import type { Page } from "@playwright/test";
import { formatPanelTime } from "@/server/services/batches/send-at";
import { windowAt } from "@/server/sms/send-window";
import { heldPlace } from "./support/batch-db";
import { eventReasons, IN_DOUBT_ERROR, insertPending, insertPendingFor, messageStatus, type Pending, seededScheduled } from "./support/queue-db";
import { expect, loginAs, smsTabs, snapshot, test } from "./fixtures";

const queueList = (page: Page) => page.getByRole("list", { name: "Mensagens pendentes da fila" });
// A row by its message's id (its "Detalhes" link), not by customer and motivo: the seed's own drained
// reminders and other specs' batches may list the same customer with the same motivo.
const rowOf = (page: Page, m: { id: number }) =>
  queueList(page).getByRole("listitem").filter({ has: page.locator(`a[href="/sms/mensagens/${m.id}"]`) });

test("operador sees the pending billing messages and notices, cancels one, and cannot process the queue", async ({ page }, testInfo) => {
  const project = testInfo.project.name;
  const mine = await insertPending({
    customerOffset: project === "phone" ? 140 : 141,
    motivo: `Aviso de teste (${project})`,
    origin: "notification",
    category: "aviso",
    status: "scheduled",
    nextAttemptAt: new Date(Date.now() + 86_400_000),
  });

  await loginAs(page, "operador");
  await smsTabs(page).getByRole("link", { name: "Fila de SMS" }).click();
  await expect(page).toHaveURL(/\/sms\/fila$/);
  await expect(page.getByText(/\d+ mensage(m|ns) pendentes?/)).toBeVisible();
  await expect(page.getByText(/Próximo processamento às \d{2}:\d{2}/)).toBeVisible();
  // Only the scheduled ones of one origin at a time: batches running at the same time (other specs) fill the first pages.
  await page.getByLabel("Situação").selectOption("scheduled");

  // The seed's reminders and notices waiting for their opening stay in the queue all along.
  const seeded = await seededScheduled();
  expect(seeded.some((m) => m.origin === "billing")).toBe(true);
  expect(seeded.some((m) => m.origin === "notification")).toBe(true);
  for (const origin of ["billing", "notification"] as const) {
    await page.getByLabel("Origem").selectOption(origin);
    for (const m of seeded.filter((x) => x.origin === origin)) {
      const row = rowOf(page, m);
      await expect(row).toContainText(m.customerName);
      await expect(row).toContainText(m.motivo);
      await expect(row).toContainText(origin === "billing" ? "Cobrança automática" : "Notificação");
      await expect(row).toContainText("Agendada");
      await expect(row).toContainText(/envio liberado (às|em)/);
    }
  }
  await expect(page.getByRole("button", { name: "Processar fila agora" })).toHaveCount(0);
  await snapshot(page, "fila-de-sms-operador");

  // Still on the scheduled notices, where mine is.
  const row = rowOf(page, mine);
  await row.getByRole("button", { name: `Cancelar mensagem para ${mine.customerName}` }).click();
  await row.getByRole("button", { name: "Sim, cancelar" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Mensagem para ${mine.customerName} cancelada.` })).toBeVisible();
  await expect(row).toHaveCount(0);
  expect(await messageStatus(mine.id)).toBe("cancelled");
});

test("admin processes the queue and the due billing messages leave it", async ({ page }, testInfo) => {
  // Other specs' batches share the sandbox account and its pacing (20 msg/s; one spec slows it
  // further for a while): a claimed message may wait its turn behind hundreds of batch messages.
  test.setTimeout(180_000);
  const project = testInfo.project.name;
  const due: Pending[] = [];
  for (const [i, offset] of (project === "phone" ? [150, 151] : [152, 153]).entries()) {
    due.push(
      await insertPending({ customerOffset: offset, motivo: `Lembrete de vencimento ${i + 1} (${project})`, origin: "billing", category: "cobranca", status: "queued", nextAttemptAt: null }),
    );
  }

  await loginAs(page, "admin");
  await page.goto("/sms/fila");
  // Only automatic billing: batches running at the same time (other specs) fill the first pages.
  await page.getByLabel("Origem").selectOption("billing");
  for (const m of due) {
    await expect(rowOf(page, m)).toContainText("Cobrança automática");
    // The 5-minute drain may already have taken it (and held it for its window) before the page loads.
    await expect(rowOf(page, m)).toContainText(/Na fila|Agendada/);
  }
  await snapshot(page, "fila-de-sms-admin");

  // A drain already running (the other project's, or the 5-minute one) makes a new request a no-op: ask again until done.
  const drain = page.getByRole("button", { name: "Processar fila agora" });
  await expect(async () => {
    await drain.click();
    await expect(page.getByRole("status").filter({ hasText: "Processamento solicitado." })).toBeVisible();
    for (const m of due) expect(await messageStatus(m.id)).not.toBe("queued");
  }).toPass({ timeout: 30_000 });

  for (const m of due) {
    // Collection messages follow the state's send window: outside it the drain schedules them for the opening.
    const open = windowAt(new Date(), { uf: m.uf, timeZone: m.timeZone, category: "cobranca" }).open;
    if (open) {
      // Claimed by the drain, it may still be "sending" for a moment (the account paces its sends).
      await expect.poll(() => messageStatus(m.id), { timeout: 100_000 }).toMatch(/^(sent|delivered)$/);
      await expect(rowOf(page, m)).toHaveCount(0, { timeout: 20_000 });
    } else {
      await expect(rowOf(page, m)).toContainText("Agendada");
      expect(await messageStatus(m.id)).toBe("scheduled");
    }
  }
});

test("operador settles messages in doubt and brings a scheduled one forward", async ({ page }, testInfo) => {
  const project = testInfo.project.name;
  const base = project === "phone" ? 160 : 170;
  const doubt = (i: number) => insertPending({ customerOffset: base + i, motivo: `Envio interrompido ${i} (${project})`, origin: "api", category: "operacional", status: "in_doubt", nextAttemptAt: null });
  const markSent = await doubt(0);
  const sendAgain = await doubt(1);
  // Not bound by the send window: "tentar agora" brings it to the next drain whatever the hour.
  const later = await insertPending({
    customerOffset: base + 2,
    motivo: `Aviso agendado (${project})`,
    origin: "notification",
    category: "operacional",
    status: "scheduled",
    nextAttemptAt: new Date(Date.now() + 86_400_000),
  });

  await loginAs(page, "operador");
  await page.goto("/sms/fila");
  await page.getByLabel("Situação").selectOption("in_doubt");
  const first = rowOf(page, markSent);
  await expect(first).toContainText("Em dúvida");
  await expect(first).toContainText(IN_DOUBT_ERROR);
  await expect(rowOf(page, later)).toHaveCount(0);
  await snapshot(page, "fila-de-sms-em-duvida");

  await first.getByRole("button", { name: `Resolver mensagem em dúvida para ${markSent.customerName}` }).click();
  await first.getByRole("button", { name: "Marcar como enviada" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Mensagem para ${markSent.customerName} marcada como enviada.` })).toBeVisible();
  await expect(first).toHaveCount(0);
  expect(await messageStatus(markSent.id)).toBe("sent");

  const second = rowOf(page, sendAgain);
  await second.getByRole("button", { name: `Resolver mensagem em dúvida para ${sendAgain.customerName}` }).click();
  await second.getByRole("button", { name: "Enviar novamente" }).click();
  const accept = second.getByLabel("Entendo que o cliente pode receber esta mensagem duas vezes.");
  await expect(accept).toHaveAccessibleDescription("Confirme que aceita o risco de o cliente receber a mensagem duas vezes.");
  expect(await messageStatus(sendAgain.id)).toBe("in_doubt");
  await accept.check();
  await second.getByRole("button", { name: "Enviar novamente" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Mensagem para ${sendAgain.customerName} volta para a fila` })).toBeVisible();
  expect(await eventReasons(sendAgain.id)).toContain("operator_send_again");

  await page.getByLabel("Situação").selectOption("");
  await page.getByLabel("Origem").selectOption("notification");
  const third = rowOf(page, later);
  await expect(third).toContainText("Agendada");
  await third.getByRole("button", { name: `Tentar agora a mensagem para ${later.customerName}` }).click();
  await expect(page.getByRole("status").filter({ hasText: `Mensagem para ${later.customerName} entra no próximo processamento.` })).toBeVisible();
  expect(await eventReasons(later.id)).toContain("retry_now");
});

test("tentar agora on a message whose window is closed says when it goes instead of promising the next run", async ({ page }, testInfo) => {
  const phone = testInfo.project.name === "phone";
  // A UF of its own whose window is closed now (rules set in the test's database, not the clock).
  const place = await heldPlace(phone ? { uf: "TO", timeZone: "America/Araguaina", ddd: "63", name: "Gurupi E2E" } : { uf: "SE", timeZone: "America/Maceio", ddd: "79", name: "Estância E2E" });
  const customer = place.customers[0]!;
  const m = await insertPendingFor({ customerId: customer.id, motivo: `Lembrete de vencimento (${testInfo.project.name})`, origin: "billing", category: "cobranca" });
  const window = windowAt(new Date(), { uf: place.uf, timeZone: place.timeZone, category: "cobranca", rules: { [place.uf]: place.rules } });
  if (window.open) throw new Error("the place's window should be closed now");

  await loginAs(page, "operador");
  await page.goto("/sms/fila");
  await page.getByLabel("Origem").selectOption("billing");
  const row = rowOf(page, m);
  await expect(row).toContainText("Na fila");
  await row.getByRole("button", { name: `Tentar agora a mensagem para ${customer.name}` }).click();
  await expect(page.getByRole("status").filter({ hasText: `Mensagem para ${customer.name} não sai agora. Fora do horário permitido para ${place.uf}: sai ${formatPanelTime(window.nextOpening, { at: true })}.` })).toBeVisible();
  await expect(page.getByText(`Mensagem para ${customer.name} entra no próximo processamento.`)).toHaveCount(0);
  await expect(row).toContainText("Agendada");
  expect(await messageStatus(m.id)).toBe("scheduled");
  expect(await eventReasons(m.id)).toContain("retry_now_window_closed");
});
