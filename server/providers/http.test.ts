import http from "node:http";
import type { AddressInfo } from "node:net";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { closedPortUrl } from "./fakes/fake-http";
import { appendQueryParam, formatNumber, getPath, safeSnippet, webhookParams } from "./format";
import { httpRequest, parseRetryAfter } from "./http";
import { ESCAPES, renderTemplate } from "./http-gateway";

// Characters that break naive escaping, plus a lone surrogate (fast-check's "binary" unit is slow to warm up).
const TRICKY = ['"', "\\", "\n", "\r", "\t", "{", "}", "&", "=", "+", "%", "#", "?", " ", "a", "ç", "ã", "€", "😀", "\u0000", "\u2028", "\uD800", "\uDC00"];

describe("parseRetryAfter", () => {
  const now = Date.parse("2025-03-10T12:00:00Z");
  it("reads delta-seconds and HTTP dates", () => {
    expect(parseRetryAfter("120", now)).toBe(120_000);
    expect(parseRetryAfter(" 1.5 ", now)).toBe(1500);
    expect(parseRetryAfter("Mon, 10 Mar 2025 12:00:30 GMT", now)).toBe(30_000);
    expect(parseRetryAfter("Mon, 10 Mar 2025 11:00:00 GMT", now)).toBe(0);
  });
  it("ignores what it cannot read", () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter("", now)).toBeUndefined();
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter("-5", now)).toBeUndefined();
  });
});

describe("httpRequest failures", () => {
  it("connection refused: nothing was sent", async () => {
    const res = await httpRequest({ timeoutMs: 500 }, `${await closedPortUrl()}/x`, { method: "POST", body: "{}" });
    expect(res).toMatchObject({ kind: "failure", outcome: { kind: "retryable", code: "connection_failed", maybeAccepted: false } });
  });

  it("a connection dropped after the request was read may have been processed", async () => {
    const server = http.createServer((req) => req.on("data", () => {}).on("end", () => req.socket.destroy()));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    try {
      const res = await httpRequest({ timeoutMs: 500 }, `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, { method: "POST", body: "{}" });
      expect(res).toMatchObject({ kind: "failure", outcome: { code: "network_error", maybeAccepted: true } });
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });

  it("the caller's abort: before sending is safe, in flight may be accepted", async () => {
    const early = new AbortController();
    early.abort();
    expect(await httpRequest({}, "http://127.0.0.1:9/", {}, early.signal)).toMatchObject({ outcome: { code: "aborted", maybeAccepted: false } });

    const server = http.createServer(() => {});
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    try {
      const late = new AbortController();
      setTimeout(() => late.abort(), 50);
      const res = await httpRequest({ timeoutMs: 2000 }, `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, {}, late.signal);
      expect(res).toMatchObject({ outcome: { code: "aborted", maybeAccepted: true } });
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });

  it("uses the injected fetch", async () => {
    const res = await httpRequest({ fetch: async () => new Response("ok", { status: 202 }) }, "https://provider.invalid/", {});
    expect(res).toMatchObject({ kind: "response", status: 202, text: "ok" });
  });
});

describe("format helpers", () => {
  it("formats numbers", () => {
    expect(formatNumber("+5535991234567", "e164")).toBe("+5535991234567");
    expect(formatNumber("+5535991234567", "international-digits")).toBe("5535991234567");
    expect(formatNumber("+5535991234567", "national")).toBe("35991234567");
  });

  it("appends a query parameter without touching the rest of the URL", () => {
    expect(appendQueryParam("https://a/b", "msg", "x y")).toBe("https://a/b?msg=x%20y");
    expect(appendQueryParam("https://a/b?s=a+b%2F", "msg", "1")).toBe("https://a/b?s=a+b%2F&msg=1");
    expect(appendQueryParam("https://a/b?", "msg", "1")).toBe("https://a/b?msg=1");
    expect(appendQueryParam("https://a/b#f", "msg", "1")).toBe("https://a/b?msg=1#f");
  });

  it("masks secrets (raw and URL-encoded) and bounds provider text", () => {
    expect(safeSnippet("key=p@ss w0rd and p%40ss%20w0rd\n!", ["p@ss w0rd"])).toBe("key=*** and *** !");
    expect(safeSnippet("x".repeat(300), [])).toHaveLength(201);
  });

  it("reads dotted JSON paths and webhook parameters", () => {
    expect(getPath({ Object: { id: 5 }, list: [{ id: "a" }] }, "Object.id")).toBe(5);
    expect(getPath({ list: [{ id: "a" }] }, "list.0.id")).toBe("a");
    expect(getPath("x", "a")).toBeUndefined();
    const p = webhookParams("https://x/y?msg=1&type=8", "reply=ok", "application/x-www-form-urlencoded");
    expect(Object.fromEntries(p)).toEqual({ msg: "1", type: "8", reply: "ok" });
  });

  it("JSON and URL escaping round-trip any text (property)", () => {
    const values = { user: "", password: "", token: "SECRET", phone: "", id: "", sender: "" };
    // Lone surrogates cannot be URL-encoded; they become U+FFFD rather than throwing.
    const wellFormed = (t: string) => t.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...TRICKY), maxLength: 40 }), (text) => {
        const json = JSON.parse(renderTemplate('{"c": "{text}", "k": "{token}"}', { ...values, text }, ESCAPES.json)) as Record<string, string>;
        const query = new URLSearchParams(renderTemplate("m={text}&k={token}", { ...values, text }, ESCAPES.url));
        return json.c === text && json.k === "SECRET" && query.get("m") === wellFormed(text) && query.get("k") === "SECRET";
      }),
      { numRuns: 300 },
    );
  });
});
