import { z } from "zod";
import { ROLES } from "@/db/schema/constants";

export const userOutput = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  disabled: z.boolean(),
  createdAt: z.date(),
});
export type UserOutput = z.output<typeof userOutput>;

export const createUserInput = z.object({
  name: z.string().trim().min(2, "Informe o nome (pelo menos 2 letras).").max(100, "Nome muito longo."),
  email: z.string().trim().toLowerCase().pipe(z.email("Informe um e-mail válido.")),
  password: z.string().min(8, "A senha precisa ter pelo menos 8 caracteres.").max(128, "Senha muito longa."),
  role: z.enum(ROLES, "Escolha um perfil válido."),
});
export type CreateUserInput = z.input<typeof createUserInput>;

export const setUserRoleInput = z.object({ userId: z.string().min(1), role: z.enum(ROLES, "Escolha um perfil válido.") });
export const setUserDisabledInput = z.object({ userId: z.string().min(1), disabled: z.boolean() });
