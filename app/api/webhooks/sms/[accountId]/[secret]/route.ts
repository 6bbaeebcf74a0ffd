import { getDb } from "@/db/client";
import { env } from "@/server/env";
import { authenticateWebhook, processProviderWebhook, WEBHOOK_NOT_FOUND } from "@/server/services/sms/webhook";
import { declaresTooLarge, readWebhookText, WEBHOOK_BODY_LIMIT } from "@/server/services/sms/webhook-body";

type Params = { params: Promise<{ accountId: string; secret: string }> };

const TOO_LARGE = `Corpo maior que o limite de ${WEBHOOK_BODY_LIMIT / 1024} KB para um webhook de SMS.`;
const answer = (status: number, body: string, contentType = "text/plain; charset=utf-8") => new Response(body, { status, headers: { "content-type": contentType } });

// Order matters: a declared oversized body costs nothing; a wrong secret costs one indexed read and
// its body is never read; only an authenticated provider's body is read, and only up to the limit.
async function handler(req: Request, { params }: Params) {
  if (declaresTooLarge(req.headers)) return answer(413, TOO_LARGE);
  const { accountId, secret } = await params;
  const account = await authenticateWebhook(getDb(), accountId, secret);
  if (!account) return answer(WEBHOOK_NOT_FOUND.status, WEBHOOK_NOT_FOUND.body);
  const rawBody = req.method === "GET" ? "" : await readWebhookText(req);
  if (rawBody === null) return answer(413, TOO_LARGE);
  const url = new URL(req.url);
  // Signatures (Twilio) cover the public URL the provider called, not the internal one.
  const publicUrl = `${env().appUrl}${url.pathname}${url.search}`;
  const out = await processProviderWebhook(getDb(), account, { publicUrl, method: req.method, headers: req.headers, rawBody });
  return answer(out.status, out.body, out.contentType);
}

export { handler as GET, handler as POST };
