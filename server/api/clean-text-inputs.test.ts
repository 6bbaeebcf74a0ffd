// Protects stored text from control characters (issue 12 §8): ESC, BEL, DEL, NUL and U+202E were
// stored in user names, account names, sender, motivo and SMS bodies. Every text field of every
// tRPC input must be built with server/lib/clean-text.ts: this walks the router, so a new field
// that forgets it fails here.
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { CONTROL_CHARS_MESSAGE, jsonTextCheck, lineText, multilineCheck, multilineText, singleLineCheck } from "@/server/lib/clean-text";
import { eq } from "drizzle-orm";
import { user } from "@/db/schema";
import { createTestDb } from "@/test/db";
import { makeUser } from "@/test/factories";
import { appRouter, createCaller } from "./root";
import { createInnerContext } from "./trpc";

type Def = { type: string; checks?: unknown[]; format?: string; [k: string]: unknown };
const defOf = (s: unknown) => (s as { _zod: { def: Def } })._zod.def;

// Formats whose own pattern admits no control character (checked below).
const STRICT_FORMATS = new Set(["uuid", "email"]);

/** Paths of the text fields that do not carry the clean-text check. */
function uncheckedText(schema: unknown, path: string, inJson = false, out: string[] = []): string[] {
  const def = defOf(schema);
  const has = (check: unknown) => def.checks?.includes(check) ?? false;
  const json = inJson || has(jsonTextCheck);
  const walk = (child: unknown, p: string) => uncheckedText(child, p, json, out);
  switch (def.type) {
    case "string":
      if (!has(singleLineCheck) && !has(multilineCheck) && !STRICT_FORMATS.has(def.format ?? "")) out.push(path);
      break;
    case "unknown":
    case "any":
      if (!json) out.push(`${path} (unknown)`);
      break;
    case "object":
      for (const [k, v] of Object.entries(def.shape as Record<string, unknown>)) walk(v, `${path}.${k}`);
      if (def.catchall && defOf(def.catchall).type !== "never") walk(def.catchall, `${path}.*`);
      break;
    case "array":
      walk(def.element, `${path}[]`);
      break;
    case "record":
      walk(def.keyType, `${path}{key}`);
      walk(def.valueType, `${path}{value}`);
      break;
    case "union":
      (def.options as unknown[]).forEach((o, i) => walk(o, `${path}|${i}`));
      break;
    case "intersection":
      walk(def.left, path);
      walk(def.right, path);
      break;
    case "tuple":
      (def.items as unknown[]).forEach((o, i) => walk(o, `${path}[${i}]`));
      if (def.rest) walk(def.rest, `${path}[…]`);
      break;
    case "pipe":
      walk(def.in, path);
      walk(def.out, path);
      break;
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "readonly":
    case "catch":
    case "nonoptional":
      walk(def.innerType, path);
      break;
    case "lazy":
      walk((def.getter as () => unknown)(), path);
      break;
    case "enum":
    case "literal":
    case "number":
    case "int":
    case "boolean":
    case "date":
    case "bigint":
    case "null":
    case "undefined":
    case "void":
    case "never":
    case "transform":
      break;
    default:
      out.push(`${path} (unexpected schema type ${def.type}: teach this test how to walk it)`);
  }
  return out;
}

/** tRPC v11 keeps every procedure in a flat path → procedure map; `_def.inputs` are its input parsers. */
function flatProcedures(): [string, { _def: { inputs: unknown[] } }][] {
  return Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { inputs: unknown[] } }>);
}
const procedures = flatProcedures();

describe("every text input of the tRPC router refuses control characters", () => {
  it("walks a real router", () => {
    expect(procedures.length).toBeGreaterThan(30);
    expect(procedures.filter(([, p]) => p._def.inputs.length > 0).length).toBeGreaterThan(25);
  });

  it("has the clean-text check on every string field", () => {
    const missing = procedures.flatMap(([name, p]) => p._def.inputs.flatMap((input) => uncheckedText(input, name)));
    expect(missing).toEqual([]);
  });

  it("refuses, in the strict formats it trusts, every control character", async () => {
    const { z } = await import("zod");
    for (const bad of ["a\u0000b@x.test", "a\u202Eb@x.test", "ab@x.test\n"]) expect(z.email().safeParse(bad).success).toBe(false);
    expect(z.uuid().safeParse(`${crypto.randomUUID()}\u0007`).success).toBe(false);
  });
});

describe("lineText and multilineText", () => {
  const refused = (schema: z.ZodType, s: string) => {
    const r = schema.safeParse(s);
    return !r.success && r.error.issues.some((i) => i.message === CONTROL_CHARS_MESSAGE);
  };

  it("refuse NUL, ESC, BEL, DEL, C1 and bidi overrides and isolates", () => {
    for (const c of ["\u0000", "\u001B", "\u0007", "\u007F", "\u0085", "\u009B", "\u202A", "\u202E", "\u2066", "\u2069", "\r", "\u000B"]) {
      expect(refused(lineText(), `João${c}Silva`), JSON.stringify(c)).toBe(true);
      expect(refused(multilineText(), `Olá${c}mundo`), JSON.stringify(c)).toBe(true);
    }
  });

  it("one-line fields refuse line feeds and tabs; messages keep them (and CR LF, not a lone CR)", () => {
    expect(refused(lineText(), "Manutenção\nprogramada")).toBe(true);
    expect(refused(lineText(), "Manutenção\tprogramada")).toBe(true);
    expect(multilineText().safeParse("Olá Maria,\n\tsua fatura vence amanhã.").success).toBe(true);
    expect(multilineText().safeParse("Olá Maria,\r\nsua fatura vence amanhã.").success).toBe(true);
    expect(refused(multilineText(), "Olá Maria,\rsua fatura")).toBe(true);
  });

  it("accept ordinary Portuguese text, symbols and emoji", () => {
    for (const s of ["Conceição Araújo D'Ávila", "R$ 99,90 — até 10/12", "Fibra 500 Mega 🚀", "São João del-Rei (MG)"]) {
      expect(lineText().safeParse(s).success, s).toBe(true);
      expect(multilineText().safeParse(s).success, s).toBe(true);
    }
  });
});

describe("through the router", () => {
  it("user.create with a right-to-left override in the name is refused, and nothing is stored", async () => {
    const db = createTestDb();
    const caller = createCaller(createInnerContext({ db, user: await makeUser(db, "admin") }));
    const email = "ana.rtl@provedor.test";
    const err = await caller.user.create({ name: "Ana \u202Eacuos", email, password: "senha-forte-1", role: "tecnico" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TRPCError);
    expect((err as TRPCError).code).toBe("BAD_REQUEST");
    expect(await db.select().from(user).where(eq(user.email, email))).toEqual([]);
  });
});
