// Protects replies through Kannel (issue 12, item 11): smsbox's sms-service get-url, configured as
// the README and the account screen say, reaches the account's webhook route; the reply is stored
// (GSM and UCS-2 texts decoded), a Kannel retry is stored once, and "SAIR"/"Páre" record an
// opt-out while ordinary talk does not. Before, the route answered 400 (no `type`).
import { and, eq, isNull } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/webhooks/sms/[accountId]/[secret]/route";
import { optOut, smsInbound } from "@/db/schema";
import { type KannelMo, kannelGetUrl } from "@/server/providers/fakes/kannel";
import { kannelSmsServiceGroup } from "@/server/providers/kannel-mo";
import type { SessionUser } from "@/server/auth/session";
import { createTestDb } from "@/test/db";
import { makeUser } from "@/test/factories";
import { findAccount, webhookUrl } from "../sms-accounts/account-store";
import { createAccount } from "../sms-accounts/manage-accounts";
import { userContext } from "@/server/services/context";

const db = createTestDb();
Object.assign(globalThis, { __smsDb: db });
let admin: SessionUser;
let account: { id: number; secret: string; getUrl: string };

/** Kannel calling the get-url of the documented sms-service group for one inbound SMS. */
async function reply(mo: KannelMo) {
  const url = kannelGetUrl(account.getUrl, mo);
  const res = await GET(new Request(url), { params: Promise.resolve({ accountId: String(account.id), secret: account.secret }) });
  return { status: res.status, body: await res.text() };
}

const inboundFrom = (e164: string) => db.select().from(smsInbound).where(eq(smsInbound.fromE164, e164));
const optOutsOf = (e164: string) => db.select().from(optOut).where(and(eq(optOut.phoneE164, e164), isNull(optOut.liftedAt)));

beforeAll(async () => {
  admin = await makeUser(db, "admin");
  const out = await createAccount(userContext(db, admin), { name: "Kannel", kind: "kannel", sender: "28282", ratePerSecond: 10, config: { baseUrl: "http://127.0.0.1:13013" }, credentials: { username: "painel", password: "k4nn3l-p4ss" } });
  const row = (await findAccount(db, out.id))!;
  const group = kannelSmsServiceGroup(webhookUrl(row));
  account = { id: row.id, secret: row.webhookSecret, getUrl: /get-url = "(.+)"/.exec(group)![1]! };
});

describe("Kannel replies (MO) on the sms-service get-url", () => {
  it("documents a group Kannel accepts: default keyword, no reply SMS, the account's webhook", () => {
    expect(account.getUrl).toMatch(new RegExp(`/api/webhooks/sms/${account.id}/${account.secret}\\?kind=mo&from=%p&to=%P&text=%b`));
  });

  it("SAIR from a national number records the reply and an opt-out, answering with an empty body", async () => {
    const res = await reply({ from: "35991230001", text: "SAIR", id: "kannel-mo-1" });
    expect(res).toEqual({ status: 200, body: "" });
    const [stored] = await inboundFrom("+5535991230001");
    expect(stored).toMatchObject({ body: "SAIR", optOut: true, toAddress: "28282", providerMessageId: "kannel-mo-1", providerAccountId: account.id });
    expect(stored!.receivedAt).toEqual(new Date(1741615200 * 1000));
    expect(await optOutsOf("+5535991230001")).toHaveLength(1);
  });

  it("a Kannel retry of the same message is stored once", async () => {
    await reply({ from: "+5535991230002", text: "Pare de me mandar SMS", id: "kannel-mo-2" });
    await reply({ from: "+5535991230002", text: "Pare de me mandar SMS", id: "kannel-mo-2" });
    expect(await inboundFrom("+5535991230002")).toHaveLength(1);
    expect(await optOutsOf("+5535991230002")).toHaveLength(1);
  });

  it("decodes UCS-2 (coding 2) and Latin-1 GSM texts with accents", async () => {
    await reply({ from: "0055 35 99123-0003", text: "Páre, por favor 🙏", coding: 2, id: "kannel-mo-3" });
    expect((await inboundFrom("+5535991230003"))[0]).toMatchObject({ body: "Páre, por favor 🙏", optOut: true });
    await reply({ from: "035991230004", text: "Não entendi a fatura, João", id: "kannel-mo-4" });
    expect((await inboundFrom("+5535991230004"))[0]).toMatchObject({ body: "Não entendi a fatura, João", optOut: false });
    expect(await optOutsOf("+5535991230004")).toHaveLength(0);
  });

  it("refuses a get-url without the sender, in Portuguese", async () => {
    const url = `${account.getUrl.split("?")[0]}?kind=mo&text=SAIR`;
    const res = await GET(new Request(url), { params: Promise.resolve({ accountId: String(account.id), secret: account.secret }) });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("sem o remetente");
  });
});
