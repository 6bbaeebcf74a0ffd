// Protects the body caps of the HTTP routes (issue 12 §6): sign-in and tRPC refuse an oversized body
// with 413 in Portuguese before parsing it — by its declared length, and for a chunked body as soon
// as the cap is passed, without reading the rest — and tRPC refuses batches over the bound.
import { beforeAll, describe, expect, it } from "vitest";
import superjson from "superjson";
import { MAX_DESELECTED } from "@/server/services/batches/schemas";
import { createTestDb } from "@/test/db";
import { makeUser } from "@/test/factories";
import { BATCH_TOO_LARGE_MESSAGE, TRPC_MAX_BATCH_SIZE } from "./batch-size";
import { AUTH_BODY_MAX_BYTES, BODY_TOO_LARGE_MESSAGE, TRPC_BODY_MAX_BYTES, withBodyLimit } from "./body-limit";

const ORIGIN = "http://localhost:3000";
const db = createTestDb();
// The routes use the process's database: this file's own.
(globalThis as { __smsDb?: unknown }).__smsDb = db;

const { POST: trpcPost } = await import("@/app/api/trpc/[trpc]/route");
const { POST: authPost } = await import("@/app/api/auth/[...all]/route");

/** A chunked body: `chunks` pieces of `size` bytes, counting how many the server pulled. */
function endlessBody(size: number, chunks = Number.POSITIVE_INFINITY) {
  const stats = { pulled: 0, cancelled: false };
  const piece = new Uint8Array(size).fill(0x61);
  const stream = new ReadableStream<Uint8Array>({
    pull(c) {
      if (stats.pulled >= chunks) return c.close();
      stats.pulled++;
      c.enqueue(piece);
    },
    cancel() {
      stats.cancelled = true;
    },
  });
  return { stream, stats };
}

const post = (url: string, body: BodyInit, headers: Record<string, string> = {}) =>
  new Request(`${ORIGIN}${url}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: ORIGIN, ...headers },
    body,
    duplex: "half",
  } as RequestInit);

async function expect413(res: Response) {
  expect(res.status).toBe(413);
  expect(await res.json()).toEqual({ error: { message: BODY_TOO_LARGE_MESSAGE } });
}

describe("withBodyLimit", () => {
  it("refuses a declared Content-Length over the cap without reading the body", async () => {
    const { stream, stats } = endlessBody(1024);
    const out = await withBodyLimit(post("/x", stream, { "content-length": String(10 * 1024 * 1024) }), 64 * 1024);
    expect(out).toBeInstanceOf(Response);
    await expect413(out as Response);
    expect(stats.pulled).toBeLessThanOrEqual(1);
  });

  it("stops reading a chunked body as soon as it passes the cap", async () => {
    const { stream, stats } = endlessBody(16 * 1024);
    const out = await withBodyLimit(post("/x", stream), 64 * 1024);
    await expect413(out as Response);
    expect(stats.pulled).toBeLessThanOrEqual(6);
    expect(stats.cancelled).toBe(true);
  });

  it("passes a body within the cap on, byte for byte", async () => {
    const text = JSON.stringify({ nome: "João da Conceição", texto: "Olá!\nAté amanhã." });
    const out = await withBodyLimit(post("/x", text), 1024);
    expect(out).toBeInstanceOf(Request);
    expect(await (out as Request).text()).toBe(text);
    expect((out as Request).headers.get("content-length")).toBe(String(new TextEncoder().encode(text).byteLength));
  });
});

describe("the caps fit the biggest legitimate input", () => {
  it("a batch preview with every deselectable customer (8-digit ids) fits the tRPC cap", () => {
    const ids = Array.from({ length: MAX_DESELECTED }, (_, i) => 10_000_000 + i);
    const input = { mode: "cidade", valueId: 1, prefix: "0", motivo: "Manutenção programada", message: "Olá {primeiro_nome}, ".repeat(90), deselectedCustomerIds: ids };
    const body = JSON.stringify({ 0: superjson.serialize(input) });
    expect(body.length).toBeGreaterThan(800_000);
    expect(body.length).toBeLessThan(TRPC_BODY_MAX_BYTES / 2);
  });
});

describe("routes", () => {
  let email: string;
  beforeAll(async () => {
    email = (await makeUser(db, "operador", { password: "senha-certa-9" })).email;
  });

  it("tRPC answers 413 to an oversized body, declared or chunked, and still works after", async () => {
    const big = "x".repeat(TRPC_BODY_MAX_BYTES + 1);
    await expect413(await trpcPost(post("/api/trpc/sms.sendIndividual?batch=1", JSON.stringify({ 0: { json: { motivo: big } } }))));
    const { stream, stats } = endlessBody(64 * 1024);
    await expect413(await trpcPost(post("/api/trpc/sms.sendIndividual?batch=1", stream)));
    expect(stats.pulled * 64 * 1024).toBeLessThanOrEqual(TRPC_BODY_MAX_BYTES + 64 * 1024);
    const ok = await trpcPost(post("/api/trpc/sms.sendIndividual?batch=1", JSON.stringify({ 0: { json: {} } })));
    expect(ok.status).toBe(401);
  });

  it("sign-in answers 413 to an oversized body, and signs in with a normal one", async () => {
    const padding = "a".repeat(AUTH_BODY_MAX_BYTES);
    await expect413(await authPost(post("/api/auth/sign-in/email", JSON.stringify({ email, password: "senha-certa-9", padding }))));
    const { stream } = endlessBody(4096);
    await expect413(await authPost(post("/api/auth/sign-in/email", stream)));
    const ok = await authPost(post("/api/auth/sign-in/email", JSON.stringify({ email, password: "senha-certa-9" })));
    expect(ok.status).toBe(200);
  });

  it(`tRPC refuses a batch of more than ${TRPC_MAX_BATCH_SIZE} calls in Portuguese, before running any`, async () => {
    const calls = (n: number) => Array.from({ length: n }, () => "sms.sendIndividual").join(",");
    const inputs = (n: number) => JSON.stringify(Object.fromEntries(Array.from({ length: n }, (_, i) => [i, { json: {} }])));
    const over = await trpcPost(post(`/api/trpc/${calls(TRPC_MAX_BATCH_SIZE + 1)}?batch=1`, inputs(TRPC_MAX_BATCH_SIZE + 1)));
    expect(over.status).toBe(400);
    expect(JSON.stringify(await over.json())).toContain(BATCH_TOO_LARGE_MESSAGE);
    const within = await trpcPost(post(`/api/trpc/${calls(TRPC_MAX_BATCH_SIZE)}?batch=1`, inputs(TRPC_MAX_BATCH_SIZE)));
    const body = JSON.stringify(await within.json());
    expect(body).not.toContain(BATCH_TOO_LARGE_MESSAGE);
    expect(body).toContain("UNAUTHORIZED");
  });
});
