// Protects the per-UF send-window edit: one UF changes without touching the others (two admins
// editing different UFs at once both keep their change), a UF goes back to its legal default, and
// a bad range is refused with the message next to its field.
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/server/auth/session";
import { createTestDb } from "@/test/db";
import { makeUser } from "@/test/factories";
import { DomainError } from "../errors";
import { getSendWindowRules, setSendWindowRules } from "./settings";
import { setUfSendWindow } from "./uf-send-window";
import { userContext } from "@/server/services/context";

const db = createTestDb();
let admin: SessionUser;
const range = (start: string, end: string) => ({ start, end });

beforeAll(async () => {
  admin = await makeUser(db, "admin");
});

describe("send window of one UF", () => {
  it("sets one UF on an empty setting, then others concurrently, keeping each", async () => {
    const ac = { weekday: range("08:00", "17:00"), saturday: null, sunday: null };
    expect(await setUfSendWindow(userContext(db, admin), { uf: "AC", rules: ac })).toEqual({ AC: ac });
    const ap = { weekday: range("09:00", "18:00"), saturday: range("09:00", "12:00"), sunday: null };
    const am = { weekday: range("08:00", "19:00"), saturday: null, sunday: range("10:00", "12:00") };
    await Promise.all([
      setUfSendWindow(userContext(db, admin), { uf: "AP", rules: ap }),
      setUfSendWindow(userContext(db, admin), { uf: "AM", rules: am }),
    ]);
    expect(await getSendWindowRules(db)).toEqual({ AC: ac, AP: ap, AM: am });
  });

  it("gives a UF back its default without touching the others, and keeps the whole-map edit working", async () => {
    const left = await setUfSendWindow(userContext(db, admin), { uf: "AP", rules: null });
    expect(Object.keys(left).sort()).toEqual(["AC", "AM"]);
    await setSendWindowRules(userContext(db, admin), { SP: { weekday: range("08:00", "20:00"), saturday: null, sunday: null } });
    expect(Object.keys(await setUfSendWindow(userContext(db, admin), { uf: "RJ", rules: { weekday: range("09:00", "19:00"), saturday: null, sunday: null } })).sort()).toEqual(["RJ", "SP"]);
  });

  it("refuses an end before the start, naming the field", async () => {
    const err = await setUfSendWindow(userContext(db, admin), { uf: "AC", rules: { weekday: range("18:00", "08:00"), saturday: null, sunday: null } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).fields).toEqual({ "rules.weekday.end": "O horário inicial deve ser anterior ao final." });
  });
});
