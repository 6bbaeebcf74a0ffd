/**
 * Ready-made settings for the generic HTTP gateway (pure data: the account form may import it).
 * Placeholders: {user} {password} {token} {phone} {text} {id} (our message id) {sender}.
 */
import type { HttpGatewayConfigInput } from "./schemas";

export type HttpGatewayPreset = {
  label: string;
  /** What the operator must fill in credentials. */
  credentials: ("user" | "password" | "token")[];
  notes: string;
  config: HttpGatewayConfigInput;
};

export const HTTP_GATEWAY_PRESETS = {
  smsdev: {
    label: "SMSDev",
    credentials: ["token"],
    notes: "Informe a chave (key) da SMSDev como token. O id da mensagem vai em refer e volta no retorno de status.",
    config: {
      url: "https://api.smsdev.com.br/v1/send",
      method: "GET",
      contentType: "application/x-www-form-urlencoded",
      headers: {},
      queryTemplate: "key={token}&type=9&number={phone}&msg={text}&refer={id}",
      successMatcher: { type: "json", path: "situacao", equals: "OK" },
      messageIdPath: "id",
      numberFormat: "international-digits",
    },
  },
  // Unconfirmed beyond public client code (providers.md): the response's id field is unknown, so
  // our own id stands in as the provider id.
  comtele: {
    label: "Comtele",
    credentials: ["token"],
    notes: "Informe a auth-key da Comtele como token. Contrato confirmado apenas por clientes públicos.",
    config: {
      url: "https://sms.comtele.com.br/api/v2/send",
      method: "POST",
      contentType: "application/json",
      headers: { "auth-key": "{token}" },
      bodyTemplate: '{"Sender": "{sender}", "Receivers": "{phone}", "Content": "{text}"}',
      successMatcher: { type: "json", path: "Success", equals: true },
      numberFormat: "international-digits",
    },
  },
} satisfies Record<string, HttpGatewayPreset>;

export type HttpGatewayPresetId = keyof typeof HTTP_GATEWAY_PRESETS;
