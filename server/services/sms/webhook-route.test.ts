// Protects the SMS webhook route from unbounded bodies (issue 12, item 6), through its exported
// handlers with real Requests: the account and secret are checked before a byte of the body is
// read (a wrong secret costs nothing), a declared oversized body gets 413 before anything, and a
// chunked body is cut at the limit with 413 — an endless stream included.
import { beforeAll, describe, expect, it } from "vitest";
import { GET, POST } from "@/app/api/webhooks/sms/[accountId]/[secret]/route";
import type { SessionUser } from "@/server/auth/session";
import { createTestDb } from "@/test/db";
import { makeUser } from "@/test/factories";
import { findAccount } from "../sms-accounts/account-store";
import { createAccount } from "../sms-accounts/manage-accounts";
import { WEBHOOK_BODY_LIMIT } from "./webhook-body";
import { userContext } from "@/server/services/context";

const db = createTestDb();
// The route reads the process-wide database (db/client.ts): this test file's own.
Object.assign(globalThis, { __smsDb: db });
let admin: SessionUser;
let account: { id: number; secret: string };

/** A body stream that counts what the server pulled; `total` bytes, or endless. */
function countingStream(total = Number.POSITIVE_INFINITY, chunk = 1024) {
  const pulled = { bytes: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled.bytes >= total) return controller.close();
      const size = Math.min(chunk, total - pulled.bytes);
      pulled.bytes += size;
      controller.enqueue(new TextEncoder().encode("a".repeat(size)));
    },
    cancel() {
      pulled.cancelled = true;
    },
  });
  return { stream, pulled };
}

function call(handler: typeof POST, id: number, secret: string, init: RequestInit & { duplex?: "half" }, query = "") {
  const req = new Request(`http://localhost:3000/api/webhooks/sms/${id}/${secret}${query}`, init);
  return handler(req, { params: Promise.resolve({ accountId: String(id), secret }) });
}

beforeAll(async () => {
  admin = await makeUser(db, "admin");
  const out = await createAccount(userContext(db, admin), { name: "Gateway", kind: "http", ratePerSecond: 10, config: { url: "http://127.0.0.1:9/send", method: "GET", successMatcher: { type: "status", codes: [200] } }, credentials: {} });
  account = { id: out.id, secret: (await findAccount(db, out.id))!.webhookSecret };
});

describe("SMS webhook route: bodies", () => {
  it("a wrong secret answers 404 without reading the body", async () => {
    const { stream, pulled } = countingStream();
    const res = await call(POST, account.id, "wrong-secret", { method: "POST", body: stream, duplex: "half" });
    expect(res.status).toBe(404);
    expect(pulled.bytes).toBeLessThanOrEqual(1024); // at most what the stream pre-filled, never read on
  });

  it("a declared oversized body answers 413 with a wrong and with a right secret", async () => {
    for (const secret of ["wrong-secret", account.secret]) {
      const { stream, pulled } = countingStream();
      const headers = { "content-length": String(50 * 1024 * 1024), "content-type": "application/json" };
      const res = await call(POST, account.id, secret, { method: "POST", headers, body: stream, duplex: "half" });
      expect(res.status).toBe(413);
      expect(await res.text()).toContain("limite");
      expect(pulled.bytes).toBeLessThanOrEqual(1024);
    }
  });

  it("a chunked body past the limit is cut there with 413 — even an endless one", async () => {
    const { stream, pulled } = countingStream();
    const res = await call(POST, account.id, account.secret, { method: "POST", headers: { "content-type": "application/json" }, body: stream, duplex: "half" });
    expect(res.status).toBe(413);
    expect(pulled.bytes).toBeLessThanOrEqual(WEBHOOK_BODY_LIMIT + 2 * 1024);
    expect(pulled.cancelled).toBe(true);
  });

  it("a report within the limit is processed", async () => {
    const ok = await call(POST, account.id, account.secret, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ refer: "desconhecida", situacao: "RECEBIDA" }),
    });
    expect(ok.status).toBe(200);
    const get = await call(GET, account.id, account.secret, { method: "GET" }, "?refer=x&situacao=ENVIADA");
    expect(get.status).toBe(200);
  });
});
