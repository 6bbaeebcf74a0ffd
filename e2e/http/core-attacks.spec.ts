// Replays over real HTTP the attacks of issue 12 §1, §6, §7 and §8 against the production server, so
// they cannot come back: batched sends against the per-user limit, oversized bodies, concurrent
// identical creations, control characters in stored text.
import { type APIRequestContext, expect, request as playwrightRequest, test } from "@playwright/test";
import { DEMO_PASSWORD, demoUser } from "@/db/seed/demo-users";
import { BATCH_TOO_LARGE_MESSAGE, TRPC_MAX_BATCH_SIZE } from "@/server/api/batch-size";
import { BODY_TOO_LARGE_MESSAGE, TRPC_BODY_MAX_BYTES } from "@/server/api/body-limit";
import { CONTROL_CHARS_MESSAGE } from "@/server/lib/clean-text";

type TrpcAnswer = { result?: { data: { json: unknown } }; error?: { json: { message: string; data: { code: string; httpStatus: number } } } };

const contexts: APIRequestContext[] = [];
const base = () => test.info().project.use.baseURL!;

test.afterAll(async () => {
  await Promise.all(contexts.map((c) => c.dispose()));
});

/** A signed-in HTTP client (its own cookie jar). */
async function signedIn(email: string, password = DEMO_PASSWORD): Promise<APIRequestContext> {
  const api = await playwrightRequest.newContext({ baseURL: base(), extraHTTPHeaders: { origin: base() } });
  contexts.push(api);
  const res = await api.post("/api/auth/sign-in/email", { data: { email, password } });
  expect(res.status(), await res.text()).toBe(200);
  return api;
}

/** One tRPC HTTP request carrying `inputs.length` calls of `path` (a batch), as the browser's link sends them. */
async function batch(api: APIRequestContext, path: string, inputs: unknown[]) {
  const paths = inputs.map(() => path).join(",");
  const body = Object.fromEntries(inputs.map((input, i) => [i, { json: input }]));
  const res = await api.post(`/api/trpc/${paths}?batch=1`, { data: body });
  return { status: res.status(), answers: (await res.json()) as TrpcAnswer[] | { error: { message: string } } };
}

async function query<T>(api: APIRequestContext, path: string, input: unknown): Promise<T> {
  const res = await api.get(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`);
  expect(res.status(), await res.text()).toBe(200);
  return ((await res.json()) as { result: { data: { json: T } } }).result.data.json;
}

async function newTechnician(admin: APIRequestContext) {
  const email = `tec-${crypto.randomUUID().slice(0, 8)}@provedor.test`;
  const { answers } = await batch(admin, "user.create", [{ name: "Técnico de Campo São José", email, password: "senha-forte-1", role: "tecnico" }]);
  expect(JSON.stringify(answers)).not.toContain('"error"');
  return signedIn(email, "senha-forte-1");
}

test("a batch of calls never sends more than the per-user limit, and batches are bounded", async () => {
  const admin = await signedIn(demoUser("admin").email);
  const tec = await newTechnician(admin);
  const { individualPerMinute } = await query<{ individualPerMinute: number }>(tec, "sms.settings", undefined);
  // Listed by the admin: a technician searches only with a term; the technician then sends to a registered mobile.
  const { items } = await query<{ items: { id: number; primaryMobile: string | null }[] }>(admin, "customer.search", { q: "" });
  const sendTo = (c: { id: number; primaryMobile: string | null }) => () => {
    const [, ddd, number] = /^\((\d{2})\) (.+)$/.exec(c.primaryMobile!)!;
    return { customerId: c.id, motivo: "Manutenção na rede", ddd, number, message: "Olá {primeiro_nome}, manutenção às 14h.", confirmed: true, idempotencyKey: crypto.randomUUID() };
  };
  // A customer this user can send to (another spec may have opted a number out): one send of the limit.
  let send: (() => object) | undefined;
  for (const c of items.filter((i) => i.primaryMobile)) {
    const { answers } = await batch(tec, "sms.sendIndividual", [sendTo(c)()]);
    if ((answers as TrpcAnswer[])[0]!.result) {
      send = sendTo(c);
      break;
    }
  }
  expect(send, "a customer to send to").toBeDefined();

  // One request of 40 calls is refused whole, before any runs.
  const forty = await batch(tec, "sms.sendIndividual", Array.from({ length: 40 }, send!));
  expect(forty.status).toBe(400);
  expect(JSON.stringify(forty.answers)).toContain(BATCH_TOO_LARGE_MESSAGE);

  // 40 calls in parallel batches of the largest size accepted: at most the limit go through.
  const rounds = Math.ceil(40 / TRPC_MAX_BATCH_SIZE);
  const results = await Promise.all(Array.from({ length: rounds }, () => batch(tec, "sms.sendIndividual", Array.from({ length: TRPC_MAX_BATCH_SIZE }, send!))));
  const answers = results.flatMap((r) => r.answers as TrpcAnswer[]);
  const sent = answers.filter((a) => a.result);
  const refused = answers.filter((a) => a.error);
  expect(sent.length).toBe(individualPerMinute - 1);
  expect(refused.every((a) => a.error!.json.data.code === "TOO_MANY_REQUESTS")).toBe(true);
});

test("oversized bodies are refused with 413, declared or chunked, and the server keeps answering", async () => {
  const api = await signedIn(demoUser("operador").email);
  const big = "x".repeat(TRPC_BODY_MAX_BYTES + 1024);
  const trpc = await api.post("/api/trpc/sms.sendIndividual?batch=1", { data: { 0: { json: { motivo: big } } } });
  expect(trpc.status()).toBe(413);
  expect(await trpc.json()).toEqual({ error: { message: BODY_TOO_LARGE_MESSAGE } });

  const signIn = await api.post("/api/auth/sign-in/email", { data: { email: "x@provedor.test", password: "y".repeat(64 * 1024) } });
  expect(signIn.status()).toBe(413);

  // No Content-Length: a chunked stream that would never end.
  let sentBytes = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(c) {
      sentBytes += 64 * 1024;
      c.enqueue(new Uint8Array(64 * 1024).fill(0x20));
    },
  });
  const chunked = await fetch(`${base()}/api/auth/sign-in/email`, {
    method: "POST", headers: { "content-type": "application/json", origin: base() }, body: stream, duplex: "half",
  } as RequestInit);
  expect(chunked.status).toBe(413);
  expect(sentBytes).toBeLessThan(16 * 1024 * 1024);

  await query(api, "sms.settings", undefined);
  await signedIn(demoUser("tecnico").email);
});

test("four identical user.create at once: one 200, three 409 in Portuguese", async () => {
  const admin = await signedIn(demoUser("admin").email);
  const input = { name: "Conceição Araújo", email: `conceicao-${crypto.randomUUID().slice(0, 8)}@provedor.test`, password: "senha-forte-1", role: "operador" };
  const res = await Promise.all(Array.from({ length: 4 }, () => admin.post("/api/trpc/user.create?batch=1", { data: { 0: { json: input } } })));
  expect(res.map((r) => r.status()).sort()).toEqual([200, 409, 409, 409]);
  for (const r of res.filter((x) => x.status() === 409)) {
    expect(((await r.json()) as TrpcAnswer[])[0]!.error!.json.message).toBe("Já existe um usuário com este e-mail.");
  }
});

test("control characters are refused in names, motivo, sender and SMS bodies", async () => {
  const admin = await signedIn(demoUser("admin").email);
  const refusedWith = async (path: string, input: unknown) => {
    const { answers } = await batch(admin, path, [input]);
    const error = (answers as TrpcAnswer[])[0]!.error!;
    expect(error.json.data.code, path).toBe("BAD_REQUEST");
    expect(JSON.stringify(error), path).toContain(CONTROL_CHARS_MESSAGE);
  };
  const key = () => crypto.randomUUID();
  await refusedWith("user.create", { name: "Ana \u001B[31mAdmin", email: `esc-${key().slice(0, 8)}@provedor.test`, password: "senha-forte-1", role: "tecnico" });
  await refusedWith("user.create", { name: "Ana \u202Eanirtsinimda", email: `rlo-${key().slice(0, 8)}@provedor.test`, password: "senha-forte-1", role: "tecnico" });
  await refusedWith("smsAccount.create", { name: "Conta\u0000Nula", kind: "sandbox", ratePerSecond: 10 });
  await refusedWith("smsAccount.create", { name: "Conta Teste", sender: "PROV\u0007EDOR", kind: "sandbox", ratePerSecond: 10 });
  const sms = { customerId: 1, ddd: "35", number: "99123-4567", confirmed: true };
  await refusedWith("sms.sendIndividual", { ...sms, motivo: "Aviso\u007F", message: "Olá", idempotencyKey: key() });
  await refusedWith("sms.sendIndividual", { ...sms, motivo: "Aviso", message: "Olá\u0000 mundo", idempotencyKey: key() });
  await refusedWith("batch.previewTotals", { mode: "cidade", valueId: 1, prefix: "0", motivo: "Aviso", message: "Olá \u2066isolado\u2069" });
});
