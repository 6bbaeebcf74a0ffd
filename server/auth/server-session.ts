import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import type { Role } from "@/db/schema/constants";
import { forbiddenHref, PATHNAME_HEADER } from "./forbidden";
import { getAuth } from "./auth";
import { type SessionUser, toSessionUser } from "./session";

/** The current user for server components and route handlers (one lookup per request). */
export const getServerSession = cache(async (): Promise<SessionUser | null> => {
  // headers() first: during the build it marks the page dynamic before any database is opened.
  const h = await headers();
  const s = await getAuth().api.getSession({ headers: h });
  return toSessionUser(s?.user);
});

/** The path the proxy saw for this request (see proxy.ts); null when it did not run. */
async function requestPath(): Promise<string | null> {
  return (await headers()).get(PATHNAME_HEADER);
}

/**
 * For pages: the user, or a redirect to the login page. A role that may not see the page is told
 * so ("Sem permissão", with what was tried and who may), never silently sent elsewhere.
 */
export async function requireUser(roles?: readonly Role[]): Promise<SessionUser> {
  const user = await getServerSession();
  if (!user) redirect("/entrar");
  if (roles && !roles.includes(user.role)) redirect(forbiddenHref(await requestPath(), roles));
  return user;
}
