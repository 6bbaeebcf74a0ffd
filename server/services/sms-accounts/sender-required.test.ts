// Protects sends from accounts that cannot send (issue 12, item 12): a sender the provider requires
// is required at account save, per kind, with a Portuguese message on the field — Zenvia's `from`,
// Twilio's From or Messaging Service, Kannel without a global/default sender, a gateway template
// using {sender} — and "Testar" shows the provider's own refusal (Kannel's smsbox wording) when the
// account says Kannel has a default sender but it has none.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/server/auth/session";
import type { FakeHttpServer } from "@/server/providers/fakes/fake-http";
import { startFakeKannel } from "@/server/providers/fakes/kannel";
import { createTestDb } from "@/test/db";
import { makeUser } from "@/test/factories";
import { DomainError } from "../errors";
import { resetAdapterCache } from "./account-store";
import { createAccount, listAccounts, updateAccount } from "./manage-accounts";
import { testAccount } from "./test-account";
import { userContext } from "@/server/services/context";

const db = createTestDb();
let admin: SessionUser;
let kannel: FakeHttpServer;
const KANNEL_CREDENTIALS = { username: "painel", password: "k4nn3l-s3nh4" };

beforeAll(async () => {
  admin = await makeUser(db, "admin");
  kannel = await startFakeKannel(KANNEL_CREDENTIALS);
});
afterAll(async () => {
  await resetAdapterCache();
  await kannel.close();
});

async function refusal(input: Parameters<typeof createAccount>[1]): Promise<DomainError> {
  const err = await createAccount(userContext(db, admin), input).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(DomainError);
  return err as DomainError;
}

describe("a sender the provider requires is required at account save", () => {
  it("refuses each kind that needs one, on the sender field, and stores nothing", async () => {
    const before = (await listAccounts(userContext(db, admin))).length;
    const cases: { kind: "zenvia" | "twilio" | "kannel" | "http"; config: Record<string, unknown>; credentials: Record<string, string>; says: string }[] = [
      { kind: "zenvia", config: {}, credentials: { apiToken: "zv-token-123" }, says: "A Zenvia exige o remetente" },
      { kind: "twilio", config: {}, credentials: { accountSid: `AC${"b".repeat(32)}`, authToken: "tw-token" }, says: "A Twilio exige um remetente" },
      { kind: "kannel", config: { baseUrl: kannel.url }, credentials: KANNEL_CREDENTIALS, says: "Sem remetente padrão (global-sender) o Kannel recusa" },
      {
        kind: "http",
        config: { url: "https://gw.example.com.br/send?from={sender}&to={phone}", method: "GET", successMatcher: { type: "status", codes: [200] } },
        credentials: {},
        says: "O modelo do gateway usa {sender}",
      },
    ];
    for (const c of cases) {
      const err = await refusal({ name: `Conta ${c.kind}`, kind: c.kind, sender: "  ", ratePerSecond: 5, config: c.config, credentials: c.credentials });
      expect(err.fields?.sender).toContain(c.says);
    }
    expect((await listAccounts(userContext(db, admin))).length).toBe(before);
  });

  it("accepts what the contract allows without a sender", async () => {
    const twilio = await createAccount(userContext(db, admin), { name: "Twilio MG", kind: "twilio", ratePerSecond: 5, config: { messagingServiceSid: `MG${"c".repeat(32)}` }, credentials: { accountSid: `AC${"b".repeat(32)}`, authToken: "tw-token" } });
    expect(twilio.sender).toBeNull();
    const infobip = await createAccount(userContext(db, admin), { name: "Infobip", kind: "infobip", ratePerSecond: 5, config: { baseUrl: "https://x.api.infobip.com" }, credentials: { apiKey: "k" } });
    expect(infobip.sender).toBeNull();
  });

  it("refuses to clear the sender of an existing Kannel account", async () => {
    const acc = await createAccount(userContext(db, admin), { name: "Kannel Sul", kind: "kannel", sender: "28282", ratePerSecond: 5, config: { baseUrl: kannel.url }, credentials: KANNEL_CREDENTIALS });
    const err = await updateAccount(userContext(db, admin), { id: acc.id, name: "Kannel Sul", sender: "", ratePerSecond: 5, config: { baseUrl: kannel.url } }).catch((e: unknown) => e);
    expect((err as DomainError).fields?.sender).toContain("Kannel");
  });

  it("Testar shows Kannel's own refusal when the account wrongly says Kannel has a default sender", async () => {
    const acc = await createAccount(userContext(db, admin), { name: "Kannel sem global", kind: "kannel", ratePerSecond: 5, config: { baseUrl: kannel.url, hasDefaultSender: true }, credentials: KANNEL_CREDENTIALS });
    const out = await testAccount(userContext(db, admin), { id: acc.id, phone: "(35) 99123-4567", idempotencyKey: crypto.randomUUID() });
    expect(out.status).toBe("failed");
    expect(out.errorMessage).toContain("Sender missing and no global set, rejected");
    expect(out.errorMessage).not.toContain(KANNEL_CREDENTIALS.password);
  });
});
