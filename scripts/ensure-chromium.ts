/**
 * The e2e suite drives Debian's Chromium (Playwright's own browser download cannot work here).
 * States the version it needs and the one it uses; as root it installs the package, or upgrades it
 * (after `apt-get update`) when the installed one is older than the minimum; otherwise it says
 * exactly what to run.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { pathToFileURL } from "node:url";

export const DEBIAN_CHROMIUM = "/usr/bin/chromium";
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? DEBIAN_CHROMIUM;
/**
 * The oldest Chromium the PWA specs were run on and passed (README, "Chromium for the e2e tests").
 * 150 is Debian bookworm's main-archive package; the app does not rely on navigator.onLine, which
 * that version gets wrong in a page loaded offline.
 */
export const MIN_CHROMIUM_MAJOR = 150;

const INSTALL_HINT = "sudo apt-get update && sudo apt-get install -y chromium";

/** "Chromium 156.0.8078.114 built on Debian…" → { text: "156.0.8078.114", major: 156 }. */
export function parseChromiumVersion(output: string): { text: string; major: number } | null {
  const m = /(?:Chromium|Chrome)\s+(\d+)((?:\.\d+){1,3})/i.exec(output);
  return m ? { text: `${m[1]}${m[2]}`, major: Number(m[1]) } : null;
}

export type ChromiumPlan =
  | { action: "use"; message: string }
  | { action: "apt"; message: string }
  | { action: "fail"; message: string };

/** What to do with the Chromium found (or not) at `path`. */
export function planChromium(opts: { path: string; found: boolean; version: string | null; isRoot: boolean }): ChromiumPlan {
  const parsed = opts.version ? parseChromiumVersion(opts.version) : null;
  const need = `Chromium ${MIN_CHROMIUM_MAJOR} or newer`;
  if (opts.found && parsed && parsed.major >= MIN_CHROMIUM_MAJOR) {
    return { action: "use", message: `e2e browser: Chromium ${parsed.text} (${opts.path}); the suite needs ${need}.` };
  }
  const problem = !opts.found
    ? `Chromium was not found at ${opts.path}`
    : parsed
      ? `Chromium ${parsed.text} at ${opts.path} is older than the minimum`
      : `${opts.path} did not report a Chromium version`;
  // Only Debian's package can be installed or upgraded with apt; a CHROMIUM_PATH elsewhere is the user's.
  if (opts.isRoot && opts.path === DEBIAN_CHROMIUM) {
    return { action: "apt", message: `${problem}: the e2e tests need ${need}. Installing Debian's chromium package (apt-get update, apt-get install chromium)…` };
  }
  return {
    action: "fail",
    message:
      `${problem}: the e2e tests need ${need}.\n` +
      `Install or upgrade it with:  ${INSTALL_HINT}\n` +
      `or point CHROMIUM_PATH at a Chromium ${MIN_CHROMIUM_MAJOR}+ binary.`,
  };
}

function versionOf(path: string): string | null {
  if (!existsSync(path)) return null;
  // Debian's launcher script prints a harmless shell warning on stderr: only stdout counts.
  const res = spawnSync(path, ["--version"], { encoding: "utf8", timeout: 30_000 });
  return res.status === 0 ? res.stdout.trim() : null;
}

function aptInstall(): boolean {
  for (const args of [["update", "-qq"], ["install", "-y", "-qq", "chromium"]]) {
    const res = spawnSync("apt-get", args, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
    if (res.status !== 0) return false;
  }
  return true;
}

function main() {
  const isRoot = process.getuid?.() === 0;
  const check = () => planChromium({ path: CHROMIUM_PATH, found: existsSync(CHROMIUM_PATH), version: versionOf(CHROMIUM_PATH), isRoot });
  let plan = check();
  if (plan.action === "apt") {
    console.log(plan.message);
    aptInstall();
    plan = check();
    // Still too old (or missing) after apt: Debian offers nothing newer here; say so and stop.
    if (plan.action === "apt") {
      const found = parseChromiumVersion(versionOf(CHROMIUM_PATH) ?? "")?.text ?? "none";
      plan = { action: "fail", message: `apt-get could not provide Chromium ${MIN_CHROMIUM_MAJOR}+ (installed: ${found}). Check the apt sources, or set CHROMIUM_PATH.` };
    }
  }
  if (plan.action === "use") {
    console.log(plan.message);
    return;
  }
  console.error(plan.message);
  process.exit(1);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
