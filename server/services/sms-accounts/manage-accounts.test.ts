// Protects SMS account configuration: credentials are validated per kind, encrypted at rest, shown
// masked, never returned or audited in clear; the default account is always unique and active.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, providerAccount } from "@/db/schema";
import { createCaller } from "@/server/api/root";
import { createInnerContext } from "@/server/api/trpc";
import type { SessionUser } from "@/server/auth/session";
import { decryptJson } from "@/server/lib/crypto";
import { createTestDb } from "@/test/db";
import { makeUser } from "@/test/factories";
import { DomainError } from "../errors";
import { credentialsKey, resetAdapterCache } from "./account-store";
import { createAccount, listAccounts, setAccountActive, setDefaultAccount, updateAccount } from "./manage-accounts";
import { testAccount } from "./test-account";
import { userContext } from "@/server/services/context";

const db = createTestDb();
const TOKEN = "zenvia-secret-token-9f2a";
let admin: SessionUser;

beforeAll(async () => {
  admin = await makeUser(db, "admin");
});
afterAll(() => resetAdapterCache());

describe("SMS accounts", () => {
  it("encrypts credentials, returns them masked only, and makes the first account the default", async () => {
    const out = await createAccount(userContext(db, admin), { name: "Zenvia", kind: "zenvia", sender: "PROVEDOR", ratePerSecond: 5, config: {}, credentials: { apiToken: TOKEN } });
    expect(out.credentialsMasked).toEqual({ apiToken: "••••9f2a" });
    expect(out.isDefault).toBe(true);
    expect(out.webhookUrl).toMatch(new RegExp(`/api/webhooks/sms/${out.id}/[A-Za-z0-9_-]{20,}$`));
    expect(JSON.stringify(out)).not.toContain(TOKEN);
    const [row] = await db.select().from(providerAccount).where(eq(providerAccount.id, out.id));
    expect(row!.credentialsEnc).not.toContain(TOKEN);
    expect(await decryptJson(await credentialsKey(), row!.credentialsEnc)).toEqual({ apiToken: TOKEN });
    const audits = await db.select().from(auditLog);
    expect(JSON.stringify(audits)).not.toContain(TOKEN);
  });

  it("never sends credentials through the API", async () => {
    const list = await createCaller(createInnerContext({ db, user: admin })).smsAccount.list();
    expect(list.length).toBeGreaterThan(0);
    expect(JSON.stringify(list)).not.toContain(TOKEN);
    for (const a of list) expect(Object.keys(a)).not.toContain("credentialsEnc");
  });

  it("keeps stored credentials when the form leaves them blank, replaces them when typed", async () => {
    const [a] = await listAccounts(userContext(db, admin));
    await updateAccount(userContext(db, admin), { id: a!.id, name: "Zenvia principal", sender: "PROVEDOR", ratePerSecond: 8, config: {}, credentials: { apiToken: "" } });
    const [row1] = await db.select().from(providerAccount).where(eq(providerAccount.id, a!.id));
    expect(await decryptJson(await credentialsKey(), row1!.credentialsEnc)).toEqual({ apiToken: TOKEN });
    const out = await updateAccount(userContext(db, admin), { id: a!.id, name: "Zenvia principal", sender: "PROVEDOR", ratePerSecond: 8, config: {}, credentials: { apiToken: "novo-token-1234" } });
    expect(out.credentialsMasked).toEqual({ apiToken: "••••1234" });
  });

  it("names the missing credential in Portuguese and stores nothing", async () => {
    const before = (await listAccounts(userContext(db, admin))).length;
    const err = await createAccount(userContext(db, admin), { name: "Sem token", kind: "zenvia", sender: "PROVEDOR", ratePerSecond: 5, config: {}, credentials: {} }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).fields).toEqual({ "credentials.apiToken": expect.stringContaining("Informe o token da API") });
    expect((await listAccounts(userContext(db, admin))).length).toBe(before);
  });

  it("keeps exactly one default, and a disabled account stops being the default", async () => {
    const sbx = await createAccount(userContext(db, admin), { name: "Sandbox", kind: "sandbox", ratePerSecond: 10, config: { deliveryDelayMs: 60_000 }, credentials: {} });
    expect(sbx.isDefault).toBe(false);
    await setDefaultAccount(userContext(db, admin), { id: sbx.id });
    expect((await listAccounts(userContext(db, admin))).filter((a) => a.isDefault).map((a) => a.id)).toEqual([sbx.id]);
    await setAccountActive(userContext(db, admin), { id: sbx.id, active: false });
    expect((await listAccounts(userContext(db, admin))).filter((a) => a.isDefault)).toEqual([]);
    await expect(setDefaultAccount(userContext(db, admin), { id: sbx.id })).rejects.toThrow("Ative a conta antes de torná-la padrão.");
    await setAccountActive(userContext(db, admin), { id: sbx.id, active: true });
  });

  it("tests an account with a real send through it, and validates the typed number", async () => {
    const sbx = (await listAccounts(userContext(db, admin))).find((a) => a.kind === "sandbox")!;
    const ok = await testAccount(userContext(db, admin), { id: sbx.id, phone: "(35) 99123-4567", text: "Teste", idempotencyKey: crypto.randomUUID() });
    expect(ok).toMatchObject({ status: "sent", phone: "(35) 99123-4567", errorMessage: null });
    expect(ok.providerMessageId).toMatch(/^sbx_/);
    await expect(testAccount(userContext(db, admin), { id: sbx.id, phone: "(35) 3722-1234", idempotencyKey: crypto.randomUUID() })).rejects.toThrow("Número fixo");
  });
});
