import { getDb } from "@/db/client";
import { env } from "@/server/env";
import { handleProviderWebhook } from "@/server/services/sms/webhook";

type Params = { params: Promise<{ accountId: string; secret: string }> };

async function handler(req: Request, { params }: Params) {
  const { accountId, secret } = await params;
  const url = new URL(req.url);
  // Signatures (Twilio) cover the public URL the provider called, not the internal one.
  const publicUrl = `${env().appUrl}${url.pathname}${url.search}`;
  const rawBody = req.method === "GET" ? "" : await req.text();
  const answer = await handleProviderWebhook(getDb(), { accountId, secret, publicUrl, method: req.method, headers: req.headers, rawBody });
  return new Response(answer.body, { status: answer.status, headers: { "content-type": answer.contentType } });
}

export { handler as GET, handler as POST };
