import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { getDb } from "@/db/client";
import { TRPC_MAX_BATCH_SIZE } from "@/server/api/batch-size";
import { TRPC_BODY_MAX_BYTES, withBodyLimit } from "@/server/api/body-limit";
import { appRouter } from "@/server/api/root";
import { guardTrpcRequest } from "@/server/api/request-guard";
import { createInnerContext } from "@/server/api/trpc";
import { getAuth } from "@/server/auth/auth";
import { toSessionUser } from "@/server/auth/session";
import { env } from "@/server/env";

async function handler(original: Request) {
  const guard = guardTrpcRequest(original, env().trustedOrigins);
  if (!guard.ok) return Response.json({ error: { message: guard.message } }, { status: guard.status });
  const req = await withBodyLimit(original, TRPC_BODY_MAX_BYTES);
  if (req instanceof Response) return req;
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    maxBatchSize: TRPC_MAX_BATCH_SIZE,
    createContext: async () => {
      const s = await getAuth().api.getSession({ headers: req.headers });
      return createInnerContext({ db: getDb(), user: toSessionUser(s?.user) });
    },
  });
}

export { handler as GET, handler as POST };
