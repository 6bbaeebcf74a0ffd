// The customer screen searches the real customer base on the server and shows one customer.
import { formatPhoneNational } from "@/server/sms/phone";
import { customerWithPrimaryMobile, withE2eDb } from "./support/db";
import { expect, loginAs, mainNav, snapshot, test } from "./fixtures";

test("search by name and by phone, then open the customer with phones and connections", async ({ page }) => {
  const c = await customerWithPrimaryMobile(7);
  const national = formatPhoneNational(c.e164);
  await loginAs(page, "tecnico");
  await mainNav(page).getByRole("link", { name: "Clientes" }).click();
  await expect(page).toHaveURL(/\/clientes/);

  const box = page.getByLabel("Buscar cliente");
  await box.fill(c.name);
  const result = page.getByRole("link", { name: new RegExp(c.name) }).first();
  await expect(result).toBeVisible();
  await snapshot(page, "clientes-busca");

  await box.fill(national);
  await expect(page.getByRole("link", { name: new RegExp(c.name) }).first()).toBeVisible();
  await page.getByRole("link", { name: new RegExp(c.name) }).first().click();

  await expect(page).toHaveURL(new RegExp(`/clientes/${c.id}$`));
  await expect(page.getByRole("heading", { name: c.name })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Telefones" })).toBeVisible();
  await expect(page.getByText(national).first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Conexões" })).toBeVisible();
  await snapshot(page, "cliente-detalhe");
});

test("a search with no match says so", async ({ page }) => {
  await loginAs(page, "operador");
  await page.goto("/clientes");
  await page.getByLabel("Buscar cliente").fill("xyzzy-ninguem");
  await expect(page.getByText(/Nenhum cliente encontrado/)).toBeVisible();
});

/** A customer whose additional mobile is labelled (the seed labels some: "Cônjuge", "WhatsApp"…). */
function customerWithLabelledMobile(label: string) {
  return withE2eDb(async (db) => {
    const r = await db.execute({
      sql: `select c.id, c.name, p.e164 from customer c join phone p on p.customer_id = c.id
            where p.kind = 'mobile' and p.label = ? and c.status = 'active' order by c.id limit 1`,
      args: [label],
    });
    const row = r.rows[0];
    if (!row) throw new Error(`seed has no mobile labelled ${label}`);
    return { id: Number(row.id), name: String(row.name), national: formatPhoneNational(String(row.e164)) };
  });
}

test("phone labels show on the customer's record and in Novo SMS's phone list", async ({ page }) => {
  const c = await customerWithLabelledMobile("Cônjuge");
  await loginAs(page, "tecnico");
  await page.goto(`/clientes/${c.id}`);
  const phones = page.getByRole("region", { name: "Telefones" });
  const row = phones.getByRole("listitem").filter({ has: page.getByRole("link", { name: `Ligar para ${c.national}` }) });
  await expect(row).toContainText("Cônjuge");
  // The number stays on one line (no break at the space or hyphen).
  const link = row.getByRole("link", { name: `Ligar para ${c.national}` });
  const box = await link.boundingBox();
  expect(box!.height).toBeLessThan(48);

  await page.goto(`/sms/individual/novo?cliente=${c.id}`);
  await page.getByRole("button", { name: /Telefones do cliente/ }).click();
  const choice = page.getByRole("button", { name: new RegExp(c.national.replace(/[()]/g, "\\$&")) });
  await expect(choice).toContainText("Cônjuge");
  await snapshot(page, "novo-sms-telefones");
});
