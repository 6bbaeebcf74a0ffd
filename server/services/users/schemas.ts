import { z } from "zod";
import { lineText } from "@/server/lib/clean-text";
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
  name: lineText().trim().min(2, "Informe o nome (pelo menos 2 letras).").max(100, "Nome muito longo."),
  email: lineText().trim().toLowerCase().pipe(z.email("Informe um e-mail válido.")),
  password: lineText().min(8, "A senha precisa ter pelo menos 8 caracteres.").max(128, "Senha muito longa."),
  role: z.enum(ROLES, "Escolha um perfil válido."),
});
export type CreateUserInput = z.input<typeof createUserInput>;

export const setUserRoleInput = z.object({ userId: lineText().min(1), role: z.enum(ROLES, "Escolha um perfil válido.") });
export const setUserDisabledInput = z.object({ userId: lineText().min(1), disabled: z.boolean() });
