/**
 * Fakes of two Brazilian HTTP gateways used by the generic adapter's presets (providers.md):
 * SMSDev (GET /v1/send, `situacao` JSON) and Comtele (POST /api/v2/send, `auth-key`, `Success` JSON).
 * The SMSDev fake echoes the wrong key in its error text, as careless gateways do, so tests can
 * check the adapter masks it.
 */
import { FakeHttpServer, jsonReply, type RecordedRequest } from "./fake-http";

export async function startFakeSmsDev(opts: { key: string; invalidNumbers?: string[] }): Promise<FakeHttpServer> {
  let next = 637849052;
  const server = new FakeHttpServer((req: RecordedRequest) => {
    if (req.path !== "/v1/send") return jsonReply(404, { situacao: "ERRO", descricao: "NAO ENCONTRADO" });
    const key = req.query.get("key") ?? "";
    if (key !== opts.key) return jsonReply(200, { situacao: "ERRO", codigo: "400", descricao: `CHAVE KEY ${key} INVALIDA` });
    const number = req.query.get("number") ?? "";
    if (!/^\d{12,13}$/.test(number) || opts.invalidNumbers?.includes(number)) return jsonReply(200, { situacao: "ERRO", codigo: "400", descricao: "NUMERO INVALIDO" });
    return jsonReply(200, { situacao: "OK", codigo: "1", id: String(next++), descricao: "MENSAGEM NA FILA" });
  });
  return server.start();
}

export async function startFakeComtele(opts: { authKey: string }): Promise<FakeHttpServer> {
  const server = new FakeHttpServer((req: RecordedRequest) => {
    if (req.method !== "POST" || req.path !== "/api/v2/send") return jsonReply(404, { Success: false, Object: null, Message: "Not found" });
    if (req.headers["auth-key"] !== opts.authKey) return jsonReply(401, { Success: false, Object: null, Message: "Unauthorized" });
    try {
      JSON.parse(req.body);
    } catch {
      return jsonReply(400, { Success: false, Object: null, Message: "Invalid JSON" });
    }
    return jsonReply(200, { Success: true, Object: { requestUniqueId: "c0ffee" }, Message: "Mensagem enviada com sucesso." });
  });
  return server.start();
}
