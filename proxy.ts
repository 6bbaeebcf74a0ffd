import { getSessionCookie } from "better-auth/cookies";
import { type NextRequest, NextResponse } from "next/server";
import { env } from "./server/env";
import { contentSecurityPolicy, newNonce, strictTransportSecurity } from "./server/http/security-headers";
import { PATHNAME_HEADER } from "./server/auth/forbidden";

/** Pages anyone may open: the login page and the offline page. */
const PUBLIC_PAGES = /^\/(entrar|offline)(\/|$)/;

/**
 * Every page gets a fresh CSP nonce (Next reads it from the request's Content-Security-Policy and
 * puts it on its scripts) and, for an https APP_URL, HSTS. Pages behind sign-in get an optimistic
 * check only (cookie present); pages and procedures verify the session themselves.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const e = env();
  const nonce = newNonce();
  const csp = contentSecurityPolicy({ nonce, dev: process.env.NODE_ENV === "development", https: e.appUrl.startsWith("https://") });
  let response: NextResponse;
  if (!PUBLIC_PAGES.test(pathname) && !getSessionCookie(request)) {
    const url = new URL("/entrar", request.url);
    if (pathname !== "/") url.searchParams.set("next", `${pathname}${search}`);
    response = NextResponse.redirect(url);
  } else {
    const headers = new Headers(request.headers);
    headers.set("content-security-policy", csp);
    // Pages cannot read their own path; requireUser names it on the "Sem permissão" page.
    headers.set(PATHNAME_HEADER, pathname);
    response = NextResponse.next({ request: { headers } });
  }
  response.headers.set("Content-Security-Policy", csp);
  const hsts = strictTransportSecurity(e.appUrl);
  if (hsts) response.headers.set("Strict-Transport-Security", hsts);
  return response;
}

export const config = {
  // Every page. Not the APIs (they answer 401 themselves), Next's static files, the service worker, the manifest and icons.
  matcher: ["/((?!api/|_next/|favicon|icons/|manifest|serwist/|robots\\.txt).*)"],
};
