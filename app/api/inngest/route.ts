import { serve } from "inngest/next";
import { env } from "@/server/env";
import { inngest } from "@/server/jobs/client";
import { functions } from "@/server/jobs/functions";

const handlers = serve({ client: inngest, functions });

// With no Inngest configured the functions run in the embedded runner; this endpoint stays closed.
function onlyWithInngest<A extends unknown[]>(handler: (...args: A) => Promise<Response>) {
  return (...args: A): Promise<Response> =>
    env().jobs === "inngest"
      ? handler(...args)
      : Promise.resolve(Response.json({ error: "Inngest não configurado: as funções rodam no servidor (embedded runner)." }, { status: 404 }));
}

export const GET = onlyWithInngest(handlers.GET);
export const POST = onlyWithInngest(handlers.POST);
export const PUT = onlyWithInngest(handlers.PUT);
