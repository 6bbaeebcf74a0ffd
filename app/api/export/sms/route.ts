import { getDb } from "@/db/client";
import { getAuth } from "@/server/auth/auth";
import { toSessionUser } from "@/server/auth/session";
import { DomainError } from "@/server/services/errors";
import { exportMessagesCsv } from "@/server/services/messages/export-csv";
import { filtersFromSearchParams } from "@/server/services/messages/query-string";
import { userContext } from "@/server/services/context";

// "Exportar CSV" of the message history; the filters come as the grid's query string.
export async function GET(req: Request) {
  const s = await getAuth().api.getSession({ headers: req.headers });
  const user = toSessionUser(s?.user);
  if (!user) return new Response("Sua sessão expirou. Entre novamente.", { status: 401, headers: { "content-type": "text/plain; charset=utf-8" } });

  let body: ReadableStream<Uint8Array>;
  try {
    // Technicians get their own sends only: the service applies the restriction from the role.
    body = exportMessagesCsv(userContext(getDb(), user), filtersFromSearchParams(new URL(req.url).searchParams));
  } catch (err) {
    if (err instanceof DomainError) return new Response(err.message, { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
    throw err;
  }
  const day = new Date().toLocaleDateString("sv-SE", { timeZone: "America/Sao_Paulo" });
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="historico-sms-${day}.csv"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
