// Protects the role rules: every procedure declares who may call it, and each role + anonymous is
// allowed or refused exactly as declared. A new procedure fails this test until it is declared here.
import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import type { Role } from "@/db/schema/constants";
import { ROLES } from "@/db/schema/constants";
import { createTestDb } from "@/test/db";
import { makeCustomer, makeNetwork, makeUser, type Network } from "@/test/factories";
import type { SessionUser } from "@/server/auth/session";
import { ROLE_GROUPS } from "./permissions";
import { appRouter, createCaller } from "./root";
import { createInnerContext } from "./trpc";

const db = createTestDb();
let net: Network;
let customerId: number;
const users = {} as Record<Role, SessionUser>;
let target: SessionUser;
let n = 0;

beforeAll(async () => {
  net = await makeNetwork(db);
  customerId = (await makeCustomer(db, net, { phones: [{ e164: "+5535991234567", isPrimary: true }] })).id;
  for (const r of ROLES) users[r] = await makeUser(db, r);
  target = await makeUser(db, "tecnico");
});

type Entry = { allowed: readonly Role[]; input?: () => unknown };
const MATRIX: Record<string, Entry> = {
  "me.get": { allowed: ROLE_GROUPS.anyone },
  "customer.search": { allowed: ROLE_GROUPS.anyone, input: () => ({ q: "Cliente" }) },
  "customer.get": { allowed: ROLE_GROUPS.anyone, input: () => ({ id: customerId }) },
  "reference.options": { allowed: ROLE_GROUPS.sms },
  "reference.neighbourhoods": { allowed: ROLE_GROUPS.sms, input: () => ({ cityId: net.city.id }) },
  "reference.streets": { allowed: ROLE_GROUPS.sms, input: () => ({ neighbourhoodId: net.neighbourhood.id }) },
  "user.list": { allowed: ROLE_GROUPS.admin },
  "user.create": {
    allowed: ROLE_GROUPS.admin,
    input: () => ({ name: "Novo Usuário", email: `novo${++n}@teste.test`, password: "senha-segura-1", role: "tecnico" }),
  },
  "user.setRole": { allowed: ROLE_GROUPS.admin, input: () => ({ userId: target.id, role: "tecnico" }) },
  "user.setDisabled": { allowed: ROLE_GROUPS.admin, input: () => ({ userId: target.id, disabled: false }) },
};

const procedurePaths = Object.keys(appRouter._def.procedures);

function callByPath(user: SessionUser | null, path: string, input: unknown): Promise<unknown> {
  const caller = createCaller(createInnerContext({ db, user }));
  const fn = path.split(".").reduce<unknown>((obj, key) => (obj as Record<string, unknown>)[key], caller);
  return (fn as (i: unknown) => Promise<unknown>)(input);
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "OK";
  } catch (err) {
    return err instanceof TRPCError ? err.code : `non-tRPC error: ${String(err)}`;
  }
}

describe("role matrix", () => {
  it("declares every procedure of the router, and only those", () => {
    expect(Object.keys(MATRIX).sort()).toEqual([...procedurePaths].sort());
  });

  for (const [path, entry] of Object.entries(MATRIX)) {
    it(`${path}: anonymous is refused with UNAUTHORIZED`, async () => {
      expect(await codeOf(callByPath(null, path, entry.input?.()))).toBe("UNAUTHORIZED");
    });
    for (const role of ROLES) {
      const allowed = entry.allowed.includes(role);
      it(`${path}: ${role} is ${allowed ? "allowed" : "refused with FORBIDDEN"}`, async () => {
        expect(await codeOf(callByPath(users[role], path, entry.input?.()))).toBe(allowed ? "OK" : "FORBIDDEN");
      });
    }
  }
});
