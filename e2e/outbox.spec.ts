// Issue #6 end to end through the "Novo SMS" form: a technician opens the form for a customer
// online, loses the connection, composes and sends (kept in the outbox), and the message leaves
// exactly once when the connection returns — also when the same request is replayed.
import type { Page } from "@playwright/test";
import { formatPhoneNational } from "@/server/sms/phone";
import { expect, loginAs, snapshot, test } from "./fixtures";
import { customerWithPrimaryMobile } from "./support/db";
import { messagesWithKey } from "./support/pwa-db";
import { controlledByServiceWorker, OFFLINE_CONSOLE_NOISE, pageSaved, storeOutboxItem } from "./support/pwa-page";

test.use({ consoleNoise: OFFLINE_CONSOLE_NOISE });

type StoredItem = { id: string; status: string; input: { motivo: string; idempotencyKey: string } } & Record<string, unknown>;

/** The outbox as the device holds it (IndexedDB "painel-sms", store "outbox"). */
function outboxItems(page: Page): Promise<StoredItem[]> {
  return page.evaluate(
    () =>
      new Promise<StoredItem[]>((resolve, reject) => {
        const open = indexedDB.open("painel-sms");
        open.onsuccess = () => {
          const get = open.result.transaction("outbox").objectStore("outbox").getAll();
          get.onsuccess = () => resolve(get.result as StoredItem[]);
          get.onerror = () => reject(get.error);
        };
        open.onerror = () => reject(open.error);
      }),
  );
}

/** Waits until the customer's data (tRPC customer.get) is saved on the device for offline use. */
async function customerSaved(page: Page, id: number) {
  await expect
    .poll(
      () =>
        page.evaluate(
          (customerId) =>
            new Promise<boolean>((resolve) => {
              const open = indexedDB.open("painel-sms");
              open.onsuccess = () => {
                const get = open.result.transaction("kv").objectStore("kv").getAll();
                get.onsuccess = () =>
                  resolve(
                    (get.result as { state?: { queries?: { queryKey: unknown }[] } }[]).some((saved) =>
                      (saved.state?.queries ?? []).some((q) => JSON.stringify(q.queryKey) === JSON.stringify([["customer", "get"], { input: { id: customerId }, type: "query" }])),
                    ),
                  );
                get.onerror = () => resolve(false);
              };
              open.onerror = () => resolve(false);
            }),
          id,
        ),
      { timeout: 15_000 },
    )
    .toBe(true);
}

test("técnico composes an SMS offline in the form; it is sent once when the connection returns", async ({ page, context }, testInfo) => {
  const customer = await customerWithPrimaryMobile(testInfo.project.name === "phone" ? 61 : 62);
  const stamp = `${testInfo.project.name}-${Date.now()}`;
  const motivo = `Chegada do técnico ${stamp}`;
  const cancelMotivo = `Mensagem a cancelar ${stamp}`;
  const ddd = customer.e164.slice(3, 5);

  await loginAs(page, "tecnico");
  await controlledByServiceWorker(page);
  await pageSaved(page, "/sms/individual");

  // Online: the customer's page, then its "Enviar SMS" (the form and the customer are kept).
  await page.goto(`/clientes/${customer.id}`);
  await page.getByRole("link", { name: "Enviar SMS" }).click();
  const formPath = `/sms/individual/novo?cliente=${customer.id}`;
  await expect(page).toHaveURL(new RegExp(`/sms/individual/novo\\?cliente=${customer.id}$`));
  await expect(page.getByLabel("DDD", { exact: true })).toHaveValue(ddd);
  await pageSaved(page, formPath);
  await customerSaved(page, customer.id);

  // Offline: the form opens again with the customer from the saved data.
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByText("Dados salvos — sem conexão")).toBeVisible();
  await expect(page.getByText(customer.name, { exact: true })).toBeVisible();
  await expect(page.getByLabel("DDD", { exact: true })).toHaveValue(ddd);

  // Checked on the device: without the confirmation nothing is kept.
  await page.getByLabel("Motivo", { exact: true }).fill(motivo);
  await page.getByLabel("Mensagem", { exact: true }).fill("Olá {primeiro_nome}, o técnico chega em 30 minutos.");
  await page.getByRole("button", { name: "Enviar" }).click();
  await expect(page.getByText("Marque a confirmação para enviar.")).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "Confira os campos marcados acima." })).toBeVisible();
  expect(await outboxItems(page)).toEqual([]);

  const confirm = page.getByLabel("Confirmo o envio deste SMS para o número informado.", { exact: true });
  await confirm.check();
  await page.getByRole("button", { name: "Enviar" }).click();
  const queued = page.getByRole("status").filter({ hasText: "Pendente — sem conexão: será enviado quando a conexão voltar." });
  await expect(queued).toBeVisible();
  // Ready for the next message.
  await expect(page.getByLabel("Mensagem", { exact: true })).toHaveValue("");
  await expect(confirm).not.toBeChecked();
  await snapshot(page, "outbox-form-pendente");

  // A second one, to be cancelled.
  await page.getByLabel("Motivo", { exact: true }).fill(cancelMotivo);
  await page.getByLabel("Mensagem", { exact: true }).fill("Mensagem que não deve sair.");
  await confirm.check();
  await page.getByRole("button", { name: "Enviar" }).click();
  await expect(page.getByLabel("Mensagem", { exact: true })).toHaveValue("");

  const stored = await outboxItems(page);
  const item = stored.find((i) => i.input.motivo === motivo);
  const toCancelItem = stored.find((i) => i.input.motivo === cancelMotivo);
  expect(item && toCancelItem).toBeTruthy();
  // One key per composed message.
  expect(item!.id).not.toBe(toCancelItem!.id);
  expect(item!.input.idempotencyKey).toBe(item!.id);
  const key = item!.id;
  const cancelKey = toCancelItem!.id;

  // The outbox on SMS Individual lists both, also after a reload while offline.
  await page.getByRole("link", { name: "Ver caixa de saída" }).click();
  await expect(page).toHaveURL(/\/sms\/individual$/);
  const outbox = page.getByRole("list", { name: "SMS na caixa de saída" });
  const row = outbox.getByRole("listitem").filter({ hasText: motivo });
  const toCancel = outbox.getByRole("listitem").filter({ hasText: cancelMotivo });
  await expect(row.getByText("Pendente — sem conexão")).toBeVisible();
  await expect(toCancel.getByText("Pendente — sem conexão")).toBeVisible();
  await expect(row).toContainText(`${customer.name} · ${formatPhoneNational(customer.e164)}`);
  await page.reload();
  await expect(row.getByText("Pendente — sem conexão")).toBeVisible();
  await expect(toCancel.getByText("Pendente — sem conexão")).toBeVisible();
  await snapshot(page, "outbox-lista-pendente");

  await toCancel.getByRole("button", { name: "Cancelar envio" }).click();
  await expect(toCancel).toHaveCount(0);
  expect(await messagesWithKey(key)).toEqual([]);

  // Back online: sent by itself, exactly once, and the history shows it.
  await context.setOffline(false);
  await expect(row.getByText("Enviado")).toBeVisible({ timeout: 15_000 });
  const sent = await messagesWithKey(key);
  expect(sent).toHaveLength(1);
  expect(sent[0]?.e164).toBe(customer.e164);
  expect(await messagesWithKey(cancelKey)).toEqual([]);
  await expect(page.getByRole("list", { name: "Mensagens" }).getByRole("listitem").filter({ hasText: motivo })).toBeVisible({ timeout: 15_000 });

  // The same request replayed twice (answers lost): still one message.
  for (let n = 0; n < 2; n++) {
    await storeOutboxItem(page, { ...item!, status: "pending", attempts: 0, updatedAt: Date.now() });
    await page.reload();
    await expect(row.getByText("Enviado")).toBeVisible({ timeout: 15_000 });
  }
  expect(await messagesWithKey(key)).toHaveLength(1);
  expect(await messagesWithKey(cancelKey)).toEqual([]);
});

test("offline, the customer search never shows the previous term's results, and a picked customer fills the number from what the device saved or says it has none", async ({ page, context }, testInfo) => {
  const opened = await customerWithPrimaryMobile(testInfo.project.name === "phone" ? 63 : 64);
  const listed = await customerWithPrimaryMobile(testInfo.project.name === "phone" ? 65 : 66);
  await loginAs(page, "operador");
  await page.goto("/sms/individual/novo");
  const search = page.getByLabel("Cliente", { exact: true });
  const results = page.getByRole("list", { name: "Clientes encontrados" });

  // Online: one customer picked (its details are saved), another only seen in a result list.
  await search.fill(opened.code);
  await results.getByRole("button", { name: new RegExp(`#${opened.code} `) }).click();
  await expect(page.getByLabel("DDD", { exact: true })).toHaveValue(opened.e164.slice(3, 5));
  await customerSaved(page, opened.id);
  await page.getByRole("button", { name: `Trocar o cliente ${opened.name}` }).click();
  await search.fill(listed.code);
  await expect(results.getByRole("button", { name: new RegExp(`#${listed.code} `) })).toBeVisible();

  await context.setOffline(true);
  await expect(page.getByText("Dados salvos — sem conexão")).toBeVisible();
  // A second term: not the results of the first one.
  await search.fill("Zzyzx Qwvt");
  await expect(page.getByText("Sem conexão: nenhum cliente salvo neste aparelho para “Zzyzx Qwvt”.", { exact: false })).toBeVisible();
  await expect(results.getByRole("button")).toHaveCount(0);
  await snapshot(page, "busca-offline-sem-resultado");

  // A customer the device saved, found by a term never searched: picked, the number comes from the device.
  await search.fill(opened.name);
  await expect(page.getByText(/^Sem conexão: \d+ clientes? salvos? neste aparelho\.$/)).toBeVisible();
  await expect(results.getByRole("button", { name: new RegExp(`#${listed.code} `) })).toHaveCount(opened.name === listed.name ? 1 : 0);
  await results.getByRole("button", { name: new RegExp(`#${opened.code} `) }).click();
  await expect(page.getByLabel("DDD", { exact: true })).toHaveValue(opened.e164.slice(3, 5));
  await expect(page.getByLabel("Número do celular", { exact: true })).toHaveValue(opened.e164.slice(5));

  // Only seen in a list: the device has no phones of it beyond the list's mobile, and says so.
  await page.getByRole("button", { name: `Trocar o cliente ${opened.name}` }).click();
  await search.fill(listed.code);
  await results.getByRole("button", { name: new RegExp(`#${listed.code} `) }).click();
  await expect(page.getByText(`Sem conexão: este aparelho só tem o celular principal deste cliente, ${formatPhoneNational(listed.e164)}. Confira o DDD e o número.`)).toBeVisible();
  await snapshot(page, "busca-offline-cliente-sem-dados");
});
