// Protects who the server believes is on the other end (issue 12 §4): X-Forwarded-* count only from
// a TRUSTED_PROXIES peer; anyone else's are replaced by the socket's address.
import type { IncomingHttpHeaders } from "node:http";
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/server/env";
import { clientIp, forwardingSanitised, isProxyEntry, markForwardingSanitised, normaliseIp, proxyList, resolveClientIp, sanitiseForwarding } from "./forwarding";

const proxies = proxyList(["10.0.0.0/8", "::1", "127.0.0.1"]);

function sanitised(headers: IncomingHttpHeaders, peer: string | undefined, list = proxies) {
  const h = { ...headers };
  sanitiseForwarding(h, peer, list);
  return h;
}

describe("sanitiseForwarding", () => {
  it("replaces a direct client's forged headers with its socket address", () => {
    const h = sanitised({ host: "painel:3000", "x-forwarded-for": "1.2.3.4", "x-forwarded-host": "evil.test", "x-forwarded-proto": "https", "x-real-ip": "5.6.7.8", forwarded: "for=9.9.9.9" }, "::ffff:203.0.113.9");
    expect(h).toEqual({ host: "painel:3000", "x-forwarded-for": "203.0.113.9" });
  });

  it("with no proxies configured, nobody's forwarding headers count, not even localhost's", () => {
    expect(sanitised({ "x-forwarded-for": "1.2.3.4", "x-forwarded-host": "evil.test" }, "127.0.0.1", proxyList([]))).toEqual({ "x-forwarded-for": "127.0.0.1" });
  });

  it("behind a trusted proxy: the client is the last address the proxies did not add", () => {
    const h = sanitised({ "x-forwarded-for": "6.6.6.6, 198.51.100.7, 10.1.2.3", "x-forwarded-host": "sms.provedor.com.br, x", "x-forwarded-proto": "https" }, "::ffff:10.0.0.2");
    expect(h).toEqual({ "x-forwarded-for": "198.51.100.7", "x-forwarded-host": "sms.provedor.com.br", "x-forwarded-proto": "https" });
    expect(resolveClientIp("::1", undefined, proxies)).toBe("::1");
    expect(resolveClientIp("10.0.0.2", "garbage, 10.0.0.3", proxies)).toBe("10.0.0.3");
    expect(sanitised({ "x-forwarded-proto": "javascript" }, "10.0.0.2")).toEqual({ "x-forwarded-for": "10.0.0.2" });
  });
});

describe("clientIp", () => {
  it("is unknown unless our server rewrote the headers", () => {
    const headers = new Headers({ "x-forwarded-for": "203.0.113.9" });
    expect(forwardingSanitised()).toBe(false);
    expect(clientIp(headers)).toBeNull();
    markForwardingSanitised(true);
    try {
      expect(clientIp(headers)).toBe("203.0.113.9");
    } finally {
      markForwardingSanitised(false);
    }
  });

  it("normalises the forms proxies and sockets write", () => {
    expect(["::ffff:10.0.0.1", "[::1]:8080", "10.0.0.1:443", " FD00::1 ", "nope", ""].map(normaliseIp)).toEqual(["10.0.0.1", "::1", "10.0.0.1", "fd00::1", null, null]);
  });
});

describe("TRUSTED_PROXIES", () => {
  it("accepts IP addresses and CIDR ranges, and refuses anything else with the variable's name", () => {
    expect(parseEnv({ TRUSTED_PROXIES: "127.0.0.1, 10.0.0.0/8,::1,fd00::/8" }).trustedProxies).toEqual(["127.0.0.1", "10.0.0.0/8", "::1", "fd00::/8"]);
    expect(parseEnv({ TRUSTED_PROXIES: "" }).trustedProxies).toEqual([]);
    for (const bad of ["*", "proxy.internal", "10.0.0.0/33", "1.2.3.4/8/1", "10.0.0.1-10.0.0.9"]) {
      expect(isProxyEntry(bad), bad).toBe(false);
      expect(() => parseEnv({ TRUSTED_PROXIES: bad }), bad).toThrow(/TRUSTED_PROXIES: TRUSTED_PROXIES must be comma-separated IP addresses or CIDR ranges/);
    }
  });
});
