// An opted-out number shows on the customer's record; an operator lifts it, a technician cannot.
import { formatPhoneNational } from "@/server/sms/phone";
import { optOutPrimaryMobileOf } from "./support/db";
import { expect, loginAs, snapshot, test } from "./fixtures";

test("operador sees and lifts an opt-out; técnico only sees it", async ({ page }, testInfo) => {
  // A different customer per profile: both projects run against the same database.
  const c = await optOutPrimaryMobileOf(testInfo.project.name === "phone" ? 31 : 32);
  const national = formatPhoneNational(c.e164);

  await loginAs(page, "tecnico");
  await page.goto(`/clientes/${c.id}`);
  const card = page.getByRole("region", { name: "Bloqueios de SMS (opt-out)" });
  await expect(card.getByText(national)).toBeVisible();
  await expect(card.getByRole("button", { name: /Remover bloqueio/ })).toHaveCount(0);
  await page.getByRole("button", { name: "Sair" }).click();

  await loginAs(page, "operador");
  await page.goto(`/clientes/${c.id}`);
  await expect(card.getByText("Respondeu pedindo para sair", { exact: false })).toBeVisible();
  await snapshot(page, "cliente-opt-out");
  await card.getByRole("button", { name: `Remover bloqueio de ${national}` }).click();
  await expect(card.getByRole("status")).toHaveText(`Bloqueio de ${national} removido: o número volta a receber SMS.`);
  await expect(card.getByText("Nenhum número deste cliente pediu para não receber SMS.")).toBeVisible();
});
