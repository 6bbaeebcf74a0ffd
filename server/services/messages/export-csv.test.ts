// Protects the CSV export: a BOM, ";" cells quoted where needed, formula cells neutralised, pt-BR
// headers, status and origin words, São Paulo times, every page of a long history, and the
// technician restriction.
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/server/auth/session";
import { createTestDb } from "@/test/db";
import { makeCustomer, makeNetwork, makeUser } from "@/test/factories";
import { CSV_HEADER, csvCell, exportMessagesCsv } from "./export-csv";
import { insertMessage } from "./message-test-kit";
import { filtersFromSearchParams, filtersToSearchParams } from "./query-string";
import { userContext } from "@/server/services/context";

const db = createTestDb();
let op: SessionUser;
let tec: SessionUser;

async function csvOf(user: SessionUser, input: unknown = {}) {
  const bytes = new Uint8Array(await new Response(exportMessagesCsv(userContext(db, user), input)).arrayBuffer());
  return { bytes, text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes) };
}

beforeAll(async () => {
  const net = await makeNetwork(db);
  op = await makeUser(db, "operador");
  tec = await makeUser(db, "tecnico");
  const risky = await makeCustomer(db, net, { name: "=HYPERLINK(\"http://x\")", code: "7001" });
  const plain = await makeCustomer(db, net, { name: "Maria da Silva", code: "7002" });
  const at = new Date("2026-03-15T02:30:05Z");
  await insertMessage(db, {
    createdAt: at,
    createdBy: op.id,
    customerId: risky.id,
    status: "delivered",
    motivo: "+cmd|' /C calc'!A0",
    body: 'Olá; "Maria"\nlinha 2',
    sentAt: at,
    finalAt: new Date("2026-03-15T02:31:00Z"),
  });
  await insertMessage(db, { createdAt: new Date("2026-03-16T12:00:00Z"), createdBy: tec.id, customerId: plain.id, status: "failed", motivo: "Visita técnica", body: "Sua visita é amanhã.", lastErrorMessage: "@erro do provedor" });
  for (let i = 0; i < 1200; i++) await insertMessage(db, { createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)), origin: "billing", status: "queued", motivo: "Lembrete de vencimento", body: `Fatura ${i}` });
});

describe("csvCell", () => {
  it("quotes separators, quotes, line breaks and edge spaces; neutralises formulas", () => {
    expect(csvCell("simples")).toBe("simples");
    expect(csvCell("a;b")).toBe('"a;b"');
    expect(csvCell('diz "oi"')).toBe('"diz ""oi"""');
    expect(csvCell("linha\nnova")).toBe('"linha\nnova"');
    expect(csvCell(" espaço")).toBe('" espaço"');
    expect(csvCell("=1+1")).toBe("'=1+1");
    expect(csvCell("+5535")).toBe("'+5535");
    expect(csvCell("-2")).toBe("'-2");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\t=1")).toBe("'\t=1");
    expect(csvCell("=a;b")).toBe("\"'=a;b\"");
    expect(csvCell(3)).toBe("3");
    expect(csvCell(null)).toBe("");
  });
});

describe("exportMessagesCsv", () => {
  it("writes a UTF-8 BOM, the pt-BR header and each row with São Paulo times and Portuguese words", async () => {
    const { bytes, text } = await csvOf(op, { origin: "individual" });
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = text.slice(1).split("\r\n");
    expect(lines[0]).toBe(CSV_HEADER.join(";"));
    expect(lines[0]).toBe("Data/hora;Cliente;Código do cliente;Telefone;Motivo;Mensagem;Operador;Origem;Situação;Enviada em;Finalizada em;Partes;Codificação;Erro");
    expect(lines[1]).toBe(`16/03/2026 09:00:00;Maria da Silva;7002;(35) 99123-4567;Visita técnica;Sua visita é amanhã.;${tec.name};Individual;Falhou;;;1;sem acentos;'@erro do provedor`);
    // The row whose cells would run as formulas or break the layout.
    expect(text).toContain(
      `14/03/2026 23:30:05;"'=HYPERLINK(""http://x"")";7001;(35) 99123-4567;'+cmd|' /C calc'!A0;"Olá; ""Maria""\nlinha 2";${op.name};Individual;Entregue;14/03/2026 23:30:05;14/03/2026 23:31:00;1;sem acentos;\r\n`,
    );
    expect(text.endsWith("\r\n")).toBe(true);
  });

  it("streams every page of a long history, with the grid's filters", async () => {
    const { text } = await csvOf(op, { origin: "billing" });
    const rows = text.trimEnd().split("\r\n").slice(1);
    expect(rows).toHaveLength(1200);
    expect(rows[0]).toContain("Fatura 1199");
    expect(rows.at(-1)).toContain("Fatura 0");
    expect(rows[0]).toContain(";Cobrança automática;Na fila;");
    const filtered = await csvOf(op, filtersFromSearchParams(filtersToSearchParams({ from: "2026-03-14", to: "2026-03-14", statuses: ["delivered", "failed"] })));
    expect(filtered.text.trimEnd().split("\r\n")).toHaveLength(2);
  });

  it("gives a technician only their own messages", async () => {
    const { text } = await csvOf(tec, { operatorId: op.id });
    const rows = text.trimEnd().split("\r\n").slice(1);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain("Sua visita é amanhã.");
  });

  it("refuses bad filters before streaming", () => {
    expect(() => exportMessagesCsv(userContext(db, op), filtersFromSearchParams(new URLSearchParams("situacao=perdida")))).toThrow("Situação inválida.");
    expect(() => exportMessagesCsv(userContext(db, op), filtersFromSearchParams(new URLSearchParams("cliente=abc")))).toThrow();
  });
});
