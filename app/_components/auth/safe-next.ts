/**
 * Where to go after signing in: only a path on this site. The value is read the way a browser's URL
 * parser reads it — tabs and newlines removed anywhere, "\" taken as "/" — because "/\t/evil.test"
 * or "/\\evil.test" look like paths but open another site (open redirect).
 */
const BASE = "http://painel.invalid";

export function safeNextPath(next: unknown): string | null {
  if (typeof next !== "string") return null;
  // What the WHATWG URL parser strips before parsing: ASCII tab/newline anywhere, C0 controls and spaces at the ends.
  const cleaned = next.replace(/[\t\n\r]/g, "").replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, "");
  if (!cleaned.startsWith("/")) return null;
  let url: URL;
  try {
    url = new URL(cleaned, BASE);
  } catch {
    return null;
  }
  if (url.origin !== BASE) return null;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // The result is used as a URL again: it must not itself read as another host ("//x", "/\x").
  if (path.startsWith("//") || path.startsWith("/\\")) return null;
  return path;
}
