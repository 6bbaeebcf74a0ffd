import type { Role } from "@/db/schema/constants";
import { can, type ROLE_GROUPS } from "@/server/api/permissions";

export type NavKey = "sms" | "customers" | "users" | "smsSettings";
export type NavItem = { key: NavKey; href: string };

const ITEMS: Array<NavItem & { group: keyof typeof ROLE_GROUPS }> = [
  { key: "sms", href: "/sms", group: "anyone" },
  { key: "customers", href: "/clientes", group: "anyone" },
  { key: "users", href: "/usuarios", group: "admin" },
  { key: "smsSettings", href: "/configuracoes/sms", group: "admin" },
];

/** The main navigation a role may see. */
export function navItemsFor(role: Role): NavItem[] {
  return ITEMS.filter((i) => can(role, i.group)).map(({ key, href }) => ({ key, href }));
}

export function isActive(pathname: string, href: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}
