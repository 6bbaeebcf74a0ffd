// The installable PWA: manifest and icons, the service worker, offline pages and saved data, and
// the outbox's flush (an item stored by an earlier offline session is sent once when back online).
import type { Route } from "@playwright/test";
import { demoUser } from "@/db/seed/demo-users";
import { formatPhoneNational } from "@/server/sms/phone";
import { expect, loginAs, snapshot, test } from "./fixtures";
import { customerWithPrimaryMobile } from "./support/db";
import { messagesWithKey, userIdByEmail } from "./support/pwa-db";
import { controlledByServiceWorker, OFFLINE_CONSOLE_NOISE, pageSaved, storeOutboxItem } from "./support/pwa-page";

test.use({ consoleNoise: OFFLINE_CONSOLE_NOISE });

/** Width and height from a PNG's IHDR chunk. */
function pngSize(buf: Buffer) {
  expect(buf.subarray(1, 4).toString("latin1")).toBe("PNG");
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

test("the manifest describes an installable app and its icons load", async ({ page, request }) => {
  const res = await request.get("/manifest.webmanifest");
  expect(res.ok()).toBe(true);
  const manifest = await res.json();
  expect(manifest).toMatchObject({
    name: "Painel de SMS",
    short_name: "Painel SMS",
    lang: "pt-BR",
    start_url: "/sms/individual",
    display: "standalone",
    theme_color: "#0b5cad",
    background_color: "#f8fafc",
  });
  const icons = manifest.icons as { src: string; sizes: string; type: string; purpose: string }[];
  expect(icons.filter((i) => i.type === "image/png").map((i) => `${i.sizes} ${i.purpose}`)).toEqual(["192x192 any", "512x512 any", "512x512 maskable"]);
  for (const icon of icons.filter((i) => i.type === "image/png")) {
    const img = await request.get(icon.src);
    expect(img.ok(), icon.src).toBe(true);
    expect(img.headers()["content-type"]).toBe("image/png");
    const [w, h] = icon.sizes.split("x").map(Number);
    expect(pngSize(await img.body())).toEqual({ width: w, height: h });
  }

  await page.goto("/entrar");
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute("href", "/manifest.webmanifest");
  await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute("content", "#0b5cad");
});

test("the service worker takes over; offline, visited pages open with saved data and others show the offline page", async ({ page, context }, testInfo) => {
  const customer = await customerWithPrimaryMobile(testInfo.project.name === "phone" ? 41 : 42);
  await loginAs(page, "operador");
  const ready = await page.evaluate(() => navigator.serviceWorker.ready.then((r) => r.active?.scriptURL));
  expect(ready).toMatch(/\/serwist\/sw\.js$/);
  await controlledByServiceWorker(page);
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state)).toBe("activated");
  await pageSaved(page, "/sms/individual");

  // A customer seen online (its data comes from tRPC and is saved on the device).
  await page.goto(`/clientes/${customer.id}`);
  await expect(page.getByRole("heading", { name: customer.name })).toBeVisible();
  await pageSaved(page, `/clientes/${customer.id}`);
  // The data of the screen is saved on the device (a second after it arrived).
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          new Promise<string>((resolve) => {
            const open = indexedDB.open("painel-sms");
            open.onsuccess = () => {
              const get = open.result.transaction("kv").objectStore("kv").getAll();
              get.onsuccess = () => resolve(JSON.stringify(get.result));
              get.onerror = () => resolve("");
            };
            open.onerror = () => resolve("");
          }),
      ),
    )
    .toContain(customer.name);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByText("Dados salvos — sem conexão")).toBeVisible();
  await expect(page.getByRole("heading", { name: customer.name })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Telefones" })).toBeVisible();
  await snapshot(page, "offline-cliente");

  await page.goto("/sms/individual");
  await expect(page.getByRole("navigation", { name: "Abas do painel de SMS" })).toBeVisible();
  await expect(page.getByText("Dados salvos — sem conexão")).toBeVisible();

  // Never opened on this device: the offline page, not the browser's error.
  await page.goto("/sms/fila");
  await expect(page.getByRole("heading", { name: "Sem conexão" })).toBeVisible();
  await snapshot(page, "offline-fallback");

  await context.setOffline(false);
  await page.goto("/sms/fila");
  await expect(page.getByRole("heading", { name: "Sem conexão" })).toHaveCount(0);
  await expect(page.getByText("Dados salvos — sem conexão")).toHaveCount(0);
});

test("the outbox keeps a pending SMS offline, sends it once back online, also when replayed", async ({ page, context }, testInfo) => {
  const customer = await customerWithPrimaryMobile(testInfo.project.name === "phone" ? 43 : 44);
  const userId = await userIdByEmail(demoUser("operador").email);
  const phone = formatPhoneNational(customer.e164);
  const national = customer.e164.slice(3);
  const key = crypto.randomUUID();
  const cancelKey = crypto.randomUUID();
  const item = (id: string, motivo: string) => ({
    id,
    userId,
    input: { customerId: customer.id, motivo, ddd: national.slice(0, 2), number: national.slice(2), message: "Olá {primeiro_nome}, o técnico chega em 30 minutos.", confirmed: true, idempotencyKey: id },
    display: { phone, customerName: customer.name },
    status: "pending",
    createdAt: Date.now(),
    updatedAt: Date.now(),
    attempts: 0,
  });

  await loginAs(page, "operador");
  await controlledByServiceWorker(page);
  await pageSaved(page, "/sms/individual");

  await context.setOffline(true);
  await storeOutboxItem(page, item(key, "Visita técnica"));
  await storeOutboxItem(page, item(cancelKey, "Mensagem a cancelar"));
  await page.reload();
  const outbox = page.getByRole("list", { name: "SMS na caixa de saída" });
  const row = outbox.getByRole("listitem").filter({ hasText: "Visita técnica" });
  const toCancel = outbox.getByRole("listitem").filter({ hasText: "Mensagem a cancelar" });
  await expect(row.getByText("Pendente — sem conexão")).toBeVisible();
  await expect(toCancel.getByText("Pendente — sem conexão")).toBeVisible();
  await snapshot(page, "outbox-pendente");

  // Still there after a reload while offline; one is cancelled.
  await page.reload();
  await expect(row.getByText("Pendente — sem conexão")).toBeVisible();
  await toCancel.getByRole("button", { name: "Cancelar envio" }).click();
  await expect(toCancel).toHaveCount(0);
  expect(await messagesWithKey(key)).toEqual([]);

  await context.setOffline(false);
  await expect(row.getByText("Enviado")).toBeVisible({ timeout: 15_000 });
  const sent = await messagesWithKey(key);
  expect(sent).toHaveLength(1);
  expect(sent[0]?.e164).toBe(customer.e164);
  expect(await messagesWithKey(cancelKey)).toEqual([]);

  // The same request replayed twice (answers lost): still one message.
  for (let n = 0; n < 2; n++) {
    await storeOutboxItem(page, item(key, "Visita técnica"));
    await page.reload();
    await expect(row.getByText("Enviado")).toBeVisible({ timeout: 15_000 });
  }
  expect(await messagesWithKey(key)).toHaveLength(1);
});

// A phone with signal bars and no data: the browser says online, every request fails. Blocked here
// with aborted requests instead of setOffline, so navigator.onLine stays true throughout.
test("requests failing for lack of network show the offline state while the browser says online; an answer ends it and the outbox leaves at once", async ({ page, context }, testInfo) => {
  const customer = await customerWithPrimaryMobile(testInfo.project.name === "phone" ? 45 : 46);
  const userId = await userIdByEmail(demoUser("operador").email);
  const national = customer.e164.slice(3);
  const key = crypto.randomUUID();
  await loginAs(page, "operador");
  await controlledByServiceWorker(page);

  const noData = (route: Route) => route.abort("internetdisconnected");
  await context.route("**/api/**", noData);
  await storeOutboxItem(page, {
    id: key,
    userId,
    input: { customerId: customer.id, motivo: "Sinal sem dados", ddd: national.slice(0, 2), number: national.slice(2), message: "Olá {primeiro_nome}, sua conexão voltou.", confirmed: true, idempotencyKey: key },
    display: { phone: formatPhoneNational(customer.e164), customerName: customer.name },
    status: "pending",
    createdAt: Date.now(),
    updatedAt: Date.now(),
    attempts: 0,
  });
  await page.reload();
  await expect(page.getByText("Dados salvos — sem conexão")).toBeVisible();
  expect(await page.evaluate(() => navigator.onLine)).toBe(true);
  const row = page.getByRole("list", { name: "SMS na caixa de saída" }).getByRole("listitem").filter({ hasText: "Sinal sem dados" });
  await expect(row.getByText("Pendente — sem conexão")).toBeVisible();
  expect(await messagesWithKey(key)).toEqual([]);

  // Data again: the app finds out by itself (no browser event, no reload), well before the old 30 s timer.
  await context.unroute("**/api/**", noData);
  await expect(row.getByText("Enviado")).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText("Dados salvos — sem conexão")).toHaveCount(0);
  expect(await messagesWithKey(key)).toHaveLength(1);
});
