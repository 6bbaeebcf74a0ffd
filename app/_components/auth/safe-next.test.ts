// Protects the redirect after sign-in (issue 12 §5): only paths of this site, read as a browser
// reads them, so no variant of "//evil.test" with tabs, newlines or backslashes leaves the site.
import { describe, expect, it } from "vitest";
import { safeNextPath } from "./safe-next";

/** Where a browser goes when a page of ORIGIN navigates to `href`. */
const ORIGIN = "http://localhost:3000";
const lands = (href: string) => new URL(href, ORIGIN).origin;

// The values as the page receives them (searchParams decoded once).
const ATTACKS = [
  "/\t/evil.test/x", // %2F%09%2Fevil.test%2Fx
  "/\n/evil.test/x", // %0A
  "/\r/evil.test/x", // %0D
  "/\t\\evil.test/x", // %09%5C
  "/\\evil.test",
  "\\\\evil.test",
  "//evil.test",
  "///evil.test",
  " //evil.test",
  "\t//evil.test",
  "/\r\n/evil.test",
  "/\\\t/evil.test",
  "https://evil.test/x",
  "javascript:alert(1)",
  "/.//evil.test", // resolves to the path "//evil.test", which would read as a host when used again
  "/%2e%2e//evil.test",
  "evil.test",
  "",
];

describe("safeNextPath", () => {
  it("refuses every form that a browser would send to another site", () => {
    for (const next of ATTACKS) {
      const safe = safeNextPath(next);
      expect(safe === null || lands(safe) === ORIGIN, JSON.stringify(next)).toBe(true);
      expect(safe, JSON.stringify(next)).toBeNull();
    }
    // Without the check, at least the seed cases would have left the site.
    for (const next of ATTACKS.slice(0, 4)) expect(lands(next), JSON.stringify(next)).toBe("http://evil.test");
  });

  it("keeps paths of this site with their query and fragment", () => {
    expect(safeNextPath("/clientes")).toBe("/clientes");
    expect(safeNextPath("/clientes?q=Jo%C3%A3o&x=1#topo")).toBe("/clientes?q=Jo%C3%A3o&x=1#topo");
    expect(safeNextPath("/sms/individual/novo?cliente=12")).toBe("/sms/individual/novo?cliente=12");
    expect(safeNextPath("/clientes/../sms")).toBe("/sms");
    expect(safeNextPath("/cli\tentes")).toBe("/clientes");
  });

  it("ignores anything that is not one string", () => {
    expect(safeNextPath(undefined)).toBeNull();
    expect(safeNextPath(["/a", "/b"])).toBeNull();
  });
});
