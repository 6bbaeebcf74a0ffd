import type { Role } from "@/db/schema/constants";
import { ROLES } from "@/db/schema/constants";

/** The signed-in user as the API and pages see it (never the password or tokens). */
export type SessionUser = { id: string; name: string; email: string; role: Role };

/** Narrows better-auth's session user; a disabled or unknown-role user has no session. */
export function toSessionUser(u: { id: string; name: string; email: string; role?: unknown; disabled?: unknown } | null | undefined): SessionUser | null {
  if (!u || u.disabled === true) return null;
  const role = ROLES.find((r) => r === u.role);
  if (!role) return null;
  return { id: u.id, name: u.name, email: u.email, role };
}
