// Protects tRPC against cross-site requests: only same-origin (or trusted) JSON POSTs get through.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { markForwardingSanitised } from "@/server/http/forwarding";
import { guardTrpcRequest, requestOrigin } from "./request-guard";

const url = "http://localhost:3000/api/trpc/user.create";
const post = (headers: Record<string, string>) => new Request(url, { method: "POST", headers: { host: "localhost:3000", ...headers }, body: "{}" });
const trusted = ["https://sms.provedor.com.br"];

describe("guardTrpcRequest", () => {
  it("lets queries (GET) through", () => {
    expect(guardTrpcRequest(new Request(url, { headers: { host: "localhost:3000" } }), trusted).ok).toBe(true);
  });

  it("accepts a same-origin JSON POST and a trusted origin", () => {
    expect(guardTrpcRequest(post({ origin: "http://localhost:3000", "content-type": "application/json" }), trusted)).toEqual({ ok: true });
    expect(guardTrpcRequest(post({ origin: "https://sms.provedor.com.br", "content-type": "application/json; charset=utf-8" }), trusted)).toEqual({ ok: true });
  });

  it("refuses form posts and text bodies (what a cross-site form can send)", () => {
    for (const type of ["application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/plain"]) {
      expect(guardTrpcRequest(post({ origin: "http://localhost:3000", "content-type": type }), trusted)).toMatchObject({ ok: false, status: 415 });
    }
  });

  it("refuses another origin, a missing origin and a cross-site fetch", () => {
    expect(guardTrpcRequest(post({ origin: "https://evil.example", "content-type": "application/json" }), trusted)).toMatchObject({ ok: false, status: 403 });
    expect(guardTrpcRequest(post({ "content-type": "application/json" }), trusted)).toMatchObject({ ok: false, status: 403 });
    expect(
      guardTrpcRequest(post({ origin: "http://localhost:3000", "content-type": "application/json", "sec-fetch-site": "cross-site" }), trusted),
    ).toMatchObject({ ok: false, status: 403 });
  });

  it("refuses other methods", () => {
    expect(guardTrpcRequest(new Request(url, { method: "DELETE" }), trusted)).toMatchObject({ ok: false, status: 405 });
  });
});

describe("requestOrigin", () => {
  const at = (headers: Record<string, string>, u = "http://127.0.0.1:3000/api/auth/sign-in/email") => requestOrigin(new Request(u, { headers }));

  it("is the address the browser used, as browsers write Origin", () => {
    expect(at({ host: "127.0.0.1:3000" })).toBe("http://127.0.0.1:3000");
    expect(at({ host: "Painel.Local:3000" })).toBe("http://painel.local:3000");
    expect(at({ host: "[::1]:3000" })).toBe("http://[::1]:3000");
  });

  it("ignores X-Forwarded-Host/-Proto unless our server vouches for them (a TRUSTED_PROXIES peer)", () => {
    expect(at({ host: "127.0.0.1:3000", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" })).toBe("http://127.0.0.1:3000");
    const forged = post({ host: "127.0.0.1:3000", "x-forwarded-host": "evil.example", origin: "http://evil.example", "content-type": "application/json" });
    expect(guardTrpcRequest(forged, trusted)).toMatchObject({ ok: false, status: 403 });
  });

  describe("behind our server (forwarding headers rewritten from the socket)", () => {
    beforeEach(() => markForwardingSanitised(true));
    afterEach(() => markForwardingSanitised(false));

    it("uses the proxy's X-Forwarded-Host/-Proto", () => {
      expect(at({ host: "sms.provedor.com.br", "x-forwarded-proto": "https" })).toBe("https://sms.provedor.com.br");
      expect(at({ host: "10.0.0.2:3000", "x-forwarded-host": "sms.provedor.com.br, proxy.internal", "x-forwarded-proto": "https,http" })).toBe("https://sms.provedor.com.br");
    });

    it("is nothing when the host could act as a pattern, a path or credentials", () => {
      for (const host of ["*", "*.evil.example", "a?b", "evil.example/x", "user@evil.example"]) {
        expect(at({ host: "127.0.0.1:3000", "x-forwarded-host": host }), host).toBeNull();
      }
      expect(at({ host: "127.0.0.1:3000", "x-forwarded-proto": "javascript" })).toBeNull();
    });
  });
});
