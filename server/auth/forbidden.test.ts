// Protects the "Sem permissão" address: it carries only a path of this site and known roles.
import { describe, expect, it } from "vitest";
import { forbiddenHref, parseForbiddenQuery, safeTriedPath } from "./forbidden";

describe("forbidden page address", () => {
  it("round-trips the path tried and the roles that may open it", () => {
    const href = forbiddenHref("/sms/lote/12", ["admin", "operador"]);
    expect(href).toBe("/sem-permissao?pagina=%2Fsms%2Flote%2F12&perfis=admin%2Coperador");
    const q = Object.fromEntries(new URL(href, "http://x").searchParams);
    expect(parseForbiddenQuery(q)).toEqual({ path: "/sms/lote/12", roles: ["admin", "operador"] });
  });

  it("drops other origins, queries and unknown roles", () => {
    for (const p of ["//evil.test/x", "/\\evil.test", "https://evil.test", "", "x"]) expect(safeTriedPath(p)).toBeNull();
    expect(safeTriedPath("/sms/fila?token=abc#x")).toBe("/sms/fila");
    expect(forbiddenHref(null, ["admin"])).toBe("/sem-permissao?perfis=admin");
    expect(parseForbiddenQuery({ pagina: ["/usuarios", "/x"], perfis: "root,admin" })).toEqual({ path: "/usuarios", roles: ["admin"] });
  });
});
