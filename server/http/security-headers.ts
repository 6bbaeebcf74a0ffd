/**
 * Response headers that make the browser refuse what the panel never does: scripts it did not send
 * (a per-request nonce; 'strict-dynamic' lets those scripts load Next's chunks), framing, forms to
 * other sites, plain-http use of an https deployment.
 */

/** A fresh nonce per page request (base64 of 16 random bytes). */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

export function contentSecurityPolicy({ nonce, dev, https }: { nonce: string; dev: boolean; https: boolean }): string {
  const directives = [
    "default-src 'self'",
    // React's development build evaluates code for its error overlay; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Next's dev server injects <style> elements without a nonce.
    `style-src 'self' ${dev ? "'unsafe-inline'" : `'nonce-${nonce}'`}`,
    // style="…" attributes (virtual lists, progress bars) carry no script.
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    // Under 'strict-dynamic' script-src's 'self' no longer covers the service worker.
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    // Only for an https deployment: on http://192.168.0.10:3000 it would break every request.
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** HSTS for an https APP_URL (two years); nothing for plain http, where browsers ignore it anyway. */
export function strictTransportSecurity(appUrl: string): string | null {
  return appUrl.startsWith("https://") ? "max-age=63072000" : null;
}
