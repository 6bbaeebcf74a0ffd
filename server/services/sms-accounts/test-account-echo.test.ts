// Protects operator-visible text from credential echoes end to end (issue 12, item 3): "Testar"
// through an HTTP gateway that echoes our request in its refusal; the answer of "Testar", the
// message's last error, its events and the history CSV carry the gateway's words but no form of the
// account's password, token or webhook secret.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { smsEvent, smsMessage } from "@/db/schema";
import { EchoProvider, leakedRuns } from "@/server/providers/fakes/echo";
import type { SessionUser } from "@/server/auth/session";
import { createTestDb } from "@/test/db";
import { makeUser } from "@/test/factories";
import { exportMessagesCsv } from "../messages/export-csv";
import { findAccount, resetAdapterCache } from "./account-store";
import { createAccount } from "./manage-accounts";
import { testAccount } from "./test-account";
import { userContext } from "@/server/services/context";

const db = createTestDb();
const echo = new EchoProvider("json");
const CREDENTIALS = { user: "isp-joão", password: "s3nh@ \"forte\" ção/+", token: "tok_0123456789/ABCDEF+ghij" };
let admin: SessionUser;

beforeAll(async () => {
  admin = await makeUser(db, "admin");
  await echo.server.start();
});
afterAll(async () => {
  await resetAdapterCache();
  await echo.server.close();
});

async function csvText(): Promise<string> {
  return new Response(exportMessagesCsv(userContext(db, admin), {})).text();
}

describe("Testar with a gateway that echoes the request", () => {
  it("shows the refusal without any form of any secret, in the answer, the ledger and the CSV", async () => {
    const account = await createAccount(userContext(db, admin), {
        name: "Gateway que ecoa",
        kind: "http",
        sender: "PROVEDOR",
        ratePerSecond: 10,
        config: {
          url: `${echo.server.url}/send?user={user}&token={token}`,
          method: "POST",
          contentType: "application/x-www-form-urlencoded",
          headers: { authorization: "Bearer {token}" },
          bodyTemplate: "user={user}&pass={password}&to={phone}&msg={text}",
          successMatcher: { type: "json", path: "situacao", equals: "OK" },
        },
        credentials: CREDENTIALS,
      });
    const webhookSecret = (await findAccount(db, account.id))!.webhookSecret;
    const secrets = [{ secret: CREDENTIALS.password, user: CREDENTIALS.user }, { secret: CREDENTIALS.token }, { secret: CREDENTIALS.user }, { secret: webhookSecret }];

    const out = await testAccount(userContext(db, admin), { id: account.id, phone: "(35) 99123-4567", idempotencyKey: crypto.randomUUID() });
    expect(out.status).toBe("failed");
    expect(out.errorMessage).toMatch(/^O provedor recusou a mensagem: POST \/send\?user=/);
    expect(leakedRuns(echo.sent.join("\n"), secrets).length).toBeGreaterThan(0);

    const [row] = await db.select().from(smsMessage).where(eq(smsMessage.providerAccountId, account.id));
    const events = await db.select().from(smsEvent).where(eq(smsEvent.messageId, row!.id));
    const visible = JSON.stringify({ out, row: { code: row!.lastErrorCode, message: row!.lastErrorMessage }, events: events.map((e) => e.detail) });
    expect(leakedRuns(visible, secrets)).toEqual([]);
    const csv = await csvText();
    expect(csv).toContain("O provedor recusou a mensagem");
    expect(leakedRuns(csv, secrets)).toEqual([]);
  });
});
