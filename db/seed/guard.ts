// The seed wipes tables: it only ever touches the embedded file database.

export class SeedRefusedError extends Error {}

export function isLocalDatabaseUrl(url: string): boolean {
  return url.startsWith("file:");
}

/** Throws unless `url` is a local libSQL file; there is deliberately no override. */
export function assertSeedableUrl(url: string): void {
  if (isLocalDatabaseUrl(url)) return;
  throw new SeedRefusedError(
    `Refusing to seed ${describeUrl(url)}: demo data is only written to a local database (DATABASE_URL starting with "file:"). ` +
      "Seeding wipes customers and users, so it never runs against a remote (Turso/libSQL server) database.",
  );
}

/** Scheme and host only, so tokens or credentials in the URL never reach the console. */
function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}`;
  } catch {
    return "a non-file DATABASE_URL";
  }
}
