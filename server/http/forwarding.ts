/**
 * Who is on the other end of a request. X-Forwarded-For/-Host/-Proto are plain request headers any
 * client can write, so they are believed only when the TCP peer is one of TRUSTED_PROXIES. Next's
 * Request carries no peer address (Next fills X-Forwarded-For from the socket only when the client
 * sent none), so our server (scripts/server.ts) rewrites these headers from the socket before Next
 * reads them, and marks the process; without that mark they are ignored entirely.
 */
import type { IncomingHttpHeaders } from "node:http";
import { BlockList, isIP } from "node:net";

const SANITISED = Symbol.for("painel-sms.forwarding-sanitised");
type Marked = { [SANITISED]?: boolean };

/** Called by our HTTP server once it rewrites every request's forwarding headers from the socket. */
export function markForwardingSanitised(on = true): void {
  (globalThis as Marked)[SANITISED] = on;
}

export function forwardingSanitised(): boolean {
  return (globalThis as Marked)[SANITISED] === true;
}

/** An IP address as one form ("::ffff:10.0.0.1" → "10.0.0.1", "[::1]:80" → "::1"), or null. */
export function normaliseIp(raw: string | null | undefined): string | null {
  let s = raw?.trim();
  if (!s) return null;
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(s);
  if (bracketed) s = bracketed[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(s)) s = s.replace(/:\d+$/, "");
  if (/^::ffff:/i.test(s) && isIP(s.slice(7)) === 4) s = s.slice(7);
  return isIP(s) ? s.toLowerCase() : null;
}

/** "10.0.0.1", "fd00::1", "10.0.0.0/8" or "fd00::/8". */
export function isProxyEntry(entry: string): boolean {
  const [ip, prefix, ...rest] = entry.trim().split("/");
  if (rest.length > 0 || !ip) return false;
  const family = isIP(ip);
  if (!family) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d{1,3}$/.test(prefix) && bits <= (family === 4 ? 32 : 128);
}

export function proxyList(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    if (!isProxyEntry(entry)) throw new Error(`not an IP address or CIDR range: ${entry}`);
    const [ip, prefix] = entry.trim().split("/") as [string, string | undefined];
    const type = isIP(ip) === 6 ? "ipv6" : "ipv4";
    if (prefix === undefined) list.addAddress(ip, type);
    else list.addSubnet(ip, Number(prefix), type);
  }
  return list;
}

function trusted(ip: string, proxies: BlockList): boolean {
  return proxies.check(ip, isIP(ip) === 6 ? "ipv6" : "ipv4");
}

/**
 * The client behind our proxies: X-Forwarded-For read from the right (each proxy appends the
 * address it saw), skipping our own proxies; the left part is whatever the client wrote.
 */
export function resolveClientIp(peer: string, forwardedFor: string | undefined, proxies: BlockList): string {
  let client = peer;
  const hops = (forwardedFor ?? "").split(",").filter((h) => h.trim()).reverse();
  for (const raw of hops) {
    if (!trusted(client, proxies)) break;
    const hop = normaliseIp(raw);
    if (!hop) break;
    client = hop;
  }
  return client;
}

const FORWARDING_HEADERS = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-real-ip", "forwarded"];

const firstValue = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join(",") : v)?.split(",")[0]?.trim() || undefined;

/**
 * Rewrites a Node request's forwarding headers from its socket: X-Forwarded-For becomes the one
 * client address; X-Forwarded-Host/-Proto survive only from a trusted proxy (Next then fills them
 * from Host and the socket).
 */
export function sanitiseForwarding(headers: IncomingHttpHeaders, socketAddress: string | undefined, proxies: BlockList): void {
  const peer = normaliseIp(socketAddress);
  const fromProxy = peer !== null && trusted(peer, proxies);
  const forwardedFor = headers["x-forwarded-for"];
  const host = firstValue(headers["x-forwarded-host"]);
  const proto = firstValue(headers["x-forwarded-proto"])?.toLowerCase();
  for (const name of FORWARDING_HEADERS) delete headers[name];
  if (!peer) return;
  headers["x-forwarded-for"] = fromProxy ? resolveClientIp(peer, Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor, proxies) : peer;
  if (fromProxy && host) headers["x-forwarded-host"] = host;
  if (fromProxy && (proto === "http" || proto === "https")) headers["x-forwarded-proto"] = proto;
}

/** The client's IP address, or null where forwarding headers cannot be trusted (not our server). */
export function clientIp(headers: Headers | undefined): string | null {
  if (!forwardingSanitised()) return null;
  return normaliseIp(headers?.get("x-forwarded-for")?.split(",")[0]);
}
