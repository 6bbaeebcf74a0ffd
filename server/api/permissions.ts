import type { Role } from "@/db/schema/constants";

// Who may do what; used by the procedures and by the UI to hide what a role cannot reach.
export const ROLE_GROUPS = {
  anyone: ["admin", "operador", "tecnico"],
  sms: ["admin", "operador"],
  admin: ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Administrador",
  operador: "Operador",
  tecnico: "Técnico",
};

export function can(role: Role, group: keyof typeof ROLE_GROUPS): boolean {
  return (ROLE_GROUPS[group] as readonly Role[]).includes(role);
}
