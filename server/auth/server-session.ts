import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import type { Role } from "@/db/schema/constants";
import { getAuth } from "./auth";
import { type SessionUser, toSessionUser } from "./session";

/** The current user for server components and route handlers (one lookup per request). */
export const getServerSession = cache(async (): Promise<SessionUser | null> => {
  // headers() first: during the build it marks the page dynamic before any database is opened.
  const h = await headers();
  const s = await getAuth().api.getSession({ headers: h });
  return toSessionUser(s?.user);
});

/** For pages: the user, or a redirect to the login page (or home when the role may not see it). */
export async function requireUser(roles?: readonly Role[]): Promise<SessionUser> {
  const user = await getServerSession();
  if (!user) redirect("/entrar");
  if (roles && !roles.includes(user.role)) redirect("/");
  return user;
}
