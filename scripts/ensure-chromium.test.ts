// The test command's browser check: states the minimum and the version used, upgrades an old
// Debian package as root (it used to keep any installed version), and tells others what to run.
import { describe, expect, it } from "vitest";
import { DEBIAN_CHROMIUM, MIN_CHROMIUM_MAJOR, parseChromiumVersion, planChromium } from "./ensure-chromium";

const debian = (major: number) => `Chromium ${major}.0.7871.100 built on Debian GNU/Linux 12 (bookworm)`;

describe("parseChromiumVersion", () => {
  it("reads Debian's and Google's version lines", () => {
    expect(parseChromiumVersion("Chromium 156.0.8078.114 built on Debian GNU/Linux 12 (bookworm)")).toEqual({ text: "156.0.8078.114", major: 156 });
    expect(parseChromiumVersion("Chromium 150.0.7871.100 ")).toEqual({ text: "150.0.7871.100", major: 150 });
    expect(parseChromiumVersion("Google Chrome 157.0.1.2")).toEqual({ text: "157.0.1.2", major: 157 });
    expect(parseChromiumVersion("bash: chromium: not found")).toBeNull();
  });
});

describe("planChromium", () => {
  it("uses a recent enough Chromium and says which", () => {
    const plan = planChromium({ path: DEBIAN_CHROMIUM, found: true, version: debian(156), isRoot: true });
    expect(plan).toEqual({ action: "use", message: `e2e browser: Chromium 156.0.7871.100 (/usr/bin/chromium); the suite needs Chromium ${MIN_CHROMIUM_MAJOR} or newer.` });
    expect(planChromium({ path: DEBIAN_CHROMIUM, found: true, version: debian(MIN_CHROMIUM_MAJOR), isRoot: false }).action).toBe("use");
  });

  it("as root, upgrades an installed Debian Chromium older than the minimum, and installs a missing one", () => {
    const old = planChromium({ path: DEBIAN_CHROMIUM, found: true, version: debian(MIN_CHROMIUM_MAJOR - 1), isRoot: true });
    expect(old.action).toBe("apt");
    expect(old.message).toMatch(/older than the minimum.*apt-get update/);
    expect(planChromium({ path: DEBIAN_CHROMIUM, found: false, version: null, isRoot: true }).action).toBe("apt");
  });

  it("otherwise says what to run", () => {
    const plan = planChromium({ path: DEBIAN_CHROMIUM, found: true, version: debian(MIN_CHROMIUM_MAJOR - 1), isRoot: false });
    expect(plan.action).toBe("fail");
    expect(plan.message).toContain("sudo apt-get update && sudo apt-get install -y chromium");
    // A browser the user chose (CHROMIUM_PATH) is never replaced through apt.
    expect(planChromium({ path: "/opt/chromium/chrome", found: true, version: debian(MIN_CHROMIUM_MAJOR - 1), isRoot: true }).action).toBe("fail");
    expect(planChromium({ path: DEBIAN_CHROMIUM, found: true, version: null, isRoot: false }).message).toMatch(/did not report a Chromium version/);
  });
});
