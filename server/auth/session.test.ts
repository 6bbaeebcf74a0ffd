// Protects the narrowing of better-auth's user to the API's user: disabled users and unknown roles
// have no session, and nothing but id, name, e-mail and role passes through.
import { describe, expect, it } from "vitest";
import { toSessionUser } from "./session";

describe("toSessionUser", () => {
  const base = { id: "u1", name: "Ana", email: "ana@x.test", role: "admin", disabled: false, image: "x", emailVerified: true };
  it("keeps only id, name, e-mail and role", () => {
    expect(toSessionUser(base)).toEqual({ id: "u1", name: "Ana", email: "ana@x.test", role: "admin" });
  });
  it("refuses disabled users, unknown roles and no user", () => {
    expect(toSessionUser({ ...base, disabled: true })).toBeNull();
    expect(toSessionUser({ ...base, role: "root" })).toBeNull();
    expect(toSessionUser(null)).toBeNull();
  });
});
