import { getSessionCookie } from "better-auth/cookies";
import { type NextRequest, NextResponse } from "next/server";
import { PATHNAME_HEADER } from "./server/auth/forbidden";

// Optimistic check only (cookie present); pages and procedures verify the session themselves.
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (getSessionCookie(request)) {
    // Pages cannot read their own path; requireUser names it on the "Sem permissão" page.
    const headers = new Headers(request.headers);
    headers.set(PATHNAME_HEADER, pathname);
    return NextResponse.next({ request: { headers } });
  }
  const url = new URL("/entrar", request.url);
  if (pathname !== "/") url.searchParams.set("next", `${pathname}${search}`);
  return NextResponse.redirect(url);
}

export const config = {
  // Everything except the login page, the offline page, the service worker, the APIs (they answer 401 themselves) and static files.
  matcher: ["/((?!entrar|offline|api/|_next/|favicon|icons/|manifest|serwist/|robots\\.txt).*)"],
};
