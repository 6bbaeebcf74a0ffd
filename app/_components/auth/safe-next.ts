/**
 * Where to go after signing in: only a path on this site. "//host" and "/\host" are read by
 * browsers as another origin, so they are refused (open redirect).
 */
export function safeNextPath(next: unknown): string | null {
  if (typeof next !== "string") return null;
  if (!next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return null;
  return next;
}
