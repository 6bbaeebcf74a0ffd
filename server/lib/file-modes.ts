/**
 * The data folder and the database files hold every customer's data, the sessions and the keys of
 * the SMS accounts: only the user that runs the panel may read them (700 folders, 600 files), also
 * when they already exist with looser modes from an older version or another tool.
 */
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Creates the folder if needed and makes it private. */
export function securePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  chmodSync(dir, PRIVATE_DIR_MODE);
}

/** The file path of a `file:` database URL, or null (remote or in-memory). */
export function databaseFilePath(url: string): string | null {
  if (!url.startsWith("file:")) return null;
  const file = url.slice("file:".length).replace(/\?.*$/, "");
  return file && file !== ":memory:" ? path.resolve(file) : null;
}

/**
 * Creates the database file empty with mode 600 before libSQL opens it: SQLite gives its -wal and
 * -shm files the mode of the database file. Existing files are tightened.
 */
export function secureDatabaseFiles(url: string): void {
  const file = databaseFilePath(url);
  if (!file) return;
  const dir = path.dirname(file);
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (!existsSync(file)) closeSync(openSync(file, "a", PRIVATE_FILE_MODE));
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) {
    if (existsSync(f)) chmodSync(f, PRIVATE_FILE_MODE);
  }
}

/** What the panel keeps in DATA_DIR: the generated secrets and SQLite files. Nothing else is touched. */
const DATA_FILE = /^(auth-secret|credentials-key|.+\.db(-wal|-shm|-journal)?)$/;

/** DATA_DIR at start: the folder private, the panel's own files in it 600. */
export function secureDataDir(dataDir: string): void {
  securePrivateDir(dataDir);
  for (const name of readdirSync(dataDir)) {
    const f = path.join(dataDir, name);
    if (DATA_FILE.test(name) && statSync(f).isFile()) chmodSync(f, PRIVATE_FILE_MODE);
  }
}
