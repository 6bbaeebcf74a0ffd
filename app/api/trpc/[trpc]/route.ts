import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { getDb } from "@/db/client";
import { appRouter } from "@/server/api/root";
import { guardTrpcRequest } from "@/server/api/request-guard";
import { createInnerContext } from "@/server/api/trpc";
import { getAuth } from "@/server/auth/auth";
import { toSessionUser } from "@/server/auth/session";
import { env } from "@/server/env";

async function handler(req: Request) {
  const guard = guardTrpcRequest(req, env().trustedOrigins);
  if (!guard.ok) return Response.json({ error: { message: guard.message } }, { status: guard.status });
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: async () => {
      const s = await getAuth().api.getSession({ headers: req.headers });
      return createInnerContext({ db: getDb(), user: toSessionUser(s?.user) });
    },
  });
}

export { handler as GET, handler as POST };
