// Protects the browser-side defences (issue 12 §10): every page answer carries a CSP with a fresh
// nonce and no 'unsafe-eval', also the public pages and the sign-in redirect; HSTS only for https.
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "@/proxy";
import { contentSecurityPolicy, strictTransportSecurity } from "./security-headers";

const page = (path: string, cookie?: string) => proxy(new NextRequest(`http://localhost:3000${path}`, { headers: cookie ? { cookie } : {} }));
const directives = (csp: string) => Object.fromEntries(csp.split(";").map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));

describe("proxy security headers", () => {
  it("gives every page a CSP with a fresh nonce, the same one Next reads from the request", () => {
    const a = page("/entrar");
    const b = page("/offline");
    const c = page("/sms/individual", "better-auth.session_token=abc");
    const nonces = [a, b, c].map((r) => /'nonce-([^']+)'/.exec(r.headers.get("content-security-policy") ?? "")?.[1]);
    expect(nonces.every(Boolean)).toBe(true);
    expect(new Set(nonces).size).toBe(3);
    // NextResponse.next passes the request headers on through x-middleware-request-*.
    expect(c.headers.get("x-middleware-request-content-security-policy")).toBe(c.headers.get("content-security-policy"));
    const d = directives(a.headers.get("content-security-policy")!);
    expect(d["script-src"]).toEqual(["'self'", `'nonce-${nonces[0]}'`, "'strict-dynamic'"]);
    expect(d["frame-ancestors"]).toEqual(["'none'"]);
    expect(d["object-src"]).toEqual(["'none'"]);
    expect(d["worker-src"]).toEqual(["'self'"]);
    expect(a.headers.get("content-security-policy")).not.toMatch(/unsafe-eval/);
    expect(a.headers.get("strict-transport-security")).toBeNull();
  });

  it("the sign-in redirect of a page behind the login carries the CSP too", () => {
    const r = page("/clientes?q=Jo%C3%A3o");
    expect(r.status).toBe(307);
    expect(r.headers.get("location")).toBe("http://localhost:3000/entrar?next=%2Fclientes%3Fq%3DJo%25C3%25A3o");
    expect(r.headers.get("content-security-policy")).toMatch(/script-src 'self' 'nonce-/);
  });
});

describe("policies", () => {
  it("allows 'unsafe-eval' and inline styles only in development; upgrades requests only for https", () => {
    const prod = contentSecurityPolicy({ nonce: "n", dev: false, https: false });
    expect(prod).not.toMatch(/unsafe-eval|upgrade-insecure-requests/);
    expect(directives(prod)["style-src"]).toEqual(["'self'", "'nonce-n'"]);
    expect(contentSecurityPolicy({ nonce: "n", dev: true, https: false })).toMatch(/script-src [^;]*'unsafe-eval'/);
    expect(contentSecurityPolicy({ nonce: "n", dev: false, https: true })).toMatch(/upgrade-insecure-requests$/);
  });

  it("HSTS only when APP_URL is https", () => {
    expect(strictTransportSecurity("https://sms.provedor.com.br")).toBe("max-age=63072000");
    expect(strictTransportSecurity("http://192.168.0.10:3000")).toBeNull();
  });
});
