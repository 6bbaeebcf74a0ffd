// The small set of domain errors services throw; server/api/trpc.ts maps them to tRPC codes once.
export type DomainErrorKind = "not_found" | "forbidden" | "conflict" | "validation" | "limit_exceeded";

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
    /** Messages per input field, in Portuguese, for forms. */
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export const notFound = (message: string) => new DomainError("not_found", message);
export const forbidden = (message = "Você não tem permissão para esta ação.") => new DomainError("forbidden", message);
export const conflict = (message: string, fields?: Record<string, string>) => new DomainError("conflict", message, fields);
export const invalid = (message: string, fields?: Record<string, string>) => new DomainError("validation", message, fields);
