// The customer screen searches the real customer base on the server and shows one customer.
import { formatPhoneNational } from "@/server/sms/phone";
import { customerWithPrimaryMobile } from "./support/db";
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
