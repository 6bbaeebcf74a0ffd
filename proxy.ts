import { getSessionCookie } from "better-auth/cookies";
import { type NextRequest, NextResponse } from "next/server";

// Optimistic check only (cookie present); pages and procedures verify the session themselves.
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (getSessionCookie(request)) return NextResponse.next();
  const url = new URL("/entrar", request.url);
  if (pathname !== "/") url.searchParams.set("next", `${pathname}${search}`);
  return NextResponse.redirect(url);
}

export const config = {
  // Everything except the login page, the offline page, the service worker, the APIs (they answer 401 themselves) and static files.
  matcher: ["/((?!entrar|offline|api/|_next/|favicon|icons/|manifest|serwist/|robots\\.txt).*)"],
};
