/**
 * Recognises SQLite constraint failures (libSQL embedded and remote, raw or wrapped by Drizzle), so an
 * ordinary race — two people creating the same thing at once — answers 409, never "erro interno".
 */
export type ConstraintKind = "unique" | "foreign_key" | "other";

type MaybeSqliteError = { code?: unknown; extendedCode?: unknown; message?: unknown; cause?: unknown };

const KIND_BY_CODE: Record<string, ConstraintKind> = {
  SQLITE_CONSTRAINT_UNIQUE: "unique",
  SQLITE_CONSTRAINT_PRIMARYKEY: "unique",
  SQLITE_CONSTRAINT_FOREIGNKEY: "foreign_key",
};

function kindOf(e: MaybeSqliteError): ConstraintKind | null {
  const codes = [e.extendedCode, e.code].filter((c): c is string => typeof c === "string" && c.startsWith("SQLITE_CONSTRAINT"));
  if (codes.length === 0) return null;
  for (const code of codes) if (KIND_BY_CODE[code]) return KIND_BY_CODE[code];
  // A remote server may send only the primary code: the message still names the constraint.
  const message = typeof e.message === "string" ? e.message : "";
  if (/UNIQUE constraint failed|PRIMARY KEY/i.test(message)) return "unique";
  if (/FOREIGN KEY constraint failed/i.test(message)) return "foreign_key";
  return "other";
}

/** The constraint an error (or any error in its cause chain) broke, or null when it is not one. */
export function constraintViolation(err: unknown): ConstraintKind | null {
  let e: unknown = err;
  for (let depth = 0; e && typeof e === "object" && depth < 8; depth++) {
    const kind = kindOf(e as MaybeSqliteError);
    if (kind) return kind;
    e = (e as MaybeSqliteError).cause;
  }
  return null;
}

export const CONFLICT_MESSAGES: Record<ConstraintKind, string> = {
  unique: "Este registro já existe — alguém pode ter acabado de criá-lo. Atualize a página e confira.",
  foreign_key: "Um dado ligado a este pedido não existe mais — alguém pode tê-lo alterado agora. Atualize a página e tente de novo.",
  other: "O pedido conflita com dados já gravados. Atualize a página e tente de novo.",
};
