/**
 * Every refusal of the auth endpoints reaches people in Portuguese: better-auth answers in English
 * ("Invalid origin", "Invalid email or password"…), so its error codes are mapped here and the
 * message of each JSON error response is replaced (see `portugueseErrors` in auth.ts). The code
 * stays as it is, for programs.
 */

/** Refusals raised by our own hooks (auth.ts), already written in Portuguese. A disabled user gets the wrong-password answer. */
export const OWN_CODES: ReadonlySet<string> = new Set(["TOO_MANY_ATTEMPTS"]);

const WRONG_CREDENTIALS = "E-mail ou senha incorretos.";
const OTHER_SITE = "Acesso recusado: o pedido não veio de uma página do painel.";

const BY_CODE: Record<string, string> = {
  INVALID_EMAIL_OR_PASSWORD: WRONG_CREDENTIALS,
  INVALID_PASSWORD: WRONG_CREDENTIALS,
  USER_NOT_FOUND: WRONG_CREDENTIALS,
  CREDENTIAL_ACCOUNT_NOT_FOUND: WRONG_CREDENTIALS,
  INVALID_EMAIL: "Informe um e-mail válido.",
  PASSWORD_TOO_SHORT: "A senha é curta demais.",
  PASSWORD_TOO_LONG: "A senha é longa demais.",
  VALIDATION_ERROR: "Confira o e-mail e a senha informados.",
  MISSING_FIELD: "Confira o e-mail e a senha informados.",
  BODY_MUST_BE_AN_OBJECT: "Confira o e-mail e a senha informados.",
  MISSING_OR_NULL_ORIGIN: OTHER_SITE,
  CROSS_SITE_NAVIGATION_LOGIN_BLOCKED: OTHER_SITE,
  INVALID_CALLBACK_URL: OTHER_SITE,
  INVALID_REDIRECT_URL: OTHER_SITE,
  SESSION_EXPIRED: "Sua sessão expirou. Entre novamente.",
  SESSION_NOT_FRESH: "Sua sessão expirou. Entre novamente.",
  EMAIL_NOT_VERIFIED: "Este e-mail ainda não foi confirmado. Fale com um administrador.",
  FAILED_TO_CREATE_SESSION: "Não foi possível entrar agora. Tente novamente em instantes.",
  FAILED_TO_GET_SESSION: "Não foi possível confirmar sua sessão. Tente novamente em instantes.",
  TOO_MANY_REQUESTS: "Muitas tentativas em pouco tempo. Aguarde um pouco e tente novamente.",
};

function byStatus(status: number): string {
  if (status === 401) return WRONG_CREDENTIALS;
  if (status === 403) return "Acesso recusado.";
  if (status === 404) return "Endereço de acesso não encontrado.";
  if (status === 429) return BY_CODE.TOO_MANY_REQUESTS!;
  if (status >= 500) return "Erro interno ao entrar. Tente novamente; se persistir, avise o suporte.";
  return "Não foi possível entrar. Confira os dados e tente novamente.";
}

/**
 * The Portuguese message for an auth refusal. `appUrl` is the address people should use when
 * they opened the panel by another one that is not trusted.
 */
export function authErrorMessage(err: { code?: unknown; status: number; message?: unknown }, appUrl: string): string {
  const code = typeof err.code === "string" ? err.code : "";
  if (OWN_CODES.has(code) && typeof err.message === "string" && err.message) return err.message;
  if (code === "INVALID_ORIGIN") {
    return `Este endereço do painel não está liberado para entrar. Abra o painel em ${appUrl} ou peça a um administrador para incluir este endereço em TRUSTED_ORIGINS.`;
  }
  return BY_CODE[code] ?? byStatus(err.status);
}
