// Demo sign-ins, shared by the seed, the e2e tests and the README. No server imports here.
import type { Role } from "@/db/schema/constants";

export const DEMO_PASSWORD = "demo12345";

export interface DemoUser {
  email: string;
  password: string;
  role: Role;
  name: string;
}

export const DEMO_USERS: readonly DemoUser[] = [
  { email: "admin@provedor.test", password: DEMO_PASSWORD, role: "admin", name: "Ana Administradora" },
  { email: "operador@provedor.test", password: DEMO_PASSWORD, role: "operador", name: "Otávio Operador" },
  { email: "tecnico@provedor.test", password: DEMO_PASSWORD, role: "tecnico", name: "Tiago Técnico" },
];

export function demoUser(role: Role): DemoUser {
  const user = DEMO_USERS.find((u) => u.role === role);
  if (!user) throw new Error(`No demo user with role ${role}`);
  return user;
}
